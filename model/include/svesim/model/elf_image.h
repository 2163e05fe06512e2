// An AArch64 ELF executable read with libelf: its loadable segments, entry point and symbols.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace svesim::model {

// Why an ELF cannot be loaded; each kind has its own exit status in `svesim run`.
class ElfError : public std::runtime_error {
public:
    enum class Kind { Unreadable, Malformed, NotAArch64, OutsideMemory };
    ElfError(Kind kind, const std::string& message)
        : std::runtime_error(message)
        , kind_(kind) {}
    [[nodiscard]] Kind kind() const { return kind_; }

private:
    Kind kind_;
};

struct ElfSegment {
    std::uint64_t address;          // physical load address (p_paddr; the MMU is off)
    std::vector<std::uint8_t> data; // file contents, then zeros up to p_memsz
};

struct ElfImage {
    std::uint64_t entry = 0;
    std::vector<ElfSegment> segments;
    std::map<std::string, std::uint64_t> symbols;

    // Reads and checks `path` (ELF64, little-endian, EM_AARCH64, ET_EXEC, segments inside the
    // file); throws ElfError with one line naming the file and the problem.
    static ElfImage load(const std::string& path);
};

} // namespace svesim::model
