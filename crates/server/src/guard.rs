//! The socket's guards: the hosts served, the timeouts, and the accept loop
//! that applies them to every connection.

use crate::json_error;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, ready};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// How the server guards its connections.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Host names answered besides the bound address, `localhost`,
    /// `127.0.0.1` and `[::1]` (which are answered only on the bound port):
    /// a name as the `Host` header gives it, with or without a port (a
    /// proxy in front may use its own port, so any is accepted).
    pub allow_hosts: Vec<String>,
    /// How long a request's head may take to arrive, counted from when the
    /// connection is ready for it: so also how long an idle kept-alive
    /// connection is held open.
    pub header_timeout: Duration,
    /// How long a request's whole body may take to arrive.
    pub body_timeout: Duration,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            allow_hosts: Vec::new(),
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
        }
    }
}

/// The hosts a server answers for.
pub(crate) struct Hosts {
    port: u16,
    /// Answered on the bound port only.
    local: Vec<String>,
    /// Answered on any port.
    extra: Vec<String>,
}

impl Hosts {
    pub(crate) fn new(bound: SocketAddr, extra: &[String]) -> Hosts {
        let mut local: Vec<String> = ["localhost", "127.0.0.1", "[::1]"].map(String::from).into();
        match bound.ip() {
            IpAddr::V4(ip) => local.push(ip.to_string()),
            IpAddr::V6(ip) => local.push(format!("[{ip}]")),
        }
        let extra = extra
            .iter()
            .filter_map(|h| split_host(h.trim()).map(|(name, _)| name.to_ascii_lowercase()))
            .collect();
        Hosts {
            port: bound.port(),
            local,
            extra,
        }
    }

    /// Whether a request with this `Host` is answered.
    pub(crate) fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else {
            return false;
        };
        let on_port = port.map_or(self.port == 80, |p| p == self.port);
        (on_port && self.local.iter().any(|n| n.eq_ignore_ascii_case(name)))
            || self.extra.iter().any(|n| n.eq_ignore_ascii_case(name))
    }
}

/// `name[:port]`, `[v6][:port]` into the name and the port; `None` when it
/// is neither.
fn split_host(host: &str) -> Option<(&str, Option<u16>)> {
    let at = if host.starts_with('[') {
        host.find(']')? + 1
    } else {
        host.find(':').unwrap_or(host.len())
    };
    let (name, rest) = host.split_at(at);
    if name.is_empty() {
        return None;
    }
    match rest {
        "" => Some((name, None)),
        r => r.strip_prefix(':')?.parse().ok().map(|p| (name, Some(p))),
    }
}

/// Refuses a request whose host is not served (421), or that names none.
pub(crate) async fn check_host(State(hosts): State<Arc<Hosts>>, req: Request, next: Next) -> Response {
    let host = match req.uri().authority() {
        Some(a) => Some(a.as_str()),
        None => req.headers().get(header::HOST).map(|v| v.to_str().unwrap_or("")),
    };
    match host {
        Some(h) if hosts.allows(h) => next.run(req).await,
        Some(h) => {
            let shown: String = h.chars().filter(|c| !c.is_control()).take(100).collect();
            json_error(
                StatusCode::MISDIRECTED_REQUEST,
                &format!(
                    "this server does not answer for the host {shown:?} (start it with --allow-host NAME to add a name)"
                ),
            )
        }
        None => json_error(StatusCode::BAD_REQUEST, "the request has no Host header"),
    }
}

/// Serves `router` on each connection `listener` accepts, with the head
/// timeout, until `shutdown` completes; then waits up to five seconds for
/// the requests under way.
pub(crate) async fn accept(
    listener: tokio::net::TcpListener,
    router: Router,
    header_timeout: Duration,
    shutdown: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors, a connection reset before it
                    // was accepted: wait a moment and go on.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        let mut builder = hyper::server::conn::http1::Builder::new();
        builder
            .timer(hyper_util::rt::TokioTimer::new())
            .header_read_timeout(header_timeout)
            .keep_alive(true);
        let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(JsonErrors::new(stream)), service);
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            let _ = conn.await;
        });
    }
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(5)) => {}
    }
    Ok(())
}

/// A connection whose error answers are all JSON: the answers hyper's
/// parser writes itself, before any request reaches the router (400 for a
/// head it cannot read, 431 for one over its buffer), are a bare head
/// with `content-length: 0`; this writer gives them the router's error
/// body, `{"status": 431, "error": "Request Header Fields Too Large"}`.
/// Everything else passes through unchanged.
struct JsonErrors<S> {
    inner: S,
    /// A rewritten answer still to be written, and how much of it is.
    pending: Vec<u8>,
    sent: usize,
}

impl<S> JsonErrors<S> {
    fn new(inner: S) -> JsonErrors<S> {
        JsonErrors {
            inner,
            pending: Vec::new(),
            sent: 0,
        }
    }
}

