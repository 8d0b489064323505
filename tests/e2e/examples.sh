. "$(dirname "$0")/../lib.sh"
# tests/e2e/examples.sh — every example in the database (every code's "example" sections, as
# `--json` shows them) is a valid HTTP/1.1 exchange:
#   - optional '#' comment lines, e.g. "# HTTP/2 (shown in HTTP/1.1 notation)";
#   - messages one after another: a request starts "METHOD target HTTP/1.1", a response
#     "HTTP/1.1 NNN Phrase" (NNN is 000..599: a status the example is about);
#   - header lines "Name: value" with a token name, the header section ends at a blank line;
#   - a body is framed by Content-Length (its bytes, as written with \n line ends, UTF-8) or by
#     Transfer-Encoding: chunked (hex sizes, CRLF-free, a last chunk of size 0 and a blank
#     line); a response without either has no body, and must be one that cannot have one
#     (1xx, 204, 304, or an answer to HEAD) or say Content-Length: 0;
#   - 1xx, 204 and 304 responses carry no body;
#   - a request that sends Content-Type shows its body, except a request with
#     "Expect: 100-continue" (the body follows the 100) and binary media types, whose bytes
#     cannot be written down: an image, video, audio, font, zip, octet-stream … body, or one
#     that is compressed (Content-Encoding) or a delta (IM), may be left out when nothing
#     follows it but the next message;
#   - XML bodies are well-formed with their namespaces declared, JSON bodies parse.

case $TMPD in "${TMPDIR:-/tmp}"/tmp.*) trap 'rm -rf "$TMPD"' EXIT ;; esac

if ! command -v python3 >/dev/null 2>&1; then
    fail "python3" "python3 is needed by the example tests (make deps-test)"
    exit 0
fi

python3 - "$HS" <<'EOF'
import json, re, subprocess, sys
import xml.etree.ElementTree as ET

hs = sys.argv[1]

