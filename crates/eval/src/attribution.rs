//! Scorer for the `attribution` benchmark (see ../shared/eval/README.md). Being written.

use std::path::Path;

use crate::{EvalError, EvalOptions, Report};

pub fn run(path: &Path, _opts: &EvalOptions) -> Result<Report, EvalError> {
    Err(EvalError::format(
        path,
        "the attribution scorer is not written yet",
    ))
}
