#!/bin/sh
# tests/tui/inject.sh — text from a crafted database never reaches the terminal raw in the
# browser: an OSC title sequence does not retitle the pane, a colour sequence shows as
# harmless text, and bidi or zero-width characters are gone from the screen.
# Run: sh tests/tui/inject.sh (HS=path/to/httpstatus; needs db/httpstatus.db and python3).
. "$(dirname "$0")/lib.sh"

DB=$TUI_TMP/crafted.db
if ! python3 - "$DB" <<'PY'
import shutil, sqlite3, sys
shutil.copy("db/httpstatus.db", sys.argv[1])
c = sqlite3.connect(sys.argv[1])
c.execute("UPDATE codes SET phrase = ? WHERE code = 100", ("Cont\x1b]0;PWNED\x07inue\x1b[31mRED",))
c.execute("UPDATE codes SET summary = ? WHERE code = 100", ("bidi\u202eevil\u200bhidden\x9b2J end",))
c.execute("UPDATE sections SET body = ? WHERE code = 100 AND ord = 0", ("body \x1b]2;TITLE2\x07 text \x1b[2J cleared?",))
c.commit()
PY
then
    fail "inject: crafted database" "python3 could not build it"
    exit 0
fi
tui_launch "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color '$HS' --db '$DB'"
wait_for "Cont" >/dev/null
type_text 100                # 000 heads the list: select 100, the code that carries the payloads
wait_until 'has "bidi"' >/dev/null
title=$(tm display-message -p -t "$S" '#{pane_title}')
case $title in
*PWNED* | *TITLE2*) fail "inject: an OSC sequence from the database does not retitle the terminal" "pane title is '$title'" ;;
*) pass "inject: an OSC sequence from the database does not retitle the terminal" ;;
esac
cap
if has "ContinueRED" || has "Continue[31mRED" || has "Cont]0;PWNEDinue[31mRED"; then
    pass "inject: escape sequences show as inert text, never as colour"
else
    fail "inject: escape sequences show as inert text" "the phrase is not drawn as plain text"
    printf '%s\n' "$SCREEN" | sed 's/^/    /'
fi
if printf '%s' "$SCREEN" | grep -q "$(printf '\342\200\256')"; then
    fail "inject: no bidi override on the screen" "U+202E reached the screen"
else
    pass "inject: no bidi override on the screen"
fi
if has "bidievilhidden"; then pass "inject: zero-width and C1 characters removed"; else
    fail "inject: zero-width and C1 characters removed" "summary not shown as 'bidievilhidden'"
    printf '%s\n' "$SCREEN" | sed 's/^/    /'
fi
if has "cleared?"; then pass "inject: a clear-screen sequence in a section clears nothing"; else
    fail "inject: a clear-screen sequence in a section clears nothing" "the section text is gone"
    printf '%s\n' "$SCREEN" | sed 's/^/    /'
fi
keys q
wait_until '[ "$DEAD" = 1 ]' >/dev/null

# ---- every text column of every table carries payloads (tests/e2e/inject_db.py) -------------------
# The list, the detail pane, a search with snippets, the compare view and the help screen:
# the pane's title never changes, no clipboard is set (tmux is told to accept OSC 52, so a
# payload that got through would make a paste buffer), no blink or red background from a
# payload's SGR, none of the hidden text of the OSC/DCS/APC strings, no bidi override.
ALL=$TUI_TMP/inject-all.db
if ! python3 tests/e2e/inject_db.py db/httpstatus.db "$ALL" >/dev/null 2>"$TUI_TMP/craft.err"; then
    fail "inject all: crafted database" "$(head -c 300 "$TUI_TMP/craft.err")"
    exit 0
fi
tui_launch "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color '$HS' --db '$ALL'"
tm set-option -g set-clipboard on >/dev/null 2>&1
wait_for "link" >/dev/null

# screen_clean NAME: the checks above on the current screen.
screen_clean() {
    cap
    cap_attrs
    t=$(tm display-message -p -t "$S" '#{pane_title}')
    bufs=$(tm list-buffers 2>/dev/null | head -c 200)
    why=""
    case $t in *INJ*OSC* | *title*) why="pane title is '$t'; " ;; esac
    [ -n "$bufs" ] && why="${why}a paste buffer was set: $bufs; "
    has "INJOSC" && why="${why}the hidden text of an OSC string is on the screen; "
    printf '%s' "$SCREEN" | grep -q "$(printf '\342\200\256')" && why="${why}U+202E on the screen; "
    if python3 - "$TUI_TMP/screen.e" <<'PY'; then :; else why="${why}a payload's SGR took effect (blink or red background); "; fi
import re, sys
e = open(sys.argv[1], encoding="utf-8", errors="replace").read()
for m in re.finditer(r"\x1b\[([0-9;:]*)m", e):
    ps = m.group(1).replace(":", ";").split(";")
    i = 0
    while i < len(ps):
        if ps[i] in ("38", "48"):          # a colour by number or RGB: skip its values
            i += 3 if i + 1 < len(ps) and ps[i + 1] == "5" else 5
            continue
        if ps[i] in ("5", "41"):
            sys.exit(1)
        i += 1
PY
    [ "$DEAD" = 1 ] && why="${why}the program ended; "
    if [ -z "$why" ]; then pass "inject all: $1"; else fail_screen "inject all: $1" "$why"; fi
}

screen_clean "the list and the first code"
keys j j j Enter
screen_clean "another code's page"
keys Tab j j j j j j j j j j
screen_clean "the detail pane scrolled"
keys Tab
keys /
type_text "link"
wait_for "link" >/dev/null
screen_clean "a search with snippets"
keys Enter
screen_clean "the search kept"
keys Escape g Space j Space c
screen_clean "the compare view"
keys '?'
screen_clean "help over compare"
keys q
wait_gone "compare: select" 2 || true
keys Escape
keys G
screen_clean "the end of the list"
keys q q q
wait_until '[ "$DEAD" = 1 ]' >/dev/null
