//! isnad's extraction stages.
//!
//! [`numbers`] recognises quantities (and the numbers that are not
//! quantities); [`claims`] turns them into attributed claims: facet, chain
//! of attribution, stance, subject and evidence. Both match multi-word
//! phrases with the text layer's matcher ([`isnad_text::phrase`]);
//! [`phrase`] re-exports its clitic-aware table for the claims lexicon.
#![deny(missing_docs)]

pub mod claims;
pub mod numbers;
pub mod phrase;

pub use claims::{Claim, Extractor, SourceKind, SourceRef, Stance};
pub use numbers::{Kind, Mention, Numbers, Qualifier, Value};
