//! Normalisation for matching, with a map back to the input.
//!
//! In: any `&str`. Out: a [`Normalized`] view, a *match key* in which the
//! variation that does not change meaning for matching is folded away, and a
//! map from every byte of that key back to the byte offset of the input
//! character it came from. The input is never changed: display and evidence
//! always use the input, the key is only for matching.
//!
//! The rules, each one lossy (see ARABIC.md for the table):
//! - alef variants أ إ آ ٱ → ا; alef maqsura ى → ي; taa marbuta ة → ه;
//!   hamza seats ؤ → و and ئ → ي; the Persian and Urdu forms of Arabic
//!   letters (ی ے ۓ ې → ي, ک ڪ → ك, ہ ۂ ۃ ھ ە ۀ → ه, ں → ن);
//! - tatweel, harakat and Quranic marks are dropped, but for one fatha: a
//!   dual written with it (مسلحَين, two gunmen) folds to the nominative dual
//!   (مسلحان), since without it the dual reads as the sound plural
//!   (مسلحين, gunmen) ([`dual_ending`]);
//! - a Greek or Cyrillic letter that looks like a Latin one, inside a word
//!   that has Latin letters (`Twenty οne` with a Greek omicron), becomes
//!   that Latin letter ([`latin_lookalike`]); a word wholly in Greek or
//!   Cyrillic is left alone;
//! - vulgar fractions (½ ⅔ ¾) become their digits with a slash (`1/2`),
//!   after a space when a digit comes before them (`1½` → `1 1/2`);
//! - Arabic-Indic (٠-٩) and Persian (۰-۹) digits become ASCII digits;
//! - the Arabic comma ، becomes `,`, the semicolon ؛ `;`, the question mark ؟
//!   `?`, the percent sign ٪ `%`; the Arabic decimal and thousands separators
//!   ٫ ٬ are kept, since they are unambiguous;
//! - typographic double quotes and guillemets become `"`, single ones `'`;
//!   dashes and the minus sign become `-`;
//! - no-break and other spaces become a plain space; ZWNJ, ZWJ, bidi marks
//!   and embeddings, the byte-order mark and soft hyphens are dropped;
//! - presentation forms (lam-alef ligatures and the like) are decomposed by
//!   their compatibility mapping, then folded;
//! - letters are lower-cased.
//!
//! Invariant: every mapped offset lies on a character boundary of the input,
//! and offsets never decrease along the key.

use isnad_model::{KeySpan, TextSpan};
use std::ops::Range;

/// What normalisation does with one input character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Kept as it is.
    Keep,
    /// Dropped from the key.
    Drop,
    /// Replaced by another character.
    To(char),
    /// Replaced by its compatibility decomposition (presentation forms).
    Decompose,
}

/// The fold of one character.
#[inline]
pub fn fold(c: char) -> Fold {
    match c {
        'A'..='Z' => Fold::To(c.to_ascii_lowercase()),
        '\0'..='\u{7f}' => Fold::Keep,
        // Arabic block.
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' | '\u{0672}' | '\u{0673}' => Fold::To('\u{0627}'),
        '\u{0649}' | '\u{06CC}' | '\u{0626}' | '\u{06D0}' | '\u{06D2}' | '\u{06D3}' => Fold::To('\u{064A}'),
        '\u{0629}' | '\u{06BE}' | '\u{06C0}'..='\u{06C3}' | '\u{06D5}' => Fold::To('\u{0647}'),
        '\u{0624}' => Fold::To('\u{0648}'),
        '\u{06A9}' | '\u{06AA}' => Fold::To('\u{0643}'),
        '\u{06BA}' => Fold::To('\u{0646}'),
        '\u{0640}' => Fold::Drop,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}' => {
            Fold::Drop
        }
        '\u{0660}'..='\u{0669}' => Fold::To(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Fold::To(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '\u{060C}' => Fold::To(','),
        '\u{061B}' => Fold::To(';'),
        '\u{061F}' => Fold::To('?'),
        '\u{066A}' => Fold::To('%'),
        '\u{061C}' => Fold::Drop,
        '\u{0600}'..='\u{06FF}' => Fold::Keep,
        // Punctuation and spaces.
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Fold::To(' '),
        '\u{200B}'..='\u{200F}'
        | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2069}'
        | '\u{FEFF}'
        | '\u{00AD}' => Fold::Drop,
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2033}'
        | '\u{FF02}' => Fold::To('"'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' | '\u{2032}' => {
            Fold::To('\'')
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Fold::To('-'),
        '\u{2026}' => Fold::Keep,
        '\u{2044}' => Fold::To('/'),
        '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}' => Fold::Decompose,
        _ if is_vulgar_fraction(c) => Fold::Decompose,
        '\u{FF10}'..='\u{FF19}' => Fold::To(char::from(b'0' + (c as u32 - 0xFF10) as u8)),
        _ if c.is_uppercase() => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => Fold::To(x),
                _ => Fold::Keep,
            }
        }
        _ => Fold::Keep,
    }
}

