// SVE ADR (ARM-M C8.2): vector address calculation, Zd = Zn + (Zm extended) << msz, for
// packed .S/.D offsets and for unpacked 32-bit offsets sign- or zero-extended to .D.
#include "sve_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// opc insn[23:22]: 00 .D with SXTW offsets, 01 .D with UXTW offsets, 10 .S, 11 .D.
unsigned adrEsize(std::uint32_t i) {
    return bits(i, 23, 22) == 2 ? 4 : 8;
}
void execAdr(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned opc = bits(i, 23, 22), esize = adrEsize(i), shift = bits(i, 11, 10);
    const ZBuf zn = readZ(cx, rn(i)), zm = readZ(cx, rm(i));
    ZBuf out{};
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e) {
        std::uint64_t offset = elem(zm.data(), e, esize);
        if (opc == 0) offset = static_cast<std::uint64_t>(signExtend(offset, 32));
        if (opc == 1) offset &= 0xFFFF'FFFF;
        setElem(out.data(), e, esize,
                (elem(zn.data(), e, esize) + (offset << shift)) & ones(esize * 8));
    }
    writeZ(cx, rd(i), out);
}
std::string disAdr(std::uint32_t i, std::uint64_t) {
    const unsigned opc = bits(i, 23, 22), size = opc == 2 ? 2 : 3, shift = bits(i, 11, 10);
    std::string mod;
    if (opc < 2)
        mod = fmt::format(", {}{}", opc == 0 ? "sxtw" : "uxtw",
                          shift ? fmt::format(" #{}", shift) : std::string());
    else if (shift != 0)
        mod = fmt::format(", lsl #{}", shift);
    return fmt::format("adr\t{}, [{}, {}{}]", zreg(rd(i), size), zreg(rn(i), size),
                       zreg(rm(i), size), mod);
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000100 xx 1 xxxxx 1010 xx xxxxx xxxxx", "ADR_Z_AZ", execAdr, disAdr, T::SveAlu),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveAdrRows() {
    return kRows;
}

} // namespace svesim::isa::sve
