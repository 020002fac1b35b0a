//! Link builders: one function per channel, each producing the exact form its app expects.
//!
//! An [`Href`] is only ever made here, from parts that were validated when they were parsed
//! ([`PhoneNumber`], [`EmailAddress`], a [`Handle`] of the right service, a [`SafeUrl`]), so every
//! `href` the widget renders has an allowlisted scheme and no room for injected syntax. Free text
//! (a prefilled message, an e-mail subject) is percent-encoded as UTF-8 with only RFC 3986
//! unreserved characters left as they are: a space becomes `%20`, never `+`, because `mailto:` and
//! several messengers do not read `+` as a space.

use std::fmt;
use std::marker::PhantomData;

use crate::phone::PhoneNumber;
use crate::safe_url::{self, SafeUrl, UrlError};

/// A link that is safe to put in `href`: built here from validated parts, or a checked [`SafeUrl`].
/// Only this crate can construct one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Href(String);

impl Href {
    /// The link, ready for an `href` attribute.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<SafeUrl> for Href {
    fn from(url: SafeUrl) -> Href {
        Href(url.as_str().to_owned())
    }
}

impl fmt::Display for Href {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A call link in E.164: `tel:+74951234567`.
///
/// An extension follows a comma, `tel:+74951234567,123`: the comma is a dialling pause that iOS and
/// Android dialers honour, dialling the extension once the call connects, while RFC 3966's `;ext=`
/// is ignored by most of them.
pub fn phone(number: &PhoneNumber) -> Href {
    let mut href = format!("tel:+{}", number.digits());
    if let Some(extension) = number.extension() {
        href.push(',');
        href.push_str(extension);
    }
    Href(href)
}

/// A `mailto:` link with an optional subject and body; empty texts are left out.
///
/// Line breaks in the body are sent as CRLF, as RFC 6068 requires.
///
/// ```
/// use contact_core::links::{self, EmailAddress};
/// let address = EmailAddress::parse("buh@yuzhny-veter.example").unwrap();
/// let href = links::email(&address, Some("Счёт"), None);
/// assert_eq!(href.as_str(), "mailto:buh@yuzhny-veter.example?subject=%D0%A1%D1%87%D1%91%D1%82");
/// ```
pub fn email(address: &EmailAddress, subject: Option<&str>, body: Option<&str>) -> Href {
    let mut href = format!("mailto:{}", address.as_str());
    let body = body.map(|body| body.replace("\r\n", "\n").replace('\n', "\r\n"));
    push_query(&mut href, &[("subject", subject), ("body", body.as_deref())]);
    Href(href)
}

/// A WhatsApp chat: `https://wa.me/<digits>` with an optional prefilled `text`. The number's
/// extension, if any, is not used: a messenger reaches a subscriber, not an office line.
pub fn whatsapp(number: &PhoneNumber, text: Option<&str>) -> Href {
    let mut href = format!("https://wa.me/{}", number.digits());
    push_query(&mut href, &[("text", text)]);
    Href(href)
}

/// A Telegram chat: `https://t.me/<username>`.
pub fn telegram(user: &Handle<Telegram>) -> Href {
    Href(format!("https://t.me/{}", user.as_str()))
}

/// A Viber chat: `viber://chat?number=%2B<digits>`. The `+` must be encoded: Viber reads a bare `+`
/// in its query as a space and then finds no such number. The extension is not used.
pub fn viber(number: &PhoneNumber) -> Href {
    Href(format!("viber://chat?number=%2B{}", number.digits()))
}

/// A VK message: `https://vk.me/<id>`.
pub fn vk(id: &Handle<Vk>) -> Href {
    Href(format!("https://vk.me/{}", id.as_str()))
}

/// A Facebook Messenger chat with a page: `https://m.me/<page>`.
pub fn messenger(page: &Handle<Messenger>) -> Href {
    Href(format!("https://m.me/{}", page.as_str()))
}

/// A Skype chat: `skype:<name>?chat`.
pub fn skype(name: &Handle<Skype>) -> Href {
    Href(format!("skype:{}?chat", name.as_str()))
}

/// A text message: `sms:+<digits>` with an optional prefilled `body`. The extension is not used.
pub fn sms(number: &PhoneNumber, body: Option<&str>) -> Href {
    let mut href = format!("sms:+{}", number.digits());
    push_query(&mut href, &[("body", body)]);
    Href(href)
}

/// A Signal chat: `https://signal.me/#p/+<digits>`. The `+` stays as it is: it is in the fragment,
/// which Signal reads verbatim, and `%2B` there is not recognised. The extension is not used.
pub fn signal(number: &PhoneNumber) -> Href {
    Href(format!("https://signal.me/#p/+{}", number.digits()))
}

/// An Instagram direct message: `https://ig.me/m/<user>`.
pub fn instagram(user: &Handle<Instagram>) -> Href {
    Href(format!("https://ig.me/m/{}", user.as_str()))
}

/// The host of MAX profile links.
pub const MAX_HOST: &str = "max.ru";

/// A MAX chat: the profile link the site owner copied from the app, accepted only as https on
/// [`MAX_HOST`] or a subdomain, and used as is once normalised (MAX publishes no other link form).
pub fn max(profile_url: &str) -> Result<Href, UrlError> {
    SafeUrl::parse_https(profile_url, MAX_HOST).map(Href::from)
}

/// Appends `?name=value&…` for the parameters that have non-empty values.
fn push_query(href: &mut String, params: &[(&str, Option<&str>)]) {
    let mut separator = '?';
    for (name, value) in params {
        if let Some(value) = value.filter(|value| !value.is_empty()) {
            href.push(separator);
            href.push_str(name);
            href.push('=');
            push_percent_encoded(href, value);
            separator = '&';
        }
    }
}

/// Percent-encodes UTF-8, keeping only RFC 3986 unreserved characters.
fn push_percent_encoded(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0F)]));
        }
    }
}

