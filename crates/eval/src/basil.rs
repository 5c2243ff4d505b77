//! Scorer for the `basil` benchmark: one event told by three outlets (BASIL,
//! 2010–2016 half; see ../shared/eval/README.md, section 6).
//!
//! Each article (headline line, then its paragraphs) is extracted, analysed and
//! published on its own date, exactly as `parallax brief` would take it, and all
//! of them go through `fusion::brief::build_brief` as one collection. The stories
//! the brief finds are scored against the gold events (`triplet-uuid`) with B³,
//! pairwise F1 and the adjusted Rand index, the same metrics as ECB+; the brief's
//! broader topics are scored against the same events for reference.
//!
//! The collection is fed in publication order (date, then article uuid: a feed
//! arrives by time, and nothing orders it by gold event); the same articles in
//! shuffled orders show how much the incremental clusterer depends on order.
//!
//! The loaded-term lexicon of the framing profiles is scored against BASIL's
//! lexical-bias spans at the sentence level (README section 6): a body sentence is
//! positive when a `lex` span points to it, predicted positive when a lexicon term
//! occurs in it; P/R/F1 of the positive class, pooled over sentences. The
//! lexicon is fixed (nothing learned), so all seven years are one test set.

use std::path::Path;

use extract::input::{BodyKind, ItemMeta, RawItem};
use serde::Deserialize;

use crate::clustering::{score, ClusterScores};
use crate::{read_to_string, EvalError, EvalOptions, Report};

/// Shuffled feeding orders the scorer also reports (order sensitivity).
const SHUFFLED_ORDERS: u64 = 4;

/// One BASIL article with its gold event.
#[derive(Debug, Clone)]
pub struct BasilArticle {
    /// The file name without directory (`<triplet-uuid>_<n>.json`).
    pub name: String,
    /// The gold event.
    pub event: String,
    /// `fox`, `nyt` or `hpo`, lower case.
    pub source: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    pub uuid: String,
    pub title: String,
    pub paragraphs: Vec<String>,
    /// The body sentences (paragraphs flattened), as the annotations number them.
    pub sentences: Vec<String>,
    /// Indices into `sentences` that a lexical-bias span points to.
    pub lexical_bias: std::collections::BTreeSet<usize>,
    /// Whether its annotation file was found (`annotations/<year>/<name>_ann.json`).
    pub annotated: bool,
}

#[derive(Deserialize)]
struct AnnotationFile {
    #[serde(rename = "phrase-level-annotations", default)]
    phrases: Vec<PhraseAnnotation>,
}

#[derive(Deserialize)]
struct PhraseAnnotation {
    id: String,
    bias: String,
}

/// The body sentence a phrase annotation points to: `p<k>` or `p<k>_<n>`
/// (`title` and anything else: none).
fn sentence_index(id: &str) -> Option<usize> {
    let rest = id.strip_prefix('p')?;
    rest.split('_').next()?.parse().ok()
}

#[derive(Deserialize)]
struct ArticleFile {
    source: String,
    title: String,
    date: String,
    uuid: String,
    #[serde(rename = "triplet-uuid")]
    triplet_uuid: String,
    #[serde(rename = "body-paragraphs")]
    body_paragraphs: Vec<Vec<String>>,
}

/// Reads `articles/<year>/*.json` under `root`, sorted by date, then uuid.
pub fn load(root: &Path) -> Result<Vec<BasilArticle>, EvalError> {
    let articles = root.join("articles");
    let mut out = Vec::new();
    let years = std::fs::read_dir(&articles).map_err(|e| EvalError::io(&articles, e))?;
    let mut files = Vec::new();
    for year in years {
        let year = year.map_err(|e| EvalError::io(&articles, e))?.path();
        if !year.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&year).map_err(|e| EvalError::io(&year, e))? {
            let f = f.map_err(|e| EvalError::io(&year, e))?.path();
            if f.extension().is_some_and(|x| x == "json") {
                files.push(f);
            }
        }
    }
    for path in files {
        let raw = read_to_string(&path)?;
        let a: ArticleFile = serde_json::from_str(&raw)
            .map_err(|e| EvalError::format(&path, format!("not a BASIL article: {e}")))?;
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // annotations/<year>/<name>_ann.json beside articles/<year>/<name>.json.
        let year = path
            .parent()
            .and_then(|p| p.file_name())
            .map(|y| y.to_string_lossy().into_owned())
            .unwrap_or_default();
        let ann_path = root
            .join("annotations")
            .join(year)
            .join(name.replace(".json", "_ann.json"));
        let annotated = ann_path.exists();
        let lexical_bias = if annotated {
            let ann: AnnotationFile =
                serde_json::from_str(&read_to_string(&ann_path)?).map_err(|e| {
                    EvalError::format(&ann_path, format!("not a BASIL annotation file: {e}"))
                })?;
            ann.phrases
                .iter()
                .filter(|p| p.bias == "lex")
                .filter_map(|p| sentence_index(&p.id))
                .collect()
        } else {
            Default::default()
        };
        out.push(BasilArticle {
            name,
            event: a.triplet_uuid,
            source: a.source.to_lowercase(),
            date: a.date,
            uuid: a.uuid,
            title: a.title,
            paragraphs: a.body_paragraphs.iter().map(|p| p.join(" ")).collect(),
            sentences: a.body_paragraphs.into_iter().flatten().collect(),
            lexical_bias,
            annotated,
        });
    }
    if out.is_empty() {
        return Err(EvalError::format(&articles, "no article files found"));
    }
    out.sort_by(|a, b| (&a.date, &a.uuid).cmp(&(&b.date, &b.uuid)));
    Ok(out)
}

