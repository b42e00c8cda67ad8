//! The ledger written out: a terminal table, JSON, CSV (one row per value
//! per chain per document, the contract's columns first) and Markdown.
//!
//! Arabic in the table and Markdown is wrapped in Unicode bidi isolates
//! (FSI … PDI), so a terminal or a Markdown viewer lays each Arabic run out
//! right to left without reordering the columns around it.

use crate::values::fmt_num;
use crate::{Cited, DisputePair, Event, Facet, Ledger, PairSide, ValueEntry};
use isnad_model::{Span, Stance};
use std::fmt::Write;

/// The CSV header: the contract's columns, then more.
pub const CSV_HEADER: &[&str] = &[
    "event",
    "facet",
    "value",
    "vague",
    "qualifier",
    "stance",
    "chain",
    "origin",
    "doc",
    "published",
    "relation",
    "event_name",
    "lang",
    "value_origins",
    "value_reports",
    "span_start",
    "span_end",
    "evidence",
    "disputed_by",
    "value_lo",
    "value_hi",
    "url",
    "title",
];

fn opt(x: Option<f64>) -> String {
    x.map(fmt_num).unwrap_or_else(|| "-".into())
}

/// Wraps text with Arabic letters in a first-strong isolate.
pub fn isolate(s: &str) -> String {
    if s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)) {
        format!("\u{2068}{s}\u{2069}")
    } else {
        s.to_string()
    }
}

fn chain(c: &Cited) -> String {
    c.chain
        .iter()
        .map(|l| l.name.as_str())
        .collect::<Vec<_>>()
        .join(" > ")
}

fn value_csv(v: &ValueEntry) -> String {
    match v.value {
        Some(_) => v.label.clone(),
        None => String::new(),
    }
}

/// The sentence around the quantity, at most `width` characters each side,
/// the quantity in ⟦ ⟧.
pub fn excerpt(c: &Cited, width: usize) -> String {
    excerpt_of(&c.evidence, c.mark, width)
}

/// [`excerpt`] of a sentence `ev`, the quantity at bytes `mark` of it
/// ([`isnad_model::Claim::mark_in_evidence`]); without marks when they
/// would not fall on characters of `ev`.
pub fn excerpt_of(ev: &str, mark: Span, width: usize) -> String {
    let (s, e) = (mark.start as usize, mark.end as usize);
    if e > ev.len() || s > e || !ev.is_char_boundary(s) || !ev.is_char_boundary(e) {
        return ev.chars().take(2 * width).collect::<String>().replace('\n', " ");
    }
    let before: Vec<char> = ev[..s].chars().collect();
    let after: Vec<char> = ev[e..].chars().collect();
    let b: String = before[before.len().saturating_sub(width)..].iter().collect();
    let a: String = after[..after.len().min(width)].iter().collect();
    let lead = if before.len() > width { "…" } else { "" };
    let tail = if after.len() > width { "…" } else { "" };
    format!("{lead}{b}⟦{}⟧{a}{tail}", &ev[s..e]).replace('\n', " ")
}

fn summary_line(f: &Facet) -> String {
    let s = &f.summary;
    format!(
        "low {} · best {} · high {} · conservative {} — {} value{}, {} origin{}, {} report{}{}{}",
        opt(s.low),
        opt(s.best),
        opt(s.high),
        opt(s.conservative),
        s.values,
        plural(s.values),
        s.origins,
        plural(s.origins),
        s.reports,
        plural(s.reports),
        if s.contested { ", contested" } else { "" },
        if s.exceeds.is_empty() {
            String::new()
        } else {
            format!(" · does not reconcile with {}", s.exceeds.join(", "))
        }
    )
}

