//! TODO(core helper)