/// Which code points of U+0600..U+067F the key keeps unchanged: ء ا ب,
/// ت to غ, ف to و, and ي (index: code point - U+0600).
static KEPT_ARABIC: [bool; 128] = {
    let mut t = [false; 128];
    let mut n = 0;
    while n < 128 {
        t[n] =
            matches!(0x600 + n as u32, 0x0621 | 0x0627..=0x0628 | 0x062A..=0x063A | 0x0641..=0x0648 | 0x064A);
        n += 1;
    }
    t
};

/// The length of the prefix of `b` that the key keeps byte for byte:
/// ASCII but capitals, and the Arabic letters of [`KEPT_ARABIC`] (two bytes,
/// lead 0xD8 or 0xD9). Most of an Arabic report is such a run.
#[inline]
fn kept_len(b: &[u8]) -> usize {
    let mut k = 0;
    while k < b.len() {
        let c = b[k];
        if c < 0x80 {
            if c.is_ascii_uppercase() {
                break;
            }
            k += 1;
        } else if c & 0xFE == 0xD8
            && k + 1 < b.len()
            && KEPT_ARABIC[(((c & 1) as usize) << 6) | (b[k + 1] & 0x3F) as usize]
        {
            k += 2;
        } else {
            break;
        }
    }
    k
}

/// Format characters that have no width and belong to no word.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{00AD}' | '\u{061C}')
}

/// ½ ⅓ ¼ ¾ ⅕ … ⅞ ⅒ ↉: their compatibility decomposition is digits around a
/// fraction slash (½ = 1⁄2).
#[inline]
fn is_vulgar_fraction(c: char) -> bool {
    matches!(c, '\u{00BC}'..='\u{00BE}' | '\u{2150}'..='\u{215E}' | '\u{2189}')
}

/// The Latin letter a Greek or Cyrillic letter is written like, in lower
/// case (the common confusables of Unicode's `confusables.txt` between
/// these scripts): ο → o, а → a, Τ → t…
pub fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        // Greek.
        'Α' | 'α' => 'a',
        'Β' => 'b',
        'Ε' => 'e',
        'Ζ' => 'z',
        'Η' => 'h',
        'Ι' | 'ι' => 'i',
        'Κ' | 'κ' => 'k',
        'Μ' => 'm',
        'Ν' => 'n',
        'ν' => 'v',
        'Ο' | 'ο' => 'o',
        'Ρ' | 'ρ' => 'p',
        'Τ' => 't',
        'Υ' => 'y',
        'υ' => 'u',
        'Χ' | 'χ' => 'x',
        // Cyrillic.
        'А' | 'а' => 'a',
        'В' => 'b',
        'С' | 'с' => 'c',
        'ԁ' => 'd',
        'Е' | 'е' => 'e',
        'Н' | 'һ' => 'h',
        'І' | 'і' => 'i',
        'Ј' | 'ј' => 'j',
        'К' => 'k',
        'ӏ' => 'l',
        'М' => 'm',
        'О' | 'о' => 'o',
        'Р' | 'р' => 'p',
        'ԛ' => 'q',
        'Ѕ' | 'ѕ' => 's',
        'Т' => 't',
        'У' | 'у' => 'y',
        'ԝ' => 'w',
        'Х' | 'х' => 'x',
        _ => return None,
    })
}

