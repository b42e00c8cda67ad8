//! Attribution frames and their scope.

use super::*;

#[derive(Debug, Clone)]
pub(super) struct Frame {
    pub(super) at: usize,
    /// A passive agent ("cited by the ministry"): it covers the number
    /// right before it.
    pub(super) passive: bool,
    pub(super) chain: Vec<SourceRef>,
    pub(super) anonymous: bool,
    pub(super) deny: bool,
    pub(super) prep: bool,
}

impl<'a> Run<'a> {
    /// The attribution frames of a sentence.
    /// A frame whose speaker is `s`; the outlet naming itself (its own
    /// figures, its own earlier report) speaks in its own voice.
    pub(super) fn speaker_frame(&self, at: usize, s: &SrcMention, prep: bool) -> Frame {
        let own_voice = self.facts.head_ids.contains(&s.src.id);
        Frame {
            at,
            passive: false,
            chain: if own_voice {
                Vec::new()
            } else {
                vec![s.src.clone()]
            },
            anonymous: s.anonymous && !own_voice,
            deny: false,
            prep,
        }
    }

    /// The speakers of a sentence without numbers: the subjects of its
    /// reporting verbs, remembered for the sentences that continue them.
    pub(super) fn track_speakers(&mut self, sent: Range<usize>, aliases: Aliases) {
        let lex = self.lex();
        let mut i = sent.start;
        while i < sent.end {
            // Only a verb matters here, and no phrase starts at most words.
            if self.starts.get(i) == Some(&0) {
                i += 1;
                continue;
            }
            let after_preposition = i > sent.start && self.starts(&lex.not_after, i - 1);
            // "denied reports that…", "rejected claims": in English a verb
            // form right after a reporting verb is its object, a noun.
            let object_noun = i > sent.start && self.word(i).is_ascii() && self.starts(&lex.verbs, i - 1);
            if let Some(f) = self
                .at(&lex.verbs, i)
                .filter(|_| !after_preposition && !object_noun)
            {
                let english = self.word(i).is_ascii();
                let subject = if english {
                    self.subject_before(sent.start, i, aliases)
                } else {
                    self.subject_after(f.end, sent.end, aliases)
                };
                if !f.value.participle
                    && let Some(s) = subject
                {
                    let s = self.resolve(s);
                    self.disc.last_speaker = Some(self.speaker_frame(i, &s, false));
                    self.disc.subjects.push(s.clone());
                    self.disc.sources.push(s);
                }
                i = f.end;
                continue;
            }
            i += 1;
        }
    }

