/* lesson.c — see lesson.h. */
#include "lesson.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "util.h"

#define MAX_MESSAGES 20      /* bad lines reported before "... and N more" */
#define ECHO_BYTES 40        /* how much of a bad word a message repeats */

struct lesson *lesson_new(const char *name)
{
    struct lesson *l = xcalloc(1, sizeof *l);
    l->name = xstrdup(name);
    return l;
}

static void item_free(struct lesson_item *it)
{
    free(it->group);
    free(it->title);
    for (size_t i = 0; i < it->n_notes; i++)
        free(it->notes[i]);
    free(it->notes);
}

void lesson_free(struct lesson *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->n; i++)
        item_free(&l->v[i]);
    free(l->v);
    free(l->name);
    free(l);
}

static struct lesson_item *add_item(struct lesson *l, enum lesson_kind kind, int line)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    struct lesson_item *it = &l->v[l->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->line = line;
    return it;
}

/* ---- words ---------------------------------------------------------------------------- */

enum word { W_CODE, W_CLASS, W_GROUP, W_BAD_CODE, W_BAD };

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static enum word classify(const char *s, size_t n, int *value)
{
    int digits = n > 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            digits = 0;
    if (digits) {
        if (n != 3)
            return W_BAD_CODE;
        *value = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
        return (*value >= 100 && *value <= 599) || *value == 0 ? W_CODE : W_BAD_CODE;
    }
    if (n == 3 && s[0] >= '0' && s[0] <= '5' && lower(s[1]) == 'x' && lower(s[2]) == 'x') {
        *value = s[0] - '0';
        return W_CLASS;
    }
    if (n == 0 || n > 64 || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
        return W_BAD;
    for (size_t i = 0; i < n; i++) {
        int c = lower(s[i]);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            return W_BAD;
    }
    return W_GROUP;
}

/* The first ECHO_BYTES of a word for a message, cut on a character boundary. */
static void echo(struct sb *b, const char *s, size_t n)
{
    if (n > ECHO_BYTES) {
        n = ECHO_BYTES;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        sb_putn(b, s, n);
        sb_puts(b, "...");
    } else {
        sb_putn(b, s, n);
    }
}

/* Describe why a word is not an item. */
static void bad_word(struct sb *b, const char *s, size_t n, enum word w)
{
    sb_putc(b, '\'');
    echo(b, s, n);
    sb_putc(b, '\'');
    if (w == W_BAD_CODE)
        sb_puts(b, " is not a status code: codes are three digits, from 100 to 599");
    else
        sb_puts(b, " is not a status code, a class (like 4xx) or a group name");
}

static char *lowered(const char *s, size_t n)
{
    char *r = xstrndup(s, n);
    for (size_t i = 0; i < n; i++)
        r[i] = (char)lower((unsigned char)r[i]);
    return r;
}

int lesson_add_word(struct lesson *l, const char *word, char **err)
{
    size_t n = strlen(word);
    int v = 0;
    enum word w = classify(word, n, &v);
    if (w == W_CODE) {
        add_item(l, LESSON_CODE, 0)->code = v;
    } else if (w == W_CLASS) {
        add_item(l, LESSON_CLASS, 0)->klass = v;
    } else if (w == W_GROUP) {
        add_item(l, LESSON_GROUP, 0)->group = lowered(word, n);
    } else {
        struct sb b;
        sb_init(&b);
        bad_word(&b, word, n, w);
        *err = sb_steal(&b);
        return -1;
    }
    return 0;
}

/* ---- lesson files --------------------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

struct errs {
    struct sb b;
    struct sb sink;     /* messages past MAX_MESSAGES are written here and dropped */
    size_t n;
    const char *name;
};

static struct sb *err_line(struct errs *e, int line)
{
    e->n++;
    if (e->n > MAX_MESSAGES) {
        sb_reset(&e->sink);
        return &e->sink;
    }
    sb_printf(&e->b, "%s:%d: ", e->name, line);
    return &e->b;
}

/* Split [s, s+n) into words separated by blanks; returns how many (at most max). */
static size_t split(const char *s, size_t n, const char **w, size_t *wl, size_t max)
{
    size_t k = 0, i = 0;
    while (i < n) {
        while (i < n && is_space(s[i]))
            i++;
        if (i >= n)
            break;
        size_t start = i;
        while (i < n && !is_space(s[i]))
            i++;
        if (k < max) {
            w[k] = s + start;
            wl[k] = i - start;
        }
        k++;
    }
    return k;
}

