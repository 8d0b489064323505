/* quiz_screen.c — see quiz_screen.h. Keys change the round's state; qs_prepare turns the
 * state into lines for a width; qs_draw only draws those lines in a frame. */
#include "quiz_screen.h"

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

static const char letters[] = "abcd";

/* ---- state ----------------------------------------------------------------------------------- */

void qs_init(struct qs_round *r, const struct quiz *qz, struct quiz_bank *bank, int ascii, quiz_answer_fn on_answer,
             void *ctx)
{
    memset(r, 0, sizeof *r);
    r->qz = qz;
    r->bank = bank;
    r->ascii = ascii;
    r->on_answer = on_answer;
    r->ctx = ctx;
    r->chosen = -1;
    r->done = qz->n == 0;
    r->need_prepare = 1;
}

static void drop_lines(struct qs_round *r)
{
    frame_lines_free(r->lines, r->n_lines);
    r->lines = NULL;
    r->n_lines = 0;
}

void qs_free(struct qs_round *r)
{
    drop_lines(r);
    quiz_score_free(&r->score);
}

static void answer(struct qs_round *r, int i)
{
    const struct quiz_question *q = &r->qz->q[r->cur];
    r->chosen = i;
    r->sel = i;
    int right = quiz_score_add(&r->score, q, i);
    if (r->on_answer) {
        const char *w = r->on_answer(r->ctx, q, i, right);
        if (w)
            r->warning = w;
    }
    r->top = 0;
}

static void next(struct qs_round *r)
{
    r->cur++;
    r->chosen = -1;
    r->sel = 0;
    r->top = 0;
    if (r->cur >= r->qz->n)
        r->done = 1;
}

static int is_enter(int ch)
{
    return ch == '\n' || ch == '\r' || ch == KEY_ENTER;
}

int qs_key(struct qs_round *r, int ch)
{
    if (ch == KEY_RESIZE) {
        r->need_prepare = 1;
        return QS_REDRAW;
    }
    if (r->done) {
        if (ch == 'q' || ch == 'Q' || ch == 27 || is_enter(ch))
            return QS_QUIT;
        if (ch == KEY_UP || ch == 'k') {
            if (r->top)
                r->top--;
        } else if (ch == KEY_DOWN || ch == 'j') {
            r->top++;
        } else {
            return QS_NOTHING;
        }
        r->need_prepare = 1;
        return QS_REDRAW;
    }
    if (ch == 'q' || ch == 'Q') {
        r->done = 1;
        r->top = 0;
        r->need_prepare = 1;
        return QS_REDRAW;
    }
    if (r->chosen < 0) {
        int pick = -1;
        if (ch >= 'a' && ch < 'a' + QUIZ_OPTIONS)
            pick = ch - 'a';
        else if (ch >= 'A' && ch < 'A' + QUIZ_OPTIONS)
            pick = ch - 'A';
        else if (ch >= '1' && ch < '1' + QUIZ_OPTIONS)
            pick = ch - '1';
        else if (is_enter(ch))
            pick = r->sel;
        else if (ch == KEY_UP || ch == 'k')
            r->sel = (r->sel + QUIZ_OPTIONS - 1) % QUIZ_OPTIONS;
        else if (ch == KEY_DOWN || ch == 'j')
            r->sel = (r->sel + 1) % QUIZ_OPTIONS;
        else
            return QS_NOTHING;
        if (pick >= 0)
            answer(r, pick);
    } else {
        if (is_enter(ch) || ch == ' ' || ch == 'n' || ch == KEY_RIGHT)
            next(r);
        else if (ch == KEY_UP || ch == 'k') {
            if (r->top)
                r->top--;
        } else if (ch == KEY_DOWN || ch == 'j')
            r->top++;
        else
            return QS_NOTHING;
    }
    r->need_prepare = 1;
    return QS_REDRAW;
}

/* ---- layout ------------------------------------------------------------------------------------ */


static void blank(struct frame_lines *l)
{
    frame_add(l, "", 0, ST_NORMAL);
}

