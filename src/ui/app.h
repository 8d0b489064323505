/* app.h — the browser's state and its actions (app.c), and the view interface.
 *
 * Who calls whom: ui.c (the loop and the driver) calls the views only through the view
 * table (views.c) and the actions of app.c; views call app.c, never ui.c and never each
 * other; app.c calls no view. So there is no circle between the files of src/ui/.
 *
 * Input handlers change this state and return what needs doing (UI_* flags); the driver
 * then lets the visible views prepare (layout, load what they show) and redraws the whole
 * screen once from the state. Draw functions only draw: they read prepared state and never
 * query the database. */
#ifndef HS_APP_H
#define HS_APP_H

#include <stddef.h>

#include "../compare.h"
#include "../data.h"
#include "../doc.h"
#include "../util.h"
#include "draw.h"
#include "keys.h"

/* What a key handler returns (bits). UI_NOT_MINE: the view does not handle this key; the
 * driver falls back to its generic keys. UI_CLOSE: close this overlay. */
enum { UI_NOTHING = 0, UI_REDRAW = 1, UI_QUIT = 2, UI_CLOSE = 4, UI_NOT_MINE = 8 };

enum item_kind { ITEM_CLASS, ITEM_CODE, ITEM_HIT, ITEM_NOTE };

struct item {
    enum item_kind kind;
    int klass;          /* ITEM_CLASS, ITEM_CODE */
    size_t idx;         /* ITEM_CODE: index in its class; ITEM_HIT: index in app.hits */
};

#define MAX_MARKS 5
#define HISTORY_MAX 64
#define SEARCH_HISTORY_MAX 32
#define MAX_OVERLAYS 4
/* The detail pane's text is never wider than this (a readable measure on wide screens). */
#define DETAIL_MEASURE 100
/* A class heading's page lists at most this many of its codes (the list pane has them all). */
#define CLASS_DOC_MAX 200
/* "No line": the detail pane's highlighted link or current match when there is none. */
#define NO_LINE ((size_t)-1)

struct rect {
    int y, x, h, w;
};

struct app;
struct classroom;

/* A view (tig's view ops, tmux's window modes): fills only what it needs.
 *   open     an overlay being opened by its action; returns 1 when it opened, 0 when it
 *            refused (having set a message or a database error)
 *   close    the overlay leaves the screen: free what open made (idempotent)
 *   prepare  before drawing, for the rectangle it will get: layout, wrap, clamp scroll
 *            positions, load the rows it shows (the only place a view may read data)
 *   draw     draw the body from prepared state (NULL: the browse panes stay visible)
 *   status   draw the status line instead of the key hints (the search prompt)
 *   where    what the status line says before the key hints: where you are (NULL: the
 *            selected code and the detail pane's scroll position)
 *   key      handle an action of the key table (act), or the raw key (ch) when ctx is 0;
 *            returns UI_* flags, UI_NOT_MINE for keys the driver should handle */
struct view {
    const char *name;
    const char *title;           /* shown in the title bar while open ("help"), or NULL */
    unsigned ctx;                /* key context while on top (CTX_*); 0: raw keys */
    enum action opens;           /* the action that opens it as an overlay, or ACT_NONE */
    int cursor;                  /* shows the terminal cursor (a prompt) */
    int fullscreen;              /* takes the whole screen: no title bar or status line */
    int (*open)(struct app *a);
    void (*close)(struct app *a);
    void (*prepare)(struct app *a, struct rect r);
    void (*draw)(struct app *a, struct rect r);
    void (*status)(struct app *a, struct rect r);
    void (*where)(struct app *a, struct sb *b);
    int (*key)(struct app *a, enum action act, int ch);
};

/* The one table of views (views.c). The two browse panes have fixed places; every other
 * view is an overlay opened by its action. */
enum { VIEW_LIST, VIEW_DETAIL };
extern const struct view *const ui_views[];
extern const size_t ui_views_count;

struct help_line {
    char *text;
    enum style st;
};

/* One line of the compare table: a label and a piece of each cell. */
struct tline {
    const char *label;     /* NULL on continuation lines */
    int label2;            /* label is the row's second label line */
    int differs;
    char *cell[CMP_MAX_CODES];
};

