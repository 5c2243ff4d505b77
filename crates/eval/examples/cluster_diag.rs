//! Prints, for each gold ECB+ topic, how its documents spread over predicted topics
//! and stories (diagnosis of over- and under-splitting).
//!
//! `cargo run --release -p eval --example cluster_diag -- /work/shared/eval/clustering/ecbplus`

use std::collections::BTreeMap;

use eval::clustering::{evaluate, load, predict};
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
    let docs = load(std::path::Path::new(&path))?;
    let config = StoryConfig {
        topic_threshold: env_f64("TOPIC", 0.15),
        event_threshold: env_f64("EVENT", 0.12),
        topic_name_weight: env_f64("TOPICNAME", 2.0),
        topic_linkage_by_story: std::env::var("NOLINK").is_err(),
        topic_merge_threshold: env_f64("MERGE", 0.095),
        merge_name_weight: env_f64("MERGENAME", 3.0),
        merge_idf_power: env_f64("MERGEPOW", 1.5),
        merge_sweep_every: env_f64("SWEEP", 50.0) as usize,
        topic_merge_min_members: env_f64("MERGEMIN", 2.0) as usize,
        ..StoryConfig::default()
    };
    let pred = predict(&docs, &config);
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
    let (t, e) = evaluate(&docs, &pred);
    println!(
        "topic B3 {:.4} (P {:.3} R {:.3}) | event B3 {:.4} (P {:.3} R {:.3})",
        t.b3_f1, t.b3_p, t.b3_r, e.b3_f1, e.b3_p, e.b3_r
    );
    Ok(())
}
