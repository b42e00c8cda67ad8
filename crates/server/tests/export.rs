//! The claims' Parquet export (`/api/claims?format=parquet`, the page's
//! "Export Parquet") read back with the arrow crate: the rows of a filtered
//! view equal the JSON's, in its order, with the columns the OpenAPI
//! description lists. See: issue 20.
#![cfg(feature = "parquet")]

mod common;

use arrow_array::cast::AsArray;
use arrow_array::temporal_conversions::as_date;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{Array, RecordBatch, RecordBatchReader};
use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode, header};
use common::*;
use http_body_util::BodyExt;
use isnad_server::app;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Value, json};
use tower::ServiceExt;

/// The answer to `GET uri`: status, headers, body. A `format=parquet` asks
/// for gzip too, which its answer does not take.
async fn fetch(f: &Fixture, uri: &str) -> (StatusCode, axum::http::HeaderMap, Bytes) {
    let mut req = Request::get(uri);
    if uri.contains("format=parquet") {
        req = req.header(header::ACCEPT_ENCODING, "gzip, br");
    }
    let req = req.body(Body::empty()).expect("request");
    let res = app(f.state.clone()).oneshot(req).await.expect("a response");
    let (parts, body) = res.into_parts();
    let body = body.collect().await.expect("a body").to_bytes();
    (parts.status, parts.headers, body)
}

/// A cell as JSON: text, numbers, booleans, a date as `YYYY-MM-DD` (by
/// arrow's calendar), a list as an array, a struct as an object.
fn cell(col: &dyn Array, i: usize) -> Value {
    if col.is_null(i) {
        return Value::Null;
    }
    match col.data_type() {
        arrow_schema::DataType::Utf8 => json!(col.as_string::<i32>().value(i)),
        arrow_schema::DataType::Int64 => json!(col.as_primitive::<Int64Type>().value(i)),
        arrow_schema::DataType::Float64 => json!(col.as_primitive::<Float64Type>().value(i)),
        arrow_schema::DataType::Boolean => json!(col.as_boolean().value(i)),
        arrow_schema::DataType::Date32 => {
            let days = col.as_primitive::<Date32Type>().value(i);
            json!(as_date::<Date32Type>(i64::from(days)).expect("a day").to_string())
        }
        arrow_schema::DataType::List(_) => {
            let items = col.as_list::<i32>().value(i);
            Value::Array((0..items.len()).map(|j| cell(items.as_ref(), j)).collect())
        }
        arrow_schema::DataType::Struct(fields) => {
            let s = col.as_struct();
            let mut m = Map::new();
            for (k, f) in fields.iter().enumerate() {
                m.insert(f.name().clone(), cell(s.column(k).as_ref(), i));
            }
            Value::Object(m)
        }
        other => panic!("unexpected column type {other}"),
    }
}

/// The rows of a Parquet file, each an object of its columns.
fn rows(bytes: Bytes) -> (Vec<(String, String)>, Vec<Value>) {
    let reader = ParquetRecordBatchReaderBuilder::try_new(bytes)
        .expect("a Parquet file")
        .build()
        .expect("a reader");
    let schema = reader.schema();
    let columns = schema
        .fields()
        .iter()
        .map(|f| (f.name().clone(), f.data_type().to_string()))
        .collect();
    let batches: Vec<RecordBatch> = reader.map(|b| b.expect("a batch")).collect();
    let mut out = Vec::new();
    for b in &batches {
        for i in 0..b.num_rows() {
            let mut m = Map::new();
            for (k, f) in b.schema().fields().iter().enumerate() {
                m.insert(f.name().clone(), cell(b.column(k).as_ref(), i));
            }
            out.push(Value::Object(m));
        }
    }
    (columns, out)
}

