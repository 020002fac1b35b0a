//! The widget configuration: one JSON document written by a site owner, parsed leniently and
//! validated into [`Config`].
//!
//! Invariants: a [`Config`] holds only contacts whose links were built by [`crate::links`] (so every
//! `href` has an allowlisted scheme) and URLs parsed by [`SafeUrl`], and every problem found on the
//! way is reported as a [`ConfigIssue`] naming the field path. A bad contact, department or option
//! is dropped or replaced by its default; the valid rest still renders.
//!
//! The document (described for site owners in `docs/config.md` and for editors by
//! `widget/core/config.schema.json`) is parsed once into a [`crate::json::Value`] and walked by
//! hand: both ship in the widget's wasm, where serde derives would cost several times as much.
//! [`document_keys`] and [`document_values`] expose what the walker accepts, so a test holds the
//! maintained schema to it.

pub(crate) mod read;
mod validate;

use crate::country::Country;
use crate::i18n::{Locale, TextOverrides};
use crate::links::Href;
use crate::safe_url::SafeUrl;
use crate::schedule::Hours;
use crate::theme::Theme;
use crate::zones::Zones;

/// A validated configuration, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The business name shown in the panel heading and used for the dialog's accessible name.
    pub company: String,
    /// The configured UI language; `None` means "take the host page's `lang`, else the browser's".
    pub locale: Option<Locale>,
    /// The country assumed for phone numbers written without an international prefix.
    pub default_country: Country,
    /// Where the launcher sits on the host page.
    pub placement: Placement,
    /// The launcher's visible label; `None` shows the icon only (the accessible name then comes from
    /// the messages).
    pub launcher_label: Option<String>,
    /// Whether the launcher shows its label or only its icon.
    pub launcher_style: LauncherStyle,
    /// The accent colour and the colour scheme.
    pub theme: Theme,
    /// Where the widget's events are also sent (Google Tag Manager, Yandex Metrica).
    pub analytics: Analytics,
    /// Departments in configured order, each with its own contacts. Never contains an empty department.
    pub departments: Vec<Department>,
    /// The company's working hours; `None` when none are configured (or none are valid), and then the
    /// widget shows no opening times and promises no callback time it cannot derive.
    pub hours: Option<Hours>,
    /// The callback form; `None` hides it (no endpoint configured).
    pub callback: Option<CallbackSettings>,
    /// The owner's replacements for shipped texts, by language and key (`texts` in the document).
    pub texts: TextOverrides,
}

/// The callback form's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct CallbackSettings {
    /// Where requests are posted: a same-origin path (`/api/v1/callbacks`) or an `https` URL.
    pub endpoint: SafeUrl,
    /// Where the signed fill-time token is fetched from; `None` for endpoints that issue none.
    pub form_token_url: Option<SafeUrl>,
    /// One-tap topics offered above the form ("Подбор тура"); empty hides the chips.
    pub topics: Vec<String>,
    /// Whether the form asks for the visitor's name (optional for the visitor either way).
    pub ask_name: bool,
    /// The consent checkbox, when the site must collect consent (Russian sites under 152-FZ).
    pub consent: Option<ConsentSettings>,
}

/// The consent checkbox shown under the callback form.
#[derive(Debug, Clone, PartialEq)]
pub struct ConsentSettings {
    /// The privacy policy the checkbox links to.
    pub policy_url: SafeUrl,
    /// The version of the consent text, stored with every request as proof of what was agreed to.
    pub version: String,
}

/// Which side of the viewport the launcher sits on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Side {
    /// The bottom-left corner.
    Left,
    /// The bottom-right corner, where visitors expect a chat launcher.
    #[default]
    Right,
}

/// The launcher's position and when it steps aside. Offsets are CSS pixels from the chosen side and
/// the bottom edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    /// The corner the launcher sits in.
    pub side: Side,
    /// CSS pixels from the left or right edge.
    pub offset_x: u16,
    /// CSS pixels from the bottom edge: room for a cookie banner.
    pub offset_y: u16,
    /// CSS pixels from the bottom edge on narrow viewports (up to 600 px wide), where banners are
    /// taller; `None` uses `offset_y`.
    pub offset_y_mobile: Option<u16>,
    /// The CSS `z-index` of the launcher and panel.
    pub z_index: i32,
    /// Pages where the widget is not shown at all (`/checkout`, `/cart/*`).
    pub hide_on_paths: Vec<PathPattern>,
    /// How the launcher keeps out of the way on narrow viewports.
    pub collapse: Collapse,
}

