//! The real `isnad` binary, run in scratch directories.

mod common;

use common::*;
use serde_json::Value;
use std::path::PathBuf;

#[test]
fn numbers_prints_one_array_per_input_line_with_spans_into_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let input = "قتل ما يقارب ٩٠ عنصراً\n\nفرّ 200 سجين و12 مقاتلاً\r\nبين 300 و400\n";
    let out = isnad(&["numbers"], input.as_bytes(), dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let arrays = lines(&out);
    assert_eq!(arrays.len(), 4);
    let source: Vec<&str> = input.split('\n').map(|l| l.trim_end_matches('\r')).collect();
    for (arr, line) in arrays.iter().zip(&source) {
        for m in arr.as_array().unwrap() {
            let s = m["span"][0].as_u64().unwrap() as usize;
            let e = m["span"][1].as_u64().unwrap() as usize;
            assert_eq!(&line[s..e], m["text"].as_str().unwrap());
        }
    }
    assert_eq!(arrays[0][0]["value"], 90);
    assert_eq!(arrays[0][0]["text"], "٩٠");
    assert_eq!(arrays[0][0]["qualifier"], "approx");
    assert_eq!(arrays[1], serde_json::json!([]));
    assert_eq!(arrays[2].as_array().unwrap().len(), 2);
    assert_eq!(arrays[3][0]["kind"], "range");
    assert_eq!(arrays[3][0]["value"], serde_json::json!([300, 400]));
}

#[test]
fn numbers_survives_invalid_utf8_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = isnad(&["numbers"], b"12 \xff\xfe x\n", dir.path());
    assert!(out.status.success());
    assert_eq!(lines(&out).len(), 1);
    assert!(stderr(&out).contains("stdin:1: invalid UTF-8"));
}

#[test]
fn numbers_over_documents_points_into_the_original_files_and_reports_bad_records() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.txt",
        "العنوان\n\nقال المرصد إن ٤١ شخصاً قتلوا.\n\nالأكثر قراءة\nمقتل 500 في حادث آخر\n".as_bytes(),
    );
    write(
        d,
        "b.html",
        "<html><body><nav>أهم 10 أخبار</nav><article><p>فرّ نحو&nbsp;200 سجين &amp; استسلم 1,000.</p></article></body></html>"
            .as_bytes(),
    );
    write(
        d,
        "c.jsonl",
        "{\"id\":\"rec1\",\"text\":\"نزح 45 ألف شخص\"}\nnot json\n{\"id\":\"rec2\",\"text\":\"عشرات القتلى\"}\n".as_bytes(),
    );
    let out = isnad(&["numbers", "."], b"", d);
    assert_eq!(out.status.code(), Some(1), "a bad record makes the batch exit 1");
    let err = stderr(&out);
    assert!(err.contains("c.jsonl:2: not JSON"), "{err}");
    let found = lines(&out);
    let docs: Vec<&str> = found.iter().map(|m| m["doc"].as_str().unwrap()).collect();
    assert_eq!(docs, vec!["a", "b", "b", "rec1", "rec2"]);
    // Numbers in page furniture are left out: the nav of the page, and the
    // headline under "الأكثر قراءة" (a list of links to other articles).
    let values: Vec<String> = found.iter().map(|m| m["value"].to_string()).collect();
    assert_eq!(values, vec!["41", "200", "1000", "45000", "null"]);
    for m in &found {
        let s = m["span"][0].as_u64().unwrap() as usize;
        let e = m["span"][1].as_u64().unwrap() as usize;
        let doc = m["doc"].as_str().unwrap();
        let original = match doc {
            "a" => std::fs::read(d.join("a.txt")).unwrap(),
            "b" => std::fs::read(d.join("b.html")).unwrap(),
            "rec1" => "نزح 45 ألف شخص".as_bytes().to_vec(),
            _ => "عشرات القتلى".as_bytes().to_vec(),
        };
        let piece = String::from_utf8(original[s..e].to_vec()).unwrap();
        assert_eq!(piece.replace("&nbsp;", " "), m["text"].as_str().unwrap(), "{doc}");
    }
}

#[test]
fn a_missing_file_is_one_line_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = isnad(&["numbers", "nope.txt"], b"", dir.path());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("nope.txt"));
}

