-- httpstatus database schema. db/build creates a database from this file and assets/.
-- application_id 'HTST' marks the file as ours; user_version is the schema version that
-- src/data.c expects (HSDB_SCHEMA_VERSION).
PRAGMA application_id = 1213485908;
PRAGMA user_version = 4;

CREATE TABLE classes (
    class   INTEGER PRIMARY KEY,          -- 0..5 (0: code 000, no response at all)
    title   TEXT NOT NULL,
    summary TEXT NOT NULL
);

CREATE TABLE codes (
    code          INTEGER PRIMARY KEY,    -- 100..599, and 0 for 000 (no response)
    class         INTEGER NOT NULL REFERENCES classes(class),   -- code / 100
    phrase        TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('standard','temporary','unofficial','obsolete','reserved')),
    spec          TEXT NOT NULL,
    summary       TEXT NOT NULL,
    top10         INTEGER NOT NULL DEFAULT 0,
    cacheable     TEXT NOT NULL DEFAULT '',
    permanence    TEXT NOT NULL DEFAULT '',
    -- redirects: what happens to the method when the client follows Location
    method        TEXT NOT NULL DEFAULT '' CHECK (method IN ('','kept','may-change','changes-to-get')),
    headers       TEXT NOT NULL DEFAULT '',
    -- "After this response, should the client send the same request again?"
    resend        TEXT NOT NULL DEFAULT '' CHECK (resend IN ('','not-needed','as-is','after-delay','after-change','no')),
    use_when      TEXT NOT NULL DEFAULT '',
    not_when      TEXT NOT NULL DEFAULT ''
);

CREATE INDEX codes_class ON codes(class, code);

CREATE TABLE aliases (code INTEGER NOT NULL REFERENCES codes(code), ord INTEGER NOT NULL, alias TEXT NOT NULL);
CREATE TABLE vendors (code INTEGER NOT NULL REFERENCES codes(code), ord INTEGER NOT NULL, vendor TEXT NOT NULL);
-- Library constants: the current name (old = 0), then older names that still work (old = 1)
-- with a note saying since when ("alias since 3.13", "deprecated since 7.0").
CREATE TABLE constants (
    code INTEGER NOT NULL REFERENCES codes(code),
    lang TEXT NOT NULL,
    name TEXT NOT NULL,
    old  INTEGER NOT NULL DEFAULT 0,
    note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX constants_code ON constants(code, lang, old);

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

-- Header fields named in the codes' facts (assets/headers/NAME.txt), and which codes send
-- or require them: level is RFC 9110's word for that code (MUST, SHOULD, MAY) or USUALLY
-- (practice, not a rule).
CREATE TABLE headers (
    name        TEXT PRIMARY KEY COLLATE NOCASE,
    summary     TEXT NOT NULL,
    spec        TEXT NOT NULL,
    description TEXT NOT NULL
);
CREATE TABLE header_rules (
    header TEXT NOT NULL REFERENCES headers(name),
    ord    INTEGER NOT NULL,
    code   INTEGER NOT NULL REFERENCES codes(code),
    level  TEXT NOT NULL CHECK (level IN ('MUST','SHOULD','MAY','USUALLY')),
    text   TEXT NOT NULL
);
CREATE INDEX header_rules_header ON header_rules(header COLLATE NOCASE, ord);
CREATE INDEX header_rules_code ON header_rules(code);

-- Situations for quizzes (assets/scenarios.txt): the best code, codes also accepted under
-- another convention, and wrong answers with the reason each is wrong.
CREATE TABLE scenarios (
    id         TEXT PRIMARY KEY,
    ord        INTEGER NOT NULL,
    situation  TEXT NOT NULL,
    best       INTEGER NOT NULL REFERENCES codes(code),
    convention TEXT NOT NULL DEFAULT '',
    why        TEXT NOT NULL
);
CREATE TABLE scenario_codes (
    scenario TEXT NOT NULL REFERENCES scenarios(id),
    kind     TEXT NOT NULL CHECK (kind IN ('also','wrong')),
    ord      INTEGER NOT NULL,
    code     INTEGER NOT NULL REFERENCES codes(code),
    reason   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX scenario_codes_scenario ON scenario_codes(scenario, kind, ord);

-- The words people use for a code that our texts do not (assets/vocabulary.txt).
CREATE TABLE vocabulary (
    code   INTEGER NOT NULL REFERENCES codes(code),
    ord    INTEGER NOT NULL,
    phrase TEXT NOT NULL
);
CREATE INDEX vocabulary_code ON vocabulary(code, ord);

-- Full-text index, one row per code (rowid = code). Column order matters: bm25() weights
-- in src/data.c are given in this order; 'words' (the vocabulary) is last.
CREATE VIRTUAL TABLE search USING fts5(
    phrase, aliases, summary, body, vendors, words,
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
-- Names and aliases alone (rowid = code), for the name tier of a search: a phrase in a name
-- is found without reading the doclists of the whole text (on the generated database of
-- 50,000 entries a name phrase took 3.6 ms through 'search', 0.2 ms here). No content of
-- its own: the text is in 'search'.
CREATE VIRTUAL TABLE names USING fts5(
    phrase, aliases, content = '',
    tokenize = 'porter unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
-- Unstemmed words of the same text, for "did you mean" suggestions and for completing the
-- last word of a live search. db/build fills 'vocab' from 'words_vocab' once, so that a
-- look-up never has to count documents over the whole index.
CREATE VIRTUAL TABLE words USING fts5(text, content = '', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE words_vocab USING fts5vocab(words, row);
CREATE TABLE vocab (term TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
-- What a search ranks a code by, apart from its text: its class, whether it is standard, and
-- the length of its name (shorter names first in the name tier). db/build fills it from
-- 'codes'. Ranking looks these up for hundreds of candidates per keystroke of a live search;
-- kept apart from the long rows of 'codes' they stay in a few pages (on the generated
-- database of 50,000 entries, the lookups in 'codes' read some 200 pages per keystroke).
CREATE TABLE rank_keys (
    code     INTEGER PRIMARY KEY,
    class    INTEGER NOT NULL,
    standard INTEGER NOT NULL,     -- 1: status 'standard'
    name_len INTEGER NOT NULL      -- length(phrase)
);
CREATE INDEX vocab_length ON vocab(length(term));
