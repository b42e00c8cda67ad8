//! Arabic: the subject stands after its verb (قال المرصد); a name no
//! gazetteer knows is a definite construct (المرصد السوري، قيادة قوات سوريا
//! الديمقراطية) or a head that says what it is (وزارة، مرصد); a relative
//! clause's verb speaks for its antecedent (المصدر الذي تحدث); "one of"
//! an unnamed group is unnamed (أحد سكان الحي).

use super::{Grammar, Subject};
use crate::claims::frames::Scan;
use crate::claims::lexicon::Verb;
use crate::claims::*;

/// The Arabic rules.
pub(in crate::claims) struct Arabic;

impl Grammar for Arabic {
    fn verb_subject(&self, run: &Run, s: &Scan, v: usize, verb: Verb, after: usize) -> Subject {
        let (start, end) = (s.sent.start, s.sent.end);
        let mut who = if verb.participle {
            None
        } else {
            run.subject_after(after, end, s.aliases)
        };
        // After الذي / التي the subject is what the pronoun stands for.
        let relative = v > start && matches!(run.word(v - 1), "الذي" | "التي" | "الذين");
        if relative && who.is_none() {
            let antecedent = s.seen.last().filter(|m| m.toks.end + 2 >= v).cloned();
            // المصدر الذي نقلت عنه الصحيفة: the paper speaks, citing the source.
            if matches!(run.word(after), "عنه" | "عنها" | "عنهم")
                && let Some(speaker) = run.subject_after(after + 1, end, s.aliases)
            {
                return Subject {
                    who: Some(speaker),
                    cited: antecedent,
                    ..Subject::default()
                };
            }
            return Subject {
                none: antecedent.is_none(),
                who: antecedent,
                ..Subject::default()
            };
        }
        // A subject before its verb stands close to it (عادت “قسد” للحديث).
        if who.is_none() && !verb.participle {
            who = s.seen.last().filter(|m| m.toks.end + 4 >= v).cloned();
            // "مسؤول في الإدارة المحلية ذكر": a body after في describes the
            // unnamed official before it, who is the subject.
            if let Some(body) = who.clone()
                && body.toks.start >= 2
                && matches!(run.word(body.toks.start - 1), "في" | "من" | "ب")
                && let Some(official) = s
                    .seen
                    .iter()
                    .rev()
                    .find(|a| a.anonymous && a.toks.end + 1 == body.toks.start)
            {
                let mut m = official.clone();
                m.toks.end = body.toks.end;
                m.src.name = run.surface(m.toks.clone());
                m.src.id = format!("anonymous:{}", slug(&m.src.name));
                who = Some(m);
            }
        }
        Subject {
            who,
            ..Subject::default()
        }
    }

    fn speaker(
        &self,
        run: &Run,
        sent: Range<usize>,
        _v: usize,
        after: usize,
        aliases: Aliases,
    ) -> Option<SrcMention> {
        run.subject_after(after, sent.end, aliases)
    }

    fn verb_is_object(&self, _run: &Run, _sent: Range<usize>, _v: usize) -> bool {
        false
    }

    fn carries_citation(&self) -> bool {
        false
    }

    fn verb_trails(&self, run: &Run, v: usize) -> bool {
        let lex = run.lex();
        (v.saturating_sub(2)..v).any(|k| run.at(&lex.trailing, k).is_some_and(|f| f.end == v))
    }

    fn name(&self, run: &Run, i: usize, aliases: Aliases) -> Option<SrcMention> {
        run.arabic_name(i, aliases)
    }

    fn name_before_verb(&self, run: &Run, s: &Scan, i: usize) -> Option<SrcMention> {
        // A definite head that says what a source is (المرصد, الوزارة).
        (run.word(i).starts_with("ال") && run.starts(&run.lex().kinds, i))
            .then(|| run.arabic_name(i, s.aliases))
            .flatten()
    }

    fn qualified_unnamed(&self, run: &Run, i: usize, aliases: Aliases) -> Option<SrcMention> {
        // "أحد سكان الحي": one of an unnamed group.
        if !matches!(run.word(i), "احد" | "احدي") || !run.starts(&run.lex().anonymous, i + 1) {
            return None;
        }
        let mut inner = run.source_at(i + 1, false, aliases)?;
        inner.toks = i..inner.toks.end;
        Some(inner)
    }
}

