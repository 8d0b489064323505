/* Unit tests for the data layer against the embedded database: lookups, lists, ranking
 * of everyday questions, suggestions, groups, refusal of foreign files, and
 * out-of-memory at every SQLite allocation. */
#include <errno.h>
#include <stdio.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "testutil.h"

#include "data.h"
#include "query.h"

#define HS_STR_(x) #x
#define HS_STR(x) HS_STR_(x)

static struct hs_db *db;

static int setup(void **state)
{
    (void)state;
    char *err = NULL;
    if (hsdb_open_embedded(&db, &err) != HS_OK) {
        fprintf(stderr, "open: %s\n", err);
        free(err);
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    hsdb_close(db);
    return 0;
}

static void test_code_lookup(void **state)
{
    (void)state;
    struct hs_code *c;
    assert_int_equal(hsdb_code(db, 404, &c), HS_OK);
    assert_int_equal(c->e.code, 404);
    assert_int_equal(c->e.klass, 4);
    assert_string_equal(c->e.phrase, "Not Found");
    assert_int_equal(c->e.status, 's');
    assert_true(c->e.top10);
    assert_string_equal(c->class_title, "Client Error");
    assert_string_equal(c->cacheable, "yes");
    assert_true(c->n_sections >= 4);
    assert_string_equal(c->sections[0].kind, "rest");
    int has_410 = 0;
    for (size_t i = 0; i < c->n_related; i++)
        has_410 |= c->related[i].code == 410 && strcmp(c->related[i].phrase, "Gone") == 0;
    assert_true(has_410);
    hs_code_free(c);
    assert_int_equal(hsdb_code(db, 299, &c), HS_NOTFOUND);
    assert_null(c);
}

static void test_current_phrases_and_aliases(void **state)
{
    (void)state;
    struct hs_code *c;
    assert_int_equal(hsdb_code(db, 413, &c), HS_OK);
    assert_string_equal(c->e.phrase, "Content Too Large");
    int payload = 0;
    for (size_t i = 0; i < c->n_aliases; i++)
        payload |= strcmp(c->aliases[i], "Payload Too Large") == 0;
    assert_true(payload);
    hs_code_free(c);
    assert_int_equal(hsdb_code(db, 499, &c), HS_OK);
    assert_int_equal(c->e.status, 'u');
    int nginx = 0, arcgis = 0;
    for (size_t i = 0; i < c->n_vendors; i++) {
        nginx |= strstr(c->vendors[i], "nginx") != NULL;
        arcgis |= strstr(c->vendors[i], "ArcGIS") != NULL;
    }
    assert_true(nginx && arcgis);
    hs_code_free(c);
}

static void test_list_and_class(void **state)
{
    (void)state;
    struct hs_entries l;
    assert_int_equal(hsdb_list(db, HS_ALL_CLASSES, &l), HS_OK);
    assert_int_equal(l.v[0].code, 0);       /* 000 comes first */
    assert_true(l.n >= 85);
    for (size_t i = 1; i < l.n; i++)
        assert_true(l.v[i - 1].code < l.v[i].code);
    hs_entries_free(&l);
    assert_int_equal(hsdb_list(db, 1, &l), HS_OK);
    assert_int_equal(l.n, 6);                /* 100-104, and 122 (unofficial) */
    assert_int_equal(l.v[3].code, 103);
    assert_int_equal(l.v[4].code, 104);
    assert_int_equal(l.v[5].code, 122);
    hs_entries_free(&l);
    struct hs_class *k;
    assert_int_equal(hsdb_class(db, 3, &k), HS_OK);
    assert_string_equal(k->title, "Redirection");
    assert_true(k->n_sections >= 1);
    hs_class_free(k);
    assert_int_equal(hsdb_class(db, 9, &k), HS_NOTFOUND);
}

/* Everyday questions and the code a person expects first. */
static const struct {
    const char *query;
    int first;
    int prefix;
} ranking[] = {
    {"not found", 404, 0},
    {"teapot", 418, 0},
    {"too many requests", 429, 0},
    {"404", 404, 0},
    {"40", 400, 0},
    {"5xx", 500, 0},
    {"captiv", 511, 1},
    {"captive portal", 511, 0},
    {"payload too large", 413, 0},
    {"unprocessable entity", 422, 0},
    {"gateway timeout", 504, 0},
    {"bad gateway", 502, 0},
    {"legal reasons", 451, 0},
    {"early hints", 103, 0},
    {"method not allowed", 405, 0},
    {"moved permanently", 301, 0},
    {"see other", 303, 0},
    {"unauthorized", 401, 0},
    {"forbidden", 403, 0},
    {"conflict", 409, 0},
    {"client closed request", 499, 0},
    {"enhance your calm", 420, 0},
    {"precondition required", 428, 0},
    {"internal server error", 500, 0},
    {"service unavailable", 503, 0},
    {"continue", 100, 0},
    {"no content", 204, 0},
    {"partial content", 206, 0},
    {"Request-URI Too Long", 414, 0},
    {"misdirected", 421, 0},
};

static void test_ranking_everyday_questions(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ranking / sizeof ranking[0]; i++) {
        struct hs_hits h;
        enum hs_status s = hsdb_search(db, ranking[i].query, strlen(ranking[i].query), ranking[i].prefix, 10, &h);
        if (s != HS_OK)
            fail_msg("'%s': status %d", ranking[i].query, s);
        if (h.v[0].e.code != ranking[i].first)
            fail_msg("'%s': first hit %d, expected %d", ranking[i].query, h.v[0].e.code, ranking[i].first);
        hs_hits_free(&h);
    }
}

