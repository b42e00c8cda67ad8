//! The claim as extraction gives it: its value, chain, stance and spans.

use crate::numbers::{Qualifier, Value};
use isnad_text::Span;
use std::sync::Arc;

/// A link of an attribution chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    /// Stable id (the gazetteer's, or one made from the name).
    pub id: String,
    /// Name as the gazetteer or the text gives it.
    pub name: String,
    /// What kind of source it is.
    pub kind: SourceKind,
}

/// What kind of source a chain link is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// A news outlet or agency.
    Outlet,
    /// A body that is neither a government nor an armed group (a monitor, an NGO).
    Organisation,
    /// A government, ministry or official body.
    Government,
    /// An armed group or force.
    ArmedGroup,
    /// A named person.
    Person,
    /// An unnamed source (sources, residents, an official who declined to be named).
    Anonymous,
}

impl SourceKind {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceKind::Outlet => "outlet",
            SourceKind::Organisation => "organisation",
            SourceKind::Government => "government",
            SourceKind::ArmedGroup => "armed_group",
            SourceKind::Person => "person",
            SourceKind::Anonymous => "anonymous",
        }
    }
}

/// Whether the source asserts or denies the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// Asserted.
    Asserted,
    /// Denied.
    Denied,
}

impl Stance {
    /// The contract's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Asserted => "asserted",
            Stance::Denied => "denied",
        }
    }
}

/// A claim.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The document's id.
    pub doc: String,
    /// Its language.
    pub lang: Option<String>,
    /// The facet, or `other:<noun>`.
    pub facet: String,
    /// The value.
    pub value: Value,
    /// The gloss of a vague value.
    pub vague: Option<Arc<str>>,
    /// The band `[lo, hi]` a vague value stands for (not part of the
    /// contract's claim JSON; the ledger compares numbers against it).
    pub band: Option<[f64; 2]>,
    /// How it is hedged.
    pub qualifier: Qualifier,
    /// Asserted or denied.
    pub stance: Stance,
    /// The chain, outermost first.
    pub source: Vec<SourceRef>,
    /// The innermost source is unnamed.
    pub anonymous: bool,
    /// The event it is about.
    pub subject: Option<String>,
    /// The quantity's span in the original bytes.
    pub span: Span,
    /// The sentence's span in the original bytes.
    pub sentence: Span,
    /// The sentence's text.
    pub evidence: String,
}
