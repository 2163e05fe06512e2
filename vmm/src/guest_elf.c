/* Guest ELF validation and loading (the guest contract, guests/README.md). */
#include "guest_elf.h"

#include "exit_codes.h"

#include <elf.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int bad(const char* path, const char* why) {
    fprintf(stderr, "svesim-vmm: %s: %s\n", path, why);
    return VMM_BAD_ELF;
}

static int read_file(const char* path, uint8_t** data, size_t* size) {
    FILE* f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "svesim-vmm: %s: cannot open: %s\n", path, strerror(errno));
        return VMM_BAD_ELF;
    }
    size_t cap = 1 << 16, len = 0;
    uint8_t* buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            cap *= 2;
            uint8_t* grown = realloc(buf, cap);
            if (!grown) free(buf);
            buf = grown;
        }
    }
    int failed = ferror(f) || !buf;
    fclose(f);
    if (failed) {
        free(buf);
        fprintf(stderr, "svesim-vmm: %s: cannot read\n", path);
        return VMM_SYSTEM_ERROR;
    }
    *data = buf;
    *size = len;
    return 0;
}

static int check_header(const char* path, const Elf64_Ehdr* eh, size_t size) {
    if (size < EI_NIDENT || memcmp(eh->e_ident, ELFMAG, SELFMAG) != 0)
        return bad(path, "not an ELF file");
    if (eh->e_ident[EI_CLASS] != ELFCLASS64)
        return bad(path, "not a 64-bit ELF file (the guest contract is AArch64)");
    if (size < sizeof(Elf64_Ehdr)) return bad(path, "truncated ELF header");
    if (eh->e_ident[EI_DATA] != ELFDATA2LSB)
        return bad(path, "not little-endian (the guest contract is little-endian AArch64)");
    if (eh->e_machine != EM_AARCH64) {
        char why[96];
        snprintf(why, sizeof why, "not an AArch64 ELF (e_machine %u, AArch64 is %u)", eh->e_machine,
                 EM_AARCH64);
        return bad(path, why);
    }
    if (eh->e_type != ET_EXEC) return bad(path, "not an executable ELF (e_type is not ET_EXEC)");
    if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 || eh->e_phoff > size ||
        (size - eh->e_phoff) / sizeof(Elf64_Phdr) < eh->e_phnum)
        return bad(path, "program headers missing or outside the file");
    return 0;
}

int guest_elf_load(const char* path, uint8_t* ram, uint64_t ram_base, uint64_t ram_size,
                   uint64_t* entry) {
    uint8_t* data;
    size_t size;
    int rc = read_file(path, &data, &size);
    if (rc) return rc;
    const Elf64_Ehdr* eh = (const Elf64_Ehdr*)data;
    rc = check_header(path, eh, size);
    if (rc) goto out;
    const Elf64_Phdr* ph = (const Elf64_Phdr*)(data + eh->e_phoff);
    int loaded = 0, entry_inside = 0;
    for (unsigned i = 0; i < eh->e_phnum; ++i) {
        const Elf64_Phdr* p = &ph[i];
        if (p->p_type != PT_LOAD || p->p_memsz == 0) continue;
        char why[200];
        if (p->p_filesz > p->p_memsz || p->p_offset > size || size - p->p_offset < p->p_filesz) {
            snprintf(why, sizeof why, "segment %u: file bytes outside the file or beyond p_memsz",
                     i);
            rc = bad(path, why);
            goto out;
        }
        if (p->p_paddr < ram_base || p->p_paddr - ram_base > ram_size ||
            ram_size - (p->p_paddr - ram_base) < p->p_memsz) {
            snprintf(why, sizeof why,
                     "segment %u at IPA [0x%llx, 0x%llx) lies outside guest RAM "
                     "[0x%llx, 0x%llx)",
                     i, (unsigned long long)p->p_paddr,
                     (unsigned long long)(p->p_paddr + p->p_memsz), (unsigned long long)ram_base,
                     (unsigned long long)(ram_base + ram_size));
            rc = bad(path, why);
            goto out;
        }
        uint8_t* dst = ram + (p->p_paddr - ram_base);
        memcpy(dst, data + p->p_offset, p->p_filesz);
        memset(dst + p->p_filesz, 0, p->p_memsz - p->p_filesz);
        /* The entry is a virtual address; with the MMU off at reset it is the IPA executed. */
        if (eh->e_entry >= p->p_vaddr && eh->e_entry - p->p_vaddr < p->p_memsz &&
            p->p_vaddr == p->p_paddr)
            entry_inside = 1;
        ++loaded;
    }
    if (!loaded) {
        rc = bad(path, "no loadable segment");
        goto out;
    }
    if (!entry_inside || (eh->e_entry & 3)) {
        char why[120];
        snprintf(why, sizeof why,
                 "entry point 0x%llx is not a 4-byte aligned address inside a loaded segment",
                 (unsigned long long)eh->e_entry);
        rc = bad(path, why);
        goto out;
    }
    *entry = eh->e_entry;
out:
    free(data);
    return rc;
}
