//! What the document tells as a whole, and who has spoken so far.
//!
//! [`Facts`] are found once, before any sentence is read: the chain head,
//! acronyms, the names the document gives in full, the events it names.
//! [`Discourse`] is the one mutable state of a run: every source named so
//! far, the subjects of reporting verbs, and the latest speaker, which a
//! later sentence continues (وأضاف, "he added"). Nothing else changes as the
//! sentences are read.

use super::frames::Frame;
use super::model::{SourceKind, SourceRef};
use super::sources::SrcMention;
use rustc_hash::{FxHashMap, FxHashSet};
use std::cell::{OnceCell, RefCell};
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
    /// that count only in their context, التنظيم): found at the first such
    /// alias read, as most documents have none (looking up every token
    /// that may start a name was a fifth of the work before the sentences).
    pub(super) named: OnceCell<FxHashSet<usize>>,
    /// Each cue of a known event: its token and the event, in token order.
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

/// A description's head word, the kind its last word names, and its own
/// kind: what [`super::Run::later_named`] looks for.
pub(super) type LaterKey = (String, SourceKind, SourceKind);

/// Who has been named and who spoke, sentence after sentence.
#[derive(Default)]
pub(super) struct Discourse {
    /// Every source mentioned so far, latest last (added through
    /// [`Discourse::push_source`], which keeps the index below).
    pub(super) sources: Vec<SrcMention>,
    /// The latest unnamed source in `sources` by its head word: "the
    /// source" looks it up once per sentence, and a scan back over every
    /// source of a long document made its claims quadratic.
    anonymous_by_head: FxHashMap<String, usize>,
    /// Per description's head, kind and own kind: a stretch of tokens
    /// `[from, to)` in which [`super::Run::later_named`] found no name
    /// that any description of them takes (only a verb near the
    /// description may open one there).
    pub(super) later: RefCell<FxHashMap<LaterKey, (usize, usize)>>,
    /// The subjects of reporting verbs so far, latest last ("the group"
    /// refers to one of them).
    pub(super) subjects: Vec<SrcMention>,
    /// The frame of the latest speaker, for a verb with no subject.
    pub(super) last_speaker: Option<Frame>,
}

impl Discourse {
    /// Adds a source mentioned now.
    pub(super) fn push_source(&mut self, m: SrcMention) {
        if m.anonymous {
            self.anonymous_by_head.insert(m.head.clone(), self.sources.len());
        }
        self.sources.push(m);
    }

    /// The latest unnamed source whose head word is `head`.
    pub(super) fn anonymous_with_head(&self, head: &str) -> Option<&SrcMention> {
        self.anonymous_by_head
            .get(head)
            .and_then(|&k| self.sources.get(k))
    }
}
