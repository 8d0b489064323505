/* data_search.c — ranked search in tiers, snippets for the kept hits, and "did you mean"
 * suggestions from the vocabulary. */
#include "data_int.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "query.h"
#include "util.h"

/* ---- search ---------------------------------------------------------------------------- */

struct hit_acc {
    struct vec hits;
    int limit;
};

/* A new hit for the row's code (column 0), or NULL in *out when the code is listed
 * already (by number) or the limit is reached. */
static enum hs_status new_hit(struct hit_acc *a, sqlite3_stmt *st, struct hs_hit **out)
{
    int code = sqlite3_column_int(st, 0);
    const struct hs_hit *have = a->hits.v;
    *out = NULL;
    for (size_t i = 0; i < a->hits.n; i++)
        if (have[i].e.code == code)
            return HS_OK;
    if (a->limit > 0 && (int)a->hits.n >= a->limit)
        return HS_OK;
    *out = db_vec_push(&a->hits);
    return *out ? HS_OK : HS_ENOMEM;
}

static enum hs_status hit_row(sqlite3_stmt *st, void *arg)
{
    struct hs_hit *hit;
    enum hs_status s = new_hit(arg, st, &hit);
    if (!hit)
        return s;
    int ok = db_read_entry(st, 0, &hit->e);
    hit->snippet = db_col(st, 6, &ok);
    hit->score = sqlite3_column_double(st, 7);
    return ok ? HS_OK : HS_ENOMEM;
}

/* A hit from its row (entry columns, then the summary, body, vendors and aliases of the
 * search table) with a snippet made here: FTS5's snippet() tokenizes every column of the
 * row and costs more than the whole search on the bundled database. */
struct snip_acc {
    struct hit_acc *hits;
    char **words;
    size_t n_words;
    double score;
};

static enum hs_status snip_row(sqlite3_stmt *st, void *arg)
{
    struct snip_acc *sa = arg;
    struct hs_hit *hit;
    enum hs_status s = new_hit(sa->hits, st, &hit);
    if (!hit)
        return s;
    int ok = db_read_entry(st, 0, &hit->e);
    hit->score = sa->score;
    char *snip = NULL;
    for (int c = 6; c <= 9 && !snip; c++) {
        const char *t = (const char *)sqlite3_column_text(st, c);
        if (t)
            snip = query_snippet(t, sa->words, sa->n_words, 12);
    }
    hit->snippet = snip ? db_dup(snip) : db_dup(hit->e.summary ? hit->e.summary : "");
    free(snip);
    if (!hit->snippet)
        ok = 0;
    return ok ? HS_OK : HS_ENOMEM;
}

void hs_hits_free(struct hs_hits *h)
{
    for (size_t i = 0; i < h->n; i++) {
        db_entry_free(&h->v[i].e);
        free(h->v[i].snippet);
    }
    free(h->v);
    h->v = NULL;
    h->n = 0;
}

/* bm25 weights in the column order of the 'search' table: phrase, aliases, summary, body,
 * vendors. A match in the name beats a match in the text. */
#define BM25 "bm25(search, 10.0, 8.0, 3.0, 1.0, 4.0)"

/* Ranked by bm25 among the first CANDIDATES matches (in rowid order). Bounds the work of a
 * word that is in nearly every entry of a very large database, where bm25 tells those
 * entries apart by little anyway; below CANDIDATES matches the ranking is exact. */
#define CANDIDATES "2000"
#define RANK_BOUNDED "SELECT code, score FROM (SELECT rowid AS code, " BM25 " AS score FROM search " \
                     "WHERE search MATCH ?2 LIMIT " CANDIDATES ") ORDER BY score, code LIMIT ?1"

/* Codes chosen so far, in rank order, without repeats. */
struct pick {
    int codes[512];
    double scores[512];
    int n, limit;
};

static enum hs_status pick_row(sqlite3_stmt *st, void *arg)
{
    struct pick *p = arg;
    int code = sqlite3_column_int(st, 0);
    for (int i = 0; i < p->n; i++)
        if (p->codes[i] == code)
            return HS_OK;
    if (p->n < p->limit) {
        p->scores[p->n] = sqlite3_column_double(st, 1);
        p->codes[p->n++] = code;
    }
    return HS_OK;
}

/* Search in tiers, each ranked by bm25 and cheap because FTS5 alone answers it:
 *   1. codes whose name or alias is the typed words as a phrase (standard codes first,
 *      then the shortest name);
 *   2. then matches anywhere, by bm25 with the name, alias and summary weighted highest,
 *      among a bounded number of candidates.
 * The costly part, snippet(), is then made for the kept codes only. On a large database
 * a common word costs a pass over the short columns, not over every text. */
