/* slides.c — see slides.h. */
#include "slides.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "doc.h"
#include "text.h"
#include "util.h"

/* ---- the deck ------------------------------------------------------------------------- */

static struct slide *new_slide(struct deck *d, enum slide_kind kind)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 32;
        d->v = xrealloc(d->v, d->cap * sizeof *d->v);
    }
    struct slide *s = &d->v[d->n++];
    memset(s, 0, sizeof *s);
    s->kind = kind;
    return s;
}

static void free_pairs(struct slide_pair *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p[i].label);
        free(p[i].value);
    }
    free(p);
}

static void free_strings(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void deck_free(struct deck *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        struct slide *s = &d->v[i];
        free(s->title);
        free(s->meta);
        free(s->summary);
        free_pairs(s->facts, s->n_facts);
        free_strings(s->lines, s->n_lines);
        free_strings(s->heads, s->n_cols);
        free(s->codes);
        free_pairs(s->rows, s->n_rows);
        free_strings(s->cells, s->n_rows * s->n_cols);
        free_strings(s->notes, s->n_notes);
    }
    free(d->v);
    free(d);
}

long deck_find(const struct deck *d, int code)
{
    long other = -1;
    for (size_t i = 0; i < d->n; i++) {
        const struct slide *s = &d->v[i];
        if (s->kind == SLIDE_CODE && s->code == code)
            return (long)i;
        if (other < 0 && s->kind == SLIDE_EXAMPLE && s->code == code)
            other = (long)i;
        for (size_t k = 0; other < 0 && s->kind == SLIDE_COMPARE && k < s->n_cols; k++)
            if (s->codes[k] == code)
                other = (long)i;
    }
    return other;
}

static char *clean(const char *s, int ascii)
{
    return txt_sanitize(s ? s : "", 0, ascii);
}

static void add_pair(struct slide_pair **v, size_t *n, const char *label, const char *raw_value, int ascii)
{
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[*n].label = clean(label, ascii);
    (*v)[*n].value = clean(raw_value, ascii);
    (*n)++;
}

static const char *dot(int ascii)
{
    return ascii ? " - " : " \xC2\xB7 ";
}

/* The facts that matter on a slide. The one place that reads a code's attribute fields. */
static void code_facts(struct slide *s, const struct hs_code *c, int ascii)
{
    struct sb b;
    sb_init(&b);
    if (*c->permanence) {
        sb_puts(&b, c->permanence);
        if (*c->method) {
            sb_puts(&b, "; method ");
            sb_puts(&b, doc_method_words(c->method));
        }
        add_pair(&s->facts, &s->n_facts, "Redirect", b.buf, ascii);
        sb_reset(&b);
    }
    if (*c->resend)
        add_pair(&s->facts, &s->n_facts, "Send again?", doc_resend_words(c->resend), ascii);
    if (*c->headers && strcmp(c->headers, "none") != 0)
        add_pair(&s->facts, &s->n_facts, "Headers", c->headers, ascii);
    if (strcmp(c->cacheable, "yes") == 0)
        add_pair(&s->facts, &s->n_facts, "Cacheable", "yes, by default", ascii);
    for (size_t i = 0; i < c->n_vendors; i++) {
        if (i)
            sb_puts(&b, ", ");
        sb_puts(&b, c->vendors[i]);
    }
    if (c->n_vendors)
        add_pair(&s->facts, &s->n_facts, "Used by", b.buf, ascii);
    sb_free(&b);
}

static void add_notes(struct slide *s, const struct lesson_item *it, int ascii)
{
    if (!it || !it->n_notes)
        return;
    s->notes = xcalloc(it->n_notes, sizeof *s->notes);
    for (size_t i = 0; i < it->n_notes; i++)
        s->notes[s->n_notes++] = clean(it->notes[i], ascii);
}

static char *code_phrase(int code, const char *phrase, int ascii)
{
    struct sb b;
    sb_init(&b);
    sb_printf(&b, "%03d ", code);
    txt_sanitize_into(&b, phrase, strlen(phrase), 0, ascii);
    return sb_steal(&b);
}

