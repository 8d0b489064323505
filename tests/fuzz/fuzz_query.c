/* libFuzzer harness: the search query builder. Property: whatever the bytes, the query
 * it builds is accepted by SQLite's FTS5 (MATCH never returns an error), and it never
 * crashes or leaks. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

#include "query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static sqlite3 *db;
static sqlite3_stmt *st;

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
    int lo, hi;
    if (query_code_range((const char *)data, size, &lo, &hi) && (lo < 100 || hi > 599 || lo > hi))
        abort();
    return 0;
}
