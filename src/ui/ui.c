/* ui.c — the browser's top loop: terminal set-up and restore, and the driver: the screen
 * layout, input dispatch through the key table to the views (through the view table only)
 * with one place for the keys no view takes, and one redraw per change of state. */
#include "ui.h"

#include <curses.h>
#include <term.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "../exit.h"
#include "../text.h"
#include "app.h"
#include "draw.h"
#include "term.h"

#define MIN_COLS 40
#define MIN_LINES 10
/* The largest screen curses is told about: its buffers (three of rows x columns cells)
 * stay near 100 MB whatever the terminal or LINES and COLUMNS claim. */
#define MAX_SCREEN 1000

static SCREEN *screen;
static volatile sig_atomic_t got_signal;
static volatile sig_atomic_t got_winch;
static int curses_active;

/* ---- terminal set-up and restore --------------------------------------------------------- */

static void restore_terminal(void)
{
    if (curses_active) {
        curses_active = 0;
        /* Without an alternate screen (TERM=linux, vt100) the last frame would stay and the
         * shell's prompt land on its status line: clear it, the cursor at the top. */
        int no_alt = !enter_ca_mode || !*enter_ca_mode;
        endwin();
        if (no_alt && clear_screen && *clear_screen) {
            putp(clear_screen);
            fflush(stdout);
        }
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

static void on_winch(int sig)
{
    (void)sig;
    got_winch = 1;
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    /* Ours, so curses does not install its own: the size it gets is always the capped one
     * (see apply_size). */
    sa.sa_handler = on_winch;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGWINCH, &sa, NULL);
    term_catch_signals(on_quit_signal, on_crash);
}

/* ---- the screen's size ------------------------------------------------------------------- */

/* A size from the environment: 0 when unset or not a number, at most MAX_SCREEN. */
static int env_size(const char *name)
{
    const char *v = getenv(name);
    if (!v || !*v)
        return 0;
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (*end || n <= 0)
        return 0;
    return n > MAX_SCREEN || errno == ERANGE ? MAX_SCREEN : (int)n;
}

/* The terminal's real size (TIOCGWINSZ), else what LINES and COLUMNS say; each capped at
 * MAX_SCREEN; 0 when nothing says. */
static void real_size(int *rows, int *cols)
{
    struct winsize ws;
    *rows = *cols = 0;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
        *rows = ws.ws_row > MAX_SCREEN ? MAX_SCREEN : ws.ws_row;
        *cols = ws.ws_col > MAX_SCREEN ? MAX_SCREEN : ws.ws_col;
    } else {
        *rows = env_size("LINES");
        *cols = env_size("COLUMNS");
    }
}

/* Tell curses the size through LINES and COLUMNS, which it believes before anything else:
 * so a huge value there (30000x30000) never sizes its buffers, nor does a huge terminal.
 * Nothing known: curses takes the terminal description's size. */
static void size_to_env(int rows, int cols)
{
    if (rows > 0 && cols > 0) {
        char r[16], c[16];
        snprintf(r, sizeof r, "%d", rows);
        snprintf(c, sizeof c, "%d", cols);
        setenv("LINES", r, 1);
        setenv("COLUMNS", c, 1);
    } else {
        unsetenv("LINES");
        unsetenv("COLUMNS");
    }
}