static void test_stemming_and_snippets(void **state)
{
    (void)state;
    struct hs_hits h;
    assert_int_equal(hsdb_search(db, "redirecting", 11, 0, 20, &h), HS_OK);
    int any3xx = 0;
    for (size_t i = 0; i < h.n && i < 5; i++)
        any3xx |= h.v[i].e.klass == 3;
    assert_true(any3xx);
    hs_hits_free(&h);
    /* A match in the text is marked; a name that holds every word shows the summary. */
    assert_int_equal(hsdb_search(db, "captive portal", 14, 0, 20, &h), HS_OK);
    assert_int_equal(h.v[0].e.code, 511);
    assert_non_null(strchr(h.v[0].snippet, '\x01'));
    hs_hits_free(&h);
    assert_int_equal(hsdb_search(db, "too many requests", 17, 0, 20, &h), HS_OK);
    assert_int_equal(h.v[0].e.code, 429);
    assert_non_null(strstr(h.v[0].snippet, "wait"));
    hs_hits_free(&h);
    assert_int_equal(hsdb_search(db, "zzzqqqxx", 8, 0, 20, &h), HS_NOTFOUND);
    assert_int_equal(h.n, 0);
    /* Limits are honoured. */
    assert_int_equal(hsdb_search(db, "the", 3, 0, 3, &h), HS_OK);
    assert_int_equal(h.n, 3);
    hs_hits_free(&h);
}

static void test_hostile_search_never_errors(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "AND", "NOT", "-foo", "x:", "*", "\"", "C++", "HTTP/1.1", "don't", "NEAR(a b)", ")(", "^",
        "phrase:found", "\xFF\xFE", "\"a", "OR OR OR", "4x4", "999", "0",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        for (int p = 0; p <= 1; p++) {
            struct hs_hits h;
            enum hs_status s = hsdb_search(db, inputs[i], strlen(inputs[i]), p, 20, &h);
            if (s != HS_OK && s != HS_NOTFOUND)
                fail_msg("'%s' gave status %d: %s", inputs[i], s, hsdb_error(db));
            hs_hits_free(&h);
        }
    }
}

