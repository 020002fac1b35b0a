//! TODO(core helper)
use super::{Config, ConfigIssue, Parsed, Placement};
use crate::country::Country;
pub(super) fn from_json(_json: &str) -> Parsed {
    Parsed {
        config: Config { company: String::new(), locale: None, default_country: Country::Ru, placement: Placement::default(), launcher_label: None, departments: vec![] },
        issues: vec![ConfigIssue { path: "$".into(), message: "todo".into() }],
    }
}
