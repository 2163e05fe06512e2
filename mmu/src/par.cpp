// PAR_EL1 (Arm ARM D13: PAR_EL1, the 64-bit format used by AArch64 AT instructions).
#include <svesim/mmu/par.h>

namespace svesim::mmu {

std::uint64_t parValue(const TranslationResult& r) {
    std::uint64_t par = bit(11); // RES1
    if (r.fault) {
        par |= 1;                                                     // F
        par |= static_cast<std::uint64_t>(encodeLDFSC(r.fault)) << 1; // FST
        if (r.fault.s1ptw) par |= bit(8);                             // PTW
        if (r.fault.stage == 2) par |= bit(9);                        // S
        return par;
    }
    par |= r.pa & 0x0000'FFFF'FFFF'F000ULL; // PA[47:12]
    if (r.ns) par |= bit(9);
    // SH: Device and Normal Non-cacheable memory report Outer Shareable (memAttrDefaults).
    par |= static_cast<std::uint64_t>(r.attrs.sh) << 7;
    par |= static_cast<std::uint64_t>(mairEncoding(r.attrs)) << 56; // ATTR
    return par;
}

} // namespace svesim::mmu
