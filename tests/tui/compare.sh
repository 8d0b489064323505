#!/bin/sh
# tests/tui/compare.sh — the compare view: a code's group side by side with the differing
# rows starred, d hiding the identical rows, the stacked layout on a narrow terminal, Esc
# back to the browser, comparing marked codes, Enter opening a column's code, Tab marking
# the column that scrolls alone, the status line naming the selected column, the mouse
# wheel, and no word cut anywhere in the whole view (at two widths, two groups).
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
"$HS" --width 0 301 302 303 307 308 401 403 407 >>"$TUI_TMP/ref.txt" 2>/dev/null
"$HS" compare --width 300 401 403 407 >>"$TUI_TMP/ref.txt" 2>/dev/null
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

# Every page of the view, from the top (PgDn until the last line stops changing), into the
# file $1, each page after a line "=PAGE=" (pages overlap; the checker joins them).
all_pages() {
    : >"$1"
    cap
    keys g
    settle "$SCREEN"
    _prev=
    _i=0
    _end=0
    while [ "$_i" -lt 40 ]; do        # the longest view is some 13 pages at 100x30
        _i=$((_i + 1))
        cap
        echo "=PAGE=" >>"$1"
        body | sed 1d >>"$1"          # the title line stays; the rest scrolls
        _last=$(body | tail -3)
        if [ "$_last" = "$_prev" ]; then _end=1; break; fi
        _prev=$_last
        keys NPage
        settle "$SCREEN"
    done
    # Not at the end after 40 pages: a word no text has, so that the check fails.
    [ "$_end" = 1 ] || echo "NOT-AT-THE-END-AFTER-40-PAGES" >>"$1"
    keys g
}
# Words of the pages in $1 that are not words of the texts. A word may end a column's line
# with a hyphen and go on at the start of the same column's next line: at a hyphen of its
# own ("Proxy-" / "Authenticate"), or hyphenated because it is wider than the column
# ("(heuristi-" / "cally)"); both are fine. Anything else is a cut word.
cut_words_in() {
    python3 - "$TUI_TMP/ref.txt" "$1" <<'PY'
import itertools, re, sys
ref = set(open(sys.argv[1], encoding="utf-8").read().split())
parts = set(ref)
for w in ref:
    pieces = w.split("-")
    for i in range(1, len(pieces)):
        parts.add("-".join(pieces[:i]) + "-")
        parts.add("-".join(pieces[i:]))
def ok(w):
    if w in parts:
        return True
    return w.endswith("…") and any(r.startswith(w[:-1]) for r in ref)
def joined_ok(chain):
    # Pieces of words over several lines of a column: a piece that ends in "-" keeps its
    # hyphen (the word's own) or drops it (hyphenated, too wide for the column); an example
    # line going on (↪) broke inside a word or between words.
    opts = [[p, p[:-1]] if p.endswith("-") else [p] for p in chain]
    for c in itertools.product(*opts):
        for gaps in itertools.product(["", " "], repeat=len(c) - 1):
            text = c[0] + "".join(g + p for g, p in zip(gaps, c[1:]))
            if all(ok(w) for w in text.split()):
                return True
    return False
# The pages overlap: join them where the end of what we have is the start of the next.
lines = []
for page in open(sys.argv[2], encoding="utf-8").read().split("=PAGE=\n"):
    new = page.split("\n")
    while new and not new[-1].strip():
        new.pop()
    k = min(len(lines), len(new))
    while k > 0 and lines[-k:] != new[:k]:
        k -= 1
    lines += new[k:]
columns = {}
for line in lines:
    cells = re.split("[│|]", line.rstrip("\n"))
    cells = cells[1:] if len(cells) > 1 else cells
    for i, cell in enumerate(cells):
        words = cell.split()
        cont = bool(words) and words[0] == "\u21aa"
        columns.setdefault(i, []).append((words[1:] if cont else words, cont))
bad = []
for entries in columns.values():
    chain = []
    for k, (words, cont) in enumerate(entries):
        ws = list(words)
        next_cont = k + 1 < len(entries) and entries[k + 1][1]
        goes_on = lambda w: (w.endswith("-") and len(w) > 1) or next_cont
        if chain:
            if ws:
                chain.append(ws.pop(0))
                if not ws and goes_on(chain[-1]):
                    continue                  # the word goes on in the next line too
            if not joined_ok(chain):
                bad.append("|".join(chain))
            chain = []
        if ws and goes_on(ws[-1]):
            chain = [ws.pop()]
        bad += [w for w in ws if not ok(w)]
    if chain and not joined_ok(chain):
        bad.append("|".join(chain))
print(" ".join(sorted(set(bad))))
PY
}

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
ok "compare: each code's phrase is whole in the header, wrapped in its column (301 Moved / Permanently)" \
    'row 3 | grep -q "301 Moved " && row 4 | grep -q "Permanently" && row 4 | grep -q "Redirect" && ! row 3 | grep -q "…"' \
    'the header rows are "$(row 3 | trim)" and "$(row 4 | trim)"' 0

