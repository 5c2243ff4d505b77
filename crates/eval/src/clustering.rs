//! Scorer for the `clustering` benchmark: ECB+ topics 1–35 (see
//! ../shared/eval/README.md, section 5).
//!
//! Documents are rebuilt from their XML tokens (sentence 0 of `…ecbplus.xml`
//! documents is the source URL and is skipped), fed to
//! [`fusion::stories::StoryClusterer`] one by one in a deterministic order that
//! interleaves topics (document number, then topic, then file name — never grouped
//! by gold label), and the predicted topics and stories are scored against the gold
//! topic (folder) and sub-topic (topic + `ecb`/`ecbplus`) labels with B³,
//! pairwise F1 and the adjusted Rand index.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use fusion::stories::{StoryClusterer, StoryConfig, StoryInput};

use crate::{EvalError, EvalOptions, Report};

/// Shuffled feeding orders the scorer also reports (order sensitivity).
const SHUFFLED_ORDERS: u64 = 8;

/// Customary dev topics (README section 5, approximate).
const DEV_TOPICS: &[u32] = &[2, 5, 12, 18, 21, 23, 34, 35];

/// One ECB+ document with its gold labels.
#[derive(Debug, Clone)]
pub struct EcbDoc {
    /// File name without directory, e.g. `1_10ecbplus.xml`.
    pub name: String,
    pub topic: u32,
    /// `true` for `…ecbplus.xml`.
    pub plus: bool,
    /// Number within the topic (`10` in `1_10ecb.xml`).
    pub number: u32,
    pub text: String,
}

/// Clustering figures for one label level.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ClusterScores {
    pub b3_p: f64,
    pub b3_r: f64,
    pub b3_f1: f64,
    pub pairwise_p: f64,
    pub pairwise_r: f64,
    pub pairwise_f1: f64,
    pub ari: f64,
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// Rebuilds a document's text from its `<token>` elements, one sentence per line,
/// skipping sentence 0 when `skip_first_sentence`.
pub fn text_from_tokens(xml: &str, skip_first_sentence: bool) -> Result<String, String> {
    let mut out = String::with_capacity(xml.len() / 8);
    let mut current: Option<i64> = None;
    let mut rest = xml;
    while let Some(pos) = rest.find("<token ") {
        rest = &rest[pos..];
        let close = rest.find('>').ok_or("unterminated <token> tag")?;
        let tag = &rest[..close];
        let body_end = rest[close..]
            .find("</token>")
            .ok_or("<token> without </token>")?
            + close;
        let word = unescape(&rest[close + 1..body_end]);
        let sentence: i64 = attr(tag, "sentence")
            .ok_or("<token> without sentence attribute")?
            .parse()
            .map_err(|_| "non-numeric sentence attribute")?;
        rest = &rest[body_end..];
        if skip_first_sentence && sentence == 0 {
            continue;
        }
        if current != Some(sentence) {
            if current.is_some() {
                out.push('\n');
            }
            current = Some(sentence);
        } else {
            out.push(' ');
        }
        out.push_str(&word);
    }
    Ok(out)
}

fn parse_name(name: &str) -> Option<(u32, u32, bool)> {
    let stem = name.strip_suffix(".xml")?;
    let (topic, rest) = stem.split_once('_')?;
    let (num, plus) = if let Some(n) = rest.strip_suffix("ecbplus") {
        (n, true)
    } else {
        (rest.strip_suffix("ecb")?, false)
    };
    Some((topic.parse().ok()?, num.parse().ok()?, plus))
}

