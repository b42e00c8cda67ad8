//! Helpers the integration tests share: running the real binary, reading
//! its output, and finding `../shared` (skipping, visibly, where it is absent).
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

/// A directory under `../shared`, or None (saying SKIP) where it is absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!("SKIP: {} is absent", p.display());
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
