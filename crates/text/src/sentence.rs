//! Sentence splitting over a normalised key.
//!
//! In: a match key (quotes, question marks and digits already folded). Out:
//! the byte ranges of its sentences, trimmed of white space, in order.
//!
//! A sentence ends at `.`, `!`, `?`, `…` or a line break, and takes the
//! closing quotes and brackets that follow its terminator. A line break
//! inside a hard-wrapped English paragraph (wire copy and plain-text
//! archives wrap lines at a fixed width) is no end: see `soft_wrap`. It does not end at
//! a full stop inside a number (`1.500`), after a lone letter (the initials
//! `د. ج.`, `J. Smith`), or after a common abbreviation (`Gen.`, `U.S.`).
//! Inside a double quote that closes in the same paragraph it does not end at
//! all, so a quoted statement stays with the verb that introduces it.

use std::ops::Range;

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "maj", "capt", "sgt", "st", "jr", "sr", "prof", "rep",
    "sen", "gov", "pres", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "est",
];

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '}')
}

/// The word (letters and inner dots) that ends before a full stop, carried
/// from one full stop to the next: inside one run of letters and dots the
/// word only grows, so every byte is read once. (Scanning back from each
/// full stop made `a.a.a.…` and `a.....` quadratic.)
#[derive(Default)]
struct WordBefore {
    /// The key offset the word ends at.
    end: usize,
    /// Where it starts.
    start: usize,
    /// How many letters it has.
    letters: usize,
    /// Where its first letter is.
    first_letter: Option<usize>,
}

impl WordBefore {
    fn in_word(c: char) -> bool {
        crate::letter::is_letter(c) || c == '.'
    }

    /// Moves the word's end to `end` (a character boundary).
    fn advance(&mut self, key: &str, end: usize) {
        if end < self.end {
            *self = WordBefore::default();
        }
        let from = self.end;
        let gap = &key[from..end];
        if let Some((i, c)) = gap.char_indices().rev().find(|&(_, c)| !Self::in_word(c)) {
            *self = WordBefore {
                start: from + i + c.len_utf8(),
                ..WordBefore::default()
            };
        }
        let count_from = self.start.max(from);
        for (i, c) in key[count_from..end].char_indices() {
            if crate::letter::is_letter(c) {
                self.letters += 1;
                self.first_letter.get_or_insert(count_from + i);
            }
        }
        self.end = end;
    }
}

fn no_break_after_dot(key: &str, dot: usize, word: &mut WordBefore) -> bool {
    let bytes = key.as_bytes();
    // Inside a number: 1.500, 3.5
    let prev_digit = dot > 0 && bytes[dot - 1].is_ascii_digit();
    let next_digit = bytes.get(dot + 1).is_some_and(|b| b.is_ascii_digit());
    if prev_digit && next_digit {
        return true;
    }
    word.advance(key, dot);
    if word.letters == 1 {
        return true;
    }
    // The word without its leading dots.
    word.first_letter
        .is_some_and(|f| ABBREVIATIONS.contains(&&key[f..dot]))
}

/// True when the line break at `nl` wraps a line of an English paragraph
/// rather than ending it. The line before ends in a Latin letter, a digit, a
/// comma or a hyphen; the line after is not indented (indented wrapped text
/// opens a new paragraph); and either the line after opens with a lower-case
/// letter in the original (`lower`, given the key offset), or the line before
/// ends in a word no English sentence ends in (a preposition, an article, a
/// conjunction), or it runs long (40 bytes or more) and the line after opens
/// with a Latin letter, a digit, a quote or a bracket. Headlines, datelines, list items and Arabic
/// lines (which end in Arabic letters or a full stop) keep their breaks.
fn soft_wrap(key: &str, nl: usize, lower: &dyn Fn(usize) -> bool) -> bool {
    let bytes = key.as_bytes();
    let line_start = memchr::memrchr(b'\n', &bytes[..nl]).map_or(0, |p| p + 1);
    let before = key[line_start..nl].trim_end_matches('\r').trim_end();
    let Some(&first) = bytes.get(nl + 1) else {
        return false;
    };
    let ends_open = before
        .bytes()
        .last()
        .is_some_and(|b| b.is_ascii_alphanumeric() || b == b',' || b == b'-');
    let opens = first.is_ascii_alphanumeric() || matches!(first, b'"' | b'(' | b'\'');
    let last_word = before.rsplit(' ').next().unwrap_or("");
    ends_open
        && ((first.is_ascii_alphabetic() && lower(nl + 1))
            || (opens && (before.len() >= 40 || RUNS_ON.contains(&last_word))))
}

/// English words a sentence or a headline does not end in.
const RUNS_ON: &[&str] = &[
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "by", "with", "into", "and", "or", "but",
    "that",
];