/* A code's slide and, when it has one, its example's. */
static enum hs_status add_code(struct deck *d, struct hs_db *db, int code, const struct lesson_item *notes, int ascii)
{
    struct hs_code *c;
    enum hs_status st = hsdb_code(db, code, &c);
    if (st != HS_OK)
        return st;
    struct slide *s = new_slide(d, SLIDE_CODE);
    s->code = code;
    s->klass = c->e.klass;
    s->title = clean(c->e.phrase, ascii);
    s->summary = clean(c->e.summary, ascii);
    struct sb m;
    sb_init(&m);
    sb_printf(&m, "%s ", doc_class_range(c->e.klass));
    sb_puts(&m, c->class_title);
    if (c->e.status != 's') {
        sb_puts(&m, dot(ascii));
        sb_puts(&m, doc_status_word(c->e.status));
    }
    if (c->e.top10) {
        sb_puts(&m, dot(ascii));
        sb_puts(&m, "REST Top 10");
    }
    s->meta = clean(m.buf, ascii);
    sb_free(&m);
    code_facts(s, c, ascii);
    add_notes(s, notes, ascii);

    for (size_t i = 0; i < c->n_sections; i++) {
        if (strcmp(c->sections[i].kind, "example") != 0)
            continue;
        struct slide *x = new_slide(d, SLIDE_EXAMPLE);
        x->code = code;
        x->klass = c->e.klass;
        x->title = code_phrase(code, c->e.phrase, ascii);
        const char *p = c->sections[i].body;
        while (*p) {
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            char *raw = xstrndup(p, n);
            char *line = clean(raw, ascii);
            free(raw);
            size_t len = strlen(line);
            while (len && line[len - 1] == ' ')
                line[--len] = '\0';
            x->lines = xrealloc(x->lines, (x->n_lines + 1) * sizeof *x->lines);
            x->lines[x->n_lines++] = line;
            p += n + (e ? 1 : 0);
        }
        break;                  /* the first example is the one shown */
    }
    hs_code_free(c);
    return HS_OK;
}

static int in_groups(int code, const struct hs_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < g[i].n; k++)
            if (g[i].codes[k] == code)
                return 1;
    return 0;
}

/* A class: its title slide, then its common codes (standard, and in the REST Top 10 or in a
 * comparison group; all its standard codes when that leaves none; all its codes when it has
 * no standard one, as 0xx). */
static enum hs_status add_class(struct deck *d, struct hs_db *db, const struct lesson_item *it, int ascii)
{
    struct hs_class *k;
    enum hs_status st = hsdb_class(db, it->klass, &k);
    if (st != HS_OK)
        return st;
    struct hs_entries codes;
    st = hsdb_list(db, it->klass, &codes);
    if (st != HS_OK && st != HS_NOTFOUND) {
        hs_class_free(k);
        return st;
    }
    struct hs_group *g = NULL;
    size_t ng = 0;
    st = lesson_all_groups(db, &g, &ng);
    if (st != HS_OK) {
        hs_entries_free(&codes);
        hs_class_free(k);
        return st;
    }
    int *common = xcalloc(codes.n + 1, sizeof *common);
    size_t n = 0;
    for (int pass = 0; pass < 3 && n == 0; pass++)
        for (size_t i = 0; i < codes.n; i++) {
            const struct hs_entry *e = &codes.v[i];
            if (pass == 2 || (e->status == 's' && (pass || e->top10 || in_groups(e->code, g, ng))))
                common[n++] = e->code;
        }
    struct slide *s = new_slide(d, SLIDE_TITLE);
    s->klass = it->klass;
    s->title = clean(k->title, ascii);
    s->summary = clean(k->summary, ascii);
    for (size_t i = 0; i < codes.n; i++)
        for (size_t j = 0; j < n; j++)
            if (codes.v[i].code == common[j]) {
                char num[8];
                snprintf(num, sizeof num, "%03d", common[j]);
                add_pair(&s->facts, &s->n_facts, num, codes.v[i].phrase, ascii);
            }
    add_notes(s, it, ascii);
    hs_groups_free(g, ng);
    hs_entries_free(&codes);
    hs_class_free(k);
    st = HS_OK;
    for (size_t i = 0; i < n && st == HS_OK; i++)
        st = add_code(d, db, common[i], NULL, ascii);
    free(common);
    return st;
}

