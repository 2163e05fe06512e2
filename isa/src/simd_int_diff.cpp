// AdvSIMD integer "three different" (ARM-M C4.1.x, vector and scalar): the long forms
// (SADDL..UMULL, SQDMLAL/SQDMLSL/SQDMULL, PMULL with 8-bit elements) that widen Vpart[n, Q]
// and Vpart[m, Q], the wide forms (SADDW..USUBW) and the narrowing high halves
// (ADDHN/RADDHN/SUBHN/RSUBHN) that fill Vpart[d, Q]. Q = 1 is the "2" form. PMULL with 64-bit
// elements is FEAT_PMULL (crypto), not implemented: UNDEFINED.
#include "simd_common.h"

namespace svesim::isa {
namespace {

using namespace simd;

unsigned opcode(std::uint32_t i) {
    return bits(i, 15, 12);
}

// One 2*esize-bit result of a long or wide operation: x and y are the (extended) operands,
// a and b the raw esize-bit source elements, d the old destination element.
Sat longElem(unsigned op, i128 x, i128 y, std::uint64_t a, std::uint64_t b, std::uint64_t d,
             unsigned esize) {
    const std::uint64_t m = ones(2 * esize);
    const auto plain = [m](i128 v) { return Sat{static_cast<std::uint64_t>(v) & m, false}; };
    const i128 absdiff = x > y ? x - y : y - x;
    switch (op) {
    case 0x0:
    case 0x1: return plain(x + y); // SADDL/SADDW (and U)
    case 0x2:
    case 0x3: return plain(x - y);                          // SSUBL/SSUBW (and U)
    case 0x5: return plain(static_cast<i128>(d) + absdiff); // SABAL/UABAL
    case 0x7: return plain(absdiff);                        // SABDL/UABDL
    case 0x8: return plain(static_cast<i128>(d) + x * y);   // SMLAL/UMLAL
    case 0xA: return plain(static_cast<i128>(d) - x * y);   // SMLSL/UMLSL
    case 0xC: return plain(x * y);                          // SMULL/UMULL
    case 0xE: return plain(PolynomialMult(a, b, esize));    // PMULL
    default: return SQDMLAL(a, b, d, esize, op == 0xD ? 0 : (op == 0xB ? -1 : 1)); // 0x9, 0xB, 0xD
    }
}

bool isWide(unsigned op) {
    return op == 0x1 || op == 0x3;
}
bool isNarrow(unsigned op) {
    return op == 0x4 || op == 0x6;
}

bool validDiff(std::uint32_t i) {
    const unsigned size = sizeField(i);
    switch (opcode(i)) {
    case 0x9:
    case 0xB:
    case 0xD: return !U(i) && (size == 1 || size == 2);
    case 0xE: return !U(i) && size == 0;
    case 0xF: return false;
    default: return size != 3;
    }
}

void execLongWide(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i), esize = ebytes * 8, op = opcode(i);
    const bool u = U(i);
    Vec n = readV(cx, rn(i), 16), m = readV(cx, rm(i), 16);
    if (Q(i)) {
        m = upperHalf(m);
        if (!isWide(op)) n = upperHalf(n);
    }
    const Vec d = readV(cx, rd(i), 16);
    Vec r{};
    bool sat = false;
    for (unsigned e = 0; e < 8 / ebytes; ++e) {
        const std::uint64_t a = isWide(op) ? elem(n, e, 2 * ebytes) : elem(n, e, ebytes);
        const std::uint64_t b = elem(m, e, ebytes);
        const i128 x = intOf(a, isWide(op) ? 2 * esize : esize, u), y = intOf(b, esize, u);
        const Sat s = longElem(op, x, y, a, b, elem(d, e, 2 * ebytes), esize);
        setElem(r, e, 2 * ebytes, s.value);
        sat = sat || s.sat;
    }
    if (sat) setQC(cx);
    writeV(cx, rd(i), r, 16);
}

// ADDHN/RADDHN/SUBHN/RSUBHN: the high half of each 2*esize-bit sum or difference.
void execNarrowHigh(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i), esize = ebytes * 8, part = Q(i) ? 1 : 0;
    const bool sub = opcode(i) == 0x6, round = U(i);
    const Vec n = readV(cx, rn(i), 16), m = readV(cx, rm(i), 16);
    Vec r = part ? readV(cx, rd(i), 8) : Vec{};
    for (unsigned e = 0; e < 8 / ebytes; ++e) {
        const u128 x = elem(n, e, 2 * ebytes), y = elem(m, e, 2 * ebytes);
        const u128 round_const = round ? u128{1} << (esize - 1) : 0;
        const u128 v = (sub ? x - y : x + y) + round_const;
        setElem(r, part * (8 / ebytes) + e, ebytes, static_cast<std::uint64_t>(v >> esize));
    }
    writeV(cx, rd(i), r, datasizeBytes(i));
}

