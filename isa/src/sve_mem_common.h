// Helpers shared by the SVE memory files (isa/src/sve_mem_*.cpp and sve_ldst_insns.cpp): the
// dtype table of the loads, one element's access (Mem[] and the non-faulting MemNF[]), the
// first-fault and non-fault element loop with its FFR update, and operand spelling.
#pragma once

#include "sve_common.h"
#include "svesim/isa/a64_helpers.h"

#include <optional>

namespace svesim::isa::sve {

// One access shape: log2 of the memory and the register element sizes, and sign extension.
struct MemShape {
    unsigned msz, esz;
    bool sign;
};
// The dtype field of LD1*, LD1R*, LDFF1*, LDNF1* (insn[24:21], or insn[24:23]:insn[14:13]).
inline MemShape dtypeShape(unsigned dtype) {
    static constexpr MemShape kShapes[16] = {
        {0, 0, false}, {0, 1, false}, {0, 2, false}, {0, 3, false}, // B
        {2, 3, true},                                               // SW
        {1, 1, false}, {1, 2, false}, {1, 3, false},                // H
        {1, 3, true},  {1, 2, true},                                // SH
        {2, 2, false}, {2, 3, false},                               // W
        {0, 3, true},  {0, 2, true},  {0, 1, true},                 // SB
        {3, 3, false},                                              // D
    };
    return kShapes[dtype & 15];
}

// Mem[addr, mbytes] extended to 64 bits; false when the access faulted (the fault recorded).
inline bool loadElement(ExecContext& cx, std::uint64_t addr, const MemShape& s, std::uint64_t& v) {
    const unsigned mbytes = 1U << s.msz;
    v = 0;
    if (!cx.load(addr, &v, mbytes, mbytes)) return false;
    if (s.sign) v = static_cast<std::uint64_t>(signExtend(v, mbytes * 8));
    return true;
}
// MemNF[]: the same read with any fault (translation, alignment, External abort) suppressed and
// Device memory not accessed: false, and no exception.
inline bool loadElementNF(ExecContext& cx, std::uint64_t addr, const MemShape& s,
                          std::uint64_t& v) {
    const unsigned mbytes = 1U << s.msz;
    v = 0;
    if (!cx.loadNonFaulting(addr, &v, mbytes, mbytes)) {
        v = 0;
        return false;
    }
    if (s.sign) v = static_cast<std::uint64_t>(signExtend(v, mbytes * 8));
    return true;
}

// How the faults of an element loop are taken.
enum class FaultMode : std::uint8_t {
    Normal,     // every access may fault
    FirstFault, // LDFF1: only the first active element may fault; later faults clear FFR
    NonFault,   // LDNF1: no access faults; a fault clears FFR from that element on
};

// Loads the active elements of one vector from addr(e) (inactive elements zero) into `out`,
// with the pseudocode's FFR rules for the first-fault and non-fault modes: from the first
// suppressed fault on, FFR elements are cleared. svesim makes no accesses after a suppressed
// fault, and the elements whose FFR bit is clear (CONSTRAINED UNPREDICTABLE) keep the loaded
// value when their access succeeded and are zero otherwise. Returns false if the instruction
// faulted (nothing written).
template <class AddrFn>
bool loadElements(ExecContext& cx, const std::uint8_t* pg, const MemShape& s, FaultMode mode,
                  AddrFn addr, ZBuf& out) {
    const unsigned esize = 1U << s.esz, elements = cx.vl().bytes() / esize;
    PBuf ffr = mode == FaultMode::Normal ? PBuf{} : readFFR(cx);
    bool first = mode == FaultMode::FirstFault, faulted = false;
    for (unsigned e = 0; e < elements; ++e) {
        std::uint64_t v = 0;
        bool fault = false;
        if (activeElem(pg, e, esize) && !faulted) {
            if (mode == FaultMode::Normal || first) {
                if (!loadElement(cx, addr(e), s, v)) return false;
                first = false;
            } else {
                fault = !loadElementNF(cx, addr(e), s, v);
            }
        }
        faulted = faulted || fault;
        if (faulted) setPredElem(ffr.data(), e, esize, false);
        setElem(out.data(), e, esize, v);
    }
    if (faulted) writeFFR(cx, ffr);
    return true;
}

// ---- Spelling
// "{ z0.s }" or "{ z31.b, z0.b }": `n` consecutive registers from t, modulo 32.
inline std::string zlist(unsigned t, unsigned n, unsigned esz) {
    std::string s = "{ ";
    for (unsigned r = 0; r < n; ++r)
        s += (r == 0 ? "" : ", ") + zreg((t + r) % 32, esz);
    return s + " }";
}
inline std::string xnSP(unsigned n) {
    return regName(n, true, true);
}
// The SVE prefetch operation: its name, or "#n" for the unnamed values.
inline std::string svePrfop(unsigned v) {
    static constexpr const char* kNames[16] = {"pldl1keep", "pldl1strm", "pldl2keep", "pldl2strm",
                                               "pldl3keep", "pldl3strm", nullptr,     nullptr,
                                               "pstl1keep", "pstl1strm", "pstl2keep", "pstl2strm",
                                               "pstl3keep", "pstl3strm", nullptr,     nullptr};
    const char* name = kNames[v & 15];
    return name != nullptr ? std::string(name) : fmt::format("#{}", v);
}
// "[x0]" or "[x0, #imm, mul vl]"
inline std::string mulVlAddr(unsigned n, std::int64_t imm) {
    if (imm == 0) return fmt::format("[{}]", xnSP(n));
    return fmt::format("[{}, #{}, mul vl]", xnSP(n), imm);
}
// "[x0, x1]" or "[x0, x1, lsl #msz]"
inline std::string scalarPlusScalar(unsigned n, unsigned m, unsigned msz) {
    if (msz == 0) return fmt::format("[{}, {}]", xnSP(n), regName(m, true));
    return fmt::format("[{}, {}, lsl #{}]", xnSP(n), regName(m, true), msz);
}

// The row groups of the sve_mem_*.cpp files.
std::span<const InsnDef> sveContiguousMemRows();
std::span<const InsnDef> sveGatherScatterRows();
std::span<const InsnDef> svePrefetchRows();

} // namespace svesim::isa::sve