/// For each byte offset of a `"` that opens a quote closing in the same
/// paragraph, the offset of its closing quote.
fn quoted_regions(key: &str, lower: &dyn Fn(usize) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    // The quotes of the paragraph being read.
    let mut quotes: Vec<usize> = Vec::new();
    let mut close = |quotes: &mut Vec<usize>| {
        if quotes.len().is_multiple_of(2) {
            for pair in quotes.chunks(2) {
                out.push(pair[0]..pair[1]);
            }
        }
        quotes.clear();
    };
    for i in memchr::memchr2_iter(b'"', b'\n', key.as_bytes()) {
        if key.as_bytes()[i] == b'"' {
            quotes.push(i);
        } else if !soft_wrap(key, i, lower) {
            close(&mut quotes);
        }
    }
    close(&mut quotes);
    out
}

/// The sentences of `key`, as trimmed byte ranges.
pub fn sentences(key: &str) -> Vec<Range<usize>> {
    sentences_cased(key, &|_| false)
}

/// The sentences of `text`'s match key `n` (key ranges), reading the case
/// of wrapped lines from `text`.
pub fn sentences_of(text: &str, n: &crate::Normalized) -> Vec<Range<usize>> {
    let lower = |k: usize| {
        text.get(n.to_input(k..k + 1).start..)
            .is_some_and(|t| t.starts_with(|c: char| c.is_lowercase()))
    };
    sentences_cased(n.as_str(), &lower)
}

