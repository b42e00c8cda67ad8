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
/// in the order a JSON object of them is printed (sorted), written straight
/// into the line (`serde_json` spent a twentieth of extraction's time on
/// the evidence strings). The bytes are those `serde_json` writes for the
/// same object; a test holds them to it.
pub fn claim_line(c: &Claim) -> String {
    let mut out = String::with_capacity(256 + c.evidence.len() + c.doc.len());
    out.push_str("{\"anonymous\":");
    out.push_str(if c.anonymous { "true" } else { "false" });
    // Beyond the contract: the band a vague word stands for, so that a
    // claim file loaded back (`isnad ingest --claims`) compares as it did.
    if let Some([lo, hi]) = c.band {
        out.push_str(",\"band\":");
        push_json(&mut out, &json!([num(lo), num(hi)]));
    }
    out.push_str(",\"doc\":");
    push_str(&mut out, &c.doc);
    out.push_str(",\"evidence\":");
    push_str(&mut out, &c.evidence);
    out.push_str(",\"facet\":");
    push_str(&mut out, &c.facet);
    out.push_str(",\"lang\":");
    push_opt_str(&mut out, c.lang.as_deref());
    out.push_str(",\"qualifier\":");
    push_str(&mut out, c.qualifier.as_str());
    out.push_str(",\"sentence\":");
    push_pair(&mut out, c.sentence.start, c.sentence.end);
    out.push_str(",\"source\":[");
    for (k, s) in c.source.iter().enumerate() {
        if k > 0 {
            out.push(',');
        }
        out.push_str("{\"id\":");
        push_str(&mut out, &s.id);
        out.push_str(",\"kind\":");
        push_str(&mut out, s.kind.as_str());
        out.push_str(",\"name\":");
        push_str(&mut out, &s.name);
        out.push('}');
    }
    out.push_str("],\"span\":");
    push_pair(&mut out, c.span.start, c.span.end);
    out.push_str(",\"stance\":");
    push_str(&mut out, c.stance.as_str());
    out.push_str(",\"subject\":");
    push_opt_str(&mut out, c.subject.as_deref());
    out.push_str(",\"vague\":");
    push_opt_str(&mut out, c.vague.as_deref());
    out.push_str(",\"value\":");
    push_json(&mut out, &value(&c.value));
    out.push_str("}\n");
    out
}

/// `[a,b]`.
fn push_pair(out: &mut String, a: u32, b: u32) {
    use std::fmt::Write;
    let _ = write!(out, "[{a},{b}]");
}

/// A JSON value as `serde_json` writes it (numbers, short arrays).
fn push_json(out: &mut String, v: &J) {
    out.push_str(&v.to_string());
}

fn push_opt_str(out: &mut String, s: Option<&str>) {
    match s {
        Some(s) => push_str(out, s),
        None => out.push_str("null"),
    }
}

/// `s` as a JSON string, escaped as `serde_json` escapes: `"` and `\`,
/// the control characters (`\n`, `\t`, … else `\u00XX`), nothing else.
/// Eight bytes at a time are tested for any that needs it.
pub fn push_str(out: &mut String, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // Some byte of `x` is zero (exact as to whether one is).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH != 0;
    // No byte of `x` is below 0x20, `"` or `\`.
    let plain = |x: u64| {
        x.wrapping_sub(ONES * 0x20) & !x & HIGH == 0 && !zero(x ^ (ONES * 0x22)) && !zero(x ^ (ONES * 0x5C))
    };
    out.push('"');
    let b = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if let Some(w) = b.get(i..i + 8).and_then(|w| <[u8; 8]>::try_from(w).ok())
            && plain(u64::from_le_bytes(w))
        {
            i += 8;
            continue;
        }
        let c = b[i];
        let esc = match c {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0C => "\\f",
            0..0x20 => "",
            _ => {
                i += 1;
                continue;
            }
        };
        // Every byte escaped is ASCII, so `start` and `i` are character boundaries.
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(HEX[(c >> 4) as usize] as char);
            out.push(HEX[(c & 0xF) as usize] as char);
        } else {
            out.push_str(esc);
        }
        i += 1;
        start = i;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use isnad_extract::Extractor;
    use isnad_text::Reader;

    /// The line as `serde_json` writes the same object.
    fn by_serde(c: &Claim) -> String {
        let source: Vec<J> = c
            .source
            .iter()
            .map(|s| json!({"id": s.id, "kind": s.kind.as_str(), "name": s.name}))
            .collect();
        let mut o = json!({
            "anonymous": c.anonymous,
            "doc": c.doc,
            "evidence": c.evidence,
            "facet": c.facet,
            "lang": c.lang,
            "qualifier": c.qualifier.as_str(),
            "sentence": [c.sentence.start, c.sentence.end],
            "source": source,
            "span": [c.span.start, c.span.end],
            "stance": c.stance.as_str(),
            "subject": c.subject,
            "vague": c.vague.as_deref(),
            "value": value(&c.value),
        });
        if let Some([lo, hi]) = c.band {
            o.as_object_mut()
                .expect("an object")
                .insert("band".into(), json!([num(lo), num(hi)]));
        }
        format!("{o}\n")
    }

    #[test]
    fn a_claim_line_is_byte_for_byte_what_serde_json_writes() {
        let text = "قال المرصد السوري إن نحو 200 سجين فروا، وقالت \"قسد\" إن 3 فقط فروا.\n\
                    The SDF said about 90 fighters were still holding out.";
        let doc = Reader::builtin().plain("x\\\"1", "x.txt", text.as_bytes().to_vec());
        let mut claims = Extractor::builtin().extract(&doc);
        assert!(claims.len() >= 2, "{claims:?}");
        claims[0].evidence = "tab\there \"quoted\" back\\slash \u{1} \u{7f} نص\r\n\u{8}\u{c}".into();
        claims[0].band = Some([2.5, 1e21]);
        for c in &claims {
            assert_eq!(claim_line(c), by_serde(c));
        }
    }

    proptest::proptest! {
        #[test]
        fn a_string_is_escaped_as_serde_json_escapes_it(s in "(\\PC|[\\x00-\\x1f\"\\\\])*") {
            let mut out = String::new();
            push_str(&mut out, &s);
            proptest::prop_assert_eq!(out, serde_json::to_string(&s).expect("a string"));
        }
    }
}
