//! What a visitor's panel asks of the hours: open now and until when, the next opening, the date
//! overrides worth announcing, and by when an e-mail will be answered.

use serde::{Deserialize, Serialize};

use super::spans::OpenSpans;
use super::{Hours, Override};
use crate::time::Timestamp;
use crate::zones::Zones;

const DAY: i64 = 86_400;
/// How many days ahead (today included) date overrides are announced.
pub const ANNOUNCE_DAYS: u16 = 14;
/// How far ahead [`Hours::status`] looks for the close of the current opening; hours that stay open
/// longer are "open round the clock".
const CLOSE_SEARCH_DAYS: i64 = 8;
/// How far ahead anything looks for an opening: a year covers any seasonal closure.
const OPENING_SEARCH_DAYS: i64 = 366;

/// Whether the hours are open at an instant, and the next change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", rename_all_fields = "camelCase")]
pub enum Status {
    /// Open now, until `until`: the real close, with intervals that touch across midnight merged.
    /// `None` when the hours do not close within the next week (round the clock).
    Open { until: Option<Timestamp> },
    /// Closed now; `opens_at` is the next opening, `None` when there is none within a year.
    Closed { opens_at: Option<Timestamp> },
}

impl Hours {
    /// Open or closed at `now`, and until when.
    pub fn status(&self, now: Timestamp, zones: &dyn Zones) -> Status {
        let week_later = now.plus_seconds(CLOSE_SEARCH_DAYS * DAY);
        match OpenSpans::new(self, now, week_later, zones).next() {
            Some(span) if span.start == now => Status::Open { until: (span.end < week_later).then_some(span.end) },
            Some(span) => Status::Closed { opens_at: Some(span.start) },
            None => Status::Closed {
                opens_at: OpenSpans::new(self, week_later, now.plus_seconds(OPENING_SEARCH_DAYS * DAY), zones)
                    .next()
                    .map(|span| span.start),
            },
        }
    }

    /// The overrides to announce at `now`: those covering any of the `days` company dates from
    /// today on (a holiday already under way included), in date order. Closures and special
    /// openings alike; the panel decides which to show. Use [`ANNOUNCE_DAYS`] for `days`.
    pub fn overrides_ahead(&self, now: Timestamp, days: u16, zones: &dyn Zones) -> Vec<&Override> {
        let today = self.tz(zones).date_at(now);
        let last = today.plus_days(i64::from(days) - 1);
        self.overrides.iter().filter(|o| o.last >= today && o.first <= last).collect()
    }

    /// When an e-mail received at `now` will have been answered, for the
    /// [`Targets::email_business_days`](super::Targets::email_business_days) target N: at the close
    /// of the N-th business day that begins at or after `now`.
    ///
    /// A business day is a company date with at least one opening interval; it begins at its first
    /// opening and closes at the end of its last interval (a night shift's tail included). Counting
    /// only days that begin after the message arrives gives the team N whole business days, so the
    /// promise can be kept whenever the message arrives: on Monday 12:00 with one business day it
    /// is Tuesday's close, on Saturday it is Monday's close. `None` when fewer than N business days
    /// begin within a year.
    pub fn email_answer_by(&self, now: Timestamp, zones: &dyn Zones) -> Option<Timestamp> {
        let tz = self.tz(zones);
        let mut remaining = self.targets.email_business_days;
        let mut date = tz.date_at(now);
        for _ in 0..OPENING_SEARCH_DAYS {
            let mut spans = self.spans_on(tz, date);
            if let Some(first) = spans.next() {
                let close = spans.map(|span| span.end).fold(first.end, Timestamp::max);
                if first.start >= now {
                    remaining = remaining.saturating_sub(1);
                    if remaining == 0 {
                        return Some(close);
                    }
                }
            }
            date = date.succ();
        }
        None
    }
}
