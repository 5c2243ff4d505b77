//! A small, forgiving HTML tokenizer and tree builder that keeps byte offsets.
//!
//! Every element and text node records where it sits in the input, so clean text can
//! be mapped back to raw bytes. The tokenizer follows the shape of the WHATWG rules
//! that matter for text extraction: comments, doctype and processing instructions are
//! skipped, `script`/`style`/`textarea`/`title` and friends hold raw text up to their
//! matching end tag, attributes may be quoted or bare. The tree builder closes open
//! `p`, `li`, `dt`/`dd`, `option`, table cells and rows implicitly, and an end tag
//! closes the nearest open element of that name (end tags with no open match are
//! ignored), so unclosed tags do not swallow the rest of the page.
//!
//! The builder never recurses and never panics on any input.

use memchr::memchr;

/// Index of a node in [`Dom::nodes`].
pub type NodeId = u32;
/// "No node" in the links of [`Node`].
pub const NONE: NodeId = u32::MAX;

/// How far down the stack of open elements a close searches (see `search_floor`).
const MAX_SCOPE_SEARCH: usize = 256;

/// The element names the extractor tells apart; everything else is [`Tag::Other`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    Style,
    Noscript,
    Template,
    Svg,
    Math,
    Iframe,
    Object,
    Embed,
    Canvas,
    Video,
    Audio,
    Picture,
    Source,
    Img,
    Br,
    Hr,
    Wbr,
    Input,
    Button,
    Select,
    Option,
    Textarea,
    Label,
    Form,
    Nav,
    Aside,
    Header,
    Footer,
    Main,
    Article,
    Section,
    Div,
    P,
    Span,
    A,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Blockquote,
    Pre,
    Code,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Caption,
    Figure,
    Figcaption,
    Time,
    Address,
    Details,
    Summary,
    Dialog,
    Menu,
    Center,
    Area,
    Col,
    Param,
    Track,
    Xmp,
    Plaintext,
    Noembed,
    Noframes,
    Other,
}

impl Tag {
    /// The tag for a (any case) element name.
    pub fn from_name(name: &[u8]) -> Tag {
        let mut buf = [0u8; 12];
        if name.len() > buf.len() {
            return Tag::Other;
        }
        for (b, n) in buf.iter_mut().zip(name) {
            *b = n.to_ascii_lowercase();
        }
        match &buf[..name.len()] {
            b"html" => Tag::Html,
            b"head" => Tag::Head,
            b"body" => Tag::Body,
            b"title" => Tag::Title,
            b"meta" => Tag::Meta,
            b"link" => Tag::Link,
            b"base" => Tag::Base,
            b"script" => Tag::Script,
            b"style" => Tag::Style,
            b"noscript" => Tag::Noscript,
            b"template" => Tag::Template,
            b"svg" => Tag::Svg,
            b"math" => Tag::Math,
            b"iframe" => Tag::Iframe,
            b"object" => Tag::Object,
            b"embed" => Tag::Embed,
            b"canvas" => Tag::Canvas,
            b"video" => Tag::Video,
            b"audio" => Tag::Audio,
            b"picture" => Tag::Picture,
            b"source" => Tag::Source,
            b"img" | b"image" => Tag::Img,
            b"br" => Tag::Br,
            b"hr" => Tag::Hr,
            b"wbr" => Tag::Wbr,
            b"input" => Tag::Input,
            b"button" => Tag::Button,
            b"select" => Tag::Select,
            b"option" => Tag::Option,
            b"textarea" => Tag::Textarea,
            b"label" => Tag::Label,
            b"form" => Tag::Form,
            b"nav" => Tag::Nav,
            b"aside" => Tag::Aside,
            b"header" => Tag::Header,
            b"footer" => Tag::Footer,
            b"main" => Tag::Main,
            b"article" => Tag::Article,
            b"section" => Tag::Section,
            b"div" => Tag::Div,
            b"p" => Tag::P,
            b"span" => Tag::Span,
            b"a" => Tag::A,
            b"ul" => Tag::Ul,
            b"ol" => Tag::Ol,
            b"li" => Tag::Li,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"dd" => Tag::Dd,
            b"h1" => Tag::H1,
            b"h2" => Tag::H2,
            b"h3" => Tag::H3,
            b"h4" => Tag::H4,
            b"h5" => Tag::H5,
            b"h6" => Tag::H6,
            b"blockquote" => Tag::Blockquote,
            b"pre" => Tag::Pre,
            b"code" => Tag::Code,
            b"table" => Tag::Table,
            b"thead" => Tag::Thead,
            b"tbody" => Tag::Tbody,
            b"tfoot" => Tag::Tfoot,
            b"tr" => Tag::Tr,
            b"td" => Tag::Td,
            b"th" => Tag::Th,
            b"caption" => Tag::Caption,
            b"figure" => Tag::Figure,
            b"figcaption" => Tag::Figcaption,
            b"time" => Tag::Time,
            b"address" => Tag::Address,
            b"details" => Tag::Details,
            b"summary" => Tag::Summary,
            b"dialog" => Tag::Dialog,
            b"menu" => Tag::Menu,
            b"center" => Tag::Center,
            b"area" => Tag::Area,
            b"col" => Tag::Col,
            b"param" => Tag::Param,
            b"track" => Tag::Track,
            b"xmp" => Tag::Xmp,
            b"plaintext" => Tag::Plaintext,
            b"noembed" => Tag::Noembed,
            b"noframes" => Tag::Noframes,
            _ => Tag::Other,
        }
    }

