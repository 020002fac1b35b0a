//! Turning instants into the visitor's sentences: the [`Clockface`] that writes times, dates and
//! counts in a language, the [`Viewpoint`] a text is worded from, and the callback promise's
//! sentence ([`promise_text`]).
//!
//! The same wording serves the widget (with the browser's `Intl` as its clockface, so no locale data
//! ships in the wasm) and `server-stub` (with [`NativeClockface`], behind the `native` feature), so
//! a promise reads the same whichever side made it. Every instant is named on the visitor's clock
//! first; the company's clock follows in brackets whenever the two read differently at that instant.

use crate::config::Config;
use crate::i18n::{fill, DayRef, HoursTexts, Messages, PluralCategory};
use crate::promise::{callback_promise, Delay, Promise};
use crate::schedule::Hours;
use crate::time::{Date, Timestamp};
use crate::zones::{Tz, ZoneName, Zones};

/// How instants, dates and counts are written for the visitor: the browser's `Intl` in the
/// widget, [`NativeClockface`] on the server.
pub trait Clockface {
    /// The time of day of `at` on `zone`'s clock: "21:00", "9:00 PM".
    fn time(&self, at: Timestamp, zone: &ZoneName) -> String;
    /// Like [`Clockface::time`] for the end of something: midnight reads "24:00" on 24-hour
    /// clocks, so "10:00–24:00" ends the day it starts on.
    fn end_time(&self, at: Timestamp, zone: &ZoneName) -> String;
    /// A calendar date with its weekday, for a row of the week table: "пн, 1 июня", "Mon, June 1".
    fn weekday_date(&self, date: Date) -> String;
    /// A calendar date without the year: "9 января", "January 9".
    fn date(&self, date: Date) -> String;
    /// The locale's generic name of a zone: "Восточная Америка", "Eastern Time".
    fn zone_name(&self, zone: &ZoneName) -> String;
    /// The plural category of `n` in the locale.
    fn plural(&self, n: u32) -> PluralCategory;
}

/// Everything a text about time depends on besides the schedule: the instant, the visitor's clock,
/// the language and how it writes times.
pub struct Viewpoint<'a> {
    /// The instant the text is true at.
    pub now: Timestamp,
    /// The visitor's zone.
    pub visitor: &'a ZoneName,
    /// The language's phrases.
    pub messages: &'static Messages,
    /// How the language writes times, dates and counts.
    pub face: &'a dyn Clockface,
    /// Offsets of every zone involved.
    pub zones: &'a dyn Zones,
}

impl Viewpoint<'_> {
    /// The working-hours phrases of the viewpoint's language.
    pub fn hours_texts(&self) -> &'static HoursTexts {
        &self.messages.hours
    }

    /// The phrase naming the visitor's date of `at`: "сегодня", "во вторник", "9 января". An end at
    /// midnight belongs to the day it ends, so "until 24:00" is today and not tomorrow.
    pub fn day_of(&self, at: Timestamp, is_end: bool) -> String {
        let visitor = Tz::new(self.zones, self.visitor);
        let moment = if is_end { at.plus_seconds(-1) } else { at };
        let day = DayRef::between(visitor.date_at(self.now), visitor.date_at(moment));
        self.hours_texts().day(day, |date| self.face.date(date))
    }

    /// How `zone`'s clock is named: "по вашему времени", "по Москве", "Eastern Time".
    pub fn zone_phrase(&self, zone: &ZoneName) -> String {
        let texts = self.hours_texts();
        if zone == self.visitor {
            return texts.your_time.to_owned();
        }
        match texts.zone_time_of(zone.as_str()) {
            Some(phrase) => phrase.to_owned(),
            None => fill(texts.zone_time, &[("zone", &self.face.zone_name(zone))]),
        }
    }

    /// Whether the visitor's clock and `zone`'s read differently at `at`.
    pub fn clocks_differ(&self, zone: &ZoneName, at: Timestamp) -> bool {
        Tz::new(self.zones, self.visitor).offset_at(at) != Tz::new(self.zones, zone).offset_at(at)
    }

    /// A time on `zone`'s clock; an end at midnight reads "24:00" where the locale says so.
    pub fn time(&self, at: Timestamp, zone: &ZoneName, is_end: bool) -> String {
        if is_end {
            self.face.end_time(at, zone)
        } else {
            self.face.time(at, zone)
        }
    }

    /// " (10:15 по Москве)" when `company`'s clock reads differently from the visitor's at `at`,
    /// else nothing.
    pub fn company_time_suffix(&self, company: &ZoneName, at: Timestamp, is_end: bool) -> String {
        if !self.clocks_differ(company, at) {
            return String::new();
        }
        let time = self.time(at, company, is_end);
        let suffix = fill(self.hours_texts().company_time, &[("time", &time), ("zone", &self.zone_phrase(company))]);
        [" ", suffix.as_str()].concat()
    }
}

