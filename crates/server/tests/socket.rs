//! The server on a real loopback socket: the hosts it answers for, writing
//! refused before a body is read, and the timeouts on a request's head, its
//! body and an idle connection.

mod common;

use common::*;
use isnad_server::Settings;
use std::io::Write;
use std::net::TcpStream;
use std::time::{Duration, Instant};

fn fast() -> Settings {
    Settings {
        header_timeout: Duration::from_millis(500),
        body_timeout: Duration::from_millis(500),
        ..Settings::default()
    }
}

#[test]
fn a_request_naming_another_host_is_refused() {
    let f = empty(None, Settings::default());
    let addr = start(f.state.clone());
    let a = exchange(
        addr,
        b"GET /api/events HTTP/1.0\r\nHost: attacker.example\r\n\r\n",
    );
    assert_eq!(a.status, 421, "{}", a.head);
    assert!(
        a.json()["error"]
            .as_str()
            .is_some_and(|e| e.contains("attacker.example"))
    );
    let port = addr.port();
    for host in [
        format!("localhost:{port}"),
        format!("127.0.0.1:{port}"),
        format!("[::1]:{port}"),
    ] {
        let a = exchange(
            addr,
            format!("GET /api/events HTTP/1.0\r\nHost: {host}\r\n\r\n").as_bytes(),
        );
        assert_eq!(a.status, 200, "{host}: {}", a.head);
    }
    let a = exchange(
        addr,
        format!("GET /api/events HTTP/1.0\r\nHost: attacker.example:{port}\r\n\r\n").as_bytes(),
    );
    assert_eq!(a.status, 421);
    let a = exchange(addr, b"GET /api/events HTTP/1.0\r\n\r\n");
    assert_eq!(a.status, 400, "no Host: {}", a.head);
    // --allow-host adds a name.
    let named = empty(
        None,
        Settings {
            allow_hosts: vec!["isnad.example".into()],
            ..Settings::default()
        },
    );
    let addr = start(named.state.clone());
    let a = exchange(addr, b"GET /api/events HTTP/1.0\r\nHost: isnad.example\r\n\r\n");
    assert_eq!(a.status, 200, "{}", a.head);
}

/// A post of 8 GB, of which only the head is ever sent, is answered at once:
/// the permission and the token come before the body.
#[test]
fn a_post_is_refused_before_its_body_is_read() {
    for (token, auth, want) in [
        (None, "", 403),
        (Some("sesame"), "Authorization: Bearer wrong\r\n", 401),
        (Some("sesame"), "", 401),
        (Some("sesame"), "Authorization: Bearer sesame\r\n", 413),
    ] {
        let f = empty(token, Settings::default());
        let addr = start(f.state.clone());
        let mut s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(5))).expect("timeout");
        let t = Instant::now();
        write!(
            s,
            "POST /api/documents?name=a.txt HTTP/1.1\r\nHost: {addr}\r\n{auth}Content-Length: 8000000000\r\n\r\n"
        )
        .expect("send");
        let a = read_answer(&mut s).expect("an answer");
        assert_eq!(a.status, want, "{auth}: {}", a.head);
        assert!(a.json()["error"].is_string());
        assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    }
}

#[test]
fn a_half_sent_head_is_closed_within_the_header_timeout() {
    let f = empty(None, fast());
    let addr = start(f.state.clone());
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let t = Instant::now();
    s.write_all(b"GET /api/events HTTP/1.1\r\nHost: 127.0")
        .expect("send");
    assert!(read_answer(&mut s).is_none_or(|a| a.status == 408));
    let took = t.elapsed();
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_secs(3),
        "{took:?}"
    );
}

#[test]
fn a_head_too_large_or_unreadable_is_answered_in_json() {
    let f = empty(None, fast());
    let addr = start(f.state.clone());
    let big = "a".repeat(600_000);
    for (request, status) in [
        (
            format!("GET /api/events HTTP/1.1\r\nHost: {addr}\r\nX-Big: {big}\r\n\r\n"),
            431,
        ),
        (
            format!("GET /api/events?{big} HTTP/1.1\r\nHost: {addr}\r\n\r\n"),
            431,
        ),
        ("GARBAGE\r\n\r\n".to_string(), 400),
    ] {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.set_read_timeout(Some(Duration::from_secs(10)))
            .expect("timeout");
        // The server may answer and close before it has read it all.
        let _ = s.write_all(request.as_bytes());
        let a = read_answer(&mut s).expect("an answer");
        assert_eq!(a.status, status, "{}", a.head);
        assert!(a.head.contains("application/json"), "{}", a.head);
        let v: serde_json::Value = serde_json::from_slice(&a.body).expect("a JSON body");
        assert_eq!(v["status"], status);
    }
}

#[test]
fn an_idle_kept_alive_connection_is_closed_within_the_header_timeout() {
    let f = empty(None, fast());
    let addr = start(f.state.clone());
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(s, "GET /api/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").expect("send");
    let a = read_answer(&mut s).expect("an answer");
    assert_eq!(a.status, 200);
    let t = Instant::now();
    assert!(read_answer(&mut s).is_none(), "the connection stays open");
    let took = t.elapsed();
    assert!(took < Duration::from_secs(3), "{took:?}");
}

#[test]
fn a_half_sent_body_is_answered_408_within_the_body_timeout() {
    let f = empty(Some("sesame"), fast());
    let addr = start(f.state.clone());
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let t = Instant::now();
    write!(
        s,
        "POST /api/documents?name=a.txt HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer sesame\r\nContent-Length: 1000\r\n\r\n12 attackers"
    )
    .expect("send");
    let a = read_answer(&mut s).expect("an answer");
    let took = t.elapsed();
    assert_eq!(a.status, 408, "{}", a.head);
    assert!(a.json()["error"].is_string());
    assert!(
        took >= Duration::from_millis(400) && took < Duration::from_secs(3),
        "{took:?}"
    );
}
