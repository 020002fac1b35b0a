//! Time zones as a parameter: the [`Zones`] trait, zone names, and wall-clock conversions built on
//! nothing but "the offset in effect at an instant".
//!
//! The core never carries a tz database: the wasm gets offsets from the browser's `Intl`
//! (implemented in the widget crate), the server and the tests from jiff's bundled database
//! ([`JiffZones`], behind the `native` feature). Both answer the same single question, so both
//! give identical answers on the shared case table (`tests/zone_cases.json`).
//!
//! Invariants: a [`ZoneName`] never holds a legacy alias that has a current name (`Europe/Kiev` is
//! stored as `Europe/Kyiv`), so names compare equal whatever spelling the browser reported.
//! [`Tz::instant_of`] resolves every wall-clock reading to exactly one instant: a reading skipped by
//! a DST gap moves forward by the length of the gap, and a reading repeated by an overlap takes the
//! earlier instant.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::time::{CivilDateTime, Date, Offset, Timestamp};

/// Where UTC offsets come from: the browser's `Intl`, or a native tz database.
///
/// Implementations must be consistent: a zone known at one instant is known at all instants, and
/// the same question always gets the same answer.
pub trait Zones {
    /// The offset from UTC in effect in `zone` at the instant `at`; `None` for a zone this
    /// implementation does not know.
    fn offset_at(&self, zone: &ZoneName, at: Timestamp) -> Option<Offset>;

    /// The name to store for a zone written as `name`, or `None` for an unknown zone. Validates
    /// configured zones and the zone the browser reports.
    ///
    /// The default replaces a legacy alias by its current name ([`ZoneName::new`]) and asks
    /// [`Zones::offset_at`] whether the zone is known. Override it where the source can also fix
    /// the letter case (`europe/moscow` → `Europe/Moscow`), as `Intl`'s `resolvedOptions()` can.
    fn resolve(&self, name: &str) -> Option<ZoneName> {
        let zone = ZoneName::new(name);
        self.offset_at(&zone, Timestamp::UNIX_EPOCH).map(|_| zone)
    }
}

/// An IANA time-zone name such as `Europe/Moscow`, with legacy aliases replaced by current names.
///
/// A name is not proof that a zone exists; [`Zones::resolve`] is. Compare names that came from
/// `resolve` (it also fixes the letter case).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ZoneName(String);

impl ZoneName {
    /// The name as written (trimmed), or its current name if it is a legacy alias: `Asia/Katmandu`
    /// becomes `Asia/Kathmandu`, `Europe/Kiev` becomes `Europe/Kyiv`, `Etc/UTC` becomes `UTC`.
    pub fn new(name: &str) -> ZoneName {
        let name = name.trim();
        let current = LEGACY_ALIASES
            .iter()
            .find(|(legacy, _)| legacy.eq_ignore_ascii_case(name))
            .map_or(name, |(_, current)| current);
        ZoneName(current.to_owned())
    }

    /// The name, e.g. `Europe/Moscow`; pass it to `Intl.DateTimeFormat`'s `timeZone` option.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for ZoneName {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ZoneName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|name| ZoneName::new(&name))
    }
}

