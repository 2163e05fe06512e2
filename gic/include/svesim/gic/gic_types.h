// Value types shared by the GICv3 model (IHI 0069 = the GICv3/v4 architecture specification).
#pragma once

#include <cstdint>
#include <string_view>

namespace svesim::gic {

// An interrupt identifier (IHI 0069 §2.2): 0-15 SGIs, 16-31 PPIs, 32-1019 SPIs, 1020-1023
// special. LPIs (8192+) are not implemented.
using IntId = std::uint32_t;
inline constexpr IntId kFirstPpi = 16, kFirstSpi = 32, kMaxSpiLimit = 1020;
// Special INTIDs (§2.2.1): 1020/1021 are returned by ICC_IAR0/HPPIR0 at EL3 for a pending
// Group 1 Secure/Non-secure interrupt, 1022 never here (legacy), 1023 = no pending interrupt.
inline constexpr IntId kIntIdSecureG1 = 1020, kIntIdNonSecureG1 = 1021, kIntIdSpurious = 1023;
// PPIs the architecture (and Linux's device trees for QEMU virt) assigns (Arm BSA / ARM-M
// D11.2.4): the GIC maintenance interrupt and the generic timers.
inline constexpr IntId kPpiMaintenance = 25, kPpiHypVirtTimer = 28, kPpiVirtTimer = 27,
                       kPpiHypPhysTimer = 26, kPpiPhysTimer = 30, kPpiSecurePhysTimer = 29;

// The interrupt group of an INTID (GICD_IGROUPR + GICD_IGRPMODR, IHI 0069 §3.5): with a single
// Security state (GICD_CTLR.DS = 1) there are only G0 and G1, which is reported as G1NS.
enum class Group : std::uint8_t { G0, G1S, G1NS };
std::string_view name(Group g);

// The four outputs a CPU interface drives into its PE (IHI 0069 §4.1: nIRQ, nFIQ, nVIRQ, nVFIQ).
enum class Line : std::uint8_t { Irq, Fiq, VIrq, VFiq };
inline constexpr unsigned kLineCount = 4;
std::string_view name(Line l);

} // namespace svesim::gic
