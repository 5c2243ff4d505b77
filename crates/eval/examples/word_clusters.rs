//! Learns distributional word clusters from unlabeled text and writes the
//! cluster file the attribution cue tagger and filter read
//! (`analysis::attribution::word_clusters`).
//!
//! `cargo run --release -p eval --example word_clusters -- <out.bin> <text dir>... [--xml <dir>...]`
//!
//! e.g. (the embedded file; made before `train_cues` and `train_cue_filter`)
//!
//! ```text
//! cargo run --release -p eval --example word_clusters -- crates/analysis/models/word_clusters.bin \
//!     /work/shared/eval/attribution/polnear/train/text /work/shared/eval/timeline/timeline17/*/InputDocs \
//!     --xml /work/shared/eval/clustering/ecbplus
//! ```
//!
//! Every `.txt` file under a text directory is read as plain text (PTB bracket
//! tokens such as `-LRB-` are mapped back); every `.xml` file under a directory
//! after `--xml` as an ECB+ document (the text of its `<token>` elements). Never
//! give it evaluation (dev or test) texts.
//!
//! Method: tokens as the attribution analyzer makes them (`text::tokenize`,
//! lower-cased, typographic apostrophe folded). Words seen at least `MIN_COUNT`
//! times (at most `MAX_WORDS`, most frequent first) are clustered by their
//! contexts: the `CONTEXT_WORDS` most frequent words at each of the positions -2,
//! -1, +1, +2 (directional, so that words of the same syntactic use fall
//! together). Counts become positive PMI (context distribution smoothed with
//! exponent 0.75), reduced to `RANK` dimensions by a randomized truncated SVD
//! (power iterations, singular values weighted by their square root), and the
//! unit-length word vectors are clustered by spherical k-means (k-means++
//! seeding), top down: 16 clusters, each split into 16, each of those into 16
//! (leaf ids of 4 + 4 + 4 bits; about 33,000 words in about 4,100 leaves, a
//! 200 kB file, in about 10 s).
//! All random draws come from fixed seeds and every sum runs in a fixed order, so
//! the output is reproducible byte for byte. Only 32-bit word hashes and leaf ids
//! are written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use analysis::attribution::word_clusters::{word_key, WordClusters};
use eval::rng::Rng;

const MIN_COUNT: u32 = 3;
const MAX_WORDS: usize = 60_000;
const CONTEXT_WORDS: usize = 2_000;
const OFFSETS: [isize; 4] = [-2, -1, 1, 2];
const RANK: usize = 100;
const OVERSAMPLE: usize = 20;
const POWER_ITERATIONS: usize = 3;
const LEVEL_BITS: [u32; 3] = [4, 4, 4];
const KMEANS_ITERATIONS: usize = 30;
const SEED: u64 = 0x5eed_c1a5;

/// Files under `dir` (recursively) with extension `ext`, sorted.
fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, ext, out)?;
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
    Ok(())
}

/// Plain text with PTB bracket tokens mapped back.
fn plain_text(raw: &str) -> String {
    raw.replace("-LRB-", "(")
        .replace("-RRB-", ")")
        .replace("-LSB-", "[")
        .replace("-RSB-", "]")
        .replace("-LCB-", "{")
        .replace("-RCB-", "}")
        .replace("``", "\"")
        .replace("''", "\"")
}

/// Interned lower-cased tokens of every document.
struct Corpus {
    words: Vec<String>,
    counts: Vec<u32>,
    docs: Vec<Vec<u32>>,
}

impl Corpus {
    fn add(&mut self, ids: &mut std::collections::HashMap<String, u32>, text: &str) {
        let doc: Vec<u32> = text::tokenize(text)
            .iter()
            .map(|t| {
                let lower = t.text.to_lowercase().replace('\u{2019}', "'");
                let id = *ids.entry(lower.clone()).or_insert_with(|| {
                    self.words.push(lower);
                    self.counts.push(0);
                    (self.words.len() - 1) as u32
                });
                self.counts[id as usize] += 1;
                id
            })
            .collect();
        self.docs.push(doc);
    }
}

/// A sparse matrix in compressed rows.
struct Csr {
    cols: usize,
    row_start: Vec<usize>,
    col: Vec<u32>,
    val: Vec<f64>,
}

