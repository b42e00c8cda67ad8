//! Phrase tables: multi-word entries matched over tokens, their first word
//! in every clitic form.
//!
//! In: phrases of one or more words, each with a value. Out: at a token, the
//! longest phrase that starts there. The first word of a phrase matches with
//! the proclitics و ف ب ل ك (and their pairs), with or without the article
//! ال, and (for one-word Arabic phrases) with a pronoun suffix; the other
//! words match their keys exactly. One hash lookup per token.

use isnad_text::{Token, TokenKind, normalize::key};
use rustc_hash::FxHashMap;

const PROCLITICS: &[&str] = &["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل"];
const ARTICLE: &[&str] = &[
    "ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل",
];
const SUFFIXES: &[&str] = &["ه", "ها", "هم", "هن", "ا", "اه", "وا", "ت"];

/// A phrase table.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    first: FxHashMap<Box<str>, Vec<(u32, u8)>>,
    phrases: Vec<(Vec<Box<str>>, T)>,
    /// Phrases written as a short capital acronym (IS, UN): they match only
    /// text in capitals, which the caller checks ([`Found::acronym`]).
    acronyms: Vec<bool>,
    /// The table's bit in a vocabulary of several tables (0: none), with
    /// which a caller that has looked a token up once in all of them knows
    /// whether to look in this one ([`Tagged::bit`]).
    bit: u32,
}

/// A phrase table of any value type, as a vocabulary of several tables
/// sees it.
pub(crate) trait Tagged {
    /// Gives the table its bit.
    fn set_bit(&mut self, bit: u32);
    /// The table's bit in its vocabulary (0 when it has none): a token
    /// whose looked-up bits lack it starts no phrase here.
    fn bit(&self) -> u32;
    /// Every form a phrase's first word can take.
    fn forms(&self) -> Vec<&str>;
}

impl<T> Tagged for PhraseSet<T> {
    fn set_bit(&mut self, bit: u32) {
        self.bit = bit;
    }

    #[inline]
    fn bit(&self) -> u32 {
        self.bit
    }

    fn forms(&self) -> Vec<&str> {
        self.first.keys().map(|k| k.as_ref()).collect()
    }
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            first: FxHashMap::default(),
            phrases: Vec::new(),
            acronyms: Vec::new(),
            bit: 0,
        }
    }
}

/// A phrase found at a token.
#[derive(Debug)]
pub struct Found<'a, T> {
    /// Its value.
    pub value: &'a T,
    /// The token after it.
    pub end: usize,
    /// Bytes of proclitic before its first word.
    pub prefix: usize,
    /// The phrase is a short capital acronym: it stands only where the
    /// text is in capitals too ("IS", not "is").
    pub acronym: bool,
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

impl<T> PhraseSet<T> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase (any spelling; it is normalised). Its first word also
    /// matches with the article.
    pub fn add(&mut self, phrase: &str, value: T) {
        self.add_forms(phrase, value, true);
    }

    /// Adds a phrase whose first word never takes the article nor a pronoun
    /// suffix (a verb form, listed with its suffixes where it takes them).
    pub fn add_without_article(&mut self, phrase: &str, value: T) {
        self.add_forms(phrase, value, false);
    }

    fn add_forms(&mut self, phrase: &str, value: T, article: bool) {
        let suffixes = article;
        // A hyphen joins words as a space does ("Kurdish-led forces"): the
        // text's hyphen is skipped when matching.
        let k = key(phrase).replace('-', " ");
        let words: Vec<&str> = k.split_whitespace().collect();
        let Some((&first, rest)) = words.split_first() else {
            return;
        };
        let id = self.phrases.len() as u32;
        self.phrases
            .push((rest.iter().map(|w| Box::from(*w)).collect(), value));
        let trimmed = phrase.trim();
        self.acronyms
            .push((2..=5).contains(&trimmed.len()) && trimmed.chars().all(|c| c.is_ascii_uppercase()));
        let arabic = is_arabic(first);
        let mut forms: Vec<(String, u8)> = Vec::new();
        if arabic {
            // A verb takes only the conjunctions و and ف in front.
            let proclitics: &[&str] = if article { PROCLITICS } else { &["", "و", "ف"] };
            let with_article: &[&str] = if article { ARTICLE } else { &[] };
            for p in proclitics.iter().chain(with_article) {
                let base = if ARTICLE.contains(p) {
                    first.strip_prefix("ال").unwrap_or(first)
                } else {
                    first
                };
                if ARTICLE.contains(p) && first.starts_with("ال") && !p.ends_with("ال") && !p.ends_with("لل")
                {
                    continue;
                }
                let plen = if ARTICLE.contains(p) {
                    p.len()
                        - if p.ends_with("لل") {
                            "ل".len()
                        } else {
                            "ال".len()
                        }
                } else {
                    p.len()
                };
                let form = [*p, base].concat();
                if rest.is_empty() && suffixes {
                    for s in SUFFIXES {
                        forms.push(([form.as_str(), s].concat(), plen as u8));
                    }
                }
                forms.push((form, plen as u8));
            }
        } else {
            forms.push((first.to_string(), 0));
        }
        for (f, plen) in forms {
            let e = self.first.entry(f.into_boxed_str()).or_default();
            if !e.iter().any(|&(i, _)| i == id) {
                e.push((id, plen));
            }
        }
    }

    /// The longest phrase starting at token `i`.
    pub fn at(&self, key: &str, toks: &[Token], i: usize) -> Option<Found<'_, T>> {
        let t = toks.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let cands = self.first.get(t.text(key))?;
        let mut best: Option<Found<'_, T>> = None;
        for &(id, plen) in cands {
            let (rest, value) = &self.phrases[id as usize];
            let mut end = i + 1;
            let ok = rest.iter().all(|w| {
                if toks
                    .get(end)
                    .is_some_and(|t| t.kind == TokenKind::Punct && !t.space_before && t.text(key) == "-")
                {
                    end += 1;
                }
                let hit = toks
                    .get(end)
                    .is_some_and(|t| t.kind == TokenKind::Word && t.text(key) == w.as_ref());
                end += 1;
                hit
            });
            if ok && best.as_ref().is_none_or(|b| end > b.end) {
                best = Some(Found {
                    value,
                    end,
                    prefix: plen as usize,
                    acronym: self.acronyms.get(id as usize).copied().unwrap_or(false),
                });
            }
        }
        best
    }

    /// True when a phrase starts at token `i`.
    pub fn starts_at(&self, key: &str, toks: &[Token], i: usize) -> bool {
        self.at(key, toks, i).is_some()
    }

    /// The number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when the table is empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::token::tokenize;

    #[test]
    fn first_words_match_in_their_clitic_forms_and_the_longest_wins() {
        let mut p = PhraseSet::new();
        p.add("قتل", 1);
        p.add("لقي حتفه", 2);
        p.add("المرصد السوري", 3);
        p.add("مرصد", 4);
        let k = key("وقتلهم ولقي حتفه بالمرصد السوري للمرصد");
        let t = tokenize(&k);
        assert_eq!(
            p.at(&k, &t, 0).map(|f| (*f.value, f.prefix)),
            Some((1, "و".len()))
        );
        assert_eq!(p.at(&k, &t, 1).map(|f| (*f.value, f.end)), Some((2, 3)));
        let f = p.at(&k, &t, 3).unwrap();
        assert_eq!((*f.value, f.end, f.prefix), (3, 5, "ب".len()));
        let f = p.at(&k, &t, 5).unwrap();
        assert_eq!((*f.value, f.prefix), (4, "ل".len()));
    }
}
