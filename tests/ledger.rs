//! `isnad ingest`, `isnad ledger` and `isnad search`, run as a user runs
//! them, on the repository's examples, on fixtures written here, and (where
//! `../shared` is present) on the seeds and the Arabic news corpus.

mod common;

use common::*;
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// The ledger as CSV rows, each a map from column to value.
fn csv_rows(dir: &Path, extra: &[&str]) -> Vec<HashMap<String, String>> {
    let mut args = vec!["ledger", "--format", "csv"];
    args.extend_from_slice(extra);
    let out = ok(isnad(&args, b"", dir));
    let text = stdout(&out);
    let mut rows = parse_csv(&text).into_iter();
    let header = rows.next().expect("a header row");
    rows.map(|r| header.iter().cloned().zip(r).collect()).collect()
}

fn find<'r>(rows: &'r [HashMap<String, String>], want: &[(&str, &str)]) -> Vec<&'r HashMap<String, String>> {
    rows.iter()
        .filter(|r| {
            want.iter()
                .all(|(k, v)| r.get(*k).map(String::as_str) == Some(*v))
        })
        .collect()
}

#[test]
fn ingesting_the_same_documents_twice_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let ex = examples();
    let ex = ex.to_str().expect("a UTF-8 path");
    let first = ok(isnad(&["ingest", ex], b"", d));
    assert!(
        stderr(&first).contains("12 new, 0 already stored, 0 failed"),
        "{}",
        stderr(&first)
    );
    let before = stdout(&ok(isnad(&["ledger", "--format", "csv"], b"", d)));
    let again = ok(isnad(&["ingest", ex], b"", d));
    assert!(
        stderr(&again).contains("0 new, 12 already stored, 0 failed"),
        "{}",
        stderr(&again)
    );
    let after = stdout(&ok(isnad(&["ledger", "--format", "csv"], b"", d)));
    assert_eq!(before, after);
}

#[test]
fn the_examples_ledger_counts_origins_apart_from_reports() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(isnad(&["ingest", examples().to_str().expect("path")], b"", d));
    let rows = csv_rows(d, &[]);
    let header = "event,facet,value,vague,qualifier,stance,chain,origin,doc,published,relation";
    let raw = stdout(&ok(isnad(&["ledger", "--format", "csv"], b"", d)));
    assert!(raw.starts_with(header), "{}", &raw[..200.min(raw.len())]);
    // SOHR's 41 dead, in an Egyptian daily and, a day later, in a site that
    // quotes that daily: two reports, one origin.
    let toll = find(&rows, &[("facet", "killed_total"), ("value", "41")]);
    assert_eq!(toll.len(), 2, "{toll:?}");
    assert!(
        toll.iter()
            .all(|r| r["origin"] == "sohr" && r["value_reports"] == "2" && r["value_origins"] == "1")
    );
    assert!(
        toll.iter().any(|r| r["chain"].matches(" > ").count() == 2),
        "{toll:?}"
    );
    // al-Naba's 12 attackers against Rudaw's and a brief's 200: contested.
    let twelve = find(&rows, &[("facet", "attackers_count"), ("value", "12")]);
    assert_eq!(twelve.len(), 1);
    assert_eq!(twelve[0]["origin"], "al-naba");
    assert_eq!(twelve[0]["relation"], "contradicts");
    assert_eq!(twelve[0]["published"], "2022-01-28");
    // No inmate escaped (the SDF, in Arabic and English reports) against SOHR.
    let zero = find(&rows, &[("facet", "prisoners_escaped"), ("value", "0")]);
    assert!(
        zero.iter().any(|r| r["origin"] == "sdf" && r["lang"] == "en"),
        "{zero:?}"
    );
    let sohr = find(&rows, &[("facet", "prisoners_escaped"), ("origin", "sohr")]);
    assert!(
        sohr.iter().any(|r| r["lang"] == "ar") && sohr.iter().any(|r| r["lang"] == "en"),
        "{sohr:?}"
    );
    // Every row's evidence holds the quantity at its span.
    for r in &rows {
        let doc = std::fs::read_dir(examples())
            .expect("examples")
            .filter_map(|e| e.ok())
            .find(|e| e.path().file_stem().and_then(|s| s.to_str()) == Some(r["doc"].as_str()))
            .expect("the row's document");
        let bytes = std::fs::read(doc.path()).expect("read");
        let (s, e): (usize, usize) = (
            r["span_start"].parse().expect("n"),
            r["span_end"].parse().expect("n"),
        );
        let piece = std::str::from_utf8(&bytes[s..e]).expect("a UTF-8 span");
        assert!(
            r["evidence"].contains(piece) || piece.contains('&'),
            "{piece:?} is not in {:?}",
            r["evidence"]
        );
    }
}

