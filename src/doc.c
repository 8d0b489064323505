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
    size_t len = strlen(text);
    while (len && text[len - 1] == ' ')
        text[--len] = '\0';                 /* no line ends in spaces */
    struct doc_line *l = &d->v[d->n++];
    memset(l, 0, sizeof *l);
    l->kind = kind;
    l->text = text;
    l->link = DOC_NO_LINK;
    return l;
}

static void blank(struct doc *d)
{
    if (d->n && d->v[d->n - 1].kind != DOC_BLANK)
        add(d, DOC_BLANK, xstrdup(""));
}

static char *fitted(const char *s, int width, int ascii);

/* Columns of the widest word of s: what a line must hold for no word to be broken. Words
 * end at spaces and after a hyphen inside a word, as txt_wrap breaks them. */
static int widest_word(const char *s)
{
    int best = 0, w = 0, slash = 0;
    size_t len = strlen(s), i = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = txt_decode(s + i, len - i, &cp);
        if (cp == ' ') {
            w = slash = 0;
        } else {
            w += txt_cp_width(cp);
            if (w > best)
                best = w;
            slash |= cp == '/';
            if (cp == '-' && !slash && i > 0 && s[i - 1] != ' ' && i + 1 < len && s[i + 1] != ' ')
                w = 0;
        }
        i += k;
    }
    return best;
}

/* Wrap sanitised text to width: the first line starts with the prefix first, the others
 * with indent spaces. Never wider than width (when width > 0). When a word would not fit
 * beside a wide prefix ("  Headers       WWW-Authe" / "nticate"), the text starts on the
 * line below the prefix with a small indent; a word wider than any line is hyphenated. */
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
    if (width > 0 && indent > 4 && widest_word(clean) > w2) {
        indent = 4;                           /* a long word: room for it under the prefix */
        w2 = width - indent;
    }
    if (width > 0 && (w1 < 8 || widest_word(clean) > w1) && w1 < w2) {
        own_line = 1;                         /* prefix too wide: text starts below it */
        if (indent > 4) {
            indent = 4;
            w2 = width - indent;
        }
        w1 = w2;
    }
    if (width > 0 && w1 < 1)
        w1 = 1;
    if (width > 0 && w2 < 1)
        w2 = 1;
    if (own_line) {
        /* The prefix alone, wrapped too (a label is never cut), under its own indent. */
        size_t lead = strspn(first, " ");
        if ((int)lead > width / 2)
            lead = 0;
        char *p = xstrdup(first + lead);
        size_t pl = strlen(p);
        while (pl && p[pl - 1] == ' ')
            p[--pl] = '\0';
        char **pv;
        size_t pn = txt_wrap_lines(p, width - (int)lead, width - (int)lead, &pv);
        for (size_t i = 0; i < pn; i++) {
            struct sb b;
            sb_init(&b);
            for (size_t k = 0; k < lead; k++)
                sb_putc(&b, ' ');
            sb_puts(&b, pv[i]);
            free(pv[i]);
            add(d, kind, sb_steal(&b));
        }
        free(pv);
        free(p);
    }
    char **lines;
    size_t n = txt_wrap_lines(clean, w1, w2, &lines);
    for (size_t i = 0; i < n; i++) {
        struct sb b;
        sb_init(&b);
        if (i == 0 && !own_line)
            sb_puts(&b, first);
        else
            for (int k = 0; k < indent; k++)
                sb_putc(&b, ' ');
        sb_puts(&b, lines[i]);
        free(lines[i]);
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
    free(lines);
    free(clean);
}

void doc_add_text(struct doc *d, const char *text, int width, int ascii)
{
    blank(d);
    wrapped(d, DOC_TEXT, text, "  ", 2, width, ascii);
}

/* A line of an example, shown as written, indented two. Wider than width, it goes on in
 * the lines below, each starting with a continuation mark ("  ↪ "), broken after a space, a
 * slash, a comma or a semicolon near the end where there is one: nothing of it is cut. */
