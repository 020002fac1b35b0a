//! An hours object as a site owner writes it (camelCase JSON), read from a [`Value`].
//!
//! Every key is optional and numbers are signed, so that one mistake never makes the whole
//! configuration unreadable: validation ([`super::Hours::from_raw`]) reports each problem with its
//! path and keeps the rest. Unknown keys are collected rather than ignored, so a misspelt `monday`
//! is reported instead of silently meaning "closed on Mondays". Only a value of the wrong JSON
//! type (a number where a time was expected) makes [`RawHours::from_json`] refuse the object: it
//! then reports every such value with its path instead of guessing.
//!
//! Read by hand rather than with serde derives, which cost the wasm far more (see
//! `config/read.rs`); the key lists ([`RawHours::KEYS`]) also hold the committed JSON Schema to
//! this reader. Native code may also read it with serde (the conformance table does): that reads a
//! [`Value`] and then the same reader.

use serde::{Deserialize, Deserializer};

use crate::config::read::{self, child};
use crate::config::ConfigIssue;
use crate::json::{Object, Value};
use crate::time::Weekday;

pub(super) const HOURS_FIELDS: &[&str] = &["zone", "weekly", "overrides", "targets", "quietHours"];
pub(super) const OVERRIDE_FIELDS: &[&str] = &["date", "from", "to", "closed", "hours", "label"];
pub(super) const TARGETS_FIELDS: &[&str] = &["callbackMinutes", "emailBusinessDays"];
pub(super) const WEEKLY_FIELDS: [&str; 7] = {
    let mut keys = [""; 7];
    let mut day = 0;
    while day < 7 {
        keys[day] = Weekday::ALL[day].key();
        day += 1;
    }
    keys
};

/// Working hours as written: `{ "zone": "Europe/Moscow", "weekly": { "mon": ["10:00-19:00"] }, … }`.
/// The company's hours sit at the top level of the configuration; a department may have its own,
/// leaving out any key to inherit the company's value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawHours {
    /// The IANA time zone the hours are written in, e.g. `Europe/Moscow`.
    pub zone: Option<String>,
    /// Regular hours per weekday; a weekday left out is closed.
    pub weekly: Option<RawWeekly>,
    /// Dates whose hours differ from the weekly ones: holidays, shortened days, special openings.
    pub overrides: Option<Vec<RawOverride>>,
    /// Response times promised to visitors.
    pub targets: Option<RawTargets>,
    /// The visitor's local hours in which nobody is called, `22:00-08:00` by default.
    pub quiet_hours: Option<String>,
    /// Keys not in this model, in key order; each is reported.
    pub unknown: Vec<String>,
}

/// Intervals per weekday, each `HH:MM-HH:MM` (`22:00-02:00+1` past midnight, `00:00-24:00` round
/// the clock).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawWeekly {
    /// Monday's intervals.
    pub mon: Option<Vec<String>>,
    /// Tuesday's intervals.
    pub tue: Option<Vec<String>>,
    /// Wednesday's intervals.
    pub wed: Option<Vec<String>>,
    /// Thursday's intervals.
    pub thu: Option<Vec<String>>,
    /// Friday's intervals.
    pub fri: Option<Vec<String>>,
    /// Saturday's intervals.
    pub sat: Option<Vec<String>>,
    /// Sunday's intervals.
    pub sun: Option<Vec<String>>,
    /// Keys that are not weekdays, in key order; each is reported.
    pub unknown: Vec<String>,
}

/// One override: a single `date` or a `from`–`to` range (inclusive), either `closed: true` or
/// with its own `hours`, and an optional `label` shown to visitors.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawOverride {
    /// A single date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The first date of a range, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// The last date of a range, inclusive, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// `true`: closed on these dates.
    pub closed: Option<bool>,
    /// The intervals that replace the weekly ones on these dates.
    pub hours: Option<Vec<String>>,
    /// Shown to visitors as text, e.g. "Новогодние праздники".
    pub label: Option<String>,
    /// Keys not in this model, in key order; each is reported.
    pub unknown: Vec<String>,
}

/// Response targets. Numbers outside their range are reported and replaced by the inherited value
/// or the default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RawTargets {
    /// Minutes within which a requested callback is made while open, 1–1440 (default 15).
    pub callback_minutes: Option<i64>,
    /// Business days within which an e-mail is answered, 1–30 (default 1).
    pub email_business_days: Option<i64>,
    /// Keys not in this model, in key order; each is reported.
    pub unknown: Vec<String>,
}