#[test]
fn the_sdfs_zero_escapees_disputes_the_other_figures_by_name() {
    // See: issue 19. In the examples, the SDF and the Autonomous
    // Administration say no prisoner escaped; the others' figures dispute
    // that zero, and it disputes them, but they are not all red.
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(isnad(&["ingest", examples().to_str().expect("path")], b"", d));
    let rows = csv_rows(d, &[]);
    let zero = find(&rows, &[("facet", "prisoners_escaped"), ("value", "0")]);
    assert!(!zero.is_empty());
    assert!(
        zero.iter()
            .all(|r| r["relation"] == "contradicts" && r["disputed_by"].contains("22 by "))
    );
    let others: Vec<_> = rows
        .iter()
        .filter(|r| r["facet"] == "prisoners_escaped" && r["value"] != "0" && r["event"] == zero[0]["event"])
        .collect();
    assert!(!others.is_empty());
    for r in others {
        assert_ne!(r["relation"], "contradicts", "{r:?}");
        // Origins are sorted: "0 by aanes+sdf".
        let zero_by = r["disputed_by"]
            .split("; ")
            .find(|d| d.starts_with("0 by "))
            .unwrap_or_default();
        assert!(zero_by.split('+').any(|o| o.ends_with("sdf")), "{r:?}");
    }
}

#[test]
fn the_sdfs_zero_escapees_shows_as_pairs_by_name_in_the_table_and_json() {
    // See: issue 19, "Disputes, not colours": each pair once, the zero's
    // side first, its claimants by name.
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(isnad(&["ingest", examples().to_str().expect("path")], b"", d));
    let json: Value =
        serde_json::from_str(&stdout(&ok(isnad(&["ledger", "--format", "json"], b"", d)))).expect("JSON");
    let facet = json["events"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|e| e["facets"].as_array().into_iter().flatten())
        .find(|f| f["facet"] == "prisoners_escaped")
        .expect("the examples' prisoners_escaped");
    let others: Vec<&str> = facet["values"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|v| v["label"] != "0" && v["stance"] == "asserted")
        .filter_map(|v| v["label"].as_str())
        .collect();
    let pairs = facet["disputes"].as_array().expect("a disputes array");
    let names = |side: &Value| -> Vec<String> {
        side["origins"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|o| o["name"].as_str().map(String::from))
            .collect()
    };
    let of_zero: Vec<&Value> = pairs.iter().filter(|p| p["a"]["value"] == "0").collect();
    assert_eq!(
        of_zero.len(),
        others.len(),
        "one pair per other figure: {pairs:?}"
    );
    for p in &of_zero {
        assert_eq!(p["kind"], "disputes", "{p}");
        assert!(names(&p["a"]).iter().any(|n| n == "SDF"), "{p}");
        assert!(others.iter().any(|v| p["b"]["value"] == *v), "{p}");
        assert!(!names(&p["b"]).is_empty(), "{p}");
    }
    // The table says them in words, under the facet's values.
    let table = stdout(&ok(isnad(&["ledger"], b"", d)));
    // The facet's lines: from its head to the next facet's or event's.
    let facet: Vec<&str> = table
        .lines()
        .skip_while(|l| !l.starts_with("  prisoners_escaped"))
        .take_while(|l| l.starts_with("    ") || l.starts_with("  prisoners_escaped"))
        .collect();
    let facet = facet.join("\n");
    let lines: Vec<&str> = facet.lines().filter(|l| l.contains(" 0 disputes ")).collect();
    assert_eq!(lines.len(), others.len(), "{facet}");
    assert!(
        lines.iter().any(|l| l.contains("SDF 0 disputes SOHR ")),
        "{facet}"
    );
    assert!(
        lines.iter().all(|l| !l.contains("sdf")),
        "names, not ids: {facet}"
    );
    // The disputes CSV: a row per pair, the same pairs.
    let csv = parse_csv(&stdout(&ok(isnad(
        &["ledger", "--disputes", "--format", "csv"],
        b"",
        d,
    ))));
    let (header, rows) = csv.split_first().expect("a header");
    let col = |name: &str| header.iter().position(|h| h == name).expect("a column");
    let zero: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[col("facet")] == "prisoners_escaped" && r[col("a_value")] == "0")
        .collect();
    assert_eq!(zero.len(), others.len(), "{zero:?}");
    assert!(
        zero.iter()
            .all(|r| r[col("a_names")].contains("SDF") && r[col("a_origins")].contains("sdf"))
    );
}

