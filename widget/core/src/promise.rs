//! The callback promise: what the widget (and, re-checking, the server) may honestly tell a
//! visitor who asks to be called back.
//!
//! Guarantees of [`promise_for`], whatever the schedule, instant and zones:
//! - [`Promise::Within`] only when the department stays open for the whole target from now and
//!   none of that time falls in the visitor's quiet hours;
//! - every instant it names ([`Promise::By`], [`Promise::Slot`]) lies inside the department's open
//!   hours and outside the visitor's quiet hours, and for `By` so does the whole target before it
//!   (the call can be made at any moment of it);
//! - when nothing acceptable exists within [`PROMISE_SEARCH_DAYS`], it says so
//!   ([`Promise::NoTimeAhead`]) rather than promising a time outside hours or in the night.
//!
//! "Callable" time is the department's open time minus the visitor's quiet hours; everything here
//! derives from it.
//!
//! ```
//! use contact_core::promise::{promise_for, Delay, Promise, PromiseInput};
//! use contact_core::schedule::{Hours, RawHours};
//! use contact_core::time::Timestamp;
//! use contact_core::zones::{JiffZones, Zones};
//!
//! let json = r#"{ "zone": "Europe/Moscow", "weekly": { "mon": ["10:00-19:00"] } }"#;
//! let raw: RawHours = serde_json::from_str(json).unwrap();
//! let hours = Hours::from_raw(&raw, None, &JiffZones).hours.unwrap();
//! let visitor = JiffZones.resolve("Asia/Vladivostok").unwrap();
//!
//! // Monday 18:00 in Moscow is 01:00 on Tuesday in Vladivostok: open, but the visitor's night.
//! let now = Timestamp::parse("2026-06-01T18:00+03:00").unwrap();
//! let promise = promise_for(&PromiseInput::callback(&hours, now, &visitor), None, &JiffZones);
//! let next_monday = Timestamp::parse("2026-06-08T10:15+03:00").unwrap();
//! assert_eq!(promise, Promise::By { at: next_monday, reason: Delay::QuietHours });
//! ```

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::schedule::{Hours, Targets};
use crate::slots::{slots_for, DEFAULT_SLOT_MINUTES, SLOT_DAYS};
use crate::time::{CivilDateTime, LocalTime, Span, Timestamp};
use crate::zones::{Tz, ZoneName, Zones};

const DAY: i64 = 86_400;
/// How far ahead a callback may be promised. A month covers the New Year holidays and weekends
/// around them; a promise further out would not be worth making.
pub const PROMISE_SEARCH_DAYS: i64 = 31;

/// The visitor's nightly hours in which nobody calls, on the visitor's own clock: from `start` to
/// `end`, across midnight when `end` is not later than `start`. Default `22:00-08:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuietHours {
    start: LocalTime,
    end: LocalTime,
}

impl Default for QuietHours {
    fn default() -> Self {
        const { QuietHours { start: LocalTime::const_hm(22, 0), end: LocalTime::const_hm(8, 0) } }
    }
}

impl QuietHours {
    /// Quiet from `start` to `end` (across midnight when `end <= start`); `None` when they are
    /// equal, which would mean either no quiet time or no waking time.
    pub fn new(start: LocalTime, end: LocalTime) -> Option<QuietHours> {
        let same = start.minutes() % 1_440 == end.minutes() % 1_440;
        (!same && start != LocalTime::END_OF_DAY).then_some(QuietHours { start, end })
    }

    /// Parses `22:00-08:00` (a nightly window needs no `+1`, though `22:00-08:00+1` is accepted).
    /// On error, the message for the site owner.
    pub fn parse(text: &str) -> Result<QuietHours, String> {
        let malformed = || format!("`{text}` is not a time range; write it as HH:MM-HH:MM, e.g. 22:00-08:00");
        let (start, end) = text.trim().split_once(['-', '–']).ok_or_else(malformed)?;
        let end = end.trim();
        let end = end.strip_suffix("+1").unwrap_or(end).trim_end();
        let start = LocalTime::parse(start.trim()).ok_or_else(malformed)?;
        let end = LocalTime::parse(end).ok_or_else(malformed)?;
        QuietHours::new(start, end).ok_or_else(|| format!("`{text}` starts and ends at the same time"))
    }

