/* Unit tests for the flashcard scheduler (Leitner boxes): grades move cards between boxes,
 * missed cards come back sooner than known ones, intervals grow, lapses are counted, and
 * answer words parse. */
#include <stdlib.h>

#include "testutil.h"

#include "data.h"
#include "learn.h"
#include "quiz.h"

#define DAY (24 * 3600)

static void test_new_card_is_due_now(void **state)
{
    (void)state;
    struct pg_card c = learn_new_card(404, PG_SIDE_CODE, 1000);
    assert_int_equal(c.code, 404);
    assert_int_equal(c.box, 0);
    assert_true(learn_is_due(&c, 1000));
    assert_false(learn_is_mastered(&c));
    assert_false(learn_is_weak(&c));
}

static void test_good_climbs_one_box(void **state)
{
    (void)state;
    struct pg_card c = learn_new_card(404, PG_SIDE_CODE, 0);
    int64_t now = 0;
    int want_box[] = {2, 3, 4, 5, 5};
    for (int i = 0; i < 5; i++) {
        learn_grade(&c, LEARN_GOOD, now);
        assert_int_equal(c.box, want_box[i]);
        assert_true(c.due == now + learn_interval(c.box));
        assert_false(learn_is_due(&c, now));
        assert_true(learn_is_due(&c, c.due));
        now = c.due;
    }
    assert_int_equal(c.reps, 5);
    assert_int_equal(c.lapses, 0);
    assert_true(learn_is_mastered(&c));
    assert_true(learn_interval(5) == 21 * DAY);
}

static void test_intervals_grow(void **state)
{
    (void)state;
    for (int box = 1; box < LEARN_BOXES; box++)
        assert_true(learn_interval(box) < learn_interval(box + 1));
    assert_true(learn_interval(0) == learn_interval(1));
    assert_true(learn_interval(99) == learn_interval(LEARN_BOXES));
}

static void test_missed_cards_come_back_sooner(void **state)
{
    (void)state;
    struct pg_card a = learn_new_card(410, PG_SIDE_CODE, 0), b = a, h = a, e = a;
    for (int i = 0; i < 3; i++) {
        learn_grade(&a, LEARN_GOOD, 0);
        learn_grade(&b, LEARN_GOOD, 0);
        learn_grade(&h, LEARN_GOOD, 0);
        learn_grade(&e, LEARN_GOOD, 0);
    }
    assert_int_equal(a.box, 4);
    learn_grade(&a, LEARN_AGAIN, 100);
    learn_grade(&h, LEARN_HARD, 100);
    learn_grade(&b, LEARN_GOOD, 100);
    learn_grade(&e, LEARN_EASY, 100);
    assert_int_equal(a.box, 1);
    assert_int_equal(a.lapses, 1);
    assert_int_equal(h.box, 4);
    assert_int_equal(b.box, 5);
    assert_int_equal(e.box, 5);
    assert_true(a.due < h.due);
    assert_true(h.due < b.due);
    assert_true(b.due <= e.due);
    assert_true(learn_is_weak(&a));
    assert_false(learn_is_weak(&h));
    assert_true(a.last == 100);
}

static void test_again_on_a_new_card_is_no_lapse(void **state)
{
    (void)state;
    struct pg_card c = learn_new_card(418, PG_SIDE_MEANING, 0);
    learn_grade(&c, LEARN_AGAIN, 0);
    assert_int_equal(c.lapses, 0);
    assert_int_equal(c.box, 1);
    assert_false(learn_is_weak(&c));
    learn_grade(&c, LEARN_GOOD, 10);
    learn_grade(&c, LEARN_AGAIN, 20);
    learn_grade(&c, LEARN_AGAIN, 30);
    assert_int_equal(c.lapses, 2);
    assert_true(learn_is_weak(&c));
}

