/* util.h — allocation that never returns NULL, allocation that may, and a growable string
 * buffer.
 *
 * The one sharp rule: every x* allocator exits the program with a message when memory runs
 * out, so callers never check for NULL. Code that must survive out-of-memory (the data layer
 * during open and query, and the query builder it uses) uses the try_* allocators and soft
 * string buffers instead, and turns a NULL or a failed buffer into an error value. */
#ifndef HS_UTIL_H
#define HS_UTIL_H

#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* The same that return NULL when out of memory (free with free()). */
void *try_malloc(size_t n);
void *try_realloc(void *p, size_t n);
char *try_strndup(const char *s, size_t n);

/* For tests: when should_fail returns true, the try_* allocation (or soft buffer growth)
 * about to happen fails (NULL: never). The x* allocators never consult it. */
void util_set_alloc_failure(int (*should_fail)(void));

/* A growable NUL-terminated byte buffer. sb_init leaves it empty; sb_steal hands the string
 * to the caller (who frees it) and leaves the buffer empty; sb_free frees what it holds.
 *
 * A buffer made with sb_init exits on out-of-memory like the x* allocators. One made with
 * sb_init_soft instead remembers the failure: `failed` is set and stays set (sb_reset keeps
 * it), every later append does nothing, and sb_steal returns NULL. Check it once at the end. */
struct sb {
    char *buf;
    size_t len;
    size_t cap;
    unsigned char soft;     /* growth may fail (sb_init_soft) */
    unsigned char failed;   /* a soft buffer's growth failed: sticky */
};

void sb_init(struct sb *b);
void sb_init_soft(struct sb *b);
void sb_free(struct sb *b);
void sb_putn(struct sb *b, const char *s, size_t n);
void sb_puts(struct sb *b, const char *s);
void sb_putc(struct sb *b, char c);
void sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *sb_steal(struct sb *b);
void sb_reset(struct sb *b);

#endif
