. "$(dirname "$0")/../lib.sh"
# tests/e2e/progress.sh — the progress file kept like a database should be: kill -9 at
# random moments loses at most the answer being written and leaves a file that passes
# PRAGMA integrity_check; two quizzes at once both keep every answer; a directory that
# cannot be made or written, a read-only file system and a full disk give one warning and
# the quiz goes on; corrupt, foreign and newer files; progress --reset needs --yes.
# The checks read the file with python3's sqlite3 module, not with the sqlite3 program.

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'cleanup; rm -rf "$TMPD"' EXIT ;; esac
MOUNTS=""
cleanup() {
    for m in $MOUNTS; do umount "$m" 2>/dev/null; done
    MOUNTS=""
}

if ! command -v python3 >/dev/null 2>&1; then
    fail "python3" "python3 is needed to check the progress files (make deps-test)"
    exit 0
fi
export XDG_STATE_HOME=$TMPD/xdg

# sql FILE QUERY: the first column of the first row (python3's sqlite3)
sql() {
    python3 - "$1" "$2" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
r = c.execute(sys.argv[2]).fetchone()
print(r[0] if r else "")
EOF
}

# integrity NAME FILE: PRAGMA integrity_check says ok
integrity() {
    got=$(sql "$2" "PRAGMA integrity_check" 2>&1)
    if [ "$got" = ok ]; then pass "$1"; else fail "$1" "integrity_check: $got"; fi
}

# one_warning NAME TEXT: exactly one stderr line, "httpstatus: ...", containing TEXT
one_warning() {
    expect_one_err_line "$1: one warning line"
    expect_err "$1: says why" "$2"
}

# quiz_lines N: N answer lines
quiz_lines() {
    i=0
    while [ $i -lt "$1" ]; do
        echo a
        i=$((i + 1))
    done
}
quiz_lines 500 >"$TMPD/a500"

# goes_on NAME N: the quiz asked all N questions and ended with its score
goes_on() {
    if tail -n 1 "$TMPD/out" | grep -qE "^score: [0-9]+/$2\$"; then pass "$1: the quiz goes on to its score"; else fail "$1: the quiz goes on to its score" "last line: $(tail -n 1 "$TMPD/out")"; fi
}

# ---- kill -9 at random moments ---------------------------------------------------------------

F=$TMPD/kill/progress.db
ROUNDS=${KILL_ROUNDS:-12}
r=1
bad=0
while [ $r -le "$ROUNDS" ]; do
    "$HS" quiz --state "$F" --seed "$r" --count 500 --json >"$TMPD/key$r.json" 2>/dev/null
    "$HS" quiz --state "$F" --seed "$r" --count 500 <"$TMPD/a500" >"$TMPD/kill$r.out" 2>"$TMPD/kill$r.err" &
    pid=$!
    # Odd rounds: at a random moment from the start (it may be setting the file up); even
    # rounds: a random moment once the first question is out (answers are being written).
    if [ $((r % 2)) = 0 ]; then
        n=0
        while [ $n -lt 200 ] && ! grep -q '^question 1/' "$TMPD/kill$r.out" 2>/dev/null; do
            sleep 0.05
            n=$((n + 1))
        done
    fi
    ms=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 1500 + 50 ))
    sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    # acknowledged: feedback printed, which happens only after the answer is committed
    ack=$(grep -cE '^(right|wrong): ' "$TMPD/kill$r.out")
    if ! python3 - "$F" "$r" "$ack" "$TMPD/key$r.json" <<'EOF'; then bad=$((bad + 1)); fi
import json, sqlite3, sys
import os
f, seed, ack, key = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
if not os.path.exists(f):
    # killed before it made the file: then nothing was acknowledged either
    assert ack == 0, "round %d: %d answers acknowledged, but no file" % (seed, ack)
    sys.exit(0)
c = sqlite3.connect(f)
ok = c.execute("PRAGMA integrity_check").fetchone()[0]
assert ok == "ok", "integrity_check: %s" % ok
if not c.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'answers'").fetchone()[0]:
    # killed before the file was first set up: then nothing was acknowledged either
    assert ack == 0, "round %d: %d answers acknowledged, but no tables" % (seed, ack)
    sys.exit(0)
