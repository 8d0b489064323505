/* data.c — see data.h. The only file that includes sqlite3.h.
 *
 * Memory: this module uses the plain malloc family and reports HS_ENOMEM, so that an
 * allocation failure during open or query is an error value, never an exit or a leak.
 * Statements: every prepare has its finalize on every path (see run() and the callers). */
#include "data.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "query.h"
#include "util.h"

#define STMT_CACHE 48

struct hs_db {
    sqlite3 *conn;
    struct {
        const char *sql;     /* a string literal of this file: compared by address */
        sqlite3_stmt *st;
    } cache[STMT_CACHE];     /* prepared statements, kept until hsdb_close */
    char *name;          /* "the built-in database" or the file name */
    char *err;           /* last error message, owned */
    long budget;         /* progress handler ticks allowed per call; 0 = unlimited */
    long ticks;
};

extern const unsigned char hs_db_blob[];
extern const unsigned char hs_db_blob_end[];

#define PROGRESS_STEPS 1000

/* Every allocation of this module goes through these, so a test can make any of them fail
 * (hsdb_set_alloc_failure) together with SQLite's own (SQLITE_CONFIG_MALLOC). */
static int (*alloc_should_fail)(void);

void hsdb_set_alloc_failure(int (*should_fail)(void))
{
    alloc_should_fail = should_fail;
}

static void *dmalloc(size_t n)
{
    if (alloc_should_fail && alloc_should_fail())
        return NULL;
    return malloc(n);
}

static void *dcalloc(size_t n, size_t size)
{
    if (alloc_should_fail && alloc_should_fail())
        return NULL;
    return calloc(n, size);
}

static void *drealloc(void *p, size_t n)
{
    if (alloc_should_fail && alloc_should_fail())
        return NULL;
    return realloc(p, n);
}

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = dmalloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, f);
    vsnprintf(s, (size_t)n + 1, f, ap);
    va_end(ap);
    return s;
}

