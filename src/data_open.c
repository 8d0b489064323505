/* data_open.c — the connection: opening the embedded database or a file (defensively,
 * with the checks that it is ours, of our version and whole), errors in words for a
 * person, the work budget, and the allocation hooks the out-of-memory test uses. */
#include "data_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    /* A failure always records its message, unless memory ran out even for that. */
    return db && db->err ? db->err : "out of memory";
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

/* What the values may be. A status code is 100 to 599, or 0 for 000, and its class is its
 * first digit (the rules db/build follows). Numbers from 600 to 999999 are not status codes,
 * but a generated database (make bench: 100,000 entries) numbers its entries so, in any
 * class; six digits is what every display of a code leaves room for. Every class is 0 to 5
 * and has a row; a code has a phrase (maybe empty) and is there once; a comparison group lists only codes
 * there are. The queries find the first value that breaks a rule (as text, from quote(),
 * when its type may be anything) and the message says what is wrong with it. Checked once
 * at open, so that nothing later meets a value it cannot show: one pass over the codes. */
/* One pass over the codes finds the first that breaks a rule: the rule's number (an index
 * into code_rules) and the value to name. */
static const char codes_sql[] =
    "SELECT rule, CASE rule WHEN 0 THEN quote(code) WHEN 1 THEN printf('%03d (class %s)', code, quote(class)) "
    "ELSE printf('%03d but no class %dxx', code, class) END FROM "
    "(SELECT CASE WHEN typeof(code) <> 'integer' OR NOT (code = 0 OR code BETWEEN 100 AND 999999) THEN 0 "
    "WHEN typeof(class) <> 'integer' OR (code < 600 AND class <> code / 100) THEN 1 "
    "WHEN class NOT IN (SELECT class FROM classes) THEN 2 END AS rule, code, class FROM codes) "
    "WHERE rule IS NOT NULL LIMIT 1";
static const char *const code_rules[] = {
    "%s has a code this program cannot show: %s (a code is 000, or a number from 100 to 599; up to 999999 in a generated database)",
    "%s puts a code in the wrong class: %s; a status code's class is its first digit",
    "%s has code %s to hold it",
};
/* The other rules, each a query that finds the first value breaking it, run only when its
 * condition (a query returning 1) holds: a code can be there twice only when it is not the
 * table's primary key, and a phrase NULL only when the column is not NOT NULL (then the
 * test costs nothing: SQLite drops it). Both only in a crafted schema. */
static const struct {
    const char *when;     /* NULL: always */
    const char *sql;
    const char *msg;      /* %s the file, then the value */
} value_rules[] = {
    {NULL, "SELECT quote(class) FROM classes WHERE typeof(class) <> 'integer' OR class NOT BETWEEN 0 AND 5 LIMIT 1",
     "%s has a class this program cannot show: %s (classes are 1xx to 5xx, and 0 for 000)"},
    {NULL, "SELECT printf('%03d', code) FROM codes WHERE phrase IS NULL LIMIT 1",
     "%s gives code %s no reason phrase"},
    {"SELECT count(*) FROM pragma_table_info('codes') WHERE name = 'code' AND pk = 0",
     "SELECT printf('%03d', code) FROM codes GROUP BY code HAVING count(*) > 1 LIMIT 1",
     "%s has code %s more than once"},
    {NULL, "SELECT quote(code) FROM group_codes WHERE code NOT IN (SELECT code FROM codes) LIMIT 1",
     "%s lists code %s in a comparison group but has no such code"},
};

/* Run sql; when it returns a row, db->err is msg (or code_rules[column 0] when msg is NULL)
 * with the file's name and the value of the last column, and the result is HS_EDB. */
static enum hs_status value_rule(struct hs_db *db, const char *sql, const char *msg)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->conn, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, rc);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        int ok = 1, last = sqlite3_column_count(st) - 1;
        if (!msg) {
            int r = sqlite3_column_int(st, 0);
            msg = code_rules[r >= 0 && r < (int)(sizeof code_rules / sizeof code_rules[0]) ? r : 0];
        }
        char *value = db_col(st, last, &ok);      /* cleaned: the value may be anything */
        sqlite3_finalize(st);
        if (!value)
            return db_nomem(db);
        free(db->err);
        db->err = db_fmt(msg, db->name, value);
        free(value);
        return db->err ? HS_EDB : db_nomem(db);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? HS_OK : db_fail(db, rc);
}

