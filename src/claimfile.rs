//! Claim files read back: the claims `isnad extract` wrote (JSONL, or
//! Parquet with the `parquet` feature) on another machine, so that `isnad
//! ingest --claims FILE` stores them with their documents instead of
//! extracting again.
//!
//! In: files of claims. Out: the claims of each document id, as the store
//! keeps them. A line that is not a claim is reported (file and line) and
//! skipped; the claims still have to fit their document's text when it is
//! ingested (`isnad_engine::claim_fits`).

use anyhow::{Context, Result};
use isnad_model::Claim;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// Claims by document id.
pub type ByDocument = HashMap<String, Vec<Claim>>;

/// Reads every file; returns the claims by document and how many lines
/// were refused.
pub fn load(paths: &[PathBuf]) -> Result<(ByDocument, usize)> {
    let mut out = ByDocument::new();
    let mut refused = 0;
    for p in paths {
        let mut add = |c: Claim| out.entry(c.doc.clone()).or_default().push(c);
        if p.extension().is_some_and(|x| x == "parquet") {
            read_parquet(p, &mut add)?;
        } else {
            refused += read_jsonl(p, &mut add)?;
        }
    }
    Ok((out, refused))
}

fn read_jsonl(path: &Path, add: &mut dyn FnMut(Claim)) -> Result<usize> {
    let f = std::fs::File::open(path).with_context(|| path.display().to_string())?;
    let mut refused = 0;
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", path.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match from_json(&line) {
            Ok(c) => add(c),
            Err(e) => {
                eprintln!("isnad: {}:{}: not a claim: {e}", path.display(), n + 1);
                refused += 1;
            }
        }
    }
    Ok(refused)
}

/// A claim object as `isnad extract` prints it (the model's serde form).
pub fn from_json(line: &str) -> Result<Claim, serde_json::Error> {
    serde_json::from_str(line)
}

#[cfg(feature = "parquet")]
fn read_parquet(path: &Path, add: &mut dyn FnMut(Claim)) -> Result<()> {
    isnad_parquet::read_claims(path, add)
}

#[cfg(not(feature = "parquet"))]
fn read_parquet(path: &Path, _: &mut dyn FnMut(Claim)) -> Result<()> {
    anyhow::bail!(
        "{}: this isnad was built without the `parquet` feature",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_model::{SourceKind, Value};

    #[test]
    fn a_claim_line_reads_back_with_its_chain_and_band() {
        let c = from_json(
            r#"{"doc":"d","facet":"prisoners_escaped","value":null,"vague":"hundreds","band":[200,999],
                "qualifier":"approx","stance":"asserted","anonymous":true,"subject":null,
                "source":[{"id":"x","name":"X","kind":"outlet"},{"id":"anonymous:a","name":"a","kind":"anonymous"}],
                "span":[3,9],"sentence":[0,20],"evidence":"e"}"#,
        )
        .expect("a claim");
        assert_eq!(c.doc, "d");
        assert_eq!(c.band, Some([200.0, 999.0]));
        assert_eq!(c.value, Value::None);
        assert_eq!(c.source.len(), 2);
        assert_eq!(c.source[1].kind, SourceKind::Anonymous);
        assert!(c.anonymous);
        assert_eq!((c.span.range(), c.sentence.range()), (3..9, 0..20));
    }

    #[test]
    fn what_is_not_a_claim_says_what_is_wrong() {
        const OK: &str = r#""doc":"d","source":[],"facet":"f","stance":"asserted","evidence":"e""#;
        for (line, why) in [
            (r#"{"doc":"d"}"#.to_string(), "missing field"),
            (
                format!(r#"{{{OK},"qualifier":"exact","value":"x","span":[0,1],"sentence":[0,1]}}"#),
                "a number, [lo, hi] or null",
            ),
            (
                format!(r#"{{{OK},"qualifier":"exact","value":1,"span":[0],"sentence":[0,1]}}"#),
                "invalid length 1",
            ),
            (
                format!(r#"{{{OK},"qualifier":"about","value":1,"span":[0,1],"sentence":[0,1]}}"#),
                "unknown qualifier `about`",
            ),
        ] {
            let err = from_json(&line).expect_err("refused").to_string();
            assert!(err.contains(why), "{line}: {err}");
        }
    }
}
