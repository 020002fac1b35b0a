//! The contact widget's domain logic, shared by the browser widget and `server-stub`.
//!
//! Everything here is plain Rust: no `web-sys`, no `leptos`, no `tokio`, so it is unit-tested natively
//! and the server re-runs exactly the checks the widget runs. Input is parsed once at the edge into
//! types that cannot hold bad states ([`phone::PhoneNumber`], [`safe_url::SafeUrl`], [`links::Href`],
//! [`config::Config`]); code that receives them cannot fail for input reasons.

pub mod callback;
pub mod config;
pub mod conformance;
pub mod country;
pub mod i18n;
pub mod json;
pub mod links;
pub mod phone;
pub mod promise;
pub mod safe_url;
pub mod schedule;
pub mod slots;
pub mod theme;
pub mod time;
pub mod wording;
pub mod zones;