/// Whether the word around input bytes `at..end` has a Latin (ASCII)
/// letter: where a look-alike from another script is a disguise, not a
/// word of its own language.
fn in_latin_word(input: &str, at: usize, end: usize) -> bool {
    let before = input[..at]
        .chars()
        .rev()
        .take_while(|&c| crate::letter::is_letter(c))
        .take(64);
    let after = input[end..]
        .chars()
        .take_while(|&c| crate::letter::is_letter(c))
        .take(64);
    before.chain(after).any(|c| c.is_ascii_alphabetic())
}

/// Whether `c` is an Arabic mark the key drops (harakat, Quranic marks).
#[inline]
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0610}'..='\u{061A}' | '\u{06D6}'..='\u{06ED}')
}

/// A dual ending written with its fatha at input byte `at` (on a fatha):
/// fatha, yaa, noon, each with any marks after it, at the end of a word
/// whose key so far, `word`, has a stem of three letters or more once an
/// article in front is set aside (مسلحَين, البلدَيْن; not بَين, الحُسَين).
/// Returns the input byte after the ending.
///
/// Written so, the ending is the genitive or accusative dual (-ayn); the
/// same letters without the fatha are as often the sound plural (-īn),
/// which the key cannot tell apart once marks are dropped. The key writes
/// it as the nominative dual -ان, which no plural shares.
pub fn dual_ending(input: &str, at: usize, word: &str) -> Option<usize> {
    let mut chars = input[at..].char_indices();
    if chars.next()?.1 != '\u{064E}' {
        return None;
    }
    let mut want = ['\u{064A}', '\u{0646}'].into_iter();
    let mut next = want.next();
    let mut end = input.len();
    for (k, c) in chars {
        if is_arabic_mark(c) {
            continue;
        }
        match next {
            Some(w) if c == w || (w == '\u{064A}' && matches!(c, '\u{06CC}' | '\u{0649}')) => {
                next = want.next()
            }
            Some(_) => return None,
            None => {
                if crate::letter::is_letter(c) {
                    return None;
                }
                end = at + k;
                break;
            }
        }
    }
    if next.is_some() {
        return None;
    }
    let stem = [
        "وبال", "وكال", "فبال", "فكال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
    ]
    .iter()
    .find_map(|p| word.strip_prefix(p).filter(|s| s.chars().count() >= 2))
    .unwrap_or(word);
    (stem.chars().count() >= 3 && stem.chars().all(|c| ('\u{0621}'..='\u{064A}').contains(&c))).then_some(end)
}

/// The Arabic letters at the end of the key: the word being written.
fn trailing_word(key: &str) -> &str {
    let start = key
        .char_indices()
        .rev()
        .take_while(|&(_, c)| ('\u{0621}'..='\u{064A}').contains(&c))
        .last()
        .map_or(key.len(), |(k, _)| k);
    &key[start..]
}

/// A run of the key's map: from key offset `key` on, key bytes stand for
/// input bytes from `input` on, one for one when `linear`; otherwise every
/// byte of the run stands for the one input character at `input` (a
/// character whose key form has another length: ٣ → 3, a ligature).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    key: u32,
    input: u32,
    linear: bool,
}

/// A normalised match key with its map back to the input.
#[derive(Debug, Clone, Default)]
pub struct Normalized {
    text: String,
    /// Runs, sorted by key offset; a new run starts wherever the key stops
    /// copying the input byte for byte.
    runs: Vec<Run>,
    input_len: u32,
    /// Where invisible format characters (bidi marks, ZWJ, …) were dropped:
    /// (key offset, input offset before them). A span that ends at that key
    /// offset ends in the input before them, not after.
    invisible: Vec<(u32, u32)>,
}

impl Normalized {
    /// Normalises `input`.
    pub fn new(input: &str) -> Normalized {
        let mut n = Normalized::default();
        n.reset(input);
        n
    }

