/* compare.c — see compare.h. */
#include "compare.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "text.h"
#include "util.h"

enum { ROW_CLASS, ROW_STATUS, ROW_SPEC, ROW_PERM, ROW_GET, ROW_CACHE, ROW_HEADERS, ROW_RETRY, ROW_SUMMARY, N_ROWS };

static const char *const labels[N_ROWS] = {
    "Class", "Status", "Defined in", "Permanence", "Method to GET", "Cacheable", "Headers", "Safe to retry", "Summary",
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
    case ROW_GET:
        sb_puts(&b, !*c->method ? "-" : strcmp(c->method, "yes") == 0 ? "may change to GET" : "kept");
        break;
    case ROW_CACHE:
        sb_puts(&b, strcmp(c->cacheable, "yes") == 0 ? "yes, by default" : "no");
        break;
    case ROW_HEADERS:
        sb_puts(&b, *c->headers ? c->headers : "none");
        break;
    case ROW_RETRY:
        sb_puts(&b, doc_retry_words(c->resend));
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
        sb_printf(&b, "%d ", codes[i]->e.code);
        txt_sanitize_into(&b, codes[i]->e.phrase, strlen(codes[i]->e.phrase), 0, ascii);
        t->heads[i] = sb_steal(&b);
    }
    t->rows = xcalloc(N_ROWS, sizeof *t->rows);
    t->n_rows = N_ROWS;
    for (int r = 0; r < N_ROWS; r++) {
        t->rows[r].label = labels[r];
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

/* Wrapped lines of s for width w (w <= 0: one line). */
static size_t wrap_cell(const char *s, int w, char ***out)
{
    size_t *st, *ln;
    size_t n = txt_wrap(s, w, &st, &ln);
    char **v = xmalloc(n * sizeof *v);
    for (size_t i = 0; i < n; i++) {
        char *piece = xstrndup(s + st[i], ln[i]);
        if (w > 0 && txt_width(piece, strlen(piece)) > w) {
            struct sb b;
            sb_init(&b);
            txt_fit(&b, piece, w, 0, 0);
            free(piece);
            piece = sb_steal(&b);
        }
        v[i] = piece;
    }
    free(st);
    free(ln);
    *out = v;
    return n;
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
    /* Header. */
    size_t ls = b->len;
    pad(b, "", LABEL_W);
    for (size_t i = 0; i < n; i++) {
        sb_puts(b, bar);
        struct sb h;
        sb_init(&h);
        sb_puts(&h, "");
        txt_fit(&h, t->heads[i], cw, 1, ascii);
        pad(b, h.buf, cw);
        sb_free(&h);
    }
    trim_line_end(b, ls);
    sb_putc(b, '\n');
    for (size_t r = 0; r < t->n_rows; r++) {
        const struct cmp_row *row = &t->rows[r];
        if (hide_same && !row->differs)
            continue;
        char **lines[CMP_MAX_CODES];
        size_t nl[CMP_MAX_CODES], height = 1;
        for (size_t i = 0; i < n; i++) {
            nl[i] = wrap_cell(row->cells[i], cw, &lines[i]);
            height = nl[i] > height ? nl[i] : height;
        }
        for (size_t k = 0; k < height; k++) {
            ls = b->len;
            if (k == 0) {
                struct sb l;
                sb_init(&l);
                sb_printf(&l, "%s%s", row->differs ? "* " : "  ", row->label);
                pad(b, l.buf, LABEL_W);
                sb_free(&l);
            } else {
                pad(b, "", LABEL_W);
            }
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
                for (size_t k = 0; k < n; k++) {
                    size_t ls = b->len;
                    pad(b, k == 0 ? l.buf : "", LABEL_W);
                    sb_putc(b, ' ');
                    sb_puts(b, lines[k]);
                    trim_line_end(b, ls);
                    sb_putc(b, '\n');
                    free(lines[k]);
                }
                free(lines);
            } else {
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
