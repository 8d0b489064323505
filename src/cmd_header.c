/* cmd_header.c — `httpstatus header [NAME]`: a header field's entry (what it is, which
 * codes send or require it, with the rule and its section), or the list of all headers. */
#include "cli_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "text.h"
#include "util.h"

/* Case-insensitive edit distance, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            int same = tolower((unsigned char)a[i - 1]) == tolower((unsigned char)b[j - 1]);
            size_t best = diag + (same ? 0 : 1);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

static int list_headers(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    struct hs_header *v;
    size_t n;
    enum hs_status s = hsdb_header_list(db, &v, &n);
    if (s != HS_OK && s != HS_NOTFOUND)
        return cli_db_failed(db);
    struct sb b;
    sb_init(&b);
    if (o->json) {
        sb_putc(&b, '[');
        for (size_t i = 0; i < n; i++) {
            sb_puts(&b, i ? ",{" : "{");
            json_kv_str(&b, "name", v[i].name, 0);
            json_kv_str(&b, "summary", v[i].summary, 1);
            json_kv_str(&b, "spec", v[i].spec, 1);
            sb_putc(&b, '}');
        }
        sb_puts(&b, "]\n");
        out_flush(&b);
    } else {
        size_t key = 0;
        for (size_t i = 0; i < n; i++)
            if (strlen(v[i].name) > key)
                key = strlen(v[i].name);
        for (size_t i = 0; i < n; i++) {
            struct sb line;
            sb_init(&line);
            sb_printf(&line, "%-*s  ", (int)key, v[i].name);
            txt_sanitize_into(&line, v[i].summary, strlen(v[i].summary), 0, out->ascii);
            struct sb fit;
            sb_init(&fit);
            sb_puts(&fit, "");
            if (out->width > 0)
                txt_fit(&fit, line.buf, out->width, 1, out->ascii);
            else
                sb_puts(&fit, line.buf);
            size_t name_len = strlen(v[i].name) < fit.len ? strlen(v[i].name) : fit.len;
            out_styled(out, "\033[1m", fit.buf, name_len);
            fwrite(fit.buf + name_len, 1, fit.len - name_len, stdout);
            fputc('\n', stdout);
            sb_free(&fit);
            sb_free(&line);
        }
    }
    sb_free(&b);
    hs_headers_free(v, n);
    return n ? EXIT_FOUND : EXIT_NOTFOUND;
}

/* The known header nearest to name, or NULL (caller frees). */
static char *nearest(struct hs_db *db, const char *name)
{
    struct hs_header *v;
    size_t n;
    if (hsdb_header_list(db, &v, &n) != HS_OK)
        return NULL;
    size_t best = (size_t)-1;
    char *found = NULL;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(name, v[i].name);
        size_t nl = strlen(v[i].name), ql = strlen(name);
        /* A prefix ("retry" for Retry-After) counts as close. */
        if (ql >= 3 && ql < nl && strncasecmp(name, v[i].name, ql) == 0)
            d = 1;
        if (d < best) {
            best = d;
            free(found);
            found = xstrdup(v[i].name);
        }
    }
    hs_headers_free(v, n);
    if (found && best > (strlen(name) + 2) / 3 + 1) {
        free(found);
        found = NULL;
    }
    return found;
}

int cmd_header(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    if (o->n_args == 0)
        return list_headers(db, o, out);
    int status = EXIT_FOUND, printed = 0;
    struct sb js;
    sb_init(&js);
    if (o->json && o->n_args > 1)
        sb_putc(&js, '[');
    for (int i = 0; i < o->n_args; i++) {
        struct hs_header *h;
        enum hs_status s = hsdb_header(db, o->args[i], &h);
        if (s == HS_NOTFOUND) {
            char *near = nearest(db, o->args[i]);
            if (near)
                cli_error("no header '%s' is known; did you mean: httpstatus header %s", o->args[i], near);
            else
                cli_error("no header '%s' is known (see 'httpstatus header' for the list)", o->args[i]);
            free(near);
            status = EXIT_NOTFOUND;
            continue;
        }
        if (s != HS_OK) {
            sb_free(&js);
            return cli_db_failed(db);
        }
        if (o->json) {
            if (printed++)
                sb_putc(&js, ',');
            sb_putc(&js, '{');
            json_kv_str(&js, "name", h->name, 0);
            json_kv_str(&js, "summary", h->summary, 1);
            json_kv_str(&js, "spec", h->spec, 1);
            json_kv_str(&js, "description", h->description, 1);
            sb_puts(&js, ",\"rules\":[");
            for (size_t r = 0; r < h->n_rules; r++) {
                sb_printf(&js, "%s{\"code\":%d,\"display\":\"%03d\"", r ? "," : "", h->rules[r].code, h->rules[r].code);
                json_kv_str(&js, "phrase", h->rules[r].phrase, 1);
                json_kv_str(&js, "level", h->rules[r].level, 1);
                json_kv_str(&js, "text", h->rules[r].text, 1);
                sb_putc(&js, '}');
            }
            sb_puts(&js, "]}");
        } else {
            if (printed++)
                fputc('\n', stdout);
            struct doc *d = doc_header(h, out->width, out->ascii);
            out_doc(out, d, -1);
            doc_free(d);
        }
        hs_header_free(h);
    }
    if (o->json && printed) {
        if (o->n_args > 1)
            sb_putc(&js, ']');
        sb_putc(&js, '\n');
        out_flush(&js);
    }
    sb_free(&js);
    return status;
}
