//! The one ingest path: read → hash → skip known → analyse → store. `isnad
//! ingest`, `isnad bench` and the server's upload all run [`ingest`].
//!
//! In: an [`Input`] (files, stdin, an upload's bytes), the store (or none:
//! the benchmark's extraction alone) and [`Options`]. The documents are
//! read on one thread and built, hashed and analysed on
//! [`Options::jobs`] threads ([`crate::parallel`]); a document whose
//! content hash is already stored is not analysed ([`Skip`]). This thread
//! writes the rest in input order, whole documents per transaction (up to
//! [`BATCH_DOCS`], committed at least every [`BATCH_TIME`]), so row ids
//! follow the input and a kill at any moment leaves every document stored
//! whole or not at all. Memory holds a few batches, whatever the input's
//! size. The store is behind a mutex, held only to write a batch (and, with
//! [`Skip::AskStore`], to look a hash up), so a server answers meanwhile.
//!
//! Out: an [`Event`] per document, warning or error, in input order (said
//! once its batch is written), to the caller's callback, and the counts and
//! times of the run ([`Tally`]). A
//! document brought twice (twice in the input, or by another process
//! meanwhile) is stored once: the store's own check, at the insert, is the
//! guarantee; the skip only saves the analysis.

use crate::Engine;
pub use crate::parallel::{Bytes, Input};
use crate::parallel::{Item, ordered};
use isnad_extract::numbers::Scratch;
use isnad_model::Claim;
use isnad_store::{Added, KnownDocument, NewDocument, Store, StoreError, document_key};
use isnad_text::{Document, ReadError};
use std::collections::HashSet;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Documents written per transaction, at most; each is whole in it.
pub const BATCH_DOCS: usize = 256;
/// A transaction is committed at least this often while documents come.
pub const BATCH_TIME: Duration = Duration::from_millis(250);

/// Why an ingest stopped.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IngestError {
    /// The store refused a read or a write.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The input could not be read at all (a folder that cannot be listed).
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A thread panicked while it held the store.
    #[error("the store's lock is poisoned: a thread failed while holding it")]
    Poisoned,
}

/// How the documents already stored are told before they are analysed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Skip {
    /// Every stored hash is read once, before reading: for a large input.
    #[default]
    LoadHashes,
    /// The store is asked for each document's hash, which also gives its
    /// row id and claim count: for a few documents into a large store (an
    /// upload).
    AskStore,
}

/// Where a document's claims come from.
#[derive(Clone, Copy, Default)]
pub enum Claims<'a> {
    /// The engine extracts them.
    #[default]
    Extract,
    /// Claims extracted elsewhere (`isnad extract` on a cluster): the
    /// function hands a document id's claims over (each is asked for once).
    /// Claims that do not fit their document's text are left out and
    /// counted in [`Tally::refused`] (see [`crate::claim_fits`]).
    Given(&'a (dyn Fn(&str) -> Vec<Claim> + Sync)),
}

/// How an ingest runs.
#[derive(Clone, Copy)]
pub struct Options<'a> {
    /// Threads that build and analyse documents.
    pub jobs: usize,
    /// How stored documents are told.
    pub skip: Skip,
    /// Where claims come from.
    pub claims: Claims<'a>,
    /// The ingest run the documents are recorded under
    /// ([`Store::begin_run`]), if any.
    pub run: Option<i64>,
}

impl Default for Options<'_> {
    /// One thread per core, stored hashes loaded once, claims extracted, no run.
    fn default() -> Self {
        Options {
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            skip: Skip::default(),
            claims: Claims::default(),
            run: None,
        }
    }
}

/// What happened to one document (or what reading said), in input order.
#[derive(Debug)]
pub enum Event<'a> {
    /// A document analysed and stored, under this row id (none without a
    /// store).
    New {
        /// Its row id.
        id: Option<i64>,
        /// The document as stored.
        document: &'a NewDocument,
    },
    /// A document whose bytes are stored already: not stored again.
    Known {
        /// Its row id, when the pipeline learnt it (not with
        /// [`Skip::LoadHashes`] before analysis).
        id: Option<i64>,
        /// Its document id, as this input names it.
        doc: &'a str,
        /// The claims stored with it, when known.
        claims: Option<u64>,
    },
    /// What reading a document noticed without failing.
    Warning {
        /// Where the document was read from.
        origin: &'a str,
        /// What was noticed.
        warning: &'a str,
    },
    /// A file, record or document that could not be read (a failure), or a
    /// [`ReadError::Note`] about a container (not one).
    Error(&'a ReadError),
}

