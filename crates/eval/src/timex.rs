//! Scorer for TempEval-3 and MEANTIME timexes (see ../shared/eval/README.md). Being written.

use std::path::Path;

use crate::{EvalError, EvalOptions, Report};

pub fn run_tempeval(path: &Path, _opts: &EvalOptions) -> Result<Report, EvalError> {
    Err(EvalError::format(
        path,
        "the timex scorer is not written yet",
    ))
}

pub fn run_meantime(path: &Path, _opts: &EvalOptions) -> Result<Report, EvalError> {
    Err(EvalError::format(
        path,
        "the meantime scorer is not written yet",
    ))
}
