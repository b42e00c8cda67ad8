//! The JSON API's handlers. Store work runs on the blocking pool.

use crate::{ApiError, BODY_LIMIT, State};
use axum::Json;
use axum::body::Body;
use axum::extract::{FromRequestParts, Path, Query, State as S};
use axum::http::request::Parts;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use isnad_engine::ingest::{self, Event};
use serde_json::{Map, Value, json};
use std::sync::Arc;

type Reply = Result<Json<Value>, ApiError>;

async fn blocking<T: Send + 'static>(
    state: Arc<State>,
    f: impl FnOnce(&State) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(move || f(&state))
        .await
        .map_err(|_| ApiError::internal("a worker failed"))?
}

fn to_json(v: &impl serde::Serialize) -> Reply {
    serde_json::to_value(v)
        .map(Json)
        .map_err(|e| ApiError::internal(e.to_string()))
}

/// A request's query parameters, read without serde's messages: each
/// accessor names the parameter and what it wants.
pub struct Params(Vec<(String, String)>);

impl<T: Send + Sync> FromRequestParts<T> for Params {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &T) -> Result<Params, ApiError> {
        let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri)
            .map_err(|_| ApiError::bad_request("the query string is not valid URL encoding"))?;
        Ok(Params(pairs))
    }
}

impl Params {
    /// Refuses a parameter not in `known`, or one given twice.
    fn only(&self, known: &[&str]) -> Result<&Params, ApiError> {
        for (i, (k, _)) in self.0.iter().enumerate() {
            if !known.contains(&k.as_str()) {
                let list = if known.is_empty() {
                    "none".to_string()
                } else {
                    known.join(", ")
                };
                return Err(ApiError::bad_request(format!(
                    "unknown parameter {k:?} (this path takes: {list})"
                )));
            }
            if self.0[..i].iter().any(|(x, _)| x == k) {
                return Err(ApiError::bad_request(format!("the parameter {k} is given twice")));
            }
        }
        Ok(self)
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(String::from)
    }

    fn count(&self, name: &str) -> Result<Option<usize>, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        v.parse().map(Some).map_err(|_| {
            ApiError::bad_request(format!("{name} must be a whole number, 0 or more, not {v:?}"))
        })
    }

    /// `offset` and `limit`, the limit `default` when not given and at most
    /// `max`.
    fn page(&self, default: usize, max: usize) -> Result<Paging, ApiError> {
        let asked = self.count("limit")?.unwrap_or(default);
        Ok(Paging {
            offset: self.count("offset")?.unwrap_or(0),
            limit: asked.min(max),
            capped: asked > max,
        })
    }

    /// A date parameter: `YYYY-MM-DD`, a day of the calendar.
    fn date(&self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(v) = self.get(name) else {
            return Ok(None);
        };
        if is_date(v) {
            Ok(Some(v.to_string()))
        } else {
            Err(ApiError::bad_request(format!(
                "{name} must be a date as YYYY-MM-DD, not {v:?}"
            )))
        }
    }
}

/// Whether `s` is `YYYY-MM-DD` naming a real day.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// A page of a list, as asked for.
#[derive(Clone, Copy)]
struct Paging {
    offset: usize,
    limit: usize,
    /// The limit asked for was above the most this list gives.
    capped: bool,
}

impl Paging {
    /// The page's range of a list of `len`.
    fn range(&self, len: usize) -> std::ops::Range<usize> {
        let start = self.offset.min(len);
        start..start.saturating_add(self.limit).min(len)
    }

    /// The list's answer: `total`, `offset`, `limit`, `limit_capped`, and
    /// the list under `key`.
    fn answer(&self, total: usize, key: &str, items: Vec<Value>) -> Value {
        let mut m = Map::new();
        m.insert("total".into(), total.into());
        m.insert("offset".into(), self.offset.into());
        m.insert("limit".into(), self.limit.into());
        m.insert("limit_capped".into(), self.capped.into());
        m.insert(key.into(), Value::Array(items));
        Value::Object(m)
    }
}