/// Legacy names that browsers still report (ICU keeps CLDR's older canonical ids, so Chromium says
/// `Asia/Calcutta` and `Europe/Kiev`) or that old configurations use, with their current IANA names.
/// Matching is case-insensitive, like IANA's.
const LEGACY_ALIASES: &[(&str, &str)] = &[
    ("Africa/Asmera", "Africa/Asmara"),
    ("America/Buenos_Aires", "America/Argentina/Buenos_Aires"),
    ("America/Catamarca", "America/Argentina/Catamarca"),
    ("America/Coral_Harbour", "America/Atikokan"),
    ("America/Cordoba", "America/Argentina/Cordoba"),
    ("America/Godthab", "America/Nuuk"),
    ("America/Indianapolis", "America/Indiana/Indianapolis"),
    ("America/Jujuy", "America/Argentina/Jujuy"),
    ("America/Louisville", "America/Kentucky/Louisville"),
    ("America/Mendoza", "America/Argentina/Mendoza"),
    ("Asia/Calcutta", "Asia/Kolkata"),
    ("Asia/Katmandu", "Asia/Kathmandu"),
    ("Asia/Rangoon", "Asia/Yangon"),
    ("Asia/Saigon", "Asia/Ho_Chi_Minh"),
    ("Atlantic/Faeroe", "Atlantic/Faroe"),
    ("Europe/Kiev", "Europe/Kyiv"),
    ("Europe/Uzhgorod", "Europe/Kyiv"),
    ("Europe/Zaporozhye", "Europe/Kyiv"),
    ("Pacific/Enderbury", "Pacific/Kanton"),
    ("Pacific/Ponape", "Pacific/Pohnpei"),
    ("Pacific/Truk", "Pacific/Chuuk"),
    ("W-SU", "Europe/Moscow"),
    ("Etc/UTC", "UTC"),
    ("Etc/UCT", "UTC"),
    ("Etc/Universal", "UTC"),
    ("Etc/Zulu", "UTC"),
    ("Etc/GMT", "UTC"),
    ("Etc/GMT0", "UTC"),
    ("Etc/GMT+0", "UTC"),
    ("Etc/GMT-0", "UTC"),
    ("Etc/Greenwich", "UTC"),
    ("GMT", "UTC"),
    ("UCT", "UTC"),
    ("Universal", "UTC"),
    ("Zulu", "UTC"),
];

/// One zone seen through a [`Zones`] implementation: converts between instants and wall-clock
/// readings in that zone.
#[derive(Clone, Copy)]
pub struct Tz<'a> {
    zones: &'a dyn Zones,
    zone: &'a ZoneName,
}

impl<'a> Tz<'a> {
    /// `zone` as `zones` sees it. The zone should have come from [`Zones::resolve`]: should the
    /// implementation not know it after all, it is treated as UTC rather than failing later.
    pub fn new(zones: &'a dyn Zones, zone: &'a ZoneName) -> Tz<'a> {
        Tz { zones, zone }
    }

    /// The offset in effect at `at`.
    pub fn offset_at(&self, at: Timestamp) -> Offset {
        // Unreachable with a consistent implementation and a resolved name (see `Tz::new`).
        self.zones.offset_at(self.zone, at).unwrap_or(Offset::UTC)
    }

    /// The wall-clock reading at `at`.
    pub fn to_civil(&self, at: Timestamp) -> CivilDateTime {
        CivilDateTime::from_wall_seconds(at.unix_seconds() + i64::from(self.offset_at(at).seconds()))
    }

    /// The calendar date at `at`.
    pub fn date_at(&self, at: Timestamp) -> Date {
        self.to_civil(at).date()
    }

    /// The instant at which the wall clock reads `civil`. A reading skipped by a DST gap (Berlin's
    /// 02:30 on the last Sunday of March) moves forward by the gap (03:30 CEST); a reading that
    /// occurs twice (02:30 on the last Sunday of October) is the earlier one (02:30 CEST).
    pub fn instant_of(&self, civil: CivilDateTime) -> Timestamp {
        const DAY: i64 = 86_400;
        let wall = civil.wall_seconds();
        let candidate = |offset: Offset| Timestamp::from_unix_seconds(wall - i64::from(offset.seconds()));
        // The offsets a day either side bracket any transition near this reading. A candidate
        // instant is right when the zone has the offset it was computed with; when it has another,
        // a second transition lies within the two days, and that offset is tried too. In the
        // common case this asks three questions, which matters when each is an `Intl` call.
        let before = self.offset_at(Timestamp::from_unix_seconds(wall - DAY));
        let after = self.offset_at(Timestamp::from_unix_seconds(wall + DAY));
        let mut to_try = [Some(before), Some(after), None, None];
        let mut tried: [Option<Offset>; 4] = [None; 4];
        let mut earliest: Option<Timestamp> = None;
        for index in 0..to_try.len() {
            let Some(offset) = to_try[index].filter(|o| !tried.contains(&Some(*o))) else {
                continue;
            };
            tried[index] = Some(offset);
            let at = candidate(offset);
            let actual = self.offset_at(at);
            if actual == offset {
                earliest = Some(earliest.map_or(at, |e| e.min(at)));
            } else if let Some(free) = to_try.iter_mut().skip(2).find(|slot| slot.is_none()) {
                *free = Some(actual);
            }
        }
        // No match: the reading falls in a gap. Read with the offset from before the gap, it lands
        // after the transition, exactly the gap's length later on the clock.
        earliest.unwrap_or_else(|| candidate(before))
    }
}

