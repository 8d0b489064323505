/* Unit tests for lesson files (parser, messages, built-in lessons, loading) and the slide
 * model (what slides a lesson makes, and that their layout fits every screen size from
 * 40x12 to 300x80 without cutting a word). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

#include "data.h"
#include "lesson.h"
#include "slides.h"
#include "text.h"

static struct hs_db *db;

static int setup(void **state)
{
    (void)state;
    char *err = NULL;
    return hsdb_open_embedded(&db, &err) == HS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    hsdb_close(db);
    return 0;
}

static struct lesson *parse_ok(const char *text)
{
    struct lesson *l = lesson_new("t.txt");
    char *err = NULL;
    size_t bad = lesson_parse(l, text, strlen(text), &err);
    if (bad)
        fprintf(stderr, "unexpected: %s\n", err);
    assert_int_equal(bad, 0);
    assert_null(err);
    return l;
}

/* The messages for text, or NULL when it parses. */
static char *parse_err(const char *text, size_t len, size_t *bad)
{
    struct lesson *l = lesson_new("t.txt");
    char *err = NULL;
    *bad = lesson_parse(l, text, len, &err);
    lesson_free(l);
    return err;
}

/* ---- the parser ----------------------------------------------------------------------- */

static void test_items_notes_and_comments(void **state)
{
    (void)state;
    struct lesson *l = parse_ok("# a lesson\n"
                                "404\n"
                                "note: the classic\n"
                                "NOTE:   and a second line  \n"
                                "\n"
                                "  4XX   # a class, with a comment\r\n"
                                "redirects\n"
                                "Compare 401 403 407\n"
                                "note: three ways to say no\n");
    assert_int_equal(l->n, 4);
    assert_int_equal(l->v[0].kind, LESSON_CODE);
    assert_int_equal(l->v[0].code, 404);
    assert_int_equal(l->v[0].line, 2);
    assert_int_equal(l->v[0].n_notes, 2);
    assert_string_equal(l->v[0].notes[0], "the classic");
    assert_string_equal(l->v[0].notes[1], "and a second line");
    assert_int_equal(l->v[1].kind, LESSON_CLASS);
    assert_int_equal(l->v[1].klass, 4);
    assert_int_equal(l->v[1].line, 6);
    assert_int_equal(l->v[2].kind, LESSON_GROUP);
    assert_string_equal(l->v[2].group, "redirects");
    assert_int_equal(l->v[3].kind, LESSON_COMPARE);
    assert_int_equal(l->v[3].n_codes, 3);
    assert_int_equal(l->v[3].codes[2], 407);
    assert_int_equal(l->v[3].n_notes, 1);
    lesson_free(l);
}

static void test_bad_lines_name_file_and_line(void **state)
{
    (void)state;
    const char *text = "404\n"           /* 1 fine */
                       "4o4\n"           /* 2 not a code, class or group */
                       "1234\n"          /* 3 a code of four digits */
                       "404 410\n"       /* 4 two items on a line */
                       "compare 404\n"   /* 5 one code to compare */
                       "compare 1 2 3 4 5 6 7 8 9\n"   /* 6 too many, and not codes */
                       "compare 401 4xx\n"             /* 7 a class in compare */
                       "note:\n"         /* 8 empty note (after a bad line) */
                       "700\n"           /* 9 out of range */
                       "notes: x\n";     /* 10 a misspelt note */
    size_t bad;
    char *err = parse_err(text, strlen(text), &bad);
    assert_non_null(err);
    assert_int_equal(bad, 9);
    const char *want[] = {"t.txt:2: '4o4' is not a status code, a class (like 4xx) or a group name",
                          "t.txt:3: '1234' is not a status code",
                          "t.txt:4: one item per line, but this line has 2 words; to compare the codes write: compare 404 410",
                          "t.txt:5: compare needs at least two codes",
                          "t.txt:6: compare takes at most 8 codes",
                          "t.txt:7: '4xx' is not a status code, a class (like 4xx) or a group name; compare takes codes only",
                          "t.txt:8: a note must follow",
                          "t.txt:9: '700' is not a status code",
                          "t.txt:10: a note is written 'note: text'"};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        if (!strstr(err, want[i]))
            fprintf(stderr, "missing '%s' in:\n%s\n", want[i], err);
        assert_non_null(strstr(err, want[i]));
    }
    /* One message per line, each naming the file and line. */
    size_t lines = 1;
    for (const char *p = err; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 9);
    free(err);
}

