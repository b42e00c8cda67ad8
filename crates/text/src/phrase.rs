//! The phrase matcher: multi-word entries matched over tokens.
//!
//! In: phrases of one or more words, each with a value. Out: at a token,
//! the longest phrase that starts there (ties: the one added first). Two
//! layers:
//!
//! - [`Phrases`] holds the words of each phrase after the first, and
//!   matches them: given the phrases whose first word a token is, it finds
//!   the longest whose other words follow, each equal to its token's key.
//!   A table that must find its first words together with other things
//!   (the number vocabulary, the month names) keeps its own index of first
//!   words and uses [`Phrases`] for the rest.
//! - [`PhraseSet`] adds that index: every form of a phrase's first word,
//!   with the proclitics of [`crate::morphology`] (`PHRASE_NOUN_RULES`:
//!   و ف ب ل ك, their pairs, the article; `PHRASE_VERB_RULES` for verbs:
//!   و ف only) and, for a one-word Arabic phrase that takes the article,
//!   the endings of `PHRASE_SUFFIXES`. One hash lookup per token.
//!
//! ```
//! use isnad_text::phrase::PhraseSet;
//! use isnad_text::{normalize::key, token::tokenize};
//! let mut p = PhraseSet::new();
//! p.add("المرصد السوري", 1);
//! let k = key("قال للمرصد السوري");
//! let t = tokenize(&k);
//! let f = p.at(&k, &t, 1).unwrap();
//! assert_eq!((*f.value, f.end, f.prefix), (1, 3, "ل".len()));
//! ```

use crate::morphology;
use crate::normalize::key;
use crate::token::{Token, TokenKind};
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// The endings of a one-word phrase.
static SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| morphology::PHRASE_SUFFIXES.build());

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

/// The phrases of a table: for each, the words after its first, its value,
/// and whether it is an acronym. Phrases are numbered in the order they
/// are added.
#[derive(Debug, Clone)]
pub struct Phrases<T> {
    entries: Vec<(Vec<Box<str>>, T)>,
    /// Phrases written as a short capital acronym (IS, UN): they match only
    /// text in capitals, which the caller checks ([`Found::acronym`]).
    acronyms: Vec<bool>,
    /// A hyphen glued to the word before it is skipped between two words
    /// of a phrase ("Kurdish-led forces").
    hyphens: bool,
}

impl<T> Default for Phrases<T> {
    fn default() -> Self {
        Phrases {
            entries: Vec::new(),
            acronyms: Vec::new(),
            hyphens: false,
        }
    }
}

impl<T> Phrases<T> {
    /// An empty table whose words follow each other as tokens do.
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty table that skips a hyphen glued to the word before it
    /// between two of a phrase's words.
    pub fn joining_hyphens() -> Self {
        Phrases {
            hyphens: true,
            ..Self::default()
        }
    }

    /// Adds a phrase by the words after its first (match keys) and returns
    /// its number.
    pub fn push(&mut self, rest: Vec<Box<str>>, value: T, acronym: bool) -> u32 {
        let id = self.entries.len() as u32;
        self.entries.push((rest, value));
        self.acronyms.push(acronym);
        id
    }

    /// The value of phrase `id`, if there is one.
    pub fn get(&self, id: u32) -> Option<&T> {
        self.entries.get(id as usize).map(|(_, v)| v)
    }

    /// Every phrase: the words after its first, and its value.
    pub fn iter(&self) -> impl Iterator<Item = (&[Box<str>], &T)> {
        self.entries.iter().map(|(r, v)| (r.as_slice(), v))
    }

    /// The number of phrases.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The longest of the candidate phrases whose value passes `pred` and
    /// whose words after the first follow token `i` (which the caller has
    /// found to be their first word). A candidate is a phrase number and
    /// the bytes of proclitic on the first word. Ties: the first candidate.
    #[inline]
    pub fn longest<'s>(
        &'s self,
        candidates: impl IntoIterator<Item = (u32, u8)>,
        key: &str,
        toks: &[Token],
        i: usize,
        pred: impl Fn(&T) -> bool,
    ) -> Option<Found<'s, T>> {
        let mut best: Option<Found<'s, T>> = None;
        for (id, prefix) in candidates {
            let Some((rest, value)) = self.entries.get(id as usize) else {
                continue;
            };
            if !pred(value) {
                continue;
            }
            let mut end = i + 1;
            let ok = rest.iter().all(|w| {
                if self.hyphens
                    && toks
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
                    prefix: prefix as usize,
                    acronym: self.acronyms.get(id as usize).copied().unwrap_or(false),
                });
            }
        }
        best
    }
}

