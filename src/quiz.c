/* quiz.c — see quiz.h. */
#include "quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "data_scenarios.h"
#include "text.h"
#include "util.h"

/* ---- splitmix64 ------------------------------------------------------------------------- */

void quiz_rng_seed(struct quiz_rng *r, uint64_t seed)
{
    r->state = seed;
}

uint64_t quiz_rng_next(struct quiz_rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

uint64_t quiz_rng_below(struct quiz_rng *r, uint64_t n)
{
    if (n <= 1)
        return 0;
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do
        x = quiz_rng_next(r);
    while (x >= limit);
    return x % n;
}

void quiz_shuffle(struct quiz_rng *r, int *v, size_t n)
{
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)quiz_rng_below(r, i);
        int t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

/* ---- kinds ---------------------------------------------------------------------------------- */

static const char *const kind_names[QUIZ_N_KINDS] = {"meaning", "code", "scenario", "compare", "mixed"};

const char *quiz_kind_name(enum quiz_kind k)
{
    return k < QUIZ_N_KINDS ? kind_names[k] : "?";
}

int quiz_kind_parse(const char *s, enum quiz_kind *k)
{
    for (int i = 0; i < QUIZ_N_KINDS; i++)
        if (strcmp(s, kind_names[i]) == 0) {
            *k = (enum quiz_kind)i;
            return 0;
        }
    return -1;
}

/* ---- the bank --------------------------------------------------------------------------------- */

#define MAX_CODE 999

struct qgroup {
    char *name;
    char *title;
    int *codes;
    size_t n;
};

struct quiz_bank {
    struct hs_db *db;
    int ascii;
    struct hs_entries all;              /* every code, in code order */
    struct hs_code *code[MAX_CODE + 1]; /* loaded when first needed */
    struct qgroup *groups;              /* every comparison group, by its lowest code */
    size_t n_groups;
    struct hs_scenario *sc;
    size_t n_sc;
};

static const struct hs_entry *entry_of(const struct quiz_bank *b, int code)
{
    size_t lo = 0, hi = b->all.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->all.v[mid].code == code)
            return &b->all.v[mid];
        if (b->all.v[mid].code < code)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* The whole record of a code (owned by the bank). */
static enum hs_status code_of(struct quiz_bank *b, int code, struct hs_code **out)
{
    *out = NULL;
    if (code < 0 || code > MAX_CODE)
        return HS_NOTFOUND;
    if (!b->code[code]) {
        enum hs_status s = hsdb_code(b->db, code, &b->code[code]);
        if (s != HS_OK)
            return s;
    }
    *out = b->code[code];
    return HS_OK;
}

static int in_list(const int *v, size_t n, int x)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] == x)
            return 1;
    return 0;
}

static enum hs_status load_groups(struct quiz_bank *b)
{
    size_t cap = 0;
    for (size_t i = 0; i < b->all.n; i++) {
        struct hs_group *g;
        size_t ng;
        enum hs_status s = hsdb_groups_of(b->db, b->all.v[i].code, &g, &ng);
        if (s != HS_OK)
            return s;
        for (size_t k = 0; k < ng; k++) {
            int have = 0;
            for (size_t j = 0; j < b->n_groups && !have; j++)
                have = strcmp(b->groups[j].name, g[k].name) == 0;
            if (have)
                continue;
            if (b->n_groups == cap) {
                cap = cap ? cap * 2 : 16;
                b->groups = xrealloc(b->groups, cap * sizeof *b->groups);
            }
            struct qgroup *q = &b->groups[b->n_groups++];
            q->name = xstrdup(g[k].name);
            q->title = xstrdup(g[k].title);
            q->n = g[k].n;
            q->codes = xcalloc(g[k].n ? g[k].n : 1, sizeof *q->codes);
            memcpy(q->codes, g[k].codes, g[k].n * sizeof *q->codes);
        }
        hs_groups_free(g, ng);
    }
    return HS_OK;
}

enum hs_status quiz_bank_load(struct hs_db *db, int ascii, struct quiz_bank **out)
{
    struct quiz_bank *b = xcalloc(1, sizeof *b);
    b->db = db;
    b->ascii = ascii;
    *out = NULL;
    enum hs_status s = hsdb_list(db, HS_ALL_CLASSES, &b->all);
    if (s == HS_OK)
        s = load_groups(b);
    if (s == HS_OK) {
        s = hsdb_scenarios(db, &b->sc, &b->n_sc);
        if (s == HS_NOTFOUND)
            s = HS_OK;
    }
    if (s != HS_OK) {
        quiz_bank_free(b);
        return s;
    }
    *out = b;
    return HS_OK;
}

