//! Distributional word clusters: a hierarchy of word classes learned from
//! unlabeled news text, so that the learned cue tagger and the cue filter can
//! generalise from the words they saw in training to words of similar use
//! ("touting" near "praising", "pronouncements" near "statements").
//!
//! Every known word has a leaf cluster whose id is a bit string, coarse bits
//! first (like the paths of Brown clusters): with the embedded file's level bits
//! `[4, 4, 4]` the first four bits name one of 16 top clusters, the first eight one
//! of 256, all twelve one of 4096 leaves. [`WordClusters::prefix`] gives a word's
//! class at each level.
//! Words are stored only as 32-bit hashes of their lower-cased form (see
//! [`word_key`]); no text of the corpora is kept.
//!
//! The embedded file `crates/analysis/models/word_clusters.bin` is made, before the
//! cue models are trained, by
//!
//! ```text
//! cargo run --release -p eval --example word_clusters -- crates/analysis/models/word_clusters.bin \
//!     /work/shared/eval/attribution/polnear/train/text /work/shared/eval/timeline/timeline17/*/InputDocs \
//!     --xml /work/shared/eval/clustering/ecbplus
//! ```
//!
//! from about 4.5 million tokens of news text (the PolNeAR training articles,
//! the Timeline17 input documents, the ECB+ documents; directional context counts,
//! positive PMI, a truncated SVD and hierarchical spherical k-means; fixed seeds,
//! byte-for-byte reproducible). The cue tagger (`cues.bin`) and then the cue filter
//! (`cue_filter.bin`) must be retrained after it changes, since their features
//! read it. An empty or unreadable file disables the cluster features (the
//! trainers then reproduce the models of the features without clusters).
//!
//! File format (little endian): magic `PLXWCL\0\0`, format version `u32`, number of
//! levels `u32`, bits per level `u32` each (at most 16 in all), number of words
//! `u32`, then per word in increasing key order its key `u32` and leaf id `u16`.

use crate::sequence::{ByteReader, FeatureHash, ModelFileError};

const MAGIC: &[u8; 8] = b"PLXWCL\0\0";
/// Version of the cluster file layout.
pub const FORMAT_VERSION: u32 = 1;
/// The most cluster levels a file may have.
pub const MAX_LEVELS: usize = 4;

/// The key a word is stored under: a hash of its lower-cased form with the
/// typographic apostrophe folded to `'` (as the attribution tokens are).
pub fn word_key(lower: &str) -> u32 {
    (FeatureHash::new(0xc1).str(lower).finish() >> 32) as u32
}

/// A word -> cluster table (see the module docs).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordClusters {
    /// Bits of the leaf id per level, coarse first.
    level_bits: Vec<u32>,
    /// `(key, leaf id)` sorted by key, keys distinct.
    entries: Vec<(u32, u16)>,
    /// Open-addressing index of `entries` for lookups: `(key, leaf id)` per slot
    /// (`EMPTY_SLOT` when free), a power of two at least twice the entries.
    slots: Vec<(u32, u32)>,
}

/// A free slot of the lookup index (leaf ids fit in 16 bits).
const EMPTY_SLOT: u32 = u32::MAX;

/// The lookup index of sorted, distinct entries (linear probing).
fn build_slots(entries: &[(u32, u16)]) -> Vec<(u32, u32)> {
    let size = (entries.len() * 2).next_power_of_two().max(16);
    let mask = size - 1;
    let mut slots = vec![(0u32, EMPTY_SLOT); size];
    for &(key, leaf) in entries {
        let mut at = key as usize & mask;
        while slots[at].1 != EMPTY_SLOT {
            at = (at + 1) & mask;
        }
        slots[at] = (key, u32::from(leaf));
    }
    slots
}

impl WordClusters {
    /// A table from `(word key, leaf id)` pairs. Keys given more than once (two
    /// words with the same hash) are left out, so that no word gets another's class.
    pub fn new(level_bits: Vec<u32>, mut entries: Vec<(u32, u16)>) -> Result<Self, ModelFileError> {
        check_levels(&level_bits).map_err(|message| ModelFileError {
            model: "word clusters",
            message,
        })?;
        entries.sort_unstable();
        let mut kept: Vec<(u32, u16)> = Vec::with_capacity(entries.len());
        let mut i = 0;
        while i < entries.len() {
            let key = entries[i].0;
            let mut j = i + 1;
            while j < entries.len() && entries[j].0 == key {
                j += 1;
            }
            if j == i + 1 {
                kept.push(entries[i]);
            }
            i = j;
        }
        Ok(WordClusters {
            level_bits,
            slots: build_slots(&kept),
            entries: kept,
        })
    }

