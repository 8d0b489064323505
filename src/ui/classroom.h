/* classroom.h — what the browser's quiz and flashcard overlays share (view_quiz.c,
 * view_learn.c): the round in play on the selected code's comparison group (or its class),
 * the bank it draws on, and the progress store its answers go to. Owned by struct app
 * (a->room) while one of the overlays is open. */
#ifndef HS_CLASSROOM_H
#define HS_CLASSROOM_H

#include <stdint.h>

#include "../learn.h"
#include "../progress.h"
#include "../quiz.h"
#include "app.h"
#include "card_screen.h"
#include "quiz_screen.h"

struct classroom {
    struct quiz_bank *bank;
    struct pg_store *store;
    int64_t session;
    int warned;                /* a failed write was reported */
    char *about;               /* what the round is on: the group's title, or "4xx Client Error" */
    int *codes;                /* the selection */
    size_t n_codes;
    /* the quiz */
    struct quiz *qz;
    struct qs_round qr;
    /* the flashcards */
    struct learn_round lr;
    struct lc_round lc;
};

/* A room for the browser's selection (a code: its first comparison group, or its class; a
 * class heading: that class), with the bank loaded and the store opened (a warning about
 * the store goes to the status line). Returns it, or NULL after setting a message. */
struct classroom *classroom_open(struct app *a, const char *mode);
void classroom_free(struct classroom *r);

/* Draw the status line of a round: what it is on, and how to leave. */
void classroom_status(struct app *a, struct rect r, const char *keys);

#endif
