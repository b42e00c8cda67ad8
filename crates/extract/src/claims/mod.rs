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

mod lexicon;

pub use lexicon::{
    ClaimsLexicon, DEFAULT_ATTRIBUTION, DEFAULT_EVENTS, DEFAULT_FACETS, DEFAULT_SOURCES, SourceEntry,
};

use crate::numbers::{Kind, Mention, Numbers, Qualifier, Scratch, Value, WordInfo};
use crate::phrase::{PhraseSet, Tagged};
use isnad_text::normalize::key;
use isnad_text::sentence::sentences;
use isnad_text::token::tokenize_into;
use isnad_text::{Document, Normalized, Span, Token, TokenKind};
use lexicon::{Unit, VerbStance};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::Arc;

/// A link of an attribution chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    /// Stable id (the gazetteer's, or one made from the name).
    pub id: String,
    /// Name as the gazetteer or the text gives it.
    pub name: String,
    /// outlet, organisation, armed_group, government, person, anonymous.
    pub kind: &'static str,
}

/// Whether the source asserts or denies the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// Asserted.
    Asserted,
    /// Denied.
    Denied,
}

impl Stance {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserted => "asserted",
            Stance::Denied => "denied",
        }
    }
}

/// A claim.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The document's id.
    pub doc: String,
    /// Its language.
    pub lang: Option<String>,
    /// The facet, or `other:<noun>`.
    pub facet: String,
    /// The value.
    pub value: Value,
    /// The gloss of a vague value.
    pub vague: Option<Arc<str>>,
    /// The band `[lo, hi]` a vague value stands for (not part of the
    /// contract's claim JSON; the ledger compares numbers against it).
    pub band: Option<[f64; 2]>,
    /// How it is hedged.
    pub qualifier: Qualifier,
    /// Asserted or denied.
    pub stance: Stance,
    /// The chain, outermost first.
    pub source: Vec<SourceRef>,
    /// The innermost source is unnamed.
    pub anonymous: bool,
    /// The event it is about.
    pub subject: Option<String>,
    /// The quantity's span in the original bytes.
    pub span: Span,
    /// The sentence's span in the original bytes.
    pub sentence: Span,
    /// The sentence's text.
    pub evidence: String,
}

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

/// A source mention: a token range and what it refers to.
#[derive(Debug, Clone)]
struct SrcMention {
    toks: Range<usize>,
    src: SourceRef,
    anonymous: bool,
    /// Its head word (key, without article), for reference by head.
    head: String,
    /// Named by description only (مرصد حقوقي محلي).
    generic: bool,
    /// A definite head alone (المرصد): refers back.
    anaphor: bool,
}

#[derive(Debug, Clone)]
struct Frame {
    at: usize,
    /// A passive agent ("cited by the ministry"): it covers the number
    /// right before it.
    passive: bool,
    chain: Vec<SourceRef>,
    anonymous: bool,
    deny: bool,
    prep: bool,
}

struct Quantity {
    m: Mention,
    toks: Range<usize>,
}

