-- httpstatus database schema. db/build creates a database from this file and assets/.
-- application_id 'HTST' marks the file as ours; user_version is the schema version that
-- src/data.c expects (HSDB_SCHEMA_VERSION).
PRAGMA application_id = 1213485908;
PRAGMA user_version = 1;

CREATE TABLE classes (
    class   INTEGER PRIMARY KEY,          -- 1..5
    title   TEXT NOT NULL,
    summary TEXT NOT NULL
);

CREATE TABLE codes (
    code          INTEGER PRIMARY KEY,    -- 100..599
    class         INTEGER NOT NULL REFERENCES classes(class),
    phrase        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('standard','unofficial','obsolete','reserved')),
    spec          TEXT NOT NULL,
    summary       TEXT NOT NULL,
    top10         INTEGER NOT NULL DEFAULT 0,
    cacheable     TEXT NOT NULL DEFAULT '',
    permanence    TEXT NOT NULL DEFAULT '',
    method_to_get TEXT NOT NULL DEFAULT '',
    headers       TEXT NOT NULL DEFAULT '',
    retry         TEXT NOT NULL DEFAULT ''
);

CREATE INDEX codes_class ON codes(class, code);

CREATE TABLE aliases (code INTEGER NOT NULL REFERENCES codes(code), ord INTEGER NOT NULL, alias TEXT NOT NULL);
CREATE TABLE vendors (code INTEGER NOT NULL REFERENCES codes(code), ord INTEGER NOT NULL, vendor TEXT NOT NULL);
CREATE TABLE constants (code INTEGER NOT NULL REFERENCES codes(code), lang TEXT NOT NULL, name TEXT NOT NULL);

-- Sections of a code (code set), of a class (class set) or of the page (both NULL).
CREATE TABLE sections (
    id     INTEGER PRIMARY KEY,
    code   INTEGER REFERENCES codes(code),
    class  INTEGER REFERENCES classes(class),
    ord    INTEGER NOT NULL,
    kind   TEXT NOT NULL,
    source TEXT NOT NULL,
    body   TEXT NOT NULL
);
CREATE INDEX sections_code ON sections(code, ord);
CREATE INDEX sections_class ON sections(class, ord);

CREATE TABLE related (
    code   INTEGER NOT NULL REFERENCES codes(code),
    ord    INTEGER NOT NULL,
    other  INTEGER NOT NULL REFERENCES codes(code),
    reason TEXT NOT NULL
);
CREATE INDEX related_code ON related(code, ord);

CREATE TABLE groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, title TEXT NOT NULL);
CREATE TABLE group_codes (
    group_id INTEGER NOT NULL REFERENCES groups(id),
    ord      INTEGER NOT NULL,
    code     INTEGER NOT NULL REFERENCES codes(code)
);
CREATE INDEX group_codes_code ON group_codes(code);

-- Full-text index, one row per code (rowid = code). Column order matters: bm25() weights
-- in src/data.c are given in this order.
CREATE VIRTUAL TABLE search USING fts5(
    phrase, aliases, summary, body, vendors,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
-- Unstemmed words of the same text, for "did you mean" suggestions and for completing the
-- last word of a live search. db/build fills 'vocab' from 'words_vocab' once, so that a
-- look-up never has to count documents over the whole index.
CREATE VIRTUAL TABLE words USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, row);
CREATE TABLE vocab (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX vocab_length ON vocab(length(term));