impl fmt::Debug for Tz<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Tz").field(&self.zone.0).finish()
    }
}

/// Offsets from jiff's bundled copy of the IANA database: the same on every machine, whatever its
/// `/usr/share/zoneinfo` holds. For the server and native tests; never compiled into the wasm.
#[cfg(feature = "native")]
#[derive(Debug, Clone, Copy, Default)]
pub struct JiffZones;

#[cfg(feature = "native")]
impl JiffZones {
    fn lookup(zone: &ZoneName) -> Option<jiff::tz::TimeZone> {
        // `Etc/Unknown` loads but names no real zone; jiff then reports no IANA name.
        jiff::tz::db().get(zone.as_str()).ok().filter(|tz| tz.iana_name().is_some())
    }
}

#[cfg(feature = "native")]
impl Zones for JiffZones {
    fn offset_at(&self, zone: &ZoneName, at: Timestamp) -> Option<Offset> {
        let tz = JiffZones::lookup(zone)?;
        let at = jiff::Timestamp::from_second(at.unix_seconds()).ok()?;
        Some(Offset::from_seconds(tz.to_offset(at).seconds()))
    }

    fn resolve(&self, name: &str) -> Option<ZoneName> {
        let tz = JiffZones::lookup(&ZoneName::new(name))?;
        tz.iana_name().map(ZoneName::new)
    }
}

#[cfg(all(test, feature = "native"))]
mod tests {
    use super::*;
    use crate::time::LocalTime;

    fn civil(date: &str, time: &str) -> CivilDateTime {
        CivilDateTime::new(Date::parse(date).unwrap(), LocalTime::parse(time).unwrap())
    }

    #[test]
    fn wall_clock_readings_resolve_through_gaps_forward_and_overlaps_to_the_earlier_instant() {
        let cases = [
            ("Europe/Berlin", "2026-03-29", "02:30", "2026-03-29T01:30:00Z"),
            ("Europe/Berlin", "2026-10-25", "02:30", "2026-10-25T00:30:00Z"),
            ("Europe/Berlin", "2026-10-25", "03:00", "2026-10-25T02:00:00Z"),
            ("America/New_York", "2026-03-08", "02:15", "2026-03-08T07:15:00Z"),
            ("America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z"),
            ("Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03T15:45:00Z"),
            ("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00Z"),
            ("Europe/Moscow", "2026-06-01", "10:00", "2026-06-01T07:00:00Z"),
            ("Pacific/Kiritimati", "2026-01-01", "00:00", "2025-12-31T10:00:00Z"),
        ];
        for (zone, date, time, expected) in cases {
            let zone = JiffZones.resolve(zone).unwrap();
            let at = Tz::new(&JiffZones, &zone).instant_of(civil(date, time));
            assert_eq!(at.to_string(), expected, "{zone} {date} {time}");
        }
    }

    #[test]
    fn legacy_aliases_and_letter_case_resolve_to_the_current_name() {
        let cases = [
            ("Asia/Katmandu", Some("Asia/Kathmandu")),
            ("Europe/Kiev", Some("Europe/Kyiv")),
            ("europe/moscow", Some("Europe/Moscow")),
            ("Etc/UTC", Some("UTC")),
            ("Etc/Unknown", None),
            ("Mars/Olympus_Mons", None),
            ("", None),
        ];
        for (name, expected) in cases {
            assert_eq!(JiffZones.resolve(name).as_ref().map(ZoneName::as_str), expected, "{name}");
        }
        assert_eq!(ZoneName::new("Europe/Kiev"), ZoneName::new("Europe/Kyiv"));
    }
}
