//! Turns a [`RawConfig`] into a [`Config`], reporting every problem with its JSON path.
//!
//! The rule is "keep what is valid": an unknown key is reported and ignored, a bad option falls back
//! to its default, a bad contact is dropped, a department left without contacts is dropped, and only
//! a document that is not a JSON object yields an empty configuration. Each problem becomes exactly
//! one [`ConfigIssue`], so the widget's single console message lists them all.

use std::collections::HashSet;
use std::fmt::Display;

use super::raw::{Common, Lenient, RawConfig, RawContact, RawDepartment, RawLocale, RawPlacement, RawSide, Unknown};
use super::{Channel, Config, ConfigIssue, Contact, Department, Parsed, Placement, Side};
use crate::country::Country;
use crate::i18n::Locale;
use crate::links::{self, EmailAddress, Handle, Href, Service};
use crate::phone::PhoneNumber;

pub(super) fn from_json(json: &str, _zones: &dyn crate::zones::Zones) -> Parsed {
    let mut issues = Issues::default();
    let config = match serde_json::from_str::<RawConfig>(json) {
        Ok(raw) => config(raw, &mut issues),
        Err(error) => {
            let message = if error.is_data() {
                format!("cannot read the configuration: {error}")
            } else {
                format!("not valid JSON: {error}")
            };
            issues.push("$", message);
            empty_config()
        }
    };
    Parsed { config, issues: issues.0 }
}

fn empty_config() -> Config {
    Config {
        company: String::new(),
        locale: None,
        default_country: Country::default(),
        placement: Placement::default(),
        launcher_label: None,
        departments: Vec::new(),
        hours: None,
        callback: None,
    }
}

/// The issues found so far, in the order they were found.
#[derive(Default)]
struct Issues(Vec<ConfigIssue>);

impl Issues {
    fn push(&mut self, path: impl Into<String>, message: impl Display) {
        self.0.push(ConfigIssue { path: path.into(), message: message.to_string() });
    }

    /// Unwraps a lenient value, reporting why it is unusable; `fallback` says what happens instead.
    fn take<T>(&mut self, value: Option<Lenient<T>>, path: &str, fallback: &str) -> Option<T> {
        match value?.0 {
            Ok(value) => Some(value),
            Err(error) => {
                self.push(path, format_args!("{error}; {fallback}"));
                None
            }
        }
    }

    fn unknown_fields(&mut self, unknown: &Unknown, parent: &str) {
        for key in unknown.keys() {
            let path = if parent.is_empty() { key.clone() } else { format!("{parent}.{key}") };
            self.push(path, "unknown field, ignored");
        }
    }
}

fn config(raw: RawConfig, issues: &mut Issues) -> Config {
    issues.take(raw.schema, "$schema", "it is ignored");
    let company = issues.take(raw.company, "company", "no company name is shown");
    let locale = issues.take(raw.locale, "locale", "the visitor's language is used").map(|locale| match locale {
        RawLocale::Ru => Locale::Ru,
        RawLocale::En => Locale::En,
    });
    let default_country = issues.take(raw.default_country, "defaultCountry", "using RU").unwrap_or_default();
    let placement = match issues.take(raw.placement, "placement", "using the default placement") {
        Some(placement) => self::placement(placement, issues),
        None => Placement::default(),
    };
    let launcher_label = issues.take(raw.launcher_label, "launcherLabel", "the launcher shows its icon only");
    let departments = match issues.take(raw.departments, "departments", "no contacts are shown") {
        Some(departments) => self::departments(departments, default_country, issues),
        None => Vec::new(),
    };
    if departments.is_empty() {
        issues.push("departments", "no department has a usable contact, so the widget has nothing to show");
    }
    issues.unknown_fields(&raw.unknown, "");
    Config {
        company: company.and_then(non_blank).unwrap_or_default(),
        locale,
        default_country,
        placement,
        launcher_label: launcher_label.and_then(non_blank),
        departments,
        hours: None,
        callback: None,
    }
}

