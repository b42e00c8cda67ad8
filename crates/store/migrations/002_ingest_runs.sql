-- Schema version 2: each ingest run is recorded, and a document remembers
-- the run that added it (NULL for documents stored before version 2); a
-- vague claim keeps the band its word stands for (NULL before version 2). From version 2 on, documents.text is empty when
-- the text is the original bytes themselves, which are then kept once.
CREATE TABLE runs (
    id        INTEGER PRIMARY KEY,
    started   TEXT NOT NULL,
    finished  TEXT,
    command   TEXT NOT NULL,
    new       INTEGER NOT NULL DEFAULT 0,
    known     INTEGER NOT NULL DEFAULT 0,
    failed    INTEGER NOT NULL DEFAULT 0,
    claims    INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE documents ADD COLUMN run INTEGER REFERENCES runs(id);
ALTER TABLE claims ADD COLUMN band_lo REAL;
ALTER TABLE claims ADD COLUMN band_hi REAL;
