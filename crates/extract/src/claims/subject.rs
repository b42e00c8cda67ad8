//! The event a claim is about: the known event (`data/events.toml`) whose
//! cue comes nearest before the number in its sentence, else the one the
//! document names most. No known event, no subject.

use super::*;

impl<'a> Run<'a> {
    /// Every cue of a known event (its token and the event), and the event
    /// with most cues (the first listed on a tie).
    pub(super) fn events(&self) -> (Vec<(usize, usize)>, Option<usize>) {
        let lex = self.lex();
        let end = if self.in_doc(&lex.event_cues) {
            self.toks.len()
        } else {
            0
        };
        let hits: Vec<(usize, usize)> = (0..end)
            .filter_map(|i| self.at(&lex.event_cues, i).map(|f| (i, *f.value)))
            .collect();
        let mut counts = vec![0usize; lex.known_events.len()];
        for &(_, e) in &hits {
            counts[e] += 1;
        }
        let main = counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .max_by_key(|(i, c)| (**c, std::cmp::Reverse(*i)))
            .map(|(i, _)| i);
        (hits, main)
    }

    /// The event of a number at token `at` of sentence `sent`.
    pub(super) fn subject(&self, sent: Range<usize>, at: usize) -> Option<String> {
        // The cues are in token order: the last one before the number, by
        // bisection (a scan back over every cue of the document made a
        // long document's claims quadratic), if it is in the sentence.
        let before = self.facts.events.partition_point(|&(i, _)| i < at.min(sent.end));
        let local = before
            .checked_sub(1)
            .map(|k| self.facts.events[k])
            .filter(|&(i, _)| i >= sent.start)
            .map(|(_, e)| e);
        local
            .or(self.facts.main_event)
            .map(|e| self.lex().known_events[e].id.clone())
    }
}
