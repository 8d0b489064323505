# tests/e2e/fuzz.sh — each libFuzzer harness runs briefly over the committed corpus
# (tests/fuzz/corpus/NAME) plus a few thousand mutations; any crash, sanitizer report or
# broken property fails. `make fuzz` runs them for longer.
. "$(dirname "$0")/../lib.sh"
for name in query text corpus args; do
    bin=build/fuzz/fuzz_$name
    if [ ! -x "$bin" ]; then
        fail "fuzz $name" "$bin is not built"
        continue
    fi
    work=$TMPD/fuzz-$name
    mkdir -p "$work"
    if "$bin" -runs=4000 -max_total_time=5 -timeout=10 -close_fd_mask=2 "$work" "tests/fuzz/corpus/$name" >"$TMPD/fuzz.log" 2>&1; then
        pass "fuzz $name: corpus and 4000 mutations"
    else
        fail "fuzz $name" "$(grep -E 'ERROR|abort|Sanitizer|deadly' "$TMPD/fuzz.log" | head -3)"
    fi
done
