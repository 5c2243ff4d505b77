//! Trains the learned attribution-cue filter and writes the model file.
//!
//! `cargo run --release -p eval --example train_cue_filter -- <polnear/train> <out.bin> [epochs]`
//!
//! e.g. `cargo run --release -p eval --example train_cue_filter -- \
//!   /work/shared/eval/attribution/polnear/train crates/analysis/models/cue_filter.bin`
//! (default: 30 epochs at most).
//!
//! Retrain order: the word clusters (`word_clusters` example), then the tagger
//! (`train_cues`), then this filter last; rebuild between steps, since each model
//! file is compiled in and the next one is trained on its output.
//!
//! Candidates are the attributions the rules and a cue tagger find
//! (`analysis::attribution::cue_candidates_with`, with the article's headline as
//! post title, as the benchmark runs it). The tagger is cross-fitted: the articles
//! fall into five folds (by index) and each article's candidates come from a tagger
//! trained as `train_cues` trains the embedded one (the epochs it picks, outside bias -30)
//! on the other four folds, so that the filter sees learned cues as precise as
//! they are on unseen text (the embedded tagger is far more precise on its own
//! training articles). Retrain after any rule change. A candidate
//! is positive when its cue overlaps a gold cue of the annotation file; every
//! annotation file is one set of examples. The epoch count and threshold are chosen
//! out of fold: each fold's candidates are scored after every epoch by a filter
//! trained on the other folds, and of the epochs and thresholds whose pooled cue
//! F1 (kept positives against the gold cue count; protected candidates always
//! kept) is within `F1_TIE` (0.001) of the best, the most precise is kept. The
//! out-of-fold F1 is flat (0.7828–0.7840 over 30 epochs, thresholds from −4 to
//! −18), so taking its plain maximum tossed a coin between settings: two retrains
//! after a neutral rule change picked epochs 3 and 6 and moved PolNeAR dev source
//! F1 from 0.8060 to 0.8023. Preferring precision among the ties picked epoch 4
//! both times (dev source 0.8067 and 0.8077, relation 0.7512 and 0.7521) and
//! drops doubtful attributions a reader would have to discard. The final model is retrained on all articles for that
//! many epochs and stores that threshold. Every filter is the average of five
//! trained with different fixed shuffle seeds (`SEEDS`), so the output is
//! reproducible byte for byte. Against one seed, on four seed sets, the five-seed
//! filter gave out-of-fold F1 0.7839–0.7844 (one seed: 0.7833–0.7839) and
//! PolNeAR dev relation F1 0.7482–0.7500 (one seed: 0.7444–0.7469).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use analysis::attribution::cue_candidates_with;
use analysis::attribution::cue_filter::CueFilter;
use analysis::sequence::bucket;

#[path = "train_cues.rs"]
#[allow(dead_code)]
mod train_cues;

use eval::rng::Rng;

const HASH_BITS: u32 = 16;
/// Cross-fitting folds for the cue tagger.
const FOLDS: usize = 5;
/// Outside bias of the fold taggers (the one `train_cues` uses); their epochs are
/// picked the way `train_cues` picks them.
const CUE_OUTSIDE_BIAS: f32 = -30.0;
/// Epochs `train_cues` tries by default.
const CUE_MAX_EPOCHS: usize = 40;
const SEED: u64 = 0x5eed_f117;
/// Filters trained with shuffle seeds `SEED`, `SEED + 1`, … whose weights are
/// averaged (out of fold, their scores): one seed's pick of epoch and threshold
/// on the flat out-of-fold curve is partly chance.
const SEEDS: u64 = 5;

/// One labelled candidate: index into the candidate table and label.
struct Example {
    cand: usize,
    positive: bool,
}

/// The candidates of one annotation file and its number of gold cues.
struct FileExamples {
    examples: Vec<Example>,
    gold: usize,
}

