//! Every way an API request can fail, and how each failure looks on the wire.
//!
//! Clients always get `{"errors": [{"field", "code", "message"}]}` with a stable code from
//! [`contact_core::callback::ErrorCode`] and a message in the request's language. Internal causes
//! (SQLite errors, panicked workers) are logged here and never sent: the client learns only that it
//! may retry with the same idempotency key.

use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contact_core::callback::{ErrorBody, ErrorCode, FieldError};
use contact_core::i18n::Locale;

use crate::db::DbError;

/// A failed API request. Variants carry the language their message is written in.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("the body is not a JSON object")]
    MalformedJson { locale: Locale },
    #[error("the body is larger than the limit")]
    PayloadTooLarge { locale: Locale },
    #[error("the body is not declared as application/json")]
    UnsupportedMediaType { locale: Locale },
    #[error("{} invalid field(s)", errors.len())]
    Invalid { errors: Vec<FieldError> },
    #[error("the idempotency key was used for another body")]
    IdempotencyConflict { locale: Locale },
    #[error("rate limited for {retry_after_seconds} s")]
    RateLimited { locale: Locale, retry_after_seconds: u64 },
    #[error("the origin is not allowed")]
    OriginNotAllowed { locale: Locale },
    #[error("no such resource")]
    NotFound { locale: Locale },
    #[error("storage failed: {source}")]
    Storage { locale: Locale, source: DbError },
}

impl ApiError {
    /// A constructor for `map_err` on database calls.
    pub fn storage(locale: Locale) -> impl FnOnce(DbError) -> ApiError {
        move |source| ApiError::Storage { locale, source }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::MalformedJson { .. } => StatusCode::BAD_REQUEST,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Invalid { .. } | ApiError::IdempotencyConflict { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::OriginNotAllowed { .. } => StatusCode::FORBIDDEN,
            ApiError::NotFound { .. } => StatusCode::NOT_FOUND,
            ApiError::Storage { .. } => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn errors(self) -> Vec<FieldError> {
        let request_error = |code, locale| vec![FieldError::new(None, code, locale)];
        match self {
            ApiError::Invalid { errors } => errors,
            ApiError::MalformedJson { locale } => request_error(ErrorCode::MalformedJson, locale),
            ApiError::PayloadTooLarge { locale } => request_error(ErrorCode::PayloadTooLarge, locale),
            ApiError::UnsupportedMediaType { locale } => request_error(ErrorCode::UnsupportedMediaType, locale),
            ApiError::IdempotencyConflict { locale } => {
                vec![FieldError::new(Some("idempotencyKey"), ErrorCode::IdempotencyConflict, locale)]
            }
            ApiError::RateLimited { locale, .. } => request_error(ErrorCode::RateLimited, locale),
            ApiError::OriginNotAllowed { locale } => request_error(ErrorCode::OriginNotAllowed, locale),
            ApiError::NotFound { locale } => request_error(ErrorCode::NotFound, locale),
            ApiError::Storage { locale, .. } => request_error(ErrorCode::Internal, locale),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if let ApiError::Storage { source, .. } = &self {
            // Logged for the owner, never sent: database messages can quote stored values.
            tracing::error!(error = %source, "callback storage failed");
        }
        let status = self.status();
        let retry_after = match &self {
            ApiError::RateLimited { retry_after_seconds, .. } => Some(HeaderValue::from(*retry_after_seconds)),
            _ => None,
        };
        let mut response = (status, Json(ErrorBody { errors: self.errors() })).into_response();
        if let Some(seconds) = retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, seconds);
        }
        response
    }
}

/// The language of a request's `Accept-Language` header: the most preferred tag the widget ships
/// a language for, else English.
pub fn accept_language(headers: &HeaderMap) -> Locale {
    let Some(value) = headers.get(header::ACCEPT_LANGUAGE).and_then(|value| value.to_str().ok()) else {
        return Locale::En;
    };
    let mut best: Option<(u16, Locale)> = None;
    for item in value.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or_default().trim();
        let quality = parts
            .find_map(|param| param.trim().strip_prefix("q="))
            .map_or(1000, |q| q.trim().parse::<f32>().map_or(0, |q| (q.clamp(0.0, 1.0) * 1000.0) as u16));
        if let Some(locale) = Locale::from_tag(tag).filter(|_| quality > 0) {
            if best.is_none_or(|(best_quality, _)| quality > best_quality) {
                best = Some((quality, locale));
            }
        }
    }
    best.map_or(Locale::En, |(_, locale)| locale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_most_preferred_shipped_language() {
        let cases = [
            ("ru-RU,ru;q=0.9,en-US;q=0.8", Locale::Ru),
            ("de-DE,de;q=0.9,ru;q=0.5,en;q=0.4", Locale::Ru),
            ("en-GB,ru;q=0.7", Locale::En),
            ("en;q=0.3, ru;q=0.8", Locale::Ru),
            ("ru;q=0, en", Locale::En),
            ("uk-UA", Locale::Uk),
            ("be-BY", Locale::Ru),
            ("fr", Locale::En),
            ("*", Locale::En),
            ("", Locale::En),
        ];
        for (header_value, expected) in cases {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(header_value));
            assert_eq!(accept_language(&headers), expected, "{header_value}");
        }
        assert_eq!(accept_language(&HeaderMap::new()), Locale::En);
    }
}
