//! Link builders: one function per channel, each producing the exact form its app expects.
//! TODO(core helper): builders and tests.

/// A link that is safe to put in `href`: built here from validated parts, or a checked [`crate::safe_url::SafeUrl`].
/// Only this crate can construct one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Href(String);

impl Href {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}
