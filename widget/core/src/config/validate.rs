//! Turns the configuration document into a [`Config`], reporting every problem with its JSON path.
//!
//! The rule is "keep what is valid": an unknown key is reported and ignored, a bad option falls back
//! to its default, a bad contact is dropped, a department left without contacts is dropped, and only
//! a document that is not a JSON object yields an empty configuration. Each problem becomes exactly
//! one [`ConfigIssue`], so the widget's single console message lists them all.
//!
//! The document is parsed once by [`crate::json::parse`] and walked by hand (see [`super::read`]).
//! Each object's keys are listed once below (`*_FIELDS`); the same lists report unknown keys and,
//! through [`document_keys`], hold `config.schema.json` to what the reader accepts.

use super::read::{self, child};
use super::{
    Analytics, CallbackSettings, Channel, Collapse, Config, ConfigIssue, ConsentSettings, Contact, Department,
    LauncherStyle, Parsed, PathPattern, Placement, Side,
};
use crate::country::Country;
use crate::i18n::{Locale, TextOverrides};
use crate::json::{self, Object, Value};
use crate::links::{self, EmailAddress, Handle, Href, Service};
use crate::phone::PhoneNumber;
use crate::safe_url::SafeUrl;
use crate::schedule::{Hours, RawHours};
use crate::theme::{contrast, Color, Scheme, Theme};
use crate::zones::Zones;

const CONFIG_FIELDS: &[&str] = &[
    "$schema",
    "company",
    "locale",
    "defaultCountry",
    "placement",
    "launcherLabel",
    "launcherStyle",
    "theme",
    "analytics",
    "departments",
    "hours",
    "callback",
    "load",
    "texts",
];
const PLACEMENT_FIELDS: &[&str] = &["side", "offsetX", "offsetY", "offsetYMobile", "zIndex", "hideOnPaths", "collapse"];
const THEME_FIELDS: &[&str] = &["accent", "scheme"];
const ANALYTICS_FIELDS: &[&str] = &["dataLayer", "metrika"];
const DEPARTMENT_FIELDS: &[&str] = &["id", "name", "contacts", "hours"];
const CALLBACK_FIELDS: &[&str] = &["endpoint", "formTokenUrl", "topics", "askName", "consent"];
const CONSENT_FIELDS: &[&str] = &["policyUrl", "version"];
/// Keys every contact takes besides its channel's own.
const CONTACT_FIELDS: &[&str] = &["type", "label", "note"];

/// Each contact `type`: its channel and its own keys, the first required (it makes the link), the
/// rest optional texts.
const CONTACT_TYPES: &[(&str, (Channel, &[&str]))] = &[
    ("phone", (Channel::Phone, &["number", "display"])),
    ("email", (Channel::Email, &["address", "subject", "body"])),
    ("whatsapp", (Channel::WhatsApp, &["phone", "text"])),
    ("telegram", (Channel::Telegram, &["username"])),
    ("viber", (Channel::Viber, &["phone"])),
    ("vk", (Channel::Vk, &["id"])),
    ("messenger", (Channel::Messenger, &["page"])),
    ("skype", (Channel::Skype, &["name"])),
    ("sms", (Channel::Sms, &["phone", "body"])),
    ("signal", (Channel::Signal, &["phone"])),
    ("instagram", (Channel::Instagram, &["user"])),
    ("max", (Channel::Max, &["url"])),
];

/// One per file in `widget/core/locales/`; the schema takes any primary subtag, so a new file needs no edit.
const LOCALES: &[(&str, Locale)] = Locale::SHIPPED;
const SIDES: &[(&str, Side)] = &[("left", Side::Left), ("right", Side::Right)];
const COLLAPSE_MODES: &[(&str, Collapse)] = &[("scroll", Collapse::Scroll), ("never", Collapse::Never)];
const LAUNCHER_STYLES: &[(&str, LauncherStyle)] = &[("label", LauncherStyle::Label), ("icon", LauncherStyle::Icon)];
const SCHEMES: &[(&str, Scheme)] = &[("auto", Scheme::Auto), ("light", Scheme::Light), ("dark", Scheme::Dark)];
/// Read by the JS loader only; validated here so that a typo is reported with everything else.
const LOAD_MODES: &[(&str, ())] = &[("idle", ()), ("interaction", ()), ("eager", ())];

