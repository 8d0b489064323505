/* data_open.c — the connection: opening the embedded database or a file (defensively,
 * with the checks that it is ours, of our version and whole), errors in words for a
 * person, the work budget, and the allocation hooks the out-of-memory test uses. */
#include "data_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <sqlite3.h>

#include "util.h"

extern const unsigned char hs_db_blob[];
extern const unsigned char hs_db_blob_end[];

#define PROGRESS_STEPS 1000

/* Every allocation of this module goes through these, so a test can make any of them fail
 * (hsdb_set_alloc_failure) together with SQLite's own (SQLITE_CONFIG_MALLOC). */
static int (*alloc_should_fail)(void);

void hsdb_set_alloc_failure(int (*should_fail)(void))
{
    alloc_should_fail = should_fail;
    util_set_alloc_failure(should_fail);     /* the query builder's, used by search */
}

void *db_malloc(size_t n)
{
    if (alloc_should_fail && alloc_should_fail())
        return NULL;
    return malloc(n);
}

void *db_calloc(size_t n, size_t size)
{
    if (alloc_should_fail && alloc_should_fail())
        return NULL;
    return calloc(n, size);
}

void *db_realloc(void *p, size_t n)
{
    if (alloc_should_fail && alloc_should_fail())
        return NULL;
    return realloc(p, n);
}

char *db_fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = db_malloc((size_t)n + 1);
    if (!s)
        return NULL;
    va_start(ap, f);
    vsnprintf(s, (size_t)n + 1, f, ap);
    va_end(ap);
    return s;
}

char *db_dup(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s);
    char *p = db_malloc(n + 1);
    if (p)
        memcpy(p, s, n + 1);
    return p;
}

/* Record an error for hsdb_error() and map the SQLite code to our status. */
enum hs_status db_fail(struct hs_db *db, int rc)
{
    free(db->err);
    db->err = NULL;
    switch (rc & 0xFF) {
    case SQLITE_NOMEM:
        db->err = db_fmt("out of memory reading %s", db->name);
        return HS_ENOMEM;
    case SQLITE_INTERRUPT:
        db->err = db_fmt("the search took too long and was stopped");
        return HS_EBUDGET;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        db->err = db_fmt("%s is corrupt", db->name);
        return HS_EDB;
    default:
        db->err = db_fmt("%s is unusable (%s)", db->name, sqlite3_errstr(rc));
        return HS_EDB;
    }
}

enum hs_status db_nomem(struct hs_db *db)
{
    return db_fail(db, SQLITE_NOMEM);
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

void db_start_call(struct hs_db *db)
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
            db->err = db_fmt("%s is not a database (or is corrupt)", db->name);
            return HS_EDB;
        }
        return db_fail(db, rc);
    }
    rc = pragma_int(c, "PRAGMA user_version", &version);
    if (rc != SQLITE_OK)
        return db_fail(db, rc);
    if ((unsigned)appid != HSDB_APPLICATION_ID) {
        int tables = 0;
        rc = pragma_int(c, "SELECT count(*) FROM sqlite_schema", &tables);
        if (rc != SQLITE_OK)
            return db_fail(db, rc);
        free(db->err);
        db->err = tables == 0 ? db_fmt("%s is an empty database, not an httpstatus database", db->name)
                              : db_fmt("%s is not an httpstatus database (it belongs to another program)", db->name);
        return db->err ? HS_EDB : HS_ENOMEM;
    }
    if (version != HSDB_SCHEMA_VERSION) {
        free(db->err);
        db->err = version > HSDB_SCHEMA_VERSION
                      ? db_fmt("%s was made by a newer httpstatus (schema %d; this program reads %d)", db->name, version, HSDB_SCHEMA_VERSION)
                      : db_fmt("%s was made by an older httpstatus (schema %d; this program reads %d)", db->name, version, HSDB_SCHEMA_VERSION);
        return db->err ? HS_EDB : HS_ENOMEM;
    }
    if (deep == 2) {
        sqlite3_stmt *st;
        rc = sqlite3_prepare_v2(c, "PRAGMA quick_check", -1, &st, NULL);
        if (rc != SQLITE_OK)
            return db_fail(db, rc);
        rc = sqlite3_step(st);
        int ok = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "ok") == 0;
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return db_fail(db, rc);
        if (!ok)
            return db_fail(db, SQLITE_CORRUPT);
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
                enum hs_status s = db_fail(db, rc);
                if (s == HS_EDB && (rc & 0xFF) == SQLITE_ERROR) {
                    free(db->err);
                    db->err = db_fmt("%s is damaged or incomplete (a table is missing or broken)", db->name);
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
                return db_fail(db, rc);      /* the tables exist: this is damage */
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
    *err = db->err ? db->err : db_dup("out of memory");
    db->err = NULL;
    hsdb_close(db);
    return s;
}