    /// Normalises `input` into this value, reusing its buffers.
    pub fn reset(&mut self, input: &str) {
        self.text.clear();
        self.runs.clear();
        self.invisible.clear();
        self.text.reserve(input.len());
        self.input_len = input.len() as u32;
        let bytes = input.as_bytes();
        let mut i = 0;
        // Runs of bytes the key keeps as they are are copied whole.
        let mut run = 0;
        loop {
            i += kept_len(&bytes[i..]);
            if i >= bytes.len() {
                break;
            }
            self.copy_run(input, run, i);
            let b = bytes[i];
            if b < 0x80 {
                // An upper-case ASCII letter: same length, so a linear run.
                self.linear(i);
                self.text.push(b.to_ascii_lowercase() as char);
                i += 1;
            } else {
                // A multi-byte character starts here (input is valid UTF-8).
                let c = input[i..].chars().next().unwrap_or('\u{FFFD}');
                let len = c.len_utf8();
                let cp = c as u32;
                if cp == 0x064E
                    && let Some(end) = dual_ending(input, i, trailing_word(&self.text))
                {
                    // مسلحَين → مسلحان: the whole ending stands for the key's.
                    self.runs.push(Run {
                        key: self.text.len() as u32,
                        input: i as u32,
                        linear: false,
                    });
                    self.text.push_str("\u{0627}\u{0646}");
                    i = end;
                } else if (0x0370..0x0530).contains(&cp)
                    && let Some(l) = latin_lookalike(c).filter(|_| in_latin_word(input, i, i + len))
                {
                    self.push(c, l, i);
                    i += len;
                } else {
                    if cp < 0x2200
                        && is_vulgar_fraction(c)
                        && self.text.ends_with(|d: char| d.is_ascii_digit())
                    {
                        // 1½ is one and a half: a space keeps the digits apart.
                        self.runs.push(Run {
                            key: self.text.len() as u32,
                            input: i as u32,
                            linear: false,
                        });
                        self.text.push(' ');
                    }
                    self.push_folded(c, i);
                    i += len;
                }
            }
            run = i;
        }
        self.copy_run(input, run, input.len());
    }

    /// Notes that the key, from its current end, copies input from `at` on.
    #[inline]
    fn linear(&mut self, at: usize) {
        let key = self.text.len() as u32;
        if let Some(last) = self.runs.last()
            && last.linear
            && last.input + (key - last.key) == at as u32
        {
            return;
        }
        self.runs.push(Run {
            key,
            input: at as u32,
            linear: true,
        });
    }

    #[inline]
    fn copy_run(&mut self, input: &str, from: usize, to: usize) {
        if from < to {
            self.linear(from);
            self.text.push_str(&input[from..to]);
        }
    }

    fn push_folded(&mut self, c: char, at: usize) {
        match fold(c) {
            Fold::Keep => self.push(c, c, at),
            Fold::Drop => {
                if is_invisible(c) {
                    let k = self.text.len() as u32;
                    if self.invisible.last().is_none_or(|&(p, _)| p != k) {
                        self.invisible.push((k, at as u32));
                    }
                }
            }
            Fold::To(d) => self.push(c, d, at),
            Fold::Decompose => {
                let mut parts = [' '; 4];
                let mut n = 0;
                unicode_normalization::char::decompose_compatible(c, |d| {
                    if n < parts.len() {
                        parts[n] = d;
                        n += 1;
                    }
                });
                let start = self.text.len();
                for &d in &parts[..n] {
                    match fold(d) {
                        Fold::Keep | Fold::Decompose => self.text.push(d),
                        Fold::To(e) => self.text.push(e),
                        Fold::Drop => {}
                    }
                }
                if self.text.len() > start {
                    self.runs.push(Run {
                        key: start as u32,
                        input: at as u32,
                        linear: false,
                    });
                }
            }
        }
    }

    /// Pushes `to`, the key form of input character `from` at `at`.
    #[inline]
    fn push(&mut self, from: char, to: char, at: usize) {
        if from.len_utf8() == to.len_utf8() {
            self.linear(at);
        } else {
            self.runs.push(Run {
                key: self.text.len() as u32,
                input: at as u32,
                linear: false,
            });
        }
        self.text.push(to);
    }

    /// The match key.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The length of the input this key was made from.
    pub fn input_len(&self) -> usize {
        self.input_len as usize
    }

