/* bench.c — httpstatus benchmarks (`make bench`). Not part of `make check`: timings are
 * figures to read, never assertions. Every figure is measured in the same run as its
 * baseline and reported as a ratio, since absolute times drift on a shared machine.
 *
 *   build/bench [--quick]
 *
 * 1. Whole processes, run in pairs (ours, baseline, ours, baseline ...: at least 30 pairs
 *    after a warm-up): the median of each side and the median of the per-pair ratios,
 *    against `cat` of the same output (the cost of starting a tiny process), python3's
 *    http.HTTPStatus and the sqlite3 shell running the same FTS5 query on our database.
 *    The same for build/httpstatus-shared (linked against the shared libraries) when it
 *    exists, to show what static linking buys.
 * 1b. Instructions per run (lookup, search, compare, and cat of each output), counted by
 *    `perf stat -e instructions:u` where the machine supports it, else by valgrind's
 *    callgrind: figures that do not depend on how busy the machine is.
 * 2. In-process search: 100 everyday queries through hsdb_search(), p50 and p99 per query,
 *    on the bundled database and on a generated 50,000-entry database in our schema.
 * 3. The browser in a pty: start to first complete frame, key to finished redraw for every
 *    keystroke of a live search, and for long jumps (G to the last code, g to the top).
 * 4. Peak memory (max RSS) and the size of the binary with its database. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "data.h"

static int quick;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
    qsort(v, n, sizeof *v, cmp_double);
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

static long last_minflt;   /* page faults of the last run_once */

/* Run argv with stdout/stderr to /dev/null; returns wall ms, max RSS in *rss_kb. */
static double run_once(char *const argv[], long *rss_kb)
{
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid == 0) {
        int fd = open("/dev/null", O_RDWR);
        dup2(fd, 0);
        dup2(fd, 1);
        dup2(fd, 2);
        execvp(argv[0], argv);
        _exit(127);
    }
    int st;
    struct rusage ru;
    wait4(pid, &st, 0, &ru);
    double t = now_ms() - t0;
    if (rss_kb)
        *rss_kb = ru.ru_maxrss;
    last_minflt = ru.ru_minflt;
    if (!WIFEXITED(st) || WEXITSTATUS(st) == 127)
        return -1;
    return t;
}

struct figure {
    const char *name;
    double ours, base;
    const char *base_name;
    const char *unit;
    double ratio;      /* 0: ours / base; else the median of per-pair ratios */
};

static struct figure figures[64];
static int n_figures;

static void add(const char *name, double ours, double base, const char *base_name, const char *unit)
{
    figures[n_figures++] = (struct figure){name, ours, base, base_name, unit, 0};
}

struct icount {
    const char *name;
    double ours, base;
};
static struct icount faults[16];   /* page faults per run (median), ours and the baseline */
static int n_faults;

/* Pairs of runs, ours then the baseline, so both see the same machine: the median of each
 * side, and the median of the per-pair ratios (which a load change between pairs does not
 * skew). */
static void process_pair(const char *name, char *const ours[], char *const base[], const char *base_name, int runs, long *rss)
{
    if (runs < 30)
        runs = 30;
    double *a = calloc((size_t)runs, sizeof *a), *b = calloc((size_t)runs, sizeof *b);
    double *r = calloc((size_t)runs, sizeof *r);
    double *fa = calloc((size_t)runs, sizeof *fa), *fb = calloc((size_t)runs, sizeof *fb);
    for (int i = 0; i < 5; i++) {
        run_once(ours, NULL);
        run_once(base, NULL);
    }
    long rs = 0, maxr = 0;
    int ok = 1;
    for (int i = 0; i < runs; i++) {
        a[i] = run_once(ours, &rs);
        fa[i] = (double)last_minflt;
        maxr = rs > maxr ? rs : maxr;
        b[i] = run_once(base, NULL);
        fb[i] = (double)last_minflt;
        if (a[i] < 0 || b[i] <= 0)
            ok = 0;
        else
            r[i] = a[i] / b[i];
    }
    if (ok) {
        add(name, pct(a, (size_t)runs, 0.5), pct(b, (size_t)runs, 0.5), base_name, "ms (median)");
        figures[n_figures - 1].ratio = pct(r, (size_t)runs, 0.5);
        if (n_faults < (int)(sizeof faults / sizeof faults[0]))
            faults[n_faults++] = (struct icount){name, pct(fa, (size_t)runs, 0.5), pct(fb, (size_t)runs, 0.5)};
    } else {
        fprintf(stderr, "bench: %s: a command failed (is %s installed?)\n", name, base[0]);
    }
    if (rss)
        *rss = maxr;
    free(a);
    free(b);
    free(r);
    free(fa);
    free(fb);
}

