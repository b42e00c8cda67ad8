//! TLS for PostgreSQL connections, with `sslmode` read as libpq reads it.
//!
//! The client library knows `disable`, `prefer` and `require` only, and no
//! `sslrootcert`; this module takes both out of the URL's query and builds
//! a rustls connector (pure Rust, the `ring` provider: no OpenSSL to link):
//!
//! | `sslmode` | TLS | the server's certificate |
//! |---|---|---|
//! | `disable` | never | — |
//! | `allow`, `prefer` (the default) | when the server offers it | not checked |
//! | `require` | always | not checked; checked as `verify-ca` when `sslrootcert` is given |
//! | `verify-ca` | always | signed by a CA of `sslrootcert` |
//! | `verify-full` | always | signed by a CA of `sslrootcert`, and names the host |
//!
//! `sslrootcert=FILE` names the PEM file of the CA certificates; without it
//! the `verify-*` modes read `~/.postgresql/root.crt`, as libpq does.

use rustls::DigitallySignedStruct;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::{ClientConfig, WebPkiServerVerifier};
use rustls::crypto::{CryptoProvider, WebPkiSupportedAlgorithms};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use std::path::PathBuf;
use std::sync::Arc;

/// How a connection uses TLS (`sslmode`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Disable,
    Prefer,
    Require,
    VerifyCa,
    VerifyFull,
}

/// A URL made ready to connect: what the client library reads, and how TLS
/// is to be set up.
#[derive(Debug)]
pub(crate) struct Connect {
    /// The URL without `sslmode` and `sslrootcert`.
    pub(crate) url: String,
    pub(crate) mode: Mode,
    pub(crate) root_cert: Option<PathBuf>,
}

/// Takes `sslmode` and `sslrootcert` out of `url`'s query.
pub(crate) fn parse(url: &str) -> Result<Connect, String> {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, q),
        None => (url, ""),
    };
    let mut mode = None;
    let mut root_cert = None;
    let mut kept = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "sslmode" => {
                mode = Some(match percent_decode(value).as_str() {
                    "disable" => Mode::Disable,
                    "allow" | "prefer" => Mode::Prefer,
                    "require" => Mode::Require,
                    "verify-ca" => Mode::VerifyCa,
                    "verify-full" => Mode::VerifyFull,
                    other => {
                        return Err(format!(
                            "sslmode={other} is not one of disable, allow, prefer, require, verify-ca, verify-full"
                        ));
                    }
                });
            }
            "sslrootcert" => root_cert = Some(PathBuf::from(percent_decode(value))),
            _ => kept.push(pair),
        }
    }
    let mut mode = mode.unwrap_or(Mode::Prefer);
    if mode == Mode::Require && root_cert.is_some() {
        // libpq: with a root certificate, `require` checks the chain.
        mode = Mode::VerifyCa;
    }
    if matches!(mode, Mode::VerifyCa | Mode::VerifyFull) && root_cert.is_none() {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        root_cert = home.map(|h| h.join(".postgresql/root.crt"));
    }
    let url = if kept.is_empty() {
        base.to_string()
    } else {
        format!("{base}?{}", kept.join("&"))
    };
    Ok(Connect { url, mode, root_cert })
}

impl Connect {
    /// The client library's `sslmode`.
    pub(crate) fn ssl_mode(&self) -> postgres::config::SslMode {
        use postgres::config::SslMode;
        match self.mode {
            Mode::Disable => SslMode::Disable,
            Mode::Prefer => SslMode::Prefer,
            Mode::Require | Mode::VerifyCa | Mode::VerifyFull => SslMode::Require,
        }
    }

