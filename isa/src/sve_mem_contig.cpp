// SVE contiguous memory instructions beyond LD1/ST1 (ARM-M C8.2): LD1R* (load one element and
// broadcast it), LD1RQ* (load a predicated quadword and replicate it), LDNT1*/STNT1* (the
// non-temporal hint changes nothing here), LD2-LD4/ST2-ST4 (structures, interleaved in memory),
// LDFF1* (first-fault, scalar plus scalar) and LDNF1* (non-fault, scalar plus immediate).
// Inactive elements are not accessed and loads zero them; a fault leaves the registers unwritten.
#include "sve_mem_common.h"

#include <algorithm>

namespace svesim::isa::sve {
namespace {

using T = TimingClass;

std::int64_t imm4(std::uint32_t i) { // insn[19:16], signed
    return signExtend(bits(i, 19, 16), 4);
}
unsigned msz(std::uint32_t i) { // insn[24:23]
    return bits(i, 24, 23);
}
// Xn|SP with the SP alignment check (made even when no element is active).
std::optional<std::uint64_t> baseAddress(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSPAlignment(rn(i))) return std::nullopt;
    return cx.XorSP(rn(i));
}
bool validRm(std::uint32_t i) { // scalar plus scalar: Rm == 31 is unallocated
    return rm(i) != 31;
}

// ---- LD1R*: 1000010 dtypeh 1 imm6 1 dtypel Pg Rn Zt
// ---------------------------------------------------------------------
MemShape ld1rShape(std::uint32_t i) {
    return dtypeShape((bits(i, 24, 23) << 2) | bits(i, 14, 13));
}
void execLD1R(ExecContext& cx, std::uint32_t i) {
    if (!cx.checkSVEEnabled()) return;
    const MemShape s = ld1rShape(i);
    const unsigned esize = 1U << s.esz, elements = cx.vl().bytes() / esize;
    const PBuf pg = readP(cx, pg3(i));
    const auto base = baseAddress(cx, i);
    if (!base) return;
    bool any = false;
    for (unsigned e = 0; e < elements; ++e)
        any = any || activeElem(pg.data(), e, esize);
    std::uint64_t v = 0; // the element is read only when some element is active
    if (any && !loadElement(cx, *base + bits(i, 21, 16) * (1U << s.msz), s, v)) return;
    ZBuf out{};
    for (unsigned e = 0; e < elements; ++e)
        if (activeElem(pg.data(), e, esize)) setElem(out.data(), e, esize, v);
    writeZ(cx, rt(i), out);
}
std::string disLD1R(std::uint32_t i, std::uint64_t) {
    const MemShape s = ld1rShape(i);
    const unsigned off = bits(i, 21, 16) * (1U << s.msz);
    const std::string addr =
        off == 0 ? fmt::format("[{}]", xnSP(rn(i))) : fmt::format("[{}, #{}]", xnSP(rn(i)), off);
    return fmt::format("ld1r{}{}\t{}, p{}/z, {}", s.sign ? "s" : "", "bhwd"[s.msz],
                       zlist(rt(i), 1, s.esz), pg3(i), addr);
}

// ---- LD1RQ*: one 16-byte segment, predicated by the first segment of Pg, in every segment
// ------------------------------------------------------------------------------
void ld1rq(ExecContext& cx, std::uint32_t i, bool scalar_offset) {
    if (!cx.checkSVEEnabled()) return;
    const MemShape s{msz(i), msz(i), false};
    const unsigned esize = 1U << s.msz;
    const PBuf pg = readP(cx, pg3(i));
    const auto base = baseAddress(cx, i);
    if (!base) return;
    const std::uint64_t addr = scalar_offset ? *base + (cx.X(rm(i)) << s.msz)
                                             : *base + static_cast<std::uint64_t>(imm4(i) * 16);
    std::array<std::uint8_t, 16> segment{};
    for (unsigned e = 0; e < 16 / esize; ++e) {
        if (!activeElem(pg.data(), e, esize)) continue;
        std::uint64_t v = 0;
        if (!loadElement(cx, addr + e * esize, s, v)) return;
        setElem(segment.data(), e, esize, v);
    }
    ZBuf out{};
    for (unsigned off = 0; off < cx.vl().bytes(); off += 16)
        std::copy(segment.begin(), segment.end(), out.begin() + off);
    writeZ(cx, rt(i), out);
}
void execLD1RQ_BI(ExecContext& cx, std::uint32_t i) {
    ld1rq(cx, i, false);
}
void execLD1RQ_BR(ExecContext& cx, std::uint32_t i) {
    ld1rq(cx, i, true);
}
std::string disLD1RQ_BI(std::uint32_t i, std::uint64_t) {
    const std::int64_t off = imm4(i) * 16;
    const std::string addr =
        off == 0 ? fmt::format("[{}]", xnSP(rn(i))) : fmt::format("[{}, #{}]", xnSP(rn(i)), off);
    return fmt::format("ld1rq{}\t{}, p{}/z, {}", "bhwd"[msz(i)], zlist(rt(i), 1, msz(i)), pg3(i),
                       addr);
}
std::string disLD1RQ_BR(std::uint32_t i, std::uint64_t) {
    return fmt::format("ld1rq{}\t{}, p{}/z, {}", "bhwd"[msz(i)], zlist(rt(i), 1, msz(i)), pg3(i),
                       scalarPlusScalar(rn(i), rm(i), msz(i)));
}

// ---- LDNT1/LD2/LD3/LD4 and STNT1/ST2/ST3/ST4: msz insn[24:23], nreg - 1 insn[22:21]
// ---------------------------------------------------------------------------------
unsigned nreg(std::uint32_t i) {
    return bits(i, 22, 21) + 1;
}
// The address of element 0 of register 0: Xn|SP + imm4 * nreg * VL, or Xn|SP + Xm * mbytes.
std::optional<std::uint64_t> structBase(ExecContext& cx, std::uint32_t i, bool scalar_offset) {
    const auto base = baseAddress(cx, i);
    if (!base) return std::nullopt;
    if (scalar_offset) return *base + (cx.X(rm(i)) << msz(i));
    return *base + static_cast<std::uint64_t>(imm4(i) * nreg(i) * cx.vl().bytes());
}
void loadStructures(ExecContext& cx, std::uint32_t i, bool scalar_offset) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned mbytes = 1U << msz(i), n = nreg(i), elements = cx.vl().bytes() / mbytes;
    const PBuf pg = readP(cx, pg3(i));
    const auto addr = structBase(cx, i, scalar_offset);
    if (!addr) return;
    const MemShape s{msz(i), msz(i), false};
    std::array<ZBuf, 4> out{};
    for (unsigned e = 0; e < elements; ++e) {
        if (!activeElem(pg.data(), e, mbytes)) continue;
        for (unsigned r = 0; r < n; ++r) {
            std::uint64_t v = 0;
            if (!loadElement(cx, *addr + std::uint64_t{e * n + r} * mbytes, s, v)) return;
            setElem(out[r].data(), e, mbytes, v);
        }
    }
    for (unsigned r = 0; r < n; ++r)
        writeZ(cx, (rt(i) + r) % 32, out[r]);
}
void storeStructures(ExecContext& cx, std::uint32_t i, bool scalar_offset) {
    if (!cx.checkSVEEnabled()) return;
    const unsigned mbytes = 1U << msz(i), n = nreg(i), elements = cx.vl().bytes() / mbytes;
    const PBuf pg = readP(cx, pg3(i));
    std::array<ZBuf, 4> src{};
    for (unsigned r = 0; r < n; ++r)
        src[r] = readZ(cx, (rt(i) + r) % 32);
    const auto addr = structBase(cx, i, scalar_offset);
    if (!addr) return;
    for (unsigned e = 0; e < elements; ++e) {
        if (!activeElem(pg.data(), e, mbytes)) continue;
        for (unsigned r = 0; r < n; ++r) {
            const std::uint8_t* elem = src[r].data() + std::size_t{e} * mbytes;
            if (!cx.store(*addr + std::uint64_t{e * n + r} * mbytes, elem, mbytes, mbytes)) return;
        }
    }
}
void execLdStructBI(ExecContext& cx, std::uint32_t i) {
    loadStructures(cx, i, false);
}
void execLdStructBR(ExecContext& cx, std::uint32_t i) {
    loadStructures(cx, i, true);
}
void execStStructBI(ExecContext& cx, std::uint32_t i) {
    storeStructures(cx, i, false);
}
void execStStructBR(ExecContext& cx, std::uint32_t i) {
    storeStructures(cx, i, true);
}
std::string structText(std::uint32_t i, bool load, bool scalar_offset) {
    const std::string mn = nreg(i) == 1 ? fmt::format("{}nt1", load ? "ld" : "st")
                                        : fmt::format("{}{}", load ? "ld" : "st", nreg(i));
    const std::string pg = load ? fmt::format("p{}/z", pg3(i)) : preg(pg3(i));
    const std::string addr = scalar_offset ? scalarPlusScalar(rn(i), rm(i), msz(i))
                                           : mulVlAddr(rn(i), imm4(i) * nreg(i));
    return fmt::format("{}{}\t{}, {}, {}", mn, "bhwd"[msz(i)], zlist(rt(i), nreg(i), msz(i)), pg,
                       addr);
}
std::string disLdStructBI(std::uint32_t i, std::uint64_t) {
    return structText(i, true, false);
}
std::string disLdStructBR(std::uint32_t i, std::uint64_t) {
    return structText(i, true, true);
}
std::string disStStructBI(std::uint32_t i, std::uint64_t) {
    return structText(i, false, false);
}
std::string disStStructBR(std::uint32_t i, std::uint64_t) {
    return structText(i, false, true);
}

