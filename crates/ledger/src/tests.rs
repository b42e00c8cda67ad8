use super::*;
use isnad_store::{ClaimRow, DocFields};

fn link(id: &str, kind: &str) -> Link {
    Link {
        id: id.into(),
        name: id.to_uppercase(),
        kind: kind.into(),
    }
}

struct R {
    doc: i64,
    published: &'static str,
    facet: &'static str,
    value: Option<(f64, f64)>,
    vague: Option<(&'static str, f64, f64)>,
    qualifier: &'static str,
    stance: &'static str,
    chain: &'static [(&'static str, &'static str)],
    subject: Option<&'static str>,
    target: Option<&'static str>,
}

const BASE: R = R {
    doc: 1,
    published: "2022-01-21",
    facet: "prisoners_escaped",
    value: None,
    vague: None,
    qualifier: "exact",
    stance: "asserted",
    chain: &[("wire", "outlet")],
    subject: Some("e"),
    target: None,
};

/// A claim of `x` in document `doc`, otherwise as BASE.
fn at(doc: i64, x: f64) -> R {
    R {
        doc,
        value: Some((x, x)),
        ..BASE
    }
}

fn rows(list: &[R]) -> Vec<LedgerRow> {
    list.iter()
        .enumerate()
        .map(|(i, r)| LedgerRow {
            id: i as i64 + 1,
            document: r.doc,
            doc: std::sync::Arc::new(DocFields {
                doc: format!("d{}", r.doc),
                published: Some(r.published.into()),
                target: r.target.map(String::from),
                ..DocFields::default()
            }),
            claim: ClaimRow {
                facet: r.facet.into(),
                value: r.value,
                vague: r.vague.map(|v| v.0.into()),
                band: r.vague.map(|v| (v.1, v.2)),
                qualifier: r.qualifier.into(),
                stance: r.stance.into(),
                chain: r.chain.iter().map(|(id, k)| link(id, k)).collect(),
                anonymous: r.chain.last().is_some_and(|l| l.1 == "anonymous"),
                subject: r.subject.map(String::from),
                span: (0, 2),
                sentence: (0, 10),
                evidence: "12 ...".into(),
            },
        })
        .collect()
}

fn opts() -> Options {
    Options {
        cumulative: vec!["killed_total".into()],
        ..Options::default()
    }
}

fn relations(f: &Facet) -> Vec<(String, &'static str)> {
    f.values
        .iter()
        .map(|v| (v.label.clone(), v.relation.as_str()))
        .collect()
}

#[test]
fn values_relate_by_what_they_allow() {
    // (claims, expected relations by label)
    type Case = (Vec<R>, Vec<(&'static str, &'static str)>);
    let cases: Vec<Case> = vec![
        (vec![at(1, 12.0)], vec![("12", "only")]),
        (
            vec![at(1, 12.0), at(2, 200.0)],
            vec![("12", "contradicts"), ("200", "contradicts")],
        ),
        (
            vec![
                R {
                    qualifier: "approx",
                    ..at(1, 200.0)
                },
                at(2, 220.0),
            ],
            vec![("200", "agrees"), ("220", "agrees")],
        ),
        (
            vec![
                R {
                    vague: Some(("hundreds", 200.0, 999.0)),
                    ..BASE
                },
                R {
                    doc: 2,
                    value: Some((300.0, 400.0)),
                    ..BASE
                },
            ],
            vec![("hundreds", "agrees"), ("300-400", "agrees")],
        ),
        (
            vec![
                R {
                    qualifier: "more_than",
                    ..at(1, 180.0)
                },
                at(2, 500.0),
            ],
            vec![("180", "agrees"), ("500", "agrees")],
        ),
        (
            vec![
                at(1, 12.0),
                R {
                    doc: 2,
                    vague: Some(("hundreds", 200.0, 999.0)),
                    stance: "denied",
                    ..BASE
                },
            ],
            vec![("12", "agrees"), ("hundreds", "contradicts")],
        ),
    ];
    for (claims, want) in cases {
        let l = build(&rows(&claims), &opts());
        let got = relations(&l.events[0].facets[0]);
        let want: Vec<(String, &str)> = want.into_iter().map(|(a, b)| (a.to_string(), b)).collect();
        assert_eq!(got, want);
    }
}

#[test]
fn a_later_larger_toll_differs_in_scope() {
    let l = build(
        &rows(&[
            R {
                facet: "killed_total",
                value: Some((41.0, 41.0)),
                ..BASE
            },
            R {
                doc: 2,
                published: "2022-02-01",
                facet: "killed_total",
                value: Some((500.0, 500.0)),
                ..BASE
            },
        ]),
        &opts(),
    );
    let f = &l.events[0].facets[0];
    assert_eq!(
        relations(f),
        [
            ("41".to_string(), "different_scope"),
            ("500".to_string(), "different_scope")
        ]
    );
    assert!(!f.summary.contested);
}

#[test]
fn two_outlets_quoting_one_origin_are_one_origin() {
    let l = build(
        &rows(&[
            R {
                chain: &[("wire", "outlet"), ("sohr", "organisation")],
                ..at(1, 22.0)
            },
            R {
                chain: &[("paper", "outlet"), ("sohr", "organisation")],
                ..at(2, 22.0)
            },
            R {
                chain: &[("paper", "outlet"), ("activists", "anonymous")],
                ..at(3, 22.0)
            },
            R {
                chain: &[("wire", "outlet"), ("activists", "anonymous")],
                ..at(4, 22.0)
            },
        ]),
        &opts(),
    );
    let v = &l.events[0].facets[0].values[0];
    assert_eq!(v.reports, 4);
    assert_eq!(v.origins, ["sohr", "paper/activists", "wire/activists"]);
}

#[test]
fn the_summary_takes_low_high_best_and_the_conservative_figure() {
    let l = build(
        &rows(&[
            R {
                qualifier: "approx",
                chain: &[("a", "outlet")],
                ..at(1, 20.0)
            },
            R {
                chain: &[("b", "outlet")],
                ..at(2, 22.0)
            },
            R {
                doc: 3,
                value: Some((300.0, 400.0)),
                chain: &[("c", "outlet")],
                ..BASE
            },
            R {
                qualifier: "up_to",
                chain: &[("d", "outlet")],
                ..at(4, 5.0)
            },
            R {
                doc: 5,
                vague: Some(("significant numbers", 50.0, 1000.0)),
                chain: &[("e", "outlet")],
                ..BASE
            },
        ]),
        &opts(),
    );
    let s = &l.events[0].facets[0].summary;
    assert_eq!((s.low, s.high), (Some(5.0), Some(400.0)));
    assert_eq!(s.best, Some(20.0));
    assert_eq!(s.conservative, Some(20.0));
    assert_eq!((s.values, s.origins, s.reports), (5, 5, 5));
    assert!(s.contested);
}

#[test]
fn claims_without_a_known_event_group_by_target_and_date() {
    let no = None;
    let l = build(
        &rows(&[
            R {
                subject: no,
                target: Some("kuje"),
                value: Some((800.0, 800.0)),
                ..BASE
            },
            R {
                doc: 2,
                published: "2022-01-30",
                subject: no,
                target: Some("kuje"),
                value: Some((600.0, 600.0)),
                ..BASE
            },
            R {
                doc: 3,
                published: "2023-06-01",
                subject: no,
                target: Some("kuje"),
                value: Some((5.0, 5.0)),
                ..BASE
            },
            R {
                doc: 4,
                subject: no,
                value: Some((7.0, 7.0)),
                ..BASE
            },
            at(5, 9.0),
        ]),
        &opts(),
    );
    let mut ids: Vec<(&str, usize)> = l.events.iter().map(|e| (e.id.as_str(), e.reports)).collect();
    ids.sort();
    assert_eq!(
        ids,
        [
            ("auto:kuje:2022-01-21", 2),
            ("auto:kuje:2023-06-01", 1),
            ("doc:d4", 1),
            ("e", 1)
        ]
    );
}

#[test]
fn a_users_file_names_merges_and_splits_events() {
    let file = EventFile::parse(
        "[[event]]\nid = \"kuje_2022\"\nname = \"Kuje\"\nmerge = [\"auto:kuje:2022-01-21\", \"e\"]\n\
         [[event]]\nid = \"other\"\ndocuments = [\"d4\"]\n",
    )
    .expect("a good file");
    let no = None;
    let l = build(
        &rows(&[
            R {
                subject: no,
                target: Some("kuje"),
                value: Some((800.0, 800.0)),
                ..BASE
            },
            R {
                doc: 4,
                subject: no,
                target: Some("kuje"),
                value: Some((7.0, 7.0)),
                ..BASE
            },
            at(5, 9.0),
        ]),
        &Options {
            events: file,
            ..opts()
        },
    );
    let mut ids: Vec<(&str, &str, usize)> = l
        .events
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str(), e.reports))
        .collect();
    ids.sort();
    assert_eq!(ids, [("kuje_2022", "Kuje", 2), ("other", "other", 1)]);
}

