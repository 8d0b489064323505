/* view_search.c — live search: the "/" prompt on the bottom line. Every keystroke re-runs
 * the ranked search (data.h) and the list pane shows the hits; Up/Down (Ctrl-P/Ctrl-N)
 * move through them while typing, Tab takes the suggestion, Ctrl-R recalls this session's
 * earlier searches, Enter keeps the hits, Esc restores the full list and the selection
 * from before. The prompt's keys are the key table's CTX_PROMPT bindings (so help lists
 * them); any other key is typed. The work per keystroke is capped by the database budget.
 * An overlay that draws only the status line; the search state and its actions are
 * app.c's. */
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

/* Remove the last whole UTF-8 character of the query. */
static void delete_char(struct app *a)
{
    if (!a->query.len)
        return;
    size_t n = a->query.len - 1;
    while (n > 0 && ((unsigned char)a->query.buf[n] & 0xC0) == 0x80)
        n--;
    a->query.len = n;
    a->query.buf[n] = '\0';
}

static void delete_word(struct app *a)
{
    size_t n = a->query.len;
    while (n > 0 && a->query.buf[n - 1] == ' ')
        n--;
    while (n > 0 && a->query.buf[n - 1] != ' ')
        n--;
    a->query.len = n;
    if (a->query.buf)
        a->query.buf[n] = '\0';
}

/* Ctrl-R: the previous search of this session, then older ones, then back to what was
 * being typed before the first Ctrl-R. */
static int recall(struct app *a)
{
    if (!a->n_history)
        return UI_NOTHING;
    if (a->history_pos < 0) {
        free(a->search_typed);
        a->search_typed = xstrdup(a->query.buf ? a->query.buf : "");
        a->history_pos = (int)a->n_history - 1;
    } else if (a->history_pos > 0) {
        a->history_pos--;
    } else {
        a->history_pos = -1;
        set_query(a, a->search_typed ? a->search_typed : "");
        return 1;
    }
    set_query(a, a->history[a->history_pos]);
    return 1;
}

/* A typed byte; 0 while a UTF-8 character is still incomplete (no search yet). */
static int type_byte(struct app *a, int ch)
{
    if (ch < 0x20 || ch > 0xFF || ch == 127 || a->query.len >= 200)
        return -1;
    sb_putc(&a->query, (char)ch);
    if ((ch & 0xC0) == 0x80 || (ch & 0xC0) == 0xC0) {
        size_t start = a->query.len - 1;
        while (start > 0 && ((unsigned char)a->query.buf[start] & 0xC0) == 0x80)
            start--;
        unsigned char lead = (unsigned char)a->query.buf[start];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (a->query.len - start < need)
            return 0;
    }
    return 1;
}

/* The prompt's keys come from the key table (CTX_PROMPT); any other key is typed. The
 * arrows move through the hits as in fzf, without closing the prompt. */
static int search_key(struct app *a, enum action act, int ch)
{
    int page = a->list_r.h / 2 > 1 ? a->list_r.h / 2 - 1 : 1;   /* a hit takes two rows */
    switch (act) {
    case ACT_ESCAPE:
        app_search_close(a, 0);
        return UI_CLOSE | UI_REDRAW;
    case ACT_ENTER:
        app_search_close(a, 1);
        a->focus_detail = 0;
        return UI_CLOSE | UI_REDRAW;
    case ACT_DOWN:
        return app_move(a, 1);
    case ACT_UP:
        return app_move(a, -1);
    case ACT_PAGE_DOWN:
        return app_move(a, page);
    case ACT_PAGE_UP:
        return app_move(a, -page);
    case ACT_DEL_CHAR:
        delete_char(a);
        break;
    case ACT_DEL_WORD:
        delete_word(a);
        break;
    case ACT_CLEAR:
        sb_reset(&a->query);
        break;
    case ACT_RECALL:
        if (recall(a) == UI_NOTHING)
            return UI_NOTHING;
        break;
    case ACT_ACCEPT:
        if (!a->suggestion)
            return UI_NOTHING;
        set_query(a, a->suggestion);
        break;
    case ACT_NONE: {
        int r = type_byte(a, ch);
        if (r <= 0)
            return UI_NOTHING;
        break;
    }
    default:
        return UI_NOTHING;
    }
    if (act != ACT_RECALL)
        a->history_pos = -1;       /* an edit starts a new query */
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
    .ctx = CTX_PROMPT,
    .opens = ACT_SEARCH,
    .cursor = 1,
    .open = search_open,
    .close = search_close,
    .status = search_status,
    .key = search_key,
};
