#!/bin/sh
# tests/tui/browse.sh — the browser's list and detail panes: the start-up screen, moving
# the selection, jumping by number, folding, the detail pane scrolling as less does,
# following related-code links with history, the mouse wheel, help, marks, the readable
# measure on a wide screen, standard codes only, and quitting.
# Run: sh tests/tui/browse.sh (HS=path/to/httpstatus).
. "$(dirname "$0")/lib.sh"

sel_has() { selected_row | grep -qF -- "$1"; }
cursor_has() { detail_cursor | grep -qF -- "$1"; }
# The screen rows (1-based) of the detail pane that have a reverse-video run (after cap_attrs).
detail_reverse_rows() {
    printf '%s\n' "$ATTRS" | awk -F'\t' -v h="$TUI_H" '$1 > 1 && $1 < h && $2 > 20 && $3 ~ /R/ { print $1 }' | sort -un
}
# wheel up|down X Y: a mouse wheel event at column X, row Y (1-based), as xterm sends it
# (SGR mode), typed into the pane.
wheel() {
    _b=64
    [ "$1" = down ] && _b=65
    type_text "$(printf '\033[<%d;%d;%dM' "$_b" "$2" "$3")"
}
# Line N of what `httpstatus CODE` prints at the detail pane's text width (the oracle).
doc_line() { "$HS" --width "$((TUI_W - TUI_W * 2 / 5 - 3))" "$1" | sed -n "${2}p" | trim; }

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
keys 2 9 9
ok "browse: 2 9 9 (no such code) names all that was typed" 'status_has "no code starts with 299"' \
    'after 2 9 9 the status bar says "$(status_line | trim)"'

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

# z on a code folds its class and leaves the selection on the class's heading, so a second
# z unfolds that same class.
keys 3 0 2
wait_until 'sel_has "302 Found"' >/dev/null
keys z
ok "browse: z on 302 folds 3xx, the selection on the 3xx heading" \
    '! list_has "302 Found" && ! list_has "301 Moved" && sel_has "3xx Redirection"' \
    'after z on 302 the highlighted row is "$(selected_row)"'
keys z
ok "browse: a second z unfolds 3xx again (not the next class)" \
    'sel_has "3xx Redirection" && selected_row | grep -q "▾ 3xx" && ! list_part | grep -q "▸"' \
    'after a second z the highlighted row is "$(selected_row)", or a class is still folded'
keys g j j
wait_until 'sel_has "1xx Informational"' >/dev/null

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
# The detail pane scrolls as less does: j and k move the text, with no cursor bar.
line3=$(doc_line 404 3)
line2=$(doc_line 404 2)
keys Tab j j
ok "browse: with the detail pane focused, j scrolls the text (as less does)" 'detail_title_is "$line3"' \
    'after Tab j j the detail pane starts with "$(detail_title)", expected its third line "$line3"'
keys k
ok "browse: k scrolls the text back" 'detail_title_is "$line2"' \
    'after k the detail pane starts with "$(detail_title)", expected "$line2"'
cap_attrs
if [ -z "$(detail_reverse_rows)" ]; then
    pass "browse: no cursor bar in the detail pane while it scrolls"
else
    fail_screen "browse: no cursor bar in the detail pane while it scrolls" "reverse video on rows $(detail_reverse_rows | tr '\n' ' ')"
fi
keys ']'
ok "browse: ] highlights the related-code link 410 Gone" 'cursor_has "410 Gone"' \
    'after ] the highlighted detail line is "$(detail_cursor)", expected the "410 Gone" link'
cap_attrs
last=$(detail_reverse_rows | tail -1)
if [ -n "$last" ] && [ "$last" -le $((TUI_H - 4)) ]; then
    pass "browse: the highlighted link keeps a margin below it (ends on row $last of $((TUI_H - 1)))"
else
    fail_screen "browse: the highlighted link keeps a margin below it" "the highlighted link ends on row '$last', the last row of the pane is $((TUI_H - 1))"
fi
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
ok "browse: ? opens help" 'title_has "help" && has "as you type" && has "compare"' \
    "no help screen with 'as you type' and 'compare' after ?"
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
ok "browse: Esc closes help" 'title_has "codes" && ! has "as you type" && list_has "1xx Informational"' \
    "help is still shown after Esc"

# Help over compare: the title names the top view.
keys 3 0 2
wait_until 'detail_title_is "302 Found"' >/dev/null
keys c
wait_until 'title_has compare' >/dev/null
keys '?'
ok "browse: after c then ? the title says help, not compare" 'title_has "help" && ! title_has "compare"' \
    'after c ? the title bar says "$(title_bar | trim)"'
keys Escape Escape
wait_until 'title_has codes' >/dev/null

