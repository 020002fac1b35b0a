//! The shared case table for working hours, zones and the promise (`tests/zone_cases.json`), and
//! its runner.
//!
//! The same table runs natively against [`JiffZones`](crate::zones::JiffZones) and in headless
//! Chromium against the widget's `Intl`-backed [`Zones`]; both must give identical results. A
//! test is a thin loop: `assert!(CaseTable::from_json(json)?.mismatches(&zones).is_empty())`.
//!
//! Expected values are written in the table's own serialisable forms (instants as RFC 3339 with
//! any offset, wall-clock intervals as `HH:MM-HH:MM`), and a case checks only the outputs its
//! `expect` names, so each case reads as one line of a specification.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::promise::{promise_for, Promise, PromiseInput, QuietHours};
use crate::schedule::{DayHours, Hours, Override, RawHours, Status, ANNOUNCE_DAYS};
use crate::slots::{slots_for, DEFAULT_SLOT_MINUTES};
use crate::time::{CivilDateTime, Date, LocalTime, Offset, Timestamp, Weekday};
use crate::zones::{Tz, ZoneName, Zones};

/// How many of the first slots a case can pin down (the full week is too long to read).
const FIRST_SLOTS: usize = 3;

/// The whole table.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CaseTable {
    /// Offsets of zones at instants: the raw material both implementations must agree on.
    #[serde(default)]
    pub offsets: Vec<OffsetCase>,
    /// Wall-clock readings and the instants they resolve to (DST gaps and overlaps).
    #[serde(default)]
    pub wall_clock: Vec<WallClockCase>,
    /// Zone names as written or reported, and the names they resolve to.
    #[serde(default)]
    pub names: Vec<NameCase>,
    /// Named schedules, as a site owner writes them, shared by the cases.
    #[serde(default)]
    pub schedules: BTreeMap<String, RawHours>,
    /// Scenarios: a schedule, an instant and a visitor, with the expected answers.
    #[serde(default)]
    pub cases: Vec<Case>,
}

/// `zone` has offset `offset` (seconds east of UTC) at `at`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OffsetCase {
    pub zone: String,
    pub at: Timestamp,
    pub offset: Offset,
}

/// On `zone`'s clocks, the reading `local` (`YYYY-MM-DDTHH:MM`) is the instant `at`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WallClockCase {
    pub zone: String,
    pub local: String,
    pub at: Timestamp,
}

/// The zone name `name` resolves to `zone` (`None`: unknown).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameCase {
    pub name: String,
    pub zone: Option<String>,
}

/// One scenario.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Case {
    /// A sentence saying what the case shows.
    pub name: String,
    /// The key of the schedule in [`CaseTable::schedules`].
    pub schedule: String,
    pub now: Timestamp,
    pub visitor_zone: String,
    /// The callback target; the schedule's own when left out.
    #[serde(default)]
    pub target_minutes: Option<u32>,
    /// The visitor's quiet hours; the schedule's own when left out.
    #[serde(default)]
    pub quiet_hours: Option<QuietHours>,
    /// The slot the visitor chose, if any.
    #[serde(default)]
    pub slot: Option<Timestamp>,
    /// The outputs to check; those left out are not computed.
    pub expect: Outcome,
}

/// The outputs of a scenario, each present only when asked for.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Outcome {
    /// Validation issues of the schedule, as `path: message`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issues: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub promise: Option<Promise>,
    /// The week table in the visitor's zone, by weekday (only the weekdays listed are compared).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visitor_week: Option<BTreeMap<Weekday, Vec<String>>>,
    /// The week table in the company's zone, by weekday.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_week: Option<BTreeMap<Weekday, Vec<String>>>,
    /// Overrides announced now, as `2026-12-31..2027-01-08 closed Новогодние праздники` or
    /// `2026-12-30 10:00-16:00`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_answer_by: Option<Timestamp>,
    /// How many slots the picker offers with the default step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slot_count: Option<usize>,
    /// The first few slots (up to three).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_slots: Option<Vec<Timestamp>>,
}

