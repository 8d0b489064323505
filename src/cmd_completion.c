/* cmd_completion.c — `httpstatus completion bash|zsh|fish`: prints a completion script for
 * that shell, generated from what the program itself parses:
 *   - commands: the command table (cli_commands[]) and every command word --help lists;
 *   - options: the "options:" lines of --help (cli_usage_to), with whether each takes a
 *     value and of what kind (FILE: file names, WHEN: auto always never);
 *   - codes with their phrases, comparison groups with their titles, built-in lessons,
 *     from the database; classes are the words cli_classify accepts;
 *   - the options a command parses itself (sheet, present, quiz ...) and their values:
 *     the small table below, emitted only for commands that exist (tests/e2e/completion.sh
 *     checks each value against the parser).
 * Everything taken from the database is reduced to safe characters (words) or quoted
 * (descriptions), so a --db file cannot put shell code into the script. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "text.h"

/* What a word may complete to. */
enum {
    K_COMMANDS = 1, K_CODES = 2, K_CLASSES = 4, K_GROUPS = 8, K_HEADERS = 16, K_SHELLS = 32,
};

/* The words each command takes after its name. "" is before any command word (a command,
 * or a code or class to look up); "lookup" is after a code or class. */
static const struct {
    const char *cmd;
    unsigned kinds;
} positional[] = {
    {"", K_COMMANDS | K_CODES | K_CLASSES},
    {"lookup", K_CODES | K_CLASSES},
    {"list", K_CLASSES},
    {"compare", K_CODES | K_GROUPS},
    {"sheet", K_CODES | K_CLASSES | K_GROUPS},
    {"present", K_CODES | K_CLASSES | K_GROUPS},
    {"quiz", K_CODES | K_CLASSES | K_GROUPS},
    {"learn", K_CODES | K_CLASSES | K_GROUPS},
    {"header", K_HEADERS},
    {"completion", K_SHELLS},
};

/* Options a command parses itself (the words after its name reach it as arguments).
 * value: NULL for a flag, else its kind: FILE, N, or a name of value_words[]. */
static const struct {
    const char *cmd, *name, *value, *help;
} cmd_options[] = {
    {"sheet", "--format", "FORMAT", "text, markdown, html or roff"},
    {"sheet", "--full", NULL, "the full entry of each code"},
    {"sheet", "--lesson", "LESSON", "a lesson file or a built-in lesson"},
    {"present", "--lesson", "LESSON", "a lesson file or a built-in lesson"},
    {"quiz", "--kind", "KIND", "the kind of question"},
    {"quiz", "--count", "N", "how many questions"},
    {"quiz", "--seed", "N", "the same seed gives the same questions"},
    {"quiz", "--state", "FILE", "keep progress in FILE"},
    {"learn", "--count", "N", "how many cards"},
    {"learn", "--state", "FILE", "keep progress in FILE"},
    {"progress", "--reset", NULL, "forget all progress (with --yes)"},
    {"progress", "--yes", NULL, "confirm --reset"},
    {"progress", "--state", "FILE", "progress kept in FILE"},
};

/* Fixed value lists, by the metavariable --help or the table above names. */
static const struct {
    const char *value;
    const char *words;
} value_words[] = {
    {"WHEN", "auto always never"},
    {"FORMAT", "text markdown html roff"},
    {"KIND", "meaning code scenario compare mixed"},
};

static const char *const shells[] = {"bash", "zsh", "fish"};

/* ---- collected words ---------------------------------------------------------------------- */

struct item {
    char *word;
    char *desc;   /* one line, sanitised; "" when none */
    char *value;  /* options: the metavariable ("FILE", "WHEN", "N"), or NULL for a flag */
    int eq;       /* options: written --name=VALUE in --help */
    const char *cmd;  /* options: the command that parses it, or NULL: everywhere */
};

struct items {
    struct item *v;
    size_t n, cap;
};

static struct item *push(struct items *a, const char *word, const char *desc)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 32;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    struct item *it = &a->v[a->n++];
    memset(it, 0, sizeof *it);
    it->word = xstrdup(word);
    char *d = txt_sanitize(desc ? desc : "", 0, 0);
    it->desc = d;
    return it;
}

static void items_free(struct items *a)
{
    for (size_t i = 0; i < a->n; i++) {
        free(a->v[i].word);
        free(a->v[i].desc);
        free(a->v[i].value);
    }
    free(a->v);
}

