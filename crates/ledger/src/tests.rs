use super::*;
use isnad_model::{Claim, Value};
use isnad_store::DocFields;

fn link(id: &str, kind: SourceKind) -> SourceRef {
    SourceRef {
        id: id.into(),
        name: id.to_uppercase(),
        kind,
    }
}

struct R {
    doc: i64,
    evidence: &'static str,
    published: &'static str,
    facet: &'static str,
    value: Value,
    vague: Option<(&'static str, f64, f64)>,
    qualifier: Qualifier,
    stance: Stance,
    chain: &'static [(&'static str, SourceKind)],
    subject: Option<&'static str>,
    target: Option<&'static str>,
}

const BASE: R = R {
    doc: 1,
    evidence: "12 ...",
    published: "2022-01-21",
    facet: "prisoners_escaped",
    value: Value::None,
    vague: None,
    qualifier: Qualifier::Exact,
    stance: Stance::Asserted,
    chain: &[("wire", SourceKind::Outlet)],
    subject: Some("e"),
    target: None,
};

/// A claim of `x` in document `doc`, otherwise as BASE.
fn at(doc: i64, x: f64) -> R {
    R {
        doc,
        value: Value::Number(x),
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
            claim: Claim {
                doc: format!("d{}", r.doc),
                lang: None,
                facet: r.facet.into(),
                value: r.value,
                vague: r.vague.map(|v| v.0.into()),
                band: r.vague.map(|v| [v.1, v.2]),
                qualifier: r.qualifier,
                stance: r.stance,
                source: r.chain.iter().map(|&(id, k)| link(id, k)).collect(),
                anonymous: r.chain.last().is_some_and(|l| l.1 == SourceKind::Anonymous),
                subject: r.subject.map(String::from),
                mark: None,
                span: Span::new(0, 2),
                sentence: Span::new(i * 100, i * 100 + 10),
                evidence: r.evidence.into(),
                warc: None,
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
                    qualifier: Qualifier::Approx,
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
                    value: Value::Range(300.0, 400.0),
                    ..BASE
                },
            ],
            vec![("hundreds", "agrees"), ("300-400", "agrees")],
        ),
        (
            vec![
                R {
                    qualifier: Qualifier::MoreThan,
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
                    stance: Stance::Denied,
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
                value: Value::Number(41.0),
                ..BASE
            },
            R {
                doc: 2,
                published: "2022-02-01",
                facet: "killed_total",
                value: Value::Number(500.0),
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
                chain: &[("wire", SourceKind::Outlet), ("sohr", SourceKind::Organisation)],
                ..at(1, 22.0)
            },
            R {
                chain: &[("paper", SourceKind::Outlet), ("sohr", SourceKind::Organisation)],
                ..at(2, 22.0)
            },
            R {
                chain: &[
                    ("paper", SourceKind::Outlet),
                    ("activists", SourceKind::Anonymous),
                ],
                ..at(3, 22.0)
            },
            R {
                chain: &[("wire", SourceKind::Outlet), ("activists", SourceKind::Anonymous)],
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
                qualifier: Qualifier::Approx,
                chain: &[("a", SourceKind::Outlet)],
                ..at(1, 20.0)
            },
            R {
                chain: &[("b", SourceKind::Outlet)],
                ..at(2, 22.0)
            },
            R {
                doc: 3,
                value: Value::Range(300.0, 400.0),
                chain: &[("c", SourceKind::Outlet)],
                ..BASE
            },
            R {
                qualifier: Qualifier::UpTo,
                chain: &[("d", SourceKind::Outlet)],
                ..at(4, 5.0)
            },
            R {
                doc: 5,
                vague: Some(("significant numbers", 50.0, 1000.0)),
                chain: &[("e", SourceKind::Outlet)],
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
                value: Value::Number(800.0),
                ..BASE
            },
            R {
                doc: 2,
                published: "2022-01-30",
                subject: no,
                target: Some("kuje"),
                value: Value::Number(600.0),
                ..BASE
            },
            R {
                doc: 3,
                published: "2023-06-01",
                subject: no,
                target: Some("kuje"),
                value: Value::Number(5.0),
                ..BASE
            },
            R {
                doc: 4,
                subject: no,
                value: Value::Number(7.0),
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
                value: Value::Number(800.0),
                ..BASE
            },
            R {
                doc: 4,
                subject: no,
                target: Some("kuje"),
                value: Value::Number(7.0),
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
                chain: &[("wire", SourceKind::Outlet), ("naba", SourceKind::Outlet)],
                ..at(1, 12.0)
            },
            R {
                chain: &[("wire", SourceKind::Outlet), ("naba", SourceKind::Outlet)],
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
        url: None,
        title: None,
        chain: vec![].into(),
        origin: "o".into(),
        qualifier: Qualifier::Exact,
        anonymous: false,
        span: Span {
            start: 100 + s,
            end: 100 + s + 2,
        },
        sentence: Span {
            start: 100,
            end: 100 + ev.len() as u32,
        },
        evidence: ev.into(),
        mark: Span { start: s, end: s + 2 },
    };
    assert_eq!(render::excerpt(&c, 5), "…ر إن ⟦12⟧ مسلح…");
}

#[test]
fn every_qualifier_gives_its_interval() {
    let inf = f64::INFINITY;
    for (q, lo, hi) in [
        (Qualifier::Exact, 100.0, 100.0),
        (Qualifier::Approx, 85.0, 115.0),
        (Qualifier::AtLeast, 100.0, inf),
        (Qualifier::MoreThan, 100.0, inf),
        (Qualifier::AtMost, 0.0, 100.0),
        (Qualifier::LessThan, 0.0, 100.0),
        (Qualifier::UpTo, 0.0, 100.0),
    ] {
        let i = Interval::of(Value::Number(100.0), None, q).expect("an interval");
        assert!(
            (i.lo - lo).abs() < 1e-9 && (i.hi == hi || (i.hi - hi).abs() < 1e-9),
            "{q}: {i:?}"
        );
    }
    // A vague word is its band; no value and no band, no interval.
    let band = Interval::of(Value::None, Some([200.0, 999.0]), Qualifier::Exact);
    assert_eq!(band, Some(Interval { lo: 200.0, hi: 999.0 }));
    assert_eq!(Interval::of(Value::None, None, Qualifier::Approx), None);
}

/// A row of `doc` published on `date` about what `target` (JSON) says.
fn about(doc: i64, date: &'static str, target: &'static str) -> R {
    R {
        doc,
        published: date,
        subject: None,
        target: Some(target),
        value: Value::Number(doc as f64),
        ..BASE
    }
}

#[test]
fn reports_group_by_place_window_and_kind() {
    // Each row: the reports (doc, date, target), and the groups of docs
    // the ledger must make, each with its id's prefix.
    const KELVAR_PRISON: &str = r#"{"places":[{"key":"~klfr","name":"Kelvar","score":3,"strong":true}],"kinds":[["prison_attack",6],["battle",1]]}"#;
    const KELVAR_PRISON_DATED: &str = r#"{"places":[{"key":"~klfr","name":"Kelvar","score":3,"strong":true}],"kinds":[["prison_attack",6]],"date":"2031-03-14"}"#;
    const KELVAR_PRISON_LATER: &str = r#"{"places":[{"key":"~klfr","name":"Kelvar","score":3,"strong":true}],"kinds":[["prison_attack",6]],"date":"2033-01-01"}"#;
    const HASAKAH_GHWAYRAN: &str = r#"{"places":[{"key":"SY.01","name":"الحسكة","score":2,"strong":true},{"key":"~jrn","name":"غويران","score":1}],"kinds":[["prison_attack",6]]}"#;
    const GHWAYRAN_FIRST: &str = r#"{"places":[{"key":"~jrn","name":"غويران","score":2,"strong":true},{"key":"SY.01","name":"الحسكة","score":2,"strong":true}],"kinds":[["prison_attack",4]]}"#;
    const WASHINGTON_GHWAYRAN: &str = r#"{"places":[{"key":"US.DC","name":"WASHINGTON","score":1,"strong":true},{"key":"~jrn","name":"Ghwayran","score":1}],"kinds":[["prison_attack",3]]}"#;
    const BEIRUT_HASAKAH: &str = r#"{"places":[{"key":"LB.04","name":"بيروت","score":1,"strong":true},{"key":"SY.01","name":"الحسكة","score":1,"strong":true}],"kinds":[["prison_attack",3]]}"#;
    const KELVAR_ONCE: &str = r#"{"places":[{"key":"~jnh","name":"الجناح","score":2},{"key":"~klfr","name":"كلفار","score":1}],"kinds":[["prison_attack",4]]}"#;
    const KELVAR_FEW: &str =
        r#"{"places":[{"key":"~klfr","name":"Kelvar","score":2,"strong":true}],"kinds":[["battle",1]]}"#;
    const KELVAR_ABDUCTION: &str =
        r#"{"places":[{"key":"~klfr","name":"Kelvar","score":2,"strong":true}],"kinds":[["abduction",6]]}"#;
    const ABHA: &str =
        r#"{"places":[{"key":"SA.11","name":"أبها","score":2,"strong":true}],"kinds":[["bombing",9]]}"#;
    const SAUDI: &str = r#"{"places":[{"key":"SA","name":"السعودية","score":3,"strong":true,"country":true}],"kinds":[["bombing",5]]}"#;
    const WEAK_ONLY: &str = r#"{"places":[{"key":"~hdt","name":"حادث","score":4}],"kinds":[["bombing",2]]}"#;
    type Case = (
        &'static [(i64, &'static str, &'static str)],
        &'static [(&'static str, &'static [i64])],
    );
    let cases: &[Case] = &[
        // One place in two languages, a weak mention backed by another
        // report, a report with few cues: one event.
        (
            &[
                (1, "2031-03-15", KELVAR_PRISON),
                (2, "2031-03-16", KELVAR_ONCE),
                (3, "2031-03-20", KELVAR_FEW),
            ],
            &[("auto:~klfr:prison_attack:2031-03-15", &[1, 2, 3])],
        ),
        // The same place, another kind with many cues: two events.
        (
            &[
                (1, "2031-03-15", KELVAR_PRISON),
                (2, "2031-03-16", KELVAR_ABDUCTION),
            ],
            &[
                ("auto:~klfr:prison_attack:2031-03-15", &[1]),
                ("auto:~klfr:abduction:2031-03-16", &[2]),
            ],
        ),
        // The same place and kind a year apart: two events.
        (
            &[(1, "2031-03-15", KELVAR_PRISON), (2, "2032-03-15", KELVAR_PRISON)],
            &[
                ("auto:~klfr:prison_attack:2031-03-15", &[1]),
                ("auto:~klfr:prison_attack:2032-03-15", &[2]),
            ],
        ),
        // A report a year on whose opening dates the attack it follows up
        // joins the attack's event; one whose opening names a later date
        // keeps its own.
        (
            &[
                (1, "2031-03-15", KELVAR_PRISON),
                (2, "2032-03-14", KELVAR_PRISON_DATED),
                (3, "2032-04-20", KELVAR_PRISON_LATER),
            ],
            &[
                ("auto:~klfr:prison_attack:2031-03-14", &[1, 2]),
                ("auto:~klfr:prison_attack:2032-04-20", &[3]),
            ],
        ),
        // Reports whose main place is a datelined capital or the prison's
        // quarter, but which name that quarter as most reports of the
        // event do, join it; one that names only the region stays apart.
        (
            &[
                (1, "2022-01-21", HASAKAH_GHWAYRAN),
                (2, "2022-01-22", HASAKAH_GHWAYRAN),
                (3, "2022-01-22", GHWAYRAN_FIRST),
                (4, "2022-02-03", WASHINGTON_GHWAYRAN),
                (5, "2022-01-28", BEIRUT_HASAKAH),
            ],
            &[
                ("auto:SY.01:prison_attack:2022-01-21", &[1, 2, 3, 4]),
                ("auto:LB.04:prison_attack:2022-01-28", &[5]),
            ],
        ),
        // A report naming only the country joins the event in its region;
        // a report whose only place is weak and unbacked is its own.
        (
            &[
                (1, "2015-08-07", ABHA),
                (2, "2015-08-08", SAUDI),
                (3, "2015-08-08", WEAK_ONLY),
            ],
            &[("auto:SA.11:bombing:2015-08-07", &[1, 2]), ("doc:d3", &[3])],
        ),
    ];
    for (i, (docs, want)) in cases.iter().enumerate() {
        let list: Vec<R> = docs.iter().map(|&(d, date, t)| about(d, date, t)).collect();
        let l = build(&rows(&list), &opts());
        let mut got: Vec<(String, Vec<i64>)> = l
            .events
            .iter()
            .map(|e| {
                let mut docs: Vec<i64> = e
                    .facets
                    .iter()
                    .flat_map(|f| f.values.iter().flat_map(|v| v.claims.iter().map(|c| c.document)))
                    .collect();
                docs.sort_unstable();
                docs.dedup();
                (e.id.clone(), docs)
            })
            .collect();
        got.sort();
        let mut want: Vec<(String, Vec<i64>)> =
            want.iter().map(|(id, d)| (id.to_string(), d.to_vec())).collect();
        want.sort();
        assert_eq!(got, want, "case {i}");
    }
}

#[test]
fn a_roundups_fronts_are_events_of_their_own_and_a_focused_report_stays_whole() {
    // A roundup of three fronts (its claims' sentences at 0, 100, 200):
    // the fronts other than its own place go to their own events, the
    // shelling of Aden with another report of it.
    const ROUNDUP: &str = r#"{"places":[{"key":"YE.25","name":"Taiz","score":3,"strong":true},{"key":"YE.15","name":"Marib","score":2,"strong":true},{"key":"YE.02","name":"Aden","score":1,"strong":true}],"kinds":[["battle",5],["shelling",2]],"parts":[{"span":[0,100],"places":[["YE.25","Taiz"]],"kinds":[["battle",3]]},{"span":[100,200],"places":[["YE.15","Marib"]],"kinds":[["battle",2]]},{"span":[200,300],"places":[["YE.02","Aden"]],"kinds":[["shelling",2]]}]}"#;
    const ADEN: &str =
        r#"{"places":[{"key":"YE.02","name":"Aden","score":2,"strong":true}],"kinds":[["shelling",4]]}"#;
    // A prison attack whose last paragraph tells where escapees were
    // caught (sentences at 400, 500): one place besides its own, the same
    // kind, so one event.
    const PRISON: &str = r#"{"places":[{"key":"~klfr","name":"Kelvar","score":3,"strong":true},{"key":"SY.10","name":"Raqqa","score":1,"strong":true}],"kinds":[["prison_attack",6]],"parts":[{"span":[400,500],"places":[["~klfr","Kelvar"]],"kinds":[["prison_attack",5]]},{"span":[500,600],"places":[["SY.10","Raqqa"]],"kinds":[["prison_attack",1]]}]}"#;
    // A bombing whose last paragraph tells of a battle elsewhere
    // (sentences at 600, 700): another kind, so its own event.
    const BOMBING: &str = r#"{"places":[{"key":"SA.11","name":"Abha","score":3,"strong":true},{"key":"SA.10","name":"Najran","score":1,"strong":true}],"kinds":[["bombing",6],["battle",2]],"parts":[{"span":[600,700],"places":[["SA.11","Abha"]],"kinds":[["bombing",6]]},{"span":[700,800],"places":[["SA.10","Najran"]],"kinds":[["battle",2]]}]}"#;
    let list = [
        about(1, "2031-07-18", ROUNDUP),
        about(1, "2031-07-18", ROUNDUP),
        about(1, "2031-07-18", ROUNDUP),
        about(2, "2031-07-19", ADEN),
        about(3, "2031-07-20", PRISON),
        about(3, "2031-07-20", PRISON),
        about(4, "2031-07-21", BOMBING),
        about(4, "2031-07-21", BOMBING),
    ];
    let (ids, _) = events::assign(&rows(&list), &[], &EventFile::default());
    let want = [
        "auto:YE.25:battle:2031-07-18",
        "auto:YE.15:battle:2031-07-18",
        "auto:YE.02:shelling:2031-07-18",
        "auto:YE.02:shelling:2031-07-18",
        "auto:~klfr:prison_attack:2031-07-20",
        "auto:~klfr:prison_attack:2031-07-20",
        "auto:SA.11:bombing:2031-07-21",
        "auto:SA.10:battle:2031-07-21",
    ];
    assert_eq!(ids, want);
}

#[test]
fn claims_of_a_year_long_past_leave_the_reports_event() {
    const KELVAR: &str = r#"{"places":[{"key":"~klfr","name":"Kelvar","score":3,"strong":true}],"kinds":[["prison_attack",6]]}"#;
    // Each row: the claim's sentence, the date of its report, and whether
    // it stays in the report's event.
    let cases: &[(&str, &str, bool)] = &[
        ("Gunmen freed 200 inmates on Thursday.", "2031-03-16", true),
        ("In October 2027, gunmen freed 63 inmates.", "2031-03-16", false),
        ("وفي عام 2027 فر 63 نزيلا من الإصلاحية.", "2031-03-16", false),
        // The same month as the report, and a month within the window.
        ("In March 2031, gunmen freed 200 inmates.", "2031-03-16", true),
        ("In February 2031, gunmen freed 200 inmates.", "2031-03-16", true),
        // A year that dates a building, or one measured from.
        ("The jail, built in 1987, held 200 inmates.", "2031-03-16", true),
        (
            "The worst break since 2014 freed 200 inmates.",
            "2031-03-16",
            true,
        ),
        // No date: the latest year the event's sentences name is its own.
        (
            "Since 2028, when the group freed 5 inmates, none fled.",
            "",
            false,
        ),
    ];
    for (i, &(sentence, date, stays)) in cases.iter().enumerate() {
        let list = [
            R {
                evidence: "Gunmen freed 200 inmates in 2031.",
                ..about(1, date, KELVAR)
            },
            R {
                evidence: sentence,
                ..about(2, date, KELVAR)
            },
        ];
        let (l, ids) = build_with_events(&rows(&list), &opts());
        assert_eq!(ids[0] == ids[1], stays, "row {i}: {ids:?}");
        if !stays {
            assert!(
                ids[1].starts_with(&format!("{}:recalled:", ids[0])),
                "row {i}: {ids:?}"
            );
            let e = l.events.iter().find(|e| e.id == ids[1]);
            assert!(e.is_some_and(|e| e.name.starts_with("Recalled in ")), "row {i}");
        }
    }
}

#[test]
fn the_next_sentence_referring_back_goes_with_the_year_long_past() {
    const KELVAR: &str = r#"{"places":[{"key":"~klfr","name":"Kelvar","score":3,"strong":true}],"kinds":[["prison_attack",6]]}"#;
    // Each row: the sentence after "In October 2027, gunmen freed 63
    // inmates." (one space between), and whether it goes with 2027.
    let cases: &[(&str, bool)] = &[
        (
            "Forty-one of those escapees were back in custody within a week.",
            true,
        ),
        ("أعيد القبض على 41 منهم خلال أسبوع.", true),
        ("On Thursday, 200 inmates fled.", false),
    ];
    for (i, &(next, recalled)) in cases.iter().enumerate() {
        let list = [
            R {
                evidence: "Gunmen freed 200 inmates.",
                ..about(1, "2031-03-16", KELVAR)
            },
            R {
                evidence: "In October 2027, gunmen freed 63 inmates.",
                ..about(2, "2031-03-16", KELVAR)
            },
            R {
                evidence: next,
                ..about(2, "2031-03-16", KELVAR)
            },
        ];
        let mut rs = rows(&list);
        // The third sentence follows the second after one space.
        let end = rs[1].claim.sentence.end as usize;
        rs[2].claim.sentence = Span::new(end + 1, end + 60);
        let (_, ids) = build_with_events(&rs, &opts());
        assert_eq!(ids[2] == ids[1], recalled, "row {i}: {ids:?}");
        assert_ne!(ids[0], ids[1], "row {i}");
    }
}

#[test]
fn an_automatic_event_is_named_by_kind_place_and_date() {
    let list = [about(
        1,
        "2015-08-07",
        r#"{"places":[{"key":"SA.11","name":"أبها","score":2,"strong":true}],"kinds":[["bombing",9]]}"#,
    )];
    let l = build(
        &rows(&list),
        &Options {
            kinds: vec![("bombing".into(), "Bombing".into())],
            ..opts()
        },
    );
    let names: Vec<&str> = l.events.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Bombing in أبها, 2015-08-07"]);
}

#[test]
fn a_claim_of_zero_disputes_the_figures_above_it_by_name_without_reddening_them() {
    // See: issue 19. The SDF's 0 against three figures that agree.
    let l = build(
        &rows(&[
            R {
                chain: &[("wire", SourceKind::Outlet), ("sdf", SourceKind::ArmedGroup)],
                ..at(1, 0.0)
            },
            R {
                chain: &[("wire", SourceKind::Outlet), ("sohr", SourceKind::Organisation)],
                qualifier: Qualifier::Approx,
                ..at(2, 20.0)
            },
            R {
                chain: &[("daily", SourceKind::Outlet)],
                ..at(3, 22.0)
            },
            R {
                chain: &[("gov", SourceKind::Outlet)],
                ..at(4, 60.0)
            },
        ]),
        &opts(),
    );
    let f = &l.events[0].facets[0];
    let rel = relations(f);
    // Each row: value, relation, who disputes it.
    let want: &[(&str, &str, &[&str])] = &[
        ("0", "contradicts", &["20 by sohr", "22 by daily", "60 by gov"]),
        ("20", "contradicts", &["0 by sdf", "60 by gov"]),
        ("22", "contradicts", &["0 by sdf", "60 by gov"]),
        ("60", "contradicts", &["0 by sdf", "20 by sohr", "22 by daily"]),
    ];
    for (i, (value, relation, by)) in want.iter().enumerate() {
        let v = f.values.iter().find(|v| v.label == *value).expect("the value");
        let got: Vec<String> = v.disputed_by.iter().map(|d| d.text()).collect();
        assert_eq!(
            (v.relation.as_str(), got),
            (*relation, by.iter().map(|s| s.to_string()).collect()),
            "row {i}: {rel:?}"
        );
    }
    // Without the 60, the 20 and the 22 agree; only the 0 contradicts.
    let l = build(
        &rows(&[
            R {
                chain: &[("wire", SourceKind::Outlet), ("sdf", SourceKind::ArmedGroup)],
                ..at(1, 0.0)
            },
            R {
                qualifier: Qualifier::Approx,
                ..at(2, 20.0)
            },
            at(3, 22.0),
        ]),
        &opts(),
    );
    let rel = relations(&l.events[0].facets[0]);
    assert_eq!(
        rel,
        [
            ("0".to_string(), "contradicts"),
            ("20".to_string(), "agrees"),
            ("22".to_string(), "agrees")
        ]
    );
}

#[test]
fn parts_that_exceed_their_total_are_flagged() {
    // Each row: best killed_total, best attackers, best civilians, and the
    // flags of (total, attackers).
    type Row = (f64, f64, f64, &'static [&'static str], &'static [&'static str]);
    let rows_: &[Row] = &[
        (
            180.0,
            346.0,
            5.0,
            &["killed_attackers_or_isis", "killed_civilians"],
            &["killed_total"],
        ),
        (
            180.0,
            170.0,
            20.0,
            &["killed_attackers_or_isis", "killed_civilians"],
            &[],
        ),
        (180.0, 100.0, 20.0, &[], &[]),
    ];
    for (i, &(total, attackers, civilians, total_flags, attacker_flags)) in rows_.iter().enumerate() {
        let l = build(
            &rows(&[
                R {
                    facet: "killed_total",
                    ..at(1, total)
                },
                R {
                    facet: "killed_attackers_or_isis",
                    ..at(1, attackers)
                },
                R {
                    facet: "killed_civilians",
                    ..at(1, civilians)
                },
            ]),
            &Options {
                totals: vec![(
                    "killed_total".into(),
                    vec!["killed_attackers_or_isis".into(), "killed_civilians".into()],
                )],
                ..opts()
            },
        );
        let flags = |f: &str| -> Vec<String> {
            l.events[0]
                .facets
                .iter()
                .find(|x| x.facet == f)
                .map(|x| x.summary.exceeds.clone())
                .unwrap_or_default()
        };
        assert_eq!(flags("killed_total"), total_flags.to_vec(), "row {i}");
        assert_eq!(
            flags("killed_attackers_or_isis"),
            attacker_flags.to_vec(),
            "row {i}"
        );
    }
}

