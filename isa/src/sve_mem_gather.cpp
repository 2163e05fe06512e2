// SVE gather loads and scatter stores (ARM-M C8.2 LD1*, LDFF1*, ST1* with vector addressing):
// vector plus immediate, scalar plus 64-bit vector offsets, and scalar plus 32-bit offsets
// (UXTW/SXTW) packed in 32-bit elements or unpacked in 64-bit ones, each offset optionally
// scaled by the memory element size. The first-fault gathers follow the FFR rules of
// loadElements. Inactive elements are not accessed and loads zero them.
#include "sve_mem_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// How the element addresses are formed.
enum class Addressing : std::uint8_t {
    VectorImm, // Zn[e] + imm5 * mbytes
    Scalar32,  // Xn|SP + (Extend32(Zm[e]) << (scale ? msz : 0))
    Scalar64,  // Xn|SP + (Zm[e] << (scale ? msz : 0))
};

struct VectorForm {
    Addressing addressing;
    unsigned esz;
};

unsigned msz(std::uint32_t i) { // insn[24:23]
    return bits(i, 24, 23);
}
bool scaled(std::uint32_t i, const VectorForm& f) { // insn[21] in the scalar plus vector forms
    return f.addressing != Addressing::VectorImm && bit1(i, 21);
}

// Element e's address; `offsets` is a copy of Zm (or Zn for vector plus immediate).
std::uint64_t elementAddress(std::uint32_t i, const VectorForm& f, std::uint64_t base,
                             const ZBuf& offsets, unsigned e, bool xs) {
    const unsigned esize = 1U << f.esz;
    const std::uint64_t z = elem(offsets.data(), e, esize);
    switch (f.addressing) {
    case Addressing::VectorImm: return z + bits(i, 20, 16) * (1U << msz(i));
    case Addressing::Scalar32: {
        const std::uint64_t off =
            xs ? static_cast<std::uint64_t>(signExtend(z & 0xFFFF'FFFF, 32)) : (z & 0xFFFF'FFFF);
        return base + (off << (scaled(i, f) ? msz(i) : 0));
    }
    case Addressing::Scalar64: return base + (z << (scaled(i, f) ? msz(i) : 0));
    }
    return 0;
}

// Xn|SP for the scalar plus vector forms (with the SP check), 0 for vector plus immediate.
std::optional<std::uint64_t> scalarBase(ExecContext& cx, std::uint32_t i, const VectorForm& f) {
    if (f.addressing == Addressing::VectorImm) return 0;
    if (!cx.checkSPAlignment(rn(i))) return std::nullopt;
    return cx.XorSP(rn(i));
}
unsigned offsetRegister(std::uint32_t i, const VectorForm& f) {
    return f.addressing == Addressing::VectorImm ? rn(i) : rm(i);
}

// ---- Gathers: msz insn[24:23], U insn[14] (0: sign-extending), ff insn[13], xs insn[22]
// ---------------------------------------------------------------------------------------
void gather(ExecContext& cx, std::uint32_t i, const VectorForm& f) {
    if (!cx.checkSVEEnabled()) return;
    const MemShape s{msz(i), f.esz, !bit1(i, 14)};
    const PBuf pg = readP(cx, pg3(i));
    const ZBuf offsets = readZ(cx, offsetRegister(i, f));
    const auto base = scalarBase(cx, i, f);
    if (!base) return;
    const bool xs = bit1(i, 22);
    ZBuf out{};
    const FaultMode mode = bit1(i, 13) ? FaultMode::FirstFault : FaultMode::Normal;
    if (!loadElements(
            cx, pg.data(), s, mode,
            [&](unsigned e) { return elementAddress(i, f, *base, offsets, e, xs); }, out))
        return;
    writeZ(cx, rt(i), out);
}
constexpr VectorForm kG32Scalar{Addressing::Scalar32, 2}, kG32Imm{Addressing::VectorImm, 2},
    kG64Scalar32{Addressing::Scalar32, 3}, kG64Scalar64{Addressing::Scalar64, 3},
    kG64Imm{Addressing::VectorImm, 3};
void execG32Scalar(ExecContext& cx, std::uint32_t i) {
    gather(cx, i, kG32Scalar);
}
void execG32Imm(ExecContext& cx, std::uint32_t i) {
    gather(cx, i, kG32Imm);
}
void execG64Scalar32(ExecContext& cx, std::uint32_t i) {
    gather(cx, i, kG64Scalar32);
}
void execG64Scalar64(ExecContext& cx, std::uint32_t i) {
    gather(cx, i, kG64Scalar64);
}
void execG64Imm(ExecContext& cx, std::uint32_t i) {
    gather(cx, i, kG64Imm);
}

// A sign-extending load needs a memory element narrower than the register element; byte
// offsets are never scaled (that encoding is a prefetch).
bool validGatherSign(std::uint32_t i, unsigned esz) {
    return bit1(i, 14) || msz(i) < esz;
}
bool validG32Scalar(std::uint32_t i) {
    return msz(i) != 3 && !(msz(i) == 0 && bit1(i, 21)) && validGatherSign(i, 2);
}
bool validG32Imm(std::uint32_t i) {
    return msz(i) != 3 && validGatherSign(i, 2);
}
bool validG64Scalar(std::uint32_t i) {
    return !(msz(i) == 0 && bit1(i, 21)) && validGatherSign(i, 3);
}
bool validG64Imm(std::uint32_t i) {
    return validGatherSign(i, 3);
}

// "[x0, z1.s, sxtw #1]", "[x0, z1.d, lsl #3]", "[x0, z1.d]", "[z1.s, #124]"
std::string vectorAddress(std::uint32_t i, const VectorForm& f, bool xs) {
    const std::string z = zreg(offsetRegister(i, f), f.esz);
    switch (f.addressing) {
    case Addressing::VectorImm: {
        const unsigned off = bits(i, 20, 16) * (1U << msz(i));
        return off == 0 ? fmt::format("[{}]", z) : fmt::format("[{}, #{}]", z, off);
    }
    case Addressing::Scalar32:
        return fmt::format("[{}, {}, {}{}]", xnSP(rn(i)), z, xs ? "sxtw" : "uxtw",
                           scaled(i, f) && msz(i) != 0 ? fmt::format(" #{}", msz(i)) : "");
    case Addressing::Scalar64:
        if (scaled(i, f) && msz(i) != 0)
            return fmt::format("[{}, {}, lsl #{}]", xnSP(rn(i)), z, msz(i));
        return fmt::format("[{}, {}]", xnSP(rn(i)), z);
    }
    return {};
}
std::string gatherText(std::uint32_t i, const VectorForm& f) {
    return fmt::format("ld{}1{}{}\t{}, p{}/z, {}", bit1(i, 13) ? "ff" : "", bit1(i, 14) ? "" : "s",
                       "bhwd"[msz(i)], zlist(rt(i), 1, f.esz), pg3(i),
                       vectorAddress(i, f, bit1(i, 22)));
}
std::string disG32Scalar(std::uint32_t i, std::uint64_t) {
    return gatherText(i, kG32Scalar);
}
std::string disG32Imm(std::uint32_t i, std::uint64_t) {
    return gatherText(i, kG32Imm);
}
std::string disG64Scalar32(std::uint32_t i, std::uint64_t) {
    return gatherText(i, kG64Scalar32);
}
std::string disG64Scalar64(std::uint32_t i, std::uint64_t) {
    return gatherText(i, kG64Scalar64);
}
std::string disG64Imm(std::uint32_t i, std::uint64_t) {
    return gatherText(i, kG64Imm);
}

// ---- Scatters: msz insn[24:23], xs insn[14] in the 32-bit offset forms
// ------------------------------------------------------------------------------
void scatter(ExecContext& cx, std::uint32_t i, const VectorForm& f) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << f.esz, mbytes = 1U << msz(i);
    const unsigned elements = cx.vl().bytes() / esize;
    const PBuf pg = readP(cx, pg3(i));
    const ZBuf offsets = readZ(cx, offsetRegister(i, f));
    const ZBuf src = readZ(cx, rt(i));
    const auto base = scalarBase(cx, i, f);
    if (!base) return;
    const bool xs = bit1(i, 14);
    for (unsigned e = 0; e < elements; ++e) {
        if (!activeElem(pg.data(), e, esize)) continue;
        const std::uint64_t addr = elementAddress(i, f, *base, offsets, e, xs);
        if (!cx.store(addr, src.data() + std::size_t{e} * esize, mbytes, mbytes)) return;
    }
}
// The vector plus immediate scatters: insn[21] is 1 for 32-bit elements.
VectorForm scatterImmForm(std::uint32_t i) {
    return VectorForm{Addressing::VectorImm, bit1(i, 21) ? 2U : 3U};
}
void execS32Scalar(ExecContext& cx, std::uint32_t i) {
    scatter(cx, i, kG32Scalar);
}
void execS64Scalar32(ExecContext& cx, std::uint32_t i) {
    scatter(cx, i, kG64Scalar32);
}
void execS64Scalar64(ExecContext& cx, std::uint32_t i) {
    scatter(cx, i, kG64Scalar64);
}
void execSImm(ExecContext& cx, std::uint32_t i) {
    scatter(cx, i, scatterImmForm(i));
}
// Scaled byte offsets do not exist; 32-bit elements hold at most a word.
bool validS32Scalar(std::uint32_t i) {
    return msz(i) != 3 && !(msz(i) == 0 && bit1(i, 21));
}
bool validS64Scalar(std::uint32_t i) {
    return !(msz(i) == 0 && bit1(i, 21));
}
bool validSImm(std::uint32_t i) {
    return !(bit1(i, 21) && msz(i) == 3);
}
std::string scatterText(std::uint32_t i, const VectorForm& f) {
    return fmt::format("st1{}\t{}, {}, {}", "bhwd"[msz(i)], zlist(rt(i), 1, f.esz), preg(pg3(i)),
                       vectorAddress(i, f, bit1(i, 14)));
}
std::string disS32Scalar(std::uint32_t i, std::uint64_t) {
    return scatterText(i, kG32Scalar);
}
std::string disS64Scalar32(std::uint32_t i, std::uint64_t) {
    return scatterText(i, kG64Scalar32);
}
std::string disS64Scalar64(std::uint32_t i, std::uint64_t) {
    return scatterText(i, kG64Scalar64);
}
std::string disSImm(std::uint32_t i, std::uint64_t) {
    return scatterText(i, scatterImmForm(i));
}

