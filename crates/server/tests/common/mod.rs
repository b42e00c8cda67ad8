//! What the server's tests share: a store of the examples, and a server
//! on a loopback socket spoken to in plain HTTP/1.1.
#![allow(dead_code)]

use isnad_engine::Engine;
use isnad_extract::numbers::Scratch;
use isnad_server::{Settings, State};
use isnad_store::Store;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;

pub const XSS: &str = "<script>alert(1)</script><img src=x onerror=\"alert(2)\"> قالت قسد إن نحو 90 مسلحا ما زالوا يتحصنون في سجن الصناعة.";

pub struct Fixture {
    pub _dir: tempfile::TempDir,
    pub state: Arc<State>,
}

pub fn fixture(token: Option<&str>) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let engine = Engine::builtin();
    let mut store = Store::open(&dir.path().join("isnad.db")).expect("store");
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut docs = Vec::new();
    let mut scratch = Scratch::default();
    let mut paths: Vec<_> = std::fs::read_dir(examples)
        .expect("examples")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for p in paths {
        engine.reader().read_path(&p, &mut |r| {
            let doc = r.expect("an example reads");
            let hash = isnad_store::content_hash(&doc.original);
            docs.push(engine.analyse(doc, hash, &mut scratch));
        });
    }
    let xss = engine.reader().plain("xss", "xss.txt", XSS.as_bytes().to_vec());
    let hash = isnad_store::content_hash(&xss.original);
    docs.push(engine.analyse(xss, hash, &mut scratch));
    store.add_all(&docs, None).expect("stored");
    let options = engine.ledger_options(Default::default());
    let state = Arc::new(State::new(
        Arc::new(engine),
        store,
        options,
        token.map(String::from),
    ));
    Fixture { _dir: dir, state }
}

/// A store with nothing in it.
pub fn empty(token: Option<&str>, settings: Settings) -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let engine = Engine::builtin();
    let store = Store::open(&dir.path().join("isnad.db")).expect("store");
    let options = engine.ledger_options(Default::default());
    let state = State::new(Arc::new(engine), store, options, token.map(String::from)).with_settings(settings);
    Fixture {
        _dir: dir,
        state: Arc::new(state),
    }
}

/// Starts `isnad_server::serve` over `state` on a free loopback port, on a
/// runtime of its own (it stops when the test's process ends).
pub fn start(state: Arc<State>) -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a runtime");
        let addr: SocketAddr = "127.0.0.1:0".parse().expect("addr");
        let served = rt.block_on(isnad_server::serve(state, addr, |a| {
            let _ = tx.send(a);
        }));
        served.expect("served");
    });
    rx.recv().expect("the server said where it listens")
}

/// An answer as read off the socket.
pub struct Answer {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl Answer {
    /// The value of header `name` (lower case), if sent.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim())
        })
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON: {e}: {}", String::from_utf8_lossy(&self.body)))
    }
}

/// Sends `request` (the whole of it, as bytes) and reads the answer (sent
/// with a `Content-Length`, or until the server closes: HTTP/1.0 requests,
/// so no chunks).
pub fn exchange(addr: SocketAddr, request: &[u8]) -> Answer {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .expect("timeout");
    s.write_all(request).expect("send");
    read_answer(&mut s).expect("an answer")
}

/// One answer off `s`; `None` when the server closed before sending one.
pub fn read_answer(s: &mut TcpStream) -> Option<Answer> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 64 * 1024];
    loop {
        let n = s.read(&mut buf).unwrap_or(0);
        raw.extend_from_slice(&buf[..n]);
        if let Some(at) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            let a = parse(&raw);
            let want = a.header("content-length").and_then(|v| v.parse::<usize>().ok());
            if want.is_some_and(|w| raw.len() - at - 4 >= w) {
                return Some(a);
            }
        }
        if n == 0 {
            return (!raw.is_empty()).then(|| parse(&raw));
        }
    }
}

pub fn parse(raw: &[u8]) -> Answer {
    let at = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..at]).into_owned();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    Answer {
        status,
        head,
        body: raw[at + 4..].to_vec(),
    }
}

/// `GET path` as HTTP/1.0 with the right `Host`.
pub fn http_get(addr: SocketAddr, path: &str) -> Answer {
    exchange(
        addr,
        format!("GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n").as_bytes(),
    )
}
