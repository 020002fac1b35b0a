//! `POST /api/v1/callbacks` and `GET /api/v1/form-token`.
//!
//! A request is rate-limited per address, checked for its content type, size and JSON, then handled
//! in one database transaction: a known idempotency key gets its first response again (or `422` if
//! the body differs); otherwise the payload is validated by the same core code the widget runs,
//! judged for bot signs, and stored. Guarantees:
//! - `201` (or `200`) is sent only after the transaction committed, so an acknowledged request is on
//!   disk; a retry with the same key and body can never create a second row.
//! - A honeypot, a missing or bad form token, or a form sent faster than a person can fill it is
//!   stored *quarantined* and answered exactly like a lead: never dropped, never counted.
//! - A lead for a phone that already has one from the last ten minutes is not stored again: the
//!   answer is `200` with the earlier request number.
//! - Phone numbers and names never reach the logs; the request number does.

use std::convert::Infallible;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FailedToBufferBody};
use axum::extract::{ConnectInfo, FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use contact_core::callback::{
    CallbackAccepted, CallbackPromise, CallbackRequest, CallbackRules, ErrorCode, FieldError, ValidCallback,
};
use contact_core::config::Config;
use contact_core::i18n::Locale;
use contact_core::wording::{worded_callback_promise, NativeClockface, PromiseRequest};
use contact_core::zones::JiffZones;
use jiff::{SignedDuration, Timestamp};
use rusqlite::{Connection, TransactionBehavior};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::db::{self, CallbackRecord, ConsentRecord, DbError, SlotRecord, StoredResponse};
use crate::error::{accept_language, ApiError};
use crate::form_token::{encode_hex, TokenProblem};
use crate::rate_limit::RetryAfter;
use crate::state::AppState;

/// A phone with a lead younger than this is not stored as a new lead.
pub const DUPLICATE_WINDOW: SignedDuration = SignedDuration::from_mins(10);

/// The address a request came from: the peer, or the last `X-Forwarded-For` entry when the
/// configuration says a trusted proxy sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        if state.settings.trust_forwarded_for {
            if let Some(ip) = last_forwarded_for(&parts.headers) {
                return Ok(ClientIp(ip));
            }
        }
        let peer = ConnectInfo::<SocketAddr>::from_request_parts(parts, state)
            .await
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(address)| address.ip());
        Ok(ClientIp(peer))
    }
}

/// The entry the nearest proxy appended: earlier entries are whatever the client claimed.
fn last_forwarded_for(headers: &HeaderMap) -> Option<IpAddr> {
    let last_header = headers.get_all("x-forwarded-for").iter().next_back()?.to_str().ok()?;
    let entry = last_header.rsplit(',').next()?.trim();
    entry.parse::<IpAddr>().ok().or_else(|| entry.parse::<SocketAddr>().ok().map(|address| address.ip()))
}

/// The body of `GET /api/v1/form-token`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FormTokenIssued {
    pub token: String,
    /// How long after the token's issue a request may come back without being taken for a bot: a
    /// widget that fetched the token only to deliver a request saved offline waits this long first.
    pub fill_seconds: u64,
}

/// `GET /api/v1/form-token`: a fresh signed token for a form being shown.
pub async fn form_token_issue(State(state): State<AppState>) -> Response {
    let token = state.tokens.issue(state.clock.now());
    let fill_seconds = state.settings.min_fill_time.as_secs();
    ([(header::CACHE_CONTROL, "no-store")], Json(FormTokenIssued { token, fill_seconds })).into_response()
}

