//! The primitive every query derives from: the stretches of time, as UTC instants, in which the
//! hours are open.
//!
//! Spans come out in order, merged wherever one ends exactly where the next begins (Friday's
//! `18:00-24:00` and Saturday's `00:00-02:00` are one span), and clipped to the requested window.
//! Dates are read lazily, one company date at a time, so a search for the next opening costs
//! in proportion to the distance searched; a closed date costs no zone lookups at all.

use std::collections::VecDeque;

use super::Hours;
use crate::time::{CivilDateTime, Date, LocalTime, Span, Timestamp};
use crate::zones::{Tz, Zones};

impl Hours {
    /// The open spans within `[from, to)`, in order, merged and clipped to the window.
    pub fn open_intervals(&self, from: Timestamp, to: Timestamp, zones: &dyn Zones) -> Vec<Span> {
        self.open_spans(from, to, zones).collect()
    }

    /// [`Hours::open_intervals`], computed only as far as the caller reads.
    pub(crate) fn open_spans<'a>(
        &'a self,
        from: Timestamp,
        to: Timestamp,
        zones: &'a dyn Zones,
    ) -> impl Iterator<Item = Span> + 'a {
        OpenSpans::new(self, from, to, zones)
    }

    /// The spans of the intervals that start on company date `date`, in order; an interval that
    /// lies wholly in a DST gap has none.
    pub(crate) fn spans_on<'a>(&'a self, tz: Tz<'a>, date: Date) -> impl Iterator<Item = Span> + 'a {
        let instant = move |minute: u16| {
            let days = i64::from(minute / 1_440);
            let time = LocalTime::from_minutes(minute % 1_440).unwrap_or(LocalTime::MIDNIGHT);
            tz.instant_of(CivilDateTime::new(date.plus_days(days), time))
        };
        self.intervals_on(date)
            .iter()
            .filter_map(move |interval| Span::new(instant(interval.start_minute()), instant(interval.end_minute())))
    }

    /// Whether the hours are open at `at`.
    pub fn is_open_at(&self, at: Timestamp, zones: &dyn Zones) -> bool {
        OpenSpans::new(self, at, at.plus_seconds(1), zones).next().is_some()
    }
}

/// Open spans in `[from, to)`, generated date by date.
pub(crate) struct OpenSpans<'a> {
    hours: &'a Hours,
    tz: Tz<'a>,
    window: (Timestamp, Timestamp),
    /// The next company date whose intervals have not been read.
    next_date: Date,
    /// The last company date that can hold an interval starting before `to`.
    last_date: Date,
    /// Spans read but not yet returned, sorted by start, not yet merged.
    pending: VecDeque<Span>,
}

impl<'a> OpenSpans<'a> {
    pub(crate) fn new(hours: &'a Hours, from: Timestamp, to: Timestamp, zones: &'a dyn Zones) -> OpenSpans<'a> {
        let tz = hours.tz(zones);
        OpenSpans {
            hours,
            tz,
            window: (from, to),
            // The previous date's night shift may still be running at `from`.
            next_date: tz.date_at(from).pred(),
            last_date: tz.date_at(to),
            pending: VecDeque::new(),
        }
    }

    /// Reads the next date's intervals into `pending`; false when past the last date.
    fn read_next_date(&mut self) -> bool {
        if self.next_date > self.last_date {
            return false;
        }
        let date = self.next_date;
        self.next_date = date.succ();
        for span in self.hours.spans_on(self.tz, date) {
            let at = self.pending.partition_point(|s| s.start <= span.start);
            self.pending.insert(at, span);
        }
        true
    }

    /// Whether dates not yet read could hold a span starting at or before `at`.
    fn unread_could_start_by(&self, at: Timestamp) -> bool {
        self.next_date <= self.last_date
            && self.tz.instant_of(CivilDateTime::new(self.next_date, LocalTime::MIDNIGHT)) <= at
    }
}

impl Iterator for OpenSpans<'_> {
    type Item = Span;

    fn next(&mut self) -> Option<Span> {
        let (from, to) = self.window;
        loop {
            let Some(mut span) = self.pending.pop_front() else {
                if self.read_next_date() {
                    continue;
                }
                return None;
            };
            loop {
                while let Some(next) = self.pending.front().filter(|next| next.start <= span.end) {
                    span.end = span.end.max(next.end);
                    self.pending.pop_front();
                }
                if !self.unread_could_start_by(span.end) {
                    break;
                }
                self.read_next_date();
            }
            if span.start >= to {
                self.pending.clear();
                self.next_date = self.last_date.succ();
                return None;
            }
            if let Some(clipped) = Span::new(span.start.max(from), span.end.min(to)) {
                return Some(clipped);
            }
        }
    }
}
