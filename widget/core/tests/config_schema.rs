//! The committed JSON Schema and the demo configuration stay true to the Rust types.

use std::path::Path;

use contact_core::zones::JiffZones;
use contact_core::config::{Config, RawConfig};

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/config.schema.json");
const DEMO_CONFIG_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo-site/contact.json");
const GUIDE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/config.md");

/// The schema is generated from the raw configuration types; the committed copy is what editors
/// and site owners see, so it must never drift from them.
#[test]
fn committed_schema_matches_the_rust_types() {
    let generated = serde_json::to_string_pretty(&RawConfig::json_schema()).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(SCHEMA_PATH, &generated).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(Path::new(SCHEMA_PATH)).unwrap_or_default();
    assert!(
        committed == generated,
        "widget/core/config.schema.json is out of date with the types in widget/core/src/config/raw.rs.\n\
         Regenerate it with: UPDATE_SCHEMA=1 cargo test -p contact-core --test config_schema\n\
         and commit the result."
    );
}

#[test]
fn demo_configuration_parses_without_issues() {
    let json = std::fs::read_to_string(DEMO_CONFIG_PATH).unwrap();
    let parsed = Config::from_json(&json, &JiffZones);
    assert_eq!(parsed.issues, vec![], "demo-site/contact.json has issues");
    let names: Vec<&str> = parsed.config.departments.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Продажи", "Сервис", "Бухгалтерия"]);
}

/// The guide's complete example is what site owners copy, so it must be valid as written.
#[test]
fn the_guides_complete_example_parses_without_issues() {
    let guide = std::fs::read_to_string(GUIDE_PATH).unwrap();
    let section = guide.split("## A complete example").nth(1).expect("docs/config.md has a complete example");
    let json = section.split("```json").nth(1).and_then(|block| block.split("```").next()).unwrap();
    let parsed = Config::from_json(json, &JiffZones);
    assert_eq!(parsed.issues, vec![], "the example in docs/config.md has issues");
    assert_eq!(parsed.config.departments.len(), 2);
}
