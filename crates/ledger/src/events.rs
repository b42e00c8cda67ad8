//! Events: which event each stored claim is about.
//!
//! In: the stored claims with their documents' fields, the known events'
//! names, and a user's `events.toml` ([`EventFile`]). Out: an event id per
//! claim and a name per event. A claim the extraction tied to a known event
//! (its `subject`) belongs to that event. Any other claim belongs to the
//! event of what its document is about ([`Target`]: the place the report
//! names most and the kind of violence, found at ingest): reports about the
//! same place, published within [`WINDOW_DAYS`] of each other, and of the
//! same kind are one event, `auto:<place>:<kind>:<first date>` (a bombing
//! in Abha, `auto:gn:110690:bombing:2015-08-07`). Arabic and English
//! reports meet through the place's key (a gazetteer id, or a
//! transliteration key for a name the gazetteer lacks). A roundup's parts
//! (the paragraphs about one front, [`TargetPart`]) that name another place
//! than the report's own are grouped as reports of their own
//! (`split_parts`), so that a roundup of fronts is not one event. A claim
//! whose report names no place is its document's own event, `doc:<doc>`,
//! so that claims about different things never share an event.
//!
//! The user's file then names, merges and splits: an `[[event]]` with an
//! `id` and a `name` names it; `merge = [ids]` folds those events into it;
//! `documents = [doc ids]` takes the claims of those documents that no known
//! event claims into it. Refuses a file that is not TOML of that shape, with
//! the reason.

use isnad_store::LedgerRow;
use isnad_text::calendar::{Calendar, YearNamed};
use serde::Deserialize;
use std::collections::HashMap;

/// Reports about one target this many days apart or less are one event.
pub const WINDOW_DAYS: i64 = 30;

/// A user's events file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventFile {
    /// Its events.
    #[serde(default)]
    pub event: Vec<EventDef>,
}

/// One event of a user's file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EventDef {
    /// The event's id (a known event's, an automatic one's, or a new one).
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: Option<String>,
    /// Events folded into this one.
    #[serde(default)]
    pub merge: Vec<String>,
    /// Documents whose claims (those no known event claims) go to this one.
    #[serde(default)]
    pub documents: Vec<String>,
}

/// A bad events file.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct EventFileError(String);

impl EventFile {
    /// Parses a file's contents.
    pub fn parse(s: &str) -> Result<EventFile, EventFileError> {
        let f: EventFile = toml::from_str(s).map_err(|e| EventFileError(e.message().to_string()))?;
        for e in &f.event {
            if e.id.trim().is_empty() {
                return Err(EventFileError("an [[event]] has an empty id".into()));
            }
        }
        Ok(f)
    }
}

/// Days since 1970-01-01 of a date that starts `YYYY-MM-DD`.
pub fn day_number(date: &str) -> Option<i64> {
    let d = date.get(..10)?;
    let mut it = d.split('-');
    let y: i64 = it.next()?.parse().ok()?;
    let m: i64 = it.next()?.parse().ok()?;
    let day: i64 = it.next()?.parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=12).contains(&m) || !(1..=days_in_month).contains(&day) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// What a document is about, as the engine stores it in `target`: JSON of
/// the places it names (likeliest first) and the kinds whose cues it uses
/// (see `isnad_engine::about`); from a store written before, a bare name,
/// which is one strong place.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct Target {
    /// The places, likeliest first.
    #[serde(default)]
    pub places: Vec<TargetPlace>,
    /// The kinds and how often their cues occur, most first.
    #[serde(default)]
    pub kinds: Vec<(String, usize)>,
    /// The first date the report's opening gives.
    #[serde(default)]
    pub date: Option<String>,
    /// The stretches of the report that each name their own place (see
    /// `isnad_engine::about::Part`), when it has two or more.
    #[serde(default)]
    pub parts: Vec<TargetPart>,
}

/// A stretch of a report about one place: a paragraph that names it and
/// the paragraphs after it that name none.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TargetPart {
    /// Its bytes in the original, `[start, end)`.
    pub span: (u32, u32),
    /// The places it names (key, name as written), the likeliest first.
    #[serde(default)]
    pub places: Vec<(String, String)>,
    /// The kinds whose cues it uses, with how often.
    #[serde(default)]
    pub kinds: Vec<(String, usize)>,
}

