/* cmd_quiz.c — see cmd_quiz.h. */
#include "cmd_quiz.h"

#include <errno.h>
#include <langinfo.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "data.h"
#include "learn.h"
#include "progress.h"
#include "quiz.h"
#include "text.h"
#include "util.h"

enum cq_command { CQ_QUIZ, CQ_LEARN, CQ_PROGRESS };


static const char *const command_words[] = {"quiz", "learn", "progress"};

struct cq_opts {
    enum cq_command cmd;
    int json;
    int ascii;
    int width;                 /* -1: the terminal's, or 80 */
    const char *db_path;
    const char *state_path;    /* --state FILE */
    int count;                 /* -1: the command's default */
    int have_seed;
    uint64_t seed;
    enum quiz_kind kind;
    int reset, yes;
    int help;
    char **words;              /* the selection, borrowed from argv */
    int n_words;
};

/* Options that take a value, as "--name VALUE" or "--name=VALUE". */
static const char *const value_opts[] = {"--db", "--width", "--limit", "--count", "--seed", "--kind", "--state"};

static int takes_value(const char *a)
{
    for (size_t i = 0; i < sizeof value_opts / sizeof value_opts[0]; i++)
        if (strcmp(a, value_opts[i]) == 0)
            return 1;
    return 0;
}

int cq_wants(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            return i + 1 < argc && (strcmp(argv[i + 1], "quiz") == 0 || strcmp(argv[i + 1], "learn") == 0 ||
                                    strcmp(argv[i + 1], "progress") == 0);
        if (a[0] == '-' && a[1] != '\0') {
            if (takes_value(a))
                i++;
            continue;
        }
        for (size_t k = 0; k < sizeof command_words / sizeof command_words[0]; k++)
            if (strcmp(a, command_words[k]) == 0)
                return 1;
        return 0;
    }
    return 0;
}

/* ---- parsing --------------------------------------------------------------------------- */

static void usage(FILE *f)
{
    fputs("usage: httpstatus quiz [CODE|CLASS|GROUP ...] [--kind KIND] [--count N] [--seed N] [--json]\n"
          "       httpstatus learn [CODE|CLASS|GROUP ...] [--count N]\n"
          "       httpstatus progress [--json] [--reset --yes]\n"
          "\n"
          "  quiz       multiple-choice questions, four options each; after each answer, why\n"
          "             it is right and why the option you chose is wrong; at the end, the\n"
          "             score and the codes to review\n"
          "  learn      flashcards with spaced repetition (Leitner boxes): cards you miss\n"
          "             come back sooner; a round ends after N cards or when nothing is due\n"
          "  progress   what is mastered, due and weak, by class, and your quiz scores\n"
          "\n"
          "  CODE 404, CLASS 4xx, GROUP a comparison group (redirects, authentication, ...);\n"
          "  none: the standard codes people use.\n"
          "\n"
          "options:\n"
          "  --kind KIND   meaning (code -> meaning), code (meaning -> code), scenario (which\n"
          "                code should the server send?), compare (which of a group does X),\n"
          "                or mixed (the default)\n"
          "  --count N     questions (default 10) or cards (default 20), 1 to 500\n"
          "  --seed N      the same seed gives everyone the same questions in the same order\n"
          "  --json        quiz: the questions with their answers, for a paper quiz (reads\n"
          "                nothing); progress: the report as JSON\n"
          "  --state FILE  keep progress in FILE instead of\n"
          "                $XDG_STATE_HOME/httpstatus/progress.db (~/.local/state/...)\n"
          "  --reset --yes progress: forget all progress\n"
          "  --db FILE, --width N, --ascii   as for the other commands\n"
          "\n"
          "With standard input not a terminal, quiz and learn read one answer per line:\n"
          "quiz: a letter a-d, a digit 1-4 or a code shown (q stops); learn: Enter to reveal,\n"
          "then 1-4 or again, hard, good, easy. The quiz ends with a line \"score: N/M\".\n"
          "\n"
          "exit status: 0 done (also when the input ends early), 2 usage error (unknown\n"
          "kind, code, class or group, bad --count or --seed) or database error\n",
          f);
}

static int parse_number(const char *s, uint64_t max, uint64_t *out)
{
    if (!*s)
        return -1;
    uint64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (*p < '0' || *p > '9')
            return -1;
        if (v > (max - (uint64_t)(*p - '0')) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*p - '0');
    }
    *out = v;
    return 0;
}

/* --name VALUE or --name=VALUE: 1 and *value set, 0 not this option, -1 missing value. */
static int opt_value(const char *name, char **argv, int argc, int *i, const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) == 0 && a[n] == '=') {
        *value = a + n + 1;
        return 1;
    }
    if (strcmp(a, name) != 0)
        return 0;
    if (*i + 1 >= argc) {
        cli_error("option %s needs a value (see 'httpstatus quiz --help')", name);
        return -1;
    }
    *value = argv[++*i];
    return 1;
}

