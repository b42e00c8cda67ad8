//! Source mentions: gazetteer names, unnamed sources, names by their place.

use super::*;

/// A source mention: a token range and what it refers to.
#[derive(Debug, Clone)]
pub(super) struct SrcMention {
    pub(super) toks: Range<usize>,
    pub(super) src: SourceRef,
    pub(super) anonymous: bool,
    /// Its head word (key, without article), for reference by head.
    pub(super) head: String,
    /// Named by description only (مرصد حقوقي محلي).
    pub(super) generic: bool,
    /// A definite head alone (المرصد): refers back.
    pub(super) anaphor: bool,
}

pub(super) fn slug(name: &str) -> String {
    let k = key(name);
    let mut out = String::new();
    for w in k
        .split(|c: char| !isnad_text::letter::is_letter_or_digit(c))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(w);
    }
    if out.is_empty() { "unknown".into() } else { out }
}

impl<'a> Run<'a> {
    /// "A shopkeeper said", "A prison employee who asked not to be named
    /// told…": an indefinite noun phrase opening the sentence and standing
    /// right before its verb (or before a clause about the speaker) is an
    /// unnamed source, named by its words.
    pub(super) fn indefinite_speaker(&self, start: usize, verb: usize) -> Option<SrcMention> {
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
        let plain = !words.is_empty()
            && words.len() <= 3
            && words.clone().all(|k| {
                self.toks[k].kind == TokenKind::Word && self.word(k).is_ascii() && !self.capitalised(k)
            });
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

    pub(super) fn from_entry(e: &SourceEntry) -> SourceRef {
        SourceRef {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind,
        }
    }

    /// A mention of a gazetteer source.
    pub(super) fn known(e: &SourceEntry, toks: Range<usize>) -> SrcMention {
        SrcMention {
            toks,
            src: Self::from_entry(e),
            anonymous: false,
            head: e.id.clone(),
            generic: false,
            anaphor: false,
        }
    }

    pub(super) fn named(&self, name: &str, kind: SourceKind) -> SourceRef {
        match self.lex().source_by_name(name) {
            Some(e) => Self::from_entry(e),
            None => SourceRef {
                id: slug(name),
                name: name.trim().to_string(),
                kind,
            },
        }
    }

    /// A source named at token `i`: a gazetteer name, an unnamed source, or
    /// (with `np`) a noun phrase. Returns the mention.
    pub(super) fn source_at(&self, i: usize, np: bool, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        if self.plain_arabic(i) {
            return if np { self.noun_phrase(i, aliases) } else { None };
        }
        if let Some(f) = self.at(&lex.source_names, i) {
            let e = &lex.sources[*f.value];
            return Some(Self::known(e, i..f.end));
        }
        if let Some(f) = self.at(&lex.contextual, i)
            && self.doc_has(aliases, *f.value)
        {
            let e = &lex.sources[*f.value];
            return Some(Self::known(e, i..f.end));
        }
        // What a source issued (أرقام قيادة القوات، بيان الوزارة): the source follows.
        let after_quotes = |mut k: usize| {
            while self
                .toks
                .get(k)
                .is_some_and(|t| t.kind == TokenKind::Punct && t.text(self.key) == "\"")
            {
                k += 1;
            }
            k
        };
        if let Some(d) = self.at(&lex.documents, i)
            && d.end > i
            && let Some(mut inner) = self.source_at(after_quotes(d.end), np, aliases)
        {
            inner.toks = i..inner.toks.end;
            return Some(inner);
        }
        // A titled official of a named body, named himself (المسؤول في قسد
        // نوروز أحمد), speaks for the body; unnamed (فضّل عدم ذكر اسمه), he
        // stays an unnamed source.
        if self.starts(&lex.anonymous, i)
            && let Some(t) = self.at(&lex.titles, i)
            && let Some(body) = self.source_at(
                self.at(&lex.title_links, t.end).map(|l| l.end).unwrap_or(t.end),
                false,
                aliases,
            )
            && !body.anonymous
            && !(body.toks.end..(body.toks.end + 6).min(self.toks.len()))
                .any(|k| self.starts(&lex.unnamed_after, k))
            && self
                .toks
                .get(body.toks.end)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&lex.stops, body.toks.end)
        {
            return Some(SrcMention {
                toks: i..body.toks.end,
                ..body
            });
        }
        // "مراسل عنب بلدي": the outlet's own correspondent is its own voice.
        if matches!(self.word(i), "مراسل" | "مراسله" | "مراسلو" | "مراسلي")
            && let Some(f) = self.at(&lex.source_names, i + 1)
            && lex.sources[*f.value].kind == SourceKind::Outlet
        {
            return Some(Self::known(&lex.sources[*f.value], i..f.end));
        }
        // English puts the qualifiers first: "local sources", "some
        // pro-Ash channels", "social media accounts".
        if self.word(i).is_ascii() && !self.starts(&lex.anonymous, i) {
            let plain = |k: usize| {
                let t = self.toks[k];
                (t.kind == TokenKind::Word || t.text(self.key) == "-")
                    && !self.starts(&lex.stops, k)
                    && !self.starts(&lex.prepositions, k)
                    && !self.starts(&lex.verbs, k)
                    && !self.starts(&lex.events, k)
                    && !self.starts(&lex.negation, k)
                    && !self.starts(&lex.none_words, k)
            };
            if let Some(d) = (1..=4).find(|&d| i + d < self.toks.len() && self.starts(&lex.anonymous, i + d))
                && (i..i + d).all(plain)
                && let Some(mut inner) = self.source_at(i + d, false, aliases)
                && inner.anonymous
            {
                inner.toks = i..inner.toks.end;
                inner.src.name = self.surface(inner.toks.clone());
                inner.src.id = format!("anonymous:{}", slug(&inner.src.name));
                return Some(inner);
            }
        }
        // "أحد سكان الحي": one of an unnamed group.
        if matches!(self.word(i), "احد" | "احدي") && self.starts(&lex.anonymous, i + 1) {
            let mut inner = self.source_at(i + 1, false, aliases)?;
            inner.toks = i..inner.toks.end;
            return Some(inner);
        }
        if self.starts(&lex.anonymous, i) {
            let prefix = self.at(&lex.anonymous, i).map(|f| f.prefix).unwrap_or(0);
            let mut j = self.at(&lex.anonymous, i).map(|f| f.end).unwrap_or(i + 1);
            // Its qualifiers: adjectives, a place (في / داخل …), "who declined to be named".
            let mut guard = 0;
            while j < self.toks.len() && guard < 6 {
                guard += 1;
                if let Some(f) = self.at(&lex.unnamed_after, j) {
                    j = f.end;
                    continue;
                }
                if self.starts(&lex.adjectives, j)
                    || (self.word(j).starts_with("ال") && self.word(j - 1) == "بعض")
                {
                    j += 1;
                    continue;
                }
                // "residents of Hasakah", "activists in the town": the place
                // belongs to the unnamed source.
                if matches!(self.word(j), "of" | "in" | "from" | "at") && self.word(j + 1).is_ascii() {
                    let mut k = j + 1;
                    if self.word(k) == "the" {
                        k += 1;
                    }
                    if self.capitalised(k) || matches!(self.word(k), "town" | "city" | "village" | "area") {
                        j = k + 1;
                        while self.capitalised(j) {
                            j += 1;
                        }
                        continue;
                    }
                }
                break;
            }
            let head = strip_article(self.word(i));
            // The name as written, without a proclitic (لمصادر → مصادر).
            let r = self.text_range(i..j);
            let lead = self
                .n
                .to_input(self.toks[i].start as usize + prefix..self.toks[i].end as usize)
                .start;
            let name = self.doc.text[lead.max(r.start)..r.end].to_string();
            return Some(SrcMention {
                toks: i..j,
                src: SourceRef {
                    id: format!("anonymous:{}", slug(&name)),
                    name,
                    kind: SourceKind::Anonymous,
                },
                anonymous: true,
                head,
                generic: false,
                anaphor: false,
            });
        }
        if !np {
            return None;
        }
        self.noun_phrase(i, aliases)
    }

