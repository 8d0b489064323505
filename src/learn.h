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

#endif
