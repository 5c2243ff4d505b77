//! The nouns of Parallax: pure data types shared by every other crate.
//!
//! Nothing here does I/O or reads a clock. Every extracted item carries a [`Span`]
//! into the clean text of its document; the document's [`OffsetMap`] turns clean
//! offsets back into byte offsets of the raw input.

use serde::{Deserialize, Serialize};

pub mod offsets;
pub use offsets::{OffsetMap, OffsetSegment};

/// A document identifier: lowercase hex SHA-256 of the raw input bytes.
pub type DocId = String;

/// Lowercase hex SHA-256 of `bytes`: the content address of raw input and the
/// identity of the document extracted from it.
pub fn content_id(bytes: &[u8]) -> DocId {
    use sha2::Digest;
    let digest = sha2::Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
        s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
    }
    s
}

/// A half-open byte range `[start, end)` into a document's clean text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers, or `""` when it does not fit `text`.
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// A point in time as read from a page: UTC instant plus how precise the source was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Timestamp {
    /// The instant in UTC (midnight when only a day is known).
    pub utc: chrono::NaiveDateTime,
    pub precision: TimePrecision,
}

impl Timestamp {
    pub fn date(&self) -> chrono::NaiveDate {
        self.utc.date()
    }
    /// RFC 3339 for minute/second precision, `YYYY-MM-DD` for day precision.
    pub fn to_iso(&self) -> String {
        match self.precision {
            TimePrecision::Day => self.utc.format("%Y-%m-%d").to_string(),
            TimePrecision::Minute => self.utc.format("%Y-%m-%dT%H:%MZ").to_string(),
            TimePrecision::Second => self.utc.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimePrecision {
    Day,
    Minute,
    Second,
}

/// Where a publication time was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeProvenance {
    /// Given by the user (command line, sidecar file, JSON input field).
    User,
    /// A feed item's date.
    Feed,
    /// `<meta property="article:published_time">` and friends.
    MetaTag,
    /// schema.org JSON-LD `datePublished`.
    JsonLd,
    /// `<time datetime>` element.
    TimeElement,
    /// A byline or dateline in the text ("Nov 26, 2025").
    Byline,
    /// The URL path (`/2025/11/21/`).
    UrlPath,
    /// A WARC record's capture date.
    Capture,
    /// Inferred from the text, e.g. the latest post time of a live blog.
    Inferred,
    /// Not earlier than the newest dated article the text links to (a
    /// `/2025/11/19/` path in a link): a lower bound, used only when nothing else
    /// dates the page.
    LinkedArticles,
}

/// A document's publication time with where it came from and how sure we are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PublishedTime {
    pub at: Timestamp,
    pub provenance: TimeProvenance,
    /// 0.0 (a guess) ..= 1.0 (stated by the publisher in machine-readable form).
    pub confidence: f32,
}

/// Who published a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub struct Outlet {
    /// Display name ("BBC News", "Meduza").
    pub name: String,
    /// Registered domain when known ("bbc.co.uk").
    pub domain: Option<String>,
}

/// What kind of input a document came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputFormat {
    Html,
    Text,
    Json,
    FeedItem,
    Warc,
}

/// A live-blog entry, or the whole article when the document is not a live blog.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Post {
    /// The whole post (header and body) in clean text.
    pub span: Span,
    /// The body text only.
    pub body: Span,
    pub time: Option<Timestamp>,
    /// Where the time was written, when it was.
    pub time_span: Option<Span>,
    pub title: Option<String>,
    pub title_span: Option<Span>,
    pub author: Option<String>,
    pub author_role: Option<String>,
}

/// A problem met while reading an input that did not stop the work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable machine-readable code, e.g. `html.no_main_content`.
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// One page, extracted: clean text with its map back to the raw bytes, metadata and posts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocId,
    /// Where the bytes came from: a path, a URL, or `archive.warc.gz#record-3`.
    pub origin: String,
    pub url: Option<String>,
    pub format: InputFormat,
    pub outlet: Option<Outlet>,
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<PublishedTime>,
    /// ISO 639-1 code when detected ("en").
    pub language: Option<String>,
    /// An explicit credit to another outlet found in the text ("RT", "Meduza").
    pub credited_source: Option<String>,
    pub is_live_blog: bool,
    pub text: String,
    pub offsets: OffsetMap,
    pub posts: Vec<Post>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// The post whose span contains `offset`, if any.
    pub fn post_at(&self, offset: usize) -> Option<&Post> {
        self.posts
            .iter()
            .find(|p| p.span.start <= offset && offset < p.span.end.max(p.span.start + 1))
    }
}

// ---------------------------------------------------------------------------
// Per-document analysis
// ---------------------------------------------------------------------------

