/* cli.c — see cli.h. */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "compare.h"
#include "doc.h"
#include "text.h"
#include "util.h"

#ifndef HS_VERSION
#define HS_VERSION "1.0.0"
#endif

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *raw = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    raw[0] = '\0';
    va_start(ap, fmt);
    if (n > 0)
        vsnprintf(raw, (size_t)n + 1, fmt, ap);
    va_end(ap);
    char *clean = txt_sanitize(raw, 0, 0);
    fprintf(stderr, "httpstatus: %s\n", clean);
    free(clean);
    free(raw);
}

void cli_usage(int to_stderr)
{
    FILE *f = to_stderr ? stderr : stdout;
    fputs("usage: httpstatus [OPTIONS] [COMMAND]\n"
          "\n"
          "  httpstatus                      open the browser (on a terminal; else: list)\n"
          "  httpstatus CODE|CLASS ...       full documentation: 404, 4xx\n"
          "  httpstatus list [CLASS]         one line per code: \"404  Not Found\"\n"
          "  httpstatus search QUERY...      ranked full-text search\n"
          "  httpstatus compare CODE CODE... related codes side by side (or one code: its group)\n"
          "\n"
          "options:\n"
          "  --json            JSON output\n"
          "  --db FILE         read another httpstatus database instead of the built-in one\n"
          "  --width N         wrap to N columns (0: no wrapping; default: terminal or 80)\n"
          "  --color=WHEN      auto, always or never (NO_COLOR turns it off)\n"
          "  --limit N         search: at most N hits (default 20)\n"
          "  --ascii           ASCII only, for terminals without UTF-8\n"
          "  -h, --help        this help\n"
          "  -V, --version     version and where the texts come from\n"
          "\n"
          "exit status: 0 found, 1 not found or no match, 2 usage or database error\n",
          f);
}

/* Strict non-negative integer, overflow-checked. */
static int parse_uint(const char *s, long max, long *out)
{
    if (!*s)
        return -1;
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        if (v > (max - (*p - '0')) / 10)
            return -2;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 0;
}

static int opt_value(const char *name, const char *arg, char **argv, int argc, int *i, const char **value)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) == 0 && arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (strcmp(arg, name) == 0) {
        if (*i + 1 >= argc) {
            cli_error("option %s needs a value (see 'httpstatus --help')", name);
            return -1;
        }
        *value = argv[++*i];
        return 1;
    }
    return 0;
}

