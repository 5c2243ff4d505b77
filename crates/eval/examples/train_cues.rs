//! Trains the learned attribution-cue tagger and writes the model file.
//!
//! `cargo run --release -p eval --example train_cues -- <polnear/train> <out.bin> [epochs] [outside bias] [--all-units]`
//!
//! e.g. `cargo run --release -p eval --example train_cues -- \
//!   /work/shared/eval/attribution/polnear/train crates/analysis/models/cues.bin`
//! (defaults: 40 epochs, outside bias -30).
//!
//! Retrain order: the word clusters first (`word_clusters` example; the tagger's
//! features read the embedded `word_clusters.bin`, so rebuild after writing it),
//! then this tagger, then the cue filter (`train_cue_filter`), which is trained
//! on this tagger's output.
//!
//! Training units are the analysis units where the hand-written rules find no
//! attribution (the only units the learned cues are used in; `--all-units` trains
//! on every unit). Each annotation file is one training example (articles annotated
//! several times weigh more, as in the corpus statistics). The number of epochs is
//! picked by five-fold cross-validation over the articles (sorted by name), by the
//! pooled held-out cue F1 at the outside-tag bias the model is used with (the
//! tagger is used at that bias, and there the held-out F1 peaks far earlier than
//! without it); the final
//! model is then retrained on all articles for that many epochs and the
//! outside-tag bias is added to its transitions. The shuffle seed is fixed, so the output is
//! reproducible byte for byte. Only hashed-feature weights are written.

use eval::rng::Rng;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use analysis::attribution::cue_model::{
    allowed, bucket, chunks, viterbi, CueModel, CueWeights, NTAGS, TAG_B, TAG_I, TAG_O,
};
use analysis::attribution::cue_sequences;

const HASH_BITS: u32 = 18;
const SEED: u64 = 0x5eed_c0e5;

/// One training example: a unit's features (by index) and gold tags.
pub struct Example {
    seq: usize,
    tags: Vec<u8>,
    /// Index of the article (in name order).
    pub article: usize,
}

/// The tagger's training material of a PolNeAR folder.
pub struct Corpus {
    /// Features of every unit.
    pub seqs: Vec<Vec<Vec<u64>>>,
    /// One example per (annotation file, unit), in article order.
    pub examples: Vec<Example>,
}

struct Perceptron {
    w: Vec<f32>,
    acc: Vec<f32>,
    tw: [[f32; NTAGS]; NTAGS + 1],
    tacc: [[f32; NTAGS]; NTAGS + 1],
    c: f32,
}

impl CueWeights for Perceptron {
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]) {
        let b = bucket(feature, HASH_BITS) * NTAGS;
        for (t, s) in scores.iter_mut().enumerate() {
            *s += self.w[b + t];
        }
    }
    fn transition(&self, prev: Option<u8>, next: u8) -> f32 {
        self.tw[prev.map_or(0, |p| p as usize + 1)][next as usize]
    }
}

