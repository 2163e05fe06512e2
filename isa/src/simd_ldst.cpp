// AdvSIMD structure loads and stores (ARM-M C4.1.x, C7.2): LD1-LD4/ST1-ST4 multiple
// structures (LD1/ST1 with 1-4 registers), single structure to/from one lane, LD1R-LD4R
// (replicate), each without offset or post-indexed by an immediate (the bytes transferred) or
// by Xm. Every element is its own access of its size (Mem[address, ebytes, AccType_VEC]): the
// alignment rules and external aborts apply per element. A load writes each destination once
// through V[] (R12) and only when every access succeeded; writeback happens last.
#include "simd_common.h"

namespace svesim::isa {
namespace {

using namespace simd;

bool isLoad(std::uint32_t i) {
    return bit1(i, 22);
}
// The element size field of this group (insn[11:10], not insn[23:22]).
unsigned ldstSize(std::uint32_t i) {
    return bits(i, 11, 10);
}
bool postIndex(std::uint32_t i) {
    return bit1(i, 23);
}

// The base register (SP when 31, with its alignment check) and, after a successful transfer
// of `bytes`, the post-index writeback: Xm, or the transfer size when Rm = 31.
bool baseAddress(ExecContext& cx, std::uint32_t i, std::uint64_t& addr) {
    if (!cx.checkFPEnabled()) return false;
    if (!cx.checkSPAlignment(rn(i))) return false;
    addr = cx.XorSP(rn(i));
    return true;
}
void writeBack(ExecContext& cx, std::uint32_t i, std::uint64_t base, unsigned bytes) {
    if (!postIndex(i)) return;
    const std::uint64_t offset = rm(i) == 31 ? bytes : cx.X(rm(i));
    cx.setXorSP(rn(i), base + offset);
}
std::string addressText(std::uint32_t i, unsigned bytes) {
    const std::string base = fmt::format("[{}]", rn(i) == 31 ? "sp" : fmt::format("x{}", rn(i)));
    if (!postIndex(i)) return base;
    if (rm(i) == 31) return fmt::format("{}, #{}", base, bytes);
    return fmt::format("{}, x{}", base, rm(i));
}
std::string regList(unsigned t, unsigned count, const std::string& suffix) {
    std::string s;
    for (unsigned k = 0; k < count; ++k)
        s += fmt::format("{}v{}.{}", k ? ", " : "", (t + k) % 32, suffix);
    return fmt::format("{{ {} }}", s);
}

// ---- Multiple structures ---------------------------------------------------------------------
struct Multiple {
    unsigned rpt, selem;
};
Multiple multipleShape(std::uint32_t i) {
    switch (bits(i, 15, 12)) {
    case 0x0: return {1, 4};
    case 0x2: return {4, 1};
    case 0x4: return {1, 3};
    case 0x6: return {3, 1};
    case 0x7: return {1, 1};
    case 0x8: return {1, 2};
    case 0xA: return {2, 1};
    default: return {0, 0};
    }
}
bool validMultiple(std::uint32_t i) {
    const Multiple m = multipleShape(i);
    return m.rpt != 0 && !(ldstSize(i) == 3 && !Q(i) && m.selem != 1);
}
void execMultiple(ExecContext& cx, std::uint32_t i) {
    std::uint64_t base = 0;
    if (!baseAddress(cx, i, base)) return;
    const Multiple m = multipleShape(i);
    const unsigned bytes = datasizeBytes(i), ebytes = 1U << ldstSize(i);
    const unsigned elements = bytes / ebytes, regs = m.rpt * m.selem;
    const unsigned t = rt(i);
    std::uint64_t offs = 0;
    if (isLoad(i)) {
        std::array<Vec, 4> rval{};
        for (unsigned r = 0; r < m.rpt; ++r)
            for (unsigned e = 0; e < elements; ++e)
                for (unsigned s = 0; s < m.selem; ++s) {
                    std::uint8_t* dst = rval[r + s].data() + e * ebytes;
                    if (!cx.load(base + offs, dst, ebytes, ebytes)) return;
                    offs += ebytes;
                }
        for (unsigned k = 0; k < regs; ++k)
            writeV(cx, (t + k) % 32, rval[k], bytes);
    } else {
        for (unsigned r = 0; r < m.rpt; ++r)
            for (unsigned e = 0; e < elements; ++e)
                for (unsigned s = 0; s < m.selem; ++s) {
                    const auto src =
                        cx.sve().V((t + r + s) % 32, bytes).subspan(e * ebytes, ebytes);
                    if (!cx.store(base + offs, src.data(), ebytes, ebytes)) return;
                    offs += ebytes;
                }
    }
    writeBack(cx, i, base, bytes * regs);
}
std::string disMultiple(std::uint32_t i, std::uint64_t) {
    const Multiple m = multipleShape(i);
    const unsigned regs = m.rpt * m.selem;
    const std::string mn = fmt::format("{}{}", isLoad(i) ? "ld" : "st", m.selem);
    return fmt::format("{}\t{}, {}", mn, regList(rt(i), regs, arrangement(ldstSize(i), Q(i))),
                       addressText(i, datasizeBytes(i) * regs));
}

// ---- Single structure and replicate ----------------------------------------------------------
struct Single {
    bool ok;
    bool replicate;
    unsigned scale; // log2 of the element bytes
    unsigned index;
    unsigned selem;
};
Single singleShape(std::uint32_t i) {
    const unsigned opcode = bits(i, 15, 13), size = ldstSize(i);
    const unsigned s = bits(i, 12, 12), q = Q(i) ? 1 : 0;
    Single r{true, false, opcode >> 1, 0, ((opcode & 1) << 1 | bits(i, 21, 21)) + 1};
    switch (r.scale) {
    case 3:
        if (!isLoad(i) || s) r.ok = false;
        r.scale = size;
        r.replicate = true;
        break;
    case 0: r.index = (q << 3) | (s << 2) | size; break;
    case 1:
        if (size & 1) r.ok = false;
        r.index = (q << 2) | (s << 1) | (size >> 1);
        break;
    default:
        if (size & 2) r.ok = false;
        if ((size & 1) == 0) {
            r.index = (q << 1) | s;
        } else {
            if (s) r.ok = false;
            r.index = q;
            r.scale = 3;
        }
        break;
    }
    return r;
}
bool validSingle(std::uint32_t i) {
    return singleShape(i).ok;
}
void execSingle(ExecContext& cx, std::uint32_t i) {
    std::uint64_t base = 0;
    if (!baseAddress(cx, i, base)) return;
    const Single sh = singleShape(i);
    const unsigned ebytes = 1U << sh.scale, t = rt(i);
    if (sh.replicate) {
        std::array<std::uint8_t, 32> element{}; // selem elements of ebytes
        for (unsigned s = 0; s < sh.selem; ++s)
            if (!cx.load(base + s * ebytes, element.data() + s * ebytes, ebytes, ebytes)) return;
        const unsigned bytes = datasizeBytes(i);
        for (unsigned s = 0; s < sh.selem; ++s) {
            Vec r{};
            for (unsigned e = 0; e < bytes / ebytes; ++e)
                std::memcpy(r.data() + e * ebytes, element.data() + s * ebytes, ebytes);
            writeV(cx, (t + s) % 32, r, bytes);
        }
    } else if (isLoad(i)) {
        std::array<Vec, 4> rval{};
        for (unsigned s = 0; s < sh.selem; ++s)
            rval[s] = readV(cx, (t + s) % 32, 16);
        for (unsigned s = 0; s < sh.selem; ++s)
            if (!cx.load(base + s * ebytes, rval[s].data() + sh.index * ebytes, ebytes, ebytes))
                return;
        for (unsigned s = 0; s < sh.selem; ++s)
            writeV(cx, (t + s) % 32, rval[s], 16);
    } else {
        for (unsigned s = 0; s < sh.selem; ++s) {
            const auto src = cx.sve().V((t + s) % 32, 16).subspan(sh.index * ebytes, ebytes);
            if (!cx.store(base + s * ebytes, src.data(), ebytes, ebytes)) return;
        }
    }
    writeBack(cx, i, base, ebytes * sh.selem);
}
std::string disSingle(std::uint32_t i, std::uint64_t) {
    const Single sh = singleShape(i);
    const unsigned bytes = (1U << sh.scale) * sh.selem;
    if (sh.replicate)
        return fmt::format("ld{}r\t{}, {}", sh.selem,
                           regList(rt(i), sh.selem, arrangement(sh.scale, Q(i))),
                           addressText(i, bytes));
    return fmt::format("{}{}\t{}[{}], {}", isLoad(i) ? "ld" : "st", sh.selem,
                       regList(rt(i), sh.selem, std::string(1, elemChar(sh.scale))), sh.index,
                       addressText(i, bytes));
}

// clang-format off
const InsnDef kSimdLdStInsns[] = {
    insn("0 x 0011000 0 000000 xxxx xx xxxxx xxxxx", "ST1_ST2_ST3_ST4_asisdlse", execMultiple, disMultiple, T::Store, validMultiple),
    insn("0 x 0011000 1 000000 xxxx xx xxxxx xxxxx", "LD1_LD2_LD3_LD4_asisdlse", execMultiple, disMultiple, T::Load, validMultiple),
    insn("0 x 0011001 0 0 xxxxx xxxx xx xxxxx xxxxx", "ST1_ST2_ST3_ST4_asisdlsep", execMultiple, disMultiple, T::Store, validMultiple),
    insn("0 x 0011001 1 0 xxxxx xxxx xx xxxxx xxxxx", "LD1_LD2_LD3_LD4_asisdlsep", execMultiple, disMultiple, T::Load, validMultiple),
    insn("0 x 0011010 0 x 00000 xxx x xx xxxxx xxxxx", "ST1_ST2_ST3_ST4_asisdlso", execSingle, disSingle, T::Store, validSingle),
    insn("0 x 0011010 1 x 00000 xxx x xx xxxxx xxxxx", "LD1_LD2_LD3_LD4_LD1R_LD2R_LD3R_LD4R_asisdlso", execSingle, disSingle, T::Load, validSingle),
    insn("0 x 0011011 0 x xxxxx xxx x xx xxxxx xxxxx", "ST1_ST2_ST3_ST4_asisdlsop", execSingle, disSingle, T::Store, validSingle),
    insn("0 x 0011011 1 x xxxxx xxx x xx xxxxx xxxxx", "LD1_LD2_LD3_LD4_LD1R_LD2R_LD3R_LD4R_asisdlsop", execSingle, disSingle, T::Load, validSingle),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdLdStInsns() {
    return kSimdLdStInsns;
}

} // namespace svesim::isa