/* ---- instructions per run ------------------------------------------------------------------ */

static struct icount icounts[16];
static int n_icounts;
static const char *icount_tool;

static int have_perf(void)
{
    FILE *p = popen("perf stat -x, -e instructions:u -- true 2>&1 >/dev/null", "r");
    if (!p)
        return 0;
    char line[512];
    int ok = 0;
    while (fgets(line, sizeof line, p))
        if (strstr(line, "instructions") && line[0] >= '0' && line[0] <= '9')
            ok = 1;
    pclose(p);
    return ok;
}

/* Instructions executed by the shell command line cmd (its output discarded), or -1. */
static double instructions(const char *cmd)
{
    char full[2048], line[512];
    if (strcmp(icount_tool, "perf") == 0)
        snprintf(full, sizeof full, "perf stat -x, -e instructions:u -- %s 2>&1 >/dev/null", cmd);
    else
        snprintf(full, sizeof full, "valgrind --tool=callgrind --callgrind-out-file=/dev/null %s 2>&1 >/dev/null", cmd);
    FILE *p = popen(full, "r");
    if (!p)
        return -1;
    double n = -1;
    while (fgets(line, sizeof line, p)) {
        char *c;
        if (strcmp(icount_tool, "perf") == 0 && strstr(line, "instructions") && line[0] >= '0' && line[0] <= '9')
            n = strtod(line, NULL);
        else if ((c = strstr(line, "Collected :")) != NULL)
            n = strtod(c + 11, NULL);
    }
    pclose(p);
    return n;
}

static void icount_pair(const char *name, const char *ours, const char *base)
{
    if (!icount_tool || n_icounts == (int)(sizeof icounts / sizeof icounts[0]))
        return;
    double a = instructions(ours), b = instructions(base);
    if (a > 0 && b > 0)
        icounts[n_icounts++] = (struct icount){name, a, b};
    else
        fprintf(stderr, "bench: could not count the instructions of '%s'\n", ours);
}

static const char *const queries[] = {
    "not found", "teapot", "too many requests", "404", "40", "4xx", "captive portal", "captiv",
    "redirect", "redirecting", "permanent redirect", "temporary", "see other", "post to get",
    "cache", "cacheable", "etag", "if-none-match", "conditional", "precondition", "range", "partial",
    "bytes", "content length", "payload too large", "uri too long", "header too large", "rate limit",
    "retry-after", "retry after", "timeout", "gateway", "bad gateway", "upstream", "proxy",
    "authentication", "unauthorized", "forbidden", "www-authenticate", "token", "login", "credentials",
    "method not allowed", "allow header", "options", "conflict", "edit conflict", "gone", "deleted",
    "legal", "censorship", "payment", "unused", "reserved", "obsolete", "webdav", "locked",
    "multi-status", "depth", "loop", "storage", "extension", "upgrade", "tls", "websocket",
    "switching protocols", "early hints", "link preload", "continue", "expect", "100-continue",
    "created", "location", "accepted", "batch", "no content", "reset", "nginx", "cloudflare",
    "client closed", "aws", "load balancer", "microsoft", "parental", "laravel", "csrf", "arcgis",
    "ssl", "certificate", "http version", "negotiation", "variant", "misdirected", "too early",
    "replay", "unprocessable", "validation", "semantic", "media type", "json", "server error",
};

