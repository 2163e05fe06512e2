// A64 SYS maintenance instructions (op0 = 1, CRn = 7 or 8): DC, IC, AT and TLBI, each named as
// llvm-mc names it (ARM-M C5.3 "A64 System instructions for cache maintenance, address
// translation and TLB maintenance"; D7.5, D8.13, D8.14). Caches are not modelled (the
// predecoded-instruction cache is keyed by physical address and follows this PE's stores), so DC
// only makes its permission checks, faults and traps and IC drops predecoded instructions (of
// every PE for IVAU and IALLUIS); DC ZVA writes zeros; AT writes PAR_EL1; TLBI invalidates the TLB
// (and the per-page caches) of this PE, or of every PE for the Inner Shareable forms.
#include "svesim/arch/el_predicates.h"
#include "svesim/exceptions/abort.h"
#include "svesim/exceptions/routing.h"
#include "svesim/exceptions/sysreg_access.h"
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <algorithm>
#include <array>
#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;

enum class Kind : std::uint8_t { DC, IC, AT, TLBI };

// What each operation does, beyond its class.
enum class Op : std::uint8_t {
    // DC / IC
    Zva,      // DC ZVA: zeroes a DCZID_EL0 block
    InvalVA,  // DC IVAC: invalidate by VA (checked as a write)
    CleanPoC, // DC CVAC, CVAP, CIVAC (HCR_EL2.TPCP)
    CleanPoU, // DC CVAU (HCR_EL2.TPU)
    SetWay,   // DC ISW, CSW, CISW (HCR_EL2.TSW)
    IcAll,    // IC IALLU, IALLUIS (HCR_EL2.TPU)
    IcVA,     // IC IVAU (HCR_EL2.TPU)
    // AT: the translation regime's EL, the EL of the access, write, PAN, both stages
    AtS1E0R,
    AtS1E0W,
    AtS1E1R,
    AtS1E1W,
    AtS1E1RP,
    AtS1E1WP,
    AtS1E2R,
    AtS1E2W,
    AtS1E3R,
    AtS1E3W,
    AtS12E0R,
    AtS12E0W,
    AtS12E1R,
    AtS12E1W,
    // TLBI
    VMALLE1,
    VAE1,
    ASIDE1,
    VAAE1,
    VALE1,
    VAALE1,
    IPAS2E1,
    IPAS2LE1,
    ALLE2,
    VAE2,
    ALLE1,
    VALE2,
    VMALLS12E1,
    ALLE3,
    VAE3,
    VALE3,
};

struct SysOp {
    Kind kind;
    std::string_view name; // llvm-mc's spelling
    std::uint8_t op1, crn, crm, op2;
    Op op;
    bool reg;               // takes Xt (printed even when Rt = 31)
    bool broadcast = false; // Inner Shareable TLBI
};

