// SIMD&FP data processing: every instruction and arrangement of isa/src/fpsimd_insns.cpp, its
// V[] write width (R12: bits [VL-1:width] zeroed, above VL zero-or-preserve) at VL 128 to
// 2048, the FP access trap (EC 0x07) and the unallocated encodings. Expected values were
// computed independently of the model; disassembly texts are LLVM 14's (llvm-mc).
#include "support/isa_harness.h"
#include "svesim/exceptions/exception_record.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fmt/core.h>
#include <vector>

using namespace svesim;
using namespace svesim::test;

namespace {

enum class Dest { V, X };

// One instruction: it writes V0 (width bytes) or X0; lo/hi are the expected low 128 bits of V0
// (zero-extended from width) or lo the expected X0.
struct Case {
    std::uint32_t word;
    Dest dest;
    unsigned width;
    std::uint64_t lo, hi;
};

// Before every case: V0 bytes 0xA0+i, V1 bytes 0x10+i, V2 bytes 0x9C+0x35*i (mod 256), every
// other Z byte (and everything above bit 127) a register-specific pattern; X0 garbage,
// X1 = 0x8877665544332211.
// clang-format off
const Case kCases[] = {
    {0x0e221c20, Dest::V, 8, 0x0712051013021110, 0x0000000000000000}, // and v0.8b, v1.8b, v2.8b
    {0x4e221c20, Dest::V, 16, 0x0712051013021110, 0x17020D18030A1900}, // and v0.16b, v1.16b, v2.16b
    {0x0e621c20, Dest::V, 8, 0x1004100400100000, 0x0000000000000000}, // bic v0.8b, v1.8b, v2.8b
    {0x4e621c20, Dest::V, 16, 0x1004100400100000, 0x081C100418100018}, // bic v0.16b, v1.16b, v2.16b
    {0x0ea21c20, Dest::V, 8, 0x1FDEB5743B16D19C, 0x0000000000000000}, // orr v0.8b, v1.8b, v2.8b
    {0x4ea21c20, Dest::V, 16, 0x1FDEB5743B16D19C, 0xBF9E5D1CFBBE795C}, // orr v0.16b, v1.16b, v2.16b
    {0x0ea21c40, Dest::V, 8, 0x0FDAA5703B06D19C, 0x0000000000000000}, // mov v0.8b, v2.8b
    {0x4ea21c40, Dest::V, 16, 0x0FDAA5703B06D19C, 0xB7824D18E3AE7944}, // mov v0.16b, v2.16b
    {0x0ee21c20, Dest::V, 8, 0xF7375F9FD7FB3F73, 0x0000000000000000}, // orn v0.8b, v1.8b, v2.8b
    {0x4ee21c20, Dest::V, 16, 0xF7375F9FD7FB3F73, 0x5F7FBFFF1F5B9FBB}, // orn v0.16b, v1.16b, v2.16b
    {0x2e221c20, Dest::V, 8, 0x18CCB0642814C08C, 0x0000000000000000}, // eor v0.8b, v1.8b, v2.8b
    {0x6e221c20, Dest::V, 16, 0x18CCB0642814C08C, 0xA89C5004F8B4605C}, // eor v0.16b, v1.16b, v2.16b
    {0x2e621c20, Dest::V, 8, 0x0F5E05541B06511C, 0x0000000000000000}, // bsl v0.8b, v1.8b, v2.8b
    {0x6e621c20, Dest::V, 16, 0x0F5E05541B06511C, 0x1F0E4D1C4B0E594C}, // bsl v0.16b, v1.16b, v2.16b
    {0x2ea21c20, Dest::V, 8, 0xA736059493A23130, 0x0000000000000000}, // bit v0.8b, v1.8b, v2.8b
    {0x6ea21c20, Dest::V, 16, 0xA736059493A23130, 0x1F2EADBC0B0A99A8}, // bit v0.16b, v1.16b, v2.16b
    {0x2ee21c20, Dest::V, 8, 0x1786B52423128180, 0x0000000000000000}, // bif v0.8b, v1.8b, v2.8b
    {0x6ee21c20, Dest::V, 16, 0x1786B52423128180, 0xAF9E1D0CBBBA2918}, // bif v0.16b, v1.16b, v2.16b
    {0x0e228420, Dest::V, 8, 0x26F0BA844E18E2AC, 0x0000000000000000}, // add v0.8b, v1.8b, v2.8b
    {0x4e228420, Dest::V, 16, 0x26F0BA844E18E2AC, 0xD6A06A34FEC8925C}, // add v0.16b, v1.16b, v2.16b
    {0x0e628420, Dest::V, 8, 0x26F0BA844E18E2AC, 0x0000000000000000}, // add v0.4h, v1.4h, v2.4h
    {0x4e628420, Dest::V, 16, 0x26F0BA844E18E2AC, 0xD6A06A34FEC8925C}, // add v0.8h, v1.8h, v2.8h
    {0x0ea28420, Dest::V, 8, 0x26F0BA844E18E2AC, 0x0000000000000000}, // add v0.2s, v1.2s, v2.2s
    {0x4ea28420, Dest::V, 16, 0x26F0BA844E18E2AC, 0xD6A06A34FEC8925C}, // add v0.4s, v1.4s, v2.4s
    {0x4ee28420, Dest::V, 16, 0x26F0BA844E18E2AC, 0xD6A06A34FEC8925C}, // add v0.2d, v1.2d, v2.2d
    {0x2e228420, Dest::V, 8, 0x083C70A4D80C4074, 0x0000000000000000}, // sub v0.8b, v1.8b, v2.8b
    {0x6e228420, Dest::V, 16, 0x083C70A4D80C4074, 0x689CD004386CA0D4}, // sub v0.16b, v1.16b, v2.16b
    {0x2e628420, Dest::V, 8, 0x073C6FA4D80C3F74, 0x0000000000000000}, // sub v0.4h, v1.4h, v2.4h
    {0x6e628420, Dest::V, 16, 0x073C6FA4D80C3F74, 0x679CD004376C9FD4}, // sub v0.8h, v1.8h, v2.8h
    {0x2ea28420, Dest::V, 8, 0x073B6FA4D80B3F74, 0x0000000000000000}, // sub v0.2s, v1.2s, v2.2s
    {0x6ea28420, Dest::V, 16, 0x073B6FA4D80B3F74, 0x679BD004376B9FD4}, // sub v0.4s, v1.4s, v2.4s
    {0x6ee28420, Dest::V, 16, 0x073B6FA3D80B3F74, 0x679BD003376B9FD4}, // sub v0.2d, v1.2d, v2.2d
    {0x0e1f0420, Dest::V, 8, 0x1F1F1F1F1F1F1F1F, 0x0000000000000000}, // dup v0.8b, v1.b[15]
    {0x4e070420, Dest::V, 16, 0x1313131313131313, 0x1313131313131313}, // dup v0.16b, v1.b[3]
    {0x0e1e0420, Dest::V, 8, 0x1F1E1F1E1F1E1F1E, 0x0000000000000000}, // dup v0.4h, v1.h[7]
    {0x4e0a0420, Dest::V, 16, 0x1514151415141514, 0x1514151415141514}, // dup v0.8h, v1.h[2]
    {0x0e1c0420, Dest::V, 8, 0x1F1E1D1C1F1E1D1C, 0x0000000000000000}, // dup v0.2s, v1.s[3]
    {0x4e0c0420, Dest::V, 16, 0x1716151417161514, 0x1716151417161514}, // dup v0.4s, v1.s[1]
    {0x4e180420, Dest::V, 16, 0x1F1E1D1C1B1A1918, 0x1F1E1D1C1B1A1918}, // dup v0.2d, v1.d[1]
    {0x5e130420, Dest::V, 1, 0x0000000000000019, 0x0000000000000000}, // mov b0, v1.b[9]
    {0x5e160420, Dest::V, 2, 0x0000000000001B1A, 0x0000000000000000}, // mov h0, v1.h[5]
    {0x5e140420, Dest::V, 4, 0x000000001B1A1918, 0x0000000000000000}, // mov s0, v1.s[2]
    {0x5e180420, Dest::V, 8, 0x1F1E1D1C1B1A1918, 0x0000000000000000}, // mov d0, v1.d[1]
    {0x0e010c20, Dest::V, 8, 0x1111111111111111, 0x0000000000000000}, // dup v0.8b, w1
    {0x4e010c20, Dest::V, 16, 0x1111111111111111, 0x1111111111111111}, // dup v0.16b, w1
    {0x0e020c20, Dest::V, 8, 0x2211221122112211, 0x0000000000000000}, // dup v0.4h, w1
    {0x4e020c20, Dest::V, 16, 0x2211221122112211, 0x2211221122112211}, // dup v0.8h, w1
    {0x0e040c20, Dest::V, 8, 0x4433221144332211, 0x0000000000000000}, // dup v0.2s, w1
    {0x4e040c20, Dest::V, 16, 0x4433221144332211, 0x4433221144332211}, // dup v0.4s, w1
    {0x4e080c20, Dest::V, 16, 0x8877665544332211, 0x8877665544332211}, // dup v0.2d, x1
    {0x4e040fe0, Dest::V, 16, 0x0000000000000000, 0x0000000000000000}, // dup v0.4s, wzr
    {0x4e1b1c20, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0xAFAE11ACABAAA9A8}, // mov v0.b[13], w1
    {0x4e1a1c20, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0xAFAE2211ABAAA9A8}, // mov v0.h[6], w1
    {0x4e141c20, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0xAFAEADAC44332211}, // mov v0.s[2], w1
    {0x4e181c20, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0x8877665544332211}, // mov v0.d[1], x1
    {0x6e076420, Dest::V, 16, 0xA7A6A5A41CA2A1A0, 0xAFAEADACABAAA9A8}, // mov v0.b[3], v1.b[12]
    {0x6e066420, Dest::V, 16, 0xA7A6A5A41D1CA1A0, 0xAFAEADACABAAA9A8}, // mov v0.h[1], v1.h[6]
    {0x6e1c0420, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0x13121110ABAAA9A8}, // mov v0.s[3], v1.s[0]
    {0x6e084420, Dest::V, 16, 0x1F1E1D1C1B1A1918, 0xAFAEADACABAAA9A8}, // mov v0.d[0], v1.d[1]
    {0x0e153c40, Dest::X, 8, 0x00000000000000AE, 0x0000000000000000}, // umov w0, v2.b[10]
    {0x0e0e3c40, Dest::X, 8, 0x0000000000000FDA, 0x0000000000000000}, // umov w0, v2.h[3]
    {0x0e1c3c40, Dest::X, 8, 0x00000000B7824D18, 0x0000000000000000}, // mov w0, v2.s[3]
    {0x4e183c40, Dest::X, 8, 0xB7824D18E3AE7944, 0x0000000000000000}, // mov x0, v2.d[1]
    {0x0e152c40, Dest::X, 8, 0x00000000FFFFFFAE, 0x0000000000000000}, // smov w0, v2.b[10]
    {0x0e1e2c40, Dest::X, 8, 0x00000000FFFFB782, 0x0000000000000000}, // smov w0, v2.h[7]
    {0x4e152c40, Dest::X, 8, 0xFFFFFFFFFFFFFFAE, 0x0000000000000000}, // smov x0, v2.b[10]
    {0x4e1e2c40, Dest::X, 8, 0xFFFFFFFFFFFFB782, 0x0000000000000000}, // smov x0, v2.h[7]
    {0x4e1c2c40, Dest::X, 8, 0xFFFFFFFFB7824D18, 0x0000000000000000}, // smov x0, v2.s[3]
    {0x4e0c2c20, Dest::X, 8, 0x0000000017161514, 0x0000000000000000}, // smov x0, v1.s[1]
    {0x0e022c20, Dest::X, 8, 0x0000000000001110, 0x0000000000000000}, // smov w0, v1.h[0]
    {0x0f040420, Dest::V, 8, 0x0000008100000081, 0x0000000000000000}, // movi v0.2s, #0x81
    {0x4f042420, Dest::V, 16, 0x0000810000008100, 0x0000810000008100}, // movi v0.4s, #0x81, lsl #8
    {0x0f044420, Dest::V, 8, 0x0081000000810000, 0x0000000000000000}, // movi v0.2s, #0x81, lsl #16
    {0x4f046420, Dest::V, 16, 0x8100000081000000, 0x8100000081000000}, // movi v0.4s, #0x81, lsl #24
    {0x0f048420, Dest::V, 8, 0x0081008100810081, 0x0000000000000000}, // movi v0.4h, #0x81
    {0x4f04a420, Dest::V, 16, 0x8100810081008100, 0x8100810081008100}, // movi v0.8h, #0x81, lsl #8
    {0x0f04c420, Dest::V, 8, 0x000081FF000081FF, 0x0000000000000000}, // movi v0.2s, #0x81, msl #8
    {0x4f04d420, Dest::V, 16, 0x0081FFFF0081FFFF, 0x0081FFFF0081FFFF}, // movi v0.4s, #0x81, msl #16
    {0x0f04e420, Dest::V, 8, 0x8181818181818181, 0x0000000000000000}, // movi v0.8b, #0x81
    {0x4f04e420, Dest::V, 16, 0x8181818181818181, 0x8181818181818181}, // movi v0.16b, #0x81
    {0x2f04e6c0, Dest::V, 8, 0xFF0000FF00FFFF00, 0x0000000000000000}, // movi d0, #0xff0000ff00ffff00
    {0x6f04e6c0, Dest::V, 16, 0xFF0000FF00FFFF00, 0xFF0000FF00FFFF00}, // movi v0.2d, #0xff0000ff00ffff00
    {0x6f00e400, Dest::V, 16, 0x0000000000000000, 0x0000000000000000}, // movi v0.2d, #0
    {0x2f040420, Dest::V, 8, 0xFFFFFF7EFFFFFF7E, 0x0000000000000000}, // mvni v0.2s, #0x81
    {0x6f042420, Dest::V, 16, 0xFFFF7EFFFFFF7EFF, 0xFFFF7EFFFFFF7EFF}, // mvni v0.4s, #0x81, lsl #8
    {0x2f044420, Dest::V, 8, 0xFF7EFFFFFF7EFFFF, 0x0000000000000000}, // mvni v0.2s, #0x81, lsl #16
    {0x6f046420, Dest::V, 16, 0x7EFFFFFF7EFFFFFF, 0x7EFFFFFF7EFFFFFF}, // mvni v0.4s, #0x81, lsl #24
    {0x2f048420, Dest::V, 8, 0xFF7EFF7EFF7EFF7E, 0x0000000000000000}, // mvni v0.4h, #0x81
    {0x6f04a420, Dest::V, 16, 0x7EFF7EFF7EFF7EFF, 0x7EFF7EFF7EFF7EFF}, // mvni v0.8h, #0x81, lsl #8
    {0x2f04c420, Dest::V, 8, 0xFFFF7E00FFFF7E00, 0x0000000000000000}, // mvni v0.2s, #0x81, msl #8
    {0x6f04d420, Dest::V, 16, 0xFF7E0000FF7E0000, 0xFF7E0000FF7E0000}, // mvni v0.4s, #0x81, msl #16
    {0x0f041420, Dest::V, 8, 0xA7A6A5A5A3A2A1A1, 0x0000000000000000}, // orr v0.2s, #0x81
    {0x4f043420, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0xAFAEADACABAAA9A8}, // orr v0.4s, #0x81, lsl #8
    {0x0f045420, Dest::V, 8, 0xA7A7A5A4A3A3A1A0, 0x0000000000000000}, // orr v0.2s, #0x81, lsl #16
    {0x4f047420, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0xAFAEADACABAAA9A8}, // orr v0.4s, #0x81, lsl #24
    {0x0f049420, Dest::V, 8, 0xA7A7A5A5A3A3A1A1, 0x0000000000000000}, // orr v0.4h, #0x81
    {0x4f04b420, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0xAFAEADACABAAA9A8}, // orr v0.8h, #0x81, lsl #8
    {0x2f041420, Dest::V, 8, 0xA7A6A524A3A2A120, 0x0000000000000000}, // bic v0.2s, #0x81
    {0x6f043420, Dest::V, 16, 0xA7A624A4A3A220A0, 0xAFAE2CACABAA28A8}, // bic v0.4s, #0x81, lsl #8
    {0x2f045420, Dest::V, 8, 0xA726A5A4A322A1A0, 0x0000000000000000}, // bic v0.2s, #0x81, lsl #16
    {0x6f047420, Dest::V, 16, 0x26A6A5A422A2A1A0, 0x2EAEADAC2AAAA9A8}, // bic v0.4s, #0x81, lsl #24
    {0x2f049420, Dest::V, 8, 0xA726A524A322A120, 0x0000000000000000}, // bic v0.4h, #0x81
    {0x6f04b420, Dest::V, 16, 0x26A624A422A220A0, 0x2EAE2CAC2AAA28A8}, // bic v0.8h, #0x81, lsl #8
    {0x0f03f600, Dest::V, 8, 0x3F8000003F800000, 0x0000000000000000}, // fmov v0.2s, #1.0
    {0x4f06f400, Dest::V, 16, 0xBE000000BE000000, 0xBE000000BE000000}, // fmov v0.4s, #-0.125
    {0x6f01f7e0, Dest::V, 16, 0x403F000000000000, 0x403F000000000000}, // fmov v0.2d, #31.0
    {0x1e2e1000, Dest::V, 4, 0x000000003F800000, 0x0000000000000000}, // fmov s0, #1.0
    {0x1e391000, Dest::V, 4, 0x00000000BE400000, 0x0000000000000000}, // fmov s0, #-0.1875
    {0x1e709000, Dest::V, 8, 0xC004000000000000, 0x0000000000000000}, // fmov d0, #-2.5
    {0x1e67f000, Dest::V, 8, 0x403F000000000000, 0x0000000000000000}, // fmov d0, #31.0
    {0x1e204020, Dest::V, 4, 0x0000000013121110, 0x0000000000000000}, // fmov s0, s1
    {0x1e604020, Dest::V, 8, 0x1716151413121110, 0x0000000000000000}, // fmov d0, d1
    {0x1e260020, Dest::X, 8, 0x0000000013121110, 0x0000000000000000}, // fmov w0, s1
    {0x1e270020, Dest::V, 4, 0x0000000044332211, 0x0000000000000000}, // fmov s0, w1
    {0x9e660020, Dest::X, 8, 0x1716151413121110, 0x0000000000000000}, // fmov x0, d1
    {0x9e670020, Dest::V, 8, 0x8877665544332211, 0x0000000000000000}, // fmov d0, x1
    {0x9eae0020, Dest::X, 8, 0x1F1E1D1C1B1A1918, 0x0000000000000000}, // fmov x0, v1.d[1]
    {0x9eaf0020, Dest::V, 16, 0xA7A6A5A4A3A2A1A0, 0x8877665544332211}, // fmov v0.d[1], x1
    {0x1e2703e0, Dest::V, 4, 0x0000000000000000, 0x0000000000000000}, // fmov s0, wzr
};
// clang-format on

std::uint64_t low64(std::span<const std::uint8_t> z, unsigned offset) {
    std::uint64_t v = 0;
    for (unsigned k = 0; k < 8; ++k)
        v |= std::uint64_t{z[offset + k]} << (8 * k);
    return v;
}

void standardSetup(IsaHarness& h) {
    fillPattern(h.arch.sve, 0x5D);
    for (unsigned k = 0; k < 16; ++k) {
        h.zFull(0)[k] = static_cast<std::uint8_t>(0xA0 + k);
        h.zFull(1)[k] = static_cast<std::uint8_t>(0x10 + k);
        h.zFull(2)[k] = static_cast<std::uint8_t>((0x9C + 0x35 * k) & 0xFF);
    }
    h.setX(0, 0xDEADBEEFDEADBEEFULL);
    h.setX(1, 0x8877665544332211ULL);
}

std::vector<std::vector<std::uint8_t>> zState(IsaHarness& h) {
    std::vector<std::vector<std::uint8_t>> z;
    for (unsigned n = 0; n < SveUnit::kNumZ; ++n)
        z.emplace_back(h.zFull(n).begin(), h.zFull(n).end());
    return z;
}

bool allZero(std::span<const std::uint8_t> z, std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k)
        if (z[k] != 0) return false;
    return true;
}
bool sameBytes(std::span<const std::uint8_t> a, const std::vector<std::uint8_t>& b,
               std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k)
        if (a[k] != b[k]) return false;
    return true;
}

