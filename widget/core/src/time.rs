//! Civil time without a time-zone database: instants, UTC offsets, calendar dates, weekdays and
//! times of day.
//!
//! Everything here is plain arithmetic on integers (dates use the days-from-civil algorithm of the
//! proleptic Gregorian calendar), so it costs the wasm a few hundred bytes rather than a tz library.
//! Zones enter only through [`crate::zones`]. Invariants: a [`Date`] is always a real calendar date
//! in years 1–9999; a [`LocalTime`] is within `00:00..=24:00`; a [`CivilDateTime`]'s time of day is
//! below 24 hours. [`Timestamp`] and [`Date`] serialise as RFC 3339 / ISO 8601 strings so that case
//! tables stay readable.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

const SECONDS_PER_DAY: i64 = 86_400;
const MINUTES_PER_DAY: u16 = 1_440;

/// An instant: whole seconds since 1970-01-01T00:00:00Z, independent of any zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The Unix epoch, 1970-01-01T00:00:00Z.
    pub const UNIX_EPOCH: Timestamp = Timestamp(0);

    /// The instant `seconds` after the Unix epoch (negative: before it).
    pub const fn from_unix_seconds(seconds: i64) -> Timestamp {
        Timestamp(seconds)
    }

    /// The instant of a JavaScript `Date.now()` value, rounded down to the whole second.
    pub const fn from_unix_millis(millis: i64) -> Timestamp {
        Timestamp(millis.div_euclid(1_000))
    }

    /// Seconds since the Unix epoch.
    pub const fn unix_seconds(self) -> i64 {
        self.0
    }

    /// Milliseconds since the Unix epoch, as JavaScript's `Date` wants them.
    pub const fn unix_millis(self) -> i64 {
        self.0 * 1_000
    }

    /// This instant moved by `seconds` (negative: earlier).
    pub const fn plus_seconds(self, seconds: i64) -> Timestamp {
        Timestamp(self.0 + seconds)
    }

    /// This instant moved by `minutes` (negative: earlier).
    pub const fn plus_minutes(self, minutes: i64) -> Timestamp {
        Timestamp(self.0 + minutes * 60)
    }

    /// Whole seconds from `self` to `later` (negative when `later` is earlier).
    pub const fn seconds_until(self, later: Timestamp) -> i64 {
        later.0 - self.0
    }

    /// The UTC calendar date and time of day of this instant.
    pub fn to_utc(self) -> CivilDateTime {
        CivilDateTime::from_wall_seconds(self.0)
    }

    /// Parses an RFC 3339 instant such as `2026-12-31T07:00:00Z` or `2026-12-31T10:00+03:00`.
    /// Seconds may be left out; a zone designator (`Z` or an offset) is required, because an
    /// instant without one is a civil time, not an instant.
    pub fn parse(text: &str) -> Option<Timestamp> {
        let date = Date::parse(text.get(..10)?)?;
        let rest = text.get(10..)?.strip_prefix(['T', 't'])?;
        let (clock, designator) = rest.split_at_checked(rest.find(['Z', 'z', '+', '-'])?)?;
        let seconds = match clock.len() {
            5 => 0,
            8 if clock.as_bytes()[5] == b':' => parse_digits(&clock[6..], 2)?,
            _ => return None,
        };
        let hm = LocalTime::parse(clock.get(..5)?)?;
        let offset_minutes = match designator {
            "Z" | "z" => 0,
            _ => {
                let offset = LocalTime::parse(&designator[1..]).filter(|t| t.minutes() < MINUTES_PER_DAY)?;
                let sign = if designator.starts_with('-') { -1 } else { 1 };
                sign * i64::from(offset.minutes())
            }
        };
        if hm.minutes() >= MINUTES_PER_DAY || seconds > 59 {
            return None;
        }
        let civil = CivilDateTime::new(date, hm).wall_seconds() + i64::from(seconds);
        Some(Timestamp(civil - offset_minutes * 60))
    }
}

impl fmt::Display for Timestamp {
    /// RFC 3339 in UTC: `2026-12-31T07:00:00Z`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let civil = self.to_utc();
        let s = civil.second_of_day();
        write!(f, "{}T{:02}:{:02}:{:02}Z", civil.date(), s / 3600, s / 60 % 60, s % 60)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Timestamp::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not an RFC 3339 instant")))
    }
}

/// A UTC offset in seconds east of Greenwich (`+03:00` is 10 800, `-11:00` is −39 600).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Offset(i32);

impl Offset {
    /// Offset zero: UTC itself.
    pub const UTC: Offset = Offset(0);

    /// An offset of `seconds` east of UTC.
    pub const fn from_seconds(seconds: i32) -> Offset {
        Offset(seconds)
    }

