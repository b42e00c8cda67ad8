//! Web archives: WARC files, plain or gzipped (one gzip member per record,
//! as Common Crawl ships them, or one for the whole file).
//!
//! In: a stream of WARC records. Out: one HTML [`Document`] per `response`
//! record whose HTTP status is 2xx and whose body is HTML (chunked transfer
//! and gzip, deflate, brotli (`br`) and `zstd` content encodings undone, each
//! capped at [`MAX_BODY`]; the HTTP head read as bytes; the page's encoding
//! taken from the header's charset before its `<meta>`), with the record's target URI
//! as its id and url, the record's date as the publication date when the
//! page gives none, and where the record is in the archive (its
//! `meta.warc`: the file, the `WARC-Record-ID`, and the byte offset of the
//! record's `WARC/` line, or, in a gzipped file, of the gzip member that
//! holds it). Records are read one at a time: memory holds one record,
//! never the file.
//!
//! Leaves out, and counts in [`WarcStats`]: records of other types
//! (request, metadata, warcinfo), responses that are not HTML or not 2xx,
//! pages with too little text to be an article. Loses nothing silently:
//! a record whose header does not parse, a body over [`MAX_BODY`], a record
//! cut short by the end of the file and a gzip member that does not decode
//! are each reported as a [`ReadError`] naming the file and the record, and
//! the reader reads on: at the next `WARC/` line, inside the bytes of a
//! record whose Content-Length runs past the end of the file, and at the
//! next gzip member ([`GzMembers`]).

use super::{ReadError, Reader};
use crate::document::Document;
use isnad_model::WarcOrigin;
use std::io::{BufRead, Cursor, Read};

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

/// Gzip members one after another, read as one stream, which goes on past
/// a damaged member: reading fails once, saying where, and goes on at the
/// next gzip header after the damaged member's first byte. (A Common Crawl
/// file is one member per record, so one bad member loses one record, not
/// the rest of the file.) The bytes of the member being read are kept, up
/// to [`MAX_REPLAY`], so that a member cut short, whose decoder read on
/// into the members after it, gives those back.
pub struct GzMembers<R: BufRead> {
    /// The member being read.
    member: Option<flate2::bufread::GzDecoder<Rewind<R>>>,
    /// The input between members.
    input: Option<Rewind<R>>,
    /// Where the member being read starts in the input.
    start: u64,
    /// The last member failed: look for the next header.
    resync: bool,
    /// The member being read was found by looking for a header.
    found: bool,
    /// Bytes the member being read has given.
    given: u64,
    /// Bytes all members have given.
    out: u64,
    /// Where each member starts, when asked for ([`GzMembers::with_log`]).
    log: Option<MemberLog>,
}

/// Where each gzip member starts, in the decompressed stream and in the
/// file, in order: what maps a record's offset in the decompressed stream
/// to the offset of the member that holds it. Shared between the
/// [`GzMembers`] that writes it and the WARC reader that reads it, on one
/// thread.
#[derive(Debug, Clone, Default)]
pub(crate) struct MemberLog(std::rc::Rc<std::cell::RefCell<std::collections::VecDeque<(u64, u64)>>>);

impl MemberLog {
    fn push(&self, out: u64, file: u64) {
        self.0.borrow_mut().push_back((out, file));
    }

    /// The file offset of the member that holds decompressed byte `at`
    /// (`at` itself before any member). Members before it are forgotten:
    /// offsets are asked for in increasing order.
    fn file_offset(&self, at: u64) -> u64 {
        let mut log = self.0.borrow_mut();
        while log.get(1).is_some_and(|&(out, _)| out <= at) {
            log.pop_front();
        }
        match log.front() {
            Some(&(out, file)) if out <= at => file,
            _ => at,
        }
    }
}

/// The most of a member's compressed bytes kept to read again after it
/// fails; past this, reading goes on from where the failure was found.
pub const MAX_REPLAY: usize = 16 * 1024 * 1024;

