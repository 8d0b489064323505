/* build.c — turns assets/ into db/httpstatus.db.
 *
 *   db/build ASSETS_DIR SCHEMA_SQL OUTPUT_DB
 *
 * Validates the corpus (fields, class against the first digit, duplicates, related codes
 * and group members that exist, no empty sections) and stops at the first batch of errors
 * with "file:line: message" lines on stderr and exit status 1. The output is written to a
 * temporary file and renamed into place, so a failed build never leaves a half database. */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../src/util.h"
#include "corpus.h"

static int n_errors;

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

struct pending_ref {     /* a code named by related: or a group, checked once all are loaded */
    char *file;
    int line;
    int code;
};

static struct pending_ref *refs;
static size_t n_refs, cap_refs;
static int known[600];

static void want_code(const char *file, int line, int code)
{
    if (n_refs == cap_refs) {
        cap_refs = cap_refs ? cap_refs * 2 : 64;
        refs = xrealloc(refs, cap_refs * sizeof *refs);
    }
    refs[n_refs].file = xstrdup(file);
    refs[n_refs].line = line;
    refs[n_refs].code = code;
    n_refs++;
}

static int parse_code(const char *s, int *code)
{
    if (strlen(s) != 3 || s[0] < '1' || s[0] > '5' || s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
        return -1;
    *code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
    return 0;
}

static const char *const section_kinds[] = {
    "rest", "rfc", "wikipedia", "vendor", "description", "change", "example", "page", NULL,
};

static const char *const code_fields[] = {
    "code", "phrase", "status", "spec", "summary", "alias", "vendor", "top10", "cacheable",
    "permanence", "method-to-get", "headers", "retry", "related", "const.python", "const.go",
    "const.rust", "const.node", "const.java", "const.dotnet", "const.rails", NULL,
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

static void insert_sections(const struct corpus_file *cf, int code, int klass)
{
    sqlite3_stmt *st = prep("INSERT INTO sections(code, class, ord, kind, source, body) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    for (size_t i = 0; i < cf->n_sections; i++) {
        if (code)
            sqlite3_bind_int(st, 1, code);
        if (klass)
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

static void load_class(const char *dir, int klass)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/classes/%dxx.txt", dir, klass);
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
        insert_sections(cf, 0, klass);
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
        report(path, 0, "code files are named NNN.txt with NNN from 100 to 599");
        return;
    }
    struct corpus_file *cf = load(path);
    if (!cf)
        return;
    int errors_before = n_errors;

    for (size_t i = 0; i < cf->n_fields; i++) {
        const struct corpus_field *f = &cf->fields[i];
        if (!in_list(f->name, code_fields))
            report(path, f->line, "unknown field '%s' (see assets/README.md)", f->name);
        else if (strcmp(f->name, "alias") && strcmp(f->name, "vendor") && strcmp(f->name, "related")) {
            for (size_t j = 0; j < i; j++)
                if (strcmp(cf->fields[j].name, f->name) == 0)
                    report(path, f->line, "field '%s' given twice", f->name);
        }
    }
    int line = 1, code = 0;
    const char *c = corpus_get(cf, "code", &line);
    if (!c || parse_code(c, &code) != 0)
        report(path, line, "field 'code' must be a number from 100 to 599");
    else if (code != fcode)
        report(path, line, "code %d does not match the file name %s", code, name);
    else if (known[code])
        report(path, line, "duplicate code %d", code);

    static const char *const statuses[] = {"standard", "unofficial", "obsolete", "reserved", NULL};
    static const char *const yesno[] = {"yes", "no", NULL};
    static const char *const retries[] = {"yes", "no", "after-change", "after-delay", NULL};
    static const char *const perms[] = {"permanent", "temporary", NULL};
    const char *phrase = enum_field(path, cf, "phrase", NULL, 1);
    const char *status = enum_field(path, cf, "status", statuses, 1);
    const char *spec = enum_field(path, cf, "spec", NULL, 1);
    const char *summary = enum_field(path, cf, "summary", NULL, 1);
    const char *cacheable = enum_field(path, cf, "cacheable", yesno, 1);
    const char *retry = enum_field(path, cf, "retry", retries, 1);
    const char *perm = enum_field(path, cf, "permanence", perms, 0);
    const char *mtg = enum_field(path, cf, "method-to-get", yesno, 0);
    const char *top10 = enum_field(path, cf, "top10", yesno, 0);
    const char *headers = enum_field(path, cf, "headers", NULL, 0);
    int has_example = check_sections(path, cf, 0);
    if (strcmp(status, "standard") == 0 && !has_example)
        report(path, 1, "a standard code needs an 'example' section");
    if (cf->n_sections == 0)
        report(path, 1, "a code needs at least one section of text");

    sqlite3_stmt *st;
    if (n_errors == errors_before) {
        known[code] = 1;
        st = prep("INSERT INTO codes(code, class, phrase, status, spec, summary, top10, cacheable, "
                  "permanence, method_to_get, headers, retry) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
        sqlite3_bind_int(st, 1, code);
        sqlite3_bind_int(st, 2, code / 100);
        bind_text(st, 3, phrase);
        bind_text(st, 4, status);
        bind_text(st, 5, spec);
        bind_text(st, 6, summary);
        sqlite3_bind_int(st, 7, strcmp(top10, "yes") == 0);
        bind_text(st, 8, cacheable);
        bind_text(st, 9, perm);
        bind_text(st, 10, mtg);
        bind_text(st, 11, headers);
        bind_text(st, 12, retry);
        step_done(st);
        sqlite3_finalize(st);
        insert_sections(cf, code, 0);

        sqlite3_stmt *al = prep("INSERT INTO aliases(code, ord, alias) VALUES (?1, ?2, ?3)");
        sqlite3_stmt *ve = prep("INSERT INTO vendors(code, ord, vendor) VALUES (?1, ?2, ?3)");
        sqlite3_stmt *co = prep("INSERT INTO constants(code, lang, name) VALUES (?1, ?2, ?3)");
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
                step_done(co);
            } else if (strcmp(f->name, "related") == 0) {
                char num[4];
                int other;
                const char *reason = f->value + 3;
                memcpy(num, f->value, 3);
                num[3] = '\0';
                while (*reason == ' ' || *reason == ':')
                    reason++;
                if (strlen(f->value) < 3 || parse_code(num, &other) != 0 || (f->value[3] && f->value[3] != ' ' && f->value[3] != ':')) {
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
        st = prep("INSERT INTO search(rowid, phrase, aliases, summary, body, vendors) VALUES (?1,?2,?3,?4,?5,?6)");
        sqlite3_bind_int(st, 1, code);
        bind_text(st, 2, phrase);
        bind_text(st, 3, aliases.buf);
        bind_text(st, 4, summary);
        bind_text(st, 5, body.buf);
        bind_text(st, 6, vendors.buf);
        step_done(st);
        sqlite3_finalize(st);
        struct sb all;
        sb_init(&all);
        sb_printf(&all, "%s\n%s\n%s\n%s\n%s\n%s", phrase, aliases.buf, summary, body.buf, vendors.buf, spec);
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

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void load_codes(const char *dir)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/codes", dir);
    DIR *d = opendir(path);
    if (!d) {
        report(path, 0, "cannot open folder: %s", strerror(errno));
        return;
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
    qsort(names, n, sizeof *names, cmp_str);
    for (size_t i = 0; i < n; i++) {
        load_code(dir, names[i]);
        free(names[i]);
    }
    free(names);
    if (n == 0)
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
    insert_sections(cf, 0, 0);
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
    for (int k = 1; k <= 5; k++)
        load_class(dir, k);
    load_codes(dir);
    load_groups(dir);
    load_page(dir);
    for (size_t i = 0; i < n_refs; i++) {
        if (!known[refs[i].code])
            report(refs[i].file, refs[i].line, "code %d does not exist in assets/codes", refs[i].code);
        free(refs[i].file);
    }
    free(refs);
    if (n_errors) {
        sqlite3_close(db);
        unlink(tmp);
        fprintf(stderr, "db/build: %d error%s in the corpus; database not written\n", n_errors, n_errors == 1 ? "" : "s");
        return 1;
    }
    if (sqlite3_exec(db, "INSERT INTO search(search) VALUES('optimize'); INSERT INTO words(words) VALUES('optimize'); "
                         "INSERT INTO vocab(term, docs) SELECT term, doc FROM words_vocab; COMMIT; VACUUM;", NULL, NULL, NULL) != SQLITE_OK)
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
