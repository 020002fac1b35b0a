//! The callback request: the one payload the widget's form sends and `server-stub` stores, its
//! validation, the error codes both sides localise, and the promise shown once a request is accepted.
//!
//! Invariants: [`CallbackRequest::validate`] is the only way to a [`ValidCallback`], so a stored or
//! acknowledged request always has a normalised [`PhoneNumber`], bounded texts without control
//! characters, a known department, a well-formed slot that is not in the past, and consent when it is
//! required. Validation is pure (the clock is a parameter) and reports every problem at once, each as a
//! [`FieldError`] with a stable [`ErrorCode`] and a message in the request's language, so the widget can
//! show them inline and the server can answer with exactly the same words.
//!
//! ```
//! use contact_core::callback::{CallbackRequest, CallbackRules, Consent, ErrorCode};
//! use contact_core::country::Country;
//! use contact_core::i18n::Locale;
//! use contact_core::time::{Offset, Timestamp};
//! use contact_core::zones::{ZoneName, Zones};
//!
//! /// The widget asks the browser's `Intl`, the server a tz database; this example knows only UTC.
//! struct UtcOnly;
//! impl Zones for UtcOnly {
//!     fn offset_at(&self, zone: &ZoneName, _at: Timestamp) -> Option<Offset> {
//!         (zone.as_str() == "UTC").then_some(Offset::UTC)
//!     }
//! }
//!
//! let rules = CallbackRules {
//!     default_country: Country::Ru,
//!     departments: &[],
//!     consent_required: true,
//!     zones: &UtcOnly,
//!     now: Timestamp::parse("2025-06-15T15:00:00Z").unwrap(),
//! };
//! let mut request = CallbackRequest {
//!     idempotency_key: "0b7e5a4c-3f1d-4a8e-9c2b-6d5f4e3a2b1c".into(),
//!     phone: "8 (495) 123-45-67".into(),
//!     locale: Some("ru".into()),
//!     ..CallbackRequest::default()
//! };
//! let errors = request.validate(&rules, Locale::En).unwrap_err();
//! assert_eq!(errors[0].code, ErrorCode::ConsentRequired);
//! assert_eq!(errors[0].message, "Нужно согласие на обработку персональных данных");
//!
//! request.consent = Some(Consent { given: true, version: "2024-06".into() });
//! let valid = request.validate(&rules, Locale::En).unwrap();
//! assert_eq!(valid.phone.e164(), "+74951234567");
//! ```

use serde::{Deserialize, Serialize};

use crate::config::Department;
use crate::country::Country;
use crate::i18n::{ErrorTexts, Locale};
use crate::phone::{PhoneError, PhoneNumber};
use crate::promise::{Delay, Promise};
use crate::time::Timestamp;
use crate::zones::{ZoneName, Zones};

/// The longest visitor name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;
/// The longest topic accepted, in characters.
pub const MAX_TOPIC_CHARS: usize = 200;
/// The longest page URL accepted, in characters (what browsers and proxies reliably carry).
pub const MAX_PAGE_URL_CHARS: usize = 2048;
/// The longest consent text version accepted, in characters.
pub const MAX_CONSENT_VERSION_CHARS: usize = 64;
/// How far in the past a preferred slot may start and still be accepted: a visitor who picked
/// "14:00" and sent the form at 14:03 meant it.
pub const SLOT_GRACE_SECONDS: i64 = 5 * 60;

/// The JSON body of `POST /api/v1/callbacks`, as the widget sends it (camelCase field names).
///
/// Every field has a default so that a missing required field is reported as a localised
/// [`ErrorCode::Required`] by [`CallbackRequest::validate`] rather than as a parse error.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CallbackRequest {
    /// A UUID the widget makes once per form submission and reuses on retries, so a retry after a
    /// lost response never creates a second request.
    pub idempotency_key: String,
    /// The phone number as typed; normalised with the configured default country.
    pub phone: String,
    /// How to address the visitor; optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The id of the department to call back from; optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    /// What the call is about, free text; optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// When the visitor would like the call; optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preferred_slot: Option<PreferredSlot>,
    /// The visitor's IANA time zone as the browser reports it; optional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub visitor_zone: Option<String>,
    /// The page the form was sent from; optional, `http` or `https` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_url: Option<String>,
    /// The widget's UI language as a BCP 47 tag; decides the language of errors and the promise.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// The visitor's consent to the processing of personal data and the version of the text shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent: Option<Consent>,
    /// A field hidden from people; anything in it means a bot filled the form.
    pub honeypot: String,
    /// The signed token from `GET /api/v1/form-token`, fetched when the form was shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub form_token: Option<String>,
}

