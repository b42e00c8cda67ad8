//! Byte spans into the original bytes of a document.
//!
//! A [`Span`] is a half-open range `[start, end)` of byte offsets. Every
//! mention, claim and ledger cell in isnad carries one, and it always points
//! into the *original* bytes (the file as read, or a JSONL record's `text`),
//! never into a normalised copy. It serialises as a two-element JSON array,
//! `[start, end]`, as the contract fixes. It is the claim model's
//! ([`isnad_model::Span`]), beside the spans of the text and of the match
//! key ([`isnad_model::TextSpan`], [`isnad_model::KeySpan`]).

pub use isnad_model::Span;
