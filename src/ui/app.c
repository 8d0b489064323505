/* app.c — the browser's state and the actions views and the driver share: the list's rows
 * and their pages, selecting and loading a code, following links and the history, number
 * jumping, running and closing a search. No curses calls and no view calls here. */
#include "app.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "../query.h"
#include "../text.h"
#include "term.h"

/* Rows of a class's codes fetched at a time. */
#define PAGE_ROWS 128

long long app_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void app_message(struct app *a, int error, const char *fmt, ...)
{
    char raw[sizeof a->message];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(raw, sizeof raw, fmt, ap);
    va_end(ap);
    char *clean = txt_sanitize(raw, 0, a->ascii);
    snprintf(a->message, sizeof a->message, "%s", clean);
    free(clean);
    a->msg_error = error;
}

int app_db_failed(struct app *a)
{
    free(a->err);
    a->err = xstrdup(hsdb_error(a->db));
    return UI_QUIT;
}

static int valid_class(int k)
{
    return k >= 0 && k < HS_N_CLASSES;
}

/* ---- the list's rows ------------------------------------------------------------------- */

static int page_has(const struct page *p, size_t lo, size_t hi)
{
    return p->e.v && lo >= p->offset && hi < p->offset + p->e.n;
}

/* Load the page of class klass that holds its codes lo..hi. 0 when they are not there. */
static int load_page(struct app *a, int klass, size_t lo, size_t hi)
{
    struct page *p = &a->pages[klass];
    if (page_has(p, lo, hi))
        return 1;
    hs_entries_free(&p->e);
    p->offset = lo > PAGE_ROWS / 4 ? lo - PAGE_ROWS / 4 : 0;
    size_t n = hi - p->offset + 1 > PAGE_ROWS ? hi - p->offset + 1 + PAGE_ROWS / 4 : PAGE_ROWS;
    enum hs_status s = hsdb_list_page(a->db, klass, p->offset, n, &p->e);
    if (s != HS_OK && s != HS_NOTFOUND)
        app_db_failed(a);
    return s == HS_OK && page_has(p, lo, hi);
}

static const struct hs_entry *placeholder(struct app *a)
{
    a->placeholder.phrase = a->placeholder.summary = (char *)"";
    return &a->placeholder;
}

const struct hs_entry *app_item_loaded(struct app *a, const struct item *it)
{
    if (it->kind == ITEM_HIT)
        return &a->hits.v[it->idx].e;
    if (it->kind != ITEM_CODE || !valid_class(it->klass))
        return NULL;
    const struct page *p = &a->pages[it->klass];
    if (!page_has(p, it->idx, it->idx))
        return placeholder(a);
    return &p->e.v[it->idx - p->offset];
}

const struct hs_entry *app_item_entry(struct app *a, const struct item *it)
{
    if (it->kind == ITEM_CODE && valid_class(it->klass) && !load_page(a, it->klass, it->idx, it->idx))
        return placeholder(a);
    return app_item_loaded(a, it);
}

void app_load_rows(struct app *a, size_t top, size_t rows)
{
    if (a->results)
        return;
    size_t lo[HS_N_CLASSES], hi[HS_N_CLASSES];
    int any[HS_N_CLASSES] = {0};
    for (size_t i = top; i < a->n_items && i < top + rows; i++) {
        struct item it = app_item(a, i);
        if (it.kind != ITEM_CODE)
            continue;
        if (!any[it.klass]) {
            any[it.klass] = 1;
            lo[it.klass] = it.idx;
        }
        hi[it.klass] = it.idx;
    }
    for (int k = 0; k < HS_N_CLASSES && !a->err; k++)
        if (any[k])
            load_page(a, k, lo[k], hi[k]);
}

static void drop_pages(struct app *a)
{
    for (int k = 0; k < HS_N_CLASSES; k++) {
        hs_entries_free(&a->pages[k].e);
        a->pages[k].offset = 0;
    }
}

