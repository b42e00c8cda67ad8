//! Character encodings: which one a document's bytes are in, and those
//! bytes as UTF-8 text with a map back to them.
//!
//! In: a document's bytes; for a page, the charset its HTTP header gives
//! (a WARC record's `Content-Type`). Out: an [`Encoding`] and where it came
//! from ([`Found`]), and for an encoding other than UTF-8 the decoded text
//! with an [`OriginMap`] from each of its bytes to the original bytes, so
//! that spans found in a windows-1256 page still point into the page as it
//! was archived.
//!
//! A page's encoding is, in order (as WHATWG's encoding sniffing): a byte
//! order mark; the HTTP charset; a `<meta charset>` or `<meta
//! http-equiv="Content-Type" content="…; charset=…">` in the first 1024
//! bytes ([`prescan`]); else what `chardetng` guesses. One departure from
//! the standard: bytes that are valid UTF-8 are read as UTF-8 whatever a
//! header or `<meta>` says ([`for_page`]), as a mislabelled page is far
//! likelier than valid UTF-8 by accident. Plain text has no header and no meta: a byte order
//! mark, UTF-8 when the bytes are (or are UTF-8 with a few damaged bytes,
//! which are replaced as before), else the guess.
//!
//! Refuses nothing: a byte sequence the encoding does not define becomes
//! U+FFFD, mapped to its bytes. [`looks_like_text`] is what [`super::binary`](mod@super::binary)
//! asks of bytes that are mostly not UTF-8.

use crate::origin::{OriginBuilder, OriginMap};
use encoding_rs::{Encoding, UTF_8};

/// Where a document's encoding was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Found {
    /// A byte order mark.
    Bom,
    /// The HTTP `Content-Type` header.
    Http,
    /// A `<meta>` element of the page.
    Meta,
    /// The bytes are UTF-8 (or mostly: a few damaged bytes).
    Utf8,
    /// Guessed by `chardetng`.
    Detected,
}

/// How many bytes of a page [`prescan`] reads, as WHATWG says.
const PRESCAN: usize = 1024;

/// The encoding of a page: BOM, then `http` (the HTTP header's charset),
/// then its `<meta>`, then the bytes themselves. Bytes that are valid UTF-8
/// are UTF-8 whatever a header or a `<meta>` says (a server's default
/// ISO-8859-1, a `<meta>` left from before a site moved to UTF-8: valid
/// UTF-8 is no accident of a legacy encoding), unless the header names an
/// encoding ASCII is not itself in (UTF-16).
pub(crate) fn for_page(bytes: &[u8], http: Option<&str>) -> (&'static Encoding, Found) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, Found::Bom);
    }
    let http = http.and_then(|l| Encoding::for_label(l.trim().as_bytes()));
    if simdutf8::basic::from_utf8(bytes).is_ok() {
        return match http {
            Some(enc) if !enc.is_ascii_compatible() => (enc, Found::Http),
            _ => (UTF_8, Found::Utf8),
        };
    }
    if let Some(enc) = http {
        return (enc, Found::Http);
    }
    if let Some(enc) = prescan(bytes) {
        return (enc, Found::Meta);
    }
    for_bytes(bytes)
}

/// The encoding of plain text: BOM, else the bytes themselves.
pub(crate) fn for_text(bytes: &[u8]) -> (&'static Encoding, Found) {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return (enc, Found::Bom);
    }
    for_bytes(bytes)
}

/// Fewer bytes that are no UTF-8 than this are too few to tell an
/// encoding by (a stray byte in English text would be read as Cyrillic):
/// they are damage, replaced by U+FFFD.
const MIN_EVIDENCE: usize = 8;

/// UTF-8 when `bytes` are UTF-8, or UTF-8 with a few damaged bytes (fewer
/// than [`MIN_EVIDENCE`], or fewer than its characters of two bytes or
/// more); else the guess.
fn for_bytes(bytes: &[u8]) -> (&'static Encoding, Found) {
    if simdutf8::basic::from_utf8(bytes).is_ok() || mostly_utf8(bytes) {
        return (UTF_8, Found::Utf8);
    }
    (detect(bytes), Found::Detected)
}

