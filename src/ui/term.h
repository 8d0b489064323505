/* term.h — what the browser does to the terminal and the desktop besides drawing: the
 * clipboard through OSC 52, and opening a URL with the desktop's opener. No curses. */
#ifndef HS_TERM_H
#define HS_TERM_H

#include <stddef.h>

/* Put text on the clipboard with OSC 52, written to the terminal (standard output). The
 * terminal (or tmux, or ssh's client terminal) does the rest; one that does not know OSC 52
 * ignores it. text is sent base64-encoded, so nothing in it can act on the terminal.
 * Returns 0, or -1 when it could not be written. */
int term_copy(const char *text);

/* Open url with the desktop's opener (open on macOS; xdg-open where a desktop is running).
 * Never waits for it and never lets it touch the terminal: it runs detached, its input and
 * output on /dev/null. Returns 0 when it was started, else -1 with why (a sentence) set. */
int term_open(const char *url, char *why, size_t why_size);

/* Can a full-screen program run here: both ends a terminal, TERM set and not dumb? Returns
 * 0, or -1 with *why set to a message (static). The browser, the slides and the quiz ask. */
int term_usable(const char **why);

/* A full-screen loop calls this when getch() gave no key: wait up to ms for input on
 * standard input. 1: something to read, 0: nothing (or a signal came), -1: the terminal is
 * gone, and the loop should end as SIGHUP would end it instead of spinning: hung up, an
 * error, or readable again and again without giving a key (read returns 0: a pty whose
 * other side closed without a SIGHUP reaching the program, e.g. under setsid).
 * *dead_reads counts those reads in a row; the caller sets it to 0 when a key comes. */
int term_wait_input(int ms, int *dead_reads);

/* The signals of a full-screen loop: on_quit for SIGINT, SIGTERM, SIGHUP and SIGQUIT (it
 * records the signal; the loop ends and the terminal is restored), on_crash (once, then the
 * default) for SIGSEGV, SIGABRT, SIGBUS and SIGFPE (it restores the terminal and dies by
 * the same signal). */
void term_catch_signals(void (*on_quit)(int), void (*on_crash)(int));

#endif
