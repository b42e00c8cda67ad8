//! A document as the engine reads it.
//!
//! A [`Document`] holds the original bytes (the file, or a JSONL record's
//! text), the UTF-8 text the engine reads, the [`OriginMap`] from that text
//! back to the original, the page furniture found in it, its metadata and
//! any warnings raised while reading (invalid bytes replaced, say). Every
//! span reported to a user goes through [`Document::original_span`].

use crate::origin::OriginMap;
use crate::{Span, normalize::Normalized};
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
    /// The original bytes that spans point into.
    pub original: Vec<u8>,
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

/// Guesses the language of `text` from its letters: `ar` when Arabic letters
/// outnumber Latin ones, `en` when Latin ones do. Looks at the first 2,048
/// characters.
pub fn guess_lang(text: &str) -> Option<String> {
    let mut ar = 0usize;
    let mut lat = 0usize;
    for c in text.chars().take(2048) {
        match c {
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}' => ar += 1,
            'a'..='z' | 'A'..='Z' => lat += 1,
            _ => {}
        }
    }
    if ar + lat < 8 {
        None
    } else if ar >= lat {
        Some("ar".into())
    } else {
        Some("en".into())
    }
}
