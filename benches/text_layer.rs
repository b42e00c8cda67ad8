//! Throughput of the text layer (normalise, tokenise, the number recogniser
//! over them) and of the whole extraction (reading a document and finding
//! its claims), on real Arabic news.
//!
//! Reads the article texts of `../shared/corpora/arabic-news/*.jsonl` (57 MB;
//! the first 16 MB by default, `ISNAD_BENCH_MB` to change), or, where that
//! corpus is absent, the repository's `examples/` repeated, saying so.
//! Criterion reports MB/s (throughput in bytes of UTF-8 input).
//!
//! Run: `cargo bench --bench text_layer`

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use isnad_extract::numbers::{Numbers, Scratch};
use isnad_text::{Normalized, token::tokenize_into};
use std::hint::black_box;
use std::io::BufRead;
use std::path::PathBuf;

fn corpus() -> Vec<String> {
    let limit: usize = std::env::var("ISNAD_BENCH_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(16)
        * 1_000_000;
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
    if texts.is_empty() {
        eprintln!("the Arabic news corpus is absent; benchmarking on examples/ repeated");
        let ex = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
        let mut base = Vec::new();
        for e in std::fs::read_dir(ex).into_iter().flatten().flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                base.push(t);
            }
        }
        for _ in 0..2000 {
            texts.extend(base.iter().cloned());
        }
    }
    texts
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(|t| t.len()).sum();
    eprintln!("corpus: {} articles, {:.1} MB", texts.len(), bytes as f64 / 1e6);
    let numbers = Numbers::builtin();
    let mut g = c.benchmark_group("arabic-news");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(bytes as u64));
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
            black_box(k)
        })
    });
    let reader = isnad_text::Reader::builtin();
    let extractor = isnad_extract::Extractor::builtin();
    g.bench_function("read+extract", |b| {
        b.iter(|| {
            let mut k = 0;
            for t in &texts {
                let doc = reader.plain("b", "b", t.as_bytes().to_vec());
                k += extractor.extract(&doc).len();
            }
            black_box(k)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
