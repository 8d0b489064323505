/* data_scenarios.h — the quiz scenarios of the bundled database (assets/scenarios.txt):
 * a situation a developer meets, the best code, codes also accepted under another
 * convention, and tempting wrong codes with the reason each is wrong. Part of the data
 * layer (data_scenarios.c); the same rules as data.h: statuses, caller frees with the
 * matching *_free, strings are raw text from the database (sanitise before showing). */
#ifndef HS_DATA_SCENARIOS_H
#define HS_DATA_SCENARIOS_H

#include <stddef.h>

#include "data.h"

struct hs_scenario {
    char *id;             /* lowercase-with-dashes */
    char *situation;
    int best;
    char *convention;     /* "" when there is no also */
    char *why;
    int *also;            /* codes also accepted */
    size_t n_also;
    struct hs_link *wrong;   /* code, its phrase, why it is wrong */
    size_t n_wrong;
};

/* Every scenario, in corpus order. HS_NOTFOUND (and *n 0) when the database has none
 * (an older database has no scenarios table). */
enum hs_status hsdb_scenarios(struct hs_db *db, struct hs_scenario **out, size_t *n);
void hs_scenarios_free(struct hs_scenario *v, size_t n);

#endif