/// A preferred time for the call: the instant, plus the zone the visitor chose it in (so the owner
/// sees "10:00 in Novosibirsk", not only a UTC time).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PreferredSlot {
    /// An RFC 3339 instant such as `2025-06-16T07:00:00Z` or `2025-06-16T10:00:00+03:00`.
    pub utc: String,
    /// An IANA zone name such as `Europe/Moscow`.
    pub zone: String,
}

/// The visitor's answer to the consent checkbox.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Consent {
    /// Whether the box was ticked.
    pub given: bool,
    /// The version of the consent text the visitor saw, e.g. `2024-06`.
    pub version: String,
}

/// What validation needs beyond the request itself. Both the widget and the server build it from the
/// same configuration, so they accept and reject the same requests.
#[derive(Clone, Copy)]
pub struct CallbackRules<'a> {
    /// The country assumed for numbers typed without an international prefix.
    pub default_country: Country,
    /// The configured departments; a request naming another id is rejected. Empty accepts none.
    pub departments: &'a [Department],
    /// Whether a request without given consent is rejected.
    pub consent_required: bool,
    /// Which time-zone names exist: the browser's `Intl` in the widget, the bundled database on the
    /// server.
    pub zones: &'a dyn Zones,
    /// The current instant; slots before it (less a grace period) are rejected. A parameter, never
    /// read inside, so validation is testable at fixed instants.
    pub now: Timestamp,
}

/// A request that passed validation: normalised, trimmed, and safe to store.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidCallback {
    /// The normalised number, with its extension if one was typed.
    pub phone: PhoneNumber,
    /// Trimmed; `None` when absent or blank.
    pub name: Option<String>,
    /// The id of a configured department.
    pub department: Option<String>,
    /// Trimmed; `None` when absent or blank.
    pub topic: Option<String>,
    /// When the visitor would like the call.
    pub preferred_slot: Option<ValidSlot>,
    /// A zone the rules' [`Zones`] knows, under its current name.
    pub visitor_zone: Option<ZoneName>,
    /// An absolute `http(s)` URL.
    pub page_url: Option<String>,
    /// The language of the request (its `locale`, else the caller's fallback).
    pub locale: Locale,
    /// Present only when consent was given.
    pub consent: Option<Consent>,
}

/// A checked preferred slot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSlot {
    /// The instant (sub-second digits dropped).
    pub at: Timestamp,
    /// A zone the rules' [`Zones`] knows, under its current name.
    pub zone: ZoneName,
}

/// A stable, machine-readable reason for rejecting a request or one of its fields. Serialised in
/// `snake_case`; the widget may show [`ErrorCode::message`] or its own text keyed by the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A required field is missing or blank.
    Required,
    /// A field has the wrong JSON type (a number where text is expected, ...).
    InvalidType,
    /// A field's text is not in the expected form (not a UUID, not an RFC 3339 instant, ...).
    InvalidFormat,
    /// A text field is longer than its limit.
    TooLong,
    /// The phone number contains letters or symbols that are not part of a number.
    PhoneInvalid,
    /// The phone number has too few digits.
    PhoneTooShort,
    /// The phone number has too many digits.
    PhoneTooLong,
    /// The department is not one of the configured ones.
    UnknownDepartment,
    /// The preferred slot has already passed.
    SlotInPast,
    /// The preferred slot is outside the department's hours, in the visitor's night or beyond the
    /// picker's week.
    SlotUnavailable,
    /// A time zone that does not exist.
    UnknownZone,
    /// Consent is required and was not given.
    ConsentRequired,
    /// The body is not a JSON object.
    MalformedJson,
    /// The body is larger than the server accepts.
    PayloadTooLarge,
    /// The body is not declared as `application/json`.
    UnsupportedMediaType,
    /// The idempotency key was already used for a different request.
    IdempotencyConflict,
    /// Too many requests from this address; retry after the `Retry-After` seconds.
    RateLimited,
    /// The page's origin may not call this server.
    OriginNotAllowed,
    /// There is nothing at this address.
    NotFound,
    /// The server failed; the request may be retried with the same idempotency key.
    Internal,
}