void quiz_bank_free(struct quiz_bank *b)
{
    if (!b)
        return;
    hs_entries_free(&b->all);
    for (int i = 0; i <= MAX_CODE; i++)
        hs_code_free(b->code[i]);
    for (size_t i = 0; i < b->n_groups; i++) {
        free(b->groups[i].name);
        free(b->groups[i].title);
        free(b->groups[i].codes);
    }
    free(b->groups);
    hs_scenarios_free(b->sc, b->n_sc);
    free(b);
}

static int in_any_group(const struct quiz_bank *b, int code)
{
    for (size_t i = 0; i < b->n_groups; i++)
        if (in_list(b->groups[i].codes, b->groups[i].n, code))
            return 1;
    return 0;
}

static int is_scenario_best(const struct quiz_bank *b, int code)
{
    for (size_t i = 0; i < b->n_sc; i++)
        if (b->sc[i].best == code)
            return 1;
    return 0;
}

int quiz_code_class(const struct quiz_bank *b, int code)
{
    const struct hs_entry *e = entry_of(b, code);
    return e ? e->klass : -1;
}

int quiz_code_top10(const struct quiz_bank *b, int code)
{
    const struct hs_entry *e = entry_of(b, code);
    return e ? e->top10 : 0;
}

char *quiz_group_names(const struct quiz_bank *b)
{
    struct sb s;
    sb_init(&s);
    sb_puts(&s, "");
    for (size_t i = 0; i < b->n_groups; i++) {
        if (i)
            sb_puts(&s, ", ");
        txt_sanitize_into(&s, b->groups[i].name, strlen(b->groups[i].name), 0, b->ascii);
    }
    return sb_steal(&s);
}

/* ---- selection ------------------------------------------------------------------------------ */

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

struct intvec {
    int *v;
    size_t n, cap;
};

static void iv_push(struct intvec *a, int x)
{
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 32;
        a->v = xrealloc(a->v, a->cap * sizeof *a->v);
    }
    a->v[a->n++] = x;
}

static void iv_push_new(struct intvec *a, int x)
{
    if (!in_list(a->v, a->n, x))
        iv_push(a, x);
}

/* 3 digits -> 1; "4xx" -> 2; else 0. */
static int word_kind(const char *s, int *value)
{
    if (strlen(s) != 3)
        return 0;
    if (s[0] >= '0' && s[0] <= '9' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9') {
        *value = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
        return 1;
    }
    if (s[0] >= '0' && s[0] <= '9' && (s[1] == 'x' || s[1] == 'X') && (s[2] == 'x' || s[2] == 'X')) {
        *value = s[0] - '0';
        return 2;
    }
    return 0;
}

enum hs_status quiz_select(struct quiz_bank *b, char *const *words, int n, int **codes, size_t *n_codes, int *bad)
{
    struct intvec out = {0};
    *codes = NULL;
    *n_codes = 0;
    *bad = -1;
    if (n == 0) {
        for (size_t i = 0; i < b->all.n; i++) {
            const struct hs_entry *e = &b->all.v[i];
            if (e->status == 's' && (e->top10 || in_any_group(b, e->code) || is_scenario_best(b, e->code)))
                iv_push(&out, e->code);
        }
    }
    for (int w = 0; w < n; w++) {
        int value, found = 0;
        int k = word_kind(words[w], &value);
        if (k == 1 && entry_of(b, value)) {
            iv_push_new(&out, value);
            found = 1;
        } else if (k == 2) {
            /* the class's standard codes; a class without any (0xx: 000) gives all of its */
            for (int any = 0; any < 2 && !found; any++)
                for (size_t i = 0; i < b->all.n; i++)
                    if (b->all.v[i].klass == value && (any || b->all.v[i].status == 's')) {
                        iv_push_new(&out, b->all.v[i].code);
                        found = 1;
                    }
        } else {
            for (size_t g = 0; g < b->n_groups; g++)
                if (strcmp(b->groups[g].name, words[w]) == 0) {
                    for (size_t i = 0; i < b->groups[g].n; i++)
                        iv_push_new(&out, b->groups[g].codes[i]);
                    found = 1;
                }
        }
        if (!found) {
            free(out.v);
            *bad = w;
            return HS_NOTFOUND;
        }
    }
    if (out.n == 0) {
        free(out.v);
        return HS_NOTFOUND;
    }
    qsort(out.v, out.n, sizeof *out.v, cmp_int);
    *codes = out.v;
    *n_codes = out.n;
    return HS_OK;
}