    /// Seconds east of UTC.
    pub const fn seconds(self) -> i32 {
        self.0
    }

    /// The offset of a zone whose clocks read `reading` at the instant `at`. This is how a zone
    /// implementation that can only format instants (`Intl.DateTimeFormat.formatToParts`) gets
    /// its offsets.
    pub fn of_reading(reading: CivilDateTime, at: Timestamp) -> Offset {
        let seconds = reading.wall_seconds() - at.unix_seconds();
        Offset(i32::try_from(seconds).unwrap_or(if seconds < 0 { i32::MIN } else { i32::MAX }))
    }
}

impl fmt::Display for Offset {
    /// `+05:45`, `-11:00`, `+10:30`; seconds are dropped (no zone in use since 1972 has them).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { '-' } else { '+' };
        let minutes = self.0.unsigned_abs() / 60;
        write!(f, "{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

/// A day of the week, Monday first (the ISO 8601 and Russian convention).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Weekday {
    #[serde(rename = "mon")]
    Monday,
    #[serde(rename = "tue")]
    Tuesday,
    #[serde(rename = "wed")]
    Wednesday,
    #[serde(rename = "thu")]
    Thursday,
    #[serde(rename = "fri")]
    Friday,
    #[serde(rename = "sat")]
    Saturday,
    #[serde(rename = "sun")]
    Sunday,
}

impl Weekday {
    /// Monday to Sunday, in order.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// The short key used in configuration and case tables: `mon` … `sun`.
    pub const fn key(self) -> &'static str {
        match self {
            Weekday::Monday => "mon",
            Weekday::Tuesday => "tue",
            Weekday::Wednesday => "wed",
            Weekday::Thursday => "thu",
            Weekday::Friday => "fri",
            Weekday::Saturday => "sat",
            Weekday::Sunday => "sun",
        }
    }

    /// Days since Monday: 0 for Monday, 6 for Sunday. Used to index per-weekday arrays.
    pub const fn days_from_monday(self) -> usize {
        self as usize
    }

    /// The following day (Sunday is followed by Monday).
    pub const fn succ(self) -> Weekday {
        Weekday::ALL[(self as usize + 1) % 7]
    }
}

impl fmt::Display for Weekday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// A calendar date (proleptic Gregorian), years 1–9999.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i16,
    month: u8,
    day: u8,
}

