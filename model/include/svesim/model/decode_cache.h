// The predecoded-instruction cache: decoded rows per 4 KiB page of code, dropped when the
// page is written.
#pragma once

#include "svesim/isa/fast_exec.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <unordered_map>

namespace svesim::model {

struct DecodedInsn {
    std::uint32_t raw = 0;
    // The cycle cost, computed once per VL (it depends on the VL only for the SVE memory
    // classes); cost_vl is the VL in bits it was computed for, 0 before the first execution.
    std::uint32_t cost = 0;
    const isa::InsnDef* def = nullptr; // nullptr: UNDEFINED
    std::uint32_t cost_vl = 0;
    // The handler specialised for this encoding and its operands (isa/fast_exec.h), or
    // nullptr: the general path only. An empty slot has none.
    isa::FastFn fast = nullptr;
    isa::FastOps ops;
};

class DecodeCache {
public:
    static constexpr unsigned kPageBits = 12;
    static constexpr std::uint64_t kPageSize = std::uint64_t{1} << kPageBits;

    // The cached decode of the word at `pc`, or nullptr if it has not been fetched yet.
    DecodedInsn* find(std::uint64_t pc) {
        const std::uint64_t tag = pc >> kPageBits;
        Page* p = tag == last_tag_ ? last_page_ : page(tag, false);
        const unsigned slot = static_cast<unsigned>((pc & (kPageSize - 1)) >> 2);
        return p && p->valid[slot] ? &p->insns[slot] : nullptr;
    }
    DecodedInsn& insert(std::uint64_t pc, std::uint32_t raw);
    // Drops every page that overlaps [addr, addr + size).
    void invalidate(std::uint64_t addr, std::uint64_t size);
    void clear();
    // Whether the page at physical address `page` holds decoded instructions; how many do.
    [[nodiscard]] bool holds(std::uint64_t page) const {
        return pages_.count(page >> kPageBits) != 0;
    }
    [[nodiscard]] std::size_t pageCount() const { return pages_.size(); }
    // The address range that holds cached pages (for watching stores).
    [[nodiscard]] std::uint64_t low() const { return low_; }
    [[nodiscard]] std::uint64_t high() const { return high_; }

private:
    struct Page {
        std::array<DecodedInsn, kPageSize / 4> insns{};
        std::bitset<kPageSize / 4> valid;
    };
    Page* page(std::uint64_t tag, bool create);

    std::unordered_map<std::uint64_t, std::unique_ptr<Page>> pages_;
    std::uint64_t last_tag_ = ~std::uint64_t{0};
    Page* last_page_ = nullptr;
    std::uint64_t low_ = ~std::uint64_t{0}, high_ = 0;
};

} // namespace svesim::model
