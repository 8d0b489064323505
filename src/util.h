/* util.h — allocation that never returns NULL, and a growable string buffer.
 *
 * The one sharp rule: every x* allocator exits the program with a message when memory runs
 * out, so callers never check for NULL. Code that must survive out-of-memory (the data layer
 * during open and query) uses the plain malloc family and returns HS_ENOMEM instead. */
#ifndef HS_UTIL_H
#define HS_UTIL_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* A growable NUL-terminated byte buffer. sb_init leaves it empty; sb_steal hands the string
 * to the caller (who frees it) and leaves the buffer empty; sb_free frees what it holds. */
struct sb {
    char *buf;
    size_t len;
    size_t cap;
};

void sb_init(struct sb *b);
void sb_free(struct sb *b);
void sb_putn(struct sb *b, const char *s, size_t n);
void sb_puts(struct sb *b, const char *s);
void sb_putc(struct sb *b, char c);
void sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_steal(struct sb *b);
void sb_reset(struct sb *b);

#endif
