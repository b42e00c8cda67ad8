//! The page in a real browser: ingest the seeds into a fresh store, start
//! `isnad serve`, and let `tests/browser/sinaa.mjs` (playwright-core driving
//! Debian's chromium) open the al-Sina'a event, click the 12 attackers value
//! and find al-Naba's sentence highlighted; then open a report whose text is
//! an HTML payload and find it shown as text, run as nothing. The
//! screenshot (of al-Naba's sentence) is written to
//! `target/browser/sinaa.png`.
//!
//! A second run (`tests/browser/page.mjs`) stores reports written to try
//! the page: an Arabic outlet's report beside ISO dates and ids, names,
//! titles and text carrying bidi overrides (U+202E), an HTML payload as
//! outlet and title and a `javascript:` address, and 30 reports of one
//! value; it checks that rows and numbers read in logical order, that no
//! override acts, that the filters narrow the claims and live in the
//! address, that "who claims it" pages to the value's true total, that the
//! chart counts its undated values, that script payloads in the address
//! (a search, an event or document id, a filter, the page's query) show as
//! text or are refused and run nothing, that a search's words are marked
//! in the document it opens, that the CSV export holds every claim of the
//! view,
//! that the Parquet export downloads a Parquet file of the view (with the
//! `parquet` feature; without it, that no button offers one), and that at
//! 390 px nothing scrolls sideways. Over a second store, of
//! `examples/`, it checks that `prisoners_escaped` says in words, in
//! English and Arabic, that the SDF's 0 disputes each other figure, by
//! name. Its screenshots, at 1366 and 390 px, are
//! `target/browser/{event,doc}-{1366,390}.png`, and the disputes',
//! `target/browser/disputes-{en,ar}.png`.
//!
//! Needs node, /usr/bin/chromium and `npm ci --prefix tests/browser`; where
//! one is missing the test says SKIP, unless `ISNAD_REQUIRE_BROWSER=1` (as
//! `.ci/run` sets it), where it fails.

mod common;

use common::*;
use std::path::PathBuf;
use std::process::Command;

fn missing(what: &str) -> bool {
    skip("ISNAD_REQUIRE_BROWSER", &format!("the browser test needs {what}"));
    true
}

/// The chromium to drive, when node, it and playwright-core are there.
fn browser() -> Option<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Command::new("node").arg("--version").output().is_err() && missing("node") {
        return None;
    }
    if !std::path::Path::new(&chromium).exists() && missing("chromium") {
        return None;
    }
    if !root.join("tests/browser/node_modules/playwright-core").is_dir()
        && missing("playwright-core (npm ci --prefix tests/browser)")
    {
        return None;
    }
    Some(chromium)
}

/// A fresh store of the two seed reports and one file of the test's own,
/// served: its folder (kept while the test runs), the server and its URL.
fn seeds_served_with(name: &str, body: &str) -> Option<(tempfile::TempDir, std::process::Child, String)> {
    let seeds = seeds_dir()?;
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = seeds.join("000_7d9590c0c4a3f712.txt");
    let b = seeds.join("002_a7f94f2ac49a69ab.txt");
    write(d, name, body.as_bytes());
    let args = ["ingest", a.to_str().expect("p"), b.to_str().expect("p"), name];
    let out = isnad(&args, b"", d);
    assert!(out.status.success(), "{}", stderr(&out));
    let (server, url) = serve(d, &[]);
    Some((dir, server, url))
}

#[test]
fn clicking_the_12_attackers_highlights_al_nabas_sentence() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(chromium) = browser() else { return };
    let xss = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> قالت قسد إن نحو 90 مسلحا ما زالوا في سجن الصناعة.";
    let Some((_dir, mut server, url)) = seeds_served_with("xss.txt", xss) else {
        return;
    };
    let shots = root.join("target/browser");
    std::fs::create_dir_all(&shots).expect("target/browser");
    let shot = shots.join("sinaa.png");
    let run = Command::new("node")
        .arg(root.join("tests/browser/sinaa.mjs"))
        .arg(&url)
        .arg(&shot)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("run node");
    let _ = server.kill();
    let _ = server.wait();
    assert!(
        run.status.success(),
        "the browser test failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    let seen = String::from_utf8_lossy(&run.stdout);
    assert!(seen.contains("النبأ"), "{seen}");
    assert!(
        std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
        "no screenshot"
    );
}

