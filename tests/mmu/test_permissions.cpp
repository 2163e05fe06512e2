// Stage 1 permissions (mmu/src/permissions.cpp): AP[2:1] for EL0 and EL1, UXN/PXN, EL1 never
// executes EL0-writable memory, WXN, PAN (FEAT_PAN) with AT S1E1RP/WP, UAO (FEAT_UAO) with
// LDTR/STTR, atomics' WnR, APTable/UXNTable/PXNTable and HPD (FEAT_HPDS), EL2&0. Expected
// outcomes hand-evaluated from the Arm ARM's AArch64.CheckPermission.
#include "mmu/mmu_fixture.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::mmu;
using namespace svesim::mmu::test;

namespace {

constexpr std::uint64_t kTcr4K =
    tcr::T0SZ(16) | tcr::TG0_4K | tcr::T1SZ(16) | tcr::TG1_4K | tcr::IPS(5);

struct Fixture {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    TranslationRegs regs;
    Fixture() {
        regs.sctlr = 0x1005;
        regs.tcr = kTcr4K;
        regs.ttbr0 = 0x4010'0000;
        regs.mair = kMair;
    }
    // A page at VA `va` (identity) with extra descriptor bits.
    void page(std::uint64_t va, std::uint64_t bits, std::uint64_t tableBits = 0) {
        tb.map(va, 3, va | d::kPage | d::AF | d::attrIndx(1) | bits, tableBits);
    }
    bool ok(AccessDesc a, std::uint64_t va) { return translate(regs, a, va, mem).ok(); }
    Fault fault(AccessDesc a, std::uint64_t va) { return translate(regs, a, va, mem).fault; }
};

AccessDesc ldtr() {
    AccessDesc a = readAt(EL::EL1);
    a.unprivileged = true;
    return a;
}
AccessDesc sttr() {
    AccessDesc a = writeAt(EL::EL1);
    a.unprivileged = true;
    return a;
}

} // namespace

TEST_CASE("permissions: AP[2:1] for EL1 and EL0 reads and writes", "[mmu][perm]") {
    Fixture f;
    f.page(0x1000, 0);                    // 00: EL1 RW, EL0 none
    f.page(0x2000, d::AP_EL0);            // 01: RW, RW
    f.page(0x3000, d::AP_RO);             // 10: EL1 RO, EL0 none
    f.page(0x4000, d::AP_RO | d::AP_EL0); // 11: RO, RO
    CHECK(f.ok(readAt(EL::EL1), 0x1000));
    CHECK(f.ok(writeAt(EL::EL1), 0x1000));
    CHECK_FALSE(f.ok(readAt(EL::EL0), 0x1000));
    CHECK(f.ok(writeAt(EL::EL0), 0x2000));
    CHECK(f.ok(readAt(EL::EL1), 0x3000));
    const Fault w = f.fault(writeAt(EL::EL1), 0x3000);
    CHECK(w.type == FaultType::Permission);
    CHECK(w.level == 3);
    CHECK(w.write);
    CHECK(encodeLDFSC(w) == 0b001111);
    CHECK_FALSE(f.ok(readAt(EL::EL0), 0x3000));
    CHECK(f.ok(readAt(EL::EL0), 0x4000));
    CHECK_FALSE(f.ok(writeAt(EL::EL0), 0x4000));
    CHECK_FALSE(f.ok(writeAt(EL::EL1), 0x4000));
}

