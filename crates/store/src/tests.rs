use super::*;
use isnad_model::{Qualifier, SourceKind, Stance};

fn doc(text: &str, claims: Vec<Claim>) -> NewDocument {
    NewDocument {
        fields: DocFields {
            hash: content_hash(text.as_bytes()),
            doc: "d".into(),
            origin: "d.txt".into(),
            format: "text".into(),
            published: Some("2022-01-24".into()),
            lang: Some("ar".into()),
            ..DocFields::default()
        },
        original: text.as_bytes().to_vec(),
        text: text.into(),
        mentions: vec![MentionRow {
            span: Span::new(0, 2),
            kind: "cardinal".into(),
            value: Value::Number(90.0),
            vague: None,
        }],
        claims,
        terms: "سجن r_سجن prisoner".into(),
    }
}

fn claim(facet: &str, value: Value) -> Claim {
    let vague = value == Value::None;
    Claim {
        doc: "d".into(),
        lang: Some("ar".into()),
        facet: facet.into(),
        value,
        vague: vague.then(|| "hundreds".into()),
        band: vague.then_some([200.0, 999.0]),
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
        subject: Some("e".into()),
        mark: None,
        span: Span::new(0, 2),
        sentence: Span::new(0, 10),
        evidence: "90 …".into(),
        warc: None,
    }
}

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("isnad.db");
    (dir, path)
}

/// What keeps a test's store alive: its directory or its database.
type Keep = Box<dyn std::any::Any>;

/// A fresh store on each backend at hand (SQLite always; PostgreSQL when
/// `$ISNAD_TEST_POSTGRES` names a server), with its location and what
/// keeps it.
fn fresh(test: &str) -> Vec<(String, Keep)> {
    let (dir, path) = temp();
    let mut out: Vec<(String, Keep)> = vec![(path.display().to_string(), Box::new(dir))];
    if let Some(db) = testing::postgres(test) {
        out.push((db.url.clone(), Box::new(db)));
    }
    out
}

fn q(clauses: &[&[&str]]) -> Query {
    Query {
        any: vec![
            clauses
                .iter()
                .map(|c| c.iter().map(|t| t.to_string()).collect())
                .collect(),
        ],
    }
}

#[test]
fn a_document_is_stored_once_by_its_content() {
    for (at, _keep) in fresh("a_document_is_stored_once_by_its_content") {
        let mut s = Store::open_location(&at).expect("open");
        let d = doc(
            "90 مسلحا",
            vec![claim("prisoners_remaining_holdouts", Value::Number(90.0))],
        );
        let first = s.add(&d, None).expect("add");
        let again = s.add(&d, None).expect("add again");
        let Added::New(id) = first else {
            panic!("first add should be new")
        };
        assert_eq!(again, Added::Known(id));
        assert_eq!(
            s.counts().expect("counts"),
            Counts {
                documents: 1,
                claims: 1,
                mentions: 1
            }
        );
        assert!(s.known_hashes().expect("hashes").contains(&d.fields.hash));
        assert_eq!(
            s.known(&d.fields.hash).expect("known"),
            Some(KnownDocument { id, claims: 1 }),
            "{at}"
        );
        assert_eq!(
            s.known(&content_hash(b"never stored")).expect("known"),
            None,
            "{at}"
        );
        // The same document twice in one batch is stored once too.
        let e = doc("95 مسلحا", vec![]);
        let added = s.add_all(&[e.clone(), e], None).expect("add a batch");
        assert!(matches!(added[0], Added::New(_)), "{at}");
        assert_eq!(
            added[1],
            Added::Known(match added[0] {
                Added::New(i) | Added::Known(i) => i,
            })
        );
    }
}

/// A record with its outlet and address, keyed as ingest keys it.
fn record(text: &str, outlet: &str, url: &str) -> NewDocument {
    let mut d = doc(text, vec![claim("killed_total", Value::Number(90.0))]);
    d.fields.outlet = Some(outlet.into());
    d.fields.url = Some(url.into());
    d.fields.hash = document_key(&d.original, d.fields.outlet.as_deref(), d.fields.url.as_deref());
    d
}

