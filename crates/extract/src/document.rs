//! One item to one [`Document`]: decode, extract (HTML) or clean (text), split
//! live-blog posts, and settle metadata by precedence.
//!
//! Metadata precedence: what the user gave (command line, sidecar, JSON fields) >
//! what the container said (feed, WARC) > what the page says about itself (meta
//! tags, JSON-LD, byline) > what can be inferred (URL, latest post time).

use model::{
    content_id, Diagnostic, Document, InputFormat, Outlet, Post, PublishedTime, Severity, Span,
    TimeProvenance,
};

use crate::input::{domain_of, outlet_from, BodyKind, ItemMeta, RawItem};
use crate::{html, liveblog, plaintext};

/// Decodes bytes as UTF-8. Invalid sequences are replaced, and a diagnostic says
/// that offsets then refer to the decoded text rather than the raw bytes.
pub fn decode(bytes: &[u8], diagnostics: &mut Vec<Diagnostic>) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(e) => {
            diagnostics.push(Diagnostic {
                severity: Severity::Warning,
                code: "input.not_utf8".into(),
                message: format!(
                    "input is not valid UTF-8 (first bad byte at {}); decoded with replacement characters, so offsets refer to the decoded text",
                    e.valid_up_to()
                ),
            });
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

/// Builds a document from an item. `overrides` (from the user) win over everything.
pub fn build_document(item: &RawItem, overrides: &ItemMeta) -> Document {
    let mut meta = overrides.clone();
    meta.fill_from(&item.meta);
    let mut diagnostics = Vec::new();
    let raw = decode(&item.body, &mut diagnostics);

    let (
        text,
        offsets,
        format,
        page_title,
        page_authors,
        page_outlet,
        page_published,
        page_language,
        credited,
    ) = match item.kind {
        BodyKind::Html => {
            let h = html::extract_html(&raw, meta.url.as_deref());
            diagnostics.extend(h.diagnostics);
            if meta.url.is_none() {
                meta.url = h.canonical_url.clone();
            }
            let credited = find_credit(&h.text);
            (
                h.text,
                h.offsets,
                InputFormat::Html,
                h.title,
                h.authors,
                h.outlet,
                h.published,
                h.language,
                credited,
            )
        }
        BodyKind::Text => {
            let c = plaintext::clean_text(&raw);
            let outlet = self_reference(&raw)
                .or_else(|| {
                    c.byline
                        .as_deref()
                        .filter(|b| looks_like_organisation(b))
                        .map(organisation_name)
                })
                .or_else(|| newsroom_of(&c.text))
                .map(|name| Outlet { name, domain: None });
            (
                c.text,
                c.offsets,
                InputFormat::Text,
                c.title,
                Vec::new(),
                outlet,
                c.published,
                None,
                c.credited_source,
            )
        }
    };
    let format = if item.origin.contains("#item-") {
        InputFormat::FeedItem
    } else if item.origin.contains("#record-") {
        InputFormat::Warc
    } else if item.origin.contains("#line-") || item.origin.to_ascii_lowercase().ends_with(".json")
    {
        InputFormat::Json
    } else {
        format
    };

    // Published time: user/container first (they come in `meta`), then the page.
    // A container's capture date (WARC) is weaker than the page's own statement.
    let published = match (meta.published.clone(), page_published) {
        (Some(m), Some(p)) if m.provenance == TimeProvenance::Capture => Some(p),
        (Some(m), _) => Some(m),
        (None, p) => p,
    };
    let outlet = meta
        .outlet
        .as_deref()
        .and_then(|n| outlet_from(Some(n), meta.url.as_deref()))
        .or(page_outlet)
        .or_else(|| outlet_from(None, meta.url.as_deref()));
    let title = meta.title.clone().or(page_title);
    let authors = if meta.authors.is_empty() {
        page_authors
    } else {
        meta.authors.clone()
    };
    let language = meta
        .language
        .clone()
        .or(page_language)
        .or_else(|| guess_language(&text));

    // A credit to the outlet itself ("Source: Meduza" on Meduza) is not a repost.
    let credited = credited.filter(|c| {
        outlet.as_ref().is_none_or(|o| {
            !text::normalize::fold_for_match(&o.name).contains(&text::normalize::fold_for_match(c))
        })
    });
    let blog = liveblog::split_posts(&text, published.as_ref().map(|p| p.at));
    let published = published.or_else(|| {
        blog.posts
            .iter()
            .filter_map(|p| p.time)
            .max()
            .map(|at| PublishedTime {
                at,
                provenance: TimeProvenance::Inferred,
                confidence: 0.5,
            })
    });
    let published = published.or_else(|| {
        newest_linked_date(&raw).map(|day| PublishedTime {
            at: model::Timestamp {
                utc: day.and_hms_opt(0, 0, 0).unwrap_or_default(),
                precision: model::TimePrecision::Day,
            },
            provenance: TimeProvenance::LinkedArticles,
            confidence: 0.2,
        })
    });
    // A live blog without a headline of its own is shown under its latest post's title.
    let title = title.or_else(|| {
        if blog.is_live_blog {
            blog.posts.iter().find_map(|p| p.title.clone())
        } else {
            None
        }
    });
    let mut posts = blog.posts;
    if posts.is_empty() && !text.is_empty() {
        let all = Span::new(0, text.len());
        posts.push(Post {
            span: all,
            body: all,
            time: None,
            time_span: None,
            title: None,
            title_span: None,
            author: None,
            author_role: None,
        });
    }
    if !blog.is_live_blog {
        for p in &mut posts {
            if p.time.is_none() {
                p.time = published.as_ref().map(|t| t.at);
            }
        }
    }
    if text.trim().is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Error,
            code: "extract.empty".into(),
            message: "no article text was found".into(),
        });
    }
    Document {
        id: content_id(&item.body),
        origin: item.origin.clone(),
        url: meta.url.clone(),
        format,
        outlet,
        title,
        authors,
        published,
        language,
        credited_source: credited,
        is_live_blog: blog.is_live_blog,
        text,
        offsets,
        posts,
        diagnostics,
    }
}

