//! Command-line flags as plain values.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// isnad: a ledger of attributed claims from news reports about contested
/// violent events.
#[derive(Debug, Parser)]
#[command(name = "isnad", version, about, long_about = None)]
#[command(subcommand_required = true, arg_required_else_help = true)]
pub struct Args {
    /// A directory of data files (numbers.toml, counted.toml, calendar.toml,
    /// furniture.toml, sources.toml, attribution.toml, facets.toml,
    /// events.toml, places.toml, kinds.toml) that extend the built-in ones
    /// entry by entry (`replace = true` at the top of a file replaces the
    /// built-in one whole; `remove = true` in an entry drops it).
    #[arg(long, global = true, env = "ISNAD_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// The largest document read (a text or HTML file, a JSONL record,
    /// stdin): a larger one is refused, named on stderr, and the batch goes
    /// on. Bytes, or with a suffix K, M or G (powers of 1000).
    #[arg(
        long,
        global = true,
        env = "ISNAD_MAX_DOCUMENT_SIZE",
        value_name = "SIZE",
        default_value = "50M",
        value_parser = size
    )]
    pub max_document_size: u64,

    /// Colour in the text outputs (the highlights of `search`): auto (on a
    /// terminal, unless NO_COLOR is set), always or never.
    #[arg(long, global = true, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

/// When to colour.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set to a non-empty value.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

