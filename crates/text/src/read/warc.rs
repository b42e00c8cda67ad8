//! Web archives: WARC files, plain or gzipped (one gzip member per record,
//! as Common Crawl ships them, or one for the whole file).
//!
//! In: a stream of WARC records. Out: one HTML [`Document`] per `response`
//! record whose HTTP status is 2xx and whose body is HTML (chunked transfer
//! and gzip/deflate content encodings undone), with the record's target URI
//! as its id and url and the record's date as the publication date when the
//! page gives none. Records are read one at a time: memory holds one record,
//! never the file.
//!
//! Refuses, and counts in [`WarcStats`]: records of other types (request,
//! metadata, warcinfo), responses that are not HTML or not 2xx, pages with
//! too little text to be an article, bodies over [`MAX_BODY`], records cut
//! short by the end of the file. A record whose header does not parse is
//! reported as a [`ReadError`] and the reader skips to the next `WARC/`
//! line and reads on.

use super::{ReadError, Reader};
use crate::document::Document;
use std::io::{BufRead, Read};

/// Bodies larger than this are skipped (read through, never held).
pub const MAX_BODY: u64 = 16 * 1024 * 1024;

/// Pages with fewer characters of main text are not articles.
const MIN_ARTICLE_CHARS: usize = 200;

/// What a WARC file held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WarcStats {
    /// Records seen.
    pub records: u64,
    /// Articles read.
    pub articles: u64,
    /// Records of other types than `response`.
    pub other_types: u64,
    /// Responses whose body is not HTML (or in an encoding not read).
    pub not_html: u64,
    /// Responses that are not 2xx, or pages too short to be articles.
    pub not_articles: u64,
    /// Bodies over [`MAX_BODY`].
    pub too_large: u64,
    /// Records cut short by the end of the file.
    pub truncated: u64,
    /// Records whose header did not parse.
    pub corrupt: u64,
}

impl WarcStats {
    /// Records skipped for any reason but corruption.
    pub fn skipped(&self) -> u64 {
        self.other_types + self.not_html + self.not_articles + self.too_large + self.truncated
    }
}

/// True when `head` starts like a WARC file (after gzip is undone).
pub fn looks_like_warc(head: &[u8]) -> bool {
    head.starts_with(b"WARC/")
}

/// True when `head` starts like gzip.
pub fn is_gzip(head: &[u8]) -> bool {
    head.starts_with(&[0x1f, 0x8b])
}

fn read_line<R: BufRead>(input: &mut R, line: &mut Vec<u8>) -> std::io::Result<usize> {
    line.clear();
    // A header line longer than this is no header: read it through in parts.
    let n = input.by_ref().take(64 * 1024).read_until(b'\n', line)?;
    Ok(n)
}

fn trim_line(line: &[u8]) -> &[u8] {
    let mut l = line;
    while let [rest @ .., b'\n' | b'\r'] = l {
        l = rest;
    }
    l
}

/// Header fields as (lower-case name, value).
fn parse_header(line: &[u8]) -> Option<(String, String)> {
    let text = std::str::from_utf8(trim_line(line)).ok()?;
    let (k, v) = text.split_once(':')?;
    Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
}

fn field<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Header fields as (lower-case name, value), in order.
type Headers = Vec<(String, String)>;

/// An HTTP response: status, headers, body.
fn http(block: &[u8]) -> Option<(u16, Headers, &[u8])> {
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|p| (p, p + 4))
        .or_else(|| block.windows(2).position(|w| w == b"\n\n").map(|p| (p, p + 2)))?;
    let head = std::str::from_utf8(&block[..end.0]).ok()?;
    let mut lines = head.lines();
    let status_line = lines.next()?;
    let mut parts = status_line.split_whitespace();
    if !parts.next()?.starts_with("HTTP/") {
        return None;
    }
    let status: u16 = parts.next()?.parse().ok()?;
    let headers = lines.filter_map(|l| parse_header(l.as_bytes())).collect();
    Some((status, headers, &block[end.1..]))
}

/// Undoes chunked transfer encoding; `None` when the chunks do not parse.
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let nl = body.iter().position(|&b| b == b'\n')?;
        let size_text = std::str::from_utf8(&body[..nl]).ok()?.trim();
        let size_text = size_text.split(';').next().unwrap_or("");
        let size = usize::from_str_radix(size_text, 16).ok()?;
        body = &body[nl + 1..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = &body[size..];
        body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
    }
}

