// The register file's setters and MaybeZeroSVEUppers: every zero-or-preserve point under every
// policy (R11-R14, R_YRPDH, I_PDLWX).
#include "support/arch_fixture.h"
#include "svesim/sve/sve_unit.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

std::vector<std::uint8_t> bytes(unsigned n, std::uint8_t v) {
    return std::vector<std::uint8_t>(n, v);
}

} // namespace

TEST_CASE("R11: a Z write at VL 256 writes VL bytes; bits above VL are zero or preserved per "
          "policy",
          "[sve][R11]") {
    for (auto policy :
         {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero(), ZeroUpperPolicy::qemu()}) {
        INFO(policy.name());
        ArchState st(makeConfig({.policy = policy}));
        openEverything(st.cpu);
        Recorder rec;
        st.bus.subscribe(rec);
        fillPattern(st.sve);
        const auto before = snapshot(st.sve);
        const auto vl = VectorLength::fromBits(256);
        st.sve.setZ(st.cpu, 5, vl, bytes(32, 0xAB));
        const auto after = snapshot(st.sve);
        CHECK(after.z[5][0] == 0xAB);
        CHECK(after.z[5][31] == 0xAB);
        if (policy.kind() == PolicyKind::Zero)
            CHECK(allZero(after.z[5], 32, 256));
        else
            CHECK(same(after.z[5], before.z[5], 32, 256));
        // Other registers are untouched.
        CHECK(after.z[4] == before.z[4]);
        REQUIRE(rec.decisions.size() == 1);
        CHECK(rec.decisions[0].kind == RegKind::Z);
        CHECK(rec.decisions[0].index == 5);
        CHECK(rec.decisions[0].byte_lo == 32);
        CHECK(rec.decisions[0].byte_hi == 256);
        CHECK(rec.decisions[0].zeroed == (policy.kind() == PolicyKind::Zero));
        CHECK(rec.decisions[0].site == ZeroUpperSite::ZWrite);
    }
}

TEST_CASE("R11: P and FFR writes at VL 512 write VL/8 bits; above is zero or preserved",
          "[sve][R11]") {
    for (auto policy : {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero()}) {
        ArchState st(makeConfig({.policy = policy}));
        fillPattern(st.sve);
        const auto before = snapshot(st.sve);
        const auto vl = VectorLength::fromBits(512);
        st.sve.setP(st.cpu, 3, vl, bytes(8, 0x55));
        st.sve.setFFR(st.cpu, vl, bytes(8, 0x66));
        const auto after = snapshot(st.sve);
        CHECK(after.p[3][7] == 0x55);
        CHECK(after.ffr[7] == 0x66);
        const bool zero = policy.kind() == PolicyKind::Zero;
        CHECK((zero ? allZero(after.p[3], 8, 32) : same(after.p[3], before.p[3], 8, 32)));
        CHECK((zero ? allZero(after.ffr, 8, 32) : same(after.ffr, before.ffr, 8, 32)));
    }
}

TEST_CASE("R11: at the maximum VL there is nothing above VL and no decision is reported",
          "[sve][R11]") {
    ArchState st(makeConfig({.max_vl = 512, .policy = ZeroUpperPolicy::zero()}));
    Recorder rec;
    st.bus.subscribe(rec);
    st.sve.setZ(st.cpu, 0, VectorLength::fromBits(512), bytes(64, 1));
    CHECK(rec.decisions.empty());
}

TEST_CASE("R12: a V write zeroes [vlen-1:width]; above vlen is zero or preserved (R_WKYLB)",
          "[sve][R12]") {
    for (auto policy : {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero()}) {
        INFO(policy.name());
        ArchState st(makeConfig({.policy = policy}));
        CpuState& s = st.cpu;
        openEverything(s);
        s.pstate.el = EL::EL1;
        setLen(s, 3, 15, 15); // EL1 VL = 512 bits = 64 bytes
        fillPattern(st.sve);
        const auto before = snapshot(st.sve);
        st.sve.setV(s, 7, bytes(8, 0xCD)); // a 64-bit (D) write
        const auto after = snapshot(st.sve);
        CHECK(same(after.z[7], bytes(8, 0xCD), 0, 8));
        CHECK(allZero(after.z[7], 8, 64)); // always: [vlen-1:width]
        const bool zero = policy.kind() == PolicyKind::Zero;
        CHECK((zero ? allZero(after.z[7], 64, 256) : same(after.z[7], before.z[7], 64, 256)));
    }
}

