//! `isnad runs`: the runs recorded in the store ([`isnad_store::Run`]),
//! oldest first, one JSON object a line: `id`, `started`, `finished`
//! (null for a run that did not end), `command`, `vocabulary` (the hash of
//! the vocabulary it extracted with; null for a run that extracted
//! nothing itself, or one recorded before schema version 5), and the
//! counts `new`, `known`, `failed`, `claims`. Refuses a store that does
//! not exist.

use super::stored::open_existing;
use crate::args::StoreArgs;
use anyhow::Result;
use std::io::Write;
use std::process::ExitCode;

pub fn run(store: &StoreArgs) -> Result<ExitCode> {
    let db = open_existing(store)?;
    let mut out = std::io::stdout().lock();
    for r in db.runs()? {
        writeln!(out, "{}", serde_json::to_string(&r)?)?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
