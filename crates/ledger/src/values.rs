//! One facet of one event: its distinct values, how they relate, the
//! summary and the origins' timelines.

use crate::events::day_number;
use crate::{
    Cited, Dispute, DisputePair, Facet, OriginName, OriginTimeline, PairKind, PairSide, Summary, ValueEntry,
    origin, origin_name,
};
use isnad_model::{Qualifier, Stance, Value};
use isnad_store::LedgerRow;
use serde::Serialize;
use std::collections::HashMap;

/// How a value stands to the other values of its event and facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// Every other value is compatible with it.
    Agrees,
    /// Some other value cannot be true with it (or a source denies it).
    Contradicts,
    /// It differs from others only as a later toll differs from an earlier one.
    DifferentScope,
    /// It is the only value.
    Only,
}

impl Relation {
    /// The contract's word.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Agrees => "agrees",
            Relation::Contradicts => "contradicts",
            Relation::DifferentScope => "different_scope",
            Relation::Only => "only",
        }
    }
}

/// The numbers a claim allows: `[lo, hi]`, closed, `hi` may be infinite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lowest value allowed.
    pub lo: f64,
    /// Highest value allowed.
    pub hi: f64,
}

/// How far "about N" reaches on either side.
const APPROX: f64 = 0.15;

impl Interval {
    /// The interval a claim allows, from its value (or vague band) and its
    /// qualifier: exact N is N; about N is N ± 15%; at least N is N and more;
    /// up to N is 0 to N; a vague word is its band.
    pub fn of(value: Value, band: Option<[f64; 2]>, qualifier: Qualifier) -> Option<Interval> {
        let (lo, hi) = value.bounds().or(band.map(|[a, b]| (a, b)))?;
        let i = match qualifier {
            Qualifier::Exact => Interval { lo, hi },
            Qualifier::Approx => Interval {
                lo: lo * (1.0 - APPROX),
                hi: hi * (1.0 + APPROX),
            },
            Qualifier::AtLeast | Qualifier::MoreThan => Interval {
                lo,
                hi: f64::INFINITY,
            },
            Qualifier::AtMost | Qualifier::LessThan | Qualifier::UpTo => Interval { lo: 0.0, hi },
        };
        Some(i)
    }

    /// True when some number lies in both.
    pub fn overlaps(self, o: Interval) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    fn hull(self, o: Interval) -> Interval {
        Interval {
            lo: self.lo.min(o.lo),
            hi: self.hi.max(o.hi),
        }
    }
}

/// A number as the ledger shows it.
pub fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        format!("{x}")
    }
}

/// A value's label: `12`, `300-400`, `hundreds`.
pub fn label(value: Value, vague: Option<&str>) -> String {
    match value.bounds() {
        Some((a, b)) if a == b => fmt_num(a),
        Some((a, b)) => format!("{}-{}", fmt_num(a), fmt_num(b)),
        None => vague.unwrap_or("?").to_string(),
    }
}

struct Group<'a> {
    entry: ValueEntry,
    interval: Option<Interval>,
    days: Vec<i64>,
    rows: Vec<&'a LedgerRow>,
}