/* A comparison: only the rows in which the codes differ. */
static enum hs_status add_compare(struct deck *d, struct hs_db *db, const struct lesson_item *it, int ascii)
{
    struct hs_code *c[LESSON_MAX_CODES] = {0};
    size_t n = it->n_codes;
    enum hs_status st = HS_OK;
    for (size_t i = 0; i < n && st == HS_OK; i++)
        st = hsdb_code(db, it->codes[i], &c[i]);
    if (st == HS_OK) {
        struct cmp_table *t = cmp_build(c, n, ascii);
        struct slide *s = new_slide(d, SLIDE_COMPARE);
        s->klass = c[0]->e.klass;
        if (it->title) {
            s->title = clean(it->title, ascii);
        } else {
            struct sb b;
            sb_init(&b);
            sb_puts(&b, "Comparing ");
            for (size_t i = 0; i < n; i++)
                sb_printf(&b, "%s%03d", i == 0 ? "" : i + 1 == n ? " and " : ", ", it->codes[i]);
            s->title = sb_steal(&b);
        }
        s->n_cols = n;
        s->heads = xcalloc(n, sizeof *s->heads);
        s->codes = xcalloc(n, sizeof *s->codes);
        for (size_t i = 0; i < n; i++) {
            s->heads[i] = xstrdup(t->heads[i]);
            s->codes[i] = it->codes[i];
        }
        /* Where each code is defined differs always and teaches nothing on a slide. */
        for (size_t r = 0; r < t->n_rows; r++)
            if (strcmp(t->rows[r].label, "Defined in") == 0)
                t->rows[r].differs = 0;
        size_t differing = 0;
        for (size_t r = 0; r < t->n_rows; r++)
            differing += t->rows[r].differs != 0;
        s->rows = xcalloc(t->n_rows, sizeof *s->rows);
        s->cells = xcalloc(t->n_rows * n + 1, sizeof *s->cells);
        for (size_t r = 0; r < t->n_rows; r++) {
            /* No row differs (the same code twice): the last row, the summaries, stays. */
            if (differing ? !t->rows[r].differs : r + 1 != t->n_rows)
                continue;
            s->rows[s->n_rows].label = xstrdup(t->rows[r].label);
            for (size_t i = 0; i < n; i++)
                s->cells[s->n_rows * n + i] = xstrdup(t->rows[r].cells[i]);
            s->n_rows++;
        }
        cmp_free(t);
        add_notes(s, it, ascii);
    }
    for (size_t i = 0; i < n; i++)
        hs_code_free(c[i]);
    return st;
}

enum hs_status deck_build(struct hs_db *db, const struct lesson *l, int ascii, struct deck **out)
{
    struct deck *d = xcalloc(1, sizeof *d);
    enum hs_status st = HS_OK;
    for (size_t i = 0; i < l->n && st == HS_OK; i++) {
        const struct lesson_item *it = &l->v[i];
        switch (it->kind) {
        case LESSON_CODE:
            st = add_code(d, db, it->code, it, ascii);
            break;
        case LESSON_CLASS:
            st = add_class(d, db, it, ascii);
            break;
        case LESSON_GROUP:
        case LESSON_COMPARE:
            if (it->n_codes)
                st = add_compare(d, db, it, ascii);
            break;
        }
    }
    if (st != HS_OK) {
        deck_free(d);
        d = NULL;
    }
    *out = d;
    return st;
}

/* ---- big digits ---------------------------------------------------------------------- */