/* ---- texts ------------------------------------------------------------------------------------ */

static void put_clean(struct sb *s, const struct quiz_bank *b, const char *raw)
{
    if (raw)
        txt_sanitize_into(s, raw, strlen(raw), 0, b->ascii);
}

static void put_label(struct sb *s, const struct quiz_bank *b, int code)
{
    const struct hs_entry *e = entry_of(b, code);
    sb_printf(s, "%03d", code);
    if (e) {
        sb_putc(s, ' ');
        put_clean(s, b, e->phrase);
    }
}

char *quiz_code_label(struct quiz_bank *b, int code)
{
    if (!entry_of(b, code))
        return NULL;
    struct sb s;
    sb_init(&s);
    put_label(&s, b, code);
    return sb_steal(&s);
}

char *quiz_code_meaning(struct quiz_bank *b, int code)
{
    const struct hs_entry *e = entry_of(b, code);
    if (!e)
        return NULL;
    return txt_sanitize(e->summary ? e->summary : "", 0, b->ascii);
}

/* A sentence ends with a full stop (or ? or !) before another is added after it. */
static void end_sentence(struct sb *s)
{
    if (s->len && !strchr(".?!", s->buf[s->len - 1]))
        sb_putc(s, '.');
}

/* ---- distractors ----------------------------------------------------------------------------- */

/* Candidate wrong options for answer, best first, in tiers: `first` (a scenario's tempting
 * codes, or a group's other codes), the answer's comparison groups, its related codes of the
 * same class, the standard codes of its class, the rest of its class, and only then other
 * standard codes. Each tier is shuffled on its own, so the same seed gives the same pick. */
struct picker {
    struct quiz_bank *b;
    struct quiz_rng *r;
    int answer;
    const int *exclude;        /* never offered (codes also accepted) */
    size_t n_exclude;
    int distinct_meaning;      /* the options show meanings: no two may read the same */
    int chosen[QUIZ_OPTIONS - 1];
    size_t n;
};

static int acceptable(const struct picker *p, int code)
{
    if (code == p->answer || in_list(p->exclude, p->n_exclude, code) || in_list(p->chosen, p->n, code))
        return 0;
    const struct hs_entry *e = entry_of(p->b, code);
    if (!e)
        return 0;
    if (p->distinct_meaning) {
        const struct hs_entry *a = entry_of(p->b, p->answer);
        if (a && strcmp(a->summary, e->summary) == 0)
            return 0;
        for (size_t i = 0; i < p->n; i++) {
            const struct hs_entry *c = entry_of(p->b, p->chosen[i]);
            if (c && strcmp(c->summary, e->summary) == 0)
                return 0;
        }
    }
    return 1;
}

static void take_tier(struct picker *p, struct intvec *tier)
{
    quiz_shuffle(p->r, tier->v, tier->n);
    for (size_t i = 0; i < tier->n && p->n < QUIZ_OPTIONS - 1; i++)
        if (acceptable(p, tier->v[i]))
            p->chosen[p->n++] = tier->v[i];
    tier->n = 0;
}

static enum hs_status pick_distractors(struct picker *p, const int *first, size_t n_first)
{
    struct quiz_bank *b = p->b;
    struct intvec t = {0};
    int klass = quiz_code_class(b, p->answer);
    for (size_t i = 0; i < n_first; i++)
        iv_push_new(&t, first[i]);
    take_tier(p, &t);
    for (size_t g = 0; g < b->n_groups; g++)
        if (in_list(b->groups[g].codes, b->groups[g].n, p->answer))
            for (size_t i = 0; i < b->groups[g].n; i++)
                iv_push_new(&t, b->groups[g].codes[i]);
    take_tier(p, &t);
    if (p->n < QUIZ_OPTIONS - 1) {
        struct hs_code *c;
        enum hs_status s = code_of(b, p->answer, &c);
        if (s != HS_OK) {
            free(t.v);
            return s;
        }
        for (size_t i = 0; i < c->n_related; i++)
            if (quiz_code_class(b, c->related[i].code) == klass)
                iv_push_new(&t, c->related[i].code);
        take_tier(p, &t);
    }
    for (int pass = 0; pass < 3 && p->n < QUIZ_OPTIONS - 1; pass++) {
        for (size_t i = 0; i < b->all.n; i++) {
            const struct hs_entry *e = &b->all.v[i];
            int same = e->klass == klass, std = e->status == 's';
            if ((pass == 0 && same && std) || (pass == 1 && same && !std) || (pass == 2 && !same && std))
                iv_push(&t, e->code);
        }
        take_tier(p, &t);
    }
    free(t.v);
    return p->n == QUIZ_OPTIONS - 1 ? HS_OK : HS_NOTFOUND;
}

