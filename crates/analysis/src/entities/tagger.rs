//! The named-entity tagger: a first-order structured (averaged) perceptron over
//! IOB2 tags, decoded with Viterbi under the IOB2 constraint (an `I-X` only follows
//! `B-X` or `I-X`).
//!
//! Everything the runtime needs lives here: the tag set, the feature templates
//! (hashed into a fixed number of buckets), the document context (document-level
//! features), the train-derived gazetteer, the decoder and the model file format.
//! The training loop itself lives in `eval::ner` and uses the same feature code, so
//! training and runtime can never disagree about a feature.
//!
//! # Model file format (`models/ner.bin`, all integers little-endian)
//!
//! ```text
//! magic      8 bytes  "PLXNER\0\0"
//! version    u32      = 1
//! bits       u32      number of hash bits (buckets = 1 << bits)
//! scale      f32      weight = i16 value * scale
//! trans      (NTAGS+1) * NTAGS f32    row 0 = from sentence start, row p+1 = from tag p
//! nbuckets   u32      number of non-zero buckets stored
//! buckets    nbuckets times: bucket delta (LEB128 varint, from the previous bucket)
//!            then NTAGS i16 weights
//! ngaz       u32      gazetteer phrases
//! gaz        ngaz times: type u8 (0 PER, 1 ORG, 2 LOC, 3 MISC), len u16, UTF-8 phrase
//!            (lower-cased tokens joined by single spaces)
//! ```

use std::collections::{HashMap, HashSet};

/// Entity types in tag order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
/// Number of IOB2 tags: `O` plus `B-`/`I-` for each type.
pub const NTAGS: usize = 1 + 2 * TYPES.len();
/// Longest gazetteer phrase (in tokens) that is matched.
const MAX_GAZ_LEN: usize = 6;
const MAGIC: &[u8; 8] = b"PLXNER\0\0";
/// The model file format version this code reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// An IOB2 tag as an index: 0 = `O`, `1 + 2t` = `B-TYPES[t]`, `2 + 2t` = `I-TYPES[t]`.
pub type Tag = usize;

/// The tag's name (`O`, `B-PER`, ...).
pub fn tag_name(tag: Tag) -> String {
    if tag == 0 || tag >= NTAGS {
        return "O".to_string();
    }
    let t = (tag - 1) / 2;
    let prefix = if is_inside(tag) { "I" } else { "B" };
    format!("{prefix}-{}", TYPES[t])
}

/// Parses `O`, `B-PER`, `I-LOC`, ... (anything else is `None`).
pub fn parse_tag(s: &str) -> Option<Tag> {
    if s == "O" {
        return Some(0);
    }
    let (prefix, ty) = s.split_once('-')?;
    let t = TYPES.iter().position(|x| *x == ty)?;
    match prefix {
        "B" => Some(1 + 2 * t),
        "I" => Some(2 + 2 * t),
        _ => None,
    }
}

/// The entity type index of a tag (`None` for `O`).
pub fn tag_type(tag: Tag) -> Option<usize> {
    (tag > 0 && tag < NTAGS).then(|| (tag - 1) / 2)
}

/// True when `tag` is an `I-` tag.
pub fn is_inside(tag: Tag) -> bool {
    tag > 0 && tag < NTAGS && (tag - 1) % 2 == 1
}

/// Whether the transition `prev -> next` is allowed (`prev = None` at sentence start).
pub fn allowed(prev: Option<Tag>, next: Tag) -> bool {
    if !is_inside(next) {
        return true;
    }
    match prev {
        None => false,
        Some(p) => tag_type(p) == tag_type(next),
    }
}

// ---------------------------------------------------------------------------
// Gazetteer
// ---------------------------------------------------------------------------

/// Entity phrases seen in the training data, with their most frequent type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    /// Lower-cased phrase (tokens joined by one space) -> type index.
    pub phrases: HashMap<String, u8>,
    /// Lower-cased token -> bit set of types of phrases it occurs in.
    token_types: HashMap<String, u8>,
}