    /// Elements that never have content or an end tag.
    pub fn is_void(self) -> bool {
        matches!(
            self,
            Tag::Meta
                | Tag::Link
                | Tag::Base
                | Tag::Img
                | Tag::Br
                | Tag::Hr
                | Tag::Wbr
                | Tag::Input
                | Tag::Source
                | Tag::Embed
                | Tag::Area
                | Tag::Col
                | Tag::Param
                | Tag::Track
        )
    }

    /// Elements whose content is raw text up to the matching end tag.
    fn is_raw_text(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Textarea
                | Tag::Title
                | Tag::Xmp
                | Tag::Iframe
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Noscript
        )
    }

    /// Block-level elements: their boundaries are paragraph boundaries in clean text.
    pub fn is_block(self) -> bool {
        matches!(
            self,
            Tag::Html
                | Tag::Body
                | Tag::Div
                | Tag::P
                | Tag::Ul
                | Tag::Ol
                | Tag::Li
                | Tag::Dl
                | Tag::Dt
                | Tag::Dd
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Blockquote
                | Tag::Pre
                | Tag::Table
                | Tag::Thead
                | Tag::Tbody
                | Tag::Tfoot
                | Tag::Tr
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Figure
                | Tag::Figcaption
                | Tag::Address
                | Tag::Details
                | Tag::Summary
                | Tag::Dialog
                | Tag::Menu
                | Tag::Center
                | Tag::Nav
                | Tag::Aside
                | Tag::Header
                | Tag::Footer
                | Tag::Main
                | Tag::Article
                | Tag::Section
                | Tag::Form
                | Tag::Hr
        )
    }

    /// Headings `h1`..`h6`.
    pub fn is_heading(self) -> bool {
        matches!(
            self,
            Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6
        )
    }

    /// Starting one of these closes an open `p` (WHATWG "close a p element").
    fn closes_p(self) -> bool {
        matches!(
            self,
            Tag::Address
                | Tag::Article
                | Tag::Aside
                | Tag::Blockquote
                | Tag::Center
                | Tag::Details
                | Tag::Dialog
                | Tag::Div
                | Tag::Dl
                | Tag::Figcaption
                | Tag::Figure
                | Tag::Footer
                | Tag::Header
                | Tag::Hr
                | Tag::Main
                | Tag::Menu
                | Tag::Nav
                | Tag::Ol
                | Tag::P
                | Tag::Pre
                | Tag::Section
                | Tag::Summary
                | Tag::Table
                | Tag::Ul
                | Tag::H1
                | Tag::H2
                | Tag::H3
                | Tag::H4
                | Tag::H5
                | Tag::H6
                | Tag::Form
                | Tag::Li
                | Tag::Dd
                | Tag::Dt
                | Tag::Plaintext
        )
    }

    /// Elements that bound the search for an element to close implicitly.
    fn is_scope_boundary(self) -> bool {
        matches!(
            self,
            Tag::Html
                | Tag::Body
                | Tag::Table
                | Tag::Td
                | Tag::Th
                | Tag::Caption
                | Tag::Template
                | Tag::Button
                | Tag::Object
                | Tag::Svg
                | Tag::Math
        )
    }
}

