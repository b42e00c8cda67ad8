//! Documents read on one thread, built and worked on by `jobs` threads, and
//! handed back on the calling thread in input order, so that what a command
//! writes is the same whatever the number of threads.
//!
//! The reading thread only splits the input ([`Input`]: files, JSONL lines,
//! web-archive records, an upload's bytes); parsing a record and finding a
//! page's text, furniture and metadata ([`Reader::build`]) happen on the
//! workers, then the caller's work on the document. Documents go to the
//! workers in batches of about 256 KB; channels are bounded, so memory holds
//! a few batches per thread, whatever the input's size.
//!
//! What reading noticed comes back in input order too ([`Item`]): a
//! document's warnings before the document, and the files, records or
//! documents that could not be read where they were in the input. Nothing
//! is printed here; the caller says them where it says things.

use crate::Engine;
use isnad_extract::numbers::Scratch;
use isnad_text::read::Raw;
use isnad_text::{Document, ReadError, Reader};
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A batch is handed to a worker when it holds this many bytes of input…
const BATCH_BYTES: usize = 256 * 1024;
/// …or this many documents.
const BATCH_DOCS: usize = 64;

/// Where documents come from, in input order: files and folders, stdin, an
/// upload's bytes.
///
/// [`Input::read`] runs on the reading thread and hands `sink` every
/// document read but not yet built, or why one could not be read (a
/// [`ReadError::Note`] says what a container held besides its documents).
/// `sink` returns false once the run has stopped (the caller failed): the
/// input may stop reading there. An error returned ends the whole run
/// (a folder that cannot be listed); one handed to `sink` fails only its
/// document.
pub trait Input: Send {
    /// Reads the input, handing each document to `sink`.
    fn read(
        self,
        reader: &Reader,
        sink: &mut dyn FnMut(Result<Raw, ReadError>) -> bool,
    ) -> Result<(), ReadError>;
}

impl<F> Input for F
where
    F: FnOnce(&Reader, &mut dyn FnMut(Result<Raw, ReadError>) -> bool) -> Result<(), ReadError> + Send,
{
    fn read(
        self,
        reader: &Reader,
        sink: &mut dyn FnMut(Result<Raw, ReadError>) -> bool,
    ) -> Result<(), ReadError> {
        self(reader, sink)
    }
}

/// Bytes of unknown format (WARC, JSONL, HTML or text, told by their first
/// bytes), read as one stream: an upload.
#[derive(Debug, Clone, Copy)]
pub struct Bytes<'a> {
    /// The document's id, when the bytes are one document (text or HTML).
    pub id: &'a str,
    /// Where they came from, for messages and the stored origin.
    pub name: &'a str,
    /// The bytes.
    pub bytes: &'a [u8],
}

impl Input for Bytes<'_> {
    fn read(
        self,
        reader: &Reader,
        sink: &mut dyn FnMut(Result<Raw, ReadError>) -> bool,
    ) -> Result<(), ReadError> {
        let mut stopped = false;
        reader.read_stream_raw(self.id, self.name, self.bytes, &mut |r| {
            if !stopped {
                stopped = !sink(r);
            }
        });
        Ok(())
    }
}

/// One step of the input, in input order.
#[derive(Debug)]
pub enum Item<T> {
    /// A document built, and what the work made of it.
    Done(T),
    /// What reading a document noticed without failing (invalid bytes
    /// replaced, say): the document's origin and the warning. It comes just
    /// before the document's [`Item::Done`].
    Warning {
        /// Where the document was read from.
        origin: String,
        /// What was noticed.
        warning: String,
    },
    /// A file, record or document that could not be read or built (counted
    /// in [`Read::failed`]), or a [`ReadError::Note`] about a container
    /// (not counted).
    Error(ReadError),
}

/// What reading did.
#[derive(Debug, Clone, Copy, Default)]
pub struct Read {
    /// Files, records or documents that could not be read or built.
    pub failed: u64,
    /// Time the reading thread spent reading (not waiting for workers).
    pub reading: Duration,
    /// Time spent building the documents read, summed over the threads.
    pub building: Duration,
}