static void search_bench(const char *label, struct hs_db *db, int rounds)
{
    size_t nq = sizeof queries / sizeof queries[0];
    size_t total = nq * (size_t)rounds;
    double *t = calloc(total, sizeof *t);
    size_t k = 0;
    for (int r = 0; r < rounds; r++)
        for (size_t i = 0; i < nq; i++) {
            struct hs_hits h;
            double t0 = now_ms();
            enum hs_status s = hsdb_search(db, queries[i], strlen(queries[i]), 1, 20, &h);
            t[k++] = now_ms() - t0;
            if (s == HS_OK)
                hs_hits_free(&h);
        }
    /* The slowest queries, to say where the time goes. */
    double worst[3] = {0, 0, 0};
    size_t worst_q[3] = {0, 0, 0};
    for (size_t i = 0; i < total; i++) {
        size_t qi = i % nq;
        for (int w = 0; w < 3; w++)
            if (t[i] > worst[w]) {
                for (int m = 2; m > w; m--) {
                    worst[m] = worst[m - 1];
                    worst_q[m] = worst_q[m - 1];
                }
                worst[w] = t[i];
                worst_q[w] = qi;
                break;
            }
    }
    fprintf(stderr, "bench: slowest on the %s: '%s' %.2f ms, '%s' %.2f ms, '%s' %.2f ms\n", label,
            queries[worst_q[0]], worst[0], queries[worst_q[1]], worst[1], queries[worst_q[2]], worst[2]);
    char name[128];
    snprintf(name, sizeof name, "search p50, %s", label);
    double p50 = pct(t, total, 0.5), p99 = pct(t, total, 0.99);
    add(strdup(name), p50, 16.7, "one 60 Hz frame", "ms");
    snprintf(name, sizeof name, "search p99, %s", label);
    add(strdup(name), p99, 16.7, "one 60 Hz frame", "ms");
    free(t);
}

static const char *next_word(unsigned *seed, const char *const *words, size_t n)
{
    *seed = *seed * 1103515245u + 12345u;
    return words[(*seed >> 8) % n];
}

