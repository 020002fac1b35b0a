//! Reading a parsed `serde_json::Value` by hand: typed getters whose errors read like serde's
//! ("invalid type: integer `5`, expected a string"), for the configuration and its hours.
//!
//! The document is parsed once into a [`Value`] and walked with these helpers instead of serde
//! derives: derived visitors, `#[serde(flatten)]` and serde's number-formatting error messages
//! cost the wasm several times what this walker does. Guarantees: `null` reads as absent
//! everywhere; no message ever formats a floating-point value (that would link float formatting
//! into the widget), so a non-whole number is reported as "must be a whole number".

use serde_json::{Map, Value};

use super::ConfigIssue;

/// A JSON object of the document.
pub(crate) type Object = Map<String, Value>;

/// The value at `key`; `None` when absent or `null`.
pub(crate) fn get<'v>(object: &'v Object, key: &str) -> Option<&'v Value> {
    object.get(key).filter(|value| !value.is_null())
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
    value.as_object().ok_or_else(|| invalid_type(value, expected))
}

pub(crate) fn array(value: &Value) -> Result<&[Value], String> {
    value.as_array().map(Vec::as_slice).ok_or_else(|| invalid_type(value, "a sequence"))
}

pub(crate) fn string(value: &Value) -> Result<&str, String> {
    value.as_str().ok_or_else(|| invalid_type(value, "a string"))
}

pub(crate) fn boolean(value: &Value) -> Result<bool, String> {
    value.as_bool().ok_or_else(|| invalid_type(value, "a boolean"))
}

/// A whole number from `min` to `max`; `expected` names the range the way serde does (`u16`).
pub(crate) fn integer(value: &Value, min: i64, max: i64, expected: &str) -> Result<i64, String> {
    let Value::Number(number) = value else {
        return Err(invalid_type(value, expected));
    };
    // `Number`'s own `Display` would link float formatting, so integers are taken out first.
    let out_of_range = |n: &dyn std::fmt::Display| format!("invalid value: integer `{n}`, expected {expected}");
    match (number.as_i64(), number.as_u64()) {
        (Some(n), _) if (min..=max).contains(&n) => Ok(n),
        (Some(n), _) => Err(out_of_range(&n)),
        (None, Some(n)) => Err(out_of_range(&n)),
        (None, None) => Err("must be a whole number".to_owned()),
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

/// "invalid type: map, expected a string", naming what the value is without formatting floats.
pub(crate) fn invalid_type(value: &Value, expected: &str) -> String {
    let found = match value {
        Value::Null => "null".to_owned(),
        Value::Bool(flag) => format!("boolean `{flag}`"),
        Value::Number(number) => match (number.as_i64(), number.as_u64()) {
            (Some(n), _) => format!("integer `{n}`"),
            (None, Some(n)) => format!("integer `{n}`"),
            (None, None) => "floating point number".to_owned(),
        },
        Value::String(text) => format!("string {text:?}"),
        Value::Array(_) => "sequence".to_owned(),
        Value::Object(_) => "map".to_owned(),
    };
    format!("invalid type: {found}, expected {expected}")
}

/// The keys of `object` that are not `known`, in the document's key order.
pub(crate) fn unknown_keys<'o>(object: &'o Object, known: &'o [&str]) -> impl Iterator<Item = &'o String> {
    object.keys().filter(|key| !known.contains(&key.as_str()))
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
