//! The PostgreSQL backend: one database shared by a desk of analysts.
//!
//! In: a `postgres://` URL naming a database that exists (isnad creates and
//! migrates its tables, under an advisory lock so that processes starting
//! together migrate once). Out: the same rows as the SQLite backend.
//!
//! Several processes may ingest at once: a document is inserted with
//! `ON CONFLICT (hash) DO NOTHING`, so the second process to bring it finds
//! it known; each transaction inserts its documents in hash order, so two
//! writers never wait on each other in a cycle (and a deadlock or
//! serialization failure all the same is retried). Search runs on
//! PostgreSQL's own text search over the same analysed terms the SQLite
//! backend indexes: a `tsvector` built from them, not from PostgreSQL's
//! parser, ranked by `ts_rank`.
//!
//! Text columns cannot hold NUL in PostgreSQL: a NUL in a document's text or
//! evidence is stored as a space (one byte for one, so offsets hold); the
//! original bytes are kept as they are.

use crate::schema::{Dialect, SCHEMA_VERSION, migration};
use crate::{
    Added, Columns, Counts, Decode, DocFields, Hit, KnownDocument, LedgerRow, NewDocument, Query, Result,
    StoreError, StoredDocument, split, split_band, split_mark, stored_text,
};
use isnad_model::{Claim, Span};
use postgres::{Client, Row};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// The advisory lock id held while migrating ("isnad" in ASCII).
const MIGRATION_LOCK: i64 = 0x0069_736e_6164;

/// How often a transaction that lost a deadlock is tried again.
const RETRIES: usize = 5;

/// Positions kept per term in the search vector.
const MAX_POSITIONS: usize = 64;

/// PostgreSQL's limits on a tsvector: a lexeme's bytes, a position, and the
/// whole vector (kept well under its 1 MB).
const MAX_LEXEME: usize = 2046;
const MAX_POSITION: usize = 16383;
const MAX_VECTOR: usize = 768 * 1024;

/// An open PostgreSQL store.
pub(crate) struct Postgres {
    client: RefCell<Client>,
    /// The URL without its password.
    url: String,
}

const NOW: &str = r#"to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')"#;

const DOC_COLUMNS: &str = "d.hash, d.doc, d.origin, d.format, d.title, d.outlet, d.byline, d.published, d.url, d.lang, d.target, \
     d.warc_file, d.warc_record, d.warc_offset";

impl Postgres {
    /// Connects to the database at `url` and brings its schema up to date.
    pub(crate) fn connect(url: &str) -> Result<Postgres> {
        let shown = redact(url);
        let tls_error = |what| StoreError::PostgresTls {
            url: shown.clone(),
            what,
        };
        let connect = crate::pg_tls::parse(url).map_err(tls_error)?;
        let tls = connect.client_config().map_err(tls_error)?;
        let mut config: postgres::Config = connect.url.parse().map_err(|error| StoreError::Postgres {
            url: shown.clone(),
            error,
        })?;
        config.ssl_mode(connect.ssl_mode());
        let client = config
            .connect(tokio_postgres_rustls::MakeRustlsConnect::new(tls))
            .map_err(|error| StoreError::Postgres {
                url: shown.clone(),
                error,
            })?;
        let store = Postgres {
            client: RefCell::new(client),
            url: shown,
        };
        store.setup()?;
        Ok(store)
    }

    fn err(&self, error: postgres::Error) -> StoreError {
        StoreError::Postgres {
            url: self.url.clone(),
            error,
        }
    }

