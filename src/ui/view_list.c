/* view_list.c — the list pane: codes grouped under class headings, or search hits with
 * a snippet line each (under a header when they are only the closest matches). Keys
 * it does not handle go to the detail pane, then the driver. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../doc.h"
#include "../text.h"
#include "app.h"
#include "draw.h"

static int item_height(const struct app *a)
{
    return a->results ? 2 : 1;       /* a hit has its snippet line */
}

/* Rows above the items when they are only the closest matches: the line that says so,
 * and the suggestion when there is one. */
static int header_rows(const struct app *a)
{
    if (!a->results || !a->hits.n || !a->hits.partial)
        return 0;
    return a->suggestion ? 2 : 1;
}

/* One dim row of text, cut to the width. */
static void draw_line(struct app *a, int y, struct rect r, const char *text, enum style st)
{
    struct sb fit;
    sb_init(&fit);
    sb_puts(&fit, "");
    txt_fit(&fit, text, r.w - 1, 1, a->ascii);
    draw_fill(y, r.x, r.w, ST_NORMAL);
    draw_text(y, r.x + 1, r.w - 1, fit.buf, st);
    sb_free(&fit);
}

/* "no code mentions all of 'QUERY'; closest matches:", then "did you mean 'WORDS'? (Tab)". */
static void draw_header(struct app *a, struct rect r)
{
    char *q = txt_sanitize(a->query.buf ? a->query.buf : "", 0, a->ascii);
    struct sb line;
    sb_init(&line);
    sb_printf(&line, "no code mentions all of '%s'; closest matches:", q);
    draw_line(a, r.y, r, line.buf, ST_DIM);
    if (a->suggestion && r.h > 1) {
        char *sg = txt_sanitize(a->suggestion, 0, a->ascii);
        sb_reset(&line);
        sb_printf(&line, "did you mean '%s'? (Tab)", sg);
        draw_line(a, r.y + 1, r, line.buf, ST_BOLD);
        free(sg);
    }
    sb_free(&line);
    free(q);
}

/* Scroll so the selection shows: every item has the same height, so this is arithmetic,
 * the same work for a jump of one row as for a jump of 100,000 (End, G, digits). */
static void keep_visible(struct app *a, int rows)
{
    size_t fit = rows > 0 ? (size_t)(rows / item_height(a)) : 0;
    if (fit < 1)
        fit = 1;
    if (a->sel < a->top)
        a->top = a->sel;
    else if (a->sel - a->top >= fit)
        a->top = a->sel - fit + 1;
}

/* The snippet on one row of w columns (txt_snippet_line: the command line's layout too):
 * matches highlighted, cut with an ellipsis. */
static void draw_snippet(struct app *a, int y, int x, int w, const char *snip, int selected)
{
    struct sb line;
    sb_init(&line);
    sb_puts(&line, "");
    int cut = txt_snippet_line(&line, "", snip, w, a->ascii);
    int room = cut ? w - 1 : w;
    int col = 0;
    const char *p = line.buf;
    int mark = 0;
    while (*p && col < room) {
        size_t n = strcspn(p, "\x01\x02");
        col += draw_textn(y, x + col, room - col, p, n, mark ? ST_MATCH : selected ? ST_SELECTED_DIM : ST_DIM);
        p += n;
        if (*p == '\x01')
            mark = 1;
        else if (*p == '\x02')
            mark = 0;
        if (*p)
            p++;
    }
    if (cut && w >= 1)
        draw_text(y, x + room, 1, a->ascii ? "~" : "\xE2\x80\xA6", selected ? ST_SELECTED_DIM : ST_DIM);
    sb_free(&line);
}

/* Before drawing: scroll so the selection shows, and load the rows that will show. */
static void list_prepare(struct app *a, struct rect r)
{
    keep_visible(a, r.h - header_rows(a));
    app_load_rows(a, a->top, (size_t)(r.h > 0 ? r.h : 0));
}

