#include "svesim/scenarios/checker.h"

#include "svesim/arch/el_predicates.h"
#include "svesim/arch/enables.h"

#include <algorithm>
#include <fmt/core.h>

namespace svesim::scenarios {

std::string name(const World& w) {
    return w.kind == World::Kind::Guest ? fmt::format("guest{}", w.vmid) : "host-task";
}

std::optional<World> DefaultWorldOf(const CpuState& s) {
    const EL el = s.pstate.el;
    if (el != EL::EL0 && el != EL::EL1) return std::nullopt;
    const std::uint64_t hcr = s.hcr();
    if (EL2Enabled(s) && bitSet(hcr, hcr::VM) &&
        !(bitSet(hcr, hcr::E2H) && bitSet(hcr, hcr::TGE))) {
        const auto vmid = static_cast<unsigned>(field(s.sysregs.raw(SysReg::VTTBR_EL2), 55, 48));
        if (vmid != 0) return World{World::Kind::Guest, vmid};
    }
    if (el == EL::EL0) return World{World::Kind::HostTask, 0};
    return std::nullopt; // the host kernel at EL1 (nVHE) is not a world
}

std::string name(ViolationKind k) {
    switch (k) {
    case ViolationKind::Loss: return "LOSS";
    case ViolationKind::Leak: return "LEAK";
    case ViolationKind::Corrupt: return "CORRUPT";
    case ViolationKind::VlChanged: return "VL_CHANGED";
    case ViolationKind::ZcrChanged: return "ZCR_CHANGED";
    case ViolationKind::VlAboveMax: return "VL_ABOVE_MAX";
    case ViolationKind::Warn: return "WARN";
    case ViolationKind::HypPanic: return "HYP_PANIC";
    case ViolationKind::SelfCheck: return "SELFCHECK";
    }
    return "?";
}

namespace {
std::string hex(const std::vector<std::uint8_t>& b, std::size_t max = 16) {
    std::string out;
    for (std::size_t i = 0; i < b.size() && i < max; ++i)
        out += fmt::format("{:02x}", b[i]);
    if (b.size() > max) out += "...";
    return out;
}
} // namespace

std::string Violation::text() const {
    std::string out = fmt::format("{} {}", name(kind), world);
    if (!reg.empty()) out += " " + reg;
    if (byte_hi > byte_lo) out += fmt::format(" bytes [{}, {})", byte_lo, byte_hi);
    if (!expected.empty() || !actual.empty()) {
        // Register bytes print in hex; the whole-register checks (VL, ZCR, FPSR, FPCR, with no
        // byte range) hold their values as text.
        const bool bytes = byte_hi > byte_lo;
        out += fmt::format(" expected {} actual {}",
                           bytes ? hex(expected) : std::string(expected.begin(), expected.end()),
                           bytes ? hex(actual) : std::string(actual.begin(), actual.end()));
    }
    out += fmt::format(" at PC {:#x} cycle {}", pc, cycle);
    for (const std::string& c : causes)
        out += "\n    after: " + c;
    return out;
}

std::string Checker::RegRef::text() const {
    return kind == RegKind::FFR ? std::string("FFR")
                                : fmt::format("{}{}", svesim::name(kind), index);
}

Checker::Checker(const ArchState& arch, WorldClassifier classify)
    : arch_(&arch)
    , classify_(std::move(classify)) {}

EventMask Checker::interests() {
    return eventBit(EventKind::ExceptionTaken) | eventBit(EventKind::ExceptionReturn) |
           eventBit(EventKind::SysRegWrite) | eventBit(EventKind::VectorLengthChange) |
           eventBit(EventKind::ZeroUpperDecision) | eventBit(EventKind::InstructionRetired);
}

std::uint64_t Checker::ownZcr(const World& w) const {
    const CpuState& s = arch_->cpu;
    // A VHE host task is constrained by ZCR_EL2 (its kernel's EL1 alias); everyone else by
    // ZCR_EL1.
    if (w.kind == World::Kind::HostTask && ELIsInHost(s, EL::EL0))
        return s.sysregs.raw(SysReg::ZCR_EL2);
    return s.sysregs.raw(SysReg::ZCR_EL1);
}

Checker::Snapshot Checker::take(const World& w, LeaveKind kind, std::uint64_t cycle) const {
    const SveUnit& sve = arch_->sve;
    Snapshot s;
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        s.z.emplace_back(sve.zStorage(n).begin(), sve.zStorage(n).end());
    for (unsigned n = 0; n < SveUnit::kNumP; ++n)
        s.p.emplace_back(sve.pStorage(n).begin(), sve.pStorage(n).end());
    s.ffr.assign(sve.ffrStorage().begin(), sve.ffrStorage().end());
    s.fpsr = arch_->cpu.sysregs.raw(SysReg::FPSR);
    s.fpcr = arch_->cpu.sysregs.raw(SysReg::FPCR);
    s.zcr = ownZcr(w);
    s.vl_bits = arch_->currentVL().bits();
    const EL el = arch_->cpu.pstate.el;
    s.fp_owned = IsFPEnabled(arch_->cpu, el);
    s.sve_owned = s.fp_owned && IsSVEEnabled(arch_->cpu, el);
    s.kind = kind;
    s.cycle = cycle;
    return s;
}

void Checker::onExceptionTaken(const ExceptionTakenEvent& e) {
    // Emitted before the entry changes state: the state is still the world's.
    const auto w = classify_(arch_->cpu);
    if (!w) return;
    const bool leaves =
        w->kind == World::Kind::Guest ? toUnsigned(e.to) >= 2 : toUnsigned(e.to) >= 1;
    if (!leaves) return;
    LeaveKind kind = LeaveKind::Synchronous;
    if (e.kind == "IRQ" || e.kind == "FIQ" || e.kind == "vIRQ" || e.kind == "vFIQ" ||
        e.kind == "SError")
        kind = LeaveKind::Asynchronous;
    else if (w->kind == World::Kind::HostTask && e.kind == "SVC")
        kind = LeaveKind::Syscall;
    // A world whose check is still pending left through its lazy-switch trap: its registers
    // are not its state yet, so its last snapshot stays.
    if (pending_.count(*w) == 0) snapshots_[*w] = take(*w, kind, e.ctx.cycle);
    current_.reset();
    ++leaves_;
    // Causes are kept per leave: start this world's log afresh.
    note(e.ctx.cycle, fmt::format("{} left by {} at PC {:#x} (VL {})", name(*w), e.kind, e.ctx.pc,
                                  arch_->currentVL().bits()));
}

void Checker::onExceptionReturn(const ExceptionReturnEvent& e) {
    if (e.illegal) return;
    const auto w = classify_(arch_->cpu);
    if (!w) {
        current_.reset();
        return;
    }
    if (current_ == w) return; // an ERET inside the world (e.g. guest EL1 to EL0)
    current_ = w;
    // Entered with FP disabled at its EL (a lazy switch): its state is not in the registers
    // yet. The check waits for the entry after the trap that loads it; leaves in between
    // (that trap) keep the last snapshot.
    if (!IsFPEnabled(arch_->cpu, arch_->cpu.pstate.el)) {
        pending_[*w] = true;
        return;
    }
    pending_.erase(*w);
    checkAboveMax(*w, e.target, e.ctx.cycle);
    const auto it = snapshots_.find(*w);
    if (it == snapshots_.end()) { // its first live entry: nothing of its own yet, but what
        firstEntryLeaks(*w, e.target, e.ctx.cycle); // it can read must not be another's
        return;
    }
    ++entries_;
    cycles_outside_ += e.ctx.cycle - it->second.cycle;
    checkEntry(*w, it->second, e.target, e.ctx.cycle);
}

unsigned Checker::maxBytes(const World& w, unsigned vl_now_bytes, const Snapshot& s) const {
    unsigned bytes = std::max(vl_now_bytes, s.vl_bits / 8);
    if (w.kind == World::Kind::Guest) {
        // A guest can raise its own ZCR_EL1 up to its maximum: the configured one, else what
        // ZCR_EL2 allows now.
        const auto it = guest_max_vq_.find(w.vmid);
        const unsigned el2_len =
            static_cast<unsigned>(field(arch_->cpu.sysregs.raw(SysReg::ZCR_EL2), 3, 0));
        bytes = std::max(bytes, it != guest_max_vq_.end() ? it->second * 16 : (el2_len + 1) * 16);
    } else {
        bytes = arch_->config().sve.max_vl.bytes(); // the host may raise its VL to the maximum
    }
    return std::min(bytes, arch_->config().sve.max_vl.bytes());
}

void Checker::checkEntry(const World& w, const Snapshot& s, std::uint64_t pc, std::uint64_t cycle) {
    const unsigned vl_now = arch_->currentVL().bits();
    const auto add = [&](ViolationKind k, std::string reg, std::string exp, std::string act) {
        Violation v{k, name(w), std::move(reg), 0, 0, {}, {}, pc, cycle, {}};
        v.expected.assign(exp.begin(), exp.end());
        v.actual.assign(act.begin(), act.end());
        v.causes = causesFor(w, "", 0, 0);
        violations_.push_back(std::move(v));
    };
    if (vl_now != s.vl_bits)
        add(ViolationKind::VlChanged, "VL", std::to_string(s.vl_bits), std::to_string(vl_now));
    if (ownZcr(w) != s.zcr)
        add(ViolationKind::ZcrChanged, "ZCR", std::to_string(s.zcr), std::to_string(ownZcr(w)));
    // What must come back exactly: the architected bytes at leave, except that a host task's
    // syscall only keeps V[127:0] (and FPSR/FPCR), with P and FFR discarded; a world that had
    // SVE disabled owned only V[127:0], one that had FP disabled owned nothing in registers.
    const bool syscall = s.kind == LeaveKind::Syscall;
    unsigned z_arch = syscall || !s.sve_owned ? 16 : s.vl_bits / 8;
    unsigned p_arch = syscall || !s.sve_owned ? 0 : s.vl_bits / 64;
    if (!s.fp_owned) z_arch = p_arch = 0;
    const unsigned z_max = sveLockedOff(w) ? 16 : maxBytes(w, vl_now / 8, s);
    const unsigned p_max = sveLockedOff(w) ? 0 : z_max / 8;
    const SveUnit& sve = arch_->sve;
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        compareRegister(w, {RegKind::Z, n}, s.z[n], sve.zStorage(n), z_arch, z_max, pc, cycle);
    for (unsigned n = 0; n < SveUnit::kNumP; ++n)
        compareRegister(w, {RegKind::P, n}, s.p[n], sve.pStorage(n), p_arch, p_max, pc, cycle);
    compareRegister(w, {RegKind::FFR, 0}, s.ffr, sve.ffrStorage(), p_arch, p_max, pc, cycle);
    const auto fp = [&](SysReg r, std::uint64_t before, const char* nm) {
        const std::uint64_t now = arch_->cpu.sysregs.raw(r);
        if (now != before)
            add(ViolationKind::Loss, nm, fmt::format("{:#x}", before), fmt::format("{:#x}", now));
    };
    if (s.fp_owned) {
        fp(SysReg::FPSR, s.fpsr, "FPSR");
        fp(SysReg::FPCR, s.fpcr, "FPCR");
    }
}

void Checker::firstEntryLeaks(const World& w, std::uint64_t pc, std::uint64_t cycle) {
    // Every byte it can read or expose up to its maximum must not be another world's data;
    // with no state of its own yet, anything else (zero, stale) is acceptable.
    Snapshot none;
    none.vl_bits = arch_->currentVL().bits();
    const unsigned z_max = sveLockedOff(w) ? 16 : maxBytes(w, none.vl_bits / 8, none);
    const unsigned p_max = sveLockedOff(w) ? 0 : z_max / 8;
    const SveUnit& sve = arch_->sve;
    const auto scan = [&](RegRef r, std::span<const std::uint8_t> now, unsigned limit) {
        unsigned b = 0;
        while (b < limit) {
            if (now[b] == 0 || !matchesOther(w, r, b, now[b])) {
                ++b;
                continue;
            }
            unsigned e = b;
            while (e < limit && now[e] != 0 && matchesOther(w, r, e, now[e]))
                ++e;
            Violation v{ViolationKind::Leak,
                        name(w),
                        r.text(),
                        b,
                        e,
                        std::vector<std::uint8_t>(e - b, 0),
                        std::vector<std::uint8_t>(now.begin() + b, now.begin() + e),
                        pc,
                        cycle,
                        {}};
            v.causes = causesFor(w, r.text(), b, e);
            violations_.push_back(std::move(v));
            b = e;
        }
    };
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        scan({RegKind::Z, n}, sve.zStorage(n),
             std::min<unsigned>(z_max, static_cast<unsigned>(sve.zStorage(n).size())));
    for (unsigned n = 0; n < SveUnit::kNumP; ++n)
        scan({RegKind::P, n}, sve.pStorage(n),
             std::min<unsigned>(p_max, static_cast<unsigned>(sve.pStorage(n).size())));
    scan({RegKind::FFR, 0}, sve.ffrStorage(),
         std::min<unsigned>(p_max, static_cast<unsigned>(sve.ffrStorage().size())));
}

bool Checker::sveLockedOff(const World& w) const {
    // SVE disabled for the world by a control it does not own (a guest owns CPACR_EL1, a host
    // task owns none): it can read only V[127:0] and cannot expose more.
    const CpuState& s = arch_->cpu;
    const EL el = s.pstate.el;
    if (w.kind == World::Kind::HostTask && ControlDisables(s, EL::EL1, EnableKind::SVE, el))
        return true;
    return ControlDisables(s, EL::EL2, EnableKind::SVE, el) ||
           ControlDisables(s, EL::EL3, EnableKind::SVE, el);
}

void Checker::checkAboveMax(const World& w, std::uint64_t pc, std::uint64_t cycle) {
    // Only a guest that can observe its VL (SVE enabled at its EL) runs above its maximum.
    if (w.kind != World::Kind::Guest || !IsSVEEnabled(arch_->cpu, arch_->cpu.pstate.el)) return;
    const auto it = guest_max_vq_.find(w.vmid);
    const unsigned vl_now = arch_->currentVL().bits();
    if (it == guest_max_vq_.end() || vl_now <= it->second * 128) return;
    Violation v{ViolationKind::VlAboveMax, name(w), "VL", 0, 0, {}, {}, pc, cycle, {}};
    const std::string exp = std::to_string(it->second * 128), act = std::to_string(vl_now);
    v.expected.assign(exp.begin(), exp.end());
    v.actual.assign(act.begin(), act.end());
    v.causes = causesFor(w, "", 0, 0);
    violations_.push_back(std::move(v));
}

bool Checker::matchesOther(const World& w, RegRef r, unsigned byte, std::uint8_t value) const {
    for (const auto& [other, snap] : snapshots_) {
        if (other == w) continue;
        const std::vector<std::uint8_t>& reg = r.kind == RegKind::Z   ? snap.z[r.index]
                                               : r.kind == RegKind::P ? snap.p[r.index]
                                                                      : snap.ffr;
        if (byte < reg.size() && reg[byte] == value) return true;
    }
    return false;
}

void Checker::compareRegister(const World& w, RegRef r, const std::vector<std::uint8_t>& own,
                              std::span<const std::uint8_t> now, unsigned architected,
                              unsigned exposable, std::uint64_t pc, std::uint64_t cycle) {
    // Classify every byte, then report runs of the same kind.
    const unsigned limit = std::min<unsigned>(exposable, static_cast<unsigned>(now.size()));
    std::vector<std::optional<ViolationKind>> kind(std::max(limit, architected));
    for (unsigned b = 0; b < kind.size() && b < now.size(); ++b) {
        const std::uint8_t v = now[b], mine = own[b];
        if (v == mine) continue;
        const bool other = v != 0 && matchesOther(w, r, b, v);
        if (b < architected)
            kind[b] = other ? ViolationKind::Leak : ViolationKind::Loss;
        else if (b < limit && v != 0)
            kind[b] = other ? ViolationKind::Leak : ViolationKind::Corrupt;
    }
    for (unsigned b = 0; b < kind.size();) {
        if (!kind[b]) {
            ++b;
            continue;
        }
        unsigned e = b;
        while (e < kind.size() && kind[e] == kind[b])
            ++e;
        Violation v{*kind[b], name(w), r.text(), b, e, {}, {}, pc, cycle, {}};
        v.expected.assign(own.begin() + b, own.begin() + e);
        v.actual.assign(now.begin() + b, now.begin() + e);
        v.causes = causesFor(w, r.text(), b, e);
        violations_.push_back(std::move(v));
        // A leak below VL is also a loss of the world's own bytes.
        if (*kind[b] == ViolationKind::Leak && b < architected) {
            Violation loss = violations_.back();
            loss.kind = ViolationKind::Loss;
            loss.byte_hi = std::min(e, architected);
            loss.expected.resize(loss.byte_hi - loss.byte_lo);
            loss.actual.resize(loss.byte_hi - loss.byte_lo);
            violations_.push_back(std::move(loss));
        }
        b = e;
    }
}

void Checker::note(std::uint64_t cycle, std::string text, const std::string& reg, unsigned lo,
                   unsigned hi) {
    causes_.push_back(Cause{cycle, reg, lo, hi, std::move(text)});
    if (causes_.size() > 4096) causes_.pop_front();
}

std::vector<std::string> Checker::causesFor(const World& w, const std::string& reg, unsigned lo,
                                            unsigned hi) const {
    std::vector<std::string> out;
    const auto it = snapshots_.find(w);
    const std::uint64_t since = it == snapshots_.end() ? 0 : it->second.cycle;
    for (const Cause& c : causes_) {
        if (c.cycle < since) continue;
        const bool general = c.reg.empty();
        const bool same_reg =
            !reg.empty() && c.reg == reg && c.lo < std::max(hi, lo + 1) && lo < c.hi;
        if (general || same_reg) out.push_back(c.text);
    }
    if (out.size() > 12) out.erase(out.begin(), out.end() - 12);
    return out;
}

void Checker::onSysRegWrite(const SysRegWriteEvent& e) {
    if (e.reg == SysReg::ZCR_EL1 || e.reg == SysReg::ZCR_EL2 || e.reg == SysReg::ZCR_EL3)
        note(e.ctx.cycle, fmt::format("{} {:#x} -> {:#x} at PC {:#x} ({})", svesim::name(e.reg),
                                      e.old_value, e.new_value, e.ctx.pc, svesim::name(e.el)));
}

void Checker::onVectorLengthChange(const VectorLengthChange& e) {
    note(e.ctx.cycle, fmt::format("VL {} -> {} at {} ({}) at PC {:#x}", e.old_bits, e.new_bits,
                                  svesim::name(e.el), svesim::name(e.cause), e.ctx.pc));
}

void Checker::onZeroUpperDecision(const ZeroUpperDecision& e) {
    if (!e.zeroed) return;
    const std::string reg =
        e.kind == RegKind::FFR ? "FFR" : fmt::format("{}{}", svesim::name(e.kind), e.index);
    note(e.ctx.cycle,
         fmt::format("zero-or-preserve: zeroed {} bytes [{}, {}) at PC {:#x} ({}, {})", reg,
                     e.byte_lo, e.byte_hi, e.ctx.pc, svesim::name(e.site), svesim::name(e.el)),
         reg, e.byte_lo, e.byte_hi);
}

void Checker::onInstructionRetired(const InstructionRetiredEvent& e) {
    // SVE LDR/STR (vector): the saves and restores a violation may trace back to.
    const std::uint32_t op = e.opcode;
    const bool str_z = (op & 0xFFC0E000U) == 0xE5804000U;
    const bool ldr_z = (op & 0xFFC0E000U) == 0x85804000U;
    if (!str_z && !ldr_z) return;
    const unsigned zt = op & 31;
    const std::string reg = fmt::format("Z{}", zt);
    note(e.ctx.cycle,
         fmt::format("{} {} at VL {} at PC {:#x} ({})", str_z ? "save (STR)" : "restore (LDR)", reg,
                     e.vl_bits, e.ctx.pc, svesim::name(e.el)),
         reg, 0, 256);
}

void Checker::softwareViolation(ViolationKind kind, std::uint64_t arg) {
    const EventContext ctx = arch_->bus.context();
    Violation v{kind, "software", "", 0, 0, {}, {}, ctx.pc, ctx.cycle, {}};
    if (arg != 0) v.causes.push_back(fmt::format("argument {:#x}", arg));
    violations_.push_back(std::move(v));
}

std::string Checker::verdict() const {
    std::vector<ViolationKind> kinds;
    for (const Violation& v : violations_)
        if (std::find(kinds.begin(), kinds.end(), v.kind) == kinds.end()) kinds.push_back(v.kind);
    if (kinds.empty()) return "clean";
    std::sort(kinds.begin(), kinds.end());
    std::string out;
    for (ViolationKind k : kinds) {
        if (!out.empty()) out += '+';
        out += name(k);
    }
    return out;
}

double Checker::meanCyclesOutside() const {
    return entries_ ? static_cast<double>(cycles_outside_) / static_cast<double>(entries_) : 0.0;
}

} // namespace svesim::scenarios
