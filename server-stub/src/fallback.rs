//! The no-WebAssembly fallback: the widget configuration's contacts as plain links, precomputed here
//! so the loader can list them where the wasm cannot run (a page whose CSP lacks
//! `'wasm-unsafe-eval'`, a browser with WebAssembly switched off).
//!
//! Guarantees: every `href` is a [`contact_core::links::Href`] taken from [`Config::from_json`], the
//! same allowlisted link the wasm panel renders, so the loader carries no link rules of its own and
//! the two can never disagree; every text comes from the configuration or from
//! [`contact_core::i18n::Messages`] (the link's label is [`Messages::contact_name`] without the
//! department, which heads its group). The document holds one entry per shipped language, because
//! the language is chosen in the visitor's browser (page `lang`, then the browser's language).

use std::collections::BTreeMap;

use contact_core::config::Config;
use contact_core::i18n::{Locale, Messages};
use serde::Serialize;

/// `GET /widget/fallback.json`: one [`FallbackPanel`] per shipped language, by its tag
/// (`{"en": …, "ru": …, "uk": …}`).
#[derive(Debug, Serialize, PartialEq)]
#[serde(transparent)]
pub struct FallbackDocument(pub BTreeMap<&'static str, FallbackPanel>);

/// What the loader draws in place of the wasm panel, in one language.
#[derive(Debug, Serialize, PartialEq)]
pub struct FallbackPanel {
    /// The dialog's heading: the company, else the generic "Контакты" / "Contacts".
    pub title: String,
    /// The accessible name of the close button.
    pub close: &'static str,
    /// The departments in configuration order; the core has already dropped empty ones.
    pub departments: Vec<FallbackDepartment>,
}

/// One department's links.
#[derive(Debug, Serialize, PartialEq)]
pub struct FallbackDepartment {
    /// The department's name as configured (may be empty).
    pub name: String,
    /// Its contacts in configuration order.
    pub links: Vec<FallbackLink>,
}

/// One contact as a plain link.
#[derive(Debug, Serialize, PartialEq)]
pub struct FallbackLink {
    /// The link text: the action and its target ("Позвонить: +7 495 123-45-67").
    pub label: String,
    /// The configured note ("бесплатно по России"), shown under the label.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The allowlisted link built by the core.
    pub href: String,
}

impl FallbackDocument {
    /// The fallback for a validated configuration, in every shipped language, with the owner's
    /// texts where the configuration has them.
    pub fn for_config(config: &Config) -> FallbackDocument {
        let panel = |locale: Locale| (locale.tag(), FallbackPanel::for_config(config, config.texts.messages(locale)));
        FallbackDocument(Locale::ALL.into_iter().map(panel).collect())
    }

    /// The panel in `locale`.
    pub fn panel(&self, locale: Locale) -> &FallbackPanel {
        &self.0[locale.tag()]
    }
}

impl FallbackPanel {
    /// The fallback for `config` with the texts of `messages`.
    pub fn for_config(config: &Config, messages: &Messages) -> FallbackPanel {
        let title =
            if config.company.trim().is_empty() { messages.contacts.to_owned() } else { config.company.clone() };
        let departments = config
            .departments
            .iter()
            .map(|department| FallbackDepartment {
                name: department.name.clone(),
                links: department
                    .contacts
                    .iter()
                    .map(|contact| FallbackLink {
                        // The department heads the group, so the name leaves it out.
                        label: messages.contact_name(contact.channel, &contact.text, ""),
                        note: contact.note.clone(),
                        href: contact.href.as_str().to_owned(),
                    })
                    .collect(),
            })
            .collect();
        FallbackPanel { title, close: messages.close, departments }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use contact_core::zones::JiffZones;
    use serde_json::json;

    fn config(json: &str) -> Config {
        Config::from_json(json, &JiffZones).config
    }

    #[test]
    fn lists_each_department_with_the_cores_links_and_action_labels_in_both_languages() {
        let config = config(
            r#"{"company": "Южный ветер", "departments": [
                {"id": "sales", "name": "Продажи", "contacts": [
                    {"type": "phone", "number": "8-800-123-45-67", "note": "бесплатно по России"},
                    {"type": "email", "address": "sales@example.com", "subject": "Вопрос о туре"},
                    {"type": "telegram", "username": "@yuzhny_veter"}
                ]}
            ]}"#,
        );
        let document = serde_json::to_value(FallbackDocument::for_config(&config)).unwrap();
        assert_eq!(
            document["ru"],
            json!({
                "title": "Южный ветер",
                "close": "Закрыть",
                "departments": [{"name": "Продажи", "links": [
                    {"label": "Позвонить: +7 800 123-45-67", "note": "бесплатно по России", "href": "tel:+78001234567"},
                    {"label": "Написать на почту: sales@example.com",
                     "href": "mailto:sales@example.com?subject=%D0%92%D0%BE%D0%BF%D1%80%D0%BE%D1%81%20%D0%BE%20%D1%82%D1%83%D1%80%D0%B5"},
                    {"label": "Написать в Telegram: @yuzhny_veter", "href": "https://t.me/yuzhny_veter"}
                ]}]
            })
        );
        assert_eq!(document["en"]["close"], "Close");
        assert_eq!(document["en"]["departments"][0]["links"][0]["label"], "Call: +7 800 123-45-67");
    }

    #[test]
    fn leaves_out_links_the_core_refused_and_names_a_company_less_panel_generically() {
        let config = config(
            r#"{"departments": [{"name": "Заказы", "contacts": [
                {"type": "max", "url": "javascript:alert(1)"},
                {"type": "phone", "number": "+7 812 555-01-02"}
            ]}]}"#,
        );
        let document = FallbackDocument::for_config(&config);
        assert_eq!(document.panel(Locale::Ru).title, "Контакты");
        assert_eq!(document.panel(Locale::En).title, "Contacts");
        assert_eq!(document.panel(Locale::Uk).title, "Контакти");
        let hrefs: Vec<_> =
            document.panel(Locale::Ru).departments[0].links.iter().map(|link| link.href.as_str()).collect();
        assert_eq!(hrefs, ["tel:+78125550102"]);
    }
}