/// A claim of `x` in document `doc` by `chain`, otherwise as BASE.
fn by(doc: i64, x: f64, chain: &'static [(&'static str, SourceKind)]) -> R {
    R { chain, ..at(doc, x) }
}

const SDF: &[(&str, SourceKind)] = &[("wire", SourceKind::Outlet), ("sdf", SourceKind::ArmedGroup)];
const SOHR: &[(&str, SourceKind)] = &[("wire", SourceKind::Outlet), ("sohr", SourceKind::Organisation)];
const MOI: &[(&str, SourceKind)] = &[("paper", SourceKind::Outlet), ("moi", SourceKind::Government)];
const DAILY: &[(&str, SourceKind)] = &[("daily", SourceKind::Outlet)];
const ACTIVISTS: &[(&str, SourceKind)] =
    &[("wire", SourceKind::Outlet), ("activists", SourceKind::Anonymous)];

/// Claims, and the pairs they make as kind and words.
type PairCase = (Vec<R>, Vec<(&'static str, &'static str)>);

/// The cases of [`a_facet_lists_each_dispute_once_as_a_pair_in_words`] and
/// [`dispute_pairs_do_not_hang_on_the_order_of_the_claims`]: the claims and
/// the facet's pairs, as kind and words.
fn pair_cases() -> Vec<PairCase> {
    vec![
        // 1. A zero against three figures that agree: three pairs, the
        // zero's side first, naming the SDF.
        (
            vec![
                by(1, 0.0, SDF),
                R {
                    qualifier: Qualifier::Approx,
                    ..by(2, 20.0, SOHR)
                },
                by(3, 22.0, DAILY),
                R {
                    qualifier: Qualifier::Approx,
                    ..by(4, 21.0, ACTIVISTS)
                },
            ],
            vec![
                ("disputes", "SDF 0 disputes SOHR 20"),
                ("disputes", "SDF 0 disputes WIRE › ACTIVISTS 21"),
                ("disputes", "SDF 0 disputes DAILY 22"),
            ],
        ),
        // 2. A denial of 140: one pair, pointing at the 140 and its origin.
        (
            vec![
                by(1, 140.0, SOHR),
                R {
                    stance: Stance::Denied,
                    ..by(2, 140.0, MOI)
                },
            ],
            vec![("denies", "MOI denies 140 (SOHR)")],
        ),
        // 3. Values that agree: no pair.
        (
            vec![
                R {
                    qualifier: Qualifier::Approx,
                    ..by(1, 20.0, SOHR)
                },
                by(2, 22.0, DAILY),
                R {
                    qualifier: Qualifier::AtLeast,
                    ..by(3, 15.0, MOI)
                },
            ],
            vec![],
        ),
        // 4. Two exact figures apart, each claimed by two origins: one
        // pair, origins by id; a denial of a figure nobody asserts: none.
        (
            vec![
                by(1, 12.0, SOHR),
                by(2, 12.0, DAILY),
                by(3, 200.0, MOI),
                by(4, 200.0, SDF),
                R {
                    stance: Stance::Denied,
                    ..by(5, 500.0, SDF)
                },
            ],
            vec![("disputes", "DAILY + SOHR 12 disputes MOI + SDF 200")],
        ),
        // 5. A denial and a figure apart: both pairs, the denial first in
        // its own pair.
        (
            vec![
                by(1, 12.0, SDF),
                by(2, 200.0, SOHR),
                R {
                    stance: Stance::Denied,
                    ..by(3, 200.0, MOI)
                },
            ],
            vec![
                ("disputes", "SDF 12 disputes SOHR 200"),
                ("denies", "MOI denies 200 (SOHR)"),
            ],
        ),
    ]
}

