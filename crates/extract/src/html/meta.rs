//! Page metadata: title, authors, outlet, publication time, language, canonical URL.
//!
//! Sources, most trusted first: schema.org JSON-LD, `<meta>` tags (Open Graph,
//! `article:*`, Dublin Core, `name=author` ...), `<time datetime>` elements, `<link
//! rel=canonical>`, `<html lang>`, and finally the URL itself (domain, `/2025/11/21/`).

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};
use model::{Outlet, PublishedTime, TimePrecision, TimeProvenance, Timestamp};
use serde_json::Value;

use super::dom::{Dom, NodeKind, Tag};
use super::entities::decode_str;

/// Metadata read from the page.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// `og:title`, JSON-LD headline, first `h1`, or `<title>`.
    pub title: Option<String>,
    /// JSON-LD authors, else `<meta name=author>` and friends, else `rel=author` links.
    pub authors: Vec<String>,
    /// `og:site_name`, JSON-LD publisher, or the domain.
    pub outlet: Option<Outlet>,
    /// JSON-LD `datePublished`, meta tags, `<time>`, or a date in the URL.
    pub published: Option<PublishedTime>,
    /// Two- or three-letter language code.
    pub language: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical_url: Option<String>,
    /// Word keys of every form of the headline seen (for spotting it in the text).
    pub title_keys: Vec<String>,
    /// JSON-LD blocks that did not parse.
    pub bad_json_ld: usize,
}

#[derive(Default)]
struct Found {
    og_title: Option<String>,
    title_el: Option<String>,
    h1: Option<String>,
    ld_headline: Option<String>,
    site_name: Option<String>,
    ld_publisher: Option<String>,
    meta_authors: Vec<String>,
    ld_authors: Vec<String>,
    meta_time: Option<String>,
    ld_time: Option<String>,
    /// `datePublished` of a non-article JSON-LD object, or read from JSON-LD that did
    /// not parse.
    ld_any_time: Option<String>,
    time_el: Option<String>,
    /// How many `<time datetime>` elements carry a value different from the first.
    other_times: usize,
    lang: Option<String>,
    og_locale: Option<String>,
    canonical: Option<String>,
    og_url: Option<String>,
}

/// Collapses white space and decodes references in a text value.
fn clean(s: &str) -> String {
    let d = decode_str(s);
    let mut out = String::with_capacity(d.len());
    for w in d.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn text_of(dom: &Dom<'_>, id: u32) -> String {
    let mut s = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        let node = dom.node(n);
        match node.kind {
            NodeKind::Text => {
                s.push_str(dom.raw(n));
                s.push(' ');
            }
            NodeKind::Element { tag, .. } => {
                if matches!(tag, Tag::Script | Tag::Style) {
                    continue;
                }
                let kids: Vec<u32> = dom.children(n).collect();
                stack.extend(kids.into_iter().rev());
            }
        }
    }
    clean(&s)
}