/// A document's `origin` as the API shows it: an absolute path (of the
/// server's file system) becomes its file name.
fn public_origin(origin: &str) -> String {
    let b = origin.as_bytes();
    let absolute = origin.starts_with(['/', '\\'])
        || (b.len() > 2 && b[0].is_ascii_alphabetic() && b[1] == b':' && matches!(b[2], b'/' | b'\\'));
    if !absolute {
        return origin.to_string();
    }
    origin.rsplit(['/', '\\']).next().unwrap_or_default().to_string()
}

/// Rewrites the `origin` of a document's fields (in `v["fields"]`).
fn public_fields(v: &mut Value) {
    if let Some(o) = v.pointer_mut("/fields/origin")
        && let Some(s) = o.as_str()
    {
        *o = Value::String(public_origin(s));
    }
}

/// `GET /api/events`: every event with its facets' summaries.
pub async fn events(S(state): S<Arc<State>>, p: Params) -> Reply {
    p.only(&[])?;
    blocking(state, |s| {
        let (_, _, ledger) = s.ledger()?;
        let events: Vec<Value> = ledger
            .events
            .iter()
            .map(|e| {
                let facets = e
                    .facets
                    .iter()
                    .map(|f| json!({"facet": f.facet, "label": f.label, "summary": f.summary}))
                    .collect();
                event_head(e, facets)
            })
            .collect();
        Ok(Json(json!({ "total": events.len(), "events": events })))
    })
    .await
}

/// `GET /api/events/{id}?offset=&limit=`: an event's ledger, each value
/// with a page of its claims.
pub async fn event(S(state): S<Arc<State>>, Path(id): Path<String>, p: Params) -> Reply {
    let page = p
        .only(&["offset", "limit"])?
        .page(CLAIMS_PER_VALUE, MAX_CLAIMS_PER_VALUE)?;
    blocking(state, move |s| {
        let (_, _, ledger) = s.ledger()?;
        match ledger.events.iter().find(|e| e.id == id) {
            Some(e) => Ok(Json(event_json(e, page))),
            None => Err(ApiError::not_found(format!("no event {id}"))),
        }
    })
    .await
}

/// Claims given per value in an event's ledger unless `limit` says
/// otherwise; `claims_total` says how many there are.
pub const CLAIMS_PER_VALUE: usize = 25;

/// The most claims per value one answer gives.
pub const MAX_CLAIMS_PER_VALUE: usize = 1000;

/// An event's ledger with the `page` of each value's claims.
fn event_json(e: &isnad_ledger::Event, page: Paging) -> Value {
    let facets: Vec<Value> = e
        .facets
        .iter()
        .map(|f| {
            let values: Vec<Value> = f
                .values
                .iter()
                .map(|v| {
                    json!({
                        "label": v.label,
                        "value": v.value,
                        "vague": v.vague,
                        "stance": v.stance,
                        "relation": v.relation,
                        "disputed_by": v.disputed_by,
                        "origins": v.origins,
                        "reports": v.reports,
                        "claims_total": v.claims.len(),
                        "claims": &v.claims[page.range(v.claims.len())],
                    })
                })
                .collect();
            json!({
                "facet": f.facet,
                "label": f.label,
                "summary": f.summary,
                "values": values,
                "disputes": f.disputes,
                "timeline": f.timeline,
            })
        })
        .collect();
    let mut v = event_head(e, facets);
    if let Some(m) = v.as_object_mut() {
        m.insert("offset".into(), page.offset.into());
        m.insert("limit".into(), page.limit.into());
        m.insert("limit_capped".into(), page.capped.into());
    }
    v
}

/// An event's own fields with the facets given.
fn event_head(e: &isnad_ledger::Event, facets: Vec<Value>) -> Value {
    json!({
        "id": e.id,
        "name": e.name,
        "place": e.place,
        "kind": e.kind,
        "reports": e.reports,
        "origins": e.origins,
        "dates": e.dates,
        "facets": facets,
    })
}

/// `GET /api/documents?limit=&offset=`: stored documents, newest first.
pub async fn documents(S(state): S<Arc<State>>, p: Params) -> Reply {
    let page = p.only(&["offset", "limit"])?.page(50, 500)?;
    blocking(state, move |s| {
        let (list, total) = s.store()?.documents(page.limit, page.offset)?;
        let docs: Vec<Value> = list
            .into_iter()
            .map(|(id, f)| {
                let mut v = json!({"id": id, "fields": f});
                public_fields(&mut v);
                v
            })
            .collect();
        Ok(Json(page.answer(total as usize, "documents", docs)))
    })
    .await
}