/* ---- explanations ---------------------------------------------------------------------------- */

/* Comparison rows a question may be about: attributes, not the class, status, source or
 * summary (compare.c's labels). */
static int attribute_row(const struct cmp_row *row)
{
    static const char *const skip[] = {"Class", "Status", "Defined in", "Summary"};
    for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
        if (strcmp(row->label, skip[i]) == 0)
            return 0;
    return 1;
}

/* A row's whole label: "Method on redirect". */
static void put_row_label(struct sb *s, const struct cmp_row *row)
{
    sb_puts(s, row->label);
    if (row->label2)
        sb_printf(s, " %s", row->label2);
}

/* "Permanence: 308 permanent, 307 temporary; ..." for the attribute rows where the two
 * codes differ; nothing when none does. */
static enum hs_status put_differences(struct sb *s, struct quiz_bank *b, int x, int answer)
{
    struct hs_code *c[2];
    enum hs_status st = code_of(b, x, &c[0]);
    if (st == HS_OK)
        st = code_of(b, answer, &c[1]);
    if (st != HS_OK)
        return st;
    struct cmp_table *t = cmp_build(c, 2, b->ascii);
    int n = 0;
    for (size_t r = 0; r < t->n_rows && n < 3; r++) {
        const struct cmp_row *row = &t->rows[r];
        if (!attribute_row(row) || strcmp(row->cells[0], row->cells[1]) == 0)
            continue;
        sb_puts(s, n++ ? "; " : " How they differ: ");
        put_row_label(s, row);
        sb_printf(s, ": %03d %s, %03d %s", x, row->cells[0], answer, row->cells[1]);
    }
    if (n)
        sb_putc(s, '.');
    cmp_free(t);
    return HS_OK;
}

static int share_group(const struct quiz_bank *b, int x, int y)
{
    for (size_t g = 0; g < b->n_groups; g++)
        if (in_list(b->groups[g].codes, b->groups[g].n, x) && in_list(b->groups[g].codes, b->groups[g].n, y))
            return 1;
    return 0;
}

/* Whether text names code as a number of its own ("that is 400", not "4001"). */
static int names_code(const char *text, int code)
{
    char num[8];
    snprintf(num, sizeof num, "%03d", code);
    for (const char *p = text; p && (p = strstr(p, num)) != NULL; p++) {
        int before = p > text && p[-1] >= '0' && p[-1] <= '9';
        int after = p[3] >= '0' && p[3] <= '9';
        if (!before && !after)
            return 1;
    }
    return 0;
}

/* Why option x is wrong when answer is right, best source first: the scenario's own line
 * for x; x's "not when" if it names the answer; the answer's related-code reason for x;
 * x's related-code reason for the answer (with what x means); else what x means. Then,
 * for codes of one comparison group (or a compare question), the rows where they differ.
 * Caller frees. */