impl ErrorCode {
    /// Every code, for exhaustive tests and documentation.
    pub const ALL: [ErrorCode; 20] = [
        ErrorCode::Required,
        ErrorCode::InvalidType,
        ErrorCode::InvalidFormat,
        ErrorCode::TooLong,
        ErrorCode::PhoneInvalid,
        ErrorCode::PhoneTooShort,
        ErrorCode::PhoneTooLong,
        ErrorCode::UnknownDepartment,
        ErrorCode::SlotInPast,
        ErrorCode::SlotUnavailable,
        ErrorCode::UnknownZone,
        ErrorCode::ConsentRequired,
        ErrorCode::MalformedJson,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::IdempotencyConflict,
        ErrorCode::RateLimited,
        ErrorCode::OriginNotAllowed,
        ErrorCode::NotFound,
        ErrorCode::Internal,
    ];

    /// The code as it appears in JSON (`"phone_too_short"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::Required => "required",
            ErrorCode::InvalidType => "invalid_type",
            ErrorCode::InvalidFormat => "invalid_format",
            ErrorCode::TooLong => "too_long",
            ErrorCode::PhoneInvalid => "phone_invalid",
            ErrorCode::PhoneTooShort => "phone_too_short",
            ErrorCode::PhoneTooLong => "phone_too_long",
            ErrorCode::UnknownDepartment => "unknown_department",
            ErrorCode::SlotInPast => "slot_in_past",
            ErrorCode::SlotUnavailable => "slot_unavailable",
            ErrorCode::UnknownZone => "unknown_zone",
            ErrorCode::ConsentRequired => "consent_required",
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::IdempotencyConflict => "idempotency_conflict",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::OriginNotAllowed => "origin_not_allowed",
            ErrorCode::NotFound => "not_found",
            ErrorCode::Internal => "internal",
        }
    }

    /// A short sentence for the visitor, in `locale` as its language file has it.
    pub fn message(self, locale: Locale) -> &'static str {
        self.text(&locale.messages().errors)
    }

    /// The sentence for this code among `texts` (a language's, maybe with the owner's overrides).
    pub fn text(self, texts: &ErrorTexts) -> &'static str {
        match self {
            ErrorCode::Required => texts.required,
            ErrorCode::InvalidType => texts.invalid_type,
            ErrorCode::InvalidFormat => texts.invalid_format,
            ErrorCode::TooLong => texts.too_long,
            ErrorCode::PhoneInvalid => texts.phone_invalid,
            ErrorCode::PhoneTooShort => texts.phone_too_short,
            ErrorCode::PhoneTooLong => texts.phone_too_long,
            ErrorCode::UnknownDepartment => texts.unknown_department,
            ErrorCode::SlotInPast => texts.slot_in_past,
            ErrorCode::SlotUnavailable => texts.slot_unavailable,
            ErrorCode::UnknownZone => texts.unknown_zone,
            ErrorCode::ConsentRequired => texts.consent_required,
            ErrorCode::MalformedJson => texts.malformed_json,
            ErrorCode::PayloadTooLarge => texts.payload_too_large,
            ErrorCode::UnsupportedMediaType => texts.unsupported_media_type,
            ErrorCode::IdempotencyConflict => texts.idempotency_conflict,
            ErrorCode::RateLimited => texts.rate_limited,
            ErrorCode::OriginNotAllowed => texts.origin_not_allowed,
            ErrorCode::NotFound => texts.not_found,
            ErrorCode::Internal => texts.internal,
        }
    }
}

/// One problem with a request: which field (a JSON path such as `preferredSlot.utc`, or `None` for
/// the request as a whole), why, and the localised sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    /// The JSON path of the field (`phone`, `consent.version`); `None` for the whole request.
    pub field: Option<String>,
    /// What is wrong, for code.
    pub code: ErrorCode,
    /// What is wrong, for the visitor, in the request's language.
    pub message: String,
}

impl FieldError {
    /// An error about `field` (or the whole request) with the message for `code` in `locale`.
    pub fn new(field: Option<&str>, code: ErrorCode, locale: Locale) -> FieldError {
        FieldError { field: field.map(str::to_owned), code, message: code.message(locale).to_owned() }
    }

    /// The same error with its sentence taken from `texts`, a language's messages with the owner's
    /// overrides applied (validation itself knows only the language).
    pub fn worded_with(mut self, texts: &ErrorTexts) -> FieldError {
        self.message = self.code.text(texts).to_owned();
        self
    }
}