/// The outlet's name as a reader knows it.
fn outlet(source: &str) -> &str {
    match source {
        "fox" => "Fox News",
        "nyt" => "New York Times",
        "hpo" => "HuffPost",
        other => other,
    }
}

/// The article as `parallax brief` would ingest it: a plain-text page (headline
/// line, blank line, paragraphs) with its outlet and publication date.
fn raw_item(a: &BasilArticle) -> RawItem {
    let body = format!("{}\n\n{}", a.title, a.paragraphs.join("\n\n"));
    RawItem {
        origin: a.name.clone(),
        body: body.into_bytes(),
        kind: BodyKind::Text,
        meta: ItemMeta {
            outlet: Some(outlet(&a.source).to_string()),
            published: extract::input::parse_datetime(&format!("{}T12:00:00Z", a.date)).map(|at| {
                model::PublishedTime {
                    at,
                    provenance: model::TimeProvenance::User,
                    confidence: 1.0,
                }
            }),
            ..ItemMeta::default()
        },
    }
}

/// Predicted `(topic, story)` of each analysed article, in the order given, from
/// the brief over all of them; a document left out of every story stands alone.
fn predict(docs: &[(model::Document, model::DocumentAnalysis)]) -> Vec<(usize, usize)> {
    crate::brief_stories(docs)
        .into_iter()
        .enumerate()
        .map(|(i, p)| p.unwrap_or((usize::MAX - i, usize::MAX - i)))
        .collect()
}

/// Story- and topic-level scores of `pred` against the gold events.
fn evaluate(articles: &[BasilArticle], pred: &[(usize, usize)]) -> (ClusterScores, ClusterScores) {
    let gold: Vec<&str> = articles.iter().map(|a| a.event.as_str()).collect();
    let stories: Vec<usize> = pred.iter().map(|p| p.1).collect();
    let topics: Vec<usize> = pred.iter().map(|p| p.0).collect();
    (score(&stories, &gold), score(&topics, &gold))
}

