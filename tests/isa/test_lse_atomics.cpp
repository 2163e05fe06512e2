// FEAT_LSE atomics (isa/src/lse_insns.cpp): every operation, size and ordering of LD<op>, their
// ST<op> aliases, SWP, CAS and CASP. Expected registers and memory are qemu-aarch64 7.2's
// (-cpu max) results for the same instruction and inputs; words from scripts/asm-words.sh.
#include "support/isa_harness.h"
#include "svesim/exceptions/take_exception.h"
#include "svesim/isa/global_monitor.h"

#include <array>
#include <catch2/catch.hpp>
#include <fmt/core.h>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr std::uint64_t kBase = 0x10F00;

// One instruction with x0..x7 and 16 bytes at kBase given, the base register pointing there.
struct QemuCase {
    std::uint32_t word;
    unsigned base_reg;
    std::array<std::uint64_t, 8> x;
    std::array<std::uint64_t, 2> mem;
    std::array<std::uint64_t, 8> expect_x;
    std::array<std::uint64_t, 2> expect_mem;
};

void check(const QemuCase& c) {
    IsaHarness h;
    INFO(fmt::format("{:#010x} {}", c.word, isa::disassemble(c.word, 0x1000)));
    for (unsigned r = 0; r < 8; ++r)
        h.setX(r, c.x[r]);
    h.setX(c.base_reg, kBase);
    h.mem.put(kBase, c.mem[0]);
    h.mem.put(kBase + 8, c.mem[1]);
    REQUIRE(h.exec(c.word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
    for (unsigned r = 0; r < 8; ++r) {
        INFO("x" << r);
        CHECK(h.x(r) == c.expect_x[r]);
    }
    CHECK(h.mem.get<std::uint64_t>(kBase) == c.expect_mem[0]);
    CHECK(h.mem.get<std::uint64_t>(kBase + 8) == c.expect_mem[1]);
}

void expectUndefined(std::uint32_t word) {
    INFO(fmt::format("{:#010x}", word));
    IsaHarness h;
    CHECK(h.exec(word) == nullptr);
    CHECK(h.cx.faulted());
}

} // namespace

TEST_CASE("lse: LD<op>, ST<op>, SWP, CAS and CASP match QEMU", "[isa][lse]") {
    // clang-format off
    const QemuCase cases[] = {
    {0xf8200041, 2, {0x123456789abcdef, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x7fffffffffffffff, 0x0}, {0x123456789abcdef, 0x7fffffffffffffff, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x8123456789abcdee, 0x0}}, // ldadd x0, x1, [x2]
    {0x38e00041, 2, {0x1f0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0xaa20, 0x0}, {0x1f0, 0x20, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0xaa10, 0x0}}, // ldaddalb w0, w1, [x2]
    {0x78231044, 2, {0x0, 0x0, 0x0, 0xff0f, 0x0, 0x0, 0x0, 0x0}, {0x56781234, 0x0}, {0x0, 0x0, kBase, 0xff0f, 0x1234, 0x0, 0x0, 0x0}, {0x56780030, 0x0}}, // ldclrh w3, w4, [x2]
    {0xf8203041, 2, {0x8000000000000001, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x10, 0x0}, {0x8000000000000001, 0x10, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x8000000000000011, 0x0}}, // ldset x0, x1, [x2]
    {0xb8204041, 2, {0xffffffff, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0xfffffffe, 0x0}, {0xffffffff, 0xfffffffe, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0xffffffff, 0x0}}, // ldsmax w0, w1, [x2]
    {0x38205041, 2, {0x7f, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x80, 0x0}, {0x7f, 0x80, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x80, 0x0}}, // ldsminb w0, w1, [x2]
    {0x78206041, 2, {0x7fff, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x8000, 0x0}, {0x7fff, 0x8000, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x8000, 0x0}}, // ldumaxh w0, w1, [x2]
    {0xf8207041, 2, {0x5, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x8000000000000003, 0x0}, {0x5, 0x8000000000000003, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x5, 0x0}}, // ldumin x0, x1, [x2]
    {0x38204041, 2, {0x7f, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x80, 0x0}, {0x7f, 0x80, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x7f, 0x0}}, // ldsmaxb w0, w1, [x2]
    {0x78205041, 2, {0x8000, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x7fff, 0x0}, {0x8000, 0x7fff, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x8000, 0x0}}, // ldsminh w0, w1, [x2]
    {0xf8205041, 2, {0xffffffffffffffff, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x1, 0x0}, {0xffffffffffffffff, 0x1, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0xffffffffffffffff, 0x0}}, // ldsmin x0, x1, [x2]
    {0xf8206041, 2, {0xffffffffffffffff, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x1, 0x0}, {0xffffffffffffffff, 0x1, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0xffffffffffffffff, 0x0}}, // ldumax x0, x1, [x2]
    {0xf860005f, 2, {0x10, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x1, 0x0}, {0x10, 0x0, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x11, 0x0}}, // staddl x0, [x2]
    {0xf8e08041, 2, {0x1122334455667788, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x123456789abcdef, 0x0}, {0x1122334455667788, 0x123456789abcdef, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x1122334455667788, 0x0}}, // swpal x0, x1, [x2]
    {0x38208041, 2, {0x1ab, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x6655, 0x0}, {0x1ab, 0x55, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x66ab, 0x0}}, // swpb w0, w1, [x2]
    {0xc8a07c41, 2, {0x5, 0x99, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x5, 0x0}, {0x5, 0x99, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x99, 0x0}}, // cas x0, x1, [x2]
    {0xc8a07c41, 2, {0x6, 0x99, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x5, 0x0}, {0x5, 0x99, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x5, 0x0}}, // cas x0, x1, [x2]
    {0x08e0fc41, 2, {0x105, 0x2aa, 0x0, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x605, 0x0}, {0x5, 0x2aa, kBase, 0x0, 0x0, 0x0, 0x0, 0x0}, {0x6aa, 0x0}}, // casalb w0, w1, [x2]
    {0x48207c82, 4, {0x1, 0x2, 0xaa, 0xbb, 0x0, 0x0, 0x0, 0x0}, {0x1, 0x2}, {0x1, 0x2, 0xaa, 0xbb, kBase, 0x0, 0x0, 0x0}, {0xaa, 0xbb}}, // casp x0, x1, x2, x3, [x4]
    {0x48207c82, 4, {0x1, 0x3, 0xaa, 0xbb, 0x0, 0x0, 0x0, 0x0}, {0x1, 0x2}, {0x1, 0x2, 0xaa, 0xbb, kBase, 0x0, 0x0, 0x0}, {0x1, 0x2}}, // casp x0, x1, x2, x3, [x4]
    {0x0860fc82, 4, {0x11111111, 0x22222222, 0xaaaaaaaa, 0xbbbbbbbb, 0x0, 0x0, 0x0, 0x0}, {0x2222222211111111, 0x0}, {0x11111111, 0x22222222, 0xaaaaaaaa, 0xbbbbbbbb, kBase, 0x0, 0x0, 0x0}, {0xbbbbbbbbaaaaaaaa, 0x0}}, // caspal w0, w1, w2, w3, [x4]
    {0xb8232044, 2, {0x0, 0x0, 0x0, 0xffff0000, 0x0, 0x0, 0x0, 0x0}, {0x12345678, 0x0}, {0x0, 0x0, kBase, 0xffff0000, 0x12345678, 0x0, 0x0, 0x0}, {0xedcb5678, 0x0}}, // ldeor w3, w4, [x2]
    };
    // clang-format on
    for (const QemuCase& c : cases)
        check(c);
}

TEST_CASE("lse: every size and ordering of every op decodes and disassembles as LLVM does",
          "[isa][lse]") {
    struct Text {
        std::uint32_t word;
        const char* text;
    };
    // From llvm-mc --disassemble -mattr=+v8.2a.
    const Text texts[] = {
        {0xf8200041, "ldadd\tx0, x1, [x2]"},        {0xf820005f, "stadd\tx0, [x2]"},
        {0xf8a0005f, "ldadda\tx0, xzr, [x2]"},      {0xf860005f, "staddl\tx0, [x2]"},
        {0x3820005f, "staddb\tw0, [x2]"},           {0x7860005f, "staddlh\tw0, [x2]"},
        {0x38a08041, "swpab\tw0, w1, [x2]"},        {0xb8e08041, "swpal\tw0, w1, [x2]"},
        {0x08a07c41, "casb\tw0, w1, [x2]"},         {0x48e0fc41, "casalh\tw0, w1, [x2]"},
        {0x08207c82, "casp\tw0, w1, w2, w3, [x4]"}, {0x48207c82, "casp\tx0, x1, x2, x3, [x4]"},
        {0xc8bf7c20, "cas\txzr, x0, [x1]"},         {0xb8e323e4, "ldeoral\tw3, w4, [sp]"},
    };
    for (const Text& t : texts)
        CHECK(isa::disassemble(t.word, 0) == t.text);
}

TEST_CASE("lse: unallocated encodings are UNDEFINED: LDAPR (v8.3), other o3 opcodes, CASP with "
          "an odd register, CAS with Rt2 != 11111",
          "[isa][lse]") {
    expectUndefined(0xf8bfc020); // ldapr x0, [x1] (FEAT_LRCPC, absent)
    expectUndefined(0x38bfc020); // ldaprb w0, [x1]
    expectUndefined(0xf8a09041); // o3 = 1, opc = 001
    expectUndefined(0x08217c82); // casp with Rs = w1
    expectUndefined(0x08207c83); // casp with Rt = w3
    expectUndefined(0xc8ff8020); // casal with Rt2 = 0
}

TEST_CASE("lse: atomics need natural alignment even on Normal memory; a fault changes nothing",
          "[isa][lse]") {
    // Without FEAT_LSE2 an unaligned atomic takes an Alignment fault (ARM-M B2.5.2); it is
    // detected on the read, before any write.
    const std::uint32_t words[] = {
        0xf8200041, // ldadd x0, x1, [x2]
        0xb8e08041, // swpal w0, w1, [x2]
        0xc8a07c41, // cas x0, x1, [x2]
        0x48207c82, // casp x0, x1, x2, x3, [x4] (16-byte aligned as a whole)
    };
    for (const std::uint32_t w : words) {
        IsaHarness h;
        INFO(fmt::format("{:#010x} {}", w, isa::disassemble(w, 0x1000)));
        h.setX(0, 1);
        h.setX(1, 2);
        h.setX(2, kBase + 2);
        h.setX(4, kBase + 8);
        CHECK(h.exec(w) != nullptr);
        REQUIRE(h.cx.faulted());
        AArch64_TakeException(h.arch, *h.cx.fault);
        CHECK((h.arch.cpu.sysregs.raw(SysReg::ESR_EL1) & 0x3F) == 0x21);
        CHECK(h.x(0) == 1);
        CHECK(h.x(1) == 2);
        CHECK(h.mem.get<std::uint64_t>(kBase) == 0);
        CHECK(h.mem.get<std::uint64_t>(kBase + 8) == 0);
    }
    IsaHarness h; // a byte is always aligned
    h.setX(0, 3);
    h.setX(2, kBase + 1);
    CHECK(h.exec(0x38200041) != nullptr); // ldaddb w0, w1, [x2]
    CHECK_FALSE(h.cx.faulted());
    CHECK(h.mem.get<std::uint8_t>(kBase + 1) == 3);
}

TEST_CASE("lse: an atomic outside memory takes an external abort and writes no register",
          "[isa][lse]") {
    IsaHarness h;
    h.setX(1, 0x77);
    h.setX(2, 0x40'0000);                 // nothing there
    CHECK(h.exec(0xf8200041) != nullptr); // ldadd x0, x1, [x2]
    REQUIRE(h.cx.faulted());
    AArch64_TakeException(h.arch, *h.cx.fault);
    CHECK((h.arch.cpu.sysregs.raw(SysReg::ESR_EL1) & 0x3F) == 0x10);
    CHECK(h.x(1) == 0x77);
}

TEST_CASE("lse: an atomic's write clears another PE's exclusive mark on that granule",
          "[isa][lse][exclusive]") {
    isa::GlobalMonitor m;
    IsaHarness pe0, pe1;
    pe0.cx.attachGlobalMonitor(&m, m.attach([] {}));
    pe1.cx.attachGlobalMonitor(&m, m.attach([] {}));
    pe0.setX(1, kBase);
    REQUIRE(pe0.exec(0xc85f7c20) != nullptr); // ldxr x0, [x1]
    CHECK(m.IsExclusiveGlobal(0, kBase));
    pe1.setX(0, 1);
    pe1.setX(2, kBase + 8);
    REQUIRE(pe1.exec(0xf820005f) != nullptr); // stadd x0, [x2]
    CHECK_FALSE(pe1.cx.faulted());
    CHECK_FALSE(m.IsExclusiveGlobal(0, kBase));
}

TEST_CASE("lse: SP as the base register", "[isa][lse]") {
    IsaHarness h;
    h.arch.cpu.sysregs.slot(SysReg::SP_EL1) = kBase;
    h.mem.put<std::uint32_t>(kBase, 0x1234'5678);
    h.setX(3, 0xFFFF'0000);
    REQUIRE(h.exec(0xb8e323e4) != nullptr); // ldeoral w3, w4, [sp]
    CHECK(h.x(4) == 0x1234'5678);
    CHECK(h.mem.get<std::uint32_t>(kBase) == 0xEDCB'5678);
}
