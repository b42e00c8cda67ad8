//! Hostile and broken input through the binary: no hang, no silent loss,
//! no junk, nothing a terminal obeys. See: issue 23.
//!
//! Each test is one reproduction of the issue, at a size that once took
//! minutes (or forever) and is run under a time limit that fails the test:
//! a run that hangs is killed and reported, not waited for.

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Runs `isnad` with `args` in `dir`, killed after `limit` (a failure).
fn isnad_within(limit: Duration, args: &[&str], dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .current_dir(dir)
        .env_remove("ISNAD_DATA")
        .env_remove("ISNAD_MAX_DOCUMENT_SIZE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run isnad");
    // Drain the pipes on threads, so that a large output does not block.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let o = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut out, &mut v).map(|_| v)
    });
    let e = std::thread::spawn(move || {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut err, &mut v).map(|_| v)
    });
    let started = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("isnad {args:?} ran over {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Output {
        status,
        stdout: o.join().expect("stdout thread").expect("stdout"),
        stderr: e.join().expect("stderr thread").expect("stderr"),
    }
}

/// A minute: what took minutes before now takes seconds, even in a debug
/// build on a busy machine.
const LIMIT: Duration = Duration::from_secs(60);

#[test]
fn nested_html_blocks_are_read_in_linear_time() {
    // 200,000 nested divs took 51 s in a release build (the element stack
    // copied at every block tag); a few seconds now.
    let dir = tempfile::tempdir().unwrap();
    let html = "<div>".repeat(200_000) + "<p>The SDF said 12 fighters escaped.</p>";
    write(dir.path(), "n.html", html.as_bytes());
    let out = isnad_within(LIMIT, &["read", "--text", "n.html"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("12 fighters escaped"));
}

#[test]
fn closing_quotes_are_split_into_sentences_in_linear_time() {
    // 100,000 quoted statements (1.9 MB) took 18 s in a release build.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "q.txt", "قال \"نعم 5.\" ".repeat(100_000).as_bytes());
    let out = isnad_within(LIMIT, &["read", "q.txt"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
}
