/* learn.c — see learn.h. */
#include "learn.h"

#include <string.h>
#include <strings.h>

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
