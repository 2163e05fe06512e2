// Byte provenance (docs/provenance.md): which world or privileged context produced each byte of
// register state and memory. Off unless a checker switches it on; the layers that own the state
// (SveUnit for Z/P/FFR, ExecContext for X/SP/flags and memory) keep the tags, this file holds
// the vocabulary and the one propagation rule (`join`).
#pragma once

#include "svesim/arch/cpu_state.h"
#include "svesim/arch/sysreg.h"
#include "svesim/arch/types.h"

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace svesim {

// Who produced a datum.
enum class OriginKind : std::uint8_t {
    Zero,       // architecturally zeroed, or memory no tracked code ever wrote
    Guest,      // guest VM, id = VMID
    HostTask,   // host user task, id = its identity (CONTEXTIDR_EL1 / ASID)
    HostKernel, // the host kernel (EL1 nVHE, EL2 with E2H under VHE)
    Hypervisor, // EL2 code that is not the host kernel
    Firmware,   // EL3
};
std::string_view name(OriginKind k);

struct Origin {
    OriginKind kind = OriginKind::Zero;
    std::uint64_t id = 0;
    friend auto operator<=>(const Origin&, const Origin&) = default;
};
std::string name(const Origin& o);
// Worlds are guests and host tasks; the rest is privileged context (or nothing).
constexpr bool isWorld(const Origin& o) {
    return o.kind == OriginKind::Guest || o.kind == OriginKind::HostTask;
}

// A tag is 32 bits: class in [31:30].
//   00: a single origin, [29:0] its index in the TagTable (index 0 = ZERO)
//   01: UNKNOWN: a byte a zero-or-preserve choice made, [29:8] its decision record, [7:0] the
//       byte's offset in that record
//   10: MIXED: [29:0] index of a set of single-origin tags (computed from several sources)
using Tag = std::uint32_t;
inline constexpr Tag kZeroTag = 0;
enum class TagClass : std::uint8_t { Single = 0, Unknown = 1, Mixed = 2 };
constexpr TagClass tagClass(Tag t) {
    return static_cast<TagClass>(t >> 30);
}

// Which implementation choices a zero-or-preserve record stands for: the Arm ARM's
// CONSTRAINED UNPREDICTABLE points, or the narrowing points where QEMU zeroes.
enum class ChoiceSite : std::uint8_t { ArmArm, QemuNarrow };

// The implementation classes a single run answers for.
enum class ImplClass : std::uint8_t { Preserve, Zero, Qemu };
inline constexpr std::array<ImplClass, 3> kImplClasses{ImplClass::Preserve, ImplClass::Zero,
                                                       ImplClass::Qemu};
std::string_view name(ImplClass c);
// Whether an implementation of class `c` zeroes at a choice point of `site`.
constexpr bool zeroesAt(ImplClass c, ChoiceSite site) {
    return site == ChoiceSite::ArmArm ? c == ImplClass::Zero : c == ImplClass::Qemu;
}

// One zero-or-preserve choice over a run of bytes of one register: what they would hold had the
// implementation preserved them (had it zeroed them they would be 0 / ZERO).
struct ChoiceRecord {
    ChoiceSite site;
    bool zeroed; // what this run did
    std::uint64_t pc;
    std::string where; // "Z3 bytes [16, 64) at PC 0x... (ExceptionEntry, EL2)"
    std::vector<std::uint8_t> preserved_values;
    std::vector<Tag> preserved_tags;
};

// Interning of origins, mixed sets and choice records. Tags are only meaningful against the
// table that made them.
class TagTable {
public:
    TagTable();
    [[nodiscard]] Tag single(const Origin& o);
    [[nodiscard]] const Origin& origin(Tag single_tag) const { return origins_[index(single_tag)]; }
    // The one propagation rule: a datum computed from `a` and `b` carries both. ZERO is the
    // identity; equal tags stay; anything else becomes the MIXED set of their single origins
    // (an UNKNOWN byte contributes what it would hold if preserved, and its record is kept in
    // the set's `unknown_derived` flag).
    [[nodiscard]] Tag join(Tag a, Tag b) {
        if (a == b || b == kZeroTag) return a;
        if (a == kZeroTag) return b;
        return joinSlow(a, b);
    }
    // A choice record covering `values.size()` bytes; returns the tag of its first byte (add
    // the byte offset for the others). Up to 256 bytes per record.
    [[nodiscard]] Tag recordChoice(ChoiceRecord r);
    [[nodiscard]] const ChoiceRecord& choice(Tag unknown_tag) const {
        return choices_[(unknown_tag & 0x3FFFFFFFU) >> 8];
    }
    // The single origins a tag may name (an UNKNOWN tag: those of its preserved datum).
    [[nodiscard]] std::vector<Origin> origins(Tag t) const;
    // What a byte holding (value, tag) holds under an implementation of class `c`: UNKNOWN
    // bytes resolve through their choice records, everything else is itself.
    struct Resolved {
        std::uint8_t value;
        Tag tag;
    };
    [[nodiscard]] Resolved resolve(std::uint8_t value, Tag tag, ImplClass c) const;
    // What it holds in this run (the choices as made).
    [[nodiscard]] Resolved resolveActual(std::uint8_t value, Tag tag) const;
    [[nodiscard]] bool mixedHasUnknown(Tag mixed) const { return sets_[index(mixed)].unknown; }
    [[nodiscard]] std::string describe(Tag t) const;

private:
    static constexpr std::uint32_t index(Tag t) { return t & 0x3FFFFFFFU; }
    Tag joinSlow(Tag a, Tag b);
    void addOrigins(Tag t, std::vector<Tag>& singles, bool& unknown) const;
    struct MixedSet {
        std::vector<Tag> singles; // sorted single-origin tags
        bool unknown = false;
    };
    std::vector<Origin> origins_;
    std::vector<MixedSet> sets_;
    std::vector<ChoiceRecord> choices_;
    std::unordered_map<std::uint64_t, Tag> pair_cache_; // (a, b) -> join
    // resolve()'s memo: (UNKNOWN tag, class) -> what it resolves to; its scratch path.
    mutable std::unordered_map<std::uint64_t, Resolved> resolved_;
    mutable std::vector<Tag> resolve_path_;
};

// Tags of memory bytes: a lazily allocated shadow, one page of tags where tagged data was
// stored; everything else is ZERO.
class MemoryTags {
public:
    static constexpr unsigned kPageBits = 12;
    [[nodiscard]] Tag at(std::uint64_t addr) const;
    void read(std::uint64_t addr, std::span<Tag> out) const;
    void write(std::uint64_t addr, std::span<const Tag> tags);
    void fill(std::uint64_t addr, std::uint64_t size, Tag t);
    [[nodiscard]] std::size_t pages() const { return pages_.size(); }

private:
    using Page = std::array<Tag, std::size_t{1} << kPageBits>;
    std::unordered_map<std::uint64_t, std::unique_ptr<Page>> pages_;
};

// The provenance of one PE's state and of what its instructions do, for the instruction being
// executed. The data layers report reads, loads and writes here; this class decides each written
// byte's tag by the transfer rule (docs/provenance.md):
//   - bytes a load brought from memory carry memory's tags (a world's own loads: its own tag,
//     since a world's memory is its own data);
//   - a register write of bytes that are a copy of loaded bytes (the same buffer, or for scalar
//     registers the same value) takes those bytes' tags; a store of bytes that are a copy of a
//     register read takes that register's tags;
//   - any other result carries the join of everything the instruction read (loads excepted
//     for register writes of a load, which are address arithmetic: their register reads);
//   - a result computed from nothing (a constant) is ZERO where the byte is zero and the
//     executing context's tag otherwise.
class Provenance {
public:
    using Classifier = std::function<Origin(const CpuState&)>;
    Provenance(Classifier classify, const CpuState& cpu);

    // Register identities for the cause records: Z0-Z31, P0-P15 (32-47), FFR (48).
    static constexpr unsigned kVectorRegs = 49;
    // The last time a register's bytes went to memory (a save) or it was written.
    struct RegRecord {
        bool valid = false;
        std::uint64_t pc = 0;
        EL el = EL::EL0;
        unsigned bytes = 0;    // how many bytes (the VL of the save or write, in bytes)
        Tag writer = kZeroTag; // the executing context
    };
    [[nodiscard]] const RegRecord& lastSave(unsigned reg) const { return saved_[reg]; }
    [[nodiscard]] const RegRecord& lastWrite(unsigned reg) const { return written_[reg]; }
    void noteWrite(unsigned reg, unsigned bytes);

    TagTable table;
    MemoryTags memory;
    // Scalar state, one tag per register (a 64-bit value is one datum).
    std::array<Tag, 31> x{};
    std::array<Tag, 4> sp{}; // SP_EL0..SP_EL3
    Tag nzcv = kZeroTag, fpsr = kZeroTag, fpcr = kZeroTag;

    // A register value parked in a system register and read back unchanged is a copy: it keeps
    // its tag (Linux's KPTI trampoline keeps X30 in TPIDRRO_EL0 and X29 in FAR_EL1 across the
    // vector switch; a task's TPIDR_EL0 is its own data). MSR records what it wrote; MRS of the
    // same value reads that tag, any other value (one the PE wrote since, such as FAR_EL1 on a
    // fault) is the constant rule's.
    void parked(SysReg r, std::uint64_t value, Tag t);
    [[nodiscard]] std::optional<Tag> parkedTag(SysReg r, std::uint64_t value) const;

    // Who executes: recomputed when the execution context may have changed.
    void contextChanged(const CpuState& s);
    [[nodiscard]] Tag contextTag() const { return ctx_tag_; }
    [[nodiscard]] bool inWorld() const { return in_world_; }
    [[nodiscard]] const Origin& context() const { return ctx_; }

    // ---- the instruction being executed ----
    void beginInstruction();
    void readScalar(std::uint64_t value, Tag t);
    void readVector(const std::uint8_t* storage, std::size_t n, const Tag* tags, unsigned reg);
    // A load placed `n` bytes at `dst` with memory tags `tags` (already replaced by the world's
    // tag when a world loads).
    void loaded(const void* dst, std::size_t n, const Tag* tags);
    [[nodiscard]] Tag scalarWriteTag(std::uint64_t value, unsigned size_bytes = 8);
    // A write of `value` to scalar slot `slot` (X0-X30 = 0-30, SP_EL0-SP_EL3 = 31-34), which
    // held `old_value`: scalarWriteTag's rule, and a computed value equal to one of the last
    // values the slot held is that datum again (Linux's vector entry checks for stack
    // overflow with `add sp, sp, x0; sub x0, sp, x0; sub x0, sp, x0; sub sp, sp, x0`, which
    // gives X0 and SP back their values through arithmetic).
    [[nodiscard]] Tag scalarSlotWrite(unsigned slot, std::uint64_t old_value, Tag old_tag,
                                      std::uint64_t value);
    static constexpr unsigned kScalarSlots = 35;
    void vectorWriteTags(const std::uint8_t* src, std::size_t n, Tag* out);
    void storeTags(const void* src, std::size_t n, Tag* out);
    // The join of every source read so far (for flags and other whole-register results).
    [[nodiscard]] Tag sourcesTag();
    // Whether the instruction read bytes whose value depends on a zero-or-preserve choice in a
    // scalar register (a branch, flag or address could then differ between implementations).
    [[nodiscard]] bool scalarReadUnknown() const { return scalar_unknown_; }
    [[nodiscard]] bool hasUnknown(Tag t) const;
    // The first instruction whose control flow or flags depended on an UNKNOWN byte: after it,
    // other implementations might have run differently, so a one-run verdict for them is not
    // conclusive.
    std::optional<std::uint64_t> first_unknown_control;

private:
    [[nodiscard]] Tag constantTag(std::uint8_t byte) const {
        return byte == 0 ? kZeroTag : ctx_tag_;
    }
    Classifier classify_;
    const CpuState* cpu_;
    std::array<RegRecord, kVectorRegs> saved_{}, written_{};
    struct Parked {
        bool valid = false;
        std::uint64_t value = 0;
        Tag tag = kZeroTag;
    };
    std::array<Parked, kSysRegCount> parked_{};
    Origin ctx_;
    Tag ctx_tag_ = kZeroTag;
    bool in_world_ = false;
    // Per instruction.
    struct ScalarRead {
        std::uint64_t value;
        Tag tag;
    };
    struct Span {
        const std::uint8_t* ptr;
        std::size_t n;
        std::size_t first;  // index into tags_
        unsigned reg;       // register identity (vector reads), kVectorRegs otherwise
        bool taken = false; // a scalar register already received this load (LDP's first)
        // The loaded bytes of a load of at most 8 (copied: the load's buffer may be a local
        // of an instruction's helper that has returned when a writeback asks).
        std::uint64_t value = 0;
    };
    // The values a scalar slot held before its current one, newest last.
    struct Held {
        bool valid = false;
        std::uint64_t value = 0;
        Tag tag = kZeroTag;
    };
    static constexpr unsigned kHeld = 2;
    std::array<std::array<Held, kHeld>, kScalarSlots> held_{};
    bool last_write_computed_ = false; // scalarWriteTag's result joined its sources
    std::vector<ScalarRead> scalar_reads_;
    std::vector<Span> vector_reads_, loads_;
    std::vector<Tag> read_tags_, load_tags_;
    Tag reads_join_ = kZeroTag, loads_join_ = kZeroTag;
    bool any_read_ = false, any_load_ = false, scalar_unknown_ = false;
};

} // namespace svesim