static void layout_question(struct qs_round *r, struct frame_lines *l, int w)
{
    const struct quiz_question *q = &r->qz->q[r->cur];
    frame_add_wrapped(l, "", q->prompt, w, ST_BOLD);
    if (q->note)
        frame_add_wrapped(l, "", q->note, w, ST_DIM);
    blank(l);
    for (int i = 0; i < QUIZ_OPTIONS; i++) {
        char prefix[8];
        snprintf(prefix, sizeof prefix, "%c) ", letters[i]);
        if (r->chosen < 0) {
            if (i == r->sel)
                r->sel_line = l->n;
            frame_add_wrapped(l, prefix, q->opt[i].text, w, i == r->sel ? ST_SELECTED : ST_NORMAL);
            if (i == r->sel)
                r->sel_end = l->n;
            continue;
        }
        /* After the answer: one line per option, marked right or wrong. */
        struct sb b;
        sb_init(&b);
        int right = i == q->answer, picked = i == r->chosen;
        sb_puts(&b, right ? (r->ascii ? "+ " : "\xE2\x9C\x93 ") : picked ? (r->ascii ? "x " : "\xE2\x9C\x97 ") : "  ");
        sb_puts(&b, prefix);
        txt_fit(&b, q->opt[i].text, w - 5, 1, r->ascii);
        frame_add(l, b.buf, b.len, right ? ST_CLASS2 : picked ? ST_ERROR : ST_DIM);
        sb_free(&b);
    }
    if (r->chosen < 0)
        return;
    blank(l);
    struct sb b;
    sb_init(&b);
    if (r->chosen == q->answer) {
        sb_printf(&b, "Right: %c) %s", letters[q->answer], q->answer_label);
        frame_add_wrapped(l, "", b.buf, w, ST_BOLD);
    } else {
        sb_printf(&b, "Wrong: the answer is %c) %s", letters[q->answer], q->answer_label);
        frame_add_wrapped(l, "", b.buf, w, ST_ERROR);
    }
    sb_free(&b);
    frame_add_wrapped(l, "Why: ", q->why, w, ST_NORMAL);
    if (r->chosen != q->answer) {
        blank(l);
        frame_add_wrapped(l, "Not that one: ", q->opt[r->chosen].why_not, w, ST_NORMAL);
    }
}

static void layout_score(struct qs_round *r, struct frame_lines *l, int w)
{
    struct sb b;
    sb_init(&b);
    sb_printf(&b, "Score: %d/%d", r->score.correct, r->score.asked);
    frame_add(l, b.buf, b.len, ST_BOLD);
    if ((size_t)r->score.asked < r->qz->n) {
        sb_reset(&b);
        sb_printf(&b, "Stopped after %d of %zu questions.", r->score.asked, r->qz->n);
        frame_add_wrapped(l, "", b.buf, w, ST_NORMAL);
    }
    blank(l);
    if (r->score.n_review) {
        frame_add(l, "To review:", 10, ST_HEADING);
        for (size_t i = 0; i < r->score.n_review; i++) {
            char *label = quiz_code_label(r->bank, r->score.review[i]);
            frame_add_wrapped(l, "  ", label ? label : "?", w, ST_NORMAL);
            free(label);
        }
        blank(l);
    } else if (r->score.asked) {
        frame_add(l, "Nothing to review.", 18, ST_NORMAL);
        blank(l);
    }
    sb_reset(&b);
    sb_printf(&b, "Seed %llu: the same seed gives the same quiz.", (unsigned long long)r->qz->seed);
    frame_add_wrapped(l, "", b.buf, w, ST_DIM);
    sb_free(&b);
}