impl Date {
    /// The date, if it exists (`2026-02-29` does not).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let year = i16::try_from(year).ok().filter(|y| (1..=9999).contains(y))?;
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// The date `days` after 1970-01-01 (negative: before it), if within years 1–9999.
    pub fn from_days_since_epoch(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days, shifted so that eras start on 1 March.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let yoe = year - era * 400;
        let mp = (i64::from(self.month) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD` exactly (no other forms, so that `01.02` cannot be read two ways).
    pub fn parse(text: &str) -> Option<Date> {
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return None;
        }
        let year = parse_digits(&text[0..4], 4)?;
        let month = parse_digits(&text[5..7], 2)?;
        let day = parse_digits(&text[8..10], 2)?;
        Date::new(year as i32, month as u8, day as u8)
    }

    /// The year, 1–9999.
    pub fn year(self) -> i32 {
        i32::from(self.year)
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1–31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday, three days after a Monday.
        Weekday::ALL[(self.days_since_epoch() + 3).rem_euclid(7) as usize]
    }

    /// The date `days` later (negative: earlier), held within years 1–9999 (no schedule gets near
    /// either end).
    pub fn plus_days(self, days: i64) -> Date {
        let days = self.days_since_epoch().saturating_add(days);
        Date::from_days_since_epoch(days).unwrap_or(if days < 0 { MIN_DATE } else { MAX_DATE })
    }

    /// The next day.
    pub fn succ(self) -> Date {
        self.plus_days(1)
    }

    /// The previous day.
    pub fn pred(self) -> Date {
        self.plus_days(-1)
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }
}

impl fmt::Display for Date {
    /// ISO 8601: `2026-12-31`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).ok_or_else(|| serde::de::Error::custom(format!("`{text}` is not a YYYY-MM-DD date")))
    }
}

/// A time of day on a wall clock, in whole minutes: `00:00` to `24:00` inclusive (`24:00` is the
/// end of the day, used only as the end of an interval).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime(u16);

impl LocalTime {
    /// Midnight at the start of the day.
    pub const MIDNIGHT: LocalTime = LocalTime(0);
    /// `24:00`, the end of the day.
    pub const END_OF_DAY: LocalTime = LocalTime(MINUTES_PER_DAY);

    /// `hour:minute`, if within `00:00..=24:00`.
    pub fn from_hm(hour: u8, minute: u8) -> Option<LocalTime> {
        let minutes = u16::from(hour) * 60 + u16::from(minute);
        (minute < 60 && minutes <= MINUTES_PER_DAY).then_some(LocalTime(minutes))
    }

    /// `hour:minute` for constants, where an invalid time fails the build rather than the program.
    pub(crate) const fn const_hm(hour: u8, minute: u8) -> LocalTime {
        let minutes = hour as u16 * 60 + minute as u16;
        assert!(minute < 60 && minutes <= MINUTES_PER_DAY, "not a time of day");
        LocalTime(minutes)
    }

    /// `minutes` after midnight, if at most 24 hours.
    pub fn from_minutes(minutes: u16) -> Option<LocalTime> {
        (minutes <= MINUTES_PER_DAY).then_some(LocalTime(minutes))
    }

    /// Parses `H:MM` or `HH:MM` (`9:00`, `09:00`, `24:00`); nothing else.
    pub fn parse(text: &str) -> Option<LocalTime> {
        let (hour, minute) = text.split_once(':')?;
        if hour.is_empty() || hour.len() > 2 || minute.len() != 2 {
            return None;
        }
        LocalTime::from_hm(parse_digits(hour, hour.len())? as u8, parse_digits(minute, 2)? as u8)
    }

    /// Minutes since midnight, 0–1440.
    pub const fn minutes(self) -> u16 {
        self.0
    }

    /// The hour, 0–24.
    pub const fn hour(self) -> u8 {
        (self.0 / 60) as u8
    }

    /// The minute, 0–59.
    pub const fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }
}

impl fmt::Display for LocalTime {
    /// `HH:MM`, 24-hour. For tests and messages to site owners; visitors see `Intl`'s formatting.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// A date and a time of day to the second, as read on some wall clock (no zone attached).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CivilDateTime {
    date: Date,
    second_of_day: u32,
}

impl CivilDateTime {
    /// `time` on `date`; `24:00` becomes `00:00` of the next day.
    pub fn new(date: Date, time: LocalTime) -> CivilDateTime {
        CivilDateTime::from_wall_seconds(date.days_since_epoch() * SECONDS_PER_DAY + i64::from(time.minutes()) * 60)
    }

    /// `hour:minute:second` on `date`, if a time of day (`hour` below 24).
    pub fn from_parts(date: Date, hour: u8, minute: u8, second: u8) -> Option<CivilDateTime> {
        let valid = hour < 24 && minute < 60 && second < 60;
        let second_of_day = u32::from(hour) * 3_600 + u32::from(minute) * 60 + u32::from(second);
        valid.then_some(CivilDateTime { date, second_of_day })
    }

    /// The wall-clock reading `seconds` after 1970-01-01 00:00 on the same clock.
    pub(crate) fn from_wall_seconds(seconds: i64) -> CivilDateTime {
        let days = seconds.div_euclid(SECONDS_PER_DAY);
        // Out-of-range instants (beyond year 9999) only come from nonsense input; pin them.
        let date = Date::from_days_since_epoch(days).unwrap_or(if days < 0 { MIN_DATE } else { MAX_DATE });
        CivilDateTime { date, second_of_day: seconds.rem_euclid(SECONDS_PER_DAY) as u32 }
    }

    /// Seconds since 1970-01-01 00:00 on this wall clock: the instant this reading would be in UTC.
    pub(crate) fn wall_seconds(self) -> i64 {
        self.date.days_since_epoch() * SECONDS_PER_DAY + i64::from(self.second_of_day)
    }

    /// The calendar date.
    pub fn date(self) -> Date {
        self.date
    }

    /// The time of day, rounded down to the minute.
    pub fn time(self) -> LocalTime {
        LocalTime((self.second_of_day / 60) as u16)
    }

    /// Seconds since midnight, 0–86 399.
    pub fn second_of_day(self) -> u32 {
        self.second_of_day
    }
}

impl fmt::Display for CivilDateTime {
    /// `2026-12-31T10:00` (seconds shown only when not zero).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date, self.time())?;
        match self.second_of_day % 60 {
            0 => Ok(()),
            s => write!(f, ":{s:02}"),
        }
    }
}

/// A half-open stretch of time `[start, end)` between two instants.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// The first instant inside.
    pub start: Timestamp,
    /// The first instant after; always later than `start`.
    pub end: Timestamp,
}

impl Span {
    /// `[start, end)`, or `None` when it would be empty.
    pub fn new(start: Timestamp, end: Timestamp) -> Option<Span> {
        (start < end).then_some(Span { start, end })
    }

    /// Whether `at` lies inside.
    pub fn contains(self, at: Timestamp) -> bool {
        self.start <= at && at < self.end
    }

    /// Length in whole seconds.
    pub fn seconds(self) -> i64 {
        self.start.seconds_until(self.end)
    }
}

const MIN_DATE: Date = Date { year: 1, month: 1, day: 1 };
const MAX_DATE: Date = Date { year: 9999, month: 12, day: 31 };

fn days_in_month(year: i16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Exactly `len` ASCII digits (no sign, no spaces: `str::parse` would accept `+5`).
fn parse_digits(text: &str, len: usize) -> Option<u32> {
    (text.len() == len && text.bytes().all(|b| b.is_ascii_digit())).then(|| text.parse().ok())?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_days_since_epoch() {
        let cases = [
            ("1970-01-01", 0, Weekday::Thursday),
            ("2000-02-29", 11_016, Weekday::Tuesday),
            ("2026-12-31", 20_818, Weekday::Thursday),
            ("2027-01-08", 20_826, Weekday::Friday),
            ("1969-12-31", -1, Weekday::Wednesday),
            ("0001-01-01", -719_162, Weekday::Monday),
        ];
        for (text, days, weekday) in cases {
            let date = Date::parse(text).unwrap();
            assert_eq!(date.days_since_epoch(), days, "{text}");
            assert_eq!(Date::from_days_since_epoch(days), Some(date), "{text}");
            assert_eq!(date.weekday(), weekday, "{text}");
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn impossible_or_loosely_written_dates_are_rejected() {
        for text in ["2026-02-29", "2026-13-01", "2026-1-01", "26-01-01", "2026/01/01", "2026-01-+1", "0000-01-01"] {
            assert_eq!(Date::parse(text), None, "{text}");
        }
    }

    #[test]
    fn times_of_day_parse_from_one_or_two_digit_hours_up_to_24_00() {
        let cases = [
            ("9:00", Some(540)),
            ("09:30", Some(570)),
            ("24:00", Some(1440)),
            ("00:00", Some(0)),
            ("24:01", None),
            ("10:60", None),
            ("10:5", None),
            ("1000", None),
            (" 9:00", None),
            ("+9:00", None),
        ];
        for (text, minutes) in cases {
            assert_eq!(LocalTime::parse(text).map(LocalTime::minutes), minutes, "{text}");
        }
    }

    #[test]
    fn instants_parse_from_rfc_3339_with_any_offset_and_print_in_utc() {
        let cases = [
            ("2026-12-31T07:00:00Z", 1_798_700_400),
            ("2026-12-31T10:00+03:00", 1_798_700_400),
            ("2026-12-30T20:00-11:00", 1_798_700_400),
            ("1970-01-01T00:00:00Z", 0),
            ("1969-12-31T23:59:59Z", -1),
        ];
        for (text, seconds) in cases {
            assert_eq!(Timestamp::parse(text), Some(Timestamp::from_unix_seconds(seconds)), "{text}");
        }
        assert_eq!(Timestamp::from_unix_seconds(1_798_700_400).to_string(), "2026-12-31T07:00:00Z");
        assert_eq!(Timestamp::from_unix_seconds(-1).to_string(), "1969-12-31T23:59:59Z");
    }

    #[test]
    fn instants_without_a_zone_designator_are_rejected() {
        for text in
            ["2026-12-31T07:00:00", "2026-12-31", "2026-12-31T25:00Z", "2026-12-31T07:00:60Z", "2026-12-31T07:00+24:00"]
        {
            assert_eq!(Timestamp::parse(text), None, "{text}");
        }
    }

    #[test]
    fn offsets_print_with_sign_hours_and_minutes() {
        assert_eq!(Offset::from_seconds(20_700).to_string(), "+05:45");
        assert_eq!(Offset::from_seconds(-39_600).to_string(), "-11:00");
        assert_eq!(Offset::UTC.to_string(), "+00:00");
    }

    #[test]
    fn an_offset_is_the_difference_between_a_wall_clock_reading_and_the_instant() {
        let at = Timestamp::parse("2026-06-01T04:15:30Z").unwrap();
        let kathmandu = CivilDateTime::from_parts(Date::new(2026, 6, 1).unwrap(), 10, 0, 30).unwrap();
        let pago_pago = CivilDateTime::from_parts(Date::new(2026, 5, 31).unwrap(), 17, 15, 30).unwrap();
        assert_eq!(Offset::of_reading(kathmandu, at), Offset::from_seconds(20_700));
        assert_eq!(Offset::of_reading(pago_pago, at), Offset::from_seconds(-39_600));
        assert_eq!(CivilDateTime::from_parts(Date::new(2026, 6, 1).unwrap(), 24, 0, 0), None);
    }

    #[test]
    fn javascript_milliseconds_round_down_to_the_second() {
        assert_eq!(Timestamp::from_unix_millis(1_999), Timestamp::from_unix_seconds(1));
        assert_eq!(Timestamp::from_unix_millis(-1), Timestamp::from_unix_seconds(-1));
    }
}