/// A report, or a stretch of one that is an event of its own: the
/// document's id and 0, or the number of its first part of that place.
type Unit = (i64, usize);

/// Which parts of a report are events of their own, and the report's own
/// place: `split[i]` is the unit of part `i` (its place's first part,
/// numbered from 1), or `None` when it stays with the report.
///
/// A report is a roundup when its parts with claims (`claimed`) name
/// three places or more first, or two places besides its own (`main`):
/// the fronts of a war, the attacks of a year. A roundup's own place is
/// the one its opening names, when it names one (news tells the main
/// event first; the front told at most length is not it). A part is its
/// own when it names places other than the report's own and never that
/// one (an ambush on the road between two towns names both), has claims,
/// and either the report is a roundup or the part tells of another kind
/// (it uses none of the cues of the report's kind): a report on a prison
/// attack that says where escapees were caught keeps them.
fn split_parts<'t>(
    t: &'t Target,
    main: Option<&'t str>,
    claimed: impl Fn(&TargetPart) -> bool,
) -> (Vec<Option<usize>>, Option<&'t str>) {
    fn first(p: &TargetPart) -> Option<&str> {
        p.places.first().map(|(k, _)| k.as_str())
    }
    let own = |p: &'t TargetPart, main: Option<&str>| {
        first(p).filter(|_| !p.places.iter().any(|(k, _)| Some(k.as_str()) == main) && claimed(p))
    };
    let distinct = |main: Option<&str>| {
        let mut d: Vec<&str> = t.parts.iter().filter_map(|p| own(p, main)).collect();
        d.sort_unstable();
        d.dedup();
        d.len()
    };
    let mut named: Vec<&str> = t.parts.iter().filter(|p| claimed(p)).filter_map(first).collect();
    named.sort_unstable();
    named.dedup();
    let roundup = named.len() >= 3 || distinct(main) >= 2;
    let main = match t.parts.first().and_then(first) {
        Some(lede) if roundup => Some(lede),
        _ => main,
    };
    let kind = t.kinds.first().map(|(k, _)| k.as_str());
    let other_kind =
        |p: &TargetPart| !p.kinds.is_empty() && kind.is_some_and(|k| p.kinds.iter().all(|(pk, _)| pk != k));
    let split = t
        .parts
        .iter()
        .map(|p| {
            let k = own(p, main).filter(|_| roundup || other_kind(p))?;
            t.parts.iter().position(|q| first(q) == Some(k)).map(|i| i + 1)
        })
        .collect();
    (split, main)
}

/// A place of a [`Target`].
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct TargetPlace {
    /// Its key.
    pub key: String,
    /// Its name as the report writes it.
    pub name: String,
    /// How much the report speaks of it.
    #[serde(default)]
    pub score: usize,
    /// True when the report alone shows it is a place.
    #[serde(default)]
    pub strong: bool,
    /// True for a country.
    #[serde(default)]
    pub country: bool,
}

impl Target {
    /// Reads a stored target.
    pub fn parse(s: &str) -> Target {
        if s.starts_with('{') {
            serde_json::from_str(s).unwrap_or_default()
        } else if s.trim().is_empty() {
            Target::default()
        } else {
            Target {
                places: vec![TargetPlace {
                    key: s.to_string(),
                    name: s.to_string(),
                    score: 1,
                    strong: true,
                    country: false,
                }],
                kinds: Vec::new(),
                date: None,
                parts: Vec::new(),
            }
        }
    }
}

/// The calendar shipped with isnad (its year words), for callers that bring
/// none.
pub fn builtin_calendar() -> &'static Calendar {
    static CALENDAR: std::sync::LazyLock<Calendar> = std::sync::LazyLock::new(Calendar::builtin);
    &CALENDAR
}

/// A group of reports as [`merge_by_places`] sees it.
struct Group<'a> {
    place: &'a str,
    kind: Option<&'a str>,
    days: Option<(i64, i64)>,
    documents: &'a [Unit],
}

