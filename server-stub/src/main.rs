//! TODO(server helper)
fn main() {}
