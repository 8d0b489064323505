/* eval.c — search quality over the judged query set (tests/search/judged.tsv, issue 12).
 *
 * Every judged query goes through the real search (hsdb_search, in process, on the
 * database built into the program or --db FILE) as the command line runs it, and is scored:
 *   top-1  the first hit is one of the query's best codes;
 *   top-3  one of the first three hits is a best or an acceptable code;
 *   MRR    mean of 1/rank of the first best code (0 when none is among the hits);
 *   empty  the search returned nothing at all.
 * It prints the figures, then every query whose first hit is not a best code, with what
 * came first. With --check NAME=FLOOR... it also prints one PASS/FAIL line per floor and
 * exits 1 when a figure is below its floor (tests/e2e/search_quality.sh).
 *
 *   build/search-eval [--db FILE] [--judged FILE] [--live] [--quiet] [--speed] [--check top1=0.8 ...]
 *
 * --live scores the search as the browser runs it while typing (the last word a prefix).
 * --budget caps the work of each search as the browser does (hsdb_set_budget); a search
 * stopped by it counts as finding nothing.
 * --speed prints only the time per query (for a database whose answers are not judged,
 * like the generated 50,000-entry one). Times are CPU time of the calling thread, which a
 * busy machine disturbs less than wall time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "data.h"

#define MAX_CODES 16
#define LIMIT 20
#define ROUNDS 5

struct judged {
    char *query;
    int best[MAX_CODES], n_best;
    int ok[MAX_CODES], n_ok;      /* acceptable codes */
    int line;
};

static int parse_codes(char *s, int *v, int max)
{
    int n = 0;
    for (char *t = strtok(s, " "); t; t = strtok(NULL, " ")) {
        char *end;
        long c = strtol(t, &end, 10);
        if (*end || c < 0 || c > 999 || n == max)
            return -1;
        v[n++] = (int)c;
    }
    return n;
}

/* Reads the judged set; returns the count, or -1 with a message. Caller frees. */
static int load(const char *path, struct judged **out)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        perror(path);
        return -1;
    }
    size_t cap = 256, n = 0;
    struct judged *v = calloc(cap, sizeof *v);
    char line[4096];
    int lineno = 0;
    while (v && fgets(line, sizeof line, f)) {
        lineno++;
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *cols[4] = {line, NULL, NULL, NULL};
        for (int i = 1; i < 4; i++) {
            char *tab = cols[i - 1] ? strchr(cols[i - 1], '\t') : NULL;
            if (tab) {
                *tab = '\0';
                cols[i] = tab + 1;
            }
        }
        if (!cols[1]) {
            fprintf(stderr, "%s:%d: expected query<TAB>best<TAB>acceptable<TAB>source\n", path, lineno);
            fclose(f);
            free(v);
            return -1;
        }
        if (n == cap) {
            cap *= 2;
            struct judged *nv = realloc(v, cap * sizeof *v);
            if (!nv)
                break;
            v = nv;
        }
        struct judged *j = &v[n];
        memset(j, 0, sizeof *j);
        j->line = lineno;
        j->query = strdup(cols[0]);
        j->n_best = parse_codes(cols[1], j->best, MAX_CODES);
        j->n_ok = cols[2] ? parse_codes(cols[2], j->ok, MAX_CODES) : 0;
        if (!j->query || j->n_best <= 0 || j->n_ok < 0) {
            fprintf(stderr, "%s:%d: bad codes\n", path, lineno);
            fclose(f);
            free(v);
            return -1;
        }
        n++;
    }
    fclose(f);
    if (!v)
        return -1;
    *out = v;
    return (int)n;
}

static int in(int code, const int *v, int n)
{
    for (int i = 0; i < n; i++)
        if (v[i] == code)
            return 1;
    return 0;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);   /* CPU time: steady on a busy machine */
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void codes_str(char *buf, size_t cap, const int *v, int n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && len + 8 < cap; i++)
        len += (size_t)snprintf(buf + len, cap - len, "%s%03d", i ? " " : "", v[i]);
}