/// Reads `input`, builds each document and calls `work` on it (on `jobs`
/// threads, or on this one when `inline`), and calls `each` on this thread
/// with every [`Item`] in input order. Stops at the first error of `each`
/// or of the input, and returns it.
pub fn ordered<T: Send, E: From<ReadError>>(
    engine: &Engine,
    input: impl Input,
    jobs: usize,
    inline: bool,
    work: &(dyn Fn(Document, &mut Scratch) -> T + Sync),
    each: &mut dyn FnMut(Item<T>) -> Result<(), E>,
) -> Result<Read, E> {
    if inline {
        return inline_ordered(engine, input, work, each);
    }
    let jobs = jobs.max(1);
    let building = AtomicU64::new(0);
    let building = &building;
    std::thread::scope(|s| -> Result<Read, E> {
        // Documents travel in batches: one hand-over (a lock, a wake-up)
        // per batch rather than per document, which on short documents
        // cost more than the work.
        let (raw_tx, raw_rx) = sync_channel::<(u64, Vec<Result<Raw, ReadError>>)>(jobs * 2);
        let (out_tx, out_rx) = sync_channel::<(u64, Vec<Item<T>>)>(jobs * 2);
        let raw_rx = Arc::new(Mutex::new(raw_rx));
        let reader = s.spawn(move || -> Result<Duration, ReadError> {
            let mut seq = 0u64;
            let mut waiting = Duration::ZERO;
            let started = Instant::now();
            let mut batch = Vec::new();
            let mut bytes = 0;
            let mut open = true;
            let mut send = |batch: Vec<Result<Raw, ReadError>>| -> bool {
                // A closed channel: the consumer stopped on an error.
                let w = Instant::now();
                open = open && raw_tx.send((seq, batch)).is_ok();
                waiting += w.elapsed();
                seq += 1;
                open
            };
            input.read(engine.reader(), &mut |r| {
                bytes += r.as_ref().map_or(0, Raw::size);
                batch.push(r);
                if bytes >= BATCH_BYTES || batch.len() >= BATCH_DOCS {
                    bytes = 0;
                    return send(std::mem::take(&mut batch));
                }
                true
            })?;
            if !batch.is_empty() {
                send(batch);
            }
            Ok(started.elapsed().saturating_sub(waiting))
        });
        for _ in 0..jobs {
            let rx = Arc::clone(&raw_rx);
            let tx = out_tx.clone();
            s.spawn(move || {
                let mut scratch = Scratch::default();
                loop {
                    let next = match rx.lock() {
                        Ok(r) => r.recv(),
                        Err(_) => return,
                    };
                    let Ok((seq, raws)) = next else { return };
                    let mut done = Vec::with_capacity(raws.len());
                    for raw in raws {
                        let t = Instant::now();
                        let doc = raw.and_then(|raw| engine.reader().build(raw));
                        building.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                        push(&mut done, doc, work, &mut scratch);
                    }
                    if tx.send((seq, done)).is_err() {
                        return;
                    }
                }
            });
        }
        // Only the workers hold the receiver: when they stop (this thread
        // failed), the reader's next send fails and it stops too.
        drop(raw_rx);
        drop(out_tx);
        let mut pending: BTreeMap<u64, Vec<Item<T>>> = BTreeMap::new();
        let mut next = 0u64;
        let mut failed = 0u64;
        let mut failure = None;
        'results: for (seq, items) in out_rx.iter() {
            pending.insert(seq, items);
            while let Some(items) = pending.remove(&next) {
                next += 1;
                for item in items {
                    failed += u64::from(is_failure(&item));
                    if let Err(e) = each(item) {
                        failure = Some(e);
                        break 'results;
                    }
                }
            }
        }
        drop(out_rx);
        let read = match reader.join() {
            Ok(read) => read,
            Err(panic) => std::panic::resume_unwind(panic),
        };
        match failure {
            Some(e) => Err(e),
            None => Ok(Read {
                failed,
                reading: read?,
                building: Duration::from_nanos(building.load(Ordering::Relaxed)),
            }),
        }
    })
}

/// [`ordered`] on this thread alone.
fn inline_ordered<T, E: From<ReadError>>(
    engine: &Engine,
    input: impl Input,
    work: &(dyn Fn(Document, &mut Scratch) -> T + Sync),
    each: &mut dyn FnMut(Item<T>) -> Result<(), E>,
) -> Result<Read, E> {
    let mut scratch = Scratch::default();
    let started = Instant::now();
    let mut inside = Duration::ZERO;
    let mut building = Duration::ZERO;
    let mut failed = 0;
    let mut failure = None;
    let mut items = Vec::new();
    input.read(engine.reader(), &mut |r| {
        if failure.is_some() {
            return false;
        }
        let t = Instant::now();
        let doc = r.and_then(|raw| engine.reader().build(raw));
        building += t.elapsed();
        push(&mut items, doc, work, &mut scratch);
        for item in items.drain(..) {
            failed += u64::from(is_failure(&item));
            if let Err(e) = each(item) {
                failure = Some(e);
                break;
            }
        }
        inside += t.elapsed();
        failure.is_none()
    })?;
    match failure {
        Some(e) => Err(e),
        None => Ok(Read {
            failed,
            reading: started.elapsed().saturating_sub(inside),
            building,
        }),
    }
}