rows = c.execute("SELECT a.question FROM answers a JOIN sessions s ON s.id = a.session "
                 "WHERE s.seed = ? ORDER BY a.id", (seed,)).fetchall()
got = [r[0] for r in rows]
want = [q["id"] for q in json.load(open(key))["questions"]]
assert len(got) >= ack, "round %d: %d answers acknowledged, %d in the file" % (seed, ack, len(got))
assert len(got) <= ack + 1, "round %d: %d acknowledged, %d in the file (more than one in flight)" % (seed, ack, len(got))
assert got == want[:len(got)], "round %d: the answers in the file are not the ones given" % seed
EOF
    r=$((r + 1))
done
mid=0
r=1
while [ $r -le "$ROUNDS" ]; do
    [ "$(grep -cE '^(right|wrong): ' "$TMPD/kill$r.out")" -gt 0 ] && mid=$((mid + 1))
    r=$((r + 1))
done
if [ $mid -ge $((ROUNDS / 3)) ]; then pass "kill -9: $mid of $ROUNDS rounds were killed while answers were being written"; else fail "kill -9: rounds killed mid-quiz" "only $mid of $ROUNDS"; fi
if [ $bad = 0 ]; then pass "kill -9 x$ROUNDS: every acknowledged answer kept, at most one more, integrity ok"; else fail "kill -9" "$bad of $ROUNDS rounds lost answers or the file (see above)"; fi
total=$(sql "$F" "SELECT count(*) FROM answers")
if [ "$total" -gt 0 ]; then pass "kill -9: answers were written ($total)"; else fail "kill -9: answers were written" "none"; fi
run "$HS" progress --state "$F" --json
expect_rc "kill -9: progress afterwards: exit 0" 0
expect_json "kill -9: progress afterwards: valid JSON"
integrity "kill -9: integrity after the last round" "$F"

# ---- two quizzes at once -------------------------------------------------------------------------

C=$TMPD/concurrent/progress.db
quiz_lines 150 >"$TMPD/a150"
"$HS" quiz --state "$C" --seed 101 --count 150 <"$TMPD/a150" >"$TMPD/c1.out" 2>"$TMPD/c1.err" &
p1=$!
"$HS" quiz --state "$C" --seed 202 --count 150 <"$TMPD/a150" >"$TMPD/c2.out" 2>"$TMPD/c2.err" &
p2=$!
wait $p1
rc1=$?
wait $p2
rc2=$?
if [ $rc1 = 0 ] && [ $rc2 = 0 ]; then pass "concurrent: both exit 0"; else fail "concurrent: both exit 0" "exit $rc1 and $rc2"; fi
if [ ! -s "$TMPD/c1.err" ] && [ ! -s "$TMPD/c2.err" ]; then pass "concurrent: no warnings"; else fail "concurrent: no warnings" "$(cat "$TMPD/c1.err" "$TMPD/c2.err" | head -c 300)"; fi
n1=$(sql "$C" "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session WHERE s.seed = 101")
n2=$(sql "$C" "SELECT count(*) FROM answers a JOIN sessions s ON s.id = a.session WHERE s.seed = 202")
if [ "$n1" = 150 ] && [ "$n2" = 150 ]; then pass "concurrent: both keep all 150 answers"; else fail "concurrent: both keep all 150 answers" "$n1 and $n2"; fi
integrity "concurrent: integrity" "$C"
if [ "$(sql "$C" "PRAGMA journal_mode")" = wal ]; then pass "the file is in WAL mode"; else fail "the file is in WAL mode" "$(sql "$C" "PRAGMA journal_mode")"; fi
if [ "$(sql "$C" "PRAGMA application_id")" = 1213419591 ]; then pass "the file has its own application_id ('HSPG')"; else fail "application_id" "$(sql "$C" "PRAGMA application_id")"; fi
if [ "$(sql "$C" "PRAGMA user_version")" -ge 1 ]; then pass "the file has a schema version"; else fail "user_version" "0"; fi