struct Perceptron {
    w: Vec<f32>,
    acc: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn new() -> Self {
        let n = 1usize << HASH_BITS;
        Perceptron {
            w: vec![0.0; n],
            acc: vec![0.0; n],
            c: 1.0,
        }
    }
    fn score(&self, feats: &[u64]) -> f32 {
        feats.iter().map(|&f| self.w[bucket(f, HASH_BITS)]).sum()
    }
    fn update(&mut self, feats: &[u64], delta: f32) {
        for &f in feats {
            let k = bucket(f, HASH_BITS);
            self.w[k] += delta;
            self.acc[k] += self.c * delta;
        }
    }
    fn dense(&self) -> Vec<f32> {
        self.w
            .iter()
            .zip(&self.acc)
            .map(|(w, a)| w - a / self.c)
            .collect()
    }
    fn averaged(&self, threshold: f32) -> CueFilter {
        CueFilter::from_dense(HASH_BITS, &self.dense(), threshold)
    }
}

/// Out-of-fold F1 within this of the best counts as a tie (the spread of the
/// best F1 between seed sets and retrains is about 0.0005–0.001).
const F1_TIE: f64 = 0.001;

/// The operating point on `files` for a scorer: (F1, threshold, P, R). Among the
/// thresholds whose F1 is within [`F1_TIE`] of the best, the most precise: where
/// F1 is flat, fewer false attributions serve a reader better than more
/// doubtful ones.
fn best_threshold(
    files: &[FileExamples],
    protected: &[bool],
    score: impl Fn(usize) -> f32,
) -> (f64, f32, f64, f64) {
    let points = threshold_points(files, protected, score);
    let best_f = points.iter().map(|p| p.0).fold(0.0, f64::max);
    most_precise(&points, best_f)
}

/// The most precise of `points` (F1, threshold, P, R) within [`F1_TIE`] of
/// `best_f`; on a tie of precision, the first.
fn most_precise(points: &[(f64, f32, f64, f64)], best_f: f64) -> (f64, f32, f64, f64) {
    points
        .iter()
        .filter(|p| p.0 >= best_f - F1_TIE)
        .fold(None, |acc: Option<(f64, f32, f64, f64)>, p| match acc {
            Some(a) if a.2 >= p.2 => Some(a),
            _ => Some(*p),
        })
        .unwrap_or((0.0, f32::NEG_INFINITY, 0.0, 0.0))
}

/// Every threshold's (F1, threshold, P, R) on `files`, from keeping all to
/// keeping the highest-scoring candidates only.
fn threshold_points(
    files: &[FileExamples],
    protected: &[bool],
    score: impl Fn(usize) -> f32,
) -> Vec<(f64, f32, f64, f64)> {
    let gold: usize = files.iter().map(|f| f.gold).sum();
    let mut fixed_tp = 0usize;
    let mut fixed_sys = 0usize;
    let mut scored: Vec<(f32, bool)> = Vec::new();
    for f in files {
        for e in &f.examples {
            if protected[e.cand] {
                fixed_sys += 1;
                fixed_tp += usize::from(e.positive);
            } else {
                scored.push((score(e.cand), e.positive));
            }
        }
    }
    // Keep everything scoring >= t: walk thresholds from high to low.
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let f1 = |tp: usize, sys: usize| {
        let p = tp as f64 / sys.max(1) as f64;
        let r = tp as f64 / gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (f, p, r)
    };
    let all_tp = fixed_tp + scored.iter().filter(|s| s.1).count();
    let (f, p, r) = f1(all_tp, fixed_sys + scored.len());
    let mut points = vec![(f, f32::NEG_INFINITY, p, r)];
    let (mut tp, mut sys) = (fixed_tp, fixed_sys);
    let mut k = 0;
    while k < scored.len() {
        let t = scored[k].0;
        while k < scored.len() && scored[k].0 == t {
            tp += usize::from(scored[k].1);
            sys += 1;
            k += 1;
        }
        let (f, p, r) = f1(tp, sys);
        // Halfway to the next lower score, so that nearby scores fall alike.
        let next = scored.get(k).map_or(t - 1.0, |s| s.0);
        points.push((f, (t + next) / 2.0, p, r));
    }
    points
}