int cli_parse(int argc, char **argv, struct cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->width = -1;
    o->color = -1;
    o->limit = 20;
    o->args = xcalloc((size_t)argc + 1, sizeof *o->args);
    int only_args = 0, help = 0, version = 0;
    char **pos = xcalloc((size_t)argc + 1, sizeof *pos);
    int n_pos = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        int r;
        if (only_args || a[0] != '-' || a[1] == '\0') {
            pos[n_pos++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = 1;
        } else if (strcmp(a, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(a, "--ascii") == 0) {
            o->ascii = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            help = 1;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            version = 1;
        } else if ((r = opt_value("--db", a, argv, argc, &i, &v)) != 0) {
            if (r < 0)
                goto usage;
            if (!*v) {
                cli_error("--db needs a file name");
                goto usage;
            }
            o->db_path = v;
        } else if ((r = opt_value("--width", a, argv, argc, &i, &v)) != 0) {
            long w;
            if (r < 0)
                goto usage;
            int e = parse_uint(v, 100000, &w);
            if (e != 0 || w > 10000) {
                cli_error("--width takes a number of columns from 0 to 10000, not '%s'", v);
                goto usage;
            }
            o->width = (int)w;
        } else if ((r = opt_value("--limit", a, argv, argc, &i, &v)) != 0) {
            long l;
            if (r < 0)
                goto usage;
            if (parse_uint(v, 100000, &l) != 0 || l < 1 || l > 10000) {
                cli_error("--limit takes a number from 1 to 10000, not '%s'", v);
                goto usage;
            }
            o->limit = (int)l;
        } else if (strcmp(a, "--color") == 0 || strncmp(a, "--color=", 8) == 0) {
            const char *w = a[7] == '=' ? a + 8 : "always";
            if (strcmp(w, "auto") == 0)
                o->color = -1;
            else if (strcmp(w, "always") == 0)
                o->color = 1;
            else if (strcmp(w, "never") == 0)
                o->color = 0;
            else {
                cli_error("--color takes auto, always or never, not '%s'", w);
                goto usage;
            }
        } else if (n_pos > 0 && strcmp(pos[0], "search") == 0) {
            pos[n_pos++] = argv[i];   /* after "search", "-foo" is a word to search for */
        } else if (a[1] >= '0' && a[1] <= '9') {
            cli_error("'%s' is not a status code: codes run from 100 to 599", a);
            goto usage;
        } else {
            cli_error("unknown option '%s' (see 'httpstatus --help')", a);
            goto usage;
        }
    }
    if (help) {
        o->cmd = CMD_HELP;
    } else if (version) {
        o->cmd = CMD_VERSION;
    } else if (n_pos == 0) {
        o->cmd = CMD_BROWSE;
    } else {
        int first = 1;
        if (strcmp(pos[0], "list") == 0)
            o->cmd = CMD_LIST;
        else if (strcmp(pos[0], "search") == 0)
            o->cmd = CMD_SEARCH;
        else if (strcmp(pos[0], "compare") == 0)
            o->cmd = CMD_COMPARE;
        else if (strcmp(pos[0], "help") == 0)
            o->cmd = CMD_HELP;
        else {
            o->cmd = CMD_LOOKUP;
            first = 0;
        }
        for (int i = first; i < n_pos; i++)
            o->args[o->n_args++] = pos[i];
    }
    free(pos);
    return 0;
usage:
    free(pos);
    free(o->args);
    o->args = NULL;
    return EXIT_USAGE;
}

/* ---- output helpers -------------------------------------------------------------------- */

struct out {
    int color;
    int width;
    int ascii;
};

#define SGR_RESET "\033[0m"

static const char *class_color(int klass)
{
    switch (klass) {
    case 1: return "\033[36m";   /* cyan */
    case 2: return "\033[32m";   /* green */
    case 3: return "\033[34m";   /* blue */
    case 4: return "\033[33m";   /* yellow */
    case 5: return "\033[31m";   /* red */
    default: return "";
    }
}

static void put_styled(const struct out *o, const char *style, const char *s, size_t n)
{
    if (o->color && *style)
        fputs(style, stdout);
    fwrite(s, 1, n, stdout);
    if (o->color && *style)
        fputs(SGR_RESET, stdout);
}

static void print_doc(const struct out *o, const struct doc *d, int klass)
{
    for (size_t i = 0; i < d->n; i++) {
        const struct doc_line *l = &d->v[i];
        size_t len = strlen(l->text), key = l->key_len;
        switch (l->kind) {
        case DOC_TITLE:
            put_styled(o, klass ? class_color(klass) : "\033[1m", "", 0);
            if (o->color)
                fputs("\033[1m", stdout);
            put_styled(o, klass ? class_color(klass) : "", l->text, len);
            if (o->color)
                fputs(SGR_RESET, stdout);
            break;
        case DOC_META:
            put_styled(o, "\033[2m", l->text, len);
            break;
        case DOC_HEADING:
            put_styled(o, "\033[1;4m", l->text, key);
            put_styled(o, "\033[2m", l->text + key, len - key);
            break;
        case DOC_FACT:
            put_styled(o, "\033[2m", l->text, key);
            fwrite(l->text + key, 1, len - key, stdout);
            break;
        case DOC_LINK:
        case DOC_ROW:
            put_styled(o, l->link ? class_color(l->link / 100) : "", l->text, key);
            fwrite(l->text + key, 1, len - key, stdout);
            break;
        case DOC_PRE:
            put_styled(o, "\033[36m", l->text, len);
            break;
        default:
            fwrite(l->text, 1, len, stdout);
        }
        fputc('\n', stdout);
    }
}

/* ---- JSON ------------------------------------------------------------------------------- */

static void json_kv_str(struct sb *b, const char *key, const char *value, int comma)
{
    if (comma)
        sb_putc(b, ',');
    txt_json_string(b, key);
    sb_putc(b, ':');
    txt_json_string(b, value ? value : "");
}

static void json_entry_fields(struct sb *b, const struct hs_entry *e)
{
    sb_printf(b, "\"code\":%d", e->code);
    json_kv_str(b, "phrase", e->phrase, 1);
    sb_printf(b, ",\"class\":%d", e->klass);
    json_kv_str(b, "status", doc_status_word(e->status), 1);
    json_kv_str(b, "summary", e->summary, 1);
    sb_printf(b, ",\"top10\":%s", e->top10 ? "true" : "false");
}

static void json_sections(struct sb *b, const struct hs_section *s, size_t n)
{
    sb_puts(b, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_putc(b, ',');
        sb_putc(b, '{');
        json_kv_str(b, "kind", s[i].kind, 0);
        json_kv_str(b, "source", s[i].source, 1);
        json_kv_str(b, "text", s[i].body, 1);
        sb_putc(b, '}');
    }
    sb_puts(b, "]");
}

static void json_strings(struct sb *b, char **v, size_t n)
{
    sb_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            sb_putc(b, ',');
        txt_json_string(b, v[i]);
    }
    sb_putc(b, ']');
}