static enum hs_status why_not(struct quiz_bank *b, int x, int answer, const struct hs_scenario *sc, int compare, char **out)
{
    struct hs_code *a, *c;
    enum hs_status st = code_of(b, answer, &a);
    if (st == HS_OK)
        st = code_of(b, x, &c);
    if (st != HS_OK)
        return st;
    struct sb s;
    sb_init(&s);
    put_label(&s, b, x);
    int said = 0;
    if (sc)
        for (size_t i = 0; i < sc->n_wrong && !said; i++)
            if (sc->wrong[i].code == x) {
                sb_puts(&s, ": ");
                put_clean(&s, b, sc->wrong[i].reason);
                said = 1;
            }
    if (!said && c->not_when && names_code(c->not_when, answer)) {
        sb_puts(&s, " — not when: ");
        put_clean(&s, b, c->not_when);
        said = 1;
    }
    for (size_t i = 0; i < a->n_related && !said; i++)
        if (a->related[i].code == x) {
            sb_puts(&s, " — ");
            put_clean(&s, b, a->related[i].reason);
            said = 1;
        }
    for (size_t i = 0; i < c->n_related && !said; i++)
        if (c->related[i].code == answer) {
            sb_puts(&s, ": ");
            put_clean(&s, b, c->e.summary);
            end_sentence(&s);
            sb_putc(&s, ' ');
            put_label(&s, b, answer);
            sb_puts(&s, " — ");
            put_clean(&s, b, c->related[i].reason);
            said = 1;
        }
    if (!said) {
        sb_puts(&s, " means: ");
        put_clean(&s, b, c->e.summary);
    }
    end_sentence(&s);
    if (compare || share_group(b, x, answer)) {
        st = put_differences(&s, b, x, answer);
        if (st != HS_OK) {
            sb_free(&s);
            return st;
        }
    }
    *out = sb_steal(&s);
    return HS_OK;
}

/* "404 Not Found: summary. Use it when: ..." */
static enum hs_status why_code(struct quiz_bank *b, int code, char **out)
{
    struct hs_code *c;
    enum hs_status st = code_of(b, code, &c);
    if (st != HS_OK)
        return st;
    struct sb s;
    sb_init(&s);
    put_label(&s, b, code);
    sb_puts(&s, ": ");
    put_clean(&s, b, c->e.summary);
    end_sentence(&s);
    if (c->use_when && *c->use_when) {
        sb_puts(&s, " Use it when: ");
        put_clean(&s, b, c->use_when);
        end_sentence(&s);
    }
    *out = sb_steal(&s);
    return HS_OK;
}

/* ---- questions -------------------------------------------------------------------------------- */

static void question_free(struct quiz_question *q)
{
    free(q->id);
    free(q->prompt);
    free(q->note);
    free(q->answer_label);
    free(q->why);
    for (int i = 0; i < QUIZ_OPTIONS; i++) {
        free(q->opt[i].text);
        free(q->opt[i].why_not);
    }
    memset(q, 0, sizeof *q);
}

void quiz_free(struct quiz *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->n; i++)
        question_free(&q->q[i]);
    free(q->q);
    free(q);
}

/* Put answer and distractors in a random order and fill the options' texts and reasons. */
static enum hs_status fill_options(struct quiz_bank *b, struct quiz_rng *r, struct quiz_question *q,
                                   const int *distractors, int meaning_texts, const struct hs_scenario *sc)
{
    int order[QUIZ_OPTIONS] = {q->code, distractors[0], distractors[1], distractors[2]};
    quiz_shuffle(r, order, QUIZ_OPTIONS);
    for (int i = 0; i < QUIZ_OPTIONS; i++) {
        struct quiz_option *o = &q->opt[i];
        o->code = order[i];
        o->text = meaning_texts ? quiz_code_meaning(b, order[i]) : quiz_code_label(b, order[i]);
        if (order[i] == q->code) {
            q->answer = i;
            continue;
        }
        enum hs_status s = why_not(b, order[i], q->code, sc, q->kind == QUIZ_COMPARE, &o->why_not);
        if (s != HS_OK)
            return s;
    }
    q->answer_label = quiz_code_label(b, q->code);
    return HS_OK;
}

static char *fmt_id(const char *kind, int code, const char *extra)
{
    struct sb s;
    sb_init(&s);
    sb_printf(&s, "%s:%03d", kind, code);
    if (extra)
        sb_printf(&s, ":%s", extra);
    return sb_steal(&s);
}

static enum hs_status make_meaning(struct quiz_bank *b, struct quiz_rng *r, int code, struct quiz_question *q)
{
    struct picker p = {.b = b, .r = r, .answer = code, .distinct_meaning = 1};
    enum hs_status s = pick_distractors(&p, NULL, 0);
    if (s != HS_OK)
        return s;
    q->kind = QUIZ_MEANING;
    q->code = code;
    q->id = fmt_id("meaning", code, NULL);
    struct sb t;
    sb_init(&t);
    sb_printf(&t, "What does %03d mean?", code);
    q->prompt = sb_steal(&t);
    if ((s = why_code(b, code, &q->why)) != HS_OK)
        return s;
    return fill_options(b, r, q, p.chosen, 1, NULL);
}

