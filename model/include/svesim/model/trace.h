// One line per event, for the categories asked for: insn, exc, sysreg, vl, zop, mem, tlm.
#pragma once

#include "svesim/arch/observer.h"

#include <cstdio>
#include <string>

namespace svesim::model {

struct TraceCategories {
    bool insn = false, exc = false, sysreg = false, vl = false, zop = false, mem = false,
         tlm = false;
    // "insn,exc,sysreg,vl,zop,mem,tlm" or "all"; throws ConfigError naming an unknown category.
    static TraceCategories parse(const std::string& list);
    // The events these categories need.
    [[nodiscard]] EventMask mask() const;
};

class Trace : public Observer {
public:
    Trace(TraceCategories categories, std::FILE* out)
        : cat_(categories)
        , out_(out) {}
    void onInstructionRetired(const InstructionRetiredEvent& e) override;
    void onExceptionTaken(const ExceptionTakenEvent& e) override;
    void onExceptionReturn(const ExceptionReturnEvent& e) override;
    void onSysRegWrite(const SysRegWriteEvent& e) override;
    void onVectorLengthChange(const VectorLengthChange& e) override;
    void onZeroUpperDecision(const ZeroUpperDecision& e) override;
    void onMemoryAccess(const MemoryAccessEvent& e) override;
    void onBusTransaction(const BusTransactionEvent& e) override;

private:
    TraceCategories cat_;
    std::FILE* out_;
};

} // namespace svesim::model