/// For each group, the larger group it belongs to, if any: one of the same
/// kind, within [`WINDOW_DAYS`], where at least half of the smaller
/// group's reports name (among any of their places) a place the gazetteer
/// lacks that most of the larger group's reports, two at least, name, or
/// that is its own.
/// On a tie of sizes, the first is the larger.
fn merge_by_places(groups: &[Group<'_>], places_of: &HashMap<Unit, Vec<&str>>) -> Vec<Option<usize>> {
    // The places most of a group's reports name, its own always.
    let common: Vec<std::collections::HashSet<&str>> = groups
        .iter()
        .map(|g| {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for d in g.documents {
                for p in places_of.get(d).into_iter().flatten() {
                    *counts.entry(p).or_default() += 1;
                }
            }
            let mut set: std::collections::HashSet<&str> = counts
                .into_iter()
                .filter(|(_, n)| 2 * n >= g.documents.len() && *n >= 2)
                .map(|(p, _)| p)
                .collect();
            set.insert(g.place);
            set
        })
        .collect();
    let near = |a: &Group<'_>, b: &Group<'_>| match (a.days, b.days) {
        (Some((f, l)), Some((of, ol))) => f - ol <= WINDOW_DAYS && of - l <= WINDOW_DAYS,
        _ => true,
    };
    // Whether half of `a`'s reports name a place of `b`'s that the
    // gazetteer lacks (a prison's quarter, a village: Ghwayran), the mark
    // of one event; gazetteer regions and cities are named across the
    // reports of a whole war.
    let naming = |a: &Group<'_>, b: usize| {
        let n = a
            .documents
            .iter()
            .filter(|d| {
                places_of
                    .get(d)
                    .is_some_and(|ps| ps.iter().any(|p| p.starts_with('~') && common[b].contains(p)))
            })
            .count();
        2 * n >= a.documents.len()
    };
    // The groups each such place is common to: a group's candidates are
    // those of the places its reports name, never every group.
    let mut by_place: HashMap<&str, Vec<usize>> = HashMap::new();
    for (j, set) in common.iter().enumerate() {
        for p in set.iter().filter(|p| p.starts_with('~')) {
            by_place.entry(p).or_default().push(j);
        }
    }
    groups
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let mut candidates: Vec<usize> = a
                .documents
                .iter()
                .flat_map(|d| places_of.get(d).into_iter().flatten())
                .filter_map(|p| by_place.get(p))
                .flatten()
                .copied()
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates
                .into_iter()
                .filter(|&j| {
                    let b = &groups[j];
                    j != i
                        && (b.documents.len(), std::cmp::Reverse(j))
                            > (a.documents.len(), std::cmp::Reverse(i))
                        && a.kind == b.kind
                        && near(a, b)
                        && naming(a, j)
                })
                .max_by_key(|&j| (groups[j].documents.len(), std::cmp::Reverse(j)))
        })
        .collect()
}

/// The day a report's event happened, for grouping: the date its opening
/// gives when that is earlier than its publication (a trial's report a
/// year on is dated by the attack), else its publication date.
fn event_day(published: Option<&str>, text: Option<&str>) -> Option<i64> {
    let published = published.and_then(day_number);
    let text = text.and_then(day_number);
    match (published, text) {
        (Some(p), Some(t)) => Some(p.min(t)),
        (p, t) => p.or(t),
    }
}

/// Two kind profiles this alike (cosine) or more are one event's.
const SAME_KIND: f64 = 0.5;
/// A report with fewer kind cues than this never starts a group of its own
/// beside another of its place and window.
const FEW_CUES: usize = 3;

