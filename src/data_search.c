/* data_search.c — ranked search in tiers, snippets for the kept hits, and "did you mean"
 * suggestions from the vocabulary. */
#include "data_int.h"

#include <errno.h>
#include <math.h>
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

/* A hit from its row (entry columns, then the summary, body, vendors, aliases and
 * vocabulary of the search table) with a snippet made here, from the summary alone when
 * the name holds every word: FTS5's snippet() tokenizes every column of the row and costs
 * more than the whole search on the bundled database. */
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
    /* A name that says every word needs no excerpt of the text: the summary tells more
     * (marked where it holds the words too). query_snippet's NULL is "no match" unless
     * errno says out of memory. */
    errno = 0;
    char *in_name = hit->e.phrase ? query_snippet(hit->e.phrase, sa->words, sa->n_words, 12) : NULL;
    int oom = !in_name && errno == ENOMEM;
    size_t marks = 0;
    for (const char *c = in_name; c && *c; c++)
        marks += *c == '\x01';
    free(in_name);
    int last = marks >= sa->n_words ? 6 : 10;
    for (int c = 6; c <= last && !snip && !oom && ok; c++) {
        char *t = db_col(st, c, &ok);      /* clean before the markers go in */
        if (t && *t) {
            errno = 0;
            snip = query_snippet(t, sa->words, sa->n_words, 12);
            oom = !snip && errno == ENOMEM;
        }
        free(t);
    }
    hit->snippet = oom ? NULL : snip ? db_dup(snip) : db_dup(hit->e.summary ? hit->e.summary : "");
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
    free(h->suggestion);
    h->v = NULL;
    h->n = 0;
    h->partial = 0;
    h->suggestion = NULL;
}

/* ---- ranking ----
 *
 * A search runs in tiers; each is cheap because FTS5 or an index answers it, and a code
 * is listed once, in the first tier that finds it:
 *   1. codes the query names by number ("401 vs 403", "ALB 460 client closed");
 *   2. codes whose name or alias is the typed words as a phrase;
 *   3. codes that send or require a header field the query names ("Retry-After",
 *      "Location header"): as tier 4 ranks them, then the others MUST before SHOULD
 *      before MAY; before tier 2 when the name is written as a header (see search_plan);
 *   4. the codes holding every word that is not question phrasing ("what status code
 *      for"), and for a query of three words or more (or when few codes hold them all)
 *      those holding at least half of them, merged by one score: bm25 with the name and
 *      the vocabulary (the words people use) weighted above the text, times
 *        - 1 + half the pairs of neighbouring query words found side by side (hs_near),
 *        - 0.7 for a code that is not standard,
 *        - 2 for a code of a class the query names ("which 3xx code"),
 *        - the square of the share of the words the code holds (hs_cover).
 *      When no code holds every word, hs_hits.partial says these are the closest matches;
 *      and when a word matches nothing and has a correction (see correction()), the
 *      corrected words are searched from tier 1 instead, if they find anything. */

/* bm25 weights in the column order of the 'search' table: phrase, aliases, summary, body,
 * vendors, words (the vocabulary); hs_bm25 (below) also takes the range of rowids. */
#define BM25 "hs_bm25(search, ?1, ?2, 10.0, 8.0, 3.0, 1.0, 4.0, 8.0)"
/* Ranked among the first CANDIDATES matches (in rowid order): those of the first SPAN
 * rowids, and past them only until the list has as many as it wants (rank_stream stops
 * reading there). Bounds the work of a word that is in nearly every entry of a very large
 * database, where bm25 tells those entries apart by little anyway; below CANDIDATES
 * matches and SPAN rowids (the bundled database: codes 0 to 599) the ranking is exact.
 * The factors of the code (from rank_keys) are applied to the best KEEP + limit of those only: 0.7
 * for a code that is not standard, 2 for one of the class the query names. bm25 and the
 * pair bonus are negative and positive: score * (1 + 0.5 * near). */
#define CANDIDATES 500
#define KEEP 100
#define SPAN 4096
/* Every word: ?1 ?2 the table's first and last rowid (for hs_bm25), ?3 expression, ?4
 * map, ?5 gaps. */
#define RANK_ALL "SELECT rowid, " BM25 ", hs_near(search, ?4, ?5), 0 FROM search WHERE search MATCH ?3 LIMIT 500" /* CANDIDATES */
/* Any word: the same, and the words each row holds (hs_cover). */
#define RANK_SOME "SELECT rowid, " BM25 ", hs_near(search, ?4, ?5), hs_cover(search, ?4) FROM search " \
                  "WHERE search MATCH ?3 LIMIT 500"

/* hs_cover(search, map): how many of the query's words the row holds. map has one letter
 * per phrase of the MATCH expression, 'a' + the word it stands for (a misspelt word and
 * its correction, or a word's completions while typing, are phrases of one word). */
static void cover_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                     sqlite3_value **val)
{
    const unsigned char *map = nval == 1 ? db_arg(val[0]) : NULL;
    int n = api->xPhraseCount(fts), count = 0;
    unsigned long seen = 0;
    for (int i = 0; map && i < n && map[i]; i++) {
        int slot = (map[i] - 'a') & 63;
        Fts5PhraseIter it;
        int c, off;
        if (seen & (1UL << slot))
            continue;
        if (api->xPhraseFirst(fts, i, &it, &c, &off) == SQLITE_OK && c >= 0) {
            seen |= 1UL << slot;
            count++;
        }
    }
    sqlite3_result_int(ctx, count);
}

/* hs_near(search, map, gaps): how many pairs of neighbouring query words the row has side
 * by side, each pair counted once with the weight of the best column it is found in (a
 * name, an alias or the vocabulary 1, the summary 0.5, other text 0.3): "method not
 * allowed" in a name, "version conflict" in the vocabulary. map is as for hs_cover; gaps
 * has one digit per word, the question words typed between it and the next ("allowed
 * to access": 1), which the text may hold there too. FTS5 gives the instances in text
 * order, so one pass finds the pairs. */