/// What an ingest did, and where its time went.
#[derive(Debug, Clone, Default)]
pub struct Tally {
    /// Documents stored (or analysed, without a store).
    pub new: u64,
    /// Documents already stored.
    pub known: u64,
    /// Files, records or documents that could not be read.
    pub failed: u64,
    /// Claims stored with the new documents.
    pub claims: u64,
    /// Original bytes of the new documents.
    pub bytes: u64,
    /// Given claims ([`Claims::Given`]) left out because they did not fit
    /// their document's text.
    pub refused: u64,
    /// Time the reading thread spent reading (not waiting).
    pub reading: Duration,
    /// Time spent building and analysing, summed over the threads.
    pub analysis: Duration,
    /// Time spent in the store, writing.
    pub storage: Duration,
    /// Wall time of the whole run.
    pub wall: Duration,
    /// Threads that built and analysed.
    pub jobs: usize,
}

/// What a worker made of one document.
enum Work {
    Analysed {
        document: Box<NewDocument>,
        took: Duration,
        refused: usize,
    },
    Known {
        doc: String,
        stored: Option<KnownDocument>,
    },
    Failed(IngestError),
}

/// How the workers tell stored documents.
enum Stored<'a> {
    Nothing,
    Hashes(HashSet<String>),
    Ask(&'a Mutex<Store>),
}

/// Ingests `input` into `store` (or, without one, analyses every document
/// and drops it), calling `each` with what happened to each document in
/// input order. Stops at the first error of the store or of the input as a
/// whole; a document that cannot be read is an [`Event::Error`] and the
/// others go on.
pub fn ingest(
    engine: &Engine,
    input: impl Input,
    store: Option<&Mutex<Store>>,
    options: &Options<'_>,
    each: &mut dyn FnMut(Event<'_>),
) -> Result<Tally, IngestError> {
    let stored = match (store, options.skip) {
        (None, _) => Stored::Nothing,
        (Some(s), Skip::LoadHashes) => Stored::Hashes(lock(s)?.known_hashes()?),
        (Some(s), Skip::AskStore) => Stored::Ask(s),
    };
    let started = Instant::now();
    let mut tally = Tally {
        jobs: options.jobs.max(1),
        ..Tally::default()
    };
    let mut batch = Batch::default();
    let stored = &stored;
    let claims = options.claims;
    let work = |doc: Document, scratch: &mut Scratch| analyse(engine, doc, stored, claims, scratch);
    // The vocabularies are built on first use, one after the other by the
    // worker that asks first while the others wait for it: what a report
    // is about is built beside the extraction's instead.
    let read = std::thread::scope(|s| {
        s.spawn(|| {
            engine.about();
        });
        ordered(engine, input, tally.jobs, false, &work, &mut |item| {
            match item {
                Item::Done(Work::Analysed {
                    document,
                    took,
                    refused,
                }) => {
                    tally.analysis += took;
                    tally.refused += refused as u64;
                    batch.push_new(*document);
                }
                Item::Done(Work::Known { doc, stored }) => batch.push(Slot::Known(doc, stored)),
                Item::Done(Work::Failed(e)) => return Err(e),
                Item::Warning { origin, warning } => batch.push(Slot::Warning(origin, warning)),
                Item::Error(e) => batch.push(Slot::Error(e)),
            }
            if batch.order.len() >= BATCH_DOCS || batch.started.elapsed() >= BATCH_TIME {
                batch.flush(store, options.run, &mut tally, each)?;
            }
            Ok(())
        })
    })?;
    batch.flush(store, options.run, &mut tally, each)?;
    tally.failed = read.failed;
    tally.reading = read.reading;
    tally.analysis += read.building;
    tally.wall = started.elapsed();
    Ok(tally)
}

/// What a worker makes of one document: nothing more than its id when it
/// is stored already.
fn analyse(
    engine: &Engine,
    doc: Document,
    stored: &Stored<'_>,
    claims: Claims<'_>,
    scratch: &mut Scratch,
) -> Work {
    let t = Instant::now();
    let hash = document_key(&doc.original, doc.meta.outlet.as_deref(), doc.meta.url.as_deref());
    let known = match stored {
        Stored::Nothing => None,
        Stored::Hashes(set) => set.contains(&hash).then_some(None),
        Stored::Ask(store) => match lock(store).and_then(|s| Ok(s.known(&hash)?)) {
            Ok(k) => k.map(Some),
            Err(e) => return Work::Failed(e),
        },
    };
    if let Some(stored) = known {
        return Work::Known { doc: doc.id, stored };
    }
    let (document, refused) = match claims {
        Claims::Extract => (engine.analyse(doc, hash, scratch), 0),
        Claims::Given(take) => {
            let given = take(&doc.id);
            engine.analyse_given(doc, hash, given, scratch)
        }
    };
    Work::Analysed {
        document: Box::new(document),
        took: t.elapsed(),
        refused,
    }
}

fn lock(store: &Mutex<Store>) -> Result<std::sync::MutexGuard<'_, Store>, IngestError> {
    store.lock().map_err(|_| IngestError::Poisoned)
}