/// The body of every error response: `{"errors": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// At least one error; validation reports every invalid field at once.
    pub errors: Vec<FieldError>,
}

/// The body of a successful `POST /api/v1/callbacks`: the request number and what the visitor may
/// expect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackAccepted {
    /// A human-friendly request number such as `CB-000123`, to quote on the phone.
    pub id: String,
    /// When the visitor may expect the call.
    pub promise: CallbackPromise,
}

/// The kind of promise made to the visitor; see [`Promise`] for what each guarantees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PromiseKind {
    /// A call within `minutes`.
    Within,
    /// A call by the instant `at`, later than the target for the `reason` given.
    By,
    /// A call at the visitor's chosen slot `at`.
    Slot,
    /// No time can be promised within a month; the visitor should use another channel.
    NoTimeAhead,
}

/// What the visitor is told after sending the form, as the server answers it: the promise in
/// structured form (so that a widget can word it on the visitor's own clock) and as a sentence in
/// the request's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackPromise {
    /// Which kind of promise this is.
    pub kind: PromiseKind,
    /// For `within`: the response target in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// For `by` and `slot`: the instant, in UTC.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<Timestamp>,
    /// For `by`: why the call is not sooner.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<Delay>,
    /// The sentence in the request's language, e.g. "Перезвоним в течение 15 минут".
    pub text: String,
}

impl CallbackPromise {
    /// The answer for `promise` with its sentence `text`; `None` for [`Promise::SlotRejected`],
    /// which is an error, not a promise.
    pub fn new(promise: Promise, text: String) -> Option<CallbackPromise> {
        let (kind, minutes, at, reason) = match promise {
            Promise::Within { minutes } => (PromiseKind::Within, Some(minutes), None, None),
            Promise::By { at, reason } => (PromiseKind::By, None, Some(at), Some(reason)),
            Promise::Slot { at } => (PromiseKind::Slot, None, Some(at), None),
            Promise::NoTimeAhead => (PromiseKind::NoTimeAhead, None, None, None),
            Promise::SlotRejected { .. } => return None,
        };
        Some(CallbackPromise { kind, minutes, at, reason, text })
    }

    /// The structured promise back, or `None` when a field its kind needs is missing (a third-party
    /// endpoint may answer with the sentence alone).
    pub fn promise(&self) -> Option<Promise> {
        Some(match self.kind {
            PromiseKind::Within => Promise::Within { minutes: self.minutes? },
            PromiseKind::By => Promise::By { at: self.at?, reason: self.reason? },
            PromiseKind::Slot => Promise::Slot { at: self.at? },
            PromiseKind::NoTimeAhead => Promise::NoTimeAhead,
        })
    }
}

impl CallbackRequest {
    /// The language of this request: its `locale` tag when it names a shipped language, else
    /// `fallback` (the server passes the one from `Accept-Language`).
    pub fn locale_or(&self, fallback: Locale) -> Locale {
        self.locale.as_deref().and_then(Locale::from_tag).unwrap_or(fallback)
    }

