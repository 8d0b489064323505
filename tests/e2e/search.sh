. "$(dirname "$0")/../lib.sh"
# tests/e2e/search.sh — `httpstatus search` as issue 12 asks: the questions people type find
# a sensible first answer, a search that no code answers word for word says so in one line
# (plain) or one field (JSON) and shows the closest matches, suggestions are real words, and
# snippets start at a word. Run from the repository root (HS= the binary).

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

# first_code: the number at the start of the first line that starts with one
first_code() {
    grep -m 1 -E '^[0-9]{3}  ' "$TMPD/out" | cut -c1-3
}

# expect_first NAME CODES: the first hit is one of CODES
expect_first() {
    got=$(first_code)
    for want in $2; do
        if [ "$got" = "$want" ]; then pass "$1"; return; fi
    done
    fail "$1" "first hit is '$(grep -m 1 -E '^[0-9]{3}  ' "$TMPD/out" | head -c 100)', expected one of: $2"
}

# expect_listed NAME CODE: CODE is among the hits
expect_listed() {
    if grep -qE "^$2  " "$TMPD/out"; then pass "$1"; else fail "$1" "$2 is not among the hits"; fi
}

# ---- the questions of issue 12 ---------------------------------------------------------
while IFS='|' read -r q want; do
    [ -n "$q" ] || continue
    # shellcheck disable=SC2086
    run "$HS" --width 0 search $q
    expect_rc "search $q: exit 0" 0
    expect_first "search $q: $want first" "$want"
done <<'EOF'
permission denied|403
upload too big|413
wrong method|405
too many redirects|301 302
etag mismatch|412
slow down|429
api key missing|401
bad gateway nginx|502
not logged in|401
redirect POST to GET|303
invalid json|400
idempotent|421
search redirect|301
EOF
run "$HS" --width 0 search Location header
expect_listed "search Location header: lists 301" 301
expect_listed "search Location header: lists 303" 303

# ---- no code holds every word: one line, then the closest matches --------------------------
run "$HS" --width 0 search bad gateway nginx
expect_rc "closest matches: exit 0" 0
line1=$(head -n 1 "$TMPD/out")
if [ "$line1" = "no code mentions all of 'bad gateway nginx'; closest matches:" ]; then
    pass "closest matches: the first line says so"
else
    fail "closest matches: the first line says so" "first line: $line1"
fi
n=$(grep -c "no code mentions" "$TMPD/out")
if [ "$n" = 1 ]; then pass "closest matches: said once"; else fail "closest matches: said once" "$n times"; fi
if [ ! -s "$TMPD/err" ]; then pass "closest matches: nothing on stderr"; else fail "closest matches: nothing on stderr" "$(head -c 200 "$TMPD/err")"; fi
run "$HS" --width 0 search too many requests
expect_no_out "every word held: no closest-matches line" "no code mentions"

# A misspelt word is read as its correction, and the line offers the corrected words.
run "$HS" --width 0 search forbiden
expect_rc "misspelt: exit 0" 0
expect_out "misspelt: the line suggests the word" "no code mentions all of 'forbiden' (did you mean 'forbidden'?); closest matches:"
expect_first "misspelt: 403 first" 403

# Nothing at all: exit 1, one line on stderr, nothing on stdout.
run "$HS" search zzzzqqq qqqzzzz
expect_rc "nothing: exit 1" 1
expect_one_err_line "nothing: one stderr line"
expect_err "nothing: says no match" "no match for 'zzzzqqq qqqzzzz'"

# JSON: the same hits, each with "closest"; no line on stdout or stderr.
run "$HS" --json search bad gateway nginx
expect_rc "--json closest: exit 0" 0
expect_json "--json closest: valid JSON"
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d and all(x["closest"] is True for x in d), d[:2]
assert d[0]["code"] == 502, d[0]' "$TMPD/out" 2>"$TMPD/py"; then
    pass "--json closest: every hit has closest true, 502 first"
else
    fail "--json closest: every hit has closest true, 502 first" "$(tail -n 1 "$TMPD/py")"
fi
if [ ! -s "$TMPD/err" ]; then pass "--json closest: nothing on stderr"; else fail "--json closest: nothing on stderr" "$(head -c 200 "$TMPD/err")"; fi
run "$HS" --json search too many requests
if python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d and all(x["closest"] is False for x in d), d[:2]' "$TMPD/out" 2>"$TMPD/py"; then
    pass "--json every word held: closest false"
else
    fail "--json every word held: closest false" "$(tail -n 1 "$TMPD/py")"
fi

# ---- suggestions are real words, one for one ----------------------------------------------
for q in "cors" "CORS preflight" "corz preflite"; do
    # shellcheck disable=SC2086
    run "$HS" --width 0 search $q
    if grep -h "did you mean" "$TMPD/out" "$TMPD/err" | grep -qE "mean '[^']*(core|flight)[^']*'"; then
        fail "suggestion for $q: no core, no flight" "$(grep -h 'did you mean' "$TMPD/out" "$TMPD/err")"
    else
        pass "suggestion for $q: no core, no flight"
    fi
done

# ---- snippets start at a word ----------------------------------------------------------------
run "$HS" --width 0 search teapot
expect_no_out "snippet: not '…m a teapot'" "…m a teapot"
run "$HS" --width 0 search idle timeout
expect_no_out "snippet: not '…s idle timeout'" "…s idle timeout"
