// SVE memory instructions (isa/src/sve_mem_*.cpp) against qemu-aarch64 7.2 (-cpu max) at VL
// 128, 256, 512 and 2048: LD1R*, LD1RQ*, LDNT1/STNT1, LD2-4/ST2-4, gathers and scatters in every
// addressing form, LDFF1* (contiguous and gather) and LDNF1* running into an unmapped page, and
// prefetches. Each case runs the same words on the same state in QEMU and here: memory byte j of
// an 8 KiB buffer is (13j + 7) mod 256 and the page after it faults (QEMU: mprotect PROT_NONE;
// here: the end of the test memory); z0-z3 and p0 are loaded from tables (byte k: 5k + 1 and
// 37k + 0x5A), FFR is set, vector addresses are made in z4 (not compared), x0 = buffer + offset, x1
// = index. The expectation is QEMU's FNV-1a 64 digest of z0-z3, FFR and the buffer afterwards
// (generated with a QEMU run per VL).
#include "support/isa_harness.h"

#include <array>
#include <catch2/catch.hpp>
#include <fmt/core.h>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

constexpr std::uint64_t kBuf = 0x1E000, kBufSize = 8192; // ends where the test memory ends
constexpr std::uint64_t kZTable = 0x18000, kPTable = 0x18400;
constexpr std::array<unsigned, 4> kVLs = {128, 256, 512, 2048};

struct SveMemCase {
    std::vector<std::uint32_t> words; // setup, then the instruction under test
    std::uint64_t offset;             // x0 = kBuf + offset
    std::uint64_t x1;
    std::array<std::uint64_t, 4> digest; // QEMU's, per VL
};