const char* diffName(std::uint32_t i) {
    static constexpr const char* kNames[2][15] = {
        {"saddl", "saddw", "ssubl", "ssubw", "addhn", "sabal", "subhn", "sabdl", "smlal", "sqdmlal",
         "smlsl", "sqdmlsl", "smull", "sqdmull", "pmull"},
        {"uaddl", "uaddw", "usubl", "usubw", "raddhn", "uabal", "rsubhn", "uabdl", "umlal", "",
         "umlsl", "", "umull", "", ""}};
    return kNames[U(i) ? 1 : 0][opcode(i)];
}
std::string disDiff(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i), op = opcode(i);
    const bool q = Q(i);
    if (isNarrow(op))
        return fmt::format("{}{}\t{}, {}, {}", diffName(i), part2(i), vreg(rd(i), size, q),
                           vreg(rn(i), size + 1, true), vreg(rm(i), size + 1, true));
    const std::string n = isWide(op) ? vreg(rn(i), size + 1, true) : vreg(rn(i), size, q);
    return fmt::format("{}{}\t{}, {}, {}", diffName(i), part2(i), vreg(rd(i), size + 1, true), n,
                       vreg(rm(i), size, q));
}

// Scalar SQDMLAL/SQDMLSL/SQDMULL: one element pair, a 2*esize-bit result.
bool validDiffScalar(std::uint32_t i) {
    return opcode(i) != 0xF && (sizeField(i) == 1 || sizeField(i) == 2);
}
void execDiffScalar(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned ebytes = 1U << sizeField(i);
    const Sat s = SQDMLAL(elem(readV(cx, rn(i), ebytes), 0, ebytes),
                          elem(readV(cx, rm(i), ebytes), 0, ebytes),
                          elem(readV(cx, rd(i), 2 * ebytes), 0, 2 * ebytes), ebytes * 8,
                          opcode(i) == 0xD ? 0 : (opcode(i) == 0xB ? -1 : 1));
    Vec r{};
    setElem(r, 0, 2 * ebytes, s.value);
    if (s.sat) setQC(cx);
    writeV(cx, rd(i), r, 2 * ebytes);
}
std::string disDiffScalar(std::uint32_t i, std::uint64_t) {
    const unsigned size = sizeField(i);
    return fmt::format("{}\t{}, {}, {}", diffName(i), sreg(rd(i), size + 1), sreg(rn(i), size),
                       sreg(rm(i), size));
}

// clang-format off
const InsnDef kSimdIntDiffInsns[] = {
    insn("0 x x 01110 xx 1 xxxxx 00xx 00 xxxxx xxxxx", "SADDL_UADDL_SADDW_UADDW_SSUBL_USUBL_SSUBW_USUBW_asimddiff", execLongWide, disDiff, T::FpSimd, validDiff),
    insn("0 x x 01110 xx 1 xxxxx 01x0 00 xxxxx xxxxx", "ADDHN_RADDHN_SUBHN_RSUBHN_asimddiff", execNarrowHigh, disDiff, T::FpSimd, validDiff),
    insn("0 x x 01110 xx 1 xxxxx 01x1 00 xxxxx xxxxx", "SABAL_UABAL_SABDL_UABDL_asimddiff", execLongWide, disDiff, T::FpSimd, validDiff),
    insn("0 x x 01110 xx 1 xxxxx 1xxx 00 xxxxx xxxxx", "SMLAL_UMLAL_SQDMLAL_SMLSL_UMLSL_SQDMLSL_SMULL_UMULL_SQDMULL_PMULL_asimddiff", execLongWide, disDiff, T::FpSimd, validDiff),
    insn("0 1 0 11110 xx 1 xxxxx 1xx1 00 xxxxx xxxxx", "SQDMLAL_SQDMLSL_SQDMULL_asisddiff", execDiffScalar, disDiffScalar, T::FpSimd, validDiffScalar),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdIntDiffInsns() {
    return kSimdIntDiffInsns;
}

} // namespace svesim::isa
