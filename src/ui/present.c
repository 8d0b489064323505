/* present.c — the slide show: keys change the position (slide, page), then one redraw
 * puts the page that slides.c laid out for the screen's size on the screen, with a slide
 * counter in the bottom-right corner and nothing else. */
#include "present.h"

#include <curses.h>
#include <term.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../text.h"
#include "../util.h"
#include "draw.h"
#include "frame.h"
#include "term.h"

enum pact { P_NONE, P_NEXT, P_PREV, P_FIRST, P_LAST, P_BLANK, P_HELP, P_QUIT, P_REDRAW };

/* Keys as in presentation tools. The help screen ('?') is made from this table. */
static const struct pkey {
    int key;
    enum pact act;
    const char *name;
    const char *help;   /* NULL: one more key for the action above */
} pkeys[] = {
    {' ', P_NEXT, "Space", "next slide (or page)"},
    {KEY_RIGHT, P_NEXT, "Right", NULL},
    {KEY_NPAGE, P_NEXT, "PgDn", NULL},
    {'l', P_NEXT, "l", NULL},
    {'j', P_NEXT, "j", NULL},
    {KEY_DOWN, P_NEXT, "Down", NULL},
    {KEY_LEFT, P_PREV, "Left", "previous slide (or page)"},
    {KEY_PPAGE, P_PREV, "PgUp", NULL},
    {'h', P_PREV, "h", NULL},
    {'k', P_PREV, "k", NULL},
    {KEY_UP, P_PREV, "Up", NULL},
    {KEY_BACKSPACE, P_PREV, "Backspace", NULL},
    {'g', P_FIRST, "g", "first slide"},
    {KEY_HOME, P_FIRST, "Home", NULL},
    {'G', P_LAST, "G", "last slide"},
    {KEY_END, P_LAST, "End", NULL},
    {'b', P_BLANK, "b", "blank the screen; any key brings it back"},
    {'?', P_HELP, "?", "these keys"},
    {'q', P_QUIT, "q", "leave"},
    {27, P_QUIT, "Esc", NULL},
    {12, P_REDRAW, "Ctrl-L", "redraw the screen"},
};

static enum pact lookup(int key)
{
    for (size_t i = 0; i < sizeof pkeys / sizeof pkeys[0]; i++)
        if (pkeys[i].key == key)
            return pkeys[i].act;
    return P_NONE;
}

struct present_show {
    const struct deck *d;
    int ascii;
    size_t cur, page;
    struct slide_pages *lo;      /* the current slide laid out for lo_w x lo_h */
    int lo_w, lo_h;
    size_t lo_slide;
    int w, h;               /* the screen it was last drawn on */
    int blank, help;
    char digits[4];
    int n_digits;
    char message[96];
};

/* The current slide laid out for the area above the counter's row. */
static const struct slide_pages *current(struct present_show *s)
{
    int w = s->w, h = s->h - 1;
    if (!s->lo || s->lo_w != w || s->lo_h != h || s->lo_slide != s->cur) {
        slide_pages_free(s->lo);
        s->lo = slide_layout(&s->d->v[s->cur], w, h, s->ascii);
        s->lo_w = w;
        s->lo_h = h;
        s->lo_slide = s->cur;
    }
    if (s->page >= s->lo->n)
        s->page = s->lo->n - 1;
    return s->lo;
}

static attr_t span_attr(const struct slide_span *sp, enum style *st)
{
    *st = ST_NORMAL;
    switch (sp->style) {
    case SP_BIG:
    case SP_CODE:
        *st = draw_class_style(sp->klass);
        return A_BOLD;
    case SP_TITLE:
        return A_BOLD;
    case SP_LABEL:
    case SP_META:
        *st = ST_DIM;
        return 0;
    case SP_PRE:
        *st = ST_PRE;
        return 0;
    case SP_NOTE:
        return A_BOLD;
    default:
        return 0;
    }
}

static void draw_help(int w, int h)
{
    size_t n = sizeof pkeys / sizeof pkeys[0];
    int rows = 2;
    for (size_t i = 0; i < n; i++)
        rows += pkeys[i].help != NULL;
    int y = (h - rows) / 2;
    if (y < 0)
        y = 0;
    int x = (w - 46) / 2;
    if (x < 0)
        x = 0;
    draw_text(y++, x, w - x, "Keys", ST_BOLD);
    y++;
    for (size_t i = 0; i < n; i++) {
        if (!pkeys[i].help)
            continue;
        struct sb k;
        sb_init(&k);
        sb_puts(&k, pkeys[i].name);
        for (size_t j = i + 1; j < n && !pkeys[j].help; j++) {
            sb_puts(&k, " ");
            sb_puts(&k, pkeys[j].name);
        }
        int used = draw_text(y, x, w - x, k.buf, ST_BOLD);
        draw_text(y++, x + (used > 24 ? used + 1 : 25), w - x - 25, pkeys[i].help, ST_NORMAL);
        if (pkeys[i].act == P_LAST) {
            draw_text(y, x, w - x, "404 Enter", ST_BOLD);
            draw_text(y++, x + 25, w - x - 25, "go to the slide of a code", ST_NORMAL);
        }
        sb_free(&k);
    }
}