static void test_hard_waits_at_least_the_first_box(void **state)
{
    (void)state;
    struct pg_card c = learn_new_card(400, PG_SIDE_CODE, 0);
    learn_grade(&c, LEARN_HARD, 0);
    assert_int_equal(c.box, 1);
    assert_true(c.due == learn_interval(1));
    learn_grade(&c, LEARN_GOOD, 0);
    learn_grade(&c, LEARN_GOOD, 0);
    learn_grade(&c, LEARN_HARD, 0);
    assert_int_equal(c.box, 3);
    assert_true(c.due == learn_interval(3) / 2);
}

static void test_parse_grade(void **state)
{
    (void)state;
    assert_int_equal(learn_parse_grade("1"), LEARN_AGAIN);
    assert_int_equal(learn_parse_grade(" 4 \r\n"), LEARN_EASY);
    assert_int_equal(learn_parse_grade("again"), LEARN_AGAIN);
    assert_int_equal(learn_parse_grade("Hard"), LEARN_HARD);
    assert_int_equal(learn_parse_grade("GOOD"), LEARN_GOOD);
    assert_int_equal(learn_parse_grade("easy"), LEARN_EASY);
    assert_int_equal(learn_parse_grade("0"), -1);
    assert_int_equal(learn_parse_grade("5"), -1);
    assert_int_equal(learn_parse_grade(""), -1);
    assert_int_equal(learn_parse_grade("goo"), -1);
    assert_int_equal(learn_parse_grade("goods"), -1);
    assert_string_equal(learn_grade_name(LEARN_HARD), "hard");
}

/* A round with nothing saved (the store is off): new cards in order, a limit, and a card
 * answered "again" coming back after LEARN_REQUEUE_GAP other cards. */
static void test_round_requeues_missed_cards(void **state)
{
    (void)state;
    struct hs_db *db;
    char *err = NULL;
    assert_int_equal(hsdb_open_embedded(&db, &err), HS_OK);
    struct quiz_bank *bank;
    assert_int_equal(quiz_bank_load(db, 0, &bank), HS_OK);
    char *notice, *warning;
    struct pg_store *off = pg_open("/nonexistent-dir-for-test/progress.db", PG_READ, &notice, &warning);
    assert_false(pg_enabled(off));
    int codes[] = {200, 201, 204, 404, 410, 500};
    struct learn_round r;
    learn_round_build(&r, bank, off, codes, 6, 1000, 5);
    assert_int_equal(r.n, 6);
    /* the top ten first (200 201 204 404 500), then the rest (410) */
    assert_int_equal(r.v[5].code, 410);
    const struct pg_card *c = learn_round_next(&r);
    assert_non_null(c);
    int first = c->code;
    learn_round_grade(&r, LEARN_AGAIN, 1000);
    int seen[16], n = 0;
    while ((c = learn_round_next(&r)) != NULL) {
        seen[n++] = c->code;
        learn_round_grade(&r, LEARN_GOOD, 1000);
    }
    assert_int_equal(r.shown, 5);                  /* the limit */
    assert_int_equal(n, 4);
    assert_int_equal(seen[LEARN_REQUEUE_GAP], first);   /* back after three others */
    assert_int_equal(r.by_grade[LEARN_AGAIN], 1);
    assert_int_equal(r.by_grade[LEARN_GOOD], 4);
    assert_false(learn_round_exhausted(&r));       /* cards were left when the limit came */
    learn_round_free(&r);
    pg_close(off);
    quiz_bank_free(bank);
    hsdb_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_card_is_due_now),
        cmocka_unit_test(test_good_climbs_one_box),
        cmocka_unit_test(test_intervals_grow),
        cmocka_unit_test(test_missed_cards_come_back_sooner),
        cmocka_unit_test(test_again_on_a_new_card_is_no_lapse),
        cmocka_unit_test(test_hard_waits_at_least_the_first_box),
        cmocka_unit_test(test_parse_grade),
        cmocka_unit_test(test_round_requeues_missed_cards),
    };
    return cmocka_run_group_tests_name("learn", tests, NULL, NULL);
}
