//! isnad's store: one SQLite file holding documents (their original bytes
//! and metadata), the number mentions and claims found in them, and the
//! full-text index.
//!
//! In: documents already read and analysed by the caller ([`NewDocument`]:
//! claims, mentions and search terms are computed elsewhere; this crate
//! knows nothing of Arabic). Out: the stored rows, for the ledger, the
//! search and the page. It refuses a file that is not an isnad store, and a
//! store written by a newer isnad than itself (its schema version is higher
//! than the migrations it knows).
//!
//! Guarantees: a document is stored whole or not at all (one transaction
//! each), and at most once (its content hash is a unique key). The file runs
//! in WAL mode, so readers (`ledger`, `search`) work while a writer ingests.

use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema, one migration per version, applied in order.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/001_initial.sql"),
    include_str!("../migrations/002_ingest_runs.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// What went wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused an operation.
    #[error("{path}: {source}")]
    Sqlite {
        /// The store file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The file was written by a newer isnad.
    #[error(
        "{path}: the store has schema version {found}, newer than this isnad knows ({known}); upgrade isnad"
    )]
    TooNew {
        /// The store file.
        path: PathBuf,
        /// Its version.
        found: u32,
        /// This build's version.
        known: u32,
    },
    /// A stored row could not be decoded.
    #[error("{path}: a stored row is damaged: {what}")]
    Damaged {
        /// The store file.
        path: PathBuf,
        /// What was wrong.
        what: String,
    },
}

type Result<T> = std::result::Result<T, StoreError>;

/// The content hash a document is known by: SHA-256 of its original bytes,
/// in hex.
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    s
}

/// One source of an attribution chain.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Link {
    /// Its id.
    pub id: String,
    /// Its display name.
    pub name: String,
    /// outlet, organisation, armed_group, government, person, anonymous.
    pub kind: String,
}

/// A claim as stored: the contract's claim without the document's fields.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimRow {
    /// The facet.
    pub facet: String,
    /// The value, or a range's ends; `None` when only a vague word is given.
    pub value: Option<(f64, f64)>,
    /// The vague word's gloss.
    pub vague: Option<String>,
    /// The band the vague word stands for.
    pub band: Option<(f64, f64)>,
    /// exact, approx, at_least…
    pub qualifier: String,
    /// asserted or denied.
    pub stance: String,
    /// The chain, outermost first (shared by the claims that repeat it).
    pub chain: std::sync::Arc<[Link]>,
    /// True when the innermost source is unnamed.
    pub anonymous: bool,
    /// The event, when the engine could tell.
    pub subject: Option<String>,
    /// The quantity, in the original bytes.
    pub span: (u32, u32),
    /// Its sentence, in the original bytes.
    pub sentence: (u32, u32),
    /// The sentence's text.
    pub evidence: std::sync::Arc<str>,
}

/// A number mention as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRow {
    /// Byte offsets into the original.
    pub span: (u32, u32),
    /// cardinal, range, vague, year…
    pub kind: String,
    /// Its value or range.
    pub value: Option<(f64, f64)>,
    /// A vague word's gloss.
    pub vague: Option<String>,
}

/// A document's fields, as stored and as read back.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct DocFields {
    /// SHA-256 of the original bytes, hex.
    pub hash: String,
    /// The contract's document id.
    pub doc: String,
    /// Where it was read from.
    pub origin: String,
    /// text, html, jsonl.
    pub format: String,
    /// Headline.
    pub title: Option<String>,
    /// Publishing outlet.
    pub outlet: Option<String>,
    /// Byline.
    pub byline: Option<String>,
    /// Publication date, YYYY-MM-DD.
    pub published: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// Language code.
    pub lang: Option<String>,
    /// What the report is about (a place or target), for grouping events.
    pub target: Option<String>,
}