impl Gazetteer {
    /// Builds a gazetteer from `(phrase tokens, type)` occurrences; a phrase keeps
    /// its most frequent type (ties go to the lower type index).
    pub fn from_occurrences<'a>(occ: impl IntoIterator<Item = (Vec<&'a str>, usize)>) -> Self {
        let mut counts: HashMap<String, [u32; 4]> = HashMap::new();
        for (toks, ty) in occ {
            if toks.is_empty() || toks.len() > MAX_GAZ_LEN || ty >= 4 {
                continue;
            }
            let key = toks
                .iter()
                .map(|t| t.to_lowercase())
                .collect::<Vec<_>>()
                .join(" ");
            counts.entry(key).or_default()[ty] += 1;
        }
        let mut phrases = HashMap::new();
        for (k, c) in counts {
            let mut best = 0;
            for t in 1..4 {
                if c[t] > c[best] {
                    best = t;
                }
            }
            phrases.insert(k, best as u8);
        }
        Self::from_phrases(phrases)
    }

    /// Builds the token index from a phrase table.
    pub fn from_phrases(phrases: HashMap<String, u8>) -> Self {
        let mut token_types: HashMap<String, u8> = HashMap::new();
        for (p, &t) in &phrases {
            for tok in p.split(' ') {
                *token_types.entry(tok.to_string()).or_default() |= 1 << t;
            }
        }
        Gazetteer {
            phrases,
            token_types,
        }
    }

    /// Longest-match phrase annotation of a sentence: per token, `Some((type, is_begin))`.
    fn annotate(&self, lower: &[String]) -> Vec<Option<(u8, bool)>> {
        let n = lower.len();
        let mut out = vec![None; n];
        let mut i = 0;
        while i < n {
            let mut matched = 0;
            let max = MAX_GAZ_LEN.min(n - i);
            for len in (1..=max).rev() {
                let key = lower[i..i + len].join(" ");
                if let Some(&t) = self.phrases.get(&key) {
                    for (k, slot) in out[i..i + len].iter_mut().enumerate() {
                        *slot = Some((t, k == 0));
                    }
                    matched = len;
                    break;
                }
            }
            i += matched.max(1);
        }
        out
    }
}

// ---------------------------------------------------------------------------
// Document context
// ---------------------------------------------------------------------------

/// Document-level facts used as features: which words the document also writes in
/// lower case or capitalised mid-sentence, and which entity types the tagger gave
/// a word earlier in the document.
#[derive(Debug, Clone, Default)]
pub struct DocContext {
    lower_seen: HashSet<String>,
    title_mid_seen: HashSet<String>,
    memory: HashMap<String, [u16; 4]>,
}

impl DocContext {
    /// Collects the label-independent facts from all sentences of a document.
    pub fn new<S: AsRef<str>>(sentences: &[Vec<S>]) -> Self {
        let mut ctx = DocContext::default();
        for sent in sentences {
            let all_caps = sentence_is_upper(sent);
            for (i, w) in sent.iter().enumerate() {
                let w = w.as_ref();
                let Some(first) = w.chars().next() else {
                    continue;
                };
                if !first.is_alphabetic() {
                    continue;
                }
                if w.chars().all(|c| !c.is_uppercase()) {
                    ctx.lower_seen.insert(w.to_string());
                } else if i > 0 && !all_caps && first.is_uppercase() {
                    ctx.title_mid_seen.insert(w.to_lowercase());
                }
            }
        }
        ctx
    }

    /// Remembers the entity types predicted for a sentence's words.
    pub fn remember<S: AsRef<str>>(&mut self, words: &[S], tags: &[Tag]) {
        for (w, &t) in words.iter().zip(tags) {
            if let Some(ty) = tag_type(t) {
                let e = self.memory.entry(w.as_ref().to_lowercase()).or_default();
                e[ty] = e[ty].saturating_add(1);
            }
        }
    }