/* After SIGWINCH: the new size, capped, to curses. */
static void apply_size(void)
{
    int rows, cols;
    real_size(&rows, &cols);
    if (rows <= 0 || cols <= 0)
        return;
    size_to_env(rows, cols);
    if (rows != LINES || cols != COLS)
        resizeterm(rows, cols);     /* ERR (out of memory): the old size stays */
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
    /* The topmost overlay that has a title names the screen (help over compare: help). */
    const char *title = NULL;
    for (int i = a->n_overlays - 1; i >= 0 && !title; i--)
        title = a->overlay[i]->title;
    if (title)
        snprintf(buf, sizeof buf, " %s %s", dash, title);
    else if (a->results)
        snprintf(buf, sizeof buf, " %s %zu hit%s", dash, a->hits.n, a->hits.n == 1 ? "" : "s");
    else if (a->standard_only)
        snprintf(buf, sizeof buf, " %s %zu standard codes (s shows all)", dash, a->total);
    else
        snprintf(buf, sizeof buf, " %s %zu codes", dash, a->total);
    x += draw_text(0, 1 + x, a->screen.w - 2 - x, buf, ST_TITLE_BAR);
    if (a->n_marks) {
        char m[64] = " marked:";
        for (int i = 0; i < a->n_marks; i++) {
            char c[8];
            snprintf(c, sizeof c, " %03d", a->marks[i]);
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
    if (top && top->where) {
        top->where(a, &b);
    } else {
        if (a->cur)
            sb_printf(&b, "%03d  ", a->cur->e.code);
        if ((ctx & CTX_BROWSE) && a->detail_pct >= 0)
            sb_printf(&b, "%d%%  ", a->detail_pct);
        if ((ctx & CTX_BROWSE) && a->find.len) {
            char *f = txt_sanitize(a->find.buf, 0, a->ascii);
            sb_printf(&b, "find \"%s\" (n N)  ", f);
            free(f);
        }
    }
    for (size_t i = 0; i < keys_count; i++) {
        const struct keybind *k = &keys_table[i];
        /* Only the binding the key has here (/ finds in the page while it has the focus). */
        if (k->hint && (k->ctx & ctx) && keys_lookup(k->key, ctx) == k->action)
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
            body->prepare(a, body->fullscreen ? a->screen : (struct rect){1, 0, body_h, cols});
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

/* The key context of the browse panes: CTX_PAGE too while the detail pane has the focus. */
static unsigned browse_ctx(const struct app *a)
{
    return CTX_BROWSE | (a->focus_detail ? CTX_PAGE : 0);
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
    const struct view *top = top_view(a), *body = body_view(a);
    if (body && body->fullscreen) {            /* no chrome at all: a slide show */
        body->draw(a, a->screen);
        curs_set(0);
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    draw_title(a);
    int body_h = rows - 2;
    if (body) {
        body->draw(a, (struct rect){1, 0, body_h, cols});
    } else {
        ui_views[VIEW_LIST]->draw(a, a->list_r);
        draw_vline(1, a->list_r.w, body_h);
        ui_views[VIEW_DETAIL]->draw(a, a->detail_r);
    }
    draw_status(a, top && top->ctx ? top->ctx : browse_ctx(a));
    curs_set(top && top->cursor ? 1 : 0);
    wnoutrefresh(stdscr);
    doupdate();
}

/* ---- input: the driver ------------------------------------------------------------------- */

/* Act on what a view's handler returned. */
static int result(struct app *a, int r)
{
    if (r & UI_CLOSE) {
        close_overlay(a);
        r = (r & ~UI_CLOSE) | UI_REDRAW;
    }
    return r;
}

static int handle_mouse(struct app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return UI_NOTHING;
    int wheel_up = (ev.bstate & BUTTON4_PRESSED) != 0;
#ifdef BUTTON5_PRESSED
    int wheel_down = (ev.bstate & BUTTON5_PRESSED) != 0;
#else
    int wheel_down = 0;
#endif
    const struct view *body = body_view(a);
    struct rect l = a->list_r, d = a->detail_r;
    int in_list = !body && ev.y >= l.y && ev.y < l.y + l.h && ev.x >= l.x && ev.x < l.x + l.w;
    int in_detail = !body && ev.y >= d.y && ev.y < d.y + d.h && ev.x >= d.x && ev.x < d.x + d.w;
    if (wheel_up || wheel_down) {
        /* The wheel scrolls what is under it, whichever pane has the focus: the overlay
         * that fills the screen (compare, help), else the pane under the pointer. */
        enum action act = wheel_up ? ACT_UP : ACT_DOWN;
        const struct view *v = body ? body : in_list ? ui_views[VIEW_LIST] : in_detail ? ui_views[VIEW_DETAIL] : NULL;
        int r = 0;
        for (int i = 0; v && v->key && i < 3; i++)
            r |= result(a, v->key(a, act, 0) & ~UI_NOT_MINE);
        return r;
    }
    if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED)) || top_view(a))
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
        a->focus_detail = 1;
        if (line < a->doc->n) {
            if (a->doc->v[line].link != DOC_NO_LINK) {
                app_follow(a, a->doc->v[line].link);
            } else if (a->doc->v[line].header) {
                char *name = xstrdup(a->doc->v[line].header);   /* the document goes */
                app_show_header(a, name);
                free(name);
            }
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
    case ACT_STANDARD:
        return app_set_standard(a, !a->standard_only);
    case ACT_COPY:
        return app_copy(a);
    case ACT_OPEN_SPEC:
        return app_open_spec(a);
    default: {
        int r = open_overlay(a, act);
        return r == UI_NOT_MINE ? UI_NOTHING : r;
    }
    }
}

static int handle_key(struct app *a, int ch)
{
    if (ch == KEY_RESIZE)
        return UI_REDRAW;
    if (ch == KEY_MOUSE)
        return handle_mouse(a);
    a->message[0] = '\0';
    if (!(ch >= '0' && ch <= '9'))
        a->n_digits = 0;                   /* any other key ends a digit jump */
    const struct view *top = top_view(a);
    if (top && !top->ctx)                  /* a view that reads raw keys (the prompt) */
        return result(a, top->key(a, ACT_NONE, ch) & ~UI_NOT_MINE);
    enum action act = keys_lookup(ch, top ? top->ctx : browse_ctx(a));
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
    int rows, cols;
    real_size(&rows, &cols);
    size_to_env(rows, cols);
    /* Is the terminal known? Asked first, so that only a missing description is reported
     * as one; newterm failing after this is out of memory. */
    int err = 0;
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
        *why = err == -1 ? "the terminal descriptions (terminfo) cannot be found, so the browser cannot run; use 'httpstatus list' or 'httpstatus CODE'"
                         : "this terminal type (TERM) is unknown, so the browser cannot run; use 'httpstatus list' or 'httpstatus CODE', or set TERM to a known type such as xterm-256color";
        return -1;
    }
    del_curterm(cur_term);
    screen = newterm(NULL, stdout, stdin);
    if (!screen) {
        *why = "out of memory setting up the browser's screen";
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
    draw_init(ascii);
    return 0;
}

/* ---- idle work ----------------------------------------------------------------------------
 * Between the first frame and the first key the browser gets ready for a search, in steps
 * of well under a millisecond, so that a key typed meanwhile waits for one step at most:
 *  1. memory: the heap grows by WARM_BYTES, every page is touched once, and it is freed
 *     again but kept (glibc: trimmed only above TRIM_BYTES, and blocks under MMAP_BYTES come
 *     from the heap, not from a fresh mapping each time). The first keystrokes of a search
 *     then do not take a page fault for each 4 KiB their page cache and buffers grow by:
 *     about 1.3 MB over "/captive portal", and on the 2-core VM of make bench a fault costs
 *     some 25 µs (a 60-fault keystroke, 1.5 ms of it);
 *  2. one search (app_search_warm): statements prepared, ranking functions registered.
 * The terminal sees nothing of it. */
#define WARM_BYTES (2 << 20)
#define WARM_STEP (64 << 10)
#define TRIM_BYTES (16 << 20)
#define MMAP_BYTES (32 << 20)

struct idle {
    int step;                                  /* 0 .. WARM_STEPS: memory; then the search */
    char *block[WARM_BYTES / WARM_STEP];
};

/* One step of idle work; 0 when there is none left (then and ever after). */
static int idle_step(struct app *a, struct idle *w)
{
    enum { WARM_STEPS = WARM_BYTES / WARM_STEP };
    if (w->step > WARM_STEPS + 1)
        return 0;
#ifdef __GLIBC__
    if (w->step == 0) {
        mallopt(M_TRIM_THRESHOLD, TRIM_BYTES);
        mallopt(M_MMAP_THRESHOLD, MMAP_BYTES);
    }
    if (w->step < WARM_STEPS) {
        char *b = malloc(WARM_STEP);
        w->block[w->step++] = b;
        if (b) {
            for (size_t i = 0; i < WARM_STEP; i += 4096)
                ((volatile char *)b)[i] = 0;
            return 1;
        }
        w->step = WARM_STEPS;                  /* out of memory: no more of this */
    }
    if (w->step == WARM_STEPS) {
        for (int i = WARM_STEPS - 1; i >= 0; i--)
            free(w->block[i]);
        w->step++;
        return 1;
    }
#else
    w->step = WARM_STEPS + 1;
#endif
    if (w->step == WARM_STEPS + 1) {
        app_search_warm(a);
        w->step++;
    }
    return 0;
}

int ui_run(struct hs_db *db, int ascii)
{
    const char *why;
    if (term_usable(&why) != 0) {
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
    int dead_reads = 0;
    struct idle warm = {0};
    timeout(0);                /* getch never waits: term_wait_input does, and sees the end of input */
    while (!got_signal && !a.err && !(flags & UI_QUIT)) {
        if (got_winch) {
            got_winch = 0;
            apply_size();
            flags |= UI_REDRAW;
        }
        if (flags & UI_REDRAW)
            draw_all(&a);
        flags = UI_NOTHING;
        int ch = getch();
        if (ch != ERR) {
            dead_reads = 0;
            flags = handle_key(&a, ch);
            continue;
        }
        if (idle_step(&a, &warm))
            continue;
        /* Nothing typed: wait, with a timeout so a signal ends the loop even without input;
         * a terminal that is gone ends it as SIGHUP would, not spin (term_wait_input). */
        if (term_wait_input(500, &dead_reads) < 0) {
            got_signal = SIGHUP;
            break;
        }
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
