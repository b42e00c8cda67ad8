//! The claims vocabulary: sources, attribution, facets and events, from
//! `data/sources.toml`, `data/attribution.toml`, `data/facets.toml` and
//! `data/events.toml`.
//!
//! In: the four files' text. Out: a [`ClaimsLexicon`], every entry
//! normalised so that it matches every spelling, every table a
//! [`PhraseSet`]. Refused, with the file and the entry named: a file that
//! does not parse, a source whose kind or side is unknown, a verb whose
//! stance is unknown, a facet row naming an event or a people-word that is
//! not defined, a list naming a facet no row defines, and a facets.toml
//! without the events, people-words and facets the rules rely on
//! ([`Roles`]).

mod files;
mod names;
mod roles;
mod target;

pub use files::{KnownEvent, PlaceKind, SourceEntry, Unit, Verb, VerbStance};
pub use names::SourceNames;
pub(crate) use roles::Roles;

use super::model::SourceKind;
use crate::numbers::LexiconError;
use crate::numbers::Value;
use crate::phrase::PhraseSet;
use files::{AttributionFile, EventsFile, FacetsFile, PlacesFile, SourcesFile, WhoEntry, verb_forms};
use isnad_text::normalize::key;
use isnad_text::token::tokenize;
use isnad_text::{Normalized, Token};
use std::collections::HashMap;

/// The files shipped with isnad.
pub const DEFAULT_SOURCES: &str = include_str!("../../../data/sources.toml");
/// See [`DEFAULT_SOURCES`].
pub const DEFAULT_ATTRIBUTION: &str = include_str!("../../../data/attribution.toml");
/// See [`DEFAULT_SOURCES`].
pub const DEFAULT_FACETS: &str = include_str!("../../../data/facets.toml");
/// See [`DEFAULT_SOURCES`].
pub const DEFAULT_EVENTS: &str = include_str!("../../../data/events.toml");
/// See [`DEFAULT_SOURCES`].
pub const DEFAULT_PLACES: &str = include_str!("../../../data/places.toml");

/// The text of each file of the claims vocabulary.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    /// `sources.toml`.
    pub sources: &'a str,
    /// `attribution.toml`.
    pub attribution: &'a str,
    /// `facets.toml`.
    pub facets: &'a str,
    /// `events.toml`.
    pub events: &'a str,
    /// `places.toml`.
    pub places: &'a str,
}

impl Files<'static> {
    /// The files shipped with isnad.
    pub fn builtin() -> Self {
        Files {
            sources: DEFAULT_SOURCES,
            attribution: DEFAULT_ATTRIBUTION,
            facets: DEFAULT_FACETS,
            events: DEFAULT_EVENTS,
            places: DEFAULT_PLACES,
        }
    }
}