/// Reads every topic folder under `root`, in the interleaved feeding order.
pub fn load(root: &Path) -> Result<Vec<EcbDoc>, EvalError> {
    let mut docs = Vec::new();
    let entries = std::fs::read_dir(root).map_err(|e| EvalError::io(root, e))?;
    let mut dirs: Vec<PathBuf> = Vec::new();
    for e in entries {
        let e = e.map_err(|e| EvalError::io(root, e))?;
        if e.path().is_dir() {
            dirs.push(e.path());
        }
    }
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| EvalError::io(&dir, e))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "xml"))
            .collect();
        files.sort();
        for f in files {
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let Some((topic, number, plus)) = parse_name(&name) else {
                return Err(EvalError::format(
                    &f,
                    "file name is not <topic>_<n>ecb[plus].xml",
                ));
            };
            let xml = crate::read_to_string(&f)?;
            let text = text_from_tokens(&xml, plus).map_err(|m| EvalError::format(&f, m))?;
            docs.push(EcbDoc {
                name,
                topic,
                plus,
                number,
                text,
            });
        }
    }
    if docs.is_empty() {
        return Err(EvalError::format(
            root,
            "no ECB+ topic folders with XML files",
        ));
    }
    docs.sort_by(|a, b| {
        (a.number, a.topic, a.plus, &a.name).cmp(&(b.number, b.topic, b.plus, &b.name))
    });
    Ok(docs)
}

fn choose2(n: usize) -> f64 {
    let n = n as f64;
    n * (n - 1.0) / 2.0
}

/// B³, pairwise and ARI of `pred` against `gold` (same length; labels are arbitrary).
pub fn score<P: Ord + Clone, G: Ord + Clone>(pred: &[P], gold: &[G]) -> ClusterScores {
    let n = pred.len().min(gold.len());
    if n == 0 {
        return ClusterScores::default();
    }
    let mut table: BTreeMap<(P, G), usize> = BTreeMap::new();
    let mut psize: BTreeMap<P, usize> = BTreeMap::new();
    let mut gsize: BTreeMap<G, usize> = BTreeMap::new();
    for i in 0..n {
        *table.entry((pred[i].clone(), gold[i].clone())).or_insert(0) += 1;
        *psize.entry(pred[i].clone()).or_insert(0) += 1;
        *gsize.entry(gold[i].clone()).or_insert(0) += 1;
    }
    // B³: each doc in cell (p, g) has precision cell/|p| and recall cell/|g|.
    let (mut bp, mut br) = (0.0, 0.0);
    for ((p, g), &c) in &table {
        let c = c as f64;
        bp += c * c / psize[p] as f64;
        br += c * c / gsize[g] as f64;
    }
    bp /= n as f64;
    br /= n as f64;
    let f = |p: f64, r: f64| {
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    };
    let sum_cells: f64 = table.values().map(|&c| choose2(c)).sum();
    let sum_p: f64 = psize.values().map(|&c| choose2(c)).sum();
    let sum_g: f64 = gsize.values().map(|&c| choose2(c)).sum();
    let pp = if sum_p > 0.0 { sum_cells / sum_p } else { 1.0 };
    let pr = if sum_g > 0.0 { sum_cells / sum_g } else { 1.0 };
    let total = choose2(n);
    let expected = if total > 0.0 {
        sum_p * sum_g / total
    } else {
        0.0
    };
    let max = (sum_p + sum_g) / 2.0;
    let ari = if (max - expected).abs() < f64::EPSILON {
        1.0
    } else {
        (sum_cells - expected) / (max - expected)
    };
    ClusterScores {
        b3_p: bp,
        b3_r: br,
        b3_f1: f(bp, br),
        pairwise_p: pp,
        pairwise_r: pr,
        pairwise_f1: f(pp, pr),
        ari,
    }
}

/// Predicted `(topic, story)` for each document, in the order given.
pub fn predict(docs: &[EcbDoc], config: &StoryConfig) -> Vec<(usize, usize)> {
    predict_with(docs, config, true)
}

