//! The OpenAPI description against real answers: a server over the
//! examples, on a loopback socket, is asked every documented path, and each
//! answer must have the shape documented for its status (every required
//! field there, of its JSON type, and no field left undocumented). Every
//! documented answer but a 500 and a 408 (which need a failing store or a
//! slow client) is seen.

mod common;

use common::*;
use serde_json::Value;
use std::collections::BTreeSet;
use std::net::SocketAddr;

/// Where `value` does not fit `schema` (refs resolved in `spec`).
fn mismatches(spec: &Value, schema: &Value, value: &Value, at: &str, out: &mut Vec<String>) {
    if let Some(r) = schema["$ref"].as_str() {
        let target = r
            .strip_prefix('#')
            .and_then(|p| spec.pointer(p))
            .unwrap_or_else(|| panic!("{at}: no {r}"));
        return mismatches(spec, target, value, at, out);
    }
    if value.is_null() {
        if schema["nullable"] != true && schema.get("type").is_some() {
            out.push(format!("{at}: null, not nullable"));
        }
        return;
    }
    if let Some(all) = schema["allOf"].as_array() {
        for s in all {
            mismatches(spec, s, value, at, out);
        }
    }
    let fits = match schema["type"].as_str() {
        None => true,
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        Some(other) => panic!("{at}: type {other}"),
    };
    if !fits {
        out.push(format!("{at}: {value} is not {}", schema["type"]));
        return;
    }
    if let Some(o) = value.as_object() {
        let props = schema["properties"].as_object();
        for r in schema["required"].as_array().into_iter().flatten() {
            let r = r.as_str().unwrap_or_default();
            if !o.contains_key(r) {
                out.push(format!("{at}: {r} missing"));
            }
        }
        if let Some(props) = props {
            for (k, v) in o {
                match props.get(k) {
                    Some(s) => mismatches(spec, s, v, &format!("{at}.{k}"), out),
                    None => out.push(format!("{at}.{k}: not documented")),
                }
            }
        }
    }
    if let Some(a) = value.as_array() {
        let n = a.len() as u64;
        if schema["minItems"].as_u64().is_some_and(|m| n < m)
            || schema["maxItems"].as_u64().is_some_and(|m| n > m)
        {
            out.push(format!("{at}: {n} items"));
        }
        for (i, v) in a.iter().enumerate() {
            mismatches(spec, &schema["items"], v, &format!("{at}[{i}]"), out);
        }
    }
}

/// The schema documented for `status` of `method path`.
fn documented<'a>(spec: &'a Value, path: &str, method: &str, status: u16) -> &'a Value {
    let mut r = &spec["paths"][path][method]["responses"][status.to_string()];
    if let Some(to) = r["$ref"].as_str() {
        r = to
            .strip_prefix('#')
            .and_then(|p| spec.pointer(p))
            .expect("a response");
    }
    assert!(!r.is_null(), "{method} {path}: {status} is not documented");
    &r["content"]["application/json"]["schema"]
}

struct Check<'a> {
    spec: &'a Value,
    seen: BTreeSet<(String, String, u16)>,
    problems: Vec<String>,
}

impl Check<'_> {
    fn answer(&mut self, path: &str, method: &str, a: &Answer, what: &str) {
        let schema = documented(self.spec, path, method, a.status);
        mismatches(
            self.spec,
            schema,
            &a.json(),
            &format!("{what} ({})", a.status),
            &mut self.problems,
        );
        self.seen.insert((path.into(), method.into(), a.status));
    }

    fn get(&mut self, addr: SocketAddr, path: &str, uri: &str) {
        let a = http_get(addr, uri);
        self.answer(path, "get", &a, uri);
    }

    fn post(&mut self, addr: SocketAddr, path: &str, uri: &str, auth: &str, body: &str) {
        let a = exchange(
            addr,
            format!(
                "POST {uri} HTTP/1.0\r\nHost: {addr}\r\n{auth}Content-Length: {}\r\n\r\n{body}",
                body.len()
            )
            .as_bytes(),
        );
        self.answer(path, "post", &a, &format!("POST {uri}"));
    }
}

