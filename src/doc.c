/* doc.c — see doc.h. */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static struct doc_line *add(struct doc *d, enum doc_kind kind, char *text)
{
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 64;
        d->v = xrealloc(d->v, d->cap * sizeof *d->v);
    }
    struct doc_line *l = &d->v[d->n++];
    memset(l, 0, sizeof *l);
    l->kind = kind;
    l->text = text;
    return l;
}

static void blank(struct doc *d)
{
    if (d->n && d->v[d->n - 1].kind != DOC_BLANK)
        add(d, DOC_BLANK, xstrdup(""));
}

static char *fitted(const char *s, int width, int ascii);

/* Wrap sanitised text to width: the first line starts with the prefix first, the others
 * with indent spaces. Never wider than width (when width > 0). */
static void wrapped(struct doc *d, enum doc_kind kind, const char *raw, const char *first,
                    int indent, int width, int ascii)
{
    char *clean = txt_sanitize(raw, 0, ascii);
    int fw = txt_width(first, strlen(first));
    if (width > 0 && indent > width / 2)
        indent = width / 2;                   /* very narrow: keep some room for text */
    int w1 = width > 0 ? width - fw : 0;
    int w2 = width > 0 ? width - indent : 0;
    int own_line = 0;
    if (width > 0 && w1 < 8 && w1 < w2) {
        own_line = 1;                         /* prefix too wide: text starts below it */
        w1 = w2;
    }
    if (width > 0 && w1 < 1)
        w1 = 1;
    if (width > 0 && w2 < 1)
        w2 = 1;
    size_t *st, *ln;
    size_t n = txt_wrap_hang(clean, w1, w2, &st, &ln);
    if (own_line) {
        char *p = fitted(first, width, ascii);
        size_t pl = strlen(p);
        while (pl && p[pl - 1] == ' ')
            p[--pl] = '\0';
        add(d, kind, p);
    }
    for (size_t i = 0; i < n; i++) {
        struct sb b;
        sb_init(&b);
        if (i == 0 && !own_line)
            sb_puts(&b, first);
        else
            for (int k = 0; k < indent; k++)
                sb_putc(&b, ' ');
        sb_putn(&b, clean + st[i], ln[i]);
        char *line = sb_steal(&b);
        if (width > 0 && txt_width(line, strlen(line)) > width) {
            struct sb c;
            sb_init(&c);
            sb_puts(&c, "");
            txt_fit(&c, line, width, 0, ascii);
            free(line);
            line = sb_steal(&c);
        }
        add(d, kind, line);
    }
    free(st);
    free(ln);
    free(clean);
}

static char *fitted(const char *s, int width, int ascii)
{
    char *clean = txt_sanitize(s, 0, ascii);
    if (width <= 0)
        return clean;
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    txt_fit(&b, clean, width, 1, ascii);
    free(clean);
    return sb_steal(&b);
}

/* A section body: paragraphs (one per line), list items ("  • "), blank lines. */
static void body(struct doc *d, const char *kind, const char *text, int width, int ascii)
{
    int pre = strcmp(kind, "example") == 0;
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *line = xstrndup(p, n);
        p = e ? e + 1 : p + n;
        if (pre) {
            /* Shown as written: indented two, cut (not wrapped) at the width. */
            struct sb b;
            sb_init(&b);
            sb_puts(&b, "  ");
            txt_sanitize_into(&b, line, n, 0, ascii);
            char *s = sb_steal(&b);
            if (width > 0 && txt_width(s, strlen(s)) > width) {
                struct sb c;
                sb_init(&c);
                txt_fit(&c, s, width, 1, ascii);
                free(s);
                s = sb_steal(&c);
            }
            add(d, n ? DOC_PRE : DOC_BLANK, s);
        } else if (n == 0) {
            blank(d);
        } else {
            const char *q = line;
            while (*q == ' ')
                q++;
            if (strncmp(q, "\xE2\x80\xA2", 3) == 0) {       /* "•" list item */
                q += 3;
                while (*q == ' ')
                    q++;
                wrapped(d, DOC_BULLET, q, ascii ? "  * " : "  \xE2\x80\xA2 ", 4, width, ascii);
            } else {
                wrapped(d, DOC_TEXT, q, "  ", 2, width, ascii);
            }
        }
        free(line);
    }
}

const char *doc_kind_heading(const char *kind)
{
    static const struct {
        const char *kind, *heading;
    } map[] = {
        {"rest", "REST advice"}, {"rfc", "Specification"}, {"wikipedia", "Wikipedia"},
        {"vendor", "Vendor meaning"}, {"description", "Description"}, {"change", "What changed"},
        {"example", "Example"}, {"page", "About the texts"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(kind, map[i].kind) == 0)
            return map[i].heading;
    return "Notes";
}

static void heading(struct doc *d, const char *head, const char *source, int width, int ascii)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, head);
    size_t key = b.len;
    if (source && *source) {
        sb_puts(&b, ascii ? " - " : " \xE2\x80\x94 ");
        txt_sanitize_into(&b, source, strlen(source), 0, ascii);
    }
    char *s = sb_steal(&b);
    char *f = fitted(s, width, ascii);
    free(s);
    struct doc_line *l = add(d, DOC_HEADING, f);
    l->key_len = key < strlen(f) ? key : strlen(f);
}

