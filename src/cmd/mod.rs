//! The commands.

mod bench;
mod extract;
mod ingest;
mod ledger;
mod numbers;
mod parallel;
mod read;
mod search;
mod serve;
mod stored;

use crate::args::{Args, Command};
use crate::data::Data;
use anyhow::Result;
use std::process::ExitCode;

pub fn run(args: Args) -> Result<ExitCode> {
    // The vocabularies live until the process ends: freeing their hundreds
    // of thousands of small allocations one by one at exit is time spent for
    // nothing.
    let data = std::mem::ManuallyDrop::new(crate::data::load(args.data.as_deref())?);
    match args.command {
        Command::Numbers { paths, all } => numbers::run(&data, &paths, all),
        Command::Read { paths, text } => read::run(&data, &paths, text),
        Command::Extract {
            paths,
            format,
            other,
            out,
            jobs,
        } => extract::run(&data, &paths, format, other, out.as_deref(), ingest::jobs(jobs)),
        Command::Ingest {
            paths,
            store,
            jobs,
            quiet,
            claims,
        } => ingest::run(&data, &paths, &store, jobs, quiet, &claims),
        Command::Ledger {
            store,
            event,
            format,
            out,
            other,
        } => ledger::run(&data, &store, event, format, out.as_deref(), other),
        Command::Bench {
            paths,
            jobs,
            no_store,
        } => bench::run(&data, &paths, jobs, no_store),
        Command::Serve {
            store,
            addr,
            allow_ingest,
            token,
        } => serve::run(
            std::mem::ManuallyDrop::into_inner(data),
            &store,
            addr,
            allow_ingest,
            token,
        ),
        Command::Search {
            query,
            store,
            limit,
            format,
        } => search::run(&data, &query.join(" "), &store, limit, format),
    }
}

/// Reads every path (a file, a directory recursively, or `-` for stdin),
/// calling `each` with each document. A document that cannot be read is
/// reported on stderr and the others go on; the result says how many failed.
pub fn for_each_document(
    data: &Data,
    paths: &[std::path::PathBuf],
    each: &mut dyn FnMut(isnad_text::Document) -> Result<()>,
) -> Result<usize> {
    let mut failed = 0;
    let read = for_each_raw(data, paths, &mut |raw| {
        match build(data, raw) {
            Some(doc) => each(doc)?,
            None => failed += 1,
        }
        Ok(())
    })?;
    Ok(read + failed)
}

/// Builds a document read raw, saying on stderr what was wrong with it (or
/// what its reading noticed); `None` when it could not be built.
pub fn build(data: &Data, raw: isnad_text::read::Raw) -> Option<isnad_text::Document> {
    match data.reader.build(raw) {
        Ok(doc) => {
            for w in &doc.warnings {
                eprintln!("isnad: {}: {w}", doc.origin_name);
            }
            Some(doc)
        }
        Err(e) => {
            eprintln!("isnad: {e}");
            None
        }
    }
}

/// Reads every path as [`for_each_document`] does, handing each document
/// to `each` before it is built ([`build`]), so that a reading thread can
/// leave the building to others. Returns how many files or records could
/// not be read at all.
pub fn for_each_raw(
    data: &Data,
    paths: &[std::path::PathBuf],
    each: &mut dyn FnMut(isnad_text::read::Raw) -> Result<()>,
) -> Result<usize> {
    let failed = std::cell::Cell::new(0usize);
    let first_err: std::cell::RefCell<Option<anyhow::Error>> = std::cell::RefCell::new(None);
    let mut sink = |r: Result<isnad_text::read::Raw, isnad_text::ReadError>| match r {
        Ok(raw) => {
            if first_err.borrow().is_none()
                && let Err(e) = each(raw)
            {
                *first_err.borrow_mut() = Some(e);
            }
        }
        Err(e @ isnad_text::ReadError::Note { .. }) => eprintln!("isnad: {e}"),
        Err(e) => {
            eprintln!("isnad: {e}");
            failed.set(failed.get() + 1);
        }
    };
    for p in paths {
        if p.as_os_str() == "-" {
            let stdin = std::io::stdin().lock();
            data.reader.read_stream_raw("stdin", "-", stdin, &mut sink);
        } else if p.is_dir() {
            let mut files = Vec::new();
            walk(p, &mut files)?;
            for f in files {
                data.reader.read_path_raw(&f, &mut sink);
            }
        } else if p.exists() {
            data.reader.read_path_raw(p, &mut sink);
        } else {
            eprintln!("isnad: {}: no such file or directory", p.display());
            failed.set(failed.get() + 1);
        }
        if first_err.borrow().is_some() {
            break;
        }
    }
    if let Some(e) = first_err.into_inner() {
        return Err(e);
    }
    Ok(failed.get())
}

/// The files under `dir`, recursively, in name order; hidden files skipped.
fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) -> Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            walk(&p, out)?;
        } else {
            out.push(p);
        }
    }
    Ok(())
}

/// Exit status for a batch: 1 when any document failed.
pub fn batch_status(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