static int parse(int argc, char **argv, struct cq_opts *o)
{
    memset(o, 0, sizeof *o);
    o->width = -1;
    o->count = -1;
    o->kind = QUIZ_MIXED;
    o->words = xcalloc((size_t)argc + 1, sizeof *o->words);
    int have_cmd = 0, only_args = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        int r;
        if (only_args || a[0] != '-' || a[1] == '\0') {
            if (!have_cmd) {
                for (int k = 0; k < 3; k++)
                    if (strcmp(a, command_words[k]) == 0)
                        o->cmd = (enum cq_command)k;
                have_cmd = 1;
            } else {
                o->words[o->n_words++] = argv[i];
            }
            continue;
        }
        if (strcmp(a, "--") == 0)
            only_args = 1;
        else if (strcmp(a, "--json") == 0)
            o->json = 1;
        else if (strcmp(a, "--ascii") == 0)
            o->ascii = 1;
        else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            o->help = 1;
        else if (strcmp(a, "--reset") == 0)
            o->reset = 1;
        else if (strcmp(a, "--yes") == 0)
            o->yes = 1;
        else if (strcmp(a, "--color") == 0 || strncmp(a, "--color=", 8) == 0)
            ;   /* accepted for symmetry with the other commands: this output has no colour */
        else if ((r = opt_value("--db", argv, argc, &i, &v)) != 0) {
            if (r < 0)
                return EXIT_USAGE;
            if (!*v) {
                cli_error("--db needs a file name");
                return EXIT_USAGE;
            }
            o->db_path = v;
        } else if ((r = opt_value("--state", argv, argc, &i, &v)) != 0) {
            if (r < 0)
                return EXIT_USAGE;
            if (!*v) {
                cli_error("--state needs a file name");
                return EXIT_USAGE;
            }
            o->state_path = v;
        } else if ((r = opt_value("--width", argv, argc, &i, &v)) != 0) {
            uint64_t w;
            if (r < 0)
                return EXIT_USAGE;
            if (parse_number(v, 10000, &w) != 0) {
                cli_error("--width takes a number of columns from 0 to 10000, not '%s'", v);
                return EXIT_USAGE;
            }
            o->width = (int)w;
        } else if ((r = opt_value("--count", argv, argc, &i, &v)) != 0) {
            uint64_t c;
            if (r < 0)
                return EXIT_USAGE;
            if (parse_number(v, QUIZ_MAX_COUNT, &c) != 0 || c < 1) {
                cli_error("--count takes a number from 1 to %d, not '%s'", QUIZ_MAX_COUNT, v);
                return EXIT_USAGE;
            }
            o->count = (int)c;
        } else if ((r = opt_value("--seed", argv, argc, &i, &v)) != 0) {
            if (r < 0)
                return EXIT_USAGE;
            if (parse_number(v, INT64_MAX, &o->seed) != 0) {
                cli_error("--seed takes a whole number from 0 to %lld, not '%s'", (long long)INT64_MAX, v);
                return EXIT_USAGE;
            }
            o->have_seed = 1;
        } else if ((r = opt_value("--kind", argv, argc, &i, &v)) != 0) {
            if (r < 0)
                return EXIT_USAGE;
            if (quiz_kind_parse(v, &o->kind) != 0) {
                cli_error("unknown quiz kind '%s': use meaning, code, scenario, compare or mixed", v);
                return EXIT_USAGE;
            }
        } else if (strcmp(a, "--limit") == 0 || strncmp(a, "--limit=", 8) == 0) {
            cli_error("--limit is for search; the quiz takes --count N");
            return EXIT_USAGE;
        } else {
            cli_error("unknown option '%s' (see 'httpstatus %s --help')", a, command_words[o->cmd]);
            return EXIT_USAGE;
        }
    }
    /* Options that belong to another command are refused rather than ignored. */
    if (o->cmd != CQ_QUIZ && (o->have_seed || o->kind != QUIZ_MIXED)) {
        cli_error("--seed and --kind are for 'httpstatus quiz'");
        return EXIT_USAGE;
    }
    if (o->cmd != CQ_PROGRESS && (o->reset || o->yes)) {
        cli_error("--reset and --yes are for 'httpstatus progress'");
        return EXIT_USAGE;
    }
    if (o->cmd == CQ_PROGRESS && (o->n_words || o->count >= 0)) {
        cli_error("progress takes no codes and no --count");
        return EXIT_USAGE;
    }
    if (o->cmd == CQ_LEARN && o->json) {
        cli_error("learn has no JSON output; 'httpstatus progress --json' reports what you know");
        return EXIT_USAGE;
    }
    return 0;
}