    /// Forgets the predicted labels (keeps the label-independent facts).
    pub fn clear_memory(&mut self) {
        self.memory.clear();
    }
}

fn sentence_is_upper<S: AsRef<str>>(sent: &[S]) -> bool {
    let mut letters = 0;
    for w in sent {
        for c in w.as_ref().chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_uppercase() {
                letters += 1;
            }
        }
    }
    letters > 3
}

// ---------------------------------------------------------------------------
// Features
// ---------------------------------------------------------------------------

use crate::sequence::{FeatureHash, ModelFileError};

fn feat(out: &mut Vec<u64>, template: u8, parts: &[&str]) {
    let mut h = FeatureHash::new(template);
    for p in parts {
        h = h.str(p);
    }
    out.push(h.finish());
}

/// Long shape ("Xxxxx" -> "Xxxxx", capped) and short shape (runs collapsed: "Xx").
fn shapes(w: &str) -> (String, String) {
    let mut long = String::new();
    let mut short = String::new();
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if long.chars().count() < 8 {
            long.push(s);
        }
        if !short.ends_with(s) {
            short.push(s);
        }
    }
    (long, short)
}

fn digits_folded(lower: &str) -> String {
    lower
        .chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c })
        .collect()
}

/// Per-token feature hashes for one sentence.
pub fn sentence_features<S: AsRef<str>>(
    words: &[S],
    gaz: &Gazetteer,
    doc: &DocContext,
) -> Vec<Vec<u64>> {
    let n = words.len();
    let raw: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
    let lower: Vec<String> = raw.iter().map(|w| w.to_lowercase()).collect();
    let folded: Vec<String> = lower.iter().map(|w| digits_folded(w)).collect();
    let shp: Vec<(String, String)> = raw.iter().map(|w| shapes(w)).collect();
    let gaz_ann = gaz.annotate(&lower);
    let all_caps = if sentence_is_upper(&raw) { "U" } else { "m" };
    let tok_gaz = |i: usize| -> u8 { gaz.token_types.get(&lower[i]).copied().unwrap_or(0) };
    let word_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            folded[i as usize].as_str()
        }
    };
    let short_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= n {
            "</s>"
        } else {
            shp[i as usize].1.as_str()
        }
    };
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let ii = i as isize;
        let mut f = Vec::with_capacity(64);
        let w = raw[i];
        let l = &lower[i];
        let (long, short) = (&shp[i].0, &shp[i].1);
        feat(&mut f, 0, &[]);
        feat(&mut f, 1, &[w]);
        feat(&mut f, 2, &[&folded[i]]);
        feat(&mut f, 3, &[long]);
        feat(&mut f, 4, &[short]);
        let chars: Vec<char> = l.chars().collect();
        for k in 1..=4.min(chars.len()) {
            let p: String = chars[..k].iter().collect();
            let s: String = chars[chars.len() - k..].iter().collect();
            feat(&mut f, 5, &[&p]);
            feat(&mut f, 6, &[&s]);
        }
        let pos = if i == 0 { "first" } else { "mid" };
        feat(&mut f, 7, &[pos, short]);
        feat(&mut f, 8, &[all_caps, short]);
        feat(&mut f, 9, &[word_at(ii - 1)]);
        feat(&mut f, 10, &[word_at(ii + 1)]);
        feat(&mut f, 11, &[word_at(ii - 2)]);
        feat(&mut f, 12, &[word_at(ii + 2)]);
        feat(&mut f, 13, &[word_at(ii - 1), &folded[i]]);
        feat(&mut f, 14, &[&folded[i], word_at(ii + 1)]);
        feat(&mut f, 15, &[short_at(ii - 1)]);
        feat(&mut f, 16, &[short_at(ii + 1)]);
        feat(&mut f, 17, &[short_at(ii - 1), short]);
        feat(&mut f, 18, &[short, short_at(ii + 1)]);
        feat(&mut f, 19, &[short_at(ii - 1), short, short_at(ii + 1)]);
        feat(&mut f, 20, &[short_at(ii - 2), short_at(ii - 1)]);
        feat(&mut f, 21, &[short_at(ii + 1), short_at(ii + 2)]);
        // Neighbour words with this word's shape.
        feat(&mut f, 22, &[word_at(ii - 1), short]);
        feat(&mut f, 23, &[short, word_at(ii + 1)]);
        if let Some((a, b)) = w.split_once('-') {
            feat(&mut f, 24, &[&a.to_lowercase()]);
            feat(&mut f, 25, &[&b.to_lowercase()]);
        }
        // Suffix of the neighbours (e.g. "-ian" before a noun).
        if i > 0 {
            let pc: Vec<char> = lower[i - 1].chars().collect();
            let s: String = pc[pc.len().saturating_sub(3)..].iter().collect();
            feat(&mut f, 26, &[&s]);
        }
        if i + 1 < n {
            let nc: Vec<char> = lower[i + 1].chars().collect();
            let s: String = nc[nc.len().saturating_sub(3)..].iter().collect();
            feat(&mut f, 27, &[&s]);
        }
        // Document-level features.
        let has_upper = w.chars().any(char::is_uppercase);
        if has_upper {
            let lower_seen = doc.lower_seen.contains(l.as_str());
            let title_seen = doc.title_mid_seen.contains(l.as_str());
            feat(
                &mut f,
                30,
                &[
                    if lower_seen { "L" } else { "-" },
                    if title_seen { "T" } else { "-" },
                    short,
                    pos,
                    all_caps,
                ],
            );
        }
        if let Some(c) = doc.memory.get(l.as_str()) {
            let total: u32 = c.iter().map(|&x| u32::from(x)).sum();
            let mut best = 0;
            for t in 1..4 {
                if c[t] > c[best] {
                    best = t;
                }
            }
            if total > 0 {
                feat(&mut f, 31, &[TYPES[best]]);
                feat(&mut f, 32, &[TYPES[best], short]);
            }
        }
        // Gazetteer features.
        let tg = tok_gaz(i);
        for (t, name) in TYPES.iter().enumerate() {
            if tg & (1 << t) != 0 {
                feat(&mut f, 40, &[name]);
                feat(&mut f, 41, &[name, short]);
            }
        }
        if let Some((t, begin)) = gaz_ann[i] {
            let name = TYPES[usize::from(t)];
            feat(&mut f, 42, &[name, if begin { "B" } else { "I" }]);
            feat(&mut f, 43, &[name, if begin { "B" } else { "I" }, short]);
        } else {
            feat(&mut f, 42, &["none"]);
        }
        if i > 0 {
            let p = tok_gaz(i - 1);
            feat(&mut f, 44, &[&p.to_string(), short]);
        }
        if i + 1 < n {
            let q = tok_gaz(i + 1);
            feat(&mut f, 45, &[&q.to_string(), short]);
        }
        out.push(f);
    }
    out
}

