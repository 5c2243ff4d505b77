//! Turning one input's bytes into the items it holds: a page, the lines of a JSON
//! Lines file, the entries of a feed, the records of a WARC archive.
//!
//! Pure: the caller reads files or fetches URLs and hands over bytes. One bad item
//! inside a container (a broken JSON line, a truncated WARC record) becomes an
//! [`ItemError`] beside the good items; it never hides them.

use std::io::Read;

use model::{Outlet, PublishedTime, TimePrecision, TimeProvenance, Timestamp};
use serde::Deserialize;

/// Decompressed inputs larger than this are refused (a zip bomb guard).
pub const MAX_DECOMPRESSED_BYTES: u64 = 256 * 1024 * 1024;

/// What an input file or response is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    Html,
    Text,
    Json,
    JsonLines,
    Feed,
    Warc,
}

/// Whether an item's body is markup or plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    Html,
    Text,
}

/// Metadata known about an item before extraction: from the container (feed,
/// JSON fields, WARC headers) or from the user (command line, sidecar file).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ItemMeta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub published: Option<PublishedTime>,
    pub authors: Vec<String>,
    pub language: Option<String>,
}

impl ItemMeta {
    /// Fills every field still empty in `self` from `other`.
    pub fn fill_from(&mut self, other: &ItemMeta) {
        if self.url.is_none() {
            self.url.clone_from(&other.url);
        }
        if self.title.is_none() {
            self.title.clone_from(&other.title);
        }
        if self.outlet.is_none() {
            self.outlet.clone_from(&other.outlet);
        }
        if self.published.is_none() {
            self.published.clone_from(&other.published);
        }
        if self.authors.is_empty() {
            self.authors.clone_from(&other.authors);
        }
        if self.language.is_none() {
            self.language.clone_from(&other.language);
        }
    }
}

/// One document-to-be: its bytes, what they are, and what is known about it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawItem {
    /// Where it came from: `path`, `url`, `feed.xml#item-3`, `crawl.warc.gz#record-12`.
    pub origin: String,
    pub body: Vec<u8>,
    pub kind: BodyKind,
    pub meta: ItemMeta,
}

/// Why an input could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    #[error("{origin}: gzip data is corrupt or truncated: {reason}")]
    BadGzip { origin: String, reason: String },
    #[error("{origin}: decompressed size exceeds {limit} bytes")]
    TooLarge { origin: String, limit: u64 },
    #[error("{origin}: not a feed: {reason}")]
    BadFeed { origin: String, reason: String },
    #[error("{origin}: not valid JSON: {reason}")]
    BadJson { origin: String, reason: String },
    #[error("{origin}: not a WARC file: {reason}")]
    BadWarc { origin: String, reason: String },
    #[error("{origin}: empty input")]
    Empty { origin: String },
    #[error("{origin}: binary data, not a page, feed or archive")]
    Binary { origin: String },
}

/// Why one item inside a container could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct ItemError {
    pub origin: String,
    pub reason: String,
}

/// Decompresses gzip data (all members), refusing more than [`MAX_DECOMPRESSED_BYTES`].
pub fn gunzip(origin: &str, bytes: &[u8]) -> Result<Vec<u8>, InputError> {
    let mut out = Vec::with_capacity(bytes.len() * 4);
    let decoder = flate2::read::MultiGzDecoder::new(bytes);
    decoder
        .take(MAX_DECOMPRESSED_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| InputError::BadGzip {
            origin: origin.to_string(),
            reason: e.to_string(),
        })?;
    if out.len() as u64 > MAX_DECOMPRESSED_BYTES {
        return Err(InputError::TooLarge {
            origin: origin.to_string(),
            limit: MAX_DECOMPRESSED_BYTES,
        });
    }
    Ok(out)
}

