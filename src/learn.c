/* learn.c — see learn.h. */
#include "learn.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

#define MINUTE 60
#define DAY (24 * 60 * MINUTE)

static const int64_t intervals[LEARN_BOXES + 1] = {0, 10 * MINUTE, DAY, 3 * DAY, 7 * DAY, 21 * DAY};

int64_t learn_interval(int box)
{
    if (box < 1)
        box = 1;
    if (box > LEARN_BOXES)
        box = LEARN_BOXES;
    return intervals[box];
}

struct pg_card learn_new_card(int code, int side, int64_t now)
{
    struct pg_card c = {.code = code, .side = side, .box = 0, .due = now};
    return c;
}

void learn_grade(struct pg_card *c, enum learn_grade g, int64_t now)
{
    int box = c->box < 1 ? 1 : c->box;
    int64_t wait;
    switch (g) {
    case LEARN_AGAIN:
        if (c->reps > 0)
            c->lapses++;
        box = 1;
        wait = learn_interval(1);
        break;
    case LEARN_HARD:
        wait = learn_interval(box) / 2;
        if (wait < learn_interval(1))
            wait = learn_interval(1);
        break;
    case LEARN_EASY:
        box += 2;
        if (box > LEARN_BOXES)
            box = LEARN_BOXES;
        wait = learn_interval(box);
        break;
    case LEARN_GOOD:
    default:
        box += 1;
        if (box > LEARN_BOXES)
            box = LEARN_BOXES;
        wait = learn_interval(box);
        break;
    }
    c->box = box;
    c->interval = wait;
    c->due = now + wait;
    c->reps++;
    c->last = now;
}

static const char *const names[] = {"", "again", "hard", "good", "easy"};

const char *learn_grade_name(enum learn_grade g)
{
    return g >= LEARN_AGAIN && g <= LEARN_EASY ? names[g] : "?";
}

int learn_parse_grade(const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strlen(line);
    while (n && strchr(" \t\r\n", line[n - 1]))
        n--;
    if (n == 1 && line[0] >= '1' && line[0] <= '4')
        return line[0] - '0';
    for (int g = LEARN_AGAIN; g <= LEARN_EASY; g++)
        if (n == strlen(names[g]) && strncasecmp(line, names[g], n) == 0)
            return g;
    return -1;
}

int learn_is_due(const struct pg_card *c, int64_t now)
{
    return c->due <= now;
}

int learn_is_mastered(const struct pg_card *c)
{
    return c->box >= 4;
}

int learn_is_weak(const struct pg_card *c)
{
    return c->lapses >= 2 || (c->box == 1 && c->lapses > 0);
}

/* ---- a round ---------------------------------------------------------------------------------- */

static void push(struct learn_round *r, struct pg_card c)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? r->cap * 2 : 32;
        r->v = xrealloc(r->v, r->cap * sizeof *r->v);
    }
    r->v[r->n++] = c;
}

static const struct pg_card *find_card(const struct pg_card *v, size_t n, int code, int side)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].code == code && v[i].side == side)
            return &v[i];
    return NULL;
}

static int cmp_due(const void *a, const void *b)
{
    const struct pg_card *x = a, *y = b;
    if (x->due != y->due)
        return x->due < y->due ? -1 : 1;
    return x->code != y->code ? x->code - y->code : x->side - y->side;
}

struct ranked {
    int code, rank;
};

static int cmp_ranked(const void *a, const void *b)
{
    const struct ranked *x = a, *y = b;
    return x->rank != y->rank ? x->rank - y->rank : x->code - y->code;
}

/* New cards: codes missed in quizzes (the last answer wrong, or under 60% right) first,
 * then the top ten, then the rest. */
static int new_rank(const struct pg_code_stat *st, size_t n_st, int code, int top10)
{
    for (size_t i = 0; i < n_st; i++)
        if (st[i].code == code && (!st[i].last_correct || st[i].correct * 10 < st[i].asked * 6))
            return 0;
    return top10 ? 1 : 2;
}

void learn_round_build(struct learn_round *r, struct quiz_bank *bank, struct pg_store *store, const int *codes,
                       size_t n_codes, int64_t now, int limit)
{
    memset(r, 0, sizeof *r);
    r->limit = limit;
    struct pg_card *cards = NULL;
    size_t n_cards = 0;
    pg_cards(store, &cards, &n_cards);
    for (size_t i = 0; i < n_cards; i++) {
        const struct pg_card *c = &cards[i];
        int selected = 0;
        for (size_t k = 0; k < n_codes && !selected; k++)
            selected = codes[k] == c->code;
        if (selected && learn_is_due(c, now) && quiz_code_class(bank, c->code) >= 0)
            push(r, *c);
    }
    if (r->n > 1)
        qsort(r->v, r->n, sizeof *r->v, cmp_due);

    struct pg_code_stat *st = NULL;
    size_t n_st = 0;
    pg_code_stats(store, &st, &n_st);
    struct ranked *rk = xcalloc(n_codes + 1, sizeof *rk);
    for (size_t k = 0; k < n_codes; k++)
        rk[k] = (struct ranked){codes[k], new_rank(st, n_st, codes[k], quiz_code_top10(bank, codes[k]))};
    if (n_codes > 1)
        qsort(rk, n_codes, sizeof *rk, cmp_ranked);
    int added = 0;
    for (size_t k = 0; k < n_codes && added < LEARN_NEW_PER_ROUND; k++) {
        int code = rk[k].code;
        const struct pg_card *front = find_card(cards, n_cards, code, PG_SIDE_CODE);
        if (!front) {
            push(r, learn_new_card(code, PG_SIDE_CODE, now));
            added++;
        } else if (front->box >= 2 && !find_card(cards, n_cards, code, PG_SIDE_MEANING)) {
            push(r, learn_new_card(code, PG_SIDE_MEANING, now));
            added++;
        }
    }
    free(rk);
    free(st);
    free(cards);
}

const struct pg_card *learn_round_next(struct learn_round *r)
{
    if (r->shown >= r->limit || r->pos >= r->n)
        return NULL;
    r->cur = r->v[r->pos++];
    return &r->cur;
}

void learn_round_grade(struct learn_round *r, enum learn_grade g, int64_t now)
{
    learn_grade(&r->cur, g, now);
    if (g >= LEARN_AGAIN && g <= LEARN_EASY)
        r->by_grade[g]++;
    r->shown++;
    if (g == LEARN_AGAIN) {
        /* Missed: it comes back a few cards later in this round. */
        size_t at = r->pos + LEARN_REQUEUE_GAP;
        push(r, r->cur);
        if (at > r->n - 1)
            at = r->n - 1;
        memmove(&r->v[at + 1], &r->v[at], (r->n - 1 - at) * sizeof *r->v);
        r->v[at] = r->cur;
    }
}

int learn_round_exhausted(const struct learn_round *r)
{
    return r->pos >= r->n;
}

void learn_round_free(struct learn_round *r)
{
    free(r->v);
    memset(r, 0, sizeof *r);
}
