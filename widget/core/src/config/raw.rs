//! TODO(core helper): the serde model of the JSON document.
#[derive(Debug, Default)]
pub struct RawConfig;
