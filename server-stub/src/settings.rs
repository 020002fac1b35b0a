//! The server's configuration: one TOML file (documented in `docs/server.md`, example in
//! `server-stub/demo.toml`) read into [`FileConfig`], then checked and resolved into [`Settings`].
//!
//! Invariants: a [`Settings`] has absolute paths, an existing static root, well-formed allowed origins
//! and positive limits. Every problem is a [`SettingsError`] naming the file and the key, so a bad
//! file stops the server at start-up instead of surprising it later. Relative paths resolve against
//! the directory the server was started from (the `base` given to [`Settings::resolve`]).

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

/// The TOML file as written. Every key is optional; absent keys take the documented defaults.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FileConfig {
    /// The address and port to listen on. Default `127.0.0.1:8080`.
    pub listen: SocketAddr,
    /// The directory holding `index.html` and `demo-site/`. Default `.`.
    pub static_root: PathBuf,
    /// The built widget (`contact-widget.js` and its hashed files). Default `<static_root>/dist/widget`.
    pub widget_dist: Option<PathBuf>,
    /// The widget configuration served at `/contact.json`; its default country and departments also
    /// govern callback validation. Default `<static_root>/demo-site/contact.json`.
    pub widget_config: Option<PathBuf>,
    /// Where `callbacks.sqlite3` and the generated form-token key live; created on first start.
    /// Default `data`.
    pub data_dir: PathBuf,
    /// Origins (`https://shop.example`, no path) whose pages may call the API and load the widget
    /// cross-origin. The server's own origin is always allowed. Default: none.
    pub allowed_origins: Vec<String>,
    /// Whether to take the client address from the last `X-Forwarded-For` entry. Only true behind a
    /// proxy that sets it, or anyone can pick their own rate-limit bucket. Default `false`.
    pub trust_forwarded_for: bool,
    /// Per-address limits on `POST /api/v1/callbacks`.
    pub rate_limit: RateLimitConfig,
    /// The callback endpoint's rules.
    pub callbacks: CallbacksConfig,
}

impl Default for FileConfig {
    fn default() -> Self {
        FileConfig {
            listen: SocketAddr::from(([127, 0, 0, 1], 8080)),
            static_root: PathBuf::from("."),
            widget_dist: None,
            widget_config: None,
            data_dir: PathBuf::from("data"),
            allowed_origins: Vec::new(),
            trust_forwarded_for: false,
            rate_limit: RateLimitConfig::default(),
            callbacks: CallbacksConfig::default(),
        }
    }
}

/// A token bucket per client address: `burst` requests at once, refilled at `per_minute`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimitConfig {
    /// How many requests an address may send back to back. Default 5.
    pub burst: u32,
    /// How many requests per minute an address regains. Default 2.
    pub per_minute: u32,
}

impl Default for RateLimitConfig {
    fn default() -> Self {
        RateLimitConfig { burst: 5, per_minute: 2 }
    }
}

/// Rules for callback requests.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CallbacksConfig {
    /// Forms sent sooner than this after their token was issued are quarantined as bots. Default 3.
    pub min_fill_seconds: u64,
    /// Whether a request must carry given consent to the processing of personal data. Default true.
    pub consent_required: bool,
    /// The largest request body accepted, in bytes. Default 16384 (16 KiB).
    pub body_limit_bytes: usize,
    /// The key that signs form tokens (at least 32 characters). Default: a random key generated on
    /// first start and kept in `<data_dir>/form-token.key`.
    pub token_secret: Option<String>,
}

impl Default for CallbacksConfig {
    fn default() -> Self {
        CallbacksConfig { min_fill_seconds: 3, consent_required: true, body_limit_bytes: 16 * 1024, token_secret: None }
    }
}

/// The checked configuration the server runs with. Field meanings are those of [`FileConfig`].
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The address to listen on.
    pub listen: SocketAddr,
    /// Absolute; exists.
    pub static_root: PathBuf,
    /// Absolute; may not exist yet when the widget has not been built.
    pub widget_dist: PathBuf,
    /// Absolute.
    pub widget_config: PathBuf,
    /// Absolute; created by the database on first start.
    pub data_dir: PathBuf,
    /// Normalised `scheme://host[:port]`, lower case.
    pub allowed_origins: Vec<String>,
    /// Whether `X-Forwarded-For` names the client.
    pub trust_forwarded_for: bool,
    /// Burst and refill of the per-address limit; both at least 1.
    pub rate_limit: RateLimitConfig,
    /// Forms back sooner than this after their token are quarantined.
    pub min_fill_time: Duration,
    /// Whether requests must carry given consent.
    pub consent_required: bool,
    /// At least 1024.
    pub body_limit_bytes: usize,
    /// At least 32 characters when present; `None` means "use or generate the key file".
    pub token_secret: Option<String>,
}

