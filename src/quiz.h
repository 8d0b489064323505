/* quiz.h — quiz questions and their scoring. No curses and no SQL: it reads the bundled
 * database through data.h and data_scenarios.h, and every text it hands out has been
 * through the text layer's sanitiser (text.h), so a front end may print it as it is.
 *
 * A quiz is made whole before it is asked: the questions, their four options, the right
 * one, why it is right and why each wrong option is wrong. The same database, selection,
 * kind, count and seed give the same quiz, question for question, on every machine: all
 * the choices come from the generator below (splitmix64), never from rand().
 *
 * Ownership: quiz_bank_load / quiz_make return objects the caller frees with
 * quiz_bank_free / quiz_free; strings inside them belong to them. Functions returning
 * char * hand the string to the caller (free). */
#ifndef HS_QUIZ_H
#define HS_QUIZ_H

#include <stddef.h>
#include <stdint.h>

#include "data.h"

/* ---- a deterministic random number generator (splitmix64) -------------------------------- */

struct quiz_rng {
    uint64_t state;
};

void quiz_rng_seed(struct quiz_rng *r, uint64_t seed);
uint64_t quiz_rng_next(struct quiz_rng *r);
/* Uniform in [0, n), n >= 1, without modulo bias. */
uint64_t quiz_rng_below(struct quiz_rng *r, uint64_t n);
void quiz_shuffle(struct quiz_rng *r, int *v, size_t n);

/* ---- kinds ---------------------------------------------------------------------------------- */

enum quiz_kind {
    QUIZ_MEANING,     /* a code: which meaning? */
    QUIZ_CODE,        /* a meaning: which code? */
    QUIZ_SCENARIO,    /* a situation: which code should the server send? */
    QUIZ_COMPARE,     /* a comparison group: which of them has these attributes? */
    QUIZ_MIXED,       /* each question one of the above */
    QUIZ_N_KINDS
};

const char *quiz_kind_name(enum quiz_kind k);
/* 0 and *k set, or -1 for an unknown name. */
int quiz_kind_parse(const char *s, enum quiz_kind *k);

/* ---- the bank: codes, groups and scenarios a quiz draws on ---------------------------------- */

struct quiz_bank;

/* Load the bank from db (ascii: texts transliterated to ASCII). On failure hsdb_error(db)
 * says why. */
enum hs_status quiz_bank_load(struct hs_db *db, int ascii, struct quiz_bank **out);
void quiz_bank_free(struct quiz_bank *b);

/* Resolve a selection of words — a code (404), a class (4xx) or a comparison group's name
 * (redirects) — into codes, in code order without repeats. With n == 0: the standard codes
 * people use (those that are in the top ten, a comparison group, or the best answer of a
 * scenario). HS_NOTFOUND with *bad the index of the first word that names nothing. Caller
 * frees *codes. */
enum hs_status quiz_select(struct quiz_bank *b, char *const *words, int n, int **codes, size_t *n_codes, int *bad);

/* The names of the comparison groups, comma-separated, for a message. */
char *quiz_group_names(const struct quiz_bank *b);

/* "404 Not Found" and the code's summary, sanitised (caller frees); NULL for an unknown
 * code. For flashcards and the progress report. */
char *quiz_code_label(struct quiz_bank *b, int code);
char *quiz_code_meaning(struct quiz_bank *b, int code);
/* The code's class (0..5), or -1 for an unknown code; whether it is in the top ten. */
int quiz_code_class(const struct quiz_bank *b, int code);
int quiz_code_top10(const struct quiz_bank *b, int code);

/* ---- quizzes -------------------------------------------------------------------------------- */

#define QUIZ_OPTIONS 4
#define QUIZ_MAX_COUNT 500

struct quiz_option {
    int code;
    char *text;           /* what the option says: "404 Not Found", or a meaning */
    char *why_not;        /* why it is wrong; NULL for the right option */
};

struct quiz_question {
    enum quiz_kind kind;
    int code;             /* the right answer */
    char *id;             /* which question: "meaning:404", "scenario:json-missing-field" */
    char *prompt;         /* the question */
    char *note;           /* shown under it (a scenario's convention, a group's title); or NULL */
    struct quiz_option opt[QUIZ_OPTIONS];
    int answer;           /* index of the right option */
    char *answer_label;   /* "404 Not Found" */
    char *why;            /* why the right option is right */
};

struct quiz {
    enum quiz_kind kind;
    uint64_t seed;
    struct quiz_question *q;
    size_t n;
};

/* Make count questions (1..QUIZ_MAX_COUNT) of kind over codes[0..n_codes). When there are
 * fewer possible questions than count, they come round again in a new order.
 * HS_NOTFOUND when the selection allows no question of that kind (e.g. scenarios for
 * codes no scenario is about). */
enum hs_status quiz_make(struct quiz_bank *b, enum quiz_kind kind, const int *codes, size_t n_codes,
                         int count, uint64_t seed, struct quiz **out);
void quiz_free(struct quiz *q);

/* Which option an answer line names: a letter a-d, a digit 1-4, or one of the codes shown
 * (spaces around it and case do not matter). -1 when it names none. */
int quiz_parse_answer(const struct quiz_question *q, const char *line);

/* The running score and the codes to review (the right answers of missed questions, in
 * the order missed, without repeats). */
struct quiz_score {
    int asked;
    int correct;
    int *review;
    size_t n_review, cap;
};

/* Count an answer (chosen: option index); returns 1 when it is right. */
int quiz_score_add(struct quiz_score *s, const struct quiz_question *q, int chosen);
void quiz_score_free(struct quiz_score *s);

/* ---- front ends ------------------------------------------------------------------------------ */

/* Called by a front end once per answer, before it shows the feedback; returns a warning to
 * show (owned by the callee, valid until the quiz ends) or NULL. */
typedef const char *(*quiz_answer_fn)(void *ctx, const struct quiz_question *q, int chosen, int right);

/* A front end that asks a whole quiz on a terminal (the UI's qs_run): 0 when it ran, with
 * the result in *score (caller frees); else *why says why the terminal cannot be used. */
typedef int (*quiz_screen_fn)(const struct quiz *qz, struct quiz_bank *bank, int ascii, quiz_answer_fn on_answer,
                              void *ctx, struct quiz_score *score, const char **why);

#endif
