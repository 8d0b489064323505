#!/bin/sh
# tests/run.sh — the test runner. The last line it prints is always "N passed, N failed";
# its exit status is 0 only when nothing failed and every expected suite reported.
#
#   sh tests/run.sh            run every suite, JOBS (default: cores + 1) at a time, then report
#   sh tests/run.sh --list     the expected suites, slowest first (the Makefile reads this)
#   sh tests/run.sh --one ID   run one suite into build/tests/ID.{log,rc} (make check's targets)
#   sh tests/run.sh --report   judge build/tests/ against the expected list and print the summary
#   sh tests/run.sh --python   the python3 interpreter the suites use (make check exports it)
#
# The expected suites are found, not listed: every tests/unit/test_*.c (its binary is
# build/asan/tests/test_*), every tests/e2e/*.sh and every tests/tui/*.sh except lib*.sh.
# A new suite file is picked up by `make check` and then MUST report: a suite counts as a
# failure, named in the summary, when it did not run at all, exited non-zero, died by a
# signal, ran longer than SUITE_LIMIT seconds, or printed no result (no "PASS:"/"FAIL:"
# line, no cmocka summary). Every suite writes to its own log, so output stays together
# (build/test.log is all of them, in the order of the list).
#
# Sanitizers and leaks: every suite runs the ASan+UBSan build (build/httpstatus-asan) or the
# ASan unit binaries. LeakSanitizer is on (detect_leaks=1) for the unit tests and the TUI
# suites. The e2e shell suites (tests/e2e/*.sh) run with detect_leaks=0 (E2E_ASAN_OPTIONS),
# which halves the cost of each of their many runs; the command line's leak coverage is
# instead one explicit pass in tests/e2e/valgrind.sh: a representative set of commands
# (lookups, classes, list, search with and without matches and misspelt, compare, header,
# every --json variant, every sheet format, quiz/learn/progress on a pipe, completion, and
# the error paths: unknown code, bad arguments, missing, empty, truncated and corrupt
# databases, unwritable output) under the ASan build with detect_leaks=1, and the same
# suite's valgrind pass on build/httpstatus-shared. Suites that repeat one heavy run only to
# check output bytes in several formats (tests/e2e/inject_all.sh) run some formats on the
# static ./httpstatus (HS_PLAIN), every command at least once under ASan.
#
# HS_TEST_BREAK=ID[,ID...] (e.g. cli, browse, test_data) makes the named suites exit 1
# before their first test, to show that the run then fails (tests/e2e/runner.sh does so
# on a fake tree).
cd "$(dirname "$0")/.." || exit 2
OUT=build/tests
LOG=build/test.log
TIMES=build/test-times          # seconds each suite took last time: the next run's order
# A guard against hangs, not a speed test: on a 2-core machine shared with other jobs (load
# average 18) the out-of-memory unit test alone took over 900 s of wall time.
SUITE_LIMIT=${SUITE_LIMIT:-1800}
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:exitcode=86}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
# The e2e shell suites run the ASan binary hundreds of times each; LeakSanitizer's pass at
# exit is half of every such run, so they run without it (the last detect_leaks wins).
# Leak coverage of the command line is kept by the explicit leak pass in
# tests/e2e/valgrind.sh (see the header above).
E2E_ASAN_OPTIONS="${E2E_ASAN_OPTIONS:-$ASAN_OPTIONS:detect_leaks=0}"

# Suites known to be slow start first on a fresh tree (later runs use $TIMES).
SLOW_FIRST="e2e-reliability e2e-inject_all e2e-valgrind e2e-progress e2e-cli unit-test_data tui-compare tui-browse tui-search e2e-databases e2e-classroom tui-terminal e2e-fuzz"

expected() {
    for f in tests/unit/test_*.c; do
        [ -f "$f" ] || continue
        f=${f##*/}
        echo "unit-${f%.c}"
    done
    for f in tests/e2e/*.sh; do
        [ -f "$f" ] || continue
        f=${f##*/}
        echo "e2e-${f%.sh}"
    done
    for f in tests/tui/*.sh; do
        [ -f "$f" ] || continue
        f=${f##*/}
        case $f in lib*) continue ;; esac
        echo "tui-${f%.sh}"
    done
}

# The expected suites, longest first: by last run's time, else SLOW_FIRST, else as found.
ordered() {
    expected | awk -v slow="$SLOW_FIRST" -v times="$TIMES" '
        BEGIN {
            n = split(slow, s, " ")
            for (i = 1; i <= n; i++) rank[s[i]] = 100000 - i
            while ((getline line < times) > 0) { split(line, f, " "); last[f[1]] = f[2] }
        }
        { k = ($0 in last) ? last[$0] : ($0 in rank) ? rank[$0] : 0; printf "%s %d %s\n", k, NR, $0 }
    ' | sort -k1,1nr -k2,2n | awk '{ print $3 }'
}

label() {
    case $1 in
    unit-*) echo "unit: ${1#unit-}" ;;
    e2e-*) echo "e2e: ${1#e2e-}.sh" ;;
    tui-*) echo "tui: ${1#tui-}.sh" ;;
    *) echo "$1" ;;
    esac
}

# What each suite reported: "PASS FAIL" counts from its log.
counts() {
    awk '
        /^PASS: / { p++ }
        /^FAIL: / { f++ }
        /^\[  PASSED  \] [0-9]+ test/ { p += $4 }
        /^\[  FAILED  \] [0-9]+ test/ { f += $4 }
        /^(==[0-9]+==ERROR|.*runtime error:|SUMMARY: (Address|Undefined|Leak)Sanitizer)/ { c++ }
        END { printf "%d %d %d\n", p, f + c, (p + f + c > 0) }
    ' "$1"
}