    /// The rustls configuration the mode asks for.
    pub(crate) fn client_config(&self) -> Result<ClientConfig, String> {
        // rustls deprecates the ring provider for want of post-quantum key
        // exchange; aws-lc-rs, which has it, builds a large C library (and
        // needs more than cc for a static musl build). ring's classical
        // suites are what PostgreSQL servers offer today.
        #[allow(deprecated)]
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let builder = ClientConfig::builder_with_provider(provider.clone())
            .with_safe_default_protocol_versions()
            .map_err(|e| format!("TLS: {e}"))?;
        let verifier: Arc<dyn ServerCertVerifier> = match self.mode {
            Mode::Disable | Mode::Prefer | Mode::Require => {
                Arc::new(Unchecked(provider.signature_verification_algorithms))
            }
            Mode::VerifyCa | Mode::VerifyFull => {
                let webpki = self.webpki(&provider)?;
                if self.mode == Mode::VerifyFull {
                    webpki
                } else {
                    Arc::new(AnyName(webpki))
                }
            }
        };
        Ok(builder
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth())
    }

    fn webpki(&self, provider: &Arc<CryptoProvider>) -> Result<Arc<dyn ServerCertVerifier>, String> {
        let Some(path) = &self.root_cert else {
            return Err("sslmode=verify-ca and verify-full need sslrootcert=FILE (no HOME to find ~/.postgresql/root.crt)".into());
        };
        let mut roots = rustls::RootCertStore::empty();
        let certs = CertificateDer::pem_file_iter(path)
            .map_err(|e| format!("sslrootcert {}: {e}", path.display()))?;
        for cert in certs {
            let cert = cert.map_err(|e| format!("sslrootcert {}: {e}", path.display()))?;
            roots
                .add(cert)
                .map_err(|e| format!("sslrootcert {}: {e}", path.display()))?;
        }
        if roots.is_empty() {
            return Err(format!(
                "sslrootcert {}: no certificate in the file",
                path.display()
            ));
        }
        let verifier = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
            .build()
            .map_err(|e| format!("sslrootcert {}: {e}", path.display()))?;
        Ok(verifier)
    }
}

