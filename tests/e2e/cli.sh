. "$(dirname "$0")/../lib.sh"
# tests/e2e/cli.sh — the command line as a person uses it: lookups, classes, list, search,
# compare, JSON, widths, colour, help, and escape sequences smuggled in through a database.
# Run from the repository root: sh tests/e2e/cli.sh (HS= the binary, default ./httpstatus).

# lib.sh makes a fresh directory with mktemp unless TMPD was given; remove only that one.
case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

# ---- local helpers ---------------------------------------------------------------------

# expect_empty_out NAME: nothing on stdout
expect_empty_out() {
    if [ -s "$TMPD/out" ]; then fail "$1" "stdout not empty: $(head -c 200 "$TMPD/out")"; else pass "$1"; fi
}

# expect_rc_in NAME "0 1": the exit status is one of the listed ones
expect_rc_in() {
    for want in $2; do
        if [ "$RC" = "$want" ]; then pass "$1"; return; fi
    done
    fail "$1" "exit $RC, expected one of: $2 (stderr: $(head -c 300 "$TMPD/err"))"
}

# expect_usage NAME ARGS...: exit 2, one stderr line "httpstatus: ...", nothing on stdout
expect_usage() {
    n=$1
    shift
    run "$HS" "$@"
    expect_rc "$n: exit 2" 2
    expect_one_err_line "$n: one stderr line"
    expect_empty_out "$n: no stdout"
}

# expect_no_sql NAME: neither stream shows an SQLite message (or a sanitizer report)
expect_no_sql() {
    if grep -qiE 'fts5|syntax error|sqlite|SQL logic|unrecognized token|no such column|AddressSanitizer|runtime error' "$TMPD/err" ||
        grep -qiE 'fts5|syntax error|unrecognized token|no such column' "$TMPD/out"; then
        fail "$1" "SQLite or sanitizer text: $(head -c 300 "$TMPD/err")"
    else
        pass "$1"
    fi
}

# first_code: the number at the start of stdout's first line
first_code() {
    head -n 1 "$TMPD/out" | cut -c1-3
}

# expect_first NAME CODE: the first result is CODE
expect_first() {
    got=$(first_code)
    if [ "$got" = "$2" ]; then pass "$1"; else fail "$1" "first result is '$(head -n 1 "$TMPD/out" | head -c 120)', expected $2"; fi
}

# pycheck NAME PYTHON: run PYTHON with d = the JSON on stdout and out = stdout's text;
# assert statements in it decide; the failing assertion's message is the reason. (By
# py_assert, tests/lib.sh: one python3 serves every check of the suite.)
pycheck() {
    n=$1
    if py_assert "import json, sys, re
out = open(sys.argv[1], encoding='utf-8', errors='surrogateescape').read()
try:
    d = json.loads(out)
except ValueError:
    d = None
$2" "$TMPD/out"; then
        pass "$n"
    else
        fail "$n" "$(tail -n 1 "$TMPD/py.msg" | head -c 300)"
    fi
}

if ! command -v python3 >/dev/null 2>&1; then
    fail "python3" "python3 is needed by the CLI tests (make deps-test)"
    exit 0
fi

# ---- one code ----------------------------------------------------------------------------

run "$HS" 404
expect_rc "404: exit 0" 0
if [ "$(head -n 1 "$TMPD/out")" = "404 Not Found" ]; then pass "404: title line"; else fail "404: title line" "first line is '$(head -n 1 "$TMPD/out")'"; fi
pycheck "404: class, status and spec line" '
line = out.split("\n")[1]
for w in ("4xx Client Error", "standard", "RFC 9110 §15.5.5"):
    assert w in line, "second line %r lacks %r" % (line, w)'
for h in "REST advice — REST API Tutorial" "Specification — RFC 2616 §10.4.5" "Wikipedia" "Example" "Related" "In code"; do
    pycheck "404: heading '$h' on a line of its own" "
