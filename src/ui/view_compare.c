/* view_compare.c — related codes side by side: the attribute table (compare.h) with the
 * differing cells highlighted, then each code's full document in its column. The table
 * and the documents scroll together; Tab gives one column its own scroll. Too narrow for
 * columns, it shows the same table stacked code by code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../compare.h"
#include "../doc.h"
#include "../text.h"
#include "app.h"
#include "draw.h"

#define LABEL_W CMP_LABEL_W

_Static_assert(MAX_MARKS <= CMP_MAX_CODES, "every marked code fits in a comparison");

static void free_lines(struct tline *v, size_t n, size_t cols);

/* Drop the layout (made again by prepare). */
static void drop_layout(struct app *a)
{
    free(a->cl.title);
    cmp_free(a->cl.t);
    free_lines(a->cl.hl, a->cl.nhl, a->n_cmp);
    free_lines(a->cl.tl, a->cl.ntl, a->n_cmp);
    for (size_t i = 0; i < a->n_cmp; i++)
        doc_free(a->cl.docs[i]);
    free(a->cl.stacked);
    memset(&a->cl, 0, sizeof a->cl);
    a->cl.width = -1;
}

static void compare_close(struct app *a)
{
    drop_layout(a);
    for (size_t i = 0; i < a->n_cmp; i++)
        hs_code_free(a->cmp[i]);
    a->n_cmp = 0;
    free(a->cmp_title);
    a->cmp_title = NULL;
}

/* The marked codes, or the selected code's first group: loaded here, laid out by prepare. */
static int compare_open(struct app *a)
{
    int codes[CMP_MAX_CODES];
    size_t n = 0;
    char *title = NULL;
    if (a->n_marks == 1) {
        app_message(a, 1, "mark at least two codes with Space to compare them (or none: c compares the group)");
        return 0;
    }
    if (a->n_marks >= 2) {
        for (int i = 0; i < a->n_marks; i++)
            codes[n++] = a->marks[i];
        title = xstrdup("Marked codes");
    } else {
        if (a->cur_code == NO_CODE) {
            app_message(a, 1, "select a code to compare");
            return 0;
        }
        struct hs_group *g;
        size_t ng;
        if (hsdb_groups_of(a->db, a->cur_code, &g, &ng) != HS_OK) {
            app_db_failed(a);
            return 0;
        }
        if (ng == 0) {
            app_message(a, 1, "%03d is in no comparison group: mark codes with Space, then press c", a->cur_code);
            return 0;
        }
        for (size_t i = 0; i < g[0].n && n < CMP_MAX_CODES; i++)
            codes[n++] = g[0].codes[i];
        title = xstrdup(g[0].title);
        hs_groups_free(g, ng);
    }
    compare_close(a);
    for (size_t i = 0; i < n; i++) {
        enum hs_status s = hsdb_code(a->db, codes[i], &a->cmp[a->n_cmp]);
        if (s == HS_OK)
            a->n_cmp++;
        else if (s != HS_NOTFOUND) {
            free(title);
            compare_close(a);
            app_db_failed(a);
            return 0;
        }
    }
    a->cmp_title = title;
    a->cmp_col = 0;
    for (size_t i = 0; i < n; i++)
        if (codes[i] == a->cur_code)
            a->cmp_col = (int)i;
    a->cmp_focus = 0;
    a->cmp_hide_same = 0;
    a->cmp_top = 0;
    memset(a->cmp_col_top, 0, sizeof a->cmp_col_top);
    return 1;
}

/* Appends to v (n lines, room for cap) the lines of one row: each of the n_codes cells
 * wrapped, words whole, in its column of width cw; as many lines as the tallest cell (two
 * at least when there is a label2). */