/// The compiled claims vocabulary.
#[derive(Debug, Clone)]
pub struct ClaimsLexicon {
    pub(crate) sources: Vec<SourceEntry>,
    pub(crate) source_names: PhraseSet<usize>,
    pub(crate) contextual: PhraseSet<usize>,
    pub(crate) hosts: HashMap<String, usize>,
    /// The side each gazetteer source speaks for, as a people-word of
    /// facets.toml (`side` in sources.toml), by its index.
    pub(crate) sides: Vec<Option<u16>>,
    pub(crate) by_key: HashMap<String, usize>,
    pub(crate) verbs: PhraseSet<Verb>,
    pub(crate) prepositions: PhraseSet<()>,
    pub(crate) anonymous: PhraseSet<()>,
    pub(crate) stops: PhraseSet<()>,
    pub(crate) adjectives: PhraseSet<()>,
    pub(crate) unnamed_after: PhraseSet<()>,
    /// Times that stand between a verb and its subject (أعلنت أمس
    /// الشرطة): skipped, never a source.
    pub(crate) time_adverbs: PhraseSet<()>,
    /// Labels a headline opens with before a colon ("ANALYSIS: …",
    /// "عاجل: …"): no speaker.
    pub(crate) headline_labels: PhraseSet<()>,
    /// Arabic words of contrast (غير أن، لكن): a citation after one covers
    /// its own clause only.
    pub(crate) clause_contrast: PhraseSet<()>,
    pub(crate) negation: PhraseSet<()>,
    /// Words of a result that, negated before an event noun, claim zero.
    pub(crate) zero_results: PhraseSet<()>,
    /// Words of purpose that make such a negation an aim (للحيلولة دون).
    pub(crate) zero_purpose: PhraseSet<()>,
    /// The markers of a statement's items (أولا، ثانيا).
    pub(crate) item_markers: PhraseSet<()>,
    pub(crate) none_words: PhraseSet<()>,
    /// Words that set a figure against the speaker's own (not, لا).
    pub(crate) contrast: PhraseSet<()>,
    /// Words that call a figure false (fabricated, خيالي).
    pub(crate) false_words: PhraseSet<()>,
    /// Heads of a relative clause that takes back what came before (وهو
    /// أمر نفته, "a claim X denied").
    pub(crate) retracting: PhraseSet<()>,
    pub(crate) titles: PhraseSet<()>,
    pub(crate) documents: PhraseSet<()>,
    pub(crate) not_after: PhraseSet<()>,
    /// Particles that make the reporting verb after them trail (كما أعلنت).
    pub(crate) trailing: PhraseSet<()>,
    /// "The same" after an unnamed source (المصدر ذاته).
    pub(crate) same: PhraseSet<()>,
    /// Unnamed sources whose definite form refers back (المصدر).
    pub(crate) anaphoric: PhraseSet<()>,
    /// Nouns of events and evidence, which never speak.
    pub(crate) not_speakers: PhraseSet<()>,
    pub(crate) sections: Vec<String>,
    pub(crate) issue_words: Vec<String>,
    pub(crate) title_links: PhraseSet<()>,
    pub(crate) attempt: PhraseSet<()>,
    pub(crate) things: Vec<String>,
    pub(crate) people_words: PhraseSet<()>,
    /// Nouns that never count people (cities, vehicles, families).
    pub(crate) thing_nouns: PhraseSet<()>,
    /// Security who-words that name any side's forces (قوات, forces).
    pub(crate) any_forces: PhraseSet<()>,
    /// Prepositions opening a circumstance after a count's noun (في, in).
    pub(crate) circumstance: PhraseSet<()>,
    /// Words of attacking and of repelling an attack, which give a nation
    /// named beside them its side (an Iranian offensive).
    pub(crate) attacks: PhraseSet<()>,
    pub(crate) repels: PhraseSet<()>,
    /// Nations by their names, people and capitals, by index.
    pub(crate) nations: PhraseSet<u16>,
    /// Connectors that add a count to the list before it (إضافة إلى).
    pub(crate) also: PhraseSet<()>,
    /// Adverbs after a count that are not what it counts (حاليا, يوميا).
    pub(crate) adverbs: PhraseSet<()>,
    /// Words opening a list between commas inside a noun phrase (including).
    pub(crate) including: PhraseSet<()>,
    /// Words for the dead honoured as martyrs: never the attackers.
    pub(crate) martyrs: PhraseSet<()>,
    /// Verbs of dwelling: a count they govern is a population.
    pub(crate) dwell: PhraseSet<()>,
    /// Words before a count demanded in exchange.
    pub(crate) exchange: PhraseSet<()>,
    /// A word of leaving before a count, and the retreat of its side.
    pub(crate) left_behind: PhraseSet<()>,
    pub(crate) retreat: PhraseSet<()>,
    pub(crate) prison_words: PhraseSet<()>,
    pub(crate) kinds: PhraseSet<SourceKind>,
    pub(crate) events: PhraseSet<u16>,
    pub(crate) events_after: PhraseSet<u16>,
    pub(crate) who: PhraseSet<u16>,
    pub(crate) units: PhraseSet<Unit>,
    /// The facets of durations, by [`Unit::Duration`]'s index.
    pub(crate) durations: Vec<String>,
    pub(crate) never_after: PhraseSet<()>,
    /// Month names: a number right after one is a day.
    pub(crate) day_after: PhraseSet<()>,
    /// Words naming a unit, law or article by the number after them.
    pub(crate) labels: PhraseSet<()>,
    pub(crate) duration_after: PhraseSet<()>,
    /// Words of a sentence or a detention whose length a duration cue
    /// after them measures (سجنه لمدة, "jailed for"): no duration of the
    /// event.
    pub(crate) terms: PhraseSet<()>,
    pub(crate) facets: Vec<Facet>,
    /// The largest value a claim may have (`max_value` in facets.toml).
    pub(crate) max_value: f64,
    /// The names of facets.toml the rules rely on, resolved at load.
    pub(crate) roles: Roles,
    pub(crate) known_events: Vec<KnownEvent>,
    pub(crate) event_cues: PhraseSet<usize>,
    pub(crate) targets: PhraseSet<()>,
    pub(crate) cumulative: Vec<String>,
    pub(crate) target_stops: PhraseSet<()>,
    /// Places, by their names: whether each is a country (a country speaks
    /// for its government; a city or region never speaks).
    pub(crate) places: Places,
    /// Every word form that starts some phrase of this vocabulary, with
    /// the bits of the tables it starts a phrase of ([`crate::phrase::Tagged::bit`]): a
    /// token is looked up once, and only in the tables its bits name. An
    /// [`crate::Extractor`] moves them into its own vocabulary.
    pub(crate) first_forms: rustc_hash::FxHashMap<Box<str>, u64>,
}

