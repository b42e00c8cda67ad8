//! Parquet output read back with the arrow crate: the ledger's rows, the
//! summary's and the disputes' equal the CSV's, with numbers as numbers,
//! dates as dates and the chain as a list of `{id, name, kind}`; and
//! `extract --format parquet` holds the claims `extract` prints as JSONL.
#![cfg(feature = "parquet")]

mod common;

use arrow_array::cast::AsArray;
use arrow_array::temporal_conversions::as_date;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch};
use arrow_schema::DataType;
use common::*;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use std::path::Path;

fn read(path: &Path) -> Vec<RecordBatch> {
    let f = std::fs::File::open(path).expect("the Parquet file");
    ParquetRecordBatchReaderBuilder::try_new(f)
        .expect("a Parquet file")
        .build()
        .expect("a reader")
        .map(|b| b.expect("a batch"))
        .collect()
}

/// A cell as the CSV writes it: null as empty, numbers in decimal, dates
/// `YYYY-MM-DD` (read by arrow's own calendar, not isnad's), a list's
/// items joined by spaces, a struct's fields by `|`.
fn cell(col: &dyn Array, i: usize) -> String {
    if col.is_null(i) {
        return String::new();
    }
    match col.data_type() {
        DataType::Utf8 => col.as_string::<i32>().value(i).to_string(),
        DataType::Int64 => col.as_primitive::<Int64Type>().value(i).to_string(),
        DataType::Float64 => col.as_primitive::<Float64Type>().value(i).to_string(),
        DataType::Boolean => col.as_boolean().value(i).to_string(),
        DataType::Date32 => {
            let days = col.as_primitive::<Date32Type>().value(i);
            as_date::<Date32Type>(i64::from(days))
                .map(|d| d.to_string())
                .unwrap_or_else(|| panic!("{days} is no day"))
        }
        DataType::List(_) => {
            let items = col.as_list::<i32>().value(i);
            (0..items.len())
                .map(|j| cell(items.as_ref(), j))
                .collect::<Vec<_>>()
                .join(" ")
        }
        DataType::Struct(_) => {
            let s = col.as_struct();
            (0..s.num_columns())
                .map(|k| cell(s.column(k).as_ref(), i))
                .collect::<Vec<_>>()
                .join("|")
        }
        other => panic!("unexpected column type {other}"),
    }
}

/// The column called `name` of a batch.
fn column<'b>(b: &'b RecordBatch, name: &str) -> &'b dyn Array {
    b.column_by_name(name)
        .unwrap_or_else(|| panic!("no column {name}"))
        .as_ref()
}

/// A chain column's `{id, name, kind}` items of row `i`, outermost first.
fn chain_of(col: &dyn Array, i: usize) -> Vec<[String; 3]> {
    let items = col.as_list::<i32>().value(i);
    let items = items.as_struct();
    (0..items.len())
        .map(|j| std::array::from_fn(|k| cell(items.column(k).as_ref(), j)))
        .collect()
}

fn ledger_matches_csv(docs: &[&str], dir: &Path) {
    let mut args = vec!["ingest"];
    args.extend_from_slice(docs);
    ok(isnad(&args, b"", dir));
    let csv =
        String::from_utf8_lossy(&ok(isnad(&["ledger", "--format", "csv"], b"", dir)).stdout).into_owned();
    let csv = parse_csv(&csv);
    let (header, rows) = csv.split_first().expect("a header");
    ok(isnad(
        &["ledger", "--format", "parquet", "--out", "ledger.parquet"],
        b"",
        dir,
    ));
    let batches = read(&dir.join("ledger.parquet"));
    let schema = batches[0].schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    // The CSV's columns, then the chain as a list.
    let mut want: Vec<&str> = header.iter().map(String::as_str).collect();
    want.push("source");
    assert_eq!(names, want);
    let lo_at = names.iter().position(|n| *n == "value_lo").expect("value_lo");
    let mut back: Vec<Vec<String>> = Vec::new();
    for b in &batches {
        for i in 0..b.num_rows() {
            let row: Vec<String> = (0..header.len()).map(|c| cell(b.column(c).as_ref(), i)).collect();
            // The typed value agrees with the text one, the listed chain
            // with the chain's names.
            let lo = b.column(lo_at).as_primitive::<Float64Type>();
            assert_eq!(lo.is_null(i), row[2].is_empty(), "{row:?}");
            let names: Vec<String> = chain_of(column(b, "source"), i)
                .into_iter()
                .map(|[_, name, _]| name)
                .collect();
            assert_eq!(names.join(" > "), row[6], "{row:?}");
            back.push(row);
        }
    }
    assert!(!back.is_empty());
    assert_eq!(back.len(), rows.len());
    for (p, c) in back.iter().zip(rows) {
        assert_eq!(p, c);
    }
}

