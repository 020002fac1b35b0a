//! `server-stub`: the contact widget's own endpoint.
//!
//! It serves the demo page, the built widget and its configuration, and accepts callback requests
//! (`POST /api/v1/callbacks`), validating them with the same `contact-core` code the widget runs and
//! storing them durably in SQLite. The crate is a thin shell: domain rules live in `contact-core`;
//! here are transport ([`app`]), storage ([`db`]) and abuse control ([`rate_limit`],
//! [`form_token`], [`cors`]). `main.rs` only reads the configuration, opens the database and serves.
//!
//! Routes (see `docs/server.md` and `docs/openapi.json`):
//! `GET /`, `GET /demo-site/…`, `GET /widget/…` (with `GET /widget/fallback.json`),
//! `GET /contact.json`, `GET /healthz`,
//! `GET /api/v1/form-token`, `POST /api/v1/callbacks`. Anything else is `404`.

pub mod assets;
pub mod callbacks;
pub mod cli;
pub mod clock;
pub mod cors;
pub mod db;
pub mod error;
pub mod fallback;
pub mod form_token;
pub mod listing;
pub mod rate_limit;
pub mod settings;
pub mod state;

use axum::extract::{DefaultBodyLimit, Request};
use axum::http::{header, HeaderValue};
use axum::middleware;
use axum::routing::{get, post};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer};
use tracing::Level;

pub use error::ApiError;
pub use state::AppState;

/// The whole HTTP application.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/api/v1/callbacks", post(callbacks::callbacks_create))
        .route("/api/v1/form-token", get(callbacks::form_token_issue))
        .layer(DefaultBodyLimit::max(state.settings.body_limit_bytes))
        .layer(middleware::from_fn_with_state(state.clone(), cors::api_guard));
    Router::new()
        .merge(api)
        .merge(assets::router(&state))
        .route("/healthz", get(health_show))
        .fallback(not_found)
        // Browsers must not second-guess content types (a stored text served as HTML, say).
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        // Method, path and status only: bodies (where personal data lives) are never logged.
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
        .with_state(state)
}

/// `GET /healthz`: the process is up and serving.
pub async fn health_show() -> &'static str {
    "ok"
}

async fn not_found(request: Request) -> ApiError {
    ApiError::NotFound { locale: error::accept_language(request.headers()) }
}
