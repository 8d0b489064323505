# tests/tui/lib.sh — tmux helpers for the TUI suites (tests/tui/*.sh). Source it first.
#
# Every suite gets a private tmux server (tmux -L hs-PID-NAME -f /dev/null) that is killed
# on exit. The program runs in a fixed-size pane with LANG=C.UTF-8 TERM=xterm-256color;
# the suite drives it with send-keys and reads the screen with capture-pane. Nothing waits
# with a fixed sleep: wait_for / wait_until re-capture every 50 ms until the screen shows
# what is expected or a timeout (5 s) passes. A FAIL line is followed by the screen, each
# line indented four spaces.
#
# After every capture:  SCREEN  the pane's text      DEAD  1 when the program has exited
# Helpers that read attributes (capture-pane -e) fill ATTRS: one line per run of cells
# with the same look, "ROW<TAB>COL<TAB>FLAGS<TAB>TEXT" (ROW 1-based, COL 0-based; FLAGS:
# R reverse, B bold, Y yellow background, C any colour).

ROOT=$(cd "$(dirname "$0")/../.." && pwd) || exit 2
cd "$ROOT" || exit 2
TUI_TMP=$(mktemp -d "${TMPDIR:-/tmp}/hs-tui.XXXXXX") || exit 2
TMPD=$TUI_TMP
. "$ROOT/tests/lib.sh"
case $HS in
/*) ;;
*) HS=$ROOT/${HS#./} ;;
esac

TUI_NAME=$(basename "$0" .sh)
TUI_SOCK=hs-$$-$TUI_NAME
TUI_W=100
TUI_H=30
SEP='│'          # the pane separator; '|' in ASCII mode
S=               # the current session (target of every helper)
TUI_N=0
SCREEN=
DEAD=0
ATTRS=

tm() { tmux -L "$TUI_SOCK" -f /dev/null "$@"; }

tui_cleanup() {
    tm kill-server >/dev/null 2>&1
    _sock="${TMUX_TMPDIR:-/tmp}/tmux-$(id -u)/$TUI_SOCK"
    [ -S "$_sock" ] && rm -f "$_sock"
    rm -rf "$TUI_TMP"
}
trap 'tui_cleanup' EXIT
trap 'exit 1' INT TERM HUP PIPE

if ! command -v tmux >/dev/null 2>&1; then
    fail "$TUI_NAME: tmux" "tmux is not installed; the TUI tests need it"
    exit 1
fi
if [ ! -x "$HS" ]; then
    fail "$TUI_NAME: binary" "$HS is missing; build it with 'make httpstatus'"
    exit 1
fi

# tui_launch CMD [W H]: a new session running the shell command CMD in a W x H pane
# (default 100 x 30); the pane stays after CMD ends (remain-on-exit), so DEAD can be read.
tui_launch() {
    _old=$S
    TUI_W=${2:-100}
    TUI_H=${3:-30}
    TUI_N=$((TUI_N + 1))
    S=s$TUI_N
    TUI_SHOWN_DEAD=
    TUI_RC=
    tm start-server \; set-option -g remain-on-exit on \; set-option -g status off \
        \; set-option -g default-size "${TUI_W}x${TUI_H}" \
        \; new-session -d -s "$S" -x "$TUI_W" -y "$TUI_H" -c "$TUI_TMP" "$1"
    # The old session goes only now: a server without sessions exits.
    [ -n "$_old" ] && tm kill-session -t "$_old" >/dev/null 2>&1
    return 0
}

# hs_start [VAR=VALUE...]: the browser with LANG=C.UTF-8 TERM=xterm-256color (the
# arguments are added to or override that environment), then wait for its first screen.
# Its exit status goes to a file (tmux itself does not always collect it).
hs_start() {
    _rc=$TUI_TMP/rc.$((TUI_N + 1))
    tui_launch "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color $* '$HS'; echo \$? >'$_rc'"
    TUI_RC=$_rc
    SEP='│'
    wait_for 'httpstatus' || true
}

# keys KEY...: tmux key names (j, Enter, Escape, BSpace, Up, C-u, Space ...)
keys() { tm send-keys -t "$S" "$@"; }
# type_text TEXT: the characters of TEXT, literally
type_text() { tm send-keys -t "$S" -l -- "$1"; }

tui_resize() {
    TUI_W=$1
    TUI_H=$2
    tm resize-window -t "$S" -x "$1" -y "$2"
}

# cap: capture the pane into SCREEN and whether the program has exited into DEAD.
cap() {
    _out=$(tm capture-pane -p -t "$S" \; display-message -p -t "$S" 'DEAD=#{pane_dead}' 2>/dev/null)
    case $_out in
    *DEAD=*)
        DEAD=${_out##*DEAD=}
        SCREEN=${_out%DEAD=*}
        SCREEN=${SCREEN%?}
        ;;
    *)  # no such session any more
        DEAD=1
        SCREEN=
        ;;
    esac
}

# cap_joined: like cap, wrapped lines joined (for messages a shell prints).
cap_joined() {
    SCREEN=$(tm capture-pane -p -J -t "$S" 2>/dev/null)
}

# cap_attrs: ATTRS from capture-pane -e (see the top of this file).
cap_attrs() {
    tm capture-pane -p -e -t "$S" >"$TUI_TMP/screen.e" 2>/dev/null
    ATTRS=$(python3 "$TUI_TMP/attrs.py" runs <"$TUI_TMP/screen.e")
}

# colour_count: how many colour settings (foreground or background, not the defaults)
# the escape sequences of the last cap_attrs hold.
colour_count() { python3 "$TUI_TMP/attrs.py" colours <"$TUI_TMP/screen.e"; }

# has TEXT: SCREEN contains TEXT (fixed string)
has() {
    case $SCREEN in *"$1"*) return 0 ;; esac
    return 1
}

# wait_until EXPR [TIMEOUT_S]: re-capture every 50 ms until the shell expression EXPR
# succeeds (it sees SCREEN and DEAD). Gives up early once the program has exited and the
# expression still fails (nothing will change any more), and once TIMEOUT_S have passed by
# the clock (an expression that runs python on a loaded machine takes longer than 50 ms).
wait_until() {
    _n=$((${2:-5} * 20))
    clock
    _end=$((_now + ${2:-5}))
    while :; do
        cap
        if eval "$1"; then return 0; fi
        [ "$DEAD" = 1 ] && return 1
        _n=$((_n - 1))
        [ "$_n" -le 0 ] && return 1
        clock
        [ "$_now" -gt "$_end" ] && return 1
        sleep 0.05
    done
}

# clock: _now, a clock in whole seconds; /proc/uptime read by the shell itself where there is
# one (no date process on every poll), else date +%s.
if read -r _up _ </proc/uptime 2>/dev/null && [ -n "${_up%.*}" ]; then
    clock() {
        read -r _up _ </proc/uptime
        _now=${_up%.*}
    }
else
    clock() { _now=$(date +%s); }
fi

# settle BEFORE [STEPS]: after keys that may or may not change the screen (a page down at the
# end, say), wait in 50 ms steps, at most STEPS (default 6: what a fixed sleep of 0.3 s
# gave), for SCREEN to differ from BEFORE, then for a capture that shows the same as the one
# before it (the redraw is over). A screen that does not change costs the STEPS; one that
# does, only as long as the program takes to redraw.
settle() {
    _sb=$1
    _st=${2:-6}
    while [ "$_st" -gt 0 ]; do
        sleep 0.05
        _st=$((_st - 1))
        cap
        [ "$SCREEN" != "$_sb" ] && break
    done
    _sp=$SCREEN
    while [ "$_st" -gt 0 ] && [ "$SCREEN" != "$_sb" ]; do
        sleep 0.05
        _st=$((_st - 1))
        cap
        [ "$SCREEN" = "$_sp" ] && break
        _sp=$SCREEN
    done
}

# wait_for TEXT [TIMEOUT_S] / wait_gone TEXT [TIMEOUT_S]
wait_for() { _wf=$1; wait_until 'has "$_wf"' "${2:-5}"; }
wait_gone() { _wg=$1; wait_until '! has "$_wg"' "${2:-5}"; }

# exit_status: how the browser started by hs_start ended, "status N" or "signal N" (waits
# up to 5 s for it); empty while it runs. For other commands: what tmux collected.
exit_status() {
    _n=100
    while :; do
        if [ -n "$TUI_RC" ]; then
            if [ -s "$TUI_RC" ]; then
                _es=$(cat "$TUI_RC")
                if [ "$_es" -gt 128 ]; then _es="signal $((_es - 128))"; else _es="status $_es"; fi
                break
            fi
            cap
            [ "$DEAD" = 1 ] || { _es=; break; }
        else
            _es=$(tm display-message -p -t "$S" '#{pane_dead}:#{pane_dead_signal}:#{pane_dead_status}' 2>/dev/null)
            case $_es in
            1::[0-9]*) _es="status ${_es#1::}"; break ;;
            1:[0-9]*) _es="signal ${_es#1:}"; _es=${_es%%:*}; break ;;
            1*) ;;                     # exited, not collected yet
            *) _es=; break ;;          # still running (or no session)
            esac
        fi
        _n=$((_n - 1))
        [ "$_n" -le 0 ] && { _es="(unknown)"; break; }
        sleep 0.05
    done
    printf '%s\n' "$_es"
}

# show_screen: SCREEN indented, blank lines at the ends dropped, then whether the program
# ended. Once it has exited, later failures name that instead of repeating the screen.
show_screen() {
    if [ "$DEAD" = 1 ] && [ "$TUI_SHOWN_DEAD" = "$S" ]; then
        echo "    [the program had already exited; screen shown above]"
        return
    fi
    printf '%s\n' "$SCREEN" | sed '/[^[:space:]]/,$!d' | sed -e :a -e '/^[[:space:]]*$/{$d;N;ba' -e '}' | sed 's/^/    /'
    if [ "$DEAD" = 1 ]; then
        TUI_SHOWN_DEAD=$S
        echo "    [the program has exited: $(exit_status)]"
    fi
}

# fail_screen NAME WHY: a FAIL line, then the screen under it.
fail_screen() {
    fail "$1" "$(printf '%s' "$2" | tr '\n' ' ')"
    show_screen
}

# ok NAME EXPR WHY [TIMEOUT_S]: wait for EXPR, then PASS, or FAIL with WHY and the screen.
# WHY is expanded only on a failure, after the wait, so it may hold $(...) that describe
# the screen as it ended up (give it in single quotes).
ok() {
    if wait_until "$2" "${4:-5}"; then
        pass "$1"
    else
        eval "_why=\$(cat <<_WHY_
$3
_WHY_
)"
        fail_screen "$1" "$_why"
    fi
}

# check NAME TEXT [TIMEOUT_S]: PASS when the screen shows TEXT (waiting for it).
check() {
    if wait_for "$2" "${3:-5}"; then pass "$1"; else fail_screen "$1" "the screen never showed '$2'"; fi
}

# ---- parts of the browser screen (from SCREEN) ------------------------------------------

row() { printf '%s\n' "$SCREEN" | sed -n "${1}p"; }
trim() { sed -e 's/^[[:space:]]*//' -e 's/[[:space:]]*$//'; }
# The list pane: each body line up to the separator.
list_part() {
    printf '%s\n' "$SCREEN" | sed -n "2,$((TUI_H - 1))p" | awk -v s="$SEP" '{ i = index($0, s); print (i ? substr($0, 1, i - 1) : $0) }'
}
# The detail pane: each body line after the separator.
detail_part() {
    printf '%s\n' "$SCREEN" | sed -n "2,$((TUI_H - 1))p" | awk -v s="$SEP" '{ i = index($0, s); print (i ? substr($0, i + length(s)) : "") }'
}
detail_title() { detail_part | sed -n 1p | trim; }
title_bar() { row 1; }
status_line() { row "$TUI_H"; }
list_has() { list_part | grep -qF -- "$1"; }
detail_has() { detail_part | grep -qF -- "$1"; }
title_has() { title_bar | grep -qF -- "$1"; }
status_has() { status_line | grep -qF -- "$1"; }
detail_title_is() { [ "$(detail_title)" = "$1" ]; }