/// The sentence for `promise`, on the visitor's clock with the company's (`company`, the
/// department's zone) beside it: "Сейчас мы не работаем. Перезвоним в понедельник до 10:15 по
/// вашему времени (09:15 по Москве)". `None` for [`Promise::SlotRejected`], which is no promise:
/// the form reports it as an error on the slot.
pub fn promise_text(promise: &Promise, company: &ZoneName, view: &Viewpoint<'_>) -> Option<String> {
    let texts = &view.messages.promise;
    let at_time = |template: &str, at: Timestamp| {
        let sentence =
            fill(template, &[("day", &view.day_of(at, false)), ("time", &view.time(at, view.visitor, false))]);
        [sentence, view.company_time_suffix(company, at, false)].concat()
    };
    Some(match *promise {
        Promise::Within { minutes } => {
            let count = texts.minutes.count(minutes, view.face.plural(minutes));
            fill(texts.within, &[("minutes", &count)])
        }
        Promise::By { at, reason } => {
            let template = match reason {
                Delay::Closed => texts.by_closed,
                Delay::ClosesSoon => texts.by_closes_soon,
                Delay::QuietHours => texts.by_quiet_hours,
            };
            at_time(template, at)
        }
        Promise::Slot { at } => at_time(texts.slot, at),
        Promise::NoTimeAhead => texts.no_time_ahead.to_owned(),
        Promise::SlotRejected { .. } => return None,
    })
}

/// A callback request as far as its promise is concerned.
#[derive(Debug, Clone, Copy)]
pub struct PromiseRequest<'a> {
    /// The department id the request is for (the first department when `None` or unknown).
    pub department: Option<&'a str>,
    /// The visitor's zone, when the browser named one.
    pub visitor_zone: Option<&'a ZoneName>,
    /// The visitor's chosen slot, if any.
    pub slot: Option<Timestamp>,
    /// The instant of the request.
    pub now: Timestamp,
}

/// The promise for `request` and its sentence, as both the widget and the server make them:
/// [`callback_promise`] for the department's hours, worded with `messages` and `face` on the
/// visitor's clock (the hours' own when the visitor's zone is unknown). `Err` is a
/// [`Promise::SlotRejected`]: the chosen slot cannot be honoured.
pub fn worded_callback_promise(
    config: &Config,
    request: &PromiseRequest<'_>,
    messages: &'static Messages,
    face: &dyn Clockface,
    zones: &dyn Zones,
) -> Result<(Promise, String), Promise> {
    let hours = config.hours_for(request.department);
    // Without any zone the promise can only be "within", which names no clock: UTC is as good as any.
    let utc = ZoneName::new("UTC");
    let visitor = request.visitor_zone.or(hours.map(Hours::zone)).unwrap_or(&utc);
    let promise = callback_promise(hours, request.now, Some(visitor), request.slot, zones);
    let view = Viewpoint { now: request.now, visitor, messages, face, zones };
    match promise_text(&promise, hours.map_or(visitor, Hours::zone), &view) {
        Some(text) => Ok((promise, text)),
        None => Err(promise),
    }
}

