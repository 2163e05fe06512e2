// The global exclusive monitor and event network the PEs of one platform share (ARM-M B2.9
// "Synchronization and semaphores"; SAIL AArch64_MarkExclusiveGlobal, IsExclusiveGlobal,
// ClearExclusiveByAddress, SendEvent). LDXR marks its granule for that PE; a store by another PE
// that touches a marked granule clears that PE's mark and sends it a WFE wake-up event; STXR
// passes only while its PE's local and global marks both hold. SEV sends every other PE an
// event. The granule (the ERG) is IMPLEMENTATION DEFINED between 16 and 2048 bytes: 64 here.
// Writes that do not come from a PE (DMA, the debugger) do not clear marks.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

namespace svesim::isa {

class ExecContext;

class GlobalMonitor {
public:
    static constexpr std::uint64_t kGranule = 64;

    // A PE joins; `on_event` runs when another PE sends it an event. Returns its index.
    unsigned attach(std::function<void()> on_event);

    void MarkExclusiveGlobal(unsigned pe, std::uint64_t address);
    [[nodiscard]] bool IsExclusiveGlobal(unsigned pe, std::uint64_t address) const;
    void ClearExclusiveGlobal(unsigned pe);
    // A store by `pe` to [address, address + size): other PEs' marks on those granules go.
    void ClearExclusiveByAddress(unsigned pe, std::uint64_t address, std::uint64_t size);
    // SEV: an event to every PE but `pe`.
    void SendEvent(unsigned pe);
    // Cheap test for the store path: whether any PE holds a mark.
    [[nodiscard]] bool anyMarked() const { return marked_ != 0; }
    // The PEs' execution contexts, for broadcast (Inner Shareable) TLB maintenance.
    [[nodiscard]] std::vector<ExecContext*>& contexts() { return contexts_; }

private:
    struct Pe {
        bool open = false;
        std::uint64_t granule = 0;
        std::function<void()> on_event;
    };
    std::vector<Pe> pes_;
    unsigned marked_ = 0;
    std::vector<ExecContext*> contexts_;
};

} // namespace svesim::isa
