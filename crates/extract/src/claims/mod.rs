//! Claims: who says which number about what.
//!
//! In: a [`Document`]. Out: [`Claim`]s in text order, each a quantity the
//! number recogniser found outside page furniture, with its facet (what the
//! number counts), its chain of attribution (the outlet, then each source it
//! cites), its stance, the event it is about, and its evidence: the span of
//! the quantity and of its sentence in the original bytes.
//!
//! The stages, each a module, in the order a document meets them:
//! - `discourse`: what the document tells as a whole (the chain head,
//!   acronyms, names given in full, event cues) and the one mutable state
//!   of a run, who has been named and who spoke;
//! - `outlet`: the outlet and wire at the head of every chain;
//! - `sentence`: per sentence, its quantities and claims of zero, their
//!   frames and facets;
//! - `frames`: attribution frames (headline `Source:`, citations, reporting
//!   verbs with their subjects, carried speakers) and which covers a number;
//! - `sources`: who a sentence names at a token (gazetteer, unnamed
//!   sources, names by their place); `reference`: who a mention stands for
//!   (acronyms, definite heads, descriptions named later, titles, sides);
//! - `lang`: what differs between Arabic and English, behind one
//!   `Grammar` chosen per sentence;
//! - `facets`: what a number counts; `nations`: the sides of nations in a
//!   war between states; `zeros`: claims of zero; `subject`:
//!   the event a claim is about;
//! - `lexicon`: the vocabulary from `data/*.toml`, checked at load.
//!
//! Every rule is Arabic or English grammar or news style in general, with
//! table rows in `tests.rs`.

mod discourse;
mod facets;
mod frames;
mod lang;
mod lexicon;
mod model;
mod nations;
mod outlet;
mod reference;
mod sentence;
mod sources;
mod stance;
mod subject;
mod view;
mod zeros;

pub use lexicon::{
    ClaimsLexicon, DEFAULT_ATTRIBUTION, DEFAULT_EVENTS, DEFAULT_FACETS, DEFAULT_PLACES, DEFAULT_SOURCES,
    Files, SourceEntry, SourceNames,
};

pub use model::{Claim, SourceKind, SourceRef, Stance};

use crate::numbers::{Kind, Mention, Numbers, Qualifier, Scratch, Value, WordInfo};
use crate::phrase::{PhraseSet, Tagged};
use isnad_text::normalize::key;
use isnad_text::sentence::sentences_of;
use isnad_text::token::tokenize_into;
use isnad_text::{Document, Normalized, Token, TokenKind};
use lexicon::{Unit, VerbStance};
use rustc_hash::{FxHashMap, FxHashSet};
use std::ops::Range;

use discourse::{Aliases, Discourse, Facts};

/// How many words open a report: its masthead, headline and lead.
const LEAD_WORDS: usize = 100;
use frames::Frame;
use lang::Lang;
use lexicon::Verb;
use sources::{SrcMention, slug};
use view::{Run, strip_article, strip_proclitic_l};

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
    starts: u64,
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
        let claims = Run::new(self, doc, n, toks, starts).claims(mentions);
        let found = if keep {
            mentions.iter().map(|m| to_text(n, m)).collect()
        } else {
            Vec::new()
        };
        (claims, found)
    }
}

/// A mention with its offsets moved from the match key into the text.
fn to_text(n: &Normalized, m: &Mention) -> Mention {
    let mut m = m.clone();
    let r = n.to_input(m.start..m.end);
    (m.start, m.end) = (r.start, r.end);
    if let Some((s, e)) = m.hedge {
        let r = n.to_input(s..e);
        m.hedge = Some((r.start, r.end));
    }
    m
}

impl<'a> Run<'a> {
    /// A report is on a prison when its lead (the first [`LEAD_WORDS`]
    /// words: masthead, headline, first paragraph) names one, or when it
    /// names one twice; a prison named once, in passing, deep in a report
    /// on a bombing is background.
    fn speaks_of_a_prison(&self) -> bool {
        let lex = self.lex();
        let mut words = 0;
        let mut named = 0;
        for (i, t) in self.toks.iter().enumerate() {
            if t.kind != TokenKind::Punct {
                words += 1;
            }
            if self.starts(&lex.prison_words, i) {
                named += 1;
                if words <= LEAD_WORDS || named == 2 {
                    return true;
                }
            }
        }
        false
    }

    /// A run over `doc`, with what the document tells as a whole found.
    fn new(
        x: &'a Extractor,
        doc: &'a Document,
        n: &'a Normalized,
        toks: &'a [Token],
        starts: Vec<u64>,
    ) -> Self {
        let mut run = Run {
            x,
            doc,
            n,
            key: n.as_str(),
            toks,
            any: starts.iter().fold(0, |a, &b| a | b),
            starts,
            facts: Facts::default(),
            disc: Discourse::default(),
        };
        let lex = run.lex();
        run.facts.prison = run.in_doc(&lex.prison_words) && run.speaks_of_a_prison();
        run.facts.acronyms = run.acronyms();
        run.facts.head = run.head();
        run.facts.head_ids = run
            .facts
            .head
            .iter()
            .map(|s| s.id.clone())
            .filter(|id| id != "unknown")
            .collect();
        (run.facts.events, run.facts.main_event) = run.events();
        run.facts.nations = run.nation_roles();
        run
    }

    /// The gazetteer sources the document names in full ([`Facts::named`]).
    fn named_in_full(&self) -> FxHashSet<usize> {
        let names = &self.lex().source_names;
        let end = if self.in_doc(names) { self.toks.len() } else { 0 };
        (0..end)
            .filter_map(|i| self.at(names, i).map(|f| *f.value))
            .collect()
    }

    /// The claims of the document, sentence by sentence.
    fn claims(&mut self, mentions: &[Mention]) -> Vec<Claim> {
        let mut out = Vec::new();
        let mut mi = 0;
        for s in sentences_of(&self.doc.text, self.n) {
            let ts = self.toks.partition_point(|t| (t.start as usize) < s.start);
            let te = self.toks.partition_point(|t| (t.end as usize) <= s.end);
            let first = mi;
            while mi < mentions.len() && mentions[mi].start < s.end {
                mi += 1;
            }
            if ts >= te {
                // Its mentions are read with the next sentence's.
                mi = first;
                continue;
            }
            let text = self.n.to_input(s.clone());
            if self.doc.in_furniture(text.clone()) {
                continue;
            }
            self.sentence(ts..te, s, text, &mentions[first..mi], &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests;
