//! `isnad bench`: the whole pipeline timed over a corpus.
//!
//! Reads every document (one thread), extracts on `--jobs` threads and
//! stores into a throw-away store in a temporary directory (or, with
//! `--no-store`, drops the results), then prints MB/s and documents/s for
//! each stage per core and for the whole run. MB are 10^6 bytes of the
//! documents as read (a JSONL record's text, a page's HTML).

use super::Paths;
use super::ingest::{jobs, say};
use crate::data::Data;
use anyhow::{Context, Result};
use isnad_engine::ingest::{Options, ingest};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

pub fn run(data: &Data, paths: &[PathBuf], jobs_flag: Option<usize>, no_store: bool) -> Result<ExitCode> {
    let jobs = jobs(jobs_flag);
    let dir = tempfile::tempdir().context("a temporary directory for the store")?;
    let db = if no_store {
        None
    } else {
        Some(isnad_store::Store::open(&dir.path().join("bench.db"))?)
    };
    let run = db.as_ref().map(|d| d.begin_run("bench", None)).transpose()?;
    let db = db.map(Mutex::new);
    let options = Options {
        jobs,
        run,
        ..Options::default()
    };
    let tally = ingest(data, Paths(paths), db.as_ref(), &options, &mut |e| say(&e))?;
    let mb = tally.bytes as f64 / 1e6;
    let docs = tally.new as f64;
    // One line per stage: its time and what it does per second.
    let line = |stage: &str, time: std::time::Duration, note: &str| {
        let secs = time.as_secs_f64().max(1e-9);
        println!(
            "{stage:<12} {:>9.2} {:>9.1} MB/s {:>10.0} docs/s{note}",
            time.as_secs_f64(),
            mb / secs,
            docs / secs
        );
    };
    println!(
        "isnad bench: {} documents ({} failed), {:.1} MB, {} claims; {} extraction thread{}{}",
        tally.new,
        tally.failed,
        mb,
        tally.claims,
        jobs,
        if jobs == 1 { "" } else { "s" },
        if no_store { ", no store" } else { "" }
    );
    println!("{:<12} {:>9} {:>34}", "stage", "time (s)", "rate");
    line("reading", tally.reading, "  (one thread)");
    line(
        "extraction",
        tally.analysis,
        "  (per core: time summed over the threads)",
    );
    if !no_store {
        line("storing", tally.storage, "  (one writer)");
    }
    line("total", tally.wall, "  (wall clock, all stages at once)");
    Ok(super::batch_status(tally.failed as usize))
}
