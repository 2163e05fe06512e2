// Byte provenance through real instructions (docs/provenance.md, "the transfer rule"): loads and
// stores move tags byte for byte, computed results carry the join of their sources, constants
// the executing context's tag (ZERO for zero bytes), and zero-or-preserve points make bytes
// UNKNOWN with both possible contents recorded. Expectations are the rule's own words applied
// by hand to each instruction's Arm ARM dataflow.
#include "support/isa_harness.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr std::uint64_t kBuf = IsaHarness::kMemBase + 0x100;
const Origin kHyp{OriginKind::Hypervisor, 0};
const Origin kGuest{OriginKind::Guest, 1};
const Origin kHost{OriginKind::HostTask, 7};

// A PE whose executing context is whatever `who` says now.
struct Tracked : IsaHarness {
    Origin who = kHyp;
    Provenance* prov;
    explicit Tracked(unsigned vl_bits = 256)
        : IsaHarness(vl_bits, EL::EL2) {
        prov = &arch.enableProvenance([this](const CpuState&) { return who; });
        setX(0, kBuf);
    }
    void as(const Origin& o) {
        who = o;
        prov->contextChanged(arch.cpu);
    }
    Tag tag(const Origin& o) { return prov->table.single(o); }
    Tag zTag(unsigned n, unsigned byte) { return arch.sve.tags(RegKind::Z, n)[byte]; }
    // Z[n] written by the current context from a constant pattern (INDEX z.b, #1, #1).
    void paintZ(unsigned n) {
        const std::uint32_t index_b = 0x04204000U | (1U << 16) | (1U << 5) | n;
        REQUIRE(exec(index_b) != nullptr);
    }
};

} // namespace

TEST_CASE("Provenance: constants carry the executing context's tag, zero bytes ZERO",
          "[provenance][isa]") {
    Tracked t;
    t.as(kGuest);
    t.paintZ(1); // bytes 1, 2, 3, ...
    CHECK(t.zTag(1, 0) == t.tag(kGuest));
    REQUIRE(t.exec(0x25f8c005)); // mov z5.d, #0
    CHECK(t.zTag(5, 0) == kZeroTag);
    CHECK(t.zTag(5, 31) == kZeroTag);
    REQUIRE(t.exec(0xd28000a9)); // mov x9, #5
    CHECK(t.prov->x[9] == t.tag(kGuest));
    REQUIRE(t.exec(0xd2800008)); // mov x8, #0
    CHECK(t.prov->x[8] == kZeroTag);
}

TEST_CASE("Provenance: a privileged save and restore through memory keeps every byte's tag",
          "[provenance][isa]") {
    Tracked t;
    t.as(kGuest);
    t.paintZ(1);
    t.as(kHyp);                  // the hypervisor saves the guest's Z1 and restores it to Z2
    REQUIRE(t.exec(0xe5804001)); // str z1, [x0]
    CHECK(t.prov->memory.at(kBuf) == t.tag(kGuest));
    CHECK(t.prov->memory.at(kBuf + 31) == t.tag(kGuest));
    REQUIRE(t.exec(0x85804002)); // ldr z2, [x0]
    for (unsigned b = 0; b < 32; ++b)
        CHECK(t.zTag(2, b) == t.tag(kGuest));
    // Memory nobody tagged is ZERO: a restore from it carries no one's data.
    REQUIRE(t.exec(0x85804403)); // ldr z3, [x0, #1, mul vl]
    CHECK(t.zTag(3, 0) == kZeroTag);
}

TEST_CASE("Provenance: a world's own loads bring its own data", "[provenance][isa]") {
    Tracked t;
    t.as(kHost);
    t.paintZ(1);
    REQUIRE(t.exec(0xe5804001)); // str z1, [x0]: the host task's data in memory
    t.as(kGuest);
    REQUIRE(t.exec(0x85804002)); // ldr z2, [x0] by the guest: its memory is its own
    CHECK(t.zTag(2, 0) == t.tag(kGuest));
    t.as(kHyp);
    REQUIRE(t.exec(0x85804002)); // the same load by the hypervisor moves the host's tags
    CHECK(t.zTag(2, 0) == t.tag(kHost));
}

