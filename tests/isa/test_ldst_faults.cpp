// Faults of loads and stores (isa/src/ldst_insns.cpp with the checks of exec_context.cpp):
// synchronous External abort on an unmapped address (EC 0x25 at the same EL, 0x24 from EL0;
// ISS DFSC 0x10 and WnR; FAR; preferred return = the instruction; no register or writeback
// change), the alignment fault (DFSC 0x21) when the MMU is off (Device-nGnRnE) or SCTLR.A is
// set, and the SP alignment fault (EC 0x26) with SCTLR_ELx.SA / SA0. ESR values are written
// out by hand from the Arm ARM ESR_ELx layout: EC[31:26], IL[25] = 1, ISS[24:0].
#include "support/isa_harness.h"
#include "svesim/exceptions/take_exception.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace svesim;
using namespace svesim::test;

namespace {

struct Taken {
    EL target;
    std::uint64_t esr, far, elr;
};

// Executes `word`, which must fault, and takes the exception; returns what the target EL sees.
Taken fault(IsaHarness& h, std::uint32_t word) {
    INFO(fmt::format("{:#010x} {}", word, isa::disassemble(word, h.arch.cpu.pc)));
    CHECK(h.exec(word) != nullptr);
    REQUIRE(h.cx.faulted());
    const ExceptionEntry e = *h.cx.fault;
    AArch64_TakeException(h.arch, e);
    const auto& r = h.arch.cpu.sysregs;
    switch (e.target) {
    case EL::EL2:
        return {e.target, r.raw(SysReg::ESR_EL2), r.raw(SysReg::FAR_EL2), r.raw(SysReg::ELR_EL2)};
    case EL::EL3:
        return {e.target, r.raw(SysReg::ESR_EL3), r.raw(SysReg::FAR_EL3), r.raw(SysReg::ELR_EL3)};
    default:
        return {e.target, r.raw(SysReg::ESR_EL1), r.raw(SysReg::FAR_EL1), r.raw(SysReg::ELR_EL1)};
    }
}

void run(IsaHarness& h, std::uint32_t word) {
    INFO(fmt::format("{:#010x} {}", word, isa::disassemble(word, h.arch.cpu.pc)));
    REQUIRE(h.exec(word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
}

void clearSctlrBits(IsaHarness& h, SysReg r, std::uint64_t bits) {
    h.arch.cpu.sysregs.write(r, h.arch.cpu.sysregs.read(r) & ~bits);
}
void setSctlrBits(IsaHarness& h, SysReg r, std::uint64_t bits) {
    h.arch.cpu.sysregs.write(r, h.arch.cpu.sysregs.read(r) | bits);
}

constexpr std::uint64_t kUnmapped = 0x30000;
constexpr std::uint32_t kEsrDataAbortSameEl = 0x9600'0000;  // EC 0x25, IL
constexpr std::uint32_t kEsrDataAbortLowerEl = 0x9200'0000; // EC 0x24, IL
constexpr std::uint32_t kEsrSpAlignment = 0x9A00'0000;      // EC 0x26, IL
constexpr std::uint32_t kWnR = 1U << 6, kDfscExternal = 0x10, kDfscAlignment = 0x21;

} // namespace

TEST_CASE("ldst: an unmapped address takes a synchronous External abort", "[isa][ldst]") {
    SECTION("load at EL1: EC 0x25, DFSC 0x10, FAR, preferred return = this instruction") {
        IsaHarness h;
        h.setX(1, kUnmapped);
        h.setX(0, 0x0123);
        const Taken t = fault(h, 0xf9400020); // ldr x0, [x1]
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == (kEsrDataAbortSameEl | kDfscExternal));
        CHECK(t.far == kUnmapped);
        CHECK(t.elr == 0x1000);
        CHECK(h.x(0) == 0x0123);
    }
    SECTION("store at EL1: WnR set") {
        IsaHarness h;
        h.setX(1, kUnmapped);
        const Taken t = fault(h, 0xb9000422); // str w2, [x1, #4]
        CHECK(t.esr == (kEsrDataAbortSameEl | kWnR | kDfscExternal));
        CHECK(t.far == kUnmapped + 4);
    }
    SECTION("from EL0: EC 0x24 to EL1") {
        IsaHarness h(512, EL::EL0);
        h.setX(1, 0xFFF8);                    // just below the memory
        const Taken t = fault(h, 0xf9400020); // ldr x0, [x1]
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == (kEsrDataAbortLowerEl | kDfscExternal));
        CHECK(t.far == 0xFFF8);
    }
    SECTION("at EL2: to EL2, EC 0x25") {
        IsaHarness h(512, EL::EL2);
        h.setX(1, kUnmapped);
        const Taken t = fault(h, 0xf9000022); // str x2, [x1]
        CHECK(t.target == EL::EL2);
        CHECK(t.esr == (kEsrDataAbortSameEl | kWnR | kDfscExternal));
        CHECK(t.far == kUnmapped);
    }
    SECTION("no writeback when the access faults") {
        IsaHarness h;
        h.setX(1, kUnmapped);
        const Taken t = fault(h, 0xf8408c20); // ldr x0, [x1, #8]!
        CHECK(t.far == kUnmapped + 8);
        CHECK(h.x(1) == kUnmapped);
    }
    SECTION("LDP whose second element is unmapped changes neither register") {
        IsaHarness h;
        h.setX(1, 0x1FFF8);
        h.mem.put<std::uint64_t>(0x1FFF8, 0x7777);
        h.setX(4, 0x44);
        h.setX(5, 0x55);
        const Taken t = fault(h, 0xa9401424); // ldp x4, x5, [x1]
        CHECK(t.esr == (kEsrDataAbortSameEl | kDfscExternal));
        CHECK(t.far == 0x20000);
        CHECK(h.x(4) == 0x44);
        CHECK(h.x(5) == 0x55);
    }
    SECTION("a SIMD&FP load leaves the vector unchanged") {
        IsaHarness h;
        h.setX(1, kUnmapped);
        auto z = h.zFull(0);
        std::fill(z.begin(), z.end(), std::uint8_t{0x66});
        const Taken t = fault(h, 0x3dc00020); // ldr q0, [x1]
        CHECK(t.far == kUnmapped);
        for (std::uint8_t b : h.z(0))
            CHECK(b == 0x66);
    }
}