impl Csr {
    fn rows(&self) -> usize {
        self.row_start.len() - 1
    }
    fn row(&self, i: usize) -> impl Iterator<Item = (usize, f64)> + '_ {
        let (a, b) = (self.row_start[i], self.row_start[i + 1]);
        self.col[a..b]
            .iter()
            .zip(&self.val[a..b])
            .map(|(&c, &v)| (c as usize, v))
    }
    /// `self * m` for a dense row-major `cols x k` matrix.
    fn mul(&self, m: &[f64], k: usize) -> Vec<f64> {
        let mut out = vec![0.0; self.rows() * k];
        for i in 0..self.rows() {
            let o = &mut out[i * k..(i + 1) * k];
            for (c, v) in self.row(i) {
                for (x, y) in o.iter_mut().zip(&m[c * k..(c + 1) * k]) {
                    *x += v * y;
                }
            }
        }
        out
    }
    /// `self^T * m` for a dense row-major `rows x k` matrix.
    fn tmul(&self, m: &[f64], k: usize) -> Vec<f64> {
        let mut out = vec![0.0; self.cols * k];
        for i in 0..self.rows() {
            let mi = &m[i * k..(i + 1) * k];
            for (c, v) in self.row(i) {
                for (x, y) in out[c * k..(c + 1) * k].iter_mut().zip(mi) {
                    *x += v * y;
                }
            }
        }
        out
    }
}

/// Orthonormalises the columns of a row-major `n x k` matrix (modified
/// Gram-Schmidt; a column that vanishes stays zero).
fn orthonormalize(m: &mut [f64], n: usize, k: usize) {
    let mut cols: Vec<Vec<f64>> = (0..k)
        .map(|j| (0..n).map(|i| m[i * k + j]).collect())
        .collect();
    for j in 0..k {
        let (done, rest) = cols.split_at_mut(j);
        let cj = &mut rest[0];
        for cp in done.iter() {
            let d: f64 = cj.iter().zip(cp).map(|(a, b)| a * b).sum();
            for (a, b) in cj.iter_mut().zip(cp) {
                *a -= d * b;
            }
        }
        let norm = cj.iter().map(|a| a * a).sum::<f64>().sqrt();
        if norm > 1e-12 {
            for a in cj.iter_mut() {
                *a /= norm;
            }
        } else {
            cj.iter_mut().for_each(|a| *a = 0.0);
        }
    }
    for (j, c) in cols.iter().enumerate() {
        for (i, &v) in c.iter().enumerate() {
            m[i * k + j] = v;
        }
    }
}

/// Eigenvalues and eigenvectors (columns of the row-major result) of a symmetric
/// `n x n` matrix by cyclic Jacobi rotations.
fn symmetric_eigen(mut a: Vec<f64>, n: usize) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0; n * n];
    for i in 0..n {
        v[i * n + i] = 1.0;
    }
    for _sweep in 0..100 {
        let diag: f64 = (0..n).map(|i| a[i * n + i] * a[i * n + i]).sum();
        let off: f64 = (0..n)
            .flat_map(|p| (0..n).filter(move |&q| q != p).map(move |q| (p, q)))
            .map(|(p, q)| a[p * n + q] * a[p * n + q])
            .sum();
        if off <= 1e-24 * diag.max(1e-300) {
            break;
        }
        for p in 0..n {
            for q in p + 1..n {
                let apq = a[p * n + q];
                if apq.abs() < 1e-300 {
                    continue;
                }
                let theta = (a[q * n + q] - a[p * n + p]) / (2.0 * apq);
                let t = theta.signum() / (theta.abs() + (theta * theta + 1.0).sqrt());
                let c = 1.0 / (t * t + 1.0).sqrt();
                let s = t * c;
                for r in 0..n {
                    let (x, y) = (a[r * n + p], a[r * n + q]);
                    a[r * n + p] = c * x - s * y;
                    a[r * n + q] = s * x + c * y;
                }
                for r in 0..n {
                    let (x, y) = (a[p * n + r], a[q * n + r]);
                    a[p * n + r] = c * x - s * y;
                    a[q * n + r] = s * x + c * y;
                }
                for r in 0..n {
                    let (x, y) = (v[r * n + p], v[r * n + q]);
                    v[r * n + p] = c * x - s * y;
                    v[r * n + q] = s * x + c * y;
                }
            }
        }
    }
    ((0..n).map(|i| a[i * n + i]).collect(), v)
}

