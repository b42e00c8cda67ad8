//! `isnad search`: full-text search over the stored documents (the engine's
//! [`isnad_engine::search`] does the work; this prints it).

use super::stored::open_existing;
use crate::args::{ColorWhen, SearchFormat, StoreArgs};
use crate::data::Data;
use crate::terminal::escape;
use anyhow::Result;
use isnad_engine::search::{parse_query, search};
use isnad_ledger::render::isolate;
use serde_json::json;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

pub fn run(
    data: &Data,
    query: &str,
    store: &StoreArgs,
    limit: usize,
    format: SearchFormat,
    color: ColorWhen,
) -> Result<ExitCode> {
    if parse_query(data, query).0.is_empty() {
        anyhow::bail!("the query {query:?} has no word to search for");
    }
    let db = open_existing(store)?;
    let found = search(data, &db, query, limit)?;
    let mut out = std::io::stdout().lock();
    let color = format == SearchFormat::Text
        && color.colors(
            std::io::stdout().is_terminal(),
            std::env::var_os("NO_COLOR").as_deref(),
        );
    if found.is_empty() && format == SearchFormat::Text {
        writeln!(out, "no document matches {query:?}")?;
    }
    for f in &found {
        let d = &f.fields;
        match format {
            SearchFormat::Jsonl => {
                let o = json!({
                    "rank": f.rank,
                    "score": f.score,
                    "doc": d.doc,
                    "origin": d.origin,
                    "title": d.title,
                    "outlet": d.outlet,
                    "published": d.published,
                    "lang": d.lang,
                    "snippet": f.snippet_text("[", "]"),
                    "hits": f.hits,
                });
                writeln!(out, "{o}")?;
            }
            SearchFormat::Text => {
                // A document's control characters escaped (white space is
                // joined to single spaces below); the highlight's own
                // escapes added after.
                let safe = |s: &str| escape(s, &['\t', '\n', '\r', '\x0b', '\x0c']).into_owned();
                let (a, b) = if color {
                    ("\x1b[1;33m", "\x1b[0m")
                } else {
                    ("[", "]")
                };
                writeln!(
                    out,
                    "{}. {} ({}) {} {} · score {:.3}",
                    f.rank,
                    safe(&d.doc),
                    safe(&d.origin),
                    safe(d.outlet.as_deref().unwrap_or("unknown outlet")),
                    safe(d.published.as_deref().unwrap_or("undated")),
                    f.score
                )?;
                if let Some(t) = &d.title {
                    writeln!(out, "   {}", isolate(&safe(t)))?;
                }
                let mut snippet = String::new();
                for (t, hit) in &f.snippet {
                    if *hit {
                        snippet.push_str(a);
                        snippet.push_str(&safe(t));
                        snippet.push_str(b);
                    } else {
                        snippet.push_str(&safe(t));
                    }
                }
                let snippet = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
                writeln!(out, "   {}\n", isolate(&snippet))?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
