//! `trappa serve`: the coordinator's workplace in a browser (docs/serve.md).
//!
//! A local web application on the top floor beside `cli`: it may use every floor below and
//! nothing below uses it. Rounds and their versions are kept in an SQLite database in `--data`
//! ([`store`]), the plans beside it; one plan is planned at a time ([`planner`]); every page
//! is server-rendered Swedish HTML ([`html`], through the message catalogue) with a CSRF token
//! on every form, and with a password every route but the login needs a session ([`security`]).

// A handler's early answer (an error page) is an axum `Response`, returned as the `Err` of the
// helpers it calls; it is made once per request, so its size does not matter.
#![allow(clippy::result_large_err)]

pub mod html;
pub mod planner;
pub mod rounds;
pub mod security;
pub mod store;
pub mod upload;
pub mod versions;

use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// The largest upload accepted, bytes (a workbook of a large region is well under 1 MB).
pub const MAX_UPLOAD_BYTES: usize = 8 * 1024 * 1024;

/// How the server is started.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The data directory: the database and every version's files.
    pub data: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// The password; required unless `addr` is a loopback address.
    pub password: Option<String>,
}

/// What the handlers share.
pub struct App {
    /// The database and data directory.
    pub store: Arc<store::Store>,
    /// The planning queue.
    pub planner: Arc<planner::Planner>,
    /// Sessions, CSRF tokens and the password.
    pub security: security::Security,
}

/// The shared state of the handlers.
pub type State = Arc<App>;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Bad options (exit 2).
    #[error("{0}")]
    Usage(String),
}

/// The router of every page.
pub fn router(state: State) -> Router {
    Router::new()
        .route("/", get(rounds::index))
        .route("/mall.xlsx", get(rounds::template))
        .route("/login", get(security::login_page).post(security::login))
        .route("/logout", post(security::logout))
        .route("/rounds", post(rounds::create))
        .route("/rounds/from-template", post(rounds::create_from_template))
        .route("/rounds/{id}", get(rounds::show))
        .route("/rounds/{id}/replan", post(rounds::replan))
        .route("/rounds/{id}/compare", get(rounds::compare))
        .route("/versions/{id}", get(versions::show))
        .route("/versions/{id}/plan", post(versions::plan))
        .route("/versions/{id}/cancel", post(versions::cancel))
        .route("/versions/{id}/events", get(versions::events))
        .route("/versions/{id}/report", get(versions::report))
        .route("/versions/{id}/person", get(versions::person))
        .route("/versions/{id}/download/{name}", get(versions::download))
        .route("/versions/{id}/calendar/{file}", get(versions::calendar))
        .route("/static/progress.js", get(html::progress_js))
        .layer(axum::extract::DefaultBodyLimit::max(MAX_UPLOAD_BYTES))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::guard))
        .with_state(state)
}

/// Starts the server and serves until the process ends. The first line on standard output
/// is the address it listens on (`--addr 127.0.0.1:0` picks a free port).
pub fn run(opts: ServeOptions) -> Result<(), ServeError> {
    if !opts.addr.ip().is_loopback() && opts.password.as_deref().is_none_or(str::is_empty) {
        return Err(ServeError::Usage(crate::text::tr!("serve-needs-password", addr = opts.addr.to_string())));
    }
    let store = Arc::new(store::Store::open(&opts.data).map_err(ServeError::Usage)?);
    let planner = planner::Planner::start(store.clone());
    let state = Arc::new(App { store, planner, security: security::Security::new(opts.password.as_deref()) });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()
        .map_err(|e| ServeError::Usage(e.to_string()))?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.addr).await.map_err(|e| ServeError::Usage(format!("{}: {e}", opts.addr)))?;
        let local = listener.local_addr().map_err(|e| ServeError::Usage(e.to_string()))?;
        eprintln!("{}", crate::text::tr!("serve-listening", url = format!("http://{local}/")));
        println!("http://{local}/");
        axum::serve(listener, router(state)).await.map_err(|e| ServeError::Usage(e.to_string()))
    })
}
