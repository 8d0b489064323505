/* view_help.c — the help overlay, generated from the key table (keys.c), followed by the
 * list markers and where the texts come from. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "app.h"
#include "draw.h"

/* The lines of the help: made once when it opens (the database's page included). */
static size_t build(struct app *a, struct help_line **out)
{
    size_t n = 0, cap = 64;
    struct help_line *v = xmalloc(cap * sizeof *v);
#define ADD(s, style)                                                                   \
    do {                                                                                \
        if (n == cap) {                                                                 \
            cap *= 2;                                                                   \
            v = xrealloc(v, cap * sizeof *v);                                           \
        }                                                                               \
        v[n].text = (s);                                                                \
        v[n].st = (style);                                                              \
        n++;                                                                            \
    } while (0)
    /* Two passes over the key table: the browser's keys, then the search prompt's. */
    for (int prompt = 0; prompt < 2; prompt++) {
        if (prompt) {
            ADD(xstrdup(""), ST_NORMAL);
            ADD(xstrdup("Keys in the search prompt (/); other keys are typed"), ST_HEADING);
        } else {
            ADD(xstrdup("Keys"), ST_HEADING);
        }
        for (size_t i = 0; i < keys_count; i++) {
            const struct keybind *k = &keys_table[i];
            if (!k->help || (k->ctx == CTX_PROMPT) != prompt)
                continue;
            /* The names of every key bound to this action in the same contexts. */
            struct sb names;
            sb_init(&names);
            for (size_t j = i; j < keys_count; j++) {
                const struct keybind *o = &keys_table[j];
                if (j > i && o->help)
                    break;
                if (o->action == k->action && o->name[0]) {
                    if (names.len)
                        sb_puts(&names, ", ");
                    sb_puts(&names, o->name);
                }
            }
            struct sb line;
            sb_init(&line);
            sb_printf(&line, "  %-22s %s", names.buf ? names.buf : "", k->help);
            ADD(sb_steal(&line), ST_NORMAL);
            sb_free(&names);
        }
        if (!prompt) {
            ADD(xstrdup("  0-9                    jump to a code as you type it: 4 0 4 lands on 404"), ST_NORMAL);
            ADD(xstrdup("  mouse                  click selects or follows a link, the wheel scrolls"), ST_NORMAL);
        }
    }
    ADD(xstrdup(""), ST_NORMAL);
    ADD(xstrdup("Marks in the list"), ST_HEADING);
    struct sb m;
    sb_init(&m);
    sb_printf(&m, "  %s  one of the REST \"Top 10\" codes", draw_mark('t'));
    ADD(sb_steal(&m), ST_NORMAL);
    sb_printf(&m, "  %s  unofficial (a vendor's code)", draw_mark('u'));
    ADD(sb_steal(&m), ST_NORMAL);
    sb_printf(&m, "  %s  obsolete", draw_mark('o'));
    ADD(sb_steal(&m), ST_NORMAL);
    sb_printf(&m, "  %s  reserved (unused)", draw_mark('r'));
    ADD(sb_steal(&m), ST_NORMAL);
    sb_printf(&m, "  %s  temporary (an IANA temporary registration)", draw_mark('T'));
    ADD(sb_steal(&m), ST_NORMAL);
    sb_printf(&m, "  %s  marked for comparison", draw_mark('+'));
    ADD(sb_steal(&m), ST_NORMAL);
    ADD(xstrdup(""), ST_NORMAL);
    ADD(xstrdup("About the texts"), ST_HEADING);
    struct hs_section *s;
    size_t ns;
    if (hsdb_page(a->db, &s, &ns) == HS_OK) {
        for (size_t i = 0; i < ns; i++) {
            char *clean = txt_sanitize(s[i].body, 0, a->ascii);
            struct sb l;
            sb_init(&l);
            sb_printf(&l, "  %s", clean);
            ADD(sb_steal(&l), ST_NORMAL);
            free(clean);
        }
        hs_sections_free(s, ns);
    }
    ADD(xstrdup("  Quoted sections keep the reference page's wording and name their source;"), ST_NORMAL);
    ADD(xstrdup("  summaries, notes and examples are httpstatus's own."), ST_NORMAL);
#undef ADD
    *out = v;
    return n;
}

static void free_rows(struct app *a)
{
    free(a->help_rows);
    a->help_rows = NULL;
    a->n_help_rows = 0;
    a->help_width = -1;
}

static int help_open(struct app *a)
{
    a->n_help = build(a, &a->help);
    a->help_top = 0;
    free_rows(a);
    return 1;
}

static void help_close(struct app *a)
{
    for (size_t i = 0; i < a->n_help; i++)
        free(a->help[i].text);
    free(a->help);
    a->help = NULL;
    a->n_help = 0;
    free_rows(a);
}

/* Wrap each line to the width (again only when the width changes); clamp the scroll. */
static void help_prepare(struct app *a, struct rect r)
{
    if (a->help_width != r.w) {
        free_rows(a);
        size_t cap = a->n_help + 16;
        a->help_rows = xmalloc(cap * sizeof *a->help_rows);
        for (size_t i = 0; i < a->n_help; i++) {
            /* Continuation lines line up under the description column when it fits. */
            int hang = r.w - 2 > 60 ? 25 : 4;
            size_t *st, *ln;
            size_t k = txt_wrap_hang(a->help[i].text, r.w - 2, r.w - 2 - hang, &st, &ln);
            for (size_t j = 0; j < k; j++) {
                if (a->n_help_rows == cap) {
                    cap *= 2;
                    a->help_rows = xrealloc(a->help_rows, cap * sizeof *a->help_rows);
                }
                a->help_rows[a->n_help_rows++] = (struct help_row){i, st[j], ln[j], j ? hang : 0};
            }
            free(st);
            free(ln);
        }
        a->help_width = r.w;
    }
    size_t max_top = a->n_help_rows > (size_t)r.h ? a->n_help_rows - (size_t)r.h : 0;
    if (a->help_top > max_top)
        a->help_top = max_top;
}

static void draw_help(struct app *a, struct rect r)
{
    for (int y = 0; y < r.h && a->help_top + (size_t)y < a->n_help_rows; y++) {
        const struct help_row *w = &a->help_rows[a->help_top + (size_t)y];
        const struct help_line *l = &a->help[w->line];
        draw_textn(r.y + y, r.x + 1 + w->x, r.w - 2 - w->x, l->text + w->start, w->len, l->st);
    }
}

static int help_key(struct app *a, enum action act, int ch)
{
    (void)ch;
    switch (act) {
    case ACT_ESCAPE:
    case ACT_QUIT:
    case ACT_HELP:
        return UI_CLOSE | UI_REDRAW;
    case ACT_DOWN:
        a->help_top++;
        return UI_REDRAW;
    case ACT_UP:
        if (a->help_top)
            a->help_top--;
        return UI_REDRAW;
    case ACT_PAGE_DOWN:
        a->help_top += 10;
        return UI_REDRAW;
    case ACT_PAGE_UP:
        a->help_top = a->help_top > 10 ? a->help_top - 10 : 0;
        return UI_REDRAW;
    case ACT_HOME:
        a->help_top = 0;
        return UI_REDRAW;
    case ACT_END:
        a->help_top = (size_t)-1 / 2;
        return UI_REDRAW;
    default:
        return UI_NOT_MINE;
    }
}

const struct view view_help = {
    .name = "help",
    .title = "help",
    .ctx = CTX_HELP,
    .opens = ACT_HELP,
    .open = help_open,
    .close = help_close,
    .prepare = help_prepare,
    .draw = draw_help,
    .key = help_key,
};
