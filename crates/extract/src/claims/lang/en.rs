//! English: the subject stands before its verb ("the monitor said"), or
//! right after it ("said the ministry"); names are capitalised words; an
//! unnamed source takes its qualifiers before it ("local sources"); an
//! acronym is made of a name's initials (the GDF).

use super::{Grammar, Lang, Subject};
use crate::claims::frames::Scan;
use crate::claims::lexicon::Verb;
use crate::claims::*;
use std::collections::HashMap;

/// The English rules.
pub(in crate::claims) struct English;

impl Grammar for English {
    fn verb_subject(&self, run: &Run, s: &Scan, v: usize, verb: Verb, after: usize) -> Subject {
        let (start, end) = (s.sent.start, s.sent.end);
        // "No injuries were reported": a passive report with no agent is
        // no one's; the writer's own voice.
        let passive_aux = v > start
            && matches!(
                run.word(v - 1),
                "was" | "were" | "is" | "are" | "been" | "be" | "being"
            );
        // "a previously reported 85": a participle before its noun reports
        // nothing.
        let article = |k: usize| matches!(run.word(k), "a" | "an" | "the");
        let attributive = v > start
            && (article(v - 1)
                || v > start + 1
                    && article(v - 2)
                    && matches!(
                        run.word(v - 1),
                        "previously" | "earlier" | "initially" | "officially"
                    ));
        // "the casualties reported since May": a participle right after a
        // common noun is a reduced relative; the noun was reported, it
        // reports nothing ("the 30 attackers cited by police": the agent
        // after "by" does).
        let reduced = v > start && run.reduced_relative(s, v);
        // "unrest which has claimed 2,400 lives": the relative's antecedent
        // speaks only when it is a source named right before.
        let relative = (v.saturating_sub(2).max(start)..v).any(|k| matches!(run.word(k), "which" | "that"))
            && s.seen.last().is_none_or(|m| m.toks.end + 3 < v);
        if attributive || relative || (passive_aux || reduced) && run.word(after) != "by" {
            return Subject {
                none: true,
                ..Subject::default()
            };
        }
        let said = matches!(run.word(v), "said" | "says");
        // "he said": the pronoun stands for the last speaker.
        let pronoun = v > start && matches!(run.word(v - 1), "he" | "she" | "it" | "they" | "we");
        // "said the ministry": only "said" takes its subject after it, and
        // only where no subject stands before it ("…," said X; "…, said
        // X"); in "a commander said Iraqi troops lost…" what follows is
        // the report.
        let inverted = v == start || run.toks[v - 1].kind == TokenKind::Punct;
        let mut who = if verb.participle || !said || pronoun || !inverted {
            None
        } else {
            run.subject_after(after, end, s.aliases)
        };
        // '"…," said a shopkeeper who asked…': an unnamed speaker after the
        // verb, where no subject stands before it ("a communique said an
        // infantry brigade attacked": the report).
        if who.is_none() && inverted && matches!(run.word(v), "said" | "says" | "told") {
            who = run.indefinite_speaker(after, end);
        }
        // "cited by the ministry": the agent after "by".
        let passive = run.word(after) == "by";
        if passive {
            who = run.source_at(after + 1, true, s.aliases);
        }
        // "…, saying …": the sentence's subject speaks.
        if verb.participle && s.frames.is_empty() {
            who = s.seen.first().cloned();
        }
        // "X denied A and rejected B": a verb joined to the one before
        // shares its subject (its frame carries on).
        let coordinated =
            v > start && run.word(v - 1) == "and" && s.frames.last().is_some_and(|f| !f.prep && !f.passive);
        if who.is_none() && !verb.participle && !pronoun && !coordinated {
            who = run.subject_before_verb(s, v);
        }
        Subject {
            who,
            passive,
            ..Subject::default()
        }
    }

    fn speaker(
        &self,
        run: &Run,
        sent: Range<usize>,
        v: usize,
        _after: usize,
        aliases: Aliases,
    ) -> Option<SrcMention> {
        run.subject_before(sent.start, v, aliases)
    }

