. "$(dirname "$0")/../lib.sh"
# tests/e2e/cli2.sh — the command line's round-2 conventions: code 000, header entries,
# "use it when / not when" and older library constants on the code page, lookup by what
# people type (masks, names), list --long/--standard, compare's refusals, ASCII in a
# non-UTF-8 locale, no trailing spaces, and colour without repeated escapes.
# Run from the repository root: sh tests/e2e/cli2.sh (HS= the binary, default ./httpstatus).

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

# pyjson NAME EXPR: the JSON on stdout, as j, makes the Python expression true
pyjson() {
    if python3 -c 'import json,sys; j = json.load(open(sys.argv[1])); assert eval(sys.argv[2]), sys.argv[2]' "$TMPD/out" "$2" 2>"$TMPD/pyerr"; then
        pass "$1"
    else
        fail "$1" "$(tail -1 "$TMPD/pyerr")"
    fi
}
line1() { head -1 "$TMPD/out"; }

# ---- code 000 ---------------------------------------------------------------------------
run "$HS" 000
expect_rc "000: exit 0" 0
if [ "$(line1)" = "000 No Response" ]; then pass "000: title '000 No Response'"; else fail "000: title" "first line '$(line1)'"; fi
expect_out "000: class 'No response'" "000 No response"
expect_out "000: its own sections (stored under code 0, not as the page's)" "Where the number appears"
run "$HS" 0xx
expect_out "0xx: the class's own description" "HTTP status codes run from 100 to 599"
run "$HS" list
if [ "$(line1)" = "000  No Response [unofficial]" ]; then pass "list: 000 comes first"; else fail "list: 000 first" "first line '$(line1)'"; fi
run "$HS" list 0xx
if [ "$(wc -l <"$TMPD/out")" = 1 ] && grep -q '^000 ' "$TMPD/out"; then pass "list 0xx: only 000"; else fail "list 0xx" "$(head -3 "$TMPD/out")"; fi
run "$HS" --json 000
expect_json "--json 000: valid JSON"
pyjson "--json 000: code 0, display \"000\", class 0" 'j["code"] == 0 and j["display"] == "000" and j["class"] == 0'
run "$HS" --json list
pyjson "--json list: 000 first, every entry has a three-digit display" 'j[0]["code"] == 0 and all(len(e["display"]) == 3 for e in j)'
run "$HS" 444
expect_out "444: the related link prints 000, not 0" "  000 No Response"
run "$HS" 0
if [ "$RC" = 0 ] && [ "$(line1)" = "000 No Response" ]; then pass "0 (as JSON and browsers write it): opens 000"; else fail "0 opens 000" "exit $RC, '$(line1)'"; fi
run "$HS" 00
expect_rc "00: a usage error (codes are three digits)" 2
expect_err "00: the message names 000" "000"

# ---- headers ----------------------------------------------------------------------------
run "$HS" header retry-after
expect_rc "header retry-after: exit 0 (case-insensitive)" 0
if [ "$(line1)" = "Retry-After" ]; then pass "header retry-after: the title is the header's name"; else fail "header title" "'$(line1)'"; fi
expect_out "header Retry-After: 503 with its rule" "503 Service Unavailable"
expect_out "header Retry-After: the rule's level" "MAY:"
expect_out "header Retry-After: its RFC section" "RFC 9110"
run "$HS" --json header Location
expect_json "header --json: valid JSON"
pyjson "header --json: name, spec and rules with code and level" 'j["name"] == "Location" and j["spec"] and j["rules"] and all("code" in r and r["level"] in ("MUST","SHOULD","MAY","USUALLY") for r in j["rules"])'
run "$HS" header Locaton
expect_rc "header Locaton (typo): exit 1" 1
expect_err "header Locaton: suggests Location" "httpstatus header Location"
expect_one_err_line "header Locaton: one stderr line"
run "$HS" header
expect_rc "header: lists all headers" 0
for h in Location Retry-After WWW-Authenticate Allow Content-Range; do
    if grep -q "^$h " "$TMPD/out"; then pass "header: lists $h"; else fail "header: lists $h" "missing"; fi