/// Undoes a content encoding; `None` for one it does not read.
fn decode(body: Vec<u8>, encoding: Option<&str>) -> Option<Vec<u8>> {
    let enc = encoding.map(|e| e.trim().to_ascii_lowercase());
    let mut out = Vec::new();
    let limit = MAX_BODY;
    match enc.as_deref() {
        None | Some("") | Some("identity") => Some(body),
        Some("gzip") | Some("x-gzip") => {
            flate2::read::MultiGzDecoder::new(body.as_slice())
                .take(limit)
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        Some("deflate") => {
            if flate2::read::ZlibDecoder::new(body.as_slice())
                .take(limit)
                .read_to_end(&mut out)
                .is_err()
            {
                out.clear();
                flate2::read::DeflateDecoder::new(body.as_slice())
                    .take(limit)
                    .read_to_end(&mut out)
                    .ok()?;
            }
            Some(out)
        }
        _ => None,
    }
}

impl Reader {
    /// Reads WARC records from `input` (already un-gzipped), calling `sink`
    /// with each article and each corrupt record's error.
    pub fn read_warc<R: BufRead>(
        &self,
        mut input: R,
        name: &str,
        sink: &mut dyn FnMut(Result<Document, ReadError>),
    ) -> WarcStats {
        let mut stats = WarcStats::default();
        let mut line = Vec::new();
        let mut resyncing = false;
        loop {
            // The version line, after any blank lines between records.
            match read_line(&mut input, &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    sink(Err(ReadError::Io {
                        path: name.to_string(),
                        source: e,
                    }));
                    break;
                }
            }
            let t = trim_line(&line);
            if t.is_empty() {
                continue;
            }
            if !t.starts_with(b"WARC/") {
                if !resyncing {
                    stats.corrupt += 1;
                    sink(Err(ReadError::Record {
                        path: name.to_string(),
                        line: stats.records as usize + 1,
                        reason: "not a WARC record header; skipped to the next record".into(),
                    }));
                    resyncing = true;
                }
                continue;
            }
            resyncing = false;
            stats.records += 1;
            let n = stats.records;
            let mut headers = Vec::new();
            let mut ok = true;
            loop {
                match read_line(&mut input, &mut line) {
                    Ok(0) => {
                        ok = false;
                        break;
                    }
                    Ok(_) => {}
                    Err(_) => {
                        ok = false;
                        break;
                    }
                }
                if trim_line(&line).is_empty() {
                    break;
                }
                if let Some(h) = parse_header(&line) {
                    headers.push(h);
                }
            }
            if !ok {
                stats.truncated += 1;
                break;
            }
            let Some(len) = field(&headers, "content-length").and_then(|v| v.parse::<u64>().ok()) else {
                stats.corrupt += 1;
                sink(Err(ReadError::Record {
                    path: name.to_string(),
                    line: n as usize,
                    reason: "a WARC record without a valid Content-Length; skipped".into(),
                }));
                resyncing = true;
                continue;
            };
            let is_response =
                field(&headers, "warc-type").is_some_and(|t| t.eq_ignore_ascii_case("response"));
            if !is_response || len > MAX_BODY {
                match std::io::copy(&mut input.by_ref().take(len), &mut std::io::sink()) {
                    Ok(read) if read == len => {}
                    _ => {
                        stats.truncated += 1;
                        break;
                    }
                }
                if is_response {
                    stats.too_large += 1;
                } else {
                    stats.other_types += 1;
                }
                continue;
            }
            let mut block = Vec::with_capacity(len as usize);
            match input.by_ref().take(len).read_to_end(&mut block) {
                Ok(read) if read as u64 == len => {}
                _ => {
                    stats.truncated += 1;
                    break;
                }
            }
            let uri = field(&headers, "warc-target-uri")
                .unwrap_or("")
                .trim_matches(['<', '>'])
                .to_string();
            let date = field(&headers, "warc-date")
                .and_then(|d| d.get(..10))
                .map(str::to_string);
            match self.warc_page(&block, &uri, date, &format!("{name}#{n}")) {
                Page::Article(doc) => {
                    stats.articles += 1;
                    sink(Ok(*doc));
                }
                Page::NotHtml => stats.not_html += 1,
                Page::NotArticle => stats.not_articles += 1,
            }
        }
        stats
    }

    fn warc_page(&self, block: &[u8], uri: &str, date: Option<String>, origin: &str) -> Page {
        let Some((status, headers, body)) = http(block) else {
            return Page::NotHtml;
        };
        if !(200..300).contains(&status) {
            return Page::NotArticle;
        }
        let html = field(&headers, "content-type").is_none_or(|t| {
            let t = t.to_ascii_lowercase();
            t.contains("html")
        });
        if !html {
            return Page::NotHtml;
        }
        let chunked =
            field(&headers, "transfer-encoding").is_some_and(|t| t.to_ascii_lowercase().contains("chunked"));
        let body = if chunked {
            match dechunk(body) {
                Some(b) => b,
                None => return Page::NotHtml,
            }
        } else {
            body.to_vec()
        };
        let Some(body) = decode(body, field(&headers, "content-encoding")) else {
            return Page::NotHtml;
        };
        let id = if uri.is_empty() {
            origin.to_string()
        } else {
            uri.to_string()
        };
        let mut doc = self.html(&id, origin, body);
        if doc.text.chars().filter(|c| !c.is_whitespace()).count() < MIN_ARTICLE_CHARS {
            return Page::NotArticle;
        }
        if doc.meta.url.is_none() && !uri.is_empty() {
            doc.meta.url = Some(uri.to_string());
        }
        if doc.meta.published.is_none() {
            doc.meta.published = date;
        }
        Page::Article(Box::new(doc))
    }
}

