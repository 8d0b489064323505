/* sheet.c — see sheet.h. One writer per format, each a table of the same operations; the
 * cheat sheet and the full documentation walk the data once and call the writer. */
#include "sheet.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int sheet_format_named(const char *name, enum sheet_format *out)
{
    static const struct {
        const char *name;
        enum sheet_format f;
    } names[] = {
        {"text", SHEET_TEXT}, {"txt", SHEET_TEXT}, {"markdown", SHEET_MARKDOWN}, {"md", SHEET_MARKDOWN},
        {"html", SHEET_HTML}, {"roff", SHEET_ROFF}, {"ms", SHEET_ROFF},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(name, names[i].name) == 0) {
            *out = names[i].f;
            return 0;
        }
    return -1;
}

/* ---- escaping ------------------------------------------------------------------------- */

static void html_escape(struct sb *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': sb_puts(b, "&amp;"); break;
        case '<': sb_puts(b, "&lt;"); break;
        case '>': sb_puts(b, "&gt;"); break;
        case '"': sb_puts(b, "&quot;"); break;
        case '\'': sb_puts(b, "&#39;"); break;
        default: sb_putc(b, *s);
        }
    }
}

/* CommonMark: a backslash before any ASCII punctuation makes it literal. Inline markup
 * characters are escaped everywhere; block markers only where a line starts. */
static void md_escape(struct sb *b, const char *s, int at_line_start)
{
    if (at_line_start) {
        while (*s == ' ')
            s++;
        if (*s && strchr(">-+=", *s)) {
            sb_putc(b, '\\');
            sb_putc(b, *s++);
        }
        const char *d = s;
        while (*d >= '0' && *d <= '9')
            d++;
        if (d > s && (*d == '.' || *d == ')')) {
            sb_putn(b, s, (size_t)(d - s));
            sb_putc(b, '\\');
            s = d;
        }
    }
    for (; *s; s++) {
        if (strchr("\\`*_[]<>|&~#!", *s))
            sb_putc(b, '\\');
        sb_putc(b, *s);
    }
}

/* Code points our roff output writes as \[uXXXX]: Latin-1 and the typographic marks the
 * texts use, all in groff's standard PDF fonts (checked with groff -ww). Others are folded
 * to ASCII. */
static int roff_glyph(uint32_t cp)
{
    static const uint32_t ok[] = {
        0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030,
        0x2032, 0x2033, 0x20AC, 0x2122, 0x2190, 0x2192, 0x2212, 0x2260, 0x2264, 0x2265,
    };
    if (cp >= 0xA1 && cp <= 0xFF && cp != 0xAD)
        return 1;
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (ok[i] == cp)
            return 1;
    return 0;
}

/* roff: a backslash is the escape character, '.' and '\'' start requests at the start of
 * a line, '-' is a hyphen unless written \-; only ASCII goes out, other characters as
 * \[uXXXX] glyph names or folded to ASCII. */
static void roff_escape(struct sb *b, const char *s, int at_line_start)
{
    if (at_line_start) {
        while (*s == ' ')
            s++;
        if (*s == '.' || *s == '\'')
            sb_puts(b, "\\&");
    }
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = txt_decode(s + i, n - i, &cp);
        if (cp == '\\')
            sb_puts(b, "\\(rs");
        else if (cp == '-')
            sb_puts(b, "\\-");
        else if (cp == '\'')
            sb_puts(b, "\\(aq");
        else if (cp == '`')
            sb_puts(b, "\\(ga");
        else if (cp < 0x80)
            sb_putc(b, (char)cp);
        else if (roff_glyph(cp))
            sb_printf(b, "\\[u%04X]", (unsigned)cp);
        else {
            struct sb one;
            sb_init(&one);
            sb_puts(&one, "");
            txt_sanitize_into(&one, s + i, k, 0, 1);
            for (size_t j = 0; j < one.len; j++) {
                char c = one.buf[j];
                if (c == '\\')
                    sb_puts(b, "\\(rs");
                else if (c == '-')
                    sb_puts(b, "\\-");
                else
                    sb_putc(b, c);
            }
            sb_free(&one);
        }
        i += k;
    }
}