std::string describe(std::uint32_t word) {
    return fmt::format("{:#010x} {}", word, isa::disassemble(word, 0));
}

// Runs one case at `vl_bits` under `policy` and checks the result, the zeroing of
// [VL-1:width], the bits above VL and that nothing else changed.
void runCase(const Case& c, unsigned vl_bits, ZeroUpperPolicy policy) {
    INFO(describe(c.word) << " at VL " << vl_bits << " policy " << policy.name());
    IsaHarness h(vl_bits, EL::EL1, Setup{.policy = policy});
    standardSetup(h);
    const auto before = zState(h);
    REQUIRE(h.exec(c.word) != nullptr);
    REQUIRE_FALSE(h.cx.faulted());
    CHECK(h.arch.cpu.pc == 0x1004);
    const auto after = zState(h);
    const std::size_t vl = h.vlBytes(), max = before[0].size();
    if (c.dest == Dest::X) {
        CHECK(h.x(0) == c.lo);
        CHECK(after == before); // a general-purpose destination leaves every Z register alone
        return;
    }
    CHECK(h.x(0) == 0xDEADBEEFDEADBEEFULL);
    CHECK(low64(after[0], 0) == c.lo);
    CHECK(low64(after[0], 8) == c.hi);
    CHECK(allZero(after[0], c.width, vl)); // R12: V[] zeroes [VL-1:width]
    if (policy.kind() == PolicyKind::Zero)
        CHECK(allZero(after[0], vl, max));
    else
        CHECK(sameBytes(after[0], before[0], vl, max));
    for (unsigned n = 1; n < SveUnit::kNumZ; ++n)
        CHECK(after[n] == before[n]);
}

} // namespace

