//! Properties of the number recogniser that hold for any input: it never
//! panics, and every span it reports lies inside the input, on character
//! boundaries, in order.

use isnad_extract::{Numbers, Value};
use proptest::prelude::*;
use std::sync::OnceLock;

fn numbers() -> &'static Numbers {
    static N: OnceLock<Numbers> = OnceLock::new();
    N.get_or_init(Numbers::builtin)
}

/// Sequences of number words, digits, separators and their neighbours.
fn numberish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "ثلاثة",
        "عشر",
        "وعشرون",
        "مئة",
        "مائتين",
        "ألف",
        "آلاف",
        "مليون",
        "نصف",
        "ربع",
        "أرباع",
        "خمس",
        "ثمن",
        "دزينة",
        "الحادي",
        "الثاني",
        "والعشرون",
        "و",
        "على",
        "من",
        "جزء",
        "فاصلة",
        "سالب",
        "نحو",
        "أكثر",
        "حتى",
        "بين",
        "عام",
        "عشرات",
        "المئات",
        "عدة",
        "عدد",
        "الكثير",
        "قتيلان",
        "في",
        "المئة",
        "بالمئة",
        "١٢",
        "1",
        "300",
        "2019",
        "1,500",
        "1.5",
        "٫",
        "٬",
        ",",
        ".",
        "-",
        "+",
        "/",
        ":",
        "%",
        "^",
        "e",
        " ",
        "  ",
        "\u{202f}",
        "يناير",
        "كانون",
        "الثاني",
        "الساعة",
        "هاتف",
        "http",
        "www",
        "\n",
        "١٠٠٪\u{61c}",
        "0000000000",
        "99999999999999999999",
        "at least",
        "million",
        "between",
        "and",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|v| v.join(" "))
}

fn check(input: &str) {
    let found = numbers().find(input);
    let mut last_start = 0;
    for m in &found {
        assert!(m.start < m.end, "empty span in {input:?}: {m:?}");
        assert!(m.end <= input.len(), "span beyond input in {input:?}");
        assert!(input.is_char_boundary(m.start) && input.is_char_boundary(m.end));
        assert!(m.start >= last_start, "out of order in {input:?}");
        last_start = m.start;
        if let Some((s, e)) = m.hedge {
            assert!(s <= e && e <= input.len());
            assert!(input.is_char_boundary(s) && input.is_char_boundary(e));
        }
        match m.value {
            Value::Number(x) => assert!(!x.is_nan(), "NaN in {input:?}"),
            Value::Range(a, b) => assert!(a < b, "range {a}-{b} in {input:?}"),
            Value::None => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn any_text_gives_valid_spans(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn number_words_and_digits_give_valid_spans(s in numberish()) {
        check(&s);
    }
}

mod claims {
    use isnad_extract::Extractor;
    use isnad_text::Reader;
    use proptest::prelude::*;
    use std::sync::OnceLock;

    fn extractor() -> &'static Extractor {
        static X: OnceLock<Extractor> = OnceLock::new();
        X.get_or_init(Extractor::builtin)
    }

    /// Report-like text: sources, verbs, cues, numbers, punctuation.
    fn reportish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "قال",
            "المرصد",
            "السوري",
            "إن",
            "أن",
            "بحسب",
            "نقلاً",
            "عن",
            "مصادر",
            "محلية",
            "نفت",
            "قسد",
            "داعش",
            "التنظيم",
            "الذي",
            "التي",
            "عنه",
            "قتل",
            "مقتل",
            "فرار",
            "أي",
            "سجين",
            "لم",
            "يفر",
            "12",
            "نحو",
            "عشرات",
            "من",
            "عناصر",
            "وأضاف",
            "مؤكدا",
            "،",
            ".",
            ":",
            "\"",
            "«",
            "»",
            "\n",
            "لـ",
            "الشيخ",
            "مديرة",
            "وزارة",
            "الداخلية",
            "أرقام",
            "حصيلة",
            "أعلنتها",
            "ما",
            "وفق",
            "استمرت",
            "أيام",
            "ل",
            "ال",
            "said",
            "according",
            "to",
            "killed",
            "escaped",
            "(AFP)",
            "-",
            "—",
            "|",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
    }

    /// English report words: names and their initials, titles, possessives,
    /// hyphens, described bodies, claims of zero, ages and years.
    fn english_reportish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "The",
            "the",
            "Greyhill",
            "Defence",
            "Forces",
            "GDF",
            "(GDF)",
            "spokesman",
            "Tomas",
            "Reyne",
            "said",
            "says",
            "told",
            "added",
            "denied",
            "citing",
            "according",
            "to",
            "A",
            "a",
            "war",
            "monitor",
            "based",
            "in",
            "Westmoor",
            "group",
            "its",
            "their",
            "own",
            "of",
            "none",
            "no",
            "one",
            "not",
            "single",
            "inmate",
            "inmates",
            "were",
            "had",
            "been",
            "caught",
            "killed",
            "died",
            "escaped",
            "freed",
            "hostages",
            "held",
            "by",
            "would-be",
            "escapees",
            "Kurdish-led",
            "forces",
            "'s",
            "’s",
            "toll",
            "was",
            "and",
            "that",
            ",",
            ".",
            ";",
            ":",
            "\"",
            "-",
            "—",
            "\n",
            "12",
            "1,300",
            "2019",
            "41",
            "23-year-old",
            "two-week",
            "dozens",
            "hundreds",
            "about",
            "at",
            "least",
            "more",
            "than",
            "Ms",
            "home",
            "reward",
            "local",
            "sources",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.join(" "))
    }

    fn check(bytes: Vec<u8>) {
        let len = bytes.len();
        let doc = Reader::builtin().plain("p", "p", bytes);
        for c in extractor().extract(&doc) {
            assert!(c.span.start <= c.span.end && c.span.end as usize <= len);
            assert!(c.sentence.end as usize <= len);
            assert!(!c.source.is_empty());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn extract_never_panics_and_spans_stay_inside(b in prop::collection::vec(any::<u8>(), 0..400)) {
            check(b);
        }

        #[test]
        fn extract_on_report_like_text_keeps_spans_inside(s in reportish()) {
            check(s.into_bytes());
        }

        #[test]
        fn extract_on_english_report_like_text_keeps_spans_inside(s in english_reportish()) {
            check(s.into_bytes());
        }
    }
}
