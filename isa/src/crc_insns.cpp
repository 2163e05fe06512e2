// FEAT_CRC32 (ARM-M C6.2 CRC32B..CRC32CX): one step of a CRC-32 (polynomial 0x04C11DB7) or
// CRC-32C (0x1EDC6F41) over a byte, halfword, word or doubleword of Rm, with the accumulator in
// Wn. The pseudocode bit-reverses both operands, divides by the polynomial and bit-reverses the
// remainder; that is the reflected (LSB-first) shift register below, with no pre- or
// post-inversion (software adds those).
#include "svesim/isa/a64_helpers.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>

namespace svesim::isa {
namespace {

using T = TimingClass;

// BitReverse(Poly32Mod2(BitReverse(acc):Zeros(size) EOR BitReverse(val):Zeros(32), poly)) with
// the polynomial given bit-reversed (0xEDB88320 for CRC-32, 0x82F63B78 for CRC-32C).
std::uint32_t crc32Step(std::uint32_t acc, std::uint64_t val, unsigned size,
                        std::uint32_t reflected_poly) {
    for (unsigned byte = 0; byte < size / 8; ++byte) {
        acc ^= static_cast<std::uint32_t>((val >> (8 * byte)) & 0xFF);
        for (unsigned b = 0; b < 8; ++b)
            acc = (acc >> 1) ^ ((acc & 1U) != 0 ? reflected_poly : 0U);
    }
    return acc;
}

unsigned crcSize(std::uint32_t i) { // 8 << sz, insn[11:10]
    return 8U << bits(i, 11, 10);
}

void execCRC32(ExecContext& cx, std::uint32_t i) {
    const bool crc32c = bit1(i, 12);
    const std::uint32_t poly = crc32c ? 0x82F6'3B78U : 0xEDB8'8320U;
    cx.setW(rd(i), crc32Step(cx.W(rn(i)), cx.X(rm(i)) & ones(crcSize(i)), crcSize(i), poly));
}

// sf must be 1 exactly for the doubleword forms.
bool validCRC32(std::uint32_t i) {
    return bit1(i, 31) == (bits(i, 11, 10) == 3);
}

std::string disCRC32(std::uint32_t i, std::uint64_t) {
    const unsigned size = crcSize(i);
    const char suffix = "bhwx"[bits(i, 11, 10)];
    return fmt::format("crc32{}{}\t{}, {}, {}", bit1(i, 12) ? "c" : "", suffix,
                       regName(rd(i), false), regName(rn(i), false), regName(rm(i), size == 64));
}

// clang-format off
const InsnDef kCrcInsns[] = {
    insn("x 0 0 11010110 xxxxx 010 x xx xxxxx xxxxx", "CRC32_32C_dp_2src", execCRC32, disCRC32, T::IntMul, validCRC32),
};
// clang-format on

} // namespace

std::span<const InsnDef> crcInsns() {
    return kCrcInsns;
}

} // namespace svesim::isa
