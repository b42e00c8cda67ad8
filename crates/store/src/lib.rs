//! isnad's store: documents (their original bytes and metadata), the
//! number mentions and claims found in them, and the full-text index, in
//! one SQLite file (the default) or in a PostgreSQL database shared by a
//! team ([`Store::open_location`] chooses by the location's form).
//!
//! In: documents already read and analysed by the caller ([`NewDocument`]:
//! claims, mentions and search terms are computed elsewhere; this crate
//! knows nothing of Arabic). Out: the stored rows, for the ledger, the
//! search and the page. It refuses a file that is not an isnad store, and a
//! store written by a newer isnad than itself (its schema version is higher
//! than the migrations it knows).
//!
//! Guarantees, on both backends: a document is stored whole or not at all,
//! under an id no other stored document has (a new document whose id is
//! taken gets a [`distinct_id`]), and at most once (its [`document_key`]
//! is a unique key; on PostgreSQL,
//! several processes may ingest at once and a document two of them bring is
//! kept once). Readers (`ledger`, `search`, the server) work while a writer
//! ingests. Both backends run one schema (see `schema.rs`).

mod pg_tls;
mod postgres;
mod schema;
mod sqlite;

use isnad_model::{Claim, SourceRef, Span, Value, WarcOrigin};
pub use schema::SCHEMA_VERSION;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

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
    /// PostgreSQL refused an operation, or could not be reached. Said in
    /// one line, the client's error and its causes once each (it is not
    /// given as this error's `source`, whose chain would repeat them).
    #[error("{url}: {}", postgres::message(.error))]
    Postgres {
        /// The database's URL, without its password.
        url: String,
        /// The client's error.
        error: ::postgres::Error,
    },
    /// The URL's TLS settings (`sslmode`, `sslrootcert`) cannot be used.
    #[error("{url}: {what}")]
    PostgresTls {
        /// The database's URL, without its password.
        url: String,
        /// What is wrong.
        what: String,
    },
    /// The store was written by a newer isnad.
    #[error(
        "{path}: the store has schema version {found}, newer than this isnad knows ({known}); upgrade isnad"
    )]
    TooNew {
        /// The store file or URL.
        path: PathBuf,
        /// Its version.
        found: u32,
        /// This build's version.
        known: u32,
    },
    /// A stored row could not be decoded.
    #[error("{path}: a stored row is damaged: {what}")]
    Damaged {
        /// The store file or URL.
        path: PathBuf,
        /// What was wrong.
        what: String,
    },
}

type Result<T> = std::result::Result<T, StoreError>;

/// The content hash of a document's original bytes: SHA-256, in hex. A
/// document with no outlet and no address (a file) is stored once under it
/// (see [`document_key`]).
pub fn content_hash(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(bytes))
}

/// The key a document is stored once under: its [`content_hash`] when it
/// names no outlet and no address; else SHA-256 of its bytes followed by
/// its outlet and its address, each length-prefixed. One text carried by
/// two outlets (two JSONL records with the same `text`) is then two
/// documents, each with its own chain, and the same record brought twice is
/// still one.
pub fn document_key(original: &[u8], outlet: Option<&str>, url: Option<&str>) -> String {
    use sha2::Digest;
    if outlet.is_none() && url.is_none() {
        return content_hash(original);
    }
    let mut h = sha2::Sha256::new();
    h.update(original);
    h.update(b"\0isnad-record");
    for field in [outlet, url] {
        match field {
            Some(v) => {
                h.update([1u8]);
                h.update((v.len() as u64).to_le_bytes());
                h.update(v.as_bytes());
            }
            None => h.update([0u8]),
        }
    }
    hex(&h.finalize())
}

/// The id a new document takes when another stored document has its id
/// `doc` already (`x/report.txt` ingested, then `y/report.txt` in a later
/// run): `doc~` and the first 8 hex digits of its key, the same whatever
/// the order or the run.
pub fn distinct_id(doc: &str, hash: &str) -> String {
    format!("{doc}~{}", hash.get(..8).unwrap_or(hash))
}

/// The content hash a record with an outlet or address was stored under
/// before [`document_key`] told records apart (so that one of those is not
/// stored again). A stored document found under it is that record only
/// when `f.hash` is the record's key ([`keyed`]): checked after the look-up,
/// which seldom finds one, so that the writer hashes the bytes once.
pub(crate) fn legacy_hash(f: &DocFields, original: &[u8]) -> Option<String> {
    if f.outlet.is_none() && f.url.is_none() {
        return None;
    }
    Some(content_hash(original))
}