assert '$h' in out.split('\n'), 'no line reads exactly %r' % '$h'"
done
expect_out "404: summary" "Nothing is at this URL"
expect_out "404: RFC text" "The server has not found anything matching the Request-URI."
expect_out "404: example request" "GET /no-such-page HTTP/1.1"
expect_out "404: related 410" "410 Gone"
expect_out "404: Python constant" "HTTPStatus.NOT_FOUND"
if [ -s "$TMPD/err" ]; then fail "404: stderr empty" "$(head -c 200 "$TMPD/err")"; else pass "404: stderr empty"; fi

# ---- a class ------------------------------------------------------------------------------

run "$HS" --json list 4xx
cp "$TMPD/out" "$TMPD/list4.json"
run "$HS" --width 0 4xx
expect_rc "4xx: exit 0" 0
if [ "$(head -n 1 "$TMPD/out")" = "4xx Client Error" ]; then pass "4xx: title line"; else fail "4xx: title line" "first line is '$(head -n 1 "$TMPD/out")'"; fi
expect_out "4xx: class introduction" "The 4xx class of status code is intended for cases in which the client seems to have erred."
pycheck "4xx: one line per 4xx code" '
codes = json.load(open(sys.argv[1].rsplit("/", 1)[0] + "/list4.json"))
assert len(codes) > 30, "list --json 4xx gave %d codes" % len(codes)
lines = [l.strip() for l in out.split("\n")]
for c in codes:
    want = "%d %s" % (c["code"], c["phrase"])
    n = sum(1 for l in lines if l.startswith(want))
    assert n == 1, "%d lines start with %r" % (n, want)
others = [l for l in lines if re.match(r"[1235]\d\d ", l)]
assert not others, "a code of another class is listed: %r" % others[:1]'

# ---- several codes at once ---------------------------------------------------------------------

run "$HS" 200 404 503
expect_rc "200 404 503: exit 0" 0
expect_out "200 404 503: 200" "200 OK"
expect_out "200 404 503: 404" "404 Not Found"
expect_out "200 404 503: 503" "503 Service Unavailable"
pycheck "200 404 503: in the order given" '
i = [out.index(t) for t in ("200 OK\n", "404 Not Found\n", "503 Service Unavailable\n")]
assert i == sorted(i), "titles at %r" % i'
run "$HS" 404 2xx
expect_rc "404 2xx: exit 0" 0
expect_out "404 2xx: the code" "404 Not Found"
expect_out "404 2xx: the class" "2xx Success"
run "$HS" 404 299
expect_rc "404 299: exit 1" 1
expect_out "404 299: 404 still shown" "404 Not Found"
expect_one_err_line "404 299: one stderr line"
expect_err "404 299: names 299" "299"

# ---- not found and usage errors ---------------------------------------------------------------------

run "$HS" 999
expect_rc "999: exit 1" 1
expect_one_err_line "999: one stderr line"
expect_err "999: names 999" "999"
expect_empty_out "999: no stdout"
run "$HS" 299
expect_rc "299 (well-formed, unknown): exit 1" 1
expect_one_err_line "299: one stderr line"
expect_err "299: names 299" "299"
expect_empty_out "299: no stdout"

# A word that is no code's name: not found, with a search suggestion (issue 16).
run "$HS" abc
expect_rc "abc: exit 1" 1
expect_one_err_line "abc: one stderr line"
expect_err "abc: suggests search" "try: httpstatus search abc"
expect_usage "0404" 0404
expect_usage "-1" -1
expect_usage "12345678901234567890" 12345678901234567890
expect_usage "9xx" 9xx
expect_usage "--bogus" --bogus
expect_err "--bogus: names the option" "--bogus"
expect_usage "--width abc" --width abc 404
expect_usage "--width 99999999999999999999" --width 99999999999999999999 404
expect_usage "--width -5" --width -5 404
expect_usage "--limit 0" --limit 0 search not
expect_usage "--limit abc" --limit abc search not
expect_usage "--color=sometimes" --color=sometimes 404
expect_usage "--db without a value" --db
expect_usage "--db= (empty)" --db= 404
expect_usage "list 9xx" list 9xx
expect_usage "list 4xx 5xx" list 4xx 5xx
expect_usage "search without words" search
expect_usage "search with only spaces" search "   "
expect_usage "compare without codes" compare
expect_usage "compare abc" compare abc
expect_usage "compare 226 (in no group)" compare 226
expect_err "compare 226: says it is in no group" "no comparison group"
# A terminal escape in an argument comes back in the message, but never raw.
run "$HS" "$(printf 'ab\033]0;pwned\007c')"
expect_rc "argument with escapes: exit 1 (no code has that name)" 1
pycheck "argument with escapes: message has no control characters" '
e = open(sys.argv[1][:-3] + "err", "rb").read()
bad = [b for b in e if (b < 32 and b != 10) or b == 127]
assert not bad, "stderr has control bytes %r" % bad[:5]'