# The whole view, every page: no word cut (5 columns of 14: facts below their labels,
# words wider than a column hyphenated).
all_pages "$TUI_TMP/pages-302"
bad=$(cut_words_in "$TUI_TMP/pages-302")
if [ -z "$bad" ]; then pass "compare: the whole Redirects view at 100 columns has no cut word"; else fail "compare: the whole Redirects view at 100 columns has no cut word" "cut: $bad"; fi

# ---- the selected column, Tab, the wheel ----------------------------------------------------------
keys l
ok "compare: the status line names the selected column's code (303), not the list's (302)" \
    'status_has "303 See Other" && ! status_line | grep -q "^ *302 "' \
    'after l the status line is "$(status_line | trim)"'
keys NPage
wait_until '! body | grep -q "Full text"' >/dev/null
keys Tab
ok "compare: Tab, once scrolled, shows which column scrolls alone (on the line that stays)" \
    'row 2 | grep -q "column 3 scrolls alone: 303 See Other"' \
    'after PgDn and Tab the line under the title is "$(row 2 | trim)"'
cap_attrs
marks=$(printf '%s\n' "$ATTRS" | awk -F'\t' -v h="$TUI_H" '$1 > 2 && $1 < h && $3 ~ /R/ && ($4 == "│" || $4 == "|")' | wc -l)
if [ "$marks" -ge 5 ]; then
    pass "compare: the column that scrolls alone has its bar marked ($marks rows)"
else
    fail_screen "compare: the column that scrolls alone has its bar marked" "$marks rows with a marked bar"
fi
ok "compare: ... and the status line says so" 'status_has "303 See Other" && status_has "scrolls alone"' \
    'the status line is "$(status_line | trim)"' 1
keys Tab h g
wait_until 'status_has "302 Found" && ! row 2 | grep -q "scrolls alone"' >/dev/null
r3=$(row 4)
wheel() { type_text "$(printf '\033[<%d;%d;%dM' "$([ "$1" = down ] && echo 65 || echo 64)" "$2" "$3")"; }
wheel down 50 12
ok "compare: the mouse wheel scrolls the view" '[ "$(row 4)" != "$r3" ] && title_has compare' \
    'after the wheel the fourth line is still "$(row 4)"'
wheel up 50 12
wait_until '[ "$(row 4)" = "$r3" ]' >/dev/null

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

# ---- the whole view of three codes at 80 columns: no word cut ---------------------------------------
hs_start
keys 4 0 1 Space 4 0 3 Space 4 0 7 Space c
wait_until 'title_has compare && heading_row_with 401 403' >/dev/null
tui_resize 80 30
wait_until 'title_has compare && heading_row_with 401 403' >/dev/null
all_pages "$TUI_TMP/pages-407"
bad=$(cut_words_in "$TUI_TMP/pages-407")
if [ -z "$bad" ]; then pass "compare: the whole view of 401 403 407 at 80 columns has no cut word"; else fail "compare: the whole view of 401 403 407 at 80 columns has no cut word" "cut: $bad"; fi

keys q q
ok "compare: q closes the view, a second q quits" '[ "$DEAD" = 1 ]' 'the program is still running after q q'
exit 0