static void json_code(struct sb *b, const struct hs_code *c, const struct hs_group *g, size_t n_groups)
{
    sb_putc(b, '{');
    json_entry_fields(b, &c->e);
    json_kv_str(b, "class_title", c->class_title, 1);
    json_kv_str(b, "spec", c->spec, 1);
    sb_puts(b, ",\"aliases\":");
    json_strings(b, c->aliases, c->n_aliases);
    sb_puts(b, ",\"vendors\":");
    json_strings(b, c->vendors, c->n_vendors);
    sb_puts(b, ",\"attributes\":{");
    sb_printf(b, "\"cacheable\":%s", strcmp(c->cacheable, "yes") == 0 ? "true" : "false");
    if (*c->permanence)
        json_kv_str(b, "permanence", c->permanence, 1);
    if (*c->method)
        sb_printf(b, ",\"method_may_become_get\":%s", strcmp(c->method, "yes") == 0 ? "true" : "false");
    json_kv_str(b, "headers", c->headers, 1);
    json_kv_str(b, "retry", c->resend, 1);
    sb_puts(b, "},\"sections\":");
    json_sections(b, c->sections, c->n_sections);
    sb_puts(b, ",\"related\":[");
    for (size_t i = 0; i < c->n_related; i++) {
        if (i)
            sb_putc(b, ',');
        sb_printf(b, "{\"code\":%d", c->related[i].code);
        json_kv_str(b, "phrase", c->related[i].phrase, 1);
        json_kv_str(b, "reason", c->related[i].reason, 1);
        sb_putc(b, '}');
    }
    sb_puts(b, "],\"constants\":{");
    for (size_t i = 0; i < c->n_consts; i++)
        json_kv_str(b, c->consts[i].lang, c->consts[i].name, i > 0);
    sb_puts(b, "},\"groups\":[");
    for (size_t i = 0; i < n_groups; i++) {
        if (i)
            sb_putc(b, ',');
        txt_json_string(b, g[i].name);
    }
    sb_puts(b, "]}");
}

static void flush_sb(struct sb *b)
{
    fwrite(b->buf ? b->buf : "", 1, b->len, stdout);
    sb_reset(b);
}

/* ---- argument words ---------------------------------------------------------------------- */

enum arg_kind { ARG_CODE, ARG_CLASS, ARG_BAD };

static enum arg_kind classify(const char *s, int *value)
{
    size_t n = strlen(s);
    if (n == 3 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9') {
        *value = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
        return ARG_CODE;
    }
    if (n == 3 && s[0] >= '1' && s[0] <= '5' && (s[1] == 'x' || s[1] == 'X') && (s[2] == 'x' || s[2] == 'X')) {
        *value = s[0] - '0';
        return ARG_CLASS;
    }
    return ARG_BAD;
}

static void bad_word(const char *s)
{
    size_t n = strlen(s);
    int digits = n > 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            digits = 0;
    if (digits)
        cli_error("'%s' is not a status code: codes are three digits, from 100 to 599", s);
    else if (n == 3 && (s[1] == 'x' || s[1] == 'X'))
        cli_error("'%s' is not a class: classes are 1xx, 2xx, 3xx, 4xx and 5xx", s);
    else
        cli_error("'%s' is not a status code or class; to search the text, try: httpstatus search %s", s, s);
}

static int db_failed(struct hs_db *db)
{
    cli_error("%s", hsdb_error(db));
    return EXIT_USAGE;
}

/* ---- commands ---------------------------------------------------------------------------- */

