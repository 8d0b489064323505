/* query.c — see query.h. */
#include "query.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

struct token {
    struct sb text;
    int quoted;
    int searchable;
};

/* The bytes of a word inside an FTS5 string: a double quote is doubled. */
static void put_escaped(struct sb *out, const char *s, size_t n)
{
    for (size_t j = 0; j < n; j++) {
        if (s[j] == '"')
            sb_putc(out, '"');
        sb_putc(out, s[j]);
    }
}

void query_quote(struct sb *out, const char *word, size_t len)
{
    sb_putc(out, '"');
    put_escaped(out, word, len);
    sb_putc(out, '"');
}

static int is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return isalnum((int)cp) != 0;
    return cp != 0xFFFD && !txt_cp_unsafe(cp);
}

static int is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
           cp == 0xA0 || cp == 0x3000;
}

/* Out of memory: set errno for the caller and return NULL. */
static void *nomem(void)
{
    errno = ENOMEM;
    return NULL;
}

static void free_tokens(struct token *tok, size_t n)
{
    for (size_t i = 0; i < n; i++)
        sb_free(&tok[i].text);
}

/* Split text into tokens. Returns the count (at most QUERY_MAX_TOKENS); *finished_last
 * tells whether the last token was finished by a space or a closing quote. Out of memory:
 * frees the tokens and returns (size_t)-1. */
static size_t tokenize(const char *text, size_t len, struct token *tok, int *finished_last)
{
    size_t n = 0, i = 0;
    int in_quote = 0;
    struct token *cur = NULL;
    *finished_last = 0;
    while (i < len) {
        uint32_t cp;
        size_t k = txt_decode(text + i, len - i, &cp);
        if (k == 0)
            break;
        i += k;
        if (cp == 0 || (cp == 0xFFFD && k == 1))
            continue;                         /* NUL and invalid bytes are dropped */
        if (cp == '"') {
            if (cur) {
                /* a quote ends the current token */
                cur = NULL;
                *finished_last = 1;
            }
            in_quote = !in_quote;
            continue;
        }
        if (!in_quote && is_space_cp(cp)) {
            if (cur)
                *finished_last = 1;
            cur = NULL;
            continue;
        }
        if (txt_cp_unsafe(cp))
            continue;
        if (!cur) {
            if (n == QUERY_MAX_TOKENS)
                break;
            cur = &tok[n++];
            sb_init_soft(&cur->text);
            cur->quoted = in_quote;
            cur->searchable = 0;
            *finished_last = 0;
        }
        if (cur->text.len + k > QUERY_MAX_TOKEN_BYTES)
            continue;
        if (is_word_cp(cp))
            cur->searchable = 1;
        sb_putn(&cur->text, text + i - k, k);
    }
    if (in_quote && cur)
        *finished_last = 0;
    for (size_t j = 0; j < n; j++)
        if (tok[j].text.failed) {
            free_tokens(tok, n);
            return (size_t)-1;
        }
    return n;
}

/* Index of the last searchable token, or n when there is none. */
static size_t last_searchable(const struct token *tok, size_t n)
{
    size_t last = n;
    for (size_t i = 0; i < n; i++)
        if (tok[i].searchable)
            last = i;
    return last;
}

/* Join the searchable tokens as FTS5 strings (implicit AND), leaving out token `skip`
 * (n: none) and marking token `prefix` (n: none) as a prefix; frees the tokens. NULL
 * when nothing was joined. */
static char *join_tokens(struct token *tok, size_t n, size_t skip, size_t prefix)
{
    struct sb out;
    sb_init_soft(&out);
    for (size_t i = 0; i < n; i++) {
        if (tok[i].searchable && i != skip) {
            if (out.len)
                sb_putc(&out, ' ');
            query_quote(&out, tok[i].text.buf, tok[i].text.len);
            if (i == prefix)
                sb_putc(&out, '*');
        }
        sb_free(&tok[i].text);
    }
    if (out.failed) {
        sb_free(&out);
        return nomem();
    }
    if (out.len == 0) {
        sb_free(&out);
        return NULL;
    }
    char *s = sb_steal(&out);
    return s ? s : nomem();
}

/* The last token, when it is an unfinished, unquoted word that the text ends in. */
static int open_last(const struct token *tok, size_t n, int finished_last, size_t last)
{
    return last < n && last == n - 1 && !finished_last && !tok[last].quoted;
}

