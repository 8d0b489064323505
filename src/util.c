/* util.c — see util.h. */
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
    fputs("httpstatus: out of memory\n", stderr);
    exit(2);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
    char *p = xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void sb_init(struct sb *b)
{
    b->buf = NULL;
    b->len = 0;
    b->cap = 0;
}

void sb_free(struct sb *b)
{
    free(b->buf);
    sb_init(b);
}

static void sb_grow(struct sb *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    b->buf = xrealloc(b->buf, cap);
    b->cap = cap;
}

void sb_putn(struct sb *b, const char *s, size_t n)
{
    sb_grow(b, n);
    if (n)
        memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
}

void sb_puts(struct sb *b, const char *s)
{
    sb_putn(b, s, strlen(s));
}

void sb_putc(struct sb *b, char c)
{
    sb_putn(b, &c, 1);
}

void sb_printf(struct sb *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    sb_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *sb_steal(struct sb *b)
{
    char *s = b->buf ? b->buf : xstrdup("");
    sb_init(b);
    return s;
}

void sb_reset(struct sb *b)
{
    b->len = 0;
    if (b->buf)
        b->buf[0] = '\0';
}