/// A document ready to store, with everything found in it.
#[derive(Debug, Clone, Default)]
pub struct NewDocument {
    /// Its fields.
    pub fields: DocFields,
    /// The bytes as read.
    pub original: Vec<u8>,
    /// The text the search terms were taken from.
    pub text: String,
    /// Its number mentions.
    pub mentions: Vec<MentionRow>,
    /// Its claims.
    pub claims: Vec<ClaimRow>,
    /// Its search terms, space-separated.
    pub terms: String,
}

/// A stored document.
#[derive(Debug, Clone)]
pub struct StoredDocument {
    /// Its row id.
    pub id: i64,
    /// Its fields.
    pub fields: DocFields,
    /// The bytes as read.
    pub original: Vec<u8>,
    /// Its text.
    pub text: String,
}

/// A stored claim with the fields of its document the ledger needs.
#[derive(Debug, Clone)]
pub struct LedgerRow {
    /// The claim's row id.
    pub id: i64,
    /// The document's row id.
    pub document: i64,
    /// The document's fields (shared by the rows of one document).
    pub doc: std::sync::Arc<DocFields>,
    /// The claim.
    pub claim: ClaimRow,
}

/// What storing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Stored under this row id.
    New(i64),
    /// Already there, under this row id; nothing written.
    Known(i64),
}

/// Counts of what a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Claims.
    pub claims: u64,
    /// Number mentions.
    pub mentions: u64,
}

/// One search hit.
#[derive(Debug, Clone)]
pub struct Hit {
    /// The document's row id.
    pub document: i64,
    /// Its score (higher is better).
    pub score: f64,
}

