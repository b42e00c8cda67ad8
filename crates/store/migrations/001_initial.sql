-- Schema version 1: documents with their original bytes, the number
-- mentions and claims found in them, and the full-text index.
--
-- One description for both backends: {id}, {int}, {real}, {blob} and {bool}
-- become each backend's types (see src/schema.rs).
CREATE TABLE documents (
    id        {id},
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
    original  {blob} NOT NULL,
    text      TEXT NOT NULL           -- the text the offsets of `text` spans refer to
);
CREATE INDEX documents_doc ON documents(doc);

CREATE TABLE mentions (
    document {int} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start    {int} NOT NULL,          -- byte offsets into `original`
    "end"    {int} NOT NULL,
    kind     TEXT NOT NULL,
    lo       {real},
    hi       {real},
    vague    TEXT
);
CREATE INDEX mentions_document ON mentions(document);

CREATE TABLE claims (
    id         {id},
    document   {int} NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    facet      TEXT NOT NULL,
    lo         {real},                  -- the value, or a range's ends; NULL when vague
    hi         {real},
    vague      TEXT,
    qualifier  TEXT NOT NULL,
    stance     TEXT NOT NULL,
    chain      TEXT NOT NULL,         -- JSON [{"id","name","kind"}], outermost first
    anonymous  {bool} NOT NULL,
    subject    TEXT,
    span_start {int} NOT NULL,      -- byte offsets into `original`
    span_end   {int} NOT NULL,
    sent_start {int} NOT NULL,
    sent_end   {int} NOT NULL,
    evidence   TEXT NOT NULL
);
CREATE INDEX claims_document ON claims(document);
CREATE INDEX claims_facet ON claims(facet);

-- The search index differs by backend: see sqlite/001_search.sql and
-- postgres/001_search.sql.
