/* PL011 (Arm PrimeCell UART, DDI 0183): the two registers the guest contract uses. */
#include "pl011.h"

#include <stdio.h>
#include <string.h>

enum { UARTDR = 0x00, UARTFR = 0x18 };
enum { FR_RXFE = 1u << 4, FR_TXFE = 1u << 7 }; /* TXFF (bit 5) stays clear: never full */

void pl011_access(uint64_t offset, uint8_t* data, unsigned len, int is_write) {
    if (is_write) {
        if (offset == UARTDR) {
            putchar(data[0]);
            if (data[0] == '\n') fflush(stdout);
        }
        return;
    }
    uint32_t value = offset == UARTFR ? FR_TXFE | FR_RXFE : 0;
    memset(data, 0, len);
    memcpy(data, &value, len < sizeof value ? len : sizeof value);
}
