//! The JSON API's handlers. Store work runs on the blocking pool.

use crate::{ApiError, State};
use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State as S};
use axum::http::{HeaderMap, StatusCode, header};
use isnad_engine::ingest::{self, Event};
use serde::Deserialize;
use serde_json::{Value, json};
use std::sync::Arc;

type Reply = Result<Json<Value>, ApiError>;

async fn blocking(state: Arc<State>, f: impl FnOnce(&State) -> Reply + Send + 'static) -> Reply {
    tokio::task::spawn_blocking(move || f(&state))
        .await
        .map_err(|_| ApiError::internal("a worker failed"))?
}

fn to_json(v: &impl serde::Serialize) -> Reply {
    serde_json::to_value(v)
        .map(Json)
        .map_err(|e| ApiError::internal(e.to_string()))
}

/// `GET /api/events`: every event with its facets' summaries.
pub async fn events(S(state): S<Arc<State>>) -> Reply {
    blocking(state, |s| {
        let (_, _, ledger) = s.ledger()?;
        let events: Vec<Value> = ledger
            .events
            .iter()
            .map(|e| {
                let facets = e
                    .facets
                    .iter()
                    .map(|f| json!({"facet": f.facet, "summary": f.summary}))
                    .collect();
                event_head(e, facets)
            })
            .collect();
        Ok(Json(json!({ "events": events })))
    })
    .await
}

/// `GET /api/events/{id}`: an event's whole ledger.
pub async fn event(S(state): S<Arc<State>>, Path(id): Path<String>) -> Reply {
    blocking(state, move |s| {
        let (_, _, ledger) = s.ledger()?;
        match ledger.events.iter().find(|e| e.id == id) {
            Some(e) => Ok(Json(event_json(e))),
            None => Err(ApiError::not_found(format!("no event {id}"))),
        }
    })
    .await
}

/// Claims shown per value in an event's ledger; `claims_total` says how
/// many there are, and `/api/claims?event=&facet=` lists them all.
pub const CLAIMS_PER_VALUE: usize = 25;

/// An event's ledger with at most [`CLAIMS_PER_VALUE`] claims per value.
fn event_json(e: &isnad_ledger::Event) -> Value {
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
                        "origins": v.origins,
                        "reports": v.reports,
                        "claims_total": v.claims.len(),
                        "claims": &v.claims[..v.claims.len().min(CLAIMS_PER_VALUE)],
                    })
                })
                .collect();
            json!({"facet": f.facet, "summary": f.summary, "values": values, "timeline": f.timeline})
        })
        .collect();
    event_head(e, facets)
}

/// An event's own fields with the facets given.
fn event_head(e: &isnad_ledger::Event, facets: Vec<Value>) -> Value {
    json!({
        "id": e.id,
        "name": e.name,
        "reports": e.reports,
        "origins": e.origins,
        "dates": e.dates,
        "facets": facets,
    })
}

#[derive(Deserialize)]
pub struct Page {
    limit: Option<usize>,
    offset: Option<usize>,
}

/// `GET /api/documents?limit=&offset=`: stored documents, newest first.
pub async fn documents(S(state): S<Arc<State>>, Query(p): Query<Page>) -> Reply {
    blocking(state, move |s| {
        let limit = p.limit.unwrap_or(50).min(500);
        let (list, total) = s.store()?.documents(limit, p.offset.unwrap_or(0))?;
        let docs: Vec<Value> = list
            .into_iter()
            .map(|(id, f)| json!({"id": id, "fields": f}))
            .collect();
        Ok(Json(json!({"total": total, "documents": docs})))
    })
    .await
}

/// `GET /api/documents/{id}`: a document's text with its claims and sources.
pub async fn document(S(state): S<Arc<State>>, Path(id): Path<i64>) -> Reply {
    blocking(state, move |s| {
        let (d, claims) = {
            let store = s.store()?;
            let Some(d) = store.document(id)? else {
                return Err(ApiError::not_found(format!("no document {id}")));
            };
            (d, store.document_claims(id)?)
        };
        to_json(&s.engine.view(&d, &claims))
    })
    .await
}

#[derive(Deserialize)]
pub struct ClaimFilter {
    facet: Option<String>,
    source: Option<String>,
    event: Option<String>,
    lang: Option<String>,
    from: Option<String>,
    to: Option<String>,
    limit: Option<usize>,
}

/// `GET /api/claims?facet=&source=&event=&lang=&from=&to=&limit=`.
pub async fn claims(S(state): S<Arc<State>>, Query(f): Query<ClaimFilter>) -> Reply {
    blocking(state, move |s| {
        let (rows, events, _) = s.ledger()?;
        let limit = f.limit.unwrap_or(200).min(5000);
        let mut out = Vec::new();
        let mut matched = 0usize;
        for (r, ev) in rows.iter().zip(events.iter()) {
            let c = &r.claim;
            let date = r.doc.published.as_deref().map(|d| d.get(..10).unwrap_or(d));
            let keep = f.facet.as_ref().is_none_or(|x| *x == c.facet)
                && f.event.as_ref().is_none_or(|x| x == ev)
                && f.lang.as_ref().is_none_or(|x| r.doc.lang.as_ref() == Some(x))
                && f.source
                    .as_ref()
                    .is_none_or(|x| c.source.iter().any(|l| l.id == *x))
                && f.from.as_deref().is_none_or(|x| date.is_some_and(|d| d >= x))
                && f.to.as_deref().is_none_or(|x| date.is_some_and(|d| d <= x));
            if !keep {
                continue;
            }
            matched += 1;
            if out.len() >= limit {
                continue;
            }
            out.push(json!({
                "claim": r.id,
                "document": r.document,
                "doc": r.doc.doc,
                "event": ev,
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
            }));
        }
        Ok(Json(json!({"total": matched, "claims": out})))
    })
    .await
}

#[derive(Deserialize)]
pub struct SearchQuery {
    q: String,
    limit: Option<usize>,
}

/// `GET /api/search?q=&limit=`.
pub async fn search(S(state): S<Arc<State>>, Query(q): Query<SearchQuery>) -> Reply {
    blocking(state, move |s| {
        if isnad_engine::search::parse_query(&s.engine, &q.q).0.is_empty() {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "the query has no word to search for",
            ));
        }
        let found =
            isnad_engine::search::search(&s.engine, &*s.store()?, &q.q, q.limit.unwrap_or(20).min(100))?;
        Ok(Json(json!({ "results": found })))
    })
    .await
}

#[derive(Deserialize)]
pub struct Upload {
    name: Option<String>,
}

/// `POST /api/documents?name=report.txt` (or `/api/ingest`): the body is a
/// document (text, HTML or JSONL records) to ingest. Needs the token.
pub async fn upload(
    S(state): S<Arc<State>>,
    headers: HeaderMap,
    Query(u): Query<Upload>,
    body: Bytes,
) -> Reply {
    let Some(token) = state.ingest_token.clone() else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writing is off: start `isnad serve --allow-ingest` to accept uploads",
        ));
    };
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !given.is_some_and(|g| constant_time_eq(g.as_bytes(), token.as_bytes())) {
        return Err(ApiError::new(
            StatusCode::UNAUTHORIZED,
            "a valid bearer token is needed to upload",
        ));
    }
    if body.is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "the body is empty"));
    }
    blocking(state, move |s| {
        // The name only names the document: it never reaches the file system.
        let name = u.name.unwrap_or_else(|| "upload.txt".into());
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

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
