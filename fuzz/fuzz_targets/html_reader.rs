//! The HTML reader on arbitrary bytes: no panic, and every character of
//! the text it keeps maps into the page (`checks::text_map`).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::html_reader(data));
