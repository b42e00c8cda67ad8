-- Schema version 5: each run records the hash of the vocabulary it used
-- (`isnad --version` prints it), so that a store says which vocabulary
-- produced its claims. NULL for runs before version 5 and for runs that
-- extract nothing.
ALTER TABLE runs ADD COLUMN vocabulary TEXT;