    /// Whether this connection runs over TLS (the server's own view).
    #[cfg(test)]
    pub(crate) fn over_tls(&self) -> Result<bool> {
        self.one("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
    }

    pub(crate) fn location(&self) -> String {
        self.url.clone()
    }

    fn setup(&self) -> Result<()> {
        let mut c = self.client.borrow_mut();
        let mut tx = c.transaction().map_err(|e| self.err(e))?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
            .map_err(|e| self.err(e))?;
        tx.batch_execute("CREATE TABLE IF NOT EXISTS isnad_schema (version INTEGER NOT NULL)")
            .map_err(|e| self.err(e))?;
        let found = match tx
            .query_opt("SELECT version FROM isnad_schema", &[])
            .map_err(|e| self.err(e))?
        {
            Some(r) => r.get::<_, i32>(0),
            None => {
                tx.execute("INSERT INTO isnad_schema (version) VALUES (0)", &[])
                    .map_err(|e| self.err(e))?;
                0
            }
        };
        let found = u32::try_from(found).unwrap_or(0);
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.url.clone().into(),
                found,
                known: SCHEMA_VERSION,
            });
        }
        for version in found + 1..=SCHEMA_VERSION {
            tx.batch_execute(&migration(version, Dialect::Postgres))
                .map_err(|e| self.err(e))?;
            tx.execute("UPDATE isnad_schema SET version = $1", &[&(version as i32)])
                .map_err(|e| self.err(e))?;
        }
        tx.commit().map_err(|e| self.err(e))
    }

    pub(crate) fn schema_version(&self) -> Result<u32> {
        let v: i32 = self.one("SELECT version FROM isnad_schema")?;
        Ok(u32::try_from(v).unwrap_or(0))
    }

    fn one<T: for<'a> postgres::types::FromSql<'a>>(&self, sql: &str) -> Result<T> {
        self.client
            .borrow_mut()
            .query_one(sql, &[])
            .map(|r| r.get(0))
            .map_err(|e| self.err(e))
    }

    pub(crate) fn known_hashes(&self) -> Result<HashSet<String>> {
        let rows = self
            .client
            .borrow_mut()
            .query("SELECT hash FROM documents", &[])
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    pub(crate) fn known(&self, hash: &str) -> Result<Option<KnownDocument>> {
        let row = self
            .client
            .borrow_mut()
            .query_opt(
                "SELECT id, (SELECT count(*) FROM claims WHERE document = documents.id) FROM documents WHERE hash = $1",
                &[&hash],
            )
            .map_err(|e| self.err(e))?;
        Ok(row.map(|r| KnownDocument {
            id: r.get(0),
            claims: r.get::<_, i64>(1) as u64,
        }))
    }

    pub(crate) fn begin_run(&self, command: &str, vocabulary: Option<&str>) -> Result<i64> {
        self.client
            .borrow_mut()
            .query_one(
                &format!(
                    "INSERT INTO runs (started, command, vocabulary) VALUES ({NOW}, $1, $2) RETURNING id"
                ),
                &[&command, &vocabulary],
            )
            .map(|r| r.get(0))
            .map_err(|e| self.err(e))
    }

    pub(crate) fn runs(&self) -> Result<Vec<crate::Run>> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                "SELECT id, started, finished, command, vocabulary, new, known, failed, claims FROM runs ORDER BY id",
                &[],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows
            .iter()
            .map(|r| crate::Run {
                id: r.get(0),
                started: r.get(1),
                finished: r.get(2),
                command: r.get(3),
                vocabulary: r.get(4),
                new: r.get(5),
                known: r.get(6),
                failed: r.get(7),
                claims: r.get(8),
            })
            .collect())
    }

    pub(crate) fn finish_run(&self, run: i64, new: u64, known: u64, failed: u64, claims: u64) -> Result<()> {
        self.client
            .borrow_mut()
            .execute(
                &format!(
                    "UPDATE runs SET finished = {NOW}, new = $2, known = $3, failed = $4, claims = $5 WHERE id = $1"
                ),
                &[&run, &(new as i64), &(known as i64), &(failed as i64), &(claims as i64)],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    pub(crate) fn add_all(&mut self, docs: &[NewDocument], run: Option<i64>) -> Result<Vec<Added>> {
        // Hash order: every writer takes the unique-index locks in the same
        // order, so concurrent writers queue rather than deadlock.
        let mut order: Vec<usize> = (0..docs.len()).collect();
        order.sort_by(|&a, &b| docs[a].fields.hash.cmp(&docs[b].fields.hash));
        let mut tries = 0;
        loop {
            match self.try_add_all(docs, &order, run) {
                Ok(out) => {
                    if out.iter().any(|a| matches!(a, Added::New(_))) {
                        self.client
                            .get_mut()
                            .execute("SELECT nextval('changes')", &[])
                            .map_err(|e| self.err(e))?;
                    }
                    return Ok(out);
                }
                Err(e) if tries < RETRIES && retryable(&e) => tries += 1,
                Err(e) => return Err(self.err(e)),
            }
        }
    }

    fn try_add_all(
        &mut self,
        docs: &[NewDocument],
        order: &[usize],
        run: Option<i64>,
    ) -> std::result::Result<Vec<Added>, postgres::Error> {
        let mut tx = self.client.get_mut().transaction()?;
        // A record stored by an isnad that keyed it by its bytes alone is
        // known under that key, with its outlet and address.
        let (mut at, mut hashes, mut outlets, mut urls) =
            (Vec::<i64>::new(), Vec::new(), Vec::new(), Vec::new());
        for &i in order {
            let f = &docs[i].fields;
            if let Some(h) = crate::legacy_hash(f, &docs[i].original) {
                at.push(i as i64);
                hashes.push(h);
                outlets.push(f.outlet.as_deref().map(|v| clean(v).into_owned()));
                urls.push(f.url.as_deref().map(|v| clean(v).into_owned()));
            }
        }
        let mut out = vec![Added::Known(0); docs.len()];
        let mut stored_before: HashSet<usize> = HashSet::new();
        if !at.is_empty() {
            for r in tx.query(
                "SELECT t.i, d.id FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS t(i, h, o, u)
                 JOIN documents d ON d.hash = t.h AND d.outlet IS NOT DISTINCT FROM t.o AND d.url IS NOT DISTINCT FROM t.u",
                &[&at, &hashes, &outlets, &urls],
            )? {
                let i = r.get::<_, i64>(0) as usize;
                if let Some(slot) = out.get_mut(i)
                    && docs.get(i).is_some_and(|d| crate::keyed(&d.fields, &d.original))
                {
                    *slot = Added::Known(r.get(1));
                    stored_before.insert(i);
                }
            }
        }
        let kept: Vec<usize> = order
            .iter()
            .copied()
            .filter(|i| !stored_before.contains(i))
            .collect();
        let order = kept.as_slice();
        // Ids in the order the documents came (as SQLite gives them), though
        // they are inserted in hash order; a known document leaves a gap.
        let mut ids: Vec<i64> = tx
            .query(
                "SELECT nextval(pg_get_serial_sequence('documents', 'id')) FROM generate_series(1, $1::int8)",
                &[&(docs.len() as i64)],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        ids.sort_unstable();
        // One statement for the whole batch, its rows in hash order.
        let column = |get: &dyn Fn(&NewDocument) -> Option<&str>| -> Vec<Option<String>> {
            order
                .iter()
                .map(|&i| get(&docs[i]).map(|v| clean(v).into_owned()))
                .collect()
        };
        let mut texts: [Vec<Option<String>>; 14] = [
            column(&|d| Some(&d.fields.hash)),
            column(&|d| Some(&d.fields.doc)),
            column(&|d| Some(&d.fields.origin)),
            column(&|d| Some(&d.fields.format)),
            column(&|d| d.fields.title.as_deref()),
            column(&|d| d.fields.outlet.as_deref()),
            column(&|d| d.fields.byline.as_deref()),
            column(&|d| d.fields.published.as_deref()),
            column(&|d| d.fields.url.as_deref()),
            column(&|d| d.fields.lang.as_deref()),
            column(&|d| d.fields.target.as_deref()),
            column(&|d| Some(stored_text(d))),
            column(&|d| d.fields.warc.as_ref().map(|w| w.file.as_str())),
            column(&|d| d.fields.warc.as_ref().map(|w| w.record.as_str())),
        ];
        // A new document whose id another stored document has takes a
        // distinct one.
        let wanted: Vec<String> = texts[1].iter().map(|d| d.clone().unwrap_or_default()).collect();
        let taken: HashSet<String> = tx
            .query(
                "SELECT DISTINCT doc FROM documents WHERE doc = ANY($1)",
                &[&wanted],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        texts[1] = order
            .iter()
            .zip(wanted)
            .map(|(&i, id)| {
                Some(if taken.contains(&id) {
                    crate::distinct_id(&id, &docs[i].fields.hash)
                } else {
                    id
                })
            })
            .collect();
        let warc_offsets: Vec<Option<i64>> = order
            .iter()
            .map(|&i| crate::split_warc(docs[i].fields.warc.as_ref()).2)
            .collect();
        let originals: Vec<&[u8]> = order.iter().map(|&i| docs[i].original.as_slice()).collect();
        let row_ids: Vec<i64> = order.iter().filter_map(|&i| ids.get(i).copied()).collect();
        let inserted: HashSet<i64> = tx
            .query(
                &format!(
                    "INSERT INTO documents (id, hash, doc, origin, format, title, outlet, byline, published, url, lang, target, text, original,
                                            warc_file, warc_record, warc_offset, added, run)
                     SELECT *, {NOW}, $15::bigint FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::bytea[],
                            $16::text[], $17::text[], $18::bigint[])
                     ON CONFLICT (hash) DO NOTHING RETURNING id"
                ),
                &[
                    &row_ids, &texts[0], &texts[1], &texts[2], &texts[3], &texts[4], &texts[5], &texts[6], &texts[7],
                    &texts[8], &texts[9], &texts[10], &texts[11], &originals, &run, &texts[12], &texts[13], &warc_offsets,
                ],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let mut known: Vec<usize> = Vec::new();
        let mut m = Mentions::default();
        let mut c = Claims::default();
        let mut search: (Vec<i64>, Vec<String>) = Default::default();
        for &i in order {
            let d = &docs[i];
            let Some(id) = ids.get(i).copied().filter(|id| inserted.contains(id)) else {
                known.push(i);
                continue;
            };
            out[i] = Added::New(id);
            m.push(id, d);
            c.push(id, d);
            search.0.push(id);
            search.1.push(tsvector(&d.terms));
        }
        if !known.is_empty() {
            let hashes: Vec<&str> = known.iter().map(|&i| docs[i].fields.hash.as_str()).collect();
            let stored: std::collections::HashMap<String, i64> = tx
                .query("SELECT hash, id FROM documents WHERE hash = ANY($1)", &[&hashes])?
                .iter()
                .map(|r| (r.get(0), r.get(1)))
                .collect();
            for i in known {
                out[i] = Added::Known(stored.get(&docs[i].fields.hash).copied().unwrap_or(0));
            }
        }
        m.insert(&mut tx)?;
        c.insert(&mut tx)?;
        tx.execute(
            "INSERT INTO search (document, terms) SELECT * FROM unnest($1::bigint[], $2::text[]::tsvector[])",
            &[&search.0, &search.1],
        )?;
        tx.commit()?;
        Ok(out)
    }

    /// Replaces the claims, mentions and target of document `id` with
    /// those of `d`, in one transaction.
    pub(crate) fn replace_found(&mut self, id: i64, d: &NewDocument) -> Result<()> {
        let mut tries = 0;
        loop {
            match self.try_replace_found(id, d) {
                Ok(()) => {
                    return self
                        .client
                        .get_mut()
                        .execute("SELECT nextval('changes')", &[])
                        .map(drop)
                        .map_err(|e| self.err(e));
                }
                Err(e) if tries < RETRIES && retryable(&e) => tries += 1,
                Err(e) => return Err(self.err(e)),
            }
        }
    }

    fn try_replace_found(&mut self, id: i64, d: &NewDocument) -> std::result::Result<(), postgres::Error> {
        let mut tx = self.client.get_mut().transaction()?;
        tx.execute("DELETE FROM claims WHERE document = $1", &[&id])?;
        tx.execute("DELETE FROM mentions WHERE document = $1", &[&id])?;
        let target = d.fields.target.as_deref().map(|t| clean(t).into_owned());
        tx.execute("UPDATE documents SET target = $2 WHERE id = $1", &[&id, &target])?;
        let (mut m, mut c) = (Mentions::default(), Claims::default());
        m.push(id, d);
        c.push(id, d);
        m.insert(&mut tx)?;
        c.insert(&mut tx)?;
        tx.commit()
    }

    pub(crate) fn counts(&self) -> Result<Counts> {
        let r = self
            .client
            .borrow_mut()
            .query_one(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM claims), (SELECT count(*) FROM mentions)",
                &[],
            )
            .map_err(|e| self.err(e))?;
        let n = |i: usize| r.get::<_, i64>(i).max(0) as u64;
        Ok(Counts {
            documents: n(0),
            claims: n(1),
            mentions: n(2),
        })
    }

    pub(crate) fn ledger_rows(&self) -> Result<Vec<LedgerRow>> {
        self.ledger_rows_where("", None)
    }

    pub(crate) fn document_claims(&self, document: i64) -> Result<Vec<(i64, Claim)>> {
        Ok(self
            .ledger_rows_where("WHERE c.document = $1", Some(document))?
            .into_iter()
            .map(|r| (r.id, r.claim))
            .collect())
    }

    fn ledger_rows_where(&self, filter: &str, document: Option<i64>) -> Result<Vec<LedgerRow>> {
        let sql = format!(
            "SELECT c.id, c.document, {DOC_COLUMNS}, c.facet, c.lo, c.hi, c.vague, c.qualifier, c.stance, c.chain,
                    c.anonymous, c.subject, c.span_start, c.span_end, c.sent_start, c.sent_end, c.evidence, c.band_lo, c.band_hi,
                    c.mark_start, c.mark_end
             FROM claims c JOIN documents d ON d.id = c.document {filter}
             ORDER BY c.document, c.span_start, c.id"
        );
        let rows = match document {
            Some(d) => self.client.borrow_mut().query(&sql, &[&d]),
            None => self.client.borrow_mut().query(&sql, &[]),
        }
        .map_err(|e| self.err(e))?;
        let mut last: Option<(i64, Arc<DocFields>)> = None;
        let mut decode = Decode::default();
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id: i64 = r.get(0);
            let document: i64 = r.get(1);
            let doc = match &last {
                Some((d, f)) if *d == document => f.clone(),
                _ => {
                    let f = Arc::new(doc_fields(r, 2));
                    last = Some((document, f.clone()));
                    f
                }
            };
            let offset = |i: usize| u32::try_from(r.get::<_, i64>(i)).unwrap_or(u32::MAX);
            let columns = Columns {
                facet: r.get(16),
                lo: r.get(17),
                hi: r.get(18),
                vague: r.get(19),
                qualifier: r.get(20),
                stance: r.get(21),
                chain: r.get(22),
                anonymous: r.get(23),
                subject: r.get(24),
                span: Span {
                    start: offset(25),
                    end: offset(26),
                },
                sentence: Span {
                    start: offset(27),
                    end: offset(28),
                },
                evidence: r.get(29),
                band_lo: r.get(30),
                band_hi: r.get(31),
                mark_start: r.get(32),
                mark_end: r.get(33),
            };
            let claim = decode
                .claim(id, &doc, columns)
                .map_err(|what| StoreError::Damaged {
                    path: self.url.clone().into(),
                    what,
                })?;
            out.push(LedgerRow {
                id,
                document,
                doc,
                claim,
            });
        }
        Ok(out)
    }

    pub(crate) fn documents(&self, limit: usize, offset: usize) -> Result<(Vec<(i64, DocFields)>, u64)> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                &format!(
                    "SELECT d.id, {DOC_COLUMNS} FROM documents d ORDER BY d.published DESC NULLS LAST, d.id LIMIT $1 OFFSET $2"
                ),
                &[&(limit.min(i64::MAX as usize) as i64), &(offset.min(i64::MAX as usize) as i64)],
            )
            .map_err(|e| self.err(e))?;
        let list = rows.iter().map(|r| (r.get(0), doc_fields(r, 1))).collect();
        Ok((list, self.counts()?.documents))
    }

    pub(crate) fn data_version(&self) -> Result<i64> {
        self.one("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM changes")
    }

    pub(crate) fn document_ids(&self) -> Result<Vec<i64>> {
        let rows = self
            .client
            .borrow_mut()
            .query("SELECT id FROM documents ORDER BY id", &[])
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    pub(crate) fn documents_named(&self, doc: &str) -> Result<Vec<i64>> {
        let rows = self
            .client
            .borrow_mut()
            .query("SELECT id FROM documents WHERE doc = $1 ORDER BY id", &[&doc])
            .map_err(|e| self.err(e))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    pub(crate) fn document(&self, id: i64) -> Result<Option<StoredDocument>> {
        let row = self
            .client
            .borrow_mut()
            .query_opt(
                &format!("SELECT d.id, {DOC_COLUMNS}, d.original, d.text FROM documents d WHERE d.id = $1"),
                &[&id],
            )
            .map_err(|e| self.err(e))?;
        Ok(row.map(|r| StoredDocument {
            id: r.get(0),
            fields: doc_fields(&r, 1),
            original: r.get(15),
            text: r.get(16),
        }))
    }

    pub(crate) fn search(&self, query: &Query, limit: usize) -> Result<Vec<Hit>> {
        let rows = self
            .client
            .borrow_mut()
            .query(
                "SELECT s.document, ts_rank(s.terms, q)::float8 FROM search s, CAST($1::text AS tsquery) q
                 WHERE s.terms @@ q ORDER BY 2 DESC, s.document LIMIT $2",
                &[&tsquery(query), &(limit.min(i64::MAX as usize) as i64)],
            )
            .map_err(|e| self.err(e))?;
        Ok(rows
            .iter()
            .map(|r| Hit {
                document: r.get(0),
                score: r.get(1),
            })
            .collect())
    }
}

fn doc_fields(r: &Row, at: usize) -> DocFields {
    DocFields {
        hash: r.get(at),
        doc: r.get(at + 1),
        origin: r.get(at + 2),
        format: r.get(at + 3),
        title: r.get(at + 4),
        outlet: r.get(at + 5),
        byline: r.get(at + 6),
        published: r.get(at + 7),
        url: r.get(at + 8),
        lang: r.get(at + 9),
        target: r.get(at + 10),
        warc: crate::join_warc(r.get(at + 11), r.get(at + 12), r.get(at + 13)),
    }
}

/// The mentions of a transaction's documents, column by column, inserted
/// with one statement.
#[derive(Default)]
struct Mentions {
    document: Vec<i64>,
    start: Vec<i64>,
    end: Vec<i64>,
    kind: Vec<String>,
    lo: Vec<Option<f64>>,
    hi: Vec<Option<f64>>,
    vague: Vec<Option<String>>,
}

impl Mentions {
    fn push(&mut self, id: i64, d: &NewDocument) {
        for x in &d.mentions {
            let (lo, hi) = split(x.value);
            self.document.push(id);
            self.start.push(i64::from(x.span.start));
            self.end.push(i64::from(x.span.end));
            self.kind.push(clean(&x.kind).into_owned());
            self.lo.push(lo);
            self.hi.push(hi);
            self.vague.push(x.vague.as_deref().map(|v| clean(v).into_owned()));
        }
    }

    fn insert(&self, tx: &mut postgres::Transaction<'_>) -> std::result::Result<(), postgres::Error> {
        if self.document.is_empty() {
            return Ok(());
        }
        tx.execute(
            r#"INSERT INTO mentions (document, start, "end", kind, lo, hi, vague)
               SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::text[], $5::float8[], $6::float8[], $7::text[])"#,
            &[&self.document, &self.start, &self.end, &self.kind, &self.lo, &self.hi, &self.vague],
        )
        .map(drop)
    }
}

