//! The widget's JSON parser against serde_json, the reference it replaces: on documents serde_json
//! writes it reads the same values, and on damaged documents it fails exactly when serde_json
//! does, with the same message at the same position.
//!
//! Floats are left out of the generated documents: the parser deliberately reads them only as
//! "not whole" ([`Number::Float`]).

use std::fmt::Write;

use contact_core::json::{self, Number, Value};
use proptest::prelude::*;

/// Any JSON value serde_json can hold except a float: strings of any characters (control
/// characters and characters beyond the Basic Multilingual Plane included), every 64-bit integer.
fn document() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::Bool),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<u64>().prop_map(serde_json::Value::from),
        any::<String>().prop_map(serde_json::Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
            prop::collection::btree_map(any::<String>(), inner, 0..6)
                .prop_map(|entries| serde_json::Value::Object(entries.into_iter().collect())),
        ]
    })
}

/// `json` with every character outside ASCII written as `\u` escapes (surrogate pairs beyond the
/// Basic Multilingual Plane). Such characters only occur inside strings, so the text stays JSON.
fn ascii_escaped(json: &str) -> String {
    let mut escaped = String::new();
    for character in json.chars() {
        if character.is_ascii() {
            escaped.push(character);
        } else {
            for unit in character.encode_utf16(&mut [0; 2]) {
                write!(escaped, "\\u{unit:04X}").unwrap();
            }
        }
    }
    escaped
}

/// Whether `ours` holds what serde_json's `theirs` holds, keys in the same order.
fn agrees(ours: &Value, theirs: &serde_json::Value) -> bool {
    match (ours, theirs) {
        (Value::Null, serde_json::Value::Null) => true,
        (Value::Bool(ours), serde_json::Value::Bool(theirs)) => ours == theirs,
        (Value::Number(Number::Integer(ours)), serde_json::Value::Number(theirs)) => theirs.as_i64() == Some(*ours),
        (Value::Number(Number::Large(ours)), serde_json::Value::Number(theirs)) => {
            theirs.as_i64().is_none() && theirs.as_u64() == Some(*ours)
        }
        (Value::Number(Number::Float), serde_json::Value::Number(theirs)) => theirs.is_f64(),
        (Value::String(ours), serde_json::Value::String(theirs)) => ours == theirs,
        (Value::Array(ours), serde_json::Value::Array(theirs)) => {
            ours.len() == theirs.len() && ours.iter().zip(theirs).all(|(ours, theirs)| agrees(ours, theirs))
        }
        (Value::Object(ours), serde_json::Value::Object(theirs)) => {
            ours.iter().count() == theirs.len()
                && ours
                    .iter()
                    .zip(theirs)
                    .all(|((our_key, ours), (their_key, theirs))| our_key == their_key && agrees(ours, theirs))
        }
        _ => false,
    }
}

/// Characters that change a document's meaning, and a few that are never valid outside strings.
const DAMAGE: &[char] = &[
    '{', '}', '[', ']', ',', ':', '"', '\\', '/', '0', '1', '9', '-', '+', '.', 'e', 'E', 'u', 'D', 'n', 't', 'f', ' ',
    '\n', '\t', '\u{1}', 'x', 'é', '😀',
];

/// A change to one character of a text: inserted before, replacing, or removing the character at
/// a position (taken modulo the text's length).
#[derive(Debug, Clone)]
enum Damage {
    Insert(usize, char),
    Replace(usize, char),
    Remove(usize),
}

fn damage() -> impl Strategy<Value = Damage> {
    let character = prop::sample::select(DAMAGE);
    prop_oneof![
        (any::<usize>(), character.clone()).prop_map(|(at, character)| Damage::Insert(at, character)),
        (any::<usize>(), character).prop_map(|(at, character)| Damage::Replace(at, character)),
        any::<usize>().prop_map(Damage::Remove),
    ]
}

fn apply(text: &str, damage: &Damage) -> String {
    let mut characters: Vec<char> = text.chars().collect();
    let len = characters.len();
    match *damage {
        Damage::Insert(at, character) => characters.insert(at % (len + 1), character),
        Damage::Replace(at, character) if len > 0 => characters[at % len] = character,
        Damage::Remove(at) if len > 0 => {
            characters.remove(at % len);
        }
        _ => {}
    }
    characters.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reads_every_document_serde_json_writes_as_serde_json_reads_it(document in document()) {
        let compact = serde_json::to_string(&document).unwrap();
        let pretty = serde_json::to_string_pretty(&document).unwrap();
        for text in [ascii_escaped(&compact), compact, pretty] {
            let ours = json::parse(&text);
            prop_assert!(ours.as_ref().is_ok_and(|ours| agrees(ours, &document)), "{text}\nread as {ours:?}");
        }
    }

    #[test]
    fn a_damaged_document_fails_exactly_when_and_where_serde_json_fails(
        document in document(),
        damages in prop::collection::vec(damage(), 1..4),
    ) {
        let text = damages.iter().fold(serde_json::to_string(&document).unwrap(), |text, damage| apply(&text, damage));
        let theirs = serde_json::from_str::<Value>(&text).map_err(|error| error.to_string());
        prop_assume!(!theirs.as_ref().is_err_and(|error| error.starts_with("number out of range")));
        prop_assert_eq!(json::parse(&text).map_err(|error| error.to_string()), theirs, "{}", text);
    }
}
