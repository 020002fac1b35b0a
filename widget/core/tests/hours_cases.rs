//! Runs the shared case table (`zone_cases.json`) against the native zone implementation. The
//! widget's wasm tests run the same table through `Intl`; both must agree with it.

use contact_core::conformance::CaseTable;
use contact_core::zones::JiffZones;

const TABLE: &str = include_str!("zone_cases.json");

#[test]
fn the_shared_case_table_holds_for_the_native_zone_database() {
    let table = CaseTable::from_json(TABLE).unwrap();
    let mismatches = table.mismatches(&JiffZones);
    assert!(mismatches.is_empty(), "{} mismatches:\n{}", mismatches.len(), mismatches.join("\n\n"));
}

#[test]
fn the_case_table_covers_every_zone_the_issue_names() {
    let required = [
        "Europe/Berlin",
        "America/New_York",
        "Asia/Kolkata",
        "Asia/Kathmandu",
        "Australia/Lord_Howe",
        "Pacific/Kiritimati",
        "Pacific/Pago_Pago",
        "Europe/Kaliningrad",
        "Europe/Moscow",
        "Asia/Vladivostok",
        "Asia/Katmandu",
        "Europe/Kiev",
    ];
    let table = CaseTable::from_json(TABLE).unwrap();
    for zone in required {
        assert!(table.offsets.iter().any(|case| case.zone == zone), "no offset case for {zone}");
    }
    assert!(table.cases.len() >= 30, "the table should stay a broad specification");
}
