//! Conformance with Microsoft Recognizers-Text's Arabic and English number
//! specs.
//!
//! Runs every case of `Number/Arabic/NumberModel.json` (and of the ordinal
//! and percent models), and of `Number/English/NumberModel.json`, through
//! the real `isnad numbers` binary and prints the pass rate. A case passes when isnad finds the same numbers in the
//! same order: compared by value, or by text where the spec says
//! `IgnoreResolution` (the spec's own rule for those cases).
//!
//! Every case isnad fails must be listed, with the reason, in
//! `tests/recognizers/unsupported.toml` (English: `unsupported-en.toml`); a failing case not listed there
//! fails this test (a regression), and a listed case that now passes is
//! reported so the list can be pruned.
//!
//! Needs `../shared/corpora/recognizers-text-arabic/` and
//! `recognizers-text-english/` (skips, saying so, where they are absent,
//! unless `ISNAD_REQUIRE_SHARED=1`).

mod common;

use common::skip;
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn spec_dir() -> Option<PathBuf> {
    spec_dir_of("arabic")
}

fn spec_dir_of(lang: &str) -> Option<PathBuf> {
    let dir =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("../shared/corpora/recognizers-text-{lang}"));
    if dir.is_dir() {
        Some(dir)
    } else {
        skip(
            "ISNAD_REQUIRE_SHARED",
            &format!(
                "{} is absent; the Recognizers-Text conformance test needs it",
                dir.display()
            ),
        );
        None
    }
}

fn load(path: &PathBuf) -> Vec<Value> {
    let text = std::fs::read_to_string(path).expect("spec file");
    let text = text.trim_start_matches('\u{feff}');
    serde_json::from_str(text).expect("spec JSON")
}

fn run_isnad(inputs: &[String]) -> Vec<Vec<Value>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .arg("numbers")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run isnad");
    let mut stdin = child.stdin.take().expect("stdin");
    let body: String = inputs
        .iter()
        .map(|s| format!("{}\n", s.replace('\n', " ")))
        .collect();
    let writer = std::thread::spawn(move || stdin.write_all(body.as_bytes()));
    let out = child.wait_with_output().expect("isnad output");
    writer.join().expect("writer").expect("write stdin");
    assert!(out.status.success(), "isnad numbers failed");
    let text = String::from_utf8(out.stdout).expect("UTF-8 output");
    let lines: Vec<Vec<Value>> = text
        .lines()
        .map(|l| serde_json::from_str::<Vec<Value>>(l).expect("one JSON array per line"))
        .collect();
    assert_eq!(lines.len(), inputs.len(), "one output line per input line");
    lines
}

