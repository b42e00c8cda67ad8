//! The vocabulary files a run uses: each built-in file, extended by the
//! user's file of the same name in `--data DIR`.
//!
//! The merge works on TOML values, before any parser sees the text, so
//! every vocabulary crate keeps reading one file as it always did:
//!
//! - an array of tables whose entries have an identifying key (`id` for
//!   `[[source]]`, `[[place]]`, `[[event]]`, `[[kind]]`; `number` for a
//!   calendar `[[month]]`: see [`KEYS`]) is merged entry by entry: a user
//!   entry with a built-in's key extends that entry, a new key is appended;
//! - any other array of tables, and every plain array, is appended to,
//!   leaving out what the built-in already holds;
//! - a table is merged key by key; a user scalar overrides the built-in's.
//!
//! Three markers, taken out before the parsers see the file: `replace =
//! true` at the top of a file replaces the built-in file whole (isnad's
//! behaviour before issue 21); in an entry, `remove = true` drops the
//! built-in entry with its key (or, where entries have no key, the entry
//! equal to it), and `replace = true` puts the user's entry in place of the
//! built-in one instead of extending it.
//!
//! Refused, naming the file and the line: a file that is not TOML, two
//! entries with one key in the user's file, an entry without its key, a
//! `remove` of an entry the built-in file does not have.

use anyhow::{Result, bail};
use isnad_extract::claims::{
    DEFAULT_ATTRIBUTION, DEFAULT_EVENTS, DEFAULT_FACETS, DEFAULT_PLACES, DEFAULT_SOURCES,
};
use isnad_extract::numbers::{DEFAULT_COUNTED, DEFAULT_NUMBERS};
use isnad_text::calendar::DEFAULT_CALENDAR;
use isnad_text::furniture::DEFAULT_FURNITURE;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use toml::{Table, Value};

/// Every vocabulary file, by name, with its built-in text.
pub const FILES: [(&str, &str); 10] = [
    ("numbers.toml", DEFAULT_NUMBERS),
    ("counted.toml", DEFAULT_COUNTED),
    ("calendar.toml", DEFAULT_CALENDAR),
    ("furniture.toml", DEFAULT_FURNITURE),
    ("sources.toml", DEFAULT_SOURCES),
    ("attribution.toml", DEFAULT_ATTRIBUTION),
    ("facets.toml", DEFAULT_FACETS),
    ("events.toml", DEFAULT_EVENTS),
    ("places.toml", DEFAULT_PLACES),
    ("kinds.toml", isnad_engine::about::DEFAULT_KINDS),
];

/// The identifying key of each array of tables: (file, array, key). Arrays
/// not named here have no key: a user's entries are appended.
pub const KEYS: &[(&str, &str, &str)] = &[
    ("sources.toml", "source", "id"),
    ("places.toml", "place", "id"),
    ("events.toml", "event", "id"),
    ("kinds.toml", "kind", "id"),
    ("kinds.toml", "total", "facet"),
    ("facets.toml", "event", "name"),
    ("facets.toml", "who", "name"),
    ("facets.toml", "nation", "name"),
    ("facets.toml", "label", "facet"),
    ("calendar.toml", "month", "number"),
    ("counted.toml", "noun", "singular"),
    ("numbers.toml", "hedge", "qualifier"),
    ("numbers.toml", "vague", "gloss"),
];

/// The markers a user's file may hold (see the module's doc).
const REPLACE: &str = "replace";
const REMOVE: &str = "remove";

/// One vocabulary file as a run reads it.
#[derive(Debug)]
pub struct Loaded {
    /// The file's name (`sources.toml`).
    pub name: &'static str,
    /// The text the parsers read: built-in, merged, or the user's.
    pub text: Cow<'static, str>,
    /// The user's file it came from, if any.
    pub user: Option<UserFile>,
}

/// A file of the user's data directory.
#[derive(Debug)]
pub struct UserFile {
    /// Where it is.
    pub path: PathBuf,
    /// What it holds.
    pub text: String,
}

