//! Byte spans, one type per coordinate system.
//!
//! A document is seen three ways, and an offset means nothing without
//! knowing which: its **original** bytes (the file as read, or a JSONL
//! record's `text`), the **text** read from them (for an HTML page, its
//! main content), and the **match key** normalised from that text. Each has
//! its span type, a half-open range `[start, end)`:
//!
//! | type | counts bytes of | who makes it |
//! | --- | --- | --- |
//! | [`Span`] | the original | `Document::original_span` (the origin map) |
//! | [`TextSpan`] | the document's text | `Normalized::to_text`, the reader |
//! | [`KeySpan`] | the match key | tokens, sentences, the number scan |
//!
//! Every span a claim, a mention or a ledger cell carries, stores or shows
//! is a [`Span`]: it points into the original bytes, never into a
//! normalised copy. The three do not convert into one another; only the
//! text layer's maps, which know the document, do. All three serialise as
//! a two-element JSON array, `[start, end]`, as the contract fixes.

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A half-open byte range `[start, end)` into a document's original bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`; `end` is clamped to be at least `start`.
    pub fn new(start: usize, end: usize) -> Span {
        let start = u32::try_from(start).unwrap_or(u32::MAX);
        let end = u32::try_from(end).unwrap_or(u32::MAX).max(start);
        Span { start, end }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl Serialize for Span {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        [self.start, self.end].serialize(s)
    }
}

impl<'de> Deserialize<'de> for Span {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Span, D::Error> {
        let [start, end] = <[u32; 2]>::deserialize(d)?;
        if end < start {
            return Err(serde::de::Error::custom("span end before start"));
        }
        Ok(Span { start, end })
    }
}

/// Declares a `usize` span type of one coordinate system.
macro_rules! usize_span {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name {
            /// First byte.
            pub start: usize,
            /// One past the last byte.
            pub end: usize,
        }

        impl $name {
            /// A span from `start` to `end`; `end` is clamped to be at least `start`.
            pub fn new(start: usize, end: usize) -> $name {
                $name {
                    start,
                    end: end.max(start),
                }
            }

            /// The span as a range, for slicing.
            pub fn range(self) -> Range<usize> {
                self.start..self.end
            }

            /// Length in bytes.
            pub fn len(self) -> usize {
                self.end - self.start
            }

            /// True when the span covers no byte.
            pub fn is_empty(self) -> bool {
                self.start == self.end
            }
        }

        impl From<Range<usize>> for $name {
            fn from(r: Range<usize>) -> $name {
                $name::new(r.start, r.end)
            }
        }

        impl From<$name> for Range<usize> {
            fn from(s: $name) -> Range<usize> {
                s.range()
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                [self.start, self.end].serialize(s)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let [start, end] = <[usize; 2]>::deserialize(d)?;
                if end < start {
                    return Err(serde::de::Error::custom("span end before start"));
                }
                Ok($name { start, end })
            }
        }
    };
}

usize_span!(
    /// A half-open byte range into the text read from a document
    /// (`Document::text`): what the page highlights, and what
    /// `Document::original_span` maps to a [`Span`].
    TextSpan
);

usize_span!(
    /// A half-open byte range into a text's normalised match key
    /// (`Normalized::as_str`): what tokens and the number scan see, and
    /// what `Normalized::to_text` maps to a [`TextSpan`].
    KeySpan
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_serialise_as_a_pair() {
        let s = Span::new(3, 9);
        assert_eq!(serde_json::to_string(&s).unwrap(), "[3,9]");
        let back: Span = serde_json::from_str("[3,9]").unwrap();
        assert_eq!(back, s);
        assert!(serde_json::from_str::<Span>("[9,3]").is_err());
        assert_eq!(serde_json::to_string(&TextSpan::new(4, 8)).unwrap(), "[4,8]");
        assert_eq!(
            serde_json::from_str::<KeySpan>("[1,2]").unwrap(),
            KeySpan::from(1..2)
        );
        assert!(serde_json::from_str::<TextSpan>("[2,1]").is_err());
    }

    #[test]
    fn span_relations() {
        let a = Span::new(0, 10);
        let b = Span::new(2, 5);
        let c = Span::new(10, 12);
        assert!(a.contains(b) && !b.contains(a));
        assert!(a.overlaps(b) && !a.overlaps(c));
        assert_eq!(a.cover(c), Span::new(0, 12));
        assert_eq!(Span::new(5, 2), Span::new(5, 5));
        assert_eq!(TextSpan::new(5, 2), TextSpan::new(5, 5));
        assert_eq!(KeySpan::from(3..7).len(), 4);
    }
}
