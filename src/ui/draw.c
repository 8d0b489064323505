/* draw.c — see draw.h. */
#include "draw.h"

#include <stdlib.h>
#include <string.h>

#include "../doc.h"
#include "../text.h"

static int have_color;
static int ascii_only;

enum { PAIR_C1 = 1, PAIR_C2, PAIR_C3, PAIR_C4, PAIR_C5, PAIR_BAR, PAIR_MATCH, PAIR_DIFF, PAIR_PRE, PAIR_ERR };

void draw_init(int ascii)
{
    const char *nc = getenv("NO_COLOR");
    int use_color = !(nc && *nc);
    ascii_only = ascii;
    have_color = 0;
    if (use_color && has_colors() && start_color() != ERR) {
        short bg = -1;
        if (use_default_colors() == ERR)
            bg = COLOR_BLACK;
        init_pair(PAIR_C1, COLOR_CYAN, bg);
        init_pair(PAIR_C2, COLOR_GREEN, bg);
        init_pair(PAIR_C3, COLOR_BLUE, bg);
        init_pair(PAIR_C4, COLOR_YELLOW, bg);
        init_pair(PAIR_C5, COLOR_RED, bg);
        init_pair(PAIR_BAR, COLOR_BLACK, COLOR_CYAN);
        init_pair(PAIR_MATCH, COLOR_BLACK, COLOR_YELLOW);
        init_pair(PAIR_DIFF, COLOR_MAGENTA, bg);
        init_pair(PAIR_PRE, COLOR_CYAN, bg);
        init_pair(PAIR_ERR, COLOR_RED, bg);
        if (COLORS >= 256) {
            init_pair(PAIR_C3, 33, bg);      /* a blue that reads on dark backgrounds */
            init_pair(PAIR_C4, 214, bg);
        }
        have_color = 1;
    }
    /* ncurses 6.4 flushes its output after every cursor movement until the screen has once
     * been suspended and resumed: after newterm() the screen's state stays "initial", and
     * its internal cursor motion flushes in that state (lib_mvcur.c, _nc_mvcur). A search
     * keystroke on a 100x30 terminal went out in 41 writes, each a wake-up for the terminal
     * (and a packet over ssh). One endwin() before anything is drawn leaves it "suspended";
     * the first doupdate() resumes it (terminal modes, keypad, mouse, alternate screen and
     * cursor all restored, as after a shell escape), and from then on a frame is one write. */
    endwin();
}

attr_t draw_attr(enum style s)
{
    switch (s) {
    case ST_DIM: return A_DIM;
    case ST_BOLD: return A_BOLD;
    case ST_TITLE_BAR:
    case ST_STATUS_BAR: return have_color ? COLOR_PAIR(PAIR_BAR) : A_REVERSE;
    case ST_SELECTED: return A_REVERSE;
    case ST_SELECTED_DIM: return have_color ? A_REVERSE | A_DIM : A_UNDERLINE;
    case ST_HEADING: return A_BOLD | A_UNDERLINE;
    case ST_SOURCE: return A_DIM;
    case ST_PRE: return have_color ? COLOR_PAIR(PAIR_PRE) : A_NORMAL;
    case ST_MATCH: return have_color ? COLOR_PAIR(PAIR_MATCH) | A_BOLD : A_REVERSE | A_BOLD;
    case ST_DIFF: return have_color ? COLOR_PAIR(PAIR_DIFF) | A_BOLD : A_BOLD;
    case ST_ERROR: return have_color ? COLOR_PAIR(PAIR_ERR) | A_BOLD : A_BOLD;
    case ST_CLASS1: return have_color ? COLOR_PAIR(PAIR_C1) : A_NORMAL;
    case ST_CLASS2: return have_color ? COLOR_PAIR(PAIR_C2) : A_NORMAL;
    case ST_CLASS3: return have_color ? COLOR_PAIR(PAIR_C3) : A_NORMAL;
    case ST_CLASS4: return have_color ? COLOR_PAIR(PAIR_C4) : A_NORMAL;
    case ST_CLASS5: return have_color ? COLOR_PAIR(PAIR_C5) : A_NORMAL;
    default: return A_NORMAL;
    }
}