// clang-format off
const InsnDef kRows[] = {
    insn("1000010 xx x x xxxxx 0 x x xxx xxxxx xxxxx", "LD1_Z_P_BZ_S_x32", execG32Scalar, disG32Scalar, T::SveGather, validG32Scalar),
    insn("1000010 xx 01 xxxxx 1 x x xxx xxxxx xxxxx", "LD1_Z_P_AI_S", execG32Imm, disG32Imm, T::SveGather, validG32Imm),
    insn("1100010 xx x x xxxxx 0 x x xxx xxxxx xxxxx", "LD1_Z_P_BZ_D_x32", execG64Scalar32, disG64Scalar32, T::SveGather, validG64Scalar),
    insn("1100010 xx 1 x xxxxx 1 x x xxx xxxxx xxxxx", "LD1_Z_P_BZ_D_64", execG64Scalar64, disG64Scalar64, T::SveGather, validG64Scalar),
    insn("1100010 xx 01 xxxxx 1 x x xxx xxxxx xxxxx", "LD1_Z_P_AI_D", execG64Imm, disG64Imm, T::SveGather, validG64Imm),
    insn("1110010 xx 1 x xxxxx 1 x 0 xxx xxxxx xxxxx", "ST1_Z_P_BZ_S_x32", execS32Scalar, disS32Scalar, T::SveScatter, validS32Scalar),
    insn("1110010 xx 0 x xxxxx 1 x 0 xxx xxxxx xxxxx", "ST1_Z_P_BZ_D_x32", execS64Scalar32, disS64Scalar32, T::SveScatter, validS64Scalar),
    insn("1110010 xx 0 x xxxxx 101 xxx xxxxx xxxxx", "ST1_Z_P_BZ_D_64", execS64Scalar64, disS64Scalar64, T::SveScatter, validS64Scalar),
    insn("1110010 xx 1 x xxxxx 101 xxx xxxxx xxxxx", "ST1_Z_P_AI", execSImm, disSImm, T::SveScatter, validSImm),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveGatherScatterRows() {
    return kRows;
}

} // namespace svesim::isa::sve

namespace svesim::isa {
// Loads: 32-bit gathers are op0 = 100, 64-bit ones 110. Scatters (111): the vector plus
// immediate and 64-bit offset forms (insn[15:13] = 101) hold words iff insn[22:21] = 11
// (ST1_Z_P_AI_S), the 32-bit offset forms iff insn[22] = 1 (ST1_Z_P_BZ_S_x32).
unsigned sveGatherScatterElementBits(std::uint32_t insn) {
    switch (bits(insn, 31, 29)) {
    case 0b100: return 32;
    case 0b110: return 64;
    default: break;
    }
    if (bits(insn, 15, 13) == 0b101) return bits(insn, 22, 21) == 0b11 ? 32 : 64;
    return bit1(insn, 22) ? 32 : 64;
}
} // namespace svesim::isa
