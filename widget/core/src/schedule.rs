//! Working hours: the company's (or a department's) weekly schedule in its own time zone, date
//! overrides for holidays and special days, and the response targets promised to visitors.
//!
//! A site owner writes [`RawHours`] (camelCase JSON, see `docs/hours.md`); [`Hours::from_raw`]
//! validates it once, checking the zone through [`Zones`], and reports every problem as a
//! [`ConfigIssue`] whose path is relative to the hours object (`weekly.tue[1]`), for the
//! configuration to prefix. Invariants of [`Hours`]: its zone was known to the validating
//! [`Zones`]; no two intervals of one date overlap, nor does an interval running past midnight
//! overlap the next date's intervals (weekly, and each override against its neighbours); no date
//! is covered by two overrides; targets are within their documented bounds. Invalid parts are
//! dropped, which only ever removes opening time, so answers stay on the safe side.
//!
//! An interval belongs to the date it starts on: Friday's `22:00-02:00+1` keeps running into
//! Saturday even if Saturday is a holiday, and an override replaces only the intervals that start
//! on its dates. Every query takes "now" and zones as parameters and works in UTC
//! [`Timestamp`](crate::time::Timestamp)s; wall-clock readings become instants by [`Tz::instant_of`]'s rule (gaps shift
//! forward, overlaps take the earlier instant).

mod queries;
mod raw;
mod spans;
mod validate;
mod week;

use std::fmt;

pub use queries::{Status, ANNOUNCE_DAYS};
pub use raw::{RawHours, RawOverride, RawTargets, RawWeekly};
pub use week::{DayHours, LocalSpan};

use crate::config::ConfigIssue;
use crate::promise::QuietHours;
use crate::time::{Date, LocalTime, Weekday};
use crate::zones::{Tz, ZoneName, Zones};

const MINUTES_PER_DAY: u16 = 1_440;

/// Validated working hours. Built only by [`Hours::from_raw`]; see the module docs for what it
/// guarantees.
#[derive(Debug, Clone, PartialEq)]
pub struct Hours {
    zone: ZoneName,
    weekly: [Vec<Interval>; 7],
    overrides: Vec<Override>,
    targets: Targets,
    quiet_hours: QuietHours,
}

/// The outcome of validating working hours: the usable hours, if any, and every issue found.
#[derive(Debug, Clone, PartialEq)]
pub struct HoursParsed {
    /// `None` when the zone or the weekly schedule is missing or invalid: no honest answer about
    /// opening times can be given then, so the widget shows none.
    pub hours: Option<Hours>,
    /// Problems found, with paths relative to the hours object (`weekly.mon[1]`, `zone`).
    pub issues: Vec<ConfigIssue>,
}

impl Hours {
    /// Validates `raw`. For a department, `inherited` is the company's validated hours: every
    /// top-level key the department leaves out (`zone`, `weekly`, `overrides`, `targets`' fields,
    /// `quietHours`) is taken from it. A department with no hours object at all simply uses the
    /// company's [`Hours`] as they are (see [`Hours::effective`]).
    pub fn from_raw(raw: &RawHours, inherited: Option<&Hours>, zones: &dyn Zones) -> HoursParsed {
        validate::from_raw(raw, inherited, zones)
    }

    /// The hours that apply to a department: its own if it has them, else the company's.
    pub fn effective<'a>(own: Option<&'a Hours>, company: Option<&'a Hours>) -> Option<&'a Hours> {
        own.or(company)
    }

    /// The zone the hours are written in.
    pub fn zone(&self) -> &ZoneName {
        &self.zone
    }

    /// The regular intervals of a weekday, sorted by start.
    pub fn weekly(&self, day: Weekday) -> &[Interval] {
        &self.weekly[day.days_from_monday()]
    }

    /// All date overrides, sorted by date; no two cover the same date.
    pub fn overrides(&self) -> &[Override] {
        &self.overrides
    }

    /// The override covering `date`, if any.
    pub fn override_on(&self, date: Date) -> Option<&Override> {
        self.overrides.iter().find(|o| o.first <= date && date <= o.last)
    }

    /// The intervals that start on `date` (company calendar): the override's if one covers the
    /// date, else the weekday's.
    pub fn intervals_on(&self, date: Date) -> &[Interval] {
        match self.override_on(date) {
            Some(o) => o.intervals(),
            None => self.weekly(date.weekday()),
        }
    }

    /// The promised response times.
    pub fn targets(&self) -> Targets {
        self.targets
    }

    /// The visitor's hours that calls must avoid.
    pub fn quiet_hours(&self) -> QuietHours {
        self.quiet_hours
    }

    /// The company's zone as seen through `zones`.
    pub(crate) fn tz<'a>(&'a self, zones: &'a dyn Zones) -> Tz<'a> {
        Tz::new(zones, &self.zone)
    }
}

/// One opening interval on a wall clock, from `start` on its date to `end` on the same date or,
/// written with `+1`, on the next (`22:00-02:00+1`). Never empty, never longer than 24 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Interval {
    start: LocalTime,
    /// Minutes from the start date's midnight, past 1440 when the interval ends the next day.
    end_minute: u16,
}

