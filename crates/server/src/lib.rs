//! isnad's HTTP API and web page over the store.
//!
//! In: an open store, the engine and the ledger's options ([`State`]).
//! Out: a [`Router`] ([`app`]) answering the JSON API under `/api/` (events,
//! an event's ledger, documents, a document's view, claims with filters,
//! search, and, when allowed, an upload to ingest; with the `parquet`
//! feature, the claims also as a Parquet file), its OpenAPI description
//! at `/api/openapi.json`, and the page at `/` with its script, style and
//! Arabic font (Noto Naskh Arabic, OFL, `assets/fonts/`), embedded in the
//! binary (nothing from a CDN; it works offline).
//!
//! Refuses: writing, unless [`State::ingest_token`] is set and the request
//! carries it (`Authorization: Bearer …`, checked before a byte of the body
//! is read); request bodies over [`BODY_LIMIT`] or slower than
//! [`Settings::body_timeout`]; a request head slower than
//! [`Settings::header_timeout`] (which also closes an idle kept-alive
//! connection); under [`serve`], a `Host` that is not the bound address,
//! `localhost`, `127.0.0.1`, `[::1]` or one of [`Settings::allow_hosts`]
//! (421, so a page of another site cannot read the API through a rebound
//! DNS name); any path not listed (no request reaches the file system).
//! Every error is JSON, `{"status": 404, "error": "…"}` (also the 400 and
//! 431 hyper's parser writes itself: see `guard.rs`), never a trace nor a
//! server file path; a 500 says only "internal error" (the cause goes to
//! stderr). JSON answers carry `Cache-Control: no-store` and every answer
//! `X-Content-Type-Options: nosniff`; answers are gzip- or
//! brotli-compressed when the client accepts it. The page inserts every
//! piece of article text as text, never as HTML, and the server sends a
//! Content-Security-Policy that allows only its own script.

mod api;
mod guard;

pub use guard::Settings;

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use isnad_engine::Engine;
use isnad_ledger::{Ledger, Options};
use isnad_store::{LedgerRow, Store};
use std::sync::{Arc, Mutex};
use tower_http::compression::predicate::{DefaultPredicate, NotForContentType, Predicate};

/// The largest request body accepted (an upload of documents).
pub const BODY_LIMIT: usize = 8 * 1024 * 1024;

/// What the server serves from.
pub struct State {
    /// The engine (reading, extraction, search analysis).
    pub engine: Arc<Engine>,
    /// The store.
    pub store: Mutex<Store>,
    /// How the ledger is built.
    pub options: Options,
    /// When set, uploads are allowed with this bearer token.
    pub ingest_token: Option<String>,
    /// Timeouts and the hosts served.
    pub settings: Settings,
    cache: Mutex<Option<Cached>>,
    generation: std::sync::atomic::AtomicU64,
}

/// The stored claims, the event of each, and the ledger built from them.
pub(crate) type Snapshot = (Arc<Vec<LedgerRow>>, Arc<Vec<String>>, Arc<Ledger>);

/// The ledger and its rows, built once per state of the store.
pub(crate) struct Cached {
    key: (i64, u64),
    pub(crate) rows: Arc<Vec<LedgerRow>>,
    pub(crate) events: Arc<Vec<String>>,
    pub(crate) ledger: Arc<Ledger>,
}

impl State {
    /// A server state over an open store.
    pub fn new(engine: Arc<Engine>, store: Store, options: Options, ingest_token: Option<String>) -> State {
        State {
            engine,
            store: Mutex::new(store),
            options,
            ingest_token,
            settings: Settings::default(),
            cache: Mutex::new(None),
            generation: Default::default(),
        }
    }

    /// This state with `settings` instead of the default ones.
    pub fn with_settings(mut self, settings: Settings) -> State {
        self.settings = settings;
        self
    }

