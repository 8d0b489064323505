"""tests/e2e/inject_db.py REAL OUT — a copy of the real database with terminal escape
payloads in every text value of every table, for tests/e2e/inject_all.sh and
tests/tui/inject.sh.

The schema is read, not assumed: every table in sqlite_master, every column whose values
are text (PRAGMA table_info, then typeof). The shadow tables of full-text indexes are
skipped (they hold the index, not text); a content table of FTS5 ('search') is updated like
the others and its index rebuilt, so search snippets carry the payloads too. A contentless
index ('words') has no text to change. The tables' CHECK constraints are taken out of the
schema first (as a crafted file may do), so a status, a level or a kind can be hostile too
and the file still passes PRAGMA quick_check. application_id and user_version stay as they were, so
the file is accepted as ours. One column (codes.summary) also has a NUL inside its values.

Each value becomes PAYLOAD + first word + MIDDLE + rest + PAYLOAD_END: sequences around
and inside the text, one left unterminated at the very end. Text inside a terminated OSC,
DCS or APC string is a marker ("INJ" + "OSC") that must never be seen: the database reader
removes those sequences whole.
"""
import shutil
import sqlite3
import sys

ESC = b"\x1b"
BEL = b"\x07"
ST = ESC + b"\\"
MARK = b"INJ" + b"OSC"

PAYLOAD = b"".join([
    ESC + b"[41m", ESC + b"[5m",                       # CSI: background red, blink
    ESC + b"]0;" + MARK + b"-title" + BEL,             # OSC 0: window title
    ESC + b"]52;c;" + MARK + b"aGk=" + BEL,            # OSC 52: set the clipboard
    ESC + b"]8;;http://evil.example/" + MARK + ST,     # OSC 8: a hyperlink
    b"link",
    ESC + b"]8;;" + ST,
    ESC + b"P" + MARK + b"dcs" + ST,                   # DCS
    ESC + b"_" + MARK + b"apc" + ST,                   # APC
    ESC + b"c",                                        # RIS: reset the terminal
    ESC + b"(0",                                       # line-drawing character set
    b"\r", b"\x08\x08", BEL, b"\x7f",                  # CR, BS, BEL, DEL
    b"\x9b2J",                                         # a raw 0x9b byte (CSI in 8 bits)
    "\u009b31m".encode(), "\u009d0;".encode() + MARK + "\u009c".encode(),   # C1 CSI, C1 OSC..ST
    "\u0085\u008e".encode(),                           # NEL, SS2
    "\u202e\u2066\u200b\u200d\ufeff\u00ad\u2028\u2029".encode(),   # bidi, zero-width, separators
    "\U000e0041\u115f\u3164\ufe0f\u034f".encode(),     # tag, Hangul fillers, selector, CGJ
    b"\xff\xfe\xc0\xaf\xed\xa0\x80",                   # invalid UTF-8: bytes, overlong, surrogate
    b"\t",
])
MIDDLE = b"\x1b[2J\x1b[H\r\x08" + "\u202e".encode()
PAYLOAD_END = PAYLOAD + b"\xe2\x80" + ESC + b"]2;unterminated-title"   # cut sequence, open OSC


def strip_checks(sql):
    """The CREATE TABLE statement without its CHECK (...) clauses."""
    out, i, up = [], 0, sql.upper()
    while True:
        j = up.find("CHECK", i)
        if j < 0:
            out.append(sql[i:])
            return "".join(out)
        k = sql.index("(", j)
        depth, m = 0, k
        while True:
            if sql[m] == "(":
                depth += 1
            elif sql[m] == ")":
                depth -= 1
                if depth == 0:
                    break
            m += 1
        out.append(sql[i:j])
        i = m + 1


def text_columns(c, table):
    cols = []
    for _, name, decl, *_ in c.execute('PRAGMA table_info("%s")' % table.replace('"', '""')):
        q = '"%s"' % name.replace('"', '""')
        t = '"%s"' % table.replace('"', '""')
        n = c.execute("SELECT count(*) FROM %s WHERE typeof(%s) = 'text'" % (t, q)).fetchone()[0]
        if n or "TEXT" in (decl or "").upper():
            cols.append(name)
    return cols


def main():
    real, out = sys.argv[1], sys.argv[2]
    shutil.copy(real, out)
    c = sqlite3.connect(out)
    c.execute("PRAGMA writable_schema = ON")
    for name, sql in c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%CHECK%'").fetchall():
        c.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (strip_checks(sql), name))
    v = c.execute("PRAGMA schema_version").fetchone()[0]
    c.execute("PRAGMA schema_version = %d" % (v + 1))
    c.execute("PRAGMA writable_schema = OFF")
    c.commit()
    c.close()
    c = sqlite3.connect(out)
    appid = c.execute("PRAGMA application_id").fetchone()[0]
    version = c.execute("PRAGMA user_version").fetchone()[0]
    tables = c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
    virtual = {n: (s or "") for n, s in tables if (s or "").upper().startswith("CREATE VIRTUAL TABLE")}
    shadow = {"%s_%s" % (v, s) for v in virtual for s in ("data", "idx", "content", "docsize", "config")}
    done = []
    for name, sql in tables:
        if name in shadow or name.startswith("sqlite_"):
            continue
        if name in virtual:
            low = virtual[name].lower().replace(" ", "")
            if "usingfts5(" not in low or "content=''" in low or "fts5vocab" in low:
                continue          # contentless index or vocabulary view: no text of its own
        t = '"%s"' % name.replace('"', '""')
        for col in text_columns(c, name):
            q = '"%s"' % col.replace('"', '""')
            # PAYLOAD + first word + MIDDLE + the rest + PAYLOAD_END, as bytes cast to text
            c.execute(
                "UPDATE %s SET %s = CAST(? || CAST(substr(%s, 1, instr(%s || ' ', ' ') - 1) AS BLOB) || ? "
                "|| CAST(substr(%s, instr(%s || ' ', ' ')) AS BLOB) || ? AS TEXT) WHERE typeof(%s) = 'text'"
                % (t, q, q, q, q, q, q), (PAYLOAD, MIDDLE, PAYLOAD_END))
            done.append("%s.%s" % (name, col))
        if name in virtual:
            c.execute("INSERT INTO %s(%s) VALUES('rebuild')" % (t, t))
    # A NUL inside a value (not in every column: keys compare as equal up to a NUL).
    c.execute("UPDATE codes SET summary = CAST(CAST(summary AS BLOB) || X'00' || ? AS TEXT)", (PAYLOAD,))
    c.execute("PRAGMA application_id = %d" % appid)
    c.execute("PRAGMA user_version = %d" % version)
    c.commit()
    c.execute("VACUUM")
    c.close()
    print("\n".join(done))


main()
