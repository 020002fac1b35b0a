//! Reading a parsed [`Value`] by hand: typed getters whose errors read like serde's ("invalid
//! type: integer `5`, expected a string"), for the configuration and its hours.
//!
//! The document is parsed once by [`crate::json::parse`] and walked with these helpers instead of
//! serde derives: derived visitors, `#[serde(flatten)]` and serde's number-formatting error
//! messages cost the wasm several times what this walker does. Guarantees: `null` reads as absent
//! everywhere; no message ever formats a floating-point value (the parser never computes one), so
//! a number that is not whole is reported as "must be a whole number".

use super::ConfigIssue;
use crate::json::{Number, Object, Value};

/// The value at `key`; `None` when absent or `null`.
pub(crate) fn get<'v>(object: &'v Object, key: &str) -> Option<&'v Value> {
    object.get(key).filter(|value| !matches!(value, Value::Null))
}

/// The value at `key`, or serde's "missing field" complaint.
pub(crate) fn required<'v>(object: &'v Object, key: &str) -> Result<&'v Value, String> {
    get(object, key).ok_or_else(|| format!("missing field `{key}`"))
}

/// Reads the value at `key` with `read`, if there is one.
pub(crate) fn optional<'v, T>(
    object: &'v Object,
    key: &str,
    read: impl FnOnce(&'v Value) -> Result<T, String>,
) -> Result<Option<T>, String> {
    get(object, key).map(read).transpose()
}

pub(crate) fn object<'v>(value: &'v Value, expected: &str) -> Result<&'v Object, String> {
    match value {
        Value::Object(object) => Ok(object),
        other => Err(invalid_type(other, expected)),
    }
}

pub(crate) fn array(value: &Value) -> Result<&[Value], String> {
    match value {
        Value::Array(items) => Ok(items),
        other => Err(invalid_type(other, "a sequence")),
    }
}

pub(crate) fn string(value: &Value) -> Result<&str, String> {
    match value {
        Value::String(text) => Ok(text),
        other => Err(invalid_type(other, "a string")),
    }
}

pub(crate) fn boolean(value: &Value) -> Result<bool, String> {
    match value {
        Value::Bool(flag) => Ok(*flag),
        other => Err(invalid_type(other, "a boolean")),
    }
}

/// A whole number from `min` to `max`; `expected` names the range the way serde does (`u16`).
pub(crate) fn integer(value: &Value, min: i64, max: i64, expected: &str) -> Result<i64, String> {
    match value {
        Value::Number(Number::Integer(n)) if (min..=max).contains(n) => Ok(*n),
        Value::Number(Number::Integer(_) | Number::Large(_)) => {
            Err(format!("invalid value: {}, expected {expected}", unexpected(value)))
        }
        Value::Number(Number::Float) => Err("must be a whole number".to_owned()),
        other => Err(invalid_type(other, expected)),
    }
}

/// One of the named `variants`, as serde reads a unit enum.
pub(crate) fn variant<T: Copy>(value: &Value, variants: &[(&str, T)]) -> Result<T, String> {
    let names: Vec<&str> = variants.iter().map(|(name, _)| *name).collect();
    variant_index(value, &names).map(|index| variants[index].1)
}

/// Kept apart from [`variant`] so that the wasm carries the message once, not per enum.
fn variant_index(value: &Value, names: &[&str]) -> Result<usize, String> {
    let name = string(value)?;
    names.iter().position(|known| *known == name).ok_or_else(|| {
        let names: Vec<String> = names.iter().map(|known| format!("`{known}`")).collect();
        let expected = match names.as_slice() {
            [one] => one.clone(),
            [first, second] => format!("{first} or {second}"),
            all => format!("one of {}", all.join(", ")),
        };
        format!("unknown variant `{name}`, expected {expected}")
    })
}

/// "invalid type: map, expected a string".
pub(crate) fn invalid_type(value: &Value, expected: &str) -> String {
    format!("invalid type: {}, expected {expected}", unexpected(value))
}

/// What a value is, as serde names it in a complaint: "integer `5`", "map".
fn unexpected(value: &Value) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("boolean `{flag}`"),
        Value::Number(Number::Integer(n)) => format!("integer `{n}`"),
        Value::Number(Number::Large(n)) => format!("integer `{n}`"),
        Value::Number(Number::Float) => "floating point number".to_owned(),
        Value::String(text) => format!("string {text:?}"),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    }
}

/// The keys of `object` that are not `known`, in the document's key order.
pub(crate) fn unknown_keys<'o>(object: &'o Object, known: &'o [&str]) -> impl Iterator<Item = &'o str> {
    object.iter().map(|(key, _)| key).filter(|key| !known.contains(key))
}

/// The path of `key` inside the value at `parent`; an empty path is the document (or the hours
/// object) itself.
pub(crate) fn child(parent: &str, key: &str) -> String {
    match (parent, key) {
        ("", _) => key.to_owned(),
        (_, "") => parent.to_owned(),
        _ => format!("{parent}.{key}"),
    }
}

pub(crate) fn issue(path: impl Into<String>, message: impl Into<String>) -> ConfigIssue {
    ConfigIssue { path: path.into(), message: message.into() }
}
