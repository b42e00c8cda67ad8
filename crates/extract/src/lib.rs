//! isnad's extraction stages.
//!
//! [`numbers`] recognises quantities (and the numbers that are not
//! quantities); [`claims`] turns them into attributed claims: facet, chain
//! of attribution, stance, subject and evidence. [`phrase`] is the
//! multi-word, clitic-aware phrase table both use.
#![deny(missing_docs)]

pub mod claims;
pub mod numbers;
pub mod phrase;

pub use claims::{Claim, Extractor, SourceKind, SourceRef, Stance};
pub use numbers::{Kind, Mention, Numbers, Qualifier, Value};