impl Perceptron {
    fn new() -> Self {
        let n = (1usize << HASH_BITS) * NTAGS;
        Perceptron {
            w: vec![0.0; n],
            acc: vec![0.0; n],
            tw: [[0.0; NTAGS]; NTAGS + 1],
            tacc: [[0.0; NTAGS]; NTAGS + 1],
            c: 1.0,
        }
    }
    fn bump(&mut self, feats: &[u64], tag: u8, delta: f32) {
        for &f in feats {
            let k = bucket(f, HASH_BITS) * NTAGS + tag as usize;
            self.w[k] += delta;
            self.acc[k] += self.c * delta;
        }
    }
    fn bump_t(&mut self, prev: Option<u8>, tag: u8, delta: f32) {
        let r = prev.map_or(0, |p| p as usize + 1);
        self.tw[r][tag as usize] += delta;
        self.tacc[r][tag as usize] += self.c * delta;
    }
    fn update(&mut self, feats: &[Vec<u64>], gold: &[u8], pred: &[u8]) {
        for i in 0..gold.len() {
            let gp = if i == 0 { None } else { Some(gold[i - 1]) };
            let pp = if i == 0 { None } else { Some(pred[i - 1]) };
            if gold[i] != pred[i] {
                self.bump(&feats[i], gold[i], 1.0);
                self.bump(&feats[i], pred[i], -1.0);
            }
            if gold[i] != pred[i] || gp != pp {
                self.bump_t(gp, gold[i], 1.0);
                self.bump_t(pp, pred[i], -1.0);
            }
        }
        self.c += 1.0;
    }
    fn averaged(&self) -> CueModel {
        let dense: Vec<f32> = self
            .w
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| w - a / self.c)
            .collect();
        let mut tw = [[0f32; NTAGS]; NTAGS + 1];
        for ((row, w), a) in tw.iter_mut().zip(&self.tw).zip(&self.tacc) {
            for ((v, w), a) in row.iter_mut().zip(w).zip(a) {
                *v = w - a / self.c;
            }
        }
        CueModel::from_dense(HASH_BITS, &dense, tw)
    }
}

/// Byte ranges of the Cue spans of one brat file (character offsets converted), one
/// entry per distinct cue annotation (a discontinuous cue has several ranges).
pub fn cue_annotations(ann: &str, char_to_byte: &[usize]) -> Vec<Vec<(usize, usize)>> {
    let mut out = std::collections::BTreeSet::new();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or("");
        let Some(body) = fields.next() else { continue };
        if !id.starts_with('T') {
            continue;
        }
        let Some(ranges) = body.strip_prefix("Cue ") else {
            continue;
        };
        let mut cue = Vec::new();
        for r in ranges.split(';') {
            let mut it = r.split_whitespace().map(str::parse::<usize>);
            if let (Some(Ok(a)), Some(Ok(b))) = (it.next(), it.next()) {
                if a < b && b < char_to_byte.len() {
                    cue.push((char_to_byte[a], char_to_byte[b]));
                }
            }
        }
        if !cue.is_empty() {
            cue.sort_unstable();
            out.insert(cue);
        }
    }
    out.into_iter().collect()
}

/// Gold tags of a unit: tokens overlapping a cue range, B on the first of a range.
fn gold_tags(spans: &[model::Span], cues: &[(usize, usize)]) -> Vec<u8> {
    let mut tags = vec![TAG_O; spans.len()];
    for &(a, b) in cues {
        let mut first = true;
        for (i, s) in spans.iter().enumerate() {
            if s.start < b && a < s.end {
                if first || tags[i] == TAG_O && i > 0 && tags[i - 1] == TAG_O {
                    tags[i] = TAG_B;
                } else if tags[i] == TAG_O {
                    tags[i] = TAG_I;
                }
                first = false;
            }
        }
    }
    // Keep the sequence valid (I only after B/I).
    for i in 0..tags.len() {
        let prev = if i == 0 { None } else { Some(tags[i - 1]) };
        if !allowed(prev, tags[i]) {
            tags[i] = TAG_B;
        }
    }
    tags
}

/// Overlap P/R/F1 of predicted against gold cue chunks.
/// Cue overlap counts of a tagger on `examples`: (matched, system, gold).
fn cue_counts(
    model: &CueModel,
    o_bias: f32,
    seqs: &[Vec<Vec<u64>>],
    examples: &[&Example],
) -> (usize, usize, usize) {
    let (mut matched, mut sys, mut gold) = (0usize, 0usize, 0usize);
    let mut cache: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for ex in examples {
        let pred = cache
            .entry(ex.seq)
            .or_insert_with(|| chunks(&model.tag_biased(&seqs[ex.seq], o_bias)));
        let g = chunks(&ex.tags);
        sys += pred.len();
        gold += g.len();
        matched += pred
            .iter()
            .filter(|p| g.iter().any(|q| p.0 < q.1 && q.0 < p.1))
            .count()
            .min(g.len());
    }
    (matched, sys, gold)
}