char *query_build(const char *text, size_t len, int prefix_last)
{
    struct token tok[QUERY_MAX_TOKENS];
    int finished_last;
    size_t n = tokenize(text, len, tok, &finished_last);
    if (n == (size_t)-1)
        return nomem();
    size_t last = last_searchable(tok, n);
    return join_tokens(tok, n, n, prefix_last && open_last(tok, n, finished_last, last) ? last : n);
}

char *query_split_last(const char *text, size_t len, char **last)
{
    struct token tok[QUERY_MAX_TOKENS];
    int finished_last;
    size_t n = tokenize(text, len, tok, &finished_last);
    *last = NULL;
    if (n == (size_t)-1)
        return nomem();
    size_t lastw = last_searchable(tok, n);
    int split = open_last(tok, n, finished_last, lastw);
    /* Only a plain word: "C++" or "HTTP/1" keep FTS5's own prefix handling. */
    for (size_t j = 0; split && j < tok[lastw].text.len; j++) {
        unsigned char c = (unsigned char)tok[lastw].text.buf[j];
        if (c < 0x80 && !isalnum(c))
            split = 0;
    }
    if (!split)
        return join_tokens(tok, n, n, open_last(tok, n, finished_last, lastw) ? lastw : n);
    /* Lower-case ASCII letters, as the vocabulary holds them; the caller owns the word. */
    for (size_t j = 0; j < tok[lastw].text.len; j++) {
        char c = tok[lastw].text.buf[j];
        if (c >= 'A' && c <= 'Z')
            tok[lastw].text.buf[j] = (char)(c + 32);
    }
    *last = sb_steal(&tok[lastw].text);
    if (!*last) {
        free_tokens(tok, n);
        return nomem();
    }
    errno = 0;
    char *base = join_tokens(tok, n, lastw, n);
    if (!base && errno == ENOMEM) {
        free(*last);              /* out of memory: nothing for the caller to free */
        *last = NULL;
    }
    return base;
}

char *query_phrase(const char *text, size_t len, int prefix_last)
{
    struct token tok[QUERY_MAX_TOKENS];
    int finished_last;
    size_t n = tokenize(text, len, tok, &finished_last);
    if (n == (size_t)-1)
        return nomem();
    struct sb out;
    sb_init_soft(&out);
    size_t last = last_searchable(tok, n), kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (tok[i].searchable) {
            sb_putc(&out, kept++ ? ' ' : '"');
            put_escaped(&out, tok[i].text.buf, tok[i].text.len);
        }
        sb_free(&tok[i].text);
    }
    if (!kept) {
        sb_free(&out);
        return out.failed ? nomem() : NULL;
    }
    sb_putc(&out, '"');
    if (prefix_last && open_last(tok, n, finished_last, last))
        sb_putc(&out, '*');
    char *s = sb_steal(&out);
    return s ? s : nomem();
}

/* Words of question phrasing: "what status code for a validation error" asks about
 * "validation error". Only these are left out; "not", "no", "too", "get" and "post" carry
 * meaning in this subject and are never filler. */
static const char *const fillers[] = {
    "a", "an", "and", "any", "are", "as", "at", "be", "between", "by", "can", "code", "codes",
    "difference", "do", "does", "for", "how", "http", "i", "if", "in", "is", "it", "its", "me",
    "my", "of", "on", "or", "response", "return", "returned", "returns", "should", "status",
    "that", "the", "this", "to", "use", "versus", "vs", "was", "we", "what", "when", "where",
    "which", "who", "why", "with", "you", "your", NULL,
};

/* Words after a number that make it a quantity, not a status code ("100 seconds"). */
static const char *const units[] = {
    "s", "sec", "secs", "second", "seconds", "ms", "millisecond", "milliseconds", "min", "mins",
    "minute", "minutes", "hour", "hours", "b", "byte", "bytes", "kb", "kib", "mb", "mib", "gb",
    "percent", "times", "x", NULL,
};

static int in_list(const char *const *list, const char *w)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], w) == 0)
            return 1;
    return 0;
}

/* The status code a word names as a number, or -1. */
static int code_number(const char *w)
{
    size_t n = strlen(w);
    if (n == 0 || n > 3 || strspn(w, "0123456789") != n)
        return -1;
    if (strcmp(w, "0") == 0 || strcmp(w, "000") == 0)
        return 0;
    int v = atoi(w);
    return n == 3 && v >= 100 && v <= 599 ? v : -1;
}

