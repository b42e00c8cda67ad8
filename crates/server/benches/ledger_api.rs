//! How fast the page's two main calls answer with 10,000 documents in the
//! store: the event list and an event's ledger, cold (the ledger is built
//! from the store) and warm (from the cache, until the store changes).
//!
//!     cargo bench -p isnad-server --bench ledger_api
//!
//! ISNAD_BENCH_DOCS sets the number of documents (default 10000). The
//! documents are the repository's examples, each copy made distinct and
//! dated a day apart, so the ledger has real chains, events and timelines.

use axum::body::Body;
use axum::http::Request;
use http_body_util::BodyExt;
use isnad_engine::Engine;
use isnad_extract::numbers::Scratch;
use isnad_server::{State, app};
use isnad_store::Store;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower::ServiceExt;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    // Test runners ask for a list of tests: this benchmark has none.
    if args.iter().any(|a| a == "--list") {
        return;
    }
    // `cargo bench` passes --bench; run as a test (cargo test --benches), it
    // only checks that it works, on a small store.
    let full = args.iter().any(|a| a == "--bench");
    let n: usize = std::env::var("ISNAD_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if full { 10_000 } else { 100 });
    let dir = tempfile::tempdir().expect("tempdir");
    let engine = Engine::builtin();
    let mut store = Store::open(&dir.path().join("bench.db")).expect("store");
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut texts: Vec<(String, Vec<u8>)> = std::fs::read_dir(examples)
        .expect("examples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            (
                p.file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect();
    texts.sort();
    let started = Instant::now();
    let mut scratch = Scratch::default();
    let mut batch = Vec::new();
    for i in 0..n {
        let (name, bytes) = &texts[i % texts.len()];
        let mut doc = engine.reader().plain(&format!("{name}-{i}"), name, bytes.clone());
        // A distinct document, published on a day of its own.
        let day = 1 + (i / texts.len()) % 28;
        doc.meta.published = Some(format!("2022-02-{day:02}"));
        doc.original.extend_from_slice(format!("\n{i}\n").as_bytes());
        let hash = isnad_store::content_hash(&doc.original);
        batch.push(engine.analyse(doc, hash, &mut scratch));
        if batch.len() == 500 {
            store.add_all(&batch, None).expect("stored");
            batch.clear();
        }
    }
    store.add_all(&batch, None).expect("stored");
    let counts = store.counts().expect("counts");
    eprintln!(
        "store: {} documents, {} claims, built in {:.1} s",
        counts.documents,
        counts.claims,
        started.elapsed().as_secs_f64()
    );
    let options = engine.ledger_options(Default::default());
    // Where a cold answer's time goes.
    let t = Instant::now();
    let rows = store.ledger_rows().expect("rows");
    let read = t.elapsed();
    let t = Instant::now();
    let _ = isnad_ledger::events::assign(&rows, &options.known_events, &options.events);
    let assign = t.elapsed();
    let t = Instant::now();
    let ledger = isnad_ledger::build(&rows, &options);
    let build = t.elapsed();
    let t = Instant::now();
    drop((ledger, rows));
    eprintln!(
        "cold parts: read {:.1} ms, events {:.1} ms, ledger {:.1} ms, free {:.1} ms",
        read.as_secs_f64() * 1e3,
        assign.as_secs_f64() * 1e3,
        build.as_secs_f64() * 1e3,
        t.elapsed().as_secs_f64() * 1e3
    );
    let state = Arc::new(State::new(Arc::new(engine), store, options, None));
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let call = |uri: &str| -> (Duration, usize) {
        let t = Instant::now();
        let res = rt
            .block_on(async {
                let r = app(state.clone())
                    .oneshot(Request::get(uri).body(Body::empty()).expect("r"))
                    .await
                    .expect("response");
                r.into_body().collect().await.map(|b| b.to_bytes().len())
            })
            .expect("body");
        (t.elapsed(), res)
    };
    // The first request builds the ledger (isnad serve does this before it
    // listens); after that, requests are answered from the cache while a
    // write by another process is picked up by a refresh in the background.
    let (first, _) = call("/api/events");
    println!(
        "first request (builds the ledger): {:.1} ms",
        first.as_secs_f64() * 1e3
    );
    {
        let other = Store::open(&dir.path().join("bench.db")).expect("store");
        other
            .begin_run("bench", None)
            .expect("a write by another process");
    }
    let t = Instant::now();
    let rebuilt = state.refresh().expect("refresh");
    println!(
        "background refresh after another process wrote: {:.1} ms (rebuilt: {rebuilt})",
        t.elapsed().as_secs_f64() * 1e3
    );
    for uri in ["/api/events", "/api/events/sinaa_prison_attack_2022"] {
        let mut warm: Vec<(Duration, usize)> = (0..20).map(|_| call(uri)).collect();
        warm.sort();
        println!(
            "{uri}: median {:.2} ms, max {:.2} ms ({} KB)",
            warm[warm.len() / 2].0.as_secs_f64() * 1e3,
            warm[warm.len() - 1].0.as_secs_f64() * 1e3,
            warm[0].1 / 1024
        );
    }
}
