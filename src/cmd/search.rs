//! `isnad search`: full-text search over the stored documents.
//!
//! The query goes through the same analyzer as the documents (normalised
//! letters, clitics and affixes off, a root for broken plurals), so السجين
//! finds السجناء. Every word must match, in any of its forms; a query that
//! names a known source by any alias also finds documents naming it by
//! another (قسد finds "Syrian Democratic Forces"). Snippets come from the
//! stored text; hit offsets are bytes in the original document.

use super::stored::{ENTITY_PREFIX, open, reread};
use crate::args::{SearchFormat, StoreArgs};
use crate::data::Data;
use anyhow::Result;
use isnad_text::analyze::terms;
use serde_json::json;
use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// Characters of context on each side of the best hit.
const CONTEXT: usize = 80;

fn quoted(t: &str) -> String {
    format!("\"{}\"", t.replace('"', "\"\""))
}

/// The FTS5 query for `query`, and every term it accepts.
pub fn fts_query(data: &Data, query: &str) -> (String, HashSet<String>) {
    let mut words: Vec<(std::ops::Range<usize>, Vec<String>)> = Vec::new();
    terms(query, &mut |t| match words.last_mut() {
        Some((r, ts)) if *r == t.range => ts.push(t.term),
        _ => words.push((t.range, vec![t.term])),
    });
    let mut accepted = HashSet::new();
    let clauses: Vec<String> = words
        .iter()
        .map(|(_, ts)| {
            accepted.extend(ts.iter().cloned());
            let alts: Vec<String> = ts.iter().map(|t| quoted(t)).collect();
            format!("({})", alts.join(" OR "))
        })
        .collect();
    let mut q = clauses.join(" AND ");
    let entities: Vec<String> = data
        .extractor
        .lexicon()
        .sources_named(query)
        .into_iter()
        .map(|id| format!("{ENTITY_PREFIX}{id}"))
        .collect();
    if !entities.is_empty() {
        let e: Vec<String> = entities.iter().map(|t| quoted(t)).collect();
        q = if q.is_empty() {
            e.join(" AND ")
        } else {
            format!("({q}) OR ({})", e.join(" AND "))
        };
        accepted.extend(entities);
    }
    (q, accepted)
}