TEST_CASE("fpsimd: every instruction and arrangement at VL 128/256/512/2048, V writes zero "
          "[VL-1:width] (R12)",
          "[isa][fpsimd][R12]") {
    for (unsigned vl : {128U, 256U, 512U, 2048U})
        for (auto policy : {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero()})
            for (const Case& c : kCases)
                runCase(c, vl, policy);
}

TEST_CASE("fpsimd: with FP disabled every instruction traps with EC 0x07 and changes nothing",
          "[isa][fpsimd]") {
    for (const Case& c : kCases) {
        INFO(describe(c.word));
        IsaHarness h(256);
        standardSetup(h);
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 16); // ZEN = 11, FPEN = 00
        const auto before = zState(h);
        REQUIRE(h.exec(c.word) != nullptr);
        REQUIRE(h.cx.faulted());
        CHECK(h.cx.fault->record.type == Exception::AdvSIMDFPAccessTrap);
        CHECK(exceptionClass(h.cx.fault->record.type, EL::EL1, h.cx.fault->target) == 0x07);
        CHECK(h.cx.fault->record.iss == 0x1E00000);
        CHECK(h.cx.fault->target == EL::EL1);
        CHECK(h.arch.cpu.pc == 0x1000);
        CHECK(h.x(0) == 0xDEADBEEFDEADBEEFULL);
        CHECK(zState(h) == before);
    }
}