size_t query_terms(const char *text, size_t len, int prefix_last, struct query_term *out)
{
    struct token tok[QUERY_MAX_TOKENS];
    int finished_last;
    size_t n = tokenize(text, len, tok, &finished_last);
    if (n == (size_t)-1) {
        errno = ENOMEM;
        return 0;
    }
    size_t last = last_searchable(tok, n);
    int open = prefix_last && open_last(tok, n, finished_last, last);
    size_t k = 0;
    int colon[QUERY_MAX_TOKENS];
    for (size_t i = 0; i < n; i++) {
        if (!tok[i].searchable) {
            sb_free(&tok[i].text);
            continue;
        }
        struct query_term *t = &out[k];
        memset(t, 0, sizeof *t);
        t->quoted = tok[i].quoted;
        t->open = open && i == last;
        t->number = -1;
        const char *b = tok[i].text.buf;
        size_t bl = tok[i].text.len;
        colon[k] = bl > 1 && b[bl - 1] == ':';
        /* parts: runs of word characters */
        int in_word = 0;
        for (size_t j = 0; j < bl;) {
            uint32_t cp;
            size_t step = txt_decode(b + j, bl - j, &cp);
            if (step == 0)
                break;
            int w = is_word_cp(cp);
            if (w && !in_word)
                t->parts++;
            in_word = w;
            j += step;
        }
        /* norm: outer ASCII punctuation cut, ASCII lower-cased */
        size_t from = 0, to = bl;
        while (from < to && (unsigned char)b[from] < 0x80 && !isalnum((unsigned char)b[from]))
            from++;
        while (to > from && (unsigned char)b[to - 1] < 0x80 && !isalnum((unsigned char)b[to - 1]))
            to--;
        t->norm = try_strndup(b + from, to - from);
        t->text = t->norm ? sb_steal(&tok[i].text) : NULL;
        k++;
        if (!t->text) {
            /* out of memory: nothing for the caller to free */
            query_terms_free(out, k);
            free_tokens(tok + i + 1, n - i - 1);
            sb_free(&tok[i].text);
            errno = ENOMEM;
            return 0;
        }
        for (char *c = t->norm; *c; c++)
            *c = (char)tolower((unsigned char)*c);
    }
    int content = 0;
    for (size_t i = 0; i < k; i++) {
        struct query_term *t = &out[i];
        if (!t->quoted && strlen(t->norm) == 3 && t->norm[0] >= '1' && t->norm[0] <= '5' &&
            t->norm[1] == 'x' && t->norm[2] == 'x')
            t->klass = t->norm[0] - '0';
        /* A URL or a path ("/api/users") names the asker's resource, not a status. */
        int path = t->text[0] == '/' || strstr(t->text, "://") != NULL;
        /* "Location header": the second word says what the first is; no text need hold it. */
        int says_header = i > 0 && (strcmp(t->norm, "header") == 0 || strcmp(t->norm, "headers") == 0);
        if (!t->quoted && (path || says_header || (t->parts == 1 && (t->klass || in_list(fillers, t->norm)))))
            t->filler = 1;
        else
            content++;
        if (!t->quoted && !t->open) {
            t->number = code_number(t->norm);
            /* A quantity ("100 seconds") or an error number in a log ("(104: Connection
             * reset by peer)") is not a status code. */
            if (t->number >= 0 && ((i + 1 < k && in_list(units, out[i + 1].norm)) || (t->text[0] == '(' && colon[i])))
                t->number = -1;
        }
        int next_header = i + 1 < k && (strcmp(out[i + 1].norm, "header") == 0 || strcmp(out[i + 1].norm, "headers") == 0);
        if (!t->open && t->number < 0)
            t->header = strchr(t->norm, '-') || colon[i] || next_header ? 2 : k == 1 ? 1 : 0;
    }
    if (!content)
        for (size_t i = 0; i < k; i++)
            out[i].filler = out[i].klass != 0;
    return k;
}

void query_terms_free(struct query_term *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(t[i].text);
        free(t[i].norm);
        t[i].text = t[i].norm = NULL;
    }
}

