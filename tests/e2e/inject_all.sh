. "$(dirname "$0")/../lib.sh"
# tests/e2e/inject_all.sh — no text from a database reaches the terminal raw, whatever the
# command and the format. tests/e2e/inject_db.py puts escape payloads (CSI, OSC 0/8/52, DCS,
# APC, CR, BS, BEL, DEL, C1 controls, bidi overrides, zero-width and other format
# characters, invalid UTF-8, an unterminated OSC) into every text column of every table of
# a copy of the real database. Then every command the --help lists runs on it in every
# format, and the bytes of stdout and stderr are checked: valid UTF-8, no control character
# but the newline, no C1, no format character, nothing of the sequences' hidden text; with
# --color=always only the program's own colour sequences. JSON is also decoded and every
# string in it checked the same way.
# Every command runs under the ASan build (HS) on the crafted database in one of its four
# formats, in turn (the first command plain, the next --json, ...), and in the other three
# on the build without sanitizers (HS_PLAIN, default ./httpstatus): the output does not
# depend on the build, and each run opens the database with its deep check (the cost of the
# suite: about 200 ms under ASan, 35 ms without). Without a plain build every run is under HS.
# Run: HS=path/to/httpstatus sh tests/e2e/inject_all.sh (needs db/httpstatus.db, python3).

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

if ! command -v python3 >/dev/null 2>&1; then
    fail "inject_all: python3" "python3 is needed to make the crafted database (make deps-test)"
    exit 0
fi
PLAIN=${HS_PLAIN:-./httpstatus}
[ -x "$PLAIN" ] || PLAIN=$HS
DB=$TMPD/inject.db
if ! python3 tests/e2e/inject_db.py db/httpstatus.db "$DB" >"$TMPD/columns" 2>"$TMPD/craft.err"; then
    fail "inject_all: crafted database" "$(head -c 300 "$TMPD/craft.err")"
    exit 0
fi
pass "inject_all: crafted database ($(wc -l <"$TMPD/columns") text columns carry payloads)"

# ---- by construction: one reader ---------------------------------------------------------------
# Every string the data layer returns is made by db_col/db_col_lines (src/data_stmt.c), which
# clean it. No other file may read a text column of SQLite.
# The progress store (src/progress.c, the user's own file) has its own reader, col_text,
# which cleans with the same txt_clean.
others=$(grep -lE 'sqlite3_column_(text|blob)|sqlite3_value_(text|blob)' src/*.c src/*/*.c 2>/dev/null |
    grep -v -e '^src/data_stmt.c$' -e '^src/progress.c$')
n=$(grep -cE 'sqlite3_column_(text|blob)' src/progress.c)
if [ "$n" = 1 ] && grep -q 'txt_clean(s, t' src/progress.c; then pass "inject_all: the progress store reads text in one place, cleaned"; else
    fail "inject_all: the progress store reads text in one place, cleaned" "$n readers in src/progress.c"; fi
if [ -z "$others" ]; then pass "inject_all: only src/data_stmt.c reads text from SQLite"; else
    fail "inject_all: only src/data_stmt.c reads text from SQLite" "also: $others"; fi

# ---- the checker ------------------------------------------------------------------------------
mkdir -p "$TMPD/runs"
cat >"$TMPD/check.py" <<'PY'
# check.py DIR: for every run N in DIR (N.name, N.mode, N.rc, N.out, N.err), one PASS or
# FAIL line for its stdout and one for its stderr.
import json, os, sys, unicodedata

# The program's own styles (src/cli_out.c, src/cmd_*.c); the payloads use other ones.
OWN = [b"\x1b[0m", b"\x1b[1m", b"\x1b[2m", b"\x1b[1;4m", b"\x1b[1;33m",
       b"\x1b[1;31m", b"\x1b[1;32m", b"\x1b[1;34m", b"\x1b[1;36m",
       b"\x1b[31m", b"\x1b[32m", b"\x1b[33m", b"\x1b[34m", b"\x1b[36m"]
IGNORABLE = {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0, 0xFFFE, 0xFFFF}
MARK = "INJ" + "OSC"


def bad_char(ch):
    o = ord(ch)
    if ch == "\n":
        return None
    if o < 0x20 or 0x7F <= o <= 0x9F:
        return "control U+%04X" % o
    if unicodedata.category(ch) in ("Cf", "Zl", "Zp"):
        return "format character U+%04X" % o
    if o in IGNORABLE or 0x180B <= o <= 0x180F or 0xFE00 <= o <= 0xFE0F or 0xE0000 <= o <= 0xE0FFF:
        return "invisible U+%04X" % o
    return None


def check_text(t, where=""):
    for i, ch in enumerate(t):
        why = bad_char(ch)
        if why:
            return "%s%s near %r" % (why, where, t[max(0, i - 30):i + 10])
    if MARK in t:
        i = t.index(MARK)
        return "the hidden text of an OSC/DCS/APC string%s near %r" % (where, t[max(0, i - 30):i + 10])
    return None