static char *dup(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    char *p = dmalloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

/* Record an error for hsdb_error() and map the SQLite code to our status. */
static enum hs_status fail(struct hs_db *db, int rc)
{
    free(db->err);
    db->err = NULL;
    switch (rc & 0xFF) {
    case SQLITE_NOMEM:
        db->err = fmt("out of memory reading %s", db->name);
        return HS_ENOMEM;
    case SQLITE_INTERRUPT:
        db->err = fmt("the search took too long and was stopped");
        return HS_EBUDGET;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        db->err = fmt("%s is corrupt", db->name);
        return HS_EDB;
    default:
        db->err = fmt("%s is unusable (%s)", db->name, sqlite3_errstr(rc));
        return HS_EDB;
    }
}

static enum hs_status nomem(struct hs_db *db)
{
    return fail(db, SQLITE_NOMEM);
}

static int progress(void *arg)
{
    struct hs_db *db = arg;
    if (db->budget <= 0)
        return 0;
    return ++db->ticks > db->budget;
}

void hsdb_set_budget(struct hs_db *db, long steps)
{
    db->budget = steps > 0 ? (steps + PROGRESS_STEPS - 1) / PROGRESS_STEPS : 0;
}

static void start_call(struct hs_db *db)
{
    db->ticks = 0;
}

const char *hsdb_error(const struct hs_db *db)
{
    return db && db->err ? db->err : "unknown error";
}

static int pragma_int(sqlite3 *conn, const char *sql, int *value)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(conn, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *value = sqlite3_column_int(st, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        *value = 0;
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* Shared checks after the connection exists: defensive settings, then ours? which
 * version? Returns HS_OK or an error with db->err set. */
static enum hs_status check_db(struct hs_db *db, int deep)
{
    sqlite3 *c = db->conn;
    int rc, appid = 0, version = 0;
    sqlite3_db_config(c, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    sqlite3_db_config(c, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
    sqlite3_db_config(c, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)0);
    sqlite3_db_config(c, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)0);
    sqlite3_limit(c, SQLITE_LIMIT_LENGTH, 16 * 1024 * 1024);
    sqlite3_limit(c, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(c, SQLITE_LIMIT_ATTACHED, 0);
    rc = pragma_int(c, "PRAGMA application_id", &appid);
    if (rc != SQLITE_OK) {
        if ((rc & 0xFF) == SQLITE_NOTADB) {
            free(db->err);
            db->err = fmt("%s is not a database (or is corrupt)", db->name);
            return HS_EDB;
        }
        return fail(db, rc);
    }
    rc = pragma_int(c, "PRAGMA user_version", &version);
    if (rc != SQLITE_OK)
        return fail(db, rc);
    if ((unsigned)appid != HSDB_APPLICATION_ID) {
        int tables = 0;
        rc = pragma_int(c, "SELECT count(*) FROM sqlite_schema", &tables);
        if (rc != SQLITE_OK)
            return fail(db, rc);
        free(db->err);
        db->err = tables == 0 ? fmt("%s is an empty database, not an httpstatus database", db->name)
                              : fmt("%s is not an httpstatus database (it belongs to another program)", db->name);
        return db->err ? HS_EDB : HS_ENOMEM;
    }
    if (version != HSDB_SCHEMA_VERSION) {
        free(db->err);
        db->err = version > HSDB_SCHEMA_VERSION
                      ? fmt("%s was made by a newer httpstatus (schema %d; this program reads %d)", db->name, version, HSDB_SCHEMA_VERSION)
                      : fmt("%s was made by an older httpstatus (schema %d; this program reads %d)", db->name, version, HSDB_SCHEMA_VERSION);
        return db->err ? HS_EDB : HS_ENOMEM;
    }
    if (deep == 2) {
        sqlite3_stmt *st;
        rc = sqlite3_prepare_v2(c, "PRAGMA quick_check", -1, &st, NULL);
        if (rc != SQLITE_OK)
            return fail(db, rc);
        rc = sqlite3_step(st);
        int ok = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return fail(db, rc);
        if (!ok)
            return fail(db, SQLITE_CORRUPT);
    }
    if (deep) {
        /* Touch every table we read, the full-text index included. */
        /* Touch every table we read, the full-text index included: one row each, so
         * opening costs the same whatever the size of the file. */
        static const char *const probes[] = {
            "SELECT count(*) FROM (SELECT 1 FROM codes JOIN classes USING (class) LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM sections LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM related LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM aliases LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM vendors LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM constants LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM group_codes JOIN groups ON groups.id = group_id LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH 'the OR a OR status' LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM vocab LIMIT 1)",
            NULL,
        };

        for (int i = 0; probes[i]; i++) {
            int n;
            rc = pragma_int(c, probes[i], &n);
            if (rc != SQLITE_OK) {
                enum hs_status s = fail(db, rc);
                if (s == HS_EDB && (rc & 0xFF) == SQLITE_ERROR) {
                    free(db->err);
                    db->err = fmt("%s is damaged or incomplete (a table is missing or broken)", db->name);
                }
                return s;
            }
        }
        /* A file of ordinary size also has the doclists of its commonest words read
         * through (quick_check cannot see inside the full-text index). */
        if (deep == 2) {
            int n;
            rc = pragma_int(c, "SELECT count(*) FROM search WHERE search MATCH 'the OR a OR status OR not OR found'", &n);
            if (rc != SQLITE_OK)
                return fail(db, rc);      /* the tables exist: this is damage */
        }
    }
    sqlite3_progress_handler(c, PROGRESS_STEPS, progress, db);
    return HS_OK;
}

static enum hs_status finish_open(struct hs_db *db, enum hs_status s, struct hs_db **out, char **err)
{
    if (s == HS_OK) {
        *out = db;
        return HS_OK;
    }
    *err = db->err ? db->err : dup("out of memory");
    db->err = NULL;
    hsdb_close(db);
    return s;
}

enum hs_status hsdb_open_embedded(struct hs_db **out, char **err)
{
    *out = NULL;
    *err = NULL;
    struct hs_db *db = dcalloc(1, sizeof *db);
    if (!db) {
        *err = dup("out of memory");
        return HS_ENOMEM;
    }
    db->name = dup("the built-in database");
    if (!db->name)
        return finish_open(db, HS_ENOMEM, out, err);
    int rc = sqlite3_open_v2(":memory:", &db->conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK)
        return finish_open(db, fail(db, rc), out, err);
    sqlite3_int64 size = (sqlite3_int64)(hs_db_blob_end - hs_db_blob);
    /* The blob lives in read-only memory: SQLITE_DESERIALIZE_READONLY promises SQLite
     * never writes to it, and no FREEONCLOSE since we do not own it. */
    rc = sqlite3_deserialize(db->conn, "main", (unsigned char *)hs_db_blob, size, size,
                             SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK)
        return finish_open(db, fail(db, rc), out, err);
    return finish_open(db, check_db(db, 0), out, err);
}

/* Files up to this size are copied into memory and fully checked at open. */
#define SMALL_DB (16 * 1024 * 1024)

/* Read a whole file into memory from sqlite3_malloc64 (for sqlite3_deserialize). */
static enum hs_status read_whole(const char *path, unsigned char **buf, sqlite3_int64 *size, char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = fmt("cannot open database %s: %s", path, strerror(errno));
        return *err ? HS_EDB : HS_ENOMEM;
    }
    sqlite3_int64 cap = 1 << 16, n = 0;
    unsigned char *b = sqlite3_malloc64((sqlite3_uint64)cap);
    while (b) {
        size_t got = fread(b + n, 1, (size_t)(cap - n), f);
        n += (sqlite3_int64)got;
        if (n < cap)
            break;
        if (cap >= SMALL_DB * 2) {
            break;
        }
        unsigned char *nb = sqlite3_realloc64(b, (sqlite3_uint64)cap * 2);
        if (!nb) {
            sqlite3_free(b);
            b = NULL;
            break;
        }
        b = nb;
        cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!b)
        return HS_ENOMEM;
    if (bad) {
        sqlite3_free(b);
        *err = fmt("cannot read database %s", path);
        return *err ? HS_EDB : HS_ENOMEM;
    }
    *buf = b;
    *size = n;
    return HS_OK;
}

enum hs_status hsdb_open_file(const char *path, struct hs_db **out, char **err)
{
    *out = NULL;
    *err = NULL;
    struct stat sb;
    if (stat(path, &sb) != 0) {
        *err = fmt("cannot open database %s: %s", path, strerror(errno));
        return *err ? HS_EDB : HS_ENOMEM;
    }
    if (S_ISDIR(sb.st_mode)) {
        *err = fmt("%s is a directory, not a database", path);
        return *err ? HS_EDB : HS_ENOMEM;
    }
    if (sb.st_size == 0) {
        *err = fmt("%s is an empty file, not an httpstatus database", path);
        return *err ? HS_EDB : HS_ENOMEM;
    }
    struct hs_db *db = dcalloc(1, sizeof *db);
    if (!db) {
        *err = dup("out of memory");
        return HS_ENOMEM;
    }
    db->name = dup(path);
    if (!db->name)
        return finish_open(db, HS_ENOMEM, out, err);
    if (sb.st_size > SMALL_DB) {
        /* A very large file (a generated test database) is read in place, read-only; it
         * gets the table probes, and any damage found later is reported by the statement
         * that meets it. */
        int rc = sqlite3_open_v2(path, &db->conn, SQLITE_OPEN_READONLY, NULL);
        if (rc != SQLITE_OK) {
            if (!db->conn)
                return finish_open(db, HS_ENOMEM, out, err);
            free(db->err);
            db->err = fmt("cannot open database %s: %s", path, sqlite3_errmsg(db->conn));
            return finish_open(db, HS_EDB, out, err);
        }
        return finish_open(db, check_db(db, 1), out, err);
    }
    /* A file of ordinary size is copied into memory (the file itself is only read) so
     * that every check can run on it: PRAGMA quick_check for the pages, and FTS5's own
     * integrity-check, which compares the full-text index with the text and needs a
     * writable database. After the checks the copy is made query-only. */
    unsigned char *buf = NULL;
    sqlite3_int64 size = 0;
    enum hs_status rs = read_whole(path, &buf, &size, &db->err);
    if (rs != HS_OK)
        return finish_open(db, rs, out, err);
    int rc = sqlite3_open_v2(":memory:", &db->conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_free(buf);
        return finish_open(db, fail(db, rc), out, err);
    }
    /* FREEONCLOSE: SQLite owns buf from here, even when deserialize fails. */
    rc = sqlite3_deserialize(db->conn, "main", buf, size, size,
                             SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK)
        return finish_open(db, fail(db, rc), out, err);
    enum hs_status s = check_db(db, 2);
    if (s == HS_OK) {
        static const char *const checks[] = {
            "INSERT INTO search(search, rank) VALUES('integrity-check', 0)",
            "INSERT INTO words(words, rank) VALUES('integrity-check', 0)",
            "PRAGMA query_only = 1",
            NULL,
        };
        for (int i = 0; checks[i] && s == HS_OK; i++) {
            rc = sqlite3_exec(db->conn, checks[i], NULL, NULL, NULL);
            if (rc != SQLITE_OK) {
                s = fail(db, rc);
                if (s == HS_EDB) {
                    free(db->err);
                    db->err = fmt("%s is corrupt (its full-text index does not match its text)", db->name);
                    if (!db->err)
                        s = HS_ENOMEM;
                }
            }
        }
    }
    return finish_open(db, s, out, err);
}

void hsdb_close(struct hs_db *db)
{
    if (!db)
        return;
    for (int i = 0; i < STMT_CACHE; i++)
        sqlite3_finalize(db->cache[i].st);
    sqlite3_close(db->conn);
    free(db->name);
    free(db->err);
    free(db);
}

/* ---- statements ---------------------------------------------------------------------- */

/* Row callback: returns HS_OK to go on, anything else stops with that status. */
typedef enum hs_status (*row_fn)(sqlite3_stmt *st, void *arg);

/* Prepare sql, bind ints as ?1..?n_ints and then texts as the following parameters, run it,
 * call fn per row. Finalizes on every path. HS_NOTFOUND when no row. */
/* A prepared statement for sql (a literal of this file), from the cache when possible.
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
static enum hs_status run_texts(struct hs_db *db, const char *sql, const int *ints, int n_ints,
                                const char *const *texts, int n_texts, row_fn fn, void *arg)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare(db, sql, &st);
    for (int i = 0; rc == SQLITE_OK && i < n_ints; i++)
        rc = sqlite3_bind_int(st, i + 1, ints[i]);
    for (int i = 0; rc == SQLITE_OK && i < n_texts; i++)
        rc = sqlite3_bind_text(st, n_ints + i + 1, texts[i], -1, SQLITE_STATIC);
    if (rc != SQLITE_OK) {
        release(db, st);
        return fail(db, rc);
    }
    enum hs_status s = HS_NOTFOUND;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        enum hs_status r = fn(st, arg);
        if (r != HS_OK) {
            release(db, st);
            return r == HS_ENOMEM ? nomem(db) : r;
        }
        s = HS_OK;
    }
    release(db, st);
    if (rc != SQLITE_DONE)
        return fail(db, rc);
    return s;
}

static enum hs_status run(struct hs_db *db, const char *sql, const int *ints, int n_ints,
                          const char *text, row_fn fn, void *arg)
{
    return run_texts(db, sql, ints, n_ints, &text, text ? 1 : 0, fn, arg);
}

static char *col(sqlite3_stmt *st, int i, int *ok)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    if (!t && sqlite3_errcode(sqlite3_db_handle(st)) == SQLITE_NOMEM) {
        *ok = 0;
        return NULL;
    }
    char *s = dup((const char *)t);
    if (!s)
        *ok = 0;
    return s;
}

/* A growable array of fixed-size items, for the row callbacks. */
struct vec {
    void *v;
    size_t n, cap, size;
};

static void *vec_push(struct vec *a)
{
    if (a->n == a->cap) {
        size_t cap = a->cap ? a->cap * 2 : 8;
        void *v = drealloc(a->v, cap * a->size);
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
    if (!s)
        return 's';
    switch (s[0]) {
    case 'u': return 'u';
    case 'o': return 'o';
    case 'r': return 'r';
    default: return 's';
    }
}

/* Columns 0..5: code, class, top10, status, phrase, summary. */
#define ENTRY_COLS "c.code, c.class, c.top10, c.status, c.phrase, c.summary"

static int read_entry(sqlite3_stmt *st, int base, struct hs_entry *e)
{
    int ok = 1;
    e->code = sqlite3_column_int(st, base);
    e->klass = sqlite3_column_int(st, base + 1);
    e->top10 = sqlite3_column_int(st, base + 2);
    e->status = status_char((const char *)sqlite3_column_text(st, base + 3));
    e->phrase = col(st, base + 4, &ok);
    e->summary = col(st, base + 5, &ok);
    return ok;
}

static void entry_free(struct hs_entry *e)
{
    free(e->phrase);
    free(e->summary);
}

static enum hs_status list_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_entry *e = vec_push(a);
    if (!e)
        return HS_ENOMEM;
    return read_entry(st, 0, e) ? HS_OK : HS_ENOMEM;
}

void hs_entries_free(struct hs_entries *l)
{
    for (size_t i = 0; i < l->n; i++)
        entry_free(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

enum hs_status hsdb_list(struct hs_db *db, int klass, struct hs_entries *out)
{
    struct vec a = {NULL, 0, 0, sizeof(struct hs_entry)};
    int args[1] = {klass};
    start_call(db);
    enum hs_status s = run(db, klass ? "SELECT " ENTRY_COLS " FROM codes c WHERE c.class = ?1 ORDER BY c.code"
                                     : "SELECT " ENTRY_COLS " FROM codes c ORDER BY c.code",
                           args, klass ? 1 : 0, NULL, list_row, &a);
    out->v = a.v;
    out->n = a.n;
    if (s != HS_OK && s != HS_NOTFOUND)
        hs_entries_free(out);
    return s;
}

static enum hs_status count_row(sqlite3_stmt *st, void *arg)
{
    size_t *counts = arg;
    int k = sqlite3_column_int(st, 0);
    if (k >= 1 && k <= 5)
        counts[k] = (size_t)sqlite3_column_int64(st, 1);
    return HS_OK;
}

enum hs_status hsdb_class_counts(struct hs_db *db, size_t counts[6])
{
    memset(counts, 0, 6 * sizeof counts[0]);
    start_call(db);
    enum hs_status s = HS_OK;
    for (int k = 1; k <= 5 && s == HS_OK; k++) {
        int args[1] = {k};
        /* One count per class over the (class, code) index. */
        s = run(db, "SELECT class, count(*) FROM codes WHERE class = ?1", args, 1, NULL, count_row, counts);
        if (s == HS_NOTFOUND)
            s = HS_OK;
    }
    return s;
}

enum hs_status hsdb_list_page(struct hs_db *db, int klass, size_t offset, size_t n, struct hs_entries *out)
{
    struct vec a = {NULL, 0, 0, sizeof(struct hs_entry)};
    int args[3] = {klass, (int)(n > 100000 ? 100000 : n), (int)(offset > 100000000 ? 100000000 : offset)};
    start_call(db);
    enum hs_status s = run(db, "SELECT " ENTRY_COLS " FROM codes c WHERE c.class = ?1 ORDER BY c.code LIMIT ?2 OFFSET ?3",
                           args, 3, NULL, list_row, &a);
    out->v = a.v;
    out->n = a.n;
    if (s != HS_OK && s != HS_NOTFOUND)
        hs_entries_free(out);
    return s;
}

struct position {
    int klass;
    size_t index;
};

static enum hs_status position_row(sqlite3_stmt *st, void *arg)
{
    struct position *p = arg;
    p->klass = sqlite3_column_int(st, 0);
    p->index = (size_t)sqlite3_column_int64(st, 1);
    return HS_OK;
}

enum hs_status hsdb_code_position(struct hs_db *db, int code, int *klass, size_t *index)
{
    struct position p = {0, 0};
    int args[1] = {code};
    start_call(db);
    enum hs_status s = run(db, "SELECT c.class, (SELECT count(*) FROM codes d WHERE d.class = c.class AND d.code < c.code) "
                               "FROM codes c WHERE c.code = ?1", args, 1, NULL, position_row, &p);
    *klass = p.klass;
    *index = p.index;
    return s;
}

static enum hs_status first_row(sqlite3_stmt *st, void *arg)
{
    *(int *)arg = sqlite3_column_int(st, 0);
    return HS_OK;
}

enum hs_status hsdb_first_code(struct hs_db *db, int lo, int hi, int *code)
{
    int args[2] = {lo, hi};
    *code = 0;
    start_call(db);
    return run(db, "SELECT code FROM codes WHERE code BETWEEN ?1 AND ?2 ORDER BY code LIMIT 1", args, 2, NULL, first_row, code);
}

/* ---- one code -------------------------------------------------------------------------- */

static enum hs_status code_row(sqlite3_stmt *st, void *arg)
{
    struct hs_code *c = arg;
    int ok = read_entry(st, 0, &c->e);
    c->spec = col(st, 6, &ok);
    c->cacheable = col(st, 7, &ok);
    c->permanence = col(st, 8, &ok);
    c->method = col(st, 9, &ok);
    c->headers = col(st, 10, &ok);
    c->resend = col(st, 11, &ok);
    c->class_title = col(st, 12, &ok);
    c->use_when = col(st, 13, &ok);
    c->not_when = col(st, 14, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

static enum hs_status section_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_section *s = vec_push(a);
    if (!s)
        return HS_ENOMEM;
    int ok = 1;
    s->kind = col(st, 0, &ok);
    s->source = col(st, 1, &ok);
    s->body = col(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

static enum hs_status string_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    char **s = vec_push(a);
    if (!s)
        return HS_ENOMEM;
    int ok = 1;
    *s = col(st, 0, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

static enum hs_status link_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_link *l = vec_push(a);
    if (!l)
        return HS_ENOMEM;
    int ok = 1;
    l->code = sqlite3_column_int(st, 0);
    l->phrase = col(st, 1, &ok);
    l->reason = col(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

static enum hs_status const_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_const *k = vec_push(a);
    if (!k)
        return HS_ENOMEM;
    int ok = 1;
    k->lang = col(st, 0, &ok);
    k->name = col(st, 1, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

/* Run a list query into vec; HS_NOTFOUND (no rows) counts as success. */
static enum hs_status run_list(struct hs_db *db, const char *sql, int code, row_fn fn, struct vec *a)
{
    int args[1] = {code};
    enum hs_status s = run(db, sql, args, 1, NULL, fn, a);
    return s == HS_NOTFOUND ? HS_OK : s;
}

void hs_sections_free(struct hs_section *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(s[i].kind);
        free(s[i].source);
        free(s[i].body);
    }
    free(s);
}

static void strings_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void hs_code_free(struct hs_code *c)
{
    if (!c)
        return;
    entry_free(&c->e);
    free(c->class_title);
    free(c->spec);
    free(c->cacheable);
    free(c->permanence);
    free(c->method);
    free(c->headers);
    free(c->resend);
    free(c->use_when);
    free(c->not_when);
    strings_free(c->aliases, c->n_aliases);
    strings_free(c->vendors, c->n_vendors);
    hs_sections_free(c->sections, c->n_sections);
    for (size_t i = 0; i < c->n_related; i++) {
        free(c->related[i].phrase);
        free(c->related[i].reason);
    }
    free(c->related);
    for (size_t i = 0; i < c->n_consts; i++) {
        free(c->consts[i].lang);
        free(c->consts[i].name);
    }
    free(c->consts);
    free(c);
}

enum hs_status hsdb_code(struct hs_db *db, int code, struct hs_code **out)
{
    *out = NULL;
    struct hs_code *c = dcalloc(1, sizeof *c);
    if (!c)
        return nomem(db);
    int args[1] = {code};
    start_call(db);
    enum hs_status s = run(db, "SELECT " ENTRY_COLS ", c.spec, c.cacheable, c.permanence, c.method, "
                               "c.headers, c.resend, k.title, c.use_when, c.not_when FROM codes c JOIN classes k ON k.class = c.class "
                               "WHERE c.code = ?1",
                           args, 1, NULL, code_row, c);
    struct vec v;
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(char *)};
        s = run_list(db, "SELECT alias FROM aliases WHERE code = ?1 ORDER BY ord", code, string_row, &v);
        c->aliases = v.v;
        c->n_aliases = v.n;
    }
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(char *)};
        s = run_list(db, "SELECT vendor FROM vendors WHERE code = ?1 ORDER BY ord", code, string_row, &v);
        c->vendors = v.v;
        c->n_vendors = v.n;
    }
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(struct hs_section)};
        s = run_list(db, "SELECT kind, source, body FROM sections WHERE code = ?1 ORDER BY ord", code, section_row, &v);
        c->sections = v.v;
        c->n_sections = v.n;
    }
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(struct hs_link)};
        s = run_list(db, "SELECT r.other, c.phrase, r.reason FROM related r JOIN codes c ON c.code = r.other "
                         "WHERE r.code = ?1 ORDER BY r.ord", code, link_row, &v);
        c->related = v.v;
        c->n_related = v.n;
    }
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(struct hs_const)};
        s = run_list(db, "SELECT lang, name FROM constants WHERE code = ?1 AND old = 0 ORDER BY CASE lang "
                         "WHEN 'python' THEN 1 WHEN 'go' THEN 2 WHEN 'rust' THEN 3 WHEN 'node' THEN 4 "
                         "WHEN 'java' THEN 5 WHEN 'dotnet' THEN 6 WHEN 'rails' THEN 7 ELSE 8 END",
                     code, const_row, &v);
        c->consts = v.v;
        c->n_consts = v.n;
    }
    if (s != HS_OK) {
        hs_code_free(c);
        return s;
    }
    *out = c;
    return HS_OK;
}