/// Places by the key of each of their names (words joined by one space).
/// Looked up only for a name a rule has already found, so it is a plain
/// map: no token is tagged with it, and loading stays cheap for the
/// thousands of names of the gazetteer.
#[derive(Debug, Clone, Default)]
pub(crate) struct Places {
    by_key: rustc_hash::FxHashMap<Box<str>, PlaceKind>,
}

impl Places {
    fn add(&mut self, name: &str, kind: PlaceKind) {
        let k = key(name).replace('-', " ");
        let k = k.split_whitespace().collect::<Vec<_>>().join(" ");
        if !k.is_empty() {
            self.by_key.insert(k.into_boxed_str(), kind);
        }
    }

    /// The kind of the place the key words `words` name, with or without
    /// a proclitic and the article on the first (والرقة، بالرقة، لحلب).
    pub(crate) fn kind_of(&self, words: &[&str]) -> Option<PlaceKind> {
        let (first, rest) = words.split_first()?;
        let rest = rest.join(" ");
        let lookup = |w: &str| {
            let k = if rest.is_empty() {
                w.to_string()
            } else {
                [w, " ", &rest].concat()
            };
            self.by_key.get(k.as_str()).copied()
        };
        isnad_text::morphology::PHRASE_NOUNS.iter().find_map(|p| {
            let base = first.strip_prefix(p.text())?;
            if p.is_definite() {
                let article = [isnad_text::morphology::ARTICLE, base].concat();
                lookup(&article).or_else(|| lookup(base))
            } else {
                lookup(base)
            }
        })
    }
}

/// The places table: every name of every place, with its kind.
fn place_table(pf: &PlacesFile) -> Result<Places, LexiconError> {
    let mut t = Places::default();
    for p in &pf.place {
        let kind = match p.kind.as_str() {
            "country" => PlaceKind::Country,
            "region" | "city" => PlaceKind::Local,
            other => {
                return Err(LexiconError::new(
                    "places.toml",
                    format!(
                        "place {}: kind \"{other}\" is not one of country, region, city",
                        p.id
                    ),
                ));
            }
        };
        for n in &p.names {
            t.add(n, kind);
        }
    }
    Ok(t)
}

fn read<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError::new(file, e))
}

/// A phrase table of `list`, each phrase with any proclitic and the article.
fn set(list: &[String]) -> PhraseSet<()> {
    let mut p = PhraseSet::new();
    for w in list {
        p.add(w, ());
    }
    p
}

/// The gazetteer's tables: names and aliases, contextual aliases, hosts,
/// and the exact names by key.
struct SourceTables {
    names: PhraseSet<usize>,
    contextual: PhraseSet<usize>,
    hosts: HashMap<String, usize>,
    by_key: HashMap<String, usize>,
}

fn source_tables(sf: &SourcesFile) -> SourceTables {
    let mut t = SourceTables {
        names: PhraseSet::new(),
        contextual: PhraseSet::new(),
        hosts: HashMap::new(),
        by_key: HashMap::new(),
    };
    for (i, s) in sf.source.iter().enumerate() {
        for a in s.aliases.iter().chain(std::iter::once(&s.name)) {
            t.names.add(a, i);
            t.by_key.insert(key(a), i);
        }
        for a in &s.contextual {
            t.contextual.add(a, i);
        }
        for h in &s.hosts {
            t.hosts.insert(h.to_ascii_lowercase(), i);
        }
    }
    t
}