/// The items of one document: its warnings and the work's result, or why
/// it could not be read or built.
fn push<T>(
    out: &mut Vec<Item<T>>,
    doc: Result<Document, ReadError>,
    work: &(dyn Fn(Document, &mut Scratch) -> T + Sync),
    scratch: &mut Scratch,
) {
    match doc {
        Ok(doc) => {
            for w in &doc.warnings {
                out.push(Item::Warning {
                    origin: doc.origin_name.clone(),
                    warning: w.clone(),
                });
            }
            out.push(Item::Done(work(doc, scratch)));
        }
        Err(e) => out.push(Item::Error(e)),
    }
}

/// True for an item that counts as a failure: an error that is not a note.
fn is_failure<T>(item: &Item<T>) -> bool {
    matches!(item, Item::Error(e) if !matches!(e, ReadError::Note { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An input of JSONL lines; an `Err` row is a file that cannot be read.
    fn lines(rows: Vec<Result<String, &'static str>>) -> impl Input {
        move |_: &Reader, sink: &mut dyn FnMut(Result<Raw, ReadError>) -> bool| {
            for (i, row) in rows.into_iter().enumerate() {
                let r = match row {
                    Ok(text) => Ok(Raw::Line {
                        name: Arc::from("t.jsonl"),
                        line: i + 1,
                        text: text.into_bytes(),
                    }),
                    Err(path) => Err(ReadError::Io {
                        path: path.to_string(),
                        source: std::io::Error::other("unreadable"),
                    }),
                };
                if !sink(r) {
                    break;
                }
            }
            Ok(())
        }
    }

    /// `n` records `d0`… with a line that is not JSON at `bad` and a file
    /// that cannot be read at `gone`.
    fn rows(n: usize, bad: usize, gone: usize) -> Vec<Result<String, &'static str>> {
        (0..n)
            .map(|i| match i {
                _ if i == bad => Ok("not json".to_string()),
                _ if i == gone => Err("gone.txt"),
                _ => Ok(format!(r#"{{"id":"d{i}","text":"قتل {i} شخصا"}}"#)),
            })
            .collect()
    }

    /// What `ordered` hands back, one line per item, and the failures.
    fn run(rows: Vec<Result<String, &'static str>>, jobs: usize, inline: bool) -> (Vec<String>, u64) {
        let engine = Engine::builtin();
        let mut seen = Vec::new();
        let read = ordered::<_, ReadError>(
            &engine,
            lines(rows),
            jobs,
            inline,
            &|doc, _| doc.id,
            &mut |item| {
                seen.push(match item {
                    Item::Done(id) => format!("done {id}"),
                    Item::Warning { origin, .. } => format!("warning {origin}"),
                    Item::Error(e) => format!("error {e}"),
                });
                Ok(())
            },
        )
        .expect("read");
        (seen, read.failed)
    }

    #[test]
    fn items_come_back_in_input_order_whatever_the_threads() {
        // 300 records make several batches.
        let (want, failed) = run(rows(300, 7, 150), 1, true);
        assert_eq!(failed, 2);
        assert_eq!(want.len(), 300);
        assert_eq!(want[0], "done d0");
        assert!(want[7].starts_with("error t.jsonl:8"), "{}", want[7]);
        assert_eq!(want[150], "error gone.txt: unreadable");
        assert_eq!(want[299], "done d299");
        for jobs in [1, 2, 4] {
            assert_eq!(
                run(rows(300, 7, 150), jobs, false),
                (want.clone(), 2),
                "{jobs} threads"
            );
        }
    }

    #[test]
    fn an_error_of_the_caller_stops_the_run() {
        let engine = Engine::builtin();
        for inline in [true, false] {
            let mut seen = 0;
            let r = ordered::<_, ReadError>(
                &engine,
                lines(rows(300, 300, 300)),
                2,
                inline,
                &|doc, _| doc.id,
                &mut |_| {
                    seen += 1;
                    if seen == 2 {
                        return Err(ReadError::Io {
                            path: "stop".into(),
                            source: std::io::Error::other("stop"),
                        });
                    }
                    Ok(())
                },
            );
            assert!(r.is_err(), "inline {inline}");
            assert_eq!(seen, 2, "inline {inline}");
        }
    }
}
