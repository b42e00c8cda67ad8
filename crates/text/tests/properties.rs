//! Properties of the text layer that hold for any input: nothing panics,
//! and every offset handed out maps to a character boundary of the original.

use isnad_text::{Normalized, Reader, sentence::sentences, token::tokenize};
use proptest::prelude::*;

/// Text that mixes Arabic letters, diacritics, tatweel, digits of three
/// scripts, quotes, bidi marks, ligatures and ASCII.
fn arabicish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "قسد",
        "داعش",
        "أ",
        "إ",
        "آ",
        "ى",
        "ة",
        "ؤ",
        "ئ",
        "ـ",
        "\u{64b}",
        "\u{651}",
        "١٢",
        "۳",
        "12",
        "،",
        "؛",
        "؟",
        ".",
        "“",
        "”",
        "«",
        "»",
        " ",
        "\n",
        "\u{a0}",
        "\u{200c}",
        "\u{200f}",
        "\u{202b}",
        "\u{fefb}",
        "\u{fdf2}",
        "A",
        "x",
        "-",
        "/",
        "%",
        "٪",
        "٫",
        "٬",
        "(",
        ")",
        "[",
        "]",
        "\"",
        "د. ج.",
        "e\u{301}",
        "\u{10000}",
        "\r\n",
        "\u{64e}",
        "ين",
        "\u{652}",
        "مسلحَين",
        "ο",
        "а",
        "Τ",
        "½",
        "1",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

fn check_normalized(input: &str) {
    let n = Normalized::new(input);
    let key = n.as_str();
    let mut cuts: Vec<usize> = key.char_indices().map(|(i, _)| i).collect();
    cuts.push(key.len());
    for &a in &cuts {
        let s = n.input_start(a);
        let e = n.input_end(a);
        assert!(input.is_char_boundary(s), "start {s} in {input:?}");
        assert!(input.is_char_boundary(e), "end {e} in {input:?}");
        assert!(s <= input.len() && e <= input.len());
    }
    for w in cuts.windows(2) {
        let r = n.to_input(w[0]..w[1]);
        assert!(r.start <= r.end && r.end <= input.len());
        assert!(input.is_char_boundary(r.start) && input.is_char_boundary(r.end));
    }
    // Offsets never decrease along the key.
    let starts: Vec<usize> = cuts.iter().map(|&c| n.input_start(c)).collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{input:?}");
    for t in tokenize(key) {
        assert!(key.is_char_boundary(t.start as usize) && key.is_char_boundary(t.end as usize));
        assert!(t.start < t.end);
    }
    for s in sentences(key) {
        assert!(s.start < s.end && s.end <= key.len());
        assert!(key.is_char_boundary(s.start) && key.is_char_boundary(s.end));
    }
    for w in key.split_whitespace() {
        let _ = isnad_text::clitic::readings(w);
    }
}