def run(*args):
    r = subprocess.run([hs] + list(args), stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout.decode("utf-8", "replace")

TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")
REQUEST = re.compile(r"^([A-Z][A-Z-]*) (\S+) HTTP/1\.1$")
RESPONSE = re.compile(r"^HTTP/1\.1 ([0-9]{3})( .*)?$")
BINARY = re.compile(r"^(image|video|audio|font)/|^application/(octet-stream|zip|gzip|pdf|vnd\.|x-tar|wasm|vcdiff)")


class Bad(Exception):
    pass


def headers_of(lines, i):
    """Header lines from i up to the blank line: (dict of lower name -> [values], index after the blank)."""
    h = {}
    while i < len(lines) and lines[i] != "":
        ln = lines[i]
        name, sep, value = ln.partition(":")
        if not sep or not TOKEN.match(name):
            raise Bad("line %d %r is not a header field" % (i + 1, ln[:60]))
        if value and not value.startswith(" "):
            raise Bad("line %d: no space after the colon in %r" % (i + 1, ln[:60]))
        h.setdefault(name.lower(), []).append(value.strip())
        i += 1
    return h, i + 1 if i < len(lines) else i


def check_body(kind, ctype, body):
    ctype = ctype.split(";")[0].strip().lower()
    if ctype.endswith("xml"):
        try:
            ET.fromstring(body)
        except ET.ParseError as e:
            raise Bad("%s XML body is not well-formed: %s" % (kind, e))
    if ctype == "application/json" or ctype.endswith("+json"):
        try:
            json.loads(body)
        except ValueError as e:
            raise Bad("%s JSON body does not parse: %s" % (kind, e))


def is_start(line):
    return bool(REQUEST.match(line) or RESPONSE.match(line))


def parse(text):
    """Check one example; returns the list of start lines."""
    lines = text.split("\n")
    i = 0
    starts = []
    last_request = None
    while i < len(lines):
        ln = lines[i]
        if ln == "" or ln.startswith("#"):
            i += 1
            continue
        m_req, m_res = REQUEST.match(ln), RESPONSE.match(ln)
        if not (m_req or m_res):
            raise Bad("line %d %r starts no message (want 'METHOD target HTTP/1.1' or 'HTTP/1.1 NNN Phrase')" % (i + 1, ln[:60]))
        kind = "request" if m_req else "response %s" % m_res.group(1)
        starts.append(ln)
        h, i = headers_of(lines, i + 1)
        if m_req:
            last_request = (m_req.group(1), h)
            if "host" not in h:
                raise Bad("%s %r has no Host" % (kind, ln))
        status = int(m_res.group(1)) if m_res else None
        te = ",".join(h.get("transfer-encoding", [])).lower()
        cl = h.get("content-length")
        ctype = (h.get("content-type") or [""])[0]
        rest = "\n".join(lines[i:])
        no_body = status is not None and (status < 200 or status in (204, 304) or
                                          (last_request and last_request[0] == "HEAD"))
        if cl and len(set(cl)) > 1:
            raise Bad("%s has differing Content-Length values" % kind)
        if cl and not cl[0].isdigit():
            raise Bad("%s Content-Length %r is not a number" % (kind, cl[0]))
        if te and cl:
            raise Bad("%s has both Transfer-Encoding and Content-Length" % kind)
        if status is not None and (status < 200 or status == 204) and (cl and cl[0] != "0" or te):
            raise Bad("%s must not have content (Content-Length %s, Transfer-Encoding %r)" % (kind, cl, te))
        if no_body:
            continue
        if te:
            if not te.endswith("chunked"):
                raise Bad("%s Transfer-Encoding %r does not end in chunked" % (kind, te))
            body = []
            while True:
                if i >= len(lines):
                    raise Bad("%s: chunked body ends without a last chunk" % kind)
                size_line = lines[i].split(";")[0].strip()
                if not re.match(r"^[0-9A-Fa-f]+$", size_line):
                    raise Bad("%s: chunk size line %r is not hex" % (kind, lines[i][:40]))
                size = int(size_line, 16)
                i += 1
                if size == 0:
                    while i < len(lines) and lines[i] != "":
                        i += 1          # trailer fields
                    i += 1
                    break
                data = "\n".join(lines[i:])
                raw = data.encode("utf-8")
                chunk = raw[:size]
                if len(raw) < size + 1 or raw[size:size + 1] != b"\n":
                    raise Bad("%s: a chunk of size %d is not followed by a line end (got %r)" % (kind, size, raw[size:size + 10]))
                body.append(chunk.decode("utf-8", "replace"))
                i += chunk.decode("utf-8", "replace").count("\n") + 1
            if ctype:
                check_body(kind, ctype, "".join(body))
            continue
        n = int(cl[0]) if cl else 0
        if not cl:
            if status is not None:
                raise Bad("%s can have content but has neither Content-Length nor Transfer-Encoding (say Content-Length: 0 when it is empty)" % kind)
            if ctype:
                raise Bad("%s sends Content-Type but no body (no Content-Length or Transfer-Encoding)" % kind)
            continue
        raw = rest.encode("utf-8")
        nothing_follows = rest.strip() == "" or is_start(rest.lstrip("\n").split("\n")[0])
        if n > 0 and nothing_follows:
            if m_req and "100-continue" in ",".join(h.get("expect", [])).lower():
                continue        # the body follows the 100 (Continue)
            if BINARY.match(ctype.lower()) or "content-encoding" in h or "im" in h:
                continue        # binary, compressed or delta-encoded content is left out
            raise Bad("%s has Content-Length %d but its body is not shown (only binary types may be left out)" % (kind, n))
        if n == 0:
            continue
        if len(raw) < n:
            raise Bad("%s Content-Length is %d but the body has %d bytes" % (kind, n, len(raw)))
        body, after = raw[:n], raw[n:]
        if after and not after.startswith(b"\n"):
            raise Bad("%s Content-Length is %d but the body goes on (%r…)" % (kind, n, after[:20]))
        body_text = body.decode("utf-8", "replace")
        if ctype:
            check_body(kind, ctype, body_text)
        i += body_text.count("\n") + 1
    if not starts:
        raise Bad("no message")
    return starts


# The checker itself, on crafted examples: what it must accept and what it must reject.
GOOD = {
    "plain": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Length: 2\n\nhi",
    "multi-line body": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: text/plain\nContent-Length: 6\n\nab\ncd\n",
    "request body": "POST /x HTTP/1.1\nHost: a\nContent-Type: application/json\nContent-Length: 7\n\n{\"a\":1}\n\nHTTP/1.1 204 No Content",
    "chunked": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n",
    "interim then final": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 103 Early Hints\nLink: </a.css>; rel=preload\n\nHTTP/1.1 200 OK\nContent-Length: 0",
    "binary left out": "GET /v HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: video/mp4\nContent-Length: 99",
    "expect 100-continue": "PUT /v HTTP/1.1\nHost: a\nContent-Type: text/plain\nContent-Length: 99\nExpect: 100-continue\n\nHTTP/1.1 100 Continue",
    "HEAD": "HEAD / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 512",
    "comment": "# HTTP/2 (shown in HTTP/1.1 notation)\nGET / HTTP/1.1\nHost: a\n\nHTTP/1.1 304 Not Modified\nETag: \"x\"",
    "xml": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: application/xml\nContent-Length: 23\n\n<d:a xmlns:d=\"DAV:\"/>\n\n\n",
}
BAD = {
    "length too long": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Length: 3\n\nhi",
    "length too short": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Length: 1\n\nhi",
    "no framing": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\nhi",
    "text left out": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 10",
    "request type without body": "POST / HTTP/1.1\nHost: a\nContent-Type: application/json\n\nHTTP/1.1 201 Created\nContent-Length: 0",
    "bad chunk": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n5\nabc\n0\n\n",
    "204 with content": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 204 No Content\nContent-Length: 3\n\nabc",
    "undeclared namespace": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: application/xml\nContent-Length: 6\n\n<d:a/>\n\n",
    "xml fragment": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: application/xml\nContent-Length: 10\n\n<a>...</b>\n\n",
    "bad json": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: application/json\nContent-Length: 5\n\n{a:1}",
    "no host": "GET / HTTP/1.1\n\nHTTP/1.1 404 Not Found\nContent-Length: 0",
    "not a start line": "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Length: 0\n\nhello",
    "HTTP/2 line": "GET / HTTP/2\nHost: a\n\nHTTP/2 200\n",
}
for name, text in GOOD.items():
    try:
        parse(text)
        print("PASS: examples checker accepts: " + name)
    except Bad as e:
        print("FAIL: examples checker accepts: %s: %s" % (name, e))
for name, text in BAD.items():
    try:
        parse(text)
        print("FAIL: examples checker rejects: %s: accepted" % name)
    except Bad:
        print("PASS: examples checker rejects: " + name)

rc, out = run("--json", "list")
codes = [d["code"] for d in json.loads(out)] if rc == 0 else []
if not codes:
    print("FAIL: examples: no codes listed (exit %d)" % rc)
    sys.exit(0)
rc, out = run("--json", *["%03d" % c for c in codes])
docs = json.loads(out) if rc == 0 else []
n_examples = 0
for d in docs:
    for s in d["sections"]:
        if s["kind"] != "example":
            continue
        n_examples += 1
        name = "example %03d (%s)" % (d["code"], s["source"])
        try:
            starts = parse(s["text"])
            # The example shows the code it is about, in a status line or (WebDAV) in a body.
            shown = any(re.match(r"^HTTP/1\.1 %03d( |$)" % d["code"], l) for l in starts) or \
                    ("HTTP/1.1 %03d " % d["code"]) in s["text"]
            if d["code"] != 0 and not shown:
                raise Bad("no response line 'HTTP/1.1 %03d …' in the example" % d["code"])
            print("PASS: " + name)
        except Bad as e:
            print("FAIL: %s: %s" % (name, e))
print(("PASS: examples: %d checked" if n_examples > 50 else "FAIL: examples: only %d found") % n_examples)
EOF
