//! The `ner` benchmark (CoNLL++ / CoNLL-2003 English, see ../shared/eval/README.md §4):
//! training our averaged-perceptron tagger on the train split and scoring the
//! embedded model on the dev split with entity-level micro F1 (conlleval semantics).
//!
//! Training ([`train`]) is deterministic: documents are shuffled each epoch with a
//! fixed-seed xorshift generator, the gazetteer features of a training document come
//! from the other nine tenths of the training data (so the model does not learn to
//! trust a gazetteer that always contains the answer), and the epoch with the best
//! dev F1 is kept. The POS and chunk columns are ignored.
//!
//! Reproduce the embedded model (byte for byte):
//! `cargo run --release -p eval --example train_ner -- ../shared/eval/ner/conllpp/conllpp_train.txt
//! ../shared/eval/ner/conllpp/conllpp_dev.txt crates/analysis/models/ner.bin` (15 epochs,
//! about 15 s of CPU; measured: dev F1 0.9313, model 1,327,996 bytes).
//! Score it: `cargo run --release -p cli -- eval ner ../shared/eval/ner/conllpp`.

use crate::rng::Rng;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use analysis::entities::tagger::{
    self, bucket, parse_tag, sentence_features, tag_type, viterbi, DocContext, Gazetteer, Model,
    Tag, Weights, NTAGS, TYPES,
};

use crate::{EvalError, EvalOptions, Report};

/// One CoNLL document: sentences of tokens with gold IOB2 tags.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDoc {
    pub sentences: Vec<Vec<String>>,
    pub tags: Vec<Vec<Tag>>,
}

/// Parses a CoNLL-2003 file (token POS chunk NER; blank line = sentence end;
/// `-DOCSTART-` = document start). Tags may be IOB1 or IOB2; they are kept as read.
pub fn parse_conll(path: &Path, content: &str) -> Result<Vec<ConllDoc>, EvalError> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut cur = ConllDoc::default();
    let mut words = Vec::new();
    let mut tags = Vec::new();
    let flush_sentence = |cur: &mut ConllDoc, words: &mut Vec<String>, tags: &mut Vec<Tag>| {
        if !words.is_empty() {
            cur.sentences.push(std::mem::take(words));
            cur.tags.push(std::mem::take(tags));
        }
    };
    for (lineno, line) in content.lines().enumerate() {
        let line = line.trim_end();
        if line.is_empty() {
            flush_sentence(&mut cur, &mut words, &mut tags);
            continue;
        }
        let cols: Vec<&str> = line.split(' ').collect();
        if cols[0] == "-DOCSTART-" {
            flush_sentence(&mut cur, &mut words, &mut tags);
            if !cur.sentences.is_empty() {
                docs.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let (Some(word), Some(label)) = (cols.first(), cols.last()) else {
            continue;
        };
        if cols.len() < 2 {
            return Err(EvalError::format(
                path,
                format!("line {}: expected `token ... tag`", lineno + 1),
            ));
        }
        let tag = parse_tag(label).ok_or_else(|| {
            EvalError::format(path, format!("line {}: unknown tag `{label}`", lineno + 1))
        })?;
        words.push((*word).to_string());
        tags.push(tag);
    }
    flush_sentence(&mut cur, &mut words, &mut tags);
    if !cur.sentences.is_empty() {
        docs.push(cur);
    }
    Ok(docs)
}

/// Entities of a tag sequence as `(start, end_exclusive, type)`, conlleval style:
/// an entity starts at `B-X`, or at `I-X` not preceded by a tag of type X.
pub fn chunks(tags: &[Tag]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = tag_type(t);
        let continues = match (open, ty) {
            (Some((_, oty)), Some(ty)) => tagger::is_inside(t) && oty == ty,
            _ => false,
        };
        if continues {
            continue;
        }
        if let Some((s, oty)) = open.take() {
            out.push((s, i, oty));
        }
        if let Some(ty) = ty {
            open = Some((i, ty));
        }
    }
    if let Some((s, oty)) = open {
        out.push((s, tags.len(), oty));
    }
    out
}

/// Correct / predicted / gold counts, pooled and per type.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub correct: [usize; 4],
    pub predicted: [usize; 4],
    pub gold: [usize; 4],
}

