/* cli_out.c — plain output on a terminal or a pipe: the looks of the document model
 * (doc.h) as SGR colours, when colour is on, and the document's lines. */
#include "cli_int.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "util.h"

/* SGR colours of the classes (index: class), and the same in bold for titles. */
static const char *const class_sgr[HS_N_CLASSES] = {"", "\033[36m", "\033[32m", "\033[34m", "\033[33m", "\033[31m"};
static const char *const title_sgr[HS_N_CLASSES] = {"\033[1m", "\033[1;36m", "\033[1;32m", "\033[1;34m", "\033[1;33m", "\033[1;31m"};

const char *out_class_color(int klass)
{
    return klass >= 0 && klass < HS_N_CLASSES ? class_sgr[klass] : "";
}

/* The SGR sequence of a look (doc.h) on a line of a document of class klass. */
static const char *look_sgr(enum doc_look look, int klass, int link)
{
    switch (look) {
    case LOOK_DIM: return "\033[2m";
    case LOOK_HEADING: return "\033[1;4m";
    case LOOK_PRE: return "\033[36m";
    case LOOK_TITLE: return klass >= 0 && klass < HS_N_CLASSES ? title_sgr[klass] : title_sgr[0];
    case LOOK_LINK: return link ? out_class_color(link / 100) : "";
    default: return "";
    }
}

void out_styled(const struct out *o, const char *style, const char *s, size_t n)
{
    if (o->color && *style)
        fputs(style, stdout);
    fwrite(s, 1, n, stdout);
    if (o->color && *style)
        fputs(SGR_RESET, stdout);
}

void out_doc(const struct out *o, const struct doc *d, int klass)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct doc_line *l = &d->v[i];
        size_t len = strlen(l->text), key = l->key_len < len ? l->key_len : len;
        struct doc_looks lk = doc_looks_of(l->kind);
        if (key)
            out_styled(o, look_sgr(lk.key, klass, l->link), l->text, key);
        if (len > key)
            out_styled(o, look_sgr(lk.rest, klass, l->link), l->text + key, len - key);
        fputc('\n', stdout);
    }
}

void out_flush(struct sb *b)
{
    fwrite(b->buf ? b->buf : "", 1, b->len, stdout);
    sb_reset(b);
}
