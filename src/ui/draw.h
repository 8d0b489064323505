/* draw.h — the drawing primitives every view uses. The only place that knows colours and
 * marker characters; views draw only through these. All text must already be sanitised
 * (text.h); these functions clip it to the width they are given, so nothing is ever drawn
 * outside its box, at any terminal size. */
#ifndef HS_DRAW_H
#define HS_DRAW_H

#include <curses.h>

enum style {
    ST_NORMAL, ST_DIM, ST_BOLD, ST_TITLE_BAR, ST_STATUS_BAR, ST_SELECTED, ST_SELECTED_DIM,
    ST_HEADING, ST_SOURCE, ST_PRE, ST_MATCH, ST_DIFF, ST_ERROR,
    ST_CLASS1, ST_CLASS2, ST_CLASS3, ST_CLASS4, ST_CLASS5,
};

/* Once the screen is set up, before the first frame: colours (none when the terminal has
 * none or NO_COLOR is set), ASCII markers or not, and output that reaches the terminal in
 * one write per frame (see draw.c). */
void draw_init(int ascii);

attr_t draw_attr(enum style s);
enum style draw_class_style(int klass);
/* The style of a look of the document model (doc.h) on a line of a document of class
 * klass that leads to code link (0: none). */
enum style draw_look(int look, int klass, int link);

/* Draw s at (y, x) in at most w columns with style; returns the columns used. */
int draw_text(int y, int x, int w, const char *s, enum style st);
/* The same for the first n bytes of s. */
int draw_textn(int y, int x, int w, const char *s, size_t n, enum style st);
/* A prompt on row y, w columns from x: label in bold, then the end of text (cleaned) that
 * fits with two columns to spare. Returns the column after the text, where the cursor
 * goes. */
int draw_prompt(int y, int x, int w, const char *label, const char *text, int ascii);
/* Fill w columns at (y, x) with spaces in style. */
void draw_fill(int y, int x, int w, enum style st);
/* A vertical line of h rows. */
void draw_vline(int y, int x, int h);

/* Markers, UTF-8 or ASCII. */
const char *draw_mark(char what);   /* 't' top10, 'u' unofficial, 'o' obsolete, 'r' reserved,
                                       '+' marked, 'v' unfolded, '>' folded, '|' bar */

#endif
