. "$(dirname "$0")/../lib.sh"
# tests/e2e/corpus.sh — what the program shows agrees with the corpus in assets/ (the
# source of truth), with the IANA registry, and with the status constants of Python's
# http.HTTPStatus and Node's http.STATUS_CODES.

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

if ! command -v python3 >/dev/null 2>&1; then
    fail "python3" "python3 is needed by the corpus tests (make deps-test)"
    exit 0
fi

# The asset files as python3 sees them, for the checks below and for node.
python3 - "$HS" "$TMPD" <<'EOF'
import glob, json, os, re, subprocess, sys

hs, tmpd = sys.argv[1], sys.argv[2]

def ok(name):
    print("PASS: " + name)

def bad(name, why):
    print("FAIL: %s: %s" % (name, str(why).replace("\n", " ")[:300]))

def check(name, cond, why):
    ok(name) if cond else bad(name, why)

def parse(path):
    """Fields (name -> list of values) and sections [(kind, source, body lines)]."""
    fields, sections = {}, []
    for line in open(path, encoding="utf-8").read().split("\n"):
        if line.startswith("== "):
            kind, _, source = line[3:].partition(":")
            sections.append((kind.strip(), source.strip(), []))
        elif sections:
            sections[-1][2].append(line)
        elif line.strip() and not line.startswith("#"):
            k, _, v = line.partition(":")
            fields.setdefault(k.strip(), []).append(v.strip())
    return fields, sections

