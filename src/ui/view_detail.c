/* view_detail.c — the detail pane: the selected code's document (doc.h), the same lines
 * `httpstatus CODE` prints, wrapped to the pane but never wider than a readable measure.
 * The text scrolls as in less (j, k, pages; no cursor). ] and [ highlight the next or
 * previous related-code link, which Enter follows; n and N go to the next match of the find
 * (f) or of the search. A jump leaves a margin of lines below and above its target. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../doc.h"
#include "../text.h"
#include "app.h"
#include "draw.h"

static void ensure_doc(struct app *a, int width)
{
    if (a->doc && a->doc_width == width)
        return;
    doc_free(a->doc);
    a->doc = NULL;
    if (a->cur_header) {
        a->doc = doc_header(a->cur_header, width, a->ascii);
    } else if (a->cur) {
        a->doc = doc_code(a->cur, width, a->ascii);
    } else if (a->cur_class) {
        a->doc = doc_class(a->cur_class, &a->cur_class_codes, width, a->ascii);
        size_t all = a->cur_class->klass >= 0 && a->cur_class->klass < HS_N_CLASSES ? a->counts[a->cur_class->klass] : 0;
        if (all > a->cur_class_codes.n) {
            char note[160];
            snprintf(note, sizeof note, "... and %zu more: the list pane shows every code of the class.",
                     all - a->cur_class_codes.n);
            doc_add_text(a->doc, note, width, a->ascii);
        }
    }
    /* The lines moved: a highlighted link or current match is let go. */
    a->doc_width = width;
    a->dlink = a->dmatch = NO_LINE;
}

static void draw_line(struct app *a, const struct doc_line *l, int y, int x, int w, int highlighted)
{
    int klass = a->cur ? a->cur->e.klass : a->cur_class ? a->cur_class->klass : 0;
    struct doc_looks lk = doc_looks_of(l->kind);
    enum style key_style = draw_look(lk.key, klass, l->link);
    enum style rest_style = draw_look(lk.rest, klass, l->link);
    if (highlighted) {
        draw_fill(y, x, w, ST_SELECTED);
        key_style = rest_style = ST_SELECTED;
    }
    size_t st[32], en[32];
    size_t nm = app_matches(a, l->text, st, en, 32);
    size_t len = strlen(l->text), pos = 0, m = 0;
    int col = 0;
    while (pos < len && col < w) {
        size_t next = len;
        enum style s;
        if (m < nm && pos >= st[m]) {
            next = en[m++];
            s = ST_MATCH;
        } else {
            if (m < nm)
                next = st[m];
            if (pos < l->key_len && next > l->key_len)
                next = l->key_len;
            s = pos < l->key_len ? key_style : rest_style;
        }
        col += draw_textn(y, x + col, w - col, l->text + pos, next - pos, s);
        pos = next;
    }
}

static size_t max_top(const struct app *a, size_t rows)
{
    return a->doc && a->doc->n > rows ? a->doc->n - rows : 0;
}

/* Before drawing: the document wrapped to the pane, at most DETAIL_MEASURE wide (made
 * again only when the width or the code changes), the scroll clamped, and the position for
 * the status line. */
static void detail_prepare(struct app *a, struct rect r)
{
    int w = r.w - 2;
    a->detail_pct = -1;
    if (w < 1)
        return;
    ensure_doc(a, w > DETAIL_MEASURE ? DETAIL_MEASURE : w);
    if (!a->doc)
        return;
    size_t rows = r.h > 0 ? (size_t)r.h : 1;
    if (a->dtop > max_top(a, rows))
        a->dtop = max_top(a, rows);
    if (a->doc->n > rows) {
        size_t pct = (a->dtop * 100) / (a->doc->n - rows);
        a->detail_pct = pct > 100 ? 100 : (int)pct;
    }
}

static void draw_detail(struct app *a, struct rect r)
{
    int w = r.w - 2;
    if (w < 1)
        return;
    if (!a->doc) {
        draw_text(r.y, r.x + 1, w, "nothing selected", ST_DIM);
        return;
    }
    if (w > a->doc_width)
        w = a->doc_width;
    size_t link_end = a->dlink != NO_LINE ? app_link_end(a, a->dlink) : NO_LINE;
    for (int i = 0; i < r.h; i++) {
        size_t idx = a->dtop + (size_t)i;
        if (idx >= a->doc->n)
            break;
        int hl = a->dlink != NO_LINE && idx >= a->dlink && idx <= link_end;
        draw_line(a, &a->doc->v[idx], r.y + i, r.x + 1, w, hl);
    }
}

/* The first line of a related code's link or of a header's line. */
static int is_link_start(const struct doc *d, size_t i)
{
    const struct doc_line *l = &d->v[i];
    if (l->link != DOC_NO_LINK)
        return i == 0 || d->v[i - 1].link != l->link;
    return l->header && (i == 0 || !d->v[i - 1].header || strcmp(d->v[i - 1].header, l->header) != 0);
}

