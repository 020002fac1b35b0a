//! The week's hours as a visitor's table shows them: seven days in a chosen zone (the visitor's,
//! or the company's for the switch), each with the opening intervals that fall on that date there.
//!
//! An interval that crosses midnight in the chosen zone is split onto both dates, so Moscow's
//! `10:00-19:00` reads `17:00-24:00` and `00:00-02:00` for a visitor in Vladivostok.

use std::fmt;

use super::Hours;
use crate::time::{CivilDateTime, Date, LocalTime, Span, Timestamp};
use crate::zones::{Tz, ZoneName, Zones};

/// One date of the week table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayHours {
    /// The date in the chosen zone; its weekday is `date.weekday()`.
    pub date: Date,
    /// Opening intervals on that date, in order; empty when closed all day.
    pub intervals: Vec<LocalSpan>,
}

/// An opening interval on one date of the chosen zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalSpan {
    /// The wall-clock start in the chosen zone.
    pub start: LocalTime,
    /// The wall-clock end; `24:00` when it runs to the end of the date.
    pub end: LocalTime,
    /// The same interval as instants, for formatting with `Intl` in any zone.
    pub span: Span,
}

impl fmt::Display for LocalSpan {
    /// `17:00-24:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

impl Hours {
    /// The seven dates from today (the date of `now` in `view`) on, with their opening intervals
    /// as read on `view`'s clocks. Date overrides are applied: a holiday shows as a closed date.
    pub fn week_in_zone(&self, now: Timestamp, view: &ZoneName, zones: &dyn Zones) -> Vec<DayHours> {
        let view = Tz::new(zones, view);
        let today = view.date_at(now);
        let midnights: Vec<Timestamp> =
            (0..=7).map(|day| view.instant_of(CivilDateTime::new(today.plus_days(day), LocalTime::MIDNIGHT))).collect();
        let open = self.open_intervals(midnights[0], midnights[7], zones);
        midnights
            .windows(2)
            .zip(0..)
            .map(|(bounds, day)| {
                let (day_start, day_end) = (bounds[0], bounds[1]);
                let intervals = open
                    .iter()
                    .filter_map(|span| Span::new(span.start.max(day_start), span.end.min(day_end)))
                    .map(|span| LocalSpan {
                        start: view.to_civil(span.start).time(),
                        end: if span.end == day_end { LocalTime::END_OF_DAY } else { view.to_civil(span.end).time() },
                        span,
                    })
                    .collect();
                DayHours { date: today.plus_days(day), intervals }
            })
            .collect()
    }
}
