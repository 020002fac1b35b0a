//! Languages are files: the configuration takes any shipped language and the owner's `texts`, and
//! the schema needs no edit for a new language.

use contact_core::config::Config;
use contact_core::i18n::{Locale, Messages};
use contact_core::zones::JiffZones;
use serde_json::Value;

const SCHEMA_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/config.schema.json");

fn parsed(extra: &str) -> contact_core::config::Parsed {
    let json = format!(
        r#"{{"departments": [{{"name": "Продажи", "contacts": [{{"type": "phone", "number": "+7 495 123-45-67"}}]}}]{extra}}}"#
    );
    Config::from_json(&json, &JiffZones)
}

#[test]
fn every_shipped_language_is_a_configurable_locale() {
    for locale in Locale::ALL {
        let parsed = parsed(&format!(r#", "locale": "{}""#, locale.tag()));
        assert_eq!(parsed.issues, vec![], "{locale:?}");
        assert_eq!(parsed.config.locale, Some(locale));
    }
    let parsed = parsed(r#", "locale": "de""#);
    assert_eq!(parsed.config.locale, None);
    assert_eq!(parsed.issues[0].path, "locale");
}

#[test]
fn owner_texts_replace_shipped_ones_and_bad_ones_are_reported_and_ignored() {
    let parsed = parsed(
        r#", "texts": {
            "ru": {"callback.submit": "Жду звонка", "hours.minutes.few": "{n} мин.", "callback.sent": "Отправлено",
                   "callback.nope": "x", "launcher": 5, "close": "  "},
            "uk": {"launcher": "Напишіть нам"},
            "de": {"launcher": "Kontakt"},
            "en": "Contact"
        }"#,
    );
    let texts = &parsed.config.texts;
    assert_eq!(texts.messages(Locale::Ru).callback.submit, "Жду звонка");
    assert_eq!(texts.messages(Locale::Ru).hours.minutes.few, "{n} мин.");
    assert_eq!(texts.messages(Locale::Ru).callback.sent, Locale::Ru.messages().callback.sent);
    assert_eq!(texts.messages(Locale::Uk).launcher, "Напишіть нам");
    assert_eq!(texts.messages(Locale::En), Locale::En.messages());
    let issues: Vec<String> = parsed.issues.iter().map(ToString::to_string).collect();
    let expected = [
        "texts.de: not a shipped language",
        "texts.en: invalid type: string \"Contact\", expected an object of texts by key; these texts are ignored",
        "texts.ru.callback.nope: no such text",
        "texts.ru.callback.sent: the text must keep the placeholders [{number}] (it has [])",
        "texts.ru.close: the text is empty",
        "texts.ru.launcher: invalid type",
    ];
    assert_eq!(issues.len(), expected.len(), "{issues:#?}");
    for start in expected {
        assert!(issues.iter().any(|issue| issue.starts_with(start)), "no issue {start:?} in {issues:#?}");
    }
}

#[test]
fn the_schema_takes_any_language_file_and_every_text_key_without_an_edit() {
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA_PATH).unwrap()).unwrap();
    let locale = &schema["$defs"]["Locale"];
    assert_eq!(locale["pattern"], "^[a-z]{2,3}$", "a pattern, not a list of languages");
    assert!(locale.get("oneOf").is_none() && locale.get("enum").is_none());
    let texts = &schema["properties"]["texts"]["patternProperties"];
    let by_language = &texts["^[a-z]{2,3}$"];
    assert_eq!(by_language["additionalProperties"]["type"], "string");
    let key_pattern = by_language["propertyNames"]["pattern"].as_str().unwrap();
    // The schema's key pattern, checked by hand: dotted segments, the first lowercase.
    assert_eq!(key_pattern, r"^[a-z_]+(\.[A-Za-z_/]+)*$");
    for key in Messages::KEYS {
        let mut segments = key.split('.');
        let first = segments.next().unwrap();
        assert!(first.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{key}");
        for segment in segments {
            assert!(
                !segment.is_empty() && segment.bytes().all(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'/'),
                "{key}"
            );
        }
    }
    for (tag, _) in Locale::SHIPPED {
        assert!((2..=3).contains(&tag.len()) && tag.bytes().all(|b| b.is_ascii_lowercase()), "{tag}");
    }
}