static void parse_compare(struct lesson *l, struct errs *e, int line, const char **w, size_t *wl, size_t nw)
{
    if (nw < 3) {
        sb_puts(err_line(e, line), "compare needs at least two codes, like: compare 401 403");
        return;
    }
    if (nw - 1 > LESSON_MAX_CODES) {
        sb_printf(err_line(e, line), "compare takes at most %d codes", LESSON_MAX_CODES);
        return;
    }
    int codes[LESSON_MAX_CODES];
    for (size_t i = 1; i < nw; i++) {
        int v = 0;
        enum word k = classify(w[i], wl[i], &v);
        if (k != W_CODE) {
            struct sb *b = err_line(e, line);
            bad_word(b, w[i], wl[i], k == W_BAD_CODE ? W_BAD_CODE : W_BAD);
            if (k == W_CLASS || k == W_GROUP)
                sb_puts(b, "; compare takes codes only");
            return;
        }
        codes[i - 1] = v;
    }
    struct lesson_item *it = add_item(l, LESSON_COMPARE, line);
    memcpy(it->codes, codes, (nw - 1) * sizeof codes[0]);
    it->n_codes = nw - 1;
}

static void parse_line(struct lesson *l, struct errs *e, int line, const char *s, size_t n, int *have_item)
{
    while (n && is_space(*s))
        s++, n--;
    while (n && is_space(s[n - 1]))
        n--;
    if (n == 0 || s[0] == '#')
        return;
    if (n >= 5 && strncasecmp(s, "note:", 5) == 0) {
        const char *t = s + 5;
        size_t tn = n - 5;
        while (tn && is_space(*t))
            t++, tn--;
        if (!*have_item) {
            sb_puts(err_line(e, line), "a note must follow the code, class, group or compare line it belongs to");
            return;
        }
        if (tn == 0) {
            sb_puts(err_line(e, line), "the note is empty");
            return;
        }
        struct lesson_item *it = &l->v[l->n - 1];
        it->notes = xrealloc(it->notes, (it->n_notes + 1) * sizeof *it->notes);
        it->notes[it->n_notes++] = xstrndup(t, tn);
        return;
    }
    /* An item line may end with a comment. */
    for (size_t i = 1; i < n; i++)
        if (s[i] == '#' && is_space(s[i - 1])) {
            n = i;
            while (n && is_space(s[n - 1]))
                n--;
            break;
        }
    const char *w[LESSON_MAX_CODES + 2] = {0};
    size_t wl[LESSON_MAX_CODES + 2] = {0};
    size_t nw = split(s, n, w, wl, LESSON_MAX_CODES + 2);
    if (wl[0] == 7 && strncasecmp(w[0], "compare", 7) == 0) {
        size_t before = l->n;
        parse_compare(l, e, line, w, wl, nw);
        *have_item = l->n > before;
        return;
    }
    *have_item = 0;
    if (wl[0] >= 4 && strncasecmp(w[0], "note", 4) == 0) {
        sb_puts(err_line(e, line), "a note is written 'note: text', with the colon right after 'note'");
        return;
    }
    if (nw > 1) {
        int codes = nw <= LESSON_MAX_CODES + 2;
        for (size_t i = 0; i < nw && i < LESSON_MAX_CODES + 2 && codes; i++) {
            int v;
            codes = classify(w[i], wl[i], &v) == W_CODE;
        }
        struct sb *b = err_line(e, line);
        sb_printf(b, "one item per line, but this line has %zu words", nw);
        if (codes) {
            sb_puts(b, "; to compare the codes write: compare ");
            echo(b, s, n);
        }
        return;
    }
    int v = 0;
    enum word k = classify(w[0], wl[0], &v);
    if (k == W_CODE) {
        add_item(l, LESSON_CODE, line)->code = v;
    } else if (k == W_CLASS) {
        add_item(l, LESSON_CLASS, line)->klass = v;
    } else if (k == W_GROUP) {
        add_item(l, LESSON_GROUP, line)->group = lowered(w[0], wl[0]);
    } else {
        struct sb *b = err_line(e, line);
        bad_word(b, w[0], wl[0], k);
        return;
    }
    *have_item = 1;
}

static size_t finish_errs(struct errs *e, char **err)
{
    if (e->n > MAX_MESSAGES)
        sb_printf(&e->b, "%s: ... and %zu more bad lines\n", e->name, e->n - MAX_MESSAGES);
    if (e->n) {
        /* Drop the last newline: the caller prints each message as a line. */
        if (e->b.len && e->b.buf[e->b.len - 1] == '\n')
            e->b.buf[--e->b.len] = '\0';
        *err = sb_steal(&e->b);
    }
    sb_free(&e->b);
    sb_free(&e->sink);
    return e->n;
}

