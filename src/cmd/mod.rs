//! The commands.

mod bench;
mod data;
mod extract;
mod ingest;
mod ledger;
mod numbers;
mod read;
mod reextract;
mod runs;
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
    // The commands that need no vocabulary.
    let command = match args.command {
        Command::Data { action } => return data::run(action),
        Command::Completions { shell } => return data::completions(shell),
        Command::Man => return data::man(),
        c => c,
    };
    // The vocabularies live until the process ends: freeing their hundreds
    // of thousands of small allocations one by one at exit is time spent for
    // nothing.
    let data = std::mem::ManuallyDrop::new(crate::data::load(args.data.as_deref(), args.max_document_size)?);
    // The hash of the vocabulary, recorded with each run that stores claims.
    let vocabulary = || crate::vocab::load_all(args.data.as_deref()).map(|f| crate::vocab::hash(&f));
    match command {
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
        } => ingest::run(&data, &vocabulary()?, &paths, &store, jobs, quiet, &claims),
        Command::Reextract { store } => reextract::run(&data, &vocabulary()?, &store),
        Command::Runs { store } => runs::run(&store),
        Command::Ledger {
            store,
            event,
            format,
            out,
            other,
            summary,
            disputes,
            bom,
        } => ledger::run(
            &data,
            &store,
            event,
            format,
            out.as_deref(),
            ledger::Switches {
                other,
                summary,
                disputes,
                bom,
            },
        ),
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
            allow_host,
            header_timeout,
            body_timeout,
        } => serve::run(
            std::mem::ManuallyDrop::into_inner(data),
            &store,
            addr,
            serve::Access {
                allow_ingest,
                token,
                allow_host,
                header_timeout,
                body_timeout,
            },
        ),
        Command::Search {
            query,
            store,
            limit,
            format,
        } => search::run(&data, &query.join(" "), &store, limit, format, args.color),
        Command::Data { .. } | Command::Completions { .. } | Command::Man => unreachable!("run above"),
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
) -> Result<Batch> {
    let mut done = 0;
    let read = ordered(
        data,
        Paths(paths),
        1,
        true,
        &|doc, _| doc,
        &mut |item| match item {
            Item::Done(doc) => {
                done += 1;
                each(doc)
            }
            other => {
                say(other);
                Ok(())
            }
        },
    )?;
    Ok(Batch {
        read: done,
        failed: read.failed as usize,
    })
}

/// What a batch of documents came to.
#[derive(Debug, Clone, Copy)]
pub struct Batch {
    /// Documents read.
    pub read: usize,
    /// Files, records or documents not read (each named on stderr).
    pub failed: usize,
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
/// skipped, each folder and file once however many links lead to it;
/// what cannot be read named where it was met), or `-` for stdin.
pub struct Paths<'a>(pub &'a [PathBuf]);

/// [`Paths`], but for the files named in `.1`, which a folder walk passes
/// over without a word (the store `ingest` writes to, when it lies in a
/// folder being read: it is no document).
pub struct PathsBut<'a>(pub &'a [PathBuf], pub Vec<PathBuf>);

impl Input for PathsBut<'_> {
    fn read(
        self,
        reader: &isnad_text::Reader,
        sink: &mut dyn FnMut(Result<Raw, ReadError>) -> bool,
    ) -> Result<(), ReadError> {
        read_paths(self.0, &self.1, reader, sink)
    }
}

impl Input for Paths<'_> {
    fn read(
        self,
        reader: &isnad_text::Reader,
        sink: &mut dyn FnMut(Result<Raw, ReadError>) -> bool,
    ) -> Result<(), ReadError> {
        read_paths(self.0, &[], reader, sink)
    }
}

/// Reads `paths` (see [`Paths`]), a walk passing over the files `not`.
///
/// A text or HTML file's document is named by its file's stem, as the
/// contract says; when two different files of the batch share a stem
/// (`x/report.txt`, `y/report.txt`, `y/report.html`), each of them is
/// named by its path instead: relative to the folder given, or as given
/// for a file (and as met when that is still not enough), so that ids stay
/// unique. A flat folder, or files with distinct names, keep their stems.
fn read_paths(
    paths: &[PathBuf],
    not: &[PathBuf],
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
    let mut todo = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            todo.push(Next::Stdin);
        } else if p.is_dir() {
            let mut files = Vec::new();
            let mut seen = Seen::default();
            for n in not {
                if let Ok(m) = std::fs::metadata(n) {
                    seen.first(n, &m);
                }
            }
            if let Ok(m) = std::fs::metadata(p) {
                seen.first(p, &m);
            }
            walk(p, &mut seen, &mut files);
            todo.extend(files.into_iter().map(|f| match f {
                Ok(f) => Next::File {
                    root: Some(p.clone()),
                    path: f,
                },
                Err(e) => Next::Error(e),
            }));
        } else if p.exists() {
            todo.push(Next::File {
                root: None,
                path: p.clone(),
            });
        } else {
            todo.push(Next::Error(ReadError::Io {
                path: p.display().to_string(),
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "no such file or directory"),
            }));
        }
    }
    let ids = file_ids(&todo);
    for (i, next) in todo.into_iter().enumerate() {
        if !open.get() {
            break;
        }
        match next {
            Next::Stdin => {
                let stdin = std::io::stdin().lock();
                reader.read_stream_raw("stdin", "-", stdin, &mut each);
            }
            Next::File { path, .. } => match ids.get(&i) {
                Some(id) => reader.read_path_raw_as(&path, id, &mut each),
                None => reader.read_path_raw(&path, &mut each),
            },
            Next::Error(e) => each(Err(e)),
        }
    }
    Ok(())
}

