// SVE bitwise shifts (ARM-M C8.2): ASR/LSR/LSL/ASRD by immediate (predicated), ASR/LSR/LSL by
// immediate (unpredicated), by wide elements (predicated and unpredicated), and by vector with
// the reversed forms ASRR/LSRR/LSLR (predicated).
#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

enum class Shift : std::uint8_t { Asr, Lsr, Lsl };
constexpr const char* kShiftNames[3] = {"asr", "lsr", "lsl"};

// The shift of one esize-byte element by an unsigned amount, as the pseudocode's ASR/LSR/LSL
// with the amount taken whole: LSL/LSR of esize or more bits give zero, ASR gives the sign.
std::uint64_t shiftElement(Shift op, std::uint64_t v, std::uint64_t amount, unsigned esize) {
    const unsigned n = esize * 8;
    switch (op) {
    case Shift::Asr: {
        const unsigned s = amount >= n ? n - 1 : static_cast<unsigned>(amount);
        return static_cast<std::uint64_t>(signExtend(v, n) >> s) & ones(n);
    }
    case Shift::Lsr: return amount >= n ? 0 : (v & ones(n)) >> amount;
    case Shift::Lsl: return amount >= n ? 0 : (v << amount) & ones(n);
    }
    return 0;
}

// ---- Shift by immediate: tsize = tszh:tszl selects esize, tsize:imm3 the amount
// tszh:tszl, the esize (in bytes) its highest set bit selects, and the encoded amount.
struct ShiftImm {
    unsigned size; // 0..3 (B..D)
    unsigned amount;
};
std::optional<ShiftImm> shiftImm(unsigned tsize, unsigned imm3, bool left) {
    if (tsize == 0) return std::nullopt;
    unsigned size = 3;
    while (!bit1(tsize, size))
        --size;
    const unsigned ebits = 8U << size, value = (tsize << 3) | imm3;
    return ShiftImm{size, left ? value - ebits : 2 * ebits - value};
}

// Predicated: opc insn[19:16] ASR 0000, LSR 0001, LSL 0011, ASRD 0100. tsize = insn[23:22]:[9:8].
enum class PredImmOp : std::uint8_t { Asr, Lsr, Lsl, Asrd }; // the first three as Shift
std::optional<PredImmOp> predImmOp(std::uint32_t i) {
    switch (bits(i, 19, 16)) {
    case 0: return PredImmOp::Asr;
    case 1: return PredImmOp::Lsr;
    case 3: return PredImmOp::Lsl;
    case 4: return PredImmOp::Asrd;
    default: return std::nullopt;
    }
}
std::optional<ShiftImm> predShiftImm(std::uint32_t i) {
    return shiftImm((bits(i, 23, 22) << 2) | bits(i, 9, 8), bits(i, 7, 5), bits(i, 19, 16) == 3);
}
bool validShiftImmPred(std::uint32_t i) {
    return predImmOp(i).has_value() && predShiftImm(i).has_value();
}
// ASRD: the arithmetic shift that rounds toward zero (a signed division by 2^shift).
std::uint64_t asrd(std::uint64_t v, unsigned shift, unsigned esize) {
    const unsigned n = esize * 8;
    i128 x = signExtend(v, n);
    if (x < 0) x += (i128{1} << shift) - 1;
    return static_cast<std::uint64_t>(x >> shift) & ones(n);
}
void execShiftImmPred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const PredImmOp op = *predImmOp(i);
    const ShiftImm s = *predShiftImm(i);
    const unsigned esize = 1U << s.size;
    const PBuf g = readP(cx, pg3(i));
    ZBuf out = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e) {
        if (!activeElem(g.data(), e, esize)) continue;
        const std::uint64_t v = elem(out.data(), e, esize);
        const std::uint64_t r = op == PredImmOp::Asrd
                                    ? asrd(v, s.amount, esize)
                                    : shiftElement(static_cast<Shift>(op), v, s.amount, esize);
        setElem(out.data(), e, esize, r);
    }
    writeZ(cx, rd(i), out);
}
std::string disShiftImmPred(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kNames[4] = {"asr", "lsr", "lsl", "asrd"};
    const ShiftImm s = *predShiftImm(i);
    return fmt::format("{}\t{}, p{}/m, {}, #{}", kNames[static_cast<unsigned>(*predImmOp(i))],
                       zreg(rd(i), s.size), pg3(i), zreg(rd(i), s.size), s.amount);
}

// Unpredicated: opc insn[11:10] ASR 00, LSR 01, LSL 11. tsize = insn[23:22]:[20:19].
std::optional<Shift> unpredImmOp(std::uint32_t i) {
    switch (bits(i, 11, 10)) {
    case 0: return Shift::Asr;
    case 1: return Shift::Lsr;
    case 3: return Shift::Lsl;
    default: return std::nullopt;
    }
}
std::optional<ShiftImm> unpredShiftImm(std::uint32_t i) {
    return shiftImm((bits(i, 23, 22) << 2) | bits(i, 20, 19), bits(i, 18, 16),
                    bits(i, 11, 10) == 3);
}
bool validShiftImmUnpred(std::uint32_t i) {
    return unpredImmOp(i).has_value() && unpredShiftImm(i).has_value();
}
void execShiftImmUnpred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Shift op = *unpredImmOp(i);
    const ShiftImm s = *unpredShiftImm(i);
    const unsigned esize = 1U << s.size;
    const ZBuf zn = readZ(cx, rn(i));
    ZBuf out{};
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        setElem(out.data(), e, esize, shiftElement(op, elem(zn.data(), e, esize), s.amount, esize));
    writeZ(cx, rd(i), out);
}
std::string disShiftImmUnpred(std::uint32_t i, std::uint64_t) {
    const ShiftImm s = *unpredShiftImm(i);
    return fmt::format("{}\t{}, {}, #{}", kShiftNames[static_cast<unsigned>(*unpredImmOp(i))],
                       zreg(rd(i), s.size), zreg(rn(i), s.size), s.amount);
}

