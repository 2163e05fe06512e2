// A virtual platform of one's own with svesim's CPU in it: the platform's memory, address
// decoder, a doorbell device and an interrupt source are written here, not taken from svesim;
// only svesim::tlm::Cpu (a TLM-2.0 initiator with irq/fiq/virq/vfiq inputs) comes from the package.
//
//   embed [program.elf [params.ini]]   (default: program.elf in the working directory)
//
// The program (program.S) writes its vector length to the doorbell, waits in WFI, and exits
// through semihosting when the interrupt source fires. Exit status 0 when everything happened
// as expected, 1 otherwise, 2 on bad input.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <string>
#include <svesim/model/elf_image.h>
#include <svesim/model/semihosting.h>
#include <svesim/tlm/cpu.h>
#include <svesim/tlm/platform.h>
#include <systemc>
#include <tlm>
#include <tlm_utils/simple_initiator_socket.h>
#include <tlm_utils/simple_target_socket.h>
#include <vector>

namespace {

constexpr std::uint64_t kMemBase = 0x80000000, kMemSize = 1 << 20;
constexpr std::uint64_t kDoorbellBase = 0x10000000, kDoorbellSize = 0x10;

// The platform's memory: plain bytes, with DMI so the CPU reads and writes it directly.
struct Memory : sc_core::sc_module {
    tlm_utils::simple_target_socket<Memory> socket;
    std::vector<unsigned char> bytes = std::vector<unsigned char>(kMemSize);

    explicit Memory(sc_core::sc_module_name n)
        : sc_module(n) {
        socket.register_b_transport(this, &Memory::b_transport);
        socket.register_get_direct_mem_ptr(this, &Memory::dmi);
        socket.register_transport_dbg(this, &Memory::debug);
    }
    unsigned access(tlm::tlm_generic_payload& t) {
        const auto a = t.get_address();
        const auto len = t.get_data_length();
        if (a >= kMemSize || len > kMemSize - a) {
            t.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
            return 0;
        }
        if (t.is_read())
            std::memcpy(t.get_data_ptr(), &bytes[a], len);
        else
            std::memcpy(&bytes[a], t.get_data_ptr(), len);
        t.set_dmi_allowed(true);
        t.set_response_status(tlm::TLM_OK_RESPONSE);
        return len;
    }
    void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
        access(t);
        delay += sc_core::sc_time(10, sc_core::SC_NS);
    }
    unsigned debug(tlm::tlm_generic_payload& t) { return access(t); }
    bool dmi(tlm::tlm_generic_payload&, tlm::tlm_dmi& d) {
        d.set_dmi_ptr(bytes.data());
        d.set_start_address(0);
        d.set_end_address(kMemSize - 1);
        d.allow_read_write();
        d.set_read_latency(sc_core::sc_time(10, sc_core::SC_NS));
        d.set_write_latency(sc_core::sc_time(10, sc_core::SC_NS));
        return true;
    }
};

// Two 64-bit words the program writes: [0] its VL in bytes, [1] the interrupt acknowledgement.
struct Doorbell : sc_core::sc_module {
    tlm_utils::simple_target_socket<Doorbell> socket;
    std::uint64_t words[2] = {0, 0};
    sc_core::sc_event rung;

    explicit Doorbell(sc_core::sc_module_name n)
        : sc_module(n) {
        socket.register_b_transport(this, &Doorbell::b_transport);
    }
    void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time&) {
        const auto a = t.get_address();
        if (a % 8 != 0 || a >= kDoorbellSize || t.get_data_length() != 8) {
            t.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
            return;
        }
        if (t.is_write()) {
            std::memcpy(&words[a / 8], t.get_data_ptr(), 8);
            rung.notify(sc_core::SC_ZERO_TIME);
        } else {
            std::memcpy(t.get_data_ptr(), &words[a / 8], 8);
        }
        t.set_response_status(tlm::TLM_OK_RESPONSE);
    }
};

// The address decoder: memory at kMemBase, the doorbell at kDoorbellBase.
struct Bus : sc_core::sc_module {
    tlm_utils::simple_target_socket<Bus> target;
    tlm_utils::simple_initiator_socket<Bus> to_mem, to_doorbell;

