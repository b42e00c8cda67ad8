//! Page furniture: the parts of a page's text that are not the article.
//!
//! In: a document's text (plain text as published, or the text the HTML
//! reader kept) and [`FurnitureRules`] from `data/furniture.toml`. Out: the
//! byte ranges of that text which are furniture: share prompts and calls to
//! action, "most read" and "related" headings, WordPress-style shortcodes
//! (`[tptn_list show_date="1"]`), and the teasers of other articles that
//! follow a "read also" marker. Numbers in furniture are never claims.
//!
//! A line is judged by its match key with punctuation removed, so the rules
//! hold for every spelling (إقرأوا أيضاً: and اقراوا ايضا are one line). A
//! teaser is recognised by its shape, not its words: a marker line followed
//! by a short line that carries a date (the teaser's byline). Then everything
//! up to the next marker, or the end of the page, is furniture.

use crate::normalize::key;
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::Range;

/// The furniture rules shipped with isnad.
pub const DEFAULT_FURNITURE: &str = include_str!("../data/furniture.toml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    lines: LinesSection,
    teasers: TeasersSection,
    html: HtmlSection,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HtmlSection {
    skip_tags: Vec<String>,
    furniture_words: Vec<String>,
    content_words: Vec<String>,
}

/// Rules for the HTML reader: which elements are furniture, which the body.
#[derive(Debug, Clone, Default)]
pub struct HtmlRules {
    /// Elements whose whole content is furniture.
    pub skip_tags: HashSet<String>,
    /// Class or id words that mark furniture.
    pub furniture_words: HashSet<String>,
    /// Class or id words that mark the article body.
    pub content_words: HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LinesSection {
    max_chars: usize,
    equals: Vec<String>,
    #[serde(default)]
    starts: Vec<String>,
    contains: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TeasersSection {
    headline_max_chars: usize,
    markers: Vec<String>,
}

/// The bare form that stands for a line too long to be furniture.
const LONG: &str = "\u{1}";

/// Compiled furniture rules.
#[derive(Debug, Clone)]
pub struct FurnitureRules {
    max_chars: usize,
    equals: HashSet<String>,
    starts: Vec<String>,
    /// The `contains` phrases, padded with spaces (a match is a match of
    /// whole words), all searched for in one pass.
    contains: Option<aho_corasick::AhoCorasick>,
    markers: HashSet<String>,
    headline_max_chars: usize,
    html: HtmlRules,
}

/// A line's key with punctuation removed and spaces collapsed.
fn bare(s: &str) -> String {
    // Brackets inside a word are dropped (اضغط(ي) → اضغطي); other
    // punctuation separates words.
    let k = key(s);
    let mut out = String::with_capacity(k.len());
    let mut gap = false;
    for c in k.chars() {
        if matches!(c, '(' | ')' | '[' | ']') {
            continue;
        }
        if crate::letter::is_letter_or_digit(c) {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

impl FurnitureRules {
    /// Parses a furniture file.
    pub fn parse(toml_text: &str) -> Result<FurnitureRules, toml::de::Error> {
        let f: File = toml::from_str(toml_text)?;
        Ok(FurnitureRules {
            max_chars: f.lines.max_chars,
            equals: f.lines.equals.iter().map(|s| bare(s)).collect(),
            starts: f.lines.starts.iter().map(|s| bare(s)).collect(),
            contains: Some(
                aho_corasick::AhoCorasick::new(f.lines.contains.iter().map(|s| format!(" {} ", bare(s))))
                    .map_err(|e| {
                        <toml::de::Error as serde::de::Error>::custom(format!("lines.contains: {e}"))
                    })?,
            ),
            markers: f.teasers.markers.iter().map(|s| bare(s)).collect(),
            headline_max_chars: f.teasers.headline_max_chars,
            html: HtmlRules {
                skip_tags: f.html.skip_tags.iter().map(|s| s.to_ascii_lowercase()).collect(),
                furniture_words: f
                    .html
                    .furniture_words
                    .iter()
                    .map(|s| s.to_ascii_lowercase())
                    .collect(),
                content_words: f
                    .html
                    .content_words
                    .iter()
                    .map(|s| s.to_ascii_lowercase())
                    .collect(),
            },
        })
    }

    /// The rules shipped with isnad.
    pub fn builtin() -> FurnitureRules {
        FurnitureRules::parse(DEFAULT_FURNITURE).unwrap_or_else(|_| FurnitureRules {
            max_chars: 0,
            equals: HashSet::new(),
            starts: Vec::new(),
            contains: None,
            markers: HashSet::new(),
            headline_max_chars: 0,
            html: HtmlRules::default(),
        })
    }

    /// The rules for HTML elements.
    pub fn html(&self) -> &HtmlRules {
        &self.html
    }

    fn is_marker(&self, b: &str) -> bool {
        self.markers.contains(b)
    }

    fn is_furniture_line(&self, line: &str, b: &str) -> bool {
        if line.chars().count() > self.max_chars {
            return false;
        }
        let padded = format!(" {b} ");
        self.equals.contains(b)
            || self.is_marker(b)
            || self.starts.iter().any(|st| {
                b.strip_prefix(st.as_str())
                    .is_some_and(|r| r.is_empty() || r.starts_with(' '))
            })
            || self.contains.as_ref().is_some_and(|c| c.is_match(&padded))
    }

    /// The furniture ranges of `text`, sorted and not overlapping.
    pub fn find(&self, text: &str) -> Vec<Range<usize>> {
        let lines = line_ranges(text);
        let mut out: Vec<Range<usize>> = Vec::new();
        // Only short lines can be furniture: long ones are not normalised.
        let bares: Vec<String> = lines
            .iter()
            .map(|r| {
                let line = &text[r.clone()];
                if line.len() > self.max_chars
                    && (line.len() > self.max_chars * 4 || line.chars().count() > self.max_chars)
                {
                    LONG.to_string()
                } else {
                    bare(line)
                }
            })
            .collect();
        let mut i = 0;
        while i < lines.len() {
            let line = &text[lines[i].clone()];
            let b = &bares[i];
            if b.is_empty() {
                i += 1;
                continue;
            }
            if self.is_marker(b) && line.chars().count() <= self.max_chars {
                // A teaser block: the next non-empty line is short and dated.
                let next = (i + 1..lines.len()).find(|&j| !bares[j].is_empty());
                let dated = next.is_some_and(|j| {
                    let l = &text[lines[j].clone()];
                    l.chars().count() <= self.max_chars && has_date(l)
                });
                if dated {
                    let end = (i + 1..lines.len())
                        .find(|&j| self.is_marker(&bares[j]))
                        .map(|j| lines[j].start)
                        .unwrap_or(text.len());
                    out.push(lines[i].start..end);
                    i = (i + 1..lines.len())
                        .find(|&j| lines[j].start >= end)
                        .unwrap_or(lines.len());
                    continue;
                }
                // A list of headlines: short lines that do not end a sentence.
                out.push(lines[i].clone());
                let mut j = i + 1;
                while j < lines.len() {
                    let l = text[lines[j].clone()].trim();
                    if l.is_empty() {
                        j += 1;
                        continue;
                    }
                    let headline = l.chars().count() <= self.headline_max_chars
                        && !l.ends_with(['.', '!', '؟', '?', ':', '،', ','])
                        && !self.is_marker(&bares[j]);
                    if !headline {
                        break;
                    }
                    out.push(lines[j].clone());
                    j += 1;
                }
                i = j;
                continue;
            }
            if b != LONG && self.is_furniture_line(line, b) {
                out.push(lines[i].clone());
            } else {
                out.extend(shortcodes(text, lines[i].clone()));
            }
            i += 1;
        }
        out.sort_by_key(|r| r.start);
        out
    }
}

/// The lines of `text` without their line breaks.
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(start..i);
        start = i + 1;
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// True when `line` holds a numeric date: d.m.yyyy, d/m/yyyy, yyyy-mm-dd.
fn has_date(line: &str) -> bool {
    let k = key(line);
    let b = k.as_bytes();
    let mut groups: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            groups.push((s, i));
        } else {
            i += 1;
        }
    }
    groups.windows(3).any(|w| {
        let sep =
            |a: (usize, usize), c: (usize, usize)| c.0 == a.1 + 1 && matches!(b[a.1], b'.' | b'/' | b'-');
        let lens = [w[0].1 - w[0].0, w[1].1 - w[1].0, w[2].1 - w[2].0];
        sep(w[0], w[1])
            && sep(w[1], w[2])
            && ((lens[2] == 4 && lens[0] <= 2 && lens[1] <= 2)
                || (lens[0] == 4 && lens[1] <= 2 && lens[2] <= 2))
    })
}

/// Shortcodes in a line: `[name ...]` and `[/name]`, name in ASCII.
fn shortcodes(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = line.start;
    // Only a `[` can open one.
    while let Some(k) = memchr::memchr(b'[', &b[i..line.end]) {
        i += k;
        let mut j = i + 1;
        if j < line.end && b[j] == b'/' {
            j += 1;
        }
        let name_start = j;
        while j < line.end && (b[j].is_ascii_alphanumeric() || b[j] == b'_' || b[j] == b'-') {
            j += 1;
        }
        let named = j > name_start && b[name_start].is_ascii_alphabetic();
        if named
            && j < line.end
            && (b[j] == b']' || b[j] == b' ')
            && let Some(close) = memchr::memchr(b']', &b[j..line.end])
        {
            let end = j + close + 1;
            out.push(i..end);
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        FurnitureRules::builtin()
            .find(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn share_prompts_and_headings_are_furniture() {
        let text = "fbpx\nعنوان\nلتلقّي أبرز القصص على واتساب إضغط(ي) هنا!\nالأكثر قراءة\nنص المقال هنا.";
        assert_eq!(
            found(text),
            vec!["fbpx", "لتلقّي أبرز القصص على واتساب إضغط(ي) هنا!", "الأكثر قراءة"]
        );
    }

    #[test]
    fn counters_are_furniture() {
        assert_eq!(found("نص.\nعدد المشاهدات: 4٬312\n"), vec!["عدد المشاهدات: 4٬312"]);
    }

    #[test]
    fn a_shortcode_is_furniture_but_its_line_neighbours_are_not() {
        let text = "قبل [tptn_list show_date=\"1\" limit=\"5\"] بعد [1]";
        assert_eq!(found(text), vec!["[tptn_list show_date=\"1\" limit=\"5\"]"]);
    }

    #[test]
    fn a_dated_teaser_runs_to_the_end() {
        let text = "نص.\n\nإقرأوا أيضاً:\n\nفلان الفلاني | 30.03.2024\n\nعنوان آخر\n\nمئات الأطفال يعملون بأجر 100 دولار.";
        let f = found(text);
        assert_eq!(f.len(), 1);
        assert!(f[0].starts_with("إقرأوا أيضاً:") && f[0].ends_with("100 دولار."));
    }

    #[test]
    fn a_marker_followed_by_article_text_takes_only_its_line() {
        let text = "نص.\nإقرأوا أيضاً:\n\nأما النقطة الرابعة فهي حاجة التنظيم إلى 12 مقاتلاً.";
        assert_eq!(found(text), vec!["إقرأوا أيضاً:"]);
    }

    proptest::proptest! {
        #[test]
        fn bare_joins_the_letter_and_digit_runs_of_the_key_without_brackets(
            s in "[a-zA-Z0-9 ()\\[\\],.:ـ\u{0600}-\u{06FF}\u{200F}«»-]{0,40}"
        ) {
            let k: String = key(&s).chars().filter(|c| !matches!(c, '(' | ')' | '[' | ']')).collect();
            let want = k
                .split(|c: char| !crate::letter::is_letter_or_digit(c))
                .filter(|w| !w.is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            proptest::prop_assert_eq!(bare(&s), want);
        }
    }
}