impl Loaded {
    /// The name to put in a message: the user's path, or `built-in NAME`.
    pub fn shown(&self) -> String {
        match &self.user {
            Some(u) => u.path.display().to_string(),
            None => format!("built-in {}", self.name),
        }
    }

    /// A parser's `reason` as one line naming the file, the line of the
    /// user's file at fault where it can be found, and the problem.
    pub fn explain(&self, reason: &str) -> String {
        let (snippet, message) = split_toml_error(reason);
        let Some(user) = &self.user else {
            return format!("{}: {message}", self.shown());
        };
        let line = snippet
            .and_then(|s| line_matching(&user.text, s))
            .or_else(|| quoted(&message, "unknown field `").and_then(|k| line_of_key(&user.text, k)))
            .or_else(|| quoted(&message, "unknown variant `").and_then(|v| line_of_value(&user.text, v)));
        match line {
            Some(n) => format!("{}:{n}: {message}", self.shown()),
            None => format!("{}: {message}", self.shown()),
        }
    }
}

/// `name` as a run reads it: the built-in file, extended by (or, with
/// `replace = true`, replaced by) the file of that name in `dir`.
pub fn load(dir: Option<&Path>, name: &'static str, builtin: &'static str) -> Result<Loaded> {
    let path = match dir {
        Some(d) if d.join(name).exists() => d.join(name),
        _ => {
            return Ok(Loaded {
                name,
                text: Cow::Borrowed(builtin),
                user: None,
            });
        }
    };
    let text = std::fs::read_to_string(&path).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
    let merged = merge(name, builtin, &text).map_err(|r| match r.line {
        Some(n) => anyhow::anyhow!("{}:{n}: {}", path.display(), r.message),
        None => anyhow::anyhow!("{}: {}", path.display(), r.message),
    })?;
    Ok(Loaded {
        name,
        text: Cow::Owned(merged),
        user: Some(UserFile { path, text }),
    })
}

