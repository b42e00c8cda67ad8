//! Evidence honesty: over pages with entities and tags and text with
//! invalid bytes, a claim's span lies inside its sentence inside the
//! document, its evidence is the document's text there, and the ledger's
//! marks (⟦ ⟧) fall exactly on the characters whose original bytes are the
//! claim's span. See: issue 23.
//!
//! The marks were placed at the span's offset in the original bytes: on a
//! page with `9&nbsp;آلاف مقاتل`, the entity (6 bytes read as 2) moved them
//! to `⟦9 آلاف مق⟧اتل`.

use isnad_extract::Extractor;
use isnad_ledger::render::excerpt_of;
use isnad_model::Claim;
use isnad_text::{Document, Reader};
use proptest::prelude::*;
use std::sync::OnceLock;

fn tools() -> &'static (Reader, Extractor) {
    static T: OnceLock<(Reader, Extractor)> = OnceLock::new();
    T.get_or_init(|| (Reader::builtin(), Extractor::builtin()))
}

#[path = "../fuzz/checks.rs"]
mod checks;

/// [`checks::claims`], and the ledger's excerpt marking exactly the
/// quantity's place in the evidence.
fn check(doc: &Document, claims: &[Claim]) -> Result<(), String> {
    checks::claims(doc, claims)?;
    for c in claims {
        let m = c.mark_in_evidence();
        let (ms, me) = (m.start as usize, m.end as usize);
        let shown = excerpt_of(&c.evidence, m, 1 << 20);
        let want = format!(
            "{}⟦{}⟧{}",
            &c.evidence[..ms],
            &c.evidence[ms..me],
            &c.evidence[me..]
        )
        .replace('\n', " ");
        if shown != want {
            return Err(format!("excerpt {shown:?}, want {want:?}"));
        }
    }
    Ok(())
}

/// Pieces a report is made of: sentences with numbers, entities, tags,
/// invalid bytes, Arabic.
const PIECES: &[&[u8]] = &[
    b"The SDF said 12 fighters escaped from the prison. ",
    b"Officials said 9&nbsp;000 people were displaced. ",
    b"The ministry said 40 people were killed. ",
    "قالت قوات سوريا الديمقراطية إن 9&nbsp;آلاف مقاتل شاركوا. ".as_bytes(),
    "وقال المرصد إن 180 شخصاً قتلوا. ".as_bytes(),
    b"&amp;",
    b"&nbsp;",
    b"&#49;&#50;",
    b"&quot;",
    b"&lt;b&gt;",
    b"<b>",
    b"</b>",
    b"<i>5</i>",
    b"<br>",
    b"\xff",
    b"\xc3",
    b"\xe2\x80",
    "é".as_bytes(),
    b" ",
    b"\n",
];

fn report() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(0..PIECES.len(), 1..24)
        .prop_map(|ix| ix.iter().flat_map(|&i| PIECES[i].to_vec()).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn marks_spans_and_evidence_hold_on_pages(body in report()) {
        let (reader, x) = tools();
        let mut page = b"<html><body><article><p>".to_vec();
        page.extend_from_slice(&body);
        page.extend_from_slice(b"</p></article></body></html>");
        let doc = reader.html("p", "p.html", page);
        let claims = x.extract(&doc);
        prop_assert_eq!(check(&doc, &claims), Ok(()));
    }

    #[test]
    fn marks_spans_and_evidence_hold_on_text(body in report()) {
        let (reader, x) = tools();
        let doc = reader.plain("t", "t.txt", body);
        let claims = x.extract(&doc);
        prop_assert_eq!(check(&doc, &claims), Ok(()));
    }
}

#[test]
fn an_entity_before_the_quantity_leaves_the_marks_on_it() {
    let (reader, x) = tools();
    let page = "<html><body><p>قال نوروز أحمد إن قوة قوامها 9&nbsp;آلاف مقاتل شاركت في استعادة السجن.</p></body></html>";
    let doc = reader.html("p", "p.html", page.as_bytes().to_vec());
    let claims = x.extract(&doc);
    assert!(!claims.is_empty());
    assert_eq!(check(&doc, &claims), Ok(()));
    let shown = excerpt_of(&claims[0].evidence, claims[0].mark_in_evidence(), 100);
    // (The entity is read as a space.)
    assert!(shown.contains("إن قوة قوامها ⟦9 آلاف⟧ مقاتل شاركت"), "{shown}");
}
