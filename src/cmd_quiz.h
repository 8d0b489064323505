/* cmd_quiz.h — the classroom commands of the command line: quiz, learn and progress.
 *
 * They take options of their own (--count, --seed, --kind, --state, --reset, --yes), so
 * main() hands them the whole argument list when the command word is one of theirs. With
 * standard input not a terminal they speak a line protocol: questions and feedback in
 * plain text, one answer read per line, a last line "score: N/M". They read the bundled
 * database through quiz.h and keep progress through progress.h; no curses, no SQL. */
#ifndef HS_CMD_QUIZ_H
#define HS_CMD_QUIZ_H

#include "learn.h"
#include "quiz.h"

/* 1 when the first word of argv that is not an option is quiz, learn or progress. */
int cq_wants(int argc, char **argv);

/* The full-screen front ends, used when both ends are a terminal (main passes the UI's
 * qs_run and lc_run, so this front end never links curses). NULL: always lines. */
struct cq_screens {
    quiz_screen_fn quiz;
    learn_screen_fn learn;
};

/* Run the command; returns the exit status (0 done, 2 usage or database error), having
 * printed any message. */
int cq_main(int argc, char **argv, const struct cq_screens *screens);

#endif
