//! Search over the store: the query analysed as the documents were, and
//! each result with a snippet around its densest hits.
//!
//! Every word of the query must match, in any of its forms (the stem, and
//! the root for broken plurals); a query naming a known source by any alias
//! also matches documents naming it by another (قسد finds "Syrian
//! Democratic Forces"). Snippets are segments of the document's text, each
//! marked as a hit or not, so a caller renders them as it likes and never
//! as HTML; hit spans are bytes in the original document.

use crate::{ENTITY_PREFIX, Engine};
use isnad_model::Span;
use isnad_store::{DocFields, Query, Store, StoreError};
use isnad_text::analyze::terms;
use serde::Serialize;
use std::collections::HashSet;
use std::ops::Range;

/// Characters of context on each side of the best hit.
const CONTEXT: usize = 80;

/// One search result.
#[derive(Debug, Clone, Serialize)]
pub struct Found {
    /// Rank, from 1.
    pub rank: usize,
    /// The document's row id.
    pub document: i64,
    /// BM25 score, higher is better.
    pub score: f64,
    /// The document's fields.
    pub fields: DocFields,
    /// The snippet: text segments, `true` for a hit.
    pub snippet: Vec<(String, bool)>,
    /// Every hit's span in the original bytes.
    pub hits: Vec<Span>,
}