/* ---- output ------------------------------------------------------------------------------- */

static int terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 80;
}

/* Print text (sanitised already) wrapped to width: the first line after first, the
 * following ones after indent (spaces). width 0: one line. */
static void put_wrapped(int width, const char *first, const char *text)
{
    size_t ind = strlen(first);
    char *pad = xmalloc(ind + 1);
    memset(pad, ' ', ind);
    pad[ind] = '\0';
    int w = width > 0 ? width - (int)ind : 0;
    if (width > 0 && w < 20)
        w = 20;
    size_t *st, *ln;
    size_t n = txt_wrap(text, w, &st, &ln);
    if (n == 0)
        printf("%s\n", first);
    for (size_t i = 0; i < n; i++) {
        fputs(i ? pad : first, stdout);
        fwrite(text + st[i], 1, ln[i], stdout);
        fputc('\n', stdout);
    }
    free(st);
    free(ln);
    free(pad);
}

static int64_t now_seconds(void)
{
    /* Tests move the clock (flashcards fall due after days) with HTTPSTATUS_NOW. */
    const char *fake = getenv("HTTPSTATUS_NOW");
    uint64_t v;
    if (fake && parse_number(fake, INT64_MAX, &v) == 0)
        return (int64_t)v;
    return (int64_t)time(NULL);
}

/* Read one line from stdin into *line (without the newline). 0 at end of input. */
static int read_line(char **line, size_t *cap)
{
    fflush(stdout);
    ssize_t n = getline(line, cap, stdin);
    if (n < 0)
        return 0;
    while (n > 0 && ((*line)[n - 1] == '\n' || (*line)[n - 1] == '\r'))
        (*line)[--n] = '\0';
    return 1;
}

static char *selection_text(const struct cq_opts *o)
{
    struct sb b;
    sb_init(&b);
    sb_puts(&b, "");
    for (int i = 0; i < o->n_words; i++) {
        if (i)
            sb_putc(&b, ' ');
        sb_puts(&b, o->words[i]);
    }
    return sb_steal(&b);
}

/* ---- the progress store, shared by the commands ----------------------------------------- */

struct saver {
    struct pg_store *store;
    int warned;
};

static int open_store(const struct cq_opts *o, enum pg_mode mode, struct saver *sv)
{
    memset(sv, 0, sizeof *sv);
    char *path = o->state_path ? xstrdup(o->state_path) : pg_default_path();
    char *notice = NULL, *warning = NULL;
    if (!path) {
        cli_error("neither XDG_STATE_HOME nor HOME is set: progress will not be saved (give --state FILE)");
        sv->store = pg_open("", PG_READ, &notice, &warning);
        sv->warned = 1;
        free(notice);
        free(warning);
        return 0;
    }
    sv->store = pg_open(path, mode, &notice, &warning);
    if (notice)
        cli_error("%s", notice);
    if (warning) {
        cli_error("%s", warning);
        sv->warned = 1;
    }
    free(notice);
    free(warning);
    free(path);
    return 0;
}

/* After a write: the first failure is reported once; the store is off from then on. */
static void saved(struct saver *sv, enum pg_status s)
{
    if (s == PG_FAILED && !sv->warned) {
        cli_error("%s", pg_error(sv->store));
        sv->warned = 1;
    }
}

/* ---- quiz ------------------------------------------------------------------------------------ */

static const char letters[] = "abcd";

static void json_str(struct sb *b, const char *key, const char *value)
{
    txt_json_string(b, key);
    sb_putc(b, ':');
    if (value)
        txt_json_string(b, value);
    else
        sb_puts(b, "null");
}

static void quiz_json(const struct quiz *qz, int count)
{
    struct sb b;
    sb_init(&b);
    sb_printf(&b, "{\"seed\":%llu,\"kind\":\"%s\",\"count\":%d,\"questions\":[", (unsigned long long)qz->seed,
              quiz_kind_name(qz->kind), count);
    for (size_t i = 0; i < qz->n; i++) {
        const struct quiz_question *q = &qz->q[i];
        if (i)
            sb_putc(&b, ',');
        sb_printf(&b, "{\"number\":%zu,\"kind\":\"%s\",", i + 1, quiz_kind_name(q->kind));
        json_str(&b, "id", q->id);
        sb_putc(&b, ',');
        json_str(&b, "question", q->prompt);
        sb_putc(&b, ',');
        json_str(&b, "note", q->note);
        sb_puts(&b, ",\"options\":[");
        for (int k = 0; k < QUIZ_OPTIONS; k++) {
            if (k)
                sb_putc(&b, ',');
            sb_printf(&b, "{\"letter\":\"%c\",\"code\":%d,", letters[k], q->opt[k].code);
            json_str(&b, "text", q->opt[k].text);
            sb_putc(&b, ',');
            json_str(&b, "why_not", q->opt[k].why_not);
            sb_putc(&b, '}');
        }
        sb_printf(&b, "],\"answer\":\"%c\",\"answer_code\":%d,", letters[q->answer], q->code);
        json_str(&b, "answer_text", q->answer_label);
        sb_putc(&b, ',');
        json_str(&b, "why", q->why);
        sb_putc(&b, '}');
    }
    sb_puts(&b, "]}\n");
    fwrite(b.buf, 1, b.len, stdout);
    sb_free(&b);
}

