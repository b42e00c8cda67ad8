//! The vocabulary a user extends (`--data DIR`, `$ISNAD_DATA`) and `isnad
//! data dump|check`, on the real binary. See: issue 21, "The vocabulary".

mod common;

use common::*;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A sentence whose source is SOHR by one of its built-in aliases.
const SOHR_SAYS: &str = "قال المرصد السوري لحقوق الإنسان إن 41 شخصا قتلوا.\n";

/// One new outlet, nothing else.
const ONE_OUTLET: &str = "[[source]]\nid = \"new-outlet\"\nname = \"New Outlet\"\nkind = \"outlet\"\naliases = [\"Nouvel Écho\"]\n";

/// The ids of the sources of the claims of `extract` over `text`, run with
/// `--data dir` when given.
fn source_ids(dir: &Path, data: Option<&Path>, text: &str) -> Vec<String> {
    write(dir, "report.txt", text.as_bytes());
    let mut args = vec!["extract", "report.txt"];
    let d = data.map(|d| d.display().to_string());
    if let Some(d) = &d {
        args.extend(["--data", d]);
    }
    let out = ok(isnad(&args, b"", dir));
    lines(&out)
        .iter()
        .flat_map(|c| c["source"].as_array().cloned().unwrap_or_default())
        .filter_map(|s| s["id"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn a_users_sources_file_with_one_outlet_keeps_the_built_in_sources() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    write(&data, "sources.toml", ONE_OUTLET.as_bytes());
    assert!(source_ids(dir.path(), None, SOHR_SAYS).contains(&"sohr".to_string()));
    // The built-in SOHR is still SOHR...
    assert!(source_ids(dir.path(), Some(&data), SOHR_SAYS).contains(&"sohr".to_string()));
    // ... and the new outlet is known by its alias.
    let text = "Nouvel Écho said 12 prisoners escaped.\n";
    assert!(source_ids(dir.path(), Some(&data), text).contains(&"new-outlet".to_string()));
}

#[test]
fn isnad_data_extends_like_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    write(&data, "sources.toml", ONE_OUTLET.as_bytes());
    write(dir.path(), "report.txt", SOHR_SAYS.as_bytes());
    let out = Command::new(env!("CARGO_BIN_EXE_isnad"))
        .args(["extract", "report.txt"])
        .current_dir(dir.path())
        .env("ISNAD_DATA", &data)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(stdout(&ok(out)).contains("\"sohr\""));
}

#[test]
fn a_built_in_entry_is_removed_and_a_file_replaced_whole_on_request() {
    // (the user's sources.toml, whether SOHR is still found)
    let rows: &[(&str, bool)] = &[
        ("[[source]]\nid = \"sohr\"\nremove = true\n", false),
        (&format!("replace = true\n{ONE_OUTLET}"), false),
        (
            "[[source]]\nid = \"sohr\"\naliases = [\"the observatory\"]\n",
            true,
        ),
    ];
    for (file, sohr) in rows {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        write(&data, "sources.toml", file.as_bytes());
        let ids = source_ids(dir.path(), Some(&data), SOHR_SAYS);
        assert_eq!(ids.contains(&"sohr".to_string()), *sohr, "{file}: {ids:?}");
    }
}

#[test]
fn a_bad_data_file_is_refused_in_one_line_naming_file_line_and_key() {
    // (file, its text, what the one line must hold)
    let rows: &[(&str, &str, &[&str])] = &[
        (
            "sources.toml",
            "[[source]]\nid = \"x\"\nname = \"X\"\nkind = \"outlet\"\nalias = [\"y\"]\n",
            &["sources.toml:5:", "`alias`"],
        ),
        (
            "sources.toml",
            "[[source]]\nid = \"x\"\nname = \"X\"\nkind = \"outlett\"\n",
            &["sources.toml:4:", "`outlett`"],
        ),
        (
            "sources.toml",
            "[[source]]\nid = \"x\"\nname = \"X\"\nkind = \"outlet\"\n\n[[source]]\nid = \"x\"\nname = \"Y\"\nkind = \"outlet\"\n",
            &["sources.toml:7:", "id = \"x\"", "twice"],
        ),
        (
            "events.toml",
            "[[event]]\nid = \"e\"\nname = \"E\"\ncue = [\"x\"]\n",
            &["events.toml:4:", "`cue`"],
        ),
        (
            "counted.toml",
            "[[noun]]\nsingular = \"سجين\"\nplural = [\"سجناء\"]\n",
            &["counted.toml:3:", "`plural`"],
        ),
        (
            "furniture.toml",
            "[lines]\nmax_char = 3\n",
            &["furniture.toml:2:", "`max_char`"],
        ),
        (
            "places.toml",
            "[[place]]\nid = \"p\"\nkind = \"city\"\nname = \"P\"\nnames = [\"P\"]\npopulaton = 3\n",
            &["places.toml:6:", "`populaton`"],
        ),
    ];
    for (name, text, want) in rows {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        std::fs::create_dir(&data).unwrap();
        write(&data, name, text.as_bytes());
        write(dir.path(), "report.txt", SOHR_SAYS.as_bytes());
        for args in [
            &["extract", "report.txt", "--data", "data"][..],
            &["data", "check", "data"],
        ] {
            let out = isnad(args, b"", dir.path());
            assert_eq!(out.status.code(), Some(1), "{name} {args:?}");
            let err = stderr(&out);
            assert_eq!(err.trim_end().lines().count(), 1, "{name} {args:?}: {err}");
            for w in *want {
                assert!(err.contains(w), "{name} {args:?}: {err} lacks {w}");
            }
        }
    }
}

#[test]
fn the_dump_of_the_built_in_files_passes_the_check_with_the_built_in_hash() {
    let dir = tempfile::tempdir().unwrap();
    let out = ok(isnad(&["data", "dump", "dump"], b"", dir.path()));
    assert!(out.stdout.is_empty());
    let names: Vec<String> = std::fs::read_dir(dir.path().join("dump"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 10, "{names:?}");
    let sources = std::fs::read_to_string(dir.path().join("dump/sources.toml")).unwrap();
    assert!(sources.contains("id = \"sohr\""));
    let check = stdout(&ok(isnad(&["data", "check", "dump"], b"", dir.path())));
    let builtin = stdout(&ok(isnad(&["--version"], b"", dir.path())));
    let hash = |s: &str| {
        s.split("vocabulary ")
            .nth(1)
            .and_then(|h| h.split_whitespace().next())
            .map(str::to_string)
    };
    assert!(check.contains("10 of 10 files"), "{check}");
    assert!(hash(&check).is_some(), "{check}");
    assert_eq!(hash(&check), hash(&builtin), "{check} / {builtin}");
    // A second dump does not overwrite the first without --force.
    let again = isnad(&["data", "dump", "dump"], b"", dir.path());
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("--force"));
    ok(isnad(&["data", "dump", "dump", "--force"], b"", dir.path()));
}

#[test]
fn data_check_names_a_toml_file_that_is_no_vocabulary_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    write(&data, "source.toml", ONE_OUTLET.as_bytes());
    let out = isnad(&["data", "check", "data"], b"", dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("source.toml: not a vocabulary file"),
        "{}",
        stderr(&out)
    );
    std::fs::remove_file(data.join("source.toml")).unwrap();
    write(&data, "sources.toml", ONE_OUTLET.as_bytes());
    let out = ok(isnad(&["data", "check", "data"], b"", dir.path()));
    assert!(stdout(&out).contains("1 of 10"), "{}", stdout(&out));
}

#[test]
fn the_version_names_the_vocabulary_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir(&data).unwrap();
    write(&data, "sources.toml", ONE_OUTLET.as_bytes());
    let builtin: Output = ok(isnad(&["--version"], b"", dir.path()));
    let mine = ok(isnad(&["--data", "data", "--version"], b"", dir.path()));
    let (a, b) = (stdout(&builtin), stdout(&mine));
    assert!(
        a.starts_with(&format!("isnad {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{a}"
    );
    assert!(a.contains("built-in"), "{a}");
    assert!(b.contains("from data"), "{b}");
    assert_ne!(a.split("vocabulary").nth(1), b.split("vocabulary").nth(1));
}
