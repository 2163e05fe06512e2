#include "svesim/model/trace.h"

#include "svesim/arch/config_error.h"
#include "svesim/isa/insn_table.h"

#include <fmt/core.h>
#include <sstream>

namespace svesim::model {

TraceCategories TraceCategories::parse(const std::string& list) {
    TraceCategories c;
    std::stringstream ss(list);
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item == "insn")
            c.insn = true;
        else if (item == "exc")
            c.exc = true;
        else if (item == "sysreg")
            c.sysreg = true;
        else if (item == "vl")
            c.vl = true;
        else if (item == "zop")
            c.zop = true;
        else if (item == "mem")
            c.mem = true;
        else if (item == "tlm")
            c.tlm = true;
        else if (item == "all")
            c = TraceCategories{true, true, true, true, true, true, true};
        else
            throw ConfigError("trace category '" + item +
                              "' is unknown (allowed: insn, exc, sysreg, vl, zop, mem, tlm, all)");
    }
    return c;
}

EventMask TraceCategories::mask() const {
    EventMask m = 0;
    if (insn) m |= eventBit(EventKind::InstructionRetired);
    if (exc) m |= eventBit(EventKind::ExceptionTaken) | eventBit(EventKind::ExceptionReturn);
    if (sysreg) m |= eventBit(EventKind::SysRegWrite);
    if (vl) m |= eventBit(EventKind::VectorLengthChange);
    if (zop) m |= eventBit(EventKind::ZeroUpperDecision);
    if (mem) m |= eventBit(EventKind::MemoryAccess);
    if (tlm) m |= eventBit(EventKind::BusTransaction);
    return m;
}

void Trace::onInstructionRetired(const InstructionRetiredEvent& e) {
    if (!cat_.insn) return;
    fmt::print(out_, "{:>10} {:016x} {} VL{:<4} {:08x}  {}\n", e.ctx.cycle, e.ctx.pc, name(e.el),
               e.vl_bits, e.opcode, isa::disassemble(e.opcode, e.ctx.pc));
}

void Trace::onExceptionTaken(const ExceptionTakenEvent& e) {
    if (!cat_.exc) return;
    fmt::print(out_, "{:>10} {:016x} exception {} {}->{} ESR={:#010x} ELR={:#x} vector={:#x}\n",
               e.ctx.cycle, e.ctx.pc, name(e.kind), name(e.from), name(e.to), e.esr,
               e.preferred_return, e.vector);
}

void Trace::onExceptionReturn(const ExceptionReturnEvent& e) {
    if (!cat_.exc) return;
    fmt::print(out_, "{:>10} {:016x} eret {}->{} SPSR={:#x} target={:#x}{}\n", e.ctx.cycle,
               e.ctx.pc, name(e.from), name(e.to), e.spsr, e.target, e.illegal ? " ILLEGAL" : "");
}

void Trace::onSysRegWrite(const SysRegWriteEvent& e) {
    if (!cat_.sysreg) return;
    fmt::print(out_, "{:>10} {:016x} msr {} {:#x} -> {:#x}\n", e.ctx.cycle, e.ctx.pc, name(e.reg),
               e.old_value, e.new_value);
}

void Trace::onVectorLengthChange(const VectorLengthChange& e) {
    if (!cat_.vl) return;
    fmt::print(out_, "{:>10} {:016x} VL {} -> {} at {} ({})\n", e.ctx.cycle, e.ctx.pc, e.old_bits,
               e.new_bits, name(e.el), name(e.cause));
}

void Trace::onZeroUpperDecision(const ZeroUpperDecision& e) {
    if (!cat_.zop) return;
    fmt::print(out_, "{:>10} {:016x} {} {}{} bytes [{}, {}) at {}: {}\n", e.ctx.cycle, e.ctx.pc,
               e.zeroed ? "zero" : "keep", name(e.kind),
               e.kind == RegKind::FFR ? "" : std::to_string(e.index), e.byte_lo, e.byte_hi,
               name(e.el), name(e.site));
}

void Trace::onMemoryAccess(const MemoryAccessEvent& e) {
    if (!cat_.mem) return;
    fmt::print(out_, "{:>10} {:016x} {} {:#x} size {}{}\n", e.ctx.cycle, e.ctx.pc,
               e.write ? "store" : "load", e.address, e.size, e.ok ? "" : " ABORT");
}

void Trace::onBusTransaction(const BusTransactionEvent& e) {
    if (!cat_.tlm) return;
    fmt::print(out_, "{:>10} {:016x} tlm {:<15} {:#014x} {:>5} {:<14} at {} ps +{} ps\n",
               e.ctx.cycle, e.ctx.pc, name(e.op), e.address, e.size, e.response, e.time_ps,
               e.latency_ps);
}

} // namespace svesim::model
