//! The claims vocabulary: sources, attribution, facets and events, from
//! `data/sources.toml`, `data/attribution.toml`, `data/facets.toml` and
//! `data/events.toml`.

use super::lang::Lang;
use super::model::SourceKind;
use crate::numbers::LexiconError;
use crate::phrase::PhraseSet;
use isnad_text::normalize::key;
use isnad_text::token::tokenize;
use isnad_text::{Normalized, Token, TokenKind};
use serde::Deserialize;
use std::collections::HashMap;

/// The files shipped with isnad.
pub const DEFAULT_SOURCES: &str = include_str!("../../../../data/sources.toml");
/// See [`DEFAULT_SOURCES`].
pub const DEFAULT_ATTRIBUTION: &str = include_str!("../../../../data/attribution.toml");
/// See [`DEFAULT_SOURCES`].
pub const DEFAULT_FACETS: &str = include_str!("../../../../data/facets.toml");
/// See [`DEFAULT_SOURCES`].
pub const DEFAULT_EVENTS: &str = include_str!("../../../../data/events.toml");

#[derive(Deserialize)]
struct SourcesFile {
    source: Vec<SourceEntry>,
}

/// A known source.
#[derive(Debug, Clone, Deserialize)]
pub struct SourceEntry {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// outlet, organisation, armed_group, government, person.
    pub kind: SourceKind,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    contextual: Vec<String>,
    #[serde(default)]
    hosts: Vec<String>,
    /// The match key of the name, and the words of the aliases' keys
    /// without the article (made once, at load: see [`SourceEntry::keyed`]).
    #[serde(skip)]
    name_key: String,
    #[serde(skip)]
    alias_words: Vec<String>,
}

impl SourceEntry {
    /// True when a word of one of its aliases, without the article, is `head`.
    pub(crate) fn aliases_contain(&self, head: &str) -> bool {
        self.alias_words.iter().any(|w| w == head)
    }

    /// True when the name's match key holds `head`.
    pub(crate) fn name_contains(&self, head: &str) -> bool {
        self.name_key.contains(head)
    }