/// What a batch holds, in input order.
enum Slot {
    /// The next of the batch's documents to store.
    New,
    /// A document stored already: its id in the input, and as stored when
    /// known.
    Known(String, Option<KnownDocument>),
    /// A document's origin and a warning of its reading.
    Warning(String, String),
    /// What could not be read.
    Error(ReadError),
}

/// The documents of the next transaction, and what reading said about
/// them, in input order.
struct Batch {
    /// The documents to store.
    docs: Vec<NewDocument>,
    /// Everything in the batch, in input order.
    order: Vec<Slot>,
    /// When the first of them came.
    started: Instant,
}

impl Default for Batch {
    fn default() -> Self {
        Batch {
            docs: Vec::new(),
            order: Vec::new(),
            started: Instant::now(),
        }
    }
}

impl Batch {
    /// Adds a document to store.
    fn push_new(&mut self, d: NewDocument) {
        self.docs.push(d);
        self.push(Slot::New);
    }

    fn push(&mut self, slot: Slot) {
        if self.order.is_empty() {
            self.started = Instant::now();
        }
        self.order.push(slot);
    }

    /// Stores the new documents of the batch in one transaction and says
    /// what happened to each document, in order.
    fn flush(
        &mut self,
        store: Option<&Mutex<Store>>,
        run: Option<i64>,
        tally: &mut Tally,
        each: &mut dyn FnMut(Event<'_>),
    ) -> Result<(), IngestError> {
        let added: Vec<Option<Added>> = match store {
            Some(s) if !self.docs.is_empty() => {
                let t = Instant::now();
                let added = lock(s)?.add_all(&self.docs, run)?;
                tally.storage += t.elapsed();
                added.into_iter().map(Some).collect()
            }
            _ => vec![None; self.docs.len()],
        };
        let mut docs = self.docs.iter().zip(added);
        for slot in self.order.drain(..) {
            match slot {
                Slot::New => match docs.next() {
                    // Brought twice in the input, or by another process.
                    Some((d, Some(Added::Known(id)))) => {
                        tally.known += 1;
                        each(Event::Known {
                            id: Some(id),
                            doc: &d.fields.doc,
                            claims: Some(d.claims.len() as u64),
                        });
                    }
                    Some((d, added)) => {
                        tally.new += 1;
                        tally.claims += d.claims.len() as u64;
                        tally.bytes += d.original.len() as u64;
                        let id = added.map(|(Added::New(id) | Added::Known(id))| id);
                        each(Event::New { id, document: d });
                    }
                    None => {}
                },
                Slot::Known(doc, stored) => {
                    tally.known += 1;
                    each(Event::Known {
                        id: stored.map(|k| k.id),
                        doc: &doc,
                        claims: stored.map(|k| k.claims),
                    });
                }
                Slot::Warning(origin, warning) => each(Event::Warning {
                    origin: &origin,
                    warning: &warning,
                }),
                Slot::Error(e) => each(Event::Error(&e)),
            }
        }
        self.docs.clear();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of record `i`: a sentence with one claim.
    fn text(i: usize) -> String {
        format!("قالت قسد إن نحو {} مسلحا فروا من سجن غويران.", 10 + i)
    }

    /// JSONL records `d0`…`d{n-1}`, with a line that is not JSON after the
    /// third.
    fn jsonl(n: usize) -> Vec<u8> {
        let mut out = String::new();
        for i in 0..n {
            out.push_str(&format!("{{\"id\":\"d{i}\",\"text\":\"{}\"}}\n", text(i)));
            if i == 2 {
                out.push_str("not json\n");
            }
        }
        out.into_bytes()
    }

    /// An event as one line, to compare runs.
    fn line(e: Event<'_>) -> String {
        match e {
            Event::New { id, document } => {
                format!("new {id:?} {} {}", document.fields.doc, document.claims.len())
            }
            Event::Known { id, doc, claims } => format!("known {id:?} {doc} {claims:?}"),
            Event::Warning { origin, warning } => format!("warning {origin}: {warning}"),
            Event::Error(e) => format!("error {e}"),
        }
    }

    /// Ingests `bytes` with `options`, returning the events and the tally.
    fn run(
        engine: &Engine,
        store: Option<&Mutex<Store>>,
        bytes: &[u8],
        options: &Options<'_>,
    ) -> (Vec<String>, Tally) {
        let mut events = Vec::new();
        let input = Bytes {
            id: "upload",
            name: "upload.jsonl",
            bytes,
        };
        let tally = ingest(engine, input, store, options, &mut |e| events.push(line(e))).expect("ingest");
        (events, tally)
    }

    fn store() -> (tempfile::TempDir, Mutex<Store>) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("isnad.db")).expect("store");
        (dir, Mutex::new(store))
    }

