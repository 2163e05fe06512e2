// SVE loads and stores: LDR/STR of a whole Z or P register (byte accesses, no alignment
// requirement) and the contiguous LD1*/ST1* forms, scalar plus immediate (#imm, MUL VL) and
// scalar plus scalar (ARM-M C8.2). Inactive elements are not accessed; a load zeroes them. A
// fault leaves the destination unwritten.
#include "fast_forms.h"
#include "sve_mem_common.h"
#include "svesim/isa/a64_helpers.h"

#include <algorithm>

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

// ---- LDR/STR (vector, predicate)
// ----------------------------------------------------------------
std::int64_t imm9(std::uint32_t i) {
    return signExtend((bits(i, 21, 16) << 3) | bits(i, 12, 10), 9);
}

// Byte accesses [addr, addr + size): made in pieces that do not cross a 4 KiB boundary, so
// that an abort is reported at the first byte of the region that does not answer.
constexpr std::uint64_t kPiece = 4096;
bool loadBytes(ExecContext& cx, std::uint64_t addr, std::uint8_t* dst, unsigned size) {
    while (size > 0) {
        const auto piece =
            static_cast<unsigned>(std::min<std::uint64_t>(size, kPiece - (addr & (kPiece - 1))));
        if (!cx.load(addr, dst, piece, 1)) return false;
        addr += piece;
        dst += piece;
        size -= piece;
    }
    return true;
}
bool storeBytes(ExecContext& cx, std::uint64_t addr, const std::uint8_t* src, unsigned size) {
    while (size > 0) {
        const auto piece =
            static_cast<unsigned>(std::min<std::uint64_t>(size, kPiece - (addr & (kPiece - 1))));
        if (!cx.store(addr, src, piece, 1)) return false;
        addr += piece;
        src += piece;
        size -= piece;
    }
    return true;
}

// The address of an LDR/STR of `len` bytes; nothing if the SP alignment check faults.
std::optional<std::uint64_t> ldrStrAddress(ExecContext& cx, std::uint32_t i, unsigned len) {
    if (!cx.checkSPAlignment(rn(i))) return std::nullopt;
    return cx.XorSP(rn(i)) + static_cast<std::uint64_t>(imm9(i)) * len;
}

void execLdrZ(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned len = cx.vl().bytes();
    const auto addr = ldrStrAddress(cx, i, len);
    ZBuf buf; // only its first VL/8 bytes are loaded and written
    if (!addr || !loadBytes(cx, *addr, buf.data(), len)) return;
    writeZ(cx, rt(i), buf);
}
void execStrZ(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned len = cx.vl().bytes();
    const auto addr = ldrStrAddress(cx, i, len);
    if (!addr) return;
    // Straight from the register (a store cannot overlap the register file).
    storeBytes(cx, *addr, cx.sve().Z(rt(i), cx.vl()).data(), len);
}
void execLdrP(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned len = cx.vl().predicateBytes();
    const auto addr = ldrStrAddress(cx, i, len);
    PBuf buf; // only its first PL/8 bytes are loaded and written
    if (!addr || !loadBytes(cx, *addr, buf.data(), len)) return;
    writeP(cx, bits(i, 3, 0), buf);
}
void execStrP(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned len = cx.vl().predicateBytes();
    const auto addr = ldrStrAddress(cx, i, len);
    if (!addr) return;
    storeBytes(cx, *addr, cx.sve().P(bits(i, 3, 0), cx.vl()).data(), len);
}

std::string mulVl(std::uint32_t i, std::int64_t imm) {
    const std::string base = regName(rn(i), true, true);
    if (imm == 0) return fmt::format("[{}]", base);
    return fmt::format("[{}, #{}, mul vl]", base, imm);
}
std::string disLdrStr(std::uint32_t i, std::uint64_t) {
    const bool store = bit1(i, 30), pred = !bit1(i, 14);
    const std::string reg = pred ? preg(bits(i, 3, 0)) : fmt::format("z{}", rt(i));
    return fmt::format("{}\t{}, {}", store ? "str" : "ldr", reg, mulVl(i, imm9(i)));
}

// ---- LD1* / ST1* (contiguous)
// -------------------------------------------------------------------
using Shape = MemShape;
Shape loadShape(std::uint32_t i) { // LD1 dtype (insn[24:21])
    return dtypeShape(bits(i, 24, 21));
}
Shape storeShape(std::uint32_t i) { // msz insn[24:23], size insn[22:21]
    return Shape{bits(i, 24, 23), bits(i, 22, 21), false};
}

// The address of element 0: Xn|SP + imm4 * VL-in-memory, or Xn|SP + (Xm << msz).
std::optional<std::uint64_t> contiguousBase(ExecContext& cx, std::uint32_t i, const Shape& s,
                                            bool scalar_offset) {
    // The SP check is made even when no element is active (CHECKSPNONEACTIVE chosen TRUE).
    if (!cx.checkSPAlignment(rn(i))) return std::nullopt;
    const std::uint64_t base = cx.XorSP(rn(i));
    if (scalar_offset) return base + (cx.X(rm(i)) << s.msz);
    const unsigned elements = cx.vl().bytes() >> s.esz;
    const auto imm = static_cast<std::uint64_t>(signExtend(bits(i, 19, 16), 4));
    return base + imm * elements * (1U << s.msz);
}