#[test]
fn one_text_from_two_outlets_is_two_documents_and_each_is_stored_once() {
    for (at, _keep) in fresh("one_text_from_two_outlets") {
        let mut s = Store::open_location(&at).expect("open");
        let a = record("90 مسلحا", "A", "https://a.example/1");
        let b = record("90 مسلحا", "B", "https://b.example/1");
        let added = s.add_all(&[a.clone(), b.clone(), a.clone()], None).expect("add");
        assert!(matches!(added[0], Added::New(_)), "{at}: {added:?}");
        assert!(matches!(added[1], Added::New(_)), "{at}: {added:?}");
        assert!(matches!(added[2], Added::Known(_)), "{at}: {added:?}");
        assert!(matches!(s.add(&b, None).expect("add"), Added::Known(_)), "{at}");
        assert_eq!(s.counts().expect("counts").documents, 2, "{at}");
        assert_eq!(s.counts().expect("counts").claims, 2, "{at}");
    }
}

#[test]
fn a_record_stored_under_its_content_hash_alone_is_not_stored_again() {
    for (at, _keep) in fresh("a_record_stored_under_its_content_hash") {
        let mut s = Store::open_location(&at).expect("open");
        let now = record("90 مسلحا", "A", "https://a.example/1");
        // As an isnad before `document_key` stored it.
        let mut before = now.clone();
        before.fields.hash = content_hash(&now.original);
        let Added::New(id) = s.add(&before, None).expect("add") else {
            panic!("{at}: the first is new")
        };
        assert_eq!(s.add_all(&[now], None).expect("add"), [Added::Known(id)], "{at}");
        // Another outlet's record of that text is a document of its own.
        let other = record("90 مسلحا", "B", "https://a.example/1");
        assert!(matches!(s.add(&other, None).expect("add"), Added::New(_)), "{at}");
    }
}

#[test]
fn document_keys_tell_outlets_and_addresses_apart() {
    let t = b"90";
    assert_eq!(document_key(t, None, None), content_hash(t));
    let keys = [
        document_key(t, Some("A"), None),
        document_key(t, None, Some("A")),
        document_key(t, Some("A"), Some("")),
        document_key(t, Some("A"), Some("B")),
        document_key(t, Some("AB"), None),
        document_key(t, Some(""), None),
    ];
    for (i, a) in keys.iter().enumerate() {
        assert_ne!(a, &content_hash(t), "key {i}");
        for (j, b) in keys.iter().enumerate().skip(i + 1) {
            assert_ne!(a, b, "keys {i} and {j}");
        }
    }
}

#[test]
fn claims_read_back_as_written() {
    for (at, _keep) in fresh("claims_read_back_as_written") {
        let mut s = Store::open_location(&at).expect("open");
        let claims = vec![
            claim("attackers_count", Value::Number(12.0)),
            claim("prisoners_escaped", Value::Range(300.0, 400.0)),
            claim("attackers_count", Value::None),
            // A claim whose quantity is elsewhere in its evidence than its
            // span says (a page's entity before it).
            Claim {
                mark: Some(Span::new(1, 3)),
                ..claim("attackers_count", Value::Number(9000.0))
            },
        ];
        s.add(&doc("نص", claims.clone()), None).expect("add");
        let rows = s.ledger_rows().expect("rows");
        let back: Vec<Claim> = rows.iter().map(|r| r.claim.clone()).collect();
        assert_eq!(back, claims, "{at}");
        assert_eq!(rows[0].doc.published.as_deref(), Some("2022-01-24"));
        let id = rows[0].document;
        assert_eq!(s.document_claims(id).expect("claims").len(), 4);
        let (list, total) = s.documents(10, 0).expect("documents");
        assert_eq!((list.len(), total), (1, 1));
        assert_eq!(list[0].1.hash, rows[0].doc.hash);
    }
}