static void near_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                    sqlite3_value **val)
{
    static const double col_weight[] = {1.0, 1.0, 0.5, 0.3, 0.3, 1.0};
    const unsigned char *map = nval == 2 ? db_arg(val[0]) : NULL;
    const unsigned char *gaps = nval == 2 ? db_arg(val[1]) : NULL;
    int n_inst = 0, n_phrase = api->xPhraseCount(fts);
    if (!map || !gaps || (int)strlen((const char *)map) < n_phrase || api->xInstCount(fts, &n_inst) != SQLITE_OK) {
        sqlite3_result_double(ctx, 0.0);
        return;
    }
    int n_slots = (int)strlen((const char *)gaps);
    int end_col[26], end_off[26];
    double best[26];
    for (int j = 0; j < 26; j++) {
        end_col[j] = -1;
        end_off[j] = 0;
        best[j] = 0;
    }
    for (int i = 0; i < n_inst; i++) {
        int ph, c, off;
        if (api->xInst(fts, i, &ph, &c, &off) != SQLITE_OK || ph < 0 || ph >= n_phrase)
            break;
        int slot = (map[ph] - 'a');
        if (slot < 0 || slot >= 26 || slot >= n_slots)
            continue;
        if (slot > 0) {
            int j = slot - 1, gap = gaps[j] - '0';
            if (end_col[j] == c && off >= end_off[j] && off <= end_off[j] + gap) {
                double w = c >= 0 && c < 6 ? col_weight[c] : 0.3;
                if (w > best[j])
                    best[j] = w;
            }
        }
        end_col[slot] = c;
        end_off[slot] = off + api->xPhraseSize(fts, ph);
    }
    double sum = 0;
    for (int j = 0; j < 26; j++)
        sum += best[j];
    sqlite3_result_double(ctx, sum);
}

/* hs_bm25(search, lo, hi, weights...): FTS5's bm25() (same formula, same order of
 * operations, so the same scores), except for how a phrase's row count (its IDF) is found.
 * bm25() counts every row holding each phrase before ranking the first: a full pass over
 * the doclists of common words, which on a database of 50,000 entries costs more than all
 * the rest of the search. Here the count stops at IDF_EXACT rows; a phrase in more rows
 * has its count estimated from where in the rowid range lo..hi its IDF_EXACT-th row falls.
 * Below IDF_EXACT rows (every phrase of the bundled database) the count is exact. */
#define IDF_EXACT 200

struct bm25_data {
    int n_phrase;
    double avgdl;
    double *idf, *freq;
};

struct phrase_count {
    sqlite3_int64 n, last;
};

static int count_cb(const Fts5ExtensionApi *api, Fts5Context *fts, void *arg)
{
    struct phrase_count *c = arg;
    if (++c->n < IDF_EXACT)
        return SQLITE_OK;
    c->last = api->xRowid(fts);
    return SQLITE_DONE;
}

static int bm25_data(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_int64 lo, sqlite3_int64 hi,
                     struct bm25_data **out)
{
    struct bm25_data *p = api->xGetAuxdata(fts, 0);
    int rc = SQLITE_OK;
    *out = p;
    if (p)
        return SQLITE_OK;
    int n = api->xPhraseCount(fts);
    p = sqlite3_malloc64(sizeof *p + 2 * (size_t)(n > 0 ? n : 1) * sizeof(double));
    if (!p)
        return SQLITE_NOMEM;
    memset(p, 0, sizeof *p + 2 * (size_t)(n > 0 ? n : 1) * sizeof(double));
    p->n_phrase = n;
    p->idf = (double *)(p + 1);
    p->freq = p->idf + (n > 0 ? n : 1);
    sqlite3_int64 rows = 0, tokens = 0;
    rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK)
        p->avgdl = (double)tokens / (double)(rows > 0 ? rows : 1);
    for (int i = 0; rc == SQLITE_OK && i < n; i++) {
        struct phrase_count c = {0, 0};
        rc = api->xQueryPhrase(fts, i, &c, count_cb);
        double hits = (double)c.n;
        if (c.n >= IDF_EXACT && hi > lo && c.last >= lo) {
            hits = (double)IDF_EXACT * (double)(hi - lo + 1) / (double)(c.last - lo + 1);
            if (hits > (double)rows)
                hits = (double)rows;
        }
        double idf = log(((double)rows - hits + 0.5) / (hits + 0.5));
        p->idf[i] = idf <= 0.0 ? 1e-6 : idf;
    }
    if (rc == SQLITE_OK)
        rc = api->xSetAuxdata(fts, p, sqlite3_free);
    else
        sqlite3_free(p);
    *out = rc == SQLITE_OK ? p : NULL;
    return rc;
}

static void bm25_fn(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int nval,
                    sqlite3_value **val)
{
    const double k1 = 1.2, b = 0.75;
    struct bm25_data *p = NULL;
    sqlite3_int64 lo = nval >= 2 ? sqlite3_value_int64(val[0]) : 0, hi = nval >= 2 ? sqlite3_value_int64(val[1]) : 0;
    int rc = bm25_data(api, fts, lo, hi, &p), n_inst = 0, n_tok = 0;
    if (rc == SQLITE_OK) {
        memset(p->freq, 0, sizeof(double) * (size_t)p->n_phrase);
        rc = api->xInstCount(fts, &n_inst);
    }
    for (int i = 0; rc == SQLITE_OK && i < n_inst; i++) {
        int ph, c, off;
        rc = api->xInst(fts, i, &ph, &c, &off);
        if (rc == SQLITE_OK && ph >= 0 && ph < p->n_phrase)
            p->freq[ph] += nval - 2 > c ? sqlite3_value_double(val[c + 2]) : 1.0;
    }
    if (rc == SQLITE_OK)
        rc = api->xColumnSize(fts, -1, &n_tok);
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(ctx, rc);
        return;
    }
    double d = (double)n_tok, score = 0.0;
    for (int i = 0; i < p->n_phrase; i++)
        score += p->idf[i] * ((p->freq[i] * (k1 + 1.0)) / (p->freq[i] + k1 * (1 - b + b * d / p->avgdl)));
    sqlite3_result_double(ctx, -1.0 * score);
}