/// The claims of a transaction's documents, column by column.
#[derive(Default)]
struct Claims {
    document: Vec<i64>,
    facet: Vec<String>,
    lo: Vec<Option<f64>>,
    hi: Vec<Option<f64>>,
    vague: Vec<Option<String>>,
    qualifier: Vec<&'static str>,
    stance: Vec<&'static str>,
    chain: Vec<String>,
    anonymous: Vec<bool>,
    subject: Vec<Option<String>>,
    spans: [Vec<i64>; 4],
    evidence: Vec<String>,
    band_lo: Vec<Option<f64>>,
    band_hi: Vec<Option<f64>>,
    mark_start: Vec<Option<i64>>,
    mark_end: Vec<Option<i64>>,
}

impl Claims {
    fn push(&mut self, id: i64, d: &NewDocument) {
        for x in &d.claims {
            let (lo, hi) = split(x.value);
            let (band_lo, band_hi) = split_band(x.band);
            self.document.push(id);
            self.facet.push(clean(&x.facet).into_owned());
            self.lo.push(lo);
            self.hi.push(hi);
            self.vague.push(x.vague.as_deref().map(|v| clean(v).into_owned()));
            self.qualifier.push(x.qualifier.as_str());
            self.stance.push(x.stance.as_str());
            let chain = serde_json::to_string(&x.source).unwrap_or_else(|_| "[]".into());
            self.chain.push(clean(&chain).into_owned());
            self.anonymous.push(x.anonymous);
            self.subject
                .push(x.subject.as_deref().map(|v| clean(v).into_owned()));
            for (column, v) in
                self.spans
                    .iter_mut()
                    .zip([x.span.start, x.span.end, x.sentence.start, x.sentence.end])
            {
                column.push(i64::from(v));
            }
            self.evidence.push(clean(&x.evidence).into_owned());
            self.band_lo.push(band_lo);
            self.band_hi.push(band_hi);
            let (mark_start, mark_end) = split_mark(x.mark);
            self.mark_start.push(mark_start);
            self.mark_end.push(mark_end);
        }
    }

