. "$(dirname "$0")/../lib.sh"
# tests/e2e/classroom.sh — httpstatus quiz, learn and progress through their line protocol:
# the paper quiz (--json), the same seed giving the same quiz, right and wrong answers with
# their explanations, the score line, input ending early, answers by letter, digit and code,
# every kind, usage errors, flashcards coming due, and hostile database text that must
# never reach the terminal. Run from the repository root: sh tests/e2e/classroom.sh.

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

if ! command -v python3 >/dev/null 2>&1; then
    fail "python3" "python3 is needed to read the answer keys (make deps-test)"
    exit 0
fi
# Every quiz here keeps its progress in the test directory, never in the user's.
STATE=$TMPD/state/progress.db
export XDG_STATE_HOME=$TMPD/xdg

# feed NAME INPUT ARGS...: run the quiz with INPUT (printf format) on stdin
feed() {
    _input=$1
    shift
    # shellcheck disable=SC2059
    printf "$_input" | "$HS" quiz --state "$STATE" "$@" >"$TMPD/out" 2>"$TMPD/err"
    RC=$?
}

# answers KEYFILE MODE: the answer lines for a --json key: MODE right (letters), wrong
# (a wrong letter), code (the right code), digit (the right digit)
answers() {
    python3 - "$1" "$2" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
for q in d["questions"]:
    k = "abcd".index(q["answer"])
    m = sys.argv[2]
    if m == "right": print(q["answer"])
    elif m == "wrong": print("abcd"[(k + 1) % 4])
    elif m == "code": print("%03d" % q["answer_code"])
    elif m == "digit": print(k + 1)
EOF
}

# last_line_is NAME TEXT: the last line of stdout is exactly TEXT
last_line_is() {
    got=$(tail -n 1 "$TMPD/out")
    if [ "$got" = "$2" ]; then pass "$1"; else fail "$1" "last line is '$got', expected '$2'"; fi
}

# count_lines NAME PATTERN WANT: lines of stdout matching the regular expression
count_lines() {
    got=$(grep -cE -- "$2" "$TMPD/out")
    if [ "$got" = "$3" ]; then pass "$1"; else fail "$1" "$got lines match '$2', expected $3"; fi
}

# ---- the paper quiz (--json) -----------------------------------------------------------------

run "$HS" quiz --seed 2024 --count 8 --json
expect_rc "json: exit 0" 0
expect_json "json: valid JSON"
cp "$TMPD/out" "$TMPD/key.json"
if python3 - "$TMPD/key.json" <<'EOF'; then pass "json: 8 questions, 4 distinct options, the answer among them"; else fail "json: shape" "see above"; fi
import json, sys
d = json.load(open(sys.argv[1]))
assert d["seed"] == 2024 and d["count"] == 8 and d["kind"] == "mixed", d
qs = d["questions"]
assert len(qs) == 8, len(qs)
for q in qs:
    codes = [o["code"] for o in q["options"]]
    assert len(set(codes)) == 4, q
    assert [o["letter"] for o in q["options"]] == list("abcd")
    right = [o for o in q["options"] if o["letter"] == q["answer"]][0]
    assert right["code"] == q["answer_code"] and right["why_not"] is None, q
    for o in q["options"]:
        if o is not right:
            assert o["why_not"], q
    assert q["why"] and q["question"] and q["kind"] in ("meaning", "code", "scenario", "compare"), q
EOF
run "$HS" quiz --seed 2024 --count 8 --json
if cmp -s "$TMPD/out" "$TMPD/key.json"; then pass "json: same seed, same quiz"; else fail "json: same seed, same quiz" "outputs differ"; fi
run "$HS" quiz --seed 2025 --count 8 --json
if cmp -s "$TMPD/out" "$TMPD/key.json"; then fail "json: another seed, another quiz" "identical"; else pass "json: another seed, another quiz"; fi
# --json reads nothing: with a standard input that never ends (a FIFO this shell holds
# open for writing), it still finishes at once.
mkfifo "$TMPD/fifo"
exec 3<>"$TMPD/fifo"
if timeout 4 "$HS" quiz --seed 1 --count 3 --json <&3 >/dev/null 2>&1; then
    pass "json: does not read standard input"