#[test]
fn a_document_from_a_web_archive_keeps_its_record_and_so_do_its_claims() {
    for (at, _keep) in fresh("a_document_from_a_web_archive_keeps_its_record") {
        let mut s = Store::open_location(&at).expect("open");
        let warc = WarcOrigin {
            file: "crawl/a.warc.gz".into(),
            offset: 5_000_000_000,
            record: "<urn:uuid:7>".into(),
        };
        let mut d = doc("نص", vec![claim("attackers_count", Value::Number(12.0))]);
        d.fields.warc = Some(warc.clone());
        let plain = doc("نص آخر", vec![claim("attackers_count", Value::Number(3.0))]);
        s.add_all(&[d, plain], None).expect("add");
        let rows = s.ledger_rows().expect("rows");
        let got: Vec<Option<WarcOrigin>> = rows.iter().map(|r| r.claim.warc.clone()).collect();
        assert_eq!(got, [Some(warc.clone()), None], "{at}");
        assert_eq!(rows[0].doc.warc.as_ref(), Some(&warc));
        let stored = s.document(rows[0].document).expect("read").expect("there");
        assert_eq!(stored.fields.warc, Some(warc), "{at}");
    }
}

#[test]
fn a_stored_word_the_model_does_not_know_is_an_error_naming_it() {
    for (column, stored, named) in [
        ("qualifier", "'roughly'", "unknown qualifier `roughly`"),
        ("stance", "'doubted'", "unknown stance `doubted`"),
        (
            "chain",
            r#"'[{"id":"x","name":"X","kind":"militia"}]'"#,
            "unknown source kind `militia`",
        ),
        ("chain", "'not json'", "chain: expected"),
    ] {
        for (at, _keep) in fresh("a_stored_word_the_model_does_not_know_is_an_error_naming_it") {
            let mut s = Store::open_location(&at).expect("open");
            s.add(&doc("نص", vec![claim("f", Value::Number(1.0))]), None)
                .expect("add");
            let damage = format!("UPDATE claims SET {column} = {stored}");
            if is_postgres_url(&at) {
                let mut c = ::postgres::Client::connect(&at, ::postgres::NoTls).expect("raw");
                c.execute(&damage, &[]).expect("damage");
            } else {
                let c = rusqlite::Connection::open(&at).expect("raw");
                c.execute(&damage, []).expect("damage");
            }
            let err = s.ledger_rows().expect_err("refused").to_string();
            assert!(err.contains("a stored row is damaged: claim 1"), "{at}: {err}");
            assert!(err.contains(named), "{at}: {column}: {err}");
            assert!(s.document_claims(1).is_err());
        }
    }
}

#[test]
fn search_matches_analysed_terms() {
    for (at, _keep) in fresh("search_matches_analysed_terms") {
        let mut s = Store::open_location(&at).expect("open");
        let Added::New(id) = s.add(&doc("نص", vec![]), None).expect("add") else {
            panic!("new")
        };
        let hits = s.search(&q(&[&["r_سجن"]]), 10).expect("search");
        assert_eq!(hits.len(), 1, "{at}");
        assert_eq!(hits[0].document, id);
        assert!(s.search(&q(&[&["نهر"]]), 10).expect("search").is_empty());
        // Every clause must match; any term of a clause will do.
        assert_eq!(
            s.search(&q(&[&["نهر", "سجن"], &["prisoner"]]), 10)
                .expect("search")
                .len(),
            1
        );
        assert!(
            s.search(&q(&[&["سجن"], &["نهر"]]), 10)
                .expect("search")
                .is_empty()
        );
        // Quotes and operators in a term are only characters.
        assert!(s.search(&q(&[&["\"' & | !"]]), 10).expect("search").is_empty());
        assert!(s.search(&Query::default(), 10).expect("search").is_empty());
        let stored = s.document(id).expect("document").expect("present");
        assert_eq!(stored.original, "نص".as_bytes());
        assert_eq!(stored.text, "نص");
    }
}

