//! A learned attribution-cue detector: a token-level B/I/O tagger (averaged
//! structured perceptron, Viterbi decoding) over hashed features.
//!
//! It finds cue words the rule lexicon misses ("failed to prosecute", "criticism
//! of", "supporting"). The attribution rules keep their own cues; a learned cue is
//! used only outside every rule attribution (its cue, source and content). A noun
//! phrase before it is its source when it can hold one; with none, a participle
//! takes the main clause's subject and any other cue stands without a source
//! (see `Analyzer::learned_holder`).
//!
//! Features of a token: its lower-cased form, crude stem and suffixes, shape,
//! neighbours ±2 and two bigrams, whether it starts (or continues) a form of the
//! reporting-verb lexicon and of which class, whether it lies inside quote marks,
//! whether a "that", a quote, a colon or "to" follows within a few tokens, and
//! whether a capitalised word or a pronoun stands before it; and, when the word
//! clusters are embedded (module `word_clusters`), its distributional class at
//! three levels, its neighbours' classes, and its mid-level class with what
//! stands around it (so that a cue word seen once or never in training is
//! scored like the cue words of its class). Features are hashed (FNV-1a) into
//! `1 << bits` buckets; no words are stored in the model.
//!
//! The embedded model `crates/analysis/models/cues.bin` is trained on the PolNeAR
//! training split, on the units where the rules find nothing (each annotation file
//! one example; the epoch picked by five-fold cross-validation over the articles,
//! by the pooled held-out cue F1 at the outside-tag bias used, averaged over five
//! neighbouring epochs since the curve is flat; a bias of -30 folded into the
//! transitions to favour recall, the cue filter taking back the doubtful ones;
//! fixed shuffle seed, byte-for-byte reproducible, about 30 s; 40 epochs at most,
//! 33 picked). The models are
//! retrained in this order, each reading the one before (the files are compiled
//! in, so each `cargo run` rebuilds with the file written by the step before):
//!
//! ```text
//! # 1. word clusters (see module `word_clusters` for the corpora)
//! cargo run --release -p eval --example word_clusters -- crates/analysis/models/word_clusters.bin \
//!     /work/shared/eval/attribution/polnear/train/text /work/shared/eval/timeline/timeline17/*/InputDocs \
//!     --xml /work/shared/eval/clustering/ecbplus
//! # 2. this tagger
//! cargo run --release -p eval --example train_cues -- \
//!     /work/shared/eval/attribution/polnear/train crates/analysis/models/cues.bin
//! # 3. the cue filter
//! cargo run --release -p eval --example train_cue_filter -- \
//!     /work/shared/eval/attribution/polnear/train crates/analysis/models/cue_filter.bin
//! ```
//!
//! File format (little endian): magic `PLXCUE\0\0`, format version `u32`, hash bits
//! `u32`, dequantisation scale `f32`, transitions `(NTAGS + 1) * NTAGS` `f32` (row 0
//! from the sequence start, row `p + 1` from tag `p`), then the number of non-zero
//! buckets `u32` and per bucket its delta-coded index (LEB128) and `NTAGS` `i16`
//! weights.

use model::Span;

use crate::sequence::ModelFileError;

/// Tags: outside, begins a cue, inside a cue.
pub const NTAGS: usize = 3;
/// Outside any cue.
pub const TAG_O: u8 = 0;
/// First token of a cue.
pub const TAG_B: u8 = 1;
/// A later token of a cue.
pub const TAG_I: u8 = 2;

const MAGIC: &[u8; 8] = b"PLXCUE\0\0";
/// Version of the model file layout.
pub const FORMAT_VERSION: u32 = 1;

/// One analysis unit (a sentence or quote-joined sentences) ready for tagging.
#[derive(Debug, Clone, Default)]
pub struct CueSequence {
    /// Byte spans of the tokens.
    pub spans: Vec<Span>,
    /// Hashed features per token.
    pub feats: Vec<Vec<u64>>,
    /// The hand-written rules found an attribution in this unit (the learned
    /// cues are used only where they found none).
    pub rule_cues: bool,
}