// ---------------------------------------------------------------------------
// Scoring and decoding
// ---------------------------------------------------------------------------

/// Something that gives the per-tag weights of a hashed feature.
pub trait Weights {
    /// Adds the weights of feature `feature` for every tag to `scores`.
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]);
    /// Transition weight `prev -> next` (`prev = None` at sentence start).
    fn transition(&self, prev: Option<Tag>, next: Tag) -> f32;
}

pub use crate::sequence::bucket;

/// Best tag sequence under the IOB2 constraint.
pub fn viterbi<W: Weights>(w: &W, feats: &[Vec<u64>]) -> Vec<Tag> {
    crate::sequence::viterbi::<NTAGS, _>(&AsScores(w), feats, allowed)
}

/// A [`Weights`] seen as the shared decoder's scores.
struct AsScores<'w, W>(&'w W);

impl<W: Weights> crate::sequence::Scores<NTAGS> for AsScores<'_, W> {
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]) {
        self.0.add_emission(feature, scores);
    }
    fn transition(&self, prev: Option<usize>, next: usize) -> f32 {
        self.0.transition(prev, next)
    }
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

/// Emission weights by feature bucket. The keys are already hashes (buckets of a
/// 64-bit feature hash) fixed by the model file, so a multiply is hash enough; the
/// default SipHash took a tenth of the tagging time.
pub type EmissionMap = HashMap<u32, [i16; NTAGS], std::hash::BuildHasherDefault<BucketHasher>>;

