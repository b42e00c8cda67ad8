//! The data files, built-in or from a user's directory.
//!
//! Every vocabulary isnad uses is a file under `data/` in the repository,
//! compiled into the binary as the default. `--data DIR` (or `$ISNAD_DATA`)
//! names a directory whose files of the same names replace the built-in
//! ones, so a user can extend a lexicon without a compiler.

use anyhow::{Context, Result};
use isnad_extract::Extractor;
use isnad_extract::claims::{
    ClaimsLexicon, DEFAULT_ATTRIBUTION, DEFAULT_EVENTS, DEFAULT_FACETS, DEFAULT_PLACES, DEFAULT_SOURCES,
    Files, SourceNames,
};
use isnad_extract::numbers::{DEFAULT_COUNTED, DEFAULT_NUMBERS, Lexicon, Numbers};
use isnad_text::calendar::DEFAULT_CALENDAR;
use isnad_text::furniture::DEFAULT_FURNITURE;
use isnad_text::{Calendar, FurnitureRules, Reader};
use std::path::Path;

/// The loaded vocabularies.
pub use isnad_engine::Engine as Data;

fn file(dir: Option<&Path>, name: &str, builtin: &'static str) -> Result<(String, String)> {
    if let Some(d) = dir {
        let p = d.join(name);
        if p.exists() {
            let s = std::fs::read_to_string(&p).with_context(|| format!("{}", p.display()))?;
            return Ok((p.display().to_string(), s));
        }
    }
    Ok((format!("built-in {name}"), builtin.to_string()))
}

/// The vocabularies of `dir` (files there replace the built-in ones), and
/// a reader refusing documents over `max_document` bytes.
///
/// Without a directory, each built-in vocabulary is built when first used
/// (issue 24: start-up); a directory's files are all built, and checked,
/// here.
pub fn load(dir: Option<&Path>, max_document: u64) -> Result<Data> {
    {
        let Some(d) = dir else {
            return Ok(Data::builtin_with_max_document(max_document));
        };
        if !d.is_dir() {
            anyhow::bail!("{}: the data directory does not exist", d.display());
        }
        let (cal_name, cal) = file(dir, "calendar.toml", DEFAULT_CALENDAR)?;
        let calendar = Calendar::parse(&cal).map_err(|e| anyhow::anyhow!("{cal_name}: {}", one_line(&e)))?;
        let (fur_name, fur) = file(dir, "furniture.toml", DEFAULT_FURNITURE)?;
        let furniture =
            FurnitureRules::parse(&fur).map_err(|e| anyhow::anyhow!("{fur_name}: {}", one_line(&e)))?;
        let (num_name, num) = file(dir, "numbers.toml", DEFAULT_NUMBERS)?;
        let (cnt_name, cnt) = file(dir, "counted.toml", DEFAULT_COUNTED)?;
        let lex = Lexicon::parse(&num, &cnt)
            .map_err(|e| anyhow::anyhow!("{} / {}: {}", num_name, cnt_name, one_line(&e)))?;
        let (src_name, src) = file(dir, "sources.toml", DEFAULT_SOURCES)?;
        let (att_name, att) = file(dir, "attribution.toml", DEFAULT_ATTRIBUTION)?;
        let (fac_name, fac) = file(dir, "facets.toml", DEFAULT_FACETS)?;
        let (ev_name, ev) = file(dir, "events.toml", DEFAULT_EVENTS)?;
        let (pl_name, pl) = file(dir, "places.toml", DEFAULT_PLACES)?;
        let files = Files {
            sources: &src,
            attribution: &att,
            facets: &fac,
            events: &ev,
            places: &pl,
        };
        let claims = ClaimsLexicon::parse_files(&files).map_err(|e| {
            // Name the file as it was read: the user's, or the built-in one.
            let path = [&src_name, &att_name, &fac_name, &ev_name, &pl_name]
                .into_iter()
                .find(|p| p.ends_with(e.file()))
                .map_or(e.file(), |p| p.as_str());
            anyhow::anyhow!("{path}: {}", one_line(&e.reason()))
        })?;
        let (kinds_name, kinds) = file(dir, "kinds.toml", isnad_engine::about::DEFAULT_KINDS)?;
        let about = isnad_engine::about::AboutRules::parse(&kinds, &pl).map_err(|e| {
            let path = if e.file() == "kinds.toml" {
                &kinds_name
            } else {
                &pl_name
            };
            anyhow::anyhow!("{path}: {}", one_line(&e))
        })?;
        let labels = isnad_engine::labels::FacetLabels::parse(&fac, &claims.facet_names())
            .map_err(|e| anyhow::anyhow!("{fac_name}: {}", one_line(&e)))?;
        let sources =
            SourceNames::parse(&src).map_err(|e| anyhow::anyhow!("{src_name}: {}", one_line(&e)))?;
        let numbers = Numbers::new(lex, calendar.clone());
        Ok(Data::from_parts(isnad_engine::Parts {
            about,
            labels,
            reader: Reader::new(furniture, calendar).with_max_document(max_document),
            extractor: Extractor::new(numbers.clone(), claims),
            numbers,
            sources,
        }))
    }
}

fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string().split_whitespace().collect::<Vec<_>>().join(" ")
}