/// `POST /api/v1/callbacks`: validates and stores a callback request.
pub async fn callbacks_create(
    State(state): State<AppState>,
    ClientIp(client_ip): ClientIp,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let header_locale = accept_language(&headers);
    let now = state.clock.now();
    state
        .limiter
        .check(client_ip, now)
        .map_err(|RetryAfter(seconds)| ApiError::RateLimited { locale: header_locale, retry_after_seconds: seconds })?;

    if !is_json(&headers) {
        return Err(ApiError::UnsupportedMediaType { locale: header_locale });
    }
    let body = body.map_err(|rejection| match rejection {
        BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
            ApiError::PayloadTooLarge { locale: header_locale }
        }
        _ => ApiError::MalformedJson { locale: header_locale },
    })?;
    let value: Value = serde_json::from_slice(&body)
        .ok()
        .filter(Value::is_object)
        .ok_or(ApiError::MalformedJson { locale: header_locale })?;
    let locale = value.get("locale").and_then(Value::as_str).and_then(Locale::from_tag).unwrap_or(header_locale);
    let request: CallbackRequest = serde_path_to_error::deserialize(&value).map_err(|error| {
        let path = error.path().to_string();
        let field = (path != ".").then_some(path.as_str());
        ApiError::Invalid {
            errors: vec![FieldError::new(field, ErrorCode::InvalidType, locale)
                .worded_with(&state.widget.config.texts.messages(locale).errors)],
        }
    })?;

    let submission = Submission { request, body_hash: body_hash(&value), client_ip, now, header_locale };
    let worker = state.clone();
    let outcome = state
        .db
        .run(move |connection| submit(connection, &worker, submission))
        .await
        .map_err(ApiError::storage(locale))?;

    match outcome {
        Outcome::Answer { response, log } => {
            match log {
                Log::Created { number, quarantine: None } => {
                    tracing::info!(request = %number, "callback request stored")
                }
                Log::Created { number, quarantine: Some(reason) } => {
                    tracing::info!(request = %number, reason, "callback request quarantined")
                }
                Log::Duplicate { number } => {
                    tracing::info!(request = %number, "repeated phone within the window; earlier request returned")
                }
                Log::Replay => tracing::info!("idempotent replay"),
            }
            Ok(stored_response(&response))
        }
        Outcome::Conflict => Err(ApiError::IdempotencyConflict { locale }),
        Outcome::Invalid(errors) => {
            // Validation writes the language file's sentences; the owner may have replaced them.
            let texts = &state.widget.config.texts.messages(locale).errors;
            let errors = errors.into_iter().map(|error| error.worded_with(texts)).collect();
            Err(ApiError::Invalid { errors })
        }
    }
}

/// `application/json`, with or without parameters such as `charset=utf-8`.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case("application/json"))
}

/// SHA-256 of the body with object keys sorted, so that the same request re-serialised by another
/// JSON library still counts as the same body.
fn body_hash(value: &Value) -> String {
    fn canonical(value: &Value, out: &mut String) {
        match value {
            Value::Object(map) => {
                let mut entries: Vec<_> = map.iter().collect();
                entries.sort_by_key(|(key, _)| *key);
                out.push('{');
                for (index, (key, item)) in entries.into_iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    out.push_str(&Value::String(key.clone()).to_string());
                    out.push(':');
                    canonical(item, out);
                }
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    canonical(item, out);
                }
                out.push(']');
            }
            scalar => out.push_str(&scalar.to_string()),
        }
    }
    let mut text = String::new();
    canonical(value, &mut text);
    encode_hex(&Sha256::digest(text.as_bytes()))
}

