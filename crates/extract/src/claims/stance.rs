//! Whether a claim's speaker denies its figure.
//!
//! In: a quantity and the frames of its sentence. Out: the chain of the
//! frame that covers it ([`pick`]), whether its source is unnamed, whether
//! the speaker denies the figure. A figure is denied when a denying verb's
//! frame covers it (نفى, "dismissed reports of 30"); when it is set
//! against the speaker's own ("three days, not 36 hours", ثلاثة أيام لا 36
//! ساعة), where a passive agent after it ("not the 45 announced by
//! officials") gave the figure but the speaker denies it; or when words
//! after it in its clause call it false ("were fantasy", بأنه «خيالي»); or
//! when a relative clause after it takes it back ("…، وهو أمر نفته
//! الوزارة", "— a claim the army denied"): the denier then holds it.
//! A zero is never denied: a denial asserts it (نفى أن يكون أي سجين قد فر),
//! which the claim's assembly decides.

use super::frames::{Frame, pick};
use super::*;

/// How far after a figure words that call it false may stand.
const FALSE_WORDS_REACH: usize = 8;

impl<'a> Run<'a> {
    /// The frame covering `q` and whether its speaker denies the figure.
    pub(super) fn stance(
        &self,
        q: &Quantity,
        sent: Range<usize>,
        frames: &[Frame],
    ) -> (Vec<SourceRef>, bool, bool) {
        if self.contrasted(q, sent.start) {
            // The agent of a passive after the figure gave it; the speaker
            // before it denies it.
            let speakers: Vec<Frame> = frames
                .iter()
                .filter(|f| !(f.passive && f.at > q.toks.start))
                .cloned()
                .collect();
            let (chain, anonymous, _) = pick(&speakers, q.toks.start);
            return (chain, anonymous, true);
        }
        if let Some(f) = self.retracted(q, frames) {
            return (f.chain.clone(), f.anonymous, true);
        }
        let (chain, anonymous, deny) = pick(frames, q.toks.start);
        (chain, anonymous, deny || self.called_false(q, sent.end))
    }

    /// True when a contrast word ends right before the figure or its
    /// hedge: "not 36 hours", "not the 45", "لا 36 ساعة".
    fn contrasted(&self, q: &Quantity, start: usize) -> bool {
        let lex = self.lex();
        let first = match q.m.hedge {
            Some((hs, _)) => self
                .toks
                .partition_point(|t| (t.end as usize) <= hs)
                .min(q.toks.start),
            None => q.toks.start,
        };
        (first.saturating_sub(3).max(start)..first)
            .any(|k| self.at(&lex.contrast, k).is_some_and(|f| f.end == first))
    }

    /// The denial in a relative clause after the figure that takes it
    /// back, when no other speaker stands between them.
    fn retracted<'f>(&self, q: &Quantity, frames: &'f [Frame]) -> Option<&'f Frame> {
        let lex = self.lex();
        let a = q.toks.start;
        let f = frames.iter().find(|f| f.at > a)?;
        let relative = (f.at.saturating_sub(5).max(a + 1)..=f.at).any(|k| {
            self.at(&lex.retracting, k)
                .is_some_and(|r| r.end <= f.at && (r.end..f.at).all(|j| !self.is_punct(j)))
        });
        (f.deny && !f.prep && relative).then_some(f)
    }

    /// True when words that call a figure false follow it in its clause,
    /// before another figure: "were \"fantasy\"", "as fabricated".
    fn called_false(&self, q: &Quantity, end: usize) -> bool {
        let lex = self.lex();
        let b = q.toks.end;
        (b..(b + FALSE_WORDS_REACH).min(end))
            .take_while(|&k| self.toks[k].kind != TokenKind::Number)
            .any(|k| self.starts(&lex.false_words, k))
    }
}
