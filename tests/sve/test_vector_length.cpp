// Effective vector length: CurrentNSVL (R1, R2), ImplementedSVEVectorLength (R3), R_KXKNK.
#include "support/arch_fixture.h"
#include "svesim/arch/config_error.h"
#include "svesim/sve/vector_length.h"

#include <catch2/catch.hpp>
#include <map>
#include <string>

using namespace svesim;
using namespace svesim::test;

namespace {

// The arch-rules §1.1 table, written out per configuration: which ZCR_ELx.LEN fields constrain
// each (EL, E2H, TGE). "1" = ZCR_EL1, "2" = ZCR_EL2, "3" = ZCR_EL3; "-" = EL not reachable.
struct ConfigRow {
    const char* name;
    bool has_el2, has_el3, secure;
    // columns: EL0(E2H0,TGE0) EL0(0,1) EL0(1,0) EL0(1,1) EL1 EL2(E2H0) EL2(E2H1) EL3
    const char* fields[8];
};
constexpr ConfigRow kRows[] = {
    {"EL2+EL3, Non-secure", true, true, false, {"123", "123", "123", "23", "123", "23", "23", "3"}},
    {"EL2+EL3, Secure", true, true, true, {"13", "13", "13", "13", "13", "-", "-", "3"}},
    {"EL2 only", true, false, false, {"12", "12", "12", "2", "12", "2", "2", "-"}},
    {"EL3 only, Non-secure", false, true, false, {"13", "13", "13", "13", "13", "-", "-", "3"}},
    {"EL3 only, Secure", false, true, true, {"13", "13", "13", "13", "13", "-", "-", "3"}},
    {"EL1 only", false, false, false, {"1", "1", "1", "1", "1", "-", "-", "-"}},
};
struct Column {
    EL el;
    bool e2h, tge;
};
constexpr Column kColumns[] = {{EL::EL0, false, false}, {EL::EL0, false, true},
                               {EL::EL0, true, false},  {EL::EL0, true, true},
                               {EL::EL1, false, false}, {EL::EL2, false, false},
                               {EL::EL2, true, false},  {EL::EL3, false, false}};

unsigned largestPow2AtMost(unsigned bits) {
    unsigned p = 128;
    while (p * 2 <= bits)
        p *= 2;
    return p;
}

} // namespace

TEST_CASE("R1/R2: CurrentNSVL takes the minimum of exactly the ZCR fields that constrain the EL",
          "[sve][R1][R2]") {
    const unsigned lens[] = {0, 1, 2, 3, 5, 7, 11, 15};
    for (const ConfigRow& row : kRows) {
        ArchState st(makeConfig({row.has_el2, row.has_el3, 2048}));
        CpuState& s = st.cpu;
        openEverything(s);
        s.sysregs.write(SysReg::SCR_EL3, (row.secure ? 0 : bit(scr::NS)) | bit(scr::RW));
        for (std::size_t c = 0; c < 8; ++c) {
            const std::string fields = row.fields[c];
            if (fields == "-") continue;
            const Column col = kColumns[c];
            setHcr(s, (col.e2h ? bit(hcr::E2H) : 0) | (col.tge ? bit(hcr::TGE) : 0));
            for (unsigned l1 : lens)
                for (unsigned l2 : lens)
                    for (unsigned l3 : lens) {
                        setLen(s, l1, l2, l3);
                        unsigned len = 15;
                        if (fields.find('1') != std::string::npos) len = std::min(len, l1);
                        if (fields.find('2') != std::string::npos) len = std::min(len, l2);
                        if (fields.find('3') != std::string::npos) len = std::min(len, l3);
                        const unsigned expected = largestPow2AtMost((len + 1) * 128);
                        INFO(row.name << " column " << c << " LEN " << l1 << "/" << l2 << "/"
                                      << l3);
                        REQUIRE(CurrentNSVL(s, st.config().sve, col.el).bits() == expected);
                    }
        }
    }
}

