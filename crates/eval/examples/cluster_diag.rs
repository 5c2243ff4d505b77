//! Prints, for each gold ECB+ topic, how its documents spread over predicted topics
//! and stories (diagnosis of over- and under-splitting).
//!
//! `cargo run --release -p eval --example cluster_diag -- /work/shared/eval/clustering/ecbplus`
//!
//! Settings default to `StoryConfig::default()`; environment variables override
//! them for sweeps (TOPIC, EVENT, TOPICNAME, NOLINK, MERGE, MERGENAME, MERGEPOW,
//! SWEEP, MERGEMIN, SETTLE_N, SETTLE_POW, SETTLE_T, SHUFFLE=<seed> for a shuffled feeding order). The last two lines split the figures by the customary
//! dev and train topics.

use std::collections::BTreeMap;

use eval::clustering::{evaluate, load, predict_keeping, split_scores};
use fusion::stories::StoryConfig;

fn env_f64(key: &str, default: f64) -> f64 {
    std::env::var(key)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/work/shared/eval/clustering/ecbplus".to_string());
    let mut docs = load(std::path::Path::new(&path))?;
    // SHUFFLE=<seed>: feed the documents in a shuffled order (order sensitivity).
    if let Some(seed) = std::env::var("SHUFFLE")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    {
        eval::rng::Rng(seed).shuffle(&mut docs);
    }
    let d = StoryConfig::default();
    let config = StoryConfig {
        topic_threshold: env_f64("TOPIC", d.topic_threshold),
        event_threshold: env_f64("EVENT", d.event_threshold),
        topic_name_weight: env_f64("TOPICNAME", d.topic_name_weight),
        topic_linkage_by_story: std::env::var("NOLINK").is_err(),
        topic_merge_threshold: env_f64("MERGE", d.topic_merge_threshold),
        merge_name_weight: env_f64("MERGENAME", d.merge_name_weight),
        merge_idf_power: env_f64("MERGEPOW", d.merge_idf_power),
        merge_sweep_every: env_f64("SWEEP", d.merge_sweep_every as f64) as usize,
        topic_merge_min_members: env_f64("MERGEMIN", d.topic_merge_min_members as f64) as usize,
        settle_lede_sentences: env_f64("SETTLE_N", d.settle_lede_sentences as f64) as usize,
        settle_idf_power: env_f64("SETTLE_POW", d.settle_idf_power),
        settle_threshold: env_f64("SETTLE_T", d.settle_threshold),
        ..d.clone()
    };
    let (pred, clusterer) = predict_keeping(&docs, &config, true);
    let mut by_gold: BTreeMap<u32, BTreeMap<usize, (usize, usize)>> = BTreeMap::new();
    for (d, p) in docs.iter().zip(&pred) {
        let e = by_gold.entry(d.topic).or_default().entry(p.0).or_default();
        if d.plus {
            e.1 += 1;
        } else {
            e.0 += 1;
        }
    }
    for (g, m) in &by_gold {
        let parts: Vec<String> = m
            .iter()
            .map(|(t, (a, b))| format!("t{t}:{a}+{b}"))
            .collect();
        println!("gold {g:>2}: {}", parts.join(" "));
    }
    // Each predicted topic's majority gold sub-topic, and its closest topic.
    let mut label: BTreeMap<usize, BTreeMap<(u32, bool), usize>> = BTreeMap::new();
    for (d, p) in docs.iter().zip(&pred) {
        *label
            .entry(p.0)
            .or_default()
            .entry((d.topic, d.plus))
            .or_default() += 1;
    }
    let name = |t: usize| {
        label
            .get(&t)
            .and_then(|m| m.iter().max_by_key(|(_, n)| **n))
            .map(|((g, plus), _)| format!("{g}{}", if *plus { "+" } else { "" }))
            .unwrap_or_default()
    };
    if std::env::var("NEIGHBOURS").is_ok() {
        for (t, o, sim) in clusterer.topic_neighbours() {
            println!("t{t} ({}) closest t{o} ({}) {sim:.4}", name(t), name(o));
        }
    }
    // DUMP=<file>: each document's name, predicted topic and story.
    if let Ok(out) = std::env::var("DUMP") {
        let lines: String = docs
            .iter()
            .zip(&pred)
            .map(|(d, p)| format!("{}\t{}\t{}\n", d.name, p.0, p.1))
            .collect();
        std::fs::write(&out, lines)?;
    }
    let (t, e) = evaluate(&docs, &pred);
    println!(
        "topic B3 {:.4} (P {:.3} R {:.3}) | event B3 {:.4} (P {:.3} R {:.3})",
        t.b3_f1, t.b3_p, t.b3_r, e.b3_f1, e.b3_p, e.b3_r
    );
    for (label, _, t, e) in split_scores(&docs, &pred) {
        let label = label.trim_end_matches(" topics");
        println!("  {label}: topic B3 {:.4} event B3 {:.4}", t.b3_f1, e.b3_f1);
    }
    Ok(())
}