    /// The store, locked.
    pub(crate) fn store(&self) -> Result<std::sync::MutexGuard<'_, Store>, ApiError> {
        self.store
            .lock()
            .map_err(|_| ApiError::internal("the store lock is poisoned"))
    }

    /// Notes that this server wrote to the store.
    pub(crate) fn wrote(&self) {
        self.generation.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }

    /// The ledger of the store. Rebuilt here when nothing is cached yet or
    /// this server wrote to the store (so an upload shows at once); when
    /// another process wrote, the cached ledger answers and
    /// [`State::refresh`] (run every second by [`serve`]) replaces it.
    pub(crate) fn ledger(&self) -> Result<Snapshot, ApiError> {
        let generation = self.generation.load(std::sync::atomic::Ordering::SeqCst);
        {
            let cache = self
                .cache
                .lock()
                .map_err(|_| ApiError::internal("the cache lock is poisoned"))?;
            if let Some(c) = cache.as_ref()
                && c.key.1 == generation
            {
                return Ok((c.rows.clone(), c.events.clone(), c.ledger.clone()));
            }
        }
        self.rebuild()
    }

    /// Rebuilds the cached ledger when the store changed since it was built;
    /// true when it did.
    pub fn refresh(&self) -> Result<bool, ApiError> {
        let key = self.key()?;
        let fresh = self
            .cache
            .lock()
            .map_err(|_| ApiError::internal("the cache lock is poisoned"))?
            .as_ref()
            .is_some_and(|c| c.key == key);
        if fresh {
            return Ok(false);
        }
        self.rebuild()?;
        Ok(true)
    }

    fn key(&self) -> Result<(i64, u64), ApiError> {
        let version = self.store()?.data_version()?;
        Ok((version, self.generation.load(std::sync::atomic::Ordering::SeqCst)))
    }

    /// Builds the ledger from the store and caches it (the cache lock is not
    /// held while building, so requests are answered meanwhile).
    fn rebuild(&self) -> Result<Snapshot, ApiError> {
        let (key, rows) = {
            let store = self.store()?;
            let key = (
                store.data_version()?,
                self.generation.load(std::sync::atomic::Ordering::SeqCst),
            );
            (key, store.ledger_rows()?)
        };
        let (ledger, events) = isnad_ledger::build_with_events(&rows, &self.options);
        let c = Cached {
            key,
            rows: Arc::new(rows),
            events: Arc::new(events),
            ledger: Arc::new(ledger),
        };
        let out = (c.rows.clone(), c.events.clone(), c.ledger.clone());
        let old = self
            .cache
            .lock()
            .map_err(|_| ApiError::internal("the cache lock is poisoned"))?
            .replace(c);
        drop(old);
        Ok(out)
    }
}

/// An error as the API returns it.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }

    pub(crate) fn not_found(what: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, what)
    }

    pub(crate) fn conflict(what: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::CONFLICT, what)
    }

    pub(crate) fn bad_request(what: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, what)
    }

    pub(crate) fn internal(what: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, what)
    }
}

impl From<isnad_store::StoreError> for ApiError {
    fn from(e: isnad_store::StoreError) -> ApiError {
        ApiError::internal(e.to_string())
    }
}

impl From<isnad_engine::ingest::IngestError> for ApiError {
    fn from(e: isnad_engine::ingest::IngestError) -> ApiError {
        ApiError::internal(e.to_string())
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if self.status.is_server_error() {
            // The cause (a store error naming a file, say) is for the
            // operator, not the client.
            eprintln!("isnad serve: {}", self.message);
            return json_error(self.status, "internal error");
        }
        json_error(self.status, &self.message)
    }
}

pub(crate) fn json_error(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({"status": status.as_u16(), "error": message});
    let mut res = (status, axum::Json(body)).into_response();
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    res
}

/// Turns any error response that is not JSON (a method not allowed, an
/// extractor's rejection) into the API's JSON shape, and sets the headers
/// every answer carries.
async fn errors_as_json(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let mut res = next.run(req).await;
    let status = res.status();
    let is_json = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let allow = res.headers().get(header::ALLOW).cloned();
        let message = if status == StatusCode::METHOD_NOT_ALLOWED {
            // The router adds the `Allow` header after this layer.
            format!("{method} is not allowed on this path (the Allow header lists those that are)")
        } else if status.is_server_error() {
            "internal error".to_string()
        } else {
            // An axum rejection: its text names the problem, not the code.
            let body = axum::body::to_bytes(res.into_body(), 64 * 1024)
                .await
                .unwrap_or_default();
            let text = String::from_utf8_lossy(&body).trim().to_string();
            if text.is_empty() {
                status.canonical_reason().unwrap_or("error").to_string()
            } else {
                text
            }
        };
        res = json_error(status, &message);
        if let Some(a) = allow {
            res.headers_mut().insert(header::ALLOW, a);
        }
    }
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if !h.contains_key(header::CACHE_CONTROL) {
        let json = h
            .get(header::CONTENT_TYPE)
            .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
        // The API's answers change as the store does; the page's own files
        // may be cached but are checked each time.
        let policy = if json { "no-store" } else { "no-cache" };
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static(policy));
    }
    res
}