/// One attribute: name and value as byte ranges of the input (value raw, entities kept).
#[derive(Debug, Clone, Copy)]
pub struct Attr {
    /// Byte range of the name.
    pub name: (u32, u32),
    /// Byte range of the value without quotes (empty for a bare attribute).
    pub value: (u32, u32),
}

/// What a node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// An element; `name` is its name as written.
    Element { tag: Tag, name: (u32, u32) },
    /// Character data, raw (entities not decoded).
    Text,
}

/// One node. `start..end` is its start tag (elements) or its text (text nodes).
#[derive(Debug, Clone, Copy)]
pub struct Node {
    /// Element or text.
    pub kind: NodeKind,
    /// Start byte of the start tag or text.
    pub start: u32,
    /// End byte of the start tag or text.
    pub end: u32,
    /// The parent ([`NONE`] for the root).
    pub parent: NodeId,
    /// First child or [`NONE`].
    pub first_child: NodeId,
    /// Last child or [`NONE`].
    pub last_child: NodeId,
    /// Next sibling or [`NONE`].
    pub next_sibling: NodeId,
    /// Range of this element's attributes in [`Dom::attrs`].
    pub attrs: (u32, u32),
}

impl Node {
    /// The element's tag, or `None` for text.
    pub fn tag(&self) -> Option<Tag> {
        match self.kind {
            NodeKind::Element { tag, .. } => Some(tag),
            NodeKind::Text => None,
        }
    }
}

/// The parsed page. Node 0 is a synthetic root holding the top-level nodes.
#[derive(Debug)]
pub struct Dom<'a> {
    /// The parsed input.
    pub src: &'a str,
    /// All nodes; a parent always comes before its children.
    pub nodes: Vec<Node>,
    /// All attributes, referenced by range from [`Node::attrs`].
    pub attrs: Vec<Attr>,
}

impl<'a> Dom<'a> {
    /// Parses `src`. Never fails: broken markup gives a best-effort tree.
    pub fn parse(src: &'a str) -> Dom<'a> {
        Builder::new(src).run()
    }

    /// The node `id` (which must come from this DOM).
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: NodeId) -> Children<'_, 'a> {
        Children {
            dom: self,
            next: self.nodes[id as usize].first_child,
        }
    }

    /// The raw bytes of a text node (or an element's start tag).
    pub fn raw(&self, id: NodeId) -> &'a str {
        let n = &self.nodes[id as usize];
        self.src
            .get(n.start as usize..n.end as usize)
            .unwrap_or_default()
    }

    /// The raw value of attribute `name` (ASCII case-insensitive) of element `id`.
    pub fn attr(&self, id: NodeId, name: &str) -> Option<&'a str> {
        let n = &self.nodes[id as usize];
        let src = self.src.as_bytes();
        self.attrs[n.attrs.0 as usize..n.attrs.1 as usize]
            .iter()
            .find(|a| {
                src[a.name.0 as usize..a.name.1 as usize].eq_ignore_ascii_case(name.as_bytes())
            })
            .map(|a| {
                self.src
                    .get(a.value.0 as usize..a.value.1 as usize)
                    .unwrap_or_default()
            })
    }

    /// The element's name as written, lowercased only when needed by the caller.
    pub fn name(&self, id: NodeId) -> &'a str {
        match self.nodes[id as usize].kind {
            NodeKind::Element { name, .. } => self
                .src
                .get(name.0 as usize..name.1 as usize)
                .unwrap_or_default(),
            NodeKind::Text => "",
        }
    }
}

/// Iterator over a node's children.
pub struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: NodeId,
}

impl Iterator for Children<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.nodes[id as usize].next_sibling;
        Some(id)
    }
}

struct Builder<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<Node>,
    attrs: Vec<Attr>,
    stack: Vec<NodeId>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

impl<'a> Builder<'a> {
    fn new(src: &'a str) -> Self {
        let root = Node {
            kind: NodeKind::Element {
                tag: Tag::Other,
                name: (0, 0),
            },
            start: 0,
            end: 0,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            attrs: (0, 0),
        };
        let mut nodes = Vec::with_capacity(src.len() / 40 + 8);
        nodes.push(root);
        Builder {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            nodes,
            attrs: Vec::with_capacity(src.len() / 60 + 8),
            stack: vec![0],
        }
    }