#[test]
fn a_facet_lists_each_dispute_once_as_a_pair_in_words() {
    // See: issue 19, "Disputes, not colours".
    for (i, (claims, want)) in pair_cases().into_iter().enumerate() {
        let l = build(&rows(&claims), &opts());
        let f = &l.events[0].facets[0];
        let got: Vec<(&str, String)> = f.disputes.iter().map(|p| (p.kind.as_str(), p.text())).collect();
        let want: Vec<(&str, String)> = want.into_iter().map(|(k, t)| (k, t.to_string())).collect();
        assert_eq!(got, want, "case {}", i + 1);
    }
}

#[test]
fn a_pair_gives_each_sides_value_stance_and_origins_by_id_and_name() {
    let l = build(
        &rows(&[
            by(1, 140.0, ACTIVISTS),
            R {
                stance: Stance::Denied,
                ..by(2, 140.0, MOI)
            },
        ]),
        &opts(),
    );
    let p = &l.events[0].facets[0].disputes[0];
    assert_eq!(p.kind, PairKind::Denies);
    assert_eq!((p.a.value.as_str(), p.a.stance), ("140", Stance::Denied));
    assert_eq!((p.b.value.as_str(), p.b.stance), ("140", Stance::Asserted));
    let name = |id: &str, name: &str| OriginName {
        id: id.into(),
        name: name.into(),
    };
    assert_eq!(p.a.origins, [name("moi", "MOI")]);
    assert_eq!(p.b.origins, [name("wire/activists", "WIRE › ACTIVISTS")]);
    let json = serde_json::to_value(p).expect("JSON");
    assert_eq!(json["kind"], "denies");
    assert_eq!(json["a"]["stance"], "denied");
    assert_eq!(json["b"]["origins"][0]["name"], "WIRE › ACTIVISTS");
}

