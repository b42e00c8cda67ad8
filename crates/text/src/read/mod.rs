//! Reading documents: plain text, HTML, JSONL and web archives (WARC).
//!
//! In: bytes, or a path. Out: [`Document`]s, one for a text or HTML file,
//! one per record for JSONL and one per HTML response of a WARC file, plain
//! or gzipped (both streamed: such a file is never held whole in memory). A [`Reader`] carries the furniture rules and the calendar it needs
//! for page furniture and metadata.
//!
//! Bytes in another encoding than UTF-8 are decoded (`charset`: for a
//! page, its HTTP charset, then its `<meta>`, then detection; for plain
//! text, detection), the document's `original` staying the bytes as read
//! and its origin map pointing into them.
//!
//! It refuses nothing silently: invalid UTF-8 in a UTF-8 text file is replaced by
//! U+FFFD and reported in the document's warnings (spans still point at the
//! original bytes); a JSONL line that is not a JSON object with a string
//! `text` is reported as a [`ReadError`] naming the file and line, and the
//! records after it are read on. A binary file (`binary`: known magic
//! numbers, NUL bytes, mostly no UTF-8) and a document over the size cap
//! ([`Reader::with_max_document`], 50 MB by default) are refused with a
//! [`ReadError::Refused`] naming them.

mod binary;
mod charset;
mod html;
mod jsonl;
mod plain;
pub mod warc;

use crate::calendar::Calendar;
use crate::document::{Document, Format, guess_lang, iso639_1};
use crate::furniture::FurnitureRules;
use std::io::BufRead;
use std::path::Path;

pub use binary::binary;
pub use jsonl::{JsonlLines, JsonlRecords};

/// The default cap on one document's size (a text or HTML file, a JSONL
/// record): 50 MB. Larger ones are refused, named, and the batch goes on.
pub const DEFAULT_MAX_DOCUMENT: u64 = 50 * 1000 * 1000;

/// A document read from its file but not yet built (its page's text
/// extracted, its furniture and metadata found): what a reading thread
/// hands to the threads that build and analyse documents, so that the
/// costly part of reading runs on every core. [`Reader::build`] finishes it.
#[derive(Debug)]
pub enum Raw {
    /// A JSONL line, not yet parsed.
    Line {
        /// The file.
        name: std::sync::Arc<str>,
        /// Its 1-based line number.
        line: usize,
        /// The line, as read (checked as UTF-8 when built).
        text: Vec<u8>,
    },
    /// A whole text or HTML file (or stdin).
    File {
        /// The document's id.
        id: String,
        /// Where it was read from.
        name: String,
        /// Its bytes.
        bytes: Vec<u8>,
        /// Text or HTML.
        format: Format,
    },
    /// Built already (a page of a web archive, whose records are told
    /// apart as they are read).
    Built(Box<Document>),
}

impl Raw {
    /// Its size in bytes, as read.
    pub fn size(&self) -> usize {
        match self {
            Raw::Line { text, .. } => text.len(),
            Raw::File { bytes, .. } => bytes.len(),
            Raw::Built(doc) => doc.original.len(),
        }
    }
}

/// Why a document or record could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A JSONL line is not a usable record.
    #[error("{path}:{line}: {reason}")]
    Record {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// Not an error: what a container file (a WARC archive) held besides
    /// the documents it gave, so that a caller can say it.
    #[error("{path}: {what}")]
    Note {
        /// The file.
        path: String,
        /// What it held.
        what: String,
    },
    /// A document refused: binary, or over the size cap.
    #[error("{path}: {reason}")]
    Refused {
        /// The file, or the file and line of a record.
        path: String,
        /// Why.
        reason: String,
    },
    /// A configuration file (furniture, calendar) does not parse.
    #[error("{path}: {reason}")]
    Config {
        /// The file.
        path: String,
        /// What is wrong with it.
        reason: String,
    },
}

/// Reads documents, finding their furniture and metadata.
#[derive(Debug, Clone)]
pub struct Reader {
    furniture: FurnitureRules,
    calendar: Calendar,
    max_document: u64,
}

impl Default for Reader {
    fn default() -> Self {
        Reader::builtin()
    }
}

impl Reader {
    /// A reader with the rules shipped with isnad.
    pub fn builtin() -> Reader {
        Reader {
            furniture: FurnitureRules::builtin(),
            calendar: Calendar::builtin(),
            max_document: DEFAULT_MAX_DOCUMENT,
        }
    }

