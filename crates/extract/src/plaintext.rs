//! Cleaning pages that arrive as plain text (scraped or copied out of a browser).
//!
//! The input is read as lines. Hard-wrapped text (every line short, many near one
//! width) is first re-joined into paragraphs; otherwise every line is a paragraph
//! and consecutive list items stay together, one per line. Each paragraph is then
//! judged by general rules about its shape and vocabulary, never by publisher:
//!
//! * navigation: "Skip to main content", lone menu words, breadcrumb trails,
//!   category crumbs at the top of the page;
//! * promotion: newsletter sign-ups, donation appeals addressed to the reader,
//!   captcha and legal notices, "you're currently reading ..." blurbs, and short
//!   lines sandwiched between two such lines;
//! * links out: "Related: ...", "Read more ...", product lines with a sales pitch;
//! * picture residue: "Image source, ...", "Image caption,", photo credits
//!   ("Name / Agency / Getty Images"), "FILE PHOTO: ... ©" captions, image file
//!   names and markdown image syntax, and the caption right above a photo credit
//!   when the page repeats it or it ends on a bare date (every copy of it);
//! * bylines and credits, which are dropped from the text but kept as metadata
//!   (byline, byline date as the publication time, credited source);
//! * a trailing run of one-to-three word lines (tag clouds, avatars);
//! * paragraphs repeated inside the document (the first copy stays).
//!
//! Inside kept paragraphs HTML tags are removed (their text stays), entities are
//! decoded and characters normalised through [`text::CleanTextBuilder`], so every
//! clean offset maps back to the raw input. Every dropped paragraph is listed with
//! its raw span and the reason.

use model::{OffsetMap, PublishedTime, Span, TimePrecision, TimeProvenance, Timestamp};
use text::CleanTextBuilder;

use crate::liveblog::stamp::{parse_relative, parse_stamp};

/// A raw paragraph left out of the clean text, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedLine {
    /// Byte range in the raw input.
    pub raw: Span,
    /// One of the [`reason`] constants.
    pub reason: &'static str,
}

/// The result of [`clean_text`].
#[derive(Debug, Clone, PartialEq)]
pub struct CleanedText {
    /// Paragraphs separated by `"\n\n"`, list items by `"\n"`.
    pub text: String,
    /// Clean offset -> byte offset in the raw input.
    pub offsets: OffsetMap,
    /// The headline, when the top of the page has one.
    pub title: Option<String>,
    /// The author line ("By Jane Roe" gives "Jane Roe").
    pub byline: Option<String>,
    /// A date printed in the byline area ("Nov 26, 2025"), provenance Byline.
    pub published: Option<PublishedTime>,
    /// An explicit credit to another outlet ("Source: X", "X: FILE PHOTO ...",
    /// "Originally published by X", "(X) -").
    pub credited_source: Option<String>,
    /// Paragraphs left out, in raw order.
    pub dropped: Vec<DroppedLine>,
}

/// Why a paragraph was dropped (the values of [`DroppedLine::reason`]).
pub mod reason {
    /// Menus, breadcrumbs, lone menu words, "Skip to main content".
    pub const NAVIGATION: &str = "navigation";
    /// Short list items above the headline (section names).
    pub const CRUMBS: &str = "category crumbs";
    /// Newsletter, donation, captcha, legal and "you're reading" lines.
    pub const PROMOTION: &str = "promotion";
    /// A short line between two promotion lines.
    pub const PROMOTION_BLOCK: &str = "inside a promotion block";
    /// "Related: ...", "Read more ...", "Click here ...".
    pub const RELATED: &str = "related link";
    /// A product line with a sales pitch.
    pub const AFFILIATE: &str = "affiliate or ad";
    /// "Image source, ...", "Image caption,", wire photo captions.
    pub const IMAGE_CAPTION: &str = "image source or caption residue";
    /// "Name / Agency / Getty Images".
    pub const PHOTO_CREDIT: &str = "photo credit";
    /// Image file names and markdown images with no text.
    pub const IMAGE_FILE: &str = "image file residue";
    /// Tags or symbols with no text.
    pub const MARKUP: &str = "markup residue";
    /// The author line (kept as [`super::CleanedText::byline`]).
    pub const BYLINE: &str = "byline";
    /// The byline date (kept as [`super::CleanedText::published`]).
    pub const BYLINE_DATE: &str = "byline date";
    /// "Source: X" and similar (kept as [`super::CleanedText::credited_source`]).
    pub const CREDIT: &str = "source credit line";
    /// One-to-three word lines closing the page (tag clouds).
    pub const TRAILING: &str = "trailing tag residue";
    /// A later copy of a paragraph already in the text.
    pub const REPEATED: &str = "repeated paragraph";
}

/// A paragraph longer than this (in bytes) ends the page header (title, byline area).
const HEADER_END_LEN: usize = 150;

// ---------------------------------------------------------------------------
// Lines and paragraphs
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy)]
struct RawLine {
    /// Trimmed line.
    span: Span,
    /// After a list bullet, if any.
    body: Span,
    bullet: bool,
}

fn raw_lines(raw: &str) -> Vec<Option<RawLine>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for piece in raw.split('\n') {
        let lead = piece.len() - piece.trim_start().len();
        let t = piece.trim();
        if t.is_empty() {
            out.push(None);
        } else {
            let start = pos + lead;
            let span = Span::new(start, start + t.len());
            let (bullet, skip) = bullet_marker(t);
            let rest = &t[skip..];
            let body_start = start + skip + (rest.len() - rest.trim_start().len());
            out.push(Some(RawLine {
                span,
                body: Span::new(body_start.min(span.end), span.end),
                bullet,
            }));
        }
        pos += piece.len() + 1;
    }
    out
}

