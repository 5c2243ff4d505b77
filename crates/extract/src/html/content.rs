//! Finding the main content of a parsed page and rendering it as clean text.
//!
//! 1. A forward pass marks nodes that are never content (scripts, styles, forms
//!    controls, hidden elements) and boilerplate (navigation, asides, footers, share
//!    bars, related links, comments, captions, cookie and newsletter prompts) from tag,
//!    role, class and id hints, and finds each text node's block ("paragraph").
//! 2. A backward pass sums text and link text per element.
//! 3. Paragraphs score their parent and grandparent by length and commas; the best
//!    candidate, weighted by link density and class hints, is the content root. When
//!    several near-best candidates share an ancestor (live-blog posts, split article
//!    columns), that ancestor becomes the root; siblings that read like article text
//!    are kept beside it.
//! 4. The root is rendered block by block: paragraphs separated by `"\n\n"`, list items
//!    and line breaks on their own lines, boilerplate and link lists left out.

use text::CleanTextBuilder;

use super::dom::{Dom, NodeId, NodeKind, Tag, NONE};
use super::entities;

/// Per-node facts from the analysis passes.
#[derive(Debug, Clone, Copy, Default)]
struct Facts {
    dropped: bool,
    /// Structural boilerplate (nav, aside, footer, figure, comments), inherited.
    boiler: bool,
    /// Its own class/id/role hints say boilerplate (not inherited).
    hinted: bool,
    in_link: bool,
    /// The nearest block element (itself for blocks).
    block: NodeId,
    /// Non-space text bytes in the subtree, boilerplate included.
    total: u32,
    /// Non-space text bytes in the subtree outside boilerplate.
    good: u32,
    /// Link text inside `good`.
    link: u32,
    /// Text whose nearest block is this node (paragraph text).
    own: u32,
    own_link: u32,
    own_commas: u32,
    /// Subtree holds an `h1` / a `time` element / a `nav`.
    has_h1: bool,
    has_time: bool,
    has_nav: bool,
    score: f32,
}

/// The outcome of content extraction, before metadata.
pub struct Content {
    pub text: String,
    pub offsets: model::OffsetMap,
    /// How the root was chosen, for diagnostics.
    pub fallback: bool,
}

/// Extracts the main content of `dom`.
pub fn extract(dom: &Dom<'_>) -> Content {
    let mut facts = vec![Facts::default(); dom.nodes.len()];
    analyse(dom, &mut facts);
    let body = find_body(dom);
    let (root, keep, fallback) = match choose_root(dom, &mut facts) {
        Some((root, keep)) => (root, keep, false),
        None => (body, Vec::new(), true),
    };
    if std::env::var_os("PARALLAX_DEBUG_HTML").is_some() {
        let f = &facts[root as usize];
        if let Some(big) = (0..dom.nodes.len())
            .filter(|&i| dom.nodes[i].tag().is_none())
            .max_by_key(|&i| facts[i].total)
        {
            let mut a = big as NodeId;
            while a != NONE && a != 0 {
                let f = &facts[a as usize];
                eprintln!(
                    "  anc {} <{} class={:?} id={:?}> dropped {} boiler {} total {} good {}",
                    a,
                    dom.name(a),
                    dom.attr(a, "class"),
                    dom.attr(a, "id"),
                    f.dropped,
                    f.boiler,
                    f.total,
                    f.good
                );
                a = dom.node(a).parent;
            }
        }
        eprintln!(
            "root {} <{} class={:?} id={:?}> score {} good {} keep {:?}",
            root,
            dom.name(root),
            dom.attr(root, "class"),
            dom.attr(root, "id"),
            f.score,
            f.good,
            keep
        );
    }
    let mut b = CleanTextBuilder::with_capacity(4096);
    let root_total = facts[root as usize].total.max(1);
    if keep.is_empty() {
        render(dom, &facts, root, root_total, &mut b);
    } else {
        for k in keep {
            render(dom, &facts, k, root_total, &mut b);
            b.paragraph_break(dom.node(k).end as usize);
        }
    }
    let (text, offsets) = b.finish();
    Content {
        text,
        offsets,
        fallback,
    }
}

fn find_body(dom: &Dom<'_>) -> NodeId {
    dom.nodes
        .iter()
        .position(|n| n.tag() == Some(Tag::Body))
        .map_or(0, |i| i as NodeId)
}

