/* libFuzzer harness: the search query builder. Property: whatever the bytes, the query
 * it builds is accepted by SQLite's FTS5 (MATCH never returns an error), and it never
 * crashes or leaks. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *db;
static sqlite3_stmt *st;

static void check(const char *q)
{
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW) {
        fprintf(stderr, "query '%s' refused: %s\n", q, sqlite3_errmsg(db));
        abort();
    }
    sqlite3_reset(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!db) {
        if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
            sqlite3_exec(db, "CREATE VIRTUAL TABLE s USING fts5(a, b, tokenize='porter unicode61 remove_diacritics 2');"
                             "INSERT INTO s VALUES('Not Found', 'captive portal too many requests');",
                         NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_prepare_v2(db, "SELECT count(*) FROM s WHERE s MATCH ?1", -1, &st, NULL) != SQLITE_OK)
            abort();
    }
    for (int prefix = 0; prefix <= 1; prefix++) {
        char *q = query_build((const char *)data, size, prefix);
        if (!q)
            continue;
        sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW) {
            fprintf(stderr, "query '%s' refused: %s\n", q, sqlite3_errmsg(db));
            abort();
        }
        sqlite3_reset(st);
        free(q);
    }
    /* The other builders: the name phrase (also under a column filter), and the live form
     * whose last word data_search.c expands as  BASE AND ("w1" OR "w2").  */
    for (int prefix = 0; prefix <= 1; prefix++) {
        char *p = query_phrase((const char *)data, size, prefix);
        if (p) {
            check(p);
            size_t n = strlen(p) + 32;
            char *f = malloc(n);
            snprintf(f, n, "{a} : %s", p);
            check(f);
            free(f);
            free(p);
        }
    }
    char *last = NULL;
    char *base = query_split_last((const char *)data, size, &last);
    if (base) {
        check(base);
        size_t n = strlen(base) + 64;
        char *f = malloc(n);
        snprintf(f, n, "%s AND (\"found\" OR \"portal\")", base);
        check(f);
        free(f);
    }
    free(base);
    free(last);
    /* Snippets of the input around its own words never crash or run past it. */
    char *text = malloc(size + 1);
    memcpy(text, data, size);
    text[size] = '\0';
    char **words;
    size_t nw = query_words((const char *)data, size, &words);
    char *snip = query_snippet(text, words, nw, 1 + (int)(size % 20));
    if (snip && strlen(snip) > 2 * size + 64)
        abort();
    free(snip);
    for (size_t i = 0; i < nw; i++)
        free(words[i]);
    free(words);
    free(text);
    int lo, hi;
    if (query_code_range((const char *)data, size, &lo, &hi) && (lo < 100 || hi > 599 || lo > hi))
        abort();
    return 0;
}