    fn verb_is_object(&self, run: &Run, sent: Range<usize>, v: usize) -> bool {
        // "denied reports that", and "first reports said": a verb form after
        // a reporting verb, a determiner or a reporting noun's adjective is
        // a noun.
        let noun = |k: usize| {
            k > sent.start
                && run.word(k).ends_with('s')
                && matches!(
                    run.word(k - 1),
                    "the"
                        | "some"
                        | "first"
                        | "initial"
                        | "early"
                        | "media"
                        | "news"
                        | "unconfirmed"
                        | "latest"
                        | "previous"
                        | "conflicting"
                        | "local"
                )
        };
        v > sent.start && (run.starts(&run.lex().verbs, v - 1) && !noun(v - 1) || noun(v))
    }

    fn carries_citation(&self) -> bool {
        true
    }

    fn verb_trails(&self, _run: &Run, _v: usize) -> bool {
        true
    }

    fn name(&self, run: &Run, i: usize, _aliases: Aliases) -> Option<SrcMention> {
        run.english_name(i)
    }

    fn name_before_verb(&self, run: &Run, s: &Scan, i: usize) -> Option<SrcMention> {
        let w = run.word(i);
        // A capitalised word opening a sentence is a name only when a
        // reporting verb follows it (Police later said, Islamic State group says).
        let opens_and_speaks = i == s.sent.start
            && run.english_name(i).is_some_and(|m| {
                (m.toks.end..(m.toks.end + 3).min(s.sent.end)).any(|k| run.starts(&run.lex().verbs, k))
            });
        if !w.is_empty() && (i > s.sent.start || w == "the" || opens_and_speaks) {
            run.english_name(i)
        } else {
            None
        }
    }

    fn qualified_unnamed(&self, run: &Run, i: usize, aliases: Aliases) -> Option<SrcMention> {
        run.qualifiers_first(i, aliases)
    }
}

impl<'a> Run<'a> {
    /// "A shopkeeper said", "A prison employee who asked not to be named
    /// told…": an indefinite noun phrase opening the sentence and standing
    /// right before its verb (or before a clause about the speaker) is an
    /// unnamed source, named by its words.
    pub(in crate::claims) fn indefinite_speaker(&self, start: usize, verb: usize) -> Option<SrcMention> {
        if !matches!(self.word(start), "a" | "an" | "another") || verb <= start + 1 {
            return None;
        }
        let verb = verb.min(start + 14);
        let end = (start + 1..verb)
            .find(|&k| {
                self.is_comma(k)
                    || self.toks[k].kind == TokenKind::Punct
                    || matches!(
                        self.word(k),
                        "who" | "speaking" | "that" | "on" | "in" | "at" | "based"
                    )
            })
            .unwrap_or(verb);
        let words = start + 1..end;
        // Its head is a common noun; a capitalised word before it is an
        // adjective of origin ("an Iranian military commander").
        let plain = !words.is_empty()
            && words.len() <= 3
            && words
                .clone()
                .all(|k| self.toks[k].kind == TokenKind::Word && self.lang(k) == Lang::English)
            && !self.capitalised(end - 1);
        if !plain {
            return None;
        }
        let name = self.surface(start..end);
        // "A war monitor", "a local documentation group": a body described,
        // which the report may name later.
        let body = self.at(&self.lex().kinds, end - 1).map(|f| *f.value);
        Some(SrcMention {
            toks: start..end,
            src: SourceRef {
                id: format!("anonymous:{}", slug(&name)),
                name,
                kind: SourceKind::Anonymous,
            },
            anonymous: true,
            head: self.word(end - 1).to_string(),
            generic: body.is_some(),
            anaphor: false,
        })
    }

    /// An English name: capitalised words, with "of", "the", "for" and "and"
    /// between them (The Syrian Democratic Forces, Syrian Observatory for Human
    /// Rights); or "the" and a word that says what a source is (the monitor),
    /// which refers back.
    pub(in crate::claims) fn english_name(&self, i: usize) -> Option<SrcMention> {
        let lex = self.lex();
        let w0 = self.word(i);
        if self.lang(i) != Lang::English || w0.is_empty() {
            return None;
        }
        let start = if w0 == "the" { i + 1 } else { i };
        // A name the gazetteer knows (The SDF, the Syrian Observatory…).
        if let Some(f) = self.at(&lex.source_names, start) {
            return Some(Self::known(&lex.sources[*f.value], i..f.end));
        }
        if w0 == "the" && !self.capitalised(start) {
            return self.the_head(i, start);
        }
        self.capitalised_name(i, start)
    }