    /// Checks every field against `rules` and returns the normalised request, or every problem
    /// found, each with a message in [`CallbackRequest::locale_or`]`(fallback)`.
    ///
    /// The honeypot and the form token are not checked here: a request failing those is still
    /// accepted by the server, then quarantined, so that bots learn nothing.
    pub fn validate(&self, rules: &CallbackRules<'_>, fallback: Locale) -> Result<ValidCallback, Vec<FieldError>> {
        let locale = self.locale_or(fallback);
        let mut errors = Vec::new();
        let mut report = |field: &str, code: ErrorCode| errors.push(FieldError::new(Some(field), code, locale));

        if self.idempotency_key.trim().is_empty() {
            report("idempotencyKey", ErrorCode::Required);
        } else if !is_uuid(&self.idempotency_key) {
            report("idempotencyKey", ErrorCode::InvalidFormat);
        }

        let phone = PhoneNumber::parse(&self.phone, rules.default_country)
            .map_err(|error| report("phone", phone_error_code(&error)))
            .ok();

        let name = optional_text(self.name.as_deref(), MAX_NAME_CHARS)
            .map_err(|code| report("name", code))
            .unwrap_or_default();
        let topic = optional_text(self.topic.as_deref(), MAX_TOPIC_CHARS)
            .map_err(|code| report("topic", code))
            .unwrap_or_default();

        let department = non_blank(self.department.as_deref()).map(str::to_owned);
        if let Some(id) = &department {
            if !rules.departments.iter().any(|known| &known.id == id) {
                report("department", ErrorCode::UnknownDepartment);
            }
        }

        let preferred_slot = self.preferred_slot.as_ref().and_then(|slot| {
            let earliest = rules.now.plus_seconds(-SLOT_GRACE_SECONDS);
            let at = match parse_instant(&slot.utc) {
                None => {
                    report("preferredSlot.utc", ErrorCode::InvalidFormat);
                    None
                }
                Some(at) if at < earliest => {
                    report("preferredSlot.utc", ErrorCode::SlotInPast);
                    None
                }
                Some(at) => Some(at),
            };
            let zone = rules.zones.resolve(&slot.zone);
            if zone.is_none() {
                report("preferredSlot.zone", ErrorCode::UnknownZone);
            }
            Some(ValidSlot { at: at?, zone: zone? })
        });

        let visitor_zone = non_blank(self.visitor_zone.as_deref()).and_then(|name| {
            let zone = rules.zones.resolve(name);
            if zone.is_none() {
                report("visitorZone", ErrorCode::UnknownZone);
            }
            zone
        });

        let page_url = non_blank(self.page_url.as_deref()).map(str::to_owned);
        if let Some(url) = &page_url {
            if url.chars().count() > MAX_PAGE_URL_CHARS {
                report("pageUrl", ErrorCode::TooLong);
            } else if !is_web_url(url) {
                report("pageUrl", ErrorCode::InvalidFormat);
            }
        }

        let consent = match &self.consent {
            Some(consent) if consent.given => {
                let version = consent.version.trim();
                if version.is_empty() {
                    report("consent.version", ErrorCode::Required);
                } else if version.chars().count() > MAX_CONSENT_VERSION_CHARS {
                    report("consent.version", ErrorCode::TooLong);
                }
                Some(Consent { given: true, version: version.to_owned() })
            }
            _ if rules.consent_required => {
                report("consent", ErrorCode::ConsentRequired);
                None
            }
            _ => None,
        };

        match phone {
            Some(phone) if errors.is_empty() => Ok(ValidCallback {
                phone,
                name,
                department,
                topic,
                preferred_slot,
                visitor_zone,
                page_url,
                locale,
                consent,
            }),
            _ => Err(errors),
        }
    }
}

/// Maps the normaliser's reasons onto the codes the form shows. Reasons the form cannot explain
/// better than "invalid" share [`ErrorCode::PhoneInvalid`].
fn phone_error_code(error: &PhoneError) -> ErrorCode {
    match error {
        PhoneError::Empty => ErrorCode::Required,
        PhoneError::TooShort => ErrorCode::PhoneTooShort,
        PhoneError::TooLong => ErrorCode::PhoneTooLong,
        _ => ErrorCode::PhoneInvalid,
    }
}

fn non_blank(value: Option<&str>) -> Option<&str> {
    value.map(str::trim).filter(|value| !value.is_empty())
}

/// A trimmed optional text, `None` when blank; rejects control characters (they have no place in a
/// name and can forge lines in the owner's listing) and texts over `max_chars`.
fn optional_text(value: Option<&str>, max_chars: usize) -> Result<Option<String>, ErrorCode> {
    let Some(text) = non_blank(value) else {
        return Ok(None);
    };
    if text.chars().count() > max_chars {
        Err(ErrorCode::TooLong)
    } else if text.chars().any(char::is_control) {
        Err(ErrorCode::InvalidFormat)
    } else {
        Ok(Some(text.to_owned()))
    }
}

