//! `isnad ingest`: documents and their claims into the store.
//!
//! Three stages joined by bounded channels: one thread splits the input into
//! documents in order (files, JSONL lines, web-archive records), `--jobs`
//! threads build them (parse, page text, furniture, metadata) and analyse
//! them (claims, mentions, search terms, target), and this thread writes them, in reading order, whole documents
//! per transaction (up to [`BATCH_DOCS`], committed at least every
//! [`BATCH_TIME`]). A document whose bytes are already stored is not analysed
//! again. A kill at any moment leaves every document stored whole or not at
//! all; running the same command again completes the batch.

use super::parallel::ordered;
use super::stored::open;
use crate::args::StoreArgs;
use crate::data::Data;
use anyhow::Result;
use isnad_extract::numbers::Scratch;
use isnad_store::{Added, NewDocument, content_hash};
use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Documents written per transaction, at most; each is whole in it.
const BATCH_DOCS: usize = 256;
/// A transaction is committed at least this often while documents come.
const BATCH_TIME: Duration = Duration::from_millis(250);

enum Work {
    Analysed(Box<NewDocument>, Duration, usize),
    Known,
}

/// What a pipeline run did, and where its time went.
#[derive(Default)]
pub struct Tally {
    /// Documents stored (or analysed, without a store).
    pub new: u64,
    /// Documents already stored.
    pub known: u64,
    /// Documents that could not be read.
    pub failed: u64,
    /// Claims found in the new documents.
    pub claims: u64,
    /// Original bytes of the new documents.
    pub bytes: u64,
    /// Time the reading thread spent reading (not waiting).
    pub reading: Duration,
    /// Time the workers spent building and analysing, summed over them.
    pub analysis: Duration,
    /// Time the writer spent in the store.
    pub storage: Duration,
    /// Wall time of the whole run.
    pub wall: Duration,
    /// Worker threads.
    pub jobs: usize,
    /// Given claims (`--claims`) left out because they did not fit their
    /// document's text.
    pub refused: u64,
}

/// Claims extracted elsewhere, by document id, taken as documents come.
pub type Given = Mutex<crate::claimfile::ByDocument>;

/// The number of worker threads: `jobs`, or one per core.
pub fn jobs(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .max(1)
}

pub fn run(
    data: &Data,
    paths: &[PathBuf],
    store: &StoreArgs,
    jobs_flag: Option<usize>,
    quiet: bool,
    claim_files: &[PathBuf],
) -> Result<ExitCode> {
    let mut bad_claims = 0;
    let given = if claim_files.is_empty() {
        None
    } else {
        let (claims, bad) = crate::claimfile::load(claim_files)?;
        if bad > 0 {
            eprintln!("isnad: lines of the claim files that are not claims (listed above): {bad}");
        }
        bad_claims = bad as u64;
        Some(Mutex::new(claims))
    };
    let mut db = open(store)?;
    let command = format!(
        "ingest {}",
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let run = db.begin_run(&command)?;
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b.enable_steady_tick(Duration::from_millis(120));
        b
    });
    let tally = pipeline(
        data,
        paths,
        Some((&mut db, run)),
        jobs(jobs_flag),
        bar.as_ref(),
        given.as_ref(),
    )?;
    if let Some(g) = given {
        let left: usize = g
            .into_inner()
            .map_err(|_| anyhow::anyhow!("a worker failed"))?
            .values()
            .map(Vec::len)
            .sum();
        bad_claims += tally.refused;
        if tally.refused > 0 || left > 0 {
            eprintln!(
                "isnad: of the given claims, {} did not fit their document's text and {left} were for documents not in the input (or already stored); none of them was stored",
                tally.refused
            );
        }
    }
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    db.finish_run(run, tally.new, tally.known, tally.failed, tally.claims)?;
    let secs = tally.wall.as_secs_f64();
    eprintln!(
        "isnad: {} documents: {} new, {} already stored, {} failed; {} claims added to {} in {:.2} s \
         ({:.1} MB/s; extraction {:.2} s over {} thread{}, storage {:.2} s)",
        tally.new + tally.known + tally.failed,
        tally.new,
        tally.known,
        tally.failed,
        tally.claims,
        db.location(),
        secs,
        tally.bytes as f64 / 1e6 / secs.max(1e-9),
        tally.analysis.as_secs_f64(),
        tally.jobs,
        if tally.jobs == 1 { "" } else { "s" },
        tally.storage.as_secs_f64(),
    );
    // Bad claim lines and claims that do not fit count as failures: the
    // run went on without them, but its status says something was left out.
    Ok(super::batch_status((tally.failed + bad_claims) as usize))
}

