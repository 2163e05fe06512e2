// libFuzzer target: decode and execute arbitrary A64 code on the processor, from an arbitrary
// configuration. Any crash, sanitizer report or host assertion is a bug; the only outcomes
// allowed are architected ones (instructions, exceptions, semihosting exit, WFI).
#include "svesim/model/processor.h"

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

namespace {

using namespace svesim;

class FuzzMemory : public isa::MemoryBackend {
public:
    static constexpr std::uint64_t kBase = 0;
    static constexpr std::uint64_t kSize = 0x10000;
    FuzzMemory()
        : bytes_(kSize, 0) {}
    bool read(std::uint64_t addr, void* dst, unsigned size) override {
        if (addr >= kSize || size > kSize - addr) return false;
        std::memcpy(dst, bytes_.data() + addr, size);
        return true;
    }
    bool write(std::uint64_t addr, const void* src, unsigned size) override {
        if (addr >= kSize || size > kSize - addr) return false;
        std::memcpy(bytes_.data() + addr, src, size);
        return true;
    }
    std::vector<std::uint8_t> bytes_;
};

class NullConsole : public model::Console {
public:
    void write(int, std::string_view) override {}
    int readChar() override { return -1; }
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 16) return 0;
    std::uint64_t cfg_bits = 0;
    std::memcpy(&cfg_bits, data, 8);
    const auto take = [&](unsigned n) {
        const std::uint64_t v = cfg_bits & ((std::uint64_t{1} << n) - 1);
        cfg_bits >>= n;
        return v;
    };
    model::ProcessorConfig cfg;
    cfg.arch.features.has_el2 = take(1) != 0;
    cfg.arch.features.has_el3 = take(1) != 0;
    cfg.arch.sve.max_vl = VectorLength::fromBits(128U << take(2)); // 128..1024
    if (take(1) != 0) cfg.arch.sve.max_vl = VectorLength::fromBits(2048);
    cfg.arch.sve.vl_set = take(1) != 0 ? VlSet::Any : VlSet::PowersOfTwo;
    switch (take(2)) {
    case 0: cfg.arch.policy = ZeroUpperPolicy::preserve(); break;
    case 1: cfg.arch.policy = ZeroUpperPolicy::zero(); break;
    case 2: cfg.arch.policy = ZeroUpperPolicy::qemu(); break;
    default: cfg.arch.policy = ZeroUpperPolicy::random(take(8)); break;
    }
    FuzzMemory mem;
    NullConsole console;
    model::Processor proc(cfg, mem, console);
    CpuState& s = proc.arch().cpu;
    // Random controls: enables, ZCRs, HCR/SCR routing bits, SCTLR (alignment, MMU bit).
    s.sysregs.write(SysReg::CPACR_EL1, take(4) << 16);
    s.sysregs.write(SysReg::CPTR_EL2, (take(4) << 16) | (take(1) << 8) | (take(1) << 10));
    s.sysregs.write(SysReg::CPTR_EL3, (take(1) << 8) | (take(1) << 10));
    s.sysregs.write(SysReg::ZCR_EL1, take(4));
    s.sysregs.write(SysReg::ZCR_EL2, take(4));
    s.sysregs.write(SysReg::ZCR_EL3, take(4));
    s.sysregs.write(SysReg::HCR_EL2, (take(1) << hcr::E2H) | (take(1) << hcr::TGE) |
                                         (take(1) << hcr::IMO) | bit(hcr::RW));
    s.sysregs.write(SysReg::SCR_EL3, bit(scr::NS) | bit(scr::RW) | (take(1) << scr::HCE));
    s.sysregs.write(SysReg::SCTLR_EL1, s.sysregs.read(SysReg::SCTLR_EL1) | take(1));
    const unsigned el = static_cast<unsigned>(take(2));
    if (proc.arch().cpu.features.haveEL(elFromUnsigned(el))) s.pstate.el = elFromUnsigned(el);
    proc.setIrq(take(1) != 0);
    // The code: the rest of the input, at 0x1000; vectors at 0 (whatever the input put there).
    const std::size_t code = std::min<std::size_t>(size - 8, 0x8000);
    mem.write(0x1000, data + 8, static_cast<unsigned>(code));
    mem.write(0, data + 8, static_cast<unsigned>(std::min<std::size_t>(code, 0x800)));
    s.pc = 0x1000;
    proc.context().refreshVL();
    for (int round = 0; round < 4; ++round) {
        const auto r = proc.run(500);
        if (r.reason == model::StopReason::Exit) break;
        if (r.reason == model::StopReason::WaitForInterrupt) proc.setIrq(true);
    }
    return 0;
}
