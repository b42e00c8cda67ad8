use super::*;

fn doc(text: &str, claims: Vec<ClaimRow>) -> NewDocument {
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
            span: (0, 2),
            kind: "cardinal".into(),
            value: Some((90.0, 90.0)),
            vague: None,
        }],
        claims,
        terms: "سجن r_سجن prisoner".into(),
    }
}

fn claim(facet: &str, value: Option<(f64, f64)>) -> ClaimRow {
    ClaimRow {
        facet: facet.into(),
        value,
        vague: value.is_none().then(|| "hundreds".into()),
        band: value.is_none().then_some((200.0, 999.0)),
        qualifier: "approx".into(),
        stance: "asserted".into(),
        chain: vec![
            Link {
                id: "unknown".into(),
                name: "unknown".into(),
                kind: "outlet".into(),
            },
            Link {
                id: "sdf".into(),
                name: "SDF".into(),
                kind: "armed_group".into(),
            },
        ]
        .into(),
        anonymous: false,
        subject: Some("e".into()),
        span: (0, 2),
        sentence: (0, 10),
        evidence: "90 …".into(),
    }
}

fn temp() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("isnad.db");
    (dir, path)
}

#[test]
fn a_document_is_stored_once_by_its_content() {
    let (_d, path) = temp();
    let mut s = Store::open(&path).expect("open");
    let d = doc(
        "90 مسلحا",
        vec![claim("prisoners_remaining_holdouts", Some((90.0, 90.0)))],
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
}

#[test]
fn claims_read_back_as_written() {
    let (_d, path) = temp();
    let mut s = Store::open(&path).expect("open");
    let claims = vec![
        claim("attackers_count", Some((12.0, 12.0))),
        claim("prisoners_escaped", Some((300.0, 400.0))),
        claim("attackers_count", None),
    ];
    s.add(&doc("نص", claims.clone()), None).expect("add");
    let rows = s.ledger_rows().expect("rows");
    let back: Vec<ClaimRow> = rows.iter().map(|r| r.claim.clone()).collect();
    assert_eq!(back, claims);
    assert_eq!(rows[0].doc.published.as_deref(), Some("2022-01-24"));
}

#[test]
fn search_matches_analysed_terms() {
    let (_d, path) = temp();
    let mut s = Store::open(&path).expect("open");
    let Added::New(id) = s.add(&doc("نص", vec![]), None).expect("add") else {
        panic!("new")
    };
    let hits = s.search("\"r_سجن\"", 10).expect("search");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].document, id);
    assert!(s.search("\"نهر\"", 10).expect("search").is_empty());
    let stored = s.document(id).expect("document").expect("present");
    assert_eq!(stored.original, "نص".as_bytes());
}

#[test]
fn a_version_1_store_is_migrated_and_keeps_its_rows() {
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
    assert_eq!(rows[0].claim.value, Some((90.0, 90.0)));
    assert_eq!(rows[0].claim.chain[1].id, "sdf");
    let text = &rows[0].claim.evidence;
    let (a, b) = rows[0].claim.span;
    assert_eq!(&text.as_bytes()[a as usize..b as usize], "نحو 90".as_bytes());
    assert_eq!(s.search("\"سجن\"", 5).expect("search").len(), 1);
    // Version 2 works on the migrated file: runs are recorded.
    let run = s.begin_run("test").expect("run");
    s.add(&doc("جديد", vec![]), Some(run)).expect("add");
    s.finish_run(run, 1, 0, 0, 0).expect("finish");
    assert_eq!(s.counts().expect("counts").documents, 2);
}

#[test]
fn a_store_from_a_newer_isnad_is_refused() {
    let (_d, path) = temp();
    drop(Store::open(&path).expect("open"));
    let c = Connection::open(&path).expect("raw");
    c.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
        .expect("bump");
    drop(c);
    let err = Store::open(&path).err().expect("refused");
    assert!(err.to_string().contains("newer than this isnad knows"), "{err}");
}

#[test]
fn a_reader_sees_committed_documents_while_a_writer_holds_the_file() {
    let (_d, path) = temp();
    let mut w = Store::open(&path).expect("writer");
    w.add(&doc("أول", vec![]), None).expect("add");
    let r = Store::open(&path).expect("reader");
    w.conn.execute_batch("BEGIN IMMEDIATE").expect("write lock");
    assert_eq!(r.counts().expect("read under a write lock").documents, 1);
    w.conn.execute_batch("ROLLBACK").expect("rollback");
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