enum style draw_class_style(int klass)
{
    switch (klass) {
    case 1: return ST_CLASS1;
    case 2: return ST_CLASS2;
    case 3: return ST_CLASS3;
    case 4: return ST_CLASS4;
    case 5: return ST_CLASS5;
    default: return ST_NORMAL;
    }
}

enum style draw_look(int look, int klass, int link)
{
    switch ((enum doc_look)look) {
    case LOOK_DIM: return ST_DIM;
    case LOOK_HEADING: return ST_HEADING;
    case LOOK_PRE: return ST_PRE;
    case LOOK_TITLE: return draw_class_style(klass);
    case LOOK_LINK: return draw_class_style(link / 100);
    default: return ST_NORMAL;
    }
}

int draw_textn(int y, int x, int w, const char *s, size_t n, enum style st)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    if (y < 0 || y >= rows || x < 0 || x >= cols || w <= 0)
        return 0;
    if (w > cols - x)
        w = cols - x;
    /* Find how many bytes fit in w columns. */
    size_t i = 0;
    int used = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = txt_decode(s + i, n - i, &cp);
        int cw = txt_cp_width(cp);
        if (used + cw > w)
            break;
        used += cw;
        i += k;
    }
    if (i == 0)
        return 0;
    attr_t a = draw_attr(st);
    attron(a);
    mvaddnstr(y, x, s, (int)i);   /* ERR at the bottom-right cell is expected and harmless */
    attroff(a);
    return used;
}

int draw_text(int y, int x, int w, const char *s, enum style st)
{
    return draw_textn(y, x, w, s, strlen(s), st);
}

void draw_fill(int y, int x, int w, enum style st)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    if (y < 0 || y >= rows || x < 0 || x >= cols || w <= 0)
        return;
    if (w > cols - x)
        w = cols - x;
    attr_t a = draw_attr(st);
    attron(a);
    mvhline(y, x, ' ', w);
    attroff(a);
}

void draw_vline(int y, int x, int h)
{
    int rows, cols;
    getmaxyx(stdscr, rows, cols);
    if (x < 0 || x >= cols)
        return;
    for (int i = 0; i < h && y + i < rows; i++)
        if (y + i >= 0)
            draw_text(y + i, x, 1, draw_mark('|'), ST_DIM);
}

const char *draw_mark(char what)
{
    switch (what) {
    case 't': return ascii_only ? "*" : "\xE2\x98\x85";   /* ★ */
    case 'u': return ascii_only ? "~" : "\xE2\x97\x87";   /* ◇ */
    case 'o': return ascii_only ? "x" : "\xE2\x80\xA0";   /* † */
    case 'r': return ascii_only ? "-" : "\xE2\x88\x85";   /* ∅ */
    case 'T': return ascii_only ? "?" : "\xE2\x97\x8C";   /* ◌ temporary registration */
    case '+': return ascii_only ? "+" : "\xE2\x9C\x93";   /* ✓ */
    case 'v': return ascii_only ? "v" : "\xE2\x96\xBE";   /* ▾ */
    case '>': return ascii_only ? ">" : "\xE2\x96\xB8";   /* ▸ */
    case '|': return ascii_only ? "|" : "\xE2\x94\x82";   /* │ */
    default: return " ";
    }
}

int draw_prompt(int y, int x, int w, const char *label, const char *text, int ascii)
{
    draw_fill(y, x, w, ST_NORMAL);
    int at = x + draw_text(y, x, w, label, ST_BOLD);
    char *clean = txt_sanitize(text ? text : "", 0, ascii);
    /* Show the end of a long text. */
    int qw = txt_width(clean, strlen(clean));
    const char *shown = clean;
    while (qw > x + w - at - 2 && *shown) {
        uint32_t cp;
        size_t k = txt_decode(shown, strlen(shown), &cp);
        qw -= txt_cp_width(cp);
        shown += k;
    }
    at += draw_text(y, at, x + w - at - 1, shown, ST_NORMAL);
    free(clean);
    return at;
}
