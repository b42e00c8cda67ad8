//! `isnad ledger`: the cross-source ledger of the store.

use super::stored::{events_file, open_existing};
use crate::args::{LedgerFormat, StoreArgs};
use crate::data::Data;
use anyhow::{Context, Result};
use isnad_ledger::{Options, build, render};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    data: &Data,
    store: &StoreArgs,
    event: Option<String>,
    format: LedgerFormat,
    out: Option<&Path>,
    other: bool,
) -> Result<ExitCode> {
    let db = open_existing(store)?;
    let opts = Options {
        other,
        only_event: event.clone(),
        ..data.ledger_options(events_file(store)?)
    };
    let ledger = build(&db.ledger_rows()?, &opts);
    if let Some(e) = &event
        && ledger.events.is_empty()
    {
        anyhow::bail!("{}: no event {e} in the store", db.location());
    }
    // The text formats escape a document's control characters.
    let text = match format {
        LedgerFormat::Table => crate::terminal::escape(&render::table(&ledger), &['\n']).into_owned(),
        LedgerFormat::Json => render::json(&ledger) + "\n",
        LedgerFormat::Csv => render::csv(&ledger),
        LedgerFormat::Md => crate::terminal::escape(&render::markdown(&ledger), &['\n']).into_owned(),
        LedgerFormat::Parquet => {
            let Some(path) = out else {
                anyhow::bail!("--format parquet writes a file: give --out FILE");
            };
            write_parquet(path, &ledger)?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    match out {
        Some(p) => std::fs::write(p, text).with_context(|| p.display().to_string())?,
        None => {
            let mut o = std::io::stdout().lock();
            o.write_all(text.as_bytes())?;
            o.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(feature = "parquet")]
fn write_parquet(path: &Path, ledger: &isnad_ledger::Ledger) -> Result<()> {
    crate::parquet::write_ledger(path, ledger)
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_: &Path, _: &isnad_ledger::Ledger) -> Result<()> {
    anyhow::bail!("--format parquet: this isnad was built without the `parquet` feature")
}