TEST_CASE("Provenance: scalar loads, stores, pairs and writeback", "[provenance][isa]") {
    Tracked t;
    t.as(kGuest);
    REQUIRE(t.exec(0xd28000a5 | 0)); // mov x5, #5
    CHECK(t.prov->x[5] == t.tag(kGuest));
    t.as(kHyp);
    REQUIRE(t.exec(0xf9000005)); // str x5, [x0]: the data register's tag, not the base's
    CHECK(t.prov->memory.at(kBuf) == t.tag(kGuest));
    REQUIRE(t.exec(0xf9400006)); // ldr x6, [x0]
    CHECK(t.prov->x[6] == t.tag(kGuest));
    REQUIRE(t.exec(0xa9011805)); // stp x5, x6, [x0, #16]
    CHECK(t.prov->memory.at(kBuf + 16) == t.tag(kGuest));
    CHECK(t.prov->memory.at(kBuf + 24) == t.tag(kGuest));
    const Tag base = t.prov->x[0];
    REQUIRE(base != t.tag(kGuest));
    REQUIRE(t.exec(0xf8410c0a)); // ldr x10, [x0, #16]!: data from memory, writeback from x0
    CHECK(t.prov->x[10] == t.tag(kGuest));
    CHECK(t.prov->x[0] == base);
}

TEST_CASE("Provenance: a load pair of two equal values gives each register its own load's tags",
          "[provenance][isa]") {
    // LDP loads Rt from [addr] and Rt2 from [addr + 8] (ARM-M C6.2 LDP). Matching the written
    // value against the loads gave both registers the first load's tags when the two values
    // were equal (Linux's kernel_exit restored a task's X3 = 0 with X2's origin).
    Tracked t;
    t.as(kHyp);
    t.prov->memory.fill(kBuf, 8, t.tag(kGuest)); // two zero doublewords, of two origins
    t.prov->memory.fill(kBuf + 8, 8, t.tag(kHost));
    REQUIRE(t.exec(0xa9400c02)); // ldp x2, x3, [x0]
    CHECK(t.prov->x[2] == t.tag(kGuest));
    CHECK(t.prov->x[3] == t.tag(kHost));
}

TEST_CASE("Provenance: a value parked in a system register and read back is a copy",
          "[provenance][isa]") {
    // Linux's KPTI trampoline keeps X30 in TPIDRRO_EL0 and X29 in FAR_EL1 while it switches
    // vectors and page tables (arch/arm64/kernel/entry.S tramp_ventry, tramp_exit).
    Tracked t;
    t.as(kGuest);
    REQUIRE(t.exec(0xd28000a5)); // mov x5, #5
    t.as(kHyp);
    REQUIRE(t.exec(0xd51bd065)); // msr tpidrro_el0, x5
    REQUIRE(t.exec(0xd53bd066)); // mrs x6, tpidrro_el0
    CHECK(t.prov->x[6] == t.tag(kGuest));
    REQUIRE(t.exec(0xd5186005)); // msr far_el1, x5
    SECTION("read back unchanged: the parked datum") {
        REQUIRE(t.exec(0xd5386007)); // mrs x7, far_el1
        CHECK(t.prov->x[7] == t.tag(kGuest));
    }
    SECTION("written by the PE since (a fault's address): the reading context's") {
        t.arch.cpu.sysregs.write(SysReg::FAR_EL1, 0x1234);
        REQUIRE(t.exec(0xd5386007)); // mrs x7, far_el1
        CHECK(t.prov->x[7] == t.tag(kHyp));
    }
}

TEST_CASE("Provenance: arithmetic that gives a register back its earlier value gives back its "
          "origin",
          "[provenance][isa]") {
    // Linux's vector entry checks the stack (arch/arm64/kernel/entry.S kernel_ventry):
    // add sp, sp, x0; sub x0, sp, x0; (test) sub x0, sp, x0; sub sp, sp, x0 - X0 and SP hold
    // their values again, computed from both. They are the same data as before.
    Tracked t;
    t.as(kGuest);
    REQUIRE(t.exec(0xd28000a1)); // mov x1, #5
    t.as(kHyp);
    REQUIRE(t.exec(0x9100001f));                      // mov sp, x0
    const unsigned sp = t.arch.cpu.pstate.sp ? 2 : 0; // SP_EL2 or SP_EL0
    const Tag sp_tag = t.tag(kHyp);                   // the hypervisor's stack pointer
    t.prov->sp[sp] = sp_tag;
    REQUIRE(t.exec(0x8b2163ff));                      // add sp, sp, x1
    REQUIRE(t.exec(0xcb2163e1));                      // sub x1, sp, x1
    CHECK(tagClass(t.prov->x[1]) == TagClass::Mixed); // the old SP: computed from both
    REQUIRE(t.exec(0xcb2163e1));                      // sub x1, sp, x1: 5 again
    CHECK(t.prov->x[1] == t.tag(kGuest));
    REQUIRE(t.exec(0xcb2163ff)); // sub sp, sp, x1: the old SP again
    CHECK(t.prov->sp[sp] == sp_tag);
    // A new value is a new datum: the join of its sources.
    REQUIRE(t.exec(0x8b2163ff)); // add sp, sp, x1
    CHECK(tagClass(t.prov->sp[sp]) == TagClass::Mixed);
}