TEST_CASE("permissions: UXN, PXN, EL0-writable memory is PXN, WXN", "[mmu][perm]") {
    Fixture f;
    f.page(0x1000, d::UXN);
    f.page(0x2000, d::PXN | d::AP_EL0 | d::AP_RO);
    f.page(0x3000, d::AP_EL0); // writable at EL0
    f.page(0x4000, d::AP_RO);  // read-only
    f.page(0x5000, 0);         // writable at EL1
    CHECK_FALSE(f.ok(fetchAt(EL::EL0), 0x1000));
    CHECK(f.ok(fetchAt(EL::EL1), 0x1000));
    CHECK(f.ok(fetchAt(EL::EL0), 0x2000));
    CHECK_FALSE(f.ok(fetchAt(EL::EL1), 0x2000));
    CHECK(f.ok(fetchAt(EL::EL0), 0x3000));
    CHECK_FALSE(f.ok(fetchAt(EL::EL1), 0x3000));
    CHECK_FALSE(f.fault(fetchAt(EL::EL1), 0x3000).write); // fetch faults have WnR = 0
    CHECK(f.ok(fetchAt(EL::EL1), 0x5000));
    f.regs.sctlr |= 1ULL << 19; // WXN: writable memory is execute-never
    CHECK_FALSE(f.ok(fetchAt(EL::EL1), 0x5000));
    CHECK(f.ok(fetchAt(EL::EL1), 0x4000));
    CHECK_FALSE(f.ok(fetchAt(EL::EL0), 0x3000));
}

TEST_CASE("permissions: PAN blocks privileged data access to EL0-readable memory",
          "[mmu][perm][pan]") {
    Fixture f;
    f.page(0x1000, d::AP_EL0);            // EL0 RW
    f.page(0x2000, d::AP_EL0 | d::AP_RO); // EL0 RO
    f.page(0x3000, 0);                    // EL1 only
    f.regs.pan = true;
    CHECK_FALSE(f.ok(readAt(EL::EL1), 0x1000));
    CHECK_FALSE(f.ok(writeAt(EL::EL1), 0x1000));
    CHECK_FALSE(f.ok(readAt(EL::EL1), 0x2000));
    CHECK(f.ok(readAt(EL::EL1), 0x3000));
    CHECK(f.ok(fetchAt(EL::EL1), 0x2000)); // fetches are not subject to PAN
    CHECK(f.ok(ldtr(), 0x1000));           // LDTR is unprivileged
    CHECK(f.ok(readAt(EL::EL0), 0x1000));
    // AT S1E1R ignores PAN; AT S1E1RP applies it.
    Mmu mmu;
    AccessDesc at = readAt(EL::EL1);
    CHECK((mmu.at(f.regs, at, 0x1000, f.mem, Stages::S1Only) & 1) == 0);
    at.atPan = true;
    CHECK(mmu.at(f.regs, at, 0x1000, f.mem, Stages::S1Only) == 0x81FULL); // F, FST=perm L3
    f.regs.pan = false;
    CHECK((mmu.at(f.regs, at, 0x1000, f.mem, Stages::S1Only) & 1) == 0);
}

TEST_CASE("permissions: UAO makes LDTR/STTR at EL1 privileged", "[mmu][perm][uao]") {
    Fixture f;
    f.page(0x1000, 0);         // EL1 RW only
    f.page(0x2000, d::AP_EL0); // EL0 RW
    CHECK_FALSE(f.ok(sttr(), 0x1000));
    CHECK_FALSE(f.ok(ldtr(), 0x1000));
    f.regs.uao = true;
    CHECK(f.ok(sttr(), 0x1000));
    CHECK(f.ok(ldtr(), 0x1000));
    // With UAO and PAN, LDTR is privileged and PAN applies.
    f.regs.pan = true;
    CHECK_FALSE(f.ok(ldtr(), 0x2000));
}

TEST_CASE("permissions: atomics need read and write; WnR says which failed", "[mmu][perm]") {
    Fixture f;
    f.page(0x1000, d::AP_RO); // EL1 RO, EL0 none
    AccessDesc a = readAt(EL::EL1);
    a.atomic = true;
    Fault x = f.fault(a, 0x1000);
    CHECK(x.type == FaultType::Permission);
    CHECK(x.write); // readable, the write failed
    a.el = EL::EL0;
    x = f.fault(a, 0x1000);
    CHECK_FALSE(x.write); // not readable
}

