. "$(dirname "$0")/../lib.sh"
# tests/e2e/sheet.sh — `httpstatus sheet`: each format is rendered by the tool a reader
# would use and the result checked: HTML by tidy (and for anything that loads or runs),
# Markdown by cmark (no raw HTML), roff by groff to PDF (no warnings, page count, text), and
# a crafted database with hostile text proves that every format escapes what it must.
# Needs: tidy, cmark, groff, poppler-utils (pdfinfo, pdftotext), python3.

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

missing=
for t in tidy cmark groff pdfinfo pdftotext python3; do
    command -v "$t" >/dev/null 2>&1 || missing="$missing $t"
done
if [ -n "$missing" ]; then
    fail "sheet: tools" "missing:$missing (apt-get install tidy cmark groff poppler-utils python3; make deps-test)"
fi
have() { command -v "$1" >/dev/null 2>&1; }

# groff_pdf NAME SRC PDF: SRC renders to PDF without a warning
GROFF="groff -ww -ms -Tpdf -dpaper=a4 -P-pa4"
groff_pdf() {
    if ! have groff; then fail "$1" "groff is not installed"; return 1; fi
    $GROFF "$2" >"$3" 2>"$TMPD/groff.err"
    if [ $? = 0 ] && [ ! -s "$TMPD/groff.err" ]; then pass "$1"; else fail "$1" "groff says: $(head -c 300 "$TMPD/groff.err")"; fi
}

# tidy_clean NAME FILE: tidy finds no error and no warning
tidy_clean() {
    if ! have tidy; then fail "$1" "tidy is not installed"; return; fi
    if tidy -e -q "$2" >"$TMPD/tidy.out" 2>&1; then pass "$1"; else fail "$1" "tidy: $(head -c 400 "$TMPD/tidy.out")"; fi
}

# no_raw_html NAME FILE: cmark --safe omits nothing (the Markdown holds no raw HTML)
no_raw_html() {
    if ! have cmark; then fail "$1" "cmark is not installed"; return; fi
    cmark --safe "$2" >"$TMPD/cmark.html"
    if grep -q "raw HTML omitted" "$TMPD/cmark.html"; then fail "$1" "cmark found raw HTML: $(grep -m1 -B1 'raw HTML omitted' "$TMPD/cmark.html" | head -c 200)"; else pass "$1"; fi
}

# no_loads NAME FILE: an HTML file that loads and runs nothing (a URL may be text, never
# an attribute or a style that fetches it)
LOADS='<script|<link|<img|<iframe|<object|<embed|<form|<base|<meta http-equiv|src=|href=|action=|srcset=|@import|url\(|[[:space:]]on[a-z]+='
no_loads() {
    if grep -qiE "$LOADS" "$2"; then
        fail "$1" "it loads or runs something: $(grep -m1 -oiE ".{0,30}($LOADS).{0,30}" "$2")"
    else
        pass "$1"
    fi
}

# no_controls NAME FILE: no ESC, BEL or other C0 control except tab and newline
no_controls() {
    if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$2"; then fail "$1" "a control character reached the output"; else pass "$1"; fi
}

# ---- text ------------------------------------------------------------------------------------

run "$HS" sheet
expect_rc "text: exit 0" 0
expect_out "text: a title" "HTTP status codes: a cheat sheet"
expect_out "text: a code with its summary" "404  Not Found ★ — Nothing is at this URL"
expect_out "text: obsolete marked" "305  Use Proxy †"
expect_out "text: the unofficial part" "Unofficial codes"
expect_out "text: an unofficial code" "499  Client Closed Request"
expect_max_width "text: 80 columns when not a terminal" 80
cp "$TMPD/out" "$TMPD/sheet.txt"
if awk '/^Unofficial codes/ { u = 1 } /^  404  / && u { bad = 1 } /^  499  / && !u { bad = 1 } END { exit bad }' "$TMPD/sheet.txt"; then
    pass "text: standard codes first, unofficial ones in the second part"
else
    fail "text: standard codes first, unofficial ones in the second part" "404 or 499 is in the wrong part"
