//! `isnad data dump|check`, `isnad completions`, `isnad man`: the commands
//! about isnad itself, which need no vocabulary loaded.

use crate::args::{Args, DataCommand};
use crate::vocab::{self, FILES};
use anyhow::{Result, bail};
use clap::CommandFactory;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(action: DataCommand) -> Result<ExitCode> {
    match action {
        DataCommand::Dump { dir, force } => {
            vocab::dump(&dir, force)?;
            eprintln!(
                "isnad: wrote the {} built-in vocabulary files into {}",
                FILES.len(),
                dir.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        DataCommand::Check { dir } => check(&dir),
    }
}

/// Every reason `dir` would be refused at load, one per line on stderr
/// (exit 1), or a summary on stdout (exit 0).
fn check(dir: &Path) -> Result<ExitCode> {
    if !dir.is_dir() {
        bail!("{}: the data directory does not exist", dir.display());
    }
    let names: Vec<&str> = FILES.iter().map(|(n, _)| *n).collect();
    let mut reasons: Vec<String> = vocab::strangers(dir)?
        .into_iter()
        .map(|p| {
            format!(
                "{}: not a vocabulary file (those are {})",
                p.display(),
                names.join(", ")
            )
        })
        .collect();
    let mut files = Vec::new();
    for (name, text) in FILES {
        match vocab::load(Some(dir), name, text) {
            Ok(l) => files.push(l),
            Err(e) => reasons.push(format!("{e:#}")),
        }
    }
    if files.len() == FILES.len()
        && let Err(e) = crate::data::build(&files, u64::MAX)
    {
        reasons.push(format!("{e:#}"));
    }
    if !reasons.is_empty() {
        for r in &reasons {
            eprintln!("isnad: {r}");
        }
        return Ok(ExitCode::from(1));
    }
    let mine = files.iter().filter(|f| f.user.is_some()).count();
    println!(
        "{}: {mine} of {} files checked, loaded as a run loads them: vocabulary {}",
        dir.display(),
        FILES.len(),
        vocab::hash(&files)
    );
    Ok(ExitCode::SUCCESS)
}

/// The completion script for `shell`, on stdout.
pub fn completions(shell: clap_complete::Shell) -> Result<ExitCode> {
    let mut cmd = Args::command();
    clap_complete::generate(shell, &mut cmd, "isnad", &mut std::io::stdout().lock());
    Ok(ExitCode::SUCCESS)
}

/// The manual page, on stdout.
pub fn man() -> Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Args::command()).render(&mut page)?;
    std::io::stdout().lock().write_all(&page)?;
    Ok(ExitCode::SUCCESS)
}
