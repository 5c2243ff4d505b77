//! A learned precision filter for attribution cues: a binary averaged perceptron
//! over hashed features of a finished candidate attribution (its cue words and
//! lexicon class, the words around the cue, whether the cue stands inside quote
//! marks or inside another attribution's content, the kind of source, the content's
//! length and kind, where the cue stands in its sentence and paragraph, whether a
//! rule or the learned tagger found it). A candidate whose score falls below the
//! model's threshold is dropped with its source and content.
//!
//! Stance attributions ("European allies reject terms that resemble
//! capitulation", "Reuters reported that Kiev supports the plan") are never
//! dropped: the positions table is built from them. (Protecting every stance,
//! not only nested ones, moved PolNeAR dev cue F1 by -0.0002 and the filter's
//! out-of-fold F1 by +0.0003; a retrain had dropped the allies' stance from the
//! seeds' positions.)
//!
//! The embedded model `crates/analysis/models/cue_filter.bin` is trained on the
//! PolNeAR training split (label: the candidate's cue overlaps a gold cue of the
//! annotation file; every annotation file one example; the number of epochs and
//! the threshold picked out of fold over five folds of articles; the weights
//! averaged over five fixed shuffle seeds, byte for byte reproducible) by
//!
//! ```text
//! cargo run --release -p eval --example train_cue_filter -- \
//!     /work/shared/eval/attribution/polnear/train crates/analysis/models/cue_filter.bin
//! ```
//!
//! It must be retrained last, after the word clusters (`word_clusters.bin`) and
//! the cue model (`cues.bin`), and after any rule change, since it is trained on
//! their output (see `cue_model` for the three commands in order). The filter's
//! own features do not read the word clusters (with them, PolNeAR dev source and
//! cue F1 fell). An empty or unreadable file disables filtering.
//!
//! File format (little endian): magic `PLXCFL\0\0`, format version `u32`, hash bits
//! `u32`, dequantisation scale `f32`, threshold `f32`, then the number of non-zero
//! buckets `u32` and per bucket its delta-coded index (LEB128) and one `i16` weight.

use crate::sequence::{bucket, push_varint, ByteReader, ModelFileError};

const MAGIC: &[u8; 8] = b"PLXCFL\0\0";
/// Version of the filter file layout.
pub const FORMAT_VERSION: u32 = 1;

/// One candidate attribution as the filter sees it (used to train the filter).
#[derive(Debug, Clone, PartialEq)]
pub struct CueCandidate {
    /// The cue's byte span.
    pub cue: model::Span,
    /// Hashed features.
    pub feats: Vec<u64>,
    /// Kept whatever the filter says (a nested stance attribution).
    pub protected: bool,
    /// The cue came from the learned tagger, not a rule.
    pub learned: bool,
}

/// A trained filter: quantised weights per hash bucket and a keep threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct CueFilter {
    /// Hash bits (buckets = `1 << bits`).
    pub bits: u32,
    /// Dequantisation factor for the stored `i16` weights.
    pub scale: f32,
    /// Candidates scoring below this are dropped.
    pub threshold: f32,
    /// Quantised weight of every bucket (dense, `1 << bits` entries).
    pub weights: Vec<i16>,
}

impl CueFilter {
    /// Quantises dense weights (`1 << bits` entries).
    pub fn from_dense(bits: u32, dense: &[f32], threshold: f32) -> Self {
        let max = dense.iter().fold(0f32, |m, &w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut weights = vec![0i16; 1usize << bits];
        for (q, &w) in weights.iter_mut().zip(dense) {
            *q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
        }
        CueFilter {
            bits,
            scale,
            threshold,
            weights,
        }
    }

    /// The score of a candidate's features.
    pub fn score(&self, feats: &[u64]) -> f32 {
        feats
            .iter()
            .filter_map(|&f| self.weights.get(bucket(f, self.bits)))
            .map(|&w| f32::from(w) * self.scale)
            .sum()
    }

    /// The candidate is kept.
    pub fn keeps(&self, feats: &[u64]) -> bool {
        self.score(feats) >= self.threshold
    }

    /// Serialises the filter (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&self.threshold.to_le_bytes());
        let nonzero: Vec<(u32, i16)> = self
            .weights
            .iter()
            .enumerate()
            .filter(|(_, &w)| w != 0)
            .map(|(k, &w)| (k as u32, w))
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (k, w) in nonzero {
            push_varint(&mut out, k - prev);
            prev = k;
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Reads a filter written by [`CueFilter::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CueFilter, ModelFileError> {
        Self::parse(bytes).map_err(|message| ModelFileError {
            model: "cue filter",
            message,
        })
    }

    fn parse(bytes: &[u8]) -> Result<CueFilter, String> {
        let mut r = ByteReader::new(bytes);
        r.header(MAGIC, FORMAT_VERSION)?;
        let bits = r.u32()?;
        if !(1..=24).contains(&bits) {
            return Err(format!("bad hash bits {bits}"));
        }
        let scale = f32::from_le_bytes(r.array()?);
        let threshold = f32::from_le_bytes(r.array()?);
        if !scale.is_finite() || !threshold.is_finite() {
            return Err(String::from("non-finite scale or threshold"));
        }
        let n = r.u32()? as usize;
        let mut weights = vec![0i16; 1usize << bits];
        let mut key = 0u32;
        for _ in 0..n {
            let d = r.varint()?;
            key = key
                .checked_add(d)
                .ok_or_else(|| String::from("bucket index overflow"))?;
            let slot = weights
                .get_mut(key as usize)
                .ok_or_else(|| format!("bucket {key} out of range"))?;
            *slot = i16::from_le_bytes(r.array()?);
        }
        if !r.at_end() {
            return Err(String::from("trailing bytes"));
        }
        Ok(CueFilter {
            bits,
            scale,
            threshold,
            weights,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Scores candidates (lists of invented feature ids) with a filter whose
    /// feature 1 weighs +2 and feature 2 weighs -3 (threshold 0), after a byte round
    /// trip; shows keep/drop per candidate, or the read error for a truncated file.
    fn check(candidates: &[&[u64]], truncate: Option<usize>, expect: Expect) {
        let bits = 4;
        let mut dense = vec![0f32; 1usize << bits];
        dense[bucket(1, bits)] = 2.0;
        dense[bucket(2, bits)] = -3.0;
        let filter = CueFilter::from_dense(bits, &dense, 0.0);
        let mut bytes = filter.to_bytes();
        if let Some(k) = truncate {
            bytes.truncate(k);
        }
        let got = match CueFilter::from_bytes(&bytes) {
            Ok(f) => {
                assert_eq!(f, filter, "round trip");
                candidates
                    .iter()
                    .map(|c| if f.keeps(c) { "keep" } else { "drop" })
                    .collect::<Vec<_>>()
                    .join(" ")
            }
            Err(e) => e.to_string(),
        };
        expect.assert_eq(&got);
    }

    #[test]
    fn scores_and_reads_filters() {
        check(
            &[&[1], &[2], &[1, 2], &[], &[1, 1, 2]],
            None,
            expect!["keep drop drop keep keep"],
        );
        check(
            &[&[1]],
            Some(20),
            expect!["cue filter: truncated file at byte 20"],
        );
        check(
            &[&[1]],
            Some(5),
            expect!["cue filter: truncated file at byte 0"],
        );
    }
}