void sheet_escape(struct sb *out, enum sheet_format f, const char *s, int at_line_start)
{
    switch (f) {
    case SHEET_HTML: html_escape(out, s); break;
    case SHEET_MARKDOWN: md_escape(out, s, at_line_start); break;
    case SHEET_ROFF: roff_escape(out, s, at_line_start); break;
    default: sb_puts(out, s);
    }
}

/* ---- the writers ---------------------------------------------------------------------- */

struct w {
    struct sb *b;
    const struct sheet_opts *o;
    enum sheet_format f;
    int open;          /* a table or list is open */
};

/* One cheat-sheet line, its parts sanitised (not escaped). */
struct entry {
    char code[8];
    const char *phrase;
    const char *marks;     /* already in the format's own notation */
    const char *summary;
};

struct writer {
    void (*begin)(struct w *w, const char *title);
    void (*para)(struct w *w, const char *text);              /* our own words, plain */
    void (*part)(struct w *w, const char *title);             /* "Standard codes" */
    void (*klass)(struct w *w, const char *title);            /* "4xx Client Error" (sanitised) */
    void (*entry)(struct w *w, const struct entry *e);
    void (*close)(struct w *w);                               /* end a run of entries */
    void (*doc_start)(struct w *w);
    void (*block)(struct w *w, enum doc_kind kind, const struct doc_line *v, size_t n);
    void (*doc_end)(struct w *w);
    void (*end)(struct w *w);
};

static void esc(struct w *w, const char *s, int at_line_start)
{
    sheet_escape(w->b, w->f, s, at_line_start);
}

/* Parts of a document line built at width 0: its key (label, code and phrase) and the
 * rest, each without the layout's padding and separators. */
static const char *skip_spaces(const char *s)
{
    while (*s == ' ')
        s++;
    return s;
}