/// ` · Killed among state and security forces`, or nothing.
fn label_suffix(f: &Facet) -> String {
    f.label
        .as_ref()
        .map(|l| format!(" · {}", l.en))
        .unwrap_or_default()
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn event_head(e: &Event) -> String {
    let dates = e
        .dates
        .as_ref()
        .map(|(a, b)| if a == b { a.clone() } else { format!("{a} to {b}") })
        .unwrap_or_else(|| "undated".into());
    format!(
        "{} — {} ({} report{}, {} origin{}, {dates})",
        e.id,
        isolate(&e.name),
        e.reports,
        plural(e.reports),
        e.origins,
        plural(e.origins)
    )
}

/// The ledger as a terminal table.
pub fn table(l: &Ledger) -> String {
    let mut o = String::new();
    if l.events.is_empty() {
        o.push_str("The store holds no claims yet: run `isnad ingest PATH...` first.\n");
    }
    for e in &l.events {
        let _ = writeln!(o, "══ {}", event_head(e));
        for f in &e.facets {
            let _ = writeln!(o, "  {}{}   {}", f.facet, label_suffix(f), summary_line(f));
            for v in &f.values {
                let stance = if v.stance == Stance::Asserted {
                    ""
                } else {
                    " (denied)"
                };
                let _ = writeln!(
                    o,
                    "    {:<12} {:<16} {} origin{}, {} report{}",
                    format!("{}{stance}", v.label),
                    v.relation.as_str(),
                    v.origins.len(),
                    plural(v.origins.len()),
                    v.reports,
                    plural(v.reports),
                );
                for c in &v.claims {
                    let _ = writeln!(
                        o,
                        "        {} · {} · {} {}{}",
                        isolate(&chain(c)),
                        c.qualifier,
                        c.doc,
                        c.published.as_deref().unwrap_or("undated"),
                        if c.anonymous { " · unnamed source" } else { "" }
                    );
                    let _ = writeln!(
                        o,
                        "          [{}..{}] {}",
                        c.span.start,
                        c.span.end,
                        isolate(&excerpt(c, 50))
                    );
                }
            }
            if !f.disputes.is_empty() {
                let _ = writeln!(o, "    disputes:");
                for p in &f.disputes {
                    let _ = writeln!(o, "      {}", p.words(table_cell));
                }
            }
            if f.timeline.iter().any(|t| t.points.len() > 1) {
                let _ = writeln!(o, "    timeline:");
                for t in f.timeline.iter().filter(|t| t.points.len() > 1) {
                    let pts: Vec<String> = t
                        .points
                        .iter()
                        .map(|(d, v, _)| format!("{} {v}", d.as_deref().unwrap_or("undated")))
                        .collect();
                    let _ = writeln!(o, "      {}: {}", isolate(&t.name), pts.join(" → "));
                }
            }
        }
        o.push('\n');
    }
    o
}

/// The ledger as one JSON document.
pub fn json(l: &Ledger) -> String {
    serde_json::to_string_pretty(l).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The ledger as CSV rows, header first.
pub fn csv_rows(l: &Ledger) -> Vec<Vec<String>> {
    let mut rows = vec![CSV_HEADER.iter().map(|s| s.to_string()).collect()];
    for r in flat_rows(l) {
        let (e, f, v, c) = (r.event, r.facet, r.value, r.claim);
        rows.push(vec![
            e.id.clone(),
            f.facet.clone(),
            value_csv(v),
            v.vague.as_deref().unwrap_or_default().to_string(),
            c.qualifier.to_string(),
            v.stance.to_string(),
            chain(c),
            c.origin.clone(),
            c.doc.clone(),
            c.published.clone().unwrap_or_default(),
            v.relation.as_str().to_string(),
            e.name.clone(),
            c.lang.clone().unwrap_or_default(),
            v.origins.len().to_string(),
            v.reports.to_string(),
            c.span.start.to_string(),
            c.span.end.to_string(),
            c.evidence.to_string(),
            r.disputed_by_text(),
            v.value.map(|x| fmt_num(x.0)).unwrap_or_default(),
            v.value.map(|x| fmt_num(x.1)).unwrap_or_default(),
            c.url.clone().unwrap_or_default(),
            c.title.clone().unwrap_or_default(),
        ]);
    }
    rows
}

/// One row of the flat ledger (as CSV and Parquet write it): a claim of a
/// value of a facet of an event.
#[derive(Debug, Clone, Copy)]
pub struct FlatRow<'a> {
    /// The event.
    pub event: &'a Event,
    /// The facet.
    pub facet: &'a Facet,
    /// The value.
    pub value: &'a ValueEntry,
    /// The claim.
    pub claim: &'a Cited,
}

impl FlatRow<'_> {
    /// The `value` column: the number or range as shown, empty when vague.
    pub fn value_text(&self) -> String {
        value_csv(self.value)
    }

    /// The `disputed_by` column: the values that dispute this one and who
    /// claims them (`0 by sdf; not 140 by moi`), empty when none.
    pub fn disputed_by_text(&self) -> String {
        self.value
            .disputed_by
            .iter()
            .map(|d| d.text())
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The `chain` column: names, outermost first, joined by ` > `.
    pub fn chain_text(&self) -> String {
        chain(self.claim)
    }
}

/// The ledger's rows in CSV order: events, facets, values, claims.
pub fn flat_rows(l: &Ledger) -> impl Iterator<Item = FlatRow<'_>> {
    l.events.iter().flat_map(|event| {
        event.facets.iter().flat_map(move |facet| {
            facet.values.iter().flat_map(move |value| {
                value.claims.iter().map(move |claim| FlatRow {
                    event,
                    facet,
                    value,
                    claim,
                })
            })
        })
    })
}

