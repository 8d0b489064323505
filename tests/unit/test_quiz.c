/* Unit tests for quiz generation against the embedded database: the same seed gives the
 * same quiz, every question has four distinct options with one right answer, distractors
 * come from the answer's comparison group or class, every wrong option says why it is
 * wrong, selections resolve, answers parse, and no text carries a control character. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "data.h"
#include "data_scenarios.h"
#include "quiz.h"

static struct hs_db *db;
static struct quiz_bank *bank;

static int setup(void **state)
{
    (void)state;
    char *err = NULL;
    if (hsdb_open_embedded(&db, &err) != HS_OK) {
        fprintf(stderr, "open: %s\n", err);
        free(err);
        return -1;
    }
    return quiz_bank_load(db, 0, &bank) == HS_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    quiz_bank_free(bank);
    hsdb_close(db);
    return 0;
}

static struct quiz *make(enum quiz_kind kind, int count, uint64_t seed)
{
    int *codes;
    size_t n;
    int bad;
    assert_int_equal(quiz_select(bank, NULL, 0, &codes, &n, &bad), HS_OK);
    struct quiz *q = NULL;
    enum hs_status s = quiz_make(bank, kind, codes, n, count, seed, &q);
    free(codes);
    if (s != HS_OK)
        return NULL;
    return q;
}

static int same_question(const struct quiz_question *a, const struct quiz_question *b)
{
    if (a->kind != b->kind || a->code != b->code || a->answer != b->answer || strcmp(a->prompt, b->prompt) != 0 ||
        strcmp(a->id, b->id) != 0)
        return 0;
    for (int i = 0; i < QUIZ_OPTIONS; i++)
        if (a->opt[i].code != b->opt[i].code || strcmp(a->opt[i].text, b->opt[i].text) != 0)
            return 0;
    return 1;
}

static void test_rng_is_splitmix64(void **state)
{
    (void)state;
    /* Reference values of splitmix64 seeded with 0 (Vigna's splitmix64.c). */
    struct quiz_rng r;
    quiz_rng_seed(&r, 0);
    assert_true(quiz_rng_next(&r) == 0xE220A8397B1DCDAFull);
    assert_true(quiz_rng_next(&r) == 0x6E789E6AA1B965F4ull);
    quiz_rng_seed(&r, 42);
    int seen[7] = {0};
    for (int i = 0; i < 7000; i++) {
        uint64_t x = quiz_rng_below(&r, 7);
        assert_true(x < 7);
        seen[x]++;
    }
    for (int i = 0; i < 7; i++)
        assert_true(seen[i] > 800 && seen[i] < 1200);
    int v[10] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sum = 0;
    quiz_shuffle(&r, v, 10);
    for (int i = 0; i < 10; i++)
        sum += v[i];
    assert_int_equal(sum, 45);
}

static void test_same_seed_same_quiz(void **state)
{
    (void)state;
    for (int k = 0; k < QUIZ_N_KINDS; k++) {
        if (k == QUIZ_SCENARIO)
            continue;   /* see test_scenarios */
        struct quiz *a = make((enum quiz_kind)k, 25, 1234), *b = make((enum quiz_kind)k, 25, 1234);
        assert_non_null(a);
        assert_non_null(b);
        assert_int_equal(a->n, 25);
        assert_int_equal(b->n, 25);
        for (size_t i = 0; i < a->n; i++)
            assert_true(same_question(&a->q[i], &b->q[i]));
        /* Another seed: another quiz. */
        struct quiz *c = make((enum quiz_kind)k, 25, 1235);
        size_t same = 0;
        for (size_t i = 0; i < a->n; i++)
            same += same_question(&a->q[i], &c->q[i]);
        assert_true(same < a->n / 2);
        quiz_free(a);
        quiz_free(b);
        quiz_free(c);
    }
}

static int share_group(int x, int y)
{
    struct hs_group *g;
    size_t n;
    int found = 0;
    assert_int_equal(hsdb_groups_of(db, x, &g, &n), HS_OK);
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < g[i].n; k++)
            found |= g[i].codes[k] == y;
    hs_groups_free(g, n);
    return found;
}

static int has_control(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            return 1;
    return 0;
}

/* Every question of every kind over many seeds: four distinct options, one right answer,
 * distractors of the answer's class or group, a reason for each wrong option. */