/* Settings that apply before SQLite initializes (so only the first call has an effect):
 *  - SQLite's page cache starts each cache with a bulk allocation of 20 pages (about
 *    85 KB), and a search opens a cache for each temporary table it sorts or
 *    materializes; on glibc that allocation, freed again at the top of the heap, moved the
 *    program break twice per query and cost more than the search itself. Caches grow page
 *    by page instead.
 *  - The program has one thread: no mutexes, and no memory statistics (which take one). */
static void configure_sqlite(void)
{
    sqlite3_config(SQLITE_CONFIG_PAGECACHE, (void *)0, 0, 0);
    sqlite3_config(SQLITE_CONFIG_SINGLETHREAD);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

enum hs_status hsdb_open_embedded(struct hs_db **out, char **err)
{
    *out = NULL;
    *err = NULL;
    configure_sqlite();
    struct hs_db *db = db_calloc(1, sizeof *db);
    if (!db) {
        *err = db_dup("out of memory");
        return HS_ENOMEM;
    }
    db->name = db_dup("the built-in database");
    if (!db->name)
        return finish_open(db, HS_ENOMEM, out, err);
    int rc = sqlite3_open_v2(":memory:", &db->conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK)
        return finish_open(db, db_fail(db, rc), out, err);
    sqlite3_int64 size = (sqlite3_int64)(hs_db_blob_end - hs_db_blob);
    /* The blob lives in read-only memory: SQLITE_DESERIALIZE_READONLY promises SQLite
     * never writes to it, and no FREEONCLOSE since we do not own it. */
    rc = sqlite3_deserialize(db->conn, "main", (unsigned char *)hs_db_blob, size, size,
                             SQLITE_DESERIALIZE_READONLY);
    if (rc != SQLITE_OK)
        return finish_open(db, db_fail(db, rc), out, err);
    return finish_open(db, check_db(db, 0), out, err);
}

/* Files up to this size are copied into memory and fully checked at open. */
#define SMALL_DB (16 * 1024 * 1024)

/* Read a whole file into memory from sqlite3_malloc64 (for sqlite3_deserialize). */
static enum hs_status read_whole(const char *path, unsigned char **buf, sqlite3_int64 *size, char **err)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *err = db_fmt("cannot open database %s: %s", path, strerror(errno));
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
        *err = db_fmt("cannot read database %s", path);
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
    configure_sqlite();
    struct stat sb;
    if (stat(path, &sb) != 0) {
        *err = db_fmt("cannot open database %s: %s", path, strerror(errno));
        return *err ? HS_EDB : HS_ENOMEM;
    }
    if (S_ISDIR(sb.st_mode)) {
        *err = db_fmt("%s is a directory, not a database", path);
        return *err ? HS_EDB : HS_ENOMEM;
    }
    if (sb.st_size == 0) {
        *err = db_fmt("%s is an empty file, not an httpstatus database", path);
        return *err ? HS_EDB : HS_ENOMEM;
    }
    struct hs_db *db = db_calloc(1, sizeof *db);
    if (!db) {
        *err = db_dup("out of memory");
        return HS_ENOMEM;
    }
    db->name = db_dup(path);
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
            db->err = db_fmt("cannot open database %s: %s", path, sqlite3_errmsg(db->conn));
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
        return finish_open(db, db_fail(db, rc), out, err);
    }
    /* FREEONCLOSE: SQLite owns buf from here, even when deserialize fails. */
    rc = sqlite3_deserialize(db->conn, "main", buf, size, size,
                             SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK)
        return finish_open(db, db_fail(db, rc), out, err);
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
                s = db_fail(db, rc);
                if (s == HS_EDB) {
                    free(db->err);
                    db->err = db_fmt("%s is corrupt (its full-text index does not match its text)", db->name);
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

