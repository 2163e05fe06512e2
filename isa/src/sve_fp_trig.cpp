// SVE floating-point trigonometric and exponential helpers and FSCALE (ARM-M C8.2, FEAT_SVE):
// FTSMUL, FTSSEL, FTMAD (the sin/cos polynomial steps), FEXPA (2^x from a table) and FSCALE
// (predicated, merging), H/S/D elements. Arithmetic is the FP core's (fp/fp.h) under FPCR; the
// exceptions of the elements computed accumulate into FPSR. Z is written through the SveUnit
// setter (R11).
#include "fp/fp_regs.h"
#include "sve_fp_common.h"

namespace svesim::isa::sve {
namespace {

using T = TimingClass;
using fpe::elementsOf;
using fpe::esizeBits;
using fpe::validSize;
using fpe::z;

std::uint64_t signBit(unsigned n) {
    return std::uint64_t{1} << (n - 1);
}

// FPTrigSMul: op1 * op1 with the sign taken from op2<0> unless the product is a NaN.
std::uint64_t FPTrigSMul(std::uint64_t op1, std::uint64_t op2, unsigned n,
                         const fp::FPContext& fc) {
    std::uint64_t result = fp::FPMul(op1, op1, n, fc);
    if (!fp::IsNaN(result, n)) result = (result & ~signBit(n)) | ((op2 & 1) << (n - 1));
    return result;
}

// FPTrigSSel: 1.0 or op1 by op2<0>, negated by op2<1>; no FP exception, no flushing.
std::uint64_t FPTrigSSel(std::uint64_t op1, std::uint64_t op2, unsigned n) {
    std::uint64_t result = (op2 & 1) != 0 ? fp::VFPExpandImm(0x70, n) : op1; // FPOne
    if ((op2 & 2) != 0) result = fp::FPNeg(result, n);
    return result;
}

// FPTrigMAdd's coefficients: [0, 8) the sine series, [8, 16) the cosine series.
constexpr std::uint64_t kTrigH[16] = {0x3c00, 0xb155, 0x2030, 0, 0, 0, 0, 0,
                                      0x3c00, 0xb800, 0x293a, 0, 0, 0, 0, 0};
constexpr std::uint64_t kTrigS[16] = {
    0x3f800000, 0xbe2aaaab, 0x3c088886, 0xb95008b9, 0x36369d6d, 0, 0, 0,
    0x3f800000, 0xbf000000, 0x3d2aaaa6, 0xbab60705, 0x37cd37cc, 0, 0, 0};
constexpr std::uint64_t kTrigD[16] = {
    0x3ff0000000000000, 0xbfc5555555555543, 0x3f8111111110f30c, 0xbf2a01a019b92fc6,
    0x3ec71de351f3d22b, 0xbe5ae5e2b60f7b91, 0x3de5d8408868552f, 0x0000000000000000,
    0x3ff0000000000000, 0xbfe0000000000000, 0x3fa5555555555536, 0xbf56c16c16c13a0b,
    0x3efa01a019b1e8d8, 0xbe927e4f7282f468, 0x3e21ee96d2641b13, 0xbda8f76380fbb401};

// FPTrigMAdd(x, op1, op2): coefficient[x (+8 when op2 is negative)] + op1 * |op2|, fused.
std::uint64_t FPTrigMAdd(unsigned x, std::uint64_t op1, std::uint64_t op2, unsigned n,
                         const fp::FPContext& fc) {
    if ((op2 & signBit(n)) != 0) x += 8;
    op2 = fp::FPAbs(op2, n);
    const std::uint64_t* coeff = n == 16 ? kTrigH : (n == 32 ? kTrigS : kTrigD);
    return fp::FPMulAdd(coeff[x], op1, op2, n, fc);
}

// FPExpA's fraction tables: the fraction of 2^(i/32) (H, 10 bits) and 2^(i/64) (S 23, D 52 bits).
constexpr std::uint64_t kExpH[32] = {
    0x000, 0x016, 0x02d, 0x045, 0x05d, 0x075, 0x08e, 0x0a8, 0x0c2, 0x0dc, 0x0f8,
    0x114, 0x130, 0x14d, 0x16b, 0x189, 0x1a8, 0x1c8, 0x1e8, 0x209, 0x22b, 0x24e,
    0x271, 0x295, 0x2ba, 0x2e0, 0x306, 0x32e, 0x356, 0x37f, 0x3a9, 0x3d4,
};
constexpr std::uint64_t kExpS[64] = {
    0x000000, 0x0164d2, 0x02cd87, 0x043a29, 0x05aac3, 0x071f62, 0x08980f, 0x0a14d5,
    0x0b95c2, 0x0d1adf, 0x0ea43a, 0x1031dc, 0x11c3d3, 0x135a2b, 0x14f4f0, 0x16942d,
    0x1837f0, 0x19e046, 0x1b8d3a, 0x1d3eda, 0x1ef532, 0x20b051, 0x227043, 0x243516,
    0x25fed7, 0x27cd94, 0x29a15b, 0x2b7a3a, 0x2d583f, 0x2f3b79, 0x3123f6, 0x3311c4,
    0x3504f3, 0x36fd92, 0x38fbaf, 0x3aff5b, 0x3d08a4, 0x3f179a, 0x412c4d, 0x4346cd,
    0x45672a, 0x478d75, 0x49b9be, 0x4bec15, 0x4e248c, 0x506334, 0x52a81e, 0x54f35b,
    0x5744fd, 0x599d16, 0x5bfbb8, 0x5e60f5, 0x60ccdf, 0x633f89, 0x65b907, 0x68396a,
    0x6ac0c7, 0x6d4f30, 0x6fe4ba, 0x728177, 0x75257d, 0x77d0df, 0x7a83b3, 0x7d3e0c,
};
constexpr std::uint64_t kExpD[64] = {
    0x0000000000000, 0x02c9a3e778061, 0x059b0d3158574, 0x0874518759bc8, 0x0b5586cf9890f,
    0x0e3ec32d3d1a2, 0x11301d0125b51, 0x1429aaea92de0, 0x172b83c7d517b, 0x1a35beb6fcb75,
    0x1d4873168b9aa, 0x2063b88628cd6, 0x2387a6e756238, 0x26b4565e27cdd, 0x29e9df51fdee1,
    0x2d285a6e4030b, 0x306fe0a31b715, 0x33c08b26416ff, 0x371a7373aa9cb, 0x3a7db34e59ff7,
    0x3dea64c123422, 0x4160a21f72e2a, 0x44e086061892d, 0x486a2b5c13cd0, 0x4bfdad5362a27,
    0x4f9b2769d2ca7, 0x5342b569d4f82, 0x56f4736b527da, 0x5ab07dd485429, 0x5e76f15ad2148,
    0x6247eb03a5585, 0x6623882552225, 0x6a09e667f3bcd, 0x6dfb23c651a2f, 0x71f75e8ec5f74,
    0x75feb564267c9, 0x7a11473eb0187, 0x7e2f336cf4e62, 0x82589994cce13, 0x868d99b4492ed,
    0x8ace5422aa0db, 0x8f1ae99157736, 0x93737b0cdc5e5, 0x97d829fde4e50, 0x9c49182a3f090,
    0xa0c667b5de565, 0xa5503b23e255d, 0xa9e6b5579fdbf, 0xae89f995ad3ad, 0xb33a2b84f15fb,
    0xb7f76f2fb5e47, 0xbcc1e904bc1d2, 0xc199bdd85529c, 0xc67f12e57d14b, 0xcb720dcef9069,
    0xd072d4a07897c, 0xd5818dcfba487, 0xda9e603db3285, 0xdfc97337b9b5f, 0xe502ee78b3ff6,
    0xea4afa2a490da, 0xefa1bee615a27, 0xf50765b6e4540, 0xfa7c1819e90d8,
};

// FPExpA: the exponent bits come from op above the table index, the fraction from the table.
std::uint64_t FPExpA(std::uint64_t op, unsigned n) {
    const auto field = [op](unsigned hi, unsigned lo) {
        return (op >> lo) & ((std::uint64_t{1} << (hi - lo + 1)) - 1);
    };
    switch (n) {
    case 16: return (field(9, 5) << 10) | kExpH[field(4, 0)];
    case 32: return (field(13, 6) << 23) | kExpS[field(5, 0)];
    default: return (field(16, 6) << 52) | kExpD[field(5, 0)];
    }
}

// ---- FTSMUL Zd, Zn, Zm (unpredicated)
void execFtsmul(ExecContext& cx, std::uint32_t i) {
    fpe::unpredicatedBinary(cx, i, FPTrigSMul);
}
std::string disFtsmul(std::uint32_t i, std::uint64_t) {
    return fmt::format("ftsmul\t{}, {}, {}", z(rd(i), i), z(rn(i), i), z(rm(i), i));
}

// ---- FTSSEL Zd, Zn, Zm (unpredicated; no FP exceptions, FPCR not read)
void execFtssel(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    const ZBuf a = readZ(cx, rn(i)), b = readZ(cx, rm(i));
    ZBuf r{};
    for (unsigned e = 0; e < elementsOf(cx, i); ++e)
        setElem(r.data(), e, eb, FPTrigSSel(elem(a.data(), e, eb), elem(b.data(), e, eb), n));
    writeZ(cx, rd(i), r);
}
std::string disFtssel(std::uint32_t i, std::uint64_t) {
    return fmt::format("ftssel\t{}, {}, {}", z(rd(i), i), z(rn(i), i), z(rm(i), i));
}

// ---- FEXPA Zd, Zn (unpredicated; no FP exceptions)
void execFexpa(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    const ZBuf a = readZ(cx, rn(i));
    ZBuf r{};
    for (unsigned e = 0; e < elementsOf(cx, i); ++e)
        setElem(r.data(), e, eb, FPExpA(elem(a.data(), e, eb), n));
    writeZ(cx, rd(i), r);
}
std::string disFexpa(std::uint32_t i, std::uint64_t) {
    return fmt::format("fexpa\t{}, {}", z(rd(i), i), z(rn(i), i));
}

// ---- FTMAD Zdn, Zdn, Zm, #imm3 (unpredicated, destructive)
void execFtmad(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8, imm = bits(i, 18, 16);
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const ZBuf a = readZ(cx, rd(i)), b = readZ(cx, rn(i)); // Zm is insn[9:5]
    ZBuf r{};
    for (unsigned e = 0; e < elementsOf(cx, i); ++e)
        setElem(r.data(), e, eb,
                FPTrigMAdd(imm, elem(a.data(), e, eb), elem(b.data(), e, eb), n, fc));
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disFtmad(std::uint32_t i, std::uint64_t) {
    return fmt::format("ftmad\t{}, {}, {}, #{}", z(rd(i), i), z(rd(i), i), z(rn(i), i),
                       bits(i, 18, 16));
}

// ---- FSCALE Zdn, Pg/M, Zdn, Zm: Zm's elements are signed integers
void execFscale(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned n = esizeBits(i), eb = n / 8;
    fp::FPScope scope(cx);
    const fp::FPContext fc = scope.ctx();
    const PBuf p = readP(cx, pg3(i));
    const ZBuf b = readZ(cx, rn(i)); // Zm is insn[9:5]
    ZBuf r = readZ(cx, rd(i));       // inactive elements keep Zdn
    for (unsigned e = 0; e < elementsOf(cx, i); ++e)
        if (activeElem(p.data(), e, eb))
            setElem(r.data(), e, eb,
                    fp::FPScale(elem(r.data(), e, eb), selem(b.data(), e, eb), n, fc));
    writeZ(cx, rd(i), r);
    scope.commit();
}
std::string disFscale(std::uint32_t i, std::uint64_t) {
    return fmt::format("fscale\t{}, p{}/m, {}, {}", z(rd(i), i), pg3(i), z(rd(i), i), z(rn(i), i));
}

// clang-format off
const InsnDef kSveFpTrigInsns[] = {
    insn("01100101 xx 0 xxxxx 000011 xxxxx xxxxx", "FTSMUL_Z_ZZ", execFtsmul, disFtsmul, T::SveAlu, validSize),
    insn("00000100 xx 1 xxxxx 101100 xxxxx xxxxx", "FTSSEL_Z_ZZ", execFtssel, disFtssel, T::SveAlu, validSize),
    insn("00000100 xx 1 00000 101110 xxxxx xxxxx", "FEXPA_Z_Z", execFexpa, disFexpa, T::SveAlu, validSize),
    insn("01100101 xx 010 xxx 100000 xxxxx xxxxx", "FTMAD_Z_ZZI", execFtmad, disFtmad, T::SveAlu, validSize),
    insn("01100101 xx 00 1001 100 xxx xxxxx xxxxx", "FSCALE_Z_P_ZZ", execFscale, disFscale, T::SveAlu, validSize),
};
// clang-format on

} // namespace
} // namespace svesim::isa::sve

namespace svesim::isa {
std::span<const InsnDef> sveFpTrigInsns() {
    return sve::kSveFpTrigInsns;
}
} // namespace svesim::isa
