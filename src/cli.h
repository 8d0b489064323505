/* cli.h — the command-line front end: argument parsing and the plain/JSON output of
 * lookup, list, search and compare. It reads through data.h and lays out through doc.h
 * and compare.h; it never touches SQLite or curses. */
#ifndef HS_CLI_H
#define HS_CLI_H

#include "data.h"

enum cli_command { CMD_BROWSE, CMD_LOOKUP, CMD_LIST, CMD_SEARCH, CMD_COMPARE, CMD_HELP, CMD_VERSION, CMD_SHEET, CMD_PRESENT };

struct cli_opts {
    enum cli_command cmd;
    int json;
    const char *db_path;    /* --db FILE, or NULL for the embedded database */
    int width;              /* --width N; -1: the terminal's, or 80 */
    int color;              /* --color: -1 auto, 0 never, 1 always */
    int limit;              /* --limit N for search; default 20 */
    int ascii;              /* --ascii, or a non-UTF-8 locale on a terminal */
    char **args;            /* positional arguments after the command, borrowed from argv */
    int n_args;
};

/* Exit statuses, as documented in the README and the man page. */
enum { EXIT_FOUND = 0, EXIT_NOTFOUND = 1, EXIT_USAGE = 2 };

/* Parse argv. Returns 0, or EXIT_USAGE after printing one message to stderr. */
int cli_parse(int argc, char **argv, struct cli_opts *o);

/* Run a parsed command other than CMD_BROWSE against an open database; returns the exit
 * status, having printed any message. */
int cli_run(struct hs_db *db, const struct cli_opts *o);

void cli_usage(int to_stderr);

/* Print "httpstatus: msg" to stderr, sanitised. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