impl<R: BufRead> GzMembers<R> {
    /// The members of `input`.
    pub fn new(input: R) -> Self {
        GzMembers {
            member: None,
            input: Some(Rewind {
                inner: input,
                replay: Vec::new(),
                pos: 0,
                kept: None,
                at: 0,
            }),
            start: 0,
            resync: false,
            found: false,
            given: 0,
            out: 0,
            log: None,
        }
    }

    /// The same, noting in `log` where each member starts.
    pub(crate) fn with_log(mut self, log: MemberLog) -> Self {
        self.log = Some(log);
        self
    }
}

impl<R: BufRead> Read for GzMembers<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        loop {
            if let Some(member) = self.member.as_mut() {
                match member.read(buf) {
                    Ok(0) => {
                        self.input = self.member.take().map(|m| m.into_inner());
                    }
                    Ok(n) => {
                        self.given += n as u64;
                        self.out += n as u64;
                        return Ok(n);
                    }
                    Err(e) => {
                        self.input = self.member.take().map(|m| m.into_inner());
                        self.resync = true;
                        // A byte that looked like a header, in the damage:
                        // not a member, nothing to say.
                        if self.found && self.given == 0 {
                            continue;
                        }
                        return Err(std::io::Error::new(
                            e.kind(),
                            format!(
                                "the gzip member at byte {} does not decode ({e}); reading on at the next member",
                                self.start
                            ),
                        ));
                    }
                }
            }
            let Some(mut input) = self.input.take() else {
                return Ok(0);
            };
            if self.resync {
                // Back to the damaged member's second byte, or past its
                // first, then on to the next byte that may open a header.
                if !input.rewind_past_mark() && input.at == self.start && !input.fill_buf()?.is_empty() {
                    input.consume(1);
                }
                loop {
                    let b = input.fill_buf()?;
                    if b.is_empty() {
                        return Ok(0);
                    }
                    match memchr::memchr(0x1f, b) {
                        Some(p) => {
                            input.consume(p);
                            break;
                        }
                        None => {
                            let n = b.len();
                            input.consume(n);
                        }
                    }
                }
                self.resync = false;
                self.found = true;
            } else if input.fill_buf()?.is_empty() {
                return Ok(0);
            } else {
                self.found = false;
            }
            self.given = 0;
            self.start = input.at;
            if let Some(log) = &self.log {
                log.push(self.out, self.start);
            }
            input.mark();
            self.member = Some(flate2::bufread::GzDecoder::new(input));
        }
    }
}

/// A reader that knows its offset and can go back to a mark: the bytes
/// consumed since the mark are kept (while they fit in [`MAX_REPLAY`]) and
/// served again before the rest.
struct Rewind<R> {
    inner: R,
    /// Bytes to serve again, from `pos`, before the inner reader's.
    replay: Vec<u8>,
    pos: usize,
    /// The bytes consumed since the mark, while they fit.
    kept: Option<Vec<u8>>,
    /// The offset of the next byte served.
    at: u64,
}

impl<R: BufRead> Rewind<R> {
    /// Keeps the bytes consumed from here.
    fn mark(&mut self) {
        let mut kept = self.kept.take().unwrap_or_default();
        kept.clear();
        self.kept = Some(kept);
    }

    /// Goes back to the byte after the mark; false when the bytes since
    /// were not all kept (or there are none).
    fn rewind_past_mark(&mut self) -> bool {
        let Some(kept) = self.kept.take() else {
            return false;
        };
        if kept.is_empty() {
            return false;
        }
        let mut replay = kept[1..].to_vec();
        replay.extend_from_slice(&self.replay[self.pos..]);
        self.at -= (kept.len() - 1) as u64;
        self.replay = replay;
        self.pos = 0;
        true
    }
}