/// What [`read_paths`] reads next.
enum Next {
    /// Standard input.
    Stdin,
    /// A file, given or met in the folder `root`.
    File { path: PathBuf, root: Option<PathBuf> },
    /// What could not be read, said where it was met.
    Error(ReadError),
}

/// The ids of the files of `todo` (by index) that must not be named by
/// their stem, because another file of the batch has the same one.
fn file_ids(todo: &[Next]) -> std::collections::HashMap<usize, String> {
    use std::collections::{HashMap, HashSet};
    let files: Vec<(usize, &PathBuf, Option<&PathBuf>)> = todo
        .iter()
        .enumerate()
        .filter_map(|(i, n)| match n {
            Next::File { path, root } if isnad_text::read::named_by_stem(path) => {
                Some((i, path, root.as_ref()))
            }
            _ => None,
        })
        .collect();
    // The same file named twice is one file, not a collision.
    let mut by_stem: HashMap<String, HashSet<PathBuf>> = HashMap::new();
    for (_, path, _) in &files {
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        by_stem
            .entry(isnad_text::read::stem(path))
            .or_default()
            .insert(real);
    }
    let mut ids: HashMap<usize, String> = files
        .iter()
        .filter(|(_, path, _)| by_stem[&isnad_text::read::stem(path)].len() > 1)
        .map(|&(i, path, root)| {
            let short = root.and_then(|r| path.strip_prefix(r).ok()).unwrap_or(path);
            (i, slashed(short))
        })
        .collect();
    // Two folders given may hold the same relative path: then every file
    // of that stem is named by its whole path, as met.
    let mut count: HashMap<&str, usize> = HashMap::new();
    for id in ids.values() {
        *count.entry(id.as_str()).or_default() += 1;
    }
    let twice: HashSet<String> = files
        .iter()
        .filter(|(i, _, _)| ids.get(i).is_some_and(|id| count[id.as_str()] > 1))
        .map(|(_, path, _)| isnad_text::read::stem(path))
        .collect();
    for &(i, path, _) in &files {
        if let Some(id) = ids.get_mut(&i)
            && twice.contains(&isnad_text::read::stem(path))
        {
            *id = slashed(path);
        }
    }
    ids
}

/// A path as an id: its parts joined by `/` (on every system), without a
/// leading `./`.
fn slashed(path: &Path) -> String {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| match c {
            std::path::Component::RootDir => "".into(),
            c => c.as_os_str().to_string_lossy(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The files under `dir`, recursively, in name order; hidden files skipped.
/// What cannot be read is in the list where it was met, as an error, and
/// the walk goes on: a folder that cannot be listed, a FIFO, socket or
/// device (reading one would block, or never end). A folder is entered
/// once, however many links lead to it (a link to `.` would otherwise make
/// the walk exponential), and a file reached twice is read once.
fn walk(dir: &Path, seen: &mut Seen, out: &mut Vec<Result<PathBuf, ReadError>>) {
    let io = |source| ReadError::Io {
        path: dir.display().to_string(),
        source,
    };
    let listing = match std::fs::read_dir(dir) {
        Ok(l) => l,
        Err(e) => return out.push(Err(io(e))),
    };
    let mut entries = Vec::new();
    for entry in listing {
        match entry {
            Ok(e) => entries.push(e.path()),
            Err(e) => return out.push(Err(io(e))),
        }
    }
    entries.retain(|p| {
        !p.file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
    });
    entries.sort();
    for p in entries {
        // Links are followed: the kind and identity are those of the target.
        let meta = match std::fs::metadata(&p) {
            Ok(m) => m,
            Err(source) => {
                out.push(Err(ReadError::Io {
                    path: p.display().to_string(),
                    source,
                }));
                continue;
            }
        };
        if !seen.first(&p, &meta) {
            continue;
        }
        if meta.is_dir() {
            walk(&p, seen, out);
        } else if meta.is_file() {
            out.push(Ok(p));
        } else {
            out.push(Err(ReadError::Refused {
                path: p.display().to_string(),
                reason: "not a regular file (a FIFO, socket or device); skipped".into(),
            }));
        }
    }
}

/// The folders and files a walk has met, by device and inode (by canonical
/// path where there are none).
#[derive(Default)]
struct Seen(std::collections::HashSet<Identity>);

#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = PathBuf;

impl Seen {
    /// True the first time `path` (with its metadata) is met.
    fn first(&mut self, path: &Path, meta: &std::fs::Metadata) -> bool {
        #[cfg(unix)]
        let id = {
            use std::os::unix::fs::MetadataExt;
            let _ = path;
            (meta.dev(), meta.ino())
        };
        #[cfg(not(unix))]
        let id = {
            let _ = meta;
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        };
        self.0.insert(id)
    }
}

/// Exit status for a batch of `read`, `numbers` or `extract`, saying on
/// stderr how many were not read when any were (but for one path that
/// failed alone: its own line says it all).
pub fn batch_end(b: Batch) -> ExitCode {
    if b.failed > 0 && (b.read > 0 || b.failed > 1) {
        eprintln!(
            "isnad: {} file{s}, record{s} or document{s} not read (named above); {} read",
            b.failed,
            b.read,
            s = if b.failed == 1 { "" } else { "s" }
        );
    }
    batch_status(b.failed)
}

/// Exit status for a batch: 1 when any document failed.
pub fn batch_status(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
