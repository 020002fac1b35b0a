//! The config builder's validator (`demo-site/builder.html`): contact-core's configuration reader,
//! compiled to wasm with the browser's time zones, so the page reports exactly the problems the widget
//! would report for the same document, with the same field paths.
//!
//! Guarantees: [`validate`] runs [`Config::from_json`] unchanged, with [`IntlZones`] as the widget
//! does, and never fails (a document that is not JSON yields one issue at `$`); [`vocabulary`] lists
//! the contact types, their fields and the enumerated values straight from the reader's own tables,
//! so the form offers no type or value the widget would refuse; [`text_keys`] lists the shipped
//! languages and every text an owner may replace (`texts`), with the shipped wording, straight from
//! the language files compiled into core. All answer JSON text, which the page parses; no serde
//! derive, like the rest of the wasm-facing code.

use contact_core::config::{document_keys, document_values, Config, ConfigIssue};
use contact_core::country::Country;
use contact_core::i18n::{Locale, Messages};
use contact_core::zones::Zones;
use contact_intl_zones::IntlZones;
use serde_json::{json, Map, Value};
use wasm_bindgen::prelude::*;

/// Validates a configuration document as the widget reads it. Answers a JSON array of
/// `{"path": "departments[0].contacts[1].number", "message": "…"}`, in the order found; empty for a
/// clean document. Messages are in English, as in the widget's console report.
#[wasm_bindgen]
pub fn validate(json: &str) -> String {
    issues_json(json, &IntlZones::default())
}

/// What the form may offer, as JSON: `contactTypes` (each `{"type", "fields"}`: the type's own
/// keys, the first required, in the reader's order), `values` (each enumerated option by its schema
/// name: `Locale`, `Side`, `Load`, …) and `countries` (the codes `defaultCountry` takes).
#[wasm_bindgen]
pub fn vocabulary() -> String {
    vocabulary_json().to_string()
}

/// What `texts` may name, as JSON: `languages` (the shipped tags, which `locale` and `texts` take),
/// `keys` (every text's key, in the language files' order) and `texts` (by language, then key: the
/// shipped text, which the page shows as the placeholder of an override).
#[wasm_bindgen]
pub fn text_keys() -> String {
    text_keys_json().to_string()
}

/// [`validate`] with the zones as a parameter, so it runs natively in tests.
fn issues_json(json: &str, zones: &dyn Zones) -> String {
    let parsed = Config::from_json(json, zones);
    Value::Array(parsed.issues.iter().map(issue_json).collect()).to_string()
}

fn issue_json(issue: &ConfigIssue) -> Value {
    json!({ "path": issue.path, "message": issue.message })
}

fn vocabulary_json() -> Value {
    const CONTACT: &str = "Contact:";
    let contacts: Vec<(String, Vec<&str>)> = document_keys()
        .into_iter()
        .filter_map(|(name, keys)| Some((name.strip_prefix(CONTACT)?.to_owned(), keys)))
        .collect();
    // The keys every contact takes (`type`, `label`, `note`) are the ones all types share; the rest
    // are the type's own, which the form shows when that type is chosen.
    let shared = |key: &&str| contacts.iter().all(|(_, keys)| keys.contains(key));
    let contact_types: Vec<Value> = contacts
        .iter()
        .map(|(kind, keys)| {
            let own: Vec<&str> = keys.iter().filter(|key| !shared(key)).copied().collect();
            json!({ "type": kind, "fields": own })
        })
        .collect();
    // `locale` is a pattern in the schema (a new language is only a file), so the reader's enumerations
    // leave it out; the form offers the languages that ship.
    let values: Map<String, Value> = document_values()
        .into_iter()
        .chain([("Locale", shipped_languages())])
        .map(|(name, variants)| (name.to_owned(), json!(variants)))
        .collect();
    let countries: Vec<&str> = Country::all().map(Country::code).collect();
    json!({ "contactTypes": contact_types, "values": values, "countries": countries })
}

