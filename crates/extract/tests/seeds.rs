//! The full `extract` output on the two seed documents and on the English
//! examples of the repository (a wire story, a newspaper, a think-tank
//! brief, a monitor's toll, a local site), pinned.
//!
//! One claim per line: facet, value, qualifier, stance, chain (names,
//! outermost first), unnamed?, subject, span, and the text at the span.
//! Needs `../shared/seeds/` (skips, saying so, where it is absent, unless
//! `ISNAD_REQUIRE_SHARED=1`; a skip is counted in `$ISNAD_SKIP_LOG`).
//!
//! To review a change: `cargo insta test -p isnad-extract --review`, or run
//! the tests and read `tests/snapshots/*.snap.new` line by line before
//! accepting it (`cargo insta accept`).

use isnad_extract::{Extractor, Numbers, Value};
use isnad_text::Reader;
use std::path::PathBuf;

fn seeds() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    if dir.is_dir() {
        Some(dir)
    } else {
        skip(&format!(
            "{} is absent; the seed snapshots need it",
            dir.display()
        ));
        None
    }
}

/// As the root's `tests/common::skip`: fails where `ISNAD_REQUIRE_SHARED=1`,
/// else says so and logs it to `$ISNAD_SKIP_LOG`.
fn skip(why: &str) {
    if std::env::var("ISNAD_REQUIRE_SHARED").as_deref() == Ok("1") {
        panic!("ISNAD_REQUIRE_SHARED=1 but {why}");
    }
    eprintln!("SKIP: {why}");
    if let Ok(log) = std::env::var("ISNAD_SKIP_LOG") {
        use std::io::Write;
        let test = std::thread::current().name().unwrap_or("?").to_string();
        if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
            let _ = writeln!(f, "{test}: {why}");
        }
    }
}

fn render(name: &str) -> Option<String> {
    render_path(&seeds()?.join(name))
}

fn render_path(path: &std::path::Path) -> Option<String> {
    let reader = Reader::builtin();
    let mut docs = Vec::new();
    reader.read_path(path, &mut |d| docs.push(d.expect("seed reads")));
    let doc = docs.pop()?;
    let mut out = String::new();
    for c in Extractor::builtin().extract(&doc) {
        let value = match c.value {
            Value::Number(x) => format!("{x}"),
            Value::Range(a, b) => format!("{a}-{b}"),
            Value::None => c.vague.as_deref().unwrap_or("?").to_string(),
        };
        let chain: Vec<&str> = c.source.iter().map(|s| s.name.as_str()).collect();
        let text = std::str::from_utf8(&doc.original[c.span.range()]).unwrap_or("<not UTF-8>");
        out.push_str(&format!(
            "{} | {} | {} | {} | {}{} | {} | {}..{} | {}\n",
            c.facet,
            value,
            c.qualifier.as_str(),
            c.stance.as_str(),
            chain.join(" > "),
            if c.anonymous { " (unnamed)" } else { "" },
            c.subject.as_deref().unwrap_or("-"),
            c.span.start,
            c.span.end,
            text
        ));
    }
    Some(out)
}

#[test]
fn seed_000_annahar_claims() {
    if let Some(out) = render("000_7d9590c0c4a3f712.txt") {
        insta::assert_snapshot!(out);
    }
}

#[test]
fn seed_002_daraj_claims() {
    if let Some(out) = render("002_a7f94f2ac49a69ab.txt") {
        insta::assert_snapshot!(out);
    }
}

fn example(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    render_path(&path).expect("the example reads")
}

#[test]
fn english_example_04_site_on_the_attackers() {
    insta::assert_snapshot!(example("04-rudaw-attackers-en.txt"));
}

#[test]
fn english_example_05_wire() {
    insta::assert_snapshot!(example("05-wire-dawn-en.txt"));
}

#[test]
fn english_example_09_newspaper_toll() {
    insta::assert_snapshot!(example("09-newspaper-toll-en.txt"));
}

#[test]
fn english_example_10_think_tank_brief() {
    insta::assert_snapshot!(example("10-think-tank-brief-en.txt"));
}

#[test]
fn english_example_11_monitor_final_toll() {
    insta::assert_snapshot!(example("11-monitor-final-toll-en.txt"));
}

/// Every claim's span, read back from the original bytes, parses to the
/// claim's value (a claim of zero, "أي سجين", has no digits to parse).
#[test]
fn every_seed_and_example_span_parses_back_to_its_value() {
    let mut paths: Vec<PathBuf> = Vec::new();
    if let Some(dir) = seeds() {
        paths.push(dir.join("000_7d9590c0c4a3f712.txt"));
        paths.push(dir.join("002_a7f94f2ac49a69ab.txt"));
    }
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for e in std::fs::read_dir(&examples).expect("examples/") {
        paths.push(e.expect("entry").path());
    }
    let reader = Reader::builtin();
    let numbers = Numbers::builtin();
    let x = Extractor::builtin();
    let mut checked = 0;
    for p in paths {
        reader.read_path(&p, &mut |d| {
            let doc = d.expect("reads");
            for c in x.extract(&doc) {
                let piece = std::str::from_utf8(&doc.original[c.span.range()]).expect("UTF-8 span");
                let back = numbers.find(&html_unescape(piece));
                let ok = c.value == Value::Number(0.0) || back.iter().any(|m| {
                    m.value == c.value
                        || matches!((m.value, c.value), (Value::Number(a), Value::Number(b)) if a * 7.0 == b)
                });
                assert!(ok, "{}: {piece:?} does not parse back to {:?}", doc.id, c.value);
                assert!(
                    c.sentence.contains(c.span),
                    "{}: span outside its sentence",
                    doc.id
                );
                checked += 1;
            }
        });
    }
    assert!(checked > 20, "only {checked} claims checked");
}

fn html_unescape(s: &str) -> String {
    s.replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
}
