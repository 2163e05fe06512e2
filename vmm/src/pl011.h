/* The guest contract's console: a PL011 whose data register prints to the VMM's stdout. */
#ifndef SVESIM_VMM_PL011_H
#define SVESIM_VMM_PL011_H

#include <stdint.h>

#define PL011_BASE 0x09000000ull
#define PL011_SIZE 0x1000ull

/* One MMIO access at `offset` inside the PL011 window: DR writes print their low byte, FR reads
 * say "transmit FIFO empty, receive FIFO empty"; every other register reads as zero and ignores
 * writes. `data` is little-endian, `len` bytes. */
void pl011_access(uint64_t offset, uint8_t* data, unsigned len, int is_write);

#endif
