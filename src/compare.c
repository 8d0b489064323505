/* compare.c — see compare.h. */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "text.h"
#include "util.h"

enum { ROW_CLASS, ROW_STATUS, ROW_SPEC, ROW_PERM, ROW_METHOD, ROW_CACHE, ROW_HEADERS, ROW_RESEND, ROW_SUMMARY, N_ROWS };

/* A label longer than the label column goes on two lines ("Method on" / "redirect"). */
static const char *const labels[N_ROWS][2] = {
    {"Class", NULL}, {"Status", NULL}, {"Defined in", NULL}, {"Permanence", NULL}, {"Method on", "redirect"},
    {"Cacheable", NULL}, {"Headers", NULL}, {"Send again?", NULL}, {"Summary", NULL},
};

static char *cell(const struct hs_code *c, int row, int ascii)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    switch (row) {
    case ROW_CLASS:
        sb_printf(&b, "%s %s", doc_class_range(c->e.klass), c->class_title);
        break;
    case ROW_STATUS:
        sb_puts(&b, doc_status_word(c->e.status));
        break;
    case ROW_SPEC:
        sb_puts(&b, c->spec);
        break;
    case ROW_PERM:
        sb_puts(&b, *c->permanence ? c->permanence : "-");
        break;
    case ROW_METHOD:
        sb_puts(&b, *c->method ? doc_method_words(c->method) : "-");
        break;
    case ROW_CACHE:
        sb_puts(&b, strcmp(c->cacheable, "yes") == 0 ? "yes, by default" : "no");
        break;
    case ROW_HEADERS:
        sb_puts(&b, *c->headers ? c->headers : "none");
        break;
    case ROW_RESEND:
        sb_puts(&b, doc_resend_words(c->resend));
        break;
    default:
        sb_puts(&b, c->e.summary);
        break;
    }
    char *raw = sb_steal(&b);
    char *s = txt_sanitize(raw, 0, ascii);
    free(raw);
    return s;
}

struct cmp_table *cmp_build(struct hs_code *const *codes, size_t n, int ascii)
{
    if (n > CMP_MAX_CODES)
        n = CMP_MAX_CODES;       /* the caller's count is checked, not assumed */
    struct cmp_table *t = xcalloc(1, sizeof *t);
    t->n_codes = n;
    t->heads = xcalloc(n, sizeof *t->heads);
    for (size_t i = 0; i < n; i++) {
        struct sb b;
        sb_init(&b);
        sb_printf(&b, "%03d ", codes[i]->e.code);
        txt_sanitize_into(&b, codes[i]->e.phrase, strlen(codes[i]->e.phrase), 0, ascii);
        t->heads[i] = sb_steal(&b);
    }
    t->rows = xcalloc(N_ROWS, sizeof *t->rows);
    t->n_rows = N_ROWS;
    for (int r = 0; r < N_ROWS; r++) {
        t->rows[r].label = labels[r][0];
        t->rows[r].label2 = labels[r][1];
        t->rows[r].cells = xcalloc(n, sizeof(char *));
        for (size_t i = 0; i < n; i++) {
            t->rows[r].cells[i] = cell(codes[i], r, ascii);
            if (i && strcmp(t->rows[r].cells[i], t->rows[r].cells[0]) != 0)
                t->rows[r].differs = 1;
        }
    }
    return t;
}

void cmp_free(struct cmp_table *t)
{
    if (!t)
        return;
    for (size_t r = 0; r < t->n_rows; r++) {
        for (size_t i = 0; i < t->n_codes; i++)
            free(t->rows[r].cells[i]);
        free(t->rows[r].cells);
    }
    for (size_t i = 0; i < t->n_codes; i++)
        free(t->heads[i]);
    free(t->heads);
    free(t->rows);
    free(t);
}

#define LABEL_W CMP_LABEL_W

int cmp_col_width(size_t n_codes, int width)
{
    if (width <= 0 || n_codes == 0)
        return 0;
    /* The labels, then " | " before each column. */
    return (width - CMP_LABEL_W - CMP_SEP_W * (int)n_codes) / (int)n_codes;
}

static int col_width(const struct cmp_table *t, int width)
{
    return cmp_col_width(t->n_codes, width);
}

int cmp_stacked(const struct cmp_table *t, int width)
{
    return width > 0 && col_width(t, width) < CMP_MIN_COL;
}

/* Wrapped lines of s for width w (w <= 0: one line): at word boundaries, a word wider than
 * the column hyphenated, nothing cut. */
static size_t wrap_cell(const char *s, int w, char ***out)
{
    return txt_wrap_lines(s, w, w, out);
}

static void pad(struct sb *b, const char *s, int w)
{
    sb_puts(b, s);
    for (int k = txt_width(s, strlen(s)); k < w; k++)
        sb_putc(b, ' ');
}

static void trim_line_end(struct sb *b, size_t line_start)
{
    while (b->len > line_start && b->buf[b->len - 1] == ' ')
        b->buf[--b->len] = '\0';
}

/* One line of the table, or more: each cell wrapped in its column of width cw, as many lines
 * as the tallest cell (two at least when there is a label2), the label on the first line
 * and label2 (or nothing) on the second. */