static enum hs_status make_code(struct quiz_bank *b, struct quiz_rng *r, int code, struct quiz_question *q)
{
    struct picker p = {.b = b, .r = r, .answer = code, .distinct_meaning = 1};
    enum hs_status s = pick_distractors(&p, NULL, 0);
    if (s != HS_OK)
        return s;
    q->kind = QUIZ_CODE;
    q->code = code;
    q->id = fmt_id("code", code, NULL);
    struct sb t;
    sb_init(&t);
    sb_puts(&t, "Which code means: ");
    const struct hs_entry *e = entry_of(b, code);
    put_clean(&t, b, e->summary);
    q->prompt = sb_steal(&t);
    if ((s = why_code(b, code, &q->why)) != HS_OK)
        return s;
    return fill_options(b, r, q, p.chosen, 0, NULL);
}

static enum hs_status make_scenario(struct quiz_bank *b, struct quiz_rng *r, const struct hs_scenario *sc,
                                    struct quiz_question *q)
{
    int wrong[16];
    size_t n_wrong = 0;
    for (size_t i = 0; i < sc->n_wrong && n_wrong < 16; i++)
        wrong[n_wrong++] = sc->wrong[i].code;
    struct picker p = {.b = b, .r = r, .answer = sc->best, .exclude = sc->also, .n_exclude = sc->n_also};
    enum hs_status s = pick_distractors(&p, wrong, n_wrong);
    if (s != HS_OK)
        return s;
    q->kind = QUIZ_SCENARIO;
    q->code = sc->best;
    struct sb t;
    sb_init(&t);
    sb_puts(&t, "scenario:");
    put_clean(&t, b, sc->id);
    q->id = sb_steal(&t);
    sb_init(&t);
    put_clean(&t, b, sc->situation);
    end_sentence(&t);
    sb_puts(&t, " Which code should the server send?");
    q->prompt = sb_steal(&t);
    if (sc->convention && *sc->convention)
        q->note = txt_sanitize(sc->convention, 0, b->ascii);
    sb_init(&t);
    put_label(&t, b, sc->best);
    sb_puts(&t, names_code(sc->why, sc->best) && strncmp(sc->why, t.buf, 3) == 0 ? ". " : ": ");
    put_clean(&t, b, sc->why);
    end_sentence(&t);
    if (sc->n_also) {
        sb_puts(&t, " Also accepted: ");
        for (size_t i = 0; i < sc->n_also; i++) {
            if (i)
                sb_puts(&t, ", ");
            put_label(&t, b, sc->also[i]);
        }
        sb_putc(&t, '.');
    }
    q->why = sb_steal(&t);
    return fill_options(b, r, q, p.chosen, 0, sc);
}

/* The first group (in corpus order) holding code, or NULL. */
static const struct qgroup *group_of(const struct quiz_bank *b, int code, struct quiz_rng *r)
{
    const struct qgroup *found[16];
    size_t n = 0;
    for (size_t g = 0; g < b->n_groups && n < 16; g++)
        if (in_list(b->groups[g].codes, b->groups[g].n, code))
            found[n++] = &b->groups[g];
    return n ? found[quiz_rng_below(r, n)] : NULL;
}

/* A compare question: "which of these has <row> <value> (and <row> <value>)?", with rows
 * that tell the answer apart from every other option; when no one or two rows do, the
 * summary does. */