fn stored_response(response: &StoredResponse) -> Response {
    let status = StatusCode::from_u16(response.status).unwrap_or(StatusCode::CREATED);
    (status, [(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], response.body.clone())
        .into_response()
}

/// A parsed request with what the transaction needs to decide about it.
struct Submission {
    request: CallbackRequest,
    body_hash: String,
    client_ip: IpAddr,
    now: Timestamp,
    header_locale: Locale,
}

enum Outcome {
    /// A committed answer: a new request, a repeated phone, or a replay.
    Answer { response: StoredResponse, log: Log },
    /// The idempotency key belongs to another body.
    Conflict,
    /// The payload failed validation; nothing was stored.
    Invalid(Vec<FieldError>),
}

/// What to log about an answer; request numbers and reasons only, never personal data.
enum Log {
    Created { number: String, quarantine: Option<String> },
    Duplicate { number: String },
    Replay,
}

/// Decides about and stores one submission in a single immediate transaction, so two concurrent
/// requests with one key, or one phone, are decided one after the other.
fn submit(connection: &mut Connection, state: &AppState, submission: Submission) -> Result<Outcome, DbError> {
    let Submission { request, body_hash, client_ip, now, header_locale } = submission;
    let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;

    if let Some(stored) = db::find_response(&transaction, &request.idempotency_key)? {
        return Ok(if stored.body_hash == body_hash {
            Outcome::Answer { response: stored, log: Log::Replay }
        } else {
            Outcome::Conflict
        });
    }

    let rules = CallbackRules {
        default_country: state.widget.config.default_country,
        departments: &state.widget.config.departments,
        consent_required: state.settings.consent_required,
        zones: &JiffZones,
        now: contact_core::time::Timestamp::from_unix_seconds(now.as_second()),
    };
    let valid = match request.validate(&rules, header_locale) {
        Ok(valid) => valid,
        Err(errors) => return Ok(Outcome::Invalid(errors)),
    };
    let promise = match promise_for_request(&state.widget.config, &valid, rules.now) {
        Ok(promise) => promise,
        Err(error) => return Ok(Outcome::Invalid(vec![error])),
    };
    let quarantine = quarantine_reasons(&request, state, now);

    let earlier_lead = match quarantine {
        None => {
            db::find_recent_lead(&transaction, &valid.phone.e164(), valid.phone.extension(), now - DUPLICATE_WINDOW)?
        }
        Some(_) => None,
    };
    let (status, callback_id, log) = match earlier_lead {
        Some(id) => (StatusCode::OK, id, Log::Duplicate { number: db::request_number(id) }),
        None => {
            let record = record_for(&valid, &request.idempotency_key, quarantine.clone(), client_ip, now);
            let id = db::insert_callback(&transaction, &record)?;
            (StatusCode::CREATED, id, Log::Created { number: db::request_number(id), quarantine })
        }
    };

    let accepted = CallbackAccepted { id: db::request_number(callback_id), promise };
    let response = StoredResponse { body_hash, status: status.as_u16(), body: serde_json::to_string(&accepted)? };
    db::save_response(&transaction, &request.idempotency_key, &response, callback_id, now)?;
    transaction.commit()?;
    Ok(Outcome::Answer { response, log })
}

/// What the visitor may expect, worded in the request's language on the visitor's clock: the core's
/// [`callback_promise`] for the request's department, the one the widget shows as well. A chosen
/// slot that cannot be honoured is an error on the slot field.
fn promise_for_request(
    config: &Config,
    valid: &ValidCallback,
    now: contact_core::time::Timestamp,
) -> Result<CallbackPromise, FieldError> {
    let slot = valid.preferred_slot.as_ref();
    let request = PromiseRequest {
        department: valid.department.as_deref(),
        visitor_zone: valid.visitor_zone.as_ref().or(slot.map(|slot| &slot.zone)),
        slot: slot.map(|slot| slot.at),
        now,
    };
    let messages = config.texts.messages(valid.locale);
    let face = NativeClockface::new(messages);
    worded_callback_promise(config, &request, messages, &face, &JiffZones)
        .ok()
        .and_then(|(promise, text)| CallbackPromise::new(promise, text))
        .ok_or_else(|| FieldError::new(Some("preferredSlot.utc"), ErrorCode::SlotUnavailable, valid.locale))
}

/// Every sign that a bot sent the request, comma-separated (`honeypot,too_fast`); `None` for a
/// person.
fn quarantine_reasons(request: &CallbackRequest, state: &AppState, now: Timestamp) -> Option<String> {
    let honeypot = (!request.honeypot.is_empty()).then_some("honeypot");
    let token =
        state.tokens.check(request.form_token.as_deref(), now, state.settings.min_fill_time).err().map(|problem| {
            match problem {
                TokenProblem::Missing => "missing_token",
                TokenProblem::Invalid => "invalid_token",
                TokenProblem::TooFast => "too_fast",
            }
        });
    let reasons: Vec<&str> = honeypot.into_iter().chain(token).collect();
    (!reasons.is_empty()).then(|| reasons.join(","))
}

fn record_for(
    valid: &ValidCallback,
    key: &str,
    quarantine: Option<String>,
    client_ip: IpAddr,
    now: Timestamp,
) -> CallbackRecord {
    let created_at = db::db_time(now);
    CallbackRecord {
        phone: valid.phone.e164(),
        phone_extension: valid.phone.extension().map(str::to_owned),
        name: valid.name.clone(),
        department: valid.department.clone(),
        topic: valid.topic.clone(),
        preferred_slot: valid.preferred_slot.as_ref().and_then(|slot| {
            let utc = Timestamp::from_second(slot.at.unix_seconds()).ok()?;
            Some(SlotRecord { utc: db::db_time(utc), zone: slot.zone.as_str().to_owned() })
        }),
        visitor_zone: valid.visitor_zone.as_ref().map(|zone| zone.as_str().to_owned()),
        page_url: valid.page_url.clone(),
        locale: valid.locale.tag().to_owned(),
        consent: valid.consent.as_ref().map(|consent| ConsentRecord {
            version: consent.version.clone(),
            at: created_at.clone(),
            ip: client_ip.to_string(),
            page: valid.page_url.clone(),
        }),
        quarantine,
        idempotency_key: key.to_owned(),
        created_at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_body_hash_ignores_key_order_and_whitespace_but_not_values() {
        let a: Value = serde_json::from_str(r#"{"phone": "1", "consent": {"given": true, "version": "1"}}"#).unwrap();
        let b: Value = serde_json::from_str(r#"{"consent":{"version":"1","given":true},"phone":"1"}"#).unwrap();
        let c: Value = serde_json::from_str(r#"{"consent":{"version":"1","given":true},"phone":"2"}"#).unwrap();
        assert_eq!(body_hash(&a), body_hash(&b));
        assert_ne!(body_hash(&a), body_hash(&c));
    }

    #[test]
    fn the_nearest_proxys_forwarded_for_entry_is_used() {
        let cases = [
            (vec!["198.51.100.1"], Some("198.51.100.1")),
            (vec!["10.0.0.1, 198.51.100.1"], Some("198.51.100.1")),
            (vec!["10.0.0.1", "198.51.100.2"], Some("198.51.100.2")),
            (vec!["198.51.100.1:4711"], Some("198.51.100.1")),
            (vec!["[2001:db8::1]:4711"], Some("2001:db8::1")),
            (vec!["unknown"], None),
            (vec![], None),
        ];
        for (values, expected) in cases {
            let mut headers = HeaderMap::new();
            for value in &values {
                headers.append("x-forwarded-for", HeaderValue::from_str(value).unwrap());
            }
            assert_eq!(last_forwarded_for(&headers), expected.map(|ip| ip.parse().unwrap()), "{values:?}");
        }
    }

    #[test]
    fn only_json_content_types_are_accepted() {
        let cases = [
            (Some("application/json"), true),
            (Some("application/json; charset=utf-8"), true),
            (Some("Application/JSON"), true),
            (Some("text/plain"), false),
            (Some("application/x-www-form-urlencoded"), false),
            (Some("application/jsonp"), false),
            (None, false),
        ];
        for (content_type, expected) in cases {
            let mut headers = HeaderMap::new();
            if let Some(value) = content_type {
                headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(value));
            }
            assert_eq!(is_json(&headers), expected, "{content_type:?}");
        }
    }
}
