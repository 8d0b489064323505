/* app.h — the browser's state, shared by its views, and the view interface.
 *
 * Input handlers change this state and return what needs doing (UI_REDRAW, UI_QUIT);
 * ui.c then redraws the whole screen once from the state. Nothing draws from inside
 * search or data code. */
#ifndef HS_APP_H
#define HS_APP_H

#include <stddef.h>

#include "../data.h"
#include "../doc.h"
#include "../util.h"
#include "keys.h"

enum { UI_NOTHING = 0, UI_REDRAW = 1, UI_QUIT = 2 };

enum item_kind { ITEM_CLASS, ITEM_CODE, ITEM_HIT, ITEM_NOTE };

struct item {
    enum item_kind kind;
    int klass;          /* ITEM_CLASS */
    size_t idx;         /* ITEM_CODE: index in app.all; ITEM_HIT: index in app.hits */
};

#define MAX_MARKS 5
#define HISTORY_MAX 64
#define SEARCH_HISTORY_MAX 32

struct rect {
    int y, x, h, w;
};

struct app {
    struct hs_db *db;
    int ascii;
    char *err;                 /* a database error to report on exit (owned) */

    /* list pane: it fetches only the rows it shows (pages of a class's codes) */
    size_t counts[6];          /* codes per class */
    size_t total;
    struct page {
        size_t offset;
        struct hs_entries e;
    } pages[6];
    struct hs_entry placeholder;   /* shown if a page cannot be read (then a->err is set) */
    size_t n_items;
    size_t sel, top;
    int folded[6];

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
    int saved_code;            /* selection before the search, restored by Esc */

    /* detail pane */
    int focus_detail;
    int cur_code;              /* 0: nothing selected (a class heading) */
    struct hs_code *cur;
    struct hs_class *cur_class;
    struct hs_entries cur_class_codes;
    struct doc *doc;
    int doc_width;
    size_t dtop, dcur;
    int detail_pct;            /* scroll position for the status line, -1: all visible */

    /* history of followed links */
    int back[HISTORY_MAX], n_back;
    int fwd[HISTORY_MAX], n_fwd;

    /* marks and number jumping */
    int marks[MAX_MARKS];
    int n_marks;
    char digits[4];
    int n_digits;
    long long digit_ms;

    /* overlays */
    int help_open;
    size_t help_top;
    int compare_open;
    struct hs_code *cmp[MAX_MARKS + 3];
    size_t n_cmp;
    char *cmp_title;
    int cmp_hide_same;
    int cmp_col;               /* selected column */
    int cmp_focus;             /* 1: Tab focused one column, which scrolls alone */
    size_t cmp_top;            /* shared scroll */
    size_t cmp_col_top[MAX_MARKS + 3];

    char message[256];         /* one-line message for the status bar */
    int msg_error;
    struct rect list_r, detail_r, screen;
};

/* A view: draws a part of the screen from the state, and handles the keys of its
 * context. key() returns UI_* flags. */
struct view {
    const char *name;
    void (*draw)(struct app *a, struct rect r);
    int (*key)(struct app *a, enum action act, int ch);
};

extern const struct view view_list;
extern const struct view view_detail;
extern const struct view view_help;
extern const struct view view_search;
extern const struct view view_compare;

/* Shared operations (ui.c). */
void app_message(struct app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void app_rebuild_items(struct app *a);
struct item app_item(struct app *a, size_t i);      /* the i-th row of the list pane */
void app_select_code(struct app *a, int code);     /* select code in the list (unfolds) */
void app_load_detail(struct app *a);                /* load the selected item's document */
void app_follow(struct app *a, int code);           /* follow a link: history + select */
int app_db_failed(struct app *a);                   /* record the error, return UI_QUIT */
/* The code of an item (NULL for headings and notes). Valid until the next call. */
const struct hs_entry *app_item_entry(struct app *a, const struct item *it);
long long app_now_ms(void);

/* Search (view_search.c). */
void search_run(struct app *a);
void search_close(struct app *a, int keep);
int search_prompt_key(struct app *a, int ch);

/* Compare (view_compare.c). */
int compare_open(struct app *a);
void compare_close(struct app *a);

#endif