static enum hs_status make_compare(struct quiz_bank *b, struct quiz_rng *r, int code, struct quiz_question *q)
{
    const struct qgroup *g = group_of(b, code, r);
    if (!g)
        return HS_NOTFOUND;
    struct picker p = {.b = b, .r = r, .answer = code};
    enum hs_status s = pick_distractors(&p, g->codes, g->n);
    if (s != HS_OK)
        return s;
    int codes[QUIZ_OPTIONS] = {code, p.chosen[0], p.chosen[1], p.chosen[2]};
    struct hs_code *c[QUIZ_OPTIONS];
    for (int i = 0; i < QUIZ_OPTIONS; i++)
        if ((s = code_of(b, codes[i], &c[i])) != HS_OK)
            return s;
    struct cmp_table *t = cmp_build(c, QUIZ_OPTIONS, b->ascii);
    /* Usable rows: attributes where the answer has a value. */
    size_t rows[32], n_rows = 0;
    for (size_t i = 0; i < t->n_rows && n_rows < 32; i++) {
        const char *cell = t->rows[i].cells[0];
        if (attribute_row(&t->rows[i]) && strcmp(cell, "-") != 0 && strcmp(cell, "none") != 0)
            rows[n_rows++] = i;
    }
    /* tells[k] bit j: row rows[k] tells the answer from option j. */
    unsigned tells[32] = {0};
    for (size_t k = 0; k < n_rows; k++)
        for (int j = 1; j < QUIZ_OPTIONS; j++)
            if (strcmp(t->rows[rows[k]].cells[0], t->rows[rows[k]].cells[j]) != 0)
                tells[k] |= 1u << j;
    const unsigned all = ((1u << QUIZ_OPTIONS) - 1) & ~1u;
    long one = -1, two_a = -1, two_b = -1;
    for (size_t k = 0; k < n_rows && one < 0; k++)
        if (tells[k] == all)
            one = (long)k;
    for (size_t k = 0; k < n_rows && one < 0 && two_a < 0; k++)
        for (size_t m = k + 1; m < n_rows && two_a < 0; m++)
            if ((tells[k] | tells[m]) == all) {
                two_a = (long)k;
                two_b = (long)m;
            }
    q->kind = QUIZ_COMPARE;
    q->code = code;
    q->id = fmt_id("compare", code, g->name);
    q->note = txt_sanitize(g->title, 0, b->ascii);
    struct sb pr, why;
    sb_init(&pr);
    sb_init(&why);
    put_label(&why, b, code);
    if (one >= 0 || two_a >= 0) {
        const struct cmp_row *r1 = &t->rows[rows[one >= 0 ? one : two_a]];
        sb_puts(&pr, "Which of these codes has ");
        sb_puts(&why, " has ");
        put_row_label(&pr, r1);
        put_row_label(&why, r1);
        sb_printf(&pr, " \"%s\"", r1->cells[0]);
        sb_printf(&why, " \"%s\"", r1->cells[0]);
        if (one < 0) {
            const struct cmp_row *r2 = &t->rows[rows[two_b]];
            sb_puts(&pr, " and ");
            sb_puts(&why, " and ");
            put_row_label(&pr, r2);
            put_row_label(&why, r2);
            sb_printf(&pr, " \"%s\"", r2->cells[0]);
            sb_printf(&why, " \"%s\"", r2->cells[0]);
        }
        sb_puts(&pr, "?");
        sb_puts(&why, ". ");
        const struct hs_entry *e = entry_of(b, code);
        put_clean(&why, b, e->summary);
        end_sentence(&why);
    } else {
        sb_puts(&pr, "Which of these codes means: ");
        const struct hs_entry *e = entry_of(b, code);
        put_clean(&pr, b, e->summary);
        sb_puts(&why, ": ");
        put_clean(&why, b, e->summary);
        end_sentence(&why);
    }
    cmp_free(t);
    q->prompt = sb_steal(&pr);
    q->why = sb_steal(&why);
    return fill_options(b, r, q, p.chosen, 0, NULL);
}

/* ---- the quiz ---------------------------------------------------------------------------------- */

/* What a question is about before it is made: a code (and a kind, for mixed quizzes), or a
 * scenario. */
struct slot {
    int code;
    long scenario;        /* index into b->sc, or -1 */
};

static int has_group(const struct quiz_bank *b, int code)
{
    return in_any_group(b, code);
}

/* Scenarios whose best answer is code. */
static size_t scenarios_for(const struct quiz_bank *b, int code, long *out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < b->n_sc && n < max; i++)
        if (b->sc[i].best == code)
            out[n++] = (long)i;
    return n;
}

static enum hs_status make_one(struct quiz_bank *b, struct quiz_rng *r, enum quiz_kind kind, const struct slot *sl,
                               struct quiz_question *q)
{
    if (kind == QUIZ_MIXED) {
        enum quiz_kind can[4];
        size_t n = 0;
        long sc[64];
        size_t n_sc = scenarios_for(b, sl->code, sc, 64);
        can[n++] = QUIZ_MEANING;
        can[n++] = QUIZ_CODE;
        if (n_sc)
            can[n++] = QUIZ_SCENARIO;
        if (has_group(b, sl->code))
            can[n++] = QUIZ_COMPARE;
        kind = can[quiz_rng_below(r, n)];
        if (kind == QUIZ_SCENARIO)
            return make_scenario(b, r, &b->sc[sc[quiz_rng_below(r, n_sc)]], q);
    }
    switch (kind) {
    case QUIZ_MEANING:
        return make_meaning(b, r, sl->code, q);
    case QUIZ_CODE:
        return make_code(b, r, sl->code, q);
    case QUIZ_SCENARIO:
        return make_scenario(b, r, &b->sc[sl->scenario], q);
    case QUIZ_COMPARE:
        return make_compare(b, r, sl->code, q);
    default:
        return HS_NOTFOUND;
    }
}

