//! Text for a terminal: a document's control characters escaped.
//!
//! A report may hold any bytes, and a terminal obeys the control sequences
//! among them (ESC `]0;…BEL` retitles the window, ESC `[2J` clears it, a
//! NUL or a BEL is no text either). The text outputs (`extract --format
//! table`, `ledger` as a table or Markdown, `search`) escape every C0 and
//! C1 control character and DEL as `\xNN`, but for the line breaks and tabs
//! the output itself is made of. Bidi controls (U+2066–U+2069, U+202A–
//! U+202E) are left: the outputs use isolates to lay Arabic out.

use std::borrow::Cow;

/// True for a character a terminal may take as a command: C0, DEL, C1.
fn is_control(c: char) -> bool {
    matches!(c, '\0'..='\x1f' | '\x7f'..='\u{9f}')
}

/// `s` with its control characters escaped as `\xNN`, but for those in
/// `keep`.
pub fn escape<'a>(s: &'a str, keep: &[char]) -> Cow<'a, str> {
    if !s.chars().any(|c| is_control(c) && !keep.contains(&c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_control(c) && !keep.contains(&c) {
            out.push_str(&format!("\\x{:02x}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn control_characters_are_escaped_and_the_layout_kept() {
        // (text, kept, shown)
        let rows: &[(&str, &[char], &str)] = &[
            ("plain text", &[], "plain text"),
            ("قال المصدر", &[], "قال المصدر"),
            (
                "12 escaped \x1b]0;pwned\x07",
                &[],
                "12 escaped \\x1b]0;pwned\\x07",
            ),
            ("a\0b", &[], "a\\x00b"),
            ("clear \x1b[2J", &[], "clear \\x1b[2J"),
            ("c1 \u{9b}31m", &[], "c1 \\x9b31m"),
            ("del \x7f", &[], "del \\x7f"),
            ("two\nlines\tand tab", &['\n', '\t'], "two\nlines\tand tab"),
            ("two\nlines\r", &['\t'], "two\\x0alines\\x0d"),
            (
                "\u{2068}isolated\u{2069} \u{202e}override",
                &[],
                "\u{2068}isolated\u{2069} \u{202e}override",
            ),
        ];
        for (text, keep, shown) in rows {
            assert_eq!(escape(text, keep), *shown, "{text:?}");
        }
    }
}