/// True when the bytes that are no UTF-8 are too few to tell an encoding
/// by, or outnumbered by UTF-8 sequences of more than one byte: UTF-8 text
/// with some damage, not text in another encoding (where such sequences
/// are rare accidents).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut multi, mut invalid) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        multi += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += chunk.invalid().len();
    }
    invalid < MIN_EVIDENCE || multi > invalid
}

/// What `chardetng` guesses `bytes` are in.
fn detect(bytes: &[u8]) -> &'static Encoding {
    let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    det.feed(bytes, true);
    det.guess(None, chardetng::Utf8Detection::Allow)
}

/// The charset a `Content-Type` value names (`text/html;
/// charset="windows-1256"` → `windows-1256`).
pub(crate) fn charset_param(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset")?;
    let rest = content_type.get(at + "charset".len()..)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim_start();
    let rest = rest.trim_start_matches(['"', '\'']);
    let end = rest
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_ascii_whitespace())
        .unwrap_or(rest.len());
    let label = &rest[..end];
    (!label.is_empty()).then_some(label)
}

/// The encoding a `<meta>` in the first 1024 bytes of a page declares
/// (WHATWG's prescan, simplified: comments skipped, each `<meta>` read for
/// `charset`, or `http-equiv="content-type"` with a `content` naming one).
/// UTF-16 declared in a page's own bytes means UTF-8, and
/// `x-user-defined` windows-1252, as the standard says.
pub(crate) fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let b = &bytes[..bytes.len().min(PRESCAN)];
    let mut i = 0;
    while let Some(p) = memchr::memchr(b'<', &b[i..]) {
        i += p;
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = memchr::memmem::find(&b[i + 4..], b"-->").map_or(b.len(), |q| i + 4 + q + 3);
            continue;
        }
        let is_meta = rest.len() > 5
            && rest[1..5].eq_ignore_ascii_case(b"meta")
            && (rest[5].is_ascii_whitespace() || rest[5] == b'/');
        if !is_meta {
            i += 1;
            continue;
        }
        let (attrs, after, _) = super::html::parse_attrs(b, i + 5);
        i = after.max(i + 1);
        let get = |name: &str| attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let label = get("charset").or_else(|| {
            let equiv = get("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-type"));
            equiv.then(|| get("content").and_then(charset_param)).flatten()
        });
        if let Some(enc) = label.and_then(|l| Encoding::for_label(l.trim().as_bytes())) {
            return Some(if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                UTF_8
            } else if enc == encoding_rs::X_USER_DEFINED {
                encoding_rs::WINDOWS_1252
            } else {
                enc
            });
        }
    }
    None
}

/// `bytes` decoded from `enc` (a byte order mark skipped), and the map from
/// each byte of the text to the bytes it was decoded from: ASCII copied
/// verbatim, each other character standing for its bytes.
pub(crate) fn decode(bytes: &[u8], enc: &'static Encoding) -> (String, OriginMap) {
    if enc.is_single_byte() {
        return decode_single_byte(bytes, enc);
    }
    let mut decoder = enc.new_decoder_with_bom_removal();
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 2);
    let mut map = OriginBuilder::new();
    let ascii = enc.is_ascii_compatible();
    // The first byte whose characters are not written yet.
    let mut start = 0;
    let mut buf = [0u8; 64];
    let mut i = 0;
    while i < bytes.len() {
        if ascii && start == i && bytes[i].is_ascii() {
            // Nothing pending: a run of ASCII is itself.
            let run = bytes[i..]
                .iter()
                .position(|b| !b.is_ascii())
                .map_or(bytes.len(), |p| i + p);
            for &b in &bytes[i..run] {
                text.push(char::from(b));
            }
            map.verbatim(i, run - i);
            i = run;
            start = run;
            continue;
        }
        let last = i + 1 == bytes.len();
        let mut src = &bytes[i..i + 1];
        loop {
            let (result, read, written, _) = decoder.decode_to_utf8(src, &mut buf, last);
            src = &src[read..];
            if written > 0 {
                match std::str::from_utf8(&buf[..written]) {
                    Ok(s) => text.push_str(s),
                    // encoding_rs writes UTF-8; this is never reached.
                    Err(_) => text.push('\u{FFFD}'),
                }
                let orig_len = i + 1 - start;
                if written == 1 && orig_len == 1 && buf[0] == bytes[start] {
                    map.verbatim(start, 1);
                } else {
                    // Several characters of one step (an unpaired surrogate's
                    // U+FFFD and the character after it) each stand for all
                    // of the step's bytes: none maps to an empty span.
                    for c in String::from_utf8_lossy(&buf[..written]).chars() {
                        map.replaced(start, orig_len, c.len_utf8());
                    }
                }
                start = i + 1;
            }
            if result == encoding_rs::CoderResult::InputEmpty {
                break;
            }
        }
        i += 1;
    }
    (text, map.finish())
}

