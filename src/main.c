/* main.c — the edge: parse the command line, open the database, run the command or the
 * browser, and turn errors into one message and an exit status (0 found, 1 not found or
 * no match, 2 usage or database error). */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "cli.h"
#include "cmd_quiz.h"
#include "data.h"
#include "ui/present.h"
#include "ui/card_screen.h"
#include "ui/quiz_screen.h"
#include "ui/ui.h"

static int locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

/* Standard input, output and error started closed (`>&-`) are opened on /dev/null, so
 * that no file this program opens later takes their number. Output and error are opened
 * read-only: writing to them still fails, and the failure is still reported. */
static void hold_standard_fds(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int n = open("/dev/null", O_RDONLY);
        if (n >= 0 && n != fd) {
            dup2(n, fd);
            close(n);
        }
    }
}

/* Running out of stack is reported like running out of memory: one message, exit 2. The
 * handler runs on a stack of its own (the faulting one is full); a fault anywhere else is
 * left to the default action. The browser installs its own handlers (src/ui/ui.c). */
static char *stack_top;
static size_t stack_room;
static char stack_msg[96];
static size_t stack_msg_len;

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
    (void)ctx;
    char *a = si->si_addr;
    if (stack_room && a < stack_top && (size_t)(stack_top - a) < stack_room + 4 * 1024 * 1024) {
        ssize_t w = write(STDERR_FILENO, stack_msg, stack_msg_len);
        (void)w;
        _exit(EXIT_ERROR);
    }
    signal(sig, SIG_DFL);      /* the fault happens again, and ends the program as it would */
}

static void catch_stack_overflow(char *top)
{
    static char alt[32 * 1024];
    struct rlimit rl;
    if (getrlimit(RLIMIT_STACK, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY)
        return;
    stack_top = top;
    stack_room = (size_t)rl.rlim_cur;
    int n = snprintf(stack_msg, sizeof stack_msg, "httpstatus: out of stack space (the limit is %lu KB: see 'ulimit -s')\n",
                     (unsigned long)(rl.rlim_cur / 1024));
    stack_msg_len = n > 0 && (size_t)n < sizeof stack_msg ? (size_t)n : 0;
    stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&sa.sa_mask);
    if (stack_msg_len && sigaltstack(&ss, NULL) == 0)
        sigaction(SIGSEGV, &sa, NULL);
}

/* Every path ends here: output that could not be written (a full disk, a closed pipe or
 * descriptor) is a failure with one message, unless the command failed already. */
static int finish_output(int status)
{
    if ((fflush(stdout) != 0 || ferror(stdout)) && status != EXIT_USAGE) {
        cli_error("cannot write the output: %s", strerror(errno));
        status = EXIT_USAGE;
    }
    return status;
}

int main(int argc, char **argv)
{
    char top;
    catch_stack_overflow(&top);
    hold_standard_fds();
    setlocale(LC_CTYPE, "");   /* only the character set: the rest stays C (numbers, messages) */
    if (cq_wants(argc, argv)) {
        static const struct cq_screens screens = {qs_run, lc_run};
        return cq_main(argc, argv, &screens);
    }
    struct cli_opts o;
    if (cli_parse(argc, argv, &o) != 0)
        return EXIT_USAGE;
    /* A locale whose charset is not UTF-8 gets only ASCII, on a terminal or a pipe (JSON
     * stays UTF-8: it is for programs). */
    if (!locale_is_utf8())
        o.ascii = 1;
    if (o.no_db) {
        int status = finish_output(cli_run(NULL, &o));
        free(o.args);
        return status;
    }
    o.present = present_run;
    struct hs_db *db = NULL;
    char *err = NULL;
    enum hs_status s = o.db_path ? hsdb_open_file(o.db_path, &db, &err) : hsdb_open_embedded(&db, &err);
    if (s != HS_OK) {
        if (err)
            cli_error("%s", err);
        else if (s == HS_ENOMEM && o.db_path)
            cli_error("out of memory reading %s", o.db_path);
        else
            cli_error("%s", s == HS_ENOMEM ? "out of memory" : "cannot open the database");
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
    status = finish_output(status);
    hsdb_close(db);
    free(o.args);
    return status;
}