    fn insert(&self, tx: &mut postgres::Transaction<'_>) -> std::result::Result<(), postgres::Error> {
        if self.document.is_empty() {
            return Ok(());
        }
        tx.execute(
            "INSERT INTO claims (document, facet, lo, hi, vague, qualifier, stance, chain, anonymous, subject,
                                 span_start, span_end, sent_start, sent_end, evidence, band_lo, band_hi, mark_start, mark_end)
             SELECT * FROM unnest($1::bigint[], $2::text[], $3::float8[], $4::float8[], $5::text[], $6::text[], $7::text[],
                                  $8::text[], $9::bool[], $10::text[], $11::bigint[], $12::bigint[], $13::bigint[],
                                  $14::bigint[], $15::text[], $16::float8[], $17::float8[], $18::bigint[], $19::bigint[])",
            &[
                &self.document,
                &self.facet,
                &self.lo,
                &self.hi,
                &self.vague,
                &self.qualifier,
                &self.stance,
                &self.chain,
                &self.anonymous,
                &self.subject,
                &self.spans[0],
                &self.spans[1],
                &self.spans[2],
                &self.spans[3],
                &self.evidence,
                &self.band_lo,
                &self.band_hi,
                &self.mark_start,
                &self.mark_end,
            ],
        )
        .map(drop)
    }
}

