//! Plain text: UTF-8, with invalid bytes replaced and mapped.

use crate::origin::{OriginBuilder, OriginMap};

/// Decodes `bytes` as UTF-8. Each invalid sequence becomes U+FFFD, recorded
/// in the origin map so that spans still point at the original bytes, and
/// reported once in the warnings.
pub(crate) fn decode(bytes: &[u8]) -> (String, OriginMap, Vec<String>) {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), OriginMap::identity(), Vec::new());
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut map = OriginBuilder::new();
    let mut pos = 0;
    let mut bad = 0usize;
    let mut first_bad = None;
    for chunk in bytes.utf8_chunks() {
        let valid = chunk.valid();
        text.push_str(valid);
        map.verbatim(pos, valid.len());
        pos += valid.len();
        let invalid = chunk.invalid();
        if !invalid.is_empty() {
            first_bad.get_or_insert(pos);
            bad += invalid.len();
            text.push('\u{FFFD}');
            map.replaced(pos, invalid.len(), '\u{FFFD}'.len_utf8());
            pos += invalid.len();
        }
    }
    let warnings = vec![format!(
        "{bad} invalid UTF-8 byte(s) replaced by U+FFFD, the first at byte {}",
        first_bad.unwrap_or(0)
    )];
    (text, map.finish(), warnings)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_bytes_are_replaced_and_spans_stay_in_the_original() {
        let mut bytes = "قتل ".as_bytes().to_vec();
        bytes.extend_from_slice(&[0xFF, 0xFE]);
        bytes.extend_from_slice(" 12 شخصا".as_bytes());
        let (text, map, warnings) = decode(&bytes);
        // Each invalid byte here is its own maximal invalid sequence.
        assert_eq!(text, "قتل \u{FFFD}\u{FFFD} 12 شخصا");
        assert_eq!(warnings.len(), 1);
        let at = text.find("12").unwrap();
        let span = map.span(at, at + 2);
        assert_eq!(&bytes[span.range()], b"12");
        let bad = text.find('\u{FFFD}').unwrap();
        let span = map.span(bad, bad + 6);
        assert_eq!(&bytes[span.range()], &[0xFF, 0xFE]);
        let span = map.span(bad, bad + 3);
        assert_eq!(&bytes[span.range()], &[0xFF]);
    }

    #[test]
    fn valid_text_maps_to_itself() {
        let (text, map, w) = decode("نص".as_bytes());
        assert_eq!(text, "نص");
        assert!(map.is_identity() && w.is_empty());
    }
}
