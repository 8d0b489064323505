. "$(dirname "$0")/../lib.sh"
# tests/e2e/databases.sh — `--db FILE` with files that are not a good httpstatus database:
# each must end with exit 2 and one clear line naming the file, never a crash, a sanitizer
# report or SQLite's own wording. The fixtures are made here, from db/httpstatus.db.

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

if ! command -v python3 >/dev/null 2>&1; then
    fail "python3" "python3 is needed to make the database fixtures (make deps-test)"
    exit 0
fi
REAL=db/httpstatus.db
if [ ! -f "$REAL" ]; then
    fail "databases" "$REAL is missing (run make db/httpstatus.db)"
    exit 0
fi
D=$TMPD/dbs
mkdir -p "$D"
cp "$REAL" "$D/real.db"

# bad_db NAME FILE [ARGS...]: exit 2, one stderr line naming FILE, nothing on stdout, no
# SQLite or sanitizer text. ARGS default to 404.
bad_db() {
    n=$1
    f=$2
    shift 2
    [ $# -gt 0 ] || set -- 404
    run "$HS" --db "$f" "$@"
    expect_rc "$n: exit 2" 2
    expect_one_err_line "$n: one stderr line"
    expect_err "$n: names the file" "$f"
    if [ -s "$TMPD/out" ]; then fail "$n: no stdout" "$(head -c 200 "$TMPD/out")"; else pass "$n: no stdout"; fi
    if grep -qE 'SQLITE|sqlite3|fts5|Sanitizer|runtime error|malformed|no such (table|column)' "$TMPD/err"; then
        fail "$n: no SQLite or sanitizer text" "$(head -c 300 "$TMPD/err")"
    else
        pass "$n: no SQLite or sanitizer text"
    fi
}

# ---- fixtures -------------------------------------------------------------------------------

mkdir "$D/dir.db"
: >"$D/zero.db"
if ! python3 - "$D" <<'EOF'; then fail "fixtures" "python3 could not make the database fixtures"; exit 0; fi
import random, shutil, sqlite3, sys, os
d = sys.argv[1]
real = os.path.join(d, "real.db")
p = lambda n: os.path.join(d, n)
data = open(real, "rb").read()
r = random.Random(7)
open(p("garbage.db"), "wb").write(bytes(r.randrange(256) for _ in range(65536)))
open(p("header-garbage.db"), "wb").write(b"SQLite format 3\0" + bytes(r.randrange(256) for _ in range(65536)))
open(p("truncated.db"), "wb").write(data[:8192])
open(p("half.db"), "wb").write(data[:len(data) // 2])

def copy(name, *sql):
    shutil.copy(real, p(name))
    c = sqlite3.connect(p(name))
    for s in sql:
        c.execute(s)
    c.commit()
    c.close()

c = sqlite3.connect(p("other.db"))
c.execute("CREATE TABLE t(x)")
c.execute("INSERT INTO t VALUES (1)")
c.commit()
c.close()
c = sqlite3.connect(p("empty.db"))          # a valid database with no tables, application_id 0
c.execute("CREATE TABLE t(x)")
c.execute("DROP TABLE t")
c.commit()
c.close()
copy("newer.db", "PRAGMA user_version = 99")
copy("older.db", "PRAGMA user_version = 0")
copy("foreign-id.db", "PRAGMA application_id = 42")
copy("no-related.db", "DROP TABLE related")
copy("no-search.db", "DROP TABLE search")
copy("no-codes.db", "DROP TABLE codes")

# Bytes flipped in the pages of the full-text index ('search_data'): the root page's header,
# several spots of that page, and the content end of every leaf page.
c = sqlite3.connect(real)
ps = c.execute("PRAGMA page_size").fetchone()[0]
root = c.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'search_data'").fetchone()[0]
try:
    leaves = [n for (n,) in c.execute("SELECT pageno FROM dbstat WHERE name = 'search_data'") if n != root]
except sqlite3.Error:
    leaves = []
c.close()
def flip(name, spots):
    b = bytearray(data)
    for page, off in spots:
        for i in range(8):
            b[ps * (page - 1) + off + i] ^= 0x5A
    open(p(name), "wb").write(b)
flip("flip-fts-root.db", [(root, 0)])
flip("flip-fts-root-many.db", [(root, o) for o in (0, 100, ps // 2, ps - 100)])
flip("flip-fts-leaves.db", [(n, ps - 60) for n in leaves] or [(root + 1, ps - 60)])
flip("flip-middle.db", [(len(data) // ps // 2 + k, o) for k in range(3) for o in (0, ps - 60)])

# The same index damaged through SQL, so that the b-tree itself stays sound: the segment
# blobs' headers flipped, or the blobs cut in half.
def blobs(name, how):
    shutil.copy(real, p(name))
    c = sqlite3.connect(p(name))
    for i, blk in c.execute("SELECT id, block FROM search_data WHERE id > 10").fetchall():
        c.execute("UPDATE search_data SET block = ? WHERE id = ?", (how(bytearray(blk)), i))
    c.commit()
    c.close()
def head(b):
    for i in range(min(4, len(b))):
        b[i] ^= 0xFF
    return bytes(b)
blobs("fts-blob-heads.db", head)
blobs("fts-blob-cut.db", lambda b: bytes(b[:len(b) // 2]))
blobs("fts-blob-middle.db", lambda b: bytes(b[:len(b) // 2]) + bytes(x ^ 0xFF for x in b[len(b) // 2:len(b) // 2 + 4]) + bytes(b[len(b) // 2 + 4:]))

# The index lost one document, while the suggestion vocabulary still has its words.
copy("index-lacks-511.db", "DELETE FROM search WHERE rowid = 511")
EOF

# ---- files that are not our database --------------------------------------------------------------

bad_db "missing file" "$D/missing.db"
expect_err "missing file: says why" "No such file"
bad_db "a directory" "$D/dir.db"
expect_err "a directory: says so" "directory"
bad_db "zero-byte file" "$D/zero.db"
expect_err "zero-byte file: says empty" "empty"
bad_db "garbage bytes" "$D/garbage.db"
bad_db "garbage after an SQLite header" "$D/header-garbage.db"
bad_db "truncated to 8192 bytes" "$D/truncated.db"
bad_db "truncated to 8192 bytes: list" "$D/truncated.db" list
bad_db "truncated to 8192 bytes: search" "$D/truncated.db" search captive portal
bad_db "truncated to half" "$D/half.db"
bad_db "truncated to half: search" "$D/half.db" search not found
bad_db "another program's database" "$D/other.db"
expect_err "another program's database: says not ours" "not an httpstatus database"
bad_db "empty SQLite database" "$D/empty.db"
expect_err "empty SQLite database: says empty" "empty"
bad_db "foreign application_id" "$D/foreign-id.db"
bad_db "user_version 99" "$D/newer.db"
expect_err "user_version 99: says newer" "newer"
bad_db "user_version 0" "$D/older.db"
expect_err "user_version 0: says older" "older"
bad_db "table related dropped" "$D/no-related.db"
bad_db "table codes dropped" "$D/no-codes.db"
bad_db "table search dropped" "$D/no-search.db" search captive portal
bad_db "/dev/null" /dev/null
if command -v mkfifo >/dev/null 2>&1 && mkfifo "$D/fifo.db" 2>/dev/null; then
    bad_db "a FIFO (must not hang)" "$D/fifo.db"
else
    pass "a FIFO: skipped (no mkfifo)"
fi
EVIL="$D/$(printf 'evil\033]0;pwned\007.db')"
run "$HS" --db "$EVIL" 404
expect_rc "file name with escapes: exit 2" 2
expect_one_err_line "file name with escapes: one stderr line"
if python3 -c 'import sys; e = open(sys.argv[1], "rb").read(); sys.exit(any(b < 32 and b != 10 for b in e))' "$TMPD/err"; then
    pass "file name with escapes: no control bytes on stderr"
else
    fail "file name with escapes: no control bytes on stderr" "stderr has raw control bytes"
fi
if [ "$(id -u)" != 0 ]; then
    cp "$D/real.db" "$D/unreadable.db"
    chmod 000 "$D/unreadable.db"
    bad_db "unreadable file" "$D/unreadable.db"
else
    pass "unreadable file: skipped (running as root)"
fi

# ---- damaged copies of our database: exit 2 with a clean message, or the right answer -----------------

# What the undamaged copy answers, once per command (the same for every damaged file; the
# commands are those of the loop below, in its order).
i=0
for a in 404 list "search captive portal" "search not found" "search teapot" "search 4xx" "search captve"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    run "$HS" --db "$D/real.db" $a
    echo "$RC" >"$TMPD/good$i.rc"
    cp "$TMPD/out" "$TMPD/good$i.out"
    cp "$TMPD/err" "$TMPD/good$i.err"
done
for f in flip-fts-root flip-fts-root-many flip-fts-leaves flip-middle fts-blob-heads fts-blob-cut fts-blob-middle; do
    i=0
    for a in 404 list "search captive portal" "search not found" "search teapot" "search 4xx" "search captve"; do
        i=$((i + 1))
        n="$f: $a"
        read -r grc <"$TMPD/good$i.rc"
        sed "s|$D/real.db|$D/$f.db|g" "$TMPD/good$i.err" >"$TMPD/good.err2"
        run "$HS" --db "$D/$f.db" $a
        if [ "$RC" = 2 ]; then
            if [ -s "$TMPD/out" ]; then
                fail "$n: exit 2 or the right answer" "exit 2 but stdout has: $(head -c 200 "$TMPD/out")"
            elif [ "$(wc -l <"$TMPD/err")" = 1 ] && grep -q "^httpstatus: .*$D/$f.db" "$TMPD/err" &&
                ! grep -qE 'SQLITE|sqlite3|fts5|Sanitizer|runtime error|malformed' "$TMPD/err"; then
                pass "$n: exit 2 or the right answer"
            else
                fail "$n: exit 2 or the right answer" "exit 2 with stderr: $(head -c 300 "$TMPD/err")"
            fi
        elif [ "$RC" = "$grc" ] && cmp -s "$TMPD/out" "$TMPD/good$i.out" && cmp -s "$TMPD/err" "$TMPD/good.err2"; then
            pass "$n: exit 2 or the right answer"
        else
            fail "$n: exit 2 or the right answer" "exit $RC (real database: $grc), stdout $(head -n 1 "$TMPD/out" | head -c 100), stderr: $(head -c 300 "$TMPD/err")"
        fi
    done
done

# The index no longer finds 511's words, but the vocabulary still has them: the program may
# report damage (exit 2) or no match (exit 1), but never suggest the very words typed.
run "$HS" --db "$D/index-lacks-511.db" search captive
if [ "$RC" = 2 ]; then
    expect_one_err_line "index lacks a document: one stderr line"
    pass "index lacks a document: no self-suggestion"
else
    expect_rc "index lacks a document: exit 1" 1
    expect_one_err_line "index lacks a document: one stderr line"
    if grep -qF "did you mean 'captive'?" "$TMPD/err"; then
        fail "index lacks a document: no self-suggestion" "suggests the word typed: $(cat "$TMPD/err")"
    else
        pass "index lacks a document: no self-suggestion"
    fi
fi

# A good copy, to be sure the fixtures are judged against a working --db.
run "$HS" --db "$D/real.db" 404
expect_rc "good copy: exit 0" 0
expect_out "good copy: 404" "404 Not Found"