impl Found {
    /// The snippet as one line, hits between `open` and `close`.
    pub fn snippet_text(&self, open: &str, close: &str) -> String {
        let mut o = String::new();
        for (t, hit) in &self.snippet {
            if *hit {
                o.push_str(open);
                o.push_str(t);
                o.push_str(close);
            } else {
                o.push_str(t);
            }
        }
        o.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The store query for what the user typed, and every term it accepts.
/// Empty when the query has no word.
pub fn parse_query(engine: &Engine, query: &str) -> (Query, HashSet<String>) {
    let mut words: Vec<(Range<usize>, Vec<String>)> = Vec::new();
    terms(query, &mut |t| match words.last_mut() {
        Some((r, ts)) if *r == t.range => ts.push(t.term),
        _ => words.push((t.range, vec![t.term])),
    });
    let mut accepted = HashSet::new();
    let clauses: Vec<Vec<String>> = words
        .into_iter()
        .map(|(_, ts)| {
            accepted.extend(ts.iter().cloned());
            ts
        })
        .collect();
    let mut q = Query::default();
    if !clauses.is_empty() {
        q.any.push(clauses);
    }
    let entities: Vec<String> = engine
        .sources()
        .sources_named(query)
        .into_iter()
        .map(|id| format!("{ENTITY_PREFIX}{id}"))
        .collect();
    if !entities.is_empty() {
        accepted.extend(entities.iter().cloned());
        q.any.push(entities.into_iter().map(|e| vec![e]).collect());
    }
    (q, accepted)
}

/// The best `limit` documents for `query`. An empty query finds nothing.
pub fn search(engine: &Engine, store: &Store, query: &str, limit: usize) -> Result<Vec<Found>, StoreError> {
    search_page(engine, store, query, 0, limit).map(|(found, _)| found)
}

/// As [`search`], the results ranked `offset + 1` to `offset + limit`,
/// with how many documents match in all (only the page's documents are
/// read and marked).
pub fn search_page(
    engine: &Engine,
    store: &Store,
    query: &str,
    offset: usize,
    limit: usize,
) -> Result<(Vec<Found>, usize), StoreError> {
    let (q, accepted) = parse_query(engine, query);
    if q.is_empty() {
        return Ok((Vec::new(), 0));
    }
    let entity_ids: Vec<&str> = accepted
        .iter()
        .filter_map(|t| t.strip_prefix(ENTITY_PREFIX))
        .collect();
    // Every match, ranked (ids and scores only), to count them.
    let all = store.search(&q, u32::MAX as usize)?;
    let total = all.len();
    let mut out = Vec::new();
    for (rank, h) in all.into_iter().enumerate().skip(offset).take(limit) {
        let Some(d) = store.document(h.document)? else {
            continue;
        };
        let doc = engine.reread(&d);
        let text = &doc.text;
        let marks = marks_of(engine, text, &accepted, &entity_ids);
        let window = window(text, &marks);
        let hits = marks.iter().map(|r| doc.original_span(r.clone())).collect();
        out.push(Found {
            rank: rank + 1,
            document: h.document,
            score: h.score,
            fields: d.fields,
            snippet: segments(text, &window, &marks),
            hits,
        });
    }
    Ok((out, total))
}

/// Where `query`'s words (in any of their forms) and the sources it names
/// are in `text` (a document's text as read, not its original bytes), in
/// order; none when the query has no word.
pub fn marks(engine: &Engine, text: &str, query: &str) -> Vec<Range<usize>> {
    let (q, accepted) = parse_query(engine, query);
    if q.is_empty() {
        return Vec::new();
    }
    let entity_ids: Vec<&str> = accepted
        .iter()
        .filter_map(|t| t.strip_prefix(ENTITY_PREFIX))
        .collect();
    marks_of(engine, text, &accepted, &entity_ids)
}

/// The ranges of `text` whose term is `accepted`, and those naming one of
/// `entity_ids`, in order and not overlapping.
fn marks_of(
    engine: &Engine,
    text: &str,
    accepted: &HashSet<String>,
    entity_ids: &[&str],
) -> Vec<Range<usize>> {
    let mut marks: Vec<Range<usize>> = Vec::new();
    terms(text, &mut |t| {
        if accepted.contains(&t.term) && marks.last() != Some(&t.range) {
            marks.push(t.range);
        }
    });
    if !entity_ids.is_empty() {
        for (r, id) in engine.sources().source_spans(text) {
            if entity_ids.contains(&id) {
                marks.push(r);
            }
        }
        marks.sort_by_key(|r| (r.start, r.end));
        marks.dedup_by(|b, a| b.start < a.end);
    }
    marks
}

/// The window of `text` around the densest run of marks.
fn window(text: &str, marks: &[Range<usize>]) -> Range<usize> {
    let centre = best_mark(marks).map_or(0, |r| r.start);
    let mut s = centre;
    for _ in 0..CONTEXT {
        match text[..s].char_indices().next_back() {
            Some((i, _)) => s = i,
            None => break,
        }
    }
    let mut e = centre;
    for (n, (i, c)) in text[centre..].char_indices().enumerate() {
        if n >= 2 * CONTEXT {
            break;
        }
        e = centre + i + c.len_utf8();
    }
    s..e
}

/// The mark with the most other marks within reach after it.
fn best_mark(marks: &[Range<usize>]) -> Option<&Range<usize>> {
    marks
        .iter()
        .enumerate()
        .max_by_key(|(i, r)| {
            let n = marks[*i..]
                .iter()
                .take_while(|o| o.start < r.start + 4 * CONTEXT)
                .count();
            (n, std::cmp::Reverse(*i))
        })
        .map(|(_, r)| r)
}

/// The window cut into segments, hits apart; an ellipsis where it is cut.
fn segments(text: &str, window: &Range<usize>, marks: &[Range<usize>]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut at = window.start;
    if at > 0 {
        out.push(("…".to_string(), false));
    }
    for m in marks {
        if m.start < at || m.end > window.end {
            continue;
        }
        if m.start > at {
            out.push((text[at..m.start].to_string(), false));
        }
        out.push((text[m.clone()].to_string(), true));
        at = m.end;
    }
    if window.end > at {
        out.push((text[at..window.end].to_string(), false));
    }
    if window.end < text.len() {
        out.push(("…".to_string(), false));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::analyze::ROOT_PREFIX;

    #[test]
    fn a_query_accepts_every_form_of_each_word_and_the_aliases_of_a_name() {
        let e = Engine::builtin();
        let (q, acc) = parse_query(&e, "سجين");
        assert!(q.any[0][0].contains(&format!("{ROOT_PREFIX}سجن")), "{q:?}");
        assert!(acc.contains("سجين"));
        let (q, _) = parse_query(&e, "قسد");
        assert!(q.any.iter().flatten().flatten().any(|t| t == "e_sdf"), "{q:?}");
        let (q, _) = parse_query(&e, "...");
        assert!(q.is_empty());
    }

    #[test]
    fn the_snippet_centres_on_the_densest_hits() {
        let text = format!("{} سجين هنا وسجناء هناك", "كلام ".repeat(60));
        let a = text.find("سجين").unwrap_or(0);
        let b = text.find("وسجناء").unwrap_or(0);
        let marks = vec![0..8, a..a + "سجين".len(), b..b + "وسجناء".len()];
        let w = window(&text, &marks);
        assert!(w.start <= a && w.end >= b + "وسجناء".len());
        let segs = segments(&text, &w, &marks);
        let hits: Vec<&str> = segs.iter().filter(|s| s.1).map(|s| s.0.as_str()).collect();
        assert!(hits.ends_with(&["سجين", "وسجناء"]), "{hits:?}");
    }
}