/* Registers hs_bm25, hs_cover and hs_near on the connection once. */
static enum hs_status need_ranker(struct hs_db *db)
{
    if (db->ranker)
        return HS_OK;
    fts5_api *api = NULL;
    sqlite3_stmt *st;
    int rc = sqlite3_prepare_v2(db->conn, "SELECT fts5(?1)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
        rc = sqlite3_step(st);
        rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    sqlite3_finalize(st);
    if (rc == SQLITE_OK && !api)
        rc = SQLITE_ERROR;
    if (rc == SQLITE_OK)
        rc = api->xCreateFunction(api, "hs_cover", NULL, cover_fn, NULL);
    if (rc == SQLITE_OK)
        rc = api->xCreateFunction(api, "hs_near", NULL, near_fn, NULL);
    if (rc == SQLITE_OK)
        rc = api->xCreateFunction(api, "hs_bm25", NULL, bm25_fn, NULL);
    if (rc != SQLITE_OK)
        return db_fail(db, rc);
    db->ranker = 1;
    return HS_OK;
}

/* Codes chosen so far, in rank order, without repeats: at most limit. */
struct pick {
    int n, limit;
    int *codes;
    double *scores;
};

/* A pick for limit codes, in one allocation (free with free()); NULL when out of memory. */
static struct pick *pick_new(int limit)
{
    struct pick *p = db_malloc(sizeof *p + (size_t)limit * (sizeof(double) + sizeof(int)));
    if (p) {
        p->n = 0;
        p->limit = limit;
        p->scores = (double *)(p + 1);
        p->codes = (int *)(p->scores + limit);
    }
    return p;
}

static enum hs_status pick_add(struct pick *p, int code, double score)
{
    for (int i = 0; i < p->n; i++)
        if (p->codes[i] == code)
            return HS_OK;
    if (p->n < p->limit) {
        p->scores[p->n] = score;
        p->codes[p->n++] = code;
    }
    return HS_OK;
}

/* Candidates of tiers 4 and 5 before they are merged: code, score, words held. */
struct cand {
    int code, cover;
    double score;
};

struct ranked {
    int n, cap;
    struct cand v[];
};

/* Best score first (lower is better), then the lower code, for a stable order. */
static int by_score(const void *a, const void *b)
{
    const struct cand *x = a, *y = b;
    if (x->score != y->score)
        return x->score < y->score ? -1 : 1;
    return (x->code > y->code) - (x->code < y->code);
}

/* The first and last rowid of the table (codes): hs_bm25 estimates from them, and SPAN counts from the first. */
static enum hs_status range_row(sqlite3_stmt *st, void *arg)
{
    int *range = arg;
    if (sqlite3_column_type(st, 0) != SQLITE_NULL) {
        range[0] = sqlite3_column_int(st, 0);
        range[1] = sqlite3_column_int(st, 1);
    }
    return HS_OK;
}

/* ---- what the query asks for ---- */

struct plan {
    struct query_term t[QUERY_MAX_TOKENS];
    size_t n;
    char *completions[12];   /* the open word's likeliest completions (live search) */
    int n_completions;
    int expand;              /* the open word is matched by its completions */
    int klass;               /* a class the query names ("3xx"), or 0 */
};

static void plan_free(struct plan *p)
{
    query_terms_free(p->t, p->n);
    for (int i = 0; i < p->n_completions; i++)
        free(p->completions[i]);
    p->n = 0;
    p->n_completions = 0;
}

static enum hs_status term_row(sqlite3_stmt *st, void *arg)
{
    struct plan *p = arg;
    if (p->n_completions == 12)
        return HS_OK;
    int ok = 1;
    char *s = db_col(st, 0, &ok);
    if (!s)
        return HS_ENOMEM;
    p->completions[p->n_completions++] = s;
    return HS_OK;
}

/* Whether s is lower-case ASCII letters and digits only. */
static int plain_word(const char *s)
{
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9')))
            return 0;
    return 1;
}

/* The terms of text; while typing, an unfinished last word of four letters or more is
 * matched by the most common indexed words it starts ("reque" -> request OR requests ...):
 * an OR of a few terms is read lazily, where an FTS5 prefix query longer than the prefix
 * index (3) would first merge every matching entry. */
static enum hs_status plan_make(struct hs_db *db, const char *text, size_t len, int prefix_last, struct plan *p)
{
    memset(p, 0, sizeof *p);
    errno = 0;
    p->n = query_terms(text, len, prefix_last, p->t);
    if (!p->n && errno == ENOMEM)
        return db_nomem(db);
    for (size_t i = 0; i < p->n && !p->klass; i++)
        p->klass = p->t[i].klass;
    if (!p->n || !p->t[p->n - 1].open)
        return HS_OK;
    struct query_term *last = &p->t[p->n - 1];
    /* The open word of a term of several ("Retry-Aft") is completed the same way, after the
     * text before it ("Retry-" + "after" ...): a phrase ending in a prefix of more than
     * three letters would merge every matching entry too, once per query of the search. */
    const char *word = last->norm;
    for (const char *c = last->norm; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9')))
            word = c + 1;
    size_t head = (size_t)(word - last->norm);
    if (strlen(word) <= 3 || strlen(last->norm) != strlen(last->text) || (head && (last->parts < 2 || last->quoted)))
        return HS_OK;      /* the schema's prefix index answers up to three letters */
    const char *texts[1] = {word};
    enum hs_status s = db_run_texts(db, "SELECT term FROM vocab WHERE term >= ?1 AND term < ?1 || char(1114111) "
                                     "ORDER BY docs DESC, term LIMIT 12", NULL, 0, texts, 1, term_row, p);
    if (s == HS_NOTFOUND)
        s = HS_OK;
    for (int i = 0; s == HS_OK && head && i < p->n_completions; i++) {
        size_t n = strlen(p->completions[i]);
        char *full = db_malloc(head + n + 1);
        if (!full) {
            s = db_nomem(db);
            break;
        }
        memcpy(full, last->text, head);
        memcpy(full + head, p->completions[i], n + 1);
        free(p->completions[i]);
        p->completions[i] = full;
    }
    p->expand = p->n_completions > 0;
    if (!p->expand)
        last->open = 0;    /* no indexed word starts so: it is searched as typed */
    return s;
}

/* An FTS5 expression being built with its maps for hs_cover and hs_near: one letter per
 * phrase ('a' + the query word it stands for) and one digit per word (the question words
 * typed after it). */
struct expr {
    struct sb e, map, gaps;
    struct sb cur;   /* the current word's phrases, joined by OR */
    int n_cur;
    int slot;        /* words so far */
    int gap;         /* question words since the last word */
    const char *op;  /* " AND " or " OR " */
};

static void expr_init(struct expr *x, const char *op)
{
    sb_init_soft(&x->e);
    sb_init_soft(&x->map);
    sb_init_soft(&x->gaps);
    sb_init_soft(&x->cur);
    x->n_cur = 0;
    x->slot = 0;
    x->gap = 0;
    x->op = op;
}

static void expr_free(struct expr *x)
{
    sb_free(&x->e);
    sb_free(&x->map);
    sb_free(&x->gaps);
    sb_free(&x->cur);
}

/* A question word between words. */
static void expr_skip(struct expr *x)
{
    x->gap++;
}

/* The current word into the expression: its phrases in parentheses when there are
 * several, since FTS5's AND binds tighter than OR. */
static void expr_flush(struct expr *x)
{
    if (!x->n_cur)
        return;
    if (x->e.len)
        sb_puts(&x->e, x->op);
    if (x->n_cur > 1)
        sb_putc(&x->e, '(');
    sb_putn(&x->e, x->cur.buf, x->cur.len);
    if (x->n_cur > 1)
        sb_putc(&x->e, ')');
    sb_reset(&x->cur);
    x->n_cur = 0;
}

/* Starts the next query word; 0 when there is no room for more. */
static int expr_word(struct expr *x)
{
    if (x->slot == 26)
        return 0;
    expr_flush(x);
    if (x->slot)
        sb_putc(&x->gaps, (char)('0' + (x->gap > 9 ? 9 : x->gap)));
    x->gap = 0;
    x->slot++;
    return 1;
}

/* A phrase of the current word (word is text for FTS5: quoted here); star: a prefix. */
static void expr_phrase(struct expr *x, const char *word, int star)
{
    if (x->n_cur++)
        sb_puts(&x->cur, " OR ");
    query_quote(&x->cur, word, strlen(word));
    if (star)
        sb_putc(&x->cur, '*');
    sb_putc(&x->map, (char)('a' + x->slot - 1));
}

/* Whether a buffer of the expression ran out of memory (then it is unusable). */
static int expr_failed(const struct expr *x)
{
    return x->e.failed || x->map.failed || x->gaps.failed || x->cur.failed;
}

/* Ends the expression. 0 when it is empty. */
static int expr_done(struct expr *x)
{
    expr_flush(x);
    if (!x->slot)
        return 0;
    sb_putc(&x->gaps, '0');
    return 1;
}

/* Appends term i as one query word: a phrase, or while typing the open word's completions. */
static void put_term(struct expr *x, const struct plan *p, size_t i)
{
    const struct query_term *t = &p->t[i];
    if (!expr_word(x))
        return;
    if (t->open && p->expand)
        for (int k = 0; k < p->n_completions; k++)
            expr_phrase(x, p->completions[k], 0);
    else
        expr_phrase(x, t->text, t->open);
}

/* Tier 4: every word that is not question phrasing, all required. 0 when none. */
static int expr_all(const struct plan *p, struct expr *x)
{
    expr_init(x, " AND ");
    for (size_t i = 0; i < p->n; i++) {
        if (p->t[i].filler)
            expr_skip(x);
        else
            put_term(x, p, i);
    }
    return expr_done(x);
}

/* The name tier: the typed words as a phrase in the name or an alias, with and without
 * the question phrasing ("i'm a teapot", "what is i'm a teapot"). *out is NULL when there
 * are none (caller frees). */
static enum hs_status expr_names(struct hs_db *db, const struct plan *p, char **out)
{
    struct sb e, ph;
    int failed = 0;
    *out = NULL;
    sb_init_soft(&e);
    sb_puts(&e, "{phrase aliases} : (");
    size_t start = e.len;
    for (int content = 0; content < 2; content++) {
        sb_init_soft(&ph);
        int skipped = 0;
        for (size_t i = 0; i < p->n; i++) {
            const struct query_term *t = &p->t[i];
            if (content && t->filler) {
                skipped = 1;
                continue;
            }
            if (ph.len)
                sb_putc(&ph, ' ');
            sb_puts(&ph, t->open && p->expand ? p->completions[0] : t->text);
        }
        if (ph.len && (!content || skipped)) {
            if (e.len > start)
                sb_puts(&e, " OR ");
            query_quote(&e, ph.buf, ph.len);
            if (p->n && p->t[p->n - 1].open && !p->expand)
                sb_putc(&e, '*');
        }
        failed |= ph.failed;
        sb_free(&ph);
    }
    if (e.len == start || failed || e.failed) {
        sb_free(&e);
        return failed || e.failed ? db_nomem(db) : HS_OK;
    }
    sb_putc(&e, ')');
    *out = sb_steal(&e);
    return *out ? HS_OK : db_nomem(db);
}

static enum hs_status term_count_row(sqlite3_stmt *st, void *arg)
{
    (void)st;
    ++*(int *)arg;
    return HS_OK;
}

/* Whether an FTS5 expression matches any code. */
static enum hs_status any_match(struct hs_db *db, const char *expr, int *found)
{
    int n = 0;
    *found = 0;
    enum hs_status s = db_run(db, "SELECT 1 FROM search WHERE search MATCH ?1 LIMIT 1", NULL, 0, expr, term_count_row, &n);
    if (s != HS_OK && s != HS_NOTFOUND)
        return s;
    *found = n > 0;
    return HS_OK;
}

/* ---- spelling ---- */

/* Optimal string alignment distance (Levenshtein plus adjacent transpositions), or
 * cap + 1 as soon as it must exceed cap. Three rows of the matrix (i - 2, i - 1, i), so
 * the frame stays small: a suggestion must work with a small stack. */
static size_t edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    unsigned short rows[3][65];
    unsigned short *pp = rows[0], *p = rows[1], *c = rows[2];
    for (size_t j = 0; j <= lb; j++)
        p[j] = (unsigned short)j;
    for (size_t i = 1; i <= la; i++) {
        size_t best = (size_t)-1;
        c[0] = (unsigned short)i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = p[j - 1] + cost;
            if (p[j] + 1u < v)
                v = p[j] + 1u;
            if (c[j - 1] + 1u < v)
                v = c[j - 1] + 1u;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && pp[j - 2] + 1u < v)
                v = pp[j - 2] + 1u;
            c[j] = (unsigned short)v;
            if (v < best)
                best = v;
        }
        if (best > cap)
            return cap + 1;
        unsigned short *t = pp;
        pp = p;
        p = c;
        c = t;
    }
    return p[lb];
}