TEST_CASE("fpsimd: with SVE disabled but FP enabled a V write guarantees only the low 128 bits "
          "(R12, R_KXKNK)",
          "[isa][fpsimd][R12][R_KXKNK]") {
    for (auto policy : {ZeroUpperPolicy::preserve(), ZeroUpperPolicy::zero()}) {
        INFO(policy.name());
        IsaHarness h(512, EL::EL1, Setup{.policy = policy});
        standardSetup(h);
        h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 20); // FPEN = 11, ZEN = 00
        const auto before = zState(h);
        REQUIRE(h.exec(0x0e228420) != nullptr); // add v0.8b, v1.8b, v2.8b
        REQUIRE_FALSE(h.cx.faulted());
        const auto after = zState(h);
        CHECK(low64(after[0], 0) == 0x26F0BA844E18E2ACULL);
        CHECK(allZero(after[0], 8, 16)); // vlen = 128
        if (policy.kind() == PolicyKind::Zero)
            CHECK(allZero(after[0], 16, after[0].size()));
        else
            CHECK(sameBytes(after[0], before[0], 16, after[0].size()));
    }
}

TEST_CASE("fpsimd: fields the Arm ARM ignores do not change the result", "[isa][fpsimd]") {
    IsaHarness h(256);
    standardSetup(h);
    // mov v0.d[1], v1.d[1] with imm4<2:0> = 111 (ignored for D)
    REQUIRE(h.exec(0x6e187c20) != nullptr);
    CHECK(low64(h.z(0), 0) == 0xA7A6A5A4A3A2A1A0ULL);
    CHECK(low64(h.z(0), 8) == 0x1F1E1D1C1B1A1918ULL);
    CHECK(isa::disassemble(0x6e187c20, 0) == "mov\tv0.d[1], v1.d[1]");
    // dup v0.8b, w1 with imm5<4:1> = 1001 (ignored for DUP (general))
    REQUIRE(h.exec(0x0e130c20) != nullptr);
    CHECK(low64(h.z(0), 0) == 0x1111111111111111ULL);
    CHECK(low64(h.z(0), 8) == 0);
    CHECK(isa::disassemble(0x0e130c20, 0) == "dup\tv0.8b, w1");
}

