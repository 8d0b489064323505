#!/bin/sh
# tests/bench/run.sh — `make bench`: run the benchmark from the repo root. HS_LINK (set by
# the Makefile) says how ./httpstatus is linked; build/httpstatus-shared is the same program
# linked against the shared libraries, measured beside it.
cd "$(dirname "$0")/../.." || exit 2
for tool in python3 sqlite3 valgrind; do
    command -v "$tool" >/dev/null 2>&1 || echo "bench: $tool not found; its figures are skipped" >&2
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec ./build/bench "$@"