/* ---- classes and the page -------------------------------------------------------------- */

static enum hs_status class_row(sqlite3_stmt *st, void *arg)
{
    struct hs_class *k = arg;
    int ok = 1;
    k->klass = sqlite3_column_int(st, 0);
    k->title = col(st, 1, &ok);
    k->summary = col(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

void hs_class_free(struct hs_class *c)
{
    if (!c)
        return;
    free(c->title);
    free(c->summary);
    hs_sections_free(c->sections, c->n_sections);
    free(c);
}

enum hs_status hsdb_class(struct hs_db *db, int klass, struct hs_class **out)
{
    *out = NULL;
    struct hs_class *k = dcalloc(1, sizeof *k);
    if (!k)
        return nomem(db);
    int args[1] = {klass};
    start_call(db);
    enum hs_status s = run(db, "SELECT class, title, summary FROM classes WHERE class = ?1", args, 1, NULL, class_row, k);
    if (s == HS_OK) {
        struct vec v = {NULL, 0, 0, sizeof(struct hs_section)};
        s = run_list(db, "SELECT kind, source, body FROM sections WHERE class = ?1 AND code IS NULL ORDER BY ord",
                     klass, section_row, &v);
        k->sections = v.v;
        k->n_sections = v.n;
    }
    if (s != HS_OK) {
        hs_class_free(k);
        return s;
    }
    *out = k;
    return HS_OK;
}

enum hs_status hsdb_page(struct hs_db *db, struct hs_section **out, size_t *n)
{
    struct vec v = {NULL, 0, 0, sizeof(struct hs_section)};
    start_call(db);
    enum hs_status s = run(db, "SELECT kind, source, body FROM sections WHERE code IS NULL AND class IS NULL ORDER BY ord",
                           NULL, 0, NULL, section_row, &v);
    if (s != HS_OK && s != HS_NOTFOUND) {
        hs_sections_free(v.v, v.n);
        *out = NULL;
        *n = 0;
        return s;
    }
    *out = v.v;
    *n = v.n;
    return s;
}

/* ---- groups ---------------------------------------------------------------------------- */

struct group_acc {
    struct vec groups;
    struct hs_db *db;
};

static enum hs_status int_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    int *p = vec_push(a);
    if (!p)
        return HS_ENOMEM;
    *p = sqlite3_column_int(st, 0);
    return HS_OK;
}

static enum hs_status group_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_group *g = vec_push(a);
    if (!g)
        return HS_ENOMEM;
    int ok = 1;
    g->n = (size_t)sqlite3_column_int(st, 0); /* group id, replaced by the count below */
    g->name = col(st, 1, &ok);
    g->title = col(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

void hs_groups_free(struct hs_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(g[i].name);
        free(g[i].title);
        free(g[i].codes);
    }
    free(g);
}

enum hs_status hsdb_groups_of(struct hs_db *db, int code, struct hs_group **out, size_t *n)
{
    struct vec v = {NULL, 0, 0, sizeof(struct hs_group)};
    start_call(db);
    enum hs_status s = run_list(db, "SELECT g.id, g.name, g.title FROM groups g WHERE g.id IN "
                                    "(SELECT group_id FROM group_codes WHERE code = ?1) ORDER BY g.id",
                                code, group_row, &v);
    struct hs_group *g = v.v;
    for (size_t i = 0; s == HS_OK && i < v.n; i++) {
        struct vec c = {NULL, 0, 0, sizeof(int)};
        s = run_list(db, "SELECT code FROM group_codes WHERE group_id = ?1 ORDER BY ord", (int)g[i].n, int_row, &c);
        g[i].codes = c.v;
        g[i].n = c.n;
    }
    if (s != HS_OK) {
        for (size_t i = 0; i < v.n; i++)
            if (!g[i].codes)
                g[i].n = 0;
        hs_groups_free(g, v.n);
        *out = NULL;
        *n = 0;
        return s;
    }
    *out = g;
    *n = v.n;
    return HS_OK;
}

/* ---- search ---------------------------------------------------------------------------- */

struct hit_acc {
    struct vec hits;
    int limit;
};

/* A new hit for the row's code (column 0), or NULL in *out when the code is listed
 * already (by number) or the limit is reached. */
static enum hs_status new_hit(struct hit_acc *a, sqlite3_stmt *st, struct hs_hit **out)
{
    int code = sqlite3_column_int(st, 0);
    const struct hs_hit *have = a->hits.v;
    *out = NULL;
    for (size_t i = 0; i < a->hits.n; i++)
        if (have[i].e.code == code)
            return HS_OK;
    if (a->limit > 0 && (int)a->hits.n >= a->limit)
        return HS_OK;
    *out = vec_push(&a->hits);
    return *out ? HS_OK : HS_ENOMEM;
}

static enum hs_status hit_row(sqlite3_stmt *st, void *arg)
{
    struct hs_hit *hit;
    enum hs_status s = new_hit(arg, st, &hit);
    if (!hit)
        return s;
    int ok = read_entry(st, 0, &hit->e);
    hit->snippet = col(st, 6, &ok);
    hit->score = sqlite3_column_double(st, 7);
    return ok ? HS_OK : HS_ENOMEM;
}

/* A hit from its row (entry columns, then the summary, body, vendors and aliases of the
 * search table) with a snippet made here: FTS5's snippet() tokenizes every column of the
 * row and costs more than the whole search on the bundled database. */
struct snip_acc {
    struct hit_acc *hits;
    char **words;
    size_t n_words;
    double score;
};

static enum hs_status snip_row(sqlite3_stmt *st, void *arg)
{
    struct snip_acc *sa = arg;
    struct hs_hit *hit;
    enum hs_status s = new_hit(sa->hits, st, &hit);
    if (!hit)
        return s;
    int ok = read_entry(st, 0, &hit->e);
    hit->score = sa->score;
    char *snip = NULL;
    for (int c = 6; c <= 9 && !snip; c++) {
        const char *t = (const char *)sqlite3_column_text(st, c);
        if (t)
            snip = query_snippet(t, sa->words, sa->n_words, 12);
    }
    hit->snippet = snip ? dup(snip) : dup(hit->e.summary ? hit->e.summary : "");
    free(snip);
    if (!hit->snippet)
        ok = 0;
    return ok ? HS_OK : HS_ENOMEM;
}

void hs_hits_free(struct hs_hits *h)
{
    for (size_t i = 0; i < h->n; i++) {
        entry_free(&h->v[i].e);
        free(h->v[i].snippet);
    }
    free(h->v);
    h->v = NULL;
    h->n = 0;
}

/* bm25 weights in the column order of the 'search' table: phrase, aliases, summary, body,
 * vendors. A match in the name beats a match in the text. */
#define BM25 "bm25(search, 10.0, 8.0, 3.0, 1.0, 4.0)"

/* Ranked by bm25 among the first CANDIDATES matches (in rowid order). Bounds the work of a
 * word that is in nearly every entry of a very large database, where bm25 tells those
 * entries apart by little anyway; below CANDIDATES matches the ranking is exact. */
#define CANDIDATES "2000"
#define RANK_BOUNDED "SELECT code, score FROM (SELECT rowid AS code, " BM25 " AS score FROM search " \
                     "WHERE search MATCH ?2 LIMIT " CANDIDATES ") ORDER BY score, code LIMIT ?1"

/* Codes chosen so far, in rank order, without repeats. */
struct pick {
    int codes[512];
    double scores[512];
    int n, limit;
};

static enum hs_status pick_row(sqlite3_stmt *st, void *arg)
{
    struct pick *p = arg;
    int code = sqlite3_column_int(st, 0);
    for (int i = 0; i < p->n; i++)
        if (p->codes[i] == code)
            return HS_OK;
    if (p->n < p->limit) {
        p->scores[p->n] = sqlite3_column_double(st, 1);
        p->codes[p->n++] = code;
    }
    return HS_OK;
}

/* Search in tiers, each ranked by bm25 and cheap because FTS5 alone answers it:
 *   1. codes whose name or alias is the typed words as a phrase (standard codes first,
 *      then the shortest name);
 *   2. then matches anywhere, by bm25 with the name, alias and summary weighted highest,
 *      among a bounded number of candidates.
 * The costly part, snippet(), is then made for the kept codes only. On a large database
 * a common word costs a pass over the short columns, not over every text. */
static enum hs_status search_tiers(struct hs_db *db, const char *q, const char *phrase, struct pick *p)
{
    enum hs_status s = HS_OK;
    char *expr;
    if (phrase) {
        expr = fmt("{phrase aliases} : %s", phrase);
        if (!expr)
            return nomem(db);
        int args[1] = {p->limit};
        /* No bm25() in this tier: it would first count the rows of every word over the
         * whole index; a name that says the words is ranked by being short instead. */
        s = run(db, "SELECT t.code, -1000.0 + length(c.phrase) / 1000.0 FROM (SELECT rowid AS code FROM search "
                    "WHERE search MATCH ?2 LIMIT " CANDIDATES ") t JOIN codes c ON c.code = t.code "
                    "ORDER BY c.status <> 'standard', length(c.phrase), t.code LIMIT ?1",
                args, 1, expr, pick_row, p);
        free(expr);
        if (s != HS_OK && s != HS_NOTFOUND)
            return s;
    }
    if (p->n < p->limit) {
        int args[1] = {p->limit + p->n};
        s = run(db, RANK_BOUNDED, args, 1, q, pick_row, p);
        if (s != HS_OK && s != HS_NOTFOUND)
            return s;
    }
    return HS_OK;
}

struct terms {
    char *v[12];
    int n;
};

static enum hs_status term_row(sqlite3_stmt *st, void *arg)
{
    struct terms *t = arg;
    if (t->n == 12)
        return HS_OK;
    char *s = dup((const char *)sqlite3_column_text(st, 0));
    if (!s)
        return HS_ENOMEM;
    t->v[t->n++] = s;
    return HS_OK;
}

/* The FTS5 query (*q) and the name phrase (*phrase) for what was typed. While typing
 * (prefix_last), an unfinished last word of four letters or more is expanded to the most
 * common indexed words it starts ("reque" -> request OR requests ...): an OR of a few
 * terms is read lazily, where an FTS5 prefix query longer than the prefix index (3) would
 * first merge every matching entry. */
static enum hs_status build_queries(struct hs_db *db, const char *text, size_t len, int prefix_last,
                                    char **q, char **phrase)
{
    char *last = NULL;
    *q = *phrase = NULL;
    if (!prefix_last) {
        *q = query_build(text, len, 0);
        *phrase = query_phrase(text, len, 0);
        return HS_OK;
    }
    char *base = query_split_last(text, len, &last);
    if (!last || strlen(last) <= 3) {
        /* Up to three letters the schema's prefix index answers directly. */
        free(base);
        free(last);
        *q = query_build(text, len, 1);
        *phrase = query_phrase(text, len, 1);
        return HS_OK;
    }
    struct terms t = {{0}, 0};
    const char *texts[1] = {last};
    enum hs_status s = run_texts(db, "SELECT term FROM vocab WHERE term >= ?1 AND term < ?1 || char(1114111) "
                                     "ORDER BY docs DESC, term LIMIT 12", NULL, 0, texts, 1, term_row, &t);
    if (s == HS_NOTFOUND)
        s = HS_OK;
    if (s == HS_OK && t.n > 0) {
        struct sb e;
        sb_init(&e);
        if (base) {
            sb_puts(&e, base);
            sb_puts(&e, " AND ");      /* FTS5 wants an explicit AND before a group */
        }
        sb_putc(&e, '(');
        for (int i = 0; i < t.n; i++) {
            if (i)
                sb_puts(&e, " OR ");
            query_quote(&e, t.v[i], strlen(t.v[i]));
        }
        sb_putc(&e, ')');
        *q = sb_steal(&e);
        /* The name phrase with the likeliest completion. */
        sb_init(&e);
        if (base)
            sb_puts(&e, base);
        sb_puts(&e, " \"");
        sb_puts(&e, t.v[0]);
        sb_putc(&e, '"');
        *phrase = query_phrase(e.buf, e.len, 0);
        sb_free(&e);
    }
    for (int i = 0; i < t.n; i++)
        free(t.v[i]);
    free(base);
    free(last);
    return s;
}

enum hs_status hsdb_search(struct hs_db *db, const char *text, size_t len, int prefix_last,
                           int limit, struct hs_hits *out)
{
    struct hit_acc a = {{NULL, 0, 0, sizeof(struct hs_hit)}, limit};
    enum hs_status s = HS_OK;
    int lo, hi;
    out->v = NULL;
    out->n = 0;
    if (limit <= 0 || limit > 500)
        limit = 500;
    a.limit = limit;
    start_call(db);
    if (query_code_range(text, len, &lo, &hi)) {
        int args[2] = {lo, hi};
        s = run(db, "SELECT " ENTRY_COLS ", c.summary, -1000.0 FROM codes c WHERE c.code BETWEEN ?1 AND ?2 ORDER BY c.code",
                args, 2, NULL, hit_row, &a);
        if (s == HS_NOTFOUND)
            s = HS_OK;
    }
    char *q = NULL, *phrase = NULL;
    if (s == HS_OK)
        s = build_queries(db, text, len, prefix_last, &q, &phrase);
    if (q && (int)a.hits.n < limit) {
        struct pick *p = dcalloc(1, sizeof *p);
        if (!p) {
            s = nomem(db);
        } else {
            p->limit = limit - (int)a.hits.n;
            s = search_tiers(db, q, phrase, p);
            /* The rows for the kept codes, with their snippets, in rank order. */
            struct snip_acc sa = {&a, NULL, 0, 0};
            sa.n_words = query_words(text, len, &sa.words);
            for (int i = 0; s == HS_OK && i < p->n; i++) {
                int args[1] = {p->codes[i]};
                sa.score = p->scores[i];
                s = run(db, "SELECT " ENTRY_COLS ", s.summary, s.body, s.vendors, s.aliases "
                            "FROM codes c JOIN search s ON s.rowid = c.code WHERE c.code = ?1",
                        args, 1, NULL, snip_row, &sa);
                if (s == HS_NOTFOUND)
                    s = HS_OK;
            }
            for (size_t i = 0; i < sa.n_words; i++)
                free(sa.words[i]);
            free(sa.words);
            free(p);
        }
    }
    free(phrase);
    free(q);
    if (s != HS_OK) {
        struct hs_hits tmp = {a.hits.v, a.hits.n};
        hs_hits_free(&tmp);
        return s;
    }
    out->v = a.hits.v;
    out->n = a.hits.n;
    return out->n ? HS_OK : HS_NOTFOUND;
}

/* ---- suggestions ----------------------------------------------------------------------- */

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions), or
 * cap + 1 as soon as it must exceed cap. */
