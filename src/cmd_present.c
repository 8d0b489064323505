/* cmd_present.c — `httpstatus present [CODE|CLASS|GROUP ...] [--lesson FILE|NAME]`: reads
 * the words and the lesson, builds the deck (slides.h) and hands it to the slide show that
 * main.c put in o->present (src/ui/present.c). Lesson-file errors are printed as
 * "FILE:LINE: message" (exit 2) before any terminal is touched. */
#include "cli_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lesson.h"
#include "slides.h"
#include "text.h"
#include "util.h"

/* Each line of a message list from lesson.c, sanitised; lines naming a file and line
 * ("FILE:LINE: ...") go out as they are, others after "httpstatus: ". */
static void print_messages(const char *msgs, int prefixed)
{
    const char *p = msgs;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *line = xstrndup(p, n);
        char *clean = txt_sanitize(line, 0, 0);
        fprintf(stderr, "%s%s\n", prefixed ? "httpstatus: " : "", clean);
        free(clean);
        free(line);
        p += n + (e ? 1 : 0);
    }
}

static int parse_args(const struct cli_opts *o, const char **lesson, struct lesson *words)
{
    *lesson = NULL;
    for (int i = 0; i < o->n_args; i++) {
        const char *s = o->args[i];
        const char *v = NULL;
        if (strncmp(s, "--lesson=", 9) == 0) {
            v = s + 9;
        } else if (strcmp(s, "--lesson") == 0) {
            if (i + 1 >= o->n_args) {
                cli_error("--lesson needs a file or the name of a built-in lesson");
                return EXIT_USAGE;
            }
            v = o->args[++i];
        } else if (s[0] == '-' && s[1] != '\0') {
            cli_error("unknown option '%s' for present (it takes --lesson FILE)", s);
            return EXIT_USAGE;
        }
        if (v) {
            if (*lesson) {
                cli_error("one --lesson at a time");
                return EXIT_USAGE;
            }
            if (!*v) {
                cli_error("--lesson needs a file or the name of a built-in lesson");
                return EXIT_USAGE;
            }
            *lesson = v;
            continue;
        }
        char *err = NULL;
        if (lesson_add_word(words, s, &err) != 0) {
            cli_error("%s", err);
            free(err);
            return EXIT_USAGE;
        }
    }
    return 0;
}

int cmd_present(struct hs_db *db, const struct cli_opts *o, const struct out *out)
{
    (void)out;
    const char *file;
    struct lesson *words = lesson_new("command line");
    int status = parse_args(o, &file, words);
    if (status != 0) {
        lesson_free(words);
        return status;
    }
    struct lesson *l = words;
    if (file) {
        char *err = NULL;
        if (lesson_load(file, &l, &err) != 0) {
            print_messages(err, strncmp(err, "no built-in", 11) == 0);
            free(err);
            lesson_free(words);
            return EXIT_USAGE;
        }
        for (size_t i = 0; i < words->n; i++) {    /* the words come after the lesson */
            if (l->n == l->cap) {
                l->cap = l->cap * 2 + 1;
                l->v = xrealloc(l->v, l->cap * sizeof *l->v);
            }
            l->v[l->n++] = words->v[i];
        }
        words->n = 0;
        lesson_free(words);
    } else if (l->n == 0) {
        for (int k = 1; k <= 5; k++) {            /* no words: every class */
            char w[4] = {(char)('0' + k), 'x', 'x', '\0'};
            char *err = NULL;
            lesson_add_word(l, w, &err);
            free(err);
        }
    }
    char *err = NULL;
    int r = lesson_resolve(l, db, &err);
    if (r < 0) {
        lesson_free(l);
        return cli_db_failed(db);
    }
    if (r > 0) {
        print_messages(err, file == NULL);
        free(err);
        lesson_free(l);
        return file ? EXIT_USAGE : r;
    }
    struct deck *d;
    if (deck_build(db, l, o->ascii, &d) != HS_OK) {
        lesson_free(l);
        return cli_db_failed(db);
    }
    lesson_free(l);
    if (d->n == 0) {
        cli_error("nothing to present: the lesson names no slides");
        deck_free(d);
        return EXIT_USAGE;
    }
    if (!o->present) {
        cli_error("this build of httpstatus cannot show slides");
        deck_free(d);
        return EXIT_ERROR;
    }
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        cli_error("present shows slides on a terminal; for something to print or hand out, try 'httpstatus sheet'");
        deck_free(d);
        return EXIT_USAGE;
    }
    status = o->present(d, o->ascii);
    deck_free(d);
    return status;
}
