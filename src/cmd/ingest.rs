//! `isnad ingest`: documents and their claims into the store, through the
//! one ingest path ([`isnad_engine::ingest`]): the paths read on one thread,
//! analysed on `--jobs` threads, written on this one in input order, whole
//! documents per transaction; a document whose bytes are already stored is
//! not analysed again. A kill at any moment leaves every document stored
//! whole or not at all; running the same command again completes the batch.

use super::PathsBut;
use super::stored::open;
use crate::args::StoreArgs;
use crate::data::Data;
use anyhow::Result;
use isnad_engine::ingest::{Claims, Event, Options, Skip, ingest};
use isnad_model::Claim;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;
use std::time::Duration;

/// The number of worker threads: `jobs`, or one per core.
pub fn jobs(jobs: Option<usize>) -> usize {
    jobs.unwrap_or_else(|| Options::default().jobs).max(1)
}

/// Says on stderr what reading noticed: a document's warning, or what
/// could not be read.
pub fn say(e: &Event<'_>) {
    match e {
        Event::Warning { origin, warning } => eprintln!("isnad: {origin}: {warning}"),
        Event::Error(e) => eprintln!("isnad: {e}"),
        Event::New { .. } | Event::Known { .. } => {}
    }
}

pub fn run(
    data: &Data,
    vocabulary: &str,
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
    let db = open(store)?;
    let command = format!(
        "ingest {}",
        paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(" ")
    );
    // Claims given from files were extracted elsewhere, with a vocabulary
    // this run cannot name.
    let run = db.begin_run(&command, given.is_none().then_some(vocabulary))?;
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let b = indicatif::ProgressBar::new_spinner();
        b.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} documents ({per_sec}) {msg}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        b.enable_steady_tick(Duration::from_millis(120));
        b
    });
    // A poisoned lock (a worker panicked) leaves the claims out.
    let take = |id: &str| -> Vec<Claim> {
        given
            .as_ref()
            .and_then(|g| g.lock().ok().and_then(|mut map| map.remove(id)))
            .unwrap_or_default()
    };
    let options = Options {
        jobs: jobs(jobs_flag),
        skip: Skip::LoadHashes,
        claims: if given.is_some() {
            Claims::Given(&take)
        } else {
            Claims::Extract
        },
        run: Some(run),
    };
    let db = Mutex::new(db);
    // The store's own files, when it lies in a folder being read, are no
    // documents.
    let own: Vec<PathBuf> = if store.db.contains("://") {
        Vec::new()
    } else {
        ["", "-wal", "-shm", "-journal"]
            .iter()
            .map(|s| PathBuf::from(format!("{}{s}", store.db)))
            .collect()
    };
    let tally = ingest(data, PathsBut(paths, own), Some(&db), &options, &mut |e| {
        say(&e);
        if let (Some(b), Event::New { .. } | Event::Known { .. }) = (&bar, e) {
            b.inc(1);
        }
    })?;
    let db = db.into_inner().map_err(|_| anyhow::anyhow!("a worker failed"))?;
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