static void pre_line(struct doc *d, const char *line, size_t n, int width, int ascii)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    txt_sanitize_into(&b, line, n, 0, ascii);
    char *clean = sb_steal(&b);
    size_t len = strlen(clean);
    const char *mark = ascii ? "+ " : "\xE2\x86\xAA ";    /* ↪ */
    if (width <= 0 || 2 + txt_width(clean, len) <= width || width < 8) {
        sb_puts(&b, "  ");
        sb_puts(&b, clean);
        char *s = sb_steal(&b);
        if (width > 0 && txt_width(s, strlen(s)) > width) {
            sb_puts(&b, "");
            txt_fit(&b, s, width, 1, ascii);
            free(s);
            s = sb_steal(&b);
        }
        add(d, n ? DOC_PRE : DOC_BLANK, s);
        free(clean);
        return;
    }
    size_t pos = 0;
    int first = 1;
    while (pos < len) {
        int room = width - (first ? 2 : 4);
        size_t i = pos, last_space = 0;
        int w = 0;
        while (i < len) {
            uint32_t cp;
            size_t k = txt_decode(clean + i, len - i, &cp);
            int cw = txt_cp_width(cp);
            if (w + cw > room)
                break;
            w += cw;
            i += k;
            if (cp == ' ' || cp == '/' || cp == ',' || cp == ';')
                last_space = i;           /* after these, a break reads naturally */
        }
        if (i == pos) {                       /* one character wider than the room */
            uint32_t cp;
            i += txt_decode(clean + i, len - i, &cp);
        } else if (i < len && last_space > pos && txt_width(clean + pos, last_space - pos) * 3 >= room * 2) {
            i = last_space;                   /* such a place in the last third: break there */
        }
        sb_puts(&b, "  ");
        if (!first)
            sb_puts(&b, mark);
        sb_putn(&b, clean + pos, i - pos);
        add(d, DOC_PRE, sb_steal(&b));
        pos = i;
        first = 0;
    }
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
            pre_line(d, line, n, width, ascii);
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
    if (strlen(label) >= FACT_KEY - 2)
        sb_putc(&first, ' ');                  /* "Method on redirect" runs past the column */
    size_t key = first.len;
    size_t before = d->n;
    wrapped(d, DOC_FACT, value, first.buf, FACT_KEY, width, ascii);
    if (d->n > before)
        d->v[before].key_len = key < strlen(d->v[before].text) ? key : strlen(d->v[before].text);
    sb_free(&first);
}

char *doc_spec_url(const char *spec)
{
    /* "RFC 9110 §15.5.5" -> https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5 */
    if (!spec || strncmp(spec, "RFC ", 4) != 0)
        return NULL;
    const char *p = spec + 4;
    size_t nd = strspn(p, "0123456789");
    if (nd == 0 || nd > 5)
        return NULL;
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "https://www.rfc-editor.org/rfc/rfc");
    sb_putn(&b, p, nd);
    p += nd;
    if (strncmp(p, " \xC2\xA7", 3) == 0) {          /* " §" */
        p += 3;
        size_t ns = strspn(p, "0123456789.ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        while (ns && p[ns - 1] == '.')
            ns--;
        if (ns && ns < 32 && (p[ns] == '\0' || p[ns] == ' ' || p[ns] == ',' || p[ns] == ';')) {
            sb_puts(&b, "#section-");
            sb_putn(&b, p, ns);
        }
    }
    return sb_steal(&b);
}


/* A header item's field name: "Content-Range (must, one part)" -> "Content-Range"; NULL
 * when the item does not start with one ("none"). Caller frees. */
static char *header_name(const char *item)
{
    size_t n = 0;
    while ((item[n] >= 'A' && item[n] <= 'Z') || (item[n] >= 'a' && item[n] <= 'z') ||
           (item[n] >= '0' && item[n] <= '9') || item[n] == '-')
        n++;
    if (n == 0 || (item[n] && item[n] != ' ' && item[n] != ':') || strncmp(item, "none", n) == 0)
        return NULL;
    return xstrndup(item, n);
}

/* The Headers fact: one line per header the code names (split at commas outside
 * parentheses), each leading to that header's entry. */
static void header_facts(struct doc *d, const char *headers, int width, int ascii)
{
    if (!headers || !*headers)
        return;
    const char *p = headers;
    int first = 1;
    while (*p) {
        int depth = 0;
        const char *e = p;
        while (*e && !(depth == 0 && *e == ',')) {
            depth += *e == '(' ? 1 : *e == ')' ? -1 : 0;
            e++;
        }
        char *item = xstrndup(p, (size_t)(e - p));
        size_t before = d->n;
        if (first)
            fact(d, "Headers", item, width, ascii);
        else
            wrapped(d, DOC_FACT, item, "                ", FACT_KEY, width, ascii);
        char *name = header_name(item);
        for (size_t i = before; name && i < d->n; i++)
            d->v[i].header = xstrdup(name);
        free(name);
        free(item);
        first = 0;
        p = *e ? e + 1 : e;
        while (*p == ' ')
            p++;
    }
}

