//! Claims read from a web archive lead back into it, on the real binary:
//! each claim of a WARC page carries the archive's file name, its record's
//! `WARC-Record-ID` and the record's byte offset (in a `.warc.gz`, the
//! offset of the gzip member holding it), in the JSON and in Parquet, and
//! the archive's bytes at that offset are the record whose payload holds
//! the claim's evidence. See: issue 21.

mod common;

use common::*;

use std::io::Read;

/// Reports of our own, one per page, each with a claim.
const REPORTS: [&str; 3] = [
    "قال المرصد السوري إن 41 شخصا قتلوا في الهجوم على سجن الصناعة في الحسكة.",
    "The Syrian Observatory for Human Rights said 57 people were killed in the attack on the prison.",
    "قال المرصد السوري إن 12 شخصا قتلوا في الهجوم على سجن غويران.",
];

/// A WARC response record `n` holding `text` as a page long enough to be
/// an article.
fn record(n: usize, text: &str) -> Vec<u8> {
    let filler = "<p>وتواصلت الاشتباكات في محيط السجن طوال الليل بحسب شهود عيان من المنطقة.</p>".repeat(4);
    let body = format!(
        "<html><head><title>هجوم على سجن</title></head><body><article><p>{text}</p>{filler}</article></body></html>"
    );
    let block = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{body}");
    format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n\
         WARC-Target-URI: https://example.org/{n}\r\nWARC-Date: 2022-01-21T10:00:00Z\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
    .into_bytes()
}

/// A record that is no page, so that the pages' records do not start the
/// file.
fn warcinfo() -> Vec<u8> {
    let block = "software: a test\r\n";
    format!(
        "WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:info>\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
        block.len()
    )
    .into_bytes()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(bytes).expect("gzip");
    gz.finish().expect("gzip")
}

/// The records, plain, and gzipped one member per record (as Common Crawl
/// ships them).
fn archives() -> [(&'static str, Vec<u8>); 2] {
    let mut records = vec![warcinfo()];
    records.extend(REPORTS.iter().enumerate().map(|(i, t)| record(i + 1, t)));
    [
        ("crawl.warc", records.concat()),
        ("crawl.warc.gz", records.iter().flat_map(|r| gzip(r)).collect()),
    ]
}

/// The record at `offset` of `file`: its bytes up to the next record (for
/// a `.gz`, its gzip member, decompressed).
fn record_at(name: &str, file: &[u8], offset: u64) -> String {
    let rest = file.get(offset as usize..).expect("an offset inside the file");
    let bytes = if name.ends_with(".gz") {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(rest)
            .read_to_end(&mut out)
            .expect("a gzip member starts at the offset");
        out
    } else {
        let end = next_record(rest);
        rest[..end].to_vec()
    };
    String::from_utf8(bytes).expect("UTF-8")
}

/// Where the record starting `bytes` ends: at the next `WARC/1.0` line.
fn next_record(bytes: &[u8]) -> usize {
    bytes
        .windows(12)
        .skip(1)
        .position(|w| w == b"\r\n\r\nWARC/1.0")
        .map_or(bytes.len(), |p| p + 1 + 4)
}

#[test]
fn a_claim_from_an_archive_leads_back_to_the_record_holding_its_evidence() {
    for (name, file) in archives() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        write(dir.path(), name, &file);
        let claims = lines(&ok(isnad(&["extract", name], b"", dir.path())));
        let mut records: Vec<String> = Vec::new();
        for c in &claims {
            let w = &c["warc"];
            assert_eq!(w["file"], name, "{c}");
            let record = w["record"].as_str().expect("a record id");
            let offset = w["offset"].as_u64().expect("an offset");
            let held = record_at(name, &file, offset);
            assert!(held.starts_with("WARC/1.0\r\n"), "{name} at {offset}: {held:.40}");
            assert!(
                held.contains(&format!("WARC-Record-ID: {record}\r\n")),
                "{name}: {held:.200}"
            );
            let evidence = c["evidence"].as_str().expect("evidence");
            assert!(
                held.contains(evidence),
                "{name}: {evidence} not in the record at {offset}"
            );
            records.push(record.to_string());
        }
        records.dedup();
        assert_eq!(
            records.len(),
            REPORTS.len(),
            "{name}: a claim from each page: {claims:?}"
        );
    }
}

#[test]
fn a_claim_not_from_an_archive_has_no_warc_field() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), "report.txt", REPORTS[1].as_bytes());
    let claims = lines(&ok(isnad(&["extract", "report.txt"], b"", dir.path())));
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| c.get("warc").is_none()), "{claims:?}");
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_claims_carry_the_archive_columns_the_json_has() {
    use arrow_array::Array;
    use arrow_array::cast::AsArray;
    use arrow_array::types::Int64Type;
    let [_, (name, file)] = archives();
    let dir = tempfile::tempdir().expect("a temporary folder");
    write(dir.path(), name, &file);
    let json = lines(&ok(isnad(&["extract", name], b"", dir.path())));
    ok(isnad(
        &["extract", name, "--format", "parquet", "--out", "c.parquet"],
        b"",
        dir.path(),
    ));
    let f = std::fs::File::open(dir.path().join("c.parquet")).expect("the file");
    let mut got = Vec::new();
    for b in parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(f)
        .expect("Parquet")
        .build()
        .expect("a reader")
    {
        let b = b.expect("a batch");
        let col = |n: &str| {
            b.column_by_name(n)
                .unwrap_or_else(|| panic!("no column {n}"))
                .clone()
        };
        let (file, record, offset) = (col("warc_file"), col("warc_record"), col("warc_offset"));
        for i in 0..b.num_rows() {
            assert!(!file.is_null(i));
            got.push(serde_json::json!({
                "file": file.as_string::<i32>().value(i),
                "offset": offset.as_primitive::<Int64Type>().value(i),
                "record": record.as_string::<i32>().value(i),
            }));
        }
    }
    let want: Vec<serde_json::Value> = json.iter().map(|c| c["warc"].clone()).collect();
    assert_eq!(got, want);
}