#[test]
fn an_empty_upload_token_is_refused_at_start_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let out = isnad(
        &["serve", "--addr", "127.0.0.1:0", "--allow-ingest", "--token", ""],
        b"",
        dir.path(),
    );
    // Bad usage (issue 21: every usage error exits 2).
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("token") && err.contains("empty"), "{err}");
}

#[test]
fn bad_usage_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = isnad(&["frobnicate"], b"", dir.path());
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_data_directory_extends_the_vocabulary_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    std::fs::create_dir(&data).unwrap();
    let builtin = isnad_extract::numbers::DEFAULT_NUMBERS;
    // A user adds a hedge word.
    let extended = builtin.replace("before = [\"نحو\",", "before = [\"تقديرا\", \"نحو\",");
    assert_ne!(extended, builtin);
    std::fs::write(data.join("numbers.toml"), extended).unwrap();
    let out = isnad(
        &["--data", "data", "numbers"],
        "قتل تقديرا 30 شخصا\n".as_bytes(),
        d,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(lines(&out)[0][0]["qualifier"], "approx");
    std::fs::write(data.join("numbers.toml"), "cardinal = [").unwrap();
    let out = isnad(&["--data", "data", "numbers"], b"1\n", d);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("numbers.toml") && err.lines().count() == 1, "{err}");
}

/// A `--data` folder that renames what the claims rules rely on (a
/// people-word, a source's side) stops the run at start-up with one line
/// naming the user's file and the entry, not a silent change of results.
#[test]
fn a_data_directory_missing_what_the_rules_need_fails_at_start_naming_the_entry() {
    use isnad_extract::claims::{DEFAULT_FACETS, DEFAULT_SOURCES};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    std::fs::create_dir(&data).unwrap();
    write(d, "r.txt", "قالت الشرطة إن 5 أشخاص قتلوا.\n".as_bytes());
    let rows = [
        (
            "facets.toml",
            DEFAULT_FACETS.replacen("name = \"groups\"", "name = \"cells\"", 1),
            "no [[who]] named \"groups\"",
        ),
        (
            "sources.toml",
            DEFAULT_SOURCES.replacen("side = \"security\"", "side = \"police\"", 1),
            "side \"police\" is not one of",
        ),
    ];
    for (file, text, want) in rows {
        // Whole files, as before issue 21: a renamed entry merged into the
        // built-in file would leave the built-in one in place.
        let text = format!("replace = true\n{text}");
        let _ = std::fs::remove_file(data.join("facets.toml"));
        let _ = std::fs::remove_file(data.join("sources.toml"));
        std::fs::write(data.join(file), text).unwrap();
        let out = isnad(&["--data", "data", "extract", "r.txt"], b"", d);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let err = stderr(&out);
        let path = std::path::Path::new("data").join(file).display().to_string();
        assert!(
            err.contains(want) && err.contains(&path) && err.lines().count() == 1,
            "{err}"
        );
        assert!(
            out.stdout.is_empty(),
            "{file}: no claims with a broken vocabulary"
        );
    }
}

