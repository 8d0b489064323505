#!/bin/sh
# tests/tui/present.sh — `httpstatus present` through tmux: the slides at 40x12, 60x20,
# 80x24 and 200x60, the keys of presentation tools, a resize in the middle of the
# presentation, colour only where NO_COLOR allows it, ASCII in a non-UTF-8 locale, and
# lesson files: their errors, and text from them that never reaches the terminal raw.
# Run: sh tests/tui/present.sh (HS=path/to/httpstatus).
. "$(dirname "$0")/lib.sh"

# show W H [VAR=VALUE...] -- ARGS...: present ARGS in a W x H pane; waits for the counter.
show() {
    _w=$1
    _h=$2
    shift 2
    _env=
    while [ "$1" != "--" ]; do
        _env="$_env $1"
        shift
    done
    shift
    _rc=$TUI_TMP/rc.$((TUI_N + 1))
    tui_launch "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $_env '$HS' present $*; echo \$? >'$_rc'" "$_w" "$_h"
    TUI_RC=$_rc
    wait_until 'printf "%s\n" "$SCREEN" | tail -1 | grep -qE "[0-9]+/[0-9]+"' || true
}

counter() { printf '%s\n' "$SCREEN" | tail -1 | trim; }
# The screen's words on one line (for text that wraps).
flat() { printf '%s\n' "$SCREEN" | trim | tr '\n' ' ' | tr -s ' '; }
flat_has() { case $(flat) in *"$1"*) return 0 ;; esac; return 1; }
big_rows() { printf '%s\n' "$SCREEN" | grep -c "$1"; }

# ---- 60x20: the keys ---------------------------------------------------------------------

show 60 20 -- 404 redirects 4xx
ok "60x20: a code slide in big digits" 'has "██" && has "Not Found" && has "1/"' 'no big digits and phrase'
ok "60x20: the summary whole" 'flat_has "Nothing is at this URL, and the server makes no claim about whether it ever will be."' 'summary cut or missing'
keys Space
ok "60x20: Space shows the example" 'has "example" && has "GET /no-such-page HTTP/1.1" && has "2/"' 'no example slide'
keys Right
ok "60x20: Right shows the comparison" 'has "Redirects" && has "Permanence" && has "3/"' 'no comparison'
ok "60x20: one row per line when the columns do not fit" 'has "301  permanent" && has "308  permanent"' 'not stacked'
ok "60x20: a tall slide is paged" 'counter | grep -qE "^3/[0-9]+ \(1/[0-9]\)$"' 'counter is "$(counter)"'
keys l
ok "60x20: l goes to the next page" 'counter | grep -qE "^3/[0-9]+ \(2/[0-9]\)$" && has "(continued)"' 'counter is "$(counter)"'
keys h
ok "60x20: h goes back a page" 'counter | grep -qE "^3/[0-9]+ \(1/[0-9]\)$"' 'counter is "$(counter)"'
keys k
ok "60x20: k goes back a slide" 'has "GET /no-such-page" && counter | grep -q "^2/"' 'counter is "$(counter)"'
keys G
ok "60x20: G goes to the last slide" 'n=$(counter | sed "s|/.*||"); t=$(counter | sed "s|^[0-9]*/||; s| .*||"); [ "$n" = "$t" ]' 'counter is "$(counter)"'
keys g
ok "60x20: g goes to the first slide" 'counter | grep -q "^1/"' 'counter is "$(counter)"'
type_text 410
ok "60x20: typed digits show in the corner" 'has "go to 410_"' 'no digits shown'
keys Enter
ok "60x20: digits and Enter jump to the code" 'has "Gone" && ! has "go to"' 'not on 410'
type_text 299
keys Enter
ok "60x20: an unknown code says so" 'has "no slide for 299"' 'no message'
keys b
ok "60x20: b blanks the screen" '[ -z "$(printf "%s" "$SCREEN" | tr -d " \n")" ]' 'the screen is not blank'
keys x
ok "60x20: a key brings the slide back" 'has "Gone"' 'still blank'
keys ?
ok "60x20: ? lists the keys" 'has "Keys" && has "blank the screen"' 'no key list'
keys Space
ok "60x20: a key leaves the key list" 'has "Gone"' 'key list stays'
keys q
ok "60x20: q leaves" '[ "$DEAD" = 1 ]' 'still running'
es=$(exit_status)
if [ "$es" = "status 0" ]; then pass "60x20: exit status 0"; else fail "60x20: exit status 0" "$es"; fi

# ---- 80x24 and 40x12 ---------------------------------------------------------------------

show 80 24 -- 4xx
ok "80x24: a class is a title slide in big digits" 'has "Client Error" && [ "$(big_rows "██")" -ge 5 ]' 'no title slide'
keys Space
ok "80x24: then its codes" 'has "Bad Request" && has "2/"' 'no code after the title'
keys Escape
ok "80x24: Esc leaves" '[ "$DEAD" = 1 ]' 'still running'

show 40 12 -- 404
ok "40x12: no big digits, the code beside its phrase" 'has "404  Not Found" && ! has "██"' 'wrong heading'
ok "40x12: the summary whole" 'flat_has "Nothing is at this URL, and the server makes no claim about whether it ever will be."' 'summary cut'
keys q

# ---- 200x60 and a resize in the middle -----------------------------------------------------

