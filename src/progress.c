/* progress.c — see progress.h. With the data_*.c files, the only file that includes sqlite3.h.
 *
 * Statements: every prepare has its finalize on every path (see the callers of
 * prepare_or_fail). Values are always bound, never formatted into SQL; the one exception is
 * PRAGMA user_version, which takes no parameters and gets an integer constant of ours.
 * Memory: the x* allocators (util.h) — out of memory exits cleanly, like the front end. */
#include "progress.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "text.h"
#include "util.h"

/* Text read back from the store, cleaned like the data layer's (txt_clean): the file is the
 * user's, but anything may have written it, and what it holds can reach the terminal. */
static char *col_text(sqlite3_stmt *st, int i)
{
    const char *t = (const char *)sqlite3_column_text(st, i);
    size_t len = t ? (size_t)sqlite3_column_bytes(st, i) : 0;
    char *s = xmalloc(txt_clean(NULL, t ? t : "", len, 0) + 1);
    txt_clean(s, t ? t : "", len, 0);
    return s;
}

/* How long a write waits for another program's write to finish (ms). */
#define BUSY_TIMEOUT_MS 10000

struct pg_store {
    sqlite3 *conn;       /* NULL: off */
    char *path;
    char *err;           /* the last failure, for pg_error() */
};

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static char *fmt(const char *f, ...)
{
    va_list ap;
    va_start(ap, f);
    int n = vsnprintf(NULL, 0, f, ap);
    va_end(ap);
    char *s = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    s[0] = '\0';
    va_start(ap, f);
    if (n > 0)
        vsnprintf(s, (size_t)n + 1, f, ap);
    va_end(ap);
    return s;
}

/* ---- where the file lives ------------------------------------------------------------- */

char *pg_default_path(void)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    if (xdg && xdg[0] == '/')     /* the XDG spec: relative paths are invalid, ignore them */
        return fmt("%s/httpstatus/progress.db", xdg);
    const char *home = getenv("HOME");
    if (home && *home)
        return fmt("%s/.local/state/httpstatus/progress.db", home);
    return NULL;
}

/* The directory part of path ("." when there is none). Caller frees. */
static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

/* mkdir -p with mode 0700 for the parts we create. 0 or an errno. */
static int make_dirs(const char *dir)
{
    struct stat st;
    if (stat(dir, &st) == 0)
        return S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
    char *p = xstrdup(dir);
    int e = 0;
    for (char *q = p + 1; !e; q++) {
        if (*q != '/' && *q != '\0')
            continue;
        char c = *q;
        *q = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST)
            e = errno;
        else if (stat(p, &st) != 0)
            e = errno;
        else if (!S_ISDIR(st.st_mode))
            e = ENOTDIR;
        *q = c;
        if (c == '\0')
            break;
    }
    free(p);
    return e;
}

/* Why a file in path's directory cannot be created, when the directory says so: a
 * read-only file system or a directory we may not write. NULL when it looks writable. */
static const char *dir_problem(const char *path)
{
    char *dir = dir_of(path);
    struct statvfs sv;
    const char *r = NULL;
    if (statvfs(dir, &sv) == 0 && (sv.f_flag & ST_RDONLY))
        r = "the file system is read-only";
    else if (access(dir, W_OK) != 0)
        r = "the directory is not writable";
    free(dir);
    return r;
}

/* A file: URI for path that SQLite reads without writing anything beside it (for reading a
 * store on read-only media, where the -shm file cannot be made). Caller frees. */
static char *immutable_uri(const char *path)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/._-~", *p))
            sb_putc(&b, (char)*p);
        else
            sb_printf(&b, "%%%02X", *p);
    }
    sb_puts(&b, "?immutable=1");
    return sb_steal(&b);
}

/* ---- errors ----------------------------------------------------------------------------- */