static int has(const struct items *a, const char *word)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->v[i].word, word) == 0)
            return 1;
    return 0;
}

/* A word safe to put unquoted in any of the three shells. */
static int safe_word(const char *s)
{
    if (!*s)
        return 0;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.' || *p == '='))
            return 0;
    return 1;
}

struct words {
    struct items commands, options, codes, classes, groups, headers, lessons;
};

/* --help, as text. */
static char *usage_text(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return xstrdup("");
    cli_usage_to(f);
    fclose(f);
    return buf;
}

/* "  httpstatus WORD ARGS   help": the command words --help lists. */
static void help_commands(const char *text, struct items *cmds)
{
    const char *p = text;
    while (*p) {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1), p);
        char word[64];
        if (strncmp(line, "  httpstatus ", 13) == 0 && sscanf(line + 13, "%63[a-z-]", word) == 1 &&
            (line[13 + strlen(word)] == ' ' || line[13 + strlen(word)] == '\0') && !has(cmds, word)) {
            const char *h = line + 13 + strlen(word);
            /* the help is after the padded arguments: the first run of two spaces, then text */
            const char *gap = strstr(h + 1, "  ");
            while (gap && *gap == ' ')
                gap++;
            push(cmds, word, gap ? gap : "");
        }
        p += n + (end ? 1 : 0);
    }
}

/* The "options:" lines of --help: "  -h, --help        this help", "  --db FILE   ...",
 * "  --color=WHEN   ...". */
static void help_options(const char *text, struct items *opts)
{
    const char *p = strstr(text, "\noptions:\n");
    if (!p)
        return;
    p += 10;
    while (*p && *p != '\n') {
        const char *end = strchr(p, '\n');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(n < sizeof line - 1 ? n : sizeof line - 1), p);
        p += n + (end ? 1 : 0);
        if (strncmp(line, "  -", 3) != 0)
            continue;
        char *help = strstr(line + 2, "  ");
        while (help && *help == ' ')
            *help++ = '\0';
        /* line + 2: "-h, --help" or "--db FILE" or "--color=WHEN" */
        char *save = NULL;
        char *value = NULL;
        int eq = 0;
        char *eqs = strchr(line + 2, '=');
        if (eqs) {
            *eqs = '\0';
            value = eqs + 1;
            eq = 1;
        } else {
            char *sp = strrchr(line + 2, ' ');
            if (sp && sp[1] >= 'A' && sp[1] <= 'Z') {
                *sp = '\0';
                value = sp + 1;
            }
        }
        for (char *w = strtok_r(line + 2, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
            /* "--" ends the options; it is not one to complete. */
            if (w[0] != '-' || strcmp(w, "--") == 0 || !safe_word(w) || has(opts, w))
                continue;
            struct item *it = push(opts, w, help ? help : "");
            it->value = value && safe_word(value) ? xstrdup(value) : NULL;
            it->eq = eq;
        }
    }
}