fn placement(raw: RawPlacement, issues: &mut Issues) -> Placement {
    const USE_DEFAULT: &str = "using the default";
    let default = Placement::default();
    let side = issues.take(raw.side, "placement.side", USE_DEFAULT).map(|side| match side {
        RawSide::Left => Side::Left,
        RawSide::Right => Side::Right,
    });
    let placement = Placement {
        side: side.unwrap_or(default.side),
        offset_x: issues.take(raw.offset_x, "placement.offsetX", USE_DEFAULT).unwrap_or(default.offset_x),
        offset_y: issues.take(raw.offset_y, "placement.offsetY", USE_DEFAULT).unwrap_or(default.offset_y),
        z_index: issues.take(raw.z_index, "placement.zIndex", USE_DEFAULT).unwrap_or(default.z_index),
    };
    issues.unknown_fields(&raw.unknown, "placement");
    placement
}

/// A department that has contacts, before its id is settled.
struct Kept {
    /// The index in the configured `departments` array.
    index: usize,
    id: Option<String>,
    name: String,
    contacts: Vec<Contact>,
}

fn departments(raw: Vec<Lenient<RawDepartment>>, country: Country, issues: &mut Issues) -> Vec<Department> {
    let mut kept = Vec::new();
    for (index, department) in raw.into_iter().enumerate() {
        let path = format!("departments[{index}]");
        let department = match department.0 {
            Ok(department) => department,
            Err(error) => {
                issues.push(&path, format_args!("{error}; the department is skipped"));
                continue;
            }
        };
        let id = department.id.filter(|id| {
            let valid = is_valid_id(id);
            if !valid {
                issues.push(
                    format!("{path}.id"),
                    format_args!("{id:?} is not an id: use 1 to 64 Latin letters, digits, - and _"),
                );
            }
            valid
        });
        let contacts: Vec<Contact> = department
            .contacts
            .into_iter()
            .enumerate()
            .filter_map(|(j, contact_item)| contact(contact_item, &format!("{path}.contacts[{j}]"), country, issues))
            .collect();
        issues.unknown_fields(&department.unknown, &path);
        if contacts.is_empty() {
            issues.push(&path, "has no usable contacts, so it is not shown");
            continue;
        }
        let name = department.name.trim().to_owned();
        if name.is_empty() {
            issues.push(format!("{path}.name"), "the name is empty, so the department has no heading");
        }
        kept.push(Kept { index, id, name, contacts });
    }
    assign_ids(kept, issues)
}

/// Ids are for `data-testid` and analytics, so they are kept to characters that need no escaping.
fn is_valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Keeps each configured id the first time it appears and gives every other department
/// `dept-<position>`, stepping aside from ids the configuration already uses.
fn assign_ids(kept: Vec<Kept>, issues: &mut Issues) -> Vec<Department> {
    let mut taken = HashSet::new();
    let mut ids: Vec<Option<String>> = Vec::with_capacity(kept.len());
    for department in &kept {
        let id = department.id.clone().filter(|id| {
            let fresh = taken.insert(id.clone());
            if !fresh {
                let path = format!("departments[{}].id", department.index);
                issues.push(path, format_args!("{id:?} is already used by an earlier department"));
            }
            fresh
        });
        ids.push(id);
    }
    kept.into_iter()
        .zip(ids)
        .map(|(department, id)| {
            let id = id.unwrap_or_else(|| {
                let base = format!("dept-{}", department.index + 1);
                let mut id = base.clone();
                let mut attempt = 1;
                while taken.contains(&id) {
                    attempt += 1;
                    id = format!("{base}-{attempt}");
                }
                taken.insert(id.clone());
                id
            });
            Department { id, name: department.name, contacts: department.contacts, hours: None }
        })
        .collect()
}