static struct tline *add_row(struct tline *v, size_t *n, size_t *cap, char *const *cells, size_t n_codes, int cw,
                             const char *label, const char *label2, int differs)
{
    char **cl[CMP_MAX_CODES];
    size_t nl[CMP_MAX_CODES], h = label2 ? 2 : 1;
    for (size_t i = 0; i < n_codes; i++) {
        nl[i] = txt_wrap_lines(cells[i], cw, cw, &cl[i]);
        h = nl[i] > h ? nl[i] : h;
    }
    for (size_t k = 0; k < h; k++) {
        if (*n == *cap) {
            *cap *= 2;
            v = xrealloc(v, *cap * sizeof *v);
        }
        struct tline *l = &v[(*n)++];
        memset(l, 0, sizeof *l);
        l->label = k == 0 ? label : k == 1 ? label2 : NULL;
        l->label2 = k == 1;
        l->differs = differs;
        for (size_t i = 0; i < n_codes; i++)
            l->cell[i] = k < nl[i] ? cl[i][k] : xstrdup("");
    }
    for (size_t i = 0; i < n_codes; i++)
        free(cl[i]);         /* the strings moved into the lines */
    return v;
}

static size_t table_lines(const struct cmp_table *t, int cw, int hide_same, struct tline **out)
{
    size_t n = 0, cap = 32;
    struct tline *v = xcalloc(cap, sizeof *v);
    for (size_t r = 0; r < t->n_rows; r++) {
        const struct cmp_row *row = &t->rows[r];
        if (!hide_same || row->differs)
            v = add_row(v, &n, &cap, row->cells, t->n_codes, cw, row->label, row->label2, row->differs);
    }
    *out = v;
    return n;
}

/* The header: each code and its phrase, wrapped in its column like the cells, never cut. */
static size_t head_lines(const struct cmp_table *t, int cw, struct tline **out)
{
    size_t n = 0, cap = 2;
    *out = add_row(xcalloc(cap, sizeof **out), &n, &cap, t->heads, t->n_codes, cw, NULL, NULL, 0);
    return n;
}

static void free_lines(struct tline *v, size_t n, size_t cols)
{
    for (size_t i = 0; i < n; i++)
        for (size_t c = 0; c < cols; c++)
            free(v[i].cell[c]);
    free(v);
}


/* Before drawing: lay the table and the documents out for the width (again only when the
 * width or the hidden rows change), then clamp the scroll. */
static void compare_prepare(struct app *a, struct rect r)
{
    if (a->n_cmp == 0)
        return;
    r.h--;                               /* the title line */
    if (a->cl.width != r.w || a->cl.hide_same != a->cmp_hide_same) {
        drop_layout(a);
        a->cl.width = r.w;
        a->cl.hide_same = a->cmp_hide_same;
        char *title = txt_sanitize(a->cmp_title ? a->cmp_title : "", 0, a->ascii);
        struct sb tb;
        sb_init(&tb);
        sb_puts(&tb, "");
        txt_fit(&tb, title, r.w - 2, 1, a->ascii);
        a->cl.title = sb_steal(&tb);
        free(title);
        a->cl.t = cmp_build(a->cmp, a->n_cmp, a->ascii);
        a->cl.cw = cmp_col_width(a->n_cmp, r.w);
        if (a->cl.cw < CMP_MIN_COL) {
            a->cl.stacked = cmp_render(a->cl.t, r.w - 1, a->ascii, a->cmp_hide_same);
            a->cl.total = 0;
            for (const char *q = a->cl.stacked; *q; q++)
                a->cl.total += *q == '\n';
        } else {
            a->cl.nhl = head_lines(a->cl.t, a->cl.cw, &a->cl.hl);
            a->cl.ntl = table_lines(a->cl.t, a->cl.cw, a->cmp_hide_same, &a->cl.tl);
            for (size_t i = 0; i < a->n_cmp; i++) {
                a->cl.docs[i] = doc_code(a->cmp[i], a->cl.cw, a->ascii);
                if (a->cl.docs[i]->n > a->cl.max_doc)
                    a->cl.max_doc = a->cl.docs[i]->n;
            }
            /* Virtual lines: header, table, separator, documents. */
            a->cl.total = a->cl.nhl + a->cl.ntl + 1 + a->cl.max_doc;
        }
    }
    if (a->cl.stacked) {
        if (a->cmp_top > a->cl.total)
            a->cmp_top = a->cl.total ? a->cl.total - 1 : 0;
    } else {
        size_t max_top = a->cl.total > (size_t)r.h ? a->cl.total - (size_t)r.h : 0;
        if (a->cmp_top > max_top)
            a->cmp_top = max_top;
    }
}

