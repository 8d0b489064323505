/* Unit test: the data layer works on a small stack. Each call runs in a thread whose
 * stack is 64 KB (the main thread's limit cannot be lowered from inside a process), with
 * inputs no command line could carry under such a limit: a 50,000-word search, and
 * misspelled words that send the suggestion through every vocabulary term. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#include "data.h"

#define SMALL_STACK (32 * 1024)

struct job {
    struct hs_db *db;
    const char *text;
    size_t len;
    int suggest;
    enum hs_status status;
};

static void *run_job(void *arg)
{
    struct job *j = arg;
    if (j->suggest) {
        char *out = NULL;
        j->status = hsdb_suggest(j->db, j->text, &out);
        free(out);
    } else {
        struct hs_hits h;
        j->status = hsdb_search(j->db, j->text, j->len, 0, 20, &h);
        if (j->status == HS_OK)
            hs_hits_free(&h);
    }
    return NULL;
}

/* Run one search or suggestion on a 64 KB stack; a frame too large kills the test. */
static enum hs_status on_small_stack(struct hs_db *db, const char *text, int suggest)
{
    struct job j = {db, text, strlen(text), suggest, HS_EDB};
    pthread_attr_t attr;
    pthread_t t;
    assert_int_equal(pthread_attr_init(&attr), 0);
    assert_int_equal(pthread_attr_setstacksize(&attr, SMALL_STACK), 0);
    assert_int_equal(pthread_create(&t, &attr, run_job, &j), 0);
    assert_int_equal(pthread_join(t, NULL), 0);
    pthread_attr_destroy(&attr);
    return j.status;
}

static void test_search_and_suggest_on_a_small_stack(void **state)
{
    (void)state;
    struct hs_db *db;
    char *err = NULL;
    assert_int_equal(hsdb_open_embedded(&db, &err), HS_OK);

    assert_int_equal(on_small_stack(db, "captve portl", 1), HS_OK);
    assert_int_equal(on_small_stack(db, "servise unavailible timout", 1), HS_OK);
    assert_int_equal(on_small_stack(db, "too many requests", 0), HS_OK);
    assert_int_equal(on_small_stack(db, "captve", 0), HS_OK);   /* read as "captive" */

    /* 50,000 words, each 63 letters (the longest the suggestion compares). */
    size_t n = 50000, wl = 63;
    char *big = malloc(n * (wl + 1) + 1);
    assert_non_null(big);
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < wl; k++)
            big[i * (wl + 1) + k] = (char)('a' + (i * 7 + k * 13) % 26);
        big[i * (wl + 1) + wl] = ' ';
    }
    big[n * (wl + 1)] = '\0';
    enum hs_status s = on_small_stack(db, big, 0);
    assert_true(s == HS_OK || s == HS_NOTFOUND || s == HS_EBUDGET);
    s = on_small_stack(db, big, 1);
    assert_true(s == HS_OK || s == HS_NOTFOUND || s == HS_EBUDGET);
    free(big);
    hsdb_close(db);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_search_and_suggest_on_a_small_stack),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
