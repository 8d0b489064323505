#!/bin/sh
# tests/run.sh UNIT_BINARIES... — run every suite and print the totals as the last line:
# "N passed, N failed". Exit status 0 only when nothing failed.
cd "$(dirname "$0")/.." || exit 2
LOG=build/test.log
mkdir -p build
: >"$LOG"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:exitcode=86"
export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

# A suite that runs longer than this is stopped and counted as a failure.
SUITE_LIMIT=${SUITE_LIMIT:-600}

suite() {
    name=$1
    shift
    echo "== $name"
    { timeout "$SUITE_LIMIT" "$@" 2>&1; rc=$?; [ $rc = 124 ] && echo "FAIL: $name: stopped after ${SUITE_LIMIT}s"; } |
        tee -a "$LOG" | grep -E '^(FAIL|PASS|\[  (PASSED|FAILED)|\[ *RUN|.*ERROR: )' | grep -vE '^(PASS|\[ *RUN|\[  PASSED)' || true
}

for t in "$@"; do
    suite "unit: $(basename "$t")" "$t"
done
for s in tests/e2e/*.sh; do
    [ -f "$s" ] || continue
    suite "cli: $(basename "$s") (sanitizer build)" env HS=build/httpstatus-asan sh "$s"
done
[ -f tests/e2e/valgrind.sh ] || true
for s in tests/tui/*.sh; do
    [ -f "$s" ] || continue
    case $s in */lib*) continue ;; esac
    suite "tui: $(basename "$s") (sanitizer build)" env HS=build/httpstatus-asan sh "$s"
done

# cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s), listed below:".
unit_pass=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$LOG" | awk '{s += $4} END {print s + 0}')
unit_fail=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$LOG" | awk '{s += $4} END {print s + 0}')
sh_pass=$(grep -c '^PASS: ' "$LOG")
sh_fail=$(grep -c '^FAIL: ' "$LOG")
# A sanitizer report or a crashed unit binary that printed no summary counts as a failure.
crashes=$(grep -cE '^(==[0-9]+==ERROR|.*runtime error:|SUMMARY: (Address|Undefined)Sanitizer)' "$LOG")
passed=$((unit_pass + sh_pass))
failed=$((unit_fail + sh_fail + crashes))
echo "(full log: $LOG)"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ] && [ "$passed" -gt 0 ]