fi

run "$HS" sheet --width 0
n_lines=$(grep -cE '^  [0-9]{3}  ' "$TMPD/out")
n_codes=$("$HS" list | wc -l)
if [ "$n_lines" = "$n_codes" ]; then pass "text: --width 0 gives one line per code ($n_codes)"; else fail "text: --width 0 gives one line per code" "$n_lines lines for $n_codes codes"; fi

run "$HS" sheet --width 40
expect_max_width "text: --width 40 is respected" 40

run env LANG=C LC_ALL=C "$HS" sheet
if LC_ALL=C grep -q "$(printf '[\200-\377]')" "$TMPD/out"; then
    fail "text: ASCII only in a non-UTF-8 locale" "$(LC_ALL=C grep -m1 "$(printf '[\200-\377]')" "$TMPD/out")"
else
    pass "text: ASCII only in a non-UTF-8 locale"
fi
expect_out "text: ASCII marks" "200  OK * - The request succeeded"

run "$HS" sheet --full 404 410
cp "$TMPD/out" "$TMPD/full.txt"
run "$HS" 404 410
if cmp -s "$TMPD/out" "$TMPD/full.txt"; then pass "text: --full is what 'httpstatus CODE' shows"; else fail "text: --full is what 'httpstatus CODE' shows" "the outputs differ"; fi

# ---- selection ---------------------------------------------------------------------------------

run "$HS" sheet 4xx
expect_rc "select: a class" 0
expect_out "select: a class has its codes" "404  Not Found"
expect_no_out "select: only that class" "500  Internal Server Error"
run "$HS" sheet redirects 404
expect_out "select: a group has its codes" "308  Permanent Redirect"
expect_out "select: a code after a group" "404  Not Found"
expect_no_out "select: nothing else" "200  OK"
expect_no_out "select: no unofficial part when none is chosen" "Unofficial codes"
run "$HS" sheet 299
expect_rc "select: an unknown code: exit 1" 1
expect_err "select: an unknown code is named" "no status code 299"
run "$HS" sheet no-such-group
expect_rc "select: an unknown group: exit 2" 2
expect_err "select: the groups are listed" "redirects"
run "$HS" sheet --format pdf
expect_rc "select: an unknown format: exit 2" 2
expect_one_err_line "select: one message for an unknown format"
run "$HS" sheet --bogus
expect_rc "select: an unknown option: exit 2" 2
run "$HS" sheet --format
expect_rc "select: --format without a value: exit 2" 2

# ---- HTML ---------------------------------------------------------------------------------------