#[cfg(feature = "native")]
pub use native::NativeClockface;

#[cfg(feature = "native")]
mod native {
    use intl_pluralrules::{PluralRuleType, PluralRules};

    use super::Clockface;
    use crate::i18n::{fill, ClockTexts, Messages, PluralCategory};
    use crate::time::{Date, LocalTime, Timestamp};
    use crate::zones::{JiffZones, Tz, ZoneName};

    /// [`Clockface`] for native code (the server's promise texts, tests): 24-hour "09:15" times in
    /// every language, dates and weekdays as the language file's `clock` section writes them
    /// ("9 января", "January 9"), zones by the last part of their IANA name ("New York"), CLDR
    /// plural rules from `intl_pluralrules`, offsets from [`JiffZones`].
    pub struct NativeClockface {
        texts: &'static ClockTexts,
        rules: PluralRules,
    }

    impl NativeClockface {
        /// Times and dates in the language of `messages`, with its `clock` texts: the shipped ones
        /// (`locale.messages()`) or the site owner's (`config.texts.messages(locale)`).
        pub fn new(messages: &'static Messages) -> NativeClockface {
            let language: unic_langid::LanguageIdentifier =
                messages.locale.tag().parse().expect("a shipped locale's tag is a valid language identifier");
            let rules = PluralRules::create(language, PluralRuleType::CARDINAL)
                .expect("intl_pluralrules has cardinal rules for every shipped locale");
            NativeClockface { texts: &messages.clock, rules }
        }
    }

    impl Clockface for NativeClockface {
        fn time(&self, at: Timestamp, zone: &ZoneName) -> String {
            Tz::new(&JiffZones, zone).to_civil(at).time().to_string()
        }

        fn end_time(&self, at: Timestamp, zone: &ZoneName) -> String {
            match Tz::new(&JiffZones, zone).to_civil(at).time() {
                LocalTime::MIDNIGHT => LocalTime::END_OF_DAY.to_string(),
                time => time.to_string(),
            }
        }

        fn weekday_date(&self, date: Date) -> String {
            let weekday = self.texts.weekdays[date.weekday().days_from_monday()];
            fill(self.texts.weekday_date, &[("weekday", weekday), ("date", &self.date(date))])
        }

        fn date(&self, date: Date) -> String {
            let month = self.texts.months[usize::from(date.month()) - 1];
            fill(self.texts.date, &[("day", &date.day().to_string()), ("month", month)])
        }

        fn zone_name(&self, zone: &ZoneName) -> String {
            let city = zone.as_str().rsplit('/').next().unwrap_or(zone.as_str());
            city.replace('_', " ")
        }

        fn plural(&self, n: u32) -> PluralCategory {
            let category = match self.rules.select(n) {
                Ok(intl_pluralrules::PluralCategory::ZERO) => "zero",
                Ok(intl_pluralrules::PluralCategory::ONE) => "one",
                Ok(intl_pluralrules::PluralCategory::TWO) => "two",
                Ok(intl_pluralrules::PluralCategory::FEW) => "few",
                Ok(intl_pluralrules::PluralCategory::MANY) => "many",
                Ok(intl_pluralrules::PluralCategory::OTHER) | Err(_) => "other",
            };
            PluralCategory::from_cldr(category)
        }
    }
}