    /// Fills the keys the look-ups above compare with.
    fn keyed(mut self) -> SourceEntry {
        self.name_key = key(&self.name);
        self.alias_words = self
            .aliases
            .iter()
            .flat_map(|a| {
                key(a)
                    .split_whitespace()
                    .map(|w| w.strip_prefix("ال").unwrap_or(w).to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        self
    }
}

#[derive(Deserialize)]
struct AttributionFile {
    verb: Vec<VerbEntry>,
    prepositions: Vec<String>,
    anonymous: Vec<String>,
    subject_stops: Vec<String>,
    adjectives: Vec<String>,
    unnamed_after: Vec<String>,
    negation: Vec<String>,
    none_words: Vec<String>,
    titles: Vec<String>,
    title_links: Vec<String>,
    documents: Vec<String>,
    sections: Vec<String>,
    #[serde(default)]
    issue_words: Vec<String>,
    not_after: Vec<String>,
    kinds: HashMap<SourceKind, Vec<String>>,
}

#[derive(Deserialize)]
struct VerbEntry {
    past: String,
    present: String,
    #[serde(default)]
    other: Vec<String>,
    #[serde(default)]
    participles: Vec<String>,
    /// Whether its past takes object pronouns (أكده); false where the form
    /// would read as a noun (تابعه / تابعة).
    #[serde(default = "yes")]
    object: bool,
    /// The source it learned from follows من as well as عن (علم المرصد من
    /// مصادر موثوقة).
    #[serde(default)]
    cites_from: bool,
    #[serde(default = "assert_stance")]
    stance: String,
}

fn yes() -> bool {
    true
}

fn assert_stance() -> String {
    "assert".into()
}

/// What a reporting verb does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbStance {
    /// The speaker asserts what follows.
    Assert,
    /// The speaker rejects the figures in its scope.
    Deny,
    /// The speaker passes on what others say.
    Circulate,
}

/// A reporting verb.
#[derive(Debug, Clone, Copy)]
pub struct Verb {
    /// Its stance.
    pub stance: VerbStance,
    /// A participle (مؤكدا): it never has a subject of its own.
    pub participle: bool,
    /// Cites its source with من too.
    pub cites_from: bool,
}

#[derive(Deserialize)]
struct FacetsFile {
    attempt: Vec<String>,
    #[serde(default)]
    cumulative: Vec<String>,
    #[serde(default)]
    things: Vec<String>,
    #[serde(default)]
    people_words: Vec<String>,
    #[serde(default)]
    prison_facets: Vec<String>,
    #[serde(default)]
    prison_words: Vec<String>,
    event: Vec<EventCue>,
    who: Vec<WhoEntry>,
    units: Units,
    facet: Vec<FacetRow>,
}

#[derive(Deserialize)]
struct EventCue {
    name: String,
    cues: Vec<String>,
    #[serde(default)]
    after_only: Vec<String>,
}

#[derive(Deserialize)]
struct WhoEntry {
    name: String,
    words: Vec<String>,
}

#[derive(Deserialize)]
struct Units {
    days: UnitEntry,
    weeks: UnitEntry,
    hours: UnitEntry,
    never: Vec<String>,
    never_after: Vec<String>,
    #[serde(default)]
    duration_after: Vec<String>,
}

#[derive(Deserialize)]
struct UnitEntry {
    words: Vec<String>,
    factor: f64,
}

#[derive(Deserialize)]
struct FacetRow {
    name: String,
    event: String,
    who: String,
}

/// A unit a number counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// Days (factor 1) or weeks (factor 7).
    Days(f64),
    /// Hours.
    Hours,
    /// Never a claim (distances, money, years, ...).
    Never,
}

#[derive(Deserialize)]
struct EventsFile {
    #[serde(default)]
    targets: Vec<String>,
    #[serde(default)]
    target_stops: Vec<String>,
    event: Vec<KnownEvent>,
}

/// A known event.
#[derive(Debug, Clone, Deserialize)]
pub struct KnownEvent {
    /// Its id, a claim's `subject`.
    pub id: String,
    /// Its name.
    pub name: String,
    #[serde(default)]
    cues: Vec<String>,
}

/// The compiled claims vocabulary.
#[derive(Debug, Clone)]
pub struct ClaimsLexicon {
    pub(crate) sources: Vec<SourceEntry>,
    pub(crate) source_names: PhraseSet<usize>,
    pub(crate) contextual: PhraseSet<usize>,
    pub(crate) hosts: HashMap<String, usize>,
    pub(crate) by_key: HashMap<String, usize>,
    pub(crate) verbs: PhraseSet<Verb>,
    pub(crate) prepositions: PhraseSet<()>,
    pub(crate) anonymous: PhraseSet<()>,
    pub(crate) stops: PhraseSet<()>,
    pub(crate) adjectives: PhraseSet<()>,
    pub(crate) unnamed_after: PhraseSet<()>,
    pub(crate) negation: PhraseSet<()>,
    pub(crate) none_words: PhraseSet<()>,
    pub(crate) titles: PhraseSet<()>,
    pub(crate) documents: PhraseSet<()>,
    pub(crate) not_after: PhraseSet<()>,
    pub(crate) sections: Vec<String>,
    pub(crate) issue_words: Vec<String>,
    pub(crate) title_links: PhraseSet<()>,
    pub(crate) attempt: PhraseSet<()>,
    pub(crate) things: Vec<String>,
    pub(crate) people_words: PhraseSet<()>,
    pub(crate) prison_facets: Vec<String>,
    pub(crate) prison_words: PhraseSet<()>,
    pub(crate) kinds: PhraseSet<SourceKind>,
    pub(crate) events: PhraseSet<u16>,
    pub(crate) events_after: PhraseSet<u16>,
    pub(crate) event_names: Vec<String>,
    pub(crate) who: PhraseSet<u16>,
    pub(crate) who_names: Vec<String>,
    pub(crate) units: PhraseSet<Unit>,
    pub(crate) never_after: PhraseSet<()>,
    pub(crate) duration_after: PhraseSet<()>,
    pub(crate) facets: Vec<(String, u16, Option<u16>)>,
    pub(crate) known_events: Vec<KnownEvent>,
    pub(crate) event_cues: PhraseSet<usize>,
    pub(crate) targets: PhraseSet<()>,
    pub(crate) cumulative: Vec<String>,
    pub(crate) target_stops: PhraseSet<()>,
    /// Every word form that starts some phrase of this vocabulary, with
    /// the bits of the tables it starts a phrase of ([`crate::phrase::Tagged::bit`]): a
    /// token is looked up once, and only in the tables its bits name. An
    /// [`crate::Extractor`] moves them into its own vocabulary.
    pub(crate) first_forms: rustc_hash::FxHashMap<Box<str>, u32>,
}

fn verb_forms(v: &VerbEntry) -> Vec<String> {
    let mut out = Vec::new();
    let past = key(&v.past);
    // A past written with a shadda (قدّر) is ambiguous without it (قدرة):
    // only its present forms are used.
    let present_only = v.past.contains('\u{651}');
    if present_only {
        let pres = key(&v.present);
        if let Some(rest) = pres.strip_prefix('ي') {
            out.push(pres.clone());
            out.push(format!("ت{rest}"));
            out.push(format!("ي{rest}ون"));
        }
    } else if Lang::of_word(&past) == Lang::English {
        out.push(past);
        out.push(key(&v.present));
    } else {
        let stem = past.strip_suffix('ي').map(|s| s.to_string());
        out.push(past.clone());
        for s in ["ت", "وا", "ا", "تا"] {
            out.push(format!("{past}{s}"));
        }
        if v.object {
            // With an object pronoun: أكده، أعلنته، نقلتها.
            // Not the bare ه: أضافه would read as إضافة (an addition).
            for s in ["ها", "ته", "تها"] {
                out.push(format!("{past}{s}"));
            }
        }
        if let Some(stem) = stem {
            // نفى → نفت، نفوا
            out.push(format!("{stem}ت"));
            out.push(format!("{stem}وا"));
        }
        let pres = key(&v.present);
        out.push(pres.clone());
        if let Some(rest) = pres.strip_prefix('ي') {
            out.push(format!("ت{rest}"));
            out.push(format!("ن{rest}"));
            out.push(format!("ي{rest}ون"));
            out.push(format!("ت{rest}ون"));
        }
    }
    out.extend(v.other.iter().map(|o| key(o)));
    out
}

impl ClaimsLexicon {
    /// Compiles the vocabulary from the four files' contents.
    pub fn parse(sources: &str, attribution: &str, facets: &str, events: &str) -> Result<Self, LexiconError> {
        let sf: SourcesFile = toml::from_str(sources).map_err(|e| LexiconError::new("sources.toml", e))?;
        let af: AttributionFile =
            toml::from_str(attribution).map_err(|e| LexiconError::new("attribution.toml", e))?;
        let ff: FacetsFile = toml::from_str(facets).map_err(|e| LexiconError::new("facets.toml", e))?;
        let ef: EventsFile = toml::from_str(events).map_err(|e| LexiconError::new("events.toml", e))?;
        let mut source_names = PhraseSet::new();
        let mut contextual = PhraseSet::new();
        let mut hosts = HashMap::new();
        let mut by_key = HashMap::new();
        for (i, s) in sf.source.iter().enumerate() {
            for a in s.aliases.iter().chain(std::iter::once(&s.name)) {
                source_names.add(a, i);
                by_key.insert(key(a), i);
            }
            for a in &s.contextual {
                contextual.add(a, i);
            }
            for h in &s.hosts {
                hosts.insert(h.to_ascii_lowercase(), i);
            }
        }
        let mut verbs = PhraseSet::new();
        for v in &af.verb {
            let stance = match v.stance.as_str() {
                "deny" => VerbStance::Deny,
                "circulate" => VerbStance::Circulate,
                _ => VerbStance::Assert,
            };
            for f in verb_forms(v) {
                verbs.add_without_article(
                    &f,
                    Verb {
                        stance,
                        participle: false,
                        cites_from: v.cites_from,
                    },
                );
            }
            for f in &v.participles {
                verbs.add_without_article(
                    f,
                    Verb {
                        stance,
                        participle: true,
                        cites_from: false,
                    },
                );
            }
        }
        let set = |list: &[String]| {
            let mut p = PhraseSet::new();
            for w in list {
                p.add(w, ());
            }
            p
        };
        let mut kinds = PhraseSet::new();
        for (k, words) in &af.kinds {
            for w in words {
                kinds.add(w, *k);
            }
        }
        let mut ev = PhraseSet::new();
        let mut ev_after = PhraseSet::new();
        let mut event_names = Vec::new();
        for (i, e) in ff.event.iter().enumerate() {
            event_names.push(e.name.clone());
            for c in &e.cues {
                ev.add(c, i as u16);
            }
            for c in &e.after_only {
                ev_after.add(c, i as u16);
            }
        }
        let mut who = PhraseSet::new();
        let mut who_names = Vec::new();
        for (i, w) in ff.who.iter().enumerate() {
            who_names.push(w.name.clone());
            for x in &w.words {
                who.add(x, i as u16);
            }
        }
        let mut units = PhraseSet::new();
        for w in &ff.units.days.words {
            units.add(w, Unit::Days(ff.units.days.factor));
        }
        for w in &ff.units.weeks.words {
            units.add(w, Unit::Days(ff.units.weeks.factor));
        }
        for w in &ff.units.hours.words {
            units.add(w, Unit::Hours);
        }
        for w in &ff.units.never {
            units.add(w, Unit::Never);
        }
        let mut facets = Vec::new();
        for f in &ff.facet {
            let e = event_names.iter().position(|n| *n == f.event).ok_or_else(|| {
                LexiconError::new("facets.toml", format!("facet {}: no event {}", f.name, f.event))
            })?;
            let w = if f.who == "*" {
                None
            } else {
                Some(who_names.iter().position(|n| *n == f.who).ok_or_else(|| {
                    LexiconError::new("facets.toml", format!("facet {}: no who {}", f.name, f.who))
                })? as u16)
            };
            facets.push((f.name.clone(), e as u16, w));
        }
        let mut event_cues = PhraseSet::new();
        for (i, e) in ef.event.iter().enumerate() {
            for c in &e.cues {
                event_cues.add(c, i);
            }
        }
        let mut lex = ClaimsLexicon {
            sources: sf.source.into_iter().map(SourceEntry::keyed).collect(),
            source_names,
            contextual,
            hosts,
            by_key,
            verbs,
            prepositions: set(&af.prepositions),
            anonymous: set(&af.anonymous),
            stops: set(&af.subject_stops),
            adjectives: set(&af.adjectives),
            unnamed_after: set(&af.unnamed_after),
            // Negations take only و / ف in front (كما is "as", not ك + ما).
            negation: {
                let mut p = PhraseSet::new();
                for w in &af.negation {
                    p.add_without_article(w, ());
                }
                p
            },
            none_words: set(&af.none_words),
            titles: set(&af.titles),
            documents: set(&af.documents),
            not_after: set(&af.not_after),
            sections: af.sections.iter().map(|s| key(s)).collect(),
            issue_words: af.issue_words.iter().map(|s| key(s)).collect(),
            title_links: set(&af.title_links),
            attempt: set(&ff.attempt),
            things: ff.things.clone(),
            people_words: set(&ff.people_words),
            prison_facets: ff.prison_facets.clone(),
            prison_words: set(&ff.prison_words),
            kinds,
            events: ev,
            events_after: ev_after,
            event_names,
            who,
            who_names,
            units,
            never_after: set(&ff.units.never_after),
            duration_after: set(&ff.units.duration_after),
            facets,
            known_events: ef.event,
            event_cues,
            targets: set(&ef.targets),
            cumulative: ff.cumulative.clone(),
            target_stops: set(&ef.target_stops),
            first_forms: Default::default(),
        };
        lex.first_forms = lex.all_first_forms();
        Ok(lex)
    }

