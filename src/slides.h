/* slides.h — the slide model of `httpstatus present`: a lesson becomes a deck of slides
 * (sanitised text only), and each slide is laid out for a screen size into pages of
 * positioned text. No curses and no SQL, so all of it is unit tested; the presentation
 * view only draws the spans of a page.
 *
 *   a code     -> its slide (big digits, phrase, summary, the facts that matter, notes),
 *                 then its example on the next slide
 *   a class    -> a title slide, then its common codes (standard codes that are in the
 *                 REST Top 10 or in a comparison group) as above
 *   a group, or "compare A B C" -> one comparison slide: only the rows that differ
 *
 * Layout never cuts a word (only a word wider than the whole screen is broken), keeps
 * prose in a readable measure centred on the screen, shows the big digits only where
 * they fit with the rest, and splits what is still too tall into pages. */
#ifndef HS_SLIDES_H
#define HS_SLIDES_H

#include <stddef.h>

#include "data.h"
#include "lesson.h"

enum slide_kind { SLIDE_TITLE, SLIDE_CODE, SLIDE_EXAMPLE, SLIDE_COMPARE };

struct slide_pair {
    char *label;          /* owned, sanitised */
    char *value;
};

struct slide {
    enum slide_kind kind;
    int code;             /* CODE, EXAMPLE: the code; TITLE: 0 */
    int klass;            /* class of the code (TITLE: the class), for emphasis */
    char *title;          /* CODE: the phrase; EXAMPLE: "404 Not Found"; TITLE: the class
                             title; COMPARE: the group's title or "Comparing 401, 403, 407" */
    char *meta;           /* CODE: "REST Top 10", "unofficial" ... or NULL */
    char *summary;        /* CODE, TITLE, or NULL */
    struct slide_pair *facts;   /* CODE: label/value; TITLE: code/phrase of its codes */
    size_t n_facts;
    char **lines;         /* EXAMPLE: the exchange, line by line */
    size_t n_lines;
    /* COMPARE: heads[n_cols] ("301 Moved Permanently"), codes[n_cols], and the rows that
     * differ: rows[r].label and cells[r * n_cols + c]. */
    size_t n_cols;
    char **heads;
    int *codes;
    struct slide_pair *rows;    /* value unused */
    size_t n_rows;
    char **cells;
    char **notes;         /* the lesson's notes for this slide */
    size_t n_notes;
};

struct deck {
    struct slide *v;
    size_t n, cap;
};

/* The slides of a resolved lesson (lesson_resolve). ascii: fold the text to ASCII.
 * Returns HS_OK, or a database error (then *out is NULL). Free with deck_free. */
enum hs_status deck_build(struct hs_db *db, const struct lesson *l, int ascii, struct deck **out);
void deck_free(struct deck *d);

/* The index of the slide that presents code (its code slide, else a slide about it), or
 * -1 when the deck has none. */
long deck_find(const struct deck *d, int code);

/* ---- layout ------------------------------------------------------------------------ */

enum span_style {
    SP_TEXT,      /* prose */
    SP_BIG,       /* block digits (emphasis, in the class's colour) */
    SP_TITLE,     /* the phrase or title (bold) */
    SP_CODE,      /* a code number in a list or table (class colour) */
    SP_LABEL,     /* a fact's or row's label (dim) */
    SP_META,      /* a quiet line (dim) */
    SP_PRE,       /* an example line */
    SP_NOTE,      /* the lesson's notes (emphasis) */
};

struct slide_span {
    int y, x;             /* inside the area given to slide_layout */
    enum span_style style;
    int klass;            /* for SP_BIG, SP_CODE, SP_TITLE: the class */
    char *text;           /* owned, sanitised, fits from x to the area's right edge */
};

struct slide_page {
    struct slide_span *v;
    size_t n, cap;
};

struct slide_pages {
    struct slide_page *pages;
    size_t n;             /* at least 1 */
    int big;              /* the scale of the big digits used (0: none) */
};

/* Lay slide s out for an area w columns wide and h rows high. ascii: block digits and
 * marks in ASCII. Caller frees with slide_pages_free. */
struct slide_pages *slide_layout(const struct slide *s, int w, int h, int ascii);
void slide_pages_free(struct slide_pages *l);

/* Big digits: the rows of text for s (digits and 'x') at scale (1: 5 rows, 6 columns a
 * glyph), in block characters or ASCII '#'. Returns the row count (5 * scale); *rows is
 * allocated (caller frees each row and the array). */
int slide_big_text(const char *s, int scale, int ascii, char ***rows);
/* Columns the big text of n characters takes at scale. */
int slide_big_width(size_t n, int scale);

#endif
