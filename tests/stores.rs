//! One suite, two backends: `ingest`, `ledger`, `search` and `serve` on an
//! SQLite file and on a PostgreSQL database (when `$ISNAD_TEST_POSTGRES`
//! names a server; `.ci/run` starts one and requires it), with the same
//! answers; concurrent and killed ingests that store each document once.

mod common;

use common::*;
use isnad_store::{Counts, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn counts(at: &str) -> Counts {
    Store::open_location(at)
        .expect("open the store")
        .counts()
        .expect("counts")
}

/// The lines of a CSV ledger, sorted (two stores may number documents
/// differently when they were written concurrently).
fn sorted_lines(text: &str) -> Vec<String> {
    let mut l: Vec<String> = text.lines().map(str::to_string).collect();
    l.sort();
    l
}

#[test]
fn every_backend_gives_the_same_ledger_search_and_api() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let ex = examples();
    let ex = ex.to_str().expect("a UTF-8 path");
    let mut seen: Vec<(String, String, String, String)> = Vec::new();
    for (at, _keep) in stores("same_answers", d) {
        let first = ok(isnad(&["ingest", ex, "--db", &at], b"", d));
        assert!(
            stderr(&first).contains("12 new, 0 already stored, 0 failed"),
            "{at}: {}",
            stderr(&first)
        );
        let again = ok(isnad(&["ingest", ex, "--db", &at], b"", d));
        assert!(
            stderr(&again).contains("0 new, 12 already stored, 0 failed"),
            "{at}: {}",
            stderr(&again)
        );
        let csv = stdout(&ok(isnad(&["ledger", "--db", &at, "--format", "csv"], b"", d)));
        assert!(csv.lines().count() > 20, "{at}: {csv}");
        let found = lines(&ok(isnad(
            &["search", "سجين", "--db", &at, "--format", "jsonl"],
            b"",
            d,
        )));
        let docs: Vec<String> = found.iter().map(|f| f["doc"].to_string()).collect();
        assert!(!docs.is_empty(), "{at}: search found nothing");
        let aliases = lines(&ok(isnad(
            &["search", "SDF", "--db", &at, "--format", "jsonl"],
            b"",
            d,
        )));
        assert!(
            aliases.iter().any(|f| f["lang"] == "ar"),
            "{at}: SDF should find قسد in an Arabic report"
        );
        let (mut server, url) = serve(d, &["--db", &at]);
        let events = get(&url, "/api/events");
        let _ = server.kill();
        let _ = server.wait();
        assert!(events.contains("sinaa_prison_attack_2022"), "{at}: {events}");
        let mut docs_sorted = docs.clone();
        docs_sorted.sort();
        seen.push((at, csv, docs_sorted.join(","), events));
    }
    let (first, rest) = seen.split_first().expect("SQLite at least");
    for other in rest {
        assert_eq!(
            other.1, first.1,
            "the CSV ledger of {} differs from {}'s",
            other.0, first.0
        );
        assert_eq!(
            other.2, first.2,
            "search on {} finds other documents than on {}",
            other.0, first.0
        );
        assert_eq!(
            other.3, first.3,
            "/api/events on {} differs from {}'s",
            other.0, first.0
        );
    }
}

#[test]
fn one_text_from_two_outlets_reaches_the_ledger_with_both_chains() {
    // Two records with the same text were stored once, under the first
    // outlet: the second outlet's chain, which `extract` shows, never
    // reached the ledger. See: issue 23.
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let text = "The SDF said 12 fighters escaped from the prison on Monday.";
    let record = |id: &str, outlet: &str, url: &str| {
        serde_json::json!({"id": id, "outlet": outlet, "url": url, "lang": "en", "text": text}).to_string()
    };
    let jsonl = [
        record("a", "Northmoor Daily", "https://northmoor.example/1"),
        record("b", "Westmoor Times", "https://westmoor.example/1"),
        // The same outlet at another address: a third document.
        record("c", "Westmoor Times", "https://westmoor.example/2"),
        // The first record again: stored once.
        record("a", "Northmoor Daily", "https://northmoor.example/1"),
    ]
    .join("\n");
    write(d, "r.jsonl", jsonl.as_bytes());
    let extracted = lines(&ok(isnad(&["extract", "r.jsonl"], b"", d)));
    assert_eq!(extracted.len(), 4, "{extracted:?}");
    for (at, _keep) in stores("two_outlets", d) {
        let first = ok(isnad(&["ingest", "r.jsonl", "--db", &at], b"", d));
        assert!(
            stderr(&first).contains("3 new, 1 already stored, 0 failed"),
            "{at}: {}",
            stderr(&first)
        );
        let again = ok(isnad(&["ingest", "r.jsonl", "--db", &at], b"", d));
        assert!(
            stderr(&again).contains("0 new, 4 already stored, 0 failed"),
            "{at}: {}",
            stderr(&again)
        );
        assert_eq!(counts(&at).documents, 3, "{at}");
        assert_eq!(counts(&at).claims, 3, "{at}");
        let csv = stdout(&ok(isnad(&["ledger", "--db", &at, "--format", "csv"], b"", d)));
        for outlet in ["Northmoor Daily", "Westmoor Times"] {
            assert!(csv.contains(outlet), "{at}: no chain from {outlet}:\n{csv}");
        }
    }
}