/// True when `bytes` start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Guesses what an input is from its name (extension, with `.gz` removed) and,
/// when the name says nothing, from its first bytes.
pub fn sniff(name: &str, bytes: &[u8]) -> InputKind {
    let lower = name.to_ascii_lowercase();
    let path_part = lower.split(['?', '#']).next().unwrap_or(&lower);
    let base = path_part.strip_suffix(".gz").unwrap_or(path_part);
    let ext = base.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    match ext {
        "warc" => return InputKind::Warc,
        "jsonl" | "ndjson" => return InputKind::JsonLines,
        "rss" | "atom" => return InputKind::Feed,
        "txt" | "text" | "md" => return InputKind::Text,
        _ => {}
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let trimmed = head.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with("warc/") {
        return InputKind::Warc;
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        if trimmed.contains("jsonfeed.org") {
            return InputKind::Feed;
        }
        return if ext == "json" || !looks_like_json_lines(bytes) {
            InputKind::Json
        } else {
            InputKind::JsonLines
        };
    }
    if (trimmed.starts_with("<?xml") || trimmed.starts_with("<rss") || trimmed.starts_with("<feed"))
        && (trimmed.contains("<rss") || trimmed.contains("<feed") || trimmed.contains("<rdf:rdf"))
    {
        return InputKind::Feed;
    }
    if matches!(ext, "xml") {
        return InputKind::Feed;
    }
    if matches!(
        ext,
        "html" | "htm" | "xhtml" | "shtml" | "php" | "asp" | "aspx"
    ) || trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || (trimmed.starts_with('<')
            && (head.contains("<body") || head.contains("<head") || head.contains("<div")))
    {
        return InputKind::Html;
    }
    InputKind::Text
}

fn looks_like_json_lines(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&bytes[..bytes.len().min(1 << 20)]);
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let first = lines.next();
    let second = lines.next();
    matches!((first, second), (Some(a), Some(b)) if a.trim_start().starts_with('{') && b.trim_start().starts_with('{'))
}

/// Splits an input into its items. `name` is used for sniffing and in `origin`s.
/// Gzip is undone first. Container-level failures are `Err`; per-item failures are
/// returned beside the good items.
pub fn split_input(
    name: &str,
    bytes: &[u8],
) -> Result<Vec<Result<RawItem, ItemError>>, InputError> {
    let owned;
    let bytes = if is_gzip(bytes) {
        owned = gunzip(name, bytes)?;
        &owned[..]
    } else {
        bytes
    };
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty {
            origin: name.to_string(),
        });
    }
    if bytes[..bytes.len().min(8192)].contains(&0) && sniff(name, bytes) != InputKind::Warc {
        return Err(InputError::Binary {
            origin: name.to_string(),
        });
    }
    let one = |kind| {
        Ok(vec![Ok(RawItem {
            origin: name.to_string(),
            body: bytes.to_vec(),
            kind,
            meta: ItemMeta::default(),
        })])
    };
    match sniff(name, bytes) {
        InputKind::Html => one(BodyKind::Html),
        InputKind::Text => one(BodyKind::Text),
        InputKind::Json => split_json(name, bytes),
        InputKind::JsonLines => Ok(split_json_lines(name, bytes)),
        InputKind::Feed => split_feed(name, bytes),
        InputKind::Warc => split_warc(name, bytes),
    }
}

// ---------------------------------------------------------------------------
// JSON and JSON Lines
// ---------------------------------------------------------------------------

/// One article as a JSON object: `url`, `title`, `outlet`, `published`, and `text` or `html`.
#[derive(Debug, Deserialize)]
struct JsonArticle {
    url: Option<String>,
    title: Option<String>,
    #[serde(alias = "source", alias = "site_name", alias = "publisher")]
    outlet: Option<serde_json::Value>,
    #[serde(alias = "date", alias = "published_at", alias = "datePublished")]
    published: Option<String>,
    #[serde(alias = "body", alias = "content", alias = "articleBody")]
    text: Option<String>,
    html: Option<String>,
    #[serde(default)]
    authors: Option<serde_json::Value>,
    #[serde(alias = "lang")]
    language: Option<String>,
}

