. "$(dirname "$0")/../lib.sh"
# tests/e2e/valgrind.sh — the normal build under valgrind on the main command-line paths
# (whatever HS says: ASan and valgrind do not mix): no invalid access, no uninitialised use,
# no definite or indirect leak, and the usual exit status. It is the build linked against the
# shared libraries (build/httpstatus-shared, the same objects as ./httpstatus): valgrind
# checks the heap by replacing malloc and free, which it cannot do in a fully static binary.

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

: >"$TMPD/zero.db"
if [ -f db/httpstatus.db ]; then
    head -c 8192 db/httpstatus.db >"$TMPD/truncated.db"
    # corrupt: the real file with a run of garbage over pages in its middle
    cp db/httpstatus.db "$TMPD/corrupt.db"
    head -c 40000 /dev/urandom | dd of="$TMPD/corrupt.db" bs=4096 seek=8 conv=notrunc 2>/dev/null
else
    printf 'SQLite format 3\000garbage' >"$TMPD/truncated.db"
    printf 'SQLite format 3\000garbage\001\002' >"$TMPD/corrupt.db"
fi

# ---- LeakSanitizer on the command line ------------------------------------------------------
# tests/run.sh runs the other e2e suites with detect_leaks=0 (half the cost of each of their
# runs). The command line's leak coverage is here: a representative set of commands, every
# output format and the error paths, each run once by the ASan build (HS) with
# detect_leaks=1. A leak makes the run exit 86 with a LeakSanitizer report on stderr.
if grep -q __asan_init "$HS" 2>/dev/null; then
    LEAK_ASAN="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1:exitcode=86"
    printf 'a\nb\nc\nd\n1\n2\n3\n4\nq\n' >"$TMPD/answers"
    printf '\n3\n\nagain\n\n1\n\n4\n\n2\n' >"$TMPD/cards"
    # lk NAME WANT [<FILE] ARGS...: no leak report, no other sanitizer report, exit WANT
    lk() {
        n=$1
        want=$2
        shift 2
        input=/dev/null
        case $1 in "<"*) input=${1#<} && shift ;; esac
        ASAN_OPTIONS=$LEAK_ASAN "$HS" "$@" >"$TMPD/out" 2>"$TMPD/err" <"$input"
        RC=$?
        if grep -q -e 'LeakSanitizer' -e 'AddressSanitizer' -e 'runtime error' "$TMPD/err" || [ "$RC" = 86 ]; then
            fail "leaks $n: clean" "exit $RC: $(grep -m 3 -E 'ERROR|SUMMARY|runtime error|Direct leak' "$TMPD/err" | tr '\n' ' ' | head -c 300)"
        else
            pass "leaks $n: clean"
        fi
        expect_rc "leaks $n: exit $want" "$want"
    }
    S=$TMPD/state.db
    lk "404" 0 404
    lk "404 410 2xx" 0 404 410 2xx
    lk "4xx" 0 4xx
    lk "teapot (a name)" 0 teapot
    lk "list" 0 list
    lk "list 4xx --long" 0 list 4xx --long
    lk "list --standard" 0 list --standard
    lk "search captive portal" 0 search captive portal
    lk "search zzzzqqq (no match)" 1 search zzzzqqq
    lk "search captve (misspelt)" 0 search captve
    lk "search tempoary redirct (misspelt)" 0 search tempoary redirct
    lk "search 4xx (a prefix)" 0 search 4xx
    lk "search hostile query" 1 search '"unterminated NEAR(a b) x:'
    lk "compare 302" 0 compare 302
    lk "compare 404 410" 0 compare 404 410
    lk "header" 0 header
    lk "header Location" 0 header Location
    lk "--json 404" 0 --json 404
    lk "--json 404 999" 1 --json 404 999
    lk "--json 4xx" 0 --json 4xx
    lk "--json list" 0 --json list
    lk "--json search not" 0 --json search not
    lk "--json search zzzzqqq" 1 --json search zzzzqqq
    lk "--json search captve" 0 --json search captve
    lk "--json compare 302" 0 --json compare 302
    lk "--color=always --ascii --width 30 compare 302" 0 --color=always --ascii --width 30 compare 302
    lk "--width 20 404" 0 --width 20 404
    lk "sheet" 0 sheet
    lk "sheet --format html --full 404 redirects" 0 sheet --format html --full 404 redirects
    lk "sheet --format markdown" 0 sheet --format markdown
    lk "sheet --format roff" 0 sheet --format roff
    lk "sheet --format pdf (unknown)" 2 sheet --format pdf
    lk "quiz on a pipe" 0 "<$TMPD/answers" quiz --seed 7 --count 4 --state "$S"
    lk "quiz --json" 0 quiz --json --seed 7 --count 5
    lk "learn on a pipe" 0 "<$TMPD/cards" learn --count 3 --state "$S"
    lk "progress" 0 progress --state "$S"
    lk "progress --json" 0 progress --json --state "$S"
    lk "progress --reset --yes" 0 progress --reset --yes --state "$S"
    lk "present on a pipe (refused)" 2 present 404
    lk "completion bash" 0 completion bash
    lk "completion zsh" 0 completion zsh
    lk "completion fish" 0 completion fish
    lk "--help" 0 --help
    lk "--version" 0 --version
    lk "999 (unknown code)" 1 999
    lk "404 999 (one unknown)" 1 404 999
    lk "abc (no such name)" 1 abc
    lk "--bogus" 2 --bogus
    lk "junk arguments" 2 --width 20 404 abc '"' 9xx
    lk "compare 226 (in no group)" 2 compare 226
    lk "--db missing file" 2 --db "$TMPD/no-such.db" 404
    lk "--db zero-byte file" 2 --db "$TMPD/zero.db" 404
    lk "--db truncated file" 2 --db "$TMPD/truncated.db" 404
    lk "--db corrupt file" 2 --db "$TMPD/corrupt.db" 404
    lk "--db corrupt file: search" 2 --db "$TMPD/corrupt.db" search not found
    if [ -f db/httpstatus.db ]; then lk "--db the real file" 0 --db db/httpstatus.db search not found; fi
    if [ -w /dev/full ]; then
        ASAN_OPTIONS=$LEAK_ASAN "$HS" list >/dev/full 2>"$TMPD/err" </dev/null
        RC=$?
        if grep -q -e 'LeakSanitizer' -e 'AddressSanitizer' "$TMPD/err" || [ "$RC" = 86 ]; then
            fail "leaks list >/dev/full: clean" "exit $RC: $(head -c 300 "$TMPD/err")"
        else
            pass "leaks list >/dev/full: clean"
        fi
        expect_rc "leaks list >/dev/full: exit 2" 2
    fi
