//! What the document tells as a whole, and who has spoken so far.
//!
//! [`Facts`] are found once, before any sentence is read: the chain head,
//! acronyms, the names the document gives in full, the events it names.
//! [`Discourse`] is the one mutable state of a run: every source named so
//! far, the subjects of reporting verbs, and the latest speaker, which a
//! later sentence continues (وأضاف, "he added"). Nothing else changes as the
//! sentences are read.

use super::frames::Frame;
use super::model::SourceRef;
use super::sources::SrcMention;
use rustc_hash::FxHashSet;
use std::collections::HashMap;
use std::ops::Range;

/// What the document tells as a whole.
#[derive(Default)]
pub(super) struct Facts<'a> {
    /// The outlet and wire at the head of every chain.
    pub(super) head: Vec<SourceRef>,
    /// Their ids (without `unknown`): the outlet naming itself is its own voice.
    pub(super) head_ids: Vec<String>,
    /// A name's acronym (in quotes after it, قوات سوريا الديمقراطية «قسد»,
    /// or made of its initials, the GDF): the acronym's key and the name's
    /// tokens.
    pub(super) acronyms: HashMap<&'a str, Range<usize>>,
    /// The document speaks of a prison or detention.
    pub(super) prison: bool,
    /// The gazetteer sources the document names in full (for the aliases
    /// that count only in their context, التنظيم).
    pub(super) named: FxHashSet<usize>,
    /// Each cue of a known event: its token and the event.
    pub(super) events: Vec<(usize, usize)>,
    /// The event most cues name.
    pub(super) main_event: Option<usize>,
    /// Where nations are bound to attacking or repelling.
    pub(super) nations: Vec<super::nations::NationRole>,
}

/// Which aliases a look-up may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Aliases {
    /// Also those that count only when the document names the source in full.
    Doc,
    /// Only the gazetteer's plain names and aliases.
    Plain,
}

/// Who has been named and who spoke, sentence after sentence.
#[derive(Default)]
pub(super) struct Discourse {
    /// Every source mentioned so far, latest last.
    pub(super) sources: Vec<SrcMention>,
    /// The subjects of reporting verbs so far, latest last ("the group"
    /// refers to one of them).
    pub(super) subjects: Vec<SrcMention>,
    /// The frame of the latest speaker, for a verb with no subject.
    pub(super) last_speaker: Option<Frame>,
}
