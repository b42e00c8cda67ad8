//! Word tokens over a normalised key.
//!
//! In: a match key from [`crate::Normalized`]. Out: [`Token`]s, each a word
//! (a run of letters), a number (a run of ASCII digits; the key has already
//! turned every digit into ASCII) or a single punctuation character, with its
//! byte range in the key. White space separates tokens and is not a token;
//! each token says whether white space came before it, which the number
//! recogniser needs (`-5` is negative, `3-5` is a range). Letters and digits
//! that touch (`ال١٩٢`, `١٨٠ميلي`) are separate tokens.
//!
//! Invariant: tokens are in order, do not overlap, and every boundary is a
//! character boundary of the key.

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// A token: its kind and its byte range in the key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// What it is.
    pub kind: TokenKind,
    /// First byte in the key.
    pub start: u32,
    /// One past the last byte in the key.
    pub end: u32,
    /// White space stands right before it (or it starts the text).
    pub space_before: bool,
    /// A line break stands between it and the token before.
    pub newline_before: bool,
}

impl Token {
    /// The token's text in `key`.
    #[inline]
    pub fn text<'k>(&self, key: &'k str) -> &'k str {
        &key[self.start as usize..self.end as usize]
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// True for an empty token (never produced by the tokeniser).
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The token's key range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Newline,
    Letter,
    Digit,
    Punct,
}

#[inline]
fn class_of(c: char) -> Class {
    match c {
        '0'..='9' => Class::Digit,
        'a'..='z' | 'A'..='Z' => Class::Letter,
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => Class::Newline,
        ' ' | '\t' | '\x0b' | '\x0c' => Class::Space,
        _ if c.is_ascii() => Class::Punct,
        _ if crate::letter::is_letter(c) => Class::Letter,
        _ if c.is_whitespace() => Class::Space,
        // Combining marks that survived normalisation stay with their word.
        '\u{0300}'..='\u{036F}' => Class::Letter,
        _ => Class::Punct,
    }
}

/// The class of a character of the Arabic blocks (U+0600–U+06FF), fast:
/// a letter or a mark, else punctuation (the key has no Arabic digits).
#[inline]
fn arabic_class(cp: u32) -> Class {
    match ARABIC_LETTER.get(cp.wrapping_sub(0x600) as usize) {
        Some(true) => Class::Letter,
        _ => Class::Punct,
    }
}

/// For each code point U+0600..U+06FF: is it a letter ([`arabic_class`])?
static ARABIC_LETTER: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        let cp = 0x600 + k as u32;
        t[k] = matches!(
            cp,
            0x0621..=0x063A
                | 0x0641..=0x064A
                | 0x066E..=0x066F
                | 0x0671..=0x06D3
                | 0x06D5
                | 0x06EE..=0x06EF
                | 0x06FA..=0x06FC
                | 0x06FF
                | 0x064B..=0x065F
                | 0x0670
                | 0x06D6..=0x06ED
        );
        k += 1;
    }
    t
};

/// The end of the run of letters (ASCII or Arabic) starting at byte `i`.
#[inline]
fn letters_end(b: &[u8], mut i: usize) -> usize {
    loop {
        match b.get(i) {
            Some(c) if c.is_ascii_alphabetic() => i += 1,
            Some(&c @ 0xD8..=0xDB) => match b.get(i + 1) {
                Some(&d) if ARABIC_LETTER[(((c & 0x03) as usize) << 6) | (d & 0x3F) as usize] => i += 2,
                _ => return i,
            },
            _ => return i,
        }
    }
}

/// Tokenises `key`, appending to `out` (which is cleared first).
pub fn tokenize_into(key: &str, out: &mut Vec<Token>) {
    out.clear();
    let b = key.as_bytes();
    let n = b.len();
    let mut space_before = true;
    let mut newline_before = false;
    let mut cur: Option<(TokenKind, usize)> = None;
    let mut i = 0;
    while i < n {
        let c0 = b[i];
        let (cl, len) = if c0 < 0x80 {
            let cl = match c0 {
                b'0'..=b'9' => Class::Digit,
                b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
                b'\n' | b'\r' => Class::Newline,
                b' ' | b'\t' | 0x0b | 0x0c => Class::Space,
                _ => Class::Punct,
            };
            (cl, 1)
        } else if (0xD8..=0xDB).contains(&c0) && i + 1 < n {
            let cp = (((c0 & 0x1F) as u32) << 6) | (b[i + 1] & 0x3F) as u32;
            (arabic_class(cp), 2)
        } else {
            let c = key[i..].chars().next().unwrap_or(' ');
            (class_of(c), c.len_utf8())
        };
        let kind = match cl {
            Class::Letter => Some(TokenKind::Word),
            Class::Digit => Some(TokenKind::Number),
            _ => None,
        };
        if let Some((k, s)) = cur {
            if Some(k) == kind {
                i += len;
                if k == TokenKind::Word {
                    // The rest of a word's common letters, without classing
                    // each one in full.
                    i = letters_end(b, i);
                }
                continue;
            }
            out.push(Token {
                kind: k,
                start: s as u32,
                end: i as u32,
                space_before,
                newline_before,
            });
            space_before = false;
            newline_before = false;
            cur = None;
        }
        match cl {
            Class::Space => space_before = true,
            Class::Newline => {
                space_before = true;
                newline_before = true;
            }
            Class::Punct => {
                out.push(Token {
                    kind: TokenKind::Punct,
                    start: i as u32,
                    end: (i + len) as u32,
                    space_before,
                    newline_before,
                });
                space_before = false;
                newline_before = false;
            }
            Class::Letter | Class::Digit => cur = kind.map(|k| (k, i)),
        }
        i += len;
    }
    if let Some((k, s)) = cur {
        out.push(Token {
            kind: k,
            start: s as u32,
            end: n as u32,
            space_before,
            newline_before,
        });
    }
}

/// Tokenises `key`.
pub fn tokenize(key: &str) -> Vec<Token> {
    let mut v = Vec::new();
    tokenize_into(key, &mut v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(key: &str) -> Vec<(&str, TokenKind)> {
        tokenize(key).iter().map(|t| (t.text(key), t.kind)).collect()
    }

    #[test]
    fn letters_digits_and_punctuation_split() {
        use TokenKind::*;
        assert_eq!(
            texts("ال192 و180ميلي, -5"),
            vec![
                ("ال", Word),
                ("192", Number),
                ("و", Word),
                ("180", Number),
                ("ميلي", Word),
                (",", Punct),
                ("-", Punct),
                ("5", Number)
            ]
        );
    }

    #[test]
    fn space_and_newline_flags() {
        let key = "a-b c\nd";
        let t = tokenize(key);
        let flags: Vec<(bool, bool)> = t.iter().map(|t| (t.space_before, t.newline_before)).collect();
        assert_eq!(
            flags,
            vec![
                (true, false),
                (false, false),
                (false, false),
                (true, false),
                (true, true)
            ]
        );
    }
}
