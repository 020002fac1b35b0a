//! Validation of working hours as a site owner writes them: every mistake is reported with its
//! path relative to the hours object, the rest is kept, and departments inherit what they leave out.

use contact_core::schedule::{Hours, HoursParsed, RawHours, Status};
use contact_core::time::{Timestamp, Weekday};
use contact_core::zones::JiffZones;

fn parse(json: &str, inherited: Option<&Hours>) -> HoursParsed {
    let raw: RawHours = serde_json::from_str(json).unwrap();
    Hours::from_raw(&raw, inherited, &JiffZones)
}

fn issues(json: &str) -> Vec<String> {
    parse(json, None).issues.iter().map(ToString::to_string).collect()
}

fn at(text: &str) -> Timestamp {
    Timestamp::parse(text).unwrap()
}

#[test]
fn each_mistake_is_reported_at_its_path_with_a_message_for_the_site_owner() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("a minimal schedule is valid", r#"{ "zone": "Europe/Moscow", "weekly": { "mon": ["10:00-19:00"] } }"#, &[]),
        (
            "touching intervals are not an overlap",
            r#"{ "zone": "Europe/Moscow", "weekly": { "mon": ["10:00-13:00", "13:00-19:00"] } }"#,
            &[],
        ),
        (
            "zone and weekly hours are required at the top level",
            r#"{}"#,
            &[
                "zone: missing; name the IANA time zone of these hours, e.g. Europe/Moscow",
                r#"weekly: missing; list the opening intervals per weekday, e.g. "mon": ["10:00-19:00"]"#,
            ],
        ),
        (
            "a misspelt weekday is reported rather than read as closed",
            r#"{ "zone": "Europe/Moscow", "weekly": { "monday": ["10:00-19:00"] } }"#,
            &["weekly.monday: unknown key; expected one of: mon, tue, wed, thu, fri, sat, sun"],
        ),
        (
            "overlaps are reported at the interval that starts later",
            r#"{ "zone": "Europe/Moscow", "weekly": { "tue": ["14:00-19:00", "10:00-15:00", "09:00-09:30"] } }"#,
            &["weekly.tue[0]: overlaps 10:00-15:00"],
        ),
        (
            "sunday's night shift runs into monday",
            r#"{ "zone": "Europe/Moscow", "weekly": { "sun": ["23:00-01:00+1"], "mon": ["00:30-10:00"] } }"#,
            &["weekly.mon[0]: overlaps the end of sun 23:00-01:00+1"],
        ),
        (
            "end before start needs the explicit past-midnight form",
            r#"{ "zone": "Europe/Moscow", "weekly": { "fri": ["22:00-02:00", "9-18"] } }"#,
            &[
                "weekly.fri[0]: `22:00-02:00` ends before it starts; if it runs past midnight, write 22:00-02:00+1",
                "weekly.fri[1]: `9-18` is not an interval; write it as HH:MM-HH:MM, e.g. 10:00-19:00",
            ],
        ),
        (
            "override dates, plans and ranges are checked one by one",
            r#"{ "zone": "Europe/Moscow", "weekly": {}, "overrides": [
                { "date": "2026-12-30", "from": "2026-12-29", "to": "2026-12-30", "closed": true },
                { "date": "2026-02-30", "closed": true },
                { "from": "2026-01-01", "closed": true },
                { "date": "2026-05-01" },
                { "date": "2026-04-30", "closed": true, "hours": ["10:00-12:00"] },
                { "from": "2026-05-01", "to": "2026-05-10", "closed": true },
                { "date": "2026-05-09", "hours": ["10:00-15:00"] },
                { "from": "2026-01-01", "to": "2027-01-02", "closed": true },
                { "date": "2026-06-01", "closed": true, "note": "x" },
                { "from": "2027-01-08", "to": "2026-12-31", "closed": true }
            ] }"#,
            &[
                "overrides[0]: give either `date`, or `from` and `to`, not both",
                "overrides[1].date: `2026-02-30` is not a date; write YYYY-MM-DD",
                "overrides[2].to: missing; a range needs both `from` and `to`",
                "overrides[3]: needs `closed: true` or `hours`",
                "overrides[4]: has both `closed: true` and `hours`; treated as closed",
                "overrides[6]: 2026-05-09 is already covered by overrides[5]",
                "overrides[7].to: a range may cover at most 366 days",
                "overrides[8].note: unknown key; expected one of: date, from, to, closed, hours, label",
                "overrides[9].to: 2026-12-31 is before `from` (2027-01-08)",
            ],
        ),
        (
            "an override may not collide with the night shifts of its neighbours",
            r#"{ "zone": "Europe/Moscow",
                 "weekly": { "fri": ["22:00-03:00+1"], "mon": ["10:00-19:00"] },
                 "overrides": [
                   { "date": "2026-06-06", "hours": ["01:00-05:00", "10:00-12:00"] },
                   { "date": "2026-06-07", "hours": ["20:00-11:00+1"] },
                   { "date": "2026-06-13", "closed": true }
                 ] }"#,
            &[
                "overrides[0].hours[0]: overlaps the end of fri 2026-06-05's 22:00-03:00+1",
                "overrides[1].hours[0]: runs into mon 2026-06-08's 10:00-19:00",
            ],
        ),
        (
            "targets and quiet hours out of range fall back with an issue",
            r#"{ "zone": "Europe/Moscow", "weekly": {}, "quietHours": "8-22",
                 "targets": { "callbackMinutes": 2000, "emailBusinessDays": -1, "sms": 5 } }"#,
            &[
                "targets.sms: unknown key; expected one of: callbackMinutes, emailBusinessDays",
                "targets.callbackMinutes: 2000 is out of range; use 1 to 1440",
                "targets.emailBusinessDays: -1 is out of range; use 1 to 30",
                "quietHours: `8-22` is not a time range; write it as HH:MM-HH:MM, e.g. 22:00-08:00",
            ],
        ),
    ];
    for (name, json, expected) in cases {
        assert_eq!(issues(json), *expected, "{name}");
    }
}

