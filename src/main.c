/* main.c — the edge: parse the command line, open the database, run the command or the
 * browser, and turn errors into one message and an exit status (0 found, 1 not found or
 * no match, 2 usage or database error). */
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "data.h"
#include "ui/ui.h"

static int locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    struct cli_opts o;
    if (cli_parse(argc, argv, &o) != 0)
        return EXIT_USAGE;
    /* On a terminal that is not UTF-8, only ASCII; pipes get the text as it is (UTF-8). */
    if (!locale_is_utf8() && isatty(STDOUT_FILENO))
        o.ascii = 1;
    if (o.no_db) {
        int status = cli_run(NULL, &o);
        free(o.args);
        return status;
    }
    struct hs_db *db = NULL;
    char *err = NULL;
    enum hs_status s = o.db_path ? hsdb_open_file(o.db_path, &db, &err) : hsdb_open_embedded(&db, &err);
    if (s != HS_OK) {
        cli_error("%s", err ? err : "cannot open the database");
        free(err);
        free(o.args);
        return EXIT_USAGE;
    }
    int status;
    if (o.browse && isatty(STDOUT_FILENO) && !o.json) {
        if (!isatty(STDIN_FILENO)) {
            cli_error("the browser reads keys from a terminal, but standard input is not one; use 'httpstatus list' or 'httpstatus CODE'");
            status = EXIT_USAGE;
        } else {
            status = ui_run(db, o.ascii);
        }
    } else {
        status = cli_run(db, &o);
    }
    if ((fflush(stdout) != 0 || ferror(stdout)) && status != EXIT_USAGE) {
        cli_error("cannot write the output: %s", strerror(errno));
        status = EXIT_USAGE;
    }
    hsdb_close(db);
    free(o.args);
    return status;
}
