// The registers a debugger sees, as gdb's AArch64 SVE target description lays them out:
// feature org.gnu.gdb.aarch64.core (x0-x30, sp, pc, cpsr) then org.gnu.gdb.aarch64.sve (z0-z31,
// fpsr, fpcr, p0-p15, ffr, vg). Z, P and FFR are described at the maximum implemented VL, the
// width of the register file: gdb (13 and later, remote targets) sizes them once, from z0 in the
// description, and does not follow VL changes. vg reports the VL of the current EL (in 64-bit
// granules), so the bytes above it are the ones the zero-or-preserve rule governs. Then feature
// org.gnu.gdb.aarch64.svesim.system: every register of the system-register table
// (arch/sysreg.h) with storage of its own on this PE (ESR/ELR/SPSR/FAR/VBAR/SCTLR of each EL,
// HCR_EL2, CPTR_ELx, ZCR_ELx, VTTBR_EL2, CurrentEL, ...), by its architectural name
// (`p $ZCR_EL2`), read and written as an MRS/MSR would (registers the table gains appear here
// without a change). They follow the 'g' packet's registers and are read with 'p'.
#pragma once

#include "svesim/arch/sysreg.h"
#include "svesim/model/processor.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace svesim::model {

class GdbRegisters {
public:
    // Remote register numbers (the order of the description). kCount: the registers of the 'g'
    // packet; the system registers follow (count()).
    static constexpr unsigned kSp = 31, kPc = 32, kCpsr = 33, kZ0 = 34, kFpsr = 66, kFpcr = 67,
                              kP0 = 68, kFfr = 84, kVg = 85, kCount = 86;

    explicit GdbRegisters(Processor& p);

    // The system registers, in register-number order from kCount.
    [[nodiscard]] const std::vector<SysReg>& systemRegisters() const { return sysregs_; }
    // Every register number: the 'g' packet's, then the system registers.
    [[nodiscard]] unsigned count() const { return kCount + static_cast<unsigned>(sysregs_.size()); }

    // The target description (qXfer:features:read:target.xml).
    [[nodiscard]] std::string targetXml() const;
    // Bytes of register n.
    [[nodiscard]] unsigned size(unsigned n) const;
    // Register n in target byte order (little-endian); n < count().
    [[nodiscard]] std::vector<std::uint8_t> read(unsigned n) const;
    // Writes register n; false if the value cannot be written (wrong size; vg other than the
    // current value; cpsr bits other than NZCV and DAIF changed; a read-only system register).
    bool write(unsigned n, std::span<const std::uint8_t> bytes);

private:
    [[nodiscard]] unsigned vq() const;
    Processor* p_;
    std::vector<SysReg> sysregs_; // register kCount + i is sysregs_[i]
};

} // namespace svesim::model
