//! The WARC reader on arbitrary bytes, plain and behind gzip: no panic, no
//! unbounded memory; every character of each document's text maps into
//! its original (`checks::text_map`).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::warc(data));