TEST_CASE("ldst: with the MMU off (Device-nGnRnE) unaligned accesses take an alignment fault",
          "[isa][ldst]") {
    struct Access {
        std::uint32_t word;
        std::uint64_t x1, far;
        bool write, faults;
    };
    const Access cases[] = {
        {0xf9400020, 0x10101, 0x10101, false, true}, // ldr x0, [x1]
        {0xf9400020, 0x10104, 0x10104, false, true}, // ldr x0, [x1]
        {0xb9400020, 0x10104, 0, false, false},      // ldr w0, [x1]
        {0x79400020, 0x10102, 0, false, false},      // ldrh w0, [x1]
        {0x79400020, 0x10101, 0x10101, false, true}, // ldrh w0, [x1]
        {0x39400020, 0x10101, 0, false, false},      // ldrb w0, [x1]
        {0xb8401020, 0x10100, 0x10101, false, true}, // ldur w0, [x1, #1]
        {0xf9000022, 0x10104, 0x10104, true, true},  // str x2, [x1]
        {0xa9401424, 0x10104, 0x10104, false, true}, // ldp x4, x5, [x1]
        {0x3dc00020, 0x10108, 0x10108, false, true}, // ldr q0, [x1]
        {0x3dc00020, 0x10110, 0, false, false},      // ldr q0, [x1]
    };
    for (const Access& c : cases) {
        IsaHarness h;
        clearSctlrBits(h, SysReg::SCTLR_EL1, 1); // M = 0
        INFO(fmt::format("{:#010x} at {:#x}", c.word, c.x1));
        h.setX(1, c.x1);
        h.setX(0, 0x0123);
        if (!c.faults) {
            run(h, c.word);
            continue;
        }
        const Taken t = fault(h, c.word);
        CHECK(t.esr == (kEsrDataAbortSameEl | (c.write ? kWnR : 0U) | kDfscAlignment));
        CHECK(t.far == c.far);
        CHECK(t.elr == 0x1000);
        CHECK(h.x(0) == 0x0123);
        CHECK(h.mem.get<std::uint64_t>(0x10100) == 0);
        CHECK(h.mem.get<std::uint64_t>(0x10108) == 0);
    }
}

TEST_CASE("ldst: alignment checking follows the SCTLR of the current regime (M and A)",
          "[isa][ldst]") {
    SECTION("MMU on, A = 0: unaligned is fine") {
        IsaHarness h;
        h.setX(1, 0x10101);
        run(h, 0xf9400020); // ldr x0, [x1]
    }
    SECTION("MMU on, A = 1: unaligned faults") {
        IsaHarness h;
        setSctlrBits(h, SysReg::SCTLR_EL1, 2);
        h.setX(1, 0x10101);
        const Taken t = fault(h, 0xf9400020); // ldr x0, [x1]
        CHECK(t.esr == (kEsrDataAbortSameEl | kDfscAlignment));
    }
    SECTION("at EL2 SCTLR_EL2 decides, not SCTLR_EL1") {
        IsaHarness h(512, EL::EL2);
        clearSctlrBits(h, SysReg::SCTLR_EL1, 1);
        h.setX(1, 0x10101);
        run(h, 0xf9400020); // ldr x0, [x1]
        clearSctlrBits(h, SysReg::SCTLR_EL2, 1);
        const Taken t = fault(h, 0xf9400020); // ldr x0, [x1]
        CHECK(t.target == EL::EL2);
        CHECK(t.esr == (kEsrDataAbortSameEl | kDfscAlignment));
    }
    SECTION("at EL0 SCTLR_EL1 decides, the abort goes to EL1 as EC 0x24") {
        IsaHarness h(512, EL::EL0);
        clearSctlrBits(h, SysReg::SCTLR_EL1, 1);
        h.setX(1, 0x10102);
        const Taken t = fault(h, 0xb9400020); // ldr w0, [x1]
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == (kEsrDataAbortLowerEl | kDfscAlignment));
        CHECK(t.far == 0x10102);
    }
}

