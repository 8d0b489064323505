/* cmd_sheet.c — `httpstatus sheet [CODE|CLASS|GROUP ...] [--format text|markdown|html|roff]
 * [--full] [--lesson FILE|NAME]`: printable handouts. Reads the selection, builds the
 * documents and hands them to the writers of sheet.c; the handout is written out in one
 * piece. */
#include "cli_int.h"

#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "lesson.h"
#include "sheet.h"
#include "text.h"
#include "util.h"

struct sheet_args {
    struct sheet_opts so;
    int full;
    const char *lesson;
};

/* Print each line of a message list (from lesson.c) sanitised, as its own line. */
static void print_messages(const char *msgs, int prefixed)
{
    const char *p = msgs;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *line = xstrndup(p, n);
        char *clean = txt_sanitize(line, 0, 0);
        fprintf(stderr, "%s%s\n", prefixed ? "httpstatus: " : "", clean);
        free(clean);
        free(line);
        p += n + (e ? 1 : 0);
    }
}

static int locale_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

static int parse_args(const struct cli_opts *o, struct sheet_args *a, struct lesson *words)
{
    memset(a, 0, sizeof *a);
    a->so.format = SHEET_TEXT;
    for (int i = 0; i < o->n_args; i++) {
        const char *s = o->args[i];
        const char *v = NULL;
        if (strcmp(s, "--full") == 0) {
            a->full = 1;
            continue;
        }
        if (strncmp(s, "--format=", 9) == 0 || strncmp(s, "--lesson=", 9) == 0) {
            v = strchr(s, '=') + 1;
        } else if (strcmp(s, "--format") == 0 || strcmp(s, "--lesson") == 0) {
            if (i + 1 >= o->n_args) {
                cli_error("%s needs a value (see 'httpstatus --help')", s);
                return EXIT_USAGE;
            }
            v = o->args[++i];
        }
        if (v && s[2] == 'f') {
            if (sheet_format_named(v, &a->so.format) != 0) {
                cli_error("--format takes text, markdown, html or roff, not '%s'", v);
                return EXIT_USAGE;
            }
        } else if (v) {
            if (a->lesson) {
                cli_error("one --lesson at a time");
                return EXIT_USAGE;
            }
            a->lesson = v;
        } else if (s[0] == '-' && s[1] != '\0') {
            cli_error("unknown option '%s' for sheet (it takes --format, --full and --lesson)", s);
            return EXIT_USAGE;
        } else {
            char *err = NULL;
            if (lesson_add_word(words, s, &err) != 0) {
                cli_error("%s", err);
                free(err);
                return EXIT_USAGE;
            }
        }
    }
    return 0;
}

/* The codes an item stands for in a handout: a class is all of its codes. */
static void add_code(int **v, size_t *n, int code)
{
    for (size_t i = 0; i < *n; i++)
        if ((*v)[i] == code)
            return;
    *v = xrealloc(*v, (*n + 1) * sizeof **v);
    (*v)[(*n)++] = code;
}

/* Load the lesson file (if any) and the words into one lesson, checked. */
static int selection(struct hs_db *db, const struct sheet_args *a, struct lesson *words, struct lesson **out)
{
    struct lesson *l = words;
    char *err = NULL;
    if (a->lesson) {
        if (lesson_load(a->lesson, &l, &err) != 0) {
            print_messages(err, strchr(err, ':') == NULL || strncmp(err, "no ", 3) == 0);
            free(err);
            return EXIT_USAGE;
        }
        /* The words come after the lesson's items. */
        for (size_t i = 0; i < words->n; i++) {
            if (l->n == l->cap) {
                l->cap = l->cap * 2 + 1;
                l->v = xrealloc(l->v, l->cap * sizeof *l->v);
            }
            l->v[l->n++] = words->v[i];
        }
        words->n = 0;
        lesson_free(words);
    }
    *out = l;
    int r = lesson_resolve(l, db, &err);
    if (r < 0)
        return cli_db_failed(db);
    if (r > 0) {
        print_messages(err, a->lesson == NULL);
        free(err);
        return a->lesson ? EXIT_USAGE : r;
    }
    return 0;
}