/// Runs the scorer on `path` (the `basil` folder).
pub fn run(path: &Path, opts: &EvalOptions) -> Result<Report, EvalError> {
    let mut articles = load(path)?;
    if let Some(limit) = opts.limit {
        articles.truncate(limit);
    }
    let start = std::time::Instant::now();
    let docs: Vec<(model::Document, model::DocumentAnalysis)> = articles
        .iter()
        .map(|a| crate::analysed_page(&raw_item(a)))
        .collect();
    let analysed = start.elapsed();
    let start = std::time::Instant::now();
    let pred = predict(&docs);
    let fused = start.elapsed();
    let (story, topic) = evaluate(&articles, &pred);
    let events: std::collections::BTreeSet<&str> =
        articles.iter().map(|a| a.event.as_str()).collect();

    let mut report = Report::new(
        "basil",
        format!(
            "BASIL {} articles, {} events (3 outlets each)",
            articles.len(),
            events.len()
        ),
    );
    report
        .metric("story_b3_precision", story.b3_p)
        .metric("story_b3_recall", story.b3_r)
        .metric("story_b3_f1", story.b3_f1)
        .metric("story_pairwise_f1", story.pairwise_f1)
        .metric("story_ari", story.ari)
        .metric("topic_b3_f1", topic.b3_f1)
        .metric("topic_ari", topic.ari);
    // The loaded-term lexicon against lexical-bias sentences, over the articles
    // whose annotation file is there (none found: the folder is not BASIL's).
    let annotated = articles.iter().filter(|a| a.annotated).count();
    if annotated == 0 {
        return Err(EvalError::format(
            &path.join("annotations"),
            "no annotation file for any article (expected annotations/<year>/<name>_ann.json)",
        ));
    }
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for a in articles.iter().filter(|a| a.annotated) {
        for (i, sentence) in a.sentences.iter().enumerate() {
            let predicted = !fusion::framing::lexicon_terms_in(sentence).is_empty();
            match (predicted, a.lexical_bias.contains(&i)) {
                (true, true) => tp += 1,
                (true, false) => fp += 1,
                (false, true) => fn_ += 1,
                (false, false) => {}
            }
        }
    }
    let (p, r, f1) = crate::precision_recall_f1(tp, fp, fn_);
    report
        .metric("lexicon_lexical_bias_sentence_p", p)
        .metric("lexicon_lexical_bias_sentence_r", r)
        .metric("lexicon_lexical_bias_sentence_f1", f1);
    let sentences: usize = articles
        .iter()
        .filter(|a| a.annotated)
        .map(|a| a.sentences.len())
        .sum();
    report.note(format!(
        "lexical bias ({annotated} of {} articles annotated): {} of {sentences} body sentences hold a lex span; the loaded-term lexicon (conflict vocabulary, fixed) flags {} sentences, {tp} of them right",
        articles.len(),
        tp + fn_,
        tp + fp
    ));
    let count = |f: fn(&(usize, usize)) -> usize| {
        pred.iter()
            .map(f)
            .collect::<std::collections::BTreeSet<_>>()
            .len()
    };
    report.note(format!(
        "predicted {} stories and {} topics (gold {} events); analysed in {:.1} s, fused in {:.1} s",
        count(|p| p.1),
        count(|p| p.0),
        events.len(),
        analysed.as_secs_f64(),
        fused.as_secs_f64()
    ));
    report.note(
        "feeding order: by publication date, then article uuid; topics (broader) are scored against the same events",
    );
    let mut shuffled = Vec::new();
    for seed in 1..=SHUFFLED_ORDERS {
        let mut order: Vec<usize> = (0..docs.len()).collect();
        crate::rng::Rng(seed).shuffle(&mut order);
        let fed: Vec<_> = order.iter().map(|&i| docs[i].clone()).collect();
        let fed_articles: Vec<BasilArticle> = order.iter().map(|&i| articles[i].clone()).collect();
        shuffled.push(evaluate(&fed_articles, &predict(&fed)).0.b3_f1);
    }
    let mean = shuffled.iter().sum::<f64>() / shuffled.len().max(1) as f64;
    let (lo, hi) = shuffled
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &s| (lo.min(s), hi.max(s)));
    report.note(format!(
        "{SHUFFLED_ORDERS} shuffled feeding orders (seeds 1-{SHUFFLED_ORDERS}): story B3 F1 mean {mean:.4} (min {lo:.4}, max {hi:.4})"
    ));

    if let Some(dir) = &opts.details_dir {
        let mut lines =
            String::from("file\tdate\tsource\tgold_event\tpred_topic\tpred_story\ttitle\n");
        for (a, p) in articles.iter().zip(&pred) {
            lines.push_str(&format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
                a.name, a.date, a.source, a.event, p.0, p.1, a.title
            ));
        }
        crate::write_details(dir, "basil.tsv", &lines)?;
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_is_ingested_as_a_dated_page_of_its_outlet() {
        let a = BasilArticle {
            name: "x_1.json".into(),
            event: "x".into(),
            source: "hpo".into(),
            date: "2012-03-04".into(),
            uuid: "u".into(),
            title: "Council passes the budget".into(),
            paragraphs: vec!["The council voted on Sunday.".into(), "It passed.".into()],
            sentences: Vec::new(),
            lexical_bias: Default::default(),
            annotated: false,
        };
        let d = extract::document::build_document(&raw_item(&a), &ItemMeta::default());
        assert_eq!(d.outlet.map(|o| o.name).as_deref(), Some("HuffPost"));
        assert_eq!(
            d.published.map(|p| p.at.date().to_string()).as_deref(),
            Some("2012-03-04")
        );
        assert!(
            d.text.contains("The council voted on Sunday."),
            "{}",
            d.text
        );
    }

    #[test]
    fn annotation_ids_point_to_body_sentences() {
        assert_eq!(sentence_index("p5"), Some(5));
        assert_eq!(sentence_index("p12_1"), Some(12));
        assert_eq!(sentence_index("title"), None);
        assert_eq!(sentence_index("px"), None);
    }

    #[test]
    fn a_malformed_article_names_the_file() {
        let dir = std::env::temp_dir().join(format!("basil-bad-{}", std::process::id()));
        let year = dir.join("articles").join("2010");
        std::fs::create_dir_all(&year).unwrap();
        std::fs::write(year.join("bad_1.json"), "{\"source\": 3}").unwrap();
        let err = load(&dir).unwrap_err().to_string();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(
            err.contains("bad_1.json") && err.contains("not a BASIL article"),
            "{err}"
        );
    }
}