    /// Gives each table consulted per token a bit and maps every form that
    /// starts a phrase to the bits of its tables.
    fn all_first_forms(&mut self) -> rustc_hash::FxHashMap<Box<str>, u32> {
        let mut all: rustc_hash::FxHashMap<Box<str>, u32> = rustc_hash::FxHashMap::default();
        // One bit per table, in this order (at most 32 tables).
        let mut next = 1u32;
        let mut add = |set: &mut dyn crate::phrase::Tagged| {
            set.set_bit(next);
            for f in set.forms() {
                *all.entry(Box::from(f)).or_default() |= next;
            }
            next <<= 1;
        };
        add(&mut self.source_names);
        add(&mut self.contextual);
        add(&mut self.verbs);
        add(&mut self.prepositions);
        add(&mut self.anonymous);
        add(&mut self.stops);
        add(&mut self.adjectives);
        add(&mut self.unnamed_after);
        add(&mut self.negation);
        add(&mut self.none_words);
        add(&mut self.titles);
        add(&mut self.title_links);
        add(&mut self.documents);
        add(&mut self.not_after);
        add(&mut self.attempt);
        add(&mut self.people_words);
        add(&mut self.prison_words);
        add(&mut self.kinds);
        add(&mut self.events);
        add(&mut self.events_after);
        add(&mut self.who);
        add(&mut self.units);
        add(&mut self.never_after);
        add(&mut self.duration_after);
        add(&mut self.event_cues);
        all
    }

