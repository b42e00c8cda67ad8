//! JSON shapes of the command line's output.

use isnad_extract::{Claim, Mention, Value};
use serde_json::{Value as J, json};

/// A number as JSON: an integer when it is one, else a float.
pub fn num(x: f64) -> J {
    if x.fract() == 0.0 && x.abs() < 9.007_199_254_740_992e15 {
        json!(x as i64)
    } else {
        serde_json::Number::from_f64(x).map(J::Number).unwrap_or(J::Null)
    }
}

/// A number mention as the contract's object, with the span and text given
/// (offsets into whatever `text` is).
pub fn mention(m: &Mention, span: (usize, usize), text: &str, hedge: Option<(usize, usize)>) -> J {
    let mut o = json!({
        "span": [span.0, span.1],
        "text": text,
        "value": value(&m.value),
        "kind": m.kind.as_str(),
    });
    let obj = o.as_object_mut().expect("a JSON object");
    if let Some(g) = &m.vague {
        obj.insert("vague".into(), json!(g.as_ref()));
    }
    if let Some([lo, hi]) = m.band {
        obj.insert("band".into(), json!([num(lo), num(hi)]));
    }
    if m.kind.is_quantity() {
        obj.insert("qualifier".into(), json!(m.qualifier.as_str()));
    }
    if let Some((s, e)) = hedge {
        obj.insert("hedge".into(), json!([s, e]));
    }
    o
}

/// A value as the contract writes it: a number, `[lo, hi]`, or null.
pub fn value(v: &Value) -> J {
    match *v {
        Value::Number(x) => num(x),
        Value::Range(a, b) => json!([num(a), num(b)]),
        Value::None => J::Null,
    }
}

/// A claim as the contract's object, written as one line of JSON: its keys
/// in the order a JSON object of them is printed (sorted), without building
/// that object first.
pub fn claim_line(c: &Claim) -> String {
    #[derive(serde::Serialize)]
    struct Source<'a> {
        id: &'a str,
        kind: &'a str,
        name: &'a str,
    }
    #[derive(serde::Serialize)]
    struct Line<'a> {
        anonymous: bool,
        // Beyond the contract: the band a vague word stands for, so that a
        // claim file loaded back (`isnad ingest --claims`) compares as it did.
        #[serde(skip_serializing_if = "Option::is_none")]
        band: Option<[J; 2]>,
        doc: &'a str,
        evidence: &'a str,
        facet: &'a str,
        lang: Option<&'a str>,
        qualifier: &'a str,
        sentence: [u32; 2],
        source: Vec<Source<'a>>,
        span: [u32; 2],
        stance: &'a str,
        subject: Option<&'a str>,
        vague: Option<&'a str>,
        value: J,
    }
    let line = Line {
        anonymous: c.anonymous,
        band: c.band.map(|[lo, hi]| [num(lo), num(hi)]),
        doc: &c.doc,
        evidence: &c.evidence,
        facet: &c.facet,
        lang: c.lang.as_deref(),
        qualifier: c.qualifier.as_str(),
        sentence: [c.sentence.start, c.sentence.end],
        source: c
            .source
            .iter()
            .map(|s| Source {
                id: &s.id,
                kind: s.kind,
                name: &s.name,
            })
            .collect(),
        span: [c.span.start, c.span.end],
        stance: c.stance.as_str(),
        subject: c.subject.as_deref(),
        vague: c.vague.as_deref(),
        value: value(&c.value),
    };
    let mut out = serde_json::to_string(&line).unwrap_or_default();
    out.push('\n');
    out
}