static void print_question(const struct quiz_question *q, size_t i, size_t n, int width)
{
    printf("question %zu/%zu (%s)\n", i + 1, n, quiz_kind_name(q->kind));
    put_wrapped(width, "", q->prompt);
    if (q->note)
        put_wrapped(width, "note: ", q->note);
    for (int k = 0; k < QUIZ_OPTIONS; k++) {
        char first[8];
        snprintf(first, sizeof first, "  %c) ", letters[k]);
        put_wrapped(width, first, q->opt[k].text);
    }
}

static void print_feedback(const struct quiz_question *q, int chosen, int right, int width)
{
    struct sb b;
    sb_init(&b);
    if (right) {
        sb_printf(&b, "%c) %s", letters[q->answer], q->answer_label);
        put_wrapped(width, "right: ", b.buf);
    } else {
        sb_printf(&b, "the answer is %c) %s", letters[q->answer], q->answer_label);
        put_wrapped(width, "wrong: ", b.buf);
    }
    put_wrapped(width, "why: ", q->why);
    if (!right)
        put_wrapped(width, "not that one: ", q->opt[chosen].why_not);
    fputc('\n', stdout);
    sb_free(&b);
}

static void print_end(struct quiz_bank *bank, const struct quiz_score *sc, size_t planned, int width)
{
    if ((size_t)sc->asked < planned)
        printf("stopped after %d of %zu questions\n", sc->asked, planned);
    if (sc->n_review) {
        struct sb b;
        sb_init(&b);
        for (size_t i = 0; i < sc->n_review; i++) {
            char *l = quiz_code_label(bank, sc->review[i]);
            if (i)
                sb_puts(&b, ", ");
            sb_puts(&b, l ? l : "?");
            free(l);
        }
        put_wrapped(width, "review: ", b.buf);
        sb_free(&b);
    }
    printf("score: %d/%d\n", sc->correct, sc->asked);
}

/* Records each answer; the first failure is reported once (after the screen closes, when
 * the round is on the screen). */
struct recorder {
    struct saver sv;
    int64_t session;
    int in_screen;
    const char *late_warning;
};

static const char *record(void *ctx, const struct quiz_question *q, int chosen, int right)
{
    struct recorder *rec = ctx;
    struct pg_answer a = {
        .session = rec->session,
        .time = now_seconds(),
        .kind = quiz_kind_name(q->kind),
        .question = q->id,
        .code = q->code,
        .chosen = q->opt[chosen].code,
        .correct = right,
    };
    enum pg_status s = pg_record_answer(rec->sv.store, &a);
    if (s != PG_FAILED || rec->sv.warned)
        return NULL;
    rec->sv.warned = 1;
    if (!rec->in_screen) {
        cli_error("%s", pg_error(rec->sv.store));
        return NULL;
    }
    rec->late_warning = pg_error(rec->sv.store);
    return rec->late_warning;
}

/* The line protocol: a question, one answer per line, the feedback. */
static void ask_lines(const struct quiz *qz, struct recorder *rec, struct quiz_score *score, int width)
{
    printf("quiz: %zu question%s, kind %s, seed %llu (the same seed gives the same quiz)\n\n", qz->n,
           qz->n == 1 ? "" : "s", quiz_kind_name(qz->kind), (unsigned long long)qz->seed);
    char *line = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < qz->n; i++) {
        const struct quiz_question *q = &qz->q[i];
        print_question(q, i, qz->n, width);
        int chosen = -1, stop = 0;
        while (chosen < 0) {
            if (!read_line(&line, &cap) || strcmp(line, "q") == 0 || strcmp(line, "quit") == 0) {
                stop = 1;
                break;
            }
            chosen = quiz_parse_answer(q, line);
            if (chosen < 0)
                printf("answer with a letter a-d, a number 1-4 or one of the codes shown (q stops)\n");
        }
        if (stop) {
            fputc('\n', stdout);
            break;
        }
        int right = quiz_score_add(score, q, chosen);
        record(rec, q, chosen, right);
        /* The feedback is printed after the answer is committed: what a person (or a
         * test) has seen acknowledged is on disk. */
        print_feedback(q, chosen, right, width);
        fflush(stdout);
    }
    free(line);
}