struct item app_item(struct app *a, size_t i)
{
    if (a->results) {
        if (a->hits.n == 0)
            return (struct item){ITEM_NOTE, 0, 0};
        return (struct item){ITEM_HIT, 0, i};
    }
    for (int k = 0; k < HS_N_CLASSES; k++) {
        if (!a->counts[k])
            continue;
        if (i == 0)
            return (struct item){ITEM_CLASS, k, 0};
        i--;
        size_t n = a->folded[k] ? 0 : a->counts[k];
        if (i < n)
            return (struct item){ITEM_CODE, k, i};
        i -= n;
    }
    return (struct item){ITEM_NOTE, 0, 0};
}

/* Row of the list pane for a class heading, or for the idx-th code of the class. */
static size_t row_of(const struct app *a, int klass, int heading, size_t idx)
{
    size_t row = 0;
    for (int k = 0; k < HS_N_CLASSES; k++) {
        if (!a->counts[k])
            continue;
        if (k == klass)
            return heading ? row : row + 1 + idx;
        row += 1 + (a->folded[k] ? 0 : a->counts[k]);
    }
    return 0;
}

static int item_code(struct app *a, size_t i)
{
    struct item it = app_item(a, i);
    const struct hs_entry *e = app_item_entry(a, &it);
    return e ? e->code : NO_CODE;
}

void app_rebuild_items(struct app *a)
{
    /* Keep the selection on the same code or heading where it still exists. */
    int old_code = NO_CODE, old_class = -1;
    if (a->n_items && a->sel < a->n_items) {
        struct item old = app_item(a, a->sel);
        if (old.kind == ITEM_CLASS)
            old_class = old.klass;
        else
            old_code = item_code(a, a->sel);
    }
    if (a->results) {
        a->n_items = a->hits.n ? a->hits.n : 1;
    } else {
        a->n_items = 0;
        for (int k = 0; k < HS_N_CLASSES; k++)
            if (a->counts[k])
                a->n_items += 1 + (a->folded[k] ? 0 : a->counts[k]);
    }
    a->sel = 0;
    if (old_code != NO_CODE) {
        if (a->results) {
            for (size_t i = 0; i < a->hits.n; i++)
                if (a->hits.v[i].e.code == old_code)
                    a->sel = i;
        } else {
            int k;
            size_t idx;
            if (hsdb_code_position(a->db, old_code, &k, &idx) == HS_OK && valid_class(k))
                a->sel = a->folded[k] ? row_of(a, k, 1, 0) : row_of(a, k, 0, idx);
        }
    } else if (old_class >= 0 && !a->results) {
        a->sel = row_of(a, old_class, 1, 0);
    }
    if (a->sel >= a->n_items)
        a->sel = a->n_items ? a->n_items - 1 : 0;
    if (a->top > a->sel)
        a->top = a->sel;
}

/* The class counts and the rows again, for the filter now set (standard only or all). */
static int refilter(struct app *a)
{
    drop_pages(a);
    enum hs_status s = hsdb_class_counts(a->db, a->counts);
    if (s != HS_OK)
        return app_db_failed(a);
    a->total = 0;
    for (int k = 0; k < HS_N_CLASSES; k++)
        a->total += a->counts[k];
    return UI_REDRAW;
}

int app_set_standard(struct app *a, int on)
{
    if (a->results)
        app_search_close(a, 0);
    int code = a->cur_code;
    int klass = -1;
    if (!code && a->n_items) {
        struct item it = app_item(a, a->sel);
        if (it.kind == ITEM_CLASS)
            klass = it.klass;
    }
    hsdb_set_standard_only(a->db, on);
    a->standard_only = on;
    if (refilter(a) & UI_QUIT)
        return UI_QUIT;
    if (on && a->total == 0) {
        hsdb_set_standard_only(a->db, 0);
        a->standard_only = 0;
        refilter(a);
        app_message(a, 1, "this database has no standard codes");
    }
    a->n_items = 0;
    a->sel = a->top = 0;
    app_rebuild_items(a);
    /* Stay on the same code; a code that is hidden now: the first code after it. */
    int k;
    size_t idx;
    if (code && hsdb_code_position(a->db, code, &k, &idx) == HS_OK && valid_class(k)) {
        app_select_code(a, code);
    } else if (code) {
        int next = 0;
        if (hsdb_first_code(a->db, code, code + 1000, &next) == HS_OK)
            app_select_code(a, next);
    } else if (klass >= 0 && a->counts[klass]) {
        a->sel = row_of(a, klass, 1, 0);
    }
    app_load_detail(a);
    if (!a->message[0])
        app_message(a, 0, on ? "only standard codes (%zu); s shows every code" : "every code (%zu)", a->total);
    return UI_REDRAW;
}