/* A 3x5 font: '#' is ink. */
static const char *glyph(char c)
{
    static const char *const digits[10] = {
        "####.##.##.####", ".#.##..#..#.###", "###..#####..###", "###..####..####", "#.##.####..#..#",
        "####..###..####", "####..####.####", "###..#..#..#..#", "####.#####.####", "####.####..####",
    };
    if (c >= '0' && c <= '9')
        return digits[c - '0'];
    if (c == 'x' || c == 'X')
        return "......#.#.#.#.#";
    return "###..#.##.....#";   /* '?' */
}

int slide_big_width(size_t n, int scale)
{
    return n ? scale * (8 * (int)n - 2) : 0;
}

int slide_big_text(const char *s, int scale, int ascii, char ***rows)
{
    size_t n = strlen(s);
    int h = 5 * scale;
    const char *ink = ascii ? "#" : "\xE2\x96\x88";   /* █ */
    char **r = xcalloc((size_t)h, sizeof *r);
    for (int y = 0; y < h; y++) {
        struct sb b;
        sb_init(&b);
        sb_puts(&b, "");
        int gy = y / scale;
        for (size_t i = 0; i < n; i++) {
            const char *g = glyph(s[i]);
            if (i)
                for (int k = 0; k < 2 * scale; k++)
                    sb_putc(&b, ' ');
            for (int gx = 0; gx < 3; gx++)
                for (int k = 0; k < 2 * scale; k++)
                    sb_puts(&b, g[gy * 3 + gx] == '#' ? ink : " ");
        }
        r[y] = sb_steal(&b);
    }
    *rows = r;
    return h;
}

/* ---- layout: lines of spans, blocks of lines, pages of blocks -------------------------- */

struct lline {
    struct slide_span *v;     /* x relative to the line's start */
    size_t n;
    int w;
};

struct block {
    struct lline *v;
    size_t n;
    int left;           /* lines left-aligned as one block (else each line centred) */
    int gap;            /* blank rows before it */
    int table;          /* part of a table: all its blocks share one left edge */
};

struct blocks {
    struct block *v;
    size_t n;
};

static struct block *add_block(struct blocks *bs, int left, int gap)
{
    bs->v = xrealloc(bs->v, (bs->n + 1) * sizeof *bs->v);
    struct block *b = &bs->v[bs->n++];
    memset(b, 0, sizeof *b);
    b->left = left;
    b->gap = bs->n > 1 ? gap : 0;
    return b;
}

static struct lline *add_line(struct block *b)
{
    b->v = xrealloc(b->v, (b->n + 1) * sizeof *b->v);
    struct lline *l = &b->v[b->n++];
    memset(l, 0, sizeof *l);
    return l;
}

/* Append n bytes of s to the line in a style; returns its columns. */
static int put(struct lline *l, const char *s, size_t n, enum span_style st, int klass)
{
    int w = txt_width(s, n);
    l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
    l->v[l->n++] = (struct slide_span){0, l->w, st, klass, xstrndup(s, n)};
    l->w += w;
    return w;
}

static void pad(struct lline *l, int n)
{
    if (n > 0)
        l->w += n;
}

static void free_blocks(struct blocks *bs)
{
    for (size_t i = 0; i < bs->n; i++) {
        for (size_t j = 0; j < bs->v[i].n; j++) {
            for (size_t k = 0; k < bs->v[i].v[j].n; k++)
                free(bs->v[i].v[j].v[k].text);
            free(bs->v[i].v[j].v);
        }
        free(bs->v[i].v);
    }
    free(bs->v);
    bs->v = NULL;
    bs->n = 0;
}

static int block_width(const struct block *b)
{
    int w = 0;
    for (size_t i = 0; i < b->n; i++)
        if (b->v[i].w > w)
            w = b->v[i].w;
    return w;
}

/* The blocks of a table are as wide as the widest, so they line up. */
static void align_tables(struct blocks *bs)
{
    int w = 0;
    for (size_t i = 0; i < bs->n; i++)
        if (bs->v[i].table && block_width(&bs->v[i]) > w)
            w = block_width(&bs->v[i]);
    for (size_t i = 0; i < bs->n; i++)
        if (bs->v[i].table && bs->v[i].n)
            bs->v[i].v[0].w = w;     /* only the first line: block_width takes the widest */
}