/// The tag sequence may move from `prev` (None = start) to `next`.
pub fn allowed(prev: Option<u8>, next: u8) -> bool {
    next != TAG_I || matches!(prev, Some(TAG_B) | Some(TAG_I))
}

/// Emission and transition scores of a tagger.
pub trait CueWeights {
    /// Adds the per-tag weights of one feature to `scores`.
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]);
    /// Transition score (`prev` None = sequence start).
    fn transition(&self, prev: Option<u8>, next: u8) -> f32;
}

pub use crate::sequence::bucket;

/// Best tag sequence under the B/I/O constraint.
pub fn viterbi<W: CueWeights>(w: &W, feats: &[Vec<u64>]) -> Vec<u8> {
    crate::sequence::viterbi::<NTAGS, _>(&AsScores(w), feats, |prev, next| {
        allowed(prev.map(|p| p as u8), next as u8)
    })
    .into_iter()
    .map(|t| t as u8)
    .collect()
}

/// A [`CueWeights`] seen as the shared decoder's scores.
struct AsScores<'w, W>(&'w W);

impl<W: CueWeights> crate::sequence::Scores<NTAGS> for AsScores<'_, W> {
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]) {
        self.0.add_emission(feature, scores);
    }
    fn transition(&self, prev: Option<usize>, next: usize) -> f32 {
        self.0.transition(prev.map(|p| p as u8), next as u8)
    }
}

/// Token ranges `[a, b)` of the cues in a tag sequence.
pub fn chunks(tags: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, &t) in tags.iter().enumerate() {
        if t != TAG_I {
            if let Some(s) = start.take() {
                out.push((s, i));
            }
        }
        if t == TAG_B {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, tags.len()));
    }
    out
}

// ---------------------------------------------------------------------------
// Feature hashing
// ---------------------------------------------------------------------------

pub(crate) use crate::sequence::FeatureHash;

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

/// A trained cue tagger: quantised emission weights and transitions.
#[derive(Debug, Clone, PartialEq)]
pub struct CueModel {
    /// Hash bits (buckets = `1 << bits`).
    pub bits: u32,
    /// Dequantisation factor for the stored `i16` weights.
    pub scale: f32,
    /// Row 0: from the sequence start; row `p + 1`: from tag `p`.
    pub transitions: [[f32; NTAGS]; NTAGS + 1],
    /// Quantised per-tag weights of every bucket (dense, `1 << bits` entries).
    pub emissions: Vec<[i16; NTAGS]>,
}

impl CueWeights for CueModel {
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]) {
        if let Some(ws) = self.emissions.get(bucket(feature, self.bits)) {
            for (s, &w) in scores.iter_mut().zip(ws) {
                *s += f32::from(w) * self.scale;
            }
        }
    }
    fn transition(&self, prev: Option<u8>, next: u8) -> f32 {
        self.transitions[prev.map_or(0, |p| p as usize + 1)][next as usize]
    }
}

