//! The number recogniser on arbitrary text: no panic, and every span lies
//! inside the input on character boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

static NUMBERS: OnceLock<isnad_extract::Numbers> = OnceLock::new();

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let n = NUMBERS.get_or_init(isnad_extract::Numbers::builtin);
    for m in n.find(text) {
        assert!(m.start < m.end && m.end <= text.len());
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        if let Some((s, e)) = m.hedge {
            assert!(s <= e && e <= text.len());
        }
    }
});