/// `GET /api/documents/{id}?q=`: a document's text with its claims and
/// sources, and with `q` where the search's words are in it (`hits`, byte
/// ranges of the text). `id` is the store's number for the document, or
/// its id as claims give it (`doc`, URL-encoded: `x%2Freport.txt`); a name
/// that several documents of an older store share is a 409 listing their
/// numbers.
pub async fn document(S(state): S<Arc<State>>, Path(id): Path<String>, p: Params) -> Reply {
    let q = p.only(&["q"])?.text("q");
    blocking(state, move |s| {
        let (d, claims) = {
            let store = s.store()?;
            let numbered = match id.parse::<i64>() {
                Ok(row) => store.document(row)?.map(|d| (row, d)),
                Err(_) => None,
            };
            let (row, d) = match numbered {
                Some(found) => found,
                None => {
                    let row = match store.documents_named(&id)?.as_slice() {
                        [row] => *row,
                        [] => return Err(ApiError::not_found(format!("no document {id}"))),
                        rows => {
                            let rows: Vec<String> = rows.iter().map(i64::to_string).collect();
                            return Err(ApiError::conflict(format!(
                                "{} documents are named {id}: ask for one by number ({})",
                                rows.len(),
                                rows.join(", ")
                            )));
                        }
                    };
                    let Some(d) = store.document(row)? else {
                        return Err(ApiError::not_found(format!("no document {id}")));
                    };
                    (row, d)
                }
            };
            (d, store.document_claims(row)?)
        };
        let view = s.engine.view(&d, &claims);
        let hits: Option<Vec<[usize; 2]>> = q.map(|q| {
            isnad_engine::search::marks(&s.engine, &view.text, &q)
                .into_iter()
                .map(|r| [r.start, r.end])
                .collect()
        });
        let Json(mut v) = to_json(&view)?;
        public_fields(&mut v);
        if let (Some(h), Some(m)) = (hits, v.as_object_mut()) {
            m.insert("hits".into(), json!(h));
        }
        Ok(Json(v))
    })
    .await
}

/// How a list of claims is answered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    /// A page of JSON.
    Json,
    /// A Parquet file of the view's claims (the `parquet` feature).
    Parquet,
}

/// The media type of a Parquet answer.
pub(crate) const PARQUET: &str = "application/vnd.apache.parquet";

/// `GET /api/claims?facet=&source=&origin=&event=&lang=&from=&to=&stance=&anonymous=&offset=&limit=&format=`.
///
/// With `format=parquet` (where built with the `parquet` feature) the
/// claims are a Parquet file of `isnad_parquet::view_schema`: every
/// claim of the view unless `offset` or `limit` say otherwise (no cap), the
/// rows those of the JSON, in its order.
pub async fn claims(S(state): S<Arc<State>>, p: Params) -> Result<Response, ApiError> {
    let p = p.only(&[
        "facet",
        "source",
        "origin",
        "event",
        "lang",
        "from",
        "to",
        "stance",
        "anonymous",
        "offset",
        "limit",
        "format",
    ])?;
    let format = match p.get("format") {
        None | Some("json") => Format::Json,
        Some("parquet") if cfg!(feature = "parquet") => Format::Parquet,
        Some("parquet") => {
            return Err(ApiError::bad_request(
                "format=parquet: this server was built without Parquet output (the parquet feature)",
            ));
        }
        Some(v) => {
            return Err(ApiError::bad_request(format!(
                "format must be json or parquet, not {v:?}"
            )));
        }
    };
    let page = match format {
        Format::Json => p.page(200, 5000)?,
        Format::Parquet => p.page(usize::MAX, usize::MAX)?,
    };
    let (facet, source, event, lang) = (p.text("facet"), p.text("source"), p.text("event"), p.text("lang"));
    let origin = p.text("origin");
    let (from, to) = (p.date("from")?, p.date("to")?);
    let stance =
        match p.get("stance") {
            None => None,
            Some(v) => Some(v.parse::<isnad_model::Stance>().map_err(|_| {
                ApiError::bad_request(format!("stance must be asserted or denied, not {v:?}"))
            })?),
        };
    let anonymous = match p.get("anonymous") {
        None => None,
        Some("true") => Some(true),
        Some("false") => Some(false),
        Some(v) => {
            return Err(ApiError::bad_request(format!(
                "anonymous must be true or false, not {v:?}"
            )));
        }
    };
    blocking(state, move |s| {
        let (rows, events, _) = s.ledger()?;
        let mut out = Vec::new();
        let mut matched = 0usize;
        for (r, ev) in rows.iter().zip(events.iter()) {
            let c = &r.claim;
            let date = r.doc.published.as_deref().map(|d| d.get(..10).unwrap_or(d));
            let keep = facet.as_ref().is_none_or(|x| *x == c.facet)
                && event.as_ref().is_none_or(|x| x == ev)
                && lang.as_ref().is_none_or(|x| r.doc.lang.as_ref() == Some(x))
                && source
                    .as_ref()
                    .is_none_or(|x| c.source.iter().any(|l| l.id == *x))
                && from.as_deref().is_none_or(|x| date.is_some_and(|d| d >= x))
                && to.as_deref().is_none_or(|x| date.is_some_and(|d| d <= x))
                && stance.is_none_or(|x| c.stance == x)
                && anonymous.is_none_or(|x| c.anonymous == x);
            if !keep {
                continue;
            }
            if origin
                .as_ref()
                .is_some_and(|x| *x != isnad_ledger::origin(&c.source, &r.doc.doc))
            {
                continue;
            }
            matched += 1;
            if matched <= page.offset || out.len() >= page.limit {
                continue;
            }
            out.push((r, ev.as_str()));
        }
        if format == Format::Parquet {
            return parquet_answer(out);
        }
        let claims = out.into_iter().map(|(r, ev)| claim_json(r, ev)).collect();
        Ok(Json(page.answer(matched, "claims", claims)).into_response())
    })
    .await
}