impl Default for Placement {
    fn default() -> Self {
        Placement {
            side: Side::Right,
            offset_x: 20,
            offset_y: 20,
            offset_y_mobile: None,
            z_index: 2_147_483_000,
            hide_on_paths: Vec::new(),
            collapse: Collapse::Scroll,
        }
    }
}

/// How the launcher behaves on narrow viewports (up to 600 px wide), where it covers page content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Collapse {
    /// Once the visitor scrolls, the launcher shrinks to its icon; it slides out while they scroll
    /// down and comes back when they scroll up or reach the end of the page.
    #[default]
    Scroll,
    /// The launcher always stays as configured.
    Never,
}

/// What the launcher shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LauncherStyle {
    /// The icon and, when one is configured, the label.
    #[default]
    Label,
    /// The icon only; the label (or the default text) becomes its accessible name.
    Icon,
}

/// A page path pattern of `placement.hideOnPaths`, matched against `location.pathname`.
///
/// Without `*` the pattern names one page: `/checkout` matches `/checkout` and `/checkout/`. A
/// pattern ending in `*` matches every path that starts with what comes before the `*`, and
/// `/cart/*` also matches `/cart` itself. Matching is case-sensitive, like paths; the query string
/// and the fragment are not part of the path. The loader applies the same rule (`pathMatches`).
///
/// ```
/// use contact_core::config::PathPattern;
/// let cart = PathPattern::parse("/cart/*").unwrap();
/// assert!(cart.matches("/cart") && cart.matches("/cart/items/2") && !cart.matches("/cartoon"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathPattern(String);

impl PathPattern {
    /// Reads a pattern: a path starting with `/`, without spaces, `?` or `#`, with `*` only at the end.
    pub fn parse(text: &str) -> Result<PathPattern, String> {
        let body = text.strip_suffix('*').unwrap_or(text);
        if !text.starts_with('/') {
            Err(format!("{text:?} is not a path: start it with /, e.g. \"/checkout\""))
        } else if body.contains(['*', '?', '#']) || body.contains(char::is_whitespace) {
            Err(format!("{text:?} is not a path pattern: no spaces, ? or #, and * only at the end"))
        } else {
            Ok(PathPattern(text.to_owned()))
        }
    }

    /// The pattern as configured.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether the page at `path` (a `location.pathname`) is one this pattern names.
    pub fn matches(&self, path: &str) -> bool {
        match self.0.strip_suffix('*') {
            // `/cart` + `/` starts with `/cart/`: the section's own page is part of it.
            Some(prefix) => [path, "/"].concat().starts_with(prefix),
            None => without_trailing_slash(&self.0) == without_trailing_slash(path),
        }
    }
}

/// `/a/` is the page `/a`; the root `/` stays itself.
fn without_trailing_slash(path: &str) -> &str {
    match path.strip_suffix('/') {
        Some(rest) if !rest.is_empty() => rest,
        _ => path,
    }
}

/// Where the loader also sends each event, as `contact_widget_<event>` with the event's details
/// (never personal data).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analytics {
    /// The global array events are pushed to for Google Tag Manager (usually `dataLayer`).
    pub data_layer: Option<String>,
    /// The Yandex Metrica counter whose `reachGoal` receives each event.
    pub metrika: Option<u64>,
}

/// A group of contacts that answers one kind of question ("Продажи", "Сервис").
#[derive(Debug, Clone, PartialEq)]
pub struct Department {
    /// A stable identifier (from the config, or derived from the position) for tests and analytics.
    pub id: String,
    /// The heading shown above the contacts; empty only if the configuration left it blank.
    pub name: String,
    /// The contacts in configured order. Never empty.
    pub contacts: Vec<Contact>,
    /// The department's effective hours: its own, completed from the company's, or the company's.
    pub hours: Option<Hours>,
}

