// The decoder holds an instruction group only while the feature table says its feature is
// implemented (issue 11 point 1: the feature set stated once, read by the decoder and the ID
// registers alike). Encodings below are llvm-mc's (`-show-encoding` with the feature's -mattr).
#include "svesim/arch/feature_table.h"
#include "svesim/isa/insn_table.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

using namespace svesim;

TEST_CASE("decoder: every feature it decodes is implemented in the feature table", "[decoder]") {
    const auto features = isa::decodedFeatures();
    REQUIRE_FALSE(features.empty());
    for (const std::string_view f : features) {
        INFO(std::string(f));
        const auto info = featureByName(f);
        REQUIRE(info.has_value());
        CHECK(info->implemented);
    }
}

TEST_CASE("decoder: the groups of FEAT_LSE, FEAT_CRC32 and FEAT_SVE are decoded", "[decoder]") {
    const auto features = isa::decodedFeatures();
    const auto holds = [&](std::string_view f) {
        return std::find(features.begin(), features.end(), f) != features.end();
    };
    CHECK(holds("FEAT_LSE"));
    CHECK(holds("FEAT_CRC32"));
    CHECK(holds("FEAT_SVE"));
    // casal x0, x1, [x2] (+lse); crc32cx w0, w1, x2 (+crc); ptrue p0.b (+sve)
    CHECK(isa::disassemble(0xc8e0fc41, 0) == "casal\tx0, x1, [x2]");
    CHECK(isa::disassemble(0x9ac25c20, 0) == "crc32cx\tw0, w1, x2");
    CHECK(isa::decode(0x2518e3e0) != nullptr);
}
