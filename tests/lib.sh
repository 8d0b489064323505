# tests/lib.sh — shared helpers for the shell test suites. Source it; then call the
# assertions. Each prints one line, "PASS: name" or "FAIL: name: why"; tests/run.sh counts
# them. HS is the binary under test (set by tests/run.sh; default ./httpstatus).
HS=${HS:-./httpstatus}

# HS_TEST_BREAK=NAME[,NAME...]: the named suites (file name without .sh) stop here with
# status 1, before their first test, to show that tests/run.sh counts that as a failure.
case ",${HS_TEST_BREAK:-}," in
*",$(basename "$0" .sh),"*)
    echo "HS_TEST_BREAK: $(basename "$0" .sh) exits early on purpose"
    [ -n "${TMPD:-}" ] && rmdir "$TMPD" 2>/dev/null
    exit 1
    ;;
esac

TMPD=${TMPD:-$(mktemp -d)}
export LANG=C.UTF-8 LC_ALL=C.UTF-8
unset NO_COLOR

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }

# run CMD...: runs with stdout to $TMPD/out, stderr to $TMPD/err, status in $RC
run() {
    "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null
    RC=$?
}

# expect_rc NAME WANT: the last run's exit status
expect_rc() {
    if [ "$RC" = "$2" ]; then pass "$1"; else fail "$1" "exit $RC, expected $2 (stderr: $(head -c 300 "$TMPD/err"))"; fi
}

# expect_out NAME TEXT: stdout of the last run contains TEXT (fixed string)
expect_out() {
    if grep -qF -- "$2" "$TMPD/out"; then pass "$1"; else fail "$1" "stdout lacks '$2'"; fi
}

expect_no_out() {
    if grep -qF -- "$2" "$TMPD/out"; then fail "$1" "stdout has '$2'"; else pass "$1"; fi
}

# expect_err NAME TEXT: stderr contains TEXT
expect_err() {
    if grep -qF -- "$2" "$TMPD/err"; then pass "$1"; else fail "$1" "stderr lacks '$2' (stderr: $(head -c 300 "$TMPD/err"))"; fi
}

# expect_one_err_line NAME: exactly one line on stderr, starting "httpstatus: "
expect_one_err_line() {
    n=$(wc -l <"$TMPD/err")
    if [ "$n" = 1 ] && grep -q '^httpstatus: ' "$TMPD/err"; then pass "$1"; else fail "$1" "stderr has $n lines: $(head -c 300 "$TMPD/err")"; fi
}

# expect_max_width NAME N: no line of stdout is wider than N display columns
expect_max_width() {
    w=$(python3 -c '
import sys, unicodedata
m = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)
    m = max(m, w)
print(m)' "$TMPD/out")
    if [ "$w" -le "$2" ]; then pass "$1"; else fail "$1" "widest line is $w columns, limit $2"; fi
}

# expect_json NAME: stdout is valid JSON
expect_json() {
    if python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$TMPD/out" 2>"$TMPD/jsonerr"; then pass "$1"; else fail "$1" "invalid JSON: $(head -c 200 "$TMPD/jsonerr")"; fi
}
