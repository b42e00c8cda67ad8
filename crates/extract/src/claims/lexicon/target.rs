//! What a report is about when no known event names it: the name beside
//! a target word (سجن كوبر, Kuje prison).

use super::ClaimsLexicon;
use crate::claims::lang::Lang;
use isnad_text::token::tokenize;
use isnad_text::{Normalized, Token, TokenKind};

impl ClaimsLexicon {
    /// What `text` is about when no known event names it: the name most
    /// often next to a target word (`targets` in events.toml), as a match
    /// key without its article, e.g. "كوبر" for سجن كوبر, "kuje" for Kuje
    /// prison. English names count only when capitalised in `text`.
    pub fn target(&self, text: &str) -> Option<String> {
        self.target_except(text, &|_| false)
    }

    /// [`Self::target`], with words `skip` refuses never a name (numbers).
    pub fn target_except(&self, text: &str, skip: &dyn Fn(&str) -> bool) -> Option<String> {
        let n = Normalized::new(text);
        let toks = tokenize(n.as_str());
        self.target_except_of(text, &n, &toks, skip)
    }

    /// As [`ClaimsLexicon::target_except`], for a text already normalised
    /// and tokenised (see [`ClaimsLexicon::sources_named_of`]).
    pub fn target_except_of(
        &self,
        text: &str,
        n: &Normalized,
        toks: &[Token],
        skip: &dyn Fn(&str) -> bool,
    ) -> Option<String> {
        let k = n.as_str();
        let word = |i: usize| toks.get(i).filter(|t| t.kind == TokenKind::Word);
        let name = |i: usize| -> Option<String> {
            let t = word(i)?;
            if self.target_stops.starts_at(k, toks, i) || self.targets.starts_at(k, toks, i) {
                return None;
            }
            let w = t.text(k);
            // A word with a clitic and the article (والتعذيب، للنازحين) is no name.
            if skip(w) || ["وال", "فال", "بال", "لل"].iter().any(|p| w.starts_with(p)) {
                return None;
            }
            let w = w
                .strip_prefix("ال")
                .filter(|r| r.chars().count() >= 2)
                .unwrap_or(w);
            (w.chars().count() >= 3).then(|| w.to_string())
        };
        let mut counts: Vec<(String, usize)> = Vec::new();
        for i in 0..toks.len() {
            let Some(f) = self.targets.at(k, toks, i) else {
                continue;
            };
            let t = &toks[i];
            if t.text(k).starts_with('ب') && f.prefix > 0 {
                continue;
            }
            let found = if Lang::of_word(t.text(k)) == Lang::English {
                // English: the capitalised word before.
                i.checked_sub(1).and_then(|j| {
                    let p = word(j)?;
                    let orig = &text[n.to_input(p.range())];
                    orig.starts_with(|c: char| c.is_uppercase())
                        .then(|| name(j))
                        .flatten()
                })
            } else {
                name(f.end)
            };
            if let Some(w) = found {
                match counts.iter_mut().find(|(n, _)| *n == w) {
                    Some((_, c)) => *c += 1,
                    None => counts.push((w, 1)),
                }
            }
        }
        let best = counts.iter().map(|(_, c)| *c).max()?;
        counts.into_iter().find(|(_, c)| *c == best).map(|(w, _)| w)
    }
}
