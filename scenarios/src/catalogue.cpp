#include "svesim/scenarios/catalogue.h"

#include "svesim/scenarios/checker.h"

#include <algorithm>
#include <array>
#include <deque>
#include <mutex>
#include <vector>

namespace svesim::scenarios {
namespace {

// Default parameters shared by the shipped scenarios: host max VQ 4 (512 bits), guest max VQ
// 2 (256 bits), the guest's own ZCR_EL1 VQ 1 (128 bits), two switch rounds.
std::vector<ParamInfo> withGz1(std::uint64_t gz1) {
    return {{"hmax_vq", 4, "host maximum VQ (ZCR_EL2.LEN + 1 while the host runs)"},
            {"gmax_vq", 2, "guest maximum VQ (ZCR_EL2.LEN + 1 while the guest runs)"},
            {"gz1_vq", gz1, "the guest's own ZCR_EL1 VQ"},
            {"rounds", 2, "KVM_RUN ioctls of the host task"}};
}
std::vector<ParamInfo> kvmParams() {
    return withGz1(1);
}
std::vector<ParamInfo> stressParams() {
    auto p = withGz1(1);
    p[3] = {"rounds", 40, "guest time slices"};
    p.push_back({"slice_cycles", 20000, "cycles per time slice (the timer device)"});
    return p;
}

const std::vector<ScenarioInfo>& table() {
    static const std::vector<ScenarioInfo> kTable = {
        {"s1_v2_happy", "s1_v2_happy", "Feb 2021, nVHE patch v2 (Daniel Kiss)",
         "The v2 nVHE sequence with nothing in the exit-to-put window: the host saves its "
         "FPSIMD state on the guest's first SVE trap, EL2 sets ZCR_EL2 to the guest maximum and "
         "loads the guest at it, the guest runs at its own ZCR_EL1; on exit EL2 restores "
         "ZCR_EL2 for the host and the EL1 put raises ZCR_EL1 to the guest maximum and saves.",
         kvmParams(), "clean", "clean", "clean", "clean"},
        {"s2_v2_fp_enabled_bug", "s2_v2_fp_enabled_bug", "Feb 2021, nVHE patch v2",
         "The `flags |= FP_ENABLED` side effect of v2: a guest that exits without touching FP "
         "gets FP_ENABLED set anyway, so the host's live registers are bound to the guest; at "
         "the next entry the guest sees the host's values and its own are never loaded.",
         kvmParams(), "LOSS+LEAK+SELFCHECK", "LOSS+LEAK+SELFCHECK", "LOSS+LEAK+SELFCHECK",
         "LOSS+LEAK+SELFCHECK"},
        {"s3_v2_softirq_neon", "s3_v2_softirq_neon", "Feb 2021, nVHE patch v2",
         "Kernel-mode NEON in a softirq between guest exit and vcpu put: fpsimd_save runs at the "
         "host's EL1 with ZCR_EL1 still holding the guest's own (smaller) VL, the VL check "
         "fails: WARN, and the guest's state is not saved.",
         kvmParams(), "WARN", "WARN", "WARN", "WARN"},
        {"s3_513_softirq_neon", "s3_513_softirq_neon", "v5.13 - v6.13, nVHE",
         "The same window in 5.13: CPTR_EL2.TZ is set and ZCR_EL2 holds the guest maximum; the "
         "softirq's RDVL traps to EL2, which raises ZCR_EL2 for the host and re-executes it; the "
         "VL is min(guest ZCR_EL1, host max), the check fails: WARN, guest state not saved.",
         kvmParams(), "WARN", "WARN", "WARN", "WARN"},
        {"s4_2025_eager_zcr", "s4_2025_eager_zcr", "Feb 2025 (6.14, backported)",
         "The final design: fpsimd_lazy_switch_to_host at EL2 saves the guest's ZCR_EL1 and sets "
         "ZCR_EL2 to the host maximum and ZCR_EL1 to the guest maximum before returning to the "
         "host; lazy_switch_to_guest restores them. A softirq save in the window passes.",
         kvmParams(), "clean", "clean", "clean", "clean"},
        {"reviewer_el2_fixup", "reviewer_el2_fixup", "Feb 2021, Dave Martin's review of v2",
         "The reviewer's proposal: when exiting to the host with FP_ENABLED, EL2 saves the "
         "guest's ZCR_EL1 and sets ZCR_EL1 to the guest maximum before returning to EL1, so the "
         "host's EL1 code never runs below the VL the guest state is bound to.",
         kvmParams(), "clean", "clean", "clean", "clean"},
        {"s17_too_small", "s17_too_small", "architectural (the review's 'too small' case)",
         "While live guest state is bound at the guest maximum, host code lowers the effective "
         "VL below the guest's own VL, runs an SVE instruction, then raises it and saves: bits "
         "between the lowered VL and the guest's VL may come back zero.",
         withGz1(2), "clean", "LOSS+SELFCHECK", "LOSS+SELFCHECK", "clean|LOSS+SELFCHECK"},
        {"opt_current_vl_save", "opt_current_vl_save", "Feb 2021, the optimisation proposed in v2",
         "Save and restore only up to the guest's current VL (its ZCR_EL1) instead of its "
         "maximum: when the guest later raises its own ZCR_EL1 it may expose bytes of another "
         "world that were never cleared.",
         kvmParams(), "LEAK", "clean", "clean", "clean|LEAK"},
        {"s6_zcr_el2_tz_prefix", "s6_zcr_el2_tz_prefix", "Mar 2021, before 5b0870931371",
         "The host SVE trap handler at EL2 writes ZCR_EL2 while CPTR_EL2.TZ is still set: the "
         "access traps at EL2, an unexpected EL2 exception (hyp_panic).",
         withGz1(2), "HYP_PANIC", "HYP_PANIC", "HYP_PANIC", "HYP_PANIC"},
        {"s6_zcr_el2_tz_fixed", "s6_zcr_el2_tz_fixed", "Mar 2021, 5b0870931371",
         "The fixed order: clear CPTR_EL2.TZ, ISB, then write ZCR_EL2.", withGz1(2), "clean",
         "clean", "clean", "clean"},
        {"s5_vhe_513", "s5_vhe_513", "v5.13+, VHE",
         "VHE: the host kernel runs at EL2; after exit ZCR_EL2 keeps the guest maximum, so the "
         "host runs at the guest's VL until put saves at the guest maximum and the task reloads "
         "at its own.",
         kvmParams(), "clean", "clean", "clean", "clean"},
        {"s10_pkvm_eager", "s10_pkvm_eager", "v6.10+, protected KVM",
         "pKVM saves the host's SVE state eagerly at EL2 at the host's VL, loads the guest at "
         "its maximum, and on exit saves the guest and restores the host: no leak either way.",
         kvmParams(), "clean", "clean", "clean", "clean"},
        {"s11_nonsve_guest", "s11_nonsve_guest", "all eras",
         "A guest without SVE on an SVE host: only V0-V31 are switched; the host task's Z bits "
         "above 128 and its P/FFR are discarded by the syscall ABI (not a bug).",
         kvmParams(), "clean", "clean", "clean", "clean"},
        {"stress", "stress", "sve-test style, eager switch",
         "A guest and a host task each fill their registers and run over many timer-IRQ-driven "
         "switches, the guest alternating its own VL between gz1 and gmax, with an eager "
         "save/restore at EL2.",
         stressParams(), "clean", "clean", "clean", "clean"},
    };
    return kTable;
}

const std::vector<ScenarioInfo>& linuxTable() {
    static const std::vector<ScenarioInfo> kTable = {
        {"linux_kvm_vhe",
         "",
         "Debian 12's kernel (6.1 with the 2025 fixes), VHE",
         "Debian's own arm64 kernel boots on svesim; KVM in VHE mode runs the shipped guests "
         "(every VL, FP and SVE arithmetic, a guest that never enables SVE, VL changes) under "
         "svesim-vmm beside host SVE pressure with kernel-mode NEON; the checker follows every "
         "host task and the guest.",
         {},
         "clean",
         "clean",
         "clean",
         "clean",
         false,
         "vhe"},
        {"linux_kvm_nvhe",
         "",
         "Debian 12's kernel (6.1 with the 2025 fixes), nVHE",
         "The same in nVHE mode (kvm-arm.mode=nvhe): the host kernel at EL1, KVM's hypervisor at "
         "EL2 switching ZCR_EL1/ZCR_EL2 eagerly around every guest run.",
         {},
         "clean",
         "clean",
         "clean",
         "clean",
         false,
         "nvhe"},
    };
    return kTable;
}

constexpr std::array<std::string_view, 6> kPolicies{"preserve", "zero",     "qemu",
                                                    "random:1", "random:2", "random:3"};

} // namespace

std::span<const ScenarioInfo> catalogue() {
    return table();
}

std::span<const ScenarioInfo> linuxScenarios() {
    return linuxTable();
}

const ScenarioInfo* findScenario(std::string_view name) {
    for (const auto* t : {&table(), &linuxTable()})
        for (const ScenarioInfo& s : *t)
            if (s.name == name) return &s;
    return nullptr;
}

const ScenarioInfo* ownProgram(std::string_view path) {
    constexpr std::string_view kElf = ".elf";
    if (path.size() <= kElf.size() || path.substr(path.size() - kElf.size()) != kElf)
        return nullptr;
    static std::mutex lock;
    static std::deque<std::string> paths; // the ScenarioInfos' string_views point here
    static std::deque<ScenarioInfo> infos;
    const std::lock_guard<std::mutex> hold(lock);
    for (const ScenarioInfo& s : infos)
        if (s.program == path) return &s;
    const std::string_view p = paths.emplace_back(path);
    return &infos.emplace_back(
        ScenarioInfo{p, p, "own program", "", {}, "clean", "clean", "clean", "clean", true});
}

const ScenarioInfo* findScenarioOrProgram(std::string_view name) {
    const ScenarioInfo* s = findScenario(name);
    return s != nullptr ? s : ownProgram(name);
}

std::string programPath(const ScenarioInfo& s, const std::string& dir) {
    return s.own ? std::string(s.program) : dir + "/" + std::string(s.program) + ".elf";
}

std::string_view expectedFor(const ScenarioInfo& s, std::string_view policy) {
    if (policy == "preserve") return s.expect_preserve;
    if (policy == "zero") return s.expect_zero;
    if (policy == "qemu") return s.expect_qemu;
    return s.expect_random;
}

namespace {

// The point's vector lengths, in quadwords.
struct Vqs {
    std::uint64_t hmax, gmax, gz1;
};
// What a policy does with the bytes an SVE operation at a lower VL may zero (R_YRPDH): keep
// them (preserve), zero them (zero; qemu zeroes on every narrowing write the scenarios do), or
// either, per register (random).
enum class Narrowing : std::uint8_t { Keeps, Zeroes, Either };

Narrowing narrowingOf(std::string_view policy) {
    if (policy == "preserve") return Narrowing::Keeps;
    if (policy == "zero" || policy == "qemu") return Narrowing::Zeroes;
    return Narrowing::Either;
}

// A verdict as the checker writes it (kinds in ViolationKind order, "clean" for none); `maybe`
// kinds appear or not, as alternatives joined by '|', the verdict without them first.
std::string verdictOf(std::vector<ViolationKind> always, std::vector<ViolationKind> maybe = {}) {
    const auto text = [](std::vector<ViolationKind> kinds) {
        if (kinds.empty()) return std::string("clean");
        std::sort(kinds.begin(), kinds.end());
        kinds.erase(std::unique(kinds.begin(), kinds.end()), kinds.end());
        std::string out;
        for (ViolationKind k : kinds) {
            if (!out.empty()) out += '+';
            out += name(k);
        }
        return out;
    };
    if (maybe.empty()) return text(always);
    std::vector<ViolationKind> with = always;
    with.insert(with.end(), maybe.begin(), maybe.end());
    return text(always) + "|" + text(with);
}

using K = ViolationKind;

// The host kernel's fpsimd_save in the exit-to-put window compares the VL the softirq runs at
// with the VL the guest's live state is bound at (gmax): WARN when they differ.
std::string softirqSave(std::uint64_t vl_in_window, const Vqs& v) {
    return vl_in_window == v.gmax ? verdictOf({}) : verdictOf({K::Warn});
}

// s3_v2_softirq_neon: v2's exit sets ZCR_EL2 = LEN_MASK and leaves the guest's ZCR_EL1, so the
// host's EL1 runs at gz1 (the implemented maximum, VQ 16, is never below it).
std::string s3V2(const Vqs& v, Narrowing) {
    return softirqSave(v.gz1, v);
}
// s3_513_softirq_neon, s6_zcr_el2_tz_fixed: the softirq's RDVL traps to EL2 (CPTR_EL2.TZ), which
// raises ZCR_EL2 to the host's maximum and re-executes it: min(gz1, hmax).
std::string s3At513(const Vqs& v, Narrowing) {
    return softirqSave(std::min(v.gz1, v.hmax), v);
}
// s17_too_small: host EL1 code lowers ZCR_EL1 to VQ 1, runs an SVE instruction, raises ZCR_EL1
// to gmax-1, and v2's put saves it as the guest's own ZCR_EL1. The guest comes back with
// ZCR_EL1 = gmax-1: ZCR_CHANGED unless gz1 = gmax, VL_CHANGED when its VL was below gmax (its
// VL is min(gz1, gmax)). The bytes of its state between VQ 1 and its VL are zero or kept
// (R_YRPDH): LOSS where the policy zeroes, when its VL is above VQ 1. Its own check of its
// registers fails (SELFCHECK) when its VL changed or bytes were lost.
std::string s17(const Vqs& v, Narrowing n) {
    const std::uint64_t vl = std::min(v.gz1, v.gmax);
    std::vector<K> always;
    if (v.gz1 < v.gmax) always.insert(always.end(), {K::VlChanged, K::SelfCheck});
    if (v.gz1 != v.gmax) always.push_back(K::ZcrChanged);
    if (vl <= 1 || n == Narrowing::Keeps) return verdictOf(always);
    if (n == Narrowing::Zeroes) {
        always.insert(always.end(), {K::Loss, K::SelfCheck});
        return verdictOf(always);
    }
    // Either: the guest's check fails only with the loss unless its VL changed anyway.
    return verdictOf(always, {K::Loss, K::SelfCheck});
}
// opt_current_vl_save: the guest's state is saved and loaded at gz1 only; when gz1 < gmax the
// bytes between gz1 and gmax keep the host task's data unless the load at gz1 zeroes them, and
// the guest can raise its ZCR_EL1 to gmax and read them: LEAK where the policy keeps them.
std::string optCurrentVl(const Vqs& v, Narrowing n) {
    if (v.gz1 >= v.gmax || n == Narrowing::Zeroes) return verdictOf({});
    return n == Narrowing::Keeps ? verdictOf({K::Leak}) : verdictOf({}, {K::Leak});
}

struct Rule {
    std::string_view scenario;
    std::string (*expect)(const Vqs&, Narrowing);
};
// Scenarios whose verdict depends on the vector lengths; every other scenario's verdict is the
// same at every possible point (the sweep of the default grid: docs/studies/README.md).
constexpr std::array kRules{
    Rule{"s3_v2_softirq_neon", s3V2},          Rule{"s3_513_softirq_neon", s3At513},
    Rule{"s6_zcr_el2_tz_fixed", s3At513},      Rule{"s17_too_small", s17},
    Rule{"opt_current_vl_save", optCurrentVl},
};

} // namespace

std::string expectedFor(const ScenarioInfo& s, std::string_view policy,
                        const std::map<std::string, std::uint64_t>& params) {
    const auto it = std::find_if(kRules.begin(), kRules.end(),
                                 [&](const Rule& r) { return r.scenario == s.name; });
    if (it == kRules.end()) return std::string(expectedFor(s, policy));
    const auto value = [&](std::string_view n) -> std::uint64_t {
        if (const auto p = params.find(std::string(n)); p != params.end()) return p->second;
        for (const ParamInfo& d : s.params)
            if (d.name == n) return d.value;
        return 0;
    };
    return it->expect(Vqs{value("hmax_vq"), value("gmax_vq"), value("gz1_vq")},
                      narrowingOf(policy));
}

bool verdictMatches(std::string_view expected, std::string_view verdict) {
    std::size_t start = 0;
    while (start <= expected.size()) {
        const std::size_t bar = expected.find('|', start);
        const std::string_view alt = expected.substr(
            start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
        if (alt == verdict) return true;
        if (bar == std::string_view::npos) break;
        start = bar + 1;
    }
    return false;
}

std::span<const std::string_view> standardPolicies() {
    return kPolicies;
}

} // namespace svesim::scenarios