/// Text PostgreSQL accepts: NUL (which it refuses) as a space, byte for byte.
fn clean(s: &str) -> Cow<'_, str> {
    if s.contains('\0') {
        Cow::Owned(s.replace('\0', " "))
    } else {
        Cow::Borrowed(s)
    }
}

/// A term quoted as a tsvector or tsquery lexeme.
fn lexeme(term: &str) -> String {
    format!("'{}'", term.replace('\\', "\\\\").replace('\'', "''"))
}

/// The search vector of space-separated analysed terms, as tsvector input:
/// each term with its positions (the first [`MAX_POSITIONS`] of them), so
/// that ranking weighs how often a term occurs.
fn tsvector(terms: &str) -> String {
    let mut at: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, t) in terms.split(' ').filter(|t| !t.is_empty()).enumerate() {
        if t.len() > MAX_LEXEME || t.contains('\0') {
            continue;
        }
        let p = at.entry(t).or_default();
        if p.len() < MAX_POSITIONS {
            p.push((i + 1).min(MAX_POSITION));
        }
    }
    let mut out = String::new();
    for (t, mut positions) in at {
        positions.dedup();
        let entry = format!(
            "{}:{}",
            lexeme(t),
            positions
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join(",")
        );
        if out.len() + entry.len() + 1 > MAX_VECTOR {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&entry);
    }
    out
}

