/* data_records.c — reading records: the list and its pages, one code, a class, the
 * reference page's own sections, comparison groups. */
#include "data_int.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

static enum hs_status list_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_entry *e = db_vec_push(a);
    if (!e)
        return HS_ENOMEM;
    return db_read_entry(st, 0, e) ? HS_OK : HS_ENOMEM;
}

void hs_entries_free(struct hs_entries *l)
{
    for (size_t i = 0; i < l->n; i++)
        db_entry_free(&l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

void hsdb_set_standard_only(struct hs_db *db, int on)
{
    db->standard_only = on != 0;
}

enum hs_status hsdb_list(struct hs_db *db, int klass, struct hs_entries *out)
{
    struct vec a = {NULL, 0, 0, sizeof(struct hs_entry)};
    int args[2] = {db->standard_only, klass};
    db_start_call(db);
    int all = klass == HS_ALL_CLASSES;
    enum hs_status s = db_run(db, all ? "SELECT " ENTRY_COLS " FROM codes c WHERE ?1 = 0 OR c.status = 'standard' ORDER BY c.code"
                                      : "SELECT " ENTRY_COLS " FROM codes c WHERE c.class = ?2 AND (?1 = 0 OR c.status = 'standard') ORDER BY c.code",
                           args, all ? 1 : 2, NULL, list_row, &a);
    out->v = a.v;
    out->n = a.n;
    if (s != HS_OK && s != HS_NOTFOUND)
        hs_entries_free(out);
    return s;
}

static enum hs_status count_row(sqlite3_stmt *st, void *arg)
{
    size_t *counts = arg;
    int k = sqlite3_column_int(st, 0);
    if (k >= 0 && k < HS_N_CLASSES)
        counts[k] = (size_t)sqlite3_column_int64(st, 1);
    return HS_OK;
}

enum hs_status hsdb_class_counts(struct hs_db *db, size_t counts[HS_N_CLASSES])
{
    memset(counts, 0, HS_N_CLASSES * sizeof counts[0]);
    db_start_call(db);
    enum hs_status s = HS_OK;
    for (int k = 0; k < HS_N_CLASSES && s == HS_OK; k++) {
        int args[2] = {k, db->standard_only};
        /* One count per class over the (class, code) index. */
        s = db_run(db, "SELECT class, count(*) FROM codes WHERE class = ?1 AND (?2 = 0 OR status = 'standard')", args, 2, NULL,
                   count_row, counts);
        if (s == HS_NOTFOUND)
            s = HS_OK;
    }
    return s;
}

enum hs_status hsdb_list_page(struct hs_db *db, int klass, size_t offset, size_t n, struct hs_entries *out)
{
    struct vec a = {NULL, 0, 0, sizeof(struct hs_entry)};
    int args[4] = {klass, (int)(n > 100000 ? 100000 : n), (int)(offset > 100000000 ? 100000000 : offset), db->standard_only};
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT " ENTRY_COLS " FROM codes c WHERE c.class = ?1 AND (?4 = 0 OR c.status = 'standard') "
                                  "ORDER BY c.code LIMIT ?2 OFFSET ?3",
                              args, 4, NULL, list_row, &a);
    out->v = a.v;
    out->n = a.n;
    if (s != HS_OK && s != HS_NOTFOUND)
        hs_entries_free(out);
    return s;
}

struct position {
    int klass;
    size_t index;
};

static enum hs_status position_row(sqlite3_stmt *st, void *arg)
{
    struct position *p = arg;
    p->klass = sqlite3_column_int(st, 0);
    p->index = (size_t)sqlite3_column_int64(st, 1);
    return HS_OK;
}

enum hs_status hsdb_code_position(struct hs_db *db, int code, int *klass, size_t *index)
{
    struct position p = {0, 0};
    int args[2] = {code, db->standard_only};
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT c.class, (SELECT count(*) FROM codes d WHERE d.class = c.class AND d.code < c.code "
                                  "AND (?2 = 0 OR d.status = 'standard')) "
                                  "FROM codes c WHERE c.code = ?1 AND (?2 = 0 OR c.status = 'standard')",
                              args, 2, NULL, position_row, &p);
    *klass = p.klass;
    *index = p.index;
    return s;
}

static enum hs_status first_row(sqlite3_stmt *st, void *arg)
{
    *(int *)arg = sqlite3_column_int(st, 0);
    return HS_OK;
}

enum hs_status hsdb_first_code(struct hs_db *db, int lo, int hi, int *code)
{
    int args[3] = {lo, hi, db->standard_only};
    *code = 0;
    db_start_call(db);
    return db_run(db, "SELECT code FROM codes WHERE code BETWEEN ?1 AND ?2 AND (?3 = 0 OR status = 'standard') ORDER BY code LIMIT 1",
                  args, 3, NULL, first_row, code);
}

/* ---- codes by name --------------------------------------------------------------------- */

struct named {
    struct vec codes;
    int best;     /* the rank of the first row: rows of a worse rank are left out */
};

static enum hs_status named_row(sqlite3_stmt *st, void *arg)
{
    struct named *n = arg;
    int rank = sqlite3_column_int(st, 1);
    if (n->codes.n == 0)
        n->best = rank;
    if (rank != n->best)
        return HS_OK;
    int code = sqlite3_column_int(st, 0);
    for (size_t i = 0; i < n->codes.n; i++)
        if (((int *)n->codes.v)[i] == code)
            return HS_OK;
    int *p = db_vec_push(&n->codes);
    if (!p)
        return HS_ENOMEM;
    *p = code;
    return HS_OK;
}

enum hs_status hsdb_codes_named(struct hs_db *db, const char *name, int **codes, size_t *n)
{
    struct named acc = {{NULL, 0, 0, sizeof(int)}, 0};
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT code, 0 FROM codes WHERE phrase = ?1 COLLATE NOCASE "
                                  "UNION ALL SELECT code, 1 FROM aliases WHERE alias = ?1 COLLATE NOCASE "
                                  "UNION ALL SELECT code, 2 FROM vocabulary WHERE phrase = ?1 COLLATE NOCASE "
                                  "ORDER BY 2, 1",
                              NULL, 0, name, named_row, &acc);
    if (s == HS_OK && acc.codes.n == 0)
        s = HS_NOTFOUND;
    if (s != HS_OK) {
        free(acc.codes.v);
        *codes = NULL;
        *n = 0;
        return s;
    }
    *codes = acc.codes.v;
    *n = acc.codes.n;
    return HS_OK;
}