static enum hs_status search_tiers(struct hs_db *db, const char *q, const char *phrase, struct pick *p)
{
    enum hs_status s = HS_OK;
    char *expr;
    if (phrase) {
        expr = db_fmt("{phrase aliases} : %s", phrase);
        if (!expr)
            return db_nomem(db);
        int args[1] = {p->limit};
        /* No bm25() in this tier: it would first count the rows of every word over the
         * whole index; a name that says the words is ranked by being short instead. */
        s = db_run(db, "SELECT t.code, -1000.0 + length(c.phrase) / 1000.0 FROM (SELECT rowid AS code FROM search "
                    "WHERE search MATCH ?2 LIMIT " CANDIDATES ") t JOIN codes c ON c.code = t.code "
                    "ORDER BY c.status <> 'standard', length(c.phrase), t.code LIMIT ?1",
                args, 1, expr, pick_row, p);
        free(expr);
        if (s != HS_OK && s != HS_NOTFOUND)
            return s;
    }
    if (p->n < p->limit) {
        int args[1] = {p->limit + p->n};
        s = db_run(db, RANK_BOUNDED, args, 1, q, pick_row, p);
        if (s != HS_OK && s != HS_NOTFOUND)
            return s;
    }
    return HS_OK;
}

struct terms {
    char *v[12];
    int n;
};

static enum hs_status term_row(sqlite3_stmt *st, void *arg)
{
    struct terms *t = arg;
    if (t->n == 12)
        return HS_OK;
    char *s = db_dup((const char *)sqlite3_column_text(st, 0));
    if (!s)
        return HS_ENOMEM;
    t->v[t->n++] = s;
    return HS_OK;
}

/* The FTS5 query (*q) and the name phrase (*phrase) for what was typed. While typing
 * (prefix_last), an unfinished last word of four letters or more is expanded to the most
 * common indexed words it starts ("reque" -> request OR requests ...): an OR of a few
 * terms is read lazily, where an FTS5 prefix query longer than the prefix index (3) would
 * first merge every matching entry. */
static enum hs_status build_queries(struct hs_db *db, const char *text, size_t len, int prefix_last,
                                    char **q, char **phrase)
{
    char *last = NULL;
    *q = *phrase = NULL;
    if (!prefix_last) {
        *q = query_build(text, len, 0);
        *phrase = query_phrase(text, len, 0);
        return HS_OK;
    }
    char *base = query_split_last(text, len, &last);
    if (!last || strlen(last) <= 3) {
        /* Up to three letters the schema's prefix index answers directly. */
        free(base);
        free(last);
        *q = query_build(text, len, 1);
        *phrase = query_phrase(text, len, 1);
        return HS_OK;
    }
    struct terms t = {{0}, 0};
    const char *texts[1] = {last};
    enum hs_status s = db_run_texts(db, "SELECT term FROM vocab WHERE term >= ?1 AND term < ?1 || char(1114111) "
                                     "ORDER BY docs DESC, term LIMIT 12", NULL, 0, texts, 1, term_row, &t);
    if (s == HS_NOTFOUND)
        s = HS_OK;
    if (s == HS_OK && t.n > 0) {
        struct sb e;
        sb_init(&e);
        if (base) {
            sb_puts(&e, base);
            sb_puts(&e, " AND ");      /* FTS5 wants an explicit AND before a group */
        }
        sb_putc(&e, '(');
        for (int i = 0; i < t.n; i++) {
            if (i)
                sb_puts(&e, " OR ");
            query_quote(&e, t.v[i], strlen(t.v[i]));
        }
        sb_putc(&e, ')');
        *q = sb_steal(&e);
        /* The name phrase with the likeliest completion. */
        sb_init(&e);
        if (base)
            sb_puts(&e, base);
        sb_puts(&e, " \"");
        sb_puts(&e, t.v[0]);
        sb_putc(&e, '"');
        *phrase = query_phrase(e.buf, e.len, 0);
        sb_free(&e);
    }
    for (int i = 0; i < t.n; i++)
        free(t.v[i]);
    free(base);
    free(last);
    return s;
}

enum hs_status hsdb_search(struct hs_db *db, const char *text, size_t len, int prefix_last,
                           int limit, struct hs_hits *out)
{
    struct hit_acc a = {{NULL, 0, 0, sizeof(struct hs_hit)}, limit};
    enum hs_status s = HS_OK;
    int lo, hi;
    out->v = NULL;
    out->n = 0;
    if (limit <= 0 || limit > 500)
        limit = 500;
    a.limit = limit;
    db_start_call(db);
    if (query_code_range(text, len, &lo, &hi)) {
        int args[2] = {lo, hi};
        s = db_run(db, "SELECT " ENTRY_COLS ", c.summary, -1000.0 FROM codes c WHERE c.code BETWEEN ?1 AND ?2 ORDER BY c.code",
                args, 2, NULL, hit_row, &a);
        if (s == HS_NOTFOUND)
            s = HS_OK;
    }
    char *q = NULL, *phrase = NULL;
    if (s == HS_OK)
        s = build_queries(db, text, len, prefix_last, &q, &phrase);
    if (q && (int)a.hits.n < limit) {
        struct pick *p = db_calloc(1, sizeof *p);
        if (!p) {
            s = db_nomem(db);
        } else {
            p->limit = limit - (int)a.hits.n;
            s = search_tiers(db, q, phrase, p);
            /* The rows for the kept codes, with their snippets, in rank order. */
            struct snip_acc sa = {&a, NULL, 0, 0};
            sa.n_words = query_words(text, len, &sa.words);
            for (int i = 0; s == HS_OK && i < p->n; i++) {
                int args[1] = {p->codes[i]};
                sa.score = p->scores[i];
                s = db_run(db, "SELECT " ENTRY_COLS ", s.summary, s.body, s.vendors, s.aliases "
                            "FROM codes c JOIN search s ON s.rowid = c.code WHERE c.code = ?1",
                        args, 1, NULL, snip_row, &sa);
                if (s == HS_NOTFOUND)
                    s = HS_OK;
            }
            for (size_t i = 0; i < sa.n_words; i++)
                free(sa.words[i]);
            free(sa.words);
            free(p);
        }
    }
    free(phrase);
    free(q);
    if (s != HS_OK) {
        struct hs_hits tmp = {a.hits.v, a.hits.n};
        hs_hits_free(&tmp);
        return s;
    }
    out->v = a.hits.v;
    out->n = a.hits.n;
    return out->n ? HS_OK : HS_NOTFOUND;
}

