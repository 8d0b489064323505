/* ui.c — the browser's top loop: terminal set-up and restore, and the driver: the screen
 * layout, input dispatch through the key table to the views (through the view table only)
 * with one place for the keys no view takes, and one redraw per change of state. */
#include "ui.h"

#include <curses.h>
#include <term.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../exit.h"
#include "app.h"
#include "draw.h"

#define MIN_COLS 40
#define MIN_LINES 10

static SCREEN *screen;
static volatile sig_atomic_t got_signal;
static int curses_active;

/* ---- terminal set-up and restore --------------------------------------------------------- */

static void restore_terminal(void)
{
    if (curses_active) {
        curses_active = 0;
        endwin();
    }
}

static void on_quit_signal(int sig)
{
    got_signal = sig;
}

static void on_crash(int sig)
{
    /* Not async-signal-safe in theory; in practice it is what htop and others do, and a
     * terminal left in raw mode is worse. Then die by the same signal. */
    restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_quit_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = on_crash;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
}

int ui_usable(const char **why)
{
    const char *term = getenv("TERM");
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        *why = "the browser needs a terminal";
        return -1;
    }
    if (!term || !*term) {
        *why = "TERM is not set, so the browser cannot drive this terminal; use 'httpstatus list', 'httpstatus CODE' or set TERM (for example TERM=xterm-256color)";
        return -1;
    }
    if (strcmp(term, "dumb") == 0) {
        *why = "TERM=dumb cannot move the cursor, so the browser cannot run; use 'httpstatus list', 'httpstatus CODE' or 'httpstatus search TEXT'";
        return -1;
    }
    return 0;
}

/* ---- overlays ---------------------------------------------------------------------------- */

static const struct view *top_view(const struct app *a)
{
    return a->n_overlays ? a->overlay[a->n_overlays - 1] : NULL;
}

/* Open the overlay whose action is act, if one is; returns UI_* flags, UI_NOT_MINE when no
 * view opens with act. */
static int open_overlay(struct app *a, enum action act)
{
    for (size_t i = 0; i < ui_views_count; i++) {
        const struct view *v = ui_views[i];
        if (act == ACT_NONE || v->opens != act)
            continue;
        if (a->n_overlays == MAX_OVERLAYS)
            return UI_NOTHING;
        if (v->open && !v->open(a))
            return UI_REDRAW;            /* refused: a message says why */
        a->overlay[a->n_overlays++] = v;
        return UI_REDRAW;
    }
    return UI_NOT_MINE;
}

static void close_overlay(struct app *a)
{
    const struct view *v = top_view(a);
    if (!v)
        return;
    a->n_overlays--;
    if (v->close)
        v->close(a);
}

/* ---- screen ------------------------------------------------------------------------------ */

static void draw_title(struct app *a)
{
    draw_fill(0, 0, a->screen.w, ST_TITLE_BAR);
    int x = draw_text(0, 1, a->screen.w - 2, "httpstatus", ST_TITLE_BAR);
    char buf[160] = "";
    const char *dash = a->ascii ? "-" : "\xE2\x80\x94";
    /* The first overlay that has a title names the screen. */
    const char *title = NULL;
    for (int i = 0; i < a->n_overlays && !title; i++)
        title = a->overlay[i]->title;
    if (title)
        snprintf(buf, sizeof buf, " %s %s", dash, title);
    else if (a->results)
        snprintf(buf, sizeof buf, " %s %zu hit%s", dash, a->hits.n, a->hits.n == 1 ? "" : "s");
    else
        snprintf(buf, sizeof buf, " %s %zu codes", dash, a->total);
    x += draw_text(0, 1 + x, a->screen.w - 2 - x, buf, ST_TITLE_BAR);
    if (a->n_marks) {
        char m[64] = " marked:";
        for (int i = 0; i < a->n_marks; i++) {
            char c[8];
            snprintf(c, sizeof c, " %d", a->marks[i]);
            strncat(m, c, sizeof m - strlen(m) - 1);
        }
        int w = (int)strlen(m);
        if (a->screen.w - w - 1 > x + 2)
            draw_text(0, a->screen.w - w - 1, w, m, ST_TITLE_BAR);
    }
}

/* The status line: the top view's own (a prompt), a message, or where you are and the
 * key hints of the context from the key table. */
static void draw_status(struct app *a, unsigned ctx)
{
    int y = a->screen.h - 1;
    const struct view *top = top_view(a);
    if (top && top->status) {
        top->status(a, (struct rect){y, 0, 1, a->screen.w});
        return;
    }
    draw_fill(y, 0, a->screen.w, ST_STATUS_BAR);
    if (a->message[0]) {
        draw_text(y, 1, a->screen.w - 2, a->message, a->msg_error ? ST_ERROR : ST_STATUS_BAR);
        return;
    }
    struct sb b;
    sb_init(&b);
    if (a->cur)
        sb_printf(&b, "%d  ", a->cur->e.code);
    if (ctx == CTX_BROWSE && a->detail_pct >= 0)
        sb_printf(&b, "%d%%  ", a->detail_pct);
    for (size_t i = 0; i < keys_count; i++) {
        const struct keybind *k = &keys_table[i];
        if (k->hint && (k->ctx & ctx))
            sb_printf(&b, "%s  ", k->hint);
    }
    draw_text(y, 1, a->screen.w - 2, b.buf ? b.buf : "", ST_STATUS_BAR);
    sb_free(&b);
}

