//! The page in a real browser: ingest the seeds into a fresh store, start
//! `isnad serve`, and let `tests/browser/sinaa.mjs` (playwright-core driving
//! Debian's chromium) open the al-Sina'a event, click the 12 attackers value
//! and find al-Naba's sentence highlighted; then open a report whose text is
//! an HTML payload and find it shown as text, run as nothing. The
//! screenshot (of al-Naba's sentence) is written to
//! `target/browser/sinaa.png`.
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

#[test]
fn clicking_the_12_attackers_highlights_al_nabas_sentence() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    if Command::new("node").arg("--version").output().is_err() && missing("node") {
        return;
    }
    if !std::path::Path::new(&chromium).exists() && missing("chromium") {
        return;
    }
    if !root.join("tests/browser/node_modules/playwright-core").is_dir()
        && missing("playwright-core (npm ci --prefix tests/browser)")
    {
        return;
    }
    let Some(seeds) = seeds_dir() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = seeds.join("000_7d9590c0c4a3f712.txt");
    let b = seeds.join("002_a7f94f2ac49a69ab.txt");
    write(
        d,
        "xss.txt",
        "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> قالت قسد إن نحو 90 مسلحا ما زالوا في سجن الصناعة.".as_bytes(),
    );
    let out = isnad(
        &[
            "ingest",
            a.to_str().expect("p"),
            b.to_str().expect("p"),
            "xss.txt",
        ],
        b"",
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let (mut server, url) = serve(d, &[]);
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