/// True when `f.hash` is the key of a document of these bytes, outlet and
/// address (see [`legacy_hash`]).
pub(crate) fn keyed(f: &DocFields, original: &[u8]) -> bool {
    f.hash == document_key(original, f.outlet.as_deref(), f.url.as_deref())
}

fn hex(digest: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    s
}

/// A number mention as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRow {
    /// Where it is in the original bytes.
    pub span: Span,
    /// cardinal, range, vague, year…
    pub kind: String,
    /// Its value.
    pub value: Value,
    /// A vague word's gloss.
    pub vague: Option<String>,
}

/// A document's fields, as stored and as read back.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct DocFields {
    /// The key it is stored once under ([`document_key`]): SHA-256 of the
    /// original bytes (with the outlet and address a record gives), hex.
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
    /// Where in a web archive it was read from (schema version 4 on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc: Option<WarcOrigin>,
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
    /// Its claims. Their `doc`, `lang` and `warc` are the document's: the
    /// store keeps them once, in [`DocFields`], and gives them back from
    /// there.
    pub claims: Vec<Claim>,
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
    pub doc: Arc<DocFields>,
    /// The claim (its `doc` and `lang` the document's).
    pub claim: Claim,
}

/// A recorded run: an ingest or a re-extraction.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Run {
    /// Its id.
    pub id: i64,
    /// When it began (UTC, `YYYY-MM-DDTHH:MM:SSZ`).
    pub started: String,
    /// When it ended; none for a run that did not finish.
    pub finished: Option<String>,
    /// The command, with its paths.
    pub command: String,
    /// The hash of the vocabulary it extracted with (`isnad --version`);
    /// none for runs stored before schema version 5.
    pub vocabulary: Option<String>,
    /// Documents it stored.
    pub new: i64,
    /// Documents it found stored already (a re-extraction: those it read again).
    pub known: i64,
    /// Documents that failed.
    pub failed: i64,
    /// Claims it stored.
    pub claims: i64,
}

/// What storing a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// Stored under this row id.
    New(i64),
    /// Already there, under this row id; nothing written.
    Known(i64),
}

/// A document found by its content hash ([`Store::known`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KnownDocument {
    /// Its row id.
    pub id: i64,
    /// How many claims are stored with it.
    pub claims: u64,
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

/// A search over analysed terms. A document matches when it matches any
/// of the alternatives; an alternative, when the document has a term of
/// each of its clauses; a clause is the forms one word may take.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Alternatives, each a list of clauses, each a list of terms.
    pub any: Vec<Vec<Vec<String>>>,
}

impl Query {
    /// True when the query can match nothing (no term at all).
    pub fn is_empty(&self) -> bool {
        !self.any.iter().flatten().flatten().any(|t| !t.is_empty())
    }

    /// The query in a backend's syntax: each term quoted by `quote`, the
    /// terms of a clause joined by `or`, the clauses of an alternative by
    /// `and`, the alternatives by `or`; empty terms and clauses left out.
    fn render(&self, quote: &dyn Fn(&str) -> String, or: &str, and: &str) -> String {
        let group =
            |parts: Vec<String>, by: &str| (!parts.is_empty()).then(|| format!("({})", parts.join(by)));
        let alternatives: Vec<String> = self
            .any
            .iter()
            .filter_map(|all| {
                let clauses = all
                    .iter()
                    .filter_map(|any| {
                        group(
                            any.iter().filter(|t| !t.is_empty()).map(|t| quote(t)).collect(),
                            or,
                        )
                    })
                    .collect();
                group(clauses, and)
            })
            .collect();
        alternatives.join(or)
    }
}

/// An open store: an SQLite file or a PostgreSQL database, with the same
/// operations on both.
pub struct Store {
    backend: Backend,
}

enum Backend {
    Sqlite(sqlite::Sqlite),
    Postgres(postgres::Postgres),
}

/// Calls the same method on whichever backend is open.
macro_rules! dispatch {
    ($self:ident, $s:ident => $call:expr) => {
        match &$self.backend {
            Backend::Sqlite($s) => $call,
            Backend::Postgres($s) => $call,
        }
    };
    (mut $self:ident, $s:ident => $call:expr) => {
        match &mut $self.backend {
            Backend::Sqlite($s) => $call,
            Backend::Postgres($s) => $call,
        }
    };
}

/// True when `location` names a PostgreSQL database rather than a file.
pub fn is_postgres_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

