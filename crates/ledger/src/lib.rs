//! isnad's ledger: what many reports claim together.
//!
//! In: the stored claims ([`isnad_store::LedgerRow`]), the known events'
//! names, a user's events file and the facets that grow with time. Out: a
//! [`Ledger`]: per event and facet, each distinct value with every chain
//! that claims it (the documents, dates and evidence), how the value stands
//! to the others (`agrees`, `contradicts`, `different_scope`, `only`), how
//! many independent origins and how many reports stand behind it, a summary
//! (low, best, high and the conservative figure) and each origin's
//! timeline. [`render`] writes it as a table, JSON, CSV or Markdown.
//!
//! Origins: the innermost source of a chain is its origin. Two outlets
//! quoting SOHR are one origin; an outlet's own account is the outlet; an
//! unnamed source ("activists", "a source") is an origin of its outlet
//! alone, since two outlets' unnamed sources cannot be told apart or joined.
//!
//! Refuses nothing: `other:*` facets are left out unless asked for.

pub mod events;
pub mod render;
mod values;

pub use events::{EventFile, EventFileError};
pub use values::{Interval, Relation, label};

use isnad_model::{Qualifier, SourceKind, SourceRef, Span, Stance};
use isnad_store::LedgerRow;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// What the ledger is built with besides the claims.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Known events: id and name.
    pub known_events: Vec<(String, String)>,
    /// The user's events file.
    pub events: EventFile,
    /// Facets whose figure grows with time.
    pub cumulative: Vec<String>,
    /// The schema's facets in the order to show them; others follow.
    pub facet_order: Vec<String>,
    /// Keep `other:*` facets.
    pub other: bool,
    /// Only this event.
    pub only_event: Option<String>,
    /// Kinds of event: id and English label, for naming automatic events.
    pub kinds: Vec<(String, String)>,
    /// Facet labels: id, English, Arabic.
    pub facet_labels: Vec<(String, String, String)>,
    /// Totals and their parts (`killed_total` and the killed of each side):
    /// a part whose best figure exceeds its total's, or parts whose best
    /// figures add up to more, are flagged.
    pub totals: Vec<(String, Vec<String>)>,
    /// The calendar whose year words tell a year long past in a claim's
    /// sentence (the built-in one when `None`).
    pub calendar: Option<std::sync::Arc<isnad_text::Calendar>>,
}

/// The whole ledger.
#[derive(Debug, Clone, Serialize)]
pub struct Ledger {
    /// Its events, those with the most reports first.
    pub events: Vec<Event>,
    /// What was left out and why: a publication date that is no date
    /// (`2022-02-31`) leaves its report undated.
    pub warnings: Vec<String>,
}

/// One event.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its place as its reports write it (automatic events).
    pub place: Option<String>,
    /// Its kind (automatic events): `bombing`, `prison_attack` …
    pub kind: Option<String>,
    /// Documents with a claim about it.
    pub reports: usize,
    /// Distinct origins behind its claims.
    pub origins: usize,
    /// First and last publication date among its reports.
    pub dates: Option<(String, String)>,
    /// Its facets, in schema order (others as first met).
    pub facets: Vec<Facet>,
}

/// One facet of an event.
#[derive(Debug, Clone, Serialize)]
pub struct Facet {
    /// Its name.
    pub facet: String,
    /// What people read: `{"en": …, "ar": …}`, when the data gives it.
    pub label: Option<Label>,
    /// The summary row.
    pub summary: Summary,
    /// Each distinct value, lowest first.
    pub values: Vec<ValueEntry>,
    /// Each pair of values that cannot both be true, once, in the order of
    /// the values (the lower value's pairs first).
    pub disputes: Vec<DisputePair>,
    /// What each origin claimed as the days went on.
    pub timeline: Vec<OriginTimeline>,
}

/// A facet's label in English and Arabic.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Label {
    /// In English.
    pub en: String,
    /// In Arabic.
    pub ar: String,
}

