//! `isnad ledger`: the cross-source ledger of the store.

use super::stored::{events_file, open_existing};
use crate::args::{LedgerFormat, StoreArgs};
use crate::data::Data;
use anyhow::{Context, Result};
use isnad_ledger::{Options, build, render};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// The ledger's on/off flags.
pub struct Switches {
    /// Keep `other:*` facets.
    pub other: bool,
    /// Write the summary table.
    pub summary: bool,
    /// Start CSV with a byte order mark.
    pub bom: bool,
}

pub fn run(
    data: &Data,
    store: &StoreArgs,
    event: Option<String>,
    format: LedgerFormat,
    out: Option<&Path>,
    switches: Switches,
) -> Result<ExitCode> {
    let Switches { other, summary, bom } = switches;
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
    for w in &ledger.warnings {
        eprintln!("isnad: warning: {w}");
    }
    let text = match (summary, format) {
        (true, LedgerFormat::Csv) => render::summary_csv(&ledger),
        (true, LedgerFormat::Json) => render::summary_json(&ledger) + "\n",
        (true, LedgerFormat::Parquet) => {
            write_parquet(out, &ledger, Table::Summary)?;
            return Ok(ExitCode::SUCCESS);
        }
        (true, _) => anyhow::bail!("--summary writes --format csv, --format json or --format parquet"),
        (false, format) => match format {
            // The text formats escape a document's control characters.
            LedgerFormat::Table => crate::terminal::escape(&render::table(&ledger), &['\n']).into_owned(),
            LedgerFormat::Json => render::json(&ledger) + "\n",
            LedgerFormat::Csv => render::csv(&ledger),
            LedgerFormat::Md => crate::terminal::escape(&render::markdown(&ledger), &['\n']).into_owned(),
            LedgerFormat::Parquet => {
                write_parquet(out, &ledger, Table::Ledger)?;
                return Ok(ExitCode::SUCCESS);
            }
        },
    };
    let text = if bom && matches!(format, LedgerFormat::Csv) {
        format!("\u{feff}{text}")
    } else {
        text
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

/// Which table a Parquet file holds.
#[derive(Clone, Copy)]
enum Table {
    /// A row per value per chain per document.
    Ledger,
    /// A row per event and facet.
    Summary,
}

#[cfg(feature = "parquet")]
fn write_parquet(out: Option<&Path>, ledger: &isnad_ledger::Ledger, table: Table) -> Result<()> {
    let Some(path) = out else {
        anyhow::bail!("--format parquet writes a file: give --out FILE");
    };
    match table {
        Table::Ledger => crate::parquet::write_ledger(path, ledger),
        Table::Summary => crate::parquet::write_summary(path, ledger),
    }
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_: Option<&Path>, _: &isnad_ledger::Ledger, _: Table) -> Result<()> {
    anyhow::bail!("--format parquet: this isnad was built without the `parquet` feature")
}
