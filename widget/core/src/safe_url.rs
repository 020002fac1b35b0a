//! URLs from configuration, parsed before they can reach an `href`.
//!
//! A [`SafeUrl`] exists only through one of its parsers, so holding one proves that its scheme is on
//! the allowlist ([`ALLOWED_SCHEMES`]) and that a web link's host is a plain domain name with no user
//! name in front of it. The parsers read the scheme the way browsers do (the WHATWG URL standard):
//! leading and trailing control characters and spaces are stripped, tabs and newlines are removed
//! anywhere, and the scheme is ASCII letters, digits, `+`, `-` and `.` up to the first `:`, in any
//! case. Everything a browser would *not* read as a scheme but an HTML parser or a careless decoder
//! might — character references (`&#106;`), percent-escapes (`%6A`), invisible and full-width
//! characters — is rejected outright rather than guessed at: a site owner never needs them.
//!
//! No `url` crate on purpose: its internationalised-domain tables would dwarf the widget. Host names
//! must therefore be ASCII (write internationalised domains as `xn--…`).

use std::fmt;

/// Schemes a configured link may use. `http` is left out: every service the widget links to serves
/// https, and a plain-http link would let a network attacker rewrite where the visitor lands.
pub const ALLOWED_SCHEMES: [&str; 6] = ["https", "mailto", "tel", "sms", "viber", "skype"];

/// A URL whose scheme is allowlisted and, for web links, whose host is checked. Normalised: the
/// scheme and host are lower case, surrounding spaces and embedded tabs and newlines are gone.
///
/// ```
/// use contact_core::safe_url::{SafeUrl, UrlError};
/// let url = SafeUrl::parse_https(" HTTPS://Max.RU/yuzhny_veter ", "max.ru").unwrap();
/// assert_eq!(url.as_str(), "https://max.ru/yuzhny_veter");
/// assert_eq!(
///     SafeUrl::parse("java\tscript:alert(1)"),
///     Err(UrlError::SchemeNotAllowed("javascript".into()))
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SafeUrl(String);

/// Why a configured URL was refused. [`fmt::Display`] explains it in English for the site owner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    /// Nothing but spaces.
    Empty,
    /// No scheme before the first `/`, `?` or `#` (`max.ru/name`).
    MissingScheme,
    /// The text in the scheme's place is not a plain ASCII scheme: it holds character references,
    /// percent-escapes, invisible or non-ASCII characters, or starts with a digit.
    UnreadableScheme,
    /// A well-formed scheme that is not on the allowlist, lower case (`"javascript"`).
    SchemeNotAllowed(String),
    /// An allowlisted scheme where only an https link will do, lower case.
    NotHttps(String),
    /// Spaces, control characters or invisible formatting characters inside the URL.
    InvalidCharacters,
    /// A backslash, which browsers read as a slash in web links (`https:\\evil.example`).
    Backslash,
    /// A web link without a host (`https:max.ru`, `https:///path`).
    MissingHost,
    /// A user name before `@` in the authority (`https://wa.me@evil.example`), which hides the real host.
    UserInfo,
    /// A host that is not a plain ASCII domain name with an optional numeric port.
    InvalidHost,
    /// A valid host that is neither the expected one nor its subdomain.
    HostNotAllowed { host: String, expected: String },
    /// A path starting with `//`, which browsers read as a link to another site.
    ProtocolRelative,
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => f.write_str("the URL is empty"),
            UrlError::MissingScheme => f.write_str("the URL has no scheme; write it in full, starting with https://"),
            UrlError::UnreadableScheme => f.write_str(
                "the URL scheme is disguised or malformed (character references, percent-escapes, \
                 invisible or non-ASCII characters are not allowed in it)",
            ),
            UrlError::SchemeNotAllowed(scheme) => write!(f, "scheme {scheme:?} is not allowed"),
            UrlError::NotHttps(scheme) => write!(f, "scheme {scheme:?} is not allowed here; use an https:// link"),
            UrlError::InvalidCharacters => {
                f.write_str("the URL contains spaces, control characters or invisible characters")
            }
            UrlError::Backslash => f.write_str("the URL contains a backslash, which browsers read as a slash"),
            UrlError::MissingHost => f.write_str("the URL has no host name after https://"),
            UrlError::UserInfo => f.write_str("the URL has a user name before \"@\", which hides the real host"),
            UrlError::InvalidHost => f.write_str("the host is not a valid domain name"),
            UrlError::HostNotAllowed { host, expected } => {
                write!(f, "host {host:?} is not allowed; expected {expected} or one of its subdomains")
            }
            UrlError::ProtocolRelative => f.write_str(
                "a URL starting with // leads to another site; write a path starting with a single / \
                 or a full https:// link",
            ),
        }
    }
}

impl std::error::Error for UrlError {}

impl SafeUrl {
    /// Parses an absolute URL with an allowlisted scheme. An https link must also have a plain host
    /// and no user name; other schemes keep their text as written (lower-case scheme aside).
    pub fn parse(input: &str) -> Result<SafeUrl, UrlError> {
        let cleaned = clean(input)?;
        let (scheme, rest) = split_scheme(&cleaned)?;
        if !ALLOWED_SCHEMES.contains(&scheme.as_str()) {
            return Err(UrlError::SchemeNotAllowed(scheme));
        }
        check_characters(rest)?;
        if scheme == "https" {
            return web_url(rest);
        }
        Ok(SafeUrl(format!("{scheme}:{rest}")))
    }