void app_select_code(struct app *a, int code)
{
    if (a->results) {
        for (size_t i = 0; i < a->hits.n; i++)
            if (a->hits.v[i].e.code == code) {
                a->sel = i;
                return;
            }
        /* Not among the hits: back to the full list. */
        app_search_close(a, 0);
    }
    int k;
    size_t idx;
    enum hs_status s = hsdb_code_position(a->db, code, &k, &idx);
    if (s == HS_NOTFOUND && a->standard_only) {
        /* Hidden by "standard only" (a link, a jump, the history): show every code. */
        hsdb_set_standard_only(a->db, 0);
        a->standard_only = 0;
        if (refilter(a) & UI_QUIT)
            return;
        a->n_items = 0;
        app_rebuild_items(a);
        app_message(a, 0, "every code shown again: %d is not a standard code", code);
        s = hsdb_code_position(a->db, code, &k, &idx);
    }
    if (s != HS_OK || !valid_class(k)) {
        if (s != HS_OK && s != HS_NOTFOUND)
            app_db_failed(a);
        return;
    }
    if (a->folded[k]) {
        a->folded[k] = 0;
        app_rebuild_items(a);
    }
    a->sel = row_of(a, k, 0, idx);
}

void app_fold(struct app *a, int klass)
{
    if (!valid_class(klass) || !a->counts[klass] || a->results)
        return;
    /* On the heading of the class folded (or unfolded), so the same key undoes it. Its
     * row does not depend on its own fold, and it is found from the class, never by
     * walking the rows (which move under the selection when the class folds). */
    a->sel = row_of(a, klass, 1, 0);
    a->folded[klass] = !a->folded[klass];
    app_rebuild_items(a);
    a->sel = row_of(a, klass, 1, 0);
    app_load_detail(a);
}

int app_move(struct app *a, int delta)
{
    if (!a->n_items)
        return UI_NOTHING;
    size_t old = a->sel;
    if (delta < 0)
        a->sel = (size_t)-delta > a->sel ? 0 : a->sel - (size_t)-delta;
    else
        a->sel = a->sel + (size_t)delta < a->n_items ? a->sel + (size_t)delta : a->n_items - 1;
    if (a->sel == old)
        return UI_NOTHING;
    app_load_detail(a);
    return UI_REDRAW;
}

/* ---- the detail pane's document -------------------------------------------------------- */

static void free_detail(struct app *a)
{
    hs_code_free(a->cur);
    a->cur = NULL;
    hs_class_free(a->cur_class);
    a->cur_class = NULL;
    hs_header_free(a->cur_header);
    a->cur_header = NULL;
    hs_entries_free(&a->cur_class_codes);
    doc_free(a->doc);
    a->doc = NULL;
}

