//! All of the widget's HTTP: posting a callback request and fetching the form's fill-time token.
//!
//! Guarantees: a call never throws into the page and never hangs (a timeout aborts it); its answer is
//! one of three kinds callers can act on without looking at status codes themselves ([`Answer`]).
//! Only the documented fields of a response are read (`id`, `promise.text`, `errors[]`,
//! `token`), through the browser's own `JSON.parse`, so no JSON parser is compiled into the wasm for
//! responses; nothing read here is ever rendered as HTML.
//!
//! Built on `web_sys`'s `fetch` rather than `gloo-net`: the same two calls through `gloo-net`'s
//! `Request` made the widget 2.1 KB (brotli) larger, wasm and glue together.

use contact_core::callback::{ErrorCode, FieldError};
use contact_core::i18n::Locale;
use js_sys::{Reflect, JSON};
use leptos::prelude::window;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, RequestInit, Response};

/// How long a request may take before it counts as unreachable. Long enough for a slow mobile
/// network, short enough that a visitor is not left watching a spinner.
const TIMEOUT_MS: u32 = 15_000;

/// What became of a posted callback request.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// The endpoint took the request (any `2xx`).
    Accepted(Receipt),
    /// The endpoint refused the request (a `4xx`). `retry_later` is set for `408` and `429`, which
    /// refuse the moment rather than the request.
    Refused { errors: Vec<FieldError>, retry_later: bool },
    /// No answer, a timeout, or a server error (`5xx`): the request may or may not have arrived,
    /// and must be sent again with the same idempotency key.
    Unreachable,
}

/// What an endpoint said when it accepted a request. Both parts are optional: a site owner's own
/// backend may answer `2xx` with any body.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Receipt {
    /// The request number (`CB-000123`).
    pub number: Option<String>,
    /// The promise, worded by the server in the request's language.
    pub promise: Option<String>,
}

/// Posts `body` (a serialised [`contact_core::callback::CallbackRequest`]) to `endpoint` (a site
/// path or an https URL). Error messages the response lacks are written in `locale`.
pub async fn post_callback(endpoint: &str, body: &str, locale: Locale) -> Answer {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(body));
    if let Ok(headers) = Headers::new() {
        let _ = headers.set("Content-Type", "application/json");
        init.set_headers(&headers);
    }
    let Some((status, text)) = fetch_text(endpoint, &init).await else { return Answer::Unreachable };
    let json = JSON::parse(&text).unwrap_or(JsValue::NULL);
    match kind_of(status) {
        Kind::Accepted => {
            Answer::Accepted(Receipt { number: text_at(&json, &["id"]), promise: text_at(&json, &["promise", "text"]) })
        }
        Kind::Refused { retry_later } => Answer::Refused { errors: errors_of(&json, status, locale), retry_later },
        Kind::Unreachable => Answer::Unreachable,
    }
}

/// A fill-time token as the server issued it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormToken {
    /// The token to send back as `formToken`.
    pub token: String,
    /// How long after the token's issue the server takes a request for a person's (`fillSeconds`;
    /// 0 when the endpoint does not say).
    pub fill_seconds: u32,
}

/// Fetches a fresh fill-time token (`{"token": "…", "fillSeconds": 3}`); `None` when the endpoint
/// is unreachable or answers anything else.
pub async fn fetch_form_token(url: &str) -> Option<FormToken> {
    let init = RequestInit::new();
    let (status, text) = fetch_text(url, &init).await?;
    let json = JSON::parse(&text).ok()?;
    let token = (kind_of(status) == Kind::Accepted).then(|| text_at(&json, &["token"])).flatten()?;
    let fill_seconds = Reflect::get(&json, &JsValue::from_str("fillSeconds")).ok().and_then(|value| value.as_f64());
    // At most a minute: a larger value would only be a misconfigured server holding the request back.
    let fill_seconds = fill_seconds.map_or(0, |seconds| seconds.clamp(0.0, 60.0) as u32);
    Some(FormToken { token, fill_seconds })
}