#[test]
fn csv_has_the_contract_columns_and_one_row_per_chain_and_document() {
    let l = build(
        &rows(&[
            R {
                chain: &[("wire", "outlet"), ("naba", "outlet")],
                ..at(1, 12.0)
            },
            R {
                chain: &[("wire", "outlet"), ("naba", "outlet")],
                ..at(1, 12.0)
            },
            R {
                doc: 2,
                vague: Some(("hundreds", 200.0, 999.0)),
                ..BASE
            },
        ]),
        &opts(),
    );
    let rows = render::csv_rows(&l);
    assert_eq!(rows.len(), 3);
    let col = |name: &str| CSV_COLUMNS.iter().position(|c| *c == name).expect("a column");
    assert_eq!(rows[1][col("value")], "12");
    assert_eq!(rows[1][col("chain")], "WIRE > NABA");
    assert_eq!(rows[1][col("origin")], "naba");
    assert_eq!(rows[1][col("relation")], "contradicts");
    assert_eq!(rows[2][col("value")], "");
    assert_eq!(rows[2][col("vague")], "hundreds");
    let text = render::csv(&l);
    assert!(text.starts_with("event,facet,value,vague,qualifier,stance,chain,origin,doc,published,relation"));
}

const CSV_COLUMNS: &[&str] = render::CSV_HEADER;

#[test]
fn the_excerpt_marks_the_quantity_inside_its_sentence() {
    let ev = "قالت المصادر إن 12 مسلحا هاجموا السجن";
    let s = ev.find("12").expect("12") as u32;
    let c = Cited {
        claim: 1,
        document: 1,
        doc: "d".into(),
        published: None,
        lang: None,
        chain: vec![].into(),
        origin: "o".into(),
        qualifier: "exact".into(),
        anonymous: false,
        span: (100 + s, 100 + s + 2),
        sentence: (100, 100 + ev.len() as u32),
        evidence: ev.into(),
    };
    assert_eq!(render::excerpt(&c, 5), "…ر إن ⟦12⟧ مسلح…");
}
