// Fast forms of SVE LDR/STR of a whole Z or P register (fast_exec.h), the rules of
// sve_ldst_insns.cpp: the VL/8 (PL/8) bytes move in one copy between the direct window and the
// register file, a load through the same zero-or-preserve setter as the general path (R11).
// Declined when SVE is not enabled at the current EL (the general path takes the trap), when
// SP is the base and misaligned, and when the bytes (within one page, or split over two pages)
// are not reachable through ExecContext::fastData.
#include "fast_forms.h"
#include "svesim/isa/bits.h"
#include "svesim/isa/exec_context.h"

#include <array>
#include <cstring>
#include <span>

namespace svesim::isa {
namespace {

struct SveLdrStr {
    // A register that crosses from one 4 KiB page into the next (the kernel's save area is not
    // page-aligned): both pages must be reachable, else nothing is done. Out of line, so that
    // the common path's copy stays a plain memcpy call.
    template <bool Store, bool Pred>
    [[gnu::noinline]] static std::uint64_t split(ExecContext& cx, unsigned d, VectorLength vl,
                                                 std::uint64_t addr, unsigned len,
                                                 std::uint64_t in_page, std::uint64_t pc) {
        const auto first = static_cast<unsigned>(in_page);
        std::uint8_t* p = cx.fastData(addr, first, Store);
        if (p == nullptr) return kFastDeclined;
        std::uint8_t* rest = cx.fastData(addr + first, len - first, Store);
        if (rest == nullptr) return kFastDeclined;
        SveUnit& sve = cx.sve();
        if constexpr (Store) {
            const auto v = Pred ? sve.P(d, vl) : sve.Z(d, vl);
            std::memcpy(p, v.data(), first);
            std::memcpy(rest, v.data() + first, len - first);
        } else {
            std::array<std::uint8_t, VectorLength::kMaxBits / 8> joined;
            std::memcpy(joined.data(), p, first);
            std::memcpy(joined.data() + first, rest, len - first);
            const std::span<const std::uint8_t> bytes(joined.data(), len);
            if constexpr (Pred)
                sve.setP(cx.cpu(), d, vl, bytes);
            else
                sve.setZ(cx.cpu(), d, vl, bytes);
        }
        return pc + 4;
    }

    template <bool Store, bool Pred, bool SpBase>
    static std::uint64_t fn(ExecContext& cx, const FastOps& o, std::uint64_t pc) {
        if (!cx.fastSVEEnabled()) return kFastDeclined;
        const VectorLength vl = cx.vl();
        const unsigned len = Pred ? vl.predicateBytes() : vl.bytes();
        const std::uint64_t base = SpBase ? cx.fastSP() : cx.fastRegs()[o.n];
        if (SpBase && (base & 15) != 0) return kFastDeclined;
        const std::uint64_t addr = base + o.imm * len;
        const std::uint64_t in_page =
            ExecContext::kFastPageBytes - (addr & (ExecContext::kFastPageBytes - 1));
        if (in_page < len) return split<Store, Pred>(cx, o.d, vl, addr, len, in_page, pc);
        std::uint8_t* p = cx.fastData(addr, len, Store);
        if (p == nullptr) return kFastDeclined;
        SveUnit& sve = cx.sve();
        if constexpr (Store) {
            const auto v = Pred ? sve.P(o.d, vl) : sve.Z(o.d, vl);
            std::memcpy(p, v.data(), len);
        } else if constexpr (Pred) {
            sve.setP(cx.cpu(), o.d, vl, std::span<const std::uint8_t>(p, len));
        } else {
            sve.setZ(cx.cpu(), o.d, vl, std::span<const std::uint8_t>(p, len));
        }
        return pc + 4;
    }
};

} // namespace

// LDR/STR (vector) and (predicate): imm9 in multiples of the register's length.
FastFn fastSveLdrStr(std::uint32_t i, FastOps& o) {
    const bool store = bit1(i, 30), pred = !bit1(i, 14);
    o.imm = static_cast<std::uint64_t>(signExtend((bits(i, 21, 16) << 3) | bits(i, 12, 10), 9));
    o.n = static_cast<std::uint8_t>(rn(i));
    o.d = static_cast<std::uint8_t>(pred ? bits(i, 3, 0) : rt(i));
    return fast::pick<SveLdrStr>(store, pred, rn(i) == 31);
}

} // namespace svesim::isa
