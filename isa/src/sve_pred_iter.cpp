// SVE predicate iteration (ARM-M C8.2): PFIRST and PNEXT, which step a predicate through the
// active elements of Pg, setting NZCV by PredTest.
#include "sve_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// PFIRST Pdn.B, Pg, Pdn.B: Pdn with the first active element of Pg set.
void execPfirst(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned elements = cx.vl().bytes();
    const PBuf g = readP(cx, bits(i, 8, 5));
    PBuf result = readP(cx, bits(i, 3, 0));
    const int first = FirstActiveElement(g.data(), 1, elements);
    if (first >= 0) setPredElem(result.data(), static_cast<unsigned>(first), 1, true);
    PredTest(cx.pstate(), g.data(), result.data(), 1, elements);
    writeP(cx, bits(i, 3, 0), result);
}
std::string disPfirst(std::uint32_t i, std::uint64_t) {
    return fmt::format("pfirst\t{}, p{}, {}", pregT(bits(i, 3, 0), 0), bits(i, 8, 5),
                       pregT(bits(i, 3, 0), 0));
}

// PNEXT Pdn.T, Pv, Pdn.T: only the next element of Pv after the last true one of Pdn.
void execPnext(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned esize = 1U << sizeField(i), elements = cx.vl().bytes() / esize;
    const PBuf mask = readP(cx, bits(i, 8, 5)), operand = readP(cx, bits(i, 3, 0));
    auto next = static_cast<unsigned>(LastActiveElement(operand.data(), esize, elements) + 1);
    while (next < elements && !activeElem(mask.data(), next, esize))
        ++next;
    PBuf result{};
    if (next < elements) setPredElem(result.data(), next, esize, true);
    PredTest(cx.pstate(), mask.data(), result.data(), esize, elements);
    writeP(cx, bits(i, 3, 0), result);
}
std::string disPnext(std::uint32_t i, std::uint64_t) {
    const unsigned s = sizeField(i);
    return fmt::format("pnext\t{}, p{}, {}", pregT(bits(i, 3, 0), s), bits(i, 8, 5),
                       pregT(bits(i, 3, 0), s));
}

// clang-format off
constexpr InsnDef kRows[] = {
    insn("00100101 01 011000 110000 0 xxxx 0 xxxx", "PFIRST_P_P_P", execPfirst, disPfirst, T::SvePred),
    insn("00100101 xx 011001 110001 0 xxxx 0 xxxx", "PNEXT_P_P_P", execPnext, disPnext, T::SvePred),
};
// clang-format on

} // namespace

std::span<const InsnDef> svePredIterRows() {
    return kRows;
}

} // namespace svesim::isa::sve