/// A stored claim as `/api/claims` gives it, with its event's id.
fn claim_json(r: &isnad_store::LedgerRow, event: &str) -> Value {
    let c = &r.claim;
    json!({
        "claim": r.id,
        "document": r.document,
        "doc": r.doc.doc,
        "event": event,
        "facet": c.facet,
        "label": isnad_ledger::label(c.value, c.vague.as_deref()),
        // As the ledger's values give it: `[lo, hi]`, floats.
        "value": c.value.bounds(),
        "vague": c.vague,
        "qualifier": c.qualifier,
        "stance": c.stance,
        "chain": c.source,
        "origin": isnad_ledger::origin(&c.source, &r.doc.doc),
        "anonymous": c.anonymous,
        "published": r.doc.published,
        "lang": r.doc.lang,
        "span": c.span,
        "evidence": c.evidence,
    })
}

/// `rows` as a Parquet file to download: `claims.parquet`, not cached.
#[cfg(feature = "parquet")]
fn parquet_answer(rows: Vec<(&isnad_store::LedgerRow, &str)>) -> Result<Response, ApiError> {
    let bytes =
        isnad_parquet::write_view(Vec::new(), rows).map_err(|e| ApiError::internal(format!("{e:#}")))?;
    use axum::http::HeaderValue;
    let mut r = (StatusCode::OK, bytes).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(PARQUET));
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"claims.parquet\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(r)
}

/// Never called: without the feature, `format=parquet` is refused first.
#[cfg(not(feature = "parquet"))]
fn parquet_answer(_: Vec<(&isnad_store::LedgerRow, &str)>) -> Result<Response, ApiError> {
    Err(ApiError::internal("built without Parquet output"))
}

/// `GET /api/search?q=&offset=&limit=`.
pub async fn search(S(state): S<Arc<State>>, p: Params) -> Reply {
    let p = p.only(&["q", "offset", "limit"])?;
    let page = p.page(20, 100)?;
    let Some(q) = p.text("q") else {
        return Err(ApiError::bad_request(
            "the parameter q (the words to find) is missing",
        ));
    };
    blocking(state, move |s| {
        if isnad_engine::search::parse_query(&s.engine, &q).0.is_empty() {
            return Err(ApiError::bad_request("the query has no word to search for"));
        }
        let (found, total) =
            isnad_engine::search::search_page(&s.engine, &*s.store()?, &q, page.offset, page.limit)?;
        let mut results = Vec::with_capacity(found.len());
        for f in &found {
            let Json(mut v) = to_json(f)?;
            public_fields(&mut v);
            results.push(v);
        }
        Ok(Json(page.answer(total, "results", results)))
    })
    .await
}

