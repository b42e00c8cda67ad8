//! `isnad extract`: the claims of documents.

use super::{Batch, Paths, batch_end, say};
use crate::args::ExtractFormat;
use crate::data::Data;
use crate::json;
use anyhow::{Context, Result};
use isnad_engine::parallel::{Item, ordered};
use isnad_extract::numbers::Scratch;
use isnad_extract::{Claim, Value};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(
    data: &Data,
    paths: &[PathBuf],
    format: ExtractFormat,
    other: bool,
    out: Option<&Path>,
    jobs: usize,
) -> Result<ExitCode> {
    let mut sink = Sink::open(format, out)?;
    // Lines are rendered on the worker threads too; Parquet takes the claims.
    let work = |doc: isnad_text::Document, scratch: &mut Scratch| -> Found {
        let claims = data
            .extractor()
            .extract_with(&doc, scratch)
            .into_iter()
            .filter(|c| other || !c.facet.starts_with("other:"));
        match format {
            ExtractFormat::Parquet => Found::Claims(claims.collect()),
            ExtractFormat::Table => Found::Lines(
                claims
                    .map(|c| crate::terminal::escape(&row(&c), &['\t']).into_owned() + "\n")
                    .collect(),
            ),
            ExtractFormat::Jsonl => Found::Lines(claims.map(|c| json::claim_line(&c)).collect()),
        }
    };
    let mut done = 0;
    let read = ordered(
        data,
        Paths(paths),
        jobs,
        jobs <= 1,
        &work,
        &mut |item| match item {
            Item::Done(found) => {
                done += 1;
                sink.write(found)
            }
            other => {
                say(other);
                Ok(())
            }
        },
    )?;
    sink.finish()?;
    Ok(batch_end(Batch {
        read: done,
        failed: read.failed as usize,
    }))
}

/// The claims of one document, as the sink takes them.
enum Found {
    Lines(String),
    // Read only by the Parquet sink.
    #[cfg_attr(not(feature = "parquet"), allow(dead_code))]
    Claims(Vec<Claim>),
}

/// Where claims go: lines of JSON or a table (to stdout or a file), or a
/// Parquet file.
enum Sink {
    Lines(Box<dyn Write>),
    #[cfg(feature = "parquet")]
    Parquet(Box<isnad_parquet::ClaimWriter>),
}

impl Sink {
    fn open(format: ExtractFormat, out: Option<&Path>) -> Result<Sink> {
        let lines = |w: Box<dyn Write>| Ok(Sink::Lines(w));
        match (format, out) {
            #[cfg(feature = "parquet")]
            (ExtractFormat::Parquet, Some(p)) => {
                Ok(Sink::Parquet(Box::new(isnad_parquet::ClaimWriter::create(p)?)))
            }
            #[cfg(not(feature = "parquet"))]
            (ExtractFormat::Parquet, Some(_)) => Err(crate::Usage(
                "--format parquet: this isnad was built without the `parquet` feature".into(),
            )
            .into()),
            (ExtractFormat::Parquet, None) => {
                Err(crate::Usage("--format parquet writes a file: give --out FILE".into()).into())
            }
            (_, Some(p)) => lines(Box::new(std::io::BufWriter::new(
                std::fs::File::create(p).with_context(|| p.display().to_string())?,
            ))),
            (_, None) => lines(Box::new(std::io::BufWriter::new(std::io::stdout().lock()))),
        }
    }

    fn write(&mut self, found: Found) -> Result<()> {
        match (self, found) {
            (Sink::Lines(w), Found::Lines(text)) => w.write_all(text.as_bytes())?,
            #[cfg(feature = "parquet")]
            (Sink::Parquet(p), Found::Claims(claims)) => {
                for c in &claims {
                    p.push(c)?;
                }
            }
            _ => anyhow::bail!("internal: claims rendered for another format"),
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self {
            Sink::Lines(mut w) => w.flush()?,
            #[cfg(feature = "parquet")]
            Sink::Parquet(p) => p.finish()?,
        }
        Ok(())
    }
}

/// One claim as a line of text. Arabic runs are wrapped in bidi isolates
/// (FSI … PDI) so that a terminal lays each out right to left inside a
/// left-to-right line without reordering its neighbours. (Its control
/// characters are escaped by the caller.)
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
        ev = isolate(&evidence.replace(['\n', '\r'], " ")),
    )
}

fn isolate(s: &str) -> String {
    if s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        format!("\u{2068}{s}\u{2069}")
    } else {
        s.to_string()
    }
}