/* The full-screen round when both ends are a terminal that can be driven. */
static int use_screen(void)
{
    const char *term = getenv("TERM");
    return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO) && term && *term && strcmp(term, "dumb") != 0;
}

static int db_failed(struct hs_db *db)
{
    cli_error("%s", hsdb_error(db));
    return EXIT_USAGE;
}

/* Codes of the selection, or EXIT_USAGE after a message. */
static int select_codes(struct quiz_bank *bank, struct hs_db *db, const struct cq_opts *o, int **codes, size_t *n)
{
    int bad;
    enum hs_status s = quiz_select(bank, o->words, o->n_words, codes, n, &bad);
    if (s == HS_OK)
        return 0;
    if (s != HS_NOTFOUND)
        return db_failed(db);
    if (bad >= 0) {
        char *groups = quiz_group_names(bank);
        cli_error("'%s' is not a known code, class (4xx) or comparison group (%s)", o->words[bad], groups);
        free(groups);
    } else {
        cli_error("the selection holds no codes");
    }
    return EXIT_USAGE;
}

/* The bank and the codes the command line selects (quiz and learn): 0, or the exit status
 * after a message (nothing to free then). */
static int load_selection(struct hs_db *db, const struct cq_opts *o, struct quiz_bank **bank, int **codes,
                          size_t *n_codes)
{
    if (quiz_bank_load(db, o->ascii, bank) != HS_OK)
        return db_failed(db);
    int status = select_codes(*bank, db, o, codes, n_codes);
    if (status)
        quiz_bank_free(*bank);
    return status;
}

static int cmd_quiz(struct hs_db *db, const struct cq_opts *o, int width, quiz_screen_fn screen)
{
    struct quiz_bank *bank;
    int *codes = NULL;
    size_t n_codes = 0;
    int status = load_selection(db, o, &bank, &codes, &n_codes);
    if (status)
        return status;
    uint64_t seed = o->have_seed ? o->seed : ((uint64_t)time(NULL) * 2654435761u ^ (uint64_t)getpid()) % 1000000;
    int count = o->count > 0 ? o->count : 10;
    struct quiz *qz;
    enum hs_status s = quiz_make(bank, o->kind, codes, n_codes, count, seed, &qz);
    free(codes);
    if (s == HS_NOTFOUND) {
        cli_error("no %s questions can be made for this selection%s", quiz_kind_name(o->kind),
                  o->kind == QUIZ_SCENARIO ? " (no scenario is about these codes)" :
                  o->kind == QUIZ_COMPARE ? " (none of these codes is in a comparison group)" : "");
        quiz_bank_free(bank);
        return EXIT_USAGE;
    }
    if (s != HS_OK) {
        quiz_bank_free(bank);
        return db_failed(db);
    }
    if (o->json) {
        quiz_json(qz, count);
        quiz_free(qz);
        quiz_bank_free(bank);
        return EXIT_FOUND;
    }

    struct recorder rec = {0};
    open_store(o, PG_WRITE, &rec.sv);
    char *sel = selection_text(o);
    saved(&rec.sv, pg_session_begin(rec.sv.store, "quiz", quiz_kind_name(o->kind), (int64_t)seed, sel, (int)qz->n,
                                    now_seconds(), &rec.session));
    free(sel);

    struct quiz_score score = {0};
    if (screen && use_screen()) {
        /* On a terminal: the full-screen round; afterwards its result stays in plain text. */
        const char *why = NULL;
        rec.in_screen = 1;
        if (screen(qz, bank, o->ascii, record, &rec, &score, &why) != 0) {
            cli_error("%s", why);
            pg_close(rec.sv.store);
            quiz_free(qz);
            quiz_bank_free(bank);
            return EXIT_USAGE;
        }
        if (rec.late_warning)
            cli_error("%s", rec.late_warning);
    } else {
        ask_lines(qz, &rec, &score, width);
    }
    print_end(bank, &score, qz->n, width);
    quiz_score_free(&score);
    pg_close(rec.sv.store);
    quiz_free(qz);
    quiz_bank_free(bank);
    return EXIT_FOUND;
}

/* ---- learn ----------------------------------------------------------------------------------- */

/* Grades and saves a flashcard; the first failure is reported once (after the screen). */
struct grader {
    struct saver *sv;
    int64_t session;
    int in_screen;
    const char *late_warning;
};

static const char *grade_card(void *ctx, struct learn_round *r, enum learn_grade g)
{
    struct grader *gr = ctx;
    learn_round_grade(r, g, now_seconds());
    enum pg_status s = pg_record_review(gr->sv->store, gr->session, &r->cur, (int)g, now_seconds());
    if (s != PG_FAILED || gr->sv->warned)
        return NULL;
    gr->sv->warned = 1;
    if (!gr->in_screen) {
        cli_error("%s", pg_error(gr->sv->store));
        return NULL;
    }
    gr->late_warning = pg_error(gr->sv->store);
    return gr->late_warning;
}