/* ---- one code -------------------------------------------------------------------------- */

static enum hs_status code_row(sqlite3_stmt *st, void *arg)
{
    struct hs_code *c = arg;
    int ok = db_read_entry(st, 0, &c->e);
    c->spec = db_col(st, 6, &ok);
    c->cacheable = db_col(st, 7, &ok);
    c->permanence = db_col(st, 8, &ok);
    c->method = db_col(st, 9, &ok);
    c->headers = db_col(st, 10, &ok);
    c->resend = db_col(st, 11, &ok);
    c->class_title = db_col(st, 12, &ok);
    c->use_when = db_col(st, 13, &ok);
    c->not_when = db_col(st, 14, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

static enum hs_status section_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_section *s = db_vec_push(a);
    if (!s)
        return HS_ENOMEM;
    int ok = 1;
    s->kind = db_col(st, 0, &ok);
    s->source = db_col(st, 1, &ok);
    s->body = db_col_lines(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

static enum hs_status string_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    char **s = db_vec_push(a);
    if (!s)
        return HS_ENOMEM;
    int ok = 1;
    *s = db_col(st, 0, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

static enum hs_status link_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_link *l = db_vec_push(a);
    if (!l)
        return HS_ENOMEM;
    int ok = 1;
    l->code = sqlite3_column_int(st, 0);
    l->phrase = db_col(st, 1, &ok);
    l->reason = db_col(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

static enum hs_status const_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_const *k = db_vec_push(a);
    if (!k)
        return HS_ENOMEM;
    int ok = 1;
    k->lang = db_col(st, 0, &ok);
    k->name = db_col(st, 1, &ok);
    k->old = db_col(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

/* Run a list query into vec; HS_NOTFOUND (no rows) counts as success. */
static enum hs_status run_list(struct hs_db *db, const char *sql, int code, db_row_fn fn, struct vec *a)
{
    int args[1] = {code};
    enum hs_status s = db_run(db, sql, args, 1, NULL, fn, a);
    return s == HS_NOTFOUND ? HS_OK : s;
}

void hs_sections_free(struct hs_section *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(s[i].kind);
        free(s[i].source);
        free(s[i].body);
    }
    free(s);
}

static void strings_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void hs_code_free(struct hs_code *c)
{
    if (!c)
        return;
    db_entry_free(&c->e);
    free(c->class_title);
    free(c->spec);
    free(c->cacheable);
    free(c->permanence);
    free(c->method);
    free(c->headers);
    free(c->resend);
    free(c->use_when);
    free(c->not_when);
    strings_free(c->aliases, c->n_aliases);
    strings_free(c->vendors, c->n_vendors);
    hs_sections_free(c->sections, c->n_sections);
    for (size_t i = 0; i < c->n_related; i++) {
        free(c->related[i].phrase);
        free(c->related[i].reason);
    }
    free(c->related);
    for (size_t i = 0; i < c->n_consts; i++) {
        free(c->consts[i].lang);
        free(c->consts[i].name);
        free(c->consts[i].old);
    }
    free(c->consts);
    free(c);
}

enum hs_status hsdb_code(struct hs_db *db, int code, struct hs_code **out)
{
    *out = NULL;
    struct hs_code *c = db_calloc(1, sizeof *c);
    if (!c)
        return db_nomem(db);
    int args[1] = {code};
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT " ENTRY_COLS ", c.spec, c.cacheable, c.permanence, c.method, "
                               "c.headers, c.resend, k.title, c.use_when, c.not_when FROM codes c JOIN classes k ON k.class = c.class "
                               "WHERE c.code = ?1",
                           args, 1, NULL, code_row, c);
    struct vec v;
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(char *)};
        s = run_list(db, "SELECT alias FROM aliases WHERE code = ?1 ORDER BY ord", code, string_row, &v);
        c->aliases = v.v;
        c->n_aliases = v.n;
    }
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(char *)};
        s = run_list(db, "SELECT vendor FROM vendors WHERE code = ?1 ORDER BY ord", code, string_row, &v);
        c->vendors = v.v;
        c->n_vendors = v.n;
    }
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(struct hs_section)};
        s = run_list(db, "SELECT kind, source, body FROM sections WHERE code = ?1 ORDER BY ord", code, section_row, &v);
        c->sections = v.v;
        c->n_sections = v.n;
    }
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(struct hs_link)};
        s = run_list(db, "SELECT r.other, c.phrase, r.reason FROM related r JOIN codes c ON c.code = r.other "
                         "WHERE r.code = ?1 ORDER BY r.ord", code, link_row, &v);
        c->related = v.v;
        c->n_related = v.n;
    }
    if (s == HS_OK) {
        v = (struct vec){NULL, 0, 0, sizeof(struct hs_const)};
        /* Each library's current name with its older ones; a library with only older
         * names (deprecated without a successor: Spring's PROCESSING) has name ''. */
        s = run_list(db, "SELECT lang, name, olds FROM (SELECT lang, name, ifnull((SELECT group_concat(o.name || "
                         "CASE WHEN o.note <> '' THEN ', ' || o.note ELSE '' END, '; ') FROM constants o WHERE "
                         "o.code = k.code AND o.lang = k.lang AND o.old = 1), '') AS olds FROM constants k WHERE "
                         "code = ?1 AND old = 0 UNION ALL SELECT lang, '', group_concat(name || CASE WHEN note <> '' "
                         "THEN ', ' || note ELSE '' END, '; ') FROM constants o WHERE code = ?1 AND old = 1 AND "
                         "NOT EXISTS (SELECT 1 FROM constants k WHERE k.code = o.code AND k.lang = o.lang AND "
                         "k.old = 0) GROUP BY lang) ORDER BY CASE lang "
                         "WHEN 'python' THEN 1 WHEN 'go' THEN 2 WHEN 'rust' THEN 3 WHEN 'node' THEN 4 "
                         "WHEN 'java' THEN 5 WHEN 'dotnet' THEN 6 WHEN 'rails' THEN 7 ELSE 8 END",
                     code, const_row, &v);
        c->consts = v.v;
        c->n_consts = v.n;
    }
    if (s != HS_OK) {
        hs_code_free(c);
        return s;
    }
    *out = c;
    return HS_OK;
}

