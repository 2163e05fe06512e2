#include "svesim/model/gdb_registers.h"

#include "svesim/exceptions/sysreg_access.h"
#include "svesim/exceptions/take_exception.h"

#include <algorithm>
#include <cstring>
#include <fmt/core.h>

namespace svesim::model {
namespace {

std::vector<std::uint8_t> littleEndian(std::uint64_t v, unsigned bytes) {
    std::vector<std::uint8_t> out(bytes);
    for (unsigned i = 0; i < bytes; ++i)
        out[i] = static_cast<std::uint8_t>(v >> (8 * i));
    return out;
}

std::uint64_t fromLittleEndian(std::span<const std::uint8_t> b) {
    std::uint64_t v = 0;
    for (unsigned i = 0; i < b.size() && i < 8; ++i)
        v |= std::uint64_t{b[i]} << (8 * i);
    return v;
}

// The vector types of the SVE feature for a given VQ: each Z register is a union of views by
// element size (q, d, s, h, b), each a union of float/unsigned/signed vectors.
struct VectorView {
    const char* id;
    const char* element;
    unsigned per_quadword;
};
constexpr VectorView kViews[] = {
    {"svevqu", "uint128", 1}, {"svevqs", "int128", 1}, {"svevdf", "ieee_double", 2},
    {"svevdu", "uint64", 2},  {"svevds", "int64", 2},  {"svevsf", "ieee_single", 4},
    {"svevsu", "uint32", 4},  {"svevss", "int32", 4},  {"svevhf", "ieee_half", 8},
    {"svevhu", "uint16", 8},  {"svevhs", "int16", 8},  {"svevbu", "uint8", 16},
    {"svevbs", "int8", 16},
};

} // namespace

GdbRegisters::GdbRegisters(Processor& p)
    : p_(&p) {
    const Features& f = p.arch().config().features;
    for (const SysRegInfo& r : sysRegTable()) {
        // Names that reach another register (the _EL12 aliases) would show it twice; FPSR and
        // FPCR are in the SVE feature already; a register of an EL the PE lacks does not exist.
        if (r.storage != r.id || r.id == SysReg::FPSR || r.id == SysReg::FPCR) continue;
        if (!f.haveEL(r.needs_el)) continue;
        sysregs_.push_back(r.id);
    }
}

unsigned GdbRegisters::vq() const {
    return p_->arch().config().sve.max_vl.bits() / 128;
}

std::string GdbRegisters::targetXml() const {
    const unsigned q = vq();
    std::string x = "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM \"gdb-target.dtd\">\n"
                    "<target version=\"1.0\">\n<architecture>aarch64</architecture>\n"
                    "<feature name=\"org.gnu.gdb.aarch64.core\">\n";
    for (unsigned n = 0; n <= 30; ++n)
        x += fmt::format("<reg name=\"x{}\" bitsize=\"64\" type=\"uint64\"/>\n", n);
    x += "<reg name=\"sp\" bitsize=\"64\" type=\"data_ptr\"/>\n"
         "<reg name=\"pc\" bitsize=\"64\" type=\"code_ptr\"/>\n"
         "<reg name=\"cpsr\" bitsize=\"32\" type=\"uint32\"/>\n</feature>\n"
         "<feature name=\"org.gnu.gdb.aarch64.sve\">\n";
    for (const VectorView& v : kViews)
        x += fmt::format("<vector id=\"{}\" type=\"{}\" count=\"{}\"/>\n", v.id, v.element,
                         v.per_quadword * q);
    x += "<union id=\"svevnq\"><field name=\"u\" type=\"svevqu\"/>"
         "<field name=\"s\" type=\"svevqs\"/></union>\n";
    for (const char sz : {'d', 's', 'h'})
        x += fmt::format("<union id=\"svevn{0}\"><field name=\"f\" type=\"svev{0}f\"/>"
                         "<field name=\"u\" type=\"svev{0}u\"/><field name=\"s\" "
                         "type=\"svev{0}s\"/></union>\n",
                         sz);
    x += "<union id=\"svevnb\"><field name=\"u\" type=\"svevbu\"/>"
         "<field name=\"s\" type=\"svevbs\"/></union>\n"
         "<union id=\"svev\"><field name=\"q\" type=\"svevnq\"/><field name=\"d\" "
         "type=\"svevnd\"/><field name=\"s\" type=\"svevns\"/><field name=\"h\" "
         "type=\"svevnh\"/><field name=\"b\" type=\"svevnb\"/></union>\n";
    x += fmt::format("<vector id=\"svep\" type=\"uint8\" count=\"{}\"/>\n", 2 * q);
    for (unsigned n = 0; n < 32; ++n)
        x += fmt::format("<reg name=\"z{}\" bitsize=\"{}\" type=\"svev\"/>\n", n, 128 * q);
    x += "<reg name=\"fpsr\" bitsize=\"32\" type=\"uint32\"/>\n"
         "<reg name=\"fpcr\" bitsize=\"32\" type=\"uint32\"/>\n";
    for (unsigned n = 0; n < 16; ++n)
        x += fmt::format("<reg name=\"p{}\" bitsize=\"{}\" type=\"svep\"/>\n", n, 16 * q);
    x += fmt::format("<reg name=\"ffr\" bitsize=\"{}\" type=\"svep\"/>\n", 16 * q);
    x += "<reg name=\"vg\" bitsize=\"64\" type=\"int\"/>\n</feature>\n"
         "<feature name=\"org.gnu.gdb.aarch64.svesim.system\">\n";
    for (const SysReg r : sysregs_)
        x += fmt::format("<reg name=\"{}\" bitsize=\"64\" type=\"uint64\" group=\"system\"/>\n",
                         name(r));
    x += "</feature>\n</target>\n";
    return x;
}

unsigned GdbRegisters::size(unsigned n) const {
    if (n < kCpsr) return 8;
    if (n == kCpsr || n == kFpsr || n == kFpcr) return 4;
    if (n >= kZ0 && n < kZ0 + 32) return 16 * vq();
    if (n >= kP0 && n <= kFfr) return 2 * vq();
    return 8; // vg, system registers
}

std::vector<std::uint8_t> GdbRegisters::read(unsigned n) const {
    isa::ExecContext& cx = p_->context();
    const CpuState& s = p_->arch().cpu;
    const SveUnit& sve = p_->arch().sve;
    auto bytes = [](std::span<const std::uint8_t> b) {
        return std::vector<std::uint8_t>(b.begin(), b.end());
    };
    if (n < kSp) return littleEndian(cx.X(n), 8);
    if (n == kSp) return littleEndian(cx.SP(), 8);
    if (n == kPc) return littleEndian(s.pc, 8);
    if (n == kCpsr) return littleEndian(GetPSRFromPSTATE(s.pstate), 4);
    if (n >= kZ0 && n < kZ0 + 32) return bytes(sve.zStorage(n - kZ0));
    if (n == kFpsr) return littleEndian(s.sysregs.raw(SysReg::FPSR), 4);
    if (n == kFpcr) return littleEndian(s.sysregs.raw(SysReg::FPCR), 4);
    if (n >= kP0 && n < kFfr) return bytes(sve.pStorage(n - kP0));
    if (n == kFfr) return bytes(sve.ffrStorage());
    if (n >= kCount)
        return littleEndian(ReadSysReg(p_->arch(), sysregs_[n - kCount], cx.virtualCount()), 8);
    return littleEndian(p_->arch().currentVL().bits() / 64, 8);
}

bool GdbRegisters::write(unsigned n, std::span<const std::uint8_t> b) {
    if (n >= count() || b.size() != size(n)) return false;
    isa::ExecContext& cx = p_->context();
    CpuState& s = p_->arch().cpu;
    SveUnit& sve = p_->arch().sve;
    const std::uint64_t v = fromLittleEndian(b);
    auto copy = [&](std::span<std::uint8_t> to) {
        std::copy(b.begin(), b.end(), to.begin());
        return true;
    };
    if (n < kSp) {
        cx.setX(n, v);
        return true;
    }
    if (n == kSp) {
        cx.setSP(v);
        return true;
    }
    if (n == kPc) {
        s.pc = v;
        return true;
    }
    if (n == kCpsr) {
        // The debugger may change the flags and the interrupt masks, not the EL or SP select.
        constexpr std::uint64_t kWritable = 0xF000'0000ULL | 0x3C0ULL;
        if (((v ^ GetPSRFromPSTATE(s.pstate)) & ~kWritable) != 0) return false;
        setNzcvBits(s.pstate, v);
        setDaifBits(s.pstate, v);
        return true;
    }
    if (n >= kZ0 && n < kZ0 + 32) return copy(sve.zStorage(n - kZ0));
    if (n == kFpsr || n == kFpcr) {
        s.sysregs.write(n == kFpsr ? SysReg::FPSR : SysReg::FPCR, v);
        return true;
    }
    if (n >= kP0 && n < kFfr) return copy(sve.pStorage(n - kP0));
    if (n == kFfr) return copy(sve.ffrStorage());
    if (n >= kCount) {
        // As an MSR would write it (masks, events, a ZCR write's VL change); CurrentEL and the
        // identification registers are read-only.
        const SysReg r = sysregs_[n - kCount];
        if (sysRegInfo(r).rw == SysRegRw::ReadOnly) return false;
        WriteSysReg(p_->arch(), r, v);
        return true;
    }
    // vg: the VL comes from ZCR_ELx, which the program (or the debugger, through it) sets.
    return v == p_->arch().currentVL().bits() / 64;
}

} // namespace svesim::model
