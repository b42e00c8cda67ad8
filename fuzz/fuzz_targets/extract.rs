//! Claims extraction on arbitrary bytes read as a plain-text document: no
//! panic, and every span lies inside the input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static X: OnceLock<(isnad_text::Reader, isnad_extract::Extractor)> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let (reader, x) = X.get_or_init(|| (isnad_text::Reader::builtin(), isnad_extract::Extractor::builtin()));
    let doc = reader.plain("f", "f", data.to_vec());
    for c in x.extract(&doc) {
        assert!(c.span.start <= c.span.end && c.span.end as usize <= data.len());
        assert!(c.sentence.end as usize <= data.len());
    }
});
