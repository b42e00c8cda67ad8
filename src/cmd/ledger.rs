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
    let text = match format {
        LedgerFormat::Table => render::table(&ledger),
        LedgerFormat::Json => render::json(&ledger) + "\n",
        LedgerFormat::Csv => render::csv(&ledger),
        LedgerFormat::Md => render::markdown(&ledger),
        LedgerFormat::Parquet => {
            anyhow::bail!(
                "--format parquet: this build writes table, json, csv and md; Parquet is not in it yet"
            )
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
