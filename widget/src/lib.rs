//! TODO(widget helper)