#[test]
fn the_parquet_ledger_of_the_examples_has_the_csv_ledgers_rows() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ex = examples();
    ledger_matches_csv(&[ex.to_str().expect("path")], dir.path());
}

#[test]
fn the_parquet_ledger_of_the_seeds_has_the_csv_ledgers_rows() {
    let Some(seeds) = seeds_dir() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    let files: Vec<String> = ["000_7d9590c0c4a3f712.txt", "002_a7f94f2ac49a69ab.txt"]
        .iter()
        .map(|f| seeds.join(f).display().to_string())
        .collect();
    let files: Vec<&str> = files.iter().map(String::as_str).collect();
    ledger_matches_csv(&files, dir.path());
}

/// The examples ingested into a fresh store in `dir`.
fn examples_stored(dir: &Path) {
    ok(isnad(&["ingest", examples().to_str().expect("path")], b"", dir));
}

/// Each of `batches`' rows as text cells, by column name.
fn rows_of(batches: &[RecordBatch]) -> Vec<std::collections::HashMap<String, String>> {
    let mut out = Vec::new();
    for b in batches {
        for i in 0..b.num_rows() {
            let schema = b.schema();
            out.push(
                schema
                    .fields()
                    .iter()
                    .zip(b.columns())
                    .map(|(f, c)| (f.name().clone(), cell(c.as_ref(), i)))
                    .collect(),
            );
        }
    }
    out
}

fn assert_types(batches: &[RecordBatch], want: &[(&str, DataType)]) {
    let schema = batches[0].schema();
    for (name, want) in want {
        let field = schema
            .field_with_name(name)
            .unwrap_or_else(|_| panic!("no column {name}"));
        assert_eq!(field.data_type(), want, "{name}");
    }
}

#[test]
fn the_parquet_ledger_has_numbers_dates_and_the_chain_as_structs() {
    // See: issue 19 ("the chain as a list of {id, name, kind} in Parquet;
    // published as a date").
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    examples_stored(d);
    ok(isnad(
        &["ledger", "--format", "parquet", "--out", "ledger.parquet"],
        b"",
        d,
    ));
    let batches = read(&d.join("ledger.parquet"));
    assert_types(
        &batches,
        &[
            ("value", DataType::Utf8),
            ("published", DataType::Date32),
            ("value_origins", DataType::Int64),
            ("value_reports", DataType::Int64),
            ("span_start", DataType::Int64),
            ("value_lo", DataType::Float64),
            ("value_hi", DataType::Float64),
            ("chain", DataType::Utf8),
        ],
    );
    let schema = batches[0].schema();
    let source = schema.field_with_name("source").expect("source");
    let DataType::List(item) = source.data_type() else {
        panic!("source is {}", source.data_type());
    };
    let DataType::Struct(fields) = item.data_type() else {
        panic!("source items are {}", item.data_type());
    };
    let names: Vec<(&str, &DataType)> = fields
        .iter()
        .map(|f| (f.name().as_str(), f.data_type()))
        .collect();
    assert_eq!(
        names,
        [
            ("id", &DataType::Utf8),
            ("name", &DataType::Utf8),
            ("kind", &DataType::Utf8)
        ]
    );
    // The SDF's "no inmate escaped", as the wire report carried it.
    let mut found = 0;
    for b in &batches {
        for i in 0..b.num_rows() {
            let at = |name: &str| cell(column(b, name), i);
            if (at("doc"), at("facet"), at("value"))
                != ("05-wire-dawn-en".into(), "prisoners_escaped".into(), "0".into())
            {
                continue;
            }
            found += 1;
            assert_eq!(at("published"), "2022-01-27");
            assert_eq!(column(b, "value_lo").as_primitive::<Float64Type>().value(i), 0.0);
            assert_eq!(
                chain_of(column(b, "source"), i),
                [
                    ["example-dawn-desk", "Example Dawn Desk", "outlet"].map(String::from),
                    ["sdf", "SDF", "armed_group"].map(String::from),
                ]
            );
        }
    }
    assert_eq!(found, 1);
}

