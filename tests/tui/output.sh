#!/bin/sh
# tests/tui/output.sh — a frame reaches the terminal in one piece. Each keystroke is
# answered with one write(2), or a few: a frame larger than ncurses's output buffer (about
# 3.4 KB at 100x30) goes in two, and showing or hiding the cursor (the search prompt) is
# written at once by curs_set. Not a write per line the cursor moves to, as ncurses 6.4 does
# until the screen has once been suspended (src/ui/draw.c, draw_init): a search
# keystroke was 41 writes, each a wake-up of the terminal and a packet over ssh. The writes
# are counted with strace, between the reads of the keys; the last key (q) is not judged:
# ending restores the terminal in writes of its own.
# Run: sh tests/tui/output.sh (HS=path/to/httpstatus; needs strace, make deps-test).
. "$(dirname "$0")/lib.sh"

if ! command -v strace >/dev/null 2>&1; then
    fail "output: strace" "strace is not installed; this suite counts the program's writes with it (make deps-test)"
    exit 0
fi

LOG=$TUI_TMP/strace.log

# writes_per_key LOG: for every key read from standard input but the last, the number of
# writes to standard output before the next read; one number per line.
writes_per_key() {
    awk '
        / read\(0, / { if (reads++ > 0) print n; n = 0; next }
        / write\(1, / { n++ }
    ' "$1"
}

# judge NAME: every key answered with at most 3 writes, and at least 3 keys answered at
# all (so that a log without writes cannot pass).
judge() {
    counts=$(writes_per_key "$LOG" | tr '\n' ' ')
    most=$(writes_per_key "$LOG" | sort -n | tail -1)
    some=$(writes_per_key "$LOG" | awk '$1 > 0 { n++ } END { print n + 0 }')
    if [ -n "$most" ] && [ "$most" -le 3 ] && [ "$some" -ge 3 ]; then
        pass "$1 (writes per key: $counts)"
    else
        fail "$1" "writes per key: $counts (at most 3 expected, and at least 3 keys answered)"
    fi
}

# press KEY: send it and wait until the screen is no longer what it was.
press() {
    cap
    _before=$SCREEN
    keys "$1"
    wait_until '[ "$SCREEN" != "$_before" ]' >/dev/null
}

# ---- the browser: live search, moving, opening a page ---------------------------------
rm -f "$LOG"
tui_launch "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color strace -f -qq -e trace=read,write -e signal=none -o '$LOG' '$HS'"
wait_for 'httpstatus' >/dev/null
keys /
wait_for 'search:' >/dev/null
type_text c
wait_until 'title_has hits' >/dev/null
type_text a
wait_until 'has "ca"' >/dev/null
type_text p
wait_until 'title_has hits && has "cap"' >/dev/null
keys Escape
wait_until 'title_has codes' >/dev/null
press j
press Tab
keys q
wait_until '[ "$DEAD" = 1 ]' >/dev/null
judge "output: browser: each key's frame in one write"

# ---- a full-screen command (the quiz) --------------------------------------------------
rm -f "$LOG"
tui_launch "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME='$TUI_TMP/state' strace -f -qq -e trace=read,write -e signal=none -o '$LOG' '$HS' quiz --seed 1"
wait_for 'quiz:' >/dev/null
press 1
press Enter
press 2
press q
keys q
wait_until '[ "$DEAD" = 1 ]' >/dev/null
judge "output: quiz: each key's frame in one write"