    /// The vocabulary shipped with isnad.
    pub fn builtin() -> Self {
        match ClaimsLexicon::parse(
            DEFAULT_SOURCES,
            DEFAULT_ATTRIBUTION,
            DEFAULT_FACETS,
            DEFAULT_EVENTS,
        ) {
            Ok(l) => l,
            Err(e) => panic!("the built-in claims vocabulary does not load: {e}"),
        }
    }

    /// The ids of the known sources `text` names, by any alias, each once,
    /// in order of first mention.
    pub fn sources_named(&self, text: &str) -> Vec<&str> {
        let n = Normalized::new(text);
        let toks = tokenize(n.as_str());
        self.sources_named_of(text, &n, &toks)
    }

    /// As [`ClaimsLexicon::sources_named`], for a text already normalised
    /// (`n`, made from `text`) and tokenised (`toks`, of `n`'s key).
    pub fn sources_named_of(&self, text: &str, n: &Normalized, toks: &[Token]) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (_, id) in self.source_spans_of(text, n, toks) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    /// Every place `text` names a known source, by any alias: the byte
    /// range in `text` and the source's id, in order.
    pub fn source_spans(&self, text: &str) -> Vec<(std::ops::Range<usize>, &str)> {
        let n = Normalized::new(text);
        let toks = tokenize(n.as_str());
        self.source_spans_of(text, &n, &toks)
    }

