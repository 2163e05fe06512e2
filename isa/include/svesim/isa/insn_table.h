// Encodings as data: each row is a 32-character bit pattern (QEMU decodetree style: '0'/'1'
// fixed, anything else a field), the Arm ARM encoding name, the semantics, the disassembler
// and the timing class. The decoder, the disassembler and the timing model read these rows.
#pragma once

#include "svesim/isa/exec_context.h"
#include "svesim/isa/fast_exec.h"
#include "svesim/isa/timing_class.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace svesim::isa {

using ExecFn = void (*)(ExecContext&, std::uint32_t insn);
using DisasmFn = std::string (*)(std::uint32_t insn, std::uint64_t pc);
using ValidFn = bool (*)(std::uint32_t insn); // further unallocated field values, if any

struct InsnDef {
    std::uint32_t mask;
    std::uint32_t value;
    std::string_view name;
    ExecFn exec;
    DisasmFn disasm;
    TimingClass timing;
    ValidFn valid;
    // The row's decode-time specialiser (fast_exec.h), or nullptr: the general path only.
    FastSpecialiser fast = nullptr;
};

namespace detail {
constexpr std::uint32_t patternBits(std::string_view p, bool want_mask) {
    std::uint32_t mask = 0, value = 0;
    int n = 0;
    for (char c : p) {
        if (c == ' ' || c == '_') continue;
        mask <<= 1;
        value <<= 1;
        if (c == '0' || c == '1') {
            mask |= 1;
            value |= (c == '1') ? 1U : 0U;
        }
        ++n;
    }
    if (n != 32) throw "instruction pattern must have 32 bit positions";
    return want_mask ? mask : value;
}
} // namespace detail

// One table row from a pattern such as "sf 0 0 100010 sh imm12:12..." spelled as 32 positions.
constexpr InsnDef insn(std::string_view pattern, std::string_view name, ExecFn exec,
                       DisasmFn disasm, TimingClass timing, ValidFn valid = nullptr) {
    return InsnDef{detail::patternBits(pattern, true),
                   detail::patternBits(pattern, false),
                   name,
                   exec,
                   disasm,
                   timing,
                   valid};
}
// The same row with a specialiser for the processor's fast engine.
constexpr InsnDef withFast(InsnDef d, FastSpecialiser fast) {
    d.fast = fast;
    return d;
}

// The instruction groups, each defined in its own file.
std::span<const InsnDef> integerInsns();
std::span<const InsnDef> branchInsns();
std::span<const InsnDef> loadStoreInsns();
std::span<const InsnDef> systemInsns();
std::span<const InsnDef> sysMaintInsns(); // sys_maint_insns.cpp: DC, IC, AT, TLBI
std::span<const InsnDef> fpSimdInsns();
std::span<const InsnDef> simdIntSameInsns();
std::span<const InsnDef> simdIntMiscInsns();
std::span<const InsnDef> simdIntDiffInsns();
std::span<const InsnDef> simdIntShiftInsns();
std::span<const InsnDef> simdPermInsns();
std::span<const InsnDef> simdIntElemInsns();
std::span<const InsnDef> fpScalarInsns();     // fp_dp_insns.cpp
std::span<const InsnDef> fpConvertInsns();    // fp_cvt_insns.cpp
std::span<const InsnDef> simdFpSameInsns();   // simd_fp_same_insns.cpp
std::span<const InsnDef> simdFpMiscInsns();   // simd_fp_misc_insns.cpp
std::span<const InsnDef> simdFpElemInsns();   // simd_fp_elem_insns.cpp
std::span<const InsnDef> simdFpReduceInsns(); // simd_fp_reduce_insns.cpp
std::span<const InsnDef> simdFpFixedInsns();  // simd_fp_fixed_insns.cpp
std::span<const InsnDef> sveFpInsns();        // sve_fp_insns.cpp
std::span<const InsnDef> sveFpMiscInsns();    // sve_fp_misc_insns.cpp
std::span<const InsnDef> sveFpTrigInsns();    // sve_fp_trig.cpp
std::span<const InsnDef> sveFpComplexInsns(); // sve_fp_complex.cpp
std::span<const InsnDef> sveInsns();
std::span<const InsnDef> lseInsns();
std::span<const InsnDef> crcInsns();
std::span<const InsnDef> udfInsns(); // udf_insns.cpp
std::span<const InsnDef> simdStructInsns();
std::span<const InsnDef> sveMemoryInsns();

// The row that decodes `insn`, or nullptr: unallocated or not implemented (UNDEFINED).
const InsnDef* decode(std::uint32_t insn);
// Disassembly in LLVM's syntax; "<undefined>" for encodings decode() rejects.
std::string disassemble(std::uint32_t insn, std::uint64_t pc);
// Every row, for documentation and tests.
std::span<const InsnDef* const> allInsns();
// The features (FEAT_ names) whose instruction groups the decoder holds: exactly the
// implemented ones of the feature table that add instructions.
std::span<const std::string_view> decodedFeatures();

} // namespace svesim::isa
