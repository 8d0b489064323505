/* cli.c — see cli.h: the command table, argument parsing, and the dispatch to a command
 * with the output settings. */
#include "cli_int.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "text.h"
#include "util.h"

void cli_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *raw = xmalloc(n > 0 ? (size_t)n + 1 : 1);
    raw[0] = '\0';
    va_start(ap, fmt);
    if (n > 0)
        vsnprintf(raw, (size_t)n + 1, fmt, ap);
    va_end(ap);
    char *clean = txt_sanitize(raw, 0, 0);
    fprintf(stderr, "httpstatus: %s\n", clean);
    free(clean);
    free(raw);
}

static int cmd_help(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    (void)db;
    (void)o;
    (void)out;
    cli_usage(0);
    return EXIT_FOUND;
}

/* The commands selected by their word, in the order --help lists them. */
const struct cli_command cli_commands[] = {
    {.name = "list", .args = "[CLASS]", .help = "one line per code: \"404  Not Found\"", .run = cmd_list},
    {.name = "search", .args = "QUERY...", .help = "ranked full-text search", .run = cmd_search, .words = 1},
    {.name = "compare", .args = "CODE CODE...", .help = "related codes side by side (or one code: its group)",
     .run = cmd_compare},
    {.name = "help", .run = cmd_help, .no_db = 1},
    {0},
};

/* The commands no word selects: no arguments at all, codes and classes, the options. */
static const struct cli_command browse_cmd = {.args = "", .help = "open the browser (on a terminal; else: list)", .run = cmd_list};
static const struct cli_command lookup_cmd = {.args = "CODE|CLASS ...", .help = "full documentation: 404, 4xx", .run = cmd_lookup};
static const struct cli_command help_cmd = {.run = cmd_help, .no_db = 1};
static const struct cli_command version_cmd = {.run = cmd_version};

static const struct cli_command *find_command(const char *word)
{
    for (const struct cli_command *c = cli_commands; c->run; c++)
        if (c->name && strcmp(c->name, word) == 0)
            return c;
    return NULL;
}

static void usage_line(FILE *f, const struct cli_command *c)
{
    char what[64];
    snprintf(what, sizeof what, "%s%s%s", c->name ? c->name : "", c->name && *c->args ? " " : "", c->args);
    fprintf(f, "  httpstatus %-20s %s\n", what, c->help);
}

void cli_usage(int to_stderr)
{
    FILE *f = to_stderr ? stderr : stdout;
    fputs("usage: httpstatus [OPTIONS] [COMMAND]\n\n", f);
    usage_line(f, &browse_cmd);
    usage_line(f, &lookup_cmd);
    for (const struct cli_command *c = cli_commands; c->run; c++)
        if (c->args)
            usage_line(f, c);
    fputs("\n"
          "options:\n"
          "  --json            JSON output\n"
          "  --db FILE         read another httpstatus database instead of the built-in one\n"
          "  --width N         wrap to N columns (0: no wrapping; default: terminal or 80)\n"
          "  --color=WHEN      auto, always or never (NO_COLOR turns it off)\n"
          "  --limit N         search: at most N hits (default 20)\n"
          "  --ascii           ASCII only, for terminals without UTF-8\n"
          "  -h, --help        this help\n"
          "  -V, --version     version and where the texts come from\n"
          "\n"
          "exit status: 0 found, 1 not found or no match, 2 usage or database error\n",
          f);
}

/* Strict non-negative integer, overflow-checked. */
static int parse_uint(const char *s, long max, long *out)
{
    if (!*s)
        return -1;
    long v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        if (v > (max - (*p - '0')) / 10)
            return -2;
        v = v * 10 + (*p - '0');
    }
    *out = v;
    return 0;
}

static int opt_value(const char *name, const char *arg, char **argv, int argc, int *i, const char **value)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) == 0 && arg[n] == '=') {
        *value = arg + n + 1;
        return 1;
    }
    if (strcmp(arg, name) == 0) {
        if (*i + 1 >= argc) {
            cli_error("option %s needs a value (see 'httpstatus --help')", name);
            return -1;
        }
        *value = argv[++*i];
        return 1;
    }
    return 0;
}