/// Reads the metadata of a parsed page.
pub fn read(dom: &Dom<'_>, url: Option<&str>) -> PageMeta {
    let mut f = Found::default();
    let mut bad_json_ld = 0;
    for (i, node) in dom.nodes.iter().enumerate() {
        let id = i as u32;
        let Some(tag) = node.tag() else { continue };
        match tag {
            Tag::Html => {
                if let Some(l) = dom.attr(id, "lang") {
                    f.lang.get_or_insert_with(|| l.to_string());
                }
            }
            Tag::Title if f.title_el.is_none() => {
                let t = text_of(dom, id);
                if !t.is_empty() {
                    f.title_el = Some(t);
                }
            }
            Tag::H1 if f.h1.is_none() => {
                let t = text_of(dom, id);
                if !t.is_empty() {
                    f.h1 = Some(t);
                }
            }
            Tag::Meta => read_meta(dom, id, &mut f),
            Tag::Link => {
                let rel = dom.attr(id, "rel").unwrap_or_default();
                if rel.eq_ignore_ascii_case("canonical") {
                    if let Some(h) = dom.attr(id, "href") {
                        f.canonical.get_or_insert_with(|| clean(h));
                    }
                }
            }
            Tag::Time => {
                if let Some(d) = dom.attr(id, "datetime") {
                    let d = clean(d);
                    match &f.time_el {
                        None => f.time_el = Some(d),
                        Some(first) if *first != d => f.other_times += 1,
                        Some(_) => {}
                    }
                }
            }
            Tag::A
                if dom
                    .attr(id, "rel")
                    .is_some_and(|r| r.eq_ignore_ascii_case("author")) =>
            {
                let t = text_of(dom, id);
                if !t.is_empty() && t.len() < 80 {
                    f.meta_authors.push(t);
                }
            }
            Tag::Script => {
                let is_ld = dom
                    .attr(id, "type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
                if is_ld {
                    let raw: String = dom.children(id).map(|c| dom.raw(c)).collect();
                    match serde_json::from_str::<Value>(raw.trim()) {
                        Ok(v) => read_json_ld(&v, &mut f, 0),
                        Err(_) => {
                            bad_json_ld += 1;
                            if let Some(d) = json_string_after(&raw, "\"datePublished\"") {
                                f.ld_any_time.get_or_insert(d);
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }

    let mut title_keys: Vec<String> = Vec::new();
    for t in [&f.og_title, &f.ld_headline, &f.title_el]
        .into_iter()
        .flatten()
    {
        title_keys.push(super::content::word_key(t));
        // "Headline | Outlet", "Headline - Outlet"
        for sep in [" | ", " - ", " – ", " — ", " :: "] {
            if let Some((head, _)) = t.rsplit_once(sep) {
                title_keys.push(super::content::word_key(head));
            }
        }
    }
    title_keys.retain(|k| k.split(' ').count() >= 3);
    title_keys.sort();
    title_keys.dedup();

    let title = f
        .og_title
        .clone()
        .or(f.ld_headline.clone())
        .or(f.h1.clone())
        .or(f.title_el.clone());

    let mut authors = if f.ld_authors.is_empty() {
        f.meta_authors.clone()
    } else {
        f.ld_authors.clone()
    };
    let mut seen = std::collections::HashSet::new();
    authors.retain(|a| !a.is_empty() && !a.starts_with("http") && seen.insert(a.to_lowercase()));

    let canonical_url = f.canonical.clone().or(f.og_url.clone());
    let domain = url
        .and_then(domain_of)
        .or_else(|| canonical_url.as_deref().and_then(domain_of));
    let outlet = match (f.site_name.clone().or(f.ld_publisher.clone()), domain) {
        (Some(name), domain) => Some(Outlet { name, domain }),
        (None, Some(d)) => Some(Outlet {
            name: d.clone(),
            domain: Some(d),
        }),
        (None, None) => None,
    };

    let published = f
        .ld_time
        .as_deref()
        .or(f.ld_any_time.as_deref())
        .and_then(parse_time)
        .map(|at| PublishedTime {
            at,
            provenance: TimeProvenance::JsonLd,
            confidence: 0.95,
        })
        .or_else(|| {
            f.meta_time
                .as_deref()
                .and_then(parse_time)
                .map(|at| PublishedTime {
                    at,
                    provenance: TimeProvenance::MetaTag,
                    confidence: 0.9,
                })
        })
        .or_else(|| {
            f.time_el
                .as_deref()
                .and_then(parse_time)
                .map(|at| PublishedTime {
                    at,
                    provenance: TimeProvenance::TimeElement,
                    confidence: 0.7,
                })
        })
        .or_else(|| {
            url.or(canonical_url.as_deref())
                .and_then(date_in_url)
                .map(|at| PublishedTime {
                    at,
                    provenance: TimeProvenance::UrlPath,
                    confidence: 0.5,
                })
        });

    let language = f.lang.as_deref().or(f.og_locale.as_deref()).and_then(|l| {
        let code: String = l
            .trim()
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .collect::<String>()
            .to_ascii_lowercase();
        (code.len() == 2 || code.len() == 3).then_some(code)
    });

    PageMeta {
        title,
        authors,
        outlet,
        published,
        language,
        canonical_url,
        title_keys,
        bad_json_ld,
    }
}

fn read_meta(dom: &Dom<'_>, id: u32, f: &mut Found) {
    let key = dom
        .attr(id, "property")
        .or_else(|| dom.attr(id, "name"))
        .or_else(|| dom.attr(id, "itemprop"))
        .or_else(|| dom.attr(id, "http-equiv"));
    let (Some(key), Some(content)) = (key, dom.attr(id, "content")) else {
        return;
    };
    let key = key.trim().to_ascii_lowercase();
    let value = clean(content);
    if value.is_empty() {
        return;
    }
    match key.as_str() {
        "og:title" | "twitter:title" => {
            f.og_title.get_or_insert(value);
        }
        "og:site_name" | "application-name" => {
            f.site_name.get_or_insert(value);
        }
        "og:url" => {
            f.og_url.get_or_insert(value);
        }
        "og:locale" => {
            f.og_locale.get_or_insert(value);
        }
        "content-language" | "language" | "dc.language" => {
            f.lang.get_or_insert(value);
        }
        "author" | "article:author" | "dc.creator" | "byl" | "sailthru.author"
        | "parsely-author" => {
            let v = value.strip_prefix("By ").unwrap_or(&value).to_string();
            if !v.starts_with("http") {
                for a in v.split([',', ';']) {
                    let a = a.trim();
                    if !a.is_empty() {
                        f.meta_authors.push(a.to_string());
                    }
                }
            }
        }
        "article:published_time"
        | "og:published_time"
        | "published_time"
        | "datepublished"
        | "pubdate"
        | "publishdate"
        | "publish-date"
        | "date"
        | "dc.date"
        | "dc.date.issued"
        | "dcterms.created"
        | "sailthru.date"
        | "parsely-pub-date"
        | "article.published"
        | "original-publish-date" => {
            f.meta_time.get_or_insert(value);
        }
        _ => {}
    }
}

fn is_article_type(v: &Value) -> bool {
    let check = |s: &str| {
        s.contains("Article")
            || s.contains("BlogPosting")
            || s.contains("LiveBlog")
            || s == "Report"
            || s == "WebPage"
    };
    match v.get("@type") {
        Some(Value::String(s)) => check(s),
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(check)),
        _ => false,
    }
}

fn names_of(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(clean(s)),
        Value::Object(o) => {
            if let Some(Value::String(n)) = o.get("name") {
                out.push(clean(n));
            }
        }
        Value::Array(a) => a.iter().for_each(|x| names_of(x, out)),
        _ => {}
    }
}

fn read_json_ld(v: &Value, f: &mut Found, depth: usize) {
    if depth > 6 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| read_json_ld(x, f, depth + 1)),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                read_json_ld(g, f, depth + 1);
            }
            if !is_article_type(v) {
                if let Some(Value::String(d)) = o.get("datePublished") {
                    f.ld_any_time.get_or_insert_with(|| clean(d));
                }
                return;
            }
            let webpage = matches!(o.get("@type"), Some(Value::String(s)) if s == "WebPage");
            if let Some(Value::String(h)) = o.get("headline") {
                if !webpage {
                    f.ld_headline.get_or_insert_with(|| clean(h));
                }
            }
            if let Some(Value::String(d)) = o.get("datePublished") {
                if webpage {
                    f.ld_any_time.get_or_insert_with(|| clean(d));
                } else {
                    f.ld_time.get_or_insert_with(|| clean(d));
                }
            }
            if let Some(a) = o.get("author") {
                if f.ld_authors.is_empty() && !webpage {
                    names_of(a, &mut f.ld_authors);
                }
            }
            if let Some(p) = o.get("publisher") {
                let mut names = Vec::new();
                names_of(p, &mut names);
                if let Some(n) = names.into_iter().next() {
                    f.ld_publisher.get_or_insert(n);
                }
            }
        }
        _ => {}
    }
}

/// The string value after `key` in text that is not valid JSON (`"key": "value"`).
fn json_string_after(raw: &str, key: &str) -> Option<String> {
    let at = raw.find(key)? + key.len();
    let rest = raw[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find('"')?;
    Some(clean(&rest[..end]))
}

/// The host of a URL without `www.`, lowercased.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?.split(':').next()?;
    let host = host.trim().to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    (host.contains('.') && !host.is_empty()).then_some(host)
}

/// Parses the date-time forms found in metadata: RFC 3339, ISO 8601 without a zone
/// (taken as UTC), `YYYY-MM-DD HH:MM[:SS]`, and a bare date.
pub fn parse_time(s: &str) -> Option<Timestamp> {
    let s = s.trim();
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(Timestamp {
            utc: dt.naive_utc(),
            precision: TimePrecision::Second,
        });
    }
    for fmt in [
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%z",
    ] {
        if let Ok(dt) = DateTime::parse_from_str(s, fmt) {
            return Some(Timestamp {
                utc: dt.naive_utc(),
                precision: TimePrecision::Second,
            });
        }
    }
    let trimmed = s.trim_end_matches('Z');
    for (fmt, precision) in [
        ("%Y-%m-%dT%H:%M:%S%.f", TimePrecision::Second),
        ("%Y-%m-%dT%H:%M:%S", TimePrecision::Second),
        ("%Y-%m-%d %H:%M:%S", TimePrecision::Second),
        ("%Y-%m-%dT%H:%M", TimePrecision::Minute),
        ("%Y-%m-%d %H:%M", TimePrecision::Minute),
    ] {
        if let Ok(dt) = NaiveDateTime::parse_from_str(trimmed, fmt) {
            return Some(Timestamp { utc: dt, precision });
        }
    }
    if let Some(d) = s
        .get(..10)
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    {
        return Some(Timestamp {
            utc: d.and_time(NaiveTime::MIN),
            precision: TimePrecision::Day,
        });
    }
    parse_loose_time(s)
}