/// The JSON answer for `head` when it is a whole error answer with no
/// body and no type (one of hyper's own); `None` for anything else.
fn json_answer(head: &[u8]) -> Option<Vec<u8>> {
    let end = head.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let text = std::str::from_utf8(head.get(..end).filter(|_| end == head.len())?).ok()?;
    let mut lines = text.split("\r\n");
    let (code, reason) = lines.next()?.strip_prefix("HTTP/1.1 ")?.split_once(' ')?;
    let code: u16 = code.parse().ok().filter(|c| (400..600).contains(c))?;
    let fields: Vec<&str> = lines.filter(|l| !l.is_empty()).collect();
    let named = |f: &str, name: &str| {
        f.split(':')
            .next()
            .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
    };
    let empty = fields
        .iter()
        .any(|f| named(f, "content-length") && f.split(':').nth(1).is_some_and(|v| v.trim() == "0"));
    if !empty || fields.iter().any(|f| named(f, "content-type")) {
        return None;
    }
    let body = serde_json::json!({"status": code, "error": reason}).to_string();
    let mut out = format!("HTTP/1.1 {code} {reason}\r\n");
    for f in fields.iter().filter(|f| !named(f, "content-length")) {
        out.push_str(f);
        out.push_str("\r\n");
    }
    out.push_str("content-type: application/json\r\nx-content-type-options: nosniff\r\n");
    out.push_str(&format!("content-length: {}\r\n\r\n{body}", body.len()));
    Some(out.into_bytes())
}

impl<S: AsyncWrite + Unpin> JsonErrors<S> {
    /// Writes what is left of a rewritten answer.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        while self.sent < self.pending.len() {
            let n = ready!(Pin::new(&mut self.inner).poll_write(cx, &self.pending[self.sent..]))?;
            if n == 0 {
                return Poll::Ready(Err(std::io::ErrorKind::WriteZero.into()));
            }
            self.sent += n;
        }
        self.pending.clear();
        self.sent = 0;
        Poll::Ready(Ok(()))
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for JsonErrors<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for JsonErrors<S> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        if let Some(answer) = json_answer(buf) {
            this.pending = answer;
            // Written now or by the flush that follows.
            if let Poll::Ready(Err(e)) = this.poll_pending(cx) {
                return Poll::Ready(Err(e));
            }
            return Poll::Ready(Ok(buf.len()));
        }
        Pin::new(&mut this.inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        ready!(this.poll_pending(cx))?;
        Pin::new(&mut this.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_bare_error_heads_are_given_a_json_body() {
        let bare = b"HTTP/1.1 431 Request Header Fields Too Large\r\nconnection: close\r\ncontent-length: 0\r\ndate: x\r\n\r\n";
        let got = String::from_utf8(json_answer(bare).expect("rewritten")).expect("utf-8");
        let (head, body) = got.split_once("\r\n\r\n").expect("a head");
        assert!(
            head.starts_with("HTTP/1.1 431 Request Header Fields Too Large\r\n"),
            "{head}"
        );
        assert!(
            head.contains("connection: close") && head.contains("date: x"),
            "{head}"
        );
        assert!(head.contains("content-type: application/json"), "{head}");
        assert!(
            head.contains(&format!("content-length: {}", body.len())),
            "{head}"
        );
        let v: serde_json::Value = serde_json::from_str(body).expect("json");
        assert_eq!(v["status"], 431);
        assert_eq!(v["error"], "Request Header Fields Too Large");
        for kept in [
            &b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"[..],
            b"HTTP/1.1 404 Not Found\r\ncontent-type: application/json\r\ncontent-length: 0\r\n\r\n",
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 2\r\n\r\n{}",
            b"HTTP/1.1 400 Bad Request\r\ncontent-length: 0\r\n",
            b"not http at all",
        ] {
            assert!(json_answer(kept).is_none(), "{}", String::from_utf8_lossy(kept));
        }
    }

    #[test]
    fn hosts_are_the_loopback_names_on_the_bound_port_and_the_allowed_names() {
        let bound: SocketAddr = "127.0.0.1:8080".parse().expect("addr");
        let h = Hosts::new(bound, &["Isnad.Example".into(), "proxy.example:443".into()]);
        for ok in [
            "localhost:8080",
            "LOCALHOST:8080",
            "127.0.0.1:8080",
            "[::1]:8080",
            "isnad.example",
            "isnad.example:9999",
            "proxy.example",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        for no in [
            "attacker.example",
            "attacker.example:8080",
            "localhost:8081",
            "localhost",
            "127.0.0.1.attacker.example:8080",
            "",
            ":8080",
            "localhost:80x",
            "[::1",
        ] {
            assert!(!h.allows(no), "{no}");
        }
        let on80 = Hosts::new("127.0.0.1:80".parse().expect("addr"), &[]);
        assert!(on80.allows("localhost"));
    }
}
