. "$(dirname "$0")/../lib.sh"
# tests/e2e/manpage.sh — src/httpstatus.1: renders with man and groff without a warning, has
# the sections a man page is expected to have, and agrees with the program: every command
# and option --help lists is described (and nothing --help does not list), and its KEYS
# section names exactly the keys of the browser's key table (src/ui/keys.c).
# Run from the repository root: sh tests/e2e/manpage.sh (HS= the binary, default ./httpstatus).

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

MAN=src/httpstatus.1
KEYS_C=src/ui/keys.c

# ---- rendering ------------------------------------------------------------------------------
if command -v groff >/dev/null 2>&1; then
    groff -man -ww -z "$MAN" >"$TMPD/out" 2>"$TMPD/err"
    RC=$?
    if [ $RC = 0 ] && [ ! -s "$TMPD/err" ] && [ ! -s "$TMPD/out" ]; then pass "groff -man -ww -z: no warnings"; else fail "groff -man -ww" "exit $RC: $(head -c 400 "$TMPD/err")"; fi
else
    fail "groff" "groff is not installed (make deps-test)"
fi
if command -v man >/dev/null 2>&1; then
    MANWIDTH=80 MAN_KEEP_FORMATTING= man -l "$MAN" >"$TMPD/out" 2>"$TMPD/err" </dev/null
    RC=$?
    if [ $RC = 0 ] && [ ! -s "$TMPD/err" ] && grep -q "httpstatus - offline reference" "$TMPD/out"; then
        pass "man -l renders it, with no message"
    else
        fail "man -l" "exit $RC: $(head -c 300 "$TMPD/err")"
    fi
else
    pass "man not installed: rendering checked with groff only"
fi

for s in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS KEYS EXAMPLES "EXIT STATUS" ENVIRONMENT FILES "SEE ALSO"; do
    if grep -qx "\.SH \"\{0,1\}$s\"\{0,1\}" "$MAN"; then pass "section $s"; else fail "section $s" "no '.SH $s' in $MAN"; fi
done
for v in NO_COLOR TERM LANG LC_ALL LC_CTYPE XDG_STATE_HOME COLUMNS LINES; do
    if sed -n '/^\.SH ENVIRONMENT/,/^\.SH /p' "$MAN" | grep -q "$v"; then pass "ENVIRONMENT names $v"; else fail "ENVIRONMENT" "$v is not described"; fi
done
if sed -n '/^\.SH FILES/,/^\.SH /p' "$MAN" | grep -qF 'XDG_STATE_HOME/httpstatus/progress.db'; then pass "FILES names the progress database"; else fail "FILES" "no \$XDG_STATE_HOME/httpstatus/progress.db"; fi

# ---- agreement with the program -------------------------------------------------------------
"$HS" --help >"$TMPD/help" 2>&1
# man_check KIND: compare the words the man page's sections describe with the program's
# (python3; one PASS/FAIL line per check, naming exactly what is missing on which side).
python3 - "$MAN" "$TMPD/help" "$KEYS_C" <<'PY'
import re, sys
man_path, help_path, keys_path = sys.argv[1:4]
man = open(man_path, encoding="utf-8").read().split("\n")
helptext = open(help_path, encoding="utf-8").read()

def section(name):
    out, on = [], False
    for line in man:
        if line.startswith(".SH "):
            on = line[4:].strip('"') == name
            continue
        if on:
            out.append(line)
    return out

def tags(lines):
    """The tag line of each .TP entry."""
    return [lines[i + 1] for i, l in enumerate(lines[:-1]) if l == ".TP"]

def unescape(s):
    return s.replace("\\-", "-").replace("\\(dq", '"')

def report(name, missing, extra, missing_msg, extra_msg):
    if not missing and not extra:
        print(f"PASS: {name}")
        return
    why = []
    if missing:
        why.append(missing_msg + ": " + ", ".join(sorted(missing)))
    if extra:
        why.append(extra_msg + ": " + ", ".join(sorted(extra)))
    print(f"FAIL: {name}: " + "; ".join(why))