size_t lesson_parse(struct lesson *l, const char *text, size_t len, char **err)
{
    struct errs e;
    sb_init(&e.b);
    sb_init(&e.sink);
    e.n = 0;
    e.name = l->name;
    int line = 0, have_item = 0;
    size_t i = 0;
    while (i < len) {
        const char *p = memchr(text + i, '\n', len - i);
        size_t n = p ? (size_t)(p - (text + i)) : len - i;
        line++;
        size_t before = e.n;
        if (memchr(text + i, '\0', n)) {
            sb_puts(err_line(&e, line), "a NUL byte: is this a text file?");
        } else {
            parse_line(l, &e, line, text + i, n, &have_item);
        }
        if (e.n > before && e.n <= MAX_MESSAGES)
            sb_putc(&e.b, '\n');
        i += n + 1;
    }
    if (e.n == 0 && l->n == 0) {
        sb_printf(&e.b, "%s:%d: the lesson has no codes, classes, groups or compare lines\n", l->name, line > 0 ? line : 1);
        e.n = 1;
    }
    return finish_errs(&e, err);
}

/* ---- checking against the database ----------------------------------------------------- */

enum hs_status lesson_all_groups(struct hs_db *db, struct hs_group **out, size_t *n)
{
    *out = NULL;
    *n = 0;
    struct hs_entries all;
    enum hs_status s = hsdb_list(db, HS_ALL_CLASSES, &all);
    if (s == HS_NOTFOUND)
        return HS_OK;
    if (s != HS_OK)
        return s;
    struct hs_group *v = NULL;
    size_t nv = 0, cap = 0;
    for (size_t i = 0; i < all.n && s == HS_OK; i++) {
        struct hs_group *g;
        size_t ng;
        s = hsdb_groups_of(db, all.v[i].code, &g, &ng);
        if (s != HS_OK)
            break;
        for (size_t k = 0; k < ng; k++) {
            int seen = 0;
            for (size_t j = 0; j < nv && !seen; j++)
                seen = strcmp(v[j].name, g[k].name) == 0;
            if (seen)
                continue;
            if (nv == cap) {
                cap = cap ? cap * 2 : 16;
                v = xrealloc(v, cap * sizeof *v);
            }
            v[nv++] = g[k];                /* take it over */
            memset(&g[k], 0, sizeof g[k]);
        }
        hs_groups_free(g, ng);
    }
    hs_entries_free(&all);
    if (s != HS_OK) {
        hs_groups_free(v, nv);
        return s;
    }
    *out = v;
    *n = nv;
    return HS_OK;
}

static enum hs_status code_exists(struct hs_db *db, int code)
{
    int found;
    enum hs_status s = hsdb_first_code(db, code, code, &found);
    return s == HS_OK && found != code ? HS_NOTFOUND : s;
}

static void where(struct sb *b, const struct lesson *l, const struct lesson_item *it)
{
    if (it->line > 0)
        sb_printf(b, "%s:%d: ", l->name, it->line);
}