impl<R: BufRead> Read for Rewind<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let avail = self.fill_buf()?;
        let n = avail.len().min(buf.len());
        buf[..n].copy_from_slice(&avail[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Rewind<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.pos < self.replay.len() {
            return Ok(&self.replay[self.pos..]);
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.at += n as u64;
        if self.pos < self.replay.len() {
            let end = (self.pos + n).min(self.replay.len());
            if let Some(k) = self.kept.as_mut() {
                k.extend_from_slice(&self.replay[self.pos..end]);
            }
            self.pos = end;
            if self.pos == self.replay.len() {
                self.replay.clear();
                self.pos = 0;
            }
        } else {
            if let Some(k) = self.kept.as_mut() {
                match self.inner.fill_buf() {
                    Ok(b) if k.len() + n <= MAX_REPLAY && b.len() >= n => k.extend_from_slice(&b[..n]),
                    _ => self.kept = None,
                }
            }
            self.inner.consume(n);
        }
        if self.kept.as_ref().is_some_and(|k| k.len() > MAX_REPLAY) {
            self.kept = None;
        }
    }
}

/// A reader that counts the bytes consumed through it: the offset, in
/// the (decompressed) stream, of the next byte.
struct Counted<'a> {
    inner: &'a mut dyn BufRead,
    at: u64,
}

impl Read for Counted<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.at += n as u64;
        Ok(n)
    }
}

impl BufRead for Counted<'_> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, n: usize) {
        self.inner.consume(n);
        self.at += n as u64;
    }
}

fn read_line<R: BufRead + ?Sized>(input: &mut R, line: &mut Vec<u8>) -> std::io::Result<usize> {
    line.clear();
    // A header line longer than this is no header: read it through in parts.
    let n = input.take(64 * 1024).read_until(b'\n', line)?;
    Ok(n)
}

fn trim_line(line: &[u8]) -> &[u8] {
    let mut l = line;
    while let [rest @ .., b'\n' | b'\r'] = l {
        l = rest;
    }
    l
}

/// Header fields as (lower-case name, value). A WARC header is UTF-8.
fn parse_header(line: &[u8]) -> Option<(String, String)> {
    let text = std::str::from_utf8(trim_line(line)).ok()?;
    let (k, v) = text.split_once(':')?;
    Some((k.trim().to_ascii_lowercase(), v.trim().to_string()))
}