    /// As [`ClaimsLexicon::source_spans`], for a text already normalised
    /// and tokenised (see [`ClaimsLexicon::sources_named_of`]).
    pub fn source_spans_of(
        &self,
        text: &str,
        n: &Normalized,
        toks: &[Token],
    ) -> Vec<(std::ops::Range<usize>, &str)> {
        let k = n.as_str();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let found = self
                .source_names
                .at(k, toks, i)
                .filter(|f| !f.acronym || !text[n.to_input(toks[i].range())].chars().any(char::is_lowercase));
            match found {
                Some(f) => {
                    let id = self.sources[*f.value].id.as_str();
                    let r = toks[i].start as usize + f.prefix..toks[f.end - 1].end as usize;
                    out.push((n.to_input(r), id));
                    i = f.end;
                }
                None => i += 1,
            }
        }
        out
    }

    /// What `text` is about when no known event names it: the name most
    /// often next to a target word (`targets` in events.toml), as a match
    /// key without its article, e.g. "كوبر" for سجن كوبر, "kuje" for Kuje
    /// prison. English names count only when capitalised in `text`.
    pub fn target(&self, text: &str) -> Option<String> {
        self.target_except(text, &|_| false)
    }

    /// [`Self::target`], with words `skip` refuses never a name (numbers).
    pub fn target_except(&self, text: &str, skip: &dyn Fn(&str) -> bool) -> Option<String> {
        let n = Normalized::new(text);
        let toks = tokenize(n.as_str());
        self.target_except_of(text, &n, &toks, skip)
    }