#[test]
fn every_documented_answer_has_the_documented_shape() {
    let f = fixture(Some("sesame"));
    let on = start(f.state.clone());
    let off_state = empty(None, Default::default());
    let off = start(off_state.state.clone());
    let spec = http_get(on, "/api/openapi.json").json();
    let mut c = Check {
        spec: &spec,
        seen: BTreeSet::new(),
        problems: Vec::new(),
    };
    let docs = http_get(on, "/api/documents?limit=500").json();
    let ids: Vec<i64> = docs["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["id"].as_i64())
        .collect();
    let events = http_get(on, "/api/events").json();
    c.get(on, "/api/events", "/api/events");
    c.get(on, "/api/events", "/api/events?x=1");
    for e in events["events"].as_array().expect("events") {
        let id = e["id"].as_str().expect("id");
        c.get(on, "/api/events/{id}", &format!("/api/events/{id}?limit=1000"));
    }
    c.get(on, "/api/events/{id}", "/api/events/none");
    c.get(on, "/api/events/{id}", "/api/events/none?limit=x");
    c.get(on, "/api/documents", "/api/documents?limit=500");
    c.get(on, "/api/documents", "/api/documents?limit=x");
    for id in &ids {
        c.get(on, "/api/documents/{id}", &format!("/api/documents/{id}"));
    }
    if let Some(id) = ids.first() {
        c.get(
            on,
            "/api/documents/{id}",
            &format!("/api/documents/{id}?q=prison"),
        );
    }
    c.get(on, "/api/documents/{id}", "/api/documents/999999");
    c.get(on, "/api/documents/{id}", "/api/documents/x");
    c.get(on, "/api/claims", "/api/claims?limit=5000");
    c.get(on, "/api/claims", "/api/claims?from=2022-13-45");
    c.get(
        on,
        "/api/claims",
        "/api/claims?origin=sohr&stance=asserted&anonymous=false",
    );
    c.get(on, "/api/claims", "/api/claims?stance=maybe");
    c.get(on, "/api/claims", "/api/claims?format=xml");
    // The Parquet export: a file of the documented media type where built
    // with it (its columns are checked in `export.rs`), else a 400.
    if cfg!(feature = "parquet") {
        let uri = "/api/claims?event=sinaa_prison_attack_2022&format=parquet";
        let a = http_get(on, uri);
        let kind = a.header("content-type").unwrap_or_default().to_string();
        let content = &spec["paths"]["/api/claims"]["get"]["responses"]["200"]["content"];
        if a.status != 200 || content[kind.as_str()]["schema"]["format"] != "binary" {
            c.problems
                .push(format!("{uri}: {} {kind} is not documented", a.status));
        }
        if !(a.body.starts_with(b"PAR1") && a.body.ends_with(b"PAR1")) {
            c.problems.push(format!("{uri}: not a Parquet file"));
        }
    } else {
        c.get(on, "/api/claims", "/api/claims?format=parquet");
    }
    for q in ["prison", "%D8%B3%D8%AC%D9%8A%D9%86", "SDF"] {
        c.get(on, "/api/search", &format!("/api/search?q={q}&limit=100"));
    }
    c.get(on, "/api/search", "/api/search");
    let ok = "Authorization: Bearer sesame\r\n";
    for path in ["/api/documents", "/api/ingest"] {
        let uri = format!("{path}?name=kuje.txt");
        c.post(
            on,
            path,
            &uri,
            ok,
            "Gunmen stormed Kuje prison. About 800 inmates escaped, officials said.",
        );
        c.post(on, path, &uri, ok, "");
        c.post(on, path, &uri, "Authorization: Bearer wrong\r\n", "12");
        c.post(off, path, &uri, "", "12");
        let a = exchange(
            on,
            format!("POST {uri} HTTP/1.0\r\nHost: {on}\r\n{ok}Content-Length: 9000000000\r\n\r\n").as_bytes(),
        );
        c.answer(path, "post", &a, "a post over the limit");
    }
    // Two uploads of one name in two runs, in a store written before ids
    // were made distinct across runs, share the document id `twice`: asked
    // for by that id, the answer lists both numbers (issue 21).
    for body in [
        "Five people were killed, officials said.",
        "Six people were killed, officials said.",
    ] {
        c.post(on, "/api/documents", "/api/documents?name=twice.txt", ok, body);
    }
    isnad_store::testing::as_before_distinct_ids(&f._dir.path().join("isnad.db"));
    c.get(on, "/api/documents/{id}", "/api/documents/twice");
    c.get(on, "/api/documents/{id}", "/api/documents/twice?x=1");
    assert!(
        c.problems.is_empty(),
        "answers unlike their description:\n{}",
        c.problems.join("\n")
    );
    let mut unseen = Vec::new();
    for (path, methods) in spec["paths"].as_object().expect("paths") {
        for (method, op) in methods.as_object().expect("methods") {
            for status in op["responses"].as_object().expect("responses").keys() {
                let s: u16 = status.parse().expect("a status");
                if path != "/api/openapi.json"
                    && ![500, 408].contains(&s)
                    && !c.seen.contains(&(path.clone(), method.clone(), s))
                {
                    unseen.push(format!("{method} {path} {s}"));
                }
            }
        }
    }
    assert!(unseen.is_empty(), "documented but never seen: {unseen:?}");
}
