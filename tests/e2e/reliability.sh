. "$(dirname "$0")/../lib.sh"
# tests/e2e/reliability.sh — the environment and the faults around the program rather than
# its input: a small stack, a small address space, output that cannot be written, files
# that are not regular files, WAL-mode and read-only databases, crafted values.
# Run: HS=path/to/httpstatus sh tests/e2e/reliability.sh (needs db/httpstatus.db, python3).

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

# The stack tests run the build without sanitizers when there is one: sanitizer frames are
# larger and laid out differently, so they would not measure what a user runs.
PLAIN=${HS_PLAIN:-./httpstatus}
[ -x "$PLAIN" ] || PLAIN=$HS

# run_limited NAME 'ulimit ...' ARGS...: runs $PLAIN under the limit (stdout/stderr to
# $TMPD/out and $TMPD/err, status in $RC).
run_limited() {
    _limit=$1
    shift
    (eval "$_limit" && exec "$PLAIN" "$@") >"$TMPD/out" 2>"$TMPD/err" </dev/null
    RC=$?
}

# no_crash NAME: the last run ended by itself (0, 1 or 2), not by a signal.
no_crash() {
    if [ "$RC" -le 2 ]; then pass "$1"; else fail "$1" "exit $RC (a signal?), stderr: $(head -c 200 "$TMPD/err")"; fi
}

# ---- a small stack ----------------------------------------------------------------------------
# 32 KB is far below any default (8 MB on Linux); nothing in the program keeps a large
# frame, so every command fits. The arguments themselves live on the stack (the kernel
# allows a quarter of the limit for them), so the long search has 500 words here.

WORDS500=$(python3 -c 'print(" ".join("w%d" % i for i in range(500)))')
for a in "search captve portl" "search teapott" "search servise unavailible timout" "search not found" \
    404 "404 418 503" 4xx "compare 301 302 307 308" "compare 401" list "list 4xx" --version "--json 404" \
    "--json search captve" "--color=always search rate limited"; do
    run_limited 'ulimit -s 32' $a
    no_crash "stack 32 KB: $a: no crash"
    case $a in
    "search captve portl") expect_out "stack 32 KB: $a: suggests" "did you mean 'captive port" ;;
    404) expect_out "stack 32 KB: 404: the page" "Not Found" ;;
    esac
done
run_limited 'ulimit -s 32' search $WORDS500
no_crash "stack 32 KB: a 500-word search: no crash"

# Smaller still, a command may run out of stack (SQLite's own frames): then it says so and
# exits 2, as for memory, never a bare SIGSEGV. Below about 16 KB not even /bin/true starts
# (the arguments, the environment and the dynamic loader need it), so the sweep starts at 20.
bad=""
for s in 20 22 24 26 28 30; do
    for a in 404 "compare 301 302" 4xx "search captve portl" list --version "--json 404 410" "search not found"; do
        # shellcheck disable=SC2086
        run_limited "ulimit -s $s" $a
        case $RC in
        0 | 1) ;;
        2) grep -q "^httpstatus: out of stack space" "$TMPD/err" || bad="$bad [$s KB, $a: $(head -c 100 "$TMPD/err")]" ;;
        *) bad="$bad [$s KB, $a: exit $RC]" ;;
        esac
    done
done
if [ -z "$bad" ]; then pass "stack 20-30 KB: works or says out of stack space"; else fail "stack 20-30 KB: works or says out of stack space" "$bad"; fi