/// The channel a contact opens; decides the icon and the accessible description.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A call (`tel:`).
    Phone,
    /// An e-mail (`mailto:`).
    Email,
    /// A WhatsApp chat.
    WhatsApp,
    /// A Telegram chat.
    Telegram,
    /// A Viber chat.
    Viber,
    /// A VK message.
    Vk,
    /// A Facebook Messenger chat.
    Messenger,
    /// A Skype chat.
    Skype,
    /// A text message (`sms:`).
    Sms,
    /// A Signal chat.
    Signal,
    /// An Instagram direct message.
    Instagram,
    /// A MAX chat.
    Max,
}

/// One tappable contact, ready to render as `<a href>`.
#[derive(Debug, Clone, PartialEq)]
pub struct Contact {
    pub channel: Channel,
    /// The link, built and checked by [`crate::links`].
    pub href: Href,
    /// The visible text: the phone as configured or formatted, the e-mail address, the username.
    pub text: String,
    /// An optional label shown above the text ("Многоканальный", "Отдел продаж").
    pub label: Option<String>,
    /// An optional note shown below the text ("бесплатно по России", "платный номер").
    pub note: Option<String>,
}

/// One problem found in a configuration: where it is and what is wrong, in English for the site owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigIssue {
    /// A JSON path such as `departments[1].contacts[0].url`; `$` for the document itself.
    pub path: String,
    /// What is wrong and, where it matters, what the widget does instead.
    pub message: String,
}

impl std::fmt::Display for ConfigIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The outcome of reading a configuration: always a usable [`Config`], plus every issue found.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Everything valid in the document; defaults where it had nothing usable.
    pub config: Config,
    /// Every problem found, empty for a clean document.
    pub issues: Vec<ConfigIssue>,
}

/// The keys each kind of object in the document takes, by its name in `config.schema.json`
/// (`Configuration` for the document itself, `Contact:phone` for a contact of type `phone`, `Hours`,
/// `Weekly`, …): exactly the keys the reader accepts without an "unknown field" issue.
pub fn document_keys() -> Vec<(String, Vec<&'static str>)> {
    validate::document_keys()
}

/// The values each enumerated option takes, by its name in `config.schema.json` (`Side`, `Load`,
/// `Scheme`, …; `locale` is a pattern, and [`Locale::ALL`] lists the shipped languages). Contact types
/// are the `Contact:…` names of [`document_keys`]; country codes are [`Country::all`].
pub fn document_values() -> Vec<(&'static str, Vec<&'static str>)> {
    validate::document_values()
}

impl Config {
    /// Parses and validates a configuration document. Never fails: a document that is not JSON at
    /// all yields an empty configuration and one issue at `$`. `zones` validates the time zones of
    /// working hours (the browser's `Intl` in the widget, a tz database on the server).
    ///
    /// ```
    /// use contact_core::config::Config;
    /// use contact_core::zones::JiffZones;
    /// let parsed = Config::from_json(r#"{"departments": [{"name": "Продажи", "contacts": [
    ///     {"type": "phone", "number": "8 (495) 123-45-67"},
    ///     {"type": "max", "url": "javascript:alert(1)"}
    /// ]}]}"#, &JiffZones);
    /// assert_eq!(parsed.config.departments[0].contacts[0].href.as_str(), "tel:+74951234567");
    /// assert_eq!(parsed.issues[0].to_string(), r#"departments[0].contacts[1].url: scheme "javascript" is not allowed"#);
    /// ```
    pub fn from_json(json: &str, zones: &dyn Zones) -> Parsed {
        validate::from_json(json, zones)
    }

    /// The department with `id`, else the first one: a request names no department when the
    /// configuration has only one.
    pub fn department_or_first(&self, id: Option<&str>) -> Option<&Department> {
        id.and_then(|id| self.departments.iter().find(|department| department.id == id)).or(self.departments.first())
    }

    /// The hours that apply to a request for the department `id` (see
    /// [`Config::department_or_first`]): the department's effective hours, else the company's.
    pub fn hours_for(&self, id: Option<&str>) -> Option<&Hours> {
        self.department_or_first(id).and_then(|department| department.hours.as_ref()).or(self.hours.as_ref())
    }
}