int query_code_range(const char *text, size_t len, int *lo, int *hi)
{
    while (len && isspace((unsigned char)text[0])) {
        text++;
        len--;
    }
    while (len && isspace((unsigned char)text[len - 1]))
        len--;
    if (len < 1 || len > 3 || text[0] < '1' || text[0] > '5')
        return 0;
    int digits = 1, xs = 0;
    for (size_t i = 1; i < len; i++) {
        if (isdigit((unsigned char)text[i]) && !xs)
            digits++;
        else if (text[i] == 'x' || text[i] == 'X')
            xs++;
        else
            return 0;
    }
    int base = 0;
    for (int i = 0; i < digits; i++)
        base = base * 10 + (text[i] - '0');
    int span = 1;
    for (int i = digits; i < 3; i++) {
        base *= 10;
        span *= 10;
    }
    *lo = base;
    *hi = base + span - 1;
    return 1;
}

static void free_words(char **w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
}

size_t query_words(const char *text, size_t len, char ***words)
{
    size_t n = 0, cap = 4;
    *words = NULL;
    char **w = try_malloc(cap * sizeof *w);
    if (!w) {
        errno = ENOMEM;
        return 0;
    }
    struct sb cur;
    sb_init_soft(&cur);
    size_t i = 0;
    while (i <= len) {
        uint32_t cp = ' ';
        size_t k = 1;
        if (i < len)
            k = txt_decode(text + i, len - i, &cp);
        if (i < len && is_word_cp(cp)) {
            if (cp < 0x80)
                sb_putc(&cur, (char)tolower((int)cp));
            else
                txt_encode(&cur, cp);
        } else if (cur.len) {
            if (n < QUERY_MAX_TOKENS) {
                char **nw = n == cap ? try_realloc(w, cap * 2 * sizeof *w) : w;
                char *word = nw ? sb_steal(&cur) : NULL;
                if (nw)
                    w = nw;
                if (!word) {
                    sb_free(&cur);
                    free_words(w, n);
                    errno = ENOMEM;
                    return 0;
                }
                if (n == cap)
                    cap *= 2;
                w[n++] = word;
            } else {
                sb_reset(&cur);
            }
        }
        i += k;
    }
    int failed = cur.failed;
    sb_free(&cur);
    if (failed) {
        free_words(w, n);
        errno = ENOMEM;
        return 0;
    }
    *words = w;
    return n;
}

char *query_stem(const char *word)
{
    static const char *const suffixes[] = {"ions", "ing", "ion", "ed", "es", "s", NULL};
    size_t len = strlen(word);
    for (int i = 0; suffixes[i]; i++) {
        size_t sl = strlen(suffixes[i]);
        if (len >= sl + 3 && strcmp(word + len - sl, suffixes[i]) == 0)
            return try_strndup(word, len - sl);
    }
    return try_strndup(word, len);
}

/* ---- snippets ------------------------------------------------------------------------- */

struct span {
    size_t start, end;     /* bytes of a word in the text */
    int match;             /* index of the query word it matches, or -1 */
};

static int word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Whether two words of a text are parts of one, joined by an ASCII apostrophe with nothing
 * else between them: "I'm", "server's", "don't". */
static int joined(const char *text, size_t end, size_t next_start)
{
    return next_start == end + 1 && text[end] == '\'';
}

/* The number of distinct query words in the window of max_words words from word i. */
static int window_score(const struct span *w, size_t n, size_t i, int max_words)
{
    unsigned long seen = 0;
    int score = 0;
    for (size_t j = i; j < n && j < i + (size_t)max_words; j++)
        if (w[j].match >= 0 && !(seen & (1UL << (w[j].match % 64)))) {
            seen |= 1UL << (w[j].match % 64);
            score++;
        }
    return score;
}

/* The window of max_words words from word i, when it starts at a query word: its score, and
 * it becomes the best when it beats the best so far (the first of equals stays). -1 when
 * it does not start at a query word. */
static int consider(const struct span *w, size_t n, size_t i, int max_words, size_t *best, int *best_score)
{
    if (w[i].match < 0)
        return -1;
    int score = window_score(w, n, i, max_words);
    if (score > *best_score) {
        *best_score = score;
        *best = i;
    }
    return score;
}

