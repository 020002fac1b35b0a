//! Cross-origin rules: which pages may call the API and load the widget from another origin.
//!
//! Guarantees: a response names the exact requesting origin in `Access-Control-Allow-Origin`, never
//! `*`, and only for origins in `allowed_origins`; an API request from any other origin is refused
//! with `403` and no CORS headers, before the handler runs. Requests without `Origin`, or with the
//! server's own origin, are same-origin and pass untouched. Widget files from a refused origin are
//! still served (they are public) but without CORS headers, so a browser will not let that page
//! execute them as modules.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::{accept_language, ApiError};
use crate::state::AppState;

/// How long a browser may cache a preflight answer.
const PREFLIGHT_MAX_AGE_SECONDS: u32 = 600;

/// What the `Origin` of a request means for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OriginCheck {
    /// No `Origin`, or the server's own.
    SameOrigin,
    /// A listed origin; the value to echo.
    Allowed(HeaderValue),
    /// Any other origin, including `null`.
    Denied,
}

/// Classifies a request by its `Origin` and `Host` headers against the allowed origins (normalised,
/// as in [`crate::settings::Settings::allowed_origins`]).
pub fn check_origin(allowed: &[String], headers: &HeaderMap) -> OriginCheck {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return OriginCheck::SameOrigin;
    };
    let Ok(text) = origin.to_str() else {
        return OriginCheck::Denied;
    };
    let text = text.to_ascii_lowercase();
    let host = headers.get(header::HOST).and_then(|host| host.to_str().ok()).map(str::to_ascii_lowercase);
    let own = host.is_some_and(|host| {
        text.strip_prefix("http://").or_else(|| text.strip_prefix("https://")) == Some(host.as_str())
    });
    if own {
        OriginCheck::SameOrigin
    } else if allowed.contains(&text) {
        OriginCheck::Allowed(origin.clone())
    } else {
        OriginCheck::Denied
    }
}

/// Middleware for `/api/…`: answers preflights, refuses foreign origins, tags allowed responses.
pub async fn api_guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    match check_origin(&state.settings.allowed_origins, request.headers()) {
        OriginCheck::SameOrigin => next.run(request).await,
        OriginCheck::Denied => {
            ApiError::OriginNotAllowed { locale: accept_language(request.headers()) }.into_response()
        }
        OriginCheck::Allowed(origin) if is_preflight(&request) => preflight(origin),
        OriginCheck::Allowed(origin) => {
            let mut response = next.run(request).await;
            allow(response.headers_mut(), origin);
            // Lets the widget read how long to wait after a 429.
            response
                .headers_mut()
                .insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("retry-after"));
            response
        }
    }
}

/// Middleware for widget files and `/contact.json`: tags responses for allowed origins, nothing else.
pub async fn asset_headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let check = check_origin(&state.settings.allowed_origins, request.headers());
    let mut response = next.run(request).await;
    // Cached copies differ by origin once one of them carries Access-Control-Allow-Origin.
    response.headers_mut().append(header::VARY, HeaderValue::from_static("origin"));
    if let OriginCheck::Allowed(origin) = check {
        response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    }
    response
}

fn is_preflight(request: &Request) -> bool {
    request.method() == Method::OPTIONS && request.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD)
}

fn preflight(origin: HeaderValue) -> Response {
    let mut response = StatusCode::NO_CONTENT.into_response();
    let headers = response.headers_mut();
    allow(headers, origin);
    headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, POST"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_HEADERS, HeaderValue::from_static("content-type, accept-language"));
    headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from(PREFLIGHT_MAX_AGE_SECONDS));
    response
}

fn allow(headers: &mut HeaderMap, origin: HeaderValue) {
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    headers.append(header::VARY, HeaderValue::from_static("origin"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_classified_against_the_list_and_the_host() {
        let allowed = vec!["https://shop.example".to_owned()];
        let cases = [
            (None, "127.0.0.1:8080", OriginCheck::SameOrigin),
            (Some("http://127.0.0.1:8080"), "127.0.0.1:8080", OriginCheck::SameOrigin),
            (
                Some("https://shop.example"),
                "api.example",
                OriginCheck::Allowed(HeaderValue::from_static("https://shop.example")),
            ),
            (Some("https://shop.example.evil.test"), "api.example", OriginCheck::Denied),
            (Some("http://shop.example"), "api.example", OriginCheck::Denied),
            (Some("null"), "api.example", OriginCheck::Denied),
            (Some("http://127.0.0.1:8081"), "127.0.0.1:8080", OriginCheck::Denied),
        ];
        for (origin, host, expected) in cases {
            let mut headers = HeaderMap::new();
            headers.insert(header::HOST, HeaderValue::from_static(host));
            if let Some(origin) = origin {
                headers.insert(header::ORIGIN, HeaderValue::from_static(origin));
            }
            assert_eq!(check_origin(&allowed, &headers), expected, "{origin:?} on {host}");
        }
    }
}
