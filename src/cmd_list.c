/* cmd_list.c — `httpstatus list [CLASS]`: one line per code. Also what a bare
 * `httpstatus` prints when its output is not a terminal. */
#include "cli_int.h"

#include <stdio.h>
#include <string.h>

#include "doc.h"
#include "text.h"
#include "util.h"

static void list_line(const struct out *out, const struct hs_entry *e)
{
    struct sb b;
    sb_init(&b);
    char num[8];
    snprintf(num, sizeof num, "%d", e->code);
    sb_puts(&b, "  ");
    txt_sanitize_into(&b, e->phrase, strlen(e->phrase), 0, out->ascii);
    if (e->status != 's')
        sb_printf(&b, " [%s]", doc_status_word(e->status));
    struct sb fit;
    sb_init(&fit);
    sb_puts(&fit, "");
    txt_fit(&fit, b.buf, out->width > 0 ? out->width - 3 : 0 + (out->width <= 0 ? 100000 : 0), 1, out->ascii);
    size_t num_len = strlen(num);
    if (out->width > 0 && (int)num_len > out->width)
        num_len = (size_t)out->width;      /* absurdly narrow: even the code is cut */
    out_styled(out, out_class_color(e->klass), num, num_len);
    if (out->width <= 0 || out->width > 3)
        fwrite(fit.buf, 1, fit.len, stdout);
    fputc('\n', stdout);
    sb_free(&fit);
    sb_free(&b);
}

int cmd_list(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    int klass = 0;
    if (o->n_args > 1) {
        cli_error("list takes at most one class, like 'httpstatus list 4xx'");
        return EXIT_USAGE;
    }
    if (o->n_args == 1) {
        const char *a = o->args[0];
        int v;
        if (cli_classify(a, &v) == ARG_CLASS)
            klass = v;
        else if (strlen(a) == 1 && a[0] >= '1' && a[0] <= '5')
            klass = a[0] - '0';
        else {
            cli_error("'%s' is not a class: use 1xx, 2xx, 3xx, 4xx or 5xx", a);
            return EXIT_USAGE;
        }
    }
    struct hs_entries l;
    enum hs_status s = hsdb_list(db, klass, &l);
    if (s != HS_OK && s != HS_NOTFOUND)
        return cli_db_failed(db);
    if (o->json) {
        struct sb js;
        sb_init(&js);
        sb_putc(&js, '[');
        for (size_t i = 0; i < l.n; i++) {
            if (i)
                sb_putc(&js, ',');
            sb_putc(&js, '{');
            json_entry_fields(&js, &l.v[i]);
            sb_putc(&js, '}');
        }
        sb_puts(&js, "]\n");
        out_flush(&js);
        sb_free(&js);
    } else {
        for (size_t i = 0; i < l.n; i++)
            list_line(out, &l.v[i]);
    }
    hs_entries_free(&l);
    return l.n || s == HS_OK ? EXIT_FOUND : EXIT_NOTFOUND;
}
