//! Claims of zero.
//!
//! In: a sentence and its frames. Out: a quantity of value 0 for each
//! "none" word in a negated or denying clause whose people-word or event
//! follows it: أي سجين لم يفر, لم يفر أحد, "no inmate escaped", "none of its
//! men had been killed", "no one was hurt"; and for a negated word of result
//! right before an event's noun: لم يسفر عن ضحايا, دون وقوع إصابات. Refused:
//! a "none" word with no negation in reach, or with nothing after it that
//! says who or what.

use super::*;

impl<'a> Run<'a> {
    /// The claims of zero of sentence `sent`.
    pub(super) fn zeros(&self, sent: Range<usize>, frames: &[Frame]) -> Vec<Quantity> {
        let lex = self.lex();
        let mut out = Vec::new();
        for i in sent.clone() {
            let Some(f) = self.at(&lex.none_words, i) else {
                continue;
            };
            // "no inmate escaped": the word is its own negation.
            let negated = frames.iter().any(|fr| fr.deny && fr.at < i)
                || (sent.start..=i).any(|k| self.starts(&lex.negation, k))
                || (i + 1..sent.end.min(i + 4)).any(|k| self.starts(&lex.negation, k));
            if !negated {
                continue;
            }
            let who = self.at(&lex.who, f.end);
            // "لم يفر أحد": the cue right before أحد, the negation right before the cue.
            let after_event = i > sent.start + 1
                && self.starts(&lex.events, i - 1)
                && (i.saturating_sub(3).max(sent.start)..i - 1).any(|k| self.starts(&lex.negation, k));
            // "none escaped", "no one had been killed": a cue right after
            // (past an auxiliary).
            let event_after = || {
                let mut k = f.end;
                // "none of its men had been killed": past the noun.
                if self.word(i) == "none"
                    && self.toks.get(k).is_some_and(|t| t.kind == TokenKind::Word)
                    && !self.starts(&lex.events, k)
                {
                    k += 1;
                }
                while matches!(
                    self.word(k),
                    "had" | "have" | "has" | "was" | "were" | "been" | "is" | "are"
                ) {
                    k += 1;
                }
                k < sent.end && self.starts(&lex.events, k)
            };
            // "لم يخلف القصف أية إصابات", "no injuries were reported": what
            // did not happen, named by its noun.
            let event = self.at(&lex.events, f.end).filter(|e| e.prefix == 0);
            let end = match (who, event) {
                (Some(w), _) if matches!(self.word(i), "اي" | "ايه" | "any" | "no" | "not" | "none") => {
                    w.end
                }
                (None, Some(e)) if matches!(self.word(i), "اي" | "ايه" | "any" | "no") => e.end,
                (None, _) if matches!(self.word(i), "احد" | "احدا") && after_event => f.end,
                (None, _)
                    if matches!(self.word(i), "none" | "nobody") || self.surface(i..f.end) == "no one" =>
                {
                    if !event_after() {
                        continue;
                    }
                    f.end
                }
                _ => continue,
            };
            out.push(self.zero(i..end, f.prefix));
        }
        out.extend(self.negated_results(sent));
        out
    }

    /// "لم يسفر عن ضحايا", "دون وقوع إصابات": a negation, a word of result
    /// right after it, and the noun of an event right after that; not after
    /// a word of purpose (للحيلولة دون سقوط ضحايا: an aim, not a count).
    fn negated_results(&self, sent: Range<usize>) -> Vec<Quantity> {
        let lex = self.lex();
        let purpose =
            |i: usize| (i.saturating_sub(2).max(sent.start)..i).any(|k| self.starts(&lex.zero_purpose, k));
        sent.clone()
            .filter(|&i| self.starts(&lex.negation, i) && !purpose(i))
            .filter_map(|i| {
                let r = self.at(&lex.zero_results, i + 1).filter(|r| r.end < sent.end)?;
                let e = self.at(&lex.events, r.end).filter(|e| e.prefix == 0)?;
                Some(self.zero(i..e.end, 0))
            })
            .collect()
    }

    /// A claim of zero over tokens `toks`, its text from `prefix` bytes into
    /// the first.
    fn zero(&self, toks: Range<usize>, prefix: usize) -> Quantity {
        Quantity {
            m: Mention {
                start: self.toks[toks.start].start as usize + prefix,
                end: self.toks[toks.end - 1].end as usize,
                kind: Kind::Cardinal,
                value: Value::Number(0.0),
                qualifier: Qualifier::Exact,
                hedge: None,
                vague: None,
                band: None,
            },
            toks,
        }
    }
}