TEST_CASE("R12 + R_KXKNK: with SVE disabled at the current EL a V write guarantees only the low "
          "128 bits",
          "[sve][R12][R_KXKNK]") {
    ArchState st(makeConfig({.policy = ZeroUpperPolicy::preserve()}));
    CpuState& s = st.cpu;
    openEverything(s);
    s.pstate.el = EL::EL1;
    s.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 20); // FP on, SVE off at EL1
    fillPattern(st.sve);
    const auto before = snapshot(st.sve);
    st.sve.setV(s, 2, bytes(16, 0x11));
    const auto after = snapshot(st.sve);
    CHECK(same(after.z[2], bytes(16, 0x11), 0, 16));
    CHECK(same(after.z[2], before.z[2], 16, 256)); // vlen = 128: everything above is preserved
}

namespace {

// Takes an exception from `from` to `to` through MaybeZeroSVEUppers only.
void enterEl(ArchState& st, EL from, EL to) {
    st.cpu.pstate.el = from;
    st.sve.MaybeZeroSVEUppers(st.cpu, to);
}

} // namespace

TEST_CASE("R13: exception to a higher EL zeroes uppers above the source VL only under the zero "
          "branch",
          "[sve][R13]") {
    for (auto policy :
         {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero(), ZeroUpperPolicy::qemu()}) {
        INFO(policy.name());
        ArchState st(makeConfig({.policy = policy}));
        openEverything(st.cpu);
        setLen(st.cpu, 1, 15, 15); // EL1 VL = 256 bits
        Recorder rec;
        st.bus.subscribe(rec);
        fillPattern(st.sve);
        const auto before = snapshot(st.sve);
        enterEl(st, EL::EL1, EL::EL2);
        const auto after = snapshot(st.sve);
        const bool zero = policy.kind() == PolicyKind::Zero;
        for (unsigned n = 0; n < 32; ++n) {
            CHECK(same(after.z[n], before.z[n], 0, 32)); // I_PDLWX
            CHECK((zero ? allZero(after.z[n], 32, 256) : same(after.z[n], before.z[n], 32, 256)));
        }
        for (unsigned n = 0; n < 16; ++n)
            CHECK((zero ? allZero(after.p[n], 4, 32) : same(after.p[n], before.p[n], 4, 32)));
        CHECK((zero ? allZero(after.ffr, 4, 32) : same(after.ffr, before.ffr, 4, 32)));
        CHECK(rec.decisions.size() == 49); // 32 Z + 16 P + FFR, one coin each
        for (const auto& d : rec.decisions)
            CHECK(d.site == ZeroUpperSite::ExceptionEntry);
    }
}

TEST_CASE("R13: same-EL exceptions and targets with SVE disabled never touch SVE state",
          "[sve][R13]") {
    ArchState st(makeConfig({.policy = ZeroUpperPolicy::zero()}));
    openEverything(st.cpu);
    setLen(st.cpu, 0, 0, 0);
    fillPattern(st.sve);
    const auto before = snapshot(st.sve);
    enterEl(st, EL::EL1, EL::EL1);
    enterEl(st, EL::EL2, EL::EL1); // lower target: not an entry MaybeZeroSVEUppers acts on
    st.cpu.sysregs.write(SysReg::CPTR_EL2, bit(cptr::TZ)); // SVE trapped at EL2
    enterEl(st, EL::EL1, EL::EL2);
    const auto after = snapshot(st.sve);
    CHECK(after.z == before.z);
    CHECK(after.p == before.p);
    CHECK(after.ffr == before.ffr);
}

