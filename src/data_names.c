/* data_names.c — names for shell completion (data.h): every header entry's name and
 * summary. */
#include <stdlib.h>

#include "data_int.h"

struct name_pair {
    char *name, *summary;
};

static enum hs_status pair_row(sqlite3_stmt *st, void *arg)
{
    struct name_pair *p = db_vec_push(arg);
    if (!p)
        return HS_ENOMEM;
    int ok = 1;
    p->name = db_col(st, 0, &ok);
    p->summary = db_col(st, 1, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

enum hs_status hsdb_header_names(struct hs_db *db, char ***names, char ***summaries, size_t *n)
{
    struct vec v = {NULL, 0, 0, sizeof(struct name_pair)};
    *names = *summaries = NULL;
    *n = 0;
    db_start_call(db);
    enum hs_status s = db_run(db, "SELECT name, summary FROM headers ORDER BY name", NULL, 0, NULL, pair_row, &v);
    struct name_pair *p = v.v;
    char **a = NULL, **b = NULL;
    if (s == HS_OK) {
        a = db_calloc(v.n, sizeof *a);
        b = db_calloc(v.n, sizeof *b);
        if (!a || !b)
            s = db_nomem(db);
    }
    for (size_t i = 0; i < v.n; i++) {
        if (s == HS_OK) {
            a[i] = p[i].name;
            b[i] = p[i].summary;
        } else {
            free(p[i].name);
            free(p[i].summary);
        }
    }
    free(p);
    if (s != HS_OK) {
        free(a);
        free(b);
        return s;
    }
    *names = a;
    *summaries = b;
    *n = v.n;
    return HS_OK;
}
