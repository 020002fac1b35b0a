//! Properties of the promise over random schedules, instants and zones: it never names a time
//! outside the department's hours or inside the visitor's quiet hours, and "within N minutes" is
//! only given when it can be kept.
//!
//! The oracles below decide "open" and "quiet" at one instant straight from the configured
//! intervals and the wall-clock rule ([`Tz::instant_of`]), without the span merging, searching and
//! subtraction the code under test does. Every boundary lies on a 15-minute grid of UTC (intervals
//! are generated in quarter hours and every zone's offset is a whole number of quarter hours), so
//! sampling every five minutes cannot miss a change.

use contact_core::promise::{promise_for, Promise, PromiseInput, QuietHours};
use contact_core::schedule::{Hours, RawHours, RawOverride, RawWeekly, Status};
use contact_core::slots::{slots_for, DEFAULT_SLOT_MINUTES, SLOT_DAYS};
use contact_core::time::{CivilDateTime, Date, LocalTime, Timestamp};
use contact_core::zones::{JiffZones, Tz, ZoneName, Zones};
use proptest::prelude::*;

const ZONES: &[&str] = &[
    "Europe/Moscow",
    "Europe/Berlin",
    "America/New_York",
    "Asia/Kathmandu",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Asia/Vladivostok",
    "Europe/Kaliningrad",
    "America/Santiago",
    "Pacific/Chatham",
    "UTC",
];
const SAMPLE: i64 = 5 * 60;

fn hm(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// Any interval in quarter hours, past midnight included (`22:00-02:00+1`), up to 24 hours long.
fn interval() -> impl Strategy<Value = String> {
    (0u16..96, 1u16..=96).prop_map(|(start, quarters)| {
        let (start, end) = (start * 15, start * 15 + quarters * 15);
        if end > 1_440 {
            format!("{}-{}+1", hm(start), hm(end - 1_440))
        } else {
            format!("{}-{}", hm(start), hm(end))
        }
    })
}

fn day() -> impl Strategy<Value = Option<Vec<String>>> {
    prop::option::of(prop::collection::vec(interval(), 0..3))
}

/// Overrides within 2026, closed or with their own hours.
fn overrides() -> impl Strategy<Value = Vec<RawOverride>> {
    let one = (0i64..365, 0i64..10, prop::option::of(prop::collection::vec(interval(), 1..3))).prop_map(
        |(start, length, hours)| {
            let first = Date::new(2026, 1, 1).unwrap().plus_days(start);
            RawOverride {
                from: Some(first.to_string()),
                to: Some(first.plus_days(length).to_string()),
                closed: hours.is_none().then_some(true),
                hours,
                ..RawOverride::default()
            }
        },
    );
    prop::collection::vec(one, 0..4)
}

fn raw_hours() -> impl Strategy<Value = RawHours> {
    (prop::sample::select(ZONES), [day(), day(), day(), day(), day(), day(), day()], overrides()).prop_map(
        |(zone, [mon, tue, wed, thu, fri, sat, sun], overrides)| RawHours {
            zone: Some(zone.to_owned()),
            weekly: Some(RawWeekly { mon, tue, wed, thu, fri, sat, sun, ..RawWeekly::default() }),
            overrides: Some(overrides),
            ..RawHours::default()
        },
    )
}

fn quiet_hours() -> impl Strategy<Value = QuietHours> {
    prop_oneof![
        Just(QuietHours::default()),
        (0u16..96, 0u16..96).prop_filter_map("quiet hours need two different times", |(start, end)| {
            QuietHours::new(LocalTime::from_minutes(start * 15)?, LocalTime::from_minutes(end * 15)?)
        }),
    ]
}

/// Any second of 2026 and early 2027.
fn instant() -> impl Strategy<Value = Timestamp> {
    (1_767_225_600i64..1_799_000_000).prop_map(Timestamp::from_unix_seconds)
}

/// Open at `at`, decided from the intervals of the two company dates that can reach it.
fn oracle_open(hours: &Hours, at: Timestamp) -> bool {
    let tz = Tz::new(&JiffZones, hours.zone());
    let today = tz.date_at(at);
    [today.pred(), today].into_iter().any(|date| {
        hours.intervals_on(date).iter().any(|interval| {
            let end_date = if interval.ends_next_day() { date.succ() } else { date };
            let start = tz.instant_of(CivilDateTime::new(date, interval.start()));
            let end = tz.instant_of(CivilDateTime::new(end_date, interval.end()));
            start <= at && at < end
        })
    })
}

/// In the visitor's quiet hours at `at`, decided from the nights of the two visitor dates that can reach it.
fn oracle_quiet(quiet: QuietHours, visitor: &ZoneName, at: Timestamp) -> bool {
    let tz = Tz::new(&JiffZones, visitor);
    let today = tz.date_at(at);
    [today.pred(), today].into_iter().any(|date| {
        let end_date = if quiet.end() <= quiet.start() { date.succ() } else { date };
        let start = tz.instant_of(CivilDateTime::new(date, quiet.start()));
        let end = tz.instant_of(CivilDateTime::new(end_date, quiet.end()));
        start <= at && at < end
    })
}

/// Callable at every sample of `[from, to)` and at its last second.
fn callable_throughout(input: &PromiseInput<'_>, from: Timestamp, to: Timestamp) -> bool {
    let callable = |at| oracle_open(input.hours, at) && !oracle_quiet(input.quiet_hours, input.visitor_zone, at);
    let mut at = from;
    while at < to {
        if !callable(at) {
            return false;
        }
        at = at.plus_seconds(SAMPLE);
    }
    callable(to.plus_seconds(-1))
}

#[derive(Debug)]
struct Scenario {
    hours: Hours,
    visitor: ZoneName,
    now: Timestamp,
    target_minutes: u32,
    quiet: QuietHours,
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (raw_hours(), prop::sample::select(ZONES), instant(), 1u32..=180, quiet_hours()).prop_map(
        |(raw, visitor, now, target_minutes, quiet)| Scenario {
            hours: Hours::from_raw(&raw, None, &JiffZones).hours.unwrap(),
            visitor: JiffZones.resolve(visitor).unwrap(),
            now,
            target_minutes,
            quiet,
        },
    )
}

impl Scenario {
    fn input(&self) -> PromiseInput<'_> {
        PromiseInput {
            hours: &self.hours,
            target_minutes: self.target_minutes,
            now: self.now,
            visitor_zone: &self.visitor,
            quiet_hours: self.quiet,
        }
    }
}

