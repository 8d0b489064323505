. "$(dirname "$0")/../lib.sh"
# tests/e2e/completion.sh — `httpstatus completion bash|zsh|fish`: the bash script is run
# through its completion function (COMP_WORDS/COMP_CWORD, as `complete -F` calls it) in
# `bash --norc`; what it offers is checked against what the program's own parser and --help
# accept. zsh and fish scripts are parsed (zsh -n, fish -n) when those shells are installed,
# and fish's completions are asked for (complete -C).
# Run from the repository root: sh tests/e2e/completion.sh (HS= the binary, default ./httpstatus).

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

# ---- the scripts ----------------------------------------------------------------------------
for sh in bash zsh fish; do
    run "$HS" completion $sh
    expect_rc "completion $sh: exit 0" 0
    cp "$TMPD/out" "$TMPD/c.$sh"
done
run "$HS" completion tcsh
expect_rc "completion tcsh: usage error" 2
expect_err "completion tcsh: names the shells" "bash, zsh or fish"
run "$HS" completion
expect_rc "completion without a shell: usage error" 2

if bash -n "$TMPD/c.bash" 2>"$TMPD/err"; then pass "bash -n: the bash script parses"; else fail "bash -n" "$(head -c 300 "$TMPD/err")"; fi

# bcomp WORD...: what the bash completion offers for the last word, one per line (sorted)
bcomp() {
    bash --norc --noprofile -c '. "$1" || exit 3
        shift
        COMP_WORDS=("$@")
        COMP_CWORD=$(($# - 1))
        COMP_LINE="$*"
        COMP_POINT=${#COMP_LINE}
        _httpstatus httpstatus "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf "%s\n" "${COMPREPLY[@]}"' bcomp "$TMPD/c.bash" "$@" | sort
}

# expect_comp NAME WANT WORD...: the offers are exactly WANT (space-separated, any order)
expect_comp() {
    n=$1 want=$(printf '%s\n' $2 | sort | tr '\n' ' ')
    shift 2
    got=$(bcomp "$@" | tr '\n' ' ')
    if [ "$got" = "$want" ]; then pass "$n"; else fail "$n" "offered '$got', expected '$want'"; fi
}

# expect_comp_has NAME WORD WORDS...: the offers include WORD
expect_comp_has() {
    n=$1 w=$2
    shift 2
    if bcomp "$@" | grep -qxF -- "$w"; then pass "$n"; else fail "$n" "'$w' not offered for '$*' (offered: $(bcomp "$@" | tr '\n' ' ' | head -c 200))"; fi
}

expect_comp "bash: httpstatus com<TAB> -> compare, completion" "compare completion" httpstatus com
expect_comp_has "bash: httpstatus 40<TAB> offers 404" 404 httpstatus 40
expect_comp "bash: httpstatus 40<TAB> offers only 40x codes" "$(bcomp httpstatus 40 | grep '^40[0-9]$' | tr '\n' ' ')" httpstatus 40
expect_comp "bash: httpstatus compare red<TAB> -> redirects" "redirects" httpstatus compare red
expect_comp "bash: httpstatus --col<TAB> -> --color=" "--color=" httpstatus --col
expect_comp "bash: --color=<TAB> (one word) -> its values" "--color=auto --color=always --color=never" httpstatus --color=
expect_comp "bash: --color = a<TAB> (split at =, as bash does) -> auto, always" "auto always" httpstatus --color = a
expect_comp "bash: httpstatus list <TAB> -> the classes" "$(bcomp httpstatus '' | grep -x '[0-9]xx' | tr '\n' ' ')" httpstatus list ''
expect_comp_has "bash: a code after --db FILE (the value is skipped)" 503 httpstatus --db x.db 50
expect_comp_has "bash: more codes after a code (lookup)" 410 httpstatus 404 41
expect_comp_has "bash: a class after a code" 5xx httpstatus 404 5
expect_comp "bash: httpstatus completion <TAB> -> the shells" "bash zsh fish" httpstatus completion ''
expect_comp "bash: search takes free text: nothing offered" "" httpstatus search 40
expect_comp "bash: sheet --format <TAB>" "text markdown html roff" httpstatus sheet --format ''
expect_comp_has "bash: sheet -<TAB> offers --full" --full httpstatus sheet -
expect_comp_has "bash: sheet -<TAB> also offers the global --width" --width httpstatus sheet -
expect_comp_has "bash: present --lesson <TAB> offers a built-in lesson" redirects httpstatus present --lesson ''

# ---- what is offered is what the program takes --------------------------------------------
"$HS" --help >"$TMPD/help"

# Every option --help lists is offered, and every offered option is one the parser knows.
help_opts=$(sed -n '/^options:/,/^$/p' "$TMPD/help" | grep -oE '(^|[ ,])--?[A-Za-z][A-Za-z-]*=?' | tr -d ' ,' | sort -u)
offered=$(bcomp httpstatus -)
missing=
for o in $help_opts; do
    printf '%s\n' "$offered" | grep -qxF -- "$o" || missing="$missing $o"
done
if [ -z "$missing" ] && [ -n "$help_opts" ]; then pass "every option of --help is offered ($(echo $help_opts | wc -w))"; else fail "options of --help offered" "not offered:$missing"; fi
bad=
for o in $offered; do
    case $o in *=) arg=${o}auto ;; *) arg=$o ;; esac
    "$HS" "$arg" 1 404 </dev/null >/dev/null 2>"$TMPD/err"
    grep -q "unknown option" "$TMPD/err" && bad="$bad $o"
done
if [ -z "$bad" ]; then pass "every offered option is one the parser knows"; else fail "offered options known to the parser" "unknown:$bad"; fi

# Every command --help lists (and help) is offered, and nothing else.
help_cmds=$(grep -oE '^  httpstatus [a-z][a-z-]*( |$)' "$TMPD/help" | awk '{print $2}' | sort -u)
want=$( (printf '%s\n' $help_cmds; echo help) | sort -u | tr '\n' ' ')
got=$(bcomp httpstatus '' | grep -v '^[0-9]' | tr '\n' ' ')
if [ "$got" = "$want" ]; then pass "the commands offered are those --help lists, and help"; else fail "commands offered" "offered '$got', --help lists '$want'"; fi

# Every code of `list` is offered, and only those.
"$HS" list --width 0 | awk '$1 ~ /^[0-9][0-9][0-9]$/ {print $1}' | sort >"$TMPD/codes.list"
bcomp httpstatus '' | grep '^[0-9][0-9][0-9]$' >"$TMPD/codes.comp"
if cmp -s "$TMPD/codes.list" "$TMPD/codes.comp"; then pass "the codes offered are the codes of 'list' ($(wc -l <"$TMPD/codes.comp"))"; else fail "codes offered" "$(diff "$TMPD/codes.list" "$TMPD/codes.comp" | head -5 | tr '\n' ' ')"; fi

# Values the parser takes: each class, colour, format and group offered works.
bad=
for c in $(bcomp httpstatus list ''); do "$HS" list "$c" >/dev/null 2>&1 || bad="$bad $c"; done
for v in $(bcomp httpstatus --color=); do "$HS" "$v" 404 >/dev/null 2>&1 || bad="$bad $v"; done
for f in $(bcomp httpstatus sheet --format ''); do "$HS" sheet --format "$f" 404 >/dev/null 2>&1 || bad="$bad sheet:$f"; done
groups=$(bcomp httpstatus compare '' | grep -v '^[0-9]')
# compare takes one group's name once the cli branch is in; sheet takes groups already
if "$HS" compare redirects >/dev/null 2>&1; then gcmd=compare; else gcmd=sheet; fi
for g in $groups; do "$HS" $gcmd "$g" >/dev/null 2>&1 || bad="$bad $gcmd:$g"; done
if [ -z "$bad" ] && [ -n "$groups" ]; then pass "every class, --color value, --format and group offered is accepted ($(echo $groups | wc -w) groups, by $gcmd)"; else fail "offered values accepted" "refused:$bad"; fi

if grep -q '^  httpstatus quiz' "$TMPD/help"; then
    bad=
    for k in $(bcomp httpstatus quiz --kind ''); do "$HS" quiz --kind "$k" --count 1 --json >/dev/null 2>&1 || bad="$bad $k"; done
    if [ -z "$bad" ]; then pass "every quiz --kind offered is accepted"; else fail "quiz --kind values" "refused:$bad"; fi
else
    pass "no quiz command in this build: its --kind values are not offered ($(bcomp httpstatus quiz --kind '' | wc -w) offered)"
fi
if grep -q '^  httpstatus header' "$TMPD/help"; then
    expect_comp_has "bash: httpstatus header Retry<TAB> -> Retry-After" Retry-After httpstatus header Retry
else
    if grep -q 'Retry-After' "$TMPD/c.bash"; then pass "no header command in this build; the header names are in the script for when it lands"; else fail "header names" "Retry-After is not in the bash script"; fi
fi

# ---- zsh and fish ---------------------------------------------------------------------------
if command -v zsh >/dev/null 2>&1; then
    if zsh -n "$TMPD/c.zsh" 2>"$TMPD/err"; then pass "zsh -n: the zsh script parses"; else fail "zsh -n" "$(head -c 300 "$TMPD/err")"; fi
    # The completion function run with zsh's completion builtins stubbed: each prints the
    # candidates it is given (the real _describe then filters them by the typed prefix).
    cat >"$TMPD/zt.zsh" <<'ZSH'
_describe() { local a=$4; print -l -- ${(P)a} }
compadd() { [[ $1 == -- ]] && shift; print -l -- "$@" }
_files() { print FILES }; _message() { }; compset() { return 0 }; compdef() { }
source $1
shift
words=("$@"); CURRENT=$#
_httpstatus
ZSH
    zcomp() { zsh -f "$TMPD/zt.zsh" "$TMPD/c.zsh" "$@" 2>&1; }
    if zcomp httpstatus 40 | grep -qx '404:Not Found'; then pass "zsh: httpstatus 40<TAB> offers 404:Not Found"; else fail "zsh: 40" "$(zcomp httpstatus 40 | head -3 | tr '\n' ' ')"; fi
    if zcomp httpstatus compare red | grep -q '^redirects:'; then pass "zsh: compare red<TAB> offers the redirects group"; else fail "zsh: compare red" "$(zcomp httpstatus compare red | head -3 | tr '\n' ' ')"; fi
    if [ "$(zcomp httpstatus --color=a | tr '\n' ' ')" = "auto always never " ]; then pass "zsh: --color=<TAB> offers auto, always, never"; else fail "zsh: --color=" "$(zcomp httpstatus --color=a | tr '\n' ' ')"; fi
    if zcomp httpstatus --col | grep -q '^--color=:'; then pass "zsh: options offered with --color= (no space after)"; else fail "zsh: --col" "$(zcomp httpstatus --col | tr '\n' ' ' | head -c 200)"; fi
else
    pass "zsh not installed: not parsed (text checked below)"
fi
if grep -qF "'404:Not Found'" "$TMPD/c.zsh" && grep -qF "'redirects:" "$TMPD/c.zsh" && grep -qF "'compare:" "$TMPD/c.zsh"; then
    pass "zsh: codes with their phrases (404:Not Found), groups and commands are described"
else
    fail "zsh descriptions" "'404:Not Found', a redirects group or the compare command is missing"
fi
if command -v fish >/dev/null 2>&1; then
    if fish -n "$TMPD/c.fish" 2>"$TMPD/err"; then pass "fish -n: the fish script parses"; else fail "fish -n" "$(head -c 300 "$TMPD/err")"; fi
    fcomp() { fish -N -c "source '$TMPD/c.fish'; complete -C '$1'" 2>&1; }
    if fcomp "httpstatus 40" | grep -q "^404	Not Found$"; then pass "fish: httpstatus 40<TAB> offers 404 (Not Found)"; else fail "fish: 40" "$(fcomp 'httpstatus 40' | head -3 | tr '\n' ' ')"; fi
    if fcomp "httpstatus compare red" | grep -q "^redirects	"; then pass "fish: compare red<TAB> offers redirects"; else fail "fish: compare red" "$(fcomp 'httpstatus compare red' | head -3 | tr '\n' ' ')"; fi
    if fcomp "httpstatus com" | cut -f1 | sort | tr '\n' ' ' | grep -qx "compare completion "; then pass "fish: com<TAB> offers compare, completion"; else fail "fish: com" "$(fcomp 'httpstatus com' | tr '\n' ' ')"; fi
    if fcomp "httpstatus --col" | grep -q "^--color"; then pass "fish: --col<TAB> offers --color"; else fail "fish: --col" "$(fcomp 'httpstatus --col' | tr '\n' ' ')"; fi
else
    pass "fish not installed: not parsed (text checked below)"
fi
if grep -qF -- "-a 404 -d 'Not Found'" "$TMPD/c.fish" && grep -qF -- "-a compare" "$TMPD/c.fish"; then
    pass "fish: codes with their phrases and the commands are in the script"
else
    fail "fish script text" "404 with its phrase or the compare command is missing"
fi

# ---- install ----------------------------------------------------------------------------
# The Makefile's install target runs the built binary; check where it puts the scripts
# without building (make -n prints the commands).
if [ -f Makefile ] && make -n install DESTDIR=/x PREFIX=/p 2>/dev/null >"$TMPD/mk"; then
    ok=1
    for f in /x/p/share/bash-completion/completions/httpstatus /x/p/share/zsh/site-functions/_httpstatus /x/p/share/fish/vendor_completions.d/httpstatus.fish; do
        grep -qF "$f" "$TMPD/mk" || ok=0
    done
    if [ $ok = 1 ]; then pass "make install puts the three scripts where bash, zsh and fish look"; else fail "make install" "a completion path is missing from: $(grep completion "$TMPD/mk" | head -3)"; fi
else
    pass "no Makefile here (install not checked)"
fi
