-- Schema version 3: where a claim's quantity is in its evidence (byte
-- offsets into `evidence`), when that is not span less sentence start: the
-- sentence's text is not its original bytes there (an HTML entity or tag,
-- an invalid byte). NULL otherwise, and for claims stored before.
-- (Types in braces: see 001_initial.sql.)
ALTER TABLE claims ADD COLUMN mark_start {int};
ALTER TABLE claims ADD COLUMN mark_end {int};
