/* keys.c — the key table. Order matters: help lists actions in this order, and the names
 * of all keys bound to the same action in the same context are shown together. */
#include "keys.h"

#include <curses.h>

#define B CTX_BROWSE
#define C CTX_COMPARE
#define H CTX_HELP
#define P CTX_PROMPT
#define CTRL(k) ((k) & 0x1f)

const struct keybind keys_table[] = {
    {'j', ACT_DOWN, B | C | H, "j", "move down (scroll in the detail pane)", NULL},
    {KEY_DOWN, ACT_DOWN, B | C | H, "Down", NULL, NULL},
    {'k', ACT_UP, B | C | H, "k", "move up", NULL},
    {KEY_UP, ACT_UP, B | C | H, "Up", NULL, NULL},
    {KEY_NPAGE, ACT_PAGE_DOWN, B | C | H, "PgDn", "page down", NULL},
    {CTRL('f'), ACT_PAGE_DOWN, B | C | H, "Ctrl-F", NULL, NULL},
    {KEY_PPAGE, ACT_PAGE_UP, B | C | H, "PgUp", "page up", NULL},
    {CTRL('b'), ACT_PAGE_UP, B | C | H, "Ctrl-B", NULL, NULL},
    {'g', ACT_HOME, B | C | H, "g", "go to the top", NULL},
    {KEY_HOME, ACT_HOME, B | C | H, "Home", NULL, NULL},
    {'G', ACT_END, B | C | H, "G", "go to the bottom", NULL},
    {KEY_END, ACT_END, B | C | H, "End", NULL, NULL},
    {'\t', ACT_FOCUS, B | C, "Tab", "switch focus: list / detail (compare: one column / all)", "Tab focus"},
    {'/', ACT_SEARCH, B, "/", "search as you type (Enter keeps the result, Esc restores the list)", "/ search"},
    {'\n', ACT_ENTER, B | C, "Enter", "follow the related code under the cursor; fold a class heading; compare: open the code", NULL},
    {'\r', ACT_ENTER, B | C, "", NULL, NULL},
    {KEY_ENTER, ACT_ENTER, B | C, "", NULL, NULL},
    {KEY_BACKSPACE, ACT_BACK, B, "Backspace", "go back to the code you came from", "h back"},
    {127, ACT_BACK, B, "", NULL, NULL},
    {'\b', ACT_BACK, B, "", NULL, NULL},
    {'h', ACT_BACK, B, "h", NULL, NULL},
    {KEY_LEFT, ACT_BACK, B, "Left", NULL, NULL},
    {'l', ACT_FORWARD, B, "l", "go forward again", NULL},
    {KEY_RIGHT, ACT_FORWARD, B, "Right", NULL, NULL},
    {']', ACT_NEXT_LINK, B, "]", "next related-code link in the detail pane", NULL},
    {'[', ACT_PREV_LINK, B, "[", "previous related-code link", NULL},
    {'n', ACT_NEXT_MATCH, B, "n", "next match of the search in the detail pane", NULL},
    {'N', ACT_PREV_MATCH, B, "N", "previous match", NULL},
    {'c', ACT_COMPARE, B, "c", "compare the code with its group, or the marked codes", "c compare"},
    {' ', ACT_MARK, B, "Space", "mark or unmark a code to compare (2 to 5)", NULL},
    {'z', ACT_FOLD, B, "z", "fold or unfold the class under the cursor", NULL},
    {'h', ACT_LEFT, C, "h", "compare: select the column to the left", NULL},
    {KEY_LEFT, ACT_LEFT, C, "Left", NULL, NULL},
    {'l', ACT_RIGHT, C, "l", "compare: select the column to the right", NULL},
    {KEY_RIGHT, ACT_RIGHT, C, "Right", NULL, NULL},
    {'d', ACT_HIDE_SAME, C, "d", "compare: hide or show the rows that are the same", "d same rows"},
    {'?', ACT_HELP, B | C | H, "?", "help (this screen)", "? help"},
    {KEY_F(1), ACT_HELP, B | C, "F1", NULL, NULL},
    {27, ACT_ESCAPE, B | C | H, "Esc", "close the overlay, or leave the search result", "Esc back"},
    {'q', ACT_QUIT, B | C | H, "q", "quit (closes an overlay first)", "q quit"},
    {CTRL('l'), ACT_REDRAW, B | C | H | P, "Ctrl-L", "redraw the screen", NULL},
    /* The search prompt (help lists these under their own heading). As in fzf, the arrows
     * move through the hits while you type; the history of searches is on Ctrl-R. */
    {KEY_DOWN, ACT_DOWN, P, "Down", "next hit (the detail pane follows)", NULL},
    {CTRL('n'), ACT_DOWN, P, "Ctrl-N", NULL, NULL},
    {KEY_UP, ACT_UP, P, "Up", "previous hit", NULL},
    {CTRL('p'), ACT_UP, P, "Ctrl-P", NULL, NULL},
    {KEY_NPAGE, ACT_PAGE_DOWN, P, "PgDn", "a page of hits down", NULL},
    {KEY_PPAGE, ACT_PAGE_UP, P, "PgUp", "a page of hits up", NULL},
    {'\t', ACT_ACCEPT, P, "Tab", "take the suggestion ('did you mean …')", NULL},
    {CTRL('r'), ACT_RECALL, P, "Ctrl-R", "recall an earlier search; again for older ones, then back to what you typed", NULL},
    {KEY_BACKSPACE, ACT_DEL_CHAR, P, "Backspace", "delete a character", NULL},
    {127, ACT_DEL_CHAR, P, "", NULL, NULL},
    {'\b', ACT_DEL_CHAR, P, "", NULL, NULL},
    {CTRL('w'), ACT_DEL_WORD, P, "Ctrl-W", "delete the last word", NULL},
    {CTRL('u'), ACT_CLEAR, P, "Ctrl-U", "clear the prompt", NULL},
    {'\n', ACT_ENTER, P, "Enter", "keep the hits and close the prompt", NULL},
    {'\r', ACT_ENTER, P, "", NULL, NULL},
    {KEY_ENTER, ACT_ENTER, P, "", NULL, NULL},
    {27, ACT_ESCAPE, P, "Esc", "close the prompt and restore the list", NULL},
};

const size_t keys_count = sizeof keys_table / sizeof keys_table[0];

enum action keys_lookup(int key, unsigned ctx)
{
    for (size_t i = 0; i < keys_count; i++)
        if (keys_table[i].key == key && (keys_table[i].ctx & ctx))
            return keys_table[i].action;
    return ACT_NONE;
}
