//! Reference: which source a mention stands for.
//!
//! In: a mention found in a sentence, and the discourse so far. Out: the
//! source it refers to: an acronym (the GDF, «قسد») is the name it stands
//! for; a definite head alone (المرصد, "the monitor", "the group") is the
//! last source with that head or of that kind that spoke; a description
//! (مرصد حقوقي محلي, "a war monitor") is the body of that head or kind the
//! report names later. Also the side a source speaks for (its gazetteer
//! `side`, or the people-word in its name). A mention that refers to
//! nothing known stays as it is.

use super::view::{lower_contains, without_article};
use super::*;
use std::collections::HashMap;

impl<'a> Run<'a> {
    /// The document's acronyms: a word in quotes after a name, or a word in
    /// capitals made of a name's initials.
    pub(super) fn acronyms(&self) -> HashMap<&'a str, Range<usize>> {
        let mut out = HashMap::new();
        let t = self.toks;
        for q in 1..t.len().saturating_sub(2) {
            let quote = |k: usize| t[k].kind == TokenKind::Punct && t[k].text(self.key) == "\"";
            if quote(q)
                && t[q + 1].kind == TokenKind::Word
                && quote(q + 2)
                && t[q - 1].kind == TokenKind::Word
            {
                let mut start = q - 1;
                while start > 0 && q - start < 4 && t[start - 1].kind == TokenKind::Word {
                    start -= 1;
                }
                out.entry(t[q + 1].text(self.key)).or_insert(start..q);
            }
        }
        self.initials(&mut out);
        out
    }

    /// The side a source speaks for: a known group by its id, else the
    /// people-word in its name or in the name its acronym stands for (the
    /// Greyhill Defence Forces: security).
    pub(super) fn side_of(&self, src: &SourceRef) -> Option<u16> {
        let lex = self.lex();
        if let Some(w) = lex.side_by_id(&src.id) {
            return Some(w);
        }
        let m = self.disc.sources.iter().rev().find(|m| m.src.id == src.id)?;
        let mut spans = vec![m.toks.clone()];
        spans.extend(
            m.toks
                .clone()
                .filter_map(|k| self.facts.acronyms.get(self.word(k)).cloned()),
        );
        spans.into_iter().flatten().find_map(|k| {
            self.at(&lex.who, k)
                .map(|f| *f.value)
                .filter(|&w| w == lex.roles.security || w == lex.roles.attackers)
        })
    }

    /// True for a word that can tell one named source from another: not a
    /// title, a word that says what a source is, an adjective, a function
    /// word or an unnamed source's noun; three letters or more.
    fn name_word(&self, k: usize) -> bool {
        let lex = self.lex();
        self.toks[k].kind == TokenKind::Word
            && self.word(k).chars().count() >= 3
            && !self.starts(&lex.titles, k)
            && !self.starts(&lex.kinds, k)
            && !self.starts(&lex.adjectives, k)
            && !self.starts(&lex.stops, k)
            && !self.starts(&lex.title_links, k)
            && !self.starts(&lex.anonymous, k)
            && !self.starts(&lex.verbs, k)
            && !self.starts(&lex.events, k)
    }

    /// The latest source named before whose name holds the word at `k`
    /// (حسن بوسنين … قال بوسنين, Farhad Shami … Shami said): a person is
    /// named again by the last word of his name.
    pub(super) fn by_name_word(&self, k: usize) -> Option<SrcMention> {
        if !self.name_word(k) {
            return None;
        }
        let w = self.word(k);
        let prev = self.disc.sources.iter().rev().find(|s| {
            !s.anonymous && s.toks.end <= k && s.toks.clone().any(|j| self.word(j) == w && self.name_word(j))
        })?;
        Some(SrcMention {
            toks: k..k + 1,
            ..prev.clone()
        })
    }

    /// Resolves a mention that refers back (المرصد) or forward (مرصد حقوقي).
    pub(super) fn resolve(&self, m: SrcMention) -> SrcMention {
        // "the GDF" after "the Greyhill Defence Forces": one source.
        if m.src.name.chars().all(|c| c.is_ascii_uppercase())
            && let Some(name) = self.facts.acronyms.get(m.src.name.to_ascii_lowercase().as_str())
            && !name.contains(&m.toks.start)
            && let Some(full) = self
                .disc
                .sources
                .iter()
                .rev()
                .find(|s| s.toks.start <= name.start && name.end <= s.toks.end + 1 && !s.anonymous)
        {
            return SrcMention {
                toks: m.toks,
                ..full.clone()
            };
        }
        // المصدر، المصادر، المصدر ذاته: an unnamed source's definite head
        // refers back to the latest source with that head, else to the
        // latest speaker, named or not (the one a speaker cited, if any).
        if m.anonymous && m.anaphor {
            let cited = self.disc.last_speaker.as_ref().and_then(|f| f.chain.last());
            let prev = self
                .disc
                .sources
                .iter()
                .rev()
                .find(|s| s.head == m.head)
                .or_else(|| cited.and_then(|c| self.disc.sources.iter().rev().find(|s| &s.src == c)))
                .or_else(|| self.disc.subjects.last());
            return match prev {
                Some(p) => SrcMention {
                    toks: m.toks,
                    ..p.clone()
                },
                None => m,
            };
        }
        // "المستشار بشر" after "المستشار الأمني …، هاشم بشر": a titled
        // official named again by his last name.
        if !m.anonymous
            && m.toks.len() > 1
            && self.starts(&self.lex().titles, m.toks.start)
            && let Some(prev) = self.by_name_word(m.toks.end - 1)
        {
            return SrcMention { toks: m.toks, ..prev };
        }
        if m.anaphor {
            // "the network" for the River Network: names compared in lower case.
            let wanted = m.src.name.trim_start_matches("ال").to_lowercase();
            if let Some(prev) = self
                .disc
                .sources
                .iter()
                .rev()
                .find(|s| s.head == m.head || lower_contains(&s.src.name, &wanted) && !s.anaphor)
            {
                return SrcMention {
                    toks: m.toks,
                    ..prev.clone()
                };
            }
            // English "the group": the latest body that spoke, else the
            // latest named source.
            // English "the group": the latest body of its kind that spoke,
            // or was named; else the latest body that spoke, or was named.
            let named =
                |s: &&SrcMention| !s.anonymous && !s.anaphor && !self.facts.head_ids.contains(&s.src.id);
            let same_kind = |s: &&SrcMention| s.src.kind == m.src.kind;
            if Lang::of_word(&m.src.name) == Lang::English
                && !m.src.name.contains(' ')
                && let Some(prev) = self
                    .disc
                    .subjects
                    .iter()
                    .rev()
                    .filter(named)
                    .find(same_kind)
                    .or_else(|| self.disc.sources.iter().rev().filter(named).find(same_kind))
                    .or_else(|| {
                        self.disc
                            .subjects
                            .iter()
                            .rev()
                            .filter(named)
                            .find(|s| s.src.kind != SourceKind::Person)
                    })
                    .or_else(|| self.disc.sources.iter().rev().find(named))
            {
                return SrcMention {
                    toks: m.toks,
                    ..prev.clone()
                };
            }
            // The head of a known source (المرصد for المرصد السوري).
            if let Some(prev) = self.disc.sources.iter().rev().find(|s| {
                key(&s.src.name).contains(&m.head)
                    || key(&self.doc.text[self.text_range(s.toks.clone())]).contains(&m.head)
            }) {
                return SrcMention {
                    toks: m.toks,
                    ..prev.clone()
                };
            }
        }
        if m.generic
            && let Some(named) = self.later_named(&m)
        {
            return SrcMention {
                toks: m.toks,
                ..named
            };
        }
        m
    }

    /// The named source a description (مرصد حقوقي محلي, "a war monitor")
    /// stands for: the first one after it in the document (see
    /// [`Run::later_named_at`]).
    ///
    /// Each description scanned the rest of the document, which made a
    /// long document of descriptions quadratic. The scan now remembers,
    /// per head and kind, the stretch it found no name in ([`Discourse`]'s
    /// `later`), and a later description of the same head and kind only
    /// re-reads there the tokens a verb near it may open a name at.
    pub(super) fn later_named(&self, m: &SrcMention) -> Option<SrcMention> {
        let lex = self.lex();
        let kind = self
            .at(&lex.kinds, m.toks.end - 1)
            .map_or(m.src.kind, |f| *f.value);
        let from = m.toks.end;
        let near = from + 60;
        let english = Lang::of_word(&m.head) == Lang::English;
        let memo_key = (m.head.clone(), kind, m.src.kind);
        let memo = self.disc.later.borrow().get(&memo_key).copied();
        // Where the full scan starts: at `from`, or past a stretch known
        // to hold no name that any description of this head could take.
        let (clean_from, mut i) = match memo {
            Some((p0, clean_end)) if p0 <= from && from <= clean_end => {
                if !english {
                    for i in from..near.min(clean_end) {
                        if let Some(n) = self.named_after_verb(m, i) {
                            return Some(n);
                        }
                    }
                }
                (p0, clean_end)
            }
            _ => (from, from),
        };
        let mut found = None;
        while i < self.toks.len() {
            found = self.later_named_at(m, kind, i, i < near);
            if found.is_some() {
                break;
            }
            i += 1;
        }
        // No name in [clean_from, i): token i, where one was found, is read
        // again by the next description.
        self.disc.later.borrow_mut().insert(memo_key, (clean_from, i));
        found
    }

    /// The name a description `m` of `kind` stands for at token `i`, if
    /// one opens there; a name after a verb only when `near` it.
    fn later_named_at(&self, m: &SrcMention, kind: SourceKind, i: usize, near: bool) -> Option<SrcMention> {
        let lex = self.lex();
        if Lang::of_word(&m.head) == Lang::English {
            // English: the head inside a capitalised name (the Northmoor
            // Monitor for Human Rights), or the next named body of the
            // same kind that speaks.
            let mut j = i;
            if self.word(i) == m.head && self.capitalised(i) {
                while j > 0 && self.capitalised(j - 1) && self.word(j - 1) != "the" {
                    j -= 1;
                }
            }
            if let Some(n) = self
                .english_name(j)
                .filter(|n| n.toks.len() > 1 && !n.anaphor && !n.generic)
                && (j < i
                    || n.src.kind == kind
                        && (n.toks.end..(n.toks.end + 3).min(self.toks.len()))
                            .any(|k| self.starts(&lex.verbs, k)))
            {
                return Some(n);
            }
            return None;
        }
        // (Both strip a prefix: a word that does not end with the head
        // cannot be it.)
        if self.word(i).ends_with(m.head.as_str())
            && without_article(strip_proclitic_l(self.word(i))) == m.head
            && let Some(n) = self.name(i, Aliases::Plain)
            && !n.generic
            && !n.anaphor
            && n.toks.len() > 1
        {
            return Some(n);
        }
        // The next named body of the same kind (a monitor named in the next sentence).
        if near && let Some(n) = self.named_after_verb(m, i) {
            return Some(n);
        }
        if let Some(f) = self.at(&lex.source_names, i) {
            let e = &lex.sources[*f.value];
            if e.name_contains(&m.head) || e.aliases_contain(&m.head) {
                return Some(Self::known(e, i..f.end));
            }
        }
        None
    }

    /// A named body of the kind of description `m` after a reporting verb
    /// at `i` (Arabic: the verb comes first).
    fn named_after_verb(&self, m: &SrcMention, i: usize) -> Option<SrcMention> {
        let v = self.at(&self.lex().verbs, i)?;
        self.name(v.end, Aliases::Plain)
            .filter(|n| !n.generic && !n.anaphor && n.src.kind == m.src.kind && n.toks.len() > 1)
    }
}