#define MAX_NEAR 8

/* The nearest indexed words to a word, best first: fewest edits, then the same length
 * (a typo rather than another word), then the word in most codes. */
struct near_acc {
    const char *word;
    size_t cap;
    int n;
    struct {
        char *term;
        size_t d;
        int same_len;
        long docs;
    } v[MAX_NEAR];
};

static int near_before(size_t d, int same, long docs, size_t d2, int same2, long docs2)
{
    if (d != d2)
        return d < d2;
    if (same != same2)
        return same > same2;
    return docs > docs2;
}

static enum hs_status near_row(sqlite3_stmt *st, void *arg)
{
    struct near_acc *a = arg;
    const char *term = db_peek(st, 0);
    long docs = (long)sqlite3_column_int64(st, 1);
    size_t d = edit_distance(a->word, term, a->cap);
    if (d == 0 || d > a->cap)
        return HS_OK;      /* the word itself, indexed yet matching nothing, says nothing */
    int same = strlen(term) == strlen(a->word);
    int at = a->n;
    while (at > 0 && near_before(d, same, docs, a->v[at - 1].d, a->v[at - 1].same_len, a->v[at - 1].docs))
        at--;
    if (at == MAX_NEAR)
        return HS_OK;
    int ok = 1;
    char *t = db_col(st, 0, &ok);
    if (!t)
        return HS_ENOMEM;
    if (a->n == MAX_NEAR)
        free(a->v[--a->n].term);
    memmove(&a->v[at + 1], &a->v[at], (size_t)(a->n - at) * sizeof a->v[0]);
    a->v[at].term = t;
    a->v[at].d = d;
    a->v[at].same_len = same;
    a->v[at].docs = docs;
    a->n++;
    return HS_OK;
}