/// Why a user's file cannot be merged, and where.
#[derive(Debug, PartialEq)]
pub struct Refusal {
    /// The line of the user's file, from 1.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// The built-in file `builtin` extended by the user's `user` (both TOML
/// text), as TOML text for the parsers.
pub fn merge(name: &str, builtin: &str, user: &str) -> Result<String, Refusal> {
    let mut mine: Table = user.parse().map_err(|e: toml::de::Error| Refusal {
        line: e.span().map(|s| line_at(user, s.start)),
        message: e.message().to_string(),
    })?;
    let whole = match mine.remove(REPLACE) {
        None => false,
        Some(Value::Boolean(b)) => b,
        Some(_) => {
            return Err(refuse(
                user,
                REPLACE,
                "`replace` at the top is true or false".into(),
            ));
        }
    };
    // A file replacing the built-in one whole is merged into nothing: the
    // same checks (duplicate keys, entries without one) apply.
    let mut base = if whole {
        Table::new()
    } else {
        builtin.parse().map_err(|e: toml::de::Error| Refusal {
            line: None,
            message: format!("the built-in {name} does not parse: {}", e.message()),
        })?
    };
    merge_file(name, &mut base, mine, user)?;
    toml::to_string(&base).map_err(|e| Refusal {
        line: None,
        message: e.to_string(),
    })
}

fn merge_file(name: &str, base: &mut Table, mine: Table, user: &str) -> Result<(), Refusal> {
    for (k, v) in mine {
        let id = KEYS
            .iter()
            .find(|(f, a, _)| *f == name && *a == k)
            .map(|(_, _, id)| *id);
        match (base.get_mut(&k), v) {
            (Some(Value::Array(b)), Value::Array(m)) if m.iter().all(Value::is_table) => {
                merge_entries(&k, id, b, m, user)?;
            }
            (Some(b), v) => merge_value(b, v),
            (None, Value::Array(m)) if m.iter().all(Value::is_table) => {
                let mut b = Vec::new();
                merge_entries(&k, id, &mut b, m, user)?;
                base.insert(k, Value::Array(b));
            }
            (None, v) => {
                base.insert(k, v);
            }
        }
    }
    Ok(())
}

/// Merges a user's `[[array]]` entries into the built-in ones.
fn merge_entries(
    array: &str,
    id: Option<&str>,
    base: &mut Vec<Value>,
    mine: Vec<Value>,
    user: &str,
) -> Result<(), Refusal> {
    // The built-in entries by key (as TOML text), and the user's keys.
    let index: HashMap<String, usize> = match id {
        Some(id) => base
            .iter()
            .enumerate()
            .filter_map(|(i, b)| Some((b.get(id)?.to_string(), i)))
            .collect(),
        None => HashMap::new(),
    };
    let mut seen: HashSet<String> = HashSet::new();
    for entry in mine {
        let Value::Table(mut t) = entry else { continue };
        let remove = flag(&mut t, REMOVE, user)?;
        let replace = flag(&mut t, REPLACE, user)?;
        let Some(id) = id else {
            if remove {
                let before = base.len();
                base.retain(|b| b.as_table() != Some(&t));
                if base.len() == before {
                    return Err(refuse(
                        user,
                        REMOVE,
                        format!("remove: no built-in [[{array}]] entry is equal to this one"),
                    ));
                }
            } else if !base.iter().any(|b| b.as_table() == Some(&t)) {
                base.push(Value::Table(t));
            }
            continue;
        };
        let Some(key) = t.get(id).cloned() else {
            return Err(refuse(
                user,
                &format!("[[{array}]]"),
                format!("a [[{array}]] entry without `{id}`"),
            ));
        };
        if !seen.insert(key.to_string()) {
            return Err(Refusal {
                line: line_of_nth(user, id, &key, 2),
                message: format!("[[{array}]] {id} = {key}: twice in this file"),
            });
        }
        match (index.get(&key.to_string()).copied(), remove, replace) {
            (Some(i), true, _) => base[i] = Value::Boolean(false),
            (None, true, _) => {
                return Err(Refusal {
                    line: line_of_nth(user, id, &key, 1),
                    message: format!("remove: the built-in file has no [[{array}]] with {id} = {key}"),
                });
            }
            (Some(i), false, true) => base[i] = Value::Table(t),
            (Some(i), false, false) => merge_value(&mut base[i], Value::Table(t)),
            (None, false, _) => base.push(Value::Table(t)),
        }
    }
    // The entries removed were left as `false`: nothing else is.
    base.retain(Value::is_table);
    Ok(())
}

/// Takes a boolean marker out of an entry.
fn flag(t: &mut Table, marker: &str, user: &str) -> Result<bool, Refusal> {
    match t.remove(marker) {
        None => Ok(false),
        Some(Value::Boolean(b)) => Ok(b),
        Some(_) => Err(refuse(user, marker, format!("`{marker}` is true or false"))),
    }
}

/// Merges `mine` into `base`: tables key by key, arrays appended without
/// repeats, anything else replaced.
fn merge_value(base: &mut Value, mine: Value) {
    match (base, mine) {
        (Value::Table(b), Value::Table(m)) => {
            for (k, v) in m {
                match b.get_mut(&k) {
                    Some(old) => merge_value(old, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (Value::Array(b), Value::Array(m)) => {
            for v in m {
                if !b.contains(&v) {
                    b.push(v);
                }
            }
        }
        (b, m) => *b = m,
    }
}

fn refuse(user: &str, key: &str, message: String) -> Refusal {
    Refusal {
        line: line_of_key(user, key),
        message,
    }
}

/// The line, from 1, holding byte `at` of `text`.
fn line_at(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The first line of `text` defining `key` (`key = …`, `[key]`,
/// `[[key]]`, `[a.key]`).
pub fn line_of_key(text: &str, key: &str) -> Option<usize> {
    let key = key.trim_matches(|c| c == '[' || c == ']');
    text.lines()
        .position(|l| {
            let l = l.trim();
            if let Some(head) = l.strip_prefix('[') {
                let head = head.trim_matches(|c| c == '[' || c == ']').trim();
                return head == key || head.ends_with(&format!(".{key}"));
            }
            let Some((k, _)) = l.split_once('=') else {
                return false;
            };
            let k = k.trim().trim_matches('"');
            k == key || k.ends_with(&format!(".{key}"))
        })
        .map(|i| i + 1)
}

/// The first line of `text` holding the string `value`.
fn line_of_value(text: &str, value: &str) -> Option<usize> {
    let quoted = [format!("\"{value}\""), format!("'{value}'")];
    text.lines()
        .position(|l| quoted.iter().any(|q| l.contains(q.as_str())))
        .map(|i| i + 1)
}

/// The line of the `n`th `key = value` in `text`.
fn line_of_nth(text: &str, key: &str, value: &Value, n: usize) -> Option<usize> {
    let want = format!("{key}={value}");
    text.lines()
        .enumerate()
        .filter(|(_, l)| squeeze(l) == squeeze(&want))
        .nth(n - 1)
        .map(|(i, _)| i + 1)
}

/// The first line of `text` that reads as `snippet`, spaces aside.
fn line_matching(text: &str, snippet: &str) -> Option<usize> {
    let want = squeeze(snippet);
    if want.is_empty() {
        return None;
    }
    text.lines().position(|l| squeeze(l) == want).map(|i| i + 1)
}

fn squeeze(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('\'', "\"")
}

/// The text between `open` and the next backquote in `message`.
fn quoted<'a>(message: &'a str, open: &str) -> Option<&'a str> {
    let rest = &message[message.find(open)? + open.len()..];
    rest.split('`').next()
}

/// A toml error's text as (the offending line's source, the message): the
/// display of `toml::de::Error` is a "TOML parse error at line …" header, a
/// snippet with a caret under the fault, and the message.
fn split_toml_error(reason: &str) -> (Option<&str>, String) {
    let mut snippet = None;
    let mut message = Vec::new();
    for l in reason.lines() {
        let t = l.trim_start();
        if t.starts_with("TOML parse error") {
            continue;
        }
        match t.split_once('|') {
            Some((n, src)) if n.trim().chars().all(|c| c.is_ascii_digit()) => {
                if !n.trim().is_empty() {
                    snippet = Some(src);
                }
            }
            _ => message.push(t),
        }
    }
    (snippet, message.join(" ").trim().to_string())
}

/// Every file of `dir` a run would read, merged; refused at the first
/// file that cannot be.
pub fn load_all(dir: Option<&Path>) -> Result<Vec<Loaded>> {
    FILES.iter().map(|(name, text)| load(dir, name, text)).collect()
}

/// The TOML files of `dir` that are no vocabulary file (a misspelt name is
/// otherwise never read).
pub fn strangers(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))? {
        let p = e?.path();
        let known = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| FILES.iter().any(|(f, _)| *f == n));
        if p.extension().is_some_and(|x| x == "toml") && !known {
            out.push(p);
        }
    }
    out.sort();
    Ok(out)
}

/// A short hash (FNV-1a, 64 bits) of the files' values, naming the
/// vocabulary a run used: each file is hashed as TOML re-written from its
/// values, so comments and layout do not count, and a folder that merges
/// to the built-in vocabulary (`isnad data dump`) has its hash.
pub fn hash(files: &[Loaded]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for f in files {
        let canonical = f
            .text
            .parse::<Table>()
            .ok()
            .and_then(|t| toml::to_string(&t).ok())
            .unwrap_or_else(|| f.text.to_string());
        for b in f.name.bytes().chain([0]).chain(canonical.bytes()).chain([0]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// Writes the built-in files into `dir` (created if missing); an existing
/// file is refused unless `force`.
pub fn dump(dir: &Path, force: bool) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?;
    for (name, text) in FILES {
        let p = dir.join(name);
        if p.exists() && !force {
            bail!("{}: already there (--force overwrites)", p.display());
        }
        std::fs::write(&p, text).map_err(|e| anyhow::anyhow!("{}: {e}", p.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"
words = ["a", "b"]
[[source]]
id = "sohr"
name = "SOHR"
aliases = ["المرصد"]
[[source]]
id = "sana"
name = "SANA"
[[verb]]
past = "قال"
"#;

    fn sources(text: &str) -> Vec<(String, String)> {
        let t: Table = text.parse().unwrap();
        t["source"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["id"].as_str().unwrap().to_string(),
                    s.get("aliases").map(|a| a.to_string()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_users_entries_extend_the_built_in_ones() {
        // (user file, source ids and aliases after the merge)
        let rows: &[(&str, &[(&str, &str)])] = &[
            (
                "[[source]]\nid = \"new\"\nname = \"New\"\n",
                &[("sohr", "[\"المرصد\"]"), ("sana", ""), ("new", "")],
            ),
            (
                "[[source]]\nid = \"sohr\"\naliases = [\"SOHR\", \"المرصد\"]\n",
                &[("sohr", "[\"المرصد\", \"SOHR\"]"), ("sana", "")],
            ),
            (
                "[[source]]\nid = \"sana\"\nremove = true\n",
                &[("sohr", "[\"المرصد\"]")],
            ),
            (
                "[[source]]\nid = \"sohr\"\nreplace = true\nname = \"S\"\n",
                &[("sohr", ""), ("sana", "")],
            ),
            ("replace = true\n[[source]]\nid = \"only\"\n", &[("only", "")]),
        ];
        for (user, want) in rows {
            let merged = merge("sources.toml", BASE, user).unwrap();
            let want: Vec<(String, String)> =
                want.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect();
            assert_eq!(sources(&merged), want, "{user}");
        }
    }

    #[test]
    fn plain_arrays_and_keyless_entries_are_appended_once() {
        let merged = merge(
            "x.toml",
            BASE,
            "words = [\"b\", \"c\"]\n[[verb]]\npast = \"قال\"\n[[verb]]\npast = \"أكد\"\n",
        )
        .unwrap();
        let t: Table = merged.parse().unwrap();
        assert_eq!(t["words"].to_string(), "[\"a\", \"b\", \"c\"]");
        assert_eq!(t["verb"].as_array().unwrap().len(), 2);
    }

    #[test]
    fn a_bad_user_file_is_refused_with_its_line() {
        // (user file, line, words of the message)
        let rows: &[(&str, usize, &str)] = &[
            ("[[source]]\nid = \"x\"\n[[source]]\nid = \"x\"\n", 4, "twice"),
            ("[[source]]\nname = \"x\"\n", 1, "without `id`"),
            ("[[source]]\nid = \"nope\"\nremove = true\n", 2, "no [[source]]"),
            ("a = 1\nb = = 2\n", 2, ""),
            ("[[source]]\nid = \"x\"\nremove = 1\n", 3, "true or false"),
        ];
        for (user, line, words) in rows {
            let r = merge("sources.toml", BASE, user).unwrap_err();
            assert_eq!(r.line, Some(*line), "{user}: {}", r.message);
            assert!(r.message.contains(words), "{user}: {}", r.message);
        }
    }

    #[test]
    fn a_parser_error_points_at_the_users_line() {
        let loaded = Loaded {
            name: "sources.toml",
            text: Cow::Borrowed(""),
            user: Some(UserFile {
                path: PathBuf::from("d/sources.toml"),
                text: "[[source]]\nid = \"x\"\nalias = [\"y\"]\nkind = \"outlett\"\n".into(),
            }),
        };
        // (parser reason, one-line message)
        let rows: &[(&str, &str)] = &[
            (
                "TOML parse error at line 90, column 1\n   |\n90 | alias = [\"y\"]\n   | ^^^^^\nunknown field `alias`, expected one of `id`\n",
                "d/sources.toml:3: unknown field `alias`, expected one of `id`",
            ),
            ("unknown field `alias`", "d/sources.toml:3: unknown field `alias`"),
            (
                "unknown variant `outlett`, expected `outlet`",
                "d/sources.toml:4: unknown variant `outlett`, expected `outlet`",
            ),
            ("something else", "d/sources.toml: something else"),
        ];
        for (reason, want) in rows {
            assert_eq!(loaded.explain(reason), *want);
        }
    }

    #[test]
    fn every_built_in_file_merged_with_itself_is_unchanged_in_value() {
        for (name, text) in FILES {
            let merged = merge(name, text, text).unwrap();
            let a: Table = merged.parse().unwrap();
            let b: Table = text.parse().unwrap();
            assert!(a == b, "{name}");
        }
    }
}