static int blocks_height(const struct blocks *bs)
{
    int h = 0;
    for (size_t i = 0; i < bs->n; i++)
        h += bs->v[i].gap + (int)bs->v[i].n;
    return h;
}

/* Wrapped text, one line per row of the block; the first `code` bytes of the first line
 * get their own style (a code before its phrase). */
static void wrap_into(struct block *b, const char *s, int width, enum span_style st, int klass, size_t code)
{
    size_t *starts, *lens;
    size_t n = txt_wrap(s, width < 1 ? 1 : width, &starts, &lens);
    for (size_t i = 0; i < n; i++) {
        struct lline *l = add_line(b);
        size_t from = starts[i], len = lens[i];
        if (i == 0 && code && code <= len) {
            put(l, s + from, code, SP_BIG, klass);
            from += code;
            len -= code;
        }
        if (len)
            put(l, s + from, len, st, klass);
    }
    free(starts);
    free(lens);
}

/* Label/value pairs: labels in a column when there is room, else above their values. */
static void pairs_into(struct blocks *bs, const struct slide_pair *p, size_t n, int width,
                       enum span_style label_style, int klass, int gap)
{
    int lw = 0;
    for (size_t i = 0; i < n; i++) {
        int w = txt_width(p[i].label, strlen(p[i].label));
        if (w > lw)
            lw = w;
    }
    int vw = width - lw - 2;
    int stacked = vw < 16;
    struct block *b = add_block(bs, 1, gap);
    for (size_t i = 0; i < n; i++) {
        size_t *starts, *lens;
        const char *v = p[i].value;
        size_t k = txt_wrap(v, stacked ? width - 2 : vw, &starts, &lens);
        struct lline *l = add_line(b);
        int w = put(l, p[i].label, strlen(p[i].label), label_style, klass);
        if (stacked) {
            l = NULL;
        } else {
            pad(l, lw - w + 2);
        }
        for (size_t j = 0; j < k; j++) {
            if (!l) {
                l = add_line(b);
                pad(l, stacked ? 2 : lw + 2);
            }
            put(l, v + starts[j], lens[j], SP_TEXT, klass);
            l = NULL;
        }
        free(starts);
        free(lens);
    }
}

static int measure(int w)
{
    int m = w >= 44 ? w - 4 : w - 2;
    if (m > 66)
        m = 66;
    return m < 1 ? 1 : m;
}

static void big_into(struct blocks *bs, const char *text, int scale, int klass, int ascii)
{
    char **rows;
    int h = slide_big_text(text, scale, ascii, &rows);
    struct block *b = add_block(bs, 0, 1);
    for (int y = 0; y < h; y++) {
        put(add_line(b), rows[y], strlen(rows[y]), SP_BIG, klass);
        free(rows[y]);
    }
    free(rows);
}

static void notes_into(struct blocks *bs, const struct slide *s, int m)
{
    if (!s->n_notes)
        return;
    struct block *b = add_block(bs, 0, 1);
    for (size_t i = 0; i < s->n_notes; i++)
        wrap_into(b, s->notes[i], m, SP_NOTE, s->klass, 0);
}

/* A code and its phrase (or a class and its title) as the heading: big digits above the
 * title at scale, or "404 Not Found" on one line. */
static void heading_into(struct blocks *bs, const char *num, const char *title, int klass, int scale, int m, int ascii)
{
    if (scale > 0) {
        big_into(bs, num, scale, klass, ascii);
        wrap_into(add_block(bs, 0, 1), title, m, SP_TITLE, klass, 0);
    } else {
        struct sb t;
        sb_init(&t);
        sb_printf(&t, "%s  %s", num, title);
        wrap_into(add_block(bs, 0, 1), t.buf, m, SP_TITLE, klass, strlen(num));
        sb_free(&t);
    }
}

