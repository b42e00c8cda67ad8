//! The HTML reader on arbitrary bytes: no panic, and every span of the text
//! it keeps lies inside the page.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static READER: OnceLock<isnad_text::Reader> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let r = READER.get_or_init(isnad_text::Reader::builtin);
    let doc = r.html("f", "f", data.to_vec());
    let mut cuts: Vec<usize> = doc.text.char_indices().map(|(i, _)| i).collect();
    cuts.push(doc.text.len());
    for w in cuts.windows(2) {
        let s = doc.original_span(w[0]..w[1]);
        assert!(s.start <= s.end && s.end as usize <= data.len());
    }
    for f in &doc.furniture {
        assert!(f.end <= doc.text.len());
    }
});
