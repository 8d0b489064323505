# tests/e2e/fuzz.sh — each libFuzzer harness runs briefly over the committed corpus
# (tests/fuzz/corpus/NAME) plus a few thousand mutations; any crash, sanitizer report or
# broken property fails. `make fuzz` runs them for longer. A failing input is written to
# build/fuzz/artifacts/NAME/ (never to the top level); to add it as a regression seed,
# copy it into tests/fuzz/corpus/NAME/ under a name that says what it found.
. "$(dirname "$0")/../lib.sh"
case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac
# tests/run.sh runs the e2e suites with detect_leaks=0 (for the many runs of the ASan
# program); the harnesses keep LeakSanitizer, as under `make fuzz`.
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
export ASAN_OPTIONS
for name in query text corpus args; do
    bin=build/fuzz/fuzz_$name
    if [ ! -x "$bin" ]; then
        fail "fuzz $name" "$bin is not built"
        continue
    fi
    work=$TMPD/fuzz-$name
    art=build/fuzz/artifacts/$name/
    mkdir -p "$work" "$art"
    if "$bin" -runs=4000 -max_total_time=5 -timeout=10 -close_fd_mask=2 -artifact_prefix="$art" \
        "$work" "tests/fuzz/corpus/$name" >"$TMPD/fuzz.log" 2>&1; then
        pass "fuzz $name: corpus and 4000 mutations"
    else
        fail "fuzz $name" "$(grep -E 'ERROR|abort|Sanitizer|deadly|Test unit written' "$TMPD/fuzz.log" | head -4)"
    fi
done
