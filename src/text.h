/* text.h — the text layer: UTF-8 decoding, display width, sanitising, ASCII fallback,
 * word wrapping and JSON escaping. No curses and no SQL here.
 *
 * Display widths never depend on the C library's locale tables: txt_cp_width() has its own
 * table, so wrapping gives the same result under LC_ALL=C and in a UTF-8 locale, and never
 * returns a negative width. */
#ifndef HS_TEXT_H
#define HS_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Decode one code point from s (at most len bytes). Returns the bytes consumed (>= 1 when
 * len >= 1). Invalid or truncated sequences consume one byte and yield U+FFFD. */
size_t txt_decode(const char *s, size_t len, uint32_t *cp);

/* Append the UTF-8 encoding of cp to b. */
void txt_encode(struct sb *b, uint32_t cp);

/* Columns the code point takes on a terminal: 0 (combining, zero-width), 1 or 2 (wide). */
int txt_cp_width(uint32_t cp);

/* True for code points that must never reach a terminal: C0 and C1 controls, DEL, bidi
 * overrides and isolates, zero-width and other format characters (Unicode Cf), the other
 * default-ignorable code points, line and paragraph separators, BOM, U+FFFE and U+FFFF. */
int txt_cp_unsafe(uint32_t cp);

/* Display width of a UTF-8 string (first len bytes). */
int txt_width(const char *s, size_t len);

/* Sanitise: returns a new string (caller frees) that is valid UTF-8 with every unsafe code
 * point removed; tabs become one space; newlines are kept when keep_newlines, else they
 * become spaces. With ascii, non-ASCII characters are transliterated ('•' -> '*',
 * '’' -> '\'', '—' -> '-', '§' -> 'S.' ...) or become '?'. */
char *txt_sanitize(const char *s, int keep_newlines, int ascii);

/* The clean form of text read from a database, for the data layer's column reader: valid
 * UTF-8 (each invalid byte becomes U+FFFD) without control sequences (CSI, OSC and the other
 * ESC or C1 sequences are removed whole) and without any code point txt_cp_unsafe() names or
 * NUL; a tab becomes a space; a newline stays when multiline, else it becomes a space.
 * Writes the result and a NUL to dst, which has room for 3 * len + 1 bytes (dst NULL: only
 * measure); returns its length. Allocates nothing, so it works when memory is short. */
size_t txt_clean(char *dst, const char *s, size_t len, int multiline);

/* Same as txt_sanitize, appending to b. */
void txt_sanitize_into(struct sb *b, const char *s, size_t len, int keep_newlines, int ascii);

/* Word-wrap one paragraph (no newlines) to width columns. Each produced line is reported as
 * a byte range [start, start+len) of s; leading spaces of continuation lines are skipped.
 * Lines break at spaces and after a hyphen inside a word ("Proxy-" / "Authenticate").
 * Words wider than width are broken at a character boundary. width < 1 means no wrapping.
 * Returns the number of lines; the arrays are allocated (caller frees *starts, *lens). */
size_t txt_wrap(const char *s, int width, size_t **starts, size_t **lens);

/* The same with a different width for the first line (a hanging prefix). A first width
 * of 0 or less puts nothing on the first line when rest_width > 0... so callers give at
 * least 1. */
size_t txt_wrap_hang(const char *s, int first_width, int rest_width, size_t **starts, size_t **lens);

/* The same, each line a new string (caller frees each and the array); a word wider than a
 * whole line is broken one column early and the piece ends in a hyphen ("Authenti-"), so no
 * line is wider than its width and no word is cut without a mark. */
size_t txt_wrap_lines(const char *s, int first_width, int rest_width, char ***out);

/* Append s cut to at most width columns; with ellipsis, a cut string ends in "…" (or "~"
 * with ascii). Returns the columns used. */
int txt_fit(struct sb *b, const char *s, int width, int ellipsis, int ascii);

/* A search hit's line, the one layout for the command line and the browser: prefix (plain
 * text, already sanitised) and then snip (matches between \x01 and \x02 markers) appended
 * to b, the snippet sanitised with its markers kept. When it is wider than width columns
 * (markers take none) it is cut to width - 1 columns, for an ellipsis the caller adds in its
 * own style, and 1 is returned; width <= 0: no limit. */
int txt_snippet_line(struct sb *b, const char *prefix, const char *snip, int width, int ascii);

/* Append s as a JSON string literal, quotes included. Control characters, DEL, C1, bidi and
 * zero-width characters are escaped as \uXXXX; invalid UTF-8 becomes \ufffd. */
void txt_json_string(struct sb *b, const char *s);

/* A one-line editor on b (the browser's prompts). txt_edit_type appends a typed byte
 * (printable, or a byte of a UTF-8 character) while b holds fewer than max bytes: 1 when
 * the text changed into something whole, 0 while a UTF-8 character is still incomplete,
 * -1 when the byte is not taken. txt_edit_backspace removes the last character,
 * txt_edit_delete_word the last word and the spaces after it. */
int txt_edit_type(struct sb *b, int ch, size_t max);
void txt_edit_backspace(struct sb *b);
void txt_edit_delete_word(struct sb *b);

#endif
