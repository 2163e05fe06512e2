// The global exclusive monitor shared by a platform's PEs (isa/src/global_monitor.cpp).
#include "svesim/isa/global_monitor.h"

#include <catch2/catch.hpp>

using svesim::isa::GlobalMonitor;

TEST_CASE("global monitor: another PE's store to the marked granule clears the mark and sends "
          "an event; its own stores and other granules do not",
          "[isa][exclusive]") {
    GlobalMonitor m;
    int events0 = 0, events1 = 0;
    const unsigned pe0 = m.attach([&] { ++events0; });
    const unsigned pe1 = m.attach([&] { ++events1; });
    CHECK_FALSE(m.anyMarked());
    m.MarkExclusiveGlobal(pe0, 0x1008);
    CHECK(m.anyMarked());
    CHECK(m.IsExclusiveGlobal(pe0, 0x1008));
    CHECK(m.IsExclusiveGlobal(pe0, 0x1030)); // same 64-byte granule
    CHECK_FALSE(m.IsExclusiveGlobal(pe0, 0x1040));
    CHECK_FALSE(m.IsExclusiveGlobal(pe1, 0x1008));
    m.ClearExclusiveByAddress(pe0, 0x1008, 8); // its own store
    CHECK(m.IsExclusiveGlobal(pe0, 0x1008));
    m.ClearExclusiveByAddress(pe1, 0x1040, 64); // the next granule
    CHECK(m.IsExclusiveGlobal(pe0, 0x1008));
    CHECK(events0 == 0);
    m.ClearExclusiveByAddress(pe1, 0x0FFC, 8); // straddles into the marked granule
    CHECK_FALSE(m.IsExclusiveGlobal(pe0, 0x1008));
    CHECK_FALSE(m.anyMarked());
    CHECK(events0 == 1);
    CHECK(events1 == 0);
}

TEST_CASE("global monitor: STXR's own clear, and SEV reaches every other PE", "[isa][exclusive]") {
    GlobalMonitor m;
    int events[3] = {};
    for (int i = 0; i < 3; ++i)
        m.attach([&events, i] { ++events[i]; });
    m.MarkExclusiveGlobal(1, 0x2000);
    m.MarkExclusiveGlobal(1, 0x3000); // a new mark replaces the old one
    CHECK_FALSE(m.IsExclusiveGlobal(1, 0x2000));
    CHECK(m.IsExclusiveGlobal(1, 0x3000));
    m.ClearExclusiveGlobal(1);
    CHECK_FALSE(m.anyMarked());
    m.SendEvent(0);
    CHECK(events[0] == 0);
    CHECK(events[1] == 1);
    CHECK(events[2] == 1);
}
