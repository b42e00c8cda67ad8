//! A document as the engine reads it.
//!
//! A [`Document`] holds the original bytes (the file, or a JSONL record's
//! text), the UTF-8 text the engine reads, the [`OriginMap`] from that text
//! back to the original, the page furniture found in it, its metadata and
//! any warnings raised while reading (invalid bytes replaced, say). Every
//! span reported to a user goes through [`Document::original_span`].

use crate::origin::OriginMap;
use crate::{Span, normalize::Normalized};
use isnad_model::TextSpan;
use serde::Serialize;
use std::ops::Range;

/// The input format of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text.
    Text,
    /// An HTML page.
    Html,
    /// A record of a JSONL file.
    Jsonl,
}

impl Format {
    /// Its name: `text`, `html`, `jsonl`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Jsonl => "jsonl",
        }
    }
}

/// What is known about a document besides its text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Metadata {
    /// The headline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet that published it, as named by the page or the record.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
    /// The author line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD` where it could be parsed, else as given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The page's address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Language code (`ar`, `en`), given or guessed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Where in a web archive the document was read from (a page of a
    /// WARC file; none otherwise). Never filled from the text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warc: Option<isnad_model::WarcOrigin>,
}

impl Metadata {
    /// Fills every field that is empty here from `other`.
    pub fn fill_from(&mut self, other: Metadata) {
        fn fill(a: &mut Option<String>, b: Option<String>) {
            if a.as_deref().is_none_or(|s| s.trim().is_empty()) {
                *a = b.filter(|s| !s.trim().is_empty());
            }
        }
        fill(&mut self.title, other.title);
        fill(&mut self.outlet, other.outlet);
        fill(&mut self.byline, other.byline);
        fill(&mut self.published, other.published);
        fill(&mut self.url, other.url);
        fill(&mut self.lang, other.lang);
    }
}

/// A document read from a file or a record.
#[derive(Debug, Clone)]
pub struct Document {
    /// The document's id: the file name without its extension, or the
    /// record's `id`.
    pub id: String,
    /// Where it was read from (a path, `path:line` for a JSONL record).
    pub origin_name: String,
    /// The input format.
    pub format: Format,
    /// The original bytes that spans point into, as read (in
    /// [`Document::encoding`]).
    pub original: Vec<u8>,
    /// The character encoding the original bytes were read in, by its
    /// WHATWG name (`UTF-8`, `windows-1256`, `ISO-8859-6`…); the text is
    /// always UTF-8.
    pub encoding: &'static str,
    /// The text the engine reads.
    pub text: String,
    /// From `text` offsets to `original` offsets.
    pub origin: OriginMap,
    /// Ranges of `text` that are page furniture, sorted.
    pub furniture: Vec<Range<usize>>,
    /// Metadata.
    pub meta: Metadata,
    /// Problems met while reading that did not stop it.
    pub warnings: Vec<String>,
}

impl Document {
    /// Maps a range of `text` to a span of the original bytes.
    pub fn original_span(&self, r: Range<usize>) -> Span {
        self.origin.span(r.start, r.end)
    }

    /// Maps a span of `text` to a span of the original bytes (the typed
    /// [`Document::original_span`]).
    pub fn to_original(&self, t: TextSpan) -> Span {
        self.original_span(t.range())
    }

    /// Maps a range of the match key `n` (made from `text`) to a span of the
    /// original bytes.
    pub fn original_span_of_key(&self, n: &Normalized, r: Range<usize>) -> Span {
        let t = n.to_input(r);
        self.original_span(t)
    }

    /// True when text range `r` lies inside page furniture.
    pub fn in_furniture(&self, r: Range<usize>) -> bool {
        let i = self.furniture.partition_point(|f| f.end <= r.start);
        self.furniture
            .get(i)
            .is_some_and(|f| f.start <= r.start && r.end <= f.end)
    }

    /// The text's ranges that are not furniture.
    pub fn content_ranges(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut pos = 0;
        for f in &self.furniture {
            if f.start > pos {
                out.push(pos..f.start);
            }
            pos = pos.max(f.end);
        }
        if pos < self.text.len() {
            out.push(pos..self.text.len());
        }
        out
    }
}