static void test_empty_binary_and_many_errors(void **state)
{
    (void)state;
    size_t bad;
    char *err = parse_err("# only comments\n\n", 17, &bad);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(err, "t.txt:2: the lesson has no codes"));
    free(err);
    err = parse_err("404\n40\0004\n", 9, &bad);
    assert_int_equal(bad, 1);
    assert_non_null(strstr(err, "t.txt:2: a NUL byte"));
    free(err);
    struct sb b;
    sb_init(&b);
    for (int i = 0; i < 50; i++)
        sb_puts(&b, "bad line here\n");
    err = parse_err(b.buf, b.len, &bad);
    assert_int_equal(bad, 50);
    assert_non_null(strstr(err, "t.txt: ... and 30 more bad lines"));
    free(err);
    sb_free(&b);
}

static void test_long_words_are_cut_in_messages(void **state)
{
    (void)state;
    char line[400];
    memset(line, 'a', sizeof line - 2);
    line[sizeof line - 2] = '\n';
    line[sizeof line - 1] = '\0';
    size_t bad;
    char *err = parse_err(line, strlen(line), &bad);
    assert_int_equal(bad, 1);
    assert_true(strlen(err) < 150);
    free(err);
}

static void test_words(void **state)
{
    (void)state;
    struct lesson *l = lesson_new("command line");
    char *err = NULL;
    assert_int_equal(lesson_add_word(l, "503", &err), 0);
    assert_int_equal(lesson_add_word(l, "5xx", &err), 0);
    assert_int_equal(lesson_add_word(l, "Upstream", &err), 0);
    assert_int_equal(l->n, 3);
    assert_string_equal(l->v[2].group, "upstream");
    assert_int_equal(lesson_add_word(l, "99", &err), -1);
    assert_non_null(strstr(err, "'99' is not a status code"));
    free(err);
    assert_int_equal(lesson_add_word(l, "a b", &err), -1);
    free(err);
    lesson_free(l);
}

/* ---- checking against the database ----------------------------------------------------- */

static void test_resolve(void **state)
{
    (void)state;
    struct lesson *l = parse_ok("redirects\n404\n");
    char *err = NULL;
    assert_int_equal(lesson_resolve(l, db, &err), 0);
    assert_null(err);
    assert_int_equal(l->v[0].n_codes, 5);
    assert_int_equal(l->v[0].codes[0], 301);
    assert_non_null(strstr(l->v[0].title, "Redirects"));
    lesson_free(l);

    l = parse_ok("299\n404\n");
    assert_int_equal(lesson_resolve(l, db, &err), 1);
    assert_non_null(strstr(err, "t.txt:1: no status code 299 is known"));
    free(err);
    lesson_free(l);

    l = parse_ok("404\nredirect\ncompare 401 298\n");
    err = NULL;
    assert_int_equal(lesson_resolve(l, db, &err), 2);
    assert_non_null(strstr(err, "t.txt:2: 'redirect' is not a status code, a class or a group; the groups are:"));
    assert_non_null(strstr(err, "redirects"));
    assert_non_null(strstr(err, "t.txt:3: no status code 298 is known"));
    free(err);
    lesson_free(l);
}

static void test_builtin_lessons_all_load_and_resolve(void **state)
{
    (void)state;
    const char *need[] = {"1xx", "2xx", "3xx", "4xx", "5xx", "redirects", "authentication"};
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        struct lesson *l = NULL;
        char *err = NULL;
        char name[64];
        snprintf(name, sizeof name, "builtin:%s", need[i]);
        if (lesson_load(name, &l, &err) != 0)
            fprintf(stderr, "%s: %s\n", name, err);
        assert_non_null(l);
        assert_string_equal(l->name, name);
        assert_true(l->n > 0);
        assert_int_equal(lesson_resolve(l, db, &err), 0);
        struct deck *d;
        assert_int_equal(deck_build(db, l, 0, &d), HS_OK);
        assert_true(d->n >= 3);
        deck_free(d);
        lesson_free(l);
    }
}