impl CueModel {
    /// Quantises dense weights (`buckets * NTAGS`, bucket-major).
    pub fn from_dense(bits: u32, dense: &[f32], transitions: [[f32; NTAGS]; NTAGS + 1]) -> Self {
        let max = dense.iter().fold(0f32, |m, &w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut emissions = vec![[0i16; NTAGS]; 1usize << bits];
        for (slot, chunk) in emissions.iter_mut().zip(dense.chunks(NTAGS)) {
            for (q, &w) in slot.iter_mut().zip(chunk) {
                *q = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
        }
        CueModel {
            bits,
            scale,
            transitions,
            emissions,
        }
    }

    /// Tags one sequence.
    pub fn tag(&self, feats: &[Vec<u64>]) -> Vec<u8> {
        viterbi(self, feats)
    }

    /// Tags one sequence with `o_bias` added to every token's outside score (a
    /// positive bias keeps only more confident cues).
    pub fn tag_biased(&self, feats: &[Vec<u64>], o_bias: f32) -> Vec<u8> {
        viterbi(
            &Biased {
                model: self,
                o_bias,
            },
            feats,
        )
    }

    /// Serialises the model (see the module docs for the layout).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
        out.extend_from_slice(&self.bits.to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.transitions {
            for v in row {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let nonzero: Vec<(u32, &[i16; NTAGS])> = self
            .emissions
            .iter()
            .enumerate()
            .filter(|(_, ws)| ws.iter().any(|&w| w != 0))
            .map(|(k, ws)| (k as u32, ws))
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (k, ws) in nonzero {
            let d = k - prev;
            prev = k;
            crate::sequence::push_varint(&mut out, d);
            for w in ws {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    /// Reads a model written by [`CueModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<CueModel, ModelFileError> {
        Self::parse(bytes).map_err(|message| ModelFileError {
            model: "cue model",
            message,
        })
    }

    fn parse(bytes: &[u8]) -> Result<CueModel, String> {
        let mut r = crate::sequence::ByteReader::new(bytes);
        r.header(MAGIC, FORMAT_VERSION)?;
        let bits = r.u32()?;
        if !(1..=24).contains(&bits) {
            return Err(format!("bad hash bits {bits}"));
        }
        let scale = f32::from_le_bytes(r.array()?);
        let mut transitions = [[0f32; NTAGS]; NTAGS + 1];
        for row in transitions.iter_mut() {
            for v in row.iter_mut() {
                *v = f32::from_le_bytes(r.array()?);
            }
        }
        let n = r.u32()? as usize;
        let mut emissions = vec![[0i16; NTAGS]; 1usize << bits];
        let mut key = 0u32;
        for _ in 0..n {
            let d = r.varint()?;
            key = key
                .checked_add(d)
                .ok_or_else(|| String::from("bucket index overflow"))?;
            let slot = emissions
                .get_mut(key as usize)
                .ok_or_else(|| format!("bucket {key} out of range"))?;
            for w in slot.iter_mut() {
                *w = i16::from_le_bytes(r.array()?);
            }
        }
        if !r.at_end() {
            return Err(String::from("trailing bytes"));
        }
        Ok(CueModel {
            bits,
            scale,
            transitions,
            emissions,
        })
    }
}

/// A model with a constant added to the outside tag's emission score.
struct Biased<'a> {
    model: &'a CueModel,
    o_bias: f32,
}

impl CueWeights for Biased<'_> {
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]) {
        self.model.add_emission(feature, scores);
    }
    fn transition(&self, prev: Option<u8>, next: u8) -> f32 {
        let bias = if next == TAG_O { self.o_bias } else { 0.0 };
        self.model.transition(prev, next) + bias
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::{expect, Expect};

    /// Tags a sequence of "features" (one per token, invented ids) with a model
    /// whose weights push feature 1 to B and feature 2 to I, after a byte round
    /// trip; shows the chunks, or the read error for a corrupted file.
    fn check(tokens: &[u64], corrupt: Option<usize>, expect: Expect) {
        let bits = 4;
        let mut dense = vec![0f32; (1usize << bits) * NTAGS];
        dense[bucket(1, bits) * NTAGS + TAG_B as usize] = 2.0;
        dense[bucket(2, bits) * NTAGS + TAG_I as usize] = 2.0;
        dense[bucket(0, bits) * NTAGS + TAG_O as usize] = 1.0;
        let model = CueModel::from_dense(bits, &dense, [[0.0; NTAGS]; NTAGS + 1]);
        let mut bytes = model.to_bytes();
        if let Some(k) = corrupt {
            bytes.truncate(k);
        }
        let got = match CueModel::from_bytes(&bytes) {
            Ok(m) => {
                assert_eq!(m, model, "round trip");
                let feats: Vec<Vec<u64>> = tokens.iter().map(|&f| vec![f]).collect();
                format!("{:?}", chunks(&m.tag(&feats)))
            }
            Err(e) => e.to_string(),
        };
        expect.assert_eq(&got);
    }

    #[test]
    fn tags_and_reads_models() {
        check(&[0, 1, 2, 2, 0, 1, 0], None, expect!["[(1, 4), (5, 6)]"]);
        check(&[2, 0, 0], None, expect!["[]"]);
        check(&[], None, expect!["[]"]);
        check(
            &[0, 1],
            Some(30),
            expect!["cue model: truncated file at byte 28"],
        );
        check(
            &[0, 1],
            Some(3),
            expect!["cue model: truncated file at byte 0"],
        );
    }
}