/// Month number of an English month name or its three-letter abbreviation.
fn month_of(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    let months = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let prefix = w.get(..3)?;
    let m = months.iter().position(|&m| m == prefix)? as u32 + 1;
    // "mar" must not match "market": the word is the name, its prefix, or "sept".
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let name = full[(m - 1) as usize];
    (name.starts_with(w.as_str()) || w == "sept").then_some(m)
}

/// Offset in minutes east of UTC for common zone abbreviations.
fn zone_minutes(word: &str) -> Option<i32> {
    Some(match word.to_ascii_uppercase().as_str() {
        "GMT" | "UTC" | "Z" | "WET" => 0,
        "BST" | "CET" | "WEST" => 60,
        "CEST" | "EET" => 120,
        "EEST" | "MSK" => 180,
        "IST" => 330,
        "JST" | "KST" => 540,
        "AEST" => 600,
        "AEDT" => 660,
        "EST" => -300,
        "EDT" | "AST" => -240,
        "CST" => -360,
        "CDT" => -300,
        "MST" => -420,
        "MDT" => -360,
        "PST" => -480,
        "PDT" => -420,
        _ => return None,
    })
}

/// Parses a numeric offset such as `+0800`, `+08:00` or `-05`.
fn numeric_offset(s: &str) -> Option<i32> {
    let sign = match s.as_bytes().first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|c| c.is_ascii_digit()).collect();
    if digits.len() != 2 && digits.len() != 4 {
        return None;
    }
    let h: i32 = digits[..2].parse().ok()?;
    let m: i32 = digits.get(2..4).map_or(Some(0), |x| x.parse().ok())?;
    (h <= 14 && m < 60).then_some(sign * (h * 60 + m))
}