fn check_document(bytes: Vec<u8>, html: bool) {
    let r = Reader::builtin();
    let len = bytes.len();
    let doc = if html {
        r.html("x", "x", bytes)
    } else {
        r.plain("x", "x", bytes)
    };
    let text = &doc.text;
    let mut cuts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    cuts.push(text.len());
    for w in cuts.windows(2) {
        let s = doc.original_span(w[0]..w[1]);
        assert!(s.start <= s.end && (s.end as usize) <= len, "{s:?} beyond {len}");
    }
    for f in &doc.furniture {
        assert!(f.start <= f.end && f.end <= text.len());
        assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
    }
    if !html {
        // Plain text: every span of the text is a span of valid original UTF-8
        // or of the invalid bytes it replaced; read in another encoding,
        // of the bytes that decode to it (with those of a neighbour that
        // decoded in the same step).
        let enc = encoding_rs::Encoding::for_label(doc.encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
        for w in cuts.windows(2) {
            let s = doc.original_span(w[0]..w[1]);
            let piece = &doc.original[s.range()];
            let t = &text[w[0]..w[1]];
            if t == "\u{FFFD}" {
                continue;
            }
            if enc == encoding_rs::UTF_8 {
                assert_eq!(std::str::from_utf8(piece).ok(), Some(t));
            } else {
                let (back, _) = enc.decode_without_bom_handling(piece);
                assert!(back.contains(t), "{}: {t:?} from {piece:?}", enc.name());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn normalisation_maps_any_text_to_char_boundaries(s in any::<String>()) {
        check_normalized(&s);
    }

    #[test]
    fn normalisation_maps_arabic_text_to_char_boundaries(s in arabicish()) {
        check_normalized(&s);
    }

    #[test]
    fn search_terms_point_at_words_of_the_text(s in prop_oneof![arabicish(), any::<String>()]) {
        let mut last = 0;
        isnad_text::analyze::terms(&s, &mut |t| {
            assert!(s.is_char_boundary(t.range.start) && s.is_char_boundary(t.range.end));
            assert!(t.range.start < t.range.end && t.range.start >= last);
            assert!(!t.term.is_empty() && !t.term.contains(' '));
            last = t.range.start;
        });
    }

    #[test]
    fn plain_reading_of_any_bytes_keeps_spans_in_the_original(b in prop::collection::vec(any::<u8>(), 0..300)) {
        check_document(b, false);
    }

    #[test]
    fn html_reading_of_any_bytes_keeps_spans_in_the_original(b in prop::collection::vec(any::<u8>(), 0..300)) {
        check_document(b, true);
    }

    #[test]
    fn html_reading_of_tag_soup_keeps_spans_in_the_original(s in prop::collection::vec(prop::sample::select(vec![
        "<p>", "</p>", "<div class=\"share\">", "</div>", "<article>", "</article>", "<script>", "</script>",
        "&amp;", "&#1575;", "&nbsp;", "&bogus;", "قتل 12", " ", "\n", "<br>", "<!--", "-->", "<nav>", "</nav>",
        "<title>", "</title>", "<meta property=\"og:site_name\" content=\"x\">", "&#x", "<", ">", "'", "\"",
    ]), 0..40)) {
        check_document(s.concat().into_bytes(), true);
    }

    #[test]
    fn jsonl_reading_never_panics(s in any::<String>()) {
        let r = Reader::builtin();
        r.read_jsonl(s.as_bytes(), "x.jsonl", &mut |_| {});
    }

    #[test]
    fn warc_reading_of_record_like_bytes_keeps_spans_in_each_original(
        parts in prop::collection::vec(prop::sample::select(vec![
            "WARC/1.0\r\n", "WARC-Type: response\r\n", "WARC-Type: request\r\n",
            "Content-Length: 120\r\n", "Content-Length: 5\r\n", "Content-Length: x\r\n",
            "WARC-Target-URI: https://a.example/x\r\n", "\r\n", "HTTP/1.1 200 OK\r\n",
            "Content-Type: text/html\r\n", "Transfer-Encoding: chunked\r\n", "a\r\n",
            "<article><p>قالت قسد إن نحو 90 مسلحا ما زالوا في السجن</p></article>",
            "0\r\n", "\u{1f}\u{8b}", "garbage",
        ]), 0..40)
    ) {
        let bytes = parts.concat();
        let r = Reader::builtin();
        r.read_warc_stream(bytes.as_bytes(), "x.warc", &mut |d| {
            if let Ok(doc) = d {
                let s = doc.original_span(0..doc.text.len());
                assert!(s.end as usize <= doc.original.len());
            }
        });
    }
}

/// Inputs the properties above once failed on, replayed every run.
#[test]
fn inputs_that_once_failed_the_reading_properties_pass() {
    let plain: &[&[u8]] = &[
        // UTF-16BE with an unpaired high surrogate before a character: the
        // character was mapped to no original bytes.
        &[0xFE, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0, 0xD8, 0, 0, 0],
    ];
    for bytes in plain {
        check_document(bytes.to_vec(), false);
        check_document(bytes.to_vec(), true);
    }
}
