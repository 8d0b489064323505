/* ui.h — the interactive browser (ncursesw). The only module that includes curses.h,
 * together with the views beside it. */
#ifndef HS_UI_H
#define HS_UI_H

#include "../data.h"

/* Run the browser on an open database until the person quits. Returns the exit status
 * (0, or 2 after printing a message when the terminal or database fails). */
int ui_run(struct hs_db *db, int ascii);

#endif
