-- Schema version 2: each ingest run is recorded, and a document remembers
-- the run that added it (NULL for documents stored before version 2); a
-- vague claim keeps the band its word stands for (NULL before version 2). From version 2 on, documents.text is empty when
-- the text is the original bytes themselves, which are then kept once.
-- (Types in braces: see 001_initial.sql.)
CREATE TABLE runs (
    id        {id},
    started   TEXT NOT NULL,
    finished  TEXT,
    command   TEXT NOT NULL,
    new       {int} NOT NULL DEFAULT 0,
    known     {int} NOT NULL DEFAULT 0,
    failed    {int} NOT NULL DEFAULT 0,
    claims    {int} NOT NULL DEFAULT 0
);
ALTER TABLE documents ADD COLUMN run {int} REFERENCES runs(id);
ALTER TABLE claims ADD COLUMN band_lo {real};
ALTER TABLE claims ADD COLUMN band_hi {real};
