/* card_screen.c — see card_screen.h. Keys change the state; lc_prepare turns it into lines;
 * lc_draw only draws them in a frame. */
#include "card_screen.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "../util.h"
#include "draw.h"
#include "frame.h"

#define MIN_W 30
#define MIN_H 8

void lc_init(struct lc_round *r, struct learn_round *round, struct quiz_bank *bank, int ascii, learn_grade_fn on_grade,
             void *ctx)
{
    memset(r, 0, sizeof *r);
    r->round = round;
    r->bank = bank;
    r->ascii = ascii;
    r->on_grade = on_grade;
    r->ctx = ctx;
    r->card = learn_round_next(round);
    r->done = r->card == NULL;
    r->need_prepare = 1;
}

static void drop_lines(struct lc_round *r)
{
    frame_lines_free(r->lines, r->n_lines);
    r->lines = NULL;
    r->n_lines = 0;
}

void lc_free(struct lc_round *r)
{
    drop_lines(r);
}

static int is_enter(int ch)
{
    return ch == '\n' || ch == '\r' || ch == KEY_ENTER;
}

int lc_key(struct lc_round *r, int ch)
{
    if (ch == KEY_RESIZE) {
        r->need_prepare = 1;
        return LC_REDRAW;
    }
    if (r->done)
        return ch == 'q' || ch == 'Q' || ch == 27 || is_enter(ch) ? LC_QUIT : LC_NOTHING;
    if (ch == 'q' || ch == 'Q') {
        r->done = 1;
        r->stopped = 1;
    } else if (!r->revealed) {
        if (!(ch == ' ' || is_enter(ch) || ch == KEY_DOWN || ch == 'j'))
            return LC_NOTHING;
        r->revealed = 1;
    } else {
        if (ch < '1' || ch > '4')
            return LC_NOTHING;
        enum learn_grade g = (enum learn_grade)(ch - '0');
        const char *w = r->on_grade ? r->on_grade(r->ctx, r->round, g) : (learn_round_grade(r->round, g, 0), NULL);
        if (w)
            r->warning = w;
        if (g == LEARN_AGAIN)
            snprintf(r->last, sizeof r->last, "again: it comes back in a few cards");
        else
            snprintf(r->last, sizeof r->last, "%s: next in box %d", learn_grade_name(g), r->round->cur.box);
        r->card = learn_round_next(r->round);
        r->revealed = 0;
        r->done = r->card == NULL;
    }
    r->need_prepare = 1;
    return LC_REDRAW;
}

/* ---- layout ------------------------------------------------------------------------------------ */


void lc_prepare(struct lc_round *r, int w, int h)
{
    (void)h;
    if (!r->need_prepare && r->lines && r->prepared_w == w)
        return;
    r->prepared_w = w;
    drop_lines(r);
    int cw = w - 4;
    struct frame_lines l = {0};
    char buf[160];
    if (cw < MIN_W - 4) {
        /* nothing fits: lc_draw says so */
    } else if (r->done) {
        const struct learn_round *d = r->round;
        snprintf(buf, sizeof buf, "Reviewed %d card%s: %d again, %d hard, %d good, %d easy.", d->shown,
                 d->shown == 1 ? "" : "s", d->by_grade[1], d->by_grade[2], d->by_grade[3], d->by_grade[4]);
        frame_add_wrapped(&l, "", buf, cw, ST_BOLD);
        frame_add(&l, "", 0, ST_NORMAL);
        frame_add_wrapped(&l, "", d->n == 0 ? "Nothing is due: every card is waiting for its next review."
                        : r->stopped ? "Stopped: the cards not graded wait for the next round."
                        : learn_round_exhausted(d) ? "Nothing more is due for now."
                        : "That is the round; the other cards wait for the next one.", cw, ST_NORMAL);
    } else {
        char *label = quiz_code_label(r->bank, r->card->code);
        char *meaning = quiz_code_meaning(r->bank, r->card->code);
        if (r->last[0])
            frame_add_wrapped(&l, "", r->last, cw, ST_DIM);
        frame_add(&l, "", 0, ST_NORMAL);
        if (r->card->side == PG_SIDE_CODE) {
            snprintf(buf, sizeof buf, "%03d", r->card->code);
            frame_add(&l, buf, strlen(buf), ST_BOLD);
            frame_add(&l, "What does it mean?", 18, ST_NORMAL);
        } else {
            frame_add_wrapped(&l, "", meaning ? meaning : "", cw, ST_BOLD);
            frame_add(&l, "Which code is it?", 17, ST_NORMAL);
        }
        frame_add(&l, "", 0, ST_NORMAL);
        if (r->revealed) {
            frame_add_wrapped(&l, "", label ? label : "", cw, ST_CLASS2);
            if (r->card->side == PG_SIDE_CODE)
                frame_add_wrapped(&l, "", meaning ? meaning : "", cw, ST_NORMAL);
            frame_add(&l, "", 0, ST_NORMAL);
            frame_add(&l, "How well did you know it?", 25, ST_BOLD);
            frame_add_wrapped(&l, "", "1 again   2 hard   3 good   4 easy", cw, ST_NORMAL);
        } else {
            frame_add_wrapped(&l, "", "Think of the answer, then press Space to see it.", cw, ST_DIM);
        }
        free(label);
        free(meaning);
    }
    r->lines = l.v;
    r->n_lines = l.n;
    r->need_prepare = 0;
}

void lc_draw(const struct lc_round *r, int y, int x, int h, int w)
{
    if (w < MIN_W || h < MIN_H) {
        draw_text(y, x, w, "The flashcards need at least 30x8 cells.", ST_NORMAL);
        return;
    }
    for (int i = 0; i < h - 2 && (size_t)i < r->n_lines; i++)
        draw_text(y + 1 + i, x + 2, w - 4, r->lines[i].text, r->lines[i].st);
    char title[96];
    if (r->done)
        snprintf(title, sizeof title, "flashcards: %d reviewed", r->round->shown);
    else
        snprintf(title, sizeof title, "flashcards: card %d of at most %d (box %d)", r->round->shown + 1,
                 r->round->limit, r->card->box);
    const char *hint = r->done ? "q or Enter: leave" : r->revealed ? "1 again  2 hard  3 good  4 easy  q stop" : "Space show  q stop";
    frame_draw(y, x, h, w, title, ST_BOLD, r->warning ? r->warning : hint, r->warning ? ST_ERROR : ST_DIM, r->ascii);
}

/* ---- full screen ------------------------------------------------------------------------------- */

static void prepare_op(void *st, int w, int h)
{
    lc_prepare(st, w, h);
}

static void draw_op(const void *st, int y, int x, int h, int w)
{
    lc_draw(st, y, x, h, w);
}

static int key_op(void *st, int ch)
{
    int r = lc_key(st, ch);
    return (r & LC_QUIT ? FRAME_QUIT : 0) | (r & LC_REDRAW ? FRAME_REDRAW : 0);
}

int lc_run(struct learn_round *round, struct quiz_bank *bank, int ascii, learn_grade_fn on_grade, void *ctx,
           const char **why)
{
    static const struct frame_ops ops = {
        prepare_op, draw_op, key_op,
        "this terminal type (TERM) is unknown; set TERM, or give the answers on standard input",
        "this terminal cannot move the cursor; give the answers on standard input instead",
    };
    struct lc_round r;
    lc_init(&r, round, bank, ascii, on_grade, ctx);
    int status = frame_run(&ops, &r, ascii, why);
    lc_free(&r);
    return status;
}
