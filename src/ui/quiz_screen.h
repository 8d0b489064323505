/* quiz_screen.h — a quiz round on the screen: its state, its keys, and drawing it within a
 * frame. `httpstatus quiz` on a terminal runs it full-screen (qs_run); the browser can show
 * the same round as a view (qs_prepare / qs_draw / qs_key on a rectangle of its own).
 *
 * Keys: a-d or 1-4 answer at once; Up/Down (k/j) move the highlight and Enter answers;
 * after an answer, Enter (Space, n, Right) goes on and Up/Down scroll a long explanation;
 * q shows the score so far; on the score page, q or Enter leaves. */
#ifndef HS_QUIZ_SCREEN_H
#define HS_QUIZ_SCREEN_H

#include <stddef.h>

#include "../quiz.h"

struct frame_line;   /* frame.h: a content line and its style */

enum { QS_NOTHING = 0, QS_REDRAW = 1, QS_QUIT = 2 };

struct qs_round {
    const struct quiz *qz;       /* borrowed */
    struct quiz_bank *bank;      /* borrowed: labels for the review list */
    int ascii;
    quiz_answer_fn on_answer;
    void *ctx;
    size_t cur;                  /* the question shown */
    int sel;                     /* the highlighted option */
    int chosen;                  /* -1 while asking; else the option answered */
    int done;                    /* the score page */
    struct quiz_score score;
    const char *warning;         /* from on_answer, shown on the bottom line */
    size_t top;                  /* first content line shown (scrolling) */
    /* prepared by qs_prepare for one width: the content lines */
    struct frame_line *lines;
    size_t n_lines;
    int prepared_w;
    int need_prepare;
    size_t sel_line;             /* first line of the highlighted option */
    size_t sel_end;
};

void qs_init(struct qs_round *r, const struct quiz *qz, struct quiz_bank *bank, int ascii, quiz_answer_fn on_answer,
             void *ctx);
void qs_free(struct qs_round *r);

/* Handle a key (a curses key code); returns QS_* flags. */
int qs_key(struct qs_round *r, int ch);

/* Lay the current state out for a frame of w x h cells (before drawing). */
void qs_prepare(struct qs_round *r, int w, int h);
/* Draw the round within a frame at (y, x), h rows by w columns, from prepared state. */
void qs_draw(const struct qs_round *r, int y, int x, int h, int w);

/* The whole quiz full-screen on the terminal (a quiz_screen_fn), until the last question is answered or q;
 * then the terminal is restored. Returns 0, or 2 after *why is set when the terminal cannot
 * be used (nothing was asked then). score receives the result (caller frees). */
int qs_run(const struct quiz *qz, struct quiz_bank *bank, int ascii, quiz_answer_fn on_answer, void *ctx,
           struct quiz_score *score, const char **why);

#endif
