// UDF #imm16 (ARM-M C6.2 "UDF: Permanently Undefined"): an encoding the architecture reserves to
// be UNDEFINED forever. It executes exactly as every unallocated encoding (EC 0x00), but it has a
// name and an operand, so the disassembler prints it as LLVM and GNU do.
#include "svesim/isa/bits.h"
#include "svesim/isa/insn_table.h"

#include <array>
#include <fmt/core.h>

namespace svesim::isa {
namespace {

void execUdf(ExecContext& cx, std::uint32_t) {
    cx.undefined();
}
std::string disUdf(std::uint32_t i, std::uint64_t) {
    return fmt::format("udf\t#{}", bits(i, 15, 0));
}

constexpr std::array kUdfInsns{
    insn("0000000000000000 xxxxxxxxxxxxxxxx", "UDF_only_perm_undef", execUdf, disUdf,
         TimingClass::IntAlu),
};

} // namespace

std::span<const InsnDef> udfInsns() {
    return kUdfInsns;
}

} // namespace svesim::isa
