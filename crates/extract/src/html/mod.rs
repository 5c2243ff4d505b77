//! Main-content extraction from HTML pages.
//!
//! [`extract_html`] parses the page with our offset-keeping tokenizer ([`dom`]),
//! finds the article body by text density, link density, tag and class hints and
//! paragraph clustering ([`content`]), renders it as clean text whose every byte maps
//! back to the input, and reads the page metadata ([`meta`]).

pub mod content;
pub mod dom;
pub mod entities;
pub mod meta;

use std::borrow::Cow;

use model::{Diagnostic, OffsetMap, Outlet, PublishedTime, Severity};

/// Largest page [`extract_html`] reads (node offsets are 32-bit).
pub const MAX_HTML_BYTES: usize = u32::MAX as usize / 2;

/// The result of [`extract_html`].
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlExtraction {
    /// Headline: `og:title`, JSON-LD `headline`, the first `h1`, or `<title>`.
    pub title: Option<String>,
    /// Main content: paragraphs separated by `"\n\n"`, list items and headings on
    /// their own lines. The headline itself is left out.
    pub text: String,
    /// Clean byte offset -> byte offset in the input HTML.
    pub offsets: OffsetMap,
    /// Bylines from JSON-LD, `<meta name=author>` and `rel=author` links.
    pub authors: Vec<String>,
    /// `og:site_name`, JSON-LD publisher, or the domain of the URL / canonical link.
    pub outlet: Option<Outlet>,
    /// Publication time with provenance (JSON-LD, meta tag, `<time>`, URL path).
    pub published: Option<PublishedTime>,
    /// ISO 639 code from `<html lang>`, `content-language` or `og:locale`.
    pub language: Option<String>,
    /// `<link rel=canonical>` or `og:url`.
    pub canonical_url: Option<String>,
    /// What went wrong or was unusual (`html.no_main_content`, ...).
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts the main content and metadata of an HTML page. `url` (where the page
/// came from) helps name the outlet and date the page. Never panics; problems are
/// reported in [`HtmlExtraction::diagnostics`].
pub fn extract_html(html: &str, url: Option<&str>) -> HtmlExtraction {
    if html.len() > MAX_HTML_BYTES {
        return HtmlExtraction {
            title: None,
            text: String::new(),
            offsets: OffsetMap::default(),
            authors: Vec::new(),
            outlet: None,
            published: None,
            language: None,
            canonical_url: None,
            diagnostics: vec![Diagnostic {
                severity: Severity::Error,
                code: "html.too_large".into(),
                message: format!(
                    "the page has {} bytes; at most {MAX_HTML_BYTES} are extracted",
                    html.len()
                ),
            }],
        };
    }
    let dom = dom::Dom::parse(html);
    let meta = meta::read(&dom, url);
    let content = content::extract(&dom, &meta.title_keys);
    let mut diagnostics = Vec::new();
    if content.text.is_empty() {
        diagnostics.push(Diagnostic {
            severity: Severity::Warning,
            code: "html.no_main_content".into(),
            message: "no text content was found in the page".into(),
        });
    } else if content.fallback {
        diagnostics.push(Diagnostic {
            severity: Severity::Info,
            code: "html.no_article_block".into(),
            message: "no paragraph-like block was found; the whole body was cleaned instead".into(),
        });
    }
    if meta.bad_json_ld > 0 {
        diagnostics.push(Diagnostic {
            severity: Severity::Info,
            code: "html.bad_json_ld".into(),
            message: format!(
                "{} JSON-LD block(s) did not parse and were ignored",
                meta.bad_json_ld
            ),
        });
    }
    HtmlExtraction {
        title: meta.title,
        text: content.text,
        offsets: content.offsets,
        authors: meta.authors,
        outlet: meta.outlet,
        published: meta.published,
        language: meta.language,
        canonical_url: meta.canonical_url,
        diagnostics,
    }
}

/// Decodes raw page bytes for [`extract_html`]: UTF-8 when the bytes are valid UTF-8
/// (a byte-order mark is dropped); otherwise, when the page declares a single-byte
/// Latin charset (`windows-1252`, `iso-8859-1`, `latin1`, `iso-8859-15`), as
/// Windows-1252, which browsers use for all of these; otherwise UTF-8 with invalid
/// sequences replaced by U+FFFD. Offsets from [`extract_html`] refer to the text
/// returned here.
pub fn decode_html_bytes(bytes: &[u8]) -> Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Cow::Borrowed(s);
    }
    if declares_latin_charset(bytes) {
        return Cow::Owned(
            bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => entities::windows_1252(b as u32),
                    _ => b as char,
                })
                .collect(),
        );
    }
    String::from_utf8_lossy(bytes)
}

