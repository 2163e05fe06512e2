#include "svesim/model/decode_cache.h"

#include <algorithm>

namespace svesim::model {

DecodeCache::Page* DecodeCache::page(std::uint64_t tag, bool create) {
    if (tag == last_tag_) return last_page_;
    auto it = pages_.find(tag);
    if (it == pages_.end()) {
        if (!create) return nullptr;
        it = pages_.emplace(tag, std::make_unique<Page>()).first;
        low_ = std::min(low_, tag << kPageBits);
        high_ = std::max(high_, (tag + 1) << kPageBits);
    }
    last_tag_ = tag;
    last_page_ = it->second.get();
    return last_page_;
}

DecodedInsn& DecodeCache::insert(std::uint64_t pc, std::uint32_t raw) {
    Page* p = page(pc >> kPageBits, true);
    const unsigned slot = static_cast<unsigned>((pc & (kPageSize - 1)) >> 2);
    DecodedInsn& d = p->insns[slot];
    d = DecodedInsn{};
    d.raw = raw;
    d.def = isa::decode(raw);
    if (d.def != nullptr && d.def->fast != nullptr) d.fast = d.def->fast(raw, d.ops);
    p->valid.set(slot);
    return p->insns[slot];
}

void DecodeCache::invalidate(std::uint64_t addr, std::uint64_t size) {
    if (size == 0) return;
    const std::uint64_t first = addr >> kPageBits, last = (addr + size - 1) >> kPageBits;
    for (std::uint64_t tag = first; tag <= last; ++tag)
        pages_.erase(tag);
    last_tag_ = ~std::uint64_t{0};
    last_page_ = nullptr;
    if (pages_.empty()) {
        low_ = ~std::uint64_t{0};
        high_ = 0;
    }
}

void DecodeCache::clear() {
    pages_.clear();
    last_tag_ = ~std::uint64_t{0};
    last_page_ = nullptr;
    low_ = ~std::uint64_t{0};
    high_ = 0;
}

} // namespace svesim::model
