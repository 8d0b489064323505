/* view_present.c — the browser's presentation overlay: `p` presents the selected code
 * (its slide, its example, then a comparison slide for each group it is in), or the
 * selected class (its title slide and common codes), full-screen; q or Esc returns to the
 * browser where it was. The slides come from slides.c and the show from present.c. */
#include <stdio.h>
#include <stdlib.h>

#include "../lesson.h"
#include "../slides.h"
#include "app.h"
#include "present.h"

struct present_state {
    struct deck *deck;
    struct present_show *show;
};

/* The lesson for what the browser has selected. */
static struct lesson *selection(struct app *a)
{
    struct lesson *l = lesson_new("selection");
    char word[8];
    char *err = NULL;
    if (a->cur_code != NO_CODE) {
        snprintf(word, sizeof word, "%03d", a->cur_code);
        lesson_add_word(l, word, &err);
        struct hs_group *g;
        size_t ng;
        if (hsdb_groups_of(a->db, a->cur_code, &g, &ng) == HS_OK) {
            for (size_t i = 0; i < ng; i++)
                lesson_add_word(l, g[i].name, &err);
            hs_groups_free(g, ng);
        }
    } else if (a->cur_class) {
        snprintf(word, sizeof word, "%s", doc_class_range(a->cur_class->klass));
        lesson_add_word(l, word, &err);
    }
    free(err);
    return l;
}

static void present_close(struct app *a)
{
    if (!a->present)
        return;
    present_show_free(a->present->show);
    deck_free(a->present->deck);
    free(a->present);
    a->present = NULL;
}

static int present_open(struct app *a)
{
    struct lesson *l = selection(a);
    if (l->n == 0) {
        lesson_free(l);
        app_message(a, 0, "select a code or a class to present it");
        return 0;
    }
    char *err = NULL;
    int r = lesson_resolve(l, a->db, &err);
    struct deck *d = NULL;
    if (r == 0 && deck_build(a->db, l, a->ascii, &d) != HS_OK)
        r = -1;
    lesson_free(l);
    if (r != 0) {
        if (r < 0)
            app_db_failed(a);
        else
            app_message(a, 1, "%s", err ? err : "nothing to present");
        free(err);
        return 0;
    }
    a->present = xcalloc(1, sizeof *a->present);
    a->present->deck = d;
    a->present->show = present_show_new(d, a->ascii);
    return 1;
}

static void present_draw(struct app *a, struct rect r)
{
    if (a->present)
        present_show_draw(a->present->show, r.w, r.h);
}

static int present_key(struct app *a, enum action act, int ch)
{
    (void)act;
    if (!a->present)
        return UI_CLOSE;
    return present_show_key(a->present->show, ch) ? UI_CLOSE : UI_REDRAW;
}

const struct view view_present = {
    .name = "present",
    .ctx = 0,                  /* the show reads raw keys: presentation tools' keys */
    .opens = ACT_PRESENT,
    .fullscreen = 1,
    .open = present_open,
    .close = present_close,
    .draw = present_draw,
    .key = present_key,
};