#[cfg(all(test, feature = "native"))]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use crate::schedule::{Hours, RawHours};
    use crate::zones::JiffZones;

    fn moscow_office() -> Hours {
        let json = r#"{ "zone": "Europe/Moscow",
            "weekly": { "mon": ["10:00-19:00"], "tue": ["10:00-19:00"], "wed": ["10:00-19:00"],
                        "thu": ["10:00-19:00"], "fri": ["10:00-19:00"] },
            "overrides": [{ "from": "2026-12-31", "to": "2027-01-08", "closed": true }] }"#;
        let raw: RawHours = serde_json::from_str(json).unwrap();
        Hours::from_raw(&raw, None, &JiffZones).hours.unwrap()
    }

    fn worded(promise: Promise, locale: Locale, now: &str, visitor: &str) -> Option<String> {
        let visitor = ZoneName::new(visitor);
        let face = NativeClockface::new(locale.messages());
        let view = Viewpoint {
            now: Timestamp::parse(now).unwrap(),
            visitor: &visitor,
            messages: locale.messages(),
            face: &face,
            zones: &JiffZones,
        };
        promise_text(&promise, moscow_office().zone(), &view)
    }

    fn at(text: &str) -> Timestamp {
        Timestamp::parse(text).unwrap()
    }

    #[test]
    fn promises_name_the_visitors_day_and_time_with_the_companys_clock_beside_when_it_differs() {
        let cases = [
            // Friday 19:30 in Moscow: closed, the call comes on Monday.
            (
                Promise::By { at: at("2026-06-08T10:15+03:00"), reason: Delay::Closed },
                Locale::Ru,
                "2026-06-05T19:30+03:00",
                "Europe/Moscow",
                "Сейчас мы не работаем. Перезвоним в понедельник до 10:15 по вашему времени",
            ),
            (
                Promise::By { at: at("2026-06-08T10:15+03:00"), reason: Delay::Closed },
                Locale::En,
                "2026-06-05T19:30+03:00",
                "Asia/Yekaterinburg",
                "We are closed now. We will call you back on Monday by 12:15 your time (10:15 Moscow time)",
            ),
            (
                Promise::By { at: at("2026-06-02T10:15+03:00"), reason: Delay::QuietHours },
                Locale::Ru,
                "2026-06-01T18:00+03:00",
                "Asia/Vladivostok",
                "Ночью по вашему времени не звоним. Перезвоним сегодня до 17:15 по вашему времени (10:15 по Москве)",
            ),
            (
                Promise::By { at: at("2026-06-01T18:55+03:00"), reason: Delay::ClosesSoon },
                Locale::Ru,
                "2026-06-01T18:50+03:00",
                "Europe/Moscow",
                "Скоро закрываемся. Перезвоним сегодня до 18:55 по вашему времени",
            ),
            (
                Promise::Slot { at: at("2026-06-03T14:30+03:00") },
                Locale::En,
                "2026-06-01T12:00+03:00",
                "Europe/Berlin",
                "We will call you on Wednesday at 13:30 your time (14:30 Moscow time)",
            ),
            // The New Year holidays: more than a week ahead, the date is named.
            (
                Promise::By { at: at("2027-01-11T10:15+03:00"), reason: Delay::Closed },
                Locale::Ru,
                "2026-12-30T20:00+03:00",
                "Europe/Moscow",
                "Сейчас мы не работаем. Перезвоним 11 января до 10:15 по вашему времени",
            ),
        ];
        for (promise, locale, now, visitor, expected) in cases {
            assert_eq!(worded(promise, locale, now, visitor).as_deref(), Some(expected), "{now} in {visitor}");
        }
    }

    #[test]
    fn within_takes_the_genitive_in_russian_and_the_count_in_english() {
        let now = "2026-06-01T12:00+03:00";
        let cases = [
            (1, "Перезвоним в течение 1 минуты", "We will call you back within 1 minute"),
            (2, "Перезвоним в течение 2 минут", "We will call you back within 2 minutes"),
            (5, "Перезвоним в течение 5 минут", "We will call you back within 5 minutes"),
            (11, "Перезвоним в течение 11 минут", "We will call you back within 11 minutes"),
            (15, "Перезвоним в течение 15 минут", "We will call you back within 15 minutes"),
            (21, "Перезвоним в течение 21 минуты", "We will call you back within 21 minutes"),
            (22, "Перезвоним в течение 22 минут", "We will call you back within 22 minutes"),
            (101, "Перезвоним в течение 101 минуты", "We will call you back within 101 minutes"),
            (111, "Перезвоним в течение 111 минут", "We will call you back within 111 minutes"),
        ];
        for (minutes, russian, english) in cases {
            let promise = Promise::Within { minutes };
            assert_eq!(worded(promise, Locale::Ru, now, "Europe/Moscow").as_deref(), Some(russian));
            assert_eq!(worded(promise, Locale::En, now, "Europe/Moscow").as_deref(), Some(english));
        }
    }

    #[test]
    fn ukrainian_promises_count_minutes_by_cldr_and_name_days_in_ukrainian() {
        let now = "2026-06-01T12:00+03:00";
        let cases = [
            (1, "Передзвонимо протягом 1 хвилини"),
            (2, "Передзвонимо протягом 2 хвилин"),
            (5, "Передзвонимо протягом 5 хвилин"),
            (11, "Передзвонимо протягом 11 хвилин"),
            (21, "Передзвонимо протягом 21 хвилини"),
        ];
        for (minutes, expected) in cases {
            assert_eq!(worded(Promise::Within { minutes }, Locale::Uk, now, "Europe/Kyiv").as_deref(), Some(expected));
        }
        let closed = Promise::By { at: at("2026-06-05T10:15+03:00"), reason: Delay::Closed };
        assert_eq!(
            worded(closed, Locale::Uk, "2026-06-02T20:00+03:00", "Europe/Kyiv").as_deref(),
            Some("Зараз ми не працюємо. Передзвонимо у п'ятницю до 10:15 за вашим часом")
        );
        let later = Promise::By { at: at("2026-06-05T10:15+03:00"), reason: Delay::Closed };
        assert_eq!(
            worded(later, Locale::Uk, "2026-06-02T20:00+03:00", "Europe/Berlin").as_deref(),
            Some("Зараз ми не працюємо. Передзвонимо у п'ятницю до 09:15 за вашим часом (10:15 за московським часом)")
        );
    }

    #[test]
    fn the_servers_plural_rules_give_ukrainian_its_four_forms() {
        let face = NativeClockface::new(Locale::Uk.messages());
        let minutes = &Locale::Uk.messages().hours.minutes;
        let cases = [
            (1, "1 хвилину"),
            (2, "2 хвилини"),
            (4, "4 хвилини"),
            (5, "5 хвилин"),
            (11, "11 хвилин"),
            (21, "21 хвилину"),
            (22, "22 хвилини"),
        ];
        for (n, expected) in cases {
            assert_eq!(minutes.count(n, face.plural(n)), expected, "{n}");
        }
    }

    #[test]
    fn the_servers_dates_follow_each_languages_clock_texts() {
        let date = Date::new(2027, 1, 9).unwrap();
        let cases = [(Locale::Ru, "сб, 9 января"), (Locale::En, "Sat, January 9"), (Locale::Uk, "сб, 9 січня")];
        for (locale, expected) in cases {
            assert_eq!(NativeClockface::new(locale.messages()).weekday_date(date), expected, "{locale:?}");
        }
    }

    #[test]
    fn the_servers_dates_take_the_site_owners_clock_texts() {
        let mut texts = crate::i18n::TextOverrides::default();
        texts.add(Locale::Ru, "clock.months.jan", "янв.").unwrap();
        texts.add(Locale::Ru, "clock.weekdays.sat", "суббота").unwrap();
        let face = NativeClockface::new(texts.messages(Locale::Ru));
        assert_eq!(face.weekday_date(Date::new(2027, 1, 9).unwrap()), "суббота, 9 янв.");
    }

    #[test]
    fn a_rejected_slot_is_no_promise_and_no_time_ahead_points_to_other_channels() {
        let rejected = Promise::SlotRejected { problem: crate::promise::SlotProblem::TooSoon, nearest: None };
        assert_eq!(worded(rejected, Locale::Ru, "2026-06-01T12:00+03:00", "Europe/Moscow"), None);
        let none = worded(Promise::NoTimeAhead, Locale::En, "2026-06-01T12:00+03:00", "Europe/Moscow").unwrap();
        assert!(none.contains("call or write to us"), "{none}");
    }
}
