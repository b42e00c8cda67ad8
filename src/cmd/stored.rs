//! What the store-backed commands share: turning a read document into the
//! rows the store keeps, opening the store, and the events file.

use crate::args::StoreArgs;
use crate::data::Data;
use anyhow::{Context, Result};
use isnad_extract::numbers::Scratch;
use isnad_extract::{Claim, Value};
use isnad_ledger::EventFile;
use isnad_store::{ClaimRow, DocFields, Link, MentionRow, NewDocument, Store};
use isnad_text::Document;

/// Marks an entity term (a known source named by any alias) in the index.
pub const ENTITY_PREFIX: &str = "e_";

/// Opens the store named by the flags.
pub fn open(store: &StoreArgs) -> Result<Store> {
    if let Some(dir) = store.db.parent()
        && !dir.as_os_str().is_empty()
        && !dir.is_dir()
    {
        anyhow::bail!(
            "{}: the directory for the store does not exist",
            store.db.display()
        );
    }
    Ok(Store::open(&store.db)?)
}

/// The user's events file: `--events FILE`, or events.toml beside the store.
pub fn events_file(store: &StoreArgs) -> Result<EventFile> {
    let path = match &store.events {
        Some(p) => p.clone(),
        None => {
            let beside = store
                .db
                .parent()
                .map(|d| d.join("events.toml"))
                .unwrap_or_else(|| "events.toml".into());
            if !beside.is_file() {
                return Ok(EventFile::default());
            }
            beside
        }
    };
    let text = std::fs::read_to_string(&path).with_context(|| path.display().to_string())?;
    EventFile::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))
}

fn range(v: &Value) -> Option<(f64, f64)> {
    match *v {
        Value::Number(x) => Some((x, x)),
        Value::Range(a, b) => Some((a, b)),
        Value::None => None,
    }
}

/// A claim as the store keeps it.
pub fn claim_row(c: &Claim) -> ClaimRow {
    ClaimRow {
        facet: c.facet.clone(),
        value: range(&c.value),
        vague: c.vague.as_deref().map(String::from),
        band: c.band.map(|[a, b]| (a, b)),
        qualifier: c.qualifier.as_str().to_string(),
        stance: c.stance.as_str().to_string(),
        chain: c
            .source
            .iter()
            .map(|s| Link {
                id: s.id.clone(),
                name: s.name.clone(),
                kind: s.kind.to_string(),
            })
            .collect(),
        anonymous: c.anonymous,
        subject: c.subject.clone(),
        span: (c.span.start, c.span.end),
        sentence: (c.sentence.start, c.sentence.end),
        evidence: c.evidence.clone(),
    }
}

/// The index terms of a document: its analysed words and one entity term
/// per known source it names.
pub fn index_terms(data: &Data, text: &str) -> String {
    let mut terms = isnad_text::analyze::index_string(text);
    for id in data.extractor.lexicon().sources_named(text) {
        terms.push(' ');
        terms.push_str(ENTITY_PREFIX);
        terms.push_str(id);
    }
    terms
}

/// Everything the store keeps of a document.
pub fn analyse(data: &Data, doc: Document, hash: String, scratch: &mut Scratch) -> NewDocument {
    let claims: Vec<ClaimRow> = data
        .extractor
        .extract_with(&doc, scratch)
        .iter()
        .map(claim_row)
        .collect();
    let mentions: Vec<MentionRow> = data
        .numbers
        .find_with(&doc.text, scratch)
        .iter()
        .filter(|m| !doc.in_furniture(m.start..m.end))
        .map(|m| {
            let s = doc.original_span(m.start..m.end);
            MentionRow {
                span: (s.start, s.end),
                kind: crate::json::kind(m.kind).to_string(),
                value: range(&m.value),
                vague: m.vague.as_deref().map(String::from),
            }
        })
        .collect();
    let target = if claims.iter().all(|c| c.subject.is_some()) && !claims.is_empty() {
        None
    } else {
        data.extractor.target(&doc.text)
    };
    let terms = index_terms(data, &doc.text);
    let m = doc.meta;
    NewDocument {
        fields: DocFields {
            hash,
            doc: doc.id,
            origin: doc.origin_name,
            format: doc.format.as_str().to_string(),
            title: m.title,
            outlet: m.outlet,
            byline: m.byline,
            published: m.published,
            url: m.url,
            lang: m.lang,
            target,
        },
        original: doc.original,
        text: doc.text,
        mentions,
        claims,
        terms,
    }
}

/// Reads a stored document again, as it was read when ingested, so that
/// offsets in its text map back to its original bytes.
pub fn reread(data: &Data, d: &isnad_store::StoredDocument) -> Document {
    let f = &d.fields;
    match f.format.as_str() {
        "html" => data.reader.html(&f.doc, &f.origin, d.original.clone()),
        "text" => data.reader.plain(&f.doc, &f.origin, d.original.clone()),
        _ => {
            // A JSONL record's original is its text.
            let mut doc = data.reader.plain(&f.doc, &f.origin, d.original.clone());
            doc.text = d.text.clone();
            doc
        }
    }
}
