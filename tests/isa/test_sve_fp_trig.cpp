// SVE FP trigonometric, exponential, scale and complex instructions (isa/src/sve_fp_trig.cpp,
// isa/src/sve_fp_complex.cpp) beyond their values (test_sve_fp_trig_qemu.cpp has QEMU's): one
// word per row with its LLVM 14 disassembly, the SVE access trap (EC 0x19) with nothing
// changed, and UNDEFINED for the unallocated encodings next to them (LLVM rejects each).
#include "support/isa_harness.h"
#include "svesim/exceptions/exception_record.h"

#include <catch2/catch.hpp>
#include <fmt/core.h>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

struct Dis {
    std::uint32_t word;
    const char* text;
};
// llvm-mc --disassemble -mattr=+v8.2a,+sve
// clang-format off
const Dis kWords[] = {
    {0x65420c20, "ftsmul\tz0.h, z1.h, z2.h"},
    {0x04a2b020, "ftssel\tz0.s, z1.s, z2.s"},
    {0x04e0b820, "fexpa\tz0.d, z1.d"},
    {0x65d38040, "ftmad\tz0.d, z0.d, z2.d, #3"},
    {0x65898440, "fscale\tz0.s, p1/m, z0.s, z2.s"},
    {0x64c18440, "fcadd\tz0.d, p1/m, z0.d, z2.d, #270"},
    {0x64426420, "fcmla\tz0.h, p1/m, z1.h, z2.h, #270"},
    {0x64ba1420, "fcmla\tz0.h, z1.h, z2.h[3], #90"},
    {0x64f21c20, "fcmla\tz0.s, z1.s, z2.s[1], #270"},
};
// clang-format on

std::vector<std::uint8_t> bytes(std::span<const std::uint8_t> s) {
    return {s.begin(), s.end()};
}

} // namespace

TEST_CASE("SVE FP trig/complex: disassembly is LLVM's and the timing class SveAlu",
          "[fp][sve_fp_trig]") {
    for (const Dis& d : kWords) {
        INFO(fmt::format("{:#010x}", d.word));
        CHECK(isa::disassemble(d.word, 0) == d.text);
        const isa::InsnDef* def = isa::decode(d.word);
        REQUIRE(def != nullptr);
        CHECK(def->timing == isa::TimingClass::SveAlu);
    }
}

TEST_CASE("SVE FP trig/complex: with SVE disabled every row traps with EC 0x19 and changes "
          "nothing",
          "[fp][sve_fp_trig]") {
    for (const Dis& d : kWords) {
        INFO(d.text);
        IsaHarness h(512);
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 20); // FPEN = 11, ZEN = 00
        const auto z0 = bytes(h.z(0));
        REQUIRE(h.exec(d.word) != nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::SVEAccessTrap);
        CHECK(exceptionClass(h.cx.fault->record.type, EL::EL1, h.cx.fault->target) == 0x19);
        CHECK(h.arch.cpu.pc == 0x1000);
        CHECK(bytes(h.z(0)) == z0);
        CHECK(h.arch.cpu.sysregs.read(SysReg::FPSR) == 0);
    }
}

TEST_CASE("SVE FP trig/complex: unallocated encodings are UNDEFINED", "[fp][sve_fp_trig]") {
    // clang-format off
    const std::uint32_t kUndefined[] = {
        0x0422b020, // ftssel with size 00
        0x0420b820, // fexpa with size 00
        0x65138040, // ftmad with size 00
        0x64018440, // fcadd with size 00
        0x64026420, // fcmla (vectors) with size 00
        0x643a1420, // fcmla (indexed) with size 00
        0x647a1420, // fcmla (indexed) with size 01
    };
    // clang-format on
    for (std::uint32_t w : kUndefined) {
        INFO(fmt::format("{:#010x}", w));
        IsaHarness h(256);
        CHECK(isa::decode(w) == nullptr);
        CHECK(h.exec(w) == nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::Uncategorized);
    }
}