/// An e-mail address that can stand in a `mailto:` link without escaping: one `@`, a local part of
/// ASCII letters, digits and `.!$'*+-=^_~`, and a domain name with at least two labels.
///
/// Internationalised domains are written as `xn--…`; characters with a meaning in URLs (`?&#%`, spaces)
/// are refused rather than encoded, because an address that needs them is almost always a typo.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

/// Why a text is not an e-mail address the widget can link to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmailError {
    /// Nothing but spaces.
    Empty,
    /// No `@`, or more than one.
    NotOneAt,
    /// The part before `@` is empty, too long, has characters outside the allowed set, or misplaced dots.
    InvalidLocalPart,
    /// The part after `@` is not a domain name with at least two labels.
    InvalidDomain,
}

impl fmt::Display for EmailError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            EmailError::Empty => "the e-mail address is empty",
            EmailError::NotOneAt => "an e-mail address has exactly one \"@\"",
            EmailError::InvalidLocalPart => {
                "the part before \"@\" may contain only Latin letters, digits and .!$'*+-=^_~, \
                 with no dot at either end or two in a row"
            }
            EmailError::InvalidDomain => {
                "the part after \"@\" must be a domain name such as example.ru (write Cyrillic domains as xn--…)"
            }
        })
    }
}

impl std::error::Error for EmailError {}

impl EmailAddress {
    /// Checks an address; surrounding spaces and a pasted `mailto:` in front are ignored, and the
    /// domain is lower-cased.
    pub fn parse(input: &str) -> Result<EmailAddress, EmailError> {
        let input = input.trim();
        let input = match input.get(..7) {
            Some(scheme) if scheme.eq_ignore_ascii_case("mailto:") => &input[7..],
            _ => input,
        };
        if input.is_empty() {
            return Err(EmailError::Empty);
        }
        let (local, domain) = match input.split_once('@') {
            Some((local, domain)) if !domain.contains('@') => (local, domain),
            _ => return Err(EmailError::NotOneAt),
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| c.is_ascii_alphanumeric() || ".!$'*+-=^_~".contains(c));
        if !local_ok {
            return Err(EmailError::InvalidLocalPart);
        }
        if !domain.contains('.') || !safe_url::is_domain_name(domain) || local.len() + domain.len() > 253 {
            return Err(EmailError::InvalidDomain);
        }
        Ok(EmailAddress(format!("{local}@{}", domain.to_ascii_lowercase())))
    }

