//! Short reports written for isnad's tests, in the styles of an agency wire
//! (a dateline credit), a monitor bulletin (a breakdown, a headline "Source:
//! …"), local news sites (unnamed sources, a figure disputed by another side,
//! an "Outlet – Place" dateline, a correspondent) and an Iraqi news page in
//! HTML about another prison attack (a "Place/ Outlet-" dateline, a denial),
//! carrying figures of such coverage in our own words; and three English
//! reports of invented places (a local paper: a force's own dead, an
//! acronym, a described monitor, an age, a population and a year that are
//! no claims; a wire: hostages freed, "the group", a citation, a possessive
//! toll, a zero; an agency story of a battle: sides by noun, durations).
//! `reports/expected.jsonl` lists every claim a careful reader finds in them:
//! the test fails on a claim missed and on a schema claim not listed.

use isnad_extract::{Extractor, Value};
use isnad_text::Reader;
use serde_json::Value as J;
use std::path::PathBuf;

fn value_matches(want: &J, c: &isnad_extract::Claim) -> bool {
    match (&want["value"], &c.value) {
        (J::Number(n), Value::Number(x)) => n.as_f64() == Some(*x),
        (J::Array(a), Value::Range(lo, hi)) => a[0].as_f64() == Some(*lo) && a[1].as_f64() == Some(*hi),
        (J::Null, Value::None) => want["vague"].as_str() == c.vague.as_deref(),
        _ => false,
    }
}

#[test]
fn the_reports_give_exactly_the_expected_claims() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/reports");
    let expected: Vec<J> = std::fs::read_to_string(dir.join("expected.jsonl"))
        .expect("expected.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    let reader = Reader::builtin();
    let x = Extractor::builtin();
    let mut problems = Vec::new();
    for name in ["wire", "bulletin", "local", "en_local", "en_wire", "en_battle"] {
        let mut docs = Vec::new();
        reader.read_path(&dir.join(format!("{name}.txt")), &mut |d| {
            docs.push(d.expect("reads"))
        });
        let doc = &docs[0];
        let mut claims: Vec<_> = x
            .extract(doc)
            .into_iter()
            .filter(|c| !c.facet.starts_with("other:"))
            .collect();
        for w in expected.iter().filter(|w| w["doc"] == name) {
            let pos = claims.iter().position(|c| {
                c.facet == w["facet"].as_str().unwrap_or("")
                    && value_matches(w, c)
                    && c.qualifier.as_str() == w["qualifier"].as_str().unwrap_or("")
                    && c.anonymous == w["anonymous"].as_bool().unwrap_or(false)
                    && w["stance"].as_str().is_none_or(|s| s == c.stance.as_str())
                    && (c.anonymous || c.source.last().map(|s| s.name.as_str()) == w["innermost"].as_str())
            });
            match pos {
                Some(i) => {
                    claims.remove(i);
                }
                None => problems.push(format!("missed in {name}: {w}")),
            }
        }
        for c in claims {
            problems.push(format!(
                "not expected in {name}: {} {:?} {:?}",
                c.facet, c.value, c.vague
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