static void compose_code(struct blocks *bs, const struct slide *s, int w, int scale, int ascii)
{
    int m = measure(w);
    char num[8];
    snprintf(num, sizeof num, "%03d", s->code);
    heading_into(bs, num, s->title, s->klass, scale, m, ascii);
    if (s->meta)
        wrap_into(add_block(bs, 0, scale > 0 ? 0 : 1), s->meta, m, SP_META, s->klass, 0);
    if (s->summary)
        wrap_into(add_block(bs, 0, 1), s->summary, m, SP_TEXT, s->klass, 0);
    if (s->n_facts)
        pairs_into(bs, s->facts, s->n_facts, m, SP_LABEL, s->klass, 1);
    notes_into(bs, s, m);
}

static void compose_title(struct blocks *bs, const struct slide *s, int w, int scale, int list, int ascii)
{
    int m = measure(w);
    heading_into(bs, doc_class_range(s->klass), s->title, s->klass, scale, m, ascii);
    if (s->summary)
        wrap_into(add_block(bs, 0, 1), s->summary, m, SP_TEXT, s->klass, 0);
    if (list && s->n_facts)
        pairs_into(bs, s->facts, s->n_facts, m, SP_CODE, s->klass, 1);
    notes_into(bs, s, m);
}

static void compose_example(struct blocks *bs, const struct slide *s, int w)
{
    int m = measure(w);
    wrap_into(add_block(bs, 0, 0), s->title, m, SP_TITLE, s->klass, 3);
    wrap_into(add_block(bs, 0, 0), "example", m, SP_META, s->klass, 0);
    /* The exchange as written; a line too wide breaks at a space, its rest indented. */
    int pw = w - 2 < 1 ? 1 : w - 2;
    struct block *b = add_block(bs, 1, 1);
    for (size_t i = 0; i < s->n_lines; i++) {
        const char *t = s->lines[i];
        if (!*t) {
            add_line(b);
            continue;
        }
        size_t *starts, *lens;
        size_t k = txt_wrap_hang(t, pw, pw - 4 < 1 ? 1 : pw - 4, &starts, &lens);
        for (size_t j = 0; j < k; j++) {
            struct lline *l = add_line(b);
            if (j)
                pad(l, 4);
            put(l, t + starts[j], lens[j], SP_PRE, s->klass);
        }
        free(starts);
        free(lens);
    }
}

#define COL_MIN 14
#define COL_MAX 34

static void compose_compare(struct blocks *bs, const struct slide *s, int w)
{
    int m = measure(w);
    size_t n = s->n_cols;
    wrap_into(add_block(bs, 0, 0), s->title, w - 2 > 100 ? 100 : w - 2, SP_TITLE, s->klass, 0);
    int lw = 0;
    for (size_t r = 0; r < s->n_rows; r++) {
        int x = txt_width(s->rows[r].label, strlen(s->rows[r].label));
        if (x > lw)
            lw = x;
    }
    int avail = w - 2 - lw - 2 - 2 * ((int)n - 1);
    int cw = n ? avail / (int)n : 0;
    if (cw > COL_MAX)
        cw = COL_MAX;
    if (cw >= COL_MIN) {
        /* Side by side: a head row, then each differing row with its cells wrapped. */
        for (int r = -1; r < (int)s->n_rows; r++) {
            struct block *b = add_block(bs, 1, 1);
            b->table = 1;
            size_t *st[LESSON_MAX_CODES], *ln[LESSON_MAX_CODES], k[LESSON_MAX_CODES], rows = 0;
            size_t *lst = NULL, *lln = NULL, lk = 0;
            const char *label = r < 0 ? "" : s->rows[r].label;
            lk = txt_wrap(label, lw < 1 ? 1 : lw, &lst, &lln);
            if (r < 0)
                lk = 0;
            rows = lk;
            for (size_t c = 0; c < n; c++) {
                const char *t = r < 0 ? s->heads[c] : s->cells[(size_t)r * n + c];
                k[c] = txt_wrap(t, cw, &st[c], &ln[c]);
                if (k[c] > rows)
                    rows = k[c];
            }
            for (size_t y = 0; y < rows; y++) {
                struct lline *l = add_line(b);
                int used = y < lk ? put(l, label + lst[y], lln[y], SP_LABEL, s->klass) : 0;
                pad(l, lw - used + 2);
                for (size_t c = 0; c < n; c++) {
                    const char *t = r < 0 ? s->heads[c] : s->cells[(size_t)r * n + c];
                    int cu = 0;
                    if (y < k[c])
                        cu = put(l, t + st[c][y], ln[c][y], r < 0 ? SP_CODE : SP_TEXT, s->codes[c] / 100);
                    if (c + 1 < n)
                        pad(l, cw - cu + 2);
                }
            }
            for (size_t c = 0; c < n; c++) {
                free(st[c]);
                free(ln[c]);
            }
            free(lst);
            free(lln);
        }
    } else {
        /* One row per line: the label, then each code's value under it. */
        for (size_t r = 0; r < s->n_rows; r++) {
            struct block *b = add_block(bs, 1, 1);
            b->table = 1;
            wrap_into(b, s->rows[r].label, m, SP_LABEL, s->klass, 0);
            for (size_t c = 0; c < n; c++) {
                char num[8];
                snprintf(num, sizeof num, "%03d", s->codes[c]);
                size_t *st, *ln;
                const char *t = s->cells[r * n + c];
                size_t k = txt_wrap(t, m - 7 < 1 ? 1 : m - 7, &st, &ln);
                for (size_t y = 0; y < k; y++) {
                    struct lline *l = add_line(b);
                    pad(l, 2);
                    if (y == 0)
                        put(l, num, 3, SP_CODE, s->codes[c] / 100);
                    else
                        pad(l, 3);
                    pad(l, 2);
                    put(l, t + st[y], ln[y], SP_TEXT, s->klass);
                }
                free(st);
                free(ln);
            }
        }
    }
    align_tables(bs);
    notes_into(bs, s, m);
}