int cmd_sheet(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    struct sheet_args a;
    struct lesson *l = lesson_new("command line");
    int status = parse_args(o, &a, l);
    if (status == 0)
        status = selection(db, &a, l, &l);
    if (status != 0) {
        lesson_free(l);
        return status;
    }
    if (a.so.format == SHEET_TEXT) {
        a.so.width = out->width;
        a.so.ascii = out->ascii || !locale_utf8();
    }

    struct hs_entries all;
    enum hs_status s = hsdb_list(db, HS_ALL_CLASSES, &all);
    if (s != HS_OK && s != HS_NOTFOUND) {
        lesson_free(l);
        return cli_db_failed(db);
    }
    /* The selected codes, in the order the items name them. */
    int *codes = NULL;
    size_t n_codes = 0;
    for (size_t i = 0; i < l->n; i++) {
        const struct lesson_item *it = &l->v[i];
        if (it->kind == LESSON_CODE)
            add_code(&codes, &n_codes, it->code);
        else if (it->kind == LESSON_CLASS) {
            for (size_t k = 0; k < all.n; k++)
                if (all.v[k].klass == it->klass)
                    add_code(&codes, &n_codes, all.v[k].code);
        } else {
            for (size_t k = 0; k < it->n_codes; k++)
                add_code(&codes, &n_codes, it->codes[k]);
        }
    }
    int everything = l->n == 0;

    char *titles[6] = {0};
    struct hs_class *classes[6] = {0};
    for (int k = 0; k <= 5 && status == 0; k++) {
        s = hsdb_class(db, k, &classes[k]);
        if (s == HS_OK)
            titles[k] = classes[k]->title;
        else if (s != HS_NOTFOUND)
            status = cli_db_failed(db);
    }

    struct sb text;
    sb_init(&text);
    if (status == 0 && !a.full) {
        /* The cheat sheet lists codes in code order. */
        struct hs_entries chosen = {xcalloc(all.n + 1, sizeof *chosen.v), 0};
        for (size_t k = 0; k < all.n; k++) {
            int take = everything;
            for (size_t j = 0; j < n_codes && !take; j++)
                take = codes[j] == all.v[k].code;
            if (take)
                chosen.v[chosen.n++] = all.v[k];   /* borrowed: freed with all */
        }
        sheet_cheat(&text, &a.so, &chosen, (const char *const *)titles);
        free(chosen.v);
    } else if (status == 0) {
        int width = a.so.format == SHEET_TEXT ? a.so.width : 0;
        int ascii = a.so.format == SHEET_TEXT ? a.so.ascii : 0;
        struct doc **docs = NULL;
        size_t n_docs = 0;
        /* Everything: each class's page, then its codes. Otherwise the items in order,
         * a class with its page first. */
        size_t n_items = everything ? 6 : l->n;
        int *done = NULL;
        size_t n_done = 0;
        for (size_t i = 0; i < n_items && status == 0; i++) {
            int klass = everything ? (int)i : l->v[i].kind == LESSON_CLASS ? l->v[i].klass : -1;
            int *list = NULL;
            size_t n_list = 0;
            if (klass >= 0) {
                if (!classes[klass])
                    continue;
                struct hs_entries kc;
                s = hsdb_list(db, klass, &kc);
                if (s != HS_OK && s != HS_NOTFOUND) {
                    status = cli_db_failed(db);
                    break;
                }
                docs = xrealloc(docs, (n_docs + 1) * sizeof *docs);
                docs[n_docs++] = doc_class(classes[klass], &kc, width, ascii);
                for (size_t k = 0; k < kc.n; k++)
                    add_code(&list, &n_list, kc.v[k].code);
                hs_entries_free(&kc);
            } else if (l->v[i].kind == LESSON_CODE) {
                add_code(&list, &n_list, l->v[i].code);
            } else {
                for (size_t k = 0; k < l->v[i].n_codes; k++)
                    add_code(&list, &n_list, l->v[i].codes[k]);
            }
            for (size_t k = 0; k < n_list && status == 0; k++) {
                size_t before = n_done;
                add_code(&done, &n_done, list[k]);
                if (n_done == before)
                    continue;              /* shown already */
                struct hs_code *c;
                s = hsdb_code(db, list[k], &c);
                if (s != HS_OK) {
                    status = cli_db_failed(db);
                    break;
                }
                docs = xrealloc(docs, (n_docs + 1) * sizeof *docs);
                docs[n_docs++] = doc_code(c, width, ascii);
                hs_code_free(c);
            }
            free(list);
        }
        if (status == 0)
            sheet_full(&text, &a.so, docs, n_docs);
        for (size_t i = 0; i < n_docs; i++)
            doc_free(docs[i]);
        free(docs);
        free(done);
    }
    if (status == 0 && text.len)
        fwrite(text.buf, 1, text.len, stdout);
    sb_free(&text);
    for (int k = 0; k <= 5; k++)
        hs_class_free(classes[k]);
    free(codes);
    hs_entries_free(&all);
    lesson_free(l);
    return status;
}