/* A database of n entries in our schema, words drawn from the real corpus vocabulary. */
static int generate(const char *schema_path, const char *out, int n)
{
    FILE *f = fopen(schema_path, "r");
    if (!f)
        return -1;
    static char schema[1 << 16];
    size_t len = fread(schema, 1, sizeof schema - 1, f);
    schema[len] = '\0';
    fclose(f);
    unlink(out);
    sqlite3 *db;
    if (sqlite3_open(out, &db) != SQLITE_OK)
        return -1;
    /* The vocabulary: a few dozen HTTP words plus every word of the benchmark queries, so
     * that each query matches thousands of entries (a hard case, not a lucky one). */
    static const char *const base[] = {
        "request", "server", "client", "resource", "header", "response", "cache", "redirect", "proxy",
        "gateway", "timeout", "authentication", "method", "content", "length", "range", "condition",
        "precondition", "conflict", "version", "protocol", "upgrade", "location", "temporary",
        "permanent", "legal", "payment", "storage", "loop", "negotiation", "media", "type", "token",
        "limit", "rate", "retry", "after", "entity", "representation", "origin", "upstream", "body",
    };
    static char *vocab[1024];
    static char pool[16384];
    size_t nw = 0, used = 0;
    for (size_t i = 0; i < sizeof base / sizeof base[0]; i++)
        vocab[nw++] = (char *)base[i];
    for (size_t i = 0; i < sizeof queries / sizeof queries[0] && nw < 1000; i++) {
        const char *q = queries[i];
        while (*q) {
            size_t wl = strcspn(q, " -");
            if (wl >= 2 && used + wl + 1 < sizeof pool) {
                memcpy(pool + used, q, wl);
                pool[used + wl] = 0;
                vocab[nw++] = pool + used;
                used += wl + 1;
            }
            q += wl;
            while (*q == ' ' || *q == '-')
                q++;
        }
    }
    const char *const *words = (const char *const *)vocab;
    int rc = sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", NULL, NULL, NULL);
    rc |= sqlite3_exec(db, schema, NULL, NULL, NULL);
    rc |= sqlite3_exec(db, "BEGIN; INSERT INTO classes VALUES (1,'Informational','x'),(2,'Success','x'),"
                           "(3,'Redirection','x'),(4,'Client Error','x'),(5,'Server Error','x');", NULL, NULL, NULL);
    sqlite3_stmt *c, *s, *t;
    /* Only the columns without a default, so the generator survives new optional fields. */
    sqlite3_prepare_v2(db, "INSERT INTO codes(code,class,phrase,status,spec,summary) VALUES (?1,?2,?3,'standard','gen',?4)", -1, &c, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO search(rowid,phrase,aliases,summary,body,vendors) VALUES (?1,?2,'',?3,?4,'')", -1, &s, NULL);
    sqlite3_prepare_v2(db, "INSERT INTO sections(code,ord,kind,source,body) VALUES (?1,0,'description','gen',?2)", -1, &t, NULL);
    unsigned seed = 12345;
    char phrase[128], summary[256], body[2048];
    for (int i = 0; i < n; i++) {
        int code = 1000 + i;
#define W next_word(&seed, words, nw)
        snprintf(phrase, sizeof phrase, "%s %s %d", W, W, i);
        snprintf(summary, sizeof summary, "The %s %s when the %s %s the %s.", W, W, W, W, W);
        size_t bl = 0;
        for (int k = 0; k < 60 && bl < sizeof body - 32; k++)
            bl += (size_t)snprintf(body + bl, sizeof body - bl, "%s ", W);
#undef W
        sqlite3_bind_int(c, 1, code);
        sqlite3_bind_int(c, 2, 1 + i % 5);
        sqlite3_bind_text(c, 3, phrase, -1, SQLITE_STATIC);
        sqlite3_bind_text(c, 4, summary, -1, SQLITE_STATIC);
        rc |= sqlite3_step(c) != SQLITE_DONE;
        sqlite3_reset(c);
        sqlite3_bind_int(s, 1, code);
        sqlite3_bind_text(s, 2, phrase, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, summary, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, body, -1, SQLITE_STATIC);
        rc |= sqlite3_step(s) != SQLITE_DONE;
        sqlite3_reset(s);
        sqlite3_bind_int(t, 1, code);
        sqlite3_bind_text(t, 2, body, -1, SQLITE_STATIC);
        rc |= sqlite3_step(t) != SQLITE_DONE;
        sqlite3_reset(t);
    }
    sqlite3_finalize(c);
    sqlite3_finalize(s);
    sqlite3_finalize(t);
    rc |= sqlite3_exec(db, "INSERT INTO words(rowid, text) SELECT rowid, body FROM search; "
                           "INSERT INTO names(rowid, phrase, aliases) SELECT rowid, phrase, aliases FROM search; "
                           "INSERT INTO rank_keys SELECT code, class, status = 'standard', length(phrase) FROM codes; "
                           "INSERT INTO search(search) VALUES('optimize'); "
                           "INSERT INTO vocab(term, docs) SELECT term, doc FROM words_vocab; COMMIT;", NULL, NULL, NULL);
    sqlite3_close(db);
    return rc ? -1 : 0;
}

/* ---- the browser in a pty ---------------------------------------------------------------- */

/* Read from fd until `quiet_ms` pass with no output (after at least one byte), or limit_ms.
 * Returns ms from start to the last byte read, or -1 when nothing came. */
static double read_until_quiet(int fd, double start, int quiet_ms, int limit_ms, char *seen, size_t seen_cap, size_t *seen_len)
{
    double last = -1;
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        int wait = last < 0 ? limit_ms : quiet_ms;
        int r = poll(&p, 1, wait);
        if (r <= 0)
            break;
        char buf[65536];
        ssize_t n = read(fd, buf, sizeof buf);
        if (n <= 0)
            break;
        last = now_ms() - start;
        if (seen && *seen_len + (size_t)n < seen_cap) {
            memcpy(seen + *seen_len, buf, (size_t)n);
            *seen_len += (size_t)n;
            seen[*seen_len] = '\0';
        }
        if (now_ms() - start > limit_ms)
            break;
    }
    return last;
}