    /// When quiet time starts, on the visitor's clock.
    pub fn start(self) -> LocalTime {
        self.start
    }

    /// When quiet time ends, on the visitor's clock (the next morning when not later than `start`).
    pub fn end(self) -> LocalTime {
        self.end
    }

    /// The quiet spans overlapping `window` on `visitor`'s clocks, in order, clipped to the window.
    pub(crate) fn spans(self, visitor: Tz<'_>, window: Span) -> Vec<Span> {
        let overnight = self.end <= self.start;
        let mut date = visitor.date_at(window.start).pred();
        let last = visitor.date_at(window.end);
        let mut spans: Vec<Span> = Vec::new();
        while date <= last {
            let start = visitor.instant_of(CivilDateTime::new(date, self.start));
            let end_date = if overnight { date.succ() } else { date };
            let end = visitor.instant_of(CivilDateTime::new(end_date, self.end));
            if let Some(span) = Span::new(start.max(window.start), end.min(window.end)) {
                match spans.last_mut() {
                    Some(previous) if span.start <= previous.end => previous.end = previous.end.max(span.end),
                    _ => spans.push(span),
                }
            }
            date = date.succ();
        }
        spans
    }
}

impl fmt::Display for QuietHours {
    /// `22:00-08:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl Serialize for QuietHours {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for QuietHours {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        QuietHours::parse(&String::deserialize(deserializer)?).map_err(serde::de::Error::custom)
    }
}

/// Everything a callback promise depends on. "Now" and the zones are parameters, never read here.
#[derive(Debug, Clone, Copy)]
pub struct PromiseInput<'a> {
    /// The department's hours (already inherited from the company's where it has none).
    pub hours: &'a Hours,
    /// The response target in minutes.
    pub target_minutes: u32,
    /// The instant of the request.
    pub now: Timestamp,
    /// The visitor's zone, as reported by the browser and resolved by [`Zones::resolve`].
    pub visitor_zone: &'a ZoneName,
    /// The visitor's quiet hours.
    pub quiet_hours: QuietHours,
}

impl<'a> PromiseInput<'a> {
    /// The usual input: the hours' own callback target and quiet hours.
    pub fn callback(hours: &'a Hours, now: Timestamp, visitor_zone: &'a ZoneName) -> PromiseInput<'a> {
        PromiseInput {
            hours,
            target_minutes: hours.targets().callback_minutes,
            now,
            visitor_zone,
            quiet_hours: hours.quiet_hours(),
        }
    }

    fn target_seconds(&self) -> i64 {
        i64::from(self.target_minutes) * 60
    }
}

/// What the widget may promise. Every instant is UTC; the panel formats it in both zones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Promise {
    /// "We'll call within `minutes` minutes."
    Within { minutes: u32 },
    /// "We'll call by `at`": the start of the first callable stretch that lasts at least the
    /// target, plus the target; the call comes inside that stretch. `reason` says why not sooner.
    By { at: Timestamp, reason: Delay },
    /// "We'll call at `at`", the slot the visitor chose.
    Slot { at: Timestamp },
    /// The chosen slot cannot be honoured; `nearest` is the closest slot the picker offers, if any.
    SlotRejected { problem: SlotProblem, nearest: Option<Timestamp> },
    /// No callable time within [`PROMISE_SEARCH_DAYS`]: the department's hours lie wholly in the
    /// visitor's night, or it is closed that long. The panel suggests another channel.
    NoTimeAhead,
}

/// Why a promise is "by" a time rather than "within" the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Delay {
    /// The department is closed now (for the night, the weekend or a holiday).
    Closed,
    /// The department is open but closes before the target is up.
    ClosesSoon,
    /// The earliest time the department could call falls in the visitor's quiet hours, so the
    /// promise moved to the visitor's morning (or the next opening after it).
    QuietHours,
}

/// Why a chosen slot cannot be honoured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SlotProblem {
    /// Sooner than the response target from now (or already past).
    TooSoon,
    /// More than the picker's [`SLOT_DAYS`] ahead.
    TooFarAhead,
    /// Outside the department's hours.
    OutsideHours,
    /// In the visitor's quiet hours.
    QuietHours,
}

