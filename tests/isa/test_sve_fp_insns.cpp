// SVE FP instructions (isa/src/sve_fp_insns.cpp) beyond their values (test_sve_fp_qemu.cpp has
// QEMU's): one word per row with its LLVM 14 disassembly, the SVE access trap (EC 0x19) with
// nothing changed, and UNDEFINED for unallocated and not implemented encodings.
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
// llvm-mc -mattr=+v8.2a,+sve -show-encoding
// clang-format off
const Dis kWords[] = {
    {0x65420020, "fadd\tz0.h, z1.h, z2.h"},
    {0x65c21c20, "frsqrts\tz0.d, z1.d, z2.d"},
    {0x658c8420, "fdivr\tz0.s, p1/m, z0.s, z1.s"},
    {0x65ca9fe0, "fmulx\tz0.d, p7/m, z0.d, z31.d"},
    {0x65624420, "fnmla\tz0.h, p1/m, z1.h, z2.h"},
    {0x65a2a420, "fmsb\tz0.s, p1/m, z1.s, z2.s"},
    {0x65c2c420, "fcmuo\tp0.d, p1/z, z1.d, z2.d"},
    {0x6582fc3f, "facgt\tp15.s, p7/z, z1.s, z2.s"},
    {0x045da420, "fneg\tz0.h, p1/m, z1.h"},
    {0x65cda420, "fsqrt\tz0.d, p1/m, z1.d"},
    {0x658ca420, "frecpx\tz0.s, p1/m, z1.s"},
    {0x6544a420, "frinta\tz0.h, p1/m, z1.h"},
    {0x658f3020, "frsqrte\tz0.s, z1.s"},
    {0x65912430, "fcmle\tp0.s, p1/z, z1.s, #0.0"},
    {0x65842420, "fmaxnmv\ts0, p1, z1.s"},
    {0x65982420, "fadda\ts0, p1, s0, z1.s"},
    {0x25b9ce00, "fmov\tz0.s, #1.00000000"},
    {0x0591ce00, "fmov\tz0.s, p1/m, #1.00000000"},
    {0x65c9a420, "fcvt\tz0.d, p1/m, z1.h"},
    {0x65d4a420, "scvtf\tz0.s, p1/m, z1.d"},
    {0x65dfa420, "fcvtzu\tz0.d, p1/m, z1.d"},
    {0x65da8420, "fmul\tz0.d, p1/m, z0.d, #2.0"},
    {0x659d8400, "fminnm\tz0.s, p1/m, z0.s, #0.0"},
    {0x647a0020, "fmla\tz0.h, z1.h, z2.h[7]"},
    {0x64220420, "fmls\tz0.h, z1.h, z2.h[0]"},
    {0x64ff2020, "fmul\tz0.d, z1.d, z15.d[1]"},
};
// clang-format on

std::vector<std::uint8_t> bytes(std::span<const std::uint8_t> s) {
    return {s.begin(), s.end()};
}

} // namespace

TEST_CASE(
    "SVE FP: disassembly is LLVM's and the timing class SveAlu (SveFpDivSqrt for FDIV, FDIVR, "
    "FSQRT)",
    "[fp][sve_fp]") {
    for (const Dis& d : kWords) {
        INFO(fmt::format("{:#010x}", d.word));
        CHECK(isa::disassemble(d.word, 0) == d.text);
        const isa::InsnDef* def = isa::decode(d.word);
        REQUIRE(def != nullptr);
        // Divide and square root run on the iterative divider (docs/timing.md).
        const std::string_view text = d.text;
        const bool divider = text.starts_with("fdiv") || text.starts_with("fsqrt");
        CHECK(def->timing == (divider ? isa::TimingClass::SveFpDivSqrt : isa::TimingClass::SveAlu));
    }
}

TEST_CASE("SVE FP: with SVE disabled every row traps with EC 0x19 and changes nothing",
          "[fp][sve_fp]") {
    for (const Dis& d : kWords) {
        INFO(d.text);
        IsaHarness h(512);
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 20); // FPEN = 11, ZEN = 00
        const auto z0 = bytes(h.z(0));
        const auto p0 = bytes(h.arch.sve.P(0, h.cx.vl()));
        REQUIRE(h.exec(d.word) != nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::SVEAccessTrap);
        CHECK(exceptionClass(h.cx.fault->record.type, EL::EL1, h.cx.fault->target) == 0x19);
        CHECK(h.arch.cpu.pc == 0x1000);
        CHECK(bytes(h.z(0)) == z0);
        CHECK(bytes(h.arch.sve.P(0, h.cx.vl())) == p0);
        CHECK(h.arch.cpu.sysregs.read(SysReg::FPSR) == 0);
    }
}

TEST_CASE("SVE FP: unallocated and not implemented encodings are UNDEFINED", "[fp][sve_fp]") {
    // clang-format off
    const std::uint32_t kUndefined[] = {
        0x65020020, // fadd with size 00 (no byte FP)
        0x65020c20, // ftsmul with size 00
        0x65098420, // fscale with size 00
        0x6582e420, // compare op:o2:o3 = 110
        0x6545a420, // frint with opc 101
        0x650ca420, // frecpx with size 00
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
