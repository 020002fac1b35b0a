//! The application state every handler receives: settings, storage, clock, limiter, token key, and
//! the widget configuration loaded once at start-up.
//!
//! Invariant: an [`AppState`] only exists with a readable widget configuration that is JSON and a
//! usable form-token key; [`AppState::new`] refuses to build one otherwise, so the server fails at
//! start-up rather than on the first visitor. Editing `contact.json` needs a restart, so the file
//! served and the rules requests are checked against can never disagree.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::body::Bytes;
use contact_core::config::Config;

use crate::clock::Clock;
use crate::db::Db;
use crate::form_token::FormTokens;
use crate::rate_limit::RateLimiter;
use crate::settings::Settings;

/// Shared by all requests; cheap to clone.
#[derive(Clone)]
pub struct AppState {
    /// The checked configuration.
    pub settings: Arc<Settings>,
    /// The callbacks database.
    pub db: Db,
    /// Where "now" comes from: the system clock, or a manual one in tests.
    pub clock: Arc<dyn Clock>,
    /// The per-address limit on callback requests.
    pub limiter: Arc<RateLimiter>,
    /// Issues and checks form tokens.
    pub tokens: Arc<FormTokens>,
    /// The widget configuration loaded at start-up.
    pub widget: Arc<WidgetConfig>,
}

/// The widget configuration: the bytes served at `/contact.json` and what they parse to.
#[derive(Debug)]
pub struct WidgetConfig {
    /// The file's bytes, served as they are.
    pub json: Bytes,
    /// Its default country and departments govern callback validation.
    pub config: Config,
}

/// Why the server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error("cannot read the widget configuration {path}: {source}")]
    WidgetConfigUnreadable { path: PathBuf, source: std::io::Error },
    #[error("the widget configuration {path} is not JSON: {detail}")]
    WidgetConfigNotJson { path: PathBuf, detail: String },
    #[error("cannot load or create the form-token key in {path}: {source}")]
    TokenKey { path: PathBuf, source: std::io::Error },
}

impl AppState {
    /// Loads the widget configuration and the form-token key named by `settings`.
    pub fn new(settings: Settings, db: Db, clock: Arc<dyn Clock>) -> Result<AppState, StartupError> {
        let widget = load_widget_config(&settings.widget_config)?;
        let tokens = FormTokens::load_or_create(settings.token_secret.as_deref(), &settings.data_dir)
            .map_err(|source| StartupError::TokenKey { path: settings.data_dir.clone(), source })?;
        Ok(AppState {
            limiter: Arc::new(RateLimiter::new(settings.rate_limit)),
            settings: Arc::new(settings),
            db,
            clock,
            tokens: Arc::new(tokens),
            widget: Arc::new(widget),
        })
    }
}

fn load_widget_config(path: &Path) -> Result<WidgetConfig, StartupError> {
    let json = std::fs::read(path)
        .map_err(|source| StartupError::WidgetConfigUnreadable { path: path.to_path_buf(), source })?;
    // The widget renders whatever is valid in a flawed configuration, but a file that is not JSON at
    // all is a deployment mistake worth stopping for.
    if let Err(error) = serde_json::from_slice::<serde::de::IgnoredAny>(&json) {
        return Err(StartupError::WidgetConfigNotJson { path: path.to_path_buf(), detail: error.to_string() });
    }
    let text = String::from_utf8_lossy(&json);
    let parsed = Config::from_json(&text, &contact_core::zones::JiffZones);
    for issue in &parsed.issues {
        // The configuration is public (it is served to every visitor), so quoting it leaks nothing.
        tracing::warn!(file = %path.display(), "widget configuration: {issue}");
    }
    Ok(WidgetConfig { json: Bytes::from(json), config: parsed.config })
}
