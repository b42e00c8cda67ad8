//! `isnad reextract` on the real binary, on each backend at hand: after a
//! user's vocabulary adds an alias, the stored claims and the ledger
//! change; a second run changes nothing more; `isnad runs` shows each
//! run with the hash of the vocabulary it used. See: issue 21, "The
//! vocabulary".

mod common;

use common::*;
use std::path::Path;

/// A report whose source only an alias the user adds names.
const REPORT: &str = "The observatory said 41 people were killed in the attack on the prison.\n";

/// The user's vocabulary: SOHR known as "the observatory" too.
const ALIAS: &str = "[[source]]\nid = \"sohr\"\naliases = [\"the observatory\"]\n";

fn ledger(dir: &Path, db: &str) -> String {
    stdout(&ok(isnad(&["ledger", "--db", db, "--format", "csv"], b"", dir)))
}

fn reextract(dir: &Path, db: &str, data: Option<&str>) -> String {
    let mut args = vec!["reextract", "--db", db];
    if let Some(d) = data {
        args.extend(["--data", d]);
    }
    stderr(&ok(isnad(&args, b"", dir)))
}

#[test]
fn reextract_after_adding_an_alias_changes_the_claims_and_a_second_run_nothing() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    write(d, "report.txt", REPORT.as_bytes());
    std::fs::create_dir(d.join("data")).expect("the data folder");
    write(&d.join("data"), "sources.toml", ALIAS.as_bytes());
    for (db, _keep) in stores("reextract_after_adding_an_alias", d) {
        ok(isnad(&["ingest", "-q", "report.txt", "--db", &db], b"", d));
        let before = ledger(d, &db);
        assert!(before.contains(",unknown:report,"), "{db}: {before}");
        let said = reextract(d, &db, Some("data"));
        assert!(said.contains("1 with other claims than before"), "{db}: {said}");
        let after = ledger(d, &db);
        assert!(after.contains("unknown > SOHR,sohr,"), "{db}: {after}");
        let said = reextract(d, &db, Some("data"));
        assert!(said.contains("0 with other claims than before"), "{db}: {said}");
        assert_eq!(ledger(d, &db), after, "{db}: a second run changed the ledger");
        // The built-in vocabulary finds what it found at first.
        reextract(d, &db, None);
        assert_eq!(ledger(d, &db), before, "{db}");
    }
}

#[test]
fn reextract_refuses_a_store_that_does_not_exist() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let out = isnad(&["reextract", "--db", "typo.db"], b"", dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no store here"), "{}", stderr(&out));
    assert!(!dir.path().join("typo.db").exists());
}

/// The vocabulary hash `isnad --version` prints (with `--data dir`).
fn vocabulary(dir: &Path, data: Option<&str>) -> String {
    let mut args = vec!["--version"];
    if let Some(d) = data {
        args.extend(["--data", d]);
    }
    let version = stdout(&ok(isnad(&args, b"", dir)));
    version
        .split("vocabulary ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("no vocabulary in {version}"))
        .to_string()
}

#[test]
fn each_run_records_the_vocabulary_it_used() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let d = dir.path();
    write(d, "report.txt", REPORT.as_bytes());
    std::fs::create_dir(d.join("data")).expect("the data folder");
    write(&d.join("data"), "sources.toml", ALIAS.as_bytes());
    let (builtin, users) = (vocabulary(d, None), vocabulary(d, Some("data")));
    assert_ne!(builtin, users);
    for (db, _keep) in stores("each_run_records_the_vocabulary_it_used", d) {
        ok(isnad(&["ingest", "-q", "report.txt", "--db", &db], b"", d));
        reextract(d, &db, Some("data"));
        let runs = lines(&ok(isnad(&["runs", "--db", &db], b"", d)));
        let seen: Vec<(&str, &str, i64)> = runs
            .iter()
            .map(|r| {
                (
                    r["command"].as_str().unwrap_or(""),
                    r["vocabulary"].as_str().unwrap_or(""),
                    r["claims"].as_i64().unwrap_or(-1),
                )
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("ingest report.txt", builtin.as_str(), 1),
                ("reextract", users.as_str(), 1)
            ],
            "{db}"
        );
        assert!(runs.iter().all(|r| r["finished"].is_string()), "{runs:?}");
    }
}