    /// The run holding key byte `pos` (`pos` < key length) and its index.
    fn run_at(&self, pos: usize) -> Option<(usize, Run)> {
        let i = self
            .runs
            .partition_point(|r| r.key as usize <= pos)
            .checked_sub(1)?;
        Some((i, self.runs[i]))
    }

    /// The input offset where key offset `pos` starts.
    pub fn input_start(&self, pos: usize) -> usize {
        if pos >= self.text.len() {
            return self.input_len as usize;
        }
        match self.run_at(pos) {
            Some((_, r)) if r.linear => (r.input + (pos as u32 - r.key)) as usize,
            Some((_, r)) => r.input as usize,
            None => pos,
        }
    }

    /// The input offset where a key span ending at `pos` ends. A span that
    /// ends inside the expansion of one input character (a ligature) takes
    /// the whole character; one that ends a word takes the marks dropped after
    /// it (diacritics, tatweel) but not invisible format characters.
    pub fn input_end(&self, pos: usize) -> usize {
        let pos = pos.min(self.text.len());
        if pos == 0 {
            return self.input_start(0);
        }
        if let Ok(i) = self.invisible.binary_search_by_key(&(pos as u32), |&(p, _)| p) {
            return self.invisible[i].1 as usize;
        }
        let Some((i, r)) = self.run_at(pos - 1) else {
            return pos;
        };
        let next = self.runs.get(i + 1);
        let run_end = next.map(|n| n.key as usize).unwrap_or(self.text.len());
        if r.linear && pos < run_end {
            return (r.input + (pos as u32 - r.key)) as usize;
        }
        // The span ends where the run ends: up to where the next run starts.
        next.map(|n| n.input as usize).unwrap_or(self.input_len as usize)
    }

    /// Maps a key range to an input range.
    pub fn to_input(&self, r: Range<usize>) -> Range<usize> {
        let s = self.input_start(r.start);
        let e = self.input_end(r.end).max(s);
        s..e
    }

    /// Maps a span of the key to the span of the text it was made from
    /// (the typed [`Normalized::to_input`]).
    pub fn to_text(&self, k: KeySpan) -> TextSpan {
        self.to_input(k.range()).into()
    }
}

