//! Cross-document fusion: which documents are one story, which are reposts, what
//! claims they make, where they disagree, how each outlet frames the story, and
//! what happened when. Pure and deterministic: documents and their analyses in,
//! data out.

pub mod brief;
pub mod claims;
mod disputes;
pub mod framing;
pub mod lineage;
mod phrases;
pub mod positions;
pub mod stories;
pub mod timeline;
mod titles;