TEST_CASE("R14: FP disabled below the target preserves SVE state exactly (R_DMBPN lazy switch)",
          "[sve][R14]") {
    struct Case {
        const char* name;
        EL from, to;
        std::uint64_t hcr;
        SysReg fp_reg;
        std::uint64_t fp_off_value;
    };
    const Case cases[] = {
        // EL1 -> EL2 (TGE=0): FP disabled at EL1 by CPACR_EL1.FPEN = 00
        {"EL1->EL2, CPACR_EL1.FPEN=00", EL::EL1, EL::EL2, 0, SysReg::CPACR_EL1, 0x3ULL << 16},
        // EL0 -> EL1: FP disabled at EL0 by CPACR_EL1.FPEN = 01
        {"EL0->EL1, CPACR_EL1.FPEN=01", EL::EL0, EL::EL1, 0, SysReg::CPACR_EL1,
         (0x3ULL << 16) | (0x1ULL << 20)},
        // host EL0 -> EL2 (E2H=TGE=1): lower is EL0, FP disabled by CPTR_EL2.FPEN = 01
        {"host EL0->EL2, CPTR_EL2.FPEN=01", EL::EL0, EL::EL2, bit(hcr::E2H) | bit(hcr::TGE),
         SysReg::CPTR_EL2, (0x3ULL << 16) | (0x1ULL << 20)},
        // EL2 -> EL3 with EL2 enabled: lower is EL2, FP disabled by CPTR_EL2.TFP
        {"EL2->EL3, CPTR_EL2.TFP=1", EL::EL2, EL::EL3, 0, SysReg::CPTR_EL2, bit(cptr::TFP)},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        ArchState st(makeConfig({.policy = ZeroUpperPolicy::zero()}));
        openEverything(st.cpu);
        setHcr(st.cpu, c.hcr);
        if (c.hcr & bit(hcr::E2H)) // E2H=1 layout: keep SVE and FP open at EL2 itself
            st.cpu.sysregs.write(SysReg::CPTR_EL2, (0x3ULL << 16) | (0x3ULL << 20));
        setLen(st.cpu, 0, 1, 15);
        fillPattern(st.sve);
        const auto before = snapshot(st.sve);
        // Control: with FP enabled below, the zero policy does zero.
        enterEl(st, c.from, c.to);
        CHECK(snapshot(st.sve).z != before.z);
        fillPattern(st.sve);
        st.cpu.sysregs.write(c.fp_reg, c.fp_off_value);
        enterEl(st, c.from, c.to);
        const auto after = snapshot(st.sve);
        CHECK(after.z == before.z);
        CHECK(after.p == before.p);
        CHECK(after.ffr == before.ffr);
    }
}

TEST_CASE("R_YRPDH: a ZCR write that widens VL may zero the newly accessible bits; narrowing "
          "zeroes only under qemu",
          "[sve][R5]") {
    for (auto policy :
         {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero(), ZeroUpperPolicy::qemu()}) {
        INFO(policy.name());
        ArchState st(makeConfig({.policy = policy}));
        CpuState& s = st.cpu;
        openEverything(s);
        s.pstate.el = EL::EL1;
        setLen(s, 3, 15, 15); // 512
        fillPattern(st.sve);
        const auto before = snapshot(st.sve);
        // Narrow to 256.
        auto vl = st.currentVL();
        s.sysregs.write(SysReg::ZCR_EL1, 1);
        st.sve.onZcrWrite(s, vl);
        const auto narrowed = snapshot(st.sve);
        const bool qemu = policy.kind() == PolicyKind::Qemu;
        CHECK(same(narrowed.z[0], before.z[0], 0, 32));
        CHECK((qemu ? allZero(narrowed.z[0], 32, 256) : narrowed.z == before.z));
        // Widen back to 512.
        vl = st.currentVL();
        s.sysregs.write(SysReg::ZCR_EL1, 3);
        st.sve.onZcrWrite(s, vl);
        const auto widened = snapshot(st.sve);
        for (unsigned n = 0; n < 32; ++n) {
            CHECK(same(widened.z[n], before.z[n], 0, 32)); // I_PDLWX
            if (policy.kind() == PolicyKind::Preserve)
                CHECK(same(widened.z[n], before.z[n], 32, 256));
            else
                CHECK(allZero(widened.z[n], 32, 256));
        }
    }
}

