/* view_quiz.c — a quiz round in the browser: ten questions (fewer for a small group) on the
 * selected code's comparison group, or its class, drawn within a frame by quiz_screen.c.
 * The answers go to the progress store like those of `httpstatus quiz`. q shows the score
 * so far; q again (or Enter on the score page) returns to the browser. */
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "classroom.h"
#include "quiz_screen.h"

/* Save an answer; the first failure is shown on the frame's bottom line. */
static const char *record(void *ctx, const struct quiz_question *q, int chosen, int right)
{
    struct classroom *r = ctx;
    struct pg_answer ans = {
        .session = r->session,
        .time = (int64_t)time(NULL),
        .kind = quiz_kind_name(q->kind),
        .question = q->id,
        .code = q->code,
        .chosen = q->opt[chosen].code,
        .correct = right,
    };
    if (pg_record_answer(r->store, &ans) == PG_FAILED && !r->warned) {
        r->warned = 1;
        return pg_error(r->store);
    }
    return NULL;
}

static int quiz_open(struct app *a)
{
    struct classroom *r = classroom_open(a, "quiz");
    if (!r)
        return 0;
    int count = r->n_codes >= 5 ? 10 : 2 * (int)r->n_codes + 2;
    uint64_t seed = (uint64_t)time(NULL);
    if (quiz_make(r->bank, QUIZ_MIXED, r->codes, r->n_codes, count, seed, &r->qz) != HS_OK) {
        app_message(a, 1, "no quiz can be made on %s", r->about);
        classroom_free(r);
        return 0;
    }
    qs_init(&r->qr, r->qz, r->bank, a->ascii, record, r);
    classroom_free(a->room);
    a->room = r;
    return 1;
}

static void quiz_close(struct app *a)
{
    classroom_free(a->room);
    a->room = NULL;
}

static void quiz_prepare(struct app *a, struct rect r)
{
    qs_prepare(&a->room->qr, r.w, r.h);
}

static void quiz_draw(struct app *a, struct rect r)
{
    qs_draw(&a->room->qr, r.y, r.x, r.h, r.w);
}

static void quiz_status(struct app *a, struct rect r)
{
    classroom_status(a, r, a->room->qr.done ? "q back to the browser" : "q score so far, then q back");
}

static int quiz_key(struct app *a, enum action act, int ch)
{
    (void)act;
    int r = qs_key(&a->room->qr, ch);
    if (r & QS_QUIT)
        return UI_CLOSE;
    return r & QS_REDRAW ? UI_REDRAW : UI_NOTHING;
}

const struct view view_quiz = {
    .name = "quiz",
    .title = "quiz",
    .ctx = 0,                      /* raw keys: a-d, 1-4, arrows, Enter, q */
    .opens = ACT_QUIZ,
    .open = quiz_open,
    .close = quiz_close,
    .prepare = quiz_prepare,
    .draw = quiz_draw,
    .status = quiz_status,
    .key = quiz_key,
};
