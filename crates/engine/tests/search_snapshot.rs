//! Search results pinned: the examples (and the devset, when `../shared`
//! is present) ingested into a fresh SQLite store, a fixed list of queries
//! plus words drawn from the documents themselves, and for each query its
//! hits (document, score, hit spans, snippet) compared with a snapshot
//! written by an earlier build. A change to how documents are analysed,
//! indexed or stored that moves a single hit fails here.
//!
//! To write the snapshots again (after a change meant to move hits):
//! `ISNAD_UPDATE_SNAPSHOTS=1 cargo test -p isnad-engine --test search_snapshot`.
//!
//! See: issue 24 ("Speed where users wait").

use isnad_engine::Engine;
use isnad_engine::ingest::{Bytes, Options, ingest};
use isnad_engine::search::search;
use isnad_store::Store;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Queries every corpus is asked, beside those drawn from its documents.
const QUERIES: &[&str] = &[
    "سجين",
    "السجناء",
    "للسجناء",
    "قسد",
    "SDF",
    "Syrian Democratic Forces",
    "قتلى",
    "قتيل",
    "مقتل",
    "جرحى",
    "نازحين",
    "المرصد السوري",
    "الأمم المتحدة",
    "killed",
    "prisoners",
    "displaced",
    "attack",
    "ministry of health",
    "2024",
    "مسلحا",
    "غويران",
    "يوم",
];

/// The readable files of a folder, in name order.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("list the corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "txt" | "html" | "htm"))
        })
        .collect();
    out.sort();
    out
}

/// Words drawn from the documents: every 29th word of four letters or
/// more, at most five a document, and a pair of them.
fn drawn(texts: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    for t in texts {
        let words: Vec<&str> = t
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| w.chars().count() >= 4 && w.chars().all(char::is_alphanumeric))
            .collect();
        let picked: Vec<&str> = words.iter().step_by(29).take(5).copied().collect();
        out.extend(picked.iter().map(|w| w.to_string()));
        if let [a, b, ..] = picked.as_slice() {
            out.push(format!("{a} {b}"));
        }
    }
    out
}

/// Every query's hits in `dir`, one block per query.
fn render(dir: &Path) -> String {
    let engine = Engine::builtin();
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Mutex::new(Store::open(&tmp.path().join("isnad.db")).expect("store"));
    let mut texts = Vec::new();
    for path in files(dir) {
        let bytes = std::fs::read(&path).expect("read a document");
        texts.push(String::from_utf8_lossy(&bytes).into_owned());
        let name = path.file_name().and_then(|n| n.to_str()).expect("a name");
        let id = path.file_stem().and_then(|n| n.to_str()).expect("a stem");
        let input = Bytes {
            id,
            name,
            bytes: &bytes,
        };
        let options = Options {
            jobs: 2,
            ..Options::default()
        };
        ingest(&engine, input, Some(&store), &options, &mut |_| {}).expect("ingest");
    }
    let store = store.lock().expect("store");
    let mut queries: Vec<String> = QUERIES.iter().map(|q| q.to_string()).collect();
    queries.extend(drawn(&texts));
    let mut out = String::new();
    for q in queries {
        let _ = writeln!(out, "## {q}");
        for f in search(&engine, &store, &q, 10).expect("search") {
            let hits: Vec<String> = f.hits.iter().map(|s| format!("{}..{}", s.start, s.end)).collect();
            let _ = writeln!(
                out,
                "{} {} {:.6} [{}] {}",
                f.rank,
                f.fields.doc,
                f.score,
                hits.join(" "),
                f.snippet_text("[", "]")
            );
        }
    }
    out
}

/// Compares the rendering of `dir` with the snapshot `name`, or writes it.
fn check(dir: &Path, name: &str) {
    let got = render(dir);
    let at = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var_os("ISNAD_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&at, &got).expect("write the snapshot");
        return;
    }
    let want = std::fs::read_to_string(&at).expect("the snapshot");
    if got != want {
        for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
            assert_eq!(g, w, "{name}: line {} differs", i + 1);
        }
        assert_eq!(
            got.lines().count(),
            want.lines().count(),
            "{name}: line counts differ"
        );
    }
}

#[test]
fn search_results_on_the_examples_are_those_of_the_snapshot() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    check(&root.join("examples"), "search-examples.txt");
}

#[test]
fn search_results_on_the_devset_are_those_of_the_snapshot() {
    let devset = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/devset");
    if !devset.is_dir() {
        eprintln!("skipped: no ../shared/devset");
        return;
    }
    check(&devset, "search-devset.txt");
}
