/* view_detail.c — the detail pane: the selected code's document (doc.h), the same lines
 * `httpstatus CODE` prints, word-wrapped to the pane, with a cursor for following
 * related-code links and the search words highlighted. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../doc.h"
#include "../query.h"
#include "../text.h"
#include "app.h"
#include "draw.h"

static void ensure_doc(struct app *a, int width)
{
    if (a->doc && a->doc_width == width)
        return;
    doc_free(a->doc);
    a->doc = NULL;
    if (a->cur)
        a->doc = doc_code(a->cur, width, a->ascii);
    else if (a->cur_class)
        a->doc = doc_class(a->cur_class, &a->cur_class_codes, width, a->ascii);
    a->doc_width = width;
    if (a->doc && a->dcur >= a->doc->n)
        a->dcur = a->doc->n ? a->doc->n - 1 : 0;
}

/* Byte spans of line that match a search stem (at a word start, ASCII case-insensitive). */
static size_t find_matches(const struct app *a, const char *line, size_t *st, size_t *en, size_t max)
{
    size_t n = 0;
    if (!a->results || !a->n_stems)
        return 0;
    size_t len = strlen(line);
    for (size_t i = 0; i < len && n < max; i++) {
        if (i > 0 && isalnum((unsigned char)line[i - 1]))
            continue;
        for (size_t w = 0; w < a->n_stems; w++) {
            const char *stem = a->stems[w];
            size_t sl = strlen(stem);
            if (sl == 0 || i + sl > len || strncasecmp(line + i, stem, sl) != 0)
                continue;
            size_t e = i + sl;
            while (e < len && isalnum((unsigned char)line[e]))
                e++;
            /* As in snippets: short words ("a", "40") only as whole words. */
            if (sl >= 3 || e == i + sl) {
                st[n] = i;
                en[n] = e;
                n++;
                i = e - 1;
                break;
            }
        }
    }
    return n;
}

static void draw_line(struct app *a, const struct doc_line *l, int y, int x, int w, int is_cursor)
{
    int klass = a->cur ? a->cur->e.klass : a->cur_class ? a->cur_class->klass : 0;
    struct doc_looks lk = doc_looks_of(l->kind);
    enum style key_style = draw_look(lk.key, klass, l->link);
    enum style rest_style = draw_look(lk.rest, klass, l->link);
    if (is_cursor) {
        draw_fill(y, x, w, ST_SELECTED);
        key_style = rest_style = ST_SELECTED;
    }
    size_t st[32], en[32];
    size_t nm = find_matches(a, l->text, st, en, 32);
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

static void keep_cursor_visible(struct app *a, int rows)
{
    if (!a->doc || rows <= 0)
        return;
    if (a->dcur < a->dtop)
        a->dtop = a->dcur;
    if (a->dcur >= a->dtop + (size_t)rows)
        a->dtop = a->dcur - (size_t)rows + 1;
    size_t max_top = a->doc->n > (size_t)rows ? a->doc->n - (size_t)rows : 0;
    if (a->dtop > max_top)
        a->dtop = max_top;
}

/* Before drawing: the document wrapped to the pane (made again only when the width or the
 * code changes), the cursor kept visible, and the scroll position for the status line. */
static void detail_prepare(struct app *a, struct rect r)
{
    int w = r.w - 2;
    a->detail_pct = -1;
    if (w < 1)
        return;
    ensure_doc(a, w);
    if (!a->doc)
        return;
    keep_cursor_visible(a, r.h);
    if (a->doc->n > (size_t)r.h) {
        size_t pct = (a->dtop * 100) / (a->doc->n - (size_t)r.h);
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
    for (int i = 0; i < r.h; i++) {
        size_t idx = a->dtop + (size_t)i;
        if (idx >= a->doc->n)
            break;
        draw_line(a, &a->doc->v[idx], r.y + i, r.x + 1, w, a->focus_detail && idx == a->dcur);
    }
}

static int find_line(struct app *a, int dir, int want_link)
{
    if (!a->doc || !a->doc->n)
        return 0;
    size_t n = a->doc->n;
    for (size_t step = 1; step <= n; step++) {
        size_t i = dir > 0 ? (a->dcur + step) % n : (a->dcur + n - (step % n)) % n;
        const struct doc_line *l = &a->doc->v[i];
        int ok;
        if (want_link) {
            ok = l->link && (i == 0 || a->doc->v[i - 1].link != l->link);
        } else {
            size_t st[1], en[1];
            ok = find_matches(a, l->text, st, en, 1) > 0;
        }
        if (ok) {
            a->dcur = i;
            a->focus_detail = 1;
            return 1;
        }
    }
    return 0;
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
    if (!a->doc)
        return UI_NOTHING;
    size_t rows = a->detail_r.h > 0 ? (size_t)a->detail_r.h : 10;
    size_t last = a->doc->n ? a->doc->n - 1 : 0;
    switch (act) {
    case ACT_DOWN:
        if (a->focus_detail) {
            if (a->dcur < last)
                a->dcur++;
        } else if (a->dtop + rows < a->doc->n) {
            a->dtop++;
        }
        break;
    case ACT_UP:
        if (a->focus_detail) {
            if (a->dcur > 0)
                a->dcur--;
        } else if (a->dtop > 0) {
            a->dtop--;
        }
        break;
    case ACT_PAGE_DOWN:
        a->dcur = a->dcur + rows < last ? a->dcur + rows : last;
        a->dtop += rows;
        break;
    case ACT_PAGE_UP:
        a->dcur = a->dcur > rows ? a->dcur - rows : 0;
        a->dtop = a->dtop > rows ? a->dtop - rows : 0;
        break;
    case ACT_HOME:
        a->dcur = a->dtop = 0;
        break;
    case ACT_END:
        a->dcur = last;
        break;
    case ACT_ENTER: {
        int link = a->doc->v[a->dcur].link;
        if (link) {
            app_follow(a, link);      /* frees this document: nothing below may touch it */
            return UI_REDRAW;
        }
        app_message(a, 0, "no link here: ] and [ move between related codes");
        break;
    }
    case ACT_NEXT_LINK:
    case ACT_PREV_LINK:
        if (!find_line(a, act == ACT_NEXT_LINK ? 1 : -1, 1))
            app_message(a, 0, "no related codes on this page");
        break;
    case ACT_NEXT_MATCH:
    case ACT_PREV_MATCH:
        if (!a->results || !a->n_stems)
            app_message(a, 0, "no search: press / to search");
        else if (!find_line(a, act == ACT_NEXT_MATCH ? 1 : -1, 0))
            app_message(a, 0, "the search words do not appear on this page");
        break;
    default:
        return UI_NOTHING;
    }
    if (a->focus_detail || act == ACT_PAGE_DOWN || act == ACT_PAGE_UP || act == ACT_HOME || act == ACT_END) {
        if (a->dcur < a->dtop)
            a->dtop = a->dcur;
        if (a->dcur >= a->dtop + rows)
            a->dtop = a->dcur - rows + 1;
    }
    size_t max_top = a->doc->n > rows ? a->doc->n - rows : 0;
    if (a->dtop > max_top)
        a->dtop = max_top;
    return UI_REDRAW;
}

const struct view view_detail = {
    .name = "detail",
    .ctx = CTX_BROWSE,
    .prepare = detail_prepare,
    .draw = draw_detail,
    .key = detail_key,
};