else
    fail "json: does not read standard input" "it waited for input"
fi
exec 3>&-
if [ ! -e "$STATE" ]; then pass "json: records no progress"; else fail "json: records no progress" "$STATE exists"; fi

# ---- the line protocol ------------------------------------------------------------------------

answers "$TMPD/key.json" right >"$TMPD/in"
"$HS" quiz --state "$STATE" --seed 2024 --count 8 <"$TMPD/in" >"$TMPD/out" 2>"$TMPD/err"
RC=$?
expect_rc "all right: exit 0" 0
last_line_is "all right: score 8/8 last" "score: 8/8"
count_lines "all right: 8 'right:' lines" '^right: ' 8
count_lines "all right: a 'why:' line each" '^why: ' 8
count_lines "all right: 8 questions shown" '^question [0-9]+/8 ' 8
expect_no_out "all right: nothing to review" "review:"
expect_out "all right: the seed is shown" "seed 2024"
if [ -s "$TMPD/err" ]; then fail "all right: nothing on stderr" "$(head -c 300 "$TMPD/err")"; else pass "all right: nothing on stderr"; fi

answers "$TMPD/key.json" wrong >"$TMPD/in"
"$HS" quiz --state "$STATE" --seed 2024 --count 8 <"$TMPD/in" >"$TMPD/out" 2>"$TMPD/err"
last_line_is "all wrong: score 0/8 last" "score: 0/8"
count_lines "all wrong: 8 'wrong:' lines naming the answer" '^wrong: the answer is [a-d]\) [0-9]{3} ' 8
count_lines "all wrong: 8 reasons for the chosen option" '^not that one: [0-9]{3} ' 8
expect_out "all wrong: codes to review" "review: "
# The reason shown is the one the key gives for the option chosen.
if python3 - "$TMPD/key.json" "$TMPD/out" <<'EOF'; then pass "all wrong: the chosen option's own reason"; else fail "all wrong: the chosen option's own reason" "see above"; fi
import json, sys
d = json.load(open(sys.argv[1]))
out = open(sys.argv[2]).read()
# Compared without any white space: wrapping may break a line after a hyphen.
flat = "".join(out.split())
for q in d["questions"]:
    k = "abcd".index(q["answer"])
    chosen = q["options"][(k + 1) % 4]
    assert "".join(chosen["why_not"].split()) in flat, chosen["why_not"]
    assert "".join(q["why"].split()) in flat, q["why"]
EOF

answers "$TMPD/key.json" code >"$TMPD/in"
"$HS" quiz --state "$STATE" --seed 2024 --count 8 <"$TMPD/in" >"$TMPD/out" 2>"$TMPD/err"
last_line_is "answers by code: 8/8" "score: 8/8"
answers "$TMPD/key.json" digit >"$TMPD/in"
"$HS" quiz --state "$STATE" --seed 2024 --count 8 <"$TMPD/in" >"$TMPD/out" 2>"$TMPD/err"
last_line_is "answers by digit: 8/8" "score: 8/8"

# Input that ends after two answers: the score so far.
answers "$TMPD/key.json" right | head -n 2 >"$TMPD/in"
"$HS" quiz --state "$STATE" --seed 2024 --count 8 <"$TMPD/in" >"$TMPD/out" 2>"$TMPD/err"
RC=$?
expect_rc "early end: exit 0" 0
last_line_is "early end: score so far" "score: 2/2"
expect_out "early end: says where it stopped" "stopped after 2 of 8 questions"
# No input at all.
feed "" --seed 2024 --count 3
last_line_is "no input: score 0/0" "score: 0/0"
# q stops like the end of input.
feed "a\nq\nb\n" --seed 2024 --count 3
if tail -n 1 "$TMPD/out" | grep -qE '^score: [01]/1$'; then pass "q stops"; else fail "q stops" "last line: $(tail -n 1 "$TMPD/out")"; fi

# Lines that are no answer are asked again and do not count.
first=$(answers "$TMPD/key.json" right | head -n 1)
feed "zz\n\n7\ne\n999\n$first\n" --seed 2024 --count 1
last_line_is "not an answer: asked again" "score: 1/1"
count_lines "not an answer: one hint per bad line" '^answer with a letter a-d' 5