/// P, R and F1 from (matched, system, gold) counts.
fn prf((matched, sys, gold): (usize, usize, usize)) -> (f64, f64, f64) {
    let p = matched as f64 / sys.max(1) as f64;
    let r = matched as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Folds of the epoch choice (articles by index modulo this).
pub const EPOCH_FOLDS: usize = 5;

/// The number of epochs to train for, chosen by cross-validation: the articles
/// fall into five folds (by index), a tagger is trained on four of them for up to
/// `max_epochs` and scored after every epoch on the fifth, and the counts are
/// pooled over the five folds. The epoch whose pooled cue F1 at the outside bias
/// `o_bias` (the bias the tagger is used at) is best on average over it and its
/// two neighbours on each side is chosen (the curve is flat after a few epochs; a
/// single held-out tenth moved the choice from 11 to 18 epochs with a small rule
/// change). Returns that mean F1 and the epoch. With `log`, prints the curve.
pub fn held_out_epochs(corpus: &Corpus, max_epochs: usize, o_bias: f32, log: bool) -> (f64, usize) {
    let mut pooled = vec![(0usize, 0usize, 0usize); max_epochs];
    for fold in 0..EPOCH_FOLDS {
        let (held, tuning): (Vec<&Example>, Vec<&Example>) = corpus
            .examples
            .iter()
            .partition(|e| e.article % EPOCH_FOLDS == fold);
        train(&corpus.seqs, &tuning, max_epochs, |epoch, m| {
            let (a, b, c) = cue_counts(m, o_bias, &corpus.seqs, &held);
            let slot = &mut pooled[epoch - 1];
            *slot = (slot.0 + a, slot.1 + b, slot.2 + c);
        });
    }
    let curve: Vec<f64> = pooled.iter().map(|&c| prf(c).2).collect();
    if log {
        for (e, &c) in pooled.iter().enumerate() {
            let (p, r, f) = prf(c);
            eprintln!(
                "epoch {}: cross-validated cue overlap at outside bias {o_bias}: P {p:.4} R {r:.4} F1 {f:.4}",
                e + 1
            );
        }
    }
    let mut best = (0.0f64, 1usize);
    for e in 0..curve.len() {
        let window = &curve[e.saturating_sub(2)..(e + 3).min(curve.len())];
        let mean = window.iter().sum::<f64>() / window.len() as f64;
        if mean > best.0 {
            best = (mean, e + 1);
        }
    }
    best
}

/// Trains on the examples of the articles `keep` accepts for `epochs` epochs and
/// folds the outside-tag bias into the transitions (as the embedded model is made).
pub fn train_subset(
    corpus: &Corpus,
    keep: impl Fn(usize) -> bool,
    epochs: usize,
    o_bias: f32,
) -> CueModel {
    let examples: Vec<&Example> = corpus.examples.iter().filter(|e| keep(e.article)).collect();
    let mut model = train(&corpus.seqs, &examples, epochs, |_, _| {});
    for row in model.transitions.iter_mut() {
        row[TAG_O as usize] += o_bias;
    }
    model
}

fn train(
    seqs: &[Vec<Vec<u64>>],
    examples: &[&Example],
    epochs: usize,
    mut on_epoch: impl FnMut(usize, &CueModel),
) -> CueModel {
    let mut p = Perceptron::new();
    let mut rng = Rng(SEED);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = examples[k];
            let feats = &seqs[ex.seq];
            let pred = viterbi(&p, feats);
            if pred != ex.tags {
                p.update(feats, &ex.tags, &pred);
            } else {
                p.c += 1.0;
            }
        }
        on_epoch(epoch, &p.averaged());
    }
    p.averaged()
}

/// The files of `dir` with extension `ext`, sorted.
pub fn list(dir: &Path, ext: &str) -> std::io::Result<Vec<PathBuf>> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    Ok(v)
}