int cli_parse(int argc, char **argv, struct cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->width = -1;
    o->color = -1;
    o->limit = 20;
    o->args = xcalloc((size_t)argc + 1, sizeof *o->args);
    int only_args = 0, help = 0, version = 0;
    char **pos = xcalloc((size_t)argc + 1, sizeof *pos);
    int n_pos = 0;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        int r;
        if (only_args || a[0] != '-' || a[1] == '\0') {
            pos[n_pos++] = argv[i];
            continue;
        }
        if (strcmp(a, "--") == 0) {
            only_args = 1;
        } else if (strcmp(a, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(a, "--ascii") == 0) {
            o->ascii = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            help = 1;
        } else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0) {
            version = 1;
        } else if ((r = opt_value("--db", a, argv, argc, &i, &v)) != 0) {
            if (r < 0)
                goto usage;
            if (!*v) {
                cli_error("--db needs a file name");
                goto usage;
            }
            o->db_path = v;
        } else if ((r = opt_value("--width", a, argv, argc, &i, &v)) != 0) {
            long w;
            if (r < 0)
                goto usage;
            int e = parse_uint(v, 100000, &w);
            if (e != 0 || w > 10000) {
                cli_error("--width takes a number of columns from 0 to 10000, not '%s'", v);
                goto usage;
            }
            o->width = (int)w;
        } else if ((r = opt_value("--limit", a, argv, argc, &i, &v)) != 0) {
            long l;
            if (r < 0)
                goto usage;
            if (parse_uint(v, 100000, &l) != 0 || l < 1 || l > 10000) {
                cli_error("--limit takes a number from 1 to 10000, not '%s'", v);
                goto usage;
            }
            o->limit = (int)l;
        } else if (strcmp(a, "--color") == 0 || strncmp(a, "--color=", 8) == 0) {
            const char *w = a[7] == '=' ? a + 8 : "always";
            if (strcmp(w, "auto") == 0)
                o->color = -1;
            else if (strcmp(w, "always") == 0)
                o->color = 1;
            else if (strcmp(w, "never") == 0)
                o->color = 0;
            else {
                cli_error("--color takes auto, always or never, not '%s'", w);
                goto usage;
            }
        } else if (n_pos > 0 && find_command(pos[0]) && find_command(pos[0])->words) {
            pos[n_pos++] = argv[i];   /* after "search", "-foo" is a word to search for */
        } else if (a[1] >= '0' && a[1] <= '9') {
            cli_error("'%s' is not a status code: codes run from 100 to 599", a);
            goto usage;
        } else {
            cli_error("unknown option '%s' (see 'httpstatus --help')", a);
            goto usage;
        }
    }
    if (help) {
        o->cmd = &help_cmd;
    } else if (version) {
        o->cmd = &version_cmd;
    } else if (n_pos == 0) {
        o->cmd = &browse_cmd;
        o->browse = 1;
    } else {
        const struct cli_command *c = find_command(pos[0]);
        o->cmd = c ? c : &lookup_cmd;
        for (int i = c ? 1 : 0; i < n_pos; i++)
            o->args[o->n_args++] = pos[i];
    }
    o->no_db = o->cmd->no_db;
    free(pos);
    return 0;
usage:
    free(pos);
    free(o->args);
    o->args = NULL;
    return EXIT_USAGE;
}

/* ---- argument words ---------------------------------------------------------------------- */

enum arg_kind cli_classify(const char *s, int *value)
{
    size_t n = strlen(s);
    if (n == 3 && s[0] >= '1' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9') {
        *value = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
        return ARG_CODE;
    }
    if (n == 3 && s[0] >= '1' && s[0] <= '5' && (s[1] == 'x' || s[1] == 'X') && (s[2] == 'x' || s[2] == 'X')) {
        *value = s[0] - '0';
        return ARG_CLASS;
    }
    return ARG_BAD;
}

void cli_bad_word(const char *s)
{
    size_t n = strlen(s);
    int digits = n > 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            digits = 0;
    if (digits)
        cli_error("'%s' is not a status code: codes are three digits, from 100 to 599", s);
    else if (n == 3 && (s[1] == 'x' || s[1] == 'X'))
        cli_error("'%s' is not a class: classes are 1xx, 2xx, 3xx, 4xx and 5xx", s);
    else
        cli_error("'%s' is not a status code or class; to search the text, try: httpstatus search %s", s, s);
}

int cli_db_failed(struct hs_db *db)
{
    cli_error("%s", hsdb_error(db));
    return EXIT_USAGE;
}

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    long v;
    if (c && parse_uint(c, 10000, &v) == 0 && v > 0)
        return (int)v;
    return 80;
}

int cli_run(struct hs_db *db, const struct cli_opts *o)
{
    struct out out;
    int tty = isatty(STDOUT_FILENO);
    const char *nc = getenv("NO_COLOR");
    const char *term = getenv("TERM");
    if (o->color == 1)
        out.color = 1;
    else if (o->color == 0)
        out.color = 0;
    else
        out.color = tty && !(nc && *nc) && term && *term && strcmp(term, "dumb") != 0;
    if (o->json)
        out.color = 0;
    out.width = o->width >= 0 ? o->width : tty ? terminal_width() : 80;
    out.ascii = o->ascii;

    return o->cmd->run(db, o, &out);
}
