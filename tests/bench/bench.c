/* bench.c — httpstatus benchmarks (`make bench`). Not part of `make check`: timings are
 * figures to read, never assertions. Every figure is measured in the same run as its
 * baseline and reported as a ratio, since absolute times drift on a shared machine.
 *
 *   build/bench [--quick]
 *
 * 1. Whole processes: median and p90 wall time of many runs after a warm-up, against
 *    `cat` of the same output (the cost of starting a tiny process), python3's
 *    http.HTTPStatus and the sqlite3 shell running the same FTS5 query on our database.
 * 2. In-process search: 100 everyday queries through hsdb_search(), p50 and p99 per query,
 *    on the bundled database and on a generated 50,000-entry database in our schema.
 * 3. The browser in a pty: start to first complete frame, and key to finished redraw for
 *    every keystroke of a live search.
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
    if (!WIFEXITED(st) || WEXITSTATUS(st) == 127)
        return -1;
    return t;
}

struct figure {
    const char *name;
    double ours, base;
    const char *base_name;
    const char *unit;
};

static struct figure figures[64];
static int n_figures;

static void add(const char *name, double ours, double base, const char *base_name, const char *unit)
{
    figures[n_figures++] = (struct figure){name, ours, base, base_name, unit};
}

/* Median of runs of argv, interleaved with the baseline so both see the same machine. */
static void process_pair(const char *name, char *const ours[], char *const base[], const char *base_name, int runs, long *rss)
{
    double *a = calloc((size_t)runs, sizeof *a), *b = calloc((size_t)runs, sizeof *b);
    for (int i = 0; i < 5; i++) {
        run_once(ours, NULL);
        run_once(base, NULL);
    }
    long r = 0, maxr = 0;
    int ok = 1;
    for (int i = 0; i < runs; i++) {
        a[i] = run_once(ours, &r);
        maxr = r > maxr ? r : maxr;
        b[i] = run_once(base, NULL);
        if (a[i] < 0 || b[i] < 0)
            ok = 0;
    }
    if (ok)
        add(name, pct(a, (size_t)runs, 0.5), pct(b, (size_t)runs, 0.5), base_name, "ms (median)");
    else
        fprintf(stderr, "bench: %s: a command failed (is %s installed?)\n", name, base[0]);
    if (rss)
        *rss = maxr;
    free(a);
    free(b);
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
    sqlite3_prepare_v2(db, "INSERT INTO codes(code,class,phrase,status,spec,summary,cacheable,resend) VALUES (?1,?2,?3,'standard','gen',?4,'no','no')", -1, &c, NULL);
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

static void tui_bench(const char *bin, int rounds, const char *db_path)
{
    double *first = calloc((size_t)rounds, sizeof *first);
    double keys[512];
    size_t nk = 0;
    static const char typed[] = "/captive portal";
    for (int r = 0; r < rounds; r++) {
        struct winsize ws = {30, 100, 0, 0};
        int fd;
        double t0 = now_ms();
        pid_t pid = forkpty(&fd, NULL, NULL, &ws);
        if (pid == 0) {
            setenv("TERM", "xterm-256color", 1);
            setenv("LANG", "C.UTF-8", 1);
            if (db_path)
                execl(bin, bin, "--db", db_path, (char *)NULL);
            else
                execl(bin, bin, (char *)NULL);
            _exit(127);
        }
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
        if (write(fd, "\033", 1) != 1 || write(fd, "q", 1) != 1)
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
        free(first);
        return;
    }
    add("browser: start to first frame", pct(first, (size_t)rounds, 0.5), 30, "target 30 ms", "ms (median)");
    if (nk) {
        double p50 = pct(keys, nk, 0.5), p99 = pct(keys, nk, 0.99);
        add("browser: key to redraw, live search, p50", p50, 16.7, "one 60 Hz frame", "ms");
        add("browser: key to redraw, live search, p99", p99, 16.7, "one 60 Hz frame", "ms");
    }
    free(first);
}

int main(int argc, char **argv)
{
    quick = argc > 1 && strcmp(argv[1], "--quick") == 0;
    if (argc > 2 && strcmp(argv[1], "--generate") == 0)
        return generate("db/schema.sql", argv[2], 50000) == 0 ? 0 : 1;   /* for profiling by hand */
    int runs = quick ? 20 : 200;
    const char *bin = "./httpstatus";
    char tmpl[] = "/tmp/hs-bench-XXXXXX";
    if (!mkdtemp(tmpl)) {
        perror("mkdtemp");
        return 2;
    }
    char out404[256], cmd[1024];
    snprintf(out404, sizeof out404, "%s/404.txt", tmpl);
    snprintf(cmd, sizeof cmd, "%s 404 > %s", bin, out404);
    if (system(cmd) != 0) {
        fprintf(stderr, "bench: %s does not run\n", bin);
        return 2;
    }

    long rss_lookup = 0, rss_search = 0, rss_compare = 0;
    char *lookup[] = {(char *)bin, "404", NULL};
    char *cat404[] = {"cat", out404, NULL};
    process_pair("httpstatus 404", lookup, cat404, "cat of its output", runs, &rss_lookup);
    char *py[] = {"python3", "-c", "import http; s=http.HTTPStatus(404); print(s.value, s.phrase, s.description)", NULL};
    process_pair("httpstatus 404 vs python3", lookup, py, "python3 http.HTTPStatus", runs / 4 + 1, NULL);

    char outsearch[256];
    snprintf(outsearch, sizeof outsearch, "%s/search.txt", tmpl);
    snprintf(cmd, sizeof cmd, "%s search captive portal > %s", bin, outsearch);
    if (system(cmd) == 0) {
        char *search[] = {(char *)bin, "search", "captive", "portal", NULL};
        char *catsearch[] = {"cat", outsearch, NULL};
        process_pair("httpstatus search captive portal", search, catsearch, "cat of its output", runs, &rss_search);
        char *sq[] = {"sqlite3", "db/httpstatus.db",
                      "SELECT rowid, snippet(search,-1,'[',']','...',12) FROM search WHERE search MATCH '\"captive\" \"portal\"' ORDER BY bm25(search,10,8,3,1,4) LIMIT 20", NULL};
        process_pair("httpstatus search vs sqlite3 shell", search, sq, "sqlite3 shell, same FTS5 query", runs, NULL);
    }
    char outcmp[256];
    snprintf(outcmp, sizeof outcmp, "%s/compare.txt", tmpl);
    snprintf(cmd, sizeof cmd, "%s compare 302 303 307 > %s", bin, outcmp);
    if (system(cmd) == 0) {
        char *cmp[] = {(char *)bin, "compare", "302", "303", "307", NULL};
        char *catcmp[] = {"cat", outcmp, NULL};
        process_pair("httpstatus compare 302 303 307", cmp, catcmp, "cat of its output", runs, &rss_compare);
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
    if (access(big, R_OK) == 0)
        tui_bench(bin, quick ? 2 : 5, big);

    struct stat sb;
    stat(bin, &sb);
    struct stat dbs;
    stat("db/httpstatus.db", &dbs);

    printf("\n%-46s %12s %12s %8s  %s\n", "figure", "ours", "baseline", "ratio", "baseline is");
    for (int i = 0; i < n_figures; i++) {
        const struct figure *f = &figures[i];
        printf("%-46s %9.3f ms %9.3f ms %7.2fx  %s\n", f->name, f->ours, f->base, f->ours / f->base, f->base_name);
    }
    printf("%-46s %9.1f MB   (lookup), %.1f MB (search), %.1f MB (compare)\n", "peak memory (max RSS), CLI",
           rss_lookup / 1024.0, rss_search / 1024.0, rss_compare / 1024.0);
    printf("%-46s %9.1f MB   (bundled database, after a live search)\n", "peak memory (max RSS), browser", rss_browser / 1024.0);
    printf("%-46s %9.1f KB   (database inside it: %.1f KB)\n", "binary size", sb.st_size / 1024.0, dbs.st_size / 1024.0);
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpl);
    if (system(cmd) != 0)
        return 1;
    return 0;
}
