//! Sweeps the story clusterer's thresholds on ECB+ (topics 1–35) and prints
//! topic-level and event-level B³ F1 / ARI for each setting.
//!
//! `cargo run --release -p eval --example cluster_sweep -- /work/shared/eval/clustering/ecbplus`

use eval::clustering::{evaluate, load, predict_with};
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
    let parse = |i: usize, d: &[f64]| -> Vec<f64> {
        std::env::args()
            .nth(i)
            .map(|s| s.split(',').filter_map(|x| x.parse().ok()).collect())
            .unwrap_or_else(|| d.to_vec())
    };
    let topics = parse(2, &[0.08, 0.12, 0.16]);
    let events = parse(3, &[0.12, 0.18, 0.24, 0.30]);
    let names = parse(4, &[2.0]);
    let topic_names = parse(5, &[2.0]);
    let linkage = std::env::args().nth(6).as_deref() != Some("0");
    let merges = parse(7, &[0.095]);
    for &t in &topics {
        for &e in &events {
            for &n in &names {
                let config = StoryConfig {
                    topic_threshold: t,
                    event_threshold: e,
                    name_weight: n,
                    topic_name_weight: topic_names[0],
                    topic_linkage_by_story: linkage,
                    topic_merge_threshold: merges[0],
                    date_mismatch_factor: parse(8, &[0.5])[0],
                    date_window_days: parse(9, &[7.0])[0] as i64,
                    topic_merge_min_members: env_f64("MERGEMIN", 2.0) as usize,
                    topic_number_weight: env_f64("TOPICNUM", 1.0),
                    merge_name_weight: env_f64("MERGENAME", 3.0),
                    merge_idf_power: env_f64("MERGEPOW", 1.5),
                    merge_sweep_every: env_f64("SWEEP", 50.0) as usize,
                    ..StoryConfig::default()
                };
                let pred = predict_with(&docs, &config, std::env::var("NODATES").is_err());
                let (ts, es) = evaluate(&docs, &pred);
                println!(
                    "topic {t:.3} event {e:.3} names {n:.1}: topic B3 {:.4} (P {:.3} R {:.3}) ARI {:.4} | event B3 {:.4} (P {:.3} R {:.3}) ARI {:.4} pw {:.4}",
                    ts.b3_f1, ts.b3_p, ts.b3_r, ts.ari, es.b3_f1, es.b3_p, es.b3_r, es.ari, es.pairwise_f1
                );
            }
        }
    }
    Ok(())
}
