//! `isnad reextract`: the claims of every stored document extracted again
//! with the current vocabulary, in place ([`isnad_engine::Engine::reanalyse`],
//! [`isnad_store::Store::replace_found`]): a document at a time, each in
//! one transaction, so a kill leaves every document with its old claims or
//! its new ones. The same vocabulary finds the same claims: a second run
//! changes nothing. The run is recorded with the vocabulary's hash
//! (`isnad runs`). Refuses a store that does not exist.

use super::stored::open_existing;
use crate::args::StoreArgs;
use crate::data::Data;
use anyhow::Result;
use isnad_extract::numbers::Scratch;
use isnad_model::Claim;
use std::process::ExitCode;

/// What a run did.
#[derive(Debug, Default)]
struct Tally {
    documents: u64,
    changed: u64,
    before: u64,
    after: u64,
}

pub fn run(data: &Data, vocabulary: &str, store: &StoreArgs) -> Result<ExitCode> {
    let mut db = open_existing(store)?;
    let run = db.begin_run("reextract", Some(vocabulary))?;
    let mut scratch = Scratch::default();
    let mut t = Tally::default();
    for id in db.document_ids()? {
        let Some(stored) = db.document(id)? else {
            continue;
        };
        let old: Vec<Claim> = db.document_claims(id)?.into_iter().map(|(_, c)| c).collect();
        let new = data.reanalyse(&stored, &mut scratch);
        t.documents += 1;
        t.before += old.len() as u64;
        t.after += new.claims.len() as u64;
        if !same(&old, &new.claims) || stored.fields.target != new.fields.target {
            t.changed += 1;
        }
        db.replace_found(id, &new)?;
    }
    db.finish_run(run, 0, t.documents, 0, t.after)?;
    eprintln!(
        "isnad: {} documents extracted again in {} with vocabulary {vocabulary}: {} with other claims than before; {} claims (were {})",
        t.documents,
        db.location(),
        t.changed,
        t.after,
        t.before
    );
    Ok(ExitCode::SUCCESS)
}

/// True when two lists hold the same claims in text order (the store gives
/// a document's claims by their span's start, extraction by sentence).
fn same(stored: &[Claim], found: &[Claim]) -> bool {
    let mut found: Vec<&Claim> = found.iter().collect();
    found.sort_by_key(|c| c.span.start);
    stored.len() == found.len() && stored.iter().zip(found).all(|(a, b)| a == b)
}
