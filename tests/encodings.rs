//! Input fidelity, on the real binary: a page or a text in a legacy
//! encoding gives the claims of its UTF-8 twin, with spans into its own
//! bytes; character references such as `&thinsp;` are read; WARC records
//! compressed with brotli or zstd, or with a header byte that is no UTF-8,
//! are read.
//!
//! The fixtures are made here, from sentences of our own encoded with
//! encoding_rs. See: issue 21.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;

/// An Arabic report: a number, a source.
const ARABIC: &str = "قال المرصد السوري إن 41 شخصا قتلوا في الهجوم على سجن الصناعة في الحسكة.";

fn page(head: &str, body: &str) -> String {
    format!(
        "<html><head>{head}<title>هجوم على سجن</title></head><body><article><p>{body}</p></article></body></html>"
    )
}

fn windows_1256(text: &str) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(text);
    assert!(!unmappable, "windows-1256 holds {text}");
    bytes.into_owned()
}

/// What a claim says, whatever bytes it came from.
fn said(claims: &[Value]) -> Vec<String> {
    claims
        .iter()
        .map(|c| {
            let chain: Vec<&str> = c["source"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["id"].as_str())
                .collect();
            format!(
                "{} = {} by {} in «{}»",
                c["facet"],
                c["value"],
                chain.join(" > "),
                c["evidence"].as_str().unwrap_or("")
            )
        })
        .collect()
}

fn extract(dir: &Path, file: &str) -> Vec<Value> {
    lines(&ok(isnad(&["extract", file], b"", dir)))
}

/// Each claim's quantity, as its span cuts it from `original` read in
/// windows-1256.
fn quantities(claims: &[Value], original: &[u8]) -> Vec<String> {
    claims
        .iter()
        .map(|c| {
            let (s, e) = (
                c["span"][0].as_u64().unwrap_or(0) as usize,
                c["span"][1].as_u64().unwrap_or(0) as usize,
            );
            let (text, _) = encoding_rs::WINDOWS_1256.decode_without_bom_handling(&original[s..e]);
            text.into_owned()
        })
        .collect()
}

#[test]
fn a_windows_1256_page_gives_the_claims_of_its_utf8_twin() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = page("<meta charset=\"utf-8\">", ARABIC);
    write(dir.path(), "twin.html", utf8.as_bytes());
    let want = said(&extract(dir.path(), "twin.html"));
    assert!(
        want.iter()
            .any(|c| c.contains("killed_total") && c.contains("41") && c.contains("sohr")),
        "{want:?}"
    );
    // (file, bytes): the charset in a <meta charset>, in a <meta
    // http-equiv>, nowhere (detected); and as plain text.
    let rows: Vec<(&str, Vec<u8>)> = vec![
        (
            "meta.html",
            windows_1256(&page("<meta charset=\"windows-1256\">", ARABIC)),
        ),
        (
            "equiv.html",
            windows_1256(&page(
                "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\">",
                ARABIC,
            )),
        ),
        ("detected.html", windows_1256(&page("", ARABIC))),
    ];
    for (name, bytes) in &rows {
        write(dir.path(), name, bytes);
        let claims = extract(dir.path(), name);
        assert_eq!(said(&claims), want, "{name}");
        assert!(quantities(&claims, bytes).iter().all(|q| q == "41"), "{name}");
    }
    let text = windows_1256(ARABIC);
    write(dir.path(), "twin.txt", ARABIC.as_bytes());
    write(dir.path(), "legacy.txt", &text);
    let claims = extract(dir.path(), "legacy.txt");
    assert_eq!(said(&claims), said(&extract(dir.path(), "twin.txt")));
    assert!(!claims.is_empty());
    assert_eq!(quantities(&claims, &text), ["41"]);
    // The encoding is said where a document is shown.
    let read = lines(&ok(isnad(&["read", "legacy.txt"], b"", dir.path())));
    assert_eq!(read[0]["encoding"], "windows-1256");
}

