// A C program built with picolibc for semihosting (tests/cli/test_picolibc.sh): its startup
// asks for the heap and the command line, stdio goes through SYS_WRITE/SYS_READ, stderr through
// the STDOUT_STDERR extension, and exit(5) through SYS_EXIT_EXTENDED (found in the extensions'
// feature file). Built with READ_STDIN it also echoes one line of stdin (svesim only: QEMU's
// -nographic console does not see a pipe).
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int by_value(const void* a, const void* b) {
    const double x = *(const double*)a, y = *(const double*)b;
    return (x > y) - (x < y);
}

int main(int argc, char** argv) {
    double v[32];
    for (int i = 0; i < 32; ++i)
        v[i] = sin(i * 0.7) * 100.0 + sqrt((double)i);
    qsort(v, 32, sizeof v[0], by_value);
    char* text = malloc(256);
    snprintf(text, 256, "min %.4f max %.4f median %.4f", v[0], v[31], (v[15] + v[16]) / 2);
    printf("picolibc: argc %d, argv[0] ends in %s\n", argc,
           strlen(argv[0]) >= 4 ? argv[0] + strlen(argv[0]) - 4 : argv[0]);
    printf("picolibc: %s, strtod %.3f\n", text, strtod("2.718281828", NULL));
    fprintf(stderr, "picolibc: this line goes to stderr\n");
    free(text);
#ifdef READ_STDIN
    char line[64];
    if (fgets(line, sizeof line, stdin)) printf("picolibc: read %s", line);
#endif
    return 5;
}
