//! One sentence's claims.
//!
//! In: a sentence (its tokens, its range in the key and in the text) and
//! the number mentions inside it. Out: a claim for each quantity outside
//! furniture that has a facet, and for each claim of zero, with the chain
//! of the frame that covers it, its stance, subject and evidence. A sentence
//! with no quantity only tells who spoke, for the sentences that continue
//! its speaker.

use super::*;
use isnad_model::Span;

impl<'a> Run<'a> {
    pub(super) fn sentence(
        &mut self,
        toks: Range<usize>,
        key: Range<usize>,
        text: Range<usize>,
        mentions: &[Mention],
        out: &mut Vec<Claim>,
    ) {
        let lex = self.lex();
        let mut qs = self.quantities(key.clone(), mentions);
        // A sentence with no number only tells who spoke (for a later وأضاف).
        let may_claim_zero = |k: usize| self.starts(&lex.none_words, k) || self.starts(&lex.zero_results, k);
        if qs.is_empty() && !toks.clone().any(may_claim_zero) {
            self.track_speakers(toks, Aliases::Doc);
            return;
        }
        let frames = self.frames(toks.clone(), Aliases::Doc);
        // Claims of zero: أي سجين in a negated or denying clause.
        qs.extend(self.zeros(toks.clone(), &frames));
        qs.sort_by_key(|q| q.toks.start);
        let spans: Vec<Range<usize>> = qs.iter().map(|q| q.toks.clone()).collect();
        let cues = if qs.is_empty() {
            Vec::new()
        } else {
            self.cues(toks.clone())
        };
        for q in &qs {
            if let Some(c) = self.claim(q, toks.clone(), &text, &frames, &spans, &cues) {
                out.push(c);
            }
        }
    }

    /// The quantities among `mentions` (those of one sentence, at key
    /// offsets `key`) outside page furniture, with their tokens. A mention
    /// that runs past the sentence's end (". 8888" read as .8888 where the
    /// sentence ends at the stop) is no claim of it: its span would lie
    /// outside the sentence it cites as evidence.
    fn quantities(&self, key: Range<usize>, mentions: &[Mention]) -> Vec<Quantity> {
        mentions
            .iter()
            .filter(|m| m.start >= key.start && m.kind.is_quantity())
            .filter(|m| m.end <= key.end && m.hedge.is_none_or(|(hs, he)| hs >= key.start && he <= key.end))
            .filter(|m| !self.doc.in_furniture(self.n.to_input(m.start..m.end)))
            .map(|m| {
                let a = self.toks.partition_point(|t| (t.end as usize) <= m.start);
                let b = self.toks.partition_point(|t| (t.start as usize) < m.end);
                Quantity {
                    m: m.clone(),
                    toks: a..b.max(a + 1),
                }
            })
            .collect()
    }

    /// The claim of quantity `q`, when it has a facet.
    fn claim(
        &self,
        q: &Quantity,
        sent: Range<usize>,
        text: &Range<usize>,
        frames: &[Frame],
        spans: &[Range<usize>],
        cues: &[(usize, u16)],
    ) -> Option<Claim> {
        let (facet, factor) = self.facet(sent.clone(), q, spans, cues)?;
        let (chain_tail, anonymous, deny) = self.stance(q, sent.clone(), frames);
        let facet = self.own_side(facet, q, sent.end, chain_tail.last());
        let mut source = self.facts.head.clone();
        source.extend(chain_tail.iter().cloned());
        let anonymous = anonymous && !chain_tail.is_empty();
        let value = match q.m.value {
            Value::Number(x) => Value::Number(x * factor),
            Value::Range(a, b) => Value::Range(a * factor, b * factor),
            Value::None => Value::None,
        };
        // A figure no count of its facet can be (a billion people, a run
        // of digits too long for a float) is no claim.
        if !self.lex().plausible(&value) {
            return None;
        }
        let span_key = match q.m.hedge {
            Some((hs, he)) => hs.min(q.m.start)..he.max(q.m.end),
            None => q.m.start..q.m.end,
        };
        let qualifier = if q.m.kind == Kind::Vague && q.m.qualifier == Qualifier::Exact {
            Qualifier::Approx
        } else {
            q.m.qualifier
        };
        let quantity = self.n.to_input(span_key);
        let span = self.doc.original_span(quantity.clone());
        let sentence = self.doc.original_span(text.clone());
        // The quantity in the sentence's text, kept when the text is not
        // the original bytes there (so that a mark lands on it).
        let at = |x: usize| x.saturating_sub(text.start).min(text.len());
        let mark = Span::new(at(quantity.start), at(quantity.end));
        let shifted = mark.start != span.start.saturating_sub(sentence.start)
            || mark.end != span.end.saturating_sub(sentence.start);
        Some(Claim {
            doc: self.doc.id.clone(),
            lang: self.doc.meta.lang.clone(),
            facet,
            value,
            vague: q.m.vague.clone(),
            band: q.m.band,
            qualifier,
            stance: if deny && !matches!(value, Value::Number(0.0)) {
                Stance::Denied
            } else {
                Stance::Asserted
            },
            source: source.into(),
            anonymous,
            subject: self.subject(sent, q.toks.start),
            mark: shifted.then_some(mark),
            span,
            sentence,
            evidence: self.doc.text[text.clone()].into(),
            warc: self.doc.meta.warc.clone(),
        })
    }
}
