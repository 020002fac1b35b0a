//! UI languages and their messages.
//!
//! Every phrase the widget shows or announces is a [`Messages`] field, written once per [`Locale`];
//! rendering code never assembles English fragments of its own. Phrases with values are templates
//! with `{name}` placeholders, filled by [`fill`]; a counted phrase has a form per plural category
//! ([`Plural`]), the category coming from the browser's `Intl.PluralRules`. The language is chosen by
//! [`Locale::for_visitor`] when the configuration does not fix it.
//!
//! The loader (`widget/loader/contact-widget.js`) draws the launcher before the wasm arrives, so it
//! carries its own copy of the few texts it needs ([`Messages::launcher`], [`Messages::loading`]) and of
//! the language rule; a test in `contact-widget` fails when the two drift apart.

use crate::config::Channel;
use crate::time::{Date, Weekday};

/// A UI language the widget ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Ru,
    En,
}

impl Locale {
    /// Reads a BCP 47 language tag (`ru`, `ru-RU`, `en-GB`; `_` is accepted as a separator too) by its
    /// primary language subtag, ignoring case.
    ///
    /// Ukrainian, Belarusian and Kazakh map to Russian: visitors whose browsers prefer them read Russian
    /// far more often than English, and the widget ships no closer language. Any other language is
    /// `None`: the caller decides the fallback.
    ///
    /// ```
    /// use contact_core::i18n::Locale;
    /// assert_eq!(Locale::from_tag("ru-RU"), Some(Locale::Ru));
    /// assert_eq!(Locale::from_tag("EN_gb"), Some(Locale::En));
    /// assert_eq!(Locale::from_tag("de"), None);
    /// ```
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default();
        if ["ru", "uk", "be", "kk"].iter().any(|lang| primary.eq_ignore_ascii_case(lang)) {
            Some(Locale::Ru)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Locale::En)
        } else {
            None
        }
    }

    /// Chooses the language for a visitor when the configuration does not name one: the first tag
    /// that is present decides, the host page's `<html lang>` before the browser's language, so the
    /// panel reads like the page it sits on. A language the widget does not ship, or no tag at all,
    /// gives English, the language most visitors of a foreign-language page can read.
    ///
    /// ```
    /// use contact_core::i18n::Locale;
    /// assert_eq!(Locale::for_visitor(Some("kk-KZ"), Some("en-US")), Locale::Ru);
    /// assert_eq!(Locale::for_visitor(Some(""), Some("ru")), Locale::Ru);
    /// assert_eq!(Locale::for_visitor(Some("de"), Some("ru")), Locale::En);
    /// ```
    pub fn for_visitor(page_lang: Option<&str>, browser_lang: Option<&str>) -> Locale {
        [page_lang, browser_lang]
            .into_iter()
            .flatten()
            .map(str::trim)
            .find(|tag| !tag.is_empty())
            .and_then(Locale::from_tag)
            .unwrap_or(Locale::En)
    }

    /// The language's short tag, for the `lang` attribute of the rendered panel.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::Ru => "ru",
            Locale::En => "en",
        }
    }

    /// Every message in this language.
    pub fn messages(self) -> &'static Messages {
        match self {
            Locale::Ru => &RU,
            Locale::En => &EN,
        }
    }
}

/// The widget's texts in one language. Channel actions are verbs for accessible names
/// ("Позвонить: +7 495 123-45-67, Продажи"); read them through [`Messages::action`].
#[derive(Debug, PartialEq, Eq)]
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
}

/// What a visitor who asked for a callback is told to expect. `{day}` is a [`DayRef`] phrase,
/// `{time}` a time on the visitor's clock; the company's clock is appended by the caller through
/// [`HoursTexts::company_time`] when it reads differently.
#[derive(Debug, PartialEq, Eq)]
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
#[derive(Debug, PartialEq, Eq)]
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
#[derive(Debug, PartialEq, Eq)]
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
    pub zone_times: &'static [(&'static str, &'static str)],
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
#[derive(Debug, PartialEq, Eq)]
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
        // Both shipped languages punctuate this the same way; a language that does not would get
        // its own template field here.
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

