//! The data files, built-in or from a user's directory.
//!
//! Every vocabulary isnad uses is a file under `data/` in the repository,
//! compiled into the binary as the default. `--data DIR` (or `$ISNAD_DATA`)
//! names a directory whose files of the same names extend the built-in
//! ones entry by entry (see [`crate::vocab`] for the merge, the markers
//! that remove an entry or replace a file whole), so a user can extend a
//! lexicon without a compiler.

use crate::vocab::{self, Loaded};
use anyhow::Result;
use isnad_extract::Extractor;
use isnad_extract::claims::{ClaimsLexicon, Files, SourceNames};
use isnad_extract::numbers::{Lexicon, Numbers};
use isnad_text::{Calendar, FurnitureRules, Reader};
use std::path::Path;

/// The loaded vocabularies.
pub use isnad_engine::Engine as Data;

/// The vocabularies of `dir` (its files extend the built-in ones), and a
/// reader refusing documents over `max_document` bytes.
///
/// Without a directory, each built-in vocabulary is built when first used
/// (issue 24: start-up); a directory's files are all built, and checked,
/// here.
pub fn load(dir: Option<&Path>, max_document: u64) -> Result<Data> {
    let Some(d) = dir else {
        return Ok(Data::builtin_with_max_document(max_document));
    };
    if !d.is_dir() {
        anyhow::bail!("{}: the data directory does not exist", d.display());
    }
    build(&vocab::load_all(dir)?, max_document)
}

/// The file named `name` among `files`.
fn get<'a>(files: &'a [Loaded], name: &str) -> &'a Loaded {
    // Every name asked for is one of `vocab::FILES`, all loaded.
    files.iter().find(|f| f.name == name).unwrap_or(&files[0])
}

/// The vocabularies of the loaded files, refused with one line naming the
/// file, the line and the problem.
pub fn build(files: &[Loaded], max_document: u64) -> Result<Data> {
    let f = |name: &str| get(files, name);
    let fail = |l: &Loaded, e: &dyn std::fmt::Display| anyhow::anyhow!("{}", l.explain(&e.to_string()));
    let calendar = Calendar::parse(&f("calendar.toml").text).map_err(|e| fail(f("calendar.toml"), &e))?;
    let furniture =
        FurnitureRules::parse(&f("furniture.toml").text).map_err(|e| fail(f("furniture.toml"), &e))?;
    let lex = Lexicon::parse(&f("numbers.toml").text, &f("counted.toml").text)
        .map_err(|e| fail(get(files, e.file()), &e.reason()))?;
    let files_ = Files {
        sources: &f("sources.toml").text,
        attribution: &f("attribution.toml").text,
        facets: &f("facets.toml").text,
        events: &f("events.toml").text,
        places: &f("places.toml").text,
    };
    let claims = ClaimsLexicon::parse_files(&files_).map_err(|e| fail(get(files, e.file()), &e.reason()))?;
    let about = isnad_engine::about::AboutRules::parse(&f("kinds.toml").text, &f("places.toml").text)
        .map_err(|e| fail(get(files, e.file()), &e))?;
    let labels = isnad_engine::labels::FacetLabels::parse(&f("facets.toml").text, &claims.facet_names())
        .map_err(|e| fail(f("facets.toml"), &e))?;
    let sources =
        SourceNames::parse(&f("sources.toml").text).map_err(|e| fail(f("sources.toml"), &e.reason()))?;
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
