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

use model::{Diagnostic, OffsetMap, Outlet, PublishedTime, Severity};

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
    pub authors: Vec<String>,
    /// `og:site_name`, JSON-LD publisher, or the domain of the URL / canonical link.
    pub outlet: Option<Outlet>,
    pub published: Option<PublishedTime>,
    /// ISO 639 code from `<html lang>`, `content-language` or `og:locale`.
    pub language: Option<String>,
    pub canonical_url: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Extracts the main content and metadata of an HTML page. `url` (where the page
/// came from) helps name the outlet and date the page. Never panics; problems are
/// reported in [`HtmlExtraction::diagnostics`].
pub fn extract_html(html: &str, url: Option<&str>) -> HtmlExtraction {
    let dom = dom::Dom::parse(html);
    let content = content::extract(&dom);
    let meta = meta::read(&dom, url);
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