static int cmd_learn(struct hs_db *db, const struct cq_opts *o, int width, learn_screen_fn screen)
{
    struct quiz_bank *bank;
    int *codes = NULL;
    size_t n_codes = 0;
    int status = load_selection(db, o, &bank, &codes, &n_codes);
    if (status)
        return status;
    struct saver sv;
    open_store(o, PG_WRITE, &sv);
    int64_t now = now_seconds();
    int limit = o->count > 0 ? o->count : 20;
    struct learn_round r;
    learn_round_build(&r, bank, sv.store, codes, n_codes, now, limit);
    free(codes);
    int64_t session = 0;
    char *sel = selection_text(o);
    saved(&sv, pg_session_begin(sv.store, "learn", "", 0, sel, limit, now, &session));
    free(sel);

    struct grader gr = {&sv, session, 0, NULL};
    if (screen && use_screen()) {
        const char *why = NULL;
        gr.in_screen = 1;
        int st = screen(&r, bank, o->ascii, grade_card, &gr, &why);
        if (st != 0)
            cli_error("%s", why);
        else if (gr.late_warning)
            cli_error("%s", gr.late_warning);
        if (st == 0 && r.shown)
            printf("reviewed %d card%s: %d again, %d hard, %d good, %d easy\n", r.shown, r.shown == 1 ? "" : "s",
                   r.by_grade[1], r.by_grade[2], r.by_grade[3], r.by_grade[4]);
        learn_round_free(&r);
        pg_close(sv.store);
        quiz_bank_free(bank);
        return st == 0 ? EXIT_FOUND : EXIT_USAGE;
    }
    if (r.n == 0)
        printf("nothing is due: every card of this selection is waiting for its next review\n");
    else
        printf("flashcards: %zu due or new, at most %d this round (Enter shows the answer; then 1 again, 2 hard, 3 good, 4 easy)\n\n",
               r.n, limit);
    char *line = NULL;
    size_t cap = 0;
    int eof = 0;
    const struct pg_card *c;
    while (!eof && (c = learn_round_next(&r)) != NULL) {
        char *label = quiz_code_label(bank, c->code), *meaning = quiz_code_meaning(bank, c->code);
        printf("card %d\n", r.shown + 1);
        if (c->side == PG_SIDE_CODE) {
            printf("%03d: what does it mean?\n", c->code);
        } else {
            put_wrapped(width, "", meaning);
            printf("which code is it?\n");
        }
        printf("(press Enter to see the answer)\n");
        if (!read_line(&line, &cap)) {
            eof = 1;
        } else {
            put_wrapped(width, "answer: ", label);
            if (c->side == PG_SIDE_CODE)
                put_wrapped(width, "        ", meaning);
            int g = -1;
            while (g < 0) {
                printf("how well did you know it? 1 again, 2 hard, 3 good, 4 easy\n");
                if (!read_line(&line, &cap)) {
                    eof = 1;
                    break;
                }
                g = learn_parse_grade(line);
            }
            if (g > 0) {
                grade_card(&gr, &r, (enum learn_grade)g);
                if (g == LEARN_AGAIN)
                    printf("again: it comes back in a few cards\n");
                else
                    printf("%s: next in box %d\n", learn_grade_name((enum learn_grade)g), r.cur.box);
                fputc('\n', stdout);
            }
        }
        free(label);
        free(meaning);
    }
    free(line);
    if (r.shown)
        printf("reviewed %d card%s: %d again, %d hard, %d good, %d easy\n", r.shown, r.shown == 1 ? "" : "s",
               r.by_grade[1], r.by_grade[2], r.by_grade[3], r.by_grade[4]);
    if (learn_round_exhausted(&r) && !eof && r.n > 0)
        printf("nothing more is due for now\n");
    learn_round_free(&r);
    pg_close(sv.store);
    quiz_bank_free(bank);
    return EXIT_FOUND;
}

/* ---- progress -------------------------------------------------------------------------------- */

struct class_row {
    int codes, seen, mastered, due, weak;
};