# ---- list ---------------------------------------------------------------------------------------------

run "$HS" list
expect_rc "list: exit 0" 0
n_assets=$(ls assets/codes/*.txt | wc -l)
n_list=$(grep -cE '^([1-5][0-9][0-9]|000)  ' "$TMPD/out")
if [ "$n_list" = "$n_assets" ] && [ "$n_list" -gt 0 ]; then pass "list: one line per code"; else fail "list: one line per code" "$n_list code lines, $n_assets code files"; fi
expect_out "list: 404 line" "404  Not Found"
expect_out "list: 511 line" "511  Network Authentication Required"
pycheck "list: sorted by code" '
c = [int(l[:3]) for l in out.split("\n") if l[:3].isdigit()]
assert c == sorted(c), "not in order"'
run "$HS" list 4xx
expect_rc "list 4xx: exit 0" 0
pycheck "list 4xx: only 4xx codes" '
c = [l[:3] for l in out.split("\n") if l]
assert c and all(x.startswith("4") for x in c), "lines: %r" % c[:3]'
expect_out "list 4xx: 429" "429  Too Many Requests"

# ---- search -------------------------------------------------------------------------------------------

run "$HS" search captive portal
expect_rc "search captive portal: exit 0" 0
expect_first "search captive portal: 511 first" 511
run "$HS" search teapot
expect_rc "search teapot: exit 0" 0
expect_first "search teapot: 418 first" 418
run "$HS" search "too many requests"
expect_rc "search \"too many requests\": exit 0" 0
expect_first "search \"too many requests\": 429 first" 429
run "$HS" search too many requests
expect_first "search too many requests (3 words): 429 first" 429
run "$HS" search 404
expect_rc "search 404: exit 0" 0
expect_first "search 404: 404 first" 404
run "$HS" search zzzzqqq
expect_rc "search zzzzqqq: exit 1" 1
expect_one_err_line "search zzzzqqq: one stderr line"
expect_empty_out "search zzzzqqq: no stdout"
# A misspelt word is read as its correction: the closest matches, said in one line
# (more in tests/e2e/search.sh).
run "$HS" search captve
expect_rc "search captve: exit 0" 0
expect_out "search captve: closest matches, suggests captive" "no code mentions all of 'captve' (did you mean 'captive'?); closest matches:"
run "$HS" search tempoary redirct
expect_rc "search tempoary redirct: exit 0" 0
expect_out "search tempoary redirct: suggests both words" "(did you mean 'temporary redirect'?)"

# search 40 / 4xx / 5: every code of the prefix comes first (up to the limit of 20).
run "$HS" --json list
cp "$TMPD/out" "$TMPD/list.json"
for p in 40 4xx 5 50x 2; do
    run "$HS" search "$p"
    expect_rc "search $p: exit 0" 0
    pycheck "search $p: codes of that prefix first" "
pre = '$p'.rstrip('x')
codes = [c['code'] for c in json.load(open(sys.argv[1].rsplit('/', 1)[0] + '/list.json'))]
want = [c for c in codes if str(c).startswith(pre)][:20]
got = [int(l[:3]) for l in out.split('\n') if l[:3].isdigit()][:len(want)]
assert got == want, 'first results %r, expected %r' % (got[:6], want[:6])"
done
run "$HS" --limit 3 search not
expect_rc "search --limit 3: exit 0" 0
n=$(grep -c . "$TMPD/out")
if [ "$n" = 3 ]; then pass "search --limit 3: three lines"; else fail "search --limit 3: three lines" "$n lines"; fi

# Hostile query text: exit 0 or 1, never an SQLite message.
i=0
for q in AND NOT OR "a AND" "AND OR NOT" "x:" "phrase:" "*" '"' '""' "C++" "HTTP/1.1" "don't" "NEAR(a b)" ")(" "^" \
    "{phrase summary}: found" "not -found" "a*" '"unterminated' "'" "\\" "%" "_" "found'; DROP TABLE codes; --"; do
    i=$((i + 1))
    run "$HS" search "$q"
    expect_rc_in "hostile search $i ($q): exit 0 or 1" "0 1"
    expect_no_sql "hostile search $i ($q): no SQLite message"
done
run "$HS" search -- -foo
expect_rc_in "search -- -foo: exit 0 or 1" "0 1"
expect_no_sql "search -- -foo: no SQLite message"
run "$HS" search -foo
expect_rc_in "search -foo: exit 0 or 1" "0 1"
expect_no_sql "search -foo: no SQLite message"
run "$HS" search "$(printf '\377\376')"
expect_rc_in "search invalid UTF-8: exit 0 or 1" "0 1"
expect_no_sql "search invalid UTF-8: no SQLite message"
pycheck "search invalid UTF-8: message is valid UTF-8" '
open(sys.argv[1][:-3] + "err", "rb").read().decode("utf-8")'
run "$HS" search "$(printf 'not\001\033found')"
expect_rc_in "search with a control byte: exit 0 or 1" "0 1"
python3 -c 'print(" ".join("word%d" % i for i in range(5000)))' >"$TMPD/long"
run "$HS" search $(cat "$TMPD/long")
expect_rc_in "search 5000 words: exit 0 or 1" "0 1"
expect_no_sql "search 5000 words: no SQLite message"
expect_one_err_line "search 5000 words: one stderr line"
run "$HS" search "$(python3 -c 'print("a" * 100000)')"
expect_rc_in "search one 100000-letter word: exit 0 or 1" "0 1"
expect_no_sql "search one 100000-letter word: no SQLite message"

# ---- JSON -------------------------------------------------------------------------------------------------

run "$HS" --json 404
expect_rc "--json 404: exit 0" 0
expect_json "--json 404: valid JSON"
pycheck "--json 404: fields" '
assert d["code"] == 404, d.get("code")
assert d["phrase"] == "Not Found", d.get("phrase")
assert d["class"] == 4, d.get("class")
assert d["status"] == "standard", d.get("status")
assert d["summary"].startswith("Nothing is at this URL"), d.get("summary")'
pycheck "--json 404: sections have kind, source, text" '
s = d["sections"]
assert s, "no sections"
for x in s:
    for k in ("kind", "source", "text"):
        assert isinstance(x.get(k), str) and x[k], "section lacks %s: %r" % (k, x)
kinds = [x["kind"] for x in s]
for k in ("rest", "rfc", "wikipedia", "example"):
    assert k in kinds, "no %s section in %r" % (k, kinds)
rfc = [x for x in s if x["kind"] == "rfc"][0]
assert rfc["source"] == "RFC 2616 §10.4.5", rfc["source"]
assert "\n" in [x for x in s if x["kind"] == "example"][0]["text"], "example lost its lines"'
pycheck "--json 404: related" '
r = d["related"]
assert [x["code"] for x in r][:1] == [410], r
for x in r:
    assert isinstance(x["code"], int) and x["phrase"] and x["reason"], x'
pycheck "--json 404: constants and groups" '
assert d["constants"]["python"] == "NOT_FOUND", d["constants"]
assert "absence" in d["groups"], d["groups"]'
run "$HS" --json 404 410
expect_rc "--json 404 410: exit 0" 0
pycheck "--json 404 410: an array of both" '
assert [x["code"] for x in d] == [404, 410], d'
run "$HS" --json 404 999
expect_rc "--json 404 999: exit 1" 1
expect_json "--json 404 999: valid JSON"
run "$HS" --json 4xx
expect_rc "--json 4xx: exit 0" 0
expect_json "--json 4xx: valid JSON"
pycheck "--json 4xx: fields" '
assert d["class"] == 4 and d["title"] == "Client Error", (d["class"], d["title"])
assert d["summary"], "no summary"
assert d["sections"] and all(x["kind"] and x["source"] and x["text"] for x in d["sections"]), "sections"
c = [x["code"] for x in d["codes"]]
assert 404 in c and all(400 <= x < 500 for x in c), c
for x in d["codes"]:
    for k in ("code", "phrase", "class", "status", "summary"):
        assert k in x, "code entry lacks %s" % k'
run "$HS" --json list
expect_rc "--json list: exit 0" 0
expect_json "--json list: valid JSON"
pycheck "--json list: fields" '
assert isinstance(d, list) and d, "not a non-empty array"
for x in d:
    for k in ("code", "phrase", "class", "status", "summary"):
        assert k in x, "entry lacks %s: %r" % (k, x)
    assert x["class"] == x["code"] // 100, x
    assert x["status"] in ("standard", "temporary", "unofficial", "obsolete", "reserved"), x
c = [x["code"] for x in d]
assert c == sorted(c) and 404 in c and 511 in c, "codes"'
run "$HS" --json list 5xx
pycheck "--json list 5xx: only 5xx" '
assert d and all(x["class"] == 5 for x in d), [x["code"] for x in d]'
run "$HS" --json search captive portal
expect_rc "--json search: exit 0" 0
expect_json "--json search: valid JSON"
pycheck "--json search: fields" '
assert d[0]["code"] == 511, [x["code"] for x in d]
for x in d:
    for k in ("code", "phrase", "class", "status", "summary", "snippet"):
        assert k in x, "hit lacks %s" % k
    assert "\x01" not in x["snippet"] and "\x02" not in x["snippet"], "match marks leak into the snippet"'
run "$HS" --json search zzzzqqq
expect_rc "--json search no match: exit 1" 1
expect_json "--json search no match: valid JSON"
pycheck "--json search no match: empty array" 'assert d == [], d'
expect_one_err_line "--json search no match: one stderr line"
run "$HS" --json compare 302
expect_rc "--json compare 302: exit 0" 0
expect_json "--json compare 302: valid JSON"
pycheck "--json compare 302: the redirect group" '
assert [x["code"] for x in d] == [301, 302, 303, 307, 308], [x["code"] for x in d]
for x in d:
    assert x["phrase"] and x["sections"] and "attributes" in x, x["code"]
assert d[0]["attributes"]["permanence"] == "permanent", d[0]["attributes"]'
run "$HS" --json compare 404 410
expect_rc "--json compare 404 410: exit 0" 0
pycheck "--json compare 404 410: both" 'assert [x["code"] for x in d] == [404, 410], d'

# ---- widths -------------------------------------------------------------------------------------------------

for w in 20 40 60 80 120 200; do
    run "$HS" --width "$w" 404
    expect_max_width "--width $w 404" "$w"
    run "$HS" --width "$w" 4xx
    expect_max_width "--width $w 4xx" "$w"
    run "$HS" --width "$w" list
    expect_max_width "--width $w list" "$w"
    run "$HS" --width "$w" search not found
    expect_max_width "--width $w search" "$w"
    run "$HS" --width "$w" compare 301 302 303 307 308
    expect_rc "--width $w compare: exit 0" 0
    expect_max_width "--width $w compare" "$w"
    # Every phrase and label is readable: in the stacked layout the text may wrap; in the
    # table each column is read top to bottom.
    pycheck "--width $w compare: every phrase and label shown" '
def norm(s):
    return " ".join(s.split())
lines = out.split("\n")
texts = [norm(out)]
for sep in ("│", "|"):
    if any(sep in l for l in lines):
        cols = {}
        for l in lines:
            for i, cell in enumerate(l.split(sep)):
                cols.setdefault(i, []).append(cell.strip())
        texts += [norm(" ".join(v)) for v in cols.values()]
for want in ("301 Moved Permanently", "302 Found", "303 See Other", "307 Temporary Redirect",
             "308 Permanent Redirect", "Class", "Status", "Defined in", "Permanence",
             "Method on", "redirect", "Cacheable", "Headers", "Send again?", "Summary"):
    assert any(want in t for t in texts), "%r is not shown whole" % want'
done
run "$HS" --width 0 404
expect_rc "--width 0: exit 0" 0
expect_out "--width 0: a paragraph stays on one line" "  The server has not found anything matching the Request-URI. No indication is given of whether the condition is temporary or permanent. The 410 (Gone) status code SHOULD be used"
for a in 404 list "search not found"; do
    run "$HS" --width 10000 $a
    cp "$TMPD/out" "$TMPD/wide"
    run "$HS" --width 0 $a
    expect_rc "--width 0 $a: exit 0" 0
    if cmp -s "$TMPD/out" "$TMPD/wide"; then pass "--width 0 $a: same as no limit"; else fail "--width 0 $a: same as no limit" "differs from --width 10000"; fi
done
run "$HS" --width 0 compare 302
expect_rc "--width 0 compare 302: exit 0" 0
expect_out "--width 0 compare 302: group title" "Redirects"
expect_out "--width 0 compare 302: a summary stays on one line" "The resource has a new permanent URL (in Location); update links. POST may become GET."
run env COLUMNS=50 "$HS" 404
expect_max_width "COLUMNS does not matter on a pipe: default 80" 80

# ---- compare ---------------------------------------------------------------------------------------------------

run "$HS" compare 302
expect_rc "compare 302: exit 0" 0
expect_out "compare 302: group title" "Redirects"
for c in "301 Moved Permanently" "303 See Other" "307 Temporary Redirect" "308 Permanent Redirect"; do
    expect_out "compare 302: shows $c" "$c"
done
run "$HS" compare 302 999
expect_rc "compare 302 999: exit 1" 1
expect_one_err_line "compare 302 999: one stderr line"
expect_err "compare 302 999: names 999" "999"
run "$HS" compare 404 410
expect_rc "compare 404 410: exit 0" 0
expect_out "compare 404 410: 410" "410 Gone"
run "$HS" compare 200
expect_rc "compare 200 (its group): exit 0" 0
expect_out "compare 200: 201" "201 Created"
run "$HS" compare 299
expect_rc "compare 299 (unknown): exit 1" 1
expect_one_err_line "compare 299: one stderr line"

# ---- colour ------------------------------------------------------------------------------------------------------

ESC=$(printf '\033')
no_esc() {
    if grep -q "$ESC" "$TMPD/out"; then fail "$1" "stdout has ESC sequences"; else pass "$1"; fi
}
has_esc() {
    if grep -q "$ESC" "$TMPD/out"; then pass "$1"; else fail "$1" "stdout has no ESC sequence"; fi
}
for a in 404 4xx list "search captive portal" "compare 302"; do
    run "$HS" $a
    no_esc "no colour when piped: $a"
    run "$HS" --color=always $a
    has_esc "--color=always: $a"
    run env NO_COLOR=1 "$HS" --color=auto $a
    no_esc "NO_COLOR=1 --color=auto: $a"
    run "$HS" --json --color=always $a
    no_esc "--json --color=always: $a"
done
run "$HS" --color=never 404
no_esc "--color=never"
# On a terminal (script(1) gives one): colour by default, none with NO_COLOR or TERM=dumb.
if command -v script >/dev/null 2>&1 && script -qc true /dev/null >/dev/null 2>&1; then
    run env TERM=xterm script -qc "$HS 404" /dev/null
    has_esc "terminal: colour by default"
    run env TERM=xterm NO_COLOR=1 script -qc "$HS 404" /dev/null
    no_esc "terminal: NO_COLOR=1 turns colour off"
    run env TERM=dumb script -qc "$HS 404" /dev/null
    no_esc "terminal: TERM=dumb turns colour off"
else
    pass "terminal colour: skipped (no script(1))"
fi

# ---- help and version -----------------------------------------------------------------------------------------------

for a in -h --help help; do
    run "$HS" $a
    expect_rc "$a: exit 0" 0
    expect_out "$a: usage" "usage: httpstatus"
    expect_out "$a: lists search" "httpstatus search"
done
run "$HS" --help 404
expect_rc "--help with a code: exit 0" 0
for a in -V --version; do
    run "$HS" $a
    expect_rc "$a: exit 0" 0
    expect_out "$a: version" "httpstatus "
    for s in "RFC 2616" "Wikipedia" "REST API Tutorial"; do
        expect_out "$a: names $s" "$s"
    done
done

# ---- more of the command line -------------------------------------------------------------------------------------------

run "$HS" 404 --json
expect_rc "option after the code: exit 0" 0
expect_json "option after the code: JSON"
run "$HS" --width=40 404
expect_max_width "--width=40 (one word)" 40
run "$HS" --limit=2 search not
n=$(grep -c . "$TMPD/out")
if [ "$n" = 2 ]; then pass "--limit=2 (one word): two lines"; else fail "--limit=2 (one word): two lines" "$n lines"; fi
expect_usage "--limit 10001" --limit 10001 search not
run "$HS" 4XX
expect_rc "4XX (capitals): exit 0" 0
expect_out "4XX (capitals): the class" "4xx Client Error"
run "$HS" list 4
expect_rc "list 4: exit 0" 0
expect_out "list 4: 404" "404  Not Found"
run "$HS"
expect_rc "no arguments on a pipe: exit 0" 0
cp "$TMPD/out" "$TMPD/noargs"
run "$HS" list
if cmp -s "$TMPD/out" "$TMPD/noargs"; then pass "no arguments on a pipe: the list"; else fail "no arguments on a pipe: the list" "differs from 'list'"; fi
run "$HS" --json
expect_rc "--json alone: exit 0" 0
expect_json "--json alone: JSON"
expect_usage "257 codes at once" $(seq 100 356)
expect_usage "compare 9 codes" compare 301 302 303 307 308 404 410 200 201

# --ascii: nothing but ASCII, whatever the command.
for a in 404 4xx 499 list "search not found" "compare 302" "compare 301 302 303 307 308" --version; do
    run "$HS" --ascii --width 60 $a
    pycheck "--ascii $a: ASCII only" '
raw = open(sys.argv[1], "rb").read()
assert raw, "no output"
bad = sorted(set(b for b in raw if b >= 128))
assert not bad, "bytes %r, first line with one: %r" % (bad[:5], [l for l in raw.split(b"\n") if any(x >= 128 for x in l)][0][:80])'
done
# A terminal that is not UTF-8 gets ASCII too.
if command -v script >/dev/null 2>&1 && script -qc true /dev/null >/dev/null 2>&1; then
    run env LC_ALL=C LANG=C NO_COLOR=1 script -qc "$HS 404" /dev/null
    pycheck "non-UTF-8 terminal: ASCII only" '
raw = open(sys.argv[1], "rb").read()
assert b"404 Not Found" in raw, "no title"
assert not any(b >= 128 for b in raw), "non-ASCII bytes on a C-locale terminal"'
else
    pass "non-UTF-8 terminal: skipped (no script(1))"
fi

# --version follows the width like everything else.
run "$HS" --version
expect_max_width "--version: at most 80 columns on a pipe" 80
run "$HS" --width 60 --version
expect_max_width "--version --width 60" 60

# Output that cannot be written is an error, with its one line.
if [ -w /dev/full ]; then
    for a in list 404 "--json 404" "search not found"; do
        "$HS" $a >/dev/full 2>"$TMPD/err" </dev/null
        RC=$?
        expect_rc "$a >/dev/full: exit 2" 2
        expect_one_err_line "$a >/dev/full: one stderr line"
    done
else
    pass "write errors: skipped (no /dev/full)"
fi

# ---- escape sequences from a crafted database -----------------------------------------------------------------------

if [ -f db/httpstatus.db ]; then
    cp db/httpstatus.db "$TMPD/evil.db"
    if python3 - "$TMPD/evil.db" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
bad = "\x1b[31mRED\x1b]0;pwned\x07 \u202eLIVE\u200b \x9b2J \x1bc"
raw = "CAST(X'41429B1B5B324A43' AS TEXT)"   # AB, a lone 0x9b byte, ESC[2J, C
c.execute("UPDATE codes SET phrase = ?, summary = ? WHERE code = 404", ("Not Found" + bad, "zebrafish " + bad))
c.execute("UPDATE codes SET phrase = 'Gone ' || " + raw + " WHERE code = 410")
c.execute("UPDATE codes SET spec = ?, headers = ?, permanence = ? WHERE code = 302", ("RFC" + bad, "Location" + bad, "temp" + bad))
c.execute("UPDATE sections SET body = ? || body || ?, source = source || ? WHERE code = 404", (bad, bad, bad))
c.execute("UPDATE sections SET body = body || " + raw + " WHERE code = 410")
c.execute("UPDATE related SET reason = reason || ? WHERE code = 404", (bad,))
c.execute("UPDATE classes SET title = title || ?, summary = summary || ?", (bad, bad))
c.execute("UPDATE sections SET body = body || ? WHERE class IS NOT NULL OR code IS NULL", (bad,))
c.execute("UPDATE groups SET title = title || ?", (bad,))
c.execute("UPDATE constants SET name = name || ? WHERE code = 404", (bad,))
c.execute("UPDATE search SET summary = ?, phrase = ? WHERE rowid = 404", ("zebrafish " + bad, "Not Found" + bad))
c.commit()
EOF
    then
        pass "crafted database built"
        i=0
        for a in 404 410 4xx "404 410" list "list 4xx" "search zebrafish" "search not found" "compare 302" "compare 404 410" \
            "--json 404" "--json 410" "--json 4xx" "--json list" "--json search zebrafish" "--json compare 302" --version; do
            i=$((i + 1))
            run "$HS" --db "$TMPD/evil.db" $a
            expect_rc "crafted db: $a: exit 0" 0
            pycheck "crafted db: $a: no escape, bidi or C1 characters" '
raw = open(sys.argv[1], "rb").read() + open(sys.argv[1][:-3] + "err", "rb").read()
text = raw.decode("utf-8", "surrogateescape")
for ch, name in (("\x1b", "ESC"), ("\x07", "BEL"), ("\x9b", "C1 CSI"), ("\udc9b", "raw 0x9b byte"),
                 ("\u202e", "bidi override"), ("\u200b", "zero-width space")):
    assert ch not in text, "output has %s" % name
bad = [b for b in raw if b < 32 and b not in (9, 10)]
assert not bad, "output has control bytes %r" % sorted(set(bad))'
        done
        run "$HS" --db "$TMPD/evil.db" --json 404
        pycheck "crafted db: JSON keeps the text readable" '
assert d["code"] == 404, d.get("code")
assert d["phrase"].startswith("Not Found"), d["phrase"]
assert "RED" in d["phrase"] and "LIVE" in d["phrase"], d["phrase"]'
    else
        fail "crafted database built" "python3 sqlite3 could not modify the copy"
    fi
    # Wide (CJK) and combining characters: widths are display columns, not bytes.
    cp db/httpstatus.db "$TMPD/wide.db"
    if python3 - "$TMPD/wide.db" <<'EOF2'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
w = "日本語のテキストはとても幅が広いです"
comb = "cafe\u0301 na\u0308ive "
c.execute("UPDATE codes SET phrase = ?, summary = ? WHERE code = 404", ("Not Found " + w, "zebrafish " + w * 3 + " " + comb * 3))
c.execute("UPDATE codes SET phrase = ? WHERE code = 302", ("Found " + w,))
c.execute("UPDATE sections SET body = ? || body WHERE code = 404", (w * 4 + " " + comb,))
c.execute("UPDATE search SET summary = ?, phrase = ? WHERE rowid = 404", ("zebrafish " + w * 3, "Not Found " + w))
c.commit()
EOF2
    then
        for w in 20 40 60; do
            for a in 404 4xx list "search zebrafish" "compare 302" "compare 404 410"; do
                run "$HS" --db "$TMPD/wide.db" --width "$w" $a
                expect_rc "wide characters: --width $w $a: exit 0" 0
                expect_max_width "wide characters: --width $w $a" "$w"
            done
        done
    else
        fail "wide-character database built" "python3 sqlite3 could not modify the copy"
    fi
else
    fail "crafted database" "db/httpstatus.db is missing (run make db/httpstatus.db)"
fi
