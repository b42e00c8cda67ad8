-- Terms come analysed (normalised, clitics and affixes off) from the
-- caller, with their positions, as a tsvector literal: PostgreSQL's own
-- parser and dictionaries never see the text, so both backends index the
-- same terms.
CREATE TABLE search (
    document BIGINT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    terms    TSVECTOR NOT NULL
);
-- A large pending list: an ingest adds thousands of documents, each with
-- hundreds of distinct terms, and merging them into the index in big runs
-- is much cheaper than small ones (autovacuum merges the rest).
CREATE INDEX search_terms ON search USING GIN (terms) WITH (gin_pending_list_limit = 32768);

-- Bumped after every commit that adds documents, so a reader (the server)
-- can tell the store changed without counting rows.
CREATE SEQUENCE changes;