done
run "$HS" 503
expect_out "503: the Headers fact names Retry-After" "Retry-After"
run "$HS" 426
if grep -q '^  Headers       Upgrade' "$TMPD/out" && grep -q '^                Connection' "$TMPD/out"; then
    pass "426: one Headers line per header"
else
    fail "426: one Headers line per header" "$(grep -A2 Headers "$TMPD/out")"
fi

# ---- use it when / not when; older constants --------------------------------------------
run "$HS" 422
expect_out "422: 'Use it when' fact" "Use it when"
expect_out "422: 'Not when' fact" "Not when"
run "$HS" --width 0 413
expect_out "413: Python's old name with since when" "HTTPStatus.CONTENT_TOO_LARGE (was REQUEST_ENTITY_TOO_LARGE, alias since 3.13)"
run "$HS" --json 422
pyjson "--json 422: use_when and not_when" 'j["use_when"] and j["not_when"]'
pyjson "--json 422: older constants" 'any("UNPROCESSABLE_ENTITY" in v for v in j["constants_old"].values())'

# ---- lookup by what people type ----------------------------------------------------------
run "$HS" 30x
if [ "$(grep -c '^30[0-9] ' "$TMPD/out")" -ge 8 ] && ! grep -q '^[^3][0-9][0-9] [A-Z]' "$TMPD/out"; then pass "30x: the 30x codes' pages"; else fail "30x" "$(grep '^[0-9][0-9][0-9] ' "$TMPD/out" | head -3)"; fi
run "$HS" 41x
expect_out "41x: 413" "413 Content Too Large"
if grep -q '^404 Not Found$' "$TMPD/out"; then fail "41x: no 404 page" "404's page is shown"; else pass "41x: no 404 page"; fi
for q in "not found:404 Not Found" "teapot:418 " "payload too large:413 Content Too Large" "Not Found:404 Not Found"; do
    word=${q%%:*}
    want=${q#*:}
    run "$HS" "$word"
    if [ "$RC" = 0 ] && line1 | grep -qF -- "$want"; then pass "'$word' opens ${want%% *}"; else fail "'$word' opens ${want%% *}" "exit $RC, '$(line1)'"; fi
done
run "$HS" not found
if [ "$RC" = 0 ] && line1 | grep -q "^404 "; then pass "not found (two words): opens 404"; else fail "not found (two words)" "exit $RC"; fi
run "$HS" frobnicate
expect_rc "an unknown word: exit 1" 1
expect_err "an unknown word: suggests search" "try: httpstatus search frobnicate"

# ---- list --long / --standard ------------------------------------------------------------
run "$HS" list --long --width 60
expect_max_width "list --long --width 60: fits" 60
expect_out "list --long: the summaries" "Continue — Interim"
run "$HS" list --standard
expect_no_out "list --standard: no vendor code" "[unofficial]"
expect_out "list --standard: 404" "404  Not Found"
expect_no_out "list --standard: no 000" "000  No Response"

# ---- compare --------------------------------------------------------------------------------
run "$HS" compare 4xx 5xx
expect_rc "compare 4xx 5xx: exit 2" 2
expect_err "compare 4xx 5xx: says it is a class" "'4xx' is a class"
expect_no_out "compare 4xx 5xx: no stdout" "4xx"
if grep -q "classes are" "$TMPD/err"; then fail "compare 4xx: not the old message" "$(cat "$TMPD/err")"; else pass "compare 4xx: not the old 'is not a class' message"; fi
run "$HS" compare redirects
expect_rc "compare redirects: a group by name" 0
expect_out "compare redirects: 303 in the table" "303 See Other"

# ---- ASCII in a non-UTF-8 locale, even on a pipe ------------------------------------------
for a in 404 000 list "header Retry-After" "compare 302" "search retry"; do
    env LANG=C LC_ALL=C "$HS" $a >"$TMPD/out" 2>"$TMPD/err"
    if LC_ALL=C grep -q "$(printf '[\200-\377]')" "$TMPD/out"; then
        fail "LANG=C $a: ASCII only" "$(LC_ALL=C grep -m1 "$(printf '[\200-\377]')" "$TMPD/out")"
    else
        pass "LANG=C $a: ASCII only"
    fi
done

# ---- no trailing spaces in any plain output -------------------------------------------------
for a in 000 404 4xx 0xx 30x list "list --long" "list --standard" "search not found" "compare 302" \
    "compare 301 302 303 307 308" header "header Location" sheet "sheet --full 404" --version --help teapot; do
    "$HS" $a >"$TMPD/out" 2>/dev/null
    if grep -q ' $' "$TMPD/out"; then fail "no trailing spaces: $a" "line $(grep -n ' $' "$TMPD/out" | head -1 | cut -d: -f1)"; else pass "no trailing spaces: $a"; fi
done
# Every code's page on its own by the build without sanitizers (HS_PLAIN, default
# ./httpstatus; 113 runs only to read bytes), and all of them in one run of HS, which must
# also end well.
PLAIN=${HS_PLAIN:-./httpstatus}
[ -x "$PLAIN" ] || PLAIN=$HS
codes=$("$HS" list | cut -c1-3)
all_ok=1
for c in $codes; do
    if "$PLAIN" "$c" | grep -q ' $'; then all_ok=0; fail "no trailing spaces: $c" "a line ends in a space"; fi
done
[ $all_ok = 1 ] && pass "no trailing spaces: every code's page"
# shellcheck disable=SC2086
run "$HS" $codes
if [ "$RC" = 0 ] && [ -s "$TMPD/out" ] && ! grep -q ' $' "$TMPD/out"; then pass "no trailing spaces: every code's page, all in one run"; else
    fail "no trailing spaces: every code's page, all in one run" "exit $RC, $(grep -c ' $' "$TMPD/out") lines end in a space, stderr: $(head -c 200 "$TMPD/err")"; fi

# ---- colour: no repeated escapes; NO_COLOR and --color=always ------------------------------
for a in 404 "search retry after" list "compare 301 302" "header Location"; do
    "$HS" --color=always $a >"$TMPD/out" 2>/dev/null
    if python3 - "$TMPD/out" <<'PY'
import re, sys
for line in open(sys.argv[1], encoding="utf-8"):
    on = False
    for m in re.finditer(r"\x1b\[([0-9;]*)m", line):
        if m.group(1) in ("0", ""):
            assert on, "a reset with nothing to reset: %r" % line[:80]
            on = False
        else:
            on = True
        # two escapes back to back: a style replaced before any text
        assert not line[m.end():].startswith("\x1b[") or m.group(1) in ("0", ""), "escape after escape: %r" % line[:80]
    assert not on, "a line ends still styled: %r" % line[:80]
PY
    then pass "colour: one SGR per run, reset once: $a"; else fail "colour: one SGR per run, reset once: $a" "see above"; fi
done
run env NO_COLOR=1 "$HS" --color=always 404
if grep -q "$(printf '\033')" "$TMPD/out"; then pass "--color=always wins over NO_COLOR"; else fail "--color=always wins over NO_COLOR" "no escapes"; fi
run "$HS" --help
expect_out "--help says NO_COLOR" "NO_COLOR"
expect_out "--help says what always does" "always: colour even when piped or with"

# A library that deprecated a name without a successor (Spring 7's PROCESSING, Rack's
# :not_extended) still shows it, marked, and JSON keeps it among the old names only.
run "$HS" --width 100 102
expect_out "102: Spring's deprecated name, no newer one" "HttpStatus.PROCESSING, deprecated since 7.0; no newer name"
run "$HS" --width 100 510
expect_out "510: Rack's deprecated symbol, no newer one" ":not_extended, deprecated since Rack 3.1; no newer name"
run "$HS" --json 418
expect_json "--json 418: JSON"
if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if "java" not in d["constants"] and d["constants_old"]["java"].startswith("I_AM_A_TEAPOT") else 1)' "$TMPD/out"; then
    pass "--json 418: Spring's name only among the old ones"
else
    fail "--json 418: Spring's name only among the old ones" "$(head -c 300 "$TMPD/out")"
fi