pub(crate) fn facet(name: &str, rows: &[&LedgerRow], cumulative: bool) -> Facet {
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut seen: std::collections::HashSet<(String, Stance, i64, String)> = Default::default();
    for r in rows {
        let c = &r.claim;
        let label = label(c.value, c.vague.as_deref());
        let o = origin(&c.source, &r.doc.doc);
        // One row per value per chain per document.
        let chain_key: Vec<&str> = c.source.iter().map(|l| l.id.as_str()).collect();
        let k = (label.clone(), c.stance, r.document, chain_key.join(">"));
        if !seen.insert(k) {
            continue;
        }
        let interval = Interval::of(c.value, c.band, c.qualifier);
        let cited = Cited {
            claim: r.id,
            document: r.document,
            doc: r.doc.doc.clone(),
            published: r.doc.published.as_deref().and_then(crate::events::checked_date),
            lang: r.doc.lang.clone(),
            url: r.doc.url.clone(),
            title: r.doc.title.clone(),
            chain: c.source.clone(),
            origin: o.clone(),
            qualifier: c.qualifier,
            anonymous: c.anonymous,
            span: c.span,
            sentence: c.sentence,
            evidence: c.evidence.clone(),
            mark: c.mark_in_evidence(),
        };
        let day = r.doc.published.as_deref().and_then(day_number);
        match groups
            .iter_mut()
            .find(|g| g.entry.label == label && g.entry.stance == c.stance)
        {
            Some(g) => {
                g.interval = match (g.interval, interval) {
                    (Some(a), Some(b)) => Some(a.hull(b)),
                    (a, b) => a.or(b),
                };
                g.days.extend(day);
                if !g.entry.origins.contains(&o) {
                    g.entry.origins.push(o);
                }
                g.entry.claims.push(cited);
                g.rows.push(r);
            }
            None => groups.push(Group {
                entry: ValueEntry {
                    label,
                    value: c.value.bounds(),
                    vague: c.vague.clone(),
                    stance: c.stance,
                    relation: Relation::Only,
                    disputed_by: Vec::new(),
                    origins: vec![o],
                    reports: 0,
                    claims: vec![cited],
                },
                interval,
                days: day.into_iter().collect(),
                rows: vec![r],
            }),
        }
    }
    for g in &mut groups {
        let mut docs: Vec<i64> = g.entry.claims.iter().map(|c| c.document).collect();
        docs.sort_unstable();
        docs.dedup();
        g.entry.reports = docs.len();
    }
    let relations: Vec<Relation> = (0..groups.len())
        .map(|i| relation(&groups, i, cumulative))
        .collect();
    let disputes: Vec<Vec<Dispute>> = (0..groups.len())
        .map(|i| disputed_by(&groups, i, cumulative))
        .collect();
    for ((g, r), d) in groups.iter_mut().zip(relations).zip(disputes) {
        g.entry.relation = r;
        g.entry.disputed_by = d;
    }
    let summary = summary(&groups);
    let timeline = timeline(&groups);
    groups.sort_by(|a, b| {
        let key = |g: &Group<'_>| {
            (
                g.entry.stance != Stance::Asserted,
                g.interval.map_or(f64::INFINITY, |i| i.lo),
            )
        };
        let (sa, la) = key(a);
        let (sb, lb) = key(b);
        sa.cmp(&sb)
            .then(la.total_cmp(&lb))
            .then_with(|| a.entry.label.cmp(&b.entry.label))
    });
    let disputes = pairs(&groups, cumulative);
    Facet {
        facet: name.to_string(),
        label: None,
        summary,
        values: groups.into_iter().map(|g| g.entry).collect(),
        disputes,
        timeline,
    }
}

/// True for a claim that none of what is counted happened: an asserted 0.
fn is_zero(g: &Group<'_>) -> bool {
    g.entry.stance == Stance::Asserted && g.entry.value == Some((0.0, 0.0))
}

/// True when `g` and `o` cannot both be true: one denies the other's very
/// value, or their intervals are apart and not a toll that grew.
fn disputes(g: &Group<'_>, o: &Group<'_>, cumulative: bool) -> bool {
    match (g.entry.stance, o.entry.stance) {
        (Stance::Asserted, Stance::Asserted) => match (g.interval, o.interval) {
            (Some(a), Some(b)) => !(a.overlaps(b) || (cumulative && later_and_larger(g, a, o, b))),
            _ => false,
        },
        // A denial disputes the figure it denies.
        (Stance::Asserted, _) | (_, Stance::Asserted) => g.entry.label == o.entry.label,
        _ => false,
    }
}