/// An open store.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (creating if need be) the store at `path`, bringing its schema
    /// up to date.
    pub fn open(path: &Path) -> Result<Store> {
        let conn = Connection::open(path).map_err(|e| sqlite(path, e))?;
        let mut store = Store {
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
        self.conn
            .busy_timeout(Duration::from_secs(30))
            .map_err(|e| self.err(e))?;
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| self.err(e))?;
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
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(found as usize) {
            let tx = self.conn.transaction().map_err(|e| sqlite(&self.path, e))?;
            tx.execute_batch(sql).map_err(|e| sqlite(&self.path, e))?;
            tx.pragma_update(None, "user_version", (i + 1) as u32)
                .map_err(|e| sqlite(&self.path, e))?;
            tx.commit().map_err(|e| sqlite(&self.path, e))?;
        }
        Ok(())
    }

    /// The schema version of the file.
    pub fn schema_version(&self) -> Result<u32> {
        self.conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// The store's file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every content hash stored, so that a caller can skip known documents
    /// before analysing them.
    pub fn known_hashes(&self) -> Result<HashSet<String>> {
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

    /// Records the start of an ingest run; returns its id.
    pub fn begin_run(&self, command: &str) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO runs (started, command) VALUES (strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?1)",
                params![command],
            )
            .map_err(|e| self.err(e))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Records the end of an ingest run with its counts.
    pub fn finish_run(&self, run: i64, new: u64, known: u64, failed: u64, claims: u64) -> Result<()> {
        self.conn
            .execute(
                "UPDATE runs SET finished = strftime('%Y-%m-%dT%H:%M:%SZ','now'), new = ?2, known = ?3, failed = ?4, claims = ?5 WHERE id = ?1",
                params![run, new as i64, known as i64, failed as i64, claims as i64],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Stores a document with its mentions, claims and search terms in one
    /// transaction, unless a document with the same hash is already there.
    pub fn add(&mut self, d: &NewDocument, run: Option<i64>) -> Result<Added> {
        Ok(self.add_all(std::slice::from_ref(d), run)?[0])
    }

    /// Stores documents, each whole, in one transaction (a kill leaves all of
    /// them or none), skipping those whose hash is already stored.
    pub fn add_all(&mut self, docs: &[NewDocument], run: Option<i64>) -> Result<Vec<Added>> {
        let path = self.path.clone();
        let e = |e| sqlite(&path, e);
        let tx = self.conn.transaction().map_err(e)?;
        let mut out = Vec::with_capacity(docs.len());
        for d in docs {
            out.push(insert(&tx, d, run).map_err(e)?);
        }
        tx.commit().map_err(e)?;
        Ok(out)
    }

    /// How much the store holds.
    pub fn counts(&self) -> Result<Counts> {
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
    pub fn ledger_rows(&self) -> Result<Vec<LedgerRow>> {
        self.ledger_rows_where("", [])
    }

    fn ledger_rows_where(&self, filter: &str, args: impl rusqlite::Params) -> Result<Vec<LedgerRow>> {
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT c.id, c.document, {DOC_COLUMNS}, c.facet, c.lo, c.hi, c.vague, c.qualifier, c.stance, c.chain,
                        c.anonymous, c.subject, c.span_start, c.span_end, c.sent_start, c.sent_end, c.evidence, c.band_lo, c.band_hi
                 FROM claims c JOIN documents d ON d.id = c.document {filter}
                 ORDER BY c.document, c.span_start, c.id"
            ))
            .map_err(|e| self.err(e))?;
        // Rows come by document: its fields are read once and shared; a
        // chain's JSON is parsed once however many claims repeat it.
        let mut last: Option<(i64, std::sync::Arc<DocFields>)> = None;
        let mut chains: HashMap<String, std::sync::Arc<[Link]>> = HashMap::new();
        let mut damaged: Option<String> = None;
        let mut out = Vec::new();
        let mut rows = st.query(args).map_err(|e| self.err(e))?;
        while let Some(r) = rows.next().map_err(|e| self.err(e))? {
            let row = (|| -> rusqlite::Result<LedgerRow> {
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
                let text = r.get_ref(19)?.as_str()?;
                let chain = match chains.get(text) {
                    Some(c) => c.clone(),
                    None => match serde_json::from_str::<std::sync::Arc<[Link]>>(text) {
                        Ok(c) => {
                            chains.insert(text.to_string(), c.clone());
                            c
                        }
                        Err(e) => {
                            damaged.get_or_insert_with(|| format!("claim {id}: chain: {e}"));
                            std::sync::Arc::from(Vec::new())
                        }
                    },
                };
                Ok(LedgerRow {
                    id,
                    document,
                    doc,
                    claim: ClaimRow {
                        facet: r.get(13)?,
                        value: join(r.get(14)?, r.get(15)?),
                        vague: r.get(16)?,
                        band: join(r.get(27)?, r.get(28)?),
                        qualifier: r.get(17)?,
                        stance: r.get(18)?,
                        chain,
                        anonymous: r.get(20)?,
                        subject: r.get(21)?,
                        span: (r.get(22)?, r.get(23)?),
                        sentence: (r.get(24)?, r.get(25)?),
                        evidence: std::sync::Arc::from(r.get_ref(26)?.as_str()?),
                    },
                })
            })()
            .map_err(|e| self.err(e))?;
            out.push(row);
        }
        if let Some(what) = damaged {
            return Err(StoreError::Damaged {
                path: self.path.clone(),
                what,
            });
        }
        Ok(out)
    }

    /// The claims of one document, with their row ids, in text order.
    pub fn document_claims(&self, document: i64) -> Result<Vec<(i64, ClaimRow)>> {
        Ok(self
            .ledger_rows_where("WHERE c.document = ?1", params![document])?
            .into_iter()
            .map(|r| (r.id, r.claim))
            .collect())
    }

    /// Documents, newest first, `limit` from `offset`, and how many there are.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<(Vec<(i64, DocFields)>, u64)> {
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
    pub fn data_version(&self) -> Result<i64> {
        self.conn
            .pragma_query_value(None, "data_version", |r| r.get(0))
            .map_err(|e| self.err(e))
    }

    /// One document by row id.
    pub fn document(&self, id: i64) -> Result<Option<StoredDocument>> {
        self.conn
            .query_row(
                &format!("SELECT d.id, {DOC_COLUMNS}, d.original, d.text FROM documents d WHERE d.id = ?1"),
                params![id],
                |r| {
                    Ok(StoredDocument {
                        id: r.get(0)?,
                        fields: doc_fields(r, 1)?,
                        original: r.get(12)?,
                        text: r.get::<_, String>(13)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.err(e))
            .map(|d| {
                d.map(|mut d| {
                    if d.text.is_empty() && !d.original.is_empty() {
                        d.text = String::from_utf8_lossy(&d.original).into_owned();
                    }
                    d
                })
            })
    }

    /// Documents matching a query in FTS5 syntax over analysed terms, best
    /// first.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<Hit>> {
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

/// The text column: empty when the text is the original bytes themselves
/// (plain text and JSONL records), so the store keeps them once.
fn stored_text(d: &NewDocument) -> &str {
    if d.text.as_bytes() == d.original.as_slice() {
        ""
    } else {
        &d.text
    }
}

/// Inserts one document and everything found in it.
fn insert(tx: &rusqlite::Transaction<'_>, d: &NewDocument, run: Option<i64>) -> rusqlite::Result<Added> {
    let known: Option<i64> = tx
        .query_row(
            "SELECT id FROM documents WHERE hash = ?1",
            params![d.fields.hash],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = known {
        return Ok(Added::Known(id));
    }
    let f = &d.fields;
    tx.execute(
            "INSERT INTO documents (hash, doc, origin, format, title, outlet, byline, published, url, lang, target, added, original, text, run)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, strftime('%Y-%m-%dT%H:%M:%SZ','now'), ?12, ?13, ?14)",
            params![
                f.hash, f.doc, f.origin, f.format, f.title, f.outlet, f.byline, f.published, f.url, f.lang,
                f.target, d.original, stored_text(d), run
            ],
        )
        ?;
    let id = tx.last_insert_rowid();
    {
        let mut m = tx
                .prepare_cached(
                    "INSERT INTO mentions (document, start, end, kind, lo, hi, vague) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                )
                ?;
        for x in &d.mentions {
            let (lo, hi) = split(x.value);
            m.execute(params![id, x.span.0, x.span.1, x.kind, lo, hi, x.vague])?;
        }
        let mut c = tx
                .prepare_cached(
                    "INSERT INTO claims (document, facet, lo, hi, vague, qualifier, stance, chain, anonymous, subject, span_start, span_end, sent_start, sent_end, evidence, band_lo, band_hi)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
                )
                ?;
        for x in &d.claims {
            let (lo, hi) = split(x.value);
            let (band_lo, band_hi) = split(x.band);
            let chain = serde_json::to_string(&x.chain).unwrap_or_else(|_| "[]".into());
            c.execute(params![
                id,
                x.facet,
                lo,
                hi,
                x.vague,
                x.qualifier,
                x.stance,
                chain,
                x.anonymous,
                x.subject,
                x.span.0,
                x.span.1,
                x.sentence.0,
                x.sentence.1,
                x.evidence,
                band_lo,
                band_hi
            ])?;
        }
        tx.execute(
            "INSERT INTO search (rowid, terms) VALUES (?1, ?2)",
            params![id, d.terms],
        )?;
    }
    Ok(Added::New(id))
}

const DOC_COLUMNS: &str =
    "d.hash, d.doc, d.origin, d.format, d.title, d.outlet, d.byline, d.published, d.url, d.lang, d.target";

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
    })
}

fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::Sqlite {
        path: path.to_path_buf(),
        source,
    }
}

fn split(v: Option<(f64, f64)>) -> (Option<f64>, Option<f64>) {
    match v {
        Some((a, b)) => (Some(a), Some(b)),
        None => (None, None),
    }
}

fn join(lo: Option<f64>, hi: Option<f64>) -> Option<(f64, f64)> {
    match (lo, hi) {
        (Some(a), Some(b)) => Some((a, b)),
        (Some(a), None) | (None, Some(a)) => Some((a, a)),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