/// Lowercased `class` and `id` (and `role`, `itemprop`) of an element, space-joined.
fn hint_string(dom: &Dom<'_>, id: NodeId, buf: &mut String) {
    buf.clear();
    for name in ["class", "id", "role", "itemprop"] {
        if let Some(v) = dom.attr(id, name) {
            buf.push(' ');
            for c in v.chars() {
                buf.push(c.to_ascii_lowercase());
            }
        }
    }
}

fn has_token(hints: &str, word: &str) -> bool {
    hints
        .split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| t == word)
}

/// Class/id/role words that mark an element as boilerplate.
fn is_boiler_hint(hints: &str) -> bool {
    const SUBSTRINGS: &[&str] = &[
        "share",
        "social",
        "comment",
        "related",
        "newsletter",
        "cookie",
        "consent",
        "subscri",
        "promo",
        "advert",
        "sponsor",
        "breadcrumb",
        "sidebar",
        "outbrain",
        "taboola",
        "recirc",
        "trending",
        "popular",
        "most-read",
        "mostread",
        "signup",
        "sign-up",
        "paywall",
        "caption",
        "credit",
        "byline",
        "footer",
        "navbar",
        "navigation",
        "widget",
        "toolbar",
        "disqus",
        "modal",
        "popup",
        "banner",
        "rating",
        "author-bio",
        "authorbio",
        "author-info",
        "read-more",
        "readmore",
        "more-stories",
        "recommend",
        "visually-hidden",
        "sr-only",
        "screen-reader",
        "skip-link",
        "pagination",
        "copyright",
        "disclaimer",
        "inline-ad",
        "ad-container",
        "ad-slot",
        "adslot",
        "dfp",
        "gallery",
        "slideshow",
        "carousel",
        "newsletter",
        "tooltip",
        "hidden-print",
        "print-only",
        "masthead",
        "tags",
        "keywords",
        "topics",
    ];
    const TOKENS: &[&str] = &[
        "nav",
        "menu",
        "ad",
        "ads",
        "header",
        "meta",
        "print",
        "hidden",
        "tools",
        "share",
        "aside",
        "complementary",
        "navigation",
        "contentinfo",
        "search",
        "dialog",
        "banner",
        "alert",
        "author",
        "bio",
        "logo",
        "sharing",
        "follow",
        "video",
        "player",
        "lede-media",
        "figure",
        "image",
        "photo",
        "media",
        "subnav",
        "login",
        "utility",
    ];
    SUBSTRINGS.iter().any(|s| hints.contains(s)) || TOKENS.iter().any(|t| has_token(hints, t))
}

/// Class/id words of reader comment sections, boilerplate at any size.
fn is_comment_hint(hints: &str) -> bool {
    (hints.contains("comment") && !hints.contains("commentary"))
        || hints.contains("disqus")
        || has_token(hints, "respond")
        || has_token(hints, "replies")
}

/// Class/id words that mark the article body itself.
fn is_body_hint(hints: &str) -> bool {
    const STRONG: &[&str] = &[
        "articlebody",
        "article-body",
        "article__body",
        "article_body",
        "story-body",
        "storybody",
        "story__body",
        "entry-content",
        "post-content",
        "post-body",
        "postbody",
        "article-content",
        "articlecontent",
        "article__content",
        "story-content",
        "storycontent",
        "content-body",
        "body-text",
        "bodytext",
        "article-text",
        "articletext",
        "entry-body",
        "main-content",
        "story-text",
        "post-entry",
        "rich-text",
        "richtext",
    ];
    STRONG.iter().any(|s| hints.contains(s))
}

/// Readability-style weight from class/id words.
fn class_weight(hints: &str) -> f32 {
    if hints.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if is_body_hint(hints) {
        w += 40.0;
    } else {
        const POSITIVE: &[&str] = &[
            "article", "body", "content", "entry", "main", "post", "text", "story", "blog",
        ];
        if POSITIVE.iter().any(|p| hints.contains(p)) {
            w += 25.0;
        }
    }
    if is_boiler_hint(hints) {
        w -= 25.0;
    }
    w
}