    /// A reader with the given rules.
    pub fn new(furniture: FurnitureRules, calendar: Calendar) -> Reader {
        Reader {
            furniture,
            calendar,
            max_document: DEFAULT_MAX_DOCUMENT,
        }
    }

    /// The same reader, refusing documents (text and HTML files, JSONL
    /// records, stdin) over `bytes`.
    pub fn with_max_document(mut self, bytes: u64) -> Reader {
        self.max_document = bytes;
        self
    }

    /// The cap on one document's size, in bytes.
    pub fn max_document(&self) -> u64 {
        self.max_document
    }

    /// The refusal of a document of `size` bytes (`None`: more than the
    /// cap, read no further).
    fn too_large(&self, path: &str, size: Option<u64>) -> ReadError {
        let size = size.map_or_else(|| "more bytes".to_string(), |n| format!("{n} bytes"));
        ReadError::Refused {
            path: path.to_string(),
            reason: format!(
                "{size}, over the cap of {} bytes on a document (--max-document-size); skipped",
                self.max_document
            ),
        }
    }

    /// The calendar this reader uses.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Reads `bytes` as plain text.
    pub fn plain(&self, id: &str, origin_name: &str, bytes: Vec<u8>) -> Document {
        let (enc, _) = charset::for_text(&bytes);
        let (text, origin, warnings) = if enc == encoding_rs::UTF_8 {
            plain::decode(&bytes)
        } else {
            let (text, origin) = charset::decode(&bytes, enc);
            (text, origin, Vec::new())
        };
        self.finish(Document {
            id: id.to_string(),
            origin_name: origin_name.to_string(),
            format: Format::Text,
            original: bytes,
            encoding: enc.name(),
            text,
            origin,
            furniture: Vec::new(),
            meta: Default::default(),
            warnings,
        })
    }

    /// Reads `bytes` as an HTML page: its main content becomes the text.
    /// The page's encoding is its byte order mark, its `<meta charset>`,
    /// else what its bytes look like.
    pub fn html(&self, id: &str, origin_name: &str, bytes: Vec<u8>) -> Document {
        self.page(id, origin_name, bytes, None)
    }

    /// As [`Reader::html`], for a page whose HTTP `Content-Type` header
    /// names `charset`, which wins over its `<meta>`.
    pub fn html_with_charset(
        &self,
        id: &str,
        origin_name: &str,
        bytes: Vec<u8>,
        charset: Option<&str>,
    ) -> Document {
        self.page(id, origin_name, bytes, charset)
    }

    fn page(&self, id: &str, origin_name: &str, bytes: Vec<u8>, http_charset: Option<&str>) -> Document {
        let (enc, _) = charset::for_page(&bytes, http_charset);
        let page = if enc == encoding_rs::UTF_8 {
            html::extract(&bytes, &self.furniture)
        } else {
            let (decoded, inner) = charset::decode(&bytes, enc);
            let mut page = html::extract(decoded.as_bytes(), &self.furniture);
            page.origin = page.origin.through(&inner);
            page
        };
        let mut doc = Document {
            id: id.to_string(),
            origin_name: origin_name.to_string(),
            format: Format::Html,
            original: bytes,
            encoding: enc.name(),
            text: page.text,
            origin: page.origin,
            furniture: Vec::new(),
            meta: page.meta,
            warnings: page.warnings,
        };
        self.read_published(&mut doc);
        self.finish(doc)
    }

    /// Builds a document from a JSONL record's text and metadata.
    pub fn record(&self, rec: jsonl::Record, origin_name: String) -> Document {
        let text = rec.text;
        let bytes = text.as_bytes().to_vec();
        let mut doc = Document {
            id: rec.id,
            origin_name,
            format: Format::Jsonl,
            original: bytes,
            encoding: "UTF-8",
            text,
            origin: crate::origin::OriginMap::identity(),
            furniture: Vec::new(),
            meta: rec.meta,
            warnings: Vec::new(),
        };
        self.read_published(&mut doc);
        self.finish(doc)
    }

    /// The document's `published` as `YYYY-MM-DD`, or dropped with a
    /// warning saying why (see [`Calendar::published`]).
    fn read_published(&self, doc: &mut Document) {
        if let Some(d) = doc.meta.published.take() {
            match self.calendar.published(&d) {
                Ok(day) => doc.meta.published = Some(day),
                Err(why) => doc.warnings.push(why),
            }
        }
    }