/// `require` and `prefer`: the connection is encrypted, the certificate not
/// checked (the handshake's signatures still are).
#[derive(Debug)]
struct Unchecked(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// `verify-ca`: the chain is checked, the name in the certificate is not.
#[derive(Debug)]
struct AnyName(Arc<dyn ServerCertVerifier>);

impl ServerCertVerifier for AnyName {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        use rustls::{CertificateError, Error};
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// `%XX` escapes undone (a path in a query may carry them).
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(hex) = s.get(i + 1..i + 3)
            && let Ok(b) = u8::from_str_radix(hex, 16)
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sslmode_and_sslrootcert_leave_the_url_the_client_reads() {
        let c = parse("postgres://u@h/db?sslmode=verify-full&application_name=x&sslrootcert=%2Ftmp%2Fca.pem")
            .expect("parses");
        assert_eq!(c.url, "postgres://u@h/db?application_name=x");
        assert_eq!(c.mode, Mode::VerifyFull);
        assert_eq!(c.root_cert, Some(PathBuf::from("/tmp/ca.pem")));
    }

    #[test]
    fn no_sslmode_is_prefer_as_in_libpq() {
        let c = parse("postgres://u@h/db").expect("parses");
        assert_eq!(c.url, "postgres://u@h/db");
        assert_eq!(c.mode, Mode::Prefer);
    }

    #[test]
    fn require_with_a_root_certificate_checks_the_chain() {
        let c = parse("postgres://h/db?sslmode=require&sslrootcert=ca.pem").expect("parses");
        assert_eq!(c.mode, Mode::VerifyCa);
        assert_eq!(c.url, "postgres://h/db");
    }

    #[test]
    fn an_unknown_sslmode_is_named() {
        let e = parse("postgres://h/db?sslmode=required").expect_err("refused");
        assert!(e.starts_with("sslmode=required is not one of"), "{e}");
    }

    #[test]
    fn a_missing_root_certificate_file_is_named() {
        let c = parse("postgres://h/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.pem").expect("parses");
        let e = c.client_config().expect_err("no file");
        assert!(e.starts_with("sslrootcert /nonexistent/ca.pem: "), "{e}");
    }

    /// A server that answers a TLS request with "no" (as PostgreSQL with
    /// `ssl=off` does), then closes: its address.
    fn server_without_tls() -> std::net::SocketAddr {
        use std::io::{Read, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        let addr = listener.local_addr().expect("address");
        std::thread::spawn(move || {
            if let Ok((mut s, _)) = listener.accept() {
                let mut request = [0u8; 8];
                if s.read_exact(&mut request).is_ok() {
                    let _ = s.write_all(b"N");
                }
            }
        });
        addr
    }

    #[test]
    fn sslmode_require_against_a_server_without_tls_fails_in_one_line_without_the_password() {
        let addr = server_without_tls();
        let url = format!("postgres://u:secret@{addr}/db?sslmode=require");
        let Err(e) = crate::Store::open_location(&url) else {
            panic!("connected without TLS");
        };
        let shown = e.to_string();
        assert_eq!(
            shown,
            format!(
                "postgres://u:***@{addr}/db?sslmode=require: error performing TLS handshake: server does not support TLS"
            )
        );
        assert!(
            std::error::Error::source(&e).is_none(),
            "a source would repeat the message in a chain"
        );
    }

    /// The test server's URL for a fresh database and its CA's certificate,
    /// or `None` (after saying so) when there is no server or no CA.
    fn tls_server(test: &str) -> Option<(crate::testing::TestDatabase, PathBuf)> {
        let db = crate::testing::postgres(test)?;
        let Ok(ca) = std::env::var("ISNAD_TEST_POSTGRES_CA") else {
            let why = "ISNAD_TEST_POSTGRES_CA is not set (scripts/postgres.sh starts a server with TLS)";
            if std::env::var("ISNAD_REQUIRE_POSTGRES").as_deref() == Ok("1") {
                panic!("{test}: ISNAD_REQUIRE_POSTGRES=1 but {why}");
            }
            eprintln!("SKIP {test}: {why}");
            if let Ok(log) = std::env::var("ISNAD_SKIP_LOG") {
                use std::io::Write;
                if let Ok(mut f) = std::fs::OpenOptions::new().create(true).append(true).open(log) {
                    let _ = writeln!(f, "{test}: {why}");
                }
            }
            return None;
        };
        Some((db, PathBuf::from(ca)))
    }

    fn over_tls(url: &str) -> bool {
        match crate::postgres::Postgres::connect(url) {
            Ok(pg) => pg.over_tls().expect("pg_stat_ssl"),
            Err(e) => panic!("{url}: {e}"),
        }
    }

    #[test]
    fn sslmode_verify_full_and_require_connect_over_tls_and_disable_without() {
        let Some((db, ca)) =
            tls_server("sslmode_verify_full_and_require_connect_over_tls_and_disable_without")
        else {
            return;
        };
        let ca = ca.display();
        assert!(over_tls(&format!(
            "{}?sslmode=verify-full&sslrootcert={ca}",
            db.url
        )));
        assert!(over_tls(&format!(
            "{}?sslmode=verify-ca&sslrootcert={ca}",
            db.url
        )));
        assert!(over_tls(&format!("{}?sslmode=require", db.url)));
        assert!(!over_tls(&format!("{}?sslmode=disable", db.url)));
    }

    #[test]
    fn sslmode_verify_full_refuses_a_certificate_no_given_ca_signed() {
        let Some((db, ca)) = tls_server("sslmode_verify_full_refuses_a_certificate_no_given_ca_signed")
        else {
            return;
        };
        // The server's own certificate is not a CA: nothing signs the chain.
        let not_the_ca = ca.with_file_name("server.crt");
        let url = format!(
            "{}?sslmode=verify-full&sslrootcert={}",
            db.url,
            not_the_ca.display()
        );
        let Err(e) = crate::Store::open_location(&url) else {
            panic!("{url}: connected");
        };
        let shown = e.to_string();
        assert!(
            shown.contains("error performing TLS handshake: invalid peer certificate"),
            "{shown}"
        );
        assert!(!shown.contains('\n'), "{shown}");
    }
}