static void test_suggestions(void **state)
{
    (void)state;
    char *s;
    /* Only real words people use (names, aliases, summaries, the vocabulary), one word
     * for one: "cors" never becomes "core", "CORS preflight" never "core flight". */
    enum hs_status st = hsdb_suggest(db, "cors", &s);
    if (st == HS_OK)
        assert_null(strstr(s, "core"));
    free(s);
    st = hsdb_suggest(db, "CORS preflight", &s);
    if (st == HS_OK) {
        assert_null(strstr(s, "core"));
        assert_null(strstr(s, "flight "));
        assert_int_equal(strchr(s, ' ') - s, 4);     /* still two words */
    }
    free(s);
    assert_int_equal(hsdb_suggest(db, "forbiden", &s), HS_OK);
    assert_string_equal(s, "forbidden");
    free(s);
    assert_int_equal(hsdb_suggest(db, "too many requests", &s), HS_NOTFOUND);   /* nothing misspelt */
    assert_null(s);
    assert_int_equal(hsdb_suggest(db, "captve", &s), HS_OK);
    assert_string_equal(s, "captive");
    free(s);
    assert_int_equal(hsdb_suggest(db, "too mnay requests", &s), HS_OK);
    assert_string_equal(s, "too many requests");
    free(s);
    assert_int_equal(hsdb_suggest(db, "qqqqqqqqqqqqqqqq", &s), HS_NOTFOUND);
    assert_null(s);
}

/* Issue 12: when no code holds every word, the codes holding most of them, flagged. */
static void test_fallback_to_closest_matches(void **state)
{
    (void)state;
    struct hs_hits h;
    assert_int_equal(hsdb_search(db, "too many requests", 17, 0, 20, &h), HS_OK);
    assert_false(h.partial);                  /* a code holds every word */
    assert_int_equal(h.v[0].e.code, 429);
    hs_hits_free(&h);
    assert_int_equal(hsdb_search(db, "teapot zzzqqqxx", 15, 0, 20, &h), HS_OK);
    assert_true(h.partial);                   /* nothing holds the second word */
    assert_int_equal(h.v[0].e.code, 418);
    hs_hits_free(&h);
    assert_false(h.partial);                  /* hs_hits_free clears it */
    /* The words: no code says "nginx" with "bad gateway"; the name comes first. */
    assert_int_equal(hsdb_search(db, "bad gateway nginx", 17, 0, 20, &h), HS_OK);
    assert_true(h.partial);
    assert_int_equal(h.v[0].e.code, 502);
    hs_hits_free(&h);
    assert_int_equal(hsdb_search(db, "bad gateway nginx zzzqqqxx", 26, 0, 20, &h), HS_OK);
    assert_true(h.partial);
    int has502 = 0;
    for (size_t i = 0; i < h.n && i < 3; i++)
        has502 |= h.v[i].e.code == 502;
    assert_true(has502);
    hs_hits_free(&h);
    /* A misspelt word is read as its correction, and the hits say which (the same as
     * hsdb_suggest, so the command line does not ask again). */
    assert_int_equal(hsdb_search(db, "captve", 6, 0, 20, &h), HS_OK);
    assert_true(h.partial);
    assert_string_equal(h.suggestion, "captive");
    hs_hits_free(&h);
    assert_null(h.suggestion);
    /* While typing too. */
    assert_int_equal(hsdb_search(db, "teapot zzzqqqxx", 15, 1, 20, &h), HS_OK);
    assert_true(h.partial);
    hs_hits_free(&h);
    /* Nothing at all: not found, not partial. */
    assert_int_equal(hsdb_search(db, "zzzqqqxx qqqzzzyy", 17, 0, 20, &h), HS_NOTFOUND);
    assert_false(h.partial);
}

/* Question phrasing is left out, a misspelt word is read as its correction, and a code
 * named by number comes first. */
