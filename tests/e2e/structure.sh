. "$(dirname "$0")/../lib.sh"
# tests/e2e/structure.sh — the layering the README's "Source layout" states, checked on the
# tree: SQLite only in the data layer (src/data_*.c) and the progress store (src/progress.c),
# curses only in src/ui/, no circle of includes between the files of src/ui/, and the top
# level of the repository holds only its fixed names.

# ---- SQLite and curses: who may include them ------------------------------------------------------
sqlite_users=$(grep -lE '^#include <sqlite3\.h>' src/*.c src/*.h src/ui/*.c src/ui/*.h 2>/dev/null |
    grep -vE '^src/(data_[a-z_]+\.c|data_int\.h|progress\.c)$')
if [ -z "$sqlite_users" ]; then pass "structure: only src/data_*.c and src/progress.c include sqlite3.h"; else
    fail "structure: only src/data_*.c and src/progress.c include sqlite3.h" "also: $sqlite_users"; fi
curses_users=$(grep -lE '^#include <(n?curses|term)\.h>' src/*.c src/*.h 2>/dev/null)
if [ -z "$curses_users" ]; then pass "structure: curses only in src/ui/"; else
    fail "structure: curses only in src/ui/" "also: $curses_users"; fi
# The text and data layers never reach up into the command line or the browser.
up=$(grep -lE '^#include "(cli|cli_int|ui/[a-z_]+)\.h"' src/text.c src/util.c src/query.c src/doc.c src/compare.c \
    src/data_*.c 2>/dev/null)
if [ -z "$up" ]; then pass "structure: the text and data layers include neither the command line nor the browser"; else
    fail "structure: the text and data layers include neither the command line nor the browser" "$up"; fi

# ---- no circle between the files of src/ui/ -------------------------------------------------------
# A file depends on another when it uses a function or a table the other defines (read from
# the object files with nm, so calls through a header and extern tables both count). A
# circle would mean files that cannot be understood or changed one at a time.
if ! command -v nm >/dev/null 2>&1 || ! ls build/src/ui/*.o >/dev/null 2>&1; then
    fail "structure: no circle between the files of src/ui/" "nm or build/src/ui/*.o missing (make httpstatus)"
else
    for o in build/src/ui/*.o; do
        nm "$o" | awk -v f="$(basename "$o" .o)" '$1 == "U" { print "U", f, $2 } NF == 3 && $2 ~ /^[TDRB]$/ { print "D", f, $3 }'
    done >"$TMPD/syms"
    cycles=$(python3 - "$TMPD/syms" <<'PY'
import sys
sys.setrecursionlimit(10000)
defined, uses = {}, {}
for line in open(sys.argv[1]):
    k, f, sym = line.split()
    if k == "D":
        defined[sym] = f
    else:
        uses.setdefault(f, set()).add(sym)
deps = {f: {defined[s] for s in syms if s in defined and defined[s] != f} for f, syms in uses.items()}
state, stack, found = {}, [], []
def walk(u):
    state[u] = 1
    stack.append(u)
    for v in sorted(deps.get(u, ())):
        if state.get(v) == 1:
            found.append(" -> ".join(stack[stack.index(v):] + [v]))
        elif not state.get(v):
            walk(v)
    stack.pop()
    state[u] = 2
for f in sorted(deps):
    if not state.get(f):
        walk(f)
print("; ".join(found))
PY
)
    if [ -z "$cycles" ]; then pass "structure: no circle between the files of src/ui/ (calls and tables, from nm)"; else
        fail "structure: no circle between the files of src/ui/" "$cycles"; fi
fi

# ---- the top level ----------------------------------------------------------------------------------
if command -v git >/dev/null 2>&1 && git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    extra=$(git ls-files | sed 's|/.*||' | sort -u |
        grep -vxE 'src|db|assets|tests|Makefile|README\.md|\.ci|\.gitignore')
    if [ -z "$extra" ]; then pass "structure: the top level holds only src db assets tests Makefile README.md .ci .gitignore"; else
        fail "structure: the top level holds only its fixed names" "also: $(echo $extra)"; fi
fi
exit 0