impl RawHours {
    /// The keys of each object of an hours object, by its name in `config.schema.json`.
    pub const KEYS: &'static [(&'static str, &'static [&'static str])] = &[
        ("Hours", HOURS_FIELDS),
        ("Weekly", &WEEKLY_FIELDS),
        ("Override", OVERRIDE_FIELDS),
        ("Targets", TARGETS_FIELDS),
    ];

    /// Reads an hours object. A value of the wrong JSON type is not guessed at: each one is
    /// returned as an issue whose path is relative to the hours object (`weekly.mon[1]`; `""` for
    /// the hours value itself), and there are then no raw hours to validate.
    ///
    /// ```
    /// use contact_core::{json, schedule::RawHours};
    /// let value = json::parse(r#"{ "zone": "Europe/Moscow", "weekly": { "mon": ["10:00-19:00", 5] } }"#).unwrap();
    /// let issues = RawHours::from_json(&value).unwrap_err();
    /// assert_eq!(issues[0].to_string(), "weekly.mon[1]: invalid type: integer `5`, expected a string");
    /// ```
    pub fn from_json(value: &Value) -> Result<RawHours, Vec<ConfigIssue>> {
        let mut reader = Reader(Vec::new());
        let hours = reader.object(value, "", "an hours object").map(|object| RawHours {
            zone: reader.text(object, "", "zone"),
            weekly: reader.nested(object, "", "weekly", "a weekly object", |reader, weekly| {
                let [mon, tue, wed, thu, fri, sat, sun] = WEEKLY_FIELDS.map(|day| reader.texts(weekly, "weekly", day));
                RawWeekly { mon, tue, wed, thu, fri, sat, sun, unknown: unknown(weekly, &WEEKLY_FIELDS) }
            }),
            overrides: reader.list(object, "", "overrides", |reader, path, entry| {
                let entry = reader.object(entry, path, "an override object")?;
                Some(RawOverride {
                    date: reader.text(entry, path, "date"),
                    from: reader.text(entry, path, "from"),
                    to: reader.text(entry, path, "to"),
                    closed: reader.read(entry, path, "closed", read::boolean),
                    hours: reader.texts(entry, path, "hours"),
                    label: reader.text(entry, path, "label"),
                    unknown: unknown(entry, OVERRIDE_FIELDS),
                })
            }),
            targets: reader.nested(object, "", "targets", "a targets object", |reader, targets| {
                let number = |value: &Value| read::integer(value, i64::MIN, i64::MAX, "a whole number");
                RawTargets {
                    callback_minutes: reader.read(targets, "targets", "callbackMinutes", number),
                    email_business_days: reader.read(targets, "targets", "emailBusinessDays", number),
                    unknown: unknown(targets, TARGETS_FIELDS),
                }
            }),
            quiet_hours: reader.text(object, "", "quietHours"),
            unknown: unknown(object, HOURS_FIELDS),
        });
        match hours {
            Some(hours) if reader.0.is_empty() => Ok(hours),
            _ => Err(reader.0),
        }
    }
}

/// Reading with serde (`serde_json::from_str::<RawHours>`) reads a [`Value`] and then
/// [`RawHours::from_json`]; its error lists the values of the wrong type.
impl<'de> Deserialize<'de> for RawHours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        RawHours::from_json(&value).map_err(|issues| {
            let lines: Vec<String> = issues.iter().map(ToString::to_string).collect();
            serde::de::Error::custom(lines.join("; "))
        })
    }
}

fn unknown(object: &Object, known: &[&str]) -> Vec<String> {
    read::unknown_keys(object, known).map(str::to_owned).collect()
}

/// Collects the values of the wrong type, each with its path.
struct Reader(Vec<ConfigIssue>);

impl Reader {
    fn check<T>(&mut self, result: Result<T, String>, path: &str) -> Option<T> {
        result.map_err(|message| self.0.push(read::issue(path, message))).ok()
    }

    fn object<'v>(&mut self, value: &'v Value, path: &str, expected: &str) -> Option<&'v Object> {
        self.check(read::object(value, expected), path)
    }

    fn read<'v, T>(
        &mut self,
        object: &'v Object,
        parent: &str,
        key: &str,
        read_value: impl FnOnce(&'v Value) -> Result<T, String>,
    ) -> Option<T> {
        self.check(read::optional(object, key, read_value), &child(parent, key)).flatten()
    }

    fn text(&mut self, object: &Object, parent: &str, key: &str) -> Option<String> {
        self.read(object, parent, key, |value| read::string(value).map(str::to_owned))
    }

    /// A list of intervals; each item that is not a string is reported at its index.
    fn texts(&mut self, object: &Object, parent: &str, key: &str) -> Option<Vec<String>> {
        self.list(object, parent, key, |reader, path, item| reader.check(read::string(item).map(str::to_owned), path))
    }

    /// The list at `parent.key`, each item read by `item` with its own path.
    fn list<T>(
        &mut self,
        object: &Object,
        parent: &str,
        key: &str,
        mut item: impl FnMut(&mut Reader, &str, &Value) -> Option<T>,
    ) -> Option<Vec<T>> {
        let path = child(parent, key);
        let values = self.check(read::optional(object, key, read::array), &path).flatten()?;
        let mut items = Vec::with_capacity(values.len());
        for (index, value) in values.iter().enumerate() {
            items.extend(item(self, &format!("{path}[{index}]"), value));
        }
        Some(items)
    }

    fn nested<T>(
        &mut self,
        object: &Object,
        parent: &str,
        key: &str,
        expected: &str,
        read_nested: impl FnOnce(&mut Reader, &Object) -> T,
    ) -> Option<T> {
        let path = child(parent, key);
        let nested = read::get(object, key).and_then(|value| self.object(value, &path, expected))?;
        Some(read_nested(self, nested))
    }
}
