//! isnad's engine: the loaded vocabularies, and what the store-backed
//! commands and the server share.
//!
//! In: the readers and extractors built from `data/` ([`Engine`]). Out:
//! a read document analysed for the store ([`Engine::analyse`]: claims,
//! mentions, search terms, what it is about: [`about`]), a stored document read again so that
//! offsets in its text map to its original bytes ([`Engine::reread`]), the
//! ledger's options ([`Engine::ledger_options`]), a stored document
//! analysed again with the current vocabulary ([`Engine::reanalyse`]), search ([`search`]), the
//! document view ([`view`]), and the one ingest path that `isnad ingest`,
//! `isnad bench` and the server's upload share ([`ingest`]), over documents
//! read on one thread and worked on by many ([`parallel`]). Refuses
//! nothing: every function takes what the reader produced.

pub mod about;
pub mod ingest;
pub mod labels;
pub mod parallel;
pub mod search;
pub mod view;

use isnad_extract::claims::SourceNames;
use isnad_extract::numbers::Scratch;
use isnad_extract::{Extractor, Numbers};
use isnad_ledger::{EventFile, Options};
use isnad_model::Claim;
use isnad_store::{DocFields, MentionRow, NewDocument};
use isnad_text::{Document, Reader};
use std::sync::OnceLock;

/// The vocabularies: how documents are read, numbers recognised and
/// claims extracted, each built on first use.
///
/// The shipped vocabulary is compiled only where a command needs it
/// (issue 24: `isnad search` builds the source names alone, `isnad
/// extract` never the places of [`about`]); a user's data directory is
/// built whole at load ([`Engine::from_parts`]), so that its errors are
/// told before any work.
pub struct Engine {
    reader: OnceLock<Reader>,
    /// The largest document the shipped reader reads.
    max_document: Option<u64>,
    numbers: OnceLock<Numbers>,
    extractor: OnceLock<Extractor>,
    about: OnceLock<about::AboutRules>,
    labels: OnceLock<labels::FacetLabels>,
    sources: OnceLock<SourceNames>,
}

/// The vocabularies of an engine built whole (see [`Engine::from_parts`]).
pub struct Parts {
    /// Reads documents.
    pub reader: Reader,
    /// Recognises numbers.
    pub numbers: Numbers,
    /// Extracts claims.
    pub extractor: Extractor,
    /// Finds what a report is about (place and kind) for grouping events.
    pub about: about::AboutRules,
    /// The facets' labels in English and Arabic.
    pub labels: labels::FacetLabels,
    /// The known sources by name, for search.
    pub sources: SourceNames,
}

/// Marks an entity term (a known source named by any alias) in the index.
pub const ENTITY_PREFIX: &str = "e_";

/// True when a claim points at real text of `doc`: its quantity lies in its
/// sentence, the sentence in the document, and its evidence is the text
/// there (the original bytes themselves for text and JSONL; for a page,
/// whose original has markup, a sentence of the text read from it).
pub fn claim_fits(doc: &Document, c: &Claim) -> bool {
    let (s, e) = (c.sentence.start as usize, c.sentence.end as usize);
    let (qs, qe) = (c.span.start as usize, c.span.end as usize);
    if !(s <= qs && qs < qe && qe <= e && e <= doc.original.len()) || c.evidence.is_empty() {
        return false;
    }
    // A mark the claim gives lies on characters of its evidence.
    if let Some(m) = c.mark {
        let (ms, me) = (m.start as usize, m.end as usize);
        if !(ms < me
            && me <= c.evidence.len()
            && c.evidence.is_char_boundary(ms)
            && c.evidence.is_char_boundary(me))
        {
            return false;
        }
    }
    // The evidence is the original's bytes, read as text: as they are in
    // UTF-8; an HTML page's or a text decoded from another encoding is in
    // the text read from them.
    match std::str::from_utf8(&doc.original[s..e]) {
        Ok(there) if there == &*c.evidence => true,
        _ => (doc.format.as_str() == "html" || doc.encoding != "UTF-8") && doc.text.contains(&*c.evidence),
    }
}

/// The shipped facets' labels, checked against `extractor`'s schema.
fn builtin_labels(extractor: &Extractor) -> labels::FacetLabels {
    let names = extractor.lexicon().facet_names();
    match labels::FacetLabels::parse(isnad_extract::claims::DEFAULT_FACETS, &names) {
        Ok(l) => l,
        // The shipped file is checked by the labels module's tests.
        Err(e) => panic!("the built-in facets.toml labels are broken: {e}"),
    }
}