static size_t edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t best = (size_t)-1;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
    }
    return d[la][lb];
}

struct suggest_acc {
    const char *word;
    size_t best_d;
    long best_n;
    char *best;
    size_t cap;
    int best_same;
};

static enum hs_status vocab_row(sqlite3_stmt *st, void *arg)
{
    struct suggest_acc *a = arg;
    const char *term = (const char *)sqlite3_column_text(st, 0);
    long n = (long)sqlite3_column_int64(st, 1);
    if (!term)
        return HS_OK;
    size_t d = edit_distance(a->word, term, a->cap);
    /* Nearest first; among equals, the same length (a transposition or a typo rather than
     * a different word), then the word in most codes. */
    int same_len = strlen(term) == strlen(a->word);
    if (d == 0)
        return HS_OK;      /* the word itself: indexed yet matching nothing says nothing */
    if (d <= a->cap && (d < a->best_d || (d == a->best_d && same_len > a->best_same) ||
                        (d == a->best_d && same_len == a->best_same && n > a->best_n))) {
        a->best_same = same_len;
        char *t = dup(term);
        if (!t)
            return HS_ENOMEM;
        free(a->best);
        a->best = t;
        a->best_d = d;
        a->best_n = n;
    }
    return HS_OK;
}

static enum hs_status word_matches(struct hs_db *db, const char *word, int *found)
{
    char *q = query_build(word, strlen(word), 0);
    *found = 1;
    if (!q)
        return HS_OK;
    int n = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->conn, "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ?1 LIMIT 1)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            n = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    free(q);
    if (rc != SQLITE_OK)
        return fail(db, rc);
    *found = n > 0;
    return HS_OK;
}

