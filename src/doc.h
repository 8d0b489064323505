/* doc.h — the document model: a code's (or a class's) documentation as styled, wrapped,
 * sanitised lines. The CLI prints these lines and the browser's detail pane draws them, so
 * `httpstatus 404` shows exactly what the detail pane shows. No curses, no SQL. */
#ifndef HS_DOC_H
#define HS_DOC_H

#include <stddef.h>

#include "data.h"

enum doc_kind {
    DOC_BLANK,
    DOC_TITLE,      /* "404 Not Found" */
    DOC_META,       /* class · status · spec */
    DOC_SUMMARY,
    DOC_HEADING,    /* "Specification — RFC 2616 §10.4.5": key = heading, rest = source */
    DOC_FACT,       /* "  Cacheable      yes": key = label */
    DOC_TEXT,
    DOC_BULLET,
    DOC_PRE,        /* example exchange, not wrapped (cut when too wide) */
    DOC_LINK,       /* "  410 Gone — reason": link = 410 */
    DOC_ROW,        /* a code in a class listing: link = code */
};

struct doc_line {
    enum doc_kind kind;
    char *text;       /* sanitised, fits the width given to doc_*() (unless width 0) */
    size_t key_len;   /* bytes of text styled as the key/label part (HEADING, FACT, LINK, ROW) */
    int link;         /* code this line leads to, or 0 */
    char status;      /* ROW/LINK: the code's status ('s','u','o','r') */
};

struct doc {
    struct doc_line *v;
    size_t n, cap;
};

/* How a line looks: the one table for both front ends. The command line turns a look into
 * SGR colours (cli_out.c), the browser into curses attributes (draw.c). */
enum doc_look {
    LOOK_PLAIN,
    LOOK_DIM,
    LOOK_HEADING,   /* bold, underlined */
    LOOK_PRE,       /* an example exchange */
    LOOK_TITLE,     /* the colour of the document's class (and bold on the command line) */
    LOOK_LINK,      /* the colour of the class of the code the line leads to */
};

struct doc_looks {
    enum doc_look key;    /* the first key_len bytes */
    enum doc_look rest;   /* the rest of the line */
};

/* The looks of a line of this kind. */
struct doc_looks doc_looks_of(enum doc_kind kind);

/* Build the document of a code or class for a given width (0: no wrapping) and character
 * set (ascii: only ASCII output). Caller frees with doc_free. */
struct doc *doc_code(const struct hs_code *c, int width, int ascii);
struct doc *doc_class(const struct hs_class *k, const struct hs_entries *codes, int width, int ascii);
void doc_free(struct doc *d);

/* Human words for field values: "after-change" -> "only after changing the request". */
const char *doc_retry_words(const char *retry);
const char *doc_status_word(char status);
const char *doc_class_range(int klass);       /* "4xx" */
/* Heading shown for a section kind ("rfc" -> "Specification"). */
const char *doc_kind_heading(const char *kind);
/* How a library names a code: ("go", "StatusNotFound") -> "http.StatusNotFound". */
void doc_const_label(const char *lang, const char **label, const char **prefix, const char **suffix);

#endif
