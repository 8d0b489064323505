#!/bin/sh
# tests/bench/run.sh — `make bench`: build the benchmark and run it from the repo root.
cd "$(dirname "$0")/../.." || exit 2
for tool in python3 sqlite3; do
    command -v "$tool" >/dev/null 2>&1 || echo "bench: $tool not found; its baseline is skipped" >&2
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(date -u +%Y-%m-%d)"
exec ./build/bench "$@"