// clang-format off
constexpr std::array kOps{
    SysOp{Kind::DC, "zva", 3, 7, 4, 1, Op::Zva, true},
    SysOp{Kind::DC, "ivac", 0, 7, 6, 1, Op::InvalVA, true},
    SysOp{Kind::DC, "isw", 0, 7, 6, 2, Op::SetWay, true},
    SysOp{Kind::DC, "cvac", 3, 7, 10, 1, Op::CleanPoC, true},
    SysOp{Kind::DC, "csw", 0, 7, 10, 2, Op::SetWay, true},
    SysOp{Kind::DC, "cvau", 3, 7, 11, 1, Op::CleanPoU, true},
    SysOp{Kind::DC, "cvap", 3, 7, 12, 1, Op::CleanPoC, true},
    SysOp{Kind::DC, "civac", 3, 7, 14, 1, Op::CleanPoC, true},
    SysOp{Kind::DC, "cisw", 0, 7, 14, 2, Op::SetWay, true},
    SysOp{Kind::IC, "ialluis", 0, 7, 1, 0, Op::IcAll, false, true},
    SysOp{Kind::IC, "iallu", 0, 7, 5, 0, Op::IcAll, false},
    SysOp{Kind::IC, "ivau", 3, 7, 5, 1, Op::IcVA, true},
    SysOp{Kind::AT, "s1e1r", 0, 7, 8, 0, Op::AtS1E1R, true},
    SysOp{Kind::AT, "s1e1w", 0, 7, 8, 1, Op::AtS1E1W, true},
    SysOp{Kind::AT, "s1e0r", 0, 7, 8, 2, Op::AtS1E0R, true},
    SysOp{Kind::AT, "s1e0w", 0, 7, 8, 3, Op::AtS1E0W, true},
    SysOp{Kind::AT, "s1e1rp", 0, 7, 9, 0, Op::AtS1E1RP, true},
    SysOp{Kind::AT, "s1e1wp", 0, 7, 9, 1, Op::AtS1E1WP, true},
    SysOp{Kind::AT, "s1e2r", 4, 7, 8, 0, Op::AtS1E2R, true},
    SysOp{Kind::AT, "s1e2w", 4, 7, 8, 1, Op::AtS1E2W, true},
    SysOp{Kind::AT, "s12e1r", 4, 7, 8, 4, Op::AtS12E1R, true},
    SysOp{Kind::AT, "s12e1w", 4, 7, 8, 5, Op::AtS12E1W, true},
    SysOp{Kind::AT, "s12e0r", 4, 7, 8, 6, Op::AtS12E0R, true},
    SysOp{Kind::AT, "s12e0w", 4, 7, 8, 7, Op::AtS12E0W, true},
    SysOp{Kind::AT, "s1e3r", 6, 7, 8, 0, Op::AtS1E3R, true},
    SysOp{Kind::AT, "s1e3w", 6, 7, 8, 1, Op::AtS1E3W, true},
    SysOp{Kind::TLBI, "vmalle1is", 0, 8, 3, 0, Op::VMALLE1, false, true},
    SysOp{Kind::TLBI, "vae1is", 0, 8, 3, 1, Op::VAE1, true, true},
    SysOp{Kind::TLBI, "aside1is", 0, 8, 3, 2, Op::ASIDE1, true, true},
    SysOp{Kind::TLBI, "vaae1is", 0, 8, 3, 3, Op::VAAE1, true, true},
    SysOp{Kind::TLBI, "vale1is", 0, 8, 3, 5, Op::VALE1, true, true},
    SysOp{Kind::TLBI, "vaale1is", 0, 8, 3, 7, Op::VAALE1, true, true},
    SysOp{Kind::TLBI, "vmalle1", 0, 8, 7, 0, Op::VMALLE1, false},
    SysOp{Kind::TLBI, "vae1", 0, 8, 7, 1, Op::VAE1, true},
    SysOp{Kind::TLBI, "aside1", 0, 8, 7, 2, Op::ASIDE1, true},
    SysOp{Kind::TLBI, "vaae1", 0, 8, 7, 3, Op::VAAE1, true},
    SysOp{Kind::TLBI, "vale1", 0, 8, 7, 5, Op::VALE1, true},
    SysOp{Kind::TLBI, "vaale1", 0, 8, 7, 7, Op::VAALE1, true},
    SysOp{Kind::TLBI, "ipas2e1is", 4, 8, 0, 1, Op::IPAS2E1, true, true},
    SysOp{Kind::TLBI, "ipas2le1is", 4, 8, 0, 5, Op::IPAS2LE1, true, true},
    SysOp{Kind::TLBI, "alle2is", 4, 8, 3, 0, Op::ALLE2, false, true},
    SysOp{Kind::TLBI, "vae2is", 4, 8, 3, 1, Op::VAE2, true, true},
    SysOp{Kind::TLBI, "alle1is", 4, 8, 3, 4, Op::ALLE1, false, true},
    SysOp{Kind::TLBI, "vale2is", 4, 8, 3, 5, Op::VALE2, true, true},
    SysOp{Kind::TLBI, "vmalls12e1is", 4, 8, 3, 6, Op::VMALLS12E1, false, true},
    SysOp{Kind::TLBI, "ipas2e1", 4, 8, 4, 1, Op::IPAS2E1, true},
    SysOp{Kind::TLBI, "ipas2le1", 4, 8, 4, 5, Op::IPAS2LE1, true},
    SysOp{Kind::TLBI, "alle2", 4, 8, 7, 0, Op::ALLE2, false},
    SysOp{Kind::TLBI, "vae2", 4, 8, 7, 1, Op::VAE2, true},
    SysOp{Kind::TLBI, "alle1", 4, 8, 7, 4, Op::ALLE1, false},
    SysOp{Kind::TLBI, "vale2", 4, 8, 7, 5, Op::VALE2, true},
    SysOp{Kind::TLBI, "vmalls12e1", 4, 8, 7, 6, Op::VMALLS12E1, false},
    SysOp{Kind::TLBI, "alle3is", 6, 8, 3, 0, Op::ALLE3, false, true},
    SysOp{Kind::TLBI, "vae3is", 6, 8, 3, 1, Op::VAE3, true, true},
    SysOp{Kind::TLBI, "vale3is", 6, 8, 3, 5, Op::VALE3, true, true},
    SysOp{Kind::TLBI, "alle3", 6, 8, 7, 0, Op::ALLE3, false},
    SysOp{Kind::TLBI, "vae3", 6, 8, 7, 1, Op::VAE3, true},
    SysOp{Kind::TLBI, "vale3", 6, 8, 7, 5, Op::VALE3, true},
};
// clang-format on

