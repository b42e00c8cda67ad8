//! Source mentions: who a sentence names at a given token.
//!
//! In: a token (after a reporting verb, a preposition, or where a subject
//! may stand). Out: a mention with its tokens: a gazetteer name or a
//! contextual alias of a source the document names in full; what a source
//! issued (بيان الوزارة: the ministry); a titled official of a named body
//! (the body); an unnamed source with its qualifiers (مصادر محلية, "local
//! sources", "residents of Hasakah"), flagged anonymous; else, when asked, a
//! name no gazetteer knows, read by the grammar of its script. Refused: a
//! function word, a verb, an event word, a number word (no name opens
//! with one). Also the object of a citation (بحسب X, according to a tally
//! by X) and the subject right after a verb.

use super::view::without_article;
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
            return if np { self.name(i, aliases) } else { None };
        }
        if let Some(m) = self.gazetteer_at(i, aliases) {
            return Some(m);
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
        // After the document, ل joins its issuer (بلاغ لوكالة الجمهورية),
        // a name by that mark alone.
        if let Some(d) = self.at(&lex.documents, i)
            && d.end > i
            && let at = after_quotes(d.end)
            && let genitive = (self.word(at).starts_with('ل') && !self.word(at).starts_with("لل"))
            && let Some(mut inner) = self.source_at(at, np || genitive, aliases)
        {
            if genitive
                && !inner.anonymous
                && let Some(name) = inner
                    .src
                    .name
                    .strip_prefix('ل')
                    .filter(|n| !n.starts_with('ل'))
                    .map(str::to_string)
            {
                inner.src.id = slug(&name);
                inner.src.name = name;
            }
            inner.toks = i..inner.toks.end;
            return Some(inner);
        }
        if let Some(m) = self.titled_official(i, aliases) {
            return Some(m);
        }
        // "مراسل عنب بلدي": the outlet's own correspondent is its own voice.
        if matches!(self.word(i), "مراسل" | "مراسله" | "مراسلو" | "مراسلي")
            && let Some(f) = self.at(&lex.source_names, i + 1)
            && lex.sources[*f.value].kind == SourceKind::Outlet
        {
            return Some(Self::known(&lex.sources[*f.value], i..f.end));
        }
        // "local sources", أحد سكان الحي: an unnamed source with a word
        // before it.
        if let Some(m) = self.lang(i).grammar().qualified_unnamed(self, i, aliases) {
            return Some(m);
        }
        if self.starts(&lex.anonymous, i) {
            let m = self.unnamed(i);
            // "الناشط الإعلامي المعارض أبو سالم الحلبي": a description
            // before a name by a son's (أبو …) is that person's.
            let at = if self.is_comma(m.toks.end) {
                m.toks.end + 1
            } else {
                m.toks.end
            };
            if matches!(self.word(at), "ابو" | "ابي")
                && let Some(named) = self.arabic_name(at, aliases)
            {
                return Some(SrcMention {
                    toks: i..named.toks.end,
                    ..named
                });
            }
            return Some(m);
        }
        if !np {
            return None;
        }
        self.name(i, aliases)
    }

    /// A gazetteer name at `i`, or a contextual alias (التنظيم) of a source
    /// the document names in full.
    pub(super) fn gazetteer_at(&self, i: usize, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        if let Some(f) = self.at(&lex.source_names, i) {
            return Some(Self::known(&lex.sources[*f.value], i..f.end));
        }
        let f = self.at(&lex.contextual, i)?;
        self.doc_has(aliases, *f.value)
            .then(|| Self::known(&lex.sources[*f.value], i..f.end))
    }

    /// A titled official of a named body, named himself (المسؤول في قسد
    /// نوروز أحمد), speaks for the body; unnamed (فضّل عدم ذكر اسمه), he
    /// stays an unnamed source (none here).
    fn titled_official(&self, i: usize, aliases: Aliases) -> Option<SrcMention> {
        let lex = self.lex();
        if !self.starts(&lex.anonymous, i) {
            return None;
        }
        let t = self.at(&lex.titles, i)?;
        let from = self.at(&lex.title_links, t.end).map(|l| l.end).unwrap_or(t.end);
        let body = self.source_at(from, false, aliases)?;
        let end = body.toks.end;
        let unnamed = (end..(end + 6).min(self.toks.len())).any(|k| self.starts(&lex.unnamed_after, k));
        // A name after the body, not the verb the official is subject of
        // (مسؤول في الإدارة المحلية ذكر أن: unnamed).
        let named = self.toks.get(end).is_some_and(|t| t.kind == TokenKind::Word)
            && !self.starts(&lex.stops, end)
            && !self.starts(&lex.verbs, end);
        (!body.anonymous && !unnamed && named).then_some(SrcMention { toks: i..end, ..body })
    }

    /// An unnamed source at `i` (مصادر، ناشطون، residents) with its
    /// qualifiers: adjectives, a place (في / داخل …, "of Hasakah"), "who
    /// declined to be named". Named as written, without a proclitic
    /// (لمصادر → مصادر).
    fn unnamed(&self, i: usize) -> SrcMention {
        let lex = self.lex();
        let found = self.at(&lex.anonymous, i);
        let prefix = found.as_ref().map(|f| f.prefix).unwrap_or(0);
        let head_end = found.as_ref().map(|f| f.end).unwrap_or(i + 1);
        let mut j = head_end;
        // المصدر ذاته, المصادر نفسها: "the same source" refers back.
        let mut same = false;
        let mut guard = 0;
        while j < self.toks.len() && guard < 6 {
            guard += 1;
            if let Some(f) = self.at(&lex.same, j) {
                same = true;
                j = f.end;
            } else if let Some(f) = self.at(&lex.unnamed_after, j) {
                j = f.end;
            } else if self.starts(&lex.adjectives, j)
                || (self.word(j).starts_with("ال") && self.word(j - 1) == "بعض")
            {
                j += 1;
            } else if let Some(f) = self.coordinated_unnamed(j) {
                // مسعفون ومسؤولون عسكريون, "medics and officials": one voice.
                j = f;
            } else if let Some(end) = self.place_after_unnamed(j) {
                j = end;
            } else {
                break;
            }
        }
        let head = strip_article(self.word(i));
        // A definite head alone (المصدر، المصادر، المسؤول) or "the same"
        // refers back: see `resolve`.
        let definite = without_article(self.word(i)).len() < self.word(i).len();
        let anaphor = definite && (j == head_end && self.starts(&lex.anaphoric, i) || same);
        let r = self.text_range(i..j);
        let lead = self
            .n
            .to_input(self.toks[i].start as usize + prefix..self.toks[i].end as usize)
            .start;
        let name = self.doc.text[lead.max(r.start)..r.end].to_string();
        SrcMention {
            toks: i..j,
            src: SourceRef {
                id: format!("anonymous:{}", slug(&name)),
                name,
                kind: SourceKind::Anonymous,
            },
            anonymous: true,
            head,
            generic: false,
            anaphor,
        }
    }

    /// Where an unnamed source joined to the one before by و / "and" ends
    /// (ومسؤولون, "and officials").
    fn coordinated_unnamed(&self, j: usize) -> Option<usize> {
        let lex = self.lex();
        let k = if self.word(j) == "and" { j + 1 } else { j };
        let f = self.at(&lex.anonymous, k)?;
        (k > j || f.prefix > 0 && self.word(j).starts_with('و')).then_some(f.end)
    }

    /// "residents of Hasakah", "activists in the town": the place, from a
    /// preposition at `j`, belongs to the unnamed source; where it ends.
    fn place_after_unnamed(&self, j: usize) -> Option<usize> {
        if !matches!(self.word(j), "of" | "in" | "from" | "at") || self.lang(j + 1) != Lang::English {
            return None;
        }
        let mut k = j + 1;
        if self.word(k) == "the" {
            k += 1;
        }
        if !self.capitalised(k) && !matches!(self.word(k), "town" | "city" | "village" | "area") {
            return None;
        }
        let mut end = k + 1;
        while self.capitalised(end) {
            end += 1;
        }
        Some(end)
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
        while i < end && skipped < 4 {
            if self.is_punct(i) || self.is_quote(i) || self.word(i) == "قد" {
                i += 1;
            } else if let Some(f) = self.at(&lex.time_adverbs, i) {
                // أعلنت أمس الشرطة, أعلنت مساء الخميس الوزارة.
                i = f.end;
            } else {
                break;
            }
            skipped += 1;
        }
        if i >= end {
            return None;
        }
        // "قال عدد من السكان": the unnamed people a number describes.
        if self.word(i) == "عدد" && self.word(i + 1) == "من" && self.starts(&lex.anonymous, i + 2) {
            let mut m = self.source_at(i + 2, false, aliases)?;
            m.toks.start = i;
            return Some(m);
        }
        // "قال بوسنين": a name the report gave before in full.
        let s = self
            .source_at(i, true, aliases)
            .or_else(|| self.by_name_word(i))?;
        // A name is not a subject when a number or a quantity word opens it.
        if s.toks.start >= end || self.starts(&lex.events, s.toks.start) {
            return None;
        }
        Some(s)
    }
}
