/* exit.h — the program's exit statuses, as the README and the man page document them.
 * The command line and the browser both end with one of these. */
#ifndef HS_EXIT_H
#define HS_EXIT_H

enum {
    EXIT_FOUND = 0,       /* found, or the browser ended normally */
    EXIT_NOTFOUND = 1,    /* no such code, or no match */
    EXIT_ERROR = 2,       /* usage or database error, or the terminal cannot be used */
    EXIT_USAGE = EXIT_ERROR,
};

#endif