/// The callback endpoint of `server-stub`, whose form-token endpoint is known without configuring it.
const STUB_ENDPOINT: &str = "/api/v1/callbacks";
const STUB_FORM_TOKEN_URL: &str = "/api/v1/form-token";
const MAX_TOPICS: usize = 8;
const MAX_TOPIC_CHARS: usize = 40;
const MAX_CONSENT_VERSION_CHARS: usize = 64;
/// Metrica counter ids are whole numbers the loader passes on as JavaScript numbers, which stay
/// exact up to 2^53 - 1.
const MAX_METRIKA_COUNTER: i64 = (1 << 53) - 1;

/// See [`super::document_keys`].
pub(super) fn document_keys() -> Vec<(String, Vec<&'static str>)> {
    let mut objects: Vec<(String, Vec<&'static str>)> = [
        ("Configuration", CONFIG_FIELDS),
        ("Placement", PLACEMENT_FIELDS),
        ("Theme", THEME_FIELDS),
        ("Analytics", ANALYTICS_FIELDS),
        ("Department", DEPARTMENT_FIELDS),
        ("Callback", CALLBACK_FIELDS),
        ("Consent", CONSENT_FIELDS),
    ]
    .into_iter()
    .chain(RawHours::KEYS.iter().copied())
    .map(|(name, keys)| (name.to_owned(), keys.to_vec()))
    .collect();
    for (kind, (_, own)) in CONTACT_TYPES {
        objects.push((format!("Contact:{kind}"), CONTACT_FIELDS.iter().chain(*own).copied().collect()));
    }
    objects
}

/// See [`super::document_values`].
pub(super) fn document_values() -> Vec<(&'static str, Vec<&'static str>)> {
    fn names<T>(variants: &[(&'static str, T)]) -> Vec<&'static str> {
        variants.iter().map(|(name, _)| *name).collect()
    }
    vec![
        ("Side", names(SIDES)),
        ("Load", names(LOAD_MODES)),
        ("Collapse", names(COLLAPSE_MODES)),
        ("LauncherStyle", names(LAUNCHER_STYLES)),
        ("Scheme", names(SCHEMES)),
    ]
}

pub(super) fn from_json(text: &str, zones: &dyn Zones) -> Parsed {
    let mut issues = Issues::default();
    let config = match json::parse(text) {
        Ok(Value::Object(document)) => config(&document, zones, &mut issues),
        Ok(other) => {
            let message = read::invalid_type(&other, "a configuration object");
            issues.push("$", format!("cannot read the configuration: {message}"));
            empty_config()
        }
        Err(error) => {
            issues.push("$", format!("not valid JSON: {error}"));
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
        launcher_style: LauncherStyle::default(),
        theme: Theme::default(),
        analytics: Analytics::default(),
        departments: Vec::new(),
        hours: None,
        callback: None,
        texts: TextOverrides::default(),
    }
}

/// The issues found so far, in the order they were found.
#[derive(Default)]
struct Issues(Vec<ConfigIssue>);

impl Issues {
    fn push(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.0.push(read::issue(path, message));
    }

    /// Reads the optional value at `parent.key`, reporting why it is unusable; `fallback` says
    /// what happens instead.
    fn field<'v, T>(
        &mut self,
        object: &'v Object,
        parent: &str,
        key: &str,
        fallback: &str,
        read_value: impl FnOnce(&'v Value) -> Result<T, String>,
    ) -> Option<T> {
        match read_value(read::get(object, key)?) {
            Ok(value) => Some(value),
            Err(error) => self.complain(&child(parent, key), error, fallback),
        }
    }

    /// The value at `parent.key`, or a "missing field" issue at `parent`.
    fn required<'v>(&mut self, object: &'v Object, parent: &str, key: &str, fallback: &str) -> Option<&'v Value> {
        self.report(read::required(object, key), parent, fallback)
    }

    fn report<T>(&mut self, result: Result<T, String>, path: &str, fallback: &str) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => self.complain(path, error, fallback),
        }
    }

    /// Kept apart from the generic callers so that the wasm carries the formatting once.
    fn complain<T>(&mut self, path: &str, error: String, fallback: &str) -> Option<T> {
        self.push(path, format!("{error}; {fallback}"));
        None
    }

    fn unknown_fields(&mut self, object: &Object, parent: &str, known: &[&str]) {
        for key in read::unknown_keys(object, known) {
            self.push(child(parent, key), "unknown field, ignored");
        }
    }
}