impl<T> std::ops::Index<u32> for Phrases<T> {
    type Output = T;

    /// The value of phrase `id`, a number [`Phrases::push`] returned.
    fn index(&self, id: u32) -> &T {
        &self.entries[id as usize].1
    }
}

/// A phrase table: [`Phrases`] with every form of their first words.
#[derive(Debug, Clone)]
pub struct PhraseSet<T> {
    first: Forms,
    phrases: Phrases<T>,
    /// The table's bit in a vocabulary of several tables (0: none), with
    /// which a caller that has looked a token up once in all of them knows
    /// whether to look in this one ([`Tagged::bit`]).
    bit: u64,
}

impl<T> Default for PhraseSet<T> {
    fn default() -> Self {
        PhraseSet {
            first: Forms::default(),
            phrases: Phrases::joining_hyphens(),
            bit: 0,
        }
    }
}

/// The phrases a first-word form starts, with the bytes of proclitic on
/// it, in the order they were added; most forms start one.
#[derive(Debug, Clone)]
enum Candidates {
    One([(u32, u8); 1]),
    Many(Vec<(u32, u8)>),
}

impl Candidates {
    fn as_slice(&self) -> &[(u32, u8)] {
        match self {
            Candidates::One(c) => c,
            Candidates::Many(v) => v,
        }
    }

    /// Adds phrase `id` unless it is there already.
    fn push(&mut self, id: u32, plen: u8) {
        if self.as_slice().iter().any(|&(i, _)| i == id) {
            return;
        }
        match self {
            Candidates::One([c]) => *self = Candidates::Many(vec![*c, (id, plen)]),
            Candidates::Many(v) => v.push((id, plen)),
        }
    }
}

/// One form in [`Forms`]: its bytes in the arena, and its phrases.
#[derive(Debug, Clone)]
struct Slot {
    /// The form's hash, kept so that growing the table hashes no text.
    hash: u64,
    start: u32,
    len: u32,
    candidates: Candidates,
}

/// Every form of the first words, by text: the texts one after another in
/// one string, so that building a table of a hundred thousand forms (the
/// places, with every proclitic and suffix) allocates per table, not per
/// form (issue 24: start-up).
#[derive(Debug, Clone, Default)]
struct Forms {
    arena: String,
    table: hashbrown::HashTable<Slot>,
}

fn hash(s: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(s)
}

impl Forms {
    fn text(&self, s: &Slot) -> &str {
        self.arena
            .get(s.start as usize..(s.start + s.len) as usize)
            .unwrap_or("")
    }

    /// The bytes of a slot's form (compared as bytes: a `str` range would
    /// check its ends are character boundaries at every look-up).
    fn bytes<'a>(arena: &'a str, s: &Slot) -> &'a [u8] {
        arena
            .as_bytes()
            .get(s.start as usize..(s.start + s.len) as usize)
            .unwrap_or(&[])
    }

    fn get(&self, form: &str) -> Option<&[(u32, u8)]> {
        self.table
            .find(hash(form), |s| Forms::bytes(&self.arena, s) == form.as_bytes())
            .map(|s| s.candidates.as_slice())
    }

    fn add(&mut self, form: &str, id: u32, plen: u8) {
        let h = hash(form);
        let Forms { arena, table } = self;
        if let Some(s) = table.find_mut(h, |s| Forms::bytes(arena, s) == form.as_bytes()) {
            s.candidates.push(id, plen);
            return;
        }
        let slot = Slot {
            hash: h,
            start: arena.len() as u32,
            len: form.len() as u32,
            candidates: Candidates::One([(id, plen)]),
        };
        arena.push_str(form);
        table.insert_unique(h, slot, |s| s.hash);
    }

    fn iter(&self) -> impl Iterator<Item = &str> {
        self.table.iter().map(|s| self.text(s))
    }
}

fn is_arabic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c))
}

