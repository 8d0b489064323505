/* learn.h — spaced repetition for flashcards: Leitner boxes. No curses and no SQL: it
 * works on struct pg_card values, which progress.h stores.
 *
 * Five boxes. A new card enters box 1. "again" puts a card back in box 1 (and counts a
 * lapse); "hard" keeps it in its box; "good" moves it up one box, "easy" two. A card is due
 * when the interval of its box has passed since its last review: box 1 ten minutes, box 2
 * a day, box 3 three days, box 4 a week, box 5 three weeks ("hard" waits half of that).
 * Within a round, a card answered "again" comes back after a few other cards. A card in
 * box 4 or 5 counts as mastered; one with two or more lapses, or back in box 1 after a
 * lapse, as weak. */
#ifndef HS_LEARN_H
#define HS_LEARN_H

#include <stdint.h>

#include "progress.h"
#include "quiz.h"

enum learn_grade { LEARN_AGAIN = 1, LEARN_HARD = 2, LEARN_GOOD = 3, LEARN_EASY = 4 };

#define LEARN_BOXES 5
/* Cards answered "again" come back after this many other cards in the same round. */
#define LEARN_REQUEUE_GAP 3

/* Seconds a card waits in box (1..LEARN_BOXES). */
int64_t learn_interval(int box);

/* A new card for code and side (box 0, due now). */
struct pg_card learn_new_card(int code, int side, int64_t now);

/* Apply a grade given at time now: box, interval, due, reps, lapses, last. */
void learn_grade(struct pg_card *c, enum learn_grade g, int64_t now);

/* A grade from an answer line: 1-4, or again, hard, good, easy (any case, spaces around);
 * -1 for anything else. */
int learn_parse_grade(const char *line);
const char *learn_grade_name(enum learn_grade g);

int learn_is_due(const struct pg_card *c, int64_t now);
int learn_is_mastered(const struct pg_card *c);
int learn_is_weak(const struct pg_card *c);

/* ---- a round of flashcards ---------------------------------------------------------------- */

/* New cards a round introduces at most. */
#define LEARN_NEW_PER_ROUND 10

/* The cards of a round in the order they come: the due cards of the selection (oldest due
 * first), then up to LEARN_NEW_PER_ROUND new ones (codes missed in quizzes first, then the
 * top ten, then the rest; a code's meaning side once its code side has left box 1). */
struct learn_round {
    struct pg_card *v;
    size_t n, cap;
    size_t pos;               /* the next card */
    int limit;                /* cards shown at most */
    int shown;                /* cards graded */
    int by_grade[LEARN_EASY + 1];
    struct pg_card cur;       /* the card being shown (learn_round_next) */
};

/* Build the round for codes[0..n) from the store's cards and quiz results (an off store:
 * every card is new). */
void learn_round_build(struct learn_round *r, struct quiz_bank *bank, struct pg_store *store, const int *codes,
                       size_t n_codes, int64_t now, int limit);
/* The next card (r->cur), or NULL when the round is over: the limit reached, or nothing is
 * left. */
const struct pg_card *learn_round_next(struct learn_round *r);
/* Grade r->cur at time now: reschedule it; "again" brings it back LEARN_REQUEUE_GAP cards
 * later. */
void learn_round_grade(struct learn_round *r, enum learn_grade g, int64_t now);
/* Whether every card of the round has been shown (rather than the limit reached). */
int learn_round_exhausted(const struct learn_round *r);
void learn_round_free(struct learn_round *r);

/* ---- front ends ------------------------------------------------------------------------------ */

/* Called by a front end when the learner grades r->cur: grade it (learn_round_grade, at the
 * caller's time) and save it; returns a warning to show (owned by the callee) or NULL. */
typedef const char *(*learn_grade_fn)(void *ctx, struct learn_round *r, enum learn_grade g);

/* A front end that runs a round on a terminal (the UI's lc_run): 0 when it ran; else *why
 * says why the terminal cannot be used. */
typedef int (*learn_screen_fn)(struct learn_round *r, struct quiz_bank *bank, int ascii, learn_grade_fn on_grade,
                               void *ctx, const char **why);

#endif