fn as_f64(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim_end_matches('%').parse().ok(),
        _ => None,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

struct Outcome {
    passed: Vec<usize>,
    failed: Vec<(usize, String)>,
}

/// Compares isnad's mentions of the given kinds with each case's results.
fn score(cases: &[Value], kinds: &[&str], value_of: impl Fn(&Value) -> Option<f64>) -> Outcome {
    let inputs: Vec<String> = cases
        .iter()
        .map(|c| c["Input"].as_str().unwrap_or("").to_string())
        .collect();
    let got = run_isnad(&inputs);
    let mut passed = Vec::new();
    let mut failed = Vec::new();
    for (i, (case, found)) in cases.iter().zip(got).enumerate() {
        let ignore_resolution = case["IgnoreResolution"].as_bool().unwrap_or(false);
        let want = case["Results"].as_array().cloned().unwrap_or_default();
        let found: Vec<&Value> = found
            .iter()
            .filter(|m| kinds.contains(&m["kind"].as_str().unwrap_or("")))
            .collect();
        let ok = want.len() == found.len()
            && want.iter().zip(&found).all(|(w, f)| {
                if ignore_resolution {
                    w["Text"].as_str().map(str::trim) == f["text"].as_str()
                } else {
                    match (value_of(&w["Resolution"]), as_f64(&f["value"])) {
                        (Some(a), Some(b)) => close(a, b),
                        _ => false,
                    }
                }
            });
        if ok {
            passed.push(i);
        } else {
            let shown: Vec<String> = found
                .iter()
                .map(|f| format!("{}={}", f["text"], f["value"]))
                .collect();
            let wanted: Vec<String> = want
                .iter()
                .map(|w| format!("{}={}", w["Text"], w["Resolution"]["value"]))
                .collect();
            failed.push((
                i,
                format!(
                    "{:?}: want [{}] got [{}]",
                    inputs[i],
                    wanted.join(", "),
                    shown.join(", ")
                ),
            ));
        }
    }
    Outcome { passed, failed }
}

#[derive(serde::Deserialize)]
struct Unsupported {
    #[serde(default)]
    number: BTreeMap<String, String>,
    #[serde(default)]
    ordinal: BTreeMap<String, String>,
    #[serde(default)]
    percent: BTreeMap<String, String>,
}

fn unsupported() -> Unsupported {
    unsupported_in("unsupported.toml")
}

fn unsupported_in(file: &str) -> Unsupported {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/recognizers")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn check(name: &str, outcome: &Outcome, total: usize, listed: &BTreeMap<String, String>, floor: f64) {
    let rate = outcome.passed.len() as f64 / total as f64;
    eprintln!(
        "Recognizers-Text {name}: {}/{} cases pass ({:.1}%)",
        outcome.passed.len(),
        total,
        rate * 100.0
    );
    let mut unlisted = Vec::new();
    for (i, why) in &outcome.failed {
        if !listed.contains_key(&i.to_string()) {
            unlisted.push(format!("  #{i} {why}"));
        }
    }
    for i in &outcome.passed {
        if listed.contains_key(&i.to_string()) {
            eprintln!("  note: #{i} now passes; remove it from unsupported.toml [{name}]");
        }
    }
    assert!(
        unlisted.is_empty(),
        "{name}: failing cases not listed in tests/recognizers/unsupported.toml:\n{}",
        unlisted.join("\n")
    );
    assert!(rate >= floor, "{name}: pass rate {rate:.3} below {floor}");
}

#[test]
fn number_model_pass_rate() {
    let Some(dir) = spec_dir() else { return };
    let cases = load(&dir.join("Number/Arabic/NumberModel.json"));
    let outcome = score(&cases, &["cardinal", "fraction", "year", "percent"], |r| {
        as_f64(&r["value"])
    });
    check(
        "Arabic NumberModel",
        &outcome,
        cases.len(),
        &unsupported().number,
        0.92,
    );
}

#[test]
fn ordinal_model_pass_rate() {
    let Some(dir) = spec_dir() else { return };
    let cases = load(&dir.join("Number/Arabic/OrdinalModel.json"));
    let outcome = score(&cases, &["ordinal"], |r| as_f64(&r["value"]));
    // Relative ordinals (last, next, previous) are out of scope: see unsupported.toml.
    check(
        "Arabic OrdinalModel",
        &outcome,
        cases.len(),
        &unsupported().ordinal,
        0.35,
    );
}

#[test]
fn percent_model_pass_rate() {
    let Some(dir) = spec_dir() else { return };
    let cases = load(&dir.join("Number/Arabic/PercentModel.json"));
    let outcome = score(&cases, &["percent"], |r| as_f64(&r["value"]));
    check(
        "Arabic PercentModel",
        &outcome,
        cases.len(),
        &unsupported().percent,
        0.9,
    );
}

#[test]
fn english_number_model_pass_rate() {
    let Some(dir) = spec_dir_of("english") else { return };
    let cases = load(&dir.join("Number/English/NumberModel.json"));
    let outcome = score(&cases, &["cardinal", "fraction", "year", "percent"], |r| {
        as_f64(&r["value"])
    });
    check(
        "English NumberModel",
        &outcome,
        cases.len(),
        &unsupported_in("unsupported-en.toml").number,
        0.9,
    );
}
