//! Numbers in text: cardinals in digits and words, ordinals, fractions,
//! percentages, ranges, vague quantities and their hedges; and the numbers
//! that are not quantities (years, dates, times, phone numbers), recognised
//! so that later stages can set them aside.
//!
//! In: a match key and its tokens (see `isnad_text`), or plain text through
//! [`Numbers::find`]. Out: [`Mention`]s in text order, each with its span,
//! kind and value, and, when a hedge qualifies it (نحو، أكثر من، at least),
//! the qualifier and the hedge's span. The vocabulary is data
//! (`data/numbers.toml`, `data/counted.toml`).
//!
//! What it reads, in Arabic: digits with separators (1,500 / 1.500 / ١٬٥٠٠
//! / 1 500), Arabic-Indic and Persian digits, compound number words
//! (ثلاثة وعشرون، مئتان وخمسون، ثلاث مئة، ألفان، عشرة آلاف، 1.5 مليون), the
//! dual of counted nouns (قتيلان), fractions (نصف، ثلاثة أرباع، واحد على
//! ثلاثة), percentages (20٪، 20 في المئة), ranges (300-400، بين 300 و400،
//! من 20 إلى 30), vague quantities (عشرات، مئات، عدة، عدد من، الكثير); the
//! colloquial numerals of Egyptian and Levantine writing (تلاتة، حداشر،
//! خمسطاشر، تلتعش، تلتمية، ميتين، ميت ألف، تلات تلاف), compound ordinals
//! from 11 to 99 in both genders (حادي عشر، الحادية والعشرون), fractions of
//! a definite number (نصف المليون). In English: compounds with and without
//! "and" (two hundred fifty, fifteen hundred), fractions in words (three and
//! one fourth, a twenty-first), hyphenated words (the one-day strike, a
//! week-old offensive: one week, twenty-odd: more than twenty). The dot of
//! `1.500` is a thousands separator in Arabic text and a decimal point in
//! English, decided by the script of most of the text's letters.
//!
//! What it refuses: digits glued to a following word (`180ميلي`, `1M`) are
//! not a number (the Recognizers-Text convention); a word that is also a
//! noun (ثمن: price) is a number only where its context says so.

mod lexicon;
mod scan;

/// The value of a mention: the claim model's.
pub use isnad_model::Value;
pub(crate) use lexicon::WordInfo;
pub use lexicon::{DEFAULT_COUNTED, DEFAULT_NUMBERS, Lexicon, LexiconError, Qualifier};

use isnad_text::{Calendar, Normalized, Token, token::tokenize_into};
use serde::Serialize;
use std::sync::Arc;

/// What a number mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A count: 12, اثنا عشر.
    Cardinal,
    /// A rank: الثاني, 3rd.
    Ordinal,
    /// A percentage (the value is the number before the sign).
    Percent,
    /// A fraction: نصف, 3/4.
    Fraction,
    /// A range: 300-400.
    Range,
    /// A vague quantity: عشرات.
    Vague,
    /// A year.
    Year,
    /// A date.
    Date,
    /// A time of day.
    Time,
    /// A phone number.
    Phone,
}

impl Kind {
    /// The contract's name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Cardinal => "cardinal",
            Kind::Ordinal => "ordinal",
            Kind::Percent => "percent",
            Kind::Fraction => "fraction",
            Kind::Range => "range",
            Kind::Vague => "vague",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Time => "time",
            Kind::Phone => "phone",
        }
    }

    /// True for the kinds that are quantities (a claim can carry them).
    pub fn is_quantity(self) -> bool {
        matches!(
            self,
            Kind::Cardinal | Kind::Percent | Kind::Fraction | Kind::Range | Kind::Vague
        )
    }
}

/// A number mention. Offsets are bytes into the text it was found in.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// First byte of the number expression (without its hedge).
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// What it is.
    pub kind: Kind,
    /// Its value.
    pub value: Value,
    /// How a hedge qualifies it.
    pub qualifier: Qualifier,
    /// The hedge's span, when there is one.
    pub hedge: Option<(usize, usize)>,
    /// The English gloss of a vague quantity.
    pub vague: Option<Arc<str>>,
    /// The numeric band a vague quantity stands for.
    pub band: Option<[f64; 2]>,
}