    fn finish(&self, mut doc: Document) -> Document {
        doc.furniture = self.furniture.find(&doc.text);
        let from_text = crate::meta::from_text(&doc.text, &doc.furniture, &self.calendar);
        doc.meta.fill_from(from_text);
        // A language given (a record's `lang`, a page's `<html lang>`) is
        // kept in its two letters; one that names no language is guessed.
        doc.meta.lang = doc.meta.lang.as_deref().and_then(iso639_1).map(str::to_string);
        if doc.meta.lang.is_none() {
            doc.meta.lang = guess_lang(&doc.text);
        }
        doc
    }

    /// Builds a document read by a `read_*_raw` method. A document with no
    /// text (an empty file or record, a page of nothing but markup) is no
    /// document: it comes back as a [`ReadError::Note`] naming it, which a
    /// batch says and goes on from without counting it as a failure.
    pub fn build(&self, raw: Raw) -> Result<Document, ReadError> {
        let doc = self.build_any(raw)?;
        if doc.text.trim().is_empty() {
            return Err(ReadError::Note {
                path: doc.origin_name,
                what: "no text; skipped".into(),
            });
        }
        Ok(doc)
    }

    fn build_any(&self, raw: Raw) -> Result<Document, ReadError> {
        match raw {
            Raw::Line { name, line, text } => {
                let text = jsonl::line_text(&name, line, &text)?;
                let rec = jsonl::parse_record(&name, line, text)?;
                Ok(self.record(rec, format!("{name}:{line}")))
            }
            Raw::File {
                id,
                name,
                bytes,
                format,
            } => {
                if let Some(reason) = binary(&bytes) {
                    return Err(ReadError::Refused {
                        path: name,
                        reason: format!("{reason}; skipped"),
                    });
                }
                Ok(if format == Format::Html {
                    self.html(&id, &name, bytes)
                } else {
                    self.plain(&id, &name, bytes)
                })
            }
            Raw::Built(doc) => Ok(*doc),
        }
    }

    /// Reads the file at `path`, calling `sink` with each document or error.
    /// A JSONL file is streamed record by record.
    pub fn read_path(&self, path: &Path, sink: &mut dyn FnMut(Result<Document, ReadError>)) {
        self.read_path_raw(path, &mut |r| sink(r.and_then(|raw| self.build(raw))));
    }

    /// As [`Reader::read_path`], the documents not yet built.
    pub fn read_path_raw(&self, path: &Path, sink: &mut dyn FnMut(Result<Raw, ReadError>)) {
        self.read_path_raw_as(path, &stem(path), sink);
    }

    /// As [`Reader::read_path_raw`], a text or HTML file getting the id
    /// `id` (a JSONL record keeps its own, a WARC page its URI): what a
    /// caller gives when two files of a batch share a stem.
    pub fn read_path_raw_as(&self, path: &Path, id: &str, sink: &mut dyn FnMut(Result<Raw, ReadError>)) {
        let name = path.display().to_string();
        let io = |source| ReadError::Io {
            path: name.clone(),
            source,
        };
        if is_warc_name(&name) || sniff_warc(path) {
            match std::fs::File::open(path) {
                Ok(f) => self.read_warc_stream(std::io::BufReader::new(f), &name, &mut |r| {
                    sink(r.map(|d| Raw::Built(Box::new(d))))
                }),
                Err(e) => sink(Err(io(e))),
            }
            return;
        }
        let format = match format_from_extension(path) {
            Some(f) => f,
            None => {
                let mut head = [0u8; 1024];
                let n = match std::fs::File::open(path).and_then(|mut f| {
                    use std::io::Read;
                    f.read(&mut head)
                }) {
                    Ok(n) => n,
                    Err(e) => return sink(Err(io(e))),
                };
                sniff(&head[..n])
            }
        };
        match format {
            Format::Jsonl => match std::fs::File::open(path) {
                Ok(f) => read_jsonl_raw(std::io::BufReader::new(f), &name, self.max_document, sink),
                Err(e) => sink(Err(io(e))),
            },
            Format::Html | Format::Text => {
                // The size is checked before reading, and the reading is
                // capped too (a file may grow, or not say its size).
                if let Ok(m) = std::fs::metadata(path)
                    && m.len() > self.max_document
                {
                    return sink(Err(self.too_large(&name, Some(m.len()))));
                }
                match std::fs::File::open(path).and_then(|f| self.read_capped(f)) {
                    Ok(Some(bytes)) => sink(Ok(Raw::File {
                        id: id.to_string(),
                        name: name.clone(),
                        bytes,
                        format,
                    })),
                    Ok(None) => sink(Err(self.too_large(&name, None))),
                    Err(e) => sink(Err(io(e))),
                }
            }
        }
    }

