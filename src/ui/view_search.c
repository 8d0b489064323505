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
        txt_edit_backspace(&a->query);
        break;
    case ACT_DEL_WORD:
        txt_edit_delete_word(&a->query);
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
        int r = txt_edit_type(&a->query, ch, 200);   /* 0: a UTF-8 character not yet whole */
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
    int x = draw_prompt(y, r.x, r.w, "/", a->query.buf, a->ascii);
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