void qs_prepare(struct qs_round *r, int w, int h)
{
    int cw = w - 4, ch = h - 2;
    if (!r->need_prepare && r->prepared_w == w && r->lines) {
        if (ch > 0 && r->n_lines > (size_t)ch && r->top > r->n_lines - (size_t)ch)
            r->top = r->n_lines - (size_t)ch;
        return;
    }
    drop_lines(r);
    struct frame_lines l = {0};
    if (cw >= MIN_W - 4) {
        if (r->done)
            layout_score(r, &l, cw);
        else
            layout_question(r, &l, cw);
    }
    r->lines = l.v;
    r->n_lines = l.n;
    r->prepared_w = w;
    r->need_prepare = 0;
    /* Scrolling: the highlighted option stays in sight; never past the end. */
    if (ch > 0 && !r->done && r->chosen < 0) {
        if (r->sel_end > r->top + (size_t)ch)
            r->top = r->sel_end - (size_t)ch;
        if (r->sel_line < r->top)
            r->top = r->sel_line;
        if (r->sel == 0)
            r->top = 0;
    }
    if (ch > 0 && r->n_lines > (size_t)ch) {
        if (r->top > r->n_lines - (size_t)ch)
            r->top = r->n_lines - (size_t)ch;
    } else {
        r->top = 0;
    }
}

/* ---- drawing ----------------------------------------------------------------------------------- */

void qs_draw(const struct qs_round *r, int y, int x, int h, int w)
{
    if (w < MIN_W || h < MIN_H) {
        draw_text(y, x, w, "The quiz needs at least 30x8 cells.", ST_NORMAL);
        return;
    }
    struct sb title;
    sb_init(&title);
    if (r->done)
        sb_printf(&title, "quiz: score %d/%d", r->score.correct, r->score.asked);
    else
        sb_printf(&title, "quiz: question %zu/%zu (%s), score %d/%d", r->cur + 1, r->qz->n,
                  quiz_kind_name(r->qz->q[r->cur].kind), r->score.correct, r->score.asked);
    int ch = h - 2;
    for (int i = 0; i < ch; i++) {
        size_t k = r->top + (size_t)i;
        if (k < r->n_lines) {
            const struct frame_line *ln = &r->lines[k];
            if (ln->st == ST_SELECTED)
                draw_fill(y + 1 + i, x + 1, w - 2, ST_SELECTED);
            draw_text(y + 1 + i, x + 2, w - 4, ln->text, ln->st);
        }
    }
    const char *hint;
    int more = r->n_lines > r->top + (size_t)ch;
    if (r->done)
        hint = more ? "Down: more  q: leave" : "q or Enter: leave";
    else if (r->chosen < 0)
        hint = r->ascii ? "a-d/1-4 answer  Up/Down Enter  q score" : "a-d/1-4 answer  \xE2\x86\x91\xE2\x86\x93 Enter  q score";
    else
        hint = more ? (r->ascii ? "Enter next  Down: more  q score" : "Enter next  \xE2\x86\x93 more  q score")
                    : "Enter next  q score";
    frame_draw(y, x, h, w, title.buf, ST_BOLD, r->warning ? r->warning : hint, r->warning ? ST_ERROR : ST_DIM, r->ascii);
    sb_free(&title);
}

/* ---- full screen ------------------------------------------------------------------------------- */

static void prepare_op(void *st, int w, int h)
{
    qs_prepare(st, w, h);
}

static void draw_op(const void *st, int y, int x, int h, int w)
{
    qs_draw(st, y, x, h, w);
}

static int key_op(void *st, int ch)
{
    int r = qs_key(st, ch);
    return (r & QS_QUIT ? FRAME_QUIT : 0) | (r & QS_REDRAW ? FRAME_REDRAW : 0);
}

int qs_run(const struct quiz *qz, struct quiz_bank *bank, int ascii, quiz_answer_fn on_answer, void *ctx,
           struct quiz_score *score, const char **why)
{
    static const struct frame_ops ops = {
        prepare_op, draw_op, key_op,
        "this terminal type (TERM) is unknown; set TERM, or give the answers on standard input",
        "this terminal cannot move the cursor; give the answers on standard input instead",
    };
    memset(score, 0, sizeof *score);
    struct qs_round r;
    qs_init(&r, qz, bank, ascii, on_answer, ctx);
    int status = frame_run(&ops, &r, ascii, why);
    *score = r.score;
    r.score = (struct quiz_score){0};
    qs_free(&r);
    return status;
}