fn set<T>(value: T) -> OnceLock<T> {
    let cell = OnceLock::new();
    let _ = cell.set(value);
    cell
}

impl Engine {
    /// The engine of the vocabulary shipped with isnad, built lazily.
    pub fn builtin() -> Engine {
        Engine {
            reader: OnceLock::new(),
            max_document: None,
            numbers: OnceLock::new(),
            extractor: OnceLock::new(),
            about: OnceLock::new(),
            labels: OnceLock::new(),
            sources: OnceLock::new(),
        }
    }

    /// As [`Engine::builtin`], reading documents of at most `max_document`
    /// bytes.
    pub fn builtin_with_max_document(max_document: u64) -> Engine {
        Engine {
            max_document: Some(max_document),
            ..Engine::builtin()
        }
    }

    /// An engine of vocabularies already built (a user's data directory).
    pub fn from_parts(p: Parts) -> Engine {
        Engine {
            reader: set(p.reader),
            max_document: None,
            numbers: set(p.numbers),
            extractor: set(p.extractor),
            about: set(p.about),
            labels: set(p.labels),
            sources: set(p.sources),
        }
    }

    /// Reads documents.
    pub fn reader(&self) -> &Reader {
        self.reader.get_or_init(|| match self.max_document {
            Some(m) => Reader::builtin().with_max_document(m),
            None => Reader::builtin(),
        })
    }

    /// Recognises numbers.
    pub fn numbers(&self) -> &Numbers {
        self.numbers.get_or_init(Numbers::builtin)
    }

    /// Extracts claims.
    pub fn extractor(&self) -> &Extractor {
        self.extractor.get_or_init(Extractor::builtin)
    }

    /// Finds what a report is about (place and kind) for grouping events.
    pub fn about(&self) -> &about::AboutRules {
        self.about.get_or_init(about::AboutRules::builtin)
    }

    /// The facets' labels in English and Arabic.
    pub fn labels(&self) -> &labels::FacetLabels {
        self.labels.get_or_init(|| builtin_labels(self.extractor()))
    }

    /// The known sources by name (what search needs of the gazetteer).
    pub fn sources(&self) -> &SourceNames {
        self.sources.get_or_init(SourceNames::builtin)
    }

    /// The ledger's options from this vocabulary and a user's events file.
    pub fn ledger_options(&self, events: EventFile) -> Options {
        let lex = self.extractor().lexicon();
        Options {
            known_events: lex
                .events()
                .iter()
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect(),
            events,
            cumulative: lex.cumulative_facets().to_vec(),
            facet_order: lex.facet_names().iter().map(|s| s.to_string()).collect(),
            other: false,
            only_event: None,
            kinds: self
                .about()
                .kinds()
                .iter()
                .map(|k| (k.id.clone(), k.en.clone()))
                .collect(),
            facet_labels: self
                .labels()
                .all()
                .iter()
                .map(|l| (l.facet.clone(), l.en.clone(), l.ar.clone()))
                .collect(),
            totals: self
                .about()
                .totals()
                .iter()
                .map(|t| (t.facet.clone(), t.parts.clone()))
                .collect(),
            calendar: Some(std::sync::Arc::new(self.reader().calendar().clone())),
        }
    }

    /// The index terms of a document: its analysed words and one entity term
    /// per known source it names.
    pub fn index_terms(&self, text: &str) -> String {
        let n = isnad_text::Normalized::new(text);
        let toks = isnad_text::token::tokenize(n.as_str());
        self.index_terms_of(text, &n, &toks)
    }

    /// As [`Engine::index_terms`], for a text already normalised (`n`, from
    /// `text`) and tokenised (`toks`).
    fn index_terms_of(&self, text: &str, n: &isnad_text::Normalized, toks: &[isnad_text::Token]) -> String {
        let mut terms = isnad_text::analyze::index_string_of(text, n, toks);
        for id in self.extractor().lexicon().sources_named_of(text, n, toks) {
            terms.push(' ');
            terms.push_str(ENTITY_PREFIX);
            terms.push_str(id);
        }
        terms
    }

    /// Everything the store keeps of a document.
    pub fn analyse(&self, doc: Document, hash: String, scratch: &mut Scratch) -> NewDocument {
        // One pass finds the claims and the mentions.
        let (claims, mentions) = self.extractor().extract_and_mentions(&doc, scratch);
        self.analyse_found(doc, hash, claims, &mentions, scratch)
    }

