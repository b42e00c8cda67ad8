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

/// A claim as the contract's object.
pub fn claim(c: &Claim) -> J {
    let source: Vec<J> = c
        .source
        .iter()
        .map(|s| json!({"id": s.id, "name": s.name, "kind": s.kind}))
        .collect();
    let mut o = json!({
        "doc": c.doc,
        "lang": c.lang,
        "facet": c.facet,
        "value": value(&c.value),
        "vague": c.vague.as_deref(),
        "qualifier": c.qualifier.as_str(),
        "stance": c.stance.as_str(),
        "source": source,
        "anonymous": c.anonymous,
        "subject": c.subject,
        "span": [c.span.start, c.span.end],
        "sentence": [c.sentence.start, c.sentence.end],
        "evidence": c.evidence,
    });
    // Beyond the contract: the band a vague word stands for, so that a
    // claim file loaded back (`isnad ingest --claims`) compares as it did.
    if let (Some([lo, hi]), Some(obj)) = (c.band, o.as_object_mut()) {
        obj.insert("band".into(), json!([num(lo), num(hi)]));
    }
    o
}
