/* A static arm64 Linux program for the boot tests' initramfs, run last by /init (its name sorts
 * last): the PL011's receive path. When characters wait on the console (the boot tests pipe
 * commands into the machine's stdin) it runs busybox `sh` on the console as an interactive
 * shell, which reads them through the kernel's tty from the PL011's RX FIFO and interrupt; the
 * commands end in `exit N` and the shell's exit status is printed. Without input (no pipe) it
 * says so and exits 0 (SKIP). Expected values: the piped commands' own output (e.g.
 * "CONSOLE-SH: 42" from `echo CONSOLE-SH: $((6*7))`, whose echo shows the unexpanded text).
 * One "CONSOLE-SH: ..." line; exit 0, or 1 if sh could not be run. */
#include <poll.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void) {
    struct pollfd p = {0, POLLIN, 0};
    int ready = poll(&p, 1, 10000);
    if (ready <= 0) {
        printf("CONSOLE-SH: SKIP no console input in 10 s\n");
        return 0;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-i", (char*)0);
        _exit(127);
    }
    int status = 0;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status)) {
        printf("CONSOLE-SH: FAIL sh did not run or exit\n");
        return 1;
    }
    printf("CONSOLE-SH: sh exit %d\n", WEXITSTATUS(status));
    return WEXITSTATUS(status) == 127;
}