fn cosine(a: &[(String, usize)], b: &HashMap<String, usize>) -> f64 {
    let dot: f64 = a
        .iter()
        .map(|(k, n)| *n as f64 * b.get(k).copied().unwrap_or(0) as f64)
        .sum();
    let na: f64 = a.iter().map(|(_, n)| (*n as f64).powi(2)).sum::<f64>().sqrt();
    let nb: f64 = b.values().map(|n| (*n as f64).powi(2)).sum::<f64>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// The event of every row, in row order, and each event's name.
pub fn assign(
    rows: &[LedgerRow],
    known: &[(String, String)],
    file: &EventFile,
) -> (Vec<String>, HashMap<String, String>) {
    assign_with_kinds(rows, known, file, &[])
}

/// [`assign`], with the kinds' English labels (`id`, label) for naming
/// automatic events.
///
/// Each report's place is the likeliest of its places that it shows to be
/// a place by itself (a gazetteer place, or a name twice where a place's
/// name stands), or that another report does (a name once after سجن, or
/// after في). Reports are grouped by place, then by date (a gap of more
/// than [`WINDOW_DAYS`] starts a new event), then by kind: a report joins
/// the group of its window whose kinds' cues it shares most (cosine of the
/// counts at least `SAME_KIND`), or starts one; a report with no kind cue
/// joins the largest.
pub fn assign_with_kinds(
    rows: &[LedgerRow],
    known: &[(String, String)],
    file: &EventFile,
    kinds: &[(String, String)],
) -> (Vec<String>, HashMap<String, String>) {
    let a = assign_all(rows, known, file, kinds, builtin_calendar());
    (a.ids, a.names)
}

/// What [`assign_all`] finds.
#[derive(Debug, Clone, Default)]
pub struct Assigned {
    /// The event of every row, in row order.
    pub ids: Vec<String>,
    /// Each event's name.
    pub names: HashMap<String, String>,
    /// Each automatic event's place (as its reports write it) and kind.
    pub about: HashMap<String, (String, Option<String>)>,
}

/// [`assign_with_kinds`], with each automatic event's place and kind, and
/// the claims of years long past moved out (`recalled`) by the years
/// `calendar` recognises.
pub fn assign_all(
    rows: &[LedgerRow],
    known: &[(String, String)],
    file: &EventFile,
    kinds: &[(String, String)],
    calendar: &Calendar,
) -> Assigned {
    let mut names: HashMap<String, String> = known.iter().cloned().collect();
    let mut about: HashMap<String, (String, Option<String>)> = HashMap::new();
    struct Doc {
        day: Option<i64>,
        document: i64,
        unit: Unit,
        about: Target,
        legacy: bool,
    }
    let mut docs: Vec<Doc> = Vec::new();
    let mut seen_docs = std::collections::HashSet::new();
    for r in rows {
        let Some(t) = r.doc.target.as_deref() else {
            continue;
        };
        if seen_docs.insert(r.document) {
            let about = Target::parse(t);
            docs.push(Doc {
                day: event_day(r.doc.published.as_deref(), about.date.as_deref()),
                document: r.document,
                unit: (r.document, 0),
                about,
                legacy: !t.starts_with('{'),
            });
        }
    }
    // Places some report shows by itself to be places.
    let strong: std::collections::HashSet<String> = docs
        .iter()
        .flat_map(|d| d.about.places.iter())
        .filter(|p| p.strong)
        .map(|p| p.key.clone())
        .collect();
    let main_place = |t: &Target| {
        t.places
            .iter()
            .find(|p| p.strong || strong.contains(&p.key))
            .map(|p| p.key.clone())
    };
    // A roundup's parts that are events of their own become units of
    // their own; the report keeps the rest (its kinds less theirs).
    // Each report's parts that are units of their own: (bytes, unit).
    type PartUnits = Vec<((u32, u32), usize)>;
    let mut part_units: HashMap<i64, PartUnits> = HashMap::new();
    let mut parts_of: Vec<Doc> = Vec::new();
    for d in &mut docs {
        if d.about.parts.is_empty() || d.legacy {
            continue;
        }
        let starts: Vec<u32> = rows
            .iter()
            .filter(|r| r.document == d.document && r.claim.subject.is_none())
            .map(|r| r.claim.sentence.start)
            .collect();
        let claimed = |p: &TargetPart| starts.iter().any(|s| p.span.0 <= *s && *s < p.span.1);
        let main = main_place(&d.about);
        let (split, own) = split_parts(&d.about, main.as_deref(), claimed);
        // A roundup's own place is its opening's: it leads the report's
        // places.
        let own = own.map(String::from);
        if let Some(own) = own.filter(|o| main.as_ref() != Some(o)) {
            let name = d
                .about
                .parts
                .first()
                .and_then(|p| p.places.first())
                .map_or_else(|| own.clone(), |(_, n)| n.clone());
            d.about.places.retain(|p| p.key != own);
            d.about.places.insert(
                0,
                TargetPlace {
                    key: own,
                    name,
                    score: 1,
                    strong: true,
                    country: false,
                },
            );
        }
        let mut units: Vec<(usize, Target)> = Vec::new();
        for (p, u) in d.about.parts.iter().zip(&split) {
            let Some(u) = *u else { continue };
            part_units.entry(d.document).or_default().push((p.span, u));
            let at = match units.iter().position(|(v, _)| *v == u) {
                Some(at) => at,
                None => {
                    units.push((
                        u,
                        Target {
                            date: d.about.date.clone(),
                            ..Target::default()
                        },
                    ));
                    units.len() - 1
                }
            };
            let Some((_, t)) = units.get_mut(at) else { continue };
            for (key, name) in &p.places {
                if !t.places.iter().any(|q| q.key == *key) {
                    t.places.push(TargetPlace {
                        key: key.clone(),
                        name: name.clone(),
                        score: 1,
                        strong: true,
                        country: false,
                    });
                }
            }
            for (k, n) in &p.kinds {
                match t.kinds.iter_mut().find(|(id, _)| id == k) {
                    Some((_, m)) => *m += n,
                    None => t.kinds.push((k.clone(), *n)),
                }
                if let Some((_, m)) = d.about.kinds.iter_mut().find(|(id, _)| id == k) {
                    *m = m.saturating_sub(*n);
                }
            }
        }
        d.about.kinds.retain(|(_, n)| *n > 0);
        d.about.kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
        for (u, mut t) in units {
            t.kinds.sort_by_key(|k| std::cmp::Reverse(k.1));
            parts_of.push(Doc {
                day: d.day,
                document: d.document,
                unit: (d.document, u),
                about: t,
                legacy: false,
            });
        }
    }
    docs.extend(parts_of);
    let mut by_place: HashMap<&str, Vec<(&Doc, &TargetPlace)>> = HashMap::new();
    for d in &docs {
        if let Some(p) = d
            .about
            .places
            .iter()
            .find(|p| p.strong || strong.contains(&p.key))
        {
            by_place.entry(p.key.as_str()).or_default().push((d, p));
        }
    }
    let label = |k: &str| {
        kinds
            .iter()
            .find(|(id, _)| id == k)
            .map_or_else(|| k.replace('_', " "), |(_, l)| l.clone())
    };
    let mut auto: HashMap<Unit, String> = HashMap::new();
    struct Built<'a> {
        place: &'a str,
        place_name: String,
        kind: Option<String>,
        days: Option<(i64, i64)>,
        id: String,
        title: String,
        documents: Vec<Unit>,
    }
    let mut built: Vec<Built<'_>> = Vec::new();
    let mut places: Vec<_> = by_place.into_iter().collect();
    places.sort_by(|a, b| a.0.cmp(b.0));
    for (place, mut docs) in places {
        docs.sort_by_key(|(d, _)| (d.day, d.unit));
        // Windows of dates.
        let mut windows: Vec<Vec<(&Doc, &TargetPlace)>> = Vec::new();
        let mut last: Option<i64> = None;
        for (d, p) in docs {
            let starts_new = match (windows.is_empty(), last, d.day) {
                (true, _, _) => true,
                (false, Some(l), Some(day)) => day - l > WINDOW_DAYS,
                _ => false,
            };
            if starts_new {
                windows.push(Vec::new());
            }
            if d.day.is_some() {
                last = d.day;
            }
            if let Some(w) = windows.last_mut() {
                w.push((d, p));
            }
        }
        for mut w in windows {
            // Groups by kind: the reports with the most cues lead.
            w.sort_by_key(|(d, _)| std::cmp::Reverse(d.about.kinds.iter().map(|(_, n)| n).sum::<usize>()));
            // Each group: its kinds' cue counts, its reports.
            type Group<'d> = (HashMap<String, usize>, Vec<(&'d Doc, &'d TargetPlace)>);
            let mut groups: Vec<Group<'_>> = Vec::new();
            for (d, p) in w {
                let best = groups
                    .iter()
                    .enumerate()
                    .map(|(i, (profile, _))| (i, cosine(&d.about.kinds, profile)))
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                // A report with few cues is weak evidence of its kind: it
                // joins a group rather than start one.
                let few = d.about.kinds.iter().map(|(_, n)| n).sum::<usize>() < FEW_CUES;
                let at = match best {
                    Some((i, c)) if c >= SAME_KIND || (few && c > 0.0) => i,
                    _ if few && !groups.is_empty() => groups
                        .iter()
                        .enumerate()
                        .max_by_key(|(_, g)| g.1.len())
                        .map_or(0, |(i, _)| i),
                    _ => {
                        groups.push((HashMap::new(), Vec::new()));
                        groups.len() - 1
                    }
                };
                if let Some(g) = groups.get_mut(at) {
                    for (k, n) in &d.about.kinds {
                        *g.0.entry(k.clone()).or_default() += n;
                    }
                    g.1.push((d, p));
                }
            }
            for (profile, members) in groups {
                let kind = profile
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(k, _)| k.clone());
                let first = members.iter().filter_map(|(d, _)| d.day).min();
                let legacy = members.iter().all(|(d, _)| d.legacy);
                // The name most of its reports write.
                let mut written: Vec<(&str, usize)> = Vec::new();
                for (_, p) in &members {
                    match written.iter_mut().find(|(n, _)| *n == p.name) {
                        Some((_, c)) => *c += 1,
                        None => written.push((p.name.as_str(), 1)),
                    }
                }
                let name = written.iter().max_by_key(|(_, c)| *c).map_or(place, |(n, _)| *n);
                let date = first.map(civil);
                let id = match (legacy, kind.as_deref(), &date) {
                    (false, Some(k), Some(date)) => format!("auto:{place}:{k}:{date}"),
                    (false, Some(k), None) => format!("auto:{place}:{k}"),
                    (_, _, Some(date)) => format!("auto:{place}:{date}"),
                    (_, _, None) => format!("auto:{place}"),
                };
                let title = match (legacy, kind.as_deref()) {
                    (false, Some(k)) => format!("{} in {name}", label(k)),
                    (false, None) => format!("Events in {name}"),
                    (true, _) => format!("Reports about {name}"),
                };
                let title = match (&date, legacy) {
                    (Some(date), false) => format!("{title}, {date}"),
                    _ => title,
                };
                let last = members.iter().filter_map(|(d, _)| d.day).max();
                built.push(Built {
                    place,
                    place_name: name.to_string(),
                    kind,
                    days: first.zip(last),
                    id,
                    title,
                    documents: members.iter().map(|(d, _)| d.unit).collect(),
                });
            }
        }
    }
    // A report that names only a country joins the largest event of the
    // same kind and dates in a place of that country (SA joins SA.11).
    let country_of = |p: &str| -> Option<String> {
        let (c, _) = p.split_once('.')?;
        (c.len() == 2 && c.chars().all(|c| c.is_ascii_uppercase())).then(|| c.to_string())
    };
    let is_country = |p: &str| p.len() == 2 && p.chars().all(|c| c.is_ascii_uppercase());
    // Groups whose reports name each other's places are one event (a wire
    // from Beirut or Washington on the Ghwayran prison, a report that names
    // Ghwayran more than Hasakah).
    let places_of: HashMap<Unit, Vec<&str>> = docs
        .iter()
        .map(|d| (d.unit, d.about.places.iter().map(|p| p.key.as_str()).collect()))
        .collect();
    let groups: Vec<Group<'_>> = built
        .iter()
        .map(|b| Group {
            place: b.place,
            kind: b.kind.as_deref(),
            days: b.days,
            documents: &b.documents,
        })
        .collect();
    let mut into = merge_by_places(&groups, &places_of);
    for (i, b) in built.iter().enumerate() {
        if !is_country(b.place) || into[i].is_some() {
            continue;
        }
        let near = |o: &Built<'_>| match (b.days, o.days) {
            (Some((f, l)), Some((of, ol))) => f - ol <= WINDOW_DAYS && of - l <= WINDOW_DAYS,
            _ => true,
        };
        into[i] = built
            .iter()
            .enumerate()
            .filter(|(_, o)| country_of(o.place).as_deref() == Some(b.place) && o.kind == b.kind && near(o))
            .max_by_key(|(j, o)| (o.documents.len(), std::cmp::Reverse(*j)))
            .map(|(j, _)| j);
    }
    for (i, b) in built.iter().enumerate() {
        // Follow the merges to their end (each goes to a larger group).
        let mut t = i;
        for _ in 0..built.len() {
            match into.get(t).copied().flatten() {
                Some(j) if j != t => t = j,
                _ => break,
            }
        }
        let target = built.get(t).unwrap_or(b);
        names
            .entry(target.id.clone())
            .or_insert_with(|| target.title.clone());
        about
            .entry(target.id.clone())
            .or_insert_with(|| (target.place_name.clone(), target.kind.clone()));
        for d in &b.documents {
            auto.insert(*d, target.id.clone());
        }
    }
    // The user's file.
    let mut merged: HashMap<&str, &str> = HashMap::new();
    let mut by_doc: HashMap<&str, &str> = HashMap::new();
    for e in &file.event {
        if let Some(n) = &e.name {
            names.insert(e.id.clone(), n.clone());
        }
        for m in &e.merge {
            merged.insert(m, &e.id);
        }
        for d in &e.documents {
            by_doc.insert(d, &e.id);
        }
    }
    let mut ids: Vec<String> = rows
        .iter()
        .map(|r| match &r.claim.subject {
            Some(s) => s.clone(),
            None => match by_doc.get(r.doc.doc.as_str()) {
                Some(id) => id.to_string(),
                None => {
                    let s = r.claim.sentence.start;
                    let unit = part_units
                        .get(&r.document)
                        .and_then(|v| v.iter().find(|((a, b), _)| *a <= s && s < *b))
                        .map_or(0, |(_, u)| *u);
                    auto.get(&(r.document, unit))
                        .or_else(|| auto.get(&(r.document, 0)))
                        .cloned()
                        .unwrap_or_else(|| format!("doc:{}", r.doc.doc))
                }
            },
        })
        .collect();
    let found = |r: &LedgerRow| r.claim.subject.is_none() && !by_doc.contains_key(r.doc.doc.as_str());
    recalled(rows, &mut ids, found, calendar, &mut names, &mut about);
    for id in &mut ids {
        // Follow merges (a chain of them, never a loop).
        for _ in 0..16 {
            match merged.get(id.as_str()) {
                Some(to) if *to != id => *id = to.to_string(),
                _ => break,
            }
        }
    }
    Assigned { ids, names, about }
}