/// A list bullet at the start of `t` ("• ", "- ", "* "): whether present and its byte length.
fn bullet_marker(t: &str) -> (bool, usize) {
    let mut chars = t.chars();
    let Some(first) = chars.next() else {
        return (false, 0);
    };
    let is_marker = matches!(
        first,
        '\u{2022}'
            | '\u{b7}'
            | '\u{25aa}'
            | '\u{25ba}'
            | '\u{2023}'
            | '\u{25e6}'
            | '\u{25cf}'
            | '-'
            | '*'
            | '\u{2013}'
            | '\u{2014}'
    );
    let followed_by_space = chars.next().is_some_and(char::is_whitespace);
    if is_marker && followed_by_space {
        (true, first.len_utf8())
    } else {
        (false, 0)
    }
}

/// A paragraph: one line, or several hard-wrapped lines joined.
#[derive(Debug, Clone)]
struct Unit {
    segs: Vec<Span>,
    raw: Span,
    bullet: bool,
    /// A blank line separates it from the previous unit.
    blank_before: bool,
    /// What the rules read: tags removed, entities decoded, characters normalised,
    /// white space collapsed to single spaces.
    plain: String,
    /// The inline pieces of each segment (computed once).
    pieces: Vec<Vec<Piece>>,
    /// The unit held image file names and nothing else.
    only_images: bool,
}

/// Hard-wrapped text: no long lines, many lines close to one width, and line
/// breaks that fall inside sentences (a line without end punctuation followed by
/// one starting in lower case).
fn wrap_width(lines: &[Option<RawLine>], raw: &str) -> Option<usize> {
    let lens: Vec<usize> = lines
        .iter()
        .flatten()
        .map(|l| l.span.slice(raw).chars().count())
        .collect();
    if lens.len() < 4 || lens.iter().any(|&n| n > 110) {
        return None;
    }
    let width = lens.iter().copied().max()?;
    let near = lens.iter().filter(|&&n| n * 10 >= width * 7).count();
    let mut inside_sentence = 0;
    for pair in lines.windows(2) {
        if let [Some(a), Some(b)] = pair {
            let a_text = a.span.slice(raw);
            let b_starts_lower = b
                .body
                .slice(raw)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            if !ends_with_sentence_mark(a_text) && b_starts_lower {
                inside_sentence += 1;
            }
        }
    }
    (width >= 50 && near * 10 >= lens.len() * 4 && inside_sentence * 5 >= lens.len())
        .then_some(width)
}

fn build_units(raw: &str) -> Vec<Unit> {
    let lines = raw_lines(raw);
    let width = wrap_width(&lines, raw);
    let mut units: Vec<Unit> = Vec::new();
    let mut blank = false;
    let mut prev_joinable = false;
    for line in &lines {
        let Some(l) = line else {
            blank = true;
            prev_joinable = false;
            continue;
        };
        let text = l.span.slice(raw);
        let joins = width.is_some() && prev_joinable && !blank && !l.bullet && !is_stamp_line(text);
        if joins {
            if let Some(u) = units.last_mut() {
                u.segs.push(l.body);
                u.raw.end = l.span.end;
            }
        } else {
            units.push(Unit {
                segs: vec![l.body],
                raw: l.span,
                bullet: l.bullet,
                blank_before: blank,
                plain: String::new(),
                pieces: Vec::new(),
                only_images: false,
            });
        }
        prev_joinable = width.is_some_and(|w| {
            let n = text.chars().count();
            n * 10 >= w * 6 && !is_stamp_line(text)
        });
        blank = false;
    }
    for u in &mut units {
        let mut plain = String::new();
        let mut any_image = false;
        u.pieces = u
            .segs
            .iter()
            .map(|seg| inline_pieces(seg.slice(raw), seg.start))
            .collect();
        for (i, pieces) in u.pieces.iter().enumerate() {
            if i > 0 {
                plain.push(' ');
            }
            for piece in pieces {
                match *piece {
                    Piece::Text(s) => plain.push_str(s.slice(raw)),
                    Piece::Replace(r, _) => plain.push_str(r),
                    Piece::Gap(_) | Piece::Break(_) => plain.push(' '),
                    Piece::Image(_) => {
                        any_image = true;
                        plain.push(' ');
                    }
                }
            }
        }
        u.plain = text::normalize_text(&plain)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        u.only_images = any_image && !u.plain.chars().any(char::is_alphanumeric);
    }
    units
}

fn is_stamp_line(s: &str) -> bool {
    parse_stamp(s).is_some() || parse_relative(s).is_some()
}

// ---------------------------------------------------------------------------
// Inline markup
// ---------------------------------------------------------------------------

