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

# python3, resolved once to the interpreter itself: a version manager's shim (pyenv) costs
# several processes on every call, and the TUI helpers call python3 per screen capture.
if [ -z "${HS_PYTHON:-}" ]; then
    HS_PYTHON=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null)
    export HS_PYTHON
fi
# -S: no site module (every script here needs the standard library only), half the start-up.
if [ -n "$HS_PYTHON" ] && [ -x "$HS_PYTHON" ]; then
    python3() { "$HS_PYTHON" -S "$@"; }
fi

# py_assert CODE ARGS...: runs the Python CODE with sys.argv = ["-c", ARGS...], as
# `python3 -c CODE ARGS...` would; status 0 when it ends normally, 1 when it raises (then
# $TMPD/py.msg holds what it printed and the exception's last traceback line). The code runs
# in one python3 that stays for the whole suite (started on first use; requests go by a pair
# of FIFOs on descriptors 8 and 9), so a check costs no interpreter start. Each CODE gets
# fresh globals. Without mkfifo, or once the server is gone, each call starts python3.
PY_SERVE=
py_assert() {
    if [ -z "$PY_SERVE" ]; then
        PY_SERVE=off
        cat >"$TMPD/py.serve" <<'PYEOF'
import io, sys, traceback
req = open(sys.argv[1], encoding="utf-8", errors="surrogateescape")
resp = open(sys.argv[2], "w")
real_out, real_err = sys.stdout, sys.stderr
for line in req:
    code, msgf, *args = line.rstrip("\n").split("\t")
    buf = io.StringIO()
    sys.stdout = sys.stderr = buf
    sys.argv = ["-c"] + args
    status = 0
    try:
        src = open(code, encoding="utf-8", errors="surrogateescape").read()
        exec(compile(src, "<string>", "exec"), {"__name__": "__main__", "__builtins__": __builtins__})
    except SystemExit as e:
        status = 0 if e.code in (None, 0) else 1
        if isinstance(e.code, str):
            buf.write(e.code + "\n")
    except BaseException:
        status = 1
        buf.write("".join(traceback.format_exception(*sys.exc_info())))
    sys.stdout, sys.stderr = real_out, real_err
    with open(msgf, "w", encoding="utf-8", errors="surrogateescape") as f:
        f.write(buf.getvalue())
    resp.write("%d\n" % status)
    resp.flush()
PYEOF
        if [ -n "$HS_PYTHON" ] && [ -x "$HS_PYTHON" ] && mkfifo "$TMPD/py.req" "$TMPD/py.resp" 2>/dev/null; then
            python3 "$TMPD/py.serve" "$TMPD/py.req" "$TMPD/py.resp" </dev/null &
            exec 8>"$TMPD/py.req" 9<"$TMPD/py.resp" && PY_SERVE=on
        fi
    fi
    _code=$1
    shift
    if [ "$PY_SERVE" = on ]; then
        printf '%s\n' "$_code" >"$TMPD/py.code"
        _ifs=$IFS
        IFS='	'
        _req="$TMPD/py.code	$TMPD/py.msg${*:+	$*}"
        IFS=$_ifs
        printf '%s\n' "$_req" >&8
        if read -r _st <&9; then
            return "$_st"
        fi
        PY_SERVE=gone
        exec 8>&- 9<&-
    fi
    python3 -c "$_code" "$@" >"$TMPD/py.msg" 2>&1
}

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; }

# run CMD...: runs with stdout to $TMPD/out, stderr to $TMPD/err, status in $RC
run() {
    "$@" >"$TMPD/out" 2>"$TMPD/err" </dev/null 8>&- 9<&-
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

# expect_max_width NAME N: no line of stdout is wider than N display columns. (It used to
# set w, the loop variable of cli.sh's width sweep, so that the sweep ran at the measured
# width instead of 60, 80, 120 and 200: a compare header cut at 120 columns went unseen.)
expect_max_width() {
    _mw=
    if py_assert '
import sys, unicodedata
m = 0
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in line)
    m = max(m, w)
print(m)' "$TMPD/out"; then
        read -r _mw <"$TMPD/py.msg"
    fi
    if [ "${_mw:-999999}" -le "$2" ]; then pass "$1"; else fail "$1" "widest line is ${_mw:-unknown} columns, limit $2"; fi
}

# expect_json NAME: stdout is valid JSON
expect_json() {
    if py_assert 'import json,sys; json.load(open(sys.argv[1]))' "$TMPD/out"; then pass "$1"; else fail "$1" "invalid JSON: $(tail -n 1 "$TMPD/py.msg" | head -c 200)"; fi
}
