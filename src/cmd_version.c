/* cmd_version.c — `httpstatus --version`: the version and where the texts come from. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

#ifndef HS_VERSION
#define HS_VERSION "1.0.0"
#endif

static void print_wrapped(const struct out *out, const char *text, const char *indent)
{
    char *clean = txt_sanitize(text, 1, out->ascii);
    int iw = (int)strlen(indent);
    const char *p = clean;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *para = xstrndup(p, n);
        size_t *st, *ln;
        size_t k = txt_wrap(para, out->width > 0 ? (out->width > iw + 8 ? out->width - iw : 8) : 0, &st, &ln);
        for (size_t i = 0; i < k; i++) {
            if (ln[i])
                fputs(out->width <= 0 || out->width > iw + 8 ? indent : "", stdout);
            fwrite(para + st[i], 1, ln[i], stdout);
            fputc('\n', stdout);
        }
        free(st);
        free(ln);
        free(para);
        p += n + (e ? 1 : 0);
    }
    free(clean);
}

int cmd_version(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    (void)o;
    printf("httpstatus %s\n\n", HS_VERSION);
    print_wrapped(out, "The quoted texts come from a reference page of HTTP status codes built from the RFCs (RFC 2616 and later) "
                       "and Wikipedia, with REST advice for ten common codes (REST API Tutorial). They keep the "
                       "page's wording and name their source. Summaries, notes on what RFC 9110 changed, "
                       "examples, related codes, library constants and the descriptions of codes the page "
                       "lacks are httpstatus's own.", "");
    struct hs_section *s;
    size_t n;
    enum hs_status st = hsdb_page(db, &s, &n);
    if (st == HS_OK) {
        fputs("\nThe page introduced itself thus (quoted as written):\n\n", stdout);
        for (size_t i = 0; i < n; i++) {
            print_wrapped(out, s[i].body, "  ");
            fputc('\n', stdout);
        }
        hs_sections_free(s, n);
    } else if (st != HS_NOTFOUND) {
        return cli_db_failed(db);
    }
    return EXIT_FOUND;
}
