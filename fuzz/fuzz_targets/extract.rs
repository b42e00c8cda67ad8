//! Claims extraction on arbitrary bytes read as a plain-text document and
//! as a page: no panic, and `checks::claims` holds (each span inside its
//! sentence inside the document, the evidence the text there, the
//! ledger's marks on the span's own characters).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::extract(data));
