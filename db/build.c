/* build.c — turns assets/ into db/httpstatus.db.
 *
 *   db/build ASSETS_DIR SCHEMA_SQL OUTPUT_DB
 *
 * Validates the corpus (fields, class from the first digit, duplicates, related codes,
 * group members, header rules, scenarios and vocabulary that name codes that exist, no empty
 * sections) and stops at the first batch of errors with "file:line: message" lines on stderr
 * and exit status 1. The output is written to a temporary file and renamed into place, so a
 * failed build never leaves a half database.
 *
 * Optional files (assets/headers/, scenarios.txt, vocabulary.txt, classes/0xx.txt) may be
 * absent: their tables are then empty. While the helpers move every file to the round-2
 * fields (SPEC: resend, method, use-when, not-when, header files), TRANSITION makes the
 * missing ones warnings ("file:line: warning: ...") instead of errors. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../src/util.h"
#include "corpus.h"

/* 1 while files are moved to the round-2 fields: a missing resend/use-when/not-when, an old
 * field (retry, method-to-get), a header without a file in assets/headers/, a header rule
 * for a code that does not exist and fewer than 80 scenarios are warnings, not errors.
 * 0 now that every file has them: they are errors (build with -DTRANSITION=1 to relax). */
#ifndef TRANSITION
#define TRANSITION 0
#endif

static int n_errors, n_warnings;

static void report(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void report(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    n_errors++;
}

static void warn(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s:%d: warning: ", file, line);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    n_warnings++;
}

/* An error once every file has the round-2 fields, a warning until then. */
#define soft(...) (TRANSITION ? warn(__VA_ARGS__) : report(__VA_ARGS__))

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    struct sb b;
    sb_init(&b);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
        sb_putn(&b, buf, n);
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        sb_free(&b);
        return NULL;
    }
    *len = b.len;
    return sb_steal(&b);
}

static sqlite3 *db;

