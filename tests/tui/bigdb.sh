#!/bin/sh
# tests/tui/bigdb.sh — long jumps on a database of 100,000 codes: End, G, g, Home, a digit
# jump far down the list and a page down each cost the browser a small, fixed amount of
# CPU, not one that grows with the distance (they were quadratic: End took seconds).
# The database is made here, in our schema, by python3's sqlite3 module (the codes only:
# the benchmark's generator, `build/bench --generate PATH N`, also writes long bodies).
# Run: sh tests/tui/bigdb.sh (HS=path/to/httpstatus).
. "$(dirname "$0")/lib.sh"

N=100000
# CPU a jump may take, counted in the kernel's 10 ms ticks: measured 0 to 10 ms under the
# sanitizer build (make bench, without sanitizers: under 2 ms on 50,000 entries), so 60 ms
# leaves room for a slow machine and still fails anything that walks the rows (seconds).
LIMIT_MS=60

DB=$TUI_TMP/big.db
if ! python3 - "$ROOT/db/schema.sql" "$DB" "$N" <<'PY'
import sqlite3, sys
schema, out, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
db = sqlite3.connect(out)
db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;")
db.executescript(open(schema).read())
db.execute("BEGIN")
db.executemany("INSERT INTO classes VALUES (?,?,?)", [(k, t, "Codes of class %d." % k) for k, t in
    [(1, "Informational"), (2, "Success"), (3, "Redirection"), (4, "Client Error"), (5, "Server Error")]])
rows = [(c, c // 100, "Phrase %d" % c) for c in range(100, 600)]
extra = n - len(rows)
# The other codes from 1000 up, the classes in turn: 4xx starts some 60,000 rows down.
rows += [(1000 + i, 1 + i * 5 // extra, "Generated %d" % i) for i in range(extra)]
db.executemany("INSERT INTO codes(code,class,phrase,status,spec,summary) VALUES (?,?,?,'standard','RFC 9110',?)",
               [(c, k, p, "Summary of %d." % c) for c, k, p in rows])
db.executemany("INSERT INTO search(rowid,phrase,aliases,summary,body,vendors) VALUES (?,?,'',?,'','')",
               [(c, p, "Summary of %d." % c) for c, k, p in rows])
db.execute("INSERT INTO words(rowid, text) SELECT rowid, phrase || ' ' || summary FROM search")
db.execute("INSERT INTO names(rowid, phrase, aliases) SELECT rowid, phrase, aliases FROM search")
db.execute("INSERT INTO rank_keys SELECT code, class, status = 'standard', length(phrase) FROM codes")
db.execute("INSERT INTO vocab(term, docs) SELECT term, doc FROM words_vocab")
db.commit()
PY
then
    fail "bigdb: a database of $N codes" "python3 could not make it"
    exit 0
fi
last=$(( 1000 + N - 500 - 1 ))

TICK_MS=$((1000 / $(getconf CLK_TCK)))
cpu_ms() { awk -v t="$TICK_MS" '{ print ($14 + $15) * t }' "/proc/$1/stat" 2>/dev/null; }
sel_has() { selected_row | grep -qF -- "$1"; }

# TERM=tmux-256color: End and Home reach the program as tmux sends them.
cat >"$TUI_TMP/run.sh" <<EOF
echo \$\$ >"$TUI_TMP/pid"
exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color "$HS" --db "$DB"
EOF
tui_launch "sh '$TUI_TMP/run.sh'"
if ! wait_until 'title_has "$N codes" && [ -s "$TUI_TMP/pid" ]' 20; then
    fail_screen "bigdb: the browser opens the database of $N codes" "no title '$N codes'"
    exit 0
fi
pass "bigdb: the browser opens the database of $N codes"
pid=$(cat "$TUI_TMP/pid")

# jump NAME KEYS EXPR: press KEYS, wait until EXPR holds, and check the CPU it took.
jump() {
    _name=$1
    _keys=$2
    _expr=$3
    _c0=$(cpu_ms "$pid")
    keys $_keys
    if ! wait_until "$_expr" 10; then
        fail_screen "bigdb: $_name" "the screen never showed the jump's target"
        return
    fi
    _c1=$(cpu_ms "$pid")
    _ms=$((_c1 - _c0))
    if [ "$_ms" -le "$LIMIT_MS" ]; then
        pass "bigdb: $_name: $_ms ms of CPU"
    else
        fail "bigdb: $_name" "took $_ms ms of CPU (at most $LIMIT_MS)"
    fi
}

jump "End goes to the last code, $last" End 'sel_has "$last Generated"'
jump "Home goes back to the top" Home 'sel_has "1xx Informational"'
jump "G goes to the last code" G 'sel_has "$last Generated"'
jump "g goes back to the top" g 'sel_has "1xx Informational"'
jump "4 jumps to 400, some 60,000 rows down" 4 'sel_has "400 Phrase 400"'
jump "PgDn from there" NPage '! sel_has "400 Phrase 400" && sel_has "Phrase 4"'
jump "5 9 9 jumps to 599" "5 9 9" 'sel_has "599 Phrase 599"'
keys q
ok "bigdb: q quits" '[ "$DEAD" = 1 ]' 'the program is still running after q'
exit 0
