//! Facet labels: what people read instead of a facet's id, in English and
//! Arabic (`[[label]]` in `data/facets.toml`).
//!
//! In: the facets file and the schema's facet ids. Out: a label per facet.
//! Refuses a file where a facet of the schema has no label, a label is
//! empty in either language, or a facet is labelled twice.

use serde::Deserialize;

/// One facet's label.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FacetLabel {
    /// The facet's id.
    pub facet: String,
    /// In English.
    pub en: String,
    /// In Arabic.
    pub ar: String,
}

#[derive(Debug, Deserialize)]
struct File {
    #[serde(default)]
    label: Vec<FacetLabel>,
}

/// A facets file whose labels are wrong.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct LabelError(String);

/// The labels of every facet of the schema.
#[derive(Debug, Clone, Default)]
pub struct FacetLabels {
    labels: Vec<FacetLabel>,
}

impl FacetLabels {
    /// The labels of `facets_toml`, checked against the schema's facets.
    pub fn parse(facets_toml: &str, schema: &[&str]) -> Result<FacetLabels, LabelError> {
        let f: File = toml::from_str(facets_toml).map_err(|e| LabelError(e.message().to_string()))?;
        let mut seen = std::collections::HashSet::new();
        for l in &f.label {
            if l.en.trim().is_empty() || l.ar.trim().is_empty() {
                return Err(LabelError(format!(
                    "the label of {} needs an English and an Arabic text",
                    l.facet
                )));
            }
            if !seen.insert(l.facet.as_str()) {
                return Err(LabelError(format!("{} is labelled twice", l.facet)));
            }
        }
        if let Some(missing) = schema.iter().find(|s| !seen.contains(**s)) {
            return Err(LabelError(format!("facet {missing} has no [[label]]")));
        }
        Ok(FacetLabels { labels: f.label })
    }

    /// Every label, in file order.
    pub fn all(&self) -> &[FacetLabel] {
        &self.labels
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_labels_cover_the_schema_in_both_languages() {
        let lex = isnad_extract::claims::ClaimsLexicon::builtin();
        let l = FacetLabels::parse(isnad_extract::claims::DEFAULT_FACETS, &lex.facet_names());
        assert!(l.is_ok(), "{:?}", l.err());
        let l = l.unwrap_or_default();
        let killed = l.all().iter().find(|x| x.facet == "killed_attackers_or_isis");
        // Named by role, not after one event's parties.
        assert!(killed.is_some_and(|k| !k.en.contains("ISIS") && !k.ar.contains("داعش")));
    }

    #[test]
    fn a_bad_label_table_is_refused_with_the_reason() {
        let rows: &[(&str, &str)] = &[
            ("", "a has no [[label]]"),
            (
                "[[label]]\nfacet = \"a\"\nen = \"A\"\nar = \"\"\n",
                "an English and an Arabic",
            ),
            (
                "[[label]]\nfacet = \"a\"\nen = \"A\"\nar = \"ا\"\n[[label]]\nfacet = \"a\"\nen = \"A\"\nar = \"ا\"\n",
                "twice",
            ),
            (
                "[[label]]\nfacet = \"a\"\nen = \"A\"\nar = \"ا\"\nfr = \"A\"\n",
                "fr",
            ),
        ];
        for (i, (file, why)) in rows.iter().enumerate() {
            let e = FacetLabels::parse(file, &["a"]).err();
            assert!(
                e.as_ref().is_some_and(|e| e.to_string().contains(why)),
                "row {i}: {e:?}"
            );
        }
    }
}
