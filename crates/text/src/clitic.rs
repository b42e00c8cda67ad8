//! Light clitic segmentation of Arabic words, for lexicon matching.
//!
//! In: one normalised word (a token of the match key). Out: the readings of
//! it as proclitics + stem + enclitic, most literal first, so that a lexicon
//! entry matches its inflected forms: بالمعتقلين → ب + ال + معتقلين,
//! لمقاتليه → ل + مقاتلي + ه (and the construct form مقاتلي restored to
//! مقاتلين), وسيخرج → و + س + يخرج.
//!
//! It is deliberately light: no morphological analyser, only the proclitics
//! و ف ب ل ك ال لل س and the pronoun suffixes ه ها هم هن هما كم كن نا ي ك,
//! as [`crate::morphology::CLITIC_RULES`] and
//! [`crate::morphology::CLITIC_SUFFIXES`] have them. A stem must keep at
//! least two letters. Over-segmentation is harmless here because a reading
//! only counts when the lexicon knows its stem.
//!
//! [`CliticMap`] is a lexicon keyed by stems that looks a word up through
//! these readings.

use crate::morphology;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The proclitic sequences, shortest first, without the empty one.
static PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v = morphology::CLITIC.longest_first();
    v.reverse();
    v
});
/// The pronoun suffixes, longest first.
static SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| morphology::CLITIC_SUFFIXES.longest_first());
const MIN_STEM_CHARS: usize = 2;

/// One reading of a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading<'a> {
    /// The proclitics, as one string (`وبال`), possibly empty.
    pub prefix: &'a str,
    /// The stem, with a construct ending restored where the suffix asks it.
    pub stem: Cow<'a, str>,
    /// The enclitic pronoun, possibly empty.
    pub suffix: &'a str,
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

/// The prefix splits of `word`, most literal (no prefix) first. Two
/// sequences of one length cannot both start a word, so shortest first is
/// one order.
fn prefix_splits(word: &str) -> Vec<(&str, &str)> {
    let mut out = vec![("", word)];
    for p in PREFIXES.iter() {
        if let Some(stem) = word.strip_prefix(p)
            && chars(stem) >= MIN_STEM_CHARS
        {
            out.push((&word[..p.len()], stem));
        }
    }
    out
}

/// All readings of `word`, most literal first: the whole word, then prefix
/// splits, then prefix and suffix splits (with the construct state restored:
/// a stem ending in ي or و before a suffix also reads with ن, and one ending
/// in ت reads with ه, the folded taa marbuta).
pub fn readings(word: &str) -> Vec<Reading<'_>> {
    let mut out = Vec::new();
    for (prefix, stem) in prefix_splits(word) {
        out.push(Reading {
            prefix,
            stem: Cow::Borrowed(stem),
            suffix: "",
        });
    }
    for (prefix, rest) in prefix_splits(word) {
        for suf in SUFFIXES.iter().copied() {
            if let Some(stem) = rest.strip_suffix(suf) {
                if chars(stem) < MIN_STEM_CHARS {
                    continue;
                }
                out.push(Reading {
                    prefix,
                    stem: Cow::Borrowed(stem),
                    suffix: suf,
                });
                if stem.ends_with('ي') || stem.ends_with('و') {
                    out.push(Reading {
                        prefix,
                        stem: Cow::Owned(format!("{stem}ن")),
                        suffix: suf,
                    });
                }
                if let Some(base) = stem.strip_suffix('ت') {
                    out.push(Reading {
                        prefix,
                        stem: Cow::Owned(format!("{base}ه")),
                        suffix: suf,
                    });
                }
            }
        }
    }
    out
}

/// A lexicon of stems, looked up through clitic readings.
#[derive(Debug, Clone)]
pub struct CliticMap<V> {
    entries: HashMap<String, V>,
}

impl<V> Default for CliticMap<V> {
    fn default() -> Self {
        CliticMap {
            entries: HashMap::new(),
        }
    }
}

impl<V> CliticMap<V> {
    /// An empty lexicon.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an entry under the match key of `stem`.
    pub fn insert(&mut self, stem: &str, value: V) {
        self.entries.insert(crate::normalize::key(stem), value);
    }

