// What an exception is and where it goes: the record (type, ISS, fault address) and the entry
// (target EL, preferred return address) that AArch64.TakeException consumes (arch-rules §4).
#pragma once

#include "svesim/arch/exception_kind.h"
#include "svesim/arch/types.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace svesim {

struct ExceptionRecord {
    ExceptionRecord() = default;
    // {type, iss[, vaddress]} as before HPFAR was added; hpfar only for stage 2 aborts.
    ExceptionRecord(Exception t, std::uint32_t i, std::optional<std::uint64_t> va = std::nullopt,
                    std::optional<std::uint64_t> ipa = std::nullopt)
        : type(t)
        , iss(i)
        , vaddress(va)
        , hpfar(ipa) {}
    Exception type = Exception::Uncategorized;
    std::uint32_t iss = 0;                 // ISS[24:0]
    std::optional<std::uint64_t> vaddress; // written to FAR_ELx where the exception reports one
    // The faulting IPA of a stage 2 abort taken to EL2: written to HPFAR_EL2 (hpfar format).
    std::optional<std::uint64_t> hpfar;
};

// ConditionSyndrome() for an A64 instruction, placed at ISS[24:20]: CV = 1, COND = 0b1110
// (ARM-M D24.2.45; the WFx and FP/SIMD access traps report it).
constexpr std::uint32_t ConditionSyndrome() {
    return (1U << 24) | (0xEU << 20);
}

// The vector offset base of an exception type (R16): Synchronous 0x000, IRQ 0x080, FIQ 0x100,
// SError 0x180.
std::uint64_t vectorBase(Exception e);
// The ESR_ELx.EC of `e` taken from `from` to `target` (aborts distinguish lower and same EL).
// ARM-M D24.2.45; arch-rules §4.6.
std::uint32_t exceptionClass(Exception e, EL from, EL target);
// ESR_ELx for a record: EC[31:26] | IL[25] (always 1: every A64 instruction is 32 bits) |
// ISS[24:0].
std::uint32_t esrValue(const ExceptionRecord& r, EL from, EL target);
// Whether AArch64.TakeException writes ESR_ELx (IRQ and FIQ, physical or virtual, do not).
bool reportsSyndrome(Exception e);

// An exception ready to be taken: AArch64.TakeException's arguments.
struct ExceptionEntry {
    ExceptionRecord record;
    EL target;
    std::uint64_t preferred_return;
};

} // namespace svesim