#[test]
fn the_summary_flags_parts_that_exceed_their_total_in_csv_and_json() {
    // See: issue 19. The examples' best killed attackers (346) exceed the
    // best killed total (180).
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(isnad(&["ingest", examples().to_str().expect("path")], b"", d));
    let csv = stdout(&ok(isnad(&["ledger", "--summary", "--format", "csv"], b"", d)));
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split(',').collect();
    for col in [
        "event",
        "location",
        "kind",
        "event_date",
        "facet",
        "low",
        "best",
        "high",
        "conservative",
        "number_of_sources",
        "contested",
        "exceeds",
    ] {
        assert!(header.contains(&col), "{header:?}");
    }
    let json: serde_json::Value = serde_json::from_str(&stdout(&ok(isnad(
        &["ledger", "--summary", "--format", "json"],
        b"",
        d,
    ))))
    .expect("JSON");
    let rows = json.as_array().expect("an array");
    assert_eq!(rows.len(), csv.lines().count() - 1);
    let row = |facet: &str| {
        rows.iter()
            .find(|r| r["facet"] == facet && r["event"] == "sinaa_prison_attack_2022")
            .cloned()
            .unwrap_or_default()
    };
    let (attackers, total) = (row("killed_attackers_or_isis"), row("killed_total"));
    assert!(
        attackers["best"].as_f64() > total["best"].as_f64(),
        "{attackers} {total}"
    );
    assert_eq!(attackers["exceeds"], serde_json::json!(["killed_total"]));
    assert!(
        total["exceeds"]
            .as_array()
            .is_some_and(|a| a.iter().any(|p| p == "killed_attackers_or_isis"))
    );
    assert!(total["event_date"].as_str().is_some_and(|d| d.len() == 10));
    // Facets read by role, in both languages, not by one event's parties.
    assert_eq!(
        attackers["label"],
        "Killed on the attacking or non-state armed side"
    );
    assert!(
        attackers["label_ar"]
            .as_str()
            .is_some_and(|l| !l.is_empty() && !l.contains("داعش"))
    );
    // Bad usage (issue 21: every usage error exits 2).
    let bad = isnad(&["ledger", "--summary"], b"", d);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("--summary"));
}

#[test]
fn a_date_that_is_no_date_is_refused_with_a_warning_and_csv_can_carry_a_bom() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let recs = concat!(
        r#"{"id":"good","published":"2022-02-28","url":"https://example.invalid/a","title":"Kuje","text":"Gunmen stormed Kuje prison. About 800 inmates escaped, the prison service said."}"#,
        "\n",
        r#"{"id":"bad","published":"2022-02-31","text":"Gunmen stormed Kuje prison. About 600 inmates escaped, officials said."}"#,
        "\n"
    );
    write(d, "r.jsonl", recs.as_bytes());
    // Dropped as it is read, with a warning naming the record (issue 21).
    let out = ok(isnad(&["ingest", "r.jsonl"], b"", d));
    assert!(
        stderr(&out).contains("r.jsonl:2") && stderr(&out).contains("2022-02-31"),
        "{}",
        stderr(&out)
    );
    ok(isnad(&["ledger", "--format", "csv"], b"", d));
    let rows = csv_rows(d, &[]);
    let good = find(&rows, &[("doc", "good")]);
    assert!(good.iter().all(|r| r["published"] == "2022-02-28"
        && r["url"] == "https://example.invalid/a"
        && r["title"] == "Kuje"
        && r["value_lo"] == r["value_hi"]));
    assert!(
        find(&rows, &[("doc", "bad")])
            .iter()
            .all(|r| r["published"].is_empty())
    );
    let bom = stdout(&ok(isnad(&["ledger", "--format", "csv", "--bom"], b"", d)));
    assert!(bom.starts_with("\u{feff}event,"));
}