/// A claim of the JSON answer as its Parquet row reads.
fn as_row(c: &Value) -> Value {
    let value = c["value"].as_array();
    let chain: Vec<Value> = c["chain"]
        .as_array()
        .expect("chain")
        .iter()
        .map(|l| json!({"id": l["id"], "name": l["name"], "kind": l["kind"]}))
        .collect();
    json!({
        "claim": c["claim"],
        "document": c["document"],
        "doc": c["doc"],
        "event": c["event"],
        "facet": c["facet"],
        "label": c["label"],
        "value_lo": value.map_or(Value::Null, |v| v[0].clone()),
        "value_hi": value.map_or(Value::Null, |v| v[1].clone()),
        "vague": c["vague"],
        "qualifier": c["qualifier"],
        "stance": c["stance"],
        "source": chain,
        "origin": c["origin"],
        "anonymous": c["anonymous"],
        "published": c["published"].as_str().map_or(Value::Null, |d| json!(&d[..10])),
        "lang": c["lang"],
        "span_start": c["span"][0],
        "span_end": c["span"][1],
        "evidence": c["evidence"],
    })
}

async fn json_claims(f: &Fixture, query: &str) -> Vec<Value> {
    let (status, _, body) = fetch(f, &format!("/api/claims?{query}")).await;
    assert_eq!(status, StatusCode::OK);
    let v: Value = serde_json::from_slice(&body).expect("JSON");
    v["claims"].as_array().expect("claims").clone()
}

#[tokio::test]
async fn the_parquet_export_of_a_filtered_view_holds_the_jsons_claims() {
    let f = fixture(None);
    let view = "event=sinaa_prison_attack_2022&lang=en&stance=asserted";
    let want: Vec<Value> = json_claims(&f, &format!("{view}&limit=5000"))
        .await
        .iter()
        .map(as_row)
        .collect();
    let all = json_claims(&f, "limit=5000").await;
    assert!(
        !want.is_empty() && want.len() < all.len(),
        "the view is a part of the claims: {} of {}",
        want.len(),
        all.len()
    );
    assert!(want.iter().any(|r| !r["published"].is_null()));
    let (status, h, body) = fetch(&f, &format!("/api/claims?{view}&format=parquet")).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(h[header::CONTENT_TYPE], "application/vnd.apache.parquet");
    assert_eq!(
        h[header::CONTENT_DISPOSITION],
        "attachment; filename=\"claims.parquet\""
    );
    assert_eq!(h[header::CACHE_CONTROL], "no-store");
    assert!(
        h.get(header::CONTENT_ENCODING).is_none(),
        "Parquet is not compressed again"
    );
    assert!(body.starts_with(b"PAR1") && body.ends_with(b"PAR1"));
    let (columns, got) = rows(body);
    assert_eq!(got.len(), want.len());
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "row {i}");
    }

    // The columns are those the OpenAPI description lists, in its order.
    let (_, _, spec) = fetch(&f, "/api/openapi.json").await;
    let spec: Value = serde_json::from_slice(&spec).expect("JSON");
    let documented: Vec<&str> = spec
        .pointer("/paths/~1api~1claims/get/responses/200/content/application~1vnd.apache.parquet/schema/x-parquet-columns")
        .and_then(Value::as_array)
        .expect("x-parquet-columns")
        .iter()
        .map(|c| c["name"].as_str().expect("a name"))
        .collect();
    let names: Vec<&str> = columns.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, documented);
    let kinds: Vec<&str> = columns.iter().map(|(_, t)| t.as_str()).collect();
    assert!(
        kinds.contains(&"Date32") && kinds.contains(&"Float64"),
        "{kinds:?}"
    );

    // offset and limit cut the same page as the JSON's.
    let (_, _, page) = fetch(&f, &format!("/api/claims?{view}&format=parquet&offset=2&limit=3")).await;
    assert_eq!(rows(page).1, want[2..5.min(want.len())].to_vec());
    // A view of nothing is a file of no rows.
    let (status, _, none) = fetch(&f, "/api/claims?event=none&format=parquet").await;
    assert_eq!(status, StatusCode::OK);
    let (columns, got) = rows(none);
    assert!(got.is_empty() && columns.len() == documented.len());
    // The whole store, every claim, past the JSON's cap of a page.
    let (_, _, every) = fetch(&f, "/api/claims?format=parquet").await;
    let all: Vec<Value> = all.iter().map(as_row).collect();
    assert_eq!(rows(every).1, all);
}

#[tokio::test]
async fn a_format_other_than_json_or_parquet_is_a_400() {
    let f = fixture(None);
    let (status, _, body) = fetch(&f, "/api/claims?format=xml").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(String::from_utf8_lossy(&body).contains("format must be json or parquet"));
    let (status, _, _) = fetch(&f, "/api/claims?format=parquet&from=2022-13-45").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}