/* Too narrow for columns: the rendered table, code by code, from cmp_top. */
static void draw_stacked(struct app *a, struct rect r)
{
    const char *text = a->cl.stacked;
    size_t n = 0;
    const char *p = text;
    int y = r.y;
    int head = -1;
    while (*p && y < r.y + r.h) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        int is_head = len && p[0] != ' ' && p[0] != '*';
        if (is_head && (n == 0 || (p > text + 1 && p[-2] == '\n')))
            head++;                       /* a code's title starts after a blank line */
        else
            is_head = 0;
        if (n >= a->cmp_top) {
            int diff = len > 1 && p[0] == '*';
            enum style st = diff ? ST_DIFF : is_head ? (head == a->cmp_col ? ST_SELECTED : ST_BOLD) : ST_NORMAL;
            draw_textn(y, r.x, r.w, p, len, st);
            y++;
        }
        n++;
        p += len + (e ? 1 : 0);
    }
}

/* The bar before column i: marked (reverse video) on the column that scrolls alone. */
static void draw_bar(struct app *a, int y, int x, size_t i)
{
    int alone = a->cmp_focus && (int)i == a->cmp_col;
    draw_text(y, x + 1, 1, draw_mark('|'), alone ? ST_SELECTED : ST_DIM);
}

static void draw_compare(struct app *a, struct rect r)
{
    if (a->n_cmp == 0)
        return;
    if (a->cmp_focus && !a->cl.stacked) {
        /* On the line that never scrolls: which column scrolls alone, the title after it. */
        char f[160];
        snprintf(f, sizeof f, " column %d scrolls alone: %s (Tab: all) ", a->cmp_col + 1, a->cl.t->heads[a->cmp_col]);
        int fx = draw_text(r.y, r.x + 1, r.w - 2, f, ST_SELECTED);
        struct sb t;
        sb_init(&t);
        sb_puts(&t, "");
        txt_fit(&t, a->cl.title, r.w - 4 - fx, 1, a->ascii);
        draw_text(r.y, r.x + 3 + fx, r.w - 4 - fx, t.buf, ST_BOLD);
        sb_free(&t);
    } else {
        draw_text(r.y, r.x + 1, r.w - 2, a->cl.title, ST_BOLD);
    }
    r.y++;
    r.h--;
    if (a->cl.stacked) {
        draw_stacked(a, r);
        return;
    }
    const struct tline *tl = a->cl.tl;
    size_t nhl = a->cl.nhl, ntl = a->cl.ntl, total = a->cl.total;
    int cw = a->cl.cw;
    struct doc *const *docs = a->cl.docs;
    for (int row = 0; row < r.h; row++) {
        size_t vl = a->cmp_top + (size_t)row;
        int y = r.y + row;
        if (vl >= total)
            break;
        if (vl < nhl) {
            for (size_t i = 0; i < a->n_cmp; i++) {
                int x = r.x + LABEL_W + (int)i * (cw + CMP_SEP_W);
                draw_bar(a, y, x, i);
                int sel = (int)i == a->cmp_col;
                if (sel)
                    draw_fill(y, x + CMP_SEP_W, cw, ST_SELECTED);
                draw_text(y, x + CMP_SEP_W, cw, a->cl.hl[vl].cell[i], sel ? ST_SELECTED : draw_class_style(a->cmp[i]->e.klass));
            }
            continue;
        }
        if (vl < nhl + ntl) {
            const struct tline *l = &tl[vl - nhl];
            if (l->label) {
                char lab[32];
                snprintf(lab, sizeof lab, "%s%s", l->differs && !l->label2 ? "* " : "  ", l->label);
                draw_text(y, r.x, LABEL_W, lab, l->differs ? ST_DIFF : ST_DIM);
            }
            for (size_t i = 0; i < a->n_cmp; i++) {
                int x = r.x + LABEL_W + (int)i * (cw + CMP_SEP_W);
                draw_bar(a, y, x, i);
                draw_text(y, x + CMP_SEP_W, cw, l->cell[i], l->differs ? ST_DIFF : ST_NORMAL);
            }
            continue;
        }
        if (vl == nhl + ntl) {
            draw_text(y, r.x, LABEL_W, "  Full text", ST_HEADING);
            if (a->cmp_focus) {
                char f[64];
                snprintf(f, sizeof f, "(column %d scrolls alone; Tab: all)", a->cmp_col + 1);
                draw_text(y, r.x + LABEL_W + CMP_SEP_W, r.w - LABEL_W - CMP_SEP_W, f, ST_DIM);
            }
            continue;
        }
        size_t dl = vl - nhl - ntl - 1;
        for (size_t i = 0; i < a->n_cmp; i++) {
            int x = r.x + LABEL_W + (int)i * (cw + CMP_SEP_W);
            size_t idx = dl + (a->cmp_focus && (int)i == a->cmp_col ? a->cmp_col_top[i] : 0);
            draw_bar(a, y, x, i);
            if (idx < docs[i]->n) {
                /* A narrow column draws a line in one style: its rest's, a heading's own. */
                const struct doc_line *d = &docs[i]->v[idx];
                struct doc_looks lk = doc_looks_of(d->kind);
                enum style st = draw_look(d->kind == DOC_HEADING ? lk.key : lk.rest, a->cmp[i]->e.klass, d->link);
                draw_text(y, x + CMP_SEP_W, cw, d->text, st);
            }
        }
    }
}

