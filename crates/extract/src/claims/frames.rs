//! Attribution frames and their scope.
//!
//! In: one sentence's tokens. Out: its frames, in order. A frame is a
//! position and what a number after it (or, trailing, before it) is
//! attributed to: the chain of sources below the outlet, outermost first,
//! whether the innermost is unnamed, whether the speaker denies. Frames
//! open at a headline's `Source:`, at a citation (بحسب, according to, what
//! a document came from), and at a reporting verb with its subject (the
//! language's [`Grammar`] finds it) or, with none, the last speaker's. A
//! citation inside a frame nests under it; so does a verb whose source is
//! unnamed inside a named speaker's clause. [`pick`] gives a number its
//! frame. Refused: a negated verb (من دون أن يذكر), a verb form after a
//! preposition (بعد إعلان), a verb form that is another verb's object
//! ("denied reports").

use super::lang::{Grammar, Lang};
use super::*;

/// What numbers in a stretch of a sentence are attributed to.
#[derive(Debug, Clone)]
pub(super) struct Frame {
    /// The token it opens at.
    pub(super) at: usize,
    /// A passive agent ("cited by the ministry"): it covers the number
    /// right before it.
    pub(super) passive: bool,
    /// The sources below the outlet, outermost first.
    pub(super) chain: Vec<SourceRef>,
    /// The innermost source is unnamed.
    pub(super) anonymous: bool,
    /// The speaker denies the figures.
    pub(super) deny: bool,
    /// A citation (بحسب, according to), not a verb.
    pub(super) prep: bool,
    /// It may cover the numbers before it in its sentence: a citation
    /// (…، بحسب المرصد), an English verb ("…, police said"); not an Arabic
    /// reporting verb, whose subject and what it reports follow it.
    pub(super) trails: bool,
    /// When it trails, the first token it may cover: a citation after an
    /// Arabic word of contrast (غير أن، لكن) covers its own clause only.
    pub(super) from: usize,
}

/// One sentence as its frames are read.
pub(super) struct Scan {
    /// The sentence's tokens.
    pub(super) sent: Range<usize>,
    /// The rules of its language.
    pub(super) g: &'static dyn Grammar,
    /// The aliases its look-ups may use.
    pub(super) aliases: Aliases,
    /// The frames so far.
    pub(super) frames: Vec<Frame>,
    /// The sources named so far in the sentence (subjects before verbs).
    pub(super) seen: Vec<SrcMention>,
    /// The index in `frames` of the first verb's frame.
    first_verb: Option<usize>,
    /// Where an opening participle's clause ends ("Writing in its newsletter
    /// X, the group said": a name there is where or to whom, not who speaks).
    opener_end: usize,
}

