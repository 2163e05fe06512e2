// The SystemC platform: programs run through the Cpu module's TLM socket, semihosting exit,
// external aborts, WFI woken by the irq input, --max-insns, timing.
#include "svesim/tlm/platform.h"

#include <catch2/catch.hpp>
#include <cstring>
#include <string>
#include <systemc>
#include <tlm_utils/simple_target_socket.h>
#include <vector>

// Not `using namespace svesim`: svesim::tlm would clash with SystemC's ::tlm.
namespace model = svesim::model;
namespace vp = svesim::tlm;
using svesim::EL;

namespace {

class StringConsole : public model::Console {
public:
    std::string out;
    void write(int, std::string_view b) override { out.append(b); }
    int readChar() override { return -1; }
};

std::string program(const char* name) {
    return std::string(SVESIM_TEST_PROGRAMS) + "/" + name + ".elf";
}

vp::PlatformConfig config(const model::ElfImage& img) {
    vp::PlatformConfig cfg;
    cfg.cpu.processor.arch.rvbar = img.entry;
    cfg.ram_size = 16 << 20;
    return cfg;
}

// Raises the platform's irq line at a given time.
struct IrqSource : sc_core::sc_module {
    SC_HAS_PROCESS(IrqSource);
    IrqSource(sc_core::sc_module_name n, sc_core::sc_signal<bool, sc_core::SC_MANY_WRITERS>& line,
              sc_core::sc_time at)
        : sc_module(n)
        , line_(&line)
        , at_(at) {
        SC_THREAD(run);
    }
    void run() {
        sc_core::wait(at_);
        line_->write(true);
    }
    sc_core::sc_signal<bool, sc_core::SC_MANY_WRITERS>* line_;
    sc_core::sc_time at_;
};

// Two Cpus on one router and RAM (sockets are made inside a module's constructor).
struct TwoCpus : sc_core::sc_module {
    TwoCpus(sc_core::sc_module_name n, const vp::CpuConfig& c0, const vp::CpuConfig& c1,
            model::Console& console)
        : sc_module(n)
        , cpu0("cpu0", c0, console)
        , cpu1("cpu1", c1, console)
        , router("router")
        , ram("ram", 16 << 20) {
        router.map("ram_port", 0x4000'0000, ram.size()).bind(ram.socket);
        cpu0.socket.bind(router.target);
        cpu1.socket.bind(router.addTarget("target1"));
        cpu0.shareGlobalMonitor(monitor);
        cpu1.shareGlobalMonitor(monitor);
    }
    svesim::isa::GlobalMonitor monitor;
    vp::Cpu cpu0, cpu1;
    vp::Router router;
    vp::Ram ram;
};

} // namespace

TEST_CASE("tlm: a program runs through the socket and exits with its SYS_EXIT status", "[tlm]") {
    const auto img = model::ElfImage::load(program("exit_code"));
    StringConsole console;
    vp::Platform platform("platform", config(img), console);
    platform.load(img);
    sc_core::sc_start();
    REQUIRE(platform.cpu.exitCode());
    CHECK(*platform.cpu.exitCode() == 7);
    const auto& p = platform.cpu.processor();
    CHECK(p.instructionsAt(EL::EL3) == p.instructions());
    CHECK(p.instructions() > 30);
    // Simulated time is exactly the cycles charged (2 GHz clock: 0.5 ns per cycle).
    CHECK(sc_core::sc_time_stamp() ==
          sc_core::sc_time(0.5 * static_cast<double>(p.cycles()), sc_core::SC_NS));
}

TEST_CASE("tlm: an access no target claims is a synchronous external abort (EC 0x25)", "[tlm]") {
    const auto img = model::ElfImage::load(program("abort"));
    StringConsole console;
    vp::Platform platform("platform", config(img), console);
    platform.load(img);
    sc_core::sc_start();
    REQUIRE(platform.cpu.exitCode());
    CHECK(*platform.cpu.exitCode() == 0x25);
}

TEST_CASE("tlm: WFI waits until the irq input rises, then the IRQ is taken", "[tlm]") {
    const auto img = model::ElfImage::load(program("wfi_irq"));
    StringConsole console;
    vp::Platform platform("platform", config(img), console);
    IrqSource src("irq_source", platform.irq, sc_core::sc_time(50, sc_core::SC_US));
    platform.load(img);
    sc_core::sc_start();
    REQUIRE(platform.cpu.exitCode());
    CHECK(*platform.cpu.exitCode() == 42);
    CHECK(sc_core::sc_time_stamp() >= sc_core::sc_time(50, sc_core::SC_US));
    // The idle time is counted as cycles (2 GHz: 100000 cycles in 50 us).
    CHECK(platform.cpu.processor().cycles() >= 100000);
}

TEST_CASE("tlm: max_instructions stops a program that never exits", "[tlm]") {
    const auto img = model::ElfImage::load(program("spin"));
    StringConsole console;
    auto cfg = config(img);
    cfg.cpu.max_instructions = 100000;
    vp::Platform platform("platform", cfg, console);
    platform.load(img);
    sc_core::sc_start();
    CHECK_FALSE(platform.cpu.exitCode());
    CHECK(platform.cpu.budgetExhausted());
    CHECK(platform.cpu.processor().instructions() == 100000);
}

TEST_CASE("tlm: a segment outside RAM is refused", "[tlm]") {
    auto img = model::ElfImage::load(program("spin"));
    img.segments.front().address = 0x1000;
    StringConsole console;
    vp::Platform platform("platform", config(img), console);
    CHECK_THROWS_AS(platform.load(img), model::ElfError);
}

TEST_CASE("tlm: malformed, truncated and non-AArch64 ELFs give their own errors", "[tlm]") {
    using Kind = model::ElfError::Kind;
    auto kindOf = [](const std::string& path) {
        try {
            model::ElfImage::load(path);
        } catch (const model::ElfError& e) {
            return e.kind();
        }
        FAIL("no error for " << path);
        return Kind::Malformed;
    };
    CHECK(kindOf("/nonexistent/file.elf") == Kind::Unreadable);
    CHECK(kindOf("/etc/hostname") == Kind::Malformed);
    CHECK(kindOf("/bin/sh") == Kind::NotAArch64);
    // A truncated copy of a real AArch64 ELF.
    const std::string src = program("exit_code"),
                      dst = std::string(SVESIM_TEST_PROGRAMS) + "/truncated.elf";
    std::FILE* in = std::fopen(src.c_str(), "rb");
    REQUIRE(in);
    std::vector<char> buf(200);
    const auto n = std::fread(buf.data(), 1, buf.size(), in);
    std::fclose(in);
    std::FILE* out = std::fopen(dst.c_str(), "wb");
    std::fwrite(buf.data(), 1, n, out);
    std::fclose(out);
    CHECK(kindOf(dst) == Kind::Malformed);
}

TEST_CASE("tlm: vIRQ: HCR_EL2.VI and the virq input are taken at EL1 when HCR_EL2.IMO is set "
          "(R23)",
          "[tlm][R23]") {
    const auto img = model::ElfImage::load(program("virq"));
    StringConsole console;
    vp::Platform platform("platform", config(img), console);
    sc_core::sc_signal<bool, sc_core::SC_MANY_WRITERS> virq("virq_line");
    platform.cpu.virq.bind(virq);
    IrqSource src("virq_source", virq, sc_core::sc_time(20, sc_core::SC_US));
    platform.load(img);
    sc_core::sc_start();
    REQUIRE(platform.cpu.exitCode());
    CHECK(*platform.cpu.exitCode() == 42);
    CHECK(sc_core::sc_time_stamp() >= sc_core::sc_time(20, sc_core::SC_US));
    CHECK(platform.cpu.processor().arch().cpu.pstate.el == EL::EL1);
    // Statistics and traces name them vIRQ (the exception-kind text of the event stream).
    CHECK(std::string(svesim::name(svesim::Exception::VirtualIRQ)) == "vIRQ");
}

TEST_CASE("tlm: two Cpus share RAM through one router, each with its own state and quantum; "
          "exclusives and SEV/WFE across them",
          "[tlm]") {
    const auto img = model::ElfImage::load(program("two_cpus"));
    StringConsole console;
    vp::CpuConfig c0;
    c0.set("rvbar", std::to_string(img.entry));
    c0.set("max_vl", "512");
    c0.set("quantum", "100ns");
    c0.stop_simulation_on_exit = false;
    vp::CpuConfig c1 = c0;
    c1.set("max_vl", "256");
    c1.set("mpidr", "0x80000001");
    c1.set("quantum", "3us");
    TwoCpus top("top", c0, c1, console);
    vp::Cpu& cpu0 = top.cpu0;
    vp::Cpu& cpu1 = top.cpu1;
    for (const model::ElfSegment& seg : img.segments)
        REQUIRE(
            cpu0.debugWrite(seg.address, seg.data.data(), static_cast<unsigned>(seg.data.size())));
    sc_core::sc_start();
    REQUIRE(cpu0.exitCode());
    REQUIRE(cpu1.exitCode());
    CHECK(*cpu0.exitCode() == 64);       // VL 512 = 64 bytes
    CHECK(*cpu1.exitCode() == 100 + 32); // VL 256, after seeing PE 0's flag
    CHECK(cpu0.processor().arch().cpu.sysregs.raw(svesim::SysReg::MPIDR_EL1) == 0x80000000);
    CHECK(cpu1.processor().arch().cpu.sysregs.raw(svesim::SysReg::MPIDR_EL1) == 0x80000001);
    CHECK(cpu0.quantum() == sc_core::sc_time(100, sc_core::SC_NS));
    CHECK(cpu1.quantum() == sc_core::sc_time(3, sc_core::SC_US));
    // Both wrote their slot in the one RAM.
    std::uint64_t slots[2] = {}, counter = 0;
    REQUIRE(cpu1.debugRead(img.symbols.at("slots"), slots, sizeof slots));
    CHECK(slots[0] == 64);
    CHECK(slots[1] == 32);
    // 2 x 1000 LDAXR/STLXR increments interleaved at every 100 ns quantum of PE 0: none lost,
    // because a store by one PE clears the other's global exclusive monitor.
    REQUIRE(cpu0.debugRead(img.symbols.at("counter"), &counter, sizeof counter));
    CHECK(counter == 2000);
}

TEST_CASE("tlm: TLBI VAE3IS on one Cpu reaches the other Cpu's TLB", "[tlm][mmu]") {
    // tests/tlm/programs/tlbi_is.s: PE 1 caches a translation, PE 0 remaps the page and
    // broadcasts TLBI VAE3IS + DSB ISH; PE 1 must then read the new page (ARM-M D8.13).
    const auto img = model::ElfImage::load(program("tlbi_is"));
    StringConsole console;
    vp::CpuConfig c0;
    c0.set("rvbar", std::to_string(img.entry));
    c0.set("quantum", "100ns");
    c0.stop_simulation_on_exit = false;
    vp::CpuConfig c1 = c0;
    c1.set("mpidr", "0x80000001");
    TwoCpus top("top", c0, c1, console);
    for (const model::ElfSegment& seg : img.segments)
        REQUIRE(top.cpu0.debugWrite(seg.address, seg.data.data(),
                                    static_cast<unsigned>(seg.data.size())));
    sc_core::sc_start();
    REQUIRE(top.cpu0.exitCode());
    REQUIRE(top.cpu1.exitCode());
    CHECK(*top.cpu0.exitCode() == 0);
    CHECK(*top.cpu1.exitCode() == 112); // first read PAGE_A (1), second PAGE_B (2)
}

namespace {

// Memory that grants DMI until told to revoke it: then it calls invalidate_direct_mem_ptr and
// refuses DMI, so the Cpu must go back to b_transport.
struct RevokingMemory : sc_core::sc_module {
    SC_HAS_PROCESS(RevokingMemory);
    RevokingMemory(sc_core::sc_module_name n, sc_core::sc_time revoke_at)
        : sc_module(n)
        , socket("socket")
        , bytes(1 << 20)
        , revoke_at_(revoke_at) {
        socket.register_b_transport(this, &RevokingMemory::b_transport);
        socket.register_get_direct_mem_ptr(this, &RevokingMemory::get_direct_mem_ptr);
        socket.register_transport_dbg(this, &RevokingMemory::transport_dbg);
        SC_THREAD(revoke);
    }
    static constexpr std::uint64_t kBase = 0x4000'0000;
    tlm_utils::simple_target_socket<RevokingMemory> socket;
    std::vector<unsigned char> bytes;
    bool dmi = true;
    unsigned transports_after_revoke = 0, dmi_grants = 0;

private:
    bool copy(tlm::tlm_generic_payload& t) {
        const std::uint64_t a = t.get_address() - kBase;
        if (t.get_address() < kBase || a + t.get_data_length() > bytes.size()) return false;
        if (t.is_read())
            std::memcpy(t.get_data_ptr(), &bytes[a], t.get_data_length());
        else
            std::memcpy(&bytes[a], t.get_data_ptr(), t.get_data_length());
        return true;
    }
    void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time&) {
        if (!dmi) ++transports_after_revoke;
        t.set_response_status(copy(t) ? tlm::TLM_OK_RESPONSE : tlm::TLM_ADDRESS_ERROR_RESPONSE);
        t.set_dmi_allowed(dmi);
    }
    bool get_direct_mem_ptr(tlm::tlm_generic_payload&, tlm::tlm_dmi& d) {
        if (!dmi) return false;
        ++dmi_grants;
        d.set_dmi_ptr(bytes.data());
        d.set_start_address(kBase);
        d.set_end_address(kBase + bytes.size() - 1);
        d.allow_read_write();
        return true;
    }
    unsigned transport_dbg(tlm::tlm_generic_payload& t) {
        return copy(t) ? t.get_data_length() : 0;
    }
    void revoke() {
        sc_core::wait(revoke_at_);
        dmi = false;
        socket->invalidate_direct_mem_ptr(0, ~std::uint64_t{0});
    }
    sc_core::sc_time revoke_at_;
};

} // namespace

TEST_CASE("tlm: DMI is used while granted and dropped on invalidate_direct_mem_ptr", "[tlm]") {
    const auto img = model::ElfImage::load(program("dmi_loop"));
    StringConsole console;
    vp::CpuConfig cfg;
    cfg.set("rvbar", std::to_string(img.entry));
    RevokingMemory mem("mem", sc_core::sc_time(20, sc_core::SC_US));
    vp::Cpu cpu("cpu", cfg, console);
    cpu.socket.bind(mem.socket);
    for (const model::ElfSegment& seg : img.segments)
        REQUIRE(
            cpu.debugWrite(seg.address, seg.data.data(), static_cast<unsigned>(seg.data.size())));
    sc_core::sc_start();
    REQUIRE(cpu.exitCode());
    CHECK(*cpu.exitCode() == 0); // every increment landed, before and after the revocation
    CHECK(mem.dmi_grants == 1);
    CHECK_FALSE(mem.dmi);
    // After the revocation every load and store of the remaining rounds is a transaction.
    CHECK(mem.transports_after_revoke > 1000);
    CHECK(sc_core::sc_time_stamp() > sc_core::sc_time(20, sc_core::SC_US));
}
