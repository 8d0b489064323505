/* view_search.c — live search: the "/" prompt on the bottom line. Every keystroke re-runs
 * the ranked search (data.h) and the list pane shows the hits; Enter keeps them, Esc
 * restores the full list and the selection from before. Up/Down walk this session's
 * search history. The work per keystroke is capped by the database budget. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "../query.h"
#include "../text.h"
#include "app.h"

static void clear_results(struct app *a)
{
    hs_hits_free(&a->hits);
    free(a->suggestion);
    a->suggestion = NULL;
    free(a->search_note);
    a->search_note = NULL;
    for (size_t i = 0; i < a->n_stems; i++)
        free(a->stems[i]);
    free(a->stems);
    a->stems = NULL;
    a->n_stems = 0;
}

void search_run(struct app *a)
{
    clear_results(a);
    const char *q = a->query.buf ? a->query.buf : "";
    a->n_stems = query_words(q, a->query.len, &a->stems);
    for (size_t i = 0; i < a->n_stems; i++) {
        char *stem = query_stem(a->stems[i]);
        free(a->stems[i]);
        a->stems[i] = stem;
    }
    enum hs_status s = HS_NOTFOUND;
    if (a->query.len)
        s = hsdb_search(a->db, q, a->query.len, 1, 60, &a->hits);
    if (s == HS_NOTFOUND && a->query.len) {
        char *sugg = NULL;
        if (hsdb_suggest(a->db, q, &sugg) == HS_OK)
            a->suggestion = sugg;
    } else if (s == HS_EBUDGET) {
        a->search_note = xstrdup("search stopped: too much work; type more words");
    } else if (s != HS_OK && s != HS_NOTFOUND) {
        a->search_note = xstrdup(hsdb_error(a->db));
    }
    /* An empty prompt shows the whole list, as before the search. */
    int was_results = a->results;
    a->results = a->query.len > 0;
    if (!a->results) {
        a->n_items = 0;
        app_rebuild_items(a);
        if (was_results && a->saved_code)
            app_select_code(a, a->saved_code);
        app_load_detail(a);
        return;
    }
    a->sel = 0;
    a->top = 0;
    a->n_items = 0;
    app_rebuild_items(a);
    a->sel = 0;
    a->top = 0;
    app_load_detail(a);
}

static void remember(struct app *a)
{
    if (!a->query.len)
        return;
    if (a->n_history && strcmp(a->history[a->n_history - 1], a->query.buf) == 0)
        return;
    if (a->n_history == SEARCH_HISTORY_MAX) {
        free(a->history[0]);
        memmove(a->history, a->history + 1, (SEARCH_HISTORY_MAX - 1) * sizeof a->history[0]);
        a->n_history--;
    }
    a->history[a->n_history++] = xstrdup(a->query.buf);
}

void search_close(struct app *a, int keep)
{
    a->prompt_open = 0;
    remember(a);
    a->history_pos = -1;
    if (keep && a->query.len && a->hits.n)
        return;              /* the hits stay in the list */
    clear_results(a);
    sb_reset(&a->query);
    a->results = 0;
    a->n_items = 0;
    app_rebuild_items(a);
    if (a->saved_code)
        app_select_code(a, a->saved_code);
    app_load_detail(a);
}

static void set_query(struct app *a, const char *s)
{
    sb_reset(&a->query);
    sb_puts(&a->query, s);
}

int search_prompt_key(struct app *a, int ch)
{
    switch (ch) {
    case 27:                      /* Esc */
        search_close(a, 0);
        return UI_REDRAW;
    case '\n':
    case '\r':
    case KEY_ENTER:
        search_close(a, 1);
        a->focus_detail = 0;
        return UI_REDRAW;
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
    search_run(a);
    return UI_REDRAW;
}

static int search_key(struct app *a, enum action act, int ch)
{
    (void)ch;
    if (act != ACT_SEARCH)
        return UI_NOTHING;
    if (!a->results) {
        a->saved_code = a->cur_code;
        sb_reset(&a->query);
    }
    a->prompt_open = 1;
    a->history_pos = -1;
    search_run(a);
    return UI_REDRAW;
}

static void search_draw(struct app *a, struct rect r)
{
    (void)a;
    (void)r;   /* the prompt is drawn with the status line (ui.c) */
}

const struct view view_search = {
    .name = "search",
    .draw = search_draw,
    .key = search_key,
};
