//! Phrase tables: multi-word entries matched over tokens, their first word
//! in every clitic form.
//!
//! The table, its matcher and the view of several tables as one vocabulary
//! ([`Tagged`]) are the text layer's ([`isnad_text::phrase`]), which the
//! number vocabulary and the month names share; the clitic forms come from
//! [`isnad_text::morphology`]. They are re-exported here for the claims
//! lexicon.

pub(crate) use isnad_text::phrase::Tagged;
pub use isnad_text::phrase::{Found, PhraseSet};