# Two programs creating the same new file at the same moment: neither may call the other's
# half-made file foreign or give up on a lock (rounds, since it is a race).
quiz_lines 5 >"$TMPD/a5"
bad=
for r in 1 2 3 4 5 6 7 8; do
    R=$TMPD/race$r/progress.db
    "$HS" quiz --state "$R" --seed 1 --count 5 <"$TMPD/a5" >/dev/null 2>"$TMPD/r1.err" &
    q1=$!
    "$HS" quiz --state "$R" --seed 2 --count 5 <"$TMPD/a5" >/dev/null 2>"$TMPD/r2.err" &
    q2=$!
    wait $q1
    wait $q2
    n=$(sql "$R" "SELECT count(*) FROM answers")
    if [ -s "$TMPD/r1.err" ] || [ -s "$TMPD/r2.err" ] || [ "$n" != 10 ]; then
        bad="round $r: $n answers; $(cat "$TMPD/r1.err" "$TMPD/r2.err" | head -c 200)"
        break
    fi
done
if [ -z "$bad" ]; then pass "new file, two writers at once (8 rounds): no warning, all 10 answers each time"; else
    fail "new file, two writers at once" "$bad"; fi

# ---- places where progress cannot be kept ---------------------------------------------------------

# A directory that cannot be made: its parent is a file.
: >"$TMPD/plainfile"
"$HS" quiz --state "$TMPD/plainfile/sub/progress.db" --seed 1 --count 5 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
RC=$?
expect_rc "directory cannot be made: exit 0" 0
one_warning "directory cannot be made" "going on without saving"
expect_err "directory cannot be made: names it" "$TMPD/plainfile"
goes_on "directory cannot be made" 5

# A directory that cannot be written: as an ordinary user (root writes anywhere).
U=$TMPD/users
mkdir -p "$U/locked"
chmod 755 "$TMPD" "$U"
chmod 555 "$U/locked"
if [ "$(id -u)" = 0 ]; then
    if command -v setpriv >/dev/null 2>&1; then
        AS_USER="setpriv --reuid=65534 --regid=65534 --clear-groups"
    else
        AS_USER=""
    fi
else
    AS_USER="env"
fi
if [ -n "$AS_USER" ] && $AS_USER test -x "$HS" 2>/dev/null; then
    $AS_USER "$HS" quiz --state "$U/locked/progress.db" --seed 1 --count 5 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
    RC=$?
    expect_rc "directory not writable: exit 0" 0
    one_warning "directory not writable" "not writable"
    goes_on "directory not writable" 5
    $AS_USER "$HS" quiz --state "$U/locked/sub/progress.db" --seed 1 --count 5 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
    one_warning "directory not writable (subdirectory)" "cannot create the directory"
    goes_on "directory not writable (subdirectory)" 5
else
    echo "SKIP: directory not writable (needs an ordinary user; as root, setpriv; or $HS is not readable to others)"
fi

