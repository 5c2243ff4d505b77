//! Scorer for the `ner` benchmark (see ../shared/eval/README.md). Being written.

use std::path::Path;

use crate::{EvalError, EvalOptions, Report};

pub fn run(path: &Path, _opts: &EvalOptions) -> Result<Report, EvalError> {
    Err(EvalError::format(path, "the ner scorer is not written yet"))
}
