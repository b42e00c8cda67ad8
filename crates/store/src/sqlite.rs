//! The SQLite backend: one file, WAL mode, FTS5 for search.

use crate::schema::{Dialect, SCHEMA_VERSION, migration};
use crate::{
    Added, Columns, Counts, Decode, DocFields, Hit, KnownDocument, LedgerRow, NewDocument, Query, Result,
    StoreError, StoredDocument, split, split_band, split_mark, stored_text,
};
use isnad_model::{Claim, Span};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a store waits for another process's lock before giving up.
const BUSY: Duration = Duration::from_secs(30);

/// An open SQLite store.
pub(crate) struct Sqlite {
    conn: Connection,
    path: PathBuf,
}

impl Sqlite {
    /// Opens (creating if need be) the store at `path`, bringing its schema
    /// up to date.
    pub(crate) fn open(path: &Path) -> Result<Sqlite> {
        let conn = Connection::open(path).map_err(|e| sqlite(path, e))?;
        let mut store = Sqlite {
            conn,
            path: path.to_path_buf(),
        };
        store.setup()?;
        Ok(store)
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        sqlite(&self.path, e)
    }

    fn setup(&mut self) -> Result<()> {
        self.conn.busy_timeout(BUSY).map_err(|e| self.err(e))?;
        self.wal()?;
        self.conn
            .pragma_update(None, "synchronous", "NORMAL")
            .map_err(|e| self.err(e))?;
        self.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| self.err(e))?;
        let found = self.schema_version()?;
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        for version in found + 1..=SCHEMA_VERSION {
            // Another process may be making the same fresh store: take the
            // write lock first and look again at what it holds.
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
                .map_err(|e| sqlite(&self.path, e))?;
            let now: u32 = tx
                .pragma_query_value(None, "user_version", |r| r.get(0))
                .map_err(|e| sqlite(&self.path, e))?;
            if now >= version {
                continue;
            }
            tx.execute_batch(&migration(version, Dialect::Sqlite))
                .map_err(|e| sqlite(&self.path, e))?;
            tx.pragma_update(None, "user_version", version)
                .map_err(|e| sqlite(&self.path, e))?;
            tx.commit().map_err(|e| sqlite(&self.path, e))?;
        }
        Ok(())
    }

    /// Puts the file in WAL mode. Turning a fresh file to WAL takes an
    /// exclusive lock that SQLite does not wait for (the busy timeout does
    /// not apply), so processes opening the same new store at once wait
    /// here for their turn, as long as the busy timeout.
    fn wal(&self) -> Result<()> {
        let deadline = Instant::now() + BUSY;
        loop {
            match self.conn.pragma_update(None, "journal_mode", "WAL") {
                Ok(()) => return Ok(()),
                Err(e)
                    if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                        && Instant::now() < deadline =>
                {
                    std::thread::sleep(Duration::from_millis(5));
                }
                Err(e) => return Err(self.err(e)),
            }
        }
    }

    /// The schema version of the file.
    pub(crate) fn schema_version(&self) -> Result<u32> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// Every content hash stored, so that a caller can skip known documents
    /// before analysing them.
    pub(crate) fn known_hashes(&self) -> Result<HashSet<String>> {
        let mut st = self
            .conn
            .prepare("SELECT hash FROM documents")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| r.get::<_, String>(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// The stored document with this content hash, if any.
    pub(crate) fn known(&self, hash: &str) -> Result<Option<KnownDocument>> {
        self.conn
            .query_row(
                "SELECT id, (SELECT count(*) FROM claims WHERE document = documents.id) FROM documents WHERE hash = ?1",
                params![hash],
                |r| {
                    Ok(KnownDocument {
                        id: r.get(0)?,
                        claims: r.get::<_, i64>(1)? as u64,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Records the start of an ingest run; returns its id.
    pub(crate) fn begin_run(&self, command: &str, vocabulary: Option<&str>) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO runs (started, command, vocabulary) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?1, ?2)",
                params![command, vocabulary],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    pub(crate) fn runs(&self) -> Result<Vec<crate::Run>> {
        let mut st = self
            .conn
            .prepare("SELECT id, started, finished, command, vocabulary, new, known, failed, claims FROM runs ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok(crate::Run {
                    id: r.get(0)?,
                    started: r.get(1)?,
                    finished: r.get(2)?,
                    command: r.get(3)?,
                    vocabulary: r.get(4)?,
                    new: r.get(5)?,
                    known: r.get(6)?,
                    failed: r.get(7)?,
                    claims: r.get(8)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<crate::Run>>>()
            .map_err(|e| self.err(e))
    }

    /// Records the end of an ingest run with its counts.
    pub(crate) fn finish_run(&self, run: i64, new: u64, known: u64, failed: u64, claims: u64) -> Result<()> {
        self.conn
            .execute(
                "UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%SZ','now'), new = ?2, known = ?3, failed = ?4, claims = ?5 WHERE id = ?1",
                params![run, new as i64, known as i64, failed as i64, claims as i64],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// A write transaction that takes the write lock at once (see `add_all`).
    fn immediate(&mut self) -> Result<rusqlite::Transaction<'_>> {
        let path = self.path.clone();
        self.conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| sqlite(&path, e))
    }

    /// Stores documents, each whole, in one transaction (a kill leaves all of
    /// them or none), skipping those whose hash is already stored.
    pub(crate) fn add_all(&mut self, docs: &[NewDocument], run: Option<i64>) -> Result<Vec<Added>> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        // Immediate: the hash check reads before the insert writes, and a
        // deferred transaction whose snapshot another process has moved on
        // from cannot be upgraded to a writer (SQLITE_BUSY_SNAPSHOT comes
        // back at once, without the busy timeout). Taking the write lock
        // first makes concurrent ingests wait their turn instead.
        let tx = self.immediate()?;
        let mut out = Vec::with_capacity(docs.len());
        for d in docs {
            out.push(insert(&tx, d, run).map_err(e)?);
        }
        tx.commit().map_err(e)?;
        Ok(out)
    }

    /// Replaces the claims, mentions and target of document `id` with
    /// those of `d`, in one transaction.
    pub(crate) fn replace_found(&mut self, id: i64, d: &NewDocument) -> Result<()> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.immediate()?;
        tx.execute("DELETE FROM claims WHERE document = ?1", params![id])
            .map_err(e)?;
        tx.execute("DELETE FROM mentions WHERE document = ?1", params![id])
            .map_err(e)?;
        tx.execute(
            "UPDATE documents SET target = ?2 WHERE id = ?1",
            params![id, d.fields.target],
        )
        .map_err(e)?;
        insert_found(&tx, id, d).map_err(e)?;
        tx.commit().map_err(e)
    }

    /// How much the store holds.
    pub(crate) fn counts(&self) -> Result<Counts> {
        let one = |sql: &str| -> Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(|e| self.err(e))
        };
        Ok(Counts {
            documents: one("SELECT count(*) FROM documents")?,
            claims: one("SELECT count(*) FROM claims")?,
            mentions: one("SELECT count(*) FROM mentions")?,
        })
    }

    /// Every claim with its document's fields, in document then position order.
    pub(crate) fn ledger_rows(&self) -> Result<Vec<LedgerRow>> {
        self.ledger_rows_where("", [])
    }

    fn ledger_rows_where(&self, filter: &str, args: impl rusqlite::Params) -> Result<Vec<LedgerRow>> {
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT c.id, c.document, {DOC_COLUMNS}, c.facet, c.lo, c.hi, c.vague, c.qualifier, c.stance, c.chain,
                        c.anonymous, c.subject, c.span_start, c.span_end, c.sent_start, c.sent_end, c.evidence, c.band_lo, c.band_hi,
                        c.mark_start, c.mark_end
                 FROM claims c JOIN documents d ON d.id = c.document {filter}
                 ORDER BY c.document, c.span_start, c.id"
            ))
            .map_err(|e| self.err(e))?;
        // Rows come by document: its fields are read once and shared; a
        // chain's JSON is parsed once however many claims repeat it.
        let mut last: Option<(i64, std::sync::Arc<DocFields>)> = None;
        let mut decode = Decode::default();
        let mut out = Vec::new();
        let mut rows = st.query(args).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let row = (|| -> rusqlite::Result<std::result::Result<LedgerRow, String>> {
                let id: i64 = r.get(0)?;
                let document: i64 = r.get(1)?;
                let doc = match &last {
                    Some((d, f)) if *d == document => f.clone(),
                    _ => {
                        let f = std::sync::Arc::new(doc_fields(r, 2)?);
                        last = Some((document, f.clone()));
                        f
                    }
                };
                let columns = Columns {
                    facet: r.get(16)?,
                    lo: r.get(17)?,
                    hi: r.get(18)?,
                    vague: r.get(19)?,
                    qualifier: r.get_ref(20)?.as_str()?,
                    stance: r.get_ref(21)?.as_str()?,
                    chain: r.get_ref(22)?.as_str()?,
                    anonymous: r.get(23)?,
                    subject: r.get(24)?,
                    span: Span {
                        start: r.get(25)?,
                        end: r.get(26)?,
                    },
                    sentence: Span {
                        start: r.get(27)?,
                        end: r.get(28)?,
                    },
                    evidence: r.get_ref(29)?.as_str()?,
                    band_lo: r.get(30)?,
                    band_hi: r.get(31)?,
                    mark_start: r.get(32)?,
                    mark_end: r.get(33)?,
                };
                Ok(decode.claim(id, &doc, columns).map(|claim| LedgerRow {
                    id,
                    document,
                    doc,
                    claim,
                }))
            })()
            .map_err(|e| self.err(e))?
            .map_err(|what| StoreError::Damaged {
                path: self.path.clone(),
                what,
            })?;
            out.push(row);
        }
        Ok(out)
    }

    /// The claims of one document, with their row ids, in text order.
    pub(crate) fn document_claims(&self, document: i64) -> Result<Vec<(i64, Claim)>> {
        Ok(self
            .ledger_rows_where("WHERE c.document = ?1", params![document])?
            .into_iter()
            .map(|r| (r.id, r.claim))
            .collect())
    }

    /// Documents, newest first, `limit` from `offset`, and how many there are.
    pub(crate) fn documents(&self, limit: usize, offset: usize) -> Result<(Vec<(i64, DocFields)>, u64)> {
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT d.id, {DOC_COLUMNS} FROM documents d ORDER BY d.published DESC, d.id LIMIT ?1 OFFSET ?2"
            ))
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![limit as i64, offset as i64], |r| {
                Ok((r.get(0)?, doc_fields(r, 1)?))
            })
            .map_err(|e| self.err(e))?;
        let list = rows
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.err(e))?;
        Ok((list, self.counts()?.documents))
    }

    /// A number that changes whenever another connection commits to the
    /// file, for caching what is computed from it.
    pub(crate) fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// One document by row id.
    pub(crate) fn document_ids(&self) -> Result<Vec<i64>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM documents ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = st.query_map([], |r| r.get(0)).map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<i64>>>()
            .map_err(|e| self.err(e))
    }

    pub(crate) fn documents_named(&self, doc: &str) -> Result<Vec<i64>> {
        let mut st = self
            .conn
            .prepare("SELECT id FROM documents WHERE doc = ?1 ORDER BY id")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![doc], |r| r.get(0))
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<i64>>>()
            .map_err(|e| self.err(e))
    }

    pub(crate) fn document(&self, id: i64) -> Result<Option<StoredDocument>> {
        self.conn
            .query_row(
                &format!("SELECT d.id, {DOC_COLUMNS}, d.original, d.text FROM documents d WHERE d.id = ?1"),
                params![id],
                |r| {
                    Ok(StoredDocument {
                        id: r.get(0)?,
                        fields: doc_fields(r, 1)?,
                        original: r.get(15)?,
                        text: r.get::<_, String>(16)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// Documents matching `query`, best (by BM25) first.
    pub(crate) fn search(&self, query: &Query, limit: usize) -> Result<Vec<Hit>> {
        let query = fts5(query);
        let mut st = self
            .conn
            .prepare("SELECT rowid, -bm25(search) FROM search WHERE search MATCH ?1 ORDER BY bm25(search) LIMIT ?2")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![query, limit as i64], |r| {
                Ok(Hit {
                    document: r.get(0)?,
                    score: r.get(1)?,
                })
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<std::result::Result<_, _>>()
            .map_err(|e| self.err(e))
    }
}

/// The query in FTS5's syntax, every term quoted.
fn fts5(query: &Query) -> String {
    query.render(&|t| format!("\"{}\"", t.replace('"', "\"\"")), " OR ", " AND ")
}

/// Inserts one document and everything found in it.
fn insert(tx: &rusqlite::Transaction<'_>, d: &NewDocument, run: Option<i64>) -> rusqlite::Result<Added> {
    let known: Option<i64> = tx
        .prepare_cached("SELECT id FROM documents WHERE hash = ?1")?
        .query_row(params![d.fields.hash], |r| r.get(0))
        .optional()?;
    if let Some(id) = known {
        return Ok(Added::Known(id));
    }
    let f = &d.fields;
    let (warc_file, warc_record, warc_offset) = crate::split_warc(f.warc.as_ref());
    let taken: Option<i64> = tx
        .prepare_cached("SELECT 1 FROM documents WHERE doc = ?1 LIMIT 1")?
        .query_row(params![f.doc], |r| r.get(0))
        .optional()?;
    let doc = match taken {
        Some(_) => crate::distinct_id(&f.doc, &f.hash),
        None => f.doc.clone(),
    };
    // The same record stored by an isnad that keyed it by its bytes alone.
    if let Some(legacy) = crate::legacy_hash(f, &d.original) {
        let known: Option<i64> = tx
            .prepare_cached("SELECT id FROM documents WHERE hash = ?1 AND outlet IS ?2 AND url IS ?3")?
            .query_row(params![legacy, f.outlet, f.url], |r| r.get(0))
            .optional()?;
        if let Some(id) = known
            && crate::keyed(f, &d.original)
        {
            return Ok(Added::Known(id));
        }
    }
    tx.prepare_cached(
        "INSERT INTO documents (hash, doc, origin, format, title, outlet, byline, published, url, lang, target, added, original, text, run,
                                warc_file, warc_record, warc_offset)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        f.hash,
        doc,
        f.origin,
        f.format,
        f.title,
        f.outlet,
        f.byline,
        f.published,
        f.url,
        f.lang,
        f.target,
        d.original,
        stored_text(d),
        run,
        warc_file,
        warc_record,
        warc_offset
    ])?;
    let id = tx.last_insert_rowid();
    insert_found(tx, id, d)?;
    tx.prepare_cached("INSERT INTO search (rowid, terms) VALUES (?1, ?2)")?
        .execute(params![id, d.terms])?;
    Ok(Added::New(id))
}

/// Inserts the mentions and claims of `d` as those of document `id`.
fn insert_found(tx: &rusqlite::Transaction<'_>, id: i64, d: &NewDocument) -> rusqlite::Result<()> {
    {
        let mut m = tx
                .prepare_cached(
                    "INSERT INTO mentions (document, start, end, kind, lo, hi, vague) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                ?;
        for x in &d.mentions {
            let (lo, hi) = split(x.value);
            m.execute(params![id, x.span.start, x.span.end, x.kind, lo, hi, x.vague])?;
        }
        let mut c = tx
                .prepare_cached(
                    "INSERT INTO claims (document, facet, lo, hi, vague, qualifier, stance, chain, anonymous, subject, span_start, span_end, sent_start, sent_end, evidence, band_lo, band_hi, mark_start, mark_end)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
                )
                ?;
        for x in &d.claims {
            let (lo, hi) = split(x.value);
            let (band_lo, band_hi) = split_band(x.band);
            let (mark_start, mark_end) = split_mark(x.mark);
            let chain = serde_json::to_string(&x.source).unwrap_or_else(|_| "[]".into());
            c.execute(params![
                id,
                x.facet,
                lo,
                hi,
                x.vague.as_deref(),
                x.qualifier.as_str(),
                x.stance.as_str(),
                chain,
                x.anonymous,
                x.subject,
                x.span.start,
                x.span.end,
                x.sentence.start,
                x.sentence.end,
                &*x.evidence,
                band_lo,
                band_hi,
                mark_start,
                mark_end
            ])?;
        }
    }
    Ok(())
}

const DOC_COLUMNS: &str = "d.hash, d.doc, d.origin, d.format, d.title, d.outlet, d.byline, d.published, d.url, d.lang, d.target, \
     d.warc_file, d.warc_record, d.warc_offset";

fn doc_fields(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<DocFields> {
    Ok(DocFields {
        hash: r.get(at)?,
        doc: r.get(at + 1)?,
        origin: r.get(at + 2)?,
        format: r.get(at + 3)?,
        title: r.get(at + 4)?,
        outlet: r.get(at + 5)?,
        byline: r.get(at + 6)?,
        published: r.get(at + 7)?,
        url: r.get(at + 8)?,
        lang: r.get(at + 9)?,
        target: r.get(at + 10)?,
        warc: crate::join_warc(r.get(at + 11)?, r.get(at + 12)?, r.get(at + 13)?),
    })
}

fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

impl Sqlite {
    /// The file's path, for messages.
    pub(crate) fn location(&self) -> String {
        self.path.display().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reader_sees_committed_documents_while_a_writer_holds_the_file() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("isnad.db");
        let mut w = Sqlite::open(&path).expect("writer");
        let d = NewDocument {
            original: b"x".to_vec(),
            text: "x".into(),
            fields: DocFields {
                hash: crate::content_hash(b"x"),
                ..DocFields::default()
            },
            ..NewDocument::default()
        };
        w.add_all(&[d], None).expect("add");
        let r = Sqlite::open(&path).expect("reader");
        w.conn.execute_batch("BEGIN IMMEDIATE").expect("write lock");
        assert_eq!(r.counts().expect("read under a write lock").documents, 1);
        w.conn.execute_batch("ROLLBACK").expect("rollback");
    }
}