/// The reports `page.mjs` needs, as JSONL records: each a line of JSON.
fn page_reports() -> String {
    use serde_json::json;
    let mut lines = vec![
        // An Arabic outlet's report: its row holds Arabic names, an ISO date
        // and a Latin id side by side.
        json!({
            "id": "mix-2022", "outlet": "وكالة الأنباء المحلية", "published": "2022-01-23", "lang": "ar",
            "title": "هجوم على سجن الصناعة",
            "text": "قال المرصد السوري لحقوق الإنسان إن 37 شخصا قتلوا في الهجوم على سجن الصناعة في الحسكة.",
        }),
        // Overrides in the outlet's name, the title and around the number;
        // HTML in the outlet and the title; a javascript: address.
        json!({
            "id": "rlo-120", "outlet": "Evil\u{202E}Outlet <img src=x onerror=\"window.__pwned=3\">",
            "published": "2022-01-24", "lang": "en", "url": "javascript:window.__pwned=4",
            "title": "Prison \u{202E}attack<script>window.__pwned=5</script>",
            "text": "The Syrian Observatory for Human Rights said \u{202E}120\u{202C} people were killed in the attack on the Sinaa prison in Hasakah.",
        }),
        // A report with an address that may be linked.
        json!({
            "id": "linked", "outlet": "Example News", "published": "2022-01-25", "lang": "en",
            "url": "https://example.org/news/sinaa", "title": "Sinaa prison attack",
            "text": "The Syrian Observatory for Human Rights said 37 people were killed in the attack on the Sinaa prison in Hasakah.",
        }),
    ];
    // 30 reports of one value, a few undated: more than a page of claims.
    for i in 0..30 {
        // Outlets named by letters: a number in a name could be read as a
        // claim.
        let name: String = [b'A' + (i % 26) as u8, b'A' + (i / 26) as u8]
            .iter()
            .map(|&c| c as char)
            .collect();
        let mut r = json!({
            "id": format!("many-{i:02}"), "outlet": format!("Outlet {name}"), "lang": "en",
            "text": "Kurdish officials said 150 people were killed in the attack on the Sinaa prison in Hasakah.",
        });
        if i % 10 != 9 {
            r["published"] = json!(format!("2022-01-{:02}", 21 + i % 6));
        }
        lines.push(r);
    }
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// A fresh store of `examples/`, served: its folder, the server, its URL.
fn examples_served() -> (tempfile::TempDir, std::process::Child, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = isnad(&["ingest", examples().to_str().expect("p")], b"", dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let (server, url) = serve(dir.path(), &[]);
    (dir, server, url)
}

#[test]
fn the_page_reads_in_logical_order_filters_pages_and_fits_390_px() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let Some(chromium) = browser() else { return };
    let Some((_dir, mut server, url)) = seeds_served_with("page.jsonl", &page_reports()) else {
        return;
    };
    let (_examples, mut examples_server, examples_url) = examples_served();
    let shots = root.join("target/browser");
    std::fs::create_dir_all(&shots).expect("target/browser");
    let run = Command::new("node")
        .arg(root.join("tests/browser/page.mjs"))
        .arg(&url)
        .arg(&shots)
        .arg(&examples_url)
        .env("CHROMIUM", &chromium)
        .env("PARQUET", if cfg!(feature = "parquet") { "1" } else { "0" })
        .output()
        .expect("run node");
    for s in [&mut server, &mut examples_server] {
        let _ = s.kill();
        let _ = s.wait();
    }
    println!("{}", String::from_utf8_lossy(&run.stdout));
    assert!(
        run.status.success(),
        "the browser test failed:\n{}\n{}",
        String::from_utf8_lossy(&run.stdout),
        String::from_utf8_lossy(&run.stderr)
    );
    for name in ["event-1366", "event-390", "doc-1366", "doc-390"] {
        let shot = shots.join(format!("{name}.png"));
        assert!(
            std::fs::metadata(&shot).is_ok_and(|m| m.len() > 10_000),
            "no screenshot {}",
            shot.display()
        );
    }
}