# ---- the mouse wheel ------------------------------------------------------------------------------
tui_resize 100 30
hs_start
keys 4 0 4
wait_until 'detail_title_is "404 Not Found" && sel_has "404 Not Found"' >/dev/null
line4=$(doc_line 404 4)
wheel down 60 10
ok "browse: the wheel over the detail pane scrolls it while the list has the focus" 'detail_title_is "$line4"' \
    'after the wheel over the detail pane it starts with "$(detail_title)", expected "$line4"'
ok "browse: ... and the list's selection stays on 404" 'sel_has "404 Not Found"' \
    'the highlighted row is "$(selected_row)"' 1
wheel up 60 10
ok "browse: the wheel up scrolls the detail pane back" 'detail_title_is "404 Not Found"' \
    'after the wheel up the detail pane starts with "$(detail_title)"'
wheel down 10 10
ok "browse: the wheel over the list moves its selection" 'sel_has "407 Proxy Authentication Required"' \
    'after the wheel over the list the highlighted row is "$(selected_row)"'
keys '?'
wait_until 'title_has help && row 2 | grep -q Keys' >/dev/null
wheel down 50 10
ok "browse: the wheel scrolls help" 'title_has help && ! row 2 | grep -q Keys' \
    'after the wheel in help the first line is still "$(row 2 | trim)"'
keys Escape

# ---- a wide screen: a readable measure, examples whole ------------------------------------------
hs_start
tui_resize 250 40
wait_until 'title_has codes' >/dev/null
keys 4 0 4
wait_until 'detail_title_is "404 Not Found"' >/dev/null
widest=$(detail_part | sed 's/[[:space:]]*$//' | awk '{ n = length($0); if (n > m) m = n } END { print m + 0 }')
if [ "$widest" -le 102 ]; then
    pass "browse: at 250 columns the detail text is at most 100 columns wide ($widest with its margin)"
else
    fail_screen "browse: at 250 columns the detail text is at most 100 columns wide" "a detail line is $widest columns wide"
fi
# Every line of an example is on the screen whole: a line too wide for the pane goes on
# below, after a continuation mark; nothing is cut with an ellipsis. At 70 columns the text
# is 39 wide; the code is the first of a few whose example has a longer line.
tui_resize 70 30
text_w=$((70 - 70 * 2 / 5 - 3))
code=
for c in 102 414 431 511 101 200 202; do
    "$HS" --width 0 "$c" | awk '/^Example/ { on = 1; next } on && /^[^ ]/ { on = 0 } on && NF' >"$TUI_TMP/example"
    if awk -v w="$text_w" 'length($0) > w { f = 1 } END { exit !f }' "$TUI_TMP/example"; then code=$c; break; fi
done
if [ -z "$code" ]; then
    fail "browse: an example line wider than the pane is shown whole" "none of the codes tried has an example line wider than $text_w columns"
else
    keys $(echo "$code" | sed 's/./& /g')
    wait_until 'detail_title | grep -q "^$code "' >/dev/null
    keys Tab
    : >"$TUI_TMP/pages"
    for i in 1 2 3 4 5 6 7 8; do
        detail_part >>"$TUI_TMP/pages"
        keys PPage NPage NPage
        settle "$SCREEN" 4
    done
    detail_part >>"$TUI_TMP/pages"
    missing=$(python3 - "$TUI_TMP/pages" "$TUI_TMP/example" <<'PY'
import sys
lines = [l.rstrip() for l in open(sys.argv[1], encoding="utf-8")]
joined = []
for l in lines:
    s = l.strip()
    if s.startswith("\u21aa ") and joined:
        joined[-1] += s[2:]
    else:
        joined.append(s)
have = set(joined)
for want in open(sys.argv[2], encoding="utf-8"):
    w = want.strip()
    if w and w not in have:
        print(w[:60])
PY
)
    if [ -z "$missing" ] && ! grep -q '…$' "$TUI_TMP/pages"; then
        pass "browse: $code's example lines are all on the screen at 70 columns, whole (wrapped with a mark, never cut)"
    else
        fail "browse: $code's example lines are all on the screen at 70 columns, whole" "missing or cut: $missing"
    fi
fi
tui_resize 100 30

# ---- standard codes only ----------------------------------------------------------------------------
hs_start
keys s
ok "browse: s shows only standard codes" 'title_has "standard codes" && ! list_has "306 (Unused)" && ! list_has "∅" && list_has "100 Continue"' \
    'after s the title is "$(title_bar | trim)" and the list still shows unofficial or reserved codes'
keys s
ok "browse: s again shows every code" '! title_has "standard" && list_has "000 No Response"' \
    'after a second s the title is "$(title_bar | trim)"'

exit 0