impl<'a> Run<'a> {
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
            trails: true,
            from: 0,
        }
    }

    /// True when a reporting verb at `i` is a verb here: not a form after
    /// a preposition (بعد إعلان) nor the object of the verb before it.
    fn verb_at(&self, sent: Range<usize>, g: &dyn Grammar, i: usize) -> Option<(Verb, usize)> {
        let lex = self.lex();
        let f = self.at(&lex.verbs, i)?;
        let after_preposition = i > sent.start && self.starts(&lex.not_after, i - 1);
        if after_preposition || g.verb_is_object(self, sent, i) {
            return None;
        }
        Some((*f.value, f.end))
    }

    /// The speakers of a sentence without numbers: the subjects of its
    /// reporting verbs, remembered for the sentences that continue them.
    pub(super) fn track_speakers(&mut self, sent: Range<usize>, aliases: Aliases) {
        let g = Lang::of_sentence(self, sent.clone()).grammar();
        let mut i = sent.start;
        while i < sent.end {
            // Only a verb matters here, and no phrase starts at most words.
            if self.starts.get(i) == Some(&0) {
                i += 1;
                continue;
            }
            let Some((verb, after)) = self.verb_at(sent.clone(), g, i) else {
                i += 1;
                continue;
            };
            if !verb.participle
                && let Some(s) = g.speaker(self, sent.clone(), i, after, aliases)
            {
                let s = self.resolve(s);
                self.disc.last_speaker = Some(self.speaker_frame(i, &s, false));
                self.disc.subjects.push(s.clone());
                self.disc.push_source(s);
            }
            i = after;
        }
    }

    /// The attribution frames of a sentence.
    pub(super) fn frames(&mut self, sent: Range<usize>, aliases: Aliases) -> Vec<Frame> {
        let opener_end = if self.capitalised(sent.start) && self.word(sent.start).ends_with("ing") {
            (sent.start..sent.end)
                .find(|&k| self.is_comma(k))
                .unwrap_or(sent.start)
        } else {
            sent.start
        };
        let mut s = Scan {
            g: Lang::of_sentence(self, sent.clone()).grammar(),
            sent,
            aliases,
            frames: Vec::new(),
            seen: Vec::new(),
            first_verb: None,
            opener_end,
        };
        let mut i = self.headline_frame(&mut s).unwrap_or(s.sent.start);
        while i < s.sent.end {
            i = self.frame_step(&mut s, i);
        }
        s.frames
    }

    /// Reads what opens at token `i`; returns the next token to read.
    fn frame_step(&mut self, s: &mut Scan, i: usize) -> usize {
        let lex = self.lex();
        if self.plain_arabic(i) {
            return i + 1;
        }
        if matches!(self.word(i), "وان" | "وبان") {
            // A second complement clause hangs on the first verb.
            if let Some(f) = s.first_verb.and_then(|k| s.frames.get(k)).cloned() {
                s.frames.push(Frame { at: i, ..f });
            }
            return i + 1;
        }
        if let Some(next) = self.citation_frame(s, i) {
            return next;
        }
        // "رفض الكشف عن اسمه" describes a source; it reports nothing.
        if let Some(f) = self.at(&lex.unnamed_after, i) {
            return f.end;
        }
        if let Some(next) = self.verb_frame(s, i) {
            return next;
        }
        if i < s.opener_end {
            return i + 1;
        }
        self.mention_step(s, i).unwrap_or(i + 1)
    }

    /// A headline "Source: …" (الداخلية: لم يفر أي سجين): its frame, and the
    /// token after the colon.
    fn headline_frame(&mut self, s: &mut Scan) -> Option<usize> {
        let sent = s.sent.clone();
        let colon =
            (sent.start..(sent.start + 6).min(sent.end)).find(|&k| self.toks[k].text(self.key) == ":")?;
        // "ثانيا: …": a statement's item goes on in its speaker's voice.
        if colon == sent.start + 1 && self.starts(&self.lex().item_markers, sent.start) {
            let mut f = self.disc.last_speaker.clone()?;
            f.at = sent.start;
            s.frames.push(f);
            return Some(colon + 1);
        }
        // "ANALYSIS: …", "عاجل: …": a kind of article, no speaker.
        let label = self
            .at(&self.lex().headline_labels, sent.start)
            .is_some_and(|f| f.end == colon);
        if colon == sent.start
            || label
            || self.toks[colon + 1..sent.end]
                .iter()
                .any(|t| t.text(self.key) == ":")
            || self.toks[sent.start..colon]
                .iter()
                .any(|t| t.kind == TokenKind::Number)
            // "Mirefield manhunt: dozens at large, governor says": the speaker is at the end.
            || (sent.end.saturating_sub(2).max(sent.start)..sent.end)
                .any(|k| matches!(self.word(k), "says" | "said" | "say"))
        {
            return None;
        }
        let src = self
            .headline_name(sent.start..colon)
            .filter(|h| self.lang(h.toks.start) == Lang::English)
            .or_else(|| self.source_at(sent.start, true, s.aliases))
            .or_else(|| self.headline_name(sent.start..colon))
            .filter(|src| src.toks.end <= colon + 1)?;
        let src = self.resolve(src);
        self.disc.push_source(src.clone());
        s.frames.push(Frame {
            at: sent.start,
            passive: false,
            chain: vec![src.src.clone()],
            anonymous: src.anonymous,
            deny: false,
            prep: false,
            trails: true,
            from: 0,
        });
        Some(colon + 1)
    }

    /// A citation at `i` (بحسب X, according to X, نقلاً عن X): its frame,
    /// nested under the last verb's; returns the token after its source.
    fn citation_frame(&mut self, s: &mut Scan, i: usize) -> Option<usize> {
        let f = self.at(&self.lex().prepositions, i)?;
        let src = self.prep_object(f.end, s.sent.end, s.aliases)?;
        let src = self.resolve(src);
        self.disc.push_source(src.clone());
        // A cited source has spoken: المصدر ذاته may refer to it.
        self.disc.subjects.push(src.clone());
        let end = src.toks.end;
        let base = s.frames.iter().rev().find(|fr| !fr.prep).cloned();
        // "X said …, according to an AFP tally": the writer's own
        // attribution of what the clause reports, not X citing it.
        if self.word(i) == "according"
            && i > s.sent.start
            && self.is_comma(i - 1)
            && let Some(b) = base.as_ref().filter(|b| !b.passive && !b.chain.is_empty())
        {
            let at = b.at;
            s.frames.retain(|f| f.at < at);
            s.frames.push(self.speaker_frame(at, &src, false));
            s.seen.push(src);
            return Some(end);
        }
        let frame = match base {
            Some(b) if b.chain.last() != Some(&src.src) => Frame {
                at: i,
                passive: false,
                chain: b
                    .chain
                    .iter()
                    .cloned()
                    .chain(std::iter::once(src.src.clone()))
                    .collect(),
                anonymous: src.anonymous,
                deny: b.deny,
                prep: true,
                trails: true,
                from: 0,
            },
            _ => self.speaker_frame(i, &src, true),
        };
        // "… غير أن المجموعة كانت أكبر وفق شهود عيان": after a word of
        // contrast the citation covers its own clause, not the one before.
        let contrast = (s.sent.start..i).rev().find(|&k| {
            self.at(&self.lex().clause_contrast, k)
                .is_some_and(|c| c.end <= i)
        });
        let frame = Frame {
            from: contrast.unwrap_or(0),
            ..frame
        };
        if s.g.carries_citation() {
            self.disc.last_speaker = Some(frame.clone());
        }
        s.frames.push(frame);
        s.seen.push(src);
        Some(end)
    }

    /// A reporting verb at `i`: its frame (its subject's, or with none the
    /// last speaker's); returns the token after the verb.
    fn verb_frame(&mut self, s: &mut Scan, i: usize) -> Option<usize> {
        let lex = self.lex();
        let (verb, after) = self.verb_at(s.sent.clone(), s.g, i)?;
        // A negated verb reports nothing (من دون أن يذكر).
        let negated = (i.saturating_sub(3).max(s.sent.start)..i).any(|k| self.starts(&lex.negation, k));
        if negated && verb.stance != VerbStance::Deny {
            return Some(after);
        }
        let subject = s.g.verb_subject(self, s, i, verb, after);
        if subject.none {
            return Some(after);
        }
        let deny = verb.stance == VerbStance::Deny;
        let frame = match subject.who {
            Some(who) => self.subject_frame(s, i, verb, after, who, subject.cited, subject.passive),
            None => match s
                .frames
                .last()
                .cloned()
                .or_else(|| self.disc.last_speaker.clone())
            {
                Some(f) => Frame {
                    at: i,
                    passive: false,
                    // "…, saying 40 had died": a participle asserts its
                    // own figures, whatever the verb before it did.
                    deny,
                    trails: s.g.verb_trails(self, i),
                    from: 0,
                    ..f
                },
                None => return Some(after),
            },
        };
        // A verb inside another speaker's clause nests under it when
        // its source is unnamed (المرصد قال إن مصادره رصدت …).
        let frame = match s.frames.last() {
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
        if s.first_verb.is_none() {
            s.first_verb = Some(s.frames.len());
        }
        self.disc.last_speaker = Some(frame.clone());
        s.frames.push(frame);
        Some(after)
    }

    /// The frame of a verb whose subject is `who`, with the source it cites
    /// (نقل عن X, citing X, or a relative's antecedent) nested under it.
    #[allow(clippy::too_many_arguments)]
    fn subject_frame(
        &mut self,
        s: &Scan,
        i: usize,
        verb: Verb,
        after: usize,
        who: SrcMention,
        cited: Option<SrcMention>,
        passive: bool,
    ) -> Frame {
        let cited = cited.or_else(|| {
            let k = self.skip_quotes(who.toks.end.max(after));
            (self.word(k) == "عن" || self.word(k) == "عنه" || (verb.cites_from && self.word(k) == "من"))
                .then(|| self.source_at(k + 1, true, s.aliases))
                .flatten()
        });
        let who = self.resolve(who);
        self.disc.push_source(who.clone());
        if !passive {
            self.disc.subjects.push(who.clone());
        }
        let own_voice = self.facts.head_ids.contains(&who.src.id);
        let mut chain = if own_voice {
            Vec::new()
        } else {
            vec![who.src.clone()]
        };
        let mut anonymous = who.anonymous && !own_voice;
        if let Some(c) = cited {
            let c = self.resolve(c);
            anonymous = c.anonymous;
            chain.push(c.src.clone());
            self.disc.push_source(c);
        }
        Frame {
            at: i,
            passive,
            chain,
            anonymous,
            deny: verb.stance == VerbStance::Deny,
            prep: false,
            trails: s.g.verb_trails(self, i),
            from: 0,
        }
    }

    /// A source named at `i` before a verb: a gazetteer or unnamed source,
    /// a name no gazetteer knows, a definite head that refers back
    /// (المرصد, the monitor). Returns the token after it.
    fn mention_step(&mut self, s: &mut Scan, i: usize) -> Option<usize> {
        let m = self
            .source_at(i, false, s.aliases)
            .or_else(|| self.lang(i).grammar().name_before_verb(self, s, i))?;
        let end = m.toks.end;
        let m = self.resolve(m);
        self.disc.push_source(m.clone());
        // "The Health Office's latest toll was 23 dead": the figures a
        // source issued are its own, unless a denying verb just before has
        // them as its object ("rejected the ministry's figure of 17"): then
        // they are the denier's denial.
        let denied = s
            .frames
            .last()
            .is_some_and(|f| f.deny && f.at < i && i - f.at <= 3);
        if !denied
            && self
                .toks
                .get(end)
                .is_some_and(|t| matches!(t.text(self.key), "'" | "’"))
            && self.word(end + 1) == "s"
            && (end + 2..(end + 5).min(s.sent.end)).any(|k| self.starts(&self.lex().documents, k))
        {
            s.frames.push(self.speaker_frame(end, &m, false));
        }
        s.seen.push(m);
        Some(end.max(i + 1))
    }
}

/// The frame that covers token `at`: a passive agent right after it; a
/// citation after it that nests the frame before it (… نقلاً عن مصادر
/// محلية); the last one before it; else the first after it that may trail
/// (a citation, an English "…, police said"). Gives its chain, whether its source is unnamed, whether it
/// denies.
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
        .filter(|f| at >= f.from)
        .or(before)
        .or_else(|| frames.iter().find(|f| f.at > at && f.trails && at >= f.from));
    match f {
        Some(f) => (f.chain.clone(), f.anonymous, f.deny),
        None => (Vec::new(), false, false),
    }
}