#[test]
fn runs_are_recorded_and_the_version_moves_with_each_commit() {
    for (at, _keep) in fresh("runs_are_recorded_and_the_version_moves_with_each_commit") {
        let mut s = Store::open_location(&at).expect("open");
        assert_eq!(s.schema_version().expect("version"), SCHEMA_VERSION);
        let before = s.data_version().expect("version");
        let run = s.begin_run("test", Some("0123456789abcdef")).expect("run");
        s.add(&doc("أ", vec![]), Some(run)).expect("add");
        s.finish_run(run, 1, 0, 0, 0).expect("finish");
        let runs = s.runs().expect("runs");
        assert_eq!(runs.len(), 1, "{at}");
        assert_eq!(
            (
                runs[0].command.as_str(),
                runs[0].vocabulary.as_deref(),
                runs[0].new
            ),
            ("test", Some("0123456789abcdef"), 1),
            "{at}"
        );
        assert!(runs[0].finished.is_some(), "{at}");
        let other = Store::open_location(&at).expect("a second connection");
        let seen = other.data_version().expect("version");
        let mut s2 = Store::open_location(&at).expect("a third");
        s2.add(&doc("ب", vec![]), None).expect("add");
        assert_ne!(other.data_version().expect("version"), seen, "{at}");
        assert_eq!(other.counts().expect("counts").documents, 2);
        let _ = before;
    }
}

#[test]
fn nul_in_text_is_stored_and_offsets_hold() {
    for (at, _keep) in fresh("nul_in_text_is_stored_and_offsets_hold") {
        let mut s = Store::open_location(&at).expect("open");
        let mut d = doc("90\0مسلحا", vec![claim("x", Value::Number(90.0))]);
        d.text = "90\0مسلحا ".into();
        d.claims[0].evidence = "90\0…".into();
        let Added::New(id) = s.add(&d, None).expect("add") else {
            panic!("new")
        };
        let back = s.document(id).expect("read").expect("present");
        assert_eq!(back.original, d.original, "{at}");
        assert_eq!(back.text.len(), d.text.len());
    }
}

#[test]
fn a_version_1_store_is_migrated_and_keeps_its_rows() {
    // SQLite only: PostgreSQL stores began at version 2.
    let (_d, path) = temp();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/store-v1.db"),
        &path,
    )
    .expect("copy the fixture");
    let mut s = Store::open(&path).expect("open an old store");
    assert_eq!(s.schema_version().expect("version"), SCHEMA_VERSION);
    let rows = s.ledger_rows().expect("rows");
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].claim.facet, "prisoners_remaining_holdouts");
    assert_eq!(rows[0].claim.value, Value::Number(90.0));
    assert_eq!(rows[0].claim.source[1].id, "sdf");
    assert_eq!(rows[0].claim.source[1].kind, SourceKind::ArmedGroup);
    let text = &rows[0].claim.evidence;
    assert_eq!(&text.as_bytes()[rows[0].claim.span.range()], "نحو 90".as_bytes());
    assert_eq!(s.search(&q(&[&["سجن"]]), 5).expect("search").len(), 1);
    // Version 2 works on the migrated file: runs are recorded.
    let run = s.begin_run("test", None).expect("run");
    s.add(&doc("جديد", vec![]), Some(run)).expect("add");
    s.finish_run(run, 1, 0, 0, 0).expect("finish");
    assert_eq!(s.counts().expect("counts").documents, 2);
}

#[test]
fn a_store_from_a_newer_isnad_is_refused() {
    let (_d, path) = temp();
    drop(Store::open(&path).expect("open"));
    let c = rusqlite::Connection::open(&path).expect("raw");
    c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .expect("bump");
    drop(c);
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("newer than this isnad knows"), "{err}");
}

#[test]
fn a_file_that_is_not_a_store_is_an_error_naming_it() {
    let (_d, path) = temp();
    std::fs::write(&path, b"this is not a database, just some text long enough").expect("write");
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("isnad.db"), "{err}");
}

#[test]
fn the_content_hash_is_sha256_hex() {
    assert_eq!(
        content_hash(b"abc"),
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    );
}