void contiguousLoad(ExecContext& cx, std::uint32_t i, bool scalar_offset) {
    if (!cx.checkSVEEnabled()) return;
    const Shape s = loadShape(i);
    const unsigned esize = 1U << s.esz, msize = 1U << s.msz;
    const unsigned elements = cx.vl().bytes() / esize;
    const PBuf pg = readP(cx, pg3(i));
    const auto addr = contiguousBase(cx, i, s, scalar_offset);
    if (!addr) return;
    ZBuf out{};
    for (unsigned e = 0; e < elements; ++e) {
        if (!activeElem(pg.data(), e, esize)) continue;
        std::uint64_t v = 0;
        if (!cx.load(*addr + std::uint64_t{e} * msize, &v, msize, msize)) return;
        if (s.sign) v = static_cast<std::uint64_t>(signExtend(v, msize * 8));
        setElem(out.data(), e, esize, v);
    }
    writeZ(cx, rt(i), out);
}
void contiguousStore(ExecContext& cx, std::uint32_t i, bool scalar_offset) {
    if (!cx.checkSVEEnabled()) return;
    const Shape s = storeShape(i);
    const unsigned esize = 1U << s.esz, msize = 1U << s.msz;
    const unsigned elements = cx.vl().bytes() / esize;
    const PBuf pg = readP(cx, pg3(i));
    const ZBuf src = readZ(cx, rt(i));
    const auto addr = contiguousBase(cx, i, s, scalar_offset);
    if (!addr) return;
    for (unsigned e = 0; e < elements; ++e) {
        if (!activeElem(pg.data(), e, esize)) continue;
        const std::uint64_t v = elem(src.data(), e, esize);
        if (!cx.store(*addr + std::uint64_t{e} * msize, &v, msize, msize)) return;
    }
}
void execLd1Imm(ExecContext& cx, std::uint32_t i) {
    contiguousLoad(cx, i, false);
}
void execLd1Reg(ExecContext& cx, std::uint32_t i) {
    contiguousLoad(cx, i, true);
}
void execSt1Imm(ExecContext& cx, std::uint32_t i) {
    contiguousStore(cx, i, false);
}
void execSt1Reg(ExecContext& cx, std::uint32_t i) {
    contiguousStore(cx, i, true);
}

bool validRm(std::uint32_t i) { // scalar plus scalar: Rm == 31 is unallocated
    return rm(i) != 31;
}
bool validStoreImm(std::uint32_t i) { // the register element is at least the memory element
    return bits(i, 22, 21) >= bits(i, 24, 23);
}
bool validStoreReg(std::uint32_t i) {
    return validStoreImm(i) && validRm(i);
}

std::string contiguousText(std::uint32_t i, const Shape& s, bool load, bool scalar_offset) {
    const std::string mn =
        fmt::format("{}1{}{}", load ? "ld" : "st", s.sign ? "s" : "", "bhwd"[s.msz]);
    const std::string pg = load ? fmt::format("p{}/z", pg3(i)) : preg(pg3(i));
    std::string addr;
    if (!scalar_offset)
        addr = mulVl(i, signExtend(bits(i, 19, 16), 4));
    else if (s.msz == 0)
        addr = fmt::format("[{}, {}]", regName(rn(i), true, true), regName(rm(i), true));
    else
        addr = fmt::format("[{}, {}, lsl #{}]", regName(rn(i), true, true), regName(rm(i), true),
                           s.msz);
    return fmt::format("{}\t{{ {} }}, {}, {}", mn, zreg(rt(i), s.esz), pg, addr);
}
std::string disLd1Imm(std::uint32_t i, std::uint64_t) {
    return contiguousText(i, loadShape(i), true, false);
}
std::string disLd1Reg(std::uint32_t i, std::uint64_t) {
    return contiguousText(i, loadShape(i), true, true);
}
std::string disSt1Imm(std::uint32_t i, std::uint64_t) {
    return contiguousText(i, storeShape(i), false, false);
}
std::string disSt1Reg(std::uint32_t i, std::uint64_t) {
    return contiguousText(i, storeShape(i), false, true);
}

// clang-format off
constexpr InsnDef kRows[] = {
    withFast(insn("1000010110 xxxxxx 010 xxx xxxxx xxxxx", "LDR_Z_BI", execLdrZ, disLdrStr, T::SveLdrStrZ), fastSveLdrStr),
    withFast(insn("1000010110 xxxxxx 000 xxx xxxxx 0 xxxx", "LDR_P_BI", execLdrP, disLdrStr, T::SveLdrStrP), fastSveLdrStr),
    withFast(insn("1110010110 xxxxxx 010 xxx xxxxx xxxxx", "STR_Z_BI", execStrZ, disLdrStr, T::SveLdrStrZ), fastSveLdrStr),
    withFast(insn("1110010110 xxxxxx 000 xxx xxxxx 0 xxxx", "STR_P_BI", execStrP, disLdrStr, T::SveLdrStrP), fastSveLdrStr),
    insn("1010010 xxxx 0 xxxx 101 xxx xxxxx xxxxx", "LD1_Z_P_BI", execLd1Imm, disLd1Imm, T::SveContigLdSt),
    insn("1010010 xxxx xxxxx 010 xxx xxxxx xxxxx", "LD1_Z_P_BR", execLd1Reg, disLd1Reg, T::SveContigLdSt, validRm),
    insn("1110010 xx xx 0 xxxx 111 xxx xxxxx xxxxx", "ST1_Z_P_BI", execSt1Imm, disSt1Imm, T::SveContigLdSt, validStoreImm),
    insn("1110010 xx xx xxxxx 010 xxx xxxxx xxxxx", "ST1_Z_P_BR", execSt1Reg, disSt1Reg, T::SveContigLdSt, validStoreReg),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveLoadStoreRows() {
    return kRows;
}

} // namespace svesim::isa::sve