/// Every form of every reporting verb (participles apart).
fn verb_table(af: &AttributionFile) -> PhraseSet<Verb> {
    let mut verbs = PhraseSet::new();
    for v in &af.verb {
        let finite = Verb {
            stance: v.stance,
            participle: false,
            cites_from: v.cites_from,
        };
        for f in verb_forms(v) {
            verbs.add_without_article(&f, finite);
        }
        let participle = Verb {
            stance: v.stance,
            participle: true,
            cites_from: false,
        };
        for f in &v.participles {
            verbs.add_without_article(f, participle);
        }
    }
    verbs
}

/// A `[[facet]]` row: the facet a number is when the nearest event cue is
/// `event` and it counts `who` (`None`: anyone).
#[derive(Debug, Clone)]
pub(crate) struct Facet {
    /// The facet's name.
    pub(crate) name: String,
    /// The event, by index.
    pub(crate) event: u16,
    /// The people-word, by index, or any.
    pub(crate) who: Option<u16>,
    /// The row holds only in a report that speaks of a prison.
    pub(crate) prison: bool,
}

/// The facet schema's tables: event cues, people-words, units, facet rows.
pub(super) struct FacetTables {
    events: PhraseSet<u16>,
    events_after: PhraseSet<u16>,
    pub(super) event_names: Vec<String>,
    who: PhraseSet<u16>,
    pub(super) who_names: Vec<String>,
    units: PhraseSet<Unit>,
    /// The facets of counts of time units (with a duration cue).
    pub(super) durations: Vec<String>,
    pub(super) facets: Vec<Facet>,
}

/// The nations table: each word of a `[[nation]]` with its index; a name
/// given twice is refused (it could not say which nation it is).
fn nation_table(nations: &[WhoEntry]) -> Result<PhraseSet<u16>, LexiconError> {
    let mut set = PhraseSet::new();
    let mut seen: rustc_hash::FxHashMap<String, &str> = Default::default();
    for (i, n) in nations.iter().enumerate() {
        for w in &n.words {
            if let Some(other) = seen.insert(key(w), &n.name).filter(|o| *o != n.name) {
                return Err(LexiconError::new(
                    "facets.toml",
                    format!("nation {}: \"{w}\" is also a word of nation {other}", n.name),
                ));
            }
            set.add(w, i as u16);
        }
    }
    Ok(set)
}

fn facet_tables(ff: &FacetsFile) -> Result<FacetTables, LexiconError> {
    let mut t = FacetTables {
        events: PhraseSet::new(),
        events_after: PhraseSet::new(),
        event_names: Vec::new(),
        who: PhraseSet::new(),
        who_names: Vec::new(),
        units: PhraseSet::new(),
        durations: Vec::new(),
        facets: Vec::new(),
    };
    for (i, e) in ff.event.iter().enumerate() {
        t.event_names.push(e.name.clone());
        for c in &e.cues {
            t.events.add(c, i as u16);
        }
        for c in &e.after_only {
            t.events_after.add(c, i as u16);
        }
    }
    for (i, w) in ff.who.iter().enumerate() {
        t.who_names.push(w.name.clone());
        for x in &w.words {
            t.who.add(x, i as u16);
        }
    }
    let u = &ff.units;
    for entry in [&u.days, &u.weeks, &u.hours] {
        let facet = match t.durations.iter().position(|f| *f == entry.facet) {
            Some(i) => i,
            None => {
                t.durations.push(entry.facet.clone());
                t.durations.len() - 1
            }
        };
        let unit = Unit::Duration {
            facet: facet as u8,
            factor: entry.factor,
        };
        for w in &entry.words {
            t.units.add(w, unit);
        }
    }
    for w in &u.never {
        t.units.add(w, Unit::Never);
    }
    for f in &ff.facet {
        let e = t.event_names.iter().position(|n| *n == f.event).ok_or_else(|| {
            LexiconError::new(
                "facets.toml",
                format!("facet {}: no [[event]] named \"{}\"", f.name, f.event),
            )
        })?;
        let w = if f.who == "*" {
            None
        } else {
            Some(t.who_names.iter().position(|n| *n == f.who).ok_or_else(|| {
                LexiconError::new(
                    "facets.toml",
                    format!("facet {}: no [[who]] named \"{}\"", f.name, f.who),
                )
            })? as u16)
        };
        t.facets.push(Facet {
            name: f.name.clone(),
            event: e as u16,
            who: w,
            prison: f.prison || ff.prison_facets.contains(&f.name),
        });
    }
    Ok(t)
}

