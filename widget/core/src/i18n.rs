//! UI languages and their messages.
//!
//! Every phrase the widget shows or announces is a [`Messages`] field, written once per [`Locale`];
//! rendering code never assembles English fragments of its own. The language is chosen by
//! [`Locale::for_visitor`] when the configuration does not fix it.
//!
//! The loader (`widget/loader/contact-widget.js`) draws the launcher before the wasm arrives, so it
//! carries its own copy of the few texts it needs ([`Messages::launcher`], [`Messages::loading`]) and of
//! the language rule; a test in `contact-widget` fails when the two drift apart.

use crate::config::Channel;

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
}
