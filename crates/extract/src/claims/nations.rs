//! Sides of nations in a war between states.
//!
//! In: the tokens of a document. Out: where each nation it names is bound
//! to an attack or to repelling one ([`Run::nation_roles`], found once per
//! document), and for a count of a nation's people or troops the
//! people-word of the side that nation has at that point of the report
//! ([`Run::nation_side`]): the attacker's dead are the attacking side, the
//! dead of a nation that repelled an attack the defending side. Refused: a
//! nation named as what a number counts ("killed 300 Iranians in repelling
//! …") is bound to nothing, and a nation with no binding before a count's
//! sentence ends gives that count no side.

use super::*;

/// A nation bound to a side: the token of the word of attacking or
/// repelling, the nation's index, and whether it attacked.
pub(super) type NationRole = (usize, u16, bool);

impl Run<'_> {
    /// Every binding of a nation to an attack or a repelling, in text order.
    pub(super) fn nation_roles(&self) -> Vec<NationRole> {
        let lex = self.lex();
        let mut out = Vec::new();
        if !self.in_doc(&lex.attacks) && !self.in_doc(&lex.repels) {
            return out;
        }
        for k in 0..self.toks.len() {
            let attack = self.starts(&lex.attacks, k);
            if !attack && !self.starts(&lex.repels, k) {
                continue;
            }
            let nation = self.nation_before(k, attack).or_else(|| self.nation_after(k));
            if let Some(n) = nation.filter(|_| !self.insurgents_near(k)) {
                out.push((k, n, attack));
            }
        }
        out
    }

    /// The side of the nation whose people or troops the count ending
    /// before `b` counts, as the report has bound it by the end of the
    /// sentence (`sent_end`).
    pub(super) fn nation_side(&self, b: usize, sent_end: usize) -> Option<u16> {
        if self.facts.nations.is_empty() || self.insurgents_near(b) {
            return None;
        }
        let lex = self.lex();
        let nation = self.counted_nation(b, sent_end)?;
        // The latest binding by the end of the sentence, else the first
        // after it ("Iran killed 2,400 Iraqis. Baghdad said its forces
        // repulsed the attack").
        let bound = |&&(_, n, _): &&NationRole| n == nation;
        let &(_, _, attacked) = (self.facts.nations.iter().rev())
            .filter(bound)
            .find(|&&(k, _, _)| k < sent_end)
            .or_else(|| self.facts.nations.iter().find(bound))?;
        Some(if attacked {
            lex.roles.attackers
        } else {
            lex.roles.security
        })
    }

    /// The nation a count's noun phrase names: right after the number
    /// ("2,400 Iraqis", "29 Chadian soldiers") or after the people it
    /// counts (٥٠ جنديا إيرانيا، ٥٠ من الجنود الإيرانيين).
    pub(super) fn counted_nation(&self, b: usize, sent_end: usize) -> Option<u16> {
        let lex = self.lex();
        let people = |k: usize| self.starts(&lex.who, k) || self.starts(&lex.people_words, k);
        let mut k = b;
        if matches!(self.word(k), "من" | "of") && k + 1 < sent_end {
            k += 1;
        }
        if people(k) && !self.starts(&lex.nations, k) {
            k += 1;
        }
        if k >= sent_end {
            return None;
        }
        self.at(&lex.nations, k).map(|f| *f.value)
    }

    /// A nation in the five words before the English word at `k`, in its
    /// clause ("Baghdad said its forces repulsed"): not for an attack
    /// across a word of repelling, nor one a number counts ("killed 2,600
    /// Iraqis in their offensive"). None before an Arabic word, whose
    /// adjectives and subjects follow it: a nation before it belongs to
    /// another phrase (مقتل جنديين تركيين في هجوم، نسب الجيش التركي الهجوم).
    fn nation_before(&self, k: usize, attack: bool) -> Option<u16> {
        let lex = self.lex();
        if self.lang(k) == Lang::Arabic {
            return None;
        }
        for j in (k.saturating_sub(5)..k).rev() {
            let stop = self.clause_break(j) || attack && self.starts(&lex.repels, j);
            if stop {
                return None;
            }
            if let Some(f) = self.at(&lex.nations, j) {
                return (!self.counted(j)).then_some(*f.value);
            }
        }
        None
    }

    /// A nation right after an Arabic word, past the forces it describes
    /// (هجوم إيراني، صدت القوات العراقية; not هجوم في كينيا, a place), or
    /// after an English "by" ("an offensive by Iran", "by Iranian troops").
    fn nation_after(&self, k: usize) -> Option<u16> {
        let lex = self.lex();
        let from = match self.lang(k) {
            Lang::Arabic => k + 1,
            Lang::English if self.word(k + 1) == "by" => k + 2,
            Lang::English => return None,
        };
        if self.counted(from) {
            return None;
        }
        let mut j = from;
        while j < self.toks.len() && j < from + 3 && !self.clause_break(j) {
            if let Some(f) = self.at(&lex.nations, j) {
                return Some(*f.value);
            }
            if !self.starts(&lex.who, j) && !matches!(self.word(j), "the" | "an" | "a") {
                return None;
            }
            j += 1;
        }
        None
    }

    /// Whether an insurgent side is named in the sentence around `k`, up to
    /// twenty words each way: a nation fighting insurgents (الهجوم
    /// التركي على مواقع الحزب) is no side of a war between states, and its
    /// troops killed by them (قتل ثلاثة جنود أتراك في هجوم شنه مقاتلو
    /// الحزب) stay the security side.
    pub(super) fn insurgents_near(&self, k: usize) -> bool {
        let lex = self.lex();
        let insurgent = |j: usize| {
            self.at(&lex.who, j)
                .is_some_and(|f| *f.value == lex.roles.attackers)
                || self
                    .at(&lex.source_names, j)
                    .is_some_and(|f| lex.sides[*f.value] == Some(lex.roles.attackers))
        };
        let ends = |j: usize| matches!(self.toks[j].text(self.key), "." | "!" | "?" | "؟");
        let before = (k.saturating_sub(20)..k).rev().take_while(|&j| !ends(j));
        let after = (k + 1..(k + 21).min(self.toks.len())).take_while(|&j| !ends(j));
        before.chain(after).any(insurgent)
    }

    /// Punctuation that ends a clause (not an apostrophe, a hyphen or a quote).
    fn clause_break(&self, j: usize) -> bool {
        self.is_punct(j) && !matches!(self.toks[j].text(self.key), "’" | "-" | "‘")
    }

    /// Is the word at `j` counted by a number just before it (not by an
    /// article, which the number recogniser reads in "a hundred")?
    fn counted(&self, j: usize) -> bool {
        (j.saturating_sub(3)..j)
            .rev()
            .take_while(|&i| !self.clause_break(i))
            .any(|i| {
                let w = self.word(i);
                self.toks[i].kind == TokenKind::Number || !matches!(w, "a" | "an") && self.x.numbers_word(w)
            })
    }
}
