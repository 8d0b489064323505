#!/bin/sh
# tests/tui/browse.sh — the browser's list and detail panes: the start-up screen, moving
# the selection, jumping by number, folding, following related-code links with history,
# help, marks and quitting. Run: sh tests/tui/browse.sh (HS=path/to/httpstatus).
. "$(dirname "$0")/lib.sh"

sel_has() { selected_row | grep -qF -- "$1"; }
cursor_has() { detail_cursor | grep -qF -- "$1"; }

# The first and last codes as the command line lists them ("599  Network ... [unofficial]").
first=$("$HS" list | head -1 | sed -e 's/ *\[[^]]*\]$//' -e 's/^\([0-9]*\)  */\1 /')
last=$("$HS" list | tail -1 | sed -e 's/ *\[[^]]*\]$//' -e 's/^\([0-9]*\)  */\1 /')

# ---- start-up -----------------------------------------------------------------------------
hs_start
ok "browse: title bar says httpstatus" 'title_has httpstatus && title_has codes' \
    "no title bar 'httpstatus — N codes' on the first line"
for h in "000 No response" "1xx Informational" "2xx Success" "3xx Redirection"; do
    ok "browse: class heading '$h' in the list" 'list_has "$h"' "the list has no heading '$h'"
done
ok "browse: '$first' is selected at start-up" 'sel_has "$first"' \
    'the highlighted list row is "$(selected_row)", expected "$first"'
ok "browse: detail pane shows '$first' at start-up" 'detail_title_is "$first"' \
    'the detail pane starts with "$(detail_title)"'
ok "browse: status bar shows the key hints" 'status_has "q quit" && status_has "? help"' \
    "the status bar lacks the key hints"

ok "browse: 000 No Response is the first code in the list" 'list_has "000 No Response"' \
    "the list does not show '000 No Response'"

# ---- moving ---------------------------------------------------------------------------------
keys 1 0 0
wait_until 'sel_has "100 Continue"' >/dev/null
keys j
ok "browse: j selects 101" 'sel_has "101 Switching Protocols"' 'after j the highlighted row is "$(selected_row)"'
ok "browse: j: the detail pane follows to 101" 'detail_title_is "101 Switching Protocols"' \
    'after j the detail pane shows "$(detail_title)"'
keys Down
ok "browse: Down selects 102" 'sel_has "102 Processing" && detail_title_is "102 Processing"' \
    'after Down: highlighted "$(selected_row)", detail "$(detail_title)"'
keys k
ok "browse: k goes back up to 101" 'sel_has "101 Switching Protocols" && detail_title_is "101 Switching Protocols"' \
    'after k: highlighted "$(selected_row)", detail "$(detail_title)"'

# ---- digits jump ----------------------------------------------------------------------------
keys 4 0 4
ok "browse: typing 4 0 4 shows 404 in the detail pane" 'detail_title_is "404 Not Found"' \
    'after 4 0 4 the detail pane shows "$(detail_title)"'
ok "browse: typing 4 0 4 selects 404 in the list" 'sel_has "404 Not Found"' \
    'after 4 0 4 the highlighted row is "$(selected_row)"'

# ---- a header from the facts: ] to the Headers line, Enter, Backspace back ------------------
keys 5 0 3
wait_until 'detail_title_is "503 Service Unavailable"' >/dev/null
keys ']' Enter
ok "browse: Enter on 503's Headers line shows the Retry-After entry" 'detail_title_is "Retry-After"' \
    'after ] Enter on 503 the detail pane shows "$(detail_title)"'
keys BSpace
ok "browse: Backspace from a header returns to 503" 'detail_title_is "503 Service Unavailable"' \
    'after Backspace the detail pane shows "$(detail_title)"'
keys Tab

# ---- G / g ----------------------------------------------------------------------------------
keys G
ok "browse: G goes to the last code ($last)" 'sel_has "$last" && detail_title_is "$last"' \
    'after G: highlighted "$(selected_row)", detail "$(detail_title)"'
keys 0 0 0
ok "browse: typing 0 0 0 selects 000" 'sel_has "000 No Response" && detail_title_is "000 No Response"' \
    'after 0 0 0: highlighted "$(selected_row)", detail "$(detail_title)"'
keys g
ok "browse: g goes to the top (the 000 heading)" 'sel_has "000 No response" && detail_title_is "000 No response"' \
    'after g: highlighted "$(selected_row)", detail "$(detail_title)"'
keys j j
ok "browse: j j from the top reaches the 1xx heading" 'sel_has "1xx Informational" && detail_title_is "1xx Informational"' \
    'after j j: highlighted "$(selected_row)", detail "$(detail_title)"'

# ---- folding --------------------------------------------------------------------------------
keys z
ok "browse: z on the 1xx heading hides its codes" \
    '! list_has "100 Continue" && ! list_has "101 Switching" && ! list_has "103 Early Hints" && list_has "1xx Informational" && list_has "200 OK"' \
    "after z on '1xx Informational' its codes are still listed (or the heading is gone)"
