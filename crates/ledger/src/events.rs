//! Events: which event each stored claim is about.
//!
//! In: the stored claims with their documents' fields, the known events'
//! names, and a user's `events.toml` ([`EventFile`]). Out: an event id per
//! claim and a name per event. A claim the extraction tied to a known event
//! (its `subject`) belongs to that event. Any other claim belongs to the
//! event of its document's target (the place or prison it is about) within a
//! date window: reports naming the same target and published within
//! [`WINDOW_DAYS`] of each other are one event, `auto:<target>:<first date>`.
//! A claim with neither is its document's own event, `doc:<doc>`, so that
//! claims about different things never share an event.
//!
//! The user's file then names, merges and splits: an `[[event]]` with an
//! `id` and a `name` names it; `merge = [ids]` folds those events into it;
//! `documents = [doc ids]` takes the claims of those documents that no known
//! event claims into it. Refuses a file that is not TOML of that shape, with
//! the reason.

use isnad_store::LedgerRow;
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
    if !(1..=12).contains(&m) || !(1..=31).contains(&day) {
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

/// The event of every row, in row order, and each event's name.
pub fn assign(
    rows: &[LedgerRow],
    known: &[(String, String)],
    file: &EventFile,
) -> (Vec<String>, HashMap<String, String>) {
    let mut names: HashMap<String, String> = known.iter().cloned().collect();
    // Automatic events: documents by target, clustered by date.
    let mut by_target: HashMap<&str, Vec<(Option<i64>, i64)>> = HashMap::new();
    for r in rows {
        if let Some(t) = r.doc.target.as_deref() {
            let day = r.doc.published.as_deref().and_then(day_number);
            let v = by_target.entry(t).or_default();
            if !v.iter().any(|&(_, d)| d == r.document) {
                v.push((day, r.document));
            }
        }
    }
    let mut auto: HashMap<i64, String> = HashMap::new();
    for (target, mut docs) in by_target {
        docs.sort();
        let mut current: Option<(String, Option<i64>)> = None;
        for (day, doc) in docs {
            let starts_new = match (&current, day) {
                (None, _) => true,
                (Some((_, Some(last))), Some(d)) => d - last > WINDOW_DAYS,
                _ => false,
            };
            if starts_new {
                let id = match day {
                    Some(d) => format!("auto:{target}:{}", civil(d)),
                    None => format!("auto:{target}"),
                };
                names
                    .entry(id.clone())
                    .or_insert_with(|| format!("Reports about {target}"));
                current = Some((id, day));
            } else if let (Some((_, last)), Some(d)) = (&mut current, day) {
                *last = Some(d);
            }
            if let Some((id, _)) = &current {
                auto.insert(doc, id.clone());
            }
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
    let ids = rows
        .iter()
        .map(|r| {
            let raw = match &r.claim.subject {
                Some(s) => s.clone(),
                None => match by_doc.get(r.doc.doc.as_str()) {
                    Some(id) => id.to_string(),
                    None => auto
                        .get(&r.document)
                        .cloned()
                        .unwrap_or_else(|| format!("doc:{}", r.doc.doc)),
                },
            };
            let mut id = raw;
            // Follow merges (a chain of them, never a loop).
            for _ in 0..16 {
                match merged.get(id.as_str()) {
                    Some(to) if *to != id => id = to.to_string(),
                    _ => break,
                }
            }
            id
        })
        .collect();
    (ids, names)
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
    }

    #[test]
    fn a_user_file_is_checked() {
        assert!(EventFile::parse("[[event]]\nid = \"x\"\nmerge = [\"y\"]\n").is_ok());
        assert!(EventFile::parse("[[event]]\nid = \"\"\n").is_err());
        let e = EventFile::parse("[[event]]\nid = \"x\"\nmerges = [\"y\"]\n").err();
        assert!(e.is_some_and(|e| e.to_string().contains("merges")));
    }
}