const SysOp* findOp(std::uint32_t i) {
    if (bit1(i, 21)) return nullptr; // SYSL
    const unsigned op1 = bits(i, 18, 16), crn = bits(i, 15, 12), crm = bits(i, 11, 8),
                   op2 = bits(i, 7, 5);
    for (const SysOp& o : kOps)
        if (o.op1 == op1 && o.crn == crn && o.crm == crm && o.op2 == op2) return &o;
    return nullptr;
}

bool validMaint(std::uint32_t i) {
    return findOp(i) != nullptr;
}

std::string disMaint(std::uint32_t i, std::uint64_t) {
    const SysOp& o = *findOp(i);
    static constexpr std::array<std::string_view, 4> kMnemonic{"dc", "ic", "at", "tlbi"};
    const std::string_view mn = kMnemonic[static_cast<std::size_t>(o.kind)];
    if (!o.reg) return fmt::format("{}\t{}", mn, o.name); // LLVM drops Rt of these
    return fmt::format("{}\t{}, {}", mn, o.name, regName(rt(i), true));
}

// The DC ZVA block: 4 << DCZID_EL0.BS bytes (BS is at most 9: 2 KiB).
constexpr std::uint64_t kZvaMaxBytes = 2048;
std::uint64_t zvaBytes(const CpuState& s) {
    return std::uint64_t{4} << (DczidValue(s) & 0xF);
}

// HCR_EL2 trap controls of these instructions (ARM-M D24.2.49).
namespace hcrbit {
constexpr unsigned TSW = 22, TPCP = 23, TPU = 24, TTLB = 25, TDZ = 28, FB = 9;
}
constexpr unsigned kSctlrDZE = 14, kSctlrUCI = 26;

// The UNDEFINED rule: op1 gives the lowest EL (0 and 3: EL1, or EL0 for the op1 = 3 forms; 4:
// EL2; 6: EL3) and the EL must be implemented.
bool undefinedAt(const CpuState& s, const SysOp& o) {
    const EL el = s.pstate.el;
    switch (o.op1) {
    case 3: return false;
    case 4: return toUnsigned(el) < 2 || !HaveEL(s, EL::EL2);
    case 6: return el != EL::EL3;
    default: return el == EL::EL0;
    }
}

ExceptionEntry trap(const CpuState& s, EL target, const SysOp& o, std::uint32_t i) {
    const std::uint32_t iss =
        SystemRegisterTrapIss({1, o.op1, o.crn, o.crm, o.op2}, rt(i), SysRegDirection::Write);
    return AArch64_SystemAccessTrap(s, target, Exception::SystemRegisterTrap, iss);
}