/// A contact's link and visible text, or the field that is wrong and why.
type Built = Result<(Href, String), (&'static str, String)>;

fn contact(item: Lenient<RawContact>, path: &str, country: Country, issues: &mut Issues) -> Option<Contact> {
    let raw = match item.0 {
        Ok(raw) => raw,
        Err(error) => {
            issues.push(path, error);
            return None;
        }
    };
    let (channel, built, common): (Channel, Built, Common) = match raw {
        RawContact::Phone(c) => (Channel::Phone, phone(&c.number, c.display, country), c.common),
        RawContact::Email(c) => (Channel::Email, email(&c.address, c.subject, c.body), c.common),
        RawContact::WhatsApp(c) => {
            let built = messenger_phone(&c.phone, country, |number| links::whatsapp(number, c.text.as_deref()));
            (Channel::WhatsApp, built, c.common)
        }
        RawContact::Telegram(c) => (Channel::Telegram, handle(&c.username, "username", links::telegram), c.common),
        RawContact::Viber(c) => (Channel::Viber, messenger_phone(&c.phone, country, links::viber), c.common),
        RawContact::Vk(c) => (Channel::Vk, handle(&c.id, "id", links::vk), c.common),
        RawContact::Messenger(c) => (Channel::Messenger, handle(&c.page, "page", links::messenger), c.common),
        RawContact::Skype(c) => (Channel::Skype, handle(&c.name, "name", links::skype), c.common),
        RawContact::Sms(c) => {
            let built = messenger_phone(&c.phone, country, |number| links::sms(number, c.body.as_deref()));
            (Channel::Sms, built, c.common)
        }
        RawContact::Signal(c) => (Channel::Signal, messenger_phone(&c.phone, country, links::signal), c.common),
        RawContact::Instagram(c) => (Channel::Instagram, handle(&c.user, "user", links::instagram), c.common),
        RawContact::Max(c) => (Channel::Max, max(&c.url), c.common),
    };
    issues.unknown_fields(&common.unknown, path);
    match built {
        Ok((href, text)) => Some(Contact {
            channel,
            href,
            text,
            label: common.label.and_then(non_blank),
            note: common.note.and_then(non_blank),
        }),
        Err((field, message)) => {
            issues.push(format!("{path}.{field}"), message);
            None
        }
    }
}

/// A phone contact shows its `display` text, else the formatted number followed by the extension
/// after a comma: the same pause the `tel:` link dials, and no word that would need translating.
fn phone(number: &str, display: Option<String>, country: Country) -> Built {
    let number = PhoneNumber::parse(number, country).map_err(|error| ("number", error.to_string()))?;
    let text = display.and_then(non_blank).unwrap_or_else(|| match number.extension() {
        Some(extension) => format!("{}, {extension}", number.format_international()),
        None => number.format_international(),
    });
    Ok((links::phone(&number), text))
}

fn email(address: &str, subject: Option<String>, body: Option<String>) -> Built {
    let address = EmailAddress::parse(address).map_err(|error| ("address", error.to_string()))?;
    let href = links::email(&address, subject.as_deref(), body.as_deref());
    Ok((href, address.as_str().to_owned()))
}

/// Numbers for messengers and text messages: an extension is refused rather than silently dropped,
/// since a visitor would reach the switchboard's number instead of the person.
fn messenger_phone(number: &str, country: Country, link: impl FnOnce(&PhoneNumber) -> Href) -> Built {
    let number = PhoneNumber::parse(number, country).map_err(|error| ("phone", error.to_string()))?;
    if number.extension().is_some() {
        return Err(("phone", "this channel cannot dial an extension; give a direct number".to_owned()));
    }
    Ok((link(&number), number.format_international()))
}

/// A handle is shown the way its service writes it (`@yuzhny_veter` for Telegram).
fn handle<S: Service>(input: &str, field: &'static str, link: fn(&Handle<S>) -> Href) -> Built {
    let handle = Handle::<S>::parse(input).map_err(|error| (field, error.to_string()))?;
    Ok((link(&handle), handle.to_string()))
}

/// A MAX link is shown without its scheme (`max.ru/yuzhny_veter`): shorter, and still recognisably MAX.
fn max(url: &str) -> Built {
    let href = links::max(url).map_err(|error| ("url", error.to_string()))?;
    let text = href.as_str().trim_start_matches("https://").trim_end_matches('/').to_owned();
    Ok((href, text))
}

/// Configured texts without their surrounding spaces; a blank text counts as absent.
fn non_blank(text: String) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}
