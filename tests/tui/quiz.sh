#!/bin/sh
# tests/tui/quiz.sh — `httpstatus quiz` on a terminal: a full-screen round within a frame
# at 60x20, answers by letter, digit and arrows + Enter, right and wrong feedback with the
# reasons, q for the score so far, the result left in plain text after the screen closes,
# answers saved, resizing, ASCII frames, hostile database text, and the terminal restored
# after a signal. Run: sh tests/tui/quiz.sh (HS=path/to/httpstatus).
. "$(dirname "$0")/lib.sh"

STATE=$TUI_TMP/state/progress.db

# quiz_start ARGS [W H] [ENV]: the quiz in a W x H pane (default 60 x 20); its exit status
# goes to a file (exit_status reads it). The shell stays a while after the program, so
# tmux reads the program's last lines before the pane dies.
quiz_start() {
    _rc=$TUI_TMP/rc.$((TUI_N + 1))
    tui_launch "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME='$TUI_TMP/xdg' $4 '$HS' quiz --state '$STATE' $1; echo \$? >'$_rc'; exec sleep 30" "${2:-60}" "${3:-20}"
    TUI_RC=$_rc
    wait_for 'quiz: ' || true
}

# after_exit NAME TEXT: the pane shows TEXT after the program ended (tmux may mark the pane
# dead before it has read the last output, so this keeps looking for a while).
after_exit() {
    _n=100
    while [ $_n -gt 0 ]; do
        cap
        if has "$2"; then pass "$1"; return; fi
        _n=$((_n - 1))
        sleep 0.05
    done
    fail_screen "$1" "the screen never showed '$2'"
}

# The answer key for a seed (the --json paper quiz): "LETTER CODE" per question.
key() {
    "$HS" quiz --seed "$1" --count "$2" --json | python3 -c '
import json, sys
for q in json.load(sys.stdin)["questions"]:
    print(q["answer"], q["answer_code"])'
}
key 31 4 >"$TUI_TMP/key"
right1=$(sed -n 1p "$TUI_TMP/key" | cut -d' ' -f1)
right2=$(sed -n 2p "$TUI_TMP/key" | cut -d' ' -f1)
wrong2_digit=$(( ( $(printf '%d' "'$right2") - 97 + 1 ) % 4 + 1 ))
right3=$(sed -n 3p "$TUI_TMP/key" | cut -d' ' -f1)

# ---- a round at 60x20 ------------------------------------------------------------------------------
quiz_start "--seed 31 --count 4"
ok "quiz: a frame at 60x20" 'row 1 | grep -q "^┌─ quiz" && row 1 | grep -q "┐$" && row 20 | grep -q "^└─" && row 10 | grep -q "^│.*│$"' \
    'no frame: first row "$(row 1)", last row "$(row 20)"'
check "quiz: the title counts questions" "question 1/4"
check "quiz: key hints on the bottom line" "a-d/1-4 answer"
check "quiz: four options" "d) "
ok "quiz: the first option is highlighted" 'reverse_in_row "$(printf "%s\n" "$SCREEN" | grep -n "│ a) " | head -n 1 | cut -d: -f1)" | grep -q "a) "' \
    'no reverse-video "a)" row'

keys "$right1"
check "letter: the right answer is praised" "Right: $right1)"
check "letter: why it is right" "Why: "
check "letter: the score in the title" "score 1/1"
check "letter: Enter goes on" "Enter next"
keys Enter
check "next: question 2" "question 2/4"

keys "$wrong2_digit"
check "digit: a wrong answer says so" "Wrong: the answer is $right2)"
ok "digit: why the chosen one is wrong" 'has "Not that one: " || has "more"' 'neither the reason nor a "more" hint'
# A long explanation scrolls.
keys Down Down Down
ok "digit: Down scrolls the explanation" 'has "Not that one: " || has "differ"' 'the reason never came into view'
check "digit: score 1/2" "score 1/2"
keys Enter
check "next: question 3" "question 3/4"

# Arrows + Enter: move the highlight to the right option and answer it.
idx=$(( $(printf '%d' "'$right3") - 97 ))
i=0
while [ $i -lt $idx ]; do
    keys Down
    i=$((i + 1))
done
ok "arrows: the highlight moved" 'reverse_in_row "$(printf "%s\n" "$SCREEN" | grep -n "│ $right3) " | head -n 1 | cut -d: -f1)" | grep -q "$right3) "' \
    'option $right3 is not highlighted'
keys Enter
check "arrows: Enter answers the highlighted option" "Right: $right3)"
keys Enter
check "next: question 4" "question 4/4"