fn slug(name: &str) -> String {
    let k = key(name);
    let mut out = String::new();
    for w in k
        .split(|c: char| !isnad_text::letter::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    if out.is_empty() { "unknown".into() } else { out }
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

struct Run<'a> {
    x: &'a Extractor,
    doc: &'a Document,
    n: &'a Normalized,
    key: &'a str,
    toks: &'a [Token],
    sources: Vec<SrcMention>,
    /// The subjects of reporting verbs so far, latest last ("the group"
    /// refers to one of them).
    subjects: Vec<SrcMention>,
    last_speaker: Option<Frame>,
    head_ids: Vec<String>,
    /// A name's acronym in quotes after it (قوات سوريا الديمقراطية «قسد»): the
    /// acronym's key and the name's first token.
    acronyms: std::collections::HashMap<&'a str, Range<usize>>,
    /// Per token: the bits of the tables with a phrase starting with it.
    starts: Vec<u32>,
    /// The document speaks of a prison or detention.
    prison: bool,
}

impl<'a> Run<'a> {
    fn lex(&self) -> &'a ClaimsLexicon {
        &self.x.lex
    }

    fn text_range(&self, toks: Range<usize>) -> Range<usize> {
        let s = self.toks[toks.start].start as usize;
        let e = self.toks[toks.end - 1].end as usize;
        self.n.to_input(s..e)
    }

    /// "A shopkeeper said", "A prison employee who asked not to be named
    /// told…": an indefinite noun phrase opening the sentence and standing
    /// right before its verb (or before a clause about the speaker) is an
    /// unnamed source, named by its words.
    fn indefinite_speaker(&self, start: usize, verb: usize) -> Option<SrcMention> {
        if !matches!(self.word(start), "a" | "an" | "another") || verb <= start + 1 {
            return None;
        }
        let verb = verb.min(start + 14);
        let end = (start + 1..verb)
            .find(|&k| {
                self.is_comma(k)
                    || self.toks[k].kind == TokenKind::Punct
                    || matches!(
                        self.word(k),
                        "who" | "speaking" | "that" | "on" | "in" | "at" | "based"
                    )
            })
            .unwrap_or(verb);
        let words = start + 1..end;
        let plain = !words.is_empty()
            && words.len() <= 3
            && words.clone().all(|k| {
                self.toks[k].kind == TokenKind::Word && self.word(k).is_ascii() && !self.capitalised(k)
            });
        if !plain {
            return None;
        }
        let name = self.surface(start..end);
        // "A war monitor", "a local documentation group": a body described,
        // which the report may name later.
        let body = self.at(&self.lex().kinds, end - 1).map(|f| *f.value);
        Some(SrcMention {
            toks: start..end,
            src: SourceRef {
                id: format!("anonymous:{}", slug(&name)),
                name,
                kind: "anonymous",
            },
            anonymous: true,
            head: self.word(end - 1).to_string(),
            generic: body.is_some(),
            anaphor: false,
        })
    }

    fn surface(&self, toks: Range<usize>) -> String {
        let r = self.text_range(toks);
        self.doc.text[r]
            .trim_matches(|c: char| c == '"' || c == '«' || c == '»' || c == '“' || c == '”')
            .to_string()
    }

    #[inline]
    fn word(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) if t.kind == TokenKind::Word => t.text(self.key),
            _ => "",
        }
    }

    fn is_punct(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && !matches!(t.text(self.key), "\"" | "'"))
    }

    fn starts<T>(&self, set: &'a PhraseSet<T>, i: usize) -> bool {
        self.at(set, i).is_some()
    }

    /// The phrase of `set` starting at token `i`. Most tokens start none:
    /// that answer is inlined, the search is not.
    #[inline(always)]
    fn at<T>(&self, set: &'a PhraseSet<T>, i: usize) -> Option<crate::phrase::Found<'a, T>> {
        let bits = self.starts.get(i).copied().unwrap_or(0);
        if bits == 0 || (set.bit() != 0 && bits & set.bit() == 0) {
            return None;
        }
        self.search(set, i)
    }

    #[inline(never)]
    fn search<T>(&self, set: &'a PhraseSet<T>, i: usize) -> Option<crate::phrase::Found<'a, T>> {
        let f = set.at(self.key, self.toks, i)?;
        // An acronym (IS) is not the word in lower case (is).
        if f.acronym
            && !self.doc.text[self.text_range(i..i + 1)]
                .chars()
                .all(|c| !c.is_lowercase())
        {
            return None;
        }
        Some(f)
    }

    fn from_entry(e: &SourceEntry) -> SourceRef {
        SourceRef {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: match e.kind.as_str() {
                "outlet" => "outlet",
                "armed_group" => "armed_group",
                "government" => "government",
                "person" => "person",
                _ => "organisation",
            },
        }
    }

    /// A mention of a gazetteer source.
    fn known(e: &SourceEntry, toks: Range<usize>) -> SrcMention {
        SrcMention {
            toks,
            src: Self::from_entry(e),
            anonymous: false,
            head: e.id.clone(),
            generic: false,
            anaphor: false,
        }
    }

    fn named(&self, name: &str, kind: &'static str) -> SourceRef {
        match self.lex().source_by_name(name) {
            Some(e) => Self::from_entry(e),
            None => SourceRef {
                id: slug(name),
                name: name.trim().to_string(),
                kind,
            },
        }
    }

    /// The outlet at the head of every chain, and a wire it carries.
    fn head(&self) -> Vec<SourceRef> {
        let meta = &self.doc.meta;
        let mut outlet: Option<SourceRef> = None;
        if let Some(url) = &meta.url {
            let host = url
                .split("://")
                .nth(1)
                .unwrap_or(url)
                .split(['/', ':', '?'])
                .next()
                .unwrap_or("");
            if let Some(e) = self.lex().source_by_host(host) {
                outlet = Some(Self::from_entry(e));
            }
        }
        if outlet.is_none()
            && let Some(o) = &meta.outlet
        {
            outlet = Some(self.named(o, "outlet"));
        }
        let lines: Vec<&str> = self
            .doc
            .content_ranges()
            .into_iter()
            .flat_map(|r| self.doc.text[r].lines().collect::<Vec<_>>())
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        // A masthead: "Outlet | Section", or a first line of one to three words.
        if outlet.is_none()
            && let Some(first) = lines.first()
        {
            let words = first.split_whitespace().count();
            let section_split = [" – ", " - ", " — ", "|", "›"].iter().find_map(|sep| {
                first.split_once(sep).filter(|(l, r)| {
                    (1..=4).contains(&l.split_whitespace().count())
                        && (*sep == "|" || self.lex().is_masthead_right(r))
                })
            });
            if let Some((left, _)) = section_split {
                outlet = Some(self.named(left, "outlet"));
            } else if let Some(e) = self.lex().source_by_name(first) {
                // A masthead that is a known name (المرصد السوري لحقوق الإنسان).
                outlet = Some(Self::from_entry(e));
            } else if words <= 3
                && lines.len() > 2
                && !first.chars().any(|c| c.is_numeric() || ".:؟?!-".contains(c))
            {
                outlet = Some(self.named(first, "outlet"));
            }
        }
        // An outlet told something by a source: أكد لـ"درج" مصدر, told Reuters.
        if outlet.is_none() {
            outlet = self.dative_outlet();
        }
        // A dateline: "Place - Agency" on its own line, or "(Agency) -" opening a paragraph.
        let mut wire: Option<SourceRef> = None;
        for l in lines.iter().take(8) {
            // A masthead or a "Place - Agency" dateline is a short line of
            // its own: a paragraph is not searched for one.
            let short = l.len() <= 160;
            if short
                && let Some((_, r)) = l
                    .split_once(" – ")
                    .or_else(|| l.split_once(" - "))
                    .or_else(|| l.split_once(" — "))
                && self.lex().is_masthead_right(r)
            {
                continue;
            }
            // "بغداد/ شفق نيوز-": place, slash, outlet, dash.
            if let Some((place, rest)) = l.split_once('/')
                && (1..=2).contains(&place.split_whitespace().count())
                && let Some(name) = rest.split(['-', '–', '—']).next()
                && rest.len() > name.len()
                && (1..=3).contains(&name.split_whitespace().count())
                && self.lex().source_by_name(name).is_some()
            {
                wire = Some(self.named(name, "outlet"));
                break;
            }
            if short
                && let Some((place, agency)) = l
                    .split_once(" - ")
                    .or_else(|| l.split_once(" – "))
                    .or_else(|| l.split_once(" — "))
                && (1..=3).contains(&place.split_whitespace().count())
                && (1..=4).contains(&agency.split_whitespace().count())
                && !l.chars().any(|c| c.is_numeric())
            {
                let agency = agency.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace());
                // "عنب بلدي – الحسكة": a known outlet on the left, a place on the right.
                if self.lex().source_by_name(place).is_some() && self.lex().source_by_name(agency).is_none() {
                    wire = Some(self.named(place, "outlet"));
                } else {
                    wire = Some(self.named(agency, "outlet"));
                }
                break;
            }
            // "الحسكة (سوريا) (أ ف ب) -": the group the dash follows.
            let mut from = 0;
            let mut found = None;
            while let Some(open) = l[from..].find('(').map(|o| o + from) {
                if open > 120 {
                    break;
                }
                let Some(close) = l[open..].find(')').map(|c| c + open) else {
                    break;
                };
                let inner = &l[open + 1..close];
                let after = l[close + 1..].trim_start();
                if (after.starts_with('-') || after.starts_with('—') || after.starts_with('–'))
                    && (1..=4).contains(&inner.split_whitespace().count())
                {
                    found = Some(inner);
                    break;
                }
                from = close + 1;
            }
            if let Some(inner) = found {
                wire = Some(self.named(inner, "outlet"));
                break;
            }
        }
        let mut chain = Vec::new();
        match (outlet, wire) {
            (Some(o), Some(w)) if o.id != w.id => {
                chain.push(o);
                chain.push(w);
            }
            (Some(o), _) => chain.push(o),
            (None, Some(w)) => chain.push(w),
            (None, None) => chain.push(SourceRef {
                id: "unknown".into(),
                name: "unknown".into(),
                kind: "outlet",
            }),
        }
        chain
    }

    fn find_acronyms(&mut self) {
        let t = self.toks;
        for q in 1..t.len().saturating_sub(2) {
            let quote = |k: usize| t[k].kind == TokenKind::Punct && t[k].text(self.key) == "\"";
            if quote(q)
                && t[q + 1].kind == TokenKind::Word
                && quote(q + 2)
                && t[q - 1].kind == TokenKind::Word
            {
                let mut start = q - 1;
                while start > 0 && q - start < 4 && t[start - 1].kind == TokenKind::Word {
                    start -= 1;
                }
                self.acronyms.entry(t[q + 1].text(self.key)).or_insert(start..q);
            }
        }
        // English: a run of capitalised words stands behind a word in capitals
        // made of their initials, wherever it appears (the Greyhill
        // Defence Forces … the GDF).
        let mut initials: std::collections::HashMap<String, Range<usize>> = std::collections::HashMap::new();
        let mut k = 0;
        while k < t.len() {
            // "The" opening a sentence is no initial of the name after it.
            if !self.word(k).starts_with(|c: char| c.is_ascii_alphabetic())
                || matches!(self.word(k), "the" | "a" | "an")
                || !self.capitalised(k)
            {
                k += 1;
                continue;
            }
            let start = k;
            let mut letters = String::new();
            let mut end = k;
            while k < t.len() && (self.capitalised(k) || matches!(self.word(k), "of" | "for" | "and")) {
                if self.capitalised(k) {
                    letters.extend(self.word(k).chars().next().map(|c| c.to_ascii_lowercase()));
                    end = k + 1;
                }
                k += 1;
            }
            if letters.chars().count() >= 2 {
                initials.entry(letters).or_insert(start..end);
            }
            k = k.max(start + 1);
        }
        if initials.is_empty() {
            return;
        }
        for (i, tok) in t.iter().enumerate() {
            let word = self.word(i);
            if tok.kind != TokenKind::Word || !(2..=6).contains(&word.len()) || !word.is_ascii() {
                continue;
            }
            if let Some(name) = initials.get(word)
                && !name.contains(&i)
                && self.doc.text[self.text_range(i..i + 1)]
                    .chars()
                    .all(|c| c.is_ascii_uppercase())
            {
                self.acronyms.entry(word).or_insert(name.clone());
            }
        }
    }

    /// The side a source speaks for: a known group by its id, else the
    /// people-word in its name or in the name its acronym stands for (the
    /// Greyhill Defence Forces: security).
    fn side_of(&self, src: &SourceRef) -> Option<u16> {
        let lex = self.lex();
        if let Some(w) = known_side(lex, &src.id) {
            return Some(w);
        }
        let m = self.sources.iter().rev().find(|m| m.src.id == src.id)?;
        let mut spans = vec![m.toks.clone()];
        spans.extend(
            m.toks
                .clone()
                .filter_map(|k| self.acronyms.get(self.word(k)).cloned()),
        );
        spans.into_iter().flatten().find_map(|k| {
            self.at(&lex.who, k)
                .map(|f| *f.value)
                .filter(|&w| matches!(lex.who_names[w as usize].as_str(), "security" | "attackers"))
        })
    }

    fn dative_outlet(&self) -> Option<SourceRef> {
        let lex = self.lex();
        for i in 0..self.toks.len() {
            let Some(v) = self.at(&lex.verbs, i) else { continue };
            for k in v.end..(v.end + 4).min(self.toks.len()) {
                if let Some(f) = self.at(&lex.source_names, k) {
                    let e = &lex.sources[*f.value];
                    let dative = (f.prefix > 0 && self.word(k).starts_with('ل'))
                        || (k > v.end && self.word(k - 1) == "ل")
                        || (k > v.end + 1
                            && self.word(k - 2) == "ل"
                            && !self.toks[k - 1].kind.eq(&TokenKind::Word))
                        || (k > v.end && self.word(k - 1) == "told");
                    let in_furniture = self.doc.in_furniture(self.text_range(k..f.end));
                    if dative && e.kind == "outlet" && !in_furniture {
                        return Some(Self::from_entry(e));
                    }
                }
            }
        }
        None
    }

    /// True for an Arabic word that starts no phrase, before a token that
    /// starts none either: most words of a report. No rule of
    /// [`Run::frames`] or [`Run::source_at`] (but a bare noun phrase) can
    /// fire on it; they skip it without trying each.
    #[inline]
    fn plain_arabic(&self, i: usize) -> bool {
        self.starts.get(i) == Some(&0)
            && self.starts.get(i + 1).is_none_or(|&b| b == 0)
            && self.toks[i].kind == TokenKind::Word
            && self.key.as_bytes()[self.toks[i].start as usize] >= 0x80
            && !matches!(self.word(i), "وان" | "وبان")
    }

    /// A source named at token `i`: a gazetteer name, an unnamed source, or
    /// (with `np`) a noun phrase. Returns the mention.
    fn source_at(&self, i: usize, np: bool, doc_has: &dyn Fn(usize) -> bool) -> Option<SrcMention> {
        let lex = self.lex();
        if self.plain_arabic(i) {
            return if np { self.noun_phrase(i, doc_has) } else { None };
        }
        if let Some(f) = self.at(&lex.source_names, i) {
            let e = &lex.sources[*f.value];
            return Some(Self::known(e, i..f.end));
        }
        if let Some(f) = self.at(&lex.contextual, i)
            && doc_has(*f.value)
        {
            let e = &lex.sources[*f.value];
            return Some(Self::known(e, i..f.end));
        }
        // What a source issued (أرقام قيادة القوات، بيان الوزارة): the source follows.
        let after_quotes = |mut k: usize| {
            while self
                .toks
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.key) == "\"")
            {
                k += 1;
            }
            k
        };
        if let Some(d) = self.at(&lex.documents, i)
            && d.end > i
            && let Some(mut inner) = self.source_at(after_quotes(d.end), np, doc_has)
        {
            inner.toks = i..inner.toks.end;
            return Some(inner);
        }
        // A titled official of a named body, named himself (المسؤول في قسد
        // نوروز أحمد), speaks for the body; unnamed (فضّل عدم ذكر اسمه), he
        // stays an unnamed source.
        if self.starts(&lex.anonymous, i)
            && let Some(t) = self.at(&lex.titles, i)
            && let Some(body) = self.source_at(
                self.at(&lex.title_links, t.end).map(|l| l.end).unwrap_or(t.end),
                false,
                doc_has,
            )
            && !body.anonymous
            && !(body.toks.end..(body.toks.end + 6).min(self.toks.len()))
                .any(|k| self.starts(&lex.unnamed_after, k))
            && self
                .toks
                .get(body.toks.end)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&lex.stops, body.toks.end)
        {
            return Some(SrcMention {
                toks: i..body.toks.end,
                ..body
            });
        }
        // "مراسل عنب بلدي": the outlet's own correspondent is its own voice.
        if matches!(self.word(i), "مراسل" | "مراسله" | "مراسلو" | "مراسلي")
            && let Some(f) = self.at(&lex.source_names, i + 1)
            && lex.sources[*f.value].kind == "outlet"
        {
            return Some(Self::known(&lex.sources[*f.value], i..f.end));
        }
        // English puts the qualifiers first: "local sources", "some
        // pro-Ash channels", "social media accounts".
        if self.word(i).is_ascii() && !self.starts(&lex.anonymous, i) {
            let plain = |k: usize| {
                let t = self.toks[k];
                (t.kind == TokenKind::Word || t.text(self.key) == "-")
                    && !self.starts(&lex.stops, k)
                    && !self.starts(&lex.prepositions, k)
                    && !self.starts(&lex.verbs, k)
                    && !self.starts(&lex.events, k)
                    && !self.starts(&lex.negation, k)
                    && !self.starts(&lex.none_words, k)
            };
            if let Some(d) = (1..=4).find(|&d| i + d < self.toks.len() && self.starts(&lex.anonymous, i + d))
                && (i..i + d).all(plain)
                && let Some(mut inner) = self.source_at(i + d, false, doc_has)
                && inner.anonymous
            {
                inner.toks = i..inner.toks.end;
                inner.src.name = self.surface(inner.toks.clone());
                inner.src.id = format!("anonymous:{}", slug(&inner.src.name));
                return Some(inner);
            }
        }
        // "أحد سكان الحي": one of an unnamed group.
        if matches!(self.word(i), "احد" | "احدي") && self.starts(&lex.anonymous, i + 1) {
            let mut inner = self.source_at(i + 1, false, doc_has)?;
            inner.toks = i..inner.toks.end;
            return Some(inner);
        }
        if self.starts(&lex.anonymous, i) {
            let prefix = self.at(&lex.anonymous, i).map(|f| f.prefix).unwrap_or(0);
            let mut j = self.at(&lex.anonymous, i).map(|f| f.end).unwrap_or(i + 1);
            // Its qualifiers: adjectives, a place (في / داخل …), "who declined to be named".
            let mut guard = 0;
            while j < self.toks.len() && guard < 6 {
                guard += 1;
                if let Some(f) = self.at(&lex.unnamed_after, j) {
                    j = f.end;
                    continue;
                }
                if self.starts(&lex.adjectives, j)
                    || (self.word(j).starts_with("ال") && self.word(j - 1) == "بعض")
                {
                    j += 1;
                    continue;
                }
                // "residents of Hasakah", "activists in the town": the place
                // belongs to the unnamed source.
                if matches!(self.word(j), "of" | "in" | "from" | "at") && self.word(j + 1).is_ascii() {
                    let mut k = j + 1;
                    if self.word(k) == "the" {
                        k += 1;
                    }
                    if self.capitalised(k) || matches!(self.word(k), "town" | "city" | "village" | "area") {
                        j = k + 1;
                        while self.capitalised(j) {
                            j += 1;
                        }
                        continue;
                    }
                }
                break;
            }
            let head = strip_article(self.word(i));
            // The name as written, without a proclitic (لمصادر → مصادر).
            let r = self.text_range(i..j);
            let lead = self
                .n
                .to_input(self.toks[i].start as usize + prefix..self.toks[i].end as usize)
                .start;
            let name = self.doc.text[lead.max(r.start)..r.end].to_string();
            return Some(SrcMention {
                toks: i..j,
                src: SourceRef {
                    id: format!("anonymous:{}", slug(&name)),
                    name,
                    kind: "anonymous",
                },
                anonymous: true,
                head,
                generic: false,
                anaphor: false,
            });
        }
        if !np {
            return None;
        }
        self.noun_phrase(i, doc_has)
    }

    /// A name no gazetteer knows, from its place after a verb or preposition.
    /// Does the token's original text open with a capital letter?
    fn capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && self.doc.text[self.text_range(i..i + 1)].starts_with(|c: char| c.is_uppercase())
    }

    /// An English name: capitalised words, with "of", "the", "for" and "and"
    /// between them (The Syrian Democratic Forces, Syrian Observatory for Human
    /// Rights); or "the" and a word that says what a source is (the monitor),
    /// which refers back.
    fn english_name(&self, i: usize) -> Option<SrcMention> {
        let lex = self.lex();
        let w0 = self.word(i);
        if !w0.is_ascii() || w0.is_empty() {
            return None;
        }
        let start = if w0 == "the" { i + 1 } else { i };
        // A name the gazetteer knows (The SDF, the Syrian Observatory…).
        if let Some(f) = self.at(&lex.source_names, start) {
            return Some(Self::known(&lex.sources[*f.value], i..f.end));
        }
        if w0 == "the" && !self.capitalised(start) {
            // "the source", "the official": the unnamed speaker named so
            // before ("A source in the security services… told").
            let head = self.word(start);
            if let Some(prev) = self
                .sources
                .iter()
                .rev()
                .find(|s| s.anonymous && s.head == head && !head.is_empty())
            {
                return Some(SrcMention {
                    toks: i..start + 1,
                    ..prev.clone()
                });
            }
            // "the monitor", "the group" (which refer back), "the interior
            // ministry", "the country's prisons directorate": words that say
            // what a source is, named by them; with words before the head,
            // a description the report may name later.
            if let Some(d) = (0..=3).find(|&d| self.starts(&lex.kinds, start + d))
                && (start..start + d).all(|k| {
                    let t = self.toks[k];
                    (t.kind == TokenKind::Word && self.word(k).is_ascii() && !self.capitalised(k)
                        || matches!(t.text(self.key), "'" | "’"))
                        && !self.starts(&lex.stops, k)
                        && !self.starts(&lex.verbs, k)
                        && !self.starts(&lex.events, k)
                })
            {
                let end = start + d + 1;
                let name = self.surface(start..end);
                return Some(SrcMention {
                    toks: i..end,
                    src: SourceRef {
                        id: slug(&name),
                        name,
                        kind: self
                            .at(&lex.kinds, start + d)
                            .map_or("organisation", |f| *f.value),
                    },
                    anonymous: false,
                    head: self.word(start + d).to_string(),
                    generic: d > 0,
                    anaphor: true,
                });
            }
            return None;
        }
        // Weekdays and months are no names (said on Monday).
        if !self.capitalised(start)
            || self.starts(&lex.stops, start)
            || self.x.calendar_month(self.key, self.toks, start)
        {
            return None;
        }
        let mut j = start + 1;
        let mut end = start + 1;
        while j < self.toks.len() && j < start + 8 {
            if self.capitalised(j) && !self.starts(&lex.verbs, j) {
                j += 1;
                end = j;
            } else if matches!(self.word(j), "of" | "the" | "for" | "and") {
                j += 1;
            } else {
                break;
            }
        }
        // "The Westmoor interior ministry": a capitalised adjective and the
        // words that say what the source is.
        if let Some(d) = (1..=2).find(|&d| self.starts(&lex.kinds, end + d - 1))
            && (end..end + d - 1).all(|k| {
                self.toks[k].kind == TokenKind::Word && !self.capitalised(k) && !self.starts(&lex.stops, k)
            })
            && !self.starts(&lex.kinds, end - 1)
        {
            end += d;
        }
        let name = self.surface(start..end);
        // A name with "of" or "the" inside (Order of the Ash) is no person's.
        let kind = (start..end)
            .find_map(|k| self.at(&lex.kinds, k).map(|f| *f.value))
            .unwrap_or(if (start..end).any(|k| matches!(self.word(k), "of" | "the")) {
                "organisation"
            } else {
                "person"
            });
        Some(SrcMention {
            toks: i..end,
            src: SourceRef {
                id: slug(&name),
                name,
                kind,
            },
            anonymous: false,
            head: self.word(start).to_string(),
            generic: false,
            anaphor: false,
        })
    }

    fn noun_phrase(&self, i: usize, doc_has: &dyn Fn(usize) -> bool) -> Option<SrcMention> {
        let lex = self.lex();
        let w0 = self.word(i);
        if w0.is_ascii() && !w0.is_empty() {
            return self.english_name(i);
        }
        if self.starts(&lex.documents, i) || w0.starts_with("وال") {
            // البيان، التقرير: the statement speaks for whoever issued it;
            // والتحركات: a new conjunct, not a name.
            return None;
        }
        if w0.is_empty()
            || self.starts(&lex.stops, i)
            || self.starts(&lex.verbs, i)
            || self.starts(&lex.events, i)
            || self.starts(&lex.never_after, i)
            || self.x.numbers_word(w0)
        {
            return None;
        }
        // A title speaks for the body after it: مديرة المرصد، المتحدث باسم الوزارة.
        if let Some(f) = self.at(&lex.titles, i) {
            let mut j = f.end;
            if let Some(l) = self.at(&lex.title_links, j) {
                j = l.end;
            }
            if let Some(mut body) = self.source_at(j, true, doc_has) {
                body.toks = i..body.toks.end;
                return Some(body);
            }
            return None;
        }
        // An unknown name opens with a definite word, a head that says what
        // it is (وزارة، مرصد), a quote, or a capital (in Latin script).
        let construct = {
            let w1 = self.word(i + 1);
            w1.starts_with("ال")
                || (w1.is_empty() && self.toks.get(i + 1).is_some_and(|t| t.text(self.key) == "\""))
        };
        let opens_name = strip_proclitic_l(w0).starts_with("ال")
            || construct
            || self.starts(&lex.kinds, i)
            || (i > 0 && matches!(self.toks[i - 1].text(self.key), "\"" | "'"))
            || self.doc.text[self.text_range(i..i + 1)].starts_with(|c: char| c.is_uppercase());
        if !opens_name {
            return None;
        }
        let mut j = i;
        while j < self.toks.len() && j < i + 6 {
            let t = self.toks[j];
            if t.kind != TokenKind::Word {
                // Quotes around a name or its acronym are part of it.
                if matches!(t.text(self.key), "\"" | "'" | "(" | ")") && j > i {
                    j += 1;
                    continue;
                }
                break;
            }
            if j > i
                && (self.starts(&lex.stops, j)
                    || self.starts(&lex.verbs, j)
                    || self.starts(&lex.events, j)
                    || self.starts(&lex.documents, j)
                    || self.starts(&lex.titles, j)
                    || self.word(j).starts_with('و')
                        && self.word(j).len() > 2
                        && !self.word(j - 1).is_empty()
                        && j > i + 1)
            {
                break;
            }
            j += 1;
        }
        while j > i && self.toks[j - 1].kind != TokenKind::Word {
            j -= 1;
        }
        // A definite name continues only with definite words (المرصد السوري,
        // not المرصد عدد); an indefinite head runs to its last definite word
        // (قيادة قوات سوريا الديمقراطية).
        let is_def = |k: usize| {
            let w = self.word(k);
            w.starts_with("ال")
                || w.starts_with("لل")
                || w.strip_prefix('ل').is_some_and(|r| r.starts_with("ال"))
        };
        if is_def(i) {
            let mut e = i + 1;
            while e < j && (is_def(e) || self.toks[e].kind != TokenKind::Word) {
                e += 1;
            }
            j = e;
        } else if let Some(last_def) = (i + 1..j).rev().find(|&k| is_def(k)) {
            j = last_def + 1;
            while j < self.toks.len() && j < i + 8 && matches!(self.toks[j].text(self.key), "\"" | "(" | ")")
            {
                j += 1;
            }
        }
        while j > i
            && self.toks[j - 1].kind != TokenKind::Word
            && !matches!(self.toks[j - 1].text(self.key), "\"")
        {
            j -= 1;
        }
        if j == i {
            return None;
        }
        // A gazetteer name inside the phrase (تقرير النبأ) is the source.
        for k in i..j {
            if let Some(f) = self.at(&lex.source_names, k) {
                let e = &lex.sources[*f.value];
                return Some(Self::known(e, i..j.max(f.end)));
            }
        }
        let first = self.word(i);
        let head = strip_article(strip_proclitic_l(first));
        let kind = (i..j)
            .find_map(|k| self.at(&lex.kinds, k).map(|f| *f.value))
            .unwrap_or("person");
        let definite = strip_proclitic_l(first).starts_with("ال");
        let anaphor = definite && j == i + 1;
        // Generic: an indefinite head with no name after it (مرصد حقوقي محلي،
        // منظمة محلية لرصد الانتهاكات), unlike المرصد السوري.
        let generic = !definite && j > i + 1 && !self.word(i + 1).starts_with("ال");
        let mut name = self.surface(i..j);
        if let Some(stripped) = name.strip_prefix('ل').filter(|s| s.starts_with("ال")) {
            name = stripped.to_string();
        }
        Some(SrcMention {
            toks: i..j,
            src: SourceRef {
                id: slug(&name),
                name,
                kind,
            },
            anonymous: false,
            head,
            generic,
            anaphor,
        })
    }

    /// Resolves a mention that refers back (المرصد) or forward (مرصد حقوقي).
    fn resolve(&self, m: SrcMention) -> SrcMention {
        // "the GDF" after "the Greyhill Defence Forces": one source.
        if m.src.name.chars().all(|c| c.is_ascii_uppercase())
            && let Some(name) = self.acronyms.get(m.src.name.to_ascii_lowercase().as_str())
            && !name.contains(&m.toks.start)
            && let Some(full) = self
                .sources
                .iter()
                .rev()
                .find(|s| s.toks.start <= name.start && name.end <= s.toks.end + 1 && !s.anonymous)
        {
            return SrcMention {
                toks: m.toks,
                ..full.clone()
            };
        }
        if m.anaphor {
            // "the network" for the River Network: names compared in lower case.
            let wanted = m.src.name.trim_start_matches("ال").to_lowercase();
            if let Some(prev) = self
                .sources
                .iter()
                .rev()
                .find(|s| s.head == m.head || lower_contains(&s.src.name, &wanted) && !s.anaphor)
            {
                return SrcMention {
                    toks: m.toks,
                    ..prev.clone()
                };
            }
            // English "the group": the latest body that spoke, else the
            // latest named source.
            // English "the group": the latest body of its kind that spoke,
            // or was named; else the latest body that spoke, or was named.
            let named = |s: &&SrcMention| !s.anonymous && !s.anaphor && !self.head_ids.contains(&s.src.id);
            let same_kind = |s: &&SrcMention| s.src.kind == m.src.kind;
            if m.src.name.is_ascii()
                && !m.src.name.contains(' ')
                && let Some(prev) = self
                    .subjects
                    .iter()
                    .rev()
                    .filter(named)
                    .find(same_kind)
                    .or_else(|| self.sources.iter().rev().filter(named).find(same_kind))
                    .or_else(|| {
                        self.subjects
                            .iter()
                            .rev()
                            .filter(named)
                            .find(|s| s.src.kind != "person")
                    })
                    .or_else(|| self.sources.iter().rev().find(named))
            {
                return SrcMention {
                    toks: m.toks,
                    ..prev.clone()
                };
            }
            // The head of a known source (المرصد for المرصد السوري).
            if let Some(prev) = self.sources.iter().rev().find(|s| {
                key(&s.src.name).contains(&m.head)
                    || key(&self.doc.text[self.text_range(s.toks.clone())]).contains(&m.head)
            }) {
                return SrcMention {
                    toks: m.toks,
                    ..prev.clone()
                };
            }
        }
        if m.generic
            && let Some(named) = self.later_named(&m)
        {
            return SrcMention {
                toks: m.toks,
                ..named
            };
        }
        m
    }

    fn later_named(&self, m: &SrcMention) -> Option<SrcMention> {
        // Scan the rest of the document for a named source with this head.
        let lex = self.lex();
        let kind = self
            .at(&lex.kinds, m.toks.end - 1)
            .map_or(m.src.kind, |f| *f.value);
        let mut i = m.toks.end;
        while i < self.toks.len() {
            if m.head.is_ascii() {
                // English: the head inside a capitalised name (the Northmoor
                // Monitor for Human Rights), or the next named body of the
                // same kind that speaks.
                let mut j = i;
                if self.word(i) == m.head && self.capitalised(i) {
                    while j > 0 && self.capitalised(j - 1) && self.word(j - 1) != "the" {
                        j -= 1;
                    }
                }
                if let Some(n) = self
                    .english_name(j)
                    .filter(|n| n.toks.len() > 1 && !n.anaphor && !n.generic)
                    && (j < i
                        || n.src.kind == kind
                            && (n.toks.end..(n.toks.end + 3).min(self.toks.len()))
                                .any(|k| self.starts(&lex.verbs, k)))
                {
                    return Some(n);
                }
                i += 1;
                continue;
            }
            // (Both strip a prefix: a word that does not end with the head
            // cannot be it.)
            if self.word(i).ends_with(m.head.as_str())
                && without_article(strip_proclitic_l(self.word(i))) == m.head
                && let Some(n) = self.noun_phrase(i, &|_| false)
                && !n.generic
                && !n.anaphor
                && n.toks.len() > 1
            {
                return Some(n);
            }
            // The next named body of the same kind (a monitor named in the next sentence).
            if i < m.toks.end + 60
                && let Some(v) = self.at(&lex.verbs, i)
                && let Some(n) = self.noun_phrase(v.end, &|_| false)
                && !n.generic
                && !n.anaphor
                && n.src.kind == m.src.kind
                && n.toks.len() > 1
            {
                return Some(n);
            }
            if let Some(f) = self.at(&lex.source_names, i) {
                let e = &lex.sources[*f.value];
                if e.name_contains(&m.head) || e.aliases_contain(&m.head) {
                    return Some(Self::known(e, i..f.end));
                }
            }
            i += 1;
        }
        None
    }

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
                    source,
                    anonymous,
                    subject,
                    span,
                    sentence,
                    evidence: self.doc.text[text_r.clone()].to_string(),
                });
            }
        }
        out
    }

    /// "34 of its fighters died", "lost 26 of its own soldiers": the
    /// speaker's own dead, counted with the speaker's side.
    fn own_side(&self, facet: String, q: &Quantity, end: usize, speaker: Option<&SourceRef>) -> String {
        let lex = self.lex();
        let Some(e) = lex.facets.iter().find(|(n, _, _)| *n == facet).map(|x| x.1) else {
            return facet;
        };
        let own =
            (q.toks.end..(q.toks.end + 3).min(end)).any(|k| matches!(self.word(k), "its" | "their" | "our"));
        if lex.event_names[e as usize] != "killed" || !own {
            return facet;
        }
        let Some(side) = speaker.and_then(|s| self.side_of(s)) else {
            return facet;
        };
        lex.facets
            .iter()
            .find(|(_, fe, fw)| *fe == e && *fw == Some(side))
            .map_or(facet, |x| x.0.clone())
    }

    fn subject(
        &self,
        sent: Range<usize>,
        at: usize,
        hits: &[(usize, usize)],
        main: Option<usize>,
    ) -> Option<String> {
        let lex = self.lex();
        // The nearest event named before the number in its sentence, else the main one.
        let local = hits
            .iter()
            .rev()
            .find(|(i, _)| sent.contains(i) && *i < at)
            .map(|&(_, e)| e);
        local.or(main).map(|e| lex.known_events[e].id.clone())
    }

    /// The attribution frames of a sentence.
    /// A frame whose speaker is `s`; the outlet naming itself (its own
    /// figures, its own earlier report) speaks in its own voice.
    fn speaker_frame(&self, at: usize, s: &SrcMention, prep: bool) -> Frame {
        let own_voice = self.head_ids.contains(&s.src.id);
        Frame {
            at,
            passive: false,
            chain: if own_voice {
                Vec::new()
            } else {
                vec![s.src.clone()]
            },
            anonymous: s.anonymous && !own_voice,
            deny: false,
            prep,
        }
    }

    /// The speakers of a sentence without numbers: the subjects of its
    /// reporting verbs, remembered for the sentences that continue them.
    fn track_speakers(&mut self, sent: Range<usize>, doc_has: &dyn Fn(usize) -> bool) {
        let lex = self.lex();
        let mut i = sent.start;
        while i < sent.end {
            // Only a verb matters here, and no phrase starts at most words.
            if self.starts.get(i) == Some(&0) {
                i += 1;
                continue;
            }
            let after_preposition = i > sent.start && self.starts(&lex.not_after, i - 1);
            // "denied reports that…", "rejected claims": in English a verb
            // form right after a reporting verb is its object, a noun.
            let object_noun = i > sent.start && self.word(i).is_ascii() && self.starts(&lex.verbs, i - 1);
            if let Some(f) = self
                .at(&lex.verbs, i)
                .filter(|_| !after_preposition && !object_noun)
            {
                let english = self.word(i).is_ascii();
                let subject = if english {
                    self.subject_before(sent.start, i, doc_has)
                } else {
                    self.subject_after(f.end, sent.end, doc_has)
                };
                if !f.value.participle
                    && let Some(s) = subject
                {
                    let s = self.resolve(s);
                    self.last_speaker = Some(self.speaker_frame(i, &s, false));
                    self.subjects.push(s.clone());
                    self.sources.push(s);
                }
                i = f.end;
                continue;
            }
            i += 1;
        }
    }

    /// An English subject: the name that ends right before the verb at `v`
    /// ("GDF spokesman Tomas Reyne dismissed…", "Residents said…").
    fn subject_before(&self, start: usize, v: usize, doc_has: &dyn Fn(usize) -> bool) -> Option<SrcMention> {
        (v.saturating_sub(8).max(start)..v)
            .filter(|&k| !(k..v).any(|j| self.is_comma(j)))
            .find_map(|k| {
                let m = self
                    .source_at(k, false, doc_has)
                    .or_else(|| {
                        (k > start || self.word(k) == "the")
                            .then(|| self.english_name(k))
                            .flatten()
                    })
                    .or_else(|| self.indefinite_speaker(k, v))?;
                (m.toks.end == v).then(|| self.titled(m, start, doc_has))
            })
    }

    /// "GDF spokesman Tomas Reyne": the body before the title speaks.
    fn titled(&self, m: SrcMention, start: usize, doc_has: &dyn Fn(usize) -> bool) -> SrcMention {
        let k = m.toks.start;
        if k < start + 2 || !self.starts(&self.lex().titles, k - 1) {
            return m;
        }
        let body = (k.saturating_sub(5).max(start)..k - 1).find_map(|j| {
            self.source_at(j, false, doc_has)
                .or_else(|| self.english_name(j))
                .filter(|b| b.toks.end == k - 1 && !b.anonymous)
        });
        match body {
            Some(b) => SrcMention {
                toks: b.toks.start..m.toks.end,
                ..b
            },
            None => m,
        }
    }

    fn frames(&mut self, sent: Range<usize>, doc_has: &dyn Fn(usize) -> bool) -> Vec<Frame> {
        let lex = self.lex();
        let mut frames: Vec<Frame> = Vec::new();
        let mut i = sent.start;
        let mut first_verb: Option<usize> = None;
        // Sources mentioned so far in this sentence (for subjects before verbs).
        let mut seen: Vec<SrcMention> = Vec::new();
        // "Writing in its newsletter X, the group said": a name in an
        // opening participle's clause is where or to whom, not who speaks.
        let opener_end = if self.capitalised(sent.start) && self.word(sent.start).ends_with("ing") {
            (sent.start..sent.end)
                .find(|&k| self.is_comma(k))
                .unwrap_or(sent.start)
        } else {
            sent.start
        };
        // A headline "Source: …" (الداخلية: لم يفر أي سجين).
        if let Some(colon) =
            (sent.start..(sent.start + 6).min(sent.end)).find(|&k| self.toks[k].text(self.key) == ":")
            && colon > sent.start
            && self.toks[colon + 1..sent.end]
                .iter()
                .all(|t| t.text(self.key) != ":")
            && !self.toks[sent.start..colon]
                .iter()
                .any(|t| t.kind == TokenKind::Number)
            // "Mirefield manhunt: dozens at large, governor says": the speaker is at the end.
            && !(sent.end.saturating_sub(2).max(sent.start)..sent.end)
                .any(|k| matches!(self.word(k), "says" | "said" | "say"))
            && let Some(src) = self
                .headline_name(sent.start..colon)
                .filter(|h| self.word(h.toks.start).is_ascii())
                .or_else(|| self.source_at(sent.start, true, doc_has))
                .or_else(|| self.headline_name(sent.start..colon))
            && src.toks.end <= colon + 1
        {
            let src = self.resolve(src);
            self.sources.push(src.clone());
            frames.push(Frame {
                at: sent.start,
                passive: false,
                chain: vec![src.src.clone()],
                anonymous: src.anonymous,
                deny: false,
                prep: false,
            });
            i = colon + 1;
        }
        while i < sent.end {
            if self.plain_arabic(i) {
                i += 1;
                continue;
            }
            if self.word(i) == "وان" || self.word(i) == "وبان" {
                // A second complement clause hangs on the first verb.
                if let Some(f) = first_verb.and_then(|k| frames.get(k)).cloned() {
                    frames.push(Frame { at: i, ..f });
                }
                i += 1;
                continue;
            }
            let prep_source = self
                .at(&lex.prepositions, i)
                .and_then(|f| self.prep_object(f.end, sent.end, doc_has));
            if self.at(&lex.prepositions, i).is_some()
                && let Some(s) = prep_source
            {
                let s = self.resolve(s);
                self.sources.push(s.clone());
                let end = s.toks.end;
                let base = frames.iter().rev().find(|fr| !fr.prep).cloned();
                // "X said …, according to an AFP tally": the writer's own
                // attribution of what the clause reports, not X citing it.
                if self.word(i) == "according"
                    && i > sent.start
                    && self.is_comma(i - 1)
                    && let Some(b) = base.as_ref().filter(|b| !b.passive && !b.chain.is_empty())
                {
                    let at = b.at;
                    frames.retain(|f| f.at < at);
                    frames.push(self.speaker_frame(at, &s, false));
                    seen.push(s);
                    i = end;
                    continue;
                }
                let frame = match base {
                    Some(b) if b.chain.last() != Some(&s.src) => Frame {
                        at: i,
                        passive: false,
                        chain: b
                            .chain
                            .iter()
                            .cloned()
                            .chain(std::iter::once(s.src.clone()))
                            .collect(),
                        anonymous: s.anonymous,
                        deny: b.deny,
                        prep: true,
                    },
                    _ => self.speaker_frame(i, &s, true),
                };
                // "…, according to spokesman X. He said…": English carries
                // the cited speaker to a pronoun in the next sentence.
                if self.word(i).is_ascii() {
                    self.last_speaker = Some(frame.clone());
                }
                frames.push(frame);
                seen.push(s);
                i = end;
                continue;
            }
            // "رفض الكشف عن اسمه" describes a source; it reports nothing.
            if let Some(f) = self.at(&lex.unnamed_after, i) {
                i = f.end;
                continue;
            }
            let after_preposition = i > sent.start && self.starts(&lex.not_after, i - 1);
            // "denied reports that…", "rejected claims": in English a verb
            // form right after a reporting verb is its object, a noun.
            let object_noun = i > sent.start && self.word(i).is_ascii() && self.starts(&lex.verbs, i - 1);
            if let Some(f) = self
                .at(&lex.verbs, i)
                .filter(|_| !after_preposition && !object_noun)
            {
                let verb = *f.value;
                let after = f.end;
                // A negated verb reports nothing (من دون أن يذكر).
                let negated = (i.saturating_sub(3).max(sent.start)..i).any(|k| self.starts(&lex.negation, k));
                if negated && verb.stance != VerbStance::Deny {
                    i = after;
                    continue;
                }
                // After الذي / التي the subject is what the pronoun stands for.
                let relative = i > sent.start && matches!(self.word(i - 1), "الذي" | "التي" | "الذين");
                let english = self.word(i).is_ascii();
                let pronoun =
                    i > sent.start && matches!(self.word(i - 1), "he" | "she" | "it" | "they" | "we");
                let mut subj = if verb.participle || (english && !matches!(self.word(i), "said" | "says")) {
                    None
                } else {
                    self.subject_after(after, sent.end, doc_has)
                };
                if pronoun {
                    subj = None;
                }
                // '"…," said a shopkeeper who asked…': an unnamed speaker after the verb.
                if subj.is_none() && english && matches!(self.word(i), "said" | "says" | "told") {
                    subj = self.indefinite_speaker(after, sent.end);
                }
                // "cited by the ministry": the agent after "by".
                let passive = english && self.word(after) == "by";
                if passive {
                    subj = self.source_at(after + 1, true, doc_has);
                }
                // "…, saying …": the sentence's subject speaks.
                if english && verb.participle && frames.is_empty() {
                    subj = seen.first().cloned();
                }
                let mut antecedent_cited = None;
                if relative && subj.is_none() {
                    let antecedent = seen.last().filter(|m| m.toks.end + 2 >= i).cloned();
                    // المصدر الذي نقلت عنه الصحيفة: the paper speaks, citing the source.
                    if matches!(self.word(after), "عنه" | "عنها" | "عنهم")
                        && let Some(speaker) = self.subject_after(after + 1, sent.end, doc_has)
                    {
                        subj = Some(speaker);
                        antecedent_cited = antecedent;
                    } else {
                        subj = antecedent;
                    }
                    if subj.is_none() {
                        i = after;
                        continue;
                    }
                } else if subj.is_none() && !verb.participle && !pronoun {
                    // "A war monitor based in Westmoor put the toll at…": an
                    // indefinite subject opening the sentence holds what
                    // follows it up to the verb.
                    if english && !(sent.start..i).any(|k| self.is_comma(k)) {
                        subj = self.indefinite_speaker(sent.start, i);
                    }
                    // "monitor says" in a headline: a bare head word.
                    if subj.is_none()
                        && english
                        && i > sent.start
                        && !self.capitalised(i - 1)
                        && (i - 1 == sent.start || self.is_comma(i - 2))
                        && let Some(kind) = self.at(&lex.kinds, i - 1).map(|f| *f.value)
                    {
                        let name = self.surface(i - 1..i);
                        subj = Some(SrcMention {
                            toks: i - 1..i,
                            src: SourceRef {
                                id: format!("anonymous:{}", slug(&name)),
                                name,
                                kind,
                            },
                            anonymous: true,
                            head: self.word(i - 1).to_string(),
                            generic: true,
                            anaphor: false,
                        });
                    }
                    // A subject before its verb stands close to it (عادت “قسد” للحديث).
                    if subj.is_none() {
                        subj = seen.last().filter(|m| m.toks.end + 4 >= i).cloned();
                        if english {
                            subj = subj.map(|m| self.titled(m, sent.start, doc_has));
                        }
                    }
                    // "X, which relies on informants in the city, said": the
                    // subject stands before a clause set off by commas.
                    if subj.is_none()
                        && english
                        && i > sent.start
                        && self.is_comma(i - 1)
                        && let Some(open) = (sent.start..i - 1).rev().find(|&k| self.is_comma(k))
                    {
                        subj = seen.iter().rev().find(|m| m.toks.end == open).cloned();
                    }
                    if subj.is_none() && english {
                        // Opening the sentence, or after a comma: "…, a local group said".
                        let after_comma = (sent.start..i).rev().find(|&k| self.is_comma(k)).map(|k| k + 1);
                        subj = self
                            .indefinite_speaker(sent.start, i)
                            .or_else(|| after_comma.and_then(|k| self.indefinite_speaker(k, i)));
                    }
                }
                // نقل عن X / citing X: the cited source nests under the subject.
                let cited = antecedent_cited.or_else(|| {
                    subj.as_ref().and_then(|s| {
                        let k = self.skip_quotes(s.toks.end.max(after));
                        (self.word(k) == "عن"
                            || self.word(k) == "عنه"
                            || (verb.cites_from && self.word(k) == "من"))
                            .then(|| self.source_at(k + 1, true, doc_has))
                            .flatten()
                    })
                });
                let frame = match subj {
                    Some(s) => {
                        let s = self.resolve(s);
                        self.sources.push(s.clone());
                        if !passive {
                            self.subjects.push(s.clone());
                        }
                        let own_voice = self.head_ids.contains(&s.src.id);
                        let mut chain = if own_voice {
                            Vec::new()
                        } else {
                            vec![s.src.clone()]
                        };
                        let mut anonymous = s.anonymous && !own_voice;
                        if let Some(c) = cited {
                            let c = self.resolve(c);
                            anonymous = c.anonymous;
                            chain.push(c.src.clone());
                            self.sources.push(c);
                        }
                        Frame {
                            at: i,
                            passive,
                            chain,
                            anonymous,
                            deny: verb.stance == VerbStance::Deny,
                            prep: false,
                        }
                    }
                    None => match frames.last().cloned().or_else(|| self.last_speaker.clone()) {
                        Some(f) => Frame {
                            at: i,
                            passive: false,
                            deny: verb.stance == VerbStance::Deny || f.deny && verb.participle,
                            ..f
                        },
                        None => {
                            i = after;
                            continue;
                        }
                    },
                };
                // A verb inside another speaker's clause nests under it when
                // its source is unnamed (المرصد قال إن مصادره رصدت …).
                let frame = match frames.last() {
                    Some(prev)
                        if frame.anonymous
                            && !prev.prep
                            && prev.chain != frame.chain
                            && !prev.anonymous
                            && !(prev.at..i).any(|k| self.is_comma(k) || self.word(k) == "حيث") =>
                    {
                        Frame {
                            chain: prev.chain.iter().chain(frame.chain.iter()).cloned().collect(),
                            ..frame
                        }
                    }
                    _ => frame,
                };
                if first_verb.is_none() {
                    first_verb = Some(frames.len());
                }
                self.last_speaker = Some(frame.clone());
                frames.push(frame);
                i = after;
                continue;
            }
            // A source named before a verb: a gazetteer or unnamed source, an
            // English name or "the monitor", a definite head that refers back
            // (المرصد).
            if i < opener_end {
                i += 1;
                continue;
            }
            let mention = self.source_at(i, false, doc_has).or_else(|| {
                let w = self.word(i);
                // A capitalised word opening a sentence is a name only when a
                // reporting verb follows it (Police later said, Islamic State group says).
                let opens_and_speaks = i == sent.start
                    && self.english_name(i).is_some_and(|m| {
                        (m.toks.end..(m.toks.end + 3).min(sent.end)).any(|k| self.starts(&lex.verbs, k))
                    });
                if w.is_ascii() && !w.is_empty() && (i > sent.start || w == "the" || opens_and_speaks) {
                    self.english_name(i)
                } else if w.starts_with("ال") && self.starts(&lex.kinds, i) {
                    self.noun_phrase(i, doc_has)
                } else {
                    None
                }
            });
            if let Some(m) = mention {
                let end = m.toks.end;
                let m = self.resolve(m);
                self.sources.push(m.clone());
                // "The Health Office's latest toll was 23 dead": the figures
                // a source issued are its own.
                if self
                    .toks
                    .get(end)
                    .is_some_and(|t| matches!(t.text(self.key), "'" | "’"))
                    && self.word(end + 1) == "s"
                    && (end + 2..(end + 5).min(sent.end)).any(|k| self.starts(&lex.documents, k))
                {
                    frames.push(self.speaker_frame(end, &m, false));
                }
                seen.push(m);
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
        frames
    }

    /// The name before a headline's colon, as written.
    fn headline_name(&self, r: Range<usize>) -> Option<SrcMention> {
        let r = {
            // Quotes around the name («قسد»:) are not part of it.
            let mut r = r;
            while r.start < r.end && self.toks[r.start].kind == TokenKind::Punct {
                r.start += 1;
            }
            while r.end > r.start && self.toks[r.end - 1].kind == TokenKind::Punct {
                r.end -= 1;
            }
            r
        };
        if r.is_empty() || r.len() > 4 || r.clone().any(|k| self.toks[k].kind != TokenKind::Word) {
            return None;
        }
        let name = self.surface(r.clone());
        let lex = self.lex();
        let kind = r
            .clone()
            .find_map(|k| self.at(&lex.kinds, k).map(|f| *f.value))
            .unwrap_or("organisation");
        Some(SrcMention {
            toks: r.clone(),
            src: SourceRef {
                id: slug(&name),
                name,
                kind,
            },
            anonymous: false,
            head: strip_article(self.word(r.start)),
            generic: false,
            anaphor: r.len() == 1 && self.word(r.start).starts_with("ال"),
        })
    }

    /// The source after بحسب / وفق: a name, or what a document came from
    /// (بحسب حصيلة أعلنتها المديرية، بحسب أرقام حصلت عليها الصحيفة من الإدارة).
    fn prep_object(&self, k: usize, end: usize, doc_has: &dyn Fn(usize) -> bool) -> Option<SrcMention> {
        let lex = self.lex();
        // English articles before a document (according to a tally by …).
        let k = if matches!(self.word(k), "a" | "an") {
            k + 1
        } else {
            k
        };
        if let Some(v) = self.at(&lex.verbs, k) {
            return self.subject_after(v.end, end, doc_has);
        }
        let document = self.at(&lex.documents, k).is_some() || self.word(k) == "ما";
        if !document && let Some(s) = self.source_at(k, true, doc_has) {
            return Some(s);
        }
        if !document {
            return None;
        }
        for j in k + 1..(k + 9).min(end) {
            if self.is_punct(j) {
                break;
            }
            if let Some(v) = self.at(&lex.verbs, j) {
                return self.subject_after(v.end, end, doc_has);
            }
            if matches!(self.word(j), "من" | "عن" | "by" | "from" | "of")
                && let Some(s) = self.source_at(j + 1, true, doc_has)
                && !self.head_ids.contains(&s.src.id)
            {
                return Some(s);
            }
            if let Some(s) = self.source_at(j, false, doc_has)
                && !self.head_ids.contains(&s.src.id)
            {
                return Some(s);
            }
        }
        self.source_at(k + 1, true, doc_has)
    }

    /// The subject right after a verb: a source, skipping time words and commas.
    fn subject_after(&self, mut i: usize, end: usize, doc_has: &dyn Fn(usize) -> bool) -> Option<SrcMention> {
        let lex = self.lex();
        let mut skipped = 0;
        while i < end && skipped < 4 && (self.is_punct(i) || self.is_quote(i) || self.word(i) == "قد") {
            i += 1;
            skipped += 1;
        }
        if i >= end {
            return None;
        }
        let s = self.source_at(i, true, doc_has)?;
        // A name is not a subject when a number or a quantity word opens it.
        if s.toks.start >= end || self.starts(&lex.events, s.toks.start) {
            return None;
        }
        Some(s)
    }

    fn zeros(&self, sent: Range<usize>, frames: &[Frame]) -> Vec<Quantity> {
        let lex = self.lex();
        let mut out = Vec::new();
        for i in sent.clone() {
            let Some(f) = self.at(&lex.none_words, i) else {
                continue;
            };
            // "no inmate escaped": the word is its own negation.
            let negated = frames.iter().any(|fr| fr.deny && fr.at < i)
                || (sent.start..=i).any(|k| self.starts(&lex.negation, k))
                || (i + 1..sent.end.min(i + 4)).any(|k| self.starts(&lex.negation, k));
            if !negated {
                continue;
            }
            let who = self.at(&lex.who, f.end);
            // "لم يفر أحد": the cue right before أحد, the negation right before the cue.
            let after_event = i > sent.start + 1
                && self.starts(&lex.events, i - 1)
                && (i.saturating_sub(3).max(sent.start)..i - 1).any(|k| self.starts(&lex.negation, k));
            // "none escaped", "no one had been killed": a cue right after
            // (past an auxiliary).
            let event_after = || {
                let mut k = f.end;
                // "none of its men had been killed": past the noun.
                if self.word(i) == "none"
                    && self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                    && !self.starts(&lex.events, k)
                {
                    k += 1;
                }
                while matches!(
                    self.word(k),
                    "had" | "have" | "has" | "was" | "were" | "been" | "is" | "are"
                ) {
                    k += 1;
                }
                k < sent.end && self.starts(&lex.events, k)
            };
            let end = match who {
                Some(w) if matches!(self.word(i), "اي" | "any" | "no" | "not" | "none") => w.end,
                None if matches!(self.word(i), "احد" | "احدا") && after_event => f.end,
                None if matches!(self.word(i), "none" | "nobody") || self.surface(i..f.end) == "no one" => {
                    if !event_after() {
                        continue;
                    }
                    f.end
                }
                _ => continue,
            };
            let s = self.toks[i].start as usize + f.prefix;
            let e = self.toks[end - 1].end as usize;
            out.push(Quantity {
                m: Mention {
                    start: s,
                    end: e,
                    kind: Kind::Cardinal,
                    value: Value::Number(0.0),
                    qualifier: Qualifier::Exact,
                    hedge: None,
                    vague: None,
                    band: None,
                },
                toks: i..end,
            });
        }
        out
    }

    /// The facet of a quantity and a factor for its value (weeks → days).
    fn facet(
        &self,
        sent: Range<usize>,
        q: &Quantity,
        others: &[Range<usize>],
        sent_cues: &[(usize, u16)],
    ) -> Option<(String, f64)> {
        let lex = self.lex();
        let (a, mut b) = (q.toks.start, q.toks.end);
        // A quoted figure ("nearly 60" detainees, «نحو 90» مسلحا): the noun
        // is after the quote that closes on it.
        if self.toks.get(b).is_some_and(|t| {
            t.kind == TokenKind::Punct && !t.space_before && matches!(t.text(self.key), "\"" | "”" | "»")
        }) && self.toks.get(b + 1).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&lex.stops, b + 1)
        {
            b += 1;
        }
        // Issue numbers, pages, ages: read before the hedge (home to about 85,000).
        let mut before = match q.m.hedge {
            Some((hs, _)) if hs < q.m.start => self.toks.partition_point(|t| (t.end as usize) <= hs).min(a),
            _ => a,
        };
        while before > sent.start && self.is_punct(before - 1) {
            before -= 1;
        }
        if (1..=2).any(|d| before >= sent.start + d && self.starts(&lex.never_after, before - d)) {
            return None;
        }
        // "one of the largest", "one of the blocks": a partitive one.
        if q.m.value == Value::Number(1.0) && self.word(b) == "of" && self.toks[a].kind == TokenKind::Word {
            return None;
        }
        // Fractions and percentages are shares, not counts of the event.
        if matches!(q.m.kind, Kind::Fraction | Kind::Percent) {
            return None;
        }
        // A bare four-digit number from 1900 to 2099 with no noun after it is a
        // year the recogniser had no cue for (فبراير (شباط) 2015); so is one
        // before a noun that names no people and no event ("a 2029 bus
        // station bombing").
        if let Value::Number(x) = q.m.value
            && (1900.0..2100.0).contains(&x)
            && x.fract() == 0.0
            && q.m.hedge.is_none()
            && b == a + 1
            && self.toks[a].kind == TokenKind::Number
            && (b >= sent.end
                || self.toks[b].kind != TokenKind::Word
                || self.starts(&lex.stops, b)
                || self.word(b).is_ascii()
                    && !self.starts(&lex.who, b)
                    && !self.starts(&lex.people_words, b)
                    && !self.starts(&lex.events, b))
        {
            return None;
        }
        // "Ms Reyne, 44, said": an age set off by commas after a name.
        if let Value::Number(x) = q.m.value
            && x < 120.0
            && q.m.hedge.is_none()
            && a >= 2
            && self.is_comma(a - 1)
            && self.capitalised(a - 2)
            && self.word(a - 2).is_ascii()
            && b < sent.end
            && self.is_comma(b)
        {
            return None;
        }
        // The unit counted: the mention's own noun (يومين) or the next word.
        // "a 36-hour riot", "two-week offensive": the unit after a hyphen.
        let hyphen = self
            .toks
            .get(b)
            .is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.key) == "-")
            && self.toks.get(b + 1).is_some_and(|t| !t.space_before)
            && self.toks.get(b).is_some_and(|t| !t.space_before);
        let unit = self
            .at(&lex.units, a)
            .filter(|f| f.end >= b)
            .or_else(|| self.at(&lex.units, b))
            .or_else(|| if hyphen { self.at(&lex.units, b + 1) } else { None })
            .map(|f| *f.value);
        let is_duration_cue = |e: u16| lex.event_names[e as usize] == "duration";
        let cues = sent_cues.to_vec();
        match unit {
            Some(Unit::Never) => return None,
            Some(Unit::Days(_)) | Some(Unit::Hours) => {
                let unit_end = if self.at(&lex.units, a).is_some_and(|f| f.end >= b) {
                    b
                } else if hyphen && self.at(&lex.units, b).is_none() {
                    b + 2
                } else {
                    b + 1
                };
                let dur = cues.iter().any(|&(k, e)| is_duration_cue(e) && k < a)
                    || self.starts(&lex.duration_after, unit_end);
                if !dur {
                    return None;
                }
                return match unit {
                    Some(Unit::Hours) => Some(("duration_hours".into(), 1.0)),
                    Some(Unit::Days(f)) => Some(("duration_days".into(), f)),
                    _ => None,
                };
            }
            _ => {}
        }
        // Postposed عدة after a noun that is not a people-noun is not a claim.
        // Preposed عدة counts the noun after it (عدة أشخاص); postposed, the
        // noun before (مجموعات عدة). A word after it that opens with a
        // preposition (عدة لاستكمال) is no counted noun.
        let preposed = self.toks.get(b).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&lex.stops, b)
            && !self.starts(&lex.events, b)
            && (!self.word(b).starts_with(['ل', 'ب']) || self.starts(&lex.who, b));
        if q.m.kind == Kind::Vague
            && a > sent.start
            && matches!(self.word(a), "عده" | "عديده")
            && (!preposed || self.word(a) == "عديده")
            && self.at(&lex.who, a - 1).is_none()
        {
            return other(self.word(a - 1));
        }
        // عدد من نزحوا: "the number of those who", not "a number of".
        if q.m.vague.as_deref() == Some("a number of")
            && self.word(b).ends_with("وا")
            && self.starts(&lex.events, b)
        {
            return None;
        }
        // The counted noun itself is no event cue when it names people (45 محتجزاً).
        let (soft, _) = self.clause_start(a, sent.start);
        let has_cue_before = cues
            .iter()
            .any(|&(k, e)| k < a && k >= soft && !is_duration_cue(e));
        let cues: Vec<(usize, u16)> = cues
            .into_iter()
            .filter(|&(k, _)| !(k == b && self.starts(&lex.who, k)))
            // After the number, a people-word (المحتجزين) says whose count it is,
            // not what happened, unless nothing before says it.
            .filter(|&(k, _)| !(k >= b && self.starts(&lex.who, k) && has_cue_before))
            // A cue inside another quantity (تفجيرين) belongs to that one, and
            // so does the noun it counts (17 من المحتجزين وثلاثة حراس).
            .filter(|&(k, _)| {
                !others.iter().any(|o| {
                    o.start != a
                        && (o.contains(&k)
                            || k == o.end && self.starts(&lex.who, k)
                            || k == o.end + 1
                                && matches!(self.word(o.end), "من" | "of")
                                && self.starts(&lex.who, k))
                })
            })
            .collect();
        let event = self.nearest_event(&cues, a, b, sent.start, &is_duration_cue);
        let who = self.who_of(q, sent.clone());
        // What the number counts: the noun right after it (past من).
        let mut noun = b;
        if self.word(noun) == "من" {
            noun += 1;
        }
        let things_noun = self.toks.get(noun).is_some_and(|t| t.kind == TokenKind::Word)
            && noun < sent.end
            && !self.starts(&lex.who, noun)
            && !self.starts(&lex.people_words, noun)
            && !self.starts(&lex.events, noun)
            && !self.starts(&lex.stops, noun)
            && !self.starts(&lex.units, noun)
            && !lex.verbs.starts_at(self.key, self.toks, noun)
            && !self.starts(&lex.none_words, noun)
            && !self.starts(&lex.source_names, noun)
            && !self.word(noun).starts_with(['و', 'ف', 'ب', 'ل', 'ك'])
                                                && !self.word(noun).starts_with("ال")
            // The rule reads Arabic nouns; an English one is let through.
            && !self.word(noun).is_ascii()
            // Sound plurals of agent nouns name people (مهندسين، مشتبهين), and so
            // does a noun followed by a pronoun for them (مشتبهاً بهم).
            && !(self.word(noun).chars().count() >= 4 && (self.word(noun).ends_with("ين") || self.word(noun).ends_with("ون")))
            && !matches!(self.word(noun + 1), "بهم" | "منهم" | "عليهم" | "لهم")
            && q.m.kind != Kind::Vague;
        if let Some(e) = event {
            for (name, fe, fw) in &lex.facets {
                if *fe == e && fw.is_none_or(|w| Some(w) == who) {
                    // A count of people cannot be followed by a noun that names none.
                    if things_noun && !lex.things.contains(name) && who.is_none() {
                        break;
                    }
                    if !self.prison && lex.prison_facets.contains(name) {
                        break;
                    }
                    return Some((name.clone(), 1.0));
                }
            }
        }
        // Gunmen counted with nothing said of them are the attackers.
        let counted_attackers = (a..=b).any(|k| {
            self.at(&lex.who, k)
                .is_some_and(|f| lex.who_names[*f.value as usize] == "attackers")
        });
        if event.is_none()
            && counted_attackers
            && who.is_some_and(|w| lex.who_names[w as usize] == "attackers")
            && let Some((name, _, _)) = lex.facets.iter().find(|(n, _, _)| n == "attackers_count")
        {
            return Some((name.clone(), 1.0));
        }
        if q.m.kind == Kind::Percent {
            return None;
        }
        // A partitive counts the noun after its preposition: "5 من أعضاء
        // الحكومة", "five of the members"; a lone conjunction counts nothing.
        let mut k = b;
        if matches!(self.word(k), "من" | "of")
            && self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
        {
            k += 1;
            // "of the members", "of its (own) fighters".
            while matches!(
                self.word(k),
                "the" | "its" | "their" | "our" | "his" | "her" | "own"
            ) && self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Word)
            {
                k += 1;
            }
        }
        // A function word (في, على, on, the…: the subject stops of
        // attribution.toml) or a lone conjunction is no counted noun.
        if matches!(self.word(k), "و" | "and") || self.starts(&lex.stops, k) {
            return other("");
        }
        other(self.word(k))
    }

    /// Whose count it is: the most specific people-word in the noun phrase
    /// after the number (or inside a claim of zero, or right before it:
    /// لقتلى القوات 39).
    fn who_of(&self, q: &Quantity, sent: Range<usize>) -> Option<u16> {
        let lex = self.lex();
        let (a, b) = (q.toks.start, q.toks.end);
        let mut found: Vec<u16> = Vec::new();
        for k in a..b {
            if let Some(f) = self.at(&lex.who, k) {
                found.push(*f.value);
            }
        }
        found.extend(self.who_after(b, sent.end));
        let after_a_count =
            (a.saturating_sub(3).max(sent.start)..a).any(|k| self.toks[k].kind == TokenKind::Number);
        if found.is_empty() && a > sent.start && !after_a_count {
            for k in a.saturating_sub(2).max(sent.start)..a {
                if let Some(f) = self.at(&lex.who, k) {
                    found.push(*f.value);
                }
            }
        }
        // The most specific: a side (attackers, security, guards, civilians,
        // minors) over prisoners or groups.
        let rank = |w: u16| match lex.who_names[w as usize].as_str() {
            "prisoners" | "groups" => 1,
            "members" => 2,
            _ => 0,
        };
        found.into_iter().min_by_key(|&w| rank(w))
    }

    fn cues(&self, sent: Range<usize>) -> Vec<(usize, u16)> {
        let lex = self.lex();
        let mut out = Vec::new();
        let mut i = sent.start;
        while i < sent.end {
            if let Some(f) = self.at(&lex.events, i) {
                let attempted = i > sent.start && self.starts(&lex.attempt, i - 1);
                if !attempted {
                    out.push((i, *f.value));
                }
                i = f.end;
                continue;
            }
            i += 1;
        }
        out
    }

    fn nearest_event(
        &self,
        cues: &[(usize, u16)],
        a: usize,
        b: usize,
        sent_start: usize,
        is_dur: &dyn Fn(u16) -> bool,
    ) -> Option<u16> {
        let inside = cues
            .iter()
            .find(|(k, e)| *k >= a && *k < b && !is_dur(*e))
            .map(|&(_, e)| e);
        if inside.is_some() {
            return inside;
        }
        let (soft, hard) = self.clause_start(a, sent_start);
        let before_in = |from: usize| {
            cues.iter()
                .filter(|(k, e)| *k < a && *k >= from && !is_dur(*e))
                .map(|&(k, e)| (a - k, e))
                .min_by_key(|x| x.0)
        };
        let before = before_in(soft);
        // A cue just after the noun (23 شخصاً قتلوا), not one opening a new
        // clause (وأصيب) and not past another number.
        let after = cues
            .iter()
            .filter(|(k, e)| *k >= b && self.words_between(b, *k) <= 3 && !is_dur(*e))
            .filter(|(k, _)| {
                let opens_clause = self.word(*k).starts_with('و')
                    && self
                        .lex()
                        .events
                        .at(self.key, self.toks, *k)
                        .is_some_and(|f| f.prefix > 0);
                !opens_clause
                    && (b..*k).all(|j| {
                        self.toks[j].kind != TokenKind::Number
                            && !self.is_comma(j)
                            && !matches!(self.word(j), "and" | "but" | "while" | "whereas")
                    })
            })
            // The counted noun itself (k == b) only when nothing else follows.
            .map(|&(k, e)| (if k == b { usize::MAX } else { k - b }, k, e))
            .min_by_key(|x| x.0);
        // Cues that only count after the number (سلّم 9 أنفسهم).
        let after_only = (b..(b + 4).min(self.toks.len()))
            .find_map(|k| self.at(&self.lex().events_after, k).map(|f| *f.value));
        if let Some(e) = after_only {
            return Some(e);
        }
        let far_after = cues
            .iter()
            .filter(|(k, e)| *k >= b && self.words_between(b, *k) <= 8 && !is_dur(*e))
            .filter(|(k, _)| (b..*k).all(|j| self.toks[j].kind != TokenKind::Number && !self.is_comma(j)))
            .map(|&(k, e)| (k - b, k, e))
            .min_by_key(|x| x.0);
        // "34 of its fighters and 300 militants had died": a predicate
        // shared by coordinated counts, past the other count.
        let shared_after = cues
            .iter()
            .filter(|(k, e)| *k >= b && self.words_between(b, *k) <= 12 && !is_dur(*e))
            .filter(|(k, _)| {
                (b..*k).any(|j| self.word(j) == "and")
                    && (b..*k).all(|j| {
                        !self.is_comma(j)
                            && (self.toks[j].kind != TokenKind::Number
                                || (b..j).any(|i| self.word(i) == "and"))
                    })
            })
            .map(|&(k, e)| (k - b, e))
            .min_by_key(|x| x.0);
        // "212 would-be escapees were caught", "12 of the wounded had died":
        // a noun cue is what they were; the verb after it, what happened.
        let predicate = |(_, k, e): (usize, usize, u16)| self.predicate_after(k, cues, is_dur).unwrap_or(e);
        // The verb right before the number governs it (اعتقلت 6 أشخاص يشتبه
        // في تأمينهم…, "arrested 5 escapees") over a cue further on; not a
        // cue that is another number's noun (3 قتلى وعدد من الجرحى), nor
        // one before a new conjunct.
        let counts_another = |k: usize| {
            k > 0 && (self.toks[k - 1].kind == TokenKind::Number || self.x.numbers_word(self.word(k - 1)))
        };
        if let Some((d, e)) = before
            && d <= 1
            && after.is_none_or(|x| x.0 > 1)
            && !counts_another(a - d)
            && !self.word(a).starts_with('و')
            && self.word(a) != "and"
        {
            return Some(e);
        }
        after
            .map(predicate)
            .or(before.map(|x| x.1))
            .or(far_after.map(predicate))
            .or(shared_after.map(|x| x.1))
            .or(before_in(hard).map(|x| x.1))
    }

    /// The cue of a verb after the noun cue at `k` and an auxiliary
    /// ("escapees were caught", "the wounded had died").
    fn predicate_after(&self, k: usize, cues: &[(usize, u16)], is_dur: &dyn Fn(u16) -> bool) -> Option<u16> {
        let end = self.at(&self.lex().events, k)?.end;
        // The auxiliary right after the noun, or after a participle's phrase
        // ("aid workers held by the group since March were freed").
        let aux = (end..(end + 16).min(self.toks.len()))
            .take_while(|&j| {
                !self.is_comma(j) && self.toks[j].kind != TokenKind::Number && self.word(j) != "and"
            })
            .find(|&j| {
                matches!(
                    self.word(j),
                    "were" | "was" | "had" | "have" | "has" | "are" | "is" | "remain" | "remained"
                )
            })?;
        cues.iter()
            .find(|(c, e)| *c > aux && self.words_between(aux, *c) <= 3 && !is_dur(*e))
            .filter(|(c, _)| (aux..*c).all(|j| self.toks[j].kind != TokenKind::Number && !self.is_comma(j)))
            .map(|&(_, e)| e)
    }

    fn is_quote(&self, j: usize) -> bool {
        self.toks
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text(self.key), "\"" | "'"))
    }

    /// The first token at or after `k` that is not a quote mark.
    fn skip_quotes(&self, mut k: usize) -> usize {
        while self.is_quote(k) {
            k += 1;
        }
        k
    }

    fn is_comma(&self, j: usize) -> bool {
        self.toks[j].kind == TokenKind::Punct && matches!(self.toks[j].text(self.key), "," | ";")
    }

    /// How many word and number tokens stand in `from..to`.
    fn words_between(&self, from: usize, to: usize) -> usize {
        (from..to)
            .filter(|&j| self.toks[j].kind != TokenKind::Punct)
            .count()
    }

    /// Where the clause of token `a` starts: after the last comma before it
    /// (soft), unless what follows the comma continues a list (بينهم، منهم);
    /// and after the last comma that opens a new clause (، ما / ، فيما …) (hard).
    /// Only the sentence's own clauses matter to its cues: the search stops
    /// at `sent_start` (and says 0 when it found no break).
    fn clause_start(&self, a: usize, sent_start: usize) -> (usize, usize) {
        let mut soft = None;
        let mut k = a;
        while k > sent_start.min(a) {
            let t = self.toks[k - 1];
            // A semicolon, or "and that" after a reporting verb, opens a
            // clause of its own.
            let semicolon = t.kind == TokenKind::Punct && matches!(t.text(self.key), ";" | "؛");
            let and_that = self.word(k - 1) == "that" && k >= 2 && matches!(self.word(k - 2), "and" | "but");
            if semicolon || and_that {
                return (soft.unwrap_or(k), k);
            }
            if t.kind == TokenKind::Punct && matches!(t.text(self.key), "," | ":") {
                let next = self.word(k);
                let list = matches!(
                    next,
                    "بينهم" | "منهم" | "بينها" | "منها" | "هم" | "وهم" | "هي" | "including" | "among"
                ) || (next == "من" && self.word(k + 1) == "بينهم");
                let opens = matches!(
                    next,
                    "ما" | "مما"
                        | "لكن"
                        | "ولكن"
                        | "بينما"
                        | "فيما"
                        | "وفيما"
                        | "حيث"
                        | "اذ"
                        | "غير"
                        | "while"
                        | "but"
                );
                if opens {
                    return (soft.unwrap_or(k), k);
                }
                if !list && soft.is_none() {
                    soft = Some(k);
                }
            }
            k -= 1;
        }
        (soft.unwrap_or(0), 0)
    }

    fn who_after(&self, b: usize, end: usize) -> Vec<u16> {
        let lex = self.lex();
        let mut out = Vec::new();
        let mut k = b;
        while k < end && k < b + 5 {
            if self.is_punct(k)
                || self.toks[k].kind == TokenKind::Number
                || (k > b && self.x.numbers_word(self.word(k)))
            {
                break;
            }
            if k > b
                && self.word(k).starts_with('و')
                && self.toks.get(k + 1).is_some_and(|t| t.kind == TokenKind::Number)
            {
                break;
            }
            if let Some(f) = self.at(&lex.who, k) {
                out.push(*f.value);
            }
            // An acronym stands for its name: عناصر «قسد» → قوات سوريا الديمقراطية.
            if let Some(name) = self.acronyms.get(self.word(k))
                && !name.contains(&k)
                && let Some(w) = name.clone().find_map(|j| self.at(&lex.who, j).map(|f| *f.value))
            {
                out.push(w);
            }
            if let Some(f) = self.at(&lex.source_names, k)
                && let Some(w) = known_side(lex, &lex.sources[*f.value].id)
            {
                out.push(w);
            }
            k += 1;
        }
        out
    }
}

