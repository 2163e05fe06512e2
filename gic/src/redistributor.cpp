// The redistributors' memory-mapped frames, GICR_* (IHI 0069 §12.10, §12.11): per PE an RD_base
// frame (CTLR, IIDR, TYPER, WAKER) and an SGI_base frame 64 KiB above it (the SGI/PPI banks).
// LPIs are not implemented (GICR_TYPER.PLPIS = 0, GICR_CTLR.EnableLPIs RAZ/WI).
#include "register_banks.h"
#include "svesim/gic/gic.h"

namespace svesim::gic {
namespace {

constexpr std::uint64_t kFrame = 0x10000;
constexpr std::uint64_t kCtlr = 0x0000, kIidr = 0x0004, kTyper = 0x0008, kWaker = 0x0014;
constexpr std::uint32_t kProcessorSleep = 1U << 1, kChildrenAsleep = 1U << 2;

} // namespace

bool Gic::redistributorRead(std::uint64_t off, unsigned size, bool secure, std::uint64_t& v) {
    v = 0;
    if (off >= redistributorRegionSize() ||
        off % kRedistributorStride + size > kRedistributorStride)
        return false;
    const unsigned cpu = static_cast<unsigned>(off / kRedistributorStride);
    const std::uint64_t local = off % kRedistributorStride;
    if (local >= kFrame) { // SGI_base
        if (bankRegion(local - kFrame)) v = readBank(cpu, local - kFrame, 0, size, secure);
        return true;
    }
    if (local == kTyper || local == kTyper + 4) {
        // PLPIS [0] = 0, Last [4], Processor_Number [23:8], Affinity_Value [63:32] (§12.10.33).
        const std::uint64_t typer = (cpu + 1 == cfg_.cpus ? 1ULL << 4 : 0) |
                                    (std::uint64_t{cpu} << 8) |
                                    (std::uint64_t{affinity_[cpu]} << 32);
        v = size == 8 ? typer : (typer >> ((local & 4) * 8)) & 0xFFFF'FFFF;
        return true;
    }
    if (size != 4) return true;
    switch (local) {
    case kCtlr: v = 0; break;
    case kIidr: v = 0; break;
    case kWaker:
        // §12.10.39: ProcessorSleep, ChildrenAsleep follows it at once; Secure-only when DS = 0.
        if (secure || ds_)
            v = redist_[cpu].processor_sleep ? (kProcessorSleep | kChildrenAsleep) : 0;
        break;
    default:
        if (const std::optional<std::uint32_t> id = gicIdRegister(local)) v = *id;
        break;
    }
    return true;
}

bool Gic::redistributorWrite(std::uint64_t off, unsigned size, bool secure, std::uint64_t v) {
    if (off >= redistributorRegionSize() ||
        off % kRedistributorStride + size > kRedistributorStride)
        return false;
    const unsigned cpu = static_cast<unsigned>(off / kRedistributorStride);
    const std::uint64_t local = off % kRedistributorStride;
    if (local >= kFrame) {
        if (bankRegion(local - kFrame)) writeBank(cpu, local - kFrame, 0, size, secure, v);
        return true;
    }
    if (size == 4 && local == kWaker && (secure || ds_)) {
        redist_[cpu].processor_sleep = (v & kProcessorSleep) != 0;
        update();
    }
    return true;
}

} // namespace svesim::gic
