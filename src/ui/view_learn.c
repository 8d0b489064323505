/* view_learn.c — flashcards in the browser: a round on the selected code's comparison group
 * (or its class), drawn within a frame by card_screen.c, kept in the progress store like
 * those of `httpstatus learn`. q ends the round; q again returns to the browser. */
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "card_screen.h"
#include "classroom.h"

#define ROUND_CARDS 20

/* Grade and save a card; the first failure is shown on the frame's bottom line. */
static const char *grade(void *ctx, struct learn_round *lr, enum learn_grade g)
{
    struct classroom *r = ctx;
    int64_t now = (int64_t)time(NULL);
    learn_round_grade(lr, g, now);
    if (pg_record_review(r->store, r->session, &lr->cur, (int)g, now) == PG_FAILED && !r->warned) {
        r->warned = 1;
        return pg_error(r->store);
    }
    return NULL;
}

static int learn_open(struct app *a)
{
    struct classroom *r = classroom_open(a, "learn");
    if (!r)
        return 0;
    learn_round_build(&r->lr, r->bank, r->store, r->codes, r->n_codes, (int64_t)time(NULL), ROUND_CARDS);
    lc_init(&r->lc, &r->lr, r->bank, a->ascii, grade, r);
    classroom_free(a->room);
    a->room = r;
    return 1;
}

static void learn_close(struct app *a)
{
    classroom_free(a->room);
    a->room = NULL;
}

static void learn_prepare(struct app *a, struct rect r)
{
    lc_prepare(&a->room->lc, r.w, r.h);
}

static void learn_draw(struct app *a, struct rect r)
{
    lc_draw(&a->room->lc, r.y, r.x, r.h, r.w);
}

static void learn_status(struct app *a, struct rect r)
{
    classroom_status(a, r, a->room->lc.done ? "q back to the browser" : "q ends the round, then q back");
}

static int learn_key(struct app *a, enum action act, int ch)
{
    (void)act;
    int r = lc_key(&a->room->lc, ch);
    if (r & LC_QUIT)
        return UI_CLOSE;
    return r & LC_REDRAW ? UI_REDRAW : UI_NOTHING;
}

const struct view view_learn = {
    .name = "learn",
    .title = "flashcards",
    .ctx = 0,                      /* raw keys: Space, 1-4, q */
    .opens = ACT_LEARN,
    .open = learn_open,
    .close = learn_close,
    .prepare = learn_prepare,
    .draw = learn_draw,
    .status = learn_status,
    .key = learn_key,
};
