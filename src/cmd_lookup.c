/* cmd_lookup.c — `httpstatus CODE|CLASS ...`: the full documentation of codes and
 * classes, plain or JSON. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"

/* A word that may name a code ("teapot"): it does not start with a digit, as codes,
 * classes and masks do. */
static int has_letter(const char *s)
{
    return *s && !(*s >= '0' && *s <= '9');
}

/* The arguments joined by spaces (caller frees). */
static char *join_args(const struct cli_opts *o)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    for (int i = 0; i < o->n_args; i++) {
        if (i)
            sb_putc(&b, ' ');
        sb_puts(&b, o->args[i]);
    }
    return sb_steal(&b);
}

int cmd_lookup(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    int status = EXIT_FOUND;
    struct sb js;
    sb_init(&js);
    int values[256];
    enum arg_kind kinds[256];
    int n = 0;
    /* Words that are no code, class or mask are a name: all of them together
     * ("not found"), or each alone. */
    int all_words = o->n_args > 0;
    for (int i = 0; i < o->n_args; i++) {
        int v;
        if (cli_classify(o->args[i], &v) != ARG_BAD || !has_letter(o->args[i]))
            all_words = 0;
    }
    for (int i = 0; i < o->n_args; i++) {
        int v;
        enum arg_kind k = all_words ? ARG_BAD : cli_classify(o->args[i], &v);
        if (k == ARG_BAD && !all_words && !has_letter(o->args[i])) {
            cli_bad_word(o->args[i]);
            return EXIT_USAGE;
        }
        int *found = NULL;
        size_t n_found = 0;
        char *name = NULL;
        if (k == ARG_MASK) {
            struct hs_entries l;
            enum hs_status s = hsdb_list(db, v / 10, &l);
            if (s != HS_OK && s != HS_NOTFOUND)
                return cli_db_failed(db);
            found = xcalloc(l.n + 1, sizeof *found);
            for (size_t j = 0; j < l.n; j++)
                if (l.v[j].code / 10 == v)
                    found[n_found++] = l.v[j].code;
            hs_entries_free(&l);
            if (!n_found) {
                cli_error("no known code matches %s (see 'httpstatus list %dxx')", o->args[i], v / 10);
                status = EXIT_NOTFOUND;
            }
        } else if (k == ARG_BAD) {
            name = all_words ? join_args(o) : xstrdup(o->args[i]);
            enum hs_status s = hsdb_codes_named(db, name, &found, &n_found);
            if (s == HS_NOTFOUND) {
                cli_error("no code is named '%s'; try: httpstatus search %s", name, name);
                status = EXIT_NOTFOUND;
            } else if (s != HS_OK) {
                free(name);
                return cli_db_failed(db);
            }
        } else {
            found = xmalloc(sizeof *found);
            found[0] = v;
            n_found = 1;
        }
        for (size_t j = 0; j < n_found; j++) {
            if (n == 256) {
                free(found);
                free(name);
                cli_error("too many codes at once (at most 256)");
                return EXIT_USAGE;
            }
            kinds[n] = k == ARG_CLASS ? ARG_CLASS : ARG_CODE;
            values[n++] = found[j];
        }
        free(found);
        free(name);
        if (all_words)
            break;
    }
    int printed = 0;
    if (o->json && n > 1)
        sb_putc(&js, '[');
    for (int i = 0; i < n; i++) {
        if (kinds[i] == ARG_CODE) {
            struct hs_code *c;
            enum hs_status s = hsdb_code(db, values[i], &c);
            if (s == HS_NOTFOUND) {
                if ((values[i] < 100 || values[i] > 599) && values[i] != 0)
                    cli_error("%03d is not a status code: codes run from 100 to 599 (and 000)", values[i]);
                else
                    cli_error("no status code %03d is known (see 'httpstatus list %s')", values[i], doc_class_range(values[i] / 100));
                status = EXIT_NOTFOUND;
                continue;
            }
            if (s != HS_OK) {
                sb_free(&js);
                return cli_db_failed(db);
            }
            if (o->json) {
                struct hs_group *g;
                size_t ng;
                if (hsdb_groups_of(db, values[i], &g, &ng) != HS_OK) {
                    hs_code_free(c);
                    sb_free(&js);
                    return cli_db_failed(db);
                }
                if (printed++)
                    sb_putc(&js, ',');
                json_code(&js, c, g, ng);
                hs_groups_free(g, ng);
            } else {
                if (printed++)
                    fputc('\n', stdout);
                struct doc *d = doc_code(c, out->width, out->ascii);
                out_doc(out, d, c->e.klass);
                doc_free(d);
            }
            hs_code_free(c);
        } else {
            struct hs_class *k;
            struct hs_entries codes;
            enum hs_status s = hsdb_class(db, values[i], &k);
            if (s != HS_OK) {
                sb_free(&js);
                return cli_db_failed(db);
            }
            s = hsdb_list(db, values[i], &codes);
            if (s != HS_OK && s != HS_NOTFOUND) {
                hs_class_free(k);
                sb_free(&js);
                return cli_db_failed(db);
            }
            if (o->json) {
                if (printed++)
                    sb_putc(&js, ',');
                sb_printf(&js, "{\"class\":%d", k->klass);
                json_kv_str(&js, "title", k->title, 1);
                json_kv_str(&js, "summary", k->summary, 1);
                sb_puts(&js, ",\"sections\":");
                json_sections(&js, k->sections, k->n_sections);
                sb_puts(&js, ",\"codes\":[");
                for (size_t j = 0; j < codes.n; j++) {
                    if (j)
                        sb_putc(&js, ',');
                    sb_putc(&js, '{');
                    json_entry_fields(&js, &codes.v[j]);
                    sb_putc(&js, '}');
                }
                sb_puts(&js, "]}");
            } else {
                if (printed++)
                    fputc('\n', stdout);
                struct doc *d = doc_class(k, &codes, out->width, out->ascii);
                out_doc(out, d, k->klass);
                doc_free(d);
            }
            hs_entries_free(&codes);
            hs_class_free(k);
        }
    }
    if (o->json && printed) {
        if (n > 1)
            sb_putc(&js, ']');
        sb_putc(&js, '\n');
        out_flush(&js);
    }
    sb_free(&js);
    return status;
}