// ---- LDFF1* (scalar plus scalar) and LDNF1* (scalar plus immediate): dtype insn[24:21]
// -----------------------------------------------------------------------------------
void faultTolerantLoad(ExecContext& cx, std::uint32_t i, FaultMode mode) {
    if (!cx.checkSVEEnabled()) return;
    const MemShape s = dtypeShape(bits(i, 24, 21));
    const unsigned mbytes = 1U << s.msz, elements = cx.vl().bytes() >> s.esz;
    const PBuf pg = readP(cx, pg3(i));
    const auto base = baseAddress(cx, i);
    if (!base) return;
    const std::uint64_t addr =
        mode == FaultMode::FirstFault
            ? *base + (cx.X(rm(i)) << s.msz)
            : *base + static_cast<std::uint64_t>(imm4(i) * elements * mbytes);
    ZBuf out{};
    if (!loadElements(
            cx, pg.data(), s, mode, [&](unsigned e) { return addr + std::uint64_t{e} * mbytes; },
            out))
        return;
    writeZ(cx, rt(i), out);
}
void execLDFF1(ExecContext& cx, std::uint32_t i) {
    faultTolerantLoad(cx, i, FaultMode::FirstFault);
}
void execLDNF1(ExecContext& cx, std::uint32_t i) {
    faultTolerantLoad(cx, i, FaultMode::NonFault);
}
std::string disLDFF1(std::uint32_t i, std::uint64_t) {
    const MemShape s = dtypeShape(bits(i, 24, 21));
    // XZR as the offset register is allowed here and omitted from the text.
    const std::string addr =
        rm(i) == 31 ? fmt::format("[{}]", xnSP(rn(i))) : scalarPlusScalar(rn(i), rm(i), s.msz);
    return fmt::format("ldff1{}{}\t{}, p{}/z, {}", s.sign ? "s" : "", "bhwd"[s.msz],
                       zlist(rt(i), 1, s.esz), pg3(i), addr);
}
std::string disLDNF1(std::uint32_t i, std::uint64_t) {
    const MemShape s = dtypeShape(bits(i, 24, 21));
    return fmt::format("ldnf1{}{}\t{}, p{}/z, {}", s.sign ? "s" : "", "bhwd"[s.msz],
                       zlist(rt(i), 1, s.esz), pg3(i), mulVlAddr(rn(i), imm4(i)));
}