/// Parses written dates such as "November 19, 2019, 07:47 PM EST",
/// "19 Nov 2019 07:09 GMT", "Tue Nov 19 2019 05:44:06 GMT+0000" or "2019/11/19".
pub fn parse_loose_time(s: &str) -> Option<Timestamp> {
    let tokens: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|t| !t.is_empty())
        .collect();
    let (mut year, mut month, mut day) = (None, None, None);
    let mut time: Option<(u32, u32, u32)> = None;
    let mut pm: Option<bool> = None;
    let mut offset: Option<i32> = None;
    for tok in &tokens {
        let t = tok.trim_matches(|c: char| c == '.' || c == '(' || c == ')');
        // Numeric dates: 2019/11/19, 2019-11-19.
        let parts: Vec<&str> = t.split(['/', '-']).collect();
        if parts.len() == 3
            && parts[0].len() == 4
            && parts
                .iter()
                .all(|p| p.chars().all(|c| c.is_ascii_digit()) && !p.is_empty())
        {
            year = parts[0].parse().ok();
            month = parts[1].parse().ok();
            day = parts[2].parse().ok();
            continue;
        }
        if let Some(m) = month_of(t) {
            month.get_or_insert(m);
            continue;
        }
        let upper = t.to_ascii_uppercase();
        if upper == "AM" || upper == "A.M" {
            pm = Some(false);
            continue;
        }
        if upper == "PM" || upper == "P.M" {
            pm = Some(true);
            continue;
        }
        if let Some(z) = zone_minutes(t) {
            offset.get_or_insert(z);
            continue;
        }
        if let Some(rest) = upper
            .strip_prefix("GMT")
            .or_else(|| upper.strip_prefix("UTC"))
        {
            offset = numeric_offset(rest).or(Some(0));
            continue;
        }
        if let Some(o) = numeric_offset(t) {
            offset.get_or_insert(o);
            continue;
        }
        if t.contains(':') {
            let (clock, suffix) = t.split_at(
                t.find(|c: char| !c.is_ascii_digit() && c != ':')
                    .unwrap_or(t.len()),
            );
            let nums: Vec<u32> = clock.split(':').filter_map(|x| x.parse().ok()).collect();
            if nums.len() >= 2 && nums[0] < 24 && nums[1] < 60 {
                time = Some((nums[0], nums[1], nums.get(2).copied().unwrap_or(0)));
                match suffix.to_ascii_uppercase().as_str() {
                    "PM" => pm = Some(true),
                    "AM" => pm = Some(false),
                    _ => {}
                }
            }
            continue;
        }
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        if digits.len() == 4 {
            year = digits.parse().ok();
        } else if (1..=2).contains(&digits.len()) && day.is_none() {
            day = digits.parse().ok();
        }
    }
    let date = NaiveDate::from_ymd_opt(year?, month?, day?)?;
    let Some((mut h, m, sec)) = time else {
        return Some(Timestamp {
            utc: date.and_time(NaiveTime::MIN),
            precision: TimePrecision::Day,
        });
    };
    match pm {
        Some(true) if h < 12 => h += 12,
        Some(false) if h == 12 => h = 0,
        _ => {}
    }
    let local = date.and_time(NaiveTime::from_hms_opt(h, m, sec)?);
    let utc = local - chrono::Duration::minutes(i64::from(offset.unwrap_or(0)));
    Some(Timestamp {
        utc,
        precision: TimePrecision::Minute,
    })
}