#[test]
fn invalid_parts_are_dropped_and_the_rest_is_kept() {
    let parsed = parse(
        r#"{ "zone": "Europe/Moscow", "weekly": { "mon": ["10:00-13:00", "12:00-19:00", "14:00-19:00"] },
             "targets": { "callbackMinutes": 0, "emailBusinessDays": 3 } }"#,
        None,
    );
    let hours = parsed.hours.unwrap();
    let monday: Vec<String> = hours.weekly(Weekday::Monday).iter().map(ToString::to_string).collect();
    assert_eq!(monday, ["10:00-13:00", "14:00-19:00"]);
    assert_eq!((hours.targets().callback_minutes, hours.targets().email_business_days), (15, 3));
}

#[test]
fn an_unknown_zone_leaves_no_hours_to_show() {
    let parsed = parse(r#"{ "zone": "Europe/Moscw", "weekly": { "mon": ["10:00-19:00"] } }"#, None);
    assert_eq!(parsed.hours, None);
}

#[test]
fn a_legacy_zone_name_is_stored_under_its_current_name() {
    let hours = parse(r#"{ "zone": "Europe/Kiev", "weekly": {} }"#, None).hours.unwrap();
    assert_eq!(hours.zone().as_str(), "Europe/Kyiv");
}

#[test]
fn friday_night_shift_keeps_running_into_a_closed_saturday() {
    let json = r#"{ "zone": "Europe/Moscow", "weekly": { "fri": ["22:00-03:00+1"] },
                    "overrides": [{ "date": "2026-06-13", "closed": true }] }"#;
    let hours = parse(json, None).hours.unwrap();
    assert_eq!(
        hours.status(at("2026-06-13T01:00+03:00"), &JiffZones),
        Status::Open { until: Some(at("2026-06-13T03:00+03:00")) }
    );
}

#[test]
fn a_department_inherits_each_key_it_leaves_out_from_the_company() {
    let company = parse(
        r#"{ "zone": "Europe/Moscow", "weekly": { "mon": ["10:00-19:00"] },
             "overrides": [{ "date": "2026-06-01", "closed": true, "label": "Holiday" }],
             "targets": { "callbackMinutes": 15, "emailBusinessDays": 2 }, "quietHours": "23:00-07:00" }"#,
        None,
    )
    .hours
    .unwrap();

    let sales =
        parse(r#"{ "weekly": { "mon": ["12:00-20:00"] }, "targets": { "callbackMinutes": 30 } }"#, Some(&company));
    assert_eq!(sales.issues, []);
    let sales = sales.hours.unwrap();
    assert_eq!(sales.zone(), company.zone());
    assert_eq!(sales.weekly(Weekday::Monday)[0].to_string(), "12:00-20:00");
    assert_eq!(sales.overrides(), company.overrides());
    assert_eq!((sales.targets().callback_minutes, sales.targets().email_business_days), (30, 2));
    assert_eq!(sales.quiet_hours(), company.quiet_hours());

    let far_east = parse(r#"{ "zone": "Asia/Vladivostok" }"#, Some(&company)).hours.unwrap();
    assert_eq!(far_east.zone().as_str(), "Asia/Vladivostok");
    assert_eq!(far_east.weekly(Weekday::Monday), company.weekly(Weekday::Monday));

    assert_eq!(Hours::effective(None, Some(&company)), Some(&company));
    assert_eq!(Hours::effective(Some(&far_east), Some(&company)), Some(&far_east));
}

#[test]
fn the_json_schema_describes_the_hours_object() {
    // The schema is maintained by hand; tests/config_schema.rs holds its keys to the reader's.
    let schema = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/config.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&schema).unwrap();
    let schema = serde_json::to_string(&schema["$defs"]).unwrap();
    for key in ["zone", "weekly", "overrides", "callbackMinutes", "emailBusinessDays", "quietHours", "label"] {
        assert!(schema.contains(&format!("\"{key}\"")), "schema lacks {key}");
    }
    assert!(schema.contains("pattern"), "intervals and dates should carry their patterns");
}