void app_load_detail(struct app *a)
{
    struct item it = a->n_items ? app_item(a, a->sel) : (struct item){ITEM_NOTE, 0, 0};
    int code = NO_CODE, klass = -1;
    if (it.kind == ITEM_CODE || it.kind == ITEM_HIT)
        code = app_item_entry(a, &it)->code;
    else if (it.kind == ITEM_CLASS)
        klass = it.klass;
    if (a->cur_header)
        a->cur_code = NO_CODE;            /* a header was shown: load the selection again */
    if (code != NO_CODE && code == a->cur_code && a->cur)
        return;
    if (code == NO_CODE && klass >= 0 && a->cur_class && a->cur_class->klass == klass)
        return;
    free_detail(a);
    a->cur_code = code;
    a->dtop = 0;
    a->dlink = a->dmatch = NO_LINE;
    a->doc_width = -1;
    if (code != NO_CODE) {
        enum hs_status s = hsdb_code(a->db, code, &a->cur);
        if (s != HS_OK) {
            a->cur = NULL;
            app_message(a, 1, "%s", hsdb_error(a->db));
        }
    } else if (klass >= 0) {
        if (hsdb_class(a->db, klass, &a->cur_class) != HS_OK) {
            a->cur_class = NULL;
            app_message(a, 1, "%s", hsdb_error(a->db));
        } else {
            /* Its first codes only: a class of a large database has thousands, and the
             * list pane shows them all anyway. */
            enum hs_status s = hsdb_list_page(a->db, klass, 0, CLASS_DOC_MAX, &a->cur_class_codes);
            if (s != HS_OK && s != HS_NOTFOUND)
                app_message(a, 1, "%s", hsdb_error(a->db));
        }
    }
}

/* ---- the detail pane: matches, links, scrolling ------------------------------------------ */

size_t app_matches(const struct app *a, const char *line, size_t *st, size_t *en, size_t max)
{
    size_t n = 0, len = strlen(line);
    if (a->find.len) {
        /* As less: the text anywhere, ASCII letters in either case. */
        size_t fl = a->find.len;
        for (size_t i = 0; i + fl <= len && n < max; i++)
            if (strncasecmp(line + i, a->find.buf, fl) == 0) {
                st[n] = i;
                en[n] = i + fl;
                n++;
                i += fl - 1;
            }
        return n;
    }
    if (!a->results || !a->n_stems)
        return 0;
    /* The search's words: at a word start, as the snippets mark them. */
    for (size_t i = 0; i < len && n < max; i++) {
        if (i > 0 && isalnum((unsigned char)line[i - 1]))
            continue;
        for (size_t w = 0; w < a->n_stems; w++) {
            const char *stem = a->stems[w];
            size_t sl = strlen(stem);
            if (sl == 0 || i + sl > len || strncasecmp(line + i, stem, sl) != 0)
                continue;
            size_t e = i + sl;
            while (e < len && isalnum((unsigned char)line[e]))
                e++;
            /* Short words ("a", "40") only as whole words. */
            if (sl >= 3 || e == i + sl) {
                st[n] = i;
                en[n] = e;
                n++;
                i = e - 1;
                break;
            }
        }
    }
    return n;
}

size_t app_next_match(const struct app *a, size_t from, int dir)
{
    if (!a->doc || !a->doc->n)
        return NO_LINE;
    size_t n = a->doc->n;
    if (from == NO_LINE)
        from = dir > 0 ? n - 1 : 0;      /* so that the first step lands on an end */
    for (size_t step = 1; step <= n; step++) {
        size_t i = dir > 0 ? (from + step) % n : (from + n - step % n) % n;
        size_t st[1], en[1];
        if (app_matches(a, a->doc->v[i].text, st, en, 1))
            return i;
    }
    return NO_LINE;
}

static size_t detail_rows(const struct app *a)
{
    return a->detail_r.h > 0 ? (size_t)a->detail_r.h : 10;
}

void app_reveal(struct app *a, size_t first, size_t last)
{
    if (!a->doc)
        return;
    size_t rows = detail_rows(a);
    size_t m = rows >= 12 ? 3 : rows / 4;
    size_t lo = first >= m ? first - m : 0;               /* the top may be at most this */
    size_t hi = last + m + 1 > rows ? last + m + 1 - rows : 0;   /* ... and at least this */
    if (hi > lo || a->dtop > lo)
        a->dtop = lo;                     /* too tall for both margins: its start near the top */
    else if (a->dtop < hi)
        a->dtop = hi;
    size_t max_top = a->doc->n > rows ? a->doc->n - rows : 0;
    if (a->dtop > max_top)
        a->dtop = max_top;
}

