//! Every endpoint of the API, its errors, the body limit and the escaping,
//! through `app()` without a socket.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use common::*;
use http_body_util::BodyExt;
use isnad_engine::Engine;
use isnad_extract::numbers::Scratch;
use isnad_server::{BODY_LIMIT, app};
use isnad_store::Store;
use serde_json::Value;
use tower::ServiceExt;

async fn call(f: &Fixture, req: Request<Body>) -> (StatusCode, String, String) {
    let res = app(f.state.clone()).oneshot(req).await.expect("a response");
    let status = res.status();
    let kind = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = res.into_body().collect().await.expect("a body").to_bytes();
    (status, kind, String::from_utf8_lossy(&body).into_owned())
}

async fn get(f: &Fixture, uri: &str) -> (StatusCode, Value) {
    let (status, kind, body) = call(f, Request::get(uri).body(Body::empty()).expect("request")).await;
    assert!(kind.starts_with("application/json"), "{uri}: {kind}: {body}");
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{uri}: not JSON: {e}: {body}")),
    )
}

fn post(uri: &str, token: Option<&str>, body: Vec<u8>) -> Request<Body> {
    let mut r = Request::post(uri);
    if let Some(t) = token {
        r = r.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    r.body(Body::from(body)).expect("request")
}

fn assert_error(status: StatusCode, body: &Value, want: StatusCode) {
    assert_eq!(status, want, "{body}");
    assert_eq!(body["status"], want.as_u16());
    assert!(body["error"].as_str().is_some_and(|e| !e.is_empty()));
}

#[tokio::test]
async fn events_list_the_ledger_and_one_event_gives_its_facets() {
    let f = fixture(None);
    let (s, v) = get(&f, "/api/events").await;
    assert_eq!(s, StatusCode::OK);
    let events = v["events"].as_array().expect("events");
    assert_eq!(events[0]["id"], "sinaa_prison_attack_2022");
    assert!(events[0]["facets"].as_array().is_some_and(|f| !f.is_empty()));
    let (s, e) = get(&f, "/api/events/sinaa_prison_attack_2022").await;
    assert_eq!(s, StatusCode::OK);
    let attackers = e["facets"]
        .as_array()
        .expect("facets")
        .iter()
        .find(|x| x["facet"] == "attackers_count")
        .expect("attackers_count");
    let twelve = attackers["values"]
        .as_array()
        .expect("values")
        .iter()
        .find(|v| v["label"] == "12")
        .expect("12");
    assert_eq!(twelve["relation"], "contradicts");
    assert_eq!(twelve["claims"][0]["origin"], "al-naba");
    let (s, v) = get(&f, "/api/events/no_such_event").await;
    assert_error(s, &v, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn documents_list_and_a_document_view_maps_claims_into_its_text() {
    let f = fixture(None);
    let (s, v) = get(&f, "/api/documents?limit=5").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 13);
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(5));
    let (_, all) = get(&f, "/api/documents?limit=100").await;
    let page = all["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["fields"]["doc"] == "12-sinaa-page-ar")
        .expect("the HTML example");
    let id = page["id"].as_i64().expect("id");
    let (s, d) = get(&f, &format!("/api/documents/{id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(d["dir"], "rtl");
    let text = d["text"].as_str().expect("text");
    let claims = d["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    for c in claims {
        let (a, b) = (
            c["text"][0].as_u64().expect("a") as usize,
            c["text"][1].as_u64().expect("b") as usize,
        );
        let piece = &text[a..b];
        assert!(
            piece
                .chars()
                .any(|ch| ch.is_ascii_digit() || ('\u{0600}'..='\u{06FF}').contains(&ch)),
            "{piece}"
        );
    }
    assert!(d["sources"].as_array().is_some_and(|s| !s.is_empty()));
    let (s, v) = get(&f, "/api/documents/999999").await;
    assert_error(s, &v, StatusCode::NOT_FOUND);
    // Not a number, so a document id (issue 21): none has it.
    let (s, v) = get(&f, "/api/documents/not-a-number").await;
    assert_error(s, &v, StatusCode::NOT_FOUND);
    let (s, v) = get(&f, "/api/documents?limit=many").await;
    assert_error(s, &v, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn claims_filter_by_facet_source_event_language_and_date() {
    let f = fixture(None);
    let (_, all) = get(&f, "/api/claims?limit=5000").await;
    let total = all["total"].as_u64().expect("total");
    assert!(total > 30);
    let (_, v) = get(&f, "/api/claims?facet=killed_total&source=sohr").await;
    let claims = v["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    assert!(
        claims
            .iter()
            .all(|c| c["facet"] == "killed_total" && c["origin"] == "sohr")
    );
    let (_, v) = get(&f, "/api/claims?lang=en&event=sinaa_prison_attack_2022").await;
    assert!(
        v["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .all(|c| c["lang"] == "en")
    );
    let (_, v) = get(&f, "/api/claims?from=2022-02-01&to=2022-02-01").await;
    let claims = v["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| c["published"] == "2022-02-01"));
    let (_, v) = get(&f, "/api/claims?limit=3").await;
    assert_eq!(v["claims"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["total"].as_u64(), Some(total));
}

/// The page's filters: origin, stance and anonymous narrow the claims and
/// together count all of them.
#[tokio::test]
async fn claims_filter_by_origin_stance_and_anonymous() {
    let f = fixture(None);
    let (_, all) = get(&f, "/api/claims?limit=5000").await;
    let total = all["total"].as_u64().expect("total");
    let (_, v) = get(&f, "/api/claims?origin=sohr&limit=5000").await;
    let claims = v["claims"].as_array().expect("claims");
    assert!(!claims.is_empty());
    assert!(claims.iter().all(|c| c["origin"] == "sohr"));
    let mut sum = 0;
    for stance in ["asserted", "denied"] {
        let (_, v) = get(&f, &format!("/api/claims?stance={stance}&limit=5000")).await;
        let claims = v["claims"].as_array().expect("claims");
        assert!(claims.iter().all(|c| c["stance"] == stance), "{stance}");
        sum += v["total"].as_u64().expect("total");
    }
    assert_eq!(sum, total);
    let (_, named) = get(&f, "/api/claims?anonymous=false&limit=5000").await;
    let (_, unnamed) = get(&f, "/api/claims?anonymous=true&limit=5000").await;
    assert!(
        unnamed["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .all(|c| c["anonymous"] == true)
    );
    assert_eq!(
        named["total"].as_u64().expect("n") + unnamed["total"].as_u64().expect("n"),
        total
    );
    for bad in ["stance=maybe", "anonymous=yes"] {
        let (s, v) = get(&f, &format!("/api/claims?{bad}")).await;
        assert_error(s, &v, StatusCode::BAD_REQUEST);
    }
}

/// The list of events names each facet in both languages, as
/// `data/facets.toml` does.
#[tokio::test]
async fn the_event_list_labels_facets_in_english_and_arabic() {
    let f = fixture(None);
    let (_, v) = get(&f, "/api/events").await;
    let facets = v["events"][0]["facets"].as_array().expect("facets");
    let killed = facets
        .iter()
        .find(|x| x["label"].is_object())
        .expect("a labelled facet");
    assert!(killed["label"]["en"].as_str().is_some_and(|s| !s.is_empty()));
    assert!(
        killed["label"]["ar"]
            .as_str()
            .is_some_and(|s| s.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c)))
    );
}

/// A document opened from a search marks the search's words in its text,
/// in any of their forms.
#[tokio::test]
async fn a_document_asked_with_q_gives_its_hits_as_ranges_of_its_text() {
    let f = fixture(None);
    let (_, found) = get(&f, "/api/search?q=%D8%B3%D8%AC%D9%8A%D9%86").await; // سجين
    let id = found["results"][0]["document"].as_i64().expect("a result");
    let (_, plain) = get(&f, &format!("/api/documents/{id}")).await;
    assert!(plain.get("hits").is_none());
    let (_, v) = get(&f, &format!("/api/documents/{id}?q=%D8%B3%D8%AC%D9%8A%D9%86")).await;
    let text = v["text"].as_str().expect("text");
    let hits = v["hits"].as_array().expect("hits");
    assert!(!hits.is_empty());
    for h in hits {
        let (s, e) = (
            h[0].as_u64().expect("s") as usize,
            h[1].as_u64().expect("e") as usize,
        );
        let word = text.get(s..e).expect("a range of the text");
        assert!(word.contains("سج"), "{word}");
    }
}

/// The Arabic font is served from the binary as a woff2, cached for long
/// and not compressed again.
/// The page offers the Parquet export only where the server writes it;
/// elsewhere `format=parquet` is a 400 that says why. See: issue 20.
#[tokio::test]
async fn the_page_offers_parquet_only_where_built_with_it() {
    let f = fixture(None);
    let (status, _, page) = call(&f, Request::get("/").body(Body::empty()).expect("request")).await;
    assert_eq!(status, StatusCode::OK);
    let formats = if cfg!(feature = "parquet") {
        "csv parquet"
    } else {
        "csv"
    };
    assert!(
        page.contains(&format!(r#"<meta name="isnad-export" content="{formats}">"#)),
        "{page}"
    );
    if cfg!(feature = "parquet") {
        let req = Request::get("/api/claims?format=parquet")
            .body(Body::empty())
            .expect("request");
        let (status, kind, _) = call(&f, req).await;
        assert_eq!(
            (status, kind.as_str()),
            (StatusCode::OK, "application/vnd.apache.parquet")
        );
    } else {
        let (status, v) = get(&f, "/api/claims?format=parquet").await;
        assert_error(status, &v, StatusCode::BAD_REQUEST);
        assert!(
            v["error"]
                .as_str()
                .is_some_and(|e| e.contains("built without Parquet")),
            "{v}"
        );
    }
}

#[tokio::test]
async fn the_arabic_font_is_served_as_woff2_and_cached() {
    let f = fixture(None);
    let res = app(f.state.clone())
        .oneshot(
            Request::get("/fonts/noto-naskh-arabic-arabic-400-normal.woff2")
                .header(header::ACCEPT_ENCODING, "gzip, br")
                .body(Body::empty())
                .expect("r"),
        )
        .await
        .expect("response");
    assert_eq!(res.status(), StatusCode::OK);
    let h = res.headers();
    let text = |name| {
        h.get(name)
            .and_then(|v: &header::HeaderValue| v.to_str().ok())
            .map(String::from)
    };
    assert_eq!(text(header::CONTENT_TYPE).as_deref(), Some("font/woff2"));
    assert!(text(header::CACHE_CONTROL).is_some_and(|c| c.contains("max-age=31536000")));
    assert_eq!(text(header::CONTENT_ENCODING), None);
    let body = res.into_body().collect().await.expect("body").to_bytes();
    assert_eq!(&body[..4], b"wOF2");
}

#[tokio::test]
async fn search_finds_inflected_forms_and_refuses_an_empty_query() {
    let f = fixture(None);
    let (s, v) = get(&f, "/api/search?q=%D8%B3%D8%AC%D9%8A%D9%86").await; // سجين
    assert_eq!(s, StatusCode::OK);
    let results = v["results"].as_array().expect("results");
    assert!(!results.is_empty());
    assert!(
        results[0]["snippet"]
            .as_array()
            .is_some_and(|s| s.iter().any(|seg| seg[1] == true))
    );
    let (s, v) = get(&f, "/api/search?q=").await;
    assert_error(s, &v, StatusCode::BAD_REQUEST);
    let (s, v) = get(&f, "/api/search").await;
    assert_error(s, &v, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn an_xss_payload_comes_back_as_data_and_the_page_never_parses_text_as_html() {
    let f = fixture(None);
    let (_, all) = get(&f, "/api/documents?limit=100").await;
    let id = all["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["fields"]["doc"] == "xss")
        .and_then(|d| d["id"].as_i64())
        .expect("the payload document");
    let (s, kind, body) = call(
        &f,
        Request::get(format!("/api/documents/{id}"))
            .body(Body::empty())
            .expect("r"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(kind.starts_with("application/json"));
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert!(
        v["text"]
            .as_str()
            .is_some_and(|t| t.starts_with("<script>alert(1)</script>"))
    );
    // The page: a strict CSP, and no API that parses strings as HTML.
    let (s, kind, html) = call(&f, Request::get("/").body(Body::empty()).expect("r")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(kind.starts_with("text/html"));
    assert!(html.contains("<script src=\"/app.js\""));
    let res = app(f.state.clone())
        .oneshot(Request::get("/").body(Body::empty()).expect("r"))
        .await
        .expect("response");
    let csp = res.headers().get(header::CONTENT_SECURITY_POLICY).expect("a CSP");
    assert!(csp.to_str().is_ok_and(|c| c.contains("script-src 'self'")));
    let (_, _, js) = call(&f, Request::get("/app.js").body(Body::empty()).expect("r")).await;
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!js.contains(sink), "app.js uses {sink}");
    }
}

#[tokio::test]
async fn uploads_need_the_switch_and_the_token_and_respect_the_size_limit() {
    let off = fixture(None);
    let (s, _, body) = call(
        &off,
        post("/api/documents?name=a.txt", Some("x"), b"12 attackers".to_vec()),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    let on = fixture(Some("sesame"));
    let (s, _, _) = call(&on, post("/api/documents?name=a.txt", None, b"12".to_vec())).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _, _) = call(
        &on,
        post("/api/documents?name=a.txt", Some("wrong"), b"12".to_vec()),
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let doc = "قالت قسد إن نحو 50 مسلحا فروا من سجن غويران.".as_bytes().to_vec();
    let (s, _, body) = call(
        &on,
        post(
            "/api/documents?name=../../etc/new-report.txt",
            Some("sesame"),
            doc.clone(),
        ),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(v["documents"][0]["doc"], "new-report");
    assert_eq!(v["documents"][0]["new"], true);
    let (_, _, body) = call(&on, post("/api/ingest?name=again.txt", Some("sesame"), doc)).await;
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(v["documents"][0]["new"], false);
    // The ledger sees the upload at once.
    let (_, v) = get(&on, "/api/claims?facet=prisoners_escaped&source=sdf").await;
    assert!(
        v["claims"]
            .as_array()
            .expect("claims")
            .iter()
            .any(|c| c["doc"] == "new-report")
    );
    let big = vec![b'a'; BODY_LIMIT + 1];
    let (s, kind, body) = call(&on, post("/api/documents?name=big.txt", Some("sesame"), big)).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(kind.starts_with("application/json"), "{kind}: {body}");
    let (s, _, _) = call(&on, post("/api/documents", Some("sesame"), Vec::new())).await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

/// The upload goes the one ingest path: the same bytes twice are stored
/// once, and the second upload says they are stored already, with the row
/// ids and claim counts they were stored with. See: issue 17.
#[tokio::test]
async fn the_same_bytes_uploaded_twice_are_stored_once() {
    let on = fixture(Some("sesame"));
    let (_, before) = get(&on, "/api/documents?limit=1").await;
    let total = before["total"].as_u64().expect("total");
    let records = concat!(
        r#"{"id":"kuje-1","text":"Gunmen stormed Kuje prison. About 800 inmates escaped, officials said."}"#,
        "\n",
        "not a record\n",
        r#"{"id":"kuje-2","text":"قالت قسد إن نحو 50 مسلحا فروا من سجن غويران."}"#,
        "\n",
    );
    let upload = |name: &str| {
        post(
            &format!("/api/documents?name={name}"),
            Some("sesame"),
            records.as_bytes().to_vec(),
        )
    };
    let (s, _, body) = call(&on, upload("first.jsonl")).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let first: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        (&first["new"], &first["known"], &first["failed"]),
        (&json(2), &json(0), &json(1)),
        "{body}"
    );
    assert_eq!(first["errors"].as_array().map(Vec::len), Some(1), "{body}");
    let (s, _, body) = call(&on, upload("again.jsonl")).await;
    assert_eq!(s, StatusCode::OK, "{body}");
    let again: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        (&again["new"], &again["known"], &again["failed"]),
        (&json(0), &json(2), &json(1)),
        "{body}"
    );
    assert_eq!(again["claims"], 0, "{body}");
    for (a, b) in first["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .zip(again["documents"].as_array().expect("documents"))
    {
        assert_eq!(a["new"], true, "{a}");
        assert_eq!(b["new"], false, "{b}");
        for key in ["id", "doc", "claims"] {
            assert_eq!(a[key], b[key], "{key}: {a} / {b}");
        }
    }
    let (_, after) = get(&on, "/api/documents?limit=1").await;
    assert_eq!(after["total"].as_u64(), Some(total + 2));
    // A report the store holds already (an example, ingested by the
    // fixture) is known too, under the id it was stored with.
    let example = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/12-sinaa-page-ar.html"),
    )
    .expect("the HTML example");
    let (_, _, body) = call(&on, post("/api/ingest?name=page.html", Some("sesame"), example)).await;
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(v["documents"][0]["new"], false, "{body}");
    let (_, stored) = get(&on, &format!("/api/documents/{}", v["documents"][0]["id"])).await;
    assert_eq!(stored["fields"]["doc"], "12-sinaa-page-ar", "{stored}");
}

fn json(n: u64) -> Value {
    Value::from(n)
}

#[tokio::test]
async fn unknown_paths_and_methods_are_json_errors_and_openapi_lists_every_route() {
    let f = fixture(None);
    for uri in ["/api/nothing", "/etc/passwd", "/../Cargo.toml", "/app.js/../../x"] {
        let (s, v) = get(&f, uri).await;
        assert_error(s, &v, StatusCode::NOT_FOUND);
    }
    let (s, kind, body) = call(&f, Request::delete("/api/events").body(Body::empty()).expect("r")).await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert!(kind.starts_with("application/json"), "{body}");
    let (s, v) = get(&f, "/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    let paths = v["paths"].as_object().expect("paths");
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/claims",
        "/api/search",
        "/api/ingest",
    ] {
        assert!(paths.contains_key(p), "{p} missing from the OpenAPI description");
    }
}

#[tokio::test]
async fn another_process_writing_is_picked_up_by_a_refresh() {
    let f = fixture(None);
    let (_, before) = get(&f, "/api/documents?limit=1").await;
    let total = before["total"].as_u64().expect("total");
    let (_, ev) = get(&f, "/api/events").await;
    // Another process ingests a report about a new prison.
    {
        let engine = Engine::builtin();
        let mut other = Store::open(&f._dir.path().join("isnad.db")).expect("a second connection");
        let doc = engine.reader().plain(
            "elsewhere",
            "elsewhere.txt",
            "Gunmen stormed Kuje prison. About 800 inmates escaped, officials said."
                .as_bytes()
                .to_vec(),
        );
        let hash = isnad_store::content_hash(&doc.original);
        let d = engine.analyse(doc, hash, &mut Scratch::default());
        other.add(&d, None).expect("stored");
    }
    let (_, docs) = get(&f, "/api/documents?limit=1").await;
    assert_eq!(docs["total"].as_u64(), Some(total + 1));
    // The cached ledger answers until the refresh, which rebuilds it.
    let (_, same) = get(&f, "/api/events").await;
    assert_eq!(same, ev);
    assert!(f.state.refresh().expect("refresh"));
    assert!(!f.state.refresh().expect("nothing new"));
    let (_, now) = get(&f, "/api/events").await;
    let ids: Vec<&str> = now["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
    assert!(ids.contains(&"kuje_prison_attack_2022"), "{ids:?}");
}

/// Bad parameters, ids and methods are answered 400 or 405 in JSON, with a
/// message naming the parameter, never Rust's own words.
#[tokio::test]
async fn bad_parameters_are_json_errors_that_name_the_parameter() {
    let f = fixture(None);
    for (uri, names) in [
        ("/api/claims?limit=abc", "limit"),
        ("/api/claims?offset=-1", "offset"),
        ("/api/claims?from=garbage", "from"),
        ("/api/claims?to=2022-13-45", "to"),
        ("/api/claims?from=2022-02-30", "from"),
        ("/api/claims?limt=3", "limt"),
        ("/api/documents?limit=many", "limit"),
        ("/api/search?q=x&limit=1e3", "limit"),
        ("/api/search", "q"),
        ("/api/events/sinaa_prison_attack_2022?limit=x", "limit"),
        ("/api/events?x=1", "\"x\""),
    ] {
        let (s, v) = get(&f, uri).await;
        assert_error(s, &v, StatusCode::BAD_REQUEST);
        let e = v["error"].as_str().unwrap_or_default();
        assert!(e.contains(names), "{uri}: {e}");
        for internal in ["Cannot parse", "i64", "usize", "deserialize", "invalid digit"] {
            assert!(!e.contains(internal), "{uri}: {e}");
        }
    }
    // A document is asked for by number or by its id (issue 21): a name
    // no document has is not found, not a bad request.
    let (s, v) = get(&f, "/api/documents/abc").await;
    assert_error(s, &v, StatusCode::NOT_FOUND);
    assert!(v["error"].as_str().is_some_and(|e| e.contains("abc")), "{v}");
    let (s, v) = get(&f, "/api/claims?from=2024-02-29&to=2024-03-01").await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s, kind, body) = call(&f, Request::put("/api/claims").body(Body::empty()).expect("r")).await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert!(kind.starts_with("application/json"), "{body}");
    assert!(body.contains("PUT"), "{body}");
}

/// Every list says its `total`, `offset` and `limit`, and a limit above
/// the most is said to be capped. See: the event's claims, once capped at
/// 25 without a word.
#[tokio::test]
async fn every_list_pages_with_offset_and_a_true_total() {
    let f = fixture(None);
    let (_, all) = get(&f, "/api/claims?limit=5000").await;
    let total = all["total"].as_u64().expect("total");
    let every = all["claims"].as_array().expect("claims");
    assert_eq!(every.len() as u64, total);
    let (_, page) = get(&f, "/api/claims?offset=5&limit=3").await;
    assert_eq!(page["total"].as_u64(), Some(total));
    assert_eq!((&page["offset"], &page["limit"]), (&json(5), &json(3)));
    assert_eq!(page["limit_capped"], false);
    assert_eq!(page["claims"].as_array().map(|c| &c[..]), Some(&every[5..8]));
    let (_, capped) = get(&f, "/api/claims?limit=99999").await;
    assert_eq!(
        (&capped["limit"], &capped["limit_capped"]),
        (&json(5000), &Value::Bool(true))
    );
    let (_, past) = get(&f, &format!("/api/claims?offset={}", total + 10)).await;
    assert_eq!(past["claims"].as_array().map(Vec::len), Some(0));
    assert_eq!(past["total"].as_u64(), Some(total));

    let (_, docs) = get(&f, "/api/documents?offset=2&limit=2").await;
    assert_eq!((&docs["total"], &docs["offset"]), (&json(13), &json(2)));
    let (_, ev) = get(&f, "/api/events").await;
    assert_eq!(
        ev["total"].as_u64(),
        ev["events"].as_array().map(|e| e.len() as u64)
    );

    let (_, s1) = get(&f, "/api/search?q=prison&limit=1").await;
    let hits = s1["total"].as_u64().expect("total");
    assert!(hits > 1, "{s1}");
    let (_, s2) = get(&f, "/api/search?q=prison&offset=1&limit=1").await;
    assert_eq!(s2["total"].as_u64(), Some(hits));
    assert_eq!(s2["results"][0]["rank"], 2);
    assert_ne!(s1["results"][0]["document"], s2["results"][0]["document"]);

    // An event's values: a page of claims each, and how many in all.
    let uri = "/api/events/sinaa_prison_attack_2022";
    let (_, e) = get(&f, &format!("{uri}?limit=1")).await;
    assert_eq!((&e["offset"], &e["limit"]), (&json(0), &json(1)));
    let values = |e: &Value| -> Vec<Value> {
        e["facets"]
            .as_array()
            .into_iter()
            .flatten()
            .flat_map(|f| f["values"].as_array().cloned().unwrap_or_default())
            .collect()
    };
    let many = values(&e)
        .into_iter()
        .position(|v| v["claims_total"].as_u64().is_some_and(|n| n > 1))
        .expect("a value with two claims");
    let first = values(&e);
    assert_eq!(first[many]["claims"].as_array().map(Vec::len), Some(1));
    let (_, next) = get(&f, &format!("{uri}?offset=1&limit=1")).await;
    let second = values(&next);
    assert_eq!(first[many]["claims_total"], second[many]["claims_total"]);
    assert_ne!(first[many]["claims"][0], second[many]["claims"][0]);
    let (_, big) = get(&f, &format!("{uri}?limit=100000")).await;
    assert_eq!(big["limit_capped"], true);
}

/// JSON answers are never cached nor sniffed, and compressed when asked.
#[tokio::test]
async fn answers_carry_cache_and_sniffing_headers_and_are_compressed() {
    let f = fixture(None);
    for uri in ["/api/events", "/api/nothing", "/api/claims?limit=x", "/app.js"] {
        let res = app(f.state.clone())
            .oneshot(Request::get(uri).body(Body::empty()).expect("r"))
            .await
            .expect("response");
        let h = res.headers();
        assert_eq!(
            h.get(header::X_CONTENT_TYPE_OPTIONS).map(|v| v.as_bytes()),
            Some(&b"nosniff"[..]),
            "{uri}"
        );
        let cache = h.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok());
        let json = h
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
        assert_eq!(cache, Some(if json { "no-store" } else { "no-cache" }), "{uri}");
    }
    for coding in ["gzip", "br"] {
        let res = app(f.state.clone())
            .oneshot(
                Request::get("/api/events/sinaa_prison_attack_2022")
                    .header(header::ACCEPT_ENCODING, coding)
                    .body(Body::empty())
                    .expect("r"),
            )
            .await
            .expect("response");
        assert_eq!(
            res.headers()
                .get(header::CONTENT_ENCODING)
                .and_then(|v| v.to_str().ok()),
            Some(coding)
        );
    }
}

/// An upload that stores nothing says why; the scheme of the token is in
/// any case.
#[tokio::test]
async fn an_upload_that_stores_nothing_is_refused_with_the_reason() {
    let on = fixture(Some("sesame"));
    let mut r = post(
        "/api/documents?name=bad.jsonl",
        None,
        b"{\"id\": \"a\"}\n{\"id\": \"b\", \"text\": 5}\n".to_vec(),
    );
    r.headers_mut()
        .insert(header::AUTHORIZATION, "bearer  sesame".parse().expect("header"));
    let (s, kind, body) = call(&on, r).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{body}");
    assert!(kind.starts_with("application/json"));
    let v: Value = serde_json::from_str(&body).expect("JSON");
    assert!(
        v["error"]
            .as_str()
            .is_some_and(|e| e.contains("nothing") && e.contains("2 record")),
        "{v}"
    );
    let mut r = post(
        "/api/documents?name=ok.txt",
        None,
        b"Gunmen stormed the prison.".to_vec(),
    );
    r.headers_mut()
        .insert(header::AUTHORIZATION, "BEARER sesame".parse().expect("header"));
    let (s, _, body) = call(&on, r).await;
    assert_eq!(s, StatusCode::OK, "{body}");
}

/// Documents read from absolute paths are named by their file name: no
/// answer shows where the server keeps its files.
#[tokio::test]
async fn no_answer_shows_a_server_file_path() {
    let f = fixture(None);
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .and_then(|p| p.parent())
        .expect("the workspace")
        .to_string_lossy()
        .into_owned();
    let (_, docs) = get(&f, "/api/documents?limit=500").await;
    let mut uris = vec![
        "/api/documents?limit=500".to_string(),
        "/api/search?q=prison&limit=100".into(),
    ];
    for d in docs["documents"].as_array().expect("documents") {
        uris.push(format!("/api/documents/{}", d["id"]));
    }
    for uri in &uris {
        let (_, _, body) = call(&f, Request::get(uri.as_str()).body(Body::empty()).expect("r")).await;
        assert!(!body.contains(&root), "{uri} shows {root}");
    }
    let origins: Vec<&str> = docs["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .filter_map(|d| d["fields"]["origin"].as_str())
        .collect();
    assert!(origins.contains(&"12-sinaa-page-ar.html"), "{origins:?}");
}