/// The number recogniser.
#[derive(Debug, Clone)]
pub struct Numbers {
    lex: Lexicon,
    calendar: Calendar,
}

/// Reusable buffers for [`Numbers::find`].
#[derive(Debug, Default)]
pub struct Scratch {
    pub(crate) norm: Normalized,
    pub(crate) tokens: Vec<Token>,
    pub(crate) found: Vec<Mention>,
}

impl Numbers {
    /// A recogniser with the vocabulary shipped with isnad.
    pub fn builtin() -> Numbers {
        Numbers {
            lex: Lexicon::builtin(),
            calendar: Calendar::builtin(),
        }
    }

    /// A recogniser with the given vocabulary and month names.
    pub fn new(lex: Lexicon, calendar: Calendar) -> Numbers {
        Numbers { lex, calendar }
    }

    /// Finds the numbers of a match key from its tokens; offsets are key
    /// offsets. `out` is cleared first.
    pub fn find_in_key(&self, key: &str, tokens: &[Token], out: &mut Vec<Mention>) {
        out.clear();
        scan::Scan::new(&self.lex, &self.calendar, key, tokens).run(out);
    }

    /// Like [`Numbers::find_in_key`], with each token's word already looked
    /// up ([`Numbers::words`]): `infos[i]` for token `i`.
    pub(crate) fn find_in_key_with<'a>(
        &'a self,
        key: &'a str,
        tokens: &'a [Token],
        infos: Vec<Option<&'a WordInfo>>,
        out: &mut Vec<Mention>,
    ) {
        out.clear();
        scan::Scan::with_infos(&self.lex, &self.calendar, key, tokens, infos).run(out);
    }

    /// Every word form the recogniser knows, with what it is.
    pub(crate) fn words(&self) -> impl Iterator<Item = (&str, &WordInfo)> {
        self.lex.words.iter().map(|(k, v)| (&**k, v))
    }

    /// Finds the numbers of `text`; offsets are offsets into `text`.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut s = Scratch::default();
        self.find_with(text, &mut s);
        s.found
    }

    /// Like [`Numbers::find`], reusing `scratch`; the mentions are in
    /// `scratch` afterwards ([`Scratch::mentions`]).
    pub fn find_with<'s>(&self, text: &str, scratch: &'s mut Scratch) -> &'s [Mention] {
        scratch.norm.reset(text);
        tokenize_into(scratch.norm.as_str(), &mut scratch.tokens);
        let key = scratch.norm.as_str();
        self.find_in_key(key, &scratch.tokens, &mut scratch.found);
        for m in &mut scratch.found {
            let r = scratch.norm.to_input(m.start..m.end);
            m.start = r.start;
            m.end = r.end;
            if let Some((s, e)) = m.hedge {
                let r = scratch.norm.to_input(s..e);
                m.hedge = Some((r.start, r.end));
            }
        }
        &scratch.found
    }
}

impl Numbers {
    /// The month names this recogniser knows.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// True when the key word `w` is a number word, a fraction or the start
    /// of a vague quantity.
    pub fn is_number_word(&self, w: &str) -> bool {
        self.lex.word(w).is_some_and(|i| {
            i.cardinal.is_some()
                || i.fraction.is_some()
                || i.phrases
                    .iter()
                    .any(|&p| matches!(self.lex.cue(p), lexicon::Cue::Vague(..)))
        })
    }
}

impl Scratch {
    /// The mentions of the last search.
    pub fn mentions(&self) -> &[Mention] {
        &self.found
    }

    /// The match key and tokens of the text last searched or extracted:
    /// what the analyses that follow an extraction can read again without
    /// normalising the text a second time.
    pub fn key(&self) -> (&Normalized, &[Token]) {
        (&self.norm, &self.tokens)
    }
}

#[cfg(test)]
mod tests;