#[test]
fn the_ledger_formats_all_carry_the_same_values() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    ok(isnad(&["ingest", examples().to_str().expect("path")], b"", d));
    let json: Value =
        serde_json::from_str(&stdout(&ok(isnad(&["ledger", "--format", "json"], b"", d)))).expect("JSON");
    let events = json["events"].as_array().expect("events");
    assert_eq!(events[0]["id"], "sinaa_prison_attack_2022");
    let facets: Vec<&str> = events[0]["facets"]
        .as_array()
        .expect("facets")
        .iter()
        .filter_map(|f| f["facet"].as_str())
        .collect();
    for f in [
        "attackers_count",
        "prisoners_escaped",
        "killed_total",
        "hostages_released",
        "displaced_people",
    ] {
        assert!(facets.contains(&f), "{f} missing from {facets:?}");
    }
    let md = stdout(&ok(isnad(&["ledger", "--format", "md"], b"", d)));
    assert!(md.contains("### attackers_count") && md.contains("| value | relation |"));
    let table = stdout(&ok(isnad(&["ledger"], b"", d)));
    assert!(table.contains("attackers_count") && table.contains("al-Naba"));
    let out = dir.path().join("ledger.csv");
    ok(isnad(
        &["ledger", "--format", "csv", "--out", out.to_str().expect("path")],
        b"",
        d,
    ));
    assert_eq!(
        std::fs::read_to_string(&out).expect("written"),
        stdout(&ok(isnad(&["ledger", "--format", "csv"], b"", d)))
    );
}

#[test]
fn an_events_file_beside_the_store_names_and_merges_events() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "kuje.txt",
        "Gunmen stormed Kuje prison on Tuesday night. About 800 inmates escaped, the prison service said.\n"
            .as_bytes(),
    );
    write(
        d,
        "kuje2.txt",
        "A week after the attack on Kuje prison, officials said 400 inmates were still at large.\n"
            .as_bytes(),
    );
    write(
        d,
        "other.txt",
        "Police in Lagos said 12 people were arrested after a protest.\n".as_bytes(),
    );
    ok(isnad(&["ingest", "kuje.txt", "kuje2.txt", "other.txt"], b"", d));
    let rows = csv_rows(d, &[]);
    let kuje: Vec<&str> = find(&rows, &[("doc", "kuje")])
        .iter()
        .map(|r| r["event"].as_str())
        .collect();
    assert!(
        !kuje.is_empty() && kuje.iter().all(|e| *e == "kuje_prison_attack_2022"),
        "{kuje:?}"
    );
    let other: Vec<&str> = find(&rows, &[("doc", "other")])
        .iter()
        .map(|r| r["event"].as_str())
        .collect();
    // Lagos is a place of the gazetteer: the report is an event of its own.
    let other_event = other.first().map(|e| e.to_string()).unwrap_or_default();
    assert!(
        other_event.starts_with("auto:NG.") && other.iter().all(|e| *e == other_event),
        "{other:?}"
    );
    write(
        d,
        "events.toml",
        format!(
            "[[event]]\nid = \"kuje_prison_attack_2022\"\nname = \"Kuje, July 2022\"\nmerge = [\"{other_event}\"]\n"
        )
        .as_bytes(),
    );
    let rows = csv_rows(d, &[]);
    assert!(
        rows.iter()
            .all(|r| r["event"] == "kuje_prison_attack_2022" && r["event_name"] == "Kuje, July 2022")
    );
    let only = csv_rows(d, &["--event", "kuje_prison_attack_2022"]);
    assert_eq!(only.len(), rows.len());
    let none = isnad(&["ledger", "--event", "no_such_event"], b"", d);
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).contains("no_such_event"));
    write(d, "events.toml", b"[[event]]\nid = \"x\"\nmerges = []\n");
    let bad = isnad(&["ledger"], b"", d);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("events.toml") && stderr(&bad).lines().count() == 1,
        "{}",
        stderr(&bad)
    );
}