    /// As [`ClaimsLexicon::target_except`], for a text already normalised
    /// and tokenised (see [`ClaimsLexicon::sources_named_of`]).
    pub fn target_except_of(
        &self,
        text: &str,
        n: &Normalized,
        toks: &[Token],
        skip: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        let k = n.as_str();
        let word = |i: usize| toks.get(i).filter(|t| t.kind == TokenKind::Word);
        let name = |i: usize| -> Option<String> {
            let t = word(i)?;
            if self.target_stops.starts_at(k, toks, i) || self.targets.starts_at(k, toks, i) {
                return None;
            }
            let w = t.text(k);
            // A word with a clitic and the article (والتعذيب، للنازحين) is no name.
            if skip(w) || ["وال", "فال", "بال", "لل"].iter().any(|p| w.starts_with(p)) {
                return None;
            }
            let w = w
                .strip_prefix("ال")
                .filter(|r| r.chars().count() >= 2)
                .unwrap_or(w);
            (w.chars().count() >= 3).then(|| w.to_string())
        };
        let mut counts: Vec<(String, usize)> = Vec::new();
        for i in 0..toks.len() {
            let Some(f) = self.targets.at(k, toks, i) else {
                continue;
            };
            let t = &toks[i];
            if t.text(k).starts_with('ب') && f.prefix > 0 {
                continue;
            }
            let found = if Lang::of_word(t.text(k)) == Lang::English {
                // English: the capitalised word before.
                i.checked_sub(1).and_then(|j| {
                    let p = word(j)?;
                    let orig = &text[n.to_input(p.range())];
                    orig.starts_with(|c: char| c.is_uppercase())
                        .then(|| name(j))
                        .flatten()
                })
            } else {
                name(f.end)
            };
            if let Some(w) = found {
                match counts.iter_mut().find(|(n, _)| *n == w) {
                    Some((_, c)) => *c += 1,
                    None => counts.push((w, 1)),
                }
            }
        }
        let best = counts.iter().map(|(_, c)| *c).max()?;
        counts.into_iter().find(|(_, c)| *c == best).map(|(w, _)| w)
    }