impl CaseTable {
    /// Reads the table.
    pub fn from_json(json: &str) -> Result<CaseTable, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// Runs every entry against `zones` and describes each disagreement with the table; empty
    /// when all agree.
    pub fn mismatches(&self, zones: &dyn Zones) -> Vec<String> {
        let mut found = Vec::new();
        for case in &self.offsets {
            let actual = zones.resolve(&case.zone).and_then(|zone| zones.offset_at(&zone, case.at));
            if actual != Some(case.offset) {
                found.push(format!(
                    "offset of {} at {}: expected {:?}, got {actual:?}",
                    case.zone, case.at, case.offset
                ));
            }
        }
        for case in &self.wall_clock {
            let actual = run_wall_clock_case(case, zones);
            if actual != Some(case.at) {
                found.push(format!("{} on {} clocks: expected {}, got {actual:?}", case.local, case.zone, case.at));
            }
        }
        for case in &self.names {
            let actual = zones.resolve(&case.name).map(|zone| zone.as_str().to_owned());
            if actual != case.zone {
                found.push(format!("zone name {:?}: expected {:?}, got {actual:?}", case.name, case.zone));
            }
        }
        for case in &self.cases {
            let actual = self.run_case(case, zones);
            if actual != case.expect {
                let show = |o: &Outcome| serde_json::to_string_pretty(o).unwrap_or_else(|e| e.to_string());
                found.push(format!(
                    "case {:?}:\nexpected {}\n     got {}",
                    case.name,
                    show(&case.expect),
                    show(&actual)
                ));
            }
        }
        found
    }

    /// Runs one scenario against `zones`, computing only the outputs `case.expect` names.
    pub fn run_case(&self, case: &Case, zones: &dyn Zones) -> Outcome {
        let Some(raw) = self.schedules.get(&case.schedule) else {
            return Outcome {
                issues: Some(vec![format!("$: no schedule named {:?}", case.schedule)]),
                ..Outcome::default()
            };
        };
        let parsed = Hours::from_raw(raw, None, zones);
        let want = &case.expect;
        let mut outcome = Outcome {
            issues: want.issues.as_ref().map(|_| parsed.issues.iter().map(ToString::to_string).collect()),
            ..Outcome::default()
        };
        let Some(hours) = parsed.hours else {
            return outcome;
        };
        let visitor = zones.resolve(&case.visitor_zone).unwrap_or_else(|| ZoneName::new(&case.visitor_zone));
        let input = PromiseInput {
            target_minutes: case.target_minutes.unwrap_or(hours.targets().callback_minutes),
            quiet_hours: case.quiet_hours.unwrap_or(hours.quiet_hours()),
            ..PromiseInput::callback(&hours, case.now, &visitor)
        };
        let week = |zone: &ZoneName, wanted: &BTreeMap<Weekday, Vec<String>>| {
            week_by_weekday(&hours.week_in_zone(case.now, zone, zones), wanted)
        };
        outcome.status = want.status.map(|_| hours.status(case.now, zones));
        outcome.promise = want.promise.map(|_| promise_for(&input, case.slot, zones));
        outcome.visitor_week = want.visitor_week.as_ref().map(|wanted| week(&visitor, wanted));
        outcome.company_week = want.company_week.as_ref().map(|wanted| week(hours.zone(), wanted));
        outcome.announced = want
            .announced
            .as_ref()
            .map(|_| hours.overrides_ahead(case.now, ANNOUNCE_DAYS, zones).into_iter().map(announcement).collect());
        outcome.email_answer_by = want.email_answer_by.and_then(|_| hours.email_answer_by(case.now, zones));
        if want.slot_count.is_some() || want.first_slots.is_some() {
            let slots = slots_for(&input, DEFAULT_SLOT_MINUTES, zones);
            outcome.slot_count = want.slot_count.map(|_| slots.len());
            outcome.first_slots = want.first_slots.as_ref().map(|_| slots.iter().take(FIRST_SLOTS).copied().collect());
        }
        outcome
    }
}

/// Runs one wall-clock entry: `None` when the zone or the reading is not understood.
pub fn run_wall_clock_case(case: &WallClockCase, zones: &dyn Zones) -> Option<Timestamp> {
    let zone = zones.resolve(&case.zone)?;
    let (date, time) = case.local.split_once('T')?;
    let civil = CivilDateTime::new(Date::parse(date)?, LocalTime::parse(time)?);
    Some(Tz::new(zones, &zone).instant_of(civil))
}

fn week_by_weekday(days: &[DayHours], wanted: &BTreeMap<Weekday, Vec<String>>) -> BTreeMap<Weekday, Vec<String>> {
    days.iter()
        .filter(|day| wanted.contains_key(&day.date.weekday()))
        .map(|day| (day.date.weekday(), day.intervals.iter().map(ToString::to_string).collect()))
        .collect()
}

fn announcement(o: &Override) -> String {
    let dates = if o.first() == o.last() { o.first().to_string() } else { format!("{}..{}", o.first(), o.last()) };
    let hours = match o.intervals() {
        [] => "closed".to_owned(),
        intervals => intervals.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "),
    };
    match o.label() {
        Some(label) => format!("{dates} {hours} {label}"),
        None => format!("{dates} {hours}"),
    }
}
