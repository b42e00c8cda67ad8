//! A claim: who says which number about what, and where the text says so.

use crate::names::named;
use crate::span::Span;
use crate::value::{Number, Qualifier, Value};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::sync::Arc;

/// A link of an attribution chain.
///
/// Serialised `{"id", "name", "kind"}`, in that order (as the store's
/// `chain` column and the ledger write it).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SourceRef {
    /// Stable id (the gazetteer's, or one made from the name).
    pub id: String,
    /// Name as the gazetteer or the text gives it.
    pub name: String,
    /// What kind of source it is.
    pub kind: SourceKind,
}

named! {
    /// What kind of source a chain link is.
    pub enum SourceKind ("source kind") {
        /// A news outlet or agency.
        Outlet = "outlet",
        /// A body that is neither a government nor an armed group (a monitor, an NGO).
        Organisation = "organisation",
        /// A government, ministry or official body.
        Government = "government",
        /// An armed group or force.
        ArmedGroup = "armed_group",
        /// A named person.
        Person = "person",
        /// An unnamed source (sources, residents, an official who declined to be named).
        Anonymous = "anonymous",
    }
}

named! {
    /// Whether the source asserts or denies the value.
    pub enum Stance ("stance") {
        /// Asserted.
        Asserted = "asserted",
        /// Denied.
        Denied = "denied",
    }
}

/// Where in a web archive (a WARC file, plain or gzipped) a document was
/// read from: the file as named when read, the record's `WARC-Record-ID` as
/// its header writes it, and the byte offset in the file where the record
/// starts (for a `.warc.gz`, the offset of the gzip member that holds the
/// record's first byte: decompressing from there gives the record).
///
/// Serialised `{"file", "offset", "record"}`, keys sorted as a claim's are.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WarcOrigin {
    /// The archive file, as named when it was read.
    pub file: String,
    /// The record's (or its gzip member's) byte offset in the file.
    pub offset: u64,
    /// The record's `WARC-Record-ID`.
    pub record: String,
}

/// A claim: the contract's claim object (`isnad extract`'s line, the
/// store's row, a claim file's record).
///
/// Its serde form is the contract's JSON, plus `band` when there is one:
/// `serde_json::to_string(&claim)` is the line `isnad extract` prints. The
/// fields are declared in the order the line has always written its keys
/// (sorted, as a JSON object prints), and a chain's links write theirs
/// sorted too (`id`, `kind`, `name`), so the line is the same whether it
/// is written straight from the claim or from `serde_json::to_value`.
///
/// A claim file read back fills what it leaves out as extraction would
/// leave it: no `lang`, `vague`, `subject`, `band` or `warc`, a `value` of `null`,
/// `anonymous` false. In the store, `doc` and `lang` are the document's
/// (kept once, with it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The innermost source is unnamed.
    #[serde(default)]
    pub anonymous: bool,
    /// The band `[lo, hi]` a vague value stands for (beyond the contract's
    /// claim, so that a claim file loaded back compares in the ledger as it
    /// did where it was extracted).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "band_out",
        deserialize_with = "band_in"
    )]
    pub band: Option<[f64; 2]>,
    /// The document's id.
    pub doc: String,
    /// The sentence's text.
    pub evidence: Arc<str>,
    /// The facet, or `other:<noun>`.
    pub facet: String,
    /// The document's language.
    #[serde(default)]
    pub lang: Option<String>,
    /// Where the quantity is in `evidence` (byte offsets into it), when
    /// that is not `span` less `sentence.start`: the sentence's text is
    /// not its original bytes before or in the quantity (an HTML entity or
    /// tag, an invalid byte read as U+FFFD). Left out otherwise; see
    /// [`Claim::mark_in_evidence`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark: Option<Span>,
    /// How it is hedged.
    pub qualifier: Qualifier,
    /// The sentence's span in the original bytes.
    pub sentence: Span,
    /// The chain, outermost first (shared by the claims that repeat it).
    #[serde(serialize_with = "chain_out")]
    pub source: Arc<[SourceRef]>,
    /// The quantity's span in the original bytes (with its hedge).
    pub span: Span,
    /// Asserted or denied.
    pub stance: Stance,
    /// The event it is about.
    #[serde(default)]
    pub subject: Option<String>,
    /// The gloss of a vague value.
    #[serde(default)]
    pub vague: Option<Arc<str>>,
    /// The value.
    #[serde(default)]
    pub value: Value,
    /// Where in a web archive its document was read from (left out for a
    /// document that was not).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warc: Option<WarcOrigin>,
}

impl Claim {
    /// Where the quantity is in `evidence`: its `mark`, else `span` less
    /// `sentence.start` (the sentence's text is its original bytes).
    pub fn mark_in_evidence(&self) -> Span {
        self.mark.unwrap_or(Span {
            start: self.span.start.saturating_sub(self.sentence.start),
            end: self.span.end.saturating_sub(self.sentence.start),
        })
    }
}

/// A chain as a claim writes it: each link's keys sorted.
fn chain_out<S: Serializer>(chain: &Arc<[SourceRef]>, s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(chain.iter().map(SortedLink))
}

/// A link with its keys sorted.
struct SortedLink<'a>(&'a SourceRef);

impl Serialize for SortedLink<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let SourceRef { id, name, kind } = self.0;
        let mut m = s.serialize_struct("SourceRef", 3)?;
        m.serialize_field("id", id)?;
        m.serialize_field("kind", kind)?;
        m.serialize_field("name", name)?;
        m.end()
    }
}