    fn run(mut self) -> Dom<'a> {
        let len = self.bytes.len();
        while self.pos < len {
            match memchr(b'<', &self.bytes[self.pos..]) {
                None => {
                    self.text(self.pos, len);
                    self.pos = len;
                }
                Some(off) => {
                    let lt = self.pos + off;
                    if lt > self.pos {
                        self.text(self.pos, lt);
                    }
                    self.pos = lt;
                    if !self.markup() {
                        // A lone '<': keep it as text.
                        self.text(lt, lt + 1);
                        self.pos = lt + 1;
                    }
                }
            }
        }
        Dom {
            src: self.src,
            nodes: self.nodes,
            attrs: self.attrs,
        }
    }

    fn current(&self) -> NodeId {
        self.stack.last().copied().unwrap_or(0)
    }

    fn append(&mut self, node: Node) -> NodeId {
        let id = self.nodes.len() as NodeId;
        let parent = node.parent as usize;
        self.nodes.push(node);
        let last = self.nodes[parent].last_child;
        if last == NONE {
            self.nodes[parent].first_child = id;
        } else {
            self.nodes[last as usize].next_sibling = id;
        }
        self.nodes[parent].last_child = id;
        id
    }

    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        let parent = self.current();
        // Merge with a directly preceding text node (e.g. after a lone '<').
        let last = self.nodes[parent as usize].last_child;
        if last != NONE {
            let n = &mut self.nodes[last as usize];
            if n.kind == NodeKind::Text && n.end as usize == start {
                n.end = end as u32;
                return;
            }
        }
        self.append(Node {
            kind: NodeKind::Text,
            start: start as u32,
            end: end as u32,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            attrs: (0, 0),
        });
    }

    /// At a '<'. Returns false when it does not start markup.
    fn markup(&mut self) -> bool {
        let b = self.bytes;
        let at = self.pos;
        let next = b.get(at + 1).copied().unwrap_or(0);
        if next == b'!' {
            if b[at..].starts_with(b"<!--") {
                self.pos = find(b, at + 4, b"-->").map_or(b.len(), |i| i + 3);
            } else if b[at..].starts_with(b"<![CDATA[") {
                let end = find(b, at + 9, b"]]>").unwrap_or(b.len());
                self.text(at + 9, end);
                self.pos = (end + 3).min(b.len());
            } else {
                self.pos = memchr(b'>', &b[at..]).map_or(b.len(), |i| at + i + 1);
            }
            return true;
        }
        if next == b'?' {
            self.pos = memchr(b'>', &b[at..]).map_or(b.len(), |i| at + i + 1);
            return true;
        }
        if next == b'/' {
            let name_start = at + 2;
            if !b.get(name_start).is_some_and(|c| c.is_ascii_alphabetic()) {
                if b.get(name_start) == Some(&b'>') {
                    self.pos = name_start + 1;
                    return true;
                }
                // `</ 3` and the like: a bogus comment up to '>'.
                self.pos = memchr(b'>', &b[at..]).map_or(b.len(), |i| at + i + 1);
                return true;
            }
            let name_end = scan_name(b, name_start);
            self.pos = memchr(b'>', &b[name_end..]).map_or(b.len(), |i| name_end + i + 1);
            self.end_tag(
                Tag::from_name(&b[name_start..name_end]),
                name_start,
                name_end,
            );
            return true;
        }
        if !next.is_ascii_alphabetic() {
            return false;
        }
        self.start_tag(at);
        true
    }

    fn start_tag(&mut self, at: usize) {
        let b = self.bytes;
        let name_start = at + 1;
        let name_end = scan_name(b, name_start);
        let tag = Tag::from_name(&b[name_start..name_end]);
        let attr_from = self.attrs.len() as u32;
        let mut i = name_end;
        let mut self_closing = false;
        // Attributes.
        loop {
            while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
                if b[i] == b'/' {
                    self_closing = b.get(i + 1) == Some(&b'>');
                }
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            if b[i] == b'>' {
                i += 1;
                break;
            }
            self_closing = false;
            let an_start = i;
            while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
                i += 1;
            }
            if i == an_start {
                // A stray '=' or similar: skip it.
                i += 1;
                continue;
            }
            let an_end = i;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            let (mut vs, mut ve) = (i, i);
            if i < b.len() && b[i] == b'=' {
                i += 1;
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                    let q = b[i];
                    vs = i + 1;
                    ve = memchr(q, &b[vs..]).map_or(b.len(), |k| vs + k);
                    i = (ve + 1).min(b.len());
                } else {
                    vs = i;
                    while i < b.len() && !is_space(b[i]) && b[i] != b'>' {
                        i += 1;
                    }
                    ve = i;
                }
            }
            self.attrs.push(Attr {
                name: (an_start as u32, an_end as u32),
                value: (vs as u32, ve as u32),
            });
        }
        self.pos = i;
        let attrs = (attr_from, self.attrs.len() as u32);

        self.close_implied(tag);
        let parent = self.current();
        let id = self.append(Node {
            kind: NodeKind::Element {
                tag,
                name: (name_start as u32, name_end as u32),
            },
            start: at as u32,
            end: i as u32,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            attrs,
        });
        if tag.is_void() {
            return;
        }
        if self_closing
            && matches!(
                tag,
                Tag::Other
                    | Tag::Svg
                    | Tag::Math
                    | Tag::Span
                    | Tag::Div
                    | Tag::A
                    | Tag::Script
                    | Tag::Iframe
            )
        {
            return;
        }
        if tag == Tag::Plaintext {
            self.stack.push(id);
            self.text(self.pos, b.len());
            self.pos = b.len();
            return;
        }
        if tag.is_raw_text() {
            // Raw text up to `</name`, case-insensitively.
            let name = &b[name_start..name_end];
            let end = find_end_tag(b, self.pos, name).unwrap_or(b.len());
            self.stack.push(id);
            self.text(self.pos, end);
            self.stack.pop();
            self.pos = if end < b.len() {
                memchr(b'>', &b[end..]).map_or(b.len(), |k| end + k + 1)
            } else {
                b.len()
            };
            return;
        }
        self.stack.push(id);
    }

    /// Closes elements that a new `tag` ends implicitly.
    fn close_implied(&mut self, tag: Tag) {
        // Content closes an open <head> (an unclosed head must not hide the page).
        if !matches!(
            tag,
            Tag::Title
                | Tag::Meta
                | Tag::Link
                | Tag::Base
                | Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Template
        ) {
            // <head> sits right under <html> or the root when it is open at all.
            if let Some(depth) = self
                .stack
                .iter()
                .take(3)
                .rposition(|&id| self.nodes[id as usize].tag() == Some(Tag::Head))
            {
                self.stack.truncate(depth);
            }
        }
        if tag.closes_p() {
            self.close_in_scope(&[Tag::P]);
        }
        match tag {
            Tag::Li => self.close_in_scope_until(&[Tag::Li], &[Tag::Ul, Tag::Ol, Tag::Menu]),
            Tag::Dt | Tag::Dd => self.close_in_scope_until(&[Tag::Dt, Tag::Dd], &[Tag::Dl]),
            Tag::Option => self.close_top(Tag::Option),
            Tag::Tr => self.close_in_scope_until(&[Tag::Tr], &[Tag::Table]),
            Tag::Td | Tag::Th => {
                self.close_in_scope_until(&[Tag::Td, Tag::Th], &[Tag::Tr, Tag::Table])
            }
            Tag::Thead | Tag::Tbody | Tag::Tfoot => {
                self.close_in_scope_until(&[Tag::Thead, Tag::Tbody, Tag::Tfoot], &[Tag::Table])
            }
            t if t.is_heading() => {
                if let Some(top) = self.stack.last() {
                    if self.nodes[*top as usize].tag().is_some_and(Tag::is_heading) {
                        self.stack.pop();
                    }
                }
            }
            _ => {}
        }
    }

    /// The lowest stack depth an implied or explicit close looks at: searches stop
    /// [`MAX_SCOPE_SEARCH`] elements down, so deeply nested junk stays linear.
    fn search_floor(&self) -> usize {
        self.stack.len().saturating_sub(MAX_SCOPE_SEARCH).max(1)
    }

    fn close_top(&mut self, tag: Tag) {
        if let Some(&top) = self.stack.last() {
            if self.nodes[top as usize].tag() == Some(tag) {
                self.stack.pop();
            }
        }
    }

    fn close_in_scope(&mut self, tags: &[Tag]) {
        self.close_in_scope_until(tags, &[]);
    }

    /// Pops up to and including the nearest open element in `tags`, unless a scope
    /// boundary or one of `stop` comes first.
    fn close_in_scope_until(&mut self, tags: &[Tag], stop: &[Tag]) {
        for depth in (self.search_floor()..self.stack.len()).rev() {
            let Some(t) = self.nodes[self.stack[depth] as usize].tag() else {
                continue;
            };
            if tags.contains(&t) {
                self.stack.truncate(depth);
                return;
            }
            if stop.contains(&t) || t.is_scope_boundary() {
                return;
            }
        }
    }

    fn end_tag(&mut self, tag: Tag, name_start: usize, name_end: usize) {
        let name = &self.bytes[name_start..name_end];
        for depth in (self.search_floor()..self.stack.len()).rev() {
            let node = &self.nodes[self.stack[depth] as usize];
            let NodeKind::Element { tag: t, name: n } = node.kind else {
                continue;
            };
            let matches = if tag == Tag::Other {
                t == Tag::Other && self.bytes[n.0 as usize..n.1 as usize].eq_ignore_ascii_case(name)
            } else {
                t == tag
            };
            if matches {
                self.stack.truncate(depth);
                return;
            }
            // An end tag does not close across a table, a cell or a template, except
            // the table-structure end tags, which close the open cells and rows.
            let boundary = match t {
                Tag::Html | Tag::Template | Tag::Object => true,
                Tag::Td | Tag::Th | Tag::Caption => !matches!(
                    tag,
                    Tag::Tr | Tag::Tbody | Tag::Thead | Tag::Tfoot | Tag::Table | Tag::Body
                ),
                Tag::Table => tag != Tag::Body,
                _ => false,
            };
            if boundary {
                return;
            }
        }
    }
}