/// A WARC `response` record of `body`, with these HTTP header lines.
fn record(uri: &str, http_head: &[u8], body: &[u8]) -> Vec<u8> {
    let mut block = b"HTTP/1.1 200 OK\r\n".to_vec();
    block.extend_from_slice(http_head);
    block.extend_from_slice(b"\r\n");
    block.extend_from_slice(body);
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-01-21T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(&block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

/// A page long enough to be an article.
fn article(sentence: &str) -> String {
    page("", &[sentence; 4].join(" "))
}

fn claims_by_doc(claims: &[Value], doc: &str) -> Vec<String> {
    let mine: Vec<Value> = claims.iter().filter(|c| c["doc"] == doc).cloned().collect();
    said(&mine)
}

#[test]
fn a_windows_1256_warc_record_gives_the_claims_of_its_utf8_twin() {
    let dir = tempfile::tempdir().unwrap();
    let utf8 = article(ARABIC);
    // The charset is said by the HTTP header only.
    let mut warc = record(
        "https://example.org/utf8",
        b"Content-Type: text/html; charset=utf-8\r\n",
        utf8.as_bytes(),
    );
    warc.extend(record(
        "https://example.org/legacy",
        b"Content-Type: text/html; charset=windows-1256\r\n",
        &windows_1256(&utf8),
    ));
    write(dir.path(), "pages.warc", &warc);
    let claims = extract(dir.path(), "pages.warc");
    let want = claims_by_doc(&claims, "https://example.org/utf8");
    assert!(
        want.iter()
            .any(|c| c.contains("killed_total") && c.contains("sohr")),
        "{want:?}"
    );
    assert_eq!(claims_by_doc(&claims, "https://example.org/legacy"), want);
}

#[test]
fn a_thin_space_entity_is_a_space() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<html><body><article><p>Gunmen attacked the Ghwayran prison in Hasakah on Thursday. 3&thinsp;guards were killed in the attack, the SDF said.</p></article></body></html>";
    write(dir.path(), "thin.html", html.as_bytes());
    let claims = extract(dir.path(), "thin.html");
    let facets: Vec<&str> = claims.iter().filter_map(|c| c["facet"].as_str()).collect();
    assert_eq!(facets, ["killed_guards_staff"], "{claims:?}");
    assert_eq!(claims[0]["value"], 3);
    assert_eq!(
        claims[0]["evidence"],
        "3 guards were killed in the attack, the SDF said."
    );
}

#[test]
fn brotli_and_zstd_records_and_a_header_byte_that_is_no_utf8_are_read() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let body = article("Gunmen stormed the prison and the SDF said 12 guards were killed.");
    let mut br = Vec::new();
    {
        let mut w = brotli::CompressorWriter::new(&mut br, 4096, 5, 22);
        w.write_all(body.as_bytes()).unwrap();
    }
    let zstd =
        ruzstd::encoding::compress_to_vec(body.as_bytes(), ruzstd::encoding::CompressionLevel::Fastest);
    let mut warc = record(
        "https://example.org/br",
        b"Content-Type: text/html\r\nContent-Encoding: br\r\n",
        &br,
    );
    warc.extend(record(
        "https://example.org/zstd",
        b"Content-Type: text/html\r\nContent-Encoding: zstd\r\n",
        &zstd,
    ));
    warc.extend(record(
        "https://example.org/latin1",
        b"Content-Type: text/html\r\nContent-Disposition: inline; filename=\"r\xe9sum\xe9.html\"\r\n",
        body.as_bytes(),
    ));
    write(dir.path(), "pages.warc", &warc);
    let claims = extract(dir.path(), "pages.warc");
    for doc in [
        "https://example.org/br",
        "https://example.org/zstd",
        "https://example.org/latin1",
    ] {
        let found = claims_by_doc(&claims, doc);
        assert!(found.iter().any(|c| c.contains("12")), "{doc}: {claims:?}");
    }
}

#[test]
fn claims_given_for_a_text_in_a_legacy_encoding_fit_it() {
    // The claims `extract` gives for a windows-1256 text, given back to
    // `ingest --claims`, are stored: their evidence is the decoded text.
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    let report = format!("{ARABIC}\n{ARABIC}\n");
    write(d, "r.txt", &windows_1256(&report));
    let claims = extract(d, "r.txt");
    assert!(!claims.is_empty());
    let text: String = claims.iter().map(|c| format!("{c}\n")).collect();
    write(d, "claims.jsonl", text.as_bytes());
    let out = ok(isnad(
        &["ingest", "r.txt", "--db", "s.db", "--claims", "claims.jsonl"],
        b"",
        d,
    ));
    assert!(!stderr(&out).contains("did not fit"), "{}", stderr(&out));
}
