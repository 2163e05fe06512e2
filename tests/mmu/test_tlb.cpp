// The TLB (mmu/src/tlb.cpp, mmu.cpp): hits and misses, ASID/global and VMID tagging, and every
// TLBI scope (VA, VAL, VAA, VAAL, ASID, VMALLE1, VMALLS12E1, ALLE1, IPAS2E1, IPAS2LE1, ALLE2,
// VAE2, ALLE3, VAE3). A stale entry staying until its TLBI is the architected behaviour (the Arm
// ARM requires TLB maintenance after a table change), so the tests detect an entry by changing
// the tables and seeing whether the old or the new output address comes back.
#include "mmu/mmu_fixture.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::mmu;
using namespace svesim::mmu::test;

namespace {

struct TlbFixture {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    TranslationRegs regs;
    Mmu mmu;
    std::uint64_t leafG = 0, leafNG = 0, leafBlock = 0;
    TlbFixture() {
        regs.sctlr = 0x1005;
        regs.tcr = tcr::T0SZ(16) | tcr::TG0_4K | tcr::IPS(5) | tcr::AS | tcr::TBI0;
        regs.ttbr0 = 0x4010'0000 | (0x0001ULL << 48); // ASID 1
        regs.mair = kMair;
        regs.vttbr = 0x0007ULL << 48; // VMID 7 (stage 2 off: VMID still tags EL1&0 entries)
        leafG = tb.map(0x1000, 3, 0xA000 | d::kPage | d::AF | d::attrIndx(1));
        leafNG = tb.map(0x2000, 3, 0xB000 | d::kPage | d::AF | d::attrIndx(1) | d::nG);
        leafBlock = tb.map(0x0020'0000, 2, 0x0080'0000 | d::kBlock | d::AF | d::nG);
    }
    std::uint64_t pa(std::uint64_t va) {
        auto r = mmu.translate(regs, readAt(EL::EL1), va, mem);
        REQUIRE(r.ok());
        return r.pa;
    }
    // Remaps both pages and the block so a fresh walk gives a different address.
    void remap() {
        mem.write(leafG, 0xC000 | d::kPage | d::AF | d::attrIndx(1));
        mem.write(leafNG, 0xD000 | d::kPage | d::AF | d::attrIndx(1) | d::nG);
        mem.write(leafBlock, 0x00A0'0000 | d::kBlock | d::AF | d::nG);
    }
    void fill() {
        pa(0x1000);
        pa(0x2000);
        pa(0x0020'0000);
    }
    std::uint16_t vmid() const { return currentVMID(regs); }
};

constexpr std::uint64_t xtVA(std::uint64_t va, std::uint16_t asid = 0) {
    return ((va >> 12) & ((1ULL << 44) - 1)) | (std::uint64_t{asid} << 48);
}

} // namespace

TEST_CASE("TLB: a second access hits without reading the tables", "[mmu][tlb]") {
    TlbFixture f;
    CHECK(f.pa(0x1008) == 0xA008);
    const unsigned reads = f.mem.reads;
    CHECK(f.pa(0x1010) == 0xA010);
    CHECK(f.mem.reads == reads);
    CHECK(f.mmu.stats().hits == 1);
    CHECK(f.mmu.stats().misses == 1);
    // A tagged address (TBI0) hits the same entry.
    CHECK(f.pa(0x5A00'0000'0000'1018) == 0xA018);
    CHECK(f.mem.reads == reads);
    // Permissions are checked on hits: EL0 has no access.
    CHECK_FALSE(f.mmu.translate(f.regs, readAt(EL::EL0), 0x1000, f.mem).ok());
}

TEST_CASE("TLB: non-global entries belong to their ASID, global ones to every ASID", "[mmu][tlb]") {
    TlbFixture f;
    f.fill();
    f.remap();
    f.regs.ttbr0 = 0x4010'0000 | (0x0102ULL << 48); // ASID 0x102 (16-bit ASIDs, TCR.AS)
    CHECK(f.pa(0x1000) == 0xA000);                  // global: cached
    CHECK(f.pa(0x2000) == 0xD000);                  // nG, other ASID: walked
    f.regs.ttbr0 = 0x4010'0000 | (0x0001ULL << 48);
    CHECK(f.pa(0x2000) == 0xB000); // the ASID 1 entry is still there
    // TCR.A1 takes the ASID from TTBR1.
    f.regs.tcr |= tcr::A1;
    f.regs.ttbr1 = 0x0001ULL << 48;
    f.regs.ttbr0 = 0x4010'0000 | (0x0009ULL << 48);
    CHECK(currentASID(f.regs) == 1);
    CHECK(f.pa(0x2000) == 0xB000);
}

TEST_CASE("TLBI VAE1/VALE1: the VA in the ASID, and global entries", "[mmu][tlb][tlbi]") {
    TlbFixture f;
    f.fill();
    f.remap();
    tlbiVAE1(f.mmu.tlb(), xtVA(0x2000, 2), f.vmid()); // other ASID: stays
    CHECK(f.pa(0x2000) == 0xB000);
    tlbiVAE1(f.mmu.tlb(), xtVA(0x2000, 1), f.vmid());
    CHECK(f.pa(0x2000) == 0xD000);
    tlbiVALE1(f.mmu.tlb(), xtVA(0x1000, 5), f.vmid()); // global: any ASID operand
    CHECK(f.pa(0x1000) == 0xC000);
    // Any address inside a block removes the block.
    CHECK(f.pa(0x0020'0008) == 0x0080'0008);
    tlbiVAE1(f.mmu.tlb(), xtVA(0x003F'F000, 1), f.vmid());
    CHECK(f.pa(0x0020'0008) == 0x00A0'0008);
}

TEST_CASE("TLBI VAAE1/VAALE1 ignore the ASID; ASIDE1 keeps global entries", "[mmu][tlb][tlbi]") {
    TlbFixture f;
    f.fill();
    f.remap();
    tlbiVAAE1(f.mmu.tlb(), xtVA(0x2000, 0x77), f.vmid());
    CHECK(f.pa(0x2000) == 0xD000);
    tlbiVAALE1(f.mmu.tlb(), xtVA(0x1000), f.vmid());
    CHECK(f.pa(0x1000) == 0xC000);

    TlbFixture g;
    g.fill();
    g.remap();
    tlbiASIDE1(g.mmu.tlb(), 0x0001ULL << 48, g.vmid());
    CHECK(g.pa(0x1000) == 0xA000); // global: kept
    CHECK(g.pa(0x2000) == 0xD000); // nG of ASID 1: gone
    CHECK(g.pa(0x0020'0000) == 0x00A0'0000);
}

TEST_CASE("TLBI VMALLE1, VMALLS12E1, ALLE1 by VMID; ALLE2 and ALLE3 leave EL1&0",
          "[mmu][tlb][tlbi]") {
    TlbFixture f;
    f.fill();
    f.remap();
    tlbiVMALLE1(f.mmu.tlb(), 8); // another VMID
    tlbiALLE2(f.mmu.tlb());
    tlbiALLE3(f.mmu.tlb());
    tlbiVMALLE1(f.mmu.tlb(), f.vmid(), true); // Secure EL1&0
    CHECK(f.mmu.tlb().validCount() == 3);
    tlbiVMALLE1(f.mmu.tlb(), f.vmid());
    CHECK(f.mmu.tlb().validCount() == 0);

    TlbFixture g;
    g.fill();
    g.regs.vttbr = 0x0008ULL << 48; // a second VM's entries
    g.fill();
    CHECK(g.mmu.tlb().validCount() == 6);
    tlbiVMALLS12E1(g.mmu.tlb(), 7);
    CHECK(g.mmu.tlb().validCount() == 3);
    tlbiALLE1(g.mmu.tlb());
    CHECK(g.mmu.tlb().validCount() == 0);
}

TEST_CASE("TLBI IPAS2E1/IPAS2LE1 remove the stage 2 entries of an IPA", "[mmu][tlb][tlbi]") {
    TlbFixture f;
    // Stage 2: 4 KiB, 40-bit IPA, SL0=1; IPA 0-1 GiB identity except the page of IPA 0xB000.
    f.regs.hcr = 1;
    f.regs.vtcr = 24 | (1ULL << 6) | (5ULL << 16);
    f.regs.vttbr = 0x4100'0000 | (0x0007ULL << 48);
    TableBuilder s2{f.mem, 12, 1, 40, 0x4100'0000, 0x4200'0000};
    const std::uint64_t s2n = d::AF | d::S2AP_RW | d::memAttr(0xF);
    s2.map(0x4000'0000, 1, 0x4000'0000 | d::kBlock | s2n); // the tables
    s2.map(0xA000, 3, 0xA000 | d::kPage | s2n);
    const std::uint64_t s2leaf = s2.map(0xB000, 3, 0x1'0000'B000 | d::kPage | s2n);
    CHECK(f.pa(0x1000) == 0xA000);
    CHECK(f.pa(0x2000) == 0x1'0000'B000);
    f.mem.write(s2leaf, 0x2'0000'B000 | d::kPage | s2n);
    tlbiIPAS2E1(f.mmu.tlb(), 0xA, 7); // IPA 0xA000: not the one
    CHECK(f.pa(0x2000) == 0x1'0000'B000);
    tlbiIPAS2LE1(f.mmu.tlb(), 0xB, 8); // other VMID
    CHECK(f.pa(0x2000) == 0x1'0000'B000);
    tlbiIPAS2E1(f.mmu.tlb(), 0xB, 7);
    CHECK(f.pa(0x2000) == 0x2'0000'B000);
}

TEST_CASE("TLBI VAE2 (E2H=0 and E2H=1) and VAE3 target their regimes", "[mmu][tlb][tlbi]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    const std::uint64_t leaf = tb.map(0x1000, 3, 0xA000 | d::kPage | d::AF | d::nG);
    Mmu mmu;
    TranslationRegs el2;
    el2.regime = Regime::EL2;
    el2.sctlr = 1;
    el2.tcr = 16 | (5ULL << 16);
    el2.ttbr0 = 0x4010'0000;
    TranslationRegs el20 = el2;
    el20.regime = Regime::EL20;
    el20.tcr = tcr::T0SZ(16) | tcr::IPS(5) | tcr::AS;
    el20.ttbr0 |= 0x0003ULL << 48;
    TranslationRegs el3 = el2;
    el3.regime = Regime::EL3;
    el3.secure = true;
    auto pa = [&](const TranslationRegs& r, EL el) {
        return mmu.translate(r, readAt(el), 0x1000, mem).pa;
    };
    CHECK(pa(el2, EL::EL2) == 0xA000);
    CHECK(pa(el20, EL::EL2) == 0xA000);
    CHECK(pa(el3, EL::EL3) == 0xA000);
    CHECK(mmu.tlb().validCount() == 3); // one entry per regime
    mem.write(leaf, 0xC000 | d::kPage | d::AF | d::nG);
    CHECK(pa(el3, EL::EL3) == 0xA000);
    tlbiVAE2(mmu.tlb(), xtVA(0x1000), false);
    CHECK(pa(el3, EL::EL3) == 0xA000);
    tlbiVAE3(mmu.tlb(), xtVA(0x1000));
    CHECK(pa(el3, EL::EL3) == 0xC000);
    mem.write(leaf, 0xA000 | d::kPage | d::AF | d::nG);
    CHECK(pa(el20, EL::EL2) == 0xA000);
    mem.write(leaf, 0xC000 | d::kPage | d::AF | d::nG);
    tlbiVAE2(mmu.tlb(), xtVA(0x1000, 4), true); // other ASID
    CHECK(pa(el20, EL::EL2) == 0xA000);
    tlbiVAE2(mmu.tlb(), xtVA(0x1000, 3), true);
    CHECK(pa(el20, EL::EL2) == 0xC000);
    tlbiALLE2(mmu.tlb());
    CHECK(mmu.tlb().validCount() == 1); // the EL3 entry
    tlbiALLE3(mmu.tlb());
    CHECK(mmu.tlb().validCount() == 0);
}

TEST_CASE("TLB: an entry filled by a data access gives fetches their own attributes",
          "[mmu][tlb][attrs]") {
    TlbFixture f;
    f.regs.sctlr = 0x1001; // M, I; C=0: data Non-cacheable, fetches cacheable
    auto r = f.mmu.translate(f.regs, readAt(EL::EL1), 0x1000, f.mem);
    CHECK(mairEncoding(r.attrs) == 0x44);
    r = f.mmu.translate(f.regs, fetchAt(EL::EL1), 0x1000, f.mem);
    CHECK(f.mmu.stats().hits == 1);
    CHECK(mairEncoding(r.attrs) == 0xFF);
}

TEST_CASE("accessRights: the permission checks' answers for a cached entry", "[mmu][tlb][perm]") {
    TlbFixture f;
    f.tb.map(0x3000, 3, 0x3000 | d::kPage | d::AF | d::AP_EL0 | d::AP_RO | d::PXN);
    auto r = f.mmu.translate(f.regs, readAt(EL::EL0), 0x3000, f.mem);
    REQUIRE(r.entry != nullptr);
    AccessRights el0 = accessRights(f.regs, EL::EL0, *r.entry);
    CHECK((el0.read && !el0.write && el0.exec));
    AccessRights el1 = accessRights(f.regs, EL::EL1, *r.entry);
    CHECK((el1.read && !el1.write && !el1.exec));
    f.regs.pan = true;
    el1 = accessRights(f.regs, EL::EL1, *r.entry);
    CHECK_FALSE(el1.read);
}

TEST_CASE("TLB: EL3 is Secure whatever TranslationRegs::secure says", "[mmu][tlb]") {
    FakeMemory mem;
    TableBuilder tb{mem, 12, 0, 48, 0x4010'0000, 0x4011'0000};
    tb.map(0x1000, 3, 0xA000 | d::kPage | d::AF);
    TranslationRegs el3;
    el3.regime = Regime::EL3;
    el3.sctlr = 1;
    el3.tcr = 16 | (5ULL << 16);
    el3.ttbr0 = 0x4010'0000;
    Mmu mmu;
    auto r = mmu.translate(el3, readAt(EL::EL3), 0x1000, mem);
    CHECK_FALSE(r.ns); // NS=0 in the descriptor
    CHECK(mmu.tlb().validCount() == 1);
    mmu.tlb().tlbiALL(Regime::EL3, false);
    CHECK(mmu.tlb().validCount() == 0);
}