    /// "the source" (the unnamed speaker named so before), "the monitor",
    /// "the interior ministry": `the` at `i` and the words from `start` that
    /// say what a source is.
    fn the_head(&self, i: usize, start: usize) -> Option<SrcMention> {
        let lex = self.lex();
        // "the source", "the official": the unnamed speaker named so
        // before ("A source in the security services… told").
        let head = self.word(start);
        if let Some(prev) = self.disc.anonymous_with_head(head).filter(|_| !head.is_empty()) {
            return Some(SrcMention {
                toks: i..start + 1,
                ..prev.clone()
            });
        }
        // "the monitor", "the group" (which refer back), "the interior
        // ministry", "the country's prisons directorate": words that say
        // what a source is, named by them; with words before the head,
        // a description the report may name later.
        if let Some(d) = (0..=3).find(|&d| self.starts(&lex.kinds, start + d))
            && (start..start + d).all(|k| {
                let t = self.toks[k];
                (t.kind == TokenKind::Word && self.lang(k) == Lang::English && !self.capitalised(k)
                    || matches!(t.text(self.key), "'" | "’"))
                    && !self.starts(&lex.stops, k)
                    && !self.starts(&lex.verbs, k)
                    && !self.starts(&lex.events, k)
            })
        {
            let end = start + d + 1;
            let name = self.surface(start..end);
            return Some(SrcMention {
                toks: i..end,
                src: SourceRef {
                    id: slug(&name),
                    name,
                    kind: self
                        .at(&lex.kinds, start + d)
                        .map_or(SourceKind::Organisation, |f| *f.value),
                },
                anonymous: false,
                head: self.word(start + d).to_string(),
                generic: d > 0,
                anaphor: true,
            });
        }
        None
    }

    /// Capitalised words from `start`, with "of", "the", "for" and "and"
    /// between them (the Syrian Observatory for Human Rights), and the
    /// common nouns after them that say what the source is (the Westmoor
    /// interior ministry).
    fn capitalised_name(&self, i: usize, start: usize) -> Option<SrcMention> {
        let lex = self.lex();
        // Weekdays and months are no names (said on Monday), nor is a
        // number opening a sentence ("Five people died").
        if !self.capitalised(start)
            || self.starts(&lex.stops, start)
            || self.x.numbers_word(self.word(start))
            || self.x.calendar_month(self.key, self.toks, start)
        {
            return None;
        }
        let mut j = start + 1;
        let mut end = start + 1;
        while j < self.toks.len() && j < start + 8 {
            if self.capitalised(j) && !self.starts(&lex.verbs, j) {
                j += 1;
                end = j;
            } else if matches!(self.word(j), "of" | "the" | "for" | "and") {
                j += 1;
            } else {
                break;
            }
        }
        // "The Westmoor interior ministry": a capitalised adjective and the
        // words that say what the source is.
        // "Chad's military high command": the same after a possessive.
        let possessive = matches!(self.toks.get(end).map(|t| t.text(self.key)), Some("'" | "’"))
            && self.word(end + 1) == "s";
        let from = if possessive { end + 2 } else { end };
        let most = if possessive { 3 } else { 2 };
        if let Some(d) = (1..=most).find(|&d| self.starts(&lex.kinds, from + d - 1))
            && (from..from + d - 1).all(|k| {
                self.toks[k].kind == TokenKind::Word && !self.capitalised(k) && !self.starts(&lex.stops, k)
            })
            && !self.starts(&lex.kinds, end - 1)
        {
            end = from + d;
        }
        // Johannesburg, Punjab: a city or a region never speaks.
        if self.is_local_place(start..end) {
            return None;
        }
        let name = self.surface(start..end);
        // A name with "of" or "the" inside (Order of the Ash) is no person's.
        let kind = (start..end)
            .find_map(|k| self.at(&lex.kinds, k).map(|f| *f.value))
            .unwrap_or(if (start..end).any(|k| matches!(self.word(k), "of" | "the")) {
                SourceKind::Organisation
            } else {
                SourceKind::Person
            });
        Some(SrcMention {
            toks: i..end,
            src: SourceRef {
                id: slug(&name),
                name,
                kind,
            },
            anonymous: false,
            head: self.word(start).to_string(),
            generic: false,
            anaphor: false,
        })
    }

