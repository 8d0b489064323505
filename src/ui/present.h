/* present.h — the full-screen slide show of `httpstatus present` (ncursesw). It draws the
 * pages that slides.c lays out; keys move through them. */
#ifndef HS_PRESENT_H
#define HS_PRESENT_H

#include "../slides.h"

/* Show the deck until the person leaves (q or Esc). Returns the exit status: 0, or 2
 * after a message when the terminal cannot run it. A quitting signal ends it with the
 * terminal restored. */
int present_run(const struct deck *d, int ascii);

#endif