impl Extractor {
    fn numbers_word(&self, w: &str) -> bool {
        self.numbers.is_number_word(w)
    }

    fn calendar_month(&self, key: &str, toks: &[Token], i: usize) -> bool {
        self.numbers.calendar().month_at(key, toks, i).is_some()
    }
}

fn other(noun: &str) -> Option<(String, f64)> {
    let n = strip_article(noun);
    Some((
        if n.is_empty() {
            "other:unknown".to_string()
        } else {
            format!("other:{n}")
        },
        1.0,
    ))
}

fn strip_article(w: &str) -> String {
    without_article(w).to_string()
}

/// `hay` in lower case contains `needle`; no copy for text that lower
/// case leaves as it is (all of Arabic).
fn lower_contains(hay: &str, needle: &str) -> bool {
    let changes = |c: char| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            let mut l = c.to_lowercase();
            l.next() != Some(c) || l.next().is_some()
        }
    };
    if hay.chars().any(changes) {
        hay.to_lowercase().contains(needle)
    } else {
        hay.contains(needle)
    }
}

/// `w` without its article (and a و before it), when two letters remain.
fn without_article(w: &str) -> &str {
    let w = w.strip_prefix("و").filter(|r| r.starts_with("ال")).unwrap_or(w);
    w.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(w)
}