fn config(document: &Object, zones: &dyn Zones, issues: &mut Issues) -> Config {
    issues.field(document, "", "$schema", "it is ignored", read::string);
    let company = issues.field(document, "", "company", "no company name is shown", read::string);
    let locale = issues.field(document, "", "locale", "the visitor's language is used", |v| read::variant(v, LOCALES));
    let default_country = issues
        .field(document, "", "defaultCountry", "using RU", |value| {
            read::string(value)?.parse::<Country>().map_err(|error| error.to_string())
        })
        .unwrap_or_default();
    let placement = issues
        .field(document, "", "placement", "using the default placement", |v| read::object(v, "a placement object"))
        .map_or_else(Placement::default, |placement| self::placement(placement, issues));
    let launcher_label = issues.field(document, "", "launcherLabel", "the launcher shows its icon only", read::string);
    let launcher_style = issues
        .field(document, "", "launcherStyle", "the launcher shows its label", |v| read::variant(v, LAUNCHER_STYLES))
        .unwrap_or_default();
    let theme = issues
        .field(document, "", "theme", "using the default colours", |v| read::object(v, "a theme object"))
        .map_or_else(Theme::default, |theme| self::theme(theme, issues));
    let analytics = issues
        .field(document, "", "analytics", "events are not sent to analytics", |v| {
            read::object(v, "an analytics object")
        })
        .map(|analytics| self::analytics(analytics, issues))
        .unwrap_or_default();
    let hours = hours(read::get(document, "hours"), None, "hours", "no working hours are shown", zones, issues);
    let departments = issues
        .field(document, "", "departments", "no contacts are shown", read::array)
        .map(|departments| self::departments(departments, default_country, hours.as_ref(), zones, issues))
        .unwrap_or_default();
    if departments.is_empty() {
        issues.push("departments", "no department has a usable contact, so the widget has nothing to show");
    }
    let callback = issues
        .field(document, "", "callback", "the callback form is not shown", |v| read::object(v, "a callback object"))
        .and_then(|callback| self::callback(callback, issues));
    issues.field(document, "", "load", "the widget loads when the browser is idle", |v| read::variant(v, LOAD_MODES));
    let texts = issues
        .field(document, "", "texts", "the shipped texts are used", |v| read::object(v, "an object of languages"))
        .map(|texts| self::texts(texts, issues))
        .unwrap_or_default();
    issues.unknown_fields(document, "", CONFIG_FIELDS);
    Config {
        company: company.and_then(non_blank).unwrap_or_default(),
        locale,
        default_country,
        placement,
        launcher_label: launcher_label.and_then(non_blank),
        launcher_style,
        theme,
        analytics,
        departments,
        hours,
        callback,
        texts,
    }
}

fn placement(object: &Object, issues: &mut Issues) -> Placement {
    const USE_DEFAULT: &str = "using the default";
    let default = Placement::default();
    let side = issues.field(object, "placement", "side", USE_DEFAULT, |v| read::variant(v, SIDES));
    let mut offset = |key, fallback| {
        let offset = issues.field(object, "placement", key, fallback, |v| read::integer(v, 0, u16::MAX.into(), "u16"));
        offset.map(|offset| offset as u16)
    };
    let offset_x = offset("offsetX", USE_DEFAULT).unwrap_or(default.offset_x);
    let offset_y = offset("offsetY", USE_DEFAULT).unwrap_or(default.offset_y);
    let offset_y_mobile = offset("offsetYMobile", "using offsetY");
    let z_index = issues
        .field(object, "placement", "zIndex", USE_DEFAULT, |v| {
            read::integer(v, i32::MIN.into(), i32::MAX.into(), "i32")
        })
        .map_or(default.z_index, |z_index| z_index as i32);
    let hide_on_paths = issues
        .field(object, "placement", "hideOnPaths", "the widget is shown on every page", read::array)
        .map(|patterns| path_patterns(patterns, issues))
        .unwrap_or_default();
    let collapse = issues.field(object, "placement", "collapse", USE_DEFAULT, |v| read::variant(v, COLLAPSE_MODES));
    let placement = Placement {
        side: side.unwrap_or(default.side),
        offset_x,
        offset_y,
        offset_y_mobile,
        z_index,
        hide_on_paths,
        collapse: collapse.unwrap_or(default.collapse),
    };
    issues.unknown_fields(object, "placement", PLACEMENT_FIELDS);
    placement
}