/* ---- classes and the page -------------------------------------------------------------- */

static enum hs_status class_row(sqlite3_stmt *st, void *arg)
{
    struct hs_class *k = arg;
    int ok = 1;
    k->klass = sqlite3_column_int(st, 0);
    k->title = db_col(st, 1, &ok);
    k->summary = db_col(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

void hs_class_free(struct hs_class *c)
{
    if (!c)
        return;
    free(c->title);
    free(c->summary);
    hs_sections_free(c->sections, c->n_sections);
    free(c);
}

enum hs_status hsdb_class(struct hs_db *db, int klass, struct hs_class **out)
{
    *out = NULL;
    struct hs_class *k = db_calloc(1, sizeof *k);
    if (!k)
        return db_nomem(db);
    int args[1] = {klass};
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT class, title, summary FROM classes WHERE class = ?1", args, 1, NULL, class_row, k);
    if (s == HS_OK) {
        struct vec v = {NULL, 0, 0, sizeof(struct hs_section)};
        s = run_list(db, "SELECT kind, source, body FROM sections WHERE class = ?1 AND code IS NULL ORDER BY ord",
                     klass, section_row, &v);
        k->sections = v.v;
        k->n_sections = v.n;
    }
    if (s != HS_OK) {
        hs_class_free(k);
        return s;
    }
    *out = k;
    return HS_OK;
}

enum hs_status hsdb_page(struct hs_db *db, struct hs_section **out, size_t *n)
{
    struct vec v = {NULL, 0, 0, sizeof(struct hs_section)};
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT kind, source, body FROM sections WHERE code IS NULL AND class IS NULL ORDER BY ord",
                           NULL, 0, NULL, section_row, &v);
    if (s != HS_OK && s != HS_NOTFOUND) {
        hs_sections_free(v.v, v.n);
        *out = NULL;
        *n = 0;
        return s;
    }
    *out = v.v;
    *n = v.n;
    return s;
}

/* ---- groups ---------------------------------------------------------------------------- */

struct group_acc {
    struct vec groups;
    struct hs_db *db;
};

static enum hs_status int_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    int *p = db_vec_push(a);
    if (!p)
        return HS_ENOMEM;
    *p = sqlite3_column_int(st, 0);
    return HS_OK;
}