/// TimeML timex types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// What a relative expression was resolved against.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum AnchorKind {
    /// The live-blog post's own time.
    Post { post: usize },
    /// The document's publication time.
    Published,
    /// A date the text itself establishes (dateline, latest explicit date).
    TextDate { span: Span },
    /// No anchor was available; the value stays underspecified (e.g. `XXXX-11-19`).
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeAnchor {
    pub kind: AnchorKind,
    /// The anchor's value as a TimeML date or date-time (`2025-11-21T22:33`).
    pub value: Option<String>,
}

/// A time expression with its TimeML-style normalised value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    pub span: Span,
    pub text: String,
    pub kind: TimexType,
    /// `2025-11-27`, `2025-W47`, `P100D`, `PRESENT_REF`, `XXXX-11-19`, ...
    pub value: String,
    /// For ranges: the end value (`2025-11-21` in "November 20-21, 2025").
    pub end_value: Option<String>,
    pub anchor: TimeAnchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organization,
    Location,
    Other,
}

/// One occurrence of a name (or a pronoun resolved to a name) in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub span: Span,
    pub text: String,
    pub kind: EntityKind,
    /// Index into the document's entity list.
    pub entity: usize,
    /// True for pronouns and other non-name references resolved by coreference.
    pub is_pronoun: bool,
}

/// A person, organisation, place or other named thing within one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// The fullest name seen in the document ("Volodymyr Zelensky").
    pub name: String,
    pub kind: EntityKind,
    /// Roles and titles attached in the text ("Kremlin spokesman").
    pub roles: Vec<String>,
    /// Distinct surface forms used for it ("Zelensky", "Volodymyr Zelensky").
    pub aliases: Vec<String>,
    /// A spelling-insensitive key used to match it across documents.
    pub key: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    Direct,
    Indirect,
    Mixed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Proposes,
    Supports,
    Accepts,
    Rejects,
    Denies,
    Demands,
    Warns,
    Claims,
}

/// Who or what a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttributionSource {
    pub span: Option<Span>,
    /// The source as written ("Kremlin spokesman Dmitry Peskov", "a US official").
    pub text: String,
    /// The entity it resolves to, when it resolves to one (index into the document's entities).
    pub entity: Option<usize>,
    /// True when the source is a descriptor rather than a name ("a US official").
    pub is_descriptor: bool,
}

/// Who said what: a quote or reported statement with its source, cue and content.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub source: Option<AttributionSource>,
    pub cue: Option<Span>,
    pub cue_text: Option<String>,
    /// Content spans (several for quotes split by the cue).
    pub content: Vec<Span>,
    pub content_text: String,
    pub kind: AttributionKind,
    pub stance: Option<Stance>,
    /// For nested attributions ("Axios cited Yermak as saying"): the outer reporter.
    pub via: Option<AttributionSource>,
}

/// A number with what it counts and its qualifiers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    pub text: String,
    /// The value, or the lower end of a range.
    pub value: f64,
    /// The upper end of a range ("between 19 and 24").
    pub upper: Option<f64>,
    /// "more than", "about", "at most", ...
    pub qualifier: Option<QuantityQualifier>,
    /// What is counted ("troops", "drones"), lemmatised and lowercased.
    pub unit: Option<String>,
    pub unit_span: Option<Span>,
    /// Relative changes: "by half" = factor 0.5, "two and a half times" = 2.5.
    pub is_ratio: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuantityQualifier {
    Exact,
    Approximately,
    MoreThan,
    LessThan,
    AtLeast,
    AtMost,
    UpTo,
}

/// Everything the per-document stages found in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct DocumentAnalysis {
    /// Sentence spans of the clean text.
    pub sentences: Vec<Span>,
    pub timexes: Vec<Timex>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub attributions: Vec<Attribution>,
    pub quantities: Vec<Quantity>,
}

/// Evidence for a fused item: a sentence of one document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Evidence {
    pub doc: DocId,
    pub outlet: String,
    pub post: Option<usize>,
    /// The sentence (or narrower span) in the document's clean text.
    pub span: Span,
    pub text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_slice_is_total() {
        let s = Span::new(2, 5);
        assert_eq!(s.slice("abcdefg"), "cde");
        assert_eq!(Span::new(5, 50).slice("abc"), "");
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
    }

    #[test]
    fn timestamp_iso_follows_precision() {
        let utc = chrono::NaiveDate::from_ymd_opt(2025, 11, 21)
            .and_then(|d| d.and_hms_opt(22, 33, 0))
            .expect("valid date");
        let t = Timestamp {
            utc,
            precision: TimePrecision::Minute,
        };
        assert_eq!(t.to_iso(), "2025-11-21T22:33Z");
        let d = Timestamp {
            utc,
            precision: TimePrecision::Day,
        };
        assert_eq!(d.to_iso(), "2025-11-21");
    }
}