/// Letters, letters of the Arabic script and letters only Persian or Urdu
/// use, in `head`. Bytes are read, with ASCII and the Arabic block's
/// two-byte characters answered from a table (most of what isnad reads),
/// the rest decoded.
fn script_counts(head: &str) -> (usize, usize, usize) {
    let (mut letters, mut arabic, mut persian) = (0usize, 0usize, 0usize);
    let b = head.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            if c.is_ascii_alphabetic() {
                letters += 1;
            }
            i += 1;
        } else if (0xD8..=0xDB).contains(&c) && i + 1 < b.len() {
            let class = ARABIC_CLASS[(((c & 0x03) as usize) << 6) | (b[i + 1] & 0x3F) as usize];
            letters += usize::from(class != 0);
            arabic += usize::from(class == 1);
            persian += usize::from(class == 2);
            i += 2;
        } else {
            let ch = head[i..].chars().next().unwrap_or(' ');
            let class = letter_class(ch);
            letters += usize::from(class != 0);
            arabic += usize::from(class == 1);
            persian += usize::from(class == 2);
            i += ch.len_utf8();
        }
    }
    (letters, arabic, persian)
}

/// Letters of Persian and Urdu that Arabic does not use.
fn is_persian(c: char) -> bool {
    matches!(
        c,
        'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ۀ' | 'ے' | 'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ھ'
    )
}

/// What `c` counts as to [`guess_lang`]: 0 not a letter, 1 a letter of
/// the Arabic script, 2 one only Persian or Urdu uses, 3 another letter.
fn letter_class(c: char) -> u8 {
    if !crate::letter::is_letter(c) {
        0
    } else if is_persian(c) {
        2
    } else if matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}') {
        1
    } else {
        3
    }
}

/// [`letter_class`] of each code point of U+0600..U+06FF.
static ARABIC_CLASS: std::sync::LazyLock<[u8; 256]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|k| char::from_u32(0x600 + k as u32).map_or(0, letter_class))
});

/// The language of `text` (its first 1 KB) as an ISO 639-1 code (`ar`,
/// `en`, `fa`, `ur`…): Arabic script with none of the letters only Persian
/// and Urdu use is Arabic (told by the script, from eight letters); anything
/// else goes to the `whatlang` crate's trigram model, but only from
/// [`MIN_GUESS_LETTERS`] letters on: a short sentence is too little (a short
/// English sentence naming SOHR was told Swedish), and a caller keeps the
/// record's or the document's language then. `None` when it cannot tell, or
/// for a language with no two-letter code.
pub fn guess_lang(text: &str) -> Option<String> {
    // The head of the text is enough, cut on a character boundary.
    let mut end = text.len().min(1024);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let (letters, arabic, persian) = script_counts(head);
    if letters < 8 {
        return None;
    }
    // Arabic script without a Persian or Urdu letter is Arabic: no model needed.
    if persian == 0 && arabic * 2 > letters {
        return Some("ar".to_string());
    }
    if letters < MIN_GUESS_LETTERS {
        return None;
    }
    let info = whatlang::detect(head)?;
    iso639_1(info.lang().code()).map(str::to_string)
}

/// Letters a text needs before its language is guessed by the model.
pub const MIN_GUESS_LETTERS: usize = 40;

/// A language code as ISO 639-1 (`en`, `ar`): a two-letter code as it is,
/// a three-letter ISO 639-3 or 639-2 one (`eng`, `ara`, `swe`) turned into
/// its two letters, a tag's region or script dropped (`en-US`, `ar_SY`);
/// `None` for anything else, or a language with no two-letter code.
pub fn iso639_1(code: &str) -> Option<&'static str> {
    let primary = code
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    ISO_639
        .iter()
        .find_map(|&(two, three)| (primary == two || three.split('/').any(|t| t == primary)).then_some(two))
}

/// ISO 639-1 codes and their three-letter forms (639-3, and 639-2/B where it
/// differs, after a `/`): every language whatlang tells, and a few more.
const ISO_639: &[(&str, &str)] = &[
    ("af", "afr"),
    ("ak", "aka"),
    ("am", "amh"),
    ("ar", "ara/arb"),
    ("az", "aze"),
    ("be", "bel"),
    ("bg", "bul"),
    ("bn", "ben"),
    ("ca", "cat"),
    ("cs", "ces/cze"),
    ("cy", "cym/wel"),
    ("da", "dan"),
    ("de", "deu/ger"),
    ("el", "ell/gre"),
    ("en", "eng"),
    ("eo", "epo"),
    ("es", "spa"),
    ("et", "est"),
    ("fa", "fas/pes/per"),
    ("fi", "fin"),
    ("fr", "fra/fre"),
    ("gu", "guj"),
    ("he", "heb"),
    ("hi", "hin"),
    ("hr", "hrv"),
    ("hu", "hun"),
    ("hy", "hye/arm"),
    ("id", "ind"),
    ("it", "ita"),
    ("ja", "jpn"),
    ("jv", "jav"),
    ("ka", "kat/geo"),
    ("km", "khm"),
    ("kn", "kan"),
    ("ko", "kor"),
    ("ku", "kur"),
    ("la", "lat"),
    ("lt", "lit"),
    ("lv", "lav"),
    ("mk", "mkd/mac"),
    ("ml", "mal"),
    ("mr", "mar"),
    ("my", "mya/bur"),
    ("nb", "nob"),
    ("ne", "nep"),
    ("nl", "nld/dut"),
    ("no", "nor"),
    ("or", "ori"),
    ("pa", "pan"),
    ("pl", "pol"),
    ("ps", "pus"),
    ("pt", "por"),
    ("ro", "ron/rum"),
    ("ru", "rus"),
    ("si", "sin"),
    ("sk", "slk/slo"),
    ("sl", "slv"),
    ("sn", "sna"),
    ("so", "som"),
    ("sq", "sqi/alb"),
    ("sr", "srp"),
    ("sv", "swe"),
    ("sw", "swa"),
    ("ta", "tam"),
    ("te", "tel"),
    ("th", "tha"),
    ("tk", "tuk"),
    ("tl", "tgl"),
    ("tr", "tur"),
    ("uk", "ukr"),
    ("ur", "urd"),
    ("uz", "uzb"),
    ("vi", "vie"),
    ("yi", "yid"),
    ("zh", "zho/chi/cmn"),
    ("zu", "zul"),
];