    /// Number of levels.
    pub fn levels(&self) -> usize {
        self.level_bits.len()
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// No words at all.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The leaf cluster of a lower-cased word, if it is known.
    pub fn leaf(&self, lower: &str) -> Option<u16> {
        let key = word_key(lower);
        let mask = self.slots.len() - 1;
        let mut at = key as usize & mask;
        loop {
            let (k, leaf) = self.slots[at];
            if leaf == EMPTY_SLOT {
                return None;
            }
            if k == key {
                return u16::try_from(leaf).ok();
            }
            at = (at + 1) & mask;
        }
    }

    /// The class of `leaf` at `level` (0 = coarsest): the leaf id's first bits.
    /// Levels past the last give the leaf itself.
    pub fn prefix(&self, leaf: u16, level: usize) -> u16 {
        let deeper: u32 = self.level_bits.iter().skip(level + 1).sum();
        leaf >> deeper.min(15)
    }

    /// The classes of a word at every level (coarse first; unused slots 0), or
    /// None for an unknown word.
    pub fn path(&self, lower: &str) -> Option<[u16; MAX_LEVELS]> {
        let leaf = self.leaf(lower)?;
        let mut out = [0u16; MAX_LEVELS];
        for (level, slot) in out.iter_mut().enumerate().take(self.levels()) {
            *slot = self.prefix(leaf, level);
        }
        Some(out)
    }

    /// Serialises the table (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(24 + self.entries.len() * 6);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&(self.level_bits.len() as u32).to_le_bytes());
        for b in &self.level_bits {
            out.extend_from_slice(&b.to_le_bytes());
        }
        out.extend_from_slice(&(self.entries.len() as u32).to_le_bytes());
        for (k, leaf) in &self.entries {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&leaf.to_le_bytes());
        }
        out
    }

    /// Reads a table written by [`WordClusters::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<WordClusters, ModelFileError> {
        Self::parse(bytes).map_err(|message| ModelFileError {
            model: "word clusters",
            message,
        })
    }

    fn parse(bytes: &[u8]) -> Result<WordClusters, String> {
        let mut r = ByteReader::new(bytes);
        r.header(MAGIC, FORMAT_VERSION)?;
        let levels = r.u32()? as usize;
        if levels > MAX_LEVELS {
            return Err(format!("{levels} levels (at most {MAX_LEVELS})"));
        }
        let mut level_bits = Vec::with_capacity(levels);
        for _ in 0..levels {
            level_bits.push(r.u32()?);
        }
        check_levels(&level_bits)?;
        let total: u32 = level_bits.iter().sum();
        let n = r.u32()? as usize;
        let mut entries: Vec<(u32, u16)> = Vec::with_capacity(n.min(bytes.len() / 6));
        for _ in 0..n {
            let key = r.u32()?;
            let leaf = u16::from_le_bytes(r.array()?);
            if u32::from(leaf) >> total != 0 {
                return Err(format!("leaf id {leaf} wider than {total} bits"));
            }
            if entries.last().is_some_and(|&(k, _)| k >= key) {
                return Err(format!("keys out of order at word {}", entries.len()));
            }
            entries.push((key, leaf));
        }
        if !r.at_end() {
            return Err(String::from("trailing bytes"));
        }
        Ok(WordClusters {
            level_bits,
            slots: build_slots(&entries),
            entries,
        })
    }
}

/// The level bits are usable: 1 to [`MAX_LEVELS`] levels, each at least one bit,
/// at most 16 in all.
fn check_levels(level_bits: &[u32]) -> Result<(), String> {
    if level_bits.is_empty() || level_bits.len() > MAX_LEVELS {
        return Err(format!(
            "{} levels (1 to {MAX_LEVELS} expected)",
            level_bits.len()
        ));
    }
    if level_bits.iter().any(|&b| b == 0 || b > 16) || level_bits.iter().sum::<u32>() > 16 {
        return Err(format!("bad level bits {level_bits:?}"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Builds a table of invented words (`word=leaf`, levels 2+2 bits), sends it
    /// through bytes (truncated to `truncate` bytes if given) and shows each looked-up
    /// word's class path, or the read error.
    fn check(words: &str, lookups: &str, truncate: Option<usize>, expect: Expect) {
        let entries: Vec<(u32, u16)> = words
            .split_whitespace()
            .filter_map(|wl| wl.split_once('='))
            .filter_map(|(w, l)| Some((word_key(w), l.parse().ok()?)))
            .collect();
        let table = match WordClusters::new(vec![2, 2], entries) {
            Ok(t) => t,
            Err(e) => return expect.assert_eq(&e.to_string()),
        };
        let mut bytes = table.to_bytes();
        if let Some(k) = truncate {
            bytes.truncate(k);
        }
        let got = match WordClusters::from_bytes(&bytes) {
            Ok(t) => {
                assert_eq!(t, table, "round trip");
                lookups
                    .split_whitespace()
                    .map(|w| match t.path(w) {
                        Some(p) => format!("{w}:{}/{}", p[0], p[1]),
                        None => format!("{w}:?"),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            Err(e) => e.to_string(),
        };
        expect.assert_eq(&got);
    }

    #[test]
    fn looks_up_and_reads_clusters() {
        check(
            "zorbed=13 blintered=14 quaffle=2",
            "zorbed blintered quaffle frobnic",
            None,
            expect!["zorbed:3/13 blintered:3/14 quaffle:0/2 frobnic:?"],
        );
        check("", "zorbed", None, expect!["zorbed:?"]);
        // The same word twice under two ids: neither is kept.
        check("zorbed=1 zorbed=2", "zorbed", None, expect!["zorbed:?"]);
        check(
            "zorbed=13",
            "zorbed",
            Some(30),
            expect!["word clusters: truncated file at byte 28"],
        );
        check(
            "zorbed=13",
            "zorbed",
            Some(0),
            expect!["word clusters: truncated file at byte 0"],
        );
        check(
            "zorbed=16",
            "zorbed",
            None,
            expect!["word clusters: leaf id 16 wider than 4 bits"],
        );
    }

    #[test]
    fn rejects_bad_levels() {
        let got = WordClusters::new(vec![9, 9], Vec::new()).map(|t| t.levels());
        expect![
            "Err(ModelFileError { model: \"word clusters\", message: \"bad level bits [9, 9]\" })"
        ]
        .assert_eq(&format!("{got:?}"));
    }
}
