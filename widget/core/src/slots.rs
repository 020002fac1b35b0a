//! The preferred-time picker's slots: starts of callable windows (the department's open hours
//! minus the visitor's quiet hours) over the next week, on a grid of the visitor's own clock.
//!
//! Guarantees: every slot is at least the response target from now and less than [`SLOT_DAYS`]
//! ahead, and its whole window `[start, start + step)` lies in open hours and outside quiet hours.
//! Slots are UTC instants; the panel formats them in the visitor's zone (and confirms a chosen one
//! in both zones).

use crate::promise::{callable_spans, PromiseInput};
use crate::time::Timestamp;
use crate::zones::{Tz, Zones};

/// The picker's default step: one slot every 30 minutes.
pub const DEFAULT_SLOT_MINUTES: u16 = 30;
/// How many days ahead the picker offers slots.
pub const SLOT_DAYS: i64 = 7;

/// Every slot for `input` with a step of `step_minutes` (at least 1), in order. The grid follows
/// the visitor's wall clock, so with a 30-minute step slots start at :00 and :30 of the visitor's
/// hours even in Kathmandu (+05:45).
pub fn slots_for(input: &PromiseInput<'_>, step_minutes: u16, zones: &dyn Zones) -> Vec<Timestamp> {
    let step = i64::from(step_minutes.max(1)) * 60;
    let visitor = Tz::new(zones, input.visitor_zone);
    let from = input.now.plus_minutes(i64::from(input.target_minutes));
    let to = input.now.plus_seconds(SLOT_DAYS * 86_400);
    let mut slots = Vec::new();
    for span in callable_spans(input, from, to, zones) {
        let mut start = align_up(visitor, span.start, step);
        while start.plus_seconds(step) <= span.end {
            slots.push(start);
            start = align_up(visitor, start.plus_seconds(step), step);
        }
    }
    slots
}

/// The first instant at or after `at` whose wall-clock reading is a multiple of `step` seconds
/// past the visitor's midnight. Re-read after every step, so the grid survives offset changes.
fn align_up(visitor: Tz<'_>, at: Timestamp, step: i64) -> Timestamp {
    let past_grid = i64::from(visitor.to_civil(at).second_of_day()) % step;
    if past_grid == 0 {
        at
    } else {
        at.plus_seconds(step - past_grid)
    }
}