static void section(struct doc *d, const struct hs_section *s, int width, int ascii)
{
    blank(d);
    const char *src = s->source;
    if (strcmp(src, doc_kind_heading(s->kind)) == 0)
        src = NULL;                            /* "Wikipedia — Wikipedia" */
    else if (strcmp(s->kind, "vendor") == 0 || strcmp(s->kind, "example") == 0 || strcmp(s->kind, "description") == 0) {
        if (strcmp(src, "httpstatus") == 0)
            src = NULL;
    }
    heading(d, doc_kind_heading(s->kind), src, width, ascii);
    body(d, s->kind, s->body, width, ascii);
}

#define FACT_KEY 16

static void fact(struct doc *d, const char *label, const char *value, int width, int ascii)
{
    if (!value || !*value)
        return;
    struct sb first;
    sb_init(&first);
    sb_printf(&first, "  %-*s", FACT_KEY - 2, label);
    size_t key = first.len;
    size_t before = d->n;
    wrapped(d, DOC_FACT, value, first.buf, FACT_KEY, width, ascii);
    if (d->n > before)
        d->v[before].key_len = key < strlen(d->v[before].text) ? key : strlen(d->v[before].text);
    sb_free(&first);
}

const char *doc_retry_words(const char *retry)
{
    if (!retry || !*retry)
        return "";
    if (strcmp(retry, "yes") == 0)
        return "yes";
    if (strcmp(retry, "no") == 0)
        return "no";
    if (strcmp(retry, "after-change") == 0)
        return "only after changing the request";
    if (strcmp(retry, "after-delay") == 0)
        return "yes, after a delay";
    return retry;
}

const char *doc_status_word(char status)
{
    switch (status) {
    case 'u': return "unofficial";
    case 'o': return "obsolete";
    case 'r': return "reserved";
    default: return "standard";
    }
}

struct doc_looks doc_looks_of(enum doc_kind kind)
{
    static const struct doc_looks looks[] = {
        [DOC_BLANK] = {LOOK_PLAIN, LOOK_PLAIN},
        [DOC_TITLE] = {LOOK_TITLE, LOOK_TITLE},
        [DOC_META] = {LOOK_DIM, LOOK_DIM},
        [DOC_SUMMARY] = {LOOK_PLAIN, LOOK_PLAIN},
        [DOC_HEADING] = {LOOK_HEADING, LOOK_DIM},     /* the heading, then its source */
        [DOC_FACT] = {LOOK_DIM, LOOK_PLAIN},          /* the label, then the value */
        [DOC_TEXT] = {LOOK_PLAIN, LOOK_PLAIN},
        [DOC_BULLET] = {LOOK_PLAIN, LOOK_PLAIN},
        [DOC_PRE] = {LOOK_PRE, LOOK_PRE},
        [DOC_LINK] = {LOOK_LINK, LOOK_PLAIN},         /* the code and phrase, then why */
        [DOC_ROW] = {LOOK_LINK, LOOK_PLAIN},
    };
    if ((size_t)kind >= sizeof looks / sizeof looks[0])
        return looks[DOC_TEXT];
    return looks[kind];
}

const char *doc_class_range(int klass)
{
    static const char *const r[] = {"?xx", "1xx", "2xx", "3xx", "4xx", "5xx"};
    return klass >= 1 && klass <= 5 ? r[klass] : r[0];
}

void doc_const_label(const char *lang, const char **label, const char **prefix, const char **suffix)
{
    static const struct {
        const char *lang, *label, *prefix, *suffix;
    } map[] = {
        {"python", "Python", "HTTPStatus.", ""},
        {"go", "Go", "http.", ""},
        {"rust", "Rust", "StatusCode::", ""},
        {"node", "Node", "STATUS_CODES: '", "'"},
        {"java", "Spring", "HttpStatus.", ""},
        {"dotnet", ".NET", "HttpStatusCode.", ""},
        {"rails", "Rails", "", ""},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(lang, map[i].lang) == 0) {
            *label = map[i].label;
            *prefix = map[i].prefix;
            *suffix = map[i].suffix;
            return;
        }
    *label = lang;
    *prefix = "";
    *suffix = "";
}

static void link_line(struct doc *d, enum doc_kind kind, int code, const char *phrase, const char *reason,
                      char status, int width, int ascii)
{
    struct sb b;
    sb_init(&b);
    sb_printf(&b, "  %d ", code);
    txt_sanitize_into(&b, phrase, strlen(phrase), 0, ascii);
    size_t key = b.len;
    char *first = sb_steal(&b);
    if (reason && *reason) {
        struct sb f;
        sb_init(&f);
        sb_puts(&f, first);
        sb_puts(&f, ascii ? " - " : " \xE2\x80\x94 ");
        size_t before = d->n;
        wrapped(d, kind, reason, f.buf, 6, width, ascii);
        for (size_t i = before; i < d->n; i++)
            d->v[i].link = code;
        if (d->n > before) {
            d->v[before].key_len = key < strlen(d->v[before].text) ? key : strlen(d->v[before].text);
            d->v[before].status = status;
        }
        sb_free(&f);
    } else {
        char *f = fitted(first, width, ascii);
        struct doc_line *l = add(d, kind, f);
        l->link = code;
        l->key_len = key < strlen(f) ? key : strlen(f);
        l->status = status;
    }
    free(first);
}

