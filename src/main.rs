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
#[cfg(feature = "parquet")]
mod parquet;
mod terminal;
mod vocab;

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args = args::Args::parse();
    match cmd::run(args) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("isnad: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
