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
    /// Write the disputes table.
    pub disputes: bool,
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
    let Switches {
        other,
        summary,
        disputes,
        bom,
    } = switches;
    let table = match (summary, disputes) {
        (true, _) => Table::Summary,
        (_, true) => Table::Disputes,
        _ => Table::Ledger,
    };
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
    let text = match (table, format) {
        (_, LedgerFormat::Parquet) => {
            write_parquet(out, &ledger, table)?;
            return Ok(ExitCode::SUCCESS);
        }
        (Table::Summary, LedgerFormat::Csv) => render::summary_csv(&ledger),
        (Table::Summary, LedgerFormat::Json) => render::summary_json(&ledger) + "\n",
        (Table::Disputes, LedgerFormat::Csv) => render::disputes_csv(&ledger),
        (Table::Disputes, LedgerFormat::Json) => render::disputes_json(&ledger) + "\n",
        (Table::Summary, _) => {
            return Err(crate::Usage(
                "--summary writes --format csv, --format json or --format parquet".into(),
            )
            .into());
        }
        (Table::Disputes, _) => {
            return Err(crate::Usage(
                "--disputes writes --format csv, --format json or --format parquet".into(),
            )
            .into());
        }
        // The text formats escape a document's control characters.
        (Table::Ledger, LedgerFormat::Table) => {
            crate::terminal::escape(&render::table(&ledger), &['\n']).into_owned()
        }
        (Table::Ledger, LedgerFormat::Json) => render::json(&ledger) + "\n",
        (Table::Ledger, LedgerFormat::Csv) => render::csv(&ledger),
        (Table::Ledger, LedgerFormat::Md) => {
            crate::terminal::escape(&render::markdown(&ledger), &['\n']).into_owned()
        }
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

/// Which table the command writes.
#[derive(Clone, Copy)]
enum Table {
    /// A row per value per chain per document.
    Ledger,
    /// A row per event and facet.
    Summary,
    /// A row per pair of values that cannot both be true.
    Disputes,
}

#[cfg(feature = "parquet")]
fn write_parquet(out: Option<&Path>, ledger: &isnad_ledger::Ledger, table: Table) -> Result<()> {
    let Some(path) = out else {
        return Err(crate::Usage("--format parquet writes a file: give --out FILE".into()).into());
    };
    match table {
        Table::Ledger => isnad_parquet::write_ledger(path, ledger),
        Table::Summary => isnad_parquet::write_summary(path, ledger),
        Table::Disputes => isnad_parquet::write_disputes(path, ledger),
    }
}

#[cfg(not(feature = "parquet"))]
fn write_parquet(_: Option<&Path>, _: &isnad_ledger::Ledger, _: Table) -> Result<()> {
    Err(crate::Usage("--format parquet: this isnad was built without the `parquet` feature".into()).into())
}
