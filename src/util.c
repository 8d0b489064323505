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

static int (*alloc_should_fail)(void);

void util_set_alloc_failure(int (*should_fail)(void))
{
    alloc_should_fail = should_fail;
}

void *try_realloc(void *p, size_t n)
{
    if (alloc_should_fail && alloc_should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

void *try_malloc(size_t n)
{
    return try_realloc(NULL, n);
}

char *try_strndup(const char *s, size_t n)
{
    char *p = try_malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void sb_init(struct sb *b)
{
    b->buf = NULL;
    b->len = 0;
    b->cap = 0;
    b->soft = 0;
    b->failed = 0;
}

void sb_init_soft(struct sb *b)
{
    sb_init(b);
    b->soft = 1;
}

void sb_free(struct sb *b)
{
    int soft = b->soft;
    free(b->buf);
    sb_init(b);
    b->soft = (unsigned char)soft;
}

/* Room for extra more bytes and the NUL; 0 when a soft buffer cannot grow (or failed). */
static int sb_grow(struct sb *b, size_t extra)
{
    if (b->failed)
        return 0;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *p = b->soft ? try_realloc(b->buf, cap) : xrealloc(b->buf, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->buf = p;
    b->cap = cap;
    return 1;
}

void sb_putn(struct sb *b, const char *s, size_t n)
{
    if (!sb_grow(b, n))
        return;
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
    if (n < 0 || !sb_grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *sb_steal(struct sb *b)
{
    int soft = b->soft;
    if (b->failed) {
        sb_free(b);
        return NULL;
    }
    char *s = b->buf ? b->buf : soft ? try_strndup("", 0) : xstrdup("");
    sb_init(b);
    b->soft = (unsigned char)soft;
    return s;
}

void sb_reset(struct sb *b)
{
    b->len = 0;
    if (b->buf)
        b->buf[0] = '\0';
}