    /// "GDF spokesman Tomas Reyne": the body before the title speaks.
    pub(in crate::claims) fn titled(&self, m: SrcMention, start: usize, aliases: Aliases) -> SrcMention {
        let k = m.toks.start;
        if k < start + 2 || !self.starts(&self.lex().titles, k - 1) {
            return m;
        }
        let body = (k.saturating_sub(5).max(start)..k - 1).find_map(|j| {
            self.source_at(j, false, aliases)
                .or_else(|| self.english_name(j))
                .filter(|b| b.toks.end == k - 1 && !b.anonymous)
        });
        match body {
            Some(b) => SrcMention {
                toks: b.toks.start..m.toks.end,
                ..b
            },
            None => m,
        }
    }

    /// An English subject: the name that ends right before the verb at `v`
    /// ("GDF spokesman Tomas Reyne dismissed…", "Residents said…").
    pub(in crate::claims) fn subject_before(
        &self,
        start: usize,
        v: usize,
        aliases: Aliases,
    ) -> Option<SrcMention> {
        (v.saturating_sub(8).max(start)..v)
            .filter(|&k| !(k..v).any(|j| self.is_comma(j)))
            .find_map(|k| {
                let m = self
                    .source_at(k, false, aliases)
                    .or_else(|| {
                        (k > start || self.word(k) == "the")
                            .then(|| self.english_name(k))
                            .flatten()
                    })
                    .or_else(|| self.indefinite_speaker(k, v))?;
                (m.toks.end == v).then(|| self.titled(m, start, aliases))
            })
    }

    /// "local sources", "some pro-Ash channels", "social media accounts":
    /// English puts an unnamed source's qualifiers first.
    fn qualifiers_first(&self, i: usize, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        if self.starts(&lex.anonymous, i) {
            return None;
        }
        let plain = |k: usize| {
            let t = self.toks[k];
            (t.kind == TokenKind::Word || t.text(self.key) == "-")
                && !self.starts(&lex.stops, k)
                && !self.starts(&lex.prepositions, k)
                && !self.starts(&lex.verbs, k)
                && !self.starts(&lex.events, k)
                && !self.starts(&lex.negation, k)
                && !self.starts(&lex.none_words, k)
                && !matches!(
                    self.word(k),
                    "but" | "and" | "or" | "while" | "as" | "when" | "after" | "before" | "because"
                )
        };
        let d = (1..=4).find(|&d| i + d < self.toks.len() && self.starts(&lex.anonymous, i + d))?;
        if !(i..i + d).all(plain) {
            return None;
        }
        let mut inner = self.source_at(i + d, false, aliases).filter(|m| m.anonymous)?;
        inner.toks = i..inner.toks.end;
        inner.src.name = self.surface(inner.toks.clone());
        inner.src.id = format!("anonymous:{}", slug(&inner.src.name));
        Some(inner)
    }

    /// The subject of the verb at `v` when none stands right after it:
    /// before it, in the sentence being scanned.
    /// Whether the verb at `v`, a past participle in -ed, follows a common
    /// noun that is neither a source, nor a word of a speaker's kind, nor
    /// a pronoun, auxiliary or adverb ("casualties reported", not "police
    /// reported", "it has reported", "officials later confirmed").
    fn reduced_relative(&self, s: &Scan, v: usize) -> bool {
        let before = self.word(v - 1);
        let noun = self.toks[v - 1].kind == TokenKind::Word
            && !self.capitalised(v - 1)
            && before.chars().all(|c| c.is_ascii_lowercase())
            && !before.ends_with("ly")
            && !matches!(
                before,
                "he" | "she"
                    | "it"
                    | "they"
                    | "we"
                    | "i"
                    | "you"
                    | "who"
                    | "which"
                    | "that"
                    | "has"
                    | "have"
                    | "had"
                    | "also"
                    | "later"
                    | "then"
                    | "first"
                    | "and"
                    | "but"
                    | "not"
                    | "never"
                    | "yet"
                    | "since"
                    | "soon"
            );
        noun && self.word(v).ends_with("ed")
            && self.at(&self.lex().kinds, v - 1).is_none()
            && !s.seen.iter().any(|m| m.toks.end == v)
    }

