//! The compiled vocabulary of the number recogniser.
//!
//! `data/numbers.toml` and `data/counted.toml` are read into one hash map
//! from word forms (match keys, with every allowed proclitic already
//! attached) to what the form can be: a cardinal atom, a fraction, an
//! ordinal, the start of a phrase (a hedge, a vague quantity, a cue), the
//! dual of a counted noun. The recogniser then pays one lookup per word.
//!
//! The proclitics are [`morphology::NUMBER_RULES`]': و ف ب ل and their
//! pairs, not ك (كمية, quantity, would read as ك + مئة once hamza seats
//! are folded), and the article only on forms marked definite. The words
//! of a phrase after its first are matched by the text layer's phrase
//! matcher ([`Phrases`]); this map is the index of their first words.

use isnad_text::morphology;
use isnad_text::normalize::key;
use isnad_text::phrase::Phrases;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::Arc;

/// The number vocabulary shipped with isnad.
pub const DEFAULT_NUMBERS: &str = include_str!("../../data/numbers.toml");
/// The counted nouns shipped with isnad.
pub const DEFAULT_COUNTED: &str = include_str!("../../data/counted.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersFile {
    cardinal: Vec<CardinalEntry>,
    fraction: Vec<FractionEntry>,
    ordinal: Vec<OrdinalEntry>,
    hedge: Vec<HedgeEntry>,
    vague: Vec<VagueEntry>,
    cues: Cues,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardinalEntry {
    role: Role,
    value: f64,
    #[serde(default)]
    plural: bool,
    #[serde(default)]
    dual: bool,
    #[serde(default)]
    scale: Option<f64>,
    #[serde(default)]
    construct: bool,
    #[serde(default)]
    ambiguous: bool,
    forms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FractionEntry {
    denominator: f64,
    #[serde(default = "one")]
    numerator: f64,
    #[serde(default)]
    plural: bool,
    #[serde(default)]
    ambiguous: bool,
    #[serde(default)]
    fallback: bool,
    #[serde(default)]
    compound_only: bool,
    #[serde(default)]
    after_number: bool,
    forms: Vec<String>,
}

fn one() -> f64 {
    1.0
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OrdinalEntry {
    value: f64,
    #[serde(default)]
    teen_head: bool,
    forms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HedgeEntry {
    qualifier: Qualifier,
    #[serde(default)]
    before: Vec<String>,
    #[serde(default)]
    after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VagueEntry {
    gloss: String,
    band: [f64; 2],
    #[serde(default)]
    definite: bool,
    forms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cues {
    year_before: Vec<String>,
    year_after: Vec<String>,
    phone_before: Vec<String>,
    time_before: Vec<String>,
    time_after: Vec<String>,
    percent_after: Vec<String>,
    percent_before: Vec<String>,
    range_to: Vec<String>,
    range_open: Vec<String>,
    negative: Vec<String>,
    one_is_a_pronoun_after: Vec<String>,
    over: Vec<String>,
    part: Vec<String>,
    of: Vec<String>,
    point: Vec<String>,
    #[serde(default)]
    one_unit: Vec<String>,
    #[serde(default)]
    one_unit_after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountedFile {
    noun: Vec<NounEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NounEntry {
    singular: String,
    #[serde(default)]
    plurals: Vec<String>,
    /// Its English gloss, for people reading the file: named here so that
    /// a misspelt key is refused.
    #[serde(default, rename = "en")]
    _en: serde::de::IgnoredAny,
}

/// The role of a cardinal word in a compound number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// صفر
    Zero,
    /// 1–9
    Unit,
    /// A unit form used only before عشر (أحد عشر).
    TeenHead,
    /// عشر / عشرة: 10, and the second word of the teens.
    Ten,
    /// 20–90
    Tens,
    /// مئة: 100, multiplying a unit before it.
    Hundred,
    /// 200–900
    Hundreds,
    /// ألف, مليون, …
    Scale,
    /// دزينة
    Dozen,
}

/// How a quantity is qualified: the claim model's.
pub use isnad_model::Qualifier;

/// A cardinal word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cardinal {
    pub role: Role,
    pub value: f64,
    pub plural: bool,
    pub dual: bool,
    /// For a scale word, the scale it counts in: its value, or less for a
    /// multiple written as one word (ألفان, خمستلاف: 1000).
    pub scale: f64,
    /// A number only before a scale (ميت ألف).
    pub construct: bool,
    /// Also a common word: not read right after another number.
    pub ambiguous: bool,
}

impl Cardinal {
    /// A scale word that is a multiple of its scale (ألفان, خمستلاف).
    pub fn is_multiple(&self) -> bool {
        self.role == Role::Scale && self.scale != self.value
    }
}

/// A fraction word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fraction {
    pub numerator: f64,
    pub denominator: f64,
    pub plural: bool,
    pub ambiguous: bool,
    /// Read only where the cardinal written alike cannot be (خمسين: two
    /// fifths where fifty cannot follow, مئة وثلاثون وخمسين).
    pub fallback: bool,
    /// Read only as the last word of a compound ordinal (twenty-first).
    pub compound_only: bool,
    /// Read only after a number and و (مليون ونص); elsewhere another word
    /// (نص: a text; المادة 5 نص على: article 5 stipulated).
    pub after_number: bool,
}

/// What a phrase signals.
#[derive(Debug, Clone, PartialEq)]
pub enum Cue {
    HedgeBefore(Qualifier),
    HedgeAfter(Qualifier),
    Vague(Arc<str>, [f64; 2]),
    YearBefore,
    YearAfter,
    PhoneBefore,
    TimeBefore,
    TimeAfter,
    PercentAfter,
    PercentBefore,
    RangeTo,
    RangeOpen,
    Negative,
    Over,
    Part,
    Of,
    Point,
    Dual,
    OnePronoun,
    OneUnit,
    OneUnitAfter,
}

/// Everything one word form can be.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    /// Bytes of proclitic at the front of the form.
    pub prefix: u8,
    /// The proclitic starts with the conjunction و.
    pub conj: bool,
    /// The proclitic holds the article.
    pub definite: bool,
    /// Bytes of the article at the end of the proclitic (ال, or the ل of لل).
    pub article: u8,
    pub cardinal: Option<Cardinal>,
    pub fraction: Option<Fraction>,
    pub ordinal: Option<(f64, bool)>,
    /// Phrases whose first word is this form.
    pub phrases: Vec<u32>,
    /// The form is a time unit that can stand for one of it
    /// ([`Cue::OneUnit`]): known without walking `phrases`.
    pub unit: bool,
}

/// The compiled vocabulary.
#[derive(Debug, Clone)]
pub struct Lexicon {
    pub(crate) words: FxHashMap<Box<str>, WordInfo>,
    /// The phrases, by the numbers in [`WordInfo::phrases`].
    pub(crate) phrases: Phrases<Cue>,
}

/// Why a vocabulary file could not be loaded.
#[derive(Debug, thiserror::Error)]
#[error("{file}: {reason}")]
pub struct LexiconError {
    file: String,
    reason: String,
}

impl LexiconError {
    pub(crate) fn new(file: &str, reason: impl ToString) -> Self {
        LexiconError {
            file: file.to_string(),
            reason: reason.to_string(),
        }
    }

    /// The file's name (`facets.toml`).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// What is wrong in it.
    pub fn reason(&self) -> &str {
        &self.reason
    }
}

impl Lexicon {
    /// Compiles the vocabulary from the two files' contents.
    pub fn parse(numbers: &str, counted: &str) -> Result<Lexicon, LexiconError> {
        let nf: NumbersFile = toml::from_str(numbers).map_err(|e| LexiconError::new("numbers.toml", e))?;
        let cf: CountedFile = toml::from_str(counted).map_err(|e| LexiconError::new("counted.toml", e))?;
        let mut lex = Lexicon {
            words: FxHashMap::default(),
            phrases: Phrases::new(),
        };
        for c in &nf.cardinal {
            for f in &c.forms {
                let card = Cardinal {
                    role: c.role,
                    value: c.value,
                    plural: c.plural,
                    dual: c.dual,
                    scale: c.scale.unwrap_or(if c.dual { c.value / 2.0 } else { c.value }),
                    construct: c.construct,
                    ambiguous: c.ambiguous,
                };
                lex.add_word(f, true, |w| w.cardinal = Some(card));
            }
        }
        for fr in &nf.fraction {
            let frac = Fraction {
                numerator: fr.numerator,
                denominator: fr.denominator,
                plural: fr.plural,
                ambiguous: fr.ambiguous,
                fallback: fr.fallback,
                compound_only: fr.compound_only,
                after_number: fr.after_number,
            };
            for f in &fr.forms {
                lex.add_word(f, false, |w| w.fraction = Some(frac));
            }
        }
        for o in &nf.ordinal {
            for f in &o.forms {
                let v = (o.value, o.teen_head);
                lex.add_word(f, false, |w| w.ordinal = Some(v));
            }
        }
        for h in &nf.hedge {
            for p in &h.before {
                lex.add_phrase(p, Cue::HedgeBefore(h.qualifier), false);
            }
            for p in &h.after {
                lex.add_phrase(p, Cue::HedgeAfter(h.qualifier), false);
            }
        }
        for v in &nf.vague {
            let gloss: Arc<str> = Arc::from(v.gloss.as_str());
            for p in &v.forms {
                lex.add_phrase(p, Cue::Vague(gloss.clone(), v.band), v.definite);
            }
        }
        let c = &nf.cues;
        let lists: [(&Vec<String>, Cue); 17] = [
            (&c.one_is_a_pronoun_after, Cue::OnePronoun),
            (&c.year_before, Cue::YearBefore),
            (&c.year_after, Cue::YearAfter),
            (&c.phone_before, Cue::PhoneBefore),
            (&c.time_before, Cue::TimeBefore),
            (&c.time_after, Cue::TimeAfter),
            (&c.percent_after, Cue::PercentAfter),
            (&c.percent_before, Cue::PercentBefore),
            (&c.range_to, Cue::RangeTo),
            (&c.range_open, Cue::RangeOpen),
            (&c.negative, Cue::Negative),
            (&c.over, Cue::Over),
            (&c.part, Cue::Part),
            (&c.of, Cue::Of),
            (&c.point, Cue::Point),
            (&c.one_unit, Cue::OneUnit),
            (&c.one_unit_after, Cue::OneUnitAfter),
        ];
        for (list, cue) in lists {
            for p in list {
                lex.add_phrase(p, cue.clone(), false);
            }
        }
        for n in &cf.noun {
            let s = key(&n.singular);
            let stem = s.strip_suffix('ه').map(|b| format!("{b}ت")).unwrap_or(s.clone());
            let plurals: Vec<String> = n.plurals.iter().map(|p| key(p)).collect();
            lex.add_phrase(&format!("{stem}ان"), Cue::Dual, true);
            let yn = format!("{stem}ين");
            if !plurals.contains(&yn) {
                lex.add_phrase(&yn, Cue::Dual, true);
            }
        }
        Ok(lex)
    }

    /// The vocabulary shipped with isnad.
    pub fn builtin() -> Lexicon {
        match Lexicon::parse(DEFAULT_NUMBERS, DEFAULT_COUNTED) {
            Ok(l) => l,
            // The shipped files are tested; this cannot happen in a release.
            Err(e) => panic!("the built-in number vocabulary does not load: {e}"),
        }
    }

    fn add_word(&mut self, form: &str, definite: bool, set: impl Fn(&mut WordInfo)) {
        let k = key(form);
        if k.is_empty() || k.contains(' ') {
            return;
        }
        let latin = k.is_ascii();
        for p in morphology::NUMBERS.iter() {
            if (p.is_definite() && !definite) || (latin && !p.text().is_empty()) {
                continue;
            }
            let form = [p.text(), k.as_str()].concat();
            let entry = self.words.entry(form.into_boxed_str()).or_default();
            let plen = p.text().len() as u8;
            if entry.cardinal.is_none()
                && entry.fraction.is_none()
                && entry.ordinal.is_none()
                && entry.phrases.is_empty()
            {
                entry.prefix = plen;
                entry.conj = p.conjunction() == Some('و');
                entry.definite = p.is_definite();
                entry.article = p.article() as u8;
            } else if entry.prefix != plen {
                // The same letters read two ways; keep the more literal reading.
                if plen > entry.prefix {
                    continue;
                }
                *entry = WordInfo {
                    prefix: plen,
                    conj: p.conjunction() == Some('و'),
                    definite: p.is_definite(),
                    article: p.article() as u8,
                    ..WordInfo::default()
                };
            }
            set(entry);
        }
    }

    fn add_phrase(&mut self, phrase: &str, cue: Cue, definite: bool) {
        let k = key(phrase);
        let mut words = k.split_whitespace();
        let Some(first) = words.next() else { return };
        let rest: Vec<Box<str>> = words.map(Box::from).collect();
        let unit = cue == Cue::OneUnit;
        let id = self.phrases.push(rest, cue, false);
        let first = first.to_string();
        self.add_word(&first, definite, |w| {
            if !w.phrases.contains(&id) {
                w.phrases.push(id);
            }
            w.unit |= unit;
        });
    }

    /// What a word form can be.
    #[inline]
    pub fn word(&self, form: &str) -> Option<&WordInfo> {
        self.words.get(form)
    }

    /// The cue of phrase `id` (one of the numbers in `WordInfo::phrases`).
    #[inline]
    pub fn cue(&self, id: u32) -> &Cue {
        &self.phrases[id]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_vocabulary_loads() {
        let l = Lexicon::builtin();
        let w = l.word(&key("وعشرون")).unwrap();
        assert_eq!(w.prefix as usize, "و".len());
        assert!(w.conj);
        assert_eq!(w.cardinal.unwrap().value, 20.0);
        let w = l.word(&key("بالمئات")).unwrap();
        assert!(w.definite);
        assert!(!w.phrases.is_empty());
        assert!(l.word(&key("قتيلان")).is_some());
        // The sound plural is not read as a dual.
        assert!(
            l.word(&key("مقاتلين"))
                .is_none_or(|w| w.phrases.iter().all(|&p| *l.cue(p) != Cue::Dual))
        );
    }

    #[test]
    fn a_broken_file_names_itself() {
        let e = Lexicon::parse("cardinal = 3", DEFAULT_COUNTED).unwrap_err();
        assert!(e.to_string().starts_with("numbers.toml: "));
    }
}
