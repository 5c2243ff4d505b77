//! The map from clean-text byte offsets back to raw-input byte offsets.
//!
//! Clean text is built from pieces of the raw input: runs copied as they are, and
//! pieces that replace a raw range (an HTML entity, a no-break space, a curly quote
//! that was normalised, a tag turned into a paragraph break). Each piece is one
//! [`OffsetSegment`]. Offsets inside a copied run map one to one; offsets inside a
//! replacement map to the start of the raw range it replaced.

use serde::{Deserialize, Serialize};

/// One piece of clean text and the raw range it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OffsetSegment {
    pub clean: usize,
    pub clean_len: usize,
    pub raw: usize,
    pub raw_len: usize,
}

impl OffsetSegment {
    fn is_copy(&self) -> bool {
        self.clean_len == self.raw_len
    }
}

/// Clean offset → raw offset, as a sorted list of segments covering the clean text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct OffsetMap {
    pub segments: Vec<OffsetSegment>,
}

impl OffsetMap {
    /// Appends a segment, merging it with the previous one when both are contiguous copies.
    pub fn push(&mut self, seg: OffsetSegment) {
        if seg.clean_len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            if last.is_copy()
                && seg.is_copy()
                && last.clean + last.clean_len == seg.clean
                && last.raw + last.raw_len == seg.raw
            {
                last.clean_len += seg.clean_len;
                last.raw_len += seg.raw_len;
                return;
            }
        }
        self.segments.push(seg);
    }

    /// The raw byte offset of clean offset `clean`. Offsets past the end map to the
    /// end of the last segment's raw range.
    pub fn to_raw(&self, clean: usize) -> usize {
        let idx = self
            .segments
            .partition_point(|s| s.clean + s.clean_len <= clean);
        match self.segments.get(idx) {
            Some(s) if s.clean <= clean => {
                if s.is_copy() {
                    s.raw + (clean - s.clean)
                } else {
                    s.raw
                }
            }
            Some(s) => s.raw,
            None => self.segments.last().map(|s| s.raw + s.raw_len).unwrap_or(0),
        }
    }

    /// The raw range covering clean range `[start, end)`.
    pub fn span_to_raw(&self, span: crate::Span) -> crate::Span {
        if span.is_empty() {
            let r = self.to_raw(span.start);
            return crate::Span::new(r, r);
        }
        let start = self.to_raw(span.start);
        // The end is the end of the raw piece holding the last clean byte.
        let last = span.end - 1;
        let idx = self
            .segments
            .partition_point(|s| s.clean + s.clean_len <= last);
        let end = match self.segments.get(idx) {
            Some(s) if s.clean <= last => {
                if s.is_copy() {
                    s.raw + (last - s.clean) + 1
                } else {
                    s.raw + s.raw_len
                }
            }
            _ => self.to_raw(span.end),
        };
        crate::Span::new(start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    fn map() -> OffsetMap {
        // raw: "a&amp;b  c"  clean: "a&b c"
        let mut m = OffsetMap::default();
        m.push(OffsetSegment {
            clean: 0,
            clean_len: 1,
            raw: 0,
            raw_len: 1,
        });
        m.push(OffsetSegment {
            clean: 1,
            clean_len: 1,
            raw: 1,
            raw_len: 5,
        });
        m.push(OffsetSegment {
            clean: 2,
            clean_len: 1,
            raw: 6,
            raw_len: 1,
        });
        m.push(OffsetSegment {
            clean: 3,
            clean_len: 1,
            raw: 7,
            raw_len: 2,
        });
        m.push(OffsetSegment {
            clean: 4,
            clean_len: 1,
            raw: 9,
            raw_len: 1,
        });
        m
    }

    #[test]
    fn maps_copies_and_replacements() {
        let m = map();
        assert_eq!(m.to_raw(0), 0);
        assert_eq!(m.to_raw(1), 1);
        assert_eq!(m.to_raw(2), 6);
        assert_eq!(m.to_raw(4), 9);
        assert_eq!(m.to_raw(5), 10);
        assert_eq!(m.span_to_raw(Span::new(1, 2)), Span::new(1, 6));
        assert_eq!(m.span_to_raw(Span::new(0, 5)), Span::new(0, 10));
    }

    #[test]
    fn merges_contiguous_copies() {
        let mut m = OffsetMap::default();
        m.push(OffsetSegment {
            clean: 0,
            clean_len: 3,
            raw: 10,
            raw_len: 3,
        });
        m.push(OffsetSegment {
            clean: 3,
            clean_len: 2,
            raw: 13,
            raw_len: 2,
        });
        assert_eq!(m.segments.len(), 1);
        assert_eq!(m.to_raw(4), 14);
    }
}