const INDEX: &str = include_str!("../assets/index.html");
const SCRIPT: &str = include_str!("../assets/app.js");
const STYLE: &str = include_str!("../assets/app.css");
const OPENAPI: &str = include_str!("../assets/openapi.json");
/// Noto Naskh Arabic's Arabic subset (OFL; see `assets/fonts/README.md`).
const ARABIC_FONT: &[u8] = include_bytes!("../assets/fonts/noto-naskh-arabic-arabic-400-normal.woff2");

/// The page, its `isnad-export` meta naming the formats its export offers:
/// `csv`, and `parquet` where built with the `parquet` feature.
fn index() -> &'static str {
    static PAGE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let formats = if cfg!(feature = "parquet") {
            "csv parquet"
        } else {
            "csv"
        };
        INDEX.replacen(
            r#"<meta name="isnad-export" content="csv">"#,
            &format!(r#"<meta name="isnad-export" content="{formats}">"#),
            1,
        )
    });
    &PAGE
}

/// The page's Arabic font. Its path changes with the file, so it may be
/// cached for a year.
fn font() -> Response {
    let mut r = (StatusCode::OK, ARABIC_FONT).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static("font/woff2"));
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=31536000, immutable"),
    );
    r
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

/// The server's routes over `state`.
pub fn app(state: Arc<State>) -> Router {
    Router::new()
        .route("/", get(|| async { asset(index(), "text/html; charset=utf-8") }))
        .route(
            "/app.js",
            get(|| async { asset(SCRIPT, "text/javascript; charset=utf-8") }),
        )
        .route(
            "/app.css",
            get(|| async { asset(STYLE, "text/css; charset=utf-8") }),
        )
        .route(
            "/fonts/noto-naskh-arabic-arabic-400-normal.woff2",
            get(|| async { font() }),
        )
        .route(
            "/api/openapi.json",
            get(|| async { asset(OPENAPI, "application/json") }),
        )
        .route("/api/events", get(api::events))
        .route("/api/events/{id}", get(api::event))
        .route("/api/documents", get(api::documents).post(api::upload))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/claims", get(api::claims))
        .route("/api/search", get(api::search))
        .route("/api/ingest", post(api::upload))
        .fallback(|| async { ApiError::not_found("no such path") })
        .layer(axum::middleware::from_fn(errors_as_json))
        .layer(
            // A woff2 and a Parquet file are compressed already.
            tower_http::compression::CompressionLayer::new().compress_when(
                DefaultPredicate::new()
                    .and(NotForContentType::const_new("font/"))
                    .and(NotForContentType::const_new(api::PARQUET)),
            ),
        )
        .with_state(state)
}

/// Serves `app` on `addr` until Ctrl-C; calls `ready` with the bound
/// address once listening. Requests whose `Host` is not served are refused
/// (see [`Settings::allow_hosts`]), and the timeouts of `state.settings`
/// hold on every connection.
pub async fn serve(
    state: Arc<State>,
    addr: std::net::SocketAddr,
    ready: impl FnOnce(std::net::SocketAddr),
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    let bound = listener.local_addr()?;
    // Build the ledger before the first request, then keep it fresh while
    // other processes write to the store.
    let warm = state.clone();
    let _ = tokio::task::spawn_blocking(move || warm.refresh()).await;
    let keeper = state.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(std::time::Duration::from_secs(1)).await;
            let s = keeper.clone();
            let _ = tokio::task::spawn_blocking(move || s.refresh()).await;
        }
    });
    let hosts = Arc::new(guard::Hosts::new(bound, &state.settings.allow_hosts));
    let header_timeout = state.settings.header_timeout;
    let router = app(state).layer(axum::middleware::from_fn_with_state(hosts, guard::check_host));
    ready(bound);
    guard::accept(listener, router, header_timeout, async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}