impl Store {
    /// Opens (creating if need be) the SQLite store at `path`, bringing its
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Store> {
        Ok(Store {
            backend: Backend::Sqlite(sqlite::Sqlite::open(path)?),
        })
    }

    /// Opens the store at `location`: a `postgres://` or `postgresql://`
    /// URL names a PostgreSQL database (which must exist; its tables are
    /// created or brought up to date), anything else an SQLite file.
    pub fn open_location(location: &str) -> Result<Store> {
        if is_postgres_url(location) {
            Ok(Store {
                backend: Backend::Postgres(postgres::Postgres::connect(location)?),
            })
        } else {
            Store::open(Path::new(location))
        }
    }

    /// Where the store is, for messages (a URL without its password).
    pub fn location(&self) -> String {
        dispatch!(self, s => s.location())
    }

    /// The schema version of the store.
    pub fn schema_version(&self) -> Result<u32> {
        dispatch!(self, s => s.schema_version())
    }

    /// Every content hash stored, so that a caller can skip known documents
    /// before analysing them.
    pub fn known_hashes(&self) -> Result<HashSet<String>> {
        dispatch!(self, s => s.known_hashes())
    }

    /// The stored document with this content hash, if any: a caller that
    /// brings a few documents asks for each before analysing it (one that
    /// brings many reads [`Store::known_hashes`] once instead).
    pub fn known(&self, hash: &str) -> Result<Option<KnownDocument>> {
        dispatch!(self, s => s.known(hash))
    }

    /// Records the start of a run (an ingest, a re-extraction) of
    /// `command` with the vocabulary whose hash is `vocabulary`, if it
    /// extracts anything; returns its id.
    pub fn begin_run(&self, command: &str, vocabulary: Option<&str>) -> Result<i64> {
        dispatch!(self, s => s.begin_run(command, vocabulary))
    }

    /// The runs recorded, oldest first.
    pub fn runs(&self) -> Result<Vec<Run>> {
        dispatch!(self, s => s.runs())
    }

    /// Records the end of an ingest run with its counts.
    pub fn finish_run(&self, run: i64, new: u64, known: u64, failed: u64, claims: u64) -> Result<()> {
        dispatch!(self, s => s.finish_run(run, new, known, failed, claims))
    }

    /// Stores a document with its mentions, claims and search terms in one
    /// transaction, unless a document with the same hash is already there.
    pub fn add(&mut self, d: &NewDocument, run: Option<i64>) -> Result<Added> {
        let added = self.add_all(std::slice::from_ref(d), run)?;
        Ok(added.first().copied().unwrap_or(Added::Known(0)))
    }

    /// Stores documents, each whole, in one transaction (a kill leaves all of
    /// them or none), skipping those whose hash is already stored.
    pub fn add_all(&mut self, docs: &[NewDocument], run: Option<i64>) -> Result<Vec<Added>> {
        dispatch!(mut self, s => s.add_all(docs, run))
    }

    /// Replaces what was found in stored document `document` (row id): its
    /// claims, its number mentions and its target become `d`'s, in one
    /// transaction. Its bytes, its other fields and its search terms stay
    /// as stored (the full-text index keeps no copy of the terms it would
    /// have to take out).
    pub fn replace_found(&mut self, document: i64, d: &NewDocument) -> Result<()> {
        dispatch!(mut self, s => s.replace_found(document, d))
    }

    /// How much the store holds.
    pub fn counts(&self) -> Result<Counts> {
        dispatch!(self, s => s.counts())
    }

    /// Every claim with its document's fields, in document then position order.
    pub fn ledger_rows(&self) -> Result<Vec<LedgerRow>> {
        dispatch!(self, s => s.ledger_rows())
    }

    /// The claims of one document, with their row ids, in text order.
    pub fn document_claims(&self, document: i64) -> Result<Vec<(i64, Claim)>> {
        dispatch!(self, s => s.document_claims(document))
    }

