// Permission checks (Arm ARM AArch64.CheckPermission with FEAT_PAN and FEAT_UAO; stage 2's
// AArch64.CheckS2Permission is in stage2.cpp).
#include "walk_internal.h"

namespace svesim::mmu {

namespace detail {

Fault checkS1Permission(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                        const Translation& t) {
    if (!t.s1Enabled) return {};
    const bool ap2 = (t.ap & 2) != 0;
    const bool ap1 = (t.ap & 1) != 0;
    bool r = true;
    bool w = false;
    bool xn = false;
    if (hasTwoRanges(regs.regime)) {
        bool privR = true;
        bool privW = !ap2;
        const bool userR = ap1;
        const bool userW = ap1 && !ap2;
        // LDTR/STTR are unprivileged unless PSTATE.UAO is 1 (FEAT_UAO).
        const bool isPriv = acc.el != EL::EL0 && !(acc.unprivileged && !regs.uao);
        // FEAT_PAN: privileged data accesses to EL0-readable memory fault; fetches, DC and AT
        // are exempt except AT S1E1RP/S1E1WP.
        const bool panExempt = acc.type == AccessType::Fetch || acc.at || acc.cacheMaintenance;
        if (regs.pan && userR && isPriv && (!panExempt || acc.atPan)) {
            privR = false;
            privW = false;
        }
        // WXN, and memory writable at EL0 is never executable at EL1.
        const bool userXN = t.xn || (userW && t.wxn);
        const bool privXN = t.pxn || (privW && t.wxn) || userW;
        r = isPriv ? privR : userR;
        w = isPriv ? privW : userW;
        xn = isPriv ? privXN : userXN;
    } else {
        r = true;
        w = !ap2;
        xn = t.xn || (w && t.wxn);
    }
    bool fail = false;
    bool failedRead = true;
    if (acc.cacheMaintenance && acc.type == AccessType::Read && acc.el != EL::EL0) {
        // DC/IC by VA other than DC IVAC cannot give a stage 1 Permission fault above EL0.
        fail = false;
    } else if (acc.type == AccessType::Fetch) {
        fail = xn;
    } else if (acc.atomic) {
        fail = !r || !w;
        failedRead = !r;
    } else if (acc.type == AccessType::Write) {
        fail = !w;
        failedRead = false;
    } else {
        fail = !r;
    }
    if (!fail) return {};
    Fault f;
    f.type = FaultType::Permission;
    f.level = t.s1Level;
    f.stage = 1;
    f.write = !failedRead;
    f.va = va;
    return f;
}

} // namespace detail

Fault checkPermissions(const TranslationRegs& regs, const AccessDesc& acc, std::uint64_t va,
                       const Translation& t) {
    if (Fault f = detail::checkS1Permission(regs, acc, va, t)) return f;
    if (!t.s2Enabled) return {};
    const std::uint64_t ipa = t.ipaBase | (va & detail::lowMask(t.pageShift));
    return detail::checkS2Permission(t.s2r, t.s2w, t.s2xn, t.s2Level, acc, false, ipa, va);
}

AccessRights accessRights(const TranslationRegs& regs, EL el, const Translation& t) {
    // Three uses of the one rule, so a cached right is exactly what the check would say.
    const auto allowed = [&](AccessType type) {
        AccessDesc a;
        a.type = type;
        a.el = el;
        return !checkPermissions(regs, a, t.vaBase, t);
    };
    return {allowed(AccessType::Read), allowed(AccessType::Write), allowed(AccessType::Fetch)};
}

} // namespace svesim::mmu
