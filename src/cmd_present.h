/* cmd_present.h — `httpstatus present`: reads the words and the lesson, builds the deck
 * (slides.h) and hands it to a function that shows it (the full-screen view in src/ui/;
 * tests may pass another). */
#ifndef HS_CMD_PRESENT_H
#define HS_CMD_PRESENT_H

#include "cli.h"
#include "data.h"
#include "slides.h"

/* Shows the deck until the person leaves; returns the exit status. */
typedef int (*present_show_fn)(const struct deck *d, int ascii);

/* Run `present` with its words and options in o->args ([CODE|CLASS|GROUP ...],
 * --lesson FILE|NAME|builtin:NAME). Lesson-file errors are printed as "FILE:LINE: message"
 * (exit 2) before any terminal is touched. Returns the exit status. */
int cmd_present(struct hs_db *db, const struct cli_opts *o, present_show_fn show);

#endif