static char *key_of(const struct doc_line *l)
{
    const char *s = l->text;
    size_t n = l->key_len;
    while (n && *s == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    return xstrndup(s, n);
}

static const char *rest_of(const struct doc_line *l)
{
    const char *r = skip_spaces(l->text + l->key_len);
    if (strncmp(r, "\xE2\x80\x94 ", 4) == 0)        /* " — " */
        r += 4;
    else if (strncmp(r, "- ", 2) == 0)
        r += 2;
    return r;
}

static const char *bullet_text(const struct doc_line *l)
{
    const char *s = skip_spaces(l->text);
    if (strncmp(s, "\xE2\x80\xA2", 3) == 0)
        s += 3;
    else if (*s == '*')
        s++;
    return skip_spaces(s);
}

/* -- text -- */

static void text_fit_line(struct w *w, const char *s)
{
    if (w->o->width > 0 && txt_width(s, strlen(s)) > w->o->width)
        txt_fit(w->b, s, w->o->width, 1, w->o->ascii);
    else
        sb_puts(w->b, s);
    sb_putc(w->b, '\n');
}

static void text_rule(struct w *w, const char *title, const char *ch)
{
    text_fit_line(w, title);
    int n = txt_width(title, strlen(title));
    if (w->o->width > 0 && n > w->o->width)
        n = w->o->width;
    for (int i = 0; i < n; i++)
        sb_puts(w->b, ch);
    sb_putc(w->b, '\n');
}

static void text_begin(struct w *w, const char *title)
{
    text_rule(w, title, "=");
}

static void text_wrap(struct w *w, const char *first, int indent, const char *s)
{
    int width = w->o->width;
    int room = width > 0 ? width - indent : 0;
    if (width > 0 && room < 10)
        room = 10;
    size_t *st, *ln;
    size_t n = txt_wrap(s, room, &st, &ln);
    for (size_t i = 0; i < n; i++) {
        struct sb line;
        sb_init(&line);
        if (i == 0)
            sb_puts(&line, first);
        else
            for (int k = 0; k < indent; k++)
                sb_putc(&line, ' ');
        sb_putn(&line, s + st[i], ln[i]);
        text_fit_line(w, line.buf);
        sb_free(&line);
    }
    free(st);
    free(ln);
}

static void text_para(struct w *w, const char *text)
{
    sb_putc(w->b, '\n');
    text_wrap(w, "", 0, text);
}

static void text_part(struct w *w, const char *title)
{
    sb_putc(w->b, '\n');
    text_rule(w, title, "-");
}

static void text_klass(struct w *w, const char *title)
{
    sb_putc(w->b, '\n');
    text_fit_line(w, title);
}

static void text_entry(struct w *w, const struct entry *e)
{
    struct sb body, first;
    sb_init(&body);
    sb_init(&first);
    sb_puts(&body, e->phrase);
    if (*e->marks) {
        sb_putc(&body, ' ');
        sb_puts(&body, e->marks);
    }
    sb_puts(&body, w->o->ascii ? " - " : " \xE2\x80\x94 ");
    sb_puts(&body, e->summary);
    sb_printf(&first, "  %s  ", e->code);
    text_wrap(w, first.buf, (int)first.len, body.buf);
    sb_free(&body);
    sb_free(&first);
}

static void text_nothing(struct w *w)
{
    (void)w;
}

static void text_doc_start(struct w *w)
{
    if (w->open)
        sb_putc(w->b, '\n');
    w->open = 1;
}

static void text_block(struct w *w, enum doc_kind kind, const struct doc_line *v, size_t n)
{
    (void)kind;
    for (size_t i = 0; i < n; i++) {
        sb_puts(w->b, v[i].text);
        sb_putc(w->b, '\n');
    }
}

/* -- Markdown -- */

static void md_end_list(struct w *w)
{
    if (w->open)
        sb_putc(w->b, '\n');
    w->open = 0;
}

static void md_begin(struct w *w, const char *title)
{
    sb_puts(w->b, "# ");
    esc(w, title, 0);
    sb_puts(w->b, "\n");
}

static void md_para(struct w *w, const char *text)
{
    md_end_list(w);
    sb_putc(w->b, '\n');
    esc(w, text, 1);
    sb_putc(w->b, '\n');
}

static void md_part(struct w *w, const char *title)
{
    md_end_list(w);
    sb_puts(w->b, "\n## ");
    esc(w, title, 0);
    sb_putc(w->b, '\n');
}

static void md_klass(struct w *w, const char *title)
{
    md_end_list(w);
    sb_puts(w->b, "\n### ");
    esc(w, title, 0);
    sb_putc(w->b, '\n');
}

static void md_entry(struct w *w, const struct entry *e)
{
    if (!w->open)
        sb_putc(w->b, '\n');
    w->open = 1;
    sb_printf(w->b, "- **%s ", e->code);
    esc(w, e->phrase, 0);
    sb_puts(w->b, "**");
    if (*e->marks) {
        sb_putc(w->b, ' ');
        sb_puts(w->b, e->marks);
    }
    sb_puts(w->b, " \xE2\x80\x94 ");
    esc(w, e->summary, 0);
    sb_putc(w->b, '\n');
}

static void md_close(struct w *w)
{
    md_end_list(w);
}

static void md_doc_start(struct w *w)
{
    md_end_list(w);
}

static void md_item(struct w *w, const char *key, const char *sep, const char *rest)
{
    sb_puts(w->b, "- ");
    if (key && *key) {
        sb_puts(w->b, "**");
        esc(w, key, 0);
        sb_puts(w->b, "**");
        sb_puts(w->b, sep);
    }
    esc(w, rest, 0);
    sb_putc(w->b, '\n');
}

static void md_block(struct w *w, enum doc_kind kind, const struct doc_line *v, size_t n)
{
    sb_putc(w->b, '\n');
    switch (kind) {
    case DOC_TITLE:
        sb_puts(w->b, "## ");
        esc(w, v[0].text, 0);
        sb_putc(w->b, '\n');
        break;
    case DOC_HEADING: {
        char *k = key_of(&v[0]);
        sb_puts(w->b, "### ");
        esc(w, k, 0);
        const char *r = rest_of(&v[0]);
        if (*r) {
            sb_puts(w->b, " \xE2\x80\x94 ");
            esc(w, r, 0);
        }
        sb_putc(w->b, '\n');
        free(k);
        break;
    }
    case DOC_META:
        sb_putc(w->b, '*');
        esc(w, skip_spaces(v[0].text), 0);
        sb_puts(w->b, "*\n");
        break;
    case DOC_PRE: {
        /* A fence longer than any run of backticks inside. */
        size_t longest = 0;
        for (size_t i = 0; i < n; i++) {
            size_t run = 0;
            for (const char *p = v[i].text; *p; p++) {
                run = *p == '`' ? run + 1 : 0;
                if (run > longest)
                    longest = run;
            }
        }
        size_t fence = longest >= 3 ? longest + 1 : 3;
        for (size_t i = 0; i < fence; i++)
            sb_putc(w->b, '`');
        sb_puts(w->b, "http\n");
        for (size_t i = 0; i < n; i++) {
            const char *t = v[i].text;
            if (strncmp(t, "  ", 2) == 0)
                t += 2;
            sb_puts(w->b, t);
            sb_putc(w->b, '\n');
        }
        for (size_t i = 0; i < fence; i++)
            sb_putc(w->b, '`');
        sb_putc(w->b, '\n');
        break;
    }
    case DOC_FACT:
    case DOC_LINK:
    case DOC_ROW:
        for (size_t i = 0; i < n; i++) {
            char *k = key_of(&v[i]);
            md_item(w, k, kind == DOC_FACT ? ": " : " \xE2\x80\x94 ", rest_of(&v[i]));
            free(k);
        }
        break;
    case DOC_BULLET:
        for (size_t i = 0; i < n; i++)
            md_item(w, NULL, "", bullet_text(&v[i]));
        break;
    default:
        esc(w, v[0].text, 1);
        sb_putc(w->b, '\n');
    }
}

/* -- HTML -- */

static const char html_css[] =
    "body{font:11pt/1.35 system-ui,\"Segoe UI\",Helvetica,Arial,sans-serif;color:#000;background:#fff;"
    "max-width:60em;margin:1.5em auto;padding:0 1em}\n"
    "h1{font-size:1.5em;margin:0 0 .2em}\n"
    "h2{font-size:1.2em;margin:1em 0 .3em;border-bottom:1px solid #666}\n"
    "h3{font-size:1em;margin:.8em 0 .2em}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "th,td{text-align:left;vertical-align:top;padding:.05em .6em .05em 0;font-weight:normal}\n"
    "th.c{font-weight:bold;width:2.2em}\n"
    "td.p{font-weight:bold;white-space:nowrap}\n"
    ".m{font-weight:bold}\n"
    ".legend,.meta,.src,.foot{color:#333}\n"
    ".src{font-weight:normal}\n"
    "table.facts th{white-space:nowrap;color:#333}\n"
    "pre{font-size:.9em;background:#f4f4f4;border-left:3px solid #999;padding:.4em .6em;"
    "white-space:pre-wrap;overflow-wrap:anywhere}\n"
    "section.doc{border-top:2px solid #000;margin-top:1.5em}\n"
    "@page{size:A4;margin:9mm 11mm}\n"
    "@media print{body{font-size:7pt;line-height:1.2;max-width:none;margin:0;padding:0}"
    "h1{font-size:13pt}h2{font-size:10pt;margin:.6em 0 .2em}h3{font-size:8.5pt;margin:.4em 0 .1em}"
    "h2,h3{break-after:avoid}tr,pre,li{break-inside:avoid}pre{background:none}"
    "section.doc{break-before:page;border:0;margin:0}section.doc:first-of-type{break-before:auto}}\n";

static void html_close(struct w *w)
{
    if (w->open)
        sb_puts(w->b, "</table>\n");
    w->open = 0;
}

static void html_begin(struct w *w, const char *title)
{
    sb_puts(w->b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  "<meta name=\"generator\" content=\"httpstatus\">\n<title>");
    esc(w, title, 0);
    sb_puts(w->b, "</title>\n<style>\n");
    sb_puts(w->b, html_css);
    sb_puts(w->b, "</style>\n</head>\n<body>\n<h1>");
    esc(w, title, 0);
    sb_puts(w->b, "</h1>\n");
}

static void html_para(struct w *w, const char *text)
{
    html_close(w);
    sb_puts(w->b, "<p class=\"legend\">");
    esc(w, text, 0);
    sb_puts(w->b, "</p>\n");
}

static void html_part(struct w *w, const char *title)
{
    html_close(w);
    sb_puts(w->b, "<h2>");
    esc(w, title, 0);
    sb_puts(w->b, "</h2>\n");
}

static void html_klass(struct w *w, const char *title)
{
    html_close(w);
    sb_puts(w->b, "<h3>");
    esc(w, title, 0);
    sb_puts(w->b, "</h3>\n");
}

static void html_entry(struct w *w, const struct entry *e)
{
    if (!w->open)
        sb_puts(w->b, "<table>\n");
    w->open = 1;
    sb_printf(w->b, "<tr><th class=\"c\" scope=\"row\">%s</th><td class=\"p\">", e->code);
    esc(w, e->phrase, 0);
    if (*e->marks) {
        sb_puts(w->b, " <span class=\"m\">");
        sb_puts(w->b, e->marks);
        sb_puts(w->b, "</span>");
    }
    sb_puts(w->b, "</td><td>");
    esc(w, e->summary, 0);
    sb_puts(w->b, "</td></tr>\n");
}

static void html_doc_start(struct w *w)
{
    html_close(w);
    sb_puts(w->b, "<section class=\"doc\">\n");
}

static void html_tag(struct w *w, const char *open, const char *s, const char *close)
{
    sb_puts(w->b, open);
    esc(w, s, 0);
    sb_puts(w->b, close);
}

static void html_block(struct w *w, enum doc_kind kind, const struct doc_line *v, size_t n)
{
    switch (kind) {
    case DOC_TITLE:
        html_tag(w, "<h2>", v[0].text, "</h2>\n");
        break;
    case DOC_META:
        html_tag(w, "<p class=\"meta\">", skip_spaces(v[0].text), "</p>\n");
        break;
    case DOC_SUMMARY:
        html_tag(w, "<p><strong>", skip_spaces(v[0].text), "</strong></p>\n");
        break;
    case DOC_HEADING: {
        char *k = key_of(&v[0]);
        html_tag(w, "<h3>", k, "");
        const char *r = rest_of(&v[0]);
        if (*r)
            html_tag(w, " <span class=\"src\">\xE2\x80\x94 ", r, "</span>");
        sb_puts(w->b, "</h3>\n");
        free(k);
        break;
    }
    case DOC_FACT:
        sb_puts(w->b, "<table class=\"facts\">\n");
        for (size_t i = 0; i < n; i++) {
            char *k = key_of(&v[i]);
            html_tag(w, "<tr><th scope=\"row\">", k, "</th>");
            html_tag(w, "<td>", rest_of(&v[i]), "</td></tr>\n");
            free(k);
        }
        sb_puts(w->b, "</table>\n");
        break;
    case DOC_PRE:
        sb_puts(w->b, "<pre>");
        for (size_t i = 0; i < n; i++) {
            const char *t = v[i].text;
            if (strncmp(t, "  ", 2) == 0)
                t += 2;
            esc(w, t, 0);
            if (i + 1 < n)
                sb_putc(w->b, '\n');
        }
        sb_puts(w->b, "</pre>\n");
        break;
    case DOC_BULLET:
    case DOC_LINK:
    case DOC_ROW:
        sb_puts(w->b, "<ul>\n");
        for (size_t i = 0; i < n; i++) {
            sb_puts(w->b, "<li>");
            if (kind == DOC_BULLET) {
                esc(w, bullet_text(&v[i]), 0);
            } else {
                char *k = key_of(&v[i]);
                html_tag(w, "<b>", k, "</b>");
                const char *r = rest_of(&v[i]);
                if (*r)
                    html_tag(w, " \xE2\x80\x94 ", r, "");
                free(k);
            }
            sb_puts(w->b, "</li>\n");
        }
        sb_puts(w->b, "</ul>\n");
        break;
    default:
        html_tag(w, "<p>", skip_spaces(v[0].text), "</p>\n");
    }
}

static void html_doc_end(struct w *w)
{
    sb_puts(w->b, "</section>\n");
}

static void html_end(struct w *w)
{
    html_close(w);
    sb_puts(w->b, "</body>\n</html>\n");
}

/* -- roff (groff -ms) -- */

static void roff_begin(struct w *w, const char *title)
{
    sb_puts(w->b, ".\\\" Made by httpstatus. Print it with:\n"
                  ".\\\"   groff -ms -Tpdf -dpaper=a4 -P-pa4 FILE >FILE.pdf\n"
                  ".pl 29.7c\n.nr PO 1.6c\n.nr LL 17.8c\n.ll 17.8c\n.nr HM 1.3c\n.nr FM 1.6c\n"
                  ".nr PS 8\n.nr VS 9.6\n.nr PD 0.1v\n.nr PI 2n\n.ds CH\n.ds CF \\\\n(PN\n.na\n.TL\n");
    esc(w, title, 1);
    sb_putc(w->b, '\n');
}

static void roff_para(struct w *w, const char *text)
{
    sb_puts(w->b, ".LP\n");
    esc(w, text, 1);
    sb_putc(w->b, '\n');
}

static void roff_part(struct w *w, const char *title)
{
    sb_puts(w->b, ".SH\n\\s+2");
    esc(w, title, 0);
    sb_puts(w->b, "\\s0\n");
}

static void roff_klass(struct w *w, const char *title)
{
    sb_puts(w->b, ".SH\n");
    esc(w, title, 1);
    sb_putc(w->b, '\n');
}

static void roff_entry(struct w *w, const struct entry *e)
{
    sb_printf(w->b, ".IP \\fB%s\\fP 4n\n\\fB", e->code);
    esc(w, e->phrase, 0);
    sb_puts(w->b, "\\fP");
    if (*e->marks) {
        sb_putc(w->b, ' ');
        sb_puts(w->b, e->marks);
    }
    sb_puts(w->b, " \\[em] ");
    esc(w, e->summary, 0);
    sb_putc(w->b, '\n');
}

static void roff_block(struct w *w, enum doc_kind kind, const struct doc_line *v, size_t n)
{
    switch (kind) {
    case DOC_TITLE:
        sb_puts(w->b, ".SH\n\\s+2");
        esc(w, v[0].text, 0);
        sb_puts(w->b, "\\s0\n");
        break;
    case DOC_META:
        sb_puts(w->b, ".LP\n\\fI");
        esc(w, skip_spaces(v[0].text), 0);
        sb_puts(w->b, "\\fP\n");
        break;
    case DOC_HEADING: {
        char *k = key_of(&v[0]);
        sb_puts(w->b, ".LP\n\\fB");
        esc(w, k, 0);
        sb_puts(w->b, "\\fP");
        const char *r = rest_of(&v[0]);
        if (*r) {
            sb_puts(w->b, " \\[em] ");
            esc(w, r, 0);
        }
        sb_putc(w->b, '\n');
        free(k);
        break;
    }
    case DOC_FACT:
        sb_puts(w->b, ".LP\n");
        for (size_t i = 0; i < n; i++) {
            char *k = key_of(&v[i]);
            sb_puts(w->b, "\\fI");
            esc(w, k, 0);
            sb_puts(w->b, "\\fP: ");
            esc(w, rest_of(&v[i]), 0);
            sb_puts(w->b, "\n.br\n");
            free(k);
        }
        break;
    case DOC_PRE:
        sb_puts(w->b, ".LD\n.ft CW\n.ps -1\n");
        for (size_t i = 0; i < n; i++) {
            const char *t = v[i].text;
            if (strncmp(t, "  ", 2) == 0)
                t += 2;
            if (*t == ' ')
                sb_puts(w->b, "\\&");
            esc(w, t, 1);
            sb_putc(w->b, '\n');
        }
        sb_puts(w->b, ".ps\n.ft\n.DE\n");
        break;
    case DOC_BULLET:
    case DOC_LINK:
    case DOC_ROW:
        for (size_t i = 0; i < n; i++) {
            sb_puts(w->b, ".IP \\[u2022] 2n\n");
            if (kind == DOC_BULLET) {
                esc(w, bullet_text(&v[i]), 1);
            } else {
                char *k = key_of(&v[i]);
                sb_puts(w->b, "\\fB");
                esc(w, k, 0);
                sb_puts(w->b, "\\fP");
                const char *r = rest_of(&v[i]);
                if (*r) {
                    sb_puts(w->b, " \\[em] ");
                    esc(w, r, 0);
                }
                free(k);
            }
            sb_putc(w->b, '\n');
        }
        break;
    default:
        sb_puts(w->b, ".LP\n");
        esc(w, v[0].text, 1);
        sb_putc(w->b, '\n');
    }
}

static const struct writer writers[] = {
    [SHEET_TEXT] = {text_begin, text_para, text_part, text_klass, text_entry, text_nothing,
                    text_doc_start, text_block, text_nothing, text_nothing},
    [SHEET_MARKDOWN] = {md_begin, md_para, md_part, md_klass, md_entry, md_close,
                        md_doc_start, md_block, md_close, md_close},
    [SHEET_HTML] = {html_begin, html_para, html_part, html_klass, html_entry, html_close,
                    html_doc_start, html_block, html_doc_end, html_end},
    [SHEET_ROFF] = {roff_begin, roff_para, roff_part, roff_klass, roff_entry, text_nothing,
                    text_nothing, roff_block, text_nothing, text_nothing},
};

/* ---- the cheat sheet ------------------------------------------------------------------ */

/* Marks after the phrase, in the format's notation. */
static const char *marks(const struct w *w, const struct hs_entry *e, char *buf, size_t size)
{
    const char *top, *old, *res;
    if (w->f == SHEET_ROFF) {
        top = "\\(**";
        old = "\\(dg";
        res = "\\(es";
    } else if (w->o->ascii && w->f == SHEET_TEXT) {
        top = "*";
        old = "x";
        res = "-";
    } else {
        top = "\xE2\x98\x85";   /* ★ */
        old = "\xE2\x80\xA0";   /* † */
        res = "\xE2\x88\x85";   /* ∅ */
    }
    snprintf(buf, size, "%s%s%s", e->top10 ? top : "", e->top10 && (e->status == 'o' || e->status == 'r') ? " " : "",
             e->status == 'o' ? old : e->status == 'r' ? res : "");
    return buf;
}

static void legend(struct w *w)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    char m[3][32];
    struct hs_entry top = {.top10 = 1, .status = 's'}, old = {.status = 'o'}, res = {.status = 'r'};
    /* The marks are written raw by the writers (they are markup in roff), so the legend
     * is made of escaped words around them. */
    marks(w, &top, m[0], sizeof m[0]);
    marks(w, &old, m[1], sizeof m[1]);
    marks(w, &res, m[2], sizeof m[2]);
    const char *words[3] = {" REST Top 10 (REST API Tutorial's advice);   ", " obsolete;   ", " reserved: never sent."};
    if (w->f == SHEET_TEXT) {
        for (int i = 0; i < 3; i++) {
            sb_puts(&b, m[i]);
            sb_puts(&b, words[i]);
        }
        writers[w->f].para(w, b.buf);
        sb_free(&b);
        return;
    }
    /* Other formats: the marks are markup, so the paragraph is put together here. */
    struct sb out;
    sb_init(&out);
    for (int i = 0; i < 3; i++) {
        sb_puts(&out, m[i]);
        sheet_escape(&out, w->f, words[i], 0);
    }
    switch (w->f) {
    case SHEET_HTML:
        html_close(w);
        sb_puts(w->b, "<p class=\"legend\">");
        sb_puts(w->b, out.buf);
        sb_puts(w->b, "</p>\n");
        break;
    case SHEET_MARKDOWN:
        md_end_list(w);
        sb_putc(w->b, '\n');
        sb_puts(w->b, out.buf);
        sb_putc(w->b, '\n');
        break;
    default:
        sb_puts(w->b, ".LP\n");
        sb_puts(w->b, out.buf);
        sb_putc(w->b, '\n');
    }
    sb_free(&out);
    sb_free(&b);
}