/// Whether the start of the page declares a Latin-1-like charset.
fn declares_latin_charset(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let Some(at) = lower.windows(8).position(|w| w == b"charset=") else {
        return false;
    };
    let value: Vec<u8> = lower[at + 8..]
        .iter()
        .copied()
        .skip_while(|&c| c == b'"' || c == b'\'' || c == b' ')
        .take_while(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_')
        .collect();
    matches!(
        value.as_slice(),
        b"windows-1252"
            | b"iso-8859-1"
            | b"iso8859-1"
            | b"latin1"
            | b"latin-1"
            | b"iso-8859-15"
            | b"cp1252"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Every word of the clean text must map back to raw bytes that, decoded and
    /// normalised, hold the same word.
    fn assert_offsets_round_trip(html: &str, ex: &HtmlExtraction) {
        let mut at = 0;
        for word in ex.text.split([' ', '\n']) {
            let start = at;
            at += word.len() + 1;
            if word.is_empty() {
                continue;
            }
            let raw = ex
                .offsets
                .span_to_raw(model::Span::new(start, start + word.len()));
            let raw_text = html
                .get(raw.start..raw.end)
                .unwrap_or("<not a char boundary>");
            // Markup inside the range (a word ending after `</a>`) is not text.
            let mut untagged = String::new();
            let mut rest = raw_text;
            while let Some(lt) = rest.find('<') {
                match rest[lt..].find('>') {
                    Some(gt) => {
                        untagged.push_str(&rest[..lt]);
                        rest = &rest[lt + gt + 1..];
                    }
                    None => break,
                }
            }
            untagged.push_str(rest);
            let decoded = text::normalize_text(&entities::decode_str(&untagged));
            assert_eq!(
                decoded.split_whitespace().collect::<String>(),
                word.split_whitespace().collect::<String>(),
                "clean word {word:?} at {start} maps to raw {raw_text:?}"
            );
        }
    }

    /// Extracts `html` and renders the metadata, diagnostics and clean text.
    fn check(html: &str, url: Option<&str>, expect: Expect) {
        let ex = extract_html(html, url);
        assert_offsets_round_trip(html, &ex);
        let mut out = String::new();
        out.push_str(&format!("title: {:?}\n", ex.title));
        out.push_str(&format!("authors: {:?}\n", ex.authors));
        out.push_str(&format!(
            "outlet: {:?}\n",
            ex.outlet.as_ref().map(|o| (&o.name, &o.domain))
        ));
        out.push_str(&format!(
            "published: {:?}\n",
            ex.published
                .as_ref()
                .map(|p| (p.at.to_iso(), p.provenance, p.confidence))
        ));
        out.push_str(&format!("language: {:?}\n", ex.language));
        out.push_str(&format!("canonical: {:?}\n", ex.canonical_url));
        for d in &ex.diagnostics {
            out.push_str(&format!("diagnostic: {}\n", d.code));
        }
        out.push_str("---\n");
        out.push_str(&ex.text);
        out.push('\n');
        expect.assert_eq(&out);
    }

    #[test]
    fn news_article_without_boilerplate() {
        check(
            include_str!("fixtures/news_article.html"),
            Some("https://www.harbourcourier.example/news/2025/03/14/ferry-resumes?utm=x"),
            expect![[r#"
                title: Some("Ferry service resumes in Tollbridge")
                authors: ["Mira Oskarsdottir"]
                outlet: Some(("The Harbour Courier", Some("harbourcourier.example")))
                published: Some(("2025-03-14T08:30:00Z", MetaTag, 0.9))
                language: Some("en")
                canonical: Some("https://www.harbourcourier.example/news/2025/03/14/ferry-resumes")
                ---
                The ferry between Tollbridge and Wester Holm resumed on Friday after a three-week pause, the harbour authority said, ending a detour of almost two hours for commuters.

                “We are glad to have the crossing back,” said harbour master Ilse Varga. The repairs cost £1.2 million & were paid by the county, she added.

                Timetable changes

                Sailings will run every 40 minutes until the summer timetable starts in May, according to a statement from the operator Holm Lines.

                First sailing: 06:10
                Last sailing: 22:50

                Local businesses on Wester Holm said trade had fallen during the closure, and several cafés had shortened their opening hours.
            "#]],
        );
    }

    #[test]
    fn live_blog_keeps_post_times_and_titles() {
        check(
            include_str!("fixtures/live_blog.html"),
            Some("https://northern-daily.example/live/valley-floods"),
            expect![[r#"
                title: Some("Valley floods: latest updates")
                authors: ["Tomas Reyes", "Ana Lindqvist"]
                outlet: Some(("Northern Daily", Some("northern-daily.example")))
                published: Some(("2025-11-21T18:02:00Z", JsonLd, 0.95))
                language: Some("en")
                canonical: None
                ---
                published at 22:33 GMT 21 November 2025

                River level falls at Millbrook

                The river at Millbrook has dropped by half a metre since the evening, the regional water office says, though roads near the bridge remain closed.

                20:41 GMT

                Evacuation centre opens

                A school hall in Eastvale has been opened for residents who had to leave their homes, with space for around 300 people, the council says.

                Volunteers are handing out blankets and hot drinks, and pets are welcome.

                18:02 GMT

                Flood warnings issued

                Severe flood warnings have been issued for three towns along the valley after two days of heavy rain, forecasters say.
            "#]],
        );
    }

    #[test]
    fn live_blog_with_one_long_post_keeps_all_posts() {
        check(
            include_str!("fixtures/live_blog_uneven.html"),
            None,
            expect![[r#"
                title: Some("Storm over the islands: live")
                authors: []
                outlet: None
                published: Some(("2025-11-21T22:33:00Z", TimeElement, 0.7))
                language: None
                canonical: None
                ---
                22:33

                Harbour closed

                The harbour at Lind was closed this evening, officials say, after waves, wind, and debris damaged the outer pier, the breakwater, and two moored boats.

                Ferry crews, coastguard teams, and volunteers worked for hours, the port office added, while residents were told to stay indoors, away from the seafront, and off the roads.

                Repairs could take weeks, a spokesperson said, though a temporary landing stage, built from pontoons, barges, and timber, may open sooner.

                Insurance assessors, engineers, and divers are expected on Monday, weather permitting, to inspect the foundations, the cranes, and the fuel tanks.

                20:41

                Power cuts

                About 2,000 homes on the north shore have lost power.

                19:05

                Schools shut

                All schools on the islands will stay shut tomorrow, the council said.

                18:00

                Good evening and welcome to our coverage of the storm.
            "#]],
        );
    }

    #[test]
    fn old_table_layout_with_br_paragraphs() {
        check(
            include_str!("fixtures/table_layout.html"),
            None,
            expect![[r#"
                title: None
                authors: []
                outlet: None
                published: None
                language: None
                canonical: None
                ---
                Old Mill Gazette

                The old mill on the river reopened on Saturday, drawing a crowd of about two hundred, the owners said.
                Its wheel, restored by volunteers over three winters, turns again for the first time since 1962.

                Tickets cost two pounds, and children enter free.
            "#]],
        );
    }

    #[test]
    fn live_blog_with_unmarked_time_lines() {
        check(
            include_str!("fixtures/live_blog_plain_times.html"),
            None,
            expect![[r#"
                title: Some("Live: council vote")
                authors: []
                outlet: None
                published: None
                language: None
                canonical: None
                ---
                22:33 GMT 21 November 2025

                The council has approved the budget by eleven votes to four, after a long debate about the harbour.

                20:41 GMT 21 November 2025

                Debate is under way in the chamber, with the opposition pressing for more money for buses.

                18:02 GMT 21 November 2025

                Welcome to our live coverage of the council budget vote in Tollbridge this evening.
            "#]],
        );
    }

    #[test]
    fn broken_html_does_not_panic() {
        check(
            include_str!("fixtures/broken.html"),
            None,
            expect![[r#"
                title: Some("Broken page")
                authors: []
                outlet: None
                published: None
                language: None
                canonical: None
                ---
                First paragraph of the invented story about the Kestrel Valley orchard, which opened its gates to visitors, keeping them busy all day.

                Second paragraph: the orchard's owner, Pella Rusk, said the harvest was "the best in a decade" & that prices would stay low for now.
            "#]],
        );
    }

    #[test]
    fn page_without_text_gets_a_diagnostic() {
        check(
            "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
            Some("http://blog.example.org/2024/02/30/bad-date/"),
            expect![[r#"
                title: None
                authors: []
                outlet: Some(("blog.example.org", Some("blog.example.org")))
                published: None
                language: None
                canonical: None
                diagnostic: html.no_main_content
                ---

            "#]],
        );
    }

    #[test]
    fn entities_map_back_to_their_raw_bytes() {
        let html = "<p>Caf&eacute; &amp; bar&nbsp;&#8220;Nord&#x201D; opened, said Jo&#39;s friend, in Vale\u{a0}Town today.</p>";
        let ex = extract_html(html, None);
        assert_offsets_round_trip(html, &ex);
        assert_eq!(
            ex.text,
            "Café & bar \u{201c}Nord\u{201d} opened, said Jo's friend, in Vale Town today."
        );
        let at = ex.text.find("Nord").expect("word present");
        let raw = ex.offsets.to_raw(at);
        assert_eq!(&html[raw..raw + 4], "Nord");
        let amp = ex.text.find('&').expect("ampersand present");
        let raw = ex.offsets.span_to_raw(model::Span::new(amp, amp + 1));
        assert_eq!(&html[raw.start..raw.end], "&amp;");
    }

    #[test]
    fn pathological_inputs_finish() {
        // Deep nesting, unclosed everything, and every prefix of a real-looking page.
        let deep = "<div><span><p>x ".repeat(20_000);
        let ex = extract_html(&deep, None);
        assert!(ex.text.starts_with("x\n\nx"), "{:?}", ex.text.get(..20));
        let stray = "</div></p></li>".repeat(10_000) + "<p>After the strays, a sentence long enough to count as the article, with commas, and more.</p>";
        let ex = extract_html(&stray, None);
        assert!(ex.text.starts_with("After the strays"), "{}", ex.text);
        let page = include_str!("fixtures/news_article.html");
        for cut in (0..page.len()).step_by(97) {
            if let Some(prefix) = page.get(..cut) {
                let ex = extract_html(prefix, None);
                assert_offsets_round_trip(prefix, &ex);
            }
        }
    }

    #[test]
    fn decodes_non_utf8_pages() {
        let latin = b"<meta charset=\"ISO-8859-1\"><p>Caf\xe9 \x93Nord\x94 \xa3 5</p>";
        assert_eq!(
            decode_html_bytes(latin),
            "<meta charset=\"ISO-8859-1\"><p>Caf\u{e9} \u{201c}Nord\u{201d} \u{a3} 5</p>"
        );
        let broken = b"<p>bad \xff\xfe bytes</p>";
        let text = decode_html_bytes(broken);
        assert_eq!(text, "<p>bad \u{fffd}\u{fffd} bytes</p>");
        let ex = extract_html(&text, None);
        assert_eq!(ex.text, "bad \u{fffd}\u{fffd} bytes");
        assert_eq!(decode_html_bytes(b"\xef\xbb\xbf<p>x</p>"), "<p>x</p>");
    }
}