#[test]
fn an_impossible_publication_date_is_null_in_the_parquet_ledger_and_said() {
    // See: issue 19 ("`2022-02-31` is refused with a warning").
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let recs = concat!(
        r#"{"id":"good","published":"2022-02-28","text":"Gunmen stormed Kuje prison. About 800 inmates escaped, the prison service said."}"#,
        "\n",
        r#"{"id":"bad","published":"2022-02-31","text":"Gunmen stormed Kuje prison. About 600 inmates escaped, officials said."}"#,
        "\n"
    );
    write(d, "r.jsonl", recs.as_bytes());
    // Said as it is read, and never stored (issue 21).
    let out = ok(isnad(&["ingest", "r.jsonl"], b"", d));
    assert!(
        stderr(&out).contains("r.jsonl:2: published \"2022-02-31\" is not a real date"),
        "{}",
        stderr(&out)
    );
    ok(isnad(
        &["ledger", "--format", "parquet", "--out", "ledger.parquet"],
        b"",
        d,
    ));
    let rows = rows_of(&read(&d.join("ledger.parquet")));
    for (doc, published) in [("good", "2022-02-28"), ("bad", "")] {
        let mine: Vec<_> = rows.iter().filter(|r| r["doc"] == doc).collect();
        assert!(!mine.is_empty(), "{doc}");
        assert!(
            mine.iter().all(|r| r["published"] == published),
            "{doc}: {mine:?}"
        );
    }
}

/// The summary's columns and the type each has in Parquet.
fn summary_types() -> Vec<(&'static str, DataType)> {
    let list_of_text = DataType::List(std::sync::Arc::new(arrow_schema::Field::new(
        "item",
        DataType::Utf8,
        true,
    )));
    vec![
        ("event", DataType::Utf8),
        ("event_name", DataType::Utf8),
        ("location", DataType::Utf8),
        ("kind", DataType::Utf8),
        ("event_date", DataType::Date32),
        ("last_date", DataType::Date32),
        ("facet", DataType::Utf8),
        ("label", DataType::Utf8),
        ("label_ar", DataType::Utf8),
        ("low", DataType::Float64),
        ("best", DataType::Float64),
        ("high", DataType::Float64),
        ("conservative", DataType::Float64),
        ("values", DataType::Int64),
        ("number_of_sources", DataType::Int64),
        ("reports", DataType::Int64),
        ("contested", DataType::Boolean),
        ("exceeds", list_of_text),
    ]
}

