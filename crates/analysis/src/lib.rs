//! Per-document analysis: each stage takes clean text (and what earlier stages
//! found) and returns data. No I/O, no clock, no global mutable state; models are
//! compiled in with `include_bytes!`.

pub mod attribution;
pub mod entities;
pub mod pipeline;
pub mod quantity;
mod quotes;
pub mod sequence;
pub mod timex;

pub use pipeline::analyze;
