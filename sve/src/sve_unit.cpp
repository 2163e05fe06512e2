#include "svesim/sve/sve_unit.h"

#include "svesim/arch/el_predicates.h"
#include "svesim/arch/enables.h"

#include <algorithm>
#include <cassert>
#include <fmt/core.h>

namespace svesim {

SveUnit::SveUnit(SveConfig cfg, ZeroUpperPolicy policy, EventBus& bus)
    : cfg_(cfg)
    , policy_(policy)
    , bus_(&bus)
    , z_(static_cast<std::size_t>(kNumZ) * cfg.max_vl.bytes())
    , p_(static_cast<std::size_t>(kNumP) * cfg.max_vl.predicateBytes())
    , ffr_(cfg.max_vl.predicateBytes())
    , zero_from_(kNumZ + kNumP + 1, 0) {}

void SveUnit::reset() {
    std::ranges::fill(z_, 0);
    std::ranges::fill(p_, 0);
    std::ranges::fill(ffr_, 0);
    std::ranges::fill(zero_from_, 0);
    std::ranges::fill(z_tags_, kZeroTag);
    std::ranges::fill(p_tags_, kZeroTag);
    std::ranges::fill(ffr_tags_, kZeroTag);
    next_event_ = 0;
}

void SveUnit::attachProvenance(Provenance* p) {
    prov_ = p;
    z_tags_.assign(p ? z_.size() : 0, kZeroTag);
    p_tags_.assign(p ? p_.size() : 0, kZeroTag);
    ffr_tags_.assign(p ? ffr_.size() : 0, kZeroTag);
}

std::span<Tag> SveUnit::tags(RegKind kind, unsigned index) {
    switch (kind) {
    case RegKind::Z:
        return std::span(z_tags_).subspan(std::size_t{index % kNumZ} * zBytes(), zBytes());
    case RegKind::P:
        return std::span(p_tags_).subspan(std::size_t{index % kNumP} * pBytes(), pBytes());
    case RegKind::FFR: return ffr_tags_;
    }
    return {};
}
std::span<const Tag> SveUnit::tags(RegKind kind, unsigned index) const {
    return const_cast<SveUnit*>(this)->tags(kind, index);
}

namespace {
unsigned regId(RegKind kind, unsigned index) {
    switch (kind) {
    case RegKind::Z: return index % SveUnit::kNumZ;
    case RegKind::P: return SveUnit::kNumZ + index % SveUnit::kNumP;
    case RegKind::FFR: return SveUnit::kNumZ + SveUnit::kNumP;
    }
    return 0;
}
} // namespace

void SveUnit::noteRead(RegKind kind, unsigned index, std::span<const std::uint8_t> bytes) const {
    prov_->readVector(bytes.data(), bytes.size(), tags(kind, index).data(), regId(kind, index));
}

void SveUnit::tagWrite(RegKind kind, unsigned index, std::span<const std::uint8_t> value) {
    prov_->vectorWriteTags(value.data(), value.size(), tags(kind, index).data());
    prov_->noteWrite(regId(kind, index), static_cast<unsigned>(value.size()));
}

namespace {
ChoiceSite choiceSiteOf(ZeroUpperSite site) {
    switch (site) {
    case ZeroUpperSite::ZcrNarrow:
    case ZeroUpperSite::ExceptionNarrow:
    case ZeroUpperSite::EretNarrow: return ChoiceSite::QemuNarrow;
    default: return ChoiceSite::ArmArm;
    }
}
} // namespace

void SveUnit::tagChoice(const CpuState& s, ChoiceSite site, ZeroUpperSite where, RegKind kind,
                        unsigned index, unsigned lo, unsigned hi, bool zeroed_now,
                        std::span<const std::uint8_t> before) {
    auto t = tags(kind, index);
    // Bytes that are zero either way, or already the outcome of a choice of the same kind,
    // gain nothing from a new record.
    // Fast paths, each a loop the compiler vectorises: nothing there at all (never written), or
    // the whole run already one record of this site.
    Tag any_tag = 0;
    unsigned any_byte = 0;
    for (unsigned b = lo; b < hi; ++b) {
        any_tag |= t[b];
        any_byte |= before[b];
    }
    if (any_tag == kZeroTag && any_byte == 0) return;
    if (tagClass(t[lo]) == TagClass::Unknown && (t[lo] & 0xFFU) == 0) {
        bool one_record = true;
        for (unsigned b = lo; b < hi; ++b)
            one_record &= t[b] == t[lo] + (b - lo);
        if (one_record && prov_->table.choice(t[lo]).site == site) return;
    }
    bool needed = false;
    std::uint32_t same_record = ~0U; // a record already known to be of this site
    for (unsigned b = lo; b < hi && !needed; ++b) {
        const Tag tb = t[b];
        if (tb == kZeroTag && before[b] == 0) continue;
        if (tagClass(tb) != TagClass::Unknown) {
            needed = true;
            break;
        }
        const std::uint32_t record = (tb & 0x3FFFFFFFU) >> 8;
        if (record == same_record) continue;
        if (prov_->table.choice(tb).site != site) {
            needed = true;
            break;
        }
        same_record = record;
    }
    if (!needed) return;
    ChoiceRecord r{site,
                   zeroed_now,
                   s.pc,
                   fmt::format("{}{} bytes [{}, {}) at PC {:#x} ({}, {}{})",
                               kind == RegKind::FFR ? "FFR" : svesim::name(kind),
                               kind == RegKind::FFR ? std::string() : std::to_string(index), lo, hi,
                               s.pc, svesim::name(where), svesim::name(s.pstate.el),
                               zeroed_now ? ", zeroed in this run" : ", preserved in this run"),
                   std::vector<std::uint8_t>(before.begin() + lo, before.begin() + hi),
                   std::vector<Tag>(t.begin() + lo, t.begin() + hi)};
    const Tag base = prov_->table.recordChoice(std::move(r));
    for (unsigned b = lo; b < hi; ++b)
        t[b] = base + (b - lo);
}

void SveUnit::tagAll(const CpuState& s, ChoiceSite site, ZeroUpperSite where, unsigned z_from,
                     unsigned p_from) {
    for (unsigned n = 0; n < kNumZ; ++n)
        if (z_from < zBytes())
            tagChoice(s, site, where, RegKind::Z, n, z_from, zBytes(), false,
                      storage(RegKind::Z, n));
    for (unsigned n = 0; n < kNumP; ++n)
        if (p_from < pBytes())
            tagChoice(s, site, where, RegKind::P, n, p_from, pBytes(), false,
                      storage(RegKind::P, n));
    if (p_from < pBytes())
        tagChoice(s, site, where, RegKind::FFR, 0, p_from, pBytes(), false,
                  storage(RegKind::FFR, 0));
}

std::span<std::uint8_t> SveUnit::zStorage(unsigned n) {
    zero_from_[regId(RegKind::Z, n)] = zBytes(); // the caller may write anything
    return storage(RegKind::Z, n);
}
std::span<const std::uint8_t> SveUnit::zStorage(unsigned n) const {
    return std::span(z_).subspan(static_cast<std::size_t>(n % kNumZ) * zBytes(), zBytes());
}
std::span<std::uint8_t> SveUnit::pStorage(unsigned n) {
    zero_from_[regId(RegKind::P, n)] = pBytes();
    return storage(RegKind::P, n);
}
std::span<const std::uint8_t> SveUnit::pStorage(unsigned n) const {
    return std::span(p_).subspan(static_cast<std::size_t>(n % kNumP) * pBytes(), pBytes());
}
std::span<std::uint8_t> SveUnit::ffrStorage() {
    zero_from_[regId(RegKind::FFR, 0)] = pBytes();
    return ffr_;
}
std::span<const std::uint8_t> SveUnit::ffrStorage() const {
    return ffr_;
}

std::span<const std::uint8_t> SveUnit::storage(RegKind kind, unsigned index) const {
    return const_cast<SveUnit*>(this)->storage(kind, index);
}

std::span<std::uint8_t> SveUnit::storage(RegKind kind, unsigned index) {
    switch (kind) {
    case RegKind::Z:
        return std::span(z_).subspan(static_cast<std::size_t>(index % kNumZ) * zBytes(), zBytes());
    case RegKind::P:
        return std::span(p_).subspan(static_cast<std::size_t>(index % kNumP) * pBytes(), pBytes());
    case RegKind::FFR: return ffr_;
    }
    return {};
}

void SveUnit::wrote(RegKind kind, unsigned index, unsigned len) {
    unsigned& from = zero_from_[regId(kind, index)];
    from = std::max(from, len);
}

void SveUnit::zeroBytes(RegKind kind, unsigned index, unsigned lo, unsigned hi) {
    unsigned& from = zero_from_[regId(kind, index)];
    auto reg = storage(kind, index);
    const unsigned end = std::min(hi, from); // [from, hi) is zero already
    if (lo < end) std::fill(reg.begin() + lo, reg.begin() + end, std::uint8_t{0});
    if (hi >= from) from = std::min(from, lo);
}

std::span<const std::uint8_t> SveUnit::Z(unsigned n, VectorLength vl) const {
    const auto out = zStorage(n).first(vl.bytes());
    if (prov_) noteRead(RegKind::Z, n, out);
    return out;
}
std::span<const std::uint8_t> SveUnit::P(unsigned n, VectorLength vl) const {
    const auto out = pStorage(n).first(vl.predicateBytes());
    if (prov_) noteRead(RegKind::P, n, out);
    return out;
}
std::span<const std::uint8_t> SveUnit::FFR(VectorLength vl) const {
    const auto out = ffrStorage().first(vl.predicateBytes());
    if (prov_) noteRead(RegKind::FFR, 0, out);
    return out;
}
std::span<const std::uint8_t> SveUnit::V(unsigned n, unsigned width_bytes) const {
    const auto out = zStorage(n).first(std::min(width_bytes, 16U));
    if (prov_) noteRead(RegKind::Z, n, out);
    return out;
}

void SveUnit::decide(const CpuState& s, ZeroUpperSite site, RegKind kind, unsigned index,
                     unsigned lo, unsigned hi, std::uint64_t event) {
    if (lo >= hi) return; // nothing above the accessible length: no choice to make
    const bool zero = policy_.ConstrainUnpredictableBool(site, kind, index, event);
    if (prov_)
        tagChoice(s, choiceSiteOf(site), site, kind, index, lo, hi, zero, storage(kind, index));
    if (zero) zeroBytes(kind, index, lo, hi);
    if (bus_->listening(EventKind::ZeroUpperDecision))
        bus_->emit(ZeroUpperDecision{{}, kind, index, lo, hi, zero, site, s.pstate.el});
}

void SveUnit::decideAll(const CpuState& s, ZeroUpperSite site, unsigned z_from, unsigned p_from) {
    const std::uint64_t event = next_event_++;
    for (unsigned n = 0; n < kNumZ; ++n)
        decide(s, site, RegKind::Z, n, z_from, zBytes(), event);
    for (unsigned n = 0; n < kNumP; ++n)
        decide(s, site, RegKind::P, n, p_from, pBytes(), event);
    decide(s, site, RegKind::FFR, 0, p_from, pBytes(), event);
}

// R11 (ARM-M J1.1 `Z` setter): _Z[n][VL-1:0] = value; above VL zero-or-preserve.
void SveUnit::setZ(const CpuState& s, unsigned n, VectorLength vl,
                   std::span<const std::uint8_t> value) {
    assert(value.size() == vl.bytes());
    if (prov_) tagWrite(RegKind::Z, n, value);
    std::ranges::copy(value, storage(RegKind::Z, n).begin());
    wrote(RegKind::Z, n, vl.bytes());
    decide(s, ZeroUpperSite::ZWrite, RegKind::Z, n % kNumZ, vl.bytes(), zBytes(), next_event_++);
}

// R11 (ARM-M J1.1 `P` setter).
void SveUnit::setP(const CpuState& s, unsigned n, VectorLength vl,
                   std::span<const std::uint8_t> value) {
    assert(value.size() == vl.predicateBytes());
    if (prov_) tagWrite(RegKind::P, n, value);
    std::ranges::copy(value, storage(RegKind::P, n).begin());
    wrote(RegKind::P, n, vl.predicateBytes());
    decide(s, ZeroUpperSite::PWrite, RegKind::P, n % kNumP, vl.predicateBytes(), pBytes(),
           next_event_++);
}

// R11 (ARM-M J1.1 `FFR` setter).
void SveUnit::setFFR(const CpuState& s, VectorLength vl, std::span<const std::uint8_t> value) {
    assert(value.size() == vl.predicateBytes());
    if (prov_) tagWrite(RegKind::FFR, 0, value);
    std::ranges::copy(value, ffr_.begin());
    wrote(RegKind::FFR, 0, vl.predicateBytes());
    decide(s, ZeroUpperSite::FfrWrite, RegKind::FFR, 0, vl.predicateBytes(), pBytes(),
           next_event_++);
}

// R12 (ARM-M J1.3 `V` setter, R_WKYLB, R_KXKNK).
void SveUnit::setV(const CpuState& s, unsigned n, std::span<const std::uint8_t> value) {
    setV(s, n, value, VLWhereSVEEnabled(s, cfg_, s.pstate.el));
}
void SveUnit::setV(const CpuState& s, unsigned n, std::span<const std::uint8_t> value,
                   VectorLength where_sve_enabled) {
    assert(value.size() <= 16);
    const unsigned vlen = where_sve_enabled.bytes();
    auto reg = storage(RegKind::Z, n);
    if (prov_) {
        tagWrite(RegKind::Z, n, value);
        auto t = tags(RegKind::Z, n);
        std::fill(t.begin() + static_cast<std::ptrdiff_t>(value.size()), t.begin() + vlen,
                  kZeroTag);
    }
    std::ranges::copy(value, reg.begin());
    std::fill(reg.begin() + static_cast<std::ptrdiff_t>(value.size()), reg.begin() + vlen,
              std::uint8_t{0});
    wrote(RegKind::Z, n, vlen);
    decide(s, ZeroUpperSite::VWrite, RegKind::Z, n % kNumZ, vlen, zBytes(), next_event_++);
}

// R13, R14 (ARM-M J1.1.3.341 MaybeZeroSVEUppers; R_DMBPN).
void SveUnit::MaybeZeroSVEUppers(const CpuState& s, EL target_el) {
    if (toUnsigned(target_el) <= toUnsigned(s.pstate.el) || !IsSVEEnabled(s, target_el)) return;
    bool lower_enabled = false;
    if (target_el == EL::EL3)
        lower_enabled = EL2Enabled(s) ? IsFPEnabled(s, EL::EL2) : IsFPEnabled(s, EL::EL1);
    else if (target_el == EL::EL2)
        lower_enabled =
            !bitSet(s.hcr(), hcr::TGE) ? IsFPEnabled(s, EL::EL1) : IsFPEnabled(s, EL::EL0);
    else
        lower_enabled = IsFPEnabled(s, EL::EL0);
    if (!lower_enabled) return; // R14: lazy-switch guarantee, state preserved exactly
    const VectorLength vl = VLWhereSVEEnabled(s, cfg_, s.pstate.el);
    decideAll(s, ZeroUpperSite::ExceptionEntry, vl.bytes(), vl.predicateBytes());
}

void SveUnit::onZcrWrite(const CpuState& s, VectorLength before) {
    const VectorLength after = CurrentVL(s, cfg_);
    if (after == before) return;
    if (!bus_->empty())
        bus_->emit(VectorLengthChange{
            {}, s.pstate.el, before.bits(), after.bits(), VlChangeCause::ZcrWrite});
    if (after > before) {
        if (policy_.kind() != PolicyKind::Qemu) // QEMU zeroed these bits when it narrowed
            decideAll(s, ZeroUpperSite::ZcrWiden, before.bytes(), before.predicateBytes());
        else if (prov_) // what an Arm ARM implementation could do here, for the other classes
            tagAll(s, ChoiceSite::ArmArm, ZeroUpperSite::ZcrWiden, before.bytes(),
                   before.predicateBytes());
    } else if (policy_.zeroesOnNarrow()) {
        decideAll(s, ZeroUpperSite::ZcrNarrow, after.bytes(), after.predicateBytes());
    } else if (prov_) { // what QEMU would zero here, for the qemu class
        tagAll(s, ChoiceSite::QemuNarrow, ZeroUpperSite::ZcrNarrow, after.bytes(),
               after.predicateBytes());
    }
}

void SveUnit::qemuChangeEL(const CpuState& s, EL from, EL to, ZeroUpperSite site) {
    if (!policy_.zeroesOnNarrow() && prov_ == nullptr) return;
    if (!IsFPEnabled(s, from) || !IsFPEnabled(s, to)) return;
    const VectorLength old_vl = VLWhereSVEEnabled(s, cfg_, from);
    const VectorLength new_vl = VLWhereSVEEnabled(s, cfg_, to);
    if (new_vl >= old_vl) return;
    if (policy_.zeroesOnNarrow())
        decideAll(s, site, new_vl.bytes(), new_vl.predicateBytes());
    else // what QEMU would zero here, for the qemu class
        tagAll(s, ChoiceSite::QemuNarrow, site, new_vl.bytes(), new_vl.predicateBytes());
}

} // namespace svesim