static void cheat_part(struct w *w, const struct writer *wr, const struct hs_entries *codes, int official,
                       const char *const class_titles[6])
{
    for (int k = 0; k <= 5; k++) {
        int any = 0;
        for (size_t i = 0; i < codes->n; i++) {
            const struct hs_entry *e = &codes->v[i];
            if (e->klass != k || (e->status == 'u') == official)
                continue;
            if (!any) {
                struct sb t;
                sb_init(&t);
                sb_printf(&t, "%s ", k == 0 ? "000" : k == 1 ? "1xx" : k == 2 ? "2xx" : k == 3 ? "3xx" : k == 4 ? "4xx" : "5xx");
                if (class_titles[k])
                    txt_sanitize_into(&t, class_titles[k], strlen(class_titles[k]), 0, w->o->ascii);
                wr->klass(w, t.buf);
                sb_free(&t);
                any = 1;
            }
            struct entry en;
            char mk[64];
            snprintf(en.code, sizeof en.code, "%03d", e->code % 1000);
            char *phrase = txt_sanitize(e->phrase, 0, w->o->ascii);
            char *summary = txt_sanitize(e->summary, 0, w->o->ascii);
            en.phrase = phrase;
            en.summary = summary;
            en.marks = marks(w, e, mk, sizeof mk);
            wr->entry(w, &en);
            free(phrase);
            free(summary);
        }
        if (any)
            wr->close(w);
    }
}

