//! Static files: the demo page, the demo-site pages, the built widget, its configuration and the
//! no-WebAssembly fallback links computed from it (`/widget/fallback.json`, see [`crate::fallback`]).
//!
//! Guarantees: files are served only from under their directory (`..`, encoded or not, and absolute
//! paths are refused by `ServeDir` with 404); widget files come precompressed per `Accept-Encoding`
//! (brotli preferred, then gzip, else the plain file) with `Vary: Accept-Encoding`, and the two
//! computed or loaded JSON documents (`/contact.json`, `/widget/fallback.json`) are compressed the
//! same way as they are sent, since visitors download both before any interaction; the loader is
//! cached for five minutes so a new release reaches visitors quickly, content-hashed files for a year
//! as immutable, anything else (the configuration and the fallback links among them) is revalidated
//! on every use.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

use crate::cors;
use crate::fallback::FallbackDocument;
use crate::state::AppState;

/// The loader's file name; the one widget file whose name does not change between releases.
pub const LOADER_FILE: &str = "contact-widget.js";

/// Where the loader finds the fallback links, beside itself: `/widget/` + this name.
pub const FALLBACK_FILE: &str = "fallback.json";

const REVALIDATE: &str = "no-cache";
const LOADER_CACHE: &str = "public, max-age=300";
const IMMUTABLE_CACHE: &str = "public, max-age=31536000, immutable";

/// Routes for `/`, `/demo-site/…`, `/widget/…` (with `/widget/fallback.json`) and `/contact.json`.
pub fn router(state: &AppState) -> Router<AppState> {
    let settings = &state.settings;
    let pages = Router::new()
        .route_service("/", ServeFile::new(settings.static_root.join("index.html")))
        .nest_service("/demo-site", ServeDir::new(settings.static_root.join("demo-site")))
        .layer(middleware::from_fn(page_cache_headers));
    // Not files in `widget_dist`, so not precompressed: compressed per request (a few KB each).
    let documents = Router::new()
        // Computed rather than a file, so it always follows the served configuration.
        .route(&["/widget/", FALLBACK_FILE].concat(), get(widget_fallback_show))
        .route("/contact.json", get(widget_config_show))
        .layer(CompressionLayer::new().br(true).gzip(true));
    let widget = documents
        .nest_service("/widget", ServeDir::new(&settings.widget_dist).precompressed_br().precompressed_gzip())
        .layer(middleware::from_fn(widget_cache_headers))
        .layer(middleware::from_fn_with_state(state.clone(), cors::asset_headers));
    pages.merge(widget)
}

/// `GET /contact.json`: the widget configuration loaded at start-up.
pub async fn widget_config_show(State(state): State<AppState>) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], state.widget.json.clone()).into_response()
}

/// `GET /widget/fallback.json`: the configuration's contacts as plain links in every language, for
/// the loader to list where the wasm cannot run.
pub async fn widget_fallback_show(State(state): State<AppState>) -> Response {
    axum::Json(FallbackDocument::for_config(&state.widget.config)).into_response()
}

async fn page_cache_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    if response.status().is_success() || response.status().is_redirection() {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(REVALIDATE));
    }
    response
}

async fn widget_cache_headers(request: Request, next: Next) -> Response {
    let name = request.uri().path().rsplit('/').next().unwrap_or_default().to_owned();
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    // The body depends on Accept-Encoding even when this response is the plain file.
    headers.append(header::VARY, HeaderValue::from_static("accept-encoding"));
    if response.status().is_success() || response.status() == axum::http::StatusCode::NOT_MODIFIED {
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache_policy(&name)));
    }
    response
}

/// The `Cache-Control` for a widget file named `name`.
pub fn cache_policy(name: &str) -> &'static str {
    if name == LOADER_FILE {
        LOADER_CACHE
    } else if is_content_hashed(name) {
        IMMUTABLE_CACHE
    } else {
        REVALIDATE
    }
}

/// Whether `name` is `<stem>-<8 or more hex digits>.<extension>`, the build's content-hashed form.
fn is_content_hashed(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !extension.is_empty() && hash.len() >= 8 && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cache_policy_follows_the_file_name() {
        let cases = [
            ("contact-widget.js", LOADER_CACHE),
            ("contact-widget-3f2a9c1b.wasm", IMMUTABLE_CACHE),
            ("contact-widget-3f2a9c1b0d4e.js", IMMUTABLE_CACHE),
            ("contact-widget-3F2A9C1B.css", IMMUTABLE_CACHE),
            ("contact-widget-3f2a9c1.css", REVALIDATE),
            ("contact-widget-3f2a9c1g.css", REVALIDATE),
            ("contact-widget-3f2a9c1b", REVALIDATE),
            ("contact.json", REVALIDATE),
            (FALLBACK_FILE, REVALIDATE),
            ("", REVALIDATE),
        ];
        for (name, expected) in cases {
            assert_eq!(cache_policy(name), expected, "{name}");
        }
    }
}