/// [`decode`] for an encoding of one byte a character (windows-1256,
/// ISO-8859-6…): a table of its 256 characters, no decoder call a byte.
fn decode_single_byte(bytes: &[u8], enc: &'static Encoding) -> (String, OriginMap) {
    let table: [char; 256] = std::array::from_fn(|b| {
        let byte = [b as u8];
        let (s, _) = enc.decode_without_bom_handling(&byte);
        s.chars().next().unwrap_or('\u{FFFD}')
    });
    let mut text = String::with_capacity(bytes.len() * 2);
    let mut map = OriginBuilder::new();
    for (i, &b) in bytes.iter().enumerate() {
        let c = table[usize::from(b)];
        text.push(c);
        if u32::from(c) == u32::from(b) && b.is_ascii() {
            map.verbatim(i, 1);
        } else {
            map.replaced(i, 1, c.len_utf8());
        }
    }
    (text, map.finish())
}

/// True when `bytes`, mostly not UTF-8, read as text in the encoding
/// guessed for them: at least one white space in 40 characters, and most
/// characters letters, digits, white space or punctuation. Random bytes (a
/// compressed or encrypted file without a known magic number) fail it.
pub(crate) fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let (enc, _) = for_text(head);
    let (text, _) = decode(head, enc);
    let (mut chars, mut space, mut wordy) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        chars += 1;
        if c.is_whitespace() {
            space += 1;
            wordy += 1;
        } else if c.is_alphanumeric()
            || c.is_ascii_punctuation()
            || crate::letter::is_letter(c)
            || matches!(
                c,
                '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{066A}'..='\u{066D}' | '\u{2010}'..='\u{2027}' | '\u{00AB}' | '\u{00BB}'
            )
        {
            wordy += 1;
        }
    }
    chars > 0 && space * 40 >= chars && wordy * 100 >= chars * 85
}

#[cfg(test)]
mod tests {
    use super::*;

    const SENTENCE: &str = "قال المرصد السوري إن 41 شخصا قتلوا في الهجوم على السجن";

    fn encode(text: &str, enc: &'static Encoding) -> Vec<u8> {
        let (bytes, _, bad) = enc.encode(text);
        assert!(!bad, "{} cannot encode {text}", enc.name());
        bytes.into_owned()
    }