static int collect(struct hs_db *db, struct words *w)
{
    memset(w, 0, sizeof *w);
    for (const struct cli_command *c = cli_commands; c->run; c++)
        if (c->name && safe_word(c->name))
            push(&w->commands, c->name, c->help ? c->help : "this help");
    char *usage = usage_text();
    help_commands(usage, &w->commands);
    help_options(usage, &w->options);
    free(usage);
    for (size_t i = 0; i < sizeof cmd_options / sizeof cmd_options[0]; i++)
        if (has(&w->commands, cmd_options[i].cmd)) {
            struct item *it = push(&w->options, cmd_options[i].name, cmd_options[i].help);
            it->value = cmd_options[i].value ? xstrdup(cmd_options[i].value) : NULL;
            it->cmd = cmd_options[i].cmd;
        }

    /* Classes: the words the parser takes as a class. */
    for (char d = '0'; d <= '9'; d++) {
        char word[4] = {d, 'x', 'x', '\0'};
        int v;
        if (cli_classify(word, &v) == ARG_CLASS)
            push(&w->classes, word, "");
    }

    /* Codes: hsdb_list of every class (class 0 has meant "all" and will mean 000's class:
     * either way, each code once). */
    static char seen[1000];
    memset(seen, 0, sizeof seen);
    for (int k = 0; k < HS_N_CLASSES; k++) {
        struct hs_entries l;
        enum hs_status s = hsdb_list(db, k, &l);
        if (s == HS_NOTFOUND)
            continue;
        if (s != HS_OK)
            return cli_db_failed(db);
        for (size_t i = 0; i < l.n; i++) {
            int c = l.v[i].code;
            if (c < 0 || c > 999 || seen[c])
                continue;
            seen[c] = 1;
            char word[8];
            int v;
            snprintf(word, sizeof word, "%03d", c);
            if (cli_classify(word, &v) == ARG_CODE)   /* only what the parser takes as a code */
                push(&w->codes, word, l.v[i].phrase);
        }
        hs_entries_free(&l);
    }
    /* keep codes in order whatever the class order was */
    struct items sorted = {0};
    for (int c = 0; c < 1000; c++)
        for (size_t i = 0; seen[c] && i < w->codes.n; i++)
            if (atoi(w->codes.v[i].word) == c) {
                push(&sorted, w->codes.v[i].word, w->codes.v[i].desc);
                break;
            }
    items_free(&w->codes);
    w->codes = sorted;

    struct hs_group *g = NULL;
    size_t n_g = 0;
    if (lesson_all_groups(db, &g, &n_g) == HS_OK) {
        for (size_t i = 0; i < n_g; i++)
            if (safe_word(g[i].name) && !has(&w->groups, g[i].name))
                push(&w->groups, g[i].name, g[i].title);
        hs_groups_free(g, n_g);
    }

    char **hn = NULL, **hs = NULL;
    size_t n_h = 0;
    if (hsdb_header_names(db, &hn, &hs, &n_h) == HS_OK) {
        for (size_t i = 0; i < n_h; i++) {
            if (safe_word(hn[i]))
                push(&w->headers, hn[i], hs[i]);
            free(hn[i]);
            free(hs[i]);
        }
        free(hn);
        free(hs);
    }

    for (size_t i = 0; i < lesson_n_builtins; i++)
        if (safe_word(lesson_builtins[i].name))
            push(&w->lessons, lesson_builtins[i].name, "built-in lesson");
    return 0;
}

static void words_free(struct words *w)
{
    items_free(&w->commands);
    items_free(&w->options);
    items_free(&w->codes);
    items_free(&w->classes);
    items_free(&w->groups);
    items_free(&w->headers);
    items_free(&w->lessons);
}

static unsigned kinds_of(const char *cmd)
{
    for (size_t i = 0; i < sizeof positional / sizeof positional[0]; i++)
        if (strcmp(positional[i].cmd, cmd) == 0)
            return positional[i].kinds;
    return 0;
}

/* The words a command line can start with, as positional[] names them: "" (no command:
 * a lookup), "lookup", then every command. Returns how many (at most cap). */
static size_t command_words(const struct words *w, const char **cmds, size_t cap)
{
    size_t n = 0;
    cmds[n++] = "";
    cmds[n++] = "lookup";
    for (size_t i = 0; i < w->commands.n && n < cap; i++)
        cmds[n++] = w->commands.v[i].word;
    return n;
}

/* One shell's `case` arms: for each command, the completions of its positional words, one
 * fragment per kind in K_* order (commands, codes, classes, groups, headers, shells). */
static void print_case_arms(const struct words *w, const char *open, const char *const frag[6])
{
    const char *cmds[64];
    size_t n_cmds = command_words(w, cmds, 64);
    for (size_t i = 0; i < n_cmds; i++) {
        unsigned k = kinds_of(cmds[i]);
        if (!k)
            continue;
        printf(open, *cmds[i] ? cmds[i] : "''");
        for (int b = 0; b < 6; b++)
            if (k & (1u << b))
                fputs(frag[b], stdout);
        puts(" ;;");
    }
}

static const char *fixed_values(const char *value)
{
    for (size_t i = 0; value && i < sizeof value_words / sizeof value_words[0]; i++)
        if (strcmp(value_words[i].value, value) == 0)
            return value_words[i].words;
    return NULL;
}

/* The options that take a value as the next word ("--db FILE"), space-separated. */
static void print_value_options(const struct words *w, const char *sep)
{
    int first = 1;
    for (size_t i = 0; i < w->options.n; i++) {
        const struct item *o = &w->options.v[i];
        if (!o->value || o->eq || o->word[1] != '-')
            continue;
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            if (strcmp(w->options.v[j].word, o->word) == 0 && w->options.v[j].value)
                dup = 1;
        if (dup)
            continue;
        printf("%s%s", first ? "" : sep, o->word);
        first = 0;
    }
}