fn is_hidden(dom: &Dom<'_>, id: NodeId) -> bool {
    if dom.attr(id, "hidden").is_some() {
        return true;
    }
    if dom
        .attr(id, "aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = dom.attr(id, "style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// Non-whitespace bytes and commas of raw text.
fn measure(raw: &str) -> (u32, u32) {
    let mut n = 0u32;
    let mut commas = 0u32;
    for &b in raw.as_bytes() {
        if !b.is_ascii_whitespace() {
            n += 1;
        }
        if b == b',' {
            commas += 1;
        }
    }
    (n, commas)
}

fn analyse(dom: &Dom<'_>, facts: &mut [Facts]) {
    let mut hints = String::new();
    // Forward: parents come before children.
    for i in 1..dom.nodes.len() {
        let node = &dom.nodes[i];
        let p = node.parent as usize;
        let parent = facts[p];
        let mut f = Facts {
            dropped: parent.dropped,
            boiler: parent.boiler,
            in_link: parent.in_link,
            block: parent.block,
            ..Facts::default()
        };
        match node.kind {
            NodeKind::Text => {
                if !f.dropped {
                    let (n, commas) = measure(dom.raw(i as NodeId));
                    f.total = n;
                    if !f.boiler {
                        f.good = n;
                        if f.in_link {
                            f.link = n;
                        }
                        let blk = f.block as usize;
                        facts[blk].own += n;
                        facts[blk].own_commas += commas;
                        if f.in_link {
                            facts[blk].own_link += n;
                        }
                    }
                }
            }
            NodeKind::Element { tag, .. } => {
                if !f.dropped {
                    f.dropped = matches!(
                        tag,
                        Tag::Script
                            | Tag::Style
                            | Tag::Noscript
                            | Tag::Template
                            | Tag::Svg
                            | Tag::Math
                            | Tag::Iframe
                            | Tag::Object
                            | Tag::Embed
                            | Tag::Canvas
                            | Tag::Video
                            | Tag::Audio
                            | Tag::Select
                            | Tag::Option
                            | Tag::Button
                            | Tag::Input
                            | Tag::Textarea
                            | Tag::Head
                            | Tag::Title
                            | Tag::Noembed
                            | Tag::Noframes
                            | Tag::Label
                    ) || is_hidden(dom, i as NodeId);
                }
                if !f.dropped && !f.boiler {
                    f.boiler = matches!(
                        tag,
                        Tag::Nav
                            | Tag::Aside
                            | Tag::Footer
                            | Tag::Figure
                            | Tag::Figcaption
                            | Tag::Dialog
                            | Tag::Menu
                    );
                    if tag == Tag::Form {
                        // Forms wrap whole pages on some CMSs: only search forms count.
                        f.boiler = dom.attr(i as NodeId, "role").is_some_and(|r| r == "search");
                    }
                    if !f.boiler && !matches!(tag, Tag::Body | Tag::Html | Tag::Main | Tag::Article)
                    {
                        hint_string(dom, i as NodeId, &mut hints);
                        if !hints.is_empty() && !is_body_hint(&hints) {
                            f.boiler = is_comment_hint(&hints);
                            f.hinted = is_boiler_hint(&hints);
                        }
                    }
                }
                if tag == Tag::A {
                    f.in_link = true;
                }
                if tag.is_block() {
                    f.block = i as NodeId;
                }
                f.has_h1 = tag == Tag::H1;
                f.has_time = tag == Tag::Time;
                f.has_nav = tag == Tag::Nav;
            }
        }
        // Keep paragraph sums accumulated earlier for this node (none yet: it is new).
        facts[i] = f;
    }
    // Backward: children after parents, so reverse order sums bottom-up.
    for i in (1..dom.nodes.len()).rev() {
        let p = dom.nodes[i].parent as usize;
        let c = facts[i];
        let f = &mut facts[p];
        f.total += c.total;
        f.good += c.good;
        f.link += c.link;
        f.has_h1 |= c.has_h1;
        f.has_time |= c.has_time;
        f.has_nav |= c.has_nav;
    }
}

fn tag_base(tag: Tag) -> f32 {
    match tag {
        Tag::Div | Tag::Article | Tag::Main | Tag::Section => 5.0,
        Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
        Tag::Address | Tag::Ol | Tag::Ul | Tag::Dl | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => {
            -3.0
        }
        Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6 | Tag::Th => -5.0,
        _ => 0.0,
    }
}

fn link_density(f: &Facts) -> f32 {
    if f.good == 0 {
        0.0
    } else {
        f.link as f32 / f.good as f32
    }
}

/// Picks the content root, and when siblings join it, the list of nodes to render.
fn choose_root(dom: &Dom<'_>, facts: &mut [Facts]) -> Option<(NodeId, Vec<NodeId>)> {
    let mut hints = String::new();
    let n = dom.nodes.len();
    let mut initialised = vec![false; n];
    let mut candidates: Vec<NodeId> = Vec::new();
    for i in 1..n {
        let f = facts[i];
        if f.dropped || f.boiler || f.own < 25 || dom.nodes[i].tag().is_none() {
            continue;
        }
        let density = f.own_link as f32 / f.own.max(1) as f32;
        if density > 0.5 {
            continue;
        }
        let score = (1.0 + f.own_commas as f32 + (f.own as f32 / 100.0).min(3.0)) * (1.0 - density);
        let mut anc = dom.nodes[i].parent;
        for level in 0..3 {
            if anc == NONE || anc == 0 {
                break;
            }
            let a = anc as usize;
            if !initialised[a] {
                initialised[a] = true;
                let tag = dom.nodes[a].tag().unwrap_or(Tag::Other);
                hint_string(dom, anc, &mut hints);
                facts[a].score = tag_base(tag) + class_weight(&hints);
                candidates.push(anc);
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                _ => 3.0,
            };
            facts[a].score += score / div;
            anc = dom.nodes[a].parent;
        }
    }
    if candidates.is_empty() {
        return None;
    }
    for &c in &candidates {
        let f = &mut facts[c as usize];
        f.score *= 1.0 - link_density(f);
    }
    candidates.sort_by(|a, b| {
        facts[*b as usize]
            .score
            .total_cmp(&facts[*a as usize].score)
    });
    let mut top = candidates[0];
    let top_score = facts[top as usize].score;
    if top_score <= 0.0 {
        return None;
    }

    // Several near-best candidates under one ancestor: that ancestor is the root.
    let close: Vec<NodeId> = candidates
        .iter()
        .skip(1)
        .take(6)
        .copied()
        .filter(|&c| facts[c as usize].score >= 0.7 * top_score)
        .collect();
    if close.len() >= 2 {
        let mut anc = dom.node(top).parent;
        while anc != NONE && anc != 0 {
            let inside = close.iter().filter(|&&c| is_ancestor(dom, anc, c)).count();
            if inside >= 2 {
                top = anc;
                break;
            }
            if dom.node(anc).tag() == Some(Tag::Body) {
                break;
            }
            anc = dom.node(anc).parent;
        }
    }

    // Walk up while the parent holds the same text (wrappers add nothing).
    loop {
        let p = dom.node(top).parent;
        if p == NONE || p == 0 || dom.node(p).tag() == Some(Tag::Body) {
            break;
        }
        if facts[p as usize].total > facts[top as usize].total + 40 {
            break;
        }
        top = p;
    }

    // Siblings that read like article text join the root.
    let parent = dom.node(top).parent;
    if parent == NONE || parent == 0 {
        return Some((top, Vec::new()));
    }
    let threshold = (0.2 * facts[top as usize].score).max(10.0);
    let mut keep = Vec::new();
    let mut extra = false;
    for s in dom.children(parent) {
        if s == top {
            keep.push(s);
            continue;
        }
        let f = facts[s as usize];
        if f.dropped || f.boiler || f.good == 0 {
            continue;
        }
        let ld = link_density(&f);
        let joins = (initialised[s as usize] && f.score >= threshold && ld < 0.3)
            || (f.own >= 80 && f.own == f.good && ld < 0.25);
        if joins {
            keep.push(s);
            extra = true;
        }
    }
    if extra {
        Some((top, keep))
    } else {
        Some((top, Vec::new()))
    }
}

fn is_ancestor(dom: &Dom<'_>, anc: NodeId, mut node: NodeId) -> bool {
    while node != NONE {
        if node == anc {
            return true;
        }
        node = dom.node(node).parent;
    }
    false
}

/// Whether a short text looks like a clock time or date line (kept for live blogs).
fn looks_like_time(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.windows(3)
        .any(|w| w[0].is_ascii_digit() && (w[1] == b':' || w[1] == b'.') && w[2].is_ascii_digit())
}

/// Whether element `id` inside the content root is left out.
fn skip_in_content(dom: &Dom<'_>, facts: &[Facts], id: NodeId, root_total: u32) -> bool {
    let f = &facts[id as usize];
    if f.dropped {
        return true;
    }
    let tag = dom.node(id).tag().unwrap_or(Tag::Other);
    let parent_boiler = facts[dom.node(id).parent as usize].boiler;
    // A boilerplate hint on something that holds most of the content is wrong.
    let big = f.total * 2 >= root_total && f.total > 400;
    if (f.boiler && !parent_boiler) || (f.hinted && !big) {
        // Keep post headers with a time in them (live blogs).
        return !(f.has_time && !f.has_h1 && f.total < 200 && tag != Tag::Nav);
    }
    match tag {
        Tag::H1 => return true,
        Tag::Header => return f.has_h1 || f.has_nav,
        _ => {}
    }
    // A block whose text is all its own and mostly links: a link list or "read more".
    if tag.is_block() && !tag.is_heading() && f.own > 0 && f.own == f.good {
        let ld = f.own_link as f32 / f.own as f32;
        if ld > 0.5 && !(f.own < 60 && (f.has_time || looks_like_time(dom.raw(id)))) {
            return true;
        }
    }
    false
}

/// Renders the subtree of `root` into `b`.
fn render(dom: &Dom<'_>, facts: &[Facts], root: NodeId, root_total: u32, b: &mut CleanTextBuilder) {
    // (node, entering)
    let mut stack: Vec<(NodeId, bool)> = vec![(root, true)];
    while let Some((id, entering)) = stack.pop() {
        let node = dom.node(id);
        match node.kind {
            NodeKind::Text => {
                if entering && !facts[id as usize].dropped {
                    push_html_text(b, dom.src, node.start as usize, node.end as usize);
                }
            }
            NodeKind::Element { tag, .. } => {
                if entering {
                    if id != root && skip_in_content(dom, facts, id, root_total) {
                        // Still separate what came before from what follows.
                        if tag.is_block() {
                            b.paragraph_break(node.start as usize);
                        } else if !b.is_empty() {
                            b.push_space(node.start as usize, 0);
                        }
                        continue;
                    }
                    open_tag(b, tag, node.start as usize);
                    stack.push((id, false));
                    let kids: Vec<NodeId> = dom.children(id).collect();
                    for k in kids.into_iter().rev() {
                        stack.push((k, true));
                    }
                } else {
                    close_tag(b, tag, node.start as usize);
                }
            }
        }
    }
}

fn open_tag(b: &mut CleanTextBuilder, tag: Tag, at: usize) {
    match tag {
        Tag::Li | Tag::Dt | Tag::Dd | Tag::Tr => b.line_break(at),
        Tag::Br => b.line_break(at),
        Tag::Td | Tag::Th => b.push_space(at, 0),
        t if t.is_block() => b.paragraph_break(at),
        _ => {}
    }
}

fn close_tag(b: &mut CleanTextBuilder, tag: Tag, at: usize) {
    match tag {
        Tag::Li | Tag::Dt | Tag::Dd | Tag::Tr => b.line_break(at),
        Tag::Td | Tag::Th => b.push_space(at, 0),
        t if t.is_block() => b.paragraph_break(at),
        _ => {}
    }
}

/// Pushes raw HTML text `src[start..end]`, decoding character references and
/// normalising characters, with every piece mapped to its raw bytes.
pub fn push_html_text(b: &mut CleanTextBuilder, src: &str, start: usize, end: usize) {
    let Some(raw) = src.get(start..end) else {
        return;
    };
    let bytes = raw.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'&', &bytes[i..]) {
        let at = i + k;
        match entities::decode_at(&bytes[at..]) {
            Some((c, n)) => {
                if at > run {
                    b.push_raw_normalized(&raw[run..at], start + run);
                }
                push_decoded(b, c, start + at, n);
                i = at + n;
                run = i;
            }
            None => i = at + 1,
        }
        if i >= bytes.len() {
            break;
        }
    }
    if run < bytes.len() {
        b.push_raw_normalized(&raw[run..], start + run);
    }
}

fn push_decoded(b: &mut CleanTextBuilder, c: char, raw: usize, raw_len: usize) {
    use text::CharFix;
    match text::normalize_char(c) {
        CharFix::Keep if c.is_whitespace() => b.push_space(raw, raw_len),
        CharFix::Keep => {
            let mut buf = [0u8; 4];
            b.push_mapped(c.encode_utf8(&mut buf), raw, raw_len);
        }
        CharFix::Space => b.push_space(raw, raw_len),
        CharFix::Drop => {}
        CharFix::Replace(r) => {
            if r.chars().all(char::is_whitespace) {
                b.push_space(raw, raw_len);
            } else {
                b.push_mapped(r, raw, raw_len);
            }
        }
    }
}
