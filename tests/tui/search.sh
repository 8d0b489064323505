#!/bin/sh
# tests/tui/search.sh — live search in the browser: the "/" prompt narrows the list as you
# type, a snippet under each hit, Up/Down (Ctrl-N/Ctrl-P) move through the hits while
# typing, Enter keeps the hits, n finds the words in the detail pane, Esc restores the list
# and the selection, the closest matches under one header line with a suggestion that Tab
# takes, "no match", hostile input, the prompt's history on Ctrl-R, and the prompt's keys
# in the help. Run: sh tests/tui/search.sh (HS=path/to/httpstatus).
. "$(dirname "$0")/lib.sh"

sel_has() { selected_row | grep -qF -- "$1"; }
prompt_is() { [ "$(status_line | sed 's/[[:space:]]*$//')" = "/$1" ]; }
hit_count() { title_bar | sed -n 's/.* \([0-9][0-9]*\) hits*.*/\1/p'; }
# The list row under the row holding TEXT.
row_under() { list_part | grep -A1 -F -- "$1" | sed -n 2p; }
row_number_of() { printf '%s\n' "$SCREEN" | grep -n -F -- "$1" | head -1 | cut -d: -f1; }

hs_start
keys 2 0 4
wait_until 'detail_title_is "204 No Content"' >/dev/null

# ---- the prompt -------------------------------------------------------------------------------
keys /
ok "search: / opens the prompt on the bottom line" 'prompt_is ""' \
    'the bottom line is "$(status_line)", expected the prompt "/"'

# ---- live narrowing: the list changes with every keystroke --------------------------------------
prev=$(list_part)
typed=
for k in c a p t; do
    typed=$typed$k
    keys "$k"
    ok "search: typing '$typed' updates the list live" 'prompt_is "$typed" && title_has hit && [ "$(list_part)" != "$prev" ]' \
        'after typing "$typed" the prompt is "$(status_line | trim)" and the list did not change'
    cap
    prev=$(list_part)
done
type_text iv
ok "search: 'captiv' finds 511 Network Authentication Required" \
    'prompt_is captiv && list_has "511 Network Authentication Required"' \
    'the list for "captiv" lacks 511 Network Authentication Required'
ok "search: 'captiv' narrows the list to few hits" '[ -n "$(hit_count)" ] && [ "$(hit_count)" -ge 1 ] && [ "$(hit_count)" -le 3 ] && ! list_has "Informational"' \
    'the title bar says "$(title_bar | trim)" for captiv'
ok "search: the detail pane shows the first hit" 'detail_title_is "511 Network Authentication Required"' \
    'the detail pane shows "$(detail_title)"'
# The snippet: the row under the hit is text from the document with the match highlighted.
snippet_ok() {
    _sn=$(row_under "511 Network Authentication Required")
    printf '%s\n' "$_sn" | grep -qi "captiv" || return 1
    printf '%s\n' "$_sn" | grep -qE '^ *[^ ]? *[0-9]{3} ' && return 1
    cap_attrs
    match_in_row "$(row_number_of "$_sn")"
}
ok "search: a snippet line with the match highlighted appears under the hit" 'snippet_ok' \
    'the row under 511 is "$(row_under "511 Network Authentication Required")", expected a snippet with "captive" highlighted'

# ---- the arrows move through the hits while typing, as in fzf ------------------------------------
keys C-u
wait_until 'prompt_is ""' >/dev/null
type_text redirect
ok "search: 'redirect' lists several hits" 'prompt_is redirect && [ -n "$(hit_count)" ] && [ "$(hit_count)" -ge 3 ]' \
    'the title bar says "$(title_bar | trim)" for redirect'
first_hit=$(selected_row | trim)
keys Down
ok "search: Down moves to the second hit, the prompt stays open" \
    'prompt_is redirect && [ "$(selected_row | trim)" != "$first_hit" ] && [ "$(detail_title)" = "$(selected_row | trim | sed "s/^[^0-9]*//")" ]' \
    'after Down: prompt "$(status_line | trim)", highlighted "$(selected_row)", detail "$(detail_title)"'