/* The reason behind an SQLite failure, in words for a person. */
static const char *reason(sqlite3 *c, int rc)
{
    int sys = c ? sqlite3_system_errno(c) : 0;
    switch (rc & 0xFF) {
    case SQLITE_FULL:
        return "the disk is full";
    case SQLITE_READONLY:
        return "the file or its file system is read-only";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "another program kept it locked too long";
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
        if (sys == ENOSPC)
            return "the disk is full";
        if (sys == EROFS)
            return "the file system is read-only";
        if (sys)
            return strerror(sys);
        return (rc & 0xFF) == SQLITE_CANTOPEN ? "cannot open the file" : "input/output error";
    case SQLITE_NOMEM:
        return "out of memory";
    default:
        return sqlite3_errstr(rc);
    }
}

/* Turn the store off after a failure: keep the message, close the connection. */
static enum pg_status fail(struct pg_store *s, int rc)
{
    free(s->err);
    s->err = fmt("cannot save progress to %s: %s; going on without saving", s->path, reason(s->conn, rc));
    if (s->conn) {
        sqlite3_exec(s->conn, "ROLLBACK", NULL, NULL, NULL);
        sqlite3_close_v2(s->conn);
        s->conn = NULL;
    }
    return PG_FAILED;
}

const char *pg_error(const struct pg_store *s)
{
    return s->err ? s->err : "no error";
}

int pg_enabled(const struct pg_store *s)
{
    return s->conn != NULL;
}

const char *pg_path(const struct pg_store *s)
{
    return s->path;
}

/* ---- small statement helpers ------------------------------------------------------------ */

