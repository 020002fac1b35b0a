//! Countries the phone normaliser knows.
//! TODO(core helper).

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Country {
    #[default]
    Ru,
}