/* cur_code and saved_code when no code is selected (code 0 is 000). */
#define NO_CODE (-1)

struct app {
    struct hs_db *db;
    int ascii;
    char *err;                 /* a database error to report on exit (owned) */

    struct present_state *present;   /* the present overlay's deck and show (view_present.c) */

    /* overlays, bottom first: the top one gets the keys */
    const struct view *overlay[MAX_OVERLAYS];
    int n_overlays;

    /* list pane: it loads only the rows it shows (pages of a class's codes) */
    size_t counts[HS_N_CLASSES];   /* codes per class */
    size_t total;
    struct page {
        size_t offset;
        struct hs_entries e;
    } pages[HS_N_CLASSES];
    struct hs_entry placeholder;   /* shown if a page cannot be read (then a->err is set) */
    size_t n_items;
    size_t sel, top;
    int folded[HS_N_CLASSES];

    /* search */
    int prompt_open;           /* the "/" prompt is on the bottom line */
    int results;               /* the list shows search hits (prompt open or kept) */
    struct sb query;
    struct hs_hits hits;
    char *suggestion;          /* "did you mean", owned */
    char *search_note;         /* e.g. search stopped, owned */
    char **stems;              /* stems of the query words, for highlighting (owned);
                                  made once per search, not per drawn line */
    size_t n_stems;
    char *history[SEARCH_HISTORY_MAX];
    size_t n_history;
    int history_pos;           /* -1: editing a new query */
    char *search_typed;        /* what was typed before Ctrl-R recalled a search (owned) */
    int saved_code;            /* selection before the search, restored by Esc (or NO_CODE) */

    /* detail pane: a text that scrolls as in less; ] and [ highlight a link */
    int focus_detail;
    int cur_code;              /* NO_CODE: nothing selected (a class heading); 0 is 000 */
    struct hs_code *cur;
    struct hs_class *cur_class;
    struct hs_header *cur_header;   /* a header's entry shown over cur (Enter on a Headers
                                       line), or NULL; Backspace or a new selection drops it */
    struct hs_entries cur_class_codes;   /* the first CLASS_DOC_MAX codes of the class */
    struct doc *doc;
    int doc_width;
    size_t dtop;               /* first line shown */
    size_t dlink;              /* first line of the highlighted link, or NO_LINE */
    size_t dmatch;             /* line of the current match (n, N, f), or NO_LINE */
    int detail_pct;            /* scroll position for the status line, -1: all visible */

    /* find in the shown page (f, or / with the detail pane focused) */
    struct sb find;            /* what is found; empty: no find */
    int find_open;             /* its prompt is on the bottom line */
    size_t find_from;          /* the first line shown when the prompt opened */

    /* only standard codes in the list (s) */
    int standard_only;

    /* copy menu (Y): the strings it offers, owned */
    char *copy_items[16];
    char *copy_labels[16];
    size_t n_copy, copy_sel;

    /* history of followed links */
    int back[HISTORY_MAX], n_back;
    int fwd[HISTORY_MAX], n_fwd;

    /* marks and number jumping */
    int marks[MAX_MARKS];
    int n_marks;
    char digits[4];
    int n_digits;
    long long digit_ms;

    /* help overlay: its lines are made when it opens, wrapped when the width changes */
    struct help_line *help;
    size_t n_help;
    int help_width;            /* width the rows below were wrapped for; -1: none */
    struct help_row {
        size_t line;           /* index in help */
        size_t start, len;     /* bytes of its text */
        int x;                 /* indent of a continuation row */
    } *help_rows;
    size_t n_help_rows;
    size_t help_top;