    /// The address as it is shown and linked.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A username, page name or id on one messaging service, checked against that service's rules.
/// The service is part of the type, so a VK id cannot be passed where a Telegram username is due.
///
/// ```
/// use contact_core::links::{self, Handle, Telegram};
/// let user: Handle<Telegram> = Handle::parse("https://t.me/yuzhny_veter").unwrap();
/// assert_eq!(user.as_str(), "yuzhny_veter");
/// assert_eq!(links::telegram(&user).as_str(), "https://t.me/yuzhny_veter");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Handle<S> {
    name: String,
    service: PhantomData<S>,
}

/// What a service accepts as a handle. Only the services in this module have rules.
#[derive(Debug, PartialEq, Eq)]
pub struct HandleRules {
    /// The handle's name in messages ("Telegram username").
    what: &'static str,
    /// Links whose remainder is the handle, lower case, without the scheme (`t.me/`).
    link_prefixes: &'static [&'static str],
    /// Characters allowed besides ASCII letters and digits.
    extra_chars: &'static str,
    /// A literal prefix some handles carry (Skype's `live:`), outside the length and letter rules.
    name_prefix: Option<&'static str>,
    /// The shortest and longest handle, prefix excluded.
    lengths: (usize, usize),
    starts_with_letter: bool,
    /// Whether the service's own app writes handles with a leading `@`.
    at_sign: bool,
}

/// A messaging service whose chats are addressed by a handle.
pub trait Service: sealed::Sealed {
    /// The service's handle rules.
    const RULES: HandleRules;
}

mod sealed {
    pub trait Sealed {}
}

macro_rules! services {
    ($($(#[$doc:meta])* $service:ident => $rules:expr;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $service {}
        impl sealed::Sealed for $service {}
        impl Service for $service {
            const RULES: HandleRules = $rules;
        }
    )*};
}

services! {
    /// Telegram usernames: 5–32 of `A–Z a–z 0–9 _`, starting with a letter.
    Telegram => HandleRules {
        what: "Telegram username",
        link_prefixes: &["t.me/", "telegram.me/"],
        extra_chars: "_",
        name_prefix: None,
        lengths: (5, 32),
        starts_with_letter: true,
        at_sign: true,
    };
    /// VK short names and ids (`yuzhny_veter`, `club123`): 3–32 of `A–Z a–z 0–9 _ .`, starting with a letter.
    Vk => HandleRules {
        what: "VK id",
        link_prefixes: &["vk.com/", "m.vk.com/", "vk.ru/", "vk.me/"],
        extra_chars: "_.",
        name_prefix: None,
        lengths: (3, 32),
        starts_with_letter: true,
        at_sign: false,
    };
    /// Facebook page names or numeric page ids: 5–50 of `A–Z a–z 0–9 .`.
    Messenger => HandleRules {
        what: "Facebook page name",
        link_prefixes: &["m.me/", "facebook.com/", "www.facebook.com/", "fb.com/"],
        extra_chars: ".",
        name_prefix: None,
        lengths: (5, 50),
        starts_with_letter: false,
        at_sign: false,
    };
    /// Skype names: 6–32 of `A–Z a–z 0–9 . , _ -` starting with a letter, or a Microsoft account
    /// name such as `live:.cid.123abc`.
    Skype => HandleRules {
        what: "Skype name",
        link_prefixes: &[],
        extra_chars: ".,_-",
        name_prefix: Some("live:"),
        lengths: (6, 32),
        starts_with_letter: true,
        at_sign: false,
    };
    /// Instagram usernames: 1–30 of `A–Z a–z 0–9 . _`.
    Instagram => HandleRules {
        what: "Instagram username",
        link_prefixes: &["instagram.com/", "www.instagram.com/", "ig.me/m/"],
        extra_chars: "._",
        name_prefix: None,
        lengths: (1, 30),
        starts_with_letter: false,
        at_sign: true,
    };
}

/// Why a text is not a valid handle; [`fmt::Display`] names the service's rule in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandleError {
    rules: &'static HandleRules,
    problem: HandleProblem,
}