static void test_load_file_or_builtin(void **state)
{
    (void)state;
    char dir[] = "/tmp/hs-lesson-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/mine.txt", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("418\nnote: a joke\n", f);
    fclose(f);
    struct lesson *l = NULL;
    char *err = NULL;
    assert_int_equal(lesson_load(path, &l, &err), 0);
    assert_string_equal(l->name, path);
    assert_int_equal(l->v[0].code, 418);
    lesson_free(l);
    /* A bad file: its messages name it. */
    f = fopen(path, "w");
    fputs("404\n\nnope nope\n", f);
    fclose(f);
    assert_int_equal(lesson_load(path, &l, &err), -1);
    assert_null(l);
    char want[160];
    snprintf(want, sizeof want, "%s:3: one item per line", path);
    assert_non_null(strstr(err, want));
    free(err);
    /* No such file: the built-in lesson of that name, else a message listing them. */
    assert_int_equal(lesson_load("redirects", &l, &err), 0);
    assert_string_equal(l->name, "builtin:redirects");
    lesson_free(l);
    snprintf(path, sizeof path, "%s/none.txt", dir);
    assert_int_equal(lesson_load(path, &l, &err), -1);
    assert_non_null(strstr(err, "no such lesson file"));
    assert_non_null(strstr(err, "authentication"));
    free(err);
    assert_int_equal(lesson_load("builtin:nope", &l, &err), -1);
    assert_non_null(strstr(err, "no built-in lesson 'nope'"));
    free(err);
    assert_int_equal(lesson_load(dir, &l, &err), -1);
    assert_non_null(strstr(err, "is a directory"));
    free(err);
    unlink(path);
    snprintf(path, sizeof path, "%s/mine.txt", dir);
    unlink(path);
    rmdir(dir);
}

/* ---- the deck ---------------------------------------------------------------------------- */

static struct deck *deck_of(const char *text, int ascii)
{
    struct lesson *l = parse_ok(text);
    char *err = NULL;
    assert_int_equal(lesson_resolve(l, db, &err), 0);
    struct deck *d;
    assert_int_equal(deck_build(db, l, ascii, &d), HS_OK);
    lesson_free(l);
    return d;
}

static void test_code_slides(void **state)
{
    (void)state;
    struct deck *d = deck_of("404\nnote: say it twice\n", 0);
    assert_int_equal(d->n, 2);
    assert_int_equal(d->v[0].kind, SLIDE_CODE);
    assert_int_equal(d->v[0].code, 404);
    assert_string_equal(d->v[0].title, "Not Found");
    assert_non_null(strstr(d->v[0].meta, "REST Top 10"));
    assert_true(d->v[0].n_facts >= 1);
    assert_int_equal(d->v[0].n_notes, 1);
    assert_int_equal(d->v[1].kind, SLIDE_EXAMPLE);
    assert_int_equal(d->v[1].n_notes, 0);
    assert_string_equal(d->v[1].lines[0], "GET /no-such-page HTTP/1.1");
    assert_int_equal(deck_find(d, 404), 0);
    assert_int_equal(deck_find(d, 410), -1);
    deck_free(d);
}

static void test_class_slides(void **state)
{
    (void)state;
    struct deck *d = deck_of("3xx\n", 0);
    assert_int_equal(d->v[0].kind, SLIDE_TITLE);
    assert_int_equal(d->v[0].klass, 3);
    assert_true(d->v[0].n_facts >= 5);
    /* Its common codes follow: standard ones only, never 305 or 306. */
    int seen301 = 0;
    for (size_t i = 1; i < d->n; i++) {
        assert_int_equal(d->v[i].code / 100, 3);
        assert_true(d->v[i].code != 305 && d->v[i].code != 306);
        seen301 |= d->v[i].code == 301;
    }
    assert_true(seen301);
    deck_free(d);
}

