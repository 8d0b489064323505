/* data_scenarios.c — see data_scenarios.h. Part of the data layer (data_int.h): the same
 * allocators (HS_ENOMEM on failure, nothing leaked), the same statement runner. */
#include "data_scenarios.h"

#include <stdlib.h>
#include <string.h>

#include "data_int.h"

void hs_scenarios_free(struct hs_scenario *v, size_t n)
{
    if (!v)
        return;
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].situation);
        free(v[i].convention);
        free(v[i].why);
        free(v[i].also);
        for (size_t k = 0; k < v[i].n_wrong; k++) {
            free(v[i].wrong[k].phrase);
            free(v[i].wrong[k].reason);
        }
        free(v[i].wrong);
    }
    free(v);
}

static enum hs_status count_row(sqlite3_stmt *st, void *arg)
{
    *(int *)arg = sqlite3_column_int(st, 0);
    return HS_OK;
}

static enum hs_status scenario_row(sqlite3_stmt *st, void *arg)
{
    struct hs_scenario *sc = db_vec_push(arg);
    if (!sc)
        return HS_ENOMEM;
    int ok = 1;
    sc->id = db_col(st, 0, &ok);
    sc->situation = db_col(st, 1, &ok);
    sc->best = sqlite3_column_int(st, 2);
    sc->convention = db_col(st, 3, &ok);
    sc->why = db_col(st, 4, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

struct codes_acc {
    struct vec also;      /* int */
    struct vec wrong;     /* struct hs_link */
};

static enum hs_status code_row(sqlite3_stmt *st, void *arg)
{
    struct codes_acc *a = arg;
    if (strcmp(db_peek(st, 0), "also") == 0) {
        int *c = db_vec_push(&a->also);
        if (!c)
            return HS_ENOMEM;
        *c = sqlite3_column_int(st, 1);
        return HS_OK;
    }
    struct hs_link *w = db_vec_push(&a->wrong);
    if (!w)
        return HS_ENOMEM;
    int ok = 1;
    w->code = sqlite3_column_int(st, 1);
    w->reason = db_col(st, 2, &ok);
    w->phrase = db_col(st, 3, &ok);
    return ok ? HS_OK : HS_ENOMEM;
}

enum hs_status hsdb_scenarios(struct hs_db *db, struct hs_scenario **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    db_start_call(db);
    int have = 0;
    enum hs_status s = db_run(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'scenarios'",
                              NULL, 0, NULL, count_row, &have);
    if (s != HS_OK && s != HS_NOTFOUND)
        return s;
    if (!have)
        return HS_NOTFOUND;      /* an older database: no scenarios table */
    struct vec v = {NULL, 0, 0, sizeof(struct hs_scenario)};
    s = db_run(db, "SELECT id, situation, best, convention, why FROM scenarios ORDER BY ord", NULL, 0, NULL,
               scenario_row, &v);
    struct hs_scenario *sc = v.v;
    for (size_t i = 0; s == HS_OK && i < v.n; i++) {
        struct codes_acc a = {{NULL, 0, 0, sizeof(int)}, {NULL, 0, 0, sizeof(struct hs_link)}};
        s = db_run(db, "SELECT s.kind, s.code, s.reason, coalesce(c.phrase, '') "
                       "FROM scenario_codes s LEFT JOIN codes c ON c.code = s.code "
                       "WHERE s.scenario = ?1 ORDER BY s.kind, s.ord",
                   NULL, 0, sc[i].id, code_row, &a);
        if (s == HS_NOTFOUND)
            s = HS_OK;
        sc[i].also = a.also.v;
        sc[i].n_also = a.also.n;
        sc[i].wrong = a.wrong.v;
        sc[i].n_wrong = a.wrong.n;
    }
    if (s != HS_OK) {
        hs_scenarios_free(sc, v.n);
        return s == HS_NOTFOUND ? HS_NOTFOUND : s;
    }
    *out = sc;
    *n = v.n;
    return HS_OK;
}
