// The GIC system-register table. Its names and encodings are checked against llvm-mc by
// check_sysreg_names.sh (through the gic_sysreg_list tool); here: lookups round-trip, and the
// encodings IHI 0069 §12.1.5 lists for a few registers.
#include "svesim/gic/sysregs.h"

#include <catch2/catch.hpp>
#include <set>

using namespace svesim::gic;

TEST_CASE("GIC system-register table: unique names and encodings that round-trip", "[gic]") {
    std::set<std::string_view> names;
    for (const GicSysRegInfo& i : gicSysRegTable()) {
        CHECK(names.insert(i.name).second);
        CHECK(gicSysRegByEncoding(i.enc) == i.id);
        CHECK(gicSysRegByName(i.name) == i.id);
    }
    CHECK(gicSysRegByName("icc_iar1_el1") == GicSysReg::ICC_IAR1_EL1);
    CHECK_FALSE(gicSysRegByName("ICC_NMIAR1_EL1").has_value());
}

TEST_CASE("IHI 0069 12.1.5: encodings of ICC_IAR1_EL1, ICC_SGI1R_EL1, ICH_LR15_EL2", "[gic]") {
    CHECK(gicSysRegInfo(GicSysReg::ICC_IAR1_EL1).enc == GicSysRegEncoding{3, 0, 12, 12, 0});
    CHECK(gicSysRegInfo(GicSysReg::ICC_SGI1R_EL1).enc == GicSysRegEncoding{3, 0, 12, 11, 5});
    CHECK(gicSysRegInfo(GicSysReg::ICH_LR15_EL2).enc == GicSysRegEncoding{3, 4, 12, 13, 7});
}