/// A piece of a raw line as it goes into clean text.
#[derive(Debug, Clone, Copy)]
enum Piece {
    /// Raw text to copy (normalised).
    Text(Span),
    /// A replacement for a raw range (a decoded entity).
    Replace(&'static str, Span),
    /// A removed tag that separated words: becomes a space.
    Gap(Span),
    /// Removed image residue (a markdown image, an image file name).
    Image(Span),
    /// A line break inserted at a raw offset (between a post title and the stamp
    /// glued to it: the title is a line of its own, not the start of a sentence
    /// that runs on into "published at 10:02 GMT").
    Break(usize),
}

/// Link markers that screen readers print after a link ("Name, external, said").
const LINK_MARKERS: &[&str] = &[
    " (opens in new window)",
    " (opens in a new window)",
    " (opens in new tab)",
    " (opens in a new tab)",
    " (external link)",
];

/// Length of a link marker starting `s`, when `s` starts with one. `before` is the
/// text up to it. ", external" counts only where it cannot be an adjective in a list:
/// after a name, before punctuation, or before a relative clause.
fn link_marker_at(before: &str, s: &str) -> Option<usize> {
    if let Some(m) = LINK_MARKERS.iter().find(|m| s.starts_with(*m)) {
        return Some(m.len());
    }
    const EXTERNAL: &str = ", external";
    let after = s.strip_prefix(EXTERNAL)?;
    let prev_word = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    if matches!(
        prev_word.to_lowercase().as_str(),
        "internal" | "domestic" | "and" | "or" | "both" | ""
    ) {
        return None;
    }
    let next_word: String = after
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let ok = after.is_empty()
        || after.starts_with([',', '.', ';', ':', ')'])
        || after.starts_with(' ')
            && (is_capitalised(prev_word)
                || matches!(
                    next_word.as_str(),
                    "that" | "who" | "which" | "said" | "says" | "wrote" | "writes"
                ));
    ok.then_some(EXTERNAL.len())
}

const IMAGE_EXTENSIONS: [&str; 8] = [
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp",
];

/// An HTML tag at the start of `s`: its byte length and whether it separates words.
fn tag_at(s: &str) -> Option<(usize, bool)> {
    let rest = s.strip_prefix('<')?;
    let name_part = rest.strip_prefix('/').unwrap_or(rest);
    let first = name_part.chars().next()?;
    if !(first.is_ascii_alphabetic() || rest.starts_with('!')) {
        return None;
    }
    // Tags are searched within a bounded window so that text full of '<' stays linear.
    let end = prefix(rest, 2000).find('>')?;
    if rest[..end].contains('<') {
        return None;
    }
    let name: String = name_part
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    const INLINE: [&str; 12] = [
        "a", "b", "i", "em", "strong", "span", "u", "small", "sup", "sub", "mark", "abbr",
    ];
    Some((end + 2, !INLINE.contains(&name.as_str())))
}

/// The first `n` bytes of `s` (fewer, to end on a character boundary).
fn prefix(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A character entity at the start of `s`: its byte length and replacement.
fn entity_at(s: &str) -> Option<(usize, &'static str)> {
    let (end, _) = s.char_indices().take(12).find(|(_, c)| *c == ';')?;
    let name = s.get(1..end)?;
    let rep = match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" | "#39" | "#039" => "'",
        "nbsp" | "#160" => " ",
        "mdash" | "#8212" => "\u{2014}",
        "ndash" | "#8211" => "\u{2013}",
        "hellip" | "#8230" => "...",
        "rsquo" | "#8217" => "\u{2019}",
        "lsquo" | "#8216" => "\u{2018}",
        "ldquo" | "#8220" => "\u{201c}",
        "rdquo" | "#8221" => "\u{201d}",
        _ => return None,
    };
    Some((end + 1, rep))
}

fn has_image_extension(w: &str) -> bool {
    if !w.contains('.') {
        return false;
    }
    let bare = w.trim_end_matches([')', ']', '"', '\'', ',', '.', ';']);
    let bare = bare.split(['?', '#']).next().unwrap_or("");
    IMAGE_EXTENSIONS.iter().any(|e| {
        bare.len() >= e.len()
            && bare.is_char_boundary(bare.len() - e.len())
            && bare[bare.len() - e.len()..].eq_ignore_ascii_case(e)
    })
}

/// Splits a raw line into pieces: text runs, decoded entities, removed tags and
/// removed image residue. `base` is the line's raw offset.
fn inline_pieces(s: &str, base: usize) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut run_start = 0;
    let mut i = 0;
    let bytes = s.as_bytes();
    let flush = |out: &mut Vec<Piece>, from: usize, to: usize| {
        if to > from {
            out.push(Piece::Text(Span::new(base + from, base + to)));
        }
    };
    // A stamp glued to the text before it ("Titlepublished at 10:02 GMT") goes on a
    // line of its own.
    let glued_at = crate::liveblog::stamp::glued_stamp(s)
        .map(|(at, _)| at)
        .filter(|&at| at > 0 && !s[..at].ends_with(char::is_whitespace));
    while i < s.len() {
        let rest = &s[i..];
        let b = bytes[i];
        if glued_at == Some(i) {
            flush(&mut out, run_start, i);
            out.push(Piece::Break(base + i));
            run_start = i;
        }
        if matches!(b, b',' | b' ') {
            if let Some(len) = link_marker_at(&s[..i], rest) {
                flush(&mut out, run_start, i);
                i += len;
                run_start = i;
                continue;
            }
        }
        if b == b'<' {
            if let Some((len, gap)) = tag_at(rest) {
                flush(&mut out, run_start, i);
                let span = Span::new(base + i, base + i + len);
                out.push(if gap {
                    Piece::Gap(span)
                } else {
                    Piece::Gap(Span::new(span.start, span.start))
                });
                i += len;
                run_start = i;
                continue;
            }
        }
        if b == b'&' {
            if let Some((len, rep)) = entity_at(rest) {
                flush(&mut out, run_start, i);
                out.push(Piece::Replace(rep, Span::new(base + i, base + i + len)));
                i += len;
                run_start = i;
                continue;
            }
        }
        if rest.starts_with("![") {
            // Markdown image: ![alt](target)
            if let Some(close) = prefix(rest, 500).find("](") {
                if let Some(paren) = prefix(&rest[close..], 2000).find(')') {
                    flush(&mut out, run_start, i);
                    let len = close + paren + 1;
                    out.push(Piece::Image(Span::new(base + i, base + i + len)));
                    i += len;
                    run_start = i;
                    continue;
                }
            }
        }
        // A word naming an image file ("-f223fd1e.jpg)", "photo_12.png").
        let at_word_start = i == 0 || {
            let prev = bytes[i - 1];
            prev.is_ascii_whitespace() || prev >= 0x80 && s[..i].ends_with(char::is_whitespace)
        };
        if at_word_start && !b.is_ascii_whitespace() {
            let wlen = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..wlen];
            if has_image_extension(word) {
                flush(&mut out, run_start, i);
                out.push(Piece::Image(Span::new(base + i, base + i + wlen)));
                i += wlen;
                run_start = i;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    flush(&mut out, run_start, s.len());
    // A removed inline tag keeps no space; turn zero-width gaps into nothing.
    out.retain(|p| !matches!(p, Piece::Gap(s) if s.is_empty()));
    out
}

// ---------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------

fn ends_with_sentence_mark(s: &str) -> bool {
    s.trim_end()
        .ends_with(['.', '!', '?', ':', ';', '"', '\u{201d}', ')'])
}

fn is_capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// Whole-line navigation phrases (compared lowercased, without end punctuation).
const NAVIGATION: &[&str] = &[
    "skip to main content",
    "skip to content",
    "skip navigation",
    "skip to navigation",
    "jump to content",
    "back to top",
    "main menu",
    "menu",
    "search",
    "home",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share on facebook",
    "share on twitter",
    "print",
    "email",
    "read",
    "read more",
    "comments",
    "sign in",
    "log in",
    "login",
    "register",
    "subscribe",
    "advertisement",
    "sponsored",
    "close",
    "more",
    "next",
    "previous",
    "listen",
    "listen to this article",
    "copy link",
    "link copied",
    "follow",
    "follow us",
    "toggle navigation",
    "open menu",
    "newsletters",
    "category",
    "categories",
    "tags",
    "topics",
    "most read",
    "most popular",
    "trending",
    "related",
    "related articles",
    "related stories",
    "more stories",
    "more on this story",
    "you may also like",
    "recommended",
    "top stories",
    "latest news",
    "load more",
    "show more",
    "see all",
    "view all",
];

fn is_navigation(plain: &str) -> bool {
    let t = plain
        .trim()
        .trim_end_matches(['.', ':', '\u{2026}', '>', '\u{203a}'])
        .trim()
        .to_lowercase();
    if NAVIGATION.contains(&t.as_str()) {
        return true;
    }
    // A lone lowercase menu word ("news", "world").
    let ws: Vec<&str> = t.split_whitespace().collect();
    if (1..=2).contains(&ws.len())
        && plain
            .chars()
            .all(|c| c.is_lowercase() || c == ' ' || c == '-')
    {
        return true;
    }
    // Breadcrumb trails: "Home > World > Europe", "News | Politics | EU".
    for sep in [" > ", " \u{203a} ", " \u{bb} ", " | ", " / "] {
        let parts: Vec<&str> = plain.split(sep).collect();
        if parts.len() >= 3
            && parts.iter().all(|p| {
                (1..=3).contains(&p.split_whitespace().count()) && !ends_with_sentence_mark(p)
            })
        {
            return true;
        }
    }
    false
}

/// Reader-facing promotion phrases that are unambiguous on their own.
const PROMO_STRONG: &[&str] = &[
    "recaptcha",
    "privacy policy",
    "terms of service",
    "terms of use",
    "all rights reserved",
    "cookie policy",
    "use cookies",
    "you're currently reading",
    "you are currently reading",
    "follow us on",
    "follow us wherever",
    "download our app",
    "get our newsletter",
    "our newsletter",
    "newsletter sign",
    "sign up for our",
    "subscribe to our",
    "unsubscribe",
];

/// Imperatives that open a promotion line ("Subscribe to ...", "Sign up for ...").
const PROMO_OPENERS: &[&str] = &[
    "subscribe",
    "sign up",
    "donate",
    "support us",
    "support our journalism",
    "support independent",
    "become a member",
    "become a patron",
    "become a subscriber",
    "join our",
    "get our",
    "follow us",
    "download the app",
];

/// Appeals that are promotion when the outlet speaks of itself ("our", "us", "we").
const PROMO_APPEALS: &[&str] = &[
    "your support",
    "support our journalism",
    "support our reporting",
    "support our work",
    "support independent journalism",
    "make a donation",
    "donate to us",
    "donate to our",
    "donate now",
    "donate today",
    "daily newsletter",
    "weekly newsletter",
    "morning newsletter",
    "evening newsletter",
];

/// Quotation marks, including the doubled ASCII marks of tokenised text.
fn has_quotes(s: &str) -> bool {
    s.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}'])
        || s.contains("``")
        || s.contains("''")
}

fn is_promotion(plain: &str) -> bool {
    if plain.len() > 450 {
        return false;
    }
    let lower = plain.to_lowercase().replace('\u{2019}', "'");
    if PROMO_STRONG.iter().any(|p| lower.contains(p)) {
        return true;
    }
    // Quoted speech is article content even when it mentions support.
    if has_quotes(plain) || plain.len() > 300 {
        return false;
    }
    if PROMO_OPENERS.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if !PROMO_APPEALS.iter().any(|p| lower.contains(p)) {
        return false;
    }
    // The outlet speaking of itself; "us" only in lower case (not "US").
    plain
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .any(|w| w == "us" || matches!(w.to_lowercase().as_str(), "our" | "we"))
}

/// "Related: ...", "Read more: ...", "Read more on this story here".
fn is_related_link(plain: &str) -> bool {
    let lower = plain.to_lowercase();
    const PREFIXES: &[&str] = &[
        "related:",
        "related -",
        "related story",
        "related article",
        "read more:",
        "read more on",
        "read more about",
        "read also:",
        "read also",
        "also read:",
        "see also:",
        "more:",
        "recommended:",
        "watch:",
        "listen:",
        "more on this:",
        "click here",
    ];
    if PREFIXES.iter().any(|p| lower.starts_with(p)) && plain.len() < 250 {
        return true;
    }
    plain.len() < 120
        && (lower.ends_with(" here") || lower.ends_with(" here.") || lower.contains("click here"))
        && lower.split_whitespace().count() <= 12
}

/// Imperatives of a sales pitch.
const COMMERCE_VERBS: &[&str] = &[
    "grab", "shop", "buy", "explore", "discover", "get", "check", "order", "try", "find", "save",
    "upgrade", "browse",
];

/// "Product Name – pitch — grab one now": a short Title Case name, a dash, and a
/// clause that opens with a shopping imperative.
fn is_affiliate(plain: &str) -> bool {
    if plain.len() > 220 || has_quotes(plain) {
        return false;
    }
    let dashes = [" \u{2013} ", " \u{2014} ", " - "];
    let Some((head, tail)) = dashes.iter().find_map(|sep| plain.split_once(sep)) else {
        return false;
    };
    let head_words: Vec<&str> = head.split_whitespace().collect();
    let title_case = (1..=5).contains(&head_words.len())
        && head_words
            .iter()
            .all(|w| is_capitalised(w) || matches!(*w, "&" | "and" | "for"))
        && !head.chars().any(|c| c.is_ascii_digit())
        && head.chars().any(char::is_lowercase)
        && !head_words
            .iter()
            .any(|w| crate::liveblog::stamp::month_number(w).is_some());
    if !title_case {
        return false;
    }
    let mut clauses = vec![tail];
    for sep in dashes {
        clauses = clauses.iter().flat_map(|c| c.split(sep)).collect();
    }
    clauses.iter().any(|c| {
        let first = c.split_whitespace().next().unwrap_or("").to_lowercase();
        COMMERCE_VERBS.contains(&first.as_str())
    })
}

/// Agency and archive names that mark photo credits.
const PHOTO_AGENCIES: &[&str] = &[
    "getty images",
    "reuters",
    "ap photo",
    "afp",
    "epa",
    "shutterstock",
    "alamy",
    "sputnik",
    "tass",
    "anadolu",
    "bloomberg",
    "pool",
    "xinhua",
];

/// "Image source, Reuters", "Image caption,", "FILE PHOTO: ... ©", "Photo: X".
fn is_image_caption(plain: &str) -> bool {
    let lower = plain.to_lowercase();
    const MARKERS: &[&str] = &[
        "image source,",
        "image source:",
        "image caption",
        "image copyright",
        "photo credit",
        "\u{a9}",
        "(c) getty",
        "photo illustration",
    ];
    if plain.len() >= 600 {
        return false;
    }
    if MARKERS.iter().any(|m| lower.contains(m)) || plain.contains("FILE PHOTO") {
        return true;
    }
    // Wire captions: "In this June 8, 2010 file photo, ...", "... file photo shows ...".
    if let Some(at) = lower.find("file photo") {
        let after = lower[at + "file photo".len()..].trim_start();
        let dated = lower[..at].contains("in this") || lower.starts_with("this ");
        if dated || after.starts_with("shows") || after.trim_end_matches(['.', ' ']).is_empty() {
            return true;
        }
    }
    const PREFIXES: &[&str] = &[
        "photo:",
        "photograph:",
        "picture:",
        "credit:",
        "image:",
        "pictured:",
    ];
    PREFIXES.iter().any(|p| lower.starts_with(p)) && plain.len() < 300
}

/// "Kostiantyn Liberov / Libkos / Getty Images", "Jane Roe/Reuters".
fn is_photo_credit(plain: &str) -> bool {
    if plain.len() > 100 || ends_with_sentence_mark(plain) {
        return false;
    }
    let parts: Vec<&str> = plain.split('/').map(str::trim).collect();
    let lower = plain.to_lowercase();
    let names_agency = PHOTO_AGENCIES.iter().any(|a| lower.contains(a));
    let shaped = parts.len() >= 2
        && parts.iter().all(|p| {
            let ws: Vec<&str> = p.split_whitespace().collect();
            (1..=4).contains(&ws.len()) && ws.iter().all(|w| is_capitalised(w))
        });
    shaped && (names_agency || parts.len() >= 3)
        || names_agency && lower.contains(" via ") && plain.split_whitespace().count() <= 8
}

/// "Source: Meduza" -> "Meduza"; "Originally published by X" -> "X".
pub(crate) fn credit_line(plain: &str) -> Option<String> {
    let lower = plain.to_lowercase();
    for prefix in [
        "source:",
        "sources:",
        "originally published by",
        "originally published in",
        "originally published at",
        "originally published on",
        "this article was originally published by",
        "this article was originally published in",
        "this article was originally published on",
        "this story was originally published by",
        "republished from",
        "courtesy of",
    ] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let name = plain[plain.len() - rest.len()..]
                .trim()
                .trim_end_matches('.')
                .trim();
            let words = name.split_whitespace().count();
            if (1..=5).contains(&words) && is_capitalised(name) {
                return Some(name.to_string());
            }
        }
    }
    None
}

