//! Helpers the integration tests share: running the real binary, reading
//! its output, and finding `../shared` (skipping, visibly, where it is absent:
//! see [`skip`]).
#![allow(dead_code)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// Runs `isnad` with `args` in `dir`, feeding it `stdin`.
pub fn isnad(args: &[&str], stdin: &[u8], dir: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(args)
        .current_dir(dir)
        .env_remove("ISNAD_DATA")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run isnad");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    let w = std::thread::spawn(move || input.write_all(&bytes));
    let out = child.wait_with_output().expect("output");
    let _ = w.join();
    out
}

/// Its stdout, one JSON value per line.
pub fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}")))
        .collect()
}

/// The output of a run that must succeed (else the test fails with its
/// stderr).
pub fn ok(out: Output) -> Output {
    assert!(out.status.success(), "isnad failed: {}", stderr(&out));
    out
}

/// Its stdout.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Its stderr.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes a file into `dir`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Says that a test skipped part or all of itself, and why: on stderr
/// (which the test runner shows only for a failure), and as a line of the
/// file `$ISNAD_SKIP_LOG` names (`scripts/test.sh` counts them in its
/// summary). Where `require` names an environment variable set to 1 (as
/// `.ci/run` sets them), a skip is a failure.
pub fn skip(require: &str, why: &str) {
    if std::env::var(require).as_deref() == Ok("1") {
        panic!("{require}=1 but {why}");
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

/// A path under `../shared`, or None (after [`skip`]) where it is absent;
/// with `ISNAD_REQUIRE_SHARED=1` (as `.ci/run` sets it) its absence fails
/// the test.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        skip("ISNAD_REQUIRE_SHARED", &format!("{} is absent", p.display()));
        None
    }
}

/// `../shared/seeds`, or None (saying SKIP) where it is absent.
pub fn seeds_dir() -> Option<PathBuf> {
    shared("seeds")
}

/// The repository's `examples/`.
pub fn examples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// What keeps a test's store alive: its directory or its database.
pub type Keep = Box<dyn std::any::Any>;

/// A fresh store location on each backend at hand, named for `test`: an
/// SQLite file in `dir`, and a new PostgreSQL database when
/// `$ISNAD_TEST_POSTGRES` names a server (otherwise that half is skipped,
/// visibly; `.ci/run` requires it).
pub fn stores(test: &str, dir: &Path) -> Vec<(String, Keep)> {
    let file = dir.join(format!("{test}.db"));
    let mut out: Vec<(String, Keep)> = vec![(file.display().to_string(), Box::new(()))];
    if let Some(db) = isnad_store::testing::postgres(test) {
        out.push((db.url.clone(), Box::new(db)));
    }
    out
}

/// `isnad serve` started in `dir` with `args` on a free port, and its base URL.
pub fn serve(dir: &Path, args: &[&str]) -> (std::process::Child, String) {
    use std::io::BufRead;
    let mut server = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .arg("serve")
        .args(["--addr", "127.0.0.1:0"])
        .args(args)
        .current_dir(dir)
        .env_remove("ISNAD_DATA")
        .stderr(Stdio::piped())
        .spawn()
        .expect("start isnad serve");
    let mut lines = std::io::BufReader::new(server.stderr.take().expect("stderr")).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("isnad serve said where it listens")
            .expect("a line");
        if let Some(at) = line.find("http://") {
            break line[at..].split_whitespace().next().unwrap_or("").to_string();
        }
    };
    (server, url)
}

/// The body of `GET {base}{path}` (HTTP/1.0, no client library needed).
pub fn get(base: &str, path: &str) -> String {
    use std::io::Read;
    let host = base.trim_start_matches("http://").trim_end_matches('/');
    let mut s = std::net::TcpStream::connect(host).expect("connect to the server");
    write!(s, "GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n").expect("send");
    let mut out = String::new();
    s.read_to_string(&mut out).expect("read");
    match out.split_once("\r\n\r\n") {
        Some((head, body)) => {
            assert!(
                head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200"),
                "{path}: {head}"
            );
            body.to_string()
        }
        None => panic!("{path}: no body in {out}"),
    }
}

/// A small CSV reader (quoted fields, doubled quotes, CRLF rows).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}
