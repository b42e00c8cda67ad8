//! Parquet output read back with the arrow crate: the ledger's rows equal
//! the CSV ledger's, and `extract --format parquet` holds the claims
//! `extract` prints as JSONL.
#![cfg(feature = "parquet")]

mod common;

use arrow_array::cast::AsArray;
use arrow_array::types::{Float64Type, Int64Type};
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

/// A cell as the CSV writes it: null as empty, numbers in decimal.
fn cell(col: &dyn Array, i: usize) -> String {
    if col.is_null(i) {
        return String::new();
    }
    match col.data_type() {
        DataType::Utf8 => col.as_string::<i32>().value(i).to_string(),
        DataType::Int64 => col.as_primitive::<Int64Type>().value(i).to_string(),
        DataType::Float64 => col.as_primitive::<Float64Type>().value(i).to_string(),
        DataType::Boolean => col.as_boolean().value(i).to_string(),
        other => panic!("unexpected column type {other}"),
    }
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
    assert_eq!(names, header.iter().map(String::as_str).collect::<Vec<_>>());
    let lo_at = names.iter().position(|n| *n == "value_lo").expect("value_lo");
    let mut back: Vec<Vec<String>> = Vec::new();
    for b in &batches {
        for i in 0..b.num_rows() {
            let row: Vec<String> = (0..header.len()).map(|c| cell(b.column(c).as_ref(), i)).collect();
            // The typed value agrees with the text one.
            let lo = b.column(lo_at).as_primitive::<Float64Type>();
            assert_eq!(lo.is_null(i), row[2].is_empty(), "{row:?}");
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
    let out = isnad(
        &["extract", "--format", "parquet", "-"],
        b"90 prisoners escaped",
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("give --out FILE"), "{}", stderr(&out));
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