/// Calls `f` with every form of a phrase's first word (a match key) and
/// the bytes of proclitic in front of it, in the order they are indexed;
/// `buf` holds each form in turn.
fn each_first_form(
    first: &str,
    one_word: bool,
    article: bool,
    buf: &mut String,
    mut f: impl FnMut(&str, u8),
) {
    if !is_arabic(first) {
        f(first, 0);
        return;
    }
    let proclitics = if article {
        &*morphology::PHRASE_NOUNS
    } else {
        &*morphology::PHRASE_VERBS
    };
    for p in proclitics.iter() {
        // With the article in front, the word is written without its own.
        let base = if p.is_definite() {
            first.strip_prefix(morphology::ARTICLE).unwrap_or(first)
        } else {
            first
        };
        let plen = p.before_article() as u8;
        buf.clear();
        buf.push_str(p.text());
        buf.push_str(base);
        if one_word && article {
            let stem = buf.len();
            for s in SUFFIXES.iter() {
                buf.truncate(stem);
                buf.push_str(s);
                f(buf, plen);
            }
            buf.truncate(stem);
        }
        f(buf, plen);
    }
}

/// A phrase's first word, the words after it, and whether it is an
/// acronym ("SDF"); `None` when it has no word. A hyphen joins words as a
/// space does ("Kurdish-led forces"): the text's hyphen is skipped when
/// matching.
fn split_phrase(phrase: &str) -> Option<(String, Vec<Box<str>>, bool)> {
    let mut k = key(phrase);
    if k.contains('-') {
        k = k.replace('-', " ");
    }
    let mut words = k.split_whitespace();
    let first = words.next()?.to_string();
    let rest = words.map(Box::from).collect();
    let trimmed = phrase.trim();
    let acronym = (2..=5).contains(&trimmed.len()) && trimmed.chars().all(|c| c.is_ascii_uppercase());
    Some((first, rest, acronym))
}

/// Every form of a phrase's first word, as [`each_first_form`] gives them.
#[cfg(test)]
fn first_forms(first: &str, one_word: bool, article: bool) -> Vec<(String, u8)> {
    let mut forms = Vec::new();
    each_first_form(first, one_word, article, &mut String::new(), |f, p| {
        forms.push((f.to_string(), p))
    });
    forms
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
        let Some((first, rest, acronym)) = split_phrase(phrase) else {
            return;
        };
        let one_word = rest.is_empty();
        let id = self.phrases.push(rest, value, acronym);
        let forms = &mut self.first;
        let mut buf = String::new();
        each_first_form(&first, one_word, article, &mut buf, |f, plen| {
            forms.add(f, id, plen)
        });
    }

    /// The longest phrase starting at token `i`.
    pub fn at(&self, key: &str, toks: &[Token], i: usize) -> Option<Found<'_, T>> {
        let t = toks.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let cands = self.first.get(t.text(key))?;
        self.phrases
            .longest(cands.iter().copied(), key, toks, i, |_| true)
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

/// A phrase table as [`PhraseSet`] matches (its phrases added with
/// [`PhraseIndex::add`]: every first word takes the article), which keeps only the first
/// words as written and takes a token's proclitics and suffixes off when
/// it looks up: built at a fraction of the cost (no clitic form is
/// made), each look-up dearer (one hash look-up per way of taking the
/// token apart). For a vocabulary used on short texts only (a search
/// query, the snippets of a page of results: issue 24, start-up). Finds
/// exactly what a [`PhraseSet`] of the same phrases finds (a property
/// test).
#[derive(Debug, Clone)]
pub struct PhraseIndex<T> {
    /// First words (match keys) and the phrases they start, in order.
    first: FxHashMap<Box<str>, Vec<Start>>,
    phrases: Phrases<T>,
}

/// A phrase, as its first word's entry in a [`PhraseIndex`] knows it.
#[derive(Debug, Clone, Copy)]
struct Start {
    id: u32,
    /// The first word takes the suffixes (a one-word phrase that takes
    /// the article).
    suffixes: bool,
    /// The first word is Arabic (else it matches only as written).
    arabic: bool,
}

impl<T> Default for PhraseIndex<T> {
    fn default() -> Self {
        PhraseIndex {
            first: FxHashMap::default(),
            phrases: Phrases::joining_hyphens(),
        }
    }
}