ok "browse: the folded heading is followed by the 2xx heading" \
    'list_part | grep -A1 "1xx Informational" | sed -n 2p | grep -q "2xx Success"' \
    'the row under the folded heading is "$(list_part | grep -A1 "1xx Informational" | sed -n 2p)"'
keys z
ok "browse: z again shows the codes again" 'list_has "100 Continue" && list_has "103 Early Hints"' \
    "after a second z the 1xx codes are not back"

# ---- marks ------------------------------------------------------------------------------------
keys j
wait_until 'sel_has "100 Continue"' >/dev/null
keys Space
ok "browse: Space marks the code (status bar says marked)" 'status_has "marked 100"' \
    "the status bar does not say 'marked 100'"
ok "browse: the title bar lists the marked code" 'title_has "marked: 100"' "no 'marked: 100' on the title bar"
ok "browse: Space moves on to the next code" 'sel_has "101 Switching Protocols"' \
    'after Space the highlighted row is "$(selected_row)"'
keys k Space
ok "browse: Space on a marked code unmarks it" 'status_has "unmarked 100" && ! title_has "marked:"' \
    "the status bar does not say 'unmarked 100', or the title still lists marks"

# ---- quit -------------------------------------------------------------------------------------
keys q
ok "browse: q quits (the pane's program is gone)" '[ "$DEAD" = 1 ]' "the program is still running after q"
st=$(exit_status)
if [ "$st" = "status 0" ]; then pass "browse: q exits with status 0"; else fail_screen "browse: q exits with status 0" "ended with '$st'"; fi
ok "browse: after q the browser is off the screen" '! has "codes" && ! has "Continue"' \
    "the browser is still drawn after quitting (the alternate screen was not left)"

# ---- related-code links and history -------------------------------------------------------------
hs_start
keys 4 0 4
wait_until 'detail_title_is "404 Not Found"' >/dev/null
keys Tab
ok "browse: Tab focuses the detail pane (cursor on its first line)" 'cursor_has "404 Not Found"' \
    'after Tab the detail cursor line is "$(detail_cursor)"'
keys ']'
ok "browse: ] moves to the related-code link 410 Gone" 'cursor_has "410 Gone"' \
    'after ] the detail cursor line is "$(detail_cursor)", expected the "410 Gone" link'
keys Enter
ok "browse: Enter follows the link to 410 Gone" 'detail_title_is "410 Gone"' \
    'after Enter on the 410 link the detail pane shows "$(detail_title)"'
ok "browse: following the link selects 410 in the list" 'sel_has "410 Gone"' \
    'after following the link the highlighted row is "$(selected_row)"'
keys h
ok "browse: h goes back to 404" 'detail_title_is "404 Not Found"' \
    'after h the detail pane shows "$(detail_title)"'
keys l
ok "browse: l goes forward to 410 again" 'detail_title_is "410 Gone"' \
    'after l the detail pane shows "$(detail_title)"'
keys BSpace
ok "browse: Backspace goes back to 404" 'detail_title_is "404 Not Found"' \
    'after Backspace the detail pane shows "$(detail_title)"'
keys h
ok "browse: h with no earlier code says so" 'status_has "no earlier code"' \
    'after h at the start of the history the status bar says "$(status_line | trim)"'

# ---- help ---------------------------------------------------------------------------------------
# A tall pane, so the whole key list fits on one screen.
hs_start
tui_resize 100 60
wait_until 'title_has "codes"' >/dev/null
keys '?'
ok "browse: ? opens help" 'title_has "help" && has "search as you type" && has "compare"' \
    "no help screen with 'search as you type' and 'compare' after ?"
# Every action with a help text in the key table is listed, with its key names.
python3 - "$ROOT/src/ui/keys.c" >"$TUI_TMP/keyhelp" <<'EOF'
import re, sys
t = open(sys.argv[1]).read()
S = r'"((?:[^"\\]|\\.)*)"'
for m in re.finditer(r'\{[^\n]*?,\s*' + S + r'\s*,\s*(' + S + r'|NULL)\s*,\s*(' + S + r'|NULL)\s*\}', t):
    if m.group(3) is not None and m.group(1):
        words = m.group(3).split()
        prefix = ""
        for w in words:
            if len(prefix) + len(w) + 1 > 40:
                break
            prefix = (prefix + " " + w).strip()
        print(m.group(1) + "\t" + prefix)
EOF
missing=
n=0
while IFS='	' read -r name prefix; do
    n=$((n + 1))
    printf '%s\n' "$SCREEN" | grep -F -- "$prefix" | grep -qF -- "$name" || missing="$missing [$name: $prefix]"
done <"$TUI_TMP/keyhelp"
if [ "$n" -lt 10 ]; then
    fail "browse: help lists every key of the key table" "could read only $n entries from src/ui/keys.c"
elif [ -z "$missing" ]; then
    pass "browse: help lists every key of the key table ($n actions)"
else
    fail_screen "browse: help lists every key of the key table" "missing:$missing"
fi
keys Escape
ok "browse: Esc closes help" 'title_has "codes" && ! has "search as you type" && list_has "1xx Informational"' \
    "help is still shown after Esc"

exit 0
