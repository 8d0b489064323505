/* keys.h — key bindings as data. The help screen and the footer hints are generated from
 * this one table, so they can never drift from what the keys do. */
#ifndef HS_KEYS_H
#define HS_KEYS_H

#include <stddef.h>

enum action {
    ACT_NONE,
    ACT_UP, ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME, ACT_END,
    ACT_FOCUS, ACT_SEARCH, ACT_ENTER, ACT_BACK, ACT_FORWARD,
    ACT_COMPARE, ACT_MARK, ACT_FOLD, ACT_NEXT_MATCH, ACT_PREV_MATCH,
    ACT_NEXT_LINK, ACT_PREV_LINK, ACT_HIDE_SAME, ACT_LEFT, ACT_RIGHT,
    ACT_HELP, ACT_ESCAPE, ACT_QUIT, ACT_REDRAW, ACT_PRESENT, ACT_QUIZ, ACT_LEARN,
    ACT_FIND, ACT_STANDARD, ACT_COPY, ACT_COPY_MENU, ACT_OPEN_SPEC,
    /* the search prompt */
    ACT_DEL_CHAR, ACT_DEL_WORD, ACT_CLEAR, ACT_RECALL, ACT_ACCEPT,
};

/* Contexts a binding applies in (bit mask). */
enum {
    CTX_BROWSE = 1,     /* list and detail panes */
    CTX_COMPARE = 2,
    CTX_HELP = 4,
    CTX_PAGE = 8,       /* the detail pane has the focus (with CTX_BROWSE): its own keys */
    CTX_PROMPT = 16,    /* the search prompt: keys not bound here are typed as text */
};

struct keybind {
    int key;              /* curses key code or character */
    enum action action;
    unsigned ctx;
    const char *name;     /* how the key is written in help: "j", "Down" */
    const char *help;     /* what it does; NULL: listed with the previous binding's action */
    const char *hint;     /* short footer hint, or NULL */
};

extern const struct keybind keys_table[];
extern const size_t keys_count;

/* The action of key in context ctx, or ACT_NONE. The first binding of the key whose
 * contexts meet ctx wins, so a CTX_PAGE binding listed before a CTX_BROWSE one of the same
 * key takes over while the detail pane has the focus. */
enum action keys_lookup(int key, unsigned ctx);

#endif