/// Reads the units and gold cue tags of the PolNeAR folder `root` (only units where
/// the rules find nothing unless `all_units`).
pub fn load_corpus(root: &Path, all_units: bool) -> Result<Corpus, String> {
    let (texts, anns) = match (
        list(&root.join("text"), "txt"),
        list(&root.join("attributions"), "ann"),
    ) {
        (Ok(t), Ok(a)) => (t, a),
        (Err(e), _) | (_, Err(e)) => {
            return Err(format!("cannot list {}: {e}", root.display()));
        }
    };
    let mut by_article: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for a in anns {
        if let Some((art, _)) = a
            .file_stem()
            .and_then(|s| s.to_str())
            .and_then(|s| s.rsplit_once('_'))
        {
            by_article
                .entry(art.to_string())
                .or_default()
                .push(a.clone());
        }
    }
    let mut seqs: Vec<Vec<Vec<u64>>> = Vec::new();
    let mut examples: Vec<Example> = Vec::new();
    for (ai, tp) in texts.iter().enumerate() {
        let Some(name) = tp.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Some(files) = by_article.get(name) else {
            continue;
        };
        let text = match std::fs::read_to_string(tp) {
            Ok(t) => t,
            Err(e) => {
                return Err(format!("cannot read {}: {e}", tp.display()));
            }
        };
        let mut char_to_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        char_to_byte.push(text.len());
        let sentences = text::split_sentences(&text);
        let units = cue_sequences(&text, &sentences);
        let base = seqs.len();
        let unit_spans: Vec<Option<Vec<model::Span>>> = units
            .iter()
            .map(|u| (all_units || !u.rule_cues).then(|| u.spans.clone()))
            .collect();
        seqs.extend(units.into_iter().map(|u| u.feats));
        for f in files {
            let ann = match std::fs::read_to_string(f) {
                Ok(a) => a,
                Err(e) => {
                    return Err(format!("cannot read {}: {e}", f.display()));
                }
            };
            let cues: Vec<(usize, usize)> = cue_annotations(&ann, &char_to_byte)
                .into_iter()
                .flatten()
                .collect();
            for (k, spans) in unit_spans.iter().enumerate() {
                let Some(spans) = spans.as_ref().filter(|s| !s.is_empty()) else {
                    continue;
                };
                examples.push(Example {
                    seq: base + k,
                    tags: gold_tags(spans, &cues),
                    article: ai,
                });
            }
        }
    }
    Ok(Corpus { seqs, examples })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!(
            "usage: train_cues <polnear/train> <out.bin> [epochs] [outside bias] [--all-units]"
        );
        return ExitCode::from(2);
    }
    let epochs = match args.get(2).map(|s| s.parse::<usize>()) {
        None => 40,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("epochs must be a positive integer");
            return ExitCode::from(2);
        }
    };
    let o_bias = match args.get(3).map(|s| s.parse::<f32>()) {
        None => -30.0,
        Some(Ok(b)) if b.is_finite() => b,
        Some(_) => {
            eprintln!("outside bias must be a number");
            return ExitCode::from(2);
        }
    };
    let all_units = args.iter().any(|a| a == "--all-units");
    let started = Instant::now();
    let root = PathBuf::from(&args[0]);
    let out = PathBuf::from(&args[1]);
    let corpus = match load_corpus(&root, all_units) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    eprintln!(
        "{} units, {} examples ({:.0}s)",
        corpus.seqs.len(),
        corpus.examples.len(),
        started.elapsed().as_secs_f64()
    );
    let best = held_out_epochs(&corpus, epochs, o_bias, true);
    let all: Vec<&Example> = corpus.examples.iter().collect();
    let mut model = train(&corpus.seqs, &all, best.1, |_, _| {});
    for row in model.transitions.iter_mut() {
        row[TAG_O as usize] += o_bias;
    }
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "best epoch {} (held-out F1 {:.4}, mean of five epochs); outside bias {o_bias}; model {} bytes; {:.0}s",
        best.1,
        best.0,
        bytes.len(),
        started.elapsed().as_secs_f64()
    );
    ExitCode::SUCCESS
}