/// Low, best and high over the asserted figures, and the conservative one.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// The lowest figure asserted.
    pub low: Option<f64>,
    /// The figure closest to the median of the origins' latest figures.
    pub best: Option<f64>,
    /// The highest figure asserted.
    pub high: Option<f64>,
    /// The lowest specific figure asserted, as a conservative coder
    /// (ACLED) would code it.
    pub conservative: Option<f64>,
    /// Distinct values.
    pub values: usize,
    /// Distinct origins.
    pub origins: usize,
    /// Reports.
    pub reports: usize,
    /// True when some values contradict each other.
    pub contested: bool,
    /// For a total, the parts whose best figures exceed it (alone or
    /// together); for a part, its total when its best figure exceeds the
    /// total's. Empty when they reconcile.
    pub exceeds: Vec<String>,
}

/// One distinct value and who claims it.
#[derive(Debug, Clone, Serialize)]
pub struct ValueEntry {
    /// The value as shown: `12`, `300-400`, `hundreds`.
    pub label: String,
    /// The number, or a range's ends.
    pub value: Option<(f64, f64)>,
    /// The vague word's gloss.
    pub vague: Option<std::sync::Arc<str>>,
    /// Asserted or denied.
    pub stance: Stance,
    /// How it stands to the others.
    pub relation: Relation,
    /// The values that cannot be true with it (a figure apart from it, a
    /// denial of it, a claim of zero), each with who claims it.
    pub disputed_by: Vec<Dispute>,
    /// Distinct origins claiming it.
    pub origins: Vec<String>,
    /// Distinct documents claiming it.
    pub reports: usize,
    /// Every claim of it.
    pub claims: Vec<Cited>,
}

/// A value that disputes another, and who claims it.
#[derive(Debug, Clone, Serialize)]
pub struct Dispute {
    /// The disputing value as shown (`0`, `140`).
    pub value: String,
    /// Asserted, or denied (then it denies the value it disputes).
    pub stance: Stance,
    /// The origins claiming it.
    pub origins: Vec<String>,
}

impl Dispute {
    /// `0 by sdf`, `not 140 by interior-ministry`, origins joined by `+`.
    pub fn text(&self) -> String {
        let not = if self.stance == Stance::Asserted {
            ""
        } else {
            "not "
        };
        format!("{not}{} by {}", self.value, self.origins.join("+"))
    }
}

/// Two values of a facet that cannot both be true, and who claims each:
/// `a` disputes `b`. A denial is always `a` (it points at the figure it
/// denies); otherwise `a` is the lower value, so a claim of zero disputes
/// the figures above it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DisputePair {
    /// `denies` when `a` denies `b`'s very figure, `disputes` when the two
    /// figures cannot both be true.
    pub kind: PairKind,
    /// The disputing side.
    pub a: PairSide,
    /// The disputed side.
    pub b: PairSide,
}

/// How the two values of a [`DisputePair`] stand to each other.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum PairKind {
    /// A source denies the other side's figure.
    Denies,
    /// The figures' intervals do not meet (and are not a toll that grew).
    Disputes,
}

impl PairKind {
    /// The word in JSON and CSV: `denies`, `disputes`.
    pub fn as_str(self) -> &'static str {
        match self {
            PairKind::Denies => "denies",
            PairKind::Disputes => "disputes",
        }
    }
}

/// One side of a [`DisputePair`]: a value and who claims it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PairSide {
    /// The value as shown (`0`, `140`, `many`).
    pub value: String,
    /// Asserted, or denied.
    pub stance: Stance,
    /// The origins claiming it, by id.
    pub origins: Vec<OriginName>,
}

/// An origin's id and the name its chains give it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct OriginName {
    /// The origin's id ([`origin`]).
    pub id: String,
    /// Its name: the innermost source's name, or for an unnamed source its
    /// outlet's name and its own (`Wire › activists`).
    pub name: String,
}

impl PairSide {
    /// The origins' names joined by ` + `, each through `wrap`.
    pub fn names(&self, wrap: impl Fn(&str) -> String) -> String {
        let names: Vec<String> = self.origins.iter().map(|o| wrap(&o.name)).collect();
        names.join(" + ")
    }

    /// The origins' ids joined by `+` (`aanes+sdf`).
    pub fn ids(&self) -> String {
        let ids: Vec<&str> = self.origins.iter().map(|o| o.id.as_str()).collect();
        ids.join("+")
    }
}