static void test_questions_misspellings_and_numbers(void **state)
{
    (void)state;
    static const struct {
        const char *query;
        int first;
        int partial;
    } cases[] = {
        {"what status code for too many requests", 429, 0},
        {"forbiden", 403, 1},
        {"gatway timeout", 504, 1},
        {"401 vs 403", 401, 0},
        {"ALB 460 client closed connection", 460, -1},
        {"which 3xx code says fetch the result with GET", 303, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct hs_hits h;
        enum hs_status s = hsdb_search(db, cases[i].query, strlen(cases[i].query), 0, 20, &h);
        if (s != HS_OK)
            fail_msg("'%s': status %d", cases[i].query, s);
        if (h.v[0].e.code != cases[i].first)
            fail_msg("'%s': first hit %d, expected %d", cases[i].query, h.v[0].e.code, cases[i].first);
        if (cases[i].partial >= 0 && h.partial != cases[i].partial)
            fail_msg("'%s': partial %d, expected %d", cases[i].query, h.partial, cases[i].partial);
        hs_hits_free(&h);
    }
    /* "100 seconds" is a duration, not code 100. */
    struct hs_hits h;
    assert_int_equal(hsdb_search(db, "origin took too long 100 seconds", 32, 0, 20, &h), HS_OK);
    assert_int_not_equal(h.v[0].e.code, 100);
    hs_hits_free(&h);
}

/* A header field the query names ranks the codes that send or require it first, MUST
 * before SHOULD before MAY, from the header_rules table (here a copy of the database with
 * rules of its own, so that the test does not depend on the header files). */
static void test_header_rules_rank_first(void **state)
{
    (void)state;
    char dir[] = "/tmp/hs-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256], cmd[700];
    snprintf(path, sizeof path, "%s/rules.db", dir);
    snprintf(cmd, sizeof cmd, "cp db/httpstatus.db '%s'", path);
    assert_int_equal(system(cmd), 0);
    sqlite3 *s;
    assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
    assert_int_equal(sqlite3_exec(s, "DELETE FROM header_rules; DELETE FROM headers;"
                                     "INSERT INTO headers VALUES ('Retry-After', 'x', 'x', 'x');"
                                     "INSERT INTO header_rules VALUES ('Retry-After', 1, 301, 'MAY', 'x');"
                                     "INSERT INTO header_rules VALUES ('Retry-After', 2, 413, 'SHOULD', 'x');"
                                     "INSERT INTO header_rules VALUES ('Retry-After', 3, 499, 'MUST', 'x');",
                                  NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(s);
    struct hs_db *o;
    char *err = NULL;
    assert_int_equal(hsdb_open_file(path, &o, &err), HS_OK);
    static const char *const queries[] = {"Retry-After", "retry-after header", "Retry-After:"};
    for (size_t q = 0; q < 3; q++) {
        struct hs_hits h;
        assert_int_equal(hsdb_search(o, queries[q], strlen(queries[q]), 0, 20, &h), HS_OK);
        assert_true(h.n >= 3);
        /* 499 is not standard: the standard codes with a rule come first, by level. */
        assert_int_equal(h.v[0].e.code, 413);
        assert_int_equal(h.v[1].e.code, 301);
        assert_int_equal(h.v[2].e.code, 499);
        hs_hits_free(&h);
    }
    /* "retry after" as words is not a header name: no rule tier. */
    struct hs_hits h;
    assert_int_equal(hsdb_search(o, "retry after", 11, 0, 20, &h), HS_OK);
    assert_int_not_equal(h.v[0].e.code, 413);
    hs_hits_free(&h);
    hsdb_close(o);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void test_groups(void **state)
{
    (void)state;
    struct hs_group *g;
    size_t n;
    assert_int_equal(hsdb_groups_of(db, 302, &g, &n), HS_OK);
    assert_int_equal(n, 1);
    assert_string_equal(g[0].name, "redirects");
    assert_int_equal(g[0].n, 5);
    assert_int_equal(g[0].codes[0], 301);
    assert_int_equal(g[0].codes[4], 308);
    hs_groups_free(g, n);
    assert_int_equal(hsdb_groups_of(db, 226, &g, &n), HS_OK);
    assert_int_equal(n, 0);
    hs_groups_free(g, n);
}

static void test_headers_and_names(void **state)
{
    (void)state;
    struct hs_header *h;
    assert_int_equal(hsdb_header(db, "retry-after", &h), HS_OK);   /* any case */
    assert_string_equal(h->name, "Retry-After");
    assert_true(h->n_rules >= 2);
    int saw_503 = 0;
    for (size_t i = 0; i < h->n_rules; i++) {
        if (h->rules[i].code == 503)
            saw_503 = 1;
        assert_true(strcmp(h->rules[i].level, "MUST") == 0 || strcmp(h->rules[i].level, "SHOULD") == 0 ||
                    strcmp(h->rules[i].level, "MAY") == 0 || strcmp(h->rules[i].level, "USUALLY") == 0);
    }
    assert_true(saw_503);
    hs_header_free(h);
    assert_int_equal(hsdb_header(db, "X-No-Such", &h), HS_NOTFOUND);
    assert_null(h);
    struct hs_header *all;
    size_t n;
    assert_int_equal(hsdb_header_list(db, &all, &n), HS_OK);
    assert_true(n >= 10);
    hs_headers_free(all, n);

    int *codes;
    assert_int_equal(hsdb_codes_named(db, "NOT FOUND", &codes, &n), HS_OK);
    assert_true(n >= 1);   /* the phrase first; a vocabulary name may add another */
    assert_int_equal(codes[0], 404);
    free(codes);
    assert_int_equal(hsdb_codes_named(db, "payload too large", &codes, &n), HS_OK);
    assert_int_equal(codes[0], 413);
    free(codes);
    assert_int_equal(hsdb_codes_named(db, "no such name at all", &codes, &n), HS_NOTFOUND);

    struct hs_entries l;
    assert_int_equal(hsdb_list(db, 0, &l), HS_OK);          /* class 0 is 000 alone */
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].code, 0);
    hs_entries_free(&l);
    struct hs_code *c;
    assert_int_equal(hsdb_code(db, 413, &c), HS_OK);
    int old = 0;
    for (size_t i = 0; i < c->n_consts; i++)
        if (strcmp(c->consts[i].lang, "python") == 0)
            old = strstr(c->consts[i].old, "REQUEST_ENTITY_TOO_LARGE") != NULL;
    assert_true(old);
    hs_code_free(c);
}

static void test_budget_stops_work(void **state)
{
    (void)state;
    struct hs_hits h;
    hsdb_set_budget(db, 1);
    enum hs_status s = hsdb_search(db, "the", 3, 1, 200, &h);
    assert_int_equal(s, HS_EBUDGET);
    hsdb_set_budget(db, 0);
    assert_int_equal(hsdb_search(db, "the", 3, 1, 200, &h), HS_OK);
    hs_hits_free(&h);
}

static void test_refuses_foreign_and_broken_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/hs-test-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    struct hs_db *o;
    char *err;

    snprintf(path, sizeof path, "%s/missing.db", dir);
    assert_int_equal(hsdb_open_file(path, &o, &err), HS_EDB);
    assert_non_null(strstr(err, "missing.db"));
    free(err);

    assert_int_equal(hsdb_open_file(dir, &o, &err), HS_EDB);
    assert_non_null(strstr(err, "directory"));
    free(err);

    snprintf(path, sizeof path, "%s/empty.db", dir);
    FILE *f = fopen(path, "w");
    fclose(f);
    assert_int_equal(hsdb_open_file(path, &o, &err), HS_EDB);
    assert_non_null(strstr(err, "empty"));
    free(err);

    snprintf(path, sizeof path, "%s/garbage.db", dir);
    f = fopen(path, "w");
    for (int i = 0; i < 5000; i++)
        fputc((i * 7919) & 0xFF, f);
    fclose(f);
    assert_int_equal(hsdb_open_file(path, &o, &err), HS_EDB);
    assert_non_null(strstr(err, "garbage.db"));
    free(err);

    snprintf(path, sizeof path, "%s/foreign.db", dir);
    sqlite3 *s;
    assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
    assert_int_equal(sqlite3_exec(s, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(s);
    assert_int_equal(hsdb_open_file(path, &o, &err), HS_EDB);
    assert_non_null(strstr(err, "not an httpstatus database"));
    free(err);

    snprintf(path, sizeof path, "%s/newer.db", dir);
    assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
    assert_int_equal(sqlite3_exec(s, "PRAGMA application_id = 1213485908; PRAGMA user_version = 99; CREATE TABLE t(x);", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(s);
    assert_int_equal(hsdb_open_file(path, &o, &err), HS_EDB);
    assert_non_null(strstr(err, "newer"));
    free(err);

    snprintf(path, sizeof path, "%s/ours-but-empty.db", dir);
    assert_int_equal(sqlite3_open(path, &s), SQLITE_OK);
    assert_int_equal(sqlite3_exec(s, "PRAGMA application_id = 1213485908; PRAGMA user_version = " HS_STR(HSDB_SCHEMA_VERSION) "; CREATE TABLE t(x);", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(s);
    assert_int_equal(hsdb_open_file(path, &o, &err), HS_EDB);
    assert_non_null(strstr(err, "damaged or incomplete"));
    free(err);

    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

/* ---- out of memory: fail the Nth allocation (SQLite's, the data layer's or the query builder's), for every N until a run succeeds --- */

static sqlite3_mem_methods real_mem;
static long countdown = -1;   /* allocations left before failing; -1: never fail */
static int failed_once;

static int should_fail(void)
{
    if (countdown < 0)
        return 0;
    if (countdown == 0) {
        failed_once = 1;
        countdown = -1;      /* one failure per run: the paths after it must recover */
        return 1;
    }
    countdown--;
    return 0;
}

static void *oom_malloc(int n)
{
    return should_fail() ? NULL : real_mem.xMalloc(n);
}

static void *oom_realloc(void *p, int n)
{
    return should_fail() ? NULL : real_mem.xRealloc(p, n);
}

/* One run of a path under the failure counter: open (0: embedded, 1: the built file),
 * look up a code and search. */
static enum hs_status oom_run(int path)
{
    struct hs_db *d = NULL;
    char *err = NULL;
    enum hs_status s = path ? hsdb_open_file("db/httpstatus.db", &d, &err) : hsdb_open_embedded(&d, &err);
    if (s == HS_OK) {
        struct hs_code *c = NULL;
        s = hsdb_code(d, 404, &c);
        hs_code_free(c);
        if (s == HS_OK) {
            struct hs_hits h;
            s = hsdb_search(d, "captive portal", 14, 1, 20, &h);
            if (s == HS_OK)
                hs_hits_free(&h);
        }
        if (s == HS_OK) {
            /* The fallback: a misspelt word, a word nothing holds, the closest matches. */
            struct hs_hits h;
            s = hsdb_search(d, "captve portal zzzq", 18, 0, 20, &h);
            if (s == HS_OK)
                hs_hits_free(&h);
        }
        hsdb_close(d);
    } else {
        assert_null(d);
        if (s != HS_ENOMEM)
            assert_non_null(err);   /* with memory gone even the message may be missing */
        free(err);
    }
    return s;
}

static void test_out_of_memory_everywhere(void **state)
{
    (void)state;
    hsdb_close(db);
    db = NULL;
    assert_int_equal(sqlite3_shutdown(), SQLITE_OK);
    assert_int_equal(sqlite3_config(SQLITE_CONFIG_GETMALLOC, &real_mem), SQLITE_OK);
    sqlite3_mem_methods m = real_mem;
    m.xMalloc = oom_malloc;
    m.xRealloc = oom_realloc;
    assert_int_equal(sqlite3_config(SQLITE_CONFIG_MALLOC, &m), SQLITE_OK);
    assert_int_equal(sqlite3_initialize(), SQLITE_OK);
    hsdb_set_alloc_failure(should_fail);   /* ours count down on the same counter */
    /* Even runs open the embedded database, odd runs the built file (copied into memory and
     * checked whole), so both open paths meet failure points. A run first counts the
     * allocations of each path; every point of the first DENSE is failed, then points are
     * taken at a stride that keeps each path near SAMPLES runs: opening the file runs an
     * integrity check over every page, and failing each of its tens of thousands of
     * allocations one by one would take longer than the whole test suite. */
    enum { DENSE = 400, SAMPLES = 900 };
    long total[2];
    for (int path = 0; path < 2; path++) {
        countdown = LONG_MAX;
        failed_once = 0;
        assert_int_equal(oom_run(path), HS_OK);
        total[path] = LONG_MAX - countdown;
    }
    long n = 0;
    int completed = 0;
    int completed_file = 0;
    for (int path = 0; path < 2; path++) {
        long stride = total[path] > DENSE ? (total[path] - DENSE) / (SAMPLES - DENSE) + 1 : 1;
        long last = total[path] + 64;   /* past the end: a run with no failure left */
        for (long point = 0; point <= last; n++) {
            countdown = point;
            failed_once = 0;
            enum hs_status s = oom_run(path);
            /* A failed allocation is reported as out of memory: never a crash, a wrong OK,
             * or a good file called corrupt or unusable. */
            if (s != HS_OK)
                assert_int_equal(s, HS_ENOMEM);
            if (!failed_once && s == HS_OK) {
                if (path)
                    completed_file = 1;
                else
                    completed = 1;
                break;
            }
            long next = point < DENSE ? point + 1 : point + stride;
            point = point < last && next > last ? last : next;
        }
    }
    countdown = -1;
    /* The query builder's allocations are among those that failed: out of memory there is
     * an error value too (NULL and ENOMEM, never an exit). */
    countdown = 0;
    errno = 0;
    assert_null(query_build("captive portal", 14, 1));
    assert_int_equal(errno, ENOMEM);
    countdown = -1;
    hsdb_set_alloc_failure(NULL);
    assert_true(completed);
    assert_true(completed_file);
    assert_true(n > 100);      /* it really went through many allocation points */
    assert_int_equal(sqlite3_shutdown(), SQLITE_OK);
    assert_int_equal(sqlite3_config(SQLITE_CONFIG_MALLOC, &real_mem), SQLITE_OK);
    assert_int_equal(sqlite3_initialize(), SQLITE_OK);
    char *err = NULL;
    assert_int_equal(hsdb_open_embedded(&db, &err), HS_OK);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_lookup),
        cmocka_unit_test(test_current_phrases_and_aliases),
        cmocka_unit_test(test_list_and_class),
        cmocka_unit_test(test_ranking_everyday_questions),
        cmocka_unit_test(test_stemming_and_snippets),
        cmocka_unit_test(test_hostile_search_never_errors),
        cmocka_unit_test(test_suggestions),
        cmocka_unit_test(test_fallback_to_closest_matches),
        cmocka_unit_test(test_questions_misspellings_and_numbers),
        cmocka_unit_test(test_header_rules_rank_first),
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_headers_and_names),
        cmocka_unit_test(test_budget_stops_work),
        cmocka_unit_test(test_refuses_foreign_and_broken_files),
        cmocka_unit_test(test_out_of_memory_everywhere),
    };
    return cmocka_run_group_tests_name("data", tests, setup, teardown);
}
