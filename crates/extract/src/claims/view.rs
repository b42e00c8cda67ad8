//! What the stages see of a document: its match key, its tokens, the
//! phrase tables each token starts, and word-level helpers.
//!
//! Every look-up of a vocabulary table goes through [`Run::at`], which
//! answers from the per-token bits (most tokens start no phrase) before it
//! searches; every span a stage keeps is a token range, turned into text
//! offsets by [`Run::text_range`] only when a name or claim is written.

use super::lexicon::PlaceKind;
use super::*;

/// One extraction run over one document.
pub(super) struct Run<'a> {
    pub(super) x: &'a Extractor,
    pub(super) doc: &'a Document,
    pub(super) n: &'a Normalized,
    pub(super) key: &'a str,
    pub(super) toks: &'a [Token],
    /// Per token: the bits of the tables with a phrase starting with it.
    pub(super) starts: Vec<u64>,
    /// The bits of every table a phrase of the document may start: a
    /// table whose bit is not here has no phrase anywhere in it.
    pub(super) any: u64,
    /// What the document tells as a whole.
    pub(super) facts: Facts<'a>,
    /// Who has been named and who spoke so far.
    pub(super) disc: Discourse,
}

impl<'a> Run<'a> {
    /// True when `aliases` allow the contextual aliases of gazetteer entry
    /// `id`, which count once the document names it in full.
    pub(super) fn doc_has(&self, aliases: Aliases, id: usize) -> bool {
        aliases == Aliases::Doc
            && self
                .facts
                .named
                .get_or_init(|| self.named_in_full())
                .contains(&id)
    }

    /// The language whose rules read the word at `i` (see [`Lang::of_word`]).
    #[inline]
    pub(super) fn lang(&self, i: usize) -> Lang {
        Lang::of_word(self.word(i))
    }

    /// True when tokens `r` are exactly the name of a city or a region: a
    /// place, which never speaks (a country may: "Turkey said").
    pub(super) fn is_local_place(&self, r: Range<usize>) -> bool {
        let words: Vec<&str> = r.map(|k| self.word(k)).filter(|w| !w.is_empty()).collect();
        self.lex().places.kind_of(&words) == Some(PlaceKind::Local)
    }

    /// A name no gazetteer knows opening at `i`, read by the grammar of
    /// its word's language.
    pub(super) fn name(&self, i: usize, aliases: Aliases) -> Option<SrcMention> {
        self.lang(i).grammar().name(self, i, aliases)
    }

