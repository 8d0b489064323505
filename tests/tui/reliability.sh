#!/bin/sh
# tests/tui/reliability.sh — the browser when its terminal misbehaves: the terminal goes away
# without a SIGHUP reaching the program (started with setsid, its pane killed), huge LINES
# and COLUMNS in the environment, a terminal that says it is huge, out of memory while
# setting up the screen, and an unknown TERM.
# Run: sh tests/tui/reliability.sh (HS=path/to/httpstatus; HS_PLAIN=a build without
# sanitizers for the memory-limit case, default ./httpstatus).
. "$(dirname "$0")/lib.sh"

# The memory limit case needs a build without sanitizers (they reserve terabytes of address
# space, so `ulimit -v` stops them before anything else).
HS_PLAIN=${HS_PLAIN:-$ROOT/httpstatus}

rss_kb() { awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null; }

# start_wrapped NAME SETUP ENV...: the browser in a new pane after the shell commands SETUP,
# with LANG=C.UTF-8 TERM=xterm-256color and ENV; its pid in $TUI_TMP/NAME.pid, "rc=N" on
# the screen when it ends; the pane stays open.
start_wrapped() {
    _name=$1
    _setup=$2
    shift 2
    cat >"$TUI_TMP/$_name.sh" <<EOF
$_setup
sh -c 'echo \$\$ >"$TUI_TMP/$_name.pid"; exec env LANG=C.UTF-8 TERM=xterm-256color $* "$HS"'
echo "rc=\$?"
exec cat >/dev/null
EOF
    rm -f "$TUI_TMP/$_name.pid"
    tui_launch "sh '$TUI_TMP/$_name.sh'"
    wait_until '[ -s "$TUI_TMP/$_name.pid" ]' >/dev/null
    PID=$(cat "$TUI_TMP/$_name.pid" 2>/dev/null)
}

# watch PID SECONDS LIMIT_KB: SECONDS of the process's life, killed (-9) as soon as it holds
# more than LIMIT_KB of memory. WATCH is then "killed at N kB", "gone" or "alive"; PEAK the
# most memory seen (kB).
watch() {
    WATCH=alive
    PEAK=0
    _t=$(($2 * 10))
    while [ "$_t" -gt 0 ]; do
        _r=$(rss_kb "$1")
        if [ -z "$_r" ]; then WATCH=gone; return; fi
        [ "$_r" -gt "$PEAK" ] && PEAK=$_r
        if [ "$_r" -gt "$3" ]; then
            kill -9 "$1" 2>/dev/null
            WATCH="killed at $_r kB"
            return
        fi
        sleep 0.1
        _t=$((_t - 1))
    done
}

LIMIT_KB=400000      # 400 MB: four times what the browser needs at its largest (1000x1000)

# ---- the terminal goes away without SIGHUP: end of input ends the program ------------------------
# Under setsid the pane is not the program's controlling terminal, so killing the pane sends
# it no SIGHUP: it only sees its input end (poll says POLLHUP, read returns 0). The browser
# and every full-screen command (the quiz, the flashcards, the slides) must end then, not
# spin on a terminal that is gone.
# gone_without_sighup NAME SHOWS ARGS...: run the program with ARGS under setsid, wait for
# SHOWS on the screen, kill the pane, and expect the process to end within 5 s.
gone_without_sighup() {
    _name=$1
    _shows=$2
    shift 2
    rm -f "$TUI_TMP/eof.pid"
    cat >"$TUI_TMP/eof.sh" <<EOF
echo \$\$ >"$TUI_TMP/eof.pid"
exec env LANG=C.UTF-8 TERM=xterm-256color XDG_STATE_HOME="$TUI_TMP/state" "$HS" $*
EOF
    tui_launch "setsid -w sh '$TUI_TMP/eof.sh'"
    if wait_until 'has "$_shows" && [ -s "$TUI_TMP/eof.pid" ]'; then
        pid=$(cat "$TUI_TMP/eof.pid")
        tm kill-pane -t "$S" 2>/dev/null
        n=0
        while kill -0 "$pid" 2>/dev/null && [ "$n" -lt 50 ]; do
            sleep 0.1
            n=$((n + 1))
        done
        if kill -0 "$pid" 2>/dev/null; then
            c0=$(cpu_ticks "$pid")
            sleep 1
            c1=$(cpu_ticks "$pid")
            kill -9 "$pid" 2>/dev/null
            fail "reliability: $_name ends when its terminal goes away without SIGHUP" \
                "still running 5 s after its pane was killed, using $((c1 - c0)) of 100 CPU ticks a second"
        else
            pass "reliability: $_name ends when its terminal goes away without SIGHUP (in $((n / 10)).$((n % 10)) s)"
        fi
    else
        fail_screen "reliability: $_name starts under setsid" "'$_shows' never showed"
    fi
}
gone_without_sighup "the browser" "q quit"
gone_without_sighup "the quiz" "quiz:" quiz --seed 1
gone_without_sighup "the flashcards" "flashcards:" learn
gone_without_sighup "the slides" "Redirects" present redirects

