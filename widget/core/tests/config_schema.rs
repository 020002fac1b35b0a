//! The committed JSON Schema, the guide and the demo configuration stay true to the reader.
//!
//! `widget/core/config.schema.json` is maintained by hand (the reader has no serde derives to
//! generate it from), so these tests hold it to the reader's own key lists
//! ([`document_keys`], [`document_values`]): every object lists exactly the keys the reader
//! accepts, refuses others, and describes each one for site owners.

use std::collections::BTreeSet;

use contact_core::config::{document_keys, document_values, Config};
use contact_core::country::Country;
use contact_core::zones::JiffZones;
use serde_json::Value;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/config.schema.json");
const DEMO_CONFIG_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../demo-site/contact.json");
const GUIDE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/config.md");

fn schema() -> Value {
    serde_json::from_str(&std::fs::read_to_string(SCHEMA_PATH).unwrap()).unwrap()
}

/// The schema object a [`document_keys`] name stands for.
fn object<'s>(schema: &'s Value, name: &str) -> &'s Value {
    match name.split_once(':') {
        None if name == "Configuration" => schema,
        None => &schema["$defs"][name],
        Some((union, kind)) => schema["$defs"][union]["oneOf"]
            .as_array()
            .unwrap()
            .iter()
            .find(|alternative| alternative["properties"]["type"]["const"] == kind)
            .unwrap_or_else(|| panic!("the schema has no {union} of type {kind}")),
    }
}

/// Every schema object that lists properties, found anywhere in the document.
fn objects_with_properties(node: &Value, found: &mut usize) {
    match node {
        Value::Object(map) => {
            *found += usize::from(map.contains_key("properties"));
            map.values().for_each(|child| objects_with_properties(child, found));
        }
        Value::Array(items) => items.iter().for_each(|child| objects_with_properties(child, found)),
        _ => {}
    }
}

fn strings(values: &Value) -> BTreeSet<String> {
    values.as_array().unwrap().iter().map(|value| value.as_str().unwrap().to_owned()).collect()
}

#[test]
fn every_schema_object_lists_exactly_the_keys_the_reader_accepts_each_described() {
    let schema = schema();
    let keys = document_keys();
    for (name, accepted) in &keys {
        let object = object(&schema, name);
        let properties = object["properties"].as_object().unwrap_or_else(|| panic!("the schema has no {name} object"));
        let listed: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
        let accepted: BTreeSet<&str> = accepted.iter().copied().collect();
        assert_eq!(listed, accepted, "{name}: the schema's properties differ from the keys the reader accepts");
        assert_eq!(
            object["additionalProperties"], false,
            "{name}: editors should flag unknown keys, as the reader does"
        );
        for (key, property) in properties {
            let described = property["description"].as_str().is_some_and(|text| !text.trim().is_empty());
            assert!(described, "{name}.{key} has no description for site owners");
        }
    }
    let mut found = 0;
    objects_with_properties(&schema, &mut found);
    assert_eq!(found, keys.len(), "the schema describes objects the reader does not read");
}

#[test]
fn every_enumerated_option_lists_exactly_the_values_the_reader_accepts() {
    let schema = schema();
    for (name, accepted) in document_values() {
        let listed: BTreeSet<String> = schema["$defs"][name]["oneOf"]
            .as_array()
            .unwrap_or_else(|| panic!("the schema has no {name} alternatives"))
            .iter()
            .map(|alternative| alternative["const"].as_str().unwrap().to_owned())
            .collect();
        let accepted: BTreeSet<String> = accepted.into_iter().map(str::to_owned).collect();
        assert_eq!(listed, accepted, "{name}");
    }
    let countries: BTreeSet<String> = Country::all().map(|country| country.code().to_owned()).collect();
    assert_eq!(strings(&schema["$defs"]["Country"]["enum"]), countries);
    let contact_types: BTreeSet<String> = schema["$defs"]["Contact"]["oneOf"]
        .as_array()
        .unwrap()
        .iter()
        .map(|alternative| alternative["properties"]["type"]["const"].as_str().unwrap().to_owned())
        .collect();
    let read_types: BTreeSet<String> =
        document_keys().into_iter().filter_map(|(name, _)| Some(name.strip_prefix("Contact:")?.to_owned())).collect();
    assert_eq!(contact_types, read_types);
}

/// A key the schema calls required is one without which the reader drops the object.
#[test]
fn required_keys_in_the_schema_are_the_ones_the_reader_cannot_do_without() {
    let schema = schema();
    let required = |name: &str| strings(&object(&schema, name)["required"]);
    assert_eq!(required("Configuration"), BTreeSet::from(["departments".to_owned()]));
    assert_eq!(required("Department"), BTreeSet::from(["name".to_owned(), "contacts".to_owned()]));
    assert_eq!(required("Callback"), BTreeSet::from(["endpoint".to_owned()]));
    assert_eq!(required("Consent"), BTreeSet::from(["policyUrl".to_owned(), "version".to_owned()]));
    for (name, keys) in document_keys() {
        if name.starts_with("Contact:") {
            // The reader's lists start with `type`, `label`, `note`, then the channel's main field.
            assert_eq!(required(&name), BTreeSet::from(["type".to_owned(), keys[3].to_owned()]), "{name}");
        }
    }
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
    assert!(parsed.config.hours.is_some() && parsed.config.callback.is_some());
}
