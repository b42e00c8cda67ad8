//! The plain-text and JSONL readers on arbitrary bytes: no panic; plain-text
//! spans stay in the original.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static READER: OnceLock<isnad_text::Reader> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let r = READER.get_or_init(isnad_text::Reader::builtin);
    let doc = r.plain("f", "f", data.to_vec());
    let s = doc.original_span(0..doc.text.len());
    assert!(s.end as usize <= data.len());
    r.read_jsonl(data, "f.jsonl", &mut |_| {});
});