static int cmd_progress(struct hs_db *db, const struct cq_opts *o, int width)
{
    (void)width;
    struct saver sv;
    if (o->reset) {
        char *path = o->state_path ? xstrdup(o->state_path) : pg_default_path();
        if (!o->yes) {
            cli_error("progress --reset forgets every answer and card in %s; add --yes to do it",
                      path ? path : "the progress file");
            free(path);
            return EXIT_USAGE;
        }
        free(path);
        open_store(o, PG_WRITE, &sv);
        enum pg_status s = pg_reset(sv.store);
        int status = EXIT_FOUND;
        if (s == PG_OK) {
            printf("forgot all progress in %s\n", pg_path(sv.store));
        } else {
            if (s == PG_FAILED)
                cli_error("%s", pg_error(sv.store));
            else if (!sv.warned)
                cli_error("nothing to reset in %s", pg_path(sv.store));
            status = s == PG_OFF && !sv.warned ? EXIT_FOUND : EXIT_USAGE;
        }
        pg_close(sv.store);
        return status;
    }
    struct quiz_bank *bank;
    if (quiz_bank_load(db, o->ascii, &bank) != HS_OK)
        return db_failed(db);
    open_store(o, PG_READ, &sv);
    int64_t now = now_seconds();
    struct pg_card *cards = NULL;
    size_t n_cards = 0;
    struct pg_code_stat *st = NULL;
    size_t n_st = 0;
    struct pg_session *ses = NULL;
    size_t n_ses = 0;
    saved(&sv, pg_cards(sv.store, &cards, &n_cards));
    saved(&sv, pg_code_stats(sv.store, &st, &n_st));
    saved(&sv, pg_sessions(sv.store, &ses, &n_ses));

    /* Per code: seen, mastered, due, weak — over its cards and its quiz answers. */
    struct class_row rows[HS_N_CLASSES] = {{0}};
    struct intvec_cq {
        int *v;
        size_t n, cap;
    } lists[3] = {{0}};   /* mastered, due, weak */
    int *codes = NULL;
    size_t n_codes = 0;
    int bad;
    if (quiz_select(bank, NULL, 0, &codes, &n_codes, &bad) != HS_OK)
        n_codes = 0;
    /* The codes to report: the standard ones people use, and any with cards or answers. */
    size_t cap = n_codes + n_cards + n_st + 1;
    int *all = xcalloc(cap, sizeof *all);
    size_t n_all = 0;
    for (size_t i = 0; i < n_codes; i++)
        all[n_all++] = codes[i];
    for (size_t i = 0; i < n_cards + n_st; i++) {
        int c = i < n_cards ? cards[i].code : st[i - n_cards].code;
        int have = 0;
        for (size_t k = 0; k < n_all && !have; k++)
            have = all[k] == c;
        if (!have && quiz_code_class(bank, c) >= 0)
            all[n_all++] = c;
    }
    free(codes);
    for (size_t i = 0; i < n_all; i++) {
        int code = all[i], k = quiz_code_class(bank, code);
        if (k < 0 || k >= HS_N_CLASSES)
            continue;
        int seen = 0, mastered = 0, due = 0, weak = 0, n_side = 0;
        for (size_t c = 0; c < n_cards; c++) {
            if (cards[c].code != code)
                continue;
            seen = 1;
            n_side++;
            mastered += learn_is_mastered(&cards[c]);
            due |= learn_is_due(&cards[c], now);
            weak |= learn_is_weak(&cards[c]);
        }
        for (size_t q = 0; q < n_st; q++)
            if (st[q].code == code) {
                seen = 1;
                if (st[q].asked >= 2 ? st[q].correct * 10 < st[q].asked * 6 : !st[q].last_correct)
                    weak = 1;
            }
        int is_mastered = n_side > 0 && mastered == n_side && !weak;
        rows[k].codes++;
        rows[k].seen += seen;
        rows[k].mastered += is_mastered;
        rows[k].due += due;
        rows[k].weak += weak;
        int flags[3] = {is_mastered, due, weak};
        for (int l = 0; l < 3; l++)
            if (flags[l]) {
                struct intvec_cq *v = &lists[l];
                if (v->n == v->cap) {
                    v->cap = v->cap ? v->cap * 2 : 16;
                    v->v = xrealloc(v->v, v->cap * sizeof *v->v);
                }
                v->v[v->n++] = code;
            }
    }
    free(all);
    static const char *const list_names[3] = {"mastered", "due", "weak"};

    struct sb b;
    sb_init(&b);
    if (o->json) {
        sb_puts(&b, "{");
        json_str(&b, "file", pg_path(sv.store));
        sb_puts(&b, ",\"classes\":[");
        int first = 1;
        for (int k = 0; k < HS_N_CLASSES; k++) {
            if (!rows[k].codes)
                continue;
            sb_printf(&b, "%s{\"class\":\"%dxx\",\"codes\":%d,\"seen\":%d,\"mastered\":%d,\"due\":%d,\"weak\":%d}",
                      first ? "" : ",", k, rows[k].codes, rows[k].seen, rows[k].mastered, rows[k].due, rows[k].weak);
            first = 0;
        }
        sb_puts(&b, "]");
        for (int l = 0; l < 3; l++) {
            sb_printf(&b, ",\"%s\":[", list_names[l]);
            for (size_t i = 0; i < lists[l].n; i++)
                sb_printf(&b, "%s%d", i ? "," : "", lists[l].v[i]);
            sb_puts(&b, "]");
        }
        sb_printf(&b, ",\"cards\":%zu,\"answers\":", n_cards);
        int answers = 0;
        for (size_t q = 0; q < n_st; q++)
            answers += st[q].asked;
        sb_printf(&b, "%d,\"quizzes\":[", answers);
        for (size_t i = 0; i < n_ses; i++) {
            char when[32];
            time_t t = (time_t)ses[i].started;
            struct tm tm;
            gmtime_r(&t, &tm);
            strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
            sb_printf(&b, "%s{\"started\":\"%s\",", i ? "," : "", when);
            json_str(&b, "kind", ses[i].kind);
            sb_printf(&b, ",\"seed\":%lld,\"asked\":%d,\"correct\":%d}", (long long)ses[i].seed, ses[i].asked,
                      ses[i].correct);
        }
        sb_puts(&b, "]}\n");
    } else {
        sb_printf(&b, "progress in %s\n\n", pg_path(sv.store));
        sb_puts(&b, "class  codes  seen  mastered  due  weak\n");
        for (int k = 0; k < HS_N_CLASSES; k++)
            if (rows[k].codes)
                sb_printf(&b, "%dxx    %5d  %4d  %8d  %3d  %4d\n", k, rows[k].codes, rows[k].seen, rows[k].mastered,
                          rows[k].due, rows[k].weak);
        for (int l = 0; l < 3; l++) {
            if (!lists[l].n)
                continue;
            sb_printf(&b, "\n%s:", list_names[l]);
            for (size_t i = 0; i < lists[l].n; i++)
                sb_printf(&b, " %03d", lists[l].v[i]);
            sb_putc(&b, '\n');
        }
        if (lists[1].n)
            sb_puts(&b, "(httpstatus learn reviews the due cards)\n");
        if (n_ses) {
            sb_puts(&b, "\nquiz scores, oldest first:\n");
            for (size_t i = 0; i < n_ses; i++) {
                char when[32];
                time_t t = (time_t)ses[i].started;
                struct tm tm;
                localtime_r(&t, &tm);
                strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
                char *kind = txt_sanitize(ses[i].kind, 0, o->ascii);
                sb_printf(&b, "  %s  %-8s seed %-7lld %3d/%-3d %3d%%\n", when, kind, (long long)ses[i].seed,
                          ses[i].correct, ses[i].asked, ses[i].asked ? ses[i].correct * 100 / ses[i].asked : 0);
                free(kind);
            }
        } else if (!n_cards) {
            sb_puts(&b, "\nnothing recorded yet: try 'httpstatus quiz' or 'httpstatus learn'\n");
        }
    }
    fwrite(b.buf, 1, b.len, stdout);
    sb_free(&b);
    for (int l = 0; l < 3; l++)
        free(lists[l].v);
    free(cards);
    free(st);
    pg_sessions_free(ses, n_ses);
    pg_close(sv.store);
    quiz_bank_free(bank);
    return EXIT_FOUND;
}

