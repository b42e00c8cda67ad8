//! Month names and the parsing of dates written in text.
//!
//! In: the months of `data/calendar.toml` (embedded; a user may load their
//! own). Out: a [`Calendar`] that recognises a month name at a token position
//! of a match key (one or two words: يناير, كانون الثاني, jan) and parses a
//! date written in a byline (`30.03.2024`, `2022-01-23`, `23 كانون الثاني
//! 2022`, `January 23, 2022`) to ISO `YYYY-MM-DD`.
//!
//! Hijri months are recognised as months (so a Hijri date is a date) but are
//! not converted: their number is 0 and they give no ISO date.

use crate::morphology;
use crate::normalize::key;
use crate::phrase::Phrases;
use crate::token::{Token, TokenKind, tokenize};
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::LazyLock;

/// The proclitics a month name may carry ([`morphology::CALENDAR_RULES`]),
/// without the empty one. Two of one length cannot both start a word, so
/// their order is shortest first and nothing else.
static PROCLITICS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    morphology::CALENDAR
        .iter()
        .map(|p| p.text())
        .filter(|p| !p.is_empty())
        .collect()
});

/// The calendar file shipped with isnad.
pub const DEFAULT_CALENDAR: &str = include_str!("../../../data/calendar.toml");

#[derive(Deserialize)]
struct File {
    month: Vec<MonthEntry>,
}

#[derive(Deserialize)]
struct MonthEntry {
    number: u8,
    names: Vec<String>,
}

/// Month names by their match keys.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// first word → the names that start with it (numbers of `names`)
    months: FxHashMap<String, Vec<u32>>,
    /// Every name: its words after the first, and its month number.
    names: Phrases<u8>,
}

/// A month found in a token stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthMatch {
    /// 1–12, or 0 for a Hijri month.
    pub number: u8,
    /// How many tokens the name takes.
    pub tokens: usize,
}

impl Calendar {
    /// Parses a calendar file.
    pub fn parse(toml_text: &str) -> Result<Calendar, toml::de::Error> {
        let f: File = toml::from_str(toml_text)?;
        let mut months: FxHashMap<String, Vec<u32>> = FxHashMap::default();
        let mut names = Phrases::new();
        for m in f.month {
            for name in m.names {
                let k = key(&name);
                let mut words = k.split_whitespace();
                if let Some(first) = words.next() {
                    let id = names.push(words.map(Box::from).collect(), m.number, false);
                    months.entry(first.to_string()).or_default().push(id);
                }
            }
        }
        Ok(Calendar { months, names })
    }

    /// The calendar shipped with isnad.
    pub fn builtin() -> Calendar {
        Calendar::parse(DEFAULT_CALENDAR).unwrap_or_else(|_| Calendar {
            months: FxHashMap::default(),
            names: Phrases::new(),
        })
    }

    /// The month named at token `i` of `tokens` over `key`, if any.
    /// A month name may carry the proclitics و ب ف ل, وب and وف
    /// ([`morphology::CALENDAR_RULES`]: بيناير, وبيناير). The longest name
    /// wins, and the word as written before the word without a proclitic.
    pub fn month_at(&self, key: &str, tokens: &[Token], i: usize) -> Option<MonthMatch> {
        let t = tokens.get(i)?;
        if t.kind != TokenKind::Word {
            return None;
        }
        let w = t.text(key);
        // The word itself, then without each proclitic (no allocation: the
        // number recogniser asks this before every digit run).
        let stripped = PROCLITICS
            .iter()
            .filter_map(|p| w.strip_prefix(p).filter(|s| s.chars().count() >= 2));
        for c in std::iter::once(w).chain(stripped) {
            if let Some(ids) = self.months.get(c)
                && let Some(f) = self
                    .names
                    .longest(ids.iter().map(|&id| (id, 0)), key, tokens, i, |_| true)
            {
                return Some(MonthMatch {
                    number: *f.value,
                    tokens: f.end - i,
                });
            }
        }
        None
    }

