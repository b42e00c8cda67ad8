//! `isnad extract`: the claims of documents.

use super::{batch_status, for_each_document};
use crate::args::ExtractFormat;
use crate::data::Data;
use crate::json;
use anyhow::Result;
use isnad_extract::numbers::Scratch;
use isnad_extract::{Claim, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(data: &Data, paths: &[PathBuf], format: ExtractFormat, other: bool) -> Result<ExitCode> {
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut scratch = Scratch::default();
    let failed = for_each_document(data, paths, &mut |doc| {
        for c in data.extractor.extract_with(&doc, &mut scratch) {
            if !other && c.facet.starts_with("other:") {
                continue;
            }
            match format {
                ExtractFormat::Jsonl => writeln!(out, "{}", json::claim(&c))?,
                ExtractFormat::Table => writeln!(out, "{}", row(&c))?,
            }
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(batch_status(failed))
}

/// One claim as a line of text. Arabic runs are wrapped in bidi isolates
/// (FSI … PDI) so that a terminal lays each out right to left inside a
/// left-to-right line without reordering its neighbours.
fn row(c: &Claim) -> String {
    let value = match c.value {
        Value::Number(_) | Value::Range(..) => json::value(&c.value).to_string(),
        Value::None => c.vague.as_deref().unwrap_or("?").to_string(),
    };
    let chain: Vec<String> = c.source.iter().map(|s| isolate(&s.name)).collect();
    let evidence: String = c.evidence.chars().take(90).collect();
    format!(
        "{doc}\t{facet}\t{value} ({q}, {stance})\t{chain}{anon}\t{subject}\t[{s}..{e}]\t{ev}",
        doc = c.doc,
        facet = c.facet,
        q = c.qualifier.as_str(),
        stance = c.stance.as_str(),
        chain = chain.join(" > "),
        anon = if c.anonymous { " (unnamed)" } else { "" },
        subject = c.subject.as_deref().unwrap_or("-"),
        s = c.span.start,
        e = c.span.end,
        ev = isolate(&evidence.replace('\n', " ")),
    )
}

fn isolate(s: &str) -> String {
    if s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        format!("\u{2068}{s}\u{2069}")
    } else {
        s.to_string()
    }
}
