/* Command-line helpers shared by svesim-vmm and svesim-sve-pressure (cli.h). */
#include "cli.h"

#include "exit_codes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int cli_number(const char* text, unsigned long long max, unsigned long long* out) {
    char* end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno || end == text || *end || text[0] == '-' || v > max) return -1;
    *out = v;
    return 0;
}

int cli_usage_error(const char* who, const char* usage, const char* what, const char* value) {
    fprintf(stderr, "%s: %s%s%s\n%s", who, what, value ? ": " : "", value ? value : "", usage);
    return VMM_USAGE;
}