#[test]
fn dispute_pairs_do_not_hang_on_the_order_of_the_claims() {
    // Concurrent ingests store claims in any order; the pairs, and the
    // names they give, stay the same.
    for (i, (claims, _)) in pair_cases().into_iter().enumerate() {
        let want = build(&rows(&claims), &opts()).events[0].facets[0]
            .disputes
            .clone();
        let n = claims.len();
        for shift in 1..=n {
            // Reversed, then rotated by `shift`.
            let mut order: Vec<usize> = (0..n).rev().collect();
            order.rotate_left(shift % n);
            let shuffled: Vec<R> = order.iter().map(|&k| R { ..claims[k] }).collect();
            let got = &build(&rows(&shuffled), &opts()).events[0].facets[0].disputes;
            assert_eq!(got, &want, "case {}, order {order:?}", i + 1);
        }
    }
}

#[test]
fn an_origin_is_named_as_most_of_its_chains_name_it() {
    // Two reports name the SDF in English, one in Arabic: "SDF" whatever
    // the order.
    let named = |doc: i64, name: &'static str| R {
        chain: &[("wire", SourceKind::Outlet), ("sdf", SourceKind::ArmedGroup)],
        evidence: name,
        ..at(doc, 0.0)
    };
    let list = [
        named(1, "قسد"),
        named(2, "SDF"),
        named(3, "SDF"),
        by(4, 22.0, DAILY),
    ];
    let mut rs = rows(&list);
    for r in &mut rs {
        let name = r.claim.evidence.to_string();
        if let Some(l) = std::sync::Arc::make_mut(&mut r.claim.source).last_mut() {
            l.name = name;
        }
    }
    for order in [rs.clone(), rs.iter().rev().cloned().collect()] {
        let l = build(&order, &opts());
        let p = &l.events[0].facets[0].disputes;
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].a.origins[0].name, "SDF");
    }
}