void present_show_draw(struct present_show *s, int w, int rows)
{
    s->w = w > 1 ? w : 1;
    s->h = rows > 2 ? rows : 2;
    int h = s->h - 1;
    erase();
    if (s->blank)
        return;
    if (s->help) {
        draw_help(w, h + 1);
        return;
    }
    const struct slide_pages *lo = current(s);
    const struct slide_page *p = &lo->pages[s->page];
    for (size_t i = 0; i < p->n; i++) {
        const struct slide_span *sp = &p->v[i];
        enum style st;
        attr_t extra = span_attr(sp, &st);
        attron(extra);
        draw_text(sp->y, sp->x, w - sp->x, sp->text, st);
        attroff(extra);
    }
    /* The corner: the counter, or the number being typed, or a short message. */
    char corner[160];
    if (s->n_digits)
        snprintf(corner, sizeof corner, "go to %s_", s->digits);
    else if (s->message[0])
        snprintf(corner, sizeof corner, "%s", s->message);
    else if (lo->n > 1)
        snprintf(corner, sizeof corner, "%zu/%zu (%zu/%zu)", s->cur + 1, s->d->n, s->page + 1, lo->n);
    else
        snprintf(corner, sizeof corner, "%zu/%zu", s->cur + 1, s->d->n);
    int cw = txt_width(corner, strlen(corner));
    int cx = w - cw - 1;
    if (cx < 0)
        cx = 0;
    draw_text(h, cx, w - cx, corner, s->message[0] && !s->n_digits ? ST_BOLD : ST_DIM);
}

static void go_next(struct present_show *s)
{
    const struct slide_pages *lo = current(s);
    if (s->page + 1 < lo->n) {
        s->page++;
    } else if (s->cur + 1 < s->d->n) {
        s->cur++;
        s->page = 0;
    }
}

static void go_prev(struct present_show *s)
{
    if (s->page > 0) {
        s->page--;
    } else if (s->cur > 0) {
        s->cur--;
        s->page = current(s)->n - 1;   /* back to where the slide ended */
    }
}

int present_show_key(struct present_show *s, int ch)
{
    s->message[0] = '\0';
    if (ch == KEY_RESIZE)
        return 0;
    if (s->blank) {
        s->blank = 0;
        return lookup(ch) == P_QUIT && ch != 27 ? 1 : 0;
    }
    if (s->help) {
        s->help = 0;
        return ch == 'q';
    }
    if (ch >= '0' && ch <= '9') {
        if (s->n_digits == 3)
            s->n_digits = 0;
        s->digits[s->n_digits++] = (char)ch;
        s->digits[s->n_digits] = '\0';
        return 0;
    }
    if (s->n_digits) {
        if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
            int code = atoi(s->digits);
            long at = deck_find(s->d, code);
            if (at >= 0) {
                s->cur = (size_t)at;
                s->page = 0;
            } else {
                snprintf(s->message, sizeof s->message, "no slide for %s", s->digits);
            }
            s->n_digits = 0;
            return 0;
        }
        if (ch == 27 || ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
            if (ch == 27)
                s->n_digits = 0;
            else
                s->digits[--s->n_digits] = '\0';
            return 0;
        }
        s->n_digits = 0;
    }
    if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
        go_next(s);
        return 0;
    }
    switch (lookup(ch)) {
    case P_NEXT: go_next(s); break;
    case P_PREV: go_prev(s); break;
    case P_FIRST:
        s->cur = 0;
        s->page = 0;
        break;
    case P_LAST:
        s->cur = s->d->n - 1;
        s->page = 0;
        break;
    case P_BLANK: s->blank = 1; break;
    case P_HELP: s->help = 1; break;
    case P_QUIT: return 1;
    case P_REDRAW: clearok(curscr, TRUE); break;
    default: break;
    }
    return 0;
}

struct present_show *present_show_new(const struct deck *d, int ascii)
{
    struct present_show *s = xcalloc(1, sizeof *s);
    s->d = d;
    s->ascii = ascii;
    s->w = 80;
    s->h = 24;
    return s;
}

void present_show_free(struct present_show *s)
{
    if (!s)
        return;
    slide_pages_free(s->lo);
    free(s);
}

/* The slides on the whole screen, through the full-screen loop the quiz uses (frame.c). */
static void show_prepare(void *state, int w, int h)
{
    (void)state, (void)w, (void)h;   /* a slide is laid out as it is drawn, for its size */
}

static void show_draw(const void *state, int y, int x, int h, int w)
{
    (void)y, (void)x;
    present_show_draw((struct present_show *)state, w, h);
}

static int show_key(void *state, int ch)
{
    return present_show_key(state, ch) ? FRAME_QUIT : FRAME_REDRAW;
}

int present_run(const struct deck *d, int ascii)
{
    static const struct frame_ops ops = {
        show_prepare, show_draw, show_key,
        "this terminal type (TERM) is unknown, so the slides cannot be shown; set TERM to a known type such as xterm-256color",
        "this terminal cannot move the cursor, so the slides cannot be shown",
    };
    const char *why;
    if (term_usable(&why) != 0) {
        fprintf(stderr, "httpstatus: %s\n", why);
        return 2;
    }
    struct present_show *s = present_show_new(d, ascii);
    int status = frame_run(&ops, s, ascii, &why);
    present_show_free(s);
    if (status)
        fprintf(stderr, "httpstatus: %s\n", why);
    return status;
}
