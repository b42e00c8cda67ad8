//! The rules of each language, behind one trait.
//!
//! Most of extraction reads Arabic and English alike: the gazetteer, the
//! frames and their scope, the facets. Where the two languages differ, a
//! [`Grammar`] answers: where the subject of a reporting verb stands (after
//! it in Arabic, قال المرصد; before it in English, "the monitor said"), how
//! a name no gazetteer knows is written (a definite construct, المرصد السوري;
//! capitalised words, the Syrian Observatory), how an unnamed source is
//! qualified ("local sources"; أحد سكان الحي).
//!
//! A sentence's clause rules come from the grammar of the language most of
//! its words are written in ([`Lang::of_sentence`]), chosen once per
//! sentence. A name is read by the grammar of its own script
//! ([`Run::lang`]), so an English name quoted in an Arabic report is read as
//! English. [`Lang::of_word`] is the one place a script is told.

pub(super) mod ar;
pub(super) mod en;

use super::Aliases;
use super::frames::Scan;
use super::lexicon::Verb;
use super::sources::SrcMention;
use super::view::Run;
use isnad_text::TokenKind;
use std::ops::Range;

/// A language whose rules extraction knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lang {
    /// Arabic, and any script but Latin.
    Arabic,
    /// English: words in Latin letters.
    English,
}

impl Lang {
    /// The language whose rules read `word` (a match key): English for
    /// Latin letters (and for the empty word of a punctuation token),
    /// Arabic for any other script.
    #[inline]
    pub(super) fn of_word(word: &str) -> Lang {
        if word.is_ascii() {
            Lang::English
        } else {
            Lang::Arabic
        }
    }

    /// The language most of the words of `sent` are written in (Arabic on
    /// a tie).
    pub(super) fn of_sentence(run: &Run, sent: Range<usize>) -> Lang {
        let (mut latin, mut other) = (0usize, 0usize);
        // The words' bytes straight from the key: this reads every token
        // of the document, and slicing the key as text (checking that each
        // end falls between characters) was half of its cost.
        let key = run.key.as_bytes();
        let words = (run.toks.get(sent).unwrap_or_default().iter())
            .filter(|t| t.kind == TokenKind::Word)
            .filter_map(|t| key.get(t.start as usize..t.end as usize));
        for w in words {
            // A first byte past ASCII settles it (most words, in Arabic
            // news) without scanning the rest of the word.
            match w.first() {
                None => {}
                Some(&b) if b < 0x80 && w.is_ascii() => latin += 1,
                Some(_) => other += 1,
            }
        }
        if latin > other {
            Lang::English
        } else {
            Lang::Arabic
        }
    }

    /// Its rules.
    pub(super) fn grammar(self) -> &'static dyn Grammar {
        match self {
            Lang::Arabic => &ar::Arabic,
            Lang::English => &en::English,
        }
    }
}

/// Who a reporting verb's subject is.
#[derive(Debug, Default)]
pub(super) struct Subject {
    /// The speaker, when the sentence names one.
    pub(super) who: Option<SrcMention>,
    /// A passive agent ("cited by the ministry"): it covers the number
    /// right before the verb.
    pub(super) passive: bool,
    /// A source the speaker cites, named before the verb (المصدر الذي نقلت
    /// عنه الصحيفة: the paper speaks, citing the source).
    pub(super) cited: Option<SrcMention>,
    /// The verb opens no frame at all (a relative clause with no antecedent).
    pub(super) none: bool,
}

/// What differs between the languages in reading a sentence.
pub(super) trait Grammar: Sync {
    /// The subject of the reporting verb `verb` at token `v` (its phrase
    /// ends before `after`), in a sentence with numbers being scanned.
    fn verb_subject(&self, run: &Run, scan: &Scan, v: usize, verb: Verb, after: usize) -> Subject;

    /// The speaker of the reporting verb at `v` in a sentence without
    /// numbers (remembered for a later verb with no subject).
    fn speaker(
        &self,
        run: &Run,
        sent: Range<usize>,
        v: usize,
        after: usize,
        aliases: Aliases,
    ) -> Option<SrcMention>;

    /// True when the reporting-verb form at `v` is a noun: the object of
    /// the verb before it ("denied reports that…"), after a determiner
    /// ("first reports said").
    fn verb_is_object(&self, run: &Run, sent: Range<usize>, v: usize) -> bool;

    /// True when a source cited by a preposition speaks on in the next
    /// sentence ("…, according to spokesman X. He said…").
    fn carries_citation(&self) -> bool;

    /// True when the reporting verb at `v` may cover the numbers before it
    /// in its sentence ("…, police said"); an Arabic verb reports what
    /// follows it, unless a particle makes it trail (…، كما أعلنت الشرطة).
    fn verb_trails(&self, run: &Run, v: usize) -> bool;

    /// A name no gazetteer knows, opening at token `i`.
    fn name(&self, run: &Run, i: usize, aliases: Aliases) -> Option<SrcMention>;

    /// A source named at `i` before its verb (a name no gazetteer knows,
    /// which a verb may follow), in the sentence being scanned.
    fn name_before_verb(&self, run: &Run, scan: &Scan, i: usize) -> Option<SrcMention>;

    /// An unnamed source with a word before it that belongs to it ("local
    /// sources", "some pro-government channels"; أحد سكان الحي).
    fn qualified_unnamed(&self, run: &Run, i: usize, aliases: Aliases) -> Option<SrcMention>;
}
