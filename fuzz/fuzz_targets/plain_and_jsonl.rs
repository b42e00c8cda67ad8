//! The plain-text and JSONL readers on arbitrary bytes: no panic; every
//! character of each document's text maps into its original
//! (`checks::text_map`).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::plain_and_jsonl(data));