fn path_patterns(values: &[Value], issues: &mut Issues) -> Vec<PathPattern> {
    let mut patterns = Vec::new();
    for (index, value) in values.iter().enumerate() {
        let pattern = read::string(value).and_then(PathPattern::parse);
        patterns.extend(issues.report(pattern, &format!("placement.hideOnPaths[{index}]"), "it is ignored"));
    }
    patterns
}

fn theme(object: &Object, issues: &mut Issues) -> Theme {
    const PARENT: &str = "theme";
    let default = Theme::default();
    let accent = issues.field(object, PARENT, "accent", "using the default accent", |v| Color::parse(read::string(v)?));
    let scheme =
        issues.field(object, PARENT, "scheme", "following the visitor's system setting", |v| read::variant(v, SCHEMES));
    issues.unknown_fields(object, PARENT, THEME_FIELDS);
    let theme = Theme { accent: accent.unwrap_or(default.accent), scheme: scheme.unwrap_or(default.scheme) };
    if accent.is_some() {
        accent_contrast(&theme, issues);
    }
    theme
}

/// Names each place where the configured accent itself would make text below 4.5:1. The colour is
/// the site owner's brand and is kept; the widget shows derived shades where it is text.
fn accent_contrast(theme: &Theme, issues: &mut Issues) {
    const PATH: &str = "theme.accent";
    let on_fill = contrast(theme.accent, theme.on_accent());
    if !on_fill.is_readable() {
        let message = format!(
            "text on it (the launcher, the send button) reaches only {on_fill} with {}, below 4.5:1; the colour is kept",
            theme.on_accent()
        );
        issues.push(PATH, message);
    }
    for surface in theme.surfaces() {
        let ratio = contrast(theme.accent, surface.color());
        if !ratio.is_readable() {
            let message = format!(
                "as text on the {} panel it reaches only {ratio}, below 4.5:1; the colour is kept for the launcher and buttons, and links on that panel use {}",
                surface.name(),
                theme.accent_text(surface)
            );
            issues.push(PATH, message);
        }
    }
}

fn analytics(object: &Object, issues: &mut Issues) -> Analytics {
    const PARENT: &str = "analytics";
    let data_layer = issues.field(object, PARENT, "dataLayer", "nothing is pushed to a data layer", data_layer);
    let metrika = issues.field(object, PARENT, "metrika", "no goals are sent to Yandex Metrica", |v| {
        read::integer(v, 1, MAX_METRIKA_COUNTER, "a Metrica counter number")
    });
    issues.unknown_fields(object, PARENT, ANALYTICS_FIELDS);
    Analytics { data_layer: data_layer.flatten(), metrika: metrika.map(|counter| counter as u64) }
}

/// `true` means Google Tag Manager's `dataLayer`; a string names another global array.
fn data_layer(value: &Value) -> Result<Option<String>, String> {
    let valid = |name: &str| {
        let mut bytes = name.bytes();
        name.len() <= 64
            && bytes.next().is_some_and(|b| b.is_ascii_alphabetic() || b == b'_' || b == b'$')
            && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'$')
    };
    match value {
        Value::Bool(true) => Ok(Some("dataLayer".to_owned())),
        Value::Bool(false) => Ok(None),
        Value::String(name) if valid(name) => Ok(Some(name.clone())),
        Value::String(name) => Err(format!("{name:?} is not a global variable name such as \"dataLayer\"")),
        other => Err(read::invalid_type(other, "true or the name of a global array")),
    }
}