static void test_options_well_formed(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= 20; seed++) {
        for (int k = 0; k < QUIZ_N_KINDS; k++) {
            struct quiz *qz = make((enum quiz_kind)k, 30, seed);
            if (k == QUIZ_SCENARIO && !qz)
                continue;
            assert_non_null(qz);
            for (size_t i = 0; i < qz->n; i++) {
                const struct quiz_question *q = &qz->q[i];
                assert_true(q->answer >= 0 && q->answer < QUIZ_OPTIONS);
                assert_int_equal(q->opt[q->answer].code, q->code);
                assert_null(q->opt[q->answer].why_not);
                assert_non_null(q->why);
                assert_non_null(q->prompt);
                assert_false(has_control(q->prompt) || has_control(q->why) || has_control(q->answer_label));
                for (int a = 0; a < QUIZ_OPTIONS; a++) {
                    assert_non_null(q->opt[a].text);
                    assert_false(has_control(q->opt[a].text));
                    for (int b = a + 1; b < QUIZ_OPTIONS; b++) {
                        assert_int_not_equal(q->opt[a].code, q->opt[b].code);
                        assert_string_not_equal(q->opt[a].text, q->opt[b].text);
                    }
                    if (a == q->answer)
                        continue;
                    assert_non_null(q->opt[a].why_not);
                    assert_false(has_control(q->opt[a].why_not));
                    int d = q->opt[a].code;
                    int same_class = quiz_code_class(bank, d) == quiz_code_class(bank, q->code);
                    if (!same_class && !share_group(d, q->code) && q->kind != QUIZ_SCENARIO)
                        fail_msg("%s: distractor %03d is neither in %03d's class nor in its group", q->id, d, q->code);
                }
            }
            quiz_free(qz);
        }
    }
}

static void test_compare_questions_tell_the_answer_apart(void **state)
{
    (void)state;
    struct quiz *qz = make(QUIZ_COMPARE, 60, 7);
    assert_non_null(qz);
    for (size_t i = 0; i < qz->n; i++) {
        const struct quiz_question *q = &qz->q[i];
        assert_non_null(q->note);                      /* the group's title */
        assert_true(strncmp(q->id, "compare:", 8) == 0);
        int in_group = 0;
        for (int a = 0; a < QUIZ_OPTIONS; a++)
            in_group += a != q->answer && share_group(q->opt[a].code, q->code);
        assert_true(in_group >= 1);
    }
    quiz_free(qz);
}

static void test_kinds_have_their_prompts(void **state)
{
    (void)state;
    struct quiz *qz = make(QUIZ_MEANING, 5, 3);
    for (size_t i = 0; i < qz->n; i++) {
        char want[32];
        snprintf(want, sizeof want, "What does %03d mean?", qz->q[i].code);
        assert_string_equal(qz->q[i].prompt, want);
        /* the options are meanings, not codes */
        assert_null(strstr(qz->q[i].opt[0].text, "What"));
    }
    quiz_free(qz);
    qz = make(QUIZ_CODE, 5, 3);
    for (size_t i = 0; i < qz->n; i++) {
        assert_true(strncmp(qz->q[i].prompt, "Which code means: ", 18) == 0);
        char code[8];
        snprintf(code, sizeof code, "%03d ", qz->q[i].opt[0].code);
        assert_true(strncmp(qz->q[i].opt[0].text, code, 4) == 0);
    }
    quiz_free(qz);
}

static void test_scenarios(void **state)
{
    (void)state;
    struct hs_scenario *sc;
    size_t n;
    enum hs_status s = hsdb_scenarios(db, &sc, &n);
    if (s == HS_NOTFOUND) {
        /* A database without scenarios: the kind is refused, the others still work. */
        assert_null(make(QUIZ_SCENARIO, 5, 1));
        return;
    }
    assert_int_equal(s, HS_OK);
    struct quiz *qz = make(QUIZ_SCENARIO, 40, 5);
    assert_non_null(qz);
    for (size_t i = 0; i < qz->n; i++) {
        const struct quiz_question *q = &qz->q[i];
        const struct hs_scenario *found = NULL;
        for (size_t k = 0; k < n; k++)
            if (strcmp(q->id + strlen("scenario:"), sc[k].id) == 0)
                found = &sc[k];
        assert_non_null(found);
        assert_int_equal(q->code, found->best);
        /* codes also accepted are never offered as wrong options */
        for (int a = 0; a < QUIZ_OPTIONS; a++)
            for (size_t k = 0; k < found->n_also; k++)
                assert_int_not_equal(q->opt[a].code, found->also[k]);
        /* a tempting wrong code, when offered, is explained by the scenario's own line */
        for (int a = 0; a < QUIZ_OPTIONS; a++)
            for (size_t k = 0; k < found->n_wrong; k++)
                if (a != q->answer && q->opt[a].code == found->wrong[k].code)
                    assert_non_null(strstr(q->opt[a].why_not, found->wrong[k].reason));
    }
    quiz_free(qz);
    hs_scenarios_free(sc, n);
}

