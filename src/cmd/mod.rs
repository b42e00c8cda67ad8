//! The commands.

mod bench;
mod extract;
mod ingest;
mod ledger;
mod numbers;
mod read;
mod search;
mod serve;
mod stored;

use crate::args::{Args, Command};
use crate::data::Data;
use anyhow::Result;
use isnad_engine::parallel::{Input, Item, ordered};
use isnad_text::ReadError;
use isnad_text::read::Raw;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(args: Args) -> Result<ExitCode> {
    // The vocabularies live until the process ends: freeing their hundreds
    // of thousands of small allocations one by one at exit is time spent for
    // nothing.
    let data = std::mem::ManuallyDrop::new(crate::data::load(args.data.as_deref(), args.max_document_size)?);
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
/// calling `each` with each document, on this thread. A document that
/// cannot be read is reported on stderr and the others go on; the result
/// says how many failed.
pub fn for_each_document(
    data: &Data,
    paths: &[PathBuf],
    each: &mut dyn FnMut(isnad_text::Document) -> Result<()>,
) -> Result<usize> {
    let read = ordered(
        data,
        Paths(paths),
        1,
        true,
        &|doc, _| doc,
        &mut |item| match item {
            Item::Done(doc) => each(doc),
            other => {
                say(other);
                Ok(())
            }
        },
    )?;
    Ok(read.failed as usize)
}

/// Says on stderr what reading noticed: a document's warning, or what
/// could not be read. A document itself is not said.
pub fn say<T>(item: Item<T>) {
    match item {
        Item::Done(_) => {}
        Item::Warning { origin, warning } => eprintln!("isnad: {origin}: {warning}"),
        Item::Error(e) => eprintln!("isnad: {e}"),
    }
}

/// The documents of the paths given on the command line, in order: a file,
/// a directory (its files recursively, in name order, hidden ones
/// skipped), or `-` for stdin.
pub struct Paths<'a>(pub &'a [PathBuf]);

impl Input for Paths<'_> {
    fn read(
        self,
        reader: &isnad_text::Reader,
        sink: &mut dyn FnMut(Result<Raw, ReadError>) -> bool,
    ) -> Result<(), ReadError> {
        // False once the run has stopped: the rest is not read.
        let open = std::cell::Cell::new(true);
        let mut each = |r| {
            if open.get() {
                open.set(sink(r));
            }
        };
        for p in self.0 {
            if p.as_os_str() == "-" {
                let stdin = std::io::stdin().lock();
                reader.read_stream_raw("stdin", "-", stdin, &mut each);
            } else if p.is_dir() {
                let mut files = Vec::new();
                walk(p, &mut files)?;
                for f in files.iter().take_while(|_| open.get()) {
                    reader.read_path_raw(f, &mut each);
                }
            } else if p.exists() {
                reader.read_path_raw(p, &mut each);
            } else {
                each(Err(ReadError::Io {
                    path: p.display().to_string(),
                    source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
                }));
            }
            if !open.get() {
                break;
            }
        }
        Ok(())
    }
}

/// The files under `dir`, recursively, in name order; hidden files skipped.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), ReadError> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .map_err(|source| ReadError::Io {
            path: dir.display().to_string(),
            source,
        })?
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