    /// The first date written in `text`, as `YYYY-MM-DD`.
    pub fn find_date(&self, text: &str) -> Option<String> {
        let k = key(text);
        // Every form of date has a number in it (the key's digits are ASCII).
        if !k.bytes().any(|b| b.is_ascii_digit()) {
            return None;
        }
        let toks = tokenize(&k);
        let num = |i: usize| -> Option<u32> {
            toks.get(i)
                .filter(|t| t.kind == TokenKind::Number && t.len() <= 4)
                .and_then(|t| t.text(&k).parse().ok())
        };
        let punct = |i: usize, set: &[char]| {
            toks.get(i).is_some_and(|t| {
                t.kind == TokenKind::Punct && t.text(&k).chars().next().is_some_and(|c| set.contains(&c))
            })
        };
        for i in 0..toks.len() {
            // 2022-01-23
            if let (Some(y), Some(m), Some(d)) = (num(i), num(i + 2), num(i + 4))
                && toks[i].len() == 4
                && punct(i + 1, &['-', '/', '.'])
                && punct(i + 3, &['-', '/', '.'])
                && let Some(s) = iso(y, m, d)
            {
                return Some(s);
            }
            // 23.01.2022, 23/01/2022
            if let (Some(d), Some(m), Some(y)) = (num(i), num(i + 2), num(i + 4))
                && toks[i + 4].len() == 4
                && punct(i + 1, &['-', '/', '.'])
                && punct(i + 3, &['-', '/', '.'])
                && let Some(s) = iso(y, m, d)
            {
                return Some(s);
            }
            // 23 January 2022, 23 كانون الثاني 2022
            if let Some(d) = num(i)
                && let Some(m) = self.month_at(&k, &toks, i + 1)
                && let Some(y) = num(i + 1 + m.tokens)
                && let Some(s) = iso(y, m.number as u32, d)
            {
                return Some(s);
            }
            // January 23, 2022; Jan. 23, 2022
            if let Some(m) = self.month_at(&k, &toks, i) {
                let mut at = i + m.tokens;
                if punct(at, &['.']) {
                    at += 1;
                }
                let Some(d) = num(at) else { continue };
                let mut j = at + 1;
                if punct(j, &[',']) {
                    j += 1;
                }
                if let Some(y) = num(j)
                    && let Some(s) = iso(y, m.number as u32, d)
                {
                    return Some(s);
                }
            }
        }
        None
    }
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1000..=2999).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_usual_shapes() {
        let c = Calendar::builtin();
        let cases = [
            ("سامر المحمود- صحفي سوري | 30.03.2024", Some("2024-03-30")),
            ("نشر في 2022-01-23 الساعة 10", Some("2022-01-23")),
            ("الحسكة، 23 كانون الثاني 2022", Some("2022-01-23")),
            ("الأحد ٢٣ يناير ٢٠٢٢", Some("2022-01-23")),
            ("January 27, 2022", Some("2022-01-27")),
            ("HASAKAH, Syria, Jan. 27, 2022 (AFP)", Some("2022-01-27")),
            ("WASHINGTON, Feb. 3, 2022", Some("2022-02-03")),
            ("27 jan 2022", Some("2022-01-27")),
            ("قتل 12 شخصا", None),
        ];
        for (text, want) in cases {
            assert_eq!(c.find_date(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn two_word_months_win_over_one_word_ones() {
        let c = Calendar::builtin();
        let k = key("في تشرين الثاني");
        let t = tokenize(&k);
        assert_eq!(
            c.month_at(&k, &t, 1),
            Some(MonthMatch {
                number: 11,
                tokens: 2
            })
        );
    }

    #[test]
    fn month_names_take_their_proclitics() {
        let c = Calendar::builtin();
        let rows: &[(&str, Option<(u8, usize)>)] = &[
            ("بيناير", Some((1, 1))),
            ("وبكانون الثاني", Some((1, 2))),
            ("فشباط", Some((2, 1))),
            ("لأيار", Some((5, 1))),
            ("وفيناير", Some((1, 1))),
            ("فبراير", Some((2, 1))),
            ("كيناير", None),
            ("وليناير", None),
            ("بب", None),
        ];
        for &(text, want) in rows {
            let k = key(text);
            let t = tokenize(&k);
            assert_eq!(
                c.month_at(&k, &t, 0).map(|m| (m.number, m.tokens)),
                want,
                "{text}"
            );
        }
    }
}