char *query_snippet(const char *text, char *const *words, size_t n_words, int max_words)
{
    if (!n_words || max_words < 1)
        return NULL;
    char *stems[QUERY_MAX_TOKENS];
    size_t stem_len[QUERY_MAX_TOKENS];
    unsigned char first[256] = {0};     /* first letters of the stems */
    size_t n_stems = n_words < QUERY_MAX_TOKENS ? n_words : QUERY_MAX_TOKENS;
    int oom = 0;
    for (size_t i = 0; i < n_stems; i++) {
        stems[i] = query_stem(words[i]);
        oom |= !stems[i];
        stem_len[i] = stems[i] ? strlen(stems[i]) : 0;
        if (stems[i])
            first[(unsigned char)stems[i][0]] = 1;
    }
    /* The words of the text and which query word each matches. The window with the most
     * distinct query words wins, the first of equals; the scan stops once a window holds
     * all of them and enough words follow it. */
    size_t n = 0, cap = 64, len = strlen(text);
    struct span *w = oom ? NULL : try_malloc(cap * sizeof *w);
    if (!w) {
        for (size_t i = 0; i < n_stems; i++)
            free(stems[i]);
        return nomem();
    }
    size_t best = 0, next = 0, stop = (size_t)-1;
    int best_score = -1;
    for (size_t i = 0; i < len && n < stop;) {
        while (i < len && !word_byte((unsigned char)text[i]))
            i++;
        if (i >= len)
            break;
        size_t st = i;
        while (i < len && word_byte((unsigned char)text[i]))
            i++;
        if (n == cap) {
            struct span *nw = try_realloc(w, cap * 2 * sizeof *w);
            if (!nw) {
                oom = 1;
                break;
            }
            w = nw;
            cap *= 2;
        }
        w[n].start = st;
        w[n].end = i;
        w[n].match = -1;
        unsigned char c0 = lower((unsigned char)text[st]);
        for (size_t k = 0; first[c0] && k < n_stems; k++) {
            size_t sl = stem_len[k];
            /* Short words ("a", "40") only as whole words, longer ones as stems. */
            if (sl && sl <= i - st && (sl >= 3 || sl == i - st) && c0 == (unsigned char)stems[k][0] &&
                strncasecmp(text + st, stems[k], sl) == 0) {
                w[n].match = (int)k;
                break;
            }
        }
        n++;
        /* Windows whose words are all read. */
        for (; next + (size_t)max_words <= n && stop == (size_t)-1; next++)
            if (consider(w, n, next, max_words, &best, &best_score) == (int)n_stems)
                /* no window can hold more: read past it, stop */
                stop = (best > 2 ? best - 2 : 0) + (size_t)max_words + 4;
    }
    for (; next < n && stop == (size_t)-1 && !oom; next++)
        consider(w, n, next, max_words, &best, &best_score);
    char *out = NULL;
    if (best_score > 0 && !oom) {
        /* The best window, with a little context before it. */
        size_t from = best > 2 ? best - 2 : 0;
        /* Start at a whole word: "I'm" and "server's" are one word to a reader, though
         * the apostrophe splits them here. */
        while (from > 0 && joined(text, w[from - 1].end, w[from].start))
            from--;
        size_t to = from + (size_t)max_words < n ? from + (size_t)max_words : n;
        while (to < n && joined(text, w[to - 1].end, w[to].start))
            to++;
        struct sb b;
        sb_init_soft(&b);
        if (from > 0)
            sb_puts(&b, "\xE2\x80\xA6");
        size_t pos = w[from].start;
        for (size_t j = from; j < to; j++) {
            /* What lies between words, flattened to one line, without marker bytes. */
            for (size_t k = pos; k < w[j].start; k++) {
                char c = text[k];
                if (c == '\n' || c == '\t' || c == '\r')
                    c = ' ';
                if (c != '\x01' && c != '\x02' && !(c == ' ' && b.len && b.buf[b.len - 1] == ' '))
                    sb_putc(&b, c);
            }
            if (w[j].match >= 0)
                sb_putc(&b, '\x01');
            sb_putn(&b, text + w[j].start, w[j].end - w[j].start);
            if (w[j].match >= 0)
                sb_putc(&b, '\x02');
            pos = w[j].end;
        }
        if (to < n)
            sb_puts(&b, "\xE2\x80\xA6");
        else
            for (size_t k = pos; k < len && text[k] != '\n'; k++)
                if (text[k] != '\x01' && text[k] != '\x02')
                    sb_putc(&b, text[k]);     /* the closing punctuation */
        out = sb_steal(&b);
        oom = !out;
    }
    free(w);
    for (size_t i = 0; i < n_stems; i++)
        free(stems[i]);
    return oom ? nomem() : out;
}
