//! The invariants the fuzz targets check, shared with the normal test
//! suite (`tests/fuzz.rs` replays `fuzz/regressions/` through them, and
//! `tests/evidence.rs` checks claims with them): each returns the first
//! one broken, said, so that a fuzz target panics with it and a test
//! names it.

#![allow(dead_code)]

use isnad_extract::Claim;
use isnad_text::Document;

/// Where claim `c`'s sentence is in `doc`'s text: the place its evidence
/// occurs whose original bytes are the claim's sentence.
pub fn sentence_in_text(doc: &Document, c: &Claim) -> Option<usize> {
    doc.text
        .match_indices(&*c.evidence)
        .map(|(at, _)| at)
        .find(|&at| doc.original_span(at..at + c.evidence.len()) == c.sentence)
}

/// A document's claims: each span lies inside its sentence inside the
/// document; the evidence is the document's text at the sentence (for a
/// text document, its original bytes there, read in its encoding, invalid
/// ones as U+FFFD);
/// the quantity's place in the evidence (where the ledger puts its marks)
/// holds exactly the characters whose original bytes are the span.
pub fn claims(doc: &Document, claims: &[Claim]) -> Result<(), String> {
    let len = doc.original.len() as u32;
    for c in claims {
        let (s, q) = (c.sentence, c.span);
        if !(s.start <= q.start && q.start <= q.end && q.end <= s.end && s.end <= len) {
            return Err(format!("span {q:?} not inside sentence {s:?} inside 0..{len}"));
        }
        let Some(at) = sentence_in_text(doc, c) else {
            return Err(format!("evidence {:?} is not the text at {s:?}", c.evidence));
        };
        if doc.format.as_str() == "text" {
            // Read in the encoding the document was read in.
            let enc = encoding_rs::Encoding::for_label(doc.encoding.as_bytes()).unwrap_or(encoding_rs::UTF_8);
            let bytes = &doc.original[s.start as usize..s.end as usize];
            let there = if enc == encoding_rs::UTF_8 {
                String::from_utf8_lossy(bytes)
            } else {
                enc.decode_without_bom_handling(bytes).0
            };
            if there != *c.evidence {
                return Err(format!("evidence {:?} is not the original {there:?}", c.evidence));
            }
        }
        let m = c.mark_in_evidence();
        let (ms, me) = (m.start as usize, m.end as usize);
        let on_characters = ms <= me
            && me <= c.evidence.len()
            && c.evidence.is_char_boundary(ms)
            && c.evidence.is_char_boundary(me);
        if !on_characters || doc.original_span(at + ms..at + me) != q {
            return Err(format!(
                "mark {m:?} in {:?} is not the text of span {q:?}",
                c.evidence
            ));
        }
    }
    Ok(())
}

/// Every character of `doc`'s text maps into its original bytes, in order.
pub fn text_map(doc: &Document) -> Result<(), String> {
    let mut cuts: Vec<usize> = doc.text.char_indices().map(|(i, _)| i).collect();
    cuts.push(doc.text.len());
    for w in cuts.windows(2) {
        let s = doc.original_span(w[0]..w[1]);
        if !(s.start <= s.end && s.end as usize <= doc.original.len()) {
            return Err(format!(
                "text {}..{} maps to {s:?}, outside 0..{}",
                w[0],
                w[1],
                doc.original.len()
            ));
        }
    }
    for f in &doc.furniture {
        if f.end > doc.text.len() {
            return Err(format!(
                "furniture {f:?} outside the text (0..{})",
                doc.text.len()
            ));
        }
    }
    Ok(())
}

use std::sync::OnceLock;

fn reader() -> &'static isnad_text::Reader {
    static R: OnceLock<isnad_text::Reader> = OnceLock::new();
    R.get_or_init(isnad_text::Reader::builtin)
}

fn extractor() -> &'static isnad_extract::Extractor {
    static X: OnceLock<isnad_extract::Extractor> = OnceLock::new();
    X.get_or_init(isnad_extract::Extractor::builtin)
}

/// The `extract` target: claims of the bytes read as a text document and
/// as a page, checked by [`claims`].
pub fn extract(data: &[u8]) {
    for doc in [
        reader().plain("f", "f", data.to_vec()),
        reader().html("f", "f", data.to_vec()),
    ] {
        let found = extractor().extract(&doc);
        if let Err(e) = claims(&doc, &found) {
            panic!("{} document: {e}", doc.format.as_str());
        }
    }
}

/// The `html_reader` target: the page's text map, checked by [`text_map`].
pub fn html_reader(data: &[u8]) {
    if let Err(e) = text_map(&reader().html("f", "f", data.to_vec())) {
        panic!("{e}");
    }
}

/// The `plain_and_jsonl` target: the text map of the bytes as a text
/// document and of each JSONL record.
pub fn plain_and_jsonl(data: &[u8]) {
    if let Err(e) = text_map(&reader().plain("f", "f", data.to_vec())) {
        panic!("plain: {e}");
    }
    reader().read_jsonl(data, "f.jsonl", &mut |d| {
        if let Ok(doc) = d
            && let Err(e) = text_map(&doc)
        {
            panic!("jsonl: {e}");
        }
    });
}

/// The `warc` target: each record's text map, the bytes as given and
/// behind a valid WARC head (so that records are parsed).
pub fn warc(data: &[u8]) {
    let mut framed = b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ".to_vec();
    framed.extend_from_slice(data);
    for input in [data, framed.as_slice()] {
        reader().read_warc_stream(input, "f.warc", &mut |d| {
            if let Ok(doc) = d
                && let Err(e) = text_map(&doc)
            {
                panic!("{e}");
            }
        });
    }
}

/// The `numbers` target: every mention lies inside the text on character
/// boundaries, its hedge too.
pub fn numbers(data: &[u8]) {
    static N: OnceLock<isnad_extract::Numbers> = OnceLock::new();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let n = N.get_or_init(isnad_extract::Numbers::builtin);
    for m in n.find(text) {
        assert!(
            m.start < m.end && m.end <= text.len(),
            "mention {}..{}",
            m.start,
            m.end
        );
        assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
        if let Some((s, e)) = m.hedge {
            assert!(s <= e && e <= text.len(), "hedge {s}..{e}");
        }
    }
}