    #[test]
    fn documents_are_stored_in_input_order_and_known_ones_skipped() {
        let engine = Engine::builtin();
        let input = jsonl(300);
        // (threads, how stored documents are told, the row id a skipped
        // document comes back with)
        let rows = [
            (1, Skip::LoadHashes, false),
            (2, Skip::LoadHashes, false),
            (4, Skip::LoadHashes, false),
            (1, Skip::AskStore, true),
            (2, Skip::AskStore, true),
        ];
        for (jobs, skip, ids) in rows {
            let (_dir, db) = store();
            let options = Options {
                jobs,
                skip,
                ..Options::default()
            };
            let (first, tally) = run(&engine, Some(&db), &input, &options);
            let row = format!("{jobs} threads, {skip:?}");
            assert_eq!((tally.new, tally.known, tally.failed), (300, 0, 1), "{row}");
            assert_eq!(tally.claims, 300, "{row}");
            assert_eq!(first[0], "new Some(1) d0 1", "{row}");
            assert!(
                first[3].starts_with("error upload.jsonl:4:"),
                "{row}: {}",
                first[3]
            );
            assert_eq!(first[300], "new Some(300) d299 1", "{row}");
            let (again, tally) = run(&engine, Some(&db), &input, &options);
            assert_eq!(
                (tally.new, tally.known, tally.failed, tally.claims),
                (0, 300, 1, 0),
                "{row}"
            );
            let want = if ids {
                "known Some(1) d0 Some(1)"
            } else {
                "known None d0 None"
            };
            assert_eq!(again[0], want, "{row}");
            assert_eq!(again[3], first[3], "{row}");
            let counts = db.lock().expect("lock").counts().expect("counts");
            assert_eq!((counts.documents, counts.claims), (300, 300), "{row}");
        }
    }

    #[test]
    fn the_same_bytes_twice_in_one_input_are_stored_once() {
        let engine = Engine::builtin();
        let mut input = jsonl(2);
        input.extend(jsonl(1));
        for skip in [Skip::LoadHashes, Skip::AskStore] {
            let (_dir, db) = store();
            let options = Options {
                jobs: 2,
                skip,
                ..Options::default()
            };
            let (events, tally) = run(&engine, Some(&db), &input, &options);
            assert_eq!((tally.new, tally.known), (2, 1), "{skip:?}");
            assert_eq!(
                events.last().map(String::as_str),
                Some("known Some(1) d0 Some(1)"),
                "{skip:?}"
            );
        }
    }

    #[test]
    fn without_a_store_every_document_is_analysed() {
        let engine = Engine::builtin();
        let (events, tally) = run(&engine, None, &jsonl(5), &Options::default());
        assert_eq!((tally.new, tally.known, tally.failed, tally.claims), (5, 0, 1, 5));
        assert_eq!(events[0], "new None d0 1");
    }

    #[test]
    fn given_claims_replace_the_extraction_and_those_that_do_not_fit_are_counted() {
        let engine = Engine::builtin();
        let bytes = jsonl(2);
        // d0 gets one claim that fits and one that points past its text; d1 none.
        let d0 = engine.reader().plain("d0", "d0", text(0).into_bytes());
        let good = engine.analyse(d0, String::new(), &mut Scratch::default()).claims[0].clone();
        let mut bad = good.clone();
        bad.span = isnad_model::Span::new(10_000, 10_001);
        let given = Mutex::new(Some(vec![good, bad]));
        let take = |doc: &str| -> Vec<Claim> {
            if doc == "d0" {
                given.lock().ok().and_then(|mut g| g.take()).unwrap_or_default()
            } else {
                Vec::new()
            }
        };
        let (_dir, db) = store();
        let options = Options {
            claims: Claims::Given(&take),
            ..Options::default()
        };
        let (events, tally) = run(&engine, Some(&db), &bytes, &options);
        assert_eq!((tally.new, tally.claims, tally.refused), (2, 1, 1));
        assert_eq!(events[0], "new Some(1) d0 1");
        assert_eq!(events[1], "new Some(2) d1 0");
    }
}
