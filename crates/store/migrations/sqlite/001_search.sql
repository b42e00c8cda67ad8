-- Terms come analysed (normalised, clitics and affixes off) from the
-- caller; the index only splits them on spaces.
CREATE VIRTUAL TABLE search USING fts5(
    terms,
    content = '',
    tokenize = "unicode61 remove_diacritics 0 tokenchars '_-'"
);