if [ "$(id -u)" = 0 ] && mkdir -p "$TMPD/ro" "$TMPD/full" && mount -t tmpfs -o size=1m tmpfs "$TMPD/ro" 2>/dev/null; then
    MOUNTS="$TMPD/ro"
    # Read-only file system with a progress file on it (made while it was writable).
    "$HS" quiz --state "$TMPD/ro/progress.db" --seed 1 --count 3 <"$TMPD/a500" >/dev/null 2>&1
    mount -o remount,ro "$TMPD/ro"
    "$HS" quiz --state "$TMPD/ro/progress.db" --seed 2 --count 5 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
    RC=$?
    expect_rc "read-only file system: exit 0" 0
    one_warning "read-only file system" "read-only"
    goes_on "read-only file system" 5
    # No file yet on a read-only file system.
    "$HS" quiz --state "$TMPD/ro/new.db" --seed 2 --count 5 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
    one_warning "read-only file system, no file yet" "read-only"
    goes_on "read-only file system, no file yet" 5
    run "$HS" progress --state "$TMPD/ro/progress.db" --json
    expect_rc "read-only file system: progress still reads it" 0
    if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['answers'] == 3, d" "$TMPD/out"; then
        pass "read-only file system: the three earlier answers are reported"
    else
        fail "read-only file system: the three earlier answers are reported" "$(head -c 300 "$TMPD/out") $(cat "$TMPD/err")"
    fi
    umount "$TMPD/ro"

    # Full disk: a 64k tmpfs fills up during the quiz.
    mount -t tmpfs -o size=64k tmpfs "$TMPD/full"
    MOUNTS="$TMPD/full"
    "$HS" quiz --state "$TMPD/full/progress.db" --seed 3 --count 200 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
    RC=$?
    expect_rc "full disk: exit 0" 0
    one_warning "full disk" "disk is full"
    goes_on "full disk" 200
    if [ -f "$TMPD/full/progress.db" ]; then
        integrity "full disk: the file is intact" "$TMPD/full/progress.db"
    fi
    umount "$TMPD/full"
    # A little more room: some answers fit before it fills, and they are kept.
    mount -t tmpfs -o size=128k tmpfs "$TMPD/full"
    "$HS" quiz --state "$TMPD/full/progress.db" --seed 3 --count 200 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
    one_warning "full disk later" "disk is full"
    goes_on "full disk later" 200
    integrity "full disk later: the file is intact" "$TMPD/full/progress.db"
    saved=$(sql "$TMPD/full/progress.db" "SELECT count(*) FROM answers")
    if [ "$saved" -gt 0 ] && [ "$saved" -lt 200 ]; then pass "full disk later: the answers before it filled are kept ($saved)"; else fail "full disk later: the answers before it filled are kept" "$saved"; fi
    # Full before the quiz starts: a file that cannot be made at all.
    dd if=/dev/zero of="$TMPD/full/filler" bs=1k count=200 2>/dev/null
    "$HS" quiz --state "$TMPD/full/other.db" --seed 3 --count 5 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
    RC=$?
    expect_rc "full disk from the start: exit 0" 0
    one_warning "full disk from the start" "going on without saving"
    goes_on "full disk from the start" 5
    umount "$TMPD/full"
    MOUNTS=""
else
    echo "SKIP: read-only file system and full disk (they mount a tmpfs, which needs root)"
fi

# ---- files that are not ours -------------------------------------------------------------------------

M=$TMPD/moved
mkdir -p "$M"
head -c 3000 /dev/urandom >"$M/progress.db"
cp "$M/progress.db" "$TMPD/garbage.copy"
"$HS" quiz --state "$M/progress.db" --seed 1 --count 3 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
RC=$?
expect_rc "corrupt file: exit 0" 0
one_warning "corrupt file" "corrupt"
expect_err "corrupt file: names the file" "$M/progress.db was"
aside=$(ls "$M" | grep '^progress\.db\.corrupt-' | head -n 1)
if [ -n "$aside" ] && grep -qF "$M/$aside" "$TMPD/err"; then pass "corrupt file: names where it went"; else fail "corrupt file: names where it went" "$(cat "$TMPD/err") / $(ls "$M")"; fi
if [ -n "$aside" ] && cmp -s "$M/$aside" "$TMPD/garbage.copy"; then pass "corrupt file: moved aside whole, not deleted"; else fail "corrupt file: moved aside whole" "$aside"; fi
goes_on "corrupt file" 3
if [ "$(sql "$M/progress.db" "SELECT count(*) FROM answers")" = 3 ]; then pass "corrupt file: a new one keeps the answers"; else fail "corrupt file: a new one keeps the answers" "$(sql "$M/progress.db" "SELECT count(*) FROM answers" 2>&1)"; fi

# A progress file of ours whose pages are damaged.
python3 - "$M/progress.db" <<'EOF'
import os, sys
f = open(sys.argv[1], "r+b")
size = os.path.getsize(sys.argv[1])
f.seek(4096)
f.write(b"\xa5" * (size - 4096))
f.close()
EOF
rm -f "$M/progress.db-wal" "$M/progress.db-shm"
"$HS" quiz --state "$M/progress.db" --seed 1 --count 2 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
one_warning "damaged pages" "corrupt"
n=$(ls "$M" | grep -c '^progress\.db\.corrupt-[0-9-]*$')
if [ "$n" = 2 ]; then pass "damaged pages: moved aside too (two corrupt files kept)"; else fail "damaged pages: moved aside" "$(ls "$M")"; fi
goes_on "damaged pages" 2