/// Command-line values that win over the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// `--listen`.
    pub listen: Option<SocketAddr>,
    /// `--data-dir`.
    pub data_dir: Option<PathBuf>,
}

/// Why the configuration cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error("cannot read the configuration file {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("the configuration file {path} is not valid: {source}")]
    Parse { path: PathBuf, source: Box<toml::de::Error> },
    #[error("{path}: `{key}` {problem}")]
    Invalid { path: PathBuf, key: &'static str, problem: String },
}

/// The name the database file has inside the data directory.
pub const DATABASE_FILE: &str = "callbacks.sqlite3";

impl Settings {
    /// Reads the TOML file at `path` (or takes every default when `None`), applies `overrides`,
    /// and resolves relative paths against `base`.
    pub fn load(path: Option<&Path>, overrides: &Overrides, base: &Path) -> Result<Settings, SettingsError> {
        let source_name = path.map_or_else(|| PathBuf::from("(defaults)"), Path::to_path_buf);
        let file = match path {
            None => FileConfig::default(),
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|source| SettingsError::Read { path: path.to_path_buf(), source })?;
                FileConfig::parse(&text, path)?
            }
        };
        Settings::resolve(file, overrides, base, &source_name)
    }

    /// Checks `file` and makes its paths absolute against `base`. `source_name` names the file in
    /// errors.
    pub fn resolve(
        file: FileConfig,
        overrides: &Overrides,
        base: &Path,
        source_name: &Path,
    ) -> Result<Settings, SettingsError> {
        let invalid = |key: &'static str, problem: String| SettingsError::Invalid {
            path: source_name.to_path_buf(),
            key,
            problem,
        };
        let absolute = |path: &Path| {
            if path.is_absolute() {
                path.to_path_buf()
            } else {
                base.join(path)
            }
        };

        let static_root = absolute(&file.static_root);
        if !static_root.is_dir() {
            return Err(invalid("static_root", format!("is not a directory: {}", static_root.display())));
        }
        let widget_dist = file.widget_dist.as_deref().map_or_else(|| static_root.join("dist/widget"), absolute);
        let widget_config =
            file.widget_config.as_deref().map_or_else(|| static_root.join("demo-site/contact.json"), absolute);
        let data_dir = absolute(overrides.data_dir.as_deref().unwrap_or(&file.data_dir));

        let allowed_origins = file
            .allowed_origins
            .iter()
            .map(|origin| normalise_origin(origin).ok_or_else(|| invalid("allowed_origins", format!("{origin:?} is not an origin such as \"https://shop.example\" (scheme, host, optional port; no path, no \"*\")"))))
            .collect::<Result<Vec<_>, _>>()?;

        if file.rate_limit.burst == 0 {
            return Err(invalid("rate_limit.burst", "must be at least 1".into()));
        }
        if file.rate_limit.per_minute == 0 {
            return Err(invalid("rate_limit.per_minute", "must be at least 1".into()));
        }
        let callbacks = file.callbacks;
        if callbacks.body_limit_bytes < 1024 {
            return Err(invalid("callbacks.body_limit_bytes", "must be at least 1024".into()));
        }
        if callbacks.token_secret.as_ref().is_some_and(|secret| secret.len() < 32) {
            return Err(invalid(
                "callbacks.token_secret",
                "must be at least 32 characters; leave it out to have one generated".into(),
            ));
        }

        Ok(Settings {
            listen: overrides.listen.unwrap_or(file.listen),
            static_root,
            widget_dist,
            widget_config,
            data_dir,
            allowed_origins,
            trust_forwarded_for: file.trust_forwarded_for,
            rate_limit: file.rate_limit,
            min_fill_time: Duration::from_secs(callbacks.min_fill_seconds),
            consent_required: callbacks.consent_required,
            body_limit_bytes: callbacks.body_limit_bytes,
            token_secret: callbacks.token_secret,
        })
    }

    /// The SQLite file: `<data_dir>/callbacks.sqlite3`.
    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join(DATABASE_FILE)
    }
}

impl FileConfig {
    /// Parses the TOML text of the file at `path` (named in errors).
    pub fn parse(text: &str, path: &Path) -> Result<FileConfig, SettingsError> {
        toml::from_str(text)
            .map_err(|source| SettingsError::Parse { path: path.to_path_buf(), source: Box::new(source) })
    }
}

