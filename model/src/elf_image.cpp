#include "svesim/model/elf_image.h"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace svesim::model {
namespace {

using Kind = ElfError::Kind;

struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) close(fd);
    }
};
struct ElfDeleter {
    void operator()(Elf* e) const { elf_end(e); }
};

} // namespace

ElfImage ElfImage::load(const std::string& path) {
    if (elf_version(EV_CURRENT) == EV_NONE)
        throw ElfError(Kind::Malformed, "libelf initialisation failed");
    Fd file{open(path.c_str(), O_RDONLY)};
    if (file.fd < 0) throw ElfError(Kind::Unreadable, path + ": cannot open");
    struct stat st {};
    if (fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode))
        throw ElfError(Kind::Unreadable, path + ": not a regular file");
    std::unique_ptr<Elf, ElfDeleter> elf(elf_begin(file.fd, ELF_C_READ, nullptr));
    if (!elf || elf_kind(elf.get()) != ELF_K_ELF)
        throw ElfError(Kind::Malformed, path + ": not an ELF file");
    GElf_Ehdr eh;
    if (gelf_getehdr(elf.get(), &eh) == nullptr)
        throw ElfError(Kind::Malformed, path + ": truncated or malformed ELF header");
    // Class and byte order first: libelf reports e_machine in host order, so an AArch64
    // big-endian or ILP32 image has machine 183 too, and naming only the machine would mislead.
    if (eh.e_ident[EI_CLASS] != ELFCLASS64)
        throw ElfError(Kind::NotAArch64,
                       path + ": a 32-bit ELF (ELFCLASS32); svesim runs 64-bit AArch64 ELFs only");
    if (eh.e_ident[EI_DATA] != ELFDATA2LSB)
        throw ElfError(Kind::NotAArch64,
                       path + ": a big-endian ELF; svesim runs little-endian AArch64 ELFs only");
    if (eh.e_machine != EM_AARCH64)
        throw ElfError(Kind::NotAArch64, path + ": not an AArch64 ELF (e_machine " +
                                             std::to_string(eh.e_machine) + ", AArch64 is " +
                                             std::to_string(EM_AARCH64) + ")");
    if (eh.e_type != ET_EXEC)
        throw ElfError(Kind::Malformed, path + ": not an executable (ET_EXEC) ELF");

    ElfImage img;
    img.entry = eh.e_entry;
    std::size_t phnum = 0;
    if (elf_getphdrnum(elf.get(), &phnum) != 0)
        throw ElfError(Kind::Malformed, path + ": malformed program header table");
    const auto file_size = static_cast<std::uint64_t>(st.st_size);
    if (eh.e_phoff > file_size ||
        std::uint64_t{eh.e_phnum} * eh.e_phentsize > file_size - eh.e_phoff)
        throw ElfError(Kind::Malformed, path + ": truncated (program headers end beyond the file)");
    for (std::size_t i = 0; i < phnum; ++i) {
        GElf_Phdr ph;
        if (gelf_getphdr(elf.get(), static_cast<int>(i), &ph) == nullptr)
            throw ElfError(Kind::Malformed,
                           path + ": truncated program header " + std::to_string(i));
        if (ph.p_type != PT_LOAD || ph.p_memsz == 0) continue;
        if (ph.p_filesz > ph.p_memsz || ph.p_offset > file_size ||
            ph.p_filesz > file_size - ph.p_offset)
            throw ElfError(Kind::Malformed, path + ": segment " + std::to_string(i) +
                                                " lies outside the file (truncated?)");
        if (ph.p_memsz > (std::uint64_t{1} << 32))
            throw ElfError(Kind::Malformed,
                           path + ": segment " + std::to_string(i) + " is larger than 4 GiB");
        ElfSegment seg;
        seg.address = ph.p_paddr;
        seg.data.assign(ph.p_memsz, 0);
        if (ph.p_filesz > 0) {
            if (pread(file.fd, seg.data.data(), ph.p_filesz, static_cast<off_t>(ph.p_offset)) !=
                static_cast<ssize_t>(ph.p_filesz))
                throw ElfError(Kind::Malformed,
                               path + ": cannot read segment " + std::to_string(i));
        }
        img.segments.push_back(std::move(seg));
    }
    if (img.segments.empty()) throw ElfError(Kind::Malformed, path + ": no loadable segment");

    // Symbols (optional): the scenario framework finds its parameter block by name.
    Elf_Scn* scn = nullptr;
    while ((scn = elf_nextscn(elf.get(), scn)) != nullptr) {
        GElf_Shdr sh;
        if (gelf_getshdr(scn, &sh) == nullptr || sh.sh_type != SHT_SYMTAB || sh.sh_entsize == 0)
            continue;
        Elf_Data* data = elf_getdata(scn, nullptr);
        if (data == nullptr) continue;
        const std::size_t count = sh.sh_size / sh.sh_entsize;
        for (std::size_t k = 0; k < count; ++k) {
            GElf_Sym sym;
            if (gelf_getsym(data, static_cast<int>(k), &sym) == nullptr) break;
            const char* nm = elf_strptr(elf.get(), sh.sh_link, sym.st_name);
            if (nm != nullptr && *nm != '\0') img.symbols.emplace(nm, sym.st_value);
        }
    }
    return img;
}

} // namespace svesim::model
