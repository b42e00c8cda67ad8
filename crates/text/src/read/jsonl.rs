//! JSONL records: one JSON object a line, streamed.

use super::ReadError;
use crate::document::Metadata;
use serde::de::{self, Deserialize, Deserializer, Visitor};
use std::io::{BufRead, Read};

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
    max: u64,
}

impl<R: BufRead> JsonlLines<R> {
    /// Lines of `input`, reported under `name`.
    pub fn new(input: R, name: &str) -> Self {
        JsonlLines {
            input,
            name: name.to_string(),
            line: 0,
            max: super::DEFAULT_MAX_DOCUMENT,
        }
    }

    /// The same lines, a line over `bytes` refused (named, read through
    /// without being held) and the lines after it read on.
    pub fn with_max_line(mut self, bytes: u64) -> Self {
        self.max = bytes;
        self
    }

    /// Reads the rest of a line through, holding none of it.
    fn skip_line(&mut self) -> std::io::Result<u64> {
        let mut skipped = 0u64;
        loop {
            let buf = self.input.fill_buf()?;
            if buf.is_empty() {
                return Ok(skipped);
            }
            let (n, done) = match memchr::memchr(b'\n', buf) {
                Some(p) => (p + 1, true),
                None => (buf.len(), false),
            };
            self.input.consume(n);
            skipped += n as u64;
            if done {
                return Ok(skipped);
            }
        }
    }
}

