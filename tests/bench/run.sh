#!/bin/sh
# tests/bench/run.sh — `make bench`: run the benchmark from the repo root. HS_LINK (set by
# the Makefile) says how ./httpstatus is linked; build/httpstatus-shared is the same program
# linked against the shared libraries, measured beside it.
cd "$(dirname "$0")/../.." || exit 2
for tool in python3 sqlite3 valgrind; do
    command -v "$tool" >/dev/null 2>&1 || echo "bench: $tool not found; its figures are skipped" >&2
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
# Search quality over the judged query set (issue 12), as the command line and as the
# browser's live search run it, then the judged queries' speed on the generated database.
./build/search-eval || exit 1
./build/search-eval --live --quiet || exit 1
# The generated database is kept in build/ and made again when the schema or the
# generator changes (it takes a while on a busy machine).
big=build/bench-50k.db
if [ ! -f "$big" ] || [ db/schema.sql -nt "$big" ] || [ build/bench -nt "$big" ]; then
    ./build/bench --generate "$big" || rm -f "$big"
fi
if [ -f "$big" ]; then
    ./build/search-eval --speed --db "$big"
    ./build/search-eval --speed --live --db "$big"
fi
echo
exec ./build/bench "$@"
