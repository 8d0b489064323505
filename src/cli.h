/* cli.h — the command-line front end: argument parsing and the plain/JSON output of
 * lookup, list, search and compare. It reads through data.h and lays out through doc.h
 * and compare.h; it never touches SQLite or curses.
 *
 * Commands live in one table (cli.c) of name, handler and help line; each command's
 * handler is in a file of its own (cmd_NAME.c). See cli_int.h. */
#ifndef HS_CLI_H
#define HS_CLI_H

#include "data.h"
#include "exit.h"

struct cli_command;        /* an entry of the command table (cli_int.h) */

struct cli_opts {
    const struct cli_command *cmd;   /* what to run (never NULL after cli_parse) */
    int browse;             /* no command given: the browser on a terminal, else the list */
    int no_db;              /* the command needs no database (help) */
    int json;
    const char *db_path;    /* --db FILE, or NULL for the embedded database */
    int width;              /* --width N; -1: the terminal's, or 80 */
    int color;              /* --color: -1 auto, 0 never, 1 always */
    int limit;              /* --limit N for search; default 20 */
    int ascii;              /* --ascii, or a non-UTF-8 locale on a terminal */
    char **args;            /* positional arguments after the command, borrowed from argv */
    int n_args;
};

/* Parse argv. Returns 0, or EXIT_USAGE after printing one message to stderr. On success
 * the caller frees o->args. */
int cli_parse(int argc, char **argv, struct cli_opts *o);

/* Run the parsed command against an open database (NULL when o->no_db); returns the exit
 * status, having printed any message. */
int cli_run(struct hs_db *db, const struct cli_opts *o);

void cli_usage(int to_stderr);

/* Print "httpstatus: msg" to stderr, sanitised. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
