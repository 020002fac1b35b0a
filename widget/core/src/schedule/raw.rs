//! The serde model of an hours object as a site owner writes it (camelCase JSON).
//!
//! Every key is optional and numbers are signed, so that one mistake never makes the whole
//! configuration unreadable: validation ([`super::Hours::from_raw`]) reports each problem with its
//! path and keeps the rest. Unknown keys are collected rather than ignored, so a misspelt `monday`
//! is reported instead of silently meaning "closed on Mondays".

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

/// The forms an editor can check before validation does the rest (`19:00-10:00` matches but is
/// still an error: past midnight needs `+1`).
#[cfg(feature = "schema")]
const INTERVAL_PATTERN: &str = r"^\s*\d{1,2}:\d{2}\s*[-–]\s*\d{1,2}:\d{2}\s*(\+1)?\s*$";
#[cfg(feature = "schema")]
const QUIET_HOURS_PATTERN: &str = INTERVAL_PATTERN;
#[cfg(feature = "schema")]
const DATE_PATTERN: &str = r"^\d{4}-\d{2}-\d{2}$";

/// Working hours as written: `{ "zone": "Europe/Moscow", "weekly": { "mon": ["10:00-19:00"] }, … }`.
/// The company's hours sit at the top level of the configuration; a department may have its own,
/// leaving out any key to inherit the company's value.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct RawHours {
    /// The IANA time zone the hours are written in, e.g. `Europe/Moscow`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(example = &"Europe/Moscow"))]
    pub zone: Option<String>,
    /// Regular hours per weekday; a weekday left out is closed.
    #[serde(default)]
    pub weekly: Option<RawWeekly>,
    /// Dates whose hours differ from the weekly ones: holidays, shortened days, special openings.
    #[serde(default)]
    pub overrides: Option<Vec<RawOverride>>,
    /// Response times promised to visitors.
    #[serde(default)]
    pub targets: Option<RawTargets>,
    /// The visitor's local hours in which nobody is called, `22:00-08:00` by default.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = QUIET_HOURS_PATTERN)))]
    pub quiet_hours: Option<String>,
    /// Keys not in this model; each is reported.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub unknown: BTreeMap<String, Value>,
}

/// Intervals per weekday, each `HH:MM-HH:MM` (`22:00-02:00+1` past midnight, `00:00-24:00` round
/// the clock).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct RawWeekly {
    /// Monday's intervals.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = INTERVAL_PATTERN))))]
    pub mon: Option<Vec<String>>,
    /// Tuesday's intervals.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = INTERVAL_PATTERN))))]
    pub tue: Option<Vec<String>>,
    /// Wednesday's intervals.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = INTERVAL_PATTERN))))]
    pub wed: Option<Vec<String>>,
    /// Thursday's intervals.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = INTERVAL_PATTERN))))]
    pub thu: Option<Vec<String>>,
    /// Friday's intervals.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = INTERVAL_PATTERN))))]
    pub fri: Option<Vec<String>>,
    /// Saturday's intervals.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = INTERVAL_PATTERN))))]
    pub sat: Option<Vec<String>>,
    /// Sunday's intervals.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = INTERVAL_PATTERN))))]
    pub sun: Option<Vec<String>>,
    /// Keys that are not weekdays; each is reported.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub unknown: BTreeMap<String, Value>,
}

/// One override: a single `date` or a `from`–`to` range (inclusive), either `closed: true` or
/// with its own `hours`, and an optional `label` shown to visitors.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
pub struct RawOverride {
    /// A single date, `YYYY-MM-DD`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = DATE_PATTERN)))]
    pub date: Option<String>,
    /// The first date of a range, `YYYY-MM-DD`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = DATE_PATTERN)))]
    pub from: Option<String>,
    /// The last date of a range, inclusive, `YYYY-MM-DD`.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(regex(pattern = DATE_PATTERN)))]
    pub to: Option<String>,
    /// `true`: closed on these dates.
    #[serde(default)]
    pub closed: Option<bool>,
    /// The intervals that replace the weekly ones on these dates.
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(inner(regex(pattern = INTERVAL_PATTERN))))]
    pub hours: Option<Vec<String>>,
    /// Shown to visitors as text, e.g. "Новогодние праздники".
    #[serde(default)]
    pub label: Option<String>,
    /// Keys not in this model; each is reported.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub unknown: BTreeMap<String, Value>,
}

/// Response targets. Numbers outside their range are reported and replaced by the inherited value
/// or the default.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schema", schemars(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct RawTargets {
    /// Minutes within which a requested callback is made while open, 1–1440 (default 15).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 1440)))]
    pub callback_minutes: Option<i64>,
    /// Business days within which an e-mail is answered, 1–30 (default 1).
    #[serde(default)]
    #[cfg_attr(feature = "schema", schemars(range(min = 1, max = 30)))]
    pub email_business_days: Option<i64>,
    /// Keys not in this model; each is reported.
    #[serde(flatten)]
    #[cfg_attr(feature = "schema", schemars(skip))]
    pub unknown: BTreeMap<String, Value>,
}