/// The tags of the languages the widget ships, which `locale` and `texts` take.
fn shipped_languages() -> Vec<&'static str> {
    Locale::ALL.iter().map(|locale| locale.tag()).collect()
}

fn text_keys_json() -> Value {
    let texts: Map<String, Value> = Locale::ALL
        .iter()
        .map(|locale| {
            let messages = locale.messages();
            let shipped: Map<String, Value> =
                Messages::KEYS.iter().filter_map(|key| Some(((*key).to_owned(), json!(messages.text(key)?)))).collect();
            (locale.tag().to_owned(), Value::Object(shipped))
        })
        .collect();
    json!({ "languages": shipped_languages(), "keys": Messages::KEYS, "texts": texts })
}

#[cfg(test)]
mod tests {
    use super::*;
    use contact_core::zones::JiffZones;

    fn issues(json: &str) -> Vec<(String, String)> {
        let answer: Value = serde_json::from_str(&issues_json(json, &JiffZones)).unwrap();
        answer
            .as_array()
            .unwrap()
            .iter()
            .map(|issue| (issue["path"].as_str().unwrap().to_owned(), issue["message"].as_str().unwrap().to_owned()))
            .collect()
    }

    #[test]
    fn reports_each_problem_at_the_path_of_its_field() {
        let found = issues(
            r#"{"company": "Южный ветер", "departments": [{"name": "Продажи", "contacts": [
                {"type": "phone", "number": "8 (495) 123-45-67"},
                {"type": "phone", "number": "12ab"},
                {"type": "telegram", "username": "@yuzhny_veter"}
            ]}], "hours": {"zone": "Europe/Nowhere", "weekly": {"mon": ["10:00-19:00"]}}}"#,
        );
        let paths: Vec<&str> = found.iter().map(|(path, _)| path.as_str()).collect();
        assert_eq!(paths, ["hours.zone", "departments[0].contacts[1].number"], "{found:?}");
    }

    #[test]
    fn a_clean_document_has_no_issues_and_broken_json_has_one_at_the_root() {
        let clean =
            r#"{"departments": [{"name": "Продажи", "contacts": [{"type": "email", "address": "a@b.example"}]}]}"#;
        assert_eq!(issues(clean), []);
        let broken = issues("{\"company\": ");
        assert_eq!(broken.len(), 1);
        assert_eq!(broken[0].0, "$");
    }

    #[test]
    fn vocabulary_lists_every_contact_type_with_its_own_fields_first_required() {
        let vocabulary = vocabulary_json();
        let types = vocabulary["contactTypes"].as_array().unwrap();
        let fields_of =
            |kind: &str| types.iter().find(|entry| entry["type"] == kind).map(|entry| entry["fields"].clone()).unwrap();
        assert_eq!(fields_of("phone"), json!(["number", "display"]));
        assert_eq!(fields_of("telegram"), json!(["username"]));
        assert_eq!(fields_of("max"), json!(["url"]));
        assert!(types.len() >= 12, "{types:?}");
        assert_eq!(vocabulary["values"]["Side"], json!(["left", "right"]));
        assert!(vocabulary["countries"].as_array().unwrap().contains(&json!("RU")));
    }

    #[test]
    fn text_keys_give_every_shipped_language_each_key_with_its_shipped_text() {
        let answer = text_keys_json();
        let languages = answer["languages"].as_array().unwrap();
        assert!(languages.contains(&json!("ru")) && languages.contains(&json!("en")), "{languages:?}");
        let keys = answer["keys"].as_array().unwrap();
        assert!(keys.contains(&json!("launcher")) && keys.contains(&json!("callback.submit")), "{keys:?}");
        for language in languages {
            let texts = answer["texts"][language.as_str().unwrap()].as_object().unwrap();
            assert_eq!(texts.len(), keys.len(), "{language}");
        }
        assert_eq!(answer["texts"]["ru"]["launcher"], json!("Связаться"));
        assert_eq!(answer["texts"]["en"]["launcher"], json!("Contact us"));
    }
}