impl Interval {
    /// Parses `HH:MM-HH:MM` (`H:MM` too; an en dash is fine). The end must be later than the start
    /// on the same day (`24:00` is the end of the day), or carry `+1` and then be at or before the
    /// start on the next day: `22:00-02:00+1`. On error, the message for the site owner.
    pub fn parse(text: &str) -> Result<Interval, String> {
        let malformed = || format!("`{text}` is not an interval; write it as HH:MM-HH:MM, e.g. 10:00-19:00");
        let (start_text, end_text) = text.trim().split_once(['-', '–']).ok_or_else(malformed)?;
        let (end_text, next_day) = match end_text.trim().strip_suffix("+1") {
            Some(end) => (end.trim_end(), true),
            None => (end_text.trim(), false),
        };
        let start = LocalTime::parse(start_text.trim()).ok_or_else(malformed)?;
        let end = LocalTime::parse(end_text).ok_or_else(malformed)?;
        if start == LocalTime::END_OF_DAY {
            return Err(format!("`{text}` starts at 24:00; write 00:00 on the next day"));
        }
        let (start_min, end_min) = (start.minutes(), end.minutes());
        match next_day {
            false if end_min > start_min => Ok(Interval { start, end_minute: end_min }),
            false if end_min == start_min => Err(format!("`{text}` is empty; for round the clock write 00:00-24:00")),
            false if end_min == 0 => {
                Err(format!("`{text}` ends before it starts; to close at midnight write {start}-24:00"))
            }
            false => Err(format!("`{text}` ends before it starts; if it runs past midnight, write {start}-{end}+1")),
            true if end_min <= start_min => Ok(Interval { start, end_minute: end_min + MINUTES_PER_DAY }),
            true => Err(format!("`{text}` would last more than 24 hours; without +1 it ends the same day")),
        }
    }

    /// The start, on the interval's own date.
    pub fn start(self) -> LocalTime {
        self.start
    }

    /// The end's time of day (`24:00` for the end of the interval's own date).
    pub fn end(self) -> LocalTime {
        LocalTime::from_minutes(self.end_minute_of_end_day()).unwrap_or(LocalTime::END_OF_DAY)
    }

    /// Whether the interval ends on the next date (written with `+1`).
    pub fn ends_next_day(self) -> bool {
        self.end_minute > MINUTES_PER_DAY
    }

    /// Minutes from the interval's date's midnight to its start.
    pub(crate) fn start_minute(self) -> u16 {
        self.start.minutes()
    }

    /// Minutes from the interval's date's midnight to its end (past 1440 on the next date).
    pub(crate) fn end_minute(self) -> u16 {
        self.end_minute
    }

    /// Minutes into the next date at which the interval ends, if it runs past midnight.
    pub(crate) fn tail_end(self) -> Option<u16> {
        self.ends_next_day().then(|| self.end_minute - MINUTES_PER_DAY)
    }

    fn end_minute_of_end_day(self) -> u16 {
        if self.ends_next_day() {
            self.end_minute - MINUTES_PER_DAY
        } else {
            self.end_minute
        }
    }
}

impl fmt::Display for Interval {
    /// The configuration form: `10:00-19:00`, `22:00-02:00+1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}{}", self.start, self.end(), if self.ends_next_day() { "+1" } else { "" })
    }
}

/// A date or range of dates whose hours differ from the weekly schedule: a holiday, a shortened
/// day, a special opening.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    first: Date,
    last: Date,
    intervals: Vec<Interval>,
    label: Option<String>,
}

impl Override {
    /// The first date covered (company calendar).
    pub fn first(&self) -> Date {
        self.first
    }

    /// The last date covered, inclusive (equal to `first` for a single date).
    pub fn last(&self) -> Date {
        self.last
    }

    /// The intervals that start on each covered date; empty when closed.
    pub fn intervals(&self) -> &[Interval] {
        &self.intervals
    }

    /// Whether the dates are closed.
    pub fn is_closed(&self) -> bool {
        self.intervals.is_empty()
    }

    /// The site owner's label ("Новогодние праздники"), rendered as text only.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }
}

/// Promised response times, per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Targets {
    /// Minutes within which a callback is made while open (1–1440; default 15).
    pub callback_minutes: u32,
    /// Business days within which an e-mail is answered (1–30; default 1); see
    /// [`Hours::email_answer_by`].
    pub email_business_days: u32,
}

impl Default for Targets {
    fn default() -> Self {
        Targets { callback_minutes: 15, email_business_days: 1 }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intervals_parse_with_one_explicit_rule_for_past_midnight() {
        let cases = [
            ("10:00-19:00", Ok("10:00-19:00")),
            ("9:00 – 18:30", Ok("09:00-18:30")),
            ("00:00-24:00", Ok("00:00-24:00")),
            ("22:00-02:00+1", Ok("22:00-02:00+1")),
            ("18:00-00:00+1", Ok("18:00-24:00")),
            ("10:00-10:00+1", Ok("10:00-10:00+1")),
            ("22:00-02:00", Err("`22:00-02:00` ends before it starts; if it runs past midnight, write 22:00-02:00+1")),
            ("19:00-10:00", Err("`19:00-10:00` ends before it starts; if it runs past midnight, write 19:00-10:00+1")),
            ("18:00-00:00", Err("`18:00-00:00` ends before it starts; to close at midnight write 18:00-24:00")),
            ("10:00-10:00", Err("`10:00-10:00` is empty; for round the clock write 00:00-24:00")),
            ("10:00-19:00+1", Err("`10:00-19:00+1` would last more than 24 hours; without +1 it ends the same day")),
            ("24:00-02:00+1", Err("`24:00-02:00+1` starts at 24:00; write 00:00 on the next day")),
            ("10-19", Err("`10-19` is not an interval; write it as HH:MM-HH:MM, e.g. 10:00-19:00")),
            ("25:00-26:00", Err("`25:00-26:00` is not an interval; write it as HH:MM-HH:MM, e.g. 10:00-19:00")),
        ];
        for (text, expected) in cases {
            let parsed = Interval::parse(text).map(|i| i.to_string());
            assert_eq!(parsed, expected.map(str::to_owned).map_err(str::to_owned), "{text}");
        }
    }
}