/// Sends the request and reads the whole body as text, within [`TIMEOUT_MS`].
async fn fetch_text(url: &str, init: &RequestInit) -> Option<(u16, String)> {
    init.set_signal(Some(&AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let response: Response = JsFuture::from(window().fetch_with_str_and_init(url, init)).await.ok()?.dyn_into().ok()?;
    let text = JsFuture::from(response.text().ok()?).await.ok()?.as_string().unwrap_or_default();
    Some((response.status(), text))
}

/// How a status code is handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Accepted,
    Refused { retry_later: bool },
    Unreachable,
}

fn kind_of(status: u16) -> Kind {
    match status {
        200..=299 => Kind::Accepted,
        408 | 429 => Kind::Refused { retry_later: true },
        400..=499 => Kind::Refused { retry_later: false },
        // 5xx, and 3xx that fetch did not follow: nothing says the request was stored.
        _ => Kind::Unreachable,
    }
}

/// The text at `path` in a parsed JSON value, if it is a non-blank string.
fn text_at(json: &JsValue, path: &[&str]) -> Option<String> {
    let value = path.iter().try_fold(json.clone(), |value, key| {
        if value.is_object() {
            Reflect::get(&value, &JsValue::from_str(key)).ok()
        } else {
            None
        }
    })?;
    value.as_string().filter(|text| !text.trim().is_empty())
}

/// The errors of a refusal: the body's `errors[]` where it has them (messages as the server wrote
/// them), else one error for the whole request named after the status.
fn errors_of(json: &JsValue, status: u16, locale: Locale) -> Vec<FieldError> {
    let listed = array_at(json, "errors");
    let errors: Vec<FieldError> = listed
        .iter()
        .map(|entry| {
            let code = text_at(&entry, &["code"]).as_deref().and_then(code_named).unwrap_or_else(|| code_for(status));
            FieldError {
                field: text_at(&entry, &["field"]),
                code,
                message: text_at(&entry, &["message"]).unwrap_or_else(|| code.message(locale).to_owned()),
            }
        })
        .collect();
    if errors.is_empty() {
        vec![FieldError::new(None, code_for(status), locale)]
    } else {
        errors
    }
}

/// The array at `key`, or an empty one.
fn array_at(json: &JsValue, key: &str) -> js_sys::Array {
    let value = if json.is_object() { Reflect::get(json, &JsValue::from_str(key)).ok() } else { None };
    value.and_then(|value| value.dyn_into::<js_sys::Array>().ok()).unwrap_or_default()
}

fn code_named(name: &str) -> Option<ErrorCode> {
    ErrorCode::ALL.into_iter().find(|code| code.as_str() == name)
}

/// The code that best explains a refusal with no readable body (a third-party endpoint, a proxy).
fn code_for(status: u16) -> ErrorCode {
    match status {
        400 => ErrorCode::MalformedJson,
        403 => ErrorCode::OriginNotAllowed,
        404 => ErrorCode::NotFound,
        413 => ErrorCode::PayloadTooLarge,
        415 => ErrorCode::UnsupportedMediaType,
        408 | 429 => ErrorCode::RateLimited,
        _ => ErrorCode::InvalidFormat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_server_failures_and_silence_count_as_unreachable() {
        let cases = [
            (200, Kind::Accepted),
            (201, Kind::Accepted),
            (204, Kind::Accepted),
            (400, Kind::Refused { retry_later: false }),
            (403, Kind::Refused { retry_later: false }),
            (422, Kind::Refused { retry_later: false }),
            (408, Kind::Refused { retry_later: true }),
            (429, Kind::Refused { retry_later: true }),
            (500, Kind::Unreachable),
            (503, Kind::Unreachable),
            (302, Kind::Unreachable),
            (0, Kind::Unreachable),
        ];
        for (status, expected) in cases {
            assert_eq!(kind_of(status), expected, "{status}");
        }
    }

    #[test]
    fn a_refusal_without_a_readable_body_is_explained_by_its_status() {
        let cases = [
            (400, ErrorCode::MalformedJson),
            (403, ErrorCode::OriginNotAllowed),
            (413, ErrorCode::PayloadTooLarge),
            (415, ErrorCode::UnsupportedMediaType),
            (429, ErrorCode::RateLimited),
            (422, ErrorCode::InvalidFormat),
        ];
        for (status, expected) in cases {
            assert_eq!(code_for(status), expected, "{status}");
        }
    }

    #[test]
    fn every_error_code_is_found_by_its_json_name() {
        for code in ErrorCode::ALL {
            assert_eq!(code_named(code.as_str()), Some(code));
        }
        assert_eq!(code_named("no_such_code"), None);
    }
}
