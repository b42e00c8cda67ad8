//! `isnad read`: what isnad sees in a document.

use super::{batch_end, for_each_document};
use crate::data::Data;
use anyhow::Result;
use isnad_text::{Normalized, sentence::sentences_of};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

pub fn run(data: &Data, paths: &[PathBuf], with_text: bool) -> Result<ExitCode> {
    let out = std::io::stdout();
    let mut out = std::io::BufWriter::new(out.lock());
    let batch = for_each_document(data, paths, &mut |doc| {
        let furniture: Vec<_> = doc
            .furniture
            .iter()
            .map(|r| {
                let s = doc.original_span(r.clone());
                json!({"span": s, "text": &doc.text[r.clone()]})
            })
            .collect();
        let n = Normalized::new(&doc.text);
        let sents: Vec<_> = sentences_of(&doc.text, &n)
            .into_iter()
            .map(|r| doc.to_original(n.to_text(r.into())))
            .collect();
        let mut o = json!({
            "doc": doc.id,
            "format": doc.format,
            "bytes": doc.original.len(),
            "encoding": doc.encoding,
            "meta": doc.meta,
            "furniture": furniture,
            "sentences": sents.len(),
            "warnings": doc.warnings,
        });
        // A bilingual page: the language of each paragraph.
        let paragraphs = isnad_text::document::paragraph_langs(&doc.text);
        if paragraphs.iter().any(|(_, l)| Some(l) != doc.meta.lang.as_ref())
            && let Some(obj) = o.as_object_mut()
        {
            let list: Vec<_> = paragraphs
                .iter()
                .map(|(r, l)| json!({"span": doc.original_span(r.clone()), "lang": l}))
                .collect();
            obj.insert("languages".into(), json!(list));
        }
        if with_text && let Some(obj) = o.as_object_mut() {
            obj.insert("text".into(), json!(doc.text));
            obj.insert("sentence_spans".into(), json!(sents));
        }
        writeln!(out, "{o}")?;
        Ok(())
    })?;
    out.flush()?;
    Ok(batch_end(batch))
}
