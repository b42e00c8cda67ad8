//! Claims: who says which number about what.
//!
//! In: a [`Document`]. Out: [`Claim`]s in text order, each a quantity the
//! number recogniser found outside page furniture, with its facet (what the
//! number counts), its chain of attribution (the outlet, then each source it
//! cites), its stance, the event it is about, and its evidence: the span of
//! the quantity and of its sentence in the original bytes.
//!
//! How, in one pass per sentence:
//! - **sources** are found by the gazetteer (`data/sources.toml`), by their
//!   place in the sentence (the subject of a reporting verb, the object of
//!   بحسب / according to), or as unnamed sources (مصادر محلية، نشطاء); a
//!   name no gazetteer knows is reported by its surface form with an id
//!   made from it and a kind guessed from its head word; a definite head
//!   (المرصد, "the monitor") refers back to the last source with that head
//!   ("the group" to the last body of its kind that spoke), and a generic
//!   one (مرصد حقوقي محلي, "a war monitor", "monitor says") to the source
//!   of that head or kind the report names; an acronym (the GDF) is the
//!   body whose initials it takes; a spokesman's title gives his body
//!   ("GDF spokesman Tomas Reyne");
//! - **frames**: each reporting verb or preposition opens a frame for the
//!   numbers after it; a trailing one (…، بحسب المديرية) covers the numbers
//!   before it; a citation inside a frame (نقلاً عن، بحسب) nests under it; a
//!   verb with no subject (وأضاف) continues the last speaker; a sentence with
//!   no frame is the outlet's own voice;
//! - **facets** come from the nearest event cue and the noun the number
//!   counts (`data/facets.toml`); a noun cue yields to the verb after its
//!   auxiliary ("escapees were caught"); "its own fighters" count with the
//!   speaker's side; counts of units (km, dollars, years), ages, years and
//!   numbers after العدد / الرقم are not claims;
//! - **stance**: a denying verb (نفى) makes the figures in its scope denied;
//!   "أي سجين" in a negated clause, "none", "not a single inmate" are
//!   claims of zero.

mod facets;
mod frames;
mod lexicon;
mod model;
mod outlet;
mod reference;
mod sources;
mod subject;
mod view;
mod zeros;

pub use lexicon::{
    ClaimsLexicon, DEFAULT_ATTRIBUTION, DEFAULT_EVENTS, DEFAULT_FACETS, DEFAULT_SOURCES, SourceEntry,
};

pub use model::{Claim, SourceKind, SourceRef, Stance};

use crate::numbers::{Kind, Mention, Numbers, Qualifier, Scratch, Value, WordInfo};
use crate::phrase::{PhraseSet, Tagged};
use isnad_text::normalize::key;
use isnad_text::sentence::sentences;
use isnad_text::token::tokenize_into;
use isnad_text::{Document, Normalized, Token, TokenKind};
use lexicon::{Unit, VerbStance};
use rustc_hash::FxHashMap;
use std::ops::Range;

use frames::{Frame, pick};
use reference::known_side;
use sources::{SrcMention, slug};
use view::{Run, lower_contains, strip_article, strip_proclitic_l, without_article};

/// The claims extractor.
#[derive(Debug, Clone)]
pub struct Extractor {
    numbers: Numbers,
    lex: ClaimsLexicon,
    /// Every word form either vocabulary knows, so that a token is looked
    /// up once for both (a hash look-up per token was a tenth of the work).
    words: FxHashMap<Box<str>, Word>,
}

/// What one word form is to the extractor.
#[derive(Debug, Clone, Default)]
struct Word {
    /// The bits of the claims tables with a phrase starting with it.
    starts: u32,
    /// What it is to the number recogniser.
    number: Option<WordInfo>,
}

/// The merged vocabulary of [`Extractor::words`]; the claims lexicon's
/// first forms move into it (they are many: every clitic form).
fn words(numbers: &Numbers, lex: &mut ClaimsLexicon) -> FxHashMap<Box<str>, Word> {
    let first = std::mem::take(&mut lex.first_forms);
    let mut out: FxHashMap<Box<str>, Word> = FxHashMap::default();
    out.reserve(first.len() + numbers.words().count());
    for (form, starts) in first {
        out.insert(form, Word { starts, number: None });
    }
    for (form, info) in numbers.words() {
        out.entry(form.into()).or_default().number = Some(info.clone());
    }
    out
}

struct Quantity {
    m: Mention,
    toks: Range<usize>,
}