# Another program's database.
python3 - "$M/other.db" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("CREATE TABLE notes(text)")
c.execute("INSERT INTO notes VALUES ('keep me')")
c.commit()
EOF
"$HS" quiz --state "$M/other.db" --seed 1 --count 2 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
RC=$?
expect_rc "foreign file: exit 0" 0
one_warning "foreign file" "not an httpstatus progress file"
aside=$(ls "$M" | grep '^other\.db\.foreign-' | head -n 1)
if [ -n "$aside" ] && grep -qF "$M/other.db" "$TMPD/err" && grep -qF "$M/$aside" "$TMPD/err"; then pass "foreign file: both paths named"; else fail "foreign file: both paths named" "$(cat "$TMPD/err")"; fi
if [ -n "$aside" ] && [ "$(sql "$M/$aside" "SELECT text FROM notes")" = "keep me" ]; then pass "foreign file: its data kept"; else fail "foreign file: its data kept" "$aside"; fi
goes_on "foreign file" 2

# A file from a newer httpstatus is left alone.
python3 - "$M/newer.db" <<'EOF'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA application_id = 1213419591")
c.execute("PRAGMA user_version = 99")
c.execute("CREATE TABLE future(x)")
c.commit()
EOF
"$HS" quiz --state "$M/newer.db" --seed 1 --count 2 <"$TMPD/a500" >"$TMPD/out" 2>"$TMPD/err"
one_warning "newer file" "newer httpstatus"
if [ "$(sql "$M/newer.db" "PRAGMA user_version")" = 99 ] && ! ls "$M" | grep -q '^newer\.db\.'; then pass "newer file: left as it was"; else fail "newer file: left as it was" "$(ls "$M")"; fi
goes_on "newer file" 2

# ---- reset -------------------------------------------------------------------------------------------------

R=$TMPD/reset.db
"$HS" quiz --state "$R" --seed 1 --count 4 <"$TMPD/a500" >/dev/null 2>&1
run "$HS" progress --reset --state "$R"
expect_rc "reset without --yes: exit 2" 2
expect_one_err_line "reset without --yes: one line"
expect_err "reset without --yes: asks for --yes" "--yes"
if [ "$(sql "$R" "SELECT count(*) FROM answers")" = 4 ]; then pass "reset without --yes: nothing forgotten"; else fail "reset without --yes: nothing forgotten" "$(sql "$R" "SELECT count(*) FROM answers")"; fi
run "$HS" progress --reset --yes --state "$R"
expect_rc "reset --yes: exit 0" 0
expect_out "reset --yes: says so" "forgot all progress in $R"
if [ "$(sql "$R" "SELECT count(*) FROM answers")" = 0 ] && [ "$(sql "$R" "PRAGMA application_id")" = 1213419591 ]; then
    pass "reset --yes: answers gone, the file stays ours"
else
    fail "reset --yes: answers gone, the file stays ours" "$(sql "$R" "SELECT count(*) FROM answers")"
fi

# ---- where the file lives -------------------------------------------------------------------------------

X=$TMPD/home
mkdir -p "$X"
HOME=$X XDG_STATE_HOME= "$HS" quiz --seed 1 --count 1 <"$TMPD/a500" >/dev/null 2>&1
if [ -f "$X/.local/state/httpstatus/progress.db" ]; then pass "default: ~/.local/state/httpstatus/progress.db"; else fail "default path" "$(find "$X" | head)"; fi
HOME=$X XDG_STATE_HOME=$X/xdgstate "$HS" quiz --seed 1 --count 1 <"$TMPD/a500" >/dev/null 2>&1
if [ -f "$X/xdgstate/httpstatus/progress.db" ]; then pass "XDG_STATE_HOME/httpstatus/progress.db"; else fail "XDG_STATE_HOME path" "$(find "$X" | head)"; fi