static enum hs_status group_row(sqlite3_stmt *st, void *arg)
{
    struct vec *a = arg;
    struct hs_group *g = db_vec_push(a);
    if (!g)
        return HS_ENOMEM;
    int ok = 1;
    g->n = (size_t)sqlite3_column_int(st, 0); /* group id, replaced by the count below */
    g->name = db_col(st, 1, &ok);
    g->title = db_col(st, 2, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

void hs_groups_free(struct hs_group *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(g[i].name);
        free(g[i].title);
        free(g[i].codes);
    }
    free(g);
}

enum hs_status hsdb_groups_of(struct hs_db *db, int code, struct hs_group **out, size_t *n)
{
    struct vec v = {NULL, 0, 0, sizeof(struct hs_group)};
    db_start_call(db);
    enum hs_status s = run_list(db, "SELECT g.id, g.name, g.title FROM groups g WHERE g.id IN "
                                    "(SELECT group_id FROM group_codes WHERE code = ?1) ORDER BY g.id",
                                code, group_row, &v);
    struct hs_group *g = v.v;
    for (size_t i = 0; s == HS_OK && i < v.n; i++) {
        struct vec c = {NULL, 0, 0, sizeof(int)};
        s = run_list(db, "SELECT code FROM group_codes WHERE group_id = ?1 ORDER BY ord", (int)g[i].n, int_row, &c);
        g[i].codes = c.v;
        g[i].n = c.n;
    }
    if (s != HS_OK) {
        for (size_t i = 0; i < v.n; i++)
            if (!g[i].codes)
                g[i].n = 0;
        hs_groups_free(g, v.n);
        *out = NULL;
        *n = 0;
        return s;
    }
    *out = g;
    *n = v.n;
    return HS_OK;
}