static enum hs_status check_values(struct hs_db *db)
{
    enum hs_status s = value_rule(db, codes_sql, NULL);
    for (size_t i = 0; s == HS_OK && i < sizeof value_rules / sizeof value_rules[0]; i++) {
        if (value_rules[i].when) {
            int applies = 0;
            int rc = pragma_int(db->conn, value_rules[i].when, &applies);
            if (rc != SQLITE_OK)
                return db_fail(db, rc);
            if (!applies)
                continue;
        }
        s = value_rule(db, value_rules[i].sql, value_rules[i].msg);
    }
    return s;
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
        int ok = rc == SQLITE_ROW && strcmp(db_peek(st, 0), "ok") == 0;
        /* A page it could not read for want of memory is reported as a finding ("unable to
         * get the page. error code=7"), not as an error: that is out of memory, not damage. */
        int nomem = rc == SQLITE_ROW && !ok && (strstr(db_peek(st, 0), "error code=7") ||
                                                strstr(db_peek(st, 0), "out of memory"));
        sqlite3_finalize(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return db_fail(db, rc);
        if (nomem)
            return db_nomem(db);
        if (!ok)
            return db_fail(db, SQLITE_CORRUPT);
    }
    if (deep) {
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
            "SELECT count(*) FROM (SELECT 1 FROM names WHERE names MATCH 'not OR found OR request' LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM vocab LIMIT 1)",
            "SELECT count(*) FROM (SELECT 1 FROM rank_keys LIMIT 1)",
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
        enum hs_status vs = check_values(db);
        if (vs != HS_OK)
            return vs;
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

/* sqlite3_deserialize reports a failure of its inner statement as SQLITE_ERROR; the
 * connection's own error code says whether memory ran out. */
static int deserialize_error(sqlite3 *conn, int rc)
{
    return rc == SQLITE_ERROR && sqlite3_errcode(conn) == SQLITE_NOMEM ? SQLITE_NOMEM : rc;
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
        return finish_open(db, db_fail(db, deserialize_error(db->conn, rc)), out, err);
    return finish_open(db, check_db(db, 0), out, err);
}

/* Files up to this size are copied into memory and fully checked at open. */
#define SMALL_DB (16 * 1024 * 1024)

/* Bytes 18 and 19 of the header: the file format versions, 1 for a rollback journal and
 * 2 for write-ahead logging (WAL). */
#define HDR_WRITE_VERSION 18
#define HDR_READ_VERSION 19

static enum hs_status fail_msg(char **err, char *msg)
{
    *err = msg;
    return msg ? HS_EDB : HS_ENOMEM;
}

/* The message for a file that is not a regular file, or NULL when it is one. */
static char *kind_problem(const char *path, const struct stat *sb)
{
    if (S_ISDIR(sb->st_mode))
        return db_fmt("%s is a directory, not a database", path);
    if (!S_ISREG(sb->st_mode)) {
        const char *what = S_ISFIFO(sb->st_mode) ? "a FIFO" : S_ISCHR(sb->st_mode) ? "a character device"
                         : S_ISBLK(sb->st_mode) ? "a block device" : S_ISSOCK(sb->st_mode) ? "a socket" : "a special file";
        return db_fmt("%s is not a regular file (it is %s); --db reads a database file", path, what);
    }
    return NULL;
}

/* A transaction left beside the file: a WAL file with frames (WAL mode) or a hot rollback
 * journal. A read-only open cannot apply it and must not read the file without it, so the
 * file is refused with a message naming what lies beside it. HS_OK when there is none. */
static enum hs_status leftover_check(const char *path, int wal, char **err)
{
    char *side = db_fmt("%s%s", path, wal ? "-wal" : "-journal");
    if (!side)
        return HS_ENOMEM;
    enum hs_status s = HS_OK;
    int fd = open(side, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    if (fd >= 0 && fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode)) {
        unsigned char h[8] = {0};
        ssize_t got = read(fd, h, sizeof h);
        /* WAL: a header (32 bytes) and at least one frame header (24). Journal: its magic
         * (a journal whose header was zeroed is not hot). */
        static const unsigned char jmagic[8] = {0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7};
        int live = wal ? sb.st_size > 32 + 24 : got == 8 && memcmp(h, jmagic, 8) == 0;
        if (live)
            s = fail_msg(err, db_fmt("%s has changes not yet written into it (in %s); open it once with "
                                     "sqlite3, or let the program writing it finish, then try again",
                                     path, side));
    }
    if (fd >= 0)
        close(fd);
    free(side);
    return s;
}

/* Read the whole of the open file fd (size bytes by fstat) into memory from sqlite3_malloc64
 * (for sqlite3_deserialize). Out of memory is reported naming the file. */
static enum hs_status read_whole(int fd, const char *path, sqlite3_int64 size, unsigned char **buf,
                                 sqlite3_int64 *got, char **err)
{
    /* The message is made first: when the big allocation fails, there is no memory to spare. */
    char *oom = db_fmt("out of memory reading %s", path);
    if (!oom)
        return HS_ENOMEM;
    unsigned char *b = sqlite3_malloc64((sqlite3_uint64)size);
    if (!b) {
        *err = oom;
        return HS_ENOMEM;
    }
    sqlite3_int64 n = 0;
    while (n < size) {
        ssize_t r = read(fd, b + n, (size_t)(size - n));
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            int e = errno;
            sqlite3_free(b);
            free(oom);
            return fail_msg(err, db_fmt("cannot read database %s: %s", path, strerror(e)));
        }
        if (r == 0)
            break;      /* the file shrank meanwhile: what was read is judged as it is */
        n += r;
    }
    free(oom);
    *buf = b;
    *got = n;
    return HS_OK;
}

/* "file:PATH?immutable=1" with PATH percent-encoded, for sqlite3_open_v2 with SQLITE_OPEN_URI:
 * immutable tells SQLite the file cannot change, so it takes no lock and never opens or
 * creates a -wal, -shm or -journal file beside it. */
static char *immutable_uri(const char *path)
{
    size_t n = strlen(path);
    char *u = db_malloc(n * 3 + 32);
    if (!u)
        return NULL;
    char *p = u;
    strcpy(p, path[0] == '/' ? "file://" : "file:");
    p += strlen(p);
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
        if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
            *c == '/' || *c == '.' || *c == '-' || *c == '_') {
            *p++ = (char)*c;
        } else {
            *p++ = '%';
            *p++ = hex[*c >> 4];
            *p++ = hex[*c & 15];
        }
    }
    strcpy(p, "?immutable=1");
    return u;
}

