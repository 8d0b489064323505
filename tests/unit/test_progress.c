/* Unit tests for the progress store: a new file is made with our application_id and schema
 * version, writes survive closing and reopening, cards round-trip, sessions add up their
 * answers, a newer file is left alone, foreign and corrupt files are moved aside (never
 * deleted), a failed write turns the store off once, and reset keeps the file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "testutil.h"

#include "progress.h"

static char dir[] = "/tmp/hs-progress-test-XXXXXX";

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static char *path_of(const char *name)
{
    static char buf[4][256];
    static int i;
    char *p = buf[i++ % 4];
    snprintf(p, sizeof buf[0], "%s/%s", dir, name);
    return p;
}

static long long pragma(const char *path, const char *sql)
{
    sqlite3 *c;
    sqlite3_stmt *st;
    long long v = -1;
    assert_int_equal(sqlite3_open_v2(path, &c, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(c, sql, -1, &st, NULL), SQLITE_OK);
    if (sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(c);
    return v;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static struct pg_store *open_ok(const char *path)
{
    char *notice, *warning;
    struct pg_store *s = pg_open(path, PG_WRITE, &notice, &warning);
    if (warning)
        fail_msg("unexpected warning: %s", warning);
    assert_null(notice);
    assert_true(pg_enabled(s));
    return s;
}

static void test_new_file_and_answers_persist(void **state)
{
    (void)state;
    const char *p = path_of("sub/dir/progress.db");    /* directories are made */
    struct pg_store *s = open_ok(p);
    int64_t id;
    assert_int_equal(pg_session_begin(s, "quiz", "mixed", 42, "4xx", 3, 1000, &id), PG_OK);
    assert_true(id > 0);
    for (int i = 0; i < 3; i++) {
        struct pg_answer a = {.session = id, .time = 1000 + i, .kind = "meaning", .question = "meaning:404",
                              .code = 404, .chosen = i ? 410 : 404, .correct = i == 0};
        assert_int_equal(pg_record_answer(s, &a), PG_OK);
    }
    pg_close(s);
    assert_int_equal(pragma(p, "PRAGMA application_id"), PG_APPLICATION_ID);
    assert_int_equal(pragma(p, "PRAGMA user_version"), PG_SCHEMA_VERSION);
    assert_int_equal(pragma(p, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
    assert_int_equal(pragma(p, "SELECT count(*) FROM answers"), 3);

    s = open_ok(p);
    struct pg_session *v;
    size_t n;
    assert_int_equal(pg_sessions(s, &v, &n), PG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(v[0].asked, 3);
    assert_int_equal(v[0].correct, 1);
    assert_int_equal(v[0].seed, 42);
    assert_string_equal(v[0].kind, "mixed");
    pg_sessions_free(v, n);
    struct pg_code_stat *st;
    assert_int_equal(pg_code_stats(s, &st, &n), PG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(st[0].code, 404);
    assert_int_equal(st[0].asked, 3);
    assert_int_equal(st[0].correct, 1);
    assert_int_equal(st[0].last_correct, 0);
    free(st);
    pg_close(s);
}

static void test_cards_round_trip(void **state)
{
    (void)state;
    const char *p = path_of("cards.db");
    struct pg_store *s = open_ok(p);
    struct pg_card c = {.code = 418, .side = PG_SIDE_MEANING, .box = 3, .interval = 259200, .due = 5000,
                        .reps = 4, .lapses = 1, .last = 4000};
    assert_int_equal(pg_record_review(s, 0, &c, 3, 4000), PG_OK);
    c.box = 4;
    assert_int_equal(pg_record_review(s, 0, &c, 4, 4100), PG_OK);   /* replaces the card */
    pg_close(s);
    s = open_ok(p);
    struct pg_card *v;
    size_t n;
    assert_int_equal(pg_cards(s, &v, &n), PG_OK);
    assert_int_equal(n, 1);
    assert_int_equal(v[0].code, 418);
    assert_int_equal(v[0].side, PG_SIDE_MEANING);
    assert_int_equal(v[0].box, 4);
    assert_true(v[0].interval == 259200 && v[0].due == 5000 && v[0].last == 4000);
    assert_int_equal(v[0].reps, 4);
    assert_int_equal(v[0].lapses, 1);
    free(v);
    /* reviews are logged as answers of kind card, kept apart from quiz statistics */
    struct pg_code_stat *st;
    assert_int_equal(pg_code_stats(s, &st, &n), PG_OK);
    assert_int_equal(n, 0);
    free(st);
    assert_int_equal(pg_reset(s), PG_OK);
    assert_int_equal(pg_cards(s, &v, &n), PG_OK);
    assert_int_equal(n, 0);
    free(v);
    pg_close(s);
    assert_int_equal(pragma(p, "PRAGMA application_id"), PG_APPLICATION_ID);
}

/* Count the files in dir whose name starts with prefix. */
static int count_prefixed(const char *prefix)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "ls -1 '%s' | grep -c '^%s'", dir, prefix);
    FILE *f = popen(cmd, "r");
    int n = 0;
    if (fscanf(f, "%d", &n) != 1)
        n = -1;
    pclose(f);
    return n;
}

static void test_foreign_and_corrupt_files_moved_aside(void **state)
{
    (void)state;
    const char *p = path_of("foreign.db");
    sqlite3 *c;
    assert_int_equal(sqlite3_open(p, &c), SQLITE_OK);
    assert_int_equal(sqlite3_exec(c, "CREATE TABLE mine(x); INSERT INTO mine VALUES (1)", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(c);
    char *notice, *warning;
    struct pg_store *s = pg_open(p, PG_WRITE, &notice, &warning);
    assert_null(warning);
    assert_non_null(notice);
    assert_true(pg_enabled(s));
    assert_non_null(strstr(notice, p));
    assert_non_null(strstr(notice, ".foreign-"));
    assert_int_equal(count_prefixed("foreign.db.foreign-"), 1);
    free(notice);
    pg_close(s);

    const char *q = path_of("corrupt.db");
    write_file(q, "this is not a database, not even close, but long enough to look like a header......"
                  "..................................................................................");
    s = pg_open(q, PG_WRITE, &notice, &warning);
    assert_null(warning);
    assert_non_null(notice);
    assert_non_null(strstr(notice, ".corrupt-"));
    assert_true(pg_enabled(s));
    assert_int_equal(count_prefixed("corrupt.db.corrupt-"), 1);
    free(notice);
    pg_close(s);

    /* Reading (progress) never moves anything: it warns. */
    const char *r = path_of("corrupt2.db");
    write_file(r, "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage");
    s = pg_open(r, PG_READ, &notice, &warning);
    assert_null(notice);
    assert_non_null(warning);
    assert_false(pg_enabled(s));
    pg_close(s);
    free(warning);
    assert_int_equal(count_prefixed("corrupt2.db.corrupt-"), 0);
}

static void test_newer_file_left_alone(void **state)
{
    (void)state;
    const char *p = path_of("newer.db");
    pg_close(open_ok(p));
    sqlite3 *c;
    assert_int_equal(sqlite3_open(p, &c), SQLITE_OK);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA user_version = %d", PG_SCHEMA_VERSION + 1);
    assert_int_equal(sqlite3_exec(c, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(c);
    char *notice, *warning;
    struct pg_store *s = pg_open(p, PG_WRITE, &notice, &warning);
    assert_null(notice);
    assert_non_null(warning);
    assert_non_null(strstr(warning, "newer"));
    assert_false(pg_enabled(s));
    int64_t id;
    assert_int_equal(pg_session_begin(s, "quiz", "", 0, "", 1, 0, &id), PG_OFF);
    free(warning);
    pg_close(s);
    assert_int_equal(pragma(p, "PRAGMA user_version"), PG_SCHEMA_VERSION + 1);
}

static void test_ours_at_version_zero_is_migrated(void **state)
{
    (void)state;
    /* A file stamped ours but without tables (a creation that stopped halfway, or a future
     * file format's first step): migrated, not moved aside. */
    const char *p = path_of("v0.db");
    sqlite3 *c;
    assert_int_equal(sqlite3_open(p, &c), SQLITE_OK);
    char sql[64];
    snprintf(sql, sizeof sql, "PRAGMA application_id = %d", PG_APPLICATION_ID);
    assert_int_equal(sqlite3_exec(c, sql, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(c);
    struct pg_store *s = open_ok(p);
    pg_close(s);
    assert_int_equal(pragma(p, "PRAGMA user_version"), PG_SCHEMA_VERSION);
    assert_int_equal(pragma(p, "SELECT count(*) FROM sqlite_schema WHERE name = 'cards'"), 1);
}

static void test_unusable_places_turn_it_off(void **state)
{
    (void)state;
    const char *f = path_of("plainfile");
    write_file(f, "x");
    char under[300];
    snprintf(under, sizeof under, "%s/progress.db", f);     /* a directory that is a file */
    char *notice, *warning;
    struct pg_store *s = pg_open(under, PG_WRITE, &notice, &warning);
    assert_null(notice);
    assert_non_null(warning);
    assert_non_null(strstr(warning, f));
    assert_false(pg_enabled(s));
    struct pg_answer a = {.kind = "code", .code = 200, .correct = 1};
    assert_int_equal(pg_record_answer(s, &a), PG_OFF);
    free(warning);
    pg_close(s);

    const char *d = path_of("adir");
    assert_int_equal(mkdir(d, 0700), 0);
    s = pg_open(d, PG_WRITE, &notice, &warning);     /* the file is a directory */
    assert_non_null(warning);
    assert_false(pg_enabled(s));
    free(warning);
    pg_close(s);

    /* PG_READ on a missing file: off, silently. */
    s = pg_open(path_of("missing.db"), PG_READ, &notice, &warning);
    assert_null(notice);
    assert_null(warning);
    assert_false(pg_enabled(s));
    pg_close(s);
    assert_int_equal(access(path_of("missing.db"), F_OK), -1);
}

static void test_default_path(void **state)
{
    (void)state;
    setenv("XDG_STATE_HOME", "/x/state", 1);
    char *p = pg_default_path();
    assert_string_equal(p, "/x/state/httpstatus/progress.db");
    free(p);
    setenv("XDG_STATE_HOME", "relative/ignored", 1);
    setenv("HOME", "/home/u", 1);
    p = pg_default_path();
    assert_string_equal(p, "/home/u/.local/state/httpstatus/progress.db");
    free(p);
    unsetenv("XDG_STATE_HOME");
    unsetenv("HOME");
    assert_null(pg_default_path());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_file_and_answers_persist),
        cmocka_unit_test(test_cards_round_trip),
        cmocka_unit_test(test_foreign_and_corrupt_files_moved_aside),
        cmocka_unit_test(test_newer_file_left_alone),
        cmocka_unit_test(test_ours_at_version_zero_is_migrated),
        cmocka_unit_test(test_unusable_places_turn_it_off),
        cmocka_unit_test(test_default_path),
    };
    return cmocka_run_group_tests_name("progress", tests, setup, teardown);
}