/* The correction of a word that matches nothing: the nearest word that people use for a
 * code (one in a name, an alias, a summary or the vocabulary, so "cors" never becomes the
 * "core" of some text), with the same first letter, at most one edit away for a word of
 * up to five letters and two for a longer one; letters only ("110" is not a misspelt
 * "100"). Never two words for one. *out is NULL
 * when there is none (caller frees). */
static enum hs_status correction(struct hs_db *db, const char *word, char **out)
{
    *out = NULL;
    size_t len = strlen(word);
    if (len < 3 || len > 40 || !plain_word(word) || strspn(word, "abcdefghijklmnopqrstuvwxyz") != len)
        return HS_OK;      /* short words ("a", "t" of "don't") and numbers make poor suggestions */
    struct near_acc a = {word, len <= 5 ? 1 : 2, 0, {{0}}};
    /* The words of the same first letter: a range of the vocabulary's key. */
    char first[2] = {word[0], '\0'}, next[2] = {(char)(word[0] + 1), '\0'};
    const char *texts[2] = {first, next};
    enum hs_status s = db_run_texts(db, "SELECT term, docs FROM vocab WHERE term >= ?3 AND term < ?4 "
                                        "AND length(term) BETWEEN ?1 AND ?2",
                                    (int[]){(int)len - (int)a.cap, (int)len + (int)a.cap}, 2, texts, 2, near_row, &a);
    if (s == HS_NOTFOUND)
        s = HS_OK;
    for (int i = 0; s == HS_OK && i < a.n && !*out; i++) {
        struct sb e;
        sb_init_soft(&e);
        sb_puts(&e, "{phrase aliases summary words} : ");
        query_quote(&e, a.v[i].term, strlen(a.v[i].term));
        int found = 0;
        s = e.failed ? db_nomem(db) : any_match(db, e.buf, &found);
        sb_free(&e);
        if (s == HS_OK && found) {
            *out = a.v[i].term;
            a.v[i].term = NULL;
        }
    }
    for (int i = 0; i < a.n; i++)
        free(a.v[i].term);
    return s;
}

/* ---- the fallback: any of the words ---- */

/* Whether word (one word) matches nothing; then *fix is its correction or NULL. */
static enum hs_status misspelt(struct hs_db *db, const char *text, const char *word, char **fix)
{
    struct sb one;
    sb_init_soft(&one);
    query_quote(&one, text, strlen(text));
    int found = 0;
    enum hs_status s = one.failed ? db_nomem(db) : any_match(db, one.buf, &found);
    sb_free(&one);
    *fix = NULL;
    if (s == HS_OK && !found)
        s = correction(db, word, fix);
    return s;
}

/* Any word that is not question phrasing; a hyphenated or joined word
 * ("ERR_TOO_MANY_REDIRECTS") counts as its words. *ok is 0 when nothing is searchable. */