    /* compare overlay: codes loaded when it opens, laid out when the width changes */
    struct hs_code *cmp[CMP_MAX_CODES];
    size_t n_cmp;
    char *cmp_title;
    int cmp_hide_same;
    int cmp_col;               /* selected column */
    int cmp_focus;             /* 1: Tab focused one column, which scrolls alone */
    size_t cmp_top;            /* shared scroll */
    size_t cmp_col_top[CMP_MAX_CODES];
    struct {
        int width, hide_same;  /* what the layout below was made for; width -1: none */
        int cw;                /* column width, or below CMP_MIN_COL: stacked */
        char *title;           /* fitted title line */
        struct cmp_table *t;
        struct tline *hl;      /* side by side: the header's lines (each code and its phrase) */
        size_t nhl;
        struct tline *tl;      /* side by side: the table's lines */
        size_t ntl;
        struct doc *docs[CMP_MAX_CODES];
        size_t max_doc;
        char *stacked;         /* stacked: the rendered text */
        size_t total;          /* virtual lines */
    } cl;

    /* the quiz and flashcard overlays (view_quiz.c, view_learn.c): the round in play */
    struct classroom *room;    /* owned; NULL when neither is open */

    char message[256];         /* one-line message for the status bar */
    int msg_error;
    struct rect list_r, detail_r, screen;
};

/* ---- actions (app.c) ----------------------------------------------------------------- */

/* Fill a for db: class counts, the first code selected. Returns 0, or -1 with *why set (a
 * static string or hsdb_error's). app_free frees what a holds. */
int app_init(struct app *a, struct hs_db *db, int ascii, const char **why);
void app_free(struct app *a);

void app_message(struct app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int app_db_failed(struct app *a);                   /* record the error, return UI_QUIT */
long long app_now_ms(void);

/* The list pane's rows. */
void app_rebuild_items(struct app *a);
struct item app_item(struct app *a, size_t i);      /* the i-th row of the list pane */
/* The code of an item (NULL for headings and notes), loading its page when needed. Valid
 * until the next call. */
const struct hs_entry *app_item_entry(struct app *a, const struct item *it);
/* The same without loading anything (for drawing): a placeholder when not loaded. */
const struct hs_entry *app_item_loaded(struct app *a, const struct item *it);
/* Load the pages of the rows from top to top + rows (before drawing). */
void app_load_rows(struct app *a, size_t top, size_t rows);

void app_select_code(struct app *a, int code);     /* select code in the list (unfolds) */
int app_move(struct app *a, int delta);             /* move the selection by delta rows (UI_*) */
void app_load_detail(struct app *a);                /* load the selected item's document */
void app_follow(struct app *a, int code);           /* follow a link: history + select */
void app_show_header(struct app *a, const char *name);   /* a header's entry (name copied) */
int app_back(struct app *a);                        /* history: back, forward (UI_*) */
int app_forward(struct app *a);
int app_digit(struct app *a, int ch);               /* 0-9: jump to a code as typed */
int app_escape(struct app *a);                      /* leave the search result, clear marks */
void app_fold(struct app *a, int klass);            /* fold or unfold; select its heading */
int app_set_standard(struct app *a, int on);        /* only standard codes in the list (UI_*) */

/* The detail pane. Matches in a line of its text: of the find (f) when there is one, else
 * of the search's words; byte spans [st, en), at most max; returns how many. */
size_t app_matches(const struct app *a, const char *line, size_t *st, size_t *en, size_t max);
/* The next line (dir 1) or previous line (dir -1) after from that has a match (from NO_LINE:
 * start at the ends), going round the page once; NO_LINE when none has. */
size_t app_next_match(const struct app *a, size_t from, int dir);
/* Scroll so lines first..last show with a margin above and below (never on the edge rows
 * when the page has more). */
void app_reveal(struct app *a, size_t first, size_t last);
/* The last line of the link that starts at line i (a link's reason wraps over lines). */
size_t app_link_end(const struct app *a, size_t i);

/* Copy the selected code's "CODE Phrase", or text, to the clipboard (OSC 52); open its
 * specification on the RFC Editor's site with the desktop's opener. A message says what
 * happened. Return UI_* flags. */
int app_copy(struct app *a);
int app_copy_text(struct app *a, const char *text);
int app_open_spec(struct app *a);

/* Search: run the query in a->query; close the prompt (keep: the hits stay listed). */
void app_search_run(struct app *a);
void app_search_warm(struct app *a);
void app_search_close(struct app *a, int keep);

#endif