/// Moves the claims whose sentence names a year long before their event's
/// own time (`in October 2027, nine gunmen stormed …` in a report of 2031)
/// to an event of that year, `<event>:recalled:<year>`: a report that
/// recalls an earlier attack does not make its figures the new one's.
/// An event's own time is its first report's date; for an event with no
/// dated report, the latest year its claims' sentences name. A year with
/// its month is long before when the month ended more than
/// [`WINDOW_DAYS`] before; a year alone, when it is an earlier year. Only
/// the claims `found` says were grouped by what their report is about move
/// (not a known event's, nor those the user's file places).
fn recalled(
    rows: &[LedgerRow],
    ids: &mut [String],
    found: impl Fn(&LedgerRow) -> bool,
    calendar: &Calendar,
    names: &mut HashMap<String, String>,
    about: &mut HashMap<String, (String, Option<String>)>,
) {
    // The earliest year each claim's sentence names (one reading per sentence).
    let mut by_sentence: HashMap<(i64, u32), Option<YearNamed>> = HashMap::new();
    let named: Vec<Option<YearNamed>> = rows
        .iter()
        .map(|r| {
            if !found(r) {
                return None;
            }
            *by_sentence
                .entry((r.document, r.claim.sentence.start))
                .or_insert_with(|| {
                    calendar
                        .years_named(&r.claim.evidence)
                        .into_iter()
                        .min_by_key(|y| (y.year, y.month))
                })
        })
        .collect();
    // Each event's own time: its first report's day, else the latest year named.
    let mut first_day: HashMap<&str, i64> = HashMap::new();
    let mut latest_year: HashMap<&str, u32> = HashMap::new();
    for ((r, id), y) in rows.iter().zip(ids.iter()).zip(&named) {
        if let Some(d) = r.doc.published.as_deref().and_then(day_number) {
            let e = first_day.entry(id).or_insert(d);
            *e = (*e).min(d);
        }
        if let Some(y) = y {
            let e = latest_year.entry(id).or_insert(y.year);
            *e = (*e).max(y.year);
        }
    }
    let long_before = |id: &str, y: YearNamed| match (first_day.get(id), y.month) {
        (Some(&day), Some(m)) => {
            let (ny, nm) = if m == 12 { (y.year + 1, 1) } else { (y.year, m + 1) };
            day_number(&format!("{ny:04}-{nm:02}-01")).is_some_and(|end| end + WINDOW_DAYS <= day)
        }
        (Some(&day), None) => {
            i64::from(y.year) < civil(day).get(..4).and_then(|s| s.parse().ok()).unwrap_or(0)
        }
        (None, _) => latest_year.get(id).is_some_and(|&l| y.year < l),
    };
    let mut moved: Vec<(usize, String)> = ids
        .iter()
        .zip(&named)
        .enumerate()
        .filter_map(|(i, (id, y))| {
            let y = (*y)?;
            long_before(id, y).then(|| (i, format!("{id}:recalled:{}", y.year)))
        })
        .collect();
    // "… in October 2027, nine gunmen freed 63 inmates. Forty-one of
    // those escapees were back within a week.": the next sentence, when it
    // refers back, goes on about the same earlier event.
    let ends: HashMap<(i64, usize), String> = moved
        .iter()
        .filter_map(|(i, to)| {
            rows.get(*i)
                .map(|r| ((r.document, r.claim.sentence.end as usize), to.clone()))
        })
        .collect();
    for (i, r) in rows.iter().enumerate() {
        if named[i].is_some() || !found(r) || moved.iter().any(|(j, _)| *j == i) {
            continue;
        }
        let start = r.claim.sentence.start as usize;
        let before = (start.saturating_sub(GAP)..=start).find_map(|e| ends.get(&(r.document, e)));
        if let Some(to) = before
            && refers_back(&r.claim.evidence)
        {
            moved.push((i, to.clone()));
        }
    }
    for (i, to) in moved {
        let Some(id) = ids.get_mut(i) else { continue };
        if !names.contains_key(&to) {
            let title = names.get(id.as_str()).cloned().unwrap_or_else(|| id.clone());
            let year = to.rsplit(':').next().unwrap_or("");
            names.insert(to.clone(), format!("Recalled in {title}: {year}"));
            if let Some((place, _)) = about.get(id.as_str()).cloned() {
                about.insert(to.clone(), (place, None));
            }
        }
        *id = to;
    }
}