impl<'a> Run<'a> {
    /// A name no gazetteer knows, in Arabic, opening at `i`.
    pub(in crate::claims) fn arabic_name(&self, i: usize, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        let w0 = self.word(i);
        if self.starts(&lex.documents, i) || w0.starts_with("وال") {
            // البيان، التقرير: the statement speaks for whoever issued it;
            // والتحركات: a new conjunct, not a name.
            return None;
        }
        if w0.is_empty()
            || self.starts(&lex.not_speakers, i)
            || self.starts(&lex.item_markers, i)
            || self.starts(&lex.stops, i)
            || self.starts(&lex.verbs, i)
            || self.starts(&lex.events, i)
            || self.starts(&lex.never_after, i)
            || self.x.numbers_word(w0)
        {
            return None;
        }
        // "آل فرج": a family's name, آل (folded to ال) and the word after
        // it; "أبو محمد": a name by a son's, أبو and the word after it.
        let family = matches!(w0, "ال" | "ابو" | "ابي");
        if family
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word && !self.x.numbers_word(self.word(i + 1)))
        {
            // A nisba after it is part of the name (أبو سالم الحلبي).
            let nisba = self.word(i + 2);
            let end = if w0 != "ال"
                && nisba.starts_with("ال")
                && nisba.ends_with('ي')
                && !self.starts(&lex.adjectives, i + 2)
                && !self.starts(&lex.stops, i + 2)
            {
                i + 3
            } else {
                i + 2
            };
            return Some(self.person(i..end, i + 1));
        }
        // A theophoric name (عبد الرحمن، ذبيح الله، نور الدين) is a person's,
        // with the plain words of the name after it (عبد الرحمن رحيمي).
        if let Some(end) = self.theophoric_name(i) {
            return Some(self.person(i..end, i));
        }
        // A title speaks for the body after it: مديرة المرصد، المتحدث باسم الوزارة.
        if let Some(f) = self.at(&lex.titles, i) {
            let mut j = f.end;
            // The title's adjectives (المتحدث الإعلامي، المدير الجهوي), a
            // nation's among them (الرئيس الأفغاني: no body, a person).
            while self.starts(&lex.adjectives, j) || self.nisba_of_nation(j) {
                j += 1;
            }
            if let Some(l) = self.at(&lex.title_links, j) {
                j = l.end;
            }
            let found = match self.source_at(j, true, aliases) {
                Some(mut body) => {
                    // المتحدث الأمني بوزارة الداخلية: the body without its ب.
                    if !body.anonymous
                        && body.toks.start == j
                        && self.word(j).starts_with('ب')
                        && self.at(&lex.kinds, j).is_some_and(|k| k.prefix > 0)
                        && let Some(name) = body.src.name.strip_prefix('ب').map(str::to_string)
                    {
                        body.src.id = slug(&name);
                        body.src.name = name;
                    }
                    body.toks = i..body.toks.end;
                    Some(body)
                }
                None => self.titled_phrase(i, f.end, aliases),
            };
            // The official's name after his title, set off by commas.
            return found.map(|mut m| {
                if let Some(end) = self.appositive_name(m.toks.end) {
                    m.toks.end = end;
                }
                m
            });
        }
        // An unknown name opens with a definite word, a head that says what
        // it is (وزارة، مرصد), a quote, or a capital (in Latin script).
        let construct = {
            let w1 = self.word(i + 1);
            w1.starts_with("ال")
                || (w1.is_empty() && self.toks.get(i + 1).is_some_and(|t| t.text(self.key) == "\""))
        };
        let opens_name = strip_proclitic_l(w0).starts_with("ال")
            || construct
            || self.starts(&lex.kinds, i)
            || (i > 0 && matches!(self.toks[i - 1].text(self.key), "\"" | "'"))
            || self.doc.text[self.text_range(i..i + 1)].starts_with(|c: char| c.is_uppercase());
        if !opens_name {
            return None;
        }
        let j = self.name_end(i)?;
        // الرقة، عدن: a city or a region never speaks.
        if self.is_local_place(i..j) {
            return None;
        }
        // A gazetteer name inside the phrase (تقرير النبأ) is the source.
        for k in i..j {
            if let Some(f) = self.at(&lex.source_names, k) {
                let e = &lex.sources[*f.value];
                return Some(Self::known(e, i..j.max(f.end)));
            }
        }
        let first = self.word(i);
        let head = strip_article(strip_proclitic_l(first));
        let kind = (i..j)
            .find_map(|k| self.at(&lex.kinds, k).map(|f| *f.value))
            .unwrap_or(SourceKind::Person);
        let definite = strip_proclitic_l(first).starts_with("ال");
        let anaphor = definite && j == i + 1;
        // Generic: an indefinite head with no name after it (مرصد حقوقي محلي،
        // منظمة محلية لرصد الانتهاكات), unlike المرصد السوري.
        let generic = !definite && j > i + 1 && !self.word(i + 1).starts_with("ال");
        let mut name = self.surface(i..j);
        if let Some(stripped) = name.strip_prefix('ل').filter(|s| s.starts_with("ال")) {
            name = stripped.to_string();
        } else if let Some(rest) = name.strip_prefix("لل") {
            // للجيش is ل and الجيش.
            name = format!("ال{rest}");
        }
        Some(SrcMention {
            toks: i..j,
            src: SourceRef {
                id: slug(&name),
                name,
                kind,
            },
            anonymous: false,
            head,
            generic,
            anaphor,
        })
    }

    /// "المتحدث الإعلامي لصحة عسير سعيد النقير", "المدير الجهوي للصحة": a
    /// title at `i` (ending before `t_end`), its adjectives, the body it
    /// serves (after ب, ل, في, باسم) and the official's name, up to a verb,
    /// a function word, a number or punctuation. A known body inside is the
    /// source; else the phrase as written, an official.
    fn titled_phrase(&self, i: usize, t_end: usize, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        let mut j = t_end;
        let limit = (i + 10).min(self.toks.len());
        while j < limit {
            let t = self.toks[j];
            if t.kind == TokenKind::Punct && matches!(t.text(self.key), "\"" | "(" | ")") {
                j += 1;
                continue;
            }
            let stop = self.starts(&lex.stops, j)
                || self.starts(&lex.verbs, j)
                || self.starts(&lex.events, j)
                || self.starts(&lex.negation, j)
                || self.x.numbers_word(self.word(j));
            if t.kind != TokenKind::Word || stop && !self.starts(&lex.title_links, j) {
                break;
            }
            j += 1;
        }
        while j > t_end && (self.toks[j - 1].kind != TokenKind::Word || self.starts(&lex.title_links, j - 1))
        {
            j -= 1;
        }
        if j == t_end {
            return None;
        }
        if let Some(body) = (t_end..j).find_map(|k| self.gazetteer_at(k, aliases)) {
            return Some(SrcMention {
                toks: i..j.max(body.toks.end),
                ..body
            });
        }
        let name = self.surface(i..j);
        let kind = (t_end..j)
            .find_map(|k| self.at(&lex.kinds, k).map(|f| *f.value))
            .unwrap_or(SourceKind::Person);
        Some(SrcMention {
            toks: i..j,
            src: SourceRef {
                id: slug(&name),
                name,
                kind,
            },
            anonymous: false,
            head: strip_article(self.word(i)),
            generic: false,
            anaphor: false,
        })
    }

    /// Whether the word at `j` is a nation's nisba with the article
    /// (الأفغاني، التركية): an adjective, never a body of its own.
    fn nisba_of_nation(&self, j: usize) -> bool {
        let w = strip_proclitic_l(self.word(j));
        w.starts_with("ال") && (w.ends_with('ي') || w.ends_with("يه")) && self.starts(&self.lex().nations, j)
    }

    /// A person named by the tokens `r`, the word at `head` its head.
    fn person(&self, r: Range<usize>, head: usize) -> SrcMention {
        let name = self.surface(r.clone());
        SrcMention {
            toks: r,
            src: SourceRef {
                id: slug(&name),
                name,
                kind: SourceKind::Person,
            },
            anonymous: false,
            head: self.word(head).to_string(),
            generic: false,
            anaphor: false,
        }
    }

    /// Where a theophoric name opening at `i` ends: عبد and the word after
    /// it, or a word and الله / الدين after it, then up to two plain words
    /// of the name (not definite unless a nisba, الحلبي; no function word,
    /// verb, title or number), up to punctuation.
    fn theophoric_name(&self, i: usize) -> Option<usize> {
        let lex = self.lex();
        let word = |k: usize| {
            self.toks
                .get(k)
                .filter(|t| t.kind == TokenKind::Word)
                .map(|_| self.word(k))
        };
        let second = word(i + 1)?;
        let opens = matches!(word(i)?, "عبد" | "وعبد") || matches!(second, "الله" | "الدين");
        if !opens || self.starts(&lex.stops, i + 1) && !matches!(second, "الله" | "الدين") {
            return None;
        }
        let mut end = i + 2;
        while end < i + 4 {
            let Some(w) = word(end) else { break };
            let plain = !self.starts(&lex.stops, end)
                && !self.starts(&lex.verbs, end)
                && !self.starts(&lex.titles, end)
                && !self.starts(&lex.anonymous, end)
                && !self.starts(&lex.events, end)
                && !self.starts(&lex.prepositions, end)
                && !self.x.numbers_word(w)
                && (!w.starts_with("ال") || w.ends_with('ي') && !self.starts(&lex.adjectives, end))
                && !w.starts_with('ل')
                && !(w.starts_with('و') && w.chars().count() > 3);
            if !plain {
                break;
            }
            end += 1;
        }
        Some(end)
    }

    /// "المستشار الأمني في حكومة الوفاق، هاشم بشر، إن …": the official's
    /// name set off by commas after his title; where it ends.
    fn appositive_name(&self, j: usize) -> Option<usize> {
        let lex = self.lex();
        if !self.is_comma(j) {
            return None;
        }
        let end = (j + 1..(j + 5).min(self.toks.len())).find(|&k| self.toks[k].kind != TokenKind::Word)?;
        let words = j + 1..end;
        let plain = words.len() >= 2
            && words.clone().all(|k| {
                !self.starts(&lex.stops, k)
                    && !self.starts(&lex.verbs, k)
                    && !self.starts(&lex.events, k)
                    && !self.x.numbers_word(self.word(k))
            });
        (plain && self.is_comma(end)).then_some(end)
    }

    /// Where an Arabic name opening at `i` ends: before a function word, a
    /// verb, an event word, a title or a new conjunct, with quotes around
    /// it or its acronym; a definite name continues only with definite
    /// words (المرصد السوري, not المرصد عدد), an indefinite head runs to its
    /// last definite word (قيادة قوات سوريا الديمقراطية).
    fn name_end(&self, i: usize) -> Option<usize> {
        let lex = self.lex();
        let mut j = i;
        while j < self.toks.len() && j < i + 6 {
            let t = self.toks[j];
            if t.kind != TokenKind::Word {
                // Quotes around a name or its acronym are part of it.
                if matches!(t.text(self.key), "\"" | "'" | "(" | ")") && j > i {
                    j += 1;
                    continue;
                }
                break;
            }
            if j > i
                && (self.starts(&lex.stops, j)
                    || self.starts(&lex.verbs, j)
                    || self.starts(&lex.events, j)
                    || self.starts(&lex.documents, j)
                    || self.starts(&lex.titles, j)
                    || self.word(j).starts_with('و')
                        && self.word(j).len() > 2
                        && !self.word(j - 1).is_empty()
                        && j > i + 1)
            {
                break;
            }
            j += 1;
        }
        while j > i && self.toks[j - 1].kind != TokenKind::Word {
            j -= 1;
        }
        let is_def = |k: usize| {
            let w = self.word(k);
            w.starts_with("ال")
                || w.starts_with("لل")
                || w.strip_prefix('ل').is_some_and(|r| r.starts_with("ال"))
        };
        if is_def(i) {
            let mut e = i + 1;
            while e < j && (is_def(e) || self.toks[e].kind != TokenKind::Word) {
                e += 1;
            }
            j = e;
        } else if let Some(last_def) = (i + 1..j).rev().find(|&k| is_def(k)) {
            j = last_def + 1;
            while j < self.toks.len() && j < i + 8 && matches!(self.toks[j].text(self.key), "\"" | "(" | ")")
            {
                j += 1;
            }
        }
        while j > i
            && self.toks[j - 1].kind != TokenKind::Word
            && !matches!(self.toks[j - 1].text(self.key), "\"")
        {
            j -= 1;
        }
        (j > i).then_some(j)
    }
}