#[test]
fn arabic_and_english_reports_of_one_place_and_kind_are_one_event() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let docs: &[(&str, &str)] = &[
        (
            "ar1.txt",
            "هاجم مسلحون سجن كلفار المركزي فجر الخميس. وقال مسؤول في كلفار إن 200 سجين فروا من السجن.\n",
        ),
        (
            "en1.txt",
            "Gunmen attacked Kelvar prison on Thursday. Officials in Kelvar said 180 inmates escaped from the prison.\n",
        ),
        (
            "ar2.txt",
            "أعلنت الشرطة أن سجن كلفار شهد فرار 150 سجينا بعد هجوم المسلحين على السجن.\n",
        ),
        (
            "en2.txt",
            "A car bomb exploded at the grain market in Tamrit, killing 40 people. The blast in Tamrit wounded 70.\n",
        ),
    ];
    for (name, text) in docs {
        write(d, name, text.as_bytes());
    }
    ok(isnad(
        &["ingest", "ar1.txt", "en1.txt", "ar2.txt", "en2.txt"],
        b"",
        d,
    ));
    let rows = csv_rows(d, &[]);
    let event_of = |doc: &str| -> Vec<String> {
        find(&rows, &[("doc", doc)])
            .iter()
            .map(|r| r["event"].clone())
            .collect()
    };
    let (ar1, en1, ar2, en2) = (event_of("ar1"), event_of("en1"), event_of("ar2"), event_of("en2"));
    let kelvar = ar1.first().cloned().unwrap_or_default();
    assert!(kelvar.starts_with("auto:~klfr:prison_attack"), "{ar1:?}");
    for e in ar1.iter().chain(&en1).chain(&ar2) {
        assert_eq!(*e, kelvar, "{ar1:?} {en1:?} {ar2:?}");
    }
    assert!(
        !en2.is_empty() && en2.iter().all(|e| e.starts_with("auto:~tmrt:bombing")),
        "{en2:?}"
    );
}

#[test]
fn no_ledger_event_is_named_after_a_verb_or_a_function_word() {
    // See: issue 19. Each report's words after سجن / before "prison" are a
    // verb, an adjective or a function word, never a place.
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let docs: &[(&str, &str)] = &[
        (
            "a.txt",
            "قال مسؤول إن سجن يقع في منطقة نائية تعرض لهجوم، وإن 30 سجينا فروا. وأضاف أن سجن يقع تحت الحراسة.\n",
        ),
        (
            "b.txt",
            "سجن كشف عن فرار 20 سجينا من السجن، وكشف مدير سجن كشف الأمر.\n",
        ),
        (
            "c.txt",
            "Gunmen attacked the prison in March and 50 inmates escaped. The prison in March held 300 inmates.\n",
        ),
        (
            "d.txt",
            "Fighters stormed the Central Prison and 12 guards were killed. Central Prison guards fled.\n",
        ),
    ];
    for (name, text) in docs {
        write(d, name, text.as_bytes());
    }
    ok(isnad(&["ingest", "a.txt", "b.txt", "c.txt", "d.txt"], b"", d));
    let rows = csv_rows(d, &[]);
    assert!(!rows.is_empty());
    for r in &rows {
        for bad in [
            "يقع", "كشف", "March", "march", "Central", "central", "~k", "~mrs", "~snt",
        ] {
            assert!(
                !r["event"].contains(bad) && !r["event_name"].contains(bad),
                "{} / {}",
                r["event"],
                r["event_name"]
            );
        }
    }
}

#[test]
fn a_bad_document_is_reported_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "good.txt",
        "قالت قسد إن نحو 90 مسلحا ما زالوا يتحصنون في سجن الصناعة.\n".as_bytes(),
    );
    write(
        d,
        "records.jsonl",
        b"{\"id\":\"r1\",\"text\":\"12 attackers\"}\nnot json\n",
    );
    let out = isnad(&["ingest", "good.txt", "records.jsonl", "missing.txt"], b"", d);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("records.jsonl:2") && err.contains("missing.txt"),
        "{err}"
    );
    assert!(err.contains("2 new, 0 already stored, 2 failed"), "{err}");
}

