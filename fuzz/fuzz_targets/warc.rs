//! The WARC reader on arbitrary bytes, plain and behind gzip: no panic, no
//! unbounded memory; every document's spans stay in its original.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static READER: OnceLock<isnad_text::Reader> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let r = READER.get_or_init(isnad_text::Reader::builtin);
    // As given, and with a valid WARC head in front so the records are parsed.
    let mut framed = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ".to_vec();
    framed.extend_from_slice(data);
    for input in [data, framed.as_slice()] {
        r.read_warc_stream(input, "f.warc", &mut |d| {
            if let Ok(doc) = d {
                let s = doc.original_span(0..doc.text.len());
                assert!(s.end as usize <= doc.original.len());
            }
        });
    }
});
