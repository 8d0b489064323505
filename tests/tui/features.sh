#!/bin/sh
# tests/tui/features.sh — what the browser does besides browsing: copying to the clipboard
# with OSC 52 (y, and the Y menu of library constants), finding in the shown page (f, or /
# with the detail pane focused; n, N; Esc), and each code's specification address, shown in
# the detail pane and opened with the desktop's opener (o), or a message saying why not.
# Run: sh tests/tui/features.sh (HS=path/to/httpstatus).
. "$(dirname "$0")/lib.sh"

sel_has() { selected_row | grep -qF -- "$1"; }
# The clipboard as tmux received it through OSC 52 (set-clipboard on).
buffer() { tm show-buffer 2>/dev/null; }

# ---- OSC 52 -----------------------------------------------------------------------------------------
hs_start
tm set-option -g set-clipboard on
tm delete-buffer 2>/dev/null
keys 4 0 4
wait_until 'detail_title_is "404 Not Found"' >/dev/null
keys y
ok "features: y says what it copied" 'status_has "copied \"404 Not Found\""' \
    'after y the status line is "$(status_line | trim)"'
ok "features: y puts \"404 Not Found\" on the clipboard (OSC 52, received by tmux)" '[ "$(buffer)" = "404 Not Found" ]' \
    'the tmux buffer holds "$(buffer)"'
keys Y
ok "features: Y opens a menu of what can be copied" 'title_has copy && has "HTTPStatus.NOT_FOUND" && has "http.StatusNotFound"' \
    'after Y the screen has no copy menu with the library constants'
n=$(printf '%s\n' "$SCREEN" | grep -n "HTTPStatus.NOT_FOUND" | head -1 | sed 's/:.*//')
digit=$(row "$n" | awk '{ print $1 }')
keys "$digit"
ok "features: its digit copies Python's constant HTTPStatus.NOT_FOUND" '[ "$(buffer)" = "HTTPStatus.NOT_FOUND" ]' \
    'after Y $digit the tmux buffer holds "$(buffer)"'
ok "features: ... and the menu closes" 'title_has codes && status_has "copied"' 'the menu is still open'
keys Y j Enter
ok "features: Enter on the second line copies the code alone" '[ "$(buffer)" = "404" ] && title_has codes' \
    'after Y j Enter the tmux buffer holds "$(buffer)"'
keys Y Escape
ok "features: Esc closes the menu, copying nothing" 'title_has codes' 'the copy menu is still open after Esc'

# ---- find in the shown page --------------------------------------------------------------------------
hs_start
keys 4 0 4
wait_until 'detail_title_is "404 Not Found"' >/dev/null
keys f
ok "features: f opens the find prompt on the bottom line" 'status_line | grep -q "Find in page:"' \
    'after f the bottom line is "$(status_line | trim)"'
type_text "Content-Length"
ok "features: typing scrolls the detail pane to the first match" 'detail_has "Content-Length: 0"' \
    'the detail pane does not show "Content-Length: 0" after finding it'
cap_attrs
mrow=$(printf '%s\n' "$SCREEN" | grep -n "Content-Length: 0" | head -1 | sed 's/:.*//')
if [ -n "$mrow" ] && match_in_row "$mrow"; then
    pass "features: the match is highlighted"
else
    fail_screen "features: the match is highlighted" "no highlight on row '$mrow'"
fi
if [ -n "$mrow" ] && [ "$mrow" -le $((TUI_H - 4)) ]; then
    pass "features: the match keeps a margin below it (row $mrow)"
else
    fail_screen "features: the match keeps a margin below it" "the match is on row '$mrow' of $((TUI_H - 1))"
fi
keys Enter
ok "features: Enter keeps the find (named on the status line)" 'status_has "find \"Content-Length\""' \
    'after Enter the status line is "$(status_line | trim)"'
keys Escape 4 0 4
wait_until 'detail_title_is "404 Not Found" && ! status_has "find"' >/dev/null
keys f
type_text "cache"
keys Enter
first=$(detail_title)
keys n
ok "features: n goes to the next match" '[ "$(detail_title)" != "$first" ]' \
    'after n the detail pane still starts with "$first"'
second=$(detail_title)
keys N
ok "features: N goes back to the previous match" '[ "$(detail_title)" != "$second" ]' \
    'after N the detail pane still starts with "$second"'
keys Escape
ok "features: Esc drops the find" '! status_has "find \""' 'after Esc the status line is "$(status_line | trim)"'
# With the detail pane focused, / finds in the page too (as in less); with the list focused
# it searches all codes.
keys Tab /
ok "features: / with the detail pane focused finds in the page" 'status_line | grep -q "Find in page:"' \
    'after Tab / the bottom line is "$(status_line | trim)"'
keys Escape Tab /
ok "features: / with the list focused searches all codes" 'status_line | grep -q "^/" && ! status_line | grep -q "Find in page"' \
    'after / from the list the bottom line is "$(status_line | trim)"'
keys Escape

# ---- the specification's address, and opening it ---------------------------------------------------
mkdir -p "$TUI_TMP/bin" "$TUI_TMP/empty"
cat >"$TUI_TMP/bin/xdg-open" <<EOF
#!/bin/sh
printf '%s\n' "\$*" >"$TUI_TMP/opened"
EOF
chmod +x "$TUI_TMP/bin/xdg-open"
url="https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5"
hs_start PATH="$TUI_TMP/bin:/usr/bin:/bin" DISPLAY=:0
keys 4 0 4
wait_until 'detail_title_is "404 Not Found"' >/dev/null
ok "features: the detail pane shows 404's section on the RFC Editor's site" 'detail_has "$url"' \
    "the detail pane does not show $url"
keys o
ok "features: o says it opens the address" 'status_has "opening $url"' 'after o the status line is "$(status_line | trim)"'
ok "features: o runs the opener with the address" '[ "$(cat "$TUI_TMP/opened" 2>/dev/null)" = "$url" ]' \
    'the opener got "$(cat "$TUI_TMP/opened" 2>/dev/null)"'
ok "features: ... and the browser goes on" 'title_has codes && detail_title_is "404 Not Found"' 'the browser is not on the screen'
keys 4 9 9
wait_until 'detail_title | grep -q "^499 "' >/dev/null
keys o
ok "features: o on a vendor code (no RFC) says there is no page" 'status_has "no RFC"' \
    'after o on 499 the status line is "$(status_line | trim)"'

hs_start PATH="$TUI_TMP/empty" DISPLAY=:0
keys 4 0 4 o
ok "features: o without an opener says so" 'status_has "xdg-open is not installed"' \
    'the status line is "$(status_line | trim)"'
hs_start PATH="$TUI_TMP/bin:/usr/bin:/bin" DISPLAY= WAYLAND_DISPLAY=
rm -f "$TUI_TMP/opened"
keys 4 0 4 o
ok "features: o without a desktop says so, and runs nothing" 'status_has "no desktop" && [ ! -e "$TUI_TMP/opened" ]' \
    'the status line is "$(status_line | trim)"'

exit 0