#[test]
fn ledger_and_search_say_when_there_is_no_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    for args in [&["ledger"][..], &["search", "سجن"][..]] {
        let out = isnad(args, b"", dir.path());
        assert_eq!(out.status.code(), Some(1));
        assert!(
            stderr(&out).contains("isnad.db: no store here"),
            "{}",
            stderr(&out)
        );
    }
    let out = isnad(&["ledger", "--format", "parquet"], b"", dir.path());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn search_finds_inflected_forms_and_aliases() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "plural.txt",
        "أفرجت السلطات عن عدد من السجناء أمس.\n".as_bytes(),
    );
    write(d, "dative.txt", "لا زيارات للسجناء هذا الشهر.\n".as_bytes());
    write(
        d,
        "full-name.txt",
        "قالت قوات سوريا الديمقراطية إن الوضع هادئ.\n".as_bytes(),
    );
    write(
        d,
        "english.txt",
        "The prisoners were moved on Monday.\n".as_bytes(),
    );
    write(
        d,
        "unrelated.txt",
        "افتتح المعرض الدولي للكتاب أبوابه.\n".as_bytes(),
    );
    ok(isnad(&["ingest", "."], b"", d));
    let docs = |q: &str| -> Vec<String> {
        let out = ok(isnad(&["search", q, "--format", "jsonl"], b"", d));
        lines(&out)
            .iter()
            .filter_map(|v| v["doc"].as_str().map(String::from))
            .collect()
    };
    let mut found = docs("سجين");
    found.sort();
    assert_eq!(found, ["dative", "plural"]);
    assert_eq!(docs("قسد"), ["full-name"]);
    assert_eq!(docs("SDF"), ["full-name"]);
    assert_eq!(docs("prisoner"), ["english"]);
    assert!(docs("طائرة").is_empty());
    // Hits point at the original bytes and the snippet marks them.
    let out = ok(isnad(&["search", "سجين", "--format", "jsonl"], b"", d));
    for v in lines(&out) {
        let file = d.join(format!("{}.txt", v["doc"].as_str().expect("doc")));
        let bytes = std::fs::read(file).expect("read");
        for h in v["hits"].as_array().expect("hits") {
            let (s, e) = (
                h[0].as_u64().expect("n") as usize,
                h[1].as_u64().expect("n") as usize,
            );
            let word = std::str::from_utf8(&bytes[s..e]).expect("UTF-8");
            assert!(word.contains("سجناء"), "{word}");
            assert!(
                v["snippet"]
                    .as_str()
                    .expect("snippet")
                    .contains(&format!("[{word}]"))
            );
        }
    }
}

#[test]
fn the_seeds_ledger_shows_the_contested_figures_with_their_chains() {
    let Some(seeds) = seeds_dir() else { return };
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let a = seeds.join("000_7d9590c0c4a3f712.txt");
    let b = seeds.join("002_a7f94f2ac49a69ab.txt");
    ok(isnad(
        &["ingest", a.to_str().expect("p"), b.to_str().expect("p")],
        b"",
        d,
    ));
    let rows = csv_rows(d, &[]);
    let sinaa = "sinaa_prison_attack_2022";
    let has = |want: &[(&str, &str)]| !find(&rows, want).is_empty();
    assert!(has(&[
        ("event", sinaa),
        ("facet", "attackers_count"),
        ("value", "12"),
        ("origin", "al-naba")
    ]));
    assert!(has(&[
        ("event", sinaa),
        ("facet", "attackers_count"),
        ("vague", "hundreds")
    ]));
    assert!(has(&[
        ("event", sinaa),
        ("facet", "prisoners_escaped"),
        ("value", "200")
    ]));
    assert!(has(&[
        ("event", sinaa),
        ("facet", "prisoners_escaped"),
        ("vague", "several"),
        ("origin", "isis")
    ]));
    assert!(has(&[
        ("event", sinaa),
        ("facet", "prisoners_escaped"),
        ("vague", "a number of")
    ]));
    assert!(has(&[
        ("event", sinaa),
        ("facet", "prisoners_remaining_holdouts"),
        ("value", "90"),
        ("origin", "sdf")
    ]));
    assert!(has(&[
        ("event", sinaa),
        ("facet", "hostages_released"),
        ("value", "25"),
        ("origin", "al-naba")
    ]));
    assert!(has(&[
        ("event", sinaa),
        ("facet", "duration_days"),
        ("value", "9")
    ]));
    let nangarhar = find(&rows, &[("facet", "attackers_count"), ("value", "11")]);
    assert_eq!(nangarhar.len(), 1);
    assert_eq!(nangarhar[0]["event"], "nangarhar_prison_attack_2020");
    let escaped200 = find(&rows, &[("facet", "prisoners_escaped"), ("value", "200")]);
    assert!(
        escaped200[0]["chain"].contains("المواقع"),
        "{:?}",
        escaped200[0]["chain"]
    );
}

