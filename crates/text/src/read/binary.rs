//! Telling a binary file from text, so that it is refused rather than
//! mined for claims (an executable read as text gave thousands of junk
//! claims).
//!
//! In: a document's bytes. Out: why it is no text, or nothing. A file is
//! binary when it starts with the magic number of a known non-text format
//! (executables, PDF, archives and compressed files, images, audio and
//! video, databases), when NUL bytes are more than 1 in 100 of it and more
//! than 3 (UTF-8 text has none, but a stray one is no reason to refuse a
//! report; UTF-16 and binaries have many), when other control bytes are
//! more than 10 in 100 (Arabic in UTF-16 is half 0x06), or when more than 30 in
//! 100 of its bytes are no UTF-8 and, read in the encoding detected for
//! them, they still do not look like text (few spaces, few letters: random
//! bytes). Text in a legacy encoding (windows-1256, ISO-8859-6…) is text,
//! decoded by the reader; UTF-8 text with a few invalid bytes is still
//! read, with a warning.

/// Magic numbers of formats that are not text: (the bytes at the start, the
/// format's name).
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x7fELF", "an ELF executable"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an OLE document (old Office)",
    ),
    (b"\xca\xfe\xba\xbe", "a Mach-O or Java class file"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\x00asm", "a WebAssembly module"),
    (b"OggS", "an Ogg media file"),
    (b"fLaC", "a FLAC audio file"),
    (b"ID3", "an MP3 audio file"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
];

/// Why `bytes` are no text, or `None` when they are text.
pub fn binary(bytes: &[u8]) -> Option<String> {
    if let Some((_, what)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        // bzip2's magic is letters: only with its block header after it.
        let bzip_text = what.starts_with("bzip2") && bytes.get(4..10).is_none_or(|b| b != b"1AY&SY");
        if !bzip_text {
            return Some(format!("{what}, not text"));
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" {
        return Some("a RIFF media file (WAV, AVI, WebP), not text".into());
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("an MP4 or QuickTime media file, not text".into());
    }
    if bytes.is_empty() {
        return None;
    }
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    if nul >= 4 && nul * 100 > bytes.len() {
        return Some(format!(
            "{nul} NUL bytes in {}: binary data, not text",
            bytes.len()
        ));
    }
    let controls = bytes
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    if controls >= 4 && controls * 100 > bytes.len() * 10 {
        return Some(format!(
            "{controls} control bytes in {}: binary data or UTF-16 text, not UTF-8 text",
            bytes.len()
        ));
    }
    let invalid: usize = bytes.utf8_chunks().map(|c| c.invalid().len()).sum();
    if invalid * 100 > bytes.len() * 30 && !super::charset::looks_like_text(bytes) {
        return Some(format!(
            "{invalid} of its {} bytes are not UTF-8, nor text in any encoding detected: binary data",
            bytes.len()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binaries_are_told_from_text() {
        // (name, bytes, refused)
        let utf16: Vec<u8> = "قال المصدر".encode_utf16().flat_map(u16::to_le_bytes).collect();
        let latin1_arabic = [0xe3u8, 0xc7, 0xdd, 0x20, 0xc8, 0xe4].repeat(20);
        // High bytes without a space: no text in any encoding.
        let high_noise: Vec<u8> = (0..600u32).map(|i| 0x80 | (i * 37 % 127) as u8).collect();
        let mut few_bad = "قال المصدر إن 12 شخصا قتلوا في الهجوم على السجن"
            .repeat(4)
            .into_bytes();
        few_bad.push(0xff);
        let rows: &[(&str, &[u8], bool)] = &[
            ("arabic text", "قال المصدر إن 12 شخصا قتلوا".as_bytes(), false),
            ("english text", b"The SDF said 12 escaped.", false),
            ("empty", b"", false),
            ("html", b"<!doctype html><p>x</p>", false),
            ("a few invalid bytes", &few_bad, false),
            (
                "a word that starts like bzip2",
                b"BZh is no word, but this is text",
                false,
            ),
            ("elf", b"\x7fELF\x02\x01\x01\x00\x00\x00", true),
            ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", true),
            ("zip", b"PK\x03\x04\x14\x00\x00\x00", true),
            ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", true),
            ("gzip", b"\x1f\x8b\x08\x00\x00\x00\x00\x00", true),
            ("bzip2", b"BZh91AY&SY\x00\x00", true),
            ("nul-heavy", b"text\x00\x00\x00 more text \x00\x00", true),
            ("a stray nul", b"The SDF said 12 escaped\x00 on Monday.", false),
            ("utf-16", &utf16, true),
            (
                "utf-16 latin",
                &"The SDF said"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect::<Vec<u8>>(),
                true,
            ),
            (
                "form feeds and tabs",
                b"page one\x0c\tpage two\x0c\tpage three",
                false,
            ),
            ("legacy arabic encoding", &latin1_arabic, false),
            ("high bytes without spaces", &high_noise, true),
        ];
        for (name, bytes, refused) in rows {
            assert_eq!(binary(bytes).is_some(), *refused, "{name}: {:?}", binary(bytes));
        }
    }
}
