/* compare.h — the comparison table: the attributes of several codes lined up, and its
 * plain-text layout for the command line. The browser's compare view draws the same rows.
 * No curses, no SQL. */
#ifndef HS_COMPARE_H
#define HS_COMPARE_H

#include <stddef.h>

#include "data.h"

struct cmp_row {
    const char *label;    /* static */
    char **cells;         /* one sanitised cell per code, owned */
    int differs;          /* the cells are not all the same */
};

struct cmp_table {
    size_t n_codes;
    char **heads;         /* "302 Found", owned */
    struct cmp_row *rows;
    size_t n_rows;
};

/* The most codes a comparison takes: cmp_build uses the first CMP_MAX_CODES of more. */
#define CMP_MAX_CODES 8

/* Build the table for codes[0..n) (n at most CMP_MAX_CODES: more are left out). Caller
 * frees with cmp_free. */
struct cmp_table *cmp_build(struct hs_code *const *codes, size_t n, int ascii);
void cmp_free(struct cmp_table *t);

/* Minimum width of one column before the layout switches to stacked rows. */
#define CMP_MIN_COL 14

/* Side by side: the row labels take CMP_LABEL_W columns ("* Safe to retry"), and each
 * code's column is preceded by a separator of CMP_SEP_W (" | "). */
#define CMP_LABEL_W 15
#define CMP_SEP_W 3

/* The width of one code's column for n_codes codes in width columns (0 when width <= 0):
 * the one rule for the command line and the browser. Below CMP_MIN_COL, stacked. */
int cmp_col_width(size_t n_codes, int width);

/* Lay the table out in plain text for width columns (0: no limit). Side by side when the
 * columns fit at CMP_MIN_COL or more, else stacked code by code. No line is wider than
 * width. With marks, rows that differ start with '*'. Returns the text (caller frees). */
char *cmp_render(const struct cmp_table *t, int width, int ascii, int hide_same);

/* 1 when cmp_render would stack for this width. */
int cmp_stacked(const struct cmp_table *t, int width);

#endif