/// "RT: FILE PHOTO ..." -> "RT": a short name prefixed to a picture caption.
fn caption_credit_prefix(plain: &str) -> Option<String> {
    let (head, rest) = plain.split_once(':')?;
    let words: Vec<&str> = head.split_whitespace().collect();
    if !(1..=3).contains(&words.len())
        || head.len() > 30
        || !words.iter().all(|w| is_capitalised(w))
        || head.chars().any(|c| c.is_ascii_digit())
        || words
            .iter()
            .any(|w| crate::liveblog::stamp::month_number(w).is_some())
    {
        return None;
    }
    if !is_image_caption(rest) || is_image_caption(head) {
        return None;
    }
    Some(head.trim().to_string())
}

/// "(Reuters) - ..." or "KYIV (AP) — ...": the agency in a wire dateline.
fn wire_dateline(plain: &str) -> Option<String> {
    let open = plain.find('(')?;
    if open > 40 {
        return None;
    }
    let before = &plain[..open];
    if !before
        .chars()
        .all(|c| c.is_uppercase() || c == ' ' || c == ',' || c == '.' || c == '-')
    {
        return None;
    }
    let close = open + plain[open..].find(')')?;
    let name = plain[open + 1..close].trim();
    let after = plain[close + 1..].trim_start();
    let dash = after.starts_with(['-', '\u{2013}', '\u{2014}']);
    let words = name.split_whitespace().count();
    (dash && (1..=3).contains(&words) && is_capitalised(name)).then(|| name.to_string())
}

