//! Documents read on one thread, built and worked on by `jobs` threads, and
//! their results handed back on the calling thread in reading order, so
//! output is the same whatever the number of threads. The reading thread
//! only splits the input (files, JSONL lines, web-archive records); parsing
//! a record and finding a page's text, furniture and metadata happen on the
//! workers. Documents go to the workers in batches of about 256 KB;
//! channels are bounded, so memory holds a few batches per thread,
//! whatever the input's size.

use super::{build, for_each_raw};
use crate::data::Data;
use anyhow::Result;
use isnad_extract::numbers::Scratch;
use isnad_text::Document;
use isnad_text::read::Raw;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A batch is handed to a worker when it holds this many bytes of input…
const BATCH_BYTES: usize = 256 * 1024;
/// …or this many documents.
const BATCH_DOCS: usize = 64;

/// What reading did.
pub struct Read {
    /// Documents that could not be read or built (said on stderr).
    pub failed: usize,
    /// Time the reading thread spent reading (not waiting for workers).
    pub reading: Duration,
    /// Time spent building the documents read, summed over the threads.
    pub building: Duration,
}

/// Calls `work` on every document of `paths` (on `jobs` threads, or on this
/// one when `inline`) and `each` with the results in reading order. Stops
/// at the first error of `each`.
pub fn ordered<T: Send>(
    data: &Data,
    paths: &[PathBuf],
    jobs: usize,
    inline: bool,
    work: &(dyn Fn(Document, &mut Scratch) -> T + Sync),
    each: &mut dyn FnMut(T) -> Result<()>,
) -> Result<Read> {
    if inline {
        let mut scratch = Scratch::default();
        let started = Instant::now();
        let mut inside = Duration::ZERO;
        let mut building = Duration::ZERO;
        let mut failed = 0;
        let unread = for_each_raw(data, paths, &mut |raw| {
            let t = Instant::now();
            let doc = build(data, raw);
            building += t.elapsed();
            let r = match doc {
                Some(doc) => each(work(doc, &mut scratch)),
                None => {
                    failed += 1;
                    Ok(())
                }
            };
            inside += t.elapsed();
            r
        })?;
        return Ok(Read {
            failed: failed + unread,
            reading: started.elapsed().saturating_sub(inside),
            building,
        });
    }
    let jobs = jobs.max(1);
    let unbuilt = AtomicUsize::new(0);
    let unbuilt = &unbuilt;
    let building = AtomicU64::new(0);
    let building = &building;
    std::thread::scope(|s| -> Result<Read> {
        // Documents travel in batches: one hand-over (a lock, a wake-up)
        // per batch rather than per document, which on short documents
        // cost more than the work.
        let (doc_tx, doc_rx) = sync_channel::<(u64, Vec<Raw>)>(jobs * 2);
        let (out_tx, out_rx) = sync_channel::<(u64, Vec<Option<T>>)>(jobs * 2);
        let doc_rx = Arc::new(Mutex::new(doc_rx));
        let reader = s.spawn(move || {
            let mut seq = 0u64;
            let mut waiting = Duration::ZERO;
            let started = Instant::now();
            let mut batch = Vec::new();
            let mut bytes = 0;
            let mut send = |batch: Vec<Raw>| -> Result<()> {
                // A closed channel: the consumer stopped on an error.
                let w = Instant::now();
                doc_tx
                    .send((seq, batch))
                    .map_err(|_| anyhow::anyhow!("stopped"))?;
                waiting += w.elapsed();
                seq += 1;
                Ok(())
            };
            let failed = for_each_raw(data, paths, &mut |raw| {
                bytes += raw.size();
                batch.push(raw);
                if bytes >= BATCH_BYTES || batch.len() >= BATCH_DOCS {
                    bytes = 0;
                    send(std::mem::take(&mut batch))?;
                }
                Ok(())
            })?;
            if !batch.is_empty() {
                send(batch)?;
            }
            Ok::<_, anyhow::Error>((failed, started.elapsed().saturating_sub(waiting)))
        });
        for _ in 0..jobs {
            let rx = Arc::clone(&doc_rx);
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
                        let doc = build(data, raw);
                        building.fetch_add(t.elapsed().as_nanos() as u64, Ordering::Relaxed);
                        done.push(match doc {
                            Some(doc) => Some(work(doc, &mut scratch)),
                            None => {
                                unbuilt.fetch_add(1, Ordering::Relaxed);
                                None
                            }
                        });
                    }
                    if tx.send((seq, done)).is_err() {
                        return;
                    }
                }
            });
        }
        // Only the workers hold the receiver: when they stop (this thread
        // failed), the reader's next send fails and it stops too.
        drop(doc_rx);
        drop(out_tx);
        let mut pending: BTreeMap<u64, Vec<Option<T>>> = BTreeMap::new();
        let mut next = 0u64;
        let mut failure = None;
        'results: for (seq, rs) in out_rx.iter() {
            pending.insert(seq, rs);
            while let Some(rs) = pending.remove(&next) {
                next += 1;
                for r in rs.into_iter().flatten() {
                    if let Err(e) = each(r) {
                        failure = Some(e);
                        break 'results;
                    }
                }
            }
        }
        drop(out_rx);
        let read = reader
            .join()
            .map_err(|_| anyhow::anyhow!("the reading thread failed"))?;
        match failure {
            Some(e) => Err(e),
            None => read.map(|(failed, reading)| Read {
                failed: failed + unbuilt.load(Ordering::Relaxed),
                reading,
                building: Duration::from_nanos(building.load(Ordering::Relaxed)),
            }),
        }
    })
}