second_hit=$(selected_row | trim)
keys C-n
ok "search: Ctrl-N moves to the third hit" 'prompt_is redirect && [ "$(selected_row | trim)" != "$second_hit" ] && [ "$(selected_row | trim)" != "$first_hit" ]' \
    'after Ctrl-N the highlighted row is "$(selected_row)"'
keys C-p
ok "search: Ctrl-P moves back" '[ "$(selected_row | trim)" = "$second_hit" ]' \
    'after Ctrl-P the highlighted row is "$(selected_row)", expected "$second_hit"'
keys Up
ok "search: Up moves back to the first hit" '[ "$(selected_row | trim)" = "$first_hit" ] && prompt_is redirect' \
    'after Up the highlighted row is "$(selected_row)", expected "$first_hit"'
type_text " see"
ok "search: typing again starts from the first hit of the new list" 'prompt_is "redirect see" && list_has "303 See Other"' \
    'after typing " see" the prompt is "$(status_line | trim)"'
keys C-u
wait_until 'prompt_is ""' >/dev/null
type_text captiv
wait_until 'list_has "511 Network Authentication Required"' >/dev/null

# ---- Enter keeps the result ---------------------------------------------------------------------
keys Enter
ok "search: Enter closes the prompt" 'status_has "q quit" && ! prompt_is captiv' \
    'the bottom line is still "$(status_line | trim)" after Enter'
ok "search: Enter keeps the hits in the list" 'list_has "511 Network Authentication Required" && ! list_has "1xx Informational"' \
    'after Enter the list is not the hits for captiv'
ok "search: the title bar says hits" 'title_has hit && ! title_has codes' \
    'the title bar says "$(title_bar | trim)"'

# ---- n: next match in the detail pane -----------------------------------------------------------
# The detail pane scrolls as less does (no cursor bar): n brings a line with a match into
# view, the match highlighted.
cursor_on_match() {
    _c=$(detail_part | grep -i captiv | head -1)
    [ -n "$_c" ] || return 1
    match_in_row "$(row_number_of "$_c")"
}
keys n
ok "search: n puts the detail cursor on a highlighted match" 'cursor_on_match' \
    'after n the detail cursor line is "$(detail_cursor)", expected a line with "captive" highlighted'

# ---- Esc: the full list and the selection from before -------------------------------------------
keys Escape
ok "search: Esc restores the full list" 'title_has codes && list_has "1xx Informational" && list_has "100 Continue"' \
    'after Esc the list is not the full list'
ok "search: Esc restores the previous selection (204)" 'sel_has "204 No Content" && detail_title_is "204 No Content"' \
    'after Esc: highlighted "$(selected_row)", detail "$(detail_title)"'

# ---- history: Ctrl-R ------------------------------------------------------------------------------
keys /
wait_until 'prompt_is ""' >/dev/null
type_text tea
keys C-r
ok "search: Ctrl-R in the prompt recalls the previous search" 'prompt_is captiv && list_has "511 Network Authentication Required"' \
    'after / and Ctrl-R the prompt is "$(status_line | trim)"'
keys C-r
ok "search: Ctrl-R past the oldest search gives back what was typed" 'prompt_is tea' \
    'after the second Ctrl-R the prompt is "$(status_line | trim)", expected "/tea"'

# ---- the closest matches, one line; Tab takes the suggestion ---------------------------------------
keys C-u
wait_until 'prompt_is ""' >/dev/null
type_text "forbiden"
ok "search: a misspelt word shows the closest matches under one line" \
    'prompt_is forbiden && list_part | sed -n 1p | grep -qF "no code mentions all of '"'"'forbiden'"'"'" && list_has "403 Forbidden"' \
    'the list for "forbiden" does not start with the closest-matches line: "$(list_part | sed -n 1p)"'
ok "search: ... and offers the correction under it ('did you mean', Tab)" 'list_part | sed -n 2p | grep -qF "did you mean '"'"'forbidden'"'"'? (Tab)"' \
    'the second line does not offer "forbidden": "$(list_part | sed -n 2p)"'