/// A uniform draw in [0, 1).
fn uniform(rng: &mut Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Spherical k-means of the unit rows `members` of `points` (`d` columns) into at
/// most `k` clusters (k-means++ seeding); the cluster of each member.
fn kmeans(points: &[f64], d: usize, members: &[usize], k: usize, rng: &mut Rng) -> Vec<usize> {
    if members.len() <= k {
        return (0..members.len()).collect();
    }
    let row = |m: usize| &points[members[m] * d..(members[m] + 1) * d];
    let dot = |a: &[f64], b: &[f64]| -> f64 { a.iter().zip(b).map(|(x, y)| x * y).sum() };
    // k-means++ on the cosine distance.
    let mut centers: Vec<Vec<f64>> =
        vec![row((rng.next_u64() % members.len() as u64) as usize).to_vec()];
    let mut dist: Vec<f64> = (0..members.len())
        .map(|m| (1.0 - dot(row(m), &centers[0])).max(0.0))
        .collect();
    while centers.len() < k {
        let total: f64 = dist.iter().sum();
        let pick = if total <= 0.0 {
            (rng.next_u64() % members.len() as u64) as usize
        } else {
            let mut target = uniform(rng) * total;
            let mut chosen = members.len() - 1;
            for (m, &dm) in dist.iter().enumerate() {
                if target < dm {
                    chosen = m;
                    break;
                }
                target -= dm;
            }
            chosen
        };
        let c = row(pick).to_vec();
        for (m, dm) in dist.iter_mut().enumerate() {
            *dm = dm.min((1.0 - dot(row(m), &c)).max(0.0));
        }
        centers.push(c);
    }
    let mut assign = vec![usize::MAX; members.len()];
    for _ in 0..KMEANS_ITERATIONS {
        let mut changed = false;
        for (m, a) in assign.iter_mut().enumerate() {
            let r = row(m);
            let mut best = (f64::NEG_INFINITY, 0);
            for (ci, c) in centers.iter().enumerate() {
                let s = dot(r, c);
                if s > best.0 {
                    best = (s, ci);
                }
            }
            if *a != best.1 {
                *a = best.1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
        let mut sums = vec![vec![0.0; d]; k];
        for (m, &a) in assign.iter().enumerate() {
            for (s, x) in sums[a].iter_mut().zip(row(m)) {
                *s += x;
            }
        }
        for (c, s) in centers.iter_mut().zip(sums) {
            let norm = s.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 1e-12 {
                *c = s.into_iter().map(|x| x / norm).collect();
            }
        }
    }
    assign
}

/// Top-down clustering: the leaf id (bits of every level, coarse first) of every
/// point.
fn hierarchical_leaves(points: &[f64], d: usize, n: usize, rng: &mut Rng) -> Vec<u16> {
    let mut leaf = vec![0u16; n];
    let mut groups: Vec<Vec<usize>> = vec![(0..n).collect()];
    for bits in LEVEL_BITS {
        let k = 1usize << bits;
        let mut next: Vec<Vec<usize>> = Vec::new();
        for g in &groups {
            let assign = kmeans(points, d, g, k, rng);
            let mut parts: Vec<Vec<usize>> = vec![Vec::new(); k];
            for (&p, &a) in g.iter().zip(&assign) {
                leaf[p] = (leaf[p] << bits) | a as u16;
                parts[a].push(p);
            }
            next.extend(parts.into_iter().filter(|p| !p.is_empty()));
        }
        groups = next;
    }
    leaf
}

fn run(out: &Path, text_dirs: &[PathBuf], xml_dirs: &[PathBuf]) -> Result<(), String> {
    let started = Instant::now();
    let mut corpus = Corpus {
        words: Vec::new(),
        counts: Vec::new(),
        docs: Vec::new(),
    };
    let mut ids = std::collections::HashMap::new();
    for (dirs, ext) in [(text_dirs, "txt"), (xml_dirs, "xml")] {
        for dir in dirs {
            let mut files = Vec::new();
            files_under(dir, ext, &mut files)
                .map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
            for f in files {
                let raw = std::fs::read_to_string(&f)
                    .map_err(|e| format!("cannot read {}: {e}", f.display()))?;
                let text = if ext == "xml" {
                    eval::clustering::text_from_tokens(&raw, false)
                        .map_err(|e| format!("{}: {e}", f.display()))?
                } else {
                    plain_text(&raw)
                };
                corpus.add(&mut ids, &text);
            }
        }
    }
    let tokens: usize = corpus.docs.iter().map(Vec::len).sum();
    // Words by falling count, ties by spelling.
    let mut by_freq: Vec<usize> = (0..corpus.words.len()).collect();
    by_freq.sort_by(|&a, &b| {
        corpus.counts[b]
            .cmp(&corpus.counts[a])
            .then_with(|| corpus.words[a].cmp(&corpus.words[b]))
    });
    let targets: Vec<usize> = by_freq
        .iter()
        .copied()
        .filter(|&w| corpus.counts[w] >= MIN_COUNT)
        .take(MAX_WORDS)
        .collect();
    let mut target_of = vec![u32::MAX; corpus.words.len()];
    for (ti, &w) in targets.iter().enumerate() {
        target_of[w] = ti as u32;
    }
    let mut context_of = vec![u32::MAX; corpus.words.len()];
    for (ci, &w) in by_freq.iter().take(CONTEXT_WORDS).enumerate() {
        context_of[w] = ci as u32;
    }
    eprintln!(
        "{} documents, {tokens} tokens, {} word types, {} clustered ({:.0}s)",
        corpus.docs.len(),
        corpus.words.len(),
        targets.len(),
        started.elapsed().as_secs_f64()
    );
    // Context features per target word: offset slot * CONTEXT_WORDS + context.
    let mut pairs: Vec<Vec<u32>> = vec![Vec::new(); targets.len()];
    for doc in &corpus.docs {
        for (i, &w) in doc.iter().enumerate() {
            let t = target_of[w as usize];
            if t == u32::MAX {
                continue;
            }
            for (slot, off) in OFFSETS.iter().enumerate() {
                let j = i as isize + off;
                if j < 0 || j >= doc.len() as isize {
                    continue;
                }
                let c = context_of[doc[j as usize] as usize];
                if c != u32::MAX {
                    pairs[t as usize].push(slot as u32 * CONTEXT_WORDS as u32 + c);
                }
            }
        }
    }
    let ncols = OFFSETS.len() * CONTEXT_WORDS;
    let mut counts = Csr {
        cols: ncols,
        row_start: vec![0],
        col: Vec::new(),
        val: Vec::new(),
    };
    for mut p in pairs {
        p.sort_unstable();
        let mut i = 0;
        while i < p.len() {
            let mut j = i;
            while j < p.len() && p[j] == p[i] {
                j += 1;
            }
            counts.col.push(p[i]);
            counts.val.push((j - i) as f64);
            i = j;
        }
        counts.row_start.push(counts.col.len());
    }
    // Positive PMI with smoothed context probabilities.
    let mut col_sum = vec![0.0f64; ncols];
    for (&c, &v) in counts.col.iter().zip(&counts.val) {
        col_sum[c as usize] += v;
    }
    let smoothed: Vec<f64> = col_sum.iter().map(|&c| c.powf(0.75)).collect();
    let smoothed_total: f64 = smoothed.iter().sum();
    let total: f64 = col_sum.iter().sum();
    let mut ppmi = Csr {
        cols: ncols,
        row_start: vec![0],
        col: Vec::new(),
        val: Vec::new(),
    };
    for i in 0..counts.rows() {
        let row_total: f64 = counts.row(i).map(|(_, v)| v).sum();
        for (c, v) in counts.row(i) {
            let p_context = smoothed[c] / smoothed_total;
            let pmi = ((v / total) / ((row_total / total) * p_context)).ln();
            if pmi > 0.0 {
                ppmi.col.push(c as u32);
                ppmi.val.push(pmi);
            }
        }
        ppmi.row_start.push(ppmi.col.len());
    }
    eprintln!(
        "PPMI: {} x {ncols}, {} non-zero ({:.0}s)",
        ppmi.rows(),
        ppmi.val.len(),
        started.elapsed().as_secs_f64()
    );
    // Randomized truncated SVD.
    let n = ppmi.rows();
    let k = RANK + OVERSAMPLE;
    let mut rng = Rng(SEED);
    let omega: Vec<f64> = (0..ncols * k)
        .map(|_| if rng.next_u64() >> 63 == 0 { 1.0 } else { -1.0 })
        .collect();
    let mut q = ppmi.mul(&omega, k);
    orthonormalize(&mut q, n, k);
    for _ in 0..POWER_ITERATIONS {
        let mut z = ppmi.tmul(&q, k);
        orthonormalize(&mut z, ncols, k);
        q = ppmi.mul(&z, k);
        orthonormalize(&mut q, n, k);
    }
    let z = ppmi.tmul(&q, k);
    let mut gram = vec![0.0; k * k];
    for r in 0..ncols {
        let zr = &z[r * k..(r + 1) * k];
        for a in 0..k {
            for b in 0..k {
                gram[a * k + b] += zr[a] * zr[b];
            }
        }
    }
    let (eigenvalues, eigenvectors) = symmetric_eigen(gram, k);
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&a, &b| eigenvalues[b].total_cmp(&eigenvalues[a]).then(a.cmp(&b)));
    order.truncate(RANK);
    // Word vectors: Q W scaled by the square root of the singular values.
    let mut vectors = vec![0.0f64; n * RANK];
    for i in 0..n {
        let qi = &q[i * k..(i + 1) * k];
        for (j, &e) in order.iter().enumerate() {
            let weight = eigenvalues[e].max(0.0).powf(0.25);
            let s: f64 = (0..k).map(|a| qi[a] * eigenvectors[a * k + e]).sum();
            vectors[i * RANK + j] = s * weight;
        }
        let norm = vectors[i * RANK..(i + 1) * RANK]
            .iter()
            .map(|x| x * x)
            .sum::<f64>()
            .sqrt();
        if norm > 1e-12 {
            vectors[i * RANK..(i + 1) * RANK]
                .iter_mut()
                .for_each(|x| *x /= norm);
        }
    }
    eprintln!(
        "SVD: top singular values {:.1} {:.1} {:.1} ({:.0}s)",
        eigenvalues[order[0]].max(0.0).sqrt(),
        eigenvalues[order[1]].max(0.0).sqrt(),
        eigenvalues[order[2]].max(0.0).sqrt(),
        started.elapsed().as_secs_f64()
    );
    let leaves = hierarchical_leaves(&vectors, RANK, n, &mut rng);
    let entries: Vec<(u32, u16)> = targets
        .iter()
        .zip(&leaves)
        .map(|(&w, &leaf)| (word_key(&corpus.words[w]), leaf))
        .collect();
    let table = WordClusters::new(LEVEL_BITS.to_vec(), entries).map_err(|e| e.to_string())?;
    // A few leaf-mates of probe words, to eyeball the clusters.
    for probe in [
        "said",
        "touting",
        "worries",
        "identified",
        "felt",
        "pronouncements",
    ] {
        let Some(leaf) = table.leaf(probe) else {
            eprintln!("{probe}: not clustered");
            continue;
        };
        let mates: Vec<&str> = targets
            .iter()
            .zip(&leaves)
            .filter(|&(_, &l)| l == leaf)
            .map(|(&w, _)| corpus.words[w].as_str())
            .take(12)
            .collect();
        eprintln!("{probe} ({leaf:010b}): {}", mates.join(" "));
    }
    let bytes = table.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    println!(
        "{} words in {} leaves; file {} bytes; {:.0}s",
        table.len(),
        {
            let mut l = leaves.clone();
            l.sort_unstable();
            l.dedup();
            l.len()
        },
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some((out, rest)) = args.split_first() else {
        eprintln!("usage: word_clusters <out.bin> <text dir>... [--xml <dir>...]");
        return ExitCode::from(2);
    };
    let mut text_dirs = Vec::new();
    let mut xml_dirs = Vec::new();
    let mut xml = false;
    for a in rest {
        if a == "--xml" {
            xml = true;
        } else if xml {
            xml_dirs.push(PathBuf::from(a));
        } else {
            text_dirs.push(PathBuf::from(a));
        }
    }
    if text_dirs.is_empty() && xml_dirs.is_empty() {
        eprintln!("no corpus directories given");
        return ExitCode::from(2);
    }
    match run(Path::new(out), &text_dirs, &xml_dirs) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