#[test]
fn the_parquet_summary_has_the_csv_summarys_rows_typed() {
    // See: issue 19 ("an event × facet summary table in CSV, JSON and
    // Parquet; numbers as numbers and dates as dates").
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    examples_stored(d);
    let csv = stdout(&ok(isnad(&["ledger", "--summary", "--format", "csv"], b"", d)));
    let csv = parse_csv(&csv);
    let (header, want) = csv.split_first().expect("a header");
    ok(isnad(
        &[
            "ledger",
            "--summary",
            "--format",
            "parquet",
            "--out",
            "summary.parquet",
        ],
        b"",
        d,
    ));
    let batches = read(&d.join("summary.parquet"));
    let types = summary_types();
    let schema = batches[0].schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names, header.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(names, types.iter().map(|t| t.0).collect::<Vec<_>>());
    assert_types(&batches, &types);
    let rows = rows_of(&batches);
    assert_eq!(rows.len(), want.len());
    for (got, want) in rows.iter().zip(want) {
        let got: Vec<&str> = header.iter().map(|h| got[h].as_str()).collect();
        assert_eq!(got, *want);
    }
    // The examples' figures, typed.
    let row = |facet: &str| {
        rows.iter()
            .find(|r| r["event"] == "sinaa_prison_attack_2022" && r["facet"] == facet)
            .unwrap_or_else(|| panic!("no row for {facet}"))
    };
    for (facet, column, want) in [
        ("killed_attackers_or_isis", "best", "346"),
        ("killed_attackers_or_isis", "contested", "true"),
        ("killed_attackers_or_isis", "exceeds", "killed_total"),
        ("killed_total", "best", "180"),
        ("killed_total", "event_date", "2022-01-21"),
        ("prisoners_escaped", "conservative", "0"),
        ("prisoners_escaped", "label", "Prisoners escaped"),
    ] {
        assert_eq!(row(facet)[column], want, "{facet} {column}");
    }
}

/// A list column's items at row `i`, as text.
fn items(col: &dyn Array, i: usize) -> Vec<String> {
    let list = col.as_list::<i32>().value(i);
    (0..list.len()).map(|j| cell(list.as_ref(), j)).collect()
}

#[test]
fn the_parquet_disputes_are_the_csv_disputes_with_origins_as_lists() {
    // See: issue 19 ("show the disputes as pairs in the table, JSON, CSV").
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    examples_stored(d);
    let csv = stdout(&ok(isnad(&["ledger", "--disputes", "--format", "csv"], b"", d)));
    let csv = parse_csv(&csv);
    let (header, want) = csv.split_first().expect("a header");
    ok(isnad(
        &[
            "ledger",
            "--disputes",
            "--format",
            "parquet",
            "--out",
            "d.parquet",
        ],
        b"",
        d,
    ));
    let batches = read(&d.join("d.parquet"));
    let schema = batches[0].schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    assert_eq!(names, header.iter().map(String::as_str).collect::<Vec<_>>());
    let mut got: Vec<Vec<String>> = Vec::new();
    for b in &batches {
        for i in 0..b.num_rows() {
            let row = names
                .iter()
                .zip(b.columns())
                .map(|(name, c)| match c.data_type() {
                    // Ids joined as the CSV joins them, names likewise.
                    DataType::List(_) if name.ends_with("_origins") => items(c.as_ref(), i).join("+"),
                    DataType::List(_) => items(c.as_ref(), i).join(" + "),
                    _ => cell(c.as_ref(), i),
                });
            got.push(row.collect());
        }
    }
    assert_eq!(&got, want);
    assert!(
        got.iter()
            .any(|r| r[3] == "disputes" && r[4] == "0" && r[7].contains("SDF")),
        "{got:?}"
    );
}

