//! Text primitives every stage shares: building clean text with an offset map back
//! to the raw input, Unicode normalisation, tokens and sentences.
//!
//! Pure and allocation-light: no I/O, no global state.

pub mod builder;
pub mod calendar;
pub mod normalize;
pub mod sentences;
pub mod tokens;

pub use builder::CleanTextBuilder;
pub use normalize::{normalize_char, normalize_text, CharFix};
pub use sentences::split_sentences;
pub use tokens::{tokenize, Token, TokenShape};
