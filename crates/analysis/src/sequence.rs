//! What the two sequence taggers (named entities, attribution cues) share:
//! feature hashing into buckets and Viterbi decoding over a tag set with a
//! constraint on which tag may follow which.

/// FNV-1a style hasher for feature strings (deterministic across runs and
/// platforms): a template number, then each part followed by a separator.
pub(crate) struct FeatureHash(u64);

impl FeatureHash {
    pub(crate) fn new(template: u8) -> Self {
        let mut h = FeatureHash(0xcbf2_9ce4_8422_2325);
        h.byte(template);
        h
    }
    fn byte(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
    pub(crate) fn str(mut self, s: &str) -> Self {
        for &b in s.as_bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    /// Adds a number (its four little-endian bytes, then the separator).
    pub(crate) fn num(mut self, n: u32) -> Self {
        for b in n.to_le_bytes() {
            self.byte(b);
        }
        self.byte(0xff);
        self
    }
    pub(crate) fn finish(self) -> u64 {
        let mut x = self.0;
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^= x >> 33;
        x
    }
}

/// The bucket a feature hash falls into for `bits` hash bits.
pub fn bucket(feature: u64, bits: u32) -> usize {
    (feature & ((1u64 << bits) - 1)) as usize
}

/// Emission and transition scores over `N` tags.
pub trait Scores<const N: usize> {
    /// Adds the per-tag weights of one feature to `scores`.
    fn add_emission(&self, feature: u64, scores: &mut [f32; N]);
    /// Transition score `prev -> next` (`prev` None at the sequence start).
    fn transition(&self, prev: Option<usize>, next: usize) -> f32;
}

/// The best tag sequence for the per-token features `feats`, where `allowed(prev,
/// next)` says which tag may follow which. Ties go to the lower tag.
pub fn viterbi<const N: usize, W: Scores<N>>(
    w: &W,
    feats: &[Vec<u64>],
    allowed: impl Fn(Option<usize>, usize) -> bool,
) -> Vec<usize> {
    let n = feats.len();
    if n == 0 {
        return Vec::new();
    }
    let mut em = vec![[0f32; N]; n];
    for (i, fs) in feats.iter().enumerate() {
        for &f in fs {
            w.add_emission(f, &mut em[i]);
        }
    }
    // Row 0: from the start; row p + 1: from tag p.
    let mut trans = vec![[0f32; N]; N + 1];
    for (p, row) in trans.iter_mut().enumerate() {
        for (t, v) in row.iter_mut().enumerate() {
            let prev = if p == 0 { None } else { Some(p - 1) };
            *v = if allowed(prev, t) {
                w.transition(prev, t)
            } else {
                f32::NEG_INFINITY
            };
        }
    }
    let mut score = vec![[f32::NEG_INFINITY; N]; n];
    let mut back = vec![[0usize; N]; n];
    for t in 0..N {
        score[0][t] = trans[0][t] + em[0][t];
    }
    for i in 1..n {
        for t in 0..N {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0;
            for p in 0..N {
                let s = score[i - 1][p] + trans[p + 1][t];
                if s > best {
                    best = s;
                    arg = p;
                }
            }
            score[i][t] = best + em[i][t];
            back[i][t] = arg;
        }
    }
    let mut last = 0;
    for t in 1..N {
        if score[n - 1][t] > score[n - 1][last] {
            last = t;
        }
    }
    let mut tags = vec![0; n];
    tags[n - 1] = last;
    for i in (1..n).rev() {
        tags[i - 1] = back[i][tags[i]];
    }
    tags
}

/// Appends `d` as an LEB128 varint (seven bits a byte, high bit = more follows): the
/// bucket deltas of both model files.
pub(crate) fn push_varint(out: &mut Vec<u8>, mut d: u32) {
    loop {
        let byte = (d & 0x7f) as u8;
        d >>= 7;
        if d == 0 {
            out.push(byte);
            break;
        }
        out.push(byte | 0x80);
    }
}

/// Why a model file could not be read: which model, and what was wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelFileError {
    /// The model's name as shown to people ("ner model", "cue model", "cue filter").
    pub model: &'static str,
    pub message: String,
}

impl std::fmt::Display for ModelFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.model, self.message)
    }
}

impl std::error::Error for ModelFileError {}

/// Reads the little-endian fields of a model file, with the position for errors.
pub(crate) struct ByteReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> ByteReader<'a> {
    pub(crate) fn new(bytes: &'a [u8]) -> Self {
        ByteReader { bytes, at: 0 }
    }
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| format!("truncated file at byte {}", self.at))?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }
    /// Checks a model file's eight-byte magic and its format version.
    pub(crate) fn header(&mut self, magic: &[u8; 8], version: u32) -> Result<(), String> {
        if self.take(8)? != magic {
            return Err(String::from("bad magic (not this kind of model file)"));
        }
        let found = self.u32()?;
        if found != version {
            return Err(format!(
                "format version {found}, this build reads {version}"
            ));
        }
        Ok(())
    }
    pub(crate) fn array<const N: usize>(&mut self) -> Result<[u8; N], String> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    pub(crate) fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.array()?))
    }
    /// A varint written by [`push_varint`].
    pub(crate) fn varint(&mut self) -> Result<u32, String> {
        let mut d = 0u32;
        let mut shift = 0;
        loop {
            let b = self.take(1)?[0];
            if shift > 28 {
                return Err(format!("varint too long at byte {}", self.at));
            }
            d |= u32::from(b & 0x7f) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                return Ok(d);
            }
        }
    }
    /// True when every byte has been read.
    pub(crate) fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }
}