impl<T> PhraseIndex<T> {
    /// An empty table.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a phrase, as [`PhraseSet::add`] does.
    pub fn add(&mut self, phrase: &str, value: T) {
        let Some((first, rest, acronym)) = split_phrase(phrase) else {
            return;
        };
        let start = Start {
            id: 0,
            suffixes: rest.is_empty(),
            arabic: is_arabic(&first),
        };
        let id = self.phrases.push(rest, value, acronym);
        match self.first.get_mut(first.as_str()) {
            Some(v) => v.push(Start { id, ..start }),
            None => {
                self.first
                    .insert(first.into_boxed_str(), vec![Start { id, ..start }]);
            }
        }
    }

    /// The phrases whose first word, in one of its forms, is `word`: each
    /// with the bytes of proclitic of the first form (in [`PhraseSet`]'s
    /// order) that is `word`, by phrase number.
    fn candidates(&self, word: &str) -> Vec<(u32, u8)> {
        let mut out: Vec<(u32, u8)> = Vec::new();
        let mut with_article = String::new();
        let mut add = |starts: Option<&Vec<Start>>, ok: &dyn Fn(&Start) -> bool, plen: u8| {
            for s in starts.into_iter().flatten().filter(|s| ok(s)) {
                // The earliest proclitic wins: PhraseSet indexes the forms
                // proclitic by proclitic and keeps a phrase's first.
                if !out.iter().any(|&(i, _)| i == s.id) {
                    out.push((s.id, plen));
                }
            }
        };
        for p in morphology::PHRASE_NOUNS.iter() {
            let Some(r) = word.strip_prefix(p.text()) else {
                continue;
            };
            let plen = p.before_article() as u8;
            // The bare word (a non-Arabic phrase matches only so), then
            // with each suffix taken off.
            let bare = p.text().is_empty();
            let takes =
                |s: &Start, suffixed: bool| (s.arabic || bare && !suffixed) && (!suffixed || s.suffixes);
            let stems = std::iter::once((r, false)).chain(
                SUFFIXES
                    .iter()
                    .filter_map(|s| r.strip_suffix(s).map(|b| (b, true))),
            );
            for (b, suffixed) in stems {
                if p.is_definite() {
                    with_article.clear();
                    with_article.push_str(morphology::ARTICLE);
                    with_article.push_str(b);
                    add(
                        self.first.get(with_article.as_str()),
                        &|s| takes(s, suffixed),
                        plen,
                    );
                    if !b.starts_with(morphology::ARTICLE) {
                        add(self.first.get(b), &|s| takes(s, suffixed), plen);
                    }
                } else {
                    add(self.first.get(b), &|s| takes(s, suffixed), plen);
                }
            }
        }
        out.sort_unstable_by_key(|&(i, _)| i);
        out
    }

    /// The longest phrase starting at token `i`, as [`PhraseSet::at`].
    pub fn at(&self, key: &str, toks: &[Token], i: usize) -> Option<Found<'_, T>> {
        let t = toks.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let cands = self.candidates(t.text(key));
        if cands.is_empty() {
            return None;
        }
        self.phrases.longest(cands, key, toks, i, |_| true)
    }
}

/// A phrase table of any value type, as a vocabulary of several tables
/// sees it: a caller that looks a token up once in all of them learns
/// which tables to look in.
pub trait Tagged {
    /// Gives the table its bit.
    fn set_bit(&mut self, bit: u64);
    /// The table's bit in its vocabulary (0 when it has none): a token
    /// whose looked-up bits lack it starts no phrase here.
    fn bit(&self) -> u64;
    /// Every form a phrase's first word can take.
    fn forms(&self) -> Vec<&str>;
}

impl<T> Tagged for PhraseSet<T> {
    fn set_bit(&mut self, bit: u64) {
        self.bit = bit;
    }

    #[inline]
    fn bit(&self) -> u64 {
        self.bit
    }