impl ColorWhen {
    /// Whether to colour an output that is (or is not) a terminal, with
    /// `no_color` the value of NO_COLOR.
    pub fn colors(self, terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

/// A thread count: 1 or more.
fn jobs(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("0 threads do no work: give 1 or more (or leave -j out for every core)".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(format!("{s}: {e}")),
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Recognise numbers. Without paths: one JSON array per line of stdin
    /// (the contract). With paths: one JSON object per number in each
    /// document (text, HTML or JSONL), spans into the original bytes, page
    /// furniture skipped.
    Numbers {
        /// Documents to read; none to read lines from stdin.
        paths: Vec<PathBuf>,
        /// With paths: also report numbers inside page furniture.
        #[arg(long)]
        all: bool,
    },
    /// Extract the attributed claims of documents (text, HTML, JSONL; `-`
    /// for stdin): one JSON object per claim (the contract's shape), or a
    /// readable table.
    Extract {
        /// Documents or folders to read; `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "jsonl")]
        format: ExtractFormat,
        /// Also print `other:*` claims (quantities that fit no facet).
        #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
        other: bool,
        /// Write to this file instead of stdout (required for parquet).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Extraction threads (default: every core); the output's order is
        /// the input's whatever the number.
        #[arg(long, short = 'j', value_name = "N", value_parser = jobs)]
        jobs: Option<usize>,
    },
    /// Read documents and print what isnad sees in each: metadata, page
    /// furniture, warnings, sentences (one JSON object per document).
    Read {
        /// Documents to read (text, HTML, JSONL); `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Also print the main text.
        #[arg(long)]
        text: bool,
    },
    /// Add documents (text, HTML, JSONL; files, folders, `-` for stdin) and
    /// their claims to the store. A document already stored (same bytes) is
    /// skipped; a bad one is reported and the rest go on.
    Ingest {
        /// Documents or folders to read; `-` for stdin.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        store: StoreArgs,
        /// Extraction threads (default: every core).
        #[arg(long, short = 'j', value_name = "N", value_parser = jobs)]
        jobs: Option<usize>,
        /// No progress bar, even on a terminal.
        #[arg(long, short = 'q')]
        quiet: bool,
        /// Claims extracted elsewhere (`isnad extract` JSONL or Parquet, say
        /// from a Spark job) to store with the documents instead of
        /// extracting again; repeatable. A claim must fit its document's
        /// text; a document with none in the files gets none.
        #[arg(long, value_name = "FILE")]
        claims: Vec<PathBuf>,
    },
    /// Extract the claims of every stored document again with the current
    /// vocabulary (`--data DIR` honoured), in place: each document's
    /// claims, number mentions and event target are replaced; its bytes,
    /// metadata and search terms stay. Running it twice changes nothing
    /// more.
    Reextract {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// The runs that wrote the store (ingests, re-extractions), oldest
    /// first: one JSON object a line with the command, when it started and
    /// finished, its counts and the hash of the vocabulary it extracted
    /// with (`isnad --version` prints the current one).
    Runs {
        #[command(flatten)]
        store: StoreArgs,
    },
    /// The cross-source ledger: per event and facet, every value claimed,
    /// by which chains, in which reports, and how the values relate.
    Ledger {
        #[command(flatten)]
        store: StoreArgs,
        /// Only this event.
        #[arg(long, value_name = "ID")]
        event: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "table")]
        format: LedgerFormat,
        /// Write to this file instead of stdout.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Also show `other:*` facets (quantities that fit no facet).
        #[arg(long)]
        other: bool,
        /// Write the per-event, per-facet summary (low, best, high,
        /// conservative, values, origins, reports, contested, totals that do
        /// not reconcile) instead of every claim; `--format csv`, `json` or
        /// `parquet`.
        #[arg(long)]
        summary: bool,
        /// Write who disputes whom, one row per pair of values that cannot
        /// both be true (each side's value, stance, origins and names),
        /// instead of every claim; `--format csv`, `json` or `parquet`.
        #[arg(long, conflicts_with = "summary")]
        disputes: bool,
        /// Start CSV with a UTF-8 byte order mark, for spreadsheets that
        /// otherwise read Arabic as another encoding.
        #[arg(long)]
        bom: bool,
    },
    /// Time the whole pipeline (reading, extraction, storing into a
    /// throw-away store) over a corpus and print MB/s and documents/s per
    /// stage, per core and in total.
    Bench {
        /// Documents or folders to read.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Extraction threads (default: every core).
        #[arg(long, short = 'j', value_name = "N", value_parser = jobs)]
        jobs: Option<usize>,
        /// Time reading and extraction only.
        #[arg(long)]
        no_store: bool,
    },
    /// The web page and the JSON API over the store (described at
    /// /api/openapi.json).
    Serve {
        #[command(flatten)]
        store: StoreArgs,
        /// Address to listen on.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Accept uploads of documents to ingest (POST /api/documents), with
        /// the token printed at start-up.
        #[arg(long)]
        allow_ingest: bool,
        /// The upload token (default: a random one; with --allow-ingest).
        #[arg(long, env = "ISNAD_TOKEN", value_name = "TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// A host name to answer for besides the bound address, localhost,
        /// 127.0.0.1 and [::1] (repeatable): requests naming another host
        /// are refused, so a page of another site cannot reach the API
        /// through a rebound DNS name.
        #[arg(long, value_name = "NAME")]
        allow_host: Vec<String>,
        /// Seconds a request's head may take (also how long an idle
        /// connection is kept).
        #[arg(long, value_name = "SECONDS", default_value_t = 10.0)]
        header_timeout: f64,
        /// Seconds a request's body may take.
        #[arg(long, value_name = "SECONDS", default_value_t = 30.0)]
        body_timeout: f64,
    },
    /// Full-text search over the stored documents, Arabic-aware: السجين
    /// finds السجناء and للسجناء, and a name finds its aliases (قسد, SDF).
    Search {
        /// Words to find (all of them).
        #[arg(required = true)]
        query: Vec<String>,
        #[command(flatten)]
        store: StoreArgs,
        /// How many results.
        #[arg(long, short = 'n', default_value_t = 10)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: SearchFormat,
    },
    /// The vocabulary files: write the built-in ones, or check a folder of
    /// them as loading would.
    Data {
        #[command(subcommand)]
        action: DataCommand,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish,
    /// powershell) on stdout.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) on stdout: `isnad man > isnad.1`.
    Man,
}

/// `isnad data …`.
#[derive(Debug, Subcommand)]
pub enum DataCommand {
    /// Write the built-in vocabulary files into DIR (created if missing).
    Dump {
        /// Where to write them.
        dir: PathBuf,
        /// Overwrite files already there.
        #[arg(long)]
        force: bool,
    },
    /// Check a folder of vocabulary files with the checks loading applies
    /// (syntax, unknown keys and kinds, duplicate ids, what the rules
    /// need), merged with the built-in ones as a run would: exit 0 when it
    /// loads, 1 with the reasons.
    Check {
        /// The folder.
        dir: PathBuf,
    },
}

/// A size in bytes: digits, with an optional suffix K, M or G (powers of
/// 1000).
fn size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let (digits, unit) = match t.char_indices().last() {
        Some((i, c)) if c.is_ascii_alphabetic() => (&t[..i], c.to_ascii_uppercase()),
        _ => (t, 'B'),
    };
    let factor: u64 = match unit {
        'B' => 1,
        'K' => 1000,
        'M' => 1000 * 1000,
        'G' => 1000 * 1000 * 1000,
        _ => return Err(format!("{s}: a size is digits with K, M or G after them")),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("{s}: a size is digits with K, M or G after them"))
}

/// Where the store is.
#[derive(Debug, Clone, clap::Args)]
pub struct StoreArgs {
    /// The store: an SQLite file, created when missing, or a PostgreSQL
    /// database's URL (postgres://user@host:port/database).
    #[arg(
        long,
        env = "ISNAD_DB",
        value_name = "FILE|URL",
        default_value = "isnad.db",
        hide_env_values = true
    )]
    pub db: String,
    /// A file naming, merging and splitting events (default: events.toml
    /// beside the store, when there is one).
    #[arg(long, value_name = "FILE")]
    pub events: Option<PathBuf>,
}

