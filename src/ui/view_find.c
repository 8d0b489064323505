/* view_find.c — find in the shown page (f, or / with the detail pane focused), as / does in
 * less: a prompt on the bottom line; each keystroke highlights the text in the detail pane
 * and scrolls to its first match from where the page was; Enter keeps the find (n and N go
 * on from match to match), Esc drops it and puts the page back. The search of all codes is
 * another thing (view_search.c). An overlay that takes raw keys and draws only the status
 * line; the matching and scrolling are app.c's. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "app.h"
#include "draw.h"

/* Go to the first match at or after the line the page showed when the prompt opened. */
static void seek(struct app *a)
{
    a->dmatch = NO_LINE;
    if (!a->find.len || !a->doc)
        return;
    size_t i = app_next_match(a, a->find_from ? a->find_from - 1 : NO_LINE, 1);
    if (i == NO_LINE)
        return;
    a->dmatch = i;
    app_reveal(a, i, i);
}

static int find_key(struct app *a, enum action act, int ch)
{
    (void)act;                    /* raw keys: the prompt is a line editor */
    switch (ch) {
    case 27:                      /* Esc: no find, the page as it was */
        sb_reset(&a->find);
        a->dmatch = NO_LINE;
        a->dtop = a->find_from;
        return UI_CLOSE | UI_REDRAW;
    case '\n':
    case '\r':
    case KEY_ENTER:
        if (a->find.len && a->dmatch == NO_LINE)
            app_message(a, 1, "not found in this page");
        return UI_CLOSE | UI_REDRAW;
    case KEY_BACKSPACE:
    case 127:
    case '\b':
        txt_edit_backspace(&a->find);
        break;
    case 0x15:                    /* Ctrl-U */
        sb_reset(&a->find);
        break;
    case KEY_RESIZE:
        return UI_REDRAW;
    default:
        if (txt_edit_type(&a->find, ch, 100) <= 0)
            return UI_NOTHING;      /* not taken, or a UTF-8 character not yet whole */
        break;
    }
    seek(a);
    return UI_REDRAW;
}

static int find_open(struct app *a)
{
    if (!a->doc) {
        app_message(a, 1, "nothing shown to find in");
        return 0;
    }
    sb_reset(&a->find);
    a->dmatch = NO_LINE;
    a->find_from = a->dtop;
    a->find_open = 1;
    return 1;
}

static void find_close(struct app *a)
{
    a->find_open = 0;
}

/* The prompt: "Find in page: " and the text, the cursor after it. */
static void find_status(struct app *a, struct rect r)
{
    int y = r.y;
    int x = draw_prompt(y, r.x, r.w, "Find in page: ", a->find.buf, a->ascii);
    if (a->find.len && a->dmatch == NO_LINE && x + 14 < r.w)
        draw_text(y, x + 2, r.w - x - 2, "(not found)", ST_ERROR);
    move(y, x < r.w ? x : r.w - 1);
}

/* The browse panes stay visible under the prompt: no draw of its own. */
const struct view view_find = {
    .name = "find",
    .ctx = 0,
    .opens = ACT_FIND,
    .cursor = 1,
    .open = find_open,
    .close = find_close,
    .status = find_status,
    .key = find_key,
};