# ---- every kind ------------------------------------------------------------------------------------

for kind in meaning code compare mixed; do
    run "$HS" quiz --kind "$kind" --seed 3 --count 6 --json
    expect_rc "kind $kind: exit 0" 0
    if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); k=sys.argv[2]; assert len(d['questions'])==6; assert all(q['kind']==k for q in d['questions']) or k=='mixed'" "$TMPD/out" "$kind"; then
        pass "kind $kind: six questions of that kind"
    else
        fail "kind $kind: six questions of that kind" "$(head -c 200 "$TMPD/out")"
    fi
done
run "$HS" quiz --kind meaning --seed 3 --count 2 --json
expect_out "meaning: asks what a code means" "What does "
run "$HS" quiz --kind code --seed 3 --count 2 --json
expect_out "code: asks which code" "Which code means: "
run "$HS" quiz redirects --kind compare --seed 3 --count 5 --json
if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert all(q['answer_code'] in (301,302,303,307,308) and q['note'].startswith('Redirects') for q in d['questions'])" "$TMPD/out"; then
    pass "compare: questions about the group asked for"
else
    fail "compare: questions about the group asked for" "$(head -c 300 "$TMPD/out")"
fi
run "$HS" quiz 4xx --kind meaning --seed 3 --count 10 --json
if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert all(400 <= q['answer_code'] < 500 for q in d['questions'])" "$TMPD/out"; then
    pass "selection: a class"
else
    fail "selection: a class" "$(head -c 300 "$TMPD/out")"
fi
run "$HS" quiz 404 410 --kind code --seed 3 --count 4 --json
if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert sorted({q['answer_code'] for q in d['questions']}) == [404, 410]" "$TMPD/out"; then
    pass "selection: codes (asked again when count is larger)"
else
    fail "selection: codes (asked again when count is larger)" "$(head -c 300 "$TMPD/out")"
fi

run "$HS" quiz --kind scenario --seed 3 --count 5 --json
if [ "$RC" = 0 ]; then
    expect_json "scenario: valid JSON"
    expect_out "scenario: asks which code to send" "Which code should the server send?"
else
    echo "SKIP: scenario questions from the bundled database (it has no scenarios yet)"
fi

# ---- usage errors ------------------------------------------------------------------------------------

# usage NAME ARGS...: exit 2, one stderr line, nothing on stdout
usage() {
    n=$1
    shift
    run "$HS" "$@"
    expect_rc "$n: exit 2" 2
    expect_one_err_line "$n: one stderr line"
    if [ -s "$TMPD/out" ]; then fail "$n: no stdout" "$(head -c 200 "$TMPD/out")"; else pass "$n: no stdout"; fi
}
usage "unknown kind" quiz --kind riddles
expect_err "unknown kind: lists the kinds" "meaning, code, scenario, compare or mixed"
usage "count 0" quiz --count 0
usage "count not a number" quiz --count ten
usage "count too large" quiz --count 501
usage "count without value" quiz --count
usage "seed not a number" quiz --seed -5
usage "seed too large" quiz --seed 99999999999999999999
usage "unknown code" quiz 299
expect_err "unknown code: names it" "'299'"
usage "unknown group" quiz redirectz
expect_err "unknown group: lists the groups" "redirects"
usage "not a class" quiz 7xx
usage "unknown option" quiz --frobnicate
usage "reset outside progress" quiz --reset
usage "seed for learn" learn --seed 3
usage "progress takes no codes" progress 404
usage "learn has no json" learn --json

run "$HS" quiz --help
expect_rc "help: exit 0" 0
expect_out "help: exit statuses documented" "exit status: 0"
expect_out "help: usage errors are 2" "2 usage error"
expect_out "help: the score line" "score: N/M"
expect_out "help: the kinds" "--kind KIND"
run "$HS" --help
expect_out "main help: mentions quiz" "httpstatus quiz"

