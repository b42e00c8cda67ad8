//! Command-line flags as plain values.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// isnad: a ledger of attributed claims from news reports about contested
/// violent events.
#[derive(Debug, Parser)]
#[command(name = "isnad", version, about, long_about = None)]
pub struct Args {
    /// A directory of data files (numbers.toml, counted.toml, calendar.toml,
    /// furniture.toml, sources.toml, attribution.toml, facets.toml,
    /// events.toml) that replace the built-in ones where present.
    #[arg(long, global = true, env = "ISNAD_DATA", value_name = "DIR")]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
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
}

/// Output formats of `isnad extract`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    /// One JSON object per line.
    Jsonl,
    /// A table for a terminal.
    Table,
}