# ---- huge LINES and COLUMNS: the terminal's real size wins -----------------------------------------
start_wrapped env "" LINES=30000 COLUMNS=30000
watch "$PID" 3 "$LIMIT_KB"
case $WATCH in
alive) pass "reliability: LINES=30000 COLUMNS=30000: memory stays small (peak $((PEAK / 1024)) MB)" ;;
*) fail_screen "reliability: LINES=30000 COLUMNS=30000: memory stays small" "the browser was $WATCH (peak $PEAK kB)" ;;
esac
ok "reliability: LINES=30000 COLUMNS=30000: drawn for the real 100x30 (status line on row 30)" \
    'status_has "q quit" && title_has codes' 'the bottom line is "$(status_line | trim)"'
keys q
ok "reliability: ... and q quits with status 0" 'has "rc=0"' 'no "rc=0" after q'

start_wrapped env2 "" LINES=-5 COLUMNS=abc
ok "reliability: LINES=-5 COLUMNS=abc: the real size is used" 'status_has "q quit" && title_has codes' \
    'the bottom line is "$(status_line | trim)"'
keys q
wait_for "rc=" >/dev/null

# ---- a terminal that says it is 30000x30000: the screen is capped ---------------------------------
start_wrapped huge "stty rows 30000 cols 30000"
watch "$PID" 3 "$LIMIT_KB"
case $WATCH in
alive) pass "reliability: a 30000x30000 terminal: memory stays small (peak $((PEAK / 1024)) MB)" ;;
*) fail_screen "reliability: a 30000x30000 terminal: memory stays small" "the browser was $WATCH (peak $PEAK kB)" ;;
esac
keys q
ok "reliability: a 30000x30000 terminal: q quits with status 0" 'has "rc=0"' 'no "rc=0" after q'

# ---- out of memory setting up the screen: said so, not "TERM is unknown" --------------------------
if [ -x "$HS_PLAIN" ] && ! grep -q __asan_init "$HS_PLAIN" 2>/dev/null; then
    HS_SAVE=$HS
    HS=$HS_PLAIN
    start_wrapped oom "stty rows 1000 cols 1000; ulimit -v 60000"
    HS=$HS_SAVE
    wait_for "rc=" >/dev/null
    cap_joined
    if has "out of memory" && ! has "unknown" && has "rc=2"; then
        pass "reliability: out of memory setting up the screen says so (exit 2), not that TERM is unknown"
    else
        fail_screen "reliability: out of memory setting up the screen says so" "the message is not 'out of memory' with status 2"
    fi
else
    echo "NOTE: reliability: the memory-limit case needs a build without sanitizers ($HS_PLAIN); skipped"
fi

# ---- an unknown TERM is still called unknown ------------------------------------------------------
tui_launch "env LANG=C.UTF-8 TERM=no-such-terminal '$HS'; echo \"rc=\$?\"; exec cat >/dev/null"
wait_for "rc=" >/dev/null
cap_joined
if has "TERM" && has "unknown" && has "rc=2" && ! has "out of memory"; then
    pass "reliability: TERM=no-such-terminal says the terminal type is unknown (exit 2)"
else
    fail_screen "reliability: TERM=no-such-terminal says the terminal type is unknown" "no such message with status 2"
fi

exit 0