static long browser_rss_kb;

/* Start argv in a new 100x30 pty, as a terminal user would (TERM xterm-256color, UTF-8), its
 * progress file kept away from the user's; *fd is the terminal's side. */
static pid_t pty_start(char *const argv[], int *fd)
{
    struct winsize ws = {30, 100, 0, 0};
    pid_t pid = forkpty(fd, NULL, NULL, &ws);
    if (pid == 0) {
        setenv("TERM", "xterm-256color", 1);
        setenv("LANG", "C.UTF-8", 1);
        setenv("XDG_STATE_HOME", "/tmp/hs-bench-state", 1);   /* never the user's progress */
        execv(argv[0], argv);
        _exit(127);
    }
    return pid;
}

static void tui_bench(const char *bin, int rounds, const char *db_path)
{
    double *first = calloc((size_t)rounds, sizeof *first);
    double keys[512], jumps[256];
    size_t nk = 0, nj = 0;
    static const char typed[] = "/captive portal";
    char *argv[] = {(char *)bin, db_path ? "--db" : NULL, (char *)db_path, NULL};
    for (int r = 0; r < rounds; r++) {
        int fd;
        double t0 = now_ms();
        pid_t pid = pty_start(argv, &fd);
        static char seen[1 << 20];
        size_t sl = 0;
        first[r] = read_until_quiet(fd, t0, 30, 3000, seen, sizeof seen, &sl);
        for (size_t i = 0; i < sizeof typed - 1 && nk < 512; i++) {
            double k0 = now_ms();
            if (write(fd, &typed[i], 1) != 1)
                break;
            double t = read_until_quiet(fd, k0, 20, 2000, NULL, 0, NULL);
            if (t >= 0)
                keys[nk++] = t;
        }
        /* Long jumps: to the last code and back to the top, from one end of the list to the
         * other (each a redraw: the cost must not grow with the distance). */
        if (write(fd, "\033", 1) == 1) {
            read_until_quiet(fd, now_ms(), 50, 1000, NULL, 0, NULL);
            for (int j = 0; j < 6 && nj < 256; j++) {
                double k0 = now_ms();
                if (write(fd, j % 2 ? "g" : "G", 1) != 1)
                    break;
                double t = read_until_quiet(fd, k0, 20, 5000, NULL, 0, NULL);
                if (t >= 0)
                    jumps[nj++] = t;
            }
        }
        if (write(fd, "q", 1) != 1)
            kill(pid, SIGTERM);
        read_until_quiet(fd, now_ms(), 50, 500, NULL, 0, NULL);
        kill(pid, SIGTERM);
        struct rusage ru;
        if (wait4(pid, NULL, 0, &ru) == pid && ru.ru_maxrss > browser_rss_kb)
            browser_rss_kb = ru.ru_maxrss;
        close(fd);
    }
    if (db_path) {
        add("browser: first frame, 50,000-entry db", pct(first, (size_t)rounds, 0.5), 30, "target 30 ms", "ms (median)");
        if (nk) {
            double p50 = pct(keys, nk, 0.5), p99 = pct(keys, nk, 0.99);
            add("browser: key to redraw, 50,000-entry db, p50", p50, 16.7, "one 60 Hz frame", "ms");
            add("browser: key to redraw, 50,000-entry db, p99", p99, 16.7, "one 60 Hz frame", "ms");
        }
        if (nj) {
            add("browser: long jump (G, g), 50,000-entry db, p50", pct(jumps, nj, 0.5), 16.7, "one 60 Hz frame", "ms");
            add("browser: long jump (G, g), 50,000-entry db, max", pct(jumps, nj, 1.0), 16.7, "one 60 Hz frame", "ms");
        }
        free(first);
        return;
    }
    add("browser: start to first frame", pct(first, (size_t)rounds, 0.5), 30, "target 30 ms", "ms (median)");
    if (nk) {
        double p50 = pct(keys, nk, 0.5), p99 = pct(keys, nk, 0.99);
        add("browser: key to redraw, live search, p50", p50, 16.7, "one 60 Hz frame", "ms");
        add("browser: key to redraw, live search, p99", p99, 16.7, "one 60 Hz frame", "ms");
    }
    if (nj)
        add("browser: long jump (G, g), p50", pct(jumps, nj, 0.5), 16.7, "one 60 Hz frame", "ms");
    free(first);
}