impl DisputePair {
    /// The pair in words, names and values each through `wrap`:
    /// `SDF 0 disputes SOHR many`, `Interior ministry denies 140 (Wire X)`.
    pub fn words(&self, wrap: impl Fn(&str) -> String + Copy) -> String {
        let (a, b) = (&self.a, &self.b);
        match self.kind {
            PairKind::Denies => format!("{} denies {} ({})", a.names(wrap), wrap(&b.value), b.names(wrap)),
            PairKind::Disputes => format!(
                "{} {} disputes {} {}",
                a.names(wrap),
                wrap(&a.value),
                b.names(wrap),
                wrap(&b.value)
            ),
        }
    }

    /// [`DisputePair::words`] as plain text.
    pub fn text(&self) -> String {
        self.words(str::to_string)
    }
}

/// One claim of a value.
#[derive(Debug, Clone, Serialize)]
pub struct Cited {
    /// The stored claim's id.
    pub claim: i64,
    /// The document's row id.
    pub document: i64,
    /// The document's id.
    pub doc: String,
    /// Its publication date.
    pub published: Option<String>,
    /// Its language.
    pub lang: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// Its headline.
    pub title: Option<String>,
    /// The chain, outermost first.
    pub chain: std::sync::Arc<[SourceRef]>,
    /// The origin's id.
    pub origin: String,
    /// How the value is hedged.
    pub qualifier: Qualifier,
    /// True when the innermost source is unnamed.
    pub anonymous: bool,
    /// The quantity in the original document.
    pub span: Span,
    /// Its sentence.
    pub sentence: Span,
    /// The sentence.
    pub evidence: std::sync::Arc<str>,
    /// Where the quantity is in `evidence` (byte offsets).
    #[serde(skip)]
    pub mark: Span,
}

/// What one origin claimed over time for a facet.
#[derive(Debug, Clone, Serialize)]
pub struct OriginTimeline {
    /// The origin's id.
    pub origin: String,
    /// The origin's name.
    pub name: String,
    /// Date, value label, document; by date.
    pub points: Vec<(Option<String>, String, String)>,
}

/// The origin of a chain: its innermost source, or the outlet's own account;
/// an unnamed source is its outlet's.
pub fn origin(chain: &[SourceRef], doc: &str) -> String {
    let outlet = chain.first().map(|l| l.id.as_str()).unwrap_or("unknown");
    let outlet = if outlet == "unknown" {
        format!("unknown:{doc}")
    } else {
        outlet.to_string()
    };
    match chain.last() {
        Some(l) if chain.len() > 1 && l.kind == SourceKind::Anonymous => format!("{outlet}/{}", l.id),
        Some(l) if chain.len() > 1 => l.id.clone(),
        _ => outlet,
    }
}

/// The name a chain gives its [`origin`]: the innermost source's name, or
/// for an unnamed source its outlet's name and its own (`Wire › activists`);
/// an id where the chain gives no name.
pub fn origin_name(chain: &[SourceRef]) -> String {
    let name = |l: &SourceRef| {
        if l.name.trim().is_empty() {
            l.id.clone()
        } else {
            l.name.clone()
        }
    };
    match (chain.first(), chain.last()) {
        (Some(outlet), Some(l)) if chain.len() > 1 && l.kind == SourceKind::Anonymous => {
            format!("{} › {}", name(outlet), name(l))
        }
        (_, Some(l)) => name(l),
        _ => "unknown".to_string(),
    }
}

/// Flags totals and parts that do not reconcile (best figures).
fn reconcile(facets: &mut [Facet], totals: &[(String, Vec<String>)]) {
    let best = |facets: &[Facet], name: &str| {
        facets
            .iter()
            .find(|f| f.facet == name)
            .and_then(|f| f.summary.best)
    };
    for (total, parts) in totals {
        let Some(t) = best(facets, total) else {
            continue;
        };
        let present: Vec<(&String, f64)> = parts
            .iter()
            .filter_map(|p| best(facets, p).map(|b| (p, b)))
            .collect();
        let sum: f64 = present.iter().map(|(_, b)| b).sum();
        let over: Vec<String> = present
            .iter()
            .filter(|(_, b)| *b > t)
            .map(|(p, _)| p.to_string())
            .collect();
        let total_flags: Vec<String> = if sum > t {
            present.iter().map(|(p, _)| p.to_string()).collect()
        } else {
            Vec::new()
        };
        for f in facets.iter_mut() {
            if f.facet == *total {
                f.summary.exceeds = total_flags.clone();
            } else if over.contains(&f.facet) {
                f.summary.exceeds = vec![total.clone()];
            }
        }
    }
}

