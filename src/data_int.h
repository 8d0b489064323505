/* data_int.h — what the data files share, and nothing outside them may include: the
 * connection, the allocation hooks, errors, and the statement runner. Together,
 * the src/data_*.c files (open, statements, records, search, headers, names, scenarios) are
 * the data layer (data.h), and with progress.c (the learner's own file) the only code that
 * includes sqlite3.h.
 *
 * Memory: the data files use db_malloc and its siblings (which a test can make fail) and
 * report HS_ENOMEM, so an allocation failure during open or query is an error value, never
 * an exit or a leak. Statements: every prepare has its release on every path (db_run). */
#ifndef HS_DATA_INT_H
#define HS_DATA_INT_H

#include <stddef.h>

#include <sqlite3.h>

#include "data.h"

#define STMT_CACHE 48

struct hs_db {
    sqlite3 *conn;
    struct {
        const char *sql;     /* a string literal of the data files: compared by address */
        sqlite3_stmt *st;
    } cache[STMT_CACHE];     /* prepared statements, kept until hsdb_close */
    char *name;          /* "the built-in database" or the file name */
    char *err;           /* last error message, owned */
    long budget;         /* progress handler ticks allowed per call; 0 = unlimited */
    long ticks;
    int standard_only;   /* the list functions see only standard codes */
    int ranker;          /* data_search.c's FTS5 functions are registered */
};

/* ---- data_open.c ---- */

/* The allocators of the data files: NULL when out of memory (or when the test's failure
 * hook says so). Free with free(). */
void *db_malloc(size_t n);
void *db_calloc(size_t n, size_t size);
void *db_realloc(void *p, size_t n);
/* A formatted or copied string (NULL: "" for db_dup), or NULL when out of memory. */
char *db_fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
char *db_dup(const char *s);

/* Record an error for hsdb_error() and map the SQLite code to our status. */
enum hs_status db_fail(struct hs_db *db, int rc);
enum hs_status db_nomem(struct hs_db *db);
/* Every public call starts its work budget afresh. */
void db_start_call(struct hs_db *db);

/* ---- data_stmt.c ---- */

/* Row callback: returns HS_OK to go on, anything else stops with that status. */
typedef enum hs_status (*db_row_fn)(sqlite3_stmt *st, void *arg);

/* Prepare sql (a string literal: cached by its address), bind ints as ?1..?n_ints and then
 * texts as the following parameters, run it, call fn per row. Releases the statement on
 * every path. HS_NOTFOUND when no row. db_run takes one text (or NULL: none). */
enum hs_status db_run_texts(struct hs_db *db, const char *sql, const int *ints, int n_ints,
                            const char *const *texts, int n_texts, db_row_fn fn, void *arg);
enum hs_status db_run(struct hs_db *db, const char *sql, const int *ints, int n_ints,
                      const char *text, db_row_fn fn, void *arg);

/* Column i as text, cleaned (text.h, txt_clean): no control or escape sequence, no control,
 * bidi, zero-width or other format character, valid UTF-8; "" for NULL. db_col makes one
 * line of it (newlines become spaces); db_col_lines keeps the newlines of multi-line text
 * (section bodies). A copy the caller frees; on failure NULL and *ok = 0.
 * The rule: every string the data layer returns is made by one of these two. Nothing else
 * in the data files reads a text column (tests/e2e/inject_all.sh checks it). */
char *db_col(sqlite3_stmt *st, int i, int *ok);
char *db_col_lines(sqlite3_stmt *st, int i, int *ok);
/* The raw text of column i ("" for NULL), valid until the next step: for comparing only
 * (a status word, "ok", a distance), never to keep or return. */
const char *db_peek(sqlite3_stmt *st, int i);
/* The text of a value passed to one of our SQL functions (the ranker's arguments, made by
 * the query builder and never shown), or NULL. */
const unsigned char *db_arg(sqlite3_value *v);

/* A growable array of fixed-size items, for the row callbacks. */
struct vec {
    void *v;
    size_t n, cap, size;
};
/* A new zeroed item at the end, or NULL when out of memory. */
void *db_vec_push(struct vec *a);

/* Columns 0..5: code, class, top10, status, phrase, summary. */
#define ENTRY_COLS "c.code, c.class, c.top10, c.status, c.phrase, c.summary"
/* Read ENTRY_COLS from column base on; 0 when out of memory. */
int db_read_entry(sqlite3_stmt *st, int base, struct hs_entry *e);
void db_entry_free(struct hs_entry *e);

#endif
