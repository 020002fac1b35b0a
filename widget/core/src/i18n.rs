//! UI languages and their messages.
//!
//! Every phrase the widget shows or announces is a [`Messages`] field, written once per language in
//! `widget/core/locales/<tag>.toml`; rendering code never assembles English fragments of its own.
//! `build.rs` turns those files into the [`Locale`] enum and one `static` [`Messages`] per language
//! (plain `&'static str` fields: nothing is parsed at run time), and refuses to build when a file
//! lacks a key of `en.toml` or writes a text with other placeholders (see `docs/i18n.md`). Phrases
//! with values are templates with `{name}` placeholders, filled by [`fill`]; a counted phrase has a
//! form per plural category ([`Plural`]), the category coming from the browser's `Intl.PluralRules`
//! (or `intl_pluralrules` on the server). The language is chosen by [`Locale::for_visitor`] when the
//! configuration does not fix it, and the site owner may replace any text ([`TextOverrides`]).
//!
//! The loader (`widget/loader/contact-widget.js`) draws the launcher before the wasm arrives; its
//! texts and language rule are [`LOADER_LOCALES`], generated from the same files and written into the
//! loader by `scripts/build-widget.sh`.

use std::sync::OnceLock;

use crate::config::Channel;
use crate::time::{Date, Weekday};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

impl Locale {
    /// Reads a BCP 47 language tag (`ru`, `ru-RU`, `en-GB`; `_` is accepted as a separator too) by its
    /// primary language subtag, ignoring case: a shipped language's own tag, or one its file
    /// `covers` (Belarusian and Kazakh visitors read Russian far more often than English, until a
    /// file of their own exists). Any other language is `None`: the caller decides the fallback.
    ///
    /// ```
    /// use contact_core::i18n::Locale;
    /// assert_eq!(Locale::from_tag("ru-RU"), Some(Locale::Ru));
    /// assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
    /// assert_eq!(Locale::from_tag("uk-UA"), Some(Locale::Uk));
    /// assert_eq!(Locale::from_tag("de"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        TAGS.iter().find(|(own, _)| primary.eq_ignore_ascii_case(own)).map(|(_, locale)| *locale)
    }

    /// Chooses the language for a visitor when the configuration does not name one: the first tag
    /// that is present decides, the host page's `<html lang>` before the browser's language, so the
    /// panel reads like the page it sits on. A language the widget does not ship, or no tag at all,
    /// gives [`Locale::FALLBACK`] (English), the language most visitors of a foreign-language page
    /// can read.
    ///
    /// ```
    /// use contact_core::i18n::Locale;
    /// assert_eq!(Locale::for_visitor(Some("be-BY"), Some("en-US")), Locale::Ru);
    /// assert_eq!(Locale::for_visitor(Some(""), Some("uk")), Locale::Uk);
    /// assert_eq!(Locale::for_visitor(Some("de"), Some("ru")), Locale::En);
    /// ```
    pub fn for_visitor(page_lang: Option<&str>, browser_lang: Option<&str>) -> Locale {
        [page_lang, browser_lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|tag| !tag.is_empty())
            .and_then(Locale::from_tag)
            .unwrap_or(Locale::FALLBACK)
    }
}

/// The widget's texts in one language. Channel actions are verbs for accessible names
/// ("Позвонить: +7 495 123-45-67, Продажи"); read them through [`Messages::action`]. Each field is
/// the key of the same name in the language files (`hours.minutes.one`, `callback.submit`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Messages {
    /// The launcher's accessible name when the configuration gives it no visible label.
    pub launcher: &'static str,
    /// The dialog's title when the configuration names no company.
    pub contacts: &'static str,
    /// The accessible name of the panel's close button.
    pub close: &'static str,
    /// Announced while the widget's code is still arriving after the launcher was pressed.
    pub loading: &'static str,
    pub call: &'static str,
    pub email: &'static str,
    pub whatsapp: &'static str,
    pub telegram: &'static str,
    pub viber: &'static str,
    pub vk: &'static str,
    pub messenger: &'static str,
    pub skype: &'static str,
    pub sms: &'static str,
    pub signal: &'static str,
    pub instagram: &'static str,
    pub max: &'static str,
    /// VK's name as visitors in this language know it; the other apps' names are brands, the same in
    /// every language.
    pub vk_name: &'static str,
    /// The language these messages are written in; the widget formats times with `Intl` in it.
    pub locale: Locale,
    /// Working hours: see [`HoursTexts`].
    pub hours: HoursTexts,
    /// The callback form: see [`CallbackTexts`].
    pub callback: CallbackTexts,
    /// The callback promise: see [`PromiseTexts`].
    pub promise: PromiseTexts,
    /// Why a request was refused: see [`ErrorTexts`].
    pub errors: ErrorTexts,
    /// How the server writes dates: see [`ClockTexts`].
    pub clock: ClockTexts,
}

/// The sentence for each [`crate::callback::ErrorCode`], by its `snake_case` name; read through
/// [`crate::callback::ErrorCode::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ErrorTexts {
    pub required: &'static str,
    pub invalid_type: &'static str,
    pub invalid_format: &'static str,
    pub too_long: &'static str,
    pub phone_invalid: &'static str,
    pub phone_too_short: &'static str,
    pub phone_too_long: &'static str,
    pub unknown_department: &'static str,
    pub slot_in_past: &'static str,
    pub slot_unavailable: &'static str,
    pub unknown_zone: &'static str,
    pub consent_required: &'static str,
    pub malformed_json: &'static str,
    pub payload_too_large: &'static str,
    pub unsupported_media_type: &'static str,
    pub idempotency_conflict: &'static str,
    pub rate_limited: &'static str,
    pub origin_not_allowed: &'static str,
    pub not_found: &'static str,
    pub internal: &'static str,
}

