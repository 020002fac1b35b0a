//! Time-zone offsets from the browser's own `Intl` (the `contact-intl-zones` crate, shared with the
//! config builder's wasm in `demo-site/builder/`, which validates with the same zones as the widget).

pub use contact_intl_zones::IntlZones;