/* ---- pages ----------------------------------------------------------------------------- */

static struct slide_page *new_page(struct slide_pages *lo)
{
    lo->pages = xrealloc(lo->pages, (lo->n + 1) * sizeof *lo->pages);
    struct slide_page *p = &lo->pages[lo->n++];
    memset(p, 0, sizeof *p);
    return p;
}

/* Put line l of a block at row y, the block (or the line) centred in w. */
static void place(struct slide_page *p, const struct block *b, const struct lline *l, int y, int w, int bw)
{
    int x = b->left ? (w - bw) / 2 : (w - l->w) / 2;
    if (x < 0)
        x = 0;
    for (size_t i = 0; i < l->n; i++) {
        if (p->n == p->cap) {
            p->cap = p->cap ? p->cap * 2 : 32;
            p->v = xrealloc(p->v, p->cap * sizeof *p->v);
        }
        struct slide_span sp = l->v[i];
        sp.y = y;
        sp.x = x + l->v[i].x;
        sp.text = xstrdup(sp.text);
        p->v[p->n++] = sp;
    }
}

/* The heading of a page after the first: what slide this continues, whole or not at all
 * (never cut). */
static void continued(struct slide_page *p, const struct slide *s, int w)
{
    struct sb b;
    sb_init(&b);
    if (s->kind == SLIDE_CODE)
        sb_printf(&b, "%03d ", s->code);
    sb_puts(&b, s->title ? s->title : "");
    sb_puts(&b, " (continued)");
    if (txt_width(b.buf, b.len) > w) {
        sb_reset(&b);
        sb_puts(&b, "(continued)");
    }
    struct block blk = {0};
    struct lline l = {0};
    put(&l, b.buf, b.len, SP_META, s->klass);
    place(p, &blk, &l, 0, w, l.w);
    free(l.v[0].text);
    free(l.v);
    sb_free(&b);
}