/* ---- entry ----------------------------------------------------------------------------------- */

static int locale_is_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

int cq_main(int argc, char **argv, const struct cq_screens *screens)
{
    struct cq_opts o;
    if (parse(argc, argv, &o) != 0) {
        free(o.words);
        return EXIT_USAGE;
    }
    if (o.help) {
        usage(stdout);
        free(o.words);
        return EXIT_FOUND;
    }
    if (!locale_is_utf8() && isatty(STDOUT_FILENO))
        o.ascii = 1;
    int width = o.width >= 0 ? o.width : isatty(STDOUT_FILENO) ? terminal_width() : 80;
    struct hs_db *db = NULL;
    char *err = NULL;
    enum hs_status s = o.db_path ? hsdb_open_file(o.db_path, &db, &err) : hsdb_open_embedded(&db, &err);
    if (s != HS_OK) {
        cli_error("%s", err ? err : "cannot open the database");
        free(err);
        free(o.words);
        return EXIT_USAGE;
    }
    int status;
    switch (o.cmd) {
    case CQ_QUIZ:
        status = cmd_quiz(db, &o, width, screens ? screens->quiz : NULL);
        break;
    case CQ_LEARN:
        status = cmd_learn(db, &o, width, screens ? screens->learn : NULL);
        break;
    default:
        status = cmd_progress(db, &o, width);
        break;
    }
    if ((fflush(stdout) != 0 || ferror(stdout)) && status != EXIT_USAGE) {
        cli_error("cannot write the output: %s", strerror(errno));
        status = EXIT_USAGE;
    }
    hsdb_close(db);
    free(o.words);
    return status;
}
