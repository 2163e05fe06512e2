// AdvSIMD structure loads and stores (ARM-M C3.2.8, C7.2 LD1..LD4, ST1..ST4, LD1R..LD4R):
// multiple structures (whole registers, interleaved), single structures (one lane) and
// load-and-replicate, each with no offset or post-indexed by an immediate (Rm == 31: the bytes
// transferred) or a register. Loads collect everything before writing any register, so a fault
// leaves the registers unchanged; V[] writes zero the rest of the Z register (R12).
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <cstring>
#include <fmt/core.h>
#include <optional>

namespace svesim::isa {
namespace {

using T = TimingClass;

// ---- The shape of one instruction
// ------------------------------------------------------------------------------------------
struct StructShape {
    unsigned rpt;      // register repeats (LD1 of 2..4 registers)
    unsigned selem;    // structure elements (registers per structure)
    unsigned ebytes;   // element size
    unsigned regbytes; // 8 or 16 (Q)
    bool single;       // one lane (or replicated)
    bool replicate;    // LDnR
    unsigned index;    // the lane of a single-structure access
};

// Multiple structures: opcode insn[15:12] gives rpt and selem.
std::optional<StructShape> decodeMultiple(std::uint32_t i) {
    const unsigned opcode = bits(i, 15, 12), size = bits(i, 11, 10);
    unsigned rpt = 0, selem = 0;
    switch (opcode) {
    case 0b0000: rpt = 1, selem = 4; break; // LD4/ST4
    case 0b0010: rpt = 4, selem = 1; break; // LD1/ST1, four registers
    case 0b0100: rpt = 1, selem = 3; break; // LD3/ST3
    case 0b0110: rpt = 3, selem = 1; break; // LD1/ST1, three registers
    case 0b0111: rpt = 1, selem = 1; break; // LD1/ST1, one register
    case 0b1000: rpt = 1, selem = 2; break; // LD2/ST2
    case 0b1010: rpt = 2, selem = 1; break; // LD1/ST1, two registers
    default: return std::nullopt;
    }
    const bool q = bit1(i, 30);
    if (size == 3 && !q && selem != 1) return std::nullopt; // 1D arrangement only for LD1/ST1
    return StructShape{rpt, selem, 1U << size, q ? 16U : 8U, false, false, 0};
}

// Single structure: opcode<2:1> (insn[15:14]) is the scale, selem = opcode<0>:R + 1.
std::optional<StructShape> decodeSingle(std::uint32_t i) {
    const unsigned scale = bits(i, 15, 14), size = bits(i, 11, 10);
    const unsigned selem = ((bits(i, 13, 13) << 1) | bits(i, 21, 21)) + 1;
    const unsigned q = bits(i, 30, 30), s = bits(i, 12, 12);
    const bool load = bit1(i, 22);
    switch (scale) {
    case 0: return StructShape{1, selem, 1, 16, true, false, (q << 3) | (s << 2) | size};
    case 1:
        if ((size & 1) != 0) return std::nullopt;
        return StructShape{1, selem, 2, 16, true, false, (q << 2) | (s << 1) | (size >> 1)};
    case 2:
        if (size == 0) return StructShape{1, selem, 4, 16, true, false, (q << 1) | s};
        if (size == 1 && s == 0) return StructShape{1, selem, 8, 16, true, false, q};
        return std::nullopt;
    default: // load and replicate
        if (!load || s != 0) return std::nullopt;
        return StructShape{1, selem, 1U << size, q != 0 ? 16U : 8U, true, true, 0};
    }
}

std::optional<StructShape> decodeShape(std::uint32_t i) {
    return bit1(i, 24) ? decodeSingle(i) : decodeMultiple(i);
}
bool validStruct(std::uint32_t i) {
    return decodeShape(i).has_value();
}

unsigned registerCount(const StructShape& s) {
    return s.rpt * s.selem;
}
unsigned transferBytes(const StructShape& s) {
    if (s.single) return s.selem * s.ebytes;
    return registerCount(s) * s.regbytes;
}

// ---- Semantics
// ---------------------------------------------------------------------------------------------
void execStruct(ExecContext& cx, std::uint32_t i) {
    const StructShape s = *decodeShape(i);
    const bool load = bit1(i, 22), wback = bit1(i, 23);
    if (!cx.checkFPEnabled()) return;
    if (!cx.checkSPAlignment(rn(i))) return;
    const std::uint64_t address = cx.XorSP(rn(i));
    const unsigned t = rt(i), regs = registerCount(s);
    // The registers' images: the current values for a single-lane load (other lanes kept).
    std::array<std::array<std::uint8_t, 16>, 4> v{};
    for (unsigned r = 0; r < regs; ++r) {
        const auto cur = cx.sve().V((t + r) % 32, 16);
        std::memcpy(v[r].data(), cur.data(), 16);
    }
    std::uint64_t offs = 0;
    if (s.replicate) {
        for (unsigned r = 0; r < s.selem; ++r) {
            std::array<std::uint8_t, 8> e{};
            if (!cx.load(address + offs, e.data(), s.ebytes, s.ebytes)) return;
            v[r] = {};
            for (unsigned k = 0; k < s.regbytes; k += s.ebytes)
                std::memcpy(v[r].data() + k, e.data(), s.ebytes);
            offs += s.ebytes;
        }
    } else if (s.single) {
        for (unsigned r = 0; r < s.selem; ++r) {
            std::uint8_t* lane = v[r].data() + s.index * s.ebytes;
            const bool ok = load ? cx.load(address + offs, lane, s.ebytes, s.ebytes)
                                 : cx.store(address + offs, lane, s.ebytes, s.ebytes);
            if (!ok) return;
            offs += s.ebytes;
        }
    } else {
        if (load)
            for (unsigned r = 0; r < regs; ++r)
                v[r] = {};
        const unsigned elements = s.regbytes / s.ebytes;
        for (unsigned rep = 0; rep < s.rpt; ++rep)
            for (unsigned e = 0; e < elements; ++e)
                for (unsigned k = 0; k < s.selem; ++k) {
                    std::uint8_t* elem = v[rep + k].data() + e * s.ebytes;
                    const bool ok = load ? cx.load(address + offs, elem, s.ebytes, s.ebytes)
                                         : cx.store(address + offs, elem, s.ebytes, s.ebytes);
                    if (!ok) return;
                    offs += s.ebytes;
                }
    }
    if (load)
        for (unsigned r = 0; r < regs; ++r)
            cx.setV((t + r) % 32,
                    std::span(v[r].data(), s.single && !s.replicate ? 16 : s.regbytes));
    if (wback) {
        const std::uint64_t step = rm(i) == 31 ? transferBytes(s) : cx.X(rm(i));
        cx.setXorSP(rn(i), address + step);
    }
}

// ---- Disassembly
// -------------------------------------------------------------------------------------------
std::string arrangement(const StructShape& s) {
    if (s.single && !s.replicate) return std::string(1, "?bh?s???d"[s.ebytes]);
    return fmt::format("{}{}", s.regbytes / s.ebytes, "?bh?s???d"[s.ebytes]);
}
std::string disStruct(std::uint32_t i, std::uint64_t) {
    const StructShape s = *decodeShape(i);
    const bool load = bit1(i, 22);
    std::string list;
    for (unsigned r = 0; r < registerCount(s); ++r)
        list += fmt::format("{}v{}.{}", r == 0 ? "" : ", ", (rt(i) + r) % 32, arrangement(s));
    std::string text =
        fmt::format("{}{}{}\t{{ {} }}", load ? "ld" : "st", s.selem, s.replicate ? "r" : "", list);
    if (s.single && !s.replicate) text += fmt::format("[{}]", s.index);
    text += fmt::format(", [{}]", regName(rn(i), true, true));
    if (bit1(i, 23))
        text += rm(i) == 31 ? fmt::format(", #{}", transferBytes(s))
                            : fmt::format(", {}", regName(rm(i), true));
    return text;
}

// clang-format off
const InsnDef kSimdStructInsns[] = {
    insn("0 x 0011000 0 000000 xxxx xx xxxxx xxxxx", "ST1_asisdlse", execStruct, disStruct, T::Store, validStruct),
    insn("0 x 0011000 1 000000 xxxx xx xxxxx xxxxx", "LD1_asisdlse", execStruct, disStruct, T::Load, validStruct),
    insn("0 x 0011001 0 0 xxxxx xxxx xx xxxxx xxxxx", "ST1_asisdlsep", execStruct, disStruct, T::Store, validStruct),
    insn("0 x 0011001 1 0 xxxxx xxxx xx xxxxx xxxxx", "LD1_asisdlsep", execStruct, disStruct, T::Load, validStruct),
    insn("0 x 0011010 0 x 00000 xxx x xx xxxxx xxxxx", "ST1_asisdlso", execStruct, disStruct, T::Store, validStruct),
    insn("0 x 0011010 1 x 00000 xxx x xx xxxxx xxxxx", "LD1_asisdlso", execStruct, disStruct, T::Load, validStruct),
    insn("0 x 0011011 0 x xxxxx xxx x xx xxxxx xxxxx", "ST1_asisdlsop", execStruct, disStruct, T::Store, validStruct),
    insn("0 x 0011011 1 x xxxxx xxx x xx xxxxx xxxxx", "LD1_asisdlsop", execStruct, disStruct, T::Load, validStruct),
};
// clang-format on

} // namespace

std::span<const InsnDef> simdStructInsns() {
    return kSimdStructInsns;
}

} // namespace svesim::isa
