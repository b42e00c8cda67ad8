//! isnad as a Spark job: `scripts/spark_extract.py` run by `spark-submit`
//! with the master given on its command line (`--master local[2]`, as a
//! cluster's `--master yarn`), the input split into partitions, each piped
//! through `isnad extract -` and written as a part file by its executor,
//! gives the claims of one `isnad extract` over the same input.
//!
//! Needs Java and PySpark (`$ISNAD_PYTHON`, with `spark-submit` beside it;
//! `scripts/spark-env.sh` sets them up), and `../shared` for the corpus test:
//! skipped with a message where they are absent, unless
//! `$ISNAD_REQUIRE_SPARK` is 1 (as in `.ci/run`). The binary piped through
//! is `$ISNAD_SPARK_BINARY` when set (`.ci/run` gives the release build),
//! else the one cargo built for the tests.

mod common;

use common::*;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn skip_spark(why: &str) {
    skip(
        "ISNAD_REQUIRE_SPARK",
        &format!("the Spark test: {why} (run scripts/spark-env.sh)"),
    );
}

/// What a Spark job needs: `spark-submit` and the binary to ship; `None`
/// (after saying why) where Spark cannot run.
struct Spark {
    python: PathBuf,
    submit: PathBuf,
    bin: PathBuf,
}

fn spark() -> Option<Spark> {
    let Ok(python) = std::env::var("ISNAD_PYTHON") else {
        skip_spark("ISNAD_PYTHON is not set");
        return None;
    };
    let python = PathBuf::from(python);
    let submit = python.with_file_name("spark-submit");
    if !submit.exists() {
        skip_spark(&format!("there is no {}", submit.display()));
        return None;
    }
    if Command::new("java").arg("-version").output().is_err() {
        skip_spark("there is no java");
        return None;
    }
    let bin = std::env::var("ISNAD_SPARK_BINARY").unwrap_or_else(|_| env!("CARGO_BIN_EXE_isnad").to_string());
    let bin = std::fs::canonicalize(&bin).unwrap_or_else(|e| panic!("{bin}: {e}"));
    Some(Spark { python, submit, bin })
}

impl Spark {
    /// `spark-submit --master local[2] --files BIN scripts/spark_extract.py
    /// --partitions N OUT INPUT...`: the binary shipped as a cluster job
    /// ships it, found by name on the executors.
    fn run(&self, out: &Path, partitions: usize, inputs: &[String]) -> Output {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/spark_extract.py");
        let name = self.bin.file_name().expect("a file name");
        let out = Command::new(&self.submit)
            .args(["--master", "local[2]"])
            .args(["--conf", "spark.ui.enabled=false"])
            .args(["--conf", "spark.ui.showConsoleProgress=false"])
            .arg("--files")
            .arg(&self.bin)
            .arg(&script)
            .arg("--isnad")
            .arg(name)
            .args(["--partitions", &partitions.to_string()])
            .arg(out)
            .args(inputs)
            .env("PYSPARK_PYTHON", &self.python)
            .env("PYSPARK_DRIVER_PYTHON", &self.python)
            .env_remove("ISNAD_DATA")
            .output()
            .expect("run spark-submit");
        assert!(out.status.success(), "the Spark job failed:\n{}", stderr(&out));
        out
    }

    /// One `isnad extract` over the inputs: its claims, sorted.
    fn one_run(&self, inputs: &[String]) -> Vec<String> {
        let mut args = vec!["extract"];
        args.extend(inputs.iter().map(String::as_str));
        let single = Command::new(&self.bin)
            .args(&args)
            .env_remove("ISNAD_DATA")
            .output()
            .expect("run isnad");
        assert!(single.status.success(), "{}", stderr(&single));
        sorted(&stdout(&single))
    }
}

fn sorted(text: &str) -> Vec<String> {
    let mut l: Vec<String> = text.lines().map(str::to_string).collect();
    l.sort();
    l
}