void sheet_cheat(struct sb *out, const struct sheet_opts *o, const struct hs_entries *codes,
                 const char *const class_titles[6])
{
    struct w w = {out, o, o->format, 0};
    const struct writer *wr = &writers[o->format];
    size_t n_official = 0, n_unofficial = 0;
    for (size_t i = 0; i < codes->n; i++) {
        if (codes->v[i].status == 'u')
            n_unofficial++;
        else
            n_official++;
    }
    wr->begin(&w, "HTTP status codes: a cheat sheet");
    legend(&w);
    if (n_official) {
        wr->part(&w, "Standard codes");
        wr->para(&w, "Defined by RFC 9110 and other RFCs, and listed in the IANA registry.");
        cheat_part(&w, wr, codes, 1, class_titles);
    }
    if (n_unofficial) {
        wr->part(&w, "Unofficial codes");
        wr->para(&w, "Used by particular servers, proxies and services, not by the standards: "
                     "expect them only from the software named.");
        cheat_part(&w, wr, codes, 0, class_titles);
    }
    wr->para(&w, "Made with httpstatus, an offline reference: 'httpstatus CODE' shows the whole "
                 "story of a code, 'httpstatus search WORDS' finds one.");
    wr->end(&w);
}

/* ---- the full documentation ----------------------------------------------------------- */