def check(raw, mode):
    if mode == "color":
        for s in OWN:
            raw = raw.replace(s, b"")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return "invalid UTF-8 at byte %d: %r" % (e.start, raw[max(0, e.start - 20):e.start + 10])
    why = check_text(text)
    if why or mode != "json" or not text.lstrip().startswith(("[", "{")):
        return why      # (--help and --version print text whatever the format)
    try:
        doc = json.loads(text)
    except ValueError as e:
        return "not JSON: %s" % e
    stack = [(doc, "$")]
    while stack:
        v, p = stack.pop()
        if isinstance(v, str):
            why = check_text(v, " in JSON string " + p)
            if why:
                return why
        elif isinstance(v, dict):
            stack += [(x, p + "." + k) for k, x in v.items()] + [(k, p + " key") for k in v]
        elif isinstance(v, list):
            stack += [(x, "%s[%d]" % (p, i)) for i, x in enumerate(v)]
    return None


d = sys.argv[1]
for n in sorted(int(f[:-5]) for f in os.listdir(d) if f.endswith(".name")):
    def rd(ext):
        return open(os.path.join(d, "%d.%s" % (n, ext)), "rb").read()
    name, mode, rc = rd("name").decode().strip(), rd("mode").decode().strip(), int(rd("rc"))
    out, err = rd("out"), rd("err")
    if rc > 2:
        print("FAIL: %s: no crash: exit %d, stderr: %r" % (name, rc, err[:300]))
        continue
    if b"Sanitizer" in err or b"runtime error" in err:
        print("FAIL: %s: no sanitizer report: %r" % (name, err[:300]))
        continue
    for what, data, m in (("stdout", out, mode), ("stderr", err, "plain")):
        why = check(data, m)
        print("FAIL: %s: %s clean: %s" % (name, what, why) if why else "PASS: %s: %s clean" % (name, what))
PY

# record BIN NAME MODE ARGS...: run BIN on the crafted database and keep what it wrote for
# check.py (run once for all runs at the end).
N=0
record() {
    N=$((N + 1))
    _bin=$1
    printf '%s\n' "$2" >"$TMPD/runs/$N.name"
    printf '%s\n' "$3" >"$TMPD/runs/$N.mode"
    shift 3
    "$_bin" --db "$DB" "$@" >"$TMPD/runs/$N.out" 2>"$TMPD/runs/$N.err" </dev/null
    echo $? >"$TMPD/runs/$N.rc"
}

# every NAME ARGS...: the command in every format; format number E mod 4 (E counts the
# calls) under $HS, the others under $PLAIN.
E=0
every() {
    n=$1
    shift
    b0=$PLAIN b1=$PLAIN b2=$PLAIN b3=$PLAIN
    eval "b$((E % 4))=\$HS"
    E=$((E + 1))
    record "$b0" "$n" plain "$@"
    record "$b1" "$n --json" json --json "$@"
    record "$b2" "$n --color=always" color --color=always "$@"
    record "$b3" "$n --ascii --width 24" plain --ascii --width 24 "$@"
}

# ---- what there is to show ------------------------------------------------------------------
# The codes, classes and groups of the crafted database (what its tables hold, not a list
# written here).
python3 - "$DB" >"$TMPD/facts" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
codes = [r[0] for r in c.execute("SELECT code FROM codes WHERE code BETWEEN 100 AND 599 ORDER BY code")]
print("CODES='%s'" % " ".join(map(str, codes)))
print("CLASSES='%s'" % " ".join("%dxx" % k for (k,) in c.execute(
    "SELECT class FROM classes WHERE class BETWEEN 1 AND 5 ORDER BY class")))
print("GROUP_FIRSTS='%s'" % " ".join(str(r[0]) for r in c.execute(
    "SELECT min(code) FROM group_codes GROUP BY group_id ORDER BY group_id")))
PY
. "$TMPD/facts"
if [ -n "$CODES" ]; then pass "inject_all: codes found"; else fail "inject_all: codes found" "none in the crafted database"; fi

# The commands, as --help lists them: "httpstatus WORD ...".
run "$HS" --help
COMMANDS=$(sed -n 's/^  httpstatus \([a-z][a-z-]*\).*/\1/p' "$TMPD/out" | sort -u)

# ---- every command, every format ------------------------------------------------------------

every "no command (the list, piped)"
# shellcheck disable=SC2086
every "every code at once" $CODES
every "code 000" 000
for k in $CLASSES; do every "class $k" "$k"; done
for c in $COMMANDS; do
    case $c in
    list)
        every "list" list
        every "list 4xx" list 4xx
        ;;
    search)
        # 'link' is visible text of every payload: every code matches, and every snippet
        # is cut from text full of payloads.
        for q in link "not found" "unterminated title" captve 4xx; do
            # shellcheck disable=SC2086
            every "search $q" search $q
        done
        ;;
    compare)
        for g in $GROUP_FIRSTS; do every "compare $g" compare "$g"; done
        every "compare 401 403 407" compare 401 403 407
        every "compare 301 302 303 307 308" compare 301 302 303 307 308
        ;;
    help) ;;
    *)  # a command this suite does not know yet: its bare form, a code, a class, a group
        every "$c" "$c"
        every "$c 404" "$c" 404
        every "$c 4xx" "$c" 4xx
        for g in $GROUP_FIRSTS; do every "$c $g" "$c" "$g"; break; done
        ;;
    esac
done
every "--version" --version
every "--help" --help

python3 "$TMPD/check.py" "$TMPD/runs"

# The crafted database opens and shows the page: the checks above did not pass because
# nothing was printed.
run "$HS" --db "$DB" 404
expect_rc "inject_all: 404 on the crafted database: exit 0" 0
expect_out "inject_all: 404 on the crafted database: its page" "Not Found"
run "$HS" --db "$DB" search link
expect_rc "inject_all: search on the crafted database: exit 0" 0