fn strip_proclitic_l(w: &str) -> &str {
    w.strip_prefix("ل")
        .filter(|r| r.starts_with("ال") || r.starts_with('ل'))
        .map(|r| {
            if r.starts_with('ل') && !r.starts_with("ال") {
                w
            } else {
                r
            }
        })
        .unwrap_or(w)
}

/// The frame that covers token `at`: the last one before it, else the
/// first after it (a trailing attribution).
/// The side of a group the gazetteer knows: the attackers' or the security
/// forces' people-word.
fn known_side(lex: &ClaimsLexicon, id: &str) -> Option<u16> {
    let name = match id {
        "isis" => "attackers",
        "sdf" | "asayish" => "security",
        _ => return None,
    };
    lex.who_names.iter().position(|n| n == name).map(|w| w as u16)
}

fn pick(frames: &[Frame], at: usize) -> (Vec<SourceRef>, bool, bool) {
    if let Some(f) = frames.iter().find(|f| f.passive && f.at > at && f.at <= at + 4) {
        return (f.chain.clone(), f.anonymous, f.deny);
    }
    let before = frames.iter().rev().find(|f| f.at < at);
    // A citation after the number that nests the frame before it (… نقلاً عن
    // مصادر محلية) covers the number too.
    let nested_after = frames.iter().find(|f| {
        f.at > at
            && f.prep
            && before.is_none_or(|b| f.chain.len() > b.chain.len() && f.chain.starts_with(&b.chain))
    });
    let f = nested_after
        .or(before)
        .or_else(|| frames.iter().find(|f| f.at > at));
    match f {
        Some(f) => (f.chain.clone(), f.anonymous, f.deny),
        None => (Vec::new(), false, false),
    }
}

#[cfg(test)]
mod tests;
