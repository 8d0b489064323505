/* data_scenarios.c — see data_scenarios.h. Part of the data layer: it reads through the
 * connection of data.c (data_private.h). Memory: the plain malloc family, HS_ENOMEM on
 * failure (nothing leaked), like data.c. Every prepare has its finalize on every path. */
#include "data_scenarios.h"

#include <stdlib.h>
#include <string.h>

#include "data_private.h"

static char *dup_col(sqlite3_stmt *st, int i, int *ok)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    const char *s = t ? (const char *)t : "";
    size_t n = strlen(s);
    char *p = malloc(n + 1);
    if (!p) {
        *ok = 0;
        return NULL;
    }
    memcpy(p, s, n + 1);
    return p;
}

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

/* The also and wrong codes of one scenario. */
static int read_codes(sqlite3 *c, struct hs_scenario *sc)
{
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c, "SELECT s.kind, s.code, s.reason, coalesce(c.phrase, '') "
                                   "FROM scenario_codes s LEFT JOIN codes c ON c.code = s.code "
                                   "WHERE s.scenario = ?1 ORDER BY s.kind, s.ord",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_text(st, 1, sc->id, -1, SQLITE_STATIC);
    size_t cap_also = 0, cap_wrong = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const unsigned char *kind = sqlite3_column_text(st, 0);
        int code = sqlite3_column_int(st, 1);
        if (kind && strcmp((const char *)kind, "also") == 0) {
            if (sc->n_also == cap_also) {
                cap_also = cap_also ? cap_also * 2 : 4;
                int *v = realloc(sc->also, cap_also * sizeof *v);
                if (!v) {
                    rc = SQLITE_NOMEM;
                    break;
                }
                sc->also = v;
            }
            sc->also[sc->n_also++] = code;
        } else {
            if (sc->n_wrong == cap_wrong) {
                cap_wrong = cap_wrong ? cap_wrong * 2 : 4;
                struct hs_link *v = realloc(sc->wrong, cap_wrong * sizeof *v);
                if (!v) {
                    rc = SQLITE_NOMEM;
                    break;
                }
                sc->wrong = v;
            }
            struct hs_link *w = &sc->wrong[sc->n_wrong++];
            int ok = 1;
            w->code = code;
            w->reason = dup_col(st, 2, &ok);
            w->phrase = dup_col(st, 3, &ok);
            if (!ok) {
                rc = SQLITE_NOMEM;
                break;
            }
        }
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

enum hs_status hsdb_scenarios(struct hs_db *db, struct hs_scenario **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    sqlite3 *c = hsdb_conn_(db);
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(c, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'scenarios'",
                                -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hsdb_fail_(db, rc);
    int have = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) > 0;
    sqlite3_finalize(st);
    if (!have)
        return HS_NOTFOUND;

    rc = sqlite3_prepare_v2(c, "SELECT id, situation, best, convention, why FROM scenarios ORDER BY ord", -1, &st, NULL);
    if (rc != SQLITE_OK)
        return hsdb_fail_(db, rc);
    struct hs_scenario *v = NULL;
    size_t cap = 0, count = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (count == cap) {
            size_t ncap = cap ? cap * 2 : 64;
            struct hs_scenario *nv = realloc(v, ncap * sizeof *nv);
            if (!nv) {
                rc = SQLITE_NOMEM;
                break;
            }
            v = nv;
            cap = ncap;
        }
        struct hs_scenario *sc = &v[count++];
        memset(sc, 0, sizeof *sc);
        int ok = 1;
        sc->id = dup_col(st, 0, &ok);
        sc->situation = dup_col(st, 1, &ok);
        sc->best = sqlite3_column_int(st, 2);
        sc->convention = dup_col(st, 3, &ok);
        sc->why = dup_col(st, 4, &ok);
        if (!ok) {
            rc = SQLITE_NOMEM;
            break;
        }
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_DONE)
        rc = SQLITE_OK;
    for (size_t i = 0; rc == SQLITE_OK && i < count; i++)
        rc = read_codes(c, &v[i]);
    if (rc != SQLITE_OK) {
        hs_scenarios_free(v, count);
        return hsdb_fail_(db, rc);
    }
    if (count == 0) {
        free(v);
        return HS_NOTFOUND;
    }
    *out = v;
    *n = count;
    return HS_OK;
}
