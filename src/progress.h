/* progress.h — the learner's progress store: quiz answers, flashcards and sessions.
 *
 * Part of the data layer: with the data_*.c files it is the only code that includes sqlite3.h. It keeps
 * its own SQLite file (never the bundled database): by default
 * $XDG_STATE_HOME/httpstatus/progress.db (~/.local/state/httpstatus/progress.db), or the
 * file given with --state. WAL mode, synchronous=FULL, a busy timeout, each write in its own
 * BEGIN IMMEDIATE transaction, so a kill -9 loses at most the write under way and two
 * programs writing at once both keep everything. PRAGMA user_version is the schema version
 * (migrated step by step on open), PRAGMA application_id is PG_APPLICATION_ID.
 *
 * The one sharp rule: progress is never worth stopping a quiz for. pg_open always returns
 * a store; when the file cannot be used, the store is "off" and records nothing, and the
 * open reports one warning. A write that fails (full disk, read-only file system) returns
 * PG_FAILED once, with pg_error() saying why, and turns the store off: the caller prints
 * that one warning and goes on. Later writes return PG_OFF silently.
 *
 * Strings returned through out-parameters are owned by the caller (free). */
#ifndef HS_PROGRESS_H
#define HS_PROGRESS_H

#include <stddef.h>
#include <stdint.h>

/* PRAGMA application_id of progress files: 'HSPG' (the bundled database is 'HTST'). */
#define PG_APPLICATION_ID 0x48535047
/* The schema version this program writes (PRAGMA user_version). */
#define PG_SCHEMA_VERSION 1

enum pg_status {
    PG_OK = 0,
    PG_OFF = 1,       /* the store is off: nothing was recorded (already reported) */
    PG_FAILED = 2,    /* this call failed; pg_error() says why; the store is off from now on */
};

/* How pg_open treats a missing file. */
enum pg_mode {
    PG_WRITE,         /* create directory and file as needed */
    PG_READ,          /* only read: a missing file is an empty store (off, no warning) */
};

struct pg_store;

/* The default path: $XDG_STATE_HOME/httpstatus/progress.db when XDG_STATE_HOME is an
 * absolute path, else $HOME/.local/state/httpstatus/progress.db. NULL when neither is set.
 * Caller frees. */
char *pg_default_path(void);

/* Open the store at path. Never NULL (exits on out-of-memory, like the x* allocators).
 * *notice: set when a corrupt or foreign file was moved aside (it names both paths);
 * *warning: set when the store is off because the file cannot be used. Each is one line
 * without "httpstatus: ", caller frees, NULL when there is nothing to say. */
struct pg_store *pg_open(const char *path, enum pg_mode mode, char **notice, char **warning);
void pg_close(struct pg_store *s);

int pg_enabled(const struct pg_store *s);
const char *pg_path(const struct pg_store *s);
/* Why the last PG_FAILED happened, one line naming the file. Valid until the next call. */
const char *pg_error(const struct pg_store *s);

/* Start a session (a quiz or a round of flashcards); *id is 0 when the store is off. */
enum pg_status pg_session_begin(struct pg_store *s, const char *mode, const char *kind,
                                int64_t seed, const char *selection, int planned,
                                int64_t now, int64_t *id);

/* One answer to a quiz question. */
struct pg_answer {
    int64_t session;
    int64_t time;
    const char *kind;        /* meaning, code, scenario, compare */
    const char *question;    /* which question: "meaning:404", "scenario:json-missing-field" */
    int code;                /* the right answer */
    int chosen;              /* the code chosen */
    int correct;
};
enum pg_status pg_record_answer(struct pg_store *s, const struct pg_answer *a);

/* A flashcard's state. side: 0 shows the code (recall the meaning), 1 shows the meaning
 * (recall the code). */
enum { PG_SIDE_CODE = 0, PG_SIDE_MEANING = 1 };

struct pg_card {
    int code;
    int side;
    int box;                 /* Leitner box, 0 = new (never reviewed) */
    int64_t interval;        /* seconds from the last review to due */
    int64_t due;             /* unix time */
    int reps;
    int lapses;
    int64_t last;            /* unix time of the last review, 0 = never */
};

/* Every card of the store, in (code, side) order. *out is NULL and *n 0 when there are none
 * or the store is off. Caller frees *out. */
enum pg_status pg_cards(struct pg_store *s, struct pg_card **out, size_t *n);

/* Record a review: the card's new state and the grade (1..4), in one transaction. */
enum pg_status pg_record_review(struct pg_store *s, int64_t session, const struct pg_card *c,
                                int grade, int64_t now);

/* Quiz results per code: how often asked, how often right, and whether the latest answer
 * was right. Caller frees *out. */
struct pg_code_stat {
    int code;
    int asked;
    int correct;
    int last_correct;
};
enum pg_status pg_code_stats(struct pg_store *s, struct pg_code_stat **out, size_t *n);

/* Quiz sessions that have answers, oldest first, with their scores. Caller frees *out
 * (and each kind with pg_sessions_free). */
struct pg_session {
    int64_t id;
    int64_t started;
    char *kind;
    int64_t seed;
    int asked;
    int correct;
};
enum pg_status pg_sessions(struct pg_store *s, struct pg_session **out, size_t *n);
void pg_sessions_free(struct pg_session *v, size_t n);

/* Forget all progress (one transaction: the file stays). */
enum pg_status pg_reset(struct pg_store *s);

#endif