/// The query as tsquery input: alternatives joined by `|`, clauses by `&`.
fn tsquery(query: &Query) -> String {
    query.render(&lexeme, " | ", " & ")
}

/// Deadlocks and serialization failures: the transaction may simply be run
/// again.
fn retryable(e: &postgres::Error) -> bool {
    use postgres::error::SqlState;
    e.code()
        .is_some_and(|c| *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE)
}

/// The client's error in one line: a server's error as the server says it
/// (`ERROR: …`, without the client's `db error: ` before it), any other
/// with each of its causes once (`error performing TLS handshake: server
/// does not support TLS`).
pub(crate) fn message(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return format!("{}: {}", db.severity(), db.message());
    }
    let mut shown = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        let text = c.to_string();
        if !shown.contains(&text) {
            shown.push_str(": ");
            shown.push_str(&text);
        }
        cause = c.source();
    }
    shown.replace('\n', " ")
}

/// The URL with its password hidden, for messages: the one after the user
/// name and a `password=` in the query.
pub(crate) fn redact(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let mut shown = match base.find("://") {
        Some(scheme) => {
            let rest = &base[scheme + 3..];
            let userinfo = rest.find(['/']).map_or(rest, |slash| &rest[..slash]);
            match userinfo
                .rfind('@')
                .and_then(|at| Some((at, userinfo[..at].find(':')?)))
            {
                Some((at, colon)) => format!("{}{}:***{}", &base[..scheme + 3], &rest[..colon], &rest[at..]),
                None => base.to_string(),
            }
        }
        None => base.to_string(),
    };
    if let Some(query) = query {
        let pairs: Vec<String> = query
            .split('&')
            .map(|pair| match pair.split_once('=') {
                Some((key, _)) if key == "password" => format!("{key}=***"),
                _ => pair.to_string(),
            })
            .collect();
        shown.push('?');
        shown.push_str(&pairs.join("&"));
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_never_shows_in_a_message() {
        for (url, shown) in [
            (
                "postgres://isnad:secret@db:5432/isnad",
                "postgres://isnad:***@db:5432/isnad",
            ),
            ("postgres://isnad@db/isnad", "postgres://isnad@db/isnad"),
            ("postgresql://localhost/isnad", "postgresql://localhost/isnad"),
            (
                "postgres://isnad@db/isnad?sslmode=require&password=hush",
                "postgres://isnad@db/isnad?sslmode=require&password=***",
            ),
            ("postgres://i:p@ss@db/isnad", "postgres://i:***@db/isnad"),
        ] {
            assert_eq!(redact(url), shown);
        }
    }

    #[test]
    fn terms_become_a_tsvector_with_positions_and_quotes() {
        assert_eq!(tsvector("سجن r_سجن سجن"), "'r_سجن':2 'سجن':1,3");
        assert_eq!(tsvector("it's a\\b"), "'a\\\\b':2 'it''s':1");
        assert_eq!(tsvector("  "), "");
    }

    #[test]
    fn a_query_becomes_a_tsquery_of_its_alternatives() {
        let q = Query {
            any: vec![
                vec![vec!["سجين".into(), "r_سجن".into()], vec!["x".into()]],
                vec![vec!["e_sdf".into()]],
            ],
        };
        assert_eq!(tsquery(&q), "(('سجين' | 'r_سجن') & ('x')) | (('e_sdf'))");
    }

    #[test]
    fn nul_becomes_a_space_of_the_same_length() {
        assert_eq!(clean("a\0b"), "a b");
        assert!(matches!(clean("ab"), Cow::Borrowed(_)));
    }
}
