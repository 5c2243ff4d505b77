//! Finding the main content of a parsed page and rendering it as clean text.
//!
//! 1. A forward pass marks nodes that are never content (scripts, styles, form
//!    controls, hidden and screen-reader-only elements), structural boilerplate (nav,
//!    aside, footer, figure/figcaption, dialogs, reader comments) and elements whose
//!    class/id/role words hint at boilerplate (share bars, related links, captions,
//!    credits, bylines, cookie and newsletter prompts, ads), and finds each text
//!    node's block ("paragraph").
//! 2. A backward pass sums text, link text, paragraph text and a few flags per element.
//! 3. Paragraphs score their parent, grandparent and great-grandparent by length and
//!    commas; tag and class hints add to a candidate in proportion to its paragraph
//!    text, and link density scales it down. The best candidate is the root. When
//!    several near-best candidates share an ancestor, or the root repeats a sibling
//!    template (live-blog posts, article columns), the common parent becomes the root;
//!    siblings that read like article text are kept beside it.
//! 4. The root is rendered block by block: paragraphs separated by `"\n\n"`, list
//!    items, headings and line breaks on their own lines. Left out inside the root:
//!    hinted boilerplate that is small next to the root, link lists and teaser
//!    headings, inline runs made only of links, page-furniture labels
//!    ("Advertisement", "Read more"), wire credit lines, the repeated headline, and
//!    standalone date lines. Live blogs (several short time-bearing blocks) keep their
//!    post times and titles, even in blocks that look like boilerplate.

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
    /// Text of paragraph-like blocks in the subtree (own text >= 25, few links).
    para: u32,
    /// Subtree holds an `h1` / a `time` element / a `nav`.
    has_h1: bool,
    has_time: bool,
    has_nav: bool,
    /// Number of `a` elements in the subtree.
    anchors: u32,
    /// Subtree holds a `blockquote` (an embedded post or quote).
    has_quote: bool,
    /// Readability-style weight of the element's class/id words.
    weight: f32,
    score: f32,
}

/// The outcome of content extraction, before metadata.
pub struct Content {
    /// The clean text of the main content.
    pub text: String,
    /// Clean byte offset -> input byte offset.
    pub offsets: model::OffsetMap,
    /// How the root was chosen, for diagnostics.
    pub fallback: bool,
}

