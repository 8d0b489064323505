/* frame.c — see frame.h. */
#include "frame.h"

#include <curses.h>
#include <term.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../text.h"
#include "../util.h"
#include "term.h"

void frame_add(struct frame_lines *l, const char *text, size_t len, enum style st)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 32;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].text = xstrndup(text, len);
    l->v[l->n].st = st;
    l->n++;
}

void frame_add_wrapped(struct frame_lines *l, const char *prefix, const char *text, int w, enum style st)
{
    int pw = txt_width(prefix, strlen(prefix));
    int tw = w - pw > 8 ? w - pw : 8;
    size_t *st_, *ln;
    size_t n = txt_wrap(text, tw, &st_, &ln);
    struct sb b;
    sb_init(&b);
    for (size_t i = 0; i < n || i == 0; i++) {
        sb_reset(&b);
        sb_puts(&b, "");
        if (i == 0)
            sb_puts(&b, prefix);
        else
            for (int k = 0; k < pw; k++)
                sb_putc(&b, ' ');
        if (i < n)
            sb_putn(&b, text + st_[i], ln[i]);
        frame_add(l, b.buf, b.len, st);
    }
    sb_free(&b);
    free(st_);
    free(ln);
}

void frame_lines_free(struct frame_line *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].text);
    free(v);
}

static const char *frame_line(int ascii)
{
    return ascii ? "-" : "\xE2\x94\x80";   /* ─ */
}

static const char *corner(int which, int ascii)
{
    static const char *const utf8[] = {"\xE2\x94\x8C", "\xE2\x94\x90", "\xE2\x94\x94", "\xE2\x94\x98"};   /* ┌┐└┘ */
    return ascii ? "+" : utf8[which];
}

static void border_row(int y, int x, int w, int left, int right, const char *label, enum style st, int ascii)
{
    draw_text(y, x, 1, corner(left, ascii), ST_DIM);
    for (int i = 1; i < w - 1; i++)
        draw_text(y, x + i, 1, frame_line(ascii), ST_DIM);
    draw_text(y, x + w - 1, 1, corner(right, ascii), ST_DIM);
    if (label && *label && w > 8) {
        struct sb b;
        sb_init(&b);
        sb_putc(&b, ' ');
        txt_fit(&b, label, w - 8, 1, ascii);
        sb_putc(&b, ' ');
        draw_text(y, x + 2, w - 4, b.buf, st);
        sb_free(&b);
    }
}

void frame_draw(int y, int x, int h, int w, const char *title, enum style title_st, const char *hint,
                enum style hint_st, int ascii)
{
    if (h < 2 || w < 2)
        return;
    border_row(y, x, w, 0, 1, title, title_st, ascii);
    for (int i = 1; i < h - 1; i++) {
        draw_vline(y + i, x, 1);
        draw_vline(y + i, x + w - 1, 1);
    }
    border_row(y + h - 1, x, w, 2, 3, hint, hint_st, ascii);
}

/* ---- full screen ----------------------------------------------------------------------------- */

static volatile sig_atomic_t got_signal;
static int curses_on;

static void restore(void)
{
    if (curses_on) {
        curses_on = 0;
        endwin();
    }
}

static void on_signal(int sig)
{
    got_signal = sig;
}

static void on_crash(int sig)
{
    restore();
    signal(sig, SIG_DFL);
    raise(sig);
}

int frame_run(const struct frame_ops *ops, void *state, int ascii, const char **why)
{
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        *why = ops->no_term;
        return 2;
    }
    set_term(scr);
    curses_on = 1;
    atexit(restore);
    term_catch_signals(on_signal, on_crash);
    if (!cursor_address || !*cursor_address) {
        restore();
        delscreen(scr);
        *why = ops->no_cursor;
        return 2;
    }
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    draw_init(ascii);
    int flags = FRAME_REDRAW, dead_reads = 0;
    timeout(0);                /* getch never waits: term_wait_input does, and sees a lost terminal */
    while (!got_signal && !(flags & FRAME_QUIT)) {
        if (flags & FRAME_REDRAW) {
            int rows, cols;
            getmaxyx(stdscr, rows, cols);
            ops->prepare(state, cols, rows);
            erase();
            ops->draw(state, 0, 0, rows, cols);
            refresh();
        }
        int ch = getch();
        if (ch != ERR) {
            dead_reads = 0;
            flags = ops->key(state, ch);
            continue;
        }
        flags = FRAME_NOTHING;
        /* Nothing typed: wait, with a timeout so that a signal ends the loop even without
         * input; a terminal that is gone ends it as SIGHUP would (term_wait_input). */
        if (term_wait_input(500, &dead_reads) < 0) {
            got_signal = SIGHUP;
            break;
        }
    }
    restore();
    delscreen(scr);
    if (got_signal) {
        /* The terminal is restored, and what was answered is saved: end as the signal asks. */
        int sig = got_signal;
        if (sig == SIGQUIT)
            _exit(128 + sig);
        signal(sig, SIG_DFL);
        raise(sig);
        _exit(128 + sig);
    }
    return 0;
}
