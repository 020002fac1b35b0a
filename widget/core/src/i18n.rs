//! UI languages and their messages.
//! TODO(core helper): messages.

/// A UI language the widget ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Locale {
    #[default]
    Ru,
    En,
}
