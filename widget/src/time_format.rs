//! Writing times, dates, zone names and counts the way the visitor reads them, through the
//! browser's `Intl`: no locale data ships in the wasm.
//!
//! [`Clockface`] (from `contact-core`) is what the hours and promise texts need from a locale; [`IntlClockface`] answers it with
//! `Intl.DateTimeFormat` and `Intl.PluralRules`. The locale is the visitor's browser language when
//! it is the panel's language (so `en-GB` gets 24-hour times and `en-US` 12-hour ones), otherwise
//! the panel's language itself, so a Russian panel never carries "9:00 PM". Formatters are created
//! once per locale, style and zone and cached for the page's life.

use std::cell::RefCell;

use contact_core::i18n::{Locale, PluralCategory};
use contact_core::time::{Date, LocalTime, Timestamp};
use contact_core::wording::Clockface;
use contact_core::zones::{Tz, ZoneName};
use wasm_bindgen::prelude::*;

use crate::clock::with_zones;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;

    /// Throws a `RangeError` for a malformed locale tag or an unknown zone.
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "DateTimeFormat")]
    fn new(locale: &str, options: &js_sys::Object) -> Result<DateTimeFormat, JsValue>;

    #[wasm_bindgen(method)]
    fn format(this: &DateTimeFormat, unix_millis: f64) -> String;

    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &DateTimeFormat, unix_millis: f64) -> Vec<FormatPart>;

    #[wasm_bindgen(method, js_name = resolvedOptions)]
    fn resolved_options(this: &DateTimeFormat) -> FormatOptions;

    type FormatOptions;

    /// `h23`, `h12`…; `undefined` for formats without hours.
    #[wasm_bindgen(method, getter, js_name = hourCycle)]
    fn hour_cycle(this: &FormatOptions) -> Option<String>;

    type FormatPart;

    #[wasm_bindgen(method, getter, js_name = type)]
    fn kind(this: &FormatPart) -> String;

    #[wasm_bindgen(method, getter)]
    fn value(this: &FormatPart) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;

    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "PluralRules")]
    fn new(locale: &str) -> Result<PluralRules, JsValue>;

    #[wasm_bindgen(method)]
    fn select(this: &PluralRules, n: f64) -> String;
}

/// The `Intl.DateTimeFormat` options the widget uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Hours and minutes in the locale's own hour cycle; two-digit hours on a 24-hour clock.
    Time,
    /// Hours and minutes on a 1–24 cycle: only for an end at midnight on a 24-hour clock.
    TimeUntilMidnight,
    /// Short weekday, day and long month.
    WeekdayDate,
    /// Day and long month.
    Date,
    /// The zone's generic long name, read from the parts.
    ZoneName,
}

impl Style {
    fn options(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Style::Time => &[("hour", "numeric"), ("minute", "2-digit")],
            Style::TimeUntilMidnight => &[("hour", "2-digit"), ("minute", "2-digit"), ("hourCycle", "h24")],
            Style::WeekdayDate => &[("weekday", "short"), ("day", "numeric"), ("month", "long")],
            Style::Date => &[("day", "numeric"), ("month", "long")],
            Style::ZoneName => &[("timeZoneName", "longGeneric")],
        }
    }
}

/// Cached formatters: (locale, style, zone) → format. A panel uses a handful.
type FormatCache = Vec<(Locale, Style, ZoneName, DateTimeFormat)>;

thread_local! {
    static FORMATS: RefCell<FormatCache> = const { RefCell::new(Vec::new()) };
    static PLURALS: RefCell<Vec<(Locale, PluralRules)>> = const { RefCell::new(Vec::new()) };
}

/// Calendar dates are written by formatting their noon in UTC, which no offset can move to
/// another date.
fn utc() -> ZoneName {
    ZoneName::new("UTC")
}

fn noon_millis(date: Date) -> f64 {
    ((date.days_since_epoch() * 86_400 + 43_200) * 1_000) as f64
}

/// Whether a time format counts hours 0–23 (or 1–24) rather than on a 12-hour clock.
fn is_24_hour(format: &DateTimeFormat) -> bool {
    format.resolved_options().hour_cycle().is_some_and(|cycle| cycle == "h23" || cycle == "h24")
}

/// The browser's language (`navigator.language`), read through the global object: a worker has a
/// navigator but no `window` (the loader's worker reads configurations too, in its rehearsal).
pub(crate) fn browser_language() -> Option<String> {
    let navigator = js_sys::Reflect::get(&js_sys::global(), &"navigator".into()).ok()?;
    js_sys::Reflect::get(&navigator, &"language".into()).ok()?.as_string()
}

/// [`Clockface`] answered by the browser's `Intl` in the panel's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IntlClockface {
    locale: Locale,
}