impl Counts {
    /// Adds one sentence.
    pub fn add(&mut self, gold: &[Tag], pred: &[Tag]) {
        let g = chunks(gold);
        let p = chunks(pred);
        for &(_, _, t) in &g {
            self.gold[t] += 1;
        }
        for e in &p {
            self.predicted[e.2] += 1;
            if g.contains(e) {
                self.correct[e.2] += 1;
            }
        }
    }

    /// (precision, recall, F1) over the types in `types`.
    pub fn prf(&self, types: &[usize]) -> (f64, f64, f64) {
        let c: usize = types.iter().map(|&t| self.correct[t]).sum();
        let p: usize = types.iter().map(|&t| self.predicted[t]).sum();
        let g: usize = types.iter().map(|&t| self.gold[t]).sum();
        let prec = if p == 0 { 0.0 } else { c as f64 / p as f64 };
        let rec = if g == 0 { 0.0 } else { c as f64 / g as f64 };
        let f1 = if prec + rec == 0.0 {
            0.0
        } else {
            2.0 * prec * rec / (prec + rec)
        };
        (prec, rec, f1)
    }

    /// Pooled micro F1.
    pub fn f1(&self) -> f64 {
        self.prf(&[0, 1, 2, 3]).2
    }
}

/// Recall on gold entities whose exact text never occurs as an entity in `train`
/// (how well the tagger finds names it has not memorised): (found, total).
pub fn unseen_recall(
    train: &[ConllDoc],
    docs: &[ConllDoc],
    preds: &[Vec<Vec<Tag>>],
) -> (usize, usize) {
    let mut known = std::collections::HashSet::new();
    for d in train {
        for (s, t) in d.sentences.iter().zip(&d.tags) {
            for (a, b, _) in chunks(t) {
                known.insert(s[a..b].join(" "));
            }
        }
    }
    let (mut found, mut total) = (0, 0);
    for (d, dp) in docs.iter().zip(preds) {
        for ((s, g), p) in d.sentences.iter().zip(&d.tags).zip(dp) {
            let pc = chunks(p);
            for e in chunks(g) {
                if !known.contains(&s[e.0..e.1].join(" ")) {
                    total += 1;
                    if pc.contains(&e) {
                        found += 1;
                    }
                }
            }
        }
    }
    (found, total)
}

fn dev_file(path: &Path) -> PathBuf {
    if path.is_dir() {
        path.join("conllpp_dev.txt")
    } else {
        path.to_path_buf()
    }
}

fn score_docs<W: Weights>(
    w: &W,
    gaz: &Gazetteer,
    docs: &[ConllDoc],
) -> (Counts, Vec<Vec<Vec<Tag>>>) {
    let mut counts = Counts::default();
    let mut all = Vec::with_capacity(docs.len());
    for d in docs {
        let mut ctx = DocContext::new(&d.sentences);
        let mut doc_pred = Vec::with_capacity(d.sentences.len());
        for (s, g) in d.sentences.iter().zip(&d.tags) {
            let feats = sentence_features(s, gaz, &ctx);
            let pred = viterbi(w, &feats);
            ctx.remember(s, &pred);
            counts.add(g, &pred);
            doc_pred.push(pred);
        }
        all.push(doc_pred);
    }
    (counts, all)
}