/// The ledger as CSV text.
pub fn csv(l: &Ledger) -> String {
    let mut o = String::new();
    for r in csv_rows(l) {
        let line: Vec<String> = r.iter().map(|f| csv_field(f)).collect();
        o.push_str(&line.join(","));
        o.push_str("\r\n");
    }
    o
}

fn md_cell(s: &str) -> String {
    isolate(&s.replace('|', "\\|").replace('\n', " "))
}

/// A name or value on one line of the table: a line break in it escaped as
/// the rest of its control characters will be (`\x0a`), Arabic isolated.
fn table_cell(s: &str) -> String {
    isolate(&s.replace('\n', "\\x0a"))
}

/// The ledger as Markdown.
pub fn markdown(l: &Ledger) -> String {
    let mut o = String::new();
    for e in &l.events {
        let _ = writeln!(o, "## {}\n", md_cell(&event_head(e)));
        for f in &e.facets {
            let _ = writeln!(
                o,
                "### {}{}\n\n{}\n",
                f.facet,
                md_cell(&label_suffix(f)),
                summary_line(f)
            );
            o.push_str("| value | relation | chain | origin | doc | published | evidence |\n");
            o.push_str("| --- | --- | --- | --- | --- | --- | --- |\n");
            for v in &f.values {
                for c in &v.claims {
                    let stance = if v.stance == Stance::Asserted {
                        ""
                    } else {
                        " (denied)"
                    };
                    let _ = writeln!(
                        o,
                        "| {}{stance} ({}) | {} | {} | {} | {} | {} | {} |",
                        md_cell(&v.label),
                        c.qualifier,
                        v.relation.as_str(),
                        md_cell(&chain(c)),
                        md_cell(&c.origin),
                        md_cell(&c.doc),
                        c.published.as_deref().unwrap_or(""),
                        md_cell(&excerpt(c, 60)),
                    );
                }
            }
            if !f.disputes.is_empty() {
                o.push_str("\nDisputes:\n\n");
                for p in &f.disputes {
                    let _ = writeln!(o, "- {}", p.words(md_cell));
                }
            }
            o.push('\n');
        }
    }
    o
}

/// The columns of the per-facet summary (`isnad ledger --summary`), named
/// as UCDP GED and ACLED name theirs where they mean the same (`low`,
/// `best`, `high`; `event_date` is the first date).
pub const SUMMARY_HEADER: &[&str] = &[
    "event",
    "event_name",
    "location",
    "kind",
    "event_date",
    "last_date",
    "facet",
    "label",
    "label_ar",
    "low",
    "best",
    "high",
    "conservative",
    "values",
    "number_of_sources",
    "reports",
    "contested",
    "exceeds",
];

/// One row of the summary: an event and a facet.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SummaryRow<'a> {
    /// The event's id.
    pub event: &'a str,
    /// Its name.
    pub event_name: &'a str,
    /// Its place as its reports write it.
    pub location: Option<&'a str>,
    /// Its kind.
    pub kind: Option<&'a str>,
    /// Its first report's date.
    pub event_date: Option<&'a str>,
    /// Its last report's date.
    pub last_date: Option<&'a str>,
    /// The facet.
    pub facet: &'a str,
    /// Its label in English.
    pub label: Option<&'a str>,
    /// Its label in Arabic.
    pub label_ar: Option<&'a str>,
    /// The lowest figure asserted.
    pub low: Option<f64>,
    /// The best figure.
    pub best: Option<f64>,
    /// The highest figure asserted.
    pub high: Option<f64>,
    /// The conservative figure.
    pub conservative: Option<f64>,
    /// Distinct values.
    pub values: usize,
    /// Distinct origins.
    pub number_of_sources: usize,
    /// Reports.
    pub reports: usize,
    /// True when some values contradict each other.
    pub contested: bool,
    /// Totals or parts it does not reconcile with.
    pub exceeds: Vec<&'a str>,
}