static RU: Messages = Messages {
    launcher: "Связаться",
    contacts: "Контакты",
    close: "Закрыть",
    loading: "Загрузка…",
    call: "Позвонить",
    email: "Написать на почту",
    whatsapp: "Написать в WhatsApp",
    telegram: "Написать в Telegram",
    viber: "Написать в Viber",
    vk: "Написать во ВКонтакте",
    messenger: "Написать в Messenger",
    skype: "Написать в Skype",
    sms: "Отправить SMS",
    signal: "Написать в Signal",
    instagram: "Написать в Instagram",
    max: "Написать в MAX",
    vk_name: "ВКонтакте",
    locale: Locale::Ru,
    hours: HoursTexts {
        open_until: "Открыто · до {time} по вашему времени",
        closes_on: "Открыто · закроемся {day} в {time} по вашему времени",
        closes_in: "Открыто · закроемся через {minutes}, в {time} по вашему времени",
        open_always: "Открыто круглосуточно",
        opens_on: "Закрыто · откроемся {day} в {time} по вашему времени",
        opens_in: "Закрыто · откроемся через {minutes}, в {time} по вашему времени",
        closed: "Закрыто",
        company_time: "({time} {zone})",
        your_time: "по вашему времени",
        zone_times: &[
            ("Europe/Kaliningrad", "по Калининграду"),
            ("Europe/Moscow", "по Москве"),
            ("Europe/Samara", "по Самаре"),
            ("Europe/Volgograd", "по Волгограду"),
            ("Asia/Yekaterinburg", "по Екатеринбургу"),
            ("Asia/Omsk", "по Омску"),
            ("Asia/Novosibirsk", "по Новосибирску"),
            ("Asia/Krasnoyarsk", "по Красноярску"),
            ("Asia/Irkutsk", "по Иркутску"),
            ("Asia/Yakutsk", "по Якутску"),
            ("Asia/Vladivostok", "по Владивостоку"),
            ("Asia/Magadan", "по Магадану"),
            ("Asia/Kamchatka", "по Камчатке"),
            ("Europe/Minsk", "по Минску"),
            ("Asia/Almaty", "по Алматы"),
            ("Asia/Tashkent", "по Ташкенту"),
        ],
        zone_time: "по времени «{zone}»",
        today: "сегодня",
        tomorrow: "завтра",
        on_weekdays: ["в понедельник", "во вторник", "в среду", "в четверг", "в пятницу", "в субботу", "в воскресенье"],
        on_date: "{date}",
        minutes: Plural {
            one: "{n} минуту", few: "{n} минуты", many: "{n} минут", other: "{n} минуты"
        },
        disclosure: "Часы работы",
        table_caption: "Часы работы {zone}",
        show_in: "Показать {zone}",
        day_closed: "выходной",
        all_day: "круглосуточно",
        interval: "{start}–{end}",
        closed_dates: "{dates} не работаем",
        special_dates: "{dates} — особый график",
        date_range: "{first} – {last}",
        email_answer: "Ответим в течение {days}: напишите сейчас — ответ {day} до {time} по вашему времени",
        business_days: Plural {
            one: "{n} рабочего дня",
            few: "{n} рабочих дней",
            many: "{n} рабочих дней",
            other: "{n} рабочего дня",
        },
    },
    callback: CallbackTexts {
        open: "Заказать звонок",
        back: "Назад к контактам",
        phone: "Телефон",
        name: "Имя (необязательно)",
        topic: "Тема (необязательно)",
        department: "Отдел",
        consent: "Согласен на обработку персональных данных",
        policy: "Политика конфиденциальности",
        submit: "Перезвоните мне",
        sending: "Отправляем…",
        accepted: "Заявка принята, номер {number}",
        accepted_plain: "Заявка принята",
        saved_on_device:
            "Заявка сохранена на этом устройстве, но ещё не отправлена. Отправим, как только появится связь.",
        kept_in_page:
            "Заявка ещё не отправлена: нет связи. Отправим, как только она появится, если эта страница будет открыта.",
        meanwhile: "Если срочно, позвоните или напишите нам:",
        sent: "Заявка отправлена, номер {number}",
        sent_plain: "Заявка отправлена",
        not_accepted: "Сохранённую заявку не приняли: {reason}",
    },
    promise: PromiseTexts {
        within: "Перезвоним в течение {minutes}",
        minutes: Plural { one: "{n} минуты", few: "{n} минут", many: "{n} минут", other: "{n} минуты" },
        by_closed: "Сейчас мы не работаем. Перезвоним {day} до {time} по вашему времени",
        by_closes_soon: "Скоро закрываемся. Перезвоним {day} до {time} по вашему времени",
        by_quiet_hours: "Ночью по вашему времени не звоним. Перезвоним {day} до {time} по вашему времени",
        slot: "Позвоним {day} в {time} по вашему времени",
        no_time_ahead: "Ближайшее время звонка назвать не можем. Пожалуйста, позвоните или напишите нам.",
        picker: "Когда позвонить (необязательно)",
        as_soon_as_possible: "Как можно скорее",
    },
};

