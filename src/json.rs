//! JSON shapes of the command line's output.
//!
//! A claim's JSON is the claim model's serde form ([`isnad_model::Claim`]):
//! `serde_json::to_string(&claim)` is the line `isnad extract` prints.
//! [`claim_line`] writes the same bytes faster (a test holds it to them).

use isnad_extract::{Claim, Mention, Value};
use serde_json::{Value as J, json};

/// A value as the contract writes it: a number, `[lo, hi]`, or null (the
/// model's serde form).
pub fn value(v: &Value) -> J {
    serde_json::to_value(v).unwrap_or(J::Null)
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
        // A band is written as a range is.
        obj.insert("band".into(), value(&Value::Range(lo, hi)));
    }
    if m.kind.is_quantity() {
        obj.insert("qualifier".into(), json!(m.qualifier.as_str()));
    }
    if let Some((s, e)) = hedge {
        obj.insert("hedge".into(), json!([s, e]));
    }
    o
}

/// A claim as one line of JSON: the bytes `serde_json::to_string(c)`
/// writes, and a newline. Its strings are escaped eight bytes at a time
/// ([`push_str`]), which makes it faster than serde_json: on the 60,988
/// claims of the Arabic news corpus, 48 ms against 68 ms (and 188 ms
/// through `serde_json::to_value`), about 1% of extraction's time.
/// `a_claim_line_is_byte_for_byte_the_models_serde_json` holds it to the
/// model, key for key in the order the model declares them.
pub fn claim_line(c: &Claim) -> String {
    let mut out = String::with_capacity(256 + c.evidence.len() + c.doc.len());
    out.push_str("{\"anonymous\":");
    out.push_str(if c.anonymous { "true" } else { "false" });
    if let Some([lo, hi]) = c.band {
        // A band is written as a range is.
        out.push_str(",\"band\":");
        push_value(&mut out, &Value::Range(lo, hi));
    }
    out.push_str(",\"doc\":");
    push_str(&mut out, &c.doc);
    out.push_str(",\"evidence\":");
    push_str(&mut out, &c.evidence);
    out.push_str(",\"facet\":");
    push_str(&mut out, &c.facet);
    out.push_str(",\"lang\":");
    push_opt_str(&mut out, c.lang.as_deref());
    if let Some(m) = c.mark {
        out.push_str(",\"mark\":");
        push_pair(&mut out, m.start, m.end);
    }
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
    push_value(&mut out, &c.value);
    if let Some(w) = &c.warc {
        use std::fmt::Write;
        out.push_str(",\"warc\":{\"file\":");
        push_str(&mut out, &w.file);
        let _ = write!(out, ",\"offset\":{},\"record\":", w.offset);
        push_str(&mut out, &w.record);
        out.push('}');
    }
    out.push_str("}\n");
    out
}

/// `[a,b]`.
fn push_pair(out: &mut String, a: u32, b: u32) {
    use std::fmt::Write;
    let _ = write!(out, "[{a},{b}]");
}

/// A value in the model's serde form.
fn push_value(out: &mut String, v: &Value) {
    match serde_json::to_string(v) {
        Ok(text) => out.push_str(&text),
        Err(_) => out.push_str("null"),
    }
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

    /// The line as `serde_json` writes the model's claim.
    fn by_serde(c: &Claim) -> String {
        let line = serde_json::to_string(c).expect("a claim's JSON");
        // The same bytes as the object it makes, printed.
        let object = serde_json::to_value(c).expect("a claim's JSON").to_string();
        assert_eq!(line, object);
        line + "\n"
    }

    #[test]
    fn a_claim_line_is_byte_for_byte_the_models_serde_json() {
        let text = "قال المرصد السوري إن نحو 200 سجين فروا، وقالت \"قسد\" إن 3 فقط فروا.\n\
                    The SDF said about 90 fighters were still holding out.";
        let doc = Reader::builtin().plain("x\\\"1", "x.txt", text.as_bytes().to_vec());
        let mut claims = Extractor::builtin().extract(&doc);
        assert!(claims.len() >= 2, "{claims:?}");
        claims[0].evidence = "tab\there \"quoted\" back\\slash \u{1} \u{7f} نص\r\n\u{8}\u{c}".into();
        claims[0].band = Some([2.5, 1e21]);
        claims[1].value = Value::Range(-0.0, 0.5);
        claims[1].lang = None;
        claims[1].subject = Some("e\"1".into());
        claims[1].vague = Some("dozens".into());
        claims[1].mark = Some(isnad_model::Span::new(3, 7));
        claims[1].warc = Some(isnad_model::WarcOrigin {
            file: "a \"b\".warc.gz".into(),
            offset: u64::MAX,
            record: "<urn:uuid:x>".into(),
        });
        for c in &claims {
            let line = claim_line(c);
            assert_eq!(line, by_serde(c));
            // And it reads back as the claim it was.
            assert_eq!(&serde_json::from_str::<Claim>(&line).expect("a claim"), c);
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