impl Default for Extractor {
    fn default() -> Self {
        Extractor::builtin()
    }
}

impl Extractor {
    /// An extractor with the vocabularies shipped with isnad.
    pub fn builtin() -> Extractor {
        Extractor::new(Numbers::builtin(), ClaimsLexicon::builtin())
    }

    /// An extractor with the given vocabularies.
    pub fn new(numbers: Numbers, mut lex: ClaimsLexicon) -> Extractor {
        let words = words(&numbers, &mut lex);
        Extractor { numbers, lex, words }
    }

    /// What a document is about when no known event names it (see
    /// [`ClaimsLexicon::target`]); number words are never a name.
    pub fn target(&self, text: &str) -> Option<String> {
        self.lex.target_except(text, &|w| self.numbers.is_number_word(w))
    }

    /// As [`Extractor::target`], reading the key and tokens `scratch` holds
    /// of `text` from the extraction just done.
    pub fn target_with(&self, text: &str, scratch: &Scratch) -> Option<String> {
        let (n, toks) = scratch.key();
        self.lex
            .target_except_of(text, n, toks, &|w| self.numbers.is_number_word(w))
    }

    /// The vocabulary it extracts with.
    pub fn lexicon(&self) -> &ClaimsLexicon {
        &self.lex
    }

    /// The claims of `doc`, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<Claim> {
        let mut scratch = Scratch::default();
        self.extract_with(doc, &mut scratch)
    }

    /// Like [`Extractor::extract`], reusing buffers.
    pub fn extract_with(&self, doc: &Document, scratch: &mut Scratch) -> Vec<Claim> {
        self.extract_and_find(doc, scratch, false).0
    }

    /// The claims of `doc` and every number mention in its text (offsets
    /// into `doc.text`, as [`Numbers::find_with`] gives them), from one
    /// pass of normalising, tokenising and recognising.
    pub fn extract_and_mentions(&self, doc: &Document, scratch: &mut Scratch) -> (Vec<Claim>, Vec<Mention>) {
        self.extract_and_find(doc, scratch, true)
    }

    fn extract_and_find(
        &self,
        doc: &Document,
        scratch: &mut Scratch,
        keep: bool,
    ) -> (Vec<Claim>, Vec<Mention>) {
        scratch.norm.reset(&doc.text);
        tokenize_into(scratch.norm.as_str(), &mut scratch.tokens);
        let Scratch { norm, tokens, found } = scratch;
        let (n, toks) = (&*norm, &tokens[..]);
        let key = n.as_str();
        let mut starts = Vec::with_capacity(toks.len());
        let mut infos = Vec::with_capacity(toks.len());
        for t in toks {
            let w = match t.kind {
                TokenKind::Word => self.words.get(t.text(key)),
                _ => None,
            };
            starts.push(w.map_or(0, |w| w.starts));
            infos.push(w.and_then(|w| w.number.as_ref()));
        }
        self.numbers.find_in_key_with(key, toks, infos, found);
        let mentions: &[Mention] = found;
        let mut run = Run {
            x: self,
            doc,
            n,
            key,
            toks,
            sources: Vec::new(),
            subjects: Vec::new(),
            last_speaker: None,
            head_ids: Vec::new(),
            acronyms: std::collections::HashMap::new(),
            starts,
            prison: false,
        };
        run.prison = (0..toks.len()).any(|i| run.starts(&self.lex.prison_words, i));
        run.find_acronyms();
        let claims = run.claims(mentions);
        let found = if keep {
            mentions
                .iter()
                .map(|m| {
                    let mut m = m.clone();
                    let r = n.to_input(m.start..m.end);
                    (m.start, m.end) = (r.start, r.end);
                    if let Some((s, e)) = m.hedge {
                        let r = n.to_input(s..e);
                        m.hedge = Some((r.start, r.end));
                    }
                    m
                })
                .collect()
        } else {
            Vec::new()
        };
        (claims, found)
    }
}