static int compare_key(struct app *a, enum action act, int ch)
{
    (void)ch;
    size_t page = a->screen.h > 6 ? (size_t)a->screen.h - 4 : 1;
    size_t *top = a->cmp_focus ? &a->cmp_col_top[a->cmp_col] : &a->cmp_top;
    switch (act) {
    case ACT_DOWN:
        (*top)++;
        break;
    case ACT_UP:
        if (*top)
            (*top)--;
        break;
    case ACT_PAGE_DOWN:
        *top += page;
        break;
    case ACT_PAGE_UP:
        *top = *top > page ? *top - page : 0;
        break;
    case ACT_HOME:
        *top = 0;
        break;
    case ACT_END:
        *top = (size_t)1 << 20;
        break;
    case ACT_LEFT:
        if (a->cmp_col > 0)
            a->cmp_col--;
        break;
    case ACT_RIGHT:
        if (a->cmp_col + 1 < (int)a->n_cmp)
            a->cmp_col++;
        break;
    case ACT_FOCUS:
        a->cmp_focus = !a->cmp_focus;
        break;
    case ACT_HIDE_SAME:
        a->cmp_hide_same = !a->cmp_hide_same;
        app_message(a, 0, a->cmp_hide_same ? "rows that are the same are hidden (d shows them)" : "all rows shown");
        break;
    case ACT_ENTER: {
        app_follow(a, a->cmp[a->cmp_col]->e.code);
        return UI_CLOSE | UI_REDRAW;
    }
    default:
        return UI_NOT_MINE;         /* Esc, q and ? are the driver's */
    }
    /* Keep a column's own scroll within its document. */
    if (a->cmp_focus && a->cmp_col_top[a->cmp_col] > 4096)
        a->cmp_col_top[a->cmp_col] = 4096;
    if (a->cmp_top > ((size_t)1 << 20))
        a->cmp_top = (size_t)1 << 20;
    return UI_REDRAW;
}

/* The status line: the selected column's code, not the list's. */
static void compare_where(struct app *a, struct sb *b)
{
    if (a->n_cmp == 0)
        return;
    const struct hs_code *c = a->cmp[a->cmp_col];
    char *phrase = txt_sanitize(c->e.phrase, 0, a->ascii);
    sb_printf(b, "%d %s (column %d of %zu%s)  ", c->e.code, phrase, a->cmp_col + 1, a->n_cmp,
              a->cmp_focus ? ", scrolls alone" : "");
    free(phrase);
}

const struct view view_compare = {
    .name = "compare",
    .title = "compare",
    .ctx = CTX_COMPARE,
    .opens = ACT_COMPARE,
    .open = compare_open,
    .close = compare_close,
    .prepare = compare_prepare,
    .draw = draw_compare,
    .where = compare_where,
    .key = compare_key,
};