// ---- Shift by wide elements: the amount is the 64-bit element of Zm holding the element
// Predicated: opc insn[17:16] ASR 00, LSR 01, LSL 11 (Zdn, Pg/M, Zdn, Zm.D).
std::optional<Shift> wideOp(unsigned opc) {
    switch (opc) {
    case 0: return Shift::Asr;
    case 1: return Shift::Lsr;
    case 3: return Shift::Lsl;
    default: return std::nullopt;
    }
}
bool validWidePred(std::uint32_t i) {
    return sizeField(i) != 3 && wideOp(bits(i, 17, 16)).has_value();
}
void execWidePred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Shift op = *wideOp(bits(i, 17, 16));
    const unsigned esize = 1U << sizeField(i);
    const PBuf g = readP(cx, pg3(i));
    const ZBuf zm = readZ(cx, bits(i, 9, 5));
    ZBuf out = readZ(cx, rd(i));
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        if (activeElem(g.data(), e, esize))
            setElem(out.data(), e, esize,
                    shiftElement(op, elem(out.data(), e, esize),
                                 elem(zm.data(), (e * esize) / 8, 8), esize));
    writeZ(cx, rd(i), out);
}
std::string disWidePred(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, p{}/m, {}, {}",
                       kShiftNames[static_cast<unsigned>(*wideOp(bits(i, 17, 16)))], zreg(rd(i), s),
                       pg3(i), zreg(rd(i), s), zreg(bits(i, 9, 5), 3));
}

// Unpredicated: opc insn[11:10] ASR 00, LSR 01, LSL 11 (Zd, Zn, Zm.D).
bool validWideUnpred(std::uint32_t i) {
    return sizeField(i) != 3 && wideOp(bits(i, 11, 10)).has_value();
}
void execWideUnpred(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Shift op = *wideOp(bits(i, 11, 10));
    const unsigned esize = 1U << sizeField(i);
    const ZBuf zn = readZ(cx, rn(i)), zm = readZ(cx, rm(i));
    ZBuf out{};
    for (unsigned e = 0; e < cx.vl().bytes() / esize; ++e)
        setElem(out.data(), e, esize,
                shiftElement(op, elem(zn.data(), e, esize), elem(zm.data(), (e * esize) / 8, 8),
                             esize));
    writeZ(cx, rd(i), out);
}
std::string disWideUnpred(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("{}\t{}, {}, {}",
                       kShiftNames[static_cast<unsigned>(*wideOp(bits(i, 11, 10)))], zreg(rd(i), s),
                       zreg(rn(i), s), zreg(rm(i), 3));
}

// ---- Shift by vector (predicated): R:L:U insn[18:16] ASR 000, LSR 001, LSL 011, ASRR 100,
// LSRR 101, LSLR 111; the reversed forms shift Zm by Zdn
std::optional<Shift> vecShiftOp(std::uint32_t i) {
    return wideOp(bits(i, 17, 16));
}
bool validVecShift(std::uint32_t i) {
    return vecShiftOp(i).has_value();
}
void execVecShift(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const Shift op = *vecShiftOp(i);
    const bool reversed = bit1(i, 18);
    predicatedBinary(cx, i, [=](std::uint64_t a, std::uint64_t b, unsigned es) {
        return reversed ? shiftElement(op, b, a, es) : shiftElement(op, a, b, es);
    });
}
std::string disVecShift(std::uint32_t i, std::uint64_t) {
    const std::string mn =
        std::string(kShiftNames[static_cast<unsigned>(*vecShiftOp(i))]) + (bit1(i, 18) ? "r" : "");
    return predicatedText(i, mn.c_str());
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00000100 xx 00 xxxx 100 xxx xx xxx xxxxx", "ASR_LSR_LSL_ASRD_Z_P_ZI", execShiftImmPred, disShiftImmPred, T::SveAlu, validShiftImmPred),
    insn("00000100 xx 1 xxxxx 1001 xx xxxxx xxxxx", "ASR_LSR_LSL_Z_ZI", execShiftImmUnpred, disShiftImmUnpred, T::SveAlu, validShiftImmUnpred),
    insn("00000100 xx 011 0 xx 100 xxx xxxxx xxxxx", "ASR_LSR_LSL_Z_P_ZW", execWidePred, disWidePred, T::SveAlu, validWidePred),
    insn("00000100 xx 1 xxxxx 1000 xx xxxxx xxxxx", "ASR_LSR_LSL_Z_ZW", execWideUnpred, disWideUnpred, T::SveAlu, validWideUnpred),
    insn("00000100 xx 010 x xx 100 xxx xxxxx xxxxx", "ASR_LSR_LSL_ASRR_LSRR_LSLR_Z_P_ZZ", execVecShift, disVecShift, T::SveAlu, validVecShift),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveShiftRows() {
    return kRows;
}

} // namespace svesim::isa::sve