    /// An English subject: the name that ends right before the verb at `v`
    /// ("GDF spokesman Tomas Reyne dismissed…", "Residents said…").
    pub(super) fn subject_before(&self, start: usize, v: usize, aliases: Aliases) -> Option<SrcMention> {
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

    pub(super) fn frames(&mut self, sent: Range<usize>, aliases: Aliases) -> Vec<Frame> {
        let lex = self.lex();
        let mut frames: Vec<Frame> = Vec::new();
        let mut i = sent.start;
        let mut first_verb: Option<usize> = None;
        // Sources mentioned so far in this sentence (for subjects before verbs).
        let mut seen: Vec<SrcMention> = Vec::new();
        // "Writing in its newsletter X, the group said": a name in an
        // opening participle's clause is where or to whom, not who speaks.
        let opener_end = if self.capitalised(sent.start) && self.word(sent.start).ends_with("ing") {
            (sent.start..sent.end)
                .find(|&k| self.is_comma(k))
                .unwrap_or(sent.start)
        } else {
            sent.start
        };
        // A headline "Source: …" (الداخلية: لم يفر أي سجين).
        if let Some(colon) =
            (sent.start..(sent.start + 6).min(sent.end)).find(|&k| self.toks[k].text(self.key) == ":")
            && colon > sent.start
            && self.toks[colon + 1..sent.end]
                .iter()
                .all(|t| t.text(self.key) != ":")
            && !self.toks[sent.start..colon]
                .iter()
                .any(|t| t.kind == TokenKind::Number)
            // "Mirefield manhunt: dozens at large, governor says": the speaker is at the end.
            && !(sent.end.saturating_sub(2).max(sent.start)..sent.end)
                .any(|k| matches!(self.word(k), "says" | "said" | "say"))
            && let Some(src) = self
                .headline_name(sent.start..colon)
                .filter(|h| self.word(h.toks.start).is_ascii())
                .or_else(|| self.source_at(sent.start, true, aliases))
                .or_else(|| self.headline_name(sent.start..colon))
            && src.toks.end <= colon + 1
        {
            let src = self.resolve(src);
            self.disc.sources.push(src.clone());
            frames.push(Frame {
                at: sent.start,
                passive: false,
                chain: vec![src.src.clone()],
                anonymous: src.anonymous,
                deny: false,
                prep: false,
            });
            i = colon + 1;
        }
        while i < sent.end {
            if self.plain_arabic(i) {
                i += 1;
                continue;
            }
            if self.word(i) == "وان" || self.word(i) == "وبان" {
                // A second complement clause hangs on the first verb.
                if let Some(f) = first_verb.and_then(|k| frames.get(k)).cloned() {
                    frames.push(Frame { at: i, ..f });
                }
                i += 1;
                continue;
            }
            let prep_source = self
                .at(&lex.prepositions, i)
                .and_then(|f| self.prep_object(f.end, sent.end, aliases));
            if self.at(&lex.prepositions, i).is_some()
                && let Some(s) = prep_source
            {
                let s = self.resolve(s);
                self.disc.sources.push(s.clone());
                let end = s.toks.end;
                let base = frames.iter().rev().find(|fr| !fr.prep).cloned();
                // "X said …, according to an AFP tally": the writer's own
                // attribution of what the clause reports, not X citing it.
                if self.word(i) == "according"
                    && i > sent.start
                    && self.is_comma(i - 1)
                    && let Some(b) = base.as_ref().filter(|b| !b.passive && !b.chain.is_empty())
                {
                    let at = b.at;
                    frames.retain(|f| f.at < at);
                    frames.push(self.speaker_frame(at, &s, false));
                    seen.push(s);
                    i = end;
                    continue;
                }
                let frame = match base {
                    Some(b) if b.chain.last() != Some(&s.src) => Frame {
                        at: i,
                        passive: false,
                        chain: b
                            .chain
                            .iter()
                            .cloned()
                            .chain(std::iter::once(s.src.clone()))
                            .collect(),
                        anonymous: s.anonymous,
                        deny: b.deny,
                        prep: true,
                    },
                    _ => self.speaker_frame(i, &s, true),
                };
                // "…, according to spokesman X. He said…": English carries
                // the cited speaker to a pronoun in the next sentence.
                if self.word(i).is_ascii() {
                    self.disc.last_speaker = Some(frame.clone());
                }
                frames.push(frame);
                seen.push(s);
                i = end;
                continue;
            }
            // "رفض الكشف عن اسمه" describes a source; it reports nothing.
            if let Some(f) = self.at(&lex.unnamed_after, i) {
                i = f.end;
                continue;
            }
            let after_preposition = i > sent.start && self.starts(&lex.not_after, i - 1);
            // "denied reports that…", "rejected claims": in English a verb
            // form right after a reporting verb is its object, a noun.
            let object_noun = i > sent.start && self.word(i).is_ascii() && self.starts(&lex.verbs, i - 1);
            if let Some(f) = self
                .at(&lex.verbs, i)
                .filter(|_| !after_preposition && !object_noun)
            {
                let verb = *f.value;
                let after = f.end;
                // A negated verb reports nothing (من دون أن يذكر).
                let negated = (i.saturating_sub(3).max(sent.start)..i).any(|k| self.starts(&lex.negation, k));
                if negated && verb.stance != VerbStance::Deny {
                    i = after;
                    continue;
                }
                // After الذي / التي the subject is what the pronoun stands for.
                let relative = i > sent.start && matches!(self.word(i - 1), "الذي" | "التي" | "الذين");
                let english = self.word(i).is_ascii();
                let pronoun =
                    i > sent.start && matches!(self.word(i - 1), "he" | "she" | "it" | "they" | "we");
                let mut subj = if verb.participle || (english && !matches!(self.word(i), "said" | "says")) {
                    None
                } else {
                    self.subject_after(after, sent.end, aliases)
                };
                if pronoun {
                    subj = None;
                }
                // '"…," said a shopkeeper who asked…': an unnamed speaker after the verb.
                if subj.is_none() && english && matches!(self.word(i), "said" | "says" | "told") {
                    subj = self.indefinite_speaker(after, sent.end);
                }
                // "cited by the ministry": the agent after "by".
                let passive = english && self.word(after) == "by";
                if passive {
                    subj = self.source_at(after + 1, true, aliases);
                }
                // "…, saying …": the sentence's subject speaks.
                if english && verb.participle && frames.is_empty() {
                    subj = seen.first().cloned();
                }
                let mut antecedent_cited = None;
                if relative && subj.is_none() {
                    let antecedent = seen.last().filter(|m| m.toks.end + 2 >= i).cloned();
                    // المصدر الذي نقلت عنه الصحيفة: the paper speaks, citing the source.
                    if matches!(self.word(after), "عنه" | "عنها" | "عنهم")
                        && let Some(speaker) = self.subject_after(after + 1, sent.end, aliases)
                    {
                        subj = Some(speaker);
                        antecedent_cited = antecedent;
                    } else {
                        subj = antecedent;
                    }
                    if subj.is_none() {
                        i = after;
                        continue;
                    }
                } else if subj.is_none() && !verb.participle && !pronoun {
                    // "A war monitor based in Westmoor put the toll at…": an
                    // indefinite subject opening the sentence holds what
                    // follows it up to the verb.
                    if english && !(sent.start..i).any(|k| self.is_comma(k)) {
                        subj = self.indefinite_speaker(sent.start, i);
                    }
                    // "monitor says" in a headline: a bare head word.
                    if subj.is_none()
                        && english
                        && i > sent.start
                        && !self.capitalised(i - 1)
                        && (i - 1 == sent.start || self.is_comma(i - 2))
                        && let Some(kind) = self.at(&lex.kinds, i - 1).map(|f| *f.value)
                    {
                        let name = self.surface(i - 1..i);
                        subj = Some(SrcMention {
                            toks: i - 1..i,
                            src: SourceRef {
                                id: format!("anonymous:{}", slug(&name)),
                                name,
                                kind,
                            },
                            anonymous: true,
                            head: self.word(i - 1).to_string(),
                            generic: true,
                            anaphor: false,
                        });
                    }
                    // A subject before its verb stands close to it (عادت “قسد” للحديث).
                    if subj.is_none() {
                        subj = seen.last().filter(|m| m.toks.end + 4 >= i).cloned();
                        if english {
                            subj = subj.map(|m| self.titled(m, sent.start, aliases));
                        }
                    }
                    // "X, which relies on informants in the city, said": the
                    // subject stands before a clause set off by commas.
                    if subj.is_none()
                        && english
                        && i > sent.start
                        && self.is_comma(i - 1)
                        && let Some(open) = (sent.start..i - 1).rev().find(|&k| self.is_comma(k))
                    {
                        subj = seen.iter().rev().find(|m| m.toks.end == open).cloned();
                    }
                    if subj.is_none() && english {
                        // Opening the sentence, or after a comma: "…, a local group said".
                        let after_comma = (sent.start..i).rev().find(|&k| self.is_comma(k)).map(|k| k + 1);
                        subj = self
                            .indefinite_speaker(sent.start, i)
                            .or_else(|| after_comma.and_then(|k| self.indefinite_speaker(k, i)));
                    }
                }
                // نقل عن X / citing X: the cited source nests under the subject.
                let cited = antecedent_cited.or_else(|| {
                    subj.as_ref().and_then(|s| {
                        let k = self.skip_quotes(s.toks.end.max(after));
                        (self.word(k) == "عن"
                            || self.word(k) == "عنه"
                            || (verb.cites_from && self.word(k) == "من"))
                            .then(|| self.source_at(k + 1, true, aliases))
                            .flatten()
                    })
                });
                let frame = match subj {
                    Some(s) => {
                        let s = self.resolve(s);
                        self.disc.sources.push(s.clone());
                        if !passive {
                            self.disc.subjects.push(s.clone());
                        }
                        let own_voice = self.facts.head_ids.contains(&s.src.id);
                        let mut chain = if own_voice {
                            Vec::new()
                        } else {
                            vec![s.src.clone()]
                        };
                        let mut anonymous = s.anonymous && !own_voice;
                        if let Some(c) = cited {
                            let c = self.resolve(c);
                            anonymous = c.anonymous;
                            chain.push(c.src.clone());
                            self.disc.sources.push(c);
                        }
                        Frame {
                            at: i,
                            passive,
                            chain,
                            anonymous,
                            deny: verb.stance == VerbStance::Deny,
                            prep: false,
                        }
                    }
                    None => match frames.last().cloned().or_else(|| self.disc.last_speaker.clone()) {
                        Some(f) => Frame {
                            at: i,
                            passive: false,
                            deny: verb.stance == VerbStance::Deny || f.deny && verb.participle,
                            ..f
                        },
                        None => {
                            i = after;
                            continue;
                        }
                    },
                };
                // A verb inside another speaker's clause nests under it when
                // its source is unnamed (المرصد قال إن مصادره رصدت …).
                let frame = match frames.last() {
                    Some(prev)
                        if frame.anonymous
                            && !prev.prep
                            && prev.chain != frame.chain
                            && !prev.anonymous
                            && !(prev.at..i).any(|k| self.is_comma(k) || self.word(k) == "حيث") =>
                    {
                        Frame {
                            chain: prev.chain.iter().chain(frame.chain.iter()).cloned().collect(),
                            ..frame
                        }
                    }
                    _ => frame,
                };
                if first_verb.is_none() {
                    first_verb = Some(frames.len());
                }
                self.disc.last_speaker = Some(frame.clone());
                frames.push(frame);
                i = after;
                continue;
            }
            // A source named before a verb: a gazetteer or unnamed source, an
            // English name or "the monitor", a definite head that refers back
            // (المرصد).
            if i < opener_end {
                i += 1;
                continue;
            }
            let mention = self.source_at(i, false, aliases).or_else(|| {
                let w = self.word(i);
                // A capitalised word opening a sentence is a name only when a
                // reporting verb follows it (Police later said, Islamic State group says).
                let opens_and_speaks = i == sent.start
                    && self.english_name(i).is_some_and(|m| {
                        (m.toks.end..(m.toks.end + 3).min(sent.end)).any(|k| self.starts(&lex.verbs, k))
                    });
                if w.is_ascii() && !w.is_empty() && (i > sent.start || w == "the" || opens_and_speaks) {
                    self.english_name(i)
                } else if w.starts_with("ال") && self.starts(&lex.kinds, i) {
                    self.noun_phrase(i, aliases)
                } else {
                    None
                }
            });
            if let Some(m) = mention {
                let end = m.toks.end;
                let m = self.resolve(m);
                self.disc.sources.push(m.clone());
                // "The Health Office's latest toll was 23 dead": the figures
                // a source issued are its own.
                if self
                    .toks
                    .get(end)
                    .is_some_and(|t| matches!(t.text(self.key), "'" | "’"))
                    && self.word(end + 1) == "s"
                    && (end + 2..(end + 5).min(sent.end)).any(|k| self.starts(&lex.documents, k))
                {
                    frames.push(self.speaker_frame(end, &m, false));
                }
                seen.push(m);
                i = end.max(i + 1);
                continue;
            }
            i += 1;
        }
        frames
    }

    /// The source after بحسب / وفق: a name, or what a document came from
    /// (بحسب حصيلة أعلنتها المديرية، بحسب أرقام حصلت عليها الصحيفة من الإدارة).
    pub(super) fn prep_object(&self, k: usize, end: usize, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        // English articles before a document (according to a tally by …).
        let k = if matches!(self.word(k), "a" | "an") {
            k + 1
        } else {
            k
        };
        if let Some(v) = self.at(&lex.verbs, k) {
            return self.subject_after(v.end, end, aliases);
        }
        let document = self.at(&lex.documents, k).is_some() || self.word(k) == "ما";
        if !document && let Some(s) = self.source_at(k, true, aliases) {
            return Some(s);
        }
        if !document {
            return None;
        }
        for j in k + 1..(k + 9).min(end) {
            if self.is_punct(j) {
                break;
            }
            if let Some(v) = self.at(&lex.verbs, j) {
                return self.subject_after(v.end, end, aliases);
            }
            if matches!(self.word(j), "من" | "عن" | "by" | "from" | "of")
                && let Some(s) = self.source_at(j + 1, true, aliases)
                && !self.facts.head_ids.contains(&s.src.id)
            {
                return Some(s);
            }
            if let Some(s) = self.source_at(j, false, aliases)
                && !self.facts.head_ids.contains(&s.src.id)
            {
                return Some(s);
            }
        }
        self.source_at(k + 1, true, aliases)
    }

    /// The subject right after a verb: a source, skipping time words and commas.
    pub(super) fn subject_after(&self, mut i: usize, end: usize, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        let mut skipped = 0;
        while i < end && skipped < 4 && (self.is_punct(i) || self.is_quote(i) || self.word(i) == "قد") {
            i += 1;
            skipped += 1;
        }
        if i >= end {
            return None;
        }
        let s = self.source_at(i, true, aliases)?;
        // A name is not a subject when a number or a quantity word opens it.
        if s.toks.start >= end || self.starts(&lex.events, s.toks.start) {
            return None;
        }
        Some(s)
    }
}

pub(super) fn pick(frames: &[Frame], at: usize) -> (Vec<SourceRef>, bool, bool) {
    if let Some(f) = frames.iter().find(|f| f.passive && f.at > at && f.at <= at + 4) {
        return (f.chain.clone(), f.anonymous, f.deny);
    }
    let before = frames.iter().rev().find(|f| f.at < at);
    // A citation after the number that nests the frame before it (… نقلاً عن
    // مصادر محلية) covers the number too.
    let nested_after = frames.iter().find(|f| {
        f.at > at
            && f.prep
            && before.is_none_or(|b| f.chain.len() > b.chain.len() && f.chain.starts_with(&b.chain))
    });
    let f = nested_after
        .or(before)
        .or_else(|| frames.iter().find(|f| f.at > at));
    match f {
        Some(f) => (f.chain.clone(), f.anonymous, f.deny),
        None => (Vec::new(), false, false),
    }
}