/// "By Jane Roe" -> "Jane Roe"; "Desk Name By Desk Name" -> "Desk Name".
fn byline_of(plain: &str) -> Option<String> {
    if plain.len() > 90 || ends_with_sentence_mark(plain) {
        return None;
    }
    let ws: Vec<&str> = plain.split_whitespace().collect();
    let by = ws
        .iter()
        .position(|w| *w == "By" || *w == "by" || *w == "BY")?;
    let mut name: Vec<&str> = ws[by + 1..].to_vec();
    // "By Ana Ruiz, Labour correspondent": a short role may follow the name.
    if let Some(c) = name.iter().position(|w| w.ends_with(',')) {
        if name.len() - c - 1 <= 5 {
            name.truncate(c + 1);
        }
    }
    if name.is_empty() || name.len() > 8 {
        return None;
    }
    let namey =
        |w: &&str| is_capitalised(w) || matches!(*w, "and" | "&" | "," | "de" | "van" | "von");
    if !name.iter().all(namey) || !ws[..by].iter().all(namey) {
        return None;
    }
    // Text before "By" is only allowed when it repeats the name or is a short label.
    if by > 0 && ws[..by] != name[..] && by > 3 {
        return None;
    }
    Some(name.join(" ").trim_end_matches(',').to_string())
}