# q: the score so far.
keys q
check "q: the score page" "Score: 2/3"
check "q: says where it stopped" "Stopped after 3 of 4 questions."
check "q: the codes to review" "To review:"
check "q: the seed to share" "Seed 31: the same seed gives the same quiz."
keys q
ok "q again: the program ends" '[ -s "$TUI_RC" ]' 'it did not end'
if [ "$(exit_status)" = "status 0" ]; then pass "q again: exit 0"; else fail_screen "q again: exit 0" "$(exit_status)"; fi
after_exit "after the screen: the score stays in plain text" "score: 2/3"
ok "after the screen: the frame is gone" '! has "┌─"' 'the frame is still on the screen'
n=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from answers').fetchone()[0])" "$STATE")
if [ "$n" = 3 ]; then pass "saved: the three answers are in the progress file"; else fail "saved: the three answers are in the progress file" "$n"; fi

# ---- the whole quiz to the end --------------------------------------------------------------------
quiz_start "--seed 31 --count 2"
keys "$right1"
check "end: answered" "Right: "
keys Enter "$right2"
check "end: second answered" "score 2/2"
keys Enter
check "end: the score page after the last question" "Score: 2/2"
check "end: nothing to review" "Nothing to review."
keys Enter
ok "end: Enter leaves" '[ -s "$TUI_RC" ]' 'it did not end'
after_exit "end: plain score" "score: 2/2"

# ---- sizes ----------------------------------------------------------------------------------------------
quiz_start "--seed 31 --count 4" 100 30
ok "100x30: the frame spans the pane" 'row 1 | grep -q "┐$" && row 30 | grep -q "^└─ .*┘$"' 'no full frame'
tui_resize 60 20
ok "resize to 60x20: redrawn" 'row 20 | grep -q "^└─" && row 1 | grep -q "┐$" && has "question 1/4"' 'not redrawn at 60x20'
tui_resize 25 6
check "too small: says so" "The quiz needs"
tui_resize 60 20
ok "back to 60x20: the question again" 'has "question 1/4" && has "a) "' 'not redrawn'
keys q q
ok "sizes: ends" '[ -s "$TUI_RC" ]' 'it did not end'

# ---- ASCII (a terminal without UTF-8) --------------------------------------------------------------------
_rc=$TUI_TMP/rc.ascii
tui_launch "env LANG=C LC_ALL=C TERM=xterm-256color '$HS' quiz --state '$STATE' --seed 31 --count 2; echo \$? >'$_rc'; exec sleep 30" 60 20
TUI_RC=$_rc
check "ascii: starts" "quiz: question 1/2"
ok "ascii: an ASCII frame" 'row 1 | grep -q "^+- quiz" && row 20 | grep -q "^+-.*+$"' 'frame: "$(row 1)"'
keys "$right1"
ok "ascii: ASCII marks" 'has "+ $right1)"' 'no "+ $right1)" mark'
keys q q
ok "ascii: ends" '[ -s "$TUI_RC" ]' 'it did not end'

# ---- hostile database text --------------------------------------------------------------------------------
if python3 - db/httpstatus.db "$TUI_TMP/evil.db" <<'EOF'
import shutil, sqlite3, sys
shutil.copy(sys.argv[1], sys.argv[2])
c = sqlite3.connect(sys.argv[2])
evil = "\x1b[2J\x1b]0;pwned\x07\x1b[31mEVIL\u202e\u200b"
c.execute("UPDATE codes SET summary = ? || summary WHERE class = 4", (evil,))
c.execute("UPDATE related SET reason = ? || reason", (evil,))
c.execute("UPDATE groups SET title = ? || title", (evil,))
c.commit()
EOF
then
    quiz_start "--db '$TUI_TMP/evil.db' --kind meaning --seed 4 --count 3 404 410 400"
    ok "hostile text: the frame is intact" 'row 1 | grep -q "^┌─ quiz" && row 20 | grep -q "^└─" && has "EVIL"' \
        'the screen was disturbed: first row "$(row 1)"'
    cap_attrs
    if grep -q "$(printf '\033')]0;" "$TUI_TMP/screen.e"; then fail "hostile text: no OSC reaches the pane" "found"; else pass "hostile text: no OSC reaches the pane"; fi
    keys b
    ok "hostile text: feedback intact" 'row 1 | grep -q "^┌─ quiz" && (has "Right:" || has "Wrong:")' 'feedback disturbed'
    keys q q
else
    fail "hostile text" "could not make the fixture"
fi

# ---- a signal restores the terminal -------------------------------------------------------------------------
cat >"$TUI_TMP/wrap.sh" <<'EOF'
D=$1
stty -g >"$D/before"
sh -c 'echo $$ >"$1"; exec "$2" quiz --state "$3" --seed 31 --count 4' sh "$D/pid" "$2" "$3"
echo "rc=$?"
stty -g >"$D/after"
echo RESTORED
exec cat >/dev/null
EOF
d=$TUI_TMP/sig
mkdir -p "$d"
tui_launch "env LANG=C.UTF-8 TERM=xterm-256color sh '$TUI_TMP/wrap.sh' '$d' '$HS' '$STATE'" 60 20
if wait_until 'has "question 1/4" && [ -s "$d/pid" ]'; then
    kill -s INT "$(cat "$d/pid")"
    ok "SIGINT: the program ends" 'has RESTORED' 'no RESTORED'
    check "SIGINT: exit 130" "rc=130"
    if cmp -s "$d/before" "$d/after"; then pass "SIGINT: stty settings restored"; else fail "SIGINT: stty settings restored" "differ"; fi
    ok "SIGINT: the frame is gone" '! has "┌─"' 'the frame is still there'