/// Dates written in full in `text` (ECB+ documents have no publication date, so
/// nothing relative can be resolved), sorted and deduplicated.
pub fn explicit_dates(text: &str) -> Vec<chrono::NaiveDate> {
    let anchor = chrono::NaiveDate::default();
    let mut out: Vec<chrono::NaiveDate> = text::split_sentences(text)
        .into_iter()
        .flat_map(|span| {
            crate::timeline::find_dates_with(
                span.slice(text),
                anchor,
                crate::timeline::DateFinder::EXPLICIT_ONLY,
            )
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Like [`predict`]; `use_dates` feeds the explicit dates of each text as event dates.
pub fn predict_with(docs: &[EcbDoc], config: &StoryConfig, use_dates: bool) -> Vec<(usize, usize)> {
    predict_keeping(docs, config, use_dates).0
}

/// Like [`predict_with`], also returning the clusterer as it stands at the end
/// (for diagnostics).
pub fn predict_keeping(
    docs: &[EcbDoc],
    config: &StoryConfig,
    use_dates: bool,
) -> (Vec<(usize, usize)>, StoryClusterer) {
    let mut c = StoryClusterer::new(config.clone());
    let stories: Vec<usize> = docs
        .iter()
        .map(|d| {
            c.add(&StoryInput {
                id: d.name.clone(),
                text: d.text.clone(),
                dates: if use_dates {
                    explicit_dates(&d.text)
                } else {
                    Vec::new()
                },
                ..Default::default()
            })
            .story
        })
        .collect();
    // Topics as they stand at the end (topics merge as stories grow), settled
    // when the configuration asks for it.
    c.settle_topics();
    let pred = stories
        .into_iter()
        .map(|s| (c.topic_of(s).unwrap_or(usize::MAX), s))
        .collect();
    (pred, c)
}

/// Topic- and event-level scores of `pred` on the customary dev topics and on
/// the train topics separately (label, documents, topic scores, event scores);
/// a part with no documents is left out.
pub fn split_scores(
    docs: &[EcbDoc],
    pred: &[(usize, usize)],
) -> Vec<(&'static str, usize, ClusterScores, ClusterScores)> {
    [("dev topics", true), ("train topics", false)]
        .into_iter()
        .filter_map(|(label, dev)| {
            let idx: Vec<usize> = (0..docs.len())
                .filter(|&i| DEV_TOPICS.contains(&docs[i].topic) == dev)
                .collect();
            if idx.is_empty() {
                return None;
            }
            let sub_docs: Vec<EcbDoc> = idx.iter().map(|&i| docs[i].clone()).collect();
            let sub_pred: Vec<(usize, usize)> = idx.iter().map(|&i| pred[i]).collect();
            let (t, e) = evaluate(&sub_docs, &sub_pred);
            Some((label, idx.len(), t, e))
        })
        .collect()
}

/// Topic-level and event-level scores of `pred` on `docs`.
pub fn evaluate(docs: &[EcbDoc], pred: &[(usize, usize)]) -> (ClusterScores, ClusterScores) {
    let gold_topic: Vec<u32> = docs.iter().map(|d| d.topic).collect();
    let gold_event: Vec<(u32, bool)> = docs.iter().map(|d| (d.topic, d.plus)).collect();
    let ptopic: Vec<usize> = pred.iter().map(|p| p.0).collect();
    let pevent: Vec<usize> = pred.iter().map(|p| p.1).collect();
    (score(&ptopic, &gold_topic), score(&pevent, &gold_event))
}

/// Runs the scorer on `path` (the `ecbplus` folder).
pub fn run(path: &Path, opts: &EvalOptions) -> Result<Report, EvalError> {
    let mut docs = load(path)?;
    if let Some(limit) = opts.limit {
        docs.truncate(limit);
    }
    let config = StoryConfig::default();
    let start = std::time::Instant::now();
    let pred = predict(&docs, &config);
    let elapsed = start.elapsed();
    let (topic, event) = evaluate(&docs, &pred);
    let topics: std::collections::BTreeSet<u32> = docs.iter().map(|d| d.topic).collect();

    let mut report = Report::new(
        "clustering",
        format!("ECB+ {} documents, {} topics", docs.len(), topics.len()),
    );
    let pri = "Priberam news clustering (Miranda et al. 2018), other corpus [published]";
    report
        .metric("topic_b3_precision", topic.b3_p)
        .metric("topic_b3_recall", topic.b3_r)
        .metric("topic_b3_f1", topic.b3_f1)
        .metric_with_anchor("topic_pairwise_f1", topic.pairwise_f1, pri, 0.940)
        .metric_with_anchor("topic_ari", topic.ari, pri, 0.939)
        .metric("event_b3_precision", event.b3_p)
        .metric("event_b3_recall", event.b3_r)
        .metric("event_b3_f1", event.b3_f1)
        .metric_with_anchor("event_pairwise_f1", event.pairwise_f1, pri, 0.940)
        .metric_with_anchor("event_ari", event.ari, pri, 0.939);

    // Dev / train breakdown.
    for (label, n, t, e) in split_scores(&docs, &pred) {
        report.note(format!(
            "{label} ({n} docs, clustered together with the rest): topic B3 F1 {:.4}, ARI {:.4}; event B3 F1 {:.4}, ARI {:.4}",
            t.b3_f1,
            t.ari,
            e.b3_f1,
            e.ari
        ));
    }
    let ntopics = pred
        .iter()
        .map(|p| p.0)
        .collect::<std::collections::BTreeSet<_>>();
    let nstories = pred
        .iter()
        .map(|p| p.1)
        .collect::<std::collections::BTreeSet<_>>();
    report.note(format!(
        "predicted {} topics and {} stories (gold {} topics, {} sub-topics); {:.1} ms to cluster all",
        ntopics.len(),
        nstories.len(),
        topics.len(),
        docs.iter()
            .map(|d| (d.topic, d.plus))
            .collect::<std::collections::BTreeSet<_>>()
            .len(),
        elapsed.as_secs_f64() * 1000.0
    ));
    report.note(
        "feeding order: by document number, then topic, then ecb before ecbplus (interleaved, not grouped by gold)",
    );
    // The clusterer is incremental, so its result depends on the feeding order:
    // the same documents in shuffled orders show how much.
    let mut shuffled: Vec<(f64, f64)> = Vec::new();
    for seed in 1..=SHUFFLED_ORDERS {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        crate::rng::Rng(seed).shuffle(&mut order);
        let fed: Vec<EcbDoc> = order.iter().map(|&i| docs[i].clone()).collect();
        let (t, e) = evaluate(&fed, &predict(&fed, &config));
        shuffled.push((t.b3_f1, e.b3_f1));
    }
    let mean =
        |f: fn(&(f64, f64)) -> f64| shuffled.iter().map(f).sum::<f64>() / shuffled.len() as f64;
    let (lo, hi) = shuffled.iter().fold((f64::MAX, f64::MIN), |(lo, hi), s| {
        (lo.min(s.0), hi.max(s.0))
    });
    report.note(format!(
        "{SHUFFLED_ORDERS} shuffled feeding orders (seeds 1-{SHUFFLED_ORDERS}): topic B3 F1 mean {:.4} (min {lo:.4}, max {hi:.4}); event B3 F1 mean {:.4}",
        mean(|s| s.0),
        mean(|s| s.1)
    ));

    if let Some(dir) = &opts.details_dir {
        let mut lines = String::from("file\tgold_topic\tgold_sub\tpred_topic\tpred_story\n");
        for (d, p) in docs.iter().zip(&pred) {
            lines.push_str(&format!(
                "{}\t{}\t{}{}\t{}\t{}\n",
                d.name,
                d.topic,
                d.topic,
                if d.plus { "ecbplus" } else { "ecb" },
                p.0,
                p.1
            ));
        }
        crate::write_details(dir, "clustering.tsv", &lines)?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_split_scores() {
        let s = score(&[0, 0, 1, 1], &["a", "a", "b", "b"]);
        assert!((s.b3_f1 - 1.0).abs() < 1e-9 && (s.ari - 1.0).abs() < 1e-9);
        let s = score(&[0, 1, 2, 3], &["a", "a", "b", "b"]);
        assert!((s.b3_p - 1.0).abs() < 1e-9 && (s.b3_r - 0.5).abs() < 1e-9);
        assert!(s.pairwise_f1.abs() < 1e-9);
    }

    #[test]
    fn tokens_skip_url_sentence() {
        let xml = r#"<token t_id="1" sentence="0" number="0">http</token>
<token t_id="2" sentence="1" number="0">Fire</token><token t_id="3" sentence="1" number="1">&amp;</token>
<token t_id="4" sentence="2" number="0">Smoke</token>"#;
        assert_eq!(text_from_tokens(xml, true).as_deref(), Ok("Fire &\nSmoke"));
    }
}
