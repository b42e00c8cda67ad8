//! Metadata written in the text of a page.
//!
//! In: a document's text and its furniture ranges. Out: the [`Metadata`] the
//! text itself gives: the headline (the first content line, joined with the
//! next when it ends in a colon), the byline (a short name line right under
//! the headline, or a line opening with بقلم / كتب / By), the outlet from a
//! closing "المصدر: …" / "Source: …" line, and the first date of the page's
//! head. It never guesses beyond these shapes: a field it cannot see stays
//! empty.

use crate::calendar::Calendar;
use crate::document::Metadata;
use std::ops::Range;

const BYLINE_OPENERS: &[&str] = &["بقلم", "كتب", "كتبت", "إعداد", "اعداد", "by", "written by"];
const SOURCE_OPENERS: &[&str] = &["المصدر", "مصدر الخبر", "source"];

fn content_lines<'t>(text: &'t str, furniture: &[Range<usize>]) -> Vec<(Range<usize>, &'t str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for end in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(text.len())) {
        let r = start..end;
        start = end + 1;
        let line = text[r.clone()].trim();
        if line.is_empty() {
            continue;
        }
        if furniture.iter().any(|f| f.start <= r.start && r.end <= f.end + 1) {
            continue;
        }
        out.push((r, line));
        if start > text.len() {
            break;
        }
    }
    out
}

/// The rest of `line` after one of `openers` (compared without regard to
/// ASCII case; Arabic has none) and the colon or dash after it.
fn strip_opener<'l>(line: &'l str, openers: &[&str]) -> Option<&'l str> {
    for o in openers {
        if line
            .as_bytes()
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes()))
        {
            let rest = line.get(o.len()..)?;
            let rest =
                rest.trim_start_matches(|c: char| c == ':' || c == '-' || c == '：' || c.is_whitespace());
            if !rest.is_empty() && rest.len() < line.len() {
                return Some(rest.trim());
            }
        }
    }
    None
}

fn looks_like_name(line: &str) -> bool {
    // Length first: most lines are paragraphs.
    line.len() <= 60 * 4
        && line.chars().count() <= 60
        && (2..=6).contains(&line.split_whitespace().count())
        && !line.chars().any(|c| {
            c.is_numeric()
                || matches!(
                    c,
                    '.' | '!' | '?' | '؟' | '،' | ',' | ':' | '"' | '“' | '”' | '«' | '»'
                )
        })
}

/// The metadata written in `text` outside `furniture`.
pub fn from_text(text: &str, furniture: &[Range<usize>], calendar: &Calendar) -> Metadata {
    let lines = content_lines(text, furniture);
    let mut meta = Metadata::default();
    let mut next = 0;
    if let Some((_, first)) = lines.first()
        && first.chars().count() <= 200
        && !first.ends_with('.')
    {
        let mut title = first.to_string();
        next = 1;
        if (first.ends_with(':') || first.ends_with('：'))
            && let Some((_, second)) = lines.get(1)
            && second.chars().count() <= 120
        {
            title.push(' ');
            title.push_str(second);
            next = 2;
        }
        meta.title = Some(title);
    }
    for (_, line) in lines.iter().take(8) {
        if let Some(name) = strip_opener(line, BYLINE_OPENERS)
            && looks_like_name(name)
        {
            meta.byline = Some(name.to_string());
            break;
        }
    }
    if meta.byline.is_none()
        && let Some((_, line)) = lines.get(next)
        && looks_like_name(line)
    {
        meta.byline = Some(line.to_string());
    }
    for (_, line) in lines.iter().rev().take(5) {
        if let Some(src) = strip_opener(line, SOURCE_OPENERS)
            && src.chars().count() <= 60
            && !src.contains(['.', '؟', '?'])
        {
            meta.outlet = Some(src.to_string());
            break;
        }
    }
    for (_, line) in lines.iter().take(6) {
        if line.chars().count() <= 120
            && let Some(d) = calendar.find_date(line)
        {
            meta.published = Some(d);
            break;
        }
    }
    meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_byline_and_closing_source() {
        let text =
            "سجن الصناعة: من انتصر؟\n\nفلان الفلاني\n\nنص المقال، وفيه 12 مقاتلاً.\n\nالمصدر: النهار العربي\n";
        let m = from_text(text, &[], &Calendar::builtin());
        assert_eq!(m.title.as_deref(), Some("سجن الصناعة: من انتصر؟"));
        assert_eq!(m.byline.as_deref(), Some("فلان الفلاني"));
        assert_eq!(m.outlet.as_deref(), Some("النهار العربي"));
        assert_eq!(m.published, None);
    }

    #[test]
    fn a_title_ending_in_a_colon_takes_the_next_line() {
        let text = "هجوم على السجن:\nاختراق ليس نصراً\n\nبقلم: سامر المحمود\nالحسكة 23.01.2022\nنص.";
        let m = from_text(text, &[], &Calendar::builtin());
        assert_eq!(m.title.as_deref(), Some("هجوم على السجن: اختراق ليس نصراً"));
        assert_eq!(m.byline.as_deref(), Some("سامر المحمود"));
        assert_eq!(m.published.as_deref(), Some("2022-01-23"));
    }

    #[test]
    fn furniture_lines_are_not_titles() {
        let text = "fbpx\nالعنوان الحقيقي\nنص.";
        let furniture: Vec<std::ops::Range<usize>> = std::iter::once(0..4).collect();
        let m = from_text(text, &furniture, &Calendar::builtin());
        assert_eq!(m.title.as_deref(), Some("العنوان الحقيقي"));
    }
}
