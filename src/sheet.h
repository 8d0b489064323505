/* sheet.h — handouts: the cheat sheet and the full documentation of codes, written as
 * plain text, Markdown (CommonMark, no raw HTML), one self-contained HTML file, or roff
 * (groff -ms).
 *
 * The one sharp rule: every string that came from the database goes through the text
 * layer's sanitiser (txt_sanitize) and then through the format's escaper; nothing else is
 * ever written raw. The writers append to a buffer, so a handout is written out once.
 * No curses, no SQL. */
#ifndef HS_SHEET_H
#define HS_SHEET_H

#include <stddef.h>

#include "data.h"
#include "doc.h"
#include "util.h"

enum sheet_format { SHEET_TEXT, SHEET_MARKDOWN, SHEET_HTML, SHEET_ROFF };

struct sheet_opts {
    enum sheet_format format;
    int width;      /* text: wrap to this many columns (0: one line per code) */
    int ascii;      /* text: ASCII only (a non-UTF-8 locale, or --ascii) */
};

/* "text", "markdown" (or "md"), "html", "roff" (or "man"? no: "roff" and "ms").
 * 0, or -1 for an unknown name. */
int sheet_format_named(const char *name, enum sheet_format *out);

/* The cheat sheet of codes (sorted by code): the standard ones (obsolete and reserved
 * marked) by class, then the unofficial ones. class_titles[k] is the raw title of class k
 * (0..5), or NULL. */
void sheet_cheat(struct sb *out, const struct sheet_opts *o, const struct hs_entries *codes,
                 const char *const class_titles[6]);

/* The whole documentation of n documents (doc_code / doc_class, built for the text width
 * with text, else for width 0 and without ASCII folding), one after the other. */
void sheet_full(struct sb *out, const struct sheet_opts *o, struct doc *const *docs, size_t n);

/* The escapers, for tests: append already-sanitised s, escaped for the format.
 * at_line_start: s begins a line of the output (Markdown block markers, roff requests). */
void sheet_escape(struct sb *out, enum sheet_format f, const char *s, int at_line_start);

#endif