/// Letters a paragraph needs before its language is told.
const MIN_PARAGRAPH_LETTERS: usize = 40;

/// The language of each paragraph (blank-line or line separated) of a
/// bilingual page: its byte range in `text` and its code, where one is told.
pub fn paragraph_langs(text: &str) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let r = start..start + line.trim_end().len();
        start += line.len();
        // A short line (a masthead, a headline) is too little to tell.
        if text[r.clone()]
            .chars()
            .filter(|&c| crate::letter::is_letter(c))
            .count()
            < MIN_PARAGRAPH_LETTERS
        {
            continue;
        }
        if let Some(l) = guess_lang(&text[r.clone()]) {
            out.push((r, l));
        }
    }
    out
}

#[cfg(test)]
mod lang_tests {
    use super::*;

    #[test]
    fn languages_are_told_by_whatlang() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "قالت قوات سوريا الديمقراطية إن نحو تسعين مسلحا ما زالوا في السجن",
                Some("ar"),
            ),
            (
                "The Syrian Democratic Forces said about ninety fighters still held out",
                Some("en"),
            ),
            (
                "نیروهای دموکراتیک سوریه گفتند که حدود نود شبه‌نظامی هنوز در زندان هستند",
                Some("fa"),
            ),
            ("12 34", None),
            // Issue 21: a short English sentence naming SOHR was Swedish.
            ("Forty-one people were killed, SOHR said.", None),
        ];
        for (text, want) in cases {
            assert_eq!(guess_lang(text).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn language_codes_are_iso_639_1() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<&str>)] = &[
            ("en", Some("en")), ("EN", Some("en")), ("en-US", Some("en")), ("ar_SY", Some("ar")),
            ("eng", Some("en")), ("ara", Some("ar")), ("swe", Some("sv")), ("cmn", Some("zh")),
            ("fre", Some("fr")), ("pes", Some("fa")), ("xx", None), ("", None), ("english", None),
        ];
        for (code, want) in cases {
            assert_eq!(iso639_1(code), *want, "{code}");
        }
        // Every language the model tells has two letters.
        for lang in whatlang::Lang::all() {
            assert!(iso639_1(lang.code()).is_some(), "{lang:?}");
        }
    }

    #[test]
    fn a_bilingual_page_has_a_language_per_paragraph() {
        let text = "قالت قوات سوريا الديمقراطية إن نحو تسعين مسلحا ما زالوا في السجن\nThe Syrian Democratic Forces said about ninety fighters still held out\n";
        let found = paragraph_langs(text);
        let langs: Vec<&str> = found.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(langs, ["ar", "en"]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn script_counts_are_those_of_each_character_in_turn(
            s in "[a-zA-Z0-9 .\u{0600}-\u{06FF}\u{0750}-\u{077F}\u{FB50}-\u{FEFF}\u{0400}-\u{04FF}]{0,60}"
        ) {
            let mut want = (0, 0, 0);
            for c in s.chars() {
                let class = letter_class(c);
                want.0 += usize::from(class != 0);
                want.1 += usize::from(class == 1);
                want.2 += usize::from(class == 2);
            }
            proptest::prop_assert_eq!(script_counts(&s), want);
        }
    }

    #[test]
    fn persian_letters_are_told_from_arabic_ones() {
        assert_eq!(script_counts("کتاب"), (4, 3, 1));
        assert_eq!(script_counts("كتاب abc ١٢"), (7, 4, 0));
        assert_eq!(guess_lang("قال المرصد السوري إن السجناء فروا"), Some("ar".into()));
    }
}