TEST_CASE("fpsimd: register 31 is WZR/XZR for the general-purpose operands", "[isa][fpsimd]") {
    IsaHarness h(128);
    standardSetup(h);
    REQUIRE(h.exec(0x0e1c3c5f) != nullptr); // mov wzr, v2.s[3]
    CHECK_FALSE(h.cx.faulted());
    CHECK(h.x(31) == 0);
    REQUIRE(h.exec(0x4e181fe0) != nullptr); // mov v0.d[1], xzr
    CHECK(low64(h.z(0), 0) == 0xA7A6A5A4A3A2A1A0ULL);
    CHECK(low64(h.z(0), 8) == 0);
}

TEST_CASE("fpsimd: unallocated encodings are UNDEFINED (EC 0x00), also with FP disabled",
          "[isa][fpsimd]") {
    // clang-format off
    const std::uint32_t kUndefined[] = {
        0x0ee28420, // add with size 11, Q 0
        0x2ee28420, // sub with size 11, Q 0
        0x4e100420, // dup (element) with imm5 x0000
        0x0e080420, // dup (element) 1D (Q 0, size D)
        0x0e080c20, // dup (general) 1D
        0x4e000c20, // dup (general) with imm5 00000
        0x0e041c20, // ins (general) with Q 0
        0x4e001c20, // ins (general) with imm5 00000
        0x2e040420, // ins (element) with Q 0
        0x6e100420, // ins (element) with imm5 x0000
        0x0e083c20, // umov into W from a D element
        0x4e043c20, // umov into X from an S element
        0x4e013c20, // umov into X from a B element
        0x0e042c20, // smov into W from an S element
        0x4e082c20, // smov into X from a D element
        0x4e041420, // AdvSIMD copy with imm4 0010
        0x5e000420, // dup (element, scalar) with imm5 00000
        0x5e100420, // dup (element, scalar) with imm5 10000
        0x2f00f400, // modified immediate op 1, cmode 1111, Q 0
        0x0f000c00, // modified immediate o2 1, cmode 0000
        0x1e660020, // fmov with sf 0, ftype 01
        0x9e260020, // fmov with sf 1, ftype 00
        0x1eae0020, // fmov with sf 0, ftype 10, rmode 01
        0x9ea60020, // fmov with sf 1, ftype 10, rmode 00
        0x1ea01000, // fmov (scalar, immediate) with ftype 10
        0x1e2e1020, // fmov (scalar, immediate) with imm5 != 0
        0x1ea04020, // fmov (register) with ftype 10
    };
    // clang-format on
    for (bool fp_enabled : {true, false})
        for (std::uint32_t w : kUndefined) {
            INFO(fmt::format("{:#010x} fp_enabled {}", w, fp_enabled));
            IsaHarness h(256);
            if (!fp_enabled) h.arch.cpu.sysregs.write(SysReg::CPACR_EL1, 0x3ULL << 16);
            CHECK(isa::decode(w) == nullptr);
            CHECK(isa::disassemble(w, 0) == "<undefined>");
            CHECK(h.exec(w) == nullptr);
            REQUIRE(h.cx.faulted());
            CHECK(h.cx.fault->record.type == Exception::Uncategorized);
        }
}

