/* present.h — the full-screen slide show (ncursesw): of `httpstatus present`, and of the
 * browser's present view (view_present.c). It draws the pages that slides.c lays out;
 * keys move through them. */
#ifndef HS_PRESENT_H
#define HS_PRESENT_H

#include "../slides.h"

/* A slide show's position and what it last laid out; it borrows the deck. */
struct present_show;
struct present_show *present_show_new(const struct deck *d, int ascii);
void present_show_free(struct present_show *s);

/* Draw the current page on a screen w columns wide and rows high (the counter on its last
 * row), from (0, 0). Draws only; the caller refreshes. */
void present_show_draw(struct present_show *s, int w, int rows);

/* One key (a curses key code): change the position. Returns 1 when the person leaves. */
int present_show_key(struct present_show *s, int ch);

/* The standalone show: set up the terminal and show the deck until the person leaves (q or Esc). Returns the exit status: 0, or 2
 * after a message when the terminal cannot run it. A quitting signal ends it with the
 * terminal restored. */
int present_run(const struct deck *d, int ascii);

#endif