#[test]
fn read_shows_the_seeds_furniture_and_metadata() {
    let Some(seeds) = seeds_dir() else { return };
    let out = isnad(
        &["read", "000_7d9590c0c4a3f712.txt", "002_a7f94f2ac49a69ab.txt"],
        b"",
        &seeds,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let docs = lines(&out);
    assert_eq!(docs[0]["meta"]["outlet"], "النهار العربي");
    assert_eq!(docs[0]["meta"]["byline"], "عبدالله سليمان علي");
    let furniture = docs[1]["furniture"].as_array().unwrap();
    // The teaser of an unrelated article at the end of 002 is furniture, to
    // the last byte, and so is the shortcode.
    let last = furniture.last().unwrap();
    assert_eq!(last["span"][1], 10937);
    assert!(last["span"][0].as_u64().unwrap() <= 10375);
    assert!(
        furniture
            .iter()
            .any(|f| f["span"] == serde_json::json!([389, 455]))
    );
}

#[test]
fn no_number_in_the_seeds_negative_spans_is_a_quantity_outside_furniture() {
    let Some(seeds) = seeds_dir() else { return };
    let out = isnad(
        &["numbers", "000_7d9590c0c4a3f712.txt", "002_a7f94f2ac49a69ab.txt"],
        b"",
        &seeds,
    );
    let found = lines(&out);
    let negatives = std::fs::read_to_string(seeds.join("negatives.jsonl")).unwrap();
    for n in negatives.lines().filter(|l| !l.trim().is_empty()) {
        let n: Value = serde_json::from_str(n).unwrap();
        let (ns, ne) = (n["span"][0].as_u64().unwrap(), n["span"][1].as_u64().unwrap());
        for m in &found {
            let (s, e) = (m["span"][0].as_u64().unwrap(), m["span"][1].as_u64().unwrap());
            if m["doc"] == n["doc"] && ns <= s && e <= ne {
                let kind = m["kind"].as_str().unwrap();
                // Years are told apart; time spans (سبعة أعوام) and the issue
                // number are cardinals the claims stage sets aside.
                assert!(
                    kind == "year"
                        || kind == "date"
                        || n["why"].as_str().unwrap().contains("time")
                        || n["why"].as_str().unwrap().contains("issue"),
                    "{m} inside negative {n}"
                );
            }
        }
    }
}

#[test]
fn extract_prints_contract_claims_and_takes_the_outlet_from_a_records_url() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rec = serde_json::json!({
        "id": "sputnik-1",
        "url": "https://sarabic.ae/20220125/12345.html",
        "text": "أعلن المرصد السوري لحقوق الإنسان أن 41 شخصاً قتلوا، بينهم 20 من عناصر الأمن.\n",
    });
    write(d, "in.jsonl", format!("{rec}\n").as_bytes());
    let out = isnad(&["extract", "in.jsonl"], b"", d);
    assert!(out.status.success(), "{}", stderr(&out));
    let claims = lines(&out);
    let keys = [
        "doc",
        "lang",
        "facet",
        "value",
        "vague",
        "qualifier",
        "stance",
        "source",
        "anonymous",
        "subject",
        "span",
        "sentence",
        "evidence",
    ];
    for c in &claims {
        for k in keys {
            assert!(c.get(k).is_some(), "claim without {k}: {c}");
        }
    }
    let killed: Vec<&Value> = claims.iter().filter(|c| c["facet"] == "killed_total").collect();
    assert_eq!(killed.len(), 1);
    let c = killed[0];
    assert_eq!(c["doc"], "sputnik-1");
    assert_eq!(c["value"], 41);
    assert_eq!(c["source"][0]["id"], "sputnik-arabic");
    assert_eq!(c["source"][1]["id"], "sohr");
    assert_eq!(c["anonymous"], false);
    let text = rec["text"].as_str().unwrap();
    let (s, e) = (
        c["span"][0].as_u64().unwrap() as usize,
        c["span"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "41");
    let (s, e) = (
        c["sentence"][0].as_u64().unwrap() as usize,
        c["sentence"][1].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], c["evidence"].as_str().unwrap());
}

#[test]
fn extract_names_the_site_of_a_url_no_outlet_is_known_by() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let rec = |id: &str, url: &str| {
        serde_json::json!({
            "id": id,
            "url": url,
            "text": "BAGHDAD (Reuters) - Police said 12 people were killed in the blast.\n",
        })
    };
    let recs = [
        rec("site-1", "https://www.Example-News.com/world/1.html"),
        rec("bare-1", ""),
    ];
    let body: String = recs.iter().map(|r| format!("{r}\n")).collect();
    write(d, "in.jsonl", body.as_bytes());
    let out = isnad(&["extract", "in.jsonl"], b"", d);
    assert!(out.status.success(), "{}", stderr(&out));
    let claims = lines(&out);
    let chain = |doc: &str| -> Vec<String> {
        let c = claims
            .iter()
            .find(|c| c["doc"] == doc && c["facet"] == "killed_total")
            .unwrap_or_else(|| panic!("no killed_total in {doc}: {claims:?}"));
        c["source"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("{}:{}", s["id"].as_str().unwrap(), s["kind"].as_str().unwrap()))
            .collect()
    };
    // The site heads the chain; the wire it carries and the police follow.
    assert_eq!(
        chain("site-1"),
        ["example-news.com:outlet", "reuters:outlet", "police:government"]
    );
    // Without a url the wire is the outlet.
    assert_eq!(chain("bare-1"), ["reuters:outlet", "police:government"]);
}