    /// Looks `word` (already a match key) up: the first reading whose stem
    /// is an entry.
    pub fn get<'w>(&self, word: &'w str) -> Option<(&V, Reading<'w>)> {
        if let Some(v) = self.entries.get(word) {
            return Some((
                v,
                Reading {
                    prefix: "",
                    stem: Cow::Borrowed(word),
                    suffix: "",
                },
            ));
        }
        readings(word)
            .into_iter()
            .skip(1)
            .find_map(|r| self.entries.get(r.stem.as_ref()).map(|v| (v, r)))
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::key;

    fn lex() -> CliticMap<&'static str> {
        let mut m = CliticMap::new();
        for w in [
            "معتقلين",
            "مقاتلين",
            "سجين",
            "سجناء",
            "قسد",
            "هجوم",
            "خرج",
            "يخرج",
            "مدينة",
        ] {
            m.insert(w, w);
        }
        m
    }

    macro_rules! t {
        ($name:ident, $word:expr, $stem:expr, $prefix:expr, $suffix:expr) => {
            #[test]
            fn $name() {
                let m = lex();
                let w = key($word);
                let (v, r) = m.get(&w).unwrap_or_else(|| panic!("{} not found", $word));
                assert_eq!(key(v), key($stem));
                assert_eq!((r.prefix, r.suffix), ($prefix, $suffix));
            }
        };
    }

    t!(bare_word, "سجين", "سجين", "", "");
    t!(preposition_and_article, "بالمعتقلين", "معتقلين", "بال", "");
    t!(lam_with_elided_alef, "للسجناء", "سجناء", "لل", "");
    t!(construct_state_before_a_pronoun, "لمقاتليه", "مقاتلين", "ل", "ه");
    t!(conjunction_with_preposition, "ولقسد", "قسد", "ول", "");
    t!(future_prefix_on_a_verb, "وسيخرج", "يخرج", "وس", "");
    t!(taa_marbuta_before_a_pronoun, "مدينتها", "مدينة", "", "ها");
    t!(plain_pronoun_suffix, "هجومهم", "هجوم", "", "هم");

    /// The reader as it was before it took its affixes from
    /// [`crate::morphology`]: it walked the word, conjunction, then
    /// preposition (or لل), then article.
    fn old_readings(word: &str) -> Vec<Reading<'_>> {
        const CONJ: &[&str] = &["و", "ف"];
        const PREP: &[&str] = &["ب", "ل", "ك", "س"];
        const SUFFIXES: &[&str] = &["هما", "كما", "هم", "هن", "كم", "كن", "نا", "ها", "ه", "ي", "ك"];
        fn splits(word: &str) -> Vec<(&str, &str)> {
            let mut out = vec![("", word)];
            let mut starts = vec![0usize];
            for c in CONJ {
                if word.starts_with(c) {
                    starts.push(c.len());
                }
            }
            let mut with_prep = Vec::new();
            for &s in &starts {
                let rest = &word[s..];
                for p in PREP {
                    if rest.starts_with(p) {
                        with_prep.push(s + p.len());
                    }
                }
                if rest.starts_with("لل") {
                    with_prep.push(s + "لل".len());
                }
            }
            starts.extend(with_prep);
            let mut with_art = Vec::new();
            for &s in &starts {
                if word[s..].starts_with("ال") {
                    with_art.push(s + "ال".len());
                }
            }
            starts.extend(with_art);
            starts.sort_unstable();
            starts.dedup();
            for s in starts.into_iter().skip(1) {
                let stem = &word[s..];
                if chars(stem) >= MIN_STEM_CHARS {
                    out.push((&word[..s], stem));
                }
            }
            out
        }
        let mut out = Vec::new();
        for (prefix, stem) in splits(word) {
            out.push(Reading {
                prefix,
                stem: Cow::Borrowed(stem),
                suffix: "",
            });
        }
        for (prefix, rest) in splits(word) {
            for suf in SUFFIXES {
                if let Some(stem) = rest.strip_suffix(suf) {
                    if chars(stem) < MIN_STEM_CHARS {
                        continue;
                    }
                    out.push(Reading {
                        prefix,
                        stem: Cow::Borrowed(stem),
                        suffix: suf,
                    });
                    if stem.ends_with('ي') || stem.ends_with('و') {
                        out.push(Reading {
                            prefix,
                            stem: Cow::Owned(format!("{stem}ن")),
                            suffix: suf,
                        });
                    }
                    if let Some(base) = stem.strip_suffix('ت') {
                        out.push(Reading {
                            prefix,
                            stem: Cow::Owned(format!("{base}ه")),
                            suffix: suf,
                        });
                    }
                }
            }
        }
        out
    }

    proptest::proptest! {
        /// The shared inventory reads every word as the old walk did.
        #[test]
        fn readings_are_those_of_the_old_walk(w in "[والفبكلسمنهتياكد]{0,9}") {
            proptest::prop_assert_eq!(readings(&w), old_readings(&w));
        }
    }

    #[test]
    fn readings_of_clitic_heavy_words_are_those_of_the_old_walk() {
        for w in [
            "وبالمعتقلين",
            "فللسجناء",
            "وللالتزام",
            "لالتزامهما",
            "وسيخرجون",
            "كالمدينتين",
            "سالم",
        ] {
            assert_eq!(readings(w), old_readings(w), "{w}");
        }
    }

    #[test]
    fn short_stems_are_not_read() {
        let rs = readings("بل");
        assert_eq!(rs.len(), 1, "{rs:?}");
    }

    #[test]
    fn unknown_words_are_not_found() {
        assert!(lex().get(&key("بالسيارة")).is_none());
    }
}
