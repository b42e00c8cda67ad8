//! What the store-backed commands share: opening the store and reading the
//! events file.

use crate::args::StoreArgs;
use anyhow::{Context, Result};
use isnad_ledger::EventFile;
use isnad_store::Store;

/// Opens the store named by the flags.
pub fn open(store: &StoreArgs) -> Result<Store> {
    if let Some(dir) = store.db.parent()
        && !dir.as_os_str().is_empty()
        && !dir.is_dir()
    {
        anyhow::bail!(
            "{}: the directory for the store does not exist",
            store.db.display()
        );
    }
    Ok(Store::open(&store.db)?)
}

/// Opens a store that must already exist (for reading commands).
pub fn open_existing(store: &StoreArgs) -> Result<Store> {
    if !store.db.exists() {
        anyhow::bail!(
            "{}: no store here; run `isnad ingest PATH...` first or give --db",
            store.db.display()
        );
    }
    open(store)
}

/// The user's events file: `--events FILE`, or events.toml beside the store.
pub fn events_file(store: &StoreArgs) -> Result<EventFile> {
    let path = match &store.events {
        Some(p) => p.clone(),
        None => {
            let beside = store
                .db
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
