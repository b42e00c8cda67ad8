//! The claim as extraction gives it: the claim model's types
//! ([`isnad_model`]), which the store, the ledger and every output share.

pub use isnad_model::{Claim, SourceKind, SourceRef, Stance};