#[test]
fn extract_output_is_the_same_bytes_every_run_and_the_table_format_works() {
    let examples = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let dir = tempfile::tempdir().unwrap();
    let path = examples.to_string_lossy().into_owned();
    let a = isnad(&["extract", &path], b"", dir.path());
    let b = isnad(&["extract", &path], b"", dir.path());
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
    let t = isnad(&["extract", "--format", "table", &path], b"", dir.path());
    assert!(t.status.success());
    let table = String::from_utf8(t.stdout).unwrap();
    assert_eq!(table.lines().count(), lines(&a).len());
    assert!(
        table.contains('\u{2068}'),
        "Arabic runs are isolated for terminals"
    );
}

/// Issue 21: `serve --db typo.db` created and served an empty store; the
/// reading commands all refuse a store that is not there, and only `ingest`
/// creates one.
#[test]
fn the_reading_commands_refuse_a_missing_store() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: [&[&str]; 3] = [
        &["serve", "--addr", "127.0.0.1:0", "--db", "typo.db"],
        &["ledger", "--db", "typo.db"],
        &["search", "SDF", "--db", "typo.db"],
    ];
    for args in cases {
        let out = isnad(args, b"", d);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(
            err.contains("typo.db") && err.contains("no store"),
            "{args:?}: {err}"
        );
        assert!(!d.join("typo.db").exists(), "{args:?} created the store");
    }
}