// EC 0x18 traps: EL0's SCTLR.DZE/UCI (to EL1, or EL2 by TGE or in a host), then HCR_EL2's
// TDZ/TPCP/TPU/TSW/TTLB from EL0 and EL1 when EL2 is enabled and not a host.
std::optional<ExceptionEntry> checkTraps(const CpuState& s, const SysOp& o, std::uint32_t i) {
    const EL el = s.pstate.el;
    if (el == EL::EL0) {
        const std::uint64_t sctlr = s.sysregs.raw(SCTLR(s, EL::EL0));
        const bool zva = o.op == Op::Zva;
        if (!bitSet(sctlr, zva ? kSctlrDZE : kSctlrUCI))
            return trap(s, SynchronousExceptionTarget(s), o, i);
    }
    if ((el != EL::EL0 && el != EL::EL1) || !EL2Enabled(s) || ELIsInHost(s, EL::EL0)) return {};
    const std::uint64_t hcr = s.hcr();
    unsigned control = 64;
    switch (o.op) {
    case Op::Zva: control = hcrbit::TDZ; break;
    case Op::InvalVA:
    case Op::CleanPoC: control = hcrbit::TPCP; break;
    case Op::CleanPoU:
    case Op::IcAll:
    case Op::IcVA: control = hcrbit::TPU; break;
    case Op::SetWay: control = hcrbit::TSW; break;
    default:
        if (o.kind == Kind::TLBI && el == EL::EL1) control = hcrbit::TTLB;
        break;
    }
    if (control < 64 && bitSet(hcr, control)) return trap(s, EL::EL2, o, i);
    return {};
}

// DC/IC by VA: the translation with its permission checks (cache maintenance rules).
void maintainByVA(ExecContext& cx, const SysOp& o, std::uint64_t va) {
    if (!cx.translating()) return;
    std::uint64_t pa = 0;
    cx.translateData(va, 1, 1, o.op == Op::InvalVA, pa, nullptr, true);
}

// IC: the instruction caches are not modelled, the predecoded instructions are (keyed by PA).
// IC IVAU drops the 64-byte line's (CTR_EL0.IminLine) on every PE of the Inner Shareable
// domain (maintenance by VA applies to the caches of every PE in the location's shareability
// domain), IC IALLUIS every PE's, IC IALLU this PE's (every PE's with HCR_EL2.FB at EL1).
void icMaintain(ExecContext& cx, const SysOp& o, std::uint64_t xt) {
    std::uint64_t lo = 0, hi = ~std::uint64_t{0};
    if (o.op == Op::IcVA) {
        std::uint64_t pa = xt;
        if (cx.translating() && !cx.translateData(xt, 1, 1, false, pa, nullptr, true)) return;
        lo = pa & ~std::uint64_t{63};
        hi = lo + 64;
    }
    const CpuState& s = cx.cpu();
    const bool fb = s.pstate.el == EL::EL1 && EL2Enabled(s) && bitSet(s.hcr(), hcrbit::FB);
    GlobalMonitor* net = cx.globalMonitor();
    if ((o.op == Op::IcVA || o.broadcast || fb) && net != nullptr) {
        for (ExecContext* pe : net->contexts())
            pe->codeMaintained(lo, hi);
        return;
    }
    cx.codeMaintained(lo, hi);
}