static void test_selection(void **state)
{
    (void)state;
    int *codes;
    size_t n;
    int bad;
    char *w1[] = {"redirects", "404", "5xx"};
    assert_int_equal(quiz_select(bank, w1, 3, &codes, &n, &bad), HS_OK);
    int want[] = {301, 302, 303, 307, 308, 404};
    for (size_t i = 0; i < 6; i++) {
        int found = 0;
        for (size_t k = 0; k < n; k++)
            found |= codes[k] == want[i];
        assert_true(found);
    }
    for (size_t k = 1; k < n; k++)
        assert_true(codes[k - 1] < codes[k]);    /* sorted, no repeats */
    int fives = 0;
    for (size_t k = 0; k < n; k++)
        fives += codes[k] / 100 == 5;
    assert_true(fives >= 4);
    free(codes);
    char *w2[] = {"404", "nosuchgroup"};
    assert_int_equal(quiz_select(bank, w2, 2, &codes, &n, &bad), HS_NOTFOUND);
    assert_int_equal(bad, 1);
    char *w3[] = {"299"};
    assert_int_equal(quiz_select(bank, w3, 1, &codes, &n, &bad), HS_NOTFOUND);
    assert_int_equal(bad, 0);
    /* The default: standard codes only, among them the everyday ones. */
    assert_int_equal(quiz_select(bank, NULL, 0, &codes, &n, &bad), HS_OK);
    int has404 = 0, has418 = 0;
    for (size_t k = 0; k < n; k++) {
        has404 |= codes[k] == 404;
        has418 |= codes[k] == 418;
    }
    assert_true(has404);
    assert_false(has418);
    free(codes);
}

static void test_parse_answer_and_score(void **state)
{
    (void)state;
    struct quiz *qz = make(QUIZ_CODE, 3, 9);
    const struct quiz_question *q = &qz->q[0];
    assert_int_equal(quiz_parse_answer(q, "a"), 0);
    assert_int_equal(quiz_parse_answer(q, " D "), 3);
    assert_int_equal(quiz_parse_answer(q, "b)"), 1);
    assert_int_equal(quiz_parse_answer(q, "3"), 2);
    assert_int_equal(quiz_parse_answer(q, "3\r\n"), 2);
    char code[8];
    snprintf(code, sizeof code, "%03d", q->opt[2].code);
    assert_int_equal(quiz_parse_answer(q, code), 2);
    assert_int_equal(quiz_parse_answer(q, "e"), -1);
    assert_int_equal(quiz_parse_answer(q, "5"), -1);
    assert_int_equal(quiz_parse_answer(q, ""), -1);
    assert_int_equal(quiz_parse_answer(q, "999"), -1);
    assert_int_equal(quiz_parse_answer(q, "ab"), -1);

    struct quiz_score s = {0};
    assert_int_equal(quiz_score_add(&s, &qz->q[0], qz->q[0].answer), 1);
    assert_int_equal(quiz_score_add(&s, &qz->q[1], (qz->q[1].answer + 1) % 4), 0);
    assert_int_equal(quiz_score_add(&s, &qz->q[2], (qz->q[2].answer + 1) % 4), 0);
    assert_int_equal(s.asked, 3);
    assert_int_equal(s.correct, 1);
    assert_true(s.n_review >= 1 && s.n_review <= 2);
    assert_int_equal(s.review[0], qz->q[1].code);
    quiz_score_free(&s);
    quiz_free(qz);
}

static void test_count_beyond_the_pool(void **state)
{
    (void)state;
    char *w[] = {"absence"};
    int *codes;
    size_t n;
    int bad;
    assert_int_equal(quiz_select(bank, w, 1, &codes, &n, &bad), HS_OK);
    struct quiz *qz;
    assert_int_equal(quiz_make(bank, QUIZ_MEANING, codes, n, 7, 1, &qz), HS_OK);
    assert_int_equal(qz->n, 7);      /* two codes, asked again in new orders */
    quiz_free(qz);
    assert_int_equal(quiz_make(bank, QUIZ_MEANING, codes, n, 0, 1, &qz), HS_NOTFOUND);
    assert_int_equal(quiz_make(bank, QUIZ_MEANING, codes, n, QUIZ_MAX_COUNT + 1, 1, &qz), HS_NOTFOUND);
    free(codes);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rng_is_splitmix64),
        cmocka_unit_test(test_same_seed_same_quiz),
        cmocka_unit_test(test_options_well_formed),
        cmocka_unit_test(test_compare_questions_tell_the_answer_apart),
        cmocka_unit_test(test_kinds_have_their_prompts),
        cmocka_unit_test(test_scenarios),
        cmocka_unit_test(test_selection),
        cmocka_unit_test(test_parse_answer_and_score),
        cmocka_unit_test(test_count_beyond_the_pool),
    };
    return cmocka_run_group_tests_name("quiz", tests, setup, teardown);
}