impl IntlClockface {
    /// Times and dates for a panel in `locale`.
    pub fn new(locale: Locale) -> IntlClockface {
        IntlClockface { locale }
    }

    /// The BCP 47 tag handed to `Intl`: the browser's language when it is a variant of the
    /// panel's (`en-GB` for an English panel), otherwise the panel's language.
    fn tag(self) -> String {
        browser_language()
            .filter(|browser| Locale::from_tag(browser) == Some(self.locale))
            .unwrap_or_else(|| self.locale.tag().to_owned())
    }

    /// Runs `read` with the cached formatter for `style` in `zone`; `None` if `Intl` refuses the
    /// zone or the options.
    fn with_format<T>(self, style: Style, zone: &ZoneName, read: impl FnOnce(&DateTimeFormat) -> T) -> Option<T> {
        FORMATS.with(|formats| {
            let mut formats = formats.borrow_mut();
            let index = match formats.iter().position(|(l, s, z, _)| *l == self.locale && *s == style && z == zone) {
                Some(index) => index,
                None => {
                    let format = self.create(style, zone)?;
                    formats.push((self.locale, style, zone.clone(), format));
                    formats.len() - 1
                }
            };
            Some(read(&formats[index].3))
        })
    }

    fn create(self, style: Style, zone: &ZoneName) -> Option<DateTimeFormat> {
        let format = self.build(style.options(), zone)?;
        // A 24-hour clock writes two-digit hours, as Russian timetables do ("09:00", "00:00–02:00"
        // rather than "0:00–2:00"); `Intl`'s numeric hour would drop the zero. A 12-hour clock keeps
        // "9:00 AM".
        if style == Style::Time && is_24_hour(&format) {
            return self.build(&[("hour", "2-digit"), ("minute", "2-digit")], zone);
        }
        Some(format)
    }

    fn build(self, style_options: &[(&str, &str)], zone: &ZoneName) -> Option<DateTimeFormat> {
        let options = js_sys::Object::new();
        let options_set = std::iter::once(("timeZone", zone.as_str()))
            .chain(style_options.iter().copied())
            .all(|(key, value)| js_sys::Reflect::set(&options, &key.into(), &value.into()).is_ok());
        // A malformed browser tag cannot reach here (it matched a shipped language), but the
        // panel's own tag is the safe second try all the same.
        options_set.then(|| {
            DateTimeFormat::new(&self.tag(), &options)
                .or_else(|_| DateTimeFormat::new(self.locale.tag(), &options))
                .ok()
        })?
    }

    fn format(self, style: Style, zone: &ZoneName, unix_millis: f64) -> String {
        self.with_format(style, zone, |format| format.format(unix_millis)).unwrap_or_default()
    }
}

impl Clockface for IntlClockface {
    fn time(&self, at: Timestamp, zone: &ZoneName) -> String {
        self.format(Style::Time, zone, at.unix_millis() as f64)
    }

    fn end_time(&self, at: Timestamp, zone: &ZoneName) -> String {
        let at_midnight = with_zones(|zones| Tz::new(zones, zone).to_civil(at).time() == LocalTime::MIDNIGHT);
        let style = if at_midnight && self.with_format(Style::Time, zone, is_24_hour).unwrap_or(false) {
            Style::TimeUntilMidnight
        } else {
            Style::Time
        };
        self.format(style, zone, at.unix_millis() as f64)
    }

    fn weekday_date(&self, date: Date) -> String {
        self.format(Style::WeekdayDate, &utc(), noon_millis(date))
    }

    fn date(&self, date: Date) -> String {
        self.format(Style::Date, &utc(), noon_millis(date))
    }

    fn zone_name(&self, zone: &ZoneName) -> String {
        // Any instant will do for a generic name ("Eastern Time" covers EST and EDT).
        self.with_format(Style::ZoneName, zone, |format| {
            format.format_to_parts(0.0).into_iter().find(|part| part.kind() == "timeZoneName").map(|part| part.value())
        })
        .flatten()
        .unwrap_or_else(|| zone.as_str().to_owned())
    }

    fn plural(&self, n: u32) -> PluralCategory {
        PLURALS.with(|plurals| {
            let mut plurals = plurals.borrow_mut();
            if let Some((_, rules)) = plurals.iter().find(|(locale, _)| *locale == self.locale) {
                return PluralCategory::from_cldr(&rules.select(f64::from(n)));
            }
            let Ok(rules) = PluralRules::new(&self.tag()) else { return PluralCategory::Other };
            let category = PluralCategory::from_cldr(&rules.select(f64::from(n)));
            plurals.push((self.locale, rules));
            category
        })
    }
}