size_t app_link_end(const struct app *a, size_t i)
{
    if (!a->doc || i >= a->doc->n)
        return i;
    const struct doc_line *l = &a->doc->v[i];
    if (l->link != DOC_NO_LINK) {
        while (i + 1 < a->doc->n && a->doc->v[i + 1].link == l->link)
            i++;
    } else if (l->header) {
        while (i + 1 < a->doc->n && a->doc->v[i + 1].header && strcmp(a->doc->v[i + 1].header, l->header) == 0)
            i++;
    }
    return i;
}

/* ---- the clipboard and the opener ------------------------------------------------------- */

int app_copy_text(struct app *a, const char *text)
{
    char *clean = txt_sanitize(text, 0, 0);
    if (term_copy(clean) == 0)
        app_message(a, 0, "copied \"%s\" (the terminal puts it on the clipboard: OSC 52)", clean);
    else
        app_message(a, 1, "could not write to the terminal to copy \"%s\"", clean);
    free(clean);
    return UI_REDRAW;
}

int app_copy(struct app *a)
{
    if (!a->cur) {
        app_message(a, 1, "select a code to copy it");
        return UI_REDRAW;
    }
    struct sb b;
    sb_init(&b);
    sb_printf(&b, "%d %s", a->cur->e.code, a->cur->e.phrase);
    app_copy_text(a, b.buf);
    sb_free(&b);
    return UI_REDRAW;
}

int app_open_spec(struct app *a)
{
    if (!a->cur) {
        app_message(a, 1, "select a code to open its specification");
        return UI_REDRAW;
    }
    char *url = doc_spec_url(a->cur->spec);
    if (!url) {
        app_message(a, 1, "%d is defined by no RFC (its source: %s), so there is no page to open", a->cur->e.code,
                    a->cur->spec);
        return UI_REDRAW;
    }
    char why[200];
    if (term_open(url, why, sizeof why) == 0)
        app_message(a, 0, "opening %s", url);
    else
        app_message(a, 1, "%s", why);
    free(url);
    return UI_REDRAW;
}

/* ---- history, jumping, escape ---------------------------------------------------------- */

void app_follow(struct app *a, int code)
{
    if (a->cur_code != NO_CODE && a->cur_code != code) {
        if (a->n_back == HISTORY_MAX) {
            memmove(a->back, a->back + 1, (HISTORY_MAX - 1) * sizeof a->back[0]);
            a->n_back--;
        }
        a->back[a->n_back++] = a->cur_code;
        a->n_fwd = 0;
    }
    app_select_code(a, code);
    app_load_detail(a);
}

void app_show_header(struct app *a, const char *name)
{
    struct hs_header *h;
    enum hs_status s = hsdb_header(a->db, name, &h);
    if (s == HS_NOTFOUND) {
        app_message(a, 1, "no entry for the header %s", name);
        return;
    }
    if (s != HS_OK) {
        app_db_failed(a);
        return;
    }
    hs_header_free(a->cur_header);
    a->cur_header = h;
    doc_free(a->doc);
    a->doc = NULL;
    a->doc_width = -1;
    a->dtop = 0;
    a->dlink = a->dmatch = NO_LINE;
    app_message(a, 0, "header %s (Backspace: back to the code)", h->name);
}

int app_back(struct app *a)
{
    if (a->cur_header) {
        app_load_detail(a);
        return UI_REDRAW;
    }
    if (a->n_back) {
        if (a->cur_code != NO_CODE && a->n_fwd < HISTORY_MAX)
            a->fwd[a->n_fwd++] = a->cur_code;
        int code = a->back[--a->n_back];
        app_select_code(a, code);
        app_load_detail(a);
    } else {
        app_message(a, 0, "no earlier code in the history");
    }
    return UI_REDRAW;
}