def hsrun(*args):
    r = subprocess.run([hs] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")

assets = {}
for path in sorted(glob.glob("assets/codes/*.txt")):
    f, s = parse(path)
    code = int(os.path.basename(path)[:3])
    assets[code] = (f, s)
check("corpus: assets/codes has code files", len(assets) > 60, "%d files" % len(assets))
json.dump({c: {k: v for k, v in f.items() if k.startswith("const.")} for c, (f, s) in assets.items()},
          open(os.path.join(tmpd, "consts.json"), "w"))

# One process for every code's JSON.
rc, out, err = hsrun("--json", *[str(c) for c in sorted(assets)])
check("corpus: --json of every code: exit 0", rc == 0, "exit %d: %s" % (rc, err[:200]))
try:
    docs = {d["code"]: d for d in json.loads(out)}
    ok("corpus: --json of every code: valid JSON")
except ValueError as e:
    bad("corpus: --json of every code: valid JSON", e)
    docs = {}
rc, out, err = hsrun("--json", "list")
listed = {d["code"]: d for d in json.loads(out)} if rc == 0 else {}
check("corpus: list has every code file", sorted(listed) == sorted(assets),
      "only in files: %s; only in list: %s" % (sorted(set(assets) - set(listed)), sorted(set(listed) - set(assets))))
rc, list_text, err = hsrun("--width", "0", "list")
list_lines = {int(l[:3]): l for l in list_text.split("\n") if l[:3].isdigit()}

for code, (f, secs) in sorted(assets.items()):
    d = docs.get(code)
    if d is None:
        bad("corpus %d: shown" % code, "no JSON for %d" % code)
        continue
    want_phrase = (f.get("phrase") or [""])[0]
    check("corpus %d: phrase and summary" % code,
          d["phrase"] == want_phrase and want_phrase and d["summary"] and d["summary"] == (f.get("summary") or [""])[0],
          "phrase %r (file: %r), summary %r" % (d["phrase"], want_phrase, d["summary"][:60]))
    status = (f.get("status") or [""])[0]
    check("corpus %d: status" % code, d["status"] == status, "shows %r, file says %r" % (d["status"], status))
    if status == "standard":
        check("corpus %d: has an example" % code, any(s["kind"] == "example" for s in d["sections"]),
              "no example section (kinds: %s)" % [s["kind"] for s in d["sections"]])
    missing = [r["code"] for r in d["related"] if r["code"] not in assets]
    want_rel = [int(v.split()[0]) for v in f.get("related", [])]
    got_rel = [r["code"] for r in d["related"]]
    check("corpus %d: related codes exist and are all shown" % code, not missing and got_rel == want_rel,
          "unknown related %s; shown %s, file lists %s" % (missing, got_rel, want_rel))
    # Every paragraph of every quoted section appears word for word.
    lost = []
    for kind, source, body in secs:
        if kind not in ("rest", "rfc", "wikipedia"):
            continue
        texts = [s["text"] for s in d["sections"] if s["kind"] == kind and s["source"] == source]
        if not texts:
            lost.append("no %s section from %r" % (kind, source))
            continue
        for para in body:
            para = para.strip()
            if para and not any(para in t for t in texts):
                lost.append("%s %r: %r" % (kind, source, para[:60]))
    check("corpus %d: quoted paragraphs shown word for word" % code, not lost, "; ".join(lost[:2]))
    line = list_lines.get(code, "")
    if status == "unofficial":
        check("corpus %d: marked [unofficial] in list" % code, line.endswith("[unofficial]"), "list line %r" % line)
    elif status == "standard":
        check("corpus %d: no marker in list" % code, "[" not in line[5:], "list line %r" % line)

# Classes: their quoted paragraphs too.
for path in sorted(glob.glob("assets/classes/*.txt")):
    f, secs = parse(path)
    k = (f.get("class") or ["0"])[0]
    rc, out, err = hsrun("--json", k + "xx")
    try:
        d = json.loads(out)
    except ValueError:
        bad("corpus %sxx: --json" % k, "exit %d: %s" % (rc, err[:200]))
        continue
    lost = []
    for kind, source, body in secs:
        texts = [s["text"] for s in d["sections"] if s["kind"] == kind and s["source"] == source]
        for para in body:
            para = para.strip()
            if para and not any(para in t for t in texts):
                lost.append("%s %r: %r" % (kind, source, para[:60]))
    check("corpus %sxx: title and quoted paragraphs" % k, d.get("title") == (f.get("title") or [""])[0] and not lost,
          "title %r; %s" % (d.get("title"), "; ".join(lost[:2])))

# The IANA HTTP Status Code Registry, with the current (RFC 9110) phrases.
iana = {
    100: "Continue", 101: "Switching Protocols", 102: "Processing", 103: "Early Hints",
    200: "OK", 201: "Created", 202: "Accepted", 203: "Non-Authoritative Information", 204: "No Content",
    205: "Reset Content", 206: "Partial Content", 207: "Multi-Status", 208: "Already Reported", 226: "IM Used",
    300: "Multiple Choices", 301: "Moved Permanently", 302: "Found", 303: "See Other", 304: "Not Modified",
    305: "Use Proxy", 306: "(Unused)", 307: "Temporary Redirect", 308: "Permanent Redirect",
    400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 407: "Proxy Authentication Required",
    408: "Request Timeout", 409: "Conflict", 410: "Gone", 411: "Length Required", 412: "Precondition Failed",
    413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type", 416: "Range Not Satisfiable",
    417: "Expectation Failed", 418: "(Unused)", 421: "Misdirected Request", 422: "Unprocessable Content",
    423: "Locked", 424: "Failed Dependency", 425: "Too Early", 426: "Upgrade Required",
    428: "Precondition Required", 429: "Too Many Requests", 431: "Request Header Fields Too Large",
    451: "Unavailable For Legal Reasons",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
    504: "Gateway Timeout", 505: "HTTP Version Not Supported", 506: "Variant Also Negotiates",
    507: "Insufficient Storage", 508: "Loop Detected", 510: "Not Extended", 511: "Network Authentication Required",
}
for code, phrase in sorted(iana.items()):
    line = list_lines.get(code)
    want = "%d  %s" % (code, phrase)
    check("IANA %d: list shows '%s'" % (code, phrase),
          line is not None and (line == want or line.startswith(want + " [")) and "[unofficial]" not in line,
          "list line is %r" % line)

# 499: two vendors, two meanings.
rc, out, err = hsrun("--width", "0", "499")
check("499: exit 0", rc == 0, "exit %d" % rc)
heads = [l for l in out.split("\n") if l.startswith("Vendor meaning")]
check("499: nginx meaning", any("nginx" in h for h in heads) and "Client Closed Request" in out, "headings %r" % heads)
check("499: ArcGIS meaning", any("ArcGIS" in h for h in heads) and "Token Required" in out, "headings %r" % heads)
d = docs.get(499, {})
check("499: --json names nginx first and ArcGIS", (d.get("vendors") or [""])[0] == "nginx" and any("ArcGIS" in v for v in d.get("vendors", [])), d.get("vendors"))
vs = [s["source"] for s in d.get("sections", []) if s["kind"] == "vendor"]
check("499: --json has both vendor sections", any("nginx" in s for s in vs) and any("ArcGIS" in s for s in vs), vs)
EOF

# ---- library constants: one python3 and one node process ----------------------------------------

python3 - "$TMPD/consts.json" <<'EOF'
import http, json, sys
consts = json.load(open(sys.argv[1]))
n = 0
for code, c in sorted(consts.items(), key=lambda kv: int(kv[0])):
    want = (c.get("const.python") or [None])[0]
    if want is None:
        continue
    code = int(code)
    try:
        got = http.HTTPStatus(code).name
    except ValueError:
        continue  # this Python does not know the code
    n += 1
    # A newer Python may rename a member and keep the old name as an alias.
    alias_ok = http.HTTPStatus.__members__.get(want) == code
    if got == want or alias_ok:
        print("PASS: const.python %d: %s" % (code, want))
    else:
        print("FAIL: const.python %d: the file says %s, Python %s says %s" % (code, want, sys.version.split()[0], got))
if n == 0:
    print("FAIL: const.python: no code was checked")
EOF

if command -v node >/dev/null 2>&1; then
    node -e '
const consts = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
const codes = require("http").STATUS_CODES;
let n = 0;
for (const code of Object.keys(consts).sort((a, b) => a - b)) {
    const want = (consts[code]["const.node"] || [])[0];
    if (want === undefined || codes[code] === undefined) continue;
    n++;
    if (codes[code] === want) console.log(`PASS: const.node ${code}: ${want}`);
    else console.log(`FAIL: const.node ${code}: the file says "${want}", Node ${process.version} says "${codes[code]}"`);
}
if (n === 0) console.log("FAIL: const.node: no code was checked");
' "$TMPD/consts.json"
else
    pass "const.node: skipped (no node)"
fi