static enum hs_status expr_some(struct hs_db *db, const struct plan *p, struct expr *x, int *ok)
{
    int oom = 0;
    expr_init(x, " OR ");
    for (size_t i = 0; i < p->n && !oom; i++) {
        const struct query_term *t = &p->t[i];
        if (t->filler) {
            expr_skip(x);
        } else if (t->quoted || t->parts == 1) {   /* a term of several words: each a word */
            put_term(x, p, i);
        } else {
            char **words;
            errno = 0;
            size_t nw = query_words(t->text, strlen(t->text), &words);
            oom = !words;
            for (size_t k = 0; k < nw && !oom; k++) {
                struct query_term probe[1];
                errno = 0;
                size_t np = query_terms(words[k], strlen(words[k]), 0, probe);
                oom = !np && errno == ENOMEM;
                if (np == 1 && probe[0].filler)
                    expr_skip(x);
                else if (!oom && expr_word(x))
                    expr_phrase(x, words[k], 0);
                query_terms_free(probe, np);
            }
            for (size_t k = 0; k < nw; k++)
                free(words[k]);
            free(words);
        }
    }
    *ok = expr_done(x);
    return oom || expr_failed(x) ? db_nomem(db) : HS_OK;
}

/* The typed terms again, each single word that matches nothing replaced by its correction;
 * *out is NULL when there is none (caller frees). */
static enum hs_status corrected(struct hs_db *db, const struct query_term *t, size_t n, char **out)
{
    enum hs_status s = HS_OK;
    char *fixes[QUERY_MAX_TOKENS] = {NULL};
    int changed = 0;
    *out = NULL;
    for (size_t i = 0; i < n && s == HS_OK; i++) {
        if (t[i].quoted || t[i].open || t[i].parts != 1 || t[i].number >= 0 || t[i].filler)
            continue;
        s = misspelt(db, t[i].text, t[i].norm, &fixes[i]);
        changed |= fixes[i] != NULL;
    }
    if (s == HS_OK && changed) {
        struct sb r;
        sb_init_soft(&r);
        for (size_t i = 0; i < n; i++) {
            if (i)
                sb_putc(&r, ' ');
            if (t[i].quoted)
                sb_putc(&r, '"');
            sb_puts(&r, fixes[i] ? fixes[i] : t[i].text);
            if (t[i].quoted)
                sb_putc(&r, '"');
        }
        *out = r.failed ? NULL : db_dup(r.buf);
        sb_free(&r);
        if (!*out)
            s = db_nomem(db);
    }
    for (size_t i = 0; i < n; i++)
        free(fixes[i]);
    return s;
}

/* ---- the tiers ---- */

static enum hs_status number_row(sqlite3_stmt *st, void *arg)
{
    return pick_add(arg, sqlite3_column_int(st, 0), -3000.0);
}

static enum hs_status tier_row(sqlite3_stmt *st, void *arg)
{
    return pick_add(arg, sqlite3_column_int(st, 0), sqlite3_column_double(st, 1));
}

/* Tier 1: codes the query names by number. */
static enum hs_status tier_numbers(struct hs_db *db, const struct plan *p, struct pick *k)
{
    enum hs_status s = HS_OK;
    for (size_t i = 0; i < p->n && s == HS_OK; i++)
        if (p->t[i].number >= 0) {
            s = db_run(db, "SELECT code FROM codes WHERE code = ?1", (int[]){p->t[i].number}, 1, NULL, number_row, k);
            if (s == HS_NOTFOUND)
                s = HS_OK;
        }
    return s;
}

/* Tier 2: codes whose name or alias says the words. */
static enum hs_status tier_names(struct hs_db *db, const struct plan *p, struct pick *k)
{
    char *names = NULL;
    enum hs_status s = expr_names(db, p, &names);
    if (names) {
        /* No bm25() in this tier: it would first count the rows of every word over the
         * whole index; a name that says the words is ranked by being short instead. The
         * 'names' index holds names and aliases alone, so a phrase is found without reading
         * the doclists of every text a common word is in. */
        s = db_run(db, "SELECT t.code, -2000.0 + t.k / 1000000.0 FROM (SELECT rowid AS code, coalesce((SELECT "
                    "(standard = 0) * 1000 + name_len FROM rank_keys WHERE code = names.rowid), 999999) AS k FROM names "
                    "WHERE names MATCH ?2 LIMIT 500) t ORDER BY t.k, t.code LIMIT ?1",
                (int[]){k->limit}, 1, names, tier_row, k);
        free(names);
        if (s == HS_NOTFOUND)
            s = HS_OK;
    }
    return s;
}

/* Tier 3: the codes that send or require a header field the query names, standard codes
 * first, MUST before SHOULD before MAY, into hdr. *strong: a name written as one
 * ("Retry-After", "Upgrade:", "Location header"), not only a word alone ("range"). */
static enum hs_status tier_headers(struct hs_db *db, const struct plan *p, struct pick *hdr, int *strong)
{
    enum hs_status s = HS_OK;
    *strong = 0;
    for (size_t i = 0; i < p->n && s == HS_OK; i++)
        if (p->t[i].header) {
            int before = hdr->n;
            s = db_run(db, "SELECT r.code, -1000.0 FROM header_rules r JOIN codes c ON c.code = r.code "
                        "WHERE r.header = ?2 COLLATE NOCASE ORDER BY c.status <> 'standard', "
                        "CASE r.level WHEN 'MUST' THEN 0 WHEN 'SHOULD' THEN 1 WHEN 'MAY' THEN 2 ELSE 3 END, r.ord LIMIT ?1",
                    (int[]){hdr->limit}, 1, p->t[i].norm, tier_row, hdr);
            if (s == HS_NOTFOUND)
                s = HS_OK;
            if (hdr->n > before && p->t[i].header > 1)
                *strong = 1;
        }
    return s;
}

/* Fewer full matches than this are followed by the codes holding most words even for a
 * query of two words. */
#define FEW 5

/* The candidates of one ranking query as they stream in rowid order. */
struct stream {
    struct cand *v;
    int n, want, cut, words, some;
};