/// The hasher of [`EmissionMap`]: one multiply of the bucket number.
#[derive(Debug, Default, Clone, Copy)]
pub struct BucketHasher(u64);

impl std::hash::Hasher for BucketHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = (u64::from(n) ^ self.0).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// A trained tagger: sparse quantised emission weights, transitions, gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    /// Hash bits (buckets = `1 << bits`).
    pub bits: u32,
    /// Dequantisation factor for the stored `i16` weights.
    pub scale: f32,
    /// Row 0: from sentence start; row `p + 1`: from tag `p`.
    pub transitions: [[f32; NTAGS]; NTAGS + 1],
    /// Non-zero buckets and their quantised per-tag weights.
    pub emissions: EmissionMap,
    pub gazetteer: Gazetteer,
}

impl Weights for Model {
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]) {
        if let Some(ws) = self.emissions.get(&(bucket(feature, self.bits) as u32)) {
            for (s, &w) in scores.iter_mut().zip(ws) {
                *s += f32::from(w) * self.scale;
            }
        }
    }
    fn transition(&self, prev: Option<Tag>, next: Tag) -> f32 {
        self.transitions[prev.map_or(0, |p| p + 1)][next]
    }
}

impl Model {
    /// Quantises dense weights (`buckets * NTAGS`, bucket-major) into a model,
    /// dropping buckets whose largest quantised weight is below `min_abs`.
    pub fn from_dense(
        bits: u32,
        dense: &[f32],
        transitions: [[f32; NTAGS]; NTAGS + 1],
        gazetteer: Gazetteer,
        min_abs: i16,
    ) -> Model {
        let max = dense.iter().fold(0f32, |m, &w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut emissions = EmissionMap::default();
        for (b, chunk) in dense.chunks(NTAGS).enumerate() {
            let mut q = [0i16; NTAGS];
            let mut keep = false;
            for (slot, &w) in q.iter_mut().zip(chunk) {
                let v = (w / scale).round().clamp(-32767.0, 32767.0) as i16;
                *slot = v;
                if v.unsigned_abs() >= min_abs.unsigned_abs() && v != 0 {
                    keep = true;
                }
            }
            if keep {
                emissions.insert(b as u32, q);
            }
        }
        Model {
            bits,
            scale,
            transitions,
            emissions,
            gazetteer,
        }
    }

    /// Tags one sentence, given the document context.
    pub fn tag<S: AsRef<str>>(&self, words: &[S], doc: &DocContext) -> Vec<Tag> {
        let feats = sentence_features(words, &self.gazetteer, doc);
        viterbi(self, &feats)
    }

    /// Tags a whole document (sentences in order), carrying label memory forward.
    pub fn tag_document<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Vec<Vec<Tag>> {
        let mut ctx = DocContext::new(sentences);
        let mut out = Vec::with_capacity(sentences.len());
        for s in sentences {
            let tags = self.tag(s, &ctx);
            ctx.remember(s, &tags);
            out.push(tags);
        }
        out
    }

    /// Serialises the model in the documented format.
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
        let mut keys: Vec<u32> = self.emissions.keys().copied().collect();
        keys.sort_unstable();
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for k in keys {
            let d = k - prev;
            prev = k;
            crate::sequence::push_varint(&mut out, d);
            if let Some(ws) = self.emissions.get(&k) {
                for w in ws {
                    out.extend_from_slice(&w.to_le_bytes());
                }
            }
        }
        let mut phrases: Vec<(&String, &u8)> = self.gazetteer.phrases.iter().collect();
        phrases.sort();
        let phrases: Vec<_> = phrases
            .into_iter()
            .filter(|(p, _)| p.len() <= usize::from(u16::MAX))
            .collect();
        out.extend_from_slice(&(phrases.len() as u32).to_le_bytes());
        for (p, &t) in phrases {
            out.push(t);
            out.extend_from_slice(&(p.len() as u16).to_le_bytes());
            out.extend_from_slice(p.as_bytes());
        }
        out
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelFileError> {
        Self::parse(bytes).map_err(|message| ModelFileError {
            model: "ner model",
            message,
        })
    }

    fn parse(bytes: &[u8]) -> Result<Model, String> {
        let mut r = crate::sequence::ByteReader::new(bytes);
        r.header(MAGIC, FORMAT_VERSION)?;
        let bits = r.u32()?;
        if !(8..=28).contains(&bits) {
            return Err(format!("implausible hash bits {bits}"));
        }
        let scale = f32::from_le_bytes(r.array()?);
        let mut transitions = [[0f32; NTAGS]; NTAGS + 1];
        for row in transitions.iter_mut() {
            for v in row.iter_mut() {
                *v = f32::from_le_bytes(r.array()?);
            }
        }
        let n = r.u32()? as usize;
        let mut emissions =
            EmissionMap::with_capacity_and_hasher(n, std::hash::BuildHasherDefault::default());
        let mut key = 0u32;
        for _ in 0..n {
            let d = r.varint()?;
            key = key
                .checked_add(d)
                .ok_or_else(|| String::from("bucket index overflow"))?;
            let mut ws = [0i16; NTAGS];
            for w in ws.iter_mut() {
                *w = i16::from_le_bytes(r.array()?);
            }
            emissions.insert(key, ws);
        }
        let ng = r.u32()? as usize;
        let mut phrases = HashMap::with_capacity(ng);
        for _ in 0..ng {
            let t = r.take(1)?[0];
            if t >= 4 {
                return Err(format!("bad gazetteer type {t}"));
            }
            let len = usize::from(u16::from_le_bytes(r.array()?));
            let p = std::str::from_utf8(r.take(len)?)
                .map_err(|_| String::from("gazetteer phrase is not UTF-8"))?;
            phrases.insert(p.to_string(), t);
        }
        if !r.at_end() {
            return Err(String::from("trailing bytes after the gazetteer"));
        }
        Ok(Model {
            bits,
            scale,
            transitions,
            emissions,
            gazetteer: Gazetteer::from_phrases(phrases),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_round_trip_and_constraints() {
        for t in 0..NTAGS {
            assert_eq!(parse_tag(&tag_name(t)), Some(t));
        }
        assert!(!allowed(None, 2));
        assert!(allowed(Some(1), 2));
        assert!(!allowed(Some(3), 2));
        assert_eq!(parse_tag("B-FOO"), None);
    }

    #[test]
    fn model_bytes_round_trip() {
        let gaz = Gazetteer::from_occurrences(vec![(vec!["Nova", "Terra"], 2usize)]);
        let mut dense = vec![0f32; (1 << 8) * NTAGS];
        dense[5 * NTAGS + 1] = 2.5;
        dense[200 * NTAGS + 3] = -1.0;
        let m = Model::from_dense(8, &dense, [[0.5; NTAGS]; NTAGS + 1], gaz, 1);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).expect("round trip");
        assert_eq!(back, m);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Model::from_bytes(b"nonsense").is_err());
    }
}