# The other commands are untouched by the classroom ones.
run "$HS" 404
expect_rc "lookup still works" 0
run "$HS" search quiz
if [ "$RC" = 0 ] || [ "$RC" = 1 ]; then pass "search for the word quiz is a search"; else fail "search for the word quiz is a search" "exit $RC"; fi

# ---- flashcards ------------------------------------------------------------------------------------

L=$TMPD/learn.db
NOW=1700000000
# Three new cards, all "good".
printf '\n3\n\n3\n\n3\n' | HTTPSTATUS_NOW=$NOW "$HS" learn 404 410 500 --state "$L" >"$TMPD/out" 2>"$TMPD/err"
RC=$?
expect_rc "learn: exit 0" 0
count_lines "learn: three cards shown" '^card [0-9]+$' 3
expect_out "learn: shows the code" "404: what does it mean?"
expect_out "learn: reveals the answer" "answer: 404 Not Found"
expect_out "learn: good climbs a box" "good: next in box 2"
expect_out "learn: round summary" "reviewed 3 cards: 0 again, 0 hard, 3 good, 0 easy"
# An hour later the other side of those cards is new: the meaning, asking for the code.
printf '\n3\n\n3\n\n3\n' | HTTPSTATUS_NOW=$((NOW + 3600)) "$HS" learn 404 410 500 --state "$L" >"$TMPD/out" 2>"$TMPD/err"
count_lines "learn: then the meaning side" '^which code is it\?$' 3
# Another hour later nothing is due.
HTTPSTATUS_NOW=$((NOW + 7200)) "$HS" learn 404 410 500 --state "$L" </dev/null >"$TMPD/out" 2>"$TMPD/err"
expect_out "learn: nothing due an hour later" "nothing is due"
count_lines "learn: no card shown" '^card ' 0
# Two days later all six are due again; the first is missed ("again") and comes back
# after three other cards.
printf '\n1\n\n3\n\n3\n\n3\n\n3\n\n3\n\n3\n\n3\n' | HTTPSTATUS_NOW=$((NOW + 2 * 86400)) "$HS" learn 404 410 500 --count 5 --state "$L" >"$TMPD/out" 2>"$TMPD/err"
expect_out "learn: due after two days" "flashcards: 6 due or new"
expect_out "learn: again puts it back in the round" "again: it comes back in a few cards"
count_lines "learn: --count 5 stops after five cards" '^card [0-9]+$' 5
if [ "$(grep -cxF '404: what does it mean?' "$TMPD/out")" = 2 ]; then
    pass "learn: the missed card came back in the round"
else
    fail "learn: the missed card came back in the round" "$(grep -E '^(card|[0-9]{3}:)' "$TMPD/out" | tr '\n' ' ')"
fi
# Answer words work as well as digits; a bad grade is asked again.
printf '\nperfect\neasy\n' | HTTPSTATUS_NOW=$((NOW + 30 * 86400)) "$HS" learn 404 --count 1 --state "$L" >"$TMPD/out" 2>"$TMPD/err"
expect_out "learn: grade words" "easy: next in box"
count_lines "learn: a bad grade is asked again" '^how well did you know it' 2

# ---- progress ------------------------------------------------------------------------------------

