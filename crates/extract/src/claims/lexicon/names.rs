//! The known sources by name alone: what search needs of the gazetteer.
//!
//! In: `sources.toml`. Out: a [`SourceNames`], every name and alias of
//! each source in one phrase table (a [`PhraseIndex`]: no clitic form is
//! made at load), which finds where a text names a known
//! source ([`SourceNames::source_spans`]) exactly as
//! [`super::ClaimsLexicon::source_spans`] does. Refuses a file that does
//! not parse; the rest of an entry (kind, side, hosts) is not read, so a
//! query or a search snippet does not pay for the whole claims vocabulary
//! (issue 24: start-up).

use super::read;
use crate::numbers::LexiconError;
use isnad_text::phrase::PhraseIndex;
use isnad_text::token::tokenize;
use isnad_text::{Normalized, Token};
use serde::Deserialize;
use std::ops::Range;

#[derive(Deserialize)]
struct File {
    source: Vec<Entry>,
}

#[derive(Deserialize)]
struct Entry {
    id: String,
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

/// Every name and alias of the known sources, with their ids.
#[derive(Debug, Clone)]
pub struct SourceNames {
    ids: Vec<String>,
    names: PhraseIndex<usize>,
}

impl SourceNames {
    /// The names of `sources_toml`'s sources.
    pub fn parse(sources_toml: &str) -> Result<SourceNames, LexiconError> {
        let f: File = read("sources.toml", sources_toml)?;
        let mut names = PhraseIndex::new();
        // As the claims vocabulary adds them: the aliases, then the name.
        for (i, s) in f.source.iter().enumerate() {
            for a in s.aliases.iter().chain(std::iter::once(&s.name)) {
                names.add(a, i);
            }
        }
        Ok(SourceNames {
            ids: f.source.into_iter().map(|s| s.id).collect(),
            names,
        })
    }

    /// The names of the shipped sources.
    pub fn builtin() -> SourceNames {
        match SourceNames::parse(super::DEFAULT_SOURCES) {
            Ok(n) => n,
            Err(e) => panic!("the built-in sources.toml does not load: {e}"),
        }
    }

    /// The ids of the known sources `text` names, by any alias, each once,
    /// in order of first mention.
    pub fn sources_named(&self, text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for (_, id) in self.source_spans(text) {
            if !out.contains(&id) {
                out.push(id);
            }
        }
        out
    }

    /// Every place `text` names a known source, by any alias: the byte
    /// range in `text` and the source's id, in order.
    pub fn source_spans(&self, text: &str) -> Vec<(Range<usize>, &str)> {
        let n = Normalized::new(text);
        let toks = tokenize(n.as_str());
        self.source_spans_of(text, &n, &toks)
    }

    /// As [`SourceNames::source_spans`], for a text already normalised
    /// (`n`, made from `text`) and tokenised (`toks`, of `n`'s key).
    pub fn source_spans_of(&self, text: &str, n: &Normalized, toks: &[Token]) -> Vec<(Range<usize>, &str)> {
        let k = n.as_str();
        let mut out = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // An acronym (IS) stands only where the text is in capitals.
            let found = self
                .names
                .at(k, toks, i)
                .filter(|f| !f.acronym || !text[n.to_input(toks[i].range())].chars().any(char::is_lowercase));
            match found {
                Some(f) => {
                    let Some(id) = self.ids.get(*f.value) else {
                        i += 1;
                        continue;
                    };
                    let r = toks[i].start as usize + f.prefix..toks[f.end - 1].end as usize;
                    out.push((n.to_input(r), id.as_str()));
                    i = f.end;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::ClaimsLexicon;

    #[test]
    fn names_alone_find_what_the_claims_vocabulary_finds() {
        let names = SourceNames::builtin();
        let lex = ClaimsLexicon::builtin();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        texts.push("قسد والمرصد السوري لحقوق الإنسان، SDF, IS and is, Reuters".to_string());
        assert!(texts.len() > 1);
        for t in &texts {
            assert_eq!(names.source_spans(t), lex.source_spans(t), "{t}");
            assert_eq!(names.sources_named(t), lex.sources_named(t));
        }
    }
}