TEST_CASE("permissions: APTable, UXNTable, PXNTable restrict; HPD disables them [qemu: APTable]",
          "[mmu][perm][hpd]") {
    Fixture f;
    // Each page sits under its own level 2 table (VA[29:21] differs) with the table bits.
    f.page(0x0000'0000, d::AP_EL0, d::APTable_RO);
    f.page(0x0020'0000, d::AP_EL0, d::APTable_NoEL0);
    f.page(0x0040'0000, d::AP_EL0 | d::AP_RO, d::UXNTable);
    f.page(0x0060'0000, d::AP_RO, d::PXNTable);
    // The builder sets table bits on every table it creates; the level 0 and level 1 tables were
    // created by the first map call (APTable_RO), so re-point them without attributes.
    f.mem.write(0x4010'0000, 0x4011'0000 | d::kTable);
    f.mem.write(0x4011'0000, 0x4011'1000 | d::kTable);
    CHECK_FALSE(f.ok(writeAt(EL::EL1), 0x0000'0000));
    CHECK_FALSE(f.ok(writeAt(EL::EL0), 0x0000'0000));
    CHECK(f.ok(readAt(EL::EL0), 0x0000'0000));
    CHECK_FALSE(f.ok(readAt(EL::EL0), 0x0020'0000));
    CHECK(f.ok(writeAt(EL::EL1), 0x0020'0000));
    CHECK_FALSE(f.ok(fetchAt(EL::EL0), 0x0040'0000));
    CHECK(f.ok(fetchAt(EL::EL1), 0x0040'0000));
    CHECK_FALSE(f.ok(fetchAt(EL::EL1), 0x0060'0000));
    f.regs.tcr |= tcr::HPD0;
    CHECK(f.ok(writeAt(EL::EL1), 0x0000'0000));
    CHECK(f.ok(readAt(EL::EL0), 0x0020'0000));
    CHECK(f.ok(fetchAt(EL::EL0), 0x0040'0000));
    CHECK(f.ok(fetchAt(EL::EL1), 0x0060'0000));
}

TEST_CASE("permissions: EL2&0 (VHE) has EL0 permissions and ASIDs", "[mmu][perm]") {
    Fixture f;
    f.page(0x1000, d::nG);             // EL2 RW only
    f.page(0x2000, d::AP_EL0 | d::nG); // EL0 RW
    f.regs.regime = Regime::EL20;
    f.regs.ttbr0 |= 0x0042ULL << 48;
    CHECK(f.ok(writeAt(EL::EL2), 0x1000));
    CHECK_FALSE(f.ok(readAt(EL::EL0), 0x1000));
    CHECK(f.ok(writeAt(EL::EL0), 0x2000));
    CHECK_FALSE(f.ok(fetchAt(EL::EL2), 0x2000));
    Translation t;
    REQUIRE_FALSE(walk(f.regs, readAt(EL::EL2), 0x2000, f.mem, Stages::S12, t));
    CHECK_FALSE(t.global);
    CHECK(t.asid == 0x42);
}

TEST_CASE("permissions: DC by VA faults at stage 1 only for DC IVAC and at EL0; PAN exempt",
          "[mmu][perm]") {
    Fixture f;
    f.page(0x1000, d::AP_RO);  // EL1 RO, EL0 none
    f.page(0x2000, d::AP_EL0); // EL0 RW
    AccessDesc dc = readAt(EL::EL1);
    dc.cacheMaintenance = true;
    CHECK(f.ok(dc, 0x1000));
    AccessDesc ivac = writeAt(EL::EL1);
    ivac.cacheMaintenance = true;
    CHECK_FALSE(f.ok(ivac, 0x1000));
    dc.el = EL::EL0;
    CHECK_FALSE(f.ok(dc, 0x1000));
    CHECK(f.ok(dc, 0x2000));
    f.regs.pan = true;
    dc.el = EL::EL1;
    ivac.type = AccessType::Write;
    CHECK(f.ok(dc, 0x2000));
    CHECK(f.ok(ivac, 0x2000));
}