    /// An English name: capitalised words, with "of", "the", "for" and "and"
    /// between them (The Syrian Democratic Forces, Syrian Observatory for Human
    /// Rights); or "the" and a word that says what a source is (the monitor),
    /// which refers back.
    pub(super) fn english_name(&self, i: usize) -> Option<SrcMention> {
        let lex = self.lex();
        let w0 = self.word(i);
        if !w0.is_ascii() || w0.is_empty() {
            return None;
        }
        let start = if w0 == "the" { i + 1 } else { i };
        // A name the gazetteer knows (The SDF, the Syrian Observatory…).
        if let Some(f) = self.at(&lex.source_names, start) {
            return Some(Self::known(&lex.sources[*f.value], i..f.end));
        }
        if w0 == "the" && !self.capitalised(start) {
            // "the source", "the official": the unnamed speaker named so
            // before ("A source in the security services… told").
            let head = self.word(start);
            if let Some(prev) = self
                .disc
                .sources
                .iter()
                .rev()
                .find(|s| s.anonymous && s.head == head && !head.is_empty())
            {
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
                    (t.kind == TokenKind::Word && self.word(k).is_ascii() && !self.capitalised(k)
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
            return None;
        }
        // Weekdays and months are no names (said on Monday).
        if !self.capitalised(start)
            || self.starts(&lex.stops, start)
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
        if let Some(d) = (1..=2).find(|&d| self.starts(&lex.kinds, end + d - 1))
            && (end..end + d - 1).all(|k| {
                self.toks[k].kind == TokenKind::Word && !self.capitalised(k) && !self.starts(&lex.stops, k)
            })
            && !self.starts(&lex.kinds, end - 1)
        {
            end += d;
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

    pub(super) fn noun_phrase(&self, i: usize, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        let w0 = self.word(i);
        if w0.is_ascii() && !w0.is_empty() {
            return self.english_name(i);
        }
        if self.starts(&lex.documents, i) || w0.starts_with("وال") {
            // البيان، التقرير: the statement speaks for whoever issued it;
            // والتحركات: a new conjunct, not a name.
            return None;
        }
        if w0.is_empty()
            || self.starts(&lex.stops, i)
            || self.starts(&lex.verbs, i)
            || self.starts(&lex.events, i)
            || self.starts(&lex.never_after, i)
            || self.x.numbers_word(w0)
        {
            return None;
        }
        // A title speaks for the body after it: مديرة المرصد، المتحدث باسم الوزارة.
        if let Some(f) = self.at(&lex.titles, i) {
            let mut j = f.end;
            if let Some(l) = self.at(&lex.title_links, j) {
                j = l.end;
            }
            if let Some(mut body) = self.source_at(j, true, aliases) {
                body.toks = i..body.toks.end;
                return Some(body);
            }
            return None;
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
        // A definite name continues only with definite words (المرصد السوري,
        // not المرصد عدد); an indefinite head runs to its last definite word
        // (قيادة قوات سوريا الديمقراطية).
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
        if j == i {
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

    /// The name before a headline's colon, as written.
    pub(super) fn headline_name(&self, r: Range<usize>) -> Option<SrcMention> {
        let r = {
            // Quotes around the name («قسد»:) are not part of it.
            let mut r = r;
            while r.start < r.end && self.toks[r.start].kind == TokenKind::Punct {
                r.start += 1;
            }
            while r.end > r.start && self.toks[r.end - 1].kind == TokenKind::Punct {
                r.end -= 1;
            }
            r
        };
        if r.is_empty() || r.len() > 4 || r.clone().any(|k| self.toks[k].kind != TokenKind::Word) {
            return None;
        }
        let name = self.surface(r.clone());
        let lex = self.lex();
        let kind = r
            .clone()
            .find_map(|k| self.at(&lex.kinds, k).map(|f| *f.value))
            .unwrap_or(SourceKind::Organisation);
        Some(SrcMention {
            toks: r.clone(),
            src: SourceRef {
                id: slug(&name),
                name,
                kind,
            },
            anonymous: false,
            head: strip_article(self.word(r.start)),
            generic: false,
            anaphor: r.len() == 1 && self.word(r.start).starts_with("ال"),
        })
    }
}
