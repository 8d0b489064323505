/* corpus.c — see corpus.h. */
#include "corpus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/text.h"
#include "../src/util.h"

/* msg, then ": " and the first n bytes of detail (not NUL-terminated), sanitised. */
static char *err_fmt_n(const char *msg, const char *detail, size_t n)
{
    char *copy = detail ? xstrndup(detail, n) : NULL;
    struct sb b;
    sb_init(&b);
    sb_puts(&b, msg);
    if (copy) {
        sb_puts(&b, ": ");
        char *clean = txt_sanitize(copy, 0, 0);
        txt_fit(&b, clean, 40, 1, 0);
        free(clean);
        free(copy);
    }
    return sb_steal(&b);
}

static char *err_fmt(const char *msg, const char *detail)
{
    return err_fmt_n(msg, detail, detail ? strlen(detail) : 0);
}

static void trim_right(struct sb *b)
{
    while (b->len && (b->buf[b->len - 1] == '\n' || b->buf[b->len - 1] == ' '))
        b->buf[--b->len] = '\0';
}

static int valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        uint32_t cp;
        size_t k = txt_decode(s + i, n - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
            return 0;
        i += k;
    }
    return 1;
}

int corpus_parse(const char *text, size_t len, struct corpus_file **out, int *err_line, char **err)
{
    struct corpus_file *f = xcalloc(1, sizeof *f);
    size_t cap_f = 0, cap_s = 0;
    struct sb body;
    sb_init(&body);
    struct corpus_section *cur = NULL;
    size_t pos = 0;
    int line = 0;

    *out = NULL;
    *err = NULL;
    *err_line = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        pos = 3;
    while (pos < len) {
        size_t end = pos;
        while (end < len && text[end] != '\n')
            end++;
        size_t n = end - pos;
        const char *s = text + pos;
        line++;
        pos = end < len ? end + 1 : end;
        if (n && s[n - 1] == '\r')
            n--;
        if (memchr(s, '\0', n)) {
            *err = err_fmt("NUL byte in text", NULL);
            goto fail;
        }
        if (!valid_utf8(s, n)) {
            *err = err_fmt("not valid UTF-8", NULL);
            goto fail;
        }
        if (n >= 2 && s[0] == '=' && s[1] == '=') {
            /* "== kind: source" */
            if (cur) {
                trim_right(&body);
                cur->body = sb_steal(&body);
            }
            const char *p = s + 2, *e = s + n;
            while (p < e && *p == ' ')
                p++;
            const char *colon = memchr(p, ':', (size_t)(e - p));
            if (!colon || colon == p) {
                *err = err_fmt("section header must be '== kind: source'", NULL);
                goto fail;
            }
            const char *src = colon + 1;
            while (src < e && *src == ' ')
                src++;
            const char *kend = colon;
            while (kend > p && kend[-1] == ' ')
                kend--;
            if (src == e) {
                *err = err_fmt("section has no source", NULL);
                goto fail;
            }
            if (f->n_sections == cap_s) {
                cap_s = cap_s ? cap_s * 2 : 8;
                f->sections = xrealloc(f->sections, cap_s * sizeof *f->sections);
            }
            cur = &f->sections[f->n_sections++];
            cur->kind = xstrndup(p, (size_t)(kend - p));
            cur->source = xstrndup(src, (size_t)(e - src));
            cur->body = NULL;
            cur->line = line;
            continue;
        }
        if (cur) {
            if (body.len == 0 && n == 0)
                continue; /* blank lines right after the header */
            sb_putn(&body, s, n);
            sb_putc(&body, '\n');
            continue;
        }
        /* Field block. */
        if (n == 0 || s[0] == '#')
            continue;
        const char *colon = memchr(s, ':', n);
        if (!colon || colon == s) {
            *err = err_fmt_n("expected 'name: value' or a '== kind: source' section", s, n);
            goto fail;
        }
        const char *v = colon + 1, *e = s + n;
        while (v < e && *v == ' ')
            v++;
        while (e > v && e[-1] == ' ')
            e--;
        if (f->n_fields == cap_f) {
            cap_f = cap_f ? cap_f * 2 : 16;
            f->fields = xrealloc(f->fields, cap_f * sizeof *f->fields);
        }
        struct corpus_field *fld = &f->fields[f->n_fields++];
        fld->name = xstrndup(s, (size_t)(colon - s));
        fld->value = xstrndup(v, (size_t)(e - v));
        fld->line = line;
        if (fld->value[0] == '\0') {
            *err = err_fmt("empty value for field", fld->name);
            goto fail;
        }
    }
    if (cur) {
        trim_right(&body);
        cur->body = sb_steal(&body);
    }
    sb_free(&body);
    *out = f;
    return 0;
fail:
    *err_line = line;
    if (cur && !cur->body)
        cur->body = xstrdup("");
    sb_free(&body);
    corpus_file_free(f);
    return -1;
}

void corpus_file_free(struct corpus_file *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_fields; i++) {
        free(f->fields[i].name);
        free(f->fields[i].value);
    }
    for (size_t i = 0; i < f->n_sections; i++) {
        free(f->sections[i].kind);
        free(f->sections[i].source);
        free(f->sections[i].body);
    }
    free(f->fields);
    free(f->sections);
    free(f);
}

const char *corpus_get(const struct corpus_file *f, const char *name, int *line)
{
    for (size_t i = 0; i < f->n_fields; i++)
        if (strcmp(f->fields[i].name, name) == 0) {
            if (line)
                *line = f->fields[i].line;
            return f->fields[i].value;
        }
    return NULL;
}