enum hs_status hsdb_open_file(const char *path, struct hs_db **out, char **err)
{
    *out = NULL;
    *err = NULL;
    configure_sqlite();
    struct stat sb;
    if (stat(path, &sb) != 0)
        return fail_msg(err, db_fmt("cannot open database %s: %s", path, strerror(errno)));
    char *kind = kind_problem(path, &sb);
    if (kind)
        return fail_msg(err, kind);
    /* Opened without blocking (a FIFO swapped in after stat must not hang the open), and
     * checked again on the descriptor itself. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return fail_msg(err, db_fmt("cannot open database %s: %s", path, strerror(errno)));
    if (fstat(fd, &sb) != 0 || (kind = kind_problem(path, &sb)) != NULL) {
        close(fd);
        return kind ? fail_msg(err, kind) : fail_msg(err, db_fmt("cannot open database %s: %s", path, strerror(errno)));
    }
    if (sb.st_size == 0) {
        /* Size 0 is also what the files of /proc and /sys report, whatever they hold. */
        char byte;
        ssize_t got = read(fd, &byte, 1);
        close(fd);
        return fail_msg(err, got > 0 ? db_fmt("%s is not a database (its size is unknown, like a file of /proc or /sys)", path)
                                     : db_fmt("%s is an empty file, not an httpstatus database", path));
    }
    unsigned char head[100];
    ssize_t hn = pread(fd, head, sizeof head, 0);
    int wal = hn == (ssize_t)sizeof head && memcmp(head, "SQLite format 3", 16) == 0 &&
              (head[HDR_WRITE_VERSION] == 2 || head[HDR_READ_VERSION] == 2);
    enum hs_status ls = leftover_check(path, wal, err);
    if (ls != HS_OK) {
        close(fd);
        return ls;
    }
    struct hs_db *db = db_calloc(1, sizeof *db);
    if (!db) {
        close(fd);
        *err = db_fmt("out of memory reading %s", path);
        return HS_ENOMEM;
    }
    db->name = db_dup(path);
    if (!db->name) {
        close(fd);
        return finish_open(db, HS_ENOMEM, out, err);
    }
    if (sb.st_size > SMALL_DB) {
        /* A very large file (a generated test database) is read in place, read-only and
         * immutable; it gets the table probes, and any damage found later is reported by the
         * statement that meets it. */
        close(fd);
        char *uri = immutable_uri(path);
        if (!uri)
            return finish_open(db, HS_ENOMEM, out, err);
        int rc = sqlite3_open_v2(uri, &db->conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
        free(uri);
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
    enum hs_status rs = read_whole(fd, path, (sqlite3_int64)sb.st_size, &buf, &size, &db->err);
    close(fd);
    if (rs != HS_OK)
        return finish_open(db, rs, out, err);
    /* A file in WAL mode: the copy is read as a rollback-journal file (a memory database
     * has no WAL), which it is once nothing is left in a -wal file (leftover_check). */
    if (size >= 100 && memcmp(buf, "SQLite format 3", 16) == 0 &&
        (buf[HDR_WRITE_VERSION] == 2 || buf[HDR_READ_VERSION] == 2)) {
        buf[HDR_WRITE_VERSION] = 1;
        buf[HDR_READ_VERSION] = 1;
    }
    int rc = sqlite3_open_v2(":memory:", &db->conn, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc != SQLITE_OK) {
        sqlite3_free(buf);
        return finish_open(db, db_fail(db, rc), out, err);
    }
    /* FREEONCLOSE: SQLite owns buf from here, even when deserialize fails. */
    rc = sqlite3_deserialize(db->conn, "main", buf, size, size,
                             SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    if (rc != SQLITE_OK)
        return finish_open(db, db_fail(db, deserialize_error(db->conn, rc)), out, err);
    enum hs_status s = check_db(db, 2);
    if (s == HS_OK) {
        static const char *const checks[] = {
            /* Only the index that searches are read from: the build's 'words' index is
             * dropped from the shipped database once it has filled 'vocab'. */
            "INSERT INTO search(search, rank) VALUES('integrity-check', 0)",
            "INSERT INTO names(names, rank) VALUES('integrity-check', 0)",
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