// DC ZVA: a DCZID_EL0 block of zeros at Align(Xt, block), as a store. Device memory (from a
// stage 1 descriptor) gives an Alignment fault.
void dcZva(ExecContext& cx, std::uint64_t xt) {
    const std::uint64_t bytes = std::min(zvaBytes(cx.cpu()), kZvaMaxBytes);
    const std::uint64_t va = xt & ~(bytes - 1);
    const auto size = static_cast<unsigned>(bytes);
    if (cx.translating()) {
        std::uint64_t pa = 0;
        bool device = false;
        if (!cx.translateData(va, size, 1, true, pa, &device)) return;
        if (device && mmu::stage1Enabled(cx.translationRegs())) {
            AbortDesc a;
            a.fsc = kFscAlignment;
            a.write = true;
            return cx.raise(AArch64_DataAbort(cx.cpu(), va, a));
        }
    }
    static constexpr std::array<std::uint8_t, kZvaMaxBytes> kZeros{};
    // The zeros come from nothing: Xt is an address, not data, so its provenance must not reach
    // memory (the transfer rule gives a constant's bytes ZERO once nothing was read).
    if (Provenance* prov = cx.provenance()) prov->beginInstruction();
    cx.store(va, kZeros.data(), size, 1);
}

// AT: the regime, the EL of the access and the stages; PAR_EL1 gets the result, except for
// the faults that are taken as exceptions.
void at(ExecContext& cx, const SysOp& o, std::uint64_t va) {
    const CpuState& s = cx.cpu();
    const bool host = ELIsInHost(s, EL::EL0); // S1E0*/S1E1* at EL2 with {E2H,TGE} = {1,1}
    mmu::AccessDesc acc;
    acc.at = true;
    EL regime = EL::EL1;
    mmu::Stages stages = mmu::Stages::S1Only;
    switch (o.op) {
    case Op::AtS1E0R:
    case Op::AtS1E0W:
    case Op::AtS12E0R:
    case Op::AtS12E0W: acc.el = EL::EL0; break;
    case Op::AtS1E2R:
    case Op::AtS1E2W: acc.el = regime = EL::EL2; break;
    case Op::AtS1E3R:
    case Op::AtS1E3W: acc.el = regime = EL::EL3; break;
    default: acc.el = EL::EL1; break;
    }
    if (host && (o.op == Op::AtS1E0R || o.op == Op::AtS1E0W || o.op == Op::AtS1E1R ||
                 o.op == Op::AtS1E1W || o.op == Op::AtS1E1RP || o.op == Op::AtS1E1WP)) {
        regime = EL::EL2;
        if (acc.el == EL::EL1) acc.el = EL::EL2;
    }
    if (o.op == Op::AtS12E0R || o.op == Op::AtS12E0W || o.op == Op::AtS12E1R ||
        o.op == Op::AtS12E1W)
        stages = mmu::Stages::S12;
    acc.atPan = o.op == Op::AtS1E1RP || o.op == Op::AtS1E1WP;
    const bool write = o.op == Op::AtS1E0W || o.op == Op::AtS1E1W || o.op == Op::AtS1E1WP ||
                       o.op == Op::AtS1E2W || o.op == Op::AtS1E3W || o.op == Op::AtS12E0W ||
                       o.op == Op::AtS12E1W;
    acc.type = write ? mmu::AccessType::Write : mmu::AccessType::Read;
    mmu::TranslationRegs regs = cx.translationRegsFor(regime);
    mmu::TranslationResult r;
    const std::uint64_t par = cx.mmu().at(regs, acc, va, cx.walkMemory(), stages, &r);
    // A synchronous External abort on the walk, and a stage 2 fault on a stage 1 walk of an AT
    // executed at EL1, are taken (as Data Aborts with CM = 1) instead of reported in PAR_EL1.
    const bool external = r.fault.type == mmu::FaultType::WalkExternalAbort;
    const bool s2walk = r.fault.s1ptw && r.fault.stage == 2 && s.pstate.el == EL::EL1;
    if (r.fault && (external || s2walk)) return cx.raise(cx.dataAbortFor(r.fault, va, true));
    cx.cpu().sysregs.write(SysReg::PAR_EL1, par);
}