/// Scores the embedded model on the dev split (`path` = the conllpp folder or a file).
pub fn run(path: &Path, opts: &EvalOptions) -> Result<Report, EvalError> {
    let file = dev_file(path);
    let content = crate::read_to_string(&file)?;
    let mut docs = parse_conll(&file, &content)?;
    if let Some(n) = opts.limit {
        docs.truncate(n);
    }
    let model = analysis::entities::embedded_model()
        .map_err(|e| EvalError::format(&file, format!("embedded model: {e}")))?;
    let started = Instant::now();
    let (counts, preds) = score_docs(model, &model.gazetteer, &docs);
    let elapsed = started.elapsed();
    let tokens: usize = docs
        .iter()
        .flat_map(|d| d.sentences.iter())
        .map(Vec::len)
        .sum();
    let entities: usize = counts.gold.iter().sum();
    let mut report = Report::new(
        "ner",
        format!(
            "CoNLL++ dev: {} documents, {tokens} tokens, {entities} gold entities",
            docs.len()
        ),
    );
    let (p, r, f) = counts.prf(&[0, 1, 2, 3]);
    report.metric_with_anchor(
        "f1",
        f,
        "python-crfsuite CRF, CoNLL++ test [re-run]; Stanford CRF ~0.869 CoNLL-2003 test [approximate]",
        0.8253,
    );
    report.metric_with_anchor("precision", p, "python-crfsuite CRF, test [re-run]", 0.8392);
    report.metric_with_anchor("recall", r, "python-crfsuite CRF, test [re-run]", 0.8118);
    for (t, name) in TYPES.iter().enumerate() {
        report.metric(&format!("f1_{name}"), counts.prf(&[t]).2);
    }
    for (t, name) in TYPES.iter().enumerate() {
        report.note(format!(
            "{name}: gold {}, predicted {}, correct {}",
            counts.gold[t], counts.predicted[t], counts.correct[t]
        ));
    }
    report.note(format!(
        "tagging took {:.2}s ({:.0} tokens/s); anchors are on the test split, ours on dev",
        elapsed.as_secs_f64(),
        tokens as f64 / elapsed.as_secs_f64().max(1e-9)
    ));
    let train_file = path.join("conllpp_train.txt");
    if path.is_dir() && train_file.is_file() {
        let train_docs = parse_conll(&train_file, &crate::read_to_string(&train_file)?)?;
        let (found, total) = unseen_recall(&train_docs, &docs, &preds);
        if total > 0 {
            report.metric("recall_unseen", found as f64 / total as f64);
            report.note(format!(
                "recall_unseen: {found} of {total} gold entities whose text never occurs as a training entity"
            ));
        }
    }
    if let Some(dir) = &opts.details_dir {
        std::fs::create_dir_all(dir).map_err(|e| EvalError::io(dir, e))?;
        let mut out = String::new();
        for (d, dp) in docs.iter().zip(&preds) {
            out.push_str("-DOCSTART- O O\n\n");
            for ((s, g), p) in d.sentences.iter().zip(&d.tags).zip(dp) {
                for ((w, gt), pt) in s.iter().zip(g).zip(p) {
                    out.push_str(&format!(
                        "{w} {} {}\n",
                        tagger::tag_name(*gt),
                        tagger::tag_name(*pt)
                    ));
                }
                out.push('\n');
            }
        }
        let target = dir.join("ner_dev_predictions.txt");
        std::fs::write(&target, out).map_err(|e| EvalError::io(&target, e))?;
    }
    Ok(report)
}

// ---------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------

/// Hash bits used for training (buckets = 2^HASH_BITS).
pub const HASH_BITS: u32 = 20;
/// Number of folds for the jackknifed training gazetteer.
const GAZ_FOLDS: usize = 10;
/// Seed of the epoch shuffles.
const SEED: u64 = 0x5eed_2025_0001;

/// Dense perceptron weights with lazy averaging.
struct Perceptron {
    bits: u32,
    w: Vec<f32>,
    /// Sum over updates of `step * delta`, for averaging.
    u: Vec<f64>,
    tw: [[f32; NTAGS]; NTAGS + 1],
    tu: [[f64; NTAGS]; NTAGS + 1],
    step: f64,
}

impl Weights for Perceptron {
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]) {
        let b = bucket(feature, self.bits) * NTAGS;
        for (s, w) in scores.iter_mut().zip(&self.w[b..b + NTAGS]) {
            *s += *w;
        }
    }
    fn transition(&self, prev: Option<Tag>, next: Tag) -> f32 {
        self.tw[prev.map_or(0, |p| p + 1)][next]
    }
}

/// Plain (already averaged) weights.
struct Averaged {
    bits: u32,
    w: Vec<f32>,
    tw: [[f32; NTAGS]; NTAGS + 1],
}

impl Weights for Averaged {
    fn add_emission(&self, feature: u64, scores: &mut [f32; NTAGS]) {
        let b = bucket(feature, self.bits) * NTAGS;
        for (s, w) in scores.iter_mut().zip(&self.w[b..b + NTAGS]) {
            *s += *w;
        }
    }
    fn transition(&self, prev: Option<Tag>, next: Tag) -> f32 {
        self.tw[prev.map_or(0, |p| p + 1)][next]
    }
}

impl Perceptron {
    fn new(bits: u32) -> Self {
        let n = (1usize << bits) * NTAGS;
        Perceptron {
            bits,
            w: vec![0.0; n],
            u: vec![0.0; n],
            tw: [[0.0; NTAGS]; NTAGS + 1],
            tu: [[0.0; NTAGS]; NTAGS + 1],
            step: 1.0,
        }
    }