/// The summary's rows: one per event and facet.
pub fn summary_rows(l: &Ledger) -> Vec<SummaryRow<'_>> {
    l.events
        .iter()
        .flat_map(|e| {
            e.facets.iter().map(move |f| SummaryRow {
                event: &e.id,
                event_name: &e.name,
                location: e.place.as_deref(),
                kind: e.kind.as_deref(),
                event_date: e.dates.as_ref().map(|d| d.0.as_str()),
                last_date: e.dates.as_ref().map(|d| d.1.as_str()),
                facet: &f.facet,
                label: f.label.as_ref().map(|l| l.en.as_str()),
                label_ar: f.label.as_ref().map(|l| l.ar.as_str()),
                low: f.summary.low,
                best: f.summary.best,
                high: f.summary.high,
                conservative: f.summary.conservative,
                values: f.summary.values,
                number_of_sources: f.summary.origins,
                reports: f.summary.reports,
                contested: f.summary.contested,
                exceeds: f.summary.exceeds.iter().map(String::as_str).collect(),
            })
        })
        .collect()
}

/// The summary as CSV text, header first.
pub fn summary_csv(l: &Ledger) -> String {
    let num = |x: Option<f64>| x.map(fmt_num).unwrap_or_default();
    let mut o = SUMMARY_HEADER.join(",") + "\r\n";
    for r in summary_rows(l) {
        let cells = [
            r.event.to_string(),
            r.event_name.to_string(),
            r.location.unwrap_or_default().to_string(),
            r.kind.unwrap_or_default().to_string(),
            r.event_date.unwrap_or_default().to_string(),
            r.last_date.unwrap_or_default().to_string(),
            r.facet.to_string(),
            r.label.unwrap_or_default().to_string(),
            r.label_ar.unwrap_or_default().to_string(),
            num(r.low),
            num(r.best),
            num(r.high),
            num(r.conservative),
            r.values.to_string(),
            r.number_of_sources.to_string(),
            r.reports.to_string(),
            r.contested.to_string(),
            r.exceeds.join(" "),
        ];
        let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        o.push_str(&line.join(","));
        o.push_str("\r\n");
    }
    o
}

/// The summary as a JSON array of rows.
pub fn summary_json(l: &Ledger) -> String {
    serde_json::to_string_pretty(&summary_rows(l)).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// The columns of the disputes table (`isnad ledger --disputes`): one row
/// per pair of values that cannot both be true. Side `a` disputes side `b`
/// (`kind` `disputes`), or denies its figure (`denies`); `*_origins` are
/// the origins' ids joined by `+`, `*_names` their names joined by ` + `,
/// and `words` says the pair as the table does.
pub const DISPUTES_HEADER: &[&str] = &[
    "event",
    "event_name",
    "facet",
    "kind",
    "a_value",
    "a_stance",
    "a_origins",
    "a_names",
    "b_value",
    "b_stance",
    "b_origins",
    "b_names",
    "words",
];

/// One row of the disputes table: a pair of an event's facet.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DisputeRow<'a> {
    /// The event's id.
    pub event: &'a str,
    /// Its name.
    pub event_name: &'a str,
    /// The facet.
    pub facet: &'a str,
    /// The pair: its kind and sides.
    #[serde(flatten)]
    pub pair: &'a DisputePair,
    /// The pair in words.
    pub words: String,
}

/// The disputes table's rows: each pair of each facet of each event, in
/// the ledger's order.
pub fn dispute_rows(l: &Ledger) -> Vec<DisputeRow<'_>> {
    l.events
        .iter()
        .flat_map(|e| {
            e.facets.iter().flat_map(move |f| {
                f.disputes.iter().map(move |pair| DisputeRow {
                    event: &e.id,
                    event_name: &e.name,
                    facet: &f.facet,
                    pair,
                    words: pair.text(),
                })
            })
        })
        .collect()
}

/// The disputes table as CSV text, header first.
pub fn disputes_csv(l: &Ledger) -> String {
    let side = |s: &PairSide| {
        [
            s.value.clone(),
            s.stance.to_string(),
            s.ids(),
            s.names(str::to_string),
        ]
    };
    let mut o = DISPUTES_HEADER.join(",") + "\r\n";
    for r in dispute_rows(l) {
        let mut cells = vec![
            r.event.to_string(),
            r.event_name.to_string(),
            r.facet.to_string(),
            r.pair.kind.as_str().to_string(),
        ];
        cells.extend(side(&r.pair.a));
        cells.extend(side(&r.pair.b));
        cells.push(r.words);
        let line: Vec<String> = cells.iter().map(|c| csv_field(c)).collect();
        o.push_str(&line.join(","));
        o.push_str("\r\n");
    }
    o
}

/// The disputes table as a JSON array of rows, each side an object.
pub fn disputes_json(l: &Ledger) -> String {
    serde_json::to_string_pretty(&dispute_rows(l)).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
