/* frame.h — what the full-screen rounds share (the quiz and the flashcards): a frame with a
 * title in its top border and a hint in its bottom border, and a loop that runs one of them
 * on the whole terminal and restores the terminal after it, whatever happens. */
#ifndef HS_FRAME_H
#define HS_FRAME_H

#include "draw.h"

/* A frame of h rows by w columns at (y, x): title (style title_st) on the top border, hint
 * (style hint_st) on the bottom one; both cut to fit. The inside is left as it is. */
void frame_draw(int y, int x, int h, int w, const char *title, enum style title_st, const char *hint,
                enum style hint_st, int ascii);

/* The content lines a round lays out for one width, each with its style. */
struct frame_line {
    char *text;
    enum style st;
};
struct frame_lines {
    struct frame_line *v;
    size_t n, cap;
};

/* Append text (len bytes) as one line. */
void frame_add(struct frame_lines *l, const char *text, size_t len, enum style st);
/* Append text wrapped to w columns (at least 8) after prefix; continuation lines are
 * indented by the prefix's width. An empty text is one line holding the prefix. */
void frame_add_wrapped(struct frame_lines *l, const char *prefix, const char *text, int w, enum style st);
/* Free n lines and the array. */
void frame_lines_free(struct frame_line *v, size_t n);

/* A round on the whole screen: prepare for the size, draw from prepared state, and handle a
 * key (returning FRAME_* flags). */
enum { FRAME_NOTHING = 0, FRAME_REDRAW = 1, FRAME_QUIT = 2 };
struct frame_ops {
    void (*prepare)(void *state, int w, int h);
    void (*draw)(const void *state, int y, int x, int h, int w);
    int (*key)(void *state, int ch);
    const char *no_term;     /* the message when TERM names no known terminal */
    const char *no_cursor;   /* the message when the terminal cannot move the cursor */
};

/* Run ops on state until a key returns FRAME_QUIT: the one full-screen loop of the quiz,
 * the flashcards and the slides. Returns 0, or 2 with *why set to one of ops' messages when
 * the terminal cannot be driven (nothing was shown then). On SIGINT, SIGTERM, SIGHUP or
 * SIGQUIT the terminal is restored and the program ends as the signal asks (128 + N); on a
 * crash (SIGSEGV, SIGABRT, SIGBUS, SIGFPE) it is restored before the program dies. */
int frame_run(const struct frame_ops *ops, void *state, int ascii, const char **why);

#endif