TEST_CASE("random:SEED is reproducible, independent per register, and takes both branches",
          "[sve][policy]") {
    auto run = [](std::uint64_t seed) {
        ArchState st(makeConfig({.policy = ZeroUpperPolicy::random(seed)}));
        openEverything(st.cpu);
        setLen(st.cpu, 0, 15, 15);
        Recorder rec;
        st.bus.subscribe(rec);
        fillPattern(st.sve);
        for (int i = 0; i < 4; ++i)
            enterEl(st, EL::EL1, EL::EL2);
        std::vector<bool> choices;
        for (const auto& d : rec.decisions)
            choices.push_back(d.zeroed);
        return choices;
    };
    const auto a = run(42), b = run(42), c = run(43);
    CHECK(a == b);
    CHECK(a != c);
    const auto zeros = std::count(a.begin(), a.end(), true);
    CHECK(zeros > 20);
    CHECK(zeros < static_cast<long>(a.size()) - 20);
}

TEST_CASE("zero-or-preserve matrix (arch-rules §8 item 8): low bits always kept, uppers zero or "
          "old, under every policy",
          "[sve][R11][R13][R14][R15]") {
    const ZeroUpperPolicy policies[] = {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero(),
                                        ZeroUpperPolicy::qemu(),     ZeroUpperPolicy::random(1),
                                        ZeroUpperPolicy::random(2),  ZeroUpperPolicy::random(3)};
    enum class Seq { ZcrNarrowWiden, El1ToEl2, EretThenBackFpOn, EretThenBackFpOff, HostEl0ToEl2 };
    for (const auto& policy : policies) {
        for (Seq seq : {Seq::ZcrNarrowWiden, Seq::El1ToEl2, Seq::EretThenBackFpOn,
                        Seq::EretThenBackFpOff, Seq::HostEl0ToEl2}) {
            INFO(policy.name() << " sequence " << static_cast<int>(seq));
            ArchState st(makeConfig({.policy = policy}));
            CpuState& s = st.cpu;
            openEverything(s);
            setLen(s, 1, 3, 15); // EL1: 256, EL2: 512
            fillPattern(st.sve);
            const auto before = snapshot(st.sve);
            unsigned low = 32; // bytes guaranteed kept: the smallest VL on the path
            bool must_preserve = policy.kind() == PolicyKind::Preserve;
            switch (seq) {
            case Seq::ZcrNarrowWiden: {
                s.pstate.el = EL::EL2;
                auto vl = st.currentVL();
                s.sysregs.write(SysReg::ZCR_EL2, 1);
                st.sve.onZcrWrite(s, vl);
                vl = st.currentVL();
                s.sysregs.write(SysReg::ZCR_EL2, 3);
                st.sve.onZcrWrite(s, vl);
                break;
            }
            case Seq::El1ToEl2: enterEl(st, EL::EL1, EL::EL2); break;
            case Seq::EretThenBackFpOn:
            case Seq::EretThenBackFpOff:
                // EL2 (512) returns to EL1 (256), EL1 optionally disables FP, traps back.
                s.pstate.el = EL::EL2;
                st.sve.qemuChangeEL(s, EL::EL2, EL::EL1, ZeroUpperSite::EretNarrow);
                s.pstate.el = EL::EL1;
                if (seq == Seq::EretThenBackFpOff) {
                    s.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 16);
                    // R14: FP disabled below the target, so the ASL preserves everything
                    if (policy.kind() != PolicyKind::Qemu) must_preserve = true;
                }
                st.sve.MaybeZeroSVEUppers(s, EL::EL2);
                break;
            case Seq::HostEl0ToEl2:
                setHcr(s, bit(hcr::E2H) | bit(hcr::TGE));
                s.sysregs.write(SysReg::CPTR_EL2, (0x3ULL << 16) | (0x3ULL << 20));
                setLen(s, 1, 1, 15); // host EL0 VL = ZCR_EL2 = 256
                s.sysregs.write(SysReg::ZCR_EL2, 1);
                enterEl(st, EL::EL0, EL::EL2);
                break;
            }
            const auto after = snapshot(st.sve);
            auto check = [&](const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b,
                             unsigned lo) {
                CHECK(same(a, b, 0, lo)); // I_PDLWX: accessible throughout, kept
                for (std::size_t i = lo; i < a.size(); ++i) {
                    if (must_preserve)
                        REQUIRE(a[i] == b[i]);
                    else
                        REQUIRE((a[i] == 0 || a[i] == b[i])); // R_YRPDH: zero or old
                }
            };
            for (unsigned n = 0; n < 32; ++n)
                check(after.z[n], before.z[n], low);
            for (unsigned n = 0; n < 16; ++n)
                check(after.p[n], before.p[n], low / 8);
            check(after.ffr, before.ffr, low / 8);
        }
    }
}