static void table_row(struct sb *b, char *const *cells, size_t n, int cw, const char *bar, const char *label,
                      const char *label2)
{
    char **lines[CMP_MAX_CODES];
    size_t nl[CMP_MAX_CODES], height = label2 ? 2 : 1;
    for (size_t i = 0; i < n; i++) {
        nl[i] = wrap_cell(cells[i], cw, &lines[i]);
        height = nl[i] > height ? nl[i] : height;
    }
    for (size_t k = 0; k < height; k++) {
        size_t ls = b->len;
        pad(b, k == 0 ? label : k == 1 && label2 ? label2 : "", LABEL_W);
        for (size_t i = 0; i < n; i++) {
            sb_puts(b, bar);
            pad(b, k < nl[i] ? lines[i][k] : "", cw);
        }
        trim_line_end(b, ls);
        sb_putc(b, '\n');
    }
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < nl[i]; k++)
            free(lines[i][k]);
        free(lines[i]);
    }
}

static void side_by_side(struct sb *b, const struct cmp_table *t, int width, int ascii, int hide_same)
{
    size_t n = t->n_codes;
    int cw = col_width(t, width);
    const char *bar = ascii ? " | " : " \xE2\x94\x82 ";
    {
        /* Never wider than the widest cell (no width limit: exactly that wide). */
        int natural = 0;
        for (size_t i = 0; i < n; i++) {
            int w = txt_width(t->heads[i], strlen(t->heads[i]));
            natural = w > natural ? w : natural;
            for (size_t r = 0; r < t->n_rows; r++) {
                w = txt_width(t->rows[r].cells[i], strlen(t->rows[r].cells[i]));
                natural = w > natural ? w : natural;
            }
        }
        if (cw <= 0 || cw > natural)
            cw = natural;
    }
    /* Header: each code and its phrase, wrapped in its column like the cells (a phrase is
     * never cut: "301 Moved Permanently" at 120 columns for five codes). */
    table_row(b, t->heads, n, cw, bar, "", NULL);
    for (size_t r = 0; r < t->n_rows; r++) {
        const struct cmp_row *row = &t->rows[r];
        if (hide_same && !row->differs)
            continue;
        struct sb l, l2;
        sb_init(&l);
        sb_init(&l2);
        sb_printf(&l, "%s%s", row->differs ? "* " : "  ", row->label);
        if (row->label2)
            sb_printf(&l2, "  %s", row->label2);
        table_row(b, row->cells, n, cw, bar, l.buf, row->label2 ? l2.buf : NULL);
        sb_free(&l);
        sb_free(&l2);
    }
}

/* Append s wrapped to width with indent on every line (indent shrinks on tiny widths). */
static void wrapped_block(struct sb *b, const char *s, int indent, int width)
{
    if (width > 0 && indent > width / 3)
        indent = width / 3;
    char **lines;
    size_t n = wrap_cell(s, width > 0 ? width - indent : 0, &lines);
    for (size_t k = 0; k < n; k++) {
        for (int i = 0; i < indent; i++)
            sb_putc(b, ' ');
        sb_puts(b, lines[k]);
        sb_putc(b, '\n');
        free(lines[k]);
    }
    free(lines);
}

static void stacked(struct sb *b, const struct cmp_table *t, int width, int hide_same)
{
    int inline_labels = width <= 0 || width >= 40;
    for (size_t i = 0; i < t->n_codes; i++) {
        if (i)
            sb_putc(b, '\n');
        wrapped_block(b, t->heads[i], 0, width);
        for (size_t r = 0; r < t->n_rows; r++) {
            const struct cmp_row *row = &t->rows[r];
            if (hide_same && !row->differs)
                continue;
            struct sb l;
            sb_init(&l);
            sb_printf(&l, "%s%s", row->differs ? "* " : "  ", row->label);
            if (inline_labels) {
                /* "* Label         value…" with the value wrapped under itself. */
                char **lines;
                int vw = width > 0 ? width - LABEL_W - 1 : 0;
                size_t n = wrap_cell(row->cells[i], vw, &lines);
                size_t h = n < 2 && row->label2 ? 2 : n;
                for (size_t k = 0; k < h; k++) {
                    size_t ls = b->len;
                    struct sb l2;
                    sb_init(&l2);
                    sb_printf(&l2, "  %s", k == 1 && row->label2 ? row->label2 : "");
                    pad(b, k == 0 ? l.buf : l2.buf, LABEL_W);
                    sb_free(&l2);
                    sb_putc(b, ' ');
                    if (k < n) {
                        sb_puts(b, lines[k]);
                        free(lines[k]);
                    }
                    trim_line_end(b, ls);
                    sb_putc(b, '\n');
                }
                free(lines);
            } else {
                if (row->label2)
                    sb_printf(&l, " %s", row->label2);
                wrapped_block(b, l.buf, 0, width);
                wrapped_block(b, row->cells[i], 4, width);
            }
            sb_free(&l);
        }
    }
}

char *cmp_render(const struct cmp_table *t, int width, int ascii, int hide_same)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    if (t->n_codes == 0 || t->n_codes > CMP_MAX_CODES)
        return sb_steal(&b);
    if (cmp_stacked(t, width))
        stacked(&b, t, width, hide_same);
    else
        side_by_side(&b, t, width, ascii, hide_same);
    return sb_steal(&b);
}
