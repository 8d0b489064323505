/* libFuzzer harness: command-line parsing. The input is split at NUL bytes into argv.
 * Property: cli_parse either accepts (and every positional argument points into argv) or
 * returns the usage status; it never crashes, whatever the arguments. Run it with
 * -close_fd_mask=2 to silence the usage messages (tests/fuzz/run.sh does). */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *buf = malloc(size + 1);
    memcpy(buf, data, size);
    buf[size] = '\0';
    char *argv[66];
    int argc = 0;
    argv[argc++] = "httpstatus";
    char *p = buf;
    while (p < buf + size && argc < 64) {
        argv[argc++] = p;
        p += strlen(p) + 1;
    }
    argv[argc] = NULL;
    struct cli_opts o;
    int r = cli_parse(argc, argv, &o);
    if (r != 0 && r != EXIT_USAGE)
        abort();
    if (r == 0) {
        for (int i = 0; i < o.n_args; i++) {
            int found = 0;
            for (int j = 1; j < argc; j++)
                found |= o.args[i] == argv[j];
            if (!found)
                abort();
        }
        if (o.width < -1 || o.width > 10000 || o.limit < 1)
            abort();
        free(o.args);
    }
    free(buf);
    return 0;
}
