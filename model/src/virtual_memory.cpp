#include "svesim/model/virtual_memory.h"

#include "svesim/mmu/translate.h"

#include <algorithm>
#include <vector>

namespace svesim::model {

bool forEachPhysicalPiece(isa::ExecContext& cx, std::uint64_t va, std::size_t size,
                          const PhysicalPiece& access) {
    // Every piece is translated before any is accessed: a range that ends in an untranslated
    // page is refused whole (no partial debugger write).
    constexpr std::uint64_t kPage = 4096;
    const EL el = cx.cpu().pstate.el;
    struct Piece {
        std::uint64_t pa;
        std::size_t offset;
        unsigned size;
    };
    std::vector<Piece> pieces;
    for (std::size_t done = 0; done < size;) {
        const std::uint64_t at = va + done;
        const auto n =
            static_cast<unsigned>(std::min<std::uint64_t>(size - done, kPage - (at % kPage)));
        const std::optional<std::uint64_t> pa =
            cx.translating() ? mmu::debugTranslate(cx.translationRegs(), el, at, cx.walkMemory())
                             : std::optional<std::uint64_t>(at);
        if (!pa) return false;
        pieces.push_back(Piece{*pa, done, n});
        done += n;
    }
    for (const Piece& p : pieces)
        if (!access(p.pa, p.offset, p.size)) return false;
    return true;
}

bool readVirtual(isa::ExecContext& cx, std::uint64_t va, void* dst, std::size_t size) {
    auto* out = static_cast<std::uint8_t*>(dst);
    return forEachPhysicalPiece(cx, va, size, [&](std::uint64_t pa, std::size_t off, unsigned n) {
        return cx.bus().read(pa, out + off, n);
    });
}

bool writeVirtual(isa::ExecContext& cx, std::uint64_t va, const void* src, std::size_t size) {
    const auto* in = static_cast<const std::uint8_t*>(src);
    return forEachPhysicalPiece(cx, va, size, [&](std::uint64_t pa, std::size_t off, unsigned n) {
        return cx.bus().write(pa, in + off, n);
    });
}

} // namespace svesim::model
