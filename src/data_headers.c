/* data_headers.c — header fields (assets/headers/): one header with the codes that send or
 * require it, and the list of all headers. */
#include "data_int.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

static void header_fields_free(struct hs_header *h)
{
    free(h->name);
    free(h->summary);
    free(h->spec);
    free(h->description);
    for (size_t i = 0; i < h->n_rules; i++) {
        free(h->rules[i].phrase);
        free(h->rules[i].level);
        free(h->rules[i].text);
    }
    free(h->rules);
}

void hs_header_free(struct hs_header *h)
{
    if (!h)
        return;
    header_fields_free(h);
    free(h);
}

void hs_headers_free(struct hs_header *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        header_fields_free(&v[i]);
    free(v);
}

/* Columns: name, summary, spec, description. */
static int read_header(sqlite3_stmt *st, struct hs_header *h)
{
    int ok = 1;
    h->name = db_col(st, 0, &ok);
    h->summary = db_col(st, 1, &ok);
    h->spec = db_col(st, 2, &ok);
    h->description = db_col(st, 3, &ok);
    return ok;
}

static enum hs_status header_row(sqlite3_stmt *st, void *arg)
{
    return read_header(st, arg) ? HS_OK : HS_ENOMEM;
}

static enum hs_status header_list_row(sqlite3_stmt *st, void *arg)
{
    struct hs_header *h = db_vec_push(arg);
    if (!h)
        return HS_ENOMEM;
    return read_header(st, h) ? HS_OK : HS_ENOMEM;
}

static enum hs_status rule_row(sqlite3_stmt *st, void *arg)
{
    struct hs_header_rule *r = db_vec_push(arg);
    if (!r)
        return HS_ENOMEM;
    int ok = 1;
    r->code = sqlite3_column_int(st, 0);
    r->phrase = db_col(st, 1, &ok);
    r->level = db_col(st, 2, &ok);
    r->text = db_col(st, 3, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

enum hs_status hsdb_header(struct hs_db *db, const char *name, struct hs_header **out)
{
    *out = NULL;
    struct hs_header *h = db_calloc(1, sizeof *h);
    if (!h)
        return db_nomem(db);
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT name, summary, spec, description FROM headers WHERE name = ?1 COLLATE NOCASE",
                              NULL, 0, name, header_row, h);
    if (s == HS_OK) {
        struct vec v = {NULL, 0, 0, sizeof(struct hs_header_rule)};
        s = db_run(db, "SELECT r.code, c.phrase, r.level, r.text FROM header_rules r JOIN codes c ON c.code = r.code "
                       "WHERE r.header = ?1 COLLATE NOCASE ORDER BY r.ord",
                   NULL, 0, h->name, rule_row, &v);
        h->rules = v.v;
        h->n_rules = v.n;
        if (s == HS_NOTFOUND)
            s = HS_OK;
    }
    if (s != HS_OK) {
        hs_header_free(h);
        return s;
    }
    *out = h;
    return HS_OK;
}

enum hs_status hsdb_header_list(struct hs_db *db, struct hs_header **out, size_t *n)
{
    struct vec v = {NULL, 0, 0, sizeof(struct hs_header)};
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT name, summary, spec, description FROM headers ORDER BY name COLLATE NOCASE",
                              NULL, 0, NULL, header_list_row, &v);
    if (s != HS_OK && s != HS_NOTFOUND) {
        hs_headers_free(v.v, v.n);
        *out = NULL;
        *n = 0;
        return s;
    }
    *out = v.v;
    *n = v.n;
    return s;
}