// TLBI: the operation on one PE's TLB, with the target computed on the executing PE.
void tlbiOn(mmu::Tlb& tlb, const SysOp& o, const mmu::TlbiTarget& el1, bool e2h, std::uint64_t xt) {
    const bool last = o.op == Op::VALE1 || o.op == Op::VAALE1 || o.op == Op::IPAS2LE1 ||
                      o.op == Op::VALE2 || o.op == Op::VALE3;
    switch (o.op) {
    case Op::VMALLE1: tlb.tlbiVMALL(el1); break;
    case Op::VAE1:
    case Op::VALE1: tlb.tlbiVA(el1, xt, last); break;
    case Op::ASIDE1: tlb.tlbiASID(el1, xt); break;
    case Op::VAAE1:
    case Op::VAALE1: tlb.tlbiVAA(el1, xt, last); break;
    case Op::IPAS2E1:
    case Op::IPAS2LE1:
        if (!el1.secure) tlb.tlbiIPAS2({mmu::Regime::EL10, false, el1.vmid}, xt, last);
        break;
    case Op::VMALLS12E1: tlb.tlbiVMALLS12({mmu::Regime::EL10, el1.secure, el1.vmid}); break;
    case Op::ALLE1: tlb.tlbiALL(mmu::Regime::EL10, el1.secure); break;
    case Op::ALLE2: mmu::tlbiALLE2(tlb); break;
    case Op::VAE2:
    case Op::VALE2: mmu::tlbiVAE2(tlb, xt, e2h, last); break;
    case Op::ALLE3: mmu::tlbiALLE3(tlb); break;
    case Op::VAE3:
    case Op::VALE3: mmu::tlbiVAE3(tlb, xt, last); break;
    default: break;
    }
}

void tlbi(ExecContext& cx, const SysOp& o, std::uint64_t xt) {
    const CpuState& s = cx.cpu();
    // The EL1 operations reach the EL2&0 regime when executed in a host (E2H = TGE = 1).
    const bool host = s.pstate.el == EL::EL2 && ELIsInHost(s, EL::EL0);
    const mmu::TranslationRegs el1 = cx.translationRegsFor(EL::EL1);
    mmu::TlbiTarget target{host ? mmu::Regime::EL20 : mmu::Regime::EL10,
                           !host && IsSecureBelowEL3(s),
                           host ? std::uint16_t{0} : mmu::currentVMID(el1)};
    if (host && o.op1 == 4) target = {mmu::Regime::EL10, false, mmu::currentVMID(el1)};
    const bool e2h = bitSet(s.hcr(), hcr::E2H);
    // HCR_EL2.FB: EL1's TLBIs are broadcast.
    const bool fb = s.pstate.el == EL::EL1 && EL2Enabled(s) && bitSet(s.hcr(), hcrbit::FB);
    GlobalMonitor* net = cx.globalMonitor();
    if ((o.broadcast || fb) && net != nullptr) {
        for (ExecContext* pe : net->contexts()) {
            tlbiOn(pe->mmu().tlb(), o, target, e2h, xt);
            pe->dropPageCaches();
        }
        return;
    }
    tlbiOn(cx.mmu().tlb(), o, target, e2h, xt);
    cx.dropPageCaches();
}

void execMaint(ExecContext& cx, std::uint32_t i) {
    const SysOp& o = *findOp(i);
    const CpuState& s = cx.cpu();
    if (undefinedAt(s, o)) return cx.undefined();
    if (auto t = checkTraps(s, o, i)) return cx.raise(*t);
    const std::uint64_t xt = cx.X(rt(i));
    switch (o.kind) {
    case Kind::DC:
        if (o.op == Op::Zva) return dcZva(cx, xt);
        if (o.op != Op::SetWay) maintainByVA(cx, o, xt);
        return;
    case Kind::IC: return icMaintain(cx, o, xt);
    case Kind::AT: return at(cx, o, xt);
    case Kind::TLBI: return tlbi(cx, o, xt);
    }
}

// clang-format off
const InsnDef kMaintInsns[] = {
    insn("1101010100 0 01 xxx xxxx xxxx xxx xxxxx", "SYS_CR_systeminstrs", execMaint, disMaint, T::Barrier, validMaint),
};
// clang-format on

} // namespace

std::span<const InsnDef> sysMaintInsns() {
    return kMaintInsns;
}

} // namespace svesim::isa