static enum hs_status stream_row(sqlite3_stmt *st, void *arg)
{
    struct stream *a = arg;
    int code = sqlite3_column_int(st, 0);
    if (a->n >= CANDIDATES || (code > a->cut && a->n >= a->want))
        return HS_NOTFOUND;        /* enough: stop reading */
    double score = sqlite3_column_double(st, 1) * (1.0 + 0.5 * sqlite3_column_double(st, 2));
    int cover = a->words;
    if (a->some) {
        cover = sqlite3_column_int(st, 3);
        score = score * cover * cover / (double)(a->words * a->words);
    }
    a->v[a->n].code = code;
    a->v[a->n].cover = cover;
    a->v[a->n].score = score;
    a->n++;
    return HS_OK;
}

static enum hs_status factor_row(sqlite3_stmt *st, void *arg)
{
    double *f = arg;
    *f = sqlite3_column_double(st, 0);
    return HS_OK;
}

/* Runs RANK_ALL or RANK_SOME (some) over the candidates described above and adds the best
 * want of them to r, each score times the factors of the code (rank_keys). */
static enum hs_status rank_stream(struct hs_db *db, const char *sql, const int range[2], const char *const *texts,
                                  int want, int klass, int words, int some, struct ranked *r)
{
    struct stream a = {db_malloc(CANDIDATES * sizeof(struct cand)), 0, want,
                       range[1] - range[0] >= SPAN ? range[0] + SPAN - 1 : range[1], words, some};
    if (!a.v)
        return db_nomem(db);
    enum hs_status s = db_run_texts(db, sql, range, 2, texts, 3, stream_row, &a);
    if (s == HS_NOTFOUND)
        s = HS_OK;
    qsort(a.v, (size_t)a.n, sizeof a.v[0], by_score);
    if (a.n > want + KEEP)
        a.n = want + KEEP;
    for (int i = 0; s == HS_OK && i < a.n; i++) {
        double f = 1.0;
        s = db_run(db, "SELECT (CASE standard WHEN 1 THEN 1.0 ELSE 0.7 END) * "
                       "(CASE class WHEN ?2 THEN 2.0 ELSE 1.0 END) FROM rank_keys WHERE code = ?1",
                   (int[]){a.v[i].code, klass}, 2, NULL, factor_row, &f);
        if (s == HS_NOTFOUND)
            s = HS_OK;
        a.v[i].score = a.v[i].score * f;
    }
    if (s == HS_OK) {
        qsort(a.v, (size_t)a.n, sizeof a.v[0], by_score);
        for (int i = 0; i < a.n && i < want && r->n < r->cap; i++)
            r->v[r->n++] = a.v[i];
    }
    free(a.v);
    return s;
}

/* Tier 4: the codes holding every word, and, for a query of three words or more or when
 * few codes hold them all, those holding at least half of them (half as many as the best
 * when none holds all), merged by score. *held_all: some code holds every word. */
static enum hs_status search_ranked(struct hs_db *db, const struct plan *p, struct pick *k, int *held_all)
{
    struct expr x;
    *held_all = 0;
    enum hs_status s = need_ranker(db);
    if (s != HS_OK)
        return s;
    if (!expr_all(p, &x) || expr_failed(&x)) {
        s = expr_failed(&x) ? db_nomem(db) : HS_OK;
        expr_free(&x);
        return s;
    }
    int want = k->limit + k->n, words = x.slot;
    /* Room for the rows of both queries (each at most want). */
    struct ranked *r = db_malloc(sizeof *r + 2 * (size_t)want * sizeof r->v[0]);
    if (!r) {
        expr_free(&x);
        return db_nomem(db);
    }
    r->n = 0;
    r->cap = 2 * want;
    int range[2] = {0, -1};
    s = db_run(db, "SELECT (SELECT min(code) FROM codes), (SELECT max(code) FROM codes)", NULL, 0, NULL, range_row, range);
    if (s == HS_NOTFOUND)
        s = HS_OK;
    const char *texts[3] = {x.e.buf, x.map.buf, x.gaps.buf};
    if (s == HS_OK)
        s = rank_stream(db, RANK_ALL, range, texts, want, p->klass, words, 0, r);
    expr_free(&x);
    int all = r->n;
    int some_ok = 0;
    if (s == HS_OK) {
        s = expr_some(db, p, &x, &some_ok);
        if (s == HS_OK && some_ok && (x.slot > 3 || all < FEW)) {
            const char *some[3] = {x.e.buf, x.map.buf, x.gaps.buf};
            s = rank_stream(db, RANK_SOME, range, some, want, p->klass, x.slot, 1, r);
        }
        expr_free(&x);
    }
    if (s == HS_OK) {
        int best = 0;
        for (int i = 0; i < r->n; i++)
            if (r->v[i].cover > best)
                best = r->v[i].cover;
        qsort(r->v, (size_t)r->n, sizeof r->v[0], by_score);
        for (int i = 0; i < r->n; i++)
            if (r->v[i].cover > 0 && r->v[i].cover * 2 >= best)
                pick_add(k, r->v[i].code, r->v[i].score);
        *held_all = all > 0;
    }
    free(r);
    return s;
}

static int picked(const struct pick *p, int code)
{
    for (int i = 0; i < p->n; i++)
        if (p->codes[i] == code)
            return 1;
    return 0;
}

/* Tiers 1 to 4 for a plan. The codes of a header field the query names come in the order
 * tier 4 ranks them (it knows which texts say the most about the header: 503 and 429 for
 * Retry-After, though 413 has the stronger rule), then the rest of them by level; a name
 * written as a header ("Retry-After") puts them before tier 2 (449's alias "Retry after
 * sending a PROVISION command" is not what was asked), a word alone ("range") after it. */
