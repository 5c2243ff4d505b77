//! Scorers for the public benchmarks in `../shared/eval`.
//!
//! Each module reads one benchmark's developer half, runs our pipeline stage on it,
//! implements the benchmark's metric exactly as `../shared/eval/README.md` describes
//! it, and returns a [`Report`] that prints our figures beside the published anchors.
//! This crate does I/O (it reads benchmark files); the stages it scores do not.

pub mod attribution;
pub mod basil;
pub mod clustering;
pub mod extraction;
pub mod ner;
pub mod report;
pub mod rng;
pub mod similarity;
pub mod timeline;
pub mod timex;

use std::path::{Path, PathBuf};

pub use report::{Metric, Report};

/// What went wrong while reading a benchmark.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Format { path: PathBuf, message: String },
    #[error("unknown benchmark `{0}` (known: {known})", known = BENCHMARKS.join(", "))]
    UnknownBenchmark(String),
}

impl EvalError {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        EvalError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
    pub fn format(path: &Path, message: impl Into<String>) -> Self {
        EvalError::Format {
            path: path.to_path_buf(),
            message: message.into(),
        }
    }
}

/// Options shared by all scorers.
#[derive(Debug, Clone, Default)]
pub struct EvalOptions {
    /// Write per-item details (system output, per-page scores) into this directory.
    pub details_dir: Option<PathBuf>,
    /// Only score this many items (for quick runs); `None` scores everything.
    pub limit: Option<usize>,
}

/// The benchmark names `run` understands.
pub const BENCHMARKS: &[&str] = &[
    "extraction",
    "timex",
    "meantime",
    "ner",
    "attribution",
    "clustering",
    "timeline",
    "basil",
    "similarity",
];

/// Runs the scorer for `benchmark` on the data at `path`.
pub fn run(benchmark: &str, path: &Path, opts: &EvalOptions) -> Result<Report, EvalError> {
    match benchmark {
        "extraction" => extraction::run(path, opts),
        "timex" => timex::run_tempeval(path, opts),
        "meantime" => timex::run_meantime(path, opts),
        "ner" => ner::run(path, opts),
        "attribution" => attribution::run(path, opts),
        "clustering" => clustering::run(path, opts),
        "timeline" => timeline::run(path, opts),
        "basil" => basil::run(path, opts),
        "similarity" => similarity::run(path, opts),
        other => Err(EvalError::UnknownBenchmark(other.to_string())),
    }
}

/// A page as `parallax brief` would take it: extracted and analysed.
pub fn analysed_page(item: &extract::input::RawItem) -> (model::Document, model::DocumentAnalysis) {
    let d = extract::document::build_document(item, &extract::input::ItemMeta::default());
    let a = analysis::analyze(&d);
    (d, a)
}

/// Builds the brief over `docs` and returns each document's (topic, story), in
/// the order given; `None` for a document the brief left out of every story.
pub fn brief_stories(
    docs: &[(model::Document, model::DocumentAnalysis)],
) -> Vec<Option<(usize, usize)>> {
    let brief = fusion::brief::build_brief(docs, &[]);
    let mut of: std::collections::BTreeMap<&str, (usize, usize)> = Default::default();
    for s in &brief.stories {
        for d in &s.documents {
            of.insert(d.as_str(), (s.topic, s.id));
        }
    }
    docs.iter()
        .map(|(d, _)| of.get(d.id.as_str()).copied())
        .collect()
}

/// Precision, recall and F1 from true positives, false positives and false
/// negatives (0 where a denominator is 0).
pub fn precision_recall_f1(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (ratio(tp, tp + fp), ratio(tp, tp + fn_));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f1)
}

/// Writes a details file `name` into `dir` (created when missing).
pub fn write_details(dir: &Path, name: &str, text: &str) -> Result<(), EvalError> {
    std::fs::create_dir_all(dir).map_err(|e| EvalError::io(dir, e))?;
    let out = dir.join(name);
    std::fs::write(&out, text).map_err(|e| EvalError::io(&out, e))
}

/// Reads a file, naming it in the error.
pub fn read_to_string(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))
}
