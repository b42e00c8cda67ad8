//! `char::is_alphabetic`, fast for the text isnad reads most.
//!
//! The standard library answers for a non-ASCII character by searching a
//! table of the whole of Unicode; an Arabic report asks it for every
//! character. Here ASCII and the Arabic block (U+0600–U+06FF) are answered
//! from a table built once from the standard library's own answers, so the
//! result is always the same, only sooner.

use std::sync::LazyLock;

static ARABIC: LazyLock<[bool; 256]> = LazyLock::new(|| {
    std::array::from_fn(|i| char::from_u32(0x0600 + i as u32).is_some_and(char::is_alphabetic))
});

/// Whether `c` is alphabetic (as `char::is_alphabetic`).
#[inline]
pub fn is_letter(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        c.is_ascii_alphabetic()
    } else if (0x0600..0x0700).contains(&cp) {
        ARABIC[(cp - 0x0600) as usize]
    } else {
        c.is_alphabetic()
    }
}

/// Whether `c` is alphanumeric (as `char::is_alphanumeric`).
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_numeric()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answers_are_the_standard_librarys() {
        for cp in (0..0x3000).chain(0xFB50..0xFF00) {
            if let Some(c) = char::from_u32(cp) {
                assert_eq!(is_letter(c), c.is_alphabetic(), "U+{cp:04X}");
                assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "U+{cp:04X}");
            }
        }
    }
}