int app_forward(struct app *a)
{
    if (a->n_fwd) {
        if (a->cur_code != NO_CODE && a->n_back < HISTORY_MAX)
            a->back[a->n_back++] = a->cur_code;
        int code = a->fwd[--a->n_fwd];
        app_select_code(a, code);
        app_load_detail(a);
    } else {
        app_message(a, 0, "no later code in the history");
    }
    return UI_REDRAW;
}

int app_digit(struct app *a, int ch)
{
    long long now = app_now_ms();
    if (now - a->digit_ms > 1000 || a->n_digits >= 3)
        a->n_digits = 0;
    a->digit_ms = now;
    a->digits[a->n_digits++] = (char)ch;
    a->digits[a->n_digits] = '\0';
    int lo = 0;
    for (int i = 0; i < 3; i++)
        lo = lo * 10 + (i < a->n_digits ? a->digits[i] - '0' : 0);
    int span = a->n_digits == 1 ? 100 : a->n_digits == 2 ? 10 : 1;
    int found;
    enum hs_status fs = hsdb_first_code(a->db, lo, lo + span - 1, &found);
    if (fs == HS_NOTFOUND && a->standard_only) {
        /* Not among the standard codes: among every code (selecting it shows them all). */
        hsdb_set_standard_only(a->db, 0);
        fs = hsdb_first_code(a->db, lo, lo + span - 1, &found);
        hsdb_set_standard_only(a->db, 1);
    }
    if (fs != HS_OK && fs != HS_NOTFOUND)
        return app_db_failed(a);
    if (fs == HS_OK) {
        if (a->results)
            app_search_close(a, 0);
        app_select_code(a, found);
        a->focus_detail = 0;
        app_load_detail(a);
        app_message(a, 0, "jump: %s", a->digits);
        return UI_REDRAW;
    }
    /* Keep what was typed: a next digit within the second extends it, so the message
     * always names the whole number typed ("no code starts with 299", not "... with 9"). */
    app_message(a, 1, "no code starts with %s", a->digits);
    return UI_REDRAW;
}

int app_escape(struct app *a)
{
    if (a->find.len) {
        sb_reset(&a->find);
        a->dmatch = NO_LINE;
        app_message(a, 0, "find cleared");
        return UI_REDRAW;
    }
    if (a->results) {
        app_search_close(a, 0);
        return UI_REDRAW;
    }
    if (a->n_marks) {
        a->n_marks = 0;
        app_message(a, 0, "marks cleared");
        return UI_REDRAW;
    }
    return UI_NOTHING;
}

/* ---- search ---------------------------------------------------------------------------- */

static void clear_results(struct app *a)
{
    hs_hits_free(&a->hits);
    free(a->suggestion);
    a->suggestion = NULL;
    free(a->search_note);
    a->search_note = NULL;
    for (size_t i = 0; i < a->n_stems; i++)
        free(a->stems[i]);
    free(a->stems);
    a->stems = NULL;
    a->n_stems = 0;
}

/* Hits a live search keeps: more than a tall terminal shows (two rows each), and each one
 * costs its snippet on every keystroke (on a 50,000-entry database that was the half of a
 * keystroke's time that was not the search itself). */
#define LIVE_HITS 30