/// At most this many bytes (spaces, a line break) between two sentences
/// of one paragraph.
const GAP: usize = 2;

/// True when a sentence's first words refer back to what the one before
/// told (`of those`, `these`, منهم, هؤلاء).
fn refers_back(sentence: &str) -> bool {
    sentence
        .split_whitespace()
        .take(6)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .any(|w| {
            matches!(
                w.as_str(),
                "those" | "these" | "them" | "منهم" | "هؤلاء" | "وهؤلاء" | "أولئك"
            )
        })
}

/// The `YYYY-MM-DD` a stored date starts with, when it is a real date
/// (`2022-02-31` is not).
pub fn checked_date(date: &str) -> Option<String> {
    day_number(date).map(civil)
}

/// `YYYY-MM-DD` of a day number.
pub fn civil(z: i64) -> String {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_day_numbers() {
        for d in ["1970-01-01", "2022-01-20", "2000-02-29", "2024-12-31"] {
            let n = day_number(d).expect("a date");
            assert_eq!(civil(n), d);
        }
        assert_eq!(
            day_number("2022-01-30"),
            Some(day_number("2022-01-20").unwrap_or(0) + 10)
        );
        assert_eq!(day_number("not a date"), None);
        assert_eq!(day_number("2022-13-01"), None);
        // Each row: a date, and whether it is one.
        let rows: &[(&str, bool)] = &[
            ("2022-02-28", true),
            ("2022-02-29", false),
            ("2024-02-29", true),
            ("1900-02-29", false),
            ("2000-02-29", true),
            ("2022-02-31", false),
            ("2022-04-31", false),
            ("2022-12-31", true),
            ("2022-01-20T10:00:00Z", true),
        ];
        for (i, (d, ok)) in rows.iter().enumerate() {
            assert_eq!(checked_date(d).is_some(), *ok, "row {i}: {d}");
        }
    }

    #[test]
    fn a_user_file_is_checked() {
        assert!(EventFile::parse("[[event]]\nid = \"x\"\nmerge = [\"y\"]\n").is_ok());
        assert!(EventFile::parse("[[event]]\nid = \"\"\n").is_err());
        let e = EventFile::parse("[[event]]\nid = \"x\"\nmerges = [\"y\"]\n").err();
        assert!(e.is_some_and(|e| e.to_string().contains("merges")));
    }
}