/// `scheme://host[:port]` in lower case, or `None` when `text` is not such an origin. Browsers send
/// the `Origin` header in exactly this form, so a byte comparison is then enough.
pub fn normalise_origin(text: &str) -> Option<String> {
    let lower = text.trim().to_ascii_lowercase();
    let (scheme, authority) = lower.split_once("://")?;
    let (host_ok, port) = match authority.strip_prefix('[') {
        Some(rest) => {
            let (inside, after) = rest.split_once(']')?;
            (!inside.is_empty() && inside.chars().all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.')), after)
        }
        None => {
            let end = authority.find(':').unwrap_or(authority.len());
            let host = &authority[..end];
            (
                !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')),
                &authority[end..],
            )
        }
    };
    let port_ok = port.is_empty()
        || port
            .strip_prefix(':')
            .is_some_and(|digits| (1..=5).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()));
    (matches!(scheme, "http" | "https") && host_ok && port_ok).then_some(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(toml: &str) -> Result<Settings, SettingsError> {
        let base = std::env::temp_dir();
        Settings::resolve(
            FileConfig::parse(toml, Path::new("test.toml"))?,
            &Overrides::default(),
            &base,
            Path::new("test.toml"),
        )
    }

    #[test]
    fn an_empty_file_takes_every_documented_default() {
        let settings = resolve("").unwrap();
        let base = std::env::temp_dir();
        assert_eq!(settings.listen, "127.0.0.1:8080".parse().unwrap());
        assert_eq!(settings.static_root, base.join("."));
        assert_eq!(settings.widget_dist, base.join(".").join("dist/widget"));
        assert_eq!(settings.widget_config, base.join(".").join("demo-site/contact.json"));
        assert_eq!(settings.database_path(), base.join("data").join("callbacks.sqlite3"));
        assert_eq!(settings.rate_limit, RateLimitConfig { burst: 5, per_minute: 2 });
        assert_eq!(settings.min_fill_time, Duration::from_secs(3));
        assert!(settings.consent_required && !settings.trust_forwarded_for);
        assert_eq!(settings.body_limit_bytes, 16 * 1024);
        assert_eq!(settings.token_secret, None);
    }

    #[test]
    fn command_line_overrides_win_over_the_file() {
        let file = FileConfig::parse("listen = \"127.0.0.1:9000\"\ndata_dir = \"a\"", Path::new("t.toml")).unwrap();
        let overrides = Overrides { listen: Some("127.0.0.1:9001".parse().unwrap()), data_dir: Some("/srv/b".into()) };
        let settings = Settings::resolve(file, &overrides, Path::new("/"), Path::new("t.toml")).unwrap();
        assert_eq!(settings.listen.port(), 9001);
        assert_eq!(settings.data_dir, PathBuf::from("/srv/b"));
    }

    #[test]
    fn bad_values_are_refused_with_the_key_named() {
        let cases = [
            ("allowed_origins = [\"*\"]", "allowed_origins"),
            ("allowed_origins = [\"https://shop.example/\"]", "allowed_origins"),
            ("allowed_origins = [\"ftp://shop.example\"]", "allowed_origins"),
            ("[rate_limit]\nburst = 0", "rate_limit.burst"),
            ("[rate_limit]\nper_minute = 0", "rate_limit.per_minute"),
            ("[callbacks]\nbody_limit_bytes = 10", "callbacks.body_limit_bytes"),
            ("[callbacks]\ntoken_secret = \"short\"", "callbacks.token_secret"),
            ("static_root = \"/definitely/not/here\"", "static_root"),
        ];
        for (toml, expected_key) in cases {
            match resolve(toml) {
                Err(SettingsError::Invalid { key, .. }) => assert_eq!(key, expected_key, "{toml}"),
                other => panic!("{toml}: expected an error about {expected_key}, got {other:?}"),
            }
        }
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_parse_errors() {
        for toml in ["listen_addr = \"127.0.0.1:1\"", "listen = \"localhost\"", "[callbacks]\nconsent = true"] {
            assert!(matches!(resolve(toml), Err(SettingsError::Parse { .. })), "{toml}");
        }
    }

    #[test]
    fn origins_are_normalised_or_refused() {
        let cases = [
            ("https://Shop.Example", Some("https://shop.example")),
            ("http://127.0.0.1:8080", Some("http://127.0.0.1:8080")),
            ("http://[::1]:8080", Some("http://[::1]:8080")),
            ("https://shop.example:", None),
            ("https://shop.example/path", None),
            ("https://user@shop.example", None),
            ("shop.example", None),
            ("null", None),
            ("*", None),
        ];
        for (text, expected) in cases {
            assert_eq!(normalise_origin(text).as_deref(), expected, "{text}");
        }
    }

    #[test]
    fn the_demo_configuration_loads() {
        let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let workspace = crate_dir.parent().unwrap();
        let settings = Settings::load(Some(&crate_dir.join("demo.toml")), &Overrides::default(), workspace).unwrap();
        assert_eq!(settings.static_root, workspace.join("."));
        assert_eq!(settings.database_path(), workspace.join("data/callbacks.sqlite3"));
    }
}