    #[test]
    fn every_decoded_character_maps_to_some_original_bytes() {
        // (encoding, bytes): each row once gave a character an empty span.
        let rows: &[(&'static Encoding, &[u8])] = &[
            // An unpaired high surrogate, then a character: both are
            // written in the step that reads the character's last byte.
            (
                encoding_rs::UTF_16BE,
                &[0xFE, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0xD8, 0, 0, 0],
            ),
            (encoding_rs::UTF_16LE, &[0xFF, 0xFE, 0x41, 0, 0, 0xD8, 0x42, 0]),
            (encoding_rs::UTF_16BE, &[0xD8, 0x00, 0x06, 0x31, 0xDC, 0x00]),
            (encoding_rs::SHIFT_JIS, &[0x82, 0x41, 0x82]),
        ];
        for (enc, bytes) in rows {
            let (text, map) = decode(bytes, enc);
            for (i, c) in text.char_indices() {
                let s = map.span(i, i + c.len_utf8());
                assert!(
                    s.start < s.end && s.end as usize <= bytes.len(),
                    "{}: {c:?} of {text:?} at {s:?}",
                    enc.name()
                );
            }
        }
    }

    #[test]
    fn a_page_takes_its_encoding_from_the_first_that_says() {
        let arabic = encode(SENTENCE, encoding_rs::WINDOWS_1256);
        let with = |head: &str| {
            let mut b = head.as_bytes().to_vec();
            b.extend_from_slice(&arabic);
            b
        };
        // (name, bytes, HTTP charset, the encoding, where it was found)
        type Row<'a> = (&'a str, Vec<u8>, Option<&'a str>, &'static Encoding, Found);
        let rows: Vec<Row> = vec![
            (
                "utf-8 bom",
                [&b"\xEF\xBB\xBF"[..], SENTENCE.as_bytes()].concat(),
                Some("windows-1256"),
                UTF_8,
                Found::Bom,
            ),
            (
                "http header",
                arabic.clone(),
                Some("windows-1256"),
                encoding_rs::WINDOWS_1256,
                Found::Http,
            ),
            (
                "http label alias",
                arabic.clone(),
                Some(" cp1256 "),
                encoding_rs::WINDOWS_1256,
                Found::Http,
            ),
            (
                "meta charset",
                with("<meta charset=\"windows-1256\">"),
                None,
                encoding_rs::WINDOWS_1256,
                Found::Meta,
            ),
            (
                "meta http-equiv",
                with(
                    "<!doctype html><head><META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=windows-1256\">",
                ),
                None,
                encoding_rs::WINDOWS_1256,
                Found::Meta,
            ),
            (
                "meta in a comment",
                with("<!-- <meta charset=koi8-r> --><meta charset=windows-1256>"),
                None,
                encoding_rs::WINDOWS_1256,
                Found::Meta,
            ),
            (
                "meta says utf-16",
                with("<meta charset=utf-16>"),
                None,
                UTF_8,
                Found::Meta,
            ),
            (
                "unknown label, detected",
                with("<meta charset=nonsense>"),
                Some("nonsense"),
                encoding_rs::WINDOWS_1256,
                Found::Detected,
            ),
            (
                "utf-8 bytes",
                SENTENCE.as_bytes().to_vec(),
                None,
                UTF_8,
                Found::Utf8,
            ),
            (
                "utf-8 bytes, a meta left from before",
                format!("<meta charset=windows-1256>{SENTENCE}").into_bytes(),
                None,
                UTF_8,
                Found::Utf8,
            ),
            (
                "utf-8 bytes, a server's default",
                SENTENCE.as_bytes().to_vec(),
                Some("iso-8859-1"),
                UTF_8,
                Found::Utf8,
            ),
            (
                "ascii bytes, utf-16 said",
                b"<p>12</p>".to_vec(),
                Some("utf-16le"),
                encoding_rs::UTF_16LE,
                Found::Http,
            ),
            (
                "detected",
                arabic.clone(),
                None,
                encoding_rs::WINDOWS_1256,
                Found::Detected,
            ),
        ];
        for (name, bytes, http, want, found) in rows {
            assert_eq!(for_page(&bytes, http), (want, found), "{name}");
        }
    }

    #[test]
    fn a_meta_after_the_first_1024_bytes_is_not_read() {
        let mut page = " ".repeat(PRESCAN).into_bytes();
        page.extend_from_slice(b"<meta charset=windows-1256>");
        assert_eq!(prescan(&page), None);
    }

