//! Bytes to [`model::Document`]: main-content extraction from HTML, cleaning of
//! pages that arrive as text, live-blog post splitting, feeds, WARC records and
//! near-duplicate signatures. Pure: the caller supplies bytes and metadata.

/// Bumped whenever extraction output (clean text, title, outlet, times, posts)
/// changes; a stored document extracted by an older version is extracted again
/// from its raw bytes when its input is ingested again.
pub const EXTRACTOR_VERSION: i64 = 1;

pub mod dedup;
pub mod document;
pub mod html;
pub mod input;
pub mod liveblog;
pub mod plaintext;
