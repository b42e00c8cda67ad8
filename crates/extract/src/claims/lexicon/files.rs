//! The four vocabulary files as they are written: what serde reads, before
//! the loader compiles it (see [`super::ClaimsLexicon::parse`]).

use crate::claims::lang::Lang;
use crate::claims::model::SourceKind;
use isnad_text::normalize::key;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::collections::HashMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SourcesFile {
    pub(super) source: Vec<SourceEntry>,
}

/// A known source.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceEntry {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// outlet, organisation, armed_group, government, person.
    pub kind: SourceKind,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    #[serde(default)]
    pub(super) contextual: Vec<String>,
    #[serde(default)]
    pub(super) hosts: Vec<String>,
    /// The side it speaks for: security, insurgent, civilian or neutral
    /// (the default); checked at load ([`super::Roles::side_of`]).
    #[serde(default)]
    pub(super) side: Option<String>,
    /// The match key of the name, and the words of the aliases' keys
    /// without the article (made once, at load: see [`SourceEntry::keyed`]).
    #[serde(skip)]
    pub(super) name_key: String,
    #[serde(skip)]
    pub(super) alias_words: Vec<String>,
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
    pub(super) fn keyed(mut self) -> SourceEntry {
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
#[serde(deny_unknown_fields)]
pub(super) struct AttributionFile {
    pub(super) verb: Vec<VerbEntry>,
    pub(super) prepositions: Vec<String>,
    pub(super) anonymous: Vec<String>,
    pub(super) subject_stops: Vec<String>,
    pub(super) adjectives: Vec<String>,
    pub(super) unnamed_after: Vec<String>,
    #[serde(default)]
    pub(super) time_adverbs: Vec<String>,
    #[serde(default)]
    pub(super) headline_labels: Vec<String>,
    #[serde(default)]
    pub(super) clause_contrast: Vec<String>,
    pub(super) negation: Vec<String>,
    pub(super) none_words: Vec<String>,
    #[serde(default)]
    pub(super) zero_results: Vec<String>,
    #[serde(default)]
    pub(super) zero_purpose: Vec<String>,
    #[serde(default)]
    pub(super) item_markers: Vec<String>,
    #[serde(default)]
    pub(super) contrast: Vec<String>,
    #[serde(default)]
    pub(super) false_words: Vec<String>,
    #[serde(default)]
    pub(super) retracting: Vec<String>,
    pub(super) titles: Vec<String>,
    pub(super) title_links: Vec<String>,
    pub(super) documents: Vec<String>,
    pub(super) sections: Vec<String>,
    #[serde(default)]
    pub(super) issue_words: Vec<String>,
    pub(super) not_after: Vec<String>,
    #[serde(default)]
    pub(super) trailing: Vec<String>,
    #[serde(default)]
    pub(super) same: Vec<String>,
    #[serde(default)]
    pub(super) anaphoric: Vec<String>,
    #[serde(default)]
    pub(super) not_speakers: Vec<String>,
    pub(super) kinds: HashMap<SourceKind, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct VerbEntry {
    pub(super) past: String,
    pub(super) present: String,
    #[serde(default)]
    pub(super) other: Vec<String>,
    #[serde(default)]
    pub(super) participles: Vec<String>,
    /// Whether its past takes object pronouns (أكده); false where the form
    /// would read as a noun (تابعه / تابعة).
    #[serde(default = "yes")]
    pub(super) object: bool,
    /// The source it learned from follows من as well as عن (علم المرصد من
    /// مصادر موثوقة).
    #[serde(default)]
    pub(super) cites_from: bool,
    #[serde(default)]
    pub(super) stance: VerbStance,
}

fn yes() -> bool {
    true
}

/// What a reporting verb does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerbStance {
    /// The speaker asserts what follows.
    #[default]
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
#[serde(deny_unknown_fields)]
pub(super) struct FacetsFile {
    pub(super) attempt: Vec<String>,
    /// The largest value a claim may have (see [`super::ClaimsLexicon::plausible`]).
    #[serde(default = "default_max_value")]
    pub(super) max_value: f64,
    #[serde(default)]
    pub(super) cumulative: Vec<String>,
    #[serde(default)]
    pub(super) things: Vec<String>,
    #[serde(default)]
    pub(super) people_words: Vec<String>,
    #[serde(default)]
    pub(super) thing_nouns: Vec<String>,
    #[serde(default)]
    pub(super) any_forces: Vec<String>,
    #[serde(default)]
    pub(super) circumstance: Vec<String>,
    #[serde(default)]
    pub(super) attacks: Vec<String>,
    #[serde(default)]
    pub(super) repels: Vec<String>,
    #[serde(default)]
    pub(super) nation: Vec<WhoEntry>,
    #[serde(default)]
    pub(super) also: Vec<String>,
    #[serde(default)]
    pub(super) adverbs: Vec<String>,
    #[serde(default)]
    pub(super) including: Vec<String>,
    #[serde(default)]
    pub(super) martyrs: Vec<String>,
    #[serde(default)]
    pub(super) dwell: Vec<String>,
    #[serde(default)]
    pub(super) exchange: Vec<String>,
    #[serde(default)]
    pub(super) left_behind: Vec<String>,
    #[serde(default)]
    pub(super) retreat: Vec<String>,
    #[serde(default)]
    pub(super) prison_facets: Vec<String>,
    #[serde(default)]
    pub(super) prison_words: Vec<String>,
    pub(super) event: Vec<EventCue>,
    pub(super) who: Vec<WhoEntry>,
    pub(super) units: Units,
    pub(super) facet: Vec<FacetRow>,
    /// The facets' display names, read by the engine's labels: named here
    /// so that a misspelt key is refused.
    #[serde(default, rename = "label")]
    _label: IgnoredAny,
}

/// The cap of a file that sets none: a billion (more than any toll, any
/// displacement, any force deployed).
fn default_max_value() -> f64 {
    1e9
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventCue {
    pub(super) name: String,
    pub(super) cues: Vec<String>,
    #[serde(default)]
    pub(super) after_only: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WhoEntry {
    pub(super) name: String,
    pub(super) words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Units {
    pub(super) days: UnitEntry,
    pub(super) weeks: UnitEntry,
    pub(super) hours: UnitEntry,
    pub(super) never: Vec<String>,
    pub(super) never_after: Vec<String>,
    #[serde(default)]
    pub(super) day_after: Vec<String>,
    #[serde(default)]
    pub(super) labels: Vec<String>,
    #[serde(default)]
    pub(super) duration_after: Vec<String>,
    #[serde(default)]
    pub(super) terms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct UnitEntry {
    pub(super) words: Vec<String>,
    pub(super) factor: f64,
    /// The facet a count of it is, with a duration cue.
    pub(super) facet: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FacetRow {
    pub(super) name: String,
    pub(super) event: String,
    pub(super) who: String,
    /// The row holds only in a report that speaks of a prison.
    #[serde(default)]
    pub(super) prison: bool,
}

/// A unit a number counts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// A span of time: with a duration cue, a count of it is the facet
    /// `lex.durations[facet]`, its value times `factor` (weeks in days).
    Duration {
        /// Its index in the duration facets.
        facet: u8,
        /// What a count of it is multiplied by.
        factor: f64,
    },
    /// Never a claim (distances, money, years, ...).
    Never,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EventsFile {
    #[serde(default)]
    pub(super) targets: Vec<String>,
    #[serde(default)]
    pub(super) target_stops: Vec<String>,
    pub(super) event: Vec<KnownEvent>,
}

/// A known event.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownEvent {
    /// Its id, a claim's `subject`.
    pub id: String,
    /// Its name.
    pub name: String,
    #[serde(default)]
    pub(super) cues: Vec<String>,
}

/// Refuses a file where two entries share an id: the second would never be
/// found, or would shadow the first.
pub(super) fn unique_ids<'a>(
    file: &str,
    what: &str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<(), crate::numbers::LexiconError> {
    let mut seen = std::collections::HashSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(crate::numbers::LexiconError::new(
                file,
                format!("{what} id {id:?} is defined twice"),
            ));
        }
    }
    Ok(())
}

pub(super) fn verb_forms(v: &VerbEntry) -> Vec<String> {
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
            // نفى → نفت، نفوا; with an object pronoun نفته، نفاه، نفوها.
            out.push(format!("{stem}ت"));
            out.push(format!("{stem}وا"));
            if v.object {
                for s in ["ته", "تها", "اه", "اها", "وه", "وها"] {
                    out.push(format!("{stem}{s}"));
                }
            }
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlacesFile {
    pub(super) place: Vec<PlaceEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlaceEntry {
    pub(super) id: String,
    pub(super) kind: String,
    pub(super) names: Vec<String>,
    // Read by the about rules or kept for people: named here so that a
    // misspelt key is refused.
    #[serde(default, rename = "name")]
    _name: IgnoredAny,
    #[serde(default, rename = "country")]
    _country: IgnoredAny,
    #[serde(default, rename = "region")]
    _region: IgnoredAny,
    #[serde(default, rename = "from")]
    _from: IgnoredAny,
    #[serde(default, rename = "population")]
    _population: IgnoredAny,
}

/// What a place is, to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    /// A country: its name may stand for its government ("Turkey said").
    Country,
    /// A region or a city: never a source.
    Local,
}

#[cfg(test)]
mod tests {
    use super::unique_ids;

    #[test]
    fn an_id_defined_twice_is_refused_by_name() {
        // (ids, the id refused)
        let rows: &[(&[&str], Option<&str>)] = &[
            (&[], None),
            (&["sohr", "sana"], None),
            (&["sohr", "sana", "sohr"], Some("\"sohr\"")),
        ];
        for (ids, refused) in rows {
            let got = unique_ids("sources.toml", "source", ids.iter().copied()).err();
            assert_eq!(got.is_some(), refused.is_some(), "{ids:?}");
            if let (Some(e), Some(id)) = (got, refused) {
                assert!(e.to_string().contains(id), "{e}");
            }
        }
    }
}