fn config() -> ProptestConfig {
    // No regression files in the source tree; a failure prints its minimal case instead. The number
    // of cases is proptest's default (256), or PROPTEST_CASES for a longer hunt.
    ProptestConfig { failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_promise_is_kept_and_never_falls_outside_hours_or_in_quiet_hours(s in scenario()) {
        let input = s.input();
        let target = i64::from(s.target_minutes) * 60;
        let whole_target_callable_now = callable_throughout(&input, s.now, s.now.plus_seconds(target));
        match promise_for(&input, None, &JiffZones) {
            Promise::Within { minutes } => {
                prop_assert_eq!(minutes, s.target_minutes);
                prop_assert!(whole_target_callable_now, "within given but not keepable");
            }
            Promise::By { at, .. } => {
                prop_assert!(at.plus_seconds(-target) > s.now);
                prop_assert!(callable_throughout(&input, at.plus_seconds(-target), at), "by {at} not callable");
                prop_assert!(!whole_target_callable_now, "by given where within could be kept");
            }
            Promise::NoTimeAhead => prop_assert!(!whole_target_callable_now),
            other => prop_assert!(false, "unexpected {other:?} without a slot"),
        }
    }

    #[test]
    fn every_offered_slot_and_every_confirmed_slot_is_callable(s in scenario(), pick in 0usize..1_000, offset in 0i64..(8 * 86_400)) {
        let input = s.input();
        let step = i64::from(DEFAULT_SLOT_MINUTES) * 60;
        let slots = slots_for(&input, DEFAULT_SLOT_MINUTES, &JiffZones);
        prop_assert!(slots.windows(2).all(|pair| pair[0] < pair[1]));
        // Checking every slot of a week is slow in debug builds; a spread of them is as telling.
        for &slot in slots.iter().step_by(7).chain(slots.last()) {
            prop_assert!(slot >= s.now.plus_minutes(i64::from(s.target_minutes)));
            prop_assert!(slot < s.now.plus_seconds(SLOT_DAYS * 86_400));
            prop_assert!(callable_throughout(&input, slot, slot.plus_seconds(step)), "slot {slot} not callable");
        }
        let chosen = slots.get(pick % slots.len().max(1)).copied().unwrap_or(s.now.plus_seconds(offset));
        for slot in [chosen, s.now.plus_seconds(offset)] {
            match promise_for(&input, Some(slot), &JiffZones) {
                Promise::Slot { at } => {
                    prop_assert_eq!(at, slot);
                    prop_assert!(callable_throughout(&input, at, at.plus_seconds(1)));
                }
                Promise::SlotRejected { nearest, .. } => {
                    prop_assert!(!slots.contains(&slot), "offered slot {slot} refused");
                    if let Some(nearest) = nearest {
                        prop_assert!(slots.contains(&nearest));
                    }
                }
                other => prop_assert!(false, "unexpected {other:?} for a slot"),
            }
        }
    }

    #[test]
    fn the_status_agrees_with_the_configured_intervals(s in scenario()) {
        match s.hours.status(s.now, &JiffZones) {
            Status::Open { until } => {
                prop_assert!(oracle_open(&s.hours, s.now));
                if let Some(until) = until {
                    prop_assert!(oracle_open(&s.hours, until.plus_seconds(-1)) && !oracle_open(&s.hours, until));
                }
            }
            Status::Closed { opens_at } => {
                prop_assert!(!oracle_open(&s.hours, s.now));
                if let Some(opens_at) = opens_at {
                    prop_assert!(oracle_open(&s.hours, opens_at) && !oracle_open(&s.hours, opens_at.plus_seconds(-1)));
                }
            }
        }
    }
}
