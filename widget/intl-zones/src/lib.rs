//! Time-zone offsets from the browser's own `Intl`, so the wasm ships no tz database.
//!
//! The browser already holds the IANA database; a bundled one would cost about 120 KB brotli, more
//! than the whole widget's budget. `Intl.DateTimeFormat` answers the one question the core asks
//! ([`Zones::offset_at`]): it shows the wall-clock reading of an instant in a zone, and the offset
//! is that reading minus the instant. The same case table as the native implementation runs against
//! this one in headless Chromium (`contact-widget`'s `browser_tests`), so both give identical answers.
//!
//! A crate of its own so that every wasm that parses a configuration (the widget, the config builder
//! in `demo-site/builder/`) validates zones exactly alike without linking the widget's Leptos code.

use std::cell::RefCell;

use contact_core::time::{CivilDateTime, Date, Offset, Timestamp};
use contact_core::zones::{ZoneName, Zones};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, bound here with `catch`: an unknown zone makes the constructor throw a
    /// `RangeError`, which must become `None` rather than an exception through the wasm.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type ZoneFormat;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &js_sys::Object) -> Result<ZoneFormat, JsValue>;

    #[wasm_bindgen(method)]
    fn format(this: &ZoneFormat, unix_millis: f64) -> String;

    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &ZoneFormat) -> ResolvedOptions;

    type ResolvedOptions;

    #[wasm_bindgen(method, getter, js_name = timeZone)]
    fn time_zone(this: &ResolvedOptions) -> String;
}

/// [`Zones`] answered by the browser's `Intl`. Formatters are cached per zone: creating one is the
/// expensive part, and a widget asks about the same two zones (company and visitor) many times.
#[derive(Default)]
pub struct IntlZones {
    formats: RefCell<Vec<(String, ZoneFormat)>>,
}

impl IntlZones {
    /// Runs `read` with the cached formatter for `zone`, creating it on first use; `None` when the
    /// browser does not know the zone.
    fn with_format<T>(&self, zone: &str, read: impl FnOnce(&ZoneFormat) -> T) -> Option<T> {
        if let Some((_, format)) = self.formats.borrow().iter().find(|(name, _)| name == zone) {
            return Some(read(format));
        }
        let format = numeric_format(zone)?;
        let answer = read(&format);
        self.formats.borrow_mut().push((zone.to_owned(), format));
        Some(answer)
    }
}

/// A formatter that writes every field as plain digits on a 24-hour clock ("11/23/2026, 09:05:07"
/// in `en-US`), so the reading can be parsed without locale knowledge.
fn numeric_format(zone: &str) -> Option<ZoneFormat> {
    let options = js_sys::Object::new();
    let set = |key: &str, value: &str| js_sys::Reflect::set(&options, &key.into(), &value.into()).is_ok();
    let complete = set("timeZone", zone)
        && set("hourCycle", "h23")
        && ["year", "month", "day", "hour", "minute", "second"].iter().all(|field| set(field, "numeric"));
    complete.then(|| ZoneFormat::new("en-US", &options).ok()).flatten()
}

/// Reads "M/D/YYYY, HH:MM:SS" as a civil date-time: the digit runs in that order.
fn parse_reading(text: &str) -> Option<CivilDateTime> {
    let mut numbers = text.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty()).map(str::parse::<i32>);
    let mut next = || numbers.next()?.ok();
    let (month, day, year, hour, minute, second) = (next()?, next()?, next()?, next()?, next()?, next()?);
    let date = Date::new(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?;
    // Some engines still write midnight as 24 on a 23-hour cycle.
    let hour = u8::try_from(hour % 24).ok()?;
    CivilDateTime::from_parts(date, hour, u8::try_from(minute).ok()?, u8::try_from(second).ok()?)
}

impl Zones for IntlZones {
    fn offset_at(&self, zone: &ZoneName, at: Timestamp) -> Option<Offset> {
        // Intl resolves to whole seconds; the reading is compared with the instant at that precision.
        let reading = self.with_format(zone.as_str(), |format| format.format(at.unix_millis() as f64))?;
        Some(Offset::of_reading(parse_reading(&reading)?, at))
    }

    fn resolve(&self, name: &str) -> Option<ZoneName> {
        // `resolvedOptions()` fixes the letter case; ZoneName then maps the legacy aliases Chromium
        // still reports (`Asia/Katmandu`) to their current names.
        let resolved = self.with_format(name.trim(), |format| format.resolved_options().time_zone())?;
        Some(ZoneName::new(&resolved))
    }
}

#[cfg(test)]
mod tests {
    use super::parse_reading;

    #[test]
    fn reads_the_numeric_en_us_form_including_midnight_written_as_24() {
        let reading = parse_reading("12/31/2026, 24:00:05").unwrap();
        let expected = parse_reading("12/31/2026, 00:00:05").unwrap();
        assert_eq!(reading, expected);
        assert!(parse_reading("13/01/2026, 10:00:00").is_none());
        assert!(parse_reading("garbage").is_none());
    }
}