/* One integer from sql (first column of the first row; 0 when there is no row). */
static int query_int(sqlite3 *c, const char *sql, sqlite3_int64 *value)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    *value = 0;
    if (rc == SQLITE_ROW) {
        *value = sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* The text of the first row of sql, or "" (caller frees). */
static int query_text(sqlite3 *c, const char *sql, char **out)
{
    sqlite3_stmt *st;
    *out = NULL;
    int rc = sqlite3_prepare_v2(c, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        *out = col_text(st, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        *out = xstrdup("");
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/* ---- schema ----------------------------------------------------------------------------- */

/* migrations[v] takes a file from schema version v to v + 1. A file is migrated on open,
 * all steps in one transaction. To change the schema: append the step from the current
 * version and raise PG_SCHEMA_VERSION; never edit a step that has shipped. */
static const char *const migrations[PG_SCHEMA_VERSION] = {
    /* 0 -> 1: a new file */
    "PRAGMA application_id = 1213419591;\n"   /* PG_APPLICATION_ID, 'HSPG' */
    "CREATE TABLE sessions (\n"
    "    id        INTEGER PRIMARY KEY,\n"
    "    started   INTEGER NOT NULL,\n"                      /* unix time */
    "    mode      TEXT NOT NULL CHECK (mode IN ('quiz', 'learn')),\n"
    "    kind      TEXT NOT NULL DEFAULT '',\n"              /* quiz kind */
    "    seed      INTEGER,\n"
    "    selection TEXT NOT NULL DEFAULT '',\n"              /* the codes, classes, groups asked for */
    "    planned   INTEGER NOT NULL DEFAULT 0\n"             /* questions or cards planned */
    ");\n"
    "CREATE TABLE answers (\n"
    "    id       INTEGER PRIMARY KEY,\n"
    "    session  INTEGER REFERENCES sessions(id),\n"
    "    time     INTEGER NOT NULL,\n"
    "    kind     TEXT NOT NULL,\n"                          /* meaning, code, scenario, compare, card */
    "    question TEXT NOT NULL DEFAULT '',\n"               /* meaning:404, scenario:ID, card:404:code */
    "    code     INTEGER NOT NULL,\n"                       /* the right answer, or the card's code */
    "    chosen   INTEGER,\n"                                /* the code chosen (quiz) */
    "    grade    INTEGER CHECK (grade BETWEEN 1 AND 4),\n"  /* cards: again, hard, good, easy */
    "    correct  INTEGER NOT NULL CHECK (correct IN (0, 1))\n"
    ");\n"
    "CREATE INDEX answers_code ON answers(code);\n"
    "CREATE INDEX answers_session ON answers(session);\n"
    "CREATE TABLE cards (\n"
    "    code     INTEGER NOT NULL,\n"
    "    side     INTEGER NOT NULL CHECK (side IN (0, 1)),\n"  /* 0 shows the code, 1 the meaning */
    "    box      INTEGER NOT NULL DEFAULT 0,\n"               /* Leitner box, 0 = new */
    "    interval INTEGER NOT NULL DEFAULT 0,\n"               /* seconds from last review to due */
    "    due      INTEGER NOT NULL,\n"
    "    reps     INTEGER NOT NULL DEFAULT 0,\n"
    "    lapses   INTEGER NOT NULL DEFAULT 0,\n"
    "    last     INTEGER NOT NULL DEFAULT 0,\n"
    "    PRIMARY KEY (code, side)\n"
    ") WITHOUT ROWID;\n",
};

_Static_assert(PG_APPLICATION_ID == 1213419591, "the first migration writes PG_APPLICATION_ID");

/* Bring the file to PG_SCHEMA_VERSION. Returns an SQLite code. */
static int migrate(sqlite3 *c)
{
    sqlite3_int64 v;
    int rc = query_int(c, "PRAGMA user_version", &v);
    if (rc != SQLITE_OK || v == PG_SCHEMA_VERSION)
        return rc;
    rc = sqlite3_exec(c, "BEGIN IMMEDIATE", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        return rc;
    /* Read again inside the transaction: another program may have migrated meanwhile. */
    rc = query_int(c, "PRAGMA user_version", &v);
    while (rc == SQLITE_OK && v >= 0 && v < PG_SCHEMA_VERSION) {
        rc = sqlite3_exec(c, migrations[v], NULL, NULL, NULL);
        v++;
        if (rc == SQLITE_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", (int)v);
            rc = sqlite3_exec(c, sql, NULL, NULL, NULL);
        }
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(c, "COMMIT", NULL, NULL, NULL);
    if (rc != SQLITE_OK)
        sqlite3_exec(c, "ROLLBACK", NULL, NULL, NULL);
    return rc;
}

/* ---- opening ---------------------------------------------------------------------------- */

enum verdict {
    V_OK,          /* ours, or new and empty */
    V_CORRUPT,     /* move aside */
    V_FOREIGN,     /* move aside */
    V_NEWER,       /* written by a newer httpstatus: leave it, do not save */
    V_UNUSABLE,    /* cannot open or read it: do not save */
};

static void configure(sqlite3 *c)
{
    /* A foreign file must not run anything of its own in our process. */
    sqlite3_db_config(c, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
    sqlite3_db_config(c, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)0);
    sqlite3_db_config(c, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)0);
    sqlite3_db_config(c, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)0);
    sqlite3_limit(c, SQLITE_LIMIT_ATTACHED, 0);
    sqlite3_busy_timeout(c, BUSY_TIMEOUT_MS);
}

static int is_corrupt_rc(int rc)
{
    return (rc & 0xFF) == SQLITE_CORRUPT || (rc & 0xFF) == SQLITE_NOTADB;
}

static enum verdict examine_snapshot(sqlite3 *c, int *rc_out);

/* Look at an open file and say what it is. On V_UNUSABLE *rc_out is the SQLite code.
 * Everything is read in one read transaction: another program creating the file at the
 * same moment commits its application_id and its tables together, and reading them in
 * two snapshots would see tables without the id and call the file foreign. */
static enum verdict examine(sqlite3 *c, int *rc_out)
{
    int rc = sqlite3_exec(c, "BEGIN", NULL, NULL, NULL);
    if (rc != SQLITE_OK) {
        *rc_out = rc;
        return is_corrupt_rc(rc) ? V_CORRUPT : V_UNUSABLE;
    }
    enum verdict v = examine_snapshot(c, rc_out);
    sqlite3_exec(c, "COMMIT", NULL, NULL, NULL);
    if (!sqlite3_get_autocommit(c))
        sqlite3_exec(c, "ROLLBACK", NULL, NULL, NULL);
    return v;
}

static enum verdict examine_snapshot(sqlite3 *c, int *rc_out)
{
    sqlite3_int64 appid = 0, version = 0, tables = 0;
    int rc = query_int(c, "PRAGMA application_id", &appid);
    if (rc == SQLITE_OK)
        rc = query_int(c, "PRAGMA user_version", &version);
    if (rc == SQLITE_OK)
        rc = query_int(c, "SELECT count(*) FROM sqlite_schema", &tables);
    if (rc != SQLITE_OK) {
        *rc_out = rc;
        return is_corrupt_rc(rc) ? V_CORRUPT : V_UNUSABLE;
    }
    if (appid == 0 && tables == 0 && version == 0)
        return V_OK;                 /* a new, empty file */
    if ((uint32_t)appid != PG_APPLICATION_ID)
        return V_FOREIGN;
    if (version > PG_SCHEMA_VERSION)
        return V_NEWER;
    char *check = NULL;
    rc = query_text(c, "PRAGMA quick_check", &check);
    enum verdict v = V_OK;
    if (rc != SQLITE_OK) {
        *rc_out = rc;
        v = is_corrupt_rc(rc) ? V_CORRUPT : V_UNUSABLE;
    } else if (strcmp(check, "ok") != 0) {
        v = V_CORRUPT;
    } else if (version == PG_SCHEMA_VERSION) {
        /* Ours and of this version: its tables must be there. */
        sqlite3_int64 ours = 0;
        rc = query_int(c, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND "
                          "name IN ('sessions', 'answers', 'cards')", &ours);
        if (rc != SQLITE_OK) {
            *rc_out = rc;
            v = is_corrupt_rc(rc) ? V_CORRUPT : V_UNUSABLE;
        } else if (ours != 3) {
            v = V_CORRUPT;
        }
    }
    free(check);
    return v;
}

static int exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* Move path (and its -wal, -journal and -shm files) to path.WHY-YYYYMMDD-HHMMSS (or
 * ...-2, -3 when taken). Returns the new name (caller frees), or NULL with *e = errno. */
static char *move_aside(const char *path, const char *why, int *e)
{
    time_t t = time(NULL);
    struct tm tm;
    char stamp[32];
    localtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    char *to = NULL;
    for (int n = 1; n < 1000; n++) {
        free(to);
        to = n == 1 ? fmt("%s.%s-%s", path, why, stamp) : fmt("%s.%s-%s-%d", path, why, stamp, n);
        if (!exists(to))
            break;
    }
    if (rename(path, to) != 0) {
        *e = errno;
        free(to);
        return NULL;
    }
    static const char *const sides[] = {"-wal", "-journal", "-shm"};
    for (size_t i = 0; i < sizeof sides / sizeof sides[0]; i++) {
        char *from = fmt("%s%s", path, sides[i]);
        char *side_to = fmt("%s%s", to, sides[i]);
        if (exists(from))
            rename(from, side_to);   /* best effort: the main file has moved already */
        free(from);
        free(side_to);
    }
    return to;
}

static struct pg_store *store_off(struct pg_store *s, char **warning, char *why)
{
    if (s->conn)
        sqlite3_close_v2(s->conn);
    s->conn = NULL;
    *warning = why;
    return s;
}

/* Set WAL mode. Two programs switching a new file at the same moment each hold a read
 * lock and want the exclusive one: SQLite answers one of them SQLITE_BUSY at once, without
 * the busy handler (waiting could never end). That one tries again, for as long as the
 * busy timeout, until the other has switched the file. */
static int set_wal(sqlite3 *c)
{
    int rc = SQLITE_BUSY;
    for (int waited = 0; (rc & 0xFF) == SQLITE_BUSY && waited <= BUSY_TIMEOUT_MS; waited += 10) {
        char *mode = NULL;
        rc = query_text(c, "PRAGMA journal_mode = WAL", &mode);
        if (rc == SQLITE_OK && strcmp(mode, "wal") != 0)
            rc = SQLITE_READONLY;    /* SQLite keeps the old mode when it cannot switch */
        free(mode);
        if ((rc & 0xFF) == SQLITE_BUSY)
            nanosleep(&(struct timespec){0, 10 * 1000000L}, NULL);
    }
    return rc;
}

struct pg_store *pg_open(const char *path, enum pg_mode mode, char **notice, char **warning)
{
    struct pg_store *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    *notice = NULL;
    *warning = NULL;

    struct stat st;
    if (mode == PG_READ && stat(path, &st) != 0)
        return s;                            /* nothing recorded yet */
    if (mode == PG_WRITE) {
        char *dir = dir_of(path);
        int e = make_dirs(dir);
        if (e) {
            char *w = fmt("cannot create the directory %s for progress (%s); going on without saving", dir, strerror(e));
            free(dir);
            return store_off(s, warning, w);
        }
        free(dir);
    }
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return store_off(s, warning, fmt("the progress file %s is a directory; going on without saving", path));

    for (int attempt = 0; attempt < 2; attempt++) {
        int flags = mode == PG_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY;
        int rc = sqlite3_open_v2(path, &s->conn, flags, NULL);
        if (rc != SQLITE_OK) {
            const char *why = (rc & 0xFF) == SQLITE_CANTOPEN && mode == PG_WRITE ? dir_problem(path) : NULL;
            return store_off(s, warning, fmt("cannot open the progress file %s (%s); going on without saving", path,
                                             why ? why : reason(s->conn, rc)));
        }
        configure(s->conn);
        if (mode == PG_WRITE && sqlite3_db_readonly(s->conn, "main") == 1)
            return store_off(s, warning, fmt("cannot write the progress file %s (%s); going on without saving", path, reason(s->conn, SQLITE_READONLY)));
        int erc = SQLITE_OK;
        enum verdict v = examine(s->conn, &erc);
        if (v == V_UNUSABLE && mode == PG_READ && (erc & 0xFF) == SQLITE_CANTOPEN) {
            /* A store on read-only media: read it as immutable (no -shm file needed). */
            sqlite3_close_v2(s->conn);
            char *uri = immutable_uri(path);
            rc = sqlite3_open_v2(uri, &s->conn, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
            free(uri);
            if (rc == SQLITE_OK) {
                configure(s->conn);
                v = examine(s->conn, &erc);
            } else {
                erc = rc;
            }
        }
        if (v == V_UNUSABLE)
            return store_off(s, warning, fmt("cannot read the progress file %s (%s); going on without saving", path, reason(s->conn, erc)));
        if (v == V_NEWER)
            return store_off(s, warning, fmt("the progress file %s was written by a newer httpstatus; going on without saving", path));
        if (v == V_OK)
            break;
        /* Corrupt or another program's: move it aside, never delete it, and start anew. */
        sqlite3_close_v2(s->conn);
        s->conn = NULL;
        if (mode == PG_READ || attempt > 0)
            return store_off(s, warning, fmt("the progress file %s is %s; going on without saving", path,
                                             v == V_CORRUPT ? "corrupt" : "not an httpstatus progress file"));
        int e = 0;
        char *to = move_aside(path, v == V_CORRUPT ? "corrupt" : "foreign", &e);
        if (!to)
            return store_off(s, warning, fmt("the progress file %s is %s and cannot be moved aside (%s); going on without saving", path,
                                             v == V_CORRUPT ? "corrupt" : "not an httpstatus progress file", strerror(e)));
        *notice = fmt("the progress file %s was %s: moved it to %s and started a new one", path,
                      v == V_CORRUPT ? "corrupt" : "not an httpstatus progress file (another program's)", to);
        free(to);
    }
    if (mode == PG_READ)
        return s;
    int rc = set_wal(s->conn);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->conn, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = migrate(s->conn);
    if (rc != SQLITE_OK)
        return store_off(s, warning, fmt("cannot write the progress file %s (%s); going on without saving", path, reason(s->conn, rc)));
    return s;
}

void pg_close(struct pg_store *s)
{
    if (!s)
        return;
    if (s->conn)
        sqlite3_close_v2(s->conn);
    free(s->path);
    free(s->err);
    free(s);
}

/* ---- writing ------------------------------------------------------------------------------ */

static int begin(sqlite3 *c)
{
    return sqlite3_exec(c, "BEGIN IMMEDIATE", NULL, NULL, NULL);
}

static int commit(sqlite3 *c)
{
    return sqlite3_exec(c, "COMMIT", NULL, NULL, NULL);
}

/* Step a statement that returns no rows and finalize it. */
static int step_done(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void bind_text_or_empty(sqlite3_stmt *st, int i, const char *t)
{
    sqlite3_bind_text(st, i, t ? t : "", -1, SQLITE_TRANSIENT);
}

enum pg_status pg_session_begin(struct pg_store *s, const char *mode, const char *kind,
                                int64_t seed, const char *selection, int planned,
                                int64_t now, int64_t *id)
{
    *id = 0;
    if (!s->conn)
        return PG_OFF;
    sqlite3_stmt *st;
    int rc = begin(s->conn);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->conn, "INSERT INTO sessions(started, mode, kind, seed, selection, planned) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(st, 1, now);
        bind_text_or_empty(st, 2, mode);
        bind_text_or_empty(st, 3, kind);
        sqlite3_bind_int64(st, 4, seed);
        bind_text_or_empty(st, 5, selection);
        sqlite3_bind_int(st, 6, planned);
        rc = step_done(st);
    }
    if (rc == SQLITE_OK) {
        *id = sqlite3_last_insert_rowid(s->conn);
        rc = commit(s->conn);
    }
    if (rc != SQLITE_OK) {
        *id = 0;
        return fail(s, rc);
    }
    return PG_OK;
}

static int insert_answer(sqlite3 *c, int64_t session, int64_t now, const char *kind, const char *question,
                         int code, int chosen, int grade, int correct)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c, "INSERT INTO answers(session, time, kind, question, code, chosen, grade, correct) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    if (session > 0)
        sqlite3_bind_int64(st, 1, session);
    sqlite3_bind_int64(st, 2, now);
    bind_text_or_empty(st, 3, kind);
    bind_text_or_empty(st, 4, question);
    sqlite3_bind_int(st, 5, code);
    if (chosen > 0)
        sqlite3_bind_int(st, 6, chosen);
    if (grade > 0)
        sqlite3_bind_int(st, 7, grade);
    sqlite3_bind_int(st, 8, correct ? 1 : 0);
    return step_done(st);
}

enum pg_status pg_record_answer(struct pg_store *s, const struct pg_answer *a)
{
    if (!s->conn)
        return PG_OFF;
    int rc = begin(s->conn);
    if (rc == SQLITE_OK)
        rc = insert_answer(s->conn, a->session, a->time, a->kind, a->question, a->code, a->chosen, 0, a->correct);
    if (rc == SQLITE_OK)
        rc = commit(s->conn);
    return rc == SQLITE_OK ? PG_OK : fail(s, rc);
}

enum pg_status pg_record_review(struct pg_store *s, int64_t session, const struct pg_card *c,
                                int grade, int64_t now)
{
    if (!s->conn)
        return PG_OFF;
    char question[48];
    snprintf(question, sizeof question, "card:%d:%s", c->code, c->side == PG_SIDE_CODE ? "code" : "meaning");
    sqlite3_stmt *st;
    int rc = begin(s->conn);
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(s->conn, "INSERT OR REPLACE INTO cards(code, side, box, interval, due, reps, lapses, last) "
                                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int(st, 1, c->code);
        sqlite3_bind_int(st, 2, c->side);
        sqlite3_bind_int(st, 3, c->box);
        sqlite3_bind_int64(st, 4, c->interval);
        sqlite3_bind_int64(st, 5, c->due);
        sqlite3_bind_int(st, 6, c->reps);
        sqlite3_bind_int(st, 7, c->lapses);
        sqlite3_bind_int64(st, 8, c->last);
        rc = step_done(st);
    }
    if (rc == SQLITE_OK)
        rc = insert_answer(s->conn, session, now, "card", question, c->code, 0, grade, grade >= 2);
    if (rc == SQLITE_OK)
        rc = commit(s->conn);
    return rc == SQLITE_OK ? PG_OK : fail(s, rc);
}

enum pg_status pg_reset(struct pg_store *s)
{
    if (!s->conn)
        return PG_OFF;
    int rc = begin(s->conn);
    if (rc == SQLITE_OK)
        rc = sqlite3_exec(s->conn, "DELETE FROM answers; DELETE FROM cards; DELETE FROM sessions;", NULL, NULL, NULL);
    if (rc == SQLITE_OK)
        rc = commit(s->conn);
    return rc == SQLITE_OK ? PG_OK : fail(s, rc);
}

/* ---- reading ------------------------------------------------------------------------------ */

/* The readers: one statement, one item per row, filled by a function of the reader. */
typedef void (*row_fill)(sqlite3_stmt *st, void *item);

/* Run sql on the store and collect its rows into a new array of items of size bytes, in
 * *out and *n. PG_OFF without a file. On failure nothing is returned: the items read so far
 * are freed, each with drop first when it holds memory of its own (NULL: none). */
static enum pg_status collect(struct pg_store *s, const char *sql, size_t size, row_fill fill,
                              void (*drop)(void *item), void **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!s->conn)
        return PG_OFF;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(s->conn, sql, -1, &st, NULL);
    if (rc != SQLITE_OK)
        return fail(s, rc);
    size_t cap = 0;
    char *v = NULL;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            v = xrealloc(v, cap * size);
        }
        fill(st, v + (*n)++ * size);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        for (size_t i = 0; drop && i < *n; i++)
            drop(v + i * size);
        free(v);
        *n = 0;
        return fail(s, rc);
    }
    *out = v;
    return PG_OK;
}

static void card_row(sqlite3_stmt *st, void *item)
{
    struct pg_card *c = item;
    c->code = sqlite3_column_int(st, 0);
    c->side = sqlite3_column_int(st, 1);
    c->box = sqlite3_column_int(st, 2);
    c->interval = sqlite3_column_int64(st, 3);
    c->due = sqlite3_column_int64(st, 4);
    c->reps = sqlite3_column_int(st, 5);
    c->lapses = sqlite3_column_int(st, 6);
    c->last = sqlite3_column_int64(st, 7);
}

enum pg_status pg_cards(struct pg_store *s, struct pg_card **out, size_t *n)
{
    void *v;
    enum pg_status r = collect(s, "SELECT code, side, box, interval, due, reps, lapses, last FROM cards ORDER BY code, side",
                               sizeof **out, card_row, NULL, &v, n);
    *out = v;
    return r;
}

static void code_stat_row(sqlite3_stmt *st, void *item)
{
    struct pg_code_stat *c = item;
    c->code = sqlite3_column_int(st, 0);
    c->asked = sqlite3_column_int(st, 1);
    c->correct = sqlite3_column_int(st, 2);
    c->last_correct = sqlite3_column_int(st, 3);
}

enum pg_status pg_code_stats(struct pg_store *s, struct pg_code_stat **out, size_t *n)
{
    void *v;
    enum pg_status r = collect(s,
                               "SELECT code, count(*), sum(correct), "
                               "  (SELECT b.correct FROM answers b WHERE b.code = a.code AND b.kind <> 'card' "
                               "   ORDER BY b.id DESC LIMIT 1) "
                               "FROM answers a WHERE kind <> 'card' GROUP BY code ORDER BY code",
                               sizeof **out, code_stat_row, NULL, &v, n);
    *out = v;
    return r;
}

/* A session row's own memory (also collect's drop on failure). */
static void session_drop(void *item)
{
    free(((struct pg_session *)item)->kind);
}

void pg_sessions_free(struct pg_session *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        session_drop(&v[i]);
    free(v);
}

static void session_row(sqlite3_stmt *st, void *item)
{
    struct pg_session *q = item;
    q->id = sqlite3_column_int64(st, 0);
    q->started = sqlite3_column_int64(st, 1);
    q->kind = col_text(st, 2);
    q->seed = sqlite3_column_int64(st, 3);
    q->asked = sqlite3_column_int(st, 4);
    q->correct = sqlite3_column_int(st, 5);
}

enum pg_status pg_sessions(struct pg_store *s, struct pg_session **out, size_t *n)
{
    void *v;
    enum pg_status r = collect(s,
                               "SELECT s.id, s.started, s.kind, s.seed, count(a.id), coalesce(sum(a.correct), 0) "
                               "FROM sessions s JOIN answers a ON a.session = s.id "
                               "WHERE s.mode = 'quiz' GROUP BY s.id ORDER BY s.id",
                               sizeof **out, session_row, session_drop, &v, n);
    *out = v;
    return r;
}
