/* data_stmt.c — running statements for the data files: the statement cache, the runner
 * that binds every value and releases the statement on every path, the one reader of
 * database text (db_col), and the helpers the row callbacks share (growing arrays,
 * reading a list entry). */
#include "data_int.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "text.h"

/* ---- statements ---------------------------------------------------------------------- */

/* A prepared statement for sql (a literal of the data files), from the cache when possible.
 * Release it with release(): cached ones are reset, others finalized. */
static int prepare(struct hs_db *db, const char *sql, sqlite3_stmt **st)
{
    int free_slot = -1;
    for (int i = 0; i < STMT_CACHE; i++) {
        if (db->cache[i].sql == sql) {
            *st = db->cache[i].st;
            return SQLITE_OK;
        }
        if (!db->cache[i].sql && free_slot < 0)
            free_slot = i;
    }
    int rc = sqlite3_prepare_v3(db->conn, sql, -1, free_slot >= 0 ? SQLITE_PREPARE_PERSISTENT : 0, st, NULL);
    if (rc == SQLITE_OK && free_slot >= 0) {
        db->cache[free_slot].sql = sql;
        db->cache[free_slot].st = *st;
    }
    return rc;
}

static void release(struct hs_db *db, sqlite3_stmt *st)
{
    if (!st)
        return;
    for (int i = 0; i < STMT_CACHE; i++)
        if (db->cache[i].st == st) {
            sqlite3_reset(st);
            sqlite3_clear_bindings(st);
            return;
        }
    sqlite3_finalize(st);
}

/* Prepare sql, bind ints as ?1..?n_ints and then texts as the following parameters, run it,
 * call fn per row. Releases the statement on every path. HS_NOTFOUND when no row. */
enum hs_status db_run_texts(struct hs_db *db, const char *sql, const int *ints, int n_ints,
                                const char *const *texts, int n_texts, db_row_fn fn, void *arg)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(db, sql, &st);
    for (int i = 0; rc == SQLITE_OK && i < n_ints; i++)
        rc = sqlite3_bind_int(st, i + 1, ints[i]);
    for (int i = 0; rc == SQLITE_OK && i < n_texts; i++)
        rc = sqlite3_bind_text(st, n_ints + i + 1, texts[i], -1, SQLITE_STATIC);
    if (rc != SQLITE_OK) {
        release(db, st);
        return db_fail(db, rc);
    }
    enum hs_status s = HS_NOTFOUND;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        enum hs_status r = fn(st, arg);
        if (r != HS_OK) {
            release(db, st);
            return r == HS_ENOMEM ? db_nomem(db) : r;
        }
        s = HS_OK;
    }
    release(db, st);
    if (rc != SQLITE_DONE)
        return db_fail(db, rc);
    return s;
}

enum hs_status db_run(struct hs_db *db, const char *sql, const int *ints, int n_ints,
                          const char *text, db_row_fn fn, void *arg)
{
    return db_run_texts(db, sql, ints, n_ints, &text, text ? 1 : 0, fn, arg);
}

/* ---- the one reader of database text -------------------------------------------------- */

/* Every string the data layer hands out is read here, and made clean here (txt_clean): a
 * crafted --db file can hold any bytes in any column, and no caller has to remember that. */
static char *col_clean(sqlite3_stmt *st, int i, int multiline, int *ok)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    if (!t && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM) {
        *ok = 0;
        return NULL;
    }
    size_t len = t ? (size_t)sqlite3_column_bytes(st, i) : 0;
    if (!t)
        t = "";
    /* One pass: cleaning never makes text more than three times longer (an invalid byte
     * becomes U+FFFD, three bytes), so that much room is taken first and the rest given
     * back. Small texts keep their room: giving back costs more than it saves. */
    if (len > ((size_t)-1 - 1) / 3) {
        *ok = 0;
        return NULL;
    }
    char *s = db_malloc(len * 3 + 1);
    if (!s) {
        *ok = 0;
        return NULL;
    }
    size_t n = txt_clean(s, t, len, multiline);
    if (len > 256 && n + 1 < len * 3 + 1) {
        char *r = db_realloc(s, n + 1);
        if (r)
            s = r;
    }
    return s;
}

char *db_col(sqlite3_stmt *st, int i, int *ok)
{
    return col_clean(st, i, 0, ok);
}

char *db_col_lines(sqlite3_stmt *st, int i, int *ok)
{
    return col_clean(st, i, 1, ok);
}

const char *db_peek(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    return t ? t : "";
}

const unsigned char *db_arg(sqlite3_value *v)
{
    return sqlite3_value_text(v);
}

void *db_vec_push(struct vec *a)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 8;
        void *v = db_realloc(a->v, cap * a->size);
        if (!v)
            return NULL;
        a->v = v;
        a->cap = cap;
    }
    void *item = (char *)a->v + a->n * a->size;
    memset(item, 0, a->size);
    a->n++;
    return item;
}

static char status_char(const char *s)
{
    switch (s[0]) {
    case 'u': return 'u';
    case 'o': return 'o';
    case 'r': return 'r';
    case 't': return 'T';   /* temporary (an IANA temporary registration) */
    default: return 's';
    }
}

int db_read_entry(sqlite3_stmt *st, int base, struct hs_entry *e)
{
    int ok = 1;
    e->code = sqlite3_column_int(st, base);
    e->klass = sqlite3_column_int(st, base + 1);
    e->top10 = sqlite3_column_int(st, base + 2);
    e->status = status_char(db_peek(st, base + 3));
    e->phrase = db_col(st, base + 4, &ok);
    e->summary = db_col(st, base + 5, &ok);
    return ok;
}

void db_entry_free(struct hs_entry *e)
{
    free(e->phrase);
    free(e->summary);
}

