//! isnad as a tool: version, usage errors, colour, completions, the manual
//! page, secrets kept out of `--help`. See: issue 21, "As a tool".

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs `isnad` in `dir` with `args` and the environment variables `env`
/// (NO_COLOR and ISNAD_DB removed unless given).
fn isnad_env(args: &[&str], env: &[(&str, &str)], dir: &Path) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_isnad"));
    c.args(args)
        .current_dir(dir)
        .env_remove("ISNAD_DATA")
        .env_remove("NO_COLOR")
        .env_remove("ISNAD_DB")
        .stdin(Stdio::null());
    for (k, v) in env {
        c.env(k, v);
    }
    c.output().expect("run isnad")
}

#[test]
fn every_usage_error_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Five guards were killed.\n".as_bytes());
    let rows: &[&[&str]] = &[
        &["extract", "a.txt", "-j", "0"],
        &["ingest", "a.txt", "--jobs", "0"],
        &["bench", "a.txt", "-j", "0"],
        &["extract", "a.txt", "--format", "parquet"],
        &["extract", "a.txt", "--color", "sometimes"],
        &["extract"],
        &["no-such-command"],
        &[],
        &["completions", "tcsh"],
        &["serve", "--header-timeout", "0"],
        &["serve", "--allow-ingest", "--token", " "],
    ];
    for args in rows {
        let out = isnad_env(args, &[], dir.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let out = isnad_env(&["extract", "a.txt", "-j", "0"], &[], dir.path());
    assert!(stderr(&out).contains("1 or more"), "{}", stderr(&out));
}

#[test]
fn the_version_names_the_commit_and_the_vocabulary() {
    let dir = tempfile::tempdir().unwrap();
    for flag in ["--version", "-V"] {
        let v = stdout(&ok(isnad_env(&[flag], &[], dir.path())));
        assert!(
            v.starts_with(&format!("isnad {} (commit ", env!("CARGO_PKG_VERSION"))),
            "{v}"
        );
        let commit = v
            .split("commit ")
            .nth(1)
            .and_then(|s| s.split(',').next())
            .unwrap_or("");
        assert!(
            commit == "unknown" || (commit.len() >= 7 && commit.chars().all(|c| c.is_ascii_hexdigit())),
            "{v}"
        );
        assert!(v.contains("vocabulary ") && v.contains("built-in"), "{v}");
    }
}

#[test]
fn search_colours_only_when_asked_and_never_under_no_color() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        "قال المرصد السوري لحقوق الإنسان إن 41 شخصا قتلوا في السجن.\n".as_bytes(),
    );
    ok(isnad_env(
        &["ingest", "a.txt", "--db", "s.db", "-q"],
        &[],
        dir.path(),
    ));
    // (flags, environment, escapes in the output)
    type Row<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)], bool);
    let rows: &[Row] = &[
        (&["--color", "always"], &[], true),
        (&["--color", "never"], &[], false),
        (&["--color", "auto"], &[("NO_COLOR", "1")], false),
        (&[], &[("NO_COLOR", "1")], false),
        (&[], &[], false),
    ];
    for (flags, env, escapes) in rows {
        let mut args = vec!["search", "السجن", "--db", "s.db"];
        args.extend_from_slice(flags);
        let out = stdout(&ok(isnad_env(&args, env, dir.path())));
        assert!(out.contains("a ("), "{flags:?}: {out}");
        assert_eq!(out.contains('\x1b'), *escapes, "{flags:?} {env:?}: {out:?}");
    }
}

#[test]
fn completions_and_the_manual_page_are_printed() {
    let dir = tempfile::tempdir().unwrap();
    // (arguments, text the output holds)
    let rows: &[(&[&str], &str)] = &[
        (&["completions", "bash"], "_isnad()"),
        (&["completions", "zsh"], "#compdef isnad"),
        (&["completions", "fish"], "complete -c isnad"),
        (&["man"], ".TH isnad"),
    ];
    for (args, want) in rows {
        let out = stdout(&ok(isnad_env(args, &[], dir.path())));
        assert!(out.contains(want), "{args:?}: {}", &out[..out.len().min(300)]);
        for sub in ["extract", "ledger", "data"] {
            assert!(out.contains(sub), "{args:?} lacks {sub}");
        }
    }
}

#[test]
fn help_never_shows_the_database_password() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("ISNAD_DB", "postgres://u:secret@h/db")];
    for cmd in ["ledger", "ingest", "search", "serve"] {
        let out = isnad_env(&[cmd, "--help"], &env, dir.path());
        let text = stdout(&out) + &stderr(&out);
        assert!(text.contains("ISNAD_DB"), "{cmd}: {text}");
        assert_eq!(text.matches("secret").count(), 0, "{cmd}: {text}");
    }
}

/// Every file a library crate compiles in (`include_str!`, `include_bytes!`)
/// lies inside that crate's folder, so `cargo package` puts it in the
/// `.crate`. The vocabulary stays in the root `data/`; each crate reaches it
/// through a symlink in its own `data/` folder, whose target's contents
/// cargo packages.
#[test]
fn every_file_a_crate_compiles_in_lies_inside_the_crate() {
    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for e in std::fs::read_dir(dir).expect("a source folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    /// `..` and `.` taken out without following links.
    fn lexical(p: &Path) -> std::path::PathBuf {
        let mut out = std::path::PathBuf::new();
        for c in p.components() {
            match c {
                std::path::Component::ParentDir => {
                    out.pop();
                }
                std::path::Component::CurDir => {}
                c => out.push(c),
            }
        }
        out
    }
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates");
    let mut seen = 0;
    for krate in std::fs::read_dir(&crates).expect("crates/").flatten() {
        let root = krate.path();
        let mut files = Vec::new();
        rust_files(&root.join("src"), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for macro_ in ["include_str!(\"", "include_bytes!(\""] {
                for (at, _) in text.match_indices(macro_) {
                    let rest = &text[at + macro_.len()..];
                    let Some(end) = rest.find('"') else { continue };
                    let target = lexical(&file.parent().expect("a folder").join(&rest[..end]));
                    assert!(
                        target.starts_with(&root),
                        "{}: {} is outside {}",
                        file.display(),
                        target.display(),
                        root.display()
                    );
                    assert!(
                        target.exists(),
                        "{}: {} is missing",
                        file.display(),
                        target.display()
                    );
                    seen += 1;
                }
            }
        }
    }
    assert!(seen >= 11, "only {seen} included files found");
}
