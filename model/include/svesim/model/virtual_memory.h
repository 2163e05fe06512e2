// Memory by virtual address for the debugger and semihosting. The addresses a program hands to
// a semihosting call, and those a debugger shows (symbols, pointers), are VAs of the PE's
// current translation regime; each is translated as an external debugger's read through the
// PE's translation (mmu::debugTranslate: both stages, no permission check, no TLB fill, no
// exception), as QEMU's cpu_memory_rw_debug does. With no stage translating, VA = PA.
#pragma once

#include "svesim/isa/exec_context.h"

#include <cstddef>
#include <cstdint>
#include <functional>

namespace svesim::model {

// `access(pa, offset, size)` for each piece of [va, va + size) within one 4 KiB page (the
// smallest granule), `offset` counting from va; false when a piece does not translate (then no
// piece is accessed) or `access` fails.
using PhysicalPiece = std::function<bool(std::uint64_t pa, std::size_t offset, unsigned size)>;
bool forEachPhysicalPiece(isa::ExecContext& cx, std::uint64_t va, std::size_t size,
                          const PhysicalPiece& access);

// Through the PE's memory bus (semihosting's parameter blocks and buffers).
bool readVirtual(isa::ExecContext& cx, std::uint64_t va, void* dst, std::size_t size);
bool writeVirtual(isa::ExecContext& cx, std::uint64_t va, const void* src, std::size_t size);

} // namespace svesim::model
