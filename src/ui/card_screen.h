/* card_screen.h — a round of flashcards on the screen: its state, its keys, and drawing it
 * within a frame. `httpstatus learn` on a terminal runs it full-screen (lc_run); the
 * browser shows the same round as a view (lc_prepare / lc_draw / lc_key).
 *
 * Keys: Space, Enter or Down shows the answer; then 1 again, 2 hard, 3 good, 4 easy; q ends
 * the round and shows what was reviewed; there, q or Enter leaves. */
#ifndef HS_CARD_SCREEN_H
#define HS_CARD_SCREEN_H

#include <stddef.h>

#include "../learn.h"
#include "../quiz.h"

struct frame_line;   /* frame.h: a content line and its style */

enum { LC_NOTHING = 0, LC_REDRAW = 1, LC_QUIT = 2 };

struct lc_round {
    struct learn_round *round;   /* borrowed */
    struct quiz_bank *bank;      /* borrowed: the cards' texts */
    int ascii;
    learn_grade_fn on_grade;
    void *ctx;
    const struct pg_card *card;  /* the card shown; NULL when the round is over */
    int revealed;
    int done;                    /* the summary page */
    int stopped;                 /* q before the round was over */
    const char *warning;         /* from on_grade, shown on the bottom line */
    char last[64];               /* what the last grade did: "good: next in box 3" */
    struct frame_line *lines;       /* prepared by lc_prepare */
    size_t n_lines;
    int need_prepare;
    int prepared_w;
};

void lc_init(struct lc_round *r, struct learn_round *round, struct quiz_bank *bank, int ascii, learn_grade_fn on_grade,
             void *ctx);
void lc_free(struct lc_round *r);
int lc_key(struct lc_round *r, int ch);
void lc_prepare(struct lc_round *r, int w, int h);
void lc_draw(const struct lc_round *r, int y, int x, int h, int w);

/* The round full-screen (a learn_screen_fn). */
int lc_run(struct learn_round *round, struct quiz_bank *bank, int ascii, learn_grade_fn on_grade, void *ctx,
           const char **why);

#endif