/// `POST /api/documents?name=report.txt` (or `/api/ingest`): the body is a
/// document (text, HTML or JSONL records) to ingest. Needs the token.
///
/// The permission and the token are checked before a byte of the body is
/// read; a `Content-Length` over [`BODY_LIMIT`] is refused unread; the body
/// must arrive within [`crate::Settings::body_timeout`].
pub async fn upload(S(state): S<Arc<State>>, headers: HeaderMap, p: Params, body: Body) -> Reply {
    let Some(token) = state.ingest_token.clone() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writing is off: start `isnad serve --allow-ingest` to accept uploads",
        ));
    };
    if !bearer(&headers).is_some_and(|g| constant_time_eq(g.as_bytes(), token.as_bytes())) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "a valid bearer token is needed to upload",
        ));
    }
    let name = p.only(&["name"])?.text("name");
    let too_big = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is over the limit of {BODY_LIMIT} bytes"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return Err(too_big());
    }
    let wait = state.settings.body_timeout;
    let body = match tokio::time::timeout(wait, axum::body::to_bytes(body, BODY_LIMIT)).await {
        Err(_) => {
            return Err(ApiError::new(
                StatusCode::REQUEST_TIMEOUT,
                format!("the body did not arrive within {} s", wait.as_secs_f64()),
            ));
        }
        Ok(Err(e)) => {
            let over =
                std::error::Error::source(&e).is_some_and(|s| s.is::<http_body_util::LengthLimitError>());
            if over {
                return Err(too_big());
            }
            return Err(ApiError::bad_request("the body could not be read"));
        }
        Ok(Ok(b)) => b,
    };
    if body.is_empty() {
        return Err(ApiError::bad_request("the body is empty"));
    }
    blocking(state, move |s| {
        // The name only names the document: it never reaches the file system.
        let name = name.unwrap_or_else(|| "upload.txt".into());
        let name: String = name.chars().filter(|c| !c.is_control()).take(200).collect();
        let id = name.rsplit(['/', '\\']).next().unwrap_or(&name);
        let id = id.rsplit_once('.').map_or(id, |(stem, _)| stem).to_string();
        let input = ingest::Bytes {
            id: &id,
            name: &name,
            bytes: &body,
        };
        // An upload is a few documents into a store of many: each is looked
        // up by its hash rather than every stored hash read.
        let options = ingest::Options {
            skip: ingest::Skip::AskStore,
            ..ingest::Options::default()
        };
        let mut documents = Vec::new();
        let mut errors = Vec::new();
        let tally = ingest::ingest(&s.engine, input, Some(&s.store), &options, &mut |e| match e {
            Event::New { id, document } => documents.push(json!({
                "id": id,
                "doc": document.fields.doc,
                "new": true,
                "claims": document.claims.len(),
            })),
            Event::Known { id, doc, claims } => documents.push(json!({
                "id": id,
                "doc": doc,
                "new": false,
                "claims": claims,
            })),
            Event::Error(e) => errors.push(e.to_string()),
            Event::Warning { .. } => {}
        });
        s.wrote();
        let tally = tally?;
        if tally.new == 0 && tally.known == 0 {
            let why = if errors.is_empty() {
                "it holds no document".to_string()
            } else {
                let shown: Vec<&str> = errors.iter().take(3).map(String::as_str).collect();
                format!(
                    "{} record(s) failed: {}{}",
                    errors.len(),
                    shown.join("; "),
                    if errors.len() > 3 { "; …" } else { "" }
                )
            };
            return Err(ApiError::bad_request(format!(
                "nothing in the upload was stored: {why}"
            )));
        }
        Ok(Json(json!({
            "documents": documents,
            "errors": errors,
            "new": tally.new,
            "known": tally.known,
            "failed": tally.failed,
            "claims": tally.claims,
        })))
    })
    .await
}

/// The token of an `Authorization: Bearer …` header (the scheme in any
/// case).
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, token) = v.split_once([' ', '\t'])?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then_some(token.trim())
        .filter(|t| !t.is_empty())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