    fn subject_before_verb(&self, s: &Scan, v: usize) -> Option<SrcMention> {
        let lex = self.lex();
        let start = s.sent.start;
        // "A war monitor based in Westmoor put the toll at…": an indefinite
        // subject opening the sentence holds what follows it up to the verb.
        if !(start..v).any(|k| self.is_comma(k))
            && let Some(m) = self.indefinite_speaker(start, v)
        {
            return Some(m);
        }
        // "monitor says" in a headline: a bare head word.
        if v > start
            && !self.capitalised(v - 1)
            && (v - 1 == start || self.is_comma(v - 2))
            && let Some(kind) = self.at(&lex.kinds, v - 1).map(|f| *f.value)
        {
            let name = self.surface(v - 1..v);
            return Some(SrcMention {
                toks: v - 1..v,
                src: SourceRef {
                    id: format!("anonymous:{}", slug(&name)),
                    name,
                    kind,
                },
                anonymous: true,
                head: self.word(v - 1).to_string(),
                generic: true,
                anaphor: false,
            });
        }
        // "X, which relies on informants in the city, said", "Activists in
        // Zahrun, a hamlet near the Ushtar–Kelvar road, said": the subject
        // stands before a clause set off by commas, whatever names that
        // clause holds.
        if v > start
            && self.is_comma(v - 1)
            && let Some(open) = (start..v - 1).rev().find(|&k| self.is_comma(k))
            && let Some(m) = s.seen.iter().rev().find(|m| m.toks.end == open)
        {
            return Some(m.clone());
        }
        // A subject before its verb stands close to it.
        if let Some(m) = s.seen.last().filter(|m| m.toks.end + 4 >= v) {
            return Some(self.titled(m.clone(), start, s.aliases));
        }
        // Opening the sentence, or after a comma: "…, a local group said".
        let after_comma = (start..v).rev().find(|&k| self.is_comma(k)).map(|k| k + 1);
        self.indefinite_speaker(start, v)
            .or_else(|| after_comma.and_then(|k| self.indefinite_speaker(k, v)))
    }

    /// A run of capitalised words stands behind a word in capitals made of
    /// their initials, wherever it appears (the Greyhill Defence Forces …
    /// the GDF). Adds them to `out` (a name given first wins).
    pub(in crate::claims) fn initials(&self, out: &mut HashMap<&'a str, Range<usize>>) {
        let t = self.toks;
        let mut initials: HashMap<String, Range<usize>> = HashMap::new();
        let mut k = 0;
        while k < t.len() {
            // "The" opening a sentence is no initial of the name after it.
            if !self.starts_latin_letter(k)
                || matches!(self.word(k), "the" | "a" | "an")
                || !self.capitalised(k)
            {
                k += 1;
                continue;
            }
            let start = k;
            let mut letters = String::new();
            let mut end = k;
            while k < t.len() && (self.capitalised(k) || matches!(self.word(k), "of" | "for" | "and")) {
                if self.capitalised(k) {
                    letters.extend(self.word(k).chars().next().map(|c| c.to_ascii_lowercase()));
                    end = k + 1;
                }
                k += 1;
            }
            if letters.chars().count() >= 2 {
                initials.entry(letters).or_insert(start..end);
            }
            k = k.max(start + 1);
        }
        if initials.is_empty() {
            return;
        }
        for (i, tok) in t.iter().enumerate() {
            let word = self.word(i);
            if tok.kind != TokenKind::Word || !(2..=6).contains(&word.len()) || self.lang(i) != Lang::English
            {
                continue;
            }
            if let Some(name) = initials.get(word)
                && !name.contains(&i)
                && self.doc.text[self.text_range(i..i + 1)]
                    .chars()
                    .all(|c| c.is_ascii_uppercase())
            {
                out.entry(word).or_insert(name.clone());
            }
        }
    }
}