TEST_CASE("fpsimd: disassembly is LLVM's, aliases included", "[isa][fpsimd]") {
    struct Dis {
        std::uint32_t word;
        const char* text;
    };
    // clang-format off
    const Dis kDis[] = {
    {0x0e221c20, "and\tv0.8b, v1.8b, v2.8b"},
    {0x4e221c20, "and\tv0.16b, v1.16b, v2.16b"},
    {0x0e621c20, "bic\tv0.8b, v1.8b, v2.8b"},
    {0x4e621c20, "bic\tv0.16b, v1.16b, v2.16b"},
    {0x0ea21c20, "orr\tv0.8b, v1.8b, v2.8b"},
    {0x4ea21c20, "orr\tv0.16b, v1.16b, v2.16b"},
    {0x0ea21c40, "mov\tv0.8b, v2.8b"},
    {0x4ea21c40, "mov\tv0.16b, v2.16b"},
    {0x0ee21c20, "orn\tv0.8b, v1.8b, v2.8b"},
    {0x4ee21c20, "orn\tv0.16b, v1.16b, v2.16b"},
    {0x2e221c20, "eor\tv0.8b, v1.8b, v2.8b"},
    {0x6e221c20, "eor\tv0.16b, v1.16b, v2.16b"},
    {0x2e621c20, "bsl\tv0.8b, v1.8b, v2.8b"},
    {0x6e621c20, "bsl\tv0.16b, v1.16b, v2.16b"},
    {0x2ea21c20, "bit\tv0.8b, v1.8b, v2.8b"},
    {0x6ea21c20, "bit\tv0.16b, v1.16b, v2.16b"},
    {0x2ee21c20, "bif\tv0.8b, v1.8b, v2.8b"},
    {0x6ee21c20, "bif\tv0.16b, v1.16b, v2.16b"},
    {0x0e228420, "add\tv0.8b, v1.8b, v2.8b"},
    {0x4e228420, "add\tv0.16b, v1.16b, v2.16b"},
    {0x0e628420, "add\tv0.4h, v1.4h, v2.4h"},
    {0x4e628420, "add\tv0.8h, v1.8h, v2.8h"},
    {0x0ea28420, "add\tv0.2s, v1.2s, v2.2s"},
    {0x4ea28420, "add\tv0.4s, v1.4s, v2.4s"},
    {0x4ee28420, "add\tv0.2d, v1.2d, v2.2d"},
    {0x2e228420, "sub\tv0.8b, v1.8b, v2.8b"},
    {0x6e228420, "sub\tv0.16b, v1.16b, v2.16b"},
    {0x2e628420, "sub\tv0.4h, v1.4h, v2.4h"},
    {0x6e628420, "sub\tv0.8h, v1.8h, v2.8h"},
    {0x2ea28420, "sub\tv0.2s, v1.2s, v2.2s"},
    {0x6ea28420, "sub\tv0.4s, v1.4s, v2.4s"},
    {0x6ee28420, "sub\tv0.2d, v1.2d, v2.2d"},
    {0x0e1f0420, "dup\tv0.8b, v1.b[15]"},
    {0x4e070420, "dup\tv0.16b, v1.b[3]"},
    {0x0e1e0420, "dup\tv0.4h, v1.h[7]"},
    {0x4e0a0420, "dup\tv0.8h, v1.h[2]"},
    {0x0e1c0420, "dup\tv0.2s, v1.s[3]"},
    {0x4e0c0420, "dup\tv0.4s, v1.s[1]"},
    {0x4e180420, "dup\tv0.2d, v1.d[1]"},
    {0x5e130420, "mov\tb0, v1.b[9]"},
    {0x5e160420, "mov\th0, v1.h[5]"},
    {0x5e140420, "mov\ts0, v1.s[2]"},
    {0x5e180420, "mov\td0, v1.d[1]"},
    {0x0e010c20, "dup\tv0.8b, w1"},
    {0x4e010c20, "dup\tv0.16b, w1"},
    {0x0e020c20, "dup\tv0.4h, w1"},
    {0x4e020c20, "dup\tv0.8h, w1"},
    {0x0e040c20, "dup\tv0.2s, w1"},
    {0x4e040c20, "dup\tv0.4s, w1"},
    {0x4e080c20, "dup\tv0.2d, x1"},
    {0x4e040fe0, "dup\tv0.4s, wzr"},
    {0x4e1b1c20, "mov\tv0.b[13], w1"},
    {0x4e1a1c20, "mov\tv0.h[6], w1"},
    {0x4e141c20, "mov\tv0.s[2], w1"},
    {0x4e181c20, "mov\tv0.d[1], x1"},
    {0x6e076420, "mov\tv0.b[3], v1.b[12]"},
    {0x6e066420, "mov\tv0.h[1], v1.h[6]"},
    {0x6e1c0420, "mov\tv0.s[3], v1.s[0]"},
    {0x6e084420, "mov\tv0.d[0], v1.d[1]"},
    {0x0e153c40, "umov\tw0, v2.b[10]"},
    {0x0e0e3c40, "umov\tw0, v2.h[3]"},
    {0x0e1c3c40, "mov\tw0, v2.s[3]"},
    {0x4e183c40, "mov\tx0, v2.d[1]"},
    {0x0e152c40, "smov\tw0, v2.b[10]"},
    {0x0e1e2c40, "smov\tw0, v2.h[7]"},
    {0x4e152c40, "smov\tx0, v2.b[10]"},
    {0x4e1e2c40, "smov\tx0, v2.h[7]"},
    {0x4e1c2c40, "smov\tx0, v2.s[3]"},
    {0x4e0c2c20, "smov\tx0, v1.s[1]"},
    {0x0e022c20, "smov\tw0, v1.h[0]"},
    {0x0f040420, "movi\tv0.2s, #129"},
    {0x4f042420, "movi\tv0.4s, #129, lsl #8"},
    {0x0f044420, "movi\tv0.2s, #129, lsl #16"},
    {0x4f046420, "movi\tv0.4s, #129, lsl #24"},
    {0x0f048420, "movi\tv0.4h, #129"},
    {0x4f04a420, "movi\tv0.8h, #129, lsl #8"},
    {0x0f04c420, "movi\tv0.2s, #129, msl #8"},
    {0x4f04d420, "movi\tv0.4s, #129, msl #16"},
    {0x0f04e420, "movi\tv0.8b, #129"},
    {0x4f04e420, "movi\tv0.16b, #129"},
    {0x2f04e6c0, "movi\td0, #0xff0000ff00ffff00"},
    {0x6f04e6c0, "movi\tv0.2d, #0xff0000ff00ffff00"},
    {0x6f00e400, "movi\tv0.2d, #0000000000000000"},
    {0x2f040420, "mvni\tv0.2s, #129"},
    {0x6f042420, "mvni\tv0.4s, #129, lsl #8"},
    {0x2f044420, "mvni\tv0.2s, #129, lsl #16"},
    {0x6f046420, "mvni\tv0.4s, #129, lsl #24"},
    {0x2f048420, "mvni\tv0.4h, #129"},
    {0x6f04a420, "mvni\tv0.8h, #129, lsl #8"},
    {0x2f04c420, "mvni\tv0.2s, #129, msl #8"},
    {0x6f04d420, "mvni\tv0.4s, #129, msl #16"},
    {0x0f041420, "orr\tv0.2s, #129"},
    {0x4f043420, "orr\tv0.4s, #129, lsl #8"},
    {0x0f045420, "orr\tv0.2s, #129, lsl #16"},
    {0x4f047420, "orr\tv0.4s, #129, lsl #24"},
    {0x0f049420, "orr\tv0.4h, #129"},
    {0x4f04b420, "orr\tv0.8h, #129, lsl #8"},
    {0x2f041420, "bic\tv0.2s, #129"},
    {0x6f043420, "bic\tv0.4s, #129, lsl #8"},
    {0x2f045420, "bic\tv0.2s, #129, lsl #16"},
    {0x6f047420, "bic\tv0.4s, #129, lsl #24"},
    {0x2f049420, "bic\tv0.4h, #129"},
    {0x6f04b420, "bic\tv0.8h, #129, lsl #8"},
    {0x0f03f600, "fmov\tv0.2s, #1.00000000"},
    {0x4f06f400, "fmov\tv0.4s, #-0.12500000"},
    {0x6f01f7e0, "fmov\tv0.2d, #31.00000000"},
    {0x1e2e1000, "fmov\ts0, #1.00000000"},
    {0x1e391000, "fmov\ts0, #-0.18750000"},
    {0x1e709000, "fmov\td0, #-2.50000000"},
    {0x1e67f000, "fmov\td0, #31.00000000"},
    {0x1e204020, "fmov\ts0, s1"},
    {0x1e604020, "fmov\td0, d1"},
    {0x1e260020, "fmov\tw0, s1"},
    {0x1e270020, "fmov\ts0, w1"},
    {0x9e660020, "fmov\tx0, d1"},
    {0x9e670020, "fmov\td0, x1"},
    {0x9eae0020, "fmov\tx0, v1.d[1]"},
    {0x9eaf0020, "fmov\tv0.d[1], x1"},
    {0x1e2703e0, "fmov\ts0, wzr"},
        {0x6f00e420, "movi\tv0.2d, #0x000000000000ff"},
        {0x2f00e400, "movi\td0, #0000000000000000"},
        {0x6e021c79, "mov\tv25.h[0], v3.h[1]"},
        {0x6e047d9d, "mov\tv29.s[0], v12.s[3]"},
        {0x0e130d81, "dup\tv1.8b, w12"},
        {0x0e1c3c5f, "mov\twzr, v2.s[3]"},
        {0x4e181fe0, "mov\tv0.d[1], xzr"},
        {0x9eaf03ff, "fmov\tv31.d[1], xzr"},
        {0x1e2603ff, "fmov\twzr, s31"},
    };
    // clang-format on
    for (const Dis& d : kDis) {
        INFO(fmt::format("{:#010x}", d.word));
        CHECK(isa::disassemble(d.word, 0) == d.text);
        const isa::InsnDef* def = isa::decode(d.word);
        REQUIRE(def != nullptr);
        CHECK(def->timing == isa::TimingClass::FpSimd);
    }
    for (const Case& c : kCases) // every case is in the disassembly table
        CHECK(std::any_of(std::begin(kDis), std::end(kDis),
                          [&](const Dis& d) { return d.word == c.word; }));
}