/// Builds the ledger.
pub fn build(rows: &[LedgerRow], opts: &Options) -> Ledger {
    build_with_events(rows, opts).0
}

/// Builds the ledger and returns, beside it, the event of every row (in row
/// order), so a caller that filters claims by event need not assign again.
pub fn build_with_events(rows: &[LedgerRow], opts: &Options) -> (Ledger, Vec<String>) {
    let events::Assigned { ids, names, about } = events::assign_all(
        rows,
        &opts.known_events,
        &opts.events,
        &opts.kinds,
        opts.calendar
            .as_deref()
            .unwrap_or_else(|| events::builtin_calendar()),
    );
    // event -> facet -> rows
    let mut grouped: BTreeMap<&str, Vec<(usize, &LedgerRow)>> = BTreeMap::new();
    for (i, (r, id)) in rows.iter().zip(&ids).enumerate() {
        if !opts.other && r.claim.facet.starts_with("other:") {
            continue;
        }
        if opts.only_event.as_deref().is_some_and(|e| e != id) {
            continue;
        }
        grouped.entry(id.as_str()).or_default().push((i, r));
    }
    let mut out = Vec::new();
    for (id, rs) in grouped {
        let mut facet_order: Vec<&str> = Vec::new();
        let mut by_facet: HashMap<&str, Vec<&LedgerRow>> = HashMap::new();
        for (_, r) in &rs {
            let f = r.claim.facet.as_str();
            if !by_facet.contains_key(f) {
                facet_order.push(f);
            }
            by_facet.entry(f).or_default().push(r);
        }
        let rank = |f: &str| opts.facet_order.iter().position(|o| o == f).unwrap_or(usize::MAX);
        facet_order.sort_by_key(|f| rank(f));
        let cumulative = |f: &str| opts.cumulative.iter().any(|c| c == f);
        let facets = facet_order
            .iter()
            .map(|f| values::facet(f, &by_facet[f], cumulative(f)))
            .collect();
        let mut docs: Vec<i64> = rs.iter().map(|(_, r)| r.document).collect();
        docs.sort_unstable();
        docs.dedup();
        let mut origins: Vec<String> = rs
            .iter()
            .map(|(_, r)| origin(&r.claim.source, &r.doc.doc))
            .collect();
        origins.sort();
        origins.dedup();
        let mut dates: Vec<String> = rs
            .iter()
            .filter_map(|(_, r)| r.doc.published.as_deref())
            .filter_map(events::checked_date)
            .collect();
        dates.sort_unstable();
        let mut facets: Vec<Facet> = facets;
        for f in &mut facets {
            f.label = opts
                .facet_labels
                .iter()
                .find(|(id, _, _)| *id == f.facet)
                .map(|(_, en, ar)| Label {
                    en: en.clone(),
                    ar: ar.clone(),
                });
        }
        reconcile(&mut facets, &opts.totals);
        out.push(Event {
            id: id.to_string(),
            name: names.get(id).cloned().unwrap_or_else(|| id.to_string()),
            place: about.get(id).map(|a| a.0.clone()),
            kind: about.get(id).and_then(|a| a.1.clone()),
            reports: docs.len(),
            origins: origins.len(),
            dates: dates
                .first()
                .zip(dates.last())
                .map(|(a, b)| (a.to_string(), b.to_string())),
            facets,
        });
    }
    out.sort_by(|a, b| b.reports.cmp(&a.reports).then_with(|| a.id.cmp(&b.id)));
    let mut warnings: Vec<String> = Vec::new();
    let mut warned = std::collections::HashSet::new();
    for r in rows {
        if let Some(p) = r.doc.published.as_deref()
            && events::checked_date(p).is_none()
            && warned.insert(r.document)
        {
            warnings.push(format!(
                "{}: published {p:?} is not a date (YYYY-MM-DD); the report is left undated",
                r.doc.doc
            ));
        }
    }
    (
        Ledger {
            events: out,
            warnings,
        },
        ids,
    )
}

#[cfg(test)]
mod tests;
