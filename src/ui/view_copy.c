/* view_copy.c — the copy menu (Y): what can be copied for the selected code — "CODE
 * Phrase", the number alone, each library's constant, the specification's address — one
 * per line; a digit or Enter on the highlighted line copies it (OSC 52, app.c) and closes
 * the menu. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../doc.h"
#include "../text.h"
#include "app.h"
#include "draw.h"

#define N_ITEMS (sizeof ((struct app *)0)->copy_items / sizeof(char *))

static void add(struct app *a, const char *label, const char *text)
{
    if (a->n_copy == N_ITEMS)
        return;
    a->copy_labels[a->n_copy] = txt_sanitize(label, 0, a->ascii);
    a->copy_items[a->n_copy] = txt_sanitize(text, 0, 0);
    a->n_copy++;
}

static void copy_close(struct app *a)
{
    for (size_t i = 0; i < a->n_copy; i++) {
        free(a->copy_items[i]);
        free(a->copy_labels[i]);
    }
    a->n_copy = 0;
}

static int copy_open(struct app *a)
{
    if (!a->cur) {
        app_message(a, 1, "select a code to copy something of it");
        return 0;
    }
    copy_close(a);
    const struct hs_code *c = a->cur;
    struct sb b;
    sb_init(&b);
    sb_printf(&b, "%d %s", c->e.code, c->e.phrase);
    add(a, "code and phrase", b.buf);
    sb_reset(&b);
    sb_printf(&b, "%d", c->e.code);
    add(a, "code", b.buf);
    for (size_t i = 0; i < c->n_consts; i++) {
        const char *label, *prefix, *suffix;
        doc_const_label(c->consts[i].lang, &label, &prefix, &suffix);
        sb_reset(&b);
        sb_printf(&b, "%s%s%s", prefix, c->consts[i].name, suffix);
        add(a, label, b.buf);
    }
    sb_free(&b);
    char *url = doc_spec_url(c->spec);
    if (url)
        add(a, "specification", url);
    free(url);
    a->copy_sel = 0;
    return 1;
}

static void copy_prepare(struct app *a, struct rect r)
{
    (void)r;
    if (a->copy_sel >= a->n_copy)
        a->copy_sel = a->n_copy ? a->n_copy - 1 : 0;
}

static void draw_copy(struct app *a, struct rect r)
{
    char head[64];
    snprintf(head, sizeof head, "Copy to the clipboard, for %d:", a->cur ? a->cur->e.code : 0);
    draw_text(r.y, r.x + 1, r.w - 2, head, ST_HEADING);
    for (size_t i = 0; i < a->n_copy && (int)i + 2 < r.h; i++) {
        int y = r.y + 2 + (int)i;
        int sel = i == a->copy_sel;
        if (sel)
            draw_fill(y, r.x, r.w, ST_SELECTED);
        char num[24];
        char digit = i < 9 ? (char)('1' + i) : i == 9 ? '0' : ' ';
        snprintf(num, sizeof num, "  %c  %-16s ", digit, a->copy_labels[i]);
        int x = draw_text(y, r.x + 1, r.w - 2, num, sel ? ST_SELECTED : ST_DIM);
        draw_text(y, r.x + 1 + x, r.w - 2 - x, a->copy_items[i], sel ? ST_SELECTED : ST_NORMAL);
    }
    if ((int)a->n_copy + 3 < r.h)
        draw_text(r.y + 3 + (int)a->n_copy, r.x + 1, r.w - 2,
                  "  a digit or Enter copies (OSC 52: through tmux and ssh too); Esc closes", ST_DIM);
}

static int copy_key(struct app *a, enum action act, int ch)
{
    (void)act;
    size_t pick = (size_t)-1;
    switch (ch) {
    case 27:
    case 'q':
    case 'Y':
        return UI_CLOSE | UI_REDRAW;
    case 'j':
    case KEY_DOWN:
        if (a->copy_sel + 1 < a->n_copy)
            a->copy_sel++;
        return UI_REDRAW;
    case 'k':
    case KEY_UP:
        if (a->copy_sel)
            a->copy_sel--;
        return UI_REDRAW;
    case '\n':
    case '\r':
    case KEY_ENTER:
        pick = a->copy_sel;
        break;
    case KEY_RESIZE:
        return UI_REDRAW;
    default:
        if (ch >= '1' && ch <= '9')
            pick = (size_t)(ch - '1');
        else if (ch == '0')
            pick = 9;                    /* the tenth line is numbered 0 */
        break;
    }
    if (pick >= a->n_copy)
        return UI_NOTHING;
    app_copy_text(a, a->copy_items[pick]);
    return UI_CLOSE | UI_REDRAW;
}

static void copy_status(struct app *a, struct rect r)
{
    (void)a;
    draw_fill(r.y, r.x, r.w, ST_STATUS_BAR);
    draw_text(r.y, r.x + 1, r.w - 2, "a digit or Enter copies  j k move  Esc close", ST_STATUS_BAR);
}

const struct view view_copy = {
    .name = "copy",
    .title = "copy",
    .ctx = 0,
    .opens = ACT_COPY_MENU,
    .open = copy_open,
    .close = copy_close,
    .prepare = copy_prepare,
    .draw = draw_copy,
    .status = copy_status,
    .key = copy_key,
};
