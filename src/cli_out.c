/* cli_out.c — plain output on a terminal or a pipe: styles as SGR colours (when colour is
 * on) and the document model's lines. */
#include "cli_int.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "util.h"
const char *out_class_color(int klass)
{
    switch (klass) {
    case 1: return "\033[36m";   /* cyan */
    case 2: return "\033[32m";   /* green */
    case 3: return "\033[34m";   /* blue */
    case 4: return "\033[33m";   /* yellow */
    case 5: return "\033[31m";   /* red */
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
        size_t len = strlen(l->text), key = l->key_len;
        switch (l->kind) {
        case DOC_TITLE:
            out_styled(o, klass ? out_class_color(klass) : "\033[1m", "", 0);
            if (o->color)
                fputs("\033[1m", stdout);
            out_styled(o, klass ? out_class_color(klass) : "", l->text, len);
            if (o->color)
                fputs(SGR_RESET, stdout);
            break;
        case DOC_META:
            out_styled(o, "\033[2m", l->text, len);
            break;
        case DOC_HEADING:
            out_styled(o, "\033[1;4m", l->text, key);
            out_styled(o, "\033[2m", l->text + key, len - key);
            break;
        case DOC_FACT:
            out_styled(o, "\033[2m", l->text, key);
            fwrite(l->text + key, 1, len - key, stdout);
            break;
        case DOC_LINK:
        case DOC_ROW:
            out_styled(o, l->link ? out_class_color(l->link / 100) : "", l->text, key);
            fwrite(l->text + key, 1, len - key, stdout);
            break;
        case DOC_PRE:
            out_styled(o, "\033[36m", l->text, len);
            break;
        default:
            fwrite(l->text, 1, len, stdout);
        }
        fputc('\n', stdout);
    }
}

void out_flush(struct sb *b)
{
    fwrite(b->buf ? b->buf : "", 1, b->len, stdout);
    sb_reset(b);
}