const char *doc_resend_words(const char *resend)
{
    static const char *const words[][2] = {
        {"not-needed", "not needed: it succeeded or is interim"},
        {"as-is", "yes, as it is (it may succeed on a new try)"},
        {"after-delay", "yes, after waiting (Retry-After where given)"},
        {"after-change", "only after changing the request"},
        {"no", "no: sending it again will not help"},
    };
    if (!resend)
        return "";
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(resend, words[i][0]) == 0)
            return words[i][1];
    return resend;
}

const char *doc_method_words(const char *method)
{
    if (!method)
        return "";
    if (strcmp(method, "kept") == 0)
        return "kept";
    if (strcmp(method, "may-change") == 0)
        return "may change to GET";
    if (strcmp(method, "changes-to-get") == 0)
        return "changes to GET";
    return method;
}

const char *doc_status_word(char status)
{
    switch (status) {
    case 'u': return "unofficial";
    case 'o': return "obsolete";
    case 'r': return "reserved";
    case 'T': return "temporary";
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
    static const char *const r[] = {"000", "1xx", "2xx", "3xx", "4xx", "5xx"};
    return klass >= 0 && klass <= 5 ? r[klass] : "?xx";
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
    sb_printf(&b, "  %03d ", code);
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
    sb_printf(&b, "%03d ", c->e.code);
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
    fact(d, "Use it when", c->use_when, width, ascii);
    fact(d, "Not when", c->not_when, width, ascii);
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
    if (*c->permanence)
        fact(d, "Redirect", c->permanence, width, ascii);
    if (*c->method) {
        const char *m = strcmp(c->method, "kept") == 0         ? "the method and body are kept"
                        : strcmp(c->method, "may-change") == 0 ? "the method may change to GET (POST becomes GET for historical reasons)"
                        : strcmp(c->method, "changes-to-get") == 0 ? "the method changes to GET: the client fetches Location with GET"
                                                                   : c->method;
        fact(d, "On redirect", m, width, ascii);   /* the method on redirect; fits the key column */
    }
    header_facts(d, c->headers, width, ascii);
    fact(d, "Send again?", doc_resend_words(c->resend), width, ascii);
    char *url = doc_spec_url(c->spec);
    if (url)
        fact(d, "Spec online", url, width, ascii);
    free(url);
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
            if (*c->consts[i].name) {
                sb_printf(&k, "%s%s%s", prefix, c->consts[i].name, suffix);
                if (c->consts[i].old && *c->consts[i].old)
                    sb_printf(&k, " (was %s)", c->consts[i].old);
            } else {
                sb_printf(&k, "%s%s%s; no newer name", prefix, c->consts[i].old ? c->consts[i].old : "", suffix);
            }
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

struct doc *doc_header(const struct hs_header *h, int width, int ascii)
{
    struct doc *d = xcalloc(1, sizeof *d);
    add(d, DOC_TITLE, fitted(h->name, width, ascii));
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "header field");
    if (*h->spec) {
        sb_puts(&b, ascii ? " - " : " \xC2\xB7 ");
        sb_puts(&b, h->spec);
    }
    char *t = sb_steal(&b);
    wrapped(d, DOC_META, t, "", 0, width, ascii);
    free(t);
    wrapped(d, DOC_SUMMARY, h->summary, "", 0, width, ascii);
    if (h->n_rules) {
        blank(d);
        heading(d, "Sent with", NULL, width, ascii);
        for (size_t i = 0; i < h->n_rules; i++) {
            const struct hs_header_rule *r = &h->rules[i];
            sb_printf(&b, "%s: %s", r->level, r->text);
            link_line(d, DOC_LINK, r->code, r->phrase, b.buf, 's', width, ascii);
            sb_reset(&b);
        }
    }
    sb_free(&b);
    if (*h->description) {
        struct hs_section sec = {"description", "httpstatus", h->description};
        section(d, &sec, width, ascii);
    }
    return d;
}

void doc_free(struct doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].text);
        free(d->v[i].header);
    }
    free(d->v);
    free(d);
}