    /// Everything the store keeps of a document whose claims were extracted
    /// elsewhere (`isnad extract` on a cluster): `claims` instead of this
    /// engine's. Claims that do not point at this document's text (see
    /// [`claim_fits`]) are left out; the second value counts them.
    pub fn analyse_given(
        &self,
        doc: Document,
        hash: String,
        claims: Vec<Claim>,
        scratch: &mut Scratch,
    ) -> (NewDocument, usize) {
        let given = claims.len();
        let claims: Vec<Claim> = claims.into_iter().filter(|c| claim_fits(&doc, c)).collect();
        let refused = given - claims.len();
        let mentions = self.numbers().find_with(&doc.text, scratch).to_vec();
        (self.analyse_found(doc, hash, claims, &mentions, scratch), refused)
    }

    fn analyse_found(
        &self,
        doc: Document,
        hash: String,
        claims: Vec<Claim>,
        mentions: &[isnad_extract::numbers::Mention],
        scratch: &Scratch,
    ) -> NewDocument {
        // The extraction or the number search left the text's key and
        // tokens in `scratch`: the target and the index terms read them.
        let (n, toks) = scratch.key();
        let mentions: Vec<MentionRow> = mentions
            .iter()
            .filter(|m| !doc.in_furniture(m.start..m.end))
            .map(|m| MentionRow {
                span: doc.original_span(m.start..m.end),
                kind: m.kind.as_str().to_string(),
                value: m.value,
                vague: m.vague.as_deref().map(String::from),
            })
            .collect();
        let target = if claims.iter().all(|c| c.subject.is_some()) && !claims.is_empty() {
            None
        } else {
            let mut a = self
                .about()
                .about_report_of(&doc.text, doc.meta.outlet.as_deref(), n, toks);
            let calendar = self.reader().calendar();
            let opening = about::opening(&doc.text);
            a.date = calendar.find_date(opening).or_else(|| {
                let weekday = calendar.weekday_named(opening)?;
                about::last_weekday(doc.meta.published.as_deref()?, weekday)
            });
            a.parts = self.about().parts(&doc.text, &a);
            for p in &mut a.parts {
                let s = doc.original_span(p.span.0..p.span.1);
                p.span = (s.start as usize, s.end as usize);
            }
            a.to_target()
        };
        let terms = self.index_terms_of(&doc.text, n, toks);
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
                warc: m.warc,
            },
            original: doc.original,
            text: doc.text,
            mentions,
            claims,
            terms,
        }
    }

    /// What this engine's vocabulary finds in a stored document: the
    /// document read again from its bytes ([`Engine::reread`]) with the
    /// metadata it was stored with (a record's outlet and address, a
    /// page's archive record), analysed as ingesting analyses it; its key
    /// stays the stored one. What `isnad reextract` stores in place of
    /// what was found before.
    pub fn reanalyse(&self, d: &isnad_store::StoredDocument, scratch: &mut Scratch) -> NewDocument {
        let mut doc = self.reread(d);
        let f = &d.fields;
        doc.meta = isnad_text::Metadata {
            title: f.title.clone(),
            outlet: f.outlet.clone(),
            byline: f.byline.clone(),
            published: f.published.clone(),
            url: f.url.clone(),
            lang: f.lang.clone(),
            warc: f.warc.clone(),
        };
        self.analyse(doc, f.hash.clone(), scratch)
    }

    /// Reads a stored document again, as it was read when ingested, so that
    /// offsets in its text map back to its original bytes.
    pub fn reread(&self, d: &isnad_store::StoredDocument) -> Document {
        let f = &d.fields;
        let mut doc = self.reread_bytes(d);
        doc.meta.warc = f.warc.clone();
        doc
    }

    fn reread_bytes(&self, d: &isnad_store::StoredDocument) -> Document {
        let f = &d.fields;
        match f.format.as_str() {
            "html" => self.reader().html(&f.doc, &f.origin, d.original.clone()),
            "text" => self.reader().plain(&f.doc, &f.origin, d.original.clone()),
            _ => {
                // A JSONL record's original is its text.
                let mut doc = self.reader().plain(&f.doc, &f.origin, d.original.clone());
                doc.text = d.text.clone();
                doc
            }
        }
    }
}