    /// All of `input`, or `None` when it holds more than the cap.
    fn read_capped(&self, input: impl std::io::Read) -> std::io::Result<Option<Vec<u8>>> {
        use std::io::Read;
        let mut bytes = Vec::new();
        input
            .take(self.max_document.saturating_add(1))
            .read_to_end(&mut bytes)?;
        Ok((bytes.len() as u64 <= self.max_document).then_some(bytes))
    }

    /// Reads JSONL records from `input`, calling `sink` with each document
    /// or error.
    pub fn read_jsonl<R: BufRead>(
        &self,
        input: R,
        name: &str,
        sink: &mut dyn FnMut(Result<Document, ReadError>),
    ) {
        read_jsonl_raw(input, name, self.max_document, &mut |r| {
            sink(r.and_then(|raw| self.build(raw)))
        });
    }

    /// Reads a WARC file, gzipped or not (told by its first bytes), and
    /// says at the end what it skipped.
    pub fn read_warc_stream<R: BufRead>(
        &self,
        mut input: R,
        name: &str,
        sink: &mut dyn FnMut(Result<Document, ReadError>),
    ) {
        let gz = match input.fill_buf() {
            Ok(head) => warc::is_gzip(head),
            Err(e) => {
                return sink(Err(ReadError::Io {
                    path: name.to_string(),
                    source: e,
                }));
            }
        };
        let stats = if gz {
            let log = warc::MemberLog::default();
            let d = warc::GzMembers::new(input).with_log(log.clone());
            self.read_warc_logged(
                std::io::BufReader::with_capacity(256 * 1024, d),
                name,
                Some(log),
                sink,
            )
        } else {
            self.read_warc(input, name, sink)
        };
        sink(Err(ReadError::Note {
            path: name.to_string(),
            what: format!(
                "{} records: {} articles; skipped {} of other types, {} not HTML, {} not articles, {} too large, {} truncated; {} corrupt",
                stats.records,
                stats.articles,
                stats.other_types,
                stats.not_html,
                stats.not_articles,
                stats.too_large,
                stats.truncated,
                stats.corrupt
            ),
        }));
    }

    /// Reads a stream of unknown format (stdin), told by its first bytes:
    /// WARC and JSONL are read record by record as they arrive (so a pipe
    /// of millions of records runs in flat memory, its documents coming out
    /// while it is still being written); HTML or text is one document, read
    /// to its end.
    pub fn read_stream<R: BufRead>(
        &self,
        id: &str,
        name: &str,
        input: R,
        sink: &mut dyn FnMut(Result<Document, ReadError>),
    ) {
        self.read_stream_raw(id, name, input, &mut |r| sink(r.and_then(|raw| self.build(raw))));
    }

    /// As [`Reader::read_stream`], the documents not yet built.
    pub fn read_stream_raw<R: BufRead>(
        &self,
        id: &str,
        name: &str,
        mut input: R,
        sink: &mut dyn FnMut(Result<Raw, ReadError>),
    ) {
        use std::io::Read;
        let mut head = Vec::with_capacity(1024);
        if let Err(e) = (&mut input).take(1024).read_to_end(&mut head) {
            return sink(Err(ReadError::Io {
                path: name.to_string(),
                source: e,
            }));
        }
        let whole = std::io::Cursor::new(head).chain(input);
        let head = whole.get_ref().0.get_ref();
        if warc::is_gzip(head) || warc::looks_like_warc(head) {
            return self.read_warc_stream(whole, name, &mut |r| sink(r.map(|d| Raw::Built(Box::new(d)))));
        }
        match sniff(head) {
            Format::Jsonl => read_jsonl_raw(whole, name, self.max_document, sink),
            format => {
                let bytes = match self.read_capped(whole) {
                    Ok(Some(bytes)) => bytes,
                    Ok(None) => return sink(Err(self.too_large(name, None))),
                    Err(e) => {
                        return sink(Err(ReadError::Io {
                            path: name.to_string(),
                            source: e,
                        }));
                    }
                };
                sink(Ok(Raw::File {
                    id: id.to_string(),
                    name: name.to_string(),
                    bytes,
                    format,
                }))
            }
        }
    }