/// The promise for a callback request, with the visitor's chosen `slot` if any. See the module
/// docs for what it guarantees.
pub fn promise_for(input: &PromiseInput<'_>, slot: Option<Timestamp>, zones: &dyn Zones) -> Promise {
    if let Some(slot) = slot {
        return slot_promise(input, slot, zones);
    }
    let target = input.target_seconds();
    let horizon = input.now.plus_seconds(PROMISE_SEARCH_DAYS * DAY);
    let Some(callable) = callable_spans(input, input.now, horizon, zones).find(|span| span.seconds() >= target) else {
        return Promise::NoTimeAhead;
    };
    if callable.start == input.now {
        return Promise::Within { minutes: input.target_minutes };
    }
    let ignoring_quiet = input.hours.open_spans(input.now, horizon, zones).find(|span| span.seconds() >= target);
    let reason = match ignoring_quiet {
        Some(open) if open.start == callable.start && input.hours.is_open_at(input.now, zones) => Delay::ClosesSoon,
        Some(open) if open.start == callable.start => Delay::Closed,
        _ => Delay::QuietHours,
    };
    Promise::By { at: callable.start.plus_seconds(target), reason }
}

/// The promise for a callback request as both the widget and the server make it: from the
/// department's `hours` when it has any (else "within" the default target, the only promise that
/// needs no schedule), on the visitor's clock when the browser named a zone (else the hours' own).
///
/// A chosen slot that has become too soon while the visitor filled the form is no longer a slot:
/// the request is promised like one without, which calls as soon as the slot would have. Every
/// other rejected slot stays [`Promise::SlotRejected`], for the form to report.
pub fn callback_promise(
    hours: Option<&Hours>,
    now: Timestamp,
    visitor_zone: Option<&ZoneName>,
    slot: Option<Timestamp>,
    zones: &dyn Zones,
) -> Promise {
    let Some(hours) = hours else {
        return match slot {
            Some(at) => Promise::Slot { at },
            None => Promise::Within { minutes: Targets::default().callback_minutes },
        };
    };
    let visitor = visitor_zone.unwrap_or(hours.zone());
    let input = PromiseInput::callback(hours, now, visitor);
    match promise_for(&input, slot, zones) {
        Promise::SlotRejected { problem: SlotProblem::TooSoon, .. } => promise_for(&input, None, zones),
        promise => promise,
    }
}

fn slot_promise(input: &PromiseInput<'_>, slot: Timestamp, zones: &dyn Zones) -> Promise {
    let visitor = Tz::new(zones, input.visitor_zone);
    let problem = if slot < input.now.plus_seconds(input.target_seconds()) {
        SlotProblem::TooSoon
    } else if slot >= input.now.plus_seconds(SLOT_DAYS * DAY) {
        SlotProblem::TooFarAhead
    } else if !input.hours.is_open_at(slot, zones) {
        SlotProblem::OutsideHours
    } else if !input.quiet_hours.spans(visitor, Span { start: slot, end: slot.plus_seconds(1) }).is_empty() {
        SlotProblem::QuietHours
    } else {
        return Promise::Slot { at: slot };
    };
    let nearest = slots_for(input, DEFAULT_SLOT_MINUTES, zones)
        .into_iter()
        .min_by_key(|offered| (offered.seconds_until(slot).abs(), *offered < slot));
    Promise::SlotRejected { problem, nearest }
}

/// The callable spans within `[from, to)`: the department's open time minus the visitor's quiet
/// hours, in order. Each is maximal: open spans are separated by closed time, and the pieces of
/// one open span by quiet time.
pub(crate) fn callable_spans<'a>(
    input: &'a PromiseInput<'a>,
    from: Timestamp,
    to: Timestamp,
    zones: &'a dyn Zones,
) -> impl Iterator<Item = Span> + 'a {
    let visitor = Tz::new(zones, input.visitor_zone);
    input.hours.open_spans(from, to, zones).flat_map(move |open| {
        let mut pieces = Vec::new();
        let mut start = open.start;
        for quiet in input.quiet_hours.spans(visitor, open) {
            pieces.extend(Span::new(start, quiet.start));
            start = quiet.end;
        }
        pieces.extend(Span::new(start, open.end));
        pieces
    })
}