fn train(
    feats: &[Vec<u64>],
    examples: &[&Example],
    epochs: usize,
    seed: u64,
    mut on_epoch: impl FnMut(usize, &Perceptron),
) -> Perceptron {
    let mut p = Perceptron::new();
    let mut rng = Rng(seed);
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = examples[k];
            let f = &feats[ex.cand];
            let y = if ex.positive { 1.0 } else { -1.0 };
            if p.score(f) * y <= 0.0 {
                p.update(f, y);
            }
            p.c += 1.0;
        }
        on_epoch(epoch, &p);
    }
    p
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: train_cue_filter <polnear/train> <out.bin> [epochs]");
        return ExitCode::from(2);
    }
    let epochs = match args.get(2).map(|s| s.parse::<usize>()) {
        None => 30,
        Some(Ok(n)) if n > 0 => n,
        Some(_) => {
            eprintln!("epochs must be a positive integer");
            return ExitCode::from(2);
        }
    };
    let root = PathBuf::from(&args[0]);
    let out = PathBuf::from(&args[1]);
    let (texts, anns) = match (
        train_cues::list(&root.join("text"), "txt"),
        train_cues::list(&root.join("attributions"), "ann"),
    ) {
        (Ok(t), Ok(a)) => (t, a),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("cannot list {}: {e}", root.display());
            return ExitCode::FAILURE;
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
    let corpus = match train_cues::load_corpus(&root, false) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let (_, cue_epochs) =
        train_cues::held_out_epochs(&corpus, CUE_MAX_EPOCHS, CUE_OUTSIDE_BIAS, false);
    eprintln!("fold cue taggers: {cue_epochs} epochs");
    let fold_models: Vec<_> = (0..FOLDS)
        .map(|k| {
            train_cues::train_subset(&corpus, |a| a % FOLDS != k, cue_epochs, CUE_OUTSIDE_BIAS)
        })
        .collect();
    eprintln!("{FOLDS} fold cue taggers trained");
    let mut feats: Vec<Vec<u64>> = Vec::new();
    let mut protected: Vec<bool> = Vec::new();
    let mut learned: Vec<bool> = Vec::new();
    // (fold, examples) per annotation file.
    let mut files_by_fold: Vec<(usize, FileExamples)> = Vec::new();
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
                eprintln!("cannot read {}: {e}", tp.display());
                return ExitCode::FAILURE;
            }
        };
        let mut char_to_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        char_to_byte.push(text.len());
        let sentences = text::split_sentences(&text);
        let posts = [eval::attribution::article_post(&text)];
        let cands = cue_candidates_with(&text, &sentences, &posts, fold_models.get(ai % FOLDS));
        let base = feats.len();
        let cue_spans: Vec<model::Span> = cands.iter().map(|c| c.cue).collect();
        for c in cands {
            feats.push(c.feats);
            protected.push(c.protected);
            learned.push(c.learned);
        }
        for f in files {
            let ann = match std::fs::read_to_string(f) {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("cannot read {}: {e}", f.display());
                    return ExitCode::FAILURE;
                }
            };
            let gold = train_cues::cue_annotations(&ann, &char_to_byte);
            let examples = cue_spans
                .iter()
                .enumerate()
                .map(|(k, s)| Example {
                    cand: base + k,
                    positive: gold
                        .iter()
                        .flatten()
                        .any(|&(a, b)| s.start < b && a < s.end),
                })
                .collect();
            let fe = FileExamples {
                examples,
                gold: gold.len(),
            };
            files_by_fold.push((ai % FOLDS, fe));
        }
    }
    let files: Vec<FileExamples> = files_by_fold
        .iter()
        .map(|(_, f)| FileExamples {
            examples: f
                .examples
                .iter()
                .map(|e| Example {
                    cand: e.cand,
                    positive: e.positive,
                })
                .collect(),
            gold: f.gold,
        })
        .collect();
    eprintln!(
        "{} candidates; {} examples",
        feats.len(),
        files.iter().map(|f| f.examples.len()).sum::<usize>()
    );
    for (origin, is_learned) in [("rule", false), ("learned", true)] {
        let (mut n, mut pos) = (0usize, 0usize);
        for e in files.iter().flat_map(|f| &f.examples) {
            if learned[e.cand] == is_learned {
                n += 1;
                pos += usize::from(e.positive);
            }
        }
        eprintln!(
            "{origin} cues: {n} examples, precision {:.4}",
            pos as f64 / n.max(1) as f64
        );
    }
    // Out-of-fold scores per epoch: each fold scored by a filter trained on the
    // other folds.
    let mut oof: Vec<Vec<f32>> = vec![vec![0.0; feats.len()]; epochs];
    for k in 0..FOLDS {
        let tuning: Vec<&Example> = files_by_fold
            .iter()
            .filter(|(fold, _)| *fold != k)
            .flat_map(|(_, f)| &f.examples)
            .collect();
        let held: Vec<usize> = files_by_fold
            .iter()
            .filter(|(fold, _)| *fold == k)
            .flat_map(|(_, f)| f.examples.iter().map(|e| e.cand))
            .collect();
        // An article's candidates are listed once per annotation file.
        let mut held = held;
        held.sort_unstable();
        held.dedup();
        for s in 0..SEEDS {
            train(&feats, &tuning, epochs, SEED + s, |epoch, p| {
                let m = p.averaged(0.0);
                for &c in &held {
                    oof[epoch - 1][c] += m.score(&feats[c]) / SEEDS as f32;
                }
            });
        }
    }
    let (f0, _, p0, r0) = best_threshold(&files, &protected, |_| 0.0);
    eprintln!("out-of-fold without filter: cue P {p0:.4} R {r0:.4} F1 {f0:.4}");
    // Every epoch's operating points; the epoch and threshold kept are the most
    // precise within F1_TIE of the best F1 over all epochs (the out-of-fold F1
    // is flat over epochs and thresholds, so the plain maximum is a coin toss
    // between settings whose precision differs by 0.01).
    let points: Vec<Vec<(f64, f32, f64, f64)>> = oof
        .iter()
        .map(|scores| threshold_points(&files, &protected, |c| scores[c]))
        .collect();
    let best_f = points.iter().flatten().map(|p| p.0).fold(f0, f64::max);
    let mut best = (f0, 0usize, f32::NEG_INFINITY, p0);
    for (e, pts) in points.iter().enumerate() {
        let (f, t, pr, r) = most_precise(pts, best_f);
        if t == f32::NEG_INFINITY {
            let top = pts.iter().map(|p| p.0).fold(0.0, f64::max);
            eprintln!(
                "epoch {}: best out-of-fold cue F1 {top:.4}, not within {F1_TIE} of {best_f:.4}",
                e + 1
            );
            continue;
        }
        eprintln!(
            "epoch {}: out-of-fold cue P {pr:.4} R {r:.4} F1 {f:.4} at threshold {t:.3}",
            e + 1
        );
        if f >= best_f - F1_TIE && pr > best.3 {
            best = (f, e + 1, t, pr);
        }
    }
    if best.1 == 0 {
        eprintln!("no epoch beats keeping every candidate; writing an empty filter");
        if let Err(e) = std::fs::write(&out, []) {
            eprintln!("cannot write {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        return ExitCode::SUCCESS;
    }
    let all: Vec<&Example> = files.iter().flat_map(|f| &f.examples).collect();
    let mut sum = vec![0f32; 1usize << HASH_BITS];
    for s in 0..SEEDS {
        let d = train(&feats, &all, best.1, SEED + s, |_, _| {}).dense();
        for (acc, x) in sum.iter_mut().zip(d) {
            *acc += x / SEEDS as f32;
        }
    }
    let model = CueFilter::from_dense(HASH_BITS, &sum, best.2);
    let bytes = model.to_bytes();
    if let Err(e) = std::fs::write(&out, &bytes) {
        eprintln!("cannot write {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    println!(
        "chosen epoch {} (out-of-fold cue F1 {:.4}, P {:.4}, threshold {:.3}; best F1 over all settings {:.4}); model {} bytes",
        best.1,
        best.0,
        best.3,
        best.2,
        best_f,
        bytes.len()
    );
    ExitCode::SUCCESS
}