// clang-format off
const InsnDef kRows[] = {
    insn("1000010 xx 1 xxxxxx 1 xx xxx xxxxx xxxxx", "LD1R_Z_P_BI", execLD1R, disLD1R, T::SveContigLdSt),
    insn("1010010 xx 00 0 xxxx 001 xxx xxxxx xxxxx", "LD1RQ_Z_P_BI", execLD1RQ_BI, disLD1RQ_BI, T::SveContigLdSt),
    insn("1010010 xx 00 xxxxx 000 xxx xxxxx xxxxx", "LD1RQ_Z_P_BR", execLD1RQ_BR, disLD1RQ_BR, T::SveContigLdSt, validRm),
    insn("1010010 xx xx 0 xxxx 111 xxx xxxxx xxxxx", "LDNT1_LD234_Z_P_BI", execLdStructBI, disLdStructBI, T::SveContigLdSt),
    insn("1010010 xx xx xxxxx 110 xxx xxxxx xxxxx", "LDNT1_LD234_Z_P_BR", execLdStructBR, disLdStructBR, T::SveContigLdSt, validRm),
    insn("1110010 xx xx 1 xxxx 111 xxx xxxxx xxxxx", "STNT1_ST234_Z_P_BI", execStStructBI, disStStructBI, T::SveContigLdSt),
    insn("1110010 xx xx xxxxx 011 xxx xxxxx xxxxx", "STNT1_ST234_Z_P_BR", execStStructBR, disStStructBR, T::SveContigLdSt, validRm),
    insn("1010010 xxxx xxxxx 011 xxx xxxxx xxxxx", "LDFF1_Z_P_BR", execLDFF1, disLDFF1, T::SveFirstFault),
    insn("1010010 xxxx 1 xxxx 101 xxx xxxxx xxxxx", "LDNF1_Z_P_BI", execLDNF1, disLDNF1, T::SveFirstFault),
};
// clang-format on

} // namespace

std::span<const InsnDef> sveContiguousMemRows() {
    return kRows;
}

} // namespace svesim::isa::sve