#[test]
fn parquet_claims_are_the_jsonl_claims() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let ex = examples();
    let ex = ex.to_str().expect("path");
    let jsonl = lines(&ok(isnad(&["extract", ex], b"", d)));
    ok(isnad(
        &["extract", ex, "--format", "parquet", "--out", "claims.parquet"],
        b"",
        d,
    ));
    let batches = read(&d.join("claims.parquet"));
    let mut n = 0;
    for b in &batches {
        let col = |name: &str| {
            b.column_by_name(name)
                .unwrap_or_else(|| panic!("no column {name}"))
        };
        let sources = col("source").as_list::<i32>();
        for i in 0..b.num_rows() {
            let want = &jsonl[n];
            n += 1;
            assert_eq!(
                cell(col("doc").as_ref(), i),
                want["doc"].as_str().unwrap_or_default()
            );
            assert_eq!(
                cell(col("facet").as_ref(), i),
                want["facet"].as_str().unwrap_or_default()
            );
            assert_eq!(
                cell(col("evidence").as_ref(), i),
                want["evidence"].as_str().unwrap_or_default()
            );
            assert_eq!(cell(col("span_start").as_ref(), i), want["span"][0].to_string());
            assert_eq!(
                cell(col("sentence_end").as_ref(), i),
                want["sentence"][1].to_string()
            );
            let lo = col("value_lo").as_primitive::<Float64Type>();
            match &want["value"] {
                serde_json::Value::Null => assert!(lo.is_null(i)),
                serde_json::Value::Array(r) => assert_eq!(Some(lo.value(i)), r[0].as_f64()),
                v => assert_eq!(Some(lo.value(i)), v.as_f64()),
            }
            let chain = sources.value(i);
            let chain = chain.as_struct();
            let ids: Vec<String> = (0..chain.len())
                .map(|j| cell(chain.column(0).as_ref(), j))
                .collect();
            let want_ids: Vec<String> = want["source"]
                .as_array()
                .expect("source")
                .iter()
                .map(|s| s["id"].as_str().unwrap_or_default().to_string())
                .collect();
            assert_eq!(ids, want_ids);
        }
    }
    assert_eq!(n, jsonl.len());
    assert!(n > 20, "{n} claims");
}

#[test]
fn parquet_needs_a_file_to_write_to() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(
        d,
        "r.txt",
        b"The SDF said 90 prisoners escaped from Ghwayran prison.",
    );
    ok(isnad(&["ingest", "r.txt"], b"", d));
    for args in [
        &["extract", "--format", "parquet", "-"][..],
        &["ledger", "--format", "parquet"][..],
        &["ledger", "--summary", "--format", "parquet"][..],
        &["ledger", "--disputes", "--format", "parquet"][..],
    ] {
        let out = isnad(args, b"90 prisoners escaped", d);
        // Bad usage (issue 21: every usage error exits 2).
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).contains("give --out FILE"),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn claims_extracted_elsewhere_load_back_with_ingest_and_give_the_same_ledger() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let ex = examples();
    let ex = ex.to_str().expect("path");
    let jsonl = ok(isnad(&["extract", ex], b"", d)).stdout;
    write(d, "claims.jsonl", &jsonl);
    ok(isnad(
        &["extract", ex, "--format", "parquet", "--out", "claims.parquet"],
        b"",
        d,
    ));
    let ledger = |db: &str| {
        String::from_utf8_lossy(
            &ok(isnad(
                &["ledger", "--db", db, "--format", "csv", "--other"],
                b"",
                d,
            ))
            .stdout,
        )
        .into_owned()
    };
    ok(isnad(&["ingest", ex, "--db", "here.db"], b"", d));
    let want = ledger("here.db");
    for file in ["claims.jsonl", "claims.parquet"] {
        let db = format!("{file}.db");
        ok(isnad(&["ingest", ex, "--db", &db, "--claims", file], b"", d));
        assert_eq!(ledger(&db), want, "{file}");
    }
    // A claim whose evidence is not the document's text, and a line that is
    // not a claim, are refused, said, and make the status 1.
    let mut claims = lines(&ok(isnad(&["extract", ex], b"", d)));
    claims[0]["evidence"] = "a sentence no report holds".into();
    let mut text: String = claims.iter().map(|c| format!("{c}\n")).collect();
    text.push_str("not a claim\n");
    write(d, "bad.jsonl", text.as_bytes());
    let out = isnad(&["ingest", ex, "--db", "bad.db", "--claims", "bad.jsonl"], b"", d);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("bad.jsonl:") && err.contains("not a claim"), "{err}");
    assert!(err.contains("1 did not fit their document's text"), "{err}");
}