# ---- attributes (from ATTRS, after cap_attrs) -------------------------------------------

# The selected row of the list pane: the reverse-video run that starts at column 0.
selected_row() {
    cap_attrs
    printf '%s\n' "$ATTRS" | awk -F'\t' -v h="$TUI_H" '$1 > 1 && $1 < h && $2 == 0 && $3 ~ /R/ { print $4; exit }' | trim
}
# The detail pane's cursor line: the text of the row with a reverse run right of the list.
detail_cursor() {
    cap_attrs
    _r=$(printf '%s\n' "$ATTRS" | awk -F'\t' -v h="$TUI_H" '$1 > 1 && $1 < h && $2 > 20 && $3 ~ /R/ { print $1; exit }')
    [ -n "$_r" ] && row "$_r" | awk -v s="$SEP" '{ i = index($0, s); print (i ? substr($0, i + length(s)) : $0) }' | trim
}
# The reverse-video runs of screen row N, joined by '|'.
reverse_in_row() {
    cap_attrs
    printf '%s\n' "$ATTRS" | awk -F'\t' -v r="$1" '$1 == r && $3 ~ /R/ { printf "%s|", $4 }'
}
# Whether screen row N has a run on a yellow background (a highlighted search match).
match_in_row() {
    printf '%s\n' "$ATTRS" | awk -F'\t' -v r="$1" '$1 == r && $3 ~ /Y/ { f = 1 } END { exit !f }'
}
sel_is() { [ "$(selected_row)" = "$1" ]; }