/* Runs of lines that form one block: lists, fact tables, and examples (with the blank
 * lines inside them). */
static int joins(enum doc_kind a, enum doc_kind b)
{
    if (a == DOC_LINK || a == DOC_ROW)
        return b == DOC_LINK || b == DOC_ROW;
    return a == b && (a == DOC_FACT || a == DOC_BULLET || a == DOC_PRE);
}

static void full_doc(struct w *w, const struct writer *wr, const struct doc *d)
{
    wr->doc_start(w);
    if (w->f == SHEET_TEXT) {
        wr->block(w, DOC_TEXT, d->v, d->n);
        return;
    }
    size_t i = 0;
    while (i < d->n) {
        enum doc_kind k = d->v[i].kind;
        if (k == DOC_BLANK) {
            i++;
            continue;
        }
        size_t j = i + 1;
        for (;;) {
            if (j < d->n && joins(k, d->v[j].kind)) {
                j++;
                continue;
            }
            /* Blank lines inside an example belong to it. */
            if (k == DOC_PRE && j < d->n && d->v[j].kind == DOC_BLANK) {
                size_t t = j;
                while (t < d->n && d->v[t].kind == DOC_BLANK)
                    t++;
                if (t < d->n && d->v[t].kind == DOC_PRE) {
                    j = t;
                    continue;
                }
            }
            break;
        }
        wr->block(w, k, d->v + i, j - i);
        i = j;
    }
    wr->doc_end(w);
}

void sheet_full(struct sb *out, const struct sheet_opts *o, struct doc *const *docs, size_t n)
{
    struct w w = {out, o, o->format, 0};
    const struct writer *wr = &writers[o->format];
    if (o->format != SHEET_TEXT)
        wr->begin(&w, "HTTP status codes");
    for (size_t i = 0; i < n; i++)
        full_doc(&w, wr, docs[i]);
    if (o->format != SHEET_TEXT)
        wr->end(&w);
}
