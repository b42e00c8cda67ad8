-- Schema version 1: documents with their original bytes, the number
-- mentions and claims found in them, and the full-text index.
CREATE TABLE documents (
    id        INTEGER PRIMARY KEY,
    hash      TEXT NOT NULL UNIQUE,   -- SHA-256 of the original bytes, hex
    doc       TEXT NOT NULL,          -- the contract's document id
    origin    TEXT NOT NULL,          -- where it was read from
    format    TEXT NOT NULL,          -- text, html, jsonl
    title     TEXT,
    outlet    TEXT,
    byline    TEXT,
    published TEXT,                   -- YYYY-MM-DD when known
    url       TEXT,
    lang      TEXT,
    target    TEXT,                   -- what the report is about, for events
    added     TEXT NOT NULL,          -- when it was stored (UTC)
    original  BLOB NOT NULL,
    text      TEXT NOT NULL           -- the text the offsets of `text` spans refer to
);
CREATE INDEX documents_doc ON documents(doc);

CREATE TABLE mentions (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start    INTEGER NOT NULL,        -- byte offsets into `original`
    end      INTEGER NOT NULL,
    kind     TEXT NOT NULL,
    lo       REAL,
    hi       REAL,
    vague    TEXT
);
CREATE INDEX mentions_document ON mentions(document);

CREATE TABLE claims (
    id         INTEGER PRIMARY KEY,
    document   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    facet      TEXT NOT NULL,
    lo         REAL,                  -- the value, or a range's ends; NULL when vague
    hi         REAL,
    vague      TEXT,
    qualifier  TEXT NOT NULL,
    stance     TEXT NOT NULL,
    chain      TEXT NOT NULL,         -- JSON [{"id","name","kind"}], outermost first
    anonymous  INTEGER NOT NULL,
    subject    TEXT,
    span_start INTEGER NOT NULL,      -- byte offsets into `original`
    span_end   INTEGER NOT NULL,
    sent_start INTEGER NOT NULL,
    sent_end   INTEGER NOT NULL,
    evidence   TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document);
CREATE INDEX claims_facet ON claims(facet);

-- Terms come analysed (normalised, clitics and affixes off) from the
-- caller; the index only splits them on spaces.
CREATE VIRTUAL TABLE search USING fts5(
    terms,
    content = '',
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_-'"
);