    explicit Bus(sc_core::sc_module_name n)
        : sc_module(n) {
        target.register_b_transport(this, &Bus::b_transport);
        target.register_get_direct_mem_ptr(this, &Bus::dmi);
        target.register_transport_dbg(this, &Bus::debug);
        to_mem.register_invalidate_direct_mem_ptr(this, &Bus::invalidate);
    }
    // Which port and the address inside it; nullptr when nothing is mapped there.
    tlm_utils::simple_initiator_socket<Bus>* decode(tlm::tlm_generic_payload& t) {
        const auto a = t.get_address();
        if (a >= kMemBase && a - kMemBase < kMemSize) {
            t.set_address(a - kMemBase);
            return &to_mem;
        }
        if (a >= kDoorbellBase && a - kDoorbellBase < kDoorbellSize) {
            t.set_address(a - kDoorbellBase);
            return &to_doorbell;
        }
        t.set_response_status(tlm::TLM_ADDRESS_ERROR_RESPONSE);
        return nullptr;
    }
    void b_transport(tlm::tlm_generic_payload& t, sc_core::sc_time& delay) {
        if (auto* port = decode(t)) (*port)->b_transport(t, delay);
    }
    unsigned debug(tlm::tlm_generic_payload& t) {
        auto* port = decode(t);
        return port ? (*port)->transport_dbg(t) : 0;
    }
    bool dmi(tlm::tlm_generic_payload& t, tlm::tlm_dmi& d) {
        if (decode(t) != &to_mem) return false;
        const bool ok = to_mem->get_direct_mem_ptr(t, d);
        d.set_start_address(d.get_start_address() + kMemBase);
        d.set_end_address(d.get_end_address() + kMemBase);
        return ok;
    }
    void invalidate(sc_dt::uint64 start, sc_dt::uint64 end) {
        target->invalidate_direct_mem_ptr(start + kMemBase, end + kMemBase);
    }
};

// The interrupt source: raises irq 5 us after the doorbell's first ring, drops it once the
// program acknowledges.
struct Timer : sc_core::sc_module {
    sc_core::sc_out<bool> irq;
    Doorbell& doorbell;
    SC_HAS_PROCESS(Timer);
    Timer(sc_core::sc_module_name n, Doorbell& d)
        : sc_module(n)
        , doorbell(d) {
        SC_THREAD(run);
    }
    void run() {
        wait(doorbell.rung);
        wait(5, sc_core::SC_US);
        irq.write(true);
        while (doorbell.words[1] == 0)
            wait(doorbell.rung);
        irq.write(false);
    }
};

} // namespace

// Usage: embed [PROGRAM.elf [PARAMS.ini]]: the optional file sets Cpu parameters by name
// (`svesim params` lists them); the ones set here in C++ come first.
int sc_main(int argc, char* argv[]) {
    const std::string path = argc > 1 ? argv[1] : "program.elf";
    try {
        const auto image = svesim::model::ElfImage::load(path);
        svesim::tlm::checkEntry(image); // an entry outside the image would only fault for ever

        svesim::tlm::CpuConfig cfg;
        cfg.set("max_vl", "1024");
        cfg.set("rvbar", std::to_string(image.entry)); // reset at EL3, at the program's entry
        cfg.set("quantum", "1us");
        if (argc > 2) cfg.load(argv[2], "cpu"); // lines before a section, then [cpu]
        cfg.max_instructions = 10'000'000;

        svesim::model::StdioConsole console;
        svesim::tlm::Cpu cpu("cpu", cfg, console);
        Bus bus("bus");
        Memory mem("mem");
        Doorbell doorbell("doorbell");
        Timer timer("timer", doorbell);
        sc_core::sc_signal<bool> irq("irq"); // fiq, virq and vfiq stay unbound: never raised

        cpu.socket.bind(bus.target);
        bus.to_mem.bind(mem.socket);
        bus.to_doorbell.bind(doorbell.socket);
        cpu.irq.bind(irq);
        timer.irq.bind(irq);

        for (const auto& seg : image.segments)
            if (!cpu.debugWrite(seg.address, seg.data.data(),
                                static_cast<unsigned>(seg.data.size()))) {
                std::fprintf(stderr, "embed: %s: a segment lies outside the platform's memory\n",
                             path.c_str());
                return 2;
            }

        sc_core::sc_start();

        if (const auto& storm = cpu.exceptionStorm()) {
            // The same fault at the same vector again and again: the Cpu stopped the run.
            std::fprintf(stderr, "embed: %s\n", svesim::model::describe(*storm).c_str());
            return 1;
        }
        const auto exit_code = cpu.exitCode();
        std::printf("embed: VL %llu bits, interrupt %s, exit status %d, %s simulated\n",
                    static_cast<unsigned long long>(doorbell.words[0] * 8),
                    doorbell.words[1] ? "acknowledged" : "never taken", exit_code.value_or(-1),
                    sc_core::sc_time_stamp().to_string().c_str());
        // The program asked for VL 512 (ZCR_EL3.LEN = 3) on a 1024-bit implementation.
        return exit_code == 0 && doorbell.words[0] == 64 && doorbell.words[1] == 1 ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "embed: %s\n", e.what());
        return 2;
    }
}