/// A kill at any moment leaves whole documents; running again completes the
/// batch with each document once.
#[test]
fn bench_times_every_stage_of_the_pipeline() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = ok(isnad(
        &["bench", examples().to_str().expect("path"), "-j", "2"],
        b"",
        dir.path(),
    ));
    let text = stdout(&out);
    assert!(text.contains("12 documents (0 failed)"), "{text}");
    for stage in ["reading", "extraction", "storing", "total"] {
        assert!(
            text.lines()
                .any(|l| l.starts_with(stage) && l.contains("MB/s") && l.contains("docs/s")),
            "{stage}: {text}"
        );
    }
    let no_store = stdout(&ok(isnad(
        &["bench", examples().to_str().expect("path"), "--no-store"],
        b"",
        dir.path(),
    )));
    assert!(
        !no_store.contains("storing") && no_store.contains("no store"),
        "{no_store}"
    );
}

/// A WARC.gz written here from the Arabic news corpus, one gzip member per
/// record as CC-NEWS ships them, with request records, non-HTML and 404
/// responses and a corrupt record among the articles.
#[test]
fn a_warc_gz_of_the_news_corpus_is_ingested_once_and_its_bad_records_reported() {
    use std::io::{BufRead, Write};
    let Some(corpus) = shared("corpora/arabic-news/ant-v1.1.jsonl") else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let member = |out: &mut Vec<u8>, record: &[u8]| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(record).expect("gzip");
        out.extend(gz.finish().expect("gzip"));
    };
    let record = |kind: &str, uri: &str, block: &[u8]| {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2016-02-03T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    };
    let escape = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let mut warc = Vec::new();
    let mut distinct = std::collections::HashSet::new();
    let lines = std::io::BufReader::new(std::fs::File::open(corpus).expect("corpus")).lines();
    for (i, line) in lines.take(400).enumerate() {
        let v: Value = serde_json::from_str(&line.expect("a line")).expect("a record");
        let text = v["text"].as_str().unwrap_or("");
        if text.chars().filter(|c| !c.is_whitespace()).count() < 300 {
            continue;
        }
        let html = format!(
            "<html><head><title>{i}</title></head><body><article><p>{}</p></article></body></html>",
            escape(text).replace('\n', "</p><p>")
        );
        distinct.insert(html.clone());
        let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let uri = format!("https://news.example/{i}");
        member(&mut warc, &record("request", &uri, b"GET / HTTP/1.1\r\n\r\n"));
        member(&mut warc, &record("response", &uri, block.as_bytes()));
        if i % 100 == 7 {
            member(
                &mut warc,
                &record(
                    "response",
                    &format!("{uri}.png"),
                    b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
                ),
            );
            member(
                &mut warc,
                &record(
                    "response",
                    &format!("{uri}/gone"),
                    b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>gone</p>",
                ),
            );
            member(
                &mut warc,
                b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: not-a-number\r\n\r\n",
            );
        }
    }
    let expected = distinct.len() as u64;
    assert!(expected > 100, "only {expected} articles");
    write(d, "news.warc.gz", &warc);
    let out = isnad(&["ingest", "news.warc.gz"], b"", d);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "corrupt records make the status 1: {err}"
    );
    assert_eq!(err.matches("without a valid Content-Length").count(), 4, "{err}");
    assert!(
        err.contains("of other types") && err.contains("4 not HTML") && err.contains("4 not articles"),
        "{err}"
    );
    let counts = isnad_store::Store::open(&d.join("isnad.db"))
        .expect("store")
        .counts()
        .expect("counts");
    assert_eq!(counts.documents, expected);
    let again = isnad(&["ingest", "news.warc.gz"], b"", d);
    assert!(stderr(&again).contains(" 0 new"), "{}", stderr(&again));
    let rows = csv_rows(d, &["--other"]);
    assert!(rows.iter().all(|r| r["doc"].starts_with("https://news.example/")));
}