run "$HS" sheet --format html
expect_rc "html: exit 0" 0
cp "$TMPD/out" "$TMPD/sheet.html"
tidy_clean "html: tidy -e finds nothing" "$TMPD/sheet.html"
no_loads "html: no scripts, links or remote resources" "$TMPD/sheet.html"
expect_out "html: A4 print rules" "@page{size:A4"
expect_out "html: print styles" "@media print"
expect_out "html: a row" '<th class="c" scope="row">404</th><td class="p">Not Found'
size=$(wc -c <"$TMPD/sheet.html")
if [ "$size" -lt 40000 ]; then pass "html: small ($size bytes)"; else fail "html: small" "$size bytes"; fi
rows=$(grep -c '<tr>' "$TMPD/sheet.html")
if [ "$rows" = "$n_codes" ]; then pass "html: one row per code"; else fail "html: one row per code" "$rows rows for $n_codes codes"; fi
# Two A4 pages at 7 pt with a line height of 1.2 hold about 188 lines; each row is one line
# unless its summary is longer than the column (about 95 characters), headings take two.
# (Printed by Chromium, the sheet of 2026-11-27 took 1.75 pages: the estimate said 168.)
lines=$(python3 - "$TMPD/sheet.html" <<'EOF'
import re, sys
t = open(sys.argv[1], encoding="utf-8").read()
rows = re.findall(r"<tr>.*?<td>(.*?)</td></tr>", t)
heads = len(re.findall(r"<h[23]>", t)) + len(re.findall(r"<p ", t))
print(sum(1 + len(re.sub("&[a-z#0-9]+;", "x", r)) // 95 for r in rows) + 2 * heads + 3)
EOF
)
if [ "$lines" -le 180 ]; then pass "html: about $lines printed lines, within two A4 pages"; else fail "html: fits two A4 pages" "about $lines lines"; fi
# Printed for real where a browser that prints is installed (Debian: chromium).
for browser in chromium chromium-browser google-chrome; do
    command -v "$browser" >/dev/null 2>&1 || continue
    have pdfinfo || break
    if timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
        --user-data-dir="$TMPD/chrome" --print-to-pdf="$TMPD/sheet-html.pdf" "file://$TMPD/sheet.html" \
        >/dev/null 2>&1 && [ -s "$TMPD/sheet-html.pdf" ]; then
        pages=$(pdfinfo "$TMPD/sheet-html.pdf" | awk '/^Pages:/ { print $2 }')
        size=$(pdfinfo "$TMPD/sheet-html.pdf" | awk '/^Page size:/ { print $NF }' | tr -d '()')
        if [ "$pages" -le 2 ] && [ "$size" = A4 ]; then pass "html: $browser prints it on $pages A4 pages"; else
            fail "html: $browser prints it on at most two A4 pages" "$pages pages, size $size"; fi
    else
        fail "html: $browser prints it" "no PDF"
    fi
    break
done

run "$HS" sheet --format html --full 404 redirects
cp "$TMPD/out" "$TMPD/full.html"
tidy_clean "html --full: tidy -e finds nothing" "$TMPD/full.html"
no_loads "html --full: no scripts, links or remote resources" "$TMPD/full.html"
expect_out "html --full: the example" "<pre>GET /no-such-page HTTP/1.1"

# ---- Markdown -------------------------------------------------------------------------------------

run "$HS" sheet --format markdown
cp "$TMPD/out" "$TMPD/sheet.md"
no_raw_html "markdown: no raw HTML" "$TMPD/sheet.md"
if have cmark; then
    cmark "$TMPD/sheet.md" >"$TMPD/sheet.md.html"
    missing_codes=$("$HS" list | cut -c1-3 | while read -r c; do grep -q "<strong>$c " "$TMPD/sheet.md.html" || printf '%s ' "$c"; done)
    if [ -z "$missing_codes" ]; then pass "markdown: every code renders"; else fail "markdown: every code renders" "missing: $missing_codes"; fi
    if grep -q '<h3>4xx Client Error</h3>' "$TMPD/sheet.md.html"; then pass "markdown: class headings"; else fail "markdown: class headings" "no <h3>4xx Client Error</h3>"; fi
fi
run "$HS" sheet --format markdown --full 404 redirects
cp "$TMPD/out" "$TMPD/full.md"
no_raw_html "markdown --full: no raw HTML" "$TMPD/full.md"
if have cmark && cmark "$TMPD/full.md" | grep -q '<pre><code class="language-http">GET /no-such-page'; then
    pass "markdown --full: the example is a code block"
else
    fail "markdown --full: the example is a code block" "no fenced example"
fi

# ---- roff ------------------------------------------------------------------------------------------

run "$HS" sheet --format roff
cp "$TMPD/out" "$TMPD/sheet.ms"
groff_pdf "roff: groff -ww renders it without a warning" "$TMPD/sheet.ms" "$TMPD/sheet.pdf"
if have pdfinfo && [ -s "$TMPD/sheet.pdf" ]; then
    pages=$(pdfinfo "$TMPD/sheet.pdf" | awk '/^Pages:/ { print $2 }')
    if [ "$pages" -ge 1 ] && [ "$pages" -le 2 ]; then pass "roff: the cheat sheet is $pages A4 pages"; else fail "roff: at most two A4 pages" "$pages pages"; fi
    pdftotext "$TMPD/sheet.pdf" "$TMPD/sheet.pdf.txt"
    if grep -q "404 Not Found" "$TMPD/sheet.pdf.txt"; then pass "roff: the PDF reads 404 Not Found"; else fail "roff: the PDF reads 404 Not Found" "not in pdftotext"; fi
fi
run "$HS" sheet --format roff --full 404 redirects
cp "$TMPD/out" "$TMPD/full.ms"
groff_pdf "roff --full: no warning" "$TMPD/full.ms" "$TMPD/full.pdf"
if have pdftotext && [ -s "$TMPD/full.pdf" ] && pdftotext "$TMPD/full.pdf" - | grep -q "GET /no-such-page HTTP/1.1"; then
    pass "roff --full: the example is in the PDF"
else
    fail "roff --full: the example is in the PDF" "not found by pdftotext"
fi

# ---- hostile text from a crafted database ------------------------------------------------------------

DB=$TMPD/hostile.db
if ! python3 - "$DB" <<'EOF'; then
import shutil, sqlite3, sys
shutil.copy("db/httpstatus.db", sys.argv[1])
c = sqlite3.connect(sys.argv[1])
phrase = "Not <script>alert(1)</script> & Found | *star* _under_ \\fB `tick` ~~del~~"
c.execute("UPDATE codes SET phrase = ?, summary = ? WHERE code = 404",
          (phrase, "\x1b[31mRED\x1b]0;PWNED\x07 <b>bold</b> &amp; 1 > 0 \\\\ back"))
c.execute("UPDATE codes SET phrase = ? WHERE code = 499", ("| pipe | table | <i>x</i>",))
c.execute("UPDATE classes SET title = ? WHERE class = 4", ("Client <i>Error</i> & | \\e",))
body = "\n".join([
    ".so /etc/passwd", "'br hostile request", "# not a heading", "> not a quote", "- not a list",
    "1. not numbered", "```", "<div>raw html</div>", "[link](http://evil.example/)",
    "![img](http://evil.example/x.png)", "&copy; entity", "\\fBbold\\fP and \\(em", "<!-- comment -->",
    "    indented code", "=====", "trailing backslash \\",
])
c.execute("UPDATE sections SET body = ? WHERE code = 404 AND kind = 'wikipedia'", (body,))
c.execute("UPDATE sections SET body = ? WHERE code = 404 AND kind = 'example'",
          ("GET /x HTTP/1.1\n```\n</pre><script>alert(2)</script>\n.TL\n\\fB", ))
c.commit()
EOF
    fail "hostile: crafted database" "python3 could not build it"
    exit 0
fi

# text
run "$HS" --db "$DB" sheet --full 404
expect_rc "hostile text: exit 0" 0
no_controls "hostile text: escape sequences removed" "$TMPD/out"
# The sequences go whole (an OSC's title with it); the text around them stays.
expect_out "hostile text: the text stays" "RED <b>bold</b> &amp; 1 > 0"
expect_no_out "hostile text: nothing of the title sequence" "PWNED"

# HTML
run "$HS" --db "$DB" sheet --format html 404 499
cp "$TMPD/out" "$TMPD/h.html"
tidy_clean "hostile html: tidy -e finds nothing" "$TMPD/h.html"
no_loads "hostile html: nothing loads or runs" "$TMPD/h.html"
no_controls "hostile html: no control characters" "$TMPD/h.html"
expect_out "hostile html: < and & escaped" "Not &lt;script&gt;alert(1)&lt;/script&gt; &amp; Found"
expect_out "hostile html: > escaped" "1 &gt; 0"
expect_no_out "hostile html: no markup from the database" "<i>"
run "$HS" --db "$DB" sheet --format html --full 404
cp "$TMPD/out" "$TMPD/hf.html"
tidy_clean "hostile html --full: tidy -e finds nothing" "$TMPD/hf.html"
no_loads "hostile html --full: nothing loads or runs" "$TMPD/hf.html"
expect_out "hostile html --full: </pre> stays text" "&lt;/pre&gt;&lt;script&gt;alert(2)"
if grep -qiE '<div|<b>bold|<!--' "$TMPD/hf.html"; then fail "hostile html --full: no markup from the database" "$(grep -m1 -iE '<div|<b>bold|<!--' "$TMPD/hf.html")"; else pass "hostile html --full: no markup from the database"; fi

# Markdown
run "$HS" --db "$DB" sheet --format markdown 404 499
cp "$TMPD/out" "$TMPD/h.md"
no_raw_html "hostile markdown: no raw HTML" "$TMPD/h.md"
no_controls "hostile markdown: no control characters" "$TMPD/h.md"
run "$HS" --db "$DB" sheet --format markdown --full 404
cp "$TMPD/out" "$TMPD/hf.md"
no_raw_html "hostile markdown --full: no raw HTML" "$TMPD/hf.md"
if have cmark; then
    cmark --unsafe "$TMPD/h.md" >"$TMPD/h.md.html"
    cmark --unsafe "$TMPD/hf.md" >"$TMPD/hf.md.html"
    if grep -qF 'Not &lt;script&gt;alert(1)&lt;/script&gt; &amp; Found | *star* _under_ \fB `tick` ~~del~~' "$TMPD/h.md.html"; then
        pass "hostile markdown: | * _ \\ \` < & render as themselves"
    else
        fail "hostile markdown: | * _ \\ \` < & render as themselves" "$(grep -m1 'alert(1)' "$TMPD/h.md.html")"
    fi
    if grep -qF '| pipe | table | &lt;i&gt;x&lt;/i&gt;' "$TMPD/h.md.html"; then pass "hostile markdown: pipes stay text"; else fail "hostile markdown: pipes stay text" "$(grep -m1 'pipe' "$TMPD/h.md.html")"; fi
    bad=$(grep -ciE '<script|<div|<blockquote|<ol|<img|<a |<hr|<!--|<h1>not|<li>not|&copy;|©' "$TMPD/hf.md.html")
    if [ "$bad" = 0 ]; then pass "hostile markdown --full: line starts and markup stay text"; else fail "hostile markdown --full: line starts and markup stay text" "$(grep -m2 -iE '<script|<div|<blockquote|<ol|<img|<a |<hr|<!--|<h1>not|<li>not|&copy;|©' "$TMPD/hf.md.html")"; fi
    for t in '<p># not a heading</p>' '<p>&gt; not a quote</p>' '<p>- not a list</p>' '<p>1. not numbered</p>' '<p>```</p>' '<p>=====</p>' '<p>[link](http://evil.example/)</p>' '<p>trailing backslash \</p>'; do
        if grep -qF -- "$t" "$TMPD/hf.md.html"; then pass "hostile markdown --full: '$t' shown as written"; else fail "hostile markdown --full: '$t' shown as written" "not in cmark's output"; fi
    done
fi

# roff
run "$HS" --db "$DB" sheet --format roff --full 404
cp "$TMPD/out" "$TMPD/hf.ms"
no_controls "hostile roff: no control characters" "$TMPD/hf.ms"
if grep -nE "^\.(so|TL|br)|^'" "$TMPD/hf.ms" | grep -v '^[0-9]*:\.\(TL\|br\)$' >"$TMPD/req"; [ -s "$TMPD/req" ]; then
    fail "hostile roff: no request from the database" "$(head -3 "$TMPD/req")"
else
    pass "hostile roff: no request from the database"
fi
groff_pdf "hostile roff: renders without a warning" "$TMPD/hf.ms" "$TMPD/hf.pdf"
if have pdftotext && [ -s "$TMPD/hf.pdf" ]; then
    pdftotext "$TMPD/hf.pdf" "$TMPD/hf.txt"
    for t in '.so /etc/passwd' "'br hostile request" '\fBbold\fP and \(em' '<script>alert(1)</script> & Found' 'trailing backslash \' '.TL'; do
        if grep -qF -- "$t" "$TMPD/hf.txt"; then pass "hostile roff: '$t' printed as written"; else fail "hostile roff: '$t' printed as written" "not in the PDF text"; fi
    done
fi
run "$HS" --db "$DB" sheet --format roff 404 499
cp "$TMPD/out" "$TMPD/h.ms"
groff_pdf "hostile roff cheat sheet: renders without a warning" "$TMPD/h.ms" "$TMPD/h.pdf"
