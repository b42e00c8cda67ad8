-- Schema version 4: where in a web archive a document was read from: the
-- WARC file as named when read, the record's WARC-Record-ID, and the byte
-- offset of the record (of its gzip member in a .warc.gz). NULL for a
-- document not read from a WARC file, and for those stored before.
-- (Types in braces: see 001_initial.sql.)
ALTER TABLE documents ADD COLUMN warc_file TEXT;
ALTER TABLE documents ADD COLUMN warc_record TEXT;
ALTER TABLE documents ADD COLUMN warc_offset {int};