TEST_CASE("R1/R2: CurrentNSVLControls names exactly the ZCR fields that constrain the EL",
          "[sve][R1][R2]") {
    // The one place `svesim vl-table` and CurrentNSVL learn which ZCRs apply; checked against
    // the hand-written arch-rules §1.1 table above.
    for (const ConfigRow& row : kRows) {
        ArchState st(makeConfig({row.has_el2, row.has_el3, 2048}));
        CpuState& s = st.cpu;
        s.sysregs.write(SysReg::SCR_EL3, (row.secure ? 0 : bit(scr::NS)) | bit(scr::RW));
        for (std::size_t c = 0; c < 8; ++c) {
            if (std::string(row.fields[c]) == "-") continue;
            const Column col = kColumns[c];
            setHcr(s, (col.e2h ? bit(hcr::E2H) : 0) | (col.tge ? bit(hcr::TGE) : 0));
            std::string got;
            const ZcrSet controls = CurrentNSVLControls(s, col.el);
            for (SysReg r : controls.list())
                got += r == SysReg::ZCR_EL1 ? '1' : r == SysReg::ZCR_EL2 ? '2' : '3';
            INFO(row.name << " column " << c);
            CHECK(got == row.fields[c]);
        }
    }
}

TEST_CASE("R1: CurrentVL follows PSTATE.EL", "[sve][R1]") {
    ArchState st(makeConfig({}));
    openEverything(st.cpu);
    setLen(st.cpu, 0, 3, 15);
    st.cpu.pstate.el = EL::EL1;
    CHECK(st.currentVL().bits() == 128);
    st.cpu.pstate.el = EL::EL2;
    CHECK(st.currentVL().bits() == 512);
    st.cpu.pstate.el = EL::EL3;
    CHECK(st.currentVL().bits() == 2048);
}

TEST_CASE("R3: ImplementedSVEVectorLength rounds down to a supported length", "[sve][R3]") {
    SveConfig pow2;
    pow2.max_vl = VectorLength::fromBits(2048);
    CHECK(ImplementedSVEVectorLength(pow2, 384).bits() == 256);
    CHECK(ImplementedSVEVectorLength(pow2, 640).bits() == 512);
    CHECK(ImplementedSVEVectorLength(pow2, 1920).bits() == 1024);
    CHECK(ImplementedSVEVectorLength(pow2, 2048).bits() == 2048);
    CHECK(ImplementedSVEVectorLength(pow2, 128).bits() == 128);
    SveConfig small = pow2;
    small.max_vl = VectorLength::fromBits(512);
    CHECK(ImplementedSVEVectorLength(small, 2048).bits() == 512);
    CHECK(ImplementedSVEVectorLength(small, 384).bits() == 256);
    SveConfig any = pow2;
    any.vl_set = VlSet::Any;
    CHECK(ImplementedSVEVectorLength(any, 384).bits() == 384);
    CHECK(ImplementedSVEVectorLength(any, 1920).bits() == 1920);
    any.max_vl = VectorLength::fromBits(512);
    CHECK(ImplementedSVEVectorLength(any, 640).bits() == 512);
}

TEST_CASE("R3: configurations outside the architecture are refused with one clear line",
          "[sve][R3]") {
    CHECK(SveConfig::parse("512", "pow2").max_vl.bits() == 512);
    CHECK(SveConfig::parse("128", "any").vl_set == VlSet::Any);
    for (const char* bad : {"384", "4096", "0", "64", "abc", "", "-512", "2048x"}) {
        INFO(bad);
        CHECK_THROWS_AS(SveConfig::parse(bad, "pow2"), ConfigError);
    }
    CHECK_THROWS_WITH(SveConfig::parse("384", "pow2"),
                      Catch::Contains("384") && Catch::Contains("128, 256, 512, 1024, 2048"));
    CHECK_THROWS_WITH(SveConfig::parse("512", "odd"), Catch::Contains("pow2, any"));
}

TEST_CASE("R_KXKNK: where SVE is disabled the V[] setter and MaybeZeroSVEUppers use 128 bits",
          "[sve][R_KXKNK]") {
    ArchState st(makeConfig({}));
    CpuState& s = st.cpu;
    openEverything(s);
    const auto& cfg = st.config().sve;
    CHECK(VLWhereSVEEnabled(s, cfg, EL::EL1).bits() == 2048);
    s.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 20); // ZEN = 00: SVE disabled at EL0/EL1
    CHECK(VLWhereSVEEnabled(s, cfg, EL::EL1).bits() == 128);
    CHECK(VLWhereSVEEnabled(s, cfg, EL::EL0).bits() == 128);
    CHECK(VLWhereSVEEnabled(s, cfg, EL::EL2).bits() == 2048);
    // CurrentNSVL itself does not consult the enables.
    CHECK(CurrentNSVL(s, cfg, EL::EL1).bits() == 2048);
    s.sysregs.write(SysReg::CPTR_EL3, 0); // EZ = 0: disabled everywhere
    CHECK(VLWhereSVEEnabled(s, cfg, EL::EL3).bits() == 128);
}
