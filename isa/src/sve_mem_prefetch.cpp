// SVE prefetches PRFB/PRFH/PRFW/PRFD (ARM-M C8.2), every addressing form: scalar plus immediate
// (MUL VL), scalar plus scalar, scalar plus 32-bit (UXTW/SXTW, scaled) or 64-bit (scaled)
// vector offsets, and vector plus immediate. They are hints: svesim performs no access, so they
// never fault; beyond decode only the SVE enable check applies (CheckSVEEnabled).
#include "sve_mem_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

void execPrefetch(ExecContext& cx, std::uint32_t) {
    cx.checkSVEEnabled();
}

unsigned prfop(std::uint32_t i) {
    return bits(i, 3, 0);
}
char sizeLetter(unsigned msz) {
    return "bhwd"[msz];
}
std::string prfText(unsigned msz, std::uint32_t i, const std::string& addr) {
    return fmt::format("prf{}\t{}, {}, {}", sizeLetter(msz), svePrfop(prfop(i)), preg(pg3(i)),
                       addr);
}

// Scalar plus immediate: msz insn[14:13], imm6 insn[21:16] signed, MUL VL.
std::string disPrfBI(std::uint32_t i, std::uint64_t) {
    return prfText(bits(i, 14, 13), i, mulVlAddr(rn(i), signExtend(bits(i, 21, 16), 6)));
}
// Scalar plus scalar: msz insn[24:23].
std::string disPrfBR(std::uint32_t i, std::uint64_t) {
    return prfText(bits(i, 24, 23), i, scalarPlusScalar(rn(i), rm(i), bits(i, 24, 23)));
}
bool validRm(std::uint32_t i) {
    return rm(i) != 31;
}
// Scalar plus 32-bit scaled offsets, in 32-bit (`esz` 2) or 64-bit elements: msz insn[14:13],
// xs insn[22].
std::string scalar32(std::uint32_t i, unsigned esz) {
    const unsigned m = bits(i, 14, 13);
    return prfText(m, i,
                   fmt::format("[{}, {}, {}{}]", xnSP(rn(i)), zreg(rm(i), esz),
                               bit1(i, 22) ? "sxtw" : "uxtw",
                               m != 0 ? fmt::format(" #{}", m) : ""));
}
std::string disPrfS32(std::uint32_t i, std::uint64_t) {
    return scalar32(i, 2);
}
std::string disPrfD32(std::uint32_t i, std::uint64_t) {
    return scalar32(i, 3);
}
// Scalar plus 64-bit scaled offsets.
std::string disPrfD64(std::uint32_t i, std::uint64_t) {
    const unsigned m = bits(i, 14, 13);
    const std::string z = zreg(rm(i), 3);
    return prfText(m, i,
                   m != 0 ? fmt::format("[{}, {}, lsl #{}]", xnSP(rn(i)), z, m)
                          : fmt::format("[{}, {}]", xnSP(rn(i)), z));
}
// Vector plus immediate: msz insn[24:23], imm5 insn[20:16] scaled by the size.
std::string vectorImm(std::uint32_t i, unsigned esz) {
    const unsigned m = bits(i, 24, 23), off = bits(i, 20, 16) << m;
    const std::string z = zreg(rn(i), esz);
    return prfText(m, i, off == 0 ? fmt::format("[{}]", z) : fmt::format("[{}, #{}]", z, off));
}
std::string disPrfSImm(std::uint32_t i, std::uint64_t) {
    return vectorImm(i, 2);
}
std::string disPrfDImm(std::uint32_t i, std::uint64_t) {
    return vectorImm(i, 3);
}

// clang-format off
const InsnDef kRows[] = {
    insn("1000010 111 xxxxxx 0 xx xxx xxxxx 0 xxxx", "PRFB_I_P_BI_S", execPrefetch, disPrfBI, T::SveAlu),
    insn("1000010 xx 00 xxxxx 110 xxx xxxxx 0 xxxx", "PRFB_I_P_BR_S", execPrefetch, disPrfBR, T::SveAlu, validRm),
    insn("1000010 00 x 1 xxxxx 0 xx xxx xxxxx 0 xxxx", "PRFB_I_P_BZ_S_x32_scaled", execPrefetch, disPrfS32, T::SveAlu),
    insn("1000010 xx 00 xxxxx 111 xxx xxxxx 0 xxxx", "PRFB_I_P_AI_S", execPrefetch, disPrfSImm, T::SveAlu),
    insn("1100010 00 11 xxxxx 1 xx xxx xxxxx 0 xxxx", "PRFB_I_P_BZ_D_64_scaled", execPrefetch, disPrfD64, T::SveAlu),
    insn("1100010 00 x 1 xxxxx 0 xx xxx xxxxx 0 xxxx", "PRFB_I_P_BZ_D_x32_scaled", execPrefetch, disPrfD32, T::SveAlu),
    insn("1100010 xx 00 xxxxx 111 xxx xxxxx 0 xxxx", "PRFB_I_P_AI_D", execPrefetch, disPrfDImm, T::SveAlu),
};
// clang-format on

} // namespace

std::span<const InsnDef> svePrefetchRows() {
    return kRows;
}

} // namespace svesim::isa::sve