else
    fail_screen "SIGINT: the quiz starts" "no quiz on the screen"
fi

# ---- flashcards on a terminal ------------------------------------------------------------------------------
L=$TUI_TMP/learn.db
_rc=$TUI_TMP/rc.learn
tui_launch "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color '$HS' learn 404 410 --state '$L'; echo \$? >'$_rc'; exec sleep 30" 60 20
TUI_RC=$_rc
check "learn: a frame" "flashcards: card 1 of at most 20"
ok "learn: the first card shows a code" 'has "│ 404 " && has "What does it mean?" && ! has "Not Found"' 'no card 404, or the answer shows already'
keys Space
check "learn: Space shows the answer" "404 Not Found"
check "learn: asks for a grade" "How well did you know it?"
keys 1
check "learn: again" "again: it comes back in a few cards"
ok "learn: the next card" 'has "│ 410 " && has "card 2 of"' 'no card 410'
keys Space 3
check "learn: good" "good: next in box 2"
ok "learn: the missed card comes back" 'has "│ 404 " && has "card 3 of"' 'card 404 did not come back'
keys Space 3
check "learn: the round ends when nothing is left" "Reviewed 3 cards: 1 again, 0 hard, 2 good, 0 easy."
check "learn: nothing more due" "Nothing more is due for now."
keys q
ok "learn: q leaves" '[ -s "$TUI_RC" ]' 'it did not end'
if [ "$(exit_status)" = "status 0" ]; then pass "learn: exit 0"; else fail_screen "learn: exit 0" "$(exit_status)"; fi
after_exit "learn: the summary stays in plain text" "reviewed 3 cards: 1 again, 0 hard, 2 good, 0 easy"
n=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('select count(*) from cards').fetchone()[0])" "$L")
if [ "$n" = 2 ]; then pass "learn: two cards saved"; else fail "learn: two cards saved" "$n"; fi

# ---- in the browser: Q and L on the selected code's group -------------------------------------------------
B=$TUI_TMP/bxdg
hs_start XDG_STATE_HOME="$B"
wait_until 'title_has codes' >/dev/null
type_text 301
ok "browser: 301 selected" 'detail_title_is "301 Moved Permanently"' 'detail shows "$(detail_title)"'
keys Q
check "browser Q: the quiz overlay" "httpstatus — quiz"
ok "browser Q: a question within a frame" 'row 2 | grep -q "^┌─ quiz: question 1/10" && row 2 | grep -q "┐$" && row 29 | grep -q "^└─.*┘$"' \
    'no frame: row 2 "$(row 2)", row 29 "$(row 29)"'
check "browser Q: on the redirects group" "Redirects: permanent or temporary"
keys a
ok "browser Q: answered" 'has "Right:" || has "Wrong:"' 'no feedback'
check "browser Q: scored" "score "
keys Enter
check "browser Q: the next question" "question 2/10"
keys q
check "browser Q: q shows the score so far" "Score: "
keys q
ok "browser Q: q again returns to the browser" 'title_has codes && ! has "┌─ quiz"' 'still in the quiz'
keys L
check "browser L: the flashcard overlay" "httpstatus — flashcards"
ok "browser L: a card within a frame" 'row 2 | grep -q "^┌─ flashcards: card 1" && has "What does it mean?"' 'no card'
keys Space 4
check "browser L: graded" "easy: next in box"
keys q q
ok "browser L: back to the browser" 'title_has codes && ! has "flashcards"' 'still in the flashcards'
n=$(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute(\"select count(*) from answers where kind <> 'card'\").fetchone()[0], c.execute('select count(*) from cards').fetchone()[0])" "$B/httpstatus/progress.db")
if [ "$n" = "1 1" ]; then pass "browser: the answer and the card are saved"; else fail "browser: the answer and the card are saved" "$n"; fi
# A class heading: the quiz is on that class.
type_text 100
ok "browser: 100 selected" 'detail_title_is "100 Continue"' 'detail shows "$(detail_title)"'
keys k
ok "browser: the 1xx heading" 'detail_part | grep -q "Informational"' 'not on the 1xx heading: $(detail_title)'
keys Q
check "browser Q on a class: on the class" "the 1xx class"
keys q q q
ok "browser: quits" '[ "$DEAD" = 1 ] || [ -s "$TUI_RC" ]' 'did not quit'

# At 60x20 the browser's quiz is still legible within its frame.
hs_start XDG_STATE_HOME="$B"
tui_resize 60 20
type_text 404
keys Q
ok "browser 60x20: the quiz frame fits" 'row 2 | grep -q "^┌─ quiz" && row 19 | grep -q "^└─" && has "a) " && has "d) "' \
    'row 2 "$(row 2)", row 19 "$(row 19)"'
keys q q q