/// Validates an hours object, reporting its issues under `path`. Wrong types are not guessed at:
/// each is reported and the whole object is ignored (`fallback` says what applies instead).
fn hours(
    value: Option<&Value>,
    company: Option<&Hours>,
    path: &str,
    fallback: &str,
    zones: &dyn Zones,
    issues: &mut Issues,
) -> Option<Hours> {
    let raw = match RawHours::from_json(value?) {
        Ok(raw) => raw,
        Err(problems) => {
            for problem in problems {
                issues.push(child(path, &problem.path), format!("{}; {fallback}", problem.message));
            }
            return None;
        }
    };
    let parsed = Hours::from_raw(&raw, company, zones);
    for issue in parsed.issues {
        issues.push(child(path, &issue.path), issue.message);
    }
    parsed.hours
}

fn callback(object: &Object, issues: &mut Issues) -> Option<CallbackSettings> {
    const PARENT: &str = "callback";
    const HIDDEN: &str = "the callback form is not shown";
    let endpoint_value = issues.required(object, PARENT, "endpoint", HIDDEN);
    let endpoint = endpoint_value.and_then(|value| issues.report(url(value), "callback.endpoint", HIDDEN));
    let form_token_url = match read::get(object, "formTokenUrl") {
        Some(value) => issues.report(url(value), "callback.formTokenUrl", "the form is sent without a token"),
        None if endpoint_value.and_then(|value| read::string(value).ok()).map(str::trim) == Some(STUB_ENDPOINT) => {
            SafeUrl::parse_path_or_https(STUB_FORM_TOKEN_URL).ok()
        }
        None => None,
    };
    let topics = issues.field(object, PARENT, "topics", "no topics are shown", read::array).map(|t| topics(t, issues));
    let ask_name = issues.field(object, PARENT, "askName", "the name is asked", read::boolean);
    // `None` when a consent checkbox was asked for but is unusable: the form must not collect
    // anything without it.
    let consent = match read::get(object, "consent") {
        Some(value) => consent(value, issues).map(Some),
        None => Some(None),
    };
    issues.unknown_fields(object, PARENT, CALLBACK_FIELDS);
    Some(CallbackSettings {
        endpoint: endpoint?,
        form_token_url,
        topics: topics.unwrap_or_default(),
        ask_name: ask_name.unwrap_or(true),
        consent: consent?,
    })
}

/// `None` when the consent object is unusable, reported with why the form is hidden.
fn consent(value: &Value, issues: &mut Issues) -> Option<ConsentSettings> {
    const PARENT: &str = "callback.consent";
    const HIDDEN: &str = "the callback form is not shown without its consent checkbox";
    let object = issues.report(read::object(value, "a consent object"), PARENT, HIDDEN)?;
    let policy_url = issues
        .required(object, PARENT, "policyUrl", HIDDEN)
        .and_then(|value| issues.report(url(value), "callback.consent.policyUrl", HIDDEN));
    let version = issues.required(object, PARENT, "version", HIDDEN).and_then(|value| {
        let version = read::string(value).map(str::trim).and_then(|version| match version.chars().count() {
            1..=MAX_CONSENT_VERSION_CHARS => Ok(version.to_owned()),
            _ => Err(format!("use 1 to {MAX_CONSENT_VERSION_CHARS} characters")),
        });
        issues.report(version, "callback.consent.version", HIDDEN)
    });
    issues.unknown_fields(object, PARENT, CONSENT_FIELDS);
    Some(ConsentSettings { policy_url: policy_url?, version: version? })
}

/// A link that stays on the site or is https (an endpoint, a policy).
fn url(value: &Value) -> Result<SafeUrl, String> {
    SafeUrl::parse_path_or_https(read::string(value)?).map_err(|error| error.to_string())
}

/// Topics become chips, so blank, overlong and surplus ones are left out rather than shown broken.
fn topics(values: &[Value], issues: &mut Issues) -> Vec<String> {
    if values.len() > MAX_TOPICS {
        issues.push("callback.topics", format!("more than {MAX_TOPICS} topics; only the first {MAX_TOPICS} are shown"));
    }
    let mut topics = Vec::new();
    for (index, value) in values.iter().take(MAX_TOPICS).enumerate() {
        let topic = read::string(value).map(str::trim).and_then(|topic| match topic.chars().count() {
            0 => Err("the topic is empty".to_owned()),
            n if n > MAX_TOPIC_CHARS => Err(format!("longer than {MAX_TOPIC_CHARS} characters")),
            _ => Ok(topic.to_owned()),
        });
        topics.extend(issues.report(topic, &format!("callback.topics[{index}]"), "it is not shown"));
    }
    topics
}