impl ClaimsLexicon {
    /// Compiles the vocabulary from the four files' contents.
    pub fn parse(sources: &str, attribution: &str, facets: &str, events: &str) -> Result<Self, LexiconError> {
        ClaimsLexicon::parse_files(&Files {
            sources,
            attribution,
            facets,
            events,
            places: DEFAULT_PLACES,
        })
    }

    /// Compiles the vocabulary from every file's contents.
    pub fn parse_files(files: &Files) -> Result<Self, LexiconError> {
        let sf: SourcesFile = read("sources.toml", files.sources)?;
        let af: AttributionFile = read("attribution.toml", files.attribution)?;
        let ff: FacetsFile = read("facets.toml", files.facets)?;
        let ef: EventsFile = read("events.toml", files.events)?;
        let pf: PlacesFile = read("places.toml", files.places)?;
        files::unique_ids("sources.toml", "source", sf.source.iter().map(|s| s.id.as_str()))?;
        files::unique_ids("events.toml", "event", ef.event.iter().map(|e| e.id.as_str()))?;
        files::unique_ids("places.toml", "place", pf.place.iter().map(|p| p.id.as_str()))?;
        let places = place_table(&pf)?;
        let src = source_tables(&sf);
        let fac = facet_tables(&ff)?;
        if !(ff.max_value.is_finite() && ff.max_value > 0.0) {
            return Err(LexiconError::new(
                "facets.toml",
                format!("max_value = {}: not a positive finite number", ff.max_value),
            ));
        }
        let roles = Roles::resolve(&ff, &fac)?;
        let sides = sf
            .source
            .iter()
            .map(|s| roles.side_of(s))
            .collect::<Result<Vec<_>, _>>()?;
        let mut kinds = PhraseSet::new();
        let mut kind_words: Vec<_> = af.kinds.iter().collect();
        kind_words.sort_by_key(|(k, _)| **k);
        for (k, words) in kind_words {
            for w in words {
                kinds.add(w, *k);
            }
        }
        let mut event_cues = PhraseSet::new();
        for (i, e) in ef.event.iter().enumerate() {
            for c in &e.cues {
                event_cues.add(c, i);
            }
        }
        // Negations take only و / ف in front (كما is "as", not ك + ما).
        let mut negation = PhraseSet::new();
        for w in &af.negation {
            negation.add_without_article(w, ());
        }
        let mut lex = ClaimsLexicon {
            sources: sf.source.into_iter().map(SourceEntry::keyed).collect(),
            source_names: src.names,
            contextual: src.contextual,
            hosts: src.hosts,
            sides,
            by_key: src.by_key,
            verbs: verb_table(&af),
            prepositions: set(&af.prepositions),
            anonymous: set(&af.anonymous),
            stops: set(&af.subject_stops),
            adjectives: set(&af.adjectives),
            unnamed_after: set(&af.unnamed_after),
            time_adverbs: set(&af.time_adverbs),
            headline_labels: set(&af.headline_labels),
            clause_contrast: set(&af.clause_contrast),
            negation,
            zero_results: set(&af.zero_results),
            zero_purpose: set(&af.zero_purpose),
            item_markers: set(&af.item_markers),
            none_words: set(&af.none_words),
            contrast: set(&af.contrast),
            false_words: set(&af.false_words),
            retracting: set(&af.retracting),
            titles: set(&af.titles),
            documents: set(&af.documents),
            not_after: set(&af.not_after),
            trailing: set(&af.trailing),
            same: set(&af.same),
            anaphoric: set(&af.anaphoric),
            not_speakers: set(&af.not_speakers),
            sections: af.sections.iter().map(|s| key(s)).collect(),
            issue_words: af.issue_words.iter().map(|s| key(s)).collect(),
            title_links: set(&af.title_links),
            attempt: set(&ff.attempt),
            things: ff.things,
            people_words: set(&ff.people_words),
            thing_nouns: set(&ff.thing_nouns),
            any_forces: set(&ff.any_forces),
            circumstance: set(&ff.circumstance),
            attacks: set(&ff.attacks),
            repels: set(&ff.repels),
            nations: nation_table(&ff.nation)?,
            also: set(&ff.also),
            adverbs: set(&ff.adverbs),
            including: set(&ff.including),
            martyrs: set(&ff.martyrs),
            dwell: set(&ff.dwell),
            exchange: set(&ff.exchange),
            left_behind: set(&ff.left_behind),
            retreat: set(&ff.retreat),
            prison_words: set(&ff.prison_words),
            kinds,
            events: fac.events,
            events_after: fac.events_after,
            who: fac.who,
            units: fac.units,
            durations: fac.durations,
            never_after: set(&ff.units.never_after),
            day_after: set(&ff.units.day_after),
            labels: set(&ff.units.labels),
            duration_after: set(&ff.units.duration_after),
            terms: set(&ff.units.terms),
            facets: fac.facets,
            max_value: ff.max_value,
            roles,
            known_events: ef.event,
            event_cues,
            targets: set(&ef.targets),
            cumulative: ff.cumulative,
            target_stops: set(&ef.target_stops),
            places,
            first_forms: Default::default(),
        };
        lex.first_forms = lex.all_first_forms();
        Ok(lex)
    }