TEST_CASE("Provenance: DC ZVA's zeros carry ZERO, not the address register's tag",
          "[provenance][isa]") {
    // DC ZVA writes zeros (ARM-M C6.2 DC ZVA); Xt is only the address. Before this rule a
    // kernel's cleared pages carried the kernel's tag and every later read of them by a task
    // looked like a leak (132,223 findings on Debian's kernel with KVM; 33,050 after).
    Tracked t;
    t.as(kGuest);
    REQUIRE(t.exec(0xd28000a5)); // mov x5, #5
    REQUIRE(t.exec(0xf9000005)); // str x5, [x0]
    REQUIRE(t.prov->memory.at(kBuf) == t.tag(kGuest));
    t.as(kHyp);
    t.prov->x[0] = t.tag(kHyp);  // the address was computed by the hypervisor
    REQUIRE(t.exec(0xd50b7420)); // dc zva, x0
    CHECK(t.mem.get<std::uint64_t>(kBuf) == 0);
    CHECK(t.prov->memory.at(kBuf) == kZeroTag);
    CHECK(t.prov->memory.at(kBuf + 63) == kZeroTag);
}

TEST_CASE("Provenance: computed results carry the join of their sources", "[provenance][isa]") {
    Tracked t;
    t.as(kGuest);
    t.paintZ(1);
    t.as(kHost);
    t.paintZ(2);
    t.as(kHyp);
    REQUIRE(t.exec(0x04220024)); // add z4.b, z1.b, z2.b
    const Tag mixed = t.zTag(4, 0);
    CHECK(tagClass(mixed) == TagClass::Mixed);
    const auto origins = t.prov->table.origins(mixed);
    CHECK(origins == std::vector<Origin>{kGuest, kHost});
    // A copy of a single source keeps its tag.
    REQUIRE(t.exec(0x3d800801)); // str q1, [x0, #32]
    CHECK(t.prov->memory.at(kBuf + 32) == t.tag(kGuest));
}

TEST_CASE("Provenance: a zero-or-preserve choice makes bytes UNKNOWN with both contents",
          "[provenance][isa]") {
    // VL 256 of a 512-bit machine: a Z write leaves bytes [32, 64) to the implementation (R11).
    Setup setup;
    setup.max_vl = 512;
    IsaHarness h(256, EL::EL2, setup);
    Origin who = kGuest;
    Provenance& prov = h.arch.enableProvenance([&](const CpuState&) { return who; });
    // Bytes [32, 64) of Z1 hold the host's data before the guest writes Z1 at VL 256.
    const Tag host = prov.table.single(kHost);
    auto z1 = h.arch.sve.zStorage(1);
    auto tags = h.arch.sve.tags(RegKind::Z, 1);
    for (unsigned b = 32; b < 64; ++b) {
        z1[b] = 0xAB;
        tags[b] = host;
    }
    prov.contextChanged(h.arch.cpu);
    REQUIRE(h.exec(0x04204000U | (1U << 16) | (1U << 5) | 1)); // index z1.b, #1, #1
    const Tag u = h.arch.sve.tags(RegKind::Z, 1)[40];
    REQUIRE(tagClass(u) == TagClass::Unknown);
    // A preserving implementation still holds the host's byte there, a zeroing one zero.
    const auto kept = prov.table.resolve(z1[40], u, ImplClass::Preserve);
    CHECK(kept.value == 0xAB);
    CHECK(kept.tag == host);
    const auto zeroed = prov.table.resolve(z1[40], u, ImplClass::Zero);
    CHECK(zeroed.value == 0);
    CHECK(zeroed.tag == kZeroTag);
    // The qemu class does not zero at the Arm ARM's points.
    CHECK(prov.table.resolve(z1[40], u, ImplClass::Qemu).tag == host);
    // What this run did (the harness's default policy preserves).
    CHECK(prov.table.resolveActual(z1[40], u).tag == host);
}
