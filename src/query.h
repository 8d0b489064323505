/* query.h — turns what a person typed into a safe FTS5 query. No SQL is run here.
 *
 * Out of memory is an error value: the functions below that allocate return NULL (or 0
 * words) and set errno to ENOMEM; where NULL also means "nothing searchable" or "no match",
 * set errno to 0 before the call to tell the two apart. Nothing here exits.
 *
 * The one sharp rule: user text never reaches MATCH as syntax. Every word becomes a quoted
 * FTS5 string (inner quotes doubled), so AND, NOT, NEAR, -x, x:, *, ^ and parentheses are
 * searched as text. Quoted words stay one phrase. NUL bytes and invalid UTF-8 are dropped,
 * tokens without a letter or digit are skipped, and the size is capped. */
#ifndef HS_QUERY_H
#define HS_QUERY_H

#include <stddef.h>

#include "util.h"

#define QUERY_MAX_TOKENS 32
#define QUERY_MAX_TOKEN_BYTES 96

/* The FTS5 expression for text (len bytes, may hold NULs), or NULL when nothing in it is
 * searchable. With prefix_last, an unquoted last word that the text does not end after
 * (no trailing space) matches as a prefix. Caller frees. */
char *query_build(const char *text, size_t len, int prefix_last);

/* For live search: when the text ends in an unfinished, unquoted word, returns the query
 * of the other words (NULL if none) and sets *last to that word, lower-cased (caller frees
 * both); the caller expands it from the vocabulary. Otherwise *last is NULL and the
 * result is query_build(text, len, 0). Out of memory: NULL, *last NULL, errno ENOMEM. */
char *query_split_last(const char *text, size_t len, char **last);

/* One searchable word or quoted phrase of what was typed, as the search ranks it. */
struct query_term {
    char *text;      /* as typed, without quotes; owned (query_terms_free) */
    char *norm;      /* lower-case ASCII, outer punctuation cut: "(110:" -> "110"; owned */
    int quoted;      /* typed in double quotes: one phrase, never left out or split */
    int parts;       /* words FTS5 finds in it: "Retry-After" has 2, "connect()" 1 */
    int filler;      /* question phrasing ("what", "status", "code", "for", "vs") or a URL
                        path, which the search may leave out; never set when every term
                        would be filler */
    int number;      /* a status code written as a number: 100..599, 0 for "0" and "000";
                        -1 otherwise, and for a number followed by a unit ("100 seconds")
                        or written like a log's error number ("(104:") */
    int klass;       /* names a class: "3xx" -> 3 (also filler: no text holds it); else 0 */
    int header;      /* may name a header field: 2 written as one ("Retry-After",
                        "Upgrade:", a word followed by "header"), 1 the whole query one
                        word ("range"), else 0 */
    int open;        /* the unfinished last word while typing (prefix_last) */
};

/* The searchable terms of text (at most QUERY_MAX_TOKENS) into out; returns the count.
 * With prefix_last, an unquoted last word the text does not end after is marked open.
 * Free with query_terms_free. Out of memory: 0 with errno ENOMEM (nothing to free). */
size_t query_terms(const char *text, size_t len, int prefix_last, struct query_term *out);
void query_terms_free(struct query_term *t, size_t n);

/* All the searchable words of text as one FTS5 phrase ("too many requests"), with the
 * same rules as query_build; NULL when nothing is searchable. Caller frees. */
char *query_phrase(const char *text, size_t len, int prefix_last);

/* Append word (len bytes) to out as one FTS5 string: in double quotes, inner quotes doubled. */
void query_quote(struct sb *out, const char *word, size_t len);

/* If text names codes by number: "404" -> 404..404, "40" -> 400..409, "4" or "4xx" ->
 * 400..499, "40x" -> 400..409. Returns 1 and sets the range, else 0. */
int query_code_range(const char *text, size_t len, int *lo, int *hi);

/* The words of text, lower-cased ASCII letters and digits plus any non-ASCII letters,
 * for highlighting matches. Returns the count; *words is an array of strings (caller
 * frees each and the array). */
size_t query_words(const char *text, size_t len, char ***words);

/* The stem used for highlighting: word without a common English suffix (ing, ed, es, s,
 * ion, ions), at least 3 bytes. Returns a new string (caller frees). */
char *query_stem(const char *word);

/* A one-line excerpt of text around the words of the query (stems of query_words, matched
 * at word starts, ASCII case-insensitive): the window of at most max_words words holding
 * the most distinct query words, matches between \x01 and \x02, "…" where it is cut.
 * NULL when no word matches. Caller frees. */
char *query_snippet(const char *text, char *const *words, size_t n_words, int max_words);

#endif