/// The rules that judge a paragraph on its own text (no neighbours, no position).
fn paragraph_rule(plain: &str) -> Option<&'static str> {
    if !plain.chars().any(char::is_alphanumeric) {
        Some(reason::MARKUP)
    } else if is_image_caption(plain) {
        Some(reason::IMAGE_CAPTION)
    } else if is_photo_credit(plain) {
        Some(reason::PHOTO_CREDIT)
    } else if is_navigation(plain) {
        Some(reason::NAVIGATION)
    } else if is_promotion(plain) {
        Some(reason::PROMOTION)
    } else if is_related_link(plain) {
        Some(reason::RELATED)
    } else if is_affiliate(plain) {
        Some(reason::AFFILIATE)
    } else {
        None
    }
}

/// Why one paragraph on its own reads as boilerplate (navigation, promotion,
/// related links, sales lines, picture captions and credits, markup or image
/// residue), or `None` for article text. For callers that have paragraphs from
/// elsewhere (HTML extraction); rules that need neighbours or position (promotion
/// blocks, header crumbs, trailing tag clouds, repeats, bylines) are not applied.
pub fn boilerplate_reason(paragraph: &str) -> Option<&'static str> {
    let mut plain = String::new();
    let mut any_image = false;
    for piece in inline_pieces(paragraph, 0) {
        match piece {
            Piece::Text(s) => plain.push_str(s.slice(paragraph)),
            Piece::Replace(r, _) => plain.push_str(r),
            Piece::Gap(_) | Piece::Break(_) => plain.push(' '),
            Piece::Image(_) => {
                any_image = true;
                plain.push(' ');
            }
        }
    }
    let plain = text::normalize_text(&plain)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if any_image && !plain.chars().any(char::is_alphanumeric) {
        return Some(reason::IMAGE_FILE);
    }
    if credit_line(&plain).is_some() {
        return Some(reason::CREDIT);
    }
    paragraph_rule(&plain)
}

// ---------------------------------------------------------------------------
// The cleaner
// ---------------------------------------------------------------------------

/// A paragraph's fate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fate {
    Keep,
    Drop(&'static str),
}