void app_search_run(struct app *a)
{
    clear_results(a);
    const char *q = a->query.buf ? a->query.buf : "";
    a->n_stems = query_words(q, a->query.len, &a->stems);
    for (size_t i = 0; i < a->n_stems; i++) {
        char *stem = query_stem(a->stems[i]);
        if (stem) {               /* out of memory: the word unstemmed */
            free(a->stems[i]);
            a->stems[i] = stem;
        }
    }
    enum hs_status s = HS_NOTFOUND;
    if (a->query.len)
        s = hsdb_search(a->db, q, a->query.len, 1, LIVE_HITS, &a->hits);
    if ((s == HS_NOTFOUND || (s == HS_OK && a->hits.partial)) && a->query.len) {
        /* No code holds every word: perhaps one is misspelt. */
        char *sugg = NULL;
        if (hsdb_suggest(a->db, q, &sugg) == HS_OK)
            a->suggestion = sugg;
    } else if (s == HS_EBUDGET) {
        a->search_note = xstrdup("search stopped: too much work; type more words");
    } else if (s != HS_OK && s != HS_NOTFOUND) {
        a->search_note = xstrdup(hsdb_error(a->db));
    }
    /* An empty prompt shows the whole list, as before the search. */
    int was_results = a->results;
    a->results = a->query.len > 0;
    if (!a->results) {
        a->n_items = 0;
        app_rebuild_items(a);
        if (was_results && a->saved_code != NO_CODE)
            app_select_code(a, a->saved_code);
        app_load_detail(a);
        return;
    }
    a->sel = 0;
    a->top = 0;
    a->n_items = 0;
    app_rebuild_items(a);
    a->sel = 0;
    a->top = 0;
    app_load_detail(a);
}

/* Runs a live search and forgets it: the browser calls this while it waits for the first
 * key (ui.c), so that the statements of a search are prepared, its ranking functions
 * registered and the first pages of the index read before anyone types. Two words, the
 * last one a prefix, go through every tier a typed search does. */
void app_search_warm(struct app *a)
{
    static const char q[] = "not fo";
    struct hs_hits h = {0};
    hsdb_search(a->db, q, sizeof q - 1, 1, LIVE_HITS, &h);
    hs_hits_free(&h);
}

static void remember(struct app *a)
{
    if (!a->query.len)
        return;
    if (a->n_history && strcmp(a->history[a->n_history - 1], a->query.buf) == 0)
        return;
    if (a->n_history == SEARCH_HISTORY_MAX) {
        free(a->history[0]);
        memmove(a->history, a->history + 1, (SEARCH_HISTORY_MAX - 1) * sizeof a->history[0]);
        a->n_history--;
    }
    a->history[a->n_history++] = xstrdup(a->query.buf);
}

void app_search_close(struct app *a, int keep)
{
    a->prompt_open = 0;
    remember(a);
    a->history_pos = -1;
    if (keep && a->query.len && a->hits.n)
        return;              /* the hits stay in the list */
    clear_results(a);
    sb_reset(&a->query);
    a->results = 0;
    a->n_items = 0;
    app_rebuild_items(a);
    if (a->saved_code != NO_CODE)
        app_select_code(a, a->saved_code);
    app_load_detail(a);
}

/* ---- life ------------------------------------------------------------------------------ */

int app_init(struct app *a, struct hs_db *db, int ascii, const char **why)
{
    memset(a, 0, sizeof *a);
    a->cur_code = a->saved_code = NO_CODE;
    a->db = db;
    a->ascii = ascii;
    a->history_pos = -1;
    a->help_width = -1;
    a->cl.width = -1;
    a->dlink = a->dmatch = NO_LINE;
    sb_init(&a->query);
    sb_init(&a->find);
    enum hs_status s = hsdb_class_counts(db, a->counts);
    for (int k = 0; k < HS_N_CLASSES; k++)
        a->total += a->counts[k];
    if (s != HS_OK || a->total == 0) {
        *why = s == HS_OK ? "the database holds no codes" : hsdb_error(db);
        return -1;
    }
    hsdb_set_budget(db, 5000000);
    app_rebuild_items(a);
    /* Start on the first code rather than the first class heading. */
    if (a->n_items > 1)
        a->sel = 1;
    app_load_detail(a);
    return 0;
}

void app_free(struct app *a)
{
    free_detail(a);
    drop_pages(a);
    clear_results(a);
    sb_free(&a->query);
    sb_free(&a->find);
    for (size_t i = 0; i < a->n_copy; i++) {
        free(a->copy_items[i]);
        free(a->copy_labels[i]);
    }
    for (size_t i = 0; i < a->n_history; i++)
        free(a->history[i]);
    free(a->search_typed);
    free(a->err);
}