/// How value `i` stands to the others. A claim of zero disputes every
/// figure above it, but does not make those figures contradict each other:
/// a figure is `contradicts` only when another figure (not a zero) or a
/// denial of it cannot be true with it.
fn relation(groups: &[Group<'_>], i: usize, cumulative: bool) -> Relation {
    let g = &groups[i];
    if groups.len() == 1 {
        return Relation::Only;
    }
    if g.entry.stance != Stance::Asserted {
        return Relation::Contradicts;
    }
    let mut scope = false;
    for (j, o) in groups.iter().enumerate() {
        if j == i || (is_zero(o) && !is_zero(g)) {
            continue;
        }
        if disputes(g, o, cumulative) {
            return Relation::Contradicts;
        }
        if let (Some(a), Some(b)) = (g.interval, o.interval)
            && o.entry.stance == Stance::Asserted
            && !a.overlaps(b)
        {
            scope = true;
        }
    }
    if scope {
        Relation::DifferentScope
    } else {
        Relation::Agrees
    }
}

/// The values that dispute value `i`, with who claims them, in one order
/// whatever order the store gave the claims in (origins sorted, then the
/// disputes by their text).
fn disputed_by(groups: &[Group<'_>], i: usize, cumulative: bool) -> Vec<Dispute> {
    let g = &groups[i];
    let mut out: Vec<Dispute> = groups
        .iter()
        .enumerate()
        .filter(|&(j, o)| j != i && disputes(g, o, cumulative))
        .map(|(_, o)| {
            let mut origins = o.entry.origins.clone();
            origins.sort();
            Dispute {
                value: o.entry.label.clone(),
                stance: o.entry.stance,
                origins,
            }
        })
        .collect();
    out.sort_by_cached_key(Dispute::text);
    out
}

/// Each pair of values that cannot both be true, once: `groups` in their
/// shown order (asserted values lowest first, then denials; one order
/// whatever order the store gave the claims in), each value paired with
/// those after it. A denial is the pair's first side; otherwise the lower
/// value is.
fn pairs(groups: &[Group<'_>], cumulative: bool) -> Vec<DisputePair> {
    let names = origin_names(groups);
    let side = |g: &Group<'_>| {
        let mut origins: Vec<OriginName> = g
            .entry
            .origins
            .iter()
            .map(|o| OriginName {
                id: o.clone(),
                name: names.get(o.as_str()).cloned().unwrap_or_else(|| o.clone()),
            })
            .collect();
        origins.sort();
        PairSide {
            value: g.entry.label.clone(),
            stance: g.entry.stance,
            origins,
        }
    };
    let mut out = Vec::new();
    for (i, g) in groups.iter().enumerate() {
        for o in groups.iter().skip(i + 1) {
            if !disputes(g, o, cumulative) {
                continue;
            }
            let (a, b, kind) = match (g.entry.stance, o.entry.stance) {
                (Stance::Asserted, Stance::Asserted) => (g, o, PairKind::Disputes),
                (Stance::Asserted, _) => (o, g, PairKind::Denies),
                _ => (g, o, PairKind::Denies),
            };
            out.push(DisputePair {
                kind,
                a: side(a),
                b: side(b),
            });
        }
    }
    out
}

/// Each origin's name: the one most of its claims' chains give it, the
/// first in order among as many, so that the name does not hang on the
/// order the claims were stored in.
fn origin_names<'a>(groups: &'a [Group<'_>]) -> HashMap<&'a str, String> {
    let mut counts: HashMap<(&str, String), usize> = HashMap::new();
    for c in groups.iter().flat_map(|g| g.entry.claims.iter()) {
        *counts
            .entry((c.origin.as_str(), origin_name(&c.chain)))
            .or_default() += 1;
    }
    let mut ranked: Vec<((&str, String), usize)> = counts.into_iter().collect();
    ranked.sort_by(|(a, n), (b, m)| m.cmp(n).then_with(|| a.cmp(b)));
    let mut out: HashMap<&str, String> = HashMap::new();
    for ((origin, name), _) in ranked {
        out.entry(origin).or_insert(name);
    }
    out
}

/// True when one of the two was reported wholly before the other and is the
/// smaller: a toll that grew.
fn later_and_larger(g: &Group<'_>, a: crate::Interval, o: &Group<'_>, b: crate::Interval) -> bool {
    let span = |d: &[i64]| Some((*d.iter().min()?, *d.iter().max()?));
    let (Some((g0, g1)), Some((o0, o1))) = (span(&g.days), span(&o.days)) else {
        return false;
    };
    (g1 < o0 && a.hi <= b.lo) || (o1 < g0 && b.hi <= a.lo)
}

/// True when a qualifier only caps the figure (at most N): it says nothing
/// of how low the count is, so the conservative figure leaves it out.
fn caps_only(q: Qualifier) -> bool {
    match q {
        Qualifier::AtMost | Qualifier::LessThan | Qualifier::UpTo => true,
        Qualifier::Exact | Qualifier::Approx | Qualifier::AtLeast | Qualifier::MoreThan => false,
    }
}

fn summary(groups: &[Group<'_>]) -> Summary {
    let asserted: Vec<&Group<'_>> = groups
        .iter()
        .filter(|g| g.entry.stance == Stance::Asserted)
        .collect();
    let numeric = || asserted.iter().filter_map(|g| g.entry.value);
    let low = numeric().map(|v| v.0).reduce(f64::min);
    let high = numeric().map(|v| v.1).reduce(f64::max);
    let conservative = asserted
        .iter()
        .flat_map(|g| g.rows.iter())
        .filter(|r| !caps_only(r.claim.qualifier))
        .filter_map(|r| r.claim.value.bounds().map(|v| v.0))
        .reduce(f64::min);
    // Best: each origin's latest figure counts once; the claimed figure
    // nearest their median.
    let mut latest: HashMap<&str, (Option<i64>, f64)> = HashMap::new();
    for g in &asserted {
        let Some((a, b)) = g.entry.value else { continue };
        for c in &g.entry.claims {
            let day = c.published.as_deref().and_then(day_number);
            let e = latest.entry(c.origin.as_str()).or_insert((day, (a + b) / 2.0));
            if day > e.0 {
                *e = (day, (a + b) / 2.0);
            }
        }
    }
    let mut points: Vec<f64> = latest.values().map(|v| v.1).collect();
    points.sort_by(f64::total_cmp);
    let best = points.get(points.len().saturating_sub(1) / 2).map(|&m| {
        let mut cands: Vec<(f64, usize)> = asserted
            .iter()
            .filter_map(|g| g.entry.value.map(|(a, b)| ((a + b) / 2.0, g.entry.origins.len())))
            .collect();
        cands.sort_by(|x, y| {
            (x.0 - m)
                .abs()
                .total_cmp(&(y.0 - m).abs())
                .then(y.1.cmp(&x.1))
                .then(x.0.total_cmp(&y.0))
        });
        cands.first().map_or(m, |c| c.0)
    });
    let mut origins: Vec<&str> = groups
        .iter()
        .flat_map(|g| g.entry.origins.iter().map(|s| s.as_str()))
        .collect();
    origins.sort_unstable();
    origins.dedup();
    let mut docs: Vec<i64> = groups
        .iter()
        .flat_map(|g| g.entry.claims.iter().map(|c| c.document))
        .collect();
    docs.sort_unstable();
    docs.dedup();
    Summary {
        low,
        best,
        high,
        conservative,
        values: groups.len(),
        origins: origins.len(),
        reports: docs.len(),
        contested: groups.iter().any(|g| g.entry.relation == Relation::Contradicts),
        exceeds: Vec::new(),
    }
}

fn timeline(groups: &[Group<'_>]) -> Vec<OriginTimeline> {
    let mut by: Vec<OriginTimeline> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    // One point per origin, date and value (the first report that gave it).
    let mut seen: std::collections::HashSet<(&str, Option<&str>, String)> = Default::default();
    for g in groups {
        let label = if g.entry.stance == Stance::Asserted {
            g.entry.label.clone()
        } else {
            format!("not {}", g.entry.label)
        };
        for c in &g.entry.claims {
            if !seen.insert((c.origin.as_str(), c.published.as_deref(), label.clone())) {
                continue;
            }
            let point = (c.published.clone(), label.clone(), c.doc.clone());
            match index.get(c.origin.as_str()) {
                Some(&i) => by[i].points.push(point),
                None => {
                    index.insert(c.origin.as_str(), by.len());
                    by.push(OriginTimeline {
                        origin: c.origin.clone(),
                        name: c.chain.last().map(|l| l.name.clone()).unwrap_or_default(),
                        points: vec![point],
                    });
                }
            }
        }
    }
    for t in &mut by {
        t.points.sort();
    }
    by.sort_by(|a, b| a.origin.cmp(&b.origin));
    by
}