fn article_to_item(origin: String, a: JsonArticle) -> Result<RawItem, ItemError> {
    let published = match &a.published {
        Some(s) => Some(PublishedTime {
            at: parse_datetime(s).ok_or_else(|| ItemError {
                origin: origin.clone(),
                reason: format!("`published` is not a date: {s:?}"),
            })?,
            provenance: TimeProvenance::User,
            confidence: 1.0,
        }),
        None => None,
    };
    let outlet = match a.outlet {
        Some(serde_json::Value::String(s)) => Some(s),
        Some(serde_json::Value::Object(o)) => {
            o.get("name").and_then(|v| v.as_str()).map(str::to_string)
        }
        _ => None,
    };
    let authors = match a.authors {
        Some(serde_json::Value::String(s)) => vec![s],
        Some(serde_json::Value::Array(v)) => v
            .iter()
            .filter_map(|x| x.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let meta = ItemMeta {
        url: a.url,
        title: a.title,
        outlet,
        published,
        authors,
        language: a.language,
    };
    let (body, kind) = match (a.html, a.text) {
        (Some(h), _) if !h.trim().is_empty() => (h.into_bytes(), BodyKind::Html),
        (_, Some(t)) if !t.trim().is_empty() => (t.into_bytes(), BodyKind::Text),
        _ => {
            return Err(ItemError {
                origin,
                reason: "the article has neither `text` nor `html`".into(),
            })
        }
    };
    Ok(RawItem {
        origin,
        body,
        kind,
        meta,
    })
}

fn split_json(name: &str, bytes: &[u8]) -> Result<Vec<Result<RawItem, ItemError>>, InputError> {
    let value: serde_json::Value =
        serde_json::from_slice(bytes).map_err(|e| InputError::BadJson {
            origin: name.to_string(),
            reason: e.to_string(),
        })?;
    let values = match value {
        serde_json::Value::Array(v) => v,
        serde_json::Value::Object(_) => vec![value],
        _ => {
            return Err(InputError::BadJson {
                origin: name.to_string(),
                reason: "expected an article object or an array of them".into(),
            })
        }
    };
    let many = values.len() > 1;
    Ok(values
        .into_iter()
        .enumerate()
        .map(|(i, v)| {
            let origin = if many {
                format!("{name}#{}", i + 1)
            } else {
                name.to_string()
            };
            let article: JsonArticle = serde_json::from_value(v).map_err(|e| ItemError {
                origin: origin.clone(),
                reason: format!("not an article object: {e}"),
            })?;
            article_to_item(origin, article)
        })
        .collect())
}

fn split_json_lines(name: &str, bytes: &[u8]) -> Vec<Result<RawItem, ItemError>> {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let origin = format!("{name}#line-{}", i + 1);
            let article: JsonArticle = serde_json::from_str(line).map_err(|e| ItemError {
                origin: origin.clone(),
                reason: format!("not a JSON article: {e}"),
            })?;
            article_to_item(origin, article)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Feeds
// ---------------------------------------------------------------------------

fn split_feed(name: &str, bytes: &[u8]) -> Result<Vec<Result<RawItem, ItemError>>, InputError> {
    let feed = feed_rs::parser::parse(bytes).map_err(|e| InputError::BadFeed {
        origin: name.to_string(),
        reason: e.to_string(),
    })?;
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|s| !s.is_empty());
    let language = feed.language.clone();
    Ok(feed
        .entries
        .into_iter()
        .enumerate()
        .map(|(i, entry)| {
            let origin = format!("{name}#item-{}", i + 1);
            let url = entry.links.first().map(|l| l.href.clone());
            let title = entry.title.as_ref().map(|t| t.content.trim().to_string());
            let published = entry.published.or(entry.updated).map(|d| PublishedTime {
                at: Timestamp {
                    utc: d.naive_utc(),
                    precision: TimePrecision::Second,
                },
                provenance: TimeProvenance::Feed,
                confidence: 0.9,
            });
            let authors = entry
                .authors
                .iter()
                .map(|a| a.name.clone())
                .filter(|n| !n.is_empty())
                .collect();
            let body = entry
                .content
                .as_ref()
                .and_then(|c| c.body.clone())
                .filter(|b| !b.trim().is_empty())
                .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                .filter(|b| !b.trim().is_empty())
                .ok_or_else(|| ItemError {
                    origin: origin.clone(),
                    reason: "feed item has no content or summary".into(),
                })?;
            let kind = if body.contains('<') {
                BodyKind::Html
            } else {
                BodyKind::Text
            };
            let body = if kind == BodyKind::Html && !body.to_ascii_lowercase().contains("<body") {
                // Give the fragment a body so extraction treats it as the main content.
                format!("<html><body><article>{body}</article></body></html>")
            } else {
                body
            };
            Ok(RawItem {
                origin,
                body: body.into_bytes(),
                kind,
                meta: ItemMeta {
                    url,
                    title,
                    outlet: outlet.clone(),
                    published,
                    authors,
                    language: language.clone(),
                },
            })
        })
        .collect())
}

// ---------------------------------------------------------------------------
// WARC
// ---------------------------------------------------------------------------

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn header_value<'a>(headers: &'a str, name: &str) -> Option<&'a str> {
    headers.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

fn split_warc(name: &str, bytes: &[u8]) -> Result<Vec<Result<RawItem, ItemError>>, InputError> {
    let mut items = Vec::new();
    let mut pos = 0usize;
    let mut record = 0usize;
    while pos < bytes.len() {
        // Skip blank lines between records.
        while pos < bytes.len() && matches!(bytes[pos], b'\r' | b'\n') {
            pos += 1;
        }
        if pos >= bytes.len() {
            break;
        }
        record += 1;
        let origin = format!("{name}#record-{record}");
        if !bytes[pos..].starts_with(b"WARC/") {
            if record == 1 {
                return Err(InputError::BadWarc {
                    origin: name.to_string(),
                    reason: "does not start with `WARC/`".into(),
                });
            }
            items.push(Err(ItemError {
                origin,
                reason: "expected a `WARC/` record header; the rest is skipped".into(),
            }));
            break;
        }
        let Some(hdr_end) = find(&bytes[pos..], b"\r\n\r\n").map(|i| pos + i) else {
            items.push(Err(ItemError {
                origin,
                reason: "truncated record header".into(),
            }));
            break;
        };
        let headers = String::from_utf8_lossy(&bytes[pos..hdr_end]).into_owned();
        let Some(len) =
            header_value(&headers, "Content-Length").and_then(|v| v.parse::<usize>().ok())
        else {
            items.push(Err(ItemError {
                origin,
                reason: "record has no valid Content-Length; the rest is skipped".into(),
            }));
            break;
        };
        let body_start = hdr_end + 4;
        let body_end = body_start.saturating_add(len);
        if body_end > bytes.len() {
            items.push(Err(ItemError {
                origin,
                reason: format!(
                    "truncated record: Content-Length {len} but {} bytes left",
                    bytes.len() - body_start
                ),
            }));
            break;
        }
        pos = body_end;
        let wtype = header_value(&headers, "WARC-Type")
            .unwrap_or("")
            .to_ascii_lowercase();
        if wtype != "response" && wtype != "resource" {
            continue;
        }
        let url = header_value(&headers, "WARC-Target-URI")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let published = header_value(&headers, "WARC-Date")
            .and_then(parse_datetime)
            .map(|at| PublishedTime {
                at,
                provenance: TimeProvenance::Capture,
                confidence: 0.3,
            });
        let payload = &bytes[body_start..body_end];
        let result = if wtype == "response" {
            http_payload(payload).map_err(|reason| ItemError {
                origin: origin.clone(),
                reason,
            })
        } else {
            let ctype = header_value(&headers, "Content-Type")
                .unwrap_or("text/html")
                .to_string();
            Ok((ctype, payload.to_vec()))
        };
        match result {
            Ok((ctype, body)) => {
                let ctype = ctype.to_ascii_lowercase();
                let kind = if ctype.contains("html") || ctype.contains("xml") {
                    BodyKind::Html
                } else if ctype.starts_with("text/") {
                    BodyKind::Text
                } else {
                    continue; // images, scripts, PDFs: not articles
                };
                items.push(Ok(RawItem {
                    origin,
                    body,
                    kind,
                    meta: ItemMeta {
                        url,
                        published,
                        ..ItemMeta::default()
                    },
                }));
            }
            Err(e) => items.push(Err(e)),
        }
    }
    Ok(items)
}

/// Splits an HTTP response into (content type, decoded body).
fn http_payload(payload: &[u8]) -> Result<(String, Vec<u8>), String> {
    let hdr_end = find(payload, b"\r\n\r\n").ok_or("HTTP response without a header end")?;
    let headers = String::from_utf8_lossy(&payload[..hdr_end]).into_owned();
    if !headers.starts_with("HTTP/") {
        return Err("payload is not an HTTP response".into());
    }
    let mut body = payload[hdr_end + 4..].to_vec();
    if header_value(&headers, "Transfer-Encoding")
        .is_some_and(|v| v.eq_ignore_ascii_case("chunked"))
    {
        body = dechunk(&body).ok_or("malformed chunked transfer encoding")?;
    }
    if header_value(&headers, "Content-Encoding").is_some_and(|v| v.eq_ignore_ascii_case("gzip")) {
        body = gunzip("http body", &body).map_err(|e| e.to_string())?;
    }
    let ctype = header_value(&headers, "Content-Type")
        .unwrap_or("text/html")
        .to_string();
    Ok((ctype, body))
}

fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len());
    loop {
        let line_end = find(data, b"\r\n")?;
        let size_str = std::str::from_utf8(&data[..line_end]).ok()?;
        let size = usize::from_str_radix(size_str.split(';').next()?.trim(), 16).ok()?;
        data = &data[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

// ---------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------

/// Parses the date formats met in feeds, JSON and headers: RFC 3339, RFC 2822,
/// `YYYY-MM-DD HH:MM[:SS]`, and a bare `YYYY-MM-DD`. Times without a zone are UTC.
pub fn parse_datetime(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(s) {
        return Some(Timestamp {
            utc: dt.naive_utc(),
            precision: TimePrecision::Second,
        });
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(Timestamp {
            utc: dt.naive_utc(),
            precision: TimePrecision::Second,
        });
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
    ] {
        if let Ok(dt) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
            let precision = if fmt.contains("%S") {
                TimePrecision::Second
            } else {
                TimePrecision::Minute
            };
            return Some(Timestamp { utc: dt, precision });
        }
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(Timestamp {
            utc: d.and_hms_opt(0, 0, 0)?,
            precision: TimePrecision::Day,
        });
    }
    None
}

/// An [`Outlet`] from a name and an optional URL (whose host gives the domain).
pub fn outlet_from(name: Option<&str>, url: Option<&str>) -> Option<Outlet> {
    let domain = url.and_then(domain_of);
    match (name, domain) {
        (Some(n), d) if !n.trim().is_empty() => Some(Outlet {
            name: n.trim().to_string(),
            domain: d,
        }),
        (_, Some(d)) => Some(Outlet {
            name: d.clone(),
            domain: Some(d),
        }),
        _ => None,
    }
}

/// The host of a URL without a leading `www.`.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?;
    let host = host.split(':').next()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (!host.is_empty()).then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, input: &str, expect: expect_test::Expect) {
        let out = match split_input(name, input.as_bytes()) {
            Err(e) => format!("error: {e}"),
            Ok(items) => items
                .iter()
                .map(|r| match r {
                    Ok(i) => format!(
                        "{} {:?} url={:?} title={:?} outlet={:?} published={:?} body={:?}",
                        i.origin,
                        i.kind,
                        i.meta.url,
                        i.meta.title,
                        i.meta.outlet,
                        i.meta.published.as_ref().map(|p| p.at.to_iso()),
                        String::from_utf8_lossy(&i.body)
                            .chars()
                            .take(40)
                            .collect::<String>()
                    ),
                    Err(e) => format!("item error: {e}"),
                })
                .collect::<Vec<_>>()
                .join("\n"),
        };
        expect.assert_eq(&out);
    }

    #[test]
    fn json_lines_keep_going_after_a_bad_line() {
        check(
            "a.jsonl",
            "{\"url\":\"https://x.example/1\",\"title\":\"T\",\"outlet\":\"X\",\"published\":\"2026-03-03T10:00:00Z\",\"text\":\"Body one.\"}\n{not json}\n{\"title\":\"no body\"}\n",
            expect_test::expect![[r#"
                a.jsonl#line-1 Text url=Some("https://x.example/1") title=Some("T") outlet=Some("X") published=Some("2026-03-03T10:00:00Z") body="Body one."
                item error: a.jsonl#line-2: not a JSON article: key must be a string at line 1 column 2
                item error: a.jsonl#line-3: the article has neither `text` nor `html`"#]],
        );
    }

    #[test]
    fn rss_items_become_items() {
        check(
            "f.xml",
            r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>
<item><title>One</title><link>https://vp.example/one</link><pubDate>Tue, 04 Mar 2026 09:30:00 GMT</pubDate><description>&lt;p&gt;Hello there.&lt;/p&gt;</description></item>
<item><title>Empty</title></item></channel></rss>"#,
            expect_test::expect![[r#"
                f.xml#item-1 Html url=Some("https://vp.example/one") title=Some("One") outlet=Some("Valley Post") published=Some("2026-03-04T09:30:00Z") body="<html><body><article><p>Hello there.</p>"
                item error: f.xml#item-2: feed item has no content or summary"#]],
        );
        check(
            "bad.rss",
            "<rss><channel><item>",
            expect_test::expect![[
                r#"error: bad.rss: not a feed: unable to parse feed: no root element"#
            ]],
        );
    }

    #[test]
    fn warc_records_and_truncation() {
        let html = "<html><body><p>Hi</p></body></html>";
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
        let rec = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://w.example/a\r\nWARC-Date: 2026-03-04T08:00:00Z\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        let warcinfo = "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n";
        let truncated =
            "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\nHTTP/1.1 200";
        check(
            "c.warc",
            &format!("{warcinfo}{rec}{truncated}"),
            expect_test::expect![[r#"
                c.warc#record-2 Html url=Some("https://w.example/a") title=None outlet=None published=Some("2026-03-04T08:00:00Z") body="<html><body><p>Hi</p></body></html>"
                item error: c.warc#record-3: truncated record: Content-Length 999 but 12 bytes left"#]],
        );
    }

    #[test]
    fn sniffs_kinds() {
        assert_eq!(sniff("a.html.gz", b""), InputKind::Html);
        assert_eq!(sniff("x", b"<!DOCTYPE html><html>"), InputKind::Html);
        assert_eq!(sniff("x", b"Plain words here."), InputKind::Text);
        assert_eq!(
            sniff(
                "x.json",
                b"{\"version\":\"https://jsonfeed.org/version/1.1\"}"
            ),
            InputKind::Feed
        );
        assert_eq!(
            sniff(
                "x",
                b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'>"
            ),
            InputKind::Feed
        );
    }

    #[test]
    fn binary_data_is_refused() {
        let err = split_input("x.bin", b"SQLite format 3\0\0\x10").expect_err("binary");
        assert_eq!(
            err.to_string(),
            "x.bin: binary data, not a page, feed or archive"
        );
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let err = split_input("a.html.gz", &[0x1f, 0x8b, 8, 0, 0]).expect_err("truncated");
        assert!(
            err.to_string()
                .starts_with("a.html.gz: gzip data is corrupt"),
            "{err}"
        );
    }

    #[test]
    fn domains() {
        assert_eq!(
            domain_of("https://www.bbc.co.uk/news/x?y").as_deref(),
            Some("bbc.co.uk")
        );
        assert_eq!(domain_of("not a url"), None);
    }
}
