. "$(dirname "$0")/../lib.sh"
# tests/e2e/runner.sh — the test runner itself (tests/run.sh), on fake trees of tiny suites:
# a run is green only when every expected suite ran and reported; a suite that exits
# non-zero, dies by a signal, runs too long, prints nothing, is not built, or never
# reported turns the run red, and the summary names it. The last line is always
# "N passed, N failed".

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac
unset HS_TEST_BREAK SUITE_LIMIT JOBS

# tree: a fresh fake repository in $T with three good suites (6 tests in all).
tree() {
    T=$TMPD/tree$1
    rm -rf "$T"
    mkdir -p "$T/tests/unit" "$T/tests/e2e" "$T/tests/tui" "$T/build/asan/tests"
    cp tests/run.sh tests/lib.sh "$T/tests/"
    : >"$T/tests/unit/test_fake.c"
    printf '#!/bin/sh\necho "[  PASSED  ] 3 test(s)."\n' >"$T/build/asan/tests/test_fake"
    chmod +x "$T/build/asan/tests/test_fake"
    printf '. "$(dirname "$0")/../lib.sh"\npass one\npass two\n' >"$T/tests/e2e/good.sh"
    printf '. "$(dirname "$0")/../lib.sh"\npass screen\n' >"$T/tests/tui/screen.sh"
    # A helper library, not a suite: run as one it would report nothing.
    printf 'helper() { :; }\n' >"$T/tests/tui/lib.sh"
}

# suite NAME BODY: an end-to-end suite in the fake tree.
suite() {
    printf '. "$(dirname "$0")/../lib.sh"\n%s\n' "$2" >"$T/tests/e2e/$1.sh"
}

# runit [VAR=VALUE...]: the fake tree's runner; output in $TMPD/out, status in RC.
runit() {
    env JOBS=3 "$@" sh "$T/tests/run.sh" >"$TMPD/out" 2>"$TMPD/err" </dev/null
    RC=$?
    LAST=$(tail -n 1 "$TMPD/out")
}

# expect NAME STATUS LAST [TEXT]: the run's status (0, or "red" for any other), its last line
# and a text the output must hold.
expect() {
    why=
    if [ "$2" = 0 ] && [ "$RC" != 0 ]; then why="exit $RC, expected 0"; fi
    if [ "$2" = red ] && [ "$RC" = 0 ]; then why="exit 0, expected a failure"; fi
    if [ "$LAST" != "$3" ]; then why="$why; last line '$LAST', expected '$3'"; fi
    if [ -n "${4:-}" ] && ! grep -qF -- "$4" "$TMPD/out"; then why="$why; output lacks '$4'"; fi
    if [ -z "$why" ]; then
        pass "runner: $1"
    else
        fail "runner: $1" "${why#; } (output: $(tail -n 8 "$TMPD/out" | tr '\n' '|'))"
    fi
}

tree 1
runit
expect "every suite green: the run is green" 0 "6 passed, 0 failed" "tui: screen.sh"
if grep -q 'tui: lib.sh' "$TMPD/out"; then fail "runner: lib*.sh is no suite" "tests/tui/lib.sh was run"; else pass "runner: lib*.sh is no suite"; fi
for id in unit-test_fake e2e-good tui-screen; do
    if [ -s "$T/build/tests/$id.log" ] && [ -s "$T/build/tests/$id.rc" ]; then
        pass "runner: $id has its own log"
    else
        fail "runner: $id has its own log" "no $T/build/tests/$id.log or .rc"
    fi
done
if grep -q '^== e2e: good.sh' "$T/build/test.log" && grep -q '^PASS: two' "$T/build/test.log"; then
    pass "runner: build/test.log holds every suite's output"
else
    fail "runner: build/test.log holds every suite's output" "$(head -c 300 "$T/build/test.log")"
fi

# A suite whose result file is missing (the job pool or make lost it) did not run.
rm -f "$T/build/tests/e2e-good.rc"
env sh "$T/tests/run.sh" --report >"$TMPD/out" 2>&1
RC=$?
LAST=$(tail -n 1 "$TMPD/out")
expect "a suite that never reported fails the run" red "4 passed, 1 failed" "e2e: good.sh: did not run"

tree 2
suite bad 'pass first
exit 1
pass never'
runit
expect "a suite exiting 1 after one test fails the run" red "7 passed, 1 failed" "e2e: bad.sh: exited with status 1"

tree 3
suite killed 'pass first
kill -TERM $$
pass never'
runit
expect "a suite killed by a signal fails the run" red "7 passed, 1 failed" "e2e: killed.sh: died by signal 15"

tree 4
suite slow 'pass first
sleep 30
pass never'
runit SUITE_LIMIT=1
expect "a suite over SUITE_LIMIT is stopped and fails the run" red "7 passed, 1 failed" "e2e: slow.sh: stopped after 1 s"

tree 5
suite silent 'true'
runit
expect "a suite that reports nothing fails the run" red "6 passed, 1 failed" "e2e: silent.sh: printed no result"

tree 6
: >"$T/tests/unit/test_gone.c"
runit
expect "a unit test that was not built fails the run" red "6 passed, 1 failed" "unit: test_gone: not built"

tree 7
suite failing 'pass first
fail second "on purpose"'
runit
expect "a FAIL line fails the run (the suite exits 0)" red "7 passed, 1 failed" "FAIL: second: on purpose"

tree 8
runit HS_TEST_BREAK=good
expect "HS_TEST_BREAK=good breaks that suite and the run" red "4 passed, 1 failed" "e2e: good.sh: exited with status 1"
runit HS_TEST_BREAK=test_fake
expect "HS_TEST_BREAK=test_fake breaks a unit binary and the run" red "3 passed, 1 failed" "unit: test_fake: exited with status 1"

# The real tree: this suite and every suite file are on the expected list.
list=$(sh tests/run.sh --list)
missing=
for f in tests/unit/test_*.c tests/e2e/*.sh tests/tui/*.sh; do
    b=${f##*/}
    case $f in
    tests/unit/*) id=unit-${b%.c} ;;
    tests/e2e/*) id=e2e-${b%.sh} ;;
    tests/tui/lib*) continue ;;
    *) id=tui-${b%.sh} ;;
    esac
    printf '%s\n' "$list" | grep -qx "$id" || missing="$missing $id"
done
if [ -z "$missing" ]; then pass "runner: every suite file is expected"; else fail "runner: every suite file is expected" "missing:$missing"; fi