    /// Documents, newest first, `limit` from `offset`, and how many there are.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<(Vec<(i64, DocFields)>, u64)> {
        dispatch!(self, s => s.documents(limit, offset))
    }

    /// A number that changes whenever documents are committed to the store
    /// (by this connection or another), for caching what is computed from it.
    pub fn data_version(&self) -> Result<i64> {
        dispatch!(self, s => s.data_version())
    }

    /// The row ids of every stored document, oldest first.
    pub fn document_ids(&self) -> Result<Vec<i64>> {
        dispatch!(self, s => s.document_ids())
    }

    /// The row ids of the documents whose id (`doc`) is `doc`, oldest
    /// first: one in a store written since ids are unique within a batch,
    /// perhaps more in an older one.
    pub fn documents_named(&self, doc: &str) -> Result<Vec<i64>> {
        dispatch!(self, s => s.documents_named(doc))
    }

    /// One document by row id.
    pub fn document(&self, id: i64) -> Result<Option<StoredDocument>> {
        dispatch!(self, s => s.document(id)).map(|d| {
            d.map(|mut d| {
                if d.text.is_empty() && !d.original.is_empty() {
                    d.text = String::from_utf8_lossy(&d.original).into_owned();
                }
                d
            })
        })
    }

    /// The best `limit` documents matching `query`, best first.
    pub fn search(&self, query: &Query, limit: usize) -> Result<Vec<Hit>> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        dispatch!(self, s => s.search(query, limit))
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

/// A value as the store's `lo` and `hi` columns (equal for a number).
fn split(v: Value) -> (Option<f64>, Option<f64>) {
    match v.bounds() {
        Some((a, b)) => (Some(a), Some(b)),
        None => (None, None),
    }
}

/// A band as the store's `band_lo` and `band_hi` columns.
fn split_band(b: Option<[f64; 2]>) -> (Option<f64>, Option<f64>) {
    match b {
        Some([a, b]) => (Some(a), Some(b)),
        None => (None, None),
    }
}

/// A claim's mark as the store's `mark_start` and `mark_end` columns.
fn split_mark(m: Option<Span>) -> (Option<i64>, Option<i64>) {
    match m {
        Some(m) => (Some(i64::from(m.start)), Some(i64::from(m.end))),
        None => (None, None),
    }
}

/// A claim's mark from the store's `mark_start` and `mark_end` columns.
fn join_mark(start: Option<i64>, end: Option<i64>) -> Option<Span> {
    let at = |x: i64| u32::try_from(x).unwrap_or(u32::MAX);
    match (start, end) {
        (Some(s), Some(e)) => Some(Span {
            start: at(s),
            end: at(e).max(at(s)),
        }),
        _ => None,
    }
}

/// A band from the store's `band_lo` and `band_hi` columns.
fn join_band(lo: Option<f64>, hi: Option<f64>) -> Option<[f64; 2]> {
    match (lo, hi) {
        (Some(a), Some(b)) => Some([a, b]),
        (Some(a), None) | (None, Some(a)) => Some([a, a]),
        _ => None,
    }
}

/// What reads a stored claim's text columns back into the model: each
/// distinct chain's JSON parsed once however many claims repeat it; a word
/// or a chain the model does not know is a damaged row, named.
#[derive(Default)]
struct Decode {
    chains: HashMap<String, Arc<[SourceRef]>>,
}

impl Decode {
    /// The chain stored as `text` for claim `claim`.
    fn chain(&mut self, claim: i64, text: &str) -> std::result::Result<Arc<[SourceRef]>, String> {
        if let Some(c) = self.chains.get(text) {
            return Ok(c.clone());
        }
        let c: Arc<[SourceRef]> =
            serde_json::from_str(text).map_err(|e| format!("claim {claim}: chain: {e}"))?;
        self.chains.insert(text.to_string(), c.clone());
        Ok(c)
    }

    /// A stored word (`qualifier`, `stance`) of claim `claim`.
    fn word<T: std::str::FromStr<Err = isnad_model::UnknownName>>(
        claim: i64,
        text: &str,
    ) -> std::result::Result<T, String> {
        text.parse().map_err(|e| format!("claim {claim}: {e}"))
    }

    /// The claim of row `claim` from its columns, the document's `doc`,
    /// `lang` and `warc` given back to it.
    fn claim(&mut self, claim: i64, doc: &DocFields, c: Columns<'_>) -> std::result::Result<Claim, String> {
        Ok(Claim {
            doc: doc.doc.clone(),
            lang: doc.lang.clone(),
            facet: c.facet,
            value: Value::from_bounds(c.lo, c.hi),
            vague: c.vague.map(Arc::from),
            band: join_band(c.band_lo, c.band_hi),
            qualifier: Decode::word(claim, c.qualifier)?,
            stance: Decode::word(claim, c.stance)?,
            source: self.chain(claim, c.chain)?,
            anonymous: c.anonymous,
            subject: c.subject,
            mark: join_mark(c.mark_start, c.mark_end),
            span: c.span,
            sentence: c.sentence,
            evidence: Arc::from(c.evidence),
            warc: doc.warc.clone(),
        })
    }
}