/// How dates are written where no browser `Intl` is at hand (the server's promise texts, through
/// `wording::NativeClockface`); the widget asks `Intl` instead, so these cost it nothing but bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockTexts {
    /// A date without the year: `{day}` (a number) and `{month}` ("9 января", "January 9").
    pub date: &'static str,
    /// A date with its weekday, for the slot picker: `{weekday}` and `{date}` ("пн, 1 июня").
    pub weekday_date: &'static str,
    /// Month names as they stand in [`ClockTexts::date`] (Russian: the genitive), January first.
    pub months: [&'static str; 12],
    /// Short weekday names, Monday first.
    pub weekdays: [&'static str; 7],
}

/// What a visitor who asked for a callback is told to expect. `{day}` is a [`DayRef`] phrase,
/// `{time}` a time on the visitor's clock; the company's clock is appended by the caller through
/// [`HoursTexts::company_time`] when it reads differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromiseTexts {
    /// "Перезвоним в течение {minutes}", `{minutes}` being [`PromiseTexts::minutes`].
    pub within: &'static str,
    /// The count after [`PromiseTexts::within`]: Russian "в течение" takes the genitive ("1 минуты",
    /// "5 минут"), unlike the status line's accusative [`HoursTexts::minutes`].
    pub minutes: Plural,
    /// The department is closed now: "… перезвоним {day} до {time} …".
    pub by_closed: &'static str,
    /// The department closes before the target is up.
    pub by_closes_soon: &'static str,
    /// The department could call, but it would be night on the visitor's clock.
    pub by_quiet_hours: &'static str,
    /// The visitor's own slot: "Позвоним {day} в {time} …".
    pub slot: &'static str,
    /// No callable time within a month: another channel is suggested.
    pub no_time_ahead: &'static str,
    /// The preferred-time picker's label.
    pub picker: &'static str,
    /// The picker's first choice: no preferred time.
    pub as_soon_as_possible: &'static str,
}

/// The callback form's texts. Templates mark their values with `{number}` and `{reason}`; fill them
/// through [`CallbackTexts::accepted`], [`CallbackTexts::sent`] and [`CallbackTexts::not_accepted`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CallbackTexts {
    /// The button that opens the form, and the form's heading.
    pub open: &'static str,
    /// The button that leaves the form for the contact list.
    pub back: &'static str,
    /// The phone field's label.
    pub phone: &'static str,
    /// The name field's label, saying that it is optional.
    pub name: &'static str,
    /// The label of the topic chips, saying that they are optional.
    pub topic: &'static str,
    /// The department select's label.
    pub department: &'static str,
    /// The consent checkbox's label.
    pub consent: &'static str,
    /// The link to the privacy policy beside the consent checkbox.
    pub policy: &'static str,
    /// The submit button.
    pub submit: &'static str,
    /// The submit button while the request is on its way.
    pub sending: &'static str,
    /// Shown once the server stored the request: `{number}` is its number.
    pub accepted: &'static str,
    /// Shown once an endpoint accepted the request without giving it a number.
    pub accepted_plain: &'static str,
    /// Shown when the request could not be sent and waits in the device's storage.
    pub saved_on_device: &'static str,
    /// Shown when the request could not be sent and the device cannot store it (private mode,
    /// storage full): it waits in the open page only.
    pub kept_in_page: &'static str,
    /// Introduces the contacts offered while a request waits to be sent.
    pub meanwhile: &'static str,
    /// Shown when a waiting request has reached the server: `{number}` is its number.
    pub sent: &'static str,
    /// Shown when a waiting request has reached an endpoint that gave it no number.
    pub sent_plain: &'static str,
    /// Shown when the server refused a waiting request: `{reason}` is its explanation.
    pub not_accepted: &'static str,
}

impl CallbackTexts {
    /// "Заявка принята, номер CB-000123", or the plain sentence for an endpoint without numbers.
    ///
    /// ```
    /// use contact_core::i18n::Locale;
    /// let texts = &Locale::Ru.messages().callback;
    /// assert_eq!(texts.accepted(Some("CB-000123")).to_string(), "Заявка принята, номер CB-000123");
    /// assert_eq!(texts.accepted(None).to_string(), "Заявка принята");
    /// ```
    pub fn accepted(&self, number: Option<&str>) -> NumberedSentence {
        NumberedSentence::new(self.accepted, self.accepted_plain, number)
    }

    /// "Заявка отправлена, номер CB-000123": a request that waited on the device has been delivered.
    pub fn sent(&self, number: Option<&str>) -> NumberedSentence {
        NumberedSentence::new(self.sent, self.sent_plain, number)
    }

    /// The sentence for a waiting request that the server refused, with the server's `reason`.
    pub fn not_accepted(&self, reason: &str) -> String {
        self.not_accepted.replace("{reason}", reason)
    }
}

