//! What the store-backed commands share: opening the store (an SQLite file
//! or a PostgreSQL URL) and reading the events file.

use crate::args::StoreArgs;
use anyhow::{Context, Result};
use isnad_ledger::EventFile;
use isnad_store::{Store, is_postgres_url};
use std::path::Path;

impl StoreArgs {
    /// The SQLite file, when the store is one.
    pub fn file(&self) -> Option<&Path> {
        (!is_postgres_url(&self.db)).then(|| Path::new(&self.db))
    }
}

/// Opens the store named by the flags.
pub fn open(store: &StoreArgs) -> Result<Store> {
    if let Some(file) = store.file()
        && let Some(dir) = file.parent()
        && !dir.as_os_str().is_empty()
        && !dir.is_dir()
    {
        anyhow::bail!("{}: the directory for the store does not exist", file.display());
    }
    Ok(Store::open_location(&store.db)?)
}

/// Opens a store that must already exist (for reading commands).
pub fn open_existing(store: &StoreArgs) -> Result<Store> {
    if let Some(file) = store.file()
        && !file.exists()
    {
        anyhow::bail!(
            "{}: no store here; run `isnad ingest PATH...` first or give --db",
            file.display()
        );
    }
    open(store)
}

/// The user's events file: `--events FILE`, or events.toml beside an
/// SQLite store (a PostgreSQL store has no beside: give `--events`).
pub fn events_file(store: &StoreArgs) -> Result<EventFile> {
    let path = match (&store.events, store.file()) {
        (Some(p), _) => p.clone(),
        (None, None) => return Ok(EventFile::default()),
        (None, Some(file)) => {
            let beside = file
                .parent()
                .map(|d| d.join("events.toml"))
                .unwrap_or_else(|| "events.toml".into());
            if !beside.is_file() {
                return Ok(EventFile::default());
            }
            beside
        }
    };
    let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
    EventFile::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}
