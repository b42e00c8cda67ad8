//! `isnad serve`: the web page and the JSON API over the store.

use super::stored::{events_file, open_existing};
use crate::args::StoreArgs;
use crate::data::Data;
use anyhow::{Context, Result};
use isnad_server::{Settings, State};
use std::hash::{BuildHasher, Hasher};
use std::process::ExitCode;
use std::sync::Arc;

/// Who may reach the server, and how long they may take.
pub struct Access {
    pub allow_ingest: bool,
    pub token: Option<String>,
    pub allow_host: Vec<String>,
    pub header_timeout: f64,
    pub body_timeout: f64,
}

pub fn run(data: Data, store: &StoreArgs, addr: std::net::SocketAddr, access: Access) -> Result<ExitCode> {
    if access.token.as_deref().is_some_and(|t| t.trim().is_empty()) {
        return Err(crate::Usage(
            "the upload token (--token or ISNAD_TOKEN) is empty: give one, or none for a random one".into(),
        )
        .into());
    }
    let seconds = |name: &str, s: f64| {
        if s.is_finite() && s > 0.0 && s <= 86_400.0 {
            Ok(std::time::Duration::from_secs_f64(s))
        } else {
            Err(crate::Usage(format!(
                "--{name} must be a number of seconds above 0, at most 86400, not {s}"
            )))
        }
    };
    let settings = Settings {
        allow_hosts: access.allow_host,
        header_timeout: seconds("header-timeout", access.header_timeout)?,
        body_timeout: seconds("body-timeout", access.body_timeout)?,
    };
    let db = open_existing(store)?;
    let options = data.ledger_options(events_file(store)?);
    let token = access
        .allow_ingest
        .then(|| access.token.unwrap_or_else(random_token));
    if let Some(t) = &token {
        eprintln!("isnad: uploads allowed with the header 'Authorization: Bearer {t}'");
    }
    let location = db.location();
    let state = Arc::new(State::new(Arc::new(data), db, options, token).with_settings(settings));
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