enum hs_status quiz_make(struct quiz_bank *b, enum quiz_kind kind, const int *codes, size_t n_codes,
                         int count, uint64_t seed, struct quiz **out)
{
    *out = NULL;
    if (count < 1 || count > QUIZ_MAX_COUNT || kind >= QUIZ_N_KINDS)
        return HS_NOTFOUND;
    /* The slots, in a fixed order (codes ascending, scenarios in corpus order). */
    struct slot *slots = xcalloc(n_codes + b->n_sc + 1, sizeof *slots);
    size_t n_slots = 0;
    if (kind == QUIZ_SCENARIO) {
        for (size_t i = 0; i < b->n_sc; i++)
            if (in_list(codes, n_codes, b->sc[i].best))
                slots[n_slots++] = (struct slot){b->sc[i].best, (long)i};
    } else {
        for (size_t i = 0; i < n_codes; i++)
            if (entry_of(b, codes[i]) && (kind != QUIZ_COMPARE || has_group(b, codes[i])))
                slots[n_slots++] = (struct slot){codes[i], -1};
    }
    if (n_slots == 0) {
        free(slots);
        return HS_NOTFOUND;
    }
    struct quiz *qz = xcalloc(1, sizeof *qz);
    qz->kind = kind;
    qz->seed = seed;
    qz->q = xcalloc((size_t)count, sizeof *qz->q);
    struct quiz_rng r;
    quiz_rng_seed(&r, seed);
    int *order = xcalloc(n_slots, sizeof *order);
    enum hs_status s = HS_OK;
    while (qz->n < (size_t)count && s == HS_OK) {
        for (size_t i = 0; i < n_slots; i++)
            order[i] = (int)i;
        quiz_shuffle(&r, order, n_slots);
        size_t made = 0;
        for (size_t i = 0; i < n_slots && qz->n < (size_t)count; i++) {
            struct quiz_question *q = &qz->q[qz->n];
            s = make_one(b, &r, kind, &slots[order[i]], q);
            if (s == HS_NOTFOUND) {       /* too few codes for four options: skip it */
                question_free(q);
                s = HS_OK;
                continue;
            }
            if (s != HS_OK) {
                question_free(q);
                break;
            }
            qz->n++;
            made++;
        }
        if (made == 0 && s == HS_OK)
            s = HS_NOTFOUND;
    }
    free(order);
    free(slots);
    if (s != HS_OK) {
        quiz_free(qz);
        return s;
    }
    *out = qz;
    return HS_OK;
}

/* ---- answers and score ----------------------------------------------------------------------- */

int quiz_parse_answer(const struct quiz_question *q, const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    size_t n = strlen(line);
    while (n && (line[n - 1] == ' ' || line[n - 1] == '\t' || line[n - 1] == '\r' || line[n - 1] == '\n'))
        n--;
    if (n == 1 || (n == 2 && line[1] == ')')) {
        char c = line[0];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c >= 'a' && c < 'a' + QUIZ_OPTIONS)
            return c - 'a';
        if (c >= '1' && c < '1' + QUIZ_OPTIONS)
            return c - '1';
        return -1;
    }
    if (n == 3) {
        int v = 0;
        for (size_t i = 0; i < 3; i++) {
            if (line[i] < '0' || line[i] > '9')
                return -1;
            v = v * 10 + (line[i] - '0');
        }
        for (int i = 0; i < QUIZ_OPTIONS; i++)
            if (q->opt[i].code == v)
                return i;
    }
    return -1;
}

int quiz_score_add(struct quiz_score *s, const struct quiz_question *q, int chosen)
{
    s->asked++;
    if (chosen == q->answer) {
        s->correct++;
        return 1;
    }
    if (!in_list(s->review, s->n_review, q->code)) {
        if (s->n_review == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 8;
            s->review = xrealloc(s->review, s->cap * sizeof *s->review);
        }
        s->review[s->n_review++] = q->code;
    }
    return 0;
}

void quiz_score_free(struct quiz_score *s)
{
    free(s->review);
    memset(s, 0, sizeof *s);
}