show 200 60 -- 404 redirects
ok "200x60: bigger digits" '[ "$(big_rows "██")" -ge 15 ]' 'only $(big_rows "██") rows of digits'
keys Space Space
ok "200x60: the comparison in columns" 'printf "%s\n" "$SCREEN" | grep -q "301 Moved Permanently.*308 Permanent Redirect"' 'not side by side'
ok "200x60: only rows that differ" 'has "Permanence" && ! has "Defined in" && ! has "Class "' 'rows that do not differ are shown'
tui_resize 60 20
ok "resize: the comparison is laid out again, one row per line" 'has "301  permanent" && counter | grep -q "(1/"' 'not laid out for 60x20'
keys l
tui_resize 200 60
ok "resize: and back in columns, on the same slide" 'printf "%s\n" "$SCREEN" | grep -q "301 Moved Permanently.*308 Permanent Redirect" && counter | grep -q "^3/3$"' 'counter is "$(counter)"'
keys q

# ---- colour, NO_COLOR, ASCII ------------------------------------------------------------------

show 80 24 -- 404
cap_attrs
if [ "$(colour_count)" -gt 0 ]; then pass "colour: the digits are coloured"; else fail "colour: the digits are coloured" "no colour at all"; fi
keys q
show 80 24 NO_COLOR=1 -- 404
cap_attrs
if [ "$(colour_count)" = 0 ]; then pass "NO_COLOR: no colour"; else fail "NO_COLOR: no colour" "$(colour_count) colour settings"; fi
if printf '%s\n' "$ATTRS" | awk -F'\t' '$3 ~ /B/ && $4 ~ /██/ { f = 1 } END { exit !f }'; then pass "NO_COLOR: the digits stand out in bold"; else fail "NO_COLOR: the digits stand out in bold" "not bold"; fi
keys q
show 80 24 LANG=C LC_ALL=C -- 404
ok "ASCII: digits of '#' in a non-UTF-8 locale" 'has "######" && ! has "█"' 'not ASCII'
keys q

# ---- lessons --------------------------------------------------------------------------------

show 80 24 -- --lesson authentication
ok "lesson: a built-in lesson by name, with its note" 'has "Unauthorized" && flat_has "WWW-Authenticate"' 'no lesson'
keys q

L=$TUI_TMP/hostile.txt
printf '404\nnote: title \033]0;PWNED\007 red \033[31mRED\033[0m \342\200\256bidi end\n' >"$L"
show 80 24 -- --lesson "'$L'"
ok "lesson: a note is shown" 'has "bidi end"' 'no note'
title=$(tm display-message -p -t "$S" '#{pane_title}')
case $title in *PWNED*) fail "lesson: an OSC sequence in a note does not retitle the terminal" "title '$title'" ;; *) pass "lesson: an OSC sequence in a note does not retitle the terminal" ;; esac
cap_attrs
if printf '%s\n' "$ATTRS" | grep 'RED' | awk -F'\t' '$4 ~ /RED/ && $3 ~ /C/ { f = 1 } END { exit !f }'; then
    fail "lesson: an SGR sequence in a note colours nothing" "RED is coloured"
else
    pass "lesson: an SGR sequence in a note colours nothing"
fi
if printf '%s' "$SCREEN" | grep -q "$(printf '\342\200\256')"; then fail "lesson: no bidi override reaches the screen" "U+202E shown"; else pass "lesson: no bidi override reaches the screen"; fi
keys q

B=$TUI_TMP/bad.txt
printf '404\nnote:\nfour-oh-four please\n\033]0;PWNED\007\n' >"$B"
run "$HS" present --lesson "$B"
expect_rc "lesson errors: exit 2" 2
expect_err "lesson errors: FILE:LINE: message" "$B:3: one item per line, but this line has 2 words"
expect_err "lesson errors: each bad line" "$B:2: the note is empty"
expect_err "lesson errors: an escape sequence shown inert" "$B:4: ']0;PWNED' is not a status code"
if LC_ALL=C grep -q "$(printf '\033')" "$TMPD/err"; then fail "lesson errors: nothing raw from the file" "an escape character reached stderr"; else pass "lesson errors: nothing raw from the file"; fi
n=$(wc -l <"$TMPD/err")
if [ "$n" = 3 ]; then pass "lesson errors: one line per bad line"; else fail "lesson errors: one line per bad line" "$n lines: $(cat "$TMPD/err")"; fi
run "$HS" present --lesson "$TUI_TMP/none.txt"
expect_rc "lesson errors: a missing file: exit 2" 2
expect_err "lesson errors: a missing file lists the built-in lessons" "authentication"
printf '404\nredirect\n299\n' >"$B"
run "$HS" present --lesson "$B"
expect_rc "lesson errors: unknown group and code: exit 2" 2
expect_err "lesson errors: an unknown group, with the groups" "$B:2: 'redirect' is not a status code, a class or a group; the groups are:"
expect_err "lesson errors: an unknown code" "$B:3: no status code 299 is known"
run "$HS" present 404
expect_rc "present: not on a terminal: exit 2" 2
expect_one_err_line "present: not on a terminal: one message"

# ---- the browser's present key ----------------------------------------------------------------

hs_start
type_text 404
ok "browser: on 404" 'detail_title_is "404 Not Found"' 'detail shows "$(detail_title)"'
keys p
ok "browser: p presents the code full-screen" 'has "██" && ! has "httpstatus —" && counter | grep -q "^1/"' 'no slides'
# 404 is in two groups (404/410 "Not there", 403/404/451 "No access"): the last slides are
# their comparisons.
ok "browser: then its groups" 'keys G; wait_for "No access" 1; has "No access"' 'no group slide'
ok "browser: the group before it" 'keys k; wait_for "Not there" 1; has "Not there"' 'no second group slide'
keys q
ok "browser: q returns to the code" 'detail_title_is "404 Not Found" && has "httpstatus —"' 'not back on 404'
keys g j j p                 # the 1xx heading (0xx and its one code 000 come first)
ok "browser: p on a class heading presents the class" 'has "Informational" && has "██" && ! has "httpstatus —"' 'no class slides'
keys Escape
ok "browser: Esc returns" 'has "httpstatus —"' 'still presenting'
keys q
