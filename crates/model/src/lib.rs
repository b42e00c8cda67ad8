//! isnad's claim model: the one definition of a claim that extraction
//! produces, the store keeps, the ledger compares, and every output shows.
//!
//! A [`Claim`] is a number a source gives about an event: its [`Value`]
//! (hedged by a [`Qualifier`]), its [`Stance`], the chain of
//! [`SourceRef`]s that attribute it (each of a [`SourceKind`]), and the
//! [`Span`]s of its evidence in the original bytes of its document.
//!
//! Design choices:
//! - **Names are the contract's.** Each enum's words (`at_least`,
//!   `denied`, `armed_group`) are written once, in its `as_str`; `Display`,
//!   `FromStr` and serde all go through them, and a word this build does
//!   not know is an error naming it ([`UnknownName`]), never a default.
//! - **serde gives the contract's JSON.** `serde_json::to_value(&claim)`
//!   is the claim object of `isnad extract` (printed with its keys sorted,
//!   as a JSON object prints); a value is a number, `[lo, hi]` or `null`,
//!   whole numbers without a fraction; a span is `[start, end]`.
//! - **One newtype per coordinate system.** [`Span`] counts bytes of the
//!   original file (what every stored or shown span is); [`TextSpan`],
//!   bytes of the text read from it; [`KeySpan`], bytes of its normalised
//!   match key. They do not convert into each other: only the text layer's
//!   maps do that.
//! - **Shared, not copied.** A claim's chain and evidence are reference
//!   counted, so the store's rows and the ledger's cells share them.
//!
//! ```
//! use isnad_model::{Qualifier, Value};
//! assert_eq!("at_least".parse::<Qualifier>().unwrap(), Qualifier::AtLeast);
//! assert!("roughly".parse::<Qualifier>().is_err());
//! assert_eq!(Value::Range(300.0, 400.0).bounds(), Some((300.0, 400.0)));
//! ```
#![deny(missing_docs)]

mod claim;
mod names;
mod span;
mod value;

pub use claim::{Claim, SourceKind, SourceRef, Stance, WarcOrigin};
pub use names::UnknownName;
pub use span::{KeySpan, Span, TextSpan};
pub use value::{Qualifier, Value};

#[cfg(test)]
mod tests {
    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<crate::Claim>();
        assert_send_sync::<crate::UnknownName>();
    }
}