int lesson_resolve(struct lesson *l, struct hs_db *db, char **err)
{
    struct sb b;
    sb_init(&b);
    size_t bad = 0;
    int bad_group = 0;
    struct hs_group *groups = NULL;
    size_t n_groups = 0;
    int have_groups = 0;
    enum hs_status s = HS_OK;
    for (size_t i = 0; i < l->n && s == HS_OK; i++) {
        struct lesson_item *it = &l->v[i];
        if (it->kind == LESSON_CODE || it->kind == LESSON_COMPARE) {
            int one[1] = {it->code};
            const int *codes = it->kind == LESSON_CODE ? one : it->codes;
            size_t n = it->kind == LESSON_CODE ? 1 : it->n_codes;
            for (size_t k = 0; k < n && s == HS_OK; k++) {
                enum hs_status c = code_exists(db, codes[k]);
                if (c == HS_NOTFOUND) {
                    if (bad++ < MAX_MESSAGES) {
                        where(&b, l, it);
                        sb_printf(&b, "no status code %03d is known (see 'httpstatus list')\n", codes[k]);
                    }
                } else if (c != HS_OK) {
                    s = c;
                }
            }
        } else if (it->kind == LESSON_GROUP) {
            if (!have_groups) {
                s = lesson_all_groups(db, &groups, &n_groups);
                have_groups = 1;
                if (s != HS_OK)
                    break;
            }
            const struct hs_group *g = NULL;
            for (size_t k = 0; k < n_groups && !g; k++)
                if (strcmp(groups[k].name, it->group) == 0)
                    g = &groups[k];
            if (!g) {
                bad_group = 1;
                if (bad++ < MAX_MESSAGES) {
                    where(&b, l, it);
                    sb_puts(&b, "'");
                    echo(&b, it->group, strlen(it->group));
                    sb_puts(&b, "' is not a status code, a class or a group; the groups are:");
                    for (size_t k = 0; k < n_groups; k++)
                        sb_printf(&b, "%s %s", k ? "," : "", groups[k].name);
                    if (n_groups == 0)
                        sb_puts(&b, " (none)");
                    sb_putc(&b, '\n');
                }
                continue;
            }
            free(it->title);
            it->title = xstrdup(g->title);
            it->n_codes = g->n < LESSON_MAX_CODES ? g->n : LESSON_MAX_CODES;
            memcpy(it->codes, g->codes, it->n_codes * sizeof it->codes[0]);
        }
    }
    hs_groups_free(groups, n_groups);
    if (s != HS_OK) {
        sb_free(&b);
        return -1;
    }
    if (bad) {
        if (bad > MAX_MESSAGES)
            sb_printf(&b, "%s: ... and %zu more bad items\n", l->name, bad - MAX_MESSAGES);
        b.buf[--b.len] = '\0';
        *err = sb_steal(&b);
        return bad_group ? 2 : 1;
    }
    sb_free(&b);
    return 0;
}

/* ---- loading ---------------------------------------------------------------------------- */

static const struct lesson_text *builtin_named(const char *name)
{
    for (size_t i = 0; i < lesson_n_builtins; i++)
        if (strcmp(lesson_builtins[i].name, name) == 0)
            return &lesson_builtins[i];
    return NULL;
}

static void builtin_list(struct sb *b)
{
    sb_puts(b, "the built-in lessons are:");
    for (size_t i = 0; i < lesson_n_builtins; i++)
        sb_printf(b, "%s %s", i ? "," : "", lesson_builtins[i].name);
}

static int parsed(struct lesson *l, const char *text, size_t len, struct lesson **out, char **err)
{
    if (lesson_parse(l, text, len, err) != 0) {
        lesson_free(l);
        return -1;
    }
    *out = l;
    return 0;
}

int lesson_load(const char *arg, struct lesson **out, char **err)
{
    *out = NULL;
    struct sb b;
    sb_init(&b);
    const char *name = arg;
    int forced = strncmp(arg, "builtin:", 8) == 0;
    if (forced)
        name = arg + 8;
    struct stat st;
    if (!forced && stat(arg, &st) == 0) {
        if (S_ISDIR(st.st_mode)) {
            sb_printf(&b, "%s: is a directory, not a lesson file", arg);
            *err = sb_steal(&b);
            return -1;
        }
        FILE *fp = fopen(arg, "rb");
        if (!fp) {
            sb_printf(&b, "%s: cannot read the lesson file: %s", arg, strerror(errno));
            *err = sb_steal(&b);
            return -1;
        }
        char buf[1024];   /* small: nothing large on the stack (test_stack) */
        size_t n;
        while ((n = fread(buf, 1, sizeof buf, fp)) > 0 && b.len <= LESSON_MAX_BYTES)
            sb_putn(&b, buf, n);
        int bad = ferror(fp);
        fclose(fp);
        if (bad || b.len > LESSON_MAX_BYTES) {
            sb_reset(&b);
            if (bad)
                sb_printf(&b, "%s: cannot read the lesson file", arg);
            else
                sb_printf(&b, "%s: larger than %d KiB; a lesson file is a short list of codes", arg, LESSON_MAX_BYTES / 1024);
            *err = sb_steal(&b);
            return -1;
        }
        int r = parsed(lesson_new(arg), b.buf ? b.buf : "", b.len, out, err);
        sb_free(&b);
        return r;
    }
    const struct lesson_text *t = builtin_named(name);
    if (!t) {
        if (forced)
            sb_printf(&b, "no built-in lesson '%s'; ", name);
        else
            sb_printf(&b, "%s: no such lesson file, and no built-in lesson of that name; ", arg);
        builtin_list(&b);
        *err = sb_steal(&b);
        return -1;
    }
    sb_printf(&b, "builtin:%s", t->name);
    int r = parsed(lesson_new(b.buf), t->text, t->len, out, err);
    sb_free(&b);
    return r;
}
