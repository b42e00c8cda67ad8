//! The `isnad` command line.
//!
//! Arguments are parsed in two steps, as ripgrep does: clap turns flags into
//! plain values ([`args`]), then [`data`] turns the data directory into the
//! ready-to-use vocabularies each command needs. Errors become a one-line
//! message on stderr and exit status 1; usage errors exit 2; a closed pipe
//! (`isnad numbers | head`) is a normal end.

/// mimalloc: glibc's malloc spent about a tenth of extraction's
/// instructions on the many short strings and vectors a report makes.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod args;
mod claimfile;
mod cmd;
mod data;
mod json;
mod terminal;
mod vocab;

use clap::{CommandFactory, FromArgMatches};
use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

/// A usage error found after clap's parsing (`--format parquet` without
/// `--out`): exit status 2, as clap's own.
#[derive(Debug)]
pub struct Usage(pub String);

impl std::fmt::Display for Usage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Usage {}

fn main() -> ExitCode {
    let argv: Vec<OsString> = std::env::args_os().collect();
    let mut command = args::Args::command();
    if argv.iter().any(|a| a == "--version" || a == "-V") {
        let v = version(&argv);
        command = command.version(v.clone()).long_version(v);
    }
    let args = match command
        .try_get_matches_from(&argv)
        .and_then(|m| args::Args::from_arg_matches(&m))
    {
        Ok(a) => a,
        Err(e) => e.exit(),
    };
    match cmd::run(args) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("isnad: {e:#}");
            if e.downcast_ref::<Usage>().is_some() {
                return ExitCode::from(2);
            }
            ExitCode::from(1)
        }
    }
}

/// `0.1.0 (commit …, vocabulary …)`: the vocabulary's hash is that of the
/// files a run with these arguments would read.
fn version(argv: &[OsString]) -> String {
    let dir = argv
        .iter()
        .position(|a| a == "--data")
        .and_then(|i| argv.get(i + 1).map(PathBuf::from))
        .or_else(|| {
            argv.iter()
                .find_map(|a| a.to_str()?.strip_prefix("--data=").map(PathBuf::from))
        })
        .or_else(|| std::env::var_os("ISNAD_DATA").map(PathBuf::from));
    let vocabulary = match (vocab::load_all(dir.as_deref()), &dir) {
        (Ok(files), Some(d)) => format!("vocabulary {} from {}", vocab::hash(&files), d.display()),
        (Ok(files), None) => format!("vocabulary {} built-in", vocab::hash(&files)),
        (Err(e), _) => format!("vocabulary unreadable: {e}"),
    };
    format!(
        "{} (commit {}, {vocabulary})",
        env!("CARGO_PKG_VERSION"),
        env!("ISNAD_COMMIT")
    )
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
