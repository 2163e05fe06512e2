// AdvSIMD permutes (ARM-M C4.1.x): ZIP1/ZIP2, UZP1/UZP2, TRN1/TRN2 (AdvSIMD permute), EXT
// (AdvSIMD extract) and TBL/TBX with one to four table registers (AdvSIMD table lookup).
#include "simd_common.h"

namespace svesim::isa {
namespace {

using namespace simd;

// ---- ZIP/UZP/TRN: opcode<2> is the part (1 or 2), opcode<1:0> the kind ----------------------
unsigned permOp(std::uint32_t i) {
    return bits(i, 13, 12);
}
unsigned permPart(std::uint32_t i) {
    return bit1(i, 14) ? 1 : 0;
}
bool validPerm(std::uint32_t i) {
    return permOp(i) != 0 && validNot1D(i);
}
void execPerm(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), ebytes = 1U << sizeField(i);
    const unsigned elements = bytes / ebytes, pairs = elements / 2, part = permPart(i);
    const Vec n = readV(cx, rn(i), bytes), m = readV(cx, rm(i), bytes);
    const auto concat = [&](unsigned k) { // (Vm:Vn)[k]
        return k < elements ? elem(n, k, ebytes) : elem(m, k - elements, ebytes);
    };
    Vec r{};
    for (unsigned p = 0; p < pairs; ++p) {
        switch (permOp(i)) {
        case 1: // UZP
            setElem(r, 2 * p, ebytes, concat(4 * p + part));
            setElem(r, 2 * p + 1, ebytes, concat(4 * p + 2 + part));
            break;
        case 2: // TRN
            setElem(r, 2 * p, ebytes, elem(n, 2 * p + part, ebytes));
            setElem(r, 2 * p + 1, ebytes, elem(m, 2 * p + part, ebytes));
            break;
        default: // ZIP
            setElem(r, 2 * p, ebytes, elem(n, part * pairs + p, ebytes));
            setElem(r, 2 * p + 1, ebytes, elem(m, part * pairs + p, ebytes));
            break;
        }
    }
    writeV(cx, rd(i), r, bytes);
}
std::string disPerm(std::uint32_t i, std::uint64_t) {
    static constexpr const char* kKind[4] = {"", "uzp", "trn", "zip"};
    const unsigned size = sizeField(i);
    return fmt::format("{}{}\t{}, {}, {}", kKind[permOp(i)], permPart(i) + 1,
                       vreg(rd(i), size, Q(i)), vreg(rn(i), size, Q(i)), vreg(rm(i), size, Q(i)));
}

// ---- EXT: bytes imm4 upwards of Vm:Vn --------------------------------------------------------
bool validExt(std::uint32_t i) {
    return Q(i) || !bit1(i, 14);
}
void execExt(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), pos = bits(i, 14, 11);
    const Vec n = readV(cx, rn(i), bytes), m = readV(cx, rm(i), bytes);
    Vec r{};
    for (unsigned k = 0; k < bytes; ++k)
        r[k] = pos + k < bytes ? n[pos + k] : m[pos + k - bytes];
    writeV(cx, rd(i), r, bytes);
}
std::string disExt(std::uint32_t i, std::uint64_t) {
    return fmt::format("ext\t{}, {}, {}, #{}", vreg(rd(i), 0, Q(i)), vreg(rn(i), 0, Q(i)),
                       vreg(rm(i), 0, Q(i)), bits(i, 14, 11));
}

// ---- TBL/TBX: byte lookup in 1-4 consecutive registers (wrapping at V31) ---------------------
unsigned tableRegs(std::uint32_t i) {
    return bits(i, 14, 13) + 1;
}
void execTbl(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkFPEnabled()) return;
    const unsigned bytes = datasizeBytes(i), regs = tableRegs(i);
    const bool is_tbx = bit1(i, 12);
    std::array<Vec, 4> table{};
    for (unsigned t = 0; t < regs; ++t)
        table[t] = readV(cx, (rn(i) + t) % 32, 16);
    const Vec indices = readV(cx, rm(i), bytes);
    Vec r = is_tbx ? readV(cx, rd(i), bytes) : Vec{};
    for (unsigned k = 0; k < bytes; ++k)
        if (indices[k] < 16 * regs) r[k] = table[indices[k] / 16][indices[k] % 16];
    writeV(cx, rd(i), r, bytes);
}
std::string disTbl(std::uint32_t i, std::uint64_t) {
    std::string list;
    for (unsigned t = 0; t < tableRegs(i); ++t)
        list += fmt::format("{}v{}.16b", t ? ", " : "", (rn(i) + t) % 32);
    return fmt::format("{}\t{}, {{ {} }}, {}", bit1(i, 12) ? "tbx" : "tbl", vreg(rd(i), 0, Q(i)),
                       list, vreg(rm(i), 0, Q(i)));
}

// clang-format off
const InsnDef kSimdPermInsns[] = {
    insn("0 x 001110 xx 0 xxxxx 0 xxx 10 xxxxx xxxxx", "UZP1_TRN1_ZIP1_UZP2_TRN2_ZIP2_asimdperm", execPerm, disPerm, T::FpSimd, validPerm),
    insn("0 x 101110 00 0 xxxxx 0 xxxx 0 xxxxx xxxxx", "EXT_asimdext_only", execExt, disExt, T::FpSimd, validExt),
    insn("0 x 001110 00 0 xxxxx 0 xx x 00 xxxxx xxxxx", "TBL_TBX_asimdtbl", execTbl, disTbl, T::FpSimd),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdPermInsns() {
    return kSimdPermInsns;
}

} // namespace svesim::isa
