/* Unit tests for the text layer: UTF-8, width, sanitising, wrapping, JSON. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "text.h"
#include "util.h"

static void test_decode_valid_and_invalid(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(txt_decode("A", 1, &cp), 1);
    assert_int_equal(cp, 'A');
    assert_int_equal(txt_decode("\xC2\xA7", 2, &cp), 2);     /* § */
    assert_int_equal(cp, 0xA7);
    assert_int_equal(txt_decode("\xE2\x80\x99", 3, &cp), 3); /* ’ */
    assert_int_equal(cp, 0x2019);
    assert_int_equal(txt_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    /* Invalid: lone continuation, overlong, truncated, surrogate. */
    assert_int_equal(txt_decode("\x80", 1, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(txt_decode("\xC0\xAF", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(txt_decode("\xE2\x80", 2, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
    assert_int_equal(txt_decode("\xED\xA0\x80", 3, &cp), 1);
    assert_int_equal(cp, 0xFFFD);
}

static void test_width(void **state)
{
    (void)state;
    assert_int_equal(txt_width("hello", 5), 5);
    assert_int_equal(txt_width("§ ’", strlen("§ ’")), 3);
    assert_int_equal(txt_width("日本", strlen("日本")), 4);            /* wide */
    assert_int_equal(txt_width("e\xCC\x81", 3), 1);                   /* combining acute */
    assert_int_equal(txt_width("\x1b", 1), 0);                        /* never negative */
    assert_int_equal(txt_cp_width(0x200B), 0);
}

static void test_sanitize_removes_escapes_and_bidi(void **state)
{
    (void)state;
    char *s = txt_sanitize("a\x1b[31mred\x1b]0;title\x07 b\xE2\x80\xAE" "c\xE2\x80\x8B" "d\xC2\x9B" "e\tf\rg", 0, 0);
    assert_string_equal(s, "a[31mred]0;title bcde fg");
    free(s);
    s = txt_sanitize("line1\nline2", 1, 0);
    assert_string_equal(s, "line1\nline2");
    free(s);
    s = txt_sanitize("line1\nline2", 0, 0);
    assert_string_equal(s, "line1 line2");
    free(s);
    /* Invalid UTF-8 becomes U+FFFD, never passed through raw. */
    s = txt_sanitize("ok\xFF\xFE!", 0, 0);
    assert_string_equal(s, "ok\xEF\xBF\xBD\xEF\xBF\xBD!");
    free(s);
}

/* txt_clean: what the database reader makes of a column. */
static char *clean(const char *s, size_t len, int multiline)
{
    size_t n = txt_clean(NULL, s, len, multiline);
    assert_true(n <= 3 * len);
    char *d = malloc(3 * len + 1);
    assert_non_null(d);
    memset(d, 'X', 3 * len + 1);
    assert_int_equal(txt_clean(d, s, len, multiline), n);   /* measuring and writing agree */
    assert_int_equal(d[n], '\0');
    return d;
}

static void check_clean(const char *in, const char *want, int multiline)
{
    char *d = clean(in, strlen(in), multiline);
    assert_string_equal(d, want);
    free(d);
}

static void test_clean_removes_sequences_whole(void **state)
{
    (void)state;
    check_clean("a\x1b[31mred\x1b[0m b", "ared b", 0);                       /* CSI */
    check_clean("a\x1b[?1049h\x1b[2J\x1b[Hb", "ab", 0);
    check_clean("a\x1b]0;title\x07" "b", "ab", 0);                         /* OSC ... BEL */
    check_clean("a\x1b]52;c;aGk=\x1b\\b", "ab", 0);                         /* OSC ... ST */
    check_clean("\x1b]8;;http://x/\x1b\\link\x1b]8;;\x1b\\", "link", 0);   /* a hyperlink */
    check_clean("a\x1bPdcs\x1b\\b\x1b_apc\x1b\\c", "abc", 0);              /* DCS, APC */
    check_clean("a\x1b" "cb\x1b(0c\x1b" "7d", "abcd", 0);                   /* RIS, charset, DECSC */
    check_clean("a\xC2\x9B" "31mb\xC2\x9D" "0;t\xC2\x9C" "c", "abc", 0);     /* C1 CSI, OSC ... ST */
    /* Unterminated: only the introducer goes, the text after it stays. */
    check_clean("a\x1b]0;title", "a0;title", 0);
    check_clean("end\x1b", "end", 0);
    check_clean("a\x1b[", "a", 0);
    /* A raw 0x9B byte is not UTF-8: it becomes U+FFFD, never a CSI. */
    check_clean("a\x9b" "2J", "a\xEF\xBF\xBD" "2J", 0);
}

static void test_clean_controls_and_invisible(void **state)
{
    (void)state;
    check_clean("a\rb\bc\x07" "d\x7f" "e\x01" "f", "abcdef", 0);
    check_clean("one\ntwo\tthree", "one two three", 0);
    check_clean("one\ntwo\tthree", "one\ntwo three", 1);
    check_clean("one\r\ntwo", "one\ntwo", 1);
    /* bidi, zero-width, soft hyphen, separators, tags, fillers, selectors, BOM, NEL */
    check_clean("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c\xE2\x80\x8B" "d\xE2\x80\x8D" "e\xC2\xAD" "f"
                "\xE2\x80\xA8" "g\xF3\xA0\x81\x81" "h\xE1\x85\x9F" "i\xE3\x85\xA4" "j\xEF\xB8\x8F"
                "k\xEF\xBB\xBF" "l\xC2\x85" "m", "abcdefghijklm", 0);
    /* Ordinary text is kept as it is. */
    check_clean("R\xC3\xA9sum\xC3\xA9 \xE2\x80\x94 \xC2\xA7" "15.5.5 \xE6\x97\xA5 \xF0\x9F\x98\x80",
                "R\xC3\xA9sum\xC3\xA9 \xE2\x80\x94 \xC2\xA7" "15.5.5 \xE6\x97\xA5 \xF0\x9F\x98\x80", 0);
    /* NUL inside the value (a length is given): dropped, the rest kept. */
    char *d = clean("a\0b", 3, 0);
    assert_string_equal(d, "ab");
    free(d);
    /* Invalid UTF-8 of every kind: each bad byte one U+FFFD (the worst case, 3x). */
    d = clean("\xFF\xC0\xAF\xED\xA0\x80\xE2\x80", 8, 0);
    for (int i = 0; i < 8; i++)
        assert_memory_equal(d + 3 * i, "\xEF\xBF\xBD", 3);
    assert_int_equal(strlen(d), 24);
    free(d);
}

static void test_sanitize_ascii_fallback(void **state)
{
    (void)state;
    char *s = txt_sanitize("\xE2\x80\xA2 it\xE2\x80\x99s \xE2\x80\x9Cx\xE2\x80\x9D \xE2\x80\x94 \xC2\xA7" "10 \xE6\x97\xA5", 0, 1);
    assert_string_equal(s, "* it's \"x\" - S.10 ?");
    free(s);
}

static void check_wrap(const char *text, int width, const char *const *want, size_t n_want)
{
    size_t *st, *ln;
    size_t n = txt_wrap(text, width, &st, &ln);
    assert_int_equal(n, n_want);
    for (size_t i = 0; i < n; i++) {
        char *line = xstrndup(text + st[i], ln[i]);
        assert_string_equal(line, want[i]);
        assert_true(txt_width(line, strlen(line)) <= width || width < 1);
        free(line);
    }
    free(st);
    free(ln);
}

static void test_wrap_words(void **state)
{
    (void)state;
    const char *const a[] = {"The quick", "brown fox", "jumps"};
    check_wrap("The quick brown fox jumps", 10, a, 3);
    const char *const b[] = {"abcdefghij", "klm"};
    check_wrap("abcdefghijklm", 10, b, 2);              /* a long word is broken */
    const char *const c[] = {""};
    check_wrap("", 10, c, 1);
    const char *const d[] = {"no wrap at all here"};
    check_wrap("no wrap at all here", 0, d, 1);          /* width 0: no wrapping */
    const char *const e[] = {"日本", "語"};
    check_wrap("日本語", 5, e, 2);                        /* wide characters count 2 */
}

static void test_wrap_hanging_first_line(void **state)
{
    (void)state;
    size_t *st, *ln;
    size_t n = txt_wrap_hang("aaa bbb ccc ddd", 3, 7, &st, &ln);
    assert_int_equal(n, 3);
    assert_int_equal(ln[0], 3);   /* "aaa" */
    assert_int_equal(ln[1], 7);   /* "bbb ccc" */
    assert_int_equal(ln[2], 3);   /* "ddd" */
    free(st);
    free(ln);
}

static void test_wrap_never_exceeds_width(void **state)
{
    (void)state;
    const char *text = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod "
                       "tempor incididunt ut labore et dolore magna aliqua. \xE2\x80\x9CQuoted\xE2\x80\x9D "
                       "and \xE6\x97\xA5\xE6\x9C\xAC wide, averyveryveryverylongwordthatneverends.";
    for (int w = 1; w <= 90; w++) {
        size_t *st, *ln;
        size_t n = txt_wrap(text, w, &st, &ln);
        for (size_t i = 0; i < n; i++) {
            int lw = txt_width(text + st[i], ln[i]);
            /* A single wide character may exceed a 1-column width; nothing else may. */
            assert_true(lw <= (w < 2 ? 2 : w));
        }
        free(st);
        free(ln);
    }
}

static void test_wrap_at_hyphens_and_hyphenate_only_what_cannot_fit(void **state)
{
    (void)state;
    /* A hyphen inside a word is a place to break; an address keeps its hyphens whole. */
    const char *const a[] = {"Proxy-", "Authenticate", "(must)"};
    check_wrap("Proxy-Authenticate (must)", 12, a, 3);
    const char *const b[] = {"see", "https://www.rfc-editor.org/x"};
    check_wrap("see https://www.rfc-editor.org/x", 28, b, 2);
    /* txt_wrap_lines: a word wider than the line is broken with a hyphen, no other. */
    char **l;
    size_t n = txt_wrap_lines("yes, by default (heuristically)", 10, 10, &l);
    const char *const c[] = {"yes, by", "default", "(heuristi-", "cally)"};
    assert_int_equal(n, 4);
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(l[i], c[i]);
        assert_true(txt_width(l[i], strlen(l[i])) <= 10);
        free(l[i]);
    }
    free(l);
    /* Width 1: nothing can be hyphenated, and no line is wider than 1. */
    n = txt_wrap_lines("abc", 1, 1, &l);
    assert_int_equal(n, 3);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(strlen(l[i]), 1);
        free(l[i]);
    }
    free(l);
}

static void test_fit(void **state)
{
    (void)state;
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    assert_int_equal(txt_fit(&b, "Moved Permanently", 8, 1, 0), 8);
    assert_string_equal(b.buf, "Moved P\xE2\x80\xA6");
    sb_reset(&b);
    txt_fit(&b, "Moved Permanently", 8, 1, 1);
    assert_string_equal(b.buf, "Moved P~");
    sb_reset(&b);
    txt_fit(&b, "short", 8, 1, 0);
    assert_string_equal(b.buf, "short");
    sb_free(&b);
}

static void test_json_string(void **state)
{
    (void)state;
    struct sb b;
    sb_init(&b);
    txt_json_string(&b, "a\"b\\c\nd\x1b" "e\xC2\x9B" "f\xE2\x80\xAE" "g\xFF");
    assert_string_equal(b.buf, "\"a\\\"b\\\\c\\nd\\u001be\\u009bf\\u202eg\\ufffd\"");
    sb_free(&b);
}

/* The prompts' line editor: UTF-8 characters typed byte by byte, Backspace and Ctrl-W. */
static void test_line_editor(void **state)
{
    (void)state;
    struct sb b;
    sb_init(&b);
    assert_int_equal(txt_edit_type(&b, 'a', 10), 1);
    assert_int_equal(txt_edit_type(&b, 0x1B, 10), -1);        /* a control: not taken */
    assert_int_equal(txt_edit_type(&b, 0xC3, 10), 0);         /* é, first byte: not whole yet */
    assert_int_equal(txt_edit_type(&b, 0xA9, 10), 1);
    assert_string_equal(b.buf, "a\xC3\xA9");
    txt_edit_backspace(&b);                                   /* the whole character goes */
    assert_string_equal(b.buf, "a");
    for (const char *p = " two  words"; *p; p++)
        txt_edit_type(&b, (unsigned char)*p, 10);
    assert_int_equal(txt_edit_type(&b, 'x', 10), -1);         /* full at 10 bytes */
    txt_edit_delete_word(&b);
    assert_string_equal(b.buf, "a two  ");
    txt_edit_delete_word(&b);
    assert_string_equal(b.buf, "a ");
    txt_edit_backspace(&b);
    txt_edit_backspace(&b);
    txt_edit_backspace(&b);                                   /* empty: nothing to remove */
    assert_int_equal((int)b.len, 0);
    sb_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid_and_invalid),
        cmocka_unit_test(test_width),
        cmocka_unit_test(test_sanitize_removes_escapes_and_bidi),
        cmocka_unit_test(test_clean_removes_sequences_whole),
        cmocka_unit_test(test_clean_controls_and_invisible),
        cmocka_unit_test(test_sanitize_ascii_fallback),
        cmocka_unit_test(test_wrap_words),
        cmocka_unit_test(test_wrap_hanging_first_line),
        cmocka_unit_test(test_wrap_never_exceeds_width),
        cmocka_unit_test(test_wrap_at_hyphens_and_hyphenate_only_what_cannot_fit),
        cmocka_unit_test(test_fit),
        cmocka_unit_test(test_json_string),
        cmocka_unit_test(test_line_editor),
    };
    return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
