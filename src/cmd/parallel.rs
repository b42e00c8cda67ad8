//! Documents read on one thread, built and worked on by `jobs` threads, and
//! their results handed back on the calling thread in reading order, so
//! output is the same whatever the number of threads. The reading thread
//! only splits the input (files, JSONL lines, web-archive records); parsing
//! a record and finding a page's text, furniture and metadata happen on the
//! workers. Channels are bounded: memory holds a few documents per thread,
//! whatever the input's size.

use super::{build, for_each_document, for_each_raw};
use crate::data::Data;
use anyhow::Result;
use isnad_extract::numbers::Scratch;
use isnad_text::Document;
use isnad_text::read::Raw;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::sync_channel;
use std::sync::{Arc, Mutex};

/// Calls `work` on every document of `paths` (on `jobs` threads; on this
/// one when `jobs` is 1) and `each` with the results in reading order.
/// Returns how many documents could not be read or built; stops at the
/// first error of `each`.
pub fn ordered<T: Send>(
    data: &Data,
    paths: &[PathBuf],
    jobs: usize,
    work: &(dyn Fn(Document, &mut Scratch) -> T + Sync),
    each: &mut dyn FnMut(T) -> Result<()>,
) -> Result<usize> {
    if jobs <= 1 {
        let mut scratch = Scratch::default();
        return for_each_document(data, paths, &mut |doc| each(work(doc, &mut scratch)));
    }
    let unbuilt = AtomicUsize::new(0);
    let unbuilt = &unbuilt;
    std::thread::scope(|s| -> Result<usize> {
        let (doc_tx, doc_rx) = sync_channel::<(u64, Raw)>(jobs * 4);
        let (out_tx, out_rx) = sync_channel::<(u64, Option<T>)>(jobs * 4);
        let doc_rx = Arc::new(Mutex::new(doc_rx));
        let reader = s.spawn(move || {
            let mut seq = 0u64;
            for_each_raw(data, paths, &mut |raw| {
                doc_tx.send((seq, raw)).map_err(|_| anyhow::anyhow!("stopped"))?;
                seq += 1;
                Ok(())
            })
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
                    let Ok((seq, raw)) = next else { return };
                    let done = match build(data, raw) {
                        Some(doc) => Some(work(doc, &mut scratch)),
                        None => {
                            unbuilt.fetch_add(1, Ordering::Relaxed);
                            None
                        }
                    };
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
        let mut pending: BTreeMap<u64, Option<T>> = BTreeMap::new();
        let mut next = 0u64;
        let mut failure = None;
        'results: for (seq, r) in out_rx.iter() {
            pending.insert(seq, r);
            while let Some(r) = pending.remove(&next) {
                next += 1;
                let Some(r) = r else { continue };
                if let Err(e) = each(r) {
                    failure = Some(e);
                    break 'results;
                }
            }
        }
        drop(out_rx);
        let read = reader
            .join()
            .map_err(|_| anyhow::anyhow!("the reading thread failed"))?;
        match failure {
            Some(e) => Err(e),
            None => read.map(|n| n + unbuilt.load(Ordering::Relaxed)),
        }
    })
}
