// One PE's GICv3 CPU interface (IHI 0069 chapter 4 and §12.2-12.7): the ICC_* registers with
// priority drop and deactivation, the running priority and preemption, and the virtualization
// interface (ICH_*_EL2, the ICV_* view a guest at EL1 sees when HCR_EL2.IMO/FMO route to EL2,
// virtual interrupts from list registers, the maintenance interrupt). Every access takes the PE
// state it is judged in (GicAccessContext) and returns a value or the trap decision.
#pragma once

#include "svesim/gic/gic_types.h"
#include "svesim/gic/sysregs.h"

#include <array>
#include <cstdint>

namespace svesim::gic {

class Gic;

class CpuInterface {
public:
    CpuInterface(Gic& gic, unsigned index);
    void reset();

    // MRS/MSR of a GIC register: traps and UNDEFINED first (checkAccess), then the effect.
    GicAccessResult read(GicSysReg r, const GicAccessContext& ctx);
    GicAccessResult write(GicSysReg r, const GicAccessContext& ctx, std::uint64_t value);
    // The trap decision alone (no side effect): Ok, Undefined or Trap(EL).
    [[nodiscard]] GicAccessResult checkAccess(GicSysReg r, const GicAccessContext& ctx,
                                              bool is_write) const;
    // True when an access that checkAccess allows reaches the ICV_* view (IHI 0069 §12.1.8).
    [[nodiscard]] static bool virtualView(GicSysReg r, const GicAccessContext& ctx);

    // The PE's Exception level and Security state decide whether a Group 1 interrupt is
    // signalled as IRQ or FIQ (IHI 0069 §4.6.2, Table 4-3); the processor calls this on every
    // change of either (as QEMU's EL-change hook does).
    void setPeState(EL el, bool secure);

    // Inspection for tests and tracing.
    [[nodiscard]] std::uint8_t runningPriority() const;        // ICC_RPR_EL1 (Secure view)
    [[nodiscard]] std::uint8_t virtualRunningPriority() const; // ICV_RPR_EL1
    [[nodiscard]] std::uint32_t maintenanceStatus() const;     // ICH_MISR_EL2
    [[nodiscard]] bool maintenanceLevel() const;               // PPI 25 (ICH_HCR_EL2.En && MISR)
    [[nodiscard]] unsigned priorityBits() const { return pribits_; }
    [[nodiscard]] unsigned virtualPriorityBits() const { return vpribits_; }

private:
    friend class Gic;
    enum class Bank : std::uint8_t { Secure = 0, NonSecure = 1 };
    static Bank bankOf(const GicAccessContext& ctx) {
        return ctx.secureBank() ? Bank::Secure : Bank::NonSecure;
    }
    static unsigned idx(Bank b) { return static_cast<unsigned>(b); }

    // Physical side (cpu_interface.cpp).
    [[nodiscard]] std::uint8_t priorityMask() const; // implemented priority bits
    [[nodiscard]] unsigned minBpr() const { return 7 - pribits_; }
    [[nodiscard]] std::uint8_t groupPriorityMask(Group g) const; // GroupBits()
    [[nodiscard]] bool groupEnabledHere(Group g) const;          // ICC_IGRPEN0/1
    std::array<std::uint32_t, 4>& activeRegs(Group g);           // ICC_AP0R or the AP1R bank
    [[nodiscard]] bool canPreempt(Group g, std::uint8_t priority) const;
    [[nodiscard]] Group group1For(const GicAccessContext& ctx) const;
    // The group of the highest set active-priority bit (G0 first on a tie), or nullopt.
    [[nodiscard]] bool highestActiveGroup(Group& g) const;
    std::uint64_t acknowledge(bool group1, const GicAccessContext& ctx); // ICC_IAR0/1
    std::uint64_t highestPendingId(bool group1, const GicAccessContext& ctx) const;
    void endOfInterrupt(bool group1, const GicAccessContext& ctx, std::uint64_t value);
    void deactivate(IntId intid);
    [[nodiscard]] bool eoiModeSplit(const GicAccessContext& ctx) const;
    GicAccessResult readIcc(GicSysReg r, const GicAccessContext& ctx);
    GicAccessResult writeIcc(GicSysReg r, const GicAccessContext& ctx, std::uint64_t value);
    // Non-secure view of a priority (IHI 0069 §4.8.6) for PMR/RPR when SCR_EL3.FIQ = 1.
    [[nodiscard]] bool nsPriorityView(const GicAccessContext& ctx) const;
    // The lines this interface drives now (IRQ, FIQ, VIRQ, VFIQ).
    [[nodiscard]] std::array<bool, kLineCount> lines() const;

    // Virtual side (virtual_interface.cpp).
    [[nodiscard]] int highestPendingLr() const; // HighestPriorityVirtualInterrupt(), -1: none
    [[nodiscard]] std::uint8_t vGroupPriorityMask(bool group1) const;
    [[nodiscard]] bool canSignalVirtual(std::uint64_t lr) const;
    [[nodiscard]] unsigned vMinBpr() const { return 7 - vpribits_; }
    [[nodiscard]] std::uint32_t eoiStatus() const;   // ICH_EISR_EL2
    [[nodiscard]] std::uint32_t emptyStatus() const; // ICH_ELRSR_EL2
    GicAccessResult readIcv(GicSysReg r);
    GicAccessResult writeIcv(GicSysReg r, std::uint64_t value);
    GicAccessResult readIch(GicSysReg r) const;
    GicAccessResult writeIch(GicSysReg r, std::uint64_t value);
    void virtualDeactivate(std::uint64_t intid);
    void incrementEoiCount();
    std::uint64_t sanitiseLr(std::uint64_t v) const;
    std::uint64_t sanitiseVmcr(std::uint64_t v) const;

    Gic* gic_;
    unsigned index_;
    unsigned pribits_, vpribits_, lrs_;
    EL pe_el_ = EL::EL3;
    bool pe_secure_ = true;

    // ICC state (IHI 0069 §12.2): banked by Security state where the register is.
    std::uint8_t pmr_ = 0;
    std::uint8_t bpr0_ = 0;
    std::array<std::uint8_t, 2> bpr1_{};
    std::array<bool, 2> cbpr_{}, eoimode_{}, igrpen1_{};
    bool eoimode_el3_ = false, igrpen0_ = false;
    bool sre_el2_enable_ = true, sre_el3_enable_ = true;
    std::array<std::uint32_t, 4> ap0_{};
    std::array<std::array<std::uint32_t, 4>, 2> ap1_{}; // [bank][n]

    // ICH state (IHI 0069 §12.4).
    std::uint64_t ich_hcr_ = 0, ich_vmcr_ = 0;
    std::array<std::uint32_t, 4> ich_ap0_{}, ich_ap1_{};
    std::array<std::uint64_t, 16> lr_{};
};

} // namespace svesim::gic