/// End of an element name starting at `i`.
fn scan_name(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    i
}

/// The first occurrence of `needle` in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = *needle.first()?;
    let mut i = from;
    while i < b.len() {
        let k = memchr(first, &b[i..])?;
        let at = i + k;
        if b[at..].starts_with(needle) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Position of `</name` (case-insensitive, followed by a delimiter) at or after `from`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while i < b.len() {
        let k = memchr(b'<', &b[i..])?;
        let at = i + k;
        if b.get(at + 1) == Some(&b'/') {
            let ns = at + 2;
            let ne = ns + name.len();
            if ne <= b.len()
                && b[ns..ne].eq_ignore_ascii_case(name)
                && b.get(ne)
                    .is_none_or(|&c| is_space(c) || c == b'>' || c == b'/')
            {
                return Some(at);
            }
        }
        i = at + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Renders the tree as an indented outline.
    fn check(html: &str, expect: Expect) {
        let dom = Dom::parse(html);
        let mut out = String::new();
        let mut stack = vec![(0u32, 0usize)];
        while let Some((id, depth)) = stack.pop() {
            if id != 0 {
                let n = dom.node(id);
                match n.kind {
                    NodeKind::Text => {
                        out.push_str(&format!("{}{:?}\n", "  ".repeat(depth - 1), dom.raw(id)))
                    }
                    NodeKind::Element { .. } => out.push_str(&format!(
                        "{}<{}>\n",
                        "  ".repeat(depth - 1),
                        dom.name(id).to_ascii_lowercase()
                    )),
                }
            }
            let kids: Vec<_> = dom.children(id).collect();
            for k in kids.into_iter().rev() {
                stack.push((k, depth + 1));
            }
        }
        expect.assert_eq(&out);
    }

    #[test]
    fn implied_ends_and_raw_text() {
        check(
            "<div><p>One<p>Two<ul><li>a<li>b</ul></div><script>if (a<b) {}</div></script><P CLASS=x>Three",
            expect![[r#"
                <div>
                  <p>
                    "One"
                  <p>
                    "Two"
                  <ul>
                    <li>
                      "a"
                    <li>
                      "b"
                <script>
                  "if (a<b) {}</div>"
                <p>
                  "Three"
            "#]],
        );
    }

    #[test]
    fn broken_markup_does_not_nest_forever() {
        check(
            "<div><span>x</div><em>y</b></em> a < b <!-- c --> <a href='u'>z",
            expect![[r#"
                <div>
                  <span>
                    "x"
                <em>
                  "y"
                " a < b "
                " "
                <a>
                  "z"
            "#]],
        );
    }

    #[test]
    fn truncated_inputs_do_not_panic() {
        for html in [
            "<",
            "<a",
            "<a href=\"x",
            "</",
            "</di",
            "<!--",
            "<![CDATA[x",
            "<script>x",
            "<p a=",
            "&#",
            "<a b c=d/",
        ] {
            let dom = Dom::parse(html);
            assert!(!dom.nodes.is_empty(), "{html}");
        }
    }
}
