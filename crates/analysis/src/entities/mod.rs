//! Named entities: recognition with our own trained tagger, roles and titles,
//! within-document aliases and pronoun coreference, and cross-document name keys.

pub mod tagger;

use std::sync::OnceLock;

/// The trained model compiled into the binary (see [`tagger`] for the format).
static MODEL_BYTES: &[u8] = include_bytes!("../../models/ner.bin");

/// The embedded model, parsed once (an immutable cache of a constant).
pub fn embedded_model() -> Result<&'static tagger::Model, tagger::ModelError> {
    static MODEL: OnceLock<Result<tagger::Model, tagger::ModelError>> = OnceLock::new();
    MODEL
        .get_or_init(|| tagger::Model::from_bytes(MODEL_BYTES))
        .as_ref()
        .map_err(Clone::clone)
}