/// The job's line, the master and the partitions: the driver writes it on
/// stderr, which `spark-submit` passes on to its stdout.
fn job_line(out: &Output) -> String {
    let both = format!("{}{}", stdout(out), stderr(out));
    both.lines()
        .find(|l| l.starts_with("spark_extract: "))
        .unwrap_or_else(|| panic!("no spark_extract line:\n{both}"))
        .to_string()
}

/// The part files of an output folder, by name.
fn parts(dir: &Path) -> Vec<PathBuf> {
    let mut p: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the output folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("part-"))
        })
        .collect();
    p.sort();
    p
}

#[test]
fn spark_job_uses_the_submitted_master_writes_a_part_per_partition_and_keeps_claims_without_ids() {
    let Some(spark) = spark() else {
        return;
    };
    let dir = tempfile::tempdir().expect("tempdir");
    // Records without `id`, one claim each, enough bytes for three splits.
    let mut input = String::new();
    for i in 0..300 {
        let text = format!(
            "BAGHDAD (Reuters) - Police said {} people were killed in the blast in block {i}.\n",
            i + 3
        );
        input.push_str(&serde_json::json!({ "text": text }).to_string());
        input.push('\n');
    }
    let inputs = vec![
        write(dir.path(), "records.jsonl", input.as_bytes())
            .display()
            .to_string(),
    ];
    let out = dir.path().join("claims");
    let job = spark.run(&out, 3, &inputs);
    let line = job_line(&job);
    assert!(line.contains("master local[2],"), "{line}");
    assert!(line.contains(", 3 partitions,"), "{line}");
    let parts = parts(&out);
    assert_eq!(parts.len(), 3, "{parts:?}");
    let mut claims = String::new();
    for p in &parts {
        let text = std::fs::read_to_string(p).expect("a part file");
        assert!(!text.is_empty(), "{} is empty", p.display());
        claims.push_str(&text);
    }
    let from_spark = sorted(&claims);
    let from_one = spark.one_run(&inputs);
    assert!(from_one.len() >= 300, "{} claims", from_one.len());
    assert_eq!(from_spark.len(), from_one.len());
    assert!(from_spark == from_one, "Spark's claims differ from one run's");
    let docs: std::collections::HashSet<String> = from_spark
        .iter()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{l}: {e}"));
            v["doc"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    assert_eq!(docs.len(), 300, "each record its own id whatever its partition");
}

#[test]
fn spark_job_over_the_corpus_gives_the_claims_of_one_run() {
    let Some(corpus) = shared("corpora/arabic-news") else {
        return;
    };
    let Some(spark) = spark() else {
        return;
    };
    let mut inputs: Vec<String> = std::fs::read_dir(&corpus)
        .expect("the corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .map(|p| p.display().to_string())
        .collect();
    inputs.sort();
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("claims");
    let started = std::time::Instant::now();
    let job = spark.run(&out, 6, &inputs);
    let spark_wall = started.elapsed();
    let mut claims = String::new();
    for p in parts(&out) {
        claims.push_str(&std::fs::read_to_string(&p).expect("a part file"));
    }
    let from_spark = sorted(&claims);
    let started = std::time::Instant::now();
    let from_one = spark.one_run(&inputs);
    let single_wall = started.elapsed();
    // The whole corpus, not a part of it: some 23,000 claims since counts
    // of nothing in sentences naming no event stopped being claims.
    assert!(from_one.len() > 20_000, "{} claims", from_one.len());
    assert_eq!(from_spark.len(), from_one.len());
    assert!(from_spark == from_one, "Spark's claims differ from one run's");
    eprintln!(
        "{} | spark-submit (JVM start and job): {:.1} s; one `isnad extract`: {:.1} s; {} claims each",
        job_line(&job),
        spark_wall.as_secs_f64(),
        single_wall.as_secs_f64(),
        from_one.len()
    );
}
