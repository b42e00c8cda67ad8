//! The number recogniser on arbitrary text: no panic, and every span lies
//! inside the input on character boundaries (`checks::numbers`).
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "../checks.rs"]
mod checks;

fuzz_target!(|data: &[u8]| checks::numbers(data));
