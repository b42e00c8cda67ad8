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
use isnad_store::{ClaimRow, Link};
use serde_json::Value as J;
use std::collections::HashMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Claims by document id.
pub type ByDocument = HashMap<String, Vec<ClaimRow>>;

/// Reads every file; returns the claims by document and how many lines
/// were refused.
pub fn load(paths: &[PathBuf]) -> Result<(ByDocument, usize)> {
    let mut out = ByDocument::new();
    let mut refused = 0;
    for p in paths {
        let mut add = |doc: String, c: ClaimRow| out.entry(doc).or_default().push(c);
        if p.extension().is_some_and(|x| x == "parquet") {
            read_parquet(p, &mut add)?;
        } else {
            refused += read_jsonl(p, &mut add)?;
        }
    }
    Ok((out, refused))
}

fn read_jsonl(path: &Path, add: &mut dyn FnMut(String, ClaimRow)) -> Result<usize> {
    let f = std::fs::File::open(path).with_context(|| path.display().to_string())?;
    let mut refused = 0;
    for (n, line) in std::io::BufReader::new(f).lines().enumerate() {
        let line = line.with_context(|| format!("{}:{}", path.display(), n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<J>(&line)
            .map_err(|e| e.to_string())
            .and_then(|v| from_json(&v))
        {
            Ok((doc, c)) => add(doc, c),
            Err(e) => {
                eprintln!("isnad: {}:{}: not a claim: {e}", path.display(), n + 1);
                refused += 1;
            }
        }
    }
    Ok(refused)
}

fn pair(v: &J) -> Option<(f64, f64)> {
    match v {
        J::Number(n) => n.as_f64().map(|x| (x, x)),
        J::Array(a) if a.len() == 2 => Some((a[0].as_f64()?, a[1].as_f64()?)),
        _ => None,
    }
}

fn offsets(v: &J, what: &str) -> Result<(u32, u32), String> {
    let n = |i: usize| v.get(i).and_then(J::as_u64).and_then(|x| u32::try_from(x).ok());
    match (n(0), n(1)) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(format!("`{what}` is not [start, end]")),
    }
}

/// A claim object as `isnad extract` prints it.
pub fn from_json(v: &J) -> Result<(String, ClaimRow), String> {
    let text = |k: &str| v.get(k).and_then(J::as_str).map(str::to_string);
    let need = |k: &str| text(k).ok_or_else(|| format!("no `{k}`"));
    let chain: Vec<Link> = v
        .get("source")
        .and_then(J::as_array)
        .ok_or("no `source`")?
        .iter()
        .map(|s| {
            let f = |k: &str| s.get(k).and_then(J::as_str).map(str::to_string);
            match (f("id"), f("name"), f("kind")) {
                (Some(id), Some(name), Some(kind)) => Ok(Link { id, name, kind }),
                _ => Err("a source without id, name and kind".to_string()),
            }
        })
        .collect::<Result<_, _>>()?;
    let value = v.get("value").unwrap_or(&J::Null);
    let value = match value {
        J::Null => None,
        v => Some(pair(v).ok_or("`value` is not a number or [lo, hi]")?),
    };
    let row = ClaimRow {
        facet: need("facet")?,
        value,
        vague: text("vague"),
        band: v.get("band").and_then(pair),
        qualifier: need("qualifier")?,
        stance: need("stance")?,
        chain: chain.into(),
        anonymous: v.get("anonymous").and_then(J::as_bool).unwrap_or(false),
        subject: text("subject"),
        span: offsets(v.get("span").unwrap_or(&J::Null), "span")?,
        sentence: offsets(v.get("sentence").unwrap_or(&J::Null), "sentence")?,
        evidence: Arc::from(need("evidence")?.as_str()),
    };
    Ok((need("doc")?, row))
}

#[cfg(feature = "parquet")]
fn read_parquet(path: &Path, add: &mut dyn FnMut(String, ClaimRow)) -> Result<()> {
    crate::parquet::read_claims(path, add)
}

#[cfg(not(feature = "parquet"))]
fn read_parquet(path: &Path, _: &mut dyn FnMut(String, ClaimRow)) -> Result<()> {
    anyhow::bail!(
        "{}: this isnad was built without the `parquet` feature",
        path.display()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_claim_line_reads_back_with_its_chain_and_band() {
        let v: J = serde_json::from_str(
            r#"{"doc":"d","facet":"prisoners_escaped","value":null,"vague":"hundreds","band":[200,999],
                "qualifier":"approx","stance":"asserted","anonymous":true,"subject":null,
                "source":[{"id":"x","name":"X","kind":"outlet"},{"id":"anonymous:a","name":"a","kind":"anonymous"}],
                "span":[3,9],"sentence":[0,20],"evidence":"e"}"#,
        )
        .expect("json");
        let (doc, c) = from_json(&v).expect("a claim");
        assert_eq!(doc, "d");
        assert_eq!(c.band, Some((200.0, 999.0)));
        assert_eq!(c.value, None);
        assert_eq!(c.chain.len(), 2);
        assert!(c.anonymous);
        assert_eq!((c.span, c.sentence), ((3, 9), (0, 20)));
    }

    #[test]
    fn what_is_not_a_claim_says_what_is_missing() {
        for (line, why) in [
            (r#"{"doc":"d"}"#, "no `source`"),
            (
                r#"{"doc":"d","source":[],"facet":"f","qualifier":"exact","stance":"asserted","value":"x","span":[0,1],"sentence":[0,1],"evidence":"e"}"#,
                "`value` is not",
            ),
            (
                r#"{"doc":"d","source":[],"facet":"f","qualifier":"exact","stance":"asserted","value":1,"span":[0],"sentence":[0,1],"evidence":"e"}"#,
                "`span` is not",
            ),
        ] {
            let v: J = serde_json::from_str(line).expect("json");
            let err = from_json(&v).expect_err("refused");
            assert!(err.contains(why), "{line}: {err}");
        }
    }
}