ok "search: ... and the first hit is selected under it" 'selected_row | grep -qF "403 Forbidden"' \
    'the highlighted row is "$(selected_row)"'
keys Tab
ok "search: Tab takes the suggestion" 'prompt_is forbidden && ! list_has "no code mentions" && list_has "403 Forbidden"' \
    'after Tab the prompt is "$(status_line | trim)" and the list starts "$(list_part | sed -n 1p)"'

# ---- no match -------------------------------------------------------------------------------------
keys C-u
wait_until 'prompt_is ""' >/dev/null
type_text zzqqxxj
ok "search: a query with no match says 'no match'" 'prompt_is zzqqxxj && list_has "no match"' \
    'the list for "zzqqxxj" does not say "no match"'

# ---- hostile input: never an error ---------------------------------------------------------------
# Settled: the prompt shows the query and the list shows hits or the "no match" note, with no
# error text anywhere.
settled_clean() {
    prompt_is "$1" || return 1
    title_has hit || return 1
    _hc=$(hit_count)
    if [ "$_hc" = 0 ]; then
        list_part | sed -n 1p | grep -q "no match for" || return 1
    fi
    # SQLite's words anywhere in the list or on the status line (the corpus itself may say
    # "error:", as 530's text does, so the detail pane is not searched).
    # ("malformed" and "parse error" only as SQLite says them: 400's own text says
    # "malformed", and people's words for it include "json parse error".)
    { list_part; status_line; } | grep -qiE 'syntax error|fts5|sqlite|malformed MATCH|image is malformed|no such column|parse error near|logic error|unusable' && return 1
    return 0
}
for q in '"' 'AND' '*' '-' '"unterminated' 'NEAR(' 'a:b' "'" '(' ')' 'OR' 'NOT' '^' '{' '\' '-x AND "' ; do
    keys C-u
    wait_until 'prompt_is ""' >/dev/null
    type_text "$q"
    ok "search: hostile input [$q] shows hits or 'no match', never an error" 'settled_clean "$q"' \
        'for the query [$q] the screen is not a clean result'
done
ok "search: still running after the hostile input" '[ "$DEAD" = 0 ]' 'the program has exited'

# Esc straight from the prompt: the full list and the selection from before the search.
keys Escape
ok "search: Esc from the prompt restores the list and 204" 'title_has codes && sel_has "204 No Content" && detail_title_is "204 No Content"' \
    'after Esc: title "$(title_bar | trim)", highlighted "$(selected_row)"'

# ---- help lists the prompt's keys (from the key table) ----------------------------------------------
keys ?
wait_for "Keys" >/dev/null
# The section comes after the browser's keys: page down until its last key shows (at most
# 6 pages), keeping every page seen from its heading on.
SEEN=
cap
for _p in 1 2 3 4 5 6; do
    if [ -n "$SEEN" ] || has "Keys in the search prompt"; then
        SEEN="$SEEN
$SCREEN"
    fi
    printf '%s\n' "$SEEN" | grep -q "close the prompt" && break
    _prev=$SCREEN
    keys NPage
    wait_until '[ "$SCREEN" != "$_prev" ]' 2 >/dev/null || break    # the last page
done
ok "search: help has a section for the prompt's keys" 'printf "%s\n" "$SEEN" | grep -q "Keys in the search prompt"' \
    'the help screen lacks the search prompt section'
help_line_has() { printf '%s\n' "$SEEN" | grep -F -- "$1" | grep -qF -- "$2"; }
for k in "Down, Ctrl-N|next hit" "Up, Ctrl-P|previous hit" "Tab|suggestion" "Ctrl-R|earlier search"; do
    name=${k%%|*}
    what=${k#*|}
    ok "search: help lists $name ($what)" 'help_line_has "$name" "$what"' \
        'the help screen has no line with "$name" and "$what"'
done
keys Escape

keys q
ok "search: q quits" '[ "$DEAD" = 1 ]' 'the program is still running after q'
exit 0