/// A document's archive origin as the store's `warc_file`, `warc_record`
/// and `warc_offset` columns.
fn split_warc(w: Option<&WarcOrigin>) -> (Option<&str>, Option<&str>, Option<i64>) {
    match w {
        Some(w) => (
            Some(&w.file),
            Some(&w.record),
            Some(i64::try_from(w.offset).unwrap_or(i64::MAX)),
        ),
        None => (None, None, None),
    }
}

/// A document's archive origin from the store's columns (none without a
/// file and an offset).
fn join_warc(file: Option<String>, record: Option<String>, offset: Option<i64>) -> Option<WarcOrigin> {
    Some(WarcOrigin {
        file: file?,
        record: record.unwrap_or_default(),
        offset: u64::try_from(offset?).unwrap_or(0),
    })
}

/// A stored claim's columns as a backend reads them.
struct Columns<'a> {
    facet: String,
    lo: Option<f64>,
    hi: Option<f64>,
    vague: Option<String>,
    band_lo: Option<f64>,
    band_hi: Option<f64>,
    mark_start: Option<i64>,
    mark_end: Option<i64>,
    qualifier: &'a str,
    stance: &'a str,
    chain: &'a str,
    anonymous: bool,
    subject: Option<String>,
    span: Span,
    sentence: Span,
    evidence: &'a str,
}

#[cfg(test)]
mod tests;

#[doc(hidden)]
pub mod testing {
    //! For tests of this and the other crates: a fresh PostgreSQL database
    //! per test on the server `$ISNAD_TEST_POSTGRES` names (a URL whose
    //! user may create databases), dropped when the test ends. Without that
    //! variable the PostgreSQL half of a suite is skipped with a message,
    //! unless `$ISNAD_REQUIRE_POSTGRES` is 1 (as in `.ci/run`), when it fails.

    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A database made for one test.
    pub struct TestDatabase {
        admin: String,
        name: String,
        /// Its URL.
        pub url: String,
    }

    /// A fresh, empty database, or `None` (after saying so) when no server
    /// is configured.
    pub fn postgres(test: &str) -> Option<TestDatabase> {
        let Ok(admin) = std::env::var("ISNAD_TEST_POSTGRES") else {
            if std::env::var("ISNAD_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                panic!("{test}: ISNAD_REQUIRE_POSTGRES=1 but ISNAD_TEST_POSTGRES is not set");
            }
            eprintln!("SKIP {test} on PostgreSQL: set ISNAD_TEST_POSTGRES to a server's URL to run it");
            // Counted in the test script's summary.
            if let Ok(log) = std::env::var("ISNAD_SKIP_LOG") {
                use std::io::Write;
                if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
                    let _ = writeln!(f, "{test}: on PostgreSQL (ISNAD_TEST_POSTGRES is not set)");
                }
            }
            return None;
        };
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "isnad_test_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let mut c = postgres::Client::connect(&admin, postgres::NoTls)
            .unwrap_or_else(|e| panic!("{test}: connecting to ISNAD_TEST_POSTGRES: {e}"));
        c.batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap_or_else(|e| panic!("{test}: CREATE DATABASE {name}: {e}"));
        let url = with_database(&admin, &name);
        Some(TestDatabase { admin, name, url })
    }

    /// Makes the SQLite store at `path` look like one written before ids
    /// were made distinct across runs ([`crate::distinct_id`]): each
    /// `doc~` and 8 hex digits is `doc` again. For tests of how an older
    /// store is answered.
    pub fn as_before_distinct_ids(path: &std::path::Path) {
        let c = rusqlite::Connection::open(path).expect("the store");
        c.execute(
            "UPDATE documents SET doc = substr(doc, 1, length(doc) - 9)
             WHERE doc GLOB '*~[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]'",
            [],
        )
        .expect("the ids written as before");
    }

    /// `url` naming database `name` instead of its own.
    pub fn with_database(url: &str, name: &str) -> String {
        let (url, query) = match url.split_once('?') {
            Some((u, q)) => (u, format!("?{q}")),
            None => (url, String::new()),
        };
        let host_at = url.find("://").map_or(0, |i| i + 3);
        let base = match url[host_at..].find('/') {
            Some(slash) => &url[..host_at + slash],
            None => url,
        };
        format!("{base}/{name}{query}")
    }

    impl Drop for TestDatabase {
        fn drop(&mut self) {
            if let Ok(mut c) = postgres::Client::connect(&self.admin, postgres::NoTls) {
                let _ = c.batch_execute(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name));
            }
        }
    }
}