/* The overlay that draws the body (the topmost with a draw), or NULL: the browse panes. */
static const struct view *body_view(const struct app *a)
{
    for (int i = a->n_overlays - 1; i >= 0; i--)
        if (a->overlay[i]->draw)
            return a->overlay[i];
    return NULL;
}

/* The layout for the terminal's size, then each visible view prepares for its place.
 * Returns 0 when the terminal is too small to draw anything but a note. */
static int layout(struct app *a)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    a->screen = (struct rect){0, 0, rows, cols};
    if (cols < MIN_COLS || rows < MIN_LINES)
        return 0;
    int body_h = rows - 2;
    const struct view *body = body_view(a);
    if (body) {
        if (body->prepare)
            body->prepare(a, (struct rect){1, 0, body_h, cols});
        return 1;
    }
    int lw = cols * 2 / 5;
    if (lw > 44)
        lw = 44;
    if (lw < 22)
        lw = 22;
    a->list_r = (struct rect){1, 0, body_h, lw};
    a->detail_r = (struct rect){1, lw + 1, body_h, cols - lw - 1};
    ui_views[VIEW_LIST]->prepare(a, a->list_r);
    ui_views[VIEW_DETAIL]->prepare(a, a->detail_r);
    return 1;
}

static void draw_too_small(int rows, int cols)
{
    const char *msg = "terminal too small";
    int w = (int)strlen(msg);
    int y = rows / 2, x = cols > w ? (cols - w) / 2 : 0;
    draw_text(y, x, cols, msg, ST_BOLD);
    if (rows > 1) {
        char need[48];
        snprintf(need, sizeof need, "need %dx%d", MIN_COLS, MIN_LINES);
        int nw = (int)strlen(need);
        draw_text(y + 1, cols > nw ? (cols - nw) / 2 : 0, cols, need, ST_DIM);
    }
}

static void draw_all(struct app *a)
{
    int fits = layout(a);
    erase();
    int rows = a->screen.h, cols = a->screen.w;
    if (!fits) {
        draw_too_small(rows, cols);
        curs_set(0);
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    draw_title(a);
    const struct view *top = top_view(a), *body = body_view(a);
    int body_h = rows - 2;
    if (body) {
        body->draw(a, (struct rect){1, 0, body_h, cols});
    } else {
        ui_views[VIEW_LIST]->draw(a, a->list_r);
        draw_vline(1, a->list_r.w, body_h);
        ui_views[VIEW_DETAIL]->draw(a, a->detail_r);
    }
    draw_status(a, top && top->ctx ? top->ctx : CTX_BROWSE);
    curs_set(top && top->cursor ? 1 : 0);
    wnoutrefresh(stdscr);
    doupdate();
}

/* ---- input: the driver ------------------------------------------------------------------- */

static int handle_mouse(struct app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || a->n_overlays)
        return UI_NOTHING;
    int wheel_up = (ev.bstate & BUTTON4_PRESSED) != 0;
#ifdef BUTTON5_PRESSED
    int wheel_down = (ev.bstate & BUTTON5_PRESSED) != 0;
#else
    int wheel_down = 0;
#endif
    struct rect l = a->list_r, d = a->detail_r;
    int in_list = ev.y >= l.y && ev.y < l.y + l.h && ev.x >= l.x && ev.x < l.x + l.w;
    int in_detail = ev.y >= d.y && ev.y < d.y + d.h && ev.x >= d.x && ev.x < d.x + d.w;
    if (wheel_up || wheel_down) {
        enum action act = wheel_up ? ACT_UP : ACT_DOWN;
        const struct view *v = in_list ? ui_views[VIEW_LIST] : in_detail ? ui_views[VIEW_DETAIL] : NULL;
        int r = 0;
        for (int i = 0; v && i < 3; i++)
            r |= v->key(a, act, 0);
        return r & ~UI_NOT_MINE;
    }
    if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)))
        return UI_NOTHING;
    if (in_list) {
        int step = a->results ? 2 : 1;
        size_t idx = a->top + (size_t)((ev.y - l.y) / step);
        if (idx < a->n_items) {
            a->sel = idx;
            a->focus_detail = 0;
            app_load_detail(a);
        }
        return UI_REDRAW;
    }
    if (in_detail && a->doc) {
        size_t line = a->dtop + (size_t)(ev.y - d.y);
        if (line < a->doc->n) {
            a->focus_detail = 1;
            a->dcur = line;
            if (a->doc->v[line].link)
                app_follow(a, a->doc->v[line].link);
        }
        return UI_REDRAW;
    }
    return UI_NOTHING;
}

/* The keys no view took: closing an overlay, opening one by its action, and the browse
 * keys that belong to neither pane. */