/// Issue 21: documents were named by their file's stem alone, so
/// `x/report.txt`, `y/report.txt` and `y/report.html` were all `report`.
/// A stem shared in a batch is replaced by the path (relative to the folder
/// given, or as given); distinct stems stay as they were, which the devset
/// scoring (`doc` = the file's stem) relies on.
#[test]
fn document_ids_are_unique_in_a_batch_and_stems_stay_when_they_are() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = b"Forty-one people were killed, SOHR said.\n";
    for f in [
        "x/report.txt",
        "y/report.txt",
        "y/report.html",
        "y/other.txt",
        "z/a.txt",
        "z/b.md",
    ] {
        std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
        write(d, f, text);
    }
    #[rustfmt::skip]
    let cases: &[(&[&str], &[&str])] = &[
        (&["."],                          &["x/report.txt", "other", "y/report.html", "y/report.txt", "a", "b"]),
        (&["x", "y"],                     &["x/report.txt", "other", "y/report.html", "y/report.txt"]),
        (&["y"],                          &["other", "report.html", "report.txt"]),
        (&["z"],                          &["a", "b"]),
        (&["x/report.txt"],               &["report"]),
        (&["x/report.txt", "x/report.txt"], &["report", "report"]),
        (&["x/report.txt", "z/a.txt"],    &["report", "a"]),
        (&["x/report.txt", "./y/report.txt"], &["x/report.txt", "y/report.txt"]),
    ];
    for (args, want) in cases {
        let mut argv = vec!["read"];
        argv.extend_from_slice(args);
        let out = ok(isnad(&argv, b"", d));
        let docs: Vec<String> = lines(&out)
            .iter()
            .map(|o| o["doc"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(&docs, want, "{args:?}");
    }
}

/// Issue 21: `/api/documents/report` was a 400; a document's id (as claims
/// give it, URL-encoded) now finds it, as its number does.
#[test]
fn the_api_finds_a_document_by_its_id() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (f, n) in [("x/report.txt", 41), ("y/report.txt", 12)] {
        std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
        write(d, f, format!("{n} people were killed, SOHR said.\n").as_bytes());
    }
    ok(isnad(&["ingest", "x", "y"], b"", d));
    let (mut server, url) = serve(d, &[]);
    for (path, doc) in [
        ("/api/documents/x%2Freport.txt", "x/report.txt"),
        ("/api/documents/y%2Freport.txt", "y/report.txt"),
    ] {
        let v: Value = serde_json::from_str(&get(&url, path)).unwrap();
        assert_eq!(v["fields"]["doc"], doc, "{path}: {v}");
        let n = v["id"].as_i64().unwrap();
        let by_number: Value = serde_json::from_str(&get(&url, &format!("/api/documents/{n}"))).unwrap();
        assert_eq!(by_number["fields"]["doc"], doc);
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// Issue 21: `x/report.txt` ingested, then `y/report.txt` in a later run,
/// both took the id `report`, and the API answered 409. The later one now
/// takes `report~` and the first 8 hex digits of its content hash, in
/// whichever run it comes, and the API finds each by its id.
#[test]
fn a_document_ingested_later_under_a_taken_id_gets_a_distinct_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let texts = [
        ("x/report.txt", "41 people were killed, SOHR said.\n"),
        ("y/report.txt", "12 people were killed, SOHR said.\n"),
    ];
    for (f, text) in texts {
        std::fs::create_dir_all(d.join(f).parent().unwrap()).unwrap();
        write(d, f, text.as_bytes());
        ok(isnad(&["ingest", "-q", f], b"", d));
    }
    let later = format!(
        "report~{}",
        &isnad_store::content_hash(texts[1].1.as_bytes())[..8]
    );
    let csv = parse_csv(&stdout(&ok(isnad(&["ledger", "--format", "csv"], b"", d))));
    let at = csv[0].iter().position(|c| c == "doc").unwrap();
    let mut docs: Vec<&str> = csv[1..].iter().map(|r| r[at].as_str()).collect();
    docs.sort_unstable();
    assert_eq!(docs, ["report", later.as_str()]);
    // The first file again is known: nothing new, no third id.
    ok(isnad(&["ingest", "-q", "x/report.txt"], b"", d));
    let (mut server, url) = serve(d, &[]);
    for (id, text) in [("report", texts[0].1), (later.as_str(), texts[1].1)] {
        let v: Value = serde_json::from_str(&get(&url, &format!("/api/documents/{id}"))).unwrap();
        assert_eq!(v["fields"]["doc"], id, "{v}");
        assert_eq!(v["text"], text, "{id}");
    }
    let _ = server.kill();
    let _ = server.wait();
}

/// Issue 21: a JSONL record without `id` was `line{N}`, counted per input,
/// so inputs piped separately (Spark's `pipe`, one per partition) gave the
/// same ids to different records. It is now its `url`, else a hash of its
/// text: the same in every input, different for different texts.
#[test]
fn a_jsonl_record_without_id_takes_its_url_else_a_hash_of_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(
        d,
        "a.jsonl",
        concat!(
            "{\"id\":\"given\",\"url\":\"https://example.org/x\",\"text\":\"One.\"}\n",
            "{\"url\":\"https://example.org/y\",\"text\":\"Two.\"}\n",
            "{\"text\":\"Three.\"}\n",
        )
        .as_bytes(),
    );
    write(d, "b.jsonl", b"{\"text\":\"Four.\"}\n{\"text\":\"Three.\"}\n");
    let out = ok(isnad(&["read", "a.jsonl", "b.jsonl"], b"", d));
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|o| o["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs[..2], ["given", "https://example.org/y"]);
    let hashed = [&docs[2], &docs[3], &docs[4]];
    for h in hashed {
        assert!(h.len() == 16 && h.bytes().all(|b| b.is_ascii_hexdigit()), "{h}");
    }
    assert_eq!(docs[2], docs[4], "the same text has the same id in another input");
    assert_ne!(docs[2], docs[3], "different texts have different ids");
    // Piped alone, as one partition of a job: the same id again.
    let piped = ok(isnad(&["read", "-"], b"{\"text\":\"Three.\"}\n", d));
    assert_eq!(lines(&piped)[0]["doc"].as_str().unwrap(), docs[2]);
}

/// Issue 21: an empty file was stored as a document. A document with no
/// text is named on stderr and skipped, and the batch goes on.
#[test]
fn empty_documents_are_reported_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    write(d, "empty.txt", b"");
    write(d, "blank.txt", b"  \n\t\n");
    write(d, "bare.html", b"<html><body><script>x()</script></body></html>");
    write(d, "good.txt", b"Forty-one people were killed, SOHR said.\n");
    write(
        d,
        "records.jsonl",
        b"{\"id\":\"r1\",\"text\":\"\"}\n{\"id\":\"r2\",\"text\":\"41 killed.\"}\n",
    );
    #[rustfmt::skip]
    let cases: &[(&str, &str)] = &[
        ("empty.txt",       "empty.txt: no text; skipped"),
        ("blank.txt",       "blank.txt: no text; skipped"),
        ("bare.html",       "bare.html: no text; skipped"),
        ("records.jsonl",   "records.jsonl:1: no text; skipped"),
    ];
    let out = ok(isnad(&["read", "."], b"", d));
    let docs: Vec<String> = lines(&out)
        .iter()
        .map(|o| o["doc"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(docs, ["good", "r2"]);
    let out = isnad(&["ingest", "."], b"", d);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    for (file, said) in cases {
        assert!(err.contains(said), "{file}: {err}");
    }
    assert!(err.contains("2 documents: 2 new"), "{err}");
}

/// Issue 21: language codes mixed two and three letters (`swe`), and a short
/// English sentence about SOHR was tagged Swedish. Codes are ISO 639-1; a
/// text too short to tell keeps the record's language, else none.
#[test]
fn languages_are_two_letter_codes_and_never_guessed_from_a_short_text() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let long = "The Syrian Observatory for Human Rights said that forty-one people were killed in the attack on the prison.";
    let recs = [
        serde_json::json!({"id": "short", "text": "41 killed, SOHR said."}),
        serde_json::json!({"id": "given", "lang": "eng", "text": "41 killed, SOHR said."}),
        serde_json::json!({"id": "tagged", "lang": "en-GB", "text": "41 killed, SOHR said."}),
        serde_json::json!({"id": "long", "text": long}),
        serde_json::json!({"id": "swedish", "text": "Fyrtioen personer dödades i attacken mot fängelset, enligt observatoriet i London."}),
        serde_json::json!({"id": "arabic", "text": "قتل 41 شخصاً"}),
    ];
    let body: String = recs.iter().map(|r| format!("{r}\n")).collect();
    write(d, "r.jsonl", body.as_bytes());
    #[rustfmt::skip]
    let cases: &[(&str, Option<&str>)] = &[
        ("short",   None),
        ("given",   Some("en")),
        ("tagged",  Some("en")),
        ("long",    Some("en")),
        ("swedish", Some("sv")),
        ("arabic",  Some("ar")),
    ];
    let out = ok(isnad(&["read", "r.jsonl"], b"", d));
    let read = lines(&out);
    for (doc, want) in cases {
        let o = read.iter().find(|o| o["doc"] == *doc).unwrap();
        assert_eq!(o["meta"]["lang"].as_str(), *want, "{doc}: {o}");
    }
}

/// Issue 21: `31/02/2022` was stored as `2022-02-31`, Unix times stayed
/// strings and a Hijri date was read as the year 1443.
#[test]
fn a_published_date_is_a_day_or_dropped_with_a_warning_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    #[rustfmt::skip]
    let cases: &[(&str, Option<&str>, Option<&str>)] = &[
        // published,              stored,              warning
        ("2022-01-27",             Some("2022-01-27"),  None),
        ("31/02/2022",             None,                Some("is not a real date")),
        ("1643241600",             Some("2022-01-27"),  None),
        ("1643241600000",          Some("2022-01-27"),  None),
        ("25 جمادى الآخرة 1443 هـ", None,                Some("is a Hijri date")),
    ];
    let body: String = cases
        .iter()
        .enumerate()
        .map(|(i, (p, _, _))| {
            format!(
                "{}\n",
                serde_json::json!({"id": format!("r{i}"), "published": p, "text": "41 killed, SOHR said."})
            )
        })
        .collect();
    write(d, "r.jsonl", body.as_bytes());
    let out = ok(isnad(&["read", "r.jsonl"], b"", d));
    let (read, err) = (lines(&out), stderr(&out));
    for (i, (published, stored, warning)) in cases.iter().enumerate() {
        let o = &read[i];
        assert_eq!(o["meta"]["published"].as_str(), *stored, "{published}: {o}");
        let line = err.lines().find(|l| l.contains(&format!("r.jsonl:{}:", i + 1)));
        match warning {
            Some(w) => assert!(
                line.is_some_and(|l| l.contains(w) && l.contains(published)),
                "{published}: {err}"
            ),
            None => assert!(line.is_none(), "{published}: {err}"),
        }
    }
}
