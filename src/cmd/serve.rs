//! `isnad serve`: the web page and the JSON API over the store.

use super::stored::{events_file, open};
use crate::args::StoreArgs;
use crate::data::Data;
use anyhow::{Context, Result};
use isnad_server::State;
use std::hash::{BuildHasher, Hasher};
use std::process::ExitCode;
use std::sync::Arc;

pub fn run(
    data: Data,
    store: &StoreArgs,
    addr: std::net::SocketAddr,
    allow_ingest: bool,
    token: Option<String>,
) -> Result<ExitCode> {
    let db = open(store)?;
    let options = data.ledger_options(events_file(store)?);
    let token = allow_ingest.then(|| token.unwrap_or_else(random_token));
    if let Some(t) = &token {
        eprintln!("isnad: uploads allowed with the header 'Authorization: Bearer {t}'");
    }
    let location = db.location();
    let state = Arc::new(State::new(Arc::new(data), db, options, token));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    rt.block_on(isnad_server::serve(state, addr, |bound| {
        eprintln!("isnad: serving {location} on http://{bound}/ (Ctrl-C stops)");
    }))
    .with_context(|| format!("{addr}"))?;
    Ok(ExitCode::SUCCESS)
}

/// 128 random bits in hex, from the operating system's random hash seeds.
fn random_token() -> String {
    let mut out = String::new();
    for i in 0..2u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(i);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}