    fn bump(&mut self, feature: u64, tag: Tag, delta: f32) {
        let i = bucket(feature, self.bits) * NTAGS + tag;
        self.w[i] += delta;
        self.u[i] += self.step * f64::from(delta);
    }

    fn bump_trans(&mut self, prev: Option<Tag>, tag: Tag, delta: f32) {
        let r = prev.map_or(0, |p| p + 1);
        self.tw[r][tag] += delta;
        self.tu[r][tag] += self.step * f64::from(delta);
    }

    fn update(&mut self, feats: &[Vec<u64>], gold: &[Tag], pred: &[Tag]) {
        if gold != pred {
            for i in 0..gold.len() {
                if gold[i] != pred[i] {
                    for &f in &feats[i] {
                        self.bump(f, gold[i], 1.0);
                        self.bump(f, pred[i], -1.0);
                    }
                }
                let gp = (i > 0).then(|| gold[i - 1]);
                let pp = (i > 0).then(|| pred[i - 1]);
                if (gp, gold[i]) != (pp, pred[i]) {
                    self.bump_trans(gp, gold[i], 1.0);
                    self.bump_trans(pp, pred[i], -1.0);
                }
            }
        }
        self.step += 1.0;
    }

    fn averaged(&self) -> Averaged {
        let w = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (f64::from(w) - u / self.step) as f32)
            .collect();
        let mut tw = [[0.0; NTAGS]; NTAGS + 1];
        for ((out, w), u) in tw.iter_mut().zip(&self.tw).zip(&self.tu) {
            for ((o, &w), &u) in out.iter_mut().zip(w).zip(u) {
                *o = (f64::from(w) - u / self.step) as f32;
            }
        }
        Averaged {
            bits: self.bits,
            w,
            tw,
        }
    }
}

fn gazetteer_of<'a>(docs: impl Iterator<Item = &'a ConllDoc>) -> Gazetteer {
    let mut occ = Vec::new();
    for d in docs {
        for (s, t) in d.sentences.iter().zip(&d.tags) {
            for (a, b, ty) in chunks(t) {
                occ.push((s[a..b].iter().map(String::as_str).collect::<Vec<_>>(), ty));
            }
        }
    }
    Gazetteer::from_occurrences(occ)
}

/// What [`train`] did.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainSummary {
    /// Dev F1 after each epoch (averaged weights).
    pub dev_f1_per_epoch: Vec<f64>,
    /// The epoch (1-based) whose weights were saved.
    pub best_epoch: usize,
    /// Dev F1 of the saved model (after quantisation).
    pub dev_f1: f64,
    /// Size of the written model file in bytes.
    pub model_bytes: usize,
    pub seconds: f64,
}

/// Trains the tagger on `train`, picks the epoch by F1 on `dev`, writes the model to `out`.
pub fn train(
    train: &Path,
    dev: &Path,
    out: &Path,
    epochs: usize,
) -> Result<TrainSummary, EvalError> {
    let started = Instant::now();
    let train_docs = parse_conll(train, &crate::read_to_string(train)?)?;
    let dev_docs = parse_conll(dev, &crate::read_to_string(dev)?)?;
    if train_docs.is_empty() {
        return Err(EvalError::format(train, "no training sentences"));
    }
    let full_gaz = gazetteer_of(train_docs.iter());
    let fold_gaz: Vec<Gazetteer> = (0..GAZ_FOLDS)
        .map(|k| {
            gazetteer_of(
                train_docs
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % GAZ_FOLDS != k)
                    .map(|(_, d)| d),
            )
        })
        .collect();
    let contexts: Vec<DocContext> = train_docs
        .iter()
        .map(|d| DocContext::new(&d.sentences))
        .collect();
    let mut model = Perceptron::new(HASH_BITS);
    let mut rng = Rng(SEED);
    let mut order: Vec<usize> = (0..train_docs.len()).collect();
    let mut per_epoch = Vec::new();
    let mut best: Option<(f64, usize, Averaged)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        let mut mistakes = 0usize;
        for &di in &order {
            let d = &train_docs[di];
            let gaz = &fold_gaz[di % GAZ_FOLDS];
            let mut ctx = contexts[di].clone();
            for (s, gold) in d.sentences.iter().zip(&d.tags) {
                let feats = sentence_features(s, gaz, &ctx);
                let pred = viterbi(&model, &feats);
                if &pred != gold {
                    mistakes += 1;
                }
                model.update(&feats, gold, &pred);
                ctx.remember(s, &pred);
            }
        }
        let avg = model.averaged();
        let (counts, preds) = score_docs(&avg, &full_gaz, &dev_docs);
        let f1 = counts.f1();
        let (found, total) = unseen_recall(&train_docs, &dev_docs, &preds);
        eprintln!(
            "epoch {epoch}: {mistakes} sentences wrong in training, dev F1 {f1:.4}, unseen-entity recall {:.4} ({:.0}s)",
            found as f64 / total.max(1) as f64,
            started.elapsed().as_secs_f64()
        );
        per_epoch.push(f1);
        if best.as_ref().is_none_or(|(bf, _, _)| f1 > *bf) {
            best = Some((f1, epoch, avg));
        }
    }
    let Some((_, best_epoch, avg)) = best else {
        return Err(EvalError::format(train, "epochs must be at least 1"));
    };
    let quantised = Model::from_dense(avg.bits, &avg.w, avg.tw, full_gaz, QUANT_MIN);
    let (counts, _) = score_docs(&quantised, &quantised.gazetteer, &dev_docs);
    let bytes = quantised.to_bytes();
    std::fs::write(out, &bytes).map_err(|e| EvalError::io(out, e))?;
    Ok(TrainSummary {
        dev_f1_per_epoch: per_epoch,
        best_epoch,
        dev_f1: counts.f1(),
        model_bytes: bytes.len(),
        seconds: started.elapsed().as_secs_f64(),
    })
}