static int cmd_lookup(struct hs_db *db, const struct cli_opts *o, const struct out *out)
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
        kinds[i] = classify(o->args[i], &values[i]);
        if (kinds[i] == ARG_BAD) {
            bad_word(o->args[i]);
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
                return db_failed(db);
            }
            if (o->json) {
                struct hs_group *g;
                size_t ng;
                if (hsdb_groups_of(db, values[i], &g, &ng) != HS_OK) {
                    hs_code_free(c);
                    sb_free(&js);
                    return db_failed(db);
                }
                if (printed++)
                    sb_putc(&js, ',');
                json_code(&js, c, g, ng);
                hs_groups_free(g, ng);
            } else {
                if (printed++)
                    fputc('\n', stdout);
                struct doc *d = doc_code(c, out->width, out->ascii);
                print_doc(out, d, c->e.klass);
                doc_free(d);
            }
            hs_code_free(c);
        } else {
            struct hs_class *k;
            struct hs_entries codes;
            enum hs_status s = hsdb_class(db, values[i], &k);
            if (s != HS_OK) {
                sb_free(&js);
                return db_failed(db);
            }
            s = hsdb_list(db, values[i], &codes);
            if (s != HS_OK && s != HS_NOTFOUND) {
                hs_class_free(k);
                sb_free(&js);
                return db_failed(db);
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
                print_doc(out, d, k->klass);
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
        flush_sb(&js);
    }
    sb_free(&js);
    return status;
}

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
    put_styled(out, class_color(e->klass), num, num_len);
    if (out->width <= 0 || out->width > 3)
        fwrite(fit.buf, 1, fit.len, stdout);
    fputc('\n', stdout);
    sb_free(&fit);
    sb_free(&b);
}

static int cmd_list(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    int klass = 0;
    if (o->n_args > 1) {
        cli_error("list takes at most one class, like 'httpstatus list 4xx'");
        return EXIT_USAGE;
    }
    if (o->n_args == 1) {
        const char *a = o->args[0];
        int v;
        if (classify(a, &v) == ARG_CLASS)
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
        return db_failed(db);
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
        flush_sb(&js);
        sb_free(&js);
    } else {
        for (size_t i = 0; i < l.n; i++)
            list_line(out, &l.v[i]);
    }
    hs_entries_free(&l);
    return l.n || s == HS_OK ? EXIT_FOUND : EXIT_NOTFOUND;
}

/* Print a snippet: \x01..\x02 marks the match (emphasised on a terminal). */
static void snippet_text(struct sb *b, const char *snip, int ascii, int emphasis)
{
    const char *p = snip;
    while (*p) {
        size_t n = strcspn(p, "\x01\x02");
        txt_sanitize_into(b, p, n, 0, ascii);
        p += n;
        if (*p == '\x01' || *p == '\x02') {
            if (emphasis)
                sb_puts(b, *p == '\x01' ? "\x01" : "\x02");
            p++;
        }
    }
}

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

static int cmd_search(struct hs_db *db, const struct cli_opts *o, const struct out *out)
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
            return db_failed(db);
        }
        sb_free(&q);
        return EXIT_NOTFOUND;
    }
    sb_free(&q);
    if (s != HS_OK)
        return db_failed(db);
    struct sb b;
    sb_init(&b);
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
            sb_printf(&b, ",\"score\":%.4f}", -h.v[i].score);
        }
        sb_puts(&b, "]\n");
        flush_sb(&b);
    } else {
        for (size_t i = 0; i < h.n; i++) {
            const struct hs_hit *hit = &h.v[i];
            sb_reset(&b);
            sb_printf(&b, "%d  ", hit->e.code);
            size_t code_end = b.len;
            txt_sanitize_into(&b, hit->e.phrase, strlen(hit->e.phrase), 0, out->ascii);
            size_t phrase_end = b.len;
            sb_puts(&b, "  ");
            snippet_text(&b, hit->snippet, out->ascii, 1);
            /* Cut to the width, counting only visible characters. */
            struct sb vis;
            sb_init(&vis);
            sb_puts(&vis, "");
            for (size_t k = 0; k < b.len; k++)
                if (b.buf[k] != '\x01' && b.buf[k] != '\x02')
                    sb_putc(&vis, b.buf[k]);
            size_t keep = b.len;
            if (out->width > 0 && txt_width(vis.buf, vis.len) > out->width) {
                struct sb cut;
                sb_init(&cut);
                sb_puts(&cut, "");
                txt_fit(&cut, vis.buf, out->width - 1, 0, out->ascii);
                /* Map the visible length back onto b. */
                size_t v = 0;
                keep = 0;
                while (keep < b.len && v < cut.len) {
                    if (b.buf[keep] != '\x01' && b.buf[keep] != '\x02')
                        v++;
                    keep++;
                }
                sb_free(&cut);
            }
            sb_free(&vis);
            for (size_t k = 0; k < keep; k++) {
                char ch = b.buf[k];
                if (k == 0 && out->color)
                    fputs(class_color(hit->e.klass), stdout);
                if (k == code_end && out->color)
                    fputs(SGR_RESET "\033[1m", stdout);
                if (k == phrase_end && out->color)
                    fputs(SGR_RESET, stdout);
                if (ch == '\x01') {
                    if (out->color)
                        fputs("\033[1;4m", stdout);
                    continue;
                }
                if (ch == '\x02') {
                    if (out->color)
                        fputs(SGR_RESET, stdout);
                    continue;
                }
                fputc(ch, stdout);
            }
            if (keep < b.len)
                fputs(out->ascii ? "~" : "\xE2\x80\xA6", stdout);
            if (out->color)
                fputs(SGR_RESET, stdout);
            fputc('\n', stdout);
        }
    }
    sb_free(&b);
    hs_hits_free(&h);
    return EXIT_FOUND;
}