/* A full-screen command of this round (present, quiz, learn) in a 100x30 pty: ms from start
 * to its first frame, median of rounds; then q (and Esc) end it. */
static double first_frame(char *const argv[], int rounds)
{
    double *v = calloc((size_t)rounds, sizeof *v);
    int n = 0;
    for (int r = 0; r < rounds; r++) {
        int fd;
        double t0 = now_ms();
        pid_t pid = pty_start(argv, &fd);
        double t = read_until_quiet(fd, t0, 30, 3000, NULL, 0, NULL);
        if (t >= 0)
            v[n++] = t;
        if (write(fd, "q\033q", 3) != 3)
            kill(pid, SIGTERM);
        read_until_quiet(fd, now_ms(), 50, 500, NULL, 0, NULL);
        kill(pid, SIGTERM);
        waitpid(pid, NULL, 0);
        close(fd);
    }
    double m = n ? pct(v, (size_t)n, 0.5) : -1;
    free(v);
    return m;
}

int main(int argc, char **argv)
{
    quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
    /* --generate PATH [N]: a database of N entries (default 50,000), for profiling by hand
     * and for the browser's long-jump test (tests/tui/bigdb.sh). */
    if (argc > 2 && strcmp(argv[1], "--generate") == 0) {
        int n = argc > 3 ? atoi(argv[3]) : 50000;
        if (n < 1 || n > 1000000) {
            fprintf(stderr, "bench: --generate PATH [N]: N from 1 to 1000000\n");
            return 2;
        }
        return generate("db/schema.sql", argv[2], n) == 0 ? 0 : 1;
    }
    /* --browser [DB]: only the browser's figures, on the bundled database and on DB (a
     * generated one, e.g. build/bench-50k.db), 15 rounds each: for judging a change to
     * the browser or the live search without the whole run. */
    if (argc > 1 && strcmp(argv[1], "--browser") == 0) {
        tui_bench("./httpstatus", 15, NULL);
        if (argc > 2)
            tui_bench("./httpstatus", 15, argv[2]);
        printf("%-50s %12s %12s %8s  %s\n", "figure", "ours", "baseline", "ratio", "baseline is");
        for (int i = 0; i < n_figures; i++)
            printf("%-50s %9.3f ms %9.3f ms %7.2fx  %s\n", figures[i].name, figures[i].ours, figures[i].base,
                   figures[i].ours / figures[i].base, figures[i].base_name);
        printf("%-50s %9.1f MB\n", "peak memory (max RSS), browser", browser_rss_kb / 1024.0);
        return 0;
    }
    int runs = quick ? 30 : 200;
    const char *bin = "./httpstatus";
    const char *shared = "build/httpstatus-shared";
    int have_shared = access(shared, X_OK) == 0;
    const char *link = getenv("HS_LINK");
    char tmpl[] = "/tmp/hs-bench-XXXXXX";
    if (!mkdtemp(tmpl)) {
        perror("mkdtemp");
        return 2;
    }
    char cmd[1024];
    if (have_perf())
        icount_tool = "perf";
    else if (system("valgrind --version >/dev/null 2>&1") == 0)
        icount_tool = "callgrind";
    else
        fprintf(stderr, "bench: neither perf (with an instructions counter) nor valgrind: no instruction counts\n");

    /* The three commands, each against cat of its own output. */
    static const char *const what[3][6] = {
        {"404", NULL},
        {"search", "captive", "portal", NULL},
        {"compare", "302", "303", "307", NULL},
    };
    static const char *const label[3] = {"httpstatus 404", "httpstatus search captive portal", "httpstatus compare 302 303 307"};
    long rss[3] = {0, 0, 0};
    char out[3][256];
    for (int w = 0; w < 3; w++) {
        snprintf(out[w], sizeof out[w], "%s/out%d.txt", tmpl, w);
        size_t n = (size_t)snprintf(cmd, sizeof cmd, "%s", bin);
        for (int k = 0; what[w][k]; k++)
            n += (size_t)snprintf(cmd + n, sizeof cmd - n, " %s", what[w][k]);
        snprintf(cmd + n, sizeof cmd - n, " > %s", out[w]);
        if (system(cmd) != 0) {
            fprintf(stderr, "bench: '%s' does not run\n", cmd);
            return 2;
        }
    }
    for (int pass = 0; pass < 1 + have_shared; pass++) {
        const char *b = pass ? shared : bin;
        for (int w = 0; w < 3; w++) {
            char *argv_[8] = {(char *)b};
            int k = 0;
            for (; what[w][k]; k++)
                argv_[k + 1] = (char *)what[w][k];
            argv_[k + 1] = NULL;
            char *catv[] = {"cat", out[w], NULL};
            char name[128];
            snprintf(name, sizeof name, "%s%s", label[w], pass ? ", shared libs" : "");
            process_pair(strdup(name), argv_, catv, "cat of its output", runs, pass ? NULL : &rss[w]);
        }
    }
    char *lookup[] = {(char *)bin, "404", NULL};
    char *py[] = {"python3", "-c", "import http; s=http.HTTPStatus(404); print(s.value, s.phrase, s.description)", NULL};
    process_pair("httpstatus 404 vs python3", lookup, py, "python3 http.HTTPStatus", runs / 4 + 1, NULL);
    char *search[] = {(char *)bin, "search", "captive", "portal", NULL};
    char *sq[] = {"sqlite3", "db/httpstatus.db",
                  "SELECT rowid, snippet(search,-1,'[',']','...',12) FROM search WHERE search MATCH '\"captive\" \"portal\"' ORDER BY bm25(search,10,8,3,1,4) LIMIT 20", NULL};
    process_pair("httpstatus search vs sqlite3 shell", search, sq, "sqlite3 shell, same FTS5 query", runs, NULL);
    long rss_lookup = rss[0], rss_search = rss[1], rss_compare = rss[2];

    /* Instructions per run: ours (static or shared as built), the shared build, cat. */
    for (int pass = 0; icount_tool && pass < 1 + have_shared; pass++) {
        for (int w = 0; w < 3; w++) {
            char ours[1024], base[1024], name[1024];
            size_t n = (size_t)snprintf(ours, sizeof ours, "%s", pass ? shared : bin);
            for (int k = 0; what[w][k]; k++)
                n += (size_t)snprintf(ours + n, sizeof ours - n, " %s", what[w][k]);
            snprintf(base, sizeof base, "cat %s", out[w]);
            snprintf(name, sizeof name, "%s%s", label[w] + strlen("httpstatus "), pass ? ", shared libs" : "");
            icount_pair(strdup(name), ours, base);
        }
    }

    struct hs_db *db;
    char *err;
    if (hsdb_open_embedded(&db, &err) != HS_OK) {
        fprintf(stderr, "bench: %s\n", err);
        return 2;
    }
    search_bench("bundled database (100 queries)", db, quick ? 3 : 20);
    hsdb_close(db);
    char big[256];
    snprintf(big, sizeof big, "%s/big.db", tmpl);
    double g0 = now_ms();
    if (generate("db/schema.sql", big, 50000) == 0) {
        double gen_ms = now_ms() - g0;
        if (hsdb_open_file(big, &db, &err) == HS_OK) {
            search_bench("50,000-entry database", db, quick ? 1 : 5);
            hsdb_close(db);
        } else {
            fprintf(stderr, "bench: generated database: %s\n", err);
        }
        fprintf(stderr, "bench: generated the 50,000-entry database in %.0f ms\n", gen_ms);
    }
    tui_bench(bin, quick ? 3 : 15, NULL);
    long rss_browser = browser_rss_kb;
    /* The classroom commands: first frame on a terminal, and the whole corpus as HTML. */
    {
        char *present[] = {(char *)bin, "present", "redirects", NULL};
        char *quiz[] = {(char *)bin, "quiz", "--seed", "1", NULL};
        char *learn[] = {(char *)bin, "learn", NULL};
        int fr = quick ? 3 : 15;
        add("present redirects: start to first frame", first_frame(present, fr), 30, "target 30 ms", "ms (median)");
        add("quiz: start to first frame", first_frame(quiz, fr), 30, "target 30 ms", "ms (median)");
        add("learn: start to first frame", first_frame(learn, fr), 30, "target 30 ms", "ms (median)");
        int rc = system("rm -rf /tmp/hs-bench-state");
        (void)rc;
        char sheet_out[300];
        snprintf(sheet_out, sizeof sheet_out, "%s/sheet.html", tmpl);
        snprintf(cmd, sizeof cmd, "%s sheet --format html > %s", bin, sheet_out);
        if (system(cmd) == 0) {
            char *sheet[] = {(char *)bin, "sheet", "--format", "html", NULL};
            char *catv[] = {"cat", sheet_out, NULL};
            process_pair("httpstatus sheet --format html (every code)", sheet, catv, "cat of its output", runs / 2, NULL);
        }
    }
    if (access(big, R_OK) == 0)
        tui_bench(bin, quick ? 2 : 15, big);   /* as many keystrokes as on the bundled database: a p99 of 70 would be the maximum */

    struct stat sb;
    stat(bin, &sb);
    struct stat dbs;
    stat("db/httpstatus.db", &dbs);

    printf("\n./httpstatus is linked with %s. Whole processes: the ratio is the median of the\n"
           "per-pair ratios of %d pairs (ours, baseline, ours, ...); other ratios are ours / baseline.\n",
           link && *link ? link : "(see the Makefile)", runs);
    printf("\n%-50s %12s %12s %8s  %s\n", "figure", "ours", "baseline", "ratio", "baseline is");
    for (int i = 0; i < n_figures; i++) {
        const struct figure *f = &figures[i];
        printf("%-50s %9.3f ms %9.3f ms %7.2fx  %s\n", f->name, f->ours, f->base, f->ratio > 0 ? f->ratio : f->ours / f->base, f->base_name);
    }
    for (int i = 0; i < n_icounts; i++) {
        const struct icount *c = &icounts[i];
        char name[128];
        snprintf(name, sizeof name, "instructions: %s", c->name);
        printf("%-50s %9.2f M  %9.2f M  %7.2fx  cat of its output (%s)\n", name, c->ours / 1e6, c->base / 1e6, c->ours / c->base, icount_tool);
    }
    for (int i = 0; i < n_faults; i++) {
        const struct icount *c = &faults[i];
        if (strstr(c->name, " vs "))
            continue;
        char name[128];
        snprintf(name, sizeof name, "page faults: %s", c->name + strlen("httpstatus "));
        printf("%-50s %9.0f    %9.0f    %7.2fx  cat of its output\n", name, c->ours, c->base, c->ours / c->base);
    }
    printf("%-50s %9.1f MB   (lookup), %.1f MB (search), %.1f MB (compare)\n", "peak memory (max RSS), CLI",
           rss_lookup / 1024.0, rss_search / 1024.0, rss_compare / 1024.0);
    printf("%-50s %9.1f MB   (bundled database, after a live search)\n", "peak memory (max RSS), browser", rss_browser / 1024.0);
    printf("%-50s %9.1f KB   (database inside it: %.1f KB)\n", "binary size", sb.st_size / 1024.0, dbs.st_size / 1024.0);
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpl);
    if (system(cmd) != 0)
        return 1;
    return 0;
}
