// Runs single A64 instructions on a bare architectural state with a flat test memory, for the
// per-instruction unit tests. No architecture rule is restated here.
#pragma once

#include "support/arch_fixture.h"
#include "svesim/isa/insn_table.h"

#include <cstring>
#include <vector>

namespace svesim::test {

// Flat memory [base, base + size); accesses elsewhere fail (an external abort).
class FlatMemory : public isa::MemoryBackend {
public:
    FlatMemory(std::uint64_t base, std::size_t size)
        : base_(base)
        , bytes_(size, 0) {}
    bool read(std::uint64_t addr, void* dst, unsigned size) override {
        if (!inside(addr, size)) return false;
        std::memcpy(dst, bytes_.data() + (addr - base_), size);
        return true;
    }
    bool write(std::uint64_t addr, const void* src, unsigned size) override {
        if (!inside(addr, size)) return false;
        std::memcpy(bytes_.data() + (addr - base_), src, size);
        return true;
    }
    std::uint8_t* at(std::uint64_t addr) { return bytes_.data() + (addr - base_); }
    template <class V>
    V get(std::uint64_t addr) {
        V v{};
        std::memcpy(&v, at(addr), sizeof v);
        return v;
    }
    template <class V>
    void put(std::uint64_t addr, V v) {
        std::memcpy(at(addr), &v, sizeof v);
    }

private:
    bool inside(std::uint64_t addr, unsigned size) const {
        return addr >= base_ && addr - base_ + size <= bytes_.size();
    }
    std::uint64_t base_;
    std::vector<std::uint8_t> bytes_;
};

// A PE at `el` with every enable open, VL = `vl_bits` at every EL, and 64 KiB of memory at
// 0x10000. SCTLR_ELx.M is set so that memory is Normal (no Device alignment faults).
class IsaHarness {
public:
    static constexpr std::uint64_t kMemBase = 0x10000;

    explicit IsaHarness(unsigned vl_bits = 512, EL el = EL::EL1, Setup setup = {})
        : arch(makeConfig(setup))
        , mem(kMemBase, 0x10000)
        , bus(mem)
        , cx(arch, bus) {
        openEverything(arch.cpu);
        const unsigned len = vl_bits / 128 - 1;
        setLen(arch.cpu, len, len, len);
        for (SysReg r : {SysReg::SCTLR_EL1, SysReg::SCTLR_EL2, SysReg::SCTLR_EL3})
            arch.cpu.sysregs.write(r, arch.cpu.sysregs.read(r) | 1U);
        arch.cpu.pstate.el = el;
        arch.cpu.pc = 0x1000;
        cx.refreshVL();
    }

    // Executes one instruction word at the current PC; returns the decoded row (nullptr when
    // UNDEFINED, in which case the UNDEFINED exception is recorded in cx.fault).
    const isa::InsnDef* exec(std::uint32_t insn) {
        cx.refreshVL(); // tests write system registers and PSTATE directly between instructions
        cx.beginInstruction();
        const isa::InsnDef* d = isa::decode(insn);
        if (d == nullptr)
            cx.undefined();
        else
            d->exec(cx, insn);
        if (!cx.faulted()) arch.cpu.pc = cx.next_pc;
        if (cx.effect == isa::SideEffect::ContextChanged) cx.refreshVL();
        return d;
    }

    std::uint64_t x(unsigned n) const {
        return n == 31 ? 0 : const_cast<IsaHarness*>(this)->cx.X(n);
    }
    void setX(unsigned n, std::uint64_t v) { cx.setX(n, v); }
    PState& p() { return arch.cpu.pstate; }
    std::span<const std::uint8_t> z(unsigned n) { return arch.sve.Z(n, cx.vl()); }
    std::span<std::uint8_t> zFull(unsigned n) { return arch.sve.zStorage(n); }
    std::span<std::uint8_t> pFull(unsigned n) { return arch.sve.pStorage(n); }
    unsigned vlBytes() const { return cx.vl().bytes(); }

    ArchState arch;
    FlatMemory mem;
    isa::MemoryBus bus;
    isa::ExecContext cx;
};

} // namespace svesim::test