/* ---- suggestions ----------------------------------------------------------------------- */

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions), or
 * cap + 1 as soon as it must exceed cap. */
static size_t edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t best = (size_t)-1;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
    }
    return d[la][lb];
}

struct suggest_acc {
    const char *word;
    size_t best_d;
    long best_n;
    char *best;
    size_t cap;
    int best_same;
};

static enum hs_status vocab_row(sqlite3_stmt *st, void *arg)
{
    struct suggest_acc *a = arg;
    const char *term = (const char *)sqlite3_column_text(st, 0);
    long n = (long)sqlite3_column_int64(st, 1);
    if (!term)
        return HS_OK;
    size_t d = edit_distance(a->word, term, a->cap);
    /* Nearest first; among equals, the same length (a transposition or a typo rather than
     * a different word), then the word in most codes. */
    int same_len = strlen(term) == strlen(a->word);
    if (d == 0)
        return HS_OK;      /* the word itself: indexed yet matching nothing says nothing */
    if (d <= a->cap && (d < a->best_d || (d == a->best_d && same_len > a->best_same) ||
                        (d == a->best_d && same_len == a->best_same && n > a->best_n))) {
        a->best_same = same_len;
        char *t = db_dup(term);
        if (!t)
            return HS_ENOMEM;
        free(a->best);
        a->best = t;
        a->best_d = d;
        a->best_n = n;
    }
    return HS_OK;
}

static enum hs_status word_matches(struct hs_db *db, const char *word, int *found)
{
    char *q = query_build(word, strlen(word), 0);
    *found = 1;
    if (!q)
        return HS_OK;
    int n = 0;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->conn, "SELECT count(*) FROM (SELECT 1 FROM search WHERE search MATCH ?1 LIMIT 1)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, q, -1, SQLITE_STATIC);
        rc = sqlite3_step(st);
        if (rc == SQLITE_ROW) {
            n = sqlite3_column_int(st, 0);
            rc = SQLITE_OK;
        }
    }
    sqlite3_finalize(st);
    free(q);
    if (rc != SQLITE_OK)
        return db_fail(db, rc);
    *found = n > 0;
    return HS_OK;
}

enum hs_status hsdb_suggest(struct hs_db *db, const char *text, char **out)
{
    *out = NULL;
    char **words;
    size_t n = query_words(text, strlen(text), &words);
    enum hs_status s = HS_NOTFOUND;
    int changed = 0;
    db_start_call(db);
    for (size_t i = 0; i < n; i++) {
        int found;
        enum hs_status r = word_matches(db, words[i], &found);
        if (r != HS_OK) {
            s = r;
            break;
        }
        size_t len = strlen(words[i]);
        if (found || len < 3)
            continue;      /* short words ("a", "t" of "don't") make poor suggestions */
        struct suggest_acc a = {words[i], (size_t)-1, 0, NULL, len <= 4 ? 1 : len <= 8 ? 2 : 3, 0};
        r = db_run(db, "SELECT term, docs FROM vocab WHERE length(term) BETWEEN ?1 AND ?2",
                (int[]){(int)len - (int)a.cap, (int)len + (int)a.cap}, 2, NULL, vocab_row, &a);
        if (r != HS_OK && r != HS_NOTFOUND) {
            free(a.best);
            s = r;
            break;
        }
        if (a.best) {
            free(words[i]);
            words[i] = a.best;
            changed = 1;
        }
    }
    if (changed && (s == HS_NOTFOUND)) {
        size_t total = 1;
        for (size_t i = 0; i < n; i++)
            total += strlen(words[i]) + 1;
        char *r = db_malloc(total);
        if (!r) {
            s = db_nomem(db);
        } else {
            r[0] = '\0';
            for (size_t i = 0; i < n; i++) {
                if (i)
                    strcat(r, " ");
                strcat(r, words[i]);
            }
            *out = r;
            s = HS_OK;
        }
    }
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
    return s;
}