# Commands: every "  httpstatus WORD" line of --help, and help.
cmds = set(re.findall(r"^  httpstatus ([a-z][a-z-]*)(?: |$)", helptext, re.M)) | {"help"}
described = set()
for t in tags(section("COMMANDS")):
    m = re.match(r"\.B ([a-z][a-z-]*)", t)
    if m:
        described.add(m.group(1))
report(f"COMMANDS describes every command of --help ({len(cmds)}), and only those",
       cmds - described, described - cmds,
       "missing from the man page's COMMANDS section (add a '.TP' entry '.B NAME ...' for each)",
       "described but not in --help")

# Options: every option of --help's "options:" section.
opts_help = set()
m = re.search(r"^options:\n(.*?)(?:\n\n|\Z)", helptext, re.M | re.S)
for line in (m.group(1).split("\n") if m else []):
    mm = re.match(r"\s+(-[^ ,]+(?:, -[^ ,]+)*)", line)
    if mm:
        for o in mm.group(1).split(", "):
            opts_help.add(re.sub(r"=.*", "", o))
opts_man = set()
for t in tags(section("OPTIONS")):
    for o in re.findall(r"(\\-\\-[a-z-]*|\\-[A-Za-z])", t):
        opts_man.add(unescape(o))
report(f"OPTIONS describes every option of --help ({len(opts_help)}), and only those",
       opts_help - opts_man, opts_man - opts_help,
       "missing from the man page's OPTIONS section", "described but not in --help")

# Keys: the names of the key table (src/ui/keys.c), without a parenthesised note
# ("/ (detail focused)" is "/"); empty names are aliases help does not show.
src = open(keys_path, encoding="utf-8").read()
table = src[src.index("keys_table[]"):]
table = table[:table.index("};")]
names = set()
for m in re.finditer(r'\{\s*[^{}]*?,\s*ACT_\w+\s*,\s*[^,]+,\s*"((?:[^"\\]|\\.)*)"', table):
    n = re.sub(r"\s*\(.*\)$", "", m.group(1))
    if n:
        names.add(n)
keys_man = set()
for t in tags(section("KEYS")):
    for k in re.findall(r"\\fB(.*?)\\fR", t):
        keys_man.add(unescape(k))
report(f"KEYS names every key of the key table ({len(names)}), and only those",
       names - keys_man, keys_man - names,
       "keys of src/ui/keys.c missing from the man page's KEYS section",
       "keys in the man page that the key table does not have")

# Exit status: the man page gives the three statuses --help names.
ex = " ".join(section("EXIT STATUS"))
missing = [s for s in ("0", "1", "2") if f".B {s}" not in ex]
if "exit status: 0 found, 1 not found or no match, 2 usage or database error" not in helptext:
    print("FAIL: EXIT STATUS: --help's exit status line changed: check the man page against it")
elif missing:
    print("FAIL: EXIT STATUS: no entry for " + ", ".join(missing))
else:
    print("PASS: EXIT STATUS has 0, 1 and 2, as --help says")
PY

# Every EXAMPLES command runs (exit 0) — those without a redirection or a shell construct.
sed -n '/^\.SH EXAMPLES/,/^\.SH /p' "$MAN" | grep '^\.B httpstatus' | sed 's/^\.B httpstatus //; s/\\-/-/g; s/\\(dq/"/g' >"$TMPD/examples"
n=0 bad=
while IFS= read -r args; do
    case $args in *'>'*|*'<'*|*'|'*) continue ;; esac
    n=$((n + 1))
    eval "set -- $args"
    "$HS" "$@" </dev/null >/dev/null 2>"$TMPD/err" || bad="$bad [$args]"
done <"$TMPD/examples"
if [ -z "$bad" ] && [ $n -gt 0 ]; then pass "the EXAMPLES run ($n)"; else fail "EXAMPLES" "failed:$bad"; fi

if [ -f Makefile ] && make -n install DESTDIR=/x PREFIX=/p 2>/dev/null | grep -qF "src/httpstatus.1 /x/p/share/man/man1/httpstatus.1"; then
    pass "make install installs the man page in man1"
else
    fail "make install" "src/httpstatus.1 is not installed to \$(MANDIR)/man1"
fi
