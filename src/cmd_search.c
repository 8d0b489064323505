/* cmd_search.c — `httpstatus search QUERY...`: ranked hits with a snippet each, plain
 * or JSON; when no code holds every word, one line says the hits are the closest matches
 * (JSON: "closest" on each hit); "did you mean" when nothing or only those match. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* The query as echoed in a message: at most 60 columns. Returns a static buffer. */
static const char *short_query(const char *q)
{
    static char buf[256];
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    char *clean = txt_sanitize(q, 0, 0);
    txt_fit(&b, clean, 60, 1, 0);
    snprintf(buf, sizeof buf, "%s", b.buf);
    free(clean);
    sb_free(&b);
    return buf;
}

int cmd_search(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    struct sb q;
    sb_init(&q);
    sb_puts(&q, "");
    for (int i = 0; i < o->n_args; i++) {
        if (i)
            sb_putc(&q, ' ');
        sb_puts(&q, o->args[i]);
    }
    int empty = 1;
    for (size_t i = 0; i < q.len; i++)
        if (q.buf[i] != ' ' && q.buf[i] != '\t' && q.buf[i] != '\n')
            empty = 0;
    if (empty) {
        sb_free(&q);
        cli_error("search needs some words, like: httpstatus search too many requests");
        return EXIT_USAGE;
    }
    struct hs_hits h;
    enum hs_status s = hsdb_search(db, q.buf, q.len, 0, o->limit, &h);
    if (s == HS_NOTFOUND) {
        char *sugg = NULL;
        enum hs_status ss = hsdb_suggest(db, q.buf, &sugg);
        if (ss == HS_OK) {
            char *clean = txt_sanitize(sugg, 0, 0);
            if (o->json)
                fputs("[]\n", stdout);
            cli_error("no match for '%s'; did you mean '%s'?", short_query(q.buf), clean);
            free(clean);
            free(sugg);
        } else if (ss == HS_NOTFOUND) {
            if (o->json)
                fputs("[]\n", stdout);
            cli_error("no match for '%s'", short_query(q.buf));
        } else {
            sb_free(&q);
            return cli_db_failed(db);
        }
        sb_free(&q);
        return EXIT_NOTFOUND;
    }
    if (s != HS_OK) {
        sb_free(&q);
        return cli_db_failed(db);
    }
    struct sb b;
    sb_init(&b);
    if (h.partial && !o->json) {
        /* One line before the hits: the search fell back to the closest matches, and
         * says how it read a misspelt word. */
        sb_printf(&b, "no code mentions all of '%s'", short_query(q.buf));
        if (h.suggestion) {
            char *clean = txt_sanitize(h.suggestion, 0, 0);
            sb_printf(&b, " (did you mean '%s'?)", short_query(clean));
            free(clean);
        }
        sb_puts(&b, "; closest matches:\n");
        out_flush(&b);
        sb_reset(&b);
    }
    sb_free(&q);
    if (o->json) {
        sb_putc(&b, '[');
        for (size_t i = 0; i < h.n; i++) {
            if (i)
                sb_putc(&b, ',');
            sb_putc(&b, '{');
            json_entry_fields(&b, &h.v[i].e);
            struct sb sn;
            sb_init(&sn);
            sb_puts(&sn, "");
            for (const char *p = h.v[i].snippet; *p; p++)
                if (*p != '\x01' && *p != '\x02')
                    sb_putc(&sn, *p);
            json_kv_str(&b, "snippet", sn.buf, 1);
            sb_free(&sn);
            sb_printf(&b, ",\"score\":%.4f,\"closest\":%s}", -h.v[i].score, h.partial ? "true" : "false");
        }
        sb_puts(&b, "]\n");
        out_flush(&b);
    } else {
        for (size_t i = 0; i < h.n; i++) {
            const struct hs_hit *hit = &h.v[i];
            struct sb pre;
            sb_init(&pre);
            sb_printf(&pre, "%03d  ", hit->e.code);
            size_t code_end = pre.len;
            txt_sanitize_into(&pre, hit->e.phrase, strlen(hit->e.phrase), 0, out->ascii);
            size_t phrase_end = pre.len;
            sb_puts(&pre, "  ");
            sb_reset(&b);
            int cut = txt_snippet_line(&b, pre.buf, hit->snippet, out->width, out->ascii);
            sb_free(&pre);
            size_t keep = b.len;
            /* One SGR sequence where the style changes, one reset where a styled run ends. */
            const char *now = "";
            int marked = 0;
            for (size_t k = 0; k < keep; k++) {
                char ch = b.buf[k];
                if (ch == '\x01' || ch == '\x02') {
                    marked = ch == '\x01';
                    continue;
                }
                const char *want = marked ? "\033[1;4m" : k < code_end ? out_class_color(hit->e.klass)
                                                       : k < phrase_end ? "\033[1m" : "";
                if (out->color && strcmp(want, now) != 0) {
                    if (*now)
                        fputs(SGR_RESET, stdout);
                    fputs(want, stdout);
                    now = want;
                }
                fputc(ch, stdout);
            }
            if (out->color && *now)
                fputs(SGR_RESET, stdout);
            if (cut)
                fputs(out->ascii ? "~" : "\xE2\x80\xA6", stdout);
            fputc('\n', stdout);
        }
    }
    sb_free(&b);
    hs_hits_free(&h);
    return EXIT_FOUND;
}
