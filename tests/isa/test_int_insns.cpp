// Integer data processing, branches and system instructions, executed one at a time.
#include "support/isa_harness.h"

#include <catch2/catch.hpp>

using namespace svesim;
using namespace svesim::test;

TEST_CASE("integer: add/sub immediate and register, flags", "[isa][int]") {
    IsaHarness h;
    h.setX(1, 10);
    h.exec(0x91001020); // add x0, x1, #4
    CHECK(h.x(0) == 14);
    h.setX(3, 5);
    h.setX(4, 7);
    h.exec(0xeb040062); // subs x2, x3, x4
    CHECK(h.x(2) == static_cast<std::uint64_t>(-2));
    CHECK(h.p().n);
    CHECK_FALSE(h.p().z);
    CHECK_FALSE(h.p().c); // borrow
    h.exec(0xd2a24685);   // mov x5, #0x12340000
    CHECK(h.x(5) == 0x12340000);
}

TEST_CASE("integer: unallocated encodings are UNDEFINED (EC 0x00)", "[isa][int]") {
    IsaHarness h;
    CHECK(h.exec(0x00000000) == nullptr); // UDF #0
    REQUIRE(h.cx.faulted());
    CHECK(h.cx.fault->record.type == Exception::Uncategorized);
    CHECK(h.exec(0x92400000 | (1U << 22)) != nullptr); // and x0, x0, #1 (N=1 valid for 64-bit)
    CHECK(h.exec(0x12400000) == nullptr);              // 32-bit logical immediate with N=1
}
