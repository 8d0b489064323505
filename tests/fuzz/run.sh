#!/bin/sh
# tests/fuzz/run.sh SECONDS NAME... — `make fuzz`: run each harness for SECONDS, growing a
# working corpus in build/fuzz/out/NAME (seeded from tests/fuzz/corpus/NAME), and print
# how many inputs each executed. A failing input is written to build/fuzz/artifacts/NAME/.
cd "$(dirname "$0")/../.." || exit 2
secs=$1
shift
status=0
for name in "$@"; do
    out=build/fuzz/out/$name
    mkdir -p "$out"
    log=build/fuzz/$name.log
    art=build/fuzz/artifacts/$name/
    mkdir -p "$art"
    ./build/fuzz/fuzz_"$name" -max_total_time="$secs" -print_final_stats=1 -timeout=10 -close_fd_mask=2 \
        -artifact_prefix="$art" \
        "$out" tests/fuzz/corpus/"$name" >"$log" 2>&1
    rc=$?
    execs=$(grep -aE 'stat::number_of_executed_units' "$log" | awk '{print $2}')
    if [ $rc = 0 ]; then
        echo "fuzz_$name: ${execs:-?} executions in ${secs}s, no failure"
    else
        echo "fuzz_$name: FAILED after ${execs:-?} executions (see $log; input in $art)"
        status=1
    fi
done
exit $status