/// A `/YYYY/MM/DD/` (or `/YYYY-MM-DD`) date in a URL path.
pub fn date_in_url(url: &str) -> Option<Timestamp> {
    let path = url.split_once("://").map_or(url, |(_, r)| r);
    let parts: Vec<&str> = path.split(['/', '-', '_', '.']).collect();
    for w in parts.windows(3) {
        let (y, m, d) = (w[0], w[1], w[2]);
        if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) {
            let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>())
            else {
                continue;
            };
            if !(1990..=2100).contains(&y) {
                continue;
            }
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                return Some(Timestamp {
                    utc: date.and_time(NaiveTime::MIN),
                    precision: TimePrecision::Day,
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &str) -> String {
        parse_time(s).map_or("none".to_string(), |t| t.to_iso())
    }

    #[test]
    fn parses_metadata_date_forms() {
        let got: Vec<String> = [
            "2025-11-21T22:33:00+02:00",
            "2025-11-21T22:33:00.000Z",
            "2025-11-21 22:33:13+08:00",
            "2025-11-21",
            "2025/11/21",
            "November 21, 2025, 07:47 PM EST",
            "21 Nov 2025 07:09 GMT",
            "Fri Nov 21 2025 05:44:06 GMT+0000",
            "01:38:07 PM IST Nov 21, 2025",
            "Marketing update 2025",
            "",
        ]
        .iter()
        .map(|s| show(s))
        .collect();
        assert_eq!(
            got,
            [
                "2025-11-21T20:33:00Z",
                "2025-11-21T22:33:00Z",
                "2025-11-21T14:33:13Z",
                "2025-11-21",
                "2025-11-21",
                "2025-11-22T00:47Z",
                "2025-11-21T07:09Z",
                "2025-11-21T05:44Z",
                "2025-11-21T08:08Z",
                "none",
                "none",
            ]
        );
    }

    #[test]
    fn reads_dates_in_urls_and_domains() {
        assert_eq!(
            date_in_url("https://x.example/news/2025/11/21/story").map(|t| t.to_iso()),
            Some("2025-11-21".to_string())
        );
        assert_eq!(date_in_url("https://x.example/2025/13/40/"), None);
        assert_eq!(
            domain_of("https://www.News.Example.org:443/a?b"),
            Some("news.example.org".into())
        );
    }
}