/// As [`sentences`], told by `lower` whether the letter at a key offset is
/// lower case in the original text (the key is folded to lower case), so
/// that a wrapped line that opens in lower case runs on.
pub fn sentences_cased(key: &str, lower: &dyn Fn(usize) -> bool) -> Vec<Range<usize>> {
    let quoted = quoted_regions(key, lower);
    let in_quote = |i: usize| {
        let k = quoted.partition_point(|r| r.end < i);
        quoted.get(k).is_some_and(|r| r.start < i && i < r.end)
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut word = WordBefore::default();
    let bytes = key.as_bytes();
    let mut i = 0;
    // Every byte that can end a sentence is ASCII or starts `…` (E2 80 A6),
    // and no byte inside a character is either: scan bytes, not characters,
    // the common ends and the rare ones each found by memchr, in order.
    let mut common = memchr::memchr3_iter(b'.', b'\n', b'?', bytes).peekable();
    let mut rare = memchr::memchr3_iter(b'!', b'\r', 0xE2, bytes).peekable();
    loop {
        while common.next_if(|&k| k < i).is_some() {}
        while rare.next_if(|&k| k < i).is_some() {}
        i = match (common.peek(), rare.peek()) {
            (Some(&a), Some(&b)) => a.min(b),
            (Some(&a), None) => a,
            (None, Some(&b)) => b,
            (None, None) => break,
        };
        let Some(c) = key[i..].chars().next() else { break };
        let end = match c {
            '\n' if soft_wrap(key, i, lower) => None,
            '\r' if bytes.get(i + 1) == Some(&b'\n') && soft_wrap(key, i + 1, lower) => None,
            '\n' | '\r' => Some(i),
            '.' | '!' | '?' | '…' => {
                if c == '.' && no_break_after_dot(key, i, &mut word) {
                    None
                } else {
                    let mut e = i + c.len_utf8();
                    let mut closes_quote = false;
                    for d in key[e..].chars() {
                        if matches!(d, '.' | '!' | '?' | '…') || is_closer(d) {
                            // The regions are in order and apart: their
                            // ends are sorted, so a search, not a scan
                            // (a scan made closing quotes quadratic).
                            closes_quote |= d == '"' && quoted.binary_search_by_key(&e, |r| r.end).is_ok();
                            e += d.len_utf8();
                        } else {
                            break;
                        }
                    }
                    (closes_quote || !in_quote(i)).then_some(e)
                }
            }
            _ => None,
        };
        match end {
            Some(e) => {
                push_trimmed(key, start..e, &mut out);
                start = if c == '\n' || c == '\r' { i + 1 } else { e };
                i = start.max(i + 1);
            }
            None => i += c.len_utf8(),
        }
    }
    push_trimmed(key, start..key.len(), &mut out);
    out
}

fn push_trimmed(key: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &key[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(key: &str) -> Vec<&str> {
        sentences(key).into_iter().map(|r| &key[r]).collect()
    }

    #[test]
    fn splits_at_arabic_and_latin_terminators() {
        assert_eq!(
            split("قال كذا. ثم ماذا? نعم! x"),
            vec!["قال كذا.", "ثم ماذا?", "نعم!", "x"]
        );
    }

    #[test]
    fn keeps_numbers_initials_and_abbreviations() {
        assert_eq!(split("قتل 1.500 شخص. تم"), vec!["قتل 1.500 شخص.", "تم"]);
        assert_eq!(
            split("اسمه (د. ج.) وهو قيادي. ثم"),
            vec!["اسمه (د. ج.) وهو قيادي.", "ثم"]
        );
        assert_eq!(
            split("gen. smith in the u.s. said so. then"),
            vec!["gen. smith in the u.s. said so.", "then"]
        );
    }

    #[test]
    fn a_quote_stays_whole_and_takes_its_closer() {
        assert_eq!(
            split("قال: \"جاءت العملية. كان لهم دور.\" ثم غادر. بعد"),
            vec!["قال: \"جاءت العملية. كان لهم دور.\"", "ثم غادر.", "بعد"]
        );
        assert_eq!(split("قال \"انتهى.\" وبعد"), vec!["قال \"انتهى.\"", "وبعد"]);
    }

    #[test]
    fn a_hard_wrapped_english_paragraph_is_read_across_its_line_breaks() {
        let rows: &[(&str, &[&str])] = &[
            // Wrapped lines run on; an indented line opens a new paragraph.
            (
                "police entered the temple in amritsar after six people\nincluding four policemen were wounded, police said.\n    police in chandigarh said about\n300 men entered.",
                &[
                    "police entered the temple in amritsar after six people\nincluding four policemen were wounded, police said.",
                    "police in chandigarh said about",
                    "300 men entered.",
                ],
            ),
            // A long line ending in a digit, and a CRLF break.
            (
                "the ministry said the number of people killed rose to 12\r\nafter the blast in the market",
                &[
                    "the ministry said the number of people killed rose to 12\r\nafter the blast in the market",
                ],
            ),
            // A short headline keeps its break.
            (
                "police and security forces\nentered the temple",
                &["police and security forces", "entered the temple"],
            ),
            // A long Arabic line keeps its break.
            (
                "قال المرصد السوري لحقوق الإنسان إن الهجوم وقع ليلا\nوقتل فيه خمسة",
                &[
                    "قال المرصد السوري لحقوق الإنسان إن الهجوم وقع ليلا",
                    "وقتل فيه خمسة",
                ],
            ),
            // Two wrapped lines around a full stop: two sentences.
            (
                "a statement said power supplies were not\naffected by the blast, which slightly damaged the tower. no\ninjuries were reported.",
                &[
                    "a statement said power supplies were not\naffected by the blast, which slightly damaged the tower.",
                    "no\ninjuries were reported.",
                ],
            ),
            // A line ending with its full stop ends its sentence.
            (
                "the ministry said that twelve people had been killed.\nthen",
                &["the ministry said that twelve people had been killed.", "then"],
            ),
        ];
        for (key, want) in rows {
            assert_eq!(split(key), *want, "{key}");
        }
        // A short first line runs on into a line that opens in lower case.
        let text = "Rebels killed 18 soldiers on\nMindanao island, the army said.\nOfficials said\nit was calm.\nHeadline\nBody";
        let key = text.to_lowercase();
        let lower = |k: usize| text[k..].starts_with(|c: char| c.is_lowercase());
        let got: Vec<&str> = sentences_cased(&key, &lower)
            .into_iter()
            .map(|r| &key[r])
            .collect();
        assert_eq!(
            got,
            [
                "rebels killed 18 soldiers on\nmindanao island, the army said.",
                "officials said\nit was calm.",
                "headline",
                "body"
            ]
        );
    }

    /// Keys that once cost time quadratic in their length (every closing
    /// quote compared with every quote; every full stop scanning back over
    /// its whole run of letters and dots): each, at a size that took
    /// seconds to minutes then, within a limit that fails the test.
    #[test]
    fn quotes_and_runs_of_dots_are_split_in_linear_time() {
        let n = 100_000;
        let rows: &[(&str, String)] = &[
            ("closing quotes", "قال \"نعم 5.\" ".repeat(n)),
            ("letters and dots", "a.".repeat(n)),
            ("one letter, many dots", "a".to_string() + &".".repeat(n)),
            ("initials", "j. ".repeat(n)),
        ];
        for (name, key) in rows {
            let t = std::time::Instant::now();
            let _ = sentences(key);
            let took = t.elapsed();
            assert!(took.as_secs() < 10, "{name}: {took:?} for {} bytes", key.len());
        }
    }

    #[test]
    fn dots_in_words_end_sentences_as_before() {
        // (key, sentences): the word before a full stop read once per run.
        let rows: &[(&str, &[&str])] = &[
            (
                "قال \"نعم.\" ثم \"لا.\" بعد",
                &["قال \"نعم.\"", "ثم \"لا.\"", "بعد"],
            ),
            ("a.b.c. next", &["a.b.", "c.", "next"]),
            ("x. y. z", &["x. y. z"]),
            ("the u.s. said. e.g. this", &["the u.s. said.", "e.g. this"]),
            ("...u.s. then", &["...", "u.s. then"]),
            ("end of it.. next", &["end of it..", "next"]),
            ("ab.cd. ef", &["ab.", "cd.", "ef"]),
            ("قال المصدر. ثم", &["قال المصدر.", "ثم"]),
        ];
        for (key, want) in rows {
            assert_eq!(split(key), *want, "{key}");
        }
    }

    #[test]
    fn line_breaks_end_sentences_and_blank_lines_vanish() {
        assert_eq!(
            split("عنوان\n\nنص اول\nنص ثان"),
            vec!["عنوان", "نص اول", "نص ثان"]
        );
    }
}