/* Single-quoted for bash and zsh. */
static void sq(const char *s)
{
    putchar('\'');
    for (; *s; s++)
        if (*s == '\'')
            fputs("'\\''", stdout);
        else
            putchar(*s);
    putchar('\'');
}

/* Single-quoted for fish (backslash escapes \\ and \'). */
static void fq(const char *s)
{
    putchar('\'');
    for (; *s; s++) {
        if (*s == '\'' || *s == '\\')
            putchar('\\');
        putchar(*s);
    }
    putchar('\'');
}

/* The command names (all of them) on one line. */
static void print_command_names(const struct words *w)
{
    for (size_t i = 0; i < w->commands.n; i++)
        printf("%s%s", i ? " " : "", w->commands.v[i].word);
}

/* ---- bash ------------------------------------------------------------------------------- */

static void bash_list(const char *name, const struct items *a)
{
    printf("    local %s=(", name);
    for (size_t i = 0; i < a->n; i++)
        printf("%s%s", i ? " " : "", a->v[i].word);
    puts(")");
}

static void bash_script(const struct words *w)
{
    puts("# bash completion for httpstatus; generated by `httpstatus completion bash`.\n"
         "# Load it with: source <(httpstatus completion bash)");
    puts("_httpstatus_add() {\n"
         "    # _httpstatus_add PREFIX WORD...: the words starting with $cur, after PREFIX\n"
         "    local p=$1 w\n"
         "    shift\n"
         "    for w in \"$@\"; do\n"
         "        [[ $w == \"$cur\"* ]] && COMPREPLY+=(\"$p$w\")\n"
         "    done\n"
         "}\n"
         "\n"
         "_httpstatus() {\n"
         "    COMPREPLY=()\n"
         "    local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= opt= pre= i w skip=0 only=0");
    bash_list("commands", &w->commands);
    bash_list("codes", &w->codes);
    bash_list("classes", &w->classes);
    bash_list("groups", &w->groups);
    bash_list("headers", &w->headers);
    bash_list("lessons", &w->lessons);
    printf("    local shells=(bash zsh fish)\n");
    printf("    local valopts=\" ");
    print_value_options(w, " ");
    puts(" \"");
    puts("    (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
         "    # the command: the first word that is not an option or an option's value\n"
         "    for (( i = 1; i < COMP_CWORD; i++ )); do\n"
         "        w=${COMP_WORDS[i]}\n"
         "        if [[ $w == = ]]; then skip=1; continue; fi\n"
         "        if (( skip )); then skip=0; continue; fi\n"
         "        if (( ! only )) && [[ $w == -* ]]; then\n"
         "            [[ $w == -- ]] && only=1\n"
         "            [[ $valopts == *\" $w \"* && ${COMP_WORDS[i+1]} != = ]] && skip=1\n"
         "            continue\n"
         "        fi\n"
         "        cmd=$w\n"
         "        break\n"
         "    done\n"
         "    if [[ -n $cmd ]]; then\n"
         "        case \" ${commands[*]} \" in *\" $cmd \"*) ;; *) cmd=lookup ;; esac\n"
         "    fi\n"
         "    # an option's value: \"--opt VALUE\", \"--opt=VALUE\" as one word, or split at =\n"
         "    if [[ $cur == --*=* ]]; then\n"
         "        opt=${cur%%=*} pre=$opt= cur=${cur#*=}\n"
         "    elif [[ $cur == = && $prev == --* ]]; then\n"
         "        opt=$prev cur=\n"
         "    elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then\n"
         "        opt=${COMP_WORDS[COMP_CWORD-2]}\n"
         "    elif [[ $valopts == *\" $prev \"* ]]; then\n"
         "        opt=$prev\n"
         "    fi\n"
         "    if [[ -n $opt ]]; then\n"
         "        case $opt in");
    /* values by option */
    for (size_t i = 0; i < w->options.n; i++) {
        const struct item *o = &w->options.v[i];
        if (!o->value)
            continue;
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            if (strcmp(w->options.v[j].word, o->word) == 0 && w->options.v[j].value)
                dup = 1;
        if (dup)
            continue;
        const char *fixed = fixed_values(o->value);
        printf("        %s)", o->word);
        if (fixed)
            printf(" _httpstatus_add \"$pre\" %s ;;\n", fixed);
        else if (strcmp(o->value, "FILE") == 0)
            puts(" COMPREPLY=($(compgen -f -- \"$cur\")) ;;");
        else if (strcmp(o->value, "LESSON") == 0)
            puts(" _httpstatus_add \"$pre\" \"${lessons[@]}\"; COMPREPLY+=($(compgen -f -- \"$cur\")) ;;");
        else
            puts(" ;;");
    }
    puts("        esac\n"
         "        return 0\n"
         "    fi\n"
         "    if [[ $cur == -* ]] && (( ! only )); then\n"
         "        case $cmd in");
    /* options of each command that has some, then the global ones */
    for (size_t i = 0; i < w->commands.n; i++) {
        const char *c = w->commands.v[i].word;
        int any = 0;
        for (size_t j = 0; j < w->options.n; j++)
            if (w->options.v[j].cmd && strcmp(w->options.v[j].cmd, c) == 0) {
                if (!any)
                    printf("        %s) _httpstatus_add \"\"", c);
                any = 1;
                printf(" %s", w->options.v[j].word);
            }
        if (any)
            puts(" ;;");
    }
    puts("        esac");
    printf("        _httpstatus_add \"\"");
    for (size_t j = 0; j < w->options.n; j++)
        if (!w->options.v[j].cmd)
            printf(" %s%s", w->options.v[j].word, w->options.v[j].eq ? "=" : "");
    puts("\n"
         "        [[ ${COMPREPLY[*]} == *= ]] && compopt -o nospace 2>/dev/null\n"
         "        return 0\n"
         "    fi\n"
         "    case $cmd in");
    static const char *const bash_frag[6] = {
        " _httpstatus_add \"\" \"${commands[@]}\";", " _httpstatus_add \"\" \"${codes[@]}\";",
        " _httpstatus_add \"\" \"${classes[@]}\";", " _httpstatus_add \"\" \"${groups[@]}\";",
        " _httpstatus_add \"\" \"${headers[@]}\";", " _httpstatus_add \"\" \"${shells[@]}\";",
    };
    print_case_arms(w, "    %s)", bash_frag);
    puts("    esac\n"
         "    return 0\n"
         "}\n"
         "complete -F _httpstatus httpstatus");
}

