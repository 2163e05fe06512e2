// The virtualization interface (IHI 0069 §4.9 and §12.4-12.7): ICH_*_EL2 for the hypervisor,
// the ICV_* view of the ICC registers a guest gets at EL1 with HCR_EL2.IMO/FMO, virtual
// interrupts from the list registers and the maintenance interrupt.
#include "active_priorities.h"
#include "svesim/gic/cpu_interface.h"
#include "svesim/gic/gic.h"

namespace svesim::gic {
namespace {

// ICH_LR<n>_EL2 (§12.4.9): vINTID [31:0], pINTID [44:32] (HW = 1) or EOI [41] (HW = 0),
// Priority [55:48], Group [60], HW [61], State [63:62].
constexpr unsigned kLrStateShift = 62;
constexpr std::uint64_t kLrPending = 1, kLrActive = 2;
constexpr std::uint64_t kLrGroup = 1ULL << 60, kLrHw = 1ULL << 61, kLrEoi = 1ULL << 41;
std::uint64_t lrState(std::uint64_t lr) {
    return lr >> kLrStateShift;
}
std::uint8_t lrPriority(std::uint64_t lr) {
    return static_cast<std::uint8_t>(lr >> 48);
}
std::uint32_t lrVintid(std::uint64_t lr) {
    return static_cast<std::uint32_t>(lr);
}
IntId lrPintid(std::uint64_t lr) {
    return static_cast<IntId>((lr >> 32) & 0x1FFF);
}

// ICH_HCR_EL2 (§12.4.4).
constexpr std::uint64_t kHcrEn = 1U << 0, kHcrUie = 1U << 1, kHcrLrenpie = 1U << 2,
                        kHcrNpie = 1U << 3, kHcrVgrp0eie = 1U << 4, kHcrVgrp0die = 1U << 5,
                        kHcrVgrp1eie = 1U << 6, kHcrVgrp1die = 1U << 7;
constexpr unsigned kHcrEoiCountShift = 27;
// Writable: En, UIE, LRENPIE, NPIE, VGrp0/1 E/D IE, TC, TALL0, TALL1, TDIR, EOIcount (TSEI is
// RES0 without SEIs; vSGIEOICount and DVIM are GICv4.1).
constexpr std::uint64_t kHcrWritable =
    0xFFU | (1U << 10) | (1U << 11) | (1U << 12) | (1U << 14) | (0x1FULL << kHcrEoiCountShift);

// ICH_VMCR_EL2 (§12.4.8): VENG0 [0], VENG1 [1], VFIQEn [3] (RES1 with system registers),
// VCBPR [4], VEOIM [9], VBPR1 [20:18], VBPR0 [23:21], VPMR [31:24].
constexpr std::uint64_t kVmcrVeng0 = 1U << 0, kVmcrVeng1 = 1U << 1, kVmcrVfiqen = 1U << 3,
                        kVmcrVcbpr = 1U << 4, kVmcrVeoim = 1U << 9;
unsigned vbpr1(std::uint64_t vmcr) {
    return static_cast<unsigned>((vmcr >> 18) & 7);
}
unsigned vbpr0(std::uint64_t vmcr) {
    return static_cast<unsigned>((vmcr >> 21) & 7);
}
std::uint8_t vpmr(std::uint64_t vmcr) {
    return static_cast<std::uint8_t>(vmcr >> 24);
}

// ICH_MISR_EL2 bits (§12.4.7).
constexpr std::uint32_t kMisrEoi = 1U << 0, kMisrU = 1U << 1, kMisrLrenp = 1U << 2,
                        kMisrNp = 1U << 3, kMisrVgrp0e = 1U << 4, kMisrVgrp0d = 1U << 5,
                        kMisrVgrp1e = 1U << 6, kMisrVgrp1d = 1U << 7;

} // namespace

std::uint64_t CpuInterface::sanitiseVmcr(std::uint64_t v) const {
    const unsigned b0 = std::max<unsigned>(vbpr0(v), vMinBpr());
    const unsigned b1 = std::max<unsigned>(vbpr1(v), vMinBpr() + 1);
    const std::uint64_t pm = vpmr(v) & static_cast<std::uint8_t>(0xFF << (8 - vpribits_));
    return (v & (kVmcrVeng0 | kVmcrVeng1 | kVmcrVcbpr | kVmcrVeoim)) | kVmcrVfiqen |
           (std::uint64_t{b1} << 18) | (std::uint64_t{b0} << 21) | (pm << 24);
}

// Unimplemented priority bits of a list register are RES0 (§12.4.9), and so are [47:45] and
// [59:56] (no NMI).
std::uint64_t CpuInterface::sanitiseLr(std::uint64_t v) const {
    const std::uint64_t prio_unimpl = (0xFFULL >> vpribits_) << 48;
    return v & ~(prio_unimpl | (7ULL << 45) | (0xFULL << 56));
}

// HighestPriorityVirtualInterrupt(): the pending list register of an enabled group with the
// lowest priority value (the lowest index on a tie); priority 0xFF is never chosen.
int CpuInterface::highestPendingLr() const {
    int best = -1;
    unsigned best_prio = 0xFF;
    for (unsigned i = 0; i < lrs_; ++i) {
        const std::uint64_t lr = lr_[i];
        if (lrState(lr) != kLrPending) continue;
        const bool enabled = (lr & kLrGroup) ? (ich_vmcr_ & kVmcrVeng1) : (ich_vmcr_ & kVmcrVeng0);
        if (!enabled) continue;
        if (lrPriority(lr) < best_prio) {
            best_prio = lrPriority(lr);
            best = static_cast<int>(i);
        }
    }
    return best;
}

// VGroupBits(): VBPR0 n: group priority [7:n+1]; VBPR1 n: [7:n]; VCBPR makes Group 1 use VBPR0.
std::uint8_t CpuInterface::vGroupPriorityMask(bool group1) const {
    const unsigned shift =
        (!group1 || (ich_vmcr_ & kVmcrVcbpr)) ? vbpr0(ich_vmcr_) + 1 : vbpr1(ich_vmcr_);
    return static_cast<std::uint8_t>(0xFF << shift);
}

std::uint8_t CpuInterface::virtualRunningPriority() const {
    std::array<std::uint32_t, 4> all{};
    for (unsigned i = 0; i < 4; ++i)
        all[i] = ich_ap0_[i] | ich_ap1_[i];
    const int b = lowestActiveBit(all);
    return b < 0 ? std::uint8_t{0xFF} : static_cast<std::uint8_t>(b << (vMinBpr() + 1));
}

// CanSignalVirtualInterrupt(): ICH_HCR_EL2.En, priority above VPMR, group priority above the
// virtual running priority.
bool CpuInterface::canSignalVirtual(std::uint64_t lr) const {
    if ((ich_hcr_ & kHcrEn) == 0) return false;
    const std::uint8_t p = lrPriority(lr);
    if (p >= vpmr(ich_vmcr_)) return false;
    const std::uint8_t running = virtualRunningPriority();
    if (running == 0xFF) return true;
    const std::uint8_t m = vGroupPriorityMask((lr & kLrGroup) != 0);
    return (p & m) < (running & m);
}

// ICH_EISR_EL2 (§12.4.5): State = invalid, HW = 0 and EOI = 1.
std::uint32_t CpuInterface::eoiStatus() const {
    std::uint32_t v = 0;
    for (unsigned i = 0; i < lrs_; ++i)
        if (lrState(lr_[i]) == 0 && (lr_[i] & kLrHw) == 0 && (lr_[i] & kLrEoi) != 0) v |= 1U << i;
    return v;
}

// ICH_ELRSR_EL2 (§12.4.6): State = invalid and no EOI maintenance request outstanding.
std::uint32_t CpuInterface::emptyStatus() const {
    std::uint32_t v = 0;
    for (unsigned i = 0; i < lrs_; ++i)
        if (lrState(lr_[i]) == 0 && ((lr_[i] & kLrHw) != 0 || (lr_[i] & kLrEoi) == 0)) v |= 1U << i;
    return v;
}

std::uint32_t CpuInterface::maintenanceStatus() const {
    std::uint32_t v = 0;
    if (eoiStatus() != 0) v |= kMisrEoi;
    unsigned valid = 0;
    bool pending = false;
    for (unsigned i = 0; i < lrs_; ++i) {
        if (lrState(lr_[i]) != 0) ++valid;
        if (lrState(lr_[i]) & kLrPending) pending = true;
    }
    if ((ich_hcr_ & kHcrUie) && valid <= 1) v |= kMisrU;
    if ((ich_hcr_ & kHcrLrenpie) && (ich_hcr_ >> kHcrEoiCountShift) != 0) v |= kMisrLrenp;
    if ((ich_hcr_ & kHcrNpie) && !pending) v |= kMisrNp;
    const bool e0 = (ich_vmcr_ & kVmcrVeng0) != 0, e1 = (ich_vmcr_ & kVmcrVeng1) != 0;
    if ((ich_hcr_ & kHcrVgrp0eie) && e0) v |= kMisrVgrp0e;
    if ((ich_hcr_ & kHcrVgrp0die) && !e0) v |= kMisrVgrp0d;
    if ((ich_hcr_ & kHcrVgrp1eie) && e1) v |= kMisrVgrp1e;
    if ((ich_hcr_ & kHcrVgrp1die) && !e1) v |= kMisrVgrp1d;
    return v;
}

// The maintenance interrupt (§4.9.4): asserted while ICH_HCR_EL2.En = 1 and ICH_MISR_EL2 != 0.
bool CpuInterface::maintenanceLevel() const {
    return (ich_hcr_ & kHcrEn) != 0 && maintenanceStatus() != 0;
}

void CpuInterface::incrementEoiCount() {
    const std::uint64_t count = ((ich_hcr_ >> kHcrEoiCountShift) + 1) & 0x1F;
    ich_hcr_ = (ich_hcr_ & ~(0x1FULL << kHcrEoiCountShift)) | (count << kHcrEoiCountShift);
}

// Virtual deactivation (ICV_EOIR with VEOIM = 0, ICV_DIR): the active list register of that
// vINTID loses its active state; with HW = 1 the physical pINTID is deactivated too. No such
// list register: EOIcount counts it for the hypervisor (§12.4.4).
void CpuInterface::virtualDeactivate(std::uint64_t intid) {
    for (unsigned i = 0; i < lrs_; ++i) {
        std::uint64_t& lr = lr_[i];
        if (lrVintid(lr) != intid || (lrState(lr) & kLrActive) == 0) continue;
        lr &= ~(kLrActive << kLrStateShift);
        if (lr & kLrHw) deactivate(lrPintid(lr));
        return;
    }
    incrementEoiCount();
}

GicAccessResult CpuInterface::readIcv(GicSysReg r) {
    using R = GicSysReg;
    const unsigned n = gicSysRegInfo(r).index;
    std::uint64_t v = 0;
    switch (r) {
    case R::ICC_PMR_EL1: v = vpmr(ich_vmcr_); break;
    case R::ICC_RPR_EL1: v = virtualRunningPriority(); break;
    case R::ICC_IAR0_EL1:
    case R::ICC_IAR1_EL1: {
        // ICV_IAR0/1_EL1: the highest pending list register of the register's group, if it can
        // be signalled, becomes active; its group priority is marked in ICH_AP0R/AP1R.
        const bool group1 = r == R::ICC_IAR1_EL1;
        const int i = highestPendingLr();
        v = kIntIdSpurious;
        if (i < 0 || ((lr_[i] & kLrGroup) != 0) != group1 || !canSignalVirtual(lr_[i])) break;
        std::uint64_t& lr = lr_[i];
        lr = (lr & ~(3ULL << kLrStateShift)) | (kLrActive << kLrStateShift);
        const unsigned bit = (lrPriority(lr) & vGroupPriorityMask(group1)) >> (vMinBpr() + 1);
        markActive(group1 ? ich_ap1_ : ich_ap0_, bit);
        v = lrVintid(lr);
        gic_->update();
        break;
    }
    case R::ICC_HPPIR0_EL1:
    case R::ICC_HPPIR1_EL1: {
        const int i = highestPendingLr();
        const bool group1 = r == R::ICC_HPPIR1_EL1;
        v = (i >= 0 && ((lr_[i] & kLrGroup) != 0) == group1) ? lrVintid(lr_[i]) : kIntIdSpurious;
        break;
    }
    case R::ICC_BPR0_EL1: v = vbpr0(ich_vmcr_); break;
    case R::ICC_BPR1_EL1:
        v = (ich_vmcr_ & kVmcrVcbpr) ? std::min(vbpr0(ich_vmcr_) + 1, 7U) : vbpr1(ich_vmcr_);
        break;
    case R::ICC_AP0R0_EL1:
    case R::ICC_AP0R1_EL1:
    case R::ICC_AP0R2_EL1:
    case R::ICC_AP0R3_EL1: v = ich_ap0_[n]; break;
    case R::ICC_AP1R0_EL1:
    case R::ICC_AP1R1_EL1:
    case R::ICC_AP1R2_EL1:
    case R::ICC_AP1R3_EL1: v = ich_ap1_[n]; break;
    case R::ICC_CTLR_EL1:
        // CBPR = VCBPR, EOImode = VEOIM, PRIbits [10:8], IDbits [13:11] = 1, A3V [15].
        v = ((ich_vmcr_ & kVmcrVcbpr) ? 1U : 0U) | ((ich_vmcr_ & kVmcrVeoim) ? 2U : 0U) |
            (std::uint64_t{vpribits_ - 1} << 8) | (1U << 11) | (1U << 15);
        break;
    case R::ICC_IGRPEN0_EL1: v = (ich_vmcr_ & kVmcrVeng0) ? 1 : 0; break;
    case R::ICC_IGRPEN1_EL1: v = (ich_vmcr_ & kVmcrVeng1) ? 1 : 0; break;
    default: return GicAccessResult::undefined();
    }
    return GicAccessResult::ok(v);
}

GicAccessResult CpuInterface::writeIcv(GicSysReg r, std::uint64_t v) {
    using R = GicSysReg;
    const unsigned n = gicSysRegInfo(r).index;
    auto setVmcrField = [&](unsigned shift, std::uint64_t mask, std::uint64_t val) {
        ich_vmcr_ = sanitiseVmcr((ich_vmcr_ & ~(mask << shift)) | ((val & mask) << shift));
    };
    switch (r) {
    case R::ICC_PMR_EL1: setVmcrField(24, 0xFF, v); break;
    case R::ICC_BPR0_EL1: setVmcrField(21, 7, v); break;
    case R::ICC_BPR1_EL1:
        if ((ich_vmcr_ & kVmcrVcbpr) == 0) setVmcrField(18, 7, v);
        break;
    case R::ICC_CTLR_EL1:
        setVmcrField(4, 1, v & 1);        // VCBPR
        setVmcrField(9, 1, (v >> 1) & 1); // VEOIM
        break;
    case R::ICC_IGRPEN0_EL1: setVmcrField(0, 1, v); break;
    case R::ICC_IGRPEN1_EL1: setVmcrField(1, 1, v); break;
    case R::ICC_AP0R0_EL1:
    case R::ICC_AP0R1_EL1:
    case R::ICC_AP0R2_EL1:
    case R::ICC_AP0R3_EL1: ich_ap0_[n] = static_cast<std::uint32_t>(v); break;
    case R::ICC_AP1R0_EL1:
    case R::ICC_AP1R1_EL1:
    case R::ICC_AP1R2_EL1:
    case R::ICC_AP1R3_EL1: ich_ap1_[n] = static_cast<std::uint32_t>(v); break;
    case R::ICC_EOIR0_EL1:
    case R::ICC_EOIR1_EL1: {
        // ICV_EOIR0/1_EL1: drop the highest active virtual priority (whatever its group, the
        // IMPLEMENTATION DEFINED order QEMU chose), then with VEOIM = 0 deactivate the vINTID if
        // its list register is of this group and holds that priority.
        const std::uint32_t intid = static_cast<std::uint32_t>(v & 0xFF'FFFF);
        const std::uint8_t running = virtualRunningPriority();
        if (running == 0xFF) break;
        const int b0 = lowestActiveBit(ich_ap0_), b1 = lowestActiveBit(ich_ap1_);
        std::array<std::uint32_t, 4>& ap = (b0 >= 0 && (b1 < 0 || b0 <= b1)) ? ich_ap0_ : ich_ap1_;
        dropHighestActive(ap);
        if (ich_vmcr_ & kVmcrVeoim) break;
        const bool group1 = r == R::ICC_EOIR1_EL1;
        bool found = false;
        for (unsigned i = 0; i < lrs_ && !found; ++i) {
            const std::uint64_t lr = lr_[i];
            if (lrVintid(lr) != intid || (lrState(lr) & kLrActive) == 0) continue;
            found = true;
            if (((lr & kLrGroup) != 0) == group1 &&
                (lrPriority(lr) & vGroupPriorityMask(group1)) == running)
                virtualDeactivate(intid);
        }
        if (!found) incrementEoiCount();
        break;
    }
    case R::ICC_DIR_EL1: virtualDeactivate(v & 0xFF'FFFF); break;
    default: return GicAccessResult::undefined();
    }
    gic_->update();
    return GicAccessResult::ok();
}

GicAccessResult CpuInterface::readIch(GicSysReg r) const {
    using R = GicSysReg;
    const unsigned n = gicSysRegInfo(r).index;
    switch (r) {
    case R::ICH_HCR_EL2: return GicAccessResult::ok(ich_hcr_);
    case R::ICH_VTR_EL2:
        // ListRegs [4:0], TDS [19], nV4 [20], A3V [21], IDbits [25:23] = 1 (24 bits), PREbits
        // [28:26], PRIbits [31:29] (§12.4.10).
        return GicAccessResult::ok((lrs_ - 1) | (1U << 19) | (1U << 20) | (1U << 21) | (1U << 23) |
                                   (std::uint64_t{vpribits_ - 1} << 26) |
                                   (std::uint64_t{vpribits_ - 1} << 29));
    case R::ICH_MISR_EL2: return GicAccessResult::ok(maintenanceStatus());
    case R::ICH_EISR_EL2: return GicAccessResult::ok(eoiStatus());
    case R::ICH_ELRSR_EL2: return GicAccessResult::ok(emptyStatus());
    case R::ICH_VMCR_EL2: return GicAccessResult::ok(ich_vmcr_);
    case R::ICH_AP0R0_EL2:
    case R::ICH_AP0R1_EL2:
    case R::ICH_AP0R2_EL2:
    case R::ICH_AP0R3_EL2: return GicAccessResult::ok(ich_ap0_[n]);
    case R::ICH_AP1R0_EL2:
    case R::ICH_AP1R1_EL2:
    case R::ICH_AP1R2_EL2:
    case R::ICH_AP1R3_EL2: return GicAccessResult::ok(ich_ap1_[n]);
    default:
        if (gicSysRegInfo(r).name.starts_with("ICH_LR")) return GicAccessResult::ok(lr_[n]);
        return GicAccessResult::undefined();
    }
}

GicAccessResult CpuInterface::writeIch(GicSysReg r, std::uint64_t v) {
    using R = GicSysReg;
    const unsigned n = gicSysRegInfo(r).index;
    switch (r) {
    case R::ICH_HCR_EL2: ich_hcr_ = v & kHcrWritable; break;
    case R::ICH_VMCR_EL2: ich_vmcr_ = sanitiseVmcr(v); break;
    case R::ICH_AP0R0_EL2:
    case R::ICH_AP0R1_EL2:
    case R::ICH_AP0R2_EL2:
    case R::ICH_AP0R3_EL2: ich_ap0_[n] = static_cast<std::uint32_t>(v); break;
    case R::ICH_AP1R0_EL2:
    case R::ICH_AP1R1_EL2:
    case R::ICH_AP1R2_EL2:
    case R::ICH_AP1R3_EL2: ich_ap1_[n] = static_cast<std::uint32_t>(v); break;
    default:
        if (!gicSysRegInfo(r).name.starts_with("ICH_LR")) return GicAccessResult::ok(); // RO: WI
        lr_[n] = sanitiseLr(v);
        break;
    }
    gic_->update();
    return GicAccessResult::ok();
}

} // namespace svesim::gic
