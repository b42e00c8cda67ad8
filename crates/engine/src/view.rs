//! The document view: a stored document's text with its claims and the
//! sources it names, as ranges of that text.
//!
//! Claims keep spans into the original bytes; the view maps them back into
//! the text the reader took from those bytes (for an HTML page, its main
//! content), so a page can highlight them without ever parsing HTML. A span
//! that does not map (a damaged row) is left out, never guessed.

use crate::Engine;
use isnad_ledger::render::excerpt_of;
use isnad_model::{Claim, Span, Stance, TextSpan};
use isnad_store::{DocFields, StoredDocument};
use isnad_text::Document;
use serde::Serialize;

/// A document as the page shows it.
#[derive(Debug, Clone, Serialize)]
pub struct DocView {
    /// The document's row id.
    pub id: i64,
    /// Its fields.
    pub fields: DocFields,
    /// The text shown.
    pub text: String,
    /// `rtl` for Arabic, else `ltr`.
    pub dir: &'static str,
    /// Its claims.
    pub claims: Vec<ClaimMark>,
    /// The known sources it names.
    pub sources: Vec<SourceMark>,
}

/// A claim in the view.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimMark {
    /// The claim's row id.
    pub claim: i64,
    /// Its facet.
    pub facet: String,
    /// Its value as shown.
    pub label: String,
    /// Asserted or denied.
    pub stance: Stance,
    /// Its chain's names, outermost first.
    pub chain: Vec<String>,
    /// The quantity in `text`.
    pub text: TextSpan,
    /// Its sentence in `text`.
    pub sentence: TextSpan,
    /// The quantity in the original bytes.
    pub span: Span,
    /// The sentence with the quantity marked.
    pub excerpt: String,
}

/// A known source named in the text.
#[derive(Debug, Clone, Serialize)]
pub struct SourceMark {
    /// The source's id.
    pub id: String,
    /// Where `text` names it.
    pub text: TextSpan,
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The first position of `doc.text` at or after original byte `at`.
fn text_pos(doc: &Document, at: u32) -> usize {
    let text = &doc.text;
    let (mut lo, mut hi) = (0usize, text.len());
    while lo < hi {
        let mid = floor_boundary(text, lo + (hi - lo) / 2);
        if doc.original_span(mid..mid).start < at {
            // Step past mid to the next boundary.
            let next = text[mid..]
                .chars()
                .next()
                .map_or(text.len(), |c| mid + c.len_utf8());
            lo = next.max(lo + 1).min(hi);
        } else {
            hi = mid;
        }
        if hi < lo {
            break;
        }
    }
    lo
}

/// The span of `doc.text` whose original bytes are exactly `span`.
pub fn text_range(doc: &Document, span: Span) -> Option<TextSpan> {
    let t = TextSpan::new(text_pos(doc, span.start), text_pos(doc, span.end));
    (!t.is_empty() && doc.to_original(t) == span).then_some(t)
}

impl Engine {
    /// The view of a stored document with its claims.
    pub fn view(&self, d: &StoredDocument, claims: &[(i64, Claim)]) -> DocView {
        let doc = self.reread(d);
        let marks = claims
            .iter()
            .filter_map(|(id, c)| {
                let text = text_range(&doc, c.span)?;
                let sentence = text_range(&doc, c.sentence).unwrap_or(text);
                Some(ClaimMark {
                    claim: *id,
                    facet: c.facet.clone(),
                    label: isnad_ledger::label(c.value, c.vague.as_deref()),
                    stance: c.stance,
                    chain: c.source.iter().map(|l| l.name.clone()).collect(),
                    text,
                    sentence,
                    span: c.span,
                    excerpt: excerpt_of(&c.evidence, c.mark_in_evidence(), 60),
                })
            })
            .collect();
        let sources = self
            .sources()
            .source_spans(&doc.text)
            .into_iter()
            .map(|(r, id)| SourceMark {
                id: id.to_string(),
                text: r.into(),
            })
            .collect();
        let arabic = d.fields.lang.as_deref() == Some("ar");
        DocView {
            id: d.id,
            fields: d.fields.clone(),
            dir: if arabic { "rtl" } else { "ltr" },
            text: doc.text,
            claims: marks,
            sources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_an_html_page_map_back_into_its_text() {
        let e = Engine::builtin();
        let html = "<html><body><article><p>قالت &quot;قسد&quot; إن نحو 90 مسلحا ما زالوا في سجن الصناعة.</p></article></body></html>";
        let doc = e.reader().html("p", "p.html", html.as_bytes().to_vec());
        let at = html.find("نحو 90").unwrap_or(0);
        let span = Span::new(at, at + "نحو 90".len());
        let t = text_range(&doc, span).expect("maps");
        assert_eq!(&doc.text[t.range()], "نحو 90");
        assert_eq!(text_range(&doc, Span::new(1, 3)), None);
    }
}