static void paginate(struct slide_pages *lo, const struct blocks *bs, const struct slide *s, int w, int h)
{
    int total = blocks_height(bs);
    struct slide_page *p = new_page(lo);
    if (total <= h) {
        int y = (h - total) / 2;
        for (size_t i = 0; i < bs->n; i++) {
            const struct block *b = &bs->v[i];
            int bw = block_width(b);
            y += b->gap;
            for (size_t j = 0; j < b->n; j++)
                place(p, b, &b->v[j], y++, w, bw);
        }
        return;
    }
    /* Too tall: whole blocks page by page; a block taller than a page is split by lines.
     * Pages after the first start with what they continue. */
    int y = 0, top = 0;
    for (size_t i = 0; i < bs->n; i++) {
        const struct block *b = &bs->v[i];
        int bw = block_width(b);
        int room = h - y;
        int need = (y > top ? b->gap : 0) + (int)b->n;
        if (need > room && y > top && (int)b->n <= h - 2) {
            p = new_page(lo);
            continued(p, s, w);
            y = top = 2;
        } else if (y > top) {
            y += b->gap;
        }
        for (size_t j = 0; j < b->n; j++) {
            if (y >= h) {
                p = new_page(lo);
                continued(p, s, w);
                y = top = 2;
            }
            place(p, b, &b->v[j], y++, w, bw);
        }
    }
}

struct slide_pages *slide_layout(const struct slide *s, int w, int h, int ascii)
{
    if (w < 1)
        w = 1;
    if (h < 3)
        h = 3;
    struct slide_pages *lo = xcalloc(1, sizeof *lo);
    const char *big = NULL;
    char num[8];
    if (s->kind == SLIDE_CODE) {
        snprintf(num, sizeof num, "%03d", s->code);
        big = num;
    } else if (s->kind == SLIDE_TITLE) {
        big = doc_class_range(s->klass);
    }
    /* The largest scale at which the digits take at most a third of the height (the
     * smallest whenever the screen has 15 rows), and fit the width. */
    int max_scale = 0;
    if (big) {
        max_scale = h / 15 > 0 ? h / 15 : 0;
        while (max_scale > 0 && slide_big_width(strlen(big), max_scale) > w - 2)
            max_scale--;
    }
    /* Try the richest layout first: big digits from large to small, then none; a title
     * slide keeps its digits before its list of codes. */
    struct blocks bs = {0};
    int n_variants = 0;
    struct {
        int scale, list;
    } variants[40];
    for (int list = 1; list >= 0; list--) {
        if (list == 0 && s->kind != SLIDE_TITLE)
            break;
        for (int sc = max_scale; sc >= 1 && n_variants < 36; sc--) {
            variants[n_variants].scale = sc;
            variants[n_variants++].list = list;
        }
    }
    variants[n_variants].scale = 0;
    variants[n_variants++].list = 1;
    variants[n_variants].scale = 0;
    variants[n_variants++].list = 0;
    if (!big)
        n_variants = 1;
    for (int v = 0; v < n_variants; v++) {
        int sc = variants[v].scale;
        free_blocks(&bs);
        switch (s->kind) {
        case SLIDE_CODE: compose_code(&bs, s, w, sc, ascii); break;
        case SLIDE_TITLE: compose_title(&bs, s, w, sc, variants[v].list, ascii); break;
        case SLIDE_EXAMPLE: compose_example(&bs, s, w); break;
        case SLIDE_COMPARE: compose_compare(&bs, s, w); break;
        }
        if (blocks_height(&bs) <= h) {
            lo->big = sc;
            paginate(lo, &bs, s, w, h);
            free_blocks(&bs);
            return lo;
        }
    }
    /* Nothing fits on one page: the full slide without digits, over several pages. */
    free_blocks(&bs);
    switch (s->kind) {
    case SLIDE_CODE: compose_code(&bs, s, w, 0, ascii); break;
    case SLIDE_TITLE: compose_title(&bs, s, w, 0, 1, ascii); break;
    case SLIDE_EXAMPLE: compose_example(&bs, s, w); break;
    case SLIDE_COMPARE: compose_compare(&bs, s, w); break;
    }
    paginate(lo, &bs, s, w, h);
    free_blocks(&bs);
    return lo;
}

void slide_pages_free(struct slide_pages *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++) {
        for (size_t k = 0; k < l->pages[i].n; k++)
            free(l->pages[i].v[k].text);
        free(l->pages[i].v);
    }
    free(l->pages);
    free(l);
}