/// A sentence that quotes a request number, in parts, so that the UI can keep the number whole (a
/// visitor reads it out on the phone; it must not break at its hyphen). Its `Display` is the whole
/// sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberedSentence {
    /// The words before the number (the whole sentence when there is no number).
    pub before: &'static str,
    /// The request number, if the endpoint gave one.
    pub number: Option<String>,
    /// The words after the number.
    pub after: &'static str,
}

impl NumberedSentence {
    fn new(template: &'static str, plain: &'static str, number: Option<&str>) -> NumberedSentence {
        match (number, template.split_once("{number}")) {
            (Some(number), Some((before, after))) => {
                NumberedSentence { before, number: Some(number.to_owned()), after }
            }
            _ => NumberedSentence { before: plain, number: None, after: "" },
        }
    }
}

impl std::fmt::Display for NumberedSentence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}{}", self.before, self.number.as_deref().unwrap_or_default(), self.after)
    }
}

/// The working-hours texts of one language: the status line, the week table, holiday notices and
/// the e-mail answer time. Templates name their values in braces (`{time}`, `{day}`) and are filled
/// by [`fill`]; times, dates and zone names come from the browser's `Intl` in the visitor's locale,
/// so only the words around them are written here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursTexts {
    /// Open, closing later the same day: `{time}` on the visitor's clock.
    pub open_until: &'static str,
    /// Open, closing on a later day: `{day}` is a [`HoursTexts::day`] phrase, `{time}` the close.
    pub closes_on: &'static str,
    /// Open, closing within the hour: `{minutes}` is a [`HoursTexts::minutes`] phrase.
    pub closes_in: &'static str,
    /// Open, with no close within a week.
    pub open_always: &'static str,
    /// Closed, opening on `{day}` at `{time}`.
    pub opens_on: &'static str,
    /// Closed, opening within the hour: `{minutes}` and `{time}`.
    pub opens_in: &'static str,
    /// Closed, with no opening within a year.
    pub closed: &'static str,
    /// The company's clock beside a status when the zones differ: `{time}` and a `{zone}` phrase.
    pub company_time: &'static str,
    /// The visitor's own clock as a zone phrase.
    pub your_time: &'static str,
    /// Zone phrases of common zones by IANA name ("по Москве": Russian needs the dative, which
    /// `Intl` does not give); read through [`HoursTexts::zone_time_of`].
    pub zone_times: [(&'static str, &'static str); ZONE_PHRASES],
    /// The zone phrase of any other zone, around `Intl`'s generic name for it (`{zone}`).
    pub zone_time: &'static str,
    /// The day phrase for today.
    pub today: &'static str,
    /// The day phrase for tomorrow.
    pub tomorrow: &'static str,
    /// Day phrases for a day within the coming week, Monday first; read through
    /// [`HoursTexts::day`] (Russian needs the accusative and "во вторник").
    pub on_weekdays: [&'static str; 7],
    /// The day phrase for a day a week or more ahead, around `Intl`'s `{date}`.
    pub on_date: &'static str,
    /// A count of minutes after "in" ("через 2 минуты").
    pub minutes: Plural,
    /// The button that shows and hides the week table.
    pub disclosure: &'static str,
    /// The week table's caption: `{zone}` is the zone phrase of the clock it is shown on.
    pub table_caption: &'static str,
    /// The button that switches the week table to the other clock, named by `{zone}`.
    pub show_in: &'static str,
    /// A day without opening hours in the week table.
    pub day_closed: &'static str,
    /// A day open from midnight to midnight in the week table.
    pub all_day: &'static str,
    /// One opening interval in the week table: `{start}` and `{end}`.
    pub interval: &'static str,
    /// A closure announced ahead: `{dates}` is a date or a [`HoursTexts::date_range`].
    pub closed_dates: &'static str,
    /// Changed hours announced ahead (a shortened day, a special opening): `{dates}`.
    pub special_dates: &'static str,
    /// Several dates: `{first}` and `{last}`, both included.
    pub date_range: &'static str,
    /// The e-mail answer time: `{days}` is a [`HoursTexts::business_days`] phrase, `{day}` and
    /// `{time}` the deadline on the visitor's clock.
    pub email_answer: &'static str,
    /// A count of business days after "within" ("в течение 2 рабочих дней").
    pub business_days: Plural,
}

impl HoursTexts {
    /// The phrase naming `day` in a sentence ("завтра", "в пятницу", "on Friday"); `date` writes a
    /// date with `Intl` when the day is a week or more away.
    ///
    /// ```
    /// use contact_core::i18n::{DayRef, Locale};
    /// use contact_core::time::Weekday;
    /// let texts = &Locale::Ru.messages().hours;
    /// assert_eq!(texts.day(DayRef::Weekday(Weekday::Tuesday), |_| unreachable!()), "во вторник");
    /// ```
    pub fn day(&self, day: DayRef, date: impl FnOnce(Date) -> String) -> String {
        match day {
            DayRef::Today => self.today.to_owned(),
            DayRef::Tomorrow => self.tomorrow.to_owned(),
            DayRef::Weekday(weekday) => self.on_weekdays[weekday.days_from_monday()].to_owned(),
            DayRef::Date(day) => fill(self.on_date, &[("date", &date(day))]),
        }
    }

    /// The written zone phrase of a common zone ("по Москве", "Moscow time"), if this language has
    /// one; other zones are named by `Intl` inside [`HoursTexts::zone_time`].
    pub fn zone_time_of(&self, zone: &str) -> Option<&'static str> {
        self.zone_times.iter().find(|(name, _)| *name == zone).map(|(_, phrase)| *phrase)
    }
}

