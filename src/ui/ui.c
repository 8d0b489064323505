/* ui.c — the browser's top loop: terminal set-up and restore, the screen layout, input
 * dispatch through the key table, and one redraw per change of state. */
#include "ui.h"

#include <curses.h>
#include <term.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../text.h"
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

long long app_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- shared operations --------------------------------------------------------------------- */

void app_message(struct app *a, int error, const char *fmt, ...)
{
    char raw[sizeof a->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    char *clean = txt_sanitize(raw, 0, a->ascii);
    snprintf(a->message, sizeof a->message, "%s", clean);
    free(clean);
    a->msg_error = error;
}

int app_db_failed(struct app *a)
{
    free(a->err);
    a->err = xstrdup(hsdb_error(a->db));
    return UI_QUIT;
}

#define PAGE_ROWS 128

const struct hs_entry *app_item_entry(struct app *a, const struct item *it)
{
    if (it->kind == ITEM_HIT)
        return &a->hits.v[it->idx].e;
    if (it->kind != ITEM_CODE || it->klass < 1 || it->klass > 5)
        return NULL;
    struct page *p = &a->pages[it->klass];
    if (!p->e.v || it->idx < p->offset || it->idx >= p->offset + p->e.n) {
        hs_entries_free(&p->e);
        p->offset = it->idx > PAGE_ROWS / 4 ? it->idx - PAGE_ROWS / 4 : 0;
        enum hs_status s = hsdb_list_page(a->db, it->klass, p->offset, PAGE_ROWS, &p->e);
        if (s != HS_OK || it->idx >= p->offset + p->e.n) {
            if (s != HS_OK && s != HS_NOTFOUND)
                app_db_failed(a);
            a->placeholder.phrase = a->placeholder.summary = (char *)"";
            return &a->placeholder;
        }
    }
    return &p->e.v[it->idx - p->offset];
}

static void drop_pages(struct app *a)
{
    for (int k = 0; k < 6; k++) {
        hs_entries_free(&a->pages[k].e);
        a->pages[k].offset = 0;
    }
}

struct item app_item(struct app *a, size_t i)
{
    if (a->results) {
        if (a->hits.n == 0)
            return (struct item){ITEM_NOTE, 0, 0};
        return (struct item){ITEM_HIT, 0, i};
    }
    for (int k = 1; k <= 5; k++) {
        if (!a->counts[k])
            continue;
        if (i == 0)
            return (struct item){ITEM_CLASS, k, 0};
        i--;
        size_t n = a->folded[k] ? 0 : a->counts[k];
        if (i < n)
            return (struct item){ITEM_CODE, k, i};
        i -= n;
    }
    return (struct item){ITEM_NOTE, 0, 0};
}

/* Row of the list pane for a class heading, or for the idx-th code of the class. */
static size_t row_of(const struct app *a, int klass, int heading, size_t idx)
{
    size_t row = 0;
    for (int k = 1; k <= 5; k++) {
        if (!a->counts[k])
            continue;
        if (k == klass)
            return heading ? row : row + 1 + idx;
        row += 1 + (a->folded[k] ? 0 : a->counts[k]);
    }
    return 0;
}

static int item_code(struct app *a, size_t i)
{
    struct item it = app_item(a, i);
    const struct hs_entry *e = app_item_entry(a, &it);
    return e ? e->code : 0;
}

void app_rebuild_items(struct app *a)
{
    /* Keep the selection on the same code or heading where it still exists. */
    int old_code = 0, old_class = 0;
    if (a->n_items && a->sel < a->n_items) {
        struct item old = app_item(a, a->sel);
        if (old.kind == ITEM_CLASS)
            old_class = old.klass;
        else
            old_code = item_code(a, a->sel);
    }
    if (a->results) {
        a->n_items = a->hits.n ? a->hits.n : 1;
    } else {
        a->n_items = 0;
        for (int k = 1; k <= 5; k++)
            if (a->counts[k])
                a->n_items += 1 + (a->folded[k] ? 0 : a->counts[k]);
    }
    a->sel = 0;
    if (old_code) {
        if (a->results) {
            for (size_t i = 0; i < a->hits.n; i++)
                if (a->hits.v[i].e.code == old_code)
                    a->sel = i;
        } else {
            int k;
            size_t idx;
            if (hsdb_code_position(a->db, old_code, &k, &idx) == HS_OK && k >= 1 && k <= 5)
                a->sel = a->folded[k] ? row_of(a, k, 1, 0) : row_of(a, k, 0, idx);
        }
    } else if (old_class && !a->results) {
        a->sel = row_of(a, old_class, 1, 0);
    }
    if (a->sel >= a->n_items)
        a->sel = a->n_items ? a->n_items - 1 : 0;
    if (a->top > a->sel)
        a->top = a->sel;
}

void app_select_code(struct app *a, int code)
{
    if (a->results) {
        for (size_t i = 0; i < a->hits.n; i++)
            if (a->hits.v[i].e.code == code) {
                a->sel = i;
                return;
            }
        /* Not among the hits: back to the full list. */
        search_close(a, 0);
    }
    int k;
    size_t idx;
    enum hs_status s = hsdb_code_position(a->db, code, &k, &idx);
    if (s != HS_OK || k < 1 || k > 5) {
        if (s != HS_OK && s != HS_NOTFOUND)
            app_db_failed(a);
        return;
    }
    if (a->folded[k]) {
        a->folded[k] = 0;
        app_rebuild_items(a);
    }
    a->sel = row_of(a, k, 0, idx);
}

static void free_detail(struct app *a)
{
    hs_code_free(a->cur);
    a->cur = NULL;
    hs_class_free(a->cur_class);
    a->cur_class = NULL;
    hs_entries_free(&a->cur_class_codes);
    doc_free(a->doc);
    a->doc = NULL;
}

void app_load_detail(struct app *a)
{
    struct item cur = a->n_items ? app_item(a, a->sel) : (struct item){ITEM_NOTE, 0, 0};
    const struct item *it = &cur;
    int code = 0, klass = 0;
    if (it->kind == ITEM_CODE || it->kind == ITEM_HIT)
        code = app_item_entry(a, it)->code;
    else if (it->kind == ITEM_CLASS)
        klass = it->klass;
    if (code && code == a->cur_code && a->cur)
        return;
    if (!code && klass && a->cur_class && a->cur_class->klass == klass)
        return;
    free_detail(a);
    a->cur_code = code;
    a->dtop = a->dcur = 0;
    a->doc_width = -1;
    if (code) {
        enum hs_status s = hsdb_code(a->db, code, &a->cur);
        if (s != HS_OK) {
            a->cur = NULL;
            app_message(a, 1, "%s", hsdb_error(a->db));
        }
    } else if (klass) {
        if (hsdb_class(a->db, klass, &a->cur_class) != HS_OK) {
            a->cur_class = NULL;
            app_message(a, 1, "%s", hsdb_error(a->db));
        } else if (hsdb_list(a->db, klass, &a->cur_class_codes) != HS_OK) {
            app_message(a, 1, "%s", hsdb_error(a->db));
        }
    }
}

void app_follow(struct app *a, int code)
{
    if (a->cur_code && a->cur_code != code) {
        if (a->n_back == HISTORY_MAX) {
            memmove(a->back, a->back + 1, (HISTORY_MAX - 1) * sizeof a->back[0]);
            a->n_back--;
        }
        a->back[a->n_back++] = a->cur_code;
        a->n_fwd = 0;
    }
    app_select_code(a, code);
    app_load_detail(a);
}

/* ---- screen ------------------------------------------------------------------------------ */

static void draw_title(struct app *a)
{
    draw_fill(0, 0, a->screen.w, ST_TITLE_BAR);
    int x = draw_text(0, 1, a->screen.w - 2, "httpstatus", ST_TITLE_BAR);
    char buf[160] = "";
    if (a->compare_open)
        snprintf(buf, sizeof buf, " %s compare", a->ascii ? "-" : "\xE2\x80\x94");
    else if (a->help_open)
        snprintf(buf, sizeof buf, " %s help", a->ascii ? "-" : "\xE2\x80\x94");
    else if (a->results)
        snprintf(buf, sizeof buf, " %s %zu hit%s", a->ascii ? "-" : "\xE2\x80\x94", a->hits.n, a->hits.n == 1 ? "" : "s");
    else
        snprintf(buf, sizeof buf, " %s %zu codes", a->ascii ? "-" : "\xE2\x80\x94", a->total);
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

static void draw_status(struct app *a, unsigned ctx)
{
    int y = a->screen.h - 1;
    if (a->prompt_open) {
        draw_fill(y, 0, a->screen.w, ST_NORMAL);
        int x = draw_text(y, 0, a->screen.w, "/", ST_BOLD);
        char *clean = txt_sanitize(a->query.buf ? a->query.buf : "", 0, a->ascii);
        /* Show the end of a long query. */
        int qw = txt_width(clean, strlen(clean));
        const char *shown = clean;
        while (qw > a->screen.w - 3 && *shown) {
            uint32_t cp;
            size_t k = txt_decode(shown, strlen(shown), &cp);
            qw -= txt_cp_width(cp);
            shown += k;
        }
        x += draw_text(y, x, a->screen.w - x - 1, shown, ST_NORMAL);
        free(clean);
        move(y, x < a->screen.w ? x : a->screen.w - 1);
        return;
    }
    draw_fill(y, 0, a->screen.w, ST_STATUS_BAR);
    if (a->message[0]) {
        draw_text(y, 1, a->screen.w - 2, a->message, a->msg_error ? ST_ERROR : ST_STATUS_BAR);
        return;
    }
    /* Where you are, then the key hints from the key table. */
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

static void draw_all(struct app *a)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    erase();
    a->screen = (struct rect){0, 0, rows, cols};
    if (cols < MIN_COLS || rows < MIN_LINES) {
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
        curs_set(0);
        wnoutrefresh(stdscr);
        doupdate();
        return;
    }
    draw_title(a);
    int body_h = rows - 2;
    if (a->help_open) {
        view_help.draw(a, (struct rect){1, 0, body_h, cols});
        draw_status(a, CTX_HELP);
    } else if (a->compare_open) {
        view_compare.draw(a, (struct rect){1, 0, body_h, cols});
        draw_status(a, CTX_COMPARE);
    } else {
        int lw = cols * 2 / 5;
        if (lw > 44)
            lw = 44;
        if (lw < 22)
            lw = 22;
        a->list_r = (struct rect){1, 0, body_h, lw};
        a->detail_r = (struct rect){1, lw + 1, body_h, cols - lw - 1};
        view_list.draw(a, a->list_r);
        draw_vline(1, lw, body_h);
        view_detail.draw(a, a->detail_r);
        draw_status(a, CTX_BROWSE);
    }
    curs_set(a->prompt_open ? 1 : 0);
    wnoutrefresh(stdscr);
    doupdate();
}

/* ---- input ------------------------------------------------------------------------------- */

static int handle_mouse(struct app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK || a->help_open || a->compare_open || a->prompt_open)
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
        int r = 0;
        for (int i = 0; i < 3; i++)
            r |= in_list ? view_list.key(a, act, 0) : in_detail ? view_detail.key(a, act, 0) : 0;
        return r;
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

static int handle_key(struct app *a, int ch)
{
    if (ch == KEY_RESIZE)
        return UI_REDRAW;
    if (ch == KEY_MOUSE)
        return handle_mouse(a);
    a->message[0] = '\0';
    if (a->prompt_open)
        return search_prompt_key(a, ch);
    unsigned ctx = a->help_open ? CTX_HELP : a->compare_open ? CTX_COMPARE : CTX_BROWSE;
    enum action act = keys_lookup(ch, ctx);
    if (act == ACT_REDRAW) {
        clearok(curscr, TRUE);
        return UI_REDRAW;
    }
    if (a->help_open)
        return view_help.key(a, act, ch);
    if (a->compare_open)
        return view_compare.key(a, act, ch);

    /* Browse context: the keys of both panes, then the focused pane's. */
    if (ch >= '0' && ch <= '9') {
        long long now = app_now_ms();
        if (now - a->digit_ms > 1000 || a->n_digits >= 3)
            a->n_digits = 0;
        a->digit_ms = now;
        a->digits[a->n_digits++] = (char)ch;
        a->digits[a->n_digits] = '\0';
        int lo = 0;
        for (int i = 0; i < 3; i++)
            lo = lo * 10 + (i < a->n_digits ? a->digits[i] - '0' : 0);
        int span = a->n_digits == 1 ? 100 : a->n_digits == 2 ? 10 : 1;
        int found;
        enum hs_status fs = hsdb_first_code(a->db, lo, lo + span - 1, &found);
        if (fs != HS_OK && fs != HS_NOTFOUND)
            return app_db_failed(a);
        if (fs == HS_OK) {
            if (a->results)
                search_close(a, 0);
            app_select_code(a, found);
            a->focus_detail = 0;
            app_load_detail(a);
            app_message(a, 0, "jump: %s", a->digits);
            return UI_REDRAW;
        }
        app_message(a, 1, "no code starts with %s", a->digits);
        a->n_digits = 0;
        return UI_REDRAW;
    }
    switch (act) {
    case ACT_QUIT:
        return UI_QUIT;
    case ACT_HELP:
        a->help_open = 1;
        a->help_top = 0;
        return UI_REDRAW;
    case ACT_SEARCH:
        return view_search.key(a, act, ch);
    case ACT_ESCAPE:
        if (a->results) {
            search_close(a, 0);
            return UI_REDRAW;
        }
        if (a->n_marks) {
            a->n_marks = 0;
            app_message(a, 0, "marks cleared");
            return UI_REDRAW;
        }
        return UI_NOTHING;
    case ACT_FOCUS:
        a->focus_detail = !a->focus_detail;
        return UI_REDRAW;
    case ACT_COMPARE:
        return compare_open(a);
    case ACT_BACK:
        if (a->n_back) {
            if (a->cur_code && a->n_fwd < HISTORY_MAX)
                a->fwd[a->n_fwd++] = a->cur_code;
            int code = a->back[--a->n_back];
            app_select_code(a, code);
            app_load_detail(a);
        } else {
            app_message(a, 0, "no earlier code in the history");
        }
        return UI_REDRAW;
    case ACT_FORWARD:
        if (a->n_fwd) {
            if (a->cur_code && a->n_back < HISTORY_MAX)
                a->back[a->n_back++] = a->cur_code;
            int code = a->fwd[--a->n_fwd];
            app_select_code(a, code);
            app_load_detail(a);
        } else {
            app_message(a, 0, "no later code in the history");
        }
        return UI_REDRAW;
    case ACT_NEXT_MATCH:
    case ACT_PREV_MATCH:
    case ACT_NEXT_LINK:
    case ACT_PREV_LINK:
        return view_detail.key(a, act, ch);
    default:
        break;
    }
    return a->focus_detail ? view_detail.key(a, act, ch) : view_list.key(a, act, ch);
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

static void app_free(struct app *a)
{
    free_detail(a);
    drop_pages(a);
    hs_hits_free(&a->hits);
    sb_free(&a->query);
    free(a->suggestion);
    free(a->search_note);
    for (size_t i = 0; i < a->n_stems; i++)
        free(a->stems[i]);
    free(a->stems);
    for (size_t i = 0; i < a->n_history; i++)
        free(a->history[i]);
    compare_close(a);
    free(a->err);
}

int ui_run(struct hs_db *db, int ascii)
{
    const char *why;
    if (ui_usable(&why) != 0) {
        fprintf(stderr, "httpstatus: %s\n", why);
        return 2;
    }
    struct app a;
    memset(&a, 0, sizeof a);
    a.db = db;
    a.ascii = ascii;
    a.history_pos = -1;
    sb_init(&a.query);
    enum hs_status s = hsdb_class_counts(db, a.counts);
    for (int k = 1; k <= 5; k++)
        a.total += a.counts[k];
    if (s != HS_OK || a.total == 0) {
        fprintf(stderr, "httpstatus: %s\n", s == HS_OK ? "the database holds no codes" : hsdb_error(db));
        app_free(&a);
        return 2;
    }
    hsdb_set_budget(db, 5000000);
    app_rebuild_items(&a);
    /* Start on the first code rather than the 1xx heading. */
    if (a.n_items > 1)
        a.sel = 1;
    app_load_detail(&a);

    install_signals();
    atexit(restore_terminal);
    if (start_curses(ascii, &why) != 0) {
        fprintf(stderr, "httpstatus: %s\n", why);
        app_free(&a);
        return 2;
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
    int status = 0;
    if (a.err) {
        fprintf(stderr, "httpstatus: %s\n", a.err);
        status = 2;
    }
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
