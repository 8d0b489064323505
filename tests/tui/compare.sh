#!/bin/sh
# tests/tui/compare.sh — the compare view: a code's group side by side with the differing
# rows starred, d hiding the identical rows, the stacked layout on a narrow terminal, Esc
# back to the browser, comparing marked codes, and Enter opening a column's code.
# Run: sh tests/tui/compare.sh (HS=path/to/httpstatus).
. "$(dirname "$0")/lib.sh"

sel_has() { selected_row | grep -qF -- "$1"; }
body() { printf '%s\n' "$SCREEN" | sed -n "2,$((TUI_H - 1))p"; }
# A screen line that holds every code given, as words: the column headings side by side.
heading_row_with() {
    body | awk -v codes="$*" 'BEGIN { n = split(codes, c, " ") }
        { ok = 1; for (i = 1; i <= n; i++) if ($0 !~ ("(^|[^0-9])" c[i] " ")) ok = 0; if (ok) { found = 1; exit } }
        END { exit !found }'
}
# An attribute row: "* Label" (differs) or "  Label" (the same for all codes).
starred() { body | grep -qE "^\* +$1( |\$)"; }
unstarred() { body | grep -qE "^   ?$1( |\$)"; }
any_row() { body | grep -qE "^[* ] +$1( |\$)"; }

# Words on the screen that are not words of the texts: something was cut mid-word. A word
# that ends in "…" was shortened on purpose and is fine when it starts a real word.
"$HS" compare --width 300 302 >"$TUI_TMP/ref.txt" 2>/dev/null
"$HS" --width 0 301 302 303 307 308 401 403 >>"$TUI_TMP/ref.txt" 2>/dev/null
echo "Full text Marked codes" >>"$TUI_TMP/ref.txt"     # the view's own labels
cut_words() {
    body >"$TUI_TMP/cmp.screen"
    python3 - "$TUI_TMP/ref.txt" "$TUI_TMP/cmp.screen" <<'EOF'
import sys
ref = set(open(sys.argv[1], encoding="utf-8").read().split())
bad = []
for line in open(sys.argv[2], encoding="utf-8"):
    for w in line.replace("│", " ").replace("|", " ").split():
        if w in ref:
            continue
        if w.endswith("…") and any(r.startswith(w[:-1]) for r in ref):
            continue
        bad.append(w)
print(" ".join(bad))
EOF
}
no_cut_words() { [ -z "$(cut_words)" ]; }

hs_start
keys 3 0 2
wait_until 'detail_title_is "302 Found"' >/dev/null

# ---- the group of 302 -------------------------------------------------------------------------
keys c
ok "compare: c opens the compare view" 'title_has compare' 'the title bar says "$(title_bar | trim)" after c'
ok "compare: the view is titled with the group (Redirects)" 'row 2 | grep -q "Redirects"' \
    'the line under the title bar is "$(row 2 | trim)"'
# The view is drawn once the status line shows its keys; then its layout is checked.
wait_until 'status_has "d same rows" && any_row Class' >/dev/null
ok "compare: columns 301 302 303 307 308 side by side" 'heading_row_with 301 302 303 307 308' \
    'no line holds the headings of 301 302 303 307 308 side by side (a 100-column terminal)' 1
for r in Permanence "Method on" Cacheable; do
    ok "compare: the differing row '$r' is starred" 'starred "$r"' 'no row "* $r"'
done
for r in Class Status; do
    ok "compare: the identical row '$r' has no star" 'unstarred "$r"' 'no row "  $r" without a star'
done
ok "compare: at 100 columns nothing is cut mid-word" 'no_cut_words' 'cut words on the screen: $(cut_words)' 0

# ---- d hides the identical rows -------------------------------------------------------------------
keys d
ok "compare: d hides the identical rows (Status disappears)" '! any_row Status && ! any_row Class && starred Permanence' \
    'after d the "Status" or "Class" row is still shown, or "* Permanence" is gone'
keys d
ok "compare: d again shows them again" 'unstarred Status && starred Permanence' 'after a second d there is no "Status" row'

# ---- narrow: stacked -------------------------------------------------------------------------------
tui_resize 60 30
stacked() {
    # each code's heading starts a line of its own; the rows carry no column separators
    body | grep -q '^301 Moved Permanently' && body | grep -q '^302 Found' && ! heading_row_with 301 302 \
        && ! body | grep -q "$SEP"
}
ok "compare: at 60 columns the table is stacked code by code" 'stacked && starred Permanence' \
    'at 60 columns the compare view is not stacked rows'
ok "compare: at 60 columns nothing is cut mid-word" 'no_cut_words' 'cut words on the screen: $(cut_words)' 0
tui_resize 100 30
wait_until 'title_has compare && row 2 | grep -q Redirects' >/dev/null

# ---- Esc: back to the browser on 302 --------------------------------------------------------------
keys Escape
ok "compare: Esc returns to the browser" 'title_has codes && list_has "1xx Informational"' \
    'after Esc the title bar says "$(title_bar | trim)"'
ok "compare: ... with 302 still shown" 'detail_title_is "302 Found" && sel_has "302 Found"' \
    'after Esc: detail "$(detail_title)", highlighted "$(selected_row)"'

# ---- marked codes -----------------------------------------------------------------------------------
keys 4 0 1
wait_until 'detail_title_is "401 Unauthorized"' >/dev/null
keys Space
wait_until 'status_has "marked 401"' >/dev/null
keys 4 0 3
wait_until 'detail_title_is "403 Forbidden"' >/dev/null
keys Space
ok "compare: Space marked 401 and 403" 'title_has "marked: 401 403"' 'the title bar says "$(title_bar | trim)"'
keys c
ok "compare: c with marks compares just the two marked codes" \
    'title_has compare && heading_row_with 401 403 && ! body | grep -q "407" && ! heading_row_with 401 403 404' \
    'the compare view does not show exactly 401 and 403'
ok "compare: the first column is selected" 'reverse_in_row 3 | grep -q "401 Unauthorized"' \
    'the highlighted heading is "$(reverse_in_row 3)"'
keys l
ok "compare: l selects the next column (403)" 'reverse_in_row 3 | grep -q "403 Forbidden"' \
    'after l the highlighted heading is "$(reverse_in_row 3)"'

# ---- Enter opens the column's code --------------------------------------------------------------------
keys Enter
ok "compare: Enter on a column opens that code (403)" 'title_has codes && detail_title_is "403 Forbidden" && sel_has "403 Forbidden"' \
    'after Enter: title "$(title_bar | trim)", detail "$(detail_title)"'
# Opening a code from compare is a step in the history: h goes back, l forward.
keys h
ok "compare: h then goes back to the code you came from (404)" 'detail_title_is "404 Not Found"' \
    'after h the detail pane shows "$(detail_title)"'
keys l
ok "compare: l goes forward to 403 again" 'detail_title_is "403 Forbidden"' \
    'after l the detail pane shows "$(detail_title)"'

keys q
ok "compare: q quits" '[ "$DEAD" = 1 ]' 'the program is still running after q'
exit 0