/// How a sentence names the day of a coming moment, seen from today on the same clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayRef {
    /// The same date.
    Today,
    /// The next date.
    Tomorrow,
    /// Two to six days ahead: the weekday is unambiguous.
    Weekday(Weekday),
    /// A week or more ahead (or, for robustness, in the past): named by its date.
    Date(Date),
}

impl DayRef {
    /// How `day` is named on `today`.
    ///
    /// ```
    /// use contact_core::i18n::DayRef;
    /// use contact_core::time::{Date, Weekday};
    /// let monday = Date::new(2026, 6, 1).unwrap();
    /// assert_eq!(DayRef::between(monday, monday.plus_days(4)), DayRef::Weekday(Weekday::Friday));
    /// ```
    pub fn between(today: Date, day: Date) -> DayRef {
        match today.days_until(day) {
            0 => DayRef::Today,
            1 => DayRef::Tomorrow,
            2..=6 => DayRef::Weekday(day.weekday()),
            _ => DayRef::Date(day),
        }
    }
}

/// A CLDR plural category, as `Intl.PluralRules.prototype.select` names it. The widget asks the
/// browser for the category, so the language rules live in one well-tested place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl PluralCategory {
    /// Reads `Intl`'s name for a category; anything unexpected is `Other`, the form every
    /// language has.
    pub fn from_cldr(name: &str) -> PluralCategory {
        match name {
            "zero" => PluralCategory::Zero,
            "one" => PluralCategory::One,
            "two" => PluralCategory::Two,
            "few" => PluralCategory::Few,
            "many" => PluralCategory::Many,
            _ => PluralCategory::Other,
        }
    }
}

/// A counted phrase in the plural forms the shipped languages need; `{n}` is the number. Russian
/// uses all four ("1 минуту", "2 минуты", "5 минут", "1,5 минуты"); English writes `other` for
/// `few` and `many`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    /// Also the form for categories the language does not use (`zero`, `two`).
    pub other: &'static str,
}

impl Plural {
    /// The phrase for `n`, whose category the caller got from `Intl.PluralRules`.
    ///
    /// ```
    /// use contact_core::i18n::{Locale, PluralCategory};
    /// let minutes = &Locale::Ru.messages().hours.minutes;
    /// assert_eq!(minutes.count(2, PluralCategory::Few), "2 минуты");
    /// ```
    pub fn count(&self, n: u32, category: PluralCategory) -> String {
        let form = match category {
            PluralCategory::One => self.one,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Zero | PluralCategory::Two | PluralCategory::Other => self.other,
        };
        fill(form, &[("n", &n.to_string())])
    }
}

/// Fills a message template: each `{name}` with a value in `values` is replaced by it. Values are
/// inserted as they are and never scanned again, so a configured label containing braces stays
/// text; a brace without a value stays as written.
///
/// ```
/// use contact_core::i18n::fill;
/// assert_eq!(fill("до {time} {zone}", &[("time", "19:00"), ("zone", "по Москве")]), "до 19:00 по Москве");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut filled = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        filled.push_str(&rest[..open]);
        let from_brace = &rest[open..];
        let value = from_brace.find('}').and_then(|close| {
            let name = &from_brace[1..close];
            values.iter().find(|(key, _)| *key == name).map(|(_, value)| (close, *value))
        });
        match value {
            Some((close, value)) => {
                filled.push_str(value);
                rest = &from_brace[close + 1..];
            }
            None => {
                filled.push('{');
                rest = &from_brace[1..];
            }
        }
    }
    filled.push_str(rest);
    filled
}

impl Messages {
    /// The verb that says what following a link of this channel does.
    pub fn action(&self, channel: Channel) -> &'static str {
        match channel {
            Channel::Phone => self.call,
            Channel::Email => self.email,
            Channel::WhatsApp => self.whatsapp,
            Channel::Telegram => self.telegram,
            Channel::Viber => self.viber,
            Channel::Vk => self.vk,
            Channel::Messenger => self.messenger,
            Channel::Skype => self.skype,
            Channel::Sms => self.sms,
            Channel::Signal => self.signal,
            Channel::Instagram => self.instagram,
            Channel::Max => self.max,
        }
    }

    /// The name of the app a contact opens, shown beside messenger contacts so that visitors tell
    /// channels apart by text and not by icon colour alone. `None` for phone and e-mail, whose
    /// visible text already says what they are.
    pub fn app_name(&self, channel: Channel) -> Option<&'static str> {
        match channel {
            Channel::Phone | Channel::Email => None,
            Channel::WhatsApp => Some("WhatsApp"),
            Channel::Telegram => Some("Telegram"),
            Channel::Viber => Some("Viber"),
            Channel::Vk => Some(self.vk_name),
            Channel::Messenger => Some("Messenger"),
            Channel::Skype => Some("Skype"),
            Channel::Sms => Some("SMS"),
            Channel::Signal => Some("Signal"),
            Channel::Instagram => Some("Instagram"),
            Channel::Max => Some("MAX"),
        }
    }

    /// The accessible name of a contact link: the action, what it reaches and in which department,
    /// so a screen-reader user hears a complete sentence when the link is read out of context.
    ///
    /// ```
    /// use contact_core::{config::Channel, i18n::Locale};
    /// let name = Locale::Ru.messages().contact_name(Channel::Phone, "+7 495 123-45-67", "Продажи");
    /// assert_eq!(name, "Позвонить: +7 495 123-45-67, Продажи");
    /// ```
    pub fn contact_name(&self, channel: Channel, text: &str, department: &str) -> String {
        // Every shipped language punctuates this the same way; one that does not would get its own
        // template field here.
        let action = self.action(channel);
        let mut name = String::with_capacity(action.len() + text.len() + department.len() + 4);
        name.push_str(action);
        name.push_str(": ");
        name.push_str(text);
        if !department.is_empty() {
            name.push_str(", ");
            name.push_str(department);
        }
        name
    }
}

