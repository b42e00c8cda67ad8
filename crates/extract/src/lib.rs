//! isnad's extraction stages.
//!
//! Today: [`numbers`], the recogniser of quantities (and of the numbers that
//! are not quantities) in Arabic text, with digits in English text too. The
//! claims stages (mentions, attribution, facets, subjects) build on it.
#![deny(missing_docs)]

pub mod numbers;

pub use numbers::{Kind, Mention, Numbers, Qualifier, Value};