    /// The facets of the schema, in the order facets.toml gives them.
    pub fn facet_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (f, _, _) in &self.facets {
            if !out.contains(&f.as_str()) {
                out.push(f);
            }
        }
        out
    }

    /// True when `right`, the part of a masthead line after its separator,
    /// is a section name ("World") or an issue number ("Issue 88").
    pub(crate) fn is_masthead_right(&self, right: &str) -> bool {
        let k = key(right.trim());
        if self.sections.contains(&k) {
            return true;
        }
        let mut words = k.split_whitespace();
        words
            .next()
            .is_some_and(|w| self.issue_words.iter().any(|i| i == w))
            && words
                .next()
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            && words.next().is_none()
    }

    /// Facets whose figure grows as the days go on (tolls, arrests,
    /// durations): a later, larger figure differs in scope, not in fact.
    pub fn cumulative_facets(&self) -> &[String] {
        &self.cumulative
    }

    /// The known events.
    pub fn events(&self) -> &[KnownEvent] {
        &self.known_events
    }

    /// The known source whose alias is exactly `name` (any spelling).
    pub fn source_by_name(&self, name: &str) -> Option<&SourceEntry> {
        self.by_key.get(&key(name.trim())).map(|&i| &self.sources[i])
    }

    /// The known outlet publishing on `host` (www. and subdomains tried).
    pub fn source_by_host(&self, host: &str) -> Option<&SourceEntry> {
        let mut h = host.to_ascii_lowercase();
        loop {
            if let Some(&i) = self.hosts.get(&h) {
                return Some(&self.sources[i]);
            }
            match h.find('.') {
                Some(p) if h[p + 1..].contains('.') => h = h[p + 1..].to_string(),
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_first_form_carries_the_bit_of_each_table_it_starts_a_phrase_of() {
        use crate::phrase::Tagged;
        let l = ClaimsLexicon::builtin();
        let tables: [&dyn Tagged; 5] = [&l.source_names, &l.verbs, &l.kinds, &l.who, &l.event_cues];
        let mut seen = 0u32;
        for t in tables {
            let bit = t.bit();
            assert_eq!(bit.count_ones(), 1, "a table without its own bit");
            assert_eq!(seen & bit, 0, "two tables share a bit");
            seen |= bit;
            for f in t.forms() {
                assert_ne!(l.first_forms.get(f).copied().unwrap_or(0) & bit, 0, "{f}");
            }
        }
        // A word that starts no phrase is in no table.
        assert_eq!(l.first_forms.get("xyzzy"), None);
    }

    #[test]
    fn the_shipped_vocabulary_loads_and_knows_hosts() {
        let l = ClaimsLexicon::builtin();
        let by_host = [
            ("sarabic.ae", "sputnik-arabic"),
            ("www.enabbaladi.net", "enab-baladi"),
        ];
        for (host, id) in by_host {
            assert_eq!(l.source_by_host(host).map(|s| s.id.as_str()), Some(id), "{host}");
        }
        let by_name = [
            ("قوات سوريا الديموقراطية", "sdf"),
            ("النهار العربي", "annahar-al-arabi"),
        ];
        for (name, id) in by_name {
            assert_eq!(l.source_by_name(name).map(|s| s.id.as_str()), Some(id), "{name}");
        }
    }

    #[test]
    fn a_report_without_a_known_event_is_about_the_name_beside_its_target_word() {
        let x = crate::Extractor::builtin();
        let cases: &[(&str, Option<&str>)] = &[
            ("هاجم مسلحون سجن كوبر ليلا وفر عشرات من سجن كوبر", Some("كوبر")),
            ("Gunmen stormed Kuje prison on Tuesday.", Some("kuje")),
            ("وعاد الهدوء إلى مخيم الزعتري", Some("زعتري")),
            ("حكم عليه بالسجن لمدة خمس سنوات", None),
            ("قضى في السجن خمس سنوات", None),
            ("the prison was quiet", None),
            ("مخيم للنازحين في الشمال", None),
        ];
        for (text, want) in cases {
            assert_eq!(x.target(text).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn sources_are_named_by_any_alias_in_either_language() {
        let l = ClaimsLexicon::builtin();
        assert_eq!(l.sources_named("قالت قسد إن المرصد السوري أخطأ"), ["sdf", "sohr"]);
        assert_eq!(l.sources_named("The Syrian Democratic Forces said"), ["sdf"]);
        assert!(l.sources_named("لا أحد").is_empty());
    }
}