static void test_compare_shows_only_differing_rows(void **state)
{
    (void)state;
    struct deck *d = deck_of("redirects\ncompare 401 403 407\n", 0);
    assert_int_equal(d->n, 2);
    const struct slide *s = &d->v[0];
    assert_int_equal(s->kind, SLIDE_COMPARE);
    assert_int_equal(s->n_cols, 5);
    assert_true(s->n_rows >= 2);
    for (size_t r = 0; r < s->n_rows; r++) {
        int differs = 0;
        for (size_t c = 1; c < s->n_cols; c++)
            differs |= strcmp(s->cells[r * s->n_cols + c], s->cells[r * s->n_cols]) != 0;
        assert_true(differs);
        assert_string_not_equal(s->rows[r].label, "Defined in");
    }
    assert_string_equal(d->v[1].title, "Comparing 401, 403 and 407");
    deck_free(d);
}

static void test_notes_are_sanitised(void **state)
{
    (void)state;
    struct deck *d = deck_of("404\nnote: \x1b]0;PWNED\x07 red\x1b[31m \xE2\x80\xAE" "bidi\xC2\x9B" "2J\n", 0);
    const char *n = d->v[0].notes[0];
    for (const unsigned char *p = (const unsigned char *)n; *p; p++)
        assert_true(*p >= 0x20 && *p != 0x7F);
    assert_null(strstr(n, "\xE2\x80\xAE"));
    assert_null(strstr(n, "\xC2\x9B"));
    deck_free(d);
}

/* ---- layout ------------------------------------------------------------------------------ */

static const int sizes[][2] = {{40, 12}, {41, 13}, {55, 17}, {60, 20}, {80, 24}, {100, 30}, {120, 40}, {200, 60}, {300, 80}};

/* Every span inside the area, none overlapping another on its row. */
static void check_fits(const struct slide_pages *lo, int w, int h)
{
    assert_true(lo->n >= 1);
    for (size_t p = 0; p < lo->n; p++) {
        const struct slide_page *pg = &lo->pages[p];
        for (size_t i = 0; i < pg->n; i++) {
            const struct slide_span *a = &pg->v[i];
            int aw = txt_width(a->text, strlen(a->text));
            assert_true(a->y >= 0 && a->y < h);
            assert_true(a->x >= 0);
            if (a->x + aw > w)
                fprintf(stderr, "%dx%d: '%s' at x %d is %d wide\n", w, h, a->text, a->x, aw);
            assert_true(a->x + aw <= w);
            for (size_t j = i + 1; j < pg->n; j++) {
                const struct slide_span *b = &pg->v[j];
                int bw = txt_width(b->text, strlen(b->text));
                if (a->y == b->y)
                    assert_true(a->x + aw <= b->x || b->x + bw <= a->x);
            }
        }
    }
}

/* Each word of text appears whole in some span of the layout (no word is cut). */
static void check_words(const struct slide_pages *lo, const char *text)
{
    char *copy = strdup(text);
    /* Words, and the parts of a hyphenated word: a line may break after its hyphen. */
    for (char *save = NULL, *w = strtok_r(copy, " -", &save); w; w = strtok_r(NULL, " -", &save)) {
        int found = 0;
        for (size_t p = 0; p < lo->n && !found; p++)
            for (size_t i = 0; i < lo->pages[p].n && !found; i++)
                found = strstr(lo->pages[p].v[i].text, w) != NULL;
        if (!found)
            fprintf(stderr, "word '%s' is cut or missing\n", w);
        assert_true(found);
    }
    free(copy);
}

