#include "svesim/scenarios/checker.h"

#include "svesim/arch/el_predicates.h"
#include "svesim/arch/enables.h"

#include <algorithm>
#include <fmt/core.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <tuple>

namespace svesim::scenarios {

std::string name(const World& w) {
    if (w.kind == World::Kind::Guest) return fmt::format("guest{}", w.vmid);
    if (w.identity == World::Identity::Asid) return fmt::format("host-asid{}", w.task);
    return w.task == 0 ? std::string("host-task") : fmt::format("host-task{}", w.task);
}

Origin originOf(const World& w) {
    if (w.kind == World::Kind::Guest) return {OriginKind::Guest, w.vmid};
    return {OriginKind::HostTask,
            w.identity == World::Identity::Asid ? w.task | kAsidOrigin : w.task};
}

std::optional<World> DefaultWorldOf(const CpuState& s) {
    const EL el = s.pstate.el;
    if (el != EL::EL0 && el != EL::EL1) return std::nullopt;
    const std::uint64_t hcr = s.hcr();
    // A VHE host's EL0 (ELIsInHost) runs no guest, whatever VM and the VMID say.
    if (EL2Enabled(s) && bitSet(hcr, hcr::VM) && !ELIsInHost(s, EL::EL0)) {
        // VTTBR_EL2.VMID is bits [63:48] when VTCR_EL2.VS = 1 (FEAT_VMID16, which KVM sets
        // where the ID registers offer 16-bit VMIDs), else [55:48] with [63:56] RES0.
        const bool vmid16 = bitSet(s.sysregs.raw(SysReg::VTCR_EL2), 19);
        const auto vmid =
            static_cast<unsigned>(field(s.sysregs.raw(SysReg::VTTBR_EL2), vmid16 ? 63 : 55, 48));
        if (vmid != 0) return World{World::Kind::Guest, vmid};
    }
    if (el == EL::EL0) {
        const bool host = ELIsInHost(s, EL::EL0);
        const std::uint64_t cid =
            s.sysregs.raw(host ? SysReg::CONTEXTIDR_EL2 : SysReg::CONTEXTIDR_EL1);
        if (cid != 0) return World{World::Kind::HostTask, 0, cid};
        // No CONTEXTIDR identity: the ASID of the EL0 regime, when its stage 1 translates
        // (TCR_ELx.A1 selects the TTBR that holds it, TCR_ELx.AS its width: ARM-M D8.13).
        if (bitSet(s.sysregs.raw(host ? SysReg::SCTLR_EL2 : SysReg::SCTLR_EL1), 0)) {
            const std::uint64_t tcr = s.sysregs.raw(host ? SysReg::TCR_EL2 : SysReg::TCR_EL1);
            const SysReg ttbr = bitSet(tcr, 22) ? (host ? SysReg::TTBR1_EL2 : SysReg::TTBR1_EL1)
                                                : (host ? SysReg::TTBR0_EL2 : SysReg::TTBR0_EL1);
            const std::uint64_t asid = field(s.sysregs.raw(ttbr), bitSet(tcr, 36) ? 63 : 55, 48);
            return World{World::Kind::HostTask, 0, asid, World::Identity::Asid};
        }
        return World{World::Kind::HostTask, 0, 0};
    }
    return std::nullopt; // the host kernel at EL1 (nVHE) is not a world
}

std::string name(ViolationKind k) {
    switch (k) {
    case ViolationKind::Loss: return "LOSS";
    case ViolationKind::Leak: return "LEAK";
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

std::string Violation::json() const {
    const bool bytes = byte_hi > byte_lo;
    nlohmann::json j{{"kind", name(kind)}, {"world", world}, {"reg", reg},
                     {"pc", pc},           {"cycle", cycle}, {"causes", causes}};
    if (bytes) {
        j["byte_lo"] = byte_lo;
        j["byte_hi"] = byte_hi;
        j["expected"] = hex(expected, expected.size());
        j["actual"] = hex(actual, actual.size());
    } else if (!expected.empty() || !actual.empty()) {
        j["expected"] = std::string(expected.begin(), expected.end());
        j["actual"] = std::string(actual.begin(), actual.end());
    }
    return j.dump();
}

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

Checker::Checker(ArchState& arch, WorldClassifier classify)
    : arch_(&arch)
    , prov_(nullptr)
    , classify_(std::move(classify)) {
    prov_ = &arch.enableProvenance([this](const CpuState& s) { return contextOf(s); });
}

Origin Checker::contextOf(const CpuState& s) const {
    if (const auto w = classify_(s)) return originOf(*w);
    switch (s.pstate.el) {
    case EL::EL3: return {OriginKind::Firmware, 0};
    case EL::EL2:
        return {bitSet(s.hcr(), hcr::E2H) ? OriginKind::HostKernel : OriginKind::Hypervisor, 0};
    case EL::EL1: return {OriginKind::HostKernel, 0};
    case EL::EL0: return {OriginKind::HostTask, 0};
    }
    return {};
}

EventMask Checker::interests() {
    return eventBit(EventKind::ExceptionTaken) | eventBit(EventKind::ExceptionReturn) |
           eventBit(EventKind::SysRegWrite) | eventBit(EventKind::VectorLengthChange) |
           eventBit(EventKind::ZeroUpperDecision);
}

std::uint64_t Checker::ownZcr(const World& w) const {
    const CpuState& s = arch_->cpu;
    // A VHE host task is constrained by ZCR_EL2 (its kernel's EL1 alias); everyone else by
    // ZCR_EL1.
    if (w.kind == World::Kind::HostTask && ELIsInHost(s, EL::EL0))
        return s.sysregs.raw(SysReg::ZCR_EL2);
    return s.sysregs.raw(SysReg::ZCR_EL1);
}

Checker::RegState Checker::stateOf(RegRef r) const {
    const SveUnit& sve = arch_->sve;
    const auto bytes = r.kind == RegKind::Z   ? sve.zStorage(r.index)
                       : r.kind == RegKind::P ? sve.pStorage(r.index)
                                              : sve.ffrStorage();
    const auto tags = sve.tags(r.kind, r.index);
    return RegState{{bytes.begin(), bytes.end()}, {tags.begin(), tags.end()}};
}

Checker::Snapshot Checker::take(const World& w, LeaveKind kind, std::uint64_t cycle) const {
    Snapshot s;
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        s.z.push_back(stateOf({RegKind::Z, n}));
    for (unsigned n = 0; n < SveUnit::kNumP; ++n)
        s.p.push_back(stateOf({RegKind::P, n}));
    s.ffr = stateOf({RegKind::FFR, 0});
    s.fpsr = arch_->cpu.sysregs.raw(SysReg::FPSR);
    s.fpcr = arch_->cpu.sysregs.raw(SysReg::FPCR);
    s.fpsr_tag = prov_->fpsr;
    s.fpcr_tag = prov_->fpcr;
    std::tie(s.gpr, s.gpr_tag) = gprState();
    s.zcr = ownZcr(w);
    s.vl_bits = arch_->currentVL().bits();
    const EL el = arch_->cpu.pstate.el;
    s.fp_owned = IsFPEnabled(arch_->cpu, el);
    s.sve_owned = s.fp_owned && IsSVEEnabled(arch_->cpu, el);
    s.kind = kind;
    s.cycle = cycle;
    if (gprs_ != nullptr) s.syscall = gprs_[8]; // the Linux arm64 syscall number (X8)
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
    if (e.asynchronous)
        kind = LeaveKind::Asynchronous;
    else if (w->kind == World::Kind::HostTask && e.kind == Exception::SupervisorCall)
        kind = LeaveKind::Syscall;
    else if (e.kind == Exception::HypervisorCall || e.kind == Exception::MonitorCall)
        kind = LeaveKind::Call;
    // A world whose check is still pending left through its lazy-switch trap: its registers
    // are not its state yet, so its last snapshot stays.
    if (pending_.count(*w) == 0) {
        Snapshot& s = snapshots_[*w] = take(*w, kind, e.ctx.cycle);
        s.pc = e.ctx.pc;
        if (w->kind == World::Kind::HostTask && s.sve_owned) task_vl_[*w] = {s.vl_bits, s.zcr};
    } else if (const auto it = snapshots_.find(*w); it != snapshots_.end()) {
        // Its X registers and SPs are live though its FP state is not: they are what this
        // leave owes (by its kind), the FP/SVE part stays the last snapshot's.
        Snapshot& s = it->second;
        std::tie(s.gpr, s.gpr_tag) = gprState();
        s.kind = kind;
        s.pc = e.ctx.pc;
        s.syscall = gprs_ != nullptr ? gprs_[8] : ~std::uint64_t{0};
    }
    if (kind == LeaveKind::Syscall && gprs_ != nullptr && isClone(gprs_[8])) in_clone_.insert(*w);
    current_.reset();
    ++leaves_;
    last_left_ = *w;
    last_left_cycle_ = e.ctx.cycle;
    note(e.ctx.cycle, fmt::format("{} left by {} at PC {:#x} (VL {})", name(*w), name(e.kind),
                                  e.ctx.pc, arch_->currentVL().bits()));
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
    countSwitch(*w, e.ctx.cycle);
    // Entered with FP disabled at its EL (a lazy switch): its state is not in the registers
    // yet. The check waits for the entry after the trap that loads it; leaves in between
    // (that trap) keep the last snapshot.
    if (!IsFPEnabled(arch_->cpu, arch_->cpu.pstate.el)) {
        pending_[*w] = true;
        return;
    }
    pending_.erase(*w);
    if (std::find(worlds_seen_.begin(), worlds_seen_.end(), *w) == worlds_seen_.end()) {
        worlds_seen_.push_back(*w);
        // A guest whose maximum the program did not declare: what the hypervisor allows it at
        // its first entry (ZCR_EL2's effective length) is its maximum from now on.
        if (w->kind == World::Kind::Guest && guest_max_vq_.count(w->vmid) == 0) {
            const unsigned len =
                static_cast<unsigned>(field(arch_->cpu.sysregs.raw(SysReg::ZCR_EL2), 3, 0));
            const unsigned vq =
                ImplementedSVEVectorLength(arch_->config().sve, (len + 1) * 128).quadwords();
            inferred_max_vq_[w->vmid] = vq;
            notes_.push_back(fmt::format(
                "{}'s maximum VL was not declared (monitor GUEST_MAX_VQ): taken as {} bits, "
                "ZCR_EL2's effective length at its first entry (PC {:#x})",
                name(*w), vq * 128, e.target));
        }
    }
    checkAboveMax(*w, e.target, e.ctx.cycle);
    auto it = snapshots_.find(*w);
    if (in_clone_.erase(*w) != 0 && gprs_ != nullptr) {
        // clone's return value in the parent is the child's thread ID, which the kernel
        // writes to CONTEXTIDR_EL1 when it runs the child.
        const auto child = static_cast<std::int64_t>(gprs_[0]);
        if (child > 0 && w->identity == World::Identity::ContextId)
            parent_of_[World{World::Kind::HostTask, 0, static_cast<std::uint64_t>(child),
                             World::Identity::ContextId}] = *w;
    }
    if (it != snapshots_.end() && it->second.kind == LeaveKind::Syscall &&
        (it->second.syscall == kNrExecve || it->second.syscall == kNrExecveat)) {
        // execve keeps the PID but starts a new program image: every register is the new
        // image's (start_thread, fpsimd_flush_thread) and the VL is the exec default. Its next
        // entry is a first entry: nothing owed, nothing of another's to be read.
        if (!exec_noted_) {
            notes_.push_back(fmt::format(
                "{} returned from execve at PC {:#x}: a new program image, checked as a first "
                "entry (so is every later exec)",
                name(*w), e.target));
            exec_noted_ = true;
        }
        snapshots_.erase(it);
        task_vl_.erase(*w);
        signal_frames_.erase(*w);
        it = snapshots_.end();
    }
    if (it == snapshots_.end()) { // its first live entry: nothing of its own yet, but nothing
        if (w->kind == World::Kind::HostTask) adoptInherited(*w, e.target);
        checkExposed(*w, nullptr, e.target, e.ctx.cycle); // it can read may be another's
        return;
    }
    const Snapshot* owed = &it->second;
    if (w->kind == World::Kind::HostTask) owed = signalFrame(*w, it->second, e.target);
    if (owed == nullptr) {
        checkExposed(*w, nullptr, e.target, e.ctx.cycle);
        return;
    }
    ++entries_;
    cycles_outside_ += e.ctx.cycle - it->second.cycle;
    checkEntry(*w, *owed, e.target, e.ctx.cycle);
}

const Checker::Snapshot* Checker::signalFrame(const World& w, const Snapshot& s,
                                              std::uint64_t target) {
    // Linux delivers a signal by saving the interrupted context in a frame on the task's
    // stack and entering the handler with registers of the kernel's choosing (arm64
    // setup_rt_frame: X0-X2 the arguments, X29/X30/SP the frame and sigreturn trampoline);
    // rt_sigreturn brings the saved context back. So an entry elsewhere than the leave's
    // instruction (or the one after it: a syscall, an emulated instruction) starts a handler:
    // its registers are not owed, but nothing of another's may be in them; and the entry after
    // rt_sigreturn owes what the interrupted context had, unless the handler changed where it
    // resumes (then it asked for other registers too).
    const auto returns_to = [](const Snapshot& f, std::uint64_t pc) {
        return pc == f.pc || pc == f.pc + 4;
    };
    std::vector<Snapshot>& frames = signal_frames_[w];
    if (s.kind == LeaveKind::Syscall && s.syscall == kNrRtSigreturn) {
        if (frames.empty()) return nullptr; // a frame the checker did not see built
        Snapshot& f = frames.back();
        if (!returns_to(f, target)) {
            frames.pop_back();
            return nullptr;
        }
        last_frame_ = std::move(f);
        frames.pop_back();
        return &last_frame_;
    }
    if (returns_to(s, target)) return &s;
    frames.push_back(s);
    if (!signal_noted_) {
        notes_.push_back(fmt::format(
            "{} entered at PC {:#x}, not where it left (PC {:#x}): a signal handler, whose "
            "registers the kernel chose; its rt_sigreturn owes the interrupted context (so for "
            "every signal)",
            name(w), target, s.pc));
        signal_noted_ = true;
    }
    return nullptr;
}

void Checker::adoptInherited(const World& child, std::uint64_t pc) {
    // fork/clone give the child a copy of its parent's registers (copy_thread copies pt_regs,
    // arch_dup_task_struct the FP state): the parent's data in them is the child's own. The
    // parent is the task whose clone returned the child's ID; a vfork parent (or a parent
    // not yet scheduled back) is still inside clone, so those tasks count too.
    std::vector<Origin> parents;
    if (const auto p = parent_of_.find(child); p != parent_of_.end())
        parents.push_back(originOf(p->second));
    for (const World& w : in_clone_)
        parents.push_back(originOf(w));
    if (parents.empty()) return;
    const Origin own = originOf(child);
    const Tag own_tag = prov_->table.single(own);
    std::map<Tag, bool> inherited; // tag -> only the parents' (and the child's) data
    const auto adopt = [&](Tag& t) {
        if (t == kZeroTag || t == own_tag || tagClass(t) == TagClass::Unknown) return;
        auto [it, fresh] = inherited.emplace(t, false);
        if (fresh) {
            bool only = true;
            for (const Origin& o : prov_->table.origins(t))
                only = only && (o.kind == OriginKind::Zero || o == own ||
                                std::find(parents.begin(), parents.end(), o) != parents.end());
            it->second = only;
        }
        if (it->second) t = own_tag;
    };
    for (Tag& t : prov_->x)
        adopt(t);
    adopt(prov_->sp[0]);
    adopt(prov_->fpsr);
    adopt(prov_->fpcr);
    adopt(prov_->nzcv);
    SveUnit& sve = arch_->sve;
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        for (Tag& t : sve.tags(RegKind::Z, n))
            adopt(t);
    for (unsigned n = 0; n < SveUnit::kNumP; ++n)
        for (Tag& t : sve.tags(RegKind::P, n))
            adopt(t);
    for (Tag& t : sve.tags(RegKind::FFR, 0))
        adopt(t);
    if (!clone_noted_) {
        notes_.push_back(fmt::format(
            "{} entered for the first time at PC {:#x} after a clone: the registers it inherited "
            "from its parent are its own (so in every later child)",
            name(child), pc));
        clone_noted_ = true;
    }
}

unsigned Checker::maxBytes(const World& w, unsigned vl_now_bytes, const Snapshot& s) const {
    // A host task cannot raise its own VL: only its kernel writes ZCR, and a larger VL is
    // checked at the entry that brings it (prctl and exec give a task a larger one).
    if (w.kind == World::Kind::HostTask)
        return std::min(vl_now_bytes, arch_->config().sve.max_vl.bytes());
    unsigned bytes = std::max(vl_now_bytes, s.vl_bits / 8);
    if (w.kind == World::Kind::Guest) {
        // A guest can raise its own ZCR_EL1 up to its maximum: the declared one, else the one
        // inferred at its first entry, else what ZCR_EL2 allows now.
        const auto it = guest_max_vq_.find(w.vmid);
        const auto inferred = inferred_max_vq_.find(w.vmid);
        const unsigned el2_len =
            static_cast<unsigned>(field(arch_->cpu.sysregs.raw(SysReg::ZCR_EL2), 3, 0));
        const unsigned vq = it != guest_max_vq_.end()            ? it->second
                            : inferred != inferred_max_vq_.end() ? inferred->second
                                                                 : el2_len + 1;
        bytes = std::max(bytes, vq * 16);
    }
    return std::min(bytes, arch_->config().sve.max_vl.bytes());
}

TagTable::Resolved Checker::resolve(std::uint8_t v, Tag t, Eval e) const {
    switch (e) {
    case Eval::Actual: return prov_->table.resolveActual(v, t);
    case Eval::Preserve: return prov_->table.resolve(v, t, ImplClass::Preserve);
    case Eval::Zero: return prov_->table.resolve(v, t, ImplClass::Zero);
    case Eval::Qemu: return prov_->table.resolve(v, t, ImplClass::Qemu);
    }
    return {v, t};
}

bool Checker::foreign(const World& w, Tag t) const {
    if (t == kZeroTag) return false;
    const auto key = std::make_pair(t, w);
    if (const auto it = foreign_cache_.find(key); it != foreign_cache_.end()) return it->second;
    const Origin own = originOf(w);
    bool out = false;
    for (const Origin& o : prov_->table.origins(t))
        out = out || (o.kind != OriginKind::Zero && o != own);
    foreign_cache_.emplace(key, out);
    return out;
}

bool Checker::derivedFromChoice(Tag t) const {
    return tagClass(t) == TagClass::Mixed && prov_->table.mixedHasUnknown(t);
}

bool Checker::onlyOwn(const World& w, Tag t) const {
    // ZERO, the world's tag, or a set of nothing else (a value it computed from its own bytes
    // and zero-or-preserve bytes of its own).
    return t == kZeroTag || !foreign(w, t);
}

bool Checker::sameProvenance(Tag a, Tag b) const {
    return a == b || prov_->table.origins(a) == prov_->table.origins(b);
}

void Checker::addViolation(Violation v) {
    violations_.push_back(std::move(v));
}

void Checker::checkEntry(const World& w, const Snapshot& s, std::uint64_t pc, std::uint64_t cycle) {
    const unsigned vl_now = arch_->currentVL().bits();
    const auto add = [&](ViolationKind k, std::string reg, std::string exp, std::string act) {
        Violation v{k, name(w), std::move(reg), 0, 0, {}, {}, pc, cycle, {}};
        v.expected.assign(exp.begin(), exp.end());
        v.actual.assign(act.begin(), act.end());
        v.causes = causesFor(w, "", 0, 0);
        addViolation(std::move(v));
        for (auto& kinds : class_kinds_) // not a zero-or-preserve matter: the same everywhere
            if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    };
    // A host task's VL is the one it last observed (SVE enabled at a leave), judged when it
    // can observe it again (SVE enabled now: Linux's lazy SVE trap sets it at the task's next
    // SVE instruction, do_sve_acc); prctl(PR_SVE_SET_VL) changes it on purpose
    // (Documentation/arch/arm64/sve.rst section 6), and the task learns it anew.
    OwnVl own{s.vl_bits, s.zcr};
    bool vl_owned = true;
    if (w.kind == World::Kind::HostTask) {
        if (s.kind == LeaveKind::Syscall && s.syscall == kNrPrctl) task_vl_.erase(w);
        const auto t = task_vl_.find(w);
        vl_owned = t != task_vl_.end() && IsSVEEnabled(arch_->cpu, arch_->cpu.pstate.el);
        if (vl_owned) own = t->second;
    }
    if (vl_owned && vl_now != own.bits)
        add(ViolationKind::VlChanged, "VL", std::to_string(own.bits), std::to_string(vl_now));
    if (vl_owned && ownZcr(w) != own.zcr)
        add(ViolationKind::ZcrChanged, "ZCR", std::to_string(own.zcr), std::to_string(ownZcr(w)));
    // What must come back exactly: the owned bytes at leave, except that a host task's
    // syscall only keeps V[127:0] (and FPSR/FPCR), with P and FFR discarded; a world that had
    // SVE disabled owned only V[127:0], one that had FP disabled owned nothing in registers.
    const bool syscall = s.kind == LeaveKind::Syscall;
    unsigned z_arch = syscall || !s.sve_owned ? 16 : s.vl_bits / 8;
    unsigned p_arch = syscall || !s.sve_owned ? 0 : s.vl_bits / 64;
    if (!s.fp_owned) z_arch = p_arch = 0;
    const unsigned z_max = sveLockedOff(w) ? 16 : maxBytes(w, vl_now / 8, s);
    const unsigned p_max = sveLockedOff(w) ? 0 : z_max / 8;
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        compareRegister(w, {RegKind::Z, n}, &s.z[n], z_arch, z_max, pc, cycle);
    for (unsigned n = 0; n < SveUnit::kNumP; ++n)
        compareRegister(w, {RegKind::P, n}, &s.p[n], p_arch, p_max, pc, cycle);
    compareRegister(w, {RegKind::FFR, 0}, &s.ffr, p_arch, p_max, pc, cycle);
    if (s.fp_owned) {
        compareScalar(w, "FPSR", &s.fpsr, &s.fpsr_tag, arch_->cpu.sysregs.raw(SysReg::FPSR),
                      prov_->fpsr, pc, cycle);
        compareScalar(w, "FPCR", &s.fpcr, &s.fpcr_tag, arch_->cpu.sysregs.raw(SysReg::FPCR),
                      prov_->fpcr, pc, cycle);
    }
    // X registers and SPs by the exit's calling convention; the ones it may clobber carry
    // results (or scratch) on purpose and are not judged.
    if (gprs_ == nullptr) return;
    const auto [value, tag] = gprState();
    const unsigned first = gprsOwedFrom(s.kind);
    if (first > 30) return;
    for (unsigned n = first; n < 31; ++n)
        compareScalar(w, fmt::format("X{}", n), &s.gpr[n], &s.gpr_tag[n], value[n], tag[n], pc,
                      cycle);
    compareScalar(w, "SP_EL0", &s.gpr[31], &s.gpr_tag[31], value[31], tag[31], pc, cycle);
    if (w.kind == World::Kind::Guest)
        compareScalar(w, "SP_EL1", &s.gpr[32], &s.gpr_tag[32], value[32], tag[32], pc, cycle);
}

unsigned gprsOwedFrom(LeaveKind k) {
    switch (k) {
    case LeaveKind::Asynchronous: return 0; // the interrupted code did not ask to be left
    case LeaveKind::Syscall: return 1;      // Linux arm64: X0 holds the return value
    case LeaveKind::Call: return 18;        // SMCCC: X0-X17 results or clobbered
    case LeaveKind::Synchronous: return 31; // emulation may write the faulting insn's Rt
    }
    return 31;
}

std::pair<std::array<std::uint64_t, 33>, std::array<Tag, 33>> Checker::gprState() const {
    std::pair<std::array<std::uint64_t, 33>, std::array<Tag, 33>> out{};
    if (gprs_ != nullptr)
        for (unsigned n = 0; n < 31; ++n) {
            out.first[n] = gprs_[n];
            out.second[n] = prov_->x[n];
        }
    out.first[31] = arch_->cpu.sysregs.raw(SysReg::SP_EL0);
    out.second[31] = prov_->sp[0];
    out.first[32] = arch_->cpu.sysregs.raw(SysReg::SP_EL1);
    out.second[32] = prov_->sp[1];
    return out;
}

void Checker::compareScalar(const World& w, const std::string& reg, const std::uint64_t* own_value,
                            const Tag* own_tag, std::uint64_t value, Tag tag, std::uint64_t pc,
                            std::uint64_t cycle) {
    // Another's data that came in since the leave (a register handed over by the kernel at
    // the world's start, and never changed since, is not a new leak).
    // FPCR is a setting, not data: the same value is the world's own setting whoever wrote it
    // last (Linux writes FPCR only when the task's differs: fpsimd_restore_fpcr).
    const bool same_setting = reg == "FPCR" && own_value != nullptr && value == *own_value;
    const bool alien =
        foreign(w, tag) && !same_setting && (own_tag == nullptr || !sameProvenance(tag, *own_tag));
    // A whole register is one datum: lost when its value changed or another's data replaced
    // it. (The same value under its own or the ZERO tag is the same datum: a store of a pair
    // of equal values cannot tell which register each half came from.)
    const bool lost = own_value != nullptr && (value != *own_value || alien);
    if (!lost && !alien) return;
    std::vector<ViolationKind> kinds;
    if (alien) kinds.push_back(ViolationKind::Leak);
    if (lost) kinds.push_back(ViolationKind::Loss);
    // Not a zero-or-preserve matter: every implementation class sees the same.
    for (auto& cls : class_kinds_)
        for (ViolationKind k : kinds)
            if (std::find(cls.begin(), cls.end(), k) == cls.end()) cls.push_back(k);
    // A whole register holds its values as text, as VL and ZCR do.
    Violation v{kinds.front(), name(w), reg, 0, 0, {}, {}, pc, cycle, {}};
    const std::string act = fmt::format("{:#x}", value);
    v.actual.assign(act.begin(), act.end());
    if (own_value != nullptr) {
        const std::string exp = fmt::format("{:#x}", *own_value);
        v.expected.assign(exp.begin(), exp.end());
    }
    v.causes = causesFor(w, "", 0, 0);
    v.causes.push_back(fmt::format("{} holds {}", reg, prov_->table.describe(tag)));
    addViolation(std::move(v));
    if (kinds.size() == 2) { // a leak into an owned register is also a loss
        Violation loss = violations_.back();
        loss.kind = ViolationKind::Loss;
        addViolation(std::move(loss));
    }
}

void Checker::checkExposed(const World& w, const Snapshot* s, std::uint64_t pc,
                           std::uint64_t cycle) {
    Snapshot none;
    none.vl_bits = arch_->currentVL().bits();
    const Snapshot& base = s ? *s : none;
    const unsigned z_max = sveLockedOff(w) ? 16 : maxBytes(w, none.vl_bits / 8, base);
    const unsigned p_max = sveLockedOff(w) ? 0 : z_max / 8;
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        compareRegister(w, {RegKind::Z, n}, nullptr, 0, z_max, pc, cycle);
    for (unsigned n = 0; n < SveUnit::kNumP; ++n)
        compareRegister(w, {RegKind::P, n}, nullptr, 0, p_max, pc, cycle);
    compareRegister(w, {RegKind::FFR, 0}, nullptr, 0, p_max, pc, cycle);
    if (IsFPEnabled(arch_->cpu, arch_->cpu.pstate.el)) {
        compareScalar(w, "FPSR", nullptr, nullptr, arch_->cpu.sysregs.raw(SysReg::FPSR),
                      prov_->fpsr, pc, cycle);
        compareScalar(w, "FPCR", nullptr, nullptr, arch_->cpu.sysregs.raw(SysReg::FPCR),
                      prov_->fpcr, pc, cycle);
    }
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
    addViolation(std::move(v));
    for (auto& kinds : class_kinds_)
        if (std::find(kinds.begin(), kinds.end(), ViolationKind::VlAboveMax) == kinds.end())
            kinds.push_back(ViolationKind::VlAboveMax);
}

void Checker::compareRegister(const World& w, RegRef r, const RegState* own, unsigned owned,
                              unsigned exposable, std::uint64_t pc, std::uint64_t cycle) {
    const RegState now = stateOf(r);
    const unsigned size = static_cast<unsigned>(now.value.size());
    const unsigned limit = std::min(std::max(exposable, owned), size);
    const Tag own_tag = prov_->table.single(originOf(w));
    // Without a byte whose content depends on a zero-or-preserve choice, every implementation
    // class sees what this run saw: one evaluation answers for all (most entries of a long run).
    bool uniform = true;
    for (unsigned b = 0; b < limit && uniform; ++b)
        uniform = !prov_->hasUnknown(now.tag[b]) &&
                  (own == nullptr || b >= owned || !prov_->hasUnknown(own->tag[b]));
    const auto accumulate = [this](unsigned cls,
                                   const std::vector<std::optional<ViolationKind>>& kind,
                                   const std::vector<bool>& also_loss) {
        auto& kinds = class_kinds_[cls];
        for (std::size_t b = 0; b < kind.size(); ++b) {
            if (!kind[b]) continue;
            for (ViolationKind k : {*kind[b], also_loss[b] ? ViolationKind::Loss : *kind[b]})
                if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
        }
    };
    for (unsigned e = 0; e < (uniform ? 1U : kEvals); ++e) {
        const auto ev = static_cast<Eval>(e);
        // Classify every byte, then (for this run) report runs of the same kind.
        std::vector<std::optional<ViolationKind>> kind(limit);
        std::vector<bool> also_loss(limit, false);
        for (unsigned b = 0; b < limit; ++b) {
            // A byte computed from a zero-or-preserve choice's bytes (MIXED with UNKNOWN) has
            // a value only this run knows: another class would have computed another one.
            if (ev != Eval::Actual &&
                (derivedFromChoice(now.tag[b]) ||
                 (own != nullptr && b < owned && derivedFromChoice(own->tag[b])))) {
                if (!first_unknown_data_) first_unknown_data_ = pc;
                continue;
            }
            const auto cur = resolve(now.value[b], now.tag[b], ev);
            const bool alien = b < exposable && cur.tag != own_tag && foreign(w, cur.tag);
            bool lost = false;
            if (own != nullptr && b < owned &&
                (own->value[b] != now.value[b] || own->tag[b] != now.tag[b] || !uniform)) {
                const auto then = resolve(own->value[b], own->tag[b], ev);
                // A zero byte is the world's whether it carries its own tag or ZERO's (the
                // kernel re-zeroing it, e.g. the lazy SVE trap's flush, takes nothing from it;
                // the same rule as for X registers).
                const bool zero_same = cur.value == 0 && then.value == 0 && onlyOwn(w, cur.tag) &&
                                       onlyOwn(w, then.tag);
                lost = cur.value != then.value || !(sameProvenance(cur.tag, then.tag) || zero_same);
            }
            if (alien) {
                kind[b] = ViolationKind::Leak;
                also_loss[b] = lost;
            } else if (lost) {
                kind[b] = ViolationKind::Loss;
            }
        }
        if (ev != Eval::Actual) {
            accumulate(e - 1, kind, also_loss);
            continue;
        }
        if (uniform)
            for (unsigned cls = 0; cls + 1 < kEvals; ++cls)
                accumulate(cls, kind, also_loss);
        for (unsigned b = 0; b < limit;) {
            if (!kind[b]) {
                ++b;
                continue;
            }
            unsigned end = b;
            while (end < limit && kind[end] == kind[b])
                ++end;
            Violation v{*kind[b], name(w), r.text(), b, end, {}, {}, pc, cycle, {}};
            if (own != nullptr) v.expected.assign(own->value.begin() + b, own->value.begin() + end);
            v.actual.assign(now.value.begin() + b, now.value.begin() + end);
            v.causes = causesFor(w, r.text(), b, end);
            const unsigned id = r.kind == RegKind::Z   ? r.index
                                : r.kind == RegKind::P ? SveUnit::kNumZ + r.index
                                                       : SveUnit::kNumZ + SveUnit::kNumP;
            const auto record = [&](const char* what, const Provenance::RegRecord& rec) {
                if (!rec.valid) return;
                const unsigned vl = r.kind == RegKind::Z ? rec.bytes * 8 : rec.bytes * 64;
                v.causes.push_back(fmt::format(
                    "{} last {} at PC {:#x} by {} ({}) at VL {}", r.text(), what, rec.pc,
                    prov_->table.describe(rec.writer), svesim::name(rec.el), vl));
            };
            record("saved", prov_->lastSave(id));
            record("written", prov_->lastWrite(id));
            v.causes.push_back(
                fmt::format("byte {} holds {}", b, prov_->table.describe(now.tag[b])));
            addViolation(std::move(v));
            // A leak into an owned byte is also a loss of the world's own byte.
            unsigned loss_end = b;
            while (loss_end < end && also_loss[loss_end])
                ++loss_end;
            if (*kind[b] == ViolationKind::Leak && loss_end > b) {
                Violation loss = violations_.back();
                loss.kind = ViolationKind::Loss;
                loss.byte_hi = loss_end;
                loss.expected.resize(loss.byte_hi - loss.byte_lo);
                loss.actual.resize(loss.byte_hi - loss.byte_lo);
                addViolation(std::move(loss));
            }
            b = end;
        }
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
    // A world that raises its own VL while it runs can now read what lay above: another
    // world's or a privileged context's data there is a leak.
    if (current_ && e.new_bits > e.old_bits && e.cause == VlChangeCause::ZcrWrite) {
        const auto w = classify_(arch_->cpu);
        if (w && *w == *current_) {
            const auto it = snapshots_.find(*w);
            checkExposed(*w, it == snapshots_.end() ? nullptr : &it->second, e.ctx.pc, e.ctx.cycle);
        }
    }
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

void Checker::softwareViolation(ViolationKind kind, std::uint64_t arg) {
    const EventContext ctx = arch_->bus.context();
    Violation v{kind, "software", "", 0, 0, {}, {}, ctx.pc, ctx.cycle, {}};
    if (arg != 0) v.causes.push_back(fmt::format("argument {:#x}", arg));
    violations_.push_back(std::move(v));
    if (std::find(software_kinds_.begin(), software_kinds_.end(), kind) == software_kinds_.end())
        software_kinds_.push_back(kind);
}

std::string Checker::verdict() const {
    // Nothing found where nothing could be looked at is not "clean".
    if (violations_.empty() && worlds_seen_.empty()) return "not checked";
    std::vector<ViolationKind> kinds;
    for (const Violation& v : violations_)
        if (std::find(kinds.begin(), kinds.end(), v.kind) == kinds.end()) kinds.push_back(v.kind);
    return kindsText(kinds);
}

std::string Checker::verdictFor(ImplClass c, bool with_software) const {
    std::vector<ViolationKind> kinds = class_kinds_[static_cast<std::size_t>(c)];
    if (with_software)
        for (ViolationKind k : software_kinds_)
            if (std::find(kinds.begin(), kinds.end(), k) == kinds.end()) kinds.push_back(k);
    return kindsText(kinds);
}

std::optional<std::uint64_t> Checker::inconclusiveAt() const {
    const auto& c = prov_->first_unknown_control;
    if (!first_unknown_data_) return c;
    return c ? std::min(*c, *first_unknown_data_) : first_unknown_data_;
}

std::string Checker::allClasses() const {
    const std::string p = verdictFor(ImplClass::Preserve), z = verdictFor(ImplClass::Zero),
                      q = verdictFor(ImplClass::Qemu);
    std::string out = fmt::format("preserve: {}; zero: {}; qemu: {}; random: {}", p, z, q,
                                  p == z ? p : fmt::format("{}|{}", p, z));
    if (const auto pc = inconclusiveAt())
        out += fmt::format(" (not conclusive for the other classes: control flow or a "
                           "register's value at PC {:#x} depended on a zero-or-preserve choice)",
                           *pc);
    return out;
}

std::vector<std::string> Checker::summary() const {
    // (world, kind) -> register -> byte ranges, merged into extents per register; registers
    // with the same extents are listed together.
    using Key = std::pair<std::string, ViolationKind>;
    std::map<Key, std::map<std::string, std::vector<std::pair<unsigned, unsigned>>>> groups;
    std::map<Key, unsigned> counts;
    std::vector<std::string> reg_order;
    for (const Violation& v : violations_) {
        const Key key{v.world, v.kind};
        ++counts[key];
        groups[key][v.reg].push_back({v.byte_lo, v.byte_hi});
        if (std::find(reg_order.begin(), reg_order.end(), v.reg) == reg_order.end())
            reg_order.push_back(v.reg);
    }
    std::vector<std::string> out;
    for (const auto& [key, regs] : groups) {
        std::vector<std::pair<std::string, std::vector<std::string>>> by_extent;
        for (const std::string& reg : reg_order) {
            const auto it = regs.find(reg);
            if (it == regs.end() || reg.empty()) continue;
            auto ranges = it->second;
            std::sort(ranges.begin(), ranges.end());
            std::string extent;
            unsigned lo = ranges.front().first, hi = ranges.front().second;
            const auto flush = [&] {
                if (hi > lo) extent += fmt::format("{}[{}, {})", extent.empty() ? "" : " ", lo, hi);
            };
            for (const auto& [a, b] : ranges) {
                if (a <= hi) {
                    hi = std::max(hi, b);
                    continue;
                }
                flush();
                lo = a;
                hi = b;
            }
            flush();
            const auto same = std::find_if(by_extent.begin(), by_extent.end(),
                                           [&](const auto& g) { return g.first == extent; });
            if (same == by_extent.end())
                by_extent.push_back({extent, {reg}});
            else
                same->second.push_back(reg);
        }
        std::string detail;
        for (const auto& [extent, names] : by_extent) {
            std::string who = names.size() > 3 ? fmt::format("{}..{} ({} registers)", names.front(),
                                                             names.back(), names.size())
                                               : fmt::format("{}", fmt::join(names, ","));
            if (!extent.empty()) who += " bytes " + extent;
            detail += (detail.empty() ? "" : "; ") + who;
        }
        std::string line = fmt::format("{} {}: {} finding{}", name(key.second), key.first,
                                       counts[key], counts[key] == 1 ? "" : "s");
        if (!detail.empty()) line += " in " + detail;
        out.push_back(std::move(line));
    }
    return out;
}

std::string Checker::kindsText(const std::vector<ViolationKind>& in) const {
    std::vector<ViolationKind> kinds = in;
    if (kinds.empty()) return "clean";
    std::sort(kinds.begin(), kinds.end());
    std::string out;
    for (ViolationKind k : kinds) {
        if (!out.empty()) out += '+';
        out += name(k);
    }
    return out;
}

std::vector<std::string> Checker::report(bool details, bool finished) const {
    std::vector<std::string> out;
    std::string worlds;
    for (const World& w : worlds_seen_)
        worlds += (worlds.empty() ? "" : ", ") + name(w);
    out.push_back(fmt::format("verdict {} ({} finding{}, {} world re-entr{} compared; worlds: {})",
                              verdict(), violations_.size(), violations_.size() == 1 ? "" : "s",
                              entries_, entries_ == 1 ? "y" : "ies",
                              worlds.empty() ? "none" : worlds));
    for (std::string& line : summary())
        out.push_back(std::move(line));
    out.push_back("every implementation, from this run: " + allClasses());
    for (const std::string& n : notes_)
        out.push_back("note: " + n);
    for (std::string& line : notChecked(finished))
        out.push_back(std::move(line));
    if (details)
        for (const Violation& v : violations_)
            out.push_back(v.text());
    else if (!violations_.empty())
        out.push_back("(--details lists every finding with its causes)");
    return out;
}

std::vector<std::string> Checker::notChecked(bool finished) const {
    std::vector<std::string> out;
    if (worlds_seen_.empty())
        out.push_back("not checked: no world was ever entered (no guest with HCR_EL2.VM and a "
                      "VMID, no host task at EL0), so nothing could be lost or leaked");
    else if (entries_ == 0)
        out.push_back("not checked: no world was entered a second time, so only leaks into first "
                      "entries were looked for");
    if (!finished)
        out.push_back("not checked: the run stopped before the program's end; what happened after "
                      "was not seen");
    return out;
}

void Checker::countSwitch(const World& entered, std::uint64_t cycle) {
    if (!last_left_) return;
    const bool guest_left = last_left_->kind == World::Kind::Guest;
    const bool guest_entered = entered.kind == World::Kind::Guest;
    std::optional<Switch> s;
    if (guest_left && entered == *last_left_)
        s = Switch::GuestRoundTrip;
    else if (guest_left && !guest_entered)
        s = Switch::GuestToHost;
    else if (!guest_left && guest_entered)
        s = Switch::HostToGuest;
    if (s) {
        SwitchCycles& c = switches_[static_cast<std::size_t>(*s)];
        ++c.count;
        c.total += cycle - last_left_cycle_;
    }
    last_left_.reset();
}

double Checker::meanCyclesOutside() const {
    return entries_ ? static_cast<double>(cycles_outside_) / static_cast<double>(entries_) : 0.0;
}

} // namespace svesim::scenarios