static int cmd_compare(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    int codes[8];
    size_t n = 0;
    if (o->n_args == 0) {
        cli_error("compare needs codes, like: httpstatus compare 302 303 307 (or one code for its group)");
        return EXIT_USAGE;
    }
    if (o->n_args > 8) {
        cli_error("compare takes at most 8 codes");
        return EXIT_USAGE;
    }
    for (int i = 0; i < o->n_args; i++) {
        int v;
        if (classify(o->args[i], &v) != ARG_CODE) {
            bad_word(o->args[i]);
            return EXIT_USAGE;
        }
        codes[n++] = v;
    }
    char *group_title = NULL;
    if (n == 1) {
        struct hs_group *g;
        size_t ng;
        if (hsdb_groups_of(db, codes[0], &g, &ng) != HS_OK)
            return db_failed(db);
        if (ng == 0) {
            struct hs_code *c;
            enum hs_status s = hsdb_code(db, codes[0], &c);
            hs_code_free(c);
            if (s == HS_NOTFOUND) {
                cli_error("no status code %d is known", codes[0]);
                return EXIT_NOTFOUND;
            }
            if (s != HS_OK)
                return db_failed(db);
            cli_error("%d is in no comparison group; name the codes to compare, like: httpstatus compare %d 404", codes[0], codes[0]);
            return EXIT_USAGE;
        }
        n = g[0].n < 8 ? g[0].n : 8;
        memcpy(codes, g[0].codes, n * sizeof codes[0]);
        group_title = xstrdup(g[0].title);
        hs_groups_free(g, ng);
    }
    struct hs_code *c[8] = {0};
    int status = EXIT_FOUND;
    for (size_t i = 0; i < n; i++) {
        enum hs_status s = hsdb_code(db, codes[i], &c[i]);
        if (s == HS_NOTFOUND) {
            cli_error("no status code %d is known (see 'httpstatus list')", codes[i]);
            status = EXIT_NOTFOUND;
        } else if (s != HS_OK) {
            status = db_failed(db);
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
                    status = db_failed(db);
                    break;
                }
                if (i)
                    sb_putc(&js, ',');
                json_code(&js, c[i], g, ng);
                hs_groups_free(g, ng);
            }
            sb_puts(&js, "]\n");
            if (status == EXIT_FOUND)
                flush_sb(&js);
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
                put_styled(out, "\033[1m", h.buf, h.len);
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

static int cmd_version(struct hs_db *db, const struct out *out)
{
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
        return db_failed(db);
    }
    return EXIT_FOUND;
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    long v;
    if (c && parse_uint(c, 10000, &v) == 0 && v > 0)
        return (int)v;
    return 80;
}

int cli_run(struct hs_db *db, const struct cli_opts *o)
{
    struct out out;
    int tty = isatty(STDOUT_FILENO);
    const char *nc = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (o->color == 1)
        out.color = 1;
    else if (o->color == 0)
        out.color = 0;
    else
        out.color = tty && !(nc && *nc) && term && *term && strcmp(term, "dumb") != 0;
    if (o->json)
        out.color = 0;
    out.width = o->width >= 0 ? o->width : tty ? terminal_width() : 80;
    out.ascii = o->ascii;

    switch (o->cmd) {
    case CMD_HELP:
        cli_usage(0);
        return EXIT_FOUND;
    case CMD_VERSION:
        return cmd_version(db, &out);
    case CMD_LOOKUP:
        return cmd_lookup(db, o, &out);
    case CMD_LIST:
    case CMD_BROWSE:
        return cmd_list(db, o, &out);
    case CMD_SEARCH:
        return cmd_search(db, o, &out);
    case CMD_COMPARE:
        return cmd_compare(db, o, &out);
    }
    return EXIT_USAGE;
}