    #[test]
    fn text_is_utf8_unless_evidently_not() {
        let mut damaged = SENTENCE.repeat(3).into_bytes();
        damaged.extend_from_slice(&[0xFF, 0xFE]);
        // (name, bytes, the encoding)
        let rows: Vec<(&str, Vec<u8>, &'static Encoding)> = vec![
            ("utf-8", SENTENCE.as_bytes().to_vec(), UTF_8),
            ("utf-8 with two bad bytes", damaged, UTF_8),
            (
                "english with two stray bytes",
                b"The SDF said \xff\xfe 12 fighters escaped.".to_vec(),
                UTF_8,
            ),
            (
                "one arabic word in windows-1256",
                encode("قال 12", encoding_rs::WINDOWS_1256),
                UTF_8,
            ),
            (
                "windows-1256 arabic",
                encode(&SENTENCE.repeat(3), encoding_rs::WINDOWS_1256),
                encoding_rs::WINDOWS_1256,
            ),
            (
                "windows-1252 french",
                encode(
                    "Les forces de sécurité ont déclaré que 41 détenus s'étaient évadés.",
                    encoding_rs::WINDOWS_1252,
                ),
                encoding_rs::WINDOWS_1252,
            ),
        ];
        for (name, bytes, want) in rows {
            assert_eq!(for_text(&bytes).0, want, "{name}");
        }
    }

    #[test]
    fn charset_params_are_read_from_content_types() {
        let rows: &[(&str, Option<&str>)] = &[
            ("text/html; charset=windows-1256", Some("windows-1256")),
            ("text/html;charset=\"UTF-8\"", Some("UTF-8")),
            ("text/html; Charset = 'cp1256' ; q=1", Some("cp1256")),
            ("text/html", None),
            ("text/html; charset=", None),
        ];
        for (ct, want) in rows {
            assert_eq!(charset_param(ct), *want, "{ct}");
        }
    }

    #[test]
    fn decoded_text_maps_back_to_the_encoded_bytes() {
        let source = format!("<p>{SENTENCE}</p>");
        for enc in [
            encoding_rs::WINDOWS_1256,
            encoding_rs::ISO_8859_6,
            encoding_rs::UTF_16LE,
        ] {
            let bytes = encode(&source, enc);
            let bytes = if enc == encoding_rs::UTF_16LE {
                source.encode_utf16().flat_map(u16::to_le_bytes).collect()
            } else {
                bytes
            };
            let (text, map) = decode(&bytes, enc);
            assert_eq!(text, source, "{}", enc.name());
            for needle in ["41", "المرصد السوري", "<p>", "السجن</p>"] {
                let at = text.find(needle).unwrap_or(0);
                let span = map.span(at, at + needle.len());
                let (back, _) = enc.decode_without_bom_handling(&bytes[span.range()]);
                assert_eq!(back, needle, "{}: {needle}", enc.name());
            }
        }
    }

    #[test]
    fn single_byte_encodings_decode_as_the_decoder_does() {
        let bytes: Vec<u8> = (0..=255u8).collect();
        for enc in [
            encoding_rs::WINDOWS_1256,
            encoding_rs::ISO_8859_6,
            encoding_rs::WINDOWS_1252,
            encoding_rs::X_USER_DEFINED,
        ] {
            let (text, map) = decode(&bytes, enc);
            let (want, _) = enc.decode_without_bom_handling(&bytes);
            assert_eq!(text, want, "{}", enc.name());
            let at = text.char_indices().nth(0xC7).map_or(0, |(i, _)| i);
            assert_eq!(map.span(at, at + 1).range(), 0xC7..0xC8, "{}", enc.name());
        }
    }

    #[test]
    fn undefined_bytes_become_replacement_characters_mapped_to_them() {
        // 0x81 is undefined in Shift_JIS as a lone byte at the end.
        let bytes = b"ab\x81".to_vec();
        let (text, map) = decode(&bytes, encoding_rs::SHIFT_JIS);
        assert_eq!(text, "ab\u{FFFD}");
        assert_eq!(map.span(2, 5).range(), 2..3);
    }

    #[test]
    fn random_bytes_do_not_look_like_text() {
        // A fixed pseudo-random sequence (xorshift), high bytes mostly.
        let mut x: u32 = 0x9E37_79B9;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                (x >> 24) as u8 | 0x80
            })
            .collect();
        assert!(!looks_like_text(&random));
        assert!(looks_like_text(&encode(
            &SENTENCE.repeat(5),
            encoding_rs::WINDOWS_1256
        )));
    }
}