struct doc *doc_code(const struct hs_code *c, int width, int ascii)
{
    struct doc *d = xcalloc(1, sizeof *d);
    struct sb b;
    const char *dot = ascii ? " - " : " \xC2\xB7 ";

    sb_init(&b);
    sb_printf(&b, "%d ", c->e.code);
    sb_puts(&b, c->e.phrase);
    char *t = sb_steal(&b);
    add(d, DOC_TITLE, fitted(t, width, ascii));
    free(t);

    sb_printf(&b, "%s %s%s%s%s", doc_class_range(c->e.klass), c->class_title, dot, doc_status_word(c->e.status), dot);
    sb_puts(&b, c->spec);
    if (c->e.top10) {
        sb_puts(&b, dot);
        sb_puts(&b, "REST Top 10");
    }
    t = sb_steal(&b);
    wrapped(d, DOC_META, t, "", 0, width, ascii);
    free(t);
    wrapped(d, DOC_SUMMARY, c->e.summary, "", 0, width, ascii);

    blank(d);
    heading(d, "Facts", NULL, width, ascii);
    struct sb v;
    sb_init(&v);
    for (size_t i = 0; i < c->n_aliases; i++) {
        if (i)
            sb_puts(&v, ", ");
        sb_puts(&v, c->aliases[i]);
    }
    fact(d, "Also known as", v.buf, width, ascii);
    sb_reset(&v);
    for (size_t i = 0; i < c->n_vendors; i++) {
        if (i)
            sb_puts(&v, ", ");
        sb_puts(&v, c->vendors[i]);
    }
    fact(d, "Used by", v.buf, width, ascii);
    sb_reset(&v);
    if (*c->cacheable)
        fact(d, "Cacheable", strcmp(c->cacheable, "yes") == 0 ? "yes, by default (heuristically)" : "no, not by default", width, ascii);
    if (*c->permanence) {
        sb_puts(&v, c->permanence);
        if (*c->method)
            sb_puts(&v, strcmp(c->method, "yes") == 0 ? "; the method may change to GET" : "; the method and body are kept");
        fact(d, "Redirect", v.buf, width, ascii);
        sb_reset(&v);
    }
    fact(d, "Headers", c->headers, width, ascii);
    fact(d, "Safe to retry", doc_retry_words(c->resend), width, ascii);
    sb_free(&v);

    for (size_t i = 0; i < c->n_sections; i++)
        section(d, &c->sections[i], width, ascii);

    if (c->n_related) {
        blank(d);
        heading(d, "Related", NULL, width, ascii);
        for (size_t i = 0; i < c->n_related; i++)
            link_line(d, DOC_LINK, c->related[i].code, c->related[i].phrase, c->related[i].reason, 's', width, ascii);
    }
    if (c->n_consts) {
        blank(d);
        heading(d, "In code", NULL, width, ascii);
        for (size_t i = 0; i < c->n_consts; i++) {
            const char *label, *prefix, *suffix;
            doc_const_label(c->consts[i].lang, &label, &prefix, &suffix);
            struct sb k;
            sb_init(&k);
            sb_printf(&k, "%s%s%s", prefix, c->consts[i].name, suffix);
            fact(d, label, k.buf, width, ascii);
            sb_free(&k);
        }
    }
    return d;
}

struct doc *doc_class(const struct hs_class *k, const struct hs_entries *codes, int width, int ascii)
{
    struct doc *d = xcalloc(1, sizeof *d);
    struct sb b;
    sb_init(&b);
    sb_printf(&b, "%s ", doc_class_range(k->klass));
    sb_puts(&b, k->title);
    char *t = sb_steal(&b);
    add(d, DOC_TITLE, fitted(t, width, ascii));
    free(t);
    wrapped(d, DOC_SUMMARY, k->summary, "", 0, width, ascii);
    for (size_t i = 0; i < k->n_sections; i++)
        section(d, &k->sections[i], width, ascii);
    blank(d);
    heading(d, "Codes", NULL, width, ascii);
    for (size_t i = 0; i < codes->n; i++) {
        const struct hs_entry *e = &codes->v[i];
        struct sb p;
        sb_init(&p);
        sb_puts(&p, e->phrase);
        if (e->status != 's') {
            sb_printf(&p, " (%s)", doc_status_word(e->status));
        }
        link_line(d, DOC_ROW, e->code, p.buf, NULL, e->status, width, ascii);
        sb_free(&p);
    }
    return d;
}

void doc_free(struct doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        free(d->v[i].text);
    free(d->v);
    free(d);
}