/// Reads `paths` on one thread, analyses the documents on `jobs` threads
/// and, with a store, writes them in reading order. Without a store every
/// document is analysed and dropped (the benchmark's extraction stage).
pub fn pipeline(
    data: &Data,
    paths: &[PathBuf],
    mut store: Option<(&mut isnad_store::Store, i64)>,
    jobs: usize,
    bar: Option<&indicatif::ProgressBar>,
    given: Option<&Given>,
) -> Result<Tally> {
    let known = match &store {
        Some((db, _)) => db.known_hashes()?,
        None => HashSet::new(),
    };
    let started = Instant::now();
    let mut tally = Tally {
        jobs,
        ..Tally::default()
    };
    let mut pending: Vec<NewDocument> = Vec::new();
    let mut batch_started = Instant::now();
    let mut flush = |batch: &mut Vec<NewDocument>, tally: &mut Tally| -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let t = Instant::now();
        let added = match &mut store {
            Some((db, run)) => db.add_all(batch, Some(*run))?,
            None => batch.iter().map(|_| Added::New(0)).collect(),
        };
        for (d, a) in batch.iter().zip(added) {
            match a {
                Added::New(_) => {
                    tally.new += 1;
                    tally.claims += d.claims.len() as u64;
                    tally.bytes += d.original.len() as u64;
                }
                Added::Known(_) => tally.known += 1,
            }
        }
        tally.storage += t.elapsed();
        if let Some(b) = bar {
            b.inc(batch.len() as u64);
        }
        batch.clear();
        Ok(())
    };
    let known = &known;
    let work = |doc: isnad_text::Document, scratch: &mut Scratch| analyse(data, doc, known, given, scratch);
    let read = ordered(data, paths, jobs, false, &work, &mut |w| {
        match w {
            Work::Known => {
                tally.known += 1;
                if let Some(b) = bar {
                    b.inc(1);
                }
            }
            Work::Analysed(d, took, refused) => {
                tally.analysis += took;
                tally.refused += refused as u64;
                if pending.is_empty() {
                    batch_started = Instant::now();
                }
                pending.push(*d);
            }
        }
        if pending.len() >= BATCH_DOCS || batch_started.elapsed() >= BATCH_TIME {
            flush(&mut pending, &mut tally)?;
        }
        Ok(())
    })?;
    flush(&mut pending, &mut tally)?;
    tally.failed = read.failed as u64;
    tally.reading = read.reading;
    tally.analysis += read.building;
    tally.wall = started.elapsed();
    Ok(tally)
}

/// What a worker makes of one document: nothing when it is stored already.
fn analyse(
    data: &Data,
    doc: isnad_text::Document,
    known: &HashSet<String>,
    given: Option<&Given>,
    scratch: &mut Scratch,
) -> Work {
    let t = Instant::now();
    let hash = content_hash(&doc.original);
    if known.contains(&hash) {
        return Work::Known;
    }
    let (d, refused) = match given {
        Some(g) => {
            // A poisoned lock (a worker panicked) leaves the claims out.
            let claims = g
                .lock()
                .map(|mut map| map.remove(&doc.id).unwrap_or_default())
                .unwrap_or_default();
            data.analyse_given(doc, hash, claims, scratch)
        }
        None => (data.analyse(doc, hash, scratch), 0),
    };
    Work::Analysed(Box::new(d), t.elapsed(), refused)
}
