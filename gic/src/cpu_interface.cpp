// The physical CPU interface (IHI 0069 §4.1-4.8, §12.2): acknowledge, priority drop and
// deactivation, running priority, preemption and the IRQ/FIQ outputs.
#include "svesim/gic/cpu_interface.h"

#include "active_priorities.h"
#include "svesim/gic/gic.h"

namespace svesim::gic {
namespace {

constexpr std::uint64_t kSreRao = 0x7; // SRE, DFB, DIB: RAO/WI (no legacy mode, no bypass)
constexpr std::uint64_t kSreEnable = 1U << 3;
constexpr std::uint64_t kCtlrCbpr = 1U << 0, kCtlrEoiMode = 1U << 1, kCtlrIdBits24 = 1U << 11,
                        kCtlrA3V = 1U << 15;
constexpr std::uint64_t kScrFiq = 1U << 2;

} // namespace

CpuInterface::CpuInterface(Gic& gic, unsigned index)
    : gic_(&gic)
    , index_(index)
    , pribits_(gic.config().priority_bits)
    , vpribits_(gic.config().virtual_priority_bits)
    , lrs_(gic.config().list_registers) {
    reset();
}

// Reset values as QEMU's icc_reset (BPR0 = min, BPR1 = min + 1 for Non-secure, PMR = 0; the
// Arm ARM leaves most of them UNKNOWN) and ICH_VMCR_EL2 with VFIQEn and the minimum VBPRs.
void CpuInterface::reset() {
    pmr_ = 0;
    bpr0_ = static_cast<std::uint8_t>(minBpr());
    bpr1_ = {static_cast<std::uint8_t>(minBpr()), static_cast<std::uint8_t>(minBpr() + 1)};
    cbpr_ = {false, false};
    eoimode_ = {false, false};
    igrpen1_ = {false, false};
    eoimode_el3_ = igrpen0_ = false;
    sre_el2_enable_ = sre_el3_enable_ = true;
    ap0_ = {};
    ap1_ = {};
    ich_hcr_ = 0;
    ich_vmcr_ = sanitiseVmcr(0);
    ich_ap0_ = {};
    ich_ap1_ = {};
    lr_ = {};
}

void CpuInterface::setPeState(EL el, bool secure) {
    pe_el_ = el;
    pe_secure_ = secure;
    gic_->update();
}

std::uint8_t CpuInterface::priorityMask() const {
    return static_cast<std::uint8_t>(0xFF << (8 - pribits_));
}

// GroupBits() (IHI 0069 §4.8.3): the group-priority part of a priority for an interrupt of `g`.
// BPR0 n: group priority [7:n+1]; Non-secure BPR1 n: [7:n]; CBPR makes Group 1 use BPR0.
std::uint8_t CpuInterface::groupPriorityMask(Group g) const {
    unsigned shift;
    if (g == Group::G0 || (g == Group::G1S && cbpr_[idx(Bank::Secure)]) ||
        (g == Group::G1NS && cbpr_[idx(Bank::NonSecure)]))
        shift = bpr0_ + 1U;
    else if (g == Group::G1S)
        shift = bpr1_[idx(Bank::Secure)] + 1U;
    else
        shift = bpr1_[idx(Bank::NonSecure)];
    return static_cast<std::uint8_t>(0xFF << shift);
}

std::array<std::uint32_t, 4>& CpuInterface::activeRegs(Group g) {
    return g == Group::G0 ? ap0_ : ap1_[idx(g == Group::G1S ? Bank::Secure : Bank::NonSecure)];
}

bool CpuInterface::groupEnabledHere(Group g) const {
    switch (g) {
    case Group::G0: return igrpen0_;
    case Group::G1S: return igrpen1_[idx(Bank::Secure)];
    case Group::G1NS: return igrpen1_[idx(Bank::NonSecure)];
    }
    return false;
}

// The running priority (ICC_RPR_EL1, §4.8.4): the group priority of the highest set bit of the
// active-priority registers of every group, 0xFF when none.
std::uint8_t CpuInterface::runningPriority() const {
    std::array<std::uint32_t, 4> all{};
    for (unsigned i = 0; i < 4; ++i)
        all[i] = ap0_[i] | ap1_[0][i] | ap1_[1][i];
    const int b = lowestActiveBit(all);
    return b < 0 ? std::uint8_t{0xFF} : static_cast<std::uint8_t>(b << (minBpr() + 1));
}

bool CpuInterface::highestActiveGroup(Group& g) const {
    const int b0 = lowestActiveBit(ap0_), bs = lowestActiveBit(ap1_[0]),
              bn = lowestActiveBit(ap1_[1]);
    int best = -1;
    auto take = [&](int b, Group grp) {
        if (b >= 0 && (best < 0 || b < best)) {
            best = b;
            g = grp;
        }
    };
    take(b0, Group::G0);
    take(bs, Group::G1S);
    take(bn, Group::G1NS);
    return best >= 0;
}

// Preemption (§4.8.5): the interrupt's priority is higher than the priority mask and its group
// priority higher than the running priority.
bool CpuInterface::canPreempt(Group g, std::uint8_t priority) const {
    const std::uint8_t p = priority & priorityMask();
    if (p >= pmr_) return false;
    const std::uint8_t running = runningPriority();
    if (running == 0xFF) return true;
    const std::uint8_t m = groupPriorityMask(g);
    return (p & m) < (running & m);
}

// The Group 1 interrupts ICC_IAR1/EOIR1/HPPIR1 handle in the current Security state (§4.6.2).
Group CpuInterface::group1For(const GicAccessContext& ctx) const {
    if (gic_->singleSecurityState()) return Group::G1NS;
    return ctx.secure() ? Group::G1S : Group::G1NS;
}

std::uint64_t CpuInterface::highestPendingId(bool group1, const GicAccessContext& ctx) const {
    const Gic::Hppi h = gic_->highestPending(index_);
    if (h.intid == kIntIdSpurious || !groupEnabledHere(h.group)) return kIntIdSpurious;
    if (!group1) {
        if (h.group == Group::G0) return h.intid;
        // ICC_IAR0/HPPIR0 at EL3 name the Group 1 interrupt waiting (§2.2.1: 1020, 1021).
        if (ctx.el == EL::EL3) return h.group == Group::G1S ? kIntIdSecureG1 : kIntIdNonSecureG1;
        return kIntIdSpurious;
    }
    return h.group == group1For(ctx) ? h.intid : kIntIdSpurious;
}

// ICC_IAR0/IAR1_EL1 (§12.2.13/14): the INTID of the highest-priority pending interrupt of the
// register's group if it may preempt; it becomes active (pending and active for a level still
// asserted) and its group priority is marked in the active-priority registers.
std::uint64_t CpuInterface::acknowledge(bool group1, const GicAccessContext& ctx) {
    const std::uint64_t id = highestPendingId(group1, ctx);
    if (id >= kIntIdSecureG1) return id;
    const Gic::Hppi h = gic_->highestPending(index_);
    if (!canPreempt(h.group, h.priority)) return kIntIdSpurious;
    IrqState& s = gic_->state(index_, h.intid);
    s.pend_latch = false;
    s.active = true;
    const std::uint8_t gp = (h.priority & priorityMask()) & groupPriorityMask(h.group);
    const unsigned bit = gp >> (minBpr() + 1);
    markActive(activeRegs(h.group), bit);
    gic_->update();
    return h.intid;
}

bool CpuInterface::eoiModeSplit(const GicAccessContext& ctx) const {
    if (ctx.el == EL::EL3) return eoimode_el3_;
    return eoimode_[idx(bankOf(ctx))];
}

// ICC_EOIR0/EOIR1_EL1 (§12.2.9/10, §4.1.1): priority drop of the highest active priority, if
// it belongs to the register's group (else ignored, as QEMU); with EOImode = 0 also deactivation.
void CpuInterface::endOfInterrupt(bool group1, const GicAccessContext& ctx, std::uint64_t v) {
    const IntId intid = static_cast<IntId>(v & 0xFF'FFFF);
    if (intid >= gic_->intIdLimit()) return;
    const Group want = group1 ? group1For(ctx) : Group::G0;
    Group active;
    if (!highestActiveGroup(active) || active != want) return;
    dropHighestActive(activeRegs(want));
    if (!eoiModeSplit(ctx)) deactivate(intid);
    gic_->update();
}

void CpuInterface::deactivate(IntId intid) {
    if (intid >= gic_->intIdLimit()) return;
    gic_->state(index_, intid).active = false;
    gic_->update();
}

bool CpuInterface::nsPriorityView(const GicAccessContext& ctx) const {
    return ctx.have_el3 && !ctx.secure() && !gic_->singleSecurityState() &&
           (ctx.scr_el3 & kScrFiq) != 0;
}

GicAccessResult CpuInterface::readIcc(GicSysReg r, const GicAccessContext& ctx) {
    const Bank b = bankOf(ctx);
    const unsigned n = gicSysRegInfo(r).index;
    using R = GicSysReg;
    std::uint64_t v = 0;
    switch (r) {
    case R::ICC_PMR_EL1:
    case R::ICC_RPR_EL1: {
        v = r == R::ICC_PMR_EL1 ? pmr_ : runningPriority();
        // §4.8.6: a Non-secure read of a Secure-range priority reads 0, else the NS view.
        if (nsPriorityView(ctx)) v = (v & 0x80) == 0 ? 0 : (v << 1) & 0xFF;
        break;
    }
    case R::ICC_IAR0_EL1: v = acknowledge(false, ctx); break;
    case R::ICC_IAR1_EL1: v = acknowledge(true, ctx); break;
    case R::ICC_HPPIR0_EL1: v = highestPendingId(false, ctx); break;
    case R::ICC_HPPIR1_EL1: v = highestPendingId(true, ctx); break;
    case R::ICC_BPR0_EL1: v = bpr0_; break;
    case R::ICC_BPR1_EL1:
        // With CBPR set, BPR1 reads BPR0 (+1 for the Non-secure copy, saturating at 7).
        if (cbpr_[idx(b)])
            v = b == Bank::Secure ? bpr0_ : std::min<unsigned>(bpr0_ + 1U, 7U);
        else
            v = bpr1_[idx(b)];
        break;
    case R::ICC_AP0R0_EL1:
    case R::ICC_AP0R1_EL1:
    case R::ICC_AP0R2_EL1:
    case R::ICC_AP0R3_EL1: v = ap0_[n]; break;
    case R::ICC_AP1R0_EL1:
    case R::ICC_AP1R1_EL1:
    case R::ICC_AP1R2_EL1:
    case R::ICC_AP1R3_EL1: v = ap1_[idx(b)][n]; break;
    case R::ICC_CTLR_EL1:
        // PRIbits [10:8], IDbits [13:11] = 1 (24 bits, as QEMU), A3V [15].
        v = (cbpr_[idx(b)] ? kCtlrCbpr : 0) | (eoimode_[idx(b)] ? kCtlrEoiMode : 0) |
            (std::uint64_t{pribits_ - 1} << 8) | kCtlrIdBits24 | kCtlrA3V;
        break;
    case R::ICC_SRE_EL1: v = kSreRao; break;
    case R::ICC_SRE_EL2: v = kSreRao | (sre_el2_enable_ ? kSreEnable : 0); break;
    case R::ICC_SRE_EL3: v = kSreRao | (sre_el3_enable_ ? kSreEnable : 0); break;
    case R::ICC_IGRPEN0_EL1: v = igrpen0_; break;
    case R::ICC_IGRPEN1_EL1: v = igrpen1_[idx(b)]; break;
    case R::ICC_IGRPEN1_EL3:
        v = (igrpen1_[idx(Bank::NonSecure)] ? 1 : 0) | (igrpen1_[idx(Bank::Secure)] ? 2 : 0);
        break;
    case R::ICC_CTLR_EL3:
        // CBPR_EL1S [0], CBPR_EL1NS [1], EOImode_EL3 [2], EOImode_EL1S [3], EOImode_EL1NS [4],
        // PRIbits [10:8], IDbits [13:11] = 1, A3V [15], nDS [17] (DS = 1 cannot be set in this
        // distributor).
        v = (cbpr_[0] ? 1U : 0U) | (cbpr_[1] ? 2U : 0U) | (eoimode_el3_ ? 4U : 0U) |
            (eoimode_[0] ? 8U : 0U) | (eoimode_[1] ? 16U : 0U) |
            (std::uint64_t{pribits_ - 1} << 8) | kCtlrIdBits24 | kCtlrA3V |
            (gic_->singleSecurityState() ? 0 : 1ULL << 17);
        break;
    default: return GicAccessResult::undefined(); // write-only registers never get here
    }
    return GicAccessResult::ok(v);
}

GicAccessResult CpuInterface::writeIcc(GicSysReg r, const GicAccessContext& ctx, std::uint64_t v) {
    const Bank b = bankOf(ctx);
    const unsigned n = gicSysRegInfo(r).index;
    using R = GicSysReg;
    switch (r) {
    case R::ICC_PMR_EL1: {
        std::uint64_t p = v & 0xFF;
        if (nsPriorityView(ctx)) {
            if ((pmr_ & 0x80) == 0) break; // §4.8.6: NS may not lower a Secure-range mask
            p = 0x80 | (p >> 1);
        }
        pmr_ = static_cast<std::uint8_t>(p & priorityMask());
        break;
    }
    case R::ICC_EOIR0_EL1: endOfInterrupt(false, ctx, v); break;
    case R::ICC_EOIR1_EL1: endOfInterrupt(true, ctx, v); break;
    case R::ICC_DIR_EL1: deactivate(static_cast<IntId>(v & 0xFF'FFFF)); break;
    case R::ICC_BPR0_EL1:
        bpr0_ = static_cast<std::uint8_t>(std::max<unsigned>(v & 7, minBpr()));
        break;
    case R::ICC_BPR1_EL1:
        if (!cbpr_[idx(b)])
            bpr1_[idx(b)] = static_cast<std::uint8_t>(
                std::max<unsigned>(v & 7, b == Bank::Secure ? minBpr() : minBpr() + 1));
        break;
    case R::ICC_AP0R0_EL1:
    case R::ICC_AP0R1_EL1:
    case R::ICC_AP0R2_EL1:
    case R::ICC_AP0R3_EL1: ap0_[n] = static_cast<std::uint32_t>(v); break;
    case R::ICC_AP1R0_EL1:
    case R::ICC_AP1R1_EL1:
    case R::ICC_AP1R2_EL1:
    case R::ICC_AP1R3_EL1: ap1_[idx(b)][n] = static_cast<std::uint32_t>(v); break;
    case R::ICC_CTLR_EL1:
        cbpr_[idx(b)] = (v & kCtlrCbpr) != 0;
        eoimode_[idx(b)] = (v & kCtlrEoiMode) != 0;
        break;
    case R::ICC_SRE_EL1: break;
    case R::ICC_SRE_EL2: sre_el2_enable_ = (v & kSreEnable) != 0; break;
    case R::ICC_SRE_EL3: sre_el3_enable_ = (v & kSreEnable) != 0; break;
    case R::ICC_IGRPEN0_EL1: igrpen0_ = (v & 1) != 0; break;
    case R::ICC_IGRPEN1_EL1: igrpen1_[idx(b)] = (v & 1) != 0; break;
    case R::ICC_IGRPEN1_EL3:
        igrpen1_[idx(Bank::NonSecure)] = (v & 1) != 0;
        igrpen1_[idx(Bank::Secure)] = (v & 2) != 0;
        break;
    case R::ICC_CTLR_EL3:
        cbpr_[0] = (v & 1) != 0;
        cbpr_[1] = (v & 2) != 0;
        eoimode_el3_ = (v & 4) != 0;
        eoimode_[0] = (v & 8) != 0;
        eoimode_[1] = (v & 16) != 0;
        break;
    case R::ICC_SGI0R_EL1: gic_->sendSgi(index_, v, Group::G0, ctx.secure()); break;
    case R::ICC_SGI1R_EL1: gic_->sendSgi(index_, v, group1For(ctx), ctx.secure()); break;
    case R::ICC_ASGI1R_EL1: {
        // The Group 1 SGI of the other Security state (§12.2.1).
        const Group other = group1For(ctx) == Group::G1S ? Group::G1NS : Group::G1S;
        gic_->sendSgi(index_, v, gic_->singleSecurityState() ? Group::G1NS : other, ctx.secure());
        break;
    }
    default: return GicAccessResult::undefined();
    }
    gic_->update();
    return GicAccessResult::ok();
}

// The physical outputs (§4.6.2 Table 4-3): Group 0 is FIQ; Group 1 of the PE's current
// Security state is IRQ, of the other state FIQ; at EL3 every group is FIQ. With DS = 1 Group 1
// is IRQ.
std::array<bool, kLineCount> CpuInterface::lines() const {
    std::array<bool, kLineCount> out{};
    const Gic::Hppi h = gic_->highestPending(index_);
    if (h.intid != kIntIdSpurious && groupEnabledHere(h.group) && canPreempt(h.group, h.priority)) {
        bool irq;
        if (h.group == Group::G0)
            irq = false;
        else if (gic_->singleSecurityState())
            irq = true;
        else if (pe_el_ == EL::EL3)
            irq = false;
        else
            irq = (h.group == Group::G1S) == pe_secure_;
        out[static_cast<unsigned>(irq ? Line::Irq : Line::Fiq)] = true;
    }
    const int lr = highestPendingLr();
    if (lr >= 0 && canSignalVirtual(lr_[lr])) {
        const bool group1 = ((lr_[lr] >> 60) & 1) != 0;
        out[static_cast<unsigned>(group1 ? Line::VIrq : Line::VFiq)] = true;
    }
    return out;
}

} // namespace svesim::gic