enum Page {
    Article(Box<Document>),
    NotHtml,
    NotArticle,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-01-27T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn page(body: &str) -> String {
        format!(
            "<html><head><title>t</title></head><body><article><p>{}</p></article></body></html>",
            body.repeat(20)
        )
    }

    fn response(headers: &str, body: &[u8]) -> Vec<u8> {
        let mut b = format!("HTTP/1.1 200 OK\r\n{headers}\r\n").into_bytes();
        b.extend_from_slice(body);
        b
    }

    fn read(bytes: &[u8]) -> (Vec<Document>, Vec<String>, WarcStats) {
        let mut docs = Vec::new();
        let mut errs = Vec::new();
        let stats = Reader::builtin().read_warc(bytes, "t.warc", &mut |r| match r {
            Ok(d) => docs.push(d),
            Err(e) => errs.push(e.to_string()),
        });
        (docs, errs, stats)
    }

    #[test]
    fn responses_become_documents_and_the_rest_is_counted() {
        let article = page("قالت قسد إن نحو 90 مسلحا ما زالوا في سجن الصناعة. ");
        let mut warc = record("warcinfo", "", b"software: test");
        warc.extend(record(
            "request",
            "https://example.org/a",
            b"GET /a HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "https://example.org/a",
            &response("Content-Type: text/html; charset=utf-8\r\n", article.as_bytes()),
        ));
        warc.extend(record(
            "response",
            "https://example.org/i.png",
            &response("Content-Type: image/png\r\n", b"\x89PNG"),
        ));
        warc.extend(record(
            "response",
            "https://example.org/404",
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>x</p>",
        ));
        let (docs, errs, stats) = read(&warc);
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].id, "https://example.org/a");
        assert_eq!(docs[0].meta.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(docs[0].meta.published.as_deref(), Some("2022-01-27"));
        assert!(docs[0].text.contains("نحو 90"));
        assert_eq!(
            (
                stats.records,
                stats.articles,
                stats.other_types,
                stats.not_html,
                stats.not_articles
            ),
            (5, 1, 2, 1, 1)
        );
    }

    #[test]
    fn chunked_and_gzipped_bodies_are_undone() {
        use std::io::Write;
        let article = page("Gunmen stormed the prison and about 200 inmates escaped. ");
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(article.as_bytes()).expect("gzip");
        let gz = gz.finish().expect("gzip");
        let mut chunked = Vec::new();
        for part in gz.chunks(100) {
            chunked.extend(format!("{:x}\r\n", part.len()).into_bytes());
            chunked.extend_from_slice(part);
            chunked.extend_from_slice(b"\r\n");
        }
        chunked.extend_from_slice(b"0\r\n\r\n");
        let block = response(
            "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        );
        let (docs, errs, _) = read(&record("response", "https://example.org/b", &block));
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(docs.len(), 1);
        assert!(docs[0].text.contains("about 200 inmates"));
    }

    #[test]
    fn a_corrupt_record_is_reported_and_the_next_one_read() {
        let article = page("Gunmen stormed the prison and about 200 inmates escaped. ");
        let good = record(
            "response",
            "https://example.org/c",
            &response("Content-Type: text/html\r\n", article.as_bytes()),
        );
        let mut warc = b"garbage that is not a header\r\nmore garbage\r\n".to_vec();
        warc.extend_from_slice(&good);
        warc.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: zz\r\n\r\n");
        warc.extend_from_slice(&good);
        let mut cut = good.clone();
        cut.truncate(good.len() / 2);
        warc.extend_from_slice(&cut);
        let (docs, errs, stats) = read(&warc);
        assert_eq!(docs.len(), 2);
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert!(errs[0].contains("t.warc"));
        assert_eq!((stats.corrupt, stats.truncated), (2, 1));
    }
}