static void draw_list(struct app *a, struct rect r)
{
    int y = r.y;
    if (header_rows(a) && r.h > 0) {
        draw_header(a, r);
        y += header_rows(a) < r.h ? header_rows(a) : r.h;
    }
    int focused = !a->focus_detail;
    for (size_t i = a->top; i < a->n_items && y < r.y + r.h; i++) {
        struct item itv = app_item(a, i);
        const struct item *it = &itv;
        int sel = i == a->sel;
        enum style base = sel ? (focused ? ST_SELECTED : ST_SELECTED_DIM) : ST_NORMAL;
        if (sel)
            draw_fill(y, r.x, r.w, base);
        if (it->kind == ITEM_NOTE) {
            char buf[200];
            char *q = txt_sanitize(a->query.buf ? a->query.buf : "", 0, a->ascii);
            if (a->search_note)
                snprintf(buf, sizeof buf, "%s", a->search_note);
            else if (!q[0])
                snprintf(buf, sizeof buf, "type to search");
            else
                snprintf(buf, sizeof buf, "no match for '%s'", q);
            free(q);
            draw_text(y, r.x + 1, r.w - 1, buf, ST_DIM);
            if (a->suggestion && y + 1 < r.y + r.h) {
                char *s = txt_sanitize(a->suggestion, 0, a->ascii);
                snprintf(buf, sizeof buf, "did you mean '%s'? (Tab in the prompt)", s);
                free(s);
                draw_text(y + 1, r.x + 1, r.w - 1, buf, ST_BOLD);
            }
            y += 2;
            continue;
        }
        if (it->kind == ITEM_CLASS) {
            char buf[96];
            size_t n = a->counts[it->klass];
            static const char *const titles[] = {"No response", "Informational", "Success", "Redirection", "Client Error", "Server Error"};
            snprintf(buf, sizeof buf, "%s %s %s (%zu)", draw_mark(a->folded[it->klass] ? '>' : 'v'),
                     doc_class_range(it->klass), it->klass >= 0 && it->klass <= 5 ? titles[it->klass] : "", n);
            draw_text(y, r.x, r.w, buf, sel ? base : ST_BOLD);
            y++;
            continue;
        }
        const struct hs_entry *e = app_item_loaded(a, it);
        int marked = 0;
        for (int m = 0; m < a->n_marks; m++)
            marked |= a->marks[m] == e->code;
        int x = r.x;
        x += draw_text(y, x, r.w, marked ? draw_mark('+') : " ", sel ? base : ST_BOLD);
        const char *sm = e->top10 ? draw_mark('t') : e->status != 's' ? draw_mark(e->status) : " ";
        x += draw_text(y, x, r.x + r.w - x, sm, sel ? base : ST_DIM);
        char num[16];
        snprintf(num, sizeof num, " %03d ", e->code);
        x += draw_text(y, x, r.x + r.w - x, num, sel ? base : draw_class_style(e->klass));
        char *phrase = txt_sanitize(e->phrase, 0, a->ascii);
        struct sb fit;
        sb_init(&fit);
        sb_puts(&fit, "");
        txt_fit(&fit, phrase, r.x + r.w - x, 1, a->ascii);
        draw_text(y, x, r.x + r.w - x, fit.buf, sel ? base : e->status == 's' ? ST_NORMAL : ST_DIM);
        sb_free(&fit);
        free(phrase);
        y++;
        if (it->kind == ITEM_HIT && y < r.y + r.h) {
            if (sel)
                draw_fill(y, r.x, r.w, base);
            draw_snippet(a, y, r.x + 3, r.w - 3, a->hits.v[it->idx].snippet, sel);
            y++;
        }
    }
}

static int list_rows(const struct app *a)
{
    return a->list_r.h > 0 ? a->list_r.h - header_rows(a) : 10;
}

static int list_key(struct app *a, enum action act, int ch)
{
    (void)ch;
    size_t old = a->sel;
    size_t page = (size_t)(list_rows(a) / (a->results ? 2 : 1));
    if (page < 1)
        page = 1;
    if (a->n_items == 0)
        return act == ACT_DOWN || act == ACT_UP || act == ACT_PAGE_DOWN || act == ACT_PAGE_UP || act == ACT_HOME ||
                       act == ACT_END || act == ACT_ENTER || act == ACT_FOLD || act == ACT_MARK
                   ? UI_NOTHING : UI_NOT_MINE;
    switch (act) {
    case ACT_DOWN:
        if (a->sel + 1 < a->n_items)
            a->sel++;
        break;
    case ACT_UP:
        if (a->sel > 0)
            a->sel--;
        break;
    case ACT_PAGE_DOWN:
        a->sel = a->sel + page < a->n_items ? a->sel + page : a->n_items - 1;
        break;
    case ACT_PAGE_UP:
        a->sel = a->sel > page ? a->sel - page : 0;
        break;
    case ACT_HOME:
        a->sel = 0;
        break;
    case ACT_END:
        a->sel = a->n_items - 1;
        break;
    case ACT_ENTER:
    case ACT_FOLD: {
        struct item itv = app_item(a, a->sel);
        const struct item *it = &itv;
        int klass = it->kind == ITEM_CLASS || it->kind == ITEM_CODE ? it->klass : -1;
        if (act == ACT_ENTER && it->kind != ITEM_CLASS) {
            if (it->kind == ITEM_HIT || it->kind == ITEM_CODE)
                a->focus_detail = 1;
            return UI_REDRAW;
        }
        if (klass < 0 || a->results)
            return UI_NOTHING;
        app_fold(a, klass);
        return UI_REDRAW;
    }
    case ACT_MARK: {
        struct item itv = app_item(a, a->sel);
        const struct item *it = &itv;
        const struct hs_entry *e = app_item_entry(a, it);
        if (!e)
            return UI_NOTHING;
        for (int m = 0; m < a->n_marks; m++)
            if (a->marks[m] == e->code) {
                memmove(a->marks + m, a->marks + m + 1, (size_t)(a->n_marks - m - 1) * sizeof a->marks[0]);
                a->n_marks--;
                app_message(a, 0, "unmarked %03d", e->code);
                return UI_REDRAW;
            }
        if (a->n_marks == MAX_MARKS) {
            app_message(a, 1, "at most %d codes can be compared; Space on a marked code unmarks it", MAX_MARKS);
            return UI_REDRAW;
        }
        a->marks[a->n_marks++] = e->code;
        app_message(a, 0, "marked %03d (%d marked; c compares them)", e->code, a->n_marks);
        if (a->sel + 1 < a->n_items)
            a->sel++;
        app_load_detail(a);
        return UI_REDRAW;
    }
    default:
        return UI_NOT_MINE;     /* the detail pane's keys, then the driver's */
    }
    if (a->sel != old)
        app_load_detail(a);
    return UI_REDRAW;
}

const struct view view_list = {
    .name = "list",
    .ctx = CTX_BROWSE,
    .prepare = list_prepare,
    .draw = draw_list,
    .key = list_key,
};
