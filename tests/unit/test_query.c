/* Unit tests for the search query builder: hostile inputs always give a query that
 * SQLite's FTS5 accepts, and user text is never interpreted as FTS5 syntax. */
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "testutil.h"

#include "query.h"
#include "util.h"

static sqlite3 *db;

static int setup(void **state)
{
    (void)state;
    if (sqlite3_open(":memory:", &db) != SQLITE_OK)
        return -1;
    return sqlite3_exec(db,
                        "CREATE VIRTUAL TABLE s USING fts5(a, b, tokenize='porter unicode61 remove_diacritics 2');"
                        "INSERT INTO s VALUES('Not Found', 'the server found nothing and it is not there');"
                        "INSERT INTO s VALUES('Network Authentication Required', 'captive portals');"
                        "INSERT INTO s VALUES('C++ and HTTP/1.1', 'don''t AND NOT NEAR');",
                        NULL, NULL, NULL);
}

static int teardown(void **state)
{
    (void)state;
    sqlite3_close(db);
    return 0;
}

/* Run q through MATCH; returns the number of rows, or -1 on an SQLite error. */
static int matches(const char *q)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM s WHERE s MATCH ?1", -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
    int rc = sqlite3_step(st), n = -1;
    if (rc == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static void test_hostile_inputs_are_accepted(void **state)
{
    (void)state;
    static const char *const inputs[] = {
        "AND", "OR", "NOT", "NEAR", "NEAR(a b)", "-foo", "x:", "a:b", "*", "\"", "\"\"", "\"unclosed",
        "C++", "HTTP/1.1", "don't", "(", ")(", "^", "+", "a AND", "AND b", "{a b}:c", "a*b", "'", "\\",
        "404", "4xx", "   ", "", "\xFF\xFE", "caf\xC3\xA9", "\xE2\x80\xAE" "rtl", "a\x1b[31mb", "col:*",
        "NOT found", "found NOT", "\"not found\"", "not \"found", "a \"b c\" d", "%", "_", ";DROP TABLE s;--",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        for (int prefix = 0; prefix <= 1; prefix++) {
            char *q = query_build(inputs[i], strlen(inputs[i]), prefix);
            if (q) {
                int n = matches(q);
                if (n < 0)
                    fail_msg("input '%s' gave query '%s' which SQLite refused: %s", inputs[i], q, sqlite3_errmsg(db));
                free(q);
            }
        }
    }
}

static void test_operators_are_text(void **state)
{
    (void)state;
    char *q = query_build("NOT found", 9, 0);
    assert_string_equal(q, "\"NOT\" \"found\"");
    assert_int_equal(matches(q), 1);         /* both words, in row 1 */
    free(q);
    q = query_build("AND", 3, 0);
    assert_string_equal(q, "\"AND\"");
    assert_int_equal(matches(q), 2);         /* the word "and" in rows 1 and 3 */
    free(q);
    q = query_build("say \"hi\" there", 14, 0);
    assert_string_equal(q, "\"say\" \"hi\" \"there\"");
    free(q);
    q = query_build("\"not found\"", 11, 1);
    assert_string_equal(q, "\"not found\"");  /* a quoted phrase, no prefix */
    free(q);
}

static void test_prefix_on_last_word_while_typing(void **state)
{
    (void)state;
    char *q = query_build("captiv", 6, 1);
    assert_string_equal(q, "\"captiv\"*");
    assert_int_equal(matches(q), 1);
    free(q);
    q = query_build("captiv ", 7, 1);         /* a space ends the word: whole */
    assert_string_equal(q, "\"captiv\"");
    free(q);
    q = query_build("netw auth", 9, 1);       /* earlier words are whole */
    assert_string_equal(q, "\"netw\" \"auth\"*");
    free(q);
}

static void test_nul_bytes_and_nothing_searchable(void **state)
{
    (void)state;
    const char with_nul[] = {'f', 'o', '\0', 'u', 'n', 'd'};
    char *q = query_build(with_nul, sizeof with_nul, 0);
    assert_string_equal(q, "\"found\"");
    free(q);
    assert_null(query_build("", 0, 1));
    assert_null(query_build("   ", 3, 1));
    assert_null(query_build("*", 1, 1));
    assert_null(query_build("\"\"", 2, 1));
    assert_null(query_build("-- ++ ::", 8, 1));
}

static void test_size_is_capped(void **state)
{
    (void)state;
    /* 50,000 words: the query keeps at most QUERY_MAX_TOKENS of them, and SQLite takes it. */
    struct sb b;
    sb_init(&b);
    for (int i = 0; i < 50000; i++)
        sb_printf(&b, "word%d ", i);
    char *q = query_build(b.buf, b.len, 1);
    assert_non_null(q);
    size_t quotes = 0;
    for (const char *p = q; *p; p++)
        quotes += *p == '"';
    assert_true(quotes <= 2 * QUERY_MAX_TOKENS);
    assert_true(matches(q) >= 0);
    free(q);
    sb_reset(&b);
    for (int i = 0; i < 10000; i++)
        sb_putc(&b, 'a');
    q = query_build(b.buf, b.len, 1);
    assert_true(strlen(q) <= QUERY_MAX_TOKEN_BYTES + 3);
    free(q);
    sb_free(&b);
}

static void test_code_range(void **state)
{
    (void)state;
    int lo, hi;
    assert_true(query_code_range("404", 3, &lo, &hi));
    assert_int_equal(lo, 404);
    assert_int_equal(hi, 404);
    assert_true(query_code_range("40", 2, &lo, &hi));
    assert_int_equal(lo, 400);
    assert_int_equal(hi, 409);
    assert_true(query_code_range("4", 1, &lo, &hi));
    assert_int_equal(lo, 400);
    assert_int_equal(hi, 499);
    assert_true(query_code_range("4xx", 3, &lo, &hi));
    assert_int_equal(hi, 499);
    assert_true(query_code_range("50X", 3, &lo, &hi));
    assert_int_equal(lo, 500);
    assert_int_equal(hi, 509);
    assert_false(query_code_range("4044", 4, &lo, &hi));
    assert_false(query_code_range("904", 3, &lo, &hi));
    assert_false(query_code_range("x04", 3, &lo, &hi));
    assert_false(query_code_range("4x4", 3, &lo, &hi));
    assert_false(query_code_range("", 0, &lo, &hi));
}

static void test_words_and_stems(void **state)
{
    (void)state;
    char **w;
    size_t n = query_words("Too MANY \"requests\" C++", 23, &w);
    assert_int_equal(n, 4);
    assert_string_equal(w[0], "too");
    assert_string_equal(w[1], "many");
    assert_string_equal(w[2], "requests");
    assert_string_equal(w[3], "c");
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
    char *s = query_stem("redirecting");
    assert_string_equal(s, "redirect");
    free(s);
    s = query_stem("requests");
    assert_string_equal(s, "request");
    free(s);
    s = query_stem("gas");
    assert_string_equal(s, "gas");      /* too short to strip */
    free(s);
}

static void test_snippet_window_and_marks(void **state)
{
    (void)state;
    char *words[] = {"captive", "portals"};
    char *s = query_snippet("The 511 status code is designed to mitigate problems caused by \"captive portals\" "
                            "to software (especially non-browser agents) that is expecting a response.",
                            words, 2, 8);
    assert_non_null(s);
    assert_non_null(strstr(s, "\x01" "captive" "\x02"));
    assert_non_null(strstr(s, "\x01" "portals" "\x02"));
    assert_true(strncmp(s, "\xE2\x80\xA6", 3) == 0);            /* cut at the start */
    assert_non_null(strstr(s, "\xE2\x80\xA6"));
    free(s);
    char *stem[] = {"redirecting"};
    s = query_snippet("A redirect, then\nanother Redirect.", stem, 1, 12);
    assert_string_equal(s, "A \x01redirect\x02, then another \x01Redirect\x02.");
    free(s);
    char *none[] = {"zebra"};
    assert_null(query_snippet("nothing here", none, 1, 12));
    char *shortw[] = {"a"};
    s = query_snippet("apple a day", shortw, 1, 12);      /* short words match whole only */
    assert_string_equal(s, "apple \x01" "a\x02 day");
    free(s);
    s = query_snippet("a marker\x01" "bytes\x02" " dropped zebra", none, 1, 12);
    assert_string_equal(s, "\xE2\x80\xA6" "bytes dropped \x01zebra\x02");   /* no stray markers */
    free(s);
}

/* Issue 12: a cut snippet starts at a whole word, never after an apostrophe inside one
 * ("…m a teapot)", "…s idle timeout"). */
static void test_snippet_starts_at_a_word(void **state)
{
    (void)state;
    char *teapot[] = {"teapot"};
    char *s = query_snippet("The joke code says I'm a teapot (RFC 2324) and nothing more.", teapot, 1, 12);
    assert_string_equal(s, "\xE2\x80\xA6" "I'm a \x01teapot\x02 (RFC 2324) and nothing more.");
    free(s);
    char *idle[] = {"idle", "timeout"};
    s = query_snippet("Closed when the proxy server's idle timeout ran out before the request came.", idle, 2, 6);
    assert_string_equal(s, "\xE2\x80\xA6" "server's \x01idle\x02 \x01timeout\x02 ran out\xE2\x80\xA6");
    free(s);
    /* A typographic apostrophe is part of the word already. */
    s = query_snippet("Closed when the proxy server\xE2\x80\x99s idle timeout ran out.", idle, 2, 6);
    assert_string_equal(s, "\xE2\x80\xA6" "proxy server\xE2\x80\x99s \x01idle\x02 \x01timeout\x02 ran out.");
    free(s);
}

/* The typed words as the search ranks them (issue 12). */
static void test_terms(void **state)
{
    (void)state;
    struct query_term t[QUERY_MAX_TOKENS];
    /* Question phrasing may be left out; "not" and "get" carry meaning. */
    size_t n = query_terms("what status code for NOT found get", 34, 0, t);
    assert_int_equal(n, 7);
    int filler[] = {1, 1, 1, 1, 0, 0, 0};
    for (size_t i = 0; i < n; i++)
        assert_int_equal(t[i].filler, filler[i]);
    assert_string_equal(t[4].norm, "not");
    query_terms_free(t, n);
    /* Only question words: none is left out. */
    n = query_terms("what is it", 10, 0, t);
    for (size_t i = 0; i < n; i++)
        assert_false(t[i].filler);
    query_terms_free(t, n);
    /* Status codes by number (whether the code exists is the data layer's question), but
     * not a quantity or a log's error number; "000" and "0" are code 000. */
    n = query_terms("401 vs 403 took 100 seconds, (110: curl 000 xhr 0 7000", 54, 0, t);
    int number[] = {401, -1, 403, -1, -1, -1, -1, -1, 0, -1, 0, -1};
    assert_int_equal(n, 12);
    for (size_t i = 0; i < n; i++)
        if (t[i].number != number[i])
            fail_msg("term %zu '%s': number %d, expected %d", i, t[i].text, t[i].number, number[i]);
    query_terms_free(t, n);
    /* Header field names: hyphenated, followed by a colon or "header", or alone. */
    n = query_terms("Retry-After Upgrade: Location header Connection timed out", 57, 0, t);
    int header[] = {2, 2, 2, 0, 0, 0, 0};
    assert_int_equal(n, 7);
    for (size_t i = 0; i < n; i++)
        if (t[i].header != header[i])
            fail_msg("term %zu '%s': header %d, expected %d", i, t[i].text, t[i].header, header[i]);
    assert_string_equal(t[1].norm, "upgrade");
    assert_int_equal(t[0].parts, 2);
    query_terms_free(t, n);
    n = query_terms("ETag", 4, 0, t);
    assert_int_equal(t[0].header, 1);
    query_terms_free(t, n);
    /* A class is named, not searched; a path is the asker's, not ours. */
    n = query_terms("which 3xx code Cannot GET /api/users", 36, 0, t);
    assert_int_equal(n, 6);
    assert_int_equal(t[1].klass, 3);
    assert_true(t[1].filler);
    assert_true(t[5].filler);
    assert_false(t[3].filler);
    query_terms_free(t, n);
    /* Quoted words stay one phrase and are never left out; the open last word. */
    n = query_terms("\"what is\" teapo", 15, 1, t);
    assert_int_equal(n, 2);
    assert_true(t[0].quoted);
    assert_false(t[0].filler);
    assert_true(t[1].open);
    query_terms_free(t, n);
    n = query_terms("teapot ", 7, 1, t);
    assert_false(t[0].open);
    query_terms_free(t, n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hostile_inputs_are_accepted),
        cmocka_unit_test(test_operators_are_text),
        cmocka_unit_test(test_prefix_on_last_word_while_typing),
        cmocka_unit_test(test_nul_bytes_and_nothing_searchable),
        cmocka_unit_test(test_size_is_capped),
        cmocka_unit_test(test_code_range),
        cmocka_unit_test(test_words_and_stems),
        cmocka_unit_test(test_snippet_window_and_marks),
        cmocka_unit_test(test_snippet_starts_at_a_word),
        cmocka_unit_test(test_terms),
    };
    return cmocka_run_group_tests_name("query", tests, setup, teardown);
}