/// Normalises a short string to its match key (for lexicon entries).
pub fn key(s: &str) -> String {
    Normalized::new(s).text
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $input:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(key($input), $want, "input {:?}", $input);
            }
        };
    }

    t!(alef_variants_fold_to_bare_alef, "أإآٱ", "اااا");
    t!(alef_maqsura_folds_to_yaa, "على", "علي");
    t!(taa_marbuta_folds_to_haa, "مدينة", "مدينه");
    t!(hamza_seats_fold, "مؤسسة سئل", "موسسه سيل");
    t!(tatweel_and_diacritics_drop, "قـــسدٌ مُقَاتِلاً", "قسد مقاتلا");
    t!(arabic_indic_digits_become_ascii, "١٢٣٤٥٦٧٨٩٠", "1234567890");
    t!(persian_digits_become_ascii, "۱۲۳", "123");
    t!(arabic_punctuation_folds, "نعم، لا؛ ماذا؟ ٥٠٪", "نعم, لا; ماذا? 50%");
    t!(
        typographic_quotes_fold,
        "لـ”قسد” و“داعش” «النبأ»",
        "ل\"قسد\" و\"داعش\" \"النبا\""
    );
    t!(
        nbsp_and_narrow_spaces_become_space,
        "12\u{a0}مقاتلا\u{202f}x",
        "12 مقاتلا x"
    );
    t!(
        zero_width_and_bidi_marks_drop,
        "قس\u{200c}د\u{200f}\u{202b}x\u{202c}",
        "قسدx"
    );
    t!(lam_alef_ligature_decomposes, "\u{FEFB}", "لا");
    t!(latin_is_lower_cased, "SDF Raqqa", "sdf raqqa");
    t!(decimal_separators_are_kept, "١٫٥ ١٬٥٠٠", "1٫5 1٬500");
    t!(dashes_fold, "300–400 — x", "300-400 - x");
    t!(
        persian_and_urdu_letters_fold,
        "ہمارے ڪتاب ۃ ھ ں",
        "هماري كتاب ه ه ن"
    );

    // Look-alike letters from other scripts, inside a Latin word only.
    t!(greek_omicron_in_a_latin_word, "Twenty οne", "twenty one");
    t!(
        cyrillic_letters_in_latin_words,
        "Тhе sоldiеrs wеrе сарturеd",
        "the soldiers were captured"
    );
    t!(greek_capitals_in_a_latin_word, "ΤWΕΝΤΥ", "twenty");
    t!(a_greek_word_stays_greek, "οκτώ Αθήνα", "οκτώ αθήνα");
    t!(a_russian_word_stays_russian, "Москва сорок", "москва сорок");

    // The dual written with its fatha.
    t!(fatha_dual_folds_to_the_nominative, "قتل مسلحَين", "قتل مسلحان");
    t!(
        fatha_dual_with_sukun_and_kasra,
        "رجلَيْنِ و البلدَيْن",
        "رجلان و البلدان"
    );
    t!(fatha_dual_after_shadda, "جنديَّين", "جنديان");
    t!(fatha_dual_with_a_proclitic, "وسائقَين", "وسايقان");
    t!(a_short_word_is_no_dual, "بَيْن أَيْن", "بين اين");
    t!(a_name_with_the_article_is_no_dual, "الحُسَين", "الحسين");
    t!(a_fatha_inside_a_word_still_drops, "مسلحَينا", "مسلحينا");
    t!(the_plural_stays_plural, "مسلحِين مسلحين", "مسلحين مسلحين");

    // Vulgar fractions.
    t!(vulgar_fractions_become_digits, "⅔ ¾", "2/3 3/4");
    t!(a_vulgar_fraction_after_digits, "1½", "1 1/2");

    #[test]
    fn map_points_back_to_input_characters() {
        let input = "قـسدٌ ١٢ مقاتلاً";
        let n = Normalized::new(input);
        assert_eq!(n.as_str(), "قسد 12 مقاتلا");
        let key = n.as_str();
        let at = key.find("12").unwrap();
        let r = n.to_input(at..at + 2);
        assert_eq!(&input[r], "١٢");
        let at = key.find("قسد").unwrap();
        let r = n.to_input(at..at + "قسد".len());
        assert_eq!(&input[r], "قـسدٌ");
        let at = key.find("مقاتلا").unwrap();
        let r = n.to_input(at..key.len());
        assert_eq!(&input[r], "مقاتلاً");
    }

    #[test]
    fn a_span_inside_a_ligature_takes_the_whole_character() {
        let input = "x\u{FEFB}y";
        let n = Normalized::new(input);
        assert_eq!(n.as_str(), "xلاy");
        let l = "x".len();
        let r = n.to_input(l..l + "ل".len());
        assert_eq!(&input[r], "\u{FEFB}");
    }

    #[test]
    fn a_span_does_not_take_trailing_bidi_marks() {
        let input = "١٠٠٪\u{61c}. x\u{200f}";
        let n = Normalized::new(input);
        assert_eq!(n.as_str(), "100%. x");
        let r = n.to_input(0..4);
        assert_eq!(&input[r], "١٠٠٪");
        let r = n.to_input(6..7);
        assert_eq!(&input[r], "x");
    }

    #[test]
    fn folded_letters_map_back_to_the_original() {
        for (input, word, want) in [
            ("Twenty οne killed", "one", "οne"),
            ("قتل مسلحَين أمس", "مسلحان", "مسلحَين"),
            ("قتل مسلحَيْنِ، أمس", "مسلحان", "مسلحَيْنِ"),
            ("x 1½ y", "1 1/2", "1½"),
            ("x ¾ y", "3/4", "¾"),
        ] {
            let n = Normalized::new(input);
            let at = n
                .as_str()
                .find(word)
                .unwrap_or_else(|| panic!("{input}: {}", n.as_str()));
            let r = n.to_input(at..at + word.len());
            assert_eq!(&input[r], want, "{input}");
        }
    }

    #[test]
    fn reset_reuses_buffers() {
        let mut n = Normalized::new("أول");
        n.reset("ثانٍ");
        assert_eq!(n.as_str(), "ثان");
        assert_eq!(n.input_len(), "ثانٍ".len());
    }
}