/// Output formats of `isnad ledger`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum LedgerFormat {
    /// A table for a terminal.
    Table,
    /// One JSON document.
    Json,
    /// One row per value per chain per document.
    Csv,
    /// Markdown.
    Md,
    /// An Apache Parquet file (needs --out).
    Parquet,
}

/// Output formats of `isnad search`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum SearchFormat {
    /// Ranked results with snippets.
    Text,
    /// One JSON object per result.
    Jsonl,
}

/// Output formats of `isnad extract`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per line.
    Jsonl,
    /// A table for a terminal.
    Table,
    /// An Apache Parquet file (needs --out).
    Parquet,
}

#[cfg(test)]
mod tests {
    use super::size;

    #[test]
    fn a_thread_count_is_one_or_more() {
        // (flag value, threads or None for refused)
        let rows: &[(&str, Option<usize>)] = &[
            ("1", Some(1)),
            ("16", Some(16)),
            ("0", None),
            ("-1", None),
            ("x", None),
        ];
        for (text, want) in rows {
            assert_eq!(super::jobs(text).ok(), *want, "{text}");
        }
    }

    #[test]
    fn colour_follows_the_flag_the_terminal_and_no_color() {
        use super::ColorWhen::*;
        use std::ffi::OsStr;
        // (flag, on a terminal, NO_COLOR, coloured)
        let rows: &[(super::ColorWhen, bool, Option<&str>, bool)] = &[
            (Auto, true, None, true),
            (Auto, false, None, false),
            (Auto, true, Some("1"), false),
            (Auto, true, Some(""), true),
            (Always, false, Some("1"), true),
            (Never, true, None, false),
        ];
        for (when, tty, no_color, want) in rows {
            assert_eq!(
                when.colors(*tty, no_color.map(OsStr::new)),
                *want,
                "{when:?} {tty} {no_color:?}"
            );
        }
    }

    #[test]
    fn a_size_takes_a_decimal_suffix() {
        // (flag value, bytes or None for refused)
        let rows: &[(&str, Option<u64>)] = &[
            ("0", Some(0)),
            ("1234", Some(1234)),
            ("10K", Some(10_000)),
            ("50M", Some(50_000_000)),
            ("2g", Some(2_000_000_000)),
            ("", None),
            ("M", None),
            ("5T", None),
            ("-1", None),
            ("99999999999999999999G", None),
        ];
        for (text, want) in rows {
            assert_eq!(size(text).ok(), *want, "{text}");
        }
    }
}
