//! `isnad numbers`: the number recogniser on its own.

use super::{batch_end, for_each_document};
use crate::data::Data;
use crate::json;
use anyhow::Result;
use isnad_extract::numbers::Scratch;
use serde_json::json;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(data: &Data, paths: &[PathBuf], all: bool) -> Result<ExitCode> {
    if paths.is_empty() {
        lines(data)?;
        return Ok(ExitCode::SUCCESS);
    }
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut scratch = Scratch::default();
    let batch = for_each_document(data, paths, &mut |doc| {
        for m in data.numbers().find_with(&doc.text, &mut scratch) {
            if !all && doc.in_furniture(m.start..m.end) {
                continue;
            }
            let span = doc.original_span(m.start..m.end);
            let hedge = m.hedge.map(|(s, e)| {
                let h = doc.original_span(s..e);
                (h.start as usize, h.end as usize)
            });
            let mut o = json::mention(
                m,
                (span.start as usize, span.end as usize),
                &doc.text[m.start..m.end],
                hedge,
            );
            if let Some(obj) = o.as_object_mut() {
                obj.insert("doc".into(), json!(doc.id));
            }
            writeln!(out, "{o}")?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(batch_end(batch))
}

/// The contract's mode: one JSON array per input line, spans into the line.
fn lines(data: &Data) -> Result<()> {
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let mut scratch = Scratch::default();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        line_no += 1;
        if input.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s.to_string(),
            Err(_) => {
                eprintln!(
                    "isnad: stdin:{line_no}: invalid UTF-8 replaced by U+FFFD; spans count the replacement characters"
                );
                String::from_utf8_lossy(&buf).into_owned()
            }
        };
        let arr: Vec<serde_json::Value> = data
            .numbers()
            .find_with(&line, &mut scratch)
            .iter()
            .map(|m| json::mention(m, (m.start, m.end), &line[m.start..m.end], m.hedge))
            .collect();
        writeln!(out, "{}", serde_json::Value::Array(arr))?;
    }
    out.flush()?;
    Ok(())
}
