/* keys.c — the key table. Order matters: help lists actions in this order, and the names
 * of all keys bound to the same action in the same context are shown together. A key bound
 * twice takes the first binding whose context applies (see keys_lookup). */
#include "keys.h"

#include <curses.h>

#define B CTX_BROWSE
#define C CTX_COMPARE
#define H CTX_HELP
#define D CTX_PAGE
#define P CTX_PROMPT
#define CTRL(k) ((k) & 0x1f)

const struct keybind keys_table[] = {
    {'j', ACT_DOWN, B | C | H, "j", "move down; with the detail pane focused, scroll its text (as less does)", NULL},
    {KEY_DOWN, ACT_DOWN, B | C | H, "Down", NULL, NULL},
    {'k', ACT_UP, B | C | H, "k", "move up; with the detail pane focused, scroll back", NULL},
    {KEY_UP, ACT_UP, B | C | H, "Up", NULL, NULL},
    {KEY_NPAGE, ACT_PAGE_DOWN, B | C | H, "PgDn", "page down", NULL},
    {CTRL('f'), ACT_PAGE_DOWN, B | C | H, "Ctrl-F", NULL, NULL},
    {KEY_PPAGE, ACT_PAGE_UP, B | C | H, "PgUp", "page up", NULL},
    {CTRL('b'), ACT_PAGE_UP, B | C | H, "Ctrl-B", NULL, NULL},
    {'g', ACT_HOME, B | C | H, "g", "go to the top", NULL},
    {KEY_HOME, ACT_HOME, B | C | H, "Home", NULL, NULL},
    {'G', ACT_END, B | C | H, "G", "go to the bottom", NULL},
    {KEY_END, ACT_END, B | C | H, "End", NULL, NULL},
    {'\t', ACT_FOCUS, B | C, "Tab", "switch focus: list / detail (compare: one column scrolls alone / all)", "Tab focus"},
    {'f', ACT_FIND, B, "f", "find in the shown page, as / does in less (n and N: next and previous match)", NULL},
    {'/', ACT_FIND, D, "/ (detail focused)", NULL, "/ find"},
    {'/', ACT_SEARCH, B, "/", "search all codes as you type (Enter keeps the result, Esc restores the list)", "/ search"},
    {'\n', ACT_ENTER, B | C, "Enter", "follow the highlighted related code; fold a class heading; compare: open the code", NULL},
    {'\r', ACT_ENTER, B | C, "", NULL, NULL},
    {KEY_ENTER, ACT_ENTER, B | C, "", NULL, NULL},
    {KEY_BACKSPACE, ACT_BACK, B, "Backspace", "go back to the code you came from", "h back"},
    {127, ACT_BACK, B, "", NULL, NULL},
    {'\b', ACT_BACK, B, "", NULL, NULL},
    {'h', ACT_BACK, B, "h", NULL, NULL},
    {KEY_LEFT, ACT_BACK, B, "Left", NULL, NULL},
    {'l', ACT_FORWARD, B, "l", "go forward again", NULL},
    {KEY_RIGHT, ACT_FORWARD, B, "Right", NULL, NULL},
    {']', ACT_NEXT_LINK, B, "]", "highlight the next related-code link in the detail pane (Enter follows it)", NULL},
    {'[', ACT_PREV_LINK, B, "[", "highlight the previous related-code link", NULL},
    {'n', ACT_NEXT_MATCH, B, "n", "next match in the detail pane (of f, else of the search)", NULL},
    {'N', ACT_PREV_MATCH, B, "N", "previous match", NULL},
    {'c', ACT_COMPARE, B, "c", "compare the code with its group, or the marked codes", "c compare"},
    {'p', ACT_PRESENT, B, "p", "present the code (then its groups) or the class as full-screen slides", NULL},
    {' ', ACT_MARK, B, "Space", "mark or unmark a code to compare (2 to 5)", NULL},
    {'z', ACT_FOLD, B, "z", "fold or unfold the class under the cursor", NULL},
    {'s', ACT_STANDARD, B, "s", "show only standard codes, or every code again", NULL},
    {'y', ACT_COPY, B, "y", "copy the code and its phrase to the clipboard (OSC 52: works through tmux and ssh)", NULL},
    {'Y', ACT_COPY_MENU, B, "Y", "copy a library's constant for the code (a menu)", NULL},
    {'o', ACT_OPEN_SPEC, B, "o", "open the specification section in the web browser (xdg-open or open)", NULL},
    {'h', ACT_LEFT, C, "h", "compare: select the column to the left", NULL},
    {KEY_LEFT, ACT_LEFT, C, "Left", NULL, NULL},
    {'l', ACT_RIGHT, C, "l", "compare: select the column to the right", NULL},
    {KEY_RIGHT, ACT_RIGHT, C, "Right", NULL, NULL},
    {'d', ACT_HIDE_SAME, C, "d", "compare: hide or show the rows that are the same", "d same rows"},
    {'Q', ACT_QUIZ, B, "Q", "quiz on the selected code's comparison group, or its class", NULL},
    {'L', ACT_LEARN, B, "L", "flashcards on the selected code's comparison group, or its class", NULL},
    {'?', ACT_HELP, B | C | H, "?", "help (this screen)", "? help"},
    {KEY_F(1), ACT_HELP, B | C, "F1", NULL, NULL},
    {27, ACT_ESCAPE, B | C | H, "Esc", "close the overlay, or leave the search result or the find", "Esc back"},
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