int main(int argc, char **argv)
{
    const char *db_path = NULL, *judged_path = "tests/search/judged.tsv";
    int live = 0, quiet = 0, speed = 0, n_checks = 0;
    long budget = 0;
    const char *checks[8];
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
            db_path = argv[++i];
        else if (strcmp(argv[i], "--judged") == 0 && i + 1 < argc)
            judged_path = argv[++i];
        else if (strcmp(argv[i], "--live") == 0)
            live = 1;
        else if (strcmp(argv[i], "--quiet") == 0)
            quiet = 1;
        else if (strcmp(argv[i], "--speed") == 0)
            speed = 1;
        else if (strcmp(argv[i], "--budget") == 0 && i + 1 < argc)
            budget = atol(argv[++i]);
        else if (strcmp(argv[i], "--check") == 0)
            while (i + 1 < argc && argv[i + 1][0] != '-' && n_checks < 8)
                checks[n_checks++] = argv[++i];
        else {
            fprintf(stderr, "usage: search-eval [--db FILE] [--judged FILE] [--live] [--quiet] [--speed] [--budget STEPS] [--check top1=F top3=F mrr=F empty=N]\n");
            return 2;
        }
    }
    struct judged *j;
    int n = load(judged_path, &j);
    if (n <= 0) {
        fprintf(stderr, "search-eval: no judged queries in %s\n", judged_path);
        return 2;
    }
    struct hs_db *db;
    char *err;
    enum hs_status os = db_path ? hsdb_open_file(db_path, &db, &err) : hsdb_open_embedded(&db, &err);
    if (os != HS_OK) {
        fprintf(stderr, "search-eval: %s\n", err);
        free(err);
        return 2;
    }
    if (budget > 0)
        hsdb_set_budget(db, budget);
    int top1 = 0, top3 = 0, empty = 0;
    double rr = 0;
    double *ms = calloc((size_t)n * ROUNDS, sizeof *ms);
    char *report = NULL;
    size_t report_len = 0;
    FILE *rep = open_memstream(&report, &report_len);
    if (!ms || !rep)
        return 2;
    for (int q = 0; q < n; q++) {
        struct hs_hits h = {NULL, 0, 0, NULL};
        enum hs_status s = hsdb_search(db, j[q].query, strlen(j[q].query), live, LIMIT, &h);
        if (s == HS_EBUDGET) {
            fprintf(stderr, "search-eval: '%s': stopped by the budget\n", j[q].query);
            s = HS_NOTFOUND;
        }
        if (s != HS_OK && s != HS_NOTFOUND) {
            fprintf(stderr, "search-eval: '%s': %s\n", j[q].query, hsdb_error(db));
            return 2;
        }
        int first_best = 0, in3 = 0;
        for (size_t k = 0; k < h.n; k++) {
            int c = h.v[k].e.code;
            if (!first_best && in(c, j[q].best, j[q].n_best))
                first_best = (int)k + 1;
            if (k < 3 && (in(c, j[q].best, j[q].n_best) || in(c, j[q].ok, j[q].n_ok)))
                in3 = 1;
        }
        top1 += first_best == 1;
        top3 += in3;
        empty += h.n == 0;
        rr += first_best ? 1.0 / first_best : 0;
        if (first_best != 1) {
            char want[128], got[256];
            codes_str(want, sizeof want, j[q].best, j[q].n_best);
            size_t gl = 0;
            got[0] = '\0';
            for (size_t k = 0; k < h.n && k < 3; k++)
                gl += (size_t)snprintf(got + gl, sizeof got - gl, "%s%03d %s", k ? ", " : "", h.v[k].e.code, h.v[k].e.phrase);
            char rank[8] = "-";
            if (first_best)
                snprintf(rank, sizeof rank, "%d", first_best);
            fprintf(rep, "  %-5s %-44.44s want %-11s rank %-3s got %s\n", in3 ? "top3" : h.n ? "miss" : "EMPTY",
                    j[q].query, want, rank, h.n ? got : "(nothing)");
        }
        hs_hits_free(&h);
    }
    fclose(rep);
    /* Time: every query ROUNDS times over, after the pass above warmed the caches. */
    int slowest = 0;
    double slowest_ms = 0;
    for (int r = 0; r < ROUNDS; r++)
        for (int q = 0; q < n; q++) {
            struct hs_hits h = {NULL, 0, 0, NULL};
            double t0 = now_ms();
            enum hs_status s = hsdb_search(db, j[q].query, strlen(j[q].query), live, LIMIT, &h);
            double t = now_ms() - t0;
            ms[r * n + q] = t;
            if (s == HS_OK)
                hs_hits_free(&h);
            if (t > slowest_ms) {
                slowest_ms = t;
                slowest = q;
            }
        }
    hsdb_close(db);
    /* The queries slowest in their median round, to say where the time goes. */
    double med[ROUNDS], slow_med[3] = {0, 0, 0};
    int slow_at[3] = {0, 0, 0};
    for (int q = 0; q < n; q++) {
        for (int r = 0; r < ROUNDS; r++)
            med[r] = ms[r * n + q];
        qsort(med, ROUNDS, sizeof med[0], cmp_double);
        double m = med[ROUNDS / 2];
        for (int w = 0; w < 3; w++)
            if (m > slow_med[w]) {
                for (int v = 2; v > w; v--) {
                    slow_med[v] = slow_med[v - 1];
                    slow_at[v] = slow_at[v - 1];
                }
                slow_med[w] = m;
                slow_at[w] = q;
                break;
            }
    }
    char slow_q[64];
    snprintf(slow_q, sizeof slow_q, "%s", j[slowest].query);
    int nt = n * ROUNDS;
    qsort(ms, (size_t)nt, sizeof *ms, cmp_double);
    double f1 = (double)top1 / n, f3 = (double)top3 / n, mrr = rr / n;
    const char *how = live ? "as typed in the browser, last word a prefix" : "as the command line searches";
    if (speed)
        printf("search speed, %d judged queries on %s (%s):\n", n, db_path ? db_path : "the built-in database", how);
    else {
        printf("search quality over %d judged queries (%s, %s):\n", n, judged_path, how);
        printf("  top-1 %.3f (%d)   top-3 %.3f (%d)   MRR %.3f   empty %d\n", f1, top1, f3, top3, mrr, empty);
    }
    printf("  CPU time per query (%d rounds): p50 %.3f ms, p99 %.3f ms, max %.3f ms ('%s')\n", ROUNDS, ms[nt / 2],
           ms[(int)(0.99 * (nt - 1) + 0.5)], ms[nt - 1], slow_q);
    printf("  slowest by median:");
    for (int w = 0; w < 3 && w < n; w++)
        printf("%s '%.40s' %.3f ms", w ? "," : "", j[slow_at[w]].query, slow_med[w]);
    printf("\n");
    if (!quiet && !speed && report_len) {
        printf("queries whose first hit is not a best code (top3: a right code in the first three):\n");
        fputs(report, stdout);
    }
    free(report);
    free(ms);
    int failed = 0;
    for (int c = 0; c < n_checks; c++) {
        char name[32];
        double floor;
        if (sscanf(checks[c], "%31[^=]=%lf", name, &floor) != 2) {
            fprintf(stderr, "search-eval: --check wants NAME=VALUE, not '%s'\n", checks[c]);
            return 2;
        }
        double got;
        int at_most = 0;
        if (strcmp(name, "top1") == 0)
            got = f1;
        else if (strcmp(name, "top3") == 0)
            got = f3;
        else if (strcmp(name, "mrr") == 0)
            got = mrr;
        else if (strcmp(name, "empty") == 0) {
            got = empty;
            at_most = 1;
        } else {
            fprintf(stderr, "search-eval: unknown figure '%s' (top1, top3, mrr, empty)\n", name);
            return 2;
        }
        int ok = at_most ? got <= floor : got >= floor;
        if (ok)
            printf("PASS: search quality: %s %.3f %s %.3f\n", name, got, at_most ? "at most" : "at least", floor);
        else
            printf("FAIL: search quality: %s is %.3f, %s %.3f\n", name, got, at_most ? "allowed at most" : "floor", floor);
        failed |= !ok;
    }
    for (int q = 0; q < n; q++)
        free(j[q].query);
    free(j);
    return failed;
}