// The unit remembers which upper bytes are zero so that the zero policy does not fill them at
// every write (issue 15); whatever it remembers, each write must leave the bytes R11 says.
TEST_CASE("R11: the zero policy zeroes above VL after wider writes and debugger writes",
          "[sve][R11]") {
    ArchState st(makeConfig({.policy = ZeroUpperPolicy::zero()}));
    openEverything(st.cpu);
    const auto narrow = VectorLength::fromBits(128);
    const auto wide = st.sve.config().max_vl;
    const unsigned full = wide.bytes();
    REQUIRE(full > 16);
    st.sve.setZ(st.cpu, 7, narrow, bytes(16, 0x11)); // zeroes [16, full)
    CHECK(allZero(std::vector<std::uint8_t>(st.sve.zStorage(7).begin(), st.sve.zStorage(7).end()),
                  16, full));
    st.sve.setZ(st.cpu, 7, wide, bytes(full, 0x22)); // a wider write: the upper bytes are data
    st.sve.setZ(st.cpu, 7, narrow, bytes(16, 0x33)); // must zero them again
    auto z = st.sve.zStorage(7);
    CHECK(z[0] == 0x33);
    CHECK(allZero(std::vector<std::uint8_t>(z.begin(), z.end()), 16, full));
    z[full - 1] = 0x44; // a debugger's write above VL through the mutable span
    st.sve.setZ(st.cpu, 7, narrow, bytes(16, 0x55));
    CHECK(st.sve.zStorage(7)[full - 1] == 0);
    // V writes (R12): zero up to the VL at PSTATE.EL, then the zero-or-preserve point.
    st.sve.setZ(st.cpu, 7, wide, bytes(full, 0x66));
    st.sve.setV(st.cpu, 7, bytes(8, 0x77));
    const auto after_v = st.sve.zStorage(7);
    CHECK(after_v[0] == 0x77);
    CHECK(allZero(std::vector<std::uint8_t>(after_v.begin(), after_v.end()), 8, full));
    // P registers and FFR keep the same rule.
    const unsigned pfull = wide.predicateBytes();
    st.sve.setP(st.cpu, 2, wide, bytes(pfull, 0x88));
    st.sve.setP(st.cpu, 2, narrow, bytes(2, 0x99));
    const auto p = st.sve.pStorage(2);
    CHECK(p[1] == 0x99);
    CHECK(allZero(std::vector<std::uint8_t>(p.begin(), p.end()), 2, pfull));
    st.sve.setFFR(st.cpu, wide, bytes(pfull, 0xAA));
    st.sve.setFFR(st.cpu, narrow, bytes(2, 0xBB));
    const auto f = st.sve.ffrStorage();
    CHECK(allZero(std::vector<std::uint8_t>(f.begin(), f.end()), 2, pfull));
}