static int fallback(struct app *a, enum action act, int ch)
{
    if (a->n_overlays) {
        if (act == ACT_ESCAPE || act == ACT_QUIT) {
            close_overlay(a);
            return UI_REDRAW;
        }
        int r = open_overlay(a, act);
        return r == UI_NOT_MINE ? UI_NOTHING : r;
    }
    if (ch >= '0' && ch <= '9')
        return app_digit(a, ch);
    switch (act) {
    case ACT_QUIT:
        return UI_QUIT;
    case ACT_ESCAPE:
        return app_escape(a);
    case ACT_FOCUS:
        a->focus_detail = !a->focus_detail;
        return UI_REDRAW;
    case ACT_BACK:
        return app_back(a);
    case ACT_FORWARD:
        return app_forward(a);
    default: {
        int r = open_overlay(a, act);
        return r == UI_NOT_MINE ? UI_NOTHING : r;
    }
    }
}

/* Act on what a view's handler returned. */
static int result(struct app *a, int r)
{
    if (r & UI_CLOSE) {
        close_overlay(a);
        r = (r & ~UI_CLOSE) | UI_REDRAW;
    }
    return r;
}

static int handle_key(struct app *a, int ch)
{
    if (ch == KEY_RESIZE)
        return UI_REDRAW;
    if (ch == KEY_MOUSE)
        return handle_mouse(a);
    a->message[0] = '\0';
    const struct view *top = top_view(a);
    if (top && !top->ctx)                  /* a view that reads raw keys (the prompt) */
        return result(a, top->key(a, ACT_NONE, ch) & ~UI_NOT_MINE);
    enum action act = keys_lookup(ch, top ? top->ctx : CTX_BROWSE);
    if (act == ACT_REDRAW) {
        clearok(curscr, TRUE);
        return UI_REDRAW;
    }
    int r = UI_NOT_MINE;
    if (top) {
        r = top->key(a, act, ch);
    } else if (!(ch >= '0' && ch <= '9')) {
        /* The focused pane first; the list passes what it does not take to the detail
         * pane (its links and matches), then both to the driver. */
        if (!a->focus_detail)
            r = ui_views[VIEW_LIST]->key(a, act, ch);
        if (r == UI_NOT_MINE)
            r = ui_views[VIEW_DETAIL]->key(a, act, ch);
    }
    if (r == UI_NOT_MINE)
        r = fallback(a, act, ch);
    return result(a, r);
}

/* ---- the loop ---------------------------------------------------------------------------- */

static int start_curses(int ascii, const char **why)
{
    screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        *why = "this terminal type (TERM) is unknown, so the browser cannot run; use 'httpstatus list' or 'httpstatus CODE', or set TERM to a known type such as xterm-256color";
        return -1;
    }
    set_term(screen);
    curses_active = 1;
    if (!cursor_address || !*cursor_address) {
        restore_terminal();
        delscreen(screen);
        screen = NULL;
        *why = "this terminal cannot move the cursor, so the browser cannot run; use 'httpstatus list' or 'httpstatus CODE'";
        return -1;
    }
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    scrollok(stdscr, FALSE);
    set_escdelay(25);
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
                  | BUTTON5_PRESSED
#endif
              ,
              NULL);
    mouseinterval(0);
    const char *nc = getenv("NO_COLOR");
    draw_init(!(nc && *nc), ascii);
    return 0;
}

int ui_run(struct hs_db *db, int ascii)
{
    const char *why;
    if (ui_usable(&why) != 0) {
        fprintf(stderr, "httpstatus: %s\n", why);
        return EXIT_ERROR;
    }
    struct app a;
    if (app_init(&a, db, ascii, &why) != 0) {
        fprintf(stderr, "httpstatus: %s\n", why);
        app_free(&a);
        return EXIT_ERROR;
    }

    install_signals();
    atexit(restore_terminal);
    if (start_curses(ascii, &why) != 0) {
        fprintf(stderr, "httpstatus: %s\n", why);
        app_free(&a);
        return EXIT_ERROR;
    }
    int flags = UI_REDRAW;
    while (!got_signal && !a.err) {
        if (flags & UI_QUIT)
            break;
        if (flags & UI_REDRAW)
            draw_all(&a);
        /* A short timeout lets a signal end the loop even without input. */
        timeout(500);
        int ch = getch();
        if (ch == ERR) {
            flags = UI_NOTHING;
            continue;
        }
        flags = handle_key(&a, ch);
    }
    restore_terminal();
    if (screen) {
        delscreen(screen);
        screen = NULL;
    }
    int status = EXIT_FOUND;
    if (a.err) {
        fprintf(stderr, "httpstatus: %s\n", a.err);
        status = EXIT_ERROR;
    }
    while (a.n_overlays)
        close_overlay(&a);
    app_free(&a);
    if (got_signal) {
        /* The terminal is restored; now end the way the signal asked, so a parent shell
         * sees "interrupted" (status 128 + signal). SIGQUIT without its core dump. */
        int sig = got_signal;
        hsdb_close(db);
        if (sig == SIGQUIT)
            _exit(128 + sig);
        signal(sig, SIG_DFL);
        raise(sig);
        _exit(128 + sig);
    }
    return status;
}
