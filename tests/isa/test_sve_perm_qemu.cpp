// A recorded QEMU run: one program of the issue-11 SVE integer, predicate and permute
// instructions (INDEX/WHILELO/PTRUE inputs, then EXT beyond the vector, SPLICE, COMPACT, TBL,
// DUP (indexed) beyond the vector, CLASTB, LASTA, PNEXT, BRKPB, SQDECP (32-bit), UQINCH,
// SADDV, SMINV, ASRD, SDOT (indexed)) run on qemu-aarch64 at VL 128 and 384, its stores
// recorded byte for byte; svesim must store the same bytes.
#include "support/isa_harness.h"

#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

// The program, as aarch64-linux-gnu-as encodes it (X20 points at the dump buffer).
const std::uint32_t kProgram[] = {
    0x04234320, // index z0.b, #-7, #3
    0x04bb4021, // index z1.s, #1, #-5
    0xd2800c8d, // mov x13, #0x64
    0xd28009ae, // mov x14, #0x4d
    0x046e4da2, // index z2.h, w13, w14
    0x2518e3e0, // ptrue p0.b
    0xd28000a9, // mov x9, #0x5
    0x25a91fe1, // whilelo p1.s, xzr, x9
    0x2558e0e2, // ptrue p2.h, vl7
    0x04603003, // mov z3.d, z0.d
    0x05260823, // ext z3.b, z3.b, z1.b, #50
    0x0420bc24, // movprfx z4, z1
    0x05ac8404, // splice z4.s, p1, z4.s, z0.s
    0x05a18445, // compact z5.s, p1, z2.s
    0x05603046, // tbl z6.h, {z2.h}, z0.h
    0x05ec2027, // mov z7.s, z1.s[13]
    0xd282468a, // mov x10, #0x1234
    0x0571a84a, // clastb w10, p2, w10, z2.h
    0x05a0a42b, // lasta w11, p1, z1.s
    0x2518e403, // pfalse p3.b
    0x2559c443, // pnext p3.h, p2, p3.h
    0x2501c054, // brkpb p4.b, p0/z, p2.b, p1.b
    0xd280004c, // mov x12, #0x2
    0xf2b0000c, // movk x12, #0x8000, lsl #16
    0x25aa882c, // sqdecp x12, p1.s, w12
    0x04623049, // mov z9.d, z2.d
    0x0462c7e9, // uqinch z9.h, all, mul #3
    0x0400200a, // saddv d10, p0, z0.b
    0x044a284b, // sminv h11, p2, z2.h
    0x0461302c, // mov z12.d, z1.d
    0x044483ac, // asrd z12.s, p0/m, z12.s, #3
    0x25b8c0ed, // mov z13.s, #7
    0x44a9000d, // sdot z13.s, z0.b, z1.b[1]
    0xe5804283, // str z3, [x20]
    0xe5804684, // str z4, [x20, #1, mul vl]
    0xe5804a85, // str z5, [x20, #2, mul vl]
    0xe5804e86, // str z6, [x20, #3, mul vl]
    0xe5805287, // str z7, [x20, #4, mul vl]
    0xe5805689, // str z9, [x20, #5, mul vl]
    0xe5805a8a, // str z10, [x20, #6, mul vl]
    0xe5805e8b, // str z11, [x20, #7, mul vl]
    0xe581428c, // str z12, [x20, #8, mul vl]
    0xe581468d, // str z13, [x20, #9, mul vl]
    0x910c0295, // add x21, x20, #0x300
    0xe58002a3, // str p3, [x21]
    0xe58006a4, // str p4, [x21, #1, mul vl]
    0xa9012eaa, // stp x10, x11, [x21, #16]
    0xf90012ac, // str x12, [x21, #32]
};
// qemu-aarch64 -cpu max,sve-default-vector-length=16: the first 808 bytes of the buffer (the rest
// zero).
const char kQemu128[] =
    "f9fcff0205080b0e1114171a1d20232601000000fcfffffff7fffffff2ffffff6400b100fe004b019801e50132027f"
    "02"
    "00000000000000000000000000000000000000000000000000000000000000007c00c90016016301b001fd014a0297"
    "02"
    "f8000000000000000000000000000000640000000000000000000000000000000000000000000000ffffffffffffff"
    "ff"
    "26000000d2ffffff7effffff2affffff00000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "010000000000000000000000000000003202000000000000010000000000000000000080ffffffff";
// qemu-aarch64 -cpu max,sve-default-vector-length=48: the first 808 bytes of the buffer (the rest
// zero).
const char kQemu384[] =
    "f9fcff0205080b0e1114171a1d202326292c2f3235383b3e4144474a4d505356595c5f6265686b6e7174777a7d8083"
    "86"
    "01000000fcfffffff7fffffff2ffffffedfffffff9fcff0205080b0e1114171a1d202326292c2f3235383b3e414447"
    "4a"
    "6400b100fe004b019801e50132027f02cc021903000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "ac00f90046019301e0012d027a02c70214036103ae03fb0348049504e2042f057c05c90516066306b006fd064a0797"
    "07"
    "e808000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "6400000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000fffffffffffffffffefffffffdfffffffdfffffffcfffffffcfffffffbfffffffafffffffaffff"
    "ff"
    "26000000d2ffffff7effffff2affffffa2fbffff5efaffff1af9ffffd6f7ffff9eefffff6aedffff36ebffff02ecff"
    "ff"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
    "00"
    "010000000000000000000000000000003202000000000000e8ffffff0000000000000080ffffffff";

std::vector<std::uint8_t> fromHex(const char* s) {
    std::vector<std::uint8_t> v;
    for (std::size_t i = 0; s[i] != 0 && s[i + 1] != 0; i += 2)
        v.push_back(static_cast<std::uint8_t>(std::stoul(std::string(s + i, 2), nullptr, 16)));
    return v;
}

void runRecorded(unsigned vl, const char* recorded) {
    IsaHarness h(vl, EL::EL1, Setup{.vl_set = VlSet::Any});
    constexpr std::uint64_t kBuf = IsaHarness::kMemBase + 0x1000;
    h.setX(20, kBuf);
    for (std::uint32_t w : kProgram) {
        INFO("VL " << vl << " word " << std::hex << w);
        REQUIRE(h.exec(w) != nullptr);
        REQUIRE_FALSE(h.cx.faulted());
    }
    std::vector<std::uint8_t> want = fromHex(recorded);
    want.resize(1024, 0);
    for (std::size_t i = 0; i < want.size(); ++i) {
        INFO("VL " << vl << " byte " << i);
        CHECK(h.mem.at(kBuf + i)[0] == want[i]);
    }
}

} // namespace

TEST_CASE("SVE integer, predicate and permute instructions store what QEMU stores (VL 128)",
          "[isa][sve][perm][qemu]") {
    runRecorded(128, kQemu128);
}

TEST_CASE("SVE integer, predicate and permute instructions store what QEMU stores (VL 384)",
          "[isa][sve][perm][qemu]") {
    runRecorded(384, kQemu384);
}
