/* classroom.c — see classroom.h. */
#include "classroom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../text.h"
#include "../util.h"
#include "draw.h"

void classroom_free(struct classroom *r)
{
    if (!r)
        return;
    qs_free(&r->qr);
    quiz_free(r->qz);
    lc_free(&r->lc);
    learn_round_free(&r->lr);
    pg_close(r->store);
    quiz_bank_free(r->bank);
    free(r->codes);
    free(r->about);
    free(r);
}

struct classroom *classroom_open(struct app *a, const char *mode)
{
    struct item it = a->n_items ? app_item(a, a->sel) : (struct item){ITEM_NOTE, 0, 0};
    int code = a->cur_code, klass = -1;
    if (code != NO_CODE)
        klass = code / 100;
    else if (it.kind == ITEM_CLASS)
        klass = it.klass;
    if (klass < 0) {
        app_message(a, 1, "select a code or a class first");
        return NULL;
    }
    struct classroom *r = xcalloc(1, sizeof *r);
    if (quiz_bank_load(a->db, a->ascii, &r->bank) != HS_OK) {
        app_db_failed(a);
        classroom_free(r);
        return NULL;
    }
    /* The selected code's first comparison group, else its class. */
    char word[64] = "";
    if (code != NO_CODE) {
        struct hs_group *g;
        size_t ng;
        if (hsdb_groups_of(a->db, code, &g, &ng) != HS_OK) {
            app_db_failed(a);
            classroom_free(r);
            return NULL;
        }
        if (ng) {
            snprintf(word, sizeof word, "%s", g[0].name);
            r->about = txt_sanitize(g[0].title, 0, a->ascii);
        }
        hs_groups_free(g, ng);
    }
    if (!word[0]) {
        snprintf(word, sizeof word, "%dxx", klass);
        struct sb b;
        sb_init(&b);
        sb_printf(&b, "the %dxx class", klass);
        r->about = sb_steal(&b);
    }
    char *words[1] = {word};
    int bad;
    if (quiz_select(r->bank, words, 1, &r->codes, &r->n_codes, &bad) != HS_OK) {
        app_message(a, 1, "no codes to practise in %s", r->about);
        classroom_free(r);
        return NULL;
    }
    char *path = pg_default_path();
    char *notice = NULL, *warning = NULL;
    r->store = pg_open(path ? path : "", path ? PG_WRITE : PG_READ, &notice, &warning);
    if (warning)
        app_message(a, 1, "%s", warning);
    else if (notice)
        app_message(a, 0, "%s", notice);
    else if (!path)
        app_message(a, 1, "neither XDG_STATE_HOME nor HOME is set: progress will not be saved");
    r->warned = warning != NULL || !path;
    free(notice);
    free(warning);
    free(path);
    pg_session_begin(r->store, mode, strcmp(mode, "quiz") == 0 ? "mixed" : "", 0, word, 0, (int64_t)time(NULL),
                     &r->session);
    return r;
}

void classroom_status(struct app *a, struct rect r, const char *keys)
{
    draw_fill(r.y, r.x, r.w, ST_STATUS_BAR);
    if (a->message[0]) {
        draw_text(r.y, r.x + 1, r.w - 2, a->message, a->msg_error ? ST_ERROR : ST_STATUS_BAR);
        return;
    }
    struct sb b;
    sb_init(&b);
    sb_printf(&b, "%s  %s on %s", keys, a->ascii ? "-" : "\xE2\x80\x94", a->room && a->room->about ? a->room->about : "");
    draw_text(r.y, r.x + 1, r.w - 2, b.buf, ST_STATUS_BAR);
    sb_free(&b);
}
