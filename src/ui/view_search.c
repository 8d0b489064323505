/* view_search.c — live search: the "/" prompt on the bottom line. Every keystroke re-runs
 * the ranked search (data.h) and the list pane shows the hits; Enter keeps them, Esc
 * restores the full list and the selection from before. Up/Down walk this session's
 * search history. The work per keystroke is capped by the database budget. An overlay
 * that takes raw keys and draws only the status line; the search state and its actions
 * are app.c's. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "app.h"
#include "draw.h"

static void set_query(struct app *a, const char *s)
{
    sb_reset(&a->query);
    sb_puts(&a->query, s);
}

static int search_key(struct app *a, enum action act, int ch)
{
    (void)act;                    /* raw keys: the prompt is a line editor */
    switch (ch) {
    case 27:                      /* Esc */
        app_search_close(a, 0);
        return UI_CLOSE | UI_REDRAW;
    case '\n':
    case '\r':
    case KEY_ENTER:
        app_search_close(a, 1);
        a->focus_detail = 0;
        return UI_CLOSE | UI_REDRAW;
    case KEY_BACKSPACE:
    case 127:
    case '\b':
        if (a->query.len) {
            /* Remove one whole UTF-8 character. */
            size_t n = a->query.len - 1;
            while (n > 0 && ((unsigned char)a->query.buf[n] & 0xC0) == 0x80)
                n--;
            a->query.len = n;
            a->query.buf[n] = '\0';
        }
        break;
    case 0x15:                    /* Ctrl-U */
        sb_reset(&a->query);
        break;
    case 0x17: {                  /* Ctrl-W: delete the last word */
        size_t n = a->query.len;
        while (n > 0 && a->query.buf[n - 1] == ' ')
            n--;
        while (n > 0 && a->query.buf[n - 1] != ' ')
            n--;
        a->query.len = n;
        if (a->query.buf)
            a->query.buf[n] = '\0';
        break;
    }
    case KEY_UP:
        if (!a->n_history)
            return UI_NOTHING;
        if (a->history_pos < 0)
            a->history_pos = (int)a->n_history - 1;
        else if (a->history_pos > 0)
            a->history_pos--;
        set_query(a, a->history[a->history_pos]);
        break;
    case KEY_DOWN:
        if (a->history_pos < 0)
            return UI_NOTHING;
        if (a->history_pos + 1 < (int)a->n_history) {
            a->history_pos++;
            set_query(a, a->history[a->history_pos]);
        } else {
            a->history_pos = -1;
            sb_reset(&a->query);
        }
        break;
    case KEY_RESIZE:
        return UI_REDRAW;
    default:
        if (ch < 0x20 || ch > 0xFF || ch == 127)
            return UI_NOTHING;
        if (a->query.len >= 200)
            return UI_NOTHING;
        sb_putc(&a->query, (char)ch);
        /* Wait for the rest of a UTF-8 character before searching. */
        if ((ch & 0xC0) == 0x80 || (ch & 0xC0) == 0xC0) {
            size_t start = a->query.len - 1;
            while (start > 0 && ((unsigned char)a->query.buf[start] & 0xC0) == 0x80)
                start--;
            unsigned char lead = (unsigned char)a->query.buf[start];
            size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            if (a->query.len - start < need)
                return UI_NOTHING;
        }
        break;
    }
    app_search_run(a);
    return UI_REDRAW;
}

static int search_open(struct app *a)
{
    if (!a->results) {
        a->saved_code = a->cur_code;
        sb_reset(&a->query);
    }
    a->prompt_open = 1;
    a->history_pos = -1;
    app_search_run(a);
    return 1;
}

static void search_close(struct app *a)
{
    a->prompt_open = 0;
}

/* The prompt on the status line: "/" and the end of a long query, the cursor after it. */
static void search_status(struct app *a, struct rect r)
{
    int y = r.y;
    draw_fill(y, r.x, r.w, ST_NORMAL);
    int x = draw_text(y, r.x, r.w, "/", ST_BOLD);
    char *clean = txt_sanitize(a->query.buf ? a->query.buf : "", 0, a->ascii);
    /* Show the end of a long query. */
    int qw = txt_width(clean, strlen(clean));
    const char *shown = clean;
    while (qw > r.w - 3 && *shown) {
        uint32_t cp;
        size_t k = txt_decode(shown, strlen(shown), &cp);
        qw -= txt_cp_width(cp);
        shown += k;
    }
    x += draw_text(y, x, r.w - x - 1, shown, ST_NORMAL);
    free(clean);
    move(y, x < r.w ? x : r.w - 1);
}

/* The browse panes stay visible under the prompt: no draw of its own. */
const struct view view_search = {
    .name = "search",
    .ctx = 0,
    .opens = ACT_SEARCH,
    .cursor = 1,
    .open = search_open,
    .close = search_close,
    .status = search_status,
    .key = search_key,
};