TEST_CASE("ldst: SP alignment fault (EC 0x26) with SCTLR_ELx.SA, SA0 at EL0", "[isa][ldst]") {
    SECTION("SA = 1 at EL1: SP-based accesses need SP 16-byte aligned") {
        IsaHarness h;
        setSctlrBits(h, SysReg::SCTLR_EL1, 1U << 3);
        std::uint64_t& sp = h.arch.cpu.sysregs.slot(SysReg::SP_EL1);
        sp = 0x10108;
        h.setX(0, 0x0123);
        Taken t = fault(h, 0xf94003e0); // ldr x0, [sp]
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrSpAlignment);
        CHECK(t.elr == 0x1000);
        CHECK(h.x(0) == 0x0123);

        IsaHarness h2;
        setSctlrBits(h2, SysReg::SCTLR_EL1, 1U << 3);
        h2.arch.cpu.sysregs.slot(SysReg::SP_EL1) = 0x10108;
        h2.setX(2, 0x22);
        h2.setX(3, 0x33);
        t = fault(h2, 0xa9000fe2); // stp x2, x3, [sp]
        CHECK(t.esr == kEsrSpAlignment);
        CHECK(h2.mem.get<std::uint64_t>(0x10108) == 0);

        IsaHarness h3;
        setSctlrBits(h3, SysReg::SCTLR_EL1, 1U << 3);
        h3.arch.cpu.sysregs.slot(SysReg::SP_EL1) = 0x10108;
        t = fault(h3, 0xc85f7fe0); // ldxr x0, [sp]
        CHECK(t.esr == kEsrSpAlignment);
    }
    SECTION("SA = 1: an aligned SP with an offset, and a non-SP base, do not fault") {
        IsaHarness h;
        setSctlrBits(h, SysReg::SCTLR_EL1, 1U << 3);
        h.arch.cpu.sysregs.slot(SysReg::SP_EL1) = 0x10100;
        h.mem.put<std::uint64_t>(0x10108, 0x88);
        run(h, 0xf94007e0); // ldr x0, [sp, #8]
        CHECK(h.x(0) == 0x88);
        h.setX(1, 0x10108);
        run(h, 0xf9400020); // ldr x0, [x1]
        CHECK(h.x(0) == 0x88);
    }
    SECTION("SA = 0: a misaligned SP is fine") {
        IsaHarness h;
        h.arch.cpu.sysregs.slot(SysReg::SP_EL1) = 0x10108;
        h.mem.put<std::uint64_t>(0x10108, 0x99);
        run(h, 0xf94003e0); // ldr x0, [sp]
        CHECK(h.x(0) == 0x99);
    }
    SECTION("at EL0 SA0 applies (to EL1), SA does not") {
        IsaHarness h(512, EL::EL0);
        h.p().sp = false;
        h.arch.cpu.sysregs.slot(SysReg::SP_EL0) = 0x10108;
        setSctlrBits(h, SysReg::SCTLR_EL1, 1U << 3); // SA only
        run(h, 0xf94003e0);                          // ldr x0, [sp]
        setSctlrBits(h, SysReg::SCTLR_EL1, 1U << 4); // SA0
        const Taken t = fault(h, 0xf94003e0);        // ldr x0, [sp]
        CHECK(t.target == EL::EL1);
        CHECK(t.esr == kEsrSpAlignment);
    }
}

TEST_CASE("ldst: PRFM never faults: no SP alignment check, no abort, no alignment fault",
          "[isa][ldst]") {
    // Arm ARM LDR/STR (immediate, register) shared decode: "if n == 31 then if memop !=
    // MemOp_PREFETCH then CheckSPAlignment();", and a prefetch generates no memory access.
    IsaHarness h;
    setSctlrBits(h, SysReg::SCTLR_EL1, (1U << 3) | 2U); // SA and A
    clearSctlrBits(h, SysReg::SCTLR_EL1, 1);            // M = 0
    h.arch.cpu.sysregs.slot(SysReg::SP_EL1) = 0x10109;
    h.setX(1, kUnmapped + 1);
    h.setX(2, 0xFFFF'FFFF);
    const std::uint32_t words[] = {
        0xf98007e0, // prfm pldl1keep, [sp, #8]
        0xf88013e0, // prfum pldl1keep, [sp, #1]
        0xf8a26be0, // prfm pldl1keep, [sp, x2]
        0xf89fd020, // prfum pldl1keep, [x1, #-3]
        0xf8a2d833, // prfm pstl2strm, [x1, w2, sxtw #3]
    };
    for (std::uint32_t w : words)
        run(h, w);
    CHECK(h.arch.cpu.pc == 0x1000 + 4 * 5);
}