/* ---- zsh -------------------------------------------------------------------------------- */

static void zsh_list(const char *name, const struct items *a)
{
    printf("    local -a %s=(", name);
    for (size_t i = 0; i < a->n; i++) {
        char *item = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&item, &len);
        if (!f)
            continue;
        fprintf(f, "%s%s%s", a->v[i].word, *a->v[i].desc ? ":" : "", a->v[i].desc);
        fclose(f);
        fputs(i ? "\n        " : "\n        ", stdout);
        sq(item);
        free(item);
    }
    puts("\n    )");
}

static void zsh_script(const struct words *w)
{
    puts("#compdef httpstatus\n"
         "# zsh completion for httpstatus; generated by `httpstatus completion zsh`.\n"
         "# Install as _httpstatus in a directory of $fpath, or: source <(httpstatus completion zsh)\n"
         "_httpstatus() {");
    zsh_list("hs_commands", &w->commands);
    zsh_list("hs_codes", &w->codes);
    zsh_list("hs_classes", &w->classes);
    zsh_list("hs_groups", &w->groups);
    zsh_list("hs_headers", &w->headers);
    zsh_list("hs_lessons", &w->lessons);
    puts("    local -a shells=(bash zsh fish)");
    printf("    local -a cmdnames=(");
    print_command_names(w);
    puts(")");
    printf("    local -a valopts=(");
    print_value_options(w, " ");
    puts(")");
    puts("    local cur=${words[CURRENT]} prev=${words[CURRENT-1]} cmd= opt= i w skip=0 only=0\n"
         "    for (( i = 2; i < CURRENT; i++ )); do\n"
         "        w=${words[i]}\n"
         "        if (( skip )); then skip=0; continue; fi\n"
         "        if (( ! only )) && [[ $w == -* ]]; then\n"
         "            [[ $w == -- ]] && only=1\n"
         "            (( ${valopts[(Ie)$w]} )) && skip=1\n"
         "            continue\n"
         "        fi\n"
         "        cmd=$w\n"
         "        break\n"
         "    done\n"
         "    [[ -n $cmd ]] && (( ! ${cmdnames[(Ie)$cmd]} )) && cmd=lookup\n"
         "    if [[ $cur == --*=* ]]; then\n"
         "        opt=${cur%%=*}\n"
         "        compset -P '*='\n"
         "    elif (( ${valopts[(Ie)$prev]} )); then\n"
         "        opt=$prev\n"
         "    fi\n"
         "    if [[ -n $opt ]]; then\n"
         "        case $opt in");
    for (size_t i = 0; i < w->options.n; i++) {
        const struct item *o = &w->options.v[i];
        if (!o->value)
            continue;
        int dup = 0;
        for (size_t j = 0; j < i; j++)
            if (strcmp(w->options.v[j].word, o->word) == 0 && w->options.v[j].value)
                dup = 1;
        if (dup)
            continue;
        const char *fixed = fixed_values(o->value);
        printf("        (%s)", o->word);
        if (fixed)
            printf(" compadd -- %s ;;\n", fixed);
        else if (strcmp(o->value, "FILE") == 0)
            puts(" _files ;;");
        else if (strcmp(o->value, "LESSON") == 0)
            puts(" _describe -t lessons 'built-in lesson' hs_lessons; _files ;;");
        else
            puts(" _message 'a number' ;;");
    }
    puts("        esac\n"
         "        return\n"
         "    fi\n"
         "    if [[ $cur == -* ]] && (( ! only )); then\n"
         "        local -a flags eqopts");
    printf("        flags=(");
    for (size_t j = 0; j < w->options.n; j++)
        if (!w->options.v[j].cmd && !w->options.v[j].eq) {
            char *item = NULL;
            size_t len = 0;
            FILE *f = open_memstream(&item, &len);
            if (!f)
                continue;
            fprintf(f, "%s:%s", w->options.v[j].word, w->options.v[j].desc);
            fclose(f);
            putchar(' ');
            sq(item);
            free(item);
        }
    puts(")");
    printf("        eqopts=(");
    for (size_t j = 0; j < w->options.n; j++)
        if (!w->options.v[j].cmd && w->options.v[j].eq) {
            char *item = NULL;
            size_t len = 0;
            FILE *f = open_memstream(&item, &len);
            if (!f)
                continue;
            fprintf(f, "%s=:%s", w->options.v[j].word, w->options.v[j].desc);
            fclose(f);
            putchar(' ');
            sq(item);
            free(item);
        }
    puts(")");
    puts("        case $cmd in");
    for (size_t i = 0; i < w->commands.n; i++) {
        const char *c = w->commands.v[i].word;
        int any = 0;
        for (size_t j = 0; j < w->options.n; j++)
            if (w->options.v[j].cmd && strcmp(w->options.v[j].cmd, c) == 0) {
                if (!any)
                    printf("        (%s) flags+=(", c);
                any = 1;
                char *item = NULL;
                size_t len = 0;
                FILE *f = open_memstream(&item, &len);
                if (!f)
                    continue;
                fprintf(f, "%s:%s", w->options.v[j].word, w->options.v[j].desc);
                fclose(f);
                putchar(' ');
                sq(item);
                free(item);
            }
        if (any)
            puts(") ;;");
    }
    puts("        esac\n"
         "        _describe -t options 'option' flags\n"
         "        _describe -t options 'option' eqopts -S ''\n"
         "        return\n"
         "    fi\n"
         "    case $cmd in");
    static const char *const zsh_frag[6] = {
        " _describe -t commands 'command' hs_commands;", " _describe -t codes 'status code' hs_codes;",
        " _describe -t classes 'class' hs_classes;", " _describe -t groups 'group' hs_groups;",
        " _describe -t headers 'header' hs_headers;", " compadd -- $shells;",
    };
    print_case_arms(w, "    (%s)", zsh_frag);
    puts("    esac\n"
         "}\n"
         "if [[ $funcstack[1] == _httpstatus ]]; then\n"
         "    _httpstatus \"$@\"\n"
         "else\n"
         "    compdef _httpstatus httpstatus\n"
         "fi");
}

