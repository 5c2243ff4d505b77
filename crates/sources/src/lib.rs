//! Where inputs come from: local files and folders, and URLs fetched over HTTP(S)
//! with timeouts, a size cap, a redirect cap, a clear User-Agent, robots.txt, and
//! private or loopback addresses refused unless explicitly allowed.
//!
//! This crate and `api` are the only ones that touch the network; it returns bytes
//! and metadata, and `extract` turns them into documents.

pub mod fetch;
pub mod files;
pub mod robots;

pub use fetch::{FetchPolicy, Fetcher};
pub use files::{expand_inputs, read_sidecar, InputRef};

/// One loaded input: its name (path or final URL), bytes, and what is known of it.
#[derive(Debug, Clone)]
pub struct LoadedInput {
    pub name: String,
    pub bytes: Vec<u8>,
    pub meta: extract::input::ItemMeta,
}

/// Why an input could not be loaded. Every variant names the input.
#[derive(Debug, thiserror::Error)]
pub enum SourceError {
    #[error("{path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{url}: {reason}")]
    Http { url: String, reason: String },
    #[error("{url}: refused: {host} resolves to the private or loopback address {addr} (use --allow-private to permit)")]
    PrivateAddress {
        url: String,
        host: String,
        addr: std::net::IpAddr,
    },
    #[error("{url}: disallowed by {robots}")]
    Robots { url: String, robots: String },
    #[error("{url}: response exceeds the size cap of {limit} bytes")]
    TooLarge { url: String, limit: u64 },
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects { url: String, limit: u32 },
    #[error("{url}: not an http(s) URL")]
    BadUrl { url: String },
    #[error("{path}: sidecar metadata is invalid: {reason}")]
    BadSidecar { path: String, reason: String },
}
