/* cli_int.h — what the command-line files share: the command table, the output settings
 * and helpers, the JSON writers, and the words of an argument. Not for code outside the
 * command line (cli.c, cli_out.c, cli_json.c, cmd_*.c).
 *
 * Adding a command: write src/cmd_NAME.c with
 *     int cmd_NAME(struct hs_db *db, const struct cli_opts *o, const struct out *out)
 * declare it below, and add one entry to cli_commands[] in cli.c (its word, the
 * arguments and one line for --help). It returns an exit status (exit.h) and prints its
 * own messages with cli_error. */
#ifndef HS_CLI_INT_H
#define HS_CLI_INT_H

#include <stddef.h>

#include "cli.h"
#include "data.h"
#include "doc.h"
#include "util.h"

/* How output is written: from the options and the terminal. */
struct out {
    int color;     /* SGR colours */
    int width;     /* columns to wrap to; 0: no wrapping */
    int ascii;     /* only ASCII */
};

typedef int (*cli_handler)(struct hs_db *db, const struct cli_opts *o, const struct out *out);

struct cli_command {
    const char *name;      /* the word that selects it ("list"); NULL: not selected by a word */
    const char *args;      /* its arguments in --help ("[CLASS]"), or NULL: not listed */
    const char *help;      /* one line for --help */
    cli_handler run;
    int words;             /* after the name, "-x" is an argument, not an option (search) */
    int no_db;             /* runs without a database (help) */
};

/* The command table, ended by an entry with no handler. */
extern const struct cli_command cli_commands[];

/* ---- the commands (cmd_NAME.c) ---- */
int cmd_lookup(struct hs_db *db, const struct cli_opts *o, const struct out *out);
int cmd_list(struct hs_db *db, const struct cli_opts *o, const struct out *out);
int cmd_search(struct hs_db *db, const struct cli_opts *o, const struct out *out);
int cmd_compare(struct hs_db *db, const struct cli_opts *o, const struct out *out);
int cmd_version(struct hs_db *db, const struct cli_opts *o, const struct out *out);

/* ---- argument words (cli.c) ---- */
enum arg_kind { ARG_CODE, ARG_CLASS, ARG_BAD };
/* "404" is a code, "4xx" a class; *value is the code or the class digit. */
enum arg_kind cli_classify(const char *s, int *value);
/* The message for a word that is neither. */
void cli_bad_word(const char *s);
/* Report the database's error; returns EXIT_ERROR. */
int cli_db_failed(struct hs_db *db);

/* ---- output (cli_out.c) ---- */
#define SGR_RESET "\033[0m"
const char *out_class_color(int klass);
/* Write n bytes of s, in style (an SGR sequence, "" for none) when colour is on. */
void out_styled(const struct out *o, const char *style, const char *s, size_t n);
/* Print a document's lines, styled. */
void out_doc(const struct out *o, const struct doc *d, int klass);
/* Write b to stdout and empty it. */
void out_flush(struct sb *b);

/* ---- JSON (cli_json.c) ---- */
void json_kv_str(struct sb *b, const char *key, const char *value, int comma);
void json_entry_fields(struct sb *b, const struct hs_entry *e);
void json_sections(struct sb *b, const struct hs_section *s, size_t n);
void json_strings(struct sb *b, char **v, size_t n);
void json_code(struct sb *b, const struct hs_code *c, const struct hs_group *g, size_t n_groups);

#endif