/* ---- fish ------------------------------------------------------------------------------- */

static void fish_items(const char *cond, const struct items *a)
{
    for (size_t i = 0; i < a->n; i++) {
        printf("complete -c httpstatus -n ");
        fq(cond);
        printf(" -a %s", a->v[i].word);
        if (*a->v[i].desc) {
            printf(" -d ");
            fq(a->v[i].desc);
        }
        putchar('\n');
    }
}

static void fish_script(const struct words *w)
{
    puts("# fish completion for httpstatus; generated by `httpstatus completion fish`.\n"
         "# Install as httpstatus.fish in ~/.config/fish/completions, or:\n"
         "# httpstatus completion fish | source\n"
         "complete -c httpstatus -e\n"
         "complete -c httpstatus -f\n"
         "\n"
         "# The command: the first word that is not an option or an option's value; \"lookup\"\n"
         "# after a code or class, \"none\" before any word.\n"
         "function __httpstatus_cmd");
    printf("    set -l cmds ");
    print_command_names(w);
    printf("\n    set -l valopts ");
    print_value_options(w, " ");
    puts("\n"
         "    set -l words (commandline -opc)\n"
         "    set -e words[1]\n"
         "    set -l skip 0\n"
         "    for w in $words\n"
         "        if test $skip = 1\n"
         "            set skip 0\n"
         "            continue\n"
         "        end\n"
         "        if contains -- $w $valopts\n"
         "            set skip 1\n"
         "            continue\n"
         "        end\n"
         "        if string match -q -- '-*' $w\n"
         "            continue\n"
         "        end\n"
         "        if contains -- $w $cmds\n"
         "            echo $w\n"
         "        else\n"
         "            echo lookup\n"
         "        end\n"
         "        return\n"
         "    end\n"
         "    echo none\n"
         "end\n"
         "\n"
         "function __httpstatus_is\n"
         "    contains -- (__httpstatus_cmd) $argv\n"
         "end\n");
    /* positional words */
    const char *cmds[64];
    size_t n_cmds = command_words(w, cmds, 64);
    static const unsigned kinds[] = {K_COMMANDS, K_CODES, K_CLASSES, K_GROUPS, K_HEADERS, K_SHELLS};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        char cond[1024] = "__httpstatus_is";
        int any = 0;
        for (size_t i = 0; i < n_cmds; i++)
            if (kinds_of(cmds[i]) & kinds[k]) {
                size_t l = strlen(cond);
                snprintf(cond + l, sizeof cond - l, " %s", *cmds[i] ? cmds[i] : "none");
                any = 1;
            }
        if (!any)
            continue;
        switch (kinds[k]) {
        case K_COMMANDS:
            fish_items(cond, &w->commands);
            break;
        case K_CODES:
            fish_items(cond, &w->codes);
            break;
        case K_CLASSES:
            fish_items(cond, &w->classes);
            break;
        case K_GROUPS:
            fish_items(cond, &w->groups);
            break;
        case K_HEADERS:
            fish_items(cond, &w->headers);
            break;
        case K_SHELLS:
            printf("complete -c httpstatus -n '%s' -a 'bash zsh fish'\n", cond);
            break;
        }
    }
    /* options */
    for (size_t j = 0; j < w->options.n; j++) {
        const struct item *o = &w->options.v[j];
        printf("complete -c httpstatus");
        if (o->cmd)
            printf(" -n '__httpstatus_is %s'", o->cmd);
        if (o->word[1] == '-')
            printf(" -l %s", o->word + 2);
        else
            printf(" -s %s", o->word + 1);
        if (o->value) {
            const char *fixed = fixed_values(o->value);
            if (fixed)
                printf(" -x -a '%s'", fixed);
            else if (strcmp(o->value, "FILE") == 0)
                printf(" -r -F");
            else if (strcmp(o->value, "LESSON") == 0) {
                printf(" -r -F -a '");
                for (size_t i = 0; i < w->lessons.n; i++)
                    printf("%s%s", i ? " " : "", w->lessons.v[i].word);
                putchar('\'');
            } else
                printf(" -x");
        }
        if (*o->desc) {
            printf(" -d ");
            fq(o->desc);
        }
        putchar('\n');
    }
}

int cmd_completion(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    (void)out;
    if (o->n_args != 1) {
        cli_error("completion takes one shell: bash, zsh or fish");
        return EXIT_USAGE;
    }
    size_t sh = 0;
    while (sh < sizeof shells / sizeof shells[0] && strcmp(shells[sh], o->args[0]) != 0)
        sh++;
    if (sh == sizeof shells / sizeof shells[0]) {
        cli_error("completion takes bash, zsh or fish, not '%s'", o->args[0]);
        return EXIT_USAGE;
    }
    struct words w;
    int r = collect(db, &w);
    if (r != 0) {
        words_free(&w);
        return r;
    }
    if (sh == 0)
        bash_script(&w);
    else if (sh == 1)
        zsh_script(&w);
    else
        fish_script(&w);
    words_free(&w);
    return EXIT_FOUND;
}
