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