    /// Gives each table consulted per token a bit and maps every form that
    /// starts a phrase to the bits of its tables.
    fn all_first_forms(&mut self) -> rustc_hash::FxHashMap<Box<str>, u64> {
        let mut all: rustc_hash::FxHashMap<Box<str>, u64> = rustc_hash::FxHashMap::default();
        // One bit per table, in this order (at most 64 tables: a test holds
        // the count).
        let mut next = 1u64;
        let mut add = |set: &mut dyn crate::phrase::Tagged| {
            // The tables are the code's, not the data's: more than 64 is a
            // programming error, caught by every test that loads a lexicon.
            assert_ne!(next, 0, "more than 64 tables consulted per token");
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
        add(&mut self.time_adverbs);
        add(&mut self.headline_labels);
        add(&mut self.clause_contrast);
        add(&mut self.negation);
        add(&mut self.zero_results);
        add(&mut self.zero_purpose);
        add(&mut self.item_markers);
        add(&mut self.none_words);
        add(&mut self.contrast);
        add(&mut self.false_words);
        add(&mut self.retracting);
        add(&mut self.titles);
        add(&mut self.title_links);
        add(&mut self.documents);
        add(&mut self.not_after);
        add(&mut self.trailing);
        add(&mut self.same);
        add(&mut self.anaphoric);
        add(&mut self.not_speakers);
        add(&mut self.attempt);
        add(&mut self.people_words);
        add(&mut self.thing_nouns);
        add(&mut self.any_forces);
        add(&mut self.circumstance);
        add(&mut self.attacks);
        add(&mut self.repels);
        add(&mut self.nations);
        add(&mut self.also);
        add(&mut self.adverbs);
        add(&mut self.including);
        add(&mut self.martyrs);
        add(&mut self.dwell);
        add(&mut self.exchange);
        add(&mut self.left_behind);
        add(&mut self.retreat);
        add(&mut self.prison_words);
        add(&mut self.kinds);
        add(&mut self.events);
        add(&mut self.events_after);
        add(&mut self.who);
        add(&mut self.units);
        add(&mut self.never_after);
        add(&mut self.day_after);
        add(&mut self.labels);
        add(&mut self.duration_after);
        add(&mut self.terms);
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

    /// The facets of the schema, in the order facets.toml gives them.
    pub fn facet_names(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for f in &self.facets {
            if !out.contains(&f.name.as_str()) {
                out.push(&f.name);
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

    /// True when `value` can be a claim's: finite, not negative, at most
    /// `max_value` (a figure beyond it, or a run of digits too long for a
    /// float, counts no one); a vague value always can.
    pub fn plausible(&self, value: &Value) -> bool {
        let ok = |x: f64| x.is_finite() && (0.0..=self.max_value).contains(&x);
        match *value {
            Value::Number(x) => ok(x),
            Value::Range(a, b) => ok(a) && ok(b),
            Value::None => true,
        }
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

    /// The side (a people-word) of the gazetteer source `id` speaks for.
    pub(crate) fn side_by_id(&self, id: &str) -> Option<u16> {
        let i = self.sources.iter().position(|s| s.id == id)?;
        self.sides[i]
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
    fn places_are_found_with_their_proclitics_and_article() {
        let mut p = Places::default();
        p.add("الرقة", PlaceKind::Local);
        p.add("حلب", PlaceKind::Local);
        p.add("Amman", PlaceKind::Local);
        p.add("ولاية جونقلي", PlaceKind::Local);
        p.add("تركيا", PlaceKind::Country);
        let rows: [(&str, Option<PlaceKind>); 9] = [
            ("الرقه", Some(PlaceKind::Local)),
            ("والرقه", Some(PlaceKind::Local)),
            ("بالرقه", Some(PlaceKind::Local)),
            ("لحلب", Some(PlaceKind::Local)),
            ("amman", Some(PlaceKind::Local)),
            ("وولايه جونقلي", Some(PlaceKind::Local)),
            ("وتركيا", Some(PlaceKind::Country)),
            ("الرقه الشمالي", None),
            ("المرصد", None),
        ];
        for (words, want) in rows {
            let words: Vec<&str> = words.split(' ').collect();
            assert_eq!(p.kind_of(&words), want, "{words:?}");
        }
    }

    #[test]
    fn every_first_form_carries_the_bit_of_each_table_it_starts_a_phrase_of() {
        use crate::phrase::Tagged;
        let l = ClaimsLexicon::builtin();
        // The first tables and the last ones (past 32 bits).
        let tables: [&dyn Tagged; 6] = [
            &l.source_names,
            &l.verbs,
            &l.kinds,
            &l.who,
            &l.event_cues,
            &l.any_forces,
        ];
        let mut seen = 0u64;
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
            ("قوى الأمن الداخلي", "asayish"),
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
        assert_eq!(
            l.sources_named("قالت الأسايش إن المرصد السوري أخطأ"),
            ["asayish", "sohr"]
        );
        assert_eq!(l.sources_named("The Internal Security Forces said"), ["asayish"]);
        assert!(l.sources_named("لا أحد").is_empty());
    }

    /// Each row: the file changed (sources, attribution, facets), the text
    /// replaced in the shipped file, its replacement, and what the one-line
    /// error must say.
    #[test]
    fn data_the_rules_rely_on_is_checked_when_it_loads() {
        let rows: &[(&str, &str, &str, &str)] = &[
            (
                "facets",
                "name = \"security\"",
                "name = \"police\"",
                "facets.toml: facet killed_sdf_or_security: no [[who]] named \"security\"",
            ),
            (
                "facets",
                "name = \"groups\"",
                "name = \"cells\"",
                "facets.toml: no [[who]] named \"groups\"",
            ),
            (
                "facets",
                "name = \"duration\"",
                "name = \"lasting\"",
                "facets.toml: no [[event]] named \"duration\"",
            ),
            (
                "facets",
                "name = \"attackers_count\"",
                "name = \"raiders\"",
                "no [[facet]] named \"attackers_count\"",
            ),
            (
                "facets",
                "things = [\"car_bombs\"",
                "things = [\"car_bomb\"",
                "things names \"car_bomb\", which no [[facet]]",
            ),
            ("facets", ", facet = \"duration_hours\" }", " }", "facets.toml"),
            (
                "facets",
                "\"Chad\", \"Chadian\"",
                "\"Chad\", \"Iranian\"",
                "facets.toml: nation TD: \"Iranian\" is also a word of nation IR",
            ),
            (
                "facets",
                "max_value = 1e9",
                "max_value = -1",
                "facets.toml: max_value = -1: not a positive finite number",
            ),
            (
                "facets",
                "max_value = 1e9",
                "max_value = inf",
                "facets.toml: max_value = inf: not a positive finite number",
            ),
            (
                "sources",
                "side = \"insurgent\"",
                "side = \"insurgents\"",
                "source \"isis\": side \"insurgents\" is not one of",
            ),
            (
                "sources",
                "kind = \"armed_group\"",
                "kind = \"militia\"",
                "sources.toml",
            ),
            (
                "attribution",
                "stance = \"deny\"",
                "stance = \"refute\"",
                "attribution.toml",
            ),
        ];
        for (file, from, to, want) in rows {
            let swap = |name: &str, text: &str| {
                if name == *file {
                    assert!(text.contains(from), "{name} has no {from}");
                    text.replacen(from, to, 1)
                } else {
                    text.to_string()
                }
            };
            let err = ClaimsLexicon::parse(
                &swap("sources", DEFAULT_SOURCES),
                &swap("attribution", DEFAULT_ATTRIBUTION),
                &swap("facets", DEFAULT_FACETS),
                DEFAULT_EVENTS,
            )
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
            assert!(err.contains(want), "{file}: {from} -> {to}: got {err:?}");
        }
    }
}
