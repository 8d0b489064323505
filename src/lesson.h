/* lesson.h — what to present or print: lesson files and selection words.
 *
 * A lesson file is plain text, one item per line:
 *     404            a code
 *     4xx            a class
 *     redirects      a comparison group (assets/groups.txt)
 *     compare 401 403 407
 *     note: text     shown under the first slide of the item above it
 *     # comment      (also after an item: "404  # the classic")
 * The words given to `httpstatus sheet` and `httpstatus present` are items too.
 *
 * Parsing needs no database; lesson_resolve() then checks codes and groups against one.
 * Every message is "NAME:LINE: what is wrong", one per line, raw: sanitise before
 * printing (the text may come from the file). No curses, no SQL. */
#ifndef HS_LESSON_H
#define HS_LESSON_H

#include <stddef.h>

#include "data.h"

enum lesson_kind { LESSON_CODE, LESSON_CLASS, LESSON_GROUP, LESSON_COMPARE };

#define LESSON_MAX_CODES 8          /* codes in one compare line */
#define LESSON_MAX_BYTES (1 << 20)  /* a lesson file larger than this is refused */

struct lesson_item {
    enum lesson_kind kind;
    int line;             /* 1-based line of the file; 0 for a command-line word */
    int code;             /* LESSON_CODE */
    int klass;            /* LESSON_CLASS: 1..5 */
    char *group;          /* LESSON_GROUP: the name, lower case (owned) */
    char *title;          /* LESSON_GROUP after lesson_resolve: the group's title, raw (owned) */
    int codes[LESSON_MAX_CODES];   /* LESSON_COMPARE, and LESSON_GROUP after lesson_resolve */
    size_t n_codes;
    char **notes;         /* the text of its note lines, raw (owned) */
    size_t n_notes;
};

struct lesson {
    char *name;           /* the file name, or "builtin:NAME", for messages (owned) */
    struct lesson_item *v;
    size_t n, cap;
};

/* An empty lesson called name. Free with lesson_free. */
struct lesson *lesson_new(const char *name);
void lesson_free(struct lesson *l);

/* Parse the text of a lesson file into l (appending). Returns the number of bad lines:
 * 0, or more with *err holding one message per bad line (caller frees). */
size_t lesson_parse(struct lesson *l, const char *text, size_t len, char **err);

/* Append one command-line word (a code, class or group name). 0, or -1 with *err set
 * (caller frees). */
int lesson_add_word(struct lesson *l, const char *word, char **err);

/* Check every item against the database: codes must exist, groups are looked up (their
 * codes and title filled in). Returns 0; 1 when some codes are unknown; 2 when some
 * groups are unknown too (then *err holds one message per bad item; caller frees); or -1
 * on a database error (hsdb_error says what). */
int lesson_resolve(struct lesson *l, struct hs_db *db, char **err);

/* Every comparison group of the database, in the order of their first code. Caller frees
 * with hs_groups_free. */
enum hs_status lesson_all_groups(struct hs_db *db, struct hs_group **out, size_t *n);

/* The lesson for `--lesson ARG`: the file ARG when it exists; otherwise (or with
 * "builtin:NAME") the built-in lesson of that name. 0, or -1 with *err (caller frees). */
int lesson_load(const char *arg, struct lesson **out, char **err);

/* Built-in lessons (assets/lessons/NAME.txt, embedded at build time: build/lessons.c). */
struct lesson_text {
    const char *name;
    const char *text;
    size_t len;
};
extern const struct lesson_text lesson_builtins[];
extern const size_t lesson_n_builtins;

#endif
