//! Search terms: the analyzer the full-text index and its queries share.
//!
//! In: any text. Out: its index terms, each with the byte range of the word
//! it came from in that text. A term is the word's normalised match key
//! ([`crate::normalize`]: letters folded, marks dropped, Arabic-Indic digits
//! made ASCII, Latin lower-cased) with clitics and light affixes removed:
//!
//! - Arabic: the conjunctions و/ف, the prepositions ب/ك/ل and the article
//!   (وال، بال، لل…) in front; the plural and possessive endings (ات، ون،
//!   ين، ان، ها، هم، ه…) behind, keeping a stem of at least three letters.
//!   A stem on one of the common derived patterns (فعيل سجين, فعلاء سجناء,
//!   فعلى قتلى, مفاعيل مساجين) also gives its three-letter root as a second
//!   term, `r_سجن`, so that a singular finds its broken plural.
//!   The affixes are [`crate::morphology`]'s, as its `ANALYZER_RULES` and
//!   `ANALYZER_SUFFIXES` select them: the stored indexes hold these terms,
//!   so a change there is a change of index format.
//! - English: possessive 's and the regular plural endings.
//!
//! Refuses nothing: a word it cannot stem is its own term. Terms never hold
//! a space, so a term list joins into one string for the index.

use crate::morphology;
use crate::normalize::Normalized;
use crate::token::{Token, TokenKind, tokenize};
use std::ops::Range;
use std::sync::LazyLock;

/// One index term and the range of its word in the analysed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term as the index keeps it.
    pub term: String,
    /// Byte range of the word in the analysed text.
    pub range: Range<usize>,
}

/// Marks a root term apart from a stem.
pub const ROOT_PREFIX: &str = "r_";

/// The clitics stripped in front, longest first
/// ([`morphology::ANALYZER_RULES`]).
static PREFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| morphology::ANALYZER.longest_first());
/// The endings stripped behind, longest first
/// ([`morphology::ANALYZER_SUFFIXES`]).
static SUFFIXES: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| morphology::ANALYZER_SUFFIXES.longest_first());

fn is_arabic_letter(c: char) -> bool {
    ('\u{0621}'..='\u{064A}').contains(&c)
}

/// A normalised Arabic word without its leading clitics and article.
fn strip_arabic_prefix(word: &str) -> &str {
    // Every affix is Arabic letters of two bytes each: comparing the first
    // (or last) two bytes turns most away before the whole is compared.
    let w = word.as_bytes();
    PREFIXES
        .iter()
        .find_map(|p| {
            let pb = p.as_bytes();
            (w.len() > pb.len() && w[..2] == pb[..2] && w.starts_with(pb))
                .then(|| &word[pb.len()..])
                .filter(|rest| rest.chars().count() >= 3)
        })
        .unwrap_or(word)
}

/// A word without one plural or possessive ending.
fn strip_arabic_suffix(word: &str) -> &str {
    let w = word.as_bytes();
    SUFFIXES
        .iter()
        .find_map(|s| {
            let sb = s.as_bytes();
            (w.len() > sb.len() && w[w.len() - 2..] == sb[sb.len() - 2..] && w.ends_with(sb))
                .then(|| &word[..w.len() - sb.len()])
                .filter(|rest| rest.chars().count() >= 3)
        })
        .unwrap_or(word)
}

/// The light stem of a normalised Arabic word.
pub fn arabic_stem(word: &str) -> &str {
    strip_arabic_suffix(strip_arabic_prefix(word))
}

/// The three-letter root of a stem on a common derived pattern, if any.
pub fn arabic_root(stem: &str) -> Option<String> {
    root_letters(stem).map(|r| r.iter().collect())
}

