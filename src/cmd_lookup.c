/* cmd_lookup.c — `httpstatus CODE|CLASS ...`: the full documentation of codes and
 * classes, plain or JSON. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "util.h"

int cmd_lookup(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    int status = EXIT_FOUND;
    struct sb js;
    sb_init(&js);
    int values[256];
    enum arg_kind kinds[256];
    if (o->n_args > 256) {
        cli_error("too many codes at once (at most 256)");
        return EXIT_USAGE;
    }
    for (int i = 0; i < o->n_args; i++) {
        kinds[i] = cli_classify(o->args[i], &values[i]);
        if (kinds[i] == ARG_BAD) {
            cli_bad_word(o->args[i]);
            return EXIT_USAGE;
        }
    }
    int printed = 0;
    if (o->json && o->n_args > 1)
        sb_putc(&js, '[');
    for (int i = 0; i < o->n_args; i++) {
        if (kinds[i] == ARG_CODE) {
            struct hs_code *c;
            enum hs_status s = hsdb_code(db, values[i], &c);
            if (s == HS_NOTFOUND) {
                if (values[i] < 100 || values[i] > 599)
                    cli_error("%d is not a status code: codes run from 100 to 599", values[i]);
                else
                    cli_error("no status code %d is known (see 'httpstatus list %dxx')", values[i], values[i] / 100);
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
        if (o->n_args > 1)
            sb_putc(&js, ']');
        sb_putc(&js, '\n');
        out_flush(&js);
    }
    sb_free(&js);
    return status;
}