/* The next (dir 1) or previous link from the highlighted one, or from the first line shown
 * when none is highlighted or it has scrolled out of sight. Goes round the page. */
static size_t next_link(struct app *a, int dir)
{
    size_t n = a->doc->n, rows = a->detail_r.h > 0 ? (size_t)a->detail_r.h : 10;
    size_t from = a->dlink;
    if (from == NO_LINE || from < a->dtop || from >= a->dtop + rows)
        from = dir > 0 ? (a->dtop ? a->dtop - 1 : n - 1) : a->dtop + rows < n ? a->dtop + rows : 0;
    for (size_t step = 1; step <= n; step++) {
        size_t i = dir > 0 ? (from + step) % n : (from + n - step % n) % n;
        if (is_link_start(a->doc, i))
            return i;
    }
    return NO_LINE;
}

/* Scrolling moves the text; a highlighted link that leaves the screen is let go. */
static void scroll_to(struct app *a, size_t top, size_t rows)
{
    a->dtop = top > max_top(a, rows) ? max_top(a, rows) : top;
    if (a->dlink != NO_LINE && (app_link_end(a, a->dlink) < a->dtop || a->dlink >= a->dtop + rows))
        a->dlink = NO_LINE;
}

static int detail_key(struct app *a, enum action act, int ch)
{
    (void)ch;
    switch (act) {
    case ACT_DOWN: case ACT_UP: case ACT_PAGE_DOWN: case ACT_PAGE_UP: case ACT_HOME: case ACT_END:
    case ACT_ENTER: case ACT_NEXT_LINK: case ACT_PREV_LINK: case ACT_NEXT_MATCH: case ACT_PREV_MATCH:
        break;
    default:
        return UI_NOT_MINE;      /* the driver's */
    }
    if (!a->doc || !a->doc->n)
        return UI_NOTHING;
    size_t rows = a->detail_r.h > 0 ? (size_t)a->detail_r.h : 10;
    size_t page = rows > 2 ? rows - 1 : 1;      /* one line of the last page stays */
    switch (act) {
    case ACT_DOWN:
        scroll_to(a, a->dtop + 1, rows);
        break;
    case ACT_UP:
        scroll_to(a, a->dtop ? a->dtop - 1 : 0, rows);
        break;
    case ACT_PAGE_DOWN:
        scroll_to(a, a->dtop + page, rows);
        break;
    case ACT_PAGE_UP:
        scroll_to(a, a->dtop > page ? a->dtop - page : 0, rows);
        break;
    case ACT_HOME:
        scroll_to(a, 0, rows);
        break;
    case ACT_END:
        scroll_to(a, max_top(a, rows), rows);
        break;
    case ACT_ENTER: {
        if (a->dlink != NO_LINE && a->dlink < a->doc->n) {
            const struct doc_line *l = &a->doc->v[a->dlink];
            if (l->link != DOC_NO_LINK) {
                app_follow(a, l->link);   /* frees this document: nothing below may touch it */
                return UI_REDRAW;
            }
            if (l->header) {
                char *name = xstrdup(l->header);   /* the document goes */
                app_show_header(a, name);
                free(name);
                return UI_REDRAW;
            }
        }
        app_message(a, 0, "no link highlighted: ] and [ highlight the related codes and headers");
        break;
    }
    case ACT_NEXT_LINK:
    case ACT_PREV_LINK: {
        size_t i = next_link(a, act == ACT_NEXT_LINK ? 1 : -1);
        if (i == NO_LINE) {
            app_message(a, 0, "no related codes on this page");
            break;
        }
        a->dlink = i;
        a->focus_detail = 1;
        app_reveal(a, i, app_link_end(a, i));
        break;
    }
    case ACT_NEXT_MATCH:
    case ACT_PREV_MATCH: {
        if (!a->find.len && !(a->results && a->n_stems)) {
            app_message(a, 0, "nothing to find: f finds in this page, / searches all codes");
            break;
        }
        int dir = act == ACT_NEXT_MATCH ? 1 : -1;
        size_t from = a->dmatch;
        if (from == NO_LINE || from < a->dtop || from >= a->dtop + rows)
            from = dir > 0 ? (a->dtop ? a->dtop - 1 : NO_LINE) : a->dtop + rows < a->doc->n ? a->dtop + rows : NO_LINE;
        size_t i = app_next_match(a, from, dir);
        if (i == NO_LINE) {
            app_message(a, 0, a->find.len ? "not found in this page" : "the search words do not appear on this page");
            break;
        }
        a->dmatch = i;
        app_reveal(a, i, i);
        break;
    }
    default:
        return UI_NOTHING;
    }
    return UI_REDRAW;
}

const struct view view_detail = {
    .name = "detail",
    .ctx = CTX_BROWSE,
    .prepare = detail_prepare,
    .draw = draw_detail,
    .key = detail_key,
};
