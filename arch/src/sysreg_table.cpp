// The system-register table (ARM-M D24.2; encodings checked against GNU as and llvm-mc).
#include "svesim/arch/sysreg.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace svesim {
namespace {

using R = SysReg;
using G = SysRegGate;
constexpr auto RW = SysRegRw::ReadWrite;
constexpr auto RO = SysRegRw::ReadOnly;
constexpr std::uint64_t kNone = 0;
constexpr std::uint64_t kHigh32 = 0xFFFF'FFFF'0000'0000ULL;
constexpr std::uint64_t kSctlr1Res1 = 0x3050'0800; // 29,28,22,20,11 (no LSMAOC, ExS, CSV2_2)
constexpr std::uint64_t kSctlr3Res1 = 0x30C5'0830; // 29,28,23,22,18,16,11,5,4
// SCTLR_EL2 at reset: the E2H=0 RES1 bits except 23, which is SPAN in the E2H=1 layout (0 so
// that a VHE host gets PAN on exception entry, as with SCTLR_EL1).
constexpr std::uint64_t kSctlr2Reset = kSctlr3Res1 & ~(std::uint64_t{1} << 23);

// Translation (mmuwire): TCR_EL1 fields of ARMv8.2 + FEAT_HPDS + SVE (NFD0/1); TCR_EL3 (and
// TCR_EL2 with E2H=0): T0SZ, IRGN0, ORGN0, SH0, TG0, PS, TBI, HPD, RES1 bits 31 and 23.
constexpr std::uint64_t kTcr1Res0 = 0xFF9F'F988'0000'0040ULL;
constexpr std::uint64_t kTcr3Res1 = 0x8080'0000ULL;
constexpr std::uint64_t kTcr3Res0 = 0xFFFF'FFFF'7E68'00C0ULL;
// end Translation (mmuwire)

constexpr SysRegInfo reg(R id, std::string_view nm, SysRegEncoding e, EL min, EL needs, SysRegRw rw,
                         G gate, std::uint64_t res0, std::uint64_t res1, std::uint64_t reset,
                         bool unknown, std::optional<R> e2h = std::nullopt,
                         std::uint64_t razwi = 0) {
    return SysRegInfo{id, nm, e, min, needs, rw, gate, id, e2h, res0, res1, razwi, reset, unknown};
}
constexpr SysRegInfo alias12(R id, std::string_view nm, SysRegEncoding e, R target) {
    return SysRegInfo{id,     nm,           e,     EL::EL2, EL::EL2, RW, G::El12Alias,
                      target, std::nullopt, kNone, 0,       0,       0,  false};
}

// clang-format off
constexpr std::array<SysRegInfo, kSysRegCount> kTable{{
    reg(R::CurrentEL, "CurrentEL", {3,0,4,2,2}, EL::EL1, EL::EL0, RO, G::None, ~0xCULL, 0, 0, false),
    reg(R::DAIF, "DAIF", {3,3,4,2,1}, EL::EL0, EL::EL0, RW, G::DaifEl0, ~0x3C0ULL, 0, 0, false),
    reg(R::NZCV, "NZCV", {3,3,4,2,0}, EL::EL0, EL::EL0, RW, G::None, ~0xF000'0000ULL, 0, 0, false),
    reg(R::SPSel, "SPSel", {3,0,4,2,0}, EL::EL1, EL::EL0, RW, G::None, ~1ULL, 0, 0, false),
    reg(R::SP_EL0, "SP_EL0", {3,0,4,1,0}, EL::EL1, EL::EL0, RW, G::SpSel0, kNone, 0, 0, true),
    reg(R::SP_EL1, "SP_EL1", {3,4,4,1,0}, EL::EL2, EL::EL0, RW, G::None, kNone, 0, 0, true),
    reg(R::SP_EL2, "SP_EL2", {3,6,4,1,0}, EL::EL3, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::ELR_EL1, "ELR_EL1", {3,0,4,0,1}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true, R::ELR_EL2),
    reg(R::ELR_EL2, "ELR_EL2", {3,4,4,0,1}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::ELR_EL3, "ELR_EL3", {3,6,4,0,1}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, true),
    reg(R::SPSR_EL1, "SPSR_EL1", {3,0,4,0,0}, EL::EL1, EL::EL0, RW, G::None, kHigh32, 0, 0, true, R::SPSR_EL2),
    reg(R::SPSR_EL2, "SPSR_EL2", {3,4,4,0,0}, EL::EL2, EL::EL2, RW, G::None, kHigh32, 0, 0, true),
    reg(R::SPSR_EL3, "SPSR_EL3", {3,6,4,0,0}, EL::EL3, EL::EL3, RW, G::None, kHigh32, 0, 0, true),
    reg(R::ESR_EL1, "ESR_EL1", {3,0,5,2,0}, EL::EL1, EL::EL0, RW, G::None, kHigh32, 0, 0, true, R::ESR_EL2),
    reg(R::ESR_EL2, "ESR_EL2", {3,4,5,2,0}, EL::EL2, EL::EL2, RW, G::None, kHigh32, 0, 0, true),
    reg(R::ESR_EL3, "ESR_EL3", {3,6,5,2,0}, EL::EL3, EL::EL3, RW, G::None, kHigh32, 0, 0, true),
    reg(R::FAR_EL1, "FAR_EL1", {3,0,6,0,0}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true, R::FAR_EL2),
    reg(R::FAR_EL2, "FAR_EL2", {3,4,6,0,0}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::FAR_EL3, "FAR_EL3", {3,6,6,0,0}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, true),
    reg(R::VBAR_EL1, "VBAR_EL1", {3,0,12,0,0}, EL::EL1, EL::EL0, RW, G::None, 0x7FF, 0, 0, true, R::VBAR_EL2),
    reg(R::VBAR_EL2, "VBAR_EL2", {3,4,12,0,0}, EL::EL2, EL::EL2, RW, G::None, 0x7FF, 0, 0, true),
    reg(R::VBAR_EL3, "VBAR_EL3", {3,6,12,0,0}, EL::EL3, EL::EL3, RW, G::None, 0x7FF, 0, 0, true),
    reg(R::SCTLR_EL1, "SCTLR_EL1", {3,0,1,0,0}, EL::EL1, EL::EL0, RW, G::None, kNone, kSctlr1Res1, kSctlr1Res1, true, R::SCTLR_EL2),
    reg(R::SCTLR_EL2, "SCTLR_EL2", {3,4,1,0,0}, EL::EL2, EL::EL2, RW, G::None, kNone, kSctlr1Res1, kSctlr2Reset, true),
    reg(R::SCTLR_EL3, "SCTLR_EL3", {3,6,1,0,0}, EL::EL3, EL::EL3, RW, G::None, kNone, kSctlr3Res1, kSctlr3Res1, true),
    reg(R::RVBAR_EL1, "RVBAR_EL1", {3,0,12,0,1}, EL::EL1, EL::EL0, RO, G::HighestOnly, kNone, 0, 0, false),
    reg(R::RVBAR_EL2, "RVBAR_EL2", {3,4,12,0,1}, EL::EL2, EL::EL2, RO, G::HighestOnly, kNone, 0, 0, false),
    reg(R::RVBAR_EL3, "RVBAR_EL3", {3,6,12,0,1}, EL::EL3, EL::EL3, RO, G::HighestOnly, kNone, 0, 0, false),
    // HCR_EL2: bits [63:35] belong to features svesim does not implement (NV, RAS, MTE, ...).
    reg(R::HCR_EL2, "HCR_EL2", {3,4,1,1,0}, EL::EL2, EL::EL2, RW, G::None, 0xFFFF'FFF8'0000'0000ULL, 0, 0, true),
    // SCR_EL3: bits 5:4 RES1, bit 6 RES0, [63:14] features not implemented (EEL2, ...).
    reg(R::SCR_EL3, "SCR_EL3", {3,6,1,1,0}, EL::EL3, EL::EL3, RW, G::None, ~0x3FBFULL, 0x30, 0x30, true),
    reg(R::VTTBR_EL2, "VTTBR_EL2", {3,4,2,1,0}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    // VTCR_EL2: T0SZ, SL0, IRGN0, ORGN0, SH0, TG0, PS, VS (FEAT_VMID16); bit 31 RES1.
    reg(R::VTCR_EL2, "VTCR_EL2", {3,4,2,1,2}, EL::EL2, EL::EL2, RW, G::None, ~0x800F'FFFFULL, 0x8000'0000ULL, 0, true),
    // CPACR_EL1: ZEN[17:16], FPEN[21:20], TTA[28].
    reg(R::CPACR_EL1, "CPACR_EL1", {3,0,1,0,2}, EL::EL1, EL::EL0, RW, G::Cpacr, ~0x1033'0000ULL, 0, 0, true, R::CPTR_EL2),
    // CPTR_EL2 holds both layouts' fields; RES1 bits of the E2H=0 layout are added on read.
    reg(R::CPTR_EL2, "CPTR_EL2", {3,4,1,1,2}, EL::EL2, EL::EL2, RW, G::Cptr2, ~0x9033'0500ULL, 0, 0, true),
    // CPTR_EL3: EZ[8], TFP[10], TTA[20], TCPAC[31].
    reg(R::CPTR_EL3, "CPTR_EL3", {3,6,1,1,2}, EL::EL3, EL::EL3, RW, G::None, ~0x8010'0500ULL, 0, 0, true),
    // ZCR_ELx: LEN[3:0]; [8:4] RAZ/WI; [63:9] RES0 (R4).
    reg(R::ZCR_EL1, "ZCR_EL1", {3,0,1,2,0}, EL::EL1, EL::EL0, RW, G::Zcr, ~0x1FFULL, 0, 0, true, R::ZCR_EL2, 0x1F0),
    reg(R::ZCR_EL2, "ZCR_EL2", {3,4,1,2,0}, EL::EL2, EL::EL2, RW, G::Zcr, ~0x1FFULL, 0, 0, true, std::nullopt, 0x1F0),
    reg(R::ZCR_EL3, "ZCR_EL3", {3,6,1,2,0}, EL::EL3, EL::EL3, RW, G::Zcr, ~0x1FFULL, 0, 0, true, std::nullopt, 0x1F0),
    reg(R::TPIDR_EL0, "TPIDR_EL0", {3,3,13,0,2}, EL::EL0, EL::EL0, RW, G::None, kNone, 0, 0, true),
    reg(R::TPIDRRO_EL0, "TPIDRRO_EL0", {3,3,13,0,3}, EL::EL0, EL::EL0, RW, G::El0ReadOnly, kNone, 0, 0, true),
    reg(R::TPIDR_EL1, "TPIDR_EL1", {3,0,13,0,4}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true),
    reg(R::TPIDR_EL2, "TPIDR_EL2", {3,4,13,0,2}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::TPIDR_EL3, "TPIDR_EL3", {3,6,13,0,2}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, true),
    reg(R::CONTEXTIDR_EL1, "CONTEXTIDR_EL1", {3,0,13,0,1}, EL::EL1, EL::EL1, RW, G::None, kHigh32, 0, 0, true, R::CONTEXTIDR_EL2),
    reg(R::CONTEXTIDR_EL2, "CONTEXTIDR_EL2", {3,4,13,0,1}, EL::EL2, EL::EL2, RW, G::None, kHigh32, 0, 0, true),
    reg(R::MIDR_EL1, "MIDR_EL1", {3,0,0,0,0}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false),
    reg(R::MPIDR_EL1, "MPIDR_EL1", {3,0,0,0,5}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false),
    reg(R::ID_AA64PFR0_EL1, "ID_AA64PFR0_EL1", {3,0,0,4,0}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false),
    reg(R::ID_AA64ZFR0_EL1, "ID_AA64ZFR0_EL1", {3,0,0,4,4}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false),
    reg(R::ID_AA64MMFR0_EL1, "ID_AA64MMFR0_EL1", {3,0,0,7,0}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0, false),
    reg(R::ID_AA64MMFR1_EL1, "ID_AA64MMFR1_EL1", {3,0,0,7,1}, EL::EL1, EL::EL0, RO, G::None, kNone, 0, 0x100, false),
    reg(R::CNTFRQ_EL0, "CNTFRQ_EL0", {3,3,14,0,0}, EL::EL0, EL::EL0, RW, G::CntfrqWrite, kHigh32, 0, 62'500'000, true),
    reg(R::CNTVCT_EL0, "CNTVCT_EL0", {3,3,14,0,2}, EL::EL0, EL::EL0, RO, G::None, kNone, 0, 0, false),
    // FPCR: AHP, DN, FZ, RMode, FZ16; trap enables RAZ/WI (no trapped FP exceptions).
    reg(R::FPCR, "FPCR", {3,3,4,4,0}, EL::EL0, EL::EL0, RW, G::Fp, ~0x07C8'9F00ULL, 0, 0, true, std::nullopt, 0x9F00),
    // FPSR: QC and the cumulative flags.
    reg(R::FPSR, "FPSR", {3,3,4,4,1}, EL::EL0, EL::EL0, RW, G::Fp, ~0x0800'009FULL, 0, 0, true),
    alias12(R::ZCR_EL12, "ZCR_EL12", {3,5,1,2,0}, R::ZCR_EL1),
    alias12(R::CPACR_EL12, "CPACR_EL12", {3,5,1,0,2}, R::CPACR_EL1),
    alias12(R::ELR_EL12, "ELR_EL12", {3,5,4,0,1}, R::ELR_EL1),
    alias12(R::SPSR_EL12, "SPSR_EL12", {3,5,4,0,0}, R::SPSR_EL1),
    alias12(R::ESR_EL12, "ESR_EL12", {3,5,5,2,0}, R::ESR_EL1),
    alias12(R::FAR_EL12, "FAR_EL12", {3,5,6,0,0}, R::FAR_EL1),
    alias12(R::VBAR_EL12, "VBAR_EL12", {3,5,12,0,0}, R::VBAR_EL1),
    alias12(R::SCTLR_EL12, "SCTLR_EL12", {3,5,1,0,0}, R::SCTLR_EL1),
    alias12(R::CONTEXTIDR_EL12, "CONTEXTIDR_EL12", {3,5,13,0,1}, R::CONTEXTIDR_EL1),
    // Translation (mmuwire). TTBRn: ASID[63:48], BADDR[47:1]; CnP (bit 0) RES0 without
    // FEAT_TTCNP. TCR_EL1 (and TCR_EL2 with E2H=1): the ARMv8.2 fields with HPD0/1 and the SVE
    // NFD0/1; HA/HD (no FEAT_HAFDBS), HWU, TBID RES0. TCR_EL2 keeps the EL1 layout's bits for
    // both E2H values (the E2H=0 layout's fields are a subset; its RES1 bits 23 and 31 are not
    // added on read). TCR_EL3: the EL2 (E2H=0) layout, bits 31 and 23 RES1. AMAIR_ELx: no
    // IMPLEMENTATION DEFINED attributes, RAZ/WI (as QEMU). HPFAR_EL2: FIPA[39:4] (48-bit PA).
    reg(R::TTBR0_EL1, "TTBR0_EL1", {3,0,2,0,0}, EL::EL1, EL::EL0, RW, G::None, 1, 0, 0, true, R::TTBR0_EL2),
    reg(R::TTBR1_EL1, "TTBR1_EL1", {3,0,2,0,1}, EL::EL1, EL::EL0, RW, G::None, 1, 0, 0, true, R::TTBR1_EL2),
    reg(R::TCR_EL1, "TCR_EL1", {3,0,2,0,2}, EL::EL1, EL::EL0, RW, G::None, kTcr1Res0, 0, 0, true, R::TCR_EL2),
    reg(R::MAIR_EL1, "MAIR_EL1", {3,0,10,2,0}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true, R::MAIR_EL2),
    reg(R::AMAIR_EL1, "AMAIR_EL1", {3,0,10,3,0}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, false, R::AMAIR_EL2, ~kNone),
    reg(R::PAR_EL1, "PAR_EL1", {3,0,7,4,0}, EL::EL1, EL::EL0, RW, G::None, kNone, 0, 0, true),
    reg(R::TTBR0_EL2, "TTBR0_EL2", {3,4,2,0,0}, EL::EL2, EL::EL2, RW, G::None, 1, 0, 0, true),
    reg(R::TTBR1_EL2, "TTBR1_EL2", {3,4,2,0,1}, EL::EL2, EL::EL2, RW, G::None, 1, 0, 0, true),
    reg(R::TCR_EL2, "TCR_EL2", {3,4,2,0,2}, EL::EL2, EL::EL2, RW, G::None, kTcr1Res0, 0, 0, true),
    reg(R::MAIR_EL2, "MAIR_EL2", {3,4,10,2,0}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, true),
    reg(R::AMAIR_EL2, "AMAIR_EL2", {3,4,10,3,0}, EL::EL2, EL::EL2, RW, G::None, kNone, 0, 0, false, std::nullopt, ~kNone),
    reg(R::HPFAR_EL2, "HPFAR_EL2", {3,4,6,0,4}, EL::EL2, EL::EL2, RW, G::None, ~0xFF'FFFF'FFF0ULL, 0, 0, true),
    reg(R::TTBR0_EL3, "TTBR0_EL3", {3,6,2,0,0}, EL::EL3, EL::EL3, RW, G::None, 1, 0, 0, true),
    reg(R::TCR_EL3, "TCR_EL3", {3,6,2,0,2}, EL::EL3, EL::EL3, RW, G::None, kTcr3Res0, kTcr3Res1, kTcr3Res1, true),
    reg(R::MAIR_EL3, "MAIR_EL3", {3,6,10,2,0}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, true),
    reg(R::AMAIR_EL3, "AMAIR_EL3", {3,6,10,3,0}, EL::EL3, EL::EL3, RW, G::None, kNone, 0, 0, false, std::nullopt, ~kNone),
    alias12(R::TTBR0_EL12, "TTBR0_EL12", {3,5,2,0,0}, R::TTBR0_EL1),
    alias12(R::TTBR1_EL12, "TTBR1_EL12", {3,5,2,0,1}, R::TTBR1_EL1),
    alias12(R::TCR_EL12, "TCR_EL12", {3,5,2,0,2}, R::TCR_EL1),
    alias12(R::MAIR_EL12, "MAIR_EL12", {3,5,10,2,0}, R::MAIR_EL1),
    alias12(R::AMAIR_EL12, "AMAIR_EL12", {3,5,10,3,0}, R::AMAIR_EL1),
    // end Translation (mmuwire)
}};
// clang-format on

constexpr bool tableInOrder() {
    for (std::size_t i = 0; i < kTable.size(); ++i)
        if (static_cast<std::size_t>(kTable[i].id) != i) return false;
    return true;
}
static_assert(tableInOrder(), "kTable must list the registers in SysReg order");

constexpr bool encodingsUnique() {
    for (std::size_t i = 0; i < kTable.size(); ++i)
        for (std::size_t j = i + 1; j < kTable.size(); ++j)
            if (kTable[i].enc == kTable[j].enc) return false;
    return true;
}
static_assert(encodingsUnique(), "two registers share an encoding");

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::toupper(static_cast<unsigned char>(x)) ==
                      std::toupper(static_cast<unsigned char>(y));
           });
}

} // namespace

std::span<const SysRegInfo> sysRegTable() {
    return kTable;
}

const SysRegInfo& sysRegInfo(SysReg r) {
    return kTable[static_cast<std::size_t>(r)];
}

std::optional<SysReg> sysRegByEncoding(SysRegEncoding enc) {
    for (const auto& info : kTable)
        if (info.enc == enc) return info.id;
    return std::nullopt;
}

std::optional<SysReg> sysRegByName(std::string_view nm) {
    for (const auto& info : kTable)
        if (equalsIgnoreCase(info.name, nm)) return info.id;
    return std::nullopt;
}

} // namespace svesim
