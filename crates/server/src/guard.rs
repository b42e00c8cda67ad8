//! The socket's guards: the hosts served, the timeouts, and the accept loop
//! that applies them to every connection.

use crate::json_error;
use axum::Router;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

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
        let conn = builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
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

#[cfg(test)]
mod tests {
    use super::*;

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