/// A cheap English check on function-word frequency: `Some("en")` when the text
/// reads as English, `None` when it cannot tell.
/// The newest date in the paths of the web addresses `raw` contains
/// (`https://example.org/news/2025/11/19/story`): a page that links to an article
/// was written on that day or later. Years outside 1990–2100 are ignored.
pub fn newest_linked_date(raw: &str) -> Option<chrono::NaiveDate> {
    let mut newest = None;
    for (at, _) in raw.match_indices("://") {
        let url = raw[at..]
            .split(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | '<' | '>' | ')'))
            .next()
            .unwrap_or("");
        let parts: Vec<&str> = url.split('/').collect();
        for w in parts.windows(3) {
            let (Ok(y), Ok(m), Ok(d)) = (
                w[0].parse::<i32>(),
                w[1].parse::<u32>(),
                w[2].parse::<u32>(),
            ) else {
                continue;
            };
            if w[0].len() != 4 || !(1990..=2100).contains(&y) {
                continue;
            }
            if let Some(day) = chrono::NaiveDate::from_ymd_opt(y, m, d) {
                newest = newest.max(Some(day));
            }
        }
    }
    newest
}

pub fn guess_language(text: &str) -> Option<String> {
    const EN: &[&str] = &[
        "the", "and", "of", "to", "in", "is", "that", "for", "was", "on", "with", "said",
    ];
    let mut words = 0usize;
    let mut hits = 0usize;
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(2000)
    {
        words += 1;
        if EN.iter().any(|e| w.eq_ignore_ascii_case(e)) {
            hits += 1;
        }
    }
    (words >= 20 && hits * 100 / words >= 8).then(|| "en".to_string())
}

/// The outlet named by a URL's domain, for callers that only have a URL.
pub fn outlet_for_url(url: &str) -> Option<Outlet> {
    domain_of(url).map(|d| Outlet {
        name: d.clone(),
        domain: Some(d),
    })
}

/// An explicit credit to another outlet on a line of its own in clean text.
pub fn find_credit(text: &str) -> Option<String> {
    text.lines().find_map(|l| plaintext::credit_line(l.trim()))
}

