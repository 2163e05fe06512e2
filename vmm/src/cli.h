/* Command-line helpers shared by svesim-vmm and svesim-sve-pressure. */
#ifndef SVESIM_VMM_CLI_H
#define SVESIM_VMM_CLI_H

/* A decimal number in 0..max, the whole text; 0, or -1 for anything else (sign, junk, range). */
int cli_number(const char* text, unsigned long long max, unsigned long long* out);

/* Prints "WHO: WHAT[: VALUE]" and the usage text on stderr; returns VMM_USAGE (2). */
int cli_usage_error(const char* who, const char* usage, const char* what, const char* value);

#endif