/// A UUID in its canonical text form (any version, either case), as `crypto.randomUUID()` makes.
fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.char_indices().all(|(index, c)| match index {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// An absolute `http:` or `https:` URL with a host and no whitespace or control characters. The
/// page URL is stored for the owner, never rendered as a link, so this is a sanity check only.
fn is_web_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let rest = if lower.starts_with("https://") {
        &url[8..]
    } else if lower.starts_with("http://") {
        &url[7..]
    } else {
        return false;
    };
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    host_end > 0 && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// An RFC 3339 instant as browsers write it: `Date.prototype.toISOString()` adds milliseconds,
/// which [`Timestamp::parse`] does not read, so sub-second digits are dropped first (a slot is a
/// whole minute anyway).
fn parse_instant(text: &str) -> Option<Timestamp> {
    let fraction = text.get(19..).and_then(|rest| rest.strip_prefix('.'));
    match fraction {
        Some(fraction) => {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return None;
            }
            Timestamp::parse(&format!("{}{}", &text[..19], &fraction[digits..]))
        }
        None => Timestamp::parse(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::promise::SlotProblem;

    use crate::zones::JiffZones;

    fn now() -> Timestamp {
        Timestamp::parse("2025-06-15T15:06:40Z").unwrap()
    }
    const KEY: &str = "0b7e5a4c-3f1d-4a8e-9c2b-6d5f4e3a2b1c";

    fn departments() -> Vec<Department> {
        vec![Department { id: "sales".into(), name: "Продажи".into(), contacts: Vec::new(), hours: None }]
    }

    fn valid_request() -> CallbackRequest {
        CallbackRequest {
            idempotency_key: KEY.into(),
            phone: "+7 495 123-45-67".into(),
            consent: Some(Consent { given: true, version: "2024-06".into() }),
            ..CallbackRequest::default()
        }
    }

    fn check(request: &CallbackRequest) -> Result<ValidCallback, Vec<FieldError>> {
        let departments = departments();
        let rules = CallbackRules {
            default_country: Country::Ru,
            departments: &departments,
            consent_required: true,
            zones: &JiffZones,
            now: now(),
        };
        request.validate(&rules, Locale::En)
    }

    fn codes(request: &CallbackRequest) -> Vec<(String, ErrorCode)> {
        match check(request) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| (e.field.unwrap_or_default(), e.code)).collect(),
        }
    }

    #[test]
    fn promise_serialises_as_the_documented_json_and_reads_back() {
        let within = CallbackPromise::new(Promise::Within { minutes: 15 }, "within".into()).unwrap();
        assert_eq!(
            serde_json::to_value(&within).unwrap(),
            serde_json::json!({"kind": "within", "minutes": 15, "text": "within"})
        );
        let at = Timestamp::parse("2026-06-08T07:15:00Z").unwrap();
        let by = CallbackPromise::new(Promise::By { at, reason: Delay::ClosesSoon }, "by".into()).unwrap();
        let json =
            serde_json::json!({"kind": "by", "at": "2026-06-08T07:15:00Z", "reason": "closes_soon", "text": "by"});
        assert_eq!(serde_json::to_value(&by).unwrap(), json);
        let read: CallbackPromise = serde_json::from_value(json).unwrap();
        assert_eq!(read.promise(), Some(Promise::By { at, reason: Delay::ClosesSoon }));
        let text_only: CallbackPromise =
            serde_json::from_value(serde_json::json!({"kind": "by", "text": "soon"})).unwrap();
        assert_eq!(text_only.promise(), None);
        let rejected = Promise::SlotRejected { problem: SlotProblem::TooSoon, nearest: None };
        assert_eq!(CallbackPromise::new(rejected, String::new()), None);
    }

    #[test]
    fn a_complete_request_is_normalised() {
        let request = CallbackRequest {
            name: Some("  Анна  ".into()),
            department: Some("sales".into()),
            topic: Some("Тур в Сочи".into()),
            preferred_slot: Some(PreferredSlot {
                utc: "2025-06-16T10:00:00+03:00".into(),
                zone: "Europe/Moscow".into(),
            }),
            visitor_zone: Some("Asia/Novosibirsk".into()),
            page_url: Some("https://yuzhny-veter.example/tours?id=1".into()),
            locale: Some("ru-RU".into()),
            ..valid_request()
        };
        let valid = check(&request).unwrap();
        assert_eq!(valid.phone.e164(), "+74951234567");
        assert_eq!(valid.name.as_deref(), Some("Анна"));
        assert_eq!(valid.department.as_deref(), Some("sales"));
        let slot = valid.preferred_slot.unwrap();
        assert_eq!((slot.at.to_string().as_str(), slot.zone.as_str()), ("2025-06-16T07:00:00Z", "Europe/Moscow"));
        assert_eq!(valid.visitor_zone.unwrap().as_str(), "Asia/Novosibirsk");
        assert_eq!(valid.locale, Locale::Ru);
        assert_eq!(valid.consent, Some(Consent { given: true, version: "2024-06".into() }));
    }

    #[test]
    fn blank_optional_texts_become_none() {
        let request = CallbackRequest {
            name: Some("   ".into()),
            topic: Some(String::new()),
            department: Some(" ".into()),
            ..valid_request()
        };
        let valid = check(&request).unwrap();
        assert_eq!((valid.name, valid.topic, valid.department), (None, None, None));
    }

    #[test]
    fn each_invalid_field_is_reported_with_its_path_and_code() {
        type Edit = fn(&mut CallbackRequest);
        let cases: [(&str, Edit, &str, ErrorCode); 23] = [
            ("missing key", |r| r.idempotency_key.clear(), "idempotencyKey", ErrorCode::Required),
            ("key not a uuid", |r| r.idempotency_key = "12345".into(), "idempotencyKey", ErrorCode::InvalidFormat),
            (
                "key with a bad hyphen",
                |r| r.idempotency_key = KEY.replace('-', "_"),
                "idempotencyKey",
                ErrorCode::InvalidFormat,
            ),
            ("missing phone", |r| r.phone.clear(), "phone", ErrorCode::Required),
            ("phone with letters", |r| r.phone = "+7 495 CALL-NOW".into(), "phone", ErrorCode::PhoneInvalid),
            ("phone too short", |r| r.phone = "+7 12".into(), "phone", ErrorCode::PhoneTooShort),
            ("phone too long", |r| r.phone = "+7 495 123 45 67 89 01 23".into(), "phone", ErrorCode::PhoneTooLong),
            ("name of 101 characters", |r| r.name = Some("я".repeat(101)), "name", ErrorCode::TooLong),
            ("name with a newline", |r| r.name = Some("Anna\nCB-000001 fake".into()), "name", ErrorCode::InvalidFormat),
            ("topic too long", |r| r.topic = Some("x".repeat(201)), "topic", ErrorCode::TooLong),
            (
                "unknown department",
                |r| r.department = Some("marketing".into()),
                "department",
                ErrorCode::UnknownDepartment,
            ),
            (
                "slot not rfc 3339",
                |r| r.preferred_slot = Some(PreferredSlot { utc: "16.06.2025 10:00".into(), zone: "UTC".into() }),
                "preferredSlot.utc",
                ErrorCode::InvalidFormat,
            ),
            (
                "slot on 31 June",
                |r| r.preferred_slot = Some(PreferredSlot { utc: "2025-06-31T10:00:00Z".into(), zone: "UTC".into() }),
                "preferredSlot.utc",
                ErrorCode::InvalidFormat,
            ),
            (
                "slot without offset",
                |r| r.preferred_slot = Some(PreferredSlot { utc: "2025-06-16T10:00:00".into(), zone: "UTC".into() }),
                "preferredSlot.utc",
                ErrorCode::InvalidFormat,
            ),
            (
                "slot yesterday",
                |r| r.preferred_slot = Some(PreferredSlot { utc: "2025-06-14T10:00:00Z".into(), zone: "UTC".into() }),
                "preferredSlot.utc",
                ErrorCode::SlotInPast,
            ),
            (
                "slot zone with a space",
                |r| {
                    r.preferred_slot =
                        Some(PreferredSlot { utc: "2025-06-16T10:00:00Z".into(), zone: "Europe/New York".into() })
                },
                "preferredSlot.zone",
                ErrorCode::UnknownZone,
            ),
            (
                "visitor zone climbing up",
                |r| r.visitor_zone = Some("Europe/../../etc/passwd".into()),
                "visitorZone",
                ErrorCode::UnknownZone,
            ),
            (
                "visitor zone made up",
                |r| r.visitor_zone = Some("Mars/Olympus_Mons".into()),
                "visitorZone",
                ErrorCode::UnknownZone,
            ),
            (
                "page url with javascript",
                |r| r.page_url = Some("javascript:alert(1)".into()),
                "pageUrl",
                ErrorCode::InvalidFormat,
            ),
            (
                "page url without host",
                |r| r.page_url = Some("https:///path".into()),
                "pageUrl",
                ErrorCode::InvalidFormat,
            ),
            (
                "page url too long",
                |r| r.page_url = Some(format!("https://a.example/{}", "p".repeat(2048))),
                "pageUrl",
                ErrorCode::TooLong,
            ),
            (
                "consent not given",
                |r| r.consent = Some(Consent { given: false, version: "2024-06".into() }),
                "consent",
                ErrorCode::ConsentRequired,
            ),
            (
                "consent without version",
                |r| r.consent = Some(Consent { given: true, version: " ".into() }),
                "consent.version",
                ErrorCode::Required,
            ),
        ];
        for (case, edit, field, code) in cases {
            let mut request = valid_request();
            edit(&mut request);
            assert_eq!(codes(&request), vec![(field.to_owned(), code)], "{case}");
        }
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let request = CallbackRequest { locale: Some("ru".into()), ..CallbackRequest::default() };
        let errors = check(&request).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field.as_deref().unwrap()).collect();
        assert_eq!(fields, ["idempotencyKey", "phone", "consent"]);
        assert_eq!(errors[1].message, "Заполните это поле");
    }

    #[test]
    fn missing_consent_is_fine_when_not_required() {
        let request = CallbackRequest { consent: None, ..valid_request() };
        let rules = CallbackRules {
            default_country: Country::Ru,
            departments: &[],
            consent_required: false,
            zones: &JiffZones,
            now: now(),
        };
        assert_eq!(request.validate(&rules, Locale::En).unwrap().consent, None);
    }

    #[test]
    fn a_slot_a_few_minutes_ago_is_still_accepted() {
        let request = CallbackRequest {
            preferred_slot: Some(PreferredSlot { utc: "2025-06-15T15:03:00Z".into(), zone: "UTC".into() }),
            ..valid_request()
        };
        assert!(check(&request).is_ok());
    }

    #[test]
    fn the_locale_tag_chooses_the_language_of_messages() {
        let cases =
            [(Some("ru"), Locale::Ru), (Some("en-GB"), Locale::En), (Some("de"), Locale::En), (None, Locale::En)];
        for (tag, expected) in cases {
            let request = CallbackRequest { locale: tag.map(str::to_owned), ..CallbackRequest::default() };
            assert_eq!(request.locale_or(Locale::En), expected, "{tag:?}");
        }
    }

    #[test]
    fn slot_instants_are_read_with_or_without_the_milliseconds_browsers_add() {
        let cases = [
            ("2025-06-15T15:06:40Z", Some("2025-06-15T15:06:40Z")),
            ("2025-06-15T15:06:40.000Z", Some("2025-06-15T15:06:40Z")),
            ("2025-06-15T18:06:40.123456+03:00", Some("2025-06-15T15:06:40Z")),
            ("2025-06-15T15:06:40.Z", None),
            ("2025-06-15T15:06:40", None),
            ("16.06.2025 10:00", None),
            ("", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_instant(text).map(|at| at.to_string()).as_deref(), expected, "{text:?}");
        }
    }

    #[test]
    fn legacy_zone_names_are_stored_under_their_current_name() {
        let request = CallbackRequest { visitor_zone: Some("Europe/Kiev".into()), ..valid_request() };
        assert_eq!(check(&request).unwrap().visitor_zone.unwrap().as_str(), "Europe/Kyiv");
    }

    #[test]
    fn every_error_code_has_a_message_in_both_languages_and_serialises_as_its_name() {
        for code in ErrorCode::ALL {
            assert!(!code.message(Locale::Ru).is_empty() && !code.message(Locale::En).is_empty(), "{code:?}");
            assert_ne!(code.message(Locale::Ru), code.message(Locale::En), "{code:?} is not translated");
            assert_eq!(serde_json::to_value(code).unwrap(), code.as_str(), "{code:?}");
        }
    }

    #[test]
    fn each_error_code_reads_its_sentence_from_the_language_files_key_of_its_name() {
        for locale in Locale::ALL {
            for code in ErrorCode::ALL {
                let key = ["errors.", code.as_str()].concat();
                assert_eq!(locale.messages().text(&key), Some(code.message(locale)), "{locale:?} {key}");
            }
        }
    }

    #[test]
    fn the_payload_reads_and_writes_camel_case_json() {
        let json = serde_json::json!({
            "idempotencyKey": KEY,
            "phone": "89161234567",
            "preferredSlot": {"utc": "2025-06-16T07:00:00Z", "zone": "Europe/Moscow"},
            "visitorZone": "Europe/Moscow",
            "pageUrl": "https://a.example/",
            "consent": {"given": true, "version": "1"},
            "honeypot": "",
            "formToken": "t"
        });
        let request: CallbackRequest = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(request.preferred_slot.as_ref().unwrap().zone, "Europe/Moscow");
        assert_eq!(serde_json::to_value(&request).unwrap(), json);
    }
}
