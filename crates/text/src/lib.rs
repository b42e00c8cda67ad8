//! isnad's text layer.
//!
//! Everything later stages stand on: reading a document ([`read`]: plain
//! text, HTML main content, JSONL records), finding its page furniture and
//! metadata, and the Arabic-aware views of its text: a normalised match key
//! with a map back to the original ([`Normalized`]), word tokens ([`token`]),
//! sentences ([`sentence`]), the one inventory of Arabic clitics and affixes
//! ([`morphology`]) with the light segmentation ([`clitic`]) and the search
//! terms ([`analyze`]) built on it, and the phrase matcher ([`phrase`]) the
//! month names, the number vocabulary and the claims tables share.
//!
//! The one rule of this crate: every offset it hands out maps back to the
//! original bytes. Normalisation changes the key, never the document.
//!
//! ```
//! use isnad_text::Normalized;
//! let input = "قالت “قسد” إن ١٢ مقاتلاً";
//! let n = Normalized::new(input);
//! assert_eq!(n.as_str(), "قالت \"قسد\" ان 12 مقاتلا");
//! let at = n.as_str().find("12").unwrap();
//! assert_eq!(&input[n.to_input(at..at + 2)], "١٢");
//! ```
#![deny(missing_docs)]

pub mod analyze;
pub mod calendar;
pub mod clitic;
pub mod document;
pub mod furniture;
pub mod letter;
pub mod meta;
pub mod morphology;
pub mod normalize;
pub mod origin;
pub mod phrase;
pub mod read;
pub mod sentence;
mod span;
pub mod token;

pub use calendar::Calendar;
pub use document::{Document, Format, Metadata};
pub use furniture::FurnitureRules;
pub use normalize::Normalized;
pub use read::{ReadError, Reader};
pub use span::Span;
pub use token::{Token, TokenKind};

#[cfg(test)]
mod tests {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<crate::Document>();
        assert_send_sync::<crate::Reader>();
        assert_send_sync::<crate::Normalized>();
    }
}