static void die_sql(const char *what)
{
    fprintf(stderr, "db/build: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static sqlite3_stmt *prep(const char *sql)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
        die_sql(sql);
    return st;
}

static void step_done(sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        die_sql("insert");
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

struct pending_ref {     /* a code named by related:, a group, a rule…, checked once all are loaded */
    char *file;
    int line;
    int code;
    int soft;            /* a warning while TRANSITION */
};

static struct pending_ref *refs;
static size_t n_refs, cap_refs;
static int known[600];
static int known_class[6];
static int code_class[600];   /* code -> class, for the check that its class file exists */

static void want_code_soft(const char *file, int line, int code, int is_soft)
{
    if (n_refs == cap_refs) {
        cap_refs = cap_refs ? cap_refs * 2 : 64;
        refs = xrealloc(refs, cap_refs * sizeof *refs);
    }
    refs[n_refs].file = xstrdup(file);
    refs[n_refs].line = line;
    refs[n_refs].code = code;
    refs[n_refs].soft = is_soft;
    n_refs++;
}

static void want_code(const char *file, int line, int code)
{
    want_code_soft(file, line, code, 0);
}

/* "100".."599", or "000" (no response at all, class 0). */
static int parse_code(const char *s, int *code)
{
    if (strlen(s) != 3 || s[0] < '0' || s[0] > '5' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
        return -1;
    *code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
    if (s[0] == '0' && *code != 0)
        return -1;
    return 0;
}

/* The first three bytes of s as a code, followed by the end or a space. */
static int parse_code_prefix(const char *s, int *code, const char **rest)
{
    char num[4];
    if (strlen(s) < 3)
        return -1;
    memcpy(num, s, 3);
    num[3] = '\0';
    if (parse_code(num, code) != 0 || (s[3] && s[3] != ' '))
        return -1;
    *rest = s + 3;
    while (**rest == ' ')
        (*rest)++;
    return 0;
}

static const char *const section_kinds[] = {
    "rest", "rfc", "wikipedia", "vendor", "description", "change", "example", "page", NULL,
};

static const char *const code_fields[] = {
    "code", "phrase", "status", "spec", "summary", "alias", "vendor", "top10", "cacheable",
    "permanence", "method", "headers", "resend", "use-when", "not-when", "related", NULL,
};

/* Languages of const.LANG and const-old.LANG. */
static const char *const const_langs[] = {
    "python", "go", "rust", "node", "java", "dotnet", "rails", NULL,
};

/* Fields that round 2 replaced, accepted with a warning while TRANSITION. */
static const char *const old_fields[][2] = {
    {"retry", "resend"},
    {"method-to-get", "method"},
};

static int in_list(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return 1;
    return 0;
}

static int check_sections(const char *file, const struct corpus_file *cf, int allow_page)
{
    int has_example = 0;
    for (size_t i = 0; i < cf->n_sections; i++) {
        const struct corpus_section *s = &cf->sections[i];
        if (!in_list(s->kind, section_kinds) || (!allow_page && strcmp(s->kind, "page") == 0))
            report(file, s->line, "unknown section kind '%s' (see assets/README.md)", s->kind);
        if (s->body[0] == '\0')
            report(file, s->line, "empty section '%s'", s->kind);
        if (strcmp(s->kind, "example") == 0)
            has_example = 1;
    }
    return has_example;
}

/* Sections of a code (klass -1), of a class (code -1) or of the page (both -1): code 0 is
 * 000 and class 0 its class, so -1, not 0, means "none" (stored as NULL). */
static void insert_sections(const struct corpus_file *cf, int code, int klass)
{
    sqlite3_stmt *st = prep("INSERT INTO sections(code, class, ord, kind, source, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (size_t i = 0; i < cf->n_sections; i++) {
        if (code >= 0)
            sqlite3_bind_int(st, 1, code);
        if (klass >= 0)
            sqlite3_bind_int(st, 2, klass);
        sqlite3_bind_int(st, 3, (int)i);
        bind_text(st, 4, cf->sections[i].kind);
        bind_text(st, 5, cf->sections[i].source);
        bind_text(st, 6, cf->sections[i].body);
        step_done(st);
    }
    sqlite3_finalize(st);
}

static struct corpus_file *load(const char *path)
{
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        report(path, 0, "cannot read: %s", strerror(errno));
        return NULL;
    }
    struct corpus_file *cf;
    int line;
    char *err;
    if (corpus_parse(text, len, &cf, &line, &err) != 0) {
        report(path, line, "%s", err);
        free(err);
        cf = NULL;
    }
    free(text);
    return cf;
}

/* Class 0 (code 000) is optional: its file may be absent, and then so must 000.txt. */
static void load_class(const char *dir, int klass)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/classes/%dxx.txt", dir, klass);
    if (klass == 0 && access(path, F_OK) != 0)
        return;
    struct corpus_file *cf = load(path);
    if (!cf)
        return;
    int line = 1;
    const char *c = corpus_get(cf, "class", &line);
    const char *title = corpus_get(cf, "title", NULL);
    const char *summary = corpus_get(cf, "summary", NULL);
    if (!c || atoi(c) != klass || strlen(c) != 1)
        report(path, line, "field 'class' must be %d", klass);
    if (!title || !summary)
        report(path, 1, "a class needs 'title' and 'summary'");
    check_sections(path, cf, 0);
    if (title && summary) {
        sqlite3_stmt *st = prep("INSERT INTO classes(class, title, summary) VALUES (?1, ?2, ?3)");
        sqlite3_bind_int(st, 1, klass);
        bind_text(st, 2, title);
        bind_text(st, 3, summary);
        step_done(st);
        sqlite3_finalize(st);
        insert_sections(cf, -1, klass);
        known_class[klass] = 1;
    }
    corpus_file_free(cf);
}

static void join_field(struct sb *b, const struct corpus_file *cf, const char *name)
{
    for (size_t i = 0; i < cf->n_fields; i++)
        if (strcmp(cf->fields[i].name, name) == 0) {
            if (b->len)
                sb_puts(b, " · ");
            sb_puts(b, cf->fields[i].value);
        }
}

static const char *enum_field(const char *path, const struct corpus_file *cf, const char *name,
                              const char *const *allowed, int required)
{
    int line = 1;
    const char *v = corpus_get(cf, name, &line);
    if (!v) {
        if (required)
            report(path, 1, "missing field '%s'", name);
        return "";
    }
    if (allowed && !in_list(v, allowed))
        report(path, line, "field '%s' has value '%s', which is not one of the allowed values", name, v);
    return v;
}

/* ---- header names named in a code's headers: field -------------------------------------- */

struct header_use {      /* a header named by a code, checked against assets/headers/ */
    char *file;
    int line;
    char *name;
};
static struct header_use *uses;
static size_t n_uses, cap_uses;
static char **header_files;     /* the header: names of assets/headers/ */
static size_t n_header_files;

static int is_name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

/* The header names in a headers: value such as
 *   "Location (should), ETag (may)"  or  "Content-Range (must, one range); Content-Type: …"
 * Parenthesised notes are skipped; the value splits at ',', ';' and " or "/" and "; each
 * part's first word is a header name when it starts with a capital letter ("none" is not). */
static size_t header_names(const char *value, char ***out)
{
    char *v = xstrdup(value);
    size_t w = 0;
    int depth = 0;
    for (size_t r = 0; v[r]; r++) {
        if (v[r] == '(')
            depth++;
        else if (v[r] == ')' && depth > 0)
            depth--;
        else if (depth == 0)
            v[w++] = v[r];
    }
    v[w] = '\0';
    for (char *p = v; (p = strstr(p, " or ")) != NULL; p += 3)
        memcpy(p + 1, ", ", 2);
    for (char *p = v; (p = strstr(p, " and ")) != NULL; p += 4)
        memcpy(p + 1, ",  ", 3);
    char **names = NULL;
    size_t n = 0;
    char *save = NULL;
    for (char *part = strtok_r(v, ",;", &save); part; part = strtok_r(NULL, ",;", &save)) {
        while (*part == ' ')
            part++;
        size_t k = 0;
        while (is_name_char(part[k]))
            k++;
        if (k == 0 || part[0] < 'A' || part[0] > 'Z')
            continue;
        names = xrealloc(names, (n + 1) * sizeof *names);
        names[n++] = xstrndup(part, k);
    }
    free(v);
    *out = names;
    return n;
}

static void use_header(const char *file, int line, const char *name)
{
    if (n_uses == cap_uses) {
        cap_uses = cap_uses ? cap_uses * 2 : 64;
        uses = xrealloc(uses, cap_uses * sizeof *uses);
    }
    uses[n_uses].file = xstrdup(file);
    uses[n_uses].line = line;
    uses[n_uses].name = xstrdup(name);
    n_uses++;
}

/* ---- vocabulary, read before the codes so that each code's search row has its words ---- */

static char *vocab_words[600];   /* the code's vocabulary joined with " · ", or NULL */
static int vocab_line[600];
static const char *vocab_path;

/* ---- one code file -------------------------------------------------------------------- */

static void load_code(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/codes/%s", dir, name);
    int fcode;
    char stem[16];
    size_t nl = strlen(name);
    if (nl != 7 || strcmp(name + 3, ".txt") != 0) {
        report(path, 0, "code files are named NNN.txt");
        return;
    }
    memcpy(stem, name, 3);
    stem[3] = '\0';
    if (parse_code(stem, &fcode) != 0) {
        report(path, 0, "code files are named NNN.txt with NNN from 100 to 599 (or 000)");
        return;
    }
    struct corpus_file *cf = load(path);
    if (!cf)
        return;
    int errors_before = n_errors;

    for (size_t i = 0; i < cf->n_fields; i++) {
        const struct corpus_field *f = &cf->fields[i];
        int old = -1;
        for (size_t k = 0; k < sizeof old_fields / sizeof old_fields[0]; k++)
            if (strcmp(f->name, old_fields[k][0]) == 0)
                old = (int)k;
        int is_const = strncmp(f->name, "const.", 6) == 0 && in_list(f->name + 6, const_langs);
        int is_old_const = strncmp(f->name, "const-old.", 10) == 0 && in_list(f->name + 10, const_langs);
        if (old >= 0)
            soft(path, f->line, "field '%s' is replaced by '%s' (see assets/README.md)", f->name, old_fields[old][1]);
        else if (!in_list(f->name, code_fields) && !is_const && !is_old_const)
            report(path, f->line, "unknown field '%s' (see assets/README.md)", f->name);
        else if (strcmp(f->name, "alias") && strcmp(f->name, "vendor") && strcmp(f->name, "related") && !is_old_const) {
            for (size_t j = 0; j < i; j++)
                if (strcmp(cf->fields[j].name, f->name) == 0)
                    report(path, f->line, "field '%s' given twice", f->name);
        }
        if (is_old_const) {
            /* "NAME (note)": the note says since when the name is an alias or deprecated. */
            const char *sp = strchr(f->value, ' ');
            size_t vl = strlen(f->value);
            if (!sp || sp[1] != '(' || f->value[vl - 1] != ')' || vl - (size_t)(sp - f->value) < 4)
                report(path, f->line, "'%s' must be 'NAME (note)', e.g. 'PAYLOAD_TOO_LARGE (deprecated since 7.0)'", f->name);
        }
    }
    int line = 1, code = -1;
    const char *c = corpus_get(cf, "code", &line);
    if (!c || parse_code(c, &code) != 0)
        report(path, line, "field 'code' must be a number from 100 to 599 (or 000)");
    else if (code != fcode)
        report(path, line, "code %d does not match the file name %s", code, name);
    else if (known[code])
        report(path, line, "duplicate code %d", code);

    static const char *const statuses[] = {"standard", "temporary", "unofficial", "obsolete", "reserved", NULL};
    static const char *const yesno[] = {"yes", "no", NULL};
    static const char *const resends[] = {"not-needed", "as-is", "after-delay", "after-change", "no", NULL};
    static const char *const methods[] = {"kept", "may-change", "changes-to-get", NULL};
    static const char *const perms[] = {"permanent", "temporary", NULL};
    const char *phrase = enum_field(path, cf, "phrase", NULL, 1);
    const char *status = enum_field(path, cf, "status", statuses, 1);
    const char *spec = enum_field(path, cf, "spec", NULL, 1);
    const char *summary = enum_field(path, cf, "summary", NULL, 1);
    const char *cacheable = enum_field(path, cf, "cacheable", yesno, 1);
    const char *resend = enum_field(path, cf, "resend", resends, 0);
    const char *perm = enum_field(path, cf, "permanence", perms, 0);
    const char *method = enum_field(path, cf, "method", methods, 0);
    const char *top10 = enum_field(path, cf, "top10", yesno, 0);
    const char *headers = enum_field(path, cf, "headers", NULL, 0);
    const char *use_when = enum_field(path, cf, "use-when", NULL, 0);
    const char *not_when = enum_field(path, cf, "not-when", NULL, 0);
    if (!*resend)
        soft(path, 1, "missing field 'resend'");
    if (strcmp(status, "standard") == 0) {
        if (!*use_when)
            soft(path, 1, "a standard code needs 'use-when'");
        if (!*not_when)
            soft(path, 1, "a standard code needs 'not-when'");
    }
    if (*method && !*perm)
        report(path, 1, "'method' is for redirects, which also give 'permanence'");
    if (*headers) {
        char **hn;
        int hline = 1;
        corpus_get(cf, "headers", &hline);
        size_t n = header_names(headers, &hn);
        for (size_t i = 0; i < n; i++) {
            use_header(path, hline, hn[i]);
            free(hn[i]);
        }
        free(hn);
    }
    int has_example = check_sections(path, cf, 0);
    if (strcmp(status, "standard") == 0 && !has_example)
        report(path, 1, "a standard code needs an 'example' section");
    if (cf->n_sections == 0)
        report(path, 1, "a code needs at least one section of text");

    sqlite3_stmt *st;
    if (n_errors == errors_before) {
        known[code] = 1;
        code_class[code] = code / 100;
        st = prep("INSERT INTO codes(code, class, phrase, status, spec, summary, top10, cacheable, "
                  "permanence, method, headers, resend, use_when, not_when) "
                  "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
        sqlite3_bind_int(st, 1, code);
        sqlite3_bind_int(st, 2, code / 100);
        bind_text(st, 3, phrase);
        bind_text(st, 4, status);
        bind_text(st, 5, spec);
        bind_text(st, 6, summary);
        sqlite3_bind_int(st, 7, strcmp(top10, "yes") == 0);
        bind_text(st, 8, cacheable);
        bind_text(st, 9, perm);
        bind_text(st, 10, method);
        bind_text(st, 11, headers);
        bind_text(st, 12, resend);
        bind_text(st, 13, use_when);
        bind_text(st, 14, not_when);
        step_done(st);
        sqlite3_finalize(st);
        insert_sections(cf, code, -1);

        sqlite3_stmt *al = prep("INSERT INTO aliases(code, ord, alias) VALUES (?1, ?2, ?3)");
        sqlite3_stmt *ve = prep("INSERT INTO vendors(code, ord, vendor) VALUES (?1, ?2, ?3)");
        sqlite3_stmt *co = prep("INSERT INTO constants(code, lang, name, old, note) VALUES (?1, ?2, ?3, ?4, ?5)");
        sqlite3_stmt *re = prep("INSERT INTO related(code, ord, other, reason) VALUES (?1, ?2, ?3, ?4)");
        int n_al = 0, n_ve = 0, n_re = 0;
        for (size_t i = 0; i < cf->n_fields; i++) {
            const struct corpus_field *f = &cf->fields[i];
            if (strcmp(f->name, "alias") == 0) {
                sqlite3_bind_int(al, 1, code);
                sqlite3_bind_int(al, 2, n_al++);
                bind_text(al, 3, f->value);
                step_done(al);
            } else if (strcmp(f->name, "vendor") == 0) {
                sqlite3_bind_int(ve, 1, code);
                sqlite3_bind_int(ve, 2, n_ve++);
                bind_text(ve, 3, f->value);
                step_done(ve);
            } else if (strncmp(f->name, "const.", 6) == 0) {
                sqlite3_bind_int(co, 1, code);
                bind_text(co, 2, f->name + 6);
                bind_text(co, 3, f->value);
                sqlite3_bind_int(co, 4, 0);
                bind_text(co, 5, "");
                step_done(co);
            } else if (strncmp(f->name, "const-old.", 10) == 0) {
                const char *sp = strchr(f->value, ' ');   /* checked above: "NAME (note)" */
                char *cname = xstrndup(f->value, (size_t)(sp - f->value));
                char *note = xstrndup(sp + 2, strlen(sp + 2) - 1);
                sqlite3_bind_int(co, 1, code);
                bind_text(co, 2, f->name + 10);
                bind_text(co, 3, cname);
                sqlite3_bind_int(co, 4, 1);
                bind_text(co, 5, note);
                step_done(co);
                free(cname);
                free(note);
            } else if (strcmp(f->name, "related") == 0) {
                int other;
                const char *reason;
                if (parse_code_prefix(f->value, &other, &reason) != 0) {
                    report(path, f->line, "related must be 'CODE reason'");
                    continue;
                }
                if (*reason == '\0') {
                    report(path, f->line, "related %d needs a reason", other);
                    continue;
                }
                if (other == code) {
                    report(path, f->line, "a code cannot be related to itself");
                    continue;
                }
                want_code(path, f->line, other);
                sqlite3_bind_int(re, 1, code);
                sqlite3_bind_int(re, 2, n_re++);
                sqlite3_bind_int(re, 3, other);
                bind_text(re, 4, reason);
                step_done(re);
            }
        }
        sqlite3_finalize(al);
        sqlite3_finalize(ve);
        sqlite3_finalize(co);
        sqlite3_finalize(re);

        /* Full-text rows: one per code in 'search', the same words unstemmed in 'words'. */
        struct sb aliases, vendors, body;
        sb_init(&aliases);
        sb_init(&vendors);
        sb_init(&body);
        sb_puts(&aliases, "");
        sb_puts(&vendors, "");
        sb_puts(&body, "");
        join_field(&aliases, cf, "alias");
        join_field(&vendors, cf, "vendor");
        for (size_t i = 0; i < cf->n_sections; i++) {
            const struct corpus_section *s = &cf->sections[i];
            if (strcmp(s->kind, "vendor") == 0) {
                if (vendors.len)
                    sb_puts(&vendors, " · ");
                sb_puts(&vendors, s->source);
            }
            if (body.len)
                sb_puts(&body, "\n\n");
            sb_puts(&body, s->body);
        }
        const char *vwords = vocab_words[code] ? vocab_words[code] : "";
        st = prep("INSERT INTO search(rowid, phrase, aliases, summary, body, vendors, words) VALUES (?1,?2,?3,?4,?5,?6,?7)");
        sqlite3_bind_int(st, 1, code);
        bind_text(st, 2, phrase);
        bind_text(st, 3, aliases.buf);
        bind_text(st, 4, summary);
        bind_text(st, 5, body.buf);
        bind_text(st, 6, vendors.buf);
        bind_text(st, 7, vwords);
        step_done(st);
        sqlite3_finalize(st);
        st = prep("INSERT INTO names(rowid, phrase, aliases) VALUES (?1,?2,?3)");
        sqlite3_bind_int(st, 1, code);
        bind_text(st, 2, phrase);
        bind_text(st, 3, aliases.buf);
        step_done(st);
        sqlite3_finalize(st);
        struct sb all;
        sb_init(&all);
        sb_printf(&all, "%s\n%s\n%s\n%s\n%s\n%s\n%s", phrase, aliases.buf, summary, body.buf, vendors.buf, spec, vwords);
        st = prep("INSERT INTO words(rowid, text) VALUES (?1, ?2)");
        sqlite3_bind_int(st, 1, code);
        bind_text(st, 2, all.buf);
        step_done(st);
        sqlite3_finalize(st);
        sb_free(&all);
        sb_free(&aliases);
        sb_free(&vendors);
        sb_free(&body);
    }
    corpus_file_free(cf);
}

/* ---- header files: assets/headers/NAME.txt ---------------------------------------------- */

static const char *const header_fields[] = {"header", "summary", "spec", "rule", NULL};
static const char *const rule_levels[] = {"MUST", "SHOULD", "MAY", "USUALLY", NULL};

struct header_rule_ref {   /* a rule's code, to match against the code's headers: field */
    char *header;
    int code;
};
static struct header_rule_ref *rule_refs;
static size_t n_rule_refs;

static void load_header(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/headers/%s", dir, name);
    size_t nl = strlen(name);
    if (nl < 5 || strcmp(name + nl - 4, ".txt") != 0) {
        report(path, 0, "header files are named NAME.txt");
        return;
    }
    char *stem = xstrndup(name, nl - 4);
    struct corpus_file *cf = load(path);
    if (!cf) {
        free(stem);
        return;
    }
    int errors_before = n_errors;
    for (size_t i = 0; i < cf->n_fields; i++) {
        const struct corpus_field *f = &cf->fields[i];
        if (!in_list(f->name, header_fields))
            report(path, f->line, "unknown field '%s' (a header file has header, summary, spec, rule)", f->name);
        else if (strcmp(f->name, "rule") != 0)
            for (size_t j = 0; j < i; j++)
                if (strcmp(cf->fields[j].name, f->name) == 0)
                    report(path, f->line, "field '%s' given twice", f->name);
    }
    int line = 1;
    const char *hname = enum_field(path, cf, "header", NULL, 1);
    const char *summary = enum_field(path, cf, "summary", NULL, 1);
    const char *spec = enum_field(path, cf, "spec", NULL, 1);
    corpus_get(cf, "header", &line);
    if (*hname && strcmp(hname, stem) != 0)
        report(path, line, "header '%s' does not match the file name %s", hname, name);
    for (const char *p = hname; *p; p++)
        if (!is_name_char(*p)) {
            report(path, line, "'%s' is not a header field name", hname);
            break;
        }
    const char *desc = NULL;
    for (size_t i = 0; i < cf->n_sections; i++) {
        const struct corpus_section *s = &cf->sections[i];
        if (strcmp(s->kind, "description") != 0)
            report(path, s->line, "a header file has one section, '== description: httpstatus'");
        else if (desc)
            report(path, s->line, "a second 'description' section");
        else if (!*s->body)
            report(path, s->line, "empty section 'description'");
        else
            desc = s->body;
    }
    if (!desc && n_errors == errors_before)
        report(path, 1, "a header file needs a '== description: httpstatus' section");
    int n_rules = 0;
    for (size_t i = 0; i < cf->n_fields; i++) {
        const struct corpus_field *f = &cf->fields[i];
        if (strcmp(f->name, "rule") != 0)
            continue;
        int code;
        const char *rest;
        char level[16];
        size_t k = 0;
        if (parse_code_prefix(f->value, &code, &rest) == 0)
            while (rest[k] && rest[k] != ' ' && k < sizeof level - 1) {
                level[k] = rest[k];
                k++;
            }
        level[k] = '\0';
        if (k == 0 || !in_list(level, rule_levels) || rest[k] != ' ' || !rest[k + 1]) {
            report(path, f->line, "rule must be 'CODE LEVEL text' with LEVEL MUST, SHOULD, MAY or USUALLY");
            continue;
        }
        n_rules++;
    }
    if (n_rules == 0)
        report(path, 1, "a header file needs at least one 'rule: CODE LEVEL text'");
    if (n_errors == errors_before) {
        sqlite3_stmt *st = prep("INSERT INTO headers(name, summary, spec, description) VALUES (?1, ?2, ?3, ?4)");
        bind_text(st, 1, hname);
        bind_text(st, 2, summary);
        bind_text(st, 3, spec);
        bind_text(st, 4, desc);
        if (sqlite3_step(st) != SQLITE_DONE) {
            report(path, line, "duplicate header '%s' (names are case-insensitive)", hname);
            sqlite3_finalize(st);
            corpus_file_free(cf);
            free(stem);
            return;
        }
        sqlite3_finalize(st);
        header_files = xrealloc(header_files, (n_header_files + 1) * sizeof *header_files);
        header_files[n_header_files++] = xstrdup(hname);
        st = prep("INSERT INTO header_rules(header, ord, code, level, text) VALUES (?1, ?2, ?3, ?4, ?5)");
        int ord = 0;
        for (size_t i = 0; i < cf->n_fields; i++) {
            const struct corpus_field *f = &cf->fields[i];
            if (strcmp(f->name, "rule") != 0)
                continue;
            int code;
            const char *rest;
            parse_code_prefix(f->value, &code, &rest);
            const char *sp = strchr(rest, ' ');
            char *level = xstrndup(rest, (size_t)(sp - rest));
            want_code_soft(path, f->line, code, 1);
            rule_refs = xrealloc(rule_refs, (n_rule_refs + 1) * sizeof *rule_refs);
            rule_refs[n_rule_refs].header = xstrdup(hname);
            rule_refs[n_rule_refs].code = code;
            n_rule_refs++;
            bind_text(st, 1, hname);
            sqlite3_bind_int(st, 2, ord++);
            sqlite3_bind_int(st, 3, code);
            bind_text(st, 4, level);
            bind_text(st, 5, sp + 1);
            step_done(st);
            free(level);
        }
        sqlite3_finalize(st);
    }
    corpus_file_free(cf);
    free(stem);
}

static int cmp_str(const void *a, const void *b);

/* The names of the regular entries of a folder, sorted; *n = 0 and NULL when it is absent. */
static char **list_dir(const char *path, size_t *n_out, int *missing)
{
    *n_out = 0;
    *missing = 0;
    DIR *d = opendir(path);
    if (!d) {
        *missing = errno == ENOENT;
        if (!*missing)
            report(path, 0, "cannot open folder: %s", strerror(errno));
        return NULL;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 128;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp_str);
    *n_out = n;
    return names;
}

static void load_headers(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/headers", dir);
    size_t n;
    int missing;
    char **names = list_dir(path, &n, &missing);
    for (size_t i = 0; i < n; i++) {
        load_header(dir, names[i]);
        free(names[i]);
    }
    free(names);
}

/* After the codes and headers are loaded: every header a code names has a file, and the
 * file has a rule for that code. */
static void check_header_uses(void)
{
    for (size_t i = 0; i < n_uses; i++) {
        const struct header_use *u = &uses[i];
        const char *have = NULL;
        for (size_t k = 0; k < n_header_files && !have; k++)
            if (strcasecmp(header_files[k], u->name) == 0)
                have = header_files[k];
        int code = atoi(strrchr(u->file, '/') ? strrchr(u->file, '/') + 1 : u->file);
        if (!have) {
            soft(u->file, u->line, "header '%s' has no file assets/headers/%s.txt", u->name, u->name);
        } else {
            int ruled = 0;
            for (size_t k = 0; k < n_rule_refs && !ruled; k++)
                ruled = rule_refs[k].code == code && strcasecmp(rule_refs[k].header, have) == 0;
            if (!ruled)
                soft(u->file, u->line, "assets/headers/%s.txt has no 'rule: %03d …' for this code", have, code);
        }
        free(u->file);
        free(u->name);
    }
    free(uses);
    for (size_t k = 0; k < n_header_files; k++)
        free(header_files[k]);
    free(header_files);
    for (size_t k = 0; k < n_rule_refs; k++)
        free(rule_refs[k].header);
    free(rule_refs);
}

/* ---- line-based files: scenarios.txt and vocabulary.txt --------------------------------- */

/* Next line of text (NUL-terminated in place, '\r' dropped), or NULL at the end. */
static char *next_line(char **next)
{
    if (!*next || !**next) {
        *next = NULL;
        return NULL;
    }
    char *ln = *next;
    char *nl = strchr(ln, '\n');
    if (nl) {
        *nl = '\0';
        *next = nl + 1;
    } else {
        *next = NULL;
    }
    size_t n = strlen(ln);
    if (n && ln[n - 1] == '\r')
        ln[n - 1] = '\0';
    return ln;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

static void load_vocabulary(const char *dir)
{
    static char path[4096];
    snprintf(path, sizeof path, "%s/vocabulary.txt", dir);
    vocab_path = path;
    if (access(path, F_OK) != 0)
        return;
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        report(path, 0, "cannot read: %s", strerror(errno));
        return;
    }
    if (memchr(text, '\0', len))
        report(path, 0, "NUL byte in text");
    char *next = text, *ln;
    int line = 0;
    while ((ln = next_line(&next)) != NULL) {
        line++;
        char *s = trim(ln);
        if (*s == '\0' || *s == '#')
            continue;
        int code;
        char num[4] = {0};
        memcpy(num, s, strlen(s) >= 3 ? 3 : strlen(s));
        if (strlen(s) < 4 || s[3] != ':' || parse_code(num, &code) != 0) {
            report(path, line, "expected 'CODE: words; more words'");
            continue;
        }
        if (vocab_words[code]) {
            report(path, line, "code %03d has a line already (line %d)", code, vocab_line[code]);
            continue;
        }
        struct sb b;
        sb_init(&b);
        sb_puts(&b, "");
        char *save = NULL;
        for (char *w = strtok_r(s + 4, ";", &save); w; w = strtok_r(NULL, ";", &save)) {
            w = trim(w);
            if (!*w)
                continue;
            if (b.len)
                sb_puts(&b, " · ");
            sb_puts(&b, w);
        }
        if (!b.len) {
            report(path, line, "code %03d has no words", code);
            sb_free(&b);
            continue;
        }
        vocab_words[code] = sb_steal(&b);
        vocab_line[code] = line;
    }
    free(text);
}

/* After the codes: the vocabulary's codes exist; its table rows. */
static void insert_vocabulary(void)
{
    sqlite3_stmt *st = prep("INSERT INTO vocabulary(code, ord, phrase) VALUES (?1, ?2, ?3)");
    for (int code = 0; code < 600; code++) {
        if (!vocab_words[code])
            continue;
        want_code(vocab_path, vocab_line[code], code);
        int ord = 0;
        const char *p = vocab_words[code];
        while (*p) {
            const char *e = strstr(p, " · ");
            size_t n = e ? (size_t)(e - p) : strlen(p);
            sqlite3_bind_int(st, 1, code);
            sqlite3_bind_int(st, 2, ord++);
            sqlite3_bind_text(st, 3, p, (int)n, SQLITE_TRANSIENT);
            step_done(st);
            p += n;
            if (e)
                p += strlen(" · ");
        }
        free(vocab_words[code]);
        vocab_words[code] = NULL;
    }
    sqlite3_finalize(st);
}

struct scenario {
    int line;
    char *id, *situation, *best, *also, *convention, *why;
    char **wrong;
    int *wrong_line;
    size_t n_wrong;
};

static void scenario_clear(struct scenario *sc)
{
    free(sc->id);
    free(sc->situation);
    free(sc->best);
    free(sc->also);
    free(sc->convention);
    free(sc->why);
    for (size_t i = 0; i < sc->n_wrong; i++)
        free(sc->wrong[i]);
    free(sc->wrong);
    free(sc->wrong_line);
    memset(sc, 0, sizeof *sc);
}

static int n_scenarios;

static int valid_id(const char *s)
{
    if (!*s || *s == '-')
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

/* Check one scenario block and insert it. */
static void finish_scenario(const char *path, struct scenario *sc, sqlite3_stmt *si, sqlite3_stmt *sk)
{
    int errors_before = n_errors;
    if (!sc->id) {
        report(path, sc->line, "a scenario needs 'id'");
        scenario_clear(sc);
        return;
    }
    if (!valid_id(sc->id))
        report(path, sc->line, "id '%s' must be lowercase letters, digits and dashes", sc->id);
    if (!sc->situation)
        report(path, sc->line, "scenario '%s' needs 'situation'", sc->id);
    if (!sc->why)
        report(path, sc->line, "scenario '%s' needs 'why'", sc->id);
    int best = -1;
    if (!sc->best || parse_code(sc->best, &best) != 0)
        report(path, sc->line, "scenario '%s' needs 'best: CODE' (one code)", sc->id);
    else
        want_code(path, sc->line, best);
    int also[16], n_also = 0;
    if (sc->also) {
        char *save = NULL;
        for (char *t = strtok_r(sc->also, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
            int c;
            if (parse_code(t, &c) != 0) {
                report(path, sc->line, "'also' of '%s': '%s' is not a status code", sc->id, t);
                continue;
            }
            if (c == best)
                report(path, sc->line, "'also' of '%s' repeats the best code %03d", sc->id, c);
            for (int k = 0; k < n_also; k++)
                if (also[k] == c)
                    report(path, sc->line, "'also' of '%s' names %03d twice", sc->id, c);
            if (n_also < 16)
                also[n_also++] = c;
            want_code(path, sc->line, c);
        }
        if (!sc->convention)
            report(path, sc->line, "scenario '%s' has 'also', so it needs 'convention'", sc->id);
    }
    int wrong[32];
    char *wreason[32];
    int n_w = 0;
    for (size_t i = 0; i < sc->n_wrong; i++) {
        int c;
        const char *reason;
        if (parse_code_prefix(sc->wrong[i], &c, &reason) != 0 || !*reason) {
            report(path, sc->wrong_line[i], "wrong must be 'CODE reason'");
            continue;
        }
        int clash = c == best;
        for (int k = 0; k < n_also; k++)
            clash |= also[k] == c;
        if (clash)
            report(path, sc->wrong_line[i], "wrong %03d is also the best or an accepted answer", c);
        for (int k = 0; k < n_w; k++)
            if (wrong[k] == c)
                report(path, sc->wrong_line[i], "wrong %03d given twice", c);
        want_code(path, sc->wrong_line[i], c);
        if (n_w < 32) {
            wrong[n_w] = c;
            wreason[n_w] = (char *)reason;
            n_w++;
        }
    }
    if (sc->n_wrong < 2)
        report(path, sc->line, "scenario '%s' needs at least two 'wrong' answers", sc->id);
    if (n_errors == errors_before) {
        bind_text(si, 1, sc->id);
        sqlite3_bind_int(si, 2, n_scenarios);
        bind_text(si, 3, sc->situation);
        sqlite3_bind_int(si, 4, best);
        bind_text(si, 5, sc->convention ? sc->convention : "");
        bind_text(si, 6, sc->why);
        if (sqlite3_step(si) != SQLITE_DONE) {
            report(path, sc->line, "duplicate scenario id '%s'", sc->id);
            sqlite3_reset(si);
            sqlite3_clear_bindings(si);
        } else {
            sqlite3_reset(si);
            sqlite3_clear_bindings(si);
            n_scenarios++;
            for (int k = 0; k < n_also; k++) {
                bind_text(sk, 1, sc->id);
                bind_text(sk, 2, "also");
                sqlite3_bind_int(sk, 3, k);
                sqlite3_bind_int(sk, 4, also[k]);
                bind_text(sk, 5, "");
                step_done(sk);
            }
            for (int k = 0; k < n_w; k++) {
                bind_text(sk, 1, sc->id);
                bind_text(sk, 2, "wrong");
                sqlite3_bind_int(sk, 3, k);
                sqlite3_bind_int(sk, 4, wrong[k]);
                bind_text(sk, 5, wreason[k]);
                step_done(sk);
            }
        }
    }
    scenario_clear(sc);
}

static void load_scenarios(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/scenarios.txt", dir);
    if (access(path, F_OK) != 0)
        return;
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        report(path, 0, "cannot read: %s", strerror(errno));
        return;
    }
    if (memchr(text, '\0', len))
        report(path, 0, "NUL byte in text");
    sqlite3_stmt *si = prep("INSERT INTO scenarios(id, ord, situation, best, convention, why) VALUES (?1,?2,?3,?4,?5,?6)");
    sqlite3_stmt *sk = prep("INSERT INTO scenario_codes(scenario, kind, ord, code, reason) VALUES (?1,?2,?3,?4,?5)");
    struct scenario sc;
    memset(&sc, 0, sizeof sc);
    int in_block = 0, line = 0;
    char *next = text, *ln;
    static const char *const single[] = {"id", "situation", "best", "also", "convention", "why", NULL};
    while ((ln = next_line(&next)) != NULL || in_block) {
        if (ln)
            line++;
        if (!ln || *trim(ln) == '\0') {
            if (in_block)
                finish_scenario(path, &sc, si, sk);
            in_block = 0;
            if (!ln)
                break;
            continue;
        }
        if (ln[0] == '#')
            continue;
        char *colon = strchr(ln, ':');
        if (!colon || colon == ln) {
            report(path, line, "expected 'name: value'");
            continue;
        }
        *colon = '\0';
        char *name = trim(ln), *value = trim(colon + 1);
        if (!in_block) {
            in_block = 1;
            sc.line = line;
        }
        if (!*value) {
            report(path, line, "empty value for '%s'", name);
            continue;
        }
        if (strcmp(name, "wrong") == 0) {
            sc.wrong = xrealloc(sc.wrong, (sc.n_wrong + 1) * sizeof *sc.wrong);
            sc.wrong_line = xrealloc(sc.wrong_line, (sc.n_wrong + 1) * sizeof *sc.wrong_line);
            sc.wrong[sc.n_wrong] = xstrdup(value);
            sc.wrong_line[sc.n_wrong] = line;
            sc.n_wrong++;
            continue;
        }
        if (!in_list(name, single)) {
            report(path, line, "unknown field '%s' (id, situation, best, also, convention, why, wrong)", name);
            continue;
        }
        char **slot = strcmp(name, "id") == 0           ? &sc.id
                      : strcmp(name, "situation") == 0  ? &sc.situation
                      : strcmp(name, "best") == 0       ? &sc.best
                      : strcmp(name, "also") == 0       ? &sc.also
                      : strcmp(name, "convention") == 0 ? &sc.convention
                                                        : &sc.why;
        if (*slot) {
            report(path, line, "field '%s' given twice in one scenario", name);
            continue;
        }
        *slot = xstrdup(value);
    }
    sqlite3_finalize(si);
    sqlite3_finalize(sk);
    free(text);
    if (n_scenarios < 80)
        soft(path, 0, "%d scenarios; SPEC asks for at least 80", n_scenarios);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_codes(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/codes", dir);
    size_t n;
    int missing;
    char **names = list_dir(path, &n, &missing);
    if (missing)
        report(path, 0, "cannot open folder: %s", strerror(ENOENT));
    for (size_t i = 0; i < n; i++) {
        load_code(dir, names[i]);
        free(names[i]);
    }
    free(names);
    if (n == 0 && !missing)
        report(path, 0, "no code files");
}

static void load_groups(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/groups.txt", dir);
    size_t len;
    char *text = read_file(path, &len);
    if (!text) {
        report(path, 0, "cannot read: %s", strerror(errno));
        return;
    }
    sqlite3_stmt *gi = prep("INSERT INTO groups(name, title) VALUES (?1, ?2)");
    sqlite3_stmt *gc = prep("INSERT INTO group_codes(group_id, ord, code) VALUES (?1, ?2, ?3)");
    char *name = NULL, *title = NULL;
    int line = 0, gline = 0;
    /* Blocks of group:/title:/codes: lines; a block ends with its codes: line. */
    char *next = text;
    while (next && *next) {
        char *ln = next;
        char *nl = strchr(ln, '\n');
        if (nl) {
            *nl = '\0';
            next = nl + 1;
        } else {
            next = NULL;
        }
        line++;
        if (ln[0] == '#' || ln[0] == '\0')
            continue;
        if (strncmp(ln, "group: ", 7) == 0) {
            free(name);
            name = xstrdup(ln + 7);
            gline = line;
        } else if (strncmp(ln, "title: ", 7) == 0) {
            free(title);
            title = xstrdup(ln + 7);
        } else if (strncmp(ln, "codes: ", 7) == 0) {
            if (!name || !title) {
                report(path, line, "'codes:' before 'group:' and 'title:'");
                continue;
            }
            bind_text(gi, 1, name);
            bind_text(gi, 2, title);
            if (sqlite3_step(gi) != SQLITE_DONE) {
                report(path, gline, "duplicate group '%s'", name);
                sqlite3_reset(gi);
                continue;
            }
            sqlite3_reset(gi);
            sqlite3_int64 id = sqlite3_last_insert_rowid(db);
            int ord = 0;
            char *s2 = NULL;
            for (char *tok = strtok_r(ln + 7, " ", &s2); tok; tok = strtok_r(NULL, " ", &s2)) {
                int code;
                if (parse_code(tok, &code) != 0) {
                    report(path, line, "'%s' is not a status code", tok);
                    continue;
                }
                want_code(path, line, code);
                sqlite3_bind_int64(gc, 1, id);
                sqlite3_bind_int(gc, 2, ord++);
                sqlite3_bind_int(gc, 3, code);
                step_done(gc);
            }
            if (ord < 2)
                report(path, line, "a group needs at least two codes");
            free(name);
            free(title);
            name = title = NULL;
        } else {
            report(path, line, "expected 'group:', 'title:' or 'codes:'");
        }
    }
    free(name);
    free(title);
    sqlite3_finalize(gi);
    sqlite3_finalize(gc);
    free(text);
}

static void load_page(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/source.txt", dir);
    struct corpus_file *cf = load(path);
    if (!cf)
        return;
    check_sections(path, cf, 1);
    insert_sections(cf, -1, -1);
    corpus_file_free(cf);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: db/build ASSETS_DIR SCHEMA_SQL OUTPUT_DB\n", stderr);
        return 2;
    }
    const char *dir = argv[1], *schema_path = argv[2], *out = argv[3];
    size_t len;
    char *schema = read_file(schema_path, &len);
    if (!schema) {
        fprintf(stderr, "db/build: cannot read %s: %s\n", schema_path, strerror(errno));
        return 1;
    }
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    unlink(tmp);
    if (sqlite3_open(tmp, &db) != SQLITE_OK)
        die_sql(tmp);
    if (sqlite3_exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;", NULL, NULL, NULL) != SQLITE_OK)
        die_sql("pragma");
    if (sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK)
        die_sql(schema_path);
    free(schema);
    if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
        die_sql("begin");
    for (int k = 0; k <= 5; k++)
        load_class(dir, k);
    load_vocabulary(dir);
    load_codes(dir);
    for (int code = 0; code < 600; code++)
        if (known[code] && !known_class[code_class[code]])
            report(dir, 0, "code %03d needs its class file classes/%dxx.txt", code, code_class[code]);
    insert_vocabulary();
    load_headers(dir);
    check_header_uses();
    load_groups(dir);
    load_scenarios(dir);
    load_page(dir);
    for (size_t i = 0; i < n_refs; i++) {
        if (!known[refs[i].code]) {
            if (refs[i].soft)
                soft(refs[i].file, refs[i].line, "code %03d does not exist in assets/codes", refs[i].code);
            else
                report(refs[i].file, refs[i].line, "code %03d does not exist in assets/codes", refs[i].code);
        }
        free(refs[i].file);
    }
    free(refs);
    if (n_errors) {
        sqlite3_close(db);
        unlink(tmp);
        fprintf(stderr, "db/build: %d error%s in the corpus; database not written\n", n_errors, n_errors == 1 ? "" : "s");
        return 1;
    }
    if (n_warnings)
        fprintf(stderr, "db/build: %d warning%s (errors once every file has the round-2 fields)\n", n_warnings, n_warnings == 1 ? "" : "s");
    /* 'words' and 'words_vocab' only fill 'vocab': dropped once they have, so that the
     * program's first statement has six fewer schema entries to parse (make bench). */
    if (sqlite3_exec(db, "INSERT INTO rank_keys SELECT code, class, status = 'standard', length(phrase) FROM codes; "
                         "INSERT INTO search(search) VALUES('optimize'); INSERT INTO names(names) VALUES('optimize'); "
                         "INSERT INTO vocab(term, docs) SELECT term, doc FROM words_vocab; "
                         "DROP TABLE words_vocab; DROP TABLE words; COMMIT; VACUUM;", NULL, NULL, NULL) != SQLITE_OK)
        die_sql("commit");
    if (sqlite3_close(db) != SQLITE_OK) {
        fprintf(stderr, "db/build: cannot close %s\n", tmp);
        return 1;
    }
    if (rename(tmp, out) != 0) {
        fprintf(stderr, "db/build: cannot write %s: %s\n", out, strerror(errno));
        return 1;
    }
    return 0;
}