# ---- the escape-sequence reader ----------------------------------------------------------
cat >"$TUI_TMP/attrs.py" <<'EOF'
import sys, unicodedata

def cwidth(c):
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1

mode = sys.argv[1]
data = sys.stdin.read()
rev = bold = 0
fg = bg = None
colours = 0
out = []
for r, line in enumerate(data.split("\n"), 1):
    col = 0
    i = 0
    runs = []          # [col, flags, text]
    while i < len(line):
        c = line[i]
        if c == "\x1b":
            j = i + 1
            if j < len(line) and line[j] == "[":
                j += 1
                while j < len(line) and not ("@" <= line[j] <= "~"):
                    j += 1
                if j < len(line) and line[j] == "m":
                    ps = line[i + 2:j].replace(":", ";").split(";")
                    k = 0
                    while k < len(ps):
                        p = ps[k]
                        n = int(p) if p.isdigit() else 0
                        if n == 0:
                            rev = bold = 0
                            fg = bg = None
                        elif n == 1:
                            bold = 1
                        elif n == 22:
                            bold = 0
                        elif n == 7:
                            rev = 1
                        elif n == 27:
                            rev = 0
                        elif 30 <= n <= 37 or 90 <= n <= 97:
                            fg = n
                            colours += 1
                        elif n == 39:
                            fg = None
                        elif 40 <= n <= 47 or 100 <= n <= 107:
                            bg = n
                            colours += 1
                        elif n == 49:
                            bg = None
                        elif n in (38, 48):
                            colours += 1
                            val = ps[k + 1:k + 3] if k + 1 < len(ps) and ps[k + 1] == "5" else ps[k + 1:k + 5]
                            if n == 38:
                                fg = ";".join(val)
                            else:
                                bg = ";".join(val)
                            k += len(val)
                        k += 1
                i = j + 1
            else:
                i = j + 1
            continue
        flags = ("R" if rev else "") + ("B" if bold else "") + ("Y" if bg in (43, 103) else "") + ("C" if fg is not None or bg is not None else "")
        if runs and runs[-1][1] == flags:
            runs[-1][2] += c
        else:
            runs.append([col, flags, c])
        col += cwidth(c)
        i += 1
    for c0, f, t in runs:
        out.append("%d\t%d\t%s\t%s" % (r, c0, f, t))
if mode == "colours":
    print(colours)
else:
    print("\n".join(out))
EOF