run "$HS" progress --state "$L" --json
expect_rc "progress json: exit 0" 0
expect_json "progress json: valid"
if python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d['file'] == sys.argv[2], d['file']
assert d['cards'] >= 3, d
c4 = [c for c in d['classes'] if c['class'] == '4xx'][0]
assert c4['seen'] >= 2, c4
assert set(['mastered', 'due', 'weak', 'quizzes']) <= set(d)
" "$TMPD/out" "$L"; then pass "progress json: cards by class"; else fail "progress json: cards by class" "$(head -c 400 "$TMPD/out")"; fi
run "$HS" progress --state "$STATE" --json
if python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
q = d['quizzes']
assert len(q) >= 5, q
assert q[0]['asked'] == 8 and q[0]['correct'] == 8 and q[0]['seed'] == 2024, q[0]
assert q[1]['correct'] == 0, q[1]
assert d['answers'] >= 35, d['answers']
" "$TMPD/out"; then pass "progress json: quiz scores over time"; else fail "progress json: quiz scores over time" "$(head -c 400 "$TMPD/out")"; fi
answers "$TMPD/key.json" wrong >"$TMPD/in"
"$HS" quiz --state "$TMPD/weak.db" --seed 2024 --count 8 <"$TMPD/in" >/dev/null 2>&1
run "$HS" progress --state "$TMPD/weak.db" --json
if python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
key = json.load(open(sys.argv[2]))
assert set(d['weak']) == {q['answer_code'] for q in key['questions']}, (d['weak'], key)
assert d['quizzes'][0]['correct'] == 0
" "$TMPD/out" "$TMPD/key.json"; then pass "progress json: missed codes are weak"; else fail "progress json: missed codes are weak" "$(head -c 400 "$TMPD/out")"; fi
run "$HS" progress --state "$STATE"
expect_out "progress: table by class" "class  codes  seen  mastered  due  weak"
expect_out "progress: quiz scores" "quiz scores, oldest first:"
expect_out "progress: a score line" "8/8"
run "$HS" progress --state "$TMPD/never/made.db"
expect_rc "progress: no file yet: exit 0" 0
expect_out "progress: no file yet" "nothing recorded yet"
if [ ! -e "$TMPD/never" ]; then pass "progress: reading makes no file"; else fail "progress: reading makes no file" "$TMPD/never exists"; fi

# ---- hostile text in the database never reaches the terminal ------------------------------------

if [ -f db/httpstatus.db ] && python3 - db/httpstatus.db "$TMPD/evil.db" <<'EOF'
import shutil, sqlite3, sys
shutil.copy(sys.argv[1], sys.argv[2])
c = sqlite3.connect(sys.argv[2])
evil = "\x1b]0;pwned\x07\x1b[2J\x1b[31mred\u202egnp.exe\u200b\x9b1m"
c.execute("UPDATE codes SET summary = ? || summary, phrase = phrase || ? WHERE code IN (404, 410, 400, 401)", (evil, evil))
c.execute("UPDATE related SET reason = ? || reason", (evil,))
c.execute("UPDATE groups SET title = ? || title", (evil,))
if c.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'scenarios'").fetchone()[0]:
    c.execute("UPDATE scenarios SET situation = ? || situation, why = ? || why", (evil, evil))
    c.execute("UPDATE scenario_codes SET reason = ? || reason", (evil,))
c.commit()
EOF
then
    for kind in meaning code compare scenario; do
        yes b | head -n 12 | "$HS" quiz --db "$TMPD/evil.db" --state "$STATE" --kind "$kind" --seed 9 --count 10 \
            404 410 400 401 4xx >"$TMPD/out" 2>"$TMPD/err"
        if [ "$kind" = scenario ] && ! grep -q '^question' "$TMPD/out"; then
            echo "SKIP: hostile scenario text (no scenarios in this database)"
            continue
        fi
        if python3 -c "
import sys
b = open(sys.argv[1], 'rb').read() + open(sys.argv[2], 'rb').read()
t = b.decode('utf-8')
bad = [c for c in t if (ord(c) < 32 and c != '\n') or 0x7f <= ord(c) < 0xa0 or c in '\u202e\u200b']
assert not bad, repr(bad[:5])
assert 'redgnp.exe' in t   # the printable text is there; controls and escape sequences are gone
" "$TMPD/out" "$TMPD/err"; then pass "hostile text ($kind): no control characters reach the terminal"; else fail "hostile text ($kind): no control characters reach the terminal" "see above"; fi
    done
    run "$HS" quiz --db "$TMPD/evil.db" --kind meaning --seed 9 --count 5 404 410 --json
    expect_json "hostile text: JSON stays valid"
    if python3 -c "
import sys
b = open(sys.argv[1], 'rb').read().decode('utf-8')
assert not [c for c in b if ord(c) < 32 and c != '\n' or c in '\u202e\u200b\x1b']
" "$TMPD/out"; then pass "hostile text: JSON carries no raw controls"; else fail "hostile text: JSON carries no raw controls" "$(head -c 200 "$TMPD/out")"; fi
else
    fail "hostile text" "could not make the fixture from db/httpstatus.db"
fi
