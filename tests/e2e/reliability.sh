. "$(dirname "$0")/../lib.sh"
# tests/e2e/reliability.sh — the environment and the faults around the program rather than
# its input: a small stack, a small address space, output that cannot be written, files
# that are not regular files, WAL-mode and read-only databases, crafted values.
# Run: HS=path/to/httpstatus sh tests/e2e/reliability.sh (needs db/httpstatus.db, python3).

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

# The stack tests run the build without sanitizers when there is one: sanitizer frames are
# larger and laid out differently, so they would not measure what a user runs.
PLAIN=${HS_PLAIN:-./httpstatus}
[ -x "$PLAIN" ] || PLAIN=$HS

# run_limited NAME 'ulimit ...' ARGS...: runs $PLAIN under the limit (stdout/stderr to
# $TMPD/out and $TMPD/err, status in $RC).
run_limited() {
    _limit=$1
    shift
    (eval "$_limit" && exec "$PLAIN" "$@") >"$TMPD/out" 2>"$TMPD/err" </dev/null
    RC=$?
}

# no_crash NAME: the last run ended by itself (0, 1 or 2), not by a signal.
no_crash() {
    if [ "$RC" -le 2 ]; then pass "$1"; else fail "$1" "exit $RC (a signal?), stderr: $(head -c 200 "$TMPD/err")"; fi
}

# ---- a small stack ----------------------------------------------------------------------------
# 32 KB is far below any default (8 MB on Linux); nothing in the program keeps a large
# frame, so every command fits. The arguments themselves live on the stack (the kernel
# allows a quarter of the limit for them), so the long search has 500 words here.

WORDS500=$(python3 -c 'print(" ".join("w%d" % i for i in range(500)))')
for a in "search captve portl" "search teapott" "search servise unavailible timout" "search not found" \
    404 "404 418 503" 4xx "compare 301 302 307 308" "compare 401" list "list 4xx" --version "--json 404" \
    "--json search captve" "--color=always search rate limited"; do
    run_limited 'ulimit -s 32' $a
    no_crash "stack 32 KB: $a: no crash"
    case $a in
    "search captve portl") expect_err "stack 32 KB: $a: suggests" "did you mean" ;;
    404) expect_out "stack 32 KB: 404: the page" "Not Found" ;;
    esac
done
run_limited 'ulimit -s 32' search $WORDS500
no_crash "stack 32 KB: a 500-word search: no crash"

# Every function's frame, as the compiler reports it (-fstack-usage): none above 4 KB and
# none unbounded (a variable-length array or alloca sized by input).
if command -v "${CC:-cc}" >/dev/null 2>&1 && pkg-config --exists ncursesw sqlite3 2>/dev/null; then
    mkdir -p "$TMPD/su"
    big=""
    for f in src/*.c src/ui/*.c; do
        o=$TMPD/su/$(echo "$f" | tr / _).o
        if ! "${CC:-cc}" -std=c11 -D_POSIX_C_SOURCE=200809L $(pkg-config --cflags ncursesw sqlite3) -Isrc -O2 \
            -fstack-usage -c -o "$o" "$f" 2>"$TMPD/su/err"; then
            big="$big $f(does not compile: $(head -c 100 "$TMPD/su/err"))"
            continue
        fi
        big="$big$(awk -F'\t' '$2 > 4096 || $3 == "dynamic" { printf " %s(%s bytes, %s)", $1, $2, $3 }' "${o%.o}.su")"
    done
    if [ -z "$big" ]; then pass "stack: no frame above 4 KB, none unbounded"; else fail "stack: no frame above 4 KB, none unbounded" "$big"; fi
else
    pass "stack: frame sizes: skipped (no compiler or pkg-config)"
fi

# ---- output that cannot be written ------------------------------------------------------------
# Every command, --help and --version included, to a full disk and to a closed standard
# output: exit 2 and one message, never success.
for a in --help -h help --version 404 "404 503" 4xx list "list 4xx" "search not found" "search --json teapot" \
    "compare 301 302" "compare 401" "--json 404" "--json list" ""; do
    # shellcheck disable=SC2086
    "$HS" $a >/dev/full 2>"$TMPD/err" </dev/null
    RC=$?
    expect_rc "output to /dev/full: '$a': exit 2" 2
    expect_one_err_line "output to /dev/full: '$a': one message"
    expect_err "output to /dev/full: '$a': says it cannot write" "cannot write"
    # shellcheck disable=SC2086
    "$HS" $a >&- 2>"$TMPD/err" </dev/null
    RC=$?
    expect_rc "stdout closed: '$a': exit 2" 2
    expect_one_err_line "stdout closed: '$a': one message"
done