/// Cleans a page that arrived as plain text. See the module documentation.
pub fn clean_text(raw: &str) -> CleanedText {
    let units = build_units(raw);
    let mut fate = vec![Fate::Keep; units.len()];
    let mut credited_source: Option<String> = None;
    let mut byline: Option<String> = None;
    let mut published: Option<PublishedTime> = None;

    // The header: everything above the first long paragraph or post stamp.
    let header_end = units
        .iter()
        .position(|u| {
            u.plain.len() >= HEADER_END_LEN
                || parse_stamp(&u.plain).is_some_and(|st| st.time.is_some())
                || parse_relative(&u.plain).is_some()
                || crate::liveblog::stamp::glued_stamp(&u.plain).is_some()
                || crate::liveblog::numbered_marker(&u.plain).is_some()
        })
        .unwrap_or(units.len());

    // A single timed stamp line is a byline date; several make a live blog.
    let timed_stamps = units
        .iter()
        .filter(|u| parse_stamp(&u.plain).is_some_and(|st| st.time.is_some()))
        .count();
    for (i, u) in units.iter().enumerate() {
        let plain = u.plain.as_str();
        let f = if u.only_images {
            Fate::Drop(reason::IMAGE_FILE)
        } else if let Some(name) = credit_line(plain) {
            credited_source.get_or_insert(name);
            Fate::Drop(reason::CREDIT)
        } else if let Some(name) = caption_credit_prefix(plain) {
            credited_source.get_or_insert(name);
            Fate::Drop(reason::IMAGE_CAPTION)
        } else if let Some(why) = paragraph_rule(plain) {
            Fate::Drop(why)
        } else if i < header_end && byline.is_none() && byline_of(plain).is_some() {
            byline = byline_of(plain);
            Fate::Drop(reason::BYLINE)
        } else if (i < header_end || (i == header_end && timed_stamps <= 1))
            && published.is_none()
            && byline_date(&units, i).is_some()
        {
            published = byline_date(&units, i);
            Fate::Drop(reason::BYLINE_DATE)
        } else {
            if let Some(name) = wire_dateline(plain) {
                credited_source.get_or_insert(name);
            }
            Fate::Keep
        };
        fate[i] = f;
    }

    drop_promotion_blocks(&units, &mut fate);
    drop_header_crumbs(&units, &mut fate, header_end);
    drop_trailing_residue(&units, &mut fate);
    drop_credited_captions(&units, &mut fate);
    drop_repeats(&units, &mut fate);

    let title = find_title(&units, &fate, header_end).map(|(at, title)| {
        // Short lines above the headline are the site's masthead and menu.
        for k in 0..at {
            let p = units[k].plain.as_str();
            if fate[k] == Fate::Keep
                && p.split_whitespace().count() <= 4
                && !ends_with_sentence_mark(p)
            {
                fate[k] = Fate::Drop(reason::NAVIGATION);
            }
        }
        title
    });

    // Build the clean text.
    let mut b = CleanTextBuilder::with_capacity(raw.len());
    let mut dropped = Vec::new();
    let mut prev_kept_bullet: Option<usize> = None;
    for (i, u) in units.iter().enumerate() {
        if let Fate::Drop(why) = fate[i] {
            dropped.push(DroppedLine {
                raw: u.raw,
                reason: why,
            });
            continue;
        }
        let continues_list = u.bullet
            && prev_kept_bullet
                .is_some_and(|p| p + 1 == i || (p + 1..i).all(|k| fate[k] != Fate::Keep))
            && !u.blank_before;
        if continues_list {
            b.line_break(u.raw.start);
        } else {
            b.paragraph_break(u.raw.start);
        }
        for (k, seg) in u.segs.iter().enumerate() {
            if k > 0 {
                b.push_space(seg.start, 0);
            }
            for &piece in &u.pieces[k] {
                match piece {
                    Piece::Text(s) => b.push_raw_normalized(s.slice(raw), s.start),
                    Piece::Replace(r, s) => {
                        if r == " " {
                            b.push_space(s.start, s.len());
                        } else {
                            b.push_mapped(r, s.start, s.len());
                        }
                    }
                    Piece::Gap(s) => b.push_space(s.start, s.len()),
                    Piece::Break(at) => b.line_break(at),
                    // Removed residue still separates the words around it.
                    Piece::Image(s) => b.push_space(s.start, s.len()),
                }
            }
        }
        prev_kept_bullet = u.bullet.then_some(i);
    }
    let (text, offsets) = b.finish();
    CleanedText {
        text,
        offsets,
        title,
        byline,
        published,
        credited_source,
        dropped,
    }
}

/// A date-only line in the header that is not a day header of timed entries.
fn byline_date(units: &[Unit], i: usize) -> Option<PublishedTime> {
    let stamp = parse_stamp(&units[i].plain)?;
    let date = stamp.date?;
    date.year?;
    // A day header followed by a bare time line belongs to a live blog.
    if stamp.time.is_none() {
        if let Some(next) = units.get(i + 1) {
            if parse_stamp(&next.plain).is_some_and(|s| s.time.is_some() && s.date.is_none()) {
                return None;
            }
        }
    }
    let day = date.resolve(None)?;
    let at = match stamp.time {
        Some(t) => Timestamp {
            utc: t.to_utc(day)?,
            precision: TimePrecision::Minute,
        },
        None => Timestamp {
            utc: day.and_hms_opt(0, 0, 0)?,
            precision: TimePrecision::Day,
        },
    };
    Some(PublishedTime {
        at,
        provenance: TimeProvenance::Byline,
        confidence: 0.7,
    })
}

fn is_promo_drop(f: Fate) -> bool {
    matches!(f, Fate::Drop(r) if r == reason::PROMOTION)
}

/// A short paragraph between two promotion lines is part of the same box
/// ("Sign up ..." / "A digest of ..." / "Protected by reCAPTCHA").
fn drop_promotion_blocks(units: &[Unit], fate: &mut [Fate]) {
    for i in 1..units.len().saturating_sub(1) {
        if fate[i] == Fate::Keep
            && units[i].plain.len() < 250
            && is_promo_drop(fate[i - 1])
            && is_promo_drop(fate[i + 1])
        {
            fate[i] = Fate::Drop(reason::PROMOTION_BLOCK);
        }
    }
}