#[test]
fn three_processes_ingesting_the_same_reports_at_once_store_each_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(examples())
        .expect("examples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    if let Some(seeds) = seeds_dir() {
        inputs.extend(
            std::fs::read_dir(seeds)
                .expect("seeds")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt")),
        );
    }
    inputs.sort();
    let reference = d.join("reference.db");
    let all: Vec<&str> = inputs.iter().map(|p| p.to_str().expect("path")).collect();
    let mut args = vec!["ingest", "--db", reference.to_str().expect("path")];
    args.extend(&all);
    ok(isnad(&args, b"", d));
    let want = counts(reference.to_str().expect("path"));
    let want_csv = stdout(&ok(isnad(
        &[
            "ledger",
            "--db",
            reference.to_str().expect("path"),
            "--format",
            "csv",
        ],
        b"",
        d,
    )));
    for (at, _keep) in stores("concurrent", d) {
        // Each process takes the files in its own order, one at a time
        // (-j 1), so their transactions interleave.
        let orders: Vec<Vec<&str>> = vec![
            all.clone(),
            all.iter().rev().copied().collect(),
            all.iter()
                .skip(all.len() / 2)
                .chain(all.iter().take(all.len() / 2))
                .copied()
                .collect(),
        ];
        let children: Vec<_> = orders
            .iter()
            .map(|files| {
                Command::new(env!("CARGO_BIN_EXE_isnad"))
                    .args(["ingest", "-q", "-j", "1", "--db", &at])
                    .args(files)
                    .current_dir(d)
                    .env_remove("ISNAD_DATA")
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped())
                    .spawn()
                    .expect("spawn")
            })
            .collect();
        for c in children {
            let out = c.wait_with_output().expect("wait");
            assert!(out.status.success(), "{at}: {}", stderr(&out));
        }
        assert_eq!(counts(&at), want, "{at}");
        let csv = stdout(&ok(isnad(&["ledger", "--db", &at, "--format", "csv"], b"", d)));
        assert_eq!(sorted_lines(&csv), sorted_lines(&want_csv), "{at}");
    }
}

#[test]
fn a_killed_ingest_run_again_stores_each_document_once() {
    let Some(corpus) = shared("corpora/arabic-news/ant-v1.1.jsonl") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let corpus = corpus.to_str().expect("path");
    // The reference: one uninterrupted run.
    let clean = d.join("clean.db");
    ok(isnad(
        &["ingest", corpus, "--db", clean.to_str().expect("path")],
        b"",
        d,
    ));
    let clean = counts(clean.to_str().expect("path"));
    for (at, _keep) in stores("killed", d) {
        kill_and_rerun(d, corpus, &at, clean);
    }
}

fn kill_and_rerun(d: &Path, corpus: &str, at: &str, clean: Counts) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["ingest", corpus, "--db", at])
        .current_dir(d)
        .env_remove("ISNAD_DATA")
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn");
    // Kill it once it has committed something, well before it ends.
    let started = std::time::Instant::now();
    let mut store = None;
    while started.elapsed().as_secs() < 60 {
        std::thread::sleep(std::time::Duration::from_millis(20));
        if store.is_none() {
            store = Store::open_location(at).ok();
        }
        if store
            .as_ref()
            .and_then(|s| s.counts().ok())
            .is_some_and(|c| c.documents >= 500)
        {
            break;
        }
    }
    child.kill().expect("SIGKILL");
    let _ = child.wait();
    drop(store);
    let partial = counts(at);
    assert!(
        partial.documents < clean.documents && partial.documents > 0,
        "{at}: the kill came too late (or too early) to test anything: {partial:?}"
    );
    let again = ok(isnad(&["ingest", corpus, "--db", at], b"", d));
    let new = format!("{} new", clean.documents - partial.documents);
    assert!(stderr(&again).contains(&new), "{at}: {}", stderr(&again));
    assert_eq!(counts(at), clean, "{at}");
}