#[test]
fn a_postgres_store_from_a_newer_isnad_is_refused() {
    let Some(db) = testing::postgres("a_postgres_store_from_a_newer_isnad_is_refused") else {
        return;
    };
    drop(Store::open_location(&db.url).expect("open"));
    let mut c = ::postgres::Client::connect(&db.url, ::postgres::NoTls).expect("raw");
    c.execute(
        "UPDATE isnad_schema SET version = $1",
        &[&(SCHEMA_VERSION as i32 + 1)],
    )
    .expect("bump");
    let err = Store::open_location(&db.url).err().expect("refused");
    assert!(err.to_string().contains("newer than this isnad knows"), "{err}");
}

#[test]
fn an_unreachable_server_is_an_error_naming_it_without_the_password() {
    let err = Store::open_location("postgres://isnad:hunter2@127.0.0.1:1/isnad")
        .err()
        .expect("refused");
    let msg = err.to_string();
    assert!(
        msg.starts_with("postgres://isnad:***@127.0.0.1:1/isnad: "),
        "{msg}"
    );
    assert!(!msg.contains("hunter2"));
}

#[test]
fn test_databases_are_named_in_the_servers_url() {
    use testing::with_database;
    assert_eq!(
        with_database("postgres://u@h:5/postgres", "t1"),
        "postgres://u@h:5/t1"
    );
    assert_eq!(with_database("postgres://u@h:5", "t1"), "postgres://u@h:5/t1");
    assert_eq!(
        with_database("postgresql://u@h/postgres?host=/tmp", "t1"),
        "postgresql://u@h/t1?host=/tmp"
    );
}

#[test]
fn replacing_what_was_found_keeps_the_document_and_changes_its_claims() {
    for (at, _keep) in fresh("replacing_what_was_found") {
        let mut s = Store::open_location(&at).expect("open");
        let mut d = doc("نص", vec![claim("attackers_count", Value::Number(12.0))]);
        d.fields.target = Some("old".into());
        let other = doc("نص آخر", vec![claim("wounded", Value::Number(3.0))]);
        s.add_all(&[d.clone(), other], None).expect("add");
        let id = s.document_ids().expect("ids")[0];
        let mut again = d.clone();
        again.claims = vec![
            claim("killed_total", Value::Number(41.0)),
            claim("wounded", Value::Number(2.0)),
        ];
        again.mentions.clear();
        again.fields.target = Some("new".into());
        s.replace_found(id, &again).expect("replace");
        let mine: Vec<Claim> = s
            .document_claims(id)
            .expect("claims")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        assert_eq!(mine, again.claims, "{at}");
        let stored = s.document(id).expect("read").expect("there");
        assert_eq!(stored.fields.target.as_deref(), Some("new"), "{at}");
        assert_eq!(stored.original, d.original, "{at}");
        // The other document, and the counts, as they should be.
        assert_eq!(
            s.counts().expect("counts"),
            Counts {
                documents: 2,
                claims: 3,
                mentions: 1
            },
            "{at}"
        );
    }
}

#[test]
fn a_later_document_with_a_taken_id_gets_a_distinct_one() {
    for (at, _keep) in fresh("a_later_document_with_a_taken_id") {
        let mut s = Store::open_location(&at).expect("open");
        let first = doc("نص", vec![claim("wounded", Value::Number(3.0))]);
        let later = doc("نص آخر", vec![claim("wounded", Value::Number(4.0))]);
        s.add(&first, None).expect("add");
        s.add(&later, None).expect("add in a later run");
        // The first again: known, nothing renamed.
        assert!(matches!(s.add(&first, None).expect("again"), Added::Known(_)));
        let ids: Vec<String> = s
            .ledger_rows()
            .expect("rows")
            .iter()
            .map(|r| r.claim.doc.clone())
            .collect();
        let want = distinct_id("d", &later.fields.hash);
        assert_eq!(ids, ["d".to_string(), want.clone()], "{at}");
        assert_eq!(s.documents_named("d").expect("named").len(), 1, "{at}");
        assert_eq!(s.documents_named(&want).expect("named").len(), 1, "{at}");
    }
}