static EN: Messages = Messages {
    launcher: "Contact us",
    contacts: "Contacts",
    close: "Close",
    loading: "Loading…",
    call: "Call",
    email: "Send an e-mail",
    whatsapp: "Message on WhatsApp",
    telegram: "Message on Telegram",
    viber: "Message on Viber",
    vk: "Message on VK",
    messenger: "Message on Messenger",
    skype: "Message on Skype",
    sms: "Send a text message",
    signal: "Message on Signal",
    instagram: "Message on Instagram",
    max: "Message on MAX",
    vk_name: "VK",
    locale: Locale::En,
    hours: HoursTexts {
        open_until: "Open · until {time} your time",
        closes_on: "Open · closes {day} at {time} your time",
        closes_in: "Open · closes in {minutes}, at {time} your time",
        open_always: "Open 24/7",
        opens_on: "Closed · opens {day} at {time} your time",
        opens_in: "Closed · opens in {minutes}, at {time} your time",
        closed: "Closed",
        company_time: "({time} {zone})",
        your_time: "your time",
        zone_times: &[
            ("Europe/Kaliningrad", "Kaliningrad time"),
            ("Europe/Moscow", "Moscow time"),
            ("Europe/Samara", "Samara time"),
            ("Europe/Volgograd", "Volgograd time"),
            ("Asia/Yekaterinburg", "Yekaterinburg time"),
            ("Asia/Omsk", "Omsk time"),
            ("Asia/Novosibirsk", "Novosibirsk time"),
            ("Asia/Krasnoyarsk", "Krasnoyarsk time"),
            ("Asia/Irkutsk", "Irkutsk time"),
            ("Asia/Yakutsk", "Yakutsk time"),
            ("Asia/Vladivostok", "Vladivostok time"),
            ("Asia/Magadan", "Magadan time"),
            ("Asia/Kamchatka", "Kamchatka time"),
            ("Europe/Minsk", "Minsk time"),
            ("Asia/Almaty", "Almaty time"),
            ("Asia/Tashkent", "Tashkent time"),
        ],
        zone_time: "{zone}",
        today: "today",
        tomorrow: "tomorrow",
        on_weekdays: ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "on Saturday", "on Sunday"],
        on_date: "on {date}",
        minutes: Plural { one: "{n} minute", few: "{n} minutes", many: "{n} minutes", other: "{n} minutes" },
        disclosure: "Opening hours",
        table_caption: "Opening hours, {zone}",
        show_in: "Show in {zone}",
        day_closed: "closed",
        all_day: "24 hours",
        interval: "{start} – {end}",
        closed_dates: "Closed {dates}",
        special_dates: "Special hours {dates}",
        date_range: "{first} – {last}",
        email_answer: "We answer within {days}: write now and expect an answer {day} by {time} your time",
        business_days: Plural {
            one: "{n} business day",
            few: "{n} business days",
            many: "{n} business days",
            other: "{n} business days",
        },
    },
    callback: CallbackTexts {
        open: "Request a call",
        back: "Back to contacts",
        phone: "Phone",
        name: "Name (optional)",
        topic: "Topic (optional)",
        department: "Department",
        consent: "I agree to the processing of my personal data",
        policy: "Privacy policy",
        submit: "Call me back",
        sending: "Sending…",
        accepted: "Request received, number {number}",
        accepted_plain: "Request received",
        saved_on_device: "Your request is saved on this device but not sent yet. We will send it as soon as you are online.",
        kept_in_page: "Your request is not sent yet: there is no connection. We will send it once there is, if this page stays open.",
        meanwhile: "If it is urgent, call or message us:",
        sent: "Your request has been sent, number {number}",
        sent_plain: "Your request has been sent",
        not_accepted: "The saved request was not accepted: {reason}",
    },
    promise: PromiseTexts {
        within: "We will call you back within {minutes}",
        minutes: Plural { one: "{n} minute", few: "{n} minutes", many: "{n} minutes", other: "{n} minutes" },
        by_closed: "We are closed now. We will call you back {day} by {time} your time",
        by_closes_soon: "We close soon. We will call you back {day} by {time} your time",
        by_quiet_hours: "We do not call at night your time. We will call you back {day} by {time} your time",
        slot: "We will call you {day} at {time} your time",
        no_time_ahead: "We cannot name a time for the call yet. Please call or write to us.",
        picker: "When to call (optional)",
        as_soon_as_possible: "As soon as possible",
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    const LOCALES: [Locale; 2] = [Locale::Ru, Locale::En];

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
            ("uk-UA", Some(Locale::Ru)),
            ("be", Some(Locale::Ru)),
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
            (None, Some("uk-UA"), Locale::Ru),
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
    fn every_message_is_written_in_both_languages() {
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
    fn callback_texts_are_written_in_both_languages_with_their_placeholders() {
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
    fn both_languages_name_the_same_common_zones() {
        let zones =
            |locale: Locale| locale.messages().hours.zone_times.iter().map(|(zone, _)| *zone).collect::<Vec<_>>();
        assert_eq!(zones(Locale::Ru), zones(Locale::En));
        assert_eq!(Locale::Ru.messages().hours.zone_time_of("Europe/Moscow"), Some("по Москве"));
        assert_eq!(Locale::En.messages().hours.zone_time_of("Asia/Vladivostok"), Some("Vladivostok time"));
        assert_eq!(Locale::Ru.messages().hours.zone_time_of("America/New_York"), None);
    }

    #[test]
    fn messages_know_their_language() {
        for locale in LOCALES {
            assert_eq!(locale.messages().locale, locale);
        }
    }
}