fn band_out<S: Serializer>(band: &Option<[f64; 2]>, s: S) -> Result<S::Ok, S::Error> {
    match band {
        Some([lo, hi]) => [Number(*lo), Number(*hi)].serialize(s),
        None => s.serialize_none(),
    }
}

fn band_in<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[f64; 2]>, D::Error> {
    Option::<[f64; 2]>::deserialize(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim() -> Claim {
        Claim {
            doc: "d1".into(),
            lang: Some("ar".into()),
            facet: "prisoners_escaped".into(),
            value: Value::None,
            vague: Some("hundreds".into()),
            band: Some([200.0, 999.0]),
            qualifier: Qualifier::Approx,
            stance: Stance::Asserted,
            source: vec![
                SourceRef {
                    id: "unknown".into(),
                    name: "unknown".into(),
                    kind: SourceKind::Outlet,
                },
                SourceRef {
                    id: "sdf".into(),
                    name: "SDF".into(),
                    kind: SourceKind::ArmedGroup,
                },
            ]
            .into(),
            anonymous: false,
            subject: None,
            mark: None,
            span: Span::new(3, 9),
            sentence: Span::new(0, 20),
            evidence: "e \"q\"".into(),
            warc: None,
        }
    }

    #[test]
    fn a_claim_is_the_contract_object() {
        let v = serde_json::to_value(claim()).unwrap();
        // Printed as a JSON object prints: keys sorted.
        assert_eq!(
            v.to_string(),
            r#"{"anonymous":false,"band":[200,999],"doc":"d1","evidence":"e \"q\"","facet":"prisoners_escaped","lang":"ar","qualifier":"approx","sentence":[0,20],"source":[{"id":"unknown","kind":"outlet","name":"unknown"},{"id":"sdf","kind":"armed_group","name":"SDF"}],"span":[3,9],"stance":"asserted","subject":null,"vague":"hundreds","value":null}"#
        );
        let mut c = claim();
        c.band = None;
        c.value = Value::Range(3.0, 4.5);
        let v = serde_json::to_value(&c).unwrap();
        assert!(v.get("band").is_none());
        assert!(v.get("warc").is_none(), "left out when absent");
        c.warc = Some(WarcOrigin {
            file: "a.warc".into(),
            offset: 7,
            record: "<urn:uuid:1>".into(),
        });
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(
            v["warc"].to_string(),
            r#"{"file":"a.warc","offset":7,"record":"<urn:uuid:1>"}"#
        );
        assert_eq!(v["value"].to_string(), "[3,4.5]");
    }

    #[test]
    fn the_line_is_written_straight_as_the_object_prints() {
        for c in [
            claim(),
            Claim {
                band: None,
                value: Value::Range(1.0, 2.5),
                ..claim()
            },
            Claim {
                warc: Some(WarcOrigin {
                    file: "a.warc".into(),
                    offset: 0,
                    record: "<urn:uuid:2>".into(),
                }),
                ..claim()
            },
        ] {
            let object = serde_json::to_value(&c).unwrap().to_string();
            assert_eq!(serde_json::to_string(&c).unwrap(), object);
        }
        // A link written sorted has every field the link has.
        let link = &claim().source[1];
        assert_eq!(
            serde_json::to_value(SortedLink(link)).unwrap(),
            serde_json::to_value(link).unwrap()
        );
    }

    #[test]
    fn a_claim_reads_back_as_it_was() {
        for c in [
            claim(),
            Claim {
                band: None,
                value: Value::Number(12.0),
                ..claim()
            },
            Claim {
                warc: Some(WarcOrigin {
                    file: "a.warc.gz".into(),
                    offset: 1234,
                    record: "<urn:uuid:1>".into(),
                }),
                ..claim()
            },
        ] {
            let line = serde_json::to_string(&c).unwrap();
            assert_eq!(serde_json::from_str::<Claim>(&line).unwrap(), c, "{line}");
        }
    }

    #[test]
    fn a_chain_link_keeps_its_stored_order() {
        let link = &claim().source[1];
        assert_eq!(
            serde_json::to_string(link).unwrap(),
            r#"{"id":"sdf","name":"SDF","kind":"armed_group"}"#
        );
    }

    #[test]
    fn what_is_left_out_reads_as_extraction_leaves_it() {
        let c: Claim = serde_json::from_str(
            r#"{"doc":"d","facet":"f","qualifier":"exact","stance":"denied","source":[],
                "span":[0,1],"sentence":[0,2],"evidence":"e"}"#,
        )
        .unwrap();
        assert_eq!(
            (c.value, c.lang, c.band, c.anonymous),
            (Value::None, None, None, false)
        );
        assert_eq!(c.stance, Stance::Denied);
    }

    #[test]
    fn an_unknown_word_is_an_error_naming_it() {
        for (field, word, what) in [
            ("qualifier", "roughly", "unknown qualifier `roughly`"),
            ("stance", "doubted", "unknown stance `doubted`"),
        ] {
            let mut v = serde_json::to_value(claim()).unwrap();
            v[field] = word.into();
            let err = serde_json::from_value::<Claim>(v).unwrap_err().to_string();
            assert!(err.contains(what), "{err}");
        }
        let mut v = serde_json::to_value(claim()).unwrap();
        v["source"][0]["kind"] = "militia".into();
        let err = serde_json::from_value::<Claim>(v).unwrap_err().to_string();
        assert!(err.contains("unknown source kind `militia`"), "{err}");
        for &k in SourceKind::ALL {
            assert_eq!(k.as_str().parse::<SourceKind>(), Ok(k));
        }
        for &s in Stance::ALL {
            assert_eq!(s.as_str().parse::<Stance>(), Ok(s));
        }
    }
}