    /// Reads bytes of unknown format: WARC, JSONL, HTML or text by
    /// sniffing.
    pub fn read_bytes(
        &self,
        id: &str,
        name: &str,
        bytes: Vec<u8>,
        sink: &mut dyn FnMut(Result<Document, ReadError>),
    ) {
        if warc::is_gzip(&bytes) || warc::looks_like_warc(&bytes) {
            return self.read_warc_stream(bytes.as_slice(), name, sink);
        }
        let format = sniff(&bytes[..bytes.len().min(1024)]);
        if format == Format::Jsonl {
            return self.read_jsonl(bytes.as_slice(), name, sink);
        }
        if bytes.len() as u64 > self.max_document {
            return sink(Err(self.too_large(name, Some(bytes.len() as u64))));
        }
        sink(self.build(Raw::File {
            id: id.to_string(),
            name: name.to_string(),
            bytes,
            format,
        }))
    }
}

/// The lines of a JSONL stream, not yet parsed.
fn read_jsonl_raw<R: BufRead>(input: R, name: &str, max: u64, sink: &mut dyn FnMut(Result<Raw, ReadError>)) {
    let shared: std::sync::Arc<str> = std::sync::Arc::from(name);
    for item in JsonlLines::new(input, name).with_max_line(max) {
        sink(item.map(|(line, text)| Raw::Line {
            name: shared.clone(),
            line,
            text,
        }));
    }
}

/// A file named as a web archive (.warc, .warc.gz).
fn is_warc_name(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    n.ends_with(".warc") || n.ends_with(".warc.gz")
}

/// A file that starts like a WARC file (gzipped files are told by name).
fn sniff_warc(path: &Path) -> bool {
    use std::io::Read;
    let mut head = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read(&mut head))
        .is_ok_and(|n| warc::looks_like_warc(&head[..n]))
}

/// True when a file's documents are named after the file (its stem): a
/// text or HTML file, not a JSONL file (its records have ids) nor a web
/// archive (its pages have URIs). Told by name alone, so a file sniffed
/// as JSONL counts as named by its stem.
pub fn named_by_stem(path: &Path) -> bool {
    !is_warc_name(&path.display().to_string()) && format_from_extension(path) != Some(Format::Jsonl)
}

/// The file name without its extension.
pub fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

fn format_from_extension(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "jsonl" | "ndjson" => Some(Format::Jsonl),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        // A .txt file may hold a saved page: it is sniffed.
        "md" => Some(Format::Text),
        _ => None,
    }
}

/// Guesses a format from the first bytes of a file.
pub fn sniff(head: &[u8]) -> Format {
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(head.len());
    let rest = &head[start..];
    if rest.first() == Some(&b'{') {
        return Format::Jsonl;
    }
    if rest.first() == Some(&b'<') {
        let lower: Vec<u8> = rest.iter().take(1024).map(|b| b.to_ascii_lowercase()).collect();
        let has = |pat: &[u8]| lower.windows(pat.len()).any(|w| w == pat);
        if has(b"<html")
            || has(b"<!doctype")
            || has(b"<body")
            || has(b"<p")
            || has(b"<div")
            || has(b"<head")
            || has(b"<meta")
        {
            return Format::Html;
        }
    }
    Format::Text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffing_tells_the_three_formats_apart() {
        assert_eq!(sniff(b"  {\"id\":1}"), Format::Jsonl);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("\u{feff}<p>نص</p>".as_bytes()), Format::Html);
        assert_eq!(sniff("نص عادي < 5".as_bytes()), Format::Text);
    }

    #[test]
    fn plain_text_gets_furniture_and_metadata() {
        let r = Reader::builtin();
        let d = r.plain(
            "x",
            "x.txt",
            "العنوان\n\nفلان الفلاني\n\nنص فيه 12 مقاتلاً.\n\nالمصدر: النهار العربي\n\nزر الذهاب إلى الأعلى"
                .as_bytes()
                .to_vec(),
        );
        assert_eq!(d.meta.title.as_deref(), Some("العنوان"));
        assert_eq!(d.meta.outlet.as_deref(), Some("النهار العربي"));
        assert_eq!(d.meta.lang.as_deref(), Some("ar"));
        assert_eq!(d.furniture.len(), 1);
        assert!(d.in_furniture(d.text.len() - 5..d.text.len()));
    }
}