impl<R: BufRead> Iterator for JsonlLines<R> {
    type Item = Result<(usize, Vec<u8>), ReadError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let mut buf = Vec::new();
            self.line += 1;
            let io = |name: &str, e| ReadError::Io {
                path: name.to_string(),
                source: e,
            };
            match (&mut self.input)
                .take(self.max.saturating_add(1))
                .read_until(b'\n', &mut buf)
            {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(io(&self.name, e))),
            }
            if buf.len() as u64 > self.max && buf.last() != Some(&b'\n') {
                let rest = match self.skip_line() {
                    Ok(n) => n,
                    Err(e) => return Some(Err(io(&self.name, e))),
                };
                return Some(Err(ReadError::Refused {
                    path: format!("{}:{}", self.name, self.line),
                    reason: format!(
                        "a record of {} bytes, over the cap of {} bytes on a document (--max-document-size); skipped",
                        buf.len() as u64 + rest,
                        self.max
                    ),
                }));
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

/// A value of a record line, as much as a record needs of it: a string, a
/// number (written as text), or anything else (read through, kept as
/// nothing). The line is read in one pass into these, not into a
/// `serde_json::Value` tree first.
enum Field {
    Text(String),
    Number(serde_json::Number),
    Other,
}

impl Field {
    /// The field as a metadata string: a string with something in it, or a
    /// number.
    fn meta(self) -> Option<String> {
        match self {
            Field::Text(s) if !s.trim().is_empty() => Some(s),
            Field::Number(x) => Some(x.to_string()),
            _ => None,
        }
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Field, D::Error> {
        d.deserialize_any(FieldVisitor)
    }
}

struct FieldVisitor;

impl<'de> Visitor<'de> for FieldVisitor {
    type Value = Field;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field, E> {
        Ok(Field::Text(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Field, E> {
        Ok(Field::Text(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Field, E> {
        Ok(Field::Number(v.into()))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Field, E> {
        Ok(Field::Number(v.into()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Field, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Field::Other, Field::Number))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_none<E: de::Error>(self) -> Result<Field, E> {
        Ok(Field::Other)
    }
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Field, A::Error> {
        while seq.next_element::<Field>()?.is_some() {}
        Ok(Field::Other)
    }
    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Field, A::Error> {
        while map.next_entry::<de::IgnoredAny, Field>()?.is_some() {}
        Ok(Field::Other)
    }
}

/// The keys a record reads; a [`Line`] keeps their values in this order.
const KEYS: [&str; 11] = [
    "text",
    "id",
    "title",
    "outlet",
    "source",
    "byline",
    "author",
    "published",
    "date",
    "url",
    "lang",
];

/// A key of a record line: its place in [`KEYS`], if it has one (read
/// without a copy of the key).
struct Key(Option<usize>);

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(Key(KEYS.iter().position(|n| *n == v)))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// A record line: the last value of each key of [`KEYS`] (a later key
/// wins, as in a JSON object read whole), or `None` when the line holds
/// valid JSON that is not an object.
struct Line(Option<[Option<Field>; KEYS.len()]>);

impl<'de> Deserialize<'de> for Line {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Line, D::Error> {
        struct LineVisitor;
        impl<'de> Visitor<'de> for LineVisitor {
            type Value = Line;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Line, A::Error> {
                let mut fields: [Option<Field>; KEYS.len()] = Default::default();
                while let Some(Key(k)) = map.next_key::<Key>()? {
                    match k {
                        Some(i) => fields[i] = Some(map.next_value::<Field>()?),
                        None => {
                            map.next_value::<Field>()?;
                        }
                    }
                }
                Ok(Line(Some(fields)))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Line, A::Error> {
                FieldVisitor.visit_seq(seq).map(|_| Line(None))
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Line, E> {
                Ok(Line(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Line, E> {
                Ok(Line(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Line, E> {
                Ok(Line(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Line, E> {
                Ok(Line(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Line, E> {
                Ok(Line(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Line, E> {
                Ok(Line(None))
            }
        }
        d.deserialize_any(LineVisitor)
    }
}

/// Parses line `line` of file `name` as a record.
pub fn parse_record(name: &str, line: usize, text: &str) -> Result<Record, ReadError> {
    let error = |reason: String| ReadError::Record {
        path: name.to_string(),
        line,
        reason,
    };
    let parsed: Line = serde_json::from_str(text.trim()).map_err(|e| error(format!("not JSON: {e}")))?;
    let Line(Some(mut f)) = parsed else {
        return Err(error("not a JSON object".into()));
    };
    let mut take = |k: &str| KEYS.iter().position(|n| *n == k).and_then(|i| f[i].take());
    let text = match take("text") {
        Some(Field::Text(s)) => s,
        Some(_) => return Err(error("field `text` is not a string".into())),
        None => return Err(error("no `text` field".into())),
    };
    let mut meta = |names: &[&str]| names.iter().find_map(|n| take(n).and_then(Field::meta));
    let id = meta(&["id"]);
    let url = meta(&["url"]);
    let id = id.unwrap_or_else(|| default_id(url.as_deref(), &text));
    let meta = Metadata {
        title: meta(&["title"]),
        outlet: meta(&["outlet", "source"]),
        byline: meta(&["byline", "author"]),
        published: meta(&["published", "date"]),
        url,
        lang: meta(&["lang"]),
        warc: None,
    };
    Ok(Record { id, text, meta })
}

/// The id of a record that has none: its `url`, else the first 16 hex
/// digits of the SHA-256 of its text. Never its line number: lines are
/// counted per input, and a job that pipes each part of a corpus through
/// `isnad` (Spark's `pipe`) would give the same ids to different records.
pub fn default_id(url: Option<&str>, text: &str) -> String {
    use sha2::Digest;
    if let Some(url) = url {
        return url.to_string();
    }
    let digest = sha2::Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
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
    use proptest::prelude::*;

    /// The reading this replaced: a `serde_json::Value` first.
    fn by_value(name: &str, line: usize, text: &str) -> Result<Record, ReadError> {
        use serde_json::Value;
        let error = |reason: String| ReadError::Record {
            path: name.to_string(),
            line,
            reason,
        };
        let field = |obj: &serde_json::Map<String, Value>, names: &[&str]| {
            names.iter().find_map(|n| match obj.get(*n) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
                Some(Value::Number(x)) => Some(x.to_string()),
                _ => None,
            })
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
        let id = field(&obj, &["id"]).unwrap_or_else(|| default_id(field(&obj, &["url"]).as_deref(), &text));
        let meta = Metadata {
            title: field(&obj, &["title"]),
            outlet: field(&obj, &["outlet", "source"]),
            byline: field(&obj, &["byline", "author"]),
            published: field(&obj, &["published", "date"]),
            url: field(&obj, &["url"]),
            lang: field(&obj, &["lang"]),
            warc: None,
        };
        Ok(Record { id, text, meta })
    }

    fn json_value() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            "[a-zA-Z ء-ي\\\\n\"]{0,8}".prop_map(|s| serde_json::to_string(&s).unwrap_or_default()),
            Just("\"  \"".to_string()),
            any::<i64>().prop_map(|x| x.to_string()),
            any::<u64>().prop_map(|x| x.to_string()),
            (-1e6f64..1e6).prop_map(|x| x.to_string()),
            Just("1e400".to_string()),
            Just("7.0".to_string()),
            Just("null".to_string()),
            Just("true".to_string()),
        ];
        leaf.prop_recursive(2, 8, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..3).prop_map(|v| format!("[{}]", v.join(","))),
                prop::collection::vec(("[a-z]{1,3}", inner), 0..3).prop_map(|v| {
                    let kv: Vec<String> = v.into_iter().map(|(k, x)| format!("\"{k}\":{x}")).collect();
                    format!("{{{}}}", kv.join(","))
                }),
            ]
        })
    }

    fn json_line() -> impl Strategy<Value = String> {
        let key = prop::sample::select(vec![
            "text",
            "id",
            "title",
            "outlet",
            "source",
            "byline",
            "author",
            "published",
            "date",
            "url",
            "lang",
            "other",
            "te\\u0078t",
        ]);
        let value =
            prop_oneof![3 => json_value(), 1 => Just("\" \"".to_string()), 1 => Just("12".to_string())];
        prop_oneof![
            8 => (any::<bool>(), prop::collection::vec((key, value), 0..7)).prop_map(|(text, v)| {
                let mut kv: Vec<String> = v.into_iter().map(|(k, x)| format!("\"{k}\": {x}")).collect();
                if text {
                    kv.insert(0, "\"text\": \"نص\"".into());
                }
                format!(" {{{}}} ", kv.join(", "))
            }),
            1 => json_value(),
            1 => "[{}\\[\\]\":,a-z0-9 ]{0,12}",
        ]
    }

    proptest! {
        #[test]
        fn a_line_reads_as_it_did_through_a_json_value(line in json_line()) {
            let new = parse_record("in.jsonl", 3, &line);
            let old = by_value("in.jsonl", 3, &line);
            match (new, old) {
                (Ok(a), Ok(b)) => {
                    prop_assert_eq!((&a.id, &a.text), (&b.id, &b.text));
                    prop_assert_eq!(a.meta, b.meta);
                }
                (Err(a), Err(b)) => prop_assert_eq!(a.to_string(), b.to_string()),
                (a, b) => prop_assert!(false, "{:?} / {:?} for {}", a.map(|r| r.id), b.map(|r| r.id), line),
            }
        }
    }

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