impl<'a> Run<'a> {
    fn claims(&mut self, mentions: &[Mention]) -> Vec<Claim> {
        let lex = self.lex();
        let head = self.head();
        self.head_ids = head
            .iter()
            .map(|s| s.id.clone())
            .filter(|id| id != "unknown")
            .collect();
        // Sources the document names in full (for contextual aliases).
        let mut named_ids = std::collections::HashSet::new();
        for i in 0..self.toks.len() {
            if let Some(f) = self.at(&lex.source_names, i) {
                named_ids.insert(*f.value);
            }
        }
        let doc_has = |id: usize| named_ids.contains(&id);
        // Events: the main one, by cue count.
        let mut event_hits: Vec<(usize, usize)> = Vec::new();
        for i in 0..self.toks.len() {
            if let Some(f) = self.at(&lex.event_cues, i) {
                event_hits.push((i, *f.value));
            }
        }
        let main_event = {
            let mut counts = vec![0usize; lex.known_events.len()];
            for &(_, e) in &event_hits {
                counts[e] += 1;
            }
            counts
                .iter()
                .enumerate()
                .filter(|(_, c)| **c > 0)
                .max_by_key(|(i, c)| (**c, std::cmp::Reverse(*i)))
                .map(|(i, _)| i)
        };
        let sents = sentences(self.key);
        let mut out = Vec::new();
        let mut mi = 0;
        for s in sents {
            let ts = self.toks.partition_point(|t| (t.start as usize) < s.start);
            let te = self.toks.partition_point(|t| (t.end as usize) <= s.end);
            if ts >= te {
                continue;
            }
            let text_r = self.n.to_input(s.clone());
            if self.doc.in_furniture(text_r.clone()) {
                while mi < mentions.len() && mentions[mi].start < s.end {
                    mi += 1;
                }
                continue;
            }
            // Quantities of this sentence.
            let mut qs = Vec::new();
            while mi < mentions.len() && mentions[mi].start < s.end {
                let m = &mentions[mi];
                mi += 1;
                if m.start < s.start || !m.kind.is_quantity() {
                    continue;
                }
                let a = self.toks.partition_point(|t| (t.end as usize) <= m.start);
                let b = self.toks.partition_point(|t| (t.start as usize) < m.end);
                let mr = self.n.to_input(m.start..m.end);
                if self.doc.in_furniture(mr) {
                    continue;
                }
                qs.push(Quantity {
                    m: m.clone(),
                    toks: a..b.max(a + 1),
                });
            }
            // A sentence with no number only tells who spoke (for a later وأضاف).
            if qs.is_empty() && !(ts..te).any(|k| self.starts(&lex.none_words, k)) {
                self.track_speakers(ts..te, &doc_has);
                continue;
            }
            let frames = self.frames(ts..te, &doc_has);
            // Claims of zero: أي سجين in a negated or denying clause.
            let zeros = self.zeros(ts..te, &frames);
            qs.extend(zeros);
            qs.sort_by_key(|q| q.toks.start);
            let spans: Vec<Range<usize>> = qs.iter().map(|q| q.toks.clone()).collect();
            let sent_cues = if qs.is_empty() {
                Vec::new()
            } else {
                self.cues(ts..te)
            };
            for q in qs {
                let Some((facet, factor)) = self.facet(ts..te, &q, &spans, &sent_cues) else {
                    continue;
                };
                let (chain_tail, anonymous, deny) = pick(&frames, q.toks.start);
                let facet = self.own_side(facet, &q, te, chain_tail.last());
                let mut source = head.clone();
                source.extend(chain_tail.iter().cloned());
                let anonymous = anonymous && !chain_tail.is_empty();
                let value = match q.m.value {
                    Value::Number(x) => Value::Number(x * factor),
                    Value::Range(a, b) => Value::Range(a * factor, b * factor),
                    Value::None => Value::None,
                };
                let subject = self.subject(ts..te, q.toks.start, &event_hits, main_event);
                let span_key = match q.m.hedge {
                    Some((hs, he)) => hs.min(q.m.start)..he.max(q.m.end),
                    None => q.m.start..q.m.end,
                };
                let span = self.doc.original_span(self.n.to_input(span_key));
                let sentence = self.doc.original_span(text_r.clone());
                let qualifier = if q.m.kind == Kind::Vague && q.m.qualifier == Qualifier::Exact {
                    Qualifier::Approx
                } else {
                    q.m.qualifier
                };
                out.push(Claim {
                    doc: self.doc.id.clone(),
                    lang: self.doc.meta.lang.clone(),
                    facet,
                    value,
                    vague: q.m.vague.clone(),
                    band: q.m.band,
                    qualifier,
                    stance: if deny && !matches!(value, Value::Number(0.0)) {
                        Stance::Denied
                    } else {
                        Stance::Asserted
                    },
                    source: source.into(),
                    anonymous,
                    subject,
                    span,
                    sentence,
                    evidence: self.doc.text[text_r.clone()].into(),
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
