//! isnad as a stage of Apache Spark: the Arabic news corpus split into
//! partitions and piped through `isnad extract -` by PySpark in local mode
//! (`tests/spark/pipe.py`, `rdd.pipe` as on a cluster) gives the same claims
//! as one `isnad extract` over the same files.
//!
//! Needs `../shared`, Java and a Python with PySpark (`$ISNAD_PYTHON`;
//! `scripts/spark-env.sh` sets them up): skipped with a message where they
//! are absent, unless `$ISNAD_REQUIRE_SPARK` is 1 (as in `.ci/run`). The
//! binary piped through is `$ISNAD_SPARK_BINARY` when set (`.ci/run` gives
//! the release build), else the one cargo built for the tests.

mod common;

use common::*;
use std::process::Command;

fn skip_spark(why: &str) {
    skip(
        "ISNAD_REQUIRE_SPARK",
        &format!("the Spark test: {why} (run scripts/spark-env.sh)"),
    );
}

#[test]
fn spark_piping_partitions_through_extract_gives_the_claims_of_one_run() {
    let Some(corpus) = shared("corpora/arabic-news") else {
        return;
    };
    let Ok(python) = std::env::var("ISNAD_PYTHON") else {
        return skip_spark("ISNAD_PYTHON is not set");
    };
    if Command::new("java").arg("-version").output().is_err() {
        return skip_spark("there is no java");
    }
    let bin = std::env::var("ISNAD_SPARK_BINARY").unwrap_or_else(|_| env!("CARGO_BIN_EXE_isnad").to_string());
    let bin = std::fs::canonicalize(&bin).unwrap_or_else(|e| panic!("{bin}: {e}"));
    let mut inputs: Vec<String> = std::fs::read_dir(&corpus)
        .expect("the corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .map(|p| p.display().to_string())
        .collect();
    inputs.sort();
    let dir = tempfile::tempdir().expect("tempdir");
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/spark/pipe.py");
    let started = std::time::Instant::now();
    let spark = Command::new(&python)
        .arg(&script)
        .arg(&bin)
        .arg(dir.path().join("spark.jsonl"))
        .arg("6")
        .args(&inputs)
        .env_remove("ISNAD_DATA")
        .output()
        .expect("run python");
    let spark_wall = started.elapsed();
    assert!(
        spark.status.success(),
        "the Spark job failed:\n{}",
        stderr(&spark)
    );
    let started = std::time::Instant::now();
    let mut args = vec!["extract"];
    args.extend(inputs.iter().map(String::as_str));
    let single = Command::new(&bin)
        .args(&args)
        .env_remove("ISNAD_DATA")
        .output()
        .expect("run isnad");
    let single_wall = started.elapsed();
    assert!(single.status.success(), "{}", stderr(&single));
    let sorted = |bytes: &[u8]| {
        let mut l: Vec<String> = String::from_utf8_lossy(bytes)
            .lines()
            .map(str::to_string)
            .collect();
        l.sort();
        l
    };
    let from_spark = sorted(&std::fs::read(dir.path().join("spark.jsonl")).expect("the Spark output"));
    let from_one = sorted(&single.stdout);
    assert!(from_one.len() > 50_000, "{} claims", from_one.len());
    assert_eq!(from_spark.len(), from_one.len());
    assert!(from_spark == from_one, "Spark's claims differ from one run's");
    eprintln!(
        "{} | Spark (python, JVM start and job): {:.1} s; one `isnad extract`: {:.1} s; {} claims each",
        stderr(&spark).lines().last().unwrap_or(""),
        spark_wall.as_secs_f64(),
        single_wall.as_secs_f64(),
        from_one.len()
    );
}