now() { date +%s.%N 2>/dev/null | cut -c1-14; }

run_one() {
    id=$1
    name=${id#*-}
    mkdir -p "$OUT"
    log=$OUT/$id.log
    case $id in
    unit-*) set -- "build/asan/tests/$name" ;;
    e2e-*) set -- env HS="${HS:-build/httpstatus-asan}" ASAN_OPTIONS="$E2E_ASAN_OPTIONS" sh "tests/e2e/$name.sh" ;;
    tui-*) set -- env HS="${HS:-build/httpstatus-asan}" sh "tests/tui/$name.sh" ;;
    *) echo "tests/run.sh: unknown suite '$id'" >"$log"; echo "127 0" >"$OUT/$id.rc"; return ;;
    esac
    if [ "$1" != env ] && [ ! -x "$1" ]; then
        echo "not built: $1 is missing" >"$log"
        echo "127 0" >"$OUT/$id.rc"
        echo "  done  $(label "$id"): not built"
        return
    fi
    case ",${HS_TEST_BREAK:-}," in
    *",$name,"*) [ "$1" = env ] || set -- sh -c "echo 'HS_TEST_BREAK: $name exits early on purpose'; exit 1" ;;
    esac
    t0=$(now)
    timeout -k 10 "$SUITE_LIMIT" "$@" >"$log" 2>&1 </dev/null
    rc=$?
    t1=$(now)
    secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
    echo "$rc $secs" >"$OUT/$id.rc"
    set -- $(counts "$log")
    echo "  done  $(label "$id"): $1 passed, $2 failed, status $rc (${secs} s)"
}

report() {
    : >"$LOG"
    tp=0
    tf=0
    bad=
    new_times=
    printf '%-34s %7s %7s %8s\n' "suite" "passed" "failed" "seconds"
    for id in $(expected); do
        lab=$(label "$id")
        log=$OUT/$id.log
        why=
        if [ ! -f "$OUT/$id.rc" ]; then
            p=0 f=0 secs=-
            why="did not run"
        else
            read -r rc secs <"$OUT/$id.rc"
            set -- $(counts "$log")
            p=$1 f=$2 any=$3
            if [ "$rc" = 127 ] && [ "$secs" = 0 ]; then
                why=$(head -n 1 "$log")
            elif [ "$rc" = 124 ] || { [ "$rc" = 137 ] && awk -v s="$secs" -v l="$SUITE_LIMIT" 'BEGIN { exit !(s >= l) }'; }; then
                why="stopped after ${SUITE_LIMIT} s (SUITE_LIMIT)"
            elif [ "$rc" -gt 128 ]; then
                why="died by signal $((rc - 128))"
            elif [ "$rc" != 0 ]; then
                why="exited with status $rc"
            elif [ "$any" = 0 ]; then
                why="printed no result"
            fi
            new_times="$new_times$id ${secs%.*}
"
        fi
        tp=$((tp + p))
        tf=$((tf + f))
        if [ -n "$why" ]; then
            tf=$((tf + 1))
            bad="$bad$lab: $why
"
        fi
        printf '%-34s %7d %7d %8s%s\n' "$lab" "$p" "$f" "$secs" "${why:+  <- $why}"
        {
            echo "== $lab"
            [ -f "$log" ] && cat "$log"
            [ -n "$why" ] && echo "FAIL: suite $lab: $why"
        } >>"$LOG"
    done
    [ -n "$new_times" ] && printf '%s' "$new_times" >"$TIMES"

    # The failures, each suite's together: FAIL lines with the indented screen or output
    # under them, cmocka's failures and sanitizer reports.
    for id in $(expected); do
        log=$OUT/$id.log
        [ -f "$log" ] || continue
        lines=$(awk '
            /^PASS: / { keep = 0; next }
            /^FAIL: |^\[  FAILED  \]|^\[  ERROR   \]|ERROR: |runtime error:|^SUMMARY: / { print; keep = 1; next }
            keep && /^    / { print; next }
            { keep = 0 }
        ' "$log" | head -n 200)
        [ -n "$lines" ] || continue
        echo "== $(label "$id")"
        printf '%s\n' "$lines"
    done
    if [ -n "$bad" ]; then
        echo "suites that failed as a whole:"
        printf '%s' "$bad" | sed 's/^/  /'
    fi
    echo "(full log: $LOG)"
    echo "$tp passed, $tf failed"
    [ "$tf" = 0 ] && [ "$tp" -gt 0 ]
}

# python3 resolved to the interpreter itself (tests/lib.sh does it for a suite run alone):
# once here for every suite, as a version manager's shim (pyenv) costs a second of processes.
python_path() {
    if [ -n "${HS_PYTHON:-}" ] && [ -x "$HS_PYTHON" ]; then
        echo "$HS_PYTHON"
    else
        python3 -c 'import sys; print(sys.executable)' 2>/dev/null
    fi
}

case ${1:-} in
--python)
    python_path
    ;;
--list)
    ordered
    ;;
--one)
    run_one "$2"
    ;;
--report)
    report
    ;;
"")
    rm -rf "$OUT"
    mkdir -p "$OUT"
    JOBS=${JOBS:-$(($(nproc 2>/dev/null || echo 1) + 1))}
    HS_PYTHON=$(python_path)
    export HS_PYTHON
    ordered | xargs -n 1 -P "$JOBS" sh tests/run.sh --one
    report
    ;;
*)
    echo "usage: tests/run.sh [--list | --one ID | --report | --python]" >&2
    exit 2
    ;;
esac