else
    pass "leaks: skipped ($HS is not an ASan build)"
fi

# ---- valgrind ---------------------------------------------------------------------------------
BIN=${VG_BIN:-build/httpstatus-shared}
if ! command -v valgrind >/dev/null 2>&1; then
    pass "valgrind: skipped (valgrind is not installed)"
    exit 0
fi
if [ ! -x "$BIN" ]; then
    fail "valgrind" "$BIN is missing (run make build/httpstatus-shared)"
    exit 0
fi

# vg NAME WANT ARGS...: run under valgrind; not 99 (valgrind found errors), and WANT
vg() {
    n=$1
    want=$2
    shift 2
    run valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect -q "$BIN" "$@"
    if [ "$RC" = 99 ]; then
        fail "valgrind $n: clean" "$(grep -m 3 -E '==[0-9]+== [A-Z]' "$TMPD/err" | tr '\n' ' ' | head -c 300)"
    else
        pass "valgrind $n: clean"
    fi
    expect_rc "valgrind $n: exit $want" "$want"
}

vg "404" 0 404
vg "4xx" 0 4xx
vg "list" 0 list
vg "search captive portal" 0 search captive portal
vg "search zzzzqqq" 1 search zzzzqqq
vg "search captve (suggestion)" 0 search captve
vg "compare 302" 0 compare 302
vg "--json 404" 0 --json 404
vg "--json search not" 0 --json search not
vg "--db zero-byte file" 2 --db "$TMPD/zero.db" 404
vg "--db truncated file" 2 --db "$TMPD/truncated.db" 404
vg "junk arguments" 2 --width 20 404 abc '"' 9xx
vg "404 999 (one not found)" 1 404 999
vg "--bogus" 2 --bogus
