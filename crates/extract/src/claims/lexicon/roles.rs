//! The names of the data that the rules rely on, checked when the data
//! loads.
//!
//! The facet rules tell sides apart (a source's own dead count with its
//! side; gunmen counted with nothing said of them are the attackers), read
//! an arrest of escapees as their recapture, rank
//! people-words (a side over prisoners or groups), treat a count of days or
//! hours as a duration only after a duration cue, and give the attackers'
//! count and a force's strength without a cue row. Each name they need is resolved here, once; a
//! facets.toml that lacks one, a sources.toml whose side is not one of the
//! four, a list that names a facet no row defines, is a load error naming
//! the file and the entry.

use super::FacetTables;
use super::files::{FacetsFile, SourceEntry};
use crate::numbers::LexiconError;

/// The people-words (`[[who]]`) the rules need, by name.
const WHO: [&str; 6] = [
    "attackers",
    "security",
    "civilians",
    "prisoners",
    "groups",
    "members",
];
/// The events (`[[event]]`) the rules need.
const EVENTS: [&str; 9] = [
    "killed",
    "sentenced",
    "duration",
    "arrested",
    "captured",
    "escaped",
    "recaptured",
    "attacked",
    "hostage_taken",
];
/// The facets the rules give without a cue row.
const FACETS: [&str; 2] = ["attackers_count", "forces_deployed"];
/// The sides a source may speak for (`side` in sources.toml).
const SIDES: [&str; 4] = ["security", "insurgent", "civilian", "neutral"];

/// What the rules rely on in facets.toml, as indices into its tables.
#[derive(Debug, Clone)]
pub(crate) struct Roles {
    /// The people-word of the attacking, insurgent side.
    pub(crate) attackers: u16,
    /// The people-word of the security forces.
    pub(crate) security: u16,
    /// The people-word of civilians.
    pub(crate) civilians: u16,
    /// Prisoners and groups: less specific than a side.
    pub(crate) prisoners: u16,
    /// See [`Roles::prisoners`].
    pub(crate) groups: u16,
    /// Members (عناصر): less specific than a side, more than prisoners.
    pub(crate) members: u16,
    /// The event of the dead.
    pub(crate) killed: u16,
    /// A sentence passed: a count of those sentenced is no claim about
    /// the event (sentenced five to death).
    pub(crate) sentenced: u16,
    /// The event that makes a count of days or hours a duration.
    pub(crate) duration: u16,
    /// An arrest: of those who escaped, their recapture.
    pub(crate) arrested: u16,
    /// A capture: an arrest, but in a war between states the enemy taken
    /// prisoner, who are no arrest.
    pub(crate) captured: u16,
    /// See [`Roles::arrested`].
    pub(crate) escaped: u16,
    /// See [`Roles::arrested`].
    pub(crate) recaptured: u16,
    /// The attackers' deed: in the passive ("were attacked"), its count is
    /// of the attacked.
    pub(crate) attacked: u16,
    /// Hostage-taking: gunmen who abduct (ثلاثة مقنعين اختطفوا) are the
    /// attackers.
    pub(crate) hostage_taken: u16,
    /// The facet of the attackers' number.
    pub(crate) attackers_count: String,
    /// The facet of a force's strength.
    pub(crate) forces_deployed: String,
}

fn position(file_entry: &str, names: &[String], name: &str, need: &[&str]) -> Result<u16, LexiconError> {
    names
        .iter()
        .position(|n| n == name)
        .map(|i| i as u16)
        .ok_or_else(|| {
            LexiconError::new(
                "facets.toml",
                format!(
                    "no {file_entry} named \"{name}\" (the rules need {})",
                    need.join(", ")
                ),
            )
        })
}

impl Roles {
    /// Resolves the names the rules need in `ff`'s compiled tables, and
    /// checks that the lists naming facets name defined ones.
    pub(super) fn resolve(ff: &FacetsFile, t: &FacetTables) -> Result<Roles, LexiconError> {
        let who = |n: &str| position("[[who]]", &t.who_names, n, &WHO);
        let event = |n: &str| position("[[event]]", &t.event_names, n, &EVENTS);
        let facet = |n: &str| {
            t.facets
                .iter()
                .any(|f| f.name == n)
                .then(|| n.to_string())
                .ok_or_else(|| {
                    LexiconError::new(
                        "facets.toml",
                        format!(
                            "no [[facet]] named \"{n}\" (the rules need {})",
                            FACETS.join(", ")
                        ),
                    )
                })
        };
        for (list, names) in [
            ("things", &ff.things),
            ("prison_facets", &ff.prison_facets),
            ("cumulative", &ff.cumulative),
        ] {
            let defined = |n: &String| t.facets.iter().any(|f| f.name == *n) || t.durations.contains(n);
            if let Some(n) = names.iter().find(|n| !defined(n)) {
                return Err(LexiconError::new(
                    "facets.toml",
                    format!("{list} names \"{n}\", which no [[facet]] nor unit defines"),
                ));
            }
        }
        Ok(Roles {
            attackers: who("attackers")?,
            security: who("security")?,
            civilians: who("civilians")?,
            prisoners: who("prisoners")?,
            groups: who("groups")?,
            members: who("members")?,
            killed: event("killed")?,
            sentenced: event("sentenced")?,
            duration: event("duration")?,
            arrested: event("arrested")?,
            captured: event("captured")?,
            escaped: event("escaped")?,
            recaptured: event("recaptured")?,
            attacked: event("attacked")?,
            hostage_taken: event("hostage_taken")?,
            attackers_count: facet("attackers_count")?,
            forces_deployed: facet("forces_deployed")?,
        })
    }

    /// The people-word of the side source `s` speaks for (none for a
    /// neutral one, or with no side given).
    pub(super) fn side_of(&self, s: &SourceEntry) -> Result<Option<u16>, LexiconError> {
        match s.side.as_deref() {
            None | Some("neutral") => Ok(None),
            Some("security") => Ok(Some(self.security)),
            Some("insurgent") => Ok(Some(self.attackers)),
            Some("civilian") => Ok(Some(self.civilians)),
            Some(other) => Err(LexiconError::new(
                "sources.toml",
                format!(
                    "source \"{}\": side \"{other}\" is not one of {}",
                    s.id,
                    SIDES.join(", ")
                ),
            )),
        }
    }
}
