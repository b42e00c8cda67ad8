//! The fuzz targets' regressions, replayed: every file of
//! `fuzz/regressions/<target>/` through the target's own checks
//! (`fuzz/checks.rs`), and the `extract` inputs through the binary with
//! one job and with two, which must print the same. See: issue 23.

mod common;

#[path = "../fuzz/checks.rs"]
mod checks;

use common::*;
use std::path::{Path, PathBuf};

fn inputs(target: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a folder entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "{}: no regressions", dir.display());
    files
}

fn replay(target: &str, run: fn(&[u8])) {
    for file in inputs(target) {
        let data = std::fs::read(&file).expect("read a regression");
        let outcome = std::panic::catch_unwind(|| run(&data));
        assert!(outcome.is_ok(), "{target}: {} fails", file.display());
    }
}

#[test]
fn extract_regressions() {
    replay("extract", checks::extract);
}

#[test]
fn html_reader_regressions() {
    replay("html_reader", checks::html_reader);
}

#[test]
fn plain_and_jsonl_regressions() {
    replay("plain_and_jsonl", checks::plain_and_jsonl);
}

#[test]
fn warc_regressions() {
    replay("warc", checks::warc);
}

#[test]
fn numbers_regressions() {
    replay("numbers", checks::numbers);
}

#[test]
fn extract_regressions_print_the_same_with_one_job_and_two() {
    let dir = tempfile::tempdir().expect("tempdir");
    for file in inputs("extract") {
        let name = file.file_name().and_then(|n| n.to_str()).expect("a UTF-8 name");
        let data = std::fs::read(&file).expect("read a regression");
        // As a page and as text, so both readers run.
        write(dir.path(), &format!("{name}.html"), &data);
        write(dir.path(), &format!("{name}.txt"), &data);
    }
    let one = isnad(&["extract", "-j", "1", "."], b"", dir.path());
    let two = isnad(&["extract", "-j", "2", "."], b"", dir.path());
    assert_eq!(one.status.code(), two.status.code());
    assert!(!stdout(&one).is_empty(), "{}", stderr(&one));
    assert_eq!(stdout(&one), stdout(&two));
}