    /// Parses an https link whose host is `expected_host` or one of its subdomains, as for a MAX
    /// profile link (`https://max.ru/…`). `expected_host` is lower case.
    ///
    /// ```
    /// use contact_core::safe_url::{SafeUrl, UrlError};
    /// assert!(SafeUrl::parse_https("https://web.max.ru/name", "max.ru").is_ok());
    /// assert_eq!(SafeUrl::parse_https("https://max.ru@evil.example/", "max.ru"), Err(UrlError::UserInfo));
    /// ```
    pub fn parse_https(input: &str, expected_host: &str) -> Result<SafeUrl, UrlError> {
        let url = SafeUrl::parse(input)?;
        let host = url.host().ok_or_else(|| UrlError::NotHttps(url.scheme().to_owned()))?;
        let is_subdomain = host.strip_suffix(expected_host).is_some_and(|prefix| prefix.ends_with('.'));
        if host != expected_host && !is_subdomain {
            return Err(UrlError::HostNotAllowed { host: host.to_owned(), expected: expected_host.to_owned() });
        }
        Ok(url)
    }

    /// Parses a link that stays on the site (a path such as `/privacy`) or is a full https link, as
    /// for an endpoint or a privacy policy. A protocol-relative `//host` path is refused: it leaves
    /// the site while looking like a path.
    pub fn parse_path_or_https(input: &str) -> Result<SafeUrl, UrlError> {
        let cleaned = clean(input)?;
        if !cleaned.starts_with('/') {
            let url = SafeUrl::parse(&cleaned)?;
            return match url.host() {
                Some(_) => Ok(url),
                None => Err(UrlError::NotHttps(url.scheme().to_owned())),
            };
        }
        // Browsers read `/\host` like `//host` in web URLs.
        if cleaned[1..].starts_with(['/', '\\']) {
            return Err(UrlError::ProtocolRelative);
        }
        check_characters(&cleaned)?;
        if cleaned.contains('\\') {
            return Err(UrlError::Backslash);
        }
        Ok(SafeUrl(cleaned))
    }

    /// The normalised URL, ready for an `href`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The lower-case scheme (`"https"`), or `""` for a site path.
    pub fn scheme(&self) -> &str {
        match self.0.split_once(':') {
            Some((scheme, _)) if !self.0.starts_with('/') => scheme,
            _ => "",
        }
    }

    /// The lower-case host of an https link, without the port; `None` for other schemes and paths.
    pub fn host(&self) -> Option<&str> {
        let authority = self.0.strip_prefix("https://")?;
        let end = authority.find([':', '/', '?', '#']).unwrap_or(authority.len());
        Some(&authority[..end])
    }
}

impl fmt::Display for SafeUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Strips what browsers strip before reading a URL: C0 controls and spaces at both ends, tabs and
/// newlines anywhere.
fn clean(input: &str) -> Result<String, UrlError> {
    let trimmed = input.trim_matches(|c: char| c <= ' ');
    let cleaned: String = trimmed.chars().filter(|c| !matches!(c, '\t' | '\n' | '\r')).collect();
    if cleaned.is_empty() {
        Err(UrlError::Empty)
    } else {
        Ok(cleaned)
    }
}

/// Splits off the scheme, lower-cased. Whatever stands before the first `:`, `/`, `?` or `#` must be a
/// plain scheme; anything else there is an attempt to disguise one, or a relative URL.
fn split_scheme(url: &str) -> Result<(String, &str), UrlError> {
    let end = url.find([':', '/', '?', '#']).unwrap_or(url.len());
    let head = &url[..end];
    let is_scheme = head.starts_with(|c: char| c.is_ascii_alphabetic())
        && head.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !is_scheme {
        let looks_relative = head.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_'));
        return Err(if looks_relative { UrlError::MissingScheme } else { UrlError::UnreadableScheme });
    }
    match url[end..].strip_prefix(':') {
        Some(rest) => Ok((head.to_ascii_lowercase(), rest)),
        None => Err(UrlError::MissingScheme),
    }
}

/// Refuses whitespace, controls and invisible formatting characters, which could make the link
/// shown differ from the link followed.
fn check_characters(text: &str) -> Result<(), UrlError> {
    let is_invisible = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
    };
    if text.chars().any(is_invisible) {
        Err(UrlError::InvalidCharacters)
    } else {
        Ok(())
    }
}

/// Checks and normalises the part of an https URL after `https:`.
fn web_url(rest: &str) -> Result<SafeUrl, UrlError> {
    if rest.contains('\\') {
        return Err(UrlError::Backslash);
    }
    let after_slashes = rest.strip_prefix("//").ok_or(UrlError::MissingHost)?;
    let end = after_slashes.find(['/', '?', '#']).unwrap_or(after_slashes.len());
    let (authority, path) = after_slashes.split_at(end);
    if authority.contains('@') {
        return Err(UrlError::UserInfo);
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (authority, None),
    };
    if host.is_empty() {
        return Err(UrlError::MissingHost);
    }
    let port = match port {
        Some(port) => Some(port_number(port).ok_or(UrlError::InvalidHost)?),
        None => None,
    };
    if !is_domain_name(host) {
        return Err(UrlError::InvalidHost);
    }
    let mut url = String::with_capacity(8 + rest.len());
    url.push_str("https://");
    url.push_str(&host.to_ascii_lowercase());
    // The default port is dropped, as browsers do, so that one link is written one way.
    if let Some(port) = port.filter(|&port| port != 443) {
        url.push(':');
        url.push_str(&port.to_string());
    }
    url.push_str(path);
    Ok(SafeUrl(url))
}

/// A port written as 1–5 ASCII digits, 1 to 65535.
fn port_number(port: &str) -> Option<u16> {
    if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    port.parse().ok().filter(|&port| port != 0)
}

/// Dot-separated labels of ASCII letters, digits and inner hyphens.
pub(crate) fn is_domain_name(host: &str) -> bool {
    host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
}
