//! Building clean text piece by piece while recording where each piece came from.

use model::{OffsetMap, OffsetSegment};

use crate::normalize::{normalize_char, CharFix};

/// Accumulates clean text and its [`OffsetMap`].
///
/// Every push names the raw range the text came from, so the finished map can send
/// any clean offset back to the input. Whitespace is collapsed: runs of spaces become
/// one space, and paragraph breaks (`"\n\n"`) are never doubled.
#[derive(Debug, Default)]
pub struct CleanTextBuilder {
    text: String,
    map: OffsetMap,
}

impl CleanTextBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn with_capacity(n: usize) -> Self {
        CleanTextBuilder {
            text: String::with_capacity(n),
            map: OffsetMap::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.text.len()
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Pushes `s`, which replaces raw range `[raw, raw + raw_len)`.
    /// When `s` has the same length as the raw range it is treated as a copy.
    pub fn push_mapped(&mut self, s: &str, raw: usize, raw_len: usize) {
        if s.is_empty() {
            return;
        }
        let clean = self.text.len();
        self.text.push_str(s);
        self.map.push(OffsetSegment {
            clean,
            clean_len: s.len(),
            raw,
            raw_len,
        });
    }

    /// Pushes raw text found at byte `raw` of the input, normalising characters
    /// (no-break spaces, odd quotes, zero-width marks) and collapsing spaces.
    /// Newlines inside `s` become spaces: use [`Self::paragraph_break`] between blocks.
    pub fn push_raw_normalized(&mut self, s: &str, raw: usize) {
        let mut buf = [0u8; 4];
        for (i, ch) in s.char_indices() {
            let at = raw + i;
            let len = ch.len_utf8();
            match normalize_char(ch) {
                CharFix::Keep => {
                    if ch.is_whitespace() {
                        self.push_space(at, len);
                    } else {
                        self.push_mapped(ch.encode_utf8(&mut buf), at, len);
                    }
                }
                CharFix::Space => self.push_space(at, len),
                CharFix::Drop => {}
                CharFix::Replace(r) => {
                    if r.chars().all(char::is_whitespace) {
                        self.push_space(at, len);
                    } else {
                        self.push_mapped(r, at, len)
                    }
                }
            }
        }
    }

    /// Pushes one space unless the text is empty or already ends in white space.
    pub fn push_space(&mut self, raw: usize, raw_len: usize) {
        match self.text.as_bytes().last() {
            None | Some(b' ') | Some(b'\n') => {}
            _ => self.push_mapped(" ", raw, raw_len),
        }
    }

    /// Ends the current paragraph: trims trailing spaces and adds `"\n\n"` once.
    pub fn paragraph_break(&mut self, raw: usize) {
        self.trim_trailing_spaces();
        if self.text.is_empty() || self.text.ends_with("\n\n") {
            return;
        }
        if self.text.ends_with('\n') {
            self.push_mapped("\n", raw, 0);
        } else {
            self.push_mapped("\n\n", raw, 0);
        }
    }

    /// Ends the current line with a single `"\n"` (used for list items).
    pub fn line_break(&mut self, raw: usize) {
        self.trim_trailing_spaces();
        if self.text.is_empty() || self.text.ends_with('\n') {
            return;
        }
        self.push_mapped("\n", raw, 0);
    }

    fn trim_trailing_spaces(&mut self) {
        while self.text.ends_with(' ') {
            self.text.pop();
            let clean_len = self.text.len();
            if let Some(last) = self.map.segments.last_mut() {
                if last.clean + last.clean_len > clean_len {
                    let cut = last.clean + last.clean_len - clean_len;
                    if last.clean_len == last.raw_len {
                        last.raw_len -= cut;
                    }
                    last.clean_len -= cut;
                    if last.clean_len == 0 {
                        self.map.segments.pop();
                    }
                }
            }
        }
    }

    /// Truncates back to `len` bytes (a char boundary), dropping map segments past it.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.text.len() || !self.text.is_char_boundary(len) {
            return;
        }
        self.text.truncate(len);
        while let Some(last) = self.map.segments.last_mut() {
            if last.clean >= len {
                self.map.segments.pop();
            } else {
                if last.clean + last.clean_len > len {
                    let cut = last.clean + last.clean_len - len;
                    if last.clean_len == last.raw_len {
                        last.raw_len -= cut;
                    }
                    last.clean_len -= cut;
                }
                break;
            }
        }
    }

    /// Finishes: trims trailing white space and returns the text and its map.
    pub fn finish(mut self) -> (String, OffsetMap) {
        while self.text.ends_with(['\n', ' ']) {
            let n = self.text.len() - 1;
            self.truncate(n);
        }
        (self.text, self.map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_and_maps_back() {
        let raw = "Kyiv\u{a0}said \u{ab}no\u{bb}.\n\nNext";
        let mut b = CleanTextBuilder::new();
        let (p1, p2) = raw.split_at(raw.find("\n\n").expect("has break"));
        b.push_raw_normalized(p1, 0);
        b.paragraph_break(p1.len());
        b.push_raw_normalized(p2.trim_start(), p1.len() + 2);
        let (text, map) = b.finish();
        assert_eq!(text, "Kyiv said \u{201c}no\u{201d}.\n\nNext");
        // "said" starts after the two-byte no-break space.
        let said = text.find("said").expect("said");
        assert_eq!(&raw[map.to_raw(said)..map.to_raw(said) + 4], "said");
        let next = text.find("Next").expect("Next");
        assert_eq!(&raw[map.to_raw(next)..], "Next");
    }

    #[test]
    fn collapses_spaces_and_breaks() {
        let mut b = CleanTextBuilder::new();
        b.push_raw_normalized("a   b  ", 0);
        b.paragraph_break(7);
        b.paragraph_break(7);
        b.push_raw_normalized("c", 7);
        let (text, map) = b.finish();
        assert_eq!(text, "a b\n\nc");
        assert_eq!(map.to_raw(5), 7);
    }
}
