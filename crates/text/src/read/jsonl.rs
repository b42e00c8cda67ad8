//! JSONL records: one JSON object a line, streamed.

use super::ReadError;
use crate::document::Metadata;
use serde_json::Value;
use std::io::BufRead;

/// A JSONL record: an id, a text and metadata.
#[derive(Debug, Clone)]
pub struct Record {
    /// `id` (a number is accepted and written as text); the line number when absent.
    pub id: String,
    /// `text`.
    pub text: String,
    /// `title`, `outlet` (or `source`), `published` (or `date`), `url`, `lang`.
    pub meta: Metadata,
}

/// Iterates over the non-blank lines of a JSONL stream: `(line number,
/// line)` as bytes (checked as UTF-8 when parsed, so that a reading thread
/// only splits), or an error naming the file (I/O).
pub struct JsonlLines<R> {
    input: R,
    name: String,
    line: usize,
}

impl<R: BufRead> JsonlLines<R> {
    /// Lines of `input`, reported under `name`.
    pub fn new(input: R, name: &str) -> Self {
        JsonlLines {
            input,
            name: name.to_string(),
            line: 0,
        }
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<(usize, Vec<u8>), ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mut buf = Vec::new();
            self.line += 1;
            match self.input.read_until(b'\n', &mut buf) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => {
                    return Some(Err(ReadError::Io {
                        path: self.name.clone(),
                        source: e,
                    }));
                }
            }
            if buf.trim_ascii().is_empty() {
                continue;
            }
            return Some(Ok((self.line, buf)));
        }
    }
}

/// Line `line` of file `name` as text, or the error that says it is not.
/// (simdutf8: std's check was a twentieth of extraction's time on Arabic.)
pub fn line_text<'b>(name: &str, line: usize, bytes: &'b [u8]) -> Result<&'b str, ReadError> {
    simdutf8::basic::from_utf8(bytes).map_err(|_| ReadError::Record {
        path: name.to_string(),
        line,
        reason: "not valid UTF-8".into(),
    })
}

/// Iterates over the records of a JSONL stream: `(line number, record)` or
/// an error naming the line. Blank lines are skipped.
pub struct JsonlRecords<R> {
    lines: JsonlLines<R>,
}

impl<R: BufRead> JsonlRecords<R> {
    /// Records of `input`, reported under `name`.
    pub fn new(input: R, name: &str) -> Self {
        JsonlRecords {
            lines: JsonlLines::new(input, name),
        }
    }
}

fn string_field(obj: &serde_json::Map<String, Value>, names: &[&str]) -> Option<String> {
    names.iter().find_map(|n| match obj.get(*n) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(x)) => Some(x.to_string()),
        _ => None,
    })
}

/// Parses line `line` of file `name` as a record.
pub fn parse_record(name: &str, line: usize, text: &str) -> Result<Record, ReadError> {
    let error = |reason: String| ReadError::Record {
        path: name.to_string(),
        line,
        reason,
    };
    let value: Value = serde_json::from_str(text.trim()).map_err(|e| error(format!("not JSON: {e}")))?;
    let Value::Object(mut obj) = value else {
        return Err(error("not a JSON object".into()));
    };
    let text = match obj.remove("text") {
        Some(Value::String(s)) => s,
        Some(_) => return Err(error("field `text` is not a string".into())),
        None => return Err(error("no `text` field".into())),
    };
    let id = string_field(&obj, &["id"]).unwrap_or_else(|| format!("line{line}"));
    let meta = Metadata {
        title: string_field(&obj, &["title"]),
        outlet: string_field(&obj, &["outlet", "source"]),
        byline: string_field(&obj, &["byline", "author"]),
        published: string_field(&obj, &["published", "date"]),
        url: string_field(&obj, &["url"]),
        lang: string_field(&obj, &["lang"]),
    };
    Ok(Record { id, text, meta })
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<(usize, Record), ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (line, bytes) = match self.lines.next()? {
            Ok(l) => l,
            Err(e) => return Some(Err(e)),
        };
        let name = &self.lines.name;
        Some(line_text(name, line, &bytes).and_then(|text| parse_record(name, line, text).map(|r| (line, r))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_not_in_utf8_is_reported_and_the_next_line_is_read() {
        let mut input = b"{\"id\":\"a\",\"text\":\"\xff\"}\n".to_vec();
        input.extend_from_slice("{\"id\":\"b\",\"text\":\"نص\"}\n".as_bytes());
        let items: Vec<_> = JsonlRecords::new(&input[..], "in.jsonl").collect();
        assert_eq!(items.len(), 2);
        assert_eq!(
            items[0].as_ref().unwrap_err().to_string(),
            "in.jsonl:1: not valid UTF-8"
        );
        assert_eq!(items[1].as_ref().unwrap().1.id, "b");
    }

    #[test]
    fn good_and_bad_lines_are_told_apart_and_reading_goes_on() {
        let input = "{\"id\":\"a\",\"text\":\"نص\",\"url\":\"https://sarabic.ae/x\"}\n\nnot json\n[1]\n{\"id\":7,\"text\":\"b\",\"date\":\"2022-01-23\"}\n{\"id\":\"c\"}\n";
        let items: Vec<_> = JsonlRecords::new(input.as_bytes(), "in.jsonl").collect();
        assert_eq!(items.len(), 5);
        let (line, a) = items[0].as_ref().unwrap();
        assert_eq!((*line, a.id.as_str(), a.text.as_str()), (1, "a", "نص"));
        assert_eq!(a.meta.url.as_deref(), Some("https://sarabic.ae/x"));
        assert_eq!(
            items[1].as_ref().unwrap_err().to_string().split(':').nth(1),
            Some("3")
        );
        assert!(
            items[2]
                .as_ref()
                .unwrap_err()
                .to_string()
                .contains("not a JSON object")
        );
        let (_, b) = items[3].as_ref().unwrap();
        assert_eq!(
            (b.id.as_str(), b.meta.published.as_deref()),
            ("7", Some("2022-01-23"))
        );
        assert!(
            items[4]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("in.jsonl:6: no `text`")
        );
    }
}
