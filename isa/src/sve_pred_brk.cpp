// SVE partition breaks and loop termination (ARM-M C8.2): BRKA/BRKB (merging, zeroing, and the
// flag-setting BRKAS/BRKBS), BRKN/BRKNS, BRKPA/BRKPB and their S forms, and CTERMEQ/CTERMNE.
// The predicates are byte-element (.B).
#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// LastActive(mask, x, 8): x's value at the last active element of mask (FALSE when none).
bool LastActive(const PBuf& mask, const PBuf& x, unsigned elements) {
    const int last = LastActiveElement(mask.data(), 1, elements);
    return last >= 0 && predBit(x.data(), static_cast<unsigned>(last));
}

// ---- BRKA, BRKB: B insn[23], S insn[22], M insn[4]; Pg insn[13:10], Pn insn[8:5]
bool validBrk(std::uint32_t i) { // the flag-setting forms are zeroing only
    return !(bit1(i, 22) && bit1(i, 4));
}
void execBrk(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned elements = cx.vl().bytes();
    const bool before = bit1(i, 23), merging = bit1(i, 4);
    const PBuf g = readP(cx, bits(i, 13, 10)), operand = readP(cx, bits(i, 8, 5));
    const PBuf old = readP(cx, bits(i, 3, 0));
    PBuf result{};
    bool brk = false;
    for (unsigned e = 0; e < elements; ++e) {
        bool r = false;
        if (predBit(g.data(), e)) {
            const bool element = predBit(operand.data(), e);
            if (before) {
                brk = brk || element;
                r = !brk;
            } else {
                r = !brk;
                brk = brk || element;
            }
        } else if (merging) {
            r = predBit(old.data(), e);
        }
        setPredElem(result.data(), e, 1, r);
    }
    if (bit1(i, 22)) PredTest(cx.pstate(), g.data(), result.data(), 1, elements);
    writeP(cx, bits(i, 3, 0), result);
}
std::string disBrk(std::uint32_t i, std::uint64_t) {
    return fmt::format("brk{}{}\t{}, p{}/{}, {}", bit1(i, 23) ? 'b' : 'a', bit1(i, 22) ? "s" : "",
                       pregT(bits(i, 3, 0), 0), bits(i, 13, 10), bit1(i, 4) ? 'm' : 'z',
                       pregT(bits(i, 8, 5), 0));
}

// ---- BRKN, BRKNS: Pdm unchanged when Pn's last active element is true, else all false
void execBrkn(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned elements = cx.vl().bytes();
    const PBuf g = readP(cx, bits(i, 13, 10)), operand1 = readP(cx, bits(i, 8, 5));
    const PBuf result = LastActive(g, operand1, elements) ? readP(cx, bits(i, 3, 0)) : PBuf{};
    if (bit1(i, 22)) {
        const PBuf all = allTrue();
        PredTest(cx.pstate(), all.data(), result.data(), 1, elements);
    }
    writeP(cx, bits(i, 3, 0), result);
}
std::string disBrkn(std::uint32_t i, std::uint64_t) {
    const std::string pdm = pregT(bits(i, 3, 0), 0);
    return fmt::format("brkn{}\t{}, p{}/z, {}, {}", bit1(i, 22) ? "s" : "", pdm, bits(i, 13, 10),
                       pregT(bits(i, 8, 5), 0), pdm);
}

// ---- BRKPA, BRKPB: B insn[4], S insn[22]; Pm insn[19:16]
void execBrkp(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned elements = cx.vl().bytes();
    const bool before = bit1(i, 4);
    const PBuf g = readP(cx, bits(i, 13, 10)), operand1 = readP(cx, bits(i, 8, 5)),
               operand2 = readP(cx, bits(i, 19, 16));
    bool last = LastActive(g, operand1, elements);
    PBuf result{};
    for (unsigned e = 0; e < elements; ++e) {
        if (!predBit(g.data(), e)) continue;
        const bool element = predBit(operand2.data(), e);
        if (before) last = last && !element;
        setPredElem(result.data(), e, 1, last);
        if (!before) last = last && !element;
    }
    if (bit1(i, 22)) PredTest(cx.pstate(), g.data(), result.data(), 1, elements);
    writeP(cx, bits(i, 3, 0), result);
}
std::string disBrkp(std::uint32_t i, std::uint64_t) {
    return fmt::format("brkp{}{}\t{}, p{}/z, {}, {}", bit1(i, 4) ? 'b' : 'a',
                       bit1(i, 22) ? "s" : "", pregT(bits(i, 3, 0), 0), bits(i, 13, 10),
                       pregT(bits(i, 8, 5), 0), pregT(bits(i, 19, 16), 0));
}

// ---- CTERMEQ, CTERMNE: sz insn[22], ne insn[4]. N = terminate; V = NOT C when not; Z, C kept.
void execCterm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned nbits = bit1(i, 22) ? 64 : 32;
    const bool equal = (cx.X(rn(i)) & ones(nbits)) == (cx.X(rm(i)) & ones(nbits));
    const bool term = bit1(i, 4) ? !equal : equal;
    PState& ps = cx.pstate();
    if (term) {
        ps.n = true;
        ps.v = false;
    } else {
        ps.n = false;
        ps.v = !ps.c;
    }
}
std::string disCterm(std::uint32_t i, std::uint64_t) {
    const bool sf = bit1(i, 22);
    return fmt::format("cterm{}\t{}, {}", bit1(i, 4) ? "ne" : "eq", regName(rn(i), sf),
                       regName(rm(i), sf));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00100101 x x 010000 01 xxxx 0 xxxx x xxxx", "BRKA_BRKB_BRKAS_BRKBS_P_P_P", execBrk, disBrk, T::SvePred, validBrk),
    insn("00100101 0 x 011000 01 xxxx 0 xxxx 0 xxxx", "BRKN_BRKNS_P_P_PP", execBrkn, disBrkn, T::SvePred),
    insn("00100101 0 x 00 xxxx 11 xxxx 0 xxxx x xxxx", "BRKPA_BRKPB_BRKPAS_BRKPBS_P_P_PP", execBrkp, disBrkp, T::SvePred),
    insn("00100101 1 x 1 xxxxx 001000 xxxxx x 0000", "CTERMEQ_CTERMNE_RR", execCterm, disCterm, T::SvePred),
};
// clang-format on

} // namespace

std::span<const InsnDef> svePredBreakRows() {
    return kRows;
}

} // namespace svesim::isa::sve
