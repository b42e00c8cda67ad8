//! Throughput of each stage of the text layer and of the extraction, on
//! real Arabic news: reading a document, normalise, normalise + tokenise,
//! + the number recogniser, and reading + extracting the claims.
//!
//! Reads the article texts of `../shared/corpora/arabic-news/*.jsonl` (57 MB;
//! the first 16 MB by default, `ISNAD_BENCH_MB` to change), or, where that
//! corpus is absent, the repository's `examples/` repeated, saying so.
//! Criterion reports MB/s (throughput in bytes of UTF-8 input).
//!
//! Each stage counts what it made (documents, tokens, mentions, claims)
//! and the count is checked at every iteration: against [`EXPECTED`] for
//! the default 16 MB of the corpus, so that a stage that silently does
//! less (a vocabulary that did not load, a corpus cut short) fails rather
//! than looks fast. When the claim rules change, the new counts are
//! printed by the failure; update [`EXPECTED`] with them.
//!
//! Run: `cargo bench --bench text_layer`. As a test (`cargo test
//! --benches`, or the test suite's `--all-targets`) each stage runs once
//! over a few hundred KB, so the suite does not pay for the benchmark.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad_extract::numbers::{Numbers, Scratch};
use isnad_text::{Normalized, token::tokenize_into};
use std::hint::black_box;
use std::io::BufRead;
use std::path::PathBuf;

/// The counts of the default corpus (the first 16 MB of the Arabic news):
/// documents read, tokens, number mentions, claims.
const EXPECTED: Counts = Counts {
    documents: 10_601,
    tokens: 1_663_402,
    mentions: 48_933,
    claims: 22_078,
};

/// What the stages made over the whole corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Counts {
    documents: usize,
    tokens: usize,
    mentions: usize,
    claims: usize,
}

/// True when run by `cargo bench` (which passes `--bench`), false when run
/// as a test.
fn benchmarking() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The corpus, and whether it is the default one ([`EXPECTED`] holds).
fn corpus() -> (Vec<String>, bool) {
    let env_mb: Option<usize> = std::env::var("ISNAD_BENCH_MB").ok().and_then(|s| s.parse().ok());
    // As a test: a few hundred KB, enough to run every stage.
    let limit = match env_mb {
        Some(mb) => mb * 1_000_000,
        None if benchmarking() => 16_000_000,
        None => 300_000,
    };
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/arabic-news");
    let mut texts = Vec::new();
    let mut total = 0;
    for name in ["ant-v1.1.jsonl", "saudinewsnet-sample.jsonl"] {
        let Ok(f) = std::fs::File::open(dir.join(name)) else {
            continue;
        };
        for line in std::io::BufReader::new(f).lines().map_while(Result::ok) {
            if total >= limit {
                break;
            }
            if let Ok(v) = serde_json::from_str::<serde_json::Value>(&line)
                && let Some(t) = v["text"].as_str()
            {
                total += t.len();
                texts.push(t.to_string());
            }
        }
    }
    let default = benchmarking() && env_mb.is_none() && !texts.is_empty();
    if texts.is_empty() {
        eprintln!("the Arabic news corpus is absent; benchmarking on examples/ repeated");
        let ex = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut base = Vec::new();
        for e in std::fs::read_dir(ex).into_iter().flatten().flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                base.push(t);
            }
        }
        let copies = if benchmarking() { 2000 } else { 2 };
        for _ in 0..copies {
            texts.extend(base.iter().cloned());
        }
    }
    (texts, default)
}

/// Checks one stage's count against the first run's (and, for the
/// default corpus, against [`EXPECTED`]).
fn check(stage: &str, got: usize, want: usize) {
    assert_eq!(
        got, want,
        "{stage}: counted {got}, expected {want}: the stage did other work than before (update EXPECTED in benches/text_layer.rs if the rules changed)"
    );
}

fn bench(c: &mut Criterion) {
    let (texts, default) = corpus();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    eprintln!("corpus: {} articles, {:.1} MB", texts.len(), bytes as f64 / 1e6);
    let numbers = Numbers::builtin();
    let reader = isnad_text::Reader::builtin();
    let extractor = isnad_extract::Extractor::builtin();
    // What each stage makes, counted once outside the timing.
    let mut counts = Counts::default();
    let mut n = Normalized::default();
    let mut toks = Vec::new();
    let mut s = Scratch::default();
    for t in &texts {
        counts.documents += 1;
        n.reset(t);
        tokenize_into(n.as_str(), &mut toks);
        counts.tokens += toks.len();
        counts.mentions += numbers.find_with(t, &mut s).len();
        counts.claims += extractor
            .extract(&reader.plain("b", "b", t.as_bytes().to_vec()))
            .len();
    }
    eprintln!("counts: {counts:?}");
    if default {
        check("documents", counts.documents, EXPECTED.documents);
        check("tokens", counts.tokens, EXPECTED.tokens);
        check("mentions", counts.mentions, EXPECTED.mentions);
        check("claims", counts.claims, EXPECTED.claims);
    }
    assert!(
        counts.tokens > 0 && counts.mentions > 0 && counts.claims > 0,
        "{counts:?}"
    );
    let mut g = c.benchmark_group("arabic-news");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("read", |b| {
        b.iter(|| {
            let mut k = 0;
            for t in &texts {
                let doc = reader.plain("b", "b", t.as_bytes().to_vec());
                k += usize::from(!doc.text.is_empty() || t.is_empty());
            }
            check("read", k, counts.documents);
            black_box(k)
        })
    });
    g.bench_function("normalise", |b| {
        let mut n = Normalized::default();
        b.iter(|| {
            let mut k = 0;
            for t in &texts {
                n.reset(t);
                k += n.as_str().len();
            }
            black_box(k)
        })
    });
    g.bench_function("normalise+tokenise", |b| {
        let mut n = Normalized::default();
        let mut toks = Vec::new();
        b.iter(|| {
            let mut k = 0;
            for t in &texts {
                n.reset(t);
                tokenize_into(n.as_str(), &mut toks);
                k += toks.len();
            }
            check("tokens", k, counts.tokens);
            black_box(k)
        })
    });
    g.bench_function("normalise+tokenise+numbers", |b| {
        let mut s = Scratch::default();
        b.iter(|| {
            let mut k = 0;
            for t in &texts {
                k += numbers.find_with(t, &mut s).len();
            }
            check("mentions", k, counts.mentions);
            black_box(k)
        })
    });
    g.bench_function("read+extract", |b| {
        b.iter(|| {
            let mut k = 0;
            for t in &texts {
                let doc = reader.plain("b", "b", t.as_bytes().to_vec());
                k += extractor.extract(&doc).len();
            }
            check("claims", k, counts.claims);
            black_box(k)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
