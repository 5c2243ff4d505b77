//! Bytes to [`model::Document`]: main-content extraction from HTML, cleaning of
//! pages that arrive as text, live-blog post splitting, feeds, WARC records and
//! near-duplicate signatures. Pure: the caller supplies bytes and metadata.

pub mod dedup;
pub mod document;
pub mod html;
pub mod input;
pub mod liveblog;
pub mod plaintext;
