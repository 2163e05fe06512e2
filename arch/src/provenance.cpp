#include "svesim/arch/provenance.h"

#include <algorithm>
#include <cassert>
#include <cstring>
#include <fmt/core.h>

namespace svesim {

std::string_view name(OriginKind k) {
    switch (k) {
    case OriginKind::Zero: return "zero";
    case OriginKind::Guest: return "guest";
    case OriginKind::HostTask: return "host-task";
    case OriginKind::HostKernel: return "host-kernel";
    case OriginKind::Hypervisor: return "hypervisor";
    case OriginKind::Firmware: return "firmware";
    }
    return "?";
}

std::string name(const Origin& o) {
    switch (o.kind) {
    case OriginKind::Guest: return fmt::format("guest{}", o.id);
    case OriginKind::HostTask:
        // Bit 63: an identity by ASID rather than CONTEXTIDR (scenarios' kAsidOrigin).
        if (o.id >> 63) return fmt::format("host-asid{}", o.id & ~(std::uint64_t{1} << 63));
        return o.id == 0 ? std::string("host-task") : fmt::format("host-task{}", o.id);
    default: return std::string(name(o.kind));
    }
}

std::string_view name(ImplClass c) {
    switch (c) {
    case ImplClass::Preserve: return "preserve";
    case ImplClass::Zero: return "zero";
    case ImplClass::Qemu: return "qemu";
    }
    return "?";
}

namespace {
constexpr Tag makeTag(TagClass c, std::uint32_t index) {
    return (static_cast<Tag>(c) << 30) | (index & 0x3FFFFFFFU);
}
} // namespace

TagTable::TagTable() {
    origins_.push_back(Origin{}); // index 0: ZERO
}

Tag TagTable::single(const Origin& o) {
    if (o.kind == OriginKind::Zero) return kZeroTag;
    for (std::size_t i = 0; i < origins_.size(); ++i)
        if (origins_[i] == o) return makeTag(TagClass::Single, static_cast<std::uint32_t>(i));
    origins_.push_back(o);
    return makeTag(TagClass::Single, static_cast<std::uint32_t>(origins_.size() - 1));
}

void TagTable::addOrigins(Tag t, std::vector<Tag>& singles, bool& unknown) const {
    switch (tagClass(t)) {
    case TagClass::Single:
        if (t != kZeroTag) singles.push_back(t);
        break;
    case TagClass::Mixed: {
        const MixedSet& s = sets_[index(t)];
        singles.insert(singles.end(), s.singles.begin(), s.singles.end());
        unknown = unknown || s.unknown;
        break;
    }
    case TagClass::Unknown: {
        unknown = true;
        const ChoiceRecord& r = choice(t);
        addOrigins(r.preserved_tags[t & 0xFFU], singles, unknown);
        break;
    }
    }
}

Tag TagTable::joinSlow(Tag a, Tag b) {
    const std::uint64_t key = (std::uint64_t{std::min(a, b)} << 32) | std::max(a, b);
    if (const auto it = pair_cache_.find(key); it != pair_cache_.end()) return it->second;
    MixedSet set;
    addOrigins(a, set.singles, set.unknown);
    addOrigins(b, set.singles, set.unknown);
    std::sort(set.singles.begin(), set.singles.end());
    set.singles.erase(std::unique(set.singles.begin(), set.singles.end()), set.singles.end());
    Tag out = kZeroTag;
    if (!set.unknown && set.singles.size() <= 1) {
        out = set.singles.empty() ? kZeroTag : set.singles.front();
    } else {
        const auto same = [&](const MixedSet& s) {
            return s.unknown == set.unknown && s.singles == set.singles;
        };
        const auto it = std::find_if(sets_.begin(), sets_.end(), same);
        if (it != sets_.end()) {
            out = makeTag(TagClass::Mixed, static_cast<std::uint32_t>(it - sets_.begin()));
        } else {
            sets_.push_back(std::move(set));
            out = makeTag(TagClass::Mixed, static_cast<std::uint32_t>(sets_.size() - 1));
        }
    }
    pair_cache_.emplace(key, out);
    return out;
}

Tag TagTable::recordChoice(ChoiceRecord r) {
    assert(r.preserved_values.size() == r.preserved_tags.size());
    assert(r.preserved_values.size() <= 256);
    choices_.push_back(std::move(r));
    return makeTag(TagClass::Unknown, static_cast<std::uint32_t>(choices_.size() - 1) << 8);
}

std::vector<Origin> TagTable::origins(Tag t) const {
    std::vector<Tag> singles;
    bool unknown = false;
    addOrigins(t, singles, unknown);
    std::sort(singles.begin(), singles.end());
    singles.erase(std::unique(singles.begin(), singles.end()), singles.end());
    std::vector<Origin> out;
    for (Tag s : singles)
        out.push_back(origin(s));
    return out;
}

TagTable::Resolved TagTable::resolve(std::uint8_t value, Tag tag, ImplClass c) const {
    if (tagClass(tag) != TagClass::Unknown) return {value, tag};
    // Each choice either zeroed the byte or left what it held before, which may itself be the
    // result of an earlier choice. What an UNKNOWN tag resolves to depends only on the tag and
    // the class, and choice records never change: every tag met on the way is remembered with
    // the result, so chains that grow with every choice on the same bytes are walked once.
    const auto key = [c](Tag t) { return (std::uint64_t{t} << 2) | static_cast<unsigned>(c); };
    resolve_path_.clear();
    Resolved out{value, tag};
    while (tagClass(out.tag) == TagClass::Unknown) {
        if (const auto it = resolved_.find(key(out.tag)); it != resolved_.end()) {
            out = it->second;
            break;
        }
        resolve_path_.push_back(out.tag);
        const ChoiceRecord& r = choice(out.tag);
        if (zeroesAt(c, r.site)) {
            out = {0, kZeroTag};
            break;
        }
        const unsigned k = out.tag & 0xFFU;
        out = {r.preserved_values[k], r.preserved_tags[k]};
    }
    for (const Tag t : resolve_path_)
        resolved_.emplace(key(t), out);
    return out;
}

TagTable::Resolved TagTable::resolveActual(std::uint8_t value, Tag tag) const {
    while (tagClass(tag) == TagClass::Unknown) {
        const ChoiceRecord& r = choice(tag);
        if (r.zeroed) return {0, kZeroTag};
        const unsigned k = tag & 0xFFU;
        if (r.preserved_values[k] != value) break; // changed since: no longer the choice's
        tag = r.preserved_tags[k];
    }
    return {value, tag};
}

std::string TagTable::describe(Tag t) const {
    switch (tagClass(t)) {
    case TagClass::Single: return name(origin(t));
    case TagClass::Unknown: {
        const ChoiceRecord& r = choice(t);
        return fmt::format("UNKNOWN from {}: an implementation that preserves holds {}, one that "
                           "zeroes {}, QEMU {}",
                           r.where, describe(resolve(0, t, ImplClass::Preserve).tag),
                           describe(resolve(0, t, ImplClass::Zero).tag),
                           describe(resolve(0, t, ImplClass::Qemu).tag));
    }
    case TagClass::Mixed: {
        std::string out = "MIXED{";
        const MixedSet& s = sets_[index(t)];
        for (std::size_t i = 0; i < s.singles.size(); ++i) {
            if (i != 0) out.push_back(',');
            out.append(name(origin(s.singles[i])));
        }
        out.append(s.unknown ? ",unknown}" : "}");
        return out;
    }
    }
    return "?";
}

// ---- MemoryTags ------------------------------------------------------------------------------

Tag MemoryTags::at(std::uint64_t addr) const {
    const auto it = pages_.find(addr >> kPageBits);
    return it == pages_.end() ? kZeroTag : (*it->second)[addr & ((1U << kPageBits) - 1)];
}

void MemoryTags::read(std::uint64_t addr, std::span<Tag> out) const {
    std::size_t done = 0;
    while (done < out.size()) {
        const std::uint64_t a = addr + done;
        const std::size_t off = a & ((1U << kPageBits) - 1);
        const std::size_t n = std::min(out.size() - done, (std::size_t{1} << kPageBits) - off);
        const auto it = pages_.find(a >> kPageBits);
        if (it == pages_.end())
            std::fill_n(out.begin() + static_cast<std::ptrdiff_t>(done), n, kZeroTag);
        else
            std::copy_n(it->second->begin() + static_cast<std::ptrdiff_t>(off), n,
                        out.begin() + static_cast<std::ptrdiff_t>(done));
        done += n;
    }
}

void MemoryTags::write(std::uint64_t addr, std::span<const Tag> tags) {
    std::size_t done = 0;
    while (done < tags.size()) {
        const std::uint64_t a = addr + done;
        const std::size_t off = a & ((1U << kPageBits) - 1);
        const std::size_t n = std::min(tags.size() - done, (std::size_t{1} << kPageBits) - off);
        const auto chunk = tags.subspan(done, n);
        auto it = pages_.find(a >> kPageBits);
        if (it == pages_.end()) {
            // Untagged memory is ZERO: storing only ZERO tags needs no page.
            if (std::all_of(chunk.begin(), chunk.end(), [](Tag t) { return t == kZeroTag; })) {
                done += n;
                continue;
            }
            auto page = std::make_unique<Page>();
            page->fill(kZeroTag);
            it = pages_.emplace(a >> kPageBits, std::move(page)).first;
        }
        std::copy(chunk.begin(), chunk.end(),
                  it->second->begin() + static_cast<std::ptrdiff_t>(off));
        done += n;
    }
}

void MemoryTags::fill(std::uint64_t addr, std::uint64_t size, Tag t) {
    std::array<Tag, 256> buf;
    buf.fill(t);
    while (size > 0) {
        const std::size_t n = static_cast<std::size_t>(std::min<std::uint64_t>(size, buf.size()));
        write(addr, std::span<const Tag>(buf.data(), n));
        addr += n;
        size -= n;
    }
}

// ---- Provenance ------------------------------------------------------------------------------

Provenance::Provenance(Classifier classify, const CpuState& cpu)
    : classify_(std::move(classify))
    , cpu_(&cpu) {}

void Provenance::noteWrite(unsigned reg, unsigned bytes) {
    written_[reg] = RegRecord{true, cpu_->pc, cpu_->pstate.el, bytes, ctx_tag_};
}

void Provenance::parked(SysReg r, std::uint64_t value, Tag t) {
    parked_[static_cast<std::size_t>(r)] = Parked{true, value, t};
}

std::optional<Tag> Provenance::parkedTag(SysReg r, std::uint64_t value) const {
    const Parked& p = parked_[static_cast<std::size_t>(r)];
    if (!p.valid || p.value != value) return std::nullopt;
    return p.tag;
}

void Provenance::contextChanged(const CpuState& s) {
    ctx_ = classify_ ? classify_(s) : Origin{};
    ctx_tag_ = table.single(ctx_);
    in_world_ = isWorld(ctx_);
}

void Provenance::beginInstruction() {
    scalar_reads_.clear();
    vector_reads_.clear();
    loads_.clear();
    read_tags_.clear();
    load_tags_.clear();
    reads_join_ = loads_join_ = kZeroTag;
    any_read_ = any_load_ = scalar_unknown_ = false;
}

bool Provenance::hasUnknown(Tag t) const {
    return tagClass(t) == TagClass::Unknown ||
           (tagClass(t) == TagClass::Mixed && table.mixedHasUnknown(t));
}

void Provenance::readScalar(std::uint64_t value, Tag t) {
    scalar_reads_.push_back({value, t});
    reads_join_ = table.join(reads_join_, t);
    any_read_ = true;
    scalar_unknown_ = scalar_unknown_ || hasUnknown(t);
}

void Provenance::readVector(const std::uint8_t* storage, std::size_t n, const Tag* tags,
                            unsigned reg) {
    vector_reads_.push_back({storage, n, read_tags_.size(), reg});
    read_tags_.insert(read_tags_.end(), tags, tags + n);
    Tag j = reads_join_;
    Tag last = ~Tag{0};
    for (std::size_t i = 0; i < n; ++i)
        if (tags[i] != last) {
            last = tags[i];
            j = table.join(j, last);
        }
    reads_join_ = j;
    any_read_ = true;
}

void Provenance::loaded(const void* dst, std::size_t n, const Tag* tags) {
    const auto* p = static_cast<const std::uint8_t*>(dst);
    Span span{p, n, load_tags_.size(), kVectorRegs};
    if (n <= 8) std::memcpy(&span.value, p, n);
    loads_.push_back(span);
    if (in_world_) {
        // A world's own loads bring its own data (its memory is its own): constants' rule.
        for (std::size_t i = 0; i < n; ++i)
            load_tags_.push_back(constantTag(p[i]));
    } else {
        load_tags_.insert(load_tags_.end(), tags, tags + n);
    }
    Tag j = loads_join_;
    Tag last = ~Tag{0};
    for (std::size_t i = load_tags_.size() - n; i < load_tags_.size(); ++i)
        if (load_tags_[i] != last) {
            last = load_tags_[i];
            j = table.join(j, last);
        }
    loads_join_ = j;
    any_load_ = true;
}

Tag Provenance::sourcesTag() {
    return any_load_ ? table.join(loads_join_, reads_join_) : reads_join_;
}

Tag Provenance::scalarWriteTag(std::uint64_t value, unsigned size_bytes) {
    last_write_computed_ = false;
    if (any_load_) {
        // The register receives a loaded value (zero- or sign-extended): that load's tags. A
        // pair's second register takes the second load when both hold the same value.
        for (unsigned pass = 0; pass < 2; ++pass) {
            for (Span& l : loads_) {
                if (l.n > 8 || (pass == 0 && l.taken)) continue;
                const std::uint64_t v = l.value;
                const unsigned bits = static_cast<unsigned>(l.n * 8);
                const std::uint64_t sext = bits >= 64 ? v
                                                      : (v ^ (std::uint64_t{1} << (bits - 1))) -
                                                            (std::uint64_t{1} << (bits - 1));
                const std::uint64_t mask = size_bytes >= 8
                                               ? ~std::uint64_t{0}
                                               : (std::uint64_t{1} << (8 * size_bytes)) - 1;
                if ((value & mask) == (v & mask) || (value & mask) == (sext & mask)) {
                    Tag j = kZeroTag;
                    for (std::size_t i = 0; i < l.n; ++i)
                        j = table.join(j, load_tags_[l.first + i]);
                    l.taken = true;
                    return j;
                }
            }
        }
        // Otherwise address arithmetic (base writeback): the register reads.
        if (any_read_) {
            last_write_computed_ = true;
            return reads_join_;
        }
    }
    if (any_read_) {
        // A copy of one scalar source keeps that source's tag (MOV, register moves).
        for (const ScalarRead& r : scalar_reads_)
            if (r.value == value) return r.tag;
        last_write_computed_ = true;
        return reads_join_;
    }
    return value == 0 ? kZeroTag : ctx_tag_;
}

Tag Provenance::scalarSlotWrite(unsigned slot, std::uint64_t old_value, Tag old_tag,
                                std::uint64_t value) {
    Tag t = scalarWriteTag(value);
    auto& held = held_[slot];
    if (last_write_computed_) {
        if (value == old_value) {
            t = old_tag;
        } else {
            for (auto h = held.rbegin(); h != held.rend(); ++h)
                if (h->valid && h->value == value) {
                    t = h->tag;
                    break;
                }
        }
    }
    std::shift_left(held.begin(), held.end(), 1);
    held.back() = Held{true, old_value, old_tag};
    return t;
}

void Provenance::vectorWriteTags(const std::uint8_t* src, std::size_t n, Tag* out) {
    // The whole value straight from one load or one register read: a block copy.
    for (const auto* spans : {&loads_, &vector_reads_}) {
        const std::vector<Tag>& tags = spans == &loads_ ? load_tags_ : read_tags_;
        for (const Span& l : *spans)
            if (src >= l.ptr && src + n <= l.ptr + l.n) {
                std::copy_n(tags.begin() + static_cast<std::ptrdiff_t>(l.first + (src - l.ptr)), n,
                            out);
                return;
            }
    }
    const Tag fallback = any_load_ ? loads_join_ : reads_join_;
    for (std::size_t i = 0; i < n; ++i) {
        const std::uint8_t* b = src + i;
        Tag t = kZeroTag;
        bool found = false;
        for (const Span& l : loads_)
            if (b >= l.ptr && b < l.ptr + l.n) {
                t = load_tags_[l.first + static_cast<std::size_t>(b - l.ptr)];
                found = true;
                break;
            }
        if (!found)
            for (const Span& r : vector_reads_)
                if (b >= r.ptr && b < r.ptr + r.n) {
                    t = read_tags_[r.first + static_cast<std::size_t>(b - r.ptr)];
                    found = true;
                    break;
                }
        if (!found) t = (any_load_ || any_read_) ? fallback : constantTag(*b);
        out[i] = t;
    }
}

void Provenance::storeTags(const void* src, std::size_t n, Tag* out) {
    const auto* p = static_cast<const std::uint8_t*>(src);
    // Straight from a register read (pointer into register storage) or a copy of one.
    for (const Span& r : vector_reads_) {
        if (p >= r.ptr && p + n <= r.ptr + r.n) {
            std::copy_n(read_tags_.begin() + static_cast<std::ptrdiff_t>(r.first + (p - r.ptr)), n,
                        out);
            if (r.reg < kVectorRegs)
                saved_[r.reg] = RegRecord{true, cpu_->pc, cpu_->pstate.el,
                                          static_cast<unsigned>(r.n), ctx_tag_};
            return;
        }
    }
    for (const Span& r : vector_reads_) {
        if (n <= r.n && std::memcmp(p, r.ptr, n) == 0) {
            std::copy_n(read_tags_.begin() + static_cast<std::ptrdiff_t>(r.first), n, out);
            if (r.reg < kVectorRegs)
                saved_[r.reg] = RegRecord{true, cpu_->pc, cpu_->pstate.el,
                                          static_cast<unsigned>(r.n), ctx_tag_};
            return;
        }
    }
    if (n <= 8) {
        std::uint64_t v = 0;
        std::memcpy(&v, p, n);
        const std::uint64_t mask = n >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * n)) - 1;
        for (auto it = scalar_reads_.rbegin(); it != scalar_reads_.rend(); ++it)
            if ((it->value & mask) == v) {
                std::fill_n(out, n, it->tag);
                return;
            }
    }
    if (!any_read_) {
        for (std::size_t i = 0; i < n; ++i)
            out[i] = constantTag(p[i]);
        return;
    }
    std::fill_n(out, n, reads_join_);
}

} // namespace svesim