    pub(super) fn lex(&self) -> &'a ClaimsLexicon {
        &self.x.lex
    }

    pub(super) fn text_range(&self, toks: Range<usize>) -> Range<usize> {
        let s = self.toks[toks.start].start as usize;
        let e = self.toks[toks.end - 1].end as usize;
        self.n.to_input(s..e)
    }

    pub(super) fn surface(&self, toks: Range<usize>) -> String {
        let r = self.text_range(toks);
        self.doc.text[r]
            .trim_matches(|c: char| c == '"' || c == '«' || c == '»' || c == '“' || c == '”')
            .to_string()
    }

    #[inline]
    pub(super) fn word(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) if t.kind == TokenKind::Word => t.text(self.key),
            _ => "",
        }
    }

    /// True for a word whose first letter is Latin (A to Z), told from its
    /// first byte in the key: a pass over every token asks it of Arabic
    /// words, where decoding the letter was most of the pass.
    #[inline]
    pub(super) fn starts_latin_letter(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && (self.key.as_bytes())
                    .get(t.start as usize..t.end as usize)
                    .and_then(|w| w.first())
                    .is_some_and(u8::is_ascii_alphabetic)
        })
    }

    pub(super) fn is_punct(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Punct && !matches!(t.text(self.key), "\"" | "'"))
    }

    /// False when no token of the document starts a phrase of `set`, so
    /// a pass over every token for it finds nothing.
    #[inline]
    pub(super) fn in_doc<T>(&self, set: &'a PhraseSet<T>) -> bool {
        set.bit() == 0 || self.any & set.bit() != 0
    }

    pub(super) fn starts<T>(&self, set: &'a PhraseSet<T>, i: usize) -> bool {
        self.at(set, i).is_some()
    }

    /// The phrase of `set` starting at token `i`. Most tokens start none:
    /// that answer is inlined, the search is not.
    #[inline(always)]
    pub(super) fn at<T>(&self, set: &'a PhraseSet<T>, i: usize) -> Option<crate::phrase::Found<'a, T>> {
        let bits = self.starts.get(i).copied().unwrap_or(0);
        if bits == 0 || (set.bit() != 0 && bits & set.bit() == 0) {
            return None;
        }
        self.search(set, i)
    }

    #[inline(never)]
    pub(super) fn search<T>(&self, set: &'a PhraseSet<T>, i: usize) -> Option<crate::phrase::Found<'a, T>> {
        let f = set.at(self.key, self.toks, i)?;
        // An acronym (IS) is not the word in lower case (is).
        if f.acronym
            && !self.doc.text[self.text_range(i..i + 1)]
                .chars()
                .all(|c| !c.is_lowercase())
        {
            return None;
        }
        Some(f)
    }

    /// True for an Arabic word that starts no phrase, before a token that
    /// starts none either: most words of a report. No rule of
    /// [`Run::frames`] or [`Run::source_at`] (but a bare noun phrase) can
    /// fire on it; they skip it without trying each.
    #[inline]
    pub(super) fn plain_arabic(&self, i: usize) -> bool {
        self.starts.get(i) == Some(&0)
            && self.starts.get(i + 1).is_none_or(|&b| b == 0)
            && self.toks[i].kind == TokenKind::Word
            && self.key.as_bytes()[self.toks[i].start as usize] >= 0x80
            && !matches!(self.word(i), "وان" | "وبان")
    }

    /// A name no gazetteer knows, from its place after a verb or preposition.
    /// Does the token's original text open with a capital letter?
    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
            && self.doc.text[self.text_range(i..i + 1)].starts_with(|c: char| c.is_uppercase())
    }

    pub(super) fn is_quote(&self, j: usize) -> bool {
        self.toks
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text(self.key), "\"" | "'"))
    }

    /// The first token at or after `k` that is not a quote mark.
    pub(super) fn skip_quotes(&self, mut k: usize) -> usize {
        while self.is_quote(k) {
            k += 1;
        }
        k
    }

    pub(super) fn is_comma(&self, j: usize) -> bool {
        self.toks
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Punct && matches!(t.text(self.key), "," | ";"))
    }

    /// How many word and number tokens stand in `from..to`.
    pub(super) fn words_between(&self, from: usize, to: usize) -> usize {
        (from..to)
            .filter(|&j| self.toks[j].kind != TokenKind::Punct)
            .count()
    }
}

impl Extractor {
    pub(super) fn numbers_word(&self, w: &str) -> bool {
        self.numbers.is_number_word(w)
    }

    pub(super) fn calendar_month(&self, key: &str, toks: &[Token], i: usize) -> bool {
        self.numbers.calendar().month_at(key, toks, i).is_some()
    }
}

pub(super) fn strip_article(w: &str) -> String {
    without_article(w).to_string()
}

/// `hay` in lower case contains `needle`; no copy for text that lower
/// case leaves as it is (all of Arabic).
pub(super) fn lower_contains(hay: &str, needle: &str) -> bool {
    let changes = |c: char| {
        if c.is_ascii() {
            c.is_ascii_uppercase()
        } else {
            let mut l = c.to_lowercase();
            l.next() != Some(c) || l.next().is_some()
        }
    };
    if hay.chars().any(changes) {
        hay.to_lowercase().contains(needle)
    } else {
        hay.contains(needle)
    }
}

/// `w` without its article (and a و before it), when two letters remain.
pub(super) fn without_article(w: &str) -> &str {
    let w = w.strip_prefix("و").filter(|r| r.starts_with("ال")).unwrap_or(w);
    w.strip_prefix("ال")
        .filter(|r| r.chars().count() >= 2)
        .unwrap_or(w)
}

pub(super) fn strip_proclitic_l(w: &str) -> &str {
    w.strip_prefix("ل")
        .filter(|r| r.starts_with("ال") || r.starts_with('ل'))
        .map(|r| {
            if r.starts_with('ل') && !r.starts_with("ال") {
                w
            } else {
                r
            }
        })
        .unwrap_or(w)
}
