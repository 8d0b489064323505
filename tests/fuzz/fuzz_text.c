/* libFuzzer harness: the text layer. Properties: sanitised text and the database reader's
 * clean text (txt_clean, NUL bytes included) are valid UTF-8 with no control, bidi or
 * zero-width characters, the clean text within 3 bytes per input byte; wrapped lines never exceed the width (a single
 * wide character on a 1-column line excepted); JSON strings contain no raw control bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_clean(const char *s, int ascii)
{
    size_t len = strlen(s), i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = txt_decode(s + i, len - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && memcmp(s + i, "\xEF\xBF\xBD", 3) == 0))
            abort();                       /* invalid UTF-8 got through */
        if (cp != '\n' && txt_cp_unsafe(cp))
            abort();
        if (ascii && cp >= 0x80)
            abort();
        i += k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    int width = data[0] % 90;
    for (int multiline = 0; multiline <= 1; multiline++) {
        size_t n = txt_clean(NULL, (const char *)data + 1, size - 1, multiline);
        if (n > 3 * (size - 1))
            abort();
        char *c = xmalloc(3 * (size - 1) + 1);
        if (txt_clean(c, (const char *)data + 1, size - 1, multiline) != n || c[n] != '\0' || strlen(c) != n)
            abort();
        check_clean(c, 0);
        if (!multiline && memchr(c, '\n', n))
            abort();
        free(c);
    }
    char *raw = xstrndup((const char *)data + 1, size - 1);   /* stops at the first NUL */
    for (int ascii = 0; ascii <= 1; ascii++) {
        char *s = txt_sanitize(raw, ascii, ascii);
        check_clean(s, ascii);
        char *flat = txt_sanitize(s, 0, ascii);
        size_t *st, *ln;
        size_t n = txt_wrap(flat, width, &st, &ln);
        for (size_t i = 0; i < n; i++) {
            if (st[i] + ln[i] > strlen(flat))
                abort();
            int w = txt_width(flat + st[i], ln[i]);
            if (width > 0 && w > (width < 2 ? 2 : width))
                abort();
        }
        free(st);
        free(ln);
        struct sb b;
        sb_init(&b);
        sb_puts(&b, "");
        int used = txt_fit(&b, flat, width, 1, ascii);
        if (used > width || txt_width(b.buf, b.len) > (width < 1 ? 0 : width))
            abort();
        sb_reset(&b);
        txt_json_string(&b, raw);
        for (size_t i = 0; i < b.len; i++)
            if ((unsigned char)b.buf[i] < 0x20 || (unsigned char)b.buf[i] == 0x7F)
                abort();
        sb_free(&b);
        free(flat);
        free(s);
    }
    free(raw);
    return 0;
}
