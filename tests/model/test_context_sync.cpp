// R21 at the layer that could get it wrong: the processor caches the vector length between
// instructions, so whether a system-register write takes effect without a context
// synchronization event (svesim's documented choice, which the architecture permits) is
// decided here, not in the exception checks. Words from llvm-mc; expected values from the Arm
// ARM (CPTR_EL3.EZ gates SVE at EL3; VL at EL3 = (ZCR_EL3.LEN + 1) * 128 bits, R1).
#include "support/isa_harness.h"
#include "support/no_console.h"
#include "svesim/model/processor.h"

#include <catch2/catch.hpp>
#include <string_view>

using namespace svesim;
using namespace svesim::model;

namespace {

using test::NoConsole;

constexpr std::uint64_t kBase = 0x10000;

} // namespace

TEST_CASE("R21: an enable or ZCR write takes effect for the next instruction, without an ISB",
          "[model][R21]") {
    test::FlatMemory mem(kBase, 0x1000);
    const std::uint32_t program[] = {
        0xd2802000, // mov  x0, #0x100
        0xd51e1140, // msr  cptr_el3, x0   (EZ = 1: SVE enabled at EL3)
        0x04bf5021, // rdvl x1, #1         (no ISB: must not trap; ZCR_EL3.LEN = 0)
        0xd2800060, // mov  x0, #3
        0xd51e1200, // msr  zcr_el3, x0    (LEN = 3: 512 bits)
        0x04bf5022, // rdvl x2, #1         (no ISB: must see the new VL)
        0xd51e115f, // msr  cptr_el3, xzr  (EZ = 0: SVE trapped at EL3)
        0x04bf5023, // rdvl x3, #1         (no ISB: must trap, EC 0x19)
    };
    for (std::size_t i = 0; i < std::size(program); ++i)
        mem.put(kBase + 4 * i, program[i]);
    ProcessorConfig cfg;
    cfg.arch.sve = SveConfig::parse("512", "pow2");
    cfg.arch.rvbar = kBase;
    NoConsole console;
    Processor proc(cfg, mem, console);
    proc.reset();
    REQUIRE(proc.arch().cpu.pstate.el == EL::EL3);

    const RunResult r = proc.run(std::size(program));
    CHECK(r.executed == std::size(program));
    isa::ExecContext& cx = proc.context();
    CHECK(cx.X(1) == 16);
    CHECK(cx.X(2) == 64);
    CHECK(cx.X(3) == 0);
    const SysRegFile& regs = proc.arch().cpu.sysregs;
    CHECK(regs.raw(SysReg::ESR_EL3) == 0x6600'0000); // EC 0x19, IL 1, ISS 0
    CHECK(regs.raw(SysReg::ELR_EL3) == kBase + 28);  // the trapped RDVL
}