/// The page naming its own outlet in promotional or legal lines: "You're currently
/// reading X", "Sign up for X's newsletter", "© 2026 X". Raw text, before cleaning,
/// because those lines are what cleaning drops.
pub fn self_reference(raw: &str) -> Option<String> {
    for line in raw.lines().map(str::trim).filter(|l| l.len() < 300) {
        let lower = line.to_lowercase();
        if lower.len() != line.len() {
            continue; // offsets below assume lowercasing kept byte lengths
        }
        let after = |marker: &str| lower.find(marker).map(|i| &line[i + marker.len()..]);
        let candidates = [
            after("currently reading "),
            after("you are reading "),
            after("sign up for ").filter(|_| lower.contains("newsletter")),
            after("subscribe to ").filter(|_| lower.contains("newsletter")),
            after("\u{a9} ").or_else(|| after("copyright ")),
        ];
        for rest in candidates.into_iter().flatten() {
            if let Some(name) = leading_name(rest) {
                return Some(name);
            }
        }
        // "Get the Harbour Courier morning briefing in your inbox": a run of two or
        // more capitalised words (not the line's first word) in a promotional line.
        let promo = ["newsletter", "inbox", "briefing", "subscribe"]
            .iter()
            .any(|w| lower.contains(w));
        if promo {
            let words: Vec<&str> = line.split_whitespace().collect();
            let mut run: Vec<&str> = Vec::new();
            for w in words.iter().skip(1) {
                let core = w.trim_end_matches(|c: char| !c.is_alphanumeric());
                let core = core
                    .strip_suffix("\u{2019}s")
                    .or_else(|| core.strip_suffix("'s"))
                    .unwrap_or(core);
                if core.chars().next().is_some_and(char::is_uppercase)
                    && core.chars().all(char::is_alphabetic)
                {
                    run.push(core);
                    if core.len() != w.len() {
                        break;
                    }
                } else if run.len() >= 2 {
                    break;
                } else {
                    run.clear();
                }
            }
            if run.len() >= 2 {
                return Some(run.join(" "));
            }
        }
    }
    None
}

/// Capitalised words at the start of `s` (after an optional year), up to a
/// possessive, comma or period: "Meduza’s daily" -> "Meduza".
fn leading_name(s: &str) -> Option<String> {
    let mut words = Vec::new();
    for (i, w) in s.split_whitespace().enumerate() {
        if i == 0 && w.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let (core, stop) = match w.find(['\u{2019}', '\'', ',', '.', ';', ':', '!']) {
            Some(p) => (&w[..p], true),
            None => (w, false),
        };
        let is_name = core.chars().next().is_some_and(char::is_uppercase)
            || (!words.is_empty() && matches!(core, "of" | "the" | "and"));
        if core.is_empty() || !is_name {
            break;
        }
        words.push(core);
        if stop || words.len() == 5 {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "the" | "and"))
    {
        words.pop();
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// "NewsDigest Hub Staff" -> "NewsDigest Hub": the organisation behind a staff byline.
fn organisation_name(byline: &str) -> String {
    let mut words: Vec<&str> = byline.split_whitespace().collect();
    while words.len() > 1
        && words.last().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "staff" | "desk" | "team" | "reporters" | "editors" | "newsroom"
            )
        })
    {
        words.pop();
    }
    words.join(" ")
}

