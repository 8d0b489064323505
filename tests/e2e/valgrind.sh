. "$(dirname "$0")/../lib.sh"
# tests/e2e/valgrind.sh — the normal build under valgrind on the main command-line paths
# (whatever HS says: ASan and valgrind do not mix): no invalid access, no uninitialised use,
# no definite or indirect leak, and the usual exit status. It is the build linked against the
# shared libraries (build/httpstatus-shared, the same objects as ./httpstatus): valgrind
# checks the heap by replacing malloc and free, which it cannot do in a fully static binary.

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

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

: >"$TMPD/zero.db"
if [ -f db/httpstatus.db ]; then
    head -c 8192 db/httpstatus.db >"$TMPD/truncated.db"
else
    printf 'SQLite format 3\000garbage' >"$TMPD/truncated.db"
fi

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
