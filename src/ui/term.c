/* term.c — see term.h. */
#include "term.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../util.h"

static void base64(struct sb *b, const unsigned char *s, size_t n)
{
    static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)s[i] << 16 | (i + 1 < n ? (unsigned)s[i + 1] << 8 : 0) | (i + 2 < n ? s[i + 2] : 0);
        sb_putc(b, abc[v >> 18 & 63]);
        sb_putc(b, abc[v >> 12 & 63]);
        sb_putc(b, i + 1 < n ? abc[v >> 6 & 63] : '=');
        sb_putc(b, i + 2 < n ? abc[v & 63] : '=');
    }
}

static int write_all(int fd, const char *s, size_t n)
{
    while (n) {
        ssize_t w = write(fd, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return -1;
        s += w;
        n -= (size_t)w;
    }
    return 0;
}

int term_copy(const char *text)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "\033]52;c;");
    base64(&b, (const unsigned char *)text, strlen(text));
    sb_puts(&b, "\a");
    fflush(stdout);
    int r = write_all(STDOUT_FILENO, b.buf, b.len);
    sb_free(&b);
    return r;
}

/* The full path of an executable named name on PATH, or NULL (caller frees). */
static char *find_in_path(const char *name)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        return NULL;
    while (*path) {
        size_t n = strcspn(path, ":");
        struct sb b;
        sb_init(&b);
        if (n == 0)
            sb_puts(&b, ".");
        else
            sb_putn(&b, path, n);
        sb_printf(&b, "/%s", name);
        struct stat st;
        if (stat(b.buf, &st) == 0 && S_ISREG(st.st_mode) && access(b.buf, X_OK) == 0)
            return sb_steal(&b);
        sb_free(&b);
        path += n;
        if (*path == ':')
            path++;
    }
    return NULL;
}

int term_open(const char *url, char *why, size_t why_size)
{
#ifdef __APPLE__
    const char *name = "open";
#else
    const char *name = "xdg-open";
    const char *x = getenv("DISPLAY"), *wl = getenv("WAYLAND_DISPLAY");
    if (!(x && *x) && !(wl && *wl)) {
        /* No desktop: xdg-open would start a text browser that fights for this terminal. */
        snprintf(why, why_size, "no desktop to open it in (DISPLAY is not set): the address is in the detail pane");
        return -1;
    }
#endif
    char *opener = find_in_path(name);
    if (!opener) {
        snprintf(why, why_size, "%s is not installed: the address is in the detail pane", name);
        return -1;
    }
    /* Detached twice over: the child starts the opener in a new session and ends at once,
     * so nothing is left to wait for and the opener never owns this terminal. */
    pid_t pid = fork();
    if (pid < 0) {
        free(opener);
        snprintf(why, why_size, "could not start %s: %s", name, strerror(errno));
        return -1;
    }
    if (pid == 0) {
        if (fork() != 0)
            _exit(0);
        setsid();
        int fd = open("/dev/null", O_RDWR);
        if (fd >= 0) {
            dup2(fd, STDIN_FILENO);
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
            if (fd > STDERR_FILENO)
                close(fd);
        }
        execl(opener, name, url, (char *)NULL);
        _exit(127);
    }
    free(opener);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    return 0;
}

int term_usable(const char **why)
{
    const char *term = getenv("TERM");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        *why = "the browser needs a terminal";
        return -1;
    }
    if (!term || !*term) {
        *why = "TERM is not set, so the browser cannot drive this terminal; use 'httpstatus list', 'httpstatus CODE' or set TERM (for example TERM=xterm-256color)";
        return -1;
    }
    if (strcmp(term, "dumb") == 0) {
        *why = "TERM=dumb cannot move the cursor, so the browser cannot run; use 'httpstatus list', 'httpstatus CODE' or 'httpstatus search TEXT'";
        return -1;
    }
    return 0;
}

/* Reads in a row that find the terminal readable but give no key: its end. */
#define DEAD_READS 3

int term_wait_input(int ms, int *dead_reads)
{
    struct pollfd p = {STDIN_FILENO, POLLIN, 0};
    int r = poll(&p, 1, ms);
    if (r < 0)
        return errno == EINTR ? 0 : -1;
    if (r == 0) {
        *dead_reads = 0;
        return 0;
    }
    if (p.revents & (POLLERR | POLLNVAL))
        return -1;
    if ((p.revents & POLLHUP) && !(p.revents & POLLIN))
        return -1;
    return ++*dead_reads > DEAD_READS ? -1 : 1;
}

void term_catch_signals(void (*on_quit)(int), void (*on_crash)(int))
{
    static const int quit[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    static const int crash[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_quit;
    for (size_t i = 0; i < sizeof quit / sizeof quit[0]; i++)
        sigaction(quit[i], &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof crash / sizeof crash[0]; i++)
        sigaction(crash[i], &sa, NULL);
}
