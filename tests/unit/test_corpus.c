/* Unit tests for the assets/ parser: fields, sections, and errors with line numbers. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "../db/corpus.h"

static struct corpus_file *parse_ok(const char *text)
{
    struct corpus_file *f;
    int line;
    char *err;
    if (corpus_parse(text, strlen(text), &f, &line, &err) != 0)
        fail_msg("unexpected error at line %d: %s", line, err);
    return f;
}

static void expect_error(const char *text, size_t len, int want_line, const char *want)
{
    struct corpus_file *f;
    int line;
    char *err;
    assert_int_equal(corpus_parse(text, len, &f, &line, &err), -1);
    assert_null(f);
    assert_int_equal(line, want_line);
    if (!strstr(err, want))
        fail_msg("error '%s' lacks '%s'", err, want);
    free(err);
}

static void test_fields_and_sections(void **state)
{
    (void)state;
    struct corpus_file *f = parse_ok("# comment\ncode: 404\nphrase: Not Found\nrelated: 410 gone for good\n"
                                     "related: 403 refused\n\n== rest: REST API Tutorial\nFirst.\n\n"
                                     "  \xE2\x80\xA2 item\n\n\n== example: httpstatus\nGET / HTTP/1.1\n\nHTTP/1.1 404 Not Found\n");
    assert_int_equal(f->n_fields, 4);
    assert_string_equal(corpus_get(f, "phrase", NULL), "Not Found");
    int line;
    assert_string_equal(corpus_get(f, "related", &line), "410 gone for good");
    assert_int_equal(line, 4);
    assert_null(corpus_get(f, "summary", NULL));
    assert_int_equal(f->n_sections, 2);
    assert_string_equal(f->sections[0].kind, "rest");
    assert_string_equal(f->sections[0].source, "REST API Tutorial");
    assert_string_equal(f->sections[0].body, "First.\n\n  \xE2\x80\xA2 item");
    assert_int_equal(f->sections[1].line, 13);
    assert_string_equal(f->sections[1].body, "GET / HTTP/1.1\n\nHTTP/1.1 404 Not Found");
    corpus_file_free(f);
}

static void test_crlf_and_bom(void **state)
{
    (void)state;
    struct corpus_file *f = parse_ok("\xEF\xBB\xBF" "code: 200\r\n\r\n== rfc: RFC 9110\r\nText.\r\n");
    assert_string_equal(corpus_get(f, "code", NULL), "200");
    assert_string_equal(f->sections[0].body, "Text.");
    corpus_file_free(f);
}

static void test_errors_name_the_line(void **state)
{
    (void)state;
    expect_error("code: 404\nthis line has no colon\n", 33, 2, "expected 'name: value'");
    expect_error("code: 404\nphrase:\n", 18, 2, "empty value");
    expect_error("code: 404\n== rest\nx\n", 20, 2, "section header");
    expect_error("code: 404\n== rest:\nx\n", 21, 2, "no source");
    expect_error("code: 404\n\n== rfc: X\nbad \xFF byte\n", 29, 4, "UTF-8");
    expect_error("code: 404\nphrase: a\0b\n", 22, 2, "NUL");
}

/* The input in a heap block of exactly its length, no NUL after it: under AddressSanitizer
 * any read past the end aborts the test. */
static void expect_error_exact(const char *text, size_t len, int want_line, const char *want)
{
    char *buf = malloc(len);
    assert_non_null(buf);
    memcpy(buf, text, len);
    struct corpus_file *f;
    int line;
    char *err;
    assert_int_equal(corpus_parse(buf, len, &f, &line, &err), -1);
    assert_null(f);
    assert_int_equal(line, want_line);
    if (!strstr(err, want))
        fail_msg("error '%s' lacks '%s'", err, want);
    free(err);
    free(buf);
}

/* Regression (fuzz_corpus, seed tests/fuzz/corpus/corpus/regress-line-without-colon): the
 * error message for a line without a colon read that line as a C string, past the end of
 * an input whose last line has no newline. */
static void test_line_without_colon_at_end_of_input(void **state)
{
    (void)state;
    expect_error_exact("a\x10" "b", 3, 1, "expected 'name: value'");
    expect_error_exact("a\x10" "b", 3, 1, ": ab");
    expect_error_exact("code: 404\nno colon", 18, 2, ": no colon");
    expect_error_exact("code: 404\r\nno colon\r", 20, 2, ": no colon");
    expect_error_exact("x", 1, 1, ": x");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fields_and_sections),
        cmocka_unit_test(test_crlf_and_bom),
        cmocka_unit_test(test_errors_name_the_line),
        cmocka_unit_test(test_line_without_colon_at_end_of_input),
    };
    return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
