// The SVE register file (Z0-Z31 at the maximum implemented VL, P0-P15 and FFR at VL/8) with the
// pseudocode's accessors and every zero-or-preserve point (arch-rules §3; R11-R15).
#pragma once

#include "svesim/arch/cpu_state.h"
#include "svesim/arch/observer.h"
#include "svesim/arch/provenance.h"
#include "svesim/sve/vector_length.h"
#include "svesim/sve/zero_upper_policy.h"

#include <cstdint>
#include <span>
#include <vector>

namespace svesim {

class SveUnit {
public:
    static constexpr unsigned kNumZ = 32;
    static constexpr unsigned kNumP = 16;

    SveUnit(SveConfig cfg, ZeroUpperPolicy policy, EventBus& bus);

    [[nodiscard]] const SveConfig& config() const { return cfg_; }
    [[nodiscard]] const ZeroUpperPolicy& policy() const { return policy_; }
    void setPolicy(ZeroUpperPolicy p) { policy_ = p; }
    // Reset: the register contents are UNKNOWN (R22); svesim zeroes them.
    void reset();

    // Full-width storage, beyond the current VL: for debuggers, checkers and tests. (A mutable
    // span makes the unit forget what it knows to be zero in that register.)
    [[nodiscard]] std::span<std::uint8_t> zStorage(unsigned n);
    [[nodiscard]] std::span<const std::uint8_t> zStorage(unsigned n) const;
    [[nodiscard]] std::span<std::uint8_t> pStorage(unsigned n);
    [[nodiscard]] std::span<const std::uint8_t> pStorage(unsigned n) const;
    [[nodiscard]] std::span<std::uint8_t> ffrStorage();
    [[nodiscard]] std::span<const std::uint8_t> ffrStorage() const;

    // Z[n] read at the current VL (ARM-M J1.1 `Z`).
    [[nodiscard]] std::span<const std::uint8_t> Z(unsigned n, VectorLength vl) const;
    // Z[n] = value (value is vl.bytes() long); bits >= VL zero-or-preserve. R11
    void setZ(const CpuState& s, unsigned n, VectorLength vl, std::span<const std::uint8_t> value);
    [[nodiscard]] std::span<const std::uint8_t> P(unsigned n, VectorLength vl) const;
    // P[n] = value (vl.predicateBytes() long). R11
    void setP(const CpuState& s, unsigned n, VectorLength vl, std::span<const std::uint8_t> value);
    [[nodiscard]] std::span<const std::uint8_t> FFR(VectorLength vl) const;
    // FFR = value. R11
    void setFFR(const CpuState& s, VectorLength vl, std::span<const std::uint8_t> value);
    // V[n] read: the low `width_bytes` (at most 16) of Z[n] (ARM-M J1.3 `V`).
    [[nodiscard]] std::span<const std::uint8_t> V(unsigned n, unsigned width_bytes) const;
    // V[n] = value (at most 16 bytes): zero [vlen-1:width], then zero-or-preserve above vlen
    // where vlen is R_KXKNK's VL at PSTATE.EL. R12 (R_WKYLB)
    void setV(const CpuState& s, unsigned n, std::span<const std::uint8_t> value);
    // The same with VLWhereSVEEnabled(s, cfg, PSTATE.EL) already known (the caller's cache).
    void setV(const CpuState& s, unsigned n, std::span<const std::uint8_t> value,
              VectorLength where_sve_enabled);

    // AArch64.MaybeZeroSVEUppers(target_el), called by TakeException before PSTATE changes. R13,
    // R14 (R_DMBPN)
    void MaybeZeroSVEUppers(const CpuState& s, EL target_el);
    // After a ZCR_ELx write at PSTATE.EL; `before` is the current EL's VL before the write.
    // Widening: R_YRPDH, each register's newly accessible bits may be zeroed. Narrowing: only
    // the qemu policy zeroes (QEMU's zcr_write). Reports the VL change.
    void onZcrWrite(const CpuState& s, VectorLength before);
    // QEMU's aarch64_sve_change_el(from, to), for the qemu policy only: zero above the new EL's
    // VL when it is below the old EL's, unless FP is disabled at either EL.
    void qemuChangeEL(const CpuState& s, EL from, EL to, ZeroUpperSite site);

    // Byte provenance (docs/provenance.md): off until a checker attaches it (nullptr detaches).
    // Reads report their bytes' tags, writes tag what they write, and every zero-or-preserve
    // point tags the bytes it covers UNKNOWN, recording both possible contents.
    void attachProvenance(Provenance* p);
    [[nodiscard]] Provenance* provenance() const { return prov_; }
    [[nodiscard]] std::span<Tag> tags(RegKind kind, unsigned index);
    [[nodiscard]] std::span<const Tag> tags(RegKind kind, unsigned index) const;

private:
    [[nodiscard]] unsigned zBytes() const { return cfg_.max_vl.bytes(); }
    [[nodiscard]] unsigned pBytes() const { return cfg_.max_vl.predicateBytes(); }
    // Asks the policy for one register and reports the decision; zeroes bytes [lo, hi) if so.
    void decide(const CpuState& s, ZeroUpperSite site, RegKind kind, unsigned index, unsigned lo,
                unsigned hi, std::uint64_t event);
    // One decision per register of the whole file, all above the given byte offsets.
    void decideAll(const CpuState& s, ZeroUpperSite site, unsigned z_from, unsigned p_from);
    // The storage of one register, without forgetting what is known to be zero.
    std::span<std::uint8_t> storage(RegKind kind, unsigned index);
    [[nodiscard]] std::span<const std::uint8_t> storage(RegKind kind, unsigned index) const;
    // Register writes of bytes [0, len) and zeroing of [lo, hi), keeping zero_from_ (below).
    void wrote(RegKind kind, unsigned index, unsigned len);
    void zeroBytes(RegKind kind, unsigned index, unsigned lo, unsigned hi);
    void noteRead(RegKind kind, unsigned index, std::span<const std::uint8_t> bytes) const;
    void tagWrite(RegKind kind, unsigned index, std::span<const std::uint8_t> value);
    // A choice point for provenance only: bytes [lo, hi) of one register become UNKNOWN
    // (`zeroed` is what this run did there).
    void tagChoice(const CpuState& s, ChoiceSite site, ZeroUpperSite where, RegKind kind,
                   unsigned index, unsigned lo, unsigned hi, bool zeroed_now,
                   std::span<const std::uint8_t> before);
    // Provenance-only record of a whole-file choice this run's policy does not make.
    void tagAll(const CpuState& s, ChoiceSite site, ZeroUpperSite where, unsigned z_from,
                unsigned p_from);

    SveConfig cfg_;
    ZeroUpperPolicy policy_;
    EventBus* bus_;
    std::vector<std::uint8_t> z_;
    std::vector<std::uint8_t> p_;
    std::vector<std::uint8_t> ffr_;
    // Per register (Z0-Z31, P0-P15, FFR), the byte offset from which its storage is known to
    // be all zero: zeroing above the VL at every write (the zero policy, at a VL below the
    // maximum) then touches only bytes that are not zero already.
    std::vector<unsigned> zero_from_;
    Provenance* prov_ = nullptr;
    std::vector<Tag> z_tags_, p_tags_, ffr_tags_;
    std::uint64_t next_event_ = 0;
};

} // namespace svesim