/// A department that has contacts, before its id is settled.
struct Kept {
    /// The index in the configured `departments` array.
    index: usize,
    id: Option<String>,
    name: String,
    contacts: Vec<Contact>,
    hours: Option<Hours>,
}

fn departments(
    values: &[Value],
    country: Country,
    company_hours: Option<&Hours>,
    zones: &dyn Zones,
    issues: &mut Issues,
) -> Vec<Department> {
    let mut kept = Vec::new();
    for (index, value) in values.iter().enumerate() {
        let path = format!("departments[{index}]");
        let fields = || -> Result<_, String> {
            let object = read::object(value, "a department object")?;
            let id = read::optional(object, "id", read::string)?;
            let name = read::string(read::required(object, "name")?)?;
            let contacts = read::array(read::required(object, "contacts")?)?;
            Ok((object, id, name, contacts))
        };
        let Some((object, id, name, contacts)) = issues.report(fields(), &path, "the department is skipped") else {
            continue;
        };
        let id = id.filter(|id| {
            let valid = is_valid_id(id);
            if !valid {
                issues.push(
                    format!("{path}.id"),
                    format!("{id:?} is not an id: use 1 to 64 Latin letters, digits, - and _"),
                );
            }
            valid
        });
        let contacts: Vec<Contact> = contacts
            .iter()
            .enumerate()
            .filter_map(|(j, contact)| self::contact(contact, &format!("{path}.contacts[{j}]"), country, issues))
            .collect();
        let hours_path = format!("{path}.hours");
        let fallback = "the company's hours apply";
        let own_hours = hours(read::get(object, "hours"), company_hours, &hours_path, fallback, zones, issues);
        let hours = Hours::effective(own_hours.as_ref(), company_hours).cloned();
        issues.unknown_fields(object, &path, DEPARTMENT_FIELDS);
        if contacts.is_empty() {
            issues.push(&path, "has no usable contacts, so it is not shown");
            continue;
        }
        let name = name.trim().to_owned();
        if name.is_empty() {
            issues.push(format!("{path}.name"), "the name is empty, so the department has no heading");
        }
        kept.push(Kept { index, id: id.map(str::to_owned), name, contacts, hours });
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
    // A handful of departments: a list is smaller in the wasm than a hash set, and as fast.
    let mut taken: Vec<String> = Vec::with_capacity(kept.len());
    let mut ids: Vec<Option<String>> = Vec::with_capacity(kept.len());
    for department in &kept {
        let id = department.id.clone().filter(|id| {
            let fresh = !taken.contains(id);
            if fresh {
                taken.push(id.clone());
            } else {
                let path = format!("departments[{}].id", department.index);
                issues.push(path, format!("{id:?} is already used by an earlier department"));
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
                taken.push(id.clone());
                id
            });
            Department { id, name: department.name, contacts: department.contacts, hours: department.hours }
        })
        .collect()
}

/// A contact's link and visible text, or why its main field is unusable.
type Built = Result<(Href, String), String>;

/// One contact. A contact that cannot be read as its type (no or an unknown `type`, a missing
/// field, a value of the wrong type) is reported at its own path, like serde did; a value that is
/// read but invalid is reported at its field.
fn contact(value: &Value, path: &str, country: Country, issues: &mut Issues) -> Option<Contact> {
    let fields = || -> Result<_, String> {
        let object = read::object(value, "a contact object with a \"type\"")?;
        let (channel, keys) = read::variant(read::required(object, "type")?, CONTACT_TYPES)?;
        let main = read::string(read::required(object, keys[0])?)?;
        let extras =
            keys[1..].iter().map(|key| read::optional(object, key, read::string)).collect::<Result<Vec<_>, _>>()?;
        let label = read::optional(object, "label", read::string)?;
        let note = read::optional(object, "note", read::string)?;
        Ok((object, channel, keys, main, extras, label, note))
    };
    let (object, channel, keys, main, extras, label, note) = match fields() {
        Ok(contact) => contact,
        Err(error) => {
            issues.push(path, error);
            return None;
        }
    };
    let extra = |index: usize| extras.get(index).copied().flatten();
    let built = match channel {
        Channel::Phone => phone(main, extra(0), country),
        Channel::Email => email(main, extra(0), extra(1)),
        Channel::WhatsApp => messenger_phone(main, country, &|number| links::whatsapp(number, extra(0))),
        Channel::Telegram => handle(main, links::telegram),
        Channel::Viber => messenger_phone(main, country, &links::viber),
        Channel::Vk => handle(main, links::vk),
        Channel::Messenger => handle(main, links::messenger),
        Channel::Skype => handle(main, links::skype),
        Channel::Sms => messenger_phone(main, country, &|number| links::sms(number, extra(0))),
        Channel::Signal => messenger_phone(main, country, &links::signal),
        Channel::Instagram => handle(main, links::instagram),
        Channel::Max => max(main),
    };
    issues.unknown_fields(object, path, &[CONTACT_FIELDS, keys].concat());
    match built {
        Ok((href, text)) => {
            Some(Contact { channel, href, text, label: label.and_then(non_blank), note: note.and_then(non_blank) })
        }
        Err(message) => {
            issues.push(child(path, keys[0]), message);
            None
        }
    }
}

/// A phone contact shows its `display` text, else the formatted number followed by the extension
/// after a comma: the same pause the `tel:` link dials, and no word that would need translating.
fn phone(number: &str, display: Option<&str>, country: Country) -> Built {
    let number = PhoneNumber::parse(number, country).map_err(|error| error.to_string())?;
    let text = display.and_then(non_blank).unwrap_or_else(|| match number.extension() {
        Some(extension) => format!("{}, {extension}", number.format_international()),
        None => number.format_international(),
    });
    Ok((links::phone(&number), text))
}

fn email(address: &str, subject: Option<&str>, body: Option<&str>) -> Built {
    let address = EmailAddress::parse(address).map_err(|error| error.to_string())?;
    Ok((links::email(&address, subject, body), address.as_str().to_owned()))
}

/// Numbers for messengers and text messages: an extension is refused rather than silently dropped,
/// since a visitor would reach the switchboard's number instead of the person.
fn messenger_phone(number: &str, country: Country, link: &dyn Fn(&PhoneNumber) -> Href) -> Built {
    let number = PhoneNumber::parse(number, country).map_err(|error| error.to_string())?;
    if number.extension().is_some() {
        return Err("this channel cannot dial an extension; give a direct number".to_owned());
    }
    Ok((link(&number), number.format_international()))
}

/// A handle is shown the way its service writes it (`@yuzhny_veter` for Telegram).
fn handle<S: Service>(input: &str, link: fn(&Handle<S>) -> Href) -> Built {
    let handle = Handle::<S>::parse(input).map_err(|error| error.to_string())?;
    Ok((link(&handle), handle.to_string()))
}

/// A MAX link is shown without its scheme (`max.ru/yuzhny_veter`): shorter, and still recognisably MAX.
fn max(url: &str) -> Built {
    let href = links::max(url).map_err(|error| error.to_string())?;
    let text = href.as_str().trim_start_matches("https://").trim_end_matches('/').to_owned();
    Ok((href, text))
}

/// Configured texts without their surrounding spaces; a blank text counts as absent.
fn non_blank(text: &str) -> Option<String> {
    let trimmed = text.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_owned())
}

/// The owner's texts (`texts.<language>.<key>`): each language a shipped one, each key one of the
/// language files', each text with its original's placeholders. Anything else is reported and the
/// shipped text stays.
fn texts(object: &Object, issues: &mut Issues) -> TextOverrides {
    let mut texts = TextOverrides::default();
    for (tag, value) in object.iter() {
        let path = child("texts", tag);
        let language = read::variant(&Value::String(tag.to_owned()), LOCALES)
            .map_err(|error| format!("not a shipped language ({error})"))
            .and_then(|locale| Ok((locale, read::object(value, "an object of texts by key")?)));
        let Some((locale, own)) = issues.report(language, &path, "these texts are ignored") else { continue };
        for (key, text) in own.iter() {
            let added = read::string(text).and_then(|text| texts.add(locale, key, text));
            issues.report(added, &child(&path, key), "the shipped text is used");
        }
    }
    texts
}