# Every function's frame, as the compiler reports it (-fstack-usage): none above 4 KB and
# none unbounded (a variable-length array or alloca sized by input). The build writes the
# reports beside the objects (build/src/NAME.su, the Makefile's STACK_USAGE); a file without
# one (another compiler, an older build) is compiled here to get it.
if command -v "${CC:-cc}" >/dev/null 2>&1 && pkg-config --exists ncursesw sqlite3 2>/dev/null; then
    mkdir -p "$TMPD/su"
    big=""
    for f in src/*.c src/ui/*.c; do
        su=build/${f%.c}.su
        if [ ! -s "$su" ] || [ "$su" -ot "$f" ]; then
            o=$TMPD/su/$(echo "$f" | tr / _).o
            su=${o%.o}.su
            if ! "${CC:-cc}" -std=c11 -D_POSIX_C_SOURCE=200809L $(pkg-config --cflags ncursesw sqlite3) -Isrc -O2 \
                -fstack-usage -c -o "$o" "$f" 2>"$TMPD/su/err"; then
                big="$big $f(does not compile: $(head -c 100 "$TMPD/su/err"))"
                continue
            fi
        fi
        big="$big$(awk -F'\t' '$2 > 4096 || $3 == "dynamic" { printf " %s(%s bytes, %s)", $1, $2, $3 }' "$su")"
    done
    if [ -z "$big" ]; then pass "stack: no frame above 4 KB, none unbounded"; else fail "stack: no frame above 4 KB, none unbounded" "$big"; fi
else
    pass "stack: frame sizes: skipped (no compiler or pkg-config)"
fi

# ---- output that cannot be written ------------------------------------------------------------
# Every command, --help and --version included, to a full disk and to a closed standard
# output: exit 2 and one message, never success.
for a in --help -h help --version 404 "404 503" 4xx list "list 4xx" "search not found" "search --json teapot" \
    "compare 301 302" "compare 401" "--json 404" "--json list" ""; do
    # shellcheck disable=SC2086
    "$HS" $a >/dev/full 2>"$TMPD/err" </dev/null
    RC=$?
    expect_rc "output to /dev/full: '$a': exit 2" 2
    expect_one_err_line "output to /dev/full: '$a': one message"
    expect_err "output to /dev/full: '$a': says it cannot write" "cannot write"
    # shellcheck disable=SC2086
    "$HS" $a >&- 2>"$TMPD/err" </dev/null
    RC=$?
    expect_rc "stdout closed: '$a': exit 2" 2
    expect_one_err_line "stdout closed: '$a': one message"
done

# ---- files that are not regular files --------------------------------------------------------------
D=$TMPD/files
mkdir -p "$D"
# not_regular NAME FILE: exit 2 within 10 s, one line naming the file and saying what it is.
not_regular() {
    run timeout 10 "$HS" --db "$2" 404
    if [ "$RC" = 124 ]; then fail "$1: does not hang" "still reading after 10 s"; return; fi
    pass "$1: does not hang"
    expect_rc "$1: exit 2" 2
    expect_one_err_line "$1: one message"
    expect_err "$1: names the file" "$2"
    expect_err "$1: says it is not a regular file" "not a regular file"
    if grep -q "empty" "$TMPD/err"; then fail "$1: not called empty" "$(cat "$TMPD/err")"; else pass "$1: not called empty"; fi
}
not_regular "--db /dev/null" /dev/null
not_regular "--db /dev/zero" /dev/zero
not_regular "--db /dev/urandom" /dev/urandom
if mkfifo "$D/fifo.db" 2>/dev/null; then
    not_regular "--db a FIFO" "$D/fifo.db"
    ln -s "$D/fifo.db" "$D/link-to-fifo.db"
    not_regular "--db a link to a FIFO" "$D/link-to-fifo.db"
fi
if python3 -c 'import socket, sys; s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$D/sock.db" 2>/dev/null; then
    not_regular "--db a socket" "$D/sock.db"
fi
ln -s /dev/zero "$D/link-to-zero.db"
not_regular "--db a link to /dev/zero" "$D/link-to-zero.db"
ln -s "$(pwd)/db/httpstatus.db" "$D/link.db"
run "$HS" --db "$D/link.db" 404
expect_rc "--db a link to a database: exit 0" 0

# ---- write-ahead logging, and opening never writes ------------------------------------------------
# Small files are read into memory, large ones (above 16 MB) in place: both paths, in WAL
# and in rollback mode. Nothing may appear beside the file, and a read-only directory works.
python3 - "$D" db/httpstatus.db <<'PY'
import os, shutil, sqlite3, sys
d, real = sys.argv[1], sys.argv[2]
def make(name, wal, big):
    p = os.path.join(d, name)
    shutil.copy(real, p)
    c = sqlite3.connect(p)
    if big:
        c.execute("CREATE TABLE padding(b BLOB)")
        c.execute("INSERT INTO padding VALUES (zeroblob(18 * 1024 * 1024))")
        c.commit()
    if wal:
        c.execute("PRAGMA journal_mode = WAL")
    c.close()
    h = open(p, "rb").read(20)
    assert (h[18], h[19]) == ((2, 2) if wal else (1, 1)), (name, h[18], h[19])
make("wal-small.db", True, False)
make("wal-large.db", True, True)
make("rollback-large.db", False, True)
# A WAL file with a transaction not yet in the database: the writer still has it open.
p = os.path.join(d, "pending.db")
shutil.copy(real, p)
c = sqlite3.connect(p)
c.execute("PRAGMA journal_mode = WAL")
c.execute("PRAGMA wal_autocheckpoint = 0")
c.execute("UPDATE codes SET summary = 'PENDING' WHERE code = 404")
c.commit()
shutil.copy(p, os.path.join(d, "pending-copy.db"))
shutil.copy(p + "-wal", os.path.join(d, "pending-copy.db-wal"))
c.close()
os.remove(p)
PY
for f in wal-small wal-large rollback-large; do
    for a in 404 "search captive portal" "compare 301"; do
        # shellcheck disable=SC2086
        run "$HS" --db "$D/$f.db" $a
        expect_rc "$f.db: $a: exit 0" 0
    done
    expect_out "$f.db: compare shows the group" "308"
    left=$(ls "$D" | grep -E "^$f\.db-(wal|shm|journal)$")
    if [ -z "$left" ]; then pass "$f.db: nothing written beside it"; else fail "$f.db: nothing written beside it" "$left"; fi
done
# A large file is opened through a URI (file:PATH?immutable=1): characters that mean
# something in a URI, and non-ASCII ones, are part of the name.
odd="$D/we?ird#na%me &x=1 ü.db"
cp "$D/wal-large.db" "$odd"
run "$HS" --db "$odd" 404
expect_rc "a large file named with ?#%& and ü: exit 0" 0
expect_out "a large file named with ?#%& and ü: the page" "Not Found"
left=$(ls "$D" | grep -E "^we.ird.*-(wal|shm|journal)$")
if [ -z "$left" ]; then pass "a large file named with ?#%& and ü: nothing beside it"; else fail "a large file named with ?#%& and ü: nothing beside it" "$left"; fi
rm -f "$odd"

run "$HS" --db "$D/pending-copy.db" 404
expect_rc "WAL with a transaction left in -wal: exit 2" 2
expect_one_err_line "WAL with a transaction left in -wal: one message"
expect_err "WAL with a transaction left in -wal: names the -wal file" "pending-copy.db-wal"

# A read-only directory: as root, a read-only tmpfs in a mount namespace of its own; else a
# directory without write permission.
ro_run() {
    dir=$1
    for f in wal-small wal-large rollback-large; do
        "$HS" --db "$dir/$f.db" 404 >"$TMPD/ro-$f.out" 2>"$TMPD/ro-$f.err" </dev/null
        echo $? >"$TMPD/ro-$f.rc"
    done
    ls -a "$dir" >"$TMPD/ro-ls"
}
RO_DONE=
HS_ABS=$HS
case $HS_ABS in /*) ;; *) HS_ABS=$(pwd)/$HS ;; esac
if [ "$(id -u)" = 0 ] && command -v unshare >/dev/null 2>&1; then
    if unshare -m sh -c '
        set -e
        mkdir -p "$1/ro"
        mount -t tmpfs -o size=80m none "$1/ro"
        cp "$2/wal-small.db" "$2/wal-large.db" "$2/rollback-large.db" "$1/ro/"
        mount -o remount,ro "$1/ro"
        ! touch "$1/ro/probe" 2>/dev/null
        for f in wal-small wal-large rollback-large; do
            if "$3" --db "$1/ro/$f.db" 404 >"$1/ro-$f.out" 2>"$1/ro-$f.err" </dev/null; then
                echo 0 >"$1/ro-$f.rc"
            else
                echo $? >"$1/ro-$f.rc"
            fi
        done
    ' sh "$TMPD" "$D" "$HS_ABS" 2>"$TMPD/ro-setup.err"; then
        RO_DONE="a read-only tmpfs"
    fi
fi
if [ -z "$RO_DONE" ] && [ "$(id -u)" != 0 ]; then
    mkdir -p "$TMPD/rodir"
    cp "$D/wal-small.db" "$D/wal-large.db" "$D/rollback-large.db" "$TMPD/rodir/"
    chmod 555 "$TMPD/rodir"
    ro_run "$TMPD/rodir"
    chmod 755 "$TMPD/rodir"
    RO_DONE="a directory without write permission"
fi
if [ -n "$RO_DONE" ]; then
    for f in wal-small wal-large rollback-large; do
        RC=$(cat "$TMPD/ro-$f.rc")
        cp "$TMPD/ro-$f.err" "$TMPD/err"
        cp "$TMPD/ro-$f.out" "$TMPD/out"
        expect_rc "$f.db in $RO_DONE: exit 0" 0
        expect_out "$f.db in $RO_DONE: the page" "Not Found"
    done
else
    pass "read-only directory: skipped (no way to make one here: $(head -c 100 "$TMPD/ro-setup.err" 2>/dev/null))"
fi

# ---- a small address space (ulimit -v) ---------------------------------------------------------
# From the smallest limit the dynamic loader survives upwards: every command either works or
# says "out of memory" (naming the file it was reading) and exits 2; never a signal, never
# another message (a good database called corrupt). Limits below what the loader needs end
# before main with the loader's own message ("error while loading shared libraries", "cannot
# allocate TLS data structures", exit 127): not counted. The build without
# sanitizers runs here (a sanitizer reserves terabytes of address space).
python3 - "$D/pad15.db" db/httpstatus.db <<'PY'
import shutil, sqlite3, sys
shutil.copy(sys.argv[2], sys.argv[1])
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE padding(b BLOB)")
c.execute("INSERT INTO padding VALUES (zeroblob(14 * 1024 * 1024))")   # read into memory whole
c.commit()
PY
oom_seen=0
ok_seen=0
bad=""
for v in $(seq 5000 250 14000); do
    for a in 404 list "search captve portl" "compare 301" "--json list" --version "--db db/httpstatus.db search not found" \
        "--db $D/pad15.db 404" "--db $D/wal-large.db 404"; do
        # shellcheck disable=SC2086
        run_limited "ulimit -v $v" $a
        case $RC in
        0 | 1) ok_seen=$((ok_seen + 1)) ;;
        127) grep -q "^httpstatus" "$TMPD/err" && bad="$bad [$v KB, $a: exit 127: $(head -c 100 "$TMPD/err")]" ;;
        2)
            if [ "$(wc -l <"$TMPD/err")" = 1 ] && grep -q '^httpstatus: out of memory' "$TMPD/err"; then
                oom_seen=$((oom_seen + 1))
            else
                bad="$bad [$v KB, $a: $(head -c 150 "$TMPD/err")]"
            fi
            ;;
        *) bad="$bad [$v KB, $a: exit $RC: $(head -c 100 "$TMPD/err")]" ;;
        esac
    done
done
# Just above the smallest limit at which the built-in database works, a 15 MB file cannot
# be read into memory: the message names it.
lim=""
for v in $(seq 5000 250 14000); do
    run_limited "ulimit -v $v" 404
    if [ "$RC" = 0 ]; then lim=$((v + 1000)); break; fi
done
if [ -n "$lim" ]; then
    run_limited "ulimit -v $lim" --db "$D/pad15.db" 404
    expect_rc "ulimit -v $lim: a 15 MB --db file: exit 2" 2
    expect_one_err_line "ulimit -v $lim: a 15 MB --db file: one message"
    expect_err "ulimit -v $lim: a 15 MB --db file: out of memory, naming the file" "out of memory reading $D/pad15.db"
else
    fail "ulimit -v: the built-in database works under 14 MB" "it never did"
fi
if [ -z "$bad" ]; then pass "ulimit -v 5-14 MB: works or says out of memory"; else fail "ulimit -v 5-14 MB: works or says out of memory" "$bad"; fi
if [ "$oom_seen" -gt 0 ] && [ "$ok_seen" -gt 0 ]; then pass "ulimit -v: both outcomes met ($ok_seen worked, $oom_seen out of memory)"; else
    fail "ulimit -v: both outcomes met" "$ok_seen worked, $oom_seen out of memory: the range no longer spans the limit"; fi

# ---- every line fits --width ----------------------------------------------------------------
# Every width from 20 to 200 for compare (its title, table and footer) and --version (its
# introduction); every fifth width for the other commands. Display columns, as a terminal
# counts them. The build without sanitizers runs the sweep (it is long; nothing in it is about
# memory).
python3 - "$PLAIN" >"$TMPD/widths" <<'PY'
import subprocess, sys, unicodedata
hs = sys.argv[1]
def width(line):
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
every = [["--version"], ["compare", "301"], ["compare", "401", "403", "407"], ["compare", "200", "201", "202", "204", "206", "207", "208", "226"],
         ["--ascii", "compare", "301"], ["--ascii", "--version"]]
some = [["404"], ["4xx"], ["list"], ["search", "not", "found"], ["search", "rate", "limit"], ["511", "418"], ["--ascii", "404"], ["1xx"]]
bad = []
for w in range(20, 201):
    for args in every + (some if w % 5 == 0 else []):
        p = subprocess.run([hs, "--width", str(w)] + args, capture_output=True)
        for line in p.stdout.decode("utf-8", "replace").split("\n"):
            if width(line) > w:
                bad.append("--width %d %s: %d columns: %r" % (w, " ".join(args), width(line), line[:80]))
                break
if bad:
    print("\n".join(bad[:12]))
PY
if [ -s "$TMPD/widths" ]; then fail "--width 20-200: every line fits" "$(head -c 1500 "$TMPD/widths")"; else pass "--width 20-200: every line fits"; fi

# ---- hostile values in a database that is otherwise ours --------------------------------------
# A status code is 100 to 599, or 0 (shown 000), in the class of its first digit; a generated
# database (make bench) may number entries up to 999999, in any class; every class is 0 to 5
# and has a row; a code has a phrase (NULL is refused, empty is shown) and is there once; a
# group lists only codes that exist.
# A file that breaks this is refused at open with one message naming it and the value,
# whatever the command. Each file is opened by the ASan build (HS) with one of the four
# commands, in turn, and by the build without sanitizers (PLAIN) with the other three: the
# refusal is the same open whatever the command, and the deep check of each open is
# the cost (about 200 ms under ASan).
python3 - "$D" db/httpstatus.db <<'PY'
import os, shutil, sqlite3, sys
d, real = sys.argv[1], sys.argv[2]
def make(name, *sql, loose=False):
    p = os.path.join(d, name + ".db")
    shutil.copy(real, p)
    c = sqlite3.connect(p)
    if loose:
        # codes rebuilt without its INTEGER PRIMARY KEY and NOT NULLs, as a crafted file may be
        cols = [r[1] for r in c.execute("PRAGMA table_info(codes)")]
        c.execute("CREATE TABLE codes2 (%s)" % ", ".join("%s ANY" % x for x in cols))
        c.execute("INSERT INTO codes2 SELECT * FROM codes")
        c.execute("DROP TABLE codes")
        c.execute("ALTER TABLE codes2 RENAME TO codes")
        c.execute("CREATE INDEX codes_class ON codes(class, code)")
    for s in sql:
        c.execute(s)
    c.commit()
    c.close()
row = "INSERT INTO codes (code, class, phrase, status, spec, summary) VALUES (%s, %s, 'Hostile', 'standard', 'x', 'x')"
make("code-64bit", row % (1 << 40, 4))
make("code-64bit-max", row % ((1 << 63) - 1, 4))
make("code-7-digits", row % (1234567, 4))
make("code-negative", row % (-1, 0))
make("class-6", row % (600, 6), "INSERT INTO classes VALUES (6, 'Six', 'x')")
make("code-1000000", row % (1000000, 1))
make("generated", *[row % (1000 + i, 1 + i % 5) for i in range(200)], row % (999999, 5))
make("code-99", row % (99, 0))
make("class-mismatch", "UPDATE codes SET class = 5 WHERE code = 404")
make("class-missing", "DELETE FROM classes WHERE class = 3")
make("class-out-of-range", "INSERT INTO classes VALUES (9, 'Nine', 'x')")
make("phrase-null", "UPDATE codes SET phrase = NULL WHERE code = 404", loose=True)
make("phrase-empty", "UPDATE codes SET phrase = '' WHERE code = 404")   # shown: an empty phrase is text
make("code-text", "UPDATE codes SET code = '4o4' WHERE code = 404", loose=True)
make("code-real", "UPDATE codes SET code = 404.5 WHERE code = 404", loose=True)
make("code-null", "UPDATE codes SET code = NULL WHERE code = 404", loose=True)
make("code-twice", row % (404, 4), loose=True)
c = sqlite3.connect(real)
have = {r[0] for r in c.execute("SELECT code FROM codes")}
c.close()
missing = min(x for x in range(100, 600) if x not in have)
open(os.path.join(d, "missing-code"), "w").write("%d\n" % missing)
make("group-missing-code", "INSERT INTO group_codes (group_id, ord, code) SELECT min(id), 99, %d FROM groups" % missing)
make("loose-but-sound", loose=True)
PY
fi_=0
for f in code-64bit code-64bit-max code-7-digits code-1000000 code-negative class-6 code-99 class-mismatch class-missing \
    class-out-of-range phrase-null code-text code-real code-null code-twice group-missing-code; do
    ci_=0
    for a in 404 list "search not found" "compare 301"; do
        bin=$PLAIN
        [ $((fi_ % 4)) = $ci_ ] && bin=$HS
        ci_=$((ci_ + 1))
        # shellcheck disable=SC2086
        run "$bin" --db "$D/$f.db" $a
        expect_rc "$f: $a: exit 2" 2
        expect_one_err_line "$f: $a: one message"
        expect_err "$f: $a: names the file" "$D/$f.db"
        if [ -s "$TMPD/out" ]; then fail "$f: $a: no output" "$(head -c 200 "$TMPD/out")"; else pass "$f: $a: no output"; fi
    done
    fi_=$((fi_ + 1))
done
# The messages say what is wrong, with the value.
run "$HS" --db "$D/code-7-digits.db" 404
expect_err "code-7-digits: names the code" "1234567"
run "$HS" --db "$D/code-64bit.db" 404
expect_err "code-64bit: names the code" "1099511627776"
run "$HS" --db "$D/class-missing.db" 404
expect_err "class-missing: names the class" "3xx"
run "$HS" --db "$D/phrase-null.db" 404
expect_err "phrase-null: names the code" "404"
run "$HS" --db "$D/group-missing-code.db" 404
expect_err "group-missing-code: names the code" "$(cat "$D/missing-code")"
# Entries numbered as a generated database numbers them (1000 up, any class; make bench)
# are not refused.
run "$HS" --db "$D/generated.db" list 1xx
expect_rc "generated entries 1000-1199 and 999999: list: exit 0" 0
expect_out "generated entries: listed" "1000  Hostile"
run "$HS" --db "$D/generated.db" list 5xx
expect_out "generated entries: 999999 listed whole" "999999  Hostile"
# An empty phrase is text like any other: shown.
run "$HS" --db "$D/phrase-empty.db" 404
expect_rc "phrase-empty: 404: exit 0" 0
# A file whose codes table was rebuilt loosely, with nothing wrong in its values, opens.
run "$HS" --db "$D/loose-but-sound.db" 404
expect_rc "loose-but-sound: 404: exit 0" 0
expect_out "loose-but-sound: 404: the page" "Not Found"

# ---- options after 'search' ---------------------------------------------------------------------
# The rule (in --help): options are options wherever they stand, after 'search' too; any other
# word after 'search' is text, even one that starts with '-'; after '--' every word is text.
run "$HS" --help
cp "$TMPD/out" "$TMPD/help.out"
expect_out "--help states the rule for words after search" "any other word after 'search' is text"
expect_out "--help explains --" "search -- -h"
run "$HS" search -h
expect_rc "search -h: exit 0" 0
if cmp -s "$TMPD/out" "$TMPD/help.out"; then pass "search -h: the help"; else fail "search -h: the help" "$(head -c 200 "$TMPD/out")"; fi
run "$HS" search not found -h
if cmp -s "$TMPD/out" "$TMPD/help.out"; then pass "search not found -h: the help"; else fail "search not found -h: the help" "$(head -c 200 "$TMPD/out")"; fi
run "$HS" search -- -h
expect_rc "search -- -h: searched ('h' is in httpd.h, in 218's text)" 0
expect_no_out "search -- -h: no help" "usage:"
run "$HS" search -- -zzqqxxw
expect_rc "search -- -zzqqxxw: searched (no match)" 1
expect_err "search -- -zzqqxxw: looked for -zzqqxxw" "no match for '-zzqqxxw'"
if [ -s "$TMPD/out" ]; then fail "search -- -zzqqxxw: no help" "$(head -c 200 "$TMPD/out")"; else pass "search -- -zzqqxxw: no help"; fi
run "$HS" search -- --json teapot
expect_rc "search -- --json teapot: searched" 0
if head -c 1 "$TMPD/out" | grep -q '\['; then fail "search -- --json: --json is text" "JSON was printed"; else pass "search -- --json: --json is text"; fi
run "$HS" search rate limit --json
expect_rc "search rate limit --json: exit 0" 0
expect_json "search rate limit --json: JSON"
run "$HS" search --limit 2 not found
if [ "$(wc -l <"$TMPD/out")" = 2 ]; then pass "search --limit 2 not found: two hits"; else fail "search --limit 2 not found: two hits" "$(wc -l <"$TMPD/out") lines"; fi
run "$HS" search -x-forwarded-for
expect_rc "search -x-forwarded-for: a word, searched" 0
expect_out "search -x-forwarded-for: finds a code" "X-Forwarded-For"
run "$HS" search --jsno teapot
expect_rc "search --jsno teapot: words, searched (closest matches)" 0
expect_out "search --jsno teapot: looked for the words" "no code mentions all of '--jsno teapot'"
expect_out "search --jsno teapot: the closest match" "418"
run "$HS" search --zzqqxxw yyqqzzk
expect_rc "search --zzqqxxw yyqqzzk: words, searched (no match)" 1
expect_err "search --zzqqxxw yyqqzzk: looked for the words" "no match for '--zzqqxxw yyqqzzk'"

# ---- more hostile files --------------------------------------------------------------------------
# A /proc file (size 0, yet it has content), 17 MB of zeros, a 1 TB sparse file, a value over
# SQLite's length limit, and values that are merely huge: refused with one message naming
# the file, or shown; never a crash, never a line wider than the width.
run "$HS" --db /proc/self/status 404
expect_rc "--db /proc/self/status: exit 2" 2
expect_one_err_line "--db /proc/self/status: one message"
if grep -q "empty" "$TMPD/err"; then fail "--db /proc/self/status: not called empty" "$(cat "$TMPD/err")"; else pass "--db /proc/self/status: not called empty"; fi
truncate -s 17M "$D/zeros17.db" 2>/dev/null
for f in zeros17; do
    [ -f "$D/$f.db" ] || continue
    run "$HS" --db "$D/$f.db" 404
    expect_rc "$f: exit 2" 2
    expect_one_err_line "$f: one message"
    expect_err "$f: says not a database" "not a database"
done
if truncate -s 1T "$D/sparse.db" 2>/dev/null; then
    run timeout 20 "$HS" --db "$D/sparse.db" 404
    expect_rc "a 1 TB sparse file: exit 2" 2
    expect_err "a 1 TB sparse file: says not a database" "not a database"
    rm -f "$D/sparse.db"
fi
python3 - "$D" db/httpstatus.db <<'PY'
import os, shutil, sqlite3, sys
d, real = sys.argv[1], sys.argv[2]
def make(name, *sql):
    p = os.path.join(d, name + ".db")
    shutil.copy(real, p)
    c = sqlite3.connect(p)
    for s in sql:
        c.execute(s)
    c.commit()
    c.close()
make("value-too-big", "UPDATE codes SET summary = printf('%.*c', 20000000, 'x') WHERE code = 404")
make("value-5mb", "UPDATE codes SET summary = printf('%.*c', 5000000, 'x') WHERE code = 404")
make("body-newlines", "UPDATE sections SET body = replace(printf('%.*c', 200000, 'x'), 'x', char(10)) WHERE code = 404")
make("phrase-100k", "UPDATE codes SET phrase = printf('%.*c', 100000, 'x') WHERE code = 404")
make("phrase-wide", "UPDATE codes SET phrase = replace(printf('%.*c', 3000, 'x'), 'x', char(26085)) WHERE code = 404")
PY
run "$HS" --db "$D/value-too-big.db" 404
expect_rc "a 20 MB value: exit 2" 2
expect_one_err_line "a 20 MB value: one message"
expect_err "a 20 MB value: names the file" "$D/value-too-big.db"
for f in value-5mb body-newlines phrase-100k phrase-wide; do
    for a in 404 list "compare 404 410" "search not found"; do
        # shellcheck disable=SC2086
        run "$HS" --db "$D/$f.db" --width 60 $a
        expect_rc "$f: $a: exit 0" 0
        expect_max_width "$f: $a: fits 60 columns" 60
    done
done