/// The newsroom a text speaks as, read from how it names its own journalists and
/// sources: "the X's security correspondent", "confirmed to the X", "told the X".
/// Needs a possessive journalist form and at least two such mentions of one name;
/// a last resort when the page names itself nowhere else.
pub fn newsroom_of(text: &str) -> Option<String> {
    const ROLES: &[&str] = &[
        "correspondent",
        "editor",
        "reporter",
        "journalist",
        "producer",
    ];
    let mut counts: Vec<(String, usize, bool)> = Vec::new();
    let mut add = |name: &str, possessive: bool| {
        let name = name
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_string();
        if name.is_empty() || !name.chars().next().is_some_and(char::is_uppercase) {
            return;
        }
        match counts.iter_mut().find(|(n, _, _)| *n == name) {
            Some(e) => {
                e.1 += 1;
                e.2 |= possessive;
            }
            None => counts.push((name, 1, possessive)),
        }
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    for (i, w) in words.iter().enumerate() {
        // "the BBC's security correspondent"
        if let Some(name) = w.strip_suffix("'s").or_else(|| w.strip_suffix("\u{2019}s")) {
            let role_follows = words[i + 1..].iter().take(3).any(|r| {
                ROLES.iter().any(|role| {
                    r.trim_matches(|c: char| !c.is_alphanumeric())
                        .eq_ignore_ascii_case(role)
                })
            });
            if role_follows && i > 0 && words[i - 1].eq_ignore_ascii_case("the") {
                add(name, true);
            }
        }
        // "told the BBC", "confirmed to the BBC"
        let lower = w.to_lowercase();
        let verb = matches!(lower.as_str(), "told")
            || (lower == "to"
                && i > 0
                && matches!(
                    words[i - 1].to_lowercase().as_str(),
                    "confirmed" | "said" | "speaking" | "spoke"
                ));
        if verb
            && words
                .get(i + 1)
                .is_some_and(|t| t.eq_ignore_ascii_case("the"))
        {
            if let Some(name) = words.get(i + 2) {
                if name.chars().filter(|c| c.is_uppercase()).count() >= 2
                    || name.ends_with(['.', ','])
                {
                    add(name, false);
                }
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n, possessive)| *n >= 2 && *possessive)
        .max_by_key(|(_, n, _)| *n)
        .map(|(name, _, _)| name)
}

/// A byline that names an organisation rather than a person.
fn looks_like_organisation(byline: &str) -> bool {
    const ORG_WORDS: &[&str] = &[
        "news", "media", "times", "post", "daily", "press", "agency", "roundup", "digest", "wire",
        "herald", "journal", "tribune", "network", "service", "staff", "desk", "bureau", "online",
        "today", "weekly",
    ];
    byline.split_whitespace().any(|w| {
        ORG_WORDS.contains(
            &w.to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_self_references() {
        assert_eq!(
            self_reference("x\nYou’re currently reading Lantern Post, the city’s paper.")
                .as_deref(),
            Some("Lantern Post")
        );
        assert_eq!(
            self_reference("Sign up for the Harbour Courier’s morning newsletter").as_deref(),
            Some("Harbour Courier")
        );
        assert_eq!(
            self_reference("Sign up for our free newsletter today"),
            None
        );
        assert_eq!(
            self_reference("Sign up for Harbour Courier’s morning newsletter").as_deref(),
            Some("Harbour Courier")
        );
        assert_eq!(
            self_reference("© 2026 Valley Gazette. All rights reserved.").as_deref(),
            Some("Valley Gazette")
        );
        assert_eq!(self_reference("Nothing here."), None);
        assert_eq!(
            self_reference("Get the Lantern Post morning briefing in your inbox.").as_deref(),
            Some("Lantern Post")
        );
        assert!(looks_like_organisation("Independent Daily Digest"));
        assert_eq!(organisation_name("Quay Daily Staff"), "Quay Daily");
        assert_eq!(
            newsroom_of("The QPN's harbour correspondent Ed Lo said so. A port official told the QPN that it was true.").as_deref(),
            Some("QPN")
        );
        assert_eq!(
            newsroom_of("A port official told the QPN that it was true."),
            None
        );
        assert!(!looks_like_organisation("Mara Quill"));
    }

    #[test]
    fn a_page_that_dates_nothing_is_not_before_its_newest_linked_article() {
        let body = "The mayor of Tessaly said the bridge would reopen on Monday.\n\n\
            Read more: <a href=\"https://lantern.example/city/2031/05/02/bridge-closed\">bridge</a> \
            and https://lantern.example/2031/04/30/detours or /2031/99/01/not-a-date.\n";
        let item = RawItem {
            origin: "b.txt".into(),
            body: body.as_bytes().to_vec(),
            kind: BodyKind::Text,
            meta: ItemMeta::default(),
        };
        let doc = build_document(&item, &ItemMeta::default());
        let published = doc.published.expect("a lower bound from the links");
        assert_eq!(published.at.to_iso(), "2031-05-02");
        assert_eq!(published.provenance, TimeProvenance::LinkedArticles);
        assert_eq!(
            newest_linked_date("no links here, 2031/05/02 in prose"),
            None
        );
    }

    #[test]
    fn credit_to_itself_is_not_a_repost() {
        let item = RawItem {
            origin: "a.txt".into(),
            body: "Lantern Post reports.\n\nSource: Lantern Post\n\nThe mayor of Tessaly said on Monday that the bridge would reopen. Residents welcomed the news after months of delays and detours.\n\nYou’re currently reading Lantern Post.".as_bytes().to_vec(),
            kind: BodyKind::Text,
            meta: ItemMeta::default(),
        };
        let doc = build_document(&item, &ItemMeta::default());
        assert_eq!(doc.outlet.map(|o| o.name).as_deref(), Some("Lantern Post"));
        assert_eq!(doc.credited_source, None);
        assert_eq!(doc.id, model::content_id(&item.body));
    }
}