#[test]
fn the_disputes_csv_has_a_row_per_pair_with_both_sides_by_id_and_name() {
    let l = build(
        &rows(&[
            by(1, 0.0, SDF),
            by(2, 22.0, DAILY),
            by(3, 22.0, SOHR),
            R {
                stance: Stance::Denied,
                ..by(4, 22.0, MOI)
            },
        ]),
        &opts(),
    );
    let text = render::disputes_csv(&l);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], render::DISPUTES_HEADER.join(","));
    assert_eq!(
        &lines[1..],
        [
            "e,e,prisoners_escaped,disputes,0,asserted,sdf,SDF,22,asserted,daily+sohr,DAILY + SOHR,SDF 0 disputes DAILY + SOHR 22",
            "e,e,prisoners_escaped,denies,22,denied,moi,MOI,22,asserted,daily+sohr,DAILY + SOHR,MOI denies 22 (DAILY + SOHR)",
        ]
    );
}

#[test]
fn a_pair_in_the_table_keeps_to_one_line_and_isolates_arabic_names() {
    // Each row: the SDF's name as a chain gives it, and as the table's
    // pair line shows it.
    let cases: &[(&str, &str)] = &[
        ("SDF", "SDF"),
        ("قسد", "\u{2068}قسد\u{2069}"),
        ("SDF\nclear", "SDF\\x0aclear"),
    ];
    for (i, &(name, shown)) in cases.iter().enumerate() {
        let mut rs = rows(&[by(1, 0.0, SDF), by(2, 22.0, DAILY)]);
        if let Some(l) = std::sync::Arc::make_mut(&mut rs[0].claim.source).last_mut() {
            l.name = name.into();
        }
        let table = render::table(&build(&rs, &opts()));
        let line = format!("      {shown} 0 disputes DAILY 22\n");
        assert!(table.contains(&line), "row {i}: {table}");
    }
}