std::uint64_t fnv1a(std::uint64_t h, std::span<const std::uint8_t> data) {
    for (std::uint8_t b : data) {
        h ^= b;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::uint64_t runCase(const SveMemCase& c, unsigned vl_bits) {
    IsaHarness h(vl_bits);
    for (std::uint64_t j = 0; j < kBufSize; ++j)
        h.mem.put<std::uint8_t>(kBuf + j, static_cast<std::uint8_t>(13 * j + 7));
    for (std::uint64_t k = 0; k < 1024; ++k)
        h.mem.put<std::uint8_t>(kZTable + k, static_cast<std::uint8_t>(5 * k + 1));
    for (std::uint64_t k = 0; k < 32; ++k)
        h.mem.put<std::uint8_t>(kPTable + k, static_cast<std::uint8_t>(37 * k + 0x5A));
    h.setX(9, kZTable);
    h.setX(10, kPTable);
    const std::uint32_t prologue[] = {
        0x85804120, // ldr z0, [x9]
        0x85804521, // ldr z1, [x9, #1, mul vl]
        0x85804922, // ldr z2, [x9, #2, mul vl]
        0x85804d23, // ldr z3, [x9, #3, mul vl]
        0x85800140, // ldr p0, [x10]
        0x252c9000, // setffr
    };
    for (std::uint32_t w : prologue) {
        REQUIRE(h.exec(w) != nullptr);
        REQUIRE_FALSE(h.cx.faulted());
    }
    h.setX(0, kBuf + c.offset);
    h.setX(1, c.x1);
    for (std::uint32_t w : c.words) {
        INFO(fmt::format("{:#010x} {}", w, isa::disassemble(w, 0x1000)));
        REQUIRE(h.exec(w) != nullptr);
        REQUIRE_FALSE(h.cx.faulted());
    }
    std::uint64_t d = 0xcbf29ce484222325ULL;
    for (unsigned r = 0; r < 4; ++r)
        d = fnv1a(d, h.z(r));
    d = fnv1a(d, h.arch.sve.FFR(h.cx.vl()));
    return fnv1a(d, std::span<const std::uint8_t>(h.mem.at(kBuf), kBufSize));
}

} // namespace

TEST_CASE("sve mem: every form matches QEMU at VL 128, 256, 512 and 2048", "[isa][sve][sve_mem]") {
    // clang-format off
    const SveMemCase cases[] = {
    {{0x847f8000}, 16, 0, {0xff0fe6384d46e125, 0x07e7f434618cfe79, 0x5a2aa393859cf64f, 0x7a3d9a1f3cdbdf65}}, // ld1rb {z0.b}, p0/z, [x0, #63]
    {{0x857fa001}, 16, 0, {0x2c8c699904019418, 0x8bf66911096782e9, 0x11396bb8c5420cee, 0xa1f67f77dbebae85}}, // ld1rsh {z1.s}, p0/z, [x0, #126]
    {{0x85ffe002}, 0, 0, {0xe1464a5be9a00863, 0xaeed3c4b9b7cd451, 0x52153bb06ffa393d, 0x6139c46fdfabe085}}, // ld1rd {z2.d}, p0/z, [x0, #504]
    {{0x84c18003}, 0, 0, {0x98b6ab440c5a9a7f, 0x3517020976515951, 0x348d8f73e6b013bd, 0x56f2b6f832f21c85}}, // ld1rsw {z3.d}, p0/z, [x0, #4]
    {{0xa4082000}, 4096, 0, {0x2adce14e3dd6ae61, 0x2db018ce79be26d9, 0xbf4b951c5e292b2d, 0x61bb62a81d706fc5}}, // ld1rqb {z0.b}, p0/z, [x0, #-128]
    {{0xa5010001}, 4096, 3, {0xf6c890f8c9bd042f, 0xc54cffecf3a845c1, 0x13a842cee914cc1d, 0x9766065d554b9c05}}, // ld1rqw {z1.s}, p0/z, [x0, x1, lsl #2]
    {{0xa5872002}, 0, 0, {0x427c49f12ca24163, 0xe55892fe90da6e51, 0x30423190e6a7a93d, 0x2b0bac2f0a4de085}}, // ld1rqd {z2.d}, p0/z, [x0, #112]
    {{0xa408e000}, 4096, 0, {0x2adce14e3dd6ae61, 0xe60eb1fb6c82e01a, 0xb5722c659bac2f01, 0x9eb7398ff576a83d}}, // ldnt1b {z0.b}, p0/z, [x0, #-8, mul vl]
    {{0xa481c000}, 0, 5, {0x0e9242990adfc55b, 0xcc637486ebff508e, 0x0450024498737531, 0x90242f5eee3d6e29}}, // ldnt1h {z0.h}, p0/z, [x0, x1, lsl #1]
    {{0xa428e002}, 6000, 0, {0xbd87ab33c6c98f86, 0xcf9411e5643676b3, 0xb7125e8bfcca1308, 0x049fd019fa83d5f5}}, // ld2b {z2.b, z3.b}, p0/z, [x0, #-16, mul vl]
    {{0xa521c000}, 0, 7, {0xd569fcf697ab0ca3, 0x2f94b5101281c7b1, 0xa68e21e8110d687d, 0x0da12dc9be76ff65}}, // ld2w {z0.s, z1.s}, p0/z, [x0, x1, lsl #2]
    {{0xa4c1e001}, 0, 0, {0xcc6f14a3c9e1475b, 0x67122a9decec45ce, 0xe5ff04133ce1ad21, 0x3f87a61c94689fb1}}, // ld3h {z1.h, z2.h, z3.h}, p0/z, [x0, #3, mul vl]
    {{0xa5e1c000}, 0, 2, {0xf3b08c06e0903f83, 0x205b4502b4db6791, 0xdf0d0cfac27fed3d, 0xf614406db8282b85}}, // ld4d {z0.d, z1.d, z2.d, z3.d}, p0/z, [x0, x1, lsl #3]
    {{0xa461e000}, 0, 0, {0xd502c84dfeb352f7, 0xfa402d99058fccc1, 0x2282ef9af6c47011, 0x3c7359d3adfd83f5}}, // ld4b {z0.b, z1.b, z2.b, z3.b}, p0/z, [x0, #4, mul vl]
    {{0xe517e002}, 0, 0, {0x144750b3c6e26a57, 0x054c58f91e51a071, 0x53f677f24b1bf6e1, 0x7ac7d44af49fc785}}, // stnt1w {z2.s}, p0, [x0, #7, mul vl]
    {{0xe5816001}, 0, 9, {0x4a7163a39a0e6eab, 0x9eb36fe787a68b41, 0x1c75b46dc70c6a5d, 0x6435740dcc40d405}}, // stnt1d {z1.d}, p0, [x0, x1, lsl #3]
    {{0xe4bfe000}, 4096, 0, {0x934ca0b056c41137, 0x10f3cbf3bea0940d, 0x06dbc5967044b481, 0x329fd8119fed0e2d}}, // st2h {z0.h, z1.h}, p0, [x0, #-2, mul vl]
    {{0xe4416001}, 0, 11, {0x427b32dbddaf0f1d, 0xbfba8c65e3174c63, 0x4823dfd485f3f367, 0x1a77575c6261982d}}, // st3b {z1.b, z2.b, z3.b}, p0, [x0, x1]
    {{0xe57fe000}, 4096, 0, {0x492c4aa6ae5841f3, 0x20f85ade6b297fd1, 0xf5fc48d709a9ae4d, 0x2159440c18872f05}}, // st4w {z0.s, z1.s, z2.s, z3.s}, p0, [x0, #-4, mul vl]
    {{0xe5f0e000}, 8, 0, {0x004cf5ae0d68c783, 0xc67347a5e699b651, 0xa02c7bdfabefd73d, 0xd0b4728352430d85}}, // st4d {z0.d, z1.d, z2.d, z3.d}, p0, [x0]
    {{0x04a94323, 0x84034000}, 16, 0, {0x48ff0c1a39f849dc, 0xe35a148e2e302fdc, 0x384e025f7fd8dc3d, 0xf6a07563218a56aa}}, // index z3.s, #-7, #9; ld1b {z0.s}, p0/z, [x0, z3.s, uxtw]
    {{0x04a94323, 0x84e30000}, 4096, 0, {0x219892166bd45b43, 0x82abddccf90db674, 0x9d7027cd274eda59, 0x62d84f95074eceb2}}, // index z3.s, #-7, #9; ld1sh {z0.s}, p0/z, [x0, z3.s, sxtw #1]
    {{0x04a94323, 0x85434001}, 4096, 0, {0x1f51333ececf7ffc, 0x9aedff023cd721be, 0x9a81b07e97f6fe9a, 0x8de1720afe83f952}}, // index z3.s, #-7, #9; ld1w {z1.s}, p0/z, [x0, z3.s, sxtw]
    {{0x04a94323, 0x84430001}, 4096, 0, {0xc864717d38ea171b, 0x772a3d80baa14f87, 0xfdb9ca67af6efedd, 0xc836926845ca3faa}}, // index z3.s, #-7, #9; ld1sb {z1.s}, p0/z, [x0, z3.s, sxtw]
    {{0x04e94323, 0xc4a34000}, 16, 0, {0x014605091ecc9e80, 0xdc7d036df20aa7da, 0x275aa32831be82d2, 0x7c559456bf7e1022}}, // index z3.d, #-7, #9; ld1h {z0.d}, p0/z, [x0, z3.d, uxtw #1]
    {{0x04e94323, 0xc5630000}, 4096, 0, {0x68daafb9336016af, 0xd3a3c0c517738a46, 0x9e8f88d3a1adf5de, 0x1eb576dc367ad46a}}, // index z3.d, #-7, #9; ld1sw {z0.d}, p0/z, [x0, z3.d, sxtw #2]
    {{0x04e94323, 0xc5e34000}, 4096, 0, {0xa6e95f6468b8caf7, 0x0b212c82820e9cc2, 0xe13807946e94d1a2, 0x936cdfbeb50105e2}}, // index z3.d, #-7, #9; ld1d {z0.d}, p0/z, [x0, z3.d, sxtw #3]
    {{0x04e54003, 0xc5e3c000}, 0, 0, {0xca97940080fe7566, 0x8e3d4672c82ebfd1, 0x8d187a5f12640e6d, 0xf9718b4b1ab65945}}, // index z3.d, #0, #5; ld1d {z0.d}, p0/z, [x0, z3.d, lsl #3]
    {{0x04e34363, 0xc4438002}, 4096, 0, {0x322cd565578825a0, 0xd9a46ba0d3ab0820, 0xadec3a3002a53482, 0x91311bcc7ff1b6c5}}, // index z3.d, #-5, #3; ld1sb {z2.d}, p0/z, [x0, z3.d]
    {{0x04ac4404, 0x853fc080}, 0, 0, {0x37702b841b26a02f, 0x57fec917027335a1, 0xf077df7b674b3849, 0xd494f8e04ab7d655}}, // index z4.s, w0, #12; ld1w {z0.s}, p0/z, [z4.s, #124]
    {{0x04a64404, 0x84a08081}, 0, 0, {0x194b5b5c8ac604bc, 0x5ab998ed9c5f8337, 0xbefd1812eaad393a, 0xc86a113829ce6135}}, // index z4.s, w0, #6; ld1sh {z1.s}, p0/z, [z4.s]
    {{0xd2800202, 0x04e24c04, 0xc5bfc080}, 0, 0, {0x695abf9655947643, 0x0a6d60d423840e51, 0x6ee926a0a279ce3d, 0xade9362a454fa085}}, // mov x2, #16; index z4.d, x0, x2; ld1d {z0.d}, p0/z, [z4.d, #248]
    {{0x04e34404, 0xc43fc080}, 0, 0, {0x50abbf90762efb0a, 0xa830e9facaa9c877, 0x7bb1865ec30580b5, 0xd19c36f20f1564e5}}, // index z4.d, x0, #3; ld1b {z0.d}, p0/z, [z4.d, #31]
    {{0x04a94323, 0xe4438000}, 16, 0, {0x86de387362b8cfdb, 0x27121dbdf8273f94, 0xea088a973db8b620, 0x7e31e0d28339900a}}, // index z3.s, #-7, #9; st1b {z0.s}, p0, [x0, z3.s, uxtw]
    {{0x04a94323, 0xe4e3c000}, 4096, 0, {0x07572d58f117abc8, 0x2563086cf4a1245a, 0x5657059425952282, 0xe1e13c893b181e1a}}, // index z3.s, #-7, #9; st1h {z0.s}, p0, [x0, z3.s, sxtw #1]
    {{0x04a94323, 0xe563c001}, 4096, 0, {0x3877ed1d4043c8fc, 0x9172f7cb587a6cfa, 0x094a3810ef4465a2, 0x468ebfde5cd13e2a}}, // index z3.s, #-7, #9; st1w {z1.s}, p0, [x0, z3.s, sxtw #2]
    {{0x04e94323, 0xe5a3c000}, 4096, 0, {0xe74b1351094c1ccf, 0x846ffb71ecd9a632, 0xb158e863ed917dc2, 0x72f0e15342967762}}, // index z3.d, #-7, #9; st1d {z0.d}, p0, [x0, z3.d, sxtw #3]
    {{0x04e94323, 0xe4038001}, 16, 0, {0xee551d9035be5bff, 0x5ef19a706fef1d38, 0xfcd8f834b4a47c72, 0x2aabe797cf8949a2}}, // index z3.d, #-7, #9; st1b {z1.d}, p0, [x0, z3.d, uxtw]
    {{0x04e54003, 0xe4a3a000}, 0, 0, {0x867e5184e47702be, 0xed07a4db3b6a5a11, 0xb3cd65b20817055d, 0xa1459d32316d5885}}, // index z3.d, #0, #5; st1h {z0.d}, p0, [x0, z3.d, lsl #1]
    {{0x04e54003, 0xe503a002}, 0, 0, {0x4473d4318e199282, 0xbd39466f99451cf5, 0xc78312fb321db3f5, 0x86fc6588b4b4cc05}}, // index z3.d, #0, #5; st1w {z2.d}, p0, [x0, z3.d]
    {{0x04ac4404, 0xe57fa080}, 0, 0, {0x365ded200bf28447, 0xb34f934155e235a1, 0x9ff64dbd21402779, 0xa3d33eeb6ccb27e5}}, // index z4.s, w0, #12; st1w {z0.s}, p0, [z4.s, #124]
    {{0xd2800202, 0x04e24c04, 0xe5c1a081}, 0, 0, {0x5bd7b0b26b195acb, 0xb98b7eb438b07d01, 0x55043305dc35661d, 0x6ad8d26eb3ad6405}}, // mov x2, #16; index z4.d, x0, x2; st1d {z1.d}, p0, [z4.d, #8]
    {{0xd2800202, 0x04e24c04, 0xe440a080}, 0, 0, {0x6b98f694f4d4259d, 0x8a6974794e7aa8e1, 0xe1cfe985c8777b3d, 0x5e3ce5297611c985}}, // mov x2, #16; index z4.d, x0, x2; st1b {z0.d}, p0, [z4.d]
    {{0xa4016000}, 0, 3, {0x6a1c8ac22272b0e8, 0xa49bf7e2b29b1ed2, 0x99c670fe11895c28, 0x4f9f594d6c128035}}, // ldff1b {z0.b}, p0/z, [x0, x1]
    {{0x2518e3e0, 0xa5e16000}, 8080, 0, {0x2df02b3385433e03, 0x24fe5b5edc3a7d11, 0x01e6a0f44a82703d, 0xb4d6080892c8360f}}, // ptrue p0.b; ldff1d {z0.d}, p0/z, [x0, x1, lsl #3]
    {{0x2518e3e0, 0xa53f6001}, 8188, 0, {0x15818de18f7f0006, 0xd33565f12af67866, 0xb13fd5951f2e2a66, 0x34c34316abacb166}}, // ptrue p0.b; ldff1sh {z1.s}, p0/z, [x0]
    {{0x2518e3e0, 0xa4016002}, 8000, 100, {0x5b38168dbb1877e3, 0x6d29e7bb53c079d1, 0x5eb4d1f3363a6f3d, 0x60dba1c86a46cc35}}, // ptrue p0.b; ldff1b {z2.b}, p0/z, [x0, x1]
    {{0xa5416000}, 8064, 0, {0x0d3c9a7dd75f86cf, 0x0453f7598df7b181, 0xb039554ae38c74f9, 0x9edafe0892c0a51a}}, // ldff1w {z0.s}, p0/z, [x0, x1, lsl #2]
    {{0x2518e3e0, 0xa410a000}, 8190, 0, {0xd3df5a80b29d318d, 0xe99a1ee1642fc1c5, 0x2115edeba78740b5, 0x79b1e04904fda4d5}}, // ptrue p0.b; ldnf1b {z0.b}, p0/z, [x0]
    {{0x2518e3e0, 0xa491a000}, 8000, 0, {0xa1c6d521f26e62c7, 0x46d80463ec24bca1, 0xb1659c86ebc62c3d, 0x6c4951f9ed254685}}, // ptrue p0.b; ldnf1sw {z0.d}, p0/z, [x0, #1, mul vl]
    {{0x2518e3e0, 0xa4bfa001}, 8192, 0, {0x7cb46729133046e3, 0xd9339ec988d0ee51, 0x1477b5815c334b3d, 0xf636c2c7447a8985}}, // ptrue p0.b; ldnf1h {z1.h}, p0/z, [x0, #-1, mul vl]
    {{0xa557a001}, 0, 0, {0x3fd416ad62d9f92f, 0x1d909bfd3fb18c81, 0x289ab3eec8d1e5f9, 0x107e226b97c70095}}, // ldnf1w {z1.s}, p0/z, [x0, #7, mul vl]
    {{0x2518e3e0, 0xd2800502, 0xd2800003, 0x04e24c63, 0xc5c3e000}, 8100, 0, {0x4b5673cb01c2a35b, 0x63a06981a17fe28c, 0xc5646aef1fea56c7, 0x3ea070a631987332}}, // ptrue p0.b; mov x2, #40; mov x3, #0; index z3.d, x3, x2; ldff1d {z0.d}, p0/z, [x0, z3.d]
    {{0x2518e3e0, 0xd2800402, 0xd2800003, 0x04a24c63, 0x84032000}, 8100, 0, {0x09534e9b6a969284, 0xc520b20b92a596c4, 0x81d5f2911614d904, 0xa1401a181cf82144}}, // ptrue p0.b; mov x2, #32; mov x3, #0; index z3.s, w3, w2; ldff1sb {z0.s}, p0/z, [x0, z3.s, uxtw]
    {{0x2518e3e0, 0xd2800782, 0x04a24c04, 0x8521e081}, 8000, 0, {0x945db01b1b7998e3, 0xe341e0a68a11a64b, 0x710fdd209d794e5b, 0xcbad01e42e9e22bb}}, // ptrue p0.b; mov x2, #60; index z4.s, w0, w2; ldff1w {z1.s}, p0/z, [z4.s, #4]
    {{0x2518e3e0, 0x04a14003, 0x84a36002}, 8186, 0, {0x6d71940fef8f97ec, 0x7f5368b47e56c26c, 0x64cdcc285798d0ec, 0x76b14fb06d4778ec}}, // ptrue p0.b; index z3.s, #0, #1; ldff1h {z2.s}, p0/z, [x0, z3.s, uxtw #1]
    {{0x2518e3e0, 0x85c10000}, 0, 0, {0x2cbe425956630da3, 0xaec22d79f95537d1, 0x92a449078d36dc3d, 0x4d0ef8f147f84f85}}, // ptrue p0.b; prfb pldl1keep, p0, [x0, #1, mul vl]
    {{0x2518e3e0, 0x04e54003, 0xc463e00d}, 0, 0, {0x938064726e3b5606, 0x5a3c25e0794154f1, 0x327fcafc04b7e42d, 0xa654afa1b1af5945}}, // ptrue p0.b; index z3.d, #0, #5; prfd pstl3strm, p0, [x0, z3.d, lsl #3]
    {{0x84408000}, 100, 0, {0xc51fadcb107bec82, 0x99e80903c7302edf, 0x23fe57ca17e88194, 0xe1018a4c689e1a0d}}, // ld1rb {z0.b}, p0/z, [x0, #0]
    {{0x8444a001}, 100, 0, {0xf11c6f77413216cb, 0xda8e0c6dc5bee06e, 0xb856e7c5293d6a75, 0x260c57369a41b155}}, // ld1rb {z1.h}, p0/z, [x0, #4]
    {{0x8448c002}, 100, 0, {0x9e9e9062d76d88bc, 0x55bfd4c1fb6f38f1, 0x4bd760fda090f30e, 0x73378b26bf5abb45}}, // ld1rb {z2.s}, p0/z, [x0, #8]
    {{0x844ce003}, 100, 0, {0xbeeb4fa0896745a8, 0x8eecfe2e8e879d31, 0xec00d3d278e2d47d, 0x23628291dba36985}}, // ld1rb {z3.d}, p0/z, [x0, #12]
    {{0x84d08000}, 100, 0, {0x854107d9499dfc1b, 0xad60ea44467d3421, 0xba0db2751c94619d, 0xf1d2fb1ca1a9bf05}}, // ld1rsw {z0.d}, p0/z, [x0, #64]
    {{0x84d4a001}, 100, 0, {0x322750b14ca0a5eb, 0x7dae3e62520a3daa, 0xdc2004a7b47cf4d5, 0xa83a32ae2ceac355}}, // ld1rh {z1.h}, p0/z, [x0, #40]
    {{0x84d8c002}, 100, 0, {0xd806e1d181f7d76c, 0x4bcbc8135eb618d1, 0x6854f33896a3a2ce, 0x9dc7afb2c95f1f45}}, // ld1rh {z2.s}, p0/z, [x0, #48]
    {{0x84dce003}, 100, 0, {0xa7b09ddb1c85450c, 0x0662d3265fa59e31, 0x32912e2bc284967d, 0x408a214601e97185}}, // ld1rh {z3.d}, p0/z, [x0, #56]
    {{0x85608000}, 100, 0, {0xb2c869f8f03ea4dc, 0x32ea4f99183bb461, 0x71198a4a7a134e9d, 0x322bd299236ea005}}, // ld1rsh {z0.d}, p0/z, [x0, #64]
    {{0x8564a001}, 100, 0, {0xa8b528b945ab3da2, 0xc0560b1588569151, 0x60c0fe78e54730b4, 0x9dc0d406387e28c5}}, // ld1rsh {z1.s}, p0/z, [x0, #72]
    {{0x8568c002}, 100, 0, {0xb330689ea99558df, 0xbc71fb01fa6c08f1, 0x1840b3c1927c32a9, 0x56be1a803614d305}}, // ld1rw {z2.s}, p0/z, [x0, #160]
    {{0x856ce003}, 100, 0, {0xe3a09d50e3175c9f, 0x7757c88b5e707811, 0x054bae5145738cbd, 0x6d50946f4a359a85}}, // ld1rw {z3.d}, p0/z, [x0, #176]
    {{0x85f08000}, 100, 0, {0xb019bc622b243037, 0x0fb842b9053e4581, 0x46c2c40502a56a9d, 0x95bf6c3101648d05}}, // ld1rsb {z0.d}, p0/z, [x0, #48]
    {{0x85f4a001}, 100, 0, {0x861e119023263ca7, 0x3943c54a05416561, 0xc3f065d3bd0ec079, 0x32debc5e4ceafc05}}, // ld1rsb {z1.s}, p0/z, [x0, #52]
    {{0x85f8c002}, 100, 0, {0x91e05b4a0fa62ebf, 0x5dab3e3b5f2a59ab, 0xaa1ab1f61d8927a1, 0x30c48477f7256885}}, // ld1rsb {z2.h}, p0/z, [x0, #56]
    {{0x85fce003}, 100, 0, {0x8fa7f3ad79686ef3, 0x426b5dafed9d8871, 0xea3eaadbb50f10fd, 0x12ae3d0f5ca2eb85}}, // ld1rd {z3.d}, p0/z, [x0, #480]
    {{0xa4016000}, 8128, 0, {0x20e960d4fc91bba1, 0x2a30e749fb35289a, 0x6978f9bea4b3df41, 0x0a942f8dbff39c80}}, // ldff1b {z0.b}, p0/z, [x0, x1]
    {{0xa4216001}, 8087, 1, {0x51c45dc8b0d8d5f4, 0xe3aee9c6e2d4bb4f, 0x8e3fb680a5f8160a, 0x600d5270ec14620c}}, // ldff1b {z1.h}, p0/z, [x0, x1]
    {{0xa4416002}, 8046, 2, {0x7181bae7ff07b424, 0xc451f4598d1862d7, 0x32a915bda338a5bb, 0x0d0ab4ee80bdbf85}}, // ldff1b {z2.s}, p0/z, [x0, x1]
    {{0x25d8e0a0, 0xa4616003}, 8005, 3, {0x491c7cf49a0c4b73, 0xe83152453917a8f1, 0x80005cf72b5ffbc2, 0x4f4d1e28949e38aa}}, // ptrue p0.d, vl5; ldff1b {z3.d}, p0/z, [x0, x1]
    {{0x25d8e0a0, 0xa4816000}, 7952, 4, {0x0405a1db37d41d53, 0xbbee5e9675e686b1, 0xf6a7d76a6b538eb1, 0xda653c99abfea039}}, // ptrue p0.d, vl5; ldff1sw {z0.d}, p0/z, [x0, x1, lsl #2]
    {{0xa4a16001}, 8118, 5, {0xeae6bebc006d216f, 0x9d2a61333eeb9f76, 0x8f1e5b82f7610505, 0x5f01fad4fe5c22fa}}, // ldff1h {z1.h}, p0/z, [x0, x1, lsl #1]
    {{0xa4c16002}, 8076, 6, {0x6983ba7e3e19677c, 0x68b9594ece31fa41, 0xb79b6bb785a9a642, 0x12217be021303cf4}}, // ldff1h {z2.s}, p0/z, [x0, x1, lsl #1]
    {{0x25d8e0a0, 0xa4e16003}, 8034, 7, {0x491c7cf49a0c4b73, 0xe83152453917a8f1, 0x5b8fe0e81e02c03e, 0x5fa4b2c987e1bba6}}, // ptrue p0.d, vl5; ldff1h {z3.d}, p0/z, [x0, x1, lsl #1]
    {{0x25d8e0a0, 0xa5016000}, 7992, 8, {0x0405a1db37d41d53, 0xbbee5e9675e686b1, 0xbb20bed30a01ff60, 0x20262fb7db55ac88}}, // ptrue p0.d, vl5; ldff1sh {z0.d}, p0/z, [x0, x1, lsl #1]
    {{0xa5216001}, 7950, 9, {0x9aca81f4a558657c, 0x3ddadbdc8a4ba041, 0x6e0483a7ac215e42, 0x4823cf0a26997481}}, // ldff1sh {z1.s}, p0/z, [x0, x1, lsl #1]
    {{0xa5416002}, 8088, 10, {0xad8d738f1b1191cf, 0xb954ea0f0acb6101, 0x38bf88737c9d5879, 0xba45ab7c8baf4606}}, // ldff1w {z2.s}, p0/z, [x0, x1, lsl #2]
    {{0x25d8e0a0, 0xa5616003}, 8044, 11, {0x491c7cf49a0c4b73, 0xe83152453917a8f1, 0xfae5dc36ac791529, 0x619b996db951e8b1}}, // ptrue p0.d, vl5; ldff1w {z3.d}, p0/z, [x0, x1, lsl #2]
    {{0x25d8e0a0, 0xa5816000}, 8036, 12, {0x0405a1db37d41d53, 0xbbee5e9675e686b1, 0x92e9d1df27113ced, 0xde079d10a41d3375}}, // ptrue p0.d, vl5; ldff1sb {z0.d}, p0/z, [x0, x1]
    {{0xa5a16001}, 7995, 13, {0x01df5b27180a1ce3, 0xb6306814132f893f, 0x0921b3d225f1d84b, 0x2f65f6fdf060d526}}, // ldff1sb {z1.s}, p0/z, [x0, x1]
    {{0xa5c16002}, 7954, 14, {0x61cc2964c243cfc5, 0xc0664128c6b8a23e, 0x2327e25f33279816, 0x201bcd9fba139208}}, // ldff1sb {z2.h}, p0/z, [x0, x1]
    {{0x25d8e0a0, 0xa5e16003}, 8008, 15, {0x491c7cf49a0c4b73, 0xe83152453917a8f1, 0x97dff6071ca6897d, 0x5f9efdc3e8e6a985}}, // ptrue p0.d, vl5; ldff1d {z3.d}, p0/z, [x0, x1, lsl #3]
    {{0xa41ca000}, 4096, 0, {0x20e960d4fc91bba1, 0x1975b3e2ef423f1a, 0xb5722c659bac2f01, 0x9eb7398ff576a83d}}, // ldnf1b {z0.b}, p0/z, [x0, #-4, mul vl]
    {{0x2518e3e0, 0xa43da001}, 7592, 0, {0xfe15c96808111bbb, 0x17dfc7f71b9a9c41, 0x9c42921c03cfab1d, 0xbcaafca393370905}}, // ptrue p0.b; ldnf1b {z1.h}, p0/z, [x0, #-3, mul vl]
    {{0xa45ea002}, 7592, 0, {0xaa7d37289451ab14, 0x46b05517d1771987, 0x7da7de99303f33f3, 0x705ce4f217446c05}}, // ldnf1b {z2.s}, p0/z, [x0, #-2, mul vl]
    {{0x2518e3e0, 0xa47fa003}, 4096, 0, {0x5f7423f688d09368, 0x2a914ed7ad99710d, 0xb8f4a332f1b0a665, 0x14544137fe0d46e5}}, // ptrue p0.b; ldnf1b {z3.d}, p0/z, [x0, #-1, mul vl]
    {{0x25d8e0a0, 0xa490a000}, 7592, 0, {0x0405a1db37d41d53, 0xbbee5e9675e686b1, 0x5d36aa4720956385, 0x1dcdf222a1636c0d}}, // ptrue p0.d, vl5; ldnf1sw {z0.d}, p0/z, [x0, #0, mul vl]
    {{0x2518e3e0, 0xa4b1a001}, 7592, 0, {0x0139e95dd7e3c703, 0xc704b8a87cac03d1, 0x52865e426d05f4bd, 0xe9bf04ff0fe13f85}}, // ptrue p0.b; ldnf1h {z1.h}, p0/z, [x0, #1, mul vl]
    {{0xa4d2a002}, 4096, 0, {0x4bfd78185e49c99c, 0x032420a43946de61, 0xa9f58503b5bfa242, 0x96d39bd765925505}}, // ldnf1h {z2.s}, p0/z, [x0, #2, mul vl]
    {{0x2518e3e0, 0xa4f3a003}, 7592, 0, {0x13d3780d15befdd7, 0x09f6b6c3f433d741, 0x2ebd44d03724172d, 0x573468db4fef7fc5}}, // ptrue p0.b; ldnf1h {z3.d}, p0/z, [x0, #3, mul vl]
    {{0x25d8e0a0, 0xa51ca000}, 7592, 0, {0x0405a1db37d41d53, 0xbbee5e9675e686b1, 0xa5180188de82cd80, 0x18f7f432cac84256}}, // ptrue p0.d, vl5; ldnf1sh {z0.d}, p0/z, [x0, #-4, mul vl]
    {{0x2518e3e0, 0xa53da001}, 4096, 0, {0xbb349d91d57ff703, 0xa0c74797d45240c1, 0x7098e1aceec87641, 0x51501df0bd8d8b65}}, // ptrue p0.b; ldnf1sh {z1.s}, p0/z, [x0, #-3, mul vl]
    {{0xa55ea002}, 7592, 0, {0xf5b18690efa2208f, 0x2f8d74c0d5602821, 0x5fa92eb553fa00e9, 0x958e69fc66a28755}}, // ldnf1w {z2.s}, p0/z, [x0, #-2, mul vl]
    {{0x2518e3e0, 0xa57fa003}, 7592, 0, {0xb4a44a1a3f418c33, 0x10a16c4c1efab9e1, 0x5f124b79eabcdf5d, 0x21443013dbd7c505}}, // ptrue p0.b; ldnf1w {z3.d}, p0/z, [x0, #-1, mul vl]
    {{0x25d8e0a0, 0xa590a000}, 4096, 0, {0x0405a1db37d41d53, 0xbbee5e9675e686b1, 0x26ab9a519712213a, 0x4ea4c22341ddc9a2}}, // ptrue p0.d, vl5; ldnf1sb {z0.d}, p0/z, [x0, #0, mul vl]
    {{0x2518e3e0, 0xa5b1a001}, 7592, 0, {0xc53ec6e90c6a16cf, 0x182e58a5421f5902, 0x829125cc244bb28d, 0x99f89ae46e5eaeb5}}, // ptrue p0.b; ldnf1sb {z1.s}, p0/z, [x0, #1, mul vl]
    {{0xa5d2a002}, 7592, 0, {0xea41534780124821, 0xf6ebb50f26a25b2b, 0x357362e9c145cba3, 0xf7b1440a80c02d99}}, // ldnf1sb {z2.h}, p0/z, [x0, #2, mul vl]
    {{0x2518e3e0, 0xa5f3a003}, 4096, 0, {0x18efbf3f3dcd06e3, 0x03391599d8cda351, 0xd75eefe90a572d3d, 0xeab776a23eaa8985}}, // ptrue p0.b; ldnf1d {z3.d}, p0/z, [x0, #3, mul vl]
    {{0xa4810001}, 4096, 5, {0xbb6e09bae4310f9b, 0x34673bb40fbdfe71, 0xc6255d8febd6f2fd, 0x1e19b026ee683b85}}, // ld1rqh {z1.h}, p0/z, [x0, x1, lsl #1]
    {{0xa4822001}, 4096, 0, {0xcc40f3555750502f, 0x1596c1c5eab9e611, 0x6d281bc3188df8bd, 0x9c73f4f2151e8a85}}, // ld1rqh {z1.h}, p0/z, [x0, #32]
    {{0xa50f2001}, 4096, 0, {0xda1fa3753a6f772f, 0xc9fcb3c48ed29291, 0x702beb74a08f6d3d, 0x57cef3dd68a58a85}}, // ld1rqw {z1.s}, p0/z, [x0, #-16]
    {{0xd2800302, 0x04e24c04, 0xc5a2e080}, 8000, 0, {0x5ebbf27fc0b41943, 0x67fe3cf6131739f1, 0x57ef95a9058a7ffd, 0x51652d04138ca502}}, // mov x2, #24; index z4.d, x0, x2; ldff1d {z0.d}, p0/z, [z4.d, #16]
    {{0x2518e3e0, 0x04ed4003, 0xc4e32000}, 8100, 0, {0x714598e0b15e70bc, 0x1ff979599bc58f2b, 0x9ccd2e5f83e3e2bb, 0x57fe7179eb8f5507}}, // ptrue p0.b; index z3.d, #0, #13; ldff1sh {z0.d}, p0/z, [x0, z3.d, sxtw #1]
    {{0x2518e3e0, 0x04e74023, 0xc563e001}, 7900, 0, {0x121f142a734d6702, 0x099bca8a93d32df1, 0x44a2d4b4d60315cd, 0x0b8efa654fd5a1a8}}, // ptrue p0.b; index z3.d, #1, #7; ldff1w {z1.d}, p0/z, [x0, z3.d, lsl #2]
    {{0x2518e3e0, 0x04e74023, 0xc4036001}, 8150, 0, {0x78c178b9f370dc41, 0x42fe60b63521044d, 0xded360bbf8173448, 0xc39b982dce0efbf8}}, // ptrue p0.b; index z3.d, #1, #7; ldff1b {z1.d}, p0/z, [x0, z3.d, uxtw]
    {{0x04a94323, 0xe443c002}, 4096, 0, {0xbbdbf14467e14dfb, 0xb43b53d84b065224, 0x2d6986f15c27ede0, 0xc08be8a604cab68a}}, // index z3.s, #-7, #9; st1b {z2.s}, p0, [x0, z3.s, sxtw]
    {{0x04a94323, 0xe4c38002}, 4096, 0, {0x83f70729cb260294, 0xbd9a13dcbdf4a7b6, 0x4666e6f43dab29a2, 0xce3a0fc9393f714a}}, // index z3.s, #-7, #9; st1h {z2.s}, p0, [x0, z3.s, uxtw]
    {{0x04e94323, 0xe5238002}, 4096, 0, {0x221c51354faadc53, 0x01db7c4da189ee6a, 0xa8123ff1ec077eb2, 0xda595a436afd46a2}}, // index z3.d, #-7, #9; st1w {z2.d}, p0, [x0, z3.d, uxtw #2]
    {{0xd28000c2, 0x04a24c04, 0xe4ffa081}, 0, 0, {0x5bcdfb378423d88b, 0x5a234bfa85b55d79, 0xce76efa027e74275, 0x000cdf06202985b5}}, // mov x2, #6; index z4.s, w0, w2; st1h {z1.s}, p0, [z4.s, #62]
    {{0xd2800302, 0x04e24c04, 0xe55fa083}, 0, 0, {0x42883124b67347ef, 0x9c50e9a823828949, 0x47cdcdbe0a0bc0ad, 0x7f1fa3c8fe1b2545}}, // mov x2, #24; index z4.d, x0, x2; st1w {z3.d}, p0, [z4.d, #124]
    {{0x04e54003, 0xc4e3c000}, 0, 0, {0xb43eeacc1ba82df1, 0xc9e53e539e8e23f5, 0xd7b040f560178c05, 0x7bd0fb5cfea8eee5}}, // index z3.d, #0, #5; ld1h {z0.d}, p0/z, [x0, z3.d, lsl #1]
    {{0x04e54003, 0xc5438001}, 0, 0, {0x1ecc18f683ebefc2, 0x1f9794087c426f59, 0xd1ef46d2c61acb65, 0x377eb4c2b101ddf9}}, // index z3.d, #0, #5; ld1sw {z1.d}, p0/z, [x0, z3.d]
    {{0x04a54003, 0x84834001}, 0, 0, {0x4a6570472fdf59d0, 0xc9fef59ff12bd541, 0x3361d8b79d89cbb6, 0xead4cec36d8f74fd}}, // index z3.s, #0, #5; ld1h {z1.s}, p0/z, [x0, z3.s, uxtw]
    {{0xd2800102, 0x04e24c04, 0xc5228082}, 0, 0, {0x4b62db0e33a318fb, 0x687ad2ee7a6cb9d1, 0x1b4b8f9527e41921, 0x269b3c7f098df625}}, // mov x2, #8; index z4.d, x0, x2; ld1sw {z2.d}, p0/z, [z4.d, #8]
    {{0x2518e3e0, 0x85e02003}, 0, 0, {0x2cbe425956630da3, 0xaec22d79f95537d1, 0x92a449078d36dc3d, 0x4d0ef8f147f84f85}}, // ptrue p0.b; prfh pldl2strm, p0, [x0, #-32, mul vl]
    {{0x2518e3e0, 0x8501c007}, 0, 3, {0x2cbe425956630da3, 0xaec22d79f95537d1, 0x92a449078d36dc3d, 0x4d0ef8f147f84f85}}, // ptrue p0.b; prfw #7, p0, [x0, x1, lsl #2]
    {{0x2518e3e0, 0x04a54003, 0x84630004}, 0, 0, {0x3f43b937638e9e73, 0xa0a7dcba8b0c5b21, 0xd55a45f3a6d0b33d, 0xcb3ba1745d781249}}, // ptrue p0.b; index z3.s, #0, #5; prfb pldl3keep, p0, [x0, z3.s, sxtw]
    {{0x2518e3e0, 0x04e54003, 0xc4232004}, 0, 0, {0x938064726e3b5606, 0x5a3c25e0794154f1, 0x327fcafc04b7e42d, 0xa654afa1b1af5945}}, // ptrue p0.b; index z3.d, #0, #5; prfh pldl3keep, p0, [x0, z3.d, uxtw #1]
    {{0x2518e3e0, 0xd2800102, 0x04a24c04, 0x851fe089}, 0, 0, {0x2cbe425956630da3, 0xaec22d79f95537d1, 0x92a449078d36dc3d, 0x4d0ef8f147f84f85}}, // ptrue p0.b; mov x2, #8; index z4.s, w0, w2; prfw pstl1strm, p0, [z4.s, #124]
    {{0x2518e3e0, 0xd2800102, 0x04e24c04, 0xc59fe08a}, 0, 0, {0x2cbe425956630da3, 0xaec22d79f95537d1, 0x92a449078d36dc3d, 0x4d0ef8f147f84f85}}, // ptrue p0.b; mov x2, #8; index z4.d, x0, x2; prfd pstl2keep, p0, [z4.d, #248]
    };
    // clang-format on
    for (const SveMemCase& c : cases)
        for (std::size_t v = 0; v < kVLs.size(); ++v) {
            INFO(fmt::format("VL {}: {}", kVLs[v], isa::disassemble(c.words.back(), 0x1000)));
            CHECK(runCase(c, kVLs[v]) == c.digest[v]);
        }
}