/// Extracts the main content of `dom`.
/// `titles` are word keys (see [`word_key`]) of the page's headline; a heading inside
/// the content that repeats it is left out, like the `h1`.
pub fn extract(dom: &Dom<'_>, titles: &[String]) -> Content {
    let mut facts = vec![Facts::default(); dom.nodes.len()];
    analyse(dom, &mut facts);
    let body = find_body(dom);
    let (root, keep, fallback) = match choose_root(dom, &mut facts) {
        Some((root, keep)) => (root, keep, false),
        None => (body, Vec::new(), true),
    };
    let mut b = CleanTextBuilder::with_capacity(4096);
    let mut pending: PendingHeading = None;
    let root_total = facts[root as usize].total.max(1);
    if keep.is_empty() {
        let ctx = RenderCtx {
            titles,
            root_total,
            live: count_time_headers(dom, &facts, root) >= 3,
        };
        render(dom, &facts, root, ctx, &mut b, &mut pending);
    } else {
        let headers: usize = keep
            .iter()
            .map(|&k| count_time_headers(dom, &facts, k))
            .sum();
        let ctx = RenderCtx {
            titles,
            root_total,
            live: headers >= 3,
        };
        for k in keep {
            render(dom, &facts, k, ctx, &mut b, &mut pending);
            b.paragraph_break(dom.node(k).end as usize);
        }
    }
    drop_dangling_heading(&mut b, &mut pending);
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

/// What an element's class, id, role and itemprop words say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct HintFlags {
    /// Share bars, related links, ads, newsletter prompts, captions, bylines ...
    boiler: bool,
    /// Reader comments: boilerplate at any size.
    comment: bool,
    /// The conventional names of an article-body container.
    body: bool,
    /// Generic content words ("article", "content", "post", "story" ...).
    positive: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum HintKind {
    Boiler,
    Comment,
    Body,
    Positive,
}

/// Substrings looked for in lowercased class/id/role/itemprop values.
const HINT_SUBSTRINGS: &[(&str, HintKind)] = &[
    ("share", HintKind::Boiler),
    ("social", HintKind::Boiler),
    ("related", HintKind::Boiler),
    ("newsletter", HintKind::Boiler),
    ("cookie", HintKind::Boiler),
    ("consent", HintKind::Boiler),
    ("subscri", HintKind::Boiler),
    ("promo", HintKind::Boiler),
    ("advert", HintKind::Boiler),
    ("sponsor", HintKind::Boiler),
    ("breadcrumb", HintKind::Boiler),
    ("sidebar", HintKind::Boiler),
    ("outbrain", HintKind::Boiler),
    ("taboola", HintKind::Boiler),
    ("recirc", HintKind::Boiler),
    ("trending", HintKind::Boiler),
    ("popular", HintKind::Boiler),
    ("most-read", HintKind::Boiler),
    ("mostread", HintKind::Boiler),
    ("signup", HintKind::Boiler),
    ("sign-up", HintKind::Boiler),
    ("paywall", HintKind::Boiler),
    ("caption", HintKind::Boiler),
    ("credit", HintKind::Boiler),
    ("byline", HintKind::Boiler),
    ("footer", HintKind::Boiler),
    ("navbar", HintKind::Boiler),
    ("navigation", HintKind::Boiler),
    ("widget", HintKind::Boiler),
    ("toolbar", HintKind::Boiler),
    ("modal", HintKind::Boiler),
    ("popup", HintKind::Boiler),
    ("banner", HintKind::Boiler),
    ("rating", HintKind::Boiler),
    ("author-bio", HintKind::Boiler),
    ("authorbio", HintKind::Boiler),
    ("author-info", HintKind::Boiler),
    ("read-more", HintKind::Boiler),
    ("readmore", HintKind::Boiler),
    ("more-stories", HintKind::Boiler),
    ("recommend", HintKind::Boiler),
    ("visually-hidden", HintKind::Boiler),
    ("sr-only", HintKind::Boiler),
    ("screen-reader", HintKind::Boiler),
    ("skip-link", HintKind::Boiler),
    ("pagination", HintKind::Boiler),
    ("copyright", HintKind::Boiler),
    ("disclaimer", HintKind::Boiler),
    ("inline-ad", HintKind::Boiler),
    ("ad-container", HintKind::Boiler),
    ("ad-slot", HintKind::Boiler),
    ("adslot", HintKind::Boiler),
    ("dfp", HintKind::Boiler),
    ("gallery", HintKind::Boiler),
    ("slideshow", HintKind::Boiler),
    ("carousel", HintKind::Boiler),
    ("tooltip", HintKind::Boiler),
    ("hidden-print", HintKind::Boiler),
    ("print-only", HintKind::Boiler),
    ("masthead", HintKind::Boiler),
    ("tags", HintKind::Boiler),
    ("keywords", HintKind::Boiler),
    ("topics", HintKind::Boiler),
    ("comment", HintKind::Comment),
    ("disqus", HintKind::Comment),
    ("articlebody", HintKind::Body),
    ("article-body", HintKind::Body),
    ("article__body", HintKind::Body),
    ("article_body", HintKind::Body),
    ("story-body", HintKind::Body),
    ("storybody", HintKind::Body),
    ("story__body", HintKind::Body),
    ("entry-content", HintKind::Body),
    ("post-content", HintKind::Body),
    ("post-body", HintKind::Body),
    ("postbody", HintKind::Body),
    ("article-content", HintKind::Body),
    ("articlecontent", HintKind::Body),
    ("article__content", HintKind::Body),
    ("story-content", HintKind::Body),
    ("storycontent", HintKind::Body),
    ("content-body", HintKind::Body),
    ("body-text", HintKind::Body),
    ("bodytext", HintKind::Body),
    ("article-text", HintKind::Body),
    ("articletext", HintKind::Body),
    ("entry-body", HintKind::Body),
    ("main-content", HintKind::Body),
    ("story-text", HintKind::Body),
    ("post-entry", HintKind::Body),
    ("rich-text", HintKind::Body),
    ("richtext", HintKind::Body),
    ("article", HintKind::Positive),
    ("body", HintKind::Positive),
    ("content", HintKind::Positive),
    ("entry", HintKind::Positive),
    ("main", HintKind::Positive),
    ("post", HintKind::Positive),
    ("text", HintKind::Positive),
    ("story", HintKind::Positive),
    ("blog", HintKind::Positive),
];

/// Whole words (split at non-alphanumerics) that mark boilerplate.
fn is_boiler_token(t: &str) -> bool {
    matches!(
        t,
        "nav"
            | "menu"
            | "ad"
            | "ads"
            | "header"
            | "meta"
            | "print"
            | "hidden"
            | "tools"
            | "aside"
            | "complementary"
            | "contentinfo"
            | "search"
            | "dialog"
            | "alert"
            | "author"
            | "bio"
            | "logo"
            | "sharing"
            | "follow"
            | "video"
            | "player"
            | "figure"
            | "image"
            | "photo"
            | "media"
            | "subnav"
            | "login"
            | "utility"
    )
}

/// Matches hint words in one pass over the hint string, the patterns bucketed by
/// their first byte. Built once per page.
struct HintMatcher {
    /// Patterns by their first two bytes (see [`pair_index`]).
    buckets: Vec<Vec<(&'static str, HintKind)>>,
    /// Pages repeat the same class strings many times: remember the answers.
    cache: std::collections::HashMap<String, HintFlags, BuildFnv>,
}

/// FNV-1a, a fast hasher for the short keys of [`HintMatcher::cache`].
#[derive(Default, Clone, Copy)]
struct BuildFnv;

struct Fnv(u64);

impl std::hash::BuildHasher for BuildFnv {
    type Hasher = Fnv;
    fn build_hasher(&self) -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Bucket of a byte pair: lowercase letters and '-' are told apart, anything else
/// shares one slot.
fn pair_index(a: u8, b: u8) -> usize {
    fn slot(c: u8) -> usize {
        match c {
            b'a'..=b'z' => (c - b'a') as usize,
            b'-' => 26,
            _ => 27,
        }
    }
    slot(a) * 28 + slot(b)
}

impl HintMatcher {
    fn new() -> Self {
        let mut buckets = vec![Vec::new(); 28 * 28];
        for &(p, k) in HINT_SUBSTRINGS {
            let pb = p.as_bytes();
            buckets[pair_index(pb[0], pb[1])].push((p, k));
        }
        HintMatcher {
            buckets,
            cache: std::collections::HashMap::with_hasher(BuildFnv),
        }
    }

    /// [`Self::classify`], remembered per distinct hint string.
    fn classify_cached(&mut self, hints: &str) -> HintFlags {
        if let Some(f) = self.cache.get(hints) {
            return *f;
        }
        let f = self.classify(hints);
        self.cache.insert(hints.to_string(), f);
        f
    }

    fn classify(&self, hints: &str) -> HintFlags {
        let mut f = HintFlags::default();
        let b = hints.as_bytes();
        for i in 0..b.len().saturating_sub(1) {
            if !b[i].is_ascii_lowercase() {
                continue;
            }
            for &(p, kind) in &self.buckets[pair_index(b[i], b[i + 1])] {
                let pb = p.as_bytes();
                if b[i..].starts_with(pb) && pb[1] == b[i + 1] {
                    match kind {
                        HintKind::Boiler => f.boiler = true,
                        HintKind::Comment => {
                            if !b[i..].starts_with(b"commentary") {
                                f.comment = true;
                            }
                        }
                        HintKind::Body => f.body = true,
                        HintKind::Positive => f.positive = true,
                    }
                }
            }
        }
        for t in hints.split(|c: char| !c.is_ascii_alphanumeric()) {
            if is_boiler_token(t) {
                f.boiler = true;
            }
            if t == "respond" || t == "replies" {
                f.comment = true;
            }
        }
        f
    }
}

/// Reads the attributes of element `id` once: its hint words (lowercased class, id,
/// role, itemprop) into `buf`, and whether it is hidden.
fn scan_attrs(dom: &Dom<'_>, id: NodeId, buf: &mut String) -> bool {
    buf.clear();
    let mut hidden = false;
    let n = dom.node(id);
    let src = dom.src.as_bytes();
    for a in &dom.attrs[n.attrs.0 as usize..n.attrs.1 as usize] {
        let name = &src[a.name.0 as usize..a.name.1 as usize];
        let value = dom
            .src
            .get(a.value.0 as usize..a.value.1 as usize)
            .unwrap_or_default();
        let lower = |buf: &mut String| {
            buf.push(' ');
            buf.extend(value.chars().map(|c| c.to_ascii_lowercase()));
        };
        match name.len() {
            2 if name.eq_ignore_ascii_case(b"id") => lower(buf),
            4 if name.eq_ignore_ascii_case(b"role") => lower(buf),
            5 if name.eq_ignore_ascii_case(b"class") => lower(buf),
            8 if name.eq_ignore_ascii_case(b"itemprop") => lower(buf),
            6 if name.eq_ignore_ascii_case(b"hidden") => hidden = true,
            11 if name.eq_ignore_ascii_case(b"aria-hidden") => {
                hidden |= value.eq_ignore_ascii_case("true")
            }
            5 if name.eq_ignore_ascii_case(b"style") => {
                hidden |= style_hides(value);
            }
            _ => {}
        }
    }
    hidden
}

fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    s.contains("display:none")
        || s.contains("visibility:hidden")
        // Screen-reader-only text: clipped to nothing, or a 1px box.
        || s.contains("clip:rect(0")
        || (s.contains("width:1px") && s.contains("height:1px") && s.contains("overflow:hidden"))
}

/// Readability-style weight from hint words.
fn class_weight(h: HintFlags) -> f32 {
    let mut w = 0.0;
    if h.body {
        w += 40.0;
    } else if h.positive {
        w += 25.0;
    }
    if h.boiler || h.comment {
        w -= 25.0;
    }
    w
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
    let mut matcher = HintMatcher::new();
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
                    let raw = dom.raw(i as NodeId);
                    let (n, commas) = measure(raw);
                    f.total = n;
                    f.has_time = n < 80 && looks_like_time(raw);
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
                let hidden = if f.dropped {
                    false
                } else {
                    scan_attrs(dom, i as NodeId, &mut hints)
                };
                let flags = if f.dropped || hints.is_empty() {
                    HintFlags::default()
                } else {
                    matcher.classify_cached(&hints)
                };
                f.weight = class_weight(flags);
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
                    ) || hidden;
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
                    let structural =
                        matches!(tag, Tag::Body | Tag::Html | Tag::Main | Tag::Article);
                    if !f.boiler && !structural && !flags.body {
                        f.boiler = flags.comment;
                        f.hinted = flags.boiler;
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
                f.has_quote = tag == Tag::Blockquote;
                f.anchors = u32::from(tag == Tag::A);
            }
        }
        // Keep paragraph sums accumulated earlier for this node (none yet: it is new).
        facts[i] = f;
    }
    // Backward: children after parents, so reverse order sums bottom-up.
    for i in (1..dom.nodes.len()).rev() {
        let p = dom.nodes[i].parent as usize;
        {
            let f = &mut facts[i];
            let is_para = f.own >= 25
                && !f.boiler
                && !f.dropped
                && f.own_link * 2 < f.own
                && !dom.nodes[i].tag().is_some_and(Tag::is_heading);
            if is_para {
                f.para += f.own;
            }
        }
        let c = facts[i];
        let f = &mut facts[p];
        f.total += c.total;
        f.good += c.good;
        f.link += c.link;
        f.para += c.para;
        f.has_h1 |= c.has_h1;
        f.has_time |= c.has_time;
        f.has_nav |= c.has_nav;
        f.has_quote |= c.has_quote;
        f.anchors += c.anchors;
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
    let n = dom.nodes.len();
    let mut initialised = vec![false; n];
    let mut candidates: Vec<NodeId> = Vec::new();
    for i in 1..n {
        let f = facts[i];
        let Some(tag) = dom.nodes[i].tag() else {
            continue;
        };
        if f.dropped || f.boiler || f.own < 25 || tag.is_heading() {
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
                let _ = tag;
                facts[a].score = 0.0;
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
        let tag = dom.node(c).tag().unwrap_or(Tag::Other);
        let f = &mut facts[c as usize];
        // Tag and class hints count in full only for blocks with real paragraph text.
        let hint = (tag_base(tag) + f.weight) * (f.para as f32 / 500.0).min(1.0);
        f.score = (f.score + hint) * (1.0 - link_density(f));
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
        let mut levels = 0;
        while anc != NONE && anc != 0 && levels < MAX_CLIMB {
            levels += 1;
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

    // Repeated blocks: when the root (or one of its two nearest ancestors) has
    // siblings of the same kind that hold paragraphs too (live-blog posts, article
    // columns), their parent is the root, however short the other posts are.
    let mut node = top;
    for level in 0..3 {
        let parent = dom.node(node).parent;
        if parent == NONE || parent == 0 || dom.node(parent).tag() == Some(Tag::Body) {
            break;
        }
        let similar = dom
            .children(parent)
            .filter(|&s| s != node && same_kind(dom, s, node))
            .filter(|&s| {
                let f = &facts[s as usize];
                !f.dropped && !f.boiler && !f.hinted && f.para >= 25 && link_density(f) < 0.3
            })
            .count();
        if similar >= if level == 0 { 2 } else { 3 } {
            top = parent;
            break;
        }
        node = parent;
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
        let top_para = facts[top as usize].para;
        let joins = !f.hinted
            && ((initialised[s as usize] && f.score >= threshold && ld < 0.3)
                || (f.own >= 80 && f.own == f.good && ld < 0.25)
                || (f.para >= 150 && ld < 0.25)
                || (f.para * 5 >= top_para && f.para > 0 && ld < 0.3));
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

/// Whether two elements look like repetitions of one template: same tag and the
/// same non-empty class, or the same post-like tag without a class.
fn same_kind(dom: &Dom<'_>, a: NodeId, b: NodeId) -> bool {
    let (Some(ta), Some(tb)) = (dom.node(a).tag(), dom.node(b).tag()) else {
        return false;
    };
    if ta != tb {
        return false;
    }
    if ta == Tag::Other && !dom.name(a).eq_ignore_ascii_case(dom.name(b)) {
        return false;
    }
    match (dom.attr(a, "class"), dom.attr(b, "class")) {
        (Some(ca), Some(cb)) => !ca.trim().is_empty() && ca.trim() == cb.trim(),
        (None, None) => matches!(ta, Tag::Article | Tag::Section | Tag::Li),
        _ => false,
    }
}

/// How many levels the root may climb towards shared ancestors of candidates.
const MAX_CLIMB: usize = 64;

/// Whether `anc` is `node` or one of its ancestors within [`MAX_CLIMB`] * 2 levels.
fn is_ancestor(dom: &Dom<'_>, anc: NodeId, mut node: NodeId) -> bool {
    for _ in 0..MAX_CLIMB * 2 {
        if node == NONE {
            return false;
        }
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
/// Whether the text of a small element is a page-furniture label.
/// The decoded text of a small element (empty when it is long).
fn block_text(dom: &Dom<'_>, facts: &[Facts], id: NodeId, max: usize) -> String {
    let mut raw = String::new();
    let mut stack = vec![id];
    while let Some(n) = stack.pop() {
        if facts[n as usize].dropped {
            continue;
        }
        match dom.node(n).kind {
            NodeKind::Text => {
                raw.push(' ');
                raw.push_str(dom.raw(n));
            }
            NodeKind::Element { .. } => {
                let at = stack.len();
                stack.extend(dom.children(n));
                stack[at..].reverse();
            }
        }
        if raw.len() > max {
            return String::new();
        }
    }
    entities::decode_str(&raw)
}

/// Whether a short text is a full date, with or without a clock time.
fn is_date_line(text: &str) -> bool {
    let t = text.trim();
    t.len() < 60
        && t.chars().any(|c| c.is_ascii_digit())
        && super::meta::parse_time(t.trim_start_matches(|c: char| !c.is_alphanumeric())).is_some()
}

/// Whether a short paragraph credits reporters or editors rather than telling the story.
fn is_credit_line(text: &str) -> bool {
    let t = text.trim_start_matches(|c: char| c.is_whitespace() || c == '(' || c == '[');
    let lower = t.to_lowercase();
    [
        "reporting by",
        "additional reporting by",
        "editing by",
        "writing by",
        "compiled by",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
        || lower.contains("contributed to this report")
        || lower.contains("contributed reporting")
}

/// Lowercased words of `text` joined by single spaces (punctuation dropped).
pub fn word_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
    key
}

/// Whether a short text is a page-furniture label.
fn is_ui_label(decoded: &str) -> bool {
    let key = word_key(decoded);
    matches!(
        key.as_str(),
        "advertisement"
            | "advert"
            | "advertising"
            | "ad"
            | "ads"
            | "sponsored"
            | "sponsored content"
            | "anzeige"
            | "publicidad"
            | "publicité"
            | "publicidade"
            | "pubblicità"
            | "reklama"
            | "реклама"
            | "iklan"
            | "comments"
            | "comment"
            | "show comments"
            | "view comments"
            | "leave a comment"
            | "share"
            | "share this"
            | "share this article"
            | "share this story"
            | "read more"
            | "continue reading"
            | "continue reading the main story"
            | "related"
            | "related articles"
            | "related stories"
            | "related news"
            | "related content"
            | "more news"
            | "read also"
            | "also read"
            | "see also"
            | "more on this"
            | "more on this story"
            | "more"
            | "more stories"
            | "you may also like"
            | "recommended"
            | "subscribe"
            | "sign up"
            | "print"
            | "email"
            | "tweet"
            | "follow us"
            | "back to top"
            | "skip to content"
            | "skip to main content"
            | "text size"
            | "topics"
            | "tags"
            | "categories"
            | "home"
            | "learn more"
            | "trending"
            | "trending now"
            | "listen"
            | "listen to this article"
            | "filed under"
            | "share on facebook"
            | "share on twitter"
            | "like this story share it with a friend"
    )
}

/// What rendering needs to know about the chosen root.
#[derive(Debug, Clone, Copy)]
struct RenderCtx<'t> {
    /// Word keys of the headline.
    titles: &'t [String],
    /// Text bytes under the root.
    root_total: u32,
    /// Several boilerplate-looking blocks under the root carry a clock time: post
    /// headers of a live blog, which are kept.
    live: bool,
}

/// Counts the short blocks (or boilerplate-hinted elements) holding a clock time
/// under `root`: post headers when there are several.
fn count_time_headers(dom: &Dom<'_>, facts: &[Facts], root: NodeId) -> usize {
    let mut n = 0;
    let mut stack = vec![root];
    while let Some(id) = stack.pop() {
        let f = &facts[id as usize];
        if f.dropped || !f.has_time {
            continue;
        }
        let small_block = dom
            .node(id)
            .tag()
            .is_some_and(|t| t.is_block() || t == Tag::Time);
        if id != root && (f.hinted || f.boiler || small_block) && f.total < 200 {
            n += 1;
            continue;
        }
        stack.extend(dom.children(id));
    }
    n
}

fn skip_in_content(dom: &Dom<'_>, facts: &[Facts], id: NodeId, ctx: RenderCtx<'_>) -> bool {
    let root_total = ctx.root_total;
    let f = &facts[id as usize];
    if f.dropped {
        return true;
    }
    let tag = dom.node(id).tag().unwrap_or(Tag::Other);
    let parent_boiler = facts[dom.node(id).parent as usize].boiler;
    // A boilerplate hint on something that holds most of the content is wrong.
    let big = f.total * 2 >= root_total && f.total > 400;
    // Embedded posts (a tweet in a "social-embed" box) are quoted content.
    let embed = f.hinted && f.has_quote && f.good > 0 && link_density(f) < 0.5;
    if (f.boiler && !parent_boiler) || (f.hinted && !big && !embed) {
        // Keep post headers with a time in them (live blogs).
        return !(ctx.live && f.has_time && !f.has_h1 && f.total < 200 && tag != Tag::Nav);
    }
    // A short block that only says "Advertisement", "Comments", "Read more" ...
    if tag.is_block() && f.good > 0 && f.good <= 40 && f.own == f.good {
        let label = block_text(dom, facts, id, 200);
        if is_ui_label(&label) {
            return true;
        }
        // Outside live blogs a line that is only a date is a dateline, not text.
        if !ctx.live && is_date_line(&label) {
            return true;
        }
    }
    // Outside live blogs (whose post titles often link to the post), a heading that
    // is all link is a teaser for another page.
    if tag.is_heading() && !ctx.live && f.good > 0 && f.link == f.good {
        return true;
    }
    // The headline repeated as a lower-level heading.
    if tag.is_heading() && !ctx.titles.is_empty() && f.good <= 300 {
        let key = word_key(&block_text(dom, facts, id, 600));
        if !key.is_empty() && ctx.titles.contains(&key) {
            return true;
        }
    }
    // Wire-style credit lines: "(Reporting by ...; Editing by ...)".
    if tag.is_block() && f.good > 0 && f.good <= 300 && f.own == f.good {
        let text = block_text(dom, facts, id, 600);
        if is_credit_line(&text) {
            return true;
        }
    }
    // An inline run made only of several links (a pop-up card or teaser strip
    // inside a paragraph) is not prose.
    if !tag.is_block() && tag != Tag::A && f.anchors >= 3 && f.good >= 100 && f.link == f.good {
        return true;
    }
    match tag {
        Tag::H1 => return true,
        Tag::Header => return f.has_h1 || f.has_nav,
        _ => {}
    }
    // A block whose text is all its own and mostly links: a link list or "read more".
    if tag.is_block() && !tag.is_heading() && f.own > 0 && f.own == f.good {
        let ld = f.own_link as f32 / f.own as f32;
        // Enough words outside the links make it a sentence about the link.
        let unlinked = f.own - f.own_link;
        if ld > 0.5 && unlinked < 40 && !(ctx.live && f.own < 60 && f.has_time) {
            return true;
        }
    }
    false
}

/// Renders the subtree of `root` into `b`.
/// A heading waiting for content: its start and end in the clean text, and whether
/// a block right after it was left out.
type PendingHeading = Option<(usize, usize, bool)>;

/// Drops the pending heading when what followed it was left out and nothing else
/// came (the heading of a link list or widget: "More stories", "Related").
fn drop_dangling_heading(b: &mut CleanTextBuilder, pending: &mut PendingHeading) {
    if let Some((start, end, skipped_after)) = pending.take() {
        if skipped_after && b.len() <= end {
            b.truncate(start);
        }
    }
}

fn render(
    dom: &Dom<'_>,
    facts: &[Facts],
    root: NodeId,
    ctx: RenderCtx<'_>,
    b: &mut CleanTextBuilder,
    pending: &mut PendingHeading,
) {
    // (node, entering, clean length when it was entered)
    let mut stack: Vec<(NodeId, bool, usize)> = vec![(root, true, 0)];
    while let Some((id, entering, started)) = stack.pop() {
        let node = dom.node(id);
        match node.kind {
            NodeKind::Text => {
                if entering && !facts[id as usize].dropped {
                    push_html_text(b, dom.src, node.start as usize, node.end as usize);
                }
            }
            NodeKind::Element { tag, .. } => {
                if entering {
                    if id != root && skip_in_content(dom, facts, id, ctx) {
                        if let Some((_, end, skipped_after)) = pending {
                            if b.len() <= *end && facts[id as usize].total > 0 {
                                *skipped_after = true;
                            }
                        }
                        // Still separate what came before from what follows.
                        if tag.is_block() {
                            b.paragraph_break(node.start as usize);
                        } else if !b.is_empty() {
                            b.push_space(node.start as usize, 0);
                        }
                        continue;
                    }
                    if tag.is_heading() {
                        drop_dangling_heading(b, pending);
                    }
                    open_tag(b, tag, node.start as usize);
                    stack.push((id, false, b.len()));
                    let kids: Vec<NodeId> = dom.children(id).collect();
                    for k in kids.into_iter().rev() {
                        stack.push((k, true, 0));
                    }
                } else {
                    close_tag(b, tag, node.start as usize);
                    if tag.is_heading() && b.len() > started {
                        *pending = Some((started, b.len(), false));
                    }
                }
            }
        }
    }
}

fn open_tag(b: &mut CleanTextBuilder, tag: Tag, at: usize) {
    match tag {
        Tag::Li | Tag::Dt | Tag::Dd | Tag::Tr => b.line_break(at),
        // One <br> ends a line; a second in a row ends a paragraph.
        Tag::Br if b.as_str().ends_with('\n') => b.paragraph_break(at),
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
                    push_plain(b, &raw[run..at], start + run);
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
        push_plain(b, &raw[run..], start + run);
    }
}

/// Pushes text without references: runs of printable ASCII go in as one copied
/// piece, white space collapses, other characters are normalised one by one.
fn push_plain(b: &mut CleanTextBuilder, s: &str, raw: usize) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_graphic() {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_graphic() {
                j += 1;
            }
            b.push_mapped(&s[i..j], raw + i, j - i);
            i = j;
        } else if c.is_ascii_whitespace() {
            let mut j = i + 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            b.push_space(raw + i, j - i);
            i = j;
        } else {
            // A non-ASCII character or an ASCII control: up to the next ASCII byte.
            let mut j = i + 1;
            while j < bytes.len() && !bytes[j].is_ascii() {
                j += 1;
            }
            if let Some(piece) = s.get(i..j) {
                b.push_raw_normalized(piece, raw + i);
            }
            i = j;
        }
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