pub fn run(
    data: &Data,
    query: &str,
    store: &StoreArgs,
    limit: usize,
    format: SearchFormat,
) -> Result<ExitCode> {
    if !store.db.exists() {
        anyhow::bail!(
            "{}: no store here; run `isnad ingest PATH...` first or give --db",
            store.db.display()
        );
    }
    let (fts, accepted) = fts_query(data, query);
    if fts.is_empty() {
        anyhow::bail!("the query {query:?} has no word to search for");
    }
    let db = open(store)?;
    let hits = db.search(&fts, limit)?;
    let mut out = std::io::stdout().lock();
    let color = format == SearchFormat::Text && std::io::stdout().is_terminal();
    if hits.is_empty() && format == SearchFormat::Text {
        writeln!(out, "no document matches {query:?}")?;
    }
    // Words of a document that name a matched entity are marked too.
    let entity_ids: Vec<&str> = accepted
        .iter()
        .filter_map(|t| t.strip_prefix(ENTITY_PREFIX))
        .collect();
    for (rank, h) in hits.iter().enumerate() {
        let Some(d) = db.document(h.document)? else {
            continue;
        };
        let doc = reread(data, &d);
        let text = &doc.text;
        let mut marks: Vec<std::ops::Range<usize>> = Vec::new();
        terms(text, &mut |t| {
            if accepted.contains(&t.term) && marks.last() != Some(&t.range) {
                marks.push(t.range);
            }
        });
        if !entity_ids.is_empty() {
            mark_entities(data, text, &entity_ids, &mut marks);
        }
        let (window, in_window) = snippet(text, &marks);
        let f = &d.fields;
        match format {
            SearchFormat::Jsonl => {
                let spans: Vec<[u32; 2]> = marks
                    .iter()
                    .map(|r| {
                        let s = doc.original_span(r.clone());
                        [s.start, s.end]
                    })
                    .collect();
                let o = json!({
                    "rank": rank + 1,
                    "score": h.score,
                    "doc": f.doc,
                    "origin": f.origin,
                    "title": f.title,
                    "outlet": f.outlet,
                    "published": f.published,
                    "lang": f.lang,
                    "snippet": render(text, &window, &in_window, "[", "]"),
                    "hits": spans,
                });
                writeln!(out, "{o}")?;
            }
            SearchFormat::Text => {
                let (a, b) = if color {
                    ("\x1b[1;33m", "\x1b[0m")
                } else {
                    ("[", "]")
                };
                writeln!(
                    out,
                    "{}. {} ({}) {} {} · score {:.3}",
                    rank + 1,
                    f.doc,
                    f.origin,
                    f.outlet.as_deref().unwrap_or("unknown outlet"),
                    f.published.as_deref().unwrap_or("undated"),
                    h.score
                )?;
                if let Some(t) = &f.title {
                    writeln!(out, "   {}", isnad_ledger::render::isolate(t))?;
                }
                writeln!(
                    out,
                    "   {}\n",
                    isnad_ledger::render::isolate(&render(text, &window, &in_window, a, b))
                )?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// Marks the words of `text` that name one of the entities.
fn mark_entities(data: &Data, text: &str, ids: &[&str], marks: &mut Vec<std::ops::Range<usize>>) {
    let lex = data.extractor.lexicon();
    // Sentence by sentence keeps this cheap and the ranges exact enough.
    let mut start = 0;
    for line in text.split_inclusive(['\n', '.', '،', '؛']) {
        if lex.sources_named(line).iter().any(|id| ids.contains(id)) {
            let trimmed = line.trim_end();
            let lead = trimmed.len() - trimmed.trim_start().len();
            if trimmed.len() > lead && trimmed.chars().count() < 200 {
                marks.push(start + lead..start + trimmed.len());
            }
        }
        start += line.len();
    }
    marks.sort_by_key(|r| r.start);
}

/// The window of `text` around the densest run of marks, and the marks in it.
fn snippet(
    text: &str,
    marks: &[std::ops::Range<usize>],
) -> (std::ops::Range<usize>, Vec<std::ops::Range<usize>>) {
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
    let inside = marks
        .iter()
        .filter(|r| r.start >= s && r.end <= e)
        .cloned()
        .collect();
    (s..e, inside)
}

/// The mark with the most other marks within the context after it.
fn best_mark(marks: &[std::ops::Range<usize>]) -> Option<&std::ops::Range<usize>> {
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

fn render(
    text: &str,
    window: &std::ops::Range<usize>,
    marks: &[std::ops::Range<usize>],
    a: &str,
    b: &str,
) -> String {
    let mut o = String::new();
    if window.start > 0 {
        o.push('…');
    }
    let mut at = window.start;
    for m in marks {
        if m.start < at {
            continue;
        }
        o.push_str(&text[at..m.start]);
        o.push_str(a);
        o.push_str(&text[m.clone()]);
        o.push_str(b);
        at = m.end;
    }
    o.push_str(&text[at..window.end]);
    if window.end < text.len() {
        o.push('…');
    }
    o.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_text::analyze::ROOT_PREFIX;

    #[test]
    fn a_query_accepts_every_form_of_each_word_and_the_aliases_of_a_name() {
        let data = Data::load(None).expect("the built-in data");
        let (q, acc) = fts_query(&data, "سجين");
        assert!(q.contains(&format!("{ROOT_PREFIX}سجن")), "{q}");
        assert!(acc.contains("سجين"));
        let (q, _) = fts_query(&data, "قسد");
        assert!(q.contains("e_sdf"), "{q}");
        let (q, _) = fts_query(&data, "...");
        assert!(q.is_empty());
    }

    #[test]
    fn the_snippet_centres_on_the_densest_hits() {
        let text = format!("{} سجين هنا وسجناء هناك", "كلام ".repeat(60));
        let a = text.find("سجين").unwrap_or(0);
        let b = text.find("وسجناء").unwrap_or(0);
        let marks = vec![0..8, a..a + "سجين".len(), b..b + "وسجناء".len()];
        let (w, inside) = snippet(&text, &marks);
        assert!(w.start <= a && w.end >= b + "وسجناء".len());
        assert_eq!(inside.len(), if w.start == 0 { 3 } else { 2 });
        let shown = render(&text, &w, &inside, "[", "]");
        assert!(shown.contains("[سجين]") && shown.contains("[وسجناء]"), "{shown}");
    }
}