    fn forms(&self) -> Vec<&str> {
        self.first.iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

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

    #[test]
    fn hyphens_join_words_only_where_the_table_says_so() {
        let k = key("Kurdish-led forces");
        let t = tokenize(&k);
        let mut set = PhraseSet::new();
        set.add("Kurdish-led forces", 1);
        assert_eq!(set.at(&k, &t, 0).map(|f| f.end), Some(4));
        let mut plain = Phrases::new();
        let id = plain.push(vec!["led".into(), "forces".into()], 1, false);
        assert!(plain.longest([(id, 0)], &k, &t, 0, |_| true).is_none());
        let k = key("Kurdish led forces");
        let t = tokenize(&k);
        assert_eq!(
            plain.longest([(id, 0)], &k, &t, 0, |_| true).map(|f| f.end),
            Some(3)
        );
    }

    #[test]
    fn verbs_take_only_the_conjunctions() {
        use super::Tagged;
        let mut p = PhraseSet::new();
        p.add_without_article("قال", ());
        let mut forms = p.forms();
        forms.sort_unstable();
        assert_eq!(forms, ["فقال", "قال", "وقال"]);
    }

    /// The forms as the phrase table made them before it took its
    /// affixes from [`morphology`] (issue 17), in their order.
    fn old_first_forms(first: &str, one_word: bool, article: bool) -> Vec<(String, u8)> {
        const PROCLITICS: &[&str] = &["", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل"];
        const ARTICLE: &[&str] = &[
            "ال", "وال", "فال", "بال", "لل", "كال", "وبال", "ولل", "فبال", "فلل",
        ];
        const SUFFIXES: &[&str] = &["ه", "ها", "هم", "هن", "ا", "اه", "وا", "ت"];
        let suffixes = article;
        let mut forms: Vec<(String, u8)> = Vec::new();
        if is_arabic(first) {
            let proclitics: &[&str] = if article { PROCLITICS } else { &["", "و", "ف"] };
            let with_article: &[&str] = if article { ARTICLE } else { &[] };
            for p in proclitics.iter().chain(with_article) {
                let base = if ARTICLE.contains(p) {
                    first.strip_prefix("ال").unwrap_or(first)
                } else {
                    first
                };
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
                if one_word && suffixes {
                    for s in SUFFIXES {
                        forms.push(([form.as_str(), s].concat(), plen as u8));
                    }
                }
                forms.push((form, plen as u8));
            }
        } else {
            forms.push((first.to_string(), 0));
        }
        forms
    }

    /// Phrases of a few words drawn from a small alphabet, so that they
    /// share first words, clitic forms and suffixes.
    fn phrase_tables(phrases: &[String]) -> (PhraseSet<usize>, PhraseIndex<usize>) {
        let mut set = PhraseSet::new();
        let mut index = PhraseIndex::new();
        for (i, p) in phrases.iter().enumerate() {
            set.add(p, i);
            index.add(p, i);
        }
        (set, index)
    }

    #[test]
    fn the_index_finds_what_the_set_finds_on_clitic_forms() {
        let phrases: Vec<String> = [
            "المرصد السوري",
            "مرصد",
            "قتل",
            "القتل",
            "Reuters",
            "IS",
            "لجنة",
            "الجنة",
            "ها",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let (set, index) = phrase_tables(&phrases);
        let k = key("وللمرصد السوري بالقتل قتلهم وقتلوا IS is ولجنتها للجنة الجنة فالها Reuters وReuters");
        let t = tokenize(&k);
        for i in 0..t.len() {
            let a = set.at(&k, &t, i).map(|f| (*f.value, f.end, f.prefix, f.acronym));
            let b = index
                .at(&k, &t, i)
                .map(|f| (*f.value, f.end, f.prefix, f.acronym));
            assert_eq!(a, b, "token {i}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_index_finds_what_the_set_finds(
            phrases in proptest::collection::vec("(ال|و|ل|ب)?[البكلمنهتياو]{1,4}( [لمنه]{1,3})?|[a-c]{1,3}", 1..12),
            text in proptest::collection::vec("(و|ف|ب|ل|ك|وال|لل|بال|ال)?[البكلمنهتياو]{1,5}|[a-c]{1,3}|-", 0..14),
        ) {
            let (set, index) = phrase_tables(&phrases);
            let k = key(&text.join(" "));
            let t = tokenize(&k);
            for i in 0..t.len() {
                let a = set.at(&k, &t, i).map(|f| (*f.value, f.end, f.prefix, f.acronym));
                let b = index.at(&k, &t, i).map(|f| (*f.value, f.end, f.prefix, f.acronym));
                proptest::prop_assert_eq!(a, b, "token {}", i);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn first_forms_are_the_old_ones(
            w in "(ال)?[والفبكلسمنهتيقدa-z]{1,7}",
            one_word: bool,
            article: bool,
        ) {
            proptest::prop_assert_eq!(first_forms(&w, one_word, article), old_first_forms(&w, one_word, article));
        }
    }
}