/// Short list items above the headline are section crumbs ("- World", "- War in X").
fn drop_header_crumbs(units: &[Unit], fate: &mut [Fate], header_end: usize) {
    for i in 0..header_end.min(units.len()) {
        let u = &units[i];
        if fate[i] == Fate::Keep && !u.bullet {
            // The first kept paragraph that is not a list item ends the crumbs.
            break;
        }
        if fate[i] == Fate::Keep
            && u.bullet
            && u.plain.split_whitespace().count() <= 4
            && !ends_with_sentence_mark(&u.plain)
            && !is_stamp_line(&u.plain)
        {
            fate[i] = Fate::Drop(reason::CRUMBS);
        }
    }
}

/// One-to-three word lines closing the page ("Geopolitics", "Peace", "Avatar").
fn drop_trailing_residue(units: &[Unit], fate: &mut [Fate]) {
    let mut i = units.len();
    while i > 0 {
        i -= 1;
        if fate[i] != Fate::Keep {
            continue;
        }
        let p = &units[i].plain;
        let short = p.split_whitespace().count() <= 3
            && !ends_with_sentence_mark(p)
            && !is_stamp_line(p)
            && !p.chars().any(|c| c.is_ascii_digit());
        if !short {
            break;
        }
        fate[i] = Fate::Drop(reason::TRAILING);
    }
}

/// A key that ignores case, punctuation and markup.
fn repeat_key(plain: &str) -> String {
    plain
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Paragraphs repeated in one document: the first copy stays. Short lines (author
/// names, labels) legitimately repeat and are left alone.
/// Picture captions known by the photo credit under them: a paragraph directly
/// above a credit line ("Name / Agency / Getty Images") is a caption when the page
/// carries it more than once (alt text and figure caption) or it ends on a bare
/// date ("… for several months. October 7, 2025."). Every copy of it goes. A body
/// paragraph above a credit is kept: it is neither repeated nor date-ended.
fn drop_credited_captions(units: &[Unit], fate: &mut [Fate]) {
    let credited =
        |i: usize| fate[i] == Fate::Drop(reason::PHOTO_CREDIT) && fate[i - 1] == Fate::Keep;
    if !(1..units.len()).any(credited) {
        return;
    }
    let keys: Vec<String> = units.iter().map(|u| repeat_key(&u.plain)).collect();
    let captions: Vec<usize> = (1..units.len())
        .filter(|&i| credited(i))
        .map(|i| i - 1)
        .filter(|&c| {
            keys.iter().filter(|k| **k == keys[c]).count() > 1
                || ends_with_date_sentence(&units[c].plain)
        })
        .collect();
    for i in 0..units.len() {
        if fate[i] == Fate::Keep && captions.iter().any(|&c| keys[c] == keys[i]) {
            fate[i] = Fate::Drop(reason::IMAGE_CAPTION);
        }
    }
}

/// The paragraph's last sentence is a date and nothing else ("October 7, 2025.").
fn ends_with_date_sentence(plain: &str) -> bool {
    let body = plain.trim_end().trim_end_matches('.');
    let last = body.rfind(". ").map_or(body, |k| &body[k + 2..]);
    last.len() < body.len()
        && parse_stamp(last).is_some_and(|st| st.date.is_some_and(|d| d.year.is_some()))
}

fn drop_repeats(units: &[Unit], fate: &mut [Fate]) {
    let mut seen = std::collections::HashSet::new();
    for (i, u) in units.iter().enumerate() {
        if fate[i] != Fate::Keep {
            continue;
        }
        let words = u
            .plain
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count();
        if words < 8 && u.plain.len() < 60 {
            continue;
        }
        if !seen.insert(repeat_key(&u.plain)) {
            fate[i] = Fate::Drop(reason::REPEATED);
        }
    }
}

/// The first kept header paragraph that reads as a headline. The search stops at
/// the first paragraph that reads as prose (ends a sentence, opens with a quote,
/// or is long): a headline comes before the text it heads.
fn find_title(units: &[Unit], fate: &[Fate], header_end: usize) -> Option<(usize, String)> {
    // The first headline-shaped line of five or more words before the first prose
    // paragraph (section crumbs such as "Ports & Shipping" are shorter), else the
    // first headline-shaped line.
    let mut best: Option<(usize, usize, String)> = None;
    for i in 0..header_end.min(units.len()) {
        if fate[i] != Fate::Keep {
            continue;
        }
        let u = &units[i];
        let p = u.plain.as_str();
        let words = p.split_whitespace().count();
        let prose = p.len() > 200
            || p.trim_end().ends_with(['.', ',', ';', ':'])
            || p.starts_with(['"', '\'', '`', '\u{201c}', '\u{2018}', '(', '-'])
            || p.starts_with("By ");
        if prose {
            break;
        }
        if u.bullet
            || crate::liveblog::numbered_marker(p).is_some()
            || crate::liveblog::stamp::glued_stamp(p).is_some()
            || is_stamp_line(p)
            || !(3..=30).contains(&words)
        {
            continue;
        }
        if words >= 5 {
            return Some((i, p.to_string()));
        }
        if best.is_none() {
            best = Some((words, i, p.to_string()));
        }
    }
    best.map(|(_, i, t)| (i, t))
}

#[cfg(test)]
mod tests;