enum hs_status hsdb_suggest(struct hs_db *db, const char *text, char **out)
{
    *out = NULL;
    char **words;
    size_t n = query_words(text, strlen(text), &words);
    enum hs_status s = HS_NOTFOUND;
    int changed = 0;
    start_call(db);
    for (size_t i = 0; i < n; i++) {
        int found;
        enum hs_status r = word_matches(db, words[i], &found);
        if (r != HS_OK) {
            s = r;
            break;
        }
        size_t len = strlen(words[i]);
        if (found || len < 3)
            continue;      /* short words ("a", "t" of "don't") make poor suggestions */
        struct suggest_acc a = {words[i], (size_t)-1, 0, NULL, len <= 4 ? 1 : len <= 8 ? 2 : 3, 0};
        r = run(db, "SELECT term, docs FROM vocab WHERE length(term) BETWEEN ?1 AND ?2",
                (int[]){(int)len - (int)a.cap, (int)len + (int)a.cap}, 2, NULL, vocab_row, &a);
        if (r != HS_OK && r != HS_NOTFOUND) {
            free(a.best);
            s = r;
            break;
        }
        if (a.best) {
            free(words[i]);
            words[i] = a.best;
            changed = 1;
        }
    }
    if (changed && (s == HS_NOTFOUND)) {
        size_t total = 1;
        for (size_t i = 0; i < n; i++)
            total += strlen(words[i]) + 1;
        char *r = dmalloc(total);
        if (!r) {
            s = nomem(db);
        } else {
            r[0] = '\0';
            for (size_t i = 0; i < n; i++) {
                if (i)
                    strcat(r, " ");
                strcat(r, words[i]);
            }
            *out = r;
            s = HS_OK;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
    return s;
}