/// Buckets whose largest quantised weight is below this are dropped from the model.
const QUANT_MIN: i16 = 8;

/// Counts how often each tag occurs (a sanity check for data files).
pub fn tag_histogram(docs: &[ConllDoc]) -> HashMap<String, usize> {
    let mut h = HashMap::new();
    for d in docs {
        for t in d.tags.iter().flatten() {
            *h.entry(tagger::tag_name(*t)).or_insert(0) += 1;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(tags: &str, expect: expect_test::Expect) {
        let t: Vec<Tag> = tags
            .split_whitespace()
            .map(|s| parse_tag(s).expect("test tag"))
            .collect();
        let got: Vec<String> = chunks(&t)
            .into_iter()
            .map(|(s, e, ty)| format!("{}[{s},{e})", TYPES[ty]))
            .collect();
        expect.assert_eq(&got.join(" "));
    }

    #[test]
    fn chunks_follow_conlleval() {
        check(
            "B-PER I-PER O B-LOC",
            expect_test::expect!["PER[0,2) LOC[3,4)"],
        );
        // An I-X not preceded by X starts a new entity.
        check(
            "O I-ORG I-ORG B-ORG",
            expect_test::expect!["ORG[1,3) ORG[3,4)"],
        );
        check("B-PER I-LOC", expect_test::expect!["PER[0,1) LOC[1,2)"]);
        check(
            "B-MISC B-MISC I-MISC",
            expect_test::expect!["MISC[0,1) MISC[1,3)"],
        );
    }

    #[test]
    fn counts_need_exact_boundaries_and_type() {
        let gold: Vec<Tag> = ["B-PER", "I-PER", "O", "B-LOC"]
            .iter()
            .filter_map(|s| parse_tag(s))
            .collect();
        let pred: Vec<Tag> = ["B-PER", "O", "O", "B-LOC"]
            .iter()
            .filter_map(|s| parse_tag(s))
            .collect();
        let mut c = Counts::default();
        c.add(&gold, &pred);
        let (p, r, f) = c.prf(&[0, 1, 2, 3]);
        assert_eq!((p, r), (0.5, 0.5));
        assert!((f - 0.5).abs() < 1e-12);
    }

    #[test]
    fn parses_conll_documents() {
        let text = "-DOCSTART- -X- -X- O\n\nMira NNP B-NP B-PER\nVolk NNP I-NP I-PER\nsang VBD B-VP O\n\nHi UH O O\n\n-DOCSTART- -X- -X- O\n\nOrvia NNP B-NP B-LOC\n";
        let docs = parse_conll(Path::new("mem"), text).expect("parses");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[1].sentences[0], vec!["Orvia".to_string()]);
        assert!(parse_conll(Path::new("mem"), "x y z B-FOO\n").is_err());
    }
}