/// As [`arabic_root`], the root's three letters.
fn root_letters(stem: &str) -> Option<[char; 3]> {
    // The patterns have four to six letters: no longer stem is collected.
    let mut c = ['\0'; 6];
    let mut n = 0;
    for ch in stem.chars() {
        *c.get_mut(n)? = ch;
        n += 1;
    }
    match c[..n] {
        // فعيل، فعول: سجين، قتيل، أسير
        [a, b, 'ي' | 'و', d] => Some([a, b, d]),
        // فعلاء: سجناء، زعماء
        [a, b, d, 'ا', 'ء'] => Some([a, b, d]),
        // فعلى (ى folded to ي): قتلى، جرحى، أسرى
        [a, b, d, 'ي'] if a != 'ا' => Some([a, b, d]),
        // مفاعيل: مساجين
        ['م', a, 'ا', b, 'ي', d] => Some([a, b, d]),
        _ => None,
    }
}

/// The stem of a lower-cased English word.
pub fn english_stem(word: &str) -> &str {
    let w = word.strip_suffix("'s").unwrap_or(word);
    if w.len() <= 3 {
        return w;
    }
    if let Some(r) = w.strip_suffix("ies") {
        return r; // casualties -> casualt, casualty -> casualt (below)
    }
    if let Some(r) = w.strip_suffix('y') {
        return r;
    }
    for s in ["sses", "shes", "ches", "xes"] {
        if w.ends_with(s) {
            return &w[..w.len() - 2];
        }
    }
    if let Some(r) = w.strip_suffix('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
    {
        return r;
    }
    w
}

/// Calls `each` with every term of `text`, in order.
pub fn terms(text: &str, each: &mut dyn FnMut(Term)) {
    let n = Normalized::new(text);
    let toks = tokenize(n.as_str());
    terms_of(text, &n, &toks, each);
}

/// As [`terms`], for a text already normalised (`n`, made from `text`) and
/// tokenised (`toks`, of `n`'s key), as an extraction leaves it.
pub fn terms_of(text: &str, n: &Normalized, toks: &[Token], each: &mut dyn FnMut(Term)) {
    let mut root = String::new();
    each_term(text, n, toks, &mut |term, r, range| {
        each(Term {
            term: term.to_string(),
            range: range.clone(),
        });
        if let Some(r) = r {
            root.clear();
            root.push_str(ROOT_PREFIX);
            root.extend(r);
            each(Term {
                term: std::mem::take(&mut root),
                range,
            });
        }
    });
}

/// What [`each_term`] calls for each word: its term, the letters of its
/// root term (if any), and its byte range in the text.
type EachTerm<'a> = dyn FnMut(&str, Option<[char; 3]>, Range<usize>) + 'a;

/// The work of [`terms_of`], without a string made per term.
fn each_term(text: &str, n: &Normalized, toks: &[Token], each: &mut EachTerm<'_>) {
    let key = n.as_str();
    for &t in toks {
        if !matches!(t.kind, TokenKind::Word | TokenKind::Number) {
            continue;
        }
        let word = t.text(key);
        let range = n.to_input(t.range());
        if word.chars().any(is_arabic_letter) {
            // The alef of the indefinite accusative (سجيناً) is no suffix.
            let orig = &text[range.clone()];
            let tanween = orig.ends_with("اً") || orig.ends_with("ًا");
            let word = match word.strip_suffix('ا') {
                Some(w) if tanween && w.chars().count() >= 3 => w,
                _ => word,
            };
            let bare = strip_arabic_prefix(word);
            let stem = strip_arabic_suffix(bare);
            let root = root_letters(bare)
                .or_else(|| root_letters(stem))
                .or_else(|| bare.strip_suffix('ا').and_then(root_letters));
            each(stem, root, range);
        } else {
            let w = if word.is_ascii() { english_stem(word) } else { word };
            each(w, None, range);
        }
    }
}

/// The terms of `text` joined by spaces, as an index stores them.
pub fn index_string(text: &str) -> String {
    let n = Normalized::new(text);
    let toks = tokenize(n.as_str());
    index_string_of(text, &n, &toks)
}

/// As [`index_string`], for a text already normalised and tokenised (see
/// [`terms_of`]).
pub fn index_string_of(text: &str, n: &Normalized, toks: &[Token]) -> String {
    let mut out = String::with_capacity(text.len() / 2);
    each_term(text, n, toks, &mut |term, root, _| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(term);
        if let Some(r) = root {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(ROOT_PREFIX);
            out.extend(r);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The index string is the terms, each as [`terms`] gives it,
        /// joined by spaces.
        #[test]
        fn the_index_string_joins_the_terms(text in "[اأإبتجدرسعفكلمنهويىءةًَ a-zA-Z0-9'.,\\-]{0,40}") {
            let mut joined: Vec<String> = Vec::new();
            terms(&text, &mut |t| joined.push(t.term));
            proptest::prop_assert_eq!(index_string(&text), joined.join(" "));
        }

        /// The affix and root rules as first written, one whole comparison
        /// per affix and a vector per stem, with the affix lists the
        /// analyzer kept before it took them from [`morphology`].
        #[test]
        fn stems_and_roots_are_those_of_the_plain_rules(w in "[اأبتجدرسعفكلمنهويىءة a]{0,9}") {
            const PREFIXES: &[&str] = &[
                "وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال", "و", "ف", "ب", "ل", "ك",
            ];
            const SUFFIXES: &[&str] = &[
                "هما", "كما", "تين", "تان", "يين", "ات", "ون", "ين", "ان", "ها", "هم", "هن", "كم", "نا", "يه", "ه", "ي",
            ];
            let prefix = PREFIXES
                .iter()
                .find_map(|p| w.strip_prefix(p).filter(|rest| rest.chars().count() >= 3))
                .unwrap_or(&w);
            let stem = SUFFIXES
                .iter()
                .find_map(|s| prefix.strip_suffix(s).filter(|rest| rest.chars().count() >= 3))
                .unwrap_or(prefix);
            proptest::prop_assert_eq!(arabic_stem(&w), stem);
            let c: Vec<char> = w.chars().collect();
            let root = |a: char, b: char, d: char| Some([a, b, d].iter().collect::<String>());
            let want = match *c.as_slice() {
                [a, b, 'ي' | 'و', d] => root(a, b, d),
                [a, b, d, 'ا', 'ء'] => root(a, b, d),
                [a, b, d, 'ي'] if a != 'ا' => root(a, b, d),
                ['م', a, 'ا', b, 'ي', d] => root(a, b, d),
                _ => None,
            };
            proptest::prop_assert_eq!(arabic_root(&w), want);
        }
    }

    fn all(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        terms(text, &mut |t| v.push(t.term));
        v
    }

    #[test]
    fn inflected_forms_share_a_term() {
        let cases: &[(&str, &str)] = &[
            ("سجين", "r_سجن"),
            ("سجيناً", "سجين"),
            ("سجينا", "r_سجن"),
            ("السجناء", "r_سجن"),
            ("للسجناء", "r_سجن"),
            ("المساجين", "r_سجن"),
            ("قتلى", "r_قتل"),
            ("القتيل", "r_قتل"),
            ("والمقاتلين", "مقاتل"),
            ("مقاتلون", "مقاتل"),
            ("بالحسكة", "حسك"),
            ("prisoners", "prisoner"),
            ("Prisoner's", "prisoner"),
            ("casualties", "casualt"),
            ("casualty", "casualt"),
        ];
        for (word, term) in cases {
            assert!(all(word).iter().any(|t| t == term), "{word}: {:?}", all(word));
        }
    }

    #[test]
    fn ranges_point_at_the_original_words() {
        let text = "قالت «قسد» إن ٩٠ مقاتلاً";
        let mut seen = Vec::new();
        terms(text, &mut |t| seen.push(text[t.range].to_string()));
        assert_eq!(seen, ["قالت", "قسد", "إن", "٩٠", "مقاتلاً"]);
    }

    #[test]
    fn short_words_keep_three_letters() {
        assert_eq!(arabic_stem("بلد"), "بلد");
        assert_eq!(arabic_stem("وسجن"), "سجن");
        assert_eq!(english_stem("us"), "us");
    }
}