static enum hs_status search_plan(struct hs_db *db, const struct plan *p, struct pick *k, int *held_all)
{
    struct pick *hdr = pick_new(64), *k4 = pick_new(k->limit);
    enum hs_status s = hdr && k4 ? HS_OK : db_nomem(db);
    int strong = 0;
    if (s == HS_OK)
        s = tier_numbers(db, p, k);
    if (s == HS_OK)
        s = tier_headers(db, p, hdr, &strong);
    if (s == HS_OK && !strong)
        s = tier_names(db, p, k);
    if (s == HS_OK && !hdr->n && k->n >= k->limit) {
        /* Names alone fill the list (a common word in a very large database): tier 4
         * would only rank what is not shown. Those names hold every word. */
        *held_all = 1;
        free(k4);
        free(hdr);
        return HS_OK;
    }
    if (s == HS_OK)
        s = search_ranked(db, p, hdr->n ? k4 : k, held_all);
    if (s == HS_OK && hdr->n) {
        double at = -1000.0;
        for (int i = 0; i < k4->n; i++)
            if (picked(hdr, k4->codes[i]))
                pick_add(k, k4->codes[i], at += 0.001);
        for (int i = 0; i < hdr->n; i++)
            pick_add(k, hdr->codes[i], at += 0.001);
        if (strong)
            s = tier_names(db, p, k);
        for (int i = 0; i < k4->n; i++)
            pick_add(k, k4->codes[i], k4->scores[i]);
    }
    free(k4);
    free(hdr);
    return s;
}

/* The words to mark in snippets: those of the words that are not question phrasing.
 * *out is NULL only when out of memory. */
static size_t snippet_words(const struct plan *p, char ***out)
{
    struct sb b;
    sb_init_soft(&b);
    sb_puts(&b, "");
    for (size_t i = 0; i < p->n; i++)
        if (!p->t[i].filler) {
            sb_puts(&b, p->t[i].open && p->expand ? p->completions[0] : p->t[i].text);
            sb_putc(&b, ' ');
        }
    *out = NULL;
    size_t n = b.failed ? 0 : query_words(b.buf, b.len, out);
    sb_free(&b);
    return n;
}

enum hs_status hsdb_search(struct hs_db *db, const char *text, size_t len, int prefix_last,
                           int limit, struct hs_hits *out)
{
    struct hit_acc a = {{NULL, 0, 0, sizeof(struct hs_hit)}, limit};
    enum hs_status s = HS_OK;
    char *fixed = NULL;   /* the words as corrected: out->suggestion */
    int lo, hi, partial = 0;
    out->v = NULL;
    out->n = 0;
    out->partial = 0;
    out->suggestion = NULL;
    if (limit <= 0 || limit > 500)
        limit = 500;
    a.limit = limit;
    db_start_call(db);
    if (query_code_range(text, len, &lo, &hi)) {
        int args[2] = {lo, hi};
        s = db_run(db, "SELECT " ENTRY_COLS ", c.summary, -4000.0 FROM codes c WHERE c.code BETWEEN ?1 AND ?2 ORDER BY c.code",
                args, 2, NULL, hit_row, &a);
        if (s == HS_NOTFOUND)
            s = HS_OK;
    }
    struct plan *p = NULL;
    struct pick *k = NULL;
    if (s == HS_OK && (int)a.hits.n < limit) {
        p = db_calloc(1, sizeof *p);
        k = pick_new(limit - (int)a.hits.n);
        if (!p || !k)
            s = db_nomem(db);
    }
    if (p && k) {
        int held_all = 0, any = 0;
        s = plan_make(db, text, len, prefix_last, p);
        if (s == HS_OK)
            s = search_plan(db, p, k, &held_all);
        for (size_t i = 0; i < p->n; i++)
            any |= !p->t[i].filler;
        /* No code holds every word: the closest matches, and when a word is misspelt,
         * those of the words as corrected, if they find anything. */
        partial = s == HS_OK && !held_all && any && k->n > 0;
        if (s == HS_OK && !held_all && any)
            s = corrected(db, p->t, p->n, &fixed);
        if (fixed) {
            struct plan *p2 = db_calloc(1, sizeof *p2);
            struct pick *k2 = pick_new(k->limit);
            if (!p2 || !k2)
                s = db_nomem(db);
            if (s == HS_OK) {
                s = plan_make(db, fixed, strlen(fixed), prefix_last, p2);
                if (s == HS_OK)
                    s = search_plan(db, p2, k2, &held_all);
            }
            if (s == HS_OK && k2->n > 0) {
                struct pick *swap = k;       /* the corrected words' picks replace ours */
                k = k2;
                k2 = swap;
                plan_free(p);
                memcpy(p, p2, sizeof *p);
                partial = 1;
            } else if (p2) {
                plan_free(p2);
            }
            free(p2);
            free(k2);
        }
        /* The rows for the kept codes, with their snippets, in rank order. */
        struct snip_acc sa = {&a, NULL, 0, 0};
        sa.n_words = snippet_words(p, &sa.words);
        if (s == HS_OK && !sa.words)
            s = db_nomem(db);
        for (int i = 0; s == HS_OK && i < k->n; i++) {
            sa.score = k->scores[i];
            s = db_run(db, "SELECT " ENTRY_COLS ", s.summary, s.body, s.vendors, s.aliases, s.words "
                        "FROM codes c JOIN search s ON s.rowid = c.code WHERE c.code = ?1",
                    (int[]){k->codes[i]}, 1, NULL, snip_row, &sa);
            if (s == HS_NOTFOUND)
                s = HS_OK;
        }
        for (size_t i = 0; i < sa.n_words; i++)
            free(sa.words[i]);
        free(sa.words);
        plan_free(p);
    }
    free(p);
    free(k);
    if (s != HS_OK || !a.hits.n) {
        struct hs_hits tmp = {a.hits.v, a.hits.n, 0, fixed};
        hs_hits_free(&tmp);
        return s != HS_OK ? s : HS_NOTFOUND;
    }
    out->v = a.hits.v;
    out->n = a.hits.n;
    out->partial = partial;
    out->suggestion = fixed;
    return HS_OK;
}

/* ---- suggestions ----------------------------------------------------------------------- */

enum hs_status hsdb_suggest(struct hs_db *db, const char *text, char **out)
{
    struct query_term t[QUERY_MAX_TOKENS];
    *out = NULL;
    errno = 0;
    size_t n = query_terms(text, strlen(text), 0, t);
    if (!n && errno == ENOMEM)
        return db_nomem(db);
    db_start_call(db);
    enum hs_status s = corrected(db, t, n, out);
    query_terms_free(t, n);
    if (s == HS_OK && !*out)
        s = HS_NOTFOUND;
    return s;
}