/// Which of a service's handle rules was broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandleProblem {
    /// Nothing but spaces.
    Empty,
    /// A link to some other site than the service's own.
    OtherSite,
    /// A character outside the service's set (this includes `/` left over from a longer link).
    InvalidCharacters,
    /// Shorter or longer than the service allows.
    WrongLength,
    /// The service wants a letter first.
    MustStartWithLetter,
}

impl HandleError {
    /// Which rule was broken.
    pub fn problem(&self) -> HandleProblem {
        self.problem
    }
}

impl fmt::Display for HandleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rules = self.rules;
        match self.problem {
            HandleProblem::Empty => write!(f, "the {} is empty", rules.what),
            HandleProblem::OtherSite => {
                write!(f, "the link does not lead to the service; give the {} alone", rules.what)
            }
            HandleProblem::InvalidCharacters => {
                write!(f, "a {} may contain only Latin letters, digits and {:?}", rules.what, rules.extra_chars)
            }
            HandleProblem::WrongLength => {
                write!(f, "a {} is {} to {} characters long", rules.what, rules.lengths.0, rules.lengths.1)
            }
            HandleProblem::MustStartWithLetter => write!(f, "a {} starts with a Latin letter", rules.what),
        }
    }
}

impl std::error::Error for HandleError {}

impl<S: Service> Handle<S> {
    /// Reads a handle as site owners paste it: the name alone, with `@`, or as the service's link
    /// with or without `https://` (`t.me/name`, `https://www.instagram.com/name/?hl=ru`).
    pub fn parse(input: &str) -> Result<Handle<S>, HandleError> {
        let rules = &S::RULES;
        let error = |problem| HandleError { rules, problem };
        let input = input.trim();
        let without_scheme =
            strip_prefix_ignore_case(input, "https://").or_else(|| strip_prefix_ignore_case(input, "http://"));
        let from_link = rules.link_prefixes.iter().find_map(|prefix| {
            strip_prefix_ignore_case(input, prefix)
                .or_else(|| without_scheme.and_then(|rest| strip_prefix_ignore_case(rest, prefix)))
        });
        let name = match (from_link, without_scheme) {
            // Copied links carry tracking queries and a trailing slash that are not part of the name.
            (Some(path), _) => {
                let path = path.split(['?', '#']).next().unwrap_or_default();
                path.strip_suffix('/').unwrap_or(path)
            }
            (None, Some(_)) => return Err(error(HandleProblem::OtherSite)),
            (None, None) => input.strip_prefix('@').unwrap_or(input),
        };
        if name.is_empty() {
            return Err(error(HandleProblem::Empty));
        }
        let (prefix, core) =
            match rules.name_prefix.and_then(|prefix| Some((prefix, strip_prefix_ignore_case(name, prefix)?))) {
                Some((prefix, core)) => (prefix, core),
                None => ("", name),
            };
        if !core.chars().all(|c| c.is_ascii_alphanumeric() || rules.extra_chars.contains(c)) {
            return Err(error(HandleProblem::InvalidCharacters));
        }
        if !(rules.lengths.0..=rules.lengths.1).contains(&core.len()) {
            return Err(error(HandleProblem::WrongLength));
        }
        if prefix.is_empty() && rules.starts_with_letter && !core.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return Err(error(HandleProblem::MustStartWithLetter));
        }
        Ok(Handle { name: format!("{prefix}{core}"), service: PhantomData })
    }

    /// The handle alone, without `@` or link (`yuzhny_veter`).
    pub fn as_str(&self) -> &str {
        &self.name
    }
}

/// The handle as the service's own app writes it: `@yuzhny_veter` on Telegram and Instagram, the
/// bare name elsewhere.
impl<S: Service> fmt::Display for Handle<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if S::RULES.at_sign {
            f.write_str("@")?;
        }
        f.write_str(&self.name)
    }
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix).then(|| &text[prefix.len()..])
}
