// The data-side memory interface the instruction semantics use: a direct (DMI) window for RAM
// with a virtual fallback for everything else.
#pragma once

#include <cstdint>
#include <cstring>
#include <utility>

namespace svesim::isa {

// The slow path: implemented by the processor's owner (a TLM socket, a test's flat memory).
class MemoryBackend {
public:
    virtual ~MemoryBackend() = default;
    // Returns false when nothing answers at that address (a synchronous external abort).
    virtual bool read(std::uint64_t addr, void* dst, unsigned size) = 0;
    virtual bool write(std::uint64_t addr, const void* src, unsigned size) = 0;
    // Extra cycles the accesses since the last call cost beyond the instructions' class costs
    // (TLM latency); the processor collects them after every instruction.
    virtual std::uint64_t takeExtraCycles() { return 0; }
};

class MemoryBus {
public:
    explicit MemoryBus(MemoryBackend& backend)
        : backend_(&backend) {}

    // A host pointer for [start, end): reads and writes there bypass the backend.
    void setDirectWindow(std::uint8_t* host, std::uint64_t start, std::uint64_t end) {
        host_ = host;
        start_ = start;
        end_ = end;
    }
    void clearDirectWindow() {
        host_ = nullptr;
        start_ = end_ = 0;
    }
    [[nodiscard]] bool direct(std::uint64_t addr, unsigned size) const {
        return host_ != nullptr && addr >= start_ && addr - start_ + size <= end_ - start_ &&
               addr + size >= addr;
    }

    // The host address of [addr, addr + size) in the direct window, or nullptr.
    [[nodiscard]] std::uint8_t* hostPointer(std::uint64_t addr, unsigned size) const {
        return direct(addr, size) ? host_ + (addr - start_) : nullptr;
    }
    bool read(std::uint64_t addr, void* dst, unsigned size) {
        if (direct(addr, size)) {
            std::memcpy(dst, host_ + (addr - start_), size);
            return true;
        }
        backend_used_ = true;
        return backend_->read(addr, dst, size);
    }
    bool write(std::uint64_t addr, const void* src, unsigned size) {
        if (direct(addr, size)) {
            std::memcpy(host_ + (addr - start_), src, size);
            return true;
        }
        backend_used_ = true;
        return backend_->write(addr, src, size);
    }
    [[nodiscard]] MemoryBackend& backend() {
        backend_used_ = true;
        return *backend_;
    }
    // The backend's extra cycles (MemoryBackend::takeExtraCycles), asked only when the backend
    // may have been used since the last call: the direct window costs none, and the processor
    // collects them after every instruction.
    std::uint64_t takeExtraCycles() {
        return std::exchange(backend_used_, false) ? backend_->takeExtraCycles() : 0;
    }
    // Whether the backend may have been used since the last takeExtraCycles.
    [[nodiscard]] bool backendUsed() const { return backend_used_; }
    // Someone else may have used the backend (the processor says so before each run).
    void noteBackendUsed() { backend_used_ = true; }

private:
    MemoryBackend* backend_;
    std::uint8_t* host_ = nullptr;
    std::uint64_t start_ = 0;
    std::uint64_t end_ = 0;
    bool backend_used_ = true;
};

} // namespace svesim::isa
