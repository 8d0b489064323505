/* Unit tests for the document model and the comparison table: widths are respected at
 * every size, links point at related codes, headings name their sources. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "compare.h"
#include "data.h"
#include "doc.h"
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

static const struct doc_line *find(const struct doc *d, enum doc_kind kind, const char *text)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].kind == kind && strstr(d->v[i].text, text))
            return &d->v[i];
    return NULL;
}

static void test_document_of_404(void **state)
{
    (void)state;
    struct hs_code *c;
    assert_int_equal(hsdb_code(db, 404, &c), HS_OK);
    struct doc *d = doc_code(c, 80, 0);
    assert_string_equal(d->v[0].text, "404 Not Found");
    assert_int_equal(d->v[0].kind, DOC_TITLE);
    assert_non_null(find(d, DOC_META, "4xx Client Error"));
    const struct doc_line *h = find(d, DOC_HEADING, "Specification");
    assert_non_null(h);
    assert_non_null(strstr(h->text, "RFC 2616 §10.4.5"));
    assert_int_equal(h->key_len, strlen("Specification"));
    assert_non_null(find(d, DOC_HEADING, "REST advice"));
    const struct doc_line *l = find(d, DOC_LINK, "410 Gone");
    assert_non_null(l);
    assert_int_equal(l->link, 410);
    assert_non_null(find(d, DOC_PRE, "HTTP/1.1 404 Not Found"));
    assert_non_null(find(d, DOC_FACT, "HTTPStatus.NOT_FOUND"));
    doc_free(d);
    hs_code_free(c);
}

static void test_every_code_fits_every_width(void **state)
{
    (void)state;
    struct hs_entries all;
    assert_int_equal(hsdb_list(db, HS_ALL_CLASSES, &all), HS_OK);
    static const int widths[] = {1, 2, 5, 10, 20, 33, 40, 59, 80, 121};
    for (size_t i = 0; i < all.n; i++) {
        struct hs_code *c;
        assert_int_equal(hsdb_code(db, all.v[i].code, &c), HS_OK);
        for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
            for (int ascii = 0; ascii <= 1; ascii++) {
                struct doc *d = doc_code(c, widths[w], ascii);
                for (size_t k = 0; k < d->n; k++) {
                    int lw = txt_width(d->v[k].text, strlen(d->v[k].text));
                    if (lw > widths[w])
                        fail_msg("%d at width %d: line %zu is %d wide: '%s'", c->e.code, widths[w], k, lw, d->v[k].text);
                    if (ascii)
                        for (const char *p = d->v[k].text; *p; p++)
                            if ((unsigned char)*p >= 0x80)
                                fail_msg("%d: non-ASCII byte in ASCII mode: '%s'", c->e.code, d->v[k].text);
                }
                doc_free(d);
            }
        }
        hs_code_free(c);
    }
    hs_entries_free(&all);
}

static void test_unwrapped_keeps_paragraphs_whole(void **state)
{
    (void)state;
    struct hs_code *c;
    assert_int_equal(hsdb_code(db, 511, &c), HS_OK);
    struct doc *d = doc_code(c, 0, 0);
    assert_non_null(find(d, DOC_TEXT, "Responses with the 511 status code MUST NOT be stored by a cache."));
    doc_free(d);
    hs_code_free(c);
}

static void test_class_document_lists_codes(void **state)
{
    (void)state;
    struct hs_class *k;
    struct hs_entries codes;
    assert_int_equal(hsdb_class(db, 2, &k), HS_OK);
    assert_int_equal(hsdb_list(db, 2, &codes), HS_OK);
    struct doc *d = doc_class(k, &codes, 60, 0);
    assert_string_equal(d->v[0].text, "2xx Success");
    const struct doc_line *r = find(d, DOC_ROW, "204 No Content");
    assert_non_null(r);
    assert_int_equal(r->link, 204);
    doc_free(d);
    hs_entries_free(&codes);
    hs_class_free(k);
}

static void test_spec_url(void **state)
{
    (void)state;
    char *u = doc_spec_url("RFC 9110 \xC2\xA7" "15.5.5");
    assert_string_equal(u, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5");
    free(u);
    u = doc_spec_url("RFC 7725");
    assert_string_equal(u, "https://www.rfc-editor.org/rfc/rfc7725");
    free(u);
    assert_null(doc_spec_url("nginx"));
    assert_null(doc_spec_url("RFC x"));
    /* Each code's document names its section's address; a long one stays whole. */
    struct hs_code *c;
    assert_int_equal(hsdb_code(db, 404, &c), HS_OK);
    struct doc *d = doc_code(c, 60, 0);
    assert_non_null(find(d, DOC_FACT, "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"));
    doc_free(d);
    hs_code_free(c);
}

static void test_compare_table(void **state)
{
    (void)state;
    static const int codes[] = {301, 302, 303, 307, 308};
    struct hs_code *c[5];
    for (int i = 0; i < 5; i++)
        assert_int_equal(hsdb_code(db, codes[i], &c[i]), HS_OK);
    struct cmp_table *t = cmp_build(c, 5, 0);
    assert_string_equal(t->heads[1], "302 Found");
    int perm_differs = 0, class_same = 0;
    for (size_t r = 0; r < t->n_rows; r++) {
        if (strcmp(t->rows[r].label, "Permanence") == 0) {
            perm_differs = t->rows[r].differs;
            assert_string_equal(t->rows[r].cells[0], "permanent");
            assert_string_equal(t->rows[r].cells[1], "temporary");
        }
        if (strcmp(t->rows[r].label, "Class") == 0)
            class_same = !t->rows[r].differs;
    }
    assert_true(perm_differs);
    assert_true(class_same);
    static const int widths[] = {1, 10, 20, 40, 60, 80, 97, 120, 200};
    for (size_t w = 0; w < sizeof widths / sizeof widths[0]; w++) {
        char *text = cmp_render(t, widths[w], 0, 0);
        const char *p = text;
        while (*p) {
            const char *e = strchr(p, '\n');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            int lw = txt_width(p, len);
            if (lw > widths[w])
                fail_msg("width %d: a line is %d wide", widths[w], lw);
            p += len + (e ? 1 : 0);
        }
        if (widths[w] >= 20)
            assert_non_null(strstr(text, "Permanence"));
        if (widths[w] >= 10)
            assert_non_null(strstr(text, widths[w] >= 40 ? "307" : "30"));
        free(text);
    }
    assert_true(cmp_stacked(t, 60));
    assert_false(cmp_stacked(t, 120));
    char *hidden = cmp_render(t, 200, 0, 1);
    assert_null(strstr(hidden, "Class"));
    free(hidden);
    cmp_free(t);
    for (int i = 0; i < 5; i++)
        hs_code_free(c[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_document_of_404),
        cmocka_unit_test(test_every_code_fits_every_width),
        cmocka_unit_test(test_unwrapped_keeps_paragraphs_whole),
        cmocka_unit_test(test_class_document_lists_codes),
        cmocka_unit_test(test_compare_table),
        cmocka_unit_test(test_spec_url),
    };
    return cmocka_run_group_tests_name("doc", tests, setup, teardown);
}
