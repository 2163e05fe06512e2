/* Loading a guest ELF into guest RAM by its PT_LOAD segments' physical addresses. */
#ifndef SVESIM_VMM_GUEST_ELF_H
#define SVESIM_VMM_GUEST_ELF_H

#include <stddef.h>
#include <stdint.h>

/* Validates PATH as a little-endian 64-bit AArch64 executable whose PT_LOAD segments all lie in
 * [ram_base, ram_base + ram_size), copies them into RAM (zeroing p_memsz beyond p_filesz) and
 * returns its entry point in *entry. On bad input prints one line to stderr and returns
 * VMM_BAD_ELF (or VMM_SYSTEM_ERROR when the file cannot be read); 0 on success. */
int guest_elf_load(const char* path, uint8_t* ram, uint64_t ram_base, uint64_t ram_size,
                   uint64_t* entry);

#endif
