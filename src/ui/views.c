/* views.c — the one table of views. Adding a view: write src/ui/view_NAME.c exporting
 * `const struct view view_NAME` (designated initializers, see struct view in app.h), declare
 * it below and put it in the table; give it an action in keys.h and a key in keys.c, and
 * set .opens to that action. The driver (ui.c) opens it, routes its keys, prepares and
 * draws it, and closes it; nothing else refers to it. */
#include "app.h"

extern const struct view view_list;
extern const struct view view_detail;
extern const struct view view_search;
extern const struct view view_compare;
extern const struct view view_help;

const struct view *const ui_views[] = {
    [VIEW_LIST] = &view_list,       /* the browse panes: fixed places */
    [VIEW_DETAIL] = &view_detail,
    &view_search,                   /* overlays: opened by their action (.opens) */
    &view_compare,
    &view_help,
};

const size_t ui_views_count = sizeof ui_views / sizeof ui_views[0];