/// An HTTP header field as (lower-case name, value): bytes, as HTTP has
/// them, each byte outside ASCII read as the ISO-8859-1 character of its
/// value (RFC 9110 § 5.5), so that a server's stray byte in a header it
/// does not matter to (a file name, a cookie) loses nothing else.
fn parse_http_header(line: &[u8]) -> Option<(String, String)> {
    let line = trim_line(line);
    let colon = memchr::memchr(b':', line)?;
    let latin1 = |b: &[u8]| b.iter().map(|&c| char::from(c)).collect::<String>();
    Some((
        latin1(&line[..colon]).trim().to_ascii_lowercase(),
        latin1(&line[colon + 1..]).trim().to_string(),
    ))
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
    // The head is bytes: a byte that is no UTF-8 in a header (a
    // reason phrase, a cookie) does not make the page unreadable.
    let mut lines = block[..end.0].split(|&b| b == b'\n');
    let status_line = trim_line(lines.next()?);
    let mut parts = status_line
        .split(u8::is_ascii_whitespace)
        .filter(|p| !p.is_empty());
    if !parts.next()?.starts_with(b"HTTP/") {
        return None;
    }
    let status: u16 = std::str::from_utf8(parts.next()?).ok()?.parse().ok()?;
    let headers = lines.filter_map(parse_http_header).collect();
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

/// Undoes the content encodings a `Content-Encoding` header lists (the
/// last applied first); `None` for one it does not read or a body that
/// does not decode. Each decoder gives at most [`MAX_BODY`] bytes: a small
/// body that would inflate past it (a decompression bomb) is cut there.
fn decode(mut body: Vec<u8>, encoding: Option<&str>) -> Option<Vec<u8>> {
    let Some(list) = encoding else {
        return Some(body);
    };
    for enc in list.rsplit(',') {
        body = decode_one(body, enc)?;
    }
    Some(body)
}

/// Undoes one content encoding.
fn decode_one(body: Vec<u8>, encoding: &str) -> Option<Vec<u8>> {
    let enc = encoding.trim().to_ascii_lowercase();
    let mut out = Vec::new();
    let limit = MAX_BODY;
    match enc.as_str() {
        "" | "identity" => Some(body),
        "br" => {
            brotli_decompressor::Decompressor::new(body.as_slice(), 64 * 1024)
                .take(limit)
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        "zstd" => {
            // One frame after another, each capped by what is left.
            let mut input = body.as_slice();
            while !input.is_empty() && (out.len() as u64) < limit {
                let frame = match ruzstd::decoding::StreamingDecoder::new(&mut input) {
                    Ok(f) => f,
                    // Bytes after the frames that are none: what came before stands.
                    Err(_) if !out.is_empty() => break,
                    Err(_) => return None,
                };
                frame.take(limit - out.len() as u64).read_to_end(&mut out).ok()?;
            }
            Some(out)
        }
        "gzip" | "x-gzip" => {
            flate2::read::MultiGzDecoder::new(body.as_slice())
                .take(limit)
                .read_to_end(&mut out)
                .ok()?;
            Some(out)
        }
        "deflate" => {
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
        input: R,
        name: &str,
        sink: &mut dyn FnMut(Result<Document, ReadError>),
    ) -> WarcStats {
        self.read_warc_logged(input, name, None, sink)
    }

    /// As [`Reader::read_warc`], `input` being the members of a gzipped
    /// file when `log` (written by its [`GzMembers`]) is given: each page
    /// keeps where its record is in the file ([`WarcOrigin`]).
    pub(crate) fn read_warc_logged<R: BufRead>(
        &self,
        input: R,
        name: &str,
        log: Option<MemberLog>,
        sink: &mut dyn FnMut(Result<Document, ReadError>),
    ) -> WarcStats {
        let mut stats = WarcStats::default();
        let mut input: Box<dyn BufRead + '_> = Box::new(input);
        let mut at = 0;
        // A record whose Content-Length ran past the end of the file: the
        // records inside its bytes are read next.
        loop {
            let mut counted = Counted {
                inner: &mut *input,
                at,
            };
            let Some((rest, rest_at)) = self.read_records(&mut counted, name, log.as_ref(), &mut stats, sink)
            else {
                break;
            };
            input = Box::new(Cursor::new(rest));
            at = rest_at;
        }
        stats
    }

    /// Reads records until the end of `input`, or until a record's
    /// Content-Length runs past it: then the bytes read for that record
    /// from its first `WARC/` line on, to be read as records, and their
    /// offset in the stream.
    fn read_records(
        &self,
        input: &mut Counted<'_>,
        name: &str,
        log: Option<&MemberLog>,
        stats: &mut WarcStats,
        sink: &mut dyn FnMut(Result<Document, ReadError>),
    ) -> Option<(Vec<u8>, u64)> {
        let mut line = Vec::new();
        let mut resyncing = false;
        // Errors since the last record header: a stream that keeps failing
        // is not read forever.
        let mut failing = 0;
        let lost = |n: u64, why: String| ReadError::Record {
            path: name.to_string(),
            line: n as usize,
            reason: why,
        };
        loop {
            // The version line, after any blank lines between records.
            let start = input.at;
            match read_line(input, &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    stats.corrupt += 1;
                    sink(Err(lost(stats.records + 1, e.to_string())));
                    failing += 1;
                    if failing >= 64 {
                        sink(Err(lost(
                            stats.records + 1,
                            "64 errors without a record between them: the rest of the file is not read"
                                .into(),
                        )));
                        break;
                    }
                    resyncing = true;
                    continue;
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
            failing = 0;
            stats.records += 1;
            let n = stats.records;
            let mut headers = Vec::new();
            let mut cut = None;
            loop {
                match read_line(input, &mut line) {
                    Ok(0) => {
                        cut = Some("its header is cut short by the end of the file".to_string());
                        break;
                    }
                    Ok(_) => {}
                    Err(e) => {
                        cut = Some(format!("its header could not be read ({e})"));
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
            if let Some(why) = cut {
                stats.truncated += 1;
                sink(Err(lost(n, format!("record {n} lost: {why}"))));
                resyncing = true;
                continue;
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
                match std::io::copy(&mut (&mut *input).take(len), &mut std::io::sink()) {
                    Ok(read) if read == len => {}
                    Ok(read) => {
                        stats.truncated += 1;
                        sink(Err(lost(
                            n,
                            format!(
                                "record {n} claims {len} bytes but the file holds {read} more; it and whatever came after it are lost"
                            ),
                        )));
                        break;
                    }
                    Err(e) => {
                        stats.truncated += 1;
                        sink(Err(lost(n, format!("record {n} lost: {e}"))));
                        resyncing = true;
                        continue;
                    }
                }
                if is_response {
                    stats.too_large += 1;
                    sink(Err(lost(
                        n,
                        format!("record {n}: a body of {len} bytes, over the {MAX_BODY} bytes read; skipped"),
                    )));
                } else {
                    stats.other_types += 1;
                }
                continue;
            }
            let mut block = Vec::with_capacity(len as usize);
            let block_at = input.at;
            match (&mut *input).take(len).read_to_end(&mut block) {
                Ok(read) if read as u64 == len => {}
                Ok(read) => {
                    stats.truncated += 1;
                    // A Content-Length past the end of the file: the
                    // records it swallowed are read.
                    let inside = memchr::memmem::find(&block, b"\nWARC/").map(|p| p + 1);
                    let said = match inside {
                        Some(_) => "the records inside its bytes are read on",
                        None => "cut short by the end of the file",
                    };
                    sink(Err(lost(
                        n,
                        format!("record {n} claims {len} bytes but the file holds {read}: lost; {said}"),
                    )));
                    return inside.map(|p| (block.split_off(p), block_at + p as u64));
                }
                Err(e) => {
                    stats.truncated += 1;
                    sink(Err(lost(n, format!("record {n} lost: {e}"))));
                    resyncing = true;
                    continue;
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
                Page::Article(mut doc) => {
                    stats.articles += 1;
                    doc.meta.warc = Some(WarcOrigin {
                        file: name.to_string(),
                        offset: log.map_or(start, |l| l.file_offset(start)),
                        record: field(&headers, "warc-record-id").unwrap_or("").to_string(),
                    });
                    sink(Ok(*doc));
                }
                Page::NotHtml => stats.not_html += 1,
                Page::NotArticle => stats.not_articles += 1,
            }
        }
        None
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
        let charset = field(&headers, "content-type").and_then(super::charset::charset_param);
        let mut doc = self.html_with_charset(&id, origin, body, charset);
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
    fn brotli_and_zstd_bodies_are_undone() {
        use std::io::Write;
        let article = page("Gunmen stormed the prison and about 200 inmates escaped. ");
        let mut br = Vec::new();
        {
            let mut w = brotli::CompressorWriter::new(&mut br, 4096, 5, 22);
            w.write_all(article.as_bytes()).expect("brotli");
        }
        let zstd = ruzstd::encoding::compress_to_vec(
            article.as_bytes(),
            ruzstd::encoding::CompressionLevel::Fastest,
        );
        // Two frames one after the other are one body.
        let (a, b) = article.as_bytes().split_at(article.len() / 2);
        let mut frames = ruzstd::encoding::compress_to_vec(a, ruzstd::encoding::CompressionLevel::Fastest);
        frames.extend(ruzstd::encoding::compress_to_vec(
            b,
            ruzstd::encoding::CompressionLevel::Fastest,
        ));
        // (content encoding, in the order applied; body)
        let rows: [(&str, Vec<u8>); 4] = [
            ("br", br.clone()),
            ("zstd", zstd),
            ("zstd", frames),
            ("br, gzip", {
                let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
                gz.write_all(&br).expect("gzip");
                gz.finish().expect("gzip")
            }),
        ];
        for (enc, body) in rows {
            let block = response(
                &format!("Content-Type: text/html\r\nContent-Encoding: {enc}\r\n"),
                &body,
            );
            let (docs, errs, _) = read(&record("response", "https://example.org/b", &block));
            assert!(errs.is_empty(), "{enc}: {errs:?}");
            assert_eq!(docs.len(), 1, "{enc}");
            assert_eq!(docs[0].original, article.as_bytes(), "{enc}");
        }
    }

    #[test]
    fn a_body_that_inflates_past_the_cap_is_cut_there() {
        let big = vec![b'a'; MAX_BODY as usize + 4096];
        let zstd =
            ruzstd::encoding::compress_to_vec(big.as_slice(), ruzstd::encoding::CompressionLevel::Fastest);
        assert!(zstd.len() < 1024 * 1024);
        let out = decode(zstd, Some("zstd")).expect("decodes");
        assert_eq!(out.len() as u64, MAX_BODY);
    }

    #[test]
    fn a_header_byte_that_is_no_utf8_does_not_lose_the_page() {
        let article = page("Gunmen stormed the prison and about 200 inmates escaped. ");
        let mut head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Disposition: inline; filename=\"r\xe9sum\xe9.html\"\r\n\r\n".to_vec();
        head.extend_from_slice(article.as_bytes());
        let (docs, errs, stats) = read(&record("response", "https://example.org/h", &head));
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!((docs.len(), stats.not_html), (1, 0));
        let mut status = b"HTTP/1.1 200 \xd8\xa3\xff\r\nContent-Type: text/html\r\n\r\n".to_vec();
        status.extend_from_slice(article.as_bytes());
        let (docs, _, _) = read(&record("response", "https://example.org/s", &status));
        assert_eq!(docs.len(), 1);
    }

    #[test]
    fn a_windows_1256_record_reads_as_its_utf8_twin() {
        let sentence = "قال المرصد السوري إن 41 شخصا قتلوا في الهجوم على السجن. ";
        let utf8 = page(sentence);
        let (legacy, _, bad) = encoding_rs::WINDOWS_1256.encode(&utf8);
        assert!(!bad);
        // (content type, body)
        let rows: [(&str, &[u8]); 3] = [
            ("text/html; charset=utf-8", utf8.as_bytes()),
            ("text/html; charset=windows-1256", &legacy),
            // No charset anywhere: detected.
            ("text/html", &legacy),
        ];
        for (ct, body) in rows {
            let block = response(&format!("Content-Type: {ct}\r\n"), body);
            let (docs, errs, _) = read(&record("response", "https://example.org/w", &block));
            assert!(errs.is_empty(), "{ct}: {errs:?}");
            assert_eq!(docs.len(), 1, "{ct}");
            let doc = &docs[0];
            let twin = Reader::builtin().html("t", "t", utf8.as_bytes().to_vec());
            assert_eq!(doc.text, twin.text, "{ct}");
            // Spans point into the body as archived.
            assert_eq!(doc.original, body, "{ct}");
            let at = doc.text.find("41").expect("41");
            assert_eq!(
                &doc.original[doc.original_span(at..at + 2).range()],
                b"41",
                "{ct}"
            );
            let at = doc.text.find("المرصد").expect("word");
            let span = doc.original_span(at..at + "المرصد".len());
            let (back, _) =
                encoding_rs::WINDOWS_1256.decode_without_bom_handling(&doc.original[span.range()]);
            if ct.contains("1256") {
                assert_eq!(back, "المرصد");
            }
        }
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
        // The record cut short is named too: nothing is lost silently.
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs[0].contains("t.warc"));
        assert!(errs[2].contains("record 4 claims"), "{errs:?}");
        assert_eq!((stats.corrupt, stats.truncated), (2, 1));
    }

    fn good(n: usize) -> Vec<u8> {
        let article = page(&format!(
            "Gunmen stormed prison {n} and about 200 inmates escaped. "
        ));
        record(
            "response",
            &format!("https://example.org/{n}"),
            &response("Content-Type: text/html\r\n", article.as_bytes()),
        )
    }

    fn ids(docs: &[Document]) -> Vec<&str> {
        docs.iter().map(|d| d.id.as_str()).collect()
    }

    #[test]
    fn a_content_length_past_the_end_loses_only_its_record() {
        // Record 2 claims 16 MB: the records inside its bytes are read on.
        let mut warc = good(1);
        let mut lying = good(2);
        let at = memchr::memmem::find(&lying, b"Content-Length: ").expect("header");
        let end = at + memchr::memchr(b'\r', &lying[at..]).expect("line end");
        lying.splice(at..end, b"Content-Length: 16000000".iter().copied());
        warc.extend(lying);
        warc.extend(good(3));
        warc.extend(good(4));
        let (docs, errs, stats) = read(&warc);
        assert_eq!(
            ids(&docs),
            [
                "https://example.org/1",
                "https://example.org/3",
                "https://example.org/4"
            ]
        );
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].contains("record 2 claims 16000000 bytes"), "{errs:?}");
        assert_eq!(stats.truncated, 1);
    }

    #[test]
    fn a_header_cut_short_is_named() {
        let mut warc = good(1);
        warc.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Le");
        let (docs, errs, _) = read(&warc);
        assert_eq!(docs.len(), 1);
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert!(errs[0].contains("record 2 lost"), "{errs:?}");
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(bytes).expect("gzip");
        gz.finish().expect("gzip")
    }

    fn read_gz(bytes: &[u8]) -> (Vec<Document>, Vec<String>) {
        let mut docs = Vec::new();
        let mut errs = Vec::new();
        Reader::builtin().read_warc_stream(bytes, "t.warc.gz", &mut |r| match r {
            Ok(d) => docs.push(d),
            Err(ReadError::Note { .. }) => {}
            Err(e) => errs.push(e.to_string()),
        });
        (docs, errs)
    }

    /// Record `n` of [`good`], with a `WARC-Record-ID`.
    fn good_with_id(n: usize) -> Vec<u8> {
        let mut r = good(n);
        let at = memchr::memmem::find(&r, b"\r\n").map_or(0, |p| p + 2);
        r.splice(at..at, format!("WARC-Record-ID: <urn:uuid:{n}>\r\n").bytes());
        r
    }

    /// The record at `offset` of `file`, decompressed when `gz`: its
    /// `WARC-Record-ID` line.
    fn record_id_at(file: &[u8], offset: u64, gz: bool) -> String {
        let rest = &file[offset as usize..];
        let mut head = vec![0; 200];
        let n = if gz {
            flate2::read::GzDecoder::new(rest).read(&mut head).unwrap_or(0)
        } else {
            (&rest[..rest.len().min(200)]).read(&mut head).unwrap_or(0)
        };
        let head = String::from_utf8_lossy(&head[..n]).into_owned();
        assert!(head.starts_with("WARC/1.0\r\n"), "{head:?}");
        head.lines()
            .find_map(|l| l.strip_prefix("WARC-Record-ID: "))
            .unwrap_or("")
            .to_string()
    }

    #[test]
    fn each_page_keeps_where_its_record_is_in_the_archive() {
        let records: Vec<Vec<u8>> = (1..=3).map(good_with_id).collect();
        let plain = records.concat();
        let per_record: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
        let whole = gzip(&plain);
        // (the file, gzipped, the offsets the pages must have)
        let starts = |parts: Vec<usize>| -> Vec<u64> {
            parts
                .iter()
                .scan(0, |at, n| {
                    let here = *at;
                    *at += n;
                    Some(here as u64)
                })
                .collect()
        };
        let cases = [
            (&plain, false, starts(records.iter().map(Vec::len).collect())),
            (
                &per_record,
                true,
                starts(records.iter().map(|r| gzip(r).len()).collect()),
            ),
            (&whole, true, vec![0, 0, 0]),
        ];
        for (i, (file, gz, want)) in cases.into_iter().enumerate() {
            let mut docs = Vec::new();
            let name = if gz { "t.warc.gz" } else { "t.warc" };
            Reader::builtin().read_warc_stream(file.as_slice(), name, &mut |r| {
                if let Ok(d) = r {
                    docs.push(d);
                }
            });
            let got: Vec<WarcOrigin> = docs.iter().filter_map(|d| d.meta.warc.clone()).collect();
            assert_eq!(got.len(), 3, "case {i}");
            assert_eq!(got.iter().map(|w| w.offset).collect::<Vec<_>>(), want, "case {i}");
            for (k, w) in got.iter().enumerate() {
                assert_eq!(w.file, name);
                assert_eq!(w.record, format!("<urn:uuid:{}>", k + 1), "case {i}");
                if i < 2 {
                    assert_eq!(record_id_at(file, w.offset, gz), w.record, "case {i}");
                }
            }
        }
    }

    #[test]
    fn a_record_read_from_inside_a_lying_one_keeps_its_own_offset() {
        let first = good_with_id(1);
        let mut lying = good_with_id(2);
        let at = memchr::memmem::find(&lying, b"Content-Length: ").expect("header");
        let end = at + memchr::memchr(b'\r', &lying[at..]).expect("line end");
        lying.splice(at..end, b"Content-Length: 16000000".iter().copied());
        let mut warc = first.clone();
        warc.extend(lying);
        warc.extend(good_with_id(3));
        let (docs, _, _) = read(&warc);
        let third = docs
            .iter()
            .find(|d| d.id.ends_with("/3"))
            .and_then(|d| d.meta.warc.clone())
            .expect("record 3 read");
        assert_eq!(record_id_at(&warc, third.offset, false), "<urn:uuid:3>");
    }

    #[test]
    fn a_damaged_gzip_member_loses_its_record_and_the_next_members_are_read() {
        // (what is done to member 2 of 4, the records read: all but the
        // second, or all when the damage is found after its data)
        type Damage = fn(&mut Vec<u8>);
        let rows: &[(&str, Damage, &[usize])] = &[
            (
                "deflate data flipped",
                |m| {
                    let mid = m.len() / 2;
                    for b in &mut m[mid..mid + 8] {
                        *b ^= 0x5a;
                    }
                },
                &[1, 3, 4],
            ),
            (
                "crc wrong",
                |m| {
                    let n = m.len();
                    m[n - 8] ^= 0xff;
                },
                &[1, 2, 3, 4],
            ),
            (
                "cut in half",
                |m| {
                    let n = m.len();
                    m.truncate(n / 2);
                },
                &[1, 3, 4],
            ),
            (
                "not gzip at all",
                |m| {
                    *m = b"junk between members".to_vec();
                },
                &[1, 3, 4],
            ),
        ];
        for (name, damage, want) in rows {
            let mut file = Vec::new();
            for n in 1..=4 {
                let mut member = gzip(&good(n));
                if n == 2 {
                    damage(&mut member);
                }
                file.extend(member);
            }
            let (docs, errs) = read_gz(&file);
            let want: Vec<String> = want.iter().map(|n| format!("https://example.org/{n}")).collect();
            assert_eq!(ids(&docs), want, "{name}: {errs:?}");
            assert!(!errs.is_empty(), "{name}: the damage is named");
            assert!(
                errs.iter().all(|e| e.starts_with("t.warc.gz")),
                "{name}: {errs:?}"
            );
        }
    }

    #[test]
    fn a_gzip_file_cut_short_is_named() {
        let mut file = gzip(&good(1));
        let second = gzip(&good(2));
        file.extend_from_slice(&second[..second.len() / 2]);
        let (docs, errs) = read_gz(&file);
        assert_eq!(ids(&docs), ["https://example.org/1"]);
        assert_eq!(errs.len(), 1, "{errs:?}");
    }
}