static void test_every_slide_fits_every_size(void **state)
{
    (void)state;
    struct deck *d = deck_of("1xx\n2xx\n3xx\n4xx\n5xx\nredirects\nauthentication\nabsence\nrejected-input\n"
                             "limits\nupstream\nwrite-success\nconditional\ninterim\ncompare 400 401 403 404 405 409 410 422\n"
                             "499\n520\nnote: a note long enough to wrap on the narrowest screen the slides support, "
                             "with words like Proxy-Authentication-Required that must stay whole\n",
                             0);
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        int w = sizes[k][0], h = sizes[k][1] - 1;
        for (size_t i = 0; i < d->n; i++) {
            struct slide_pages *lo = slide_layout(&d->v[i], w, h, 0);
            check_fits(lo, w, h);
            if (d->v[i].summary)
                check_words(lo, d->v[i].summary);
            for (size_t n = 0; n < d->v[i].n_notes; n++)
                check_words(lo, d->v[i].notes[n]);
            slide_pages_free(lo);
        }
    }
    deck_free(d);
}

static void test_big_digits_only_where_they_fit(void **state)
{
    (void)state;
    struct deck *d = deck_of("404\n", 0);
    struct slide_pages *lo = slide_layout(&d->v[0], 40, 11, 0);
    assert_int_equal(lo->big, 0);
    assert_int_equal(lo->n, 1);
    slide_pages_free(lo);
    lo = slide_layout(&d->v[0], 80, 23, 0);
    assert_int_equal(lo->big, 1);
    assert_int_equal(lo->n, 1);
    slide_pages_free(lo);
    lo = slide_layout(&d->v[0], 200, 59, 0);
    assert_true(lo->big >= 3);
    slide_pages_free(lo);
    /* The glyphs: five rows a scale, all of the same width. */
    char **rows;
    int n = slide_big_text("404", 2, 0, &rows);
    assert_int_equal(n, 10);
    for (int i = 0; i < n; i++) {
        assert_int_equal(txt_width(rows[i], strlen(rows[i])), slide_big_width(3, 2));
        free(rows[i]);
    }
    free(rows);
    deck_free(d);
}

static void test_ascii_everywhere(void **state)
{
    (void)state;
    struct deck *d = deck_of("3xx\nredirects\n", 1);
    for (size_t i = 0; i < d->n; i++) {
        struct slide_pages *lo = slide_layout(&d->v[i], 80, 23, 1);
        for (size_t p = 0; p < lo->n; p++)
            for (size_t k = 0; k < lo->pages[p].n; k++)
                for (const unsigned char *c = (const unsigned char *)lo->pages[p].v[k].text; *c; c++)
                    assert_true(*c < 0x80);
        slide_pages_free(lo);
    }
    deck_free(d);
}

static void test_tall_slides_are_paged(void **state)
{
    (void)state;
    struct deck *d = deck_of("redirects\n", 0);
    struct slide_pages *lo = slide_layout(&d->v[0], 40, 11, 0);
    assert_true(lo->n >= 2);
    /* Later pages say what they continue, whole. */
    int cont = 0;
    for (size_t i = 0; i < lo->pages[1].n; i++)
        cont |= strstr(lo->pages[1].v[i].text, "(continued)") != NULL;
    assert_true(cont);
    slide_pages_free(lo);
    lo = slide_layout(&d->v[0], 200, 59, 0);
    assert_int_equal(lo->n, 1);
    slide_pages_free(lo);
    deck_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_items_notes_and_comments),
        cmocka_unit_test(test_bad_lines_name_file_and_line),
        cmocka_unit_test(test_empty_binary_and_many_errors),
        cmocka_unit_test(test_long_words_are_cut_in_messages),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_resolve),
        cmocka_unit_test(test_builtin_lessons_all_load_and_resolve),
        cmocka_unit_test(test_load_file_or_builtin),
        cmocka_unit_test(test_code_slides),
        cmocka_unit_test(test_class_slides),
        cmocka_unit_test(test_compare_shows_only_differing_rows),
        cmocka_unit_test(test_notes_are_sanitised),
        cmocka_unit_test(test_every_slide_fits_every_size),
        cmocka_unit_test(test_big_digits_only_where_they_fit),
        cmocka_unit_test(test_ascii_everywhere),
        cmocka_unit_test(test_tall_slides_are_paged),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
