//! A JSON value and its parser, for reading the configuration in the widget's wasm.
//!
//! serde_json's `Value` and parser cost the widget's wasm 7 KB (brotli) more than this module: its
//! numbers bring float parsing and formatting, and its parser serves every serde visitor. The
//! configuration needs less: whole numbers, strings, and objects that remember their key order.
//! So [`parse`] reads text into a [`Value`] here, and `config::read` walks it.
//!
//! Guarantees: [`parse`] accepts what `serde_json::from_str::<serde_json::Value>` accepts and
//! reports errors in the same words at the same line and column (see [`parse`] for the one
//! exception); an [`Object`] keeps its keys in document order, and a repeated key keeps its first
//! place and its last value, as serde_json's `Value` does with `preserve_order`; a number is never
//! converted to a float (see [`Number`]). Native code that reads JSON with serde gets the same
//! [`Value`] through its `Deserialize` impl.

mod deserialize;
mod parser;

pub use parser::{parse, SyntaxError};

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, whole or not.
    Number(Number),
    /// A string, its escapes decoded.
    String(String),
    /// An array, in document order.
    Array(Vec<Value>),
    /// An object, in document order.
    Object(Object),
}

/// A JSON number as far as the configuration reads one: exactly when it is a whole number that
/// fits 64 bits, and otherwise only as "not such a number". serde_json's readers see the same
/// classes (`i64`, `u64`, `f64`); the value of a float is never computed, because no setting
/// takes one and parsing or formatting it would link float code into the wasm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// A whole number from `i64::MIN` to `i64::MAX`.
    Integer(i64),
    /// A whole number above `i64::MAX`, up to `u64::MAX`: out of every setting's range, kept so
    /// that the message can quote it.
    Large(u64),
    /// What serde_json reads as a float: a fraction or an exponent (`1.5`, `1e3`, even `1.0`), `-0`,
    /// or a whole number beyond 64 bits.
    Float,
}

impl From<u64> for Number {
    fn from(n: u64) -> Number {
        i64::try_from(n).map_or(Number::Large(n), Number::Integer)
    }
}

/// A JSON object: its entries in document order, each key once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Object(Vec<(String, Value)>);

impl Object {
    /// The value at `key`, if the object has one.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(own, _)| own == key).map(|(_, value)| value)
    }

    /// The entries in document order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(key, value)| (key.as_str(), value))
    }

    /// Adds an entry; a repeated key keeps its first place and takes the new value. Objects in a
    /// configuration hold a handful of keys, so a scan is as fast as a map and smaller in the wasm.
    fn insert(&mut self, key: String, value: Value) {
        match self.0.iter_mut().find(|(own, _)| *own == key) {
            Some((_, old)) => *old = value,
            None => self.0.push((key, value)),
        }
    }
}