/// The `{name}` placeholders of a template, sorted and each once, as [`fill`] reads them: an
/// override must keep its original's, or the value it should show would be lost.
///
/// ```
/// use contact_core::i18n::placeholders;
/// assert_eq!(placeholders("до {time} {zone}, {time}"), ["time", "zone"]);
/// ```
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names: Vec<&str> = template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}'))
        .map(|(name, _)| name)
        .filter(|name| !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// The site owner's replacements for shipped texts (the configuration's `texts`), each checked
/// against the language files when added: a shipped language, a key of its file, and the original's
/// placeholders. [`TextOverrides::messages`] gives a language's [`Messages`] with them applied.
#[derive(Debug, Clone, Default)]
pub struct TextOverrides {
    /// (language, key, text) in the order given; a later text for the same key wins.
    entries: Vec<(Locale, String, String)>,
    /// Each language's overridden messages, built on first use.
    built: [OnceLock<&'static Messages>; Locale::ALL.len()],
}

impl PartialEq for TextOverrides {
    fn eq(&self, other: &TextOverrides) -> bool {
        self.entries == other.entries
    }
}

impl TextOverrides {
    /// Adds the owner's `text` for `key` in `locale`, or says why it cannot be used: the key is
    /// not one of the language files' ([`Messages::KEYS`]), or the text's placeholders differ from
    /// the original's.
    ///
    /// ```
    /// use contact_core::i18n::{Locale, TextOverrides};
    /// let mut texts = TextOverrides::default();
    /// assert_eq!(texts.add(Locale::Ru, "callback.submit", "Жду звонка"), Ok(()));
    /// assert!(texts.add(Locale::En, "callback.accepted", "Thanks!").is_err());
    /// assert_eq!(texts.messages(Locale::Ru).callback.submit, "Жду звонка");
    /// ```
    pub fn add(&mut self, locale: Locale, key: &str, text: &str) -> Result<(), String> {
        let original =
            locale.messages().text(key).ok_or_else(|| "no such text; see docs/i18n.md for the keys".to_owned())?;
        if text.trim().is_empty() {
            return Err("the text is empty".to_owned());
        }
        let (wanted, given) = (placeholders(original), placeholders(text));
        if wanted != given {
            let list =
                |names: &[&str]| names.iter().map(|name| ["{", name, "}"].concat()).collect::<Vec<_>>().join(" ");
            return Err(format!("the text must keep the placeholders [{}] (it has [{}])", list(&wanted), list(&given)));
        }
        self.entries.push((locale, key.to_owned(), text.to_owned()));
        Ok(())
    }

    /// The owner's text for `key` in `locale`, if there is one.
    pub fn get(&self, locale: Locale, key: &str) -> Option<&str> {
        self.entries.iter().rev().find(|(own, name, _)| *own == locale && name == key).map(|(_, _, text)| text.as_str())
    }

    /// `locale`'s messages with the owner's texts in place of the file's. Without overrides for
    /// `locale` this is [`Locale::messages`] itself. Otherwise the copy is built on the first call
    /// and kept: its texts are leaked into `&'static str`, so that [`Messages`] stays plain static
    /// data for every reader; a configuration lives as long as the page (or the server), so that
    /// is once per language and a few hundred bytes.
    pub fn messages(&self, locale: Locale) -> &'static Messages {
        if !self.entries.iter().any(|(own, _, _)| *own == locale) {
            return locale.messages();
        }
        self.built[locale as usize].get_or_init(|| {
            let mut messages = locale.messages().clone();
            for (_, key, text) in self.entries.iter().filter(|(own, _, _)| *own == locale) {
                messages.set(key, Box::leak(text.clone().into_boxed_str()));
            }
            Box::leak(Box::new(messages))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCALES: [Locale; Locale::ALL.len()] = Locale::ALL;

    /// Every channel, listed through an exhaustive match so that a new channel fails to compile here
    /// until it is added to the tests.
    fn all_channels() -> Vec<Channel> {
        let all = vec![
            Channel::Phone,
            Channel::Email,
            Channel::WhatsApp,
            Channel::Telegram,
            Channel::Viber,
            Channel::Vk,
            Channel::Messenger,
            Channel::Skype,
            Channel::Sms,
            Channel::Signal,
            Channel::Instagram,
            Channel::Max,
        ];
        for channel in &all {
            match channel {
                Channel::Phone
                | Channel::Email
                | Channel::WhatsApp
                | Channel::Telegram
                | Channel::Viber
                | Channel::Vk
                | Channel::Messenger
                | Channel::Skype
                | Channel::Sms
                | Channel::Signal
                | Channel::Instagram
                | Channel::Max => {}
            }
        }
        all
    }

    #[test]
    fn language_tags_map_to_shipped_locales() {
        let cases = [
            ("ru", Some(Locale::Ru)),
            ("ru-RU", Some(Locale::Ru)),
            ("RU", Some(Locale::Ru)),
            ("ru_RU", Some(Locale::Ru)),
            (" ru-Cyrl-RU ", Some(Locale::Ru)),
            ("uk-UA", Some(Locale::Uk)),
            ("UK", Some(Locale::Uk)),
            ("be", Some(Locale::Ru)),
            // Russian until a kk.toml exists; then Kazakh takes its tag back.
            ("kk-KZ", Some(Locale::Ru)),
            ("en", Some(Locale::En)),
            ("en-GB", Some(Locale::En)),
            ("EN-us", Some(Locale::En)),
            ("de-DE", None),
            ("rus", None),
            ("r", None),
            ("", None),
            ("-ru", None),
        ];
        for (tag, expected) in cases {
            assert_eq!(Locale::from_tag(tag), expected, "tag {tag:?}");
        }
    }

    #[test]
    fn visitor_locale_follows_the_page_then_the_browser_then_english() {
        let cases = [
            (Some("ru"), Some("en-US"), Locale::Ru),
            (Some("en"), Some("ru-RU"), Locale::En),
            (None, Some("uk-UA"), Locale::Uk),
            (Some("uk"), Some("ru-RU"), Locale::Uk),
            (Some(""), Some("be-BY"), Locale::Ru),
            (Some("  "), Some("en"), Locale::En),
            (Some("de"), Some("ru"), Locale::En),
            (None, Some("fr-FR"), Locale::En),
            (None, None, Locale::En),
        ];
        for (page, browser, expected) in cases {
            assert_eq!(Locale::for_visitor(page, browser), expected, "page {page:?}, browser {browser:?}");
        }
    }

    #[test]
    fn every_message_is_written_in_every_language() {
        for locale in LOCALES {
            let m = locale.messages();
            for (field, text) in [
                ("launcher", m.launcher),
                ("contacts", m.contacts),
                ("close", m.close),
                ("loading", m.loading),
                ("vk_name", m.vk_name),
            ] {
                assert!(!text.trim().is_empty(), "{locale:?}.{field} is empty");
            }
            for channel in all_channels() {
                assert!(!m.action(channel).trim().is_empty(), "{locale:?} action for {channel:?} is empty");
            }
        }
    }

    #[test]
    fn each_channel_has_its_own_action_so_screen_readers_can_tell_links_apart() {
        for locale in LOCALES {
            let m = locale.messages();
            let actions: Vec<&str> = all_channels().into_iter().map(|c| m.action(c)).collect();
            for (i, action) in actions.iter().enumerate() {
                assert!(!actions[i + 1..].contains(action), "{locale:?}: {action:?} is used twice");
            }
        }
    }

    #[test]
    fn contact_names_read_as_action_target_and_department() {
        let cases = [
            (Locale::Ru, Channel::Phone, "+7 495 123-45-67", "Продажи", "Позвонить: +7 495 123-45-67, Продажи"),
            (Locale::En, Channel::Email, "sales@example.ru", "Sales", "Send an e-mail: sales@example.ru, Sales"),
            (Locale::Ru, Channel::Telegram, "@yuzhny_veter", "", "Написать в Telegram: @yuzhny_veter"),
        ];
        for (locale, channel, text, department, expected) in cases {
            assert_eq!(locale.messages().contact_name(channel, text, department), expected);
        }
    }

    #[test]
    fn messenger_contacts_name_their_app_and_calls_and_mail_do_not() {
        for locale in LOCALES {
            let m = locale.messages();
            for channel in all_channels() {
                let named = m.app_name(channel).is_some();
                let speaks_for_itself = matches!(channel, Channel::Phone | Channel::Email);
                assert_eq!(named, !speaks_for_itself, "{locale:?} {channel:?}");
            }
        }
        assert_eq!(Locale::Ru.messages().app_name(Channel::Vk), Some("ВКонтакте"));
        assert_eq!(Locale::En.messages().app_name(Channel::WhatsApp), Some("WhatsApp"));
    }

    #[test]
    fn tags_name_the_language_for_the_lang_attribute() {
        for locale in LOCALES {
            assert_eq!(Locale::from_tag(locale.tag()), Some(locale));
        }
    }

    #[test]
    fn callback_texts_are_written_in_every_language_with_their_placeholders() {
        for locale in LOCALES {
            let c = &locale.messages().callback;
            let labels = [c.open, c.back, c.phone, c.name, c.topic, c.department, c.consent, c.policy, c.submit];
            let sentences = [c.sending, c.accepted_plain, c.saved_on_device, c.kept_in_page, c.meanwhile, c.sent_plain];
            for text in labels.into_iter().chain(sentences) {
                assert!(!text.trim().is_empty(), "{locale:?}: an empty callback text");
            }
            let templates = [(c.accepted, "{number}"), (c.sent, "{number}"), (c.not_accepted, "{reason}")];
            for (template, placeholder) in templates {
                assert!(template.contains(placeholder), "{locale:?}: {template:?} lacks {placeholder}");
            }
        }
    }

    #[test]
    fn callback_sentences_fill_in_the_number_or_fall_back_to_the_plain_sentence() {
        let cases = [
            (Locale::Ru, Some("CB-000042"), "Заявка отправлена, номер CB-000042"),
            (Locale::Ru, None, "Заявка отправлена"),
            (Locale::En, Some("CB-000042"), "Your request has been sent, number CB-000042"),
            (Locale::En, None, "Your request has been sent"),
        ];
        for (locale, number, expected) in cases {
            assert_eq!(locale.messages().callback.sent(number).to_string(), expected, "{locale:?} {number:?}");
        }
        assert_eq!(
            Locale::Ru.messages().callback.not_accepted("Такого отдела нет"),
            "Сохранённую заявку не приняли: Такого отдела нет"
        );
    }

    #[test]
    fn templates_are_filled_once_and_unknown_braces_stay_text() {
        let cases = [
            ("до {time} {zone}", vec![("time", "19:00"), ("zone", "по Москве")], "до 19:00 по Москве"),
            ("{a}{a}", vec![("a", "x")], "xx"),
            ("{label} и {other}", vec![("label", "{other}")], "{other} и {other}"),
            ("no braces", vec![], "no braces"),
            ("open { brace", vec![("brace", "x")], "open { brace"),
            ("{unclosed", vec![("unclosed", "x")], "{unclosed"),
        ];
        for (template, values, expected) in cases {
            assert_eq!(fill(template, &values), expected, "{template}");
        }
    }

    #[test]
    fn russian_counts_take_the_form_of_their_plural_category() {
        let minutes = &Locale::Ru.messages().hours.minutes;
        let days = &Locale::Ru.messages().hours.business_days;
        let cases = [
            (1, "one", "1 минуту", "1 рабочего дня"),
            (2, "few", "2 минуты", "2 рабочих дней"),
            (5, "many", "5 минут", "5 рабочих дней"),
            (21, "one", "21 минуту", "21 рабочего дня"),
            (7, "other", "7 минуты", "7 рабочего дня"),
            (3, "unexpected", "3 минуты", "3 рабочего дня"),
        ];
        for (n, category, expected_minutes, expected_days) in cases {
            let category = PluralCategory::from_cldr(category);
            assert_eq!(minutes.count(n, category), expected_minutes);
            assert_eq!(days.count(n, category), expected_days);
        }
        let english = &Locale::En.messages().hours.minutes;
        assert_eq!(english.count(1, PluralCategory::One), "1 minute");
        assert_eq!(english.count(5, PluralCategory::Other), "5 minutes");
    }

    #[test]
    fn days_are_named_today_tomorrow_by_weekday_within_a_week_and_by_date_after() {
        let monday = Date::new(2026, 6, 1).unwrap();
        let cases = [
            (0, DayRef::Today, "сегодня", "today"),
            (1, DayRef::Tomorrow, "завтра", "tomorrow"),
            (2, DayRef::Weekday(Weekday::Wednesday), "в среду", "on Wednesday"),
            (6, DayRef::Weekday(Weekday::Sunday), "в воскресенье", "on Sunday"),
            (7, DayRef::Date(monday.plus_days(7)), "8 июня", "on June 8"),
            (-1, DayRef::Date(monday.pred()), "8 июня", "on June 8"),
        ];
        for (days, expected, ru, en) in cases {
            let day = DayRef::between(monday, monday.plus_days(days));
            assert_eq!(day, expected, "{days} days ahead");
            assert_eq!(Locale::Ru.messages().hours.day(day, |_| "8 июня".into()), ru);
            assert_eq!(Locale::En.messages().hours.day(day, |_| "June 8".into()), en);
        }
        assert_eq!(Locale::Ru.messages().hours.day(DayRef::Weekday(Weekday::Tuesday), |_| String::new()), "во вторник");
    }

    #[test]
    fn hours_templates_name_exactly_the_values_the_widget_fills() {
        for locale in LOCALES {
            let h = &locale.messages().hours;
            let templates: [(&str, &str, &[&str]); 18] = [
                ("open_until", h.open_until, &["time"]),
                ("closes_on", h.closes_on, &["day", "time"]),
                ("closes_in", h.closes_in, &["minutes", "time"]),
                ("opens_on", h.opens_on, &["day", "time"]),
                ("opens_in", h.opens_in, &["minutes", "time"]),
                ("company_time", h.company_time, &["time", "zone"]),
                ("zone_time", h.zone_time, &["zone"]),
                ("on_date", h.on_date, &["date"]),
                ("table_caption", h.table_caption, &["zone"]),
                ("show_in", h.show_in, &["zone"]),
                ("interval", h.interval, &["start", "end"]),
                ("closed_dates", h.closed_dates, &["dates"]),
                ("special_dates", h.special_dates, &["dates"]),
                ("date_range", h.date_range, &["first", "last"]),
                ("email_answer", h.email_answer, &["days", "day", "time"]),
                ("minutes.one", h.minutes.one, &["n"]),
                ("business_days.many", h.business_days.many, &["n"]),
                ("open_always", h.open_always, &[]),
            ];
            for (field, template, names) in templates {
                let placeholders: Vec<&str> =
                    template.split('{').skip(1).filter_map(|part| part.split_once('}')).map(|(name, _)| name).collect();
                assert_eq!(placeholders, names, "{locale:?}.hours.{field}: {template:?}");
            }
            for (zone, phrase) in h.zone_times {
                assert!(zone.contains('/') && !phrase.trim().is_empty(), "{locale:?}: {zone}");
            }
        }
    }

    #[test]
    fn every_language_names_the_same_common_zones() {
        let zones =
            |locale: Locale| locale.messages().hours.zone_times.iter().map(|(zone, _)| *zone).collect::<Vec<_>>();
        for locale in LOCALES {
            assert_eq!(zones(locale), zones(Locale::En), "{locale:?}");
        }
        assert_eq!(Locale::Ru.messages().hours.zone_time_of("Europe/Moscow"), Some("по Москве"));
        assert_eq!(Locale::En.messages().hours.zone_time_of("Asia/Vladivostok"), Some("Vladivostok time"));
        assert_eq!(Locale::Ru.messages().hours.zone_time_of("America/New_York"), None);
    }

    #[test]
    fn every_language_writes_every_key_with_the_placeholders_of_english() {
        assert!(Messages::KEYS.len() >= 140, "the keys are listed: {}", Messages::KEYS.len());
        let english = Locale::En.messages();
        for locale in LOCALES {
            let m = locale.messages();
            for key in Messages::KEYS {
                let text = m.text(key).unwrap_or_else(|| panic!("{locale:?} has no {key}"));
                assert!(!text.trim().is_empty(), "{locale:?}.{key} is empty");
                assert_eq!(placeholders(text), placeholders(english.text(key).unwrap()), "{locale:?}.{key}");
            }
        }
        assert_eq!(Locale::En.messages().text("no.such.key"), None);
    }

    #[test]
    fn ukrainian_reads_its_own_words_not_russian_ones() {
        let m = Locale::Uk.messages();
        let cases = [
            ("launcher", "Зв'язатися"),
            ("hours.on_weekdays.tue", "у вівторок"),
            ("hours.on_weekdays.fri", "у п'ятницю"),
            ("hours.zone_times.Europe/Kyiv", "за київським часом"),
            ("hours.zone_times.Europe/Moscow", "за московським часом"),
            ("callback.submit", "Передзвоніть мені"),
            ("errors.required", "Заповніть це поле"),
        ];
        for (key, expected) in cases {
            assert_eq!(m.text(key), Some(expected), "{key}");
        }
        assert_eq!(m.hours.day(DayRef::Weekday(Weekday::Tuesday), |_| unreachable!()), "у вівторок");
        assert_eq!(m.hours.zone_time_of("Europe/Kyiv"), Some("за київським часом"));
    }

    #[test]
    fn ukrainian_counts_take_the_form_of_their_plural_category() {
        let minutes = &Locale::Uk.messages().hours.minutes;
        let cases = [
            (1, PluralCategory::One, "1 хвилину"),
            (2, PluralCategory::Few, "2 хвилини"),
            (5, PluralCategory::Many, "5 хвилин"),
            (21, PluralCategory::One, "21 хвилину"),
        ];
        for (n, category, expected) in cases {
            assert_eq!(minutes.count(n, category), expected);
        }
    }

    #[test]
    fn setting_a_text_by_its_key_changes_that_text_only() {
        let mut m = Locale::Ru.messages().clone();
        assert!(m.set("callback.submit", "Жду звонка"));
        assert!(m.set("hours.on_weekdays.mon", "в пн"));
        assert!(m.set("hours.zone_times.Europe/Moscow", "по МСК"));
        assert!(!m.set("callback.nothing", "x"));
        assert_eq!(m.callback.submit, "Жду звонка");
        assert_eq!(m.hours.on_weekdays[0], "в пн");
        assert_eq!(m.hours.zone_time_of("Europe/Moscow"), Some("по МСК"));
        assert_eq!(m.callback.back, Locale::Ru.messages().callback.back);
    }

    #[test]
    fn owner_overrides_apply_to_their_language_and_bad_ones_are_refused() {
        let mut texts = TextOverrides::default();
        assert_eq!(texts.add(Locale::Ru, "callback.submit", "Жду звонка"), Ok(()));
        assert_eq!(texts.add(Locale::En, "hours.minutes.other", "{n} mins"), Ok(()));
        let refused = [
            (Locale::Ru, "callback.submitt", "no such text"),
            (Locale::En, "callback.accepted", "must keep the placeholders [{number}] (it has [])"),
            (Locale::En, "hours.open_until", "must keep the placeholders [{time}] (it has [{time} {zone}])"),
        ];
        for (locale, key, why) in refused {
            let text = if key == "hours.open_until" { "Open until {time} {zone}" } else { "Thanks" };
            let error = texts.add(locale, key, text).unwrap_err();
            assert!(error.contains(why), "{key}: {error}");
        }
        let russian = texts.messages(Locale::Ru);
        assert_eq!(russian.callback.submit, "Жду звонка");
        assert_eq!(russian.callback.open, "Заказать звонок");
        assert!(std::ptr::eq(texts.messages(Locale::Ru), russian), "built once, then kept");
        assert_eq!(texts.messages(Locale::En).hours.minutes.other, "{n} mins");
        assert!(std::ptr::eq(texts.messages(Locale::Uk), Locale::Uk.messages()), "no overrides, no copy");
        assert_eq!(texts.get(Locale::Ru, "callback.submit"), Some("Жду звонка"));
    }

    #[test]
    fn messages_know_their_language() {
        for locale in LOCALES {
            assert_eq!(locale.messages().locale, locale);
        }
    }
}
