/* cmd_compare.c — `httpstatus compare CODE CODE...` (or one code: its first group): the
 * comparison table (compare.h), plain or JSON. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "text.h"
#include "util.h"

int cmd_compare(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    int codes[CMP_MAX_CODES];
    size_t n = 0;
    if (o->n_args == 0) {
        cli_error("compare needs codes, like: httpstatus compare 302 303 307 (or one code for its group)");
        return EXIT_USAGE;
    }
    if (o->n_args > CMP_MAX_CODES) {
        cli_error("compare takes at most %d codes", CMP_MAX_CODES);
        return EXIT_USAGE;
    }
    for (int i = 0; i < o->n_args; i++) {
        int v;
        if (cli_classify(o->args[i], &v) != ARG_CODE) {
            cli_bad_word(o->args[i]);
            return EXIT_USAGE;
        }
        codes[n++] = v;
    }
    char *group_title = NULL;
    if (n == 1) {
        struct hs_group *g;
        size_t ng;
        if (hsdb_groups_of(db, codes[0], &g, &ng) != HS_OK)
            return cli_db_failed(db);
        if (ng == 0) {
            struct hs_code *c;
            enum hs_status s = hsdb_code(db, codes[0], &c);
            hs_code_free(c);
            if (s == HS_NOTFOUND) {
                cli_error("no status code %d is known", codes[0]);
                return EXIT_NOTFOUND;
            }
            if (s != HS_OK)
                return cli_db_failed(db);
            cli_error("%d is in no comparison group; name the codes to compare, like: httpstatus compare %d 404", codes[0], codes[0]);
            return EXIT_USAGE;
        }
        n = g[0].n < CMP_MAX_CODES ? g[0].n : CMP_MAX_CODES;
        memcpy(codes, g[0].codes, n * sizeof codes[0]);
        group_title = xstrdup(g[0].title);
        hs_groups_free(g, ng);
    }
    struct hs_code *c[CMP_MAX_CODES] = {0};
    int status = EXIT_FOUND;
    for (size_t i = 0; i < n; i++) {
        enum hs_status s = hsdb_code(db, codes[i], &c[i]);
        if (s == HS_NOTFOUND) {
            cli_error("no status code %d is known (see 'httpstatus list')", codes[i]);
            status = EXIT_NOTFOUND;
        } else if (s != HS_OK) {
            status = cli_db_failed(db);
            break;
        }
    }
    if (status == EXIT_FOUND) {
        if (o->json) {
            struct sb js;
            sb_init(&js);
            sb_putc(&js, '[');
            for (size_t i = 0; i < n && status == EXIT_FOUND; i++) {
                struct hs_group *g;
                size_t ng;
                if (hsdb_groups_of(db, codes[i], &g, &ng) != HS_OK) {
                    status = cli_db_failed(db);
                    break;
                }
                if (i)
                    sb_putc(&js, ',');
                json_code(&js, c[i], g, ng);
                hs_groups_free(g, ng);
            }
            sb_puts(&js, "]\n");
            if (status == EXIT_FOUND)
                out_flush(&js);
            sb_free(&js);
        } else {
            struct cmp_table *t = cmp_build(c, n, out->ascii);
            if (group_title) {
                struct sb h;
                sb_init(&h);
                sb_puts(&h, "");
                char *clean = txt_sanitize(group_title, 0, out->ascii);
                if (out->width > 0)
                    txt_fit(&h, clean, out->width, 1, out->ascii);
                else
                    sb_puts(&h, clean);
                out_styled(out, "\033[1m", h.buf, h.len);
                fputs("\n\n", stdout);
                free(clean);
                sb_free(&h);
            }
            char *text = cmp_render(t, out->width, out->ascii, 0);
            /* Emphasise the marks of differing rows on a terminal. */
            const char *p = text;
            while (*p) {
                const char *e = strchr(p, '\n');
                size_t len = e ? (size_t)(e - p) : strlen(p);
                if (len >= 2 && p[0] == '*' && p[1] == ' ' && out->color) {
                    fputs("\033[1;33m", stdout);
                    fwrite(p, 1, 1, stdout);
                    fputs(SGR_RESET, stdout);
                    fwrite(p + 1, 1, len - 1, stdout);
                } else {
                    fwrite(p, 1, len, stdout);
                }
                fputc('\n', stdout);
                p += len + (e ? 1 : 0);
            }
            if (out->width <= 0 || out->width >= 22)
                fputs("\n* differs between the codes\n", stdout);
            free(text);
            cmp_free(t);
        }
    }
    for (size_t i = 0; i < n; i++)
        hs_code_free(c[i]);
    free(group_title);
    return status;
}
